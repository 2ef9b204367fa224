/* arena.c - blocks of 64 kB (or one block for a larger request), each
 * filled front to back. */
#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define ARENA_BLOCK (64u * 1024) /* bytes of a block's payload */

struct sp_arena_block {
	struct sp_arena_block *older;
	size_t size; /* payload bytes */
	alignas(max_align_t) unsigned char data[];
};

/* n bytes, aligned, not cleared. */
static void *take(sp_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	if (n > SIZE_MAX - 2 * align - sizeof(struct sp_arena_block))
		mem_fail(SIZE_MAX); /* reports and ends the run */
	n = (n + align - 1) / align * align;
	if (!n)
		n = align;
	if (!a->head || a->head->size - a->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		struct sp_arena_block *b = xmalloc(sizeof *b + size);
		b->older = a->head;
		b->size = size;
		a->head = b;
		a->used = 0;
	}
	void *p = a->head->data + a->used;
	a->used += n;
	return p;
}

void *arena_calloc(sp_arena *a, size_t n)
{
	void *p = take(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(sp_arena *a, const char *s, size_t n)
{
	char *p = take(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *arena_memdup(sp_arena *a, const void *p, size_t n)
{
	void *c = take(a, n);
	if (n)
		memcpy(c, p, n);
	return c;
}

void *arena_grow(sp_arena *a, void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t c = mem_grown_cap(*cap, need, size);
	void *q = arena_calloc(a, c * size);
	if (*cap)
		memcpy(q, p, *cap * size);
	*cap = c;
	return q;
}

static void free_chain(struct sp_arena_block *b)
{
	while (b) {
		struct sp_arena_block *older = b->older;
		free(b);
		b = older;
	}
}

void arena_free(sp_arena *a)
{
	free_chain(a->head);
	a->head = NULL;
	a->used = 0;
}

struct sp_arena_block *arena_mark(const sp_arena *a)
{
	return a->head;
}

void arena_free_older(struct sp_arena_block *mark)
{
	if (!mark)
		return;
	free_chain(mark->older);
	mark->older = NULL;
}
