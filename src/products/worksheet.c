/* worksheet.c - the two editions of a mock-interview worksheet.
 *
 * Candidate edition: header (fields to fill in when not given),
 * instructions, then each question with its number and minutes and room
 * to answer: a 2x2 STAR grid for STAR questions, one labelled box per
 * step for other frameworks, ruled lines otherwise. Nothing that is only
 * for the interviewer (why, answer, key points, tip, follow-ups, rubric)
 * is ever added to its flow.
 *
 * Interviewer edition: the same questions in the same order with why it
 * is asked, key points as a checklist, the answer key (the model answer;
 * the tip too when there is no checklist or rubric; none with
 * ws_info.no_answers), follow-ups, the rubric with tick boxes, a 1-5
 * score row and lines for notes; then a scorecard. */
#include "products/worksheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/mem.h"

#define QINDENT 20.0        /* question number hang, points */
#define LINE_GAP 19.0       /* between write-in lines, points */
#define MAX_LINES 24        /* write-in lines for one question */
#define CELL_PAD 6.0        /* inside STAR cells and step boxes */
#define STAR_GAP 8.0        /* between the two cells of a STAR row */
#define BOX_RULE 0.6        /* border width */
#define TICK "\xE2\x98\x90" /* U+2610 BALLOT BOX */
#define BULLET "\xE2\x80\xA2"
#define MIDDOT " \xC2\xB7 "

typedef struct ws {
	sp_typeset *r;
	const sp_template *t;
	const sp_corpus *c;
	const size_t *qs;
	size_t n;
	const ws_info *info;
	ws_edition ed;
	int total_minutes;
	typeset_styles st; /* body, small, h2 and their paragraph styles */
	layout_span muted, label, title, foot;
	layout_para_style ps_head, ps_title;
} ws;

int ws_parse_edition(const char *s, ws_edition *out)
{
	if (!strcmp(s, "candidate"))
		*out = WS_CANDIDATE;
	else if (!strcmp(s, "interviewer"))
		*out = WS_INTERVIEWER;
	else if (!strcmp(s, "both"))
		*out = WS_BOTH;
	else
		return -1;
	return 0;
}

int ws_answer_lines(int minutes)
{
	int n = 3 + 2 * (minutes > 0 ? minutes : 1);
	return n > MAX_LINES ? MAX_LINES : n;
}

static void init_styles(ws *w)
{
	const sp_template *t = w->t;
	typeset_styles_init(w->r, &w->st);
	w->muted = typeset_span(FAMILY_BODY, VARIANT_ITALIC, t->size_small,
	                        t->color_muted);
	w->label = typeset_span(FAMILY_HEADING, VARIANT_BOLD, t->size_small,
	                        t->color_accent);
	w->title = typeset_span(FAMILY_HEADING, VARIANT_BOLD, t->size_h1,
	                        t->color_accent);
	w->foot = typeset_span(FAMILY_HEADING, VARIANT_REGULAR,
	                       t->size_small - 1, t->color_muted);
	w->ps_head = typeset_display_style(w->r, t->size_h2, ALIGN_LEFT);
	w->ps_title = typeset_display_style(w->r, t->size_h1, ALIGN_LEFT);
}

/* "PREFIX" + text cut to at most max bytes at a character boundary (with
 * an ellipsis when cut), newly allocated. */
static char *clipped(const char *prefix, const char *text, size_t max)
{
	sp_buf b = SP_BUF_INIT;
	buf_puts(&b, prefix);
	size_t n = text ? strlen(text) : 0;
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		buf_append(&b, text, n);
	if (text && n < strlen(text))
		buf_puts(&b, "\xE2\x80\xA6"); /* … */
	return buf_detach(&b);
}

/* The template's label (products/labels.h). */
static const char *lab(const ws *w, label_id id)
{
	return labels_get(&w->t->labels, id);
}

static const sp_question *wq(const ws *w, size_t i)
{
	return &w->c->questions[w->qs[i]];
}

