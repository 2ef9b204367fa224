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
#include "import/strmap.h"
#include "util/buf.h"
#include "util/mem.h"

#define ID_WORDS 6
#define ID_BYTES 48

/* Ids taken: id -> the next suffix to try when it is wanted again. */
typedef imp_strmap id_set;

static int set_has(const id_set *s, const char *id)
{
	return imp_strmap_get(s, id) != NULL;
}

static void set_add(id_set *s, const char *id)
{
	imp_strmap_put(s, id, 2);
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
	         (unsigned long)(imp_strhash(q->question) & 0xffffffffUL));
	return s;
}

/* id, or id-K for the first K from 2 that is free (the base remembers
 * where to start next time). */
static char *unique(id_set *s, char *id)
{
	size_t *next = imp_strmap_get(s, id);
	if (!next)
		return id;
	sp_buf b = SP_BUF_INIT;
	for (size_t k = *next;; k++) {
		buf_clear(&b);
		buf_printf(&b, "%s-%zu", id, k);
		if (!set_has(s, b.data)) {
			*imp_strmap_get(s, id) = k + 1;
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
	id_set s = {NULL, 0, 0};
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
	imp_strmap_free(&s);
}
