/* arena.h - a bump allocator for many small objects that die together
 * (a YAML file's node tree, a document's page texts, the paragraph
 * cache): blocks are taken from malloc and freed at once by arena_free,
 * or the blocks before a mark by arena_free_older (a document's pages
 * once drawn); nothing inside is freed one by one. Allocation failure
 * follows mem.h (print and abort). */
#ifndef SP_UTIL_ARENA_H
#define SP_UTIL_ARENA_H

#include <stddef.h>

typedef struct sp_arena {
	struct sp_arena_block *head; /* the newest block, linked to older */
	size_t used;                 /* bytes taken from head */
} sp_arena;

#define SP_ARENA_INIT                                                          \
	{                                                                      \
		NULL, 0                                                        \
	}

/* n zeroed bytes, aligned for any object. */
void *arena_calloc(sp_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *arena_strndup(sp_arena *a, const char *s, size_t n);
/* A copy of the n bytes at p (n > 0). */
void *arena_memdup(sp_arena *a, const void *p, size_t n);
/* Grow an array held in the arena as xgrow does (doubling *cap, at least
 * 8 elements): a new array is taken and the old one copied into it and
 * left in place, so the arena holds at most twice the final size. */
void *arena_grow(sp_arena *a, void *p, size_t *cap, size_t need, size_t size);
void arena_free(sp_arena *a);

/* The block allocations are taken from now (NULL before the first): a
 * mark for arena_free_older. */
struct sp_arena_block *arena_mark(const sp_arena *a);
/* Frees the blocks older than mark's, a block of an arena: everything
 * allocated before mark's block was started. NULL frees none. mark must
 * still be a block of its arena, so marks are used oldest first. */
void arena_free_older(struct sp_arena_block *mark);

#endif
