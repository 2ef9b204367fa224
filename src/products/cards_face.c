/* cards_face.c - the two faces of a card, and fitting text into them.
 *
 * A face is a header line, a body and a footer line inside the card's
 * padding. Front: category and level on top, the question in the middle,
 * number and id at the bottom. Back: number and id with "Key points" (or
 * "Answer") on top, the key points (or the answer) below.
 *
 * Fitting: the body starts at the template's card size (the question at
 * CARDS_FRONT_SCALE times it; both larger on cards larger than a4-8's, see
 * start_size) and shrinks in steps of 0.5 pt down to the template's
 * minimum. If it still does not fit, the card
 * continues on further cards: the fewest that hold it at the minimum size,
 * at the largest size that keeps to that number. Layout never clips. */
#include "products/cards.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/richtext.h"
#include "util/mem.h"

#define SIZE_STEP 0.5
#define MAX_PARTS (CARDS_MAX_PARTS + 1) /* counting stops here */
#define BULLET "\xE2\x80\xA2"           /* • */
#define MIDDOT " \xC2\xB7 "             /* " · " */

struct cards_card {
	sp_typeset *r;
	const sp_question *q;
	const char *category; /* name, or NULL */
	size_t number;
	double w, h;   /* card, points */
	double pad;    /* inner padding */
	double ls;     /* label size */
	double hh, fh; /* header and footer heights (front = back) */
	double gap;    /* between header/footer and the body */
	double front_size, back_size;
	int front_parts, back_parts;
	double front_h, back_h; /* body heights the faces were fitted to */
};

/* ---- flows ---- */

static sp_flow *label_flow(const cards_card *k, const char *left, int left_bold,
                           sp_color left_color, const char *tail,
                           layout_align align)
{
	const sp_template *t = k->r->tpl;
	sp_flow *f = flow_new();
	layout_para_style ps = typeset_display_style(k->r, k->ls, align);
	layout_span st = typeset_span(
	    FAMILY_HEADING, left_bold ? VARIANT_BOLD : 0, k->ls, left_color);
	flow_block *b = typeset_text_para(f, left, &st, &ps);
	if (tail) {
		layout_span ts =
		    typeset_span(FAMILY_HEADING, 0, k->ls, t->color_muted);
		flow_para_tail(b, tail, &ts, 0);
	}
	return f;
}

static void number_id(const cards_card *k, char *buf, size_t n)
{
	snprintf(buf, n, "%zu" MIDDOT "%s", k->number, k->q->id);
}

static void part_mark(const cards_card *k, int part, char *buf, size_t n)
{
	int parts =
	    k->front_parts > k->back_parts ? k->front_parts : k->back_parts;
	buf[0] = 0;
	if (parts <= 1)
		return;
	if (part == 1)
		snprintf(buf, n, "1/%d, continues \xE2\x86\x92", parts); /* → */
	else
		snprintf(buf, n, "continued %d/%d", part, parts);
}

static sp_flow *header_flow(const cards_card *k, int back)
{
	const sp_template *t = k->r->tpl;
	if (back) {
		char ni[256];
		number_id(k, ni, sizeof ni);
		return label_flow(
		    k, ni, 1, t->color_muted,
		    labels_get(&t->labels, k->q->key_points.n
		                               ? LABEL_KEY_POINTS
		                               : LABEL_CARD_ANSWER),
		    ALIGN_LEFT);
	}
	sp_level lv = k->q->level;
	const char *lvl =
	    lv == LEVEL_JUNIOR   ? labels_get(&t->labels, LABEL_CARD_JUNIOR)
	    : lv == LEVEL_MID    ? labels_get(&t->labels, LABEL_CARD_MID)
	    : lv == LEVEL_SENIOR ? labels_get(&t->labels, LABEL_CARD_SENIOR)
	                         : corpus_level_name(lv);
	return label_flow(k, k->category ? k->category : "", 1, t->color_accent,
	                  lvl, ALIGN_LEFT);
}

static sp_flow *footer_flow(const cards_card *k, int back, const char *mark)
{
	const sp_template *t = k->r->tpl;
	if (back)
		return label_flow(k, mark, 0, t->color_muted, NULL,
		                  ALIGN_RIGHT);
	char ni[256];
	number_id(k, ni, sizeof ni);
	return label_flow(k, ni, 0, t->color_muted, mark[0] ? mark : NULL,
	                  ALIGN_LEFT);
}

typeset_tags *cards_card_tags(const cards_card *k)
{
	return k->r->tags;
}

/* Tags every block of f not tagged yet as role, under the current
 * parent. */
static sp_flow *tag_flow(const cards_card *k, sp_flow *f, const char *role)
{
	for (size_t i = 0; i < f->n; i++)
		if (!f->blocks[i].se)
			tagging_block(k->r->tags, &f->blocks[i], 0, role);
	return f;
}

