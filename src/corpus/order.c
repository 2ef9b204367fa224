/* order.c - put categories and questions into corpus order. */
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "util/mem.h"

typedef struct sort_key {
	long major;
	size_t minor;
	size_t idx;
} sort_key;

static int cmp_key(const void *pa, const void *pb)
{
	const sort_key *a = pa, *b = pb;
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	if (a->minor != b->minor)
		return a->minor < b->minor ? -1 : 1;
	return 0;
}

static void sort_categories(sp_corpus *c, size_t *new_pos)
{
	size_t n = c->ncategories;
	sort_key *k = xcalloc(n ? n : 1, sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (sort_key){c->categories[i].order,
		                  c->categories[i].first, i};
	qsort(k, n, sizeof *k, cmp_key);
	sp_category *sorted = xcalloc(n ? n : 1, sizeof *sorted);
	for (size_t i = 0; i < n; i++) {
		sorted[i] = c->categories[k[i].idx];
		new_pos[k[i].idx] = i;
	}
	if (n)
		memcpy(c->categories, sorted, n * sizeof *sorted);
	free(sorted);
	free(k);
}

static void sort_questions(loader *L)
{
	sp_corpus *c = L->c;
	size_t n = c->nquestions;
	sort_key *k = xcalloc(n ? n : 1, sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (sort_key){(long)c->questions[i].category,
		                  c->questions[i].file_order, i};
	qsort(k, n, sizeof *k, cmp_key);
	sp_question *qs = xcalloc(n ? n : 1, sizeof *qs);
	ld_qrefs *rs = xcalloc(n ? n : 1, sizeof *rs);
	for (size_t i = 0; i < n; i++) {
		qs[i] = c->questions[k[i].idx];
		rs[i] = L->qrefs[k[i].idx];
	}
	if (n) {
		memcpy(c->questions, qs, n * sizeof *qs);
		memcpy(L->qrefs, rs, n * sizeof *rs);
	}
	free(qs);
	free(rs);
	free(k);
}

void ld_sort(loader *L)
{
	sp_corpus *c = L->c;
	size_t *new_pos =
	    xcalloc(c->ncategories ? c->ncategories : 1, sizeof *new_pos);
	sort_categories(c, new_pos);
	for (size_t i = 0; i < c->nquestions; i++)
		if (c->questions[i].category < c->ncategories)
			c->questions[i].category =
			    new_pos[c->questions[i].category];
	free(new_pos);
	sort_questions(L);
}
