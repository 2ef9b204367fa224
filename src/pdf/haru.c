/* haru.c - libharu's internals (see haru.h for what is assumed and why).
 * The only file that includes libharu's private headers or touches its
 * structs. */
#define _GNU_SOURCE /* dlsym RTLD_NEXT */
#include "pdf/haru.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

/* ---- font definitions ---- */

static HPDF_TTFontDefAttr tt(HPDF_FontDef def)
{
	return (HPDF_TTFontDefAttr)def->attr;
}

HPDF_FontDef haru_fontdef_of(HPDF_Doc pdf, const char *name)
{
	return HPDF_GetFontDef(pdf, name);
}

int haru_fontdef_is_truetype(HPDF_FontDef def)
{
	return def && def->type == HPDF_FONTDEF_TYPE_TRUETYPE;
}

unsigned haru_fontdef_num_glyphs(HPDF_FontDef def)
{
	return tt(def)->num_glyphs;
}

void haru_fontdef_metrics(HPDF_FontDef def, int *ascent, int *descent,
                          int *missing_width)
{
	*ascent = def->ascent;
	*descent = def->descent;
	*missing_width = def->missing_width;
}

int haru_fontdef_gid_width(HPDF_FontDef def, unsigned gid)
{
	return HPDF_TTFontDef_GetGidWidth(def, (HPDF_UINT16)gid);
}

unsigned haru_glyphid(HPDF_FontDef def, uint32_t cp)
{
	return HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
}

void haru_fontdef_cmap(HPDF_FontDef def, uint16_t *gid)
{
	HPDF_TTFontDefAttr a = tt(def);
	if (a->cmap.format == 0) {
		for (unsigned cp = 0; cp < 256; cp++)
			gid[cp] =
			    HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		return;
	}
	unsigned nseg = a->cmap.seg_count_x2 / 2u;
	for (unsigned i = 0; i < nseg; i++) {
		unsigned lo = a->cmap.start_count[i];
		unsigned hi = a->cmap.end_count[i];
		for (unsigned cp = lo; cp <= hi && cp < 65536; cp++)
			gid[cp] =
			    HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
	}
}

const char *haru_fontdef_base_font(HPDF_FontDef def)
{
	return tt(def)->base_font;
}

int haru_fontdef_embedding(HPDF_FontDef def)
{
	return tt(def)->embedding;
}

void haru_fontdef_mark_glyph(HPDF_FontDef def, unsigned gid)
{
	HPDF_TTFontDefAttr a = tt(def);
	if (a->glyph_tbl.flgs && gid < a->num_glyphs)
		a->glyph_tbl.flgs[gid] = 1;
}

int haru_fontdef_glyph_marked(HPDF_FontDef def, unsigned gid)
{
	HPDF_TTFontDefAttr a = tt(def);
	return a->glyph_tbl.flgs && gid < a->num_glyphs &&
	       a->glyph_tbl.flgs[gid];
}

int haru_fontdef_glyph(HPDF_FontDef def, unsigned gid, sp_buf *out)
{
	HPDF_TTFontDefAttr a = tt(def);
	buf_clear(out);
	if (!a->stream || !a->glyph_tbl.offsets || gid >= a->num_glyphs)
		return -1;
	HPDF_UINT32 off = a->glyph_tbl.offsets[gid];
	HPDF_UINT32 end = a->glyph_tbl.offsets[gid + 1];
	if (end <= off)
		return 0; /* empty glyph */
	unsigned scale = a->header.index_to_loc_format == 0 ? 2 : 1;
	HPDF_UINT n = (HPDF_UINT)((end - off) * scale);
	if (HPDF_Stream_Seek(a->stream,
	                     (HPDF_INT)(a->glyph_tbl.base_offset + off * scale),
	                     HPDF_SEEK_SET) != HPDF_OK)
		return -1;
	buf_reserve(out, n);
	HPDF_UINT got = n;
	if (HPDF_Stream_Read(a->stream, (HPDF_BYTE *)out->data, &got) !=
	        HPDF_OK &&
	    got == 0)
		return -1;
	out->len = got;
	out->data[got] = '\0';
	return 0;
}

