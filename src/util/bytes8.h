/* bytes8.h - tests on eight bytes at a time, for the scanners that walk
 * every byte of a corpus (UTF-8 checks, control characters,
 * punctuation): a word of text is loaded and asked at once whether any
 * of its bytes is of interest, so that the common case (plain ASCII
 * with nothing to do) costs a few instructions per eight bytes.
 *
 * Each test is exact: it is non-zero if and only if some byte of the
 * word matches (bytes8_below and bytes8_has only for words without
 * high bytes, where the borrows of the subtraction cannot make a false
 * match); bytes8_eq gives the matching bytes themselves. */
#ifndef SP_UTIL_BYTES8_H
#define SP_UTIL_BYTES8_H

#include <stdint.h>
#include <string.h>

#define BYTES8_ONES 0x0101010101010101ull
#define BYTES8_HIGH 0x8080808080808080ull

/* The eight bytes at p (any alignment). */
static inline uint64_t bytes8_load(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

/* Non-zero if some byte is 0x80 or above. */
static inline uint64_t bytes8_high(uint64_t x)
{
	return x & BYTES8_HIGH;
}

/* Non-zero if some byte is below n (n <= 0x80), for x without high
 * bytes. */
static inline uint64_t bytes8_below(uint64_t x, unsigned n)
{
	return (x - BYTES8_ONES * n) & ~x & BYTES8_HIGH;
}

/* Non-zero if some byte equals c (c < 0x80), for x without high
 * bytes. */
static inline uint64_t bytes8_has(uint64_t x, unsigned c)
{
	return bytes8_below(x ^ (BYTES8_ONES * c), 1);
}

/* Non-zero if all eight bytes are printable ASCII (0x20..0x7E). */
static inline int bytes8_printable(uint64_t x)
{
	return !bytes8_high(x) && !bytes8_below(x, 0x20) &&
	       !bytes8_has(x, 0x7F);
}

/* 0x80 in each byte of x that equals c, 0 in the others (exact, for
 * any bytes). */
static inline uint64_t bytes8_eq(uint64_t x, unsigned char c)
{
	const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
	uint64_t y = x ^ (BYTES8_ONES * c);
	return ~(((y & low7) + low7) | y | low7);
}

#endif
