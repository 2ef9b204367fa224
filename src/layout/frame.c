/* frame.c - the one layout primitive: fit a flow into a frame.
 *
 * Vertical model: every line of a paragraph occupies its leading; the
 * baseline sits so that ascent + descent is centred in it. Spaces before
 * a block vanish at the top of a frame. A paragraph is split between
 * lines, never leaving a single line alone at the bottom (orphan) or top
 * (widow) of a frame; keep-with-next chains move to the next frame
 * together; a block that does not fit even an empty frame is split as a
 * last resort, so nothing is ever dropped. */
#include "layout/flow.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/engine.h"
#include "util/mem.h"

#define KEEP_CHAIN_MAX 8
#define HUGE_FRAME 1e9

typedef struct fit_state {
	layout_engine *e;
	sp_document *doc; /* NULL = measure only */
	const layout_frame *fr;
	double y;   /* height used from the frame's top */
	int empty;  /* nothing placed in this frame yet */
	int closed; /* a break ended the frame */
} fit_state;

layout_engine *layout_engine_new(layout_text_ctx *text)
{
	layout_engine *e = xcalloc(1, sizeof *e);
	e->text = text;
	return e;
}

void layout_engine_free(layout_engine *e)
{
	if (!e)
		return;
	layout_engine_clear_cache(e);
	layout_text_free(e->helper_text);
	free(e);
}

int layout_done(const sp_flow *flow, const layout_pos *pos)
{
	return pos->block >= flow->n;
}

/* Height of an empty paragraph (no lines): one line of its marker, or 0. */
static double empty_para_height(const flow_block *b)
{
	if (!b->marker.text)
		return 0;
	return b->pstyle.leading > 0 ? b->pstyle.leading : 1.2 * b->marker.size;
}

static double lines_height(const flow_block *b, const layout_lines *ls,
                           size_t from, size_t to)
{
	double h = 0;
	for (size_t i = from; i < to && i < ls->n; i++)
		h += paint_line_height(b, &ls->lines[i]);
	return h;
}

/* ---- block heights ---- */

static double block_height(layout_engine *e, const flow_block *b, double w);
static double flow_height_at(layout_engine *e, const sp_flow *f, double w);

static void row_widths(const flow_block *b, double w, double *out)
{
	double fixed = 0;
	size_t nfree = 0;
	for (size_t i = 0; i < b->ncells; i++) {
		if (b->cells[i].width > 0)
			fixed += b->cells[i].width;
		else
			nfree++;
	}
	double gaps = b->ncells > 1 ? b->gap * (double)(b->ncells - 1) : 0;
	double share = nfree ? (w - fixed - gaps) / (double)nfree : 0;
	if (share < 1)
		share = 1;
	for (size_t i = 0; i < b->ncells; i++)
		out[i] = b->cells[i].width > 0 ? b->cells[i].width : share;
}

static double row_height(layout_engine *e, const flow_block *b, double w)
{
	double *cw = xmalloc((b->ncells + 1) * sizeof(double));
	row_widths(b, w - b->indent_left - b->indent_right, cw);
	double h = 0;
	for (size_t i = 0; i < b->ncells; i++) {
		flow_cell *c = &b->cells[i];
		double ch = flow_height_at(e, c->content, cw[i] - 2 * c->pad) +
		            2 * c->pad;
		if (ch < c->min_height)
			ch = c->min_height;
		if (ch > h)
			h = ch;
	}
	free(cw);
	return h;
}

static double block_height(layout_engine *e, const flow_block *b, double w)
{
	switch (b->kind) {
	case BLK_PARA: {
		const layout_lines lines = paracache_lines(e, b, w),
		                   *ls = &lines;
		return ls->n ? lines_height(b, ls, 0, ls->n)
		             : empty_para_height(b);
	}
	case BLK_SPACE:
		return b->height;
	case BLK_RULE:
		return b->thickness;
	case BLK_LINES:
		return b->nlines * b->height;
	case BLK_BOX:
		return flow_height_at(e, b->inner,
		                      w - b->indent_left - b->indent_right -
		                          2 * b->pad) +
		       2 * b->pad;
	case BLK_ROW:
		return row_height(e, b, w);
	case BLK_BREAK:
		return 0;
	}
	return 0;
}

