/* test_frame.c - fitting flows into frames: keep rules, widows and
 * orphans, boxes, rows, breaks, pagination; with the fixed-width fake
 * font (every glyph 0.5 em, so at 10 pt a character is 5 pt wide). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fakefont.h"
#include "layout/flow.h"
#include "util/buf.h"

#include "check.h"

static layout_fonts fonts;
static layout_text_ctx *text;
static layout_engine *eng;
static sp_diag diag;

static layout_span style(void)
{
	layout_span s;
	memset(&s, 0, sizeof s);
	s.family = FAMILY_BODY;
	s.size = 10;
	return s;
}

/* A paragraph of `lines` lines at width 100 (four 4-letter words each). */
static flow_block *para(sp_flow *f, int lines)
{
	layout_para_style ps;
	memset(&ps, 0, sizeof ps);
	ps.leading = 12;
	flow_block *b = flow_add_para(f, &ps);
	sp_buf t = SP_BUF_INIT;
	for (int i = 0; i < lines * 4; i++)
		buf_printf(&t, "%s%c%c%c%c", i ? " " : "", 'a' + i % 26,
		           'a' + i % 26, 'b', 'c');
	layout_span s = style();
	flow_para_add(b, t.data, t.len, &s);
	buf_free(&t);
	return b;
}

static size_t lines_on_page(const sp_document *d, size_t p)
{
	/* distinct baselines */
	size_t n = 0;
	double last = 1e9;
	for (size_t i = 0; i < d->pages[p].ntexts; i++) {
		double y = d->pages[p].texts[i].y;
		if (fabs(y - last) > 0.01)
			n++;
		last = y;
	}
	return n;
}

static layout_frame frame(size_t page, double h)
{
	layout_frame fr = {page, 50, 500, 100, h};
	return fr;
}

static void test_widow_orphan(void)
{
	sp_flow *f = flow_new();
	para(f, 5);
	sp_document *d = doc_new();
	doc_add_page(d, 200, 600);
	doc_add_page(d, 200, 600);
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_frame fr = frame(0, 48); /* room for 4 lines of 12 pt */
	layout_fit(eng, f, &pos, d, &fr, &of);
	CHECK(of == 1);
	CHECK(pos.line == 3); /* not 4: that would leave a widow */
	fr = frame(1, 600);
	layout_fit(eng, f, &pos, d, &fr, &of);
	CHECK(of == 0);
	CHECK(lines_on_page(d, 0) == 3);
	CHECK(lines_on_page(d, 1) == 2);
	doc_free(d);
	flow_free(f);
}

static void test_orphan_moves(void)
{
	sp_flow *f = flow_new();
	para(f, 1);
	para(f, 5)->space_before = 0;
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_frame fr = frame(0, 30); /* 1 line used, room for 1 more */
	layout_fit(eng, f, &pos, NULL, &fr, &of);
	CHECK(of == 1);
	CHECK(pos.block == 1 && pos.line == 0); /* no orphan left behind */
	flow_free(f);
}

static void test_keep_with_next(void)
{
	sp_flow *f = flow_new();
	para(f, 2);
	flow_block *h = para(f, 1);
	h->keep_with_next = 1;
	para(f, 4);
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	/* 2 lines + heading + 1 line fit, but the next paragraph needs 2 */
	layout_frame fr = frame(0, 12 * 4);
	layout_fit(eng, f, &pos, NULL, &fr, &of);
	CHECK(of == 1);
	CHECK(pos.block == 1); /* the heading moved to the next frame */
	flow_free(f);
}

/* A box whose label keeps with its text (the handbook's tip box): with
 * room for the label and one line after a paragraph, the box goes to the
 * next frame whole instead of leaving its label alone at the bottom. */
static void test_box_label_keeps_with_text(void)
{
	sp_flow *inner = flow_new();
	para(inner, 1)->keep_with_next = 1; /* the label */
	para(inner, 2);
	sp_flow *f = flow_new();
	para(f, 2);
	flow_add_box(f, inner, 0, 0.5, 0); /* pad 0: measure stays 100 */
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_frame fr = frame(0, 12 * 4); /* 2 lines, the label and 1 */
	layout_fit(eng, f, &pos, NULL, &fr, &of);
	CHECK(of == 1);
	CHECK(pos.block == 1 && pos.line == 0); /* the box not started */
	flow_free(f);
}

static void test_space_vanishes_at_top(void)
{
	sp_flow *f = flow_new();
	flow_add_space(f, 50);
	flow_block *b = para(f, 1);
	b->space_before = 30;
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_frame fr = frame(0, 100);
	double used = layout_fit(eng, f, &pos, NULL, &fr, &of);
	CHECK(fabs(used - 12) < 0.01);
	flow_free(f);
}

static long next_frame(void *ud, sp_document *d, int to_odd, layout_frame *fr)
{
	(void)ud;
	if (to_odd && d->npages % 2 == 1)
		doc_add_page(d, 200, 300);
	doc_add_page(d, 200, 300);
	*fr = frame(d->npages - 1, 100);
	fr->top = 250;
	return 0;
}

static int next_frame_cb(void *ud, sp_document *d, int to_odd, layout_frame *fr)
{
	return (int)next_frame(ud, d, to_odd, fr);
}

