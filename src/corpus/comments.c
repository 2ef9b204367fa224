/* comments.c - text that YAML silently cuts at a comment.
 *
 * In `question: Why PM? #1 question` the value is "Why PM?": a `#` after
 * white space starts a comment, even in the middle of what was meant as
 * one sentence. Plain (unquoted) values of a question's text fields that
 * are followed by a comment on their last line are warned about at the
 * `#`. Ids, levels and numbers are left alone: a comment after them is
 * what comments are for. */
#include <string.h>

#include "corpus/loader.h"

/* Keys of a question whose values are text (or hold text). */
static const char *const text_keys[] = {"question",  "why",        "answer",
                                        "tip",       "key_points", "follow_ups",
                                        "framework", "rubric",     NULL};

#define CUT_MAX_DEPTH 4 /* framework > steps > step > prompt */
#define CUT_SHOWN 40    /* bytes of the comment quoted in the warning */

static int is_text_key(const char *k)
{
	for (size_t i = 0; text_keys[i]; i++)
		if (!strcmp(k, text_keys[i]))
			return 1;
	return 0;
}

/* Byte offset in L->data of the 1-based (line, col), col in characters,
 * or L->len when the line does not exist. */
static size_t offset_of(const loader *L, unsigned line, unsigned col)
{
	if (line == 0 || line > L->nlines)
		return L->len;
	size_t i = L->lines[line - 1];
	for (unsigned c = 1; c < col && i < L->len && L->data[i] != '\n'; c++)
		for (i++;
		     i < L->len && ((unsigned char)L->data[i] & 0xC0) == 0x80;
		     i++)
			;
	return i;
}

static void check_scalar(loader *L, const ynode *v, const char *key)
{
	if (v->style != YS_PLAIN || v->is_null || !v->end_line)
		return;
	size_t i = offset_of(L, v->end_line, v->end_col), start = i;
	while (i < L->len && (L->data[i] == ' ' || L->data[i] == '\t'))
		i++;
	if (i == start || i >= L->len || L->data[i] != '#')
		return;
	size_t n = 0;
	while (i + 1 + n < L->len && n < CUT_SHOWN &&
	       L->data[i + 1 + n] != '\n' && L->data[i + 1 + n] != '\r')
		n++;
	while (n && ((unsigned char)L->data[i + 1 + n] & 0xC0) == 0x80)
		n--; /* do not cut a character in two */
	const char *more = i + 1 + n < L->len && L->data[i + 1 + n] != '\n' &&
	                           L->data[i + 1 + n] != '\r'
	                       ? "..."
	                       : "";
	unsigned col = v->end_col + (unsigned)(i - start);
	ld_report(L, L->file, SP_WARNING, v->end_line, col,
	          "'%s' is cut before '#%.*s%s': YAML reads ' #' as the start "
	          "of a comment; put the value in quotes to keep it",
	          key, (int)n, L->data + i + 1, more);
}

static void check_value(loader *L, const ynode *v, const char *key, int depth)
{
	if (!v || depth > CUT_MAX_DEPTH)
		return;
	if (v->kind == YN_SCALAR) {
		check_scalar(L, v, key);
	} else if (v->kind == YN_SEQ) {
		for (size_t i = 0; i < v->n; i++)
			check_value(L, v->items[i], key, depth + 1);
	} else {
		for (size_t i = 0; i < (v->n / 2); i++) {
			const ynode *k = YN_KEY(v, i);
			if (k->kind == YN_SCALAR)
				check_value(L, YN_VAL(v, i), k->str, depth + 1);
		}
	}
}

void ld_question_comments(loader *L, const ynode *q)
{
	if (!q || q->kind != YN_MAP)
		return;
	for (size_t i = 0; i < (q->n / 2); i++) {
		const ynode *k = YN_KEY(q, i);
		if (k->kind == YN_SCALAR && is_text_key(k->str))
			check_value(L, YN_VAL(q, i), k->str, 1);
	}
}
