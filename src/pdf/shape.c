/* shape.c - the font device's shaping, with HarfBuzz.
 *
 * Each face gets one hb_font over its file (mapped, not copied), at a
 * scale of its units per em, made immutable so that every thread may
 * shape with it. A run is shaped with the cluster level "monotone
 * characters" and default ignorables removed; the output is given in
 * logical order with advances and offsets in 1/1000 em and, for the
 * first glyph of each cluster, the bytes of text it stands for.
 *
 * The PDF writes glyph ids (CID = glyph id), so a glyph HarfBuzz
 * substitutes (a ligature, a contextual form) is drawn as it is; the
 * widths array holds the fonts' advances and kerning is written as TJ
 * adjustments (draw.c). */
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"

struct pdf_shaper {
	hb_font_t *font;
	unsigned upem;
};

pdf_shaper *pdf_shaper_new(const char *path, unsigned index)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (!blob)
		return NULL;
	hb_face_t *face = hb_face_create(blob, index);
	hb_blob_destroy(blob);
	unsigned upem = hb_face_get_upem(face);
	if (hb_face_get_glyph_count(face) == 0 || upem == 0) {
		hb_face_destroy(face);
		return NULL;
	}
	pdf_shaper *s = calloc(1, sizeof *s);
	if (!s) {
		hb_face_destroy(face);
		return NULL;
	}
	s->font = hb_font_create(face);
	hb_face_destroy(face);
	s->upem = upem;
	hb_font_set_scale(s->font, (int)upem, (int)upem);
	hb_font_make_immutable(s->font);
	return s;
}

void pdf_shaper_free(pdf_shaper *s)
{
	if (!s)
		return;
	hb_font_destroy(s->font);
	free(s);
}

struct hb_font_t *pdf_shaper_font(const pdf_shaper *s)
{
	return s ? s->font : NULL;
}

unsigned pdf_shaper_glyph(const pdf_shaper *s, uint32_t cp)
{
	hb_codepoint_t g = 0;
	if (!s || !hb_font_get_nominal_glyph(s->font, cp, &g))
		return 0;
	return (unsigned)g;
}

static const hb_feature_t no_ligatures[] = {
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START,
     HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START,
     HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START,
     HB_FEATURE_GLOBAL_END},
};

/* Byte offset where the cluster of glyph i (in logical order) ends: the
 * next larger cluster value, or the end of the text. */
static uint32_t cluster_end(const hb_glyph_info_t *info, unsigned n, unsigned i,
                            int rtl, uint32_t len)
{
	uint32_t c = info[rtl ? n - 1 - i : i].cluster;
	for (unsigned j = i + 1; j < n; j++) {
		uint32_t d = info[rtl ? n - 1 - j : j].cluster;
		if (d > c)
			return d;
	}
	return len;
}

/* The advance of glyph v: the font's (as the PDF's /W array gives it,
 * adv[gid]) plus what shaping changed (kerning), rounded to 1/1000 em
 * so that the content stream only needs kerning numbers where there is
 * kerning. */
static void advance(const pdf_shaper *s, const hb_glyph_info_t *info,
                    const hb_glyph_position_t *pos, const int16_t *adv,
                    unsigned nadv, double k, sp_glyph *g)
{
	hb_codepoint_t gid = info->codepoint;
	if (gid >= nadv) {
		g->adv = (int16_t)lround(pos->x_advance * k);
		g->kern = 0;
		return;
	}
	hb_position_t plain = hb_font_get_glyph_h_advance(s->font, gid);
	g->kern = (int16_t)lround((pos->x_advance - plain) * k);
	g->adv = (int16_t)(adv[gid] + g->kern);
}

/* 1 when glyph g (of text t from byte `at`) is the cmap's glyph of one
 * code point spanning its clen bytes. */
static int nominal(const uint16_t *cmap, const sp_glyph *g, const char *t,
                   size_t at, size_t len)
{
	if (!g->clen || g->dx || g->dy || at + g->clen > len)
		return 0;
	const unsigned char *u = (const unsigned char *)t + at;
	size_t n = u[0] < 0x80 ? 1 : u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : 2;
	if (n != g->clen)
		return 0;
	uint32_t cp = n == 1 ? u[0] : u[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++)
		cp = cp << 6 | (u[i] & 0x3Fu);
	return cp <= 0xFFFF && cmap[cp] == g->gid;
}

long pdf_shape(const pdf_face *fc, const char *text, size_t len, int features,
               int rtl, const char *lang, sp_glyph *out, size_t cap)
{
	const pdf_shaper *s = fc->shaper;
	const int16_t *adv = fc->adv;
	unsigned nadv = fc->num_glyphs;
	if (!s || len > 0xFFFF)
		return -1;
	/* a buffer per call: layout shapes each distinct word once */
	hb_buffer_t *b = hb_buffer_create();
	if (!hb_buffer_allocation_successful(b)) {
		hb_buffer_destroy(b);
		return -1;
	}
	hb_buffer_set_cluster_level(
	    b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
	hb_buffer_set_flags(b, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);
	hb_buffer_add_utf8(b, text, (int)len, 0, (int)len);
	hb_buffer_set_direction(b, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
	if (lang && *lang)
		hb_buffer_set_language(b, hb_language_from_string(lang, -1));
	hb_buffer_guess_segment_properties(b);
	hb_shape(s->font, b,
	         features == SHAPE_NO_LIGATURES ? no_ligatures : NULL,
	         features == SHAPE_NO_LIGATURES ? 3 : 0);
	unsigned n = 0;
	const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
	const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
	if (n > cap) {
		hb_buffer_destroy(b);
		return (long)n;
	}
	double k = 1000.0 / s->upem;
	uint32_t done = 0; /* text covered by the glyphs so far */
	for (unsigned i = 0; i < n; i++) {
		unsigned v = rtl ? n - 1 - i : i;
		sp_glyph *g = &out[i];
		g->gid =
		    (uint16_t)(info[v].codepoint > 0xFFFF ? 0
		                                          : info[v].codepoint);
		advance(s, &info[v], &pos[v], adv, nadv, k, g);
		g->dx = (int16_t)lround(pos[v].x_offset * k);
		g->dy = (int16_t)lround(pos[v].y_offset * k);
		uint32_t end = cluster_end(info, n, i, rtl, (uint32_t)len);
		g->clen = (uint16_t)(end > done ? end - done : 0);
		g->nominal = (uint8_t)nominal(fc->gid, g, text, done, len);
		if (end > done)
			done = end;
	}
	hb_buffer_destroy(b);
	return (long)n;
}
