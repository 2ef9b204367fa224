/* handbook.c - questions + template -> the handbook's flow and pages.
 *
 * Laid out in passes: the contents and the index print page numbers that
 * are only known after layout, so the flow is built with the numbers of
 * the previous pass until they stop changing (two passes as a rule). */
#include "products/handbook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/timing.h"
#include "util/buf.h"
#include "util/mem.h"

#define MAX_PASSES 4

typedef struct hb {
	sp_typeset *r;
	const sp_template *t;
	const sp_corpus *c;
	const size_t *sel;
	size_t nsel;
	const handbook_opts *o;
	/* numbering: section of each category (1-based, 0 = not shown) */
	int *cat_num;
	int *q_num;      /* number within its section, per selected index */
	long *page_of_q; /* page index of each selected question */
	long *page_of_cat;
	long page_of_index;
	size_t front_pages; /* cover + contents (roman numbers) */
	/* styles */
	typeset_styles st; /* body, small, h2 and their paragraph styles */
	layout_span meta, label, h1, title, toc, toc_bold;
	layout_para_style ps_center;
	uint32_t toc_se; /* the contents' TOC element */
} hb;

/* ---- styles ---- */

static void init_styles(hb *h)
{
	const sp_template *t = h->t;
	typeset_styles_init(h->r, &h->st);
	h->meta =
	    typeset_span(FAMILY_HEADING, 0, t->size_small, t->color_muted);
	h->label = typeset_span(FAMILY_HEADING, VARIANT_BOLD,
	                        t->size_small + 0.5, t->color_accent);
	h->h1 = typeset_span(FAMILY_HEADING, VARIANT_BOLD, t->size_h1,
	                     t->color_accent);
	h->title = typeset_span(FAMILY_HEADING, VARIANT_BOLD, t->size_title,
	                        t->color_accent);
	h->toc = typeset_span(FAMILY_BODY, 0, t->size_body, t->color_text);
	h->toc_bold = typeset_span(FAMILY_HEADING, VARIANT_BOLD,
	                           t->size_body + 0.5, t->color_text);
	h->ps_center = typeset_display_style(h->r, t->size_body, ALIGN_CENTER);
}

static layout_para_style heading_style(const hb *h, double size)
{
	layout_para_style ps = typeset_display_style(h->r, size, ALIGN_LEFT);
	ps.leading = size * 1.22;
	return ps;
}

/* ---- page numbers as printed ---- */

static int digits(long v)
{
	int d = 1;
	for (; v >= 10 && d < 20; v /= 10)
		d++;
	return d;
}

/* A page not known yet (the first pass) is as many zeros as the digits
 * of guess, the page it is likely on (about one page per question), so
 * that the text around it takes the room the real number will. */
static void page_label(const hb *h, long page, long guess, char *out, size_t n)
{
	if (page < 0)
		snprintf(out, n, "%.*s", digits(guess), "00000000000000000000");
	else
		snprintf(out, n, "%ld", page - (long)h->front_pages + 1);
}

static void q_dest(const sp_question *q, char *out, size_t n)
{
	snprintf(out, n, "q-%s", q->id);
}

static void q_number(const hb *h, size_t si, char *out, size_t n)
{
	const sp_question *q = &h->c->questions[h->sel[si]];
	snprintf(out, n, "%d.%d", h->cat_num[q->category], h->q_num[si]);
}

static long sel_index_of(const hb *h, size_t qi)
{
	for (size_t i = 0; i < h->nsel; i++)
		if (h->sel[i] == qi)
			return (long)i;
	return -1;
}

/* ---- cover and contents ---- */

static void add_centered(hb *h, sp_flow *f, const char *text,
                         const layout_span *st, double before)
{
	if (!text)
		return;
	layout_para_style ps = heading_style(h, st->size);
	ps.align = ALIGN_CENTER;
	flow_block *b = typeset_text_para(f, text, st, &ps);
	b->space_before = before;
	tagging_block(h->r->tags, b, 0, st == &h->title ? "Title" : "P");
}

/* The cover's blocks; gap (0 to 1) scales the spaces between its parts,
 * which shrink when the cover would not fit its page otherwise. */
