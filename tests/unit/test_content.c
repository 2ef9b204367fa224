/* test_content.c - the bundled corpus is complete: the second edition's
 * outline (issue 13, ../shared/content-outline.md) holds, per role (all
 * questions, questions of that role only, technical problems, levels),
 * per topic area, and every question has the fields its category
 * requires. */
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
	else if (strncmp(q->rubric_strong.items[q->rubric_strong.n - 1].s,
	                 "Senior: ", 8))
		fail(q, "the rubric's last strong signal says what a senior "
		        "answer adds ('Senior: ...')");
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

/* ---- the outline's numbers ---- */

static const char *const areas[] = {"llm",
                                    "deep-learning",
                                    "classic-ml",
                                    "statistics",
                                    "experimentation",
                                    "sql",
                                    "coding",
                                    "system-design",
                                    "mlops",
                                    "responsible-ai",
                                    "research-practice",
                                    "product-sense"};
static const size_t area_min[] = {18, 12, 10, 14, 12, 8, 6, 12, 10, 6, 6, 6};
#define NAREAS (sizeof areas / sizeof *areas)

static int area_of(const sp_question *q)
{
	int found = -1;
	for (size_t t = 0; t < q->ntopics; t++)
		for (size_t a = 0; a < NAREAS; a++)
			if (!strcmp(q->topics[t], areas[a])) {
				if (found >= 0 && found != (int)a)
					fail(q, "has two area topics");
				if (t != 0)
					fail(q, "the area topic comes first");
				found = (int)a;
			}
	return found;
}

static int has_code_block(const rich_text *rt)
{
	for (size_t i = 0; i < rt->nblocks; i++)
		if (rt->blocks[i].kind == RT_CODE_BLOCK)
			return 1;
	return 0;
}

static size_t count_roles(const sp_corpus *c, const sp_question *q)
{
	return q->nroles ? q->nroles : c->nroles;
}

static void require(const char *what, size_t got, size_t min)
{
	printf("%-44s %4zu (at least %zu)\n", what, got, min);
	if (got < min) {
		fprintf(stderr, "%s: %zu, needs at least %zu\n", what, got,
		        min);
		failures++;
	}
}

static const struct {
	const char *role;
	size_t all, only, technical, per_level;
} role_min[] = {{"ml-scientist", 110, 30, 15, 15},
                {"data-scientist", 110, 30, 15, 15},
                {"ml-engineer", 105, 30, 15, 15}};

static void check_role(const sp_corpus *c, size_t r)
{
	const char *id = role_min[r].role;
	size_t all = 0, only = 0, tech = 0, lv[4] = {0};
	long tcat = corpus_find_category(c, "technical");
	for (size_t i = 0; i < c->nquestions; i++) {
		const sp_question *q = &c->questions[i];
		if (!has_role(c, q, id))
			continue;
		all++;
		only += count_roles(c, q) == 1;
		tech += (long)q->category == tcat;
		lv[q->level]++;
	}
	char what[96];
	snprintf(what, sizeof what, "%s: questions", id);
	require(what, all, role_min[r].all);
	snprintf(what, sizeof what, "%s: questions of this role only", id);
	require(what, only, role_min[r].only);
	snprintf(what, sizeof what, "%s: technical problems", id);
	require(what, tech, role_min[r].technical);
	static const char *const names[] = {"", "junior", "mid", "senior"};
	for (int l = 1; l <= 3; l++) {
		snprintf(what, sizeof what, "%s: %s questions", id, names[l]);
		require(what, lv[l], role_min[r].per_level);
	}
}

static void check_areas(const sp_corpus *c)
{
	size_t n[NAREAS] = {0};
	for (size_t i = 0; i < c->nquestions; i++) {
		const sp_question *q = &c->questions[i];
		const char *cat = c->categories[q->category].id;
		int a = area_of(q);
		int topical =
		    !strcmp(cat, "common") || !strcmp(cat, "technical");
		if (topical && a < 0)
			fail(q, "common and technical questions need an area "
			        "topic first");
		if (!topical && a >= 0)
			fail(q,
			     "behavioral and ask-them questions take no area "
			     "topic");
		if (a < 0)
			continue;
		n[a]++;
		if ((!strcmp(areas[a], "sql") || !strcmp(areas[a], "coding")) &&
		    !has_code_block(&q->answer))
			fail(q, "SQL and coding answers show the query or the "
			        "code in a code block");
	}
	for (size_t a = 0; a < NAREAS; a++) {
		char what[96];
		snprintf(what, sizeof what, "area %s", areas[a]);
		require(what, n[a], area_min[a]);
	}
}

static size_t in_category(const sp_corpus *c, const char *id)
{
	long k = corpus_find_category(c, id);
	size_t n = 0;
	for (size_t i = 0; i < c->nquestions; i++)
		n += (long)c->questions[i].category == k;
	return n;
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
	for (size_t r = 0; r < 3; r++)
		check_role(c, r);
	check_areas(c);
	require("questions in all", c->nquestions, 175);
	require("behavioral questions", in_category(c, "behavioral"), 24);
	require("ask-them questions", in_category(c, "ask-them"), 14);
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
	for (size_t i = 0; i < c->nquestions; i++)
		check_question(c, &c->questions[i]);
	corpus_free(c);
	return failures != 0;
}
