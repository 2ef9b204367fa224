/* ttfont.h - a TrueType face that embed.c subsets, as a Type0 font of one
 * output document made without HPDF_GetFont (ttfont.c). */
#ifndef SP_PDF_TTFONT_H
#define SP_PDF_TTFONT_H

#include "pdf/gtext.h"
#include "pdf/internal.h"

struct pdf_codes;

/* The font's Type0 dictionary, made in pdf when the document is set up
 * (pages name it in their resources as they draw, haru_page_font_name);
 * NULL on failure (the error pending on pdf). */
HPDF_Font pdf_ttfont_new(HPDF_Doc pdf);
/* After drawing: face f's subset of the glyphs `used` (embed.c), the
 * descendant CIDFontType2 with its descriptor, /W and /CIDToGIDMap, the
 * ToUnicode CMap of their text gt (left as it is when raw) and the
 * /Encoding (codes: their one-byte CMap; NULL: Identity-H, CID = glyph
 * id). The shared definition of the face is only read. HPDF_OK or a
 * libharu status. */
HPDF_STATUS pdf_ttfont_finish(HPDF_Doc pdf, HPDF_Font type0, pdf_embed *e,
                              const pdf_fonts *fonts, int f,
                              const pdf_cpset *used, const pdf_gtext *gt,
                              const struct pdf_codes *codes, int raw);

#endif