static sp_flow *front_body(const cards_card *k, double size)
{
	const sp_template *t = k->r->tpl;
	sp_flow *f = flow_new();
	/* display text: whole words */
	layout_para_style ps = typeset_display_style(k->r, size, ALIGN_CENTER);
	ps.leading = size * 1.25;
	layout_span st =
	    typeset_span(FAMILY_HEADING, VARIANT_BOLD, size, t->color_text);
	st.loc = k->q->question.loc;
	flow_block *b = typeset_text_para(
	    f, k->q->question.s ? k->q->question.s : "", &st, &ps);
	tagging_block(k->r->tags, b, 0, "H1"); /* the card's heading */
	return f;
}

static sp_flow *back_body(const cards_card *k, double size)
{
	const sp_template *t = k->r->tpl;
	sp_flow *f = flow_new();
	layout_para_style ps = typeset_para_style(k->r, size, 0);
	layout_span st = typeset_span(FAMILY_BODY, 0, size, t->color_text);
	if (k->q->key_points.n)
		typeset_bullets(k->r, f, &k->q->key_points, BULLET, &st, &ps, 0,
		                size * 0.35);
	else
		typeset_rich_text(k->r, f, &k->q->answer, &st, &ps, 0,
		                  size * 0.45);
	return f;
}

static sp_flow *body_flow(const cards_card *k, int back, double size)
{
	return back ? back_body(k, size) : front_body(k, size);
}

/* ---- geometry ---- */

static double inner_w(const cards_card *k)
{
	return k->w - 2 * k->pad;
}

/* The body's height: below the header, above the footer when there is
 * one (always on the front; on the back only on continued cards). */
static double body_h(const cards_card *k, int footer)
{
	double h = k->h - 2 * k->pad - k->hh - k->gap;
	return footer ? h - k->fh - k->gap : h;
}

static double flow_h(const cards_card *k, sp_flow *f)
{
	double h = layout_flow_height(k->r->eng, f, inner_w(k));
	flow_free(f);
	return h;
}

static void measure_bands(cards_card *k)
{
	double hf = flow_h(k, header_flow(k, 0));
	double hb = flow_h(k, header_flow(k, 1));
	k->hh = fmax(hf, hb);
	double f1 = flow_h(k, footer_flow(k, 0, "continued 99/99"));
	double f2 = flow_h(k, footer_flow(k, 1, "continued 99/99"));
	k->fh = fmax(f1, f2);
	k->gap = k->ls * 0.9;
}

/* Frames needed for a flow (measuring only). */
static int count_parts(const cards_card *k, const sp_flow *f, double h)
{
	layout_frame fr = {0, 0, 0, inner_w(k), h};
	layout_pos pos = {0, 0, 0, 0};
	int n = 0;
	while (!layout_done(f, &pos) && n < MAX_PARTS) {
		layout_pos before = pos;
		int of = 0;
		layout_fit(k->r->eng, f, &pos, NULL, &fr, &of);
		n++;
		if (!memcmp(&before, &pos, sizeof pos))
			return MAX_PARTS; /* no progress: cannot happen */
	}
	return n ? n : 1;
}

static int parts_at(const cards_card *k, int back, double size, double h)
{
	sp_flow *f = body_flow(k, back, size);
	int n = count_parts(k, f, h);
	flow_free(f);
	return n;
}

/* The largest size from the template's down to its minimum that needs
 * the fewest cards. */
/* Sizes to try: start, start - 0.5, ... while above min, then min. */
static double next_size(double s, double min)
{
	s -= SIZE_STEP;
	return s < min + 1e-9 ? min : s;
}

/* Cards larger than the default layout's (a4-8, 105 x 74.25 mm) start
 * larger, so that their text uses their room: by the square root of the
 * area ratio, at most CARDS_GROW_MAX times, in whole SIZE_STEPs. Smaller
 * cards start at the template's size and shrink as needed. */
#define CARDS_GROW_MAX 1.5
static double start_size(const cards_card *k, double base)
{
	const double ref = (105.0 / 25.4 * 72) * (74.25 / 25.4 * 72);
	double g = sqrt(k->w * k->h / ref);
	if (g <= 1)
		return base;
	if (g > CARDS_GROW_MAX)
		g = CARDS_GROW_MAX;
	return floor(base * g / SIZE_STEP) * SIZE_STEP;
}

static void fit_face(const cards_card *k, int back, double h, double *size,
                     int *parts)
{
	const sp_template *t = k->r->tpl;
	double min = t->card_min_size, s;
	double start = start_size(k, back ? t->card_size
	                                  : t->card_size * CARDS_FRONT_SCALE);
	if (start < min)
		start = min;
	for (s = start;; s = next_size(s, min)) {
		if (parts_at(k, back, s, h) == 1) {
			*size = s;
			*parts = 1;
			return;
		}
		if (s <= min)
			break;
	}
	/* continued: the fewest cards (at min), at the largest size that
	 * still needs no more of them */
	int n = parts_at(k, back, min, h);
	for (s = start; s > min && parts_at(k, back, s, h) > n;
	     s = next_size(s, min))
		;
	*size = s;
	*parts = n;
}

