/* test_arena.c - the bump allocator: zeroed, aligned, separate objects;
 * requests larger than a block; arrays grown in place of xgrow. */
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

int main(void)
{
	test_alloc();
	test_grow();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