static int is_star(const sp_framework *fw)
{
	return fw->name.s && fw->nsteps == 4 && !strcasecmp(fw->name.s, "STAR");
}

static flow_block *para(ws *w, sp_flow *f, const char *text,
                        const layout_span *s, const layout_para_style *ps)
{
	flow_block *b = typeset_text_para(f, text ? text : "", s, ps);
	tagging_block(w->r->tags, b, 0, "P"); /* retag() gives other roles */
	return b;
}

static void retag(ws *w, const flow_block *b, const char *role)
{
	tagging_role(w->r->tags, b->se, role);
}

/* Makes an element under the current parent and makes it the parent;
 * returns the previous parent (give it back with tagging_parent). */
static uint32_t open_tag(ws *w, const char *role)
{
	typeset_tags *t = w->r->tags;
	return tagging_parent(t, tagging_add(t, 0, role));
}

/* ---- header ---- */

static sp_flow *field_cell(ws *w, const char *label, const char *value)
{
	sp_flow *f = flow_new();
	para(w, f, label, &w->muted, &w->st.ps_small);
	if (value && *value) {
		flow_block *b = para(w, f, value, &w->st.body, &w->ps_head);
		b->space_before = 2;
	} else {
		flow_block *b = flow_add_lines(f, 1, 18, w->t->color_text);
		b->thickness = 0.4;
	}
	return f;
}

static void header_row(ws *w, sp_flow *f, const char *const *labels,
                       const char *const *values, size_t n)
{
	flow_block *row = flow_add_row(f, 14);
	row->space_before = 8;
	for (size_t i = 0; i < n; i++)
		flow_row_add_cell(row, 0, field_cell(w, labels[i], values[i]));
}

static void build_header(ws *w, sp_flow *f)
{
	const int cand = w->ed == WS_CANDIDATE;
	flow_block *b = para(
	    w, f, lab(w, cand ? LABEL_WS_TITLE : LABEL_WS_TITLE_INTERVIEWER),
	    &w->title, &w->ps_title);
	retag(w, b, "H1");
	b->keep_with_next = 1;
	if (w->c->title.s) {
		b = para(w, f, w->c->title.s, &w->muted, &w->st.ps_small);
		b->space_before = 2;
	}
	char tm[24], nq[24];
	snprintf(tm, sizeof tm, "%d", w->total_minutes);
	snprintf(nq, sizeof nq, "%zu", w->n);
	char *total = labels_fill(&w->t->labels,
	                          w->n == 1 ? LABEL_WS_TIME_1 : LABEL_WS_TIME_N,
	                          tm, nq, NULL);
	const char *l1[] = {lab(w, LABEL_WS_CANDIDATE), lab(w, LABEL_WS_ROLE)};
	const char *v1[] = {w->info->name, w->info->role};
	header_row(w, f, l1, v1, 2);
	const char *l2[] = {lab(w, LABEL_WS_DATE), lab(w, LABEL_WS_INTERVIEWER),
	                    lab(w, LABEL_WS_TOTAL_TIME)};
	const char *v2[] = {w->info->date, w->info->interviewer, total};
	header_row(w, f, l2, v2, 3);
	free(total);
	flow_block *rule = flow_add_rule(f, 0.8, w->t->color_rule);
	rule->space_before = 10;
	rule->space_after = 8;
}

static void build_instructions(ws *w, sp_flow *f)
{
	char tm[24];
	snprintf(tm, sizeof tm, "%d", w->total_minutes);
	char *text =
	    labels_fill(&w->t->labels,
	                w->ed == WS_CANDIDATE ? LABEL_WS_GUIDE_CANDIDATE
	                                      : LABEL_WS_GUIDE_INTERVIEWER,
	                tm, NULL, NULL);
	flow_block *b = para(w, f, lab(w, LABEL_WS_INSTRUCTIONS), &w->label,
	                     &w->st.ps_small);
	retag(w, b, "H2");
	b->keep_with_next = 1;
	b = para(w, f, text, &w->st.small, &w->st.ps_small);
	free(text);
	b->space_before = 2;
	b->space_after = 6;
}

