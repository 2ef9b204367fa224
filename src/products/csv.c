/* csv.c - the RFC 4180 reader (see csv.h). */
#include "products/csv.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

void csv_reader_init(csv_reader *r, const char *data, size_t len)
{
	r->data = data;
	r->len = len;
	r->pos = 0;
	r->line = 1;
	r->sep = ',';
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		r->pos = 3;
}

void csv_record_free(csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->fields[i]);
	free(rec->fields);
	free(rec->lens);
	memset(rec, 0, sizeof *rec);
}

static void record_reset(csv_record *rec)
{
	for (size_t i = 0; i < rec->n; i++)
		free(rec->fields[i]);
	rec->n = 0;
	rec->error = NULL;
	rec->error_line = 0;
}

static void fail(csv_record *rec, const char *msg, unsigned line)
{
	if (!rec->error) {
		rec->error = msg;
		rec->error_line = line;
	}
}

static void push_field(csv_record *rec, sp_buf *f, unsigned line)
{
	if (rec->n >= CSV_MAX_FIELDS) {
		fail(rec, "too many fields", line);
		buf_clear(f);
		return;
	}
	if (rec->n == rec->cap) {
		size_t cap = rec->cap;
		rec->fields =
		    xgrow(rec->fields, &cap, rec->n + 1, sizeof(char *));
		rec->lens = xrealloc(rec->lens, cap * sizeof(size_t));
		rec->cap = cap;
	}
	if (!rec->error && memchr(f->data ? f->data : "", 0, f->len))
		fail(rec, "NUL byte in a field", line);
	if (!rec->error && !csv_utf8_valid(f->data ? f->data : "", f->len))
		fail(rec, "invalid UTF-8", line);
	rec->lens[rec->n] = f->len;
	rec->fields[rec->n++] = f->len ? buf_detach(f) : xstrdup("");
	buf_clear(f);
}

/* Is data[p] the start of a line end? Returns its length (0 = no). */
static size_t eol_at(const csv_reader *r, size_t p)
{
	if (p >= r->len)
		return 0;
	if (r->data[p] == '\n')
		return 1;
	if (r->data[p] == '\r')
		return (p + 1 < r->len && r->data[p + 1] == '\n') ? 2 : 1;
	return 0;
}

/* After an error: skip to the end of the current physical line. */
static void skip_line(csv_reader *r)
{
	while (r->pos < r->len && !eol_at(r, r->pos))
		r->pos++;
}

static void add_byte(csv_record *rec, sp_buf *f, char c, unsigned line)
{
	if (f->len >= CSV_MAX_FIELD_BYTES) {
		fail(rec, "field too long", line);
		return;
	}
	buf_putc(f, c);
}

/* A quoted field, r->pos just after the opening quote. Returns 0 when
 * the field ended with its closing quote, -1 when the input ended first
 * (r->pos is then at the end of the opening line). */
static int read_quoted(csv_reader *r, csv_record *rec, sp_buf *f)
{
	unsigned open_line = r->line;
	size_t open_pos = r->pos;
	while (r->pos < r->len) {
		char c = r->data[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
				add_byte(rec, f, '"', r->line);
				r->pos += 2;
				continue;
			}
			r->pos++;
			return 0;
		}
		size_t e = eol_at(r, r->pos);
		if (e) {
			for (size_t i = 0; i < e; i++)
				add_byte(rec, f, r->data[r->pos + i], r->line);
			r->pos += e;
			r->line++;
			continue;
		}
		add_byte(rec, f, c, r->line);
		r->pos++;
	}
	/* Recover: the rest of the opening line was this bad record; the
	 * lines after it are read again as records of their own. */
	fail(rec, "unterminated quoted field", open_line);
	r->pos = open_pos;
	r->line = open_line;
	skip_line(r);
	return -1;
}

/* One field. Returns 1 when a separator follows (more fields), 0 at the
 * end of the record. */
static int read_field(csv_reader *r, csv_record *rec, sp_buf *f)
{
	if (r->pos < r->len && r->data[r->pos] == '"') {
		size_t open_pos = ++r->pos;
		unsigned open_line = r->line;
		if (read_quoted(r, rec, f) < 0)
			return 0;
		if (r->pos < r->len && r->data[r->pos] != r->sep &&
		    !eol_at(r, r->pos)) {
			/* a field that ran over lines and then ended badly:
			 * most likely its opening quote was never closed, and
			 * it swallowed the lines after it up to another
			 * field's quote. Report the opening line and read the
			 * lines after it again. */
			if (r->line != open_line) {
				fail(rec, "unterminated quoted field",
				     open_line);
				r->pos = open_pos;
				r->line = open_line;
			} else {
				fail(rec,
				     "unexpected text after a closing "
				     "quote",
				     r->line);
			}
			skip_line(r);
			return 0;
		}
	} else {
		while (r->pos < r->len && r->data[r->pos] != r->sep &&
		       !eol_at(r, r->pos)) {
			char c = r->data[r->pos];
			if (c == '"') {
				fail(rec, "quote inside an unquoted field",
				     r->line);
				skip_line(r);
				return 0;
			}
			add_byte(rec, f, c, r->line);
			r->pos++;
		}
	}
	if (r->pos < r->len && r->data[r->pos] == r->sep) {
		r->pos++;
		return 1;
	}
	return 0;
}

static int blank_line(const csv_reader *r)
{
	return eol_at(r, r->pos) != 0;
}

int csv_next(csv_reader *r, csv_record *rec)
{
	record_reset(rec);
	while (r->pos < r->len && blank_line(r)) {
		r->pos += eol_at(r, r->pos);
		r->line++;
	}
	if (r->pos >= r->len)
		return 0;
	rec->line = r->line;
	rec->start = r->pos;
	sp_buf f = SP_BUF_INIT;
	int more;
	do {
		more = read_field(r, rec, &f);
		push_field(rec, &f, r->line);
	} while (more);
	buf_free(&f);
	rec->end = r->pos;
	size_t e = eol_at(r, r->pos);
	if (e) {
		r->pos += e;
		r->line++;
	}
	return 1;
}

int csv_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t n;
		unsigned long cp;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + n >= len)
			return 0;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n + 1;
	}
	return 1;
}

void csv_put_field(sp_buf *out, const char *field)
{
	size_t len = strlen(field);
	int quote = len && (field[0] == ' ' || field[len - 1] == ' ');
	if (strpbrk(field, ",\"\r\n") || !strncmp(field, "\xEF\xBB\xBF", 3))
		quote = 1; /* (a leading U+FEFF would read as a BOM) */
	if (!quote) {
		buf_append(out, field, len);
		return;
	}
	buf_putc(out, '"');
	for (const char *p = field; *p; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
}
