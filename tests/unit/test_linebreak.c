/* test_linebreak.c - total fit vs first fit, never an overfull line,
 * justification, consecutive hyphens, speed. Fake font: at size 10 every
 * glyph (and space) is 5 pt. */
#include <time.h>
#include <utf8proc.h>

#include "layout/linebreak.h"
#include "test_text_helpers.h"

static unsigned long rng_state = 12345;

static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)((rng_state >> 33) % n);
}

static void test_total_fit_beats_greedy(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	/* 12 characters per line. First fit gives
	 * "a b cc dd e|fffff|gggggggg hhh|iiiiiii" (a 5-character line
	 * between full ones); total fit evens the first two lines out. */
	char *r = th_break(&e, "a b cc dd e fffff gggggggg hhh iiiiiii", &st,
	                   60, NULL);
	CHECK_STR(r, "a b cc dd|e fffff|gggggggg hhh|iiiiiii");
	free(r);
	r = th_break(&e, "aaaaaaa bb cccccccc dddddd ee ff gggg", &st, 60,
	             NULL);
	CHECK_STR(r, "aaaaaaa bb|cccccccc|dddddd ee|ff gggg");
	free(r);
	th_close(&e);
}

/* Random text with long words, URLs, CJK, soft hyphens, NBSP, marks. */
static void random_text(sp_buf *b, int words)
{
	static const char *pieces[] = {"a",
	                               "bb",
	                               "ccc",
	                               "typesetting",
	                               "hyphenation",
	                               "-",
	                               "e\xcc\x81",
	                               "\xc2\xad",
	                               "\xc2\xa0",
	                               "\xe2\x80\x8b",
	                               "中文",
	                               "/",
	                               "\xe2\x80\x94",
	                               "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
	                               "x",
	                               "\t"};
	buf_clear(b);
	for (int w = 0; w < words; w++) {
		int n = 1 + (int)rnd(4);
		for (int k = 0; k < n; k++)
			buf_puts(b,
			         pieces[rnd(sizeof pieces / sizeof *pieces)]);
		buf_puts(b, rnd(10) ? " " : "  ");
	}
}

static int lone_grapheme(const char *s)
{
	utf8proc_int32_t prev = -1, cp, state = 0;
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s), i = 0;
	while (i < n) {
		utf8proc_ssize_t k = utf8proc_iterate(u + i, n - i, &cp);
		if (k <= 0)
			return 0;
		if (prev >= 0 &&
		    utf8proc_grapheme_break_stateful(prev, cp, &state))
			return 0;
		prev = cp;
		i += k;
	}
	return 1;
}

static void test_never_overfull(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	sp_buf b = SP_BUF_INIT;
	int lines = 0;
	for (int trial = 0; trial < 400; trial++) {
		random_text(&b, 5 + (int)rnd(60));
		layout_para_style st = th_style(rnd(4), rnd(2));
		st.first_indent = rnd(3) ? 0 : 7.5;
		st.preserve_space = rnd(8) == 0;
		double width = 8 + rnd(300) + rnd(100) / 100.0;
		layout_span sp[2] = {
		    th_span(b.data, FAMILY_BODY, 0, 10),
		    th_span(" tail BOLD", FAMILY_BODY, VARIANT_BOLD, 7)};
		layout_lines ls;
		layout_break(e.t, sp, 2, &st, width, &ls);
		for (size_t i = 0; i < ls.n; i++) {
			const layout_line *l = &ls.lines[i];
			double max = l->width;
			for (size_t j = 0; j < l->nruns; j++) {
				const layout_run *r = &l->runs[j];
				if (r->x + r->width > max)
					max = r->x + r->width;
				CHECK(r->len > 0 && r->text[r->len - 1] != ' ');
			}
			/* only a lone grapheme may exceed the measure (when
			 * the first-line indent leaves less than 5 pt) */
			if (max > width + 1e-6 &&
			    !(l->nruns == 1 &&
			      lone_grapheme(l->runs[0].text))) {
				fprintf(stderr, "overfull %.3f > %.3f: %s\n",
				        max, width, b.data);
				th_failures++;
			}
			lines++;
		}
		layout_lines_free(&ls);
	}
	CHECK(lines > 1000);
	buf_free(&b);
	th_close(&e);
}

