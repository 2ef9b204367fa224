/* text.c - UTF-8 validation, NFC, white space folding, slugs. */
#include "corpus/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/buf.h"
#include "util/bytes8.h"
#include "util/mem.h"

size_t text_utf8_invalid(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < len) {
		if (i + 8 <= len && !bytes8_high(bytes8_load(p + i))) {
			i += 8;
			continue;
		}
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n =
		    utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return i;
		i += (size_t)n;
	}
	return TEXT_OK;
}

size_t text_find_control(const char *s, size_t len, unsigned long *cp)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < len) {
		if (i + 8 <= len && bytes8_printable(bytes8_load(p + i))) {
			i += 8;
			continue;
		}
		if (p[i] >= 0x20 && p[i] < 0x7F) { /* printable ASCII */
			i++;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n =
		    utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0)
			return i;
		int bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		          (c >= 0x7F && c < 0xA0 && c != 0x85);
		if (bad) {
			*cp = (unsigned long)c;
			return i;
		}
		i += (size_t)n;
	}
	return TEXT_OK;
}

/* 1 when s is certainly NFC already: every code point below U+0300 (no
 * combining marks there) or in U+2002..U+206F (punctuation: curly quotes,
 * dashes). The usual English corpus skips normalisation entirely. */
static int quick_nfc(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char c = s[i];
		if (i + 8 <= len && !bytes8_high(bytes8_load(s + i))) {
			i += 8;
		} else if (c < 0x80) {
			i++;
		} else if (c >= 0xC2 && c <= 0xCB) { /* U+0080..U+02FF */
			i += 2;
		} else if (c == 0xE2 && i + 2 < len &&
		           ((s[i + 1] == 0x80 && s[i + 2] >= 0x82) ||
		            (s[i + 1] == 0x81 && s[i + 2] <= 0xAF))) {
			i += 3; /* U+2002..U+206F */
		} else {
			return 0;
		}
	}
	return 1;
}

char *text_nfc(const char *s, size_t len)
{
	if (quick_nfc((const unsigned char *)s, len))
		return xstrndup(s, len);
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n =
	    utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	                 &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (n < 0)
		return NULL;
	/* copy so the caller frees with the project allocator's free() */
	char *r = xstrndup((const char *)out, (size_t)n);
	free(out);
	return r;
}

/* Length of the white space sequence at s (0 if none): ASCII space, tab,
 * line breaks, NEL, LINE/PARAGRAPH SEPARATOR. No-break spaces stay. */
static size_t space_len(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
	    *s == '\v')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0x85)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
		return 3;
	return 0;
}

void text_fold_here(char *s)
{
	size_t len = strlen(s), i = 0;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0; /* bytes written: never ahead of i */
	int pending = 0;
	while (i < len) {
		uint64_t x;
		if (i + 8 <= len && bytes8_printable(x = bytes8_load(p + i)) &&
		    !bytes8_has(x, ' ')) { /* eight bytes of one word */
			if (pending)
				s[n++] = ' ';
			pending = 0;
			memcpy(s + n, &x, sizeof x);
			n += 8;
			i += 8;
			continue;
		}
		size_t k = space_len(p + i);
		if (k) {
			pending = n > 0;
			i += k;
			continue;
		}
		if (pending)
			s[n++] = ' ';
		pending = 0;
		s[n++] = s[i++];
	}
	s[n] = '\0';
}

char *text_fold(const char *s)
{
	char *r = xstrdup(s);
	text_fold_here(r);
	return r;
}

int text_is_slug(const char *s)
{
	int prev_hyphen = 1; /* no leading hyphen */
	if (!*s)
		return 0;
	for (; *s; s++) {
		if (*s == '-') {
			if (prev_hyphen)
				return 0;
			prev_hyphen = 1;
		} else if ((*s >= 'a' && *s <= 'z') ||
		           (*s >= '0' && *s <= '9')) {
			prev_hyphen = 0;
		} else {
			return 0;
		}
	}
	return !prev_hyphen;
}

/* s with accents stripped and case folded (malloc), or NULL. */
static char *fold_for_slug(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r = utf8proc_map(
	    (const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	        UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
	if (r < 0)
		return NULL;
	char *copy = xstrdup((const char *)out);
	free(out);
	return copy;
}

static int slug_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

char *text_slugify(const char *s, size_t max_words, size_t max_bytes)
{
	char *folded = fold_for_slug(s);
	const unsigned char *p = (const unsigned char *)(folded ? folded : s);
	sp_buf b = SP_BUF_INIT;
	size_t words = 0;
	while (*p && words < max_words) {
		while (*p && !slug_char(*p))
			p++;
		const unsigned char *w = p;
		while (slug_char(*p))
			p++;
		size_t n = (size_t)(p - w);
		if (!n || b.len + (b.len > 0) + n > max_bytes)
			break;
		if (b.len)
			buf_putc(&b, '-');
		buf_append(&b, (const char *)w, n);
		words++;
	}
	free(folded);
	return buf_detach(&b);
}

unsigned text_chars(const char *s, size_t n)
{
	unsigned c = 0;
	for (size_t i = 0; i < n && s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

#define DIST_MAX 64

size_t text_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > DIST_MAX || lb > DIST_MAX)
		return DIST_MAX;
	size_t row[DIST_MAX + 1];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

int text_is_language_tag(const char *s)
{
	size_t n = 0, parts = 0;
	for (;; s++) {
		if (*s == '-' || !*s) {
			if (n == 0 || n > 8)
				return 0;
			parts++;
			n = 0;
			if (!*s)
				break;
		} else if (is_alnum(*s)) {
			if (parts == 0 &&
			    !((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z'))
				return 0;
			n++;
		} else {
			return 0;
		}
	}
	return parts > 0;
}
