/* flow.h - what a product wants on paper, device-independent, and the one
 * layout primitive: fit a flow into a frame, report where it stopped.
 *
 * A flow is a list of blocks (paragraphs, space, rules, ruled write-in
 * lines, boxes holding a nested flow, rows of cells, breaks), each with
 * keep-with-next / keep-together hints, an optional anchor (named
 * destination) and an optional outline entry. Products (handbook, cards,
 * worksheet) build flows; layout_fit() lays them into frames: the body
 * frame of each page, one card face, a worksheet box. All lengths are
 * points. */
#ifndef SP_LAYOUT_FLOW_H
#define SP_LAYOUT_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/smartpunct.h"
#include "layout/page.h"
#include "layout/paragraph.h"

typedef enum flow_kind {
	BLK_PARA,  /* styled spans, broken into lines */
	BLK_SPACE, /* vertical space; dropped at the top of a frame */
	BLK_RULE,  /* a horizontal rule across the measure */
	BLK_LINES, /* ruled write-in lines */
	BLK_BOX,   /* a nested flow inside a border and/or a fill */
	BLK_ROW,   /* cells side by side; never split */
	BLK_BREAK  /* end the frame (and, with to_odd, reach an odd page) */
} flow_kind;

typedef struct sp_flow sp_flow;
typedef struct flow_block flow_block;

typedef struct flow_cell {
	double width;      /* points; 0 = share the remaining width */
	sp_flow *content;  /* owned */
	double min_height; /* points */
	double pad;        /* inner padding, points */
	sp_color fill;     /* used when has_fill */
	int has_fill;
	int border; /* stroke the cell */
} flow_cell;

/* Gives back the unused capacity of a finished flow's block array, of
 * its paragraphs' span arrays and of the flows nested in its boxes and
 * cells (pointers to blocks and spans taken earlier are invalid
 * afterwards). */
void flow_trim(sp_flow *f);

struct flow_block {
	flow_kind kind;
	double space_before, space_after; /* points */
	double indent_left, indent_right; /* points, from the frame's edges */
	int keep_with_next;  /* never end a frame after this block */
	int keep_together;   /* never split this block across frames */
	char *dest;          /* named destination at the block's top, or NULL */
	int outline_level;   /* -1 = no outline entry */
	char *outline_title; /* UTF-8 */
	uint32_t se;         /* structure element of its text (struct.h);
	                      * 0 = that of the enclosing block or page */
	uint32_t se_marker;  /* of its marker; 0 = se */

	/* BLK_PARA */
	layout_span *spans; /* text and link owned by the flow */
	size_t nspans, cap_spans;
	layout_para_style pstyle;
	layout_span marker;  /* hung left of the first line (bullet, number,
	                      * tick box); marker.text NULL = none */
	double marker_width; /* hang width, points (marker ends at indent) */
	layout_span tail;    /* right-aligned after dot leaders (TOC, index);
	                      * tail.text NULL = none */
	int leader;          /* draw dot leaders before the tail */
	sp_color fill;       /* background of the paragraph's area */
	int has_fill;
	int wrap_mark;    /* draw a continuation mark (in `color`) right of the
	                   * measure after each line that wraps (code blocks) */
	smartpunct smart; /* typographic punctuation across the spans added
	                   * (pstyle.smart_punct) */

	/* BLK_SPACE: height; BLK_RULE: thickness, color;
	 * BLK_LINES: nlines lines, `height` apart, color, optional label in
	 * spans (drawn above the first line) */
	double height;
	double thickness;
	sp_color color;
	int nlines;

	/* BLK_BOX */
	sp_flow *inner;  /* owned */
	double pad;      /* padding inside the border */
	sp_color stroke; /* border colour when thickness > 0 */
	double radius;   /* corner radius */

	/* BLK_ROW */
	flow_cell *cells;
	size_t ncells;
	double gap; /* between cells */

	/* BLK_BREAK */
	int to_odd; /* continue on an odd (right-hand) page */

	/* unique in the process (never reused, even after the flow is
	 * freed): the layout engine keys what it remembers about a block on
	 * it, and never writes to a flow */
	uint64_t id;
};

struct sp_flow {
	flow_block *blocks;
	size_t n, cap;
};

sp_flow *flow_new(void);
void flow_free(sp_flow *f);

/* Builders: each returns the new block (valid until the next add). */
flow_block *flow_add_para(sp_flow *f, const layout_para_style *st);
void flow_para_add(flow_block *b, const char *text, size_t len,
                   const layout_span *style); /* copies text and link */
