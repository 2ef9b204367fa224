/* anki.c - Anki's "Notes in Plain Text" export: header lines
 * (#separator:tab, #html:true, #tags column:N, #notetype column:N,
 * #deck column:N, #guid column:N, #deck:NAME, #tags:TAGS, #columns:...),
 * then a note a record, fields split by the separator and quoted as in
 * CSV. The first field is the question, the second the answer (further
 * fields are added to the answer); fields are HTML unless #html:false.
 * Decks become categories, tags topics. Cloze notes ({{c1::text}}) ask
 * the sentence with the deletions shown as [...] and answer it whole. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/text.h"
#include "import/delim.h"
#include "import/formats.h"
#include "import/html.h"
#include "import/mdwrite.h"
#include "util/buf.h"
#include "util/mem.h"

typedef struct anki {
	imp_doc *d;
	const imp_src *s;
	char sep[8];
	int html;
	int tags_col, notetype_col, deck_col, guid_col; /* 0-based, -1 */
	char *deck;                                     /* #deck:NAME */
	char *tags;                                     /* #tags:TAGS */
	size_t first; /* index of the first line after the header */
} anki;

static const struct {
	const char *name, *sep;
} separators[] = {{"tab", "\t"},  {"comma", ","}, {"semicolon", ";"},
                  {"space", " "}, {"pipe", "|"},  {"colon", ":"}};

static void header_separator(anki *a, const char *v, unsigned line)
{
	for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++)
		if (!strcasecmp(v, separators[i].name)) {
			strcpy(a->sep, separators[i].sep);
			return;
		}
	size_t n = strlen(v);
	if (n && n < sizeof a->sep) {
		memcpy(a->sep, v, n + 1);
		return;
	}
	imp_warn(a->d->rep, line, "unknown separator '%s': a tab is used", v);
}

/* "#tags column:3" -> 2 */
static int column(anki *a, const char *v, unsigned line)
{
	char *end;
	long c = strtol(v, &end, 10);
	if (end == v || *end || c < 1 || c > 1000) {
		imp_warn(a->d->rep, line, "bad column number '%s': left out",
		         v);
		return -1;
	}
	return (int)c - 1;
}

static void header_line(anki *a, const char *key, const char *v, unsigned line)
{
	if (!strcasecmp(key, "separator"))
		header_separator(a, v, line);
	else if (!strcasecmp(key, "html"))
		a->html = strcasecmp(v, "false") != 0;
	else if (!strcasecmp(key, "tags column"))
		a->tags_col = column(a, v, line);
	else if (!strcasecmp(key, "notetype column"))
		a->notetype_col = column(a, v, line);
	else if (!strcasecmp(key, "deck column"))
		a->deck_col = column(a, v, line);
	else if (!strcasecmp(key, "guid column"))
		a->guid_col = column(a, v, line);
	else if (!strcasecmp(key, "deck") && !a->deck)
		a->deck = xstrdup(v);
	else if (!strcasecmp(key, "tags") && !a->tags)
		a->tags = xstrdup(v);
	else if (strcasecmp(key, "notetype") && strcasecmp(key, "columns"))
		imp_warn(a->d->rep, line, "unknown header '#%s': left out",
		         key);
}

/* The "#key:value" lines at the top. */
static void read_header(anki *a)
{
	size_t i = 0;
	for (; i < a->s->nlines; i++) {
		const imp_line *l = &a->s->lines[i];
		if (!l->len || l->s[0] != '#')
			break;
		const char *colon = memchr(l->s, ':', l->len);
		if (!colon) {
			imp_warn(a->d->rep, l->no,
			         "a header line without ':': "
			         "left out");
			continue;
		}
		char *k = xstrndup(l->s + 1, (size_t)(colon - l->s) - 1);
		char *v =
		    xstrndup(colon + 1, l->len - (size_t)(colon + 1 - l->s));
		char *fk = text_fold(k), *fv = text_fold(v);
		header_line(a, fk, fv, l->no);
		free(fk);
		free(fv);
		free(k);
		free(v);
	}
	a->first = i;
}

/* ---- cloze deletions ---- */

/* Split a cloze note's text: the question shows each {{cN::text::hint}}
 * as [hint] (or [...]), the answer shows its text. */
