/* items.h - a segmented paragraph as Knuth-Plass boxes, glue and
 * penalties (private). */
#ifndef SP_LAYOUT_ITEMS_H
#define SP_LAYOUT_ITEMS_H

#include "layout/linebreak.h"
#include "layout/segment.h"

/* Penalties. */
enum {
	PEN_HYPHEN = 50,   /* pattern or soft hyphen */
	PEN_EXHYPHEN = 50, /* after an explicit hyphen or dash */
	PEN_URL = 50,      /* after "/" in a URL */
	PEN_EMERGENCY = 50 /* between graphemes of a word too long */
};

typedef struct items_opts {
	int justify;
	int preserve_space;
	int hyphenate; /* add pattern hyphenation points (marked hyph) */
	double emergency_width; /* > 0: words wider than this get a break
	                         * between every two graphemes */
} items_opts;

void items_build(layout_text_ctx *t, const layout_span *spans, const tx_para *p,
                 const items_opts *o, lb_items *out);
void items_free(lb_items *it);

#endif
