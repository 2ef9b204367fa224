/* build_question.c - the `questions` key of one file: every field of a
 * question, with the file's `defaults` applied. */
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "util/mem.h"

enum {
	Q_ID,
	Q_QUESTION,
	Q_CATEGORY,
	Q_ROLES,
	Q_TOPICS,
	Q_LEVEL,
	Q_MINUTES,
	Q_WHY,
	Q_ANSWER,
	Q_KEY_POINTS,
	Q_FRAMEWORK,
	Q_TIP,
	Q_FOLLOW_UPS,
	Q_RUBRIC,
	Q_RELATED,
	Q_N
};
static const ld_key q_keys[Q_N] = {
    {"id", 1},         {"question", 1},   {"category", 0},  {"roles", 0},
    {"topics", 0},     {"level", 0},      {"minutes", 0},   {"why", 0},
    {"answer", 0},     {"key_points", 0}, {"framework", 0}, {"tip", 0},
    {"follow_ups", 0}, {"rubric", 0},     {"related", 0}};

enum { S_LABEL, S_PROMPT, S_N };
static const ld_key step_keys[S_N] = {{"label", 1}, {"prompt", 1}};

enum { F_NAME, F_STEPS, F_N };
static const ld_key fw_keys[F_N] = {{"name", 1}, {"steps", 0}};

enum { RB_STRONG, RB_RED_FLAGS, RB_N };
static const ld_key rubric_keys[RB_N] = {{"strong", 0}, {"red_flags", 0}};

static void read_steps(loader *L, const ynode *v, sp_framework *fw)
{
	if (ld_seq(L, v, "steps"))
		return;
	fw->steps = xcalloc(v->n ? v->n : 1, sizeof *fw->steps);
	for (size_t i = 0; i < v->n; i++) {
		const ynode *k[S_N];
		if (ld_map(L, v->items[i], "framework step", step_keys, S_N, k))
			continue;
		sp_step *st = &fw->steps[fw->nsteps++];
		if (k[S_LABEL])
			ld_text(L, k[S_LABEL], "label", &st->label);
		if (k[S_PROMPT])
			ld_text(L, k[S_PROMPT], "prompt", &st->prompt);
	}
}

static void read_framework(loader *L, const ynode *v, sp_framework *fw)
{
	const ynode *k[F_N];
	fw->loc = ld_loc(L, v);
	if (ld_map(L, v, "'framework'", fw_keys, F_N, k))
		return;
	if (k[F_NAME])
		ld_text(L, k[F_NAME], "name", &fw->name);
	if (k[F_STEPS])
		read_steps(L, k[F_STEPS], fw);
}

static void read_rubric(loader *L, const ynode *v, sp_question *q)
{
	const ynode *k[RB_N];
	if (ld_map(L, v, "'rubric'", rubric_keys, RB_N, k))
		return;
	if (k[RB_STRONG])
		ld_text_list(L, k[RB_STRONG], "strong", &q->rubric_strong);
	if (k[RB_RED_FLAGS])
		ld_text_list(L, k[RB_RED_FLAGS], "red_flags",
		             &q->rubric_red_flags);
}

static void topics_from_refs(sp_question *q, ld_ref *r, size_t n)
{
	q->topics = xcalloc(n ? n : 1, sizeof *q->topics);
	for (size_t i = 0; i < n; i++) {
		q->topics[q->ntopics++] = r[i].id;
		r[i].id = NULL;
	}
}

static void read_topics(loader *L, const ynode *v, sp_question *q)
{
	ld_ref *r;
	size_t n;
	ld_ref_list(L, v, "topics", &r, &n);
	topics_from_refs(q, r, n);
	ld_refs_free(r, n);
}

static void read_key_points(loader *L, const ynode *v, sp_question *q)
{
	if (ld_text_list(L, v, "key_points", &q->key_points))
		return;
	if (q->key_points.n < 2 || q->key_points.n > 6)
		ld_warning(L, v,
		           "'key_points' should have 2 to 6 items, not %zu",
		           q->key_points.n);
}

/* Keys shared with `defaults`: the question's own value, else the file's
 * default. */