static void cover_content(hb *h, sp_flow *f, double top_space, double gap)
{
	const sp_template *t = h->t;
	const sp_corpus *c = h->c;
	/* an empty paragraph holds the space (space vanishes at a top) */
	flow_block *top = flow_add_para(f, &h->st.ps_left);
	top->space_after = top_space;
	add_centered(h, f,
	             c->title.s ? c->title.s
	                        : labels_get(&t->labels, LABEL_HANDBOOK_TITLE),
	             &h->title, 0);
	layout_span sub =
	    typeset_span(FAMILY_HEADING, 0, t->size_h2 + 2, t->color_text);
	add_centered(h, f, c->subtitle.s, &sub, 14 * gap);
	flow_block *rule = flow_add_rule(f, 1.2, t->color_accent);
	rule->space_before = 22 * gap;
	rule->space_after = 22 * gap;
	rule->indent_left = rule->indent_right =
	    (t->page_w - t->margin_inner - t->margin_outer) * 0.3;
	if (h->o->role >= 0) {
		layout_span role =
		    typeset_span(FAMILY_HEADING, VARIANT_BOLD, t->size_h2 + 3,
		                 t->color_accent);
		char *s = labels_fill(&t->labels, LABEL_FOR_ROLE,
		                      c->roles[h->o->role].name, NULL, NULL);
		add_centered(h, f, s, &role, 0);
		free(s);
	}
	layout_span meta =
	    typeset_span(FAMILY_HEADING, 0, t->size_body + 1, t->color_muted);
	add_centered(h, f, c->author.s, &meta, 40 * gap);
	if (c->edition.s) {
		char *s = labels_fill(&t->labels, LABEL_EDITION, c->edition.s,
		                      NULL, NULL);
		add_centered(h, f, s, &meta, 6);
		free(s);
	}
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (!*end && v >= 0) {
			time_t tt = (time_t)v;
			struct tm tm;
			char date[64];
			gmtime_r(&tt, &tm);
			strftime(date, sizeof date, "%d %B %Y", &tm);
			add_centered(h, f, date, &meta, 6);
		}
	}
	if (c->description.nblocks) {
		flow_add_space(f, 40 * gap);
		layout_para_style ps = h->ps_center;
		typeset_rich_text(
		    h->r, f, &c->description, &h->meta, &ps,
		    (t->page_w - t->margin_inner - t->margin_outer) * 0.12, 4);
		for (size_t i = f->n - c->description.nblocks; i < f->n; i++)
			f->blocks[i].indent_right = f->blocks[i].indent_left;
	}
}

/* The height of the cover's blocks with gaps scaled by gap. */
static double cover_height(hb *h, double gap, double body_w)
{
	sp_flow *probe = flow_new();
	cover_content(h, probe, 0, gap);
	double need = layout_flow_height(h->r->eng, probe, body_w);
	flow_free(probe);
	return need;
}

/* The cover, its block placed a little above the optical centre; on a
 * page too small for it (A5 with a long description), the spaces between
 * its parts shrink so that it stays on its page. */
static void build_cover(hb *h, sp_flow *f)
{
	const sp_template *t = h->t;
	double body_h = t->page_h - t->margin_top - t->margin_bottom;
	double body_w = t->page_w - t->margin_inner - t->margin_outer;
	double gap = 1, need = cover_height(h, 1, body_w);
	if (need > body_h) {
		double tight = cover_height(h, 0, body_w);
		gap = need > tight && body_h > tight
		          ? (body_h - tight) / (need - tight)
		          : 0;
		need = cover_height(h, gap, body_w);
	}
	double room = body_h - need;
	cover_content(h, f, room > 0 ? room * 0.38 : 0, gap);
}

static flow_block *toc_entry(hb *h, sp_flow *f, const char *num,
                             const char *text, const char *dest, long page,
                             long guess, int top, sp_loc loc)
{
	layout_para_style ps =
	    typeset_display_style(h->r, h->t->size_body, ALIGN_LEFT);
	flow_block *b = flow_add_para(f, &ps);
	const layout_span *st = top ? &h->toc_bold : &h->toc;
	layout_span s = *st;
	s.loc = loc;
	sp_buf link = SP_BUF_INIT;
	buf_printf(&link, "#%s", dest);
	s.link = link.data;
	double hang = top ? 22 : 30;
	b->indent_left = top ? hang : 22 + hang;
	flow_para_marker(b, num, &s, hang);
	flow_para_add(b, text, strlen(text), &s);
	char pg[32];
	page_label(h, page, guess, pg, sizeof pg);
	flow_para_tail(b, pg, &s, 1);
	tagging_block(h->r->tags, b, tagging_add(h->r->tags, h->toc_se, "TOCI"),
	              "Reference");
	b->space_before = top ? 10 : 2.5;
	b->indent_right = 0;
	buf_free(&link);
	return b;
}

