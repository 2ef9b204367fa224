/* test_content.c - the bundled corpus is complete (issue 3): per-role
 * counts, and every question has the fields its category requires. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "util/buf.h"

static int failures;
static void fail(const sp_question *q, const char *what)
{
	fprintf(stderr, "%s:%u: question '%s': %s\n", q->loc.file, q->loc.line,
	        q->id, what);
	failures++;
}

static int has_role(const sp_corpus *c, const sp_question *q, const char *id)
{
	if (q->nroles == 0)
		return 1;
	for (size_t i = 0; i < q->nroles; i++)
		if (!strcmp(c->roles[q->roles[i]].id, id))
			return 1;
	return 0;
}

static void check_star(const sp_question *q)
{
	static const char *const star[] = {"Situation", "Task", "Action",
	                                   "Result"};
	if (!q->framework.name.s || strcmp(q->framework.name.s, "STAR") ||
	    q->framework.nsteps != 4) {
		fail(q, "behavioral questions need a four-step STAR framework");
		return;
	}
	for (size_t i = 0; i < 4; i++)
		if (strcmp(q->framework.steps[i].label.s, star[i]) ||
		    !q->framework.steps[i].prompt.s)
			fail(q,
			     "STAR steps are Situation, Task, Action, Result, "
			     "each with a prompt");
}

static void check_question(const sp_corpus *c, const sp_question *q)
{
	const char *cat = c->categories[q->category].id;
	if (!q->why.nblocks)
		fail(q, "no 'why'");
	if (!q->answer.nblocks)
		fail(q, "no 'answer'");
	if (!q->tip.nblocks)
		fail(q, "no 'tip'");
	if (q->key_points.n < 2 || q->key_points.n > 6)
		fail(q, "needs 2-6 key points");
	for (size_t i = 0; i < q->key_points.n; i++) {
		size_t words = 1;
		for (const char *p = q->key_points.items[i].s; *p; p++)
			words += *p == ' ';
		if (words > 16)
			fail(q, "a key point is longer than about 15 words");
	}
	if (!q->rubric_strong.n || !q->rubric_red_flags.n)
		fail(q, "needs a rubric with strong signals and red flags");
	if (!q->ntopics)
		fail(q, "no topics");
	if (q->level == LEVEL_NONE)
		fail(q, "no level");
	if (!q->minutes)
		fail(q, "no minutes");
	if ((!strcmp(cat, "common") || !strcmp(cat, "technical")) &&
	    !q->follow_ups.n)
		fail(q, "common and technical questions need follow-ups");
	if (!strcmp(cat, "behavioral"))
		check_star(q);
	if (!strcmp(cat, "technical") &&
	    (!q->framework.name.s || q->framework.nsteps < 4 ||
	     q->framework.nsteps > 5))
		fail(q,
		     "technical questions need a framework of 4-5 named steps");
}

int main(void)
{
	const char *src = getenv("SP_SOURCE_DIR");
	sp_buf path = SP_BUF_INIT;
	buf_printf(&path, "%s/content", src ? src : ".");
	sp_diag d;
	diag_init(&d, stderr);
	sp_corpus *c = corpus_load(path.data, &d);
	buf_free(&path);
	if (!c || d.warnings) {
		fprintf(stderr, "the bundled corpus does not load cleanly\n");
		corpus_free(c);
		return 1;
	}
	static const struct {
		const char *role;
		size_t min;
	} roles[] = {
	    {"ml-scientist", 36}, {"data-scientist", 25}, {"ml-engineer", 25}};
	for (size_t r = 0; r < 3; r++) {
		size_t n = 0;
		for (size_t i = 0; i < c->nquestions; i++)
			n += has_role(c, &c->questions[i], roles[r].role);
		printf("%s: %zu questions\n", roles[r].role, n);
		if (n < roles[r].min) {
			fprintf(stderr, "%s has %zu questions, needs %zu\n",
			        roles[r].role, n, roles[r].min);
			failures++;
		}
	}
	static const char *const cats[] = {"common", "technical", "behavioral",
	                                   "ask-them"};
	for (size_t k = 0; k < 4; k++) {
		long ci = corpus_find_category(c, cats[k]);
		if (ci < 0 || !c->categories[ci].summary.nblocks) {
			fprintf(stderr,
			        "category %s missing or without summary\n",
			        cats[k]);
			failures++;
		}
	}
	long ask = corpus_find_category(c, "ask-them");
	size_t nask = 0;
	for (size_t i = 0; i < c->nquestions; i++) {
		check_question(c, &c->questions[i]);
		nask += (long)c->questions[i].category == ask;
	}
	if (nask < 6) {
		fprintf(stderr, "only %zu ask-them questions\n", nask);
		failures++;
	}
	corpus_free(c);
	return failures != 0;
}
