/* test_corpus.c - the loader: the format page's example, model fields,
 * corpus order, directories, defaults. */
#include <sys/stat.h>
#include <unistd.h>

#include "test_corpus_util.h"
#include "util/buf.h"

static char *read_example(size_t *len)
{
	const char *src = getenv("SP_SOURCE_DIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/golden/format-example.yaml",
	         src ? src : ".");
	sp_buf b = SP_BUF_INIT;
	if (buf_read_file(&b, path, 1 << 20) < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	*len = b.len;
	return buf_detach(&b);
}

static void test_example_as_is(void)
{
	size_t len;
	char *y = read_example(&len);
	char *msgs;
	sp_diag d;
	sp_corpus *c = load_text("example.yaml", y, len, &msgs, &d);
	CHECK(c == NULL);
	CHECK(d.errors == 1 && d.warnings == 0);
	CHECK_STR(msgs, "example.yaml:21:15: error: undeclared category "
	                "'technical' (declared: behavioral)\n");
	free(msgs);
	free(y);
}

static void check_rich_example(const sp_question *q)
{
	CHECK(q->why.nblocks == 1);
	const rt_block *b = &q->why.blocks[0];
	CHECK(b->kind == RT_PARA && b->nruns == 3);
	if (b->nruns == 3) {
		CHECK_STR(b->runs[0].text,
		          "Checks that you can pick a metric from the ");
		CHECK_STR(b->runs[1].text, "cost of each error");
		CHECK(b->runs[1].style == RT_STRONG);
		CHECK_STR(b->runs[2].text, ", not from habit.");
	}
	CHECK(q->answer.nblocks == 3);
	if (q->answer.nblocks == 3) {
		CHECK_STR(q->answer.blocks[0].runs[0].text,
		          "Precision is the share of predicted positives that "
		          "are real; recall is the share of real positives "
		          "that were found.");
		const rt_block *i2 = &q->answer.blocks[2];
		CHECK(i2->kind == RT_LIST_ITEM && i2->depth == 1);
		CHECK(!i2->ordered && i2->number == 2);
		CHECK_STR(i2->runs[0].text,
		          "Spam filtering: favour precision.");
	}
}

static void test_example_with_category(void)
{
	size_t len;
	char *y = read_example(&len);
	/* the example has a `categories` key: declare `technical` in a
	 * second document of its own by appending to that list */
	sp_buf b = SP_BUF_INIT;
	const char *cut = strstr(y, "defaults:");
	buf_append(&b, y, (size_t)(cut - y));
	buf_puts(&b, "  - id: technical\n    name: Technical\n\n");
	buf_puts(&b, cut);
	char *msgs;
	sp_diag d;
	sp_corpus *c = load_text("ex.yaml", b.data, b.len, &msgs, &d);
	CHECK(c != NULL);
	CHECK_STR(msgs, "");
	if (c) {
		CHECK_STR(c->title.s,
		          "Machine Learning Scientist Interview Handbook");
		CHECK_STR(c->author.s, "Example Team");
		CHECK_STR(c->language.s, "en");
		CHECK(c->nroles == 1 && c->ncategories == 2);
		/* technical has no order (0): it sorts before behavioral (2) */
		CHECK_STR(c->categories[0].id, "technical");
		CHECK_STR(c->categories[1].id, "behavioral");
		CHECK(c->categories[1].has_order &&
		      c->categories[1].order == 2);
		const rich_text *s = &c->categories[1].summary;
		CHECK(s->nblocks == 1 && s->blocks[0].nruns >= 2);
		if (s->nblocks == 1 && s->blocks[0].nruns >= 2) {
			CHECK_STR(s->blocks[0].runs[0].text,
			          "Answer with a story: ");
			CHECK_STR(s->blocks[0].runs[1].text, "S");
		}
		CHECK(c->nquestions == 1);
		const sp_question *q = &c->questions[0];
		CHECK_STR(q->id, "precision-vs-recall");
		CHECK(q->category == 0);
		CHECK(q->nroles == 1 && q->roles[0] == 0); /* from defaults */
		CHECK(q->ntopics == 2);
		CHECK_STR(q->topics[1], "evaluation");
		CHECK(q->level == LEVEL_JUNIOR && q->minutes == 5);
		CHECK(q->key_points.n == 3 && q->follow_ups.n == 1);
		CHECK(q->rubric_strong.n == 2 && q->rubric_red_flags.n == 1);
		CHECK_STR(q->rubric_strong.items[1].s,
		          "Ties the choice to error costs");
		CHECK(q->loc.line == 22 && q->loc.col == 5);
		check_rich_example(q);
	}
	corpus_free(c);
	free(msgs);
	buf_free(&b);
	free(y);
}

static void test_order_and_defaults(void)
{
	const char *y = "defaults: {category: b, level: senior, minutes: 9}\n"
	                "categories:\n"
	                "  - {id: a, order: 5}\n"
	                "  - {id: b}\n"
	                "  - {id: c, order: -1}\n"
	                "questions:\n"
	                "  - {id: q1, question: '  one\n\n   two  '}\n"
	                "  - {id: q2, question: x, category: a, level: mid}\n"
	                "  - {id: q3, question: y, category: c, minutes: 3}\n"
	                "  - {id: q4, question: z}\n";
	char *msgs;
	sp_diag d;
	sp_corpus *c = load_text("o.yaml", y, strlen(y), &msgs, &d);
	CHECK(c != NULL);
	CHECK_STR(msgs, "");
	if (c) {
		CHECK_STR(c->categories[0].id, "c");
		CHECK_STR(c->categories[1].id, "b");
		CHECK_STR(c->categories[2].id, "a");
		const char *want[] = {"q3", "q1", "q4", "q2"};
		for (size_t i = 0; i < 4; i++)
			CHECK_STR(c->questions[i].id, want[i]);
		CHECK_STR(c->questions[1].question.s, "one two");
		CHECK(c->questions[1].level == LEVEL_SENIOR);
		CHECK(c->questions[1].minutes == 9);
		CHECK(c->questions[0].minutes == 3);
		CHECK(c->questions[3].level == LEVEL_MID);
		CHECK(c->questions[1].nroles == 0);
		CHECK(corpus_find_question(c, "q2") == 3);
		CHECK(corpus_find_category(c, "b") == 1);
	}
	corpus_free(c);
	free(msgs);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static void test_directory(void)
{
	char dir[] = "/tmp/sp_corpus_XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		exit(1);
	}
	char p[256];
	snprintf(p, sizeof p, "%s/sub", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/.hidden", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/.hidden/x.yaml", dir);
	write_file(p, "not: [valid\n");
	snprintf(p, sizeof p, "%s/b.yml", dir);
	write_file(p, "questions:\n  - {id: b1, question: B, category: k}\n");
	snprintf(p, sizeof p, "%s/sub/c.yaml", dir);
	write_file(p, "questions:\n  - {id: c1, question: C, category: k}\n");
	snprintf(p, sizeof p, "%s/a.yaml", dir);
	write_file(p, "categories: [{id: k}]\nquestions:\n"
	              "  - {id: a1, question: A, category: k}\n");
	snprintf(p, sizeof p, "%s/notes.txt", dir);
	write_file(p, "ignored");
	sp_diag d;
	diag_init(&d, stderr);
	sp_corpus *c = corpus_load(dir, &d);
	CHECK(c != NULL && d.errors == 0);
	if (c) {
		CHECK(c->nfiles == 3 && c->nquestions == 3);
		CHECK_STR(c->questions[0].id, "a1");
		CHECK_STR(c->questions[1].id, "b1");
		CHECK_STR(c->questions[2].id, "c1");
		snprintf(p, sizeof p, "%s/sub/c.yaml", dir);
		CHECK_STR(c->questions[2].loc.file, p);
	}
	corpus_free(c);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
}

static void test_bom_and_nfc(void)
{
	/* BOM, and "e" + COMBINING ACUTE becomes U+00E9 */
	const char *y = "\xEF\xBB\xBF"
	                "categories: [{id: k}]\n"
	                "questions:\n  - {id: q, question: \"Caf"
	                "e\xCC\x81\","
	                " category: k}\n";
	char *msgs;
	sp_diag d;
	sp_corpus *c = load_text("b.yaml", y, strlen(y), &msgs, &d);
	CHECK(c != NULL);
	if (c)
		CHECK_STR(c->questions[0].question.s, "Caf\xC3\xA9");
	corpus_free(c);
	free(msgs);
}

int main(void)
{
	test_example_as_is();
	test_example_with_category();
	test_order_and_defaults();
	test_directory();
	test_bom_and_nfc();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
