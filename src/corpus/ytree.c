/* ytree.c - build a located node tree from libyaml events, iteratively,
 * with limits on depth, node count and alias expansion. */
#include "corpus/ytree.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <yaml.h>

#include "corpus/corpus.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct anchor {
	char *name;
	ynode *node;
	struct anchor *next;
} anchor;

#define ANCHOR_BUCKETS 1024

typedef struct builder {
	ytree *t;
	ynode **stack; /* open collections */
	size_t depth, stack_cap;
	anchor *buckets[ANCHOR_BUCKETS];
	size_t naliases;
	size_t alias_weight;
	const char *data;
	size_t len;
	ytree_errfn err;
	void *ctx;
	int failed;
} builder;

const char *ynode_kind_name(const ynode *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case YN_SEQ:
		return "a list";
	case YN_MAP:
		return "a mapping";
	default:
		return "text";
	}
}

static unsigned hash_name(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h % ANCHOR_BUCKETS;
}

static void fail(builder *b, unsigned line, unsigned col, const char *msg)
{
	if (!b->failed && b->err)
		b->err(b->ctx, SP_ERROR, line, col, msg);
	b->failed = 1;
}

/* A note about the error just reported. */
static void fail_note(builder *b, unsigned line, unsigned col, const char *msg)
{
	if (b->err)
		b->err(b->ctx, SP_NOTE, line, col, msg);
}

static void fail_mark(builder *b, yaml_mark_t m, const char *msg)
{
	fail(b, (unsigned)m.line + 1, (unsigned)m.column + 1, msg);
}

static ynode *node_new(builder *b, yn_kind kind, yaml_mark_t m)
{
	ytree *t = b->t;
	if (t->nnodes >= CORPUS_MAX_NODES) {
		char msg[96];
		snprintf(msg, sizeof msg,
		         "too many YAML nodes (the limit is %u)",
		         CORPUS_MAX_NODES);
		fail_mark(b, m, msg);
		return NULL;
	}
	ynode *n = arena_calloc(&t->arena, sizeof *n);
	n->kind = kind;
	n->line = (unsigned)m.line + 1;
	n->col = (unsigned)m.column + 1;
	n->weight = 1;
	t->nodes = xgrow(t->nodes, &t->cap, t->nnodes + 1, sizeof *t->nodes);
	t->nodes[t->nnodes++] = n;
	return n;
}

static size_t sat_add(size_t a, size_t b)
{
	size_t max = SIZE_MAX / 2;
	return (a > max - b || b > max) ? max : a + b;
}

static void remember_anchor(builder *b, const yaml_char_t *name, ynode *n)
{
	if (!name)
		return;
	anchor *a = xmalloc(sizeof *a);
	unsigned h = hash_name((const char *)name);
	a->name = xstrdup((const char *)name);
	a->node = n;
	a->next = b->buckets[h];
	b->buckets[h] = a;
}

static ynode *find_anchor(builder *b, const char *name)
{
	for (anchor *a = b->buckets[hash_name(name)]; a; a = a->next)
		if (!strcmp(a->name, name))
			return a->node;
	return NULL;
}

/* Attach a finished node to the open collection (or make it the root). */
static void attach(builder *b, ynode *n)
{
	if (b->depth == 0) {
		if (!b->t->root)
			b->t->root = n;
		return;
	}
	ynode *p = b->stack[b->depth - 1];
	p->items = arena_grow(&b->t->arena, p->items, &p->cap, p->n + 1,
	                      sizeof *p->items);
	p->items[p->n++] = n;
	p->weight = sat_add(p->weight, n->weight);
}

static int is_null_plain(const char *s)
{
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

static yn_style scalar_style(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		return YS_SINGLE;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return YS_DOUBLE;
	case YAML_LITERAL_SCALAR_STYLE:
		return YS_LITERAL;
	case YAML_FOLDED_SCALAR_STYLE:
		return YS_FOLDED;
	default:
		return YS_PLAIN;
	}
}

