/* mem.h - allocation with one out-of-memory policy: the message
 * "studypress: out of memory (N bytes)" on stderr, then the process ends
 * at once with exit status SP_EXIT_NOMEM (documented in the man page's
 * EXIT STATUS). Outputs are written to temporary files renamed into
 * place, so nothing half-written is left. */
#ifndef SP_UTIL_MEM_H
#define SP_UTIL_MEM_H

#include <stddef.h>

#define SP_EXIT_NOMEM 4 /* exit status when memory runs out */

/* The policy itself, for a size that overflows and for memory a library
 * could not get (libyaml): n is the bytes asked for, 0 when the library
 * does not say. */
_Noreturn void mem_fail(size_t n);

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* The slow path of xgrow: p resized for need elements, *cap updated. */
void *xgrow_to(void *p, size_t *cap, size_t need, size_t size);
/* Grow an array: returns p resized to hold at least `need` elements of
 * `size` bytes, updating *cap (doubling). Inline, since most calls find
 * the room already there (the content writer and the layout call it per
 * byte or per glyph). */
static inline void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? p : xgrow_to(p, cap, need, size);
}
/* As xgrow, with a capacity that doubles from one element: for the
 * many small arrays of which most hold one or two elements (xgrow's
 * first 8 would be most of their memory). */
void *xgrow_small(void *p, size_t *cap, size_t need, size_t size);
/* The capacity (elements of size bytes) xgrow gives for need elements
 * from cap: doubled from at least 8 until it holds them; out of memory
 * (the exit status of mem.c) when that would overflow. */
size_t mem_grown_cap(size_t cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
