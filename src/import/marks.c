/* marks.c - difficulty marks (see marks.h). */
#include "import/marks.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "corpus/text.h"
#include "import/doc.h"
#include "util/buf.h"
#include "util/mem.h"

static void add(imp_marks *m, const char *sym, size_t n, const char *level)
{
	if (m->n >= MARKS_MAX || n == 0 || n >= sizeof m->v[0].sym)
		return;
	for (size_t i = 0; i < m->n; i++)
		if (strlen(m->v[i].sym) == n && !memcmp(m->v[i].sym, sym, n)) {
			m->v[i].level = level;
			return;
		}
	memcpy(m->v[m->n].sym, sym, n);
	m->v[m->n].sym[n] = '\0';
	m->v[m->n++].level = level;
}

void imp_marks_init(imp_marks *m)
{
	memset(m, 0, sizeof *m);
	add(m, "\U0001F476", 4, "junior"); /* baby */
	add(m, "\u2B50", 3, "mid");        /* star */
	add(m, "\U0001F680", 4, "senior"); /* rocket */
}

/* Is the code point part of an emoji (a symbol, or what joins and
 * varies them)? */
static int emoji_cp(utf8proc_int32_t c)
{
	if (c == 0xFE0F || c == 0xFE0E || c == 0x200D || c == 0x20E3)
		return 1;
	if (c < 0x80)
		return 0;
	utf8proc_category_t k = utf8proc_category(c);
	return k == UTF8PROC_CATEGORY_SO || k == UTF8PROC_CATEGORY_SK;
}

/* Bytes of the emoji cluster at s (0 if none); its symbol, without
 * variation selectors and joiners, appended to sym. */
static size_t cluster(const char *s, size_t n, sp_buf *sym)
{
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0 || !emoji_cp(c))
			break;
		if (sym && c != 0xFE0F && c != 0xFE0E && c != 0x200D)
			buf_append(sym, s + i, (size_t)k);
		i += (size_t)k;
	}
	return i;
}

static const char *lookup(const imp_marks *m, const char *sym)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].sym, sym))
			return m->v[i].level;
	return NULL;
}

/* A word of ASCII letters at s: its length. */
static size_t word_at(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
		i++;
	return i;
}

static size_t skip_separators(const char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		if (i < n && strchr(" :=-(", s[i]) && s[i]) {
			i++;
		} else if (i + 3 <= n && (!memcmp(s + i, "\u2013", 3) ||
		                          !memcmp(s + i, "\u2014", 3))) {
			i += 3;
		} else {
			return i;
		}
	}
}

int imp_marks_legend(imp_marks *m, const char *text, char **summary)
{
	imp_marks found;
	memset(&found, 0, sizeof found);
	size_t n = strlen(text);
	const char *last_level = NULL; /* a level word just before */
	size_t last_end = 0;
	for (size_t i = 0; i < n;) {
		sp_buf sym = SP_BUF_INIT;
		size_t k = cluster(text + i, n - i, &sym);
		if (k && sym.len) {
			size_t j =
			    i + k + skip_separators(text + i + k, n - i - k);
			size_t w = word_at(text + j, n - j);
			const char *level = imp_level_word(text + j, w);
			if (!level && last_level && i - last_end <= 4)
				level = last_level;
			if (level)
				add(&found, sym.data, sym.len, level);
			i += k;
		} else {
			size_t w = word_at(text + i, n - i);
			if (w) {
				last_level = imp_level_word(text + i, w);
				last_end =
				    i + w +
				    skip_separators(text + i + w, n - i - w);
				i += w;
			} else {
				i++;
			}
		}
		buf_free(&sym);
	}
	if (found.n < 2)
		return 0;
	found.legend = 1;
	*m = found;
	sp_buf s = SP_BUF_INIT;
	for (size_t i = 0; i < m->n; i++)
		buf_printf(&s, "%s%s %s", i ? ", " : "", m->v[i].sym,
		           m->v[i].level);
	*summary = buf_detach(&s);
	return 1;
}

/* One mark taken off: its level, or it is added to unknown. */
static void take(const imp_marks *m, const char *s, size_t n,
                 const char **level, sp_buf *unknown)
{
	while (n) {
		sp_buf sym = SP_BUF_INIT;
		size_t k = cluster(s, n, &sym);
		if (!k) {
			buf_free(&sym);
			k = 1; /* a space */
		} else if (sym.len) {
			const char *l = lookup(m, sym.data);
			if (l && !*level)
				*level = l;
			else if (!l)
				buf_printf(unknown, "%s%s",
				           unknown->len ? " " : "", sym.data);
			buf_free(&sym);
		}
		s += k;
		n -= k;
	}
}

/* Length of the run of emoji and spaces at the start of s. */
static size_t lead_run(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = cluster(s + i, n - i, NULL);
		if (k)
			i += k;
		else if (s[i] == ' ')
			i++;
		else
			break;
	}
	return i;
}

/* Start of the run of emoji and spaces that ends s. */
static size_t tail_run(const char *s, size_t n)
{
	size_t i = 0, start = 0;
	while (i < n) {
		size_t k = cluster(s + i, n - i, NULL);
		if (!k && s[i] != ' ') {
			i++;
			while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
			start = i;
			continue;
		}
		i += k ? k : 1;
	}
	return start;
}

/* "(easy)", "[Hard]", "- medium" at the end: where it starts, its level. */
static size_t level_word_tail(const char *s, size_t n, const char **level)
{
	size_t e = n;
	while (e && s[e - 1] == ' ')
		e--;
	int bracket = e && (s[e - 1] == ')' || s[e - 1] == ']');
	size_t we = e - bracket, ws = we;
	while (ws && ((s[ws - 1] | 0x20) >= 'a' && (s[ws - 1] | 0x20) <= 'z'))
		ws--;
	const char *l = imp_level_word(s + ws, we - ws);
	if (!l || ws == 0)
		return n;
	size_t a = ws;
	if (bracket && (s[a - 1] == '(' || s[a - 1] == '['))
		a--;
	else if (!bracket && a >= 2 && s[a - 1] == ' ' &&
	         (s[a - 2] == '-' || s[a - 2] == ':'))
		a -= 2;
	else
		return n;
	*level = l;
	return a;
}

char *imp_marks_strip(const imp_marks *m, const char *text, const char **level,
                      char **unknown)
{
	sp_buf u = SP_BUF_INIT;
	size_t n = strlen(text);
	*level = NULL;
	size_t a = lead_run(text, n);
	take(m, text, a, level, &u);
	size_t b = a + tail_run(text + a, n - a);
	take(m, text + b, n - b, level, &u);
	const char *wl = NULL;
	size_t w = level_word_tail(text + a, b - a, &wl);
	if (wl) {
		b = a + w;
		if (!*level)
			*level = wl;
	}
	char *raw = xstrndup(text + a, b - a);
	char *out = text_fold(raw);
	free(raw);
	*unknown = u.data ? buf_detach(&u) : xstrdup("");
	return out;
}
