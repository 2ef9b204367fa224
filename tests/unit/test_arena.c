/* test_arena.c - the bump allocator: zeroed, aligned, separate objects;
 * requests larger than a block; arrays grown in place of xgrow; the
 * blocks before a mark freed while the later ones stay. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "util/arena.h"

static void test_alloc(void)
{
	sp_arena a = SP_ARENA_INIT;
	unsigned char *p[1000];
	int bad = 0;
	for (int i = 0; i < 1000; i++) {
		size_t n = (size_t)(i % 37) + 1;
		p[i] = arena_calloc(&a, n);
		bad += (uintptr_t)p[i] % alignof(max_align_t) != 0;
		for (size_t k = 0; k < n; k++)
			bad += p[i][k] != 0;
		memset(p[i], i & 0xff, n);
	}
	for (int i = 0; i < 1000; i++) /* nothing overlapped */
		for (size_t k = 0; k < (size_t)(i % 37) + 1; k++)
			bad += p[i][k] != (i & 0xff);
	CHECK(bad == 0);
	char *big = arena_calloc(&a, 200000); /* over a block */
	big[199999] = 'x';
	CHECK(big[0] == 0);
	char *s = arena_strndup(&a, "hello, world", 5);
	CHECK_STR(s, "hello");
	CHECK_STR(arena_strndup(&a, "", 0), "");
	arena_free(&a);
	CHECK(a.head == NULL && a.used == 0);
	arena_free(&a); /* twice is fine */
}

static void test_grow(void)
{
	sp_arena a = SP_ARENA_INIT;
	int *v = NULL;
	size_t cap = 0;
	for (int i = 0; i < 100000; i++) {
		v = arena_grow(&a, v, &cap, (size_t)i + 1, sizeof *v);
		v[i] = i;
	}
	int bad = 0;
	for (int i = 0; i < 100000; i++)
		bad += v[i] != i;
	CHECK(bad == 0);
	CHECK(cap >= 100000 && cap < 200000);
	arena_free(&a);
}

static size_t blocks(const sp_arena *a)
{
	size_t n = 0;
	for (const struct sp_arena_block *b = a->head; b;
	     b = *(struct sp_arena_block *const *)b) /* older is first */
		n++;
	return n;
}

static void test_older(void)
{
	sp_arena a = SP_ARENA_INIT;
	CHECK(arena_mark(&a) == NULL);
	arena_free_older(arena_mark(&a)); /* nothing to free */
	for (int i = 0; i < 3000; i++)    /* about three blocks */
		memset(arena_calloc(&a, 64), 1, 64);
	struct sp_arena_block *mark = arena_mark(&a);
	CHECK(mark != NULL && blocks(&a) >= 3);
	char *kept[3000];
	for (int i = 0; i < 3000; i++) {
		kept[i] = arena_calloc(&a, 64);
		memset(kept[i], i & 0x7f, 64);
	}
	size_t before = blocks(&a);
	arena_free_older(mark); /* ASan: nothing after the mark is touched */
	size_t after = blocks(&a);
	CHECK(after < before && after >= 2);
	int bad = 0;
	for (int i = 0; i < 3000; i++)
		for (int k = 0; k < 64; k++)
			bad += kept[i][k] != (i & 0x7f);
	CHECK(bad == 0);
	arena_free_older(mark); /* again: nothing older is left */
	CHECK(blocks(&a) == after);
	arena_free(&a);
	CHECK(a.head == NULL);
}

int main(void)
{
	test_alloc();
	test_grow();
	test_older();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
