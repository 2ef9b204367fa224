/* glyphid.c - a fast HPDF_TTFontDef_GetGlyphid for the faces we render.
 *
 * libharu 2.3.0 builds a Type0 font's encoding by asking
 * HPDF_TTFontDef_GetGlyphid for every code point of the BMP, and that
 * function scans the cmap's segments linearly: about 50 million
 * instructions per font per document, the largest fixed cost of a small
 * PDF (a worksheet batch writes thousands). The call goes through
 * libharu's PLT, so the executable may define the symbol itself (it is
 * exported with --export-dynamic-symbol, see CMakeLists.txt). For a font
 * definition registered by the renderer we answer from the face's glyph
 * table, which pdf_fonts_open filled once per run with libharu's own
 * lookup on the same file; anything else goes to libharu's function. The
 * registry is per thread and is emptied when the document is freed, so a
 * reused address can never be answered from a stale table. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf/internal.h"

#define GLYPHID_MAX_DEFS 64

typedef HPDF_UINT16 (*glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

static _Thread_local struct {
	const void *def;
	const uint16_t *gid;
} registry[GLYPHID_MAX_DEFS];
static _Thread_local int nregistered;

const uint16_t pdf_glyphid_none[65536];

void pdf_glyphid_register(HPDF_FontDef def, const uint16_t *gid)
{
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

void pdf_glyphid_clear(void)
{
	nregistered = 0;
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

HPDF_UINT16 HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
	for (int i = 0; i < nregistered; i++)
		if (registry[i].def == fontdef)
			return registry[i].gid[unicode];
	glyphid_fn f = libharu_glyphid();
	return f ? f(fontdef, unicode) : 0;
}