/* The page a section likely starts on: its first question's guess. */
static long cat_guess(const hb *h, size_t ci)
{
	for (size_t si = 0; si < h->nsel; si++)
		if (h->c->questions[h->sel[si]].category == ci)
			return (long)si + 1;
	return 1;
}

static void build_contents(hb *h, sp_flow *f)
{
	const char *contents = labels_get(&h->t->labels, LABEL_CONTENTS);
	flow_block *b =
	    typeset_text_para(f, contents, &h->h1, &(layout_para_style){0});
	uint32_t sect = tagging_add(h->r->tags, STRUCT_ROOT, "Sect");
	tagging_block(h->r->tags, b, sect, "H1");
	h->toc_se = tagging_add(h->r->tags, sect, "TOC");
	b->pstyle = heading_style(h, h->h1.size);
	b->space_after = 14;
	flow_block_anchor(b, "contents");
	flow_block_outline(b, 0, contents);
	const sp_corpus *c = h->c;
	for (size_t ci = 0; ci < c->ncategories; ci++) {
		if (!h->cat_num[ci])
			continue;
		char num[32], dest[300];
		snprintf(num, sizeof num, "%d", h->cat_num[ci]);
		snprintf(dest, sizeof dest, "cat-%s", c->categories[ci].id);
		flow_block *e = toc_entry(
		    h, f, num, c->categories[ci].name, dest, h->page_of_cat[ci],
		    cat_guess(h, ci), 1, c->categories[ci].loc);
		e->keep_with_next = 1;
		for (size_t si = 0; si < h->nsel; si++) {
			const sp_question *q = &c->questions[h->sel[si]];
			if (q->category != ci)
				continue;
			q_number(h, si, num, sizeof num);
			q_dest(q, dest, sizeof dest);
			toc_entry(h, f, num, q->question.s, dest,
			          h->page_of_q[si], (long)si + 1, 0,
			          q->question.loc);
		}
	}
	if (h->nsel) {
		toc_entry(h, f, "",
		          labels_get(&h->t->labels, LABEL_TOPIC_INDEX),
		          "topic-index", h->page_of_index, (long)h->nsel, 1,
		          sp_loc_make(NULL, 0, 0));
	}
}

/* ---- a question ---- */

static flow_block *label(hb *h, sp_flow *f, const char *text, double before)
{
	layout_para_style hs = heading_style(h, h->label.size);
	flow_block *b = typeset_text_para(f, text, &h->label, &hs);
	b->space_before = before;
	b->space_after = 2;
	b->keep_with_next = 1;
	tagging_block(h->r->tags, b, 0, "H3");
	return b;
}

void handbook_meta_line(const sp_labels *l, const sp_question *q, sp_buf *b)
{
	if (q->level == LEVEL_JUNIOR || q->level == LEVEL_MID ||
	    q->level == LEVEL_SENIOR)
		buf_puts(b, labels_get(l, q->level == LEVEL_JUNIOR
		                              ? LABEL_LEVEL_JUNIOR
		                          : q->level == LEVEL_MID
		                              ? LABEL_LEVEL_MID
		                              : LABEL_LEVEL_SENIOR));
	if (q->minutes) {
		char m[16];
		snprintf(m, sizeof m, "%d", q->minutes);
		char *s = labels_fill(l, LABEL_MIN, m, NULL, NULL);
		buf_printf(b, "%s%s", b->len ? " \xC2\xB7 " : "", s);
		free(s);
	}
	for (size_t i = 0; i < q->ntopics; i++)
		buf_printf(b, "%s%s", i ? ", " : (b->len ? " \xC2\xB7 " : ""),
		           q->topics[i]);
}

static void question_meta(hb *h, sp_flow *f, const sp_question *q)
{
	sp_buf b = SP_BUF_INIT;
	handbook_meta_line(&h->t->labels, q, &b);
	if (b.len) {
		flow_block *m =
		    typeset_text_para(f, b.data, &h->meta, &h->st.ps_small);
		m->keep_with_next = 1;
		m->space_after = 4;
		tagging_block(h->r->tags, m, 0, "P");
	}
	buf_free(&b);
}

