/* entities.c - HTML character references: numeric (&#233; &#xE9;) and
 * the named ones that flashcards and web pages use. &nbsp; is a plain
 * space here: in exported cards it is spacing, not a promise that the
 * words stay together. */
#include "import/html.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	unsigned long cp;
} named[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},
    {"quot", '"'},      {"apos", '\''},     {"nbsp", ' '},
    {"ensp", ' '},      {"emsp", ' '},      {"thinsp", 0x2009},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"hellip", 0x2026},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"laquo", 0xAB},    {"raquo", 0xBB},    {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"bull", 0x2022},   {"middot", 0xB7},
    {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},
    {"deg", 0xB0},      {"plusmn", 0xB1},   {"times", 0xD7},
    {"divide", 0xF7},   {"minus", 0x2212},  {"le", 0x2264},
    {"ge", 0x2265},     {"ne", 0x2260},     {"asymp", 0x2248},
    {"larr", 0x2190},   {"rarr", 0x2192},   {"uarr", 0x2191},
    {"darr", 0x2193},   {"harr", 0x2194},   {"rArr", 0x21D2},
    {"lArr", 0x21D0},   {"hArr", 0x21D4},   {"infin", 0x221E},
    {"sum", 0x2211},    {"prod", 0x220F},   {"radic", 0x221A},
    {"alpha", 0x3B1},   {"beta", 0x3B2},    {"gamma", 0x3B3},
    {"delta", 0x3B4},   {"epsilon", 0x3B5}, {"lambda", 0x3BB},
    {"mu", 0x3BC},      {"pi", 0x3C0},      {"sigma", 0x3C3},
    {"theta", 0x3B8},   {"Delta", 0x394},   {"Sigma", 0x3A3},
    {"euro", 0x20AC},   {"pound", 0xA3},    {"yen", 0xA5},
    {"cent", 0xA2},     {"sect", 0xA7},     {"para", 0xB6},
    {"shy", 0xAD},      {"zwsp", 0x200B},   {"iexcl", 0xA1},
    {"iquest", 0xBF},   {"agrave", 0xE0},   {"aacute", 0xE1},
    {"acirc", 0xE2},    {"atilde", 0xE3},   {"auml", 0xE4},
    {"aring", 0xE5},    {"aelig", 0xE6},    {"ccedil", 0xE7},
    {"egrave", 0xE8},   {"eacute", 0xE9},   {"ecirc", 0xEA},
    {"euml", 0xEB},     {"igrave", 0xEC},   {"iacute", 0xED},
    {"icirc", 0xEE},    {"iuml", 0xEF},     {"ntilde", 0xF1},
    {"ograve", 0xF2},   {"oacute", 0xF3},   {"ocirc", 0xF4},
    {"otilde", 0xF5},   {"ouml", 0xF6},     {"oslash", 0xF8},
    {"ugrave", 0xF9},   {"uacute", 0xFA},   {"ucirc", 0xFB},
    {"uuml", 0xFC},     {"yacute", 0xFD},   {"szlig", 0xDF},
    {"Agrave", 0xC0},   {"Aacute", 0xC1},   {"Auml", 0xC4},
    {"Ccedil", 0xC7},   {"Eacute", 0xC9},   {"Egrave", 0xC8},
    {"Ntilde", 0xD1},   {"Ouml", 0xD6},     {"Uuml", 0xDC},
};

/* A numeric reference after "&#": its code point, or 0. */
static unsigned long numeric(const char *s, size_t n)
{
	int hex = n && (s[0] == 'x' || s[0] == 'X');
	unsigned long v = 0;
	size_t i = hex;
	if (i >= n)
		return 0;
	for (; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0'
		        : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f'
		            ? (c | 0x20) - 'a' + 10
		            : -1;
		if (d < 0 || v > 0x10FFFF)
			return 0;
		v = v * (hex ? 16 : 10) + (unsigned long)d;
	}
	return v;
}

/* Code points HTML would not produce: NUL, surrogates, beyond Unicode,
 * controls (the sanitiser would replace them anyway). */
static int usable(unsigned long cp)
{
	return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
	       !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF &&
	       cp != 0xFFFE && cp != 0xFFFF && cp != 0xFEFF;
}

size_t imp_html_entity(const char *s, size_t n, unsigned long *cp)
{
	if (n < 3 || s[0] != '&')
		return 0;
	const char *semi = memchr(s, ';', n < 34 ? n : 34);
	if (!semi)
		return 0;
	size_t len = (size_t)(semi - s) - 1;
	const char *name = s + 1;
	unsigned long v = 0;
	if (len && name[0] == '#') {
		v = numeric(name + 1, len - 1);
	} else {
		for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
			if (strlen(named[i].name) == len &&
			    !memcmp(named[i].name, name, len))
				v = named[i].cp;
	}
	if (!v || !usable(v))
		return 0;
	*cp = v;
	return len + 2;
}
