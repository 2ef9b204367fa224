/* engine.h - the parts of the layout engine (private to src/layout/):
 * frame.c fits flows into frames, paracache.c remembers broken
 * paragraphs, prefetch.c analyses paragraphs ahead on a helper thread,
 * paint.c draws laid-out lines into the page model. */
#ifndef SP_LAYOUT_ENGINE_H
#define SP_LAYOUT_ENGINE_H

#include <stdint.h>

#include "layout/flow.h"
#include "util/arena.h"

#define TAIL_GAP 12.0 /* points between a paragraph and its tail */

typedef struct para_entry {
	uint64_t h1, h2; /* two independent hashes of the paragraph's key */
	layout_lines lines;
} para_entry;

typedef struct prefetch prefetch;

struct layout_engine {
	layout_text_ctx *text;
	layout_text_ctx *helper_text; /* the prefetch thread's, made once */
	prefetch *pf;                 /* running during a cold pagination */
	int pending_odd;              /* a break asked for an odd page */
	int depth;                    /* nesting of boxes/cells being laid */
	double frame_h;    /* height of the outermost frame being filled,
	                    * points (0 = unknown): a block kept together but
	                    * taller than this is split like any other */
	para_entry *cache; /* open addressing, cap a power of two */
	size_t ncache;     /* entries of paragraphs with text */
	size_t nempty;     /* entries of empty paragraphs */
	size_t cap_cache;
	/* the cached lines, their runs, texts, glyphs, kerning and link
	 * targets: held together (a long corpus caches millions of small
	 * arrays) */
	sp_arena cache_mem;
	const char *last_link; /* the copy the last cached link points to */
	struct paracache_memo *memo; /* by block id (paracache.c) */
};

/* paracache.c: the lines of paragraph b laid at frame width w, broken
 * once per content (text, styles, measure) and remembered; the arrays
 * stay valid until layout_engine_clear_cache. */
layout_lines paracache_lines(layout_engine *e, const flow_block *b, double w);

/* prefetch.c: whether the cache is cold for a pagination that starts
 * with flow (most of its paragraphs not in the cache: the first pass of
 * a document); start the helper thread on a flow about to be paginated
 * when cold (asked at the first flow of a sequence, whose later flows
 * would find the earlier ones' paragraphs in the cache) and the flow has
 * enough paragraphs (or do nothing), stop it (always call), and take its
 * analysis of b, if any (waiting while it is being made); either way the
 * helper does not start on b afterwards. prefetch_give hands a taken
 * analysis back when it has been used (NULL: nothing): the helper makes
 * the next ones in its arrays, and frees what it allocated itself (a free
 * on another thread than the malloc takes that thread's arena lock, and
 * the two threads then wait on each other). */
int prefetch_cold(const layout_engine *e, const sp_flow *flow);
void prefetch_start(layout_engine *e, const sp_flow *flow, int cold);
void prefetch_stop(layout_engine *e);
layout_pre *prefetch_take(layout_engine *e, const flow_block *b);
void prefetch_give(layout_engine *e, layout_pre *pre);

/* paint.c: the width a paragraph's tail takes (0 without one), points. */
double paint_tail_width(layout_engine *e, const flow_block *b);
/* The height line l of b takes (its leading), points. */
double paint_line_height(const flow_block *b, const layout_line *l);
/* Lines [from, to) of paragraph b, the first one's top at `top`, into
 * frame fr of page pg: runs and their links, the marker, the tail with
 * its leaders, wrap marks. */
void paint_para_lines(layout_engine *e, sp_page *pg, const layout_frame *fr,
                      double top, const flow_block *b, const layout_lines *ls,
                      size_t from, size_t to);
#endif
