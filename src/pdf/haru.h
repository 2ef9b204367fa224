/* haru.h - every touch of libharu's internals, in one room.
 *
 * Written for libharu 2.3.0 (Debian 12 libhpdf-dev); CMake refuses any
 * other version (hpdf_version.h), and tests/unit/test_haru.c fails loudly
 * when the layout below is not what libharu builds and saves. libharu's
 * public API is the functions declared in hpdf.h; everything else it
 * installs (the struct definitions its headers expose, the functions of
 * hpdf_objects.h, hpdf_streams.h, hpdf_fontdef.h, hpdf_doc.h,
 * hpdf_pages.h) is internal and is used only in haru.c. The rest of
 * src/pdf/ calls the public API and the functions below
 * (tests/e2e/layers.sh checks it).
 *
 * What this module assumes about libharu, and why each touch is needed:
 *
 * Font definitions (HPDF_FontDef of a TrueType file, struct
 * _HPDF_FontDef_Rec and HPDF_TTFontDefAttr in hpdf_fontdef.h):
 *  - type, ascent, descent, missing_width, num_glyphs and the cmap
 *    (format, seg_count_x2, start_count, end_count): read once per face so
 *    that layout measures with libharu's own numbers (haru_fontdef_*);
 *  - HPDF_TTFontDef_GetGlyphid and GetGidWidth (not in hpdf.h): the cmap
 *    lookup and the advances libharu draws with;
 *  - glyph_tbl.flgs: the glyphs libharu keeps in a subset it embeds;
 *    text is written by content.c, not by HPDF_Page_ShowText, which is
 *    what sets them, so they are set here (haru_fontdef_mark_glyph);
 *  - glyph_tbl.offsets, base_offset, header.index_to_loc_format and the
 *    font's stream: where a glyph's outline is, to follow nested
 *    composites that 2.3.0 does not (haru_fontdef_glyph);
 *  - embedding, base_font, descriptor, flags, font_bbox, italic_angle,
 *    cap_height, x_height, stemv: a font program subset by embed.c is
 *    given its own FontDescriptor, and the definition is given back
 *    untouched afterwards (haru_font_set_descriptor, haru_fontdef_reset);
 *  - the definition of a document lives in its fontdef_list (struct
 *    _HPDF_Doc_Rec): the run's parsed definitions are lent to each output
 *    document that way instead of parsing the file again
 *    (haru_doc_add_fontdef, haru_doc_remove_fontdef); HPDF_GetFontDef is
 *    not in hpdf.h.
 *  - libharu calls HPDF_TTFontDef_GetGlyphid through its PLT for every
 *    BMP code point when it creates a Type0 font (HPDF_GetFont): the
 *    executable defines that symbol (exported, see CMakeLists.txt) and
 *    answers from a table for the definitions registered here, forwarding
 *    every other call to libharu's own function (dlsym RTLD_NEXT).
 *  - for a UTF-8 font, CIDFontType2_New walks all 65,536 codes unless
 *    the encoder's to_unicode_fn is HPDF_CMapEncoder_ToUnicode, when it
 *    walks cid_map (struct _HPDF_CMapEncoderAttr_Rec, hpdf_encoder.h):
 *    haru_get_utf8_font sets both for the length of HPDF_GetFont.
 *  - HPDF_MemCpy and HPDF_MemSet (hpdf_utils.h) are called through the
 *    PLT too, a byte at a time: haru.c defines both (exported) with
 *    libharu's results and return values.
 *
 * Fonts (HPDF_FontAttr of a Type0 font, hpdf_font.h): fontdef,
 * descendant_font, map_stream, cmap_stream, xref, type; the font dictionary
 * holds /ToUnicode (a stream dictionary), the descendant /CIDSystemInfo and /W.
 * These are rewritten after drawing and before saving (tounicode.c and
 * the haru_font_* functions): libharu serialises them only at save time.
 *
 * The document's own stream (HPDF_Doc.stream) is NULL until
 * HPDF_SaveToStream makes it a memory stream; a stream already there is
 * written to instead, and HPDF_MemStream_FreeData leaves any but a memory
 * stream alone (haru_doc_save).
 *
 * Objects (hpdf_objects.h, hpdf_streams.h): a stream dictionary has a
 * memory stream (HPDF_Dict.stream), a filter and a write_fn called while
 * its dictionary is written; replacing the data, clearing the filter and
 * writing "/Filter /FlateDecode" from write_fn hands libharu data it
 * copies as they are (haru_stream_put). A page's content stream is its
 * HPDF_PageAttr.contents; the catalog's /PageLabels /Nums array ends with
 * the dictionary of the range just added (haru_drop_last_label_style);
 * HPDF_Page_GetLocalFontName (hpdf_pages.h) names a font's resource.
 *
 * The saved file, as pack.c reads it (pdf_pack refuses anything else, and
 * the caller then keeps libharu's file):
 *  P1 it starts "%PDF-1.N" with N a digit;
 *  P2 one classic xref table "xref\n0 COUNT\n" of 20-byte entries, object
 *     0 free, no other section and no incremental update;
 *  P3 object N is written at its entry's offset as "N 0 obj\n", the
 *     objects in number order, each ending "\nendobj\n" right before the
 *     next (or the xref table);
 *  P4 a stream object is "<<\n...\n>>\nstream\r\n" DATA "\nendstream",
 *     its dictionary holds "/Length N 0 R" and N is an object of its own
 *     that is not a stream;
 *  P5 "trailer" follows the table with "/Root N 0 R" (and "/Info N 0 R"),
 *     and "startxref\nOFFSET" is in the last 64 bytes.
 */
