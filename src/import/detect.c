/* detect.c - which reader a source needs, when --from does not say: the
 * extension first (.md, .csv, .tsv), then the content (Anki's header
 * lines, a table header naming a question column, tab-separated cards,
 * Markdown headings and bold lines); anything else is a plain-text
 * guide. */
#include <string.h>
#include <strings.h>

#include "import/formats.h"

static const char *extension(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? dot + 1 : "";
}

static int ext_is(const char *ext, const char *const *v)
{
	for (; *v; v++)
		if (!strcasecmp(ext, *v))
			return 1;
	return 0;
}

static int starts_with(const imp_line *l, const char *prefix)
{
	size_t n = strlen(prefix);
	return l->len >= n && !strncasecmp(l->s, prefix, n);
}

static const imp_line *first_nonblank(const imp_src *s)
{
	for (size_t i = 0; i < s->nlines; i++)
		if (!imp_line_blank(&s->lines[i]))
			return &s->lines[i];
	return NULL;
}

static int anki_header(const imp_line *l)
{
	static const char *const keys[] = {"#separator:", "#html:", "#tags",
	                                   "#notetype",   "#deck",  "#guid",
	                                   "#columns:",   NULL};
	for (const char *const *k = keys; *k; k++)
		if (starts_with(l, *k))
			return 1;
	return 0;
}

static int is_name(const char *f, size_t n, const char *const *names)
{
	for (const char *const *k = names; *k; k++)
		if (n == strlen(*k) && !strncasecmp(f, *k, n))
			return 1;
	return 0;
}

/* The first line, split by sep, names a question (front, term) and an
 * answer (back, definition) column. */
static int table_header(const imp_line *l, char sep)
{
	static const char *const qs[] = {"question", "front", "term", NULL};
	static const char *const as[] = {"answer", "back", "definition", NULL};
	int q = 0, a = 0;
	size_t start = 0;
	for (size_t i = 0; i <= l->len; i++) {
		if (i < l->len && l->s[i] != sep)
			continue;
		const char *f = l->s + start;
		size_t n = i - start;
		while (n && (*f == ' ' || *f == '"')) {
			f++;
			n--;
		}
		while (n && (f[n - 1] == ' ' || f[n - 1] == '"'))
			n--;
		q |= is_name(f, n, qs);
		a |= is_name(f, n, as);
		start = i + 1;
	}
	return q && a;
}

/* Most lines hold a tab after some text: cards. */
static int tabbed(const imp_src *s)
{
	size_t lines = 0, tabs = 0;
	for (size_t i = 0; i < s->nlines; i++) {
		const imp_line *l = &s->lines[i];
		if (imp_line_blank(l))
			continue;
		size_t a = 0;
		while (a < l->len && (l->s[a] == ' ' || l->s[a] == '\t'))
			a++;
		lines++;
		tabs += memchr(l->s + a, '\t', l->len - a) != NULL;
	}
	return lines && tabs * 2 > lines;
}

/* ATX headings, bold lines or code fences. */
static int markdownish(const imp_src *s)
{
	size_t signs = 0;
	for (size_t i = 0; i < s->nlines; i++) {
		const imp_line *l = &s->lines[i];
		size_t h = 0;
		while (h < l->len && h < 7 && l->s[h] == '#')
			h++;
		if (h >= 1 && h <= 6 && h < l->len && l->s[h] == ' ')
			signs += 2;
		else if (starts_with(l, "**") || starts_with(l, "```"))
			signs++;
	}
	return signs >= 2;
}

import_format imp_detect(const imp_src *s, imp_report *r)
{
	static const char *const md[] = {"md", "markdown", "mdown", "mkd",
	                                 NULL};
	static const char *const yaml[] = {"yaml", "yml", NULL};
	const char *ext = extension(s->name);
	if (ext_is(ext, yaml)) {
		imp_error(r, 0,
		          "this is a YAML file: a corpus is used as it is "
		          "(-c FILE), not imported");
		return IMPORT_AUTO;
	}
	if (ext_is(ext, md))
		return IMPORT_MARKDOWN;
	if (!strcasecmp(ext, "csv"))
		return IMPORT_CSV;
	if (!strcasecmp(ext, "tsv") || !strcasecmp(ext, "tab"))
		return IMPORT_TSV;
	const imp_line *first = first_nonblank(s);
	if (!first)
		return IMPORT_TEXT;
	if (anki_header(first))
		return IMPORT_ANKI;
	if (table_header(first, '\t'))
		return IMPORT_TSV;
	if (table_header(first, ','))
		return IMPORT_CSV;
	if (tabbed(s))
		return IMPORT_QUIZLET;
	return markdownish(s) ? IMPORT_MARKDOWN : IMPORT_TEXT;
}
