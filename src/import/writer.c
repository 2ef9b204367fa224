/* writer.c - the imported corpus as YAML (see writer.h). */
#include "import/writer.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/text.h"
#include "import/mdwrite.h"
#include "util/mem.h"

/* s with what YAML and the loader refuse made spaces (malloc'd). */
static char *clean(const char *s)
{
	return imp_text_clean(s, strlen(s));
}

/* ---- scalars ---- */

/* Words YAML 1.1 reads as something other than text. */
static int reserved(const char *s)
{
	static const char *const words[] = {
	    "null",  "Null",  "NULL",  "~",   "true", "True", "TRUE",
	    "false", "False", "FALSE", "yes", "Yes",  "YES",  "no",
	    "No",    "NO",    "on",    "On",  "ON",   "off",  "Off",
	    "OFF",   "y",     "Y",     "n",   "N"};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(s, words[i]))
			return 1;
	return 0;
}

/* Looks like a number (which a YAML reader may turn into one). */
static int numeric(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	if (*p == '.')
		p++;
	return *p >= '0' && *p <= '9';
}

static int plain_ok(const char *s)
{
	if (!*s || strchr("-?:,[]{}#&*!|>'\"%@` \t", *s) || reserved(s) ||
	    numeric(s))
		return 0;
	size_t n = strlen(s);
	if (s[n - 1] == ' ' || s[n - 1] == ':')
		return 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7F)
			return 0;
		if ((c == ':' && p[1] == ' ') || (c == ' ' && p[1] == '#'))
			return 0;
	}
	return 1;
}

static void quoted(sp_buf *out, const char *s)
{
	buf_putc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(out, "\\%c", *p);
		else if (*p == '\t')
			buf_puts(out, "\\t");
		else if (*p == '\n')
			buf_puts(out, "\\n");
		else if (*p < 0x20 || *p == 0x7F)
			buf_printf(out, "\\x%02X", *p);
		else
			buf_putc(out, (char)*p);
	}
	buf_putc(out, '"');
}

void imp_yaml_scalar(sp_buf *out, const char *s)
{
	char *c = clean(s);
	if (plain_ok(c))
		buf_puts(out, c);
	else
		quoted(out, c);
	free(c);
}

/* A flow-style value inside [ ]: also no commas or brackets. */
static void flow_item(sp_buf *out, const char *s)
{
	char *c = clean(s);
	if (plain_ok(c) && !strpbrk(c, ",[]{}"))
		buf_puts(out, c);
	else
		quoted(out, c);
	free(c);
}

/* ---- fields ---- */

static void indent(sp_buf *out, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(out, ' ');
}

/* KEY: VALUE on one line, at indentation ind. */
static void field(sp_buf *out, int ind, const char *key, const char *value)
{
	if (!value)
		return;
	indent(out, ind);
	buf_printf(out, "%s: ", key);
	imp_yaml_scalar(out, value);
	buf_putc(out, '\n');
}

/* A rich-text field: one short line as a scalar, else a literal block
 * whose lines are indented by ind + 2. */
static void rich(sp_buf *out, int ind, const char *key, const char *text)
{
	if (!text || !*text)
		return;
	char *md = clean(text);
	size_t n = strlen(md);
	if (!strchr(md, '\n') && n + strlen(key) + (size_t)ind < 76) {
		field(out, ind, key, md);
		free(md);
		return;
	}
	indent(out, ind);
	buf_printf(out, "%s: |%s\n", key, md[0] == ' ' ? "2" : "");
	for (const char *p = md; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len)
			indent(out, ind + 2);
		buf_append(out, p, len);
		buf_putc(out, '\n');
		p += len + (e != NULL);
	}
	free(md);
}

static void list_flow(sp_buf *out, int ind, const char *key, const imp_list *l)
{
	if (!l->n)
		return;
	indent(out, ind);
	buf_printf(out, "%s: [", key);
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_puts(out, ", ");
		flow_item(out, l->v[i]);
	}
	buf_puts(out, "]\n");
}

static void list_block(sp_buf *out, int ind, const char *key, const imp_list *l)
{
	if (!l->n)
		return;
	indent(out, ind);
	buf_printf(out, "%s:\n", key);
	for (size_t i = 0; i < l->n; i++) {
		indent(out, ind + 2);
		buf_puts(out, "- ");
		imp_yaml_scalar(out, l->v[i]);
		buf_putc(out, '\n');
	}
}

