/* tounicode.c - repair what libharu 2.3.0 writes for a UTF-8 TrueType font
 * (see /work/shared/libharu-notes.md, "Text extraction"):
 *
 * - its ToUnicode stream is a malformed CMap (begincidrange); it is
 *   replaced by a standard one (CMapType 2, bfchar, at most 100 entries
 *   per block) mapping every used glyph to the text it was drawn for
 *   (draw.c writes glyph ids as CIDs; a ligature maps to its letters);
 * - the descendant font's CIDSystemInfo says (Identity-H); it becomes
 *   (Identity);
 * - the /W array covers the whole BMP; it is cut to the used glyphs,
 *   and the CIDToGIDMap stream becomes the identity up to the highest
 *   (128 KB per font before);
 * - composite glyphs are embedded with only one level of components;
 *   nested components (DejaVu: about 470 accented letters) are marked
 *   used here so that the subset keeps them.
 *
 * All of it edits objects that libharu serialises only at save time. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include "pdf/codes.h"
#include "pdf/gtext.h"
#include "pdf/internal.h"
#include "pdf/ttf.h"
#include "util/mem.h"

/* ---- nested composite glyphs ---- */

typedef struct nested {
	HPDF_FontDef def;
	unsigned *stack;
	unsigned top;
} nested;

/* A component of a glyph kept: kept too, and looked into. */
static void keep_component(void *ud, unsigned g)
{
	nested *n = ud;
	if (g < haru_fontdef_num_glyphs(n->def) &&
	    !haru_fontdef_glyph_marked(n->def, g)) {
		haru_fontdef_mark_glyph(n->def, g);
		n->stack[n->top++] = g;
	}
}

/* The text is written by content.c, not by libharu's ShowText, which is
 * what marks glyphs for the subset: mark them here. */
static void mark_used_glyphs(HPDF_FontDef def, const pdf_cpset *used)
{
	unsigned ng = haru_fontdef_num_glyphs(def);
	if (!ng)
		return;
	haru_fontdef_mark_glyph(def, 0);
	for (uint32_t g = 1; g < 65536 && g < ng; g++)
		if (cpset_has(used, g))
			haru_fontdef_mark_glyph(def, g);
}

/* libharu 2.3.0 follows one level of components: mark the rest. */
static void mark_nested_components(HPDF_FontDef def)
{
	unsigned ng = haru_fontdef_num_glyphs(def);
	sp_buf glyph = SP_BUF_INIT;
	nested n = {def, xmalloc(sizeof *n.stack * (ng + 1u)), 0};
	for (unsigned g = 1; g < ng; g++)
		if (haru_fontdef_glyph_marked(def, g))
			n.stack[n.top++] = g;
	while (n.top) {
		unsigned g = n.stack[--n.top];
		if (haru_fontdef_glyph(def, g, &glyph) < 0)
			break; /* no outlines to read */
		ttf_components((const uint8_t *)glyph.data, glyph.len,
		               keep_component, &n);
	}
	free(n.stack);
	buf_free(&glyph);
}

/* ---- ToUnicode ---- */

/* The text of code k of the font (a glyph id, or with codes one byte),
 * or NULL. */
static const char *code_text(const pdf_cpset *used, const pdf_gtext *gt,
                             const pdf_codes *codes, uint32_t k, size_t *len)
{
	if (codes)
		return codes->used[k] ? gtext_get(gt, codes->gid_of[k], len)
		                      : NULL;
	return cpset_has(used, k) ? gtext_get(gt, k, len) : NULL;
}

