/* shaperuns.c - shaping a paragraph's clusters with the font device.
 *
 * A run is a maximal sequence of CL_TEXT clusters of one span and one
 * face with nothing between them (a word, or the part of it one face
 * draws). It is shaped as a whole, through the context's cache, and its
 * glyphs are handed to the clusters their text starts in: a glyph whose
 * text spans several clusters (a ligature) leaves the clusters after the
 * first without glyphs, width 0 and marked `lig`, so that no break falls
 * inside it. A cluster's width becomes the sum of its glyphs' advances,
 * kerning included: line breaking measures shaped widths. */
#include <string.h>

#include "layout/segment.h"
#include "layout/shapecache.h"
#include "util/mem.h"

int tx_features(const layout_span *s)
{
	return s->family == FAMILY_MONO ? SHAPE_NO_LIGATURES : SHAPE_DEFAULT;
}

static int continues(const tx_cluster *a, const tx_cluster *b)
{
	return b->kind == CL_TEXT && b->span == a->span && b->face == a->face &&
	       b->level == a->level && b->off == a->off + a->len;
}

/* One glyph per cluster, each covering its cluster's bytes (most Latin,
 * Greek and Cyrillic words): 1 when so, and then handed out. */
static int one_to_one(tx_para *p, size_t i, size_t j, const sp_glyph *g,
                      size_t ng, double size)
{
	if (ng != j - i)
		return 0;
	for (size_t n = 0; n < ng; n++)
		if (g[n].clen != p->c[i + n].len)
			return 0;
	p->g = xgrow(p->g, &p->capg, p->ng + ng, sizeof *p->g);
	for (size_t n = 0; n < ng; n++) {
		tx_cluster *c = &p->c[i + n];
		c->g0 = (uint32_t)p->ng;
		c->ng = 1;
		c->width = g[n].adv * size / 1000.0; /* as distribute() */
		p->g[p->ng++] = g[n];
	}
	return 1;
}

/* Hands the run's glyphs g[0..ng) to clusters [i, j). */
static void distribute(tx_para *p, size_t i, size_t j, const sp_glyph *g,
                       size_t ng, double size)
{
	if (one_to_one(p, i, j, g, ng, size))
		return;
	uint32_t base = p->c[i].off, pos = 0;
	size_t k = i;
	int lig = 0;
	p->g = xgrow(p->g, &p->capg, p->ng + ng, sizeof *p->g);
	for (size_t x = i; x < j; x++) {
		p->c[x].ng = 0;
		p->c[x].g0 = (uint32_t)p->ng;
		p->c[x].width = 0;
	}
	for (size_t n = 0; n < ng; n++) {
		if (g[n].clen) {
			uint32_t start = pos, end = pos + g[n].clen;
			while (k + 1 < j && p->c[k + 1].off - base <= start)
				k++;
			/* beyond its cluster: a ligature */
			if (p->c[k].off - base + p->c[k].len < end)
				for (size_t x = k + 1;
				     x < j && p->c[x].off - base < end; x++)
					p->c[x].lig = 1, lig = 1;
			pos = end;
		}
		tx_cluster *c = &p->c[k];
		if (c->ng == 0)
			c->g0 = (uint32_t)p->ng;
		if (c->ng < UINT16_MAX && c->g0 + c->ng == p->ng) {
			p->g[p->ng++] = g[n];
			c->ng++;
		}
		c->width += g[n].adv * size / 1000.0;
	}
	for (size_t x = i; lig && x < j; x++)
		if (p->c[x].ng)
			p->c[x].lig = 0;
}

void tx_shape(layout_text_ctx *t, const layout_span *spans, tx_para *p)
{
	p->ng = 0;
	if (!shape_cache_on(t->shapes))
		return;
	size_t i = 0;
	while (i < p->n) {
		tx_cluster *c = &p->c[i];
		if (c->kind != CL_TEXT) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < p->n && continues(&p->c[j - 1], &p->c[j]))
			j++;
		const layout_span *s = &spans[c->span];
		size_t len = p->c[j - 1].off + p->c[j - 1].len - c->off, ng;
		const sp_glyph *g =
		    shape_cached(t->shapes, c->face, tx_features(s),
		                 c->level & 1, s->text + c->off, len, &ng);
		if (g)
			distribute(p, i, j, g, ng, s->size);
		i = j;
	}
}

void tx_run_glyphs(const sp_glyph *g, size_t n, layout_run *r)
{
	size_t bytes = 0, nk = 0;
	int plain = 1;
	for (size_t i = 0; i < n; i++) {
		plain = plain && g[i].nominal;
		nk += g[i].kern != 0;
		bytes += g[i].clen;
	}
	if (plain && bytes == r->len && !(r->level & 1)) {
		if (!nk)
			return;
		r->kerns = xmalloc(nk * sizeof *r->kerns);
		for (size_t i = 0; i < n; i++)
			if (g[i].kern)
				r->kerns[r->nkerns++] =
				    (sp_kern){(uint32_t)i, g[i].kern};
		return;
	}
	r->glyphs = xmalloc(n * sizeof *r->glyphs);
	memcpy(r->glyphs, g, n * sizeof *g);
	r->nglyphs = (uint32_t)n; /* (a run's glyphs) */
}