/* ---- one question ---- */

static void question_head(ws *w, sp_flow *f, size_t i)
{
	const sp_question *q = wq(w, i);
	char num[32], dest[300];
	snprintf(num, sizeof num, "%zu.", i + 1);
	flow_block *b = para(w, f, q->question.s, &w->st.h2, &w->ps_head);
	flow_para_marker(b, num, &w->st.h2, QINDENT - 4);
	retag(w, b, "H2");
	b->se_marker = tagging_add(w->r->tags, b->se, "Lbl");
	b->indent_left = QINDENT;
	b->space_before = i ? 18 : 8;
	b->keep_with_next = 1;
	b->keep_together = 1;
	snprintf(dest, sizeof dest, "q-%s", q->id);
	flow_block_anchor(b, dest);
	char pre[40];
	snprintf(pre, sizeof pre, "%zu. ", i + 1);
	char *title = clipped(pre, q->question.s, 120);
	flow_block_outline(b, 0, title);
	free(title);
	int min = ws_question_minutes(q, w->t);
	sp_buf meta = SP_BUF_INIT;
	char ms[16];
	snprintf(ms, sizeof ms, "%d", min);
	char *mt = labels_fill(&w->t->labels,
	                       min == 1 ? LABEL_WS_MIN_1 : LABEL_WS_MINS, ms,
	                       NULL, NULL);
	char *ref = labels_fill(&w->t->labels, LABEL_WS_REF, q->id, NULL, NULL);
	buf_printf(&meta, "%s" MIDDOT "%s", mt,
	           w->c->categories[q->category].name);
	if (q->framework.name.s)
		buf_printf(&meta, MIDDOT "%s", q->framework.name.s);
	buf_printf(&meta, MIDDOT "%s", ref);
	free(mt);
	free(ref);
	layout_para_style ps =
	    typeset_display_style(w->r, w->t->size_small, ALIGN_LEFT);
	b = para(w, f, meta.data, &w->muted, &ps);
	buf_free(&meta);
	b->indent_left = QINDENT;
	b->space_before = 2;
	b->space_after = 6;
	b->keep_with_next = 1;
}

/* A framework step's label and prompt. */
static void step_head(ws *w, sp_flow *f, const sp_step *s, const char *prefix)
{
	char *label = clipped(prefix ? prefix : "", s->label.s, 100000);
	uint32_t was = open_tag(w, "TR"); /* a row of the steps' table */
	retag(w, para(w, f, label, &w->label, &w->st.ps_small), "TH");
	free(label);
	if (s->prompt.s) {
		flow_block *b =
		    para(w, f, s->prompt.s, &w->muted, &w->st.ps_small);
		retag(w, b, "TD");
		b->space_before = 1;
	}
	tagging_parent(w->r->tags, was);
}

/* A labelled space for one framework step: label, prompt, then the lines,
 * `drop` points lower. */
static sp_flow *step_flow(ws *w, const sp_step *s, const char *prefix,
                          int nlines, double drop)
{
	sp_flow *f = flow_new();
	step_head(w, f, s, prefix);
	flow_block *b = flow_add_lines(f, nlines, LINE_GAP, w->t->color_rule);
	b->space_before = drop;
	return f;
}

/* The height of a step's label and prompt at a width. */
static double step_head_height(ws *w, const sp_step *s, double width)
{
	sp_flow *f = flow_new();
	step_head(w, f, s, NULL);
	double h = layout_flow_height(w->r->eng, f, width);
	flow_free(f);
	return h;
}

