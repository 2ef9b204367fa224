/* table.c - CSV and TSV with a header row naming the columns: question
 * (or front, term) and answer (or back, definition), and optionally the
 * other fields of a question: id, category, roles, topics (or tags),
 * level (or difficulty), minutes, why, tip, key_points, follow_ups,
 * strong, red_flags, related. Names are matched without regard to case,
 * spaces or hyphens. Rich cells (answer, why, tip) are Markdown; list
 * cells hold an item a line, or items separated by semicolons; roles,
 * topics and related are separated by commas or semicolons. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/text.h"
#include "import/delim.h"
#include "import/formats.h"
#include "import/mdconv.h"
#include "util/buf.h"
#include "util/mem.h"

enum {
	COL_QUESTION,
	COL_ANSWER,
	COL_ID,
	COL_CATEGORY,
	COL_ROLES,
	COL_TOPICS,
	COL_LEVEL,
	COL_MINUTES,
	COL_WHY,
	COL_TIP,
	COL_KEY_POINTS,
	COL_FOLLOW_UPS,
	COL_STRONG,
	COL_RED_FLAGS,
	COL_RELATED,
	COL_N,
	COL_UNKNOWN = -1
};

static const struct {
	const char *name;
	int col;
} names[] = {
    {"question", COL_QUESTION},
    {"front", COL_QUESTION},
    {"term", COL_QUESTION},
    {"answer", COL_ANSWER},
    {"back", COL_ANSWER},
    {"definition", COL_ANSWER},
    {"id", COL_ID},
    {"category", COL_CATEGORY},
    {"roles", COL_ROLES},
    {"role", COL_ROLES},
    {"topics", COL_TOPICS},
    {"topic", COL_TOPICS},
    {"tags", COL_TOPICS},
    {"level", COL_LEVEL},
    {"difficulty", COL_LEVEL},
    {"minutes", COL_MINUTES},
    {"why", COL_WHY},
    {"tip", COL_TIP},
    {"key_points", COL_KEY_POINTS},
    {"follow_ups", COL_FOLLOW_UPS},
    {"followups", COL_FOLLOW_UPS},
    {"strong", COL_STRONG},
    {"red_flags", COL_RED_FLAGS},
    {"related", COL_RELATED},
};

/* A header cell, lowercase, with spaces and hyphens as underscores. */
static int column_of(const char *cell)
{
	char *f = text_fold(cell);
	for (char *p = f; *p; p++)
		if (*p == ' ' || *p == '-')
			*p = '_';
	int col = COL_UNKNOWN;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(f, names[i].name))
			col = names[i].col;
	free(f);
	return col;
}

typedef struct table {
	imp_doc *d;
	int *cols; /* column of each field of the header */
	size_t ncols;
	int has[COL_N];
} table;

static int read_header(table *t, const imp_record *h)
{
	t->cols = xcalloc(h->n ? h->n : 1, sizeof *t->cols);
	t->ncols = h->n;
	for (size_t i = 0; i < h->n; i++) {
		int c = column_of(h->f[i]);
		if (c != COL_UNKNOWN && t->has[c]) {
			imp_warn(
			    t->d->rep, h->line,
			    "column '%s' is given twice: the second is left "
			    "out",
			    h->f[i]);
			c = COL_UNKNOWN;
		} else if (c == COL_UNKNOWN && *h->f[i]) {
			imp_warn(
			    t->d->rep, h->line,
			    "unknown column '%s': left out (known: question, "
			    "answer, id, category, roles, topics, level, "
			    "minutes, why, tip, key_points, follow_ups, "
			    "strong, red_flags, related)",
			    h->f[i]);
		}
		t->cols[i] = c;
		if (c != COL_UNKNOWN)
			t->has[c] = 1;
	}
	if (t->has[COL_QUESTION])
		return 0;
	imp_error(t->d->rep, h->line,
	          "the header row names no 'question' column (nor 'front' or "
	          "'term'); found %zu column%s",
	          h->n, h->n == 1 ? "" : "s");
	return -1;
}

/* Items of a list cell: split at any of seps, trimmed, "- " dropped. */
static void split_items(const char *cell, const char *seps, imp_list *out)
{
	const char *p = cell;
	while (*p) {
		size_t n = strcspn(p, seps);
		char *item = xstrndup(p, n);
		char *f = text_fold(item);
		const char *v = f;
		if ((*v == '-' || *v == '*') && v[1] == ' ')
			v += 2;
		if (*v)
			imp_list_add(out, v);
		free(f);
		free(item);
		p += n + (p[n] != '\0');
	}
}

/* A slug for an id-like cell: itself when it is one, else made (the
 * cell is then the name, in *name). NULL when nothing is left. */
static char *slug_of(const char *cell, char **name)
{
	char *f = text_fold(cell);
	*name = NULL;
	if (text_is_slug(f))
		return f;
	char *s = text_slugify(f, 8, 60);
	if (!*s) {
		free(s);
		free(f);
		return NULL;
	}
	*name = f;
	return s;
}

static void cell_category(table *t, imp_q *q, const char *cell, unsigned l)
{
	char *name, *id = slug_of(cell, &name);
	q->category = id ? imp_doc_category(t->d, id, name, l)
	                 : imp_doc_default_category(t->d, l);
	free(id);
	free(name);
}

static void cell_roles(table *t, imp_q *q, const char *cell, unsigned l)
{
	imp_list items = {0};
	split_items(cell, ",;", &items);
	for (size_t i = 0; i < items.n; i++) {
		char *name, *id = slug_of(items.v[i], &name);
		if (!id)
			imp_warn(t->d->rep, l,
			         "role '%s' has no letter or digit: "
			         "left out",
			         items.v[i]);
		else if (!imp_list_has(&q->roles, id))
			imp_list_add(&q->roles,
			             imp_doc_role(t->d, id, name, l));
		free(id);
		free(name);
	}
	imp_list_free(&items);
}

