/* items.c - boxes, glue and penalties from clusters.
 *
 * A word (clusters between spaces) becomes boxes separated by penalties at
 * its break opportunities; a run of spaces becomes one glue (each space
 * its own glue when spaces are preserved). Justified glue stretches by
 * 1/2 and shrinks by 1/3 of the space, but for a space of inline code,
 * which is rigid like all ragged glue (the line-end
 * stretch lives in lb_params.finish_stretch). Between ideographs: empty
 * glue, a little stretchable when justifying. */
#include "layout/items.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/mem.h"

void items_free(lb_items *it)
{
	free(it->v);
	it->v = NULL;
	it->n = it->cap = 0;
}

static lb_item *add(lb_items *it, int type)
{
	it->v = xgrow(it->v, &it->cap, it->n + 1, sizeof *it->v);
	lb_item *x = &it->v[it->n++];
	memset(x, 0, sizeof *x);
	x->type = (uint8_t)type;
	return x;
}

/* Per-cluster break kinds of one word, before emission. */
enum { B_NONE, B_PEN, B_GLUE };

typedef struct wbreak {
	uint8_t kind;    /* B_NONE, B_PEN, B_GLUE */
	uint8_t flagged; /* hyphen break */
	uint8_t hyph;    /* from patterns */
	uint8_t hyphen;  /* shows a hyphen (has its width) */
	int penalty;
} wbreak;

static int word_hyphenatable(const layout_span *spans, const tx_para *p,
                             size_t ws, size_t we)
{
	for (size_t k = ws; k < we; k++) {
		const tx_cluster *c = &p->c[k];
		const layout_span *s = &spans[c->span];
		if (s->family == FAMILY_MONO ||
		    (c->flags & (CF_DIGIT | CF_SLASH)))
			return 0;
		if (c->brk == BRK_SOFT || c->brk == BRK_URL || c->cp == '@')
			return 0;
		if (s->link && s->link[0] != '#')
			return 0;
	}
	return 1;
}

/* The lower case of letter cp, appended as UTF-8 (ASCII without
 * utf8proc's tables). */