static void framework_box(hb *h, sp_flow *f, const sp_question *q)
{
	const sp_template *t = h->t;
	const sp_framework *fw = &q->framework;
	sp_flow *in = flow_new();
	char *title =
	    labels_fill(&t->labels, LABEL_FRAMEWORK, fw->name.s, NULL, NULL);
	layout_para_style hs = heading_style(h, h->label.size);
	flow_block *tb = typeset_text_para(in, title, &h->label, &hs);
	tb->space_after = 4;
	free(title);
	typeset_tags *tg = h->r->tags;
	tagging_block(tg, tb, 0, "H3");
	uint32_t table = tagging_add(tg, 0, "Table");
	layout_span lab = typeset_span(FAMILY_HEADING, VARIANT_BOLD,
	                               t->size_small + 0.5, t->color_text);
	for (size_t i = 0; i < fw->nsteps; i++) {
		flow_block *row = flow_add_row(in, 8);
		row->space_before = i ? 3 : 0;
		sp_flow *lc = flow_new(), *pc = flow_new();
		char num[32];
		snprintf(num, sizeof num, "%zu. ", i + 1);
		sp_buf lb = SP_BUF_INIT;
		buf_printf(&lb, "%s%s", num,
		           fw->steps[i].label.s ? fw->steps[i].label.s : "");
		layout_span ls = lab;
		ls.loc = fw->steps[i].label.loc;
		flow_block *l =
		    typeset_text_para(lc, lb.data, &ls, &h->st.ps_small);
		l->pstyle.hyphenate = 0;
		buf_free(&lb);
		layout_span ps = h->st.small;
		ps.loc = fw->steps[i].prompt.loc;
		flow_block *p = typeset_text_para(pc, fw->steps[i].prompt.s,
		                                  &ps, &h->st.ps_small);
		uint32_t tr = tagging_add(tg, table, "TR");
		tagging_block(tg, l, tr, "TH");
		tagging_block(tg, p, tr, "TD");
		flow_row_add_cell(row, 96, lc);
		flow_row_add_cell(row, 0, pc);
	}
	flow_block *box = flow_add_box(f, in, 8, 0.6, t->color_rule);
	box->radius = 3;
	box->space_before = 8;
	box->keep_together = 1;
}

static void tip_box(hb *h, sp_flow *f, const sp_question *q)
{
	const sp_template *t = h->t;
	sp_flow *in = flow_new();
	uint32_t was =
	    tagging_parent(h->r->tags, tagging_add(h->r->tags, 0, "Aside"));
	flow_block *l =
	    typeset_text_para(in, labels_get(&t->labels, LABEL_MAKE_IT_YOURS),
	                      &h->label, &(layout_para_style){0});
	tagging_block(h->r->tags, l, 0, "H3");
	l->pstyle = heading_style(h, h->label.size);
	l->space_after = 2;
	l->keep_with_next = 1;
	typeset_rich_text(h->r, in, &q->tip, &h->st.body, &h->st.ps_body, 0, 4);
	if (h->o->write_in) {
		flow_block *y =
		    label(h, in, labels_get(&t->labels, LABEL_YOUR_EXAMPLE), 8);
		y->pstyle.leading = 12;
		flow_block *ln = flow_add_lines(in, 5, 20, t->color_rule);
		ln->keep_together = 1;
	}
	tagging_parent(h->r->tags, was);
	flow_block *box = flow_add_box(f, in, 9, 0, 0);
	box->fill = t->color_shade;
	box->has_fill = 1;
	box->radius = 3;
	box->space_before = 10;
}

static void see_also(hb *h, sp_flow *f, const sp_question *q)
{
	size_t shown = 0;
	for (size_t i = 0; i < q->nrelated; i++)
		shown += sel_index_of(h, q->related[i]) >= 0;
	if (!shown)
		return; /* nothing related is in this selection */
	flow_block *b = flow_add_para(f, &h->st.ps_left);
	b->space_before = 8;
	tagging_block(h->r->tags, b, 0, "P");
	layout_span s = h->st.small;
	s.variant = VARIANT_BOLD;
	s.family = FAMILY_HEADING;
	s.color = h->t->color_accent;
	char *see =
	    labels_fill(&h->t->labels, LABEL_SEE_ALSO, NULL, NULL, NULL);
	size_t nsee = strlen(see);
	see = xrealloc(see, nsee + 3);
	memcpy(see + nsee, ": ", 3);
	flow_para_add(b, see, nsee + 2, &s);
	free(see);
	int first = 1;
	for (size_t i = 0; i < q->nrelated; i++) {
		long si = sel_index_of(h, q->related[i]);
		if (si < 0)
			continue;
		const sp_question *rq = &h->c->questions[q->related[i]];
		char num[32], pg[32], dest[300];
		q_number(h, (size_t)si, num, sizeof num);
		page_label(h, h->page_of_q[si], si + 1, pg, sizeof pg);
		q_dest(rq, dest, sizeof dest);
		sp_buf txt = SP_BUF_INIT, link = SP_BUF_INIT;
		if (!first) /* between the links: not read as part of one */
			flow_para_add(b, "; ", 2, &h->st.small);
		buf_printf(&txt, "%s %s (page %s)", num, rq->question.s, pg);
		buf_printf(&link, "#%s", dest);
		layout_span ls = h->st.small;
		ls.link = link.data;
		ls.loc = rq->question.loc;
		flow_para_add(b, txt.data, txt.len, &ls);
		buf_free(&txt);
		buf_free(&link);
		first = 0;
	}
}