static void cell_topics(table *t, imp_q *q, const char *cell, unsigned l)
{
	imp_list items = {0};
	split_items(cell, ",;", &items);
	for (size_t i = 0; i < items.n; i++)
		imp_q_topic(t->d, q, items.v[i], l);
	imp_list_free(&items);
}

static void cell_id(table *t, imp_q *q, const char *cell, unsigned l)
{
	char *name, *id = slug_of(cell, &name);
	if (name)
		imp_warn(t->d->rep, l,
		         "id '%s' is not an id (lowercase letters, "
		         "digits, hyphens): '%s' is used",
		         name, id);
	else if (!id)
		imp_warn(t->d->rep, l,
		         "id '%s' has no letter or digit: another "
		         "is made",
		         cell);
	free(q->id);
	q->id = id;
	free(name);
}

static void cell_level(table *t, imp_q *q, const char *cell, unsigned l)
{
	char *f = text_fold(cell);
	q->level = imp_level_word(f, strlen(f));
	if (!q->level)
		imp_warn(t->d->rep, l,
		         "level '%s' is not junior, mid or senior "
		         "(nor easy, medium, hard): left out",
		         f);
	free(f);
}

static void cell_minutes(table *t, imp_q *q, const char *cell, unsigned l)
{
	char *end;
	long m = strtol(cell, &end, 10);
	while (*end == ' ')
		end++;
	if (end == cell || *end || m < 1 || m > 60)
		imp_warn(t->d->rep, l,
		         "minutes '%s' is not a number from 1 to "
		         "60: left out",
		         cell);
	else
		q->minutes = (int)m;
}

static void cell(table *t, imp_q *q, int col, const char *v, unsigned l)
{
	switch (col) {
	case COL_ANSWER:
		q->answer = imp_markdown_fragment(t->d, v, l);
		break;
	case COL_WHY:
		q->why = imp_markdown_fragment(t->d, v, l);
		break;
	case COL_TIP:
		q->tip = imp_markdown_fragment(t->d, v, l);
		break;
	case COL_ID:
		cell_id(t, q, v, l);
		break;
	case COL_CATEGORY:
		cell_category(t, q, v, l);
		break;
	case COL_ROLES:
		cell_roles(t, q, v, l);
		break;
	case COL_TOPICS:
		cell_topics(t, q, v, l);
		break;
	case COL_LEVEL:
		cell_level(t, q, v, l);
		break;
	case COL_MINUTES:
		cell_minutes(t, q, v, l);
		break;
	case COL_KEY_POINTS:
		split_items(v, "\n;", &q->key_points);
		break;
	case COL_FOLLOW_UPS:
		split_items(v, "\n;", &q->follow_ups);
		break;
	case COL_STRONG:
		split_items(v, "\n;", &q->strong);
		break;
	case COL_RED_FLAGS:
		split_items(v, "\n;", &q->red_flags);
		break;
	case COL_RELATED:
		split_items(v, ",; ", &q->related);
		break;
	default:
		break;
	}
}

static const char *field_of(const table *t, const imp_record *r, int col)
{
	for (size_t i = 0; i < t->ncols && i < r->n; i++)
		if (t->cols[i] == col)
			return r->f[i];
	return NULL;
}

static int blank_cell(const char *s)
{
	return !s || !s[strspn(s, " \t\n")];
}

static void row(table *t, const imp_record *r)
{
	const char *text = field_of(t, r, COL_QUESTION);
	if (blank_cell(text)) {
		int any = 0;
		for (size_t i = 0; i < r->n; i++)
			any |= !blank_cell(r->f[i]);
		if (any)
			imp_warn(t->d->rep, r->line,
			         "a row without a question: left out");
		return;
	}
	if (r->n > t->ncols)
		imp_warn(
		    t->d->rep, r->line,
		    "%zu more field%s than the header has columns: left out",
		    r->n - t->ncols, r->n - t->ncols == 1 ? "" : "s");
	imp_q *q = imp_doc_question(t->d, text, r->line);
	if (!q)
		return;
	for (size_t i = 0; i < t->ncols && i < r->n; i++)
		if (t->cols[i] != COL_QUESTION && !blank_cell(r->f[i]))
			cell(t, q, t->cols[i], r->f[i], r->line);
	if (!q->category)
		q->category = imp_doc_default_category(t->d, r->line);
}

int imp_read_table(imp_doc *d, const imp_src *s, import_format f)
{
	table t = {d, NULL, 0, {0}};
	imp_delim rd;
	imp_delim_init(&rd, s, 0,
	               imp_separator(d, f == IMPORT_CSV ? "," : "\t"), 1);
	imp_record rec = {0};
	int rc = imp_delim_next(&rd, &rec);
	if (rc == 0) {
		imp_error(d->rep, 0, "no header row");
		return -1;
	}
	if (rc < 0)
		imp_error(d->rep, rec.line,
		          "a quote opened here is never closed");
	rc = rc < 0 ? -1 : read_header(&t, &rec);
	size_t first = d->nqs;
	while (rc == 0) {
		int got = imp_delim_next(&rd, &rec);
		if (got == 0)
			break;
		if (got < 0) {
			imp_error(d->rep, rec.line,
			          "a quote opened here is never closed");
			rc = -1;
			break;
		}
		row(&t, &rec);
	}
	if (rc == 0 && d->nqs == first && !d->full) {
		imp_error(d->rep, 0,
		          "no rows with a question (the header names "
		          "%zu column%s)",
		          t.ncols, t.ncols == 1 ? "" : "s");
		rc = -1;
	}
	imp_record_free(&rec);
	free(t.cols);
	return rc;
}
