/* font.h - the small font interface layout talks to, like a typesetter to
 * its device. Implemented over libharu for real output (pdf/fonts.c) and
 * by a fixed-width fake in unit tests (layout/fakefont.c).
 *
 * Units: advances, ascent and descent are in 1/1000 em (font units scaled
 * to a 1000-unit em, as PDF widths are). Code points are Unicode scalar
 * values; only the BMP can be drawn by libharu. */
#ifndef SP_LAYOUT_FONT_H
#define SP_LAYOUT_FONT_H

#include <stddef.h>
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

#define FONT_MAX_CHAIN 12 /* faces in one fallback chain */

/* One shaped glyph. Advances and offsets in whole 1/1000 em (size
 * independent; the PDF's widths are whole numbers of them too). A glyph
 * stands for the `clen` bytes of text from where the text of the glyphs
 * before it ends: the first glyph of a cluster carries the cluster's
 * bytes (all of a ligature's letters), any further glyph of the same
 * cluster 0. */
typedef struct sp_glyph {
	uint16_t gid;
	uint16_t clen;   /* bytes of text */
	int16_t adv;     /* 1/1000 em, kerning included */
	int16_t kern;    /* of which kerning: adv minus the font's advance */
	int16_t dx, dy;  /* offset of the glyph from the pen, 1/1000 em */
	uint8_t nominal; /* the font's glyph for one code point of clen
	                  * bytes, no offset: what a code-by-code renderer
	                  * draws (but for the kerning) */
} sp_glyph;

/* Kerning of a run drawn code point by code point: after the code point
 * numbered `at` (from 0, in the run's text), the pen moves `delta` more. */
typedef struct sp_kern {
	uint32_t at;
	int32_t delta; /* 1/1000 em */
} sp_kern;

/* What a run is shaped with besides its face and text. */
enum {
	SHAPE_DEFAULT = 0,     /* the font's default features (ligatures on) */
	SHAPE_NO_LIGATURES = 1 /* code: liga, clig and calt off */
};

typedef struct layout_font_ops {
	/* Advance of cp in face (1/1000 em). Only called when has_glyph. */
	int (*advance)(void *ctx, int face, uint32_t cp);
	/* Non-zero when the face has a real glyph for cp. */
	int (*has_glyph)(void *ctx, int face, uint32_t cp);
	/* Ascent (positive) and descent (negative), 1/1000 em. */
	int (*ascent)(void *ctx, int face);
	int (*descent)(void *ctx, int face);
	/* Shapes len bytes of UTF-8 text (one direction, one script) in
	 * face with `features` (SHAPE_*), rtl when right to left, lang a
	 * BCP 47 tag or NULL. Writes up to cap glyphs to out in logical
	 * order (clen as above) and returns how many there are (call again
	 * with more room when that is more than cap), or -1 when the face
	 * cannot shape. NULL: layout measures code point by code point and
	 * runs carry no glyphs (the fake font of the unit tests). */
	long (*shape)(void *ctx, int face, const char *text, size_t len,
	              int features, int rtl, const char *lang, sp_glyph *out,
	              size_t cap);
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
