/* ids.c - unique, stable question ids: the id a table gave, or a slug of
 * the question's first words ("tell-me-about-yourself"), made unique with
 * -2, -3 in reading order; q-HASH for a question without Latin letters or
 * digits. Then `related` ids that name no question are left out. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/text.h"
#include "import/doc.h"
#include "util/buf.h"
#include "util/mem.h"

#define ID_WORDS 6
#define ID_BYTES 48

/* A set of strings (not owned), each with a counter: open addressing. */
typedef struct id_slot {
	const char *key;
	unsigned next; /* for a base id: the next suffix to try */
} id_slot;

typedef struct id_set {
	id_slot *slot;
	size_t cap, n;
} id_set;

static uint64_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void set_init(id_set *s, size_t expected)
{
	s->cap = 16;
	while (s->cap < expected * 2 + 16)
		s->cap *= 2;
	s->slot = xcalloc(s->cap, sizeof *s->slot);
	s->n = 0;
}

static id_slot *set_find(const id_set *s, const char *id)
{
	for (size_t i = hash(id) & (s->cap - 1); s->slot[i].key;
	     i = (i + 1) & (s->cap - 1))
		if (!strcmp(s->slot[i].key, id))
			return &s->slot[i];
	return NULL;
}

static int set_has(const id_set *s, const char *id)
{
	return set_find(s, id) != NULL;
}

static void set_add(id_set *s, const char *id)
{
	size_t i = hash(id) & (s->cap - 1);
	while (s->slot[i].key)
		i = (i + 1) & (s->cap - 1);
	s->slot[i] = (id_slot){id, 2};
	s->n++;
}

/* The id a question would have, before making it unique. */
static char *base_id(const imp_q *q)
{
	char *slug = text_slugify(q->question, ID_WORDS, ID_BYTES);
	if (*slug)
		return slug;
	free(slug);
	char *s = xmalloc(24);
	snprintf(s, 24, "q-%08lx",
	         (unsigned long)(hash(q->question) & 0xffffffffUL));
	return s;
}

/* id, or id-K for the first K from 2 that is free (the base remembers
 * where to start next time). */
static char *unique(const id_set *s, char *id)
{
	id_slot *base = set_find(s, id);
	if (!base)
		return id;
	sp_buf b = SP_BUF_INIT;
	for (unsigned k = base->next;; k++) {
		buf_clear(&b);
		buf_printf(&b, "%s-%u", id, k);
		if (!set_has(s, b.data)) {
			base->next = k + 1;
			break;
		}
	}
	free(id);
	return buf_detach(&b);
}

/* Ids the sources gave: kept when unique, else made again. */
static void keep_given(imp_doc *d, id_set *s)
{
	for (size_t i = 0; i < d->nqs; i++) {
		imp_q *q = &d->qs[i];
		if (!q->id)
			continue;
		if (!set_has(s, q->id)) {
			set_add(s, q->id);
			continue;
		}
		d->rep->file = q->file;
		imp_warn(
		    d->rep, q->line,
		    "id '%s' is used by an earlier question: this one gets "
		    "another",
		    q->id);
		free(q->id);
		q->id = NULL;
	}
}

static void drop_unknown_related(imp_doc *d, const id_set *s)
{
	for (size_t i = 0; i < d->nqs; i++) {
		imp_q *q = &d->qs[i];
		size_t w = 0;
		for (size_t j = 0; j < q->related.n; j++) {
			char *r = q->related.v[j];
			if (set_has(s, r) && strcmp(r, q->id)) {
				q->related.v[w++] = r;
				continue;
			}
			d->rep->file = q->file;
			imp_warn(d->rep, q->line,
			         "related question '%s' is not in this import "
			         "(or is this one): left out",
			         r);
			free(r);
		}
		q->related.n = w;
	}
}

void imp_doc_assign_ids(imp_doc *d)
{
	id_set s;
	set_init(&s, d->nqs);
	const char *file = d->rep->file;
	keep_given(d, &s);
	for (size_t i = 0; i < d->nqs; i++) {
		imp_q *q = &d->qs[i];
		if (q->id)
			continue;
		q->id = unique(&s, base_id(q));
		set_add(&s, q->id);
	}
	drop_unknown_related(d, &s);
	d->rep->file = file;
	free(s.slot);
}
