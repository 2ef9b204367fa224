/* richtext.c - convert a cmark tree into paragraphs and list items of
 * styled runs. Iterative (cmark_iter); list depth is limited. */
#include "corpus/richtext.h"

#include <cmark.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/mem.h"

static void rt_block_tidy(rt_block *b);

typedef struct rt_state {
	rich_text *out;
	size_t cap;
	rt_block *cur; /* open paragraph, or NULL */
	size_t cur_runs_cap;
	unsigned lists; /* list nesting depth */
	int ordered[RICH_MAX_DEPTH + 1];
	int next_num[RICH_MAX_DEPTH + 1];
	int pending[RICH_MAX_DEPTH + 1]; /* item marker not drawn yet */
	unsigned emph, strong;
	const char *url;
	const char *text; /* the source, for table detection */
	int has_pipe;     /* it holds a '|' (else no table can be) */
	int errors;
	int too_deep_reported;
	int html_reported; /* inline HTML, once per paragraph */
	rt_errfn err;
	void *ctx;
} rt_state;

static void report(rt_state *s, cmark_node *n, const char *msg)
{
	int line = 0, col = 0;
	for (cmark_node *p = n; p && !line; p = cmark_node_parent(p)) {
		line = cmark_node_get_start_line(p);
		col = cmark_node_get_start_column(p);
	}
	s->errors++;
	if (s->err)
		s->err(s->ctx, line ? line : 1, col ? col : 1, msg);
}

static rt_block *new_block(rt_state *s)
{
	rich_text *o = s->out;
	o->blocks =
	    xgrow(o->blocks, &s->cap, o->nblocks + 1, sizeof *o->blocks);
	rt_block *b = &o->blocks[o->nblocks++];
	memset(b, 0, sizeof *b);
	s->cur_runs_cap = 0;
	if (s->lists) {
		unsigned d =
		    s->lists <= RICH_MAX_DEPTH ? s->lists : RICH_MAX_DEPTH;
		b->kind = RT_LIST_ITEM;
		b->depth = d;
		b->ordered = s->ordered[d];
		if (s->pending[d]) {
			b->number = s->next_num[d] - 1;
			s->pending[d] = 0;
		}
	}
	return b;
}

static void add_run(rt_state *s, const char *text, unsigned style)
{
	if (!s->cur || !text)
		return;
	rt_block *b = s->cur;
	if (s->url)
		style |= RT_LINK;
	b->runs =
	    xgrow(b->runs, &s->cur_runs_cap, b->nruns + 1, sizeof *b->runs);
	rt_run *r = &b->runs[b->nruns++];
	r->text = xstrdup(text);
	r->style = style;
	r->url = s->url ? xstrdup(s->url) : NULL;
}

/* The finished paragraph's runs cut to their count: a corpus keeps
 * every paragraph, most of one to three runs, and xgrow gives eight. */
static void fit_runs(rt_state *s)
{
	rt_block *b = s->cur;
	if (b->nruns && b->nruns < s->cur_runs_cap) {
		b->runs = xrealloc(b->runs, b->nruns * sizeof *b->runs);
		s->cur_runs_cap = b->nruns;
	}
}

static unsigned cur_style(const rt_state *s)
{
	return (s->emph ? RT_EMPH : 0) | (s->strong ? RT_STRONG : 0);
}

/* Is the line [p, end) a table delimiter row like |---|:--:| ? */
static int delimiter_row(const char *p, const char *end)
{
	int pipes = 0, dashes = 0;
	for (; p < end; p++) {
		if (*p == '|')
			pipes++;
		else if (*p == '-')
			dashes++;
		else if (*p != ':' && *p != ' ' && *p != '\t' && *p != '\r')
			return 0;
	}
	return pipes && dashes;
}

/* A paragraph whose second or later line is a delimiter row, after a
 * line holding a pipe, is a GitHub-style table. */
