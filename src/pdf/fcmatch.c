/* fcmatch.c - see fcmatch.h. */
#include "pdf/fcmatch.h"

#include <string.h>

/* Family names as fontconfig compares them: blanks ignored, ASCII case
 * folded (only plain ASCII names come here). */
static int same_family(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		char x = *a, y = *b;
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
		if (!x)
			return 1;
		a++;
		b++;
	}
}

static int plain_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static int has_family(FcPattern *font, const char *family)
{
	FcChar8 *f;
	for (int k = 0;
	     FcPatternGetString(font, FC_FAMILY, k, &f) == FcResultMatch; k++)
		if (same_family((const char *)f, family))
			return 1;
	return 0;
}

/* The fonts of family, from the sets FcFontMatch scores, in its order. */
static FcFontSet *family_fonts(const char *family)
{
	FcFontSet *sub = FcFontSetCreate();
	const FcSetName which[2] = {FcSetSystem, FcSetApplication};
	for (int w = 0; sub && w < 2; w++) {
		FcFontSet *s = FcConfigGetFonts(NULL, which[w]);
		for (int i = 0; s && i < s->nfont; i++) {
			if (!has_family(s->fonts[i], family))
				continue;
			FcPatternReference(s->fonts[i]);
			if (!FcFontSetAdd(sub, s->fonts[i]))
				FcPatternDestroy(s->fonts[i]);
		}
	}
	return sub;
}

static int is_variable(FcPattern *p)
{
	FcBool v = FcFalse;
	return FcPatternGetBool(p, FC_VARIABLE, 0, &v) == FcResultMatch && v;
}

/* The pattern ranks nothing before its family but one format and "not
 * variable": the format into *format. */
static int family_decides(FcPattern *pat, const char **family,
                          const char **format)
{
	static const char *const before[] = {
#ifdef FC_FONT_WRAPPER
	    FC_FONT_WRAPPER, /* fontconfig 2.15 */
#endif
	    FC_FILE,         FC_SCALABLE, FC_COLOR, FC_FOUNDRY, FC_CHARSET};
	FcValue v;
	for (size_t i = 0; i < sizeof before / sizeof *before; i++)
		if (FcPatternGet(pat, before[i], 0, &v) == FcResultMatch)
			return 0;
	FcChar8 *fam, *fmt;
	if (FcPatternGetString(pat, FC_FAMILY, 0, &fam) != FcResultMatch ||
	    !plain_ascii((const char *)fam) ||
	    FcPatternGetString(pat, FC_FONTFORMAT, 0, &fmt) != FcResultMatch ||
	    FcPatternGet(pat, FC_FONTFORMAT, 1, &v) == FcResultMatch ||
	    is_variable(pat) ||
	    FcPatternGet(pat, FC_VARIABLE, 1, &v) == FcResultMatch)
		return 0;
	*family = (const char *)fam;
	*format = (const char *)fmt;
	return 1;
}

FcPattern *pdf_fc_best(FcPattern *pat)
{
	const char *family, *format;
	FcResult res;
	if (!family_decides(pat, &family, &format))
		return FcFontMatch(NULL, pat, &res);
	FcFontSet *sub = family_fonts(family);
	FcPattern *m = NULL;
	if (sub && sub->nfont > 0) {
		FcFontSet *sets[1] = {sub};
		m = FcFontSetMatch(NULL, sets, 1, pat, &res);
	}
	if (sub)
		FcFontSetDestroy(sub);
	FcChar8 *fmt;
	if (m &&
	    FcPatternGetString(m, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
	    strcmp((const char *)fmt, format) == 0 && !is_variable(m))
		return m;
	if (m)
		FcPatternDestroy(m);
	return FcFontMatch(NULL, pat, &res);
}