static void on_scalar(builder *b, yaml_event_t *e)
{
	ynode *n = node_new(b, YN_SCALAR, e->start_mark);
	if (!n)
		return;
	n->style = scalar_style(e->data.scalar.style);
	n->end_line = (unsigned)e->end_mark.line + 1;
	n->end_col = (unsigned)e->end_mark.column + 1;
	n->len = e->data.scalar.length;
	n->str = arena_strndup(&b->t->arena, (const char *)e->data.scalar.value,
	                       n->len);
	n->is_null = n->style == YS_PLAIN && is_null_plain(n->str);
	remember_anchor(b, e->data.scalar.anchor, n);
	attach(b, n);
}

static void on_alias(builder *b, yaml_event_t *e)
{
	char msg[160];
	const char *name = (const char *)e->data.alias.anchor;
	ynode *target = find_anchor(b, name);
	if (!target) {
		snprintf(msg, sizeof msg, "unknown alias '*%.60s'", name);
		fail_mark(b, e->start_mark, msg);
		return;
	}
	b->alias_weight = sat_add(b->alias_weight, target->weight);
	if (++b->naliases > CORPUS_MAX_ALIASES ||
	    b->alias_weight > CORPUS_MAX_ALIAS_NODES) {
		snprintf(msg, sizeof msg,
		         "aliases expand to too many nodes (the limit is %u "
		         "aliases and %u nodes)",
		         CORPUS_MAX_ALIASES, CORPUS_MAX_ALIAS_NODES);
		fail_mark(b, e->start_mark, msg);
		return;
	}
	attach(b, target);
}

static void on_start(builder *b, yaml_event_t *e, yn_kind kind)
{
	if (b->depth >= CORPUS_MAX_DEPTH) {
		char msg[80];
		snprintf(msg, sizeof msg,
		         "YAML nested too deeply (the limit is %d levels)",
		         CORPUS_MAX_DEPTH);
		fail_mark(b, e->start_mark, msg);
		return;
	}
	ynode *n = node_new(b, kind, e->start_mark);
	if (!n)
		return;
	const yaml_char_t *a = kind == YN_SEQ ? e->data.sequence_start.anchor
	                                      : e->data.mapping_start.anchor;
	if (a) /* stash the anchor name until the collection ends */
		n->str = arena_strndup(&b->t->arena, (const char *)a,
		                       strlen((const char *)a));
	b->stack =
	    xgrow(b->stack, &b->stack_cap, b->depth + 1, sizeof *b->stack);
	b->stack[b->depth++] = n;
}

static void on_end(builder *b)
{
	if (!b->depth)
		return;
	ynode *n = b->stack[--b->depth];
	if (n->str) { /* anchors take effect once the node is complete */
		remember_anchor(b, (const yaml_char_t *)n->str, n);
		n->str = NULL;
	}
	attach(b, n);
}

static void on_document(builder *b, yaml_event_t *e)
{
	if (++b->t->ndocs == 2)
		b->t->second_doc_line = (unsigned)e->start_mark.line + 1;
}

static void handle_event(builder *b, yaml_event_t *e)
{
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		on_document(b, e);
		break;
	case YAML_SCALAR_EVENT:
		on_scalar(b, e);
		break;
	case YAML_ALIAS_EVENT:
		on_alias(b, e);
		break;
	case YAML_SEQUENCE_START_EVENT:
		on_start(b, e, YN_SEQ);
		break;
	case YAML_MAPPING_START_EVENT:
		on_start(b, e, YN_MAP);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(b);
		break;
	default:
		break;
	}
}

