/* guide_text.c - a plain-text interview guide, in the shape web guides
 * share: a title line and an introduction; section headings ("Common
 * ... Interview Questions", "Behavioral Interview Questions for ...")
 * each perhaps with an introduction; then questions, each a short line
 * followed by labelled parts (Why they ask:, Sample answer:, STAR
 * framework:, Framework for answering:, Personalization tip:, ...).
 *
 * Lines are read one by one into blocks (paragraphs, bullets, numbered
 * items) of the part being read; a question's parts are turned into its
 * fields when the next question, section or the end comes. Consecutive
 * lines join into one paragraph unless the first ends a sentence. */
#include <stdlib.h>
#include <string.h>

#include "import/formats.h"
#include "import/mdwrite.h"
#include "import/textlines.h"
#include "util/buf.h"
#include "util/mem.h"

/* A block of a part: a paragraph, a bullet or a numbered item. */
typedef struct tblock {
	sp_buf text;
	int bullet; /* 1 bullet, 2 numbered */
	int number;
	unsigned line;
} tblock;

typedef struct tpart {
	tblock *v;
	size_t n, cap;
	unsigned line; /* where its label was */
} tpart;

typedef struct guide {
	imp_doc *d;
	const imp_src *s;
	imp_q *q;     /* the question being read, or NULL */
	tl_part part; /* the part being read */
	tpart parts[TL_NPARTS];
	tpart intro;          /* text outside questions */
	const char *section;  /* the category of the section being read (its
	                       * intro goes to its summary), or NULL */
	const char *category; /* for new questions */
	char *topic;          /* --sections-as topics: the section's */
	char *fw_name;        /* "Framework for answering: NAME" */
	int pending_q;        /* "Question:" alone: the next line is one */
	int joinable;         /* the last line may continue on this one */
	int started;          /* past the first non-blank line */
	unsigned labels[TL_NPARTS], headings, questions;
} guide;

static tpart *cur_part(guide *g)
{
	return g->q ? &g->parts[g->part] : &g->intro;
}

static void part_clear(tpart *p)
{
	for (size_t i = 0; i < p->n; i++)
		buf_free(&p->v[i].text);
	p->n = 0;
}

static void part_free(tpart *p)
{
	part_clear(p);
	free(p->v);
	memset(p, 0, sizeof *p);
}

static tblock *new_block(tpart *p, int bullet, int number, unsigned line)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	tblock *b = &p->v[p->n++];
	memset(b, 0, sizeof *b);
	b->bullet = bullet;
	b->number = number;
	b->line = line;
	return b;
}

/* Add text to the part: a new block, or the last one continued. */
static void add_text(guide *g, const char *s, size_t n, int bullet, int number,
                     unsigned line, int indented)
{
	tpart *p = cur_part(g);
	tblock *last = p->n ? &p->v[p->n - 1] : NULL;
	int join =
	    !bullet && last && g->joinable &&
	    (!last->bullet || indented || (n && s[0] >= 'a' && s[0] <= 'z'));
	if (!join)
		last = new_block(p, bullet, number, line);
	else
		buf_putc(&last->text, ' ');
	buf_append(&last->text, s, n);
	g->joinable = !tl_ends_sentence(s, n);
}

/* ---- blocks to rich text ---- */

static char *blocks_md(const tblock *v, size_t n)
{
	imp_md m;
	imp_md_init(&m);
	for (size_t i = 0; i < n; i++) {
		if (v[i].bullet)
			imp_md_item(&m, 1, v[i].bullet == 2, v[i].number, 0);
		else
			imp_md_para(&m);
		imp_md_text(&m, v[i].text.data ? v[i].text.data : "",
		            v[i].text.len);
	}
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	return md;
}

static void append_md(char **field, const tblock *v, size_t n)
{
	char *md = blocks_md(v, n);
	imp_rich_append(field, md);
	free(md);
}

/* Quotes around a sample answer are the guide's: drop them when the
 * first paragraph opens with one and the last closes with one. */
static int opens_quote(const sp_buf *b)
{
	return b->len >= 3 && !memcmp(b->data, "\u201c", 3) ? 3
	       : b->len >= 1 && b->data[0] == '"'           ? 1
	                                                    : 0;
}

static int closes_quote(const sp_buf *b)
{
	return b->len >= 3 && !memcmp(b->data + b->len - 3, "\u201d", 3) ? 3
	       : b->len >= 2 && b->data[b->len - 1] == '"'               ? 1
	                                                                 : 0;
}

