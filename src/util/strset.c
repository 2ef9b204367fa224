/* strset.c - strings in insertion order behind an open-addressed hash
 * table (FNV-1a, linear probing, grown at half full). */
#include "util/strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3u;
	}
	return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t probe(const sp_strset *set, const char *s)
{
	size_t mask = set->nslot - 1;
	size_t i = (size_t)hash_str(s) & mask;
	while (set->slot[i] && strcmp(set->v[set->slot[i] - 1], s))
		i = (i + 1) & mask;
	return i;
}

static void rehash(sp_strset *set, size_t nslot)
{
	free(set->slot);
	set->slot = xcalloc(nslot, sizeof *set->slot);
	set->nslot = nslot;
	for (size_t k = 0; k < set->n; k++)
		set->slot[probe(set, set->v[k])] = k + 1;
}

size_t strset_add(sp_strset *set, const char *s)
{
	if (2 * (set->n + 1) > set->nslot)
		rehash(set, set->nslot ? 2 * set->nslot : 16);
	size_t i = probe(set, s);
	if (set->slot[i])
		return set->slot[i] - 1;
	set->v = xgrow(set->v, &set->cap, set->n + 1, sizeof *set->v);
	set->v[set->n] = s;
	set->slot[i] = ++set->n;
	return set->n - 1;
}

long strset_find(const sp_strset *set, const char *s)
{
	if (!set->nslot)
		return -1;
	size_t i = probe(set, s);
	return set->slot[i] ? (long)(set->slot[i] - 1) : -1;
}

void strset_free(sp_strset *set)
{
	free(set->v);
	free(set->slot);
	*set = (sp_strset)SP_STRSET_INIT;
}
