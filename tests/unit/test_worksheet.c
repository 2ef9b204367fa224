/* test_worksheet.c - picking (--minutes, --mix, --count, seeds), variant
 * codes, slugs, and the two editions' page models (with the fake font):
 * nothing interviewer-only in the candidate edition. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fakefont.h"
#include "products/worksheet.h"
#include "util/buf.h"

#include "check.h"

static sp_diag diag;

/* 12 questions: q0..q11, minutes 1..12 except q3 (none: the default),
 * alternating categories story (STAR) and tech (three named steps). */
static sp_corpus *make_corpus(void)
{
	sp_buf b = SP_BUF_INIT;
	buf_puts(&b, "corpus: {title: T}\n"
	             "categories: [{id: story, name: Stories}, "
	             "{id: tech, name: Tech}]\n"
	             "questions:\n");
	for (int i = 0; i < 12; i++) {
		buf_printf(&b,
		           "  - id: q%d\n"
		           "    category: %s\n"
		           "    question: Visible question number %d?\n"
		           "    why: Secretwhy%d matters.\n"
		           "    answer: Secretanswer%d is the answer.\n"
		           "    tip: Secrettip%d helps.\n"
		           "    key_points: [Secretkey%d point]\n"
		           "    follow_ups: [Secretfollow%d question?]\n"
		           "    rubric: {strong: [Secretstrong%d signal], "
		           "red_flags: [Secretred%d flag]}\n",
		           i, i % 2 ? "tech" : "story", i, i, i, i, i, i, i, i);
		if (i != 3)
			buf_printf(&b, "    minutes: %d\n", i + 1);
		if (i % 2 == 0)
			buf_puts(
			    &b,
			    "    framework:\n      name: STAR\n      steps:\n"
			    "        - {label: Situation, prompt: Psit}\n"
			    "        - {label: Task, prompt: Ptask}\n"
			    "        - {label: Action, prompt: Pact}\n"
			    "        - {label: Result, prompt: Pres}\n");
		else
			buf_puts(&b,
			         "    framework:\n      name: Three steps\n"
			         "      steps:\n"
			         "        - {label: Frame, prompt: Pframe}\n"
			         "        - {label: Solve, prompt: Psolve}\n"
			         "        - {label: Check, prompt: Pcheck}\n");
	}
	sp_corpus *c = corpus_load_bytes("t.yaml", b.data, b.len, &diag);
	buf_free(&b);
	return c;
}

static int minutes_of(const sp_corpus *c, size_t q)
{
	return ws_question_minutes(&c->questions[q], NULL);
}

/* Best total of any subset of pool with sum <= lim (brute force). */
static int best_total(const sp_corpus *c, const size_t *pool, size_t n, int lim)
{
	int best = 0;
	for (unsigned long m = 0; m < (1ul << n); m++) {
		int t = 0;
		for (size_t i = 0; i < n; i++)
			if (m & (1ul << i))
				t += minutes_of(c, pool[i]);
		if (t <= lim && t > best)
			best = t;
	}
	return best;
}

static void test_minutes(const sp_corpus *c, const size_t *pool, size_t n)
{
	ws_pick_opts o;
	ws_pick_opts_init(&o);
	int distinct = 0;
	size_t *prev = NULL, nprev = 0;
	for (long lim = 1; lim <= 40; lim += 3) {
		o.minutes = lim;
		int best = best_total(c, pool, n, (int)lim);
		for (uint64_t seed = 1; seed <= 5; seed++) {
			size_t *qs = NULL, nq = 0;
			int rc = ws_pick(c, pool, n, &o, seed,
			                 sp_loc_make(NULL, 0, 0), NULL, &qs,
			                 &nq, &diag);
			CHECK(rc == 0);
			if (rc)
				continue;
			int t = 0;
			for (size_t i = 0; i < nq; i++) {
				t += minutes_of(c, qs[i]);
				if (i)
					CHECK(qs[i] >
					      qs[i - 1]); /* pool order */
			}
			CHECK(t == best);
			if (prev &&
			    (nprev != nq || memcmp(prev, qs, nq * sizeof *qs)))
				distinct++;
			free(prev);
			prev = qs;
			nprev = nq;
		}
	}
	free(prev);
	CHECK(distinct > 20); /* seeds matter */
	/* more than the pool holds, and nothing small enough */
	unsigned errs = diag.errors;
	size_t *qs = NULL, nq = 0;
	o.minutes = 1000;
	CHECK(ws_pick(c, pool, n, &o, 1, sp_loc_make(NULL, 0, 0), NULL, &qs,
	              &nq, &diag) < 0);
	size_t big[2] = {pool[10], pool[11]}; /* q9 and q11: 10 and 12 min */
	o.minutes = 9;
	CHECK(ws_pick(c, big, 2, &o, 1, sp_loc_make(NULL, 0, 0), NULL, &qs, &nq,
	              &diag) < 0);
	CHECK(diag.errors == errs + 2);
}

