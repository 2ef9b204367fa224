/* coverage.c - see coverage.h.
 *
 * The walk follows what the handbook (handbook.c) and the interviewer
 * worksheet (worksheet.c) print, in the order they lay it out, with the
 * style each piece is set in: a warning names the family of the first
 * place a character is missing at, and text without a location of its
 * own (labels, meta lines, the worksheet's headings) is reported once
 * per character, as layout reports it. Questions go in slices of 100,
 * as the products were once laid out here, so that the order of the
 * warnings stays what it was.
 *
 * A helper thread checks slices from the last one back while the main
 * thread checks them from the first one on, until the two meet. The
 * helper checks with a clone of the text context, which only notes that
 * something would be warned about: a slice it finds clean would have
 * reported nothing, so the main thread skips it; the main thread checks
 * the others again itself, after its own and in order, so the messages
 * and their order are those of one thread (nearly always there are
 * none, and the helper halves the walk). */
#include "cli/coverage.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/covscan.h"
#include "corpus/richtext.h"
#include "products/handbook.h"
#include "products/typeset.h"
#include "products/worksheet.h"
#include "util/buf.h"
#include "util/env.h"
#include "util/mem.h"

#define COVERAGE_SLICE 100 /* questions walked at a time */

enum { B = FAMILY_BODY, H = FAMILY_HEADING, M = FAMILY_MONO };
enum { REG = VARIANT_REGULAR, BOLD = VARIANT_BOLD, ITAL = VARIANT_ITALIC };

typedef struct cov {
	covscan *s;
	const sp_corpus *c;
	const sp_labels *l;
	const sp_template *t;
	const size_t *q; /* the slice */
	size_t n;
} cov;

static const sp_loc NOLOC = {NULL, 0, 0};

/* One paragraph of one span: text of the corpus or the template. */
static void para(cov *v, const char *text, int fam, int var, sp_loc loc)
{
	smartpunct sp;
	smartpunct_init(&sp);
	covscan_kept(v->s, text, fam, var, loc, &sp);
}

/* The same for text made here (freed or reused after). */
static void para_tmp(cov *v, const char *text, int fam, int var, sp_loc loc)
{
	smartpunct sp;
	smartpunct_init(&sp);
	covscan_str(v->s, text, fam, var, loc, &sp);
}

static void label(cov *v, label_id id, int fam, int var)
{
	para(v, labels_get(v->l, id), fam, var, NOLOC);
}

static void filled(cov *v, label_id id, const char *a1, const char *a2, int fam,
                   int var)
{
	char *s = labels_fill(v->l, id, a1, a2, NULL);
	para_tmp(v, s, fam, var, NOLOC);
	free(s);
}

/* A list marker, kept as typed. */
static void marker(cov *v, const char *m, int fam, int var, sp_loc loc)
{
	covscan_str(v->s, m, fam, var, loc, NULL);
}

/* Rich text as typeset_rich_text sets it on a base style. */
static void rich(cov *v, const rich_text *rt, int fam, int var)
{
	static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93",
	                                      "\xC2\xB7"};
	for (size_t i = 0; i < rt->nblocks; i++) {
		const rt_block *b = &rt->blocks[i];
		if (b->kind == RT_CODE_BLOCK) {
			if (b->nruns)
				covscan_kept(v->s, b->runs[0].text, M, REG,
				             rt->loc, NULL);
			continue;
		}
		if (b->kind == RT_LIST_ITEM && b->ordered && b->number) {
			char num[32];
			snprintf(num, sizeof num, "%d.", b->number);
			marker(v, num, fam, var, rt->loc);
		} else if (b->kind == RT_LIST_ITEM && !b->ordered) {
			marker(v, bullets[(b->depth ? b->depth - 1 : 0) % 3],
			       fam, var, rt->loc);
		}
		smartpunct sp;
		smartpunct_init(&sp);
		for (size_t k = 0; k < b->nruns; k++) {
			const rt_run *r = &b->runs[k];
			int rv = var, rf = fam;
			if (r->style & RT_EMPH)
				rv |= ITAL;
			if (r->style & RT_STRONG)
				rv |= BOLD;
			if (r->style & RT_CODE)
				rf = M;
			covscan_kept(v->s, r->text, rf, rv, rt->loc, &sp);
		}
	}
}