/* Smallest height that may start the block in a frame (orphan rule). */
/* Is b kept together at width w (it fits in a whole frame)? */
static int kept_whole(layout_engine *e, const flow_block *b, double w)
{
	if (!b->keep_together)
		return 0;
	if (b->kind != BLK_BOX || !(e->frame_h > 0))
		return 1;
	return block_height(e, b, w) <= e->frame_h + 1e-6;
}

static double chain_need(layout_engine *e, const sp_flow *f, size_t i, double w,
                         int first);

static double block_min_start(layout_engine *e, const flow_block *b, double w)
{
	if (kept_whole(e, b, w) || b->kind == BLK_ROW)
		return block_height(e, b, w);
	switch (b->kind) {
	case BLK_PARA: {
		const layout_lines lines = paracache_lines(e, b, w),
		                   *ls = &lines;
		if (ls->n <= 3)
			return block_height(e, b, w);
		return lines_height(b, ls, 0, 2);
	}
	case BLK_LINES:
		return b->nlines > 0 ? b->height : 0;
	case BLK_BOX:
		if (b->inner->n == 0)
			return 2 * b->pad;
		/* the box's first block with what it keeps with (a label
		 * and the start of its text), not the label alone */
		return 2 * b->pad + chain_need(e, b->inner, 0,
		                               w - b->indent_left -
		                                   b->indent_right - 2 * b->pad,
		                               1);
	default:
		return block_height(e, b, w);
	}
}

/* Height needed to start block i here, with its keep-with-next chain. */
static double chain_need(layout_engine *e, const sp_flow *f, size_t i, double w,
                         int first)
{
	double need = 0;
	for (int k = 0; k < KEEP_CHAIN_MAX && i < f->n; k++, i++) {
		const flow_block *b = &f->blocks[i];
		if (b->kind == BLK_BREAK)
			break;
		if (!(first && k == 0))
			need += b->space_before;
		if (!b->keep_with_next) {
			need += block_min_start(e, b, w);
			break;
		}
		need += block_height(e, b, w) + b->space_after;
	}
	return need;
}

/* ---- placing ---- */

static double fit_flow(fit_state *s, const sp_flow *flow, layout_pos *pos,
                       int *overflow);

/* Whether what is placed is drawn: not in a skeleton document, which
 * takes the pages, destinations and outline entries only. */
static int paints(const fit_state *s)
{
	return s->doc && !s->doc->skeleton;
}

static void mark_start(fit_state *s, const flow_block *b)
{
	if (!s->doc)
		return;
	if (b->dest)
		doc_add_dest(s->doc, s->fr->page, b->dest, s->fr->top - s->y);
	if (b->outline_level >= 0 && b->outline_title)
		doc_add_outline(s->doc, b->outline_level, b->outline_title,
		                b->dest);
}

/* Lines [from, k) of a paragraph that fit in avail, with widow/orphan
 * control. Returns k (== from when nothing may go here). */
static size_t para_split(const flow_block *b, const layout_lines *ls,
                         size_t from, double avail, int forced)
{
	size_t k = from;
	double h = 0;
	while (k < ls->n) {
		double lh = paint_line_height(b, &ls->lines[k]);
		if (h + lh > avail + 1e-6)
			break;
		h += lh;
		k++;
	}
	if (k == ls->n)
		return k;
	if (!forced && b->keep_together)
		return from;
	if (ls->n - k == 1 && k - from > 1) /* widow: leave two lines */
		k--;
	/* a word hyphenated across frames (TeX's \brokenpenalty): move its
	 * line on when two lines stay here and two go on */
	if (!forced && k - from > 2 && k < ls->n && ls->lines[k - 1].hyphenated)
		k--;
	if (from == 0 && k == 1 && !forced) /* orphan: first line alone */
		k = 0;
	if (k - from == 1 && ls->n - from > 1 && !forced && from > 0)
		k = from; /* a one-line fragment in the middle */
	if (forced && k == from)
		k = from + 1; /* last resort: one line, even if too tall */
	return k;
}