/* ---- lending definitions to documents ---- */

const char *haru_doc_add_fontdef(HPDF_Doc pdf, HPDF_FontDef def)
{
	if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK)
		return NULL;
	return def->base_font;
}

void haru_doc_remove_fontdef(HPDF_Doc pdf, HPDF_FontDef def)
{
	HPDF_List_Remove(pdf->fontdef_list, def);
}

void haru_fontdef_reset(HPDF_FontDef def, const char *base)
{
	def->descriptor = NULL;
	snprintf(tt(def)->base_font, sizeof tt(def)->base_font, "%s", base);
}

/* ---- the glyph lookup ---- */

#define GLYPHID_MAX_DEFS 64

typedef HPDF_UINT16 (*glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

static _Thread_local struct {
	const void *def;
	const uint16_t *gid;
} registry[GLYPHID_MAX_DEFS];
static _Thread_local int nregistered;
/* the definition last asked about, and its table: libharu asks 65,536
 * times in a row about one font */
static _Thread_local const void *last_def;
static _Thread_local const uint16_t *last_gid;

const uint16_t haru_glyphid_none[65536];

void haru_glyphid_register(HPDF_FontDef def, const uint16_t *gid)
{
	last_def = NULL;
	for (int i = 0; i < nregistered; i++)
		if (registry[i].def == def) {
			registry[i].gid = gid;
			return;
		}
	if (def && gid && nregistered < GLYPHID_MAX_DEFS) {
		registry[nregistered].def = def;
		registry[nregistered].gid = gid;
		nregistered++;
	}
}

void haru_glyphid_clear(void)
{
	nregistered = 0;
	last_def = NULL;
}

static glyphid_fn libharu_glyphid(void)
{
	static glyphid_fn real; /* the same value in every thread */
	glyphid_fn f = __atomic_load_n(&real, __ATOMIC_ACQUIRE);
	if (!f) {
		void *sym = dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid");
		f = (glyphid_fn)(uintptr_t)sym;
		__atomic_store_n(&real, f, __ATOMIC_RELEASE);
	}
	return f;
}

/* Our definition of libharu's function (it interposes the library's:
 * libharu 2.3.0 builds a Type0 font's encoding by asking it for every
 * code point of the BMP, and it scans the cmap's segments linearly: about
 * 50 million instructions per font per document). Registered definitions
 * are answered from their face's table, which pdf_fonts_open filled with
 * libharu's own lookup on the same file; anything else goes to libharu.
 * The registry is per thread and emptied when a document is freed, so a
 * reused address is never answered from a stale table. */
HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef,
                                      HPDF_UINT16 unicode);
HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
	if (fontdef && fontdef == last_def)
		return last_gid[unicode];
	for (int i = 0; i < nregistered; i++)
		if (registry[i].def == fontdef) {
			last_def = fontdef;
			last_gid = registry[i].gid;
			return last_gid[unicode];
		}
	glyphid_fn f = libharu_glyphid();
	return f ? f(fontdef, unicode) : 0;
}

HPDF_Font haru_get_utf8_font(HPDF_Doc pdf, const char *name)
{
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
	if (!enc || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || !enc->attr)
		return NULL;
	HPDF_CMapEncoderAttr ea = (HPDF_CMapEncoderAttr)enc->attr;
	HPDF_Encoder_ToUnicode_Func was = enc->to_unicode_fn;
	HPDF_UINT16 cid = ea->cid_map[0][1];
	HPDF_UNICODE cp = ea->unicode_map[0][1];
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	ea->cid_map[0][1] = 1; /* one code: CID 1, U+0001 */
	ea->unicode_map[0][1] = 1;
	HPDF_Font font = HPDF_GetFont(pdf, name, "UTF-8");
	ea->cid_map[0][1] = cid;
	ea->unicode_map[0][1] = cp;
	enc->to_unicode_fn = was;
	return font;
}

