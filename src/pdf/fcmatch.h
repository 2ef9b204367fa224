/* fcmatch.h - fontconfig's best match for a pattern, as FcFontMatch
 * finds it, without scoring every installed font when that cannot change
 * the answer (internal to src/pdf/).
 *
 * FcFontMatch scores the pattern against all fonts (456 here, about
 * 2.8 M instructions a lookup, and opening the fonts makes about 50).
 * When the pattern's first family is the one asked for, fontconfig ranks
 * a font of that family above every other font on the family, and only
 * the elements it ranks before the family (file, format, variable,
 * scalable, colour, foundry, charset; the font wrapper since 2.15) could
 * put another font first. So
 * when the pattern has none of those but the format and "not variable",
 * and the best of the family's own fonts has that format and is not
 * variable, that font is FcFontMatch's answer too: it is scored over
 * those fonts only, in fontconfig's order. In every other case (no font
 * of the family, a pattern with other such elements, a family name that
 * is not plain ASCII) FcFontMatch answers. tests/unit/test_fcmatch.c
 * compares the two for every installed family. */
#ifndef SP_PDF_FCMATCH_H
#define SP_PDF_FCMATCH_H

#include <fontconfig/fontconfig.h>

/* The match for pat (already through FcConfigSubstitute and
 * FcDefaultSubstitute), owned by the caller; NULL when none. */
FcPattern *pdf_fc_best(FcPattern *pat);

#endif
