/* tags.h - tagged PDF (private to src/pdf/): marked content in the page
 * contents and the structure tree, from the page model's structure
 * (layout/struct.h).
 *
 * draw.c asks for the marked-content target of each text item
 * (tags_target) and writes the switches between targets (tags_switch);
 * lines and rectangles are layout artifacts (tags_artifact). navigation.c
 * hands over each link annotation (tags_link). After all pages, tags_finish
 * writes the structure elements, the ParentTree, the RoleMap and each
 * page's /StructParents and /Tabs; xmp.c writes the document-level items
 * (MarkInfo, Lang, ViewerPreferences, the XMP metadata). */
#ifndef SP_PDF_TAGS_H
#define SP_PDF_TAGS_H

#include <stddef.h>
#include <stdint.h>

#include "pdf/internal.h"

typedef struct pdf_renderer pdf_renderer;
typedef struct pdf_tags pdf_tags;

#define TAGS_NONE 0xFFFFFFFEu /* no marked content open */

pdf_tags *tags_new(const sp_document *doc);
void tags_free(pdf_tags *t);

/* Page p starts being drawn. */
void tags_page(pdf_renderer *r, size_t p);
/* What text item t of page p is marked as: an element id (>= 1),
 * STRUCT_ARTIFACT or STRUCT_LAYOUT. */
uint32_t tags_target(pdf_renderer *r, size_t p, const page_text *t);
/* Ends the marked content of `from` (unless TAGS_NONE) and begins that
 * of `to` (unless TAGS_NONE), t being the first item of `to`. */
void tags_switch(pdf_renderer *r, sp_buf *cs, size_t p, uint32_t from,
                 uint32_t to, const page_text *t);
/* Opens (open = 1) or closes a layout artifact around graphics. */
void tags_artifact(sp_buf *cs, int open);
/* A link annotation made for link i of page p: the next of them
 * (counted from 0, the k of tags_annot_keys and nav_links_body). */
void tags_link(pdf_renderer *r, size_t p, size_t i);
/* Annotation k's keys for the structure: /Contents (the text the link
 * covers, else where it goes) and /StructParent. */
void tags_annot_keys(const pdf_renderer *r, size_t k, sp_buf *b);
/* The structure tree and every page's keys; 0, or -1 after reporting. */
int tags_finish(pdf_renderer *r);

/* What pack.c writes beside libharu's objects (see pdf_pack_extra):
 * the elements, the ParentTree (i < tags_extra_count), then, i ==
 * tags_extra_count, the StructTreeRoot in place of the placeholder object
 * tags_extra_replace names. The link annotations (navigation.c) follow
 * the tree's objects: annotation k is object base + tags_extra_count + k. */
size_t tags_extra_count(const pdf_tags *t);
unsigned long tags_extra_replace(const pdf_tags *t);
void tags_extra_body(void *ud, size_t base, size_t i, sp_buf *b);

/* scriptlang.c: the language (a BCP 47 primary tag) that the script of
 * len bytes of text says it is in, when that is not doc_lang's (NULL =
 * "en"): "he", "ar", "hi", "th", "zh", "ja" or "ko"; NULL for
 * text with Latin letters, or of no such script. draw.c marks such a run
 * as a /Span with that /Lang inside its element's marked content. */
const char *tags_span_lang(const char *doc_lang, const char *text, size_t len);

/* xmp.c: MarkInfo, Lang, ViewerPreferences and the XMP metadata stream
 * (dates from the render's SOURCE_DATE_EPOCH, when set). 0, or -1 after
 * reporting. */
int xmp_write(pdf_renderer *r);

#endif
