/* tounicode.c - repair what libharu 2.3.0 writes for a UTF-8 TrueType font
 * (see /work/shared/libharu-notes.md, "Text extraction"):
 *
 * - its ToUnicode stream is a malformed CMap (begincidrange); it is
 *   replaced by a standard one (CMapType 2, bfchar, at most 100 entries
 *   per block) mapping every used code point to itself, since libharu's
 *   CID is the UCS-2 code;
 * - the descendant font's CIDSystemInfo says (Identity-H); it becomes
 *   (Identity);
 * - the /W array covers the whole BMP; it is cut to the used code points,
 *   and so is the CIDToGIDMap stream (128 KB per font before);
 * - composite glyphs are embedded with only one level of components;
 *   nested components (DejaVu: about 470 accented letters) are marked
 *   used here so that the subset keeps them.
 *
 * All of it edits objects that libharu serialises only at save time. */
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
#include "util/mem.h"

/* ---- nested composite glyphs ---- */

static int read_u16(HPDF_Stream s, unsigned *v)
{
	HPDF_BYTE b[2];
	HPDF_UINT n = 2;
	if (HPDF_Stream_Read(s, b, &n) != HPDF_OK || n != 2)
		return -1;
	*v = (unsigned)b[0] << 8 | b[1];
	return 0;
}

/* Components of composite glyph g that are not yet used are marked and
 * pushed on stack. */
static void glyph_components(HPDF_TTFontDefAttr a, unsigned g, unsigned *stack,
                             unsigned *top)
{
	HPDF_UINT32 off = a->glyph_tbl.offsets[g];
	if (a->glyph_tbl.offsets[g + 1] == off)
		return; /* empty glyph */
	if (a->header.index_to_loc_format == 0)
		off *= 2;
	HPDF_Stream s = a->stream;
	unsigned ncont, flags, comp;
	if (HPDF_Stream_Seek(s, (HPDF_INT)(a->glyph_tbl.base_offset + off),
	                     HPDF_SEEK_SET) != HPDF_OK ||
	    read_u16(s, &ncont) < 0 || !(ncont & 0x8000u))
		return; /* simple glyph */
	if (HPDF_Stream_Seek(s, 8, HPDF_SEEK_CUR) != HPDF_OK)
		return;
	do {
		if (read_u16(s, &flags) < 0 || read_u16(s, &comp) < 0)
			return;
		int skip = (flags & 0x0001) ? 4 : 2; /* ARG_1_AND_2_ARE_WORDS */
		if (flags & 0x0008)                  /* WE_HAVE_A_SCALE */
			skip += 2;
		else if (flags & 0x0040) /* WE_HAVE_AN_X_AND_Y_SCALE */
			skip += 4;
		else if (flags & 0x0080) /* WE_HAVE_A_TWO_BY_TWO */
			skip += 8;
		if (comp < a->num_glyphs && !a->glyph_tbl.flgs[comp]) {
			a->glyph_tbl.flgs[comp] = 1;
			stack[(*top)++] = comp;
		}
		if (HPDF_Stream_Seek(s, skip, HPDF_SEEK_CUR) != HPDF_OK)
			return;
	} while (flags & 0x0020); /* MORE_COMPONENTS */
}

/* The text is written by content.c, not by libharu's ShowText, which is
 * what marks glyphs for the subset: mark them here. */
static void mark_used_glyphs(HPDF_FontDef def, const pdf_cpset *used)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
	if (!a->glyph_tbl.flgs || !a->num_glyphs)
		return;
	a->glyph_tbl.flgs[0] = 1;
	for (uint32_t cp = 0; cp < 65536; cp++) {
		if (!cpset_has(used, cp))
			continue;
		HPDF_UINT16 gid =
		    HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		if (gid < a->num_glyphs)
			a->glyph_tbl.flgs[gid] = 1;
	}
}

static void mark_nested_components(HPDF_FontDef def)
{
	HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
	if (!a->stream || !a->glyph_tbl.flgs || !a->glyph_tbl.offsets)
		return;
	unsigned *stack = xmalloc(sizeof *stack * (a->num_glyphs + 1u));
	unsigned top = 0;
	for (unsigned g = 1; g < a->num_glyphs; g++)
		if (a->glyph_tbl.flgs[g])
			stack[top++] = g;
	while (top)
		glyph_components(a, stack[--top], stack, &top);
	free(stack);
}

/* ---- ToUnicode ---- */

