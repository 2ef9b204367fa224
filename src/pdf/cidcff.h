/* cidcff.h - a CFF face's font in one output document (cidcff.c). */
#ifndef SP_PDF_CIDCFF_H
#define SP_PDF_CIDCFF_H

#include "pdf/gtext.h"
#include "pdf/internal.h"

typedef struct pdf_cidcff pdf_cidcff;

/* The font of face fc (fc->cff, kept by the caller) in pdf: its Type0
 * dictionary is made now; NULL on failure (the error pending on pdf). */
pdf_cidcff *pdf_cidcff_new(HPDF_Doc pdf, const pdf_face *fc);
/* The Type0 dictionary, which pages name in their resources like a
 * libharu font (haru_page_font_name). */
HPDF_Font pdf_cidcff_font(const pdf_cidcff *c);
/* After drawing: the subset of the glyphs `used` (CID = glyph id), the
 * descendant, its descriptor and /W, and the ToUnicode CMap of their
 * text gt. HPDF_OK or a libharu status. */
HPDF_STATUS pdf_cidcff_finish(pdf_cidcff *c, const pdf_cpset *used,
                              const pdf_gtext *gt);
void pdf_cidcff_free(pdf_cidcff *c);

#endif