static int place_para(fit_state *s, const flow_block *b, layout_pos *pos,
                      double sb)
{
	const layout_lines lines = paracache_lines(s->e, b, s->fr->w);
	const layout_lines *ls = &lines;
	if (ls->n == 0) {
		double h = empty_para_height(b);
		if (!s->empty && s->y + sb + h > s->fr->h + 1e-6)
			return 0;
		s->y += sb;
		mark_start(s, b);
		if (paints(s) && b->marker.text) {
			sp_page *pg = &s->doc->pages[s->fr->page];
			uint32_t was = pg->se_cur;
			if (b->se_marker)
				pg->se_cur = b->se_marker;
			layout_draw_text(
			    s->e->text, pg, &b->marker,
			    s->fr->x + b->indent_left - b->marker_width,
			    s->fr->top - s->y - 0.8 * h, ALIGN_LEFT);
			pg->se_cur = was;
		}
		s->y += h;
		return 1;
	}
	double avail = s->fr->h - s->y - sb;
	size_t k = para_split(b, ls, pos->line, avail, s->empty);
	if (k == pos->line)
		return 0;
	s->y += sb;
	if (pos->line == 0)
		mark_start(s, b);
	if (paints(s)) {
		if (b->has_fill) {
			double h = lines_height(b, ls, pos->line, k);
			page_add_rect(&s->doc->pages[s->fr->page], s->fr->x,
			              s->fr->top - s->y - h, s->fr->w, h,
			              RECT_FILL, b->fill, b->fill, 0, 0);
		}
		paint_para_lines(s->e, &s->doc->pages[s->fr->page], s->fr,
		                 s->fr->top - s->y, b, ls, pos->line, k);
	}
	s->y += lines_height(b, ls, pos->line, k);
	pos->line = k;
	return k == ls->n ? 1 : 2;
}

static int place_lines(fit_state *s, const flow_block *b, layout_pos *pos,
                       double sb)
{
	size_t k = pos->line;
	double h = 0;
	while ((int)k < b->nlines &&
	       s->y + sb + h + b->height <= s->fr->h + 1e-6) {
		h += b->height;
		k++;
	}
	if (b->keep_together && (int)k < b->nlines && !s->empty)
		return 0;
	if (k == pos->line) {
		if (!s->empty)
			return 0;
		k++;
		h += b->height;
	}
	s->y += sb;
	if (pos->line == 0)
		mark_start(s, b);
	if (paints(s)) {
		sp_page *pg = &s->doc->pages[s->fr->page];
		double x1 = s->fr->x + b->indent_left;
		double x2 = s->fr->x + s->fr->w - b->indent_right;
		double y = s->fr->top - s->y;
		for (size_t i = pos->line; i < k; i++) {
			y -= b->height;
			page_add_line(pg, x1, y + 0.25 * b->height, x2,
			              y + 0.25 * b->height, b->thickness,
			              b->color);
		}
	}
	s->y += h;
	pos->line = k;
	return (int)k == b->nlines ? 1 : 2;
}

static void draw_box_rect(fit_state *s, const flow_block *b, double top,
                          double h, double x, double w)
{
	if (!paints(s))
		return;
	int mode = (b->has_fill ? RECT_FILL : 0) |
	           (b->thickness > 0 ? RECT_STROKE : 0);
	if (!mode)
		return;
	page_add_rect(&s->doc->pages[s->fr->page], x, top - h, w, h, mode,
	              b->fill, b->stroke, b->thickness, b->radius);
}