/* Position of a byte offset in data: 1-based line, column in characters. */
static void offset_position(const char *data, size_t len, size_t off,
                            unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	for (size_t i = 0; i < off && i < len; i++) {
		unsigned char ch = (unsigned char)data[i];
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* Byte offset of the 1-based position (line, col), col in characters;
 * clamped to the end of its line (or of data). */
static size_t position_offset(const char *data, size_t len, unsigned line,
                              unsigned col)
{
	size_t i = 0;
	for (unsigned l = 1; i < len && l < line; i++)
		if (data[i] == '\n')
			l++;
	for (unsigned c = 1; c < col && i < len && data[i] != '\n'; c++)
		for (i++; i < len && ((unsigned char)data[i] & 0xC0) == 0x80;
		     i++)
			;
	return i;
}

/* The column of the first tab in the indentation of `line` (the spaces,
 * tabs and "- " marks that start it) when it is at or before col, else
 * 0. The indentation is ASCII: its bytes are its columns. */
static unsigned indent_tab(const builder *b, unsigned line, unsigned col)
{
	size_t start = position_offset(b->data, b->len, line, 1);
	for (size_t i = start; i < b->len && i - start < col; i++) {
		char ch = b->data[i];
		if (ch == '\t')
			return (unsigned)(i - start) + 1;
		int mark = ch == '-' && i + 1 < b->len &&
		           (b->data[i + 1] == ' ' || b->data[i + 1] == '\t');
		if (ch != ' ' && !mark)
			return 0;
	}
	return 0;
}

/* libyaml's scanner messages that have a clearer one: a tab where YAML
 * wants indentation, and a quoted string the file ends in. Returns 1
 * when reported. */
static int scanner_error_explained(builder *b, const yaml_parser_t *p)
{
	unsigned line = (unsigned)p->problem_mark.line + 1;
	unsigned col = (unsigned)p->problem_mark.column + 1;
	size_t at = position_offset(b->data, b->len, line, col);
	unsigned tab = indent_tab(b, line, col);
	if (!tab && at < b->len && b->data[at] == '\t')
		tab = col;
	if (tab) {
		fail(b, line, tab,
		     "tab characters cannot indent YAML; use spaces");
		return 1;
	}
	if (p->problem && p->context &&
	    !strcmp(p->problem, "found unexpected end of stream") &&
	    !strcmp(p->context, "while scanning a quoted scalar")) {
		unsigned ql = (unsigned)p->context_mark.line + 1;
		unsigned qc = (unsigned)p->context_mark.column + 1;
		size_t q = position_offset(b->data, b->len, ql, qc);
		char quote = q < b->len && b->data[q] == '\'' ? '\'' : '"';
		char msg[80];
		snprintf(msg, sizeof msg,
		         "unterminated quoted string (no closing %c)", quote);
		fail(b, ql, qc, msg);
		fail_note(b, line, col,
		          "the file ends here, inside the string");
		return 1;
	}
	return 0;
}

static void parser_error(builder *b, yaml_parser_t *p)
{
	sp_buf msg = SP_BUF_INIT;
	unsigned line, col;
	if (p->error == YAML_SCANNER_ERROR && scanner_error_explained(b, p))
		return;
	if (p->error == YAML_READER_ERROR) {
		buf_printf(&msg, "invalid text: %s (byte offset %zu)",
		           p->problem ? p->problem : "unreadable input",
		           p->problem_offset);
		offset_position(b->data, b->len, p->problem_offset, &line,
		                &col);
	} else {
		buf_printf(&msg, "YAML syntax error: %s",
		           p->problem ? p->problem : "invalid YAML");
		if (p->context)
			buf_printf(&msg, " (%s at line %lu)", p->context,
			           (unsigned long)p->context_mark.line + 1);
		line = (unsigned)p->problem_mark.line + 1;
		col = (unsigned)p->problem_mark.column + 1;
	}
	fail(b, line, col, msg.data);
	buf_free(&msg);
}

static void builder_free(builder *b)
{
	for (size_t i = 0; i < ANCHOR_BUCKETS; i++) {
		anchor *a = b->buckets[i];
		while (a) {
			anchor *next = a->next;
			free(a->name);
			free(a);
			a = next;
		}
	}
	/* collections still open hold a stashed anchor name (in the arena) */
	for (size_t i = 0; i < b->depth; i++)
		b->stack[i]->str = NULL;
	free(b->stack);
}

int ytree_parse(ytree *t, const char *data, size_t len, ytree_errfn err,
                void *ctx)
{
	memset(t, 0, sizeof *t);
	builder b;
	memset(&b, 0, sizeof b);
	b.t = t;
	b.data = data;
	b.len = len;
	b.err = err;
	b.ctx = ctx;
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	for (int done = 0; !done && !b.failed;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&p, &e)) {
			if (p.error == YAML_MEMORY_ERROR)
				mem_fail(0); /* not a syntax error */
			parser_error(&b, &p);
			break;
		}
		done = e.type == YAML_STREAM_END_EVENT;
		handle_event(&b, &e);
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
	builder_free(&b);
	return b.failed ? -1 : 0;
}

void ytree_free(ytree *t)
{
	free(t->nodes);
	arena_free(&t->arena);
	memset(t, 0, sizeof *t);
}