#ifndef SP_PDF_HARU_H
#define SP_PDF_HARU_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf/cpset.h"
#include "util/buf.h"

/* ---- font definitions ---- */

/* The definition libharu holds for a loaded font name, or NULL. */
HPDF_FontDef haru_fontdef_of(HPDF_Doc pdf, const char *name);
/* 1 for a TrueType definition. */
int haru_fontdef_is_truetype(HPDF_FontDef def);
unsigned haru_fontdef_num_glyphs(HPDF_FontDef def);
/* Ascent, descent and the width of a missing glyph, 1/1000 em. */
void haru_fontdef_metrics(HPDF_FontDef def, int *ascent, int *descent,
                          int *missing_width);
/* Advance of glyph gid, 1/1000 em, as libharu writes it. */
int haru_fontdef_gid_width(HPDF_FontDef def, unsigned gid);
/* Glyph of code point cp: libharu's cmap lookup (through the registry
 * below). */
unsigned haru_glyphid(HPDF_FontDef def, uint32_t cp);
/* Sets gid[cp] (of a zeroed [65536] table) to libharu's lookup of every
 * code point cp its cmap covers (the segments of format 4, or 0-255 of
 * format 0). */
void haru_fontdef_cmap(HPDF_FontDef def, uint16_t *gid);
/* The BaseFont name (libharu's, or a subset's tagged name). */
const char *haru_fontdef_base_font(HPDF_FontDef def);
/* 1 when libharu embeds (and subsets) the file itself at save time. */
int haru_fontdef_embedding(HPDF_FontDef def);
/* The glyphs libharu's own subset keeps. */
void haru_fontdef_mark_glyph(HPDF_FontDef def, unsigned gid);
int haru_fontdef_glyph_marked(HPDF_FontDef def, unsigned gid);
/* Glyph gid's outline bytes (from loca and glyf) into out (cleared
 * first); 0, or -1 when the definition has no outlines to read. An
 * empty glyph is 0 bytes. */
int haru_fontdef_glyph(HPDF_FontDef def, unsigned gid, sp_buf *out);

/* ---- lending definitions to documents ---- */

/* Makes def (of another document) a definition of pdf, so that
 * HPDF_GetFont(pdf, name, ...) finds it: returns its name, or NULL. */
const char *haru_doc_add_fontdef(HPDF_Doc pdf, HPDF_FontDef def);
/* Takes it back before pdf is freed (pdf would free it). */
void haru_doc_remove_fontdef(HPDF_Doc pdf, HPDF_FontDef def);
/* After haru_font_set_descriptor: the definition as it was, with its
 * untagged name base. */
void haru_fontdef_reset(HPDF_FontDef def, const char *base);

