/* test_corpus_rich.c - rich text conversion and the limits on hostile
 * input (aliases, nesting, invalid UTF-8, deep lists). */
#include <time.h>

#include "test_corpus_util.h"
#include "util/buf.h"

/* A one-question corpus whose `answer` is the given block scalar body. */
static sp_corpus *with_answer(const char *body, char **msgs, sp_diag *d)
{
	sp_buf b = SP_BUF_INIT;
	buf_puts(&b, "categories: [{id: k}]\nquestions:\n"
	             "  - id: q\n    question: Q\n    category: k\n"
	             "    answer: |\n");
	for (const char *p = body; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		buf_puts(&b, "      ");
		buf_append(&b, p, n);
		buf_putc(&b, '\n');
		p += n + (e != NULL);
	}
	sp_corpus *c = load_text("r.yaml", b.data, b.len, msgs, d);
	buf_free(&b);
	return c;
}

static void test_runs(void)
{
	char *msgs;
	sp_diag d;
	sp_corpus *c = with_answer("Use *emph*, **strong** and `a  b`\n"
	                           "on two  lines, with a [link](http://x.y)"
	                           "  \nand a hard break.",
	                           &msgs, &d);
	CHECK(c != NULL);
	if (c) {
		const rich_text *rt = &c->questions[0].answer;
		CHECK(rt->nblocks == 1);
		const rt_block *b = &rt->blocks[0];
		CHECK(b->nruns == 9);
		if (b->nruns == 9) {
			CHECK_STR(b->runs[0].text, "Use ");
			CHECK_STR(b->runs[1].text, "emph");
			CHECK(b->runs[1].style == RT_EMPH);
			CHECK(b->runs[3].style == RT_STRONG);
			CHECK_STR(b->runs[5].text, "a  b");
			CHECK(b->runs[5].style == RT_CODE);
			CHECK_STR(b->runs[6].text, " on two lines, with a ");
			CHECK_STR(b->runs[7].text, "link");
			CHECK(b->runs[7].style == RT_LINK);
			CHECK_STR(b->runs[7].url, "http://x.y");
			CHECK_STR(b->runs[8].text, " and a hard break.");
		}
		char *plain = rich_text_plain(rt);
		CHECK_STR(plain, "Use emph, strong and a  b on two lines, with "
		                 "a link and a hard break.");
		free(plain);
	}
	corpus_free(c);
	free(msgs);
}

static void test_lists(void)
{
	char *msgs;
	sp_diag d;
	sp_corpus *c = with_answer("Intro\n\n3. three\n4. four\n"
	                           "   - nested\n\n     more\n",
	                           &msgs, &d);
	CHECK(c != NULL);
	if (c) {
		const rich_text *rt = &c->questions[0].answer;
		CHECK(rt->nblocks == 5);
		if (rt->nblocks == 5) {
			CHECK(rt->blocks[0].kind == RT_PARA);
			CHECK(rt->blocks[1].ordered &&
			      rt->blocks[1].number == 3);
			CHECK(rt->blocks[2].number == 4 &&
			      rt->blocks[2].depth == 1);
			CHECK(rt->blocks[3].depth == 2 &&
			      !rt->blocks[3].ordered);
			CHECK(rt->blocks[3].number == 1);
			CHECK(rt->blocks[4].depth == 2 &&
			      rt->blocks[4].number == 0);
			CHECK_STR(rt->blocks[4].runs[0].text, "more");
		}
	}
	corpus_free(c);
	free(msgs);
}

static void test_unsupported(void)
{
	char *msgs;
	sp_diag d;
	sp_corpus *c = with_answer("ok\n\n## Head\n\n> quote\n\n---\n\n"
	                           "a <i>b</i> ![x](y)\n",
	                           &msgs, &d);
	CHECK(c == NULL);
	CHECK_STR(msgs,
	          "r.yaml:9:7: error: headings are not supported in rich text\n"
	          "r.yaml:11:7: error: block quotes are not supported in rich "
	          "text\n"
	          "r.yaml:13:7: error: thematic breaks are not supported in "
	          "rich text\n"
	          "r.yaml:15:9: error: HTML is not supported in rich text\n"
	          "r.yaml:15:18: error: images are not supported in rich "
	          "text\n");
	free(msgs);
}

static void test_deep_list(void)
{
	sp_buf body = SP_BUF_INIT;
	for (int i = 0; i < 1000; i++)
		buf_puts(&body, "- ");
	buf_puts(&body, "deep");
	char *msgs;
	sp_diag d;
	sp_corpus *c = with_answer(body.data, &msgs, &d);
	CHECK(c == NULL && d.errors == 1);
	CHECK(strstr(msgs, "lists nested more than 16 levels") != NULL);
	free(msgs);
	buf_free(&body);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void expect_fast_error(const char *yaml, size_t len, const char *what)
{
	char *msgs;
	sp_diag d;
	double t0 = now();
	sp_corpus *c = load_text("h.yaml", yaml, len, &msgs, &d);
	double dt = now() - t0;
	CHECK(c == NULL);
	CHECK(dt < 1.0);
	if (!strstr(msgs, what)) {
		fprintf(stderr, "expected '%s' in: %s\n", what, msgs);
		failures++;
	}
	free(msgs);
}

static void test_limits(void)
{
	const char *lol = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	                  "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	                  "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	                  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	                  "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	                  "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	                  "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	                  "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
	expect_fast_error(lol, strlen(lol), "aliases expand to too many");
	size_t n = 100000;
	char *deep = malloc(n);
	memset(deep, '[', n);
	expect_fast_error(deep, n, "nested too deeply");
	free(deep);
	expect_fast_error("a: b\nc: \xC3\x28\n", 9,
	                  "h.yaml:2:4: error: invalid UTF-8 (byte offset 8)");
	expect_fast_error("a: *nope\n", 9, "unknown alias");
	expect_fast_error("[1, 2\n", 6, "YAML syntax error");
	expect_fast_error("- 1\n", 4, "expected a mapping for the top level");
}

int main(void)
{
	test_runs();
	test_lists();
	test_unsupported();
	test_deep_list();
	test_limits();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