static int looks_like_table(const rt_state *s, cmark_node *para)
{
	if (!s->has_pipe)
		return 0;
	int first = cmark_node_get_start_line(para);
	int last = cmark_node_get_end_line(para);
	const char *p = s->text;
	int prev_pipe = 0;
	for (int line = 1; *p && line <= last; line++) {
		const char *e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p);
		if (line >= first) {
			if (line > first && prev_pipe && delimiter_row(p, e))
				return 1;
			prev_pipe = memchr(p, '|', (size_t)(e - p)) != NULL;
		}
		p = *e ? e + 1 : e;
	}
	return 0;
}

/* cmark 0.30 does not say whether a code block was fenced: look at the
 * source where the block starts (after its container's indentation). */
static int is_fenced(const rt_state *s, cmark_node *n)
{
	int line = cmark_node_get_start_line(n);
	int col = cmark_node_get_start_column(n);
	const char *p = s->text;
	for (int l = 1; l < line && p; l++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (!p || col < 1 || (size_t)(col - 1) > strcspn(p, "\n"))
		return 0;
	p += col - 1;
	while (*p == ' ')
		p++;
	return !strncmp(p, "```", 3) || !strncmp(p, "~~~", 3);
}

static int unsupported(rt_state *s, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		report(s, n, "headings are not supported in rich text");
		return 1;
	case CMARK_NODE_HTML_INLINE:
		if (!s->html_reported)
			report(s, n, "HTML is not supported in rich text");
		s->html_reported = 1;
		return 1;
	case CMARK_NODE_HTML_BLOCK:
		report(s, n, "HTML is not supported in rich text");
		return 1;
	case CMARK_NODE_IMAGE:
		report(s, n, "images are not supported in rich text");
		return 1;
	case CMARK_NODE_CODE_BLOCK:
		if (is_fenced(s, n))
			return 0;
		report(s, n,
		       "indented code blocks are not supported in rich text "
		       "(fence the code with ``` lines)");
		return 1;
	case CMARK_NODE_BLOCK_QUOTE:
		report(s, n, "block quotes are not supported in rich text");
		return 1;
	case CMARK_NODE_THEMATIC_BREAK:
		report(s, n, "thematic breaks are not supported in rich text");
		return 1;
	case CMARK_NODE_CUSTOM_BLOCK:
	case CMARK_NODE_CUSTOM_INLINE:
		report(s, n, "unsupported construct in rich text");
		return 1;
	default:
		return 0;
	}
}

static void enter_list(rt_state *s, cmark_node *n)
{
	s->lists++;
	if (s->lists > RICH_MAX_DEPTH) {
		if (!s->too_deep_reported) {
			char msg[80];
			snprintf(msg, sizeof msg,
			         "lists nested more than %d levels deep in "
			         "rich text",
			         RICH_MAX_DEPTH);
			report(s, n, msg);
			s->too_deep_reported = 1;
		}
		return;
	}
	s->ordered[s->lists] =
	    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	s->next_num[s->lists] =
	    s->ordered[s->lists] ? cmark_node_get_list_start(n) : 1;
}

static void enter_item(rt_state *s)
{
	if (s->lists > RICH_MAX_DEPTH || !s->lists)
		return;
	s->next_num[s->lists]++;
	s->pending[s->lists] = 1;
}

static void exit_item(rt_state *s)
{
	if (s->lists > RICH_MAX_DEPTH || !s->lists)
		return;
	if (s->pending[s->lists]) /* an empty item still draws its marker */
		new_block(s);
	s->pending[s->lists] = 0;
}

static void enter_paragraph(rt_state *s, cmark_node *n)
{
	if (looks_like_table(s, n))
		report(s, n, "tables are not supported in rich text");
	s->html_reported = 0;
	s->cur = new_block(s);
}

/* The first word of a fence's info string, or NULL. */
static char *fence_language(const char *info)
{
	if (!info)
		return NULL;
	while (*info == ' ' || *info == '\t')
		info++;
	size_t n = strcspn(info, " \t{");
	return n ? xstrndup(info, n) : NULL;
}

