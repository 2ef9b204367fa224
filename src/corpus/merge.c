/* merge.c - several corpora read together (-c A -c B): a role or a
 * category that a later corpus declares again with the same id is the
 * same one. The first declaration stays (its name, summary and order;
 * what it leaves out is taken from the first later one that gives it);
 * the later ones are dropped from the model, with a warning when both
 * give a name and the names differ. A duplicate inside one corpus stays
 * an error: the first corpus's are left for ld_resolve() to report, a
 * later corpus's are reported here (against their first occurrence in
 * that corpus). A question id that a later corpus uses again is reported
 * here too, against the question read first (ld_resolve would compare
 * them in corpus order), and taken off the later question. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "corpus/richtext.h"
#include "util/mem.h"

/* One declaration of a role or category. */
typedef struct decl {
	const char *id, *name;
	int named;
	sp_loc loc;
	size_t part, idx; /* its corpus; its index in the model */
} decl;

/* File names (pointers into c->files) to file indexes. */
typedef struct fm_entry {
	uintptr_t name;
	size_t idx;
} fm_entry;

typedef struct merger {
	loader *L;
	fm_entry *files; /* sorted by name pointer */
	size_t nfiles;
	const char *kind; /* "role", "category" */
	/* Give declaration `to` what it lacks (name, summary, order) from
	 * `from`, which is then dropped. */
	void (*fill)(sp_corpus *c, size_t to, size_t from);
} merger;

static int cmp_decl(const void *pa, const void *pb)
{
	const decl *a = pa, *b = pb;
	int r = strcmp(a->id, b->id);
	if (r)
		return r;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int cmp_fm(const void *pa, const void *pb)
{
	const fm_entry *a = pa, *b = pb;
	return a->name < b->name ? -1 : a->name > b->name;
}

static void file_map_build(merger *M)
{
	const sp_corpus *c = M->L->c;
	M->nfiles = c->nfiles;
	M->files = xcalloc(c->nfiles ? c->nfiles : 1, sizeof *M->files);
	for (size_t i = 0; i < c->nfiles; i++)
		M->files[i] = (fm_entry){(uintptr_t)c->files[i], i};
	qsort(M->files, M->nfiles, sizeof *M->files, cmp_fm);
}

static size_t file_of(const merger *M, sp_loc loc)
{
	fm_entry key = {(uintptr_t)loc.file, 0};
	const fm_entry *hit =
	    bsearch(&key, M->files, M->nfiles, sizeof *M->files, cmp_fm);
	return hit ? hit->idx : LD_NO_FILE;
}

static size_t part_of(const merger *M, sp_loc loc)
{
	size_t f = file_of(M, loc);
	return f == LD_NO_FILE ? 0 : ld_part_of_file(M->L, f);
}

/* v duplicates first, an earlier declaration in its own corpus. */
static void report_duplicate(merger *M, const decl *v, const decl *first)
{
	char where[512];
	ld_loc_string(M->L, first->loc, where, sizeof where);
	ld_report(M->L, file_of(M, v->loc), SP_ERROR, v->loc.line, v->loc.col,
	          "duplicate %s id '%s' (first at %s)", M->kind, v->id, where);
}

/* v, in a later corpus, names first's id differently. */
static void report_renamed(merger *M, const decl *v, const decl *first)
{
	char where[512];
	ld_loc_string(M->L, first->loc, where, sizeof where);
	ld_report(M->L, file_of(M, v->loc), SP_WARNING, v->loc.line, v->loc.col,
	          "%s '%s' is already declared as '%s' at %s; that name is "
	          "used, not '%s'",
	          M->kind, v->id, first->name, where, v->name);
}

/* The run v[0..n) of one id, in declaration order (so each corpus's
 * declarations are together): which to drop (keep[idx] = 0). */
static void merge_run(merger *M, decl *v, size_t n, char *keep)
{
	size_t part_start = 0; /* first of v's current corpus */
	for (size_t k = 1; k < n; k++) {
		if (v[k].part != v[k - 1].part)
			part_start = k;
		if (v[k].part == v[0].part)
			continue; /* ld_resolve reports it */
		keep[v[k].idx] = 0;
		if (part_start != k) {
			report_duplicate(M, &v[k], &v[part_start]);
			continue;
		}
		if (v[k].named && v[0].named && strcmp(v[k].name, v[0].name))
			report_renamed(M, &v[k], &v[0]);
		M->fill(M->L->c, v[0].idx, v[k].idx);
		if (!v[0].named && v[k].named) { /* the name moved */
			v[0].name = v[k].name;
			v[0].named = 1;
		}
	}
}

/* keep[i] for each of the n declarations v (1 = stays); v is sorted. */
static char *merge_decls(merger *M, decl *v, size_t n)
{
	char *keep = xmalloc(n ? n : 1);
	memset(keep, 1, n ? n : 1);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].id)
			v[m++] = v[i];
	qsort(v, m, sizeof *v, cmp_decl);
	for (size_t i = 0; i < m;) {
		size_t j = i + 1;
		while (j < m && !strcmp(v[i].id, v[j].id))
			j++;
		merge_run(M, v + i, j - i, keep);
		i = j;
	}
	return keep;
}