static void test_mix(const sp_corpus *c, const size_t *pool, size_t n)
{
	ws_pick_opts o;
	ws_pick_opts_init(&o);
	CHECK(ws_parse_mix(c, "story=2,Tech=3", &o.mix, &diag) == 0);
	CHECK(o.mix.n == 2 && o.mix.counts[0] == 2 && o.mix.counts[1] == 3);
	for (uint64_t seed = 0; seed < 20; seed++) {
		size_t *qs = NULL, nq = 0;
		CHECK(ws_pick(c, pool, n, &o, seed, sp_loc_make(NULL, 0, 0),
		              NULL, &qs, &nq, &diag) == 0);
		size_t per[2] = {0, 0};
		for (size_t i = 0; i < nq; i++)
			per[c->questions[qs[i]].category]++;
		CHECK(nq == 5 && per[0] == 2 && per[1] == 3);
		free(qs);
	}
	ws_pick_opts_free(&o);
	unsigned errs = diag.errors;
	ws_mix bad = {NULL, NULL, 0};
	CHECK(ws_parse_mix(c, "nope=1", &bad, &diag) == WS_MIX_UNKNOWN);
	CHECK(ws_parse_mix(c, "story=x", &bad, &diag) == WS_MIX_MALFORMED);
	CHECK(ws_parse_mix(c, "story", &bad, &diag) == WS_MIX_MALFORMED);
	free(bad.cats);
	free(bad.counts);
	ws_pick_opts_init(&o);
	CHECK(ws_parse_mix(c, "story=7", &o.mix, &diag) == 0);
	size_t *qs = NULL, nq = 0;
	CHECK(ws_pick(c, pool, n, &o, 1, sp_loc_make("x.csv", 4, 0), "Ann", &qs,
	              &nq, &diag) < 0); /* only 6 stories */
	CHECK(diag.errors == errs + 4);
	ws_pick_opts_free(&o);
}

static void test_count_and_seeds(const sp_corpus *c, const size_t *pool,
                                 size_t n)
{
	ws_pick_opts o;
	ws_pick_opts_init(&o);
	o.count = 4;
	size_t *a = NULL, *b = NULL, na = 0, nb = 0;
	CHECK(ws_pick(c, pool, n, &o, 42, sp_loc_make(NULL, 0, 0), NULL, &a,
	              &na, &diag) == 0);
	CHECK(ws_pick(c, pool, n, &o, 42, sp_loc_make(NULL, 0, 0), NULL, &b,
	              &nb, &diag) == 0);
	CHECK(na == 4 && nb == 4 && !memcmp(a, b, 4 * sizeof *a));
	free(a);
	free(b);
	/* no request: the whole pool, in pool order, whatever the seed */
	o.count = -1;
	CHECK(ws_pick(c, pool, n, &o, 9, sp_loc_make(NULL, 0, 0), NULL, &a, &na,
	              &diag) == 0);
	CHECK(na == n && !memcmp(a, pool, n * sizeof *a));
	free(a);

	uint64_t s1 = ws_candidate_seed(1, "17"),
	         s2 = ws_candidate_seed(1, "18");
	CHECK(s1 == ws_candidate_seed(1, "17"));
	CHECK(s1 != s2 && s1 != ws_candidate_seed(2, "17"));
	char v1[10], v2[10];
	ws_variant_code(c, s1, pool, 3, v1);
	ws_variant_code(c, s1, pool + 1, 3, v2);
	CHECK(strlen(v1) == 9 && v1[4] == '-');
	CHECK(strcmp(v1, v2) != 0);
}

