/* glyphs.h - per-face glyph lookups and advance widths, cached.
 *
 * Every font-device call (has_glyph, advance) happens at most once per
 * face and code point: results live in a two-level table per face (256
 * pages of 256 BMP code points, pages allocated on first use). */
#ifndef SP_LAYOUT_GLYPHS_H
#define SP_LAYOUT_GLYPHS_H

#include <stdint.h>

#include "layout/font.h"

typedef struct glyph_cache glyph_cache;

glyph_cache *glyph_cache_new(const layout_fonts *f);
void glyph_cache_free(glyph_cache *g);

/* Advance of cp in face (1/1000 em), or -1 when the face lacks cp or face
 * is out of range, or cp is above U+FFFF and the device does not shape
 * (only shaped text can draw those). */
int glyph_advance(glyph_cache *g, int face, uint32_t cp);
/* Ascent and descent of a face, 1/1000 em (descent negative). */
int glyph_ascent(glyph_cache *g, int face);
int glyph_descent(glyph_cache *g, int face);

/* The chain of faces for a family role and variant: falls back to the
 * regular variant, then to the body family, when a chain is empty. */
const int *glyph_chain(const layout_fonts *f, int family, int variant,
                       int *len);

#endif
