/* shapecache.c - a hash table of shaped words (open addressing, at most
 * half full). Entries are allocated one by one and never move, so the
 * glyph arrays handed out stay valid. When the table reaches its cap
 * (hostile input: millions of distinct words) it is emptied into a list
 * of retired entries, freed with the cache. */
#include "layout/shapecache.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

enum { CACHE_CAP = 1 << 18, FIRST_GUESS = 32 };

typedef struct entry {
	struct entry *next_retired;
	uint64_t hash;
	int face, features, rtl;
	int ok; /* the device shaped it */
	size_t len;
	size_t ng;
	sp_glyph *glyphs;
	char text[]; /* len bytes */
} entry;

struct shape_cache {
	const layout_fonts *fonts;
	entry **slot;
	size_t cap, used;
	entry *retired;
	sp_glyph *tmp;
	size_t captmp;
	char lang[36]; /* BCP 47 tag handed to the device; "" for none */
};

shape_cache *shape_cache_new(const layout_fonts *f)
{
	shape_cache *c = xcalloc(1, sizeof *c);
	c->fonts = f;
	return c;
}

static void free_entry(entry *e)
{
	free(e->glyphs);
	free(e);
}

void shape_cache_free(shape_cache *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->cap; i++)
		if (c->slot[i])
			free_entry(c->slot[i]);
	while (c->retired) {
		entry *e = c->retired;
		c->retired = e->next_retired;
		free_entry(e);
	}
	free(c->slot);
	free(c->tmp);
	free(c);
}

int shape_cache_on(const shape_cache *c)
{
	return c && c->fonts->ops->shape != NULL;
}

static uint64_t hash_key(int face, int features, int rtl, const char *s,
                         size_t n)
{
	uint64_t h =
	    1469598103934665603ull ^
	    ((uint64_t)face << 8 | (uint64_t)features << 1 | (uint64_t)rtl);
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h ^ (h >> 31);
}

static void grow(shape_cache *c)
{
	size_t ncap = c->cap ? c->cap * 2 : 1024;
	entry **ns = xcalloc(ncap, sizeof *ns);
	for (size_t i = 0; i < c->cap; i++) {
		entry *e = c->slot[i];
		if (!e)
			continue;
		size_t j = e->hash & (ncap - 1);
		while (ns[j])
			j = (j + 1) & (ncap - 1);
		ns[j] = e;
	}
	free(c->slot);
	c->slot = ns;
	c->cap = ncap;
}

/* Moves every entry to the retired list (their arrays stay valid). */
static void retire_all(shape_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		if (c->slot[i]) {
			c->slot[i]->next_retired = c->retired;
			c->retired = c->slot[i];
			c->slot[i] = NULL;
		}
	c->used = 0;
}

static entry *make_entry(shape_cache *c, uint64_t h, int face, int features,
                         int rtl, const char *text, size_t len)
{
	entry *e = xmalloc(sizeof *e + len);
	memset(e, 0, sizeof *e);
	e->hash = h;
	e->face = face;
	e->features = features;
	e->rtl = rtl;
	e->len = len;
	memcpy(e->text, text, len);
	const layout_fonts *f = c->fonts;
	size_t want = len + FIRST_GUESS;
	c->tmp = xgrow(c->tmp, &c->captmp, want, sizeof *c->tmp);
	const char *lang = c->lang[0] ? c->lang : NULL;
	long n = f->ops->shape(f->ctx, face, text, len, features, rtl, lang,
	                       c->tmp, c->captmp);
	if (n > (long)c->captmp) {
		c->tmp = xgrow(c->tmp, &c->captmp, (size_t)n, sizeof *c->tmp);
		n = f->ops->shape(f->ctx, face, text, len, features, rtl, lang,
		                  c->tmp, c->captmp);
	}
	if (n < 0 || n > (long)c->captmp)
		return e; /* not shaped */
	e->ok = 1;
	e->ng = (size_t)n;
	e->glyphs = xmalloc((e->ng ? e->ng : 1) * sizeof *e->glyphs);
	if (n)
		memcpy(e->glyphs, c->tmp, e->ng * sizeof *e->glyphs);
	return e;
}

void shape_cache_set_lang(shape_cache *c, const char *lang)
{
	if (!lang || strlen(lang) >= sizeof c->lang)
		lang = ""; /* no tag, or no language tag */
	if (!c || strcmp(c->lang, lang) == 0)
		return;
	retire_all(c); /* shaped for another language */
	memcpy(c->lang, lang, strlen(lang) + 1);
}

const char *shape_cache_lang(const shape_cache *c)
{
	return c ? c->lang : "";
}

const sp_glyph *shape_cached(shape_cache *c, int face, int features, int rtl,
                             const char *text, size_t len, size_t *n)
{
	*n = 0;
	if (!shape_cache_on(c))
		return NULL;
	uint64_t h = hash_key(face, features, rtl, text, len);
	if ((c->used + 1) * 2 > c->cap) {
		if (c->cap >= CACHE_CAP)
			retire_all(c);
		else
			grow(c);
	}
	size_t i = h & (c->cap - 1);
	for (entry *e; (e = c->slot[i]) != NULL; i = (i + 1) & (c->cap - 1))
		if (e->hash == h && e->face == face &&
		    e->features == features && e->rtl == rtl && e->len == len &&
		    memcmp(e->text, text, len) == 0) {
			*n = e->ng;
			return e->ok ? e->glyphs : NULL;
		}
	entry *e = make_entry(c, h, face, features, rtl, text, len);
	c->slot[i] = e;
	c->used++;
	*n = e->ng;
	return e->ok ? e->glyphs : NULL;
}
