/* bidi.c - the Unicode bidirectional algorithm (FriBidi) over a
 * paragraph's clusters, and the visual order of a line's runs.
 *
 * Levels are resolved once per paragraph, on the first code point of each
 * cluster, with the paragraph's base direction from its first strong
 * character (rules P2, P3). Lines are broken in logical order; then the
 * runs of each line (one level each) are put in visual order (rule L2)
 * and placed again from the left, each keeping its width, and each gap
 * between two logical neighbours reordered with them as a neutral would
 * be; the line keeps its runs in
 * logical order, only their x changes. A right-to-left run keeps its text and
 * glyphs in logical order; the renderer draws its glyphs backwards. A
 * paragraph without right-to-left characters costs one scan. */
#include <fribidi.h>
#include <stdlib.h>

#include "layout/segment.h"
#include "util/mem.h"

/* Could cp make a paragraph bidirectional? (R and AL characters, and the
 * explicit marks, embeddings, overrides and isolates.) */
static int rtl_char(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) ||
	       (cp >= 0xFB1D && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFF) ||
	       (cp >= 0x10800 && cp <= 0x10FFF) ||
	       (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void tx_bidi(tx_para *p)
{
	p->rtl = p->bidi = 0;
	size_t i = 0; /* levels start at 0 (clusters are pushed zeroed) */
	while (i < p->n && (p->c[i].cp < 0x0590 || !rtl_char(p->c[i].cp)))
		i++;
	if (i == p->n)
		return;
	FriBidiChar *ch = xmalloc(p->n * sizeof *ch);
	FriBidiCharType *ty = xmalloc(p->n * sizeof *ty);
	FriBidiLevel *lv = xmalloc(p->n * sizeof *lv);
	for (size_t k = 0; k < p->n; k++)
		ch[k] = p->c[k].kind == CL_SPACE ? 0x20 : p->c[k].cp;
	fribidi_get_bidi_types(ch, (FriBidiStrIndex)p->n, ty);
	FriBidiParType base = FRIBIDI_PAR_ON;
	FriBidiLevel max = fribidi_get_par_embedding_levels_ex(
	    ty, NULL, (FriBidiStrIndex)p->n, &base, lv);
	for (size_t k = 0; k < p->n; k++) {
		p->c[k].level = max ? (uint8_t)lv[k] : 0;
		p->bidi |= p->c[k].level & 1;
	}
	p->rtl = max && FRIBIDI_IS_RTL(base);
	p->bidi |= p->rtl;
	free(ch);
	free(ty);
	free(lv);
}

static void reverse(size_t *v, size_t a, size_t b) /* [a, b) */
{
	while (a + 1 < b) {
		size_t t = v[a];
		v[a] = v[--b];
		v[b] = t;
		a++;
	}
}

void tx_reorder_line(layout_line *l)
{
	size_t n = l->nruns;
	if (n == 0)
		return;
	layout_run *r = l->runs;
	/* items in logical order: run i is item 2i, the gap before it item
	 * 2i - 1, at the lower level of its two runs (a space between runs of
	 * one direction goes with them; between two directions, with the
	 * embedding: UAX #9, N1 and N2) */
	size_t m = 2 * n - 1;
	double *gap = xmalloc(n * sizeof *gap); /* before run i */
	int *lev = xmalloc(m * sizeof *lev);
	size_t *vis = xmalloc(m * sizeof *vis); /* visual order of items */
	int hi = 0, lo = 255;
	for (size_t i = 0; i < n; i++) {
		gap[i] = i ? r[i].x - (r[i - 1].x + r[i - 1].width) : 0;
		lev[2 * i] = r[i].level;
		if (i)
			lev[2 * i - 1] = r[i].level < r[i - 1].level
			                     ? r[i].level
			                     : r[i - 1].level;
		hi = r[i].level > hi ? r[i].level : hi;
		if ((r[i].level & 1) && r[i].level < lo)
			lo = r[i].level;
	}
	for (size_t k = 0; k < m; k++)
		vis[k] = k;
	for (int v = hi; lo != 255 && v >= lo; v--)
		for (size_t k = 0; k < m;) {
			if (lev[vis[k]] < v) {
				k++;
				continue;
			}
			size_t j = k;
			while (j < m && lev[vis[j]] >= v)
				j++;
			reverse(vis, k, j);
			k = j;
		}
	double x = r[0].x; /* the line starts where it started */
	for (size_t k = 0; k < m; k++) {
		size_t it = vis[k];
		if (it & 1) {
			x += gap[(it + 1) / 2];
			continue;
		}
		r[it / 2].x = x;
		x += r[it / 2].width;
	}
	free(gap);
	free(lev);
	free(vis);
}
