/* mdconv.c - Markdown to rich text (see mdconv.h). Walks cmark's tree
 * with its iterator (no recursion, whatever the nesting). */
#include "import/mdconv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/richtext.h"
#include "util/buf.h"
#include "util/mem.h"

void imp_mdconv_init(imp_mdconv *c, imp_doc *d, imp_md *m, const char *text,
                     unsigned line0)
{
	memset(c, 0, sizeof *c);
	c->d = d;
	c->m = m;
	c->text = text;
	c->line0 = line0;
	imp_html_init(&c->html, d, m, line0 + 1);
}

void imp_mdconv_free(imp_mdconv *c)
{
	free(c->lines);
	c->lines = NULL;
	c->nlines = 0;
}

static unsigned line_of(const imp_mdconv *c, cmark_node *n)
{
	for (; n; n = cmark_node_parent(n)) {
		int l = cmark_node_get_start_line(n);
		if (l > 0)
			return c->line0 + (unsigned)l;
	}
	return c->line0 + 1;
}

static void once(imp_mdconv *c, cmark_node *n, const char *key, const char *msg)
{
	if (imp_doc_once(c->d, key))
		imp_warn(c->d->rep, line_of(c, n), "%s", msg);
}

static unsigned depth_slot(unsigned lists)
{
	return lists <= IMP_MD_DEPTH + 1 ? lists : IMP_MD_DEPTH + 1;
}

/* Open the next block: a paragraph, an item, or a further paragraph of
 * the open item. */
static void open_block(imp_mdconv *c)
{
	c->html.brk = 0;
	c->html.base_depth = c->lists;
	if (!c->lists) {
		imp_md_para(c->m);
		return;
	}
	unsigned l = depth_slot(c->lists);
	if (c->item_first)
		imp_md_item(c->m, c->lists, c->ordered[l], c->number, 0);
	else
		imp_md_item(c->m, c->lists, 0, 0, 1);
	c->item_first = 0;
}

static void emit(imp_mdconv *c, const char *s, size_t n, unsigned extra)
{
	imp_html_pending(&c->html);
	unsigned style = (c->em ? IMP_EM : 0) | (c->strong ? IMP_STRONG : 0) |
	                 imp_html_style(&c->html) | extra;
	imp_md_style(c->m, style);
	imp_md_text(c->m, s, n);
}

static void emit_str(imp_mdconv *c, const char *s, unsigned extra)
{
	if (s)
		emit(c, s, strlen(s), extra);
}

/* ---- code blocks ---- */

static void code_block(imp_mdconv *c, cmark_node *n)
{
	once(c, n, "md:code",
	     "code blocks made code spans, a paragraph a "
	     "line (the corpus has no code blocks)");
	const char *s = cmark_node_get_literal(n);
	while (s && *s) {
		size_t k = strcspn(s, "\n");
		if (s[strspn(s, " \t")] != '\n' && strspn(s, " \t") < k) {
			open_block(c);
			emit(c, s, k, IMP_CODE);
		}
		s += k + (s[k] == '\n');
	}
}

/* ---- GitHub tables (cmark sees a paragraph) ---- */

/* Line l (1-based) of text: start and length. */
static const char *text_line(imp_mdconv *c, int l, size_t *len)
{
	if (!c->lines) {
		size_t cap = 0, off = 0;
		for (;;) {
			c->lines = xgrow(c->lines, &cap, c->nlines + 1,
			                 sizeof *c->lines);
			c->lines[c->nlines++] = off;
			const char *nl = strchr(c->text + off, '\n');
			if (!nl)
				break;
			off = (size_t)(nl - c->text) + 1;
		}
	}
	if (l < 1 || (size_t)l > c->nlines)
		return NULL;
	const char *p = c->text + c->lines[l - 1];
	*len = strcspn(p, "\n");
	return p;
}

static int delimiter_row(const char *p, size_t n)
{
	int pipes = 0, dashes = 0;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '|')
			pipes++;
		else if (p[i] == '-')
			dashes++;
		else if (p[i] != ':' && p[i] != ' ' && p[i] != '\t')
			return 0;
	}
	return pipes && dashes;
}

/* The index (from 0) of the paragraph's delimiter row, or -1. */
static int table_at(imp_mdconv *c, cmark_node *para)
{
	int first = cmark_node_get_start_line(para);
	int last = cmark_node_get_end_line(para);
	size_t n, pn = 0;
	const char *prev = NULL;
	for (int l = first; l <= last; l++) {
		const char *p = text_line(c, l, &n);
		if (!p)
			break;
		if (prev && memchr(prev, '|', pn) && delimiter_row(p, n))
			return l - first;
		prev = p;
		pn = n;
	}
	return -1;
}

