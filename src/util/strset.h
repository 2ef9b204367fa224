/* strset.h - a set of strings in insertion order, with hashed lookup: the
 * index of a string is the order it was first added in. The set borrows
 * the strings (they must outlive it) and never copies them. */
#ifndef SP_UTIL_STRSET_H
#define SP_UTIL_STRSET_H

#include <stddef.h>

typedef struct sp_strset {
	const char **v; /* the strings, in the order first added */
	size_t n, cap;
	size_t *slot; /* open addressing: index + 1 into v, 0 = empty */
	size_t nslot; /* a power of two, kept over 2 * n */
} sp_strset;

#define SP_STRSET_INIT                                                         \
	{                                                                      \
		NULL, 0, 0, NULL, 0                                            \
	}

/* Adds s unless an equal string is in the set; returns its index. */
size_t strset_add(sp_strset *set, const char *s);
/* The index of the string equal to s, or -1. */
long strset_find(const sp_strset *set, const char *s);
void strset_free(sp_strset *set);

#endif
