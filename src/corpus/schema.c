/* schema.c - typed values from YAML nodes: mappings with known keys,
 * text, rich text, slugs, references, lists, integers, levels. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "corpus/richtext.h"
#include "corpus/text.h"
#include "util/mem.h"

#define LD_MAX_KEYS 32

static const char *key_name_at(const ld_key *keys, size_t i)
{
	return keys[i].name;
}

static void unknown_key(loader *L, const ynode *k, const char *what,
                        const ld_key *keys, size_t nkeys)
{
	const char *names[LD_MAX_KEYS];
	char hint[128];
	for (size_t i = 0; i < nkeys; i++)
		names[i] = key_name_at(keys, i);
	ld_suggest(k->str, names, nkeys, hint, sizeof hint);
	ld_error(L, k, "unknown key '%.60s' in %s%s", k->str, what, hint);
}

static long find_key(const ld_key *keys, size_t nkeys, const char *name)
{
	for (size_t i = 0; i < nkeys; i++)
		if (!strcmp(keys[i].name, name))
			return (long)i;
	return -1;
}

static void take_value(loader *L, const ynode *k, const ynode *v,
                       const ld_key *key, const ynode **out)
{
	if (v->kind == YN_SCALAR && v->is_null) {
		if (key->required)
			ld_error(L, k, "'%s' has no value", key->name);
		else
			ld_warning(L, k, "'%s' has no value", key->name);
		return;
	}
	*out = v;
}

int ld_map(loader *L, const ynode *n, const char *what, const ld_key *keys,
           size_t nkeys, const ynode **out)
{
	const ynode *seen[LD_MAX_KEYS] = {0};
	for (size_t i = 0; i < nkeys; i++)
		out[i] = NULL;
	if (!n || n->kind != YN_MAP) {
		ld_error(L, n, "expected a mapping for %s, found %s", what,
		         ynode_kind_name(n));
		return -1;
	}
	for (size_t i = 0; i < YN_PAIRS(n); i++) {
		const ynode *k = YN_KEY(n, i);
		if (k->kind != YN_SCALAR) {
			ld_error(L, k,
			         "expected text for a key in %s, found %s",
			         what, ynode_kind_name(k));
			continue;
		}
		long idx = find_key(keys, nkeys, k->str);
		if (idx < 0) {
			unknown_key(L, k, what, keys, nkeys);
		} else if (seen[idx]) {
			ld_error(L, k,
			         "duplicate key '%s' in %s (first at line %u)",
			         k->str, what, seen[idx]->line);
		} else {
			seen[idx] = k;
			take_value(L, k, YN_VAL(n, i), &keys[idx], &out[idx]);
		}
	}
	for (size_t i = 0; i < nkeys; i++)
		if (keys[i].required && !seen[i])
			ld_error(L, n, "missing required key '%s' in %s",
			         keys[i].name, what);
	return 0;
}

static int want_scalar(loader *L, const ynode *v, const char *what,
                       const char *key)
{
	if (v->kind == YN_SCALAR)
		return 0;
	ld_error(L, v, "expected %s for '%s', found %s", what, key,
	         ynode_kind_name(v));
	return -1;
}

/* Control characters, then NFC. NULL after reporting. */
static char *clean_string(loader *L, const ynode *v, const char *key)
{
	unsigned long cp;
	if (text_find_control(v->str, v->len, &cp) != TEXT_OK) {
		ld_error(L, v, "control character U+%04lX in '%s'", cp, key);
		return NULL;
	}
	char *s = text_nfc(v->str, v->len);
	if (!s)
		ld_error(L, v, "invalid UTF-8 in '%s'", key);
	return s;
}

int ld_text(loader *L, const ynode *v, const char *key, sp_text *out)
{
	if (want_scalar(L, v, "text", key))
		return -1;
	char *s = clean_string(L, v, key);
	if (!s)
		return -1;
	text_fold_here(s);
	out->s = s;
	out->loc = ld_loc(L, v);
	return 0;
}

typedef struct rich_ctx {
	loader *L;
	const ynode *v;
	const char *text;
} rich_ctx;

/* Indentation of the first non-blank line after line `line`. */
static unsigned block_indent(const loader *L, unsigned line)
{
	for (size_t i = line; i < L->nlines; i++) {
		const char *p = L->data + L->lines[i];
		const char *end = L->data + L->len;
		unsigned n = 0;
		while (p < end && *p == ' ') {
			p++;
			n++;
		}
		if (p < end && *p != '\n' && *p != '\r')
			return n;
	}
	return 0;
}