static void strip_quotes(tpart *p)
{
	if (!p->n || !opens_quote(&p->v[0].text) ||
	    !closes_quote(&p->v[p->n - 1].text))
		return;
	for (size_t i = 0; i < p->n; i++) {
		sp_buf *b = &p->v[i].text;
		int k = opens_quote(b);
		if (k) {
			memmove(b->data, b->data + k, b->len - (size_t)k + 1);
			b->len -= (size_t)k;
		}
		k = closes_quote(b);
		if (k) {
			b->len -= (size_t)k;
			b->data[b->len] = '\0';
		}
	}
}

/* ---- frameworks ---- */

/* Split "Label: prompt" (or an en dash, em dash or spaced hyphen). */
static void split_step(const char *s, size_t n, size_t *label, size_t *prompt)
{
	static const char *const seps[] = {": ", " \u2013 ", " \u2014 ", " - "};
	size_t best = n, blen = 0;
	for (size_t i = 0; i < 4; i++) {
		size_t k = strlen(seps[i]);
		for (size_t j = 0; j + k <= n && j < best; j++)
			if (!memcmp(s + j, seps[i], k)) {
				best = j;
				blen = k;
				break;
			}
	}
	if (best == n || tl_chars(s, best) > 60) {
		*label = n;
		*prompt = n;
		return;
	}
	*label = best;
	*prompt = best + blen;
}

/* The bullets of a STAR or framework part as steps; other blocks go to
 * the answer (reported). */
static void framework(guide *g, tl_part kind, const char *name)
{
	tpart *p = &g->parts[kind];
	imp_q *q = g->q;
	if (!p->n)
		return;
	if (q->fw_name) {
		imp_warn(g->d->rep, p->line,
		         "a second framework for the question "
		         "on line %u: added to its answer",
		         q->line);
		append_md(&q->answer, p->v, p->n);
		return;
	}
	q->fw_name = xstrdup(name);
	for (size_t i = 0; i < p->n; i++) {
		tblock *b = &p->v[i];
		const char *t = b->text.data ? b->text.data : "";
		if (!b->bullet) {
			imp_warn(g->d->rep, b->line,
			         "text in '%s' that is not a "
			         "step: added to the answer",
			         tl_part_name(kind));
			append_md(&q->answer, b, 1);
			continue;
		}
		size_t l, pr;
		split_step(t, b->text.len, &l, &pr);
		char *label = xstrndup(t, l);
		imp_q_step(g->d, q, label, t + pr, b->line);
		free(label);
	}
	if (!q->nsteps) {
		free(q->fw_name);
		q->fw_name = NULL;
	}
}

/* ---- questions ---- */

static void list_part(tpart *p, imp_list *out)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].text.len)
			imp_list_add(out, p->v[i].text.data);
}

static void finish_question(guide *g)
{
	imp_q *q = g->q;
	if (!q)
		return;
	tpart *none = &g->parts[TL_NONE];
	if (none->n) {
		imp_warn(g->d->rep, none->v[0].line,
		         "text after the question "
		         "without a label: taken as the answer");
		append_md(&q->answer, none->v, none->n);
	}
	append_md(&q->why, g->parts[TL_WHY].v, g->parts[TL_WHY].n);
	strip_quotes(&g->parts[TL_ANSWER]);
	append_md(&q->answer, g->parts[TL_ANSWER].v, g->parts[TL_ANSWER].n);
	framework(g, TL_STAR, "STAR");
	framework(g, TL_FRAMEWORK, g->fw_name ? g->fw_name : "Steps");
	append_md(&q->tip, g->parts[TL_TIP].v, g->parts[TL_TIP].n);
	list_part(&g->parts[TL_KEYS], &q->key_points);
	list_part(&g->parts[TL_FOLLOW], &q->follow_ups);
	for (size_t i = 0; i < TL_NPARTS; i++)
		part_clear(&g->parts[i]);
	free(g->fw_name);
	g->fw_name = NULL;
	g->q = NULL;
}

/* The introduction read so far: the section's summary, or the corpus's
 * description. */