static void fill_role(sp_corpus *c, size_t to, size_t from)
{
	sp_role *a = &c->roles[to], *b = &c->roles[from];
	if (!a->named && b->named) {
		free(a->name);
		a->name = b->name;
		a->named = 1;
		b->name = NULL;
	}
	if (!a->summary.nblocks && b->summary.nblocks) {
		richtext_free(&a->summary);
		a->summary = b->summary;
		memset(&b->summary, 0, sizeof b->summary);
	}
}

static void merge_roles(merger *M)
{
	sp_corpus *c = M->L->c;
	M->kind = "role";
	M->fill = fill_role;
	decl *v = xcalloc(c->nroles ? c->nroles : 1, sizeof *v);
	for (size_t i = 0; i < c->nroles; i++) {
		sp_role *r = &c->roles[i];
		v[i] = (decl){
		    r->id, r->name, r->named, r->loc, part_of(M, r->loc), i};
	}
	char *keep = merge_decls(M, v, c->nroles);
	size_t w = 0;
	for (size_t i = 0; i < c->nroles; i++) {
		sp_role *r = &c->roles[i];
		if (keep[i]) {
			c->roles[w++] = *r;
			continue;
		}
		free(r->id);
		free(r->name);
		richtext_free(&r->summary);
	}
	c->nroles = w;
	free(keep);
	free(v);
}

static void fill_category(sp_corpus *c, size_t to, size_t from)
{
	sp_category *a = &c->categories[to], *b = &c->categories[from];
	if (!a->named && b->named) {
		free(a->name);
		a->name = b->name;
		a->named = 1;
		b->name = NULL;
	}
	if (!a->summary.nblocks && b->summary.nblocks) {
		richtext_free(&a->summary);
		a->summary = b->summary;
		memset(&b->summary, 0, sizeof b->summary);
	}
	if (!a->has_order && b->has_order) {
		a->order = b->order;
		a->has_order = 1;
	}
}

static void merge_categories(merger *M)
{
	sp_corpus *c = M->L->c;
	M->kind = "category";
	M->fill = fill_category;
	decl *v = xcalloc(c->ncategories ? c->ncategories : 1, sizeof *v);
	for (size_t i = 0; i < c->ncategories; i++) {
		sp_category *k = &c->categories[i];
		v[i] = (decl){
		    k->id, k->name, k->named, k->loc, part_of(M, k->loc), i};
	}
	char *keep = merge_decls(M, v, c->ncategories);
	size_t w = 0;
	for (size_t i = 0; i < c->ncategories; i++) {
		sp_category *k = &c->categories[i];
		if (keep[i]) {
			c->categories[w++] = *k; /* `first` keeps the order */
			continue;
		}
		free(k->id);
		free(k->name);
		richtext_free(&k->summary);
	}
	c->ncategories = w;
	free(keep);
	free(v);
}

/* Question ids used by more than one corpus: reported against the
 * question read first, and taken off the later ones. */
static void merge_questions(merger *M)
{
	sp_corpus *c = M->L->c;
	M->kind = "question";
	size_t n = c->nquestions, m = 0;
	decl *v = xcalloc(n ? n : 1, sizeof *v);
	char *drop = xcalloc(n ? n : 1, 1);
	for (size_t i = 0; i < n; i++) {
		sp_question *q = &c->questions[i];
		if (q->id)
			v[m++] = (decl){q->id, NULL, 0, q->loc, q->part, i};
	}
	qsort(v, m, sizeof *v, cmp_decl);
	for (size_t i = 1, first = 0; i < m; i++) {
		if (strcmp(v[first].id, v[i].id)) {
			first = i;
		} else if (v[i].part != v[first].part) {
			report_duplicate(M, &v[i], &v[first]);
			drop[v[i].idx] = 1;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (drop[i]) {
			free(c->questions[i].id);
			c->questions[i].id = NULL;
		}
	free(drop);
	free(v);
}

void ld_merge_parts(loader *L)
{
	merger M = {L, NULL, 0, NULL, NULL};
	file_map_build(&M);
	merge_roles(&M);
	merge_categories(&M);
	merge_questions(&M);
	free(M.files);
}