/* A file name in a comment: no line ends or control characters. */
static void comment_text(sp_buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		buf_putc(out, *p < 0x20 || *p == 0x7F ? '?' : (char)*p);
}

/* ---- sections ---- */

static void header(sp_buf *out, const imp_doc *d)
{
	buf_puts(out, "# A studypress corpus written by `studypress import` "
	              "from:\n");
	for (size_t i = 0; i < d->nsrcs; i++) {
		const imp_source *s = &d->srcs[i];
		buf_puts(out, "#   ");
		comment_text(out, s->name);
		buf_printf(out, " (%s): %zu question%s\n",
		           import_format_name(s->format), s->questions,
		           s->questions == 1 ? "" : "s");
	}
	buf_puts(out,
	         "# Check it with `studypress check -c FILE`; use it alone "
	         "(-c FILE) or after\n# another corpus "
	         "(-c content -c FILE). Each question says where it "
	         "was read.\n");
}

static void corpus_meta(sp_buf *out, const imp_doc *d)
{
	char *c = d->title ? clean(d->title) : NULL;
	char *title = c ? text_fold(c) : NULL;
	if (title && *title) {
		buf_puts(out, "\ncorpus:\n");
		field(out, 2, "title", title);
		rich(out, 2, "description", d->description);
	}
	free(title);
	free(c);
}

static void decls(sp_buf *out, const char *key, const imp_decl *v, size_t n)
{
	if (!n)
		return;
	buf_printf(out, "\n%s:\n", key);
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, "  - id: ");
		imp_yaml_scalar(out, v[i].id);
		buf_putc(out, '\n');
		field(out, 4, "name", v[i].name);
		rich(out, 4, "summary", v[i].summary);
	}
}

static void defaults(sp_buf *out, const imp_doc *d)
{
	if (!d->o->nroles)
		return;
	buf_puts(out, "\n# The --role roles, for every question that names "
	              "none:\ndefaults:\n  roles: [");
	for (size_t i = 0; i < d->o->nroles; i++) {
		if (i)
			buf_puts(out, ", ");
		flow_item(out, d->o->roles[i]);
	}
	buf_puts(out, "]\n");
}

static void framework(sp_buf *out, const imp_q *q)
{
	if (!q->fw_name)
		return;
	buf_puts(out, "    framework:\n");
	field(out, 6, "name", q->fw_name);
	if (!q->nsteps)
		return;
	buf_puts(out, "      steps:\n");
	for (size_t i = 0; i < q->nsteps; i++) {
		buf_puts(out, "        - label: ");
		imp_yaml_scalar(out, q->steps[i].label);
		buf_puts(out, "\n          prompt: ");
		imp_yaml_scalar(out, q->steps[i].prompt);
		buf_putc(out, '\n');
	}
}

static void rubric(sp_buf *out, const imp_q *q)
{
	if (!q->strong.n && !q->red_flags.n)
		return;
	buf_puts(out, "    rubric:\n");
	list_block(out, 6, "strong", &q->strong);
	list_block(out, 6, "red_flags", &q->red_flags);
}

static void question(sp_buf *out, const imp_q *q)
{
	buf_puts(out, "\n  # ");
	comment_text(out, q->file ? q->file : "?");
	buf_printf(out, ":%u\n  - id: ", q->line);
	imp_yaml_scalar(out, q->id);
	buf_putc(out, '\n');
	field(out, 4, "question", q->question);
	field(out, 4, "category", q->category);
	list_flow(out, 4, "roles", &q->roles);
	list_flow(out, 4, "topics", &q->topics);
	field(out, 4, "level", q->level);
	if (q->minutes)
		buf_printf(out, "    minutes: %d\n", q->minutes);
	rich(out, 4, "why", q->why);
	rich(out, 4, "answer", q->answer);
	list_block(out, 4, "key_points", &q->key_points);
	framework(out, q);
	rich(out, 4, "tip", q->tip);
	list_block(out, 4, "follow_ups", &q->follow_ups);
	rubric(out, q);
	list_flow(out, 4, "related", &q->related);
}

void imp_write_yaml(const imp_doc *d, sp_buf *out)
{
	header(out, d);
	corpus_meta(out, d);
	decls(out, "roles", d->roles, d->nroles);
	decls(out, "categories", d->cats, d->ncats);
	defaults(out, d);
	buf_puts(out, "\nquestions:\n");
	for (size_t i = 0; i < d->nqs; i++)
		question(out, &d->qs[i]);
}
