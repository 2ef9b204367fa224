/* ttfont.c - a TrueType face that embed.c subsets, in one output
 * document, as a Type0 font made with the dictionary calls of haru.h.
 *
 * libharu's HPDF_GetFont builds a CIDFontType2 by walking all 65,536
 * codes of its encoder (a /W array and a 128 KB CIDToGIDMap, which
 * tounicode.c would replace): 4 million instructions per font and
 * document even with haru_get_utf8_font's one-code map, a tenth of a
 * worksheet PDF. Here the objects are made as they end up: the Type0
 * dictionary when the document is set up, the rest after drawing, when
 * the glyphs used are known, from the run's parsed definition (read
 * only, so documents on several threads share it) and embed.c's cached
 * subset. libharu's own path stays for the faces embed.c cannot subset
 * and under SP_SLOW_GLYPHID. */
#include "pdf/ttfont.h"

#include "pdf/codes.h"
#include "util/mem.h"

HPDF_Font pdf_ttfont_new(HPDF_Doc pdf)
{
	HPDF_Dict d = haru_dict(pdf, 1);
	if (!d || haru_dict_put_name(d, "Type", "Font") != HPDF_OK ||
	    haru_dict_put_name(d, "Subtype", "Type0") != HPDF_OK)
		return NULL;
	return d;
}

/* The descendant CIDFontType2 named name, or NULL. */
static HPDF_Dict descendant(HPDF_Doc pdf, const pdf_face *fc, const char *name,
                            HPDF_Dict descriptor, const pdf_cpset *used,
                            const struct pdf_codes *codes)
{
	sp_buf z = SP_BUF_INIT;
	HPDF_Dict map = NULL;
	if (pdf_cid_to_gid_map(used, fc->num_glyphs, codes, &z) == 0 &&
	    (map = haru_stream(pdf, NULL, 0)) != NULL &&
	    haru_stream_put(map, z.data, z.len, 1) != HPDF_OK)
		map = NULL;
	buf_free(&z);
	HPDF_Dict d = haru_dict(pdf, 1);
	HPDF_STATUS ret = haru_dict_put_name(d, "Type", "Font");
	ret += haru_dict_put_name(d, "Subtype", "CIDFontType2");
	ret += haru_dict_put_name(d, "BaseFont", name);
	ret += haru_dict_put(d, "CIDSystemInfo", pdf_identity_system_info(pdf));
	ret += haru_dict_put(d, "FontDescriptor", descriptor);
	ret += haru_dict_put_int(d, "DW", fc->missing_width);
	ret += haru_dict_put(d, "W",
	                     haru_widths(pdf, fc->def, used,
	                                 codes ? codes->gid_of : NULL,
	                                 codes ? codes->used : NULL));
	ret += haru_dict_put(d, "CIDToGIDMap", map);
	return ret == HPDF_OK ? d : NULL;
}

/* The ToUnicode stream, deflated unless raw, or NULL. */
static HPDF_Dict to_unicode(HPDF_Doc pdf, const pdf_cpset *used,
                            const pdf_gtext *gt, const struct pdf_codes *codes,
                            int raw)
{
	sp_buf cmap = SP_BUF_INIT;
	pdf_tounicode_cmap(&cmap, used, gt, codes);
	HPDF_Dict tu = raw ? haru_stream(pdf, cmap.data, cmap.len)
	                   : pdf_zstream(pdf, cmap.data, cmap.len);
	buf_free(&cmap);
	return tu;
}

HPDF_STATUS pdf_ttfont_finish(HPDF_Doc pdf, HPDF_Font type0, pdf_embed *e,
                              const pdf_fonts *fonts, int f,
                              const pdf_cpset *used, const pdf_gtext *gt,
                              const struct pdf_codes *codes, int raw)
{
	const pdf_face *fc = &fonts->faces[f];
	char name[HPDF_LIMIT_MAX_NAME_LEN + 1];
	HPDF_Dict fd =
	    pdf_embed_descriptor(e, fonts, f, pdf, used, name, sizeof name);
	if (!fd)
		return HPDF_INVALID_FONTDEF_DATA;
	HPDF_Dict desc = descendant(pdf, fc, name, fd, used, codes);
	HPDF_Array kids = haru_array(pdf);
	HPDF_Dict tu = to_unicode(pdf, used, gt, codes, raw);
	const sp_buf *onebyte = codes ? pdf_one_byte_cmap() : NULL;
	HPDF_Dict enc = onebyte ? haru_cmap_stream(pdf, PDF_ONE_BYTE_CMAP,
	                                           onebyte->data, onebyte->len)
	                        : NULL;
	if (!desc || !kids || !tu || (codes && !enc))
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_STATUS ret = haru_array_put(kids, desc);
	ret += haru_dict_put_name(type0, "BaseFont", name);
	ret += enc ? haru_dict_put(type0, "Encoding", enc)
	           : haru_dict_put_name(type0, "Encoding", "Identity-H");
	ret += haru_dict_put(type0, "DescendantFonts", kids);
	ret += haru_dict_put(type0, "ToUnicode", tu);
	return ret == HPDF_OK ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
}
