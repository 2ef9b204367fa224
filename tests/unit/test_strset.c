/* test_strset.c - the hashed string set: indexes in insertion order,
 * repeats found, growth past many rehashes, lookups of absent strings. */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "util/strset.h"

static void test_small(void)
{
	sp_strset s = SP_STRSET_INIT;
	CHECK(strset_find(&s, "a") == -1); /* empty: no table yet */
	CHECK(strset_add(&s, "b") == 0);
	CHECK(strset_add(&s, "a") == 1);
	CHECK(strset_add(&s, "b") == 0);
	CHECK(strset_add(&s, "") == 2);
	CHECK(s.n == 3);
	CHECK_STR(s.v[0], "b");
	CHECK_STR(s.v[1], "a");
	CHECK(strset_find(&s, "a") == 1);
	CHECK(strset_find(&s, "") == 2);
	CHECK(strset_find(&s, "c") == -1);
	strset_free(&s);
	CHECK(s.n == 0 && s.v == NULL);
}

static void test_many(void)
{
	enum { N = 50000 };
	char(*names)[16] = malloc(N * sizeof *names);
	sp_strset s = SP_STRSET_INIT;
	for (int i = 0; i < N; i++) {
		snprintf(names[i], sizeof names[i], "q-%d", i);
		CHECK(strset_add(&s, names[i]) == (size_t)i);
	}
	int bad = 0;
	for (int i = 0; i < N; i++) {
		char key[16];
		snprintf(key, sizeof key, "q-%d", i); /* another pointer */
		bad += strset_find(&s, key) != i;
		bad += strset_add(&s, key) != (size_t)i;
	}
	CHECK(bad == 0);
	CHECK(s.n == N);
	CHECK(s.nslot >= 2 * s.n);
	CHECK(strset_find(&s, "q-50000") == -1);
	strset_free(&s);
	free(names);
}

int main(void)
{
	test_small();
	test_many();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
