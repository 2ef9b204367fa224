/* renderer.h - one PDF being made from a page model (private to
 * src/pdf/): render.c drives it (document set-up, fonts, pages, saving,
 * packing), draw.c writes each page's content stream, navigation.c adds
 * links, bookmarks and page labels. */
#ifndef SP_PDF_RENDERER_H
#define SP_PDF_RENDERER_H

#include <time.h>

#include "pdf/gtext.h"
#include "pdf/internal.h"

typedef struct pdf_renderer {
	HPDF_Doc pdf;
	pdf_err err;
	const sp_document *doc;
	const pdf_fonts *fonts;
	HPDF_Page *pages;
	HPDF_Font *font;   /* per face; NULL = not used */
	pdf_cpset **used;  /* per face: the glyph ids drawn (CID = gid) */
	pdf_gtext **gtext; /* per face: the text of each glyph drawn */
	struct pdf_codes **codes; /* per face: one-byte codes, or NULL */
	double tw;                /* the page's word spacing (Tw) now, points */
	sp_buf text;              /* scratch: an outline title */
	size_t *glyph_at;         /* scratch (draw.c): where the text of */
	size_t cap_glyph_at;      /* each glyph of a run starts, and */
	size_t *glyph_len;        /* its length */
	size_t cap_glyph_len;
	sp_buf *raw; /* per page: its content stream */
	sp_buf *z;   /* per page: deflated (NULL when uncompressed), held
	              * until the packer writes them */
	unsigned long *content_ids; /* per page: its (empty) content
	                             * stream in libharu, or NULL */
	pdf_deflate_job *deflating; /* started by render.c */
	pdf_embed *embed;           /* the run's font programs */
	int defs_held;           /* this render holds the shared definitions */
	char *shared;            /* per face: on the shared definition */
	char *ours;              /* per face: embedded by embed.c */
	char *ttf;               /* per face: made by ttfont.c */
	struct pdf_cidcff **cff; /* per face: a CFF face's font (cidcff.c) */
	int uncompressed;
	int pdfa;                               /* PDF/A-2a (pdfa.c) */
	void (*page_drawn)(void *ud, size_t p); /* pdf_render_opts' */
	void *page_drawn_ud;
	int warned_text;
	struct pdf_tags *tags;    /* marked content, structure (tags.c) */
	struct nav_annots *links; /* our link annotations (navigation.c) */
	int has_date;             /* SOURCE_DATE_EPOCH was valid: */
	struct tm date;           /* its time, UTC */
	sp_diag *d;
} pdf_renderer;

/* render.c: reports the pending libharu error, if any (what: the step);
 * returns non-zero then. */
int pdf_render_failed(pdf_renderer *r, const char *what);

/* draw.c: page p's rectangles, lines and text into r->raw[p], recording
 * the glyphs drawn in r->used and their text in r->gtext. */
void draw_page(pdf_renderer *r, size_t p);

/* codeplan.c: decides which faces get one-byte codes (r->codes; after
 * the fonts are loaded, before the first page is drawn); frees them. */
void codes_plan(pdf_renderer *r);
void codes_plan_free(pdf_renderer *r);

/* navigation.c: page p's link annotations (a link to an unknown
 * destination is dropped with a warning); the bookmarks; the page labels.
 * The last two return 0, or -1 after reporting. */
void nav_links(pdf_renderer *r, size_t p);
/* The link annotations of a packed file are objects of ours, which
 * pack.c places right after the structure tree's (tags_extra_count): k
 * of nav_links_count, in the order of tags_link, each written by
 * nav_links_body. libharu holds only each page's /Annots, a placeholder
 * (j of nav_links_arrays, its object number nav_links_array_id) whose
 * body is nav_links_array_body (first_id: the object number of
 * annotation 0). Uncompressed, libharu's own annotations, and none of
 * these. */
typedef struct nav_annots nav_annots;
size_t nav_links_count(const pdf_renderer *r);
void nav_links_body(const pdf_renderer *r, size_t k, sp_buf *b);
size_t nav_links_arrays(const pdf_renderer *r);
unsigned long nav_links_array_id(const pdf_renderer *r, size_t j);
void nav_links_array_body(const pdf_renderer *r, size_t first_id, size_t j,
                          sp_buf *b);
void nav_links_free(pdf_renderer *r);
int nav_outline(pdf_renderer *r);
int nav_labels(pdf_renderer *r);

#endif