static void star_grid(ws *w, sp_flow *f, const sp_question *q, int minutes)
{
	int per = (ws_answer_lines(minutes) + 1) / 2;
	if (per > 11)
		per = 11;
	if (per < 3)
		per = 3;
	/* the width of a cell's content, as the row shares it: the lines of
	 * both cells of a row start at the same height even when one prompt
	 * takes more lines than the other */
	double frame_w = w->t->page_w - w->t->margin_inner - w->t->margin_outer;
	double content_w = (frame_w - QINDENT - STAR_GAP) / 2 - 2 * CELL_PAD;
	uint32_t was = open_tag(w, "Table");
	for (int r = 0; r < 2; r++) {
		flow_block *row = flow_add_row(f, STAR_GAP);
		row->indent_left = QINDENT;
		row->space_before = r ? 8 : 0;
		row->stroke = w->t->color_rule;
		row->thickness = BOX_RULE;
		if (r == 0)
			row->keep_with_next = 1;
		const sp_step *st = &q->framework.steps[r * 2];
		double h[2] = {step_head_height(w, &st[0], content_w),
		               step_head_height(w, &st[1], content_w)};
		for (int k = 0; k < 2; k++) {
			double drop = h[1 - k] > h[k] ? h[1 - k] - h[k] : 0;
			flow_cell *c = flow_row_add_cell(
			    row, 0, step_flow(w, &st[k], NULL, per, drop));
			c->pad = CELL_PAD;
			c->border = 1;
		}
	}
	tagging_parent(w->r->tags, was);
}

static void step_boxes(ws *w, sp_flow *f, const sp_question *q, int minutes)
{
	size_t ns = q->framework.nsteps;
	int per = ws_answer_lines(minutes) / (int)ns;
	if (per < 2)
		per = 2;
	uint32_t was = open_tag(w, "Table");
	for (size_t k = 0; k < ns; k++) {
		char prefix[32];
		snprintf(prefix, sizeof prefix, "%zu. ", k + 1);
		sp_flow *in =
		    step_flow(w, &q->framework.steps[k], prefix, per, 0);
		flow_block *b =
		    flow_add_box(f, in, CELL_PAD, BOX_RULE, w->t->color_rule);
		b->indent_left = QINDENT;
		b->keep_together = 1;
		b->space_before = k ? 6 : 0;
	}
	tagging_parent(w->r->tags, was);
}

static void candidate_question(ws *w, sp_flow *f, size_t i)
{
	const sp_question *q = wq(w, i);
	int min = ws_question_minutes(q, w->t);
	uint32_t was = open_tag(w, "Sect");
	question_head(w, f, i);
	if (is_star(&q->framework)) {
		star_grid(w, f, q, min);
	} else if (q->framework.nsteps > 0) {
		step_boxes(w, f, q, min);
	} else {
		flow_block *b = flow_add_lines(f, ws_answer_lines(min),
		                               LINE_GAP, w->t->color_rule);
		b->indent_left = QINDENT;
		b->keep_together = 1; /* the answer space on one page */
	}
	tagging_parent(w->r->tags, was);
}

static void section_label(ws *w, sp_flow *f, const char *text, double before)
{
	flow_block *b = para(w, f, text, &w->label, &w->st.ps_small);
	retag(w, b, "H3");
	b->indent_left = QINDENT;
	b->space_before = before;
	b->space_after = 2;
	b->keep_with_next = 1;
}

static sp_flow *rubric_cell(ws *w, const char *label, const sp_text_list *l)
{
	sp_flow *f = flow_new();
	flow_block *b = para(w, f, label, &w->label, &w->st.ps_small);
	retag(w, b, "H3");
	b->space_after = 2;
	typeset_bullets(w->r, f, l, TICK, &w->st.small, &w->st.ps_small, 0,
	                1.5);
	return f;
}

static void rubric_row(ws *w, sp_flow *f, const sp_question *q)
{
	if (!q->rubric_strong.n && !q->rubric_red_flags.n)
		return;
	flow_block *row = flow_add_row(f, 8);
	row->indent_left = QINDENT;
	row->space_before = 8;
	row->stroke = w->t->color_rule;
	row->thickness = BOX_RULE;
	flow_cell *c = flow_row_add_cell(
	    row, 0, rubric_cell(w, lab(w, LABEL_WS_STRONG), &q->rubric_strong));
	c->pad = 5;
	c->border = 1;
	c->has_fill = 1;
	c->fill = w->t->color_shade;
	c = flow_row_add_cell(
	    row, 0,
	    rubric_cell(w, lab(w, LABEL_WS_RED_FLAGS), &q->rubric_red_flags));
	c->pad = 5;
	c->border = 1;
}

