/* smartpunct.c - straight quotes, double hyphens and triple dots to their
 * typographic forms. One pass over the code points; a mark is decided
 * by the code point before it (start, space or opening punctuation
 * opens; a letter or closing punctuation closes) and, where that is not
 * enough, the code points after it. */
#include "corpus/smartpunct.h"

#include <string.h>
#include <utf8proc.h>

#include "util/bytes8.h"

#define LDQUO 0x201Cu /* “ */
#define RDQUO 0x201Du /* ” */
#define LSQUO 0x2018u /* ‘ */
#define RSQUO 0x2019u /* ’ (also the apostrophe) */
#define PRIME 0x2032u /* ′ */
#define DPRIME 0x2033u
#define NDASH 0x2013u
#define MDASH 0x2014u
#define HELLIP 0x2026u

void smartpunct_init(smartpunct *s)
{
	s->prev = 0;
	s->dq = s->sq = 0;
}

/* The code point at p (end at e), or 0 at the end. */
static uint32_t cp_at(const char *p, const char *e, size_t *n)
{
	utf8proc_int32_t c = 0;
	utf8proc_ssize_t k = 0;
	if (p < e)
		k = utf8proc_iterate((const utf8proc_uint8_t *)p, e - p, &c);
	if (k <= 0) {
		*n = p < e ? 1 : 0;
		return p < e ? (uint8_t)*p : 0;
	}
	*n = (size_t)k;
	return (uint32_t)c;
}

