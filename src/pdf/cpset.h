/* cpset.h - a bit set of the BMP code points drawn with one font. */
#ifndef SP_PDF_CPSET_H
#define SP_PDF_CPSET_H

#include <stdint.h>

typedef struct pdf_cpset {
	uint8_t bits[65536 / 8];
	unsigned count; /* code points in the set */
} pdf_cpset;

static inline void cpset_add(pdf_cpset *s, uint32_t cp)
{
	if (cp < 65536 && !(s->bits[cp >> 3] & (1u << (cp & 7)))) {
		s->bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
		s->count++;
	}
}

static inline int cpset_has(const pdf_cpset *s, uint32_t cp)
{
	return cp < 65536 && (s->bits[cp >> 3] & (1u << (cp & 7)));
}

/* The smallest code point >= from in the set, or 65536 when none: a loop
 * over a set of a few hundred skips the empty bytes. */
static inline uint32_t cpset_next(const pdf_cpset *s, uint32_t from)
{
	for (uint32_t cp = from; cp < 65536;) {
		uint8_t b = s->bits[cp >> 3] >> (cp & 7);
		if (b)
			return cp + (uint32_t)__builtin_ctz(b);
		cp = (cp | 7) + 1;
	}
	return 65536;
}

#endif
