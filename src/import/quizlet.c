/* quizlet.c - a Quizlet set exported as text: a card a line, the term,
 * a separator (a tab, or --separator) and the definition. The term is
 * the question, the definition the answer. A line without the separator
 * continues the card before it (as a new paragraph of its definition). */
#include <stdlib.h>
#include <string.h>

#include "corpus/text.h"
#include "import/formats.h"
#include "import/mdwrite.h"
#include "util/mem.h"

/* Literal text as rich text (one paragraph). */
static char *rich_literal(const char *s, size_t n)
{
	imp_md m;
	imp_md_init(&m);
	imp_md_para(&m);
	imp_md_text(&m, s, n);
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	return md;
}

static const char *find_sep(const imp_line *l, const char *sep)
{
	size_t n = strlen(sep);
	for (size_t i = 0; n && i + n <= l->len; i++)
		if (!memcmp(l->s + i, sep, n))
			return l->s + i;
	return NULL;
}

static int has_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80)
			return 1;
	}
	return 0;
}

static void card(imp_doc *d, const imp_line *l, const char *at, const char *sep)
{
	char *term = xstrndup(l->s, (size_t)(at - l->s));
	char *folded = text_fold(term);
	const char *def = at + strlen(sep);
	size_t dlen = l->len - (size_t)(def - l->s);
	if (!*folded) {
		if (has_word(def, dlen))
			imp_warn(d->rep, l->no,
			         "a card without a term: left out");
	} else {
		imp_q *q = imp_doc_question(d, folded, l->no);
		if (q) {
			q->category = imp_doc_default_category(d, l->no);
			q->answer = rich_literal(def, dlen);
		}
	}
	free(folded);
	free(term);
}

static void continuation(imp_doc *d, const imp_line *l, imp_q *last)
{
	if (!has_word(l->s, l->len))
		return;
	if (!last) {
		imp_warn(d->rep, l->no,
		         "a line without a separator before the first card: "
		         "left out");
		return;
	}
	char *md = rich_literal(l->s, l->len);
	imp_rich_append(&last->answer, md);
	free(md);
	imp_warn(d->rep, l->no,
	         "a line without a separator: added to the definition of the "
	         "card on line %u",
	         last->line);
}

int imp_read_quizlet(imp_doc *d, const imp_src *s)
{
	const char *sep = imp_separator(d, "\t");
	size_t first = d->nqs;
	for (size_t i = 0; i < s->nlines; i++) {
		const imp_line *l = &s->lines[i];
		if (imp_line_blank(l))
			continue;
		const char *at = find_sep(l, sep);
		if (at)
			card(d, l, at, sep);
		else
			continuation(
			    d, l, d->nqs > first ? &d->qs[d->nqs - 1] : NULL);
	}
	if (d->nqs > first || d->full)
		return 0;
	imp_error(d->rep, 0,
	          "no cards recognised: a Quizlet export has a term, a %s and "
	          "a definition on each line (found %zu line%s, none with it)",
	          !strcmp(sep, "\t") ? "tab" : "separator", s->nlines,
	          s->nlines == 1 ? "" : "s");
	return -1;
}
