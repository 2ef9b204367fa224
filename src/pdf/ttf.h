/* ttf.h - reading TrueType glyph records (for subsets: the components a
 * composite glyph needs, the outline without its hinting). */
#ifndef SP_PDF_TTF_H
#define SP_PDF_TTF_H

#include <stddef.h>
#include <stdint.h>

/* Big-endian numbers. */
static inline unsigned ttf_u16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t ttf_u32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Calls fn(ud, g) for each component glyph g of the glyph record `glyph`
 * (len bytes, from glyf); nothing for a simple or an empty glyph. */
void ttf_components(const uint8_t *glyph, size_t len,
                    void (*fn)(void *ud, unsigned g), void *ud);

/* The glyph record `glyph` (len bytes) without its TrueType instructions
 * (hinting), written to out (at least len bytes): a simple glyph gets an
 * instruction length of 0, a composite glyph loses the instructions
 * after its last component and its WE_HAVE_INSTRUCTIONS flags. A record
 * that cannot be read is copied as it is. Returns the bytes written. */
size_t ttf_unhinted(const uint8_t *glyph, size_t len, uint8_t *out);

#endif
