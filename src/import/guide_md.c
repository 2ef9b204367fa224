/* guide_md.c - a Markdown guide as community repositories write them:
 * "#" a title and an introduction, "##" sections, a question as a bold
 * line ("**What is ...? ⭐**") or a heading ("### What is ...?") or an
 * HTML <details><summary>, its answer everything up to the next question
 * or section. Difficulty marks become the level (marks.h); placeholder
 * answers ("Answer here", "TODO") are left out; what rich text cannot
 * hold is converted (mdconv.h). Sections are categories, or topics with
 * --sections-as topics. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "corpus/richtext.h"
#include "corpus/text.h"
#include "import/formats.h"
#include "import/html.h"
#include "import/marks.h"
#include "import/mdconv.h"
#include "import/mdwrite.h"
#include "import/textlines.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct mdguide {
	imp_doc *d;
	const imp_src *s;
	imp_md md; /* the text being read */
	imp_mdconv conv;
	imp_q *q;             /* its question, or NULL: an introduction */
	const char *section;  /* the section's category (intro: summary) */
	const char *category; /* for new questions */
	char *topic;          /* --sections-as topics */
	int in_section;
	imp_marks marks;
	unsigned text_line; /* where the text being read starts (0: none) */
	unsigned questions, headings, bold;
} mdguide;

/* ---- plain text of inlines ---- */

