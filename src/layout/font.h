/* font.h - the small font interface layout talks to, like a typesetter to
 * its device. Implemented over libharu for real output (pdf/fonts.c) and
 * by a fixed-width fake in unit tests (layout/fakefont.c).
 *
 * Units: advances, ascent and descent are in 1/1000 em (font units scaled
 * to a 1000-unit em, as PDF widths are). Code points are Unicode scalar
 * values; only the BMP can be drawn by libharu. */
#ifndef SP_LAYOUT_FONT_H
#define SP_LAYOUT_FONT_H

#include <stdint.h>

/* Family roles a template names. */
typedef enum sp_family {
	FAMILY_BODY = 0,
	FAMILY_HEADING,
	FAMILY_MONO,
	FAMILY_N
} sp_family;

/* Variants: bit flags. */
enum { VARIANT_REGULAR = 0, VARIANT_BOLD = 1, VARIANT_ITALIC = 2 };
#define VARIANT_N 4

#define FONT_MAX_CHAIN 8 /* faces in one fallback chain */

typedef struct layout_font_ops {
	/* Advance of cp in face (1/1000 em). Only called when has_glyph. */
	int (*advance)(void *ctx, int face, uint32_t cp);
	/* Non-zero when the face has a real glyph for cp. */
	int (*has_glyph)(void *ctx, int face, uint32_t cp);
	/* Ascent (positive) and descent (negative), 1/1000 em. */
	int (*ascent)(void *ctx, int face);
	int (*descent)(void *ctx, int face);
} layout_font_ops;

/* A font set: the device plus, for every family role and variant, the
 * fallback chain of faces to try in order. Filled by the font provider
 * (pdf_fonts_open, or fakefont_init in tests). */
typedef struct layout_fonts {
	const layout_font_ops *ops;
	void *ctx;
	int chain[FAMILY_N][VARIANT_N][FONT_MAX_CHAIN];
	int chain_len[FAMILY_N][VARIANT_N];
	/* Face and code point drawn in place of a character that no face of
	 * the chain has, or that lies above U+FFFF: a visible substitute. */
	int subst_face;
	uint32_t subst_cp;
	int nfaces;
} layout_fonts;

#endif