static int place_box(fit_state *s, const flow_block *b, layout_pos *pos,
                     double sb)
{
	double x = s->fr->x + b->indent_left;
	double w = s->fr->w - b->indent_left - b->indent_right;
	double avail = s->fr->h - s->y - sb;
	int in_progress = pos->line > 0;
	layout_pos ip = {pos->inner_block, pos->inner_line, 0, 0};
	if (!in_progress) {
		double full = block_height(s->e, b, s->fr->w);
		int fits = full <= avail + 1e-6;
		/* a box kept together moves to the next frame, unless it
		 * is taller than a whole frame: then it starts here */
		if (!fits && !s->empty &&
		    (kept_whole(s->e, b, s->fr->w) || s->e->depth > 0 ||
		     block_min_start(s->e, b, s->fr->w) > avail + 1e-6))
			return 0;
	}
	layout_frame in = {s->fr->page, x + b->pad,
	                   s->fr->top - s->y - sb - b->pad, w - 2 * b->pad,
	                   avail - 2 * b->pad};
	if (in.h < 1)
		in.h = 1;
	/* measure, draw the box, then draw the content over it */
	layout_pos probe = ip;
	int of = 0;
	fit_state m = {s->e, NULL, &in, 0, 1, 0};
	s->e->depth++;
	double used = fit_flow(&m, b->inner, &probe, &of);
	if (probe.block == ip.block && probe.line == ip.line && !of &&
	    !layout_done(b->inner, &probe) && !s->empty) {
		s->e->depth--;
		return 0;
	}
	s->y += sb;
	if (!in_progress)
		mark_start(s, b);
	double top = s->fr->top - s->y;
	draw_box_rect(s, b, top, used + 2 * b->pad, x, w);
	if (s->doc) {
		fit_state d = {s->e, s->doc, &in, 0, 1, 0};
		int of2 = 0;
		fit_flow(&d, b->inner, &ip, &of2);
	} else {
		ip = probe;
	}
	s->e->depth--;
	s->y += used + 2 * b->pad;
	if (layout_done(b->inner, &ip))
		return 1;
	pos->line = 1;
	pos->inner_block = ip.block;
	pos->inner_line = ip.line;
	return 2;
}

static void draw_row(fit_state *s, const flow_block *b, double h)
{
	double w = s->fr->w - b->indent_left - b->indent_right;
	double *cw = xmalloc((b->ncells + 1) * sizeof(double));
	row_widths(b, w, cw);
	double x = s->fr->x + b->indent_left;
	double top = s->fr->top - s->y;
	sp_page *pg = &s->doc->pages[s->fr->page];
	for (size_t i = 0; i < b->ncells; i++) {
		flow_cell *c = &b->cells[i];
		int mode = (c->has_fill ? RECT_FILL : 0) |
		           (c->border ? RECT_STROKE : 0);
		if (mode && paints(s))
			page_add_rect(pg, x, top - h, cw[i], h, mode, c->fill,
			              b->stroke,
			              b->thickness > 0 ? b->thickness : 0.6, 0);
		layout_frame in = {s->fr->page, x + c->pad, top - c->pad,
		                   cw[i] - 2 * c->pad, h - 2 * c->pad};
		layout_pos ip = {0, 0, 0, 0};
		fit_state d = {s->e, s->doc, &in, 0, 1, 0};
		int of = 0;
		fit_flow(&d, c->content, &ip, &of);
		x += cw[i] + b->gap;
	}
	free(cw);
}

/* A row taller than an empty frame: lay its cells one after another. */
static int place_row_split(fit_state *s, const flow_block *b, layout_pos *pos)
{
	while (pos->line < b->ncells + 1) {
		size_t ci = pos->line ? pos->line - 1 : 0;
		if (ci >= b->ncells)
			break;
		flow_cell *c = &b->cells[ci];
		layout_frame in = {s->fr->page, s->fr->x + b->indent_left,
		                   s->fr->top - s->y,
		                   s->fr->w - b->indent_left - b->indent_right,
		                   s->fr->h - s->y};
		layout_pos ip = {pos->inner_block, pos->inner_line, 0, 0};
		fit_state d = {s->e, s->doc, &in, 0, s->empty, 0};
		int of = 0;
		s->e->depth++;
		double used = fit_flow(&d, c->content, &ip, &of);
		s->e->depth--;
		s->y += used;
		if (used > 0)
			s->empty = 0;
		if (!layout_done(c->content, &ip)) {
			pos->line = ci + 1;
			pos->inner_block = ip.block;
			pos->inner_line = ip.line;
			return 2;
		}
		pos->line = ci + 2;
		pos->inner_block = pos->inner_line = 0;
	}
	return 1;
}