static void bullets(cov *v, const sp_text_list *l, const char *m, int fam,
                    int var)
{
	for (size_t i = 0; i < l->n; i++) {
		marker(v, m, fam, var, l->items[i].loc);
		para(v, l->items[i].s, fam, var, l->items[i].loc);
	}
}

static const sp_question *qn(const cov *v, size_t i)
{
	return &v->c->questions[v->q[i]];
}

static int in_slice(const cov *v, size_t qi)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->q[i] == qi)
			return 1;
	return 0;
}

static int cat_used(const cov *v, size_t ci)
{
	for (size_t i = 0; i < v->n; i++)
		if (qn(v, i)->category == ci)
			return 1;
	return 0;
}

/* ---- the handbook ---- */

static void hb_cover(cov *v)
{
	const sp_corpus *c = v->c;
	if (c->title.s)
		para(v, c->title.s, H, BOLD, NOLOC);
	else
		label(v, LABEL_HANDBOOK_TITLE, H, BOLD);
	para(v, c->subtitle.s, H, REG, NOLOC);
	para(v, c->author.s, H, REG, NOLOC);
	if (c->edition.s)
		filled(v, LABEL_EDITION, c->edition.s, NULL, H, REG);
	rich(v, &c->description, H, REG);
}

static void hb_contents(cov *v)
{
	const sp_corpus *c = v->c;
	label(v, LABEL_CONTENTS, H, BOLD);
	for (size_t ci = 0; ci < c->ncategories; ci++) {
		if (!cat_used(v, ci))
			continue;
		para(v, c->categories[ci].name, H, BOLD, c->categories[ci].loc);
		for (size_t i = 0; i < v->n; i++)
			if (qn(v, i)->category == ci)
				para(v, qn(v, i)->question.s, B, REG,
				     qn(v, i)->question.loc);
	}
	if (v->n)
		label(v, LABEL_TOPIC_INDEX, H, BOLD);
}

static void hb_meta(cov *v, const sp_question *q)
{
	sp_buf b = SP_BUF_INIT;
	handbook_meta_line(v->l, q, &b);
	if (b.len)
		para_tmp(v, b.data, H, REG, NOLOC);
	buf_free(&b);
}

static void hb_framework(cov *v, const sp_framework *fw)
{
	filled(v, LABEL_FRAMEWORK, fw->name.s, NULL, H, BOLD);
	for (size_t i = 0; i < fw->nsteps; i++) {
		sp_buf lb = SP_BUF_INIT;
		buf_printf(&lb, "%zu. %s", i + 1,
		           fw->steps[i].label.s ? fw->steps[i].label.s : "");
		para_tmp(v, lb.data, H, BOLD, fw->steps[i].label.loc);
		buf_free(&lb);
		para(v, fw->steps[i].prompt.s, B, REG, fw->steps[i].prompt.loc);
	}
}

static void hb_see_also(cov *v, const sp_question *q)
{
	size_t shown = 0;
	for (size_t i = 0; i < q->nrelated; i++)
		shown += in_slice(v, q->related[i]);
	if (!shown)
		return;
	smartpunct sp;
	smartpunct_init(&sp);
	char *see = labels_fill(v->l, LABEL_SEE_ALSO, NULL, NULL, NULL);
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s: ", see);
	free(see);
	covscan_text(v->s, b.data, b.len, H, BOLD, NOLOC, &sp);
	int first = 1;
	for (size_t i = 0; i < q->nrelated; i++) {
		if (!in_slice(v, q->related[i]))
			continue;
		const sp_question *rq = &v->c->questions[q->related[i]];
		b.len = 0;
		buf_printf(&b, "%s0.0 %s (page 0)", first ? "" : "; ",
		           rq->question.s);
		covscan_text(v->s, b.data, b.len, B, REG, rq->question.loc,
		             &sp);
		first = 0;
	}
	buf_free(&b);
}

