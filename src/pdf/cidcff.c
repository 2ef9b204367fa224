/* cidcff.c - a face with CFF outlines (Noto CJK) in one output document,
 * which libharu cannot load or embed: a Type0 font, Identity-H (two-byte
 * codes, CID = glyph id, as draw.c writes them for every face), whose
 * descendant is a CIDFontType0 with the subset's bare CFF table as
 * /FontFile3 /Subtype /CIDFontType0C, /W from the face's advances and
 * the same ToUnicode CMap as the TrueType faces (tounicode.c).
 *
 * The subset is HarfBuzz's (hb-subset) with the glyph ids retained, so
 * the CIDs drawn are still the glyphs' ids; every table but CFF is
 * dropped (the PDF only needs the outlines). Noto CJK's CFF is CID-keyed
 * with CID = glyph id, which the subset keeps.
 *
 * The objects are made with the dictionary calls of haru.h: the Type0
 * dictionary when the document is set up (pages name it in their
 * resources as they draw), the rest after drawing, when the glyphs used
 * are known. */
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/cidcff.h"
#include "util/mem.h"

struct pdf_cidcff {
	HPDF_Doc pdf;
	const pdf_face *fc;
	HPDF_Dict type0;
};

pdf_cidcff *pdf_cidcff_new(HPDF_Doc pdf, const pdf_face *fc)
{
	HPDF_Dict d = haru_dict(pdf, 1);
	if (!d || haru_dict_put_name(d, "Type", "Font") != HPDF_OK ||
	    haru_dict_put_name(d, "Subtype", "Type0") != HPDF_OK ||
	    haru_dict_put_name(d, "Encoding", "Identity-H") != HPDF_OK)
		return NULL;
	pdf_cidcff *c = xcalloc(1, sizeof *c);
	c->pdf = pdf;
	c->fc = fc;
	c->type0 = d;
	return c;
}

HPDF_Font pdf_cidcff_font(const pdf_cidcff *c)
{
	return c->type0;
}

void pdf_cidcff_free(pdf_cidcff *c)
{
	free(c); /* its objects belong to the document */
}

/* ---- the subset ---- */

/* The bare CFF table of the face's subset to the glyphs used (ids
 * retained when `retain`), or NULL. */
static hb_blob_t *subset_with(hb_face_t *face, const pdf_cpset *used,
                              int retain)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (!in)
		return NULL;
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	for (uint32_t g = 0; g < 65536; g++)
		if (cpset_has(used, g))
			hb_set_add(glyphs, g);
	hb_subset_input_set_flags(in, retain ? HB_SUBSET_FLAGS_RETAIN_GIDS
	                                     : HB_SUBSET_FLAGS_DEFAULT);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	const hb_tag_t cff = HB_TAG('C', 'F', 'F', ' ');
	hb_tag_t tags[64];
	unsigned start = 0, n;
	do { /* every table of the face but CFF */
		n = sizeof tags / sizeof *tags;
		n = hb_face_get_table_tags(face, start, &n, tags) ? n : 0;
		for (unsigned i = 0; i < n; i++)
			if (tags[i] != cff)
				hb_set_add(drop, tags[i]);
		start += n;
	} while (n == sizeof tags / sizeof *tags);
	hb_face_t *sub = hb_subset_or_fail(face, in);
	hb_subset_input_destroy(in);
	if (!sub)
		return NULL;
	hb_blob_t *blob = hb_face_reference_table(sub, cff);
	hb_face_destroy(sub);
	if (!hb_blob_get_length(blob)) {
		hb_blob_destroy(blob);
		return NULL;
	}
	return blob;
}

/* 1 when every glyph used is drawn by CID = its id in the program
 * (cff): the charset gives the glyphs used, in order, their own ids as
 * CIDs (the subset keeps a CID-keyed font's CIDs), or, retained, glyph g
 * is CID g. */
static int cids_are_gids(hb_blob_t *cff, const pdf_cpset *used, int retain)
{
	unsigned n;
	const char *data = hb_blob_get_data(cff, &n);
	uint16_t *cids = xmalloc(65536 * sizeof *cids);
	long count = pdf_cff_cids(data, n, cids, 65536);
	long i = 1; /* glyph 0 (.notdef) is first, CID 0 */
	int ok = count > 0;
	for (uint32_t g = 1; g < 65536 && ok; g++) {
		if (!cpset_has(used, g))
			continue;
		long at = retain ? (long)g : i++;
		ok = at < count && cids[at] == g;
	}
	free(cids);
	return ok;
}

