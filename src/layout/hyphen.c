/* hyphen.c - libhyphen (hnj_hyphen_hyphenate3) with a per-word cache.
 *
 * Words repeat a lot in a book, so results are kept in an open-addressing
 * hash table keyed by the lowercase word. */
#include "layout/hyphen.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define HYPH_CACHE_MAX (1u << 20) /* entries; the cache is reset beyond */

typedef struct hyph_entry {
	char *word; /* NULL = empty slot */
	size_t len;
	uint64_t mask;
} hyph_entry;

struct hyph {
	HyphenDict *dict;
	hyph_entry *tab;
	size_t cap, n; /* cap is a power of two */
};

hyph *hyph_new(const char *path)
{
	if (!path)
		return NULL;
	HyphenDict *d = hnj_hyphen_load(path);
	if (!d)
		return NULL;
	hyph *h = xcalloc(1, sizeof *h);
	h->dict = d;
	h->cap = 1024;
	h->tab = xcalloc(h->cap, sizeof *h->tab);
	return h;
}

static void clear_tab(hyph *h)
{
	for (size_t i = 0; i < h->cap; i++)
		free(h->tab[i].word);
	memset(h->tab, 0, h->cap * sizeof *h->tab);
	h->n = 0;
}

void hyph_free(hyph *h)
{
	if (!h)
		return;
	clear_tab(h);
	free(h->tab);
	hnj_hyphen_free(h->dict);
	free(h);
}

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t x = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		x ^= (unsigned char)s[i];
		x *= 1099511628211ull;
	}
	return x;
}

static hyph_entry *slot(hyph_entry *tab, size_t cap, const char *w, size_t len)
{
	size_t i = hash_bytes(w, len) & (cap - 1);
	while (tab[i].word &&
	       !(tab[i].len == len && memcmp(tab[i].word, w, len) == 0))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void grow(hyph *h)
{
	size_t ncap = h->cap * 2;
	hyph_entry *nt = xcalloc(ncap, sizeof *nt);
	for (size_t i = 0; i < h->cap; i++)
		if (h->tab[i].word)
			*slot(nt, ncap, h->tab[i].word, h->tab[i].len) =
			    h->tab[i];
	free(h->tab);
	h->tab = nt;
	h->cap = ncap;
}

static uint64_t compute(hyph *h, const char *word, size_t len, size_t nchars)
{
	char hy[HYPH_MAX_CHARS * 4 + 8];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	uint64_t mask = 0;
	if (hnj_hyphen_hyphenate3(h->dict, word, (int)len, hy, NULL, &rep, &pos,
	                          &cut, 2, 3, 2, 3) == 0) {
		/* hy is indexed by character for UTF-8 dictionaries */
		for (size_t i = 0; i + 1 < nchars; i++)
			if ((hy[i] & 1) && !(rep && rep[i]))
				mask |= (uint64_t)1 << i;
	}
	if (rep) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	/* enforce the minima ourselves too: 2 before, 3 after */
	for (size_t i = 0; i < nchars; i++)
		if (i + 1 < 2 || nchars - (i + 1) < 3)
			mask &= ~((uint64_t)1 << i);
	return mask;
}

uint64_t hyph_word(hyph *h, const char *word, size_t len, size_t nchars)
{
	if (!h || nchars > HYPH_MAX_CHARS || nchars < 5 ||
	    len > HYPH_MAX_CHARS * 4)
		return 0;
	hyph_entry *e = slot(h->tab, h->cap, word, len);
	if (e->word)
		return e->mask;
	uint64_t mask = compute(h, word, len, nchars);
	if (h->n >= HYPH_CACHE_MAX)
		clear_tab(h);
	if ((h->n + 1) * 2 > h->cap)
		grow(h);
	e = slot(h->tab, h->cap, word, len);
	e->word = xstrndup(word, len);
	e->len = len;
	e->mask = mask;
	h->n++;
	return mask;
}