/* ---- libharu's copies and fills ----
 *
 * libharu copies and fills memory a byte at a time (HPDF_MemCpy,
 * HPDF_MemSet), and its calls go through its PLT as the glyph lookup's
 * do: these definitions interpose them (the executable exports them). In
 * 40 worksheet PDFs they were 280 M instructions, mostly the 128 KB table
 * every Type0 font clears and the memory streams a save writes and reads.
 * Results and return values (the end of what was written) are libharu's;
 * a copy forward onto an overlapping later address repeats bytes as its
 * loop does. */
HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (!n)
		return out;
	uintptr_t o = (uintptr_t)out, i = (uintptr_t)in;
	if (o > i && o - i < n) {
		for (HPDF_UINT k = 0; k < n; k++)
			out[k] = in[k];
		return out + n;
	}
	memmove(out, in, n);
	return out + n;
}

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (!n)
		return s;
	memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

/* ---- streams, pages, labels ---- */

static HPDF_STATUS write_flate_filter(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

HPDF_STATUS haru_stream_put(HPDF_Dict d, const void *data, size_t n,
                            int deflated)
{
	if (!d || !d->stream || n > 0x7FFFFFFF)
		return HPDF_INVALID_OBJECT;
	HPDF_MemStream_FreeData(d->stream);
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = deflated ? write_flate_filter : NULL;
	return n ? HPDF_Stream_Write(d->stream, (const HPDF_BYTE *)data,
	                             (HPDF_UINT)n)
	         : HPDF_OK;
}

static HPDF_STATUS write_to_buf(HPDF_Stream st, const HPDF_BYTE *p, HPDF_UINT n)
{
	buf_append(st->attr, (const char *)p, n);
	return HPDF_OK;
}

HPDF_STATUS haru_doc_save(HPDF_Doc pdf, sp_buf *out)
{
	if (!pdf || pdf->stream)
		return HPDF_INVALID_DOCUMENT; /* not the state assumed */
	HPDF_Stream st = HPDF_CallbackWriter_New(pdf->mmgr, write_to_buf, out);
	if (!st)
		return HPDF_FAILD_TO_ALLOC_MEM;
	pdf->stream = st;
	HPDF_STATUS ret = HPDF_SaveToStream(pdf);
	pdf->stream = NULL;
	HPDF_Stream_Free(st);
	return ret;
}

HPDF_STATUS haru_page_set_contents(HPDF_Page page, const void *data, size_t n,
                                   int deflated)
{
	HPDF_PageAttr a = (HPDF_PageAttr)page->attr;
	return haru_stream_put(a->contents, data, n, deflated);
}

unsigned long haru_page_contents_id(HPDF_Page page)
{
	HPDF_PageAttr a = (HPDF_PageAttr)page->attr;
	return haru_obj_id(a->contents);
}

const char *haru_page_font_name(HPDF_Page page, HPDF_Font font)
{
	return HPDF_Page_GetLocalFontName(page, font);
}

void haru_drop_last_label_style(HPDF_Doc pdf)
{
	HPDF_Dict labels =
	    HPDF_Dict_GetItem(pdf->catalog, "PageLabels", HPDF_OCLASS_DICT);
	HPDF_Array nums =
	    labels ? HPDF_Dict_GetItem(labels, "Nums", HPDF_OCLASS_ARRAY)
	           : NULL;
	if (!nums || !nums->list->count)
		return;
	HPDF_Dict last =
	    HPDF_Array_GetItem(nums, nums->list->count - 1, HPDF_OCLASS_DICT);
	if (last)
		HPDF_Dict_RemoveElement(last, "S");
}

/* ---- a Type0 TrueType font ---- */

static HPDF_FontAttr font_attr(HPDF_Font font)
{
	return (HPDF_FontAttr)font->attr;
}

HPDF_FontDef haru_font_def(HPDF_Font font)
{
	HPDF_FontAttr fa = font_attr(font);
	if (!fa || fa->type != HPDF_FONT_TYPE0_TT || !fa->descendant_font)
		return NULL;
	return fa->fontdef;
}

HPDF_STATUS haru_font_set_tounicode(HPDF_Font font, const void *cmap, size_t n,
                                    int deflated)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (!tu || !tu->stream)
		return HPDF_INVALID_OBJECT;
	static const char *const cmap_keys[] = {
	    "Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"};
	for (size_t i = 0; i < sizeof cmap_keys / sizeof *cmap_keys; i++)
		HPDF_Dict_RemoveElement(tu, cmap_keys[i]); /* absent: fine */
	HPDF_STATUS ret = haru_stream_put(tu, cmap, n, deflated);
	/* as it is: keep libharu from setting its filter at save */
	font_attr(font)->cmap_stream = NULL;
	return ret;
}