/* The subset: the glyphs used renumbered from 0 (its charset keeps their
 * CIDs) when the face's CIDs are its glyph ids (Noto CJK), else with the
 * ids retained (a CharStrings INDEX entry for every glyph of the face: some
 * 130 KB more for Noto CJK). */
static hb_blob_t *subset_cff(hb_face_t *face, const pdf_cpset *used)
{
	for (int retain = 0; retain < 2; retain++) {
		hb_blob_t *cff = subset_with(face, used, retain);
		if (cff && cids_are_gids(cff, used, retain))
			return cff;
		hb_blob_destroy(cff);
	}
	return NULL;
}

/* ---- the objects ---- */

static int milli(long v, unsigned upem)
{
	return (int)lround((double)v * 1000.0 / upem);
}

/* The big-endian 16-bit value at offset `at` of blob b (0 past its end). */
static int be16(hb_blob_t *b, unsigned at)
{
	unsigned n;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(b, &n);
	return p && at + 2 <= n ? (int16_t)(p[at] << 8 | p[at + 1]) : 0;
}

/* The subset's name: six capitals from the glyphs used and the face,
 * "+", the face's PostScript name. */
static void subset_name(const pdf_face *fc, hb_face_t *face,
                        const pdf_cpset *used, char *out, size_t n)
{
	uint32_t h = 2166136261u ^ fc->index;
	for (uint32_t g = 0; g < 65536; g++)
		if (cpset_has(used, g))
			h = (h ^ g) * 16777619u;
	char tag[7];
	for (int i = 0; i < 6; i++, h /= 26)
		tag[i] = (char)('A' + h % 26);
	tag[6] = '\0';
	char ps[96];
	unsigned len = sizeof ps;
	if (!hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	                         HB_LANGUAGE_INVALID, &len, ps))
		snprintf(ps, sizeof ps, "CIDFont");
	for (char *p = ps; *p; p++) /* a PDF name without escapes */
		if (*p <= ' ' || *p > '~' || strchr("()<>[]{}/%#", *p))
			*p = '-';
	snprintf(out, n, "%s+%s", tag, ps);
}

static HPDF_Array bbox(hb_face_t *face, HPDF_Doc pdf, unsigned upem)
{
	hb_blob_t *head =
	    hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
	HPDF_Array a = haru_array(pdf);
	for (unsigned i = 0; i < 4 && a; i++) /* xMin yMin xMax yMax */
		haru_array_put_int(a, milli(be16(head, 36 + 2 * i), upem));
	hb_blob_destroy(head);
	return a;
}

HPDF_Dict pdf_zstream(HPDF_Doc pdf, const void *data, size_t n)
{
	sp_buf z = SP_BUF_INIT;
	HPDF_Dict s = NULL;
	if (pdf_deflate(data, n, &z) == 0 &&
	    (s = haru_stream(pdf, NULL, 0)) != NULL &&
	    haru_stream_put(s, z.data, z.len, 1) != HPDF_OK)
		s = NULL;
	buf_free(&z);
	return s;
}

static HPDF_Dict descriptor(pdf_cidcff *c, hb_font_t *font, const char *name,
                            hb_blob_t *cff)
{
	HPDF_Doc pdf = c->pdf;
	hb_face_t *face = hb_font_get_face(font);
	unsigned upem = hb_face_get_upem(face);
	unsigned n;
	const char *data = hb_blob_get_data(cff, &n);
	HPDF_Dict prog = pdf_zstream(pdf, data, n);
	HPDF_Dict d = haru_dict(pdf, 1);
	if (!prog || !d)
		return NULL;
	hb_position_t cap = 0;
	if (!hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT,
	                                &cap))
		cap = c->fc->ascent * (long)upem / 1000;
	HPDF_STATUS ret = haru_dict_put_name(prog, "Subtype", "CIDFontType0C");
	ret += haru_dict_put_name(d, "Type", "FontDescriptor");
	ret += haru_dict_put_name(d, "FontName", name);
	ret += haru_dict_put_int(d, "Flags", 4); /* symbolic */
	ret += haru_dict_put(d, "FontBBox", bbox(face, pdf, upem));
	ret += haru_dict_put_int(d, "ItalicAngle", 0);
	ret += haru_dict_put_int(d, "Ascent", c->fc->ascent);
	ret += haru_dict_put_int(d, "Descent", c->fc->descent);
	ret += haru_dict_put_int(d, "CapHeight", milli(cap, upem));
	ret += haru_dict_put_int(d, "StemV", 80);
	ret += haru_dict_put(d, "FontFile3", prog);
	return ret == HPDF_OK ? d : NULL;
}

