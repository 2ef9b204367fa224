/* scriptlang.c - the language a run of text is in when its script tells
 * (tags.h, tags_span_lang): Hebrew, Arabic, Devanagari, Thai, Chinese,
 * Japanese and Korean. Latin and Cyrillic text, shared by many languages,
 * says nothing, and Greek letters in our corpora are symbols (λ, σ, Δ)
 * more often than Greek. */
#include <string.h>

#include "pdf/tags.h"
#include "layout/struct.h"

/* The language of code point cp's script: "he", "ar", "hi", ...; "la"
 * for a Latin letter (which the document's language covers); NULL for
 * the rest (digits, punctuation, spaces, other scripts). */
static const char *cp_lang(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
		const char *lang;
	} ranges[] = {
	    {0x41, 0x5A, "la"},     {0x61, 0x7A, "la"},
	    {0xC0, 0x24F, "la"},    {0x590, 0x5FF, "he"},
	    {0x600, 0x6FF, "ar"},   {0x750, 0x77F, "ar"},
	    {0x8A0, 0x8FF, "ar"},   {0x900, 0x97F, "hi"},
	    {0xE00, 0xE7F, "th"},   {0x1100, 0x11FF, "ko"},
	    {0x3040, 0x30FF, "ja"}, {0x3130, 0x318F, "ko"},
	    {0x3400, 0x4DBF, "zh"}, {0x4E00, 0x9FFF, "zh"},
	    {0xAC00, 0xD7AF, "ko"}, {0xFB1D, 0xFB4F, "he"},
	    {0xFB50, 0xFDFF, "ar"}, {0xFE70, 0xFEFF, "ar"},
	};
	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i].lo && cp <= ranges[i].hi)
			return ranges[i].lang;
	return NULL;
}

static size_t next_cp(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (k > n)
		k = n;
	uint32_t v = k == 1 ? c : c & (0x7Fu >> k);
	for (size_t i = 1; i < k; i++)
		v = v << 6 | (s[i] & 0x3Fu);
	*cp = v;
	return k;
}

const char *tags_span_lang(const char *doc_lang, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	const char *lang = NULL;
	int kana = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += next_cp(s + i, len - i, &cp);
		const char *l = cp_lang(cp);
		if (!l)
			continue;
		if (!strcmp(l, "la"))
			return NULL; /* Latin in it: the document's language */
		kana |= !strcmp(l, "ja");
		if (!lang)
			lang = l;
	}
	if (lang && kana)
		lang = "ja"; /* kanji with kana */
	if (!lang)
		return NULL;
	const char *d = doc_lang && *doc_lang ? doc_lang : "en";
	size_t n = strlen(lang);
	if (!strncmp(d, lang, n) && (d[n] == 0 || d[n] == '-'))
		return NULL; /* the document's own */
	return lang;
}
