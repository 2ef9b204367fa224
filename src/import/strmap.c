/* strmap.c - string to number map (see strmap.h). */
#include "import/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

unsigned long long imp_strhash(const char *s)
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

void imp_strmap_free(imp_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slot[i].key);
	free(m->slot);
	memset(m, 0, sizeof *m);
}

static struct imp_strmap_slot *find(const imp_strmap *m, const char *key)
{
	size_t mask = m->cap - 1;
	for (size_t i = (size_t)imp_strhash(key) & mask;; i = (i + 1) & mask)
		if (!m->slot[i].key || !strcmp(m->slot[i].key, key))
			return &m->slot[i];
}

size_t *imp_strmap_get(const imp_strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	struct imp_strmap_slot *s = find(m, key);
	return s->key ? &s->value : NULL;
}

static void grow(imp_strmap *m)
{
	imp_strmap bigger = {NULL, m->cap ? m->cap * 2 : 64, 0};
	bigger.slot = xcalloc(bigger.cap, sizeof *bigger.slot);
	for (size_t i = 0; i < m->cap; i++)
		if (m->slot[i].key) {
			*find(&bigger, m->slot[i].key) = m->slot[i];
			bigger.n++;
		}
	free(m->slot);
	*m = bigger;
}

size_t *imp_strmap_put(imp_strmap *m, const char *key, size_t value)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	struct imp_strmap_slot *s = find(m, key);
	if (!s->key) {
		s->key = xstrdup(key);
		s->value = value;
		m->n++;
	}
	return &s->value;
}