static void read_defaultable(loader *L, const ynode **k, sp_question *q,
                             ld_qrefs *qr, const ynode *qnode)
{
	ld_defaults *df = &L->defaults;
	long m;
	if (k[Q_CATEGORY])
		ld_ref_one(L, k[Q_CATEGORY], "category", &qr->category);
	else if (df->has_category) {
		qr->category = df->category; /* id NULL when it was invalid */
		qr->category.id =
		    df->category.id ? xstrdup(df->category.id) : NULL;
	} else
		ld_error(L, qnode,
		         "missing required key 'category' in question (give it "
		         "here or in 'defaults')");
	if (k[Q_ROLES])
		ld_ref_list(L, k[Q_ROLES], "roles", &qr->roles, &qr->nroles);
	else if (df->has_roles) {
		qr->roles = ld_refs_copy(df->roles, df->nroles);
		qr->nroles = df->nroles;
	}
	if (k[Q_TOPICS])
		read_topics(L, k[Q_TOPICS], q);
	else if (df->has_topics) {
		ld_ref *r = ld_refs_copy(df->topics, df->ntopics);
		topics_from_refs(q, r, df->ntopics);
		ld_refs_free(r, df->ntopics);
	}
	if (k[Q_LEVEL])
		ld_level(L, k[Q_LEVEL], &q->level);
	else if (df->has_level)
		q->level = df->level;
	if (k[Q_MINUTES] && ld_int(L, k[Q_MINUTES], "minutes", 1, 60, &m) == 0)
		q->minutes = (int)m;
	else if (!k[Q_MINUTES] && df->has_minutes)
		q->minutes = df->minutes;
}

static void read_fields(loader *L, const ynode **k, sp_question *q)
{
	if (k[Q_ID])
		ld_slug(L, k[Q_ID], "id", &q->id);
	if (k[Q_QUESTION] &&
	    ld_text(L, k[Q_QUESTION], "question", &q->question) == 0 &&
	    !*q->question.s)
		ld_error(L, k[Q_QUESTION], "'question' is empty");
	if (k[Q_WHY])
		ld_rich(L, k[Q_WHY], "why", &q->why);
	if (k[Q_ANSWER])
		ld_rich(L, k[Q_ANSWER], "answer", &q->answer);
	if (k[Q_KEY_POINTS])
		read_key_points(L, k[Q_KEY_POINTS], q);
	if (k[Q_FRAMEWORK])
		read_framework(L, k[Q_FRAMEWORK], &q->framework);
	if (k[Q_TIP])
		ld_rich(L, k[Q_TIP], "tip", &q->tip);
	if (k[Q_FOLLOW_UPS])
		ld_text_list(L, k[Q_FOLLOW_UPS], "follow_ups", &q->follow_ups);
	if (k[Q_RUBRIC])
		read_rubric(L, k[Q_RUBRIC], q);
}

static void one_question(loader *L, const ynode *v)
{
	const ynode *k[Q_N];
	if (ld_map(L, v, "question", q_keys, Q_N, k))
		return;
	sp_corpus *c = L->c;
	size_t i = c->nquestions;
	c->questions =
	    xgrow(c->questions, &L->cap_qs, i + 1, sizeof *c->questions);
	L->qrefs = xgrow(L->qrefs, &L->cap_qrefs, i + 1, sizeof *L->qrefs);
	c->nquestions++;
	sp_question *q = &c->questions[i];
	ld_qrefs *qr = &L->qrefs[i];
	memset(q, 0, sizeof *q);
	memset(qr, 0, sizeof *qr);
	q->file_order = i;
	q->part = L->part == LD_NO_FILE ? 0 : L->part;
	q->loc = ld_loc(L, v);
	read_fields(L, k, q);
	ld_question_comments(L, v);
	read_defaultable(L, k, q, qr, v);
	if (k[Q_RELATED])
		ld_ref_list(L, k[Q_RELATED], "related", &qr->related,
		            &qr->nrelated);
}

void ld_questions(loader *L, const ynode *v)
{
	if (ld_seq(L, v, "questions"))
		return;
	for (size_t i = 0; i < v->n; i++)
		one_question(L, v->items[i]);
}