static sp_flow *centered(ws *w, const char *text, const layout_span *s)
{
	sp_flow *f = flow_new();
	layout_para_style ps = w->st.ps_small;
	ps.align = ALIGN_CENTER;
	para(w, f, text, s, &ps);
	return f;
}

static void score_row(ws *w, sp_flow *f)
{
	flow_block *row = flow_add_row(f, 4);
	row->indent_left = QINDENT;
	row->space_before = 8;
	row->stroke = w->t->color_text;
	row->thickness = 0.7;
	flow_cell *c = flow_row_add_cell(
	    row, 44, centered(w, lab(w, LABEL_WS_SCORE), &w->label));
	c->pad = 5;
	for (int k = 1; k <= 5; k++) {
		char num[4];
		snprintf(num, sizeof num, "%d", k);
		c = flow_row_add_cell(row, 24, centered(w, num, &w->muted));
		c->border = 1;
		c->pad = 5;
		c->min_height = 20;
	}
	sp_flow *key = flow_new();
	para(w, key, lab(w, LABEL_WS_SCORE_KEY), &w->muted, &w->st.ps_small);
	c = flow_row_add_cell(row, 0, key);
	c->pad = 5;
}

/* The answer key, after the checklist: the model answer, and the tip
 * when the question has no key points and no rubric (an imported guide's
 * question: the interviewer has nothing else to judge by). */
static void answer_key(ws *w, sp_flow *f, const sp_question *q)
{
	if (w->info->no_answers)
		return;
	if (q->answer.nblocks) {
		section_label(w, f, lab(w, LABEL_WS_ANSWER_KEY), 6);
		typeset_rich_text(w->r, f, &q->answer, &w->st.small,
		                  &w->st.ps_small, QINDENT, 3);
	}
	int bare =
	    !q->key_points.n && !q->rubric_strong.n && !q->rubric_red_flags.n;
	if (bare && q->tip.nblocks) {
		section_label(w, f, lab(w, LABEL_WS_TIP), 6);
		typeset_rich_text(w->r, f, &q->tip, &w->muted, &w->st.ps_small,
		                  QINDENT, 3);
	}
}

static void interviewer_question(ws *w, sp_flow *f, size_t i)
{
	const sp_question *q = wq(w, i);
	uint32_t was = open_tag(w, "Sect");
	question_head(w, f, i);
	if (q->why.nblocks) {
		section_label(w, f, lab(w, LABEL_WS_WHY), 0);
		typeset_rich_text(w->r, f, &q->why, &w->st.small,
		                  &w->st.ps_small, QINDENT, 3);
	}
	if (q->key_points.n) {
		section_label(w, f, lab(w, LABEL_WS_LISTEN_FOR), 6);
		typeset_bullets(w->r, f, &q->key_points, TICK, &w->st.small,
		                &w->st.ps_small, QINDENT - 2, 1.5);
	}
	answer_key(w, f, q);
	if (q->follow_ups.n) {
		section_label(w, f, lab(w, LABEL_WS_FOLLOW_UPS), 6);
		typeset_bullets(w->r, f, &q->follow_ups, BULLET, &w->st.small,
		                &w->st.ps_small, QINDENT - 2, 1.5);
	}
	rubric_row(w, f, q);
	score_row(w, f);
	section_label(w, f, lab(w, LABEL_WS_NOTES), 8);
	flow_block *b = flow_add_lines(f, 3, 18, w->t->color_rule);
	b->indent_left = QINDENT;
	b->keep_together = 1;
	tagging_parent(w->r->tags, was);
}

/* ---- scorecard ---- */