void flow_para_marker(flow_block *b, const char *text, const layout_span *style,
                      double hang);
void flow_para_tail(flow_block *b, const char *text, const layout_span *style,
                    int leader);
flow_block *flow_add_space(sp_flow *f, double height);
flow_block *flow_add_rule(sp_flow *f, double thickness, sp_color color);
flow_block *flow_add_lines(sp_flow *f, int nlines, double gap, sp_color color);
flow_block *flow_add_box(sp_flow *f, sp_flow *inner, double pad,
                         double thickness, sp_color stroke);
flow_block *flow_add_row(sp_flow *f, double gap);
flow_cell *flow_row_add_cell(flow_block *row, double width, sp_flow *content);
flow_block *flow_add_break(sp_flow *f, int to_odd);
void flow_block_anchor(flow_block *b, const char *dest);
void flow_block_outline(flow_block *b, int level, const char *title);

/* Where layout stopped inside a flow. */
typedef struct layout_pos {
	size_t block; /* next block to lay */
	size_t line;  /* next line of a paragraph or write-in block; for a
	               * box or oversized row in progress: 1 + the part
	               * (row: the cell) being laid */
	size_t inner_block, inner_line; /* position inside that part */
} layout_pos;

typedef struct layout_frame {
	size_t page; /* index into the document's pages */
	double x;    /* left edge, points */
	double top;  /* top edge (y of the frame's top), points */
	double w, h; /* size, points */
} layout_frame;

typedef struct layout_engine layout_engine;

layout_engine *layout_engine_new(layout_text_ctx *text);
void layout_engine_free(layout_engine *e);
/* The engine remembers broken paragraphs by content (text, styles,
 * measure), so a flow rebuilt with the same paragraphs (the passes of a
 * document whose page numbers settle) does not break them again. Flows
 * that borrowed from the cache must be freed before it is cleared. */
void layout_engine_clear_cache(layout_engine *e);

/* Lay the flow, starting at *pos, into the frame. When doc is NULL only
 * measure. Advances *pos; returns the height used (points). Sets
 * *overflow to 1 when content remains (the caller continues in another
 * frame). A block that cannot fit even an empty frame is placed anyway
 * only if it can be split; an unsplittable block taller than an empty
 * frame is split line by line as a last resort: nothing is dropped. */
double layout_fit(layout_engine *e, const sp_flow *flow, layout_pos *pos,
                  sp_document *doc, const layout_frame *frame, int *overflow);
int layout_done(const sp_flow *flow, const layout_pos *pos);
/* Height the whole flow needs at width w (no frame limit). */
double layout_flow_height(layout_engine *e, const sp_flow *flow, double w);

/* Draw one unbroken line of span (text, links) on pg with its baseline
 * at base: x is its left end (ALIGN_LEFT), its centre (ALIGN_CENTER) or
 * its right end (ALIGN_RIGHT). Returns its width, points. For labels,
 * running heads, page numbers, card furniture. */
double layout_draw_text(layout_text_ctx *t, sp_page *pg, const layout_span *sp,
                        double x, double base, layout_align align);

/* Frame source for paginated documents: called when a new frame is
 * needed; returns 0 and fills *frame, or -1 to stop. to_odd asks for an
 * odd (right-hand) page. */
typedef int (*layout_next_frame_fn)(void *ud, sp_document *doc, int to_odd,
                                    layout_frame *frame);

/* Lay a whole flow into as many frames as it needs. Returns the number of
 * frames used, or -1 when next_frame refused (page limit). */
long layout_paginate(layout_engine *e, const sp_flow *flow, sp_document *doc,
                     layout_next_frame_fn next_frame, void *ud);

/* Flows laid one after another, so that only one is held at a time: next
 * gives the next flow (owned by the source), or NULL after the last; done
 * is called with each flow when it has been laid (to free it). */
typedef struct layout_flow_seq {
	sp_flow *(*next)(void *ud);
	void (*done)(void *ud, sp_flow *flow);
	void *ud;
} layout_flow_seq;

/* layout_paginate over the flows of src in turn. Each flow but the first
 * starts with a BLK_BREAK: the pages are then those layout_paginate lays
 * for all their blocks in one flow (a flow that starts with anything else
 * starts on a new frame). Returns the frames used, or -1 when next_frame
 * refused (the flow being laid is given to done all the same). */
long layout_paginate_seq(layout_engine *e, const layout_flow_seq *src,
                         sp_document *doc, layout_next_frame_fn next_frame,
                         void *ud);

#endif