static void enter_code_block(rt_state *s, cmark_node *n)
{
	if (s->lists && s->lists <= RICH_MAX_DEPTH && s->pending[s->lists])
		new_block(s); /* an item that opens with code: its marker */
	rt_block *b = new_block(s);
	b->kind = RT_CODE_BLOCK;
	b->info = fence_language(cmark_node_get_fence_info(n));
	const char *lit = cmark_node_get_literal(n);
	size_t len = lit ? strlen(lit) : 0;
	if (len && lit[len - 1] == '\n')
		len--;
	b->runs = xcalloc(1, sizeof *b->runs);
	b->nruns = 1;
	b->runs[0].text = xstrndup(lit ? lit : "", len);
	b->runs[0].style = RT_CODE;
}

static void on_enter(rt_state *s, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		enter_list(s, n);
		break;
	case CMARK_NODE_ITEM:
		enter_item(s);
		break;
	case CMARK_NODE_PARAGRAPH:
		enter_paragraph(s, n);
		break;
	case CMARK_NODE_CODE_BLOCK:
		enter_code_block(s, n);
		break;
	case CMARK_NODE_TEXT:
		add_run(s, cmark_node_get_literal(n), cur_style(s));
		break;
	case CMARK_NODE_CODE:
		add_run(s, cmark_node_get_literal(n), cur_style(s) | RT_CODE);
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		add_run(s, " ", cur_style(s));
		break;
	case CMARK_NODE_EMPH:
		s->emph++;
		break;
	case CMARK_NODE_STRONG:
		s->strong++;
		break;
	case CMARK_NODE_LINK:
		s->url = cmark_node_get_url(n);
		break;
	default:
		break;
	}
}

static void on_exit(rt_state *s, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_LIST:
		s->lists--;
		break;
	case CMARK_NODE_ITEM:
		exit_item(s);
		break;
	case CMARK_NODE_PARAGRAPH:
		if (s->cur) {
			rt_block_tidy(s->cur);
			fit_runs(s);
		}
		s->cur = NULL;
		break;
	case CMARK_NODE_EMPH:
		s->emph--;
		break;
	case CMARK_NODE_STRONG:
		s->strong--;
		break;
	case CMARK_NODE_LINK:
		s->url = NULL;
		break;
	default:
		break;
	}
}

static void walk(rt_state *s, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && unsupported(s, n)) {
			/* skip the construct and everything inside it */
			if (cmark_node_first_child(n))
				cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			continue;
		}
		if (ev == CMARK_EVENT_ENTER)
			on_enter(s, n);
		else
			on_exit(s, n);
	}
	cmark_iter_free(it);
}

/* Fold white space across the runs of a block (code spans verbatim),
 * trim both ends, merge neighbours of the same style, drop empty runs. */
static void fold_runs(rt_block *b)
{
	int last_space = 1; /* trims the start */
	for (size_t i = 0; i < b->nruns; i++) {
		rt_run *r = &b->runs[i];
		if (r->style & RT_CODE) {
			last_space = 0;
			continue;
		}
		char *w = r->text;
		for (const char *p = r->text; *p; p++) {
			int sp =
			    *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
			if (sp && last_space)
				continue;
			*w++ = sp ? ' ' : *p;
			last_space = sp;
		}
		*w = '\0';
	}
	for (size_t i = b->nruns; i-- > 0;) { /* trim the end */
		rt_run *r = &b->runs[i];
		if (r->style & RT_CODE)
			break;
		size_t n = strlen(r->text);
		while (n && r->text[n - 1] == ' ')
			r->text[--n] = '\0';
		if (n)
			break;
	}
}

static int same_style(const rt_run *a, const rt_run *b)
{
	if (a->style != b->style)
		return 0;
	if (!a->url || !b->url)
		return a->url == b->url;
	return !strcmp(a->url, b->url);
}

static void free_run(rt_run *r)
{
	free(r->text);
	free(r->url);
}

static void rt_block_tidy(rt_block *b)
{
	fold_runs(b);
	size_t w = 0;
	for (size_t i = 0; i < b->nruns; i++) {
		rt_run *r = &b->runs[i];
		if (!*r->text) {
			free_run(r);
			continue;
		}
		if (w && same_style(&b->runs[w - 1], r)) {
			rt_run *prev = &b->runs[w - 1];
			size_t a = strlen(prev->text), n = strlen(r->text);
			prev->text = xrealloc(prev->text, a + n + 1);
			memcpy(prev->text + a, r->text, n + 1);
			free_run(r);
			continue;
		}
		b->runs[w++] = *r;
	}
	b->nruns = w;
	if (!w) {
		free(b->runs);
		b->runs = NULL;
	}
}