/* An embedded CMap stream named name over Adobe-Identity, of n deflated
 * bytes, or NULL. */
static HPDF_Dict cmap_stream(HPDF_MMgr mmgr, HPDF_Xref xref, const char *name,
                             const void *zcmap, size_t n)
{
	HPDF_Dict cm = HPDF_DictStream_New(mmgr, xref);
	HPDF_Dict csi = HPDF_Dict_New(mmgr);
	if (!cm || !csi)
		return NULL;
	HPDF_STATUS ret = HPDF_Dict_AddName(cm, "Type", "CMap");
	ret += HPDF_Dict_AddName(cm, "CMapName", name);
	ret += HPDF_Dict_Add(csi, "Registry",
	                     HPDF_String_New(mmgr, "Adobe", NULL));
	ret += HPDF_Dict_Add(csi, "Ordering",
	                     HPDF_String_New(mmgr, "Identity", NULL));
	ret += HPDF_Dict_AddNumber(csi, "Supplement", 0);
	ret += HPDF_Dict_Add(cm, "CIDSystemInfo", csi);
	if (ret != HPDF_OK || haru_stream_put(cm, zcmap, n, 1) != HPDF_OK)
		return NULL;
	return cm;
}

HPDF_STATUS haru_font_set_encoding(HPDF_Font font, const char *name,
                                   const void *zcmap, size_t n)
{
	HPDF_Dict cm =
	    cmap_stream(font->mmgr, font_attr(font)->xref, name, zcmap, n);
	return cm ? HPDF_Dict_Add(font, "Encoding", cm)
	          : HPDF_FAILD_TO_ALLOC_MEM;
}

HPDF_Dict haru_cmap_stream(HPDF_Doc pdf, const char *name, const void *zcmap,
                           size_t n)
{
	return cmap_stream(pdf->mmgr, pdf->xref, name, zcmap, n);
}

