/* ttf.c - see ttf.h. */
#include <string.h>

#include "pdf/ttf.h"

void ttf_components(const uint8_t *glyph, size_t len,
                    void (*fn)(void *ud, unsigned g), void *ud)
{
	if (len < 10 || !(ttf_u16(glyph) & 0x8000u))
		return; /* empty or simple (numberOfContours >= 0) */
	size_t i = 10;
	for (;;) {
		if (i + 4 > len)
			break;
		unsigned flags = ttf_u16(glyph + i);
		fn(ud, ttf_u16(glyph + i + 2));
		i += 4 + ((flags & 0x0001) ? 4 : 2); /* ARG_1_AND_2_ARE_WORDS */
		if (flags & 0x0008)                  /* WE_HAVE_A_SCALE */
			i += 2;
		else if (flags & 0x0040) /* WE_HAVE_AN_X_AND_Y_SCALE */
			i += 4;
		else if (flags & 0x0080) /* WE_HAVE_A_TWO_BY_TWO */
			i += 8;
		if (!(flags & 0x0020)) /* MORE_COMPONENTS */
			break;
	}
}

/* The end of a composite glyph's component records (where its
 * instructions start), or 0 when they run past len. */
static size_t components_end(const uint8_t *glyph, size_t len)
{
	size_t i = 10;
	for (;;) {
		if (i + 4 > len)
			return 0;
		unsigned flags = ttf_u16(glyph + i);
		i += 4 + ((flags & 0x0001) ? 4 : 2);
		if (flags & 0x0008)
			i += 2;
		else if (flags & 0x0040)
			i += 4;
		else if (flags & 0x0080)
			i += 8;
		if (i > len)
			return 0;
		if (!(flags & 0x0020))
			return i;
	}
}

static size_t composite_unhinted(const uint8_t *glyph, size_t len, uint8_t *out)
{
	size_t end = components_end(glyph, len);
	if (!end) {
		memcpy(out, glyph, len);
		return len;
	}
	memcpy(out, glyph, end);
	for (size_t i = 10;;) { /* clear WE_HAVE_INSTRUCTIONS everywhere */
		unsigned flags = ttf_u16(out + i) & ~0x0100u;
		out[i] = (uint8_t)(flags >> 8);
		out[i + 1] = (uint8_t)flags;
		i += 4 + ((flags & 0x0001) ? 4 : 2);
		i += (flags & 0x0008)   ? 2
		     : (flags & 0x0040) ? 4
		     : (flags & 0x0080) ? 8
		                        : 0;
		if (!(flags & 0x0020))
			return end;
	}
}

size_t ttf_unhinted(const uint8_t *glyph, size_t len, uint8_t *out)
{
	if (len < 10) {
		memcpy(out, glyph, len);
		return len;
	}
	if (ttf_u16(glyph) & 0x8000u)
		return composite_unhinted(glyph, len, out);
	size_t at = 10 + 2 * (size_t)ttf_u16(glyph); /* instructionLength */
	size_t n = at + 2 <= len ? ttf_u16(glyph + at) : 0;
	if (at + 2 > len || at + 2 + n > len || n == 0) {
		memcpy(out, glyph, len);
		return len;
	}
	memcpy(out, glyph, at);
	out[at] = out[at + 1] = 0;
	memcpy(out + at + 2, glyph + at + 2 + n, len - at - 2 - n);
	return len - n;
}