/* HPDF_GetFont(pdf, name, "UTF-8") for a TrueType definition, without
 * libharu's tables over the whole BMP: its CIDFontType2 walks every code
 * point of a UTF-8 font to build a /W array and a 128 KB CIDToGIDMap
 * (about 5 million instructions per font and document), both of which
 * tounicode.c replaces. While it runs, the UTF-8 encoder answers as a
 * CMap encoder of one code (libharu then walks its code map only), and
 * the objects made are the same ones, smaller. NULL on failure. */
HPDF_Font haru_get_utf8_font(HPDF_Doc pdf, const char *name);

/* ---- the glyph lookup libharu calls (see above) ---- */

/* A table of zeros: registered while HPDF_GetFont runs, it keeps libharu
 * from building a /W array for the whole BMP (tounicode.c writes the used
 * part). */
extern const uint16_t haru_glyphid_none[65536];
/* Answer libharu's lookups for def from gid (a face's [65536] table)
 * until haru_glyphid_clear(); per thread. Registering a definition again
 * replaces its table. */
void haru_glyphid_register(HPDF_FontDef def, const uint16_t *gid);
void haru_glyphid_clear(void);

/* ---- streams, pages, labels ---- */

/* Replaces the data of stream dictionary d with n bytes that libharu
 * copies as they are; deflated: they are zlib data and the dictionary
 * says /Filter /FlateDecode. */
HPDF_STATUS haru_stream_put(HPDF_Dict d, const void *data, size_t n,
                            int deflated);
/* HPDF_SaveToStream into out (appended), through a callback stream put
 * in the place of the document's memory stream for the call: the file is
 * not held twice, in libharu's chunks and in one buffer. */
HPDF_STATUS haru_doc_save(HPDF_Doc pdf, sp_buf *out);
/* The same for a page's content stream. */
HPDF_STATUS haru_page_set_contents(HPDF_Page page, const void *data, size_t n,
                                   int deflated);
/* The object number of page's content stream. */
unsigned long haru_page_contents_id(HPDF_Page page);
/* The resource name ("F1") of font on page, or NULL. font may also be a
 * plain font dictionary (cidcff.c's): libharu only compares objects. */
const char *haru_page_font_name(HPDF_Page page, HPDF_Font font);
/* Removes /S from the page label range added last (PDF's style "none",
 * which HPDF_AddPageLabel cannot make). */
void haru_drop_last_label_style(HPDF_Doc pdf);

/* ---- a Type0 TrueType font of an output document ---- */

/* The font's definition, or NULL when font is not a Type0 TrueType font
 * with a descendant (nothing below may then be called). */
HPDF_FontDef haru_font_def(HPDF_Font font);
/* Replaces the ToUnicode CMap with cmap (n bytes, deflated or not, as
 * haru_stream_put: libharu would otherwise deflate it with zlib at save),
 * dropping the keys of a CMap stream's dictionary (Type, CMapName,
 * CIDSystemInfo, WMode, UseCMap) that libharu puts there. */
HPDF_STATUS haru_font_set_tounicode(HPDF_Font font, const void *cmap, size_t n,
                                    int deflated);
/* Makes the font's /Encoding an embedded CMap stream named name, of n
 * bytes already deflated (codes.h). */
HPDF_STATUS haru_font_set_encoding(HPDF_Font font, const char *name,
                                   const void *zcmap, size_t n);
/* Sets the descendant's /CIDSystemInfo /Ordering. */
HPDF_STATUS haru_font_set_ordering(HPDF_Font font, const char *ordering);
/* Replaces the descendant's /W with the widths of the used glyphs (runs
 * of consecutive CIDs; CID = glyph id). */
HPDF_STATUS haru_font_set_widths(HPDF_Font font, const pdf_cpset *used);
/* The same for one-byte codes (codes.h; CID = code): the widths of the
 * glyphs gid_of[c] of the codes c < 256 with used[c]. */
HPDF_STATUS haru_font_set_code_widths(HPDF_Font font, const uint16_t *gid_of,
                                      const unsigned char *used);
