/* select.c - choose and order questions: filters (OR within an option,
 * AND across), --only, --exclude, seeded shuffle, --count. */
#include "corpus/select.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"
#include "util/strset.h"

void selection_opts_init(sp_selection_opts *o)
{
	memset(o, 0, sizeof *o);
	o->count = -1;
}

void strlist_free(sp_strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void selection_opts_free(sp_selection_opts *o)
{
	strlist_free(&o->roles);
	strlist_free(&o->categories);
	strlist_free(&o->topics);
	strlist_free(&o->levels);
	strlist_free(&o->only);
	strlist_free(&o->exclude);
}

void strlist_add_csv(sp_strlist *l, const char *csv)
{
	const char *p = csv;
	while (*p) {
		const char *e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		const char *a = p, *b = e;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b > a) {
			l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
			l->v[l->n++] = xstrndup(a, (size_t)(b - a));
		}
		p = *e ? e + 1 : e;
	}
}

/* ---- the known values of each option ---- */

/* Each kind in order of first appearance (the order error messages list
 * them in), hashed: a corpus of 20,000 questions has 20,000 ids. */
typedef struct knowns {
	sp_strset roles, cats, topics, levels, ids;
	size_t *id_question; /* ids.v[k] is the id of question id_question[k]
	                      * (its first, if a corpus repeats one) */
} knowns;

static void knowns_build(knowns *k, const sp_corpus *c)
{
	memset(k, 0, sizeof *k);
	for (size_t i = 0; i < c->nroles; i++)
		strset_add(&k->roles, c->roles[i].id);
	for (size_t i = 0; i < c->ncategories; i++)
		strset_add(&k->cats, c->categories[i].id);
	for (sp_level l = LEVEL_JUNIOR; l <= LEVEL_SENIOR; l++)
		strset_add(&k->levels, corpus_level_name(l));
	k->id_question =
	    xcalloc(c->nquestions ? c->nquestions : 1, sizeof *k->id_question);
	for (size_t i = 0; i < c->nquestions; i++) {
		const sp_question *q = &c->questions[i];
		size_t n = k->ids.n;
		if (strset_add(&k->ids, q->id) == n)
			k->id_question[n] = i;
		for (size_t j = 0; j < q->ntopics; j++)
			strset_add(&k->topics, q->topics[j]);
	}
}

static void knowns_free(knowns *k)
{
	strset_free(&k->roles);
	strset_free(&k->cats);
	strset_free(&k->topics);
	strset_free(&k->levels);
	strset_free(&k->ids);
	free(k->id_question);
}

/* Report every value of l that k lacks; returns how many. */
static int check_values(const sp_strlist *l, const sp_strset *k,
                        const char *what, sp_diag *d)
{
	int bad = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (strset_find(k, l->v[i]) >= 0)
			continue;
		sp_buf b = SP_BUF_INIT;
		for (size_t j = 0; j < k->n; j++)
			buf_printf(&b, "%s%s", j ? ", " : "", k->v[j]);
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "unknown %s '%s' (known: %s)", what, l->v[i],
		           k->n ? b.data : "none");
		buf_free(&b);
		bad++;
	}
	return bad;
}

static int check_all(const sp_selection_opts *o, const knowns *k, sp_diag *d)
{
	int bad = check_values(&o->roles, &k->roles, "role", d);
	bad += check_values(&o->categories, &k->cats, "category", d);
	bad += check_values(&o->topics, &k->topics, "topic", d);
	bad += check_values(&o->levels, &k->levels, "level", d);
	bad += check_values(&o->only, &k->ids, "question id", d);
	bad += check_values(&o->exclude, &k->ids, "question id", d);
	return bad;
}

/* ---- matching ---- */

static int in_list(const sp_strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (s && !strcmp(l->v[i], s))
			return 1;
	return 0;
}

static int match_roles(const sp_corpus *c, const sp_question *q,
                       const sp_strlist *l)
{
	if (!l->n || !q->nroles) /* no roles: every role */
		return 1;
	for (size_t i = 0; i < q->nroles; i++)
		if (in_list(l, c->roles[q->roles[i]].id))
			return 1;
	return 0;
}

static int match_topics(const sp_question *q, const sp_strlist *l)
{
	if (!l->n)
		return 1;
	for (size_t i = 0; i < q->ntopics; i++)
		if (in_list(l, q->topics[i]))
			return 1;
	return 0;
}

/* excluded[i]: question i is named by --exclude (NULL: none is). */
static int matches(const sp_corpus *c, size_t i, const sp_selection_opts *o,
                   const unsigned char *excluded)
{
	const sp_question *q = &c->questions[i];
	if (!match_roles(c, q, &o->roles) || !match_topics(q, &o->topics))
		return 0;
	if (o->categories.n &&
	    !in_list(&o->categories, c->categories[q->category].id))
		return 0;
	if (o->levels.n && !in_list(&o->levels, corpus_level_name(q->level)))
		return 0;
	return !(excluded && excluded[i]);
}

/* The questions --exclude names (every value is a known id by now), or
 * NULL without --exclude. */
static unsigned char *excluded_set(const sp_corpus *c, const knowns *k,
                                   const sp_selection_opts *o)
{
	if (!o->exclude.n)
		return NULL;
	unsigned char *x = xcalloc(c->nquestions ? c->nquestions : 1, 1);
	for (size_t i = 0; i < o->exclude.n; i++) {
		long id = strset_find(&k->ids, o->exclude.v[i]);
		if (id >= 0)
			x[k->id_question[id]] = 1;
	}
	return x;
}

/* Candidates in order: --only's order (each question once), else corpus
 * order. */
static size_t candidates(const sp_corpus *c, const knowns *k,
                         const sp_selection_opts *o, size_t *v)
{
	size_t n = 0;
	if (!o->only.n) {
		for (size_t i = 0; i < c->nquestions; i++)
			v[n++] = i;
		return n;
	}
	unsigned char *taken = xcalloc(c->nquestions ? c->nquestions : 1, 1);
	for (size_t i = 0; i < o->only.n; i++) {
		long id = strset_find(&k->ids, o->only.v[i]);
		if (id < 0)
			continue;
		size_t q = k->id_question[id];
		if (!taken[q])
			v[n++] = q;
		taken[q] = 1;
	}
	free(taken);
	return n;
}

int corpus_select(const sp_corpus *c, const sp_selection_opts *o, size_t **out,
                  size_t *nout, sp_diag *d)
{
	knowns k;
	knowns_build(&k, c);
	*out = NULL;
	*nout = 0;
	if (check_all(o, &k, d)) {
		knowns_free(&k);
		return -1;
	}
	size_t cap = c->nquestions > o->only.n ? c->nquestions : o->only.n;
	size_t *v = xcalloc(cap ? cap : 1, sizeof *v);
	size_t n = candidates(c, &k, o, v), w = 0;
	unsigned char *excluded = excluded_set(c, &k, o);
	knowns_free(&k);
	for (size_t i = 0; i < n; i++)
		if (matches(c, v[i], o, excluded))
			v[w++] = v[i];
	free(excluded);
	if (o->has_seed && !o->only.n) { /* --only fixes the order */
		sp_rng r;
		rng_seed(&r, o->seed);
		rng_shuffle(&r, v, w);
	}
	if (o->count >= 0 && (size_t)o->count < w)
		w = (size_t)o->count;
	*out = v;
	*nout = w;
	return 0;
}