static void cloze(const char *s, sp_buf *q, sp_buf *a)
{
	while (*s) {
		const char *o = strstr(s, "{{c");
		const char *sep = o ? strstr(o, "::") : NULL;
		const char *e = sep ? strstr(sep + 2, "}}") : NULL;
		if (!e) {
			buf_puts(q, s);
			buf_puts(a, s);
			return;
		}
		buf_append(q, s, (size_t)(o - s));
		buf_append(a, s, (size_t)(o - s));
		const char *body = sep + 2;
		const char *hint = strstr(body, "::");
		if (hint && hint > e)
			hint = NULL;
		buf_append(a, body, (size_t)((hint ? hint : e) - body));
		if (hint)
			buf_printf(q, "[%.*s]", (int)(e - hint - 2), hint + 2);
		else
			buf_puts(q, "[...]");
		s = e + 2;
	}
}

static int has_cloze_word(const char *s)
{
	for (; *s; s++)
		if (!strncasecmp(s, "cloze", 5))
			return 1;
	return 0;
}

static int is_cloze(const anki *a, const imp_record *r, const char *front)
{
	if (a->notetype_col >= 0 && (size_t)a->notetype_col < r->n &&
	    has_cloze_word(r->f[a->notetype_col]))
		return 1;
	const char *o = strstr(front, "{{c");
	return o && o[3] >= '0' && o[3] <= '9' && strstr(o, "::");
}

/* ---- fields ---- */

static char *field_rich(anki *a, const char *f, unsigned line)
{
	if (a->html)
		return imp_html_rich(a->d, f, line);
	imp_md m;
	imp_md_init(&m);
	for (const char *p = f; *p;) { /* a paragraph a line */
		size_t n = strcspn(p, "\n");
		imp_md_para(&m);
		imp_md_text(&m, p, n);
		p += n + (p[n] == '\n');
	}
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	return md;
}

static char *field_plain(anki *a, const char *f, unsigned line)
{
	return a->html ? imp_html_plain(a->d, f, line) : text_fold(f);
}