static void plain_into(mdguide *g, cmark_node *n, sp_buf *b)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(x)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			buf_puts(b, cmark_node_get_literal(x));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, ' ');
			break;
		case CMARK_NODE_HTML_INLINE: {
			char *t =
			    imp_html_plain(g->d, cmark_node_get_literal(x), 0);
			buf_puts(b, t);
			free(t);
			break;
		}
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static char *plain(mdguide *g, cmark_node *n)
{
	sp_buf b = SP_BUF_INIT;
	plain_into(g, n, &b);
	char *s = text_fold(b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static unsigned line_of(cmark_node *n)
{
	int l = cmark_node_get_start_line(n);
	return l > 0 ? (unsigned)l : 1;
}

/* ---- where the text goes ---- */

/* The text read so far: the question's answer, the section's summary or
 * the corpus's description. */
static void flush(mdguide *g)
{
	char *md = imp_md_take(&g->md);
	if (g->md.clamped && imp_doc_once(g->d, "md:depth"))
		imp_warn(g->d->rep, 0,
		         "lists nested more than %d deep: the "
		         "deeper ones are kept at that depth",
		         IMP_MD_DEPTH);
	imp_decl *k = imp_doc_find_category(g->d, g->section);
	if (md && g->q)
		imp_rich_append(&g->q->answer, md);
	else if (md && k)
		imp_rich_append(&k->summary, md);
	else if (md && g->in_section && g->topic)
		imp_warn(g->d->rep, g->text_line,
		         "a section's introduction is "
		         "left out "
		         "(sections are topics, which have none)");
	else if (md)
		imp_doc_describe(g->d, md, g->text_line);
	free(md);
	g->text_line = 0;
	size_t *lines = g->conv.lines, nlines = g->conv.nlines;
	imp_mdconv_init(&g->conv, g->d, &g->md, g->s->text, 0);
	g->conv.lines = lines; /* keep the line index */
	g->conv.nlines = nlines;
}

/* ---- questions and sections ---- */

/* text without its marks, the level in *level; unknown marks reported. */
static char *unmark(mdguide *g, const char *text, const char **level,
                    unsigned line)
{
	char *unknown;
	char *t = imp_marks_strip(&g->marks, text, level, &unknown);
	if (*unknown)
		imp_warn(g->d->rep, line,
		         "mark%s '%s' on the question left out "
		         "(not a difficulty%s)",
		         strchr(unknown, ' ') ? "s" : "", unknown,
		         g->marks.legend ? " in the legend" : "");
	free(unknown);
	return t;
}

static void new_question(mdguide *g, const char *text, unsigned line)
{
	flush(g);
	const char *level;
	char *t = unmark(g, text, &level, line);
	size_t k = tl_numbering(t, strlen(t));
	g->q = t[k] ? imp_doc_question(g->d, t + k, line) : NULL;
	g->questions++;
	if (!t[k])
		imp_warn(g->d->rep, line,
		         "a question of marks only: left out "
		         "(its answer goes to the introduction)");
	if (g->q) {
		g->q->level = level;
		g->q->category = g->category
		                     ? g->category
		                     : imp_doc_default_category(g->d, line);
		if (g->topic)
			imp_q_topic(g->d, g->q, g->topic, line);
	}
	free(t);
}

static void new_section(mdguide *g, const char *text, unsigned line)
{
	flush(g);
	g->q = NULL;
	g->headings++;
	g->in_section = 1;
	const char *level;
	char *t = unmark(g, text, &level, line);
	if (!*t) {
		free(t);
		return;
	}
	if (g->d->o->sections_as_topics) {
		free(g->topic);
		g->topic = imp_section_topic(g->d, t, line);
		g->category = imp_doc_default_category(g->d, line);
		g->section = NULL;
	} else {
		g->category = imp_doc_section(g->d, t, line);
		g->section = g->category;
	}
	free(t);
}

/* A heading or bold text that asks something: it ends with "?", reads as
 * a question, is numbered, or carries a difficulty mark. */
static int asks(mdguide *g, const char *text)
{
	const char *level;
	char *unknown;
	char *t = imp_marks_strip(&g->marks, text, &level, &unknown);
	size_t n = strlen(t);
	int yes = n && t[n - 1] != ':' &&
	          (level || tl_looks_like_question(t, n) ||
	           tl_numbering(t, n) > 0 || t[n - 1] == '?');
	free(t);
	free(unknown);
	return yes;
}

/* ---- paragraphs ---- */

static void convert(mdguide *g, cmark_node *n)
{
	if (!g->text_line)
		g->text_line = line_of(n);
	imp_mdconv_block(&g->conv, n);
}

/* Only white space and marks. */
static int only_marks(mdguide *g, const char *s)
{
	const char *level;
	char *unknown;
	char *t = imp_marks_strip(&g->marks, s, &level, &unknown);
	int yes = !*t;
	free(t);
	free(unknown);
	return yes;
}

/* "**Question?** ⭐" or "**Question? ⭐**", perhaps with the answer
 * after it in the same paragraph: 1 when it was taken as a question. */
static int bold_question(mdguide *g, cmark_node *para)
{
	cmark_node *first = cmark_node_first_child(para);
	if (!first || cmark_node_get_type(first) != CMARK_NODE_STRONG)
		return 0;
	g->bold++;
	char *q = plain(g, first);
	sp_buf full = SP_BUF_INIT; /* with the marks after it */
	buf_puts(&full, q);
	cmark_node *next = cmark_node_next(first);
	int alone = 1;
	for (cmark_node *x = next; x; x = cmark_node_next(x)) {
		char *t = plain(g, x);
		if (cmark_node_get_type(x) != CMARK_NODE_TEXT ||
		    !only_marks(g, t))
			alone = 0;
		else
			buf_printf(&full, " %s", t);
		free(t);
	}
	int yes = asks(g, full.data) && (alone || asks(g, q));
	if (yes) {
		new_question(g, alone ? full.data : q, line_of(para));
		cmark_node_free(first); /* unlinks it; the rest is answer */
		if (!alone)
			convert(g, para);
	}
	free(q);
	buf_free(&full);
	return yes;
}

static int placeholder(const char *text)
{
	static const char *const words[] = {"answer here",
	                                    "answer",
	                                    "todo",
	                                    "to do",
	                                    "tbd",
	                                    "tba",
	                                    "coming soon",
	                                    "wip",
	                                    "work in progress",
	                                    "add answer",
	                                    "your answer here",
	                                    "answer goes here",
	                                    "add your answer",
	                                    "fill in",
	                                    "",
	                                    NULL};
	char *slug = text_slugify(text, 8, 200);
	for (char *p = slug; *p; p++)
		if (*p == '-')
			*p = ' ';
	int yes = 0;
	for (const char *const *w = words; *w && !yes; w++)
		yes = !strcmp(slug, *w) &&
		      (**w || strstr(text, "...") || strstr(text, "\u2026"));
	free(slug);
	return yes;
}

/* ---- other blocks ---- */

/* "<details><summary>Question</summary> answer": 1 when taken. */
static int details(mdguide *g, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	const char *o = s ? strstr(s, "<summary>") : NULL;
	const char *e = o ? strstr(o, "</summary>") : NULL;
	if (!e)
		return 0;
	char *q = xstrndup(o + 9, (size_t)(e - o - 9));
	char *t = imp_html_plain(g->d, q, line_of(n));
	new_question(g, t, line_of(n));
	free(t);
	free(q);
	const char *rest = e + 10;
	if (*rest) {
		g->text_line = line_of(n);
		g->conv.html.brk = 1;
		g->conv.html.line = line_of(n);
		imp_html_feed(&g->conv.html, rest, strlen(rest));
	}
	return 1;
}

/* A table of contents: a list whose every item is a link to an anchor. */
static int contents_list(cmark_node *list)
{
	int items = 0;
	cmark_iter *it = cmark_iter_new(list);
	cmark_event_type ev;
	int ok = 1;
	while (ok && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type t = cmark_node_get_type(x);
		if (t == CMARK_NODE_ITEM)
			items++;
		if (t == CMARK_NODE_LINK) {
			const char *u = cmark_node_get_url(x);
			ok = u && u[0] == '#';
			cmark_iter_reset(it, x, CMARK_EVENT_EXIT);
		} else if (t == CMARK_NODE_TEXT) {
			const char *l = cmark_node_get_literal(x);
			ok = !l || !l[strspn(l, " \t")];
		} else if (t != CMARK_NODE_ITEM && t != CMARK_NODE_LIST &&
		           t != CMARK_NODE_PARAGRAPH &&
		           t != CMARK_NODE_SOFTBREAK) {
			ok = 0;
		}
	}
	cmark_iter_free(it);
	return ok && items > 0;
}

/* "Table of contents", "Contents", "TOC". */
static int contents_heading(const char *text)
{
	char *slug = text_slugify(text, 8, 64);
	int yes = !strcmp(slug, "table-of-contents") ||
	          !strcmp(slug, "contents") || !strcmp(slug, "toc");
	free(slug);
	return yes;
}

static void heading(mdguide *g, cmark_node *n)
{
	char *text = plain(g, n);
	unsigned line = line_of(n);
	if (contents_heading(text)) {
		flush(g);
		imp_warn(g->d->rep, line, "the heading '%s' left out", text);
	} else if (cmark_node_get_heading_level(n) == 1 && !g->questions &&
	           !g->headings && !asks(g, text)) {
		flush(g);
		if (!g->d->title && *text)
			g->d->title = xstrdup(text);
		else
			imp_warn(g->d->rep, line,
			         "title left out (the corpus's "
			         "title comes from an earlier file)");
		g->headings++;
	} else if (asks(g, text)) {
		new_question(g, text, line);
	} else if (*text) {
		new_section(g, text, line);
	}
	free(text);
}

static void paragraph(mdguide *g, cmark_node *n)
{
	if (bold_question(g, n))
		return;
	char *text = plain(g, n);
	char *summary = NULL;
	unsigned line = line_of(n);
	if (!g->q && tl_chars(text, strlen(text)) < 300 &&
	    imp_marks_legend(&g->marks, text, &summary)) {
		imp_warn(g->d->rep, line,
		         "difficulty legend (%s) used for the "
		         "questions' levels: left out",
		         summary);
	} else if (g->q && placeholder(text)) {
		imp_warn(g->d->rep, line, "placeholder answer '%.60s' left out",
		         text);
	} else {
		convert(g, n);
	}
	free(summary);
	free(text);
}

static void block(mdguide *g, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		heading(g, n);
		break;
	case CMARK_NODE_PARAGRAPH:
		paragraph(g, n);
		break;
	case CMARK_NODE_HTML_BLOCK:
		if (!details(g, n))
			convert(g, n);
		break;
	case CMARK_NODE_LIST:
		if (!g->q && contents_list(n))
			imp_warn(
			    g->d->rep, line_of(n),
			    "a table of contents "
			    "(links to the guide's own headings) left out");
		else
			convert(g, n);
		break;
	default:
		convert(g, n);
		break;
	}
}

static void report_shape(mdguide *g)
{
	imp_error(g->d->rep, 0,
	          "no questions recognised in this Markdown guide (%u "
	          "heading%s, %u paragraph%s starting in bold, none of them "
	          "asking anything); a question is a heading or a bold line "
	          "that ends in '?', reads as a question or carries a "
	          "difficulty mark",
	          g->headings, g->headings == 1 ? "" : "s", g->bold,
	          g->bold == 1 ? "" : "s");
}

int imp_read_markdown(imp_doc *d, const imp_src *s)
{
	mdguide g;
	memset(&g, 0, sizeof g);
	g.d = d;
	g.s = s;
	imp_md_init(&g.md);
	imp_mdconv_init(&g.conv, d, &g.md, s->text, 0);
	imp_marks_init(&g.marks);
	cmark_node *doc = richtext_cmark_parse(s->text, s->len);
	for (cmark_node *n = cmark_node_first_child(doc); n && !d->full;) {
		cmark_node *next = cmark_node_next(n);
		block(&g, n);
		n = next;
	}
	flush(&g);
	cmark_node_free(doc);
	imp_md_free(&g.md);
	imp_mdconv_free(&g.conv);
	free(g.topic);
	if (g.questions || d->full)
		return 0;
	report_shape(&g);
	return -1;
}