static void test_box_splits_and_nothing_lost(void)
{
	sp_flow *inner = flow_new();
	for (int i = 0; i < 6; i++)
		para(inner, 3);
	sp_flow *f = flow_new();
	flow_block *box =
	    flow_add_box(f, inner, 0, 0.5, 0); /* pad 0: measure stays 100 */
	(void)box;
	sp_document *d = doc_new();
	long frames = layout_paginate(eng, f, d, next_frame_cb, NULL);
	CHECK(frames >= 3);
	size_t total = 0;
	for (size_t p = 0; p < d->npages; p++) {
		total += lines_on_page(d, p);
		for (size_t i = 0; i < d->pages[p].ntexts; i++) {
			const page_text *t = &d->pages[p].texts[i];
			CHECK(t->y <= 250 && t->y >= 150);
			CHECK(t->x >= 50 && t->x + t->width <= 150.01);
		}
		CHECK(d->pages[p].nrects == 1); /* one box fragment per page */
	}
	if (total != 18)
		for (size_t p = 0; p < d->npages; p++)
			fprintf(stderr, "page %zu: %zu lines %zu texts\n", p,
			        lines_on_page(d, p), d->pages[p].ntexts);
	CHECK(total == 18);
	doc_free(d);
	flow_free(f);
}

static void test_break_to_odd(void)
{
	sp_flow *f = flow_new();
	para(f, 1);
	flow_add_break(f, 1);
	para(f, 1);
	flow_add_break(f, 0);
	para(f, 1);
	sp_document *d = doc_new();
	layout_paginate(eng, f, d, next_frame_cb, NULL);
	CHECK(d->npages == 4); /* 1, blank 2, 3, 4 */
	CHECK(d->pages[1].ntexts == 0);
	CHECK(d->pages[2].ntexts > 0 && d->pages[3].ntexts > 0);
	doc_free(d);
	flow_free(f);
}

static void test_tall_row_is_split_by_cells(void)
{
	sp_flow *f = flow_new();
	flow_block *row = flow_add_row(f, 4);
	sp_flow *a = flow_new(), *b = flow_new();
	para(a, 12);
	para(b, 2);
	flow_row_add_cell(row, 100, a);
	flow_row_add_cell(row, 100, b);
	sp_document *d = doc_new();
	layout_paginate(eng, f, d, next_frame_cb, NULL);
	size_t total = 0;
	for (size_t p = 0; p < d->npages; p++)
		total += lines_on_page(d, p);
	CHECK(total == 14);
	doc_free(d);
	flow_free(f);
}

static void test_dest_and_outline(void)
{
	sp_flow *f = flow_new();
	para(f, 8);
	flow_block *h = para(f, 1);
	flow_block_anchor(h, "here");
	flow_block_outline(h, 0, "Here");
	sp_document *d = doc_new();
	layout_paginate(eng, f, d, next_frame_cb, NULL);
	double y = 0;
	CHECK(doc_find_dest(d, "here", &y) == 1);
	CHECK(d->noutline == 1 && !strcmp(d->outline[0].dest, "here"));
	doc_free(d);
	flow_free(f);
}

/* ---- a document laid from several flows (layout_paginate_seq) ---- */

/* Part k of a document: after the first, each starts with a break (to an
 * odd page when k % 3 == 1); some end on a full frame, some mid-frame,
 * one is its break alone, one is a box that splits. */
static void add_part(sp_flow *f, int k)
{
	if (k > 0)
		flow_add_break(f, k % 3 == 1);
	if (k == 4)
		return; /* the break alone */
	char dest[32];
	snprintf(dest, sizeof dest, "part-%d", k);
	flow_block *b = para(f, 1 + k % 4);
	flow_block_anchor(b, dest);
	flow_block_outline(b, 0, dest);
	if (k == 2) {
		sp_flow *inner = flow_new();
		for (int i = 0; i < 4; i++)
			para(inner, 3);
		flow_add_box(f, inner, 0, 0.5, 0);
	}
	for (int i = 0; i < k; i++)
		para(f, 2 + i % 3);
}

#define SEQ_PARTS 7

typedef struct seq_src {
	int next;
} seq_src;

static sp_flow *seq_next(void *ud)
{
	seq_src *q = ud;
	if (q->next == SEQ_PARTS)
		return NULL;
	sp_flow *f = flow_new();
	add_part(f, q->next++);
	return f;
}

static void seq_done(void *ud, sp_flow *f)
{
	(void)ud;
	flow_free(f);
}

static char *dump(const sp_document *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&s, &n);
	doc_dump(d, m);
	fclose(m);
	return s;
}

static void test_seq_same_as_one_flow(void)
{
	sp_flow *whole = flow_new();
	for (int k = 0; k < SEQ_PARTS; k++)
		add_part(whole, k);
	sp_document *a = doc_new(), *b = doc_new();
	long fa = layout_paginate(eng, whole, a, next_frame_cb, NULL);
	seq_src q = {0};
	layout_flow_seq src = {seq_next, seq_done, &q};
	long fb = layout_paginate_seq(eng, &src, b, next_frame_cb, NULL);
	CHECK(fa == fb);
	CHECK(a->npages == b->npages && a->npages > SEQ_PARTS);
	char *da = dump(a), *db = dump(b);
	CHECK(strcmp(da, db) == 0);
	CHECK(strstr(da, "part-6") != NULL);
	free(da);
	free(db);
	doc_free(a);
	doc_free(b);
	flow_free(whole);
}

int main(void)
{
	diag_init(&diag, stderr);
	fakefont_init(&fonts, NULL, 0);
	text = layout_text_new(&fonts, NULL, &diag);
	eng = layout_engine_new(text);
	test_widow_orphan();
	test_orphan_moves();
	test_keep_with_next();
	test_box_label_keeps_with_text();
	test_space_vanishes_at_top();
	test_box_splits_and_nothing_lost();
	test_break_to_odd();
	test_tall_row_is_split_by_cells();
	test_dest_and_outline();
	test_seq_same_as_one_flow();
	layout_engine_free(eng);
	layout_text_free(text);
	fakefont_free(&fonts);
	if (failures)
		fprintf(stderr, "%d check(s) failed\n", failures);
	return failures != 0;
}