static int place_row(fit_state *s, const flow_block *b, layout_pos *pos,
                     double sb)
{
	if (pos->line > 0)
		return place_row_split(s, b, pos);
	double h = row_height(s->e, b, s->fr->w);
	if (s->y + sb + h > s->fr->h + 1e-6) {
		if (!s->empty)
			return 0;
		if (h > s->fr->h + 1e-6) { /* never fits: split by cells */
			mark_start(s, b);
			pos->line = 1;
			return place_row_split(s, b, pos);
		}
	}
	s->y += sb;
	mark_start(s, b);
	if (s->doc)
		draw_row(s, b, h);
	s->y += h;
	return 1;
}

static int place_rule(fit_state *s, const flow_block *b, double sb)
{
	if (!s->empty && s->y + sb + b->thickness > s->fr->h + 1e-6)
		return 0;
	s->y += sb;
	mark_start(s, b);
	if (paints(s)) {
		double y = s->fr->top - s->y - b->thickness / 2;
		page_add_line(&s->doc->pages[s->fr->page],
		              s->fr->x + b->indent_left, y,
		              s->fr->x + s->fr->w - b->indent_right, y,
		              b->thickness, b->color);
	}
	s->y += b->thickness;
	return 1;
}

static int place_kind(fit_state *s, const flow_block *b, layout_pos *pos,
                      double sb)
{
	switch (b->kind) {
	case BLK_PARA:
		return place_para(s, b, pos, sb);
	case BLK_LINES:
		return place_lines(s, b, pos, sb);
	case BLK_BOX:
		return place_box(s, b, pos, sb);
	case BLK_ROW:
		return place_row(s, b, pos, sb);
	case BLK_RULE:
		return place_rule(s, b, sb);
	default:
		return 1;
	}
}

/* Returns 1 = block done, 2 = block split (frame full), 0 = nothing
 * placed (frame full). The items drawn carry the block's structure
 * element (b->se, when set). */
static int place_block(fit_state *s, const flow_block *b, layout_pos *pos,
                       double sb)
{
	if (!s->doc || !b->se)
		return place_kind(s, b, pos, sb);
	uint32_t *cur = &s->doc->pages[s->fr->page].se_cur, was = *cur;
	*cur = b->se;
	int rc = place_kind(s, b, pos, sb);
	s->doc->pages[s->fr->page].se_cur = was;
	return rc;
}

static void next_block(layout_pos *pos)
{
	pos->block++;
	pos->line = pos->inner_block = pos->inner_line = 0;
}

/* A break: 1 = skip it, 0 = end the frame here. */
static int take_break(fit_state *s, const flow_block *b, layout_pos *pos)
{
	next_block(pos);
	if (s->empty && (!b->to_odd || s->fr->page % 2 == 0))
		return 1;
	s->e->pending_odd = b->to_odd;
	s->closed = 1;
	return 0;
}

static double fit_flow(fit_state *s, const sp_flow *flow, layout_pos *pos,
                       int *overflow)
{
	*overflow = 0;
	while (pos->block < flow->n) {
		const flow_block *b = &flow->blocks[pos->block];
		int starting = pos->line == 0;
		double sb = (s->empty || !starting) ? 0 : b->space_before;
		if (b->kind == BLK_BREAK) {
			if (take_break(s, b, pos))
				continue;
			break;
		}
		if (b->kind == BLK_SPACE) {
			if (!s->empty)
				s->y += b->height;
			next_block(pos);
			if (s->y >= s->fr->h) {
				s->y = s->fr->h;
				break;
			}
			continue;
		}
		if (starting && !s->empty && b->keep_with_next &&
		    s->y + chain_need(s->e, flow, pos->block, s->fr->w, 0) >
		        s->fr->h + 1e-6)
			break;
		int r = place_block(s, b, pos, sb);
		if (r == 0)
			break;
		s->empty = 0;
		if (r == 2)
			break;
		s->y += b->space_after;
		next_block(pos);
		if (s->y > s->fr->h)
			s->y = s->fr->h;
	}
	*overflow = pos->block < flow->n;
	return s->y;
}

/* layout_fit, and whether the frame can take more after it: 1 when the
 * flow ended in it with no break closing it; *empty says whether anything
 * was placed. */