/* Where CommonMark would start a block, escape it: the row's text is
 * inline content. */
static void protect_start(sp_buf *b, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	size_t d = 0;
	while (d < n && s[d] >= '0' && s[d] <= '9')
		d++;
	int marker = n && strchr("-+*", *s) &&
	             (n == 1 || s[1] == ' ' || s[1] == '\t' || s[1] == *s);
	if (n && (strchr("#>=~|", *s) || marker))
		buf_putc(b, '\\');
	if (d && d < n && (s[d] == '.' || s[d] == ')')) {
		buf_append(b, s, d);
		buf_putc(b, '\\');
		s += d;
		n -= d;
	}
	buf_append(b, s, n);
}

static void inline_fragment(imp_mdconv *c, const char *s, size_t n);

/* One row: its cells (split at pipes that are not escaped, trimmed)
 * joined by "; " as one item. */
static void table_row(imp_mdconv *c, const char *p, size_t n, int header)
{
	sp_buf row = SP_BUF_INIT;
	size_t a = 0, end = n;
	while (a < n && (p[a] == ' ' || p[a] == '\t'))
		a++;
	a += a < n && p[a] == '|';
	while (end > a && (p[end - 1] == ' ' || p[end - 1] == '\t'))
		end--;
	end -= end > a && p[end - 1] == '|' && (end < 2 || p[end - 2] != '\\');
	for (size_t i = a; i <= end; i++) {
		if (i < end && (p[i] != '|' || (i > a && p[i - 1] == '\\')))
			continue;
		size_t s = a, e = i;
		while (s < e && (p[s] == ' ' || p[s] == '\t'))
			s++;
		while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t'))
			e--;
		if (e > s) {
			if (row.len)
				buf_puts(&row, "; ");
			buf_append(&row, p + s, e - s);
		}
		a = i + 1;
	}
	if (!row.len) {
		buf_free(&row);
		return;
	}
	imp_md_item(c->m, c->lists + 1, 0, 1, 0);
	c->strong += header;
	inline_fragment(c, row.data, row.len);
	c->strong -= header;
	buf_free(&row);
}

static void table(imp_mdconv *c, cmark_node *para, int at)
{
	once(c, para, "md:table",
	     "tables made lists, a row an item (the "
	     "corpus has no tables)");
	int first = cmark_node_get_start_line(para);
	int last = cmark_node_get_end_line(para);
	size_t n;
	if (at > 1) { /* text before the table's header row */
		const char *p = text_line(c, first, &n);
		const char *q = text_line(c, first + at - 2, &n);
		open_block(c);
		if (p && q)
			inline_fragment(c, p, (size_t)(q + n - p));
	}
	for (int l = first + at - 1; l <= last; l++) {
		const char *p = text_line(c, l, &n);
		if (!p)
			break;
		if (l != first + at)
			table_row(c, p, n, l == first + at - 1);
	}
}

/* ---- inlines ---- */

static void image(imp_mdconv *c, cmark_node *n)
{
	const char *url = cmark_node_get_url(n);
	char msg[200];
	if (!cmark_node_first_child(n)) {
		snprintf(msg, sizeof msg,
		         "image '%.80s' (no description) left out",
		         url ? url : "");
		imp_warn(c->d->rep, line_of(c, n), "%s", msg);
		return;
	}
	once(c, n, "md:image",
	     "images replaced by their descriptions (the "
	     "corpus has no images)");
}

static void html_inline(imp_mdconv *c, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	c->html.base_depth = c->lists;
	c->html.line = line_of(c, n);
	if (s)
		imp_html_feed(&c->html, s, strlen(s));
}

/* An inline node entered or left: 1 when it was one. */
static int on_inline(imp_mdconv *c, cmark_node *n, cmark_event_type ev)
{
	int enter = ev == CMARK_EVENT_ENTER;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		emit_str(c, cmark_node_get_literal(n), 0);
		return 1;
	case CMARK_NODE_CODE:
		emit_str(c, cmark_node_get_literal(n), IMP_CODE);
		return 1;
	case CMARK_NODE_SOFTBREAK:
		emit(c, " ", 1, 0);
		return 1;
	case CMARK_NODE_LINEBREAK:
		c->html.brk = 1;
		return 1;
	case CMARK_NODE_HTML_INLINE:
		html_inline(c, n);
		return 1;
	case CMARK_NODE_EMPH:
		c->em = enter ? c->em + 1 : c->em ? c->em - 1 : 0;
		return 1;
	case CMARK_NODE_STRONG:
		c->strong = enter       ? c->strong + 1
		            : c->strong ? c->strong - 1
		                        : 0;
		return 1;
	case CMARK_NODE_LINK:
		imp_md_link(c->m, enter ? cmark_node_get_url(n) : NULL);
		return 1;
	case CMARK_NODE_IMAGE:
		if (enter)
			image(c, n);
		return 1;
	default:
		return 0;
	}
}