/* Sets the /CIDToGIDMap stream to zmap (deflated, n bytes), creating it
 * when the font has none, and keeps libharu from writing its own. */
HPDF_STATUS haru_font_set_cid_to_gid(HPDF_Font font, const void *zmap,
                                     size_t n);
/* Gives the font a FontDescriptor whose /FontFile2 is zprog (a deflated
 * TrueType program of length1 bytes) and the BaseFont name (at most
 * HPDF_LIMIT_MAX_NAME_LEN bytes), on its definition. */
HPDF_STATUS haru_font_set_descriptor(HPDF_Font font, const char *name,
                                     const void *zprog, size_t n,
                                     size_t length1);

/* The same objects for a Type0 font made without HPDF_GetFont
 * (ttfont.c), in pdf's memory, read from def: the /W array of the used
 * glyph ids, or with gid_of of the codes c < 256 with code_used[c]; the
 * FontDescriptor (indirect) named name with /FontFile2 zprog; an embedded
 * CMap stream over Adobe-Identity named name. NULL when out of memory. */
HPDF_Array haru_widths(HPDF_Doc pdf, HPDF_FontDef def, const pdf_cpset *used,
                       const uint16_t *gid_of, const unsigned char *code_used);
HPDF_Dict haru_descriptor(HPDF_Doc pdf, HPDF_FontDef def, const char *name,
                          const void *zprog, size_t n, size_t length1);
HPDF_Dict haru_cmap_stream(HPDF_Doc pdf, const char *name, const void *zcmap,
                           size_t n);

/* ---- objects of the structure tree and the metadata (tags.c, xmp.c) ----
 *
 * Dictionaries and arrays in pdf's memory (HPDF_Dict_New, HPDF_Array_New;
 * indirect ones added to its xref with HPDF_Xref_Add), filled with
 * HPDF_Dict_Add / HPDF_Array_Add, which write an indirect object as a
 * reference. A page, an annotation and the catalog are dictionaries.
 * Constructors return NULL and the put functions a status on failure
 * (the error is then also pending on pdf). */
HPDF_Dict haru_dict(HPDF_Doc pdf, int indirect);
HPDF_Array haru_array(HPDF_Doc pdf);
HPDF_STATUS haru_dict_put(HPDF_Dict d, const char *key, void *obj);
HPDF_STATUS haru_dict_put_name(HPDF_Dict d, const char *key, const char *name);
HPDF_STATUS haru_dict_put_int(HPDF_Dict d, const char *key, long v);
HPDF_STATUS haru_dict_put_bool(HPDF_Dict d, const char *key, int v);
/* A text string (UTF-8 in): ASCII as a literal string, anything else
 * written as UTF-16BE by the UTF-8 encoder; at most 65,535 bytes. */
HPDF_STATUS haru_dict_put_text(HPDF_Doc pdf, HPDF_Dict d, const char *key,
                               const char *utf8);
/* The encoder that writes utf8 so: NULL for ASCII, else UTF-8's (for
 * libharu functions that take one, such as HPDF_CreateOutline). */
HPDF_Encoder haru_text_encoder(HPDF_Doc pdf, const char *utf8);
/* A destination "[page /FitH y]" that is a direct object (written where
 * it is used, not as an object of its own as HPDF_Page_CreateDestination
 * makes it): for one link annotation or one bookmark, which owns it once
 * given it. An array in the page's memory with the destination class
 * (struct _HPDF_Obj_Header.obj_class), which HPDF_Destination_Validate
 * asks for; NULL on failure. */
HPDF_Destination haru_dest(HPDF_Page page, double y);
HPDF_STATUS haru_array_put(HPDF_Array a, void *obj);
HPDF_STATUS haru_array_put_int(HPDF_Array a, long v);
/* The document catalog (struct _HPDF_Doc_Rec.catalog). */
HPDF_Dict haru_catalog(HPDF_Doc pdf);
/* The object number of an indirect object (a page, an annotation, a
 * dictionary made by haru_dict(pdf, 1)). */
unsigned long haru_obj_id(const void *obj);
/* A new indirect stream of n bytes, written uncompressed. */
HPDF_Dict haru_stream(HPDF_Doc pdf, const void *data, size_t n);

#endif
