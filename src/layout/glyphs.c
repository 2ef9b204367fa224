/* glyphs.c - face lookups with a per-face two-level width cache. */
#include "layout/glyphs.h"

#include <stdlib.h>

#include "util/mem.h"

enum { UNKNOWN = -2, MISSING = -1 };

typedef struct face_cache {
	int32_t *page[256]; /* 256 entries each: UNKNOWN, MISSING or advance */
	int ascent, descent;
	int have_metrics;
} face_cache;

struct glyph_cache {
	const layout_fonts *fonts;
	face_cache *faces;
	int nfaces;
};

glyph_cache *glyph_cache_new(const layout_fonts *f)
{
	glyph_cache *g = xcalloc(1, sizeof *g);
	g->fonts = f;
	g->nfaces = f->nfaces > 0 ? f->nfaces : 0;
	g->faces = xcalloc(g->nfaces ? (size_t)g->nfaces : 1, sizeof *g->faces);
	return g;
}

void glyph_cache_free(glyph_cache *g)
{
	if (!g)
		return;
	for (int i = 0; i < g->nfaces; i++)
		for (int p = 0; p < 256; p++)
			free(g->faces[i].page[p]);
	free(g->faces);
	free(g);
}

static int32_t *new_page(void)
{
	int32_t *p = xmalloc(256 * sizeof *p);
	for (int i = 0; i < 256; i++)
		p[i] = UNKNOWN;
	return p;
}

int glyph_advance(glyph_cache *g, int face, uint32_t cp)
{
	if (face < 0 || face >= g->nfaces || cp > 0x10FFFF)
		return -1;
	if (cp > 0xFFFF) { /* rare: asked of the device each time, and only
		            * of a device that shapes (it can draw them) */
		const layout_fonts *f = g->fonts;
		if (!f->ops->shape || !f->ops->has_glyph(f->ctx, face, cp))
			return -1;
		int adv = f->ops->advance(f->ctx, face, cp);
		return adv < 0 ? 0 : adv;
	}
	face_cache *fc = &g->faces[face];
	int32_t *page = fc->page[cp >> 8];
	if (!page)
		page = fc->page[cp >> 8] = new_page();
	int32_t *e = &page[cp & 0xFF];
	if (*e == UNKNOWN) {
		const layout_fonts *f = g->fonts;
		if (f->ops->has_glyph(f->ctx, face, cp)) {
			int adv = f->ops->advance(f->ctx, face, cp);
			*e = adv < 0 ? 0 : adv;
		} else {
			*e = MISSING;
		}
	}
	return *e;
}

static face_cache *metrics(glyph_cache *g, int face)
{
	if (face < 0 || face >= g->nfaces)
		return NULL;
	face_cache *fc = &g->faces[face];
	if (!fc->have_metrics) {
		fc->ascent = g->fonts->ops->ascent(g->fonts->ctx, face);
		fc->descent = g->fonts->ops->descent(g->fonts->ctx, face);
		fc->have_metrics = 1;
	}
	return fc;
}

int glyph_ascent(glyph_cache *g, int face)
{
	face_cache *fc = metrics(g, face);
	return fc ? fc->ascent : 800;
}

int glyph_descent(glyph_cache *g, int face)
{
	face_cache *fc = metrics(g, face);
	return fc ? fc->descent : -200;
}

const int *glyph_chain(const layout_fonts *f, int family, int variant, int *len)
{
	if (family < 0 || family >= FAMILY_N)
		family = FAMILY_BODY;
	if (variant < 0 || variant >= VARIANT_N)
		variant = VARIANT_REGULAR;
	if (f->chain_len[family][variant] <= 0)
		variant = VARIANT_REGULAR;
	if (f->chain_len[family][variant] <= 0)
		family = FAMILY_BODY;
	int n = f->chain_len[family][variant];
	*len = n < 0 ? 0 : n > FONT_MAX_CHAIN ? FONT_MAX_CHAIN : n;
	return f->chain[family][variant];
}