/* "[sound:x.mp3]" references: removed, reported once. */
static char *drop_sounds(anki *a, const char *f, unsigned line)
{
	sp_buf b = SP_BUF_INIT;
	for (const char *p = f; *p;) {
		const char *o = strstr(p, "[sound:");
		const char *e = o ? strchr(o, ']') : NULL;
		if (!e) {
			buf_puts(&b, p);
			break;
		}
		buf_append(&b, p, (size_t)(o - p));
		if (imp_doc_once(a->d, "anki:sound"))
			imp_warn(a->d->rep, line,
			         "sounds ([sound:...]) left out");
		p = e + 1;
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

/* ---- notes ---- */

static int special(const anki *a, size_t i)
{
	int c = (int)i;
	return c == a->tags_col || c == a->notetype_col || c == a->deck_col ||
	       c == a->guid_col;
}

static void note_tags(anki *a, imp_q *q, const char *tags, unsigned line)
{
	char *t = a->html ? imp_html_plain(a->d, tags, line) : xstrdup(tags);
	for (char *p = t; *p;) {
		size_t n = strcspn(p, " \t\n");
		if (n) {
			char *tag = xstrndup(p, n);
			imp_q_topic(a->d, q, tag, line);
			free(tag);
		}
		p += n + (p[n] != '\0');
	}
	free(t);
}

/* A deck name ("Interview::Behavioral"): its last part names the
 * category. */
static const char *deck_category(anki *a, const char *deck, unsigned line)
{
	const char *last = deck;
	for (const char *p = deck; (p = strstr(p, "::")) != NULL; p += 2)
		last = p + 2;
	char *name = text_fold(last);
	const char *id = *name ? imp_doc_section(a->d, name, line)
	                       : imp_doc_default_category(a->d, line);
	if (last != deck && *name && imp_doc_once(a->d, "anki:deck")) {
		char *parent = xstrndup(deck, (size_t)(last - 2 - deck));
		imp_warn(a->d->rep, line,
		         "decks are named by their last part "
		         "(category '%s'): parent decks such as '%s' are left "
		         "out",
		         name, parent);
		free(parent);
	}
	free(name);
	return id;
}

static void note_meta(anki *a, imp_q *q, const imp_record *r)
{
	const char *deck = a->deck;
	if (a->deck_col >= 0 && (size_t)a->deck_col < r->n &&
	    *r->f[a->deck_col])
		deck = r->f[a->deck_col];
	q->category = deck ? deck_category(a, deck, r->line)
	                   : imp_doc_default_category(a->d, r->line);
	if (a->tags)
		note_tags(a, q, a->tags, r->line);
	if (a->tags_col >= 0 && (size_t)a->tags_col < r->n)
		note_tags(a, q, r->f[a->tags_col], r->line);
	if ((a->guid_col >= 0 || a->notetype_col >= 0) &&
	    imp_doc_once(a->d, "anki:guid"))
		imp_warn(a->d->rep, r->line,
		         "Anki's note type and guid "
		         "columns are left out (they are Anki's bookkeeping)");
}

/* Fields after the first two: added to the answer. */
static void extra_fields(anki *a, imp_q *q, const imp_record *r)
{
	int any = 0;
	for (size_t i = 0, k = 0; i < r->n; i++) {
		if (special(a, i) || k++ < 2 || !*r->f[i])
			continue;
		char *md = field_rich(a, r->f[i], r->line);
		imp_rich_append(&q->answer, md);
		free(md);
		any = 1;
	}
	if (any && imp_doc_once(a->d, "anki:extra"))
		imp_warn(a->d->rep, r->line,
		         "notes with more than two fields: the others are "
		         "added to the answer");
}

/* The question's and the answer's HTML (or text) of a note whose first
 * two fields are front and back. */
static void sides(anki *a, const imp_record *r, const char *front,
                  const char *back, sp_buf *q, sp_buf *ans)
{
	if (is_cloze(a, r, front)) {
		cloze(front, q, ans);
		if (*back)
			buf_printf(ans, "%s%s", a->html ? "<br>" : "\n", back);
	} else {
		buf_puts(q, front);
		buf_puts(ans, back);
	}
}

static void note(anki *a, const imp_record *r)
{
	const char *f[2] = {NULL, NULL};
	size_t nf = 0;
	for (size_t i = 0; i < r->n && nf < 2; i++)
		if (!special(a, i))
			f[nf++] = r->f[i];
	if (!nf)
		return;
	char *front = drop_sounds(a, f[0], r->line);
	char *back = drop_sounds(a, f[1] ? f[1] : "", r->line);
	sp_buf qb = SP_BUF_INIT, ab = SP_BUF_INIT;
	sides(a, r, front, back, &qb, &ab);
	char *text = field_plain(a, qb.data ? qb.data : "", r->line);
	imp_q *q = NULL;
	if (!*text)
		imp_warn(a->d->rep, r->line,
		         "a note with an empty first field: left out");
	else
		q = imp_doc_question(a->d, text, r->line);
	if (q) {
		note_meta(a, q, r);
		q->answer = field_rich(a, ab.data ? ab.data : "", r->line);
		extra_fields(a, q, r);
	}
	free(text);
	buf_free(&qb);
	buf_free(&ab);
	free(front);
	free(back);
}

int imp_read_anki(imp_doc *d, const imp_src *s)
{
	anki a = {d, s, "\t", 1, -1, -1, -1, -1, NULL, NULL, 0};
	read_header(&a);
	imp_delim rd;
	imp_delim_init(&rd, s, a.first, a.sep, 1);
	imp_record rec = {0};
	size_t before = d->nqs;
	int rc = 0, got;
	while (!d->full && (got = imp_delim_next(&rd, &rec)) != 0) {
		if (got < 0) {
			imp_error(d->rep, rec.line,
			          "a quote opened here is never closed");
			rc = -1;
			break;
		}
		note(&a, &rec);
	}
	if (!rc && d->nqs == before && !d->full) {
		imp_error(d->rep, 0,
		          "no notes recognised: an Anki export has a "
		          "note a line, its fields separated by a %s",
		          !strcmp(a.sep, "\t") ? "tab" : "separator");
		rc = -1;
	}
	imp_record_free(&rec);
	free(a.deck);
	free(a.tags);
	return rc;
}
