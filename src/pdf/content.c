/* content.c - page content streams are written here rather than through
 * libharu's page operators, and compressed here:
 *
 * - numbers have at most three decimals and no trailing zeros (libharu
 *   writes five or six significant digits through a slow float printer);
 * - text is shown with binary two-byte codes in literal strings (libharu
 *   writes hexadecimal, twice the bytes), and runs that continue a line in
 *   the same font, size and colour join one TJ array with a kerning number
 *   instead of a new Td and Tj;
 * - streams are deflated by us (deflate.c), several at once on several
 *   threads, and handed to libharu already compressed, so that libharu
 *   only copies them (haru_stream_put); one compressed copy of an
 *   embedded font can so serve many documents.
 *
 * This file has the primitives (numbers, operators, colours, codes);
 * draw.c writes the pages with them. */
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
#include "util/mem.h"

/* ---- numbers ---- */

void cs_num(sp_buf *b, double v)
{
	char tmp[32], *e = tmp + sizeof tmp, *p = e;
	if (!(v > -1e9 && v < 1e9))
		v = 0; /* never reached from a valid page model */
	long long m = (long long)(v < 0 ? v * 1000 - 0.5 : v * 1000 + 0.5);
	int neg = m < 0;
	unsigned long long u = (unsigned long long)(neg ? -m : m);
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	*--p = ' ';
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		*--p = '-';
	buf_append(b, p, (size_t)(e - p));
}

void cs_op(sp_buf *b, const char *op)
{
	buf_puts(b, op);
	buf_putc(b, '\n');
}

void cs_rgb(sp_buf *b, sp_color c, int stroke)
{
	for (int shift = 16; shift >= 0; shift -= 8)
		cs_num(b, (double)((c >> shift) & 0xFF) / 255.0);
	cs_op(b, stroke ? "RG" : "rg");
}

/* Appends the two-byte code of cp to an open literal string. */
void cs_code(sp_buf *b, uint32_t cp)
{
	char s[4];
	size_t n = 0;
	unsigned char hi = (unsigned char)(cp >> 8), lo = (unsigned char)cp;
	unsigned char v[2] = {hi, lo};
	for (int i = 0; i < 2; i++) {
		switch (v[i]) {
		case '(':
		case ')':
		case '\\':
			s[n++] = '\\';
			s[n++] = (char)v[i];
			break;
		case '\r': /* a raw CR would be read as LF */
			s[n++] = '\\';
			s[n++] = 'r';
			break;
		default:
			s[n++] = (char)v[i];
		}
	}
	buf_append(b, s, n);
}

void cs_int(sp_buf *b, long v)
{
	char tmp[24], *e = tmp + sizeof tmp, *p = e;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	buf_append(b, p, (size_t)(e - p));
}
