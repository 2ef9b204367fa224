/* test_fcmatch.c - pdf_fc_best (src/pdf/fcmatch.c) gives FcFontMatch's
 * answer: for every family installed, each variant fonts.c asks for, in
 * TrueType and in CFF, and for names fontconfig treats specially (other
 * case and blanks, an alias, a family not installed, a name that is not
 * ASCII). */
#include <stdio.h>
#include <string.h>

#include "pdf/fcmatch.h"

#include "check.h"

/* The pattern fonts.c's fc_match builds. */
static FcPattern *pattern(const char *family, int bold, int italic,
                          const char *format)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT,
	                    bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT,
	                    italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)format);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	return pat;
}

/* Same file, face index and family list. */
static int same_match(FcPattern *a, FcPattern *b)
{
	if (!a || !b)
		return a == b;
	FcChar8 *fa = NULL, *fb = NULL;
	int ia = 0, ib = 0;
	FcPatternGetString(a, FC_FILE, 0, &fa);
	FcPatternGetString(b, FC_FILE, 0, &fb);
	FcPatternGetInteger(a, FC_INDEX, 0, &ia);
	FcPatternGetInteger(b, FC_INDEX, 0, &ib);
	if (!fa || !fb || strcmp((const char *)fa, (const char *)fb) ||
	    ia != ib)
		return 0;
	for (int k = 0;; k++) {
		FcChar8 *x = NULL, *y = NULL;
		int ra =
		    FcPatternGetString(a, FC_FAMILY, k, &x) == FcResultMatch;
		int rb =
		    FcPatternGetString(b, FC_FAMILY, k, &y) == FcResultMatch;
		if (ra != rb ||
		    (ra && strcmp((const char *)x, (const char *)y)))
			return 0;
		if (!ra)
			return 1;
	}
}

static unsigned compared;

static void compare(const char *family)
{
	static const char *const formats[] = {"TrueType", "CFF"};
	for (int v = 0; v < 4; v++)
		for (int f = 0; f < 2; f++) {
			FcPattern *pat =
			    pattern(family, v & 1, v & 2, formats[f]);
			FcResult res;
			FcPattern *want = FcFontMatch(NULL, pat, &res);
			FcPattern *got = pdf_fc_best(pat);
			if (!same_match(want, got)) {
				fprintf(stderr,
				        "test_fcmatch: '%s' variant %d %s "
				        "differs from FcFontMatch\n",
				        family, v, formats[f]);
				failures++;
			}
			compared++;
			if (want)
				FcPatternDestroy(want);
			if (got)
				FcPatternDestroy(got);
			FcPatternDestroy(pat);
		}
}

int main(void)
{
	if (!FcInit()) {
		fprintf(stderr, "test_fcmatch: cannot initialise fontconfig\n");
		return 1;
	}
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, NULL);
	FcPattern *any = FcPatternCreate();
	FcFontSet *fams = FcFontList(NULL, any, os);
	CHECK(fams && fams->nfont > 0);
	for (int i = 0; fams && i < fams->nfont; i++) {
		FcChar8 *fam;
		for (int k = 0; FcPatternGetString(fams->fonts[i], FC_FAMILY, k,
		                                   &fam) == FcResultMatch;
		     k++)
			compare((const char *)fam);
	}
	static const char *const odd[] = {"dejavu sans",
	                                  "DejaVuSans",
	                                  "  Liberation  Serif ",
	                                  "Arial",
	                                  "Helvetica",
	                                  "sans-serif",
	                                  "No Such Family",
	                                  "Ｌａｔｏ",
	                                  "Noto Sans CJK SC",
	                                  ""};
	for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
		compare(odd[i]);
	CHECK(compared > 100);
	printf("test_fcmatch: %u lookups compared\n", compared);
	if (fams)
		FcFontSetDestroy(fams);
	FcPatternDestroy(any);
	FcObjectSetDestroy(os);
	FcFini();
	return failures != 0;
}