/* Characters in the first col-1 bytes of line `line` of text. */
static unsigned chars_before(const char *text, int line, int col)
{
	const char *p = text;
	for (int i = 1; i < line && p; i++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	return p ? text_chars(p, col > 0 ? (size_t)col - 1 : 0) : 0;
}

static void rich_error(void *ctx, int line, int col, const char *msg)
{
	rich_ctx *rc = ctx;
	const ynode *v = rc->v;
	unsigned chars = chars_before(rc->text, line, col);
	unsigned fl, fc;
	if (v->style == YS_LITERAL || v->style == YS_FOLDED) {
		fl = v->line + (unsigned)line;
		fc = block_indent(rc->L, v->line) + chars + 1;
	} else if (line <= 1) {
		fl = v->line;
		fc = v->col + (v->style != YS_PLAIN) + chars;
	} else {
		fl = v->line + (unsigned)line - 1;
		fc = chars + 1;
	}
	ld_report(rc->L, rc->L->file, SP_ERROR, fl, fc, "%s", msg);
}

int ld_rich(loader *L, const ynode *v, const char *key, rich_text *out)
{
	if (want_scalar(L, v, "rich text", key))
		return -1;
	char *s = clean_string(L, v, key);
	if (!s)
		return -1;
	rich_ctx rc = {L, v, s};
	int errs = richtext_parse(s, out, rich_error, &rc);
	out->loc = ld_loc(L, v);
	free(s);
	return errs ? -1 : 0;
}

int ld_slug(loader *L, const ynode *v, const char *key, char **out)
{
	if (want_scalar(L, v, "an id", key))
		return -1;
	if (strlen(v->str) != v->len || !text_is_slug(v->str)) {
		ld_error(L, v,
		         "invalid id '%.60s' for '%s' (use lowercase letters, "
		         "digits and single hyphens, like 'my-id')",
		         v->str, key);
		return -1;
	}
	*out = xstrdup(v->str);
	return 0;
}

int ld_ref_one(loader *L, const ynode *v, const char *key, ld_ref *out)
{
	char *id;
	if (ld_slug(L, v, key, &id))
		return -1;
	out->id = id;
	out->file = L->file;
	out->loc = ld_loc(L, v);
	return 0;
}

int ld_seq(loader *L, const ynode *v, const char *key)
{
	if (v->kind == YN_SEQ)
		return 0;
	ld_error(L, v, "expected a list for '%s', found %s", key,
	         ynode_kind_name(v));
	return -1;
}

int ld_ref_list(loader *L, const ynode *v, const char *key, ld_ref **out,
                size_t *n)
{
	*out = NULL;
	*n = 0;
	if (ld_seq(L, v, key))
		return -1;
	int rc = 0;
	*out = xcalloc(v->n, sizeof **out);
	for (size_t i = 0; i < v->n; i++) {
		if (ld_ref_one(L, v->items[i], key, &(*out)[*n]) == 0)
			(*n)++;
		else
			rc = -1;
	}
	return rc;
}

int ld_text_list(loader *L, const ynode *v, const char *key, sp_text_list *out)
{
	out->items = NULL;
	out->n = 0;
	out->loc = ld_loc(L, v);
	if (ld_seq(L, v, key))
		return -1;
	int rc = 0;
	out->items = xcalloc(v->n, sizeof *out->items);
	for (size_t i = 0; i < v->n; i++) {
		if (ld_text(L, v->items[i], key, &out->items[out->n]) == 0)
			out->n++;
		else
			rc = -1;
	}
	return rc;
}

int ld_int(loader *L, const ynode *v, const char *key, long min, long max,
           long *out)
{
	if (want_scalar(L, v, "an integer", key))
		return -1;
	char *end;
	errno = 0;
	long x = strtol(v->str, &end, 10);
	int ok = v->style == YS_PLAIN && *v->str && !*end && !errno &&
	         v->str[0] != ' ' && x >= min && x <= max;
	if (!ok) {
		ld_error(L, v,
		         "'%s' must be an integer from %ld to %ld, not '%.40s'",
		         key, min, max, v->str);
		return -1;
	}
	*out = x;
	return 0;
}

static const char *const level_names[] = {"junior", "mid", "senior"};

int ld_level(loader *L, const ynode *v, sp_level *out)
{
	if (want_scalar(L, v, "a level", "level"))
		return -1;
	for (size_t i = 0; i < 3; i++) {
		if (!strcmp(v->str, level_names[i])) {
			*out = (sp_level)(LEVEL_JUNIOR + i);
			return 0;
		}
	}
	char hint[96];
	ld_suggest(v->str, level_names, 3, hint, sizeof hint);
	ld_error(L, v, "invalid level '%.40s'%s", v->str,
	         *hint ? hint : " (use junior, mid or senior)");
	return -1;
}

void ld_refs_free(ld_ref *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].id);
	free(r);
}

ld_ref *ld_refs_copy(const ld_ref *r, size_t n)
{
	ld_ref *c = xcalloc(n ? n : 1, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		c[i] = r[i];
		c[i].id = xstrdup(r[i].id);
	}
	return c;
}
