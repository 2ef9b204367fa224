/* cffcids.c - the CID of each glyph of a CID-keyed CFF font program,
 * read from its charset (Adobe Technical Note 5176): what a PDF reader
 * maps a CIDFontType0's CIDs with. Only the header, the Top DICT (ROS,
 * charset and CharStrings offsets), the CharStrings count and the charset
 * are read; everything is bounds-checked, and anything unexpected is a
 * refusal (-1), never a guess. */
#include <stddef.h>
#include <stdint.h>

#include "pdf/internal.h"

typedef struct cff {
	const unsigned char *p;
	size_t n;
} cff;

static long u16(cff c, size_t at)
{
	return at + 2 <= c.n ? (long)(c.p[at] << 8 | c.p[at + 1]) : -1;
}

static long uoff(cff c, size_t at, unsigned size)
{
	if (size < 1 || size > 4 || at + size > c.n)
		return -1;
	unsigned long v = 0;
	for (unsigned i = 0; i < size; i++)
		v = v << 8 | c.p[at + i];
	return (long)v;
}

/* An INDEX at `at`: its count; the first item's bounds in *b0, *b1; the
 * offset after it in *end. -1 when malformed. */
static long index_at(cff c, size_t at, size_t *b0, size_t *b1, size_t *end)
{
	long count = u16(c, at);
	if (count < 0)
		return -1;
	if (count == 0) {
		*b0 = *b1 = *end = at + 2;
		return 0;
	}
	if (at + 3 > c.n)
		return -1;
	unsigned size = c.p[at + 2];
	size_t offs = at + 3, data = offs + (size_t)(count + 1) * size - 1;
	long first = uoff(c, offs, size), second = uoff(c, offs + size, size);
	long last = uoff(c, offs + (size_t)count * size, size);
	if (first < 1 || second < first || last < second ||
	    data + (size_t)last > c.n)
		return -1;
	*b0 = data + (size_t)first;
	*b1 = data + (size_t)second;
	*end = data + (size_t)last;
	return count;
}

/* The Top DICT's ROS (*ros = 1), charset (op 15) and CharStrings (op 17)
 * offsets. */
static int top_dict(cff c, size_t at, size_t end, int *ros, long *charset,
                    long *chars)
{
	long arg = 0; /* the last integer operand */
	while (at < end) {
		unsigned b = c.p[at];
		if (b == 28 || b == 29) { /* 2- or 4-byte integer */
			unsigned k = b == 28 ? 2 : 4;
			long v = uoff(c, at + 1, k);
			if (v < 0 || at + 1 + k > end)
				return -1;
			arg = k == 2 ? (int16_t)v : (int32_t)(uint32_t)v;
			at += 1 + k;
		} else if (b == 30) { /* a real: nibbles up to 0xf */
			for (at++; at < end && (c.p[at] & 0x0f) != 0x0f &&
			           (c.p[at] & 0xf0) != 0xf0;
			     at++)
				;
			at++;
		} else if (b >= 32 && b <= 246) {
			arg = (long)b - 139, at++;
		} else if (b >= 247 && b <= 254) {
			if (at + 1 >= end)
				return -1;
			long w = (long)(b - 247) * 256 + c.p[at + 1] + 108;
			arg = b <= 250 ? w : -w + 216, at += 2;
		} else if (b == 12) { /* two-byte operator */
			if (at + 1 < end && c.p[at + 1] == 30)
				*ros = 1;
			at += 2;
		} else { /* an operator */
			if (b == 15)
				*charset = arg;
			else if (b == 17)
				*chars = arg;
			at++;
		}
	}
	return 0;
}

/* The charset at `at` for n glyphs into cids (glyph 0 is CID 0). */
static int charset(cff c, size_t at, uint16_t *cids, long n)
{
	if (at >= c.n)
		return -1;
	unsigned fmt = c.p[at++];
	cids[0] = 0;
	for (long g = 1; g < n;) {
		if (fmt == 0) {
			long v = u16(c, at);
			if (v < 0)
				return -1;
			cids[g++] = (uint16_t)v, at += 2;
			continue;
		}
		if (fmt != 1 && fmt != 2)
			return -1;
		long first = u16(c, at);
		long left = fmt == 1 ? (at + 2 < c.n ? c.p[at + 2] : -1)
		                     : u16(c, at + 2);
		if (first < 0 || left < 0)
			return -1;
		at += fmt == 1 ? 3 : 4;
		for (long k = 0; k <= left && g < n; k++)
			cids[g++] = (uint16_t)(first + k);
	}
	return 0;
}

long pdf_cff_cids(const void *data, size_t n, uint16_t *cids, size_t cap)
{
	cff c = {data, n};
	if (n < 4 || c.p[0] != 1)
		return -1;
	size_t b0, b1, end;
	if (index_at(c, c.p[2], &b0, &b1, &end) < 1) /* names */
		return -1;
	if (index_at(c, end, &b0, &b1, &end) < 1) /* Top DICTs */
		return -1;
	int ros = 0;
	long cs = -1, chars = -1;
	if (top_dict(c, b0, b1, &ros, &cs, &chars) < 0 || !ros || cs <= 2 ||
	    chars <= 0)
		return -1; /* name-keyed, or a predefined charset */
	long glyphs = index_at(c, (size_t)chars, &b0, &b1, &end);
	if (glyphs < 1 || (size_t)glyphs > cap ||
	    charset(c, (size_t)cs, cids, glyphs) < 0)
		return -1;
	return glyphs;
}