static void build_question(hb *h, sp_flow *f, size_t si)
{
	const sp_question *q = &h->c->questions[h->sel[si]];
	char num[32], dest[300];
	q_number(h, si, num, sizeof num);
	q_dest(q, dest, sizeof dest);
	layout_para_style ps = heading_style(h, h->st.h2.size);
	flow_block *hd = flow_add_para(f, &ps);
	/* no Sect of its own: the H2 heads the question's elements within
	 * the category's Sect (PDF/UA needs none; 1,000 fewer elements) */
	uint32_t sect = h->r->tags ? h->r->tags->parent : 0;
	uint32_t was = tagging_parent(h->r->tags, sect);
	layout_span st = h->st.h2;
	st.loc = q->question.loc;
	hd->indent_left = 30;
	layout_span ns = st;
	ns.color = h->t->color_accent;
	flow_para_marker(hd, num, &ns, 30);
	flow_para_add(hd, q->question.s, strlen(q->question.s), &st);
	tagging_heading(h->r->tags, hd, sect, "H2");
	hd->space_before = 22;
	hd->space_after = 3;
	hd->keep_with_next = 1;
	flow_block_anchor(hd, dest);
	sp_buf ot = SP_BUF_INIT;
	buf_printf(&ot, "%s %s", num, q->question.s);
	flow_block_outline(hd, 1, ot.data);
	buf_free(&ot);
	question_meta(h, f, q);
	if (q->why.nblocks) {
		label(h, f, labels_get(&h->t->labels, LABEL_WHY), 6);
		typeset_rich_text(h->r, f, &q->why, &h->st.body, &h->st.ps_body,
		                  0, h->t->para_space);
	}
	if (q->answer.nblocks) {
		label(h, f, labels_get(&h->t->labels, LABEL_ANSWER), 9);
		typeset_rich_text(h->r, f, &q->answer, &h->st.body,
		                  &h->st.ps_body, 0, h->t->para_space);
	}
	if (q->framework.name.s && q->framework.nsteps)
		framework_box(h, f, q);
	if (q->key_points.n) {
		label(h, f, labels_get(&h->t->labels, LABEL_KEY_POINTS), 10);
		typeset_bullets(h->r, f, &q->key_points, "\xE2\x80\xA2",
		                &h->st.body, &h->st.ps_left, 0, 2);
	}
	if (q->tip.nblocks || h->o->write_in)
		tip_box(h, f, q);
	if (q->follow_ups.n) {
		label(h, f, labels_get(&h->t->labels, LABEL_FOLLOW_UPS), 10);
		typeset_bullets(h->r, f, &q->follow_ups, "\xE2\x80\x93",
		                &h->st.body, &h->st.ps_left, 0, 2);
	}
	if (q->nrelated)
		see_also(h, f, q);
	tagging_parent(h->r->tags, was);
}

