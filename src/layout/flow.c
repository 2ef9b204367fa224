/* flow.c - building and freeing flows (layout lives in frame.c). */
#include "layout/flow.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/smartpunct.h"
#include "util/mem.h"

sp_flow *flow_new(void)
{
	return xcalloc(1, sizeof(sp_flow));
}

static void free_span(layout_span *s)
{
	free((char *)s->text);
	free((char *)s->link);
}

static void block_free(flow_block *b)
{
	for (size_t i = 0; i < b->nspans; i++)
		free_span(&b->spans[i]);
	free(b->spans);
	free_span(&b->marker);
	free_span(&b->tail);
	free(b->dest);
	free(b->outline_title);
	flow_free(b->inner);
	for (size_t i = 0; i < b->ncells; i++)
		flow_free(b->cells[i].content);
	free(b->cells);
}

void flow_free(sp_flow *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		block_free(&f->blocks[i]);
	free(f->blocks);
	free(f);
}

void flow_trim(sp_flow *f)
{
	if (!f)
		return;
	if (f->n && f->n < f->cap) {
		f->blocks = xrealloc(f->blocks, f->n * sizeof *f->blocks);
		f->cap = f->n;
	}
	for (size_t i = 0; i < f->n; i++) {
		flow_block *b = &f->blocks[i];
		if (b->nspans && b->nspans < b->cap_spans) {
			b->spans =
			    xrealloc(b->spans, b->nspans * sizeof *b->spans);
			b->cap_spans = b->nspans;
		}
		flow_trim(b->inner);
		for (size_t k = 0; k < b->ncells; k++)
			flow_trim(b->cells[k].content);
	}
}

static flow_block *add_block(sp_flow *f, flow_kind kind)
{
	f->blocks = xgrow(f->blocks, &f->cap, f->n + 1, sizeof(flow_block));
	flow_block *b = &f->blocks[f->n++];
	static uint64_t next_id; /* atomic: flows are built on any thread */
	memset(b, 0, sizeof *b);
	b->id = __atomic_add_fetch(&next_id, 1, __ATOMIC_RELAXED);
	b->kind = kind;
	b->outline_level = -1;
	return b;
}

flow_block *flow_add_para(sp_flow *f, const layout_para_style *st)
{
	flow_block *b = add_block(f, BLK_PARA);
	if (st)
		b->pstyle = *st;
	return b;
}

static void copy_span(layout_span *dst, const char *text, size_t len,
                      const layout_span *style)
{
	*dst = *style;
	dst->text = xstrndup(text, len);
	dst->len = len;
	dst->link = style->link ? xstrdup(style->link) : NULL;
}

/* Typographic punctuation in the paragraph's running state: code (the
 * mono family, preserved text) is kept as typed. */
static int smart_copy(flow_block *b, const char *text, size_t len,
                      const layout_span *style, layout_span *dst)
{
	if (!b->pstyle.smart_punct)
		return 0;
	if (style->family == FAMILY_MONO || b->pstyle.preserve_space ||
	    !smartpunct_needed(text, len)) {
		smartpunct_verbatim(&b->smart, text, len);
		return 0;
	}
	sp_buf out = SP_BUF_INIT;
	smartpunct_run(&b->smart, text, len, SMARTPUNCT_UNKNOWN, &out);
	*dst = *style;
	dst->len = out.len;
	dst->text = buf_detach(&out);
	dst->link = style->link ? xstrdup(style->link) : NULL;
	return 1;
}

void flow_para_add(flow_block *b, const char *text, size_t len,
                   const layout_span *style)
{
	if (len == 0)
		return;
	b->spans =
	    xgrow(b->spans, &b->cap_spans, b->nspans + 1, sizeof(layout_span));
	layout_span *dst = &b->spans[b->nspans++];
	if (!smart_copy(b, text, len, style, dst))
		copy_span(dst, text, len, style);
}

void flow_para_marker(flow_block *b, const char *text, const layout_span *style,
                      double hang)
{
	free_span(&b->marker);
	copy_span(&b->marker, text, strlen(text), style);
	b->marker_width = hang;
}

void flow_para_tail(flow_block *b, const char *text, const layout_span *style,
                    int leader)
{
	free_span(&b->tail);
	copy_span(&b->tail, text, strlen(text), style);
	b->leader = leader;
}

flow_block *flow_add_space(sp_flow *f, double height)
{
	flow_block *b = add_block(f, BLK_SPACE);
	b->height = height;
	return b;
}

flow_block *flow_add_rule(sp_flow *f, double thickness, sp_color color)
{
	flow_block *b = add_block(f, BLK_RULE);
	b->thickness = thickness;
	b->color = color;
	return b;
}

flow_block *flow_add_lines(sp_flow *f, int nlines, double gap, sp_color color)
{
	flow_block *b = add_block(f, BLK_LINES);
	b->nlines = nlines;
	b->height = gap;
	b->color = color;
	b->thickness = 0.5;
	return b;
}

flow_block *flow_add_box(sp_flow *f, sp_flow *inner, double pad,
                         double thickness, sp_color stroke)
{
	flow_block *b = add_block(f, BLK_BOX);
	b->inner = inner;
	b->pad = pad;
	b->thickness = thickness;
	b->stroke = stroke;
	return b;
}

flow_block *flow_add_row(sp_flow *f, double gap)
{
	flow_block *b = add_block(f, BLK_ROW);
	b->gap = gap;
	b->keep_together = 1;
	return b;
}

flow_cell *flow_row_add_cell(flow_block *row, double width, sp_flow *content)
{
	row->cells =
	    xrealloc(row->cells, (row->ncells + 1) * sizeof(flow_cell));
	flow_cell *c = &row->cells[row->ncells++];
	memset(c, 0, sizeof *c);
	c->width = width;
	c->content = content ? content : flow_new();
	return c;
}

flow_block *flow_add_break(sp_flow *f, int to_odd)
{
	flow_block *b = add_block(f, BLK_BREAK);
	b->to_odd = to_odd;
	return b;
}

void flow_block_anchor(flow_block *b, const char *dest)
{
	free(b->dest);
	b->dest = dest ? xstrdup(dest) : NULL;
}

void flow_block_outline(flow_block *b, int level, const char *title)
{
	free(b->outline_title);
	b->outline_level = level;
	b->outline_title =
	    b->pstyle.smart_punct ? smartpunct_string(title) : xstrdup(title);
}
