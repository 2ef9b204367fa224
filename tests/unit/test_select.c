/* test_select.c - the PRNG (known outputs, same on every machine) and
 * question selection. */
#include "corpus/select.h"

#include <time.h>

#include "util/buf.h"
#include "test_corpus_util.h"

static void test_rng(void)
{
	sp_rng r;
	rng_seed(&r, 0);
	CHECK(rng_next(&r) == 0x99ec5f36cb75f2b4ULL);
	CHECK(rng_next(&r) == 0xbf6e1f784956452aULL);
	CHECK(rng_next(&r) == 0x1a5f849d4933e6e0ULL);
	rng_seed(&r, 42);
	CHECK(rng_next(&r) == 0x15780b2e0c2ec716ULL);
	rng_seed(&r, 42);
	size_t v[10];
	for (size_t i = 0; i < 10; i++)
		v[i] = i;
	rng_shuffle(&r, v, 10);
	const size_t want[10] = {7, 3, 8, 9, 5, 6, 4, 1, 0, 2};
	CHECK(!memcmp(v, want, sizeof want));
	for (int i = 0; i < 1000; i++)
		CHECK(rng_below(&r, 7) < 7);
	CHECK(rng_below(&r, 1) == 0 && rng_below(&r, 0) == 0);
	CHECK(rng_hash64("hello", 0xcbf29ce484222325ULL) ==
	      0xa430d84680aabd0bULL);
}

static const char corpus_yaml[] =
    "roles: [{id: r1}, {id: r2}]\n"
    "categories: [{id: c1, order: 1}, {id: c2, order: 2}]\n"
    "questions:\n"
    "  - {id: a, question: A, category: c1, roles: [r1], level: junior,"
    " topics: [t1]}\n"
    "  - {id: b, question: B, category: c2, roles: [r2], level: senior}\n"
    "  - {id: c, question: C, category: c1, topics: [t1, t2]}\n"
    "  - {id: d, question: D, category: c2, roles: [r1, r2], level: mid}\n";

static char *run(const sp_corpus *c, sp_selection_opts *o, int *rc)
{
	static char out[256];
	size_t *v, n;
	sp_diag d;
	diag_init(&d, NULL);
	*rc = corpus_select(c, o, &v, &n, &d);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		strcat(out, c->questions[v[i]].id);
	free(v);
	selection_opts_free(o);
	selection_opts_init(o);
	return out;
}

static void test_select(void)
{
	char *msgs;
	sp_diag d;
	sp_corpus *c =
	    load_text("s.yaml", corpus_yaml, strlen(corpus_yaml), &msgs, &d);
	free(msgs);
	CHECK(c != NULL);
	if (!c)
		return;
	sp_selection_opts o;
	int rc;
	selection_opts_init(&o);
	CHECK_STR(run(c, &o, &rc), "acbd");
	strlist_add_csv(&o.roles, "r1");
	CHECK_STR(run(c, &o, &rc), "acd"); /* c has no roles: every role */
	strlist_add_csv(&o.roles, "r2");
	strlist_add_csv(&o.levels, " junior , mid");
	CHECK_STR(run(c, &o, &rc), "d"); /* r2 and (junior or mid) */
	strlist_add_csv(&o.categories, "c1");
	strlist_add_csv(&o.topics, "t2");
	CHECK_STR(run(c, &o, &rc), "c");
	strlist_add_csv(&o.only, "d,a,b");
	strlist_add_csv(&o.exclude, "a");
	CHECK_STR(run(c, &o, &rc), "db");
	o.count = 2;
	CHECK_STR(run(c, &o, &rc), "ac");
	o.has_seed = 1;
	o.seed = 7;
	char first[32];
	snprintf(first, sizeof first, "%s", run(c, &o, &rc));
	o.has_seed = 1;
	o.seed = 7;
	CHECK_STR(run(c, &o, &rc), first);
	CHECK(strlen(first) == 4);
	strlist_add_csv(&o.only, "c,a,c,d,a"); /* each once, first order */
	strlist_add_csv(&o.exclude, "d");
	CHECK_STR(run(c, &o, &rc), "ca");
	strlist_add_csv(&o.roles, "nope");
	strlist_add_csv(&o.only, "zz");
	run(c, &o, &rc);
	CHECK(rc == -1);
	corpus_free(c);
}

/* An unknown value lists the known ones in order of first appearance. */
static void test_unknown_lists(void)
{
	char *msgs;
	sp_diag d;
	sp_corpus *c =
	    load_text("s.yaml", corpus_yaml, strlen(corpus_yaml), &msgs, &d);
	free(msgs);
	CHECK(c != NULL);
	if (!c)
		return;
	sp_selection_opts o;
	selection_opts_init(&o);
	strlist_add_csv(&o.topics, "t3");
	strlist_add_csv(&o.exclude, "e");
	char *out = NULL;
	size_t size;
	FILE *f = open_memstream(&out, &size);
	diag_init(&d, f);
	size_t *v = NULL, n = 0;
	CHECK(corpus_select(c, &o, &v, &n, &d) == -1);
	fclose(f);
	CHECK(v == NULL && n == 0);
	CHECK(strstr(out, "unknown topic 't3' (known: t1, t2)") != NULL);
	CHECK(strstr(out, "unknown question id 'e' (known: a, c, b, d)") !=
	      NULL);
	free(out);
	selection_opts_free(&o);
	corpus_free(c);
}

/* 40,000 questions, each a distinct id and topic, with --only and
 * --exclude naming half of them: quadratic scans (the old known_add) take
 * seconds here, the hashed ones milliseconds. Built by hand, freed here. */
static void test_scale(void)
{
	enum { N = 40000 };
	static sp_question qs[N];
	static char ids[N][12], topics[N][12];
	static char *tp[N];
	sp_category cat = {0};
	cat.id = "c";
	sp_corpus c = {0};
	c.categories = &cat;
	c.ncategories = 1;
	c.questions = qs;
	c.nquestions = N;
	sp_selection_opts o;
	selection_opts_init(&o);
	sp_buf only = SP_BUF_INIT, ex = SP_BUF_INIT;
	for (int i = 0; i < N; i++) {
		snprintf(ids[i], sizeof ids[i], "q%d", i);
		snprintf(topics[i], sizeof topics[i], "t%d", i);
		tp[i] = topics[i];
		qs[i].id = ids[i];
		qs[i].topics = &tp[i];
		qs[i].ntopics = 1;
		if (i % 2 == 0) /* backwards: --only's order wins */
			buf_printf(&only, "%sq%d", only.len ? "," : "",
			           N - 2 - i);
		if (i % 4 == 0)
			buf_printf(&ex, "%sq%d", ex.len ? "," : "", i);
	}
	strlist_add_csv(&o.only, only.data);
	strlist_add_csv(&o.exclude, ex.data);
	buf_free(&only);
	buf_free(&ex);
	sp_diag d;
	diag_init(&d, NULL);
	size_t *v = NULL, n = 0;
	clock_t t0 = clock();
	CHECK(corpus_select(&c, &o, &v, &n, &d) == 0);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	CHECK(secs < 1.5);
	CHECK(n == N / 4); /* even ids, minus the multiples of 4 */
	int bad = 0;
	for (size_t k = 0; k < n; k++) /* N-2, N-6, ...: the ones left */
		bad += v[k] != (size_t)(N - 2 - 4 * (long)k);
	CHECK(bad == 0);
	free(v);
	selection_opts_free(&o);
}

int main(void)
{
	test_rng();
	test_select();
	test_unknown_lists();
	test_scale();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
