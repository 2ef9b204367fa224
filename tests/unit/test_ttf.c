/* test_ttf.c - pdf/ttf.h: glyph records without their hinting
 * (ttf_unhinted) and the components of composite glyphs. */
#include <stdint.h>
#include <string.h>

#include "pdf/ttf.h"

#include "check.h"

/* A simple glyph of one contour: header, endPts, 3 bytes of
 * instructions, then flags and coordinates (4 bytes here). */
static const uint8_t simple[] = {
    0x00, 0x01, 0,    0,    0,    0, 0, 10, 0, 10, /* 1 contour, bbox */
    0x00, 0x02,                                    /* endPtsOfContours */
    0x00, 0x03, 0xB0, 0x01, 0x2C,                  /* 3 instructions */
    0x37, 0x01, 0x21, 0x11,                        /* flags, coordinates */
};

/* A composite of two components (words, no scale), the last with
 * WE_HAVE_INSTRUCTIONS, then 2 instruction bytes after a length. */
static const uint8_t composite[] = {
    0xFF, 0xFF, 0,    0,    0, 0, 0, 10, 0, 10, /* -1 contours, bbox */
    0x00, 0x21, 0x00, 0x05, 0, 1, 0, 2,         /* words | MORE, glyph 5 */
    0x01, 0x01, 0x00, 0x07, 0, 3, 0, 4,         /* words | INSTR, glyph 7 */
    0x00, 0x02, 0xB0, 0x01,                     /* instructions */
};

static void components(void *ud, unsigned g)
{
	unsigned *seen = ud;
	seen[seen[0]++ + 1] = g;
}

int main(void)
{
	uint8_t out[64];
	size_t n = ttf_unhinted(simple, sizeof simple, out);
	CHECK(n == sizeof simple - 3);
	CHECK(memcmp(out, simple, 12) == 0);
	CHECK(out[12] == 0 && out[13] == 0); /* no instructions */
	CHECK(memcmp(out + 14, simple + 17, 4) == 0);

	n = ttf_unhinted(composite, sizeof composite, out);
	CHECK(n == 26); /* the component records only */
	CHECK(memcmp(out, composite, 18) == 0);
	CHECK(out[18] == 0x00 && out[19] == 0x01); /* the flag cleared */
	CHECK(memcmp(out + 20, composite + 20, 6) == 0);
	unsigned seen[4] = {0};
	ttf_components(out, n, components, seen);
	CHECK(seen[0] == 2 && seen[1] == 5 && seen[2] == 7);

	/* a glyph without instructions, an empty one, and records that do
	 * not fit their length are copied as they are */
	uint8_t plain[sizeof simple - 3];
	n = ttf_unhinted(simple, 9, out);
	CHECK(n == 9 && memcmp(out, simple, 9) == 0);
	n = ttf_unhinted(simple, 13, out); /* cut in the length */
	CHECK(n == 13 && memcmp(out, simple, 13) == 0);
	n = ttf_unhinted(simple, 15, out); /* cut in the instructions */
	CHECK(n == 15 && memcmp(out, simple, 15) == 0);
	n = ttf_unhinted(composite, 22, out); /* cut in a component */
	CHECK(n == 22 && memcmp(out, composite, 22) == 0);
	ttf_unhinted(simple, sizeof simple, plain);
	n = ttf_unhinted(plain, sizeof plain, out);
	CHECK(n == sizeof plain && memcmp(out, plain, n) == 0);
	return failures != 0;
}