static void build_section(hb *h, sp_flow *f, size_t ci)
{
	const sp_category *cat = &h->c->categories[ci];
	flow_add_break(f, h->o->duplex);
	char num[32], dest[300];
	snprintf(num, sizeof num, "%d", h->cat_num[ci]);
	snprintf(dest, sizeof dest, "cat-%s", cat->id);
	layout_para_style ps = heading_style(h, h->h1.size);
	flow_block *b = flow_add_para(f, &ps);
	layout_span st = h->h1;
	st.loc = cat->loc;
	b->indent_left = 34;
	flow_para_marker(b, num, &st, 34);
	flow_para_add(b, cat->name, strlen(cat->name), &st);
	uint32_t sect = tagging_add(h->r->tags, STRUCT_ROOT, "Sect");
	tagging_heading(h->r->tags, b, sect, "H1");
	tagging_parent(h->r->tags, sect);
	b->space_after = 6;
	b->keep_with_next = 1;
	flow_block_anchor(b, dest);
	flow_block_outline(b, 0, cat->name);
	flow_block *r = flow_add_rule(f, 1.2, h->t->color_accent);
	r->space_after = 10;
	r->keep_with_next = 1;
	if (cat->summary.nblocks) {
		layout_span s = h->st.body;
		s.variant = VARIANT_ITALIC;
		typeset_rich_text(h->r, f, &cat->summary, &s, &h->st.ps_body, 0,
		                  h->t->para_space);
	}
	for (size_t si = 0; si < h->nsel; si++)
		if (h->c->questions[h->sel[si]].category == ci)
			build_question(h, f, si);
	tagging_parent(h->r->tags, STRUCT_ROOT);
}

/* ---- topic index ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void build_index(hb *h, sp_flow *f)
{
	flow_add_break(f, h->o->duplex); /* a section of its own */
	layout_para_style ps = heading_style(h, h->h1.size);
	const char *title = labels_get(&h->t->labels, LABEL_TOPIC_INDEX);
	flow_block *b = typeset_text_para(f, title, &h->h1, &ps);
	uint32_t sect = tagging_add(h->r->tags, STRUCT_ROOT, "Sect");
	tagging_block(h->r->tags, b, sect, "H1");
	uint32_t index = tagging_add(h->r->tags, sect, "Index");
	b->space_after = 14;
	b->keep_with_next = 1;
	flow_block_anchor(b, "topic-index");
	flow_block_outline(b, 0, title);
	/* collect distinct topics */
	size_t n = 0, cap = 0;
	char **topics = NULL;
	for (size_t si = 0; si < h->nsel; si++) {
		const sp_question *q = &h->c->questions[h->sel[si]];
		for (size_t k = 0; k < q->ntopics; k++) {
			topics = xgrow(topics, &cap, n + 1, sizeof(char *));
			topics[n++] = q->topics[k];
		}
	}
	if (n)
		qsort(topics, n, sizeof(char *), cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(topics[i], topics[i - 1]))
			continue;
		flow_block *e = flow_add_para(f, &h->st.ps_left);
		e->indent_left = 14;
		e->pstyle.first_indent = -14;
		e->space_before = 3;
		tagging_block(h->r->tags, e, index, "P");
		layout_span ts = h->toc_bold;
		ts.size = h->t->size_body;
		flow_para_add(e, topics[i], strlen(topics[i]), &ts);
		int first = 1;
		for (size_t si = 0; si < h->nsel; si++) {
			const sp_question *q = &h->c->questions[h->sel[si]];
			int has = 0;
			for (size_t k = 0; k < q->ntopics && !has; k++)
				has = !strcmp(q->topics[k], topics[i]);
			if (!has)
				continue;
			char num[32], pg[32], dest[300];
			q_number(h, si, num, sizeof num);
			page_label(h, h->page_of_q[si], (long)si + 1, pg,
			           sizeof pg);
			q_dest(q, dest, sizeof dest);
			sp_buf txt = SP_BUF_INIT, link = SP_BUF_INIT;
			buf_printf(&txt, "%s%s\xC2\xA0(p.\xC2\xA0%s)",
			           first ? "  " : ", ", num, pg);
			buf_printf(&link, "#%s", dest);
			layout_span s = h->toc;
			s.link = link.data;
			flow_para_add(e, txt.data, txt.len, &s);
			buf_free(&txt);
			buf_free(&link);
			first = 0;
		}
	}
	free(topics);
}

/* ---- pages ---- */

/* The handbook's flow in parts, laid one after another so that only one
 * part is held at a time (layout_paginate_seq): the cover and contents,
 * each section, the index. Every part but the first starts with its
 * break to a new page. */
typedef struct hb_parts {
	hb *h;
	int stage;  /* 0: front matter, 1: sections, 2: index, 3: done */
	size_t cat; /* the next category to look at */
} hb_parts;