/* /W: the advances of the glyphs used, runs of consecutive CIDs. */
static HPDF_Array widths(pdf_cidcff *c, const pdf_cpset *used)
{
	HPDF_Array w = haru_array(c->pdf), run = NULL;
	uint32_t prev = 0;
	HPDF_STATUS ret = w ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
	for (uint32_t g = 0; g < c->fc->num_glyphs && ret == HPDF_OK; g++) {
		if (!cpset_has(used, g))
			continue;
		if (!run || g != prev + 1) {
			run = haru_array(c->pdf);
			ret += haru_array_put_int(w, (long)g);
			ret += haru_array_put(w, run);
		}
		ret += haru_array_put_int(run, c->fc->adv[g]);
		prev = g;
	}
	return ret == HPDF_OK ? w : NULL;
}

HPDF_Dict pdf_identity_system_info(HPDF_Doc pdf)
{
	HPDF_Dict csi = haru_dict(pdf, 0);
	HPDF_STATUS ret = haru_dict_put_text(pdf, csi, "Registry", "Adobe");
	ret += haru_dict_put_text(pdf, csi, "Ordering", "Identity");
	ret += haru_dict_put_int(csi, "Supplement", 0);
	return ret == HPDF_OK ? csi : NULL;
}

static HPDF_Dict descendant(pdf_cidcff *c, hb_font_t *font, const char *name,
                            hb_blob_t *cff, const pdf_cpset *used)
{
	HPDF_Dict d = haru_dict(c->pdf, 1);
	HPDF_STATUS ret = haru_dict_put_name(d, "Type", "Font");
	ret += haru_dict_put_name(d, "Subtype", "CIDFontType0");
	ret += haru_dict_put_name(d, "BaseFont", name);
	ret +=
	    haru_dict_put(d, "CIDSystemInfo", pdf_identity_system_info(c->pdf));
	ret +=
	    haru_dict_put(d, "FontDescriptor", descriptor(c, font, name, cff));
	ret += haru_dict_put_int(d, "DW", 1000);
	ret += haru_dict_put(d, "W", widths(c, used));
	return ret == HPDF_OK ? d : NULL;
}

HPDF_STATUS pdf_cidcff_finish(pdf_cidcff *c, const pdf_cpset *used,
                              const pdf_gtext *gt)
{
	hb_font_t *font = pdf_shaper_font(c->fc->shaper);
	hb_blob_t *cff = font ? subset_cff(hb_font_get_face(font), used) : NULL;
	if (!cff)
		return HPDF_INVALID_FONT;
	char name[128];
	subset_name(c->fc, hb_font_get_face(font), used, name, sizeof name);
	HPDF_Dict desc = descendant(c, font, name, cff, used);
	hb_blob_destroy(cff);
	HPDF_Array kids = haru_array(c->pdf);
	sp_buf cmap = SP_BUF_INIT;
	pdf_tounicode_cmap(&cmap, used, gt, NULL);
	HPDF_Dict tu = pdf_zstream(c->pdf, cmap.data, cmap.len);
	buf_free(&cmap);
	if (!desc || !kids || !tu)
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_STATUS ret = haru_array_put(kids, desc);
	ret += haru_dict_put_name(c->type0, "BaseFont", name);
	ret += haru_dict_put(c->type0, "DescendantFonts", kids);
	ret += haru_dict_put(c->type0, "ToUnicode", tu);
	return ret == HPDF_OK ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
}