/* Every space of the line (5 pt in the fake font) is set at 10 pt. */
static int doubled(const layout_line *l)
{
	int n = 0;
	for (size_t j = 0; j < l->nruns; j++) {
		const layout_run *r = &l->runs[j];
		for (size_t k = 0; k < r->len; k++)
			if (r->text[k] == ' ') {
				if (fabs(r->extra - 5) > 1e-9)
					return 0;
				n++;
			}
		if (j &&
		    l->runs[j].x - (l->runs[j - 1].x + l->runs[j - 1].width) >
		        10 + 1e-9)
			return 0;
	}
	return n > 0 || l->nruns > 1;
}

static void test_justified_width(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_JUSTIFY, 1);
	sp_buf b = SP_BUF_INIT;
	for (int trial = 0; trial < 50; trial++) {
		buf_clear(&b);
		for (int w = 0; w < 80; w++) {
			static const char *words[] = {
			    "the",         "a",       "typesetting", "of",
			    "paragraphs",  "demands", "care",        "and",
			    "hyphenation", "is",      "useful"};
			buf_puts(&b, words[rnd(11)]);
			buf_putc(&b, ' ');
		}
		double width = 150 + rnd(200);
		layout_lines ls;
		char *r = th_break(&e, b.data, &st, width, &ls);
		for (size_t i = 0; i + 1 < ls.n; i++) {
			const layout_line *l = &ls.lines[i];
			const layout_run *last = &l->runs[l->nruns - 1];
			/* full, or (the last pass's loose line) short with
			 * every space at twice its width */
			int full = fabs(l->width - width) < 0.01 &&
			           fabs(last->x + last->width - width) < 0.01;
			CHECK(full || (l->width < width && doubled(l)));
		}
		const layout_line *l = &ls.lines[ls.n - 1];
		CHECK(l->width <= width + 1e-9);
		/* the last line is never stretched (it may shrink) */
		for (size_t j = 1; j < l->nruns; j++) {
			const layout_run *p = &l->runs[j - 1];
			double gap = l->runs[j].x - (p->x + p->width);
			CHECK(gap <= 5 + 1e-9 && gap >= 5 - 5.0 / 3 - 1e-9);
		}
		layout_lines_free(&ls);
		free(r);
	}
	buf_free(&b);
	th_close(&e);
}

/* Synthetic items: words of pieces joined by flagged hyphen penalties. */
static void random_items(lb_items *it)
{
	it->n = 0;
	int words = 20 + (int)rnd(30);
	for (int w = 0; w < words; w++) {
		int pieces = 1 + (int)rnd(4);
		for (int p = 0; p < pieces; p++) {
			it->v = realloc(it->v, (it->n + 3) * sizeof *it->v);
			lb_item *x = &it->v[it->n++];
			memset(x, 0, sizeof *x);
			x->type = IT_BOX;
			x->w = 5.0 * (2 + rnd(5));
			x->count = 2;
			if (p + 1 < pieces) {
				x = &it->v[it->n++];
				memset(x, 0, sizeof *x);
				x->type = IT_PEN;
				x->flagged = 1;
				x->hyph = 1;
				x->penalty = 50;
				x->w = 5;
			}
		}
		lb_item *g = &it->v[it->n++];
		memset(g, 0, sizeof *g);
		g->type = IT_GLUE;
		g->w = 5;
		g->y = 2.5;
		g->z = 5.0 / 3;
	}
	it->v[it->n - 1].type = IT_PEN; /* the last glue becomes the end */
	it->v[it->n - 1].w = 0;
	it->v[it->n - 1].penalty = -LB_INF_PENALTY;
}

static int stacked(const lb_items *it, const size_t *brk, long n)
{
	int c = 0;
	for (long i = 1; i < n; i++)
		c += it->v[brk[i]].flagged && it->v[brk[i - 1]].flagged;
	return c;
}

