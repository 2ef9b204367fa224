/* delim.c - delimited records (see delim.h). */
#include "import/delim.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

void imp_delim_init(imp_delim *r, const imp_src *s, size_t first,
                    const char *sep, int quotes)
{
	memset(r, 0, sizeof *r);
	r->text = s->text;
	r->len = s->len;
	r->line = 1;
	if (first < s->nlines) {
		r->pos = (size_t)(s->lines[first].s - s->text);
		r->line = s->lines[first].no;
	} else {
		r->pos = s->len;
	}
	r->sep = sep;
	r->seplen = strlen(sep);
	r->quotes = quotes;
}

static int at_sep(const imp_delim *r)
{
	return r->seplen && r->pos + r->seplen <= r->len &&
	       !memcmp(r->text + r->pos, r->sep, r->seplen);
}

static int at_end_of_record(const imp_delim *r)
{
	return r->pos >= r->len || r->text[r->pos] == '\n';
}

static void add_field(imp_record *rec, sp_buf *b)
{
	rec->f = xgrow(rec->f, &rec->cap, rec->n + 1, sizeof *rec->f);
	rec->f[rec->n++] = b->data ? buf_detach(b) : xstrdup("");
}

/* A quoted field from just after its opening quote. 0, or -1 when the
 * text ends inside it. */
static int quoted(imp_delim *r, sp_buf *b)
{
	for (;;) {
		if (r->pos >= r->len)
			return -1;
		char c = r->text[r->pos++];
		if (c == '\n')
			r->line++;
		if (c != '"') {
			buf_putc(b, c);
			continue;
		}
		if (r->pos < r->len && r->text[r->pos] == '"') {
			buf_putc(b, '"');
			r->pos++;
			continue;
		}
		if (at_end_of_record(r) || at_sep(r))
			return 0;
		buf_putc(b, '"'); /* a stray quote: kept, still quoted */
	}
}

static void unquoted(imp_delim *r, sp_buf *b)
{
	while (!at_end_of_record(r) && !at_sep(r))
		buf_putc(b, r->text[r->pos++]);
}

int imp_delim_next(imp_delim *r, imp_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->f[i]);
	rec->n = 0;
	while (r->pos < r->len && r->text[r->pos] == '\n') {
		r->pos++;
		r->line++;
	}
	if (r->pos >= r->len)
		return 0;
	rec->line = r->line;
	sp_buf b = SP_BUF_INIT;
	int rc = 1;
	for (;;) {
		if (r->quotes && r->text[r->pos] == '"') {
			r->pos++;
			if (quoted(r, &b) < 0)
				rc = -1;
		}
		unquoted(r, &b);
		add_field(rec, &b);
		if (rc < 0 || !at_sep(r))
			break;
		r->pos += r->seplen;
	}
	rec->last_line = r->line;
	if (r->pos < r->len) { /* the line end */
		r->pos++;
		r->line++;
	}
	return rc;
}

void imp_record_free(imp_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->f[i]);
	free(rec->f);
	memset(rec, 0, sizeof *rec);
}