HPDF_STATUS haru_font_set_ordering(HPDF_Font font, const char *ordering)
{
	HPDF_Dict desc = font_attr(font)->descendant_font;
	HPDF_Dict csi =
	    HPDF_Dict_GetItem(desc, "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (!csi)
		return HPDF_INVALID_OBJECT;
	return HPDF_Dict_Add(csi, "Ordering",
	                     HPDF_String_New(desc->mmgr, ordering, NULL));
}

/* The /W array of def's glyphs: of the glyph ids cp < n in used, or with
 * gid_of of the codes cp < n in code_used (CID = code); NULL when out of
 * memory. */
static HPDF_Array widths_of(HPDF_MMgr mmgr, HPDF_FontDef def, uint32_t n,
                            const pdf_cpset *used, const uint16_t *gid_of,
                            const unsigned char *code_used)
{
	HPDF_Array w = HPDF_Array_New(mmgr);
	if (!w)
		return NULL;
	HPDF_STATUS ret = HPDF_OK;
	HPDF_Array run = NULL;
	uint32_t prev = 0;
	for (uint32_t cp = 0; cp < n && ret == HPDF_OK; cp++) {
		if (gid_of ? !code_used[cp] : !cpset_has(used, cp))
			continue;
		HPDF_INT16 width = HPDF_TTFontDef_GetGidWidth(
		    def, (HPDF_UINT16)(gid_of ? gid_of[cp] : cp));
		if (!run || cp != prev + 1) {
			run = HPDF_Array_New(mmgr);
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
		return NULL;
	}
	return w;
}

static HPDF_STATUS put_widths(HPDF_Font font, uint32_t n, const pdf_cpset *used,
                              const uint16_t *gid_of,
                              const unsigned char *code_used)
{
	HPDF_FontAttr fa = font_attr(font);
	HPDF_Dict desc = fa->descendant_font;
	HPDF_Array w =
	    widths_of(desc->mmgr, fa->fontdef, n, used, gid_of, code_used);
	if (!w)
		return HPDF_FAILD_TO_ALLOC_MEM;
	return HPDF_Dict_Add(desc, "W", w); /* frees the old array */
}

HPDF_Array haru_widths(HPDF_Doc pdf, HPDF_FontDef def, const pdf_cpset *used,
                       const uint16_t *gid_of, const unsigned char *code_used)
{
	return widths_of(pdf->mmgr, def, gid_of ? 256 : 65536, used, gid_of,
	                 code_used);
}

HPDF_STATUS haru_font_set_widths(HPDF_Font font, const pdf_cpset *used)
{
	return put_widths(font, 65536, used, NULL, NULL);
}

HPDF_STATUS haru_font_set_code_widths(HPDF_Font font, const uint16_t *gid_of,
                                      const unsigned char *used)
{
	return put_widths(font, 256, NULL, gid_of, used);
}

HPDF_STATUS haru_font_set_cid_to_gid(HPDF_Font font, const void *zmap, size_t n)
{
	HPDF_FontAttr fa = font_attr(font);
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
	HPDF_STATUS ret = haru_stream_put(ms, zmap, n, 1);
	/* already deflated: keep libharu from setting its filter at save */
	fa->map_stream = NULL;
	return ret;
}

/* A FontDescriptor (indirect) with def's metrics, named name, whose
 * /FontFile2 is zprog (deflated, length1 bytes before), or NULL. */
static HPDF_Dict descriptor_of(HPDF_MMgr mmgr, HPDF_Xref xref, HPDF_FontDef def,
                               const char *name, const void *zprog, size_t n,
                               size_t length1)
{
	HPDF_Dict d = HPDF_Dict_New(mmgr);
	if (!d || HPDF_Xref_Add(xref, d) != HPDF_OK)
		return NULL; /* Xref_Add frees d on failure */
	HPDF_Dict data = HPDF_DictStream_New(mmgr, xref);
	if (!data)
		return NULL;
	HPDF_STATUS ret = HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	ret += HPDF_Dict_AddName(d, "FontName", name);
	ret += HPDF_Dict_AddNumber(d, "Flags", (HPDF_INT32)def->flags);
	ret += HPDF_Dict_Add(d, "FontBBox",
	                     HPDF_Box_Array_New(mmgr, def->font_bbox));
	ret += HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
	ret += HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
	ret += HPDF_Dict_AddNumber(d, "Descent", def->descent);
	ret += HPDF_Dict_AddNumber(
	    d, "CapHeight", def->cap_height ? def->cap_height : def->ascent);
	ret += HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
	ret += HPDF_Dict_AddNumber(d, "StemV", def->stemv);
	ret += HPDF_Dict_Add(d, "FontFile2", data);
	ret += HPDF_Dict_AddNumber(data, "Length1", (HPDF_INT32)length1);
	if (ret != HPDF_OK || haru_stream_put(data, zprog, n, 1) != HPDF_OK)
		return NULL;
	return d;
}

HPDF_STATUS haru_font_set_descriptor(HPDF_Font font, const char *name,
                                     const void *zprog, size_t n,
                                     size_t length1)
{
	HPDF_FontAttr fa = font_attr(font);
	HPDF_FontDef def = fa->fontdef;
	snprintf(tt(def)->base_font, sizeof tt(def)->base_font, "%s", name);
	HPDF_Dict d =
	    descriptor_of(font->mmgr, fa->xref, def, name, zprog, n, length1);
	if (!d)
		return HPDF_FAILD_TO_ALLOC_MEM;
	def->descriptor = d; /* libharu links it at save time */
	return HPDF_OK;
}

HPDF_Dict haru_descriptor(HPDF_Doc pdf, HPDF_FontDef def, const char *name,
                          const void *zprog, size_t n, size_t length1)
{
	return descriptor_of(pdf->mmgr, pdf->xref, def, name, zprog, n,
	                     length1);
}

/* ---- objects of the structure tree and the metadata ---- */

HPDF_Dict haru_dict(HPDF_Doc pdf, int indirect)
{
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
	if (d && indirect && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL; /* Xref_Add frees d on failure */
	return d;
}

HPDF_Array haru_array(HPDF_Doc pdf)
{
	return HPDF_Array_New(pdf->mmgr);
}

HPDF_STATUS haru_dict_put(HPDF_Dict d, const char *key, void *obj)
{
	return d && obj ? HPDF_Dict_Add(d, key, obj) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS haru_dict_put_name(HPDF_Dict d, const char *key, const char *name)
{
	return d ? HPDF_Dict_AddName(d, key, name) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS haru_dict_put_int(HPDF_Dict d, const char *key, long v)
{
	return d ? HPDF_Dict_AddNumber(d, key, (HPDF_INT32)v)
	         : HPDF_INVALID_OBJECT;
}

HPDF_STATUS haru_dict_put_bool(HPDF_Dict d, const char *key, int v)
{
	return d ? HPDF_Dict_AddBoolean(d, key, v ? HPDF_TRUE : HPDF_FALSE)
	         : HPDF_INVALID_OBJECT;
}

HPDF_Encoder haru_text_encoder(HPDF_Doc pdf, const char *utf8)
{
	int ascii = 1;
	for (const char *p = utf8; *p; p++)
		ascii &= (unsigned char)*p < 0x80;
	return ascii ? NULL : HPDF_GetEncoder(pdf, "UTF-8");
}

HPDF_STATUS haru_dict_put_text(HPDF_Doc pdf, HPDF_Dict d, const char *key,
                               const char *utf8)
{
	if (!d)
		return HPDF_INVALID_OBJECT;
	HPDF_String s =
	    HPDF_String_New(pdf->mmgr, utf8, haru_text_encoder(pdf, utf8));
	return s ? HPDF_Dict_Add(d, key, s)
	         : HPDF_Error_GetCode(pdf->mmgr->error);
}

HPDF_Destination haru_dest(HPDF_Page page, double y)
{
	HPDF_Array d = HPDF_Array_New(page->mmgr);
	if (!d)
		return NULL;
	d->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
	if (HPDF_Array_Add(d, page) != HPDF_OK ||
	    HPDF_Array_AddName(d, "FitH") != HPDF_OK ||
	    HPDF_Array_AddReal(d, (HPDF_REAL)y) != HPDF_OK) {
		HPDF_Array_Free(d);
		return NULL;
	}
	return d;
}

HPDF_STATUS haru_array_put(HPDF_Array a, void *obj)
{
	return a && obj ? HPDF_Array_Add(a, obj) : HPDF_INVALID_OBJECT;
}

HPDF_STATUS haru_array_put_int(HPDF_Array a, long v)
{
	return a ? HPDF_Array_AddNumber(a, (HPDF_INT32)v) : HPDF_INVALID_OBJECT;
}

HPDF_Dict haru_catalog(HPDF_Doc pdf)
{
	return pdf->catalog;
}

HPDF_Dict haru_stream(HPDF_Doc pdf, const void *data, size_t n)
{
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
	if (!d || haru_stream_put(d, data, n, 0) != HPDF_OK)
		return NULL;
	return d;
}

unsigned long haru_obj_id(const void *obj)
{
	const HPDF_Obj_Header *h = obj;
	return h ? (unsigned long)(h->obj_id & 0x00FFFFFF) : 0;
}