static void test_consecutive_hyphens(void)
{
	lb_items it = {NULL, 0, 0};
	int with = 0, without = 0;
	for (int trial = 0; trial < 300; trial++) {
		random_items(&it);
		lb_params p;
		lb_params_default(&p);
		p.first_width = p.width = 80 + rnd(60);
		p.use_hyph = 1;
		p.final_pass = 1;
		size_t *b0 = NULL, *b1 = NULL;
		p.double_hyphen_demerits = 0;
		p.final_hyphen_demerits = 0;
		long n0 = lb_total_fit(&it, &p, &b0);
		p.double_hyphen_demerits = 3000;
		long n1 = lb_total_fit(&it, &p, &b1);
		CHECK(n0 > 0 && n1 > 0);
		if (n0 > 0 && n1 > 0) {
			int s0 = stacked(&it, b0, n0),
			    s1 = stacked(&it, b1, n1);
			CHECK(s1 <= s0);
			with += s1;
			without += s0;
		}
		free(b0);
		free(b1);
	}
	CHECK(with < without);
	free(it.v);
}

static void test_greedy_api(void)
{
	lb_items it = {NULL, 0, 0};
	for (int trial = 0; trial < 100; trial++) {
		random_items(&it);
		lb_params p;
		lb_params_default(&p);
		p.first_width = p.width = 60 + rnd(60);
		p.use_hyph = 1;
		size_t *b = NULL;
		long n = lb_greedy(&it, &p, &b);
		CHECK(n > 0 && b[n - 1] == it.n - 1);
		free(b);
	}
	free(it.v);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_speed(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_JUSTIFY, 1);
	static const char *words[] = {
	    "the",         "interview", "question",    "asks",
	    "about",       "a",         "distributed", "system",
	    "consistency", "and",       "latency",     "tradeoffs",
	    "in",          "practice",  "with",        "examples",
	    "of",          "caching",   "strategies",  "hyphenation"};
	sp_buf b = SP_BUF_INIT;
	long nwords = 0;
	double t0 = now();
	for (int para = 0; para < 2000; para++) {
		buf_clear(&b);
		for (int w = 0; w < 100; w++) {
			buf_puts(&b, words[rnd(20)]);
			buf_putc(&b, ' ');
		}
		nwords += 100;
		layout_lines ls;
		char *r = th_break(&e, b.data, &st, 220, &ls);
		layout_lines_free(&ls);
		free(r);
	}
	double t1 = now();
	printf("speed: %ld words in %.3f s, %.0f ns/word\n", nwords, t1 - t0,
	       (t1 - t0) / nwords * 1e9);
	/* one huge paragraph (~1.5 MB) must not blow up */
	buf_clear(&b);
	for (int w = 0; w < 200000; w++) {
		buf_puts(&b, words[rnd(20)]);
		buf_putc(&b, ' ');
	}
	layout_lines ls;
	double t2 = now();
	char *r = th_break(&e, b.data, &st, 220, &ls);
	double t3 = now();
	printf("huge paragraph: %zu bytes, %zu lines in %.3f s\n", b.len, ls.n,
	       t3 - t2);
	CHECK(ls.n > 10000);
	layout_lines_free(&ls);
	free(r);
	/* a measure so wide the active list hits its cap: first fit */
	buf_clear(&b);
	for (int w = 0; w < 30000; w++)
		buf_puts(&b, "a\xe2\x80\x8b");
	t2 = now();
	r = th_break(&e, b.data, &st, 100000, &ls);
	t3 = now();
	printf("capped paragraph: %zu lines in %.3f s\n", ls.n, t3 - t2);
	for (size_t i = 0; i < ls.n; i++)
		CHECK(ls.lines[i].width <= 100000 + 1e-6);
	layout_lines_free(&ls);
	free(r);
	buf_free(&b);
	th_close(&e);
}

int main(void)
{
	test_total_fit_beats_greedy();
	test_never_overfull();
	test_justified_width();
	test_consecutive_hyphens();
	test_greedy_api();
	test_speed();
	if (th_failures)
		fprintf(stderr, "%d check(s) failed\n", th_failures);
	return th_failures != 0;
}