static sp_flow *next_part(void *ud)
{
	hb_parts *p = ud;
	hb *h = p->h;
	while (p->stage == 1 && p->cat < h->c->ncategories &&
	       !h->cat_num[p->cat])
		p->cat++;
	if (p->stage == 1 && p->cat == h->c->ncategories)
		p->stage = h->nsel ? 2 : 3;
	if (p->stage == 3)
		return NULL;
	sp_flow *f = flow_new();
	if (p->stage == 0) {
		tagging_begin(h->r->tags, h->c->language.s);
		build_cover(h, f);
		flow_add_break(f, h->o->duplex);
		build_contents(h, f);
		p->stage = 1;
	} else if (p->stage == 1) {
		build_section(h, f, p->cat++);
	} else {
		build_index(h, f);
		p->stage = 3;
	}
	flow_trim(f);
	return f;
}

static void part_done(void *ud, sp_flow *f)
{
	(void)ud;
	flow_free(f);
}

static int same_or_store(long *slot, long v)
{
	if (*slot == v)
		return 1;
	*slot = v;
	return 0;
}

/* Read the pages targets landed on; 1 when nothing changed. */
static int collect_pages(hb *h, const sp_document *doc)
{
	int stable = 1;
	char dest[300];
	for (size_t si = 0; si < h->nsel; si++) {
		q_dest(&h->c->questions[h->sel[si]], dest, sizeof dest);
		stable &= same_or_store(&h->page_of_q[si],
		                        doc_find_dest(doc, dest, NULL));
	}
	long first = -1;
	for (size_t ci = 0; ci < h->c->ncategories; ci++) {
		if (!h->cat_num[ci])
			continue;
		snprintf(dest, sizeof dest, "cat-%s", h->c->categories[ci].id);
		long p = doc_find_dest(doc, dest, NULL);
		stable &= same_or_store(&h->page_of_cat[ci], p);
		if (first < 0 || (p >= 0 && p < first))
			first = p;
	}
	stable &= same_or_store(&h->page_of_index,
	                        doc_find_dest(doc, "topic-index", NULL));
	if (first < 0)
		first = h->page_of_index >= 0 ? h->page_of_index
		                              : (long)doc->npages;
	if (h->front_pages != (size_t)first)
		stable = 0;
	h->front_pages = (size_t)first;
	return stable;
}

static void roman(long n, char *out, size_t cap)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
	         {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
	         {5, "v"},    {4, "iv"},   {1, "i"}};
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof r / sizeof r[0] && n > 0; i++)
		while (n >= r[i].v && o + 3 < cap) {
			size_t l = strlen(r[i].s);
			memcpy(out + o, r[i].s, l);
			o += l;
			out[o] = '\0';
			n -= r[i].v;
		}
}

static const char *section_of_page(hb *h, size_t p)
{
	const char *name = NULL;
	long best = -1;
	for (size_t ci = 0; ci < h->c->ncategories; ci++) {
		long cp = h->page_of_cat[ci];
		if (h->cat_num[ci] && cp >= 0 && (size_t)cp <= p && cp > best) {
			best = cp;
			name = h->c->categories[ci].name;
		}
	}
	if (h->page_of_index >= 0 && (size_t)h->page_of_index <= p)
		name = labels_get(&h->t->labels, LABEL_TOPIC_INDEX);
	return name;
}

static int starts_section(hb *h, size_t p)
{
	for (size_t ci = 0; ci < h->c->ncategories; ci++)
		if (h->cat_num[ci] && h->page_of_cat[ci] == (long)p)
			return 1;
	return h->page_of_index == (long)p;
}

static void decorate(hb *h, sp_document *doc)
{
	const sp_template *t = h->t;
	size_t body_pages = doc->npages - h->front_pages;
	for (size_t p = 1; p < doc->npages; p++) {
		sp_page *pg = &doc->pages[p];
		if (pg->ntexts == 0)
			continue; /* a blank page stays blank */
		int left = h->o->duplex && p % 2 == 1;
		double x0 = left ? t->margin_outer : t->margin_inner;
		double x1 =
		    t->page_w - (left ? t->margin_inner : t->margin_outer);
		double fy = t->margin_bottom * 0.45;
		char txt[96];
		if (p < h->front_pages) {
			roman((long)p + 1, txt, sizeof txt);
		} else {
			char np[24], nb[24];
			snprintf(np, sizeof np, "%zu", p - h->front_pages + 1);
			snprintf(nb, sizeof nb, "%zu", body_pages);
			char *s = labels_fill(&t->labels, LABEL_PAGE_OF, np, nb,
			                      NULL);
			snprintf(txt, sizeof txt, "%s", s);
			free(s);
		}
		typeset_draw_text(h->r, pg, &h->meta, txt, (x0 + x1) / 2, fy,
		                  ALIGN_CENTER);
		const char *sec =
		    p >= h->front_pages ? section_of_page(h, p) : NULL;
		if (sec && !starts_section(h, p)) {
			double hy = t->page_h - t->margin_top * 0.55;
			typeset_draw_text(h->r, pg, &h->meta, sec,
			                  left ? x0 : x1, hy,
			                  left ? ALIGN_LEFT : ALIGN_RIGHT);
			page_add_line(pg, x0, hy - 4, x1, hy - 4, 0.4,
			              t->color_rule);
		}
	}
	doc_add_label_range(doc, 0, LABEL_ROMAN_LOWER, 1, NULL);
	if (h->front_pages < doc->npages)
		doc_add_label_range(doc, h->front_pages, LABEL_DECIMAL, 1,
		                    NULL);
}

