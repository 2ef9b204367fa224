/* test_scan.c - the byte scanners of the loader and of the coverage
 * pass (eight bytes at a time: util/bytes8.h) give what a plain loop over
 * the bytes gives, for every byte value at every place of a word and on
 * random text made of the bytes they look for. */
#include <stdint.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "check.h"
#include "corpus/smartpunct.h"
#include "corpus/text.h"
#include "util/bytes8.h"

static uint64_t word_of(const unsigned char *b)
{
	return bytes8_load(b);
}

/* Each test against the bytes themselves: one byte of interest among
 * others, each of the 256 values at each of the 8 places. */
static void test_bytes8(void)
{
	static const unsigned char fill[] = {'a',  0x20, 0x7E, 0x00,
	                                     0x7F, 0x80, 0xFF, '-'};
	for (size_t f = 0; f < sizeof fill; f++)
		for (int at = 0; at < 8; at++)
			for (int v = 0; v < 256; v++) {
				unsigned char b[8];
				memset(b, fill[f], sizeof b);
				b[at] = (unsigned char)v;
				uint64_t x = word_of(b);
				int high = 0, below = 0, del = 0, dot = 0;
				int printable = 1;
				uint64_t want_eq = 0;
				for (int i = 0; i < 8; i++) {
					high |= b[i] >= 0x80;
					below |= b[i] < 0x20;
					del |= b[i] == 0x7F;
					dot |= b[i] == '.';
					printable &=
					    b[i] >= 0x20 && b[i] < 0x7F;
					if (b[i] == '.')
						want_eq |= 0x80ull << (8 * i);
				}
				CHECK(!!bytes8_high(x) == high);
				CHECK(bytes8_printable(x) == printable);
				CHECK(bytes8_eq(x, '.') == want_eq);
				if (!high) {
					CHECK(!!bytes8_below(x, 0x20) == below);
					CHECK(!!bytes8_has(x, 0x7F) == del);
					CHECK(!!bytes8_has(x, '.') == dot);
				}
			}
}

static int needed_ref(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"' || p[i] == '\'')
			return 1;
		if ((p[i] == '-' || p[i] == '.') && i + 1 < n &&
		    p[i + 1] == p[i])
			return 1;
	}
	return 0;
}

static size_t utf8_ref(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return TEXT_OK;
}

static size_t control_ref(const char *s, size_t n, unsigned long *cp)
{
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0)
			return i;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    (c >= 0x7F && c < 0xA0 && c != 0x85)) {
			*cp = (unsigned long)c;
			return i;
		}
		i += (size_t)k;
	}
	return TEXT_OK;
}

/* White space folding as a plain loop: runs of space, tab, line breaks,
 * NEL, LINE and PARAGRAPH SEPARATOR to one space, trimmed. */
static char *fold_ref(const char *s)
{
	char *out = malloc(strlen(s) + 1);
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	int pending = 0;
	while (*p) {
		size_t k = 0;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || *p == '\v')
			k = 1;
		else if (p[0] == 0xC2 && p[1] == 0x85)
			k = 2;
		else if (p[0] == 0xE2 && p[1] == 0x80 &&
		         (p[2] == 0xA8 || p[2] == 0xA9))
			k = 3;
		if (k) {
			pending = n > 0;
			p += k;
			continue;
		}
		if (pending)
			out[n++] = ' ';
		pending = 0;
		out[n++] = (char)*p++;
	}
	out[n] = '\0';
	return out;
}

/* Random text of the bytes the scanners care about: quotes, doubled
 * dashes and dots, controls, DEL, UTF-8 (whole and broken), letters. */
static size_t random_text(char *out, size_t max, unsigned *seed)
{
	static const char *const pieces[] = {
	    "a",        "word ",     "'",        "\"",           "-",
	    ".",        "\t",        "\n",       "\x01",         "\x7F",
	    "\xC2\x85", "\xC2\x9F",  "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80",
	    "\xFF",     "e\xCC\x81", "  ",       "longword",     "\xE2\x80\xA8",
	    "\r\n"};
	size_t n = 0, want = (size_t)(rand_r(seed) % 40);
	for (size_t k = 0; k < want; k++) {
		const char *p =
		    pieces[rand_r(seed) % (sizeof pieces / sizeof pieces[0])];
		size_t l = strlen(p);
		if (n + l >= max)
			break;
		memcpy(out + n, p, l);
		n += l;
	}
	out[n] = '\0';
	return n;
}

static void test_random_text(void)
{
	unsigned seed = 20261203;
	char s[256];
	for (int round = 0; round < 200000; round++) {
		size_t n = random_text(s, sizeof s, &seed);
		CHECK(smartpunct_needed(s, n) == needed_ref(s, n));
		CHECK(text_utf8_invalid(s, n) == utf8_ref(s, n));
		unsigned long a = 0, b = 0;
		size_t ca = text_find_control(s, n, &a);
		CHECK(ca == control_ref(s, n, &b));
		CHECK(ca == TEXT_OK || a == b);
		char *want_fold = fold_ref(s), *got_fold = text_fold(s);
		CHECK_STR(got_fold, want_fold);
		free(want_fold);
		free(got_fold);
		if (text_utf8_invalid(s, n) != TEXT_OK)
			continue;
		char *nfc = text_nfc(s, n);
		utf8proc_uint8_t *want = NULL;
		utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
		             &want, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		CHECK_STR(nfc, (const char *)want);
		free(want);
		free(nfc);
		if (failures > 20)
			return;
	}
}

static void test_fold(void)
{
	char a[] = "  one \t two\n\nthree \xE2\x80\xA8 four\xC2\x85  ";
	text_fold_here(a);
	CHECK_STR(a, "one two three four");
	char b[] = " \n\t ";
	text_fold_here(b);
	CHECK_STR(b, "");
	char *c = text_fold("no-break\xC2\xA0space kept");
	CHECK_STR(c, "no-break\xC2\xA0space kept");
	free(c);
}

int main(void)
{
	test_bytes8();
	test_random_text();
	test_fold();
	return failures != 0;
}
