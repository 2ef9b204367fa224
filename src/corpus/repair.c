/* repair.c - quote plain values that contain ": " so libyaml accepts
 * them; see repair.h. Line numbers and key columns do not change. */
#include "corpus/repair.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/text.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct line_view {
	const char *p;    /* line start */
	size_t len;       /* without the newline */
	size_t indent;    /* key column (0-based bytes) */
	size_t value;     /* offset of the value, 0 if none */
	size_t value_end; /* before any trailing comment and spaces */
} line_view;

static int starts_plain(char c)
{
	return c && !strchr("\"'[{|>&*!%@`#-?", c);
}

static int has_colon_space(const char *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (p[i] == ':' && (p[i + 1] == ' ' || p[i + 1] == '\t'))
			return 1;
	return n && p[n - 1] == ':';
}

/* "INDENT (- )* KEY: VALUE" with a plain VALUE holding ": ". */
static int analyse(line_view *v)
{
	const char *p = v->p, *end = p + v->len;
	const char *s = p;
	while (s < end && *s == ' ')
		s++;
	while (s + 1 < end && s[0] == '-' && s[1] == ' ')
		for (s += 2; s < end && *s == ' '; s++)
			;
	if (s >= end || !starts_plain(*s))
		return 0;
	v->indent = (size_t)(s - p);
	const char *k = s;
	while (k + 1 < end && !(k[0] == ':' && k[1] == ' '))
		k++;
	if (k + 1 >= end)
		return 0;
	const char *val = k + 1;
	while (val < end && *val == ' ')
		val++;
	if (val >= end || !starts_plain(*val))
		return 0;
	const char *ve = val;
	while (ve < end && !(ve[0] == ' ' && ve + 1 < end && ve[1] == '#'))
		ve++;
	while (ve > val && (ve[-1] == ' ' || ve[-1] == '\r'))
		ve--;
	if (!has_colon_space(val, (size_t)(ve - val)))
		return 0;
	v->value = (size_t)(val - p);
	v->value_end = (size_t)(ve - p);
	return 1;
}

static line_view line_at(const char *data, size_t len, size_t off)
{
	line_view v = {data + off, 0, 0, 0, 0};
	const char *nl = memchr(data + off, '\n', len - off);
	v.len = nl ? (size_t)(nl - (data + off)) : len - off;
	return v;
}

static int is_continuation(const line_view *v, size_t indent)
{
	size_t i = 0;
	while (i < v->len && v->p[i] == ' ')
		i++;
	if (i == v->len || v->p[i] == '\r')
		return 0;
	return i > indent && v->p[i] != '#';
}

/* Does the line open a block scalar ("key: |", "- >-")? */
static int opens_block(const line_view *v, size_t *indent)
{
	const char *p = v->p, *e = p + v->len;
	while (e > p && (e[-1] == ' ' || e[-1] == '\r'))
		e--;
	while (e > p &&
	       ((e[-1] >= '0' && e[-1] <= '9') || e[-1] == '+' || e[-1] == '-'))
		e--;
	if (e == p || (e[-1] != '|' && e[-1] != '>'))
		return 0;
	e--;
	if (e > p && e[-1] != ' ')
		return 0;
	size_t i = 0;
	while (i < v->len && v->p[i] == ' ')
		i++;
	*indent = i;
	return 1;
}

/* Inside a block scalar that started at indentation `indent`? */
static int in_block(const line_view *v, size_t indent)
{
	size_t i = 0;
	while (i < v->len && v->p[i] == ' ')
		i++;
	return i == v->len || v->p[i] == '\r' || i > indent;
}

static void put_quoted(sp_buf *b, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '\'')
			buf_putc(b, '\'');
		buf_putc(b, p[i]);
	}
}

static void note(yrepair *r, unsigned line, unsigned col)
{
	r->at = xgrow(r->at, &r->cap, r->n + 2, sizeof *r->at);
	r->at[r->n++] = line;
	r->at[r->n++] = col;
}

int yrepair_colons(yrepair *r, const char *data, size_t len)
{
	memset(r, 0, sizeof *r);
	sp_buf b = SP_BUF_INIT;
	size_t off = 0;
	unsigned line = 1;
	size_t block = (size_t)-1; /* indentation of an open block scalar */
	while (off < len) {
		line_view v = line_at(data, len, off);
		size_t next = off + v.len + (off + v.len < len);
		if (block != (size_t)-1 && !in_block(&v, block))
			block = (size_t)-1;
		if (block != (size_t)-1 || opens_block(&v, &block) ||
		    !analyse(&v)) {
			buf_append(&b, v.p, next - off);
			off = next;
			line++;
			continue;
		}
		/* quote from the value to the end of its continuation lines */
		buf_append(&b, v.p, v.value);
		buf_putc(&b, '\'');
		note(r, line, text_chars(v.p, v.value) + 1);
		put_quoted(&b, v.p + v.value, v.value_end - v.value);
		size_t tail = v.value_end;
		line_view last = v;
		int commented =
		    v.value_end < v.len && v.p[v.value_end] == ' ' &&
		    memchr(v.p + v.value_end, '#', v.len - v.value_end) != NULL;
		while (!commented && next < len) {
			line_view c = line_at(data, len, next);
			if (!is_continuation(&c, v.indent))
				break;
			buf_append(&b, last.p + tail, last.len - tail);
			buf_putc(&b, '\n');
			put_quoted(&b, c.p, c.len);
			tail = c.len;
			last = c;
			next += c.len + (next + c.len < len);
			line++;
		}
		buf_putc(&b, '\'');
		buf_append(&b, last.p + tail,
		           (size_t)(data + next - last.p) - tail);
		off = next;
		line++;
	}
	if (!r->n) {
		buf_free(&b);
		return -1;
	}
	r->len = b.len;
	r->data = buf_detach(&b);
	return 0;
}

/* Was a value quoted at (line, col)? The pairs are sorted by line. */
static int was_quoted(const yrepair *r, unsigned line, unsigned col)
{
	size_t lo = 0, hi = r->n / 2;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->at[2 * mid] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->n / 2 && r->at[2 * lo] == line &&
	       r->at[2 * lo + 1] == col;
}

void yrepair_restyle(const yrepair *r, ytree *t)
{
	for (size_t i = 0; i < t->nnodes; i++) {
		ynode *n = t->nodes[i];
		if (n->kind == YN_SCALAR && n->style == YS_SINGLE &&
		    was_quoted(r, n->line, n->col))
			n->style = YS_PLAIN;
	}
}

void yrepair_free(yrepair *r)
{
	free(r->data);
	free(r->at);
	memset(r, 0, sizeof *r);
}