static void card_row(ws *w, sp_flow *f, const char *a, const char *b,
                     const char *c, const char *d, int head)
{
	flow_block *row = flow_add_row(f, 0);
	row->stroke = w->t->color_rule;
	row->thickness = BOX_RULE;
	const layout_span *st = head ? &w->label : &w->st.small;
	const char *v[4] = {a, b, c, d};
	const double wd[4] = {26, 0, 52, 70};
	uint32_t was = open_tag(w, "TR");
	for (int k = 0; k < 4; k++) {
		sp_flow *in = flow_new();
		layout_para_style ps = typeset_display_style(
		    w->r, w->t->size_small, k != 1 ? ALIGN_CENTER : ALIGN_LEFT);
		retag(w,
		      para(w, in, v[k], k == 3 && !head ? &w->muted : st, &ps),
		      head ? "TH" : "TD");
		flow_cell *cell = flow_row_add_cell(row, wd[k], in);
		cell->pad = 5;
		cell->border = 1;
		cell->min_height = head ? 0 : 24;
		if (head) {
			cell->has_fill = 1;
			cell->fill = w->t->color_shade;
		}
	}
	tagging_parent(w->r->tags, was);
}

static void build_scorecard(ws *w, sp_flow *f)
{
	flow_add_break(f, 0);
	flow_block *b =
	    para(w, f, lab(w, LABEL_WS_SCORECARD), &w->title, &w->ps_title);
	retag(w, b, "H1");
	flow_block_anchor(b, "scorecard");
	flow_block_outline(b, 0, lab(w, LABEL_WS_SCORECARD));
	char *line = labels_fill(
	    &w->t->labels, LABEL_WS_CARD_LINE,
	    w->info->name ? w->info->name : "________________",
	    w->info->variant ? w->info->variant : lab(w, LABEL_WS_NO_VARIANT),
	    NULL);
	b = para(w, f, line, &w->muted, &w->st.ps_small);
	free(line);
	b->space_before = 2;
	b->space_after = 10;
	uint32_t was = open_tag(w, "Table");
	card_row(w, f, "#", lab(w, LABEL_WS_QUESTION), lab(w, LABEL_WS_MINUTES),
	         lab(w, LABEL_WS_SCORE_RANGE), 1);
	for (size_t i = 0; i < w->n; i++) {
		const sp_question *q = wq(w, i);
		char num[32], min[32];
		snprintf(num, sizeof num, "%zu", i + 1);
		snprintf(min, sizeof min, "%d", ws_question_minutes(q, w->t));
		card_row(w, f, num, q->question.s, min, "", 0);
	}
	char tmin[32], tmax[32];
	snprintf(tmin, sizeof tmin, "%d", w->total_minutes);
	snprintf(tmax, sizeof tmax, "/ %zu", 5 * w->n);
	card_row(w, f, "", lab(w, LABEL_WS_TOTAL), tmin, tmax, 0);
	tagging_parent(w->r->tags, was);
	b = para(w, f, lab(w, LABEL_WS_OVERALL), &w->label, &w->st.ps_small);
	retag(w, b, "H2");
	b->space_before = 14;
	b->space_after = 4;
	b->keep_with_next = 1;
	static const label_id verdicts[] = {LABEL_WS_STRONG_HIRE, LABEL_WS_HIRE,
	                                    LABEL_WS_NO_HIRE,
	                                    LABEL_WS_STRONG_NO_HIRE};
	flow_block *row = flow_add_row(f, 10);
	for (int k = 0; k < 4; k++) {
		sp_flow *in = flow_new();
		char *v = clipped(TICK " ", lab(w, verdicts[k]), 200);
		para(w, in, v, &w->st.body, &w->ps_head);
		free(v);
		flow_row_add_cell(row, 0, in);
	}
	row->keep_with_next = 1;
	b = para(w, f, lab(w, LABEL_WS_COMMENTS), &w->label, &w->st.ps_small);
	retag(w, b, "H2");
	b->space_before = 10;
	b->keep_with_next = 1;
	flow_add_lines(f, 6, LINE_GAP, w->t->color_rule);
}