static void cmap_text(sp_buf *b, const pdf_cpset *used)
{
	buf_puts(b,
	         "/CIDInit /ProcSet findresource begin\n"
	         "12 dict begin\n"
	         "begincmap\n"
	         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	         "/Supplement 0 >> def\n"
	         "/CMapName /Adobe-Identity-UCS def\n"
	         "/CMapType 2 def\n"
	         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	unsigned left = used->count;
	unsigned in_block = 0;
	for (uint32_t cp = 0; cp < 65536 && left; cp++) {
		if (!cpset_has(used, cp))
			continue;
		if (in_block == 0)
			buf_printf(b, "%u beginbfchar\n",
			           left < 100 ? left : 100);
		buf_printf(b, "<%04X> <%04X>\n", (unsigned)cp, (unsigned)cp);
		left--;
		if (++in_block == 100 || left == 0) {
			buf_puts(b, "endbfchar\n");
			in_block = 0;
		}
	}
	buf_puts(b, "endcmap\n"
	            "CMapName currentdict /CMap defineresource pop\n"
	            "end\n"
	            "end\n");
}

static HPDF_STATUS fix_tounicode(HPDF_Font font, const pdf_cpset *used)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (!tu || !tu->stream)
		return HPDF_INVALID_OBJECT;
	static const char *const cmap_keys[] = {
	    "Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"};
	for (size_t i = 0; i < sizeof cmap_keys / sizeof *cmap_keys; i++)
		HPDF_Dict_RemoveElement(tu, cmap_keys[i]); /* absent: fine */
	HPDF_MemStream_FreeData(tu->stream);
	sp_buf b = SP_BUF_INIT;
	cmap_text(&b, used);
	HPDF_STATUS ret = HPDF_Stream_Write(
	    tu->stream, (const HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
	buf_free(&b);
	return ret;
}

/* ---- descendant font ---- */

static HPDF_STATUS fix_ordering(HPDF_Font desc)
{
	HPDF_Dict csi =
	    HPDF_Dict_GetItem(desc, "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (!csi)
		return HPDF_INVALID_OBJECT;
	return HPDF_Dict_Add(csi, "Ordering",
	                     HPDF_String_New(desc->mmgr, "Identity", NULL));
}

static HPDF_STATUS fix_widths(HPDF_Font desc, HPDF_FontDef def,
                              const pdf_cpset *used)
{
	HPDF_Array w = HPDF_Array_New(desc->mmgr);
	if (!w)
		return HPDF_FAILD_TO_ALLOC_MEM;
	HPDF_STATUS ret = HPDF_OK;
	HPDF_Array run = NULL;
	uint32_t prev = 0;
	for (uint32_t cp = 0; cp < 65536 && ret == HPDF_OK; cp++) {
		if (!cpset_has(used, cp))
			continue;
		HPDF_UINT16 gid =
		    HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(def, gid);
		if (!run || cp != prev + 1) {
			run = HPDF_Array_New(desc->mmgr);
			if (!run)
				ret = HPDF_FAILD_TO_ALLOC_MEM;
			else {
				ret += HPDF_Array_AddNumber(w, (HPDF_INT32)cp);
				ret += HPDF_Array_Add(w, run);
			}
		}
		if (run)
			ret += HPDF_Array_AddNumber(run, width);
		prev = cp;
	}
	if (ret != HPDF_OK) {
		HPDF_Array_Free(w);
		return ret;
	}
	return HPDF_Dict_Add(desc, "W", w); /* frees the old array */
}

/* CIDToGIDMap: two bytes per CID up to the highest used one; unused CIDs
 * map to glyph 0. */
static HPDF_STATUS fix_cid_to_gid(HPDF_FontAttr fa, const pdf_cpset *used)
{
	HPDF_Dict ms = fa->map_stream;
	if (!ms) { /* a definition loaded without embedding has none */
		ms = HPDF_DictStream_New(fa->descendant_font->mmgr, fa->xref);
		if (!ms)
			return HPDF_FAILD_TO_ALLOC_MEM;
		HPDF_STATUS ret =
		    HPDF_Dict_Add(fa->descendant_font, "CIDToGIDMap", ms);
		if (ret != HPDF_OK)
			return ret;
	}
	uint32_t max = 0;
	for (uint32_t cp = 0; cp < 65536; cp++)
		if (cpset_has(used, cp))
			max = cp;
	size_t n = 2 * ((size_t)max + 1);
	HPDF_BYTE *map = xcalloc(n, 1);
	for (uint32_t cp = 0; cp <= max; cp++) {
		if (!cpset_has(used, cp))
			continue;
		HPDF_UINT16 gid =
		    HPDF_TTFontDef_GetGlyphid(fa->fontdef, (HPDF_UINT16)cp);
		map[2 * cp] = (HPDF_BYTE)(gid >> 8);
		map[2 * cp + 1] = (HPDF_BYTE)gid;
	}
	sp_buf z = SP_BUF_INIT;
	HPDF_STATUS ret = pdf_deflate(map, n, &z) < 0
	                      ? HPDF_FAILD_TO_ALLOC_MEM
	                      : pdf_stream_put(ms, z.data, z.len, 1);
	free(map);
	buf_free(&z);
	/* already deflated: keep libharu from setting its filter at save */
	fa->map_stream = NULL;
	return ret;
}

HPDF_STATUS pdf_fix_font(HPDF_Font font, const pdf_cpset *used)
{
	HPDF_FontAttr fa = (HPDF_FontAttr)font->attr;
	if (!fa || fa->type != HPDF_FONT_TYPE0_TT || !fa->descendant_font)
		return HPDF_INVALID_FONT;
	HPDF_FontDef def = fa->fontdef;
	if (((HPDF_TTFontDefAttr)def->attr)->embedding) {
		/* libharu makes the subset: tell it what is drawn */
		mark_used_glyphs(def, used);
		mark_nested_components(def);
	}
	HPDF_STATUS ret = fix_tounicode(font, used);
	if (ret == HPDF_OK)
		ret = fix_ordering(fa->descendant_font);
	if (ret == HPDF_OK)
		ret = fix_widths(fa->descendant_font, def, used);
	if (ret == HPDF_OK)
		ret = fix_cid_to_gid(fa, used);
	return ret;
}