/* Bytes of text on a face's body. */
static size_t face_bytes(const sp_question *q, int back)
{
	if (!back)
		return q->question.s ? strlen(q->question.s) : 0;
	if (!q->key_points.n)
		return richtext_bytes(&q->answer);
	size_t n = 0;
	for (size_t i = 0; i < q->key_points.n; i++)
		n += q->key_points.items[i].s ? strlen(q->key_points.items[i].s)
		                              : 0;
	return n;
}

cards_card *cards_card_new(sp_typeset *r, const sp_corpus *c,
                           const sp_question *q, size_t number, double w,
                           double h)
{
	cards_card *k = xcalloc(1, sizeof *k);
	k->r = r;
	k->q = q;
	k->number = number;
	if (q->category < c->ncategories)
		k->category = c->categories[q->category].name;
	k->w = w;
	k->h = h;
	k->pad = fmin(fmax(0.075 * fmin(w, h), 9.0), 15.0);
	k->ls = fmin(fmax(r->tpl->size_small * 0.85, 6.0), 7.5);
	measure_bands(k);
	if (body_h(k, 1) < k->ls * 2) {
		free(k);
		return NULL;
	}
	if (face_bytes(q, 0) > CARDS_MAX_FACE_BYTES ||
	    face_bytes(q, 1) > CARDS_MAX_FACE_BYTES) {
		/* far beyond CARDS_MAX_PARTS cards: do not lay it out */
		k->front_parts = k->back_parts = MAX_PARTS;
		k->front_size = k->back_size = r->tpl->card_min_size;
		return k;
	}
	k->front_h = body_h(k, 1);
	fit_face(k, 0, k->front_h, &k->front_size, &k->front_parts);
	k->back_h = body_h(k, 0);
	fit_face(k, 1, k->back_h, &k->back_size, &k->back_parts);
	if (k->front_parts > 1 || k->back_parts > 1) {
		k->back_h = body_h(k, 1);
		fit_face(k, 1, k->back_h, &k->back_size, &k->back_parts);
	}
	return k;
}

void cards_card_free(cards_card *k)
{
	free(k);
}

int cards_card_parts(const cards_card *k)
{
	return k->front_parts > k->back_parts ? k->front_parts : k->back_parts;
}

void cards_card_sizes(const cards_card *k, double *front, double *back)
{
	*front = k->front_size;
	*back = k->back_size;
}

/* ---- drawing ---- */

static void draw_flow(const cards_card *k, sp_flow *f, sp_document *doc,
                      size_t page, double x, double top, double h)
{
	layout_frame fr = {page, x, top, inner_w(k), h};
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_fit(k->r->eng, f, &pos, doc, &fr, &of);
	flow_free(f);
}

static void draw_rule(const cards_card *k, sp_document *doc, size_t page,
                      double x, double y)
{
	page_add_line(&doc->pages[page], x, y, x + inner_w(k), y, 0.4,
	              k->r->tpl->color_rule);
}

/* The body of part `part` (1-based): skip the frames of earlier parts. A
 * front that fits one card is repeated, centred, on every part. */
static void draw_body(const cards_card *k, int back, int part, sp_document *doc,
                      size_t page, double x, double top)
{
	int nparts = back ? k->back_parts : k->front_parts;
	double size = back ? k->back_size : k->front_size;
	if (back && part > nparts)
		return;
	if (!back && nparts == 1)
		part = 1;
	sp_flow *f = body_flow(k, back, size);
	layout_frame fr = {page, x, top, inner_w(k),
	                   back ? k->back_h : k->front_h};
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	for (int i = 1; i < part && !layout_done(f, &pos); i++)
		layout_fit(k->r->eng, f, &pos, NULL, &fr, &of);
	if (!back && nparts == 1) {
		layout_pos p2 = pos;
		double used = layout_fit(k->r->eng, f, &p2, NULL, &fr, &of);
		fr.top -= fmax(0, (fr.h - used) / 2);
	}
	if (!layout_done(f, &pos))
		layout_fit(k->r->eng, f, &pos, doc, &fr, &of);
	flow_free(f);
}

void cards_card_draw(const cards_card *k, int part, int back, sp_document *doc,
                     size_t page, const cards_box *box)
{
	double x = box->x + k->pad, top = box->y + box->h - k->pad;
	double bottom = box->y + k->pad;
	char mark[64];
	part_mark(k, part, mark, sizeof mark);
	draw_flow(k, tag_flow(k, header_flow(k, back), "P"), doc, page, x, top,
	          k->hh);
	draw_rule(k, doc, page, x, top - k->hh - k->gap / 2);
	draw_body(k, back, part, doc, page, x, top - k->hh - k->gap);
	if (back && !mark[0])
		return;
	draw_rule(k, doc, page, x, bottom + k->fh + k->gap / 2);
	draw_flow(k, tag_flow(k, footer_flow(k, back, mark), "P"), doc, page, x,
	          bottom + k->fh, k->fh);
}
