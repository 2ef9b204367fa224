/* paint.c - laid-out lines into the page model: text runs with their
 * link areas, list markers, right-aligned tails after dot leaders (the
 * contents, the index), wrap marks after wrapped code lines. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "layout/engine.h"

/* Points between leader dots (whole points: dash arrays are integers). */
#define LEADER_STEP 4.0

double paint_tail_width(layout_engine *e, const flow_block *b)
{
	if (!b->tail.text)
		return 0;
	return layout_measure(e->text, &b->tail) + TAIL_GAP;
}

double paint_line_height(const flow_block *b, const layout_line *l)
{
	double h = l->leading;
	if (h <= 0)
		h = b->pstyle.leading > 0 ? b->pstyle.leading
		                          : 1.2 * (l->ascent + l->descent);
	return h;
}

static void draw_link(sp_page *pg, const layout_run *r, double x, double base,
                      double asc, double desc)
{
	if (!r->link)
		return;
	double y = base - desc, h = asc + desc;
	if (r->link[0] == '#')
		page_add_link_dest(pg, x, y, r->width, h, r->link + 1);
	else
		page_add_link_uri(pg, x, y, r->width, h, r->link);
}

static void draw_line(sp_page *pg, const layout_line *l, double x, double base)
{
	for (size_t i = 0; i < l->nruns; i++) {
		const layout_run *r = &l->runs[i];
		page_text *t =
		    page_add_text(pg, x + r->x, base, r->face, r->size,
		                  r->color, r->text, r->len, r->width);
		t->extra = r->extra;
		t->hyph = l->hyphenated && i + 1 == l->nruns;
		t->space_before = r->space_before;
		page_text_set_glyphs(pg, t, r->glyphs, r->nglyphs, r->kerns,
		                     r->nkerns);
		t->rtl = r->level & 1;
		draw_link(pg, r, x + r->x, base, l->ascent, l->descent);
		if (r->link) /* the text of the link just added */
			t->link = (uint32_t)pg->nlinks;
	}
}

double layout_draw_text(layout_text_ctx *t, sp_page *pg, const layout_span *sp,
                        double x, double base, layout_align align)
{
	layout_line l;
	memset(&l, 0, sizeof l);
	layout_single_line(t, sp, 1, &l);
	if (align == ALIGN_RIGHT)
		x -= l.width;
	else if (align == ALIGN_CENTER)
		x -= l.width / 2;
	draw_line(pg, &l, x, base);
	double w = l.width;
	layout_line_free(&l);
	return w;
}

static void draw_leaders(sp_page *pg, double from, double to, double base,
                         sp_color color)
{
	/* one dashed line of 1 pt dots on a grid anchored at the right, so
	 * the leaders of consecutive entries line up */
	double n = floor((to - from) / LEADER_STEP);
	if (n < 1)
		return;
	double start = to - n * LEADER_STEP;
	page_add_dashed_line(pg, start, base + 0.6, to, base + 0.6, 0.9, color,
	                     1, (uint16_t)(LEADER_STEP - 1));
}

static double baseline_in(const layout_line *l, double top, double h)
{
	double gap = (h - (l->ascent + l->descent)) / 2;
	return top - gap - l->ascent;
}

/* A hooked arrow (like U+21A9) in the gap right of a wrapped code line,
 * drawn as strokes so that it is not part of the text. x: the measure's
 * right edge. */
static void draw_wrap_mark(sp_page *pg, const layout_line *l, double x,
                           double base, sp_color color)
{
	double u = l->ascent > 0 ? l->ascent / 8 : 1; /* about 1/10 em */
	double left = x + 1.2 * u, right = left + 4 * u;
	double low = base + 1.5 * u, high = base + 6 * u;
	double w = 0.7 * u;
	page_add_line(pg, right, high, right, low, w, color);
	page_add_line(pg, right, low, left, low, w, color);
	page_add_line(pg, left, low, left + 1.6 * u, low + 1.6 * u, w, color);
	page_add_line(pg, left, low, left + 1.6 * u, low - 1.6 * u, w, color);
}

void paint_para_lines(layout_engine *e, sp_page *pg, const layout_frame *fr,
                      double top, const flow_block *b, const layout_lines *ls,
                      size_t from, size_t to)
{
	double x = fr->x + b->indent_left;
	double right = fr->x + fr->w - b->indent_right;
	if (ls->rtl) { /* mirrored: indents and the hang on the right */
		x = fr->x + b->indent_right;
		right = fr->x + fr->w - b->indent_left;
	}
	for (size_t i = from; i < to; i++) {
		const layout_line *l = &ls->lines[i];
		double h = paint_line_height(b, l);
		double base = baseline_in(l, top, h);
		draw_line(pg, l, x, base); /* runs include first_indent */
		if (b->wrap_mark && l->wrapped)
			draw_wrap_mark(pg, l, right, base, b->color);
		if (i == 0 && b->marker.text) {
			uint32_t was = pg->se_cur;
			if (b->se_marker)
				pg->se_cur = b->se_marker;
			if (ls->rtl)
				layout_draw_text(e->text, pg, &b->marker,
				                 right + b->marker_width, base,
				                 ALIGN_RIGHT);
			else
				layout_draw_text(e->text, pg, &b->marker,
				                 x - b->marker_width, base,
				                 ALIGN_LEFT);
			pg->se_cur = was;
		}
		if (i + 1 == ls->n && b->tail.text) {
			if (b->leader)
				draw_leaders(pg, x + layout_line_end(l) + 3,
				             right - paint_tail_width(e, b) +
				                 TAIL_GAP - 3,
				             base, b->tail.color);
			layout_draw_text(e->text, pg, &b->tail, right, base,
			                 ALIGN_RIGHT);
		}
		top -= h;
	}
}