static void put_lower(sp_buf *b, uint32_t cp)
{
	if (cp < 0x80) {
		buf_putc(b, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
		return;
	}
	buf_put_utf8(b, (unsigned long)utf8proc_tolower((utf8proc_int32_t)cp));
}

/* Pattern hyphenation of each run of >= 5 Latin letters in the word. */
static void hyphenate(layout_text_ctx *t, const layout_span *spans,
                      const tx_para *p, size_t ws, size_t we, wbreak *wb)
{
	size_t k = ws;
	while (k < we) {
		if (!(p->c[k].flags & CF_LETTER)) {
			k++;
			continue;
		}
		size_t r0 = k;
		while (k < we && (p->c[k].flags & CF_LETTER))
			k++;
		size_t n = k - r0;
		if (n < 5 || n > HYPH_MAX_CHARS)
			continue;
		buf_clear(&t->scratch);
		for (size_t j = r0; j < k; j++)
			put_lower(&t->scratch, p->c[j].cp);
		uint64_t m =
		    hyph_word(t->hyph, t->scratch.data, t->scratch.len, n);
		for (size_t j = 0; j + 1 < n; j++)
			if ((m >> j) & 1) {
				wbreak *b = &wb[r0 + j - ws];
				if (b->kind != B_NONE || p->c[r0 + j + 1].lig)
					continue; /* or inside a ligature */
				*b = (wbreak){B_PEN, 1, 1, 1, PEN_HYPHEN};
			}
	}
	(void)spans;
}

static wbreak from_brk(int brk)
{
	switch (brk) {
	case BRK_HYPHEN:
		return (wbreak){B_PEN, 1, 0, 0, PEN_EXHYPHEN};
	case BRK_SOFT:
		return (wbreak){B_PEN, 1, 0, 1, PEN_HYPHEN};
	case BRK_ZWSP:
		return (wbreak){B_PEN, 0, 0, 0, 0};
	case BRK_URL:
		return (wbreak){B_PEN, 0, 0, 0, PEN_URL};
	case BRK_CJK:
		return (wbreak){B_GLUE, 0, 0, 0, 0};
	case BRK_FORCED:
		return (wbreak){B_PEN, 0, 0, 0, -LB_INF_PENALTY};
	default:
		return (wbreak){B_NONE, 0, 0, 0, 0};
	}
}

/* A segment more than this many measures wide is a hostile "word" (a
 * megabyte of letters): see mark_huge. */
#define HUGE_WORD_MEASURES 8

static int can_break_after(const tx_para *p, const wbreak *wb, size_t ws,
                           size_t j)
{
	/* never inside a ligature (shaping.c: the next cluster shares
	 * a glyph with this one) */
	return wb[j - ws].kind == B_NONE && p->c[j + 1].kind != CL_IGNORE &&
	       !p->c[j + 1].lig;
}

/* A break between every two graphemes of clusters [s0, k). */
static void mark_all(const tx_para *p, size_t ws, size_t s0, size_t k,
                     wbreak *wb)
{
	for (size_t j = s0; j < k; j++)
		if (can_break_after(p, wb, ws, j))
			wb[j - ws] = (wbreak){B_PEN, 0, 0, 0, PEN_EMERGENCY};
}

/* A huge segment [s0, k] of total width `width`: breaks between every
 * two graphemes only within its first and its last measure (where it
 * meets the text around it); in between, only where lines filled one
 * after another from the end of the first measure end. Every line stays
 * within the measure, and the items (and the line breaker's nodes) grow
 * with the lines the word takes, not with its graphemes. */
static void mark_huge(const tx_para *p, size_t ws, size_t s0, size_t k,
                      wbreak *wb, double maxw, double width)
{
	wbreak e = {B_PEN, 0, 0, 0, PEN_EMERGENCY};
	double at = 0, line = 0; /* from s0; since the last grid break */
	size_t j = s0;
	for (; j < k && at + p->c[j].width <= maxw; j++) {
		at += p->c[j].width;
		if (can_break_after(p, wb, ws, j))
			wb[j - ws] = e;
	}
	for (; j < k; j++) {
		at += p->c[j].width;
		line += p->c[j].width;
		int tail = at >= width - maxw;
		if (!can_break_after(p, wb, ws, j))
			continue;
		if (tail || line + p->c[j + 1].width > maxw) {
			wb[j - ws] = e;
			line = 0;
		}
	}
}

/* Emergency: a segment between breaks too wide for any line gets a break
 * between every two graphemes (a huge one: mark_huge). */
static void emergency(layout_text_ctx *t, const layout_span *spans,
                      const tx_para *p, size_t ws, size_t we, wbreak *wb,
                      double maxw, double lead)
{
	size_t s0 = ws;
	double w = lead; /* glue before the word that cannot break */
	double own = 0;  /* the segment's own width */
	for (size_t k = ws; k < we; k++) {
		w += p->c[k].width;
		own += p->c[k].width;
		int end = k + 1 == we || wb[k - ws].kind != B_NONE;
		if (!end)
			continue;
		double hw = 0;
		if (wb[k - ws].hyphen) {
			int f;
			uint32_t cp;
			tx_hyphen(t, &spans[p->c[k].span], &f, &cp, &hw);
		}
		if (hw > 0 && w + hw > maxw)
			/* the hyphen itself would not fit: break bare */
			wb[k - ws] = (wbreak){B_PEN, 0, 0, 0, PEN_EMERGENCY};
		if (w + hw > maxw && own > HUGE_WORD_MEASURES * maxw)
			mark_huge(p, ws, s0, k, wb, maxw, own);
		else if (w + hw > maxw)
			mark_all(p, ws, s0, k, wb);
		s0 = k + 1;
		w = own = 0;
	}
}

static void emit_word(layout_text_ctx *t, const layout_span *spans,
                      const tx_para *p, size_t ws, size_t we,
                      const items_opts *o, double lead, lb_items *out)
{
	size_t n = we - ws;
	wbreak *wb = t->wb = xgrow(t->wb, &t->capwb, n, sizeof *wb);
	for (size_t k = ws; k < we; k++)
		wb[k - ws] = from_brk(p->c[k].brk);
	if (o->hyphenate && t->hyph && !o->preserve_space &&
	    word_hyphenatable(spans, p, ws, we))
		hyphenate(t, spans, p, ws, we, wb);
	if (o->emergency_width > 0)
		emergency(t, spans, p, ws, we, wb, o->emergency_width, lead);
	lb_item *box = NULL;
	for (size_t k = ws; k < we; k++) {
		const tx_cluster *c = &p->c[k];
		if (c->brk != BRK_FORCED) {
			if (!box) {
				box = add(out, IT_BOX);
				box->c0 = (uint32_t)k;
			}
			box->c1 = (uint32_t)k + 1;
			box->w += c->width;
			box->count += c->kind != CL_IGNORE;
		}
		const wbreak *b = &wb[k - ws];
		if (b->kind == B_NONE)
			continue;
		box = NULL;
		if (b->kind == B_GLUE) {
			lb_item *g = add(out, IT_GLUE);
			g->c0 = g->c1 = (uint32_t)k + 1;
			g->y = o->justify ? spans[c->span].size * 0.05 : 0;
			continue;
		}
		lb_item *x = add(out, IT_PEN);
		x->penalty = b->penalty;
		x->flagged = b->flagged;
		x->hyph = b->hyph;
		x->c0 = (uint32_t)k;
		if (b->hyphen) {
			int f;
			uint32_t cp;
			tx_hyphen(t, &spans[c->span], &f, &cp, &x->w);
		}
	}
}

/* A word of nothing but ignorables (a lone soft hyphen or ZWSP) is
 * dropped: it would only make an empty line possible. */
static int visible_word(const tx_para *p, size_t ws, size_t we)
{
	for (size_t k = ws; k < we; k++)
		if (p->c[k].kind != CL_IGNORE || p->c[k].brk == BRK_FORCED)
			return 1;
	return 0;
}

static int forced_at(const lb_items *out)
{
	return out->n && out->v[out->n - 1].type == IT_PEN &&
	       out->v[out->n - 1].penalty <= -LB_INF_PENALTY;
}

void items_build(layout_text_ctx *t, const layout_span *spans, const tx_para *p,
                 const items_opts *o, lb_items *out)
{
	size_t i = 0;
	double lead = 0; /* glue since the start or a forced break */
	int lead_on = 1; /* no legal break since then */
	out->n = 0;
	while (i < p->n) {
		const tx_cluster *c = &p->c[i];
		if (c->kind == CL_SPACE) {
			size_t j = i + 1;
			if (!o->preserve_space)
				while (j < p->n && p->c[j].kind == CL_SPACE)
					j++;
			/* spaces vanish at the start, the end, and before a
			 * forced break, unless preserved */
			int drop = !o->preserve_space &&
			           (out->n == 0 || forced_at(out) ||
			            j == p->n || p->c[j].brk == BRK_FORCED);
			drop = drop || (!o->preserve_space &&
			                out->v[out->n - 1].type == IT_GLUE);
			int indent =
			    !drop && o->preserve_space && lead_on &&
			    (!(o->emergency_width > 0) ||
			     lead + c->width <= o->emergency_width / 2);
			if (indent) {
				/* indentation of preserved text (code) is
				 * part of the line, never a breakpoint (but
				 * for a last pass that cannot fit it) */
				lb_item *g = add(out, IT_BOX);
				g->c0 = (uint32_t)i;
				g->c1 = (uint32_t)j;
				g->w = c->width;
				g->count = 1;
				lead += g->w;
			} else if (!drop) {
				lb_item *g = add(out, IT_GLUE);
				g->c0 = (uint32_t)i;
				g->c1 = (uint32_t)i + 1;
				g->w = c->width;
				if (lead_on)
					lead += g->w;
				/* spaces in code keep their width, like
				 * those of TeX's typewriter fonts */
				if (o->justify && !o->preserve_space &&
				    spans[c->span].family != FAMILY_MONO) {
					g->y = c->width / 2;
					g->z = c->width / 3;
				}
			}
			i = j;
			continue;
		}
		size_t we = i;
		while (we < p->n && p->c[we].kind != CL_SPACE &&
		       p->c[we].brk != BRK_FORCED)
			we++;
		if (we < p->n && p->c[we].brk == BRK_FORCED)
			we++;
		if (visible_word(p, i, we)) {
			emit_word(t, spans, p, i, we, o, lead, out);
			lead = 0;
			lead_on = forced_at(out);
		}
		i = we;
	}
	/* no glue before the end (like TeX's \unskip) */
	while (!o->preserve_space && out->n &&
	       out->v[out->n - 1].type == IT_GLUE)
		out->n--;
	/* the paragraph ends with a forced break (one, not two) */
	if (!forced_at(out) || out->n == 0) {
		lb_item *x = add(out, IT_PEN);
		x->penalty = -LB_INF_PENALTY;
		x->c0 = p->n ? (uint32_t)p->n - 1 : 0;
	}
}