static void hb_question(cov *v, const sp_question *q)
{
	para(v, q->question.s, H, BOLD, q->question.loc);
	hb_meta(v, q);
	if (q->why.nblocks) {
		label(v, LABEL_WHY, H, BOLD);
		rich(v, &q->why, B, REG);
	}
	if (q->answer.nblocks) {
		label(v, LABEL_ANSWER, H, BOLD);
		rich(v, &q->answer, B, REG);
	}
	if (q->framework.name.s && q->framework.nsteps)
		hb_framework(v, &q->framework);
	if (q->key_points.n) {
		label(v, LABEL_KEY_POINTS, H, BOLD);
		bullets(v, &q->key_points, "\xE2\x80\xA2", B, REG);
	}
	if (q->tip.nblocks) {
		label(v, LABEL_MAKE_IT_YOURS, H, BOLD);
		rich(v, &q->tip, B, REG);
	}
	if (q->follow_ups.n) {
		label(v, LABEL_FOLLOW_UPS, H, BOLD);
		bullets(v, &q->follow_ups, "\xE2\x80\x93", B, REG);
	}
	hb_see_also(v, q);
}

static void hb_sections(cov *v)
{
	const sp_corpus *c = v->c;
	for (size_t ci = 0; ci < c->ncategories; ci++) {
		if (!cat_used(v, ci))
			continue;
		para(v, c->categories[ci].name, H, BOLD, c->categories[ci].loc);
		rich(v, &c->categories[ci].summary, B, ITAL);
		for (size_t i = 0; i < v->n; i++)
			if (qn(v, i)->category == ci)
				hb_question(v, qn(v, i));
	}
}

static void hb_index(cov *v)
{
	label(v, LABEL_TOPIC_INDEX, H, BOLD);
	for (size_t i = 0; i < v->n; i++)
		for (size_t k = 0; k < qn(v, i)->ntopics; k++)
			para(v, qn(v, i)->topics[k], H, BOLD, NOLOC);
}

/* Whether a section runs onto a second page, where its name is the
 * running head: guessed from its questions' text (a page holds about
 * PAGE_BYTES of it), as only laying it out can tell. */
#define PAGE_BYTES 3000
static int cat_spans_pages(const cov *v, size_t ci)
{
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++) {
		const sp_question *q = qn(v, i);
		if (q->category != ci)
			continue;
		n += 400 + richtext_bytes(&q->why) +
		     richtext_bytes(&q->answer) + richtext_bytes(&q->tip);
		if (n > PAGE_BYTES)
			return 1;
	}
	return 0;
}

/* Page numbers and running heads. */
static void hb_pages(cov *v)
{
	filled(v, LABEL_PAGE_OF, "1", "2", H, REG);
	for (size_t ci = 0; ci < v->c->ncategories; ci++)
		if (cat_spans_pages(v, ci))
			para(v, v->c->categories[ci].name, H, REG, NOLOC);
}

static void handbook(cov *v)
{
	hb_cover(v);
	hb_contents(v);
	hb_sections(v);
	hb_index(v);
	hb_pages(v);
}

/* ---- the interviewer worksheet ---- */

static void ws_header(cov *v, int total, size_t n)
{
	label(v, LABEL_WS_TITLE_INTERVIEWER, H, BOLD);
	para(v, v->c->title.s, B, ITAL, NOLOC);
	static const label_id fields[] = {LABEL_WS_CANDIDATE, LABEL_WS_ROLE,
	                                  LABEL_WS_DATE, LABEL_WS_INTERVIEWER,
	                                  LABEL_WS_TOTAL_TIME};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		label(v, fields[i], B, ITAL);
	char tm[24], nq[24];
	snprintf(tm, sizeof tm, "%d", total);
	snprintf(nq, sizeof nq, "%zu", n);
	filled(v, n == 1 ? LABEL_WS_TIME_1 : LABEL_WS_TIME_N, tm, nq, B, REG);
	label(v, LABEL_WS_INSTRUCTIONS, H, BOLD);
	filled(v, LABEL_WS_GUIDE_INTERVIEWER, tm, NULL, B, REG);
}

