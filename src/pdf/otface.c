/* otface.c - the metrics of a face that libharu cannot load (CFF
 * outlines, a face inside a .ttc collection), read once through
 * HarfBuzz: the cmap's glyph of every BMP code point, every glyph's
 * advance, ascent and descent, all in the units layout measures with
 * (1/1000 em), into the same tables fonts.c fills for TrueType faces.
 * Like those, they are written here once and only read afterwards. */
#include <hb-ot.h>
#include <hb.h>
#include <math.h>
#include <string.h>

#include "pdf/internal.h"
#include "util/mem.h"

/* 1/1000 em of v font units */
static int milli(hb_position_t v, unsigned upem)
{
	return (int)lround((double)v * 1000.0 / upem);
}

/* gid[cp] for the code points of the BMP the cmap covers, looked up in
 * batches; controls are never drawn. */
static void fill_cmap(pdf_face *fc, hb_font_t *font)
{
	enum { BATCH = 1024 };
	hb_face_t *face = hb_font_get_face(font);
	hb_set_t *cps = hb_set_create();
	hb_face_collect_unicodes(face, cps);
	fc->gid = xcalloc(65536, sizeof *fc->gid);
	hb_codepoint_t cp[BATCH], g[BATCH];
	hb_codepoint_t last = HB_SET_VALUE_INVALID;
	unsigned n;
	while ((n = hb_set_next_many(cps, last, cp, BATCH)) > 0) {
		last = cp[n - 1];
		memset(g, 0, sizeof g);
		/* it stops at a code point without a glyph: go on after it */
		for (unsigned done = 0; done < n;)
			done += hb_font_get_nominal_glyphs(
			            font, n - done, cp + done, sizeof *cp,
			            g + done, sizeof *g) +
			        1;
		for (unsigned i = 0; i < n && cp[i] < 65536; i++) {
			uint32_t c = cp[i];
			if (c >= 0x20 && (c < 0x7f || c >= 0xa0) &&
			    g[i] < fc->num_glyphs)
				fc->gid[c] = (uint16_t)g[i];
		}
		if (n < BATCH || last >= 65535)
			break;
	}
	hb_set_destroy(cps);
}

static void fill_advances(pdf_face *fc, hb_font_t *font, unsigned upem)
{
	unsigned n = fc->num_glyphs;
	hb_codepoint_t *gids = xmalloc(n * sizeof *gids);
	hb_position_t *adv = xmalloc(n * sizeof *adv);
	for (unsigned g = 0; g < n; g++)
		gids[g] = g;
	hb_font_get_glyph_h_advances(font, n, gids, sizeof *gids, adv,
	                             sizeof *adv);
	fc->adv = xcalloc(n, sizeof *fc->adv);
	for (unsigned g = 0; g < n; g++) {
		int a = upem == 1000 ? adv[g] : milli(adv[g], upem);
		fc->adv[g] = (int16_t)(a > 32767 ? 32767 : a < 0 ? 0 : a);
	}
	free(gids);
	free(adv);
}

int pdf_otface_load(pdf_face *fc)
{
	hb_font_t *font = pdf_shaper_font(fc->shaper);
	if (!font)
		return -1;
	hb_face_t *face = hb_font_get_face(font);
	unsigned upem = hb_face_get_upem(face);
	unsigned n = hb_face_get_glyph_count(face);
	if (!upem || !n)
		return -1;
	fc->num_glyphs = n > 65535 ? 65535 : n; /* CIDs are 16-bit */
	hb_position_t asc = 0, desc = 0;
	hb_ot_metrics_get_position_with_fallback(
	    font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
	hb_ot_metrics_get_position_with_fallback(
	    font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
	fc->ascent = milli(asc, upem);
	fc->descent = milli(desc, upem);
	fill_advances(fc, font, upem);
	fc->missing_width = fc->adv[0];
	fill_cmap(fc, font);
	return 0;
}