/* cmark's memory. Every block has a header saying how big it is and
 * whether it is in an arena: while a parse runs in richtext_parse, the
 * blocks come from that parse's arena (cmark_mem passes no context, so
 * the arena is the thread's current one), and the tree is dropped with
 * the arena instead of freed node by node; anywhere else they come from
 * the heap. Out of memory follows util/mem.h either way. */
typedef union cm_head {
	struct {
		size_t size;  /* bytes after the header */
		int in_arena; /* taken from an arena: free() does nothing */
	} h;
	max_align_t align;
} cm_head;

static _Thread_local sp_arena *cm_arena;

static void *mem_calloc(size_t n, size_t size)
{
	if (size && n > (SIZE_MAX - sizeof(cm_head)) / size)
		mem_fail(SIZE_MAX); /* reports and ends the run */
	size_t bytes = n * size;
	cm_head *c = cm_arena ? arena_calloc(cm_arena, sizeof *c + bytes)
	                      : xcalloc(1, sizeof *c + bytes);
	c->h.size = bytes;
	c->h.in_arena = cm_arena != NULL;
	return c + 1;
}

static void *mem_realloc(void *p, size_t n)
{
	if (!p)
		return mem_calloc(1, n);
	cm_head *c = (cm_head *)p - 1;
	if (!c->h.in_arena) {
		if (n > SIZE_MAX - sizeof *c)
			mem_fail(SIZE_MAX);
		c = xrealloc(c, sizeof *c + n);
		c->h.size = n;
		return c + 1;
	}
	if (n <= c->h.size)
		return p;
	void *q = mem_calloc(1, n);
	memcpy(q, p, c->h.size);
	return q;
}

static void mem_free(void *p)
{
	if (p && !((cm_head *)p - 1)->h.in_arena)
		free((cm_head *)p - 1);
}

static cmark_mem project_mem = {mem_calloc, mem_realloc, mem_free};

struct cmark_node *richtext_cmark_parse(const char *text, size_t len)
{
	cmark_parser *p =
	    cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, &project_mem);
	cmark_parser_feed(p, text, len);
	cmark_node *doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

int richtext_parse(const char *text, rich_text *out, rt_errfn err, void *ctx)
{
	rt_state s;
	memset(&s, 0, sizeof s);
	s.out = out;
	s.text = text;
	s.has_pipe = strchr(text, '|') != NULL;
	s.err = err;
	s.ctx = ctx;
	out->blocks = NULL;
	out->nblocks = 0;
	sp_arena arena = SP_ARENA_INIT, *outer = cm_arena;
	cm_arena = &arena;
	cmark_node *doc = richtext_cmark_parse(text, strlen(text));
	walk(&s, doc);
	if (out->nblocks && out->nblocks < s.cap) /* kept as long as the
	                                           * corpus: no spare room */
		out->blocks =
		    xrealloc(out->blocks, out->nblocks * sizeof *out->blocks);
	cm_arena = outer;
	arena_free(&arena); /* the tree, at once */
	return s.errors;
}

void richtext_free(rich_text *rt)
{
	for (size_t i = 0; i < rt->nblocks; i++) {
		rt_block *b = &rt->blocks[i];
		for (size_t j = 0; j < b->nruns; j++)
			free_run(&b->runs[j]);
		free(b->runs);
		free(b->info);
	}
	free(rt->blocks);
	rt->blocks = NULL;
	rt->nblocks = 0;
}

size_t richtext_bytes(const rich_text *rt)
{
	size_t n = 0;
	for (size_t i = 0; i < rt->nblocks; i++)
		for (size_t k = 0; k < rt->blocks[i].nruns; k++)
			n += strlen(rt->blocks[i].runs[k].text);
	return n;
}