static void test_slug(void)
{
	static const char *const cases[][2] = {
	    {"Jane Doe", "jane-doe"},
	    {"  Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
	     "ez ",
	     "jose-nunez"},
	    {"O'Brien, Mary-Kate", "o-brien-mary-kate"},
	    {"\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99", "candidate"},
	    {"../../etc/passwd", "etc-passwd"},
	    {"", "candidate"},
	    {"Stra\xC3\x9F"
	     "e",
	     "strasse"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = ws_slug(cases[i][0]);
		if (strcmp(s, cases[i][1])) {
			fprintf(stderr, "slug('%s') = '%s', want '%s'\n",
			        cases[i][0], s, cases[i][1]);
			failures++;
		}
		free(s);
	}
}

static char *all_text(const sp_document *d)
{
	sp_buf b = SP_BUF_INIT;
	for (size_t p = 0; p < d->npages; p++)
		for (size_t i = 0; i < d->pages[p].ntexts; i++) {
			buf_append(&b, d->pages[p].texts[i].text,
			           d->pages[p].texts[i].len);
			buf_putc(&b, ' ');
		}
	return buf_detach(&b);
}

static void test_editions(const sp_corpus *c, const size_t *pool, size_t n)
{
	layout_fonts fonts;
	fakefont_init(&fonts, NULL, 0);
	sp_template *t = template_load_bytes("t.yaml", "name: t\n", 8, &diag);
	CHECK(t != NULL);
	if (!t)
		return;
	sp_typeset r;
	memset(&r, 0, sizeof r);
	r.tpl = t;
	r.fonts = &fonts;
	r.d = &diag;
	r.text = layout_text_new(&fonts, NULL, &diag);
	r.eng = layout_engine_new(r.text);
	ws_info info = {"Ann Lee", NULL, NULL, NULL, "ABCD-1234"};
	sp_document *cd = ws_build(&r, c, pool, n, &info, WS_CANDIDATE);
	sp_document *id = ws_build(&r, c, pool, n, &info, WS_INTERVIEWER);
	CHECK(cd && id);
	if (cd && id) {
		char *ct = all_text(cd), *it = all_text(id);
		CHECK(!strstr(ct, "Secret"));
		CHECK(strstr(it, "Secretkey0") &&
		      strstr(it, "Secretstrong11") &&
		      strstr(it, "Secretred5") && strstr(it, "Secretwhy3") &&
		      strstr(it, "Secretfollow2"));
		CHECK(strstr(ct, "Psit") && strstr(ct, "Pcheck"));
		CHECK(strstr(ct, "Variant") && strstr(ct, "ABCD-1234"));
		CHECK(strstr(it, "Scorecard"));
		/* both list the same ids, in order */
		const char *pc = ct, *pi = it;
		for (size_t i = 0; i < n; i++) {
			char ref[64];
			snprintf(ref, sizeof ref, "ref %s",
			         c->questions[pool[i]].id);
			pc = strstr(pc, ref);
			pi = strstr(pi, ref);
			CHECK(pc && pi);
			if (!pc || !pi)
				break;
		}
		free(ct);
		free(it);
	}
	doc_free(cd);
	doc_free(id);
	layout_engine_free(r.eng);
	layout_text_free(r.text);
	template_free(t);
	fakefont_free(&fonts);
}

int main(void)
{
	diag_init(&diag, NULL);
	sp_corpus *c = make_corpus();
	CHECK(c && c->nquestions == 12);
	if (!c)
		return 1;
	size_t pool[12]; /* corpus order */
	for (size_t i = 0; i < 12; i++)
		pool[i] = i;
	test_minutes(c, pool, 12);
	test_mix(c, pool, 12);
	test_count_and_seeds(c, pool, 12);
	test_slug();
	test_editions(c, pool, 12);
	corpus_free(c);
	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	puts("test_worksheet: ok");
	return 0;
}