/* s as inline text of the open block (its block structure ignored). */
static void inline_fragment(imp_mdconv *c, const char *s, size_t n)
{
	sp_buf b = SP_BUF_INIT;
	if (n >= 3 && (!strncmp(s, "```", 3) || !strncmp(s, "~~~", 3)))
		buf_putc(&b, '\\');
	protect_start(&b, s, n);
	cmark_node *doc = richtext_cmark_parse(b.data ? b.data : "", b.len);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(x);
		if (on_inline(c, x, ev))
			continue;
		if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_CODE_BLOCK)
			emit_str(c, cmark_node_get_literal(x), IMP_CODE);
		else if (ev == CMARK_EVENT_ENTER && t == CMARK_NODE_HTML_BLOCK)
			html_inline(c, x);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	buf_free(&b);
}

void imp_mdconv_inlines(imp_mdconv *c, cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		if (x != n)
			on_inline(c, x, ev);
	}
	cmark_iter_free(it);
}

/* ---- blocks ---- */

static void enter_list(imp_mdconv *c, cmark_node *n)
{
	c->lists++;
	unsigned l = depth_slot(c->lists);
	c->ordered[l] = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	c->next[l] = c->ordered[l] ? cmark_node_get_list_start(n) : 1;
}

static void enter_item(imp_mdconv *c)
{
	unsigned l = depth_slot(c->lists);
	c->item_first = 1;
	c->number = c->next[l]++;
}

static void end_paragraph(imp_mdconv *c)
{
	c->html.strong = c->html.em = c->html.code = 0;
	c->html.brk = 0;
	imp_md_link(c->m, NULL);
}

/* A block entered; 1 when its children are to be skipped. */
static int enter_block(imp_mdconv *c, cmark_node *n)
{
	int at;
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		enter_list(c, n);
		return 0;
	case CMARK_NODE_ITEM:
		enter_item(c);
		return 0;
	case CMARK_NODE_PARAGRAPH:
		at = table_at(c, n);
		if (at > 0) {
			table(c, n, at);
			return 1;
		}
		open_block(c);
		return 0;
	case CMARK_NODE_HEADING:
		once(c, n, "md:heading",
		     "headings inside an answer made bold "
		     "paragraphs");
		open_block(c);
		c->strong++;
		return 0;
	case CMARK_NODE_CODE_BLOCK:
		code_block(c, n);
		return 0;
	case CMARK_NODE_HTML_BLOCK:
		if (c->item_first)
			open_block(c);
		c->html.brk = 1;
		html_inline(c, n);
		return 0;
	case CMARK_NODE_BLOCK_QUOTE:
		once(c, n, "md:quote", "block quotes made plain paragraphs");
		return 0;
	default:
		return 0;
	}
}

static void exit_block(imp_mdconv *c, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		c->lists = c->lists ? c->lists - 1 : 0;
		break;
	case CMARK_NODE_ITEM:
		c->item_first = 0;
		break;
	case CMARK_NODE_HEADING:
		c->strong = c->strong ? c->strong - 1 : 0;
		end_paragraph(c);
		break;
	case CMARK_NODE_PARAGRAPH:
		end_paragraph(c);
		break;
	default:
		break;
	}
}

void imp_mdconv_block(imp_mdconv *c, cmark_node *n)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *x = cmark_iter_get_node(it);
		if (on_inline(c, x, ev))
			continue;
		if (ev == CMARK_EVENT_ENTER && enter_block(c, x) &&
		    cmark_node_first_child(x))
			cmark_iter_reset(it, x, CMARK_EVENT_EXIT);
		else if (ev == CMARK_EVENT_EXIT)
			exit_block(c, x);
	}
	cmark_iter_free(it);
}

char *imp_markdown_fragment(imp_doc *d, const char *text, unsigned line)
{
	imp_md m;
	imp_md_init(&m);
	imp_mdconv c;
	imp_mdconv_init(&c, d, &m, text, line ? line - 1 : 0);
	cmark_node *doc = richtext_cmark_parse(text, strlen(text));
	imp_mdconv_block(&c, doc);
	cmark_node_free(doc);
	if (m.clamped)
		imp_warn(d->rep, line,
		         "lists nested more than %d deep: the "
		         "deeper ones are kept at that depth",
		         IMP_MD_DEPTH);
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	imp_mdconv_free(&c);
	return md;
}