static void ws_head(cov *v, const sp_question *q)
{
	para(v, q->question.s, H, BOLD, NOLOC);
	int min = ws_question_minutes(q, v->t);
	char ms[16];
	snprintf(ms, sizeof ms, "%d", min);
	char *mt = labels_fill(v->l, min == 1 ? LABEL_WS_MIN_1 : LABEL_WS_MINS,
	                       ms, NULL, NULL);
	char *ref = labels_fill(v->l, LABEL_WS_REF, q->id, NULL, NULL);
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s \xC2\xB7 %s", mt,
	           v->c->categories[q->category].name);
	if (q->framework.name.s)
		buf_printf(&b, " \xC2\xB7 %s", q->framework.name.s);
	buf_printf(&b, " \xC2\xB7 %s", ref);
	free(mt);
	free(ref);
	para_tmp(v, b.data, B, ITAL, NOLOC);
	buf_free(&b);
}

#define TICK "\xE2\x98\x90"
#define BULLET "\xE2\x80\xA2"

static void ws_question(cov *v, const sp_question *q)
{
	ws_head(v, q);
	if (q->why.nblocks) {
		label(v, LABEL_WS_WHY, H, BOLD);
		rich(v, &q->why, B, REG);
	}
	if (q->key_points.n) {
		label(v, LABEL_WS_LISTEN_FOR, H, BOLD);
		bullets(v, &q->key_points, TICK, B, REG);
	}
	if (q->answer.nblocks) {
		label(v, LABEL_WS_ANSWER_KEY, H, BOLD);
		rich(v, &q->answer, B, REG);
	}
	if (!q->key_points.n && !q->rubric_strong.n && !q->rubric_red_flags.n &&
	    q->tip.nblocks) {
		label(v, LABEL_WS_TIP, H, BOLD);
		rich(v, &q->tip, B, ITAL);
	}
	if (q->follow_ups.n) {
		label(v, LABEL_WS_FOLLOW_UPS, H, BOLD);
		bullets(v, &q->follow_ups, BULLET, B, REG);
	}
	if (q->rubric_strong.n || q->rubric_red_flags.n) {
		label(v, LABEL_WS_STRONG, H, BOLD);
		bullets(v, &q->rubric_strong, TICK, B, REG);
		label(v, LABEL_WS_RED_FLAGS, H, BOLD);
		bullets(v, &q->rubric_red_flags, TICK, B, REG);
	}
	label(v, LABEL_WS_SCORE, H, BOLD);
	label(v, LABEL_WS_SCORE_KEY, B, ITAL);
	label(v, LABEL_WS_NOTES, H, BOLD);
}

static void ws_scorecard(cov *v)
{
	label(v, LABEL_WS_SCORECARD, H, BOLD);
	filled(v, LABEL_WS_CARD_LINE, "________________",
	       labels_get(v->l, LABEL_WS_NO_VARIANT), B, ITAL);
	label(v, LABEL_WS_QUESTION, H, BOLD);
	label(v, LABEL_WS_MINUTES, H, BOLD);
	label(v, LABEL_WS_SCORE_RANGE, H, BOLD);
	for (size_t i = 0; i < v->n; i++)
		para(v, qn(v, i)->question.s, B, REG, NOLOC);
	label(v, LABEL_WS_TOTAL, B, REG);
	label(v, LABEL_WS_OVERALL, H, BOLD);
	static const label_id verdicts[] = {LABEL_WS_STRONG_HIRE, LABEL_WS_HIRE,
	                                    LABEL_WS_NO_HIRE,
	                                    LABEL_WS_STRONG_NO_HIRE};
	for (size_t k = 0; k < sizeof verdicts / sizeof *verdicts; k++) {
		sp_buf b = SP_BUF_INIT;
		buf_printf(&b, TICK " %s", labels_get(v->l, verdicts[k]));
		para_tmp(v, b.data, B, REG, NOLOC);
		buf_free(&b);
	}
	label(v, LABEL_WS_COMMENTS, H, BOLD);
	label(v, LABEL_WS_FOOT_INTERVIEWER, H, REG);
	filled(v, LABEL_WS_PAGE, "1", "2", H, REG);
}

static void worksheet(cov *v)
{
	int total = 0;
	for (size_t i = 0; i < v->n; i++)
		total += ws_question_minutes(qn(v, i), v->t);
	ws_header(v, total, v->n);
	for (size_t i = 0; i < v->n; i++)
		ws_question(v, qn(v, i));
	ws_scorecard(v);
}