static int is_space(uint32_t c)
{
	if (c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return 1;
	return c != SMARTPUNCT_UNKNOWN &&
	       utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_ZS;
}

static int is_letter(uint32_t c)
{
	if (c == 0 || c == SMARTPUNCT_UNKNOWN)
		return 0;
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static int is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* A mark after c opens (start, space, opening bracket, dash, slash, an
 * opening quote). */
static int opens_after(uint32_t c)
{
	if (is_space(c))
		return 1;
	switch (c) {
	case '(':
	case '[':
	case '{':
	case '<':
	case '-':
	case '/':
	case LDQUO:
	case LSQUO:
	case NDASH:
	case MDASH:
	case 0xAB:
		return 1;
	default:
		return 0;
	}
}

static void put(smartpunct *s, sp_buf *out, uint32_t c)
{
	buf_put_utf8(out, c);
	s->prev = c;
}

/* Words that start with an apostrophe for a left-out letter. */
static int elision(const char *p, const char *e)
{
	static const char *const words[] = {"n'",  "em",    "tis", "twas",
	                                    "til", "cause", NULL};
	for (int i = 0; words[i]; i++) {
		size_t n = strlen(words[i]);
		if ((size_t)(e - p) < n || strncmp(p, words[i], n))
			continue;
		size_t k;
		uint32_t after = cp_at(p + n, e, &k);
		if (!is_letter(after))
			return 1;
	}
	return 0;
}

/* '90s, '04: two digits after the mark and no third. */
static int year_elision(const char *p, const char *e)
{
	return e - p >= 2 && is_digit((uint8_t)p[0]) &&
	       is_digit((uint8_t)p[1]) &&
	       (e - p == 2 || !is_digit((uint8_t)p[2]));
}

static uint32_t next_cp(const char *p, const char *e, uint32_t next)
{
	size_t k;
	return p < e ? cp_at(p, e, &k) : next;
}

static void double_quote(smartpunct *s, uint32_t after, sp_buf *out)
{
	if (is_digit(s->prev) && !s->dq) {
		put(s, out, DPRIME);
	} else if (opens_after(s->prev) && !is_space(after)) {
		s->dq++;
		put(s, out, LDQUO);
	} else if (!opens_after(s->prev)) {
		s->dq -= s->dq > 0;
		put(s, out, RDQUO);
	} else {
		put(s, out, '"'); /* alone between spaces: as typed */
	}
}

static void single_quote(smartpunct *s, const char *p, const char *e,
                         uint32_t after, sp_buf *out)
{
	uint32_t b = s->prev;
	if ((is_letter(b) || is_digit(b)) && is_letter(after)) {
		put(s, out, RSQUO); /* I'd, rock'n'roll, 1990's */
	} else if (is_digit(b)) {
		if (s->sq) {
			s->sq--;
			put(s, out, RSQUO);
		} else {
			put(s, out, PRIME); /* 5'11" */
		}
	} else if (opens_after(b)) {
		if (year_elision(p, e) || elision(p, e))
			put(s, out, RSQUO);
		else if (is_space(after))
			put(s, out, '\'');
		else {
			s->sq++;
			put(s, out, LSQUO);
		}
	} else {
		s->sq -= s->sq > 0;
		put(s, out, RSQUO);
	}
}

/* n hyphens (n >= 2) as en and em dashes: all em when n is a multiple
 * of three, all en when even, else em dashes first and one or two en
 * dashes. */
static void dashes(smartpunct *s, size_t n, sp_buf *out)
{
	size_t em = 0, en = 0;
	if (n % 3 == 0)
		em = n / 3;
	else if (n % 2 == 0)
		en = n / 2;
	else if (n % 3 == 2)
		em = (n - 2) / 3, en = 1;
	else
		em = (n - 4) / 3, en = 2;
	while (em--)
		put(s, out, MDASH);
	while (en--)
		put(s, out, NDASH);
}

/* A run of hyphens at p; returns the bytes used. */
static size_t hyphens(smartpunct *s, const char *p, const char *e,
                      uint32_t next, sp_buf *out)
{
	size_t n = 0;
	while (p + n < e && p[n] == '-')
		n++;
	uint32_t after = next_cp(p + n, e, next);
	int option =
	    opens_after(s->prev) && (is_letter(after) || is_digit(after));
	int arrow = s->prev == '<' || after == '>';
	if (n < 2 || option || arrow) {
		buf_append(out, p, n);
		s->prev = '-';
		return n;
	}
	dashes(s, n, out);
	return n;
}

/* A code span of k backticks at p: the bytes up to and with its closing
 * run, or 0 when it does not close in this text. */
static size_t tick_span(const char *p, const char *e)
{
	size_t k = 0;
	while (p + k < e && p[k] == '`')
		k++;
	for (const char *q = p + k; q < e;) {
		if (*q != '`') {
			q++;
			continue;
		}
		size_t m = 0;
		while (q + m < e && q[m] == '`')
			m++;
		if (m == k)
			return (size_t)(q + m - p);
		q += m;
	}
	return 0;
}

/* One special character at p; returns the bytes used (0: not special). */
static size_t special(smartpunct *s, const char *p, const char *e,
                      uint32_t next, sp_buf *out)
{
	switch (*p) {
	case '"':
		double_quote(s, next_cp(p + 1, e, next), out);
		return 1;
	case '\'':
		single_quote(s, p + 1, e, next_cp(p + 1, e, next), out);
		return 1;
	case '-':
		return hyphens(s, p, e, next, out);
	case '.':
		if (e - p >= 3 && !strncmp(p, "...", 3) &&
		    (e - p == 3 || p[3] != '.') && s->prev != '.') {
			put(s, out, HELLIP);
			return 3;
		}
		return 0;
	case '`': {
		size_t n = tick_span(p, e);
		if (!n)
			return 0;
		buf_append(out, p, n);
		s->prev = '`';
		return n;
	}
	default:
		return 0;
	}
}

void smartpunct_run(smartpunct *s, const char *text, size_t len, uint32_t next,
                    sp_buf *out)
{
	const char *p = text, *e = text + len;
	while (p < e) {
		size_t n = special(s, p, e, next, out);
		if (n) {
			p += n;
			continue;
		}
		uint32_t c = cp_at(p, e, &n);
		buf_append(out, p, n);
		s->prev = c;
		p += n;
	}
}

void smartpunct_verbatim(smartpunct *s, const char *text, size_t len)
{
	/* only the last code point matters: back up to its lead byte */
	size_t i = len, n;
	while (i > 0 && len - i < 4 && ((uint8_t)text[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	if (len)
		s->prev = cp_at(text + i, text + len, &n);
}

/* Non-zero if the eight bytes of x hold a quote, or "--" or ".." (bytes
 * 0 and 1, 1 and 2, ... 6 and 7). */
static uint64_t needed8(uint64_t x)
{
	uint64_t d = bytes8_eq(x, '-'), p = bytes8_eq(x, '.');
	return bytes8_eq(x, '"') | bytes8_eq(x, '\'') | (d & (d >> 8)) |
	       (p & (p >> 8));
}

int smartpunct_needed(const char *text, size_t len)
{
	const char *p = text, *e = text + len;
	for (; e - p >= 8; p += 7) /* overlapping: every pair is in one */
		if (needed8(bytes8_load((const unsigned char *)p)))
			return 1;
	for (; p < e; p++) {
		char c = *p;
		if (c == '"' || c == '\'')
			return 1;
		if ((c == '-' || c == '.') && p + 1 < e && p[1] == c)
			return 1;
	}
	return 0;
}

char *smartpunct_string(const char *text)
{
	smartpunct s;
	sp_buf b = SP_BUF_INIT;
	smartpunct_init(&s);
	smartpunct_run(&s, text, strlen(text), 0, &b);
	return buf_detach(&b);
}
