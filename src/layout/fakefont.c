/* fakefont.c - fixed-width fake font device for tests (see fakefont.h). */
#include "layout/fakefont.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

typedef struct fake_ctx {
	uint32_t *lacks;
	size_t nlacks;
	uint32_t *fallback;
	size_t nfallback;
	unsigned long calls;
} fake_ctx;

static int in_set(const uint32_t *set, size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return 1;
	return 0;
}

static int fake_has_glyph(void *ctx, int face, uint32_t cp)
{
	fake_ctx *c = ctx;
	c->calls++;
	if (face == FAKEFONT_SUBST)
		return cp == 0xFFFD;
	if (face == FAKEFONT_FALLBACK)
		return in_set(c->fallback, c->nfallback, cp);
	return !in_set(c->lacks, c->nlacks, cp);
}

static int fake_advance(void *ctx, int face, uint32_t cp)
{
	fake_ctx *c = ctx;
	(void)cp;
	c->calls++;
	return face == FAKEFONT_FALLBACK ? 600 : 500;
}

static int fake_ascent(void *ctx, int face)
{
	(void)ctx;
	(void)face;
	return 800;
}

static int fake_descent(void *ctx, int face)
{
	(void)ctx;
	(void)face;
	return -200;
}

static const layout_font_ops fake_ops = {fake_advance, fake_has_glyph,
                                         fake_ascent, fake_descent, NULL};

void fakefont_init(layout_fonts *f, const uint32_t *lacks, size_t nlacks)
{
	fake_ctx *c = xcalloc(1, sizeof *c);
	memset(f, 0, sizeof *f);
	if (nlacks) {
		c->lacks = xmalloc(nlacks * sizeof *lacks);
		memcpy(c->lacks, lacks, nlacks * sizeof *lacks);
		c->nlacks = nlacks;
	}
	f->ops = &fake_ops;
	f->ctx = c;
	for (int fam = 0; fam < FAMILY_N; fam++)
		for (int v = 0; v < VARIANT_N; v++) {
			f->chain[fam][v][0] = fam * 4 + v;
			f->chain_len[fam][v] = 1;
		}
	f->subst_face = FAKEFONT_SUBST;
	f->subst_cp = 0xFFFD;
	f->nfaces = FAKEFONT_NFACES;
}

void fakefont_set_fallback(layout_fonts *f, const uint32_t *has, size_t n)
{
	fake_ctx *c = f->ctx;
	free(c->fallback);
	c->fallback = xmalloc((n ? n : 1) * sizeof *has);
	if (n)
		memcpy(c->fallback, has, n * sizeof *has);
	c->nfallback = n;
	for (int fam = 0; fam < FAMILY_N; fam++)
		for (int v = 0; v < VARIANT_N; v++) {
			f->chain[fam][v][1] = FAKEFONT_FALLBACK;
			f->chain_len[fam][v] = 2;
		}
}

unsigned long fakefont_calls(const layout_fonts *f)
{
	return ((const fake_ctx *)f->ctx)->calls;
}

void fakefont_free(layout_fonts *f)
{
	fake_ctx *c = f->ctx;
	if (!c)
		return;
	free(c->lacks);
	free(c->fallback);
	free(c);
	f->ctx = NULL;
}