/* One slice: questions [i, i + COVERAGE_SLICE) of all. */
static void walk_slice(cov *v, const size_t *all, size_t n, size_t slice)
{
	size_t i = slice * COVERAGE_SLICE;
	v->q = all + i;
	v->n = n - i < COVERAGE_SLICE ? n - i : COVERAGE_SLICE;
	handbook(v);
	worksheet(v);
	covscan_forget(v->s);
}

enum { SLICE_FREE, SLICE_MAIN, SLICE_HELPER, SLICE_CLEAN, SLICE_DIRTY };

typedef struct cov_helper {
	cov v; /* with the helper's scanner */
	layout_text_ctx *text;
	const size_t *all;
	size_t n, nslices;
	int *state; /* per slice; claimed with compare-and-swap */
} cov_helper;

static int claim(int *state, int who)
{
	int expect = SLICE_FREE;
	return __atomic_compare_exchange_n(state, &expect, who, 0,
	                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static void *helper_main(void *arg)
{
	cov_helper *h = arg;
	for (size_t k = h->nslices; k-- > 0;) {
		if (!claim(&h->state[k], SLICE_HELPER))
			break; /* met the main thread */
		walk_slice(&h->v, h->all, h->n, k);
		int st =
		    layout_text_would_warn(h->text) ? SLICE_DIRTY : SLICE_CLEAN;
		__atomic_store_n(&h->state[k], st, __ATOMIC_RELEASE);
	}
	return NULL;
}

/* The helper, started on the slices after the first, or NULL. */
static cov_helper *helper_start(const cov *v, const layout_fonts *fonts,
                                layout_text_ctx *text, int smart,
                                const size_t *all, size_t n, size_t nslices,
                                int *state, pthread_t *tid)
{
	/* SP_NO_PREFETCH: one thread, to compare */
	if (nslices < 2 || env_flag("SP_NO_PREFETCH"))
		return NULL;
	layout_text_ctx *clone = layout_text_clone_measuring(text);
	if (!clone)
		return NULL;
	cov_helper *h = xcalloc(1, sizeof *h);
	h->v = *v;
	h->v.s = covscan_new(fonts, clone, smart);
	h->text = clone;
	h->all = all;
	h->n = n;
	h->nslices = nslices;
	h->state = state;
	if (pthread_create(tid, NULL, helper_main, h) != 0) {
		covscan_free(h->v.s);
		layout_text_free(clone);
		free(h);
		return NULL;
	}
	return h;
}

static void helper_free(cov_helper *h)
{
	covscan_free(h->v.s);
	layout_text_free(h->text); /* on the main thread (paragraph.h) */
	free(h);
}

int cli_font_coverage(cli_fonts *f, const sp_corpus *corpus, sp_diag *d)
{
	sp_template *t;
	sp_typeset r;
	int rc = cli_fonts_take(f, d, &t, &r);
	if (!t)
		return rc;
	/* the corpus's hyphenation patterns, as rendering loads them (a
	 * dictionary that cannot be read is warned about) */
	typeset_set_inputs(&r, corpus);
	size_t n = corpus->nquestions;
	size_t *all = xcalloc(n ? n : 1, sizeof *all);
	for (size_t i = 0; i < n; i++)
		all[i] = i;
	cov v = {covscan_new(r.fonts, r.text, t->smart_punct),
	         corpus,
	         &t->labels,
	         t,
	         NULL,
	         0};
	size_t nslices = (n + COVERAGE_SLICE - 1) / COVERAGE_SLICE;
	int *state = xcalloc(nslices ? nslices : 1, sizeof *state);
	pthread_t tid;
	cov_helper *h = helper_start(&v, r.fonts, r.text, t->smart_punct, all,
	                             n, nslices, state, &tid);
	size_t k = 0;
	for (; k < nslices && (!h || claim(&state[k], SLICE_MAIN)); k++)
		walk_slice(&v, all, n, k);
	if (h) {
		pthread_join(tid, NULL);
		for (; k < nslices; k++) /* the helper's, in order */
			if (state[k] != SLICE_CLEAN)
				walk_slice(&v, all, n, k);
		helper_free(h);
	}
	free(state);
	covscan_free(v.s);
	free(all);
	if (typeset_fonts_failed(&r) < 0 && rc == EXIT_OK)
		rc = EXIT_INVALID;
	typeset_close(&r);
	template_free(t);
	return rc;
}