/* ---- pages ---- */

/* "LABEL · NAME" (the name clipped to max bytes), or the label alone
 * when there is no name; newly allocated. */
static char *prefixed(const ws *w, label_id id, size_t max)
{
	if (!w->info->name)
		return xstrdup(lab(w, id));
	sp_buf p = SP_BUF_INIT;
	buf_printf(&p, "%s" MIDDOT, lab(w, id));
	char *s = clipped(p.data, w->info->name, max);
	buf_free(&p);
	return s;
}

static void footers(ws *w, sp_document *doc)
{
	const sp_template *t = w->t;
	double y = t->margin_bottom * 0.45;
	double x1 = t->margin_inner, x2 = t->page_w - t->margin_outer;
	char right[160];
	char *left = prefixed(w,
	                      w->ed == WS_CANDIDATE ? LABEL_WS_FOOT_CANDIDATE
	                                            : LABEL_WS_FOOT_INTERVIEWER,
	                      60);
	for (size_t p = 0; p < doc->npages; p++) {
		char np[24], nb[24];
		snprintf(np, sizeof np, "%zu", p + 1);
		snprintf(nb, sizeof nb, "%zu", doc->npages);
		char *s =
		    w->info->variant
		        ? labels_fill(&t->labels, LABEL_WS_PAGE_VARIANT,
		                      w->info->variant, np, nb)
		        : labels_fill(&t->labels, LABEL_WS_PAGE, np, nb, NULL);
		snprintf(right, sizeof right, "%s", s);
		free(s);
		sp_page *pg = &doc->pages[p];
		page_add_line(pg, x1, y + 10, x2, y + 10, 0.4, t->color_rule);
		typeset_draw_text(w->r, pg, &w->foot, left, x1, y, ALIGN_LEFT);
		typeset_draw_text(w->r, pg, &w->foot, right, x2, y,
		                  ALIGN_RIGHT);
	}
	free(left);
}

static sp_flow *build_flow(ws *w)
{
	sp_flow *f = flow_new();
	build_header(w, f);
	build_instructions(w, f);
	for (size_t i = 0; i < w->n; i++) {
		if (w->ed == WS_CANDIDATE)
			candidate_question(w, f, i);
		else
			interviewer_question(w, f, i);
	}
	if (w->ed == WS_INTERVIEWER)
		build_scorecard(w, f);
	return f;
}

sp_document *ws_build(sp_typeset *r, const sp_corpus *c, const size_t *qs,
                      size_t n, const ws_info *info, ws_edition ed)
{
	ws w;
	memset(&w, 0, sizeof w);
	w.r = r;
	w.t = r->tpl;
	w.c = c;
	w.qs = qs;
	w.n = n;
	w.info = info;
	w.ed = ed == WS_INTERVIEWER ? WS_INTERVIEWER : WS_CANDIDATE;
	for (size_t i = 0; i < n; i++)
		w.total_minutes += ws_question_minutes(wq(&w, i), w.t);
	init_styles(&w);
	tagging_begin(r->tags, c->language.s);
	sp_flow *f = build_flow(&w);
	sp_document *doc = doc_new();
	typeset_pages fs = {w.t, WS_MAX_PAGES, 0};
	long frames = layout_paginate(r->eng, f, doc, typeset_next_frame, &fs);
	flow_free(f);
	if (frames < 0) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "the worksheet needs more than %d pages",
		           WS_MAX_PAGES);
		doc_free(doc);
		return NULL;
	}
	footers(&w, doc);
	tagging_finish(r->tags, doc);
	char *title = prefixed(
	    &w,
	    w.ed == WS_CANDIDATE ? LABEL_WS_TITLE : LABEL_WS_TITLE_INTERVIEWER,
	    120);
	doc_set_info(doc, title, c->author.s, c->title.s);
	free(title);
	return doc;
}