void pdf_tounicode_cmap(sp_buf *b, const pdf_cpset *used, const pdf_gtext *gt,
                        const pdf_codes *codes)
{
	uint32_t ng = codes ? 256 : gt->nglyphs < 65536 ? gt->nglyphs : 65536;
	buf_printf(b,
	           "/CIDInit /ProcSet findresource begin\n"
	           "12 dict begin\n"
	           "begincmap\n"
	           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	           "/Supplement 0 >> def\n"
	           "/CMapName /Adobe-Identity-UCS def\n"
	           "/CMapType 2 def\n"
	           "1 begincodespacerange\n%s\nendcodespacerange\n",
	           codes ? "<00> <FF>" : "<0000> <FFFF>");
	unsigned left = 0;
	size_t len;
	for (uint32_t g = 0; g < ng; g++)
		if (code_text(used, gt, codes, g, &len))
			left++;
	unsigned in_block = 0;
	for (uint32_t g = 0; g < ng && left; g++) {
		const char *text = code_text(used, gt, codes, g, &len);
		if (!text)
			continue;
		if (in_block == 0)
			buf_printf(b, "%u beginbfchar\n",
			           left < 100 ? left : 100);
		buf_putc(b, '<');
		buf_put_hex(b, g, codes ? 2 : 4);
		buf_puts(b, "> <");
		gtext_utf16_hex(b, text, len);
		buf_puts(b, ">\n");
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

/* The font's /Encoding: the embedded CMap of its one-byte codes, the
 * same for every font, deflated once per process. */
static sp_buf encoding_z; /* never freed: one copy for the run */
static int encoding_ok;
static pthread_once_t encoding_once = PTHREAD_ONCE_INIT;

static void make_encoding(void)
{
	sp_buf cm = SP_BUF_INIT;
	codes_cmap(PDF_ONE_BYTE_CMAP, &cm);
	encoding_ok = pdf_deflate(cm.data, cm.len, &encoding_z) >= 0;
	buf_free(&cm);
}

const sp_buf *pdf_one_byte_cmap(void)
{
	pthread_once(&encoding_once, make_encoding);
	return encoding_ok ? &encoding_z : NULL;
}

static HPDF_STATUS set_encoding(HPDF_Font font)
{
	const sp_buf *z = pdf_one_byte_cmap();
	return z ? haru_font_set_encoding(font, PDF_ONE_BYTE_CMAP, z->data,
	                                  z->len)
	         : HPDF_FAILD_TO_ALLOC_MEM;
}

int pdf_cid_to_gid_map(const pdf_cpset *used, uint32_t nglyphs,
                       const pdf_codes *codes, sp_buf *z)
{
	uint32_t max = 0;
	for (uint32_t g = 0; g < 65536 && g < nglyphs; g++)
		if (codes ? g < 256 && codes->used[g] : cpset_has(used, g))
			max = g;
	size_t n = 2 * ((size_t)max + 1);
	uint8_t *map = xcalloc(n, 1);
	for (uint32_t g = 0; g <= max; g++) {
		uint32_t to = g; /* with codes, CID = code */
		if (codes ? !codes->used[g] : !cpset_has(used, g))
			continue;
		if (codes)
			to = codes->gid_of[g];
		map[2 * g] = (uint8_t)(to >> 8);
		map[2 * g + 1] = (uint8_t)to;
	}
	buf_clear(z);
	int rc = pdf_deflate(map, n, z) < 0 ? -1 : 0;
	free(map);
	return rc;
}

/* CIDToGIDMap of a libharu font: as above (unused CIDs map to glyph 0). */
static HPDF_STATUS fix_cid_to_gid(HPDF_Font font, const pdf_cpset *used,
                                  uint32_t nglyphs, const pdf_codes *codes)
{
	sp_buf z = SP_BUF_INIT;
	HPDF_STATUS ret = pdf_cid_to_gid_map(used, nglyphs, codes, &z) < 0
	                      ? HPDF_FAILD_TO_ALLOC_MEM
	                      : haru_font_set_cid_to_gid(font, z.data, z.len);
	buf_free(&z);
	return ret;
}

HPDF_STATUS pdf_fix_font(HPDF_Font font, const pdf_cpset *used,
                         const pdf_gtext *gtext, const pdf_codes *codes,
                         int raw)
{
	HPDF_FontDef def = haru_font_def(font);
	if (!def)
		return HPDF_INVALID_FONT;
	if (haru_fontdef_embedding(def)) {
		/* libharu makes the subset: tell it what is drawn */
		mark_used_glyphs(def, used);
		mark_nested_components(def);
	}
	sp_buf cmap = SP_BUF_INIT;
	pdf_tounicode_cmap(&cmap, used, gtext, codes);
	sp_buf z = SP_BUF_INIT;
	HPDF_STATUS ret =
	    raw ? haru_font_set_tounicode(font, cmap.data, cmap.len, 0)
	    : pdf_deflate(cmap.data, cmap.len, &z) < 0
	        ? HPDF_FAILD_TO_ALLOC_MEM
	        : haru_font_set_tounicode(font, z.data, z.len, 1);
	buf_free(&cmap);
	buf_free(&z);
	if (ret == HPDF_OK)
		ret = haru_font_set_ordering(font, "Identity");
	if (ret == HPDF_OK)
		ret = codes ? haru_font_set_code_widths(font, codes->gid_of,
		                                        codes->used)
		            : haru_font_set_widths(font, used);
	if (ret == HPDF_OK)
		ret = fix_cid_to_gid(font, used, haru_fontdef_num_glyphs(def),
		                     codes);
	if (ret == HPDF_OK && codes)
		ret = set_encoding(font);
	return ret;
}
