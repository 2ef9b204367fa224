/* ttf.c - see ttf.h. */
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