static double fit_frame(layout_engine *e, const sp_flow *flow, layout_pos *pos,
                        sp_document *doc, const layout_frame *frame,
                        int *overflow, int *open, int *empty)
{
	fit_state s = {e, doc, frame, 0, 1, 0};
	int of = 0;
	double saved = e->frame_h;
	if (e->depth == 0)
		e->frame_h = frame->h;
	double used = fit_flow(&s, flow, pos, &of);
	e->frame_h = saved;
	if (overflow)
		*overflow = of;
	*open = !of && !s.closed;
	*empty = s.empty;
	return used;
}

double layout_fit(layout_engine *e, const sp_flow *flow, layout_pos *pos,
                  sp_document *doc, const layout_frame *frame, int *overflow)
{
	int open, empty;
	return fit_frame(e, flow, pos, doc, frame, overflow, &open, &empty);
}

static double flow_height_at(layout_engine *e, const sp_flow *f, double w)
{
	layout_frame fr = {0, 0, HUGE_FRAME, w, HUGE_FRAME};
	layout_pos pos = {0, 0, 0, 0};
	fit_state s = {e, NULL, &fr, 0, 1, 0};
	int of = 0;
	double h = fit_flow(&s, f, &pos, &of);
	/* space_after of the last block is not part of the content */
	if (f->n && f->blocks[f->n - 1].kind != BLK_SPACE)
		h -= f->blocks[f->n - 1].space_after;
	return h < 0 ? 0 : h;
}

double layout_flow_height(layout_engine *e, const sp_flow *flow, double w)
{
	return flow_height_at(e, flow, w);
}

/* The frame a paginated flow is laid into from *pos: the frame the flow
 * before it left open, when its first block is a break that an empty
 * frame skips (take_break), else a new one. A first block that is a break
 * is taken here: the frame it would have ended is the one left open. */
typedef struct seq_state {
	layout_frame fr;
	int open;  /* fr can take more */
	int empty; /* nothing placed in fr */
	int to_odd;
	long frames;
	int cold; /* -1 until the first flow: prefetch_cold */
} seq_state;

static void seq_enter(seq_state *q, const sp_flow *flow, layout_pos *pos)
{
	if (!q->open || !flow->n || flow->blocks[0].kind != BLK_BREAK) {
		q->open = 0;
		return;
	}
	const flow_block *b = &flow->blocks[0];
	pos->block = 1;
	if (q->empty && (!b->to_odd || q->fr.page % 2 == 0))
		return; /* laid on in the empty frame */
	q->open = 0;
	q->to_odd = b->to_odd;
}

/* Lays one flow of the sequence; -1 when next_frame refused. */
static int seq_lay(layout_engine *e, seq_state *q, const sp_flow *flow,
                   sp_document *doc, layout_next_frame_fn next_frame, void *ud)
{
	layout_pos pos = {0, 0, 0, 0};
	seq_enter(q, flow, &pos);
	if (q->cold < 0)
		q->cold = prefetch_cold(e, flow);
	prefetch_start(e, flow, q->cold);
	while (!layout_done(flow, &pos)) {
		if (!q->open) {
			if (next_frame(ud, doc, q->to_odd, &q->fr) != 0) {
				prefetch_stop(e);
				return -1;
			}
			q->frames++;
		}
		e->pending_odd = 0;
		int of = 0;
		fit_frame(e, flow, &pos, doc, &q->fr, &of, &q->open, &q->empty);
		q->to_odd = e->pending_odd;
	}
	prefetch_stop(e);
	return 0;
}

long layout_paginate(layout_engine *e, const sp_flow *flow, sp_document *doc,
                     layout_next_frame_fn next_frame, void *ud)
{
	seq_state q = {{0, 0, 0, 0, 0}, 0, 1, 0, 0, -1};
	return seq_lay(e, &q, flow, doc, next_frame, ud) < 0 ? -1 : q.frames;
}

long layout_paginate_seq(layout_engine *e, const layout_flow_seq *src,
                         sp_document *doc, layout_next_frame_fn next_frame,
                         void *ud)
{
	seq_state q = {{0, 0, 0, 0, 0}, 0, 1, 0, 0, -1};
	sp_flow *flow;
	while ((flow = src->next(src->ud)) != NULL) {
		int rc = seq_lay(e, &q, flow, doc, next_frame, ud);
		src->done(src->ud, flow);
		if (rc < 0)
			return -1;
	}
	return q.frames;
}