static void flush_intro(guide *g)
{
	tpart *p = &g->intro;
	if (!p->n)
		return;
	imp_decl *k = imp_doc_find_category(g->d, g->section);
	if (k) {
		append_md(&k->summary, p->v, p->n);
	} else if (g->topic) {
		imp_warn(g->d->rep, p->v[0].line,
		         "a section's introduction is "
		         "left out (sections are topics, which have none)");
	} else {
		char *md = blocks_md(p->v, p->n);
		imp_doc_describe(g->d, md, p->v[0].line);
		free(md);
	}
	part_clear(p);
}

static void new_question(guide *g, const char *t, size_t n, unsigned line)
{
	finish_question(g);
	flush_intro(g);
	size_t k = tl_numbering(t, n);
	char *text = xstrndup(t + k, n - k);
	imp_q *q = imp_doc_question(g->d, text, line);
	free(text);
	g->part = TL_NONE;
	g->joinable = 0;
	g->questions++;
	if (!q)
		return;
	g->q = q;
	q->category =
	    g->category ? g->category : imp_doc_default_category(g->d, line);
	if (g->topic)
		imp_q_topic(g->d, q, g->topic, line);
}

static void new_section(guide *g, const char *t, size_t n, unsigned line)
{
	finish_question(g);
	flush_intro(g);
	char *heading = xstrndup(t, n);
	g->headings++;
	g->joinable = 0;
	if (g->d->o->sections_as_topics) {
		free(g->topic);
		g->topic = imp_section_topic(g->d, heading, line);
		g->category = imp_doc_default_category(g->d, line);
		g->section = NULL;
	} else {
		g->category = imp_doc_section(g->d, heading, line);
		g->section = g->category;
	}
	free(heading);
}

/* ---- lines ---- */

typedef struct tline {
	const char *s;
	size_t n;
	int indented;
	unsigned no;
} tline;

static int get_line(const imp_src *s, size_t i, tline *t)
{
	if (i >= s->nlines)
		return 0;
	const imp_line *l = &s->lines[i];
	size_t a = 0, b = l->len;
	while (a < b && (l->s[a] == ' ' || l->s[a] == '\t'))
		a++;
	while (b > a && (l->s[b - 1] == ' ' || l->s[b - 1] == '\t'))
		b--;
	*t = (tline){l->s + a, b - a, a > 0, l->no};
	return 1;
}

/* The next line after i that is not blank: its index, or nlines. */
static size_t next_line(const guide *g, size_t i, tline *t)
{
	for (i++; get_line(g->s, i, t); i++)
		if (t->n)
			return i;
	t->n = 0;
	return g->s->nlines;
}

static tl_part label_of(const tline *t)
{
	size_t rest;
	return t->n ? tl_label(t->s, t->n, &rest) : TL_NONE;
}

static int order(tl_part p)
{
	static const int v[TL_NPARTS] = {0, 1, 2, 3, 3, 4, 5, 6, 0};
	return p < TL_NPARTS ? v[p] : 0;
}

/* A line followed by a label starts a question when there is none yet,
 * or the label goes back in the order of parts, or repeats one. */
static int question_by_label(const guide *g, const tline *t, tl_part next)
{
	int bullet;
	if (next == TL_NONE || next == TL_QUESTION)
		return 0;
	if (!g->q)
		return 1;
	if (tl_bullet(t->s, t->n, &bullet))
		return 0;
	return order(next) <= order(g->part) || g->parts[next].n > 0;
}

/* A short Title Case line is a heading where a question follows. */
static int weak_heading(const guide *g, size_t i)
{
	tline a, b;
	size_t j = next_line(g, i, &a);
	if (!a.n || label_of(&a) != TL_NONE)
		return 0;
	if (tl_looks_like_question(a.s, a.n))
		return 1;
	next_line(g, j, &b);
	return b.n && tl_looks_like_question(b.s, b.n);
}

/* The first line: the title, unless it is a question or a section
 * heading that a question follows. 1 when it was taken (or reported). */
static int title_line(guide *g, size_t i, const tline *t)
{
	tline a;
	next_line(g, i, &a);
	int bullet;
	int section = tl_heading(t->s, t->n) == 2 && a.n &&
	              tl_looks_like_question(a.s, a.n);
	if (section || tl_looks_like_question(t->s, t->n) ||
	    tl_bullet(t->s, t->n, &bullet) || label_of(&a) != TL_NONE ||
	    tl_chars(t->s, t->n) > 120 || t->s[t->n - 1] == '.')
		return 0;
	if (!g->d->title) {
		g->d->title = xstrndup(t->s, t->n);
		return 1;
	}
	imp_warn(g->d->rep, t->no,
	         "title line left out (the corpus's title "
	         "comes from an earlier file)");
	return 1;
}

