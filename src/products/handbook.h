/* handbook.h - the study handbook: cover, contents, one section per
 * category, question blocks, topic index, bookmarks, running heads,
 * page labels; optionally imposed as a saddle-stitch booklet. */
#ifndef SP_PRODUCTS_HANDBOOK_H
#define SP_PRODUCTS_HANDBOOK_H

#include <stddef.h>

#include "corpus/corpus.h"
#include "products/typeset.h"

typedef struct handbook_opts {
	long role;      /* index of the role named on the cover, or -1 */
	int write_in;   /* ruled "Your example" lines after each tip */
	int duplex;     /* sections start on right-hand pages; mirrored
	                 * margins */
	int booklet;    /* impose two-up in saddle-stitch order */
	long max_pages; /* refuse to lay out more pages (0 = default) */
} handbook_opts;

#define HANDBOOK_MAX_PAGES 100000

/* Lay out the handbook of the selected questions (indexes into
 * c->questions, in corpus order). Returns a new document, or NULL after
 * reporting (e.g. page limit). */
sp_document *handbook_build(sp_typeset *r, const sp_corpus *c,
                            const size_t *sel, size_t nsel,
                            const handbook_opts *o);

/* Append to b the meta line printed under a question's heading: its
 * level, minutes and topics, with the template's labels l. */
void handbook_meta_line(const sp_labels *l, const sp_question *q, sp_buf *b);

/* Impose pages two-up in saddle-stitch order onto sheets twice as wide,
 * padding with blank pages to a multiple of four. Page i of the result
 * holds source pages booklet_order()[2i] (left) and [2i+1] (right), where
 * -1 is a blank. Returns a new document; the source is left as it was. */
sp_document *booklet_impose(const sp_document *src);
/* The saddle-stitch order for n pages: fills out[0 .. 2*sheets*2) with
 * 0-based page indexes or -1 for blanks; returns the count (a multiple
 * of 4). out must hold n + 3 entries. */
size_t booklet_order(size_t n, long *out);

#endif
