/* resolve.c - after every file is read: duplicate ids, references to
 * roles, categories and questions, and the corpus order. */
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "corpus/text.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct id_entry {
	const char *id;
	size_t idx;
} id_entry;

/* Ids of one kind, sorted by (id, declaration index). */
typedef struct id_index {
	id_entry *e;
	size_t n;
	int incomplete; /* a declaration has no (valid) id: an unknown
	                 * reference may name it, and is not reported */
} id_index;

static int cmp_entry(const void *pa, const void *pb)
{
	const id_entry *a = pa, *b = pb;
	int r = strcmp(a->id, b->id);
	if (r)
		return r;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void index_build(id_index *x,
                        const char *(*get)(const sp_corpus *, size_t),
                        const sp_corpus *c, size_t n)
{
	x->e = xcalloc(n ? n : 1, sizeof *x->e);
	x->n = 0;
	x->incomplete = 0;
	for (size_t i = 0; i < n; i++) {
		const char *id = get(c, i);
		if (id)
			x->e[x->n++] = (id_entry){id, i};
		else
			x->incomplete = 1;
	}
	qsort(x->e, x->n, sizeof *x->e, cmp_entry);
}

/* Declaration index of the first `id`, or -1. */
static long index_find(const id_index *x, const char *id)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(x->e[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->n && !strcmp(x->e[lo].id, id))
		return (long)x->e[lo].idx;
	return -1;
}

static size_t file_index(const loader *L, const char *fname)
{
	for (size_t i = L->c->nfiles; i-- > 0;)
		if (L->c->files[i] == fname)
			return i;
	return LD_NO_FILE;
}

static void report_duplicates(loader *L, const id_index *x, const char *kind,
                              sp_loc (*loc)(const sp_corpus *, size_t))
{
	size_t j = 0; /* start of the run of equal ids */
	for (size_t i = 1; i < x->n; i++) {
		if (strcmp(x->e[j].id, x->e[i].id)) {
			j = i;
			continue;
		}
		sp_loc first = loc(L->c, x->e[j].idx);
		sp_loc here = loc(L->c, x->e[i].idx);
		char where[512];
		ld_loc_string(L, first, where, sizeof where);
		ld_report(L, file_index(L, here.file), SP_ERROR, here.line,
		          here.col, "duplicate %s id '%s' (first at %s)", kind,
		          x->e[i].id, where);
	}
}

static const char *role_id(const sp_corpus *c, size_t i)
{
	return c->roles[i].id;
}
static const char *cat_id(const sp_corpus *c, size_t i)
{
	return c->categories[i].id;
}
static const char *q_id(const sp_corpus *c, size_t i)
{
	return c->questions[i].id;
}
static sp_loc role_loc(const sp_corpus *c, size_t i)
{
	return c->roles[i].loc;
}
static sp_loc cat_loc(const sp_corpus *c, size_t i)
{
	return c->categories[i].loc;
}
static sp_loc q_loc(const sp_corpus *c, size_t i)
{
	return c->questions[i].loc;
}

/* "undeclared role 'x' (did you mean 'y'?)" or "(declared: a, b)". */
static void undeclared(loader *L, const ld_ref *r, const char *kind,
                       const id_index *x)
{
	if (x->incomplete)
		return; /* the declaration without an id was reported */
	sp_buf b = SP_BUF_INIT;
	size_t best = (size_t)-1, bi = 0;
	for (size_t i = 0; i < x->n; i++) {
		size_t d = text_distance(r->id, x->e[i].id);
		if (d < best) {
			best = d;
			bi = i;
		}
	}
	if (x->n && best <= (strlen(r->id) <= 3 ? 1u : 2u))
		buf_printf(&b, " (did you mean '%s'?)", x->e[bi].id);
	else if (x->n == 0)
		buf_printf(&b, " (no %s is declared)", kind);
	else if (x->n <= 10 && strcmp(kind, "question")) {
		buf_puts(&b, " (declared:");
		for (size_t i = 0; i < x->n; i++)
			if (!i || strcmp(x->e[i - 1].id, x->e[i].id))
				buf_printf(&b, "%s %s", i ? "," : "",
				           x->e[i].id);
		buf_puts(&b, ")");
	}
	ld_error_ref(L, r, "undeclared %s '%s'%s", kind, r->id,
	             b.data ? b.data : "");
	buf_free(&b);
}

static void resolve_roles(loader *L, const id_index *roles, sp_question *q,
                          const ld_qrefs *qr)
{
	q->roles = xcalloc(qr->nroles ? qr->nroles : 1, sizeof *q->roles);
	for (size_t i = 0; i < qr->nroles; i++) {
		long r = index_find(roles, qr->roles[i].id);
		if (r < 0) {
			undeclared(L, &qr->roles[i], "role", roles);
			continue;
		}
		int dup = 0;
		for (size_t j = 0; j < q->nroles; j++)
			dup |= q->roles[j] == (size_t)r;
		if (dup)
			ld_warning_ref(L, &qr->roles[i],
			               "role '%s' is listed twice",
			               qr->roles[i].id);
		else
			q->roles[q->nroles++] = (size_t)r;
	}
}

static void resolve_question(loader *L, const id_index *roles,
                             const id_index *cats, size_t qi)
{
	sp_question *q = &L->c->questions[qi];
	const ld_qrefs *qr = &L->qrefs[qi];
	if (qr->category.id) {
		long ci = index_find(cats, qr->category.id);
		if (ci < 0)
			undeclared(L, &qr->category, "category", cats);
		else
			q->category = (size_t)ci;
	}
	resolve_roles(L, roles, q, qr);
}

static void resolve_related(loader *L, const id_index *qs, size_t qi)
{
	sp_question *q = &L->c->questions[qi];
	const ld_qrefs *qr = &L->qrefs[qi];
	q->related =
	    xcalloc(qr->nrelated ? qr->nrelated : 1, sizeof *q->related);
	for (size_t i = 0; i < qr->nrelated; i++) {
		const ld_ref *r = &qr->related[i];
		long x = index_find(qs, r->id);
		if (x < 0)
			undeclared(L, r, "question", qs);
		else if ((size_t)x == qi)
			ld_warning_ref(
			    L, r, "question '%s' is related to itself", r->id);
		else
			q->related[q->nrelated++] = (size_t)x;
	}
}

void ld_resolve(loader *L)
{
	sp_corpus *c = L->c;
	id_index roles, cats, qs;
	index_build(&roles, role_id, c, c->nroles);
	index_build(&cats, cat_id, c, c->ncategories);
	report_duplicates(L, &roles, "role", role_loc);
	report_duplicates(L, &cats, "category", cat_loc);
	for (size_t i = 0; i < c->nquestions; i++)
		resolve_question(L, &roles, &cats, i);
	ld_sort(L);
	index_build(&qs, q_id, c, c->nquestions);
	report_duplicates(L, &qs, "question", q_loc);
	for (size_t i = 0; i < c->nquestions; i++)
		resolve_related(L, &qs, i);
	free(roles.e);
	free(cats.e);
	free(qs.e);
}