static void on_label(guide *g, tl_part lab, const tline *t, size_t rest)
{
	const char *r = t->s + rest;
	size_t rn = t->n - rest;
	g->labels[lab]++;
	g->joinable = 0;
	if (lab == TL_QUESTION) {
		if (rn)
			new_question(g, r, rn, t->no);
		g->pending_q = !rn;
		return;
	}
	if (!g->q) {
		imp_warn(g->d->rep, t->no,
		         "'%s:' before any question: its "
		         "text is kept in the introduction",
		         tl_part_name(lab));
	} else {
		if (g->parts[lab].n)
			imp_warn(g->d->rep, t->no,
			         "a second '%s:' for the "
			         "question on line %u: added to the first",
			         tl_part_name(lab), g->q->line);
		g->part = lab;
		if (!g->parts[lab].n)
			g->parts[lab].line = t->no;
	}
	int name = lab == TL_FRAMEWORK && rn && tl_chars(r, rn) <= 40 &&
	           !tl_ends_sentence(r, rn) && g->q && !g->fw_name;
	if (name)
		g->fw_name = xstrndup(r, rn);
	else if (rn)
		add_text(g, r, rn, 0, 0, t->no, 0);
}

static void on_line(guide *g, size_t i, const tline *t)
{
	size_t rest;
	tl_part lab = tl_label(t->s, t->n, &rest);
	int first = !g->started++;
	if (lab != TL_NONE) {
		on_label(g, lab, t, rest);
		return;
	}
	if (first && title_line(g, i, t))
		return;
	tline a;
	next_line(g, i, &a);
	int number;
	size_t b = tl_bullet(t->s, t->n, &number);
	int h = b ? 0 : tl_heading(t->s, t->n);
	int numbered_ok = !g->q || g->part == TL_NONE;
	if (g->pending_q || question_by_label(g, t, label_of(&a))) {
		g->pending_q = 0;
		new_question(g, t->s, t->n, t->no);
	} else if (h == 2) {
		new_section(g, t->s, t->n, t->no);
	} else if ((!b || (number && numbered_ok)) &&
	           tl_looks_like_question(t->s, t->n)) {
		new_question(g, t->s, t->n, t->no);
	} else if (h == 1 && weak_heading(g, i)) {
		new_section(g, t->s, t->n, t->no);
	} else if (b) {
		add_text(g, t->s + b, t->n - b, number ? 2 : 1, number, t->no,
		         0);
	} else {
		add_text(g, t->s, t->n, 0, 0, t->no, t->indented);
	}
}

/* Nothing recognised: say what was found. */
static void report_shape(guide *g)
{
	sp_buf b = SP_BUF_INIT;
	for (int p = TL_WHY; p < TL_NPARTS; p++)
		if (g->labels[p])
			buf_printf(&b, "%s'%s:' x%u", b.len ? ", " : "",
			           tl_part_name((tl_part)p), g->labels[p]);
	size_t lines = 0;
	for (size_t i = 0; i < g->s->nlines; i++)
		lines += !imp_line_blank(&g->s->lines[i]);
	imp_error(g->d->rep, 0,
	          "no questions recognised in this plain-text guide (%zu "
	          "lines with text, %u section heading%s, labels: %s); a "
	          "question is a short line ending in '?' or starting with "
	          "'Explain', 'Describe', 'Tell me about', ..., followed by "
	          "parts such as 'Why they ask:' and 'Sample answer:'",
	          lines, g->headings, g->headings == 1 ? "" : "s",
	          b.len ? b.data : "none");
	buf_free(&b);
}

int imp_read_text(imp_doc *d, const imp_src *s)
{
	guide g;
	memset(&g, 0, sizeof g);
	g.d = d;
	g.s = s;
	tline t;
	for (size_t i = 0; get_line(s, i, &t) && !d->full; i++) {
		if (!t.n)
			g.joinable = 0;
		else
			on_line(&g, i, &t);
	}
	finish_question(&g);
	flush_intro(&g);
	int rc = 0;
	if (!g.questions && !d->full) {
		report_shape(&g);
		rc = -1;
	}
	for (size_t i = 0; i < TL_NPARTS; i++)
		part_free(&g.parts[i]);
	part_free(&g.intro);
	free(g.topic);
	free(g.fw_name);
	return rc;
}