static void number_sections(hb *h)
{
	int next = 0;
	for (size_t ci = 0; ci < h->c->ncategories; ci++) {
		int count = 0;
		for (size_t si = 0; si < h->nsel; si++)
			if (h->c->questions[h->sel[si]].category == ci)
				h->q_num[si] = ++count;
		h->cat_num[ci] = count ? ++next : 0;
	}
}

static void hb_free(hb *h)
{
	free(h->cat_num);
	free(h->q_num);
	free(h->page_of_q);
	free(h->page_of_cat);
}

static sp_document *lay_out(hb *h)
{
	long limit = h->o->max_pages > 0 ? h->o->max_pages : HANDBOOK_MAX_PAGES;
	for (int pass = 0; pass < MAX_PASSES; pass++) {
		hb_parts parts = {h, 0, 0};
		layout_flow_seq src = {next_part, part_done, &parts};
		sp_document *doc = doc_new();
		/* the first pass only finds the pages things land on (the
		 * contents and the index need them): its pages are never the
		 * book's, since no page number is known before it */
		doc->skeleton = pass == 0;
		typeset_pages fs = {h->t, limit, h->o->duplex};
		long n = layout_paginate_seq(h->r->eng, &src, doc,
		                             typeset_next_frame, &fs);
		if (n < 0) {
			diag_error(
			    h->r->d, sp_loc_make(NULL, 0, 0),
			    "the handbook would have more than %ld pages; "
			    "select fewer questions",
			    limit);
			doc_free(doc);
			return NULL;
		}
		timing_mark(pass ? "layout pass 2+" : "layout pass 1");
		if ((collect_pages(h, doc) && !doc->skeleton) ||
		    pass == MAX_PASSES - 1) {
			tagging_finish(h->r->tags, doc);
			return doc;
		}
		doc_free(doc);
	}
	return NULL;
}

sp_document *handbook_build(sp_typeset *r, const sp_corpus *c,
                            const size_t *sel, size_t nsel,
                            const handbook_opts *o)
{
	hb h;
	memset(&h, 0, sizeof h);
	h.r = r;
	h.t = r->tpl;
	h.c = c;
	h.sel = sel;
	h.nsel = nsel;
	h.o = o;
	h.cat_num = xcalloc(c->ncategories + 1, sizeof(int));
	h.q_num = xcalloc(nsel + 1, sizeof(int));
	h.page_of_q = xcalloc(nsel + 1, sizeof(long));
	h.page_of_cat = xcalloc(c->ncategories + 1, sizeof(long));
	for (size_t i = 0; i < nsel; i++)
		h.page_of_q[i] = -1;
	for (size_t i = 0; i < c->ncategories; i++)
		h.page_of_cat[i] = -1;
	h.page_of_index = -1;
	init_styles(&h);
	number_sections(&h);
	sp_document *doc = lay_out(&h);
	layout_engine_clear_cache(r->eng); /* the passes' flows are gone */
	if (doc) {
		decorate(&h, doc);
		doc->outline_open = 1;
		const char *subj =
		    o->role >= 0
		        ? c->roles[o->role].name
		        : labels_get(&r->tpl->labels, LABEL_HANDBOOK_SUBJECT);
		doc_set_info(doc, c->title.s, c->author.s, subj);
	}
	hb_free(&h);
	if (doc && o->booklet) {
		sp_document *b = booklet_impose(doc);
		doc_set_struct(b, doc->tags); /* the same structure */
		doc->tags = NULL;
		doc_free(doc);
		doc = b;
	}
	return doc;
}
