/* mdwrite.c - literal text to the corpus's rich text (see mdwrite.h).
 *
 * A block's runs are kept until the block ends; then white space is
 * folded across them, emphasis is kept off leading and trailing white
 * space and punctuation (where CommonMark would not read the delimiter),
 * and the block is written with every markup character escaped, then
 * wrapped. */
#include "import/mdwrite.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/mem.h"

void imp_md_init(imp_md *m)
{
	memset(m, 0, sizeof *m);
}

static void runs_free(imp_md *m)
{
	for (size_t i = 0; i < m->nruns; i++) {
		free(m->runs[i].text);
		free(m->runs[i].url);
	}
	m->nruns = 0;
}

void imp_md_free(imp_md *m)
{
	runs_free(m);
	free(m->runs);
	free(m->url);
	buf_free(&m->out);
	memset(m, 0, sizeof *m);
}

int imp_md_empty(const imp_md *m)
{
	if (m->out.len)
		return 0;
	for (size_t i = 0; i < m->nruns; i++)
		for (const char *p = m->runs[i].text; *p; p++)
			if (*p != ' ' && *p != '\t' && *p != '\n')
				return 0;
	return 1;
}

/* ---- characters ---- */

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* CommonMark punctuation: ASCII punctuation or a Unicode P character. */
static int is_punct_at(const char *s, size_t len)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return c > 0x20 && c < 0x7F &&
		       !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		         (c >= 'A' && c <= 'Z'));
	utf8proc_int32_t cp;
	if (utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	                     &cp) <= 0)
		return 0;
	utf8proc_category_t k = utf8proc_category(cp);
	return k >= UTF8PROC_CATEGORY_PC && k <= UTF8PROC_CATEGORY_PO;
}

/* Start of the last character of s[0..n). */
static size_t last_char(const char *s, size_t n)
{
	size_t i = n ? n - 1 : 0;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if (!s[i])
			return i;
	return n;
}

/* Bytes of a character at p that YAML or the loader refuses, else 0. */
static size_t refused(const unsigned char *p, size_t left)
{
	if (*p < 0x80)
		return (*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F;
	if (left >= 2 && p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)
		return 2;
	if (left < 3)
		return 0;
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	if (p[0] == 0xEF && ((p[1] == 0xBB && p[2] == 0xBF) ||
	                     (p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))))
		return 3;
	return 0;
}

char *imp_text_clean(const char *s, size_t n)
{
	char *c = xmalloc(n + 1);
	size_t w = 0;
	for (size_t i = 0; i < n && s[i];) {
		size_t k = refused((const unsigned char *)s + i, n - i);
		if (k) {
			c[w++] = ' ';
			i += k;
		} else {
			c[w++] = s[i++];
		}
	}
	c[w] = '\0';
	return c;
}

/* ---- adding runs ---- */

static void open_block(imp_md *m)
{
	if (!m->open) {
		m->open = 1;
		m->depth = 0;
		m->cont = 0;
	}
}

static void add_text(imp_md *m, const char *s, size_t n);

void imp_md_text(imp_md *m, const char *s, size_t n)
{
	char *c = imp_text_clean(s, n);
	add_text(m, c, strlen(c));
	free(c);
}

static void add_text(imp_md *m, const char *s, size_t n)
{
	if (!n)
		return;
	open_block(m);
	imp_run *last = m->nruns ? &m->runs[m->nruns - 1] : NULL;
	int same_url = last && (last->url == NULL) == (m->url == NULL) &&
	               (!m->url || !strcmp(last->url, m->url));
	if (last && last->style == m->style && same_url) {
		size_t a = strlen(last->text);
		last->text = xrealloc(last->text, a + n + 1);
		memcpy(last->text + a, s, n);
		last->text[a + n] = '\0';
		return;
	}
	m->runs = xgrow(m->runs, &m->cap, m->nruns + 1, sizeof *m->runs);
	imp_run *r = &m->runs[m->nruns++];
	r->text = xstrndup(s, n);
	r->style = m->style;
	r->url = m->url ? xstrdup(m->url) : NULL;
}

void imp_md_style(imp_md *m, unsigned style)
{
	m->style = style;
}

void imp_md_link(imp_md *m, const char *url)
{
	free(m->url);
	m->url = url ? imp_text_clean(url, strlen(url)) : NULL;
}

void imp_md_para(imp_md *m)
{
	imp_md_end(m);
	m->open = 1;
	m->depth = 0;
	m->cont = 0;
}

void imp_md_item(imp_md *m, unsigned depth, int ordered, int number, int cont)
{
	imp_md_end(m);
	if (depth > IMP_MD_DEPTH) {
		depth = IMP_MD_DEPTH;
		m->clamped = 1;
	}
	m->open = 1;
	m->depth = depth;
	m->ordered = ordered;
	m->number = number < 1 ? 1 : number > 999999999 ? 999999999 : number;
	m->cont = cont;
}

/* ---- folding and tidying a block's runs ---- */

/* Fold white space across the runs (code verbatim but for line ends),
 * trim the block, drop empty runs. */
static void fold_runs(imp_md *m)
{
	int space = 1; /* trims the start */
	for (size_t i = 0; i < m->nruns; i++) {
		char *w = m->runs[i].text;
		int code = m->runs[i].style & IMP_CODE;
		for (const char *p = w; *p; p++) {
			int sp = is_space((unsigned char)*p);
			if (code) {
				*w++ = sp && *p != ' ' && *p != '\t' ? ' ' : *p;
				space = 0;
			} else if (!sp || !space) {
				*w++ = sp ? ' ' : *p;
				space = sp;
			}
		}
		*w = '\0';
	}
	for (size_t i = m->nruns; i-- > 0;) { /* trim the end */
		imp_run *r = &m->runs[i];
		if (r->style & IMP_CODE)
			break;
		size_t n = strlen(r->text);
		while (n && r->text[n - 1] == ' ')
			r->text[--n] = '\0';
		if (n)
			break;
	}
}

/* Insert an unstyled copy of text[0..n) (same link) at index i. */
static void insert_plain(imp_md *m, size_t i, const char *text, size_t n)
{
	m->runs = xgrow(m->runs, &m->cap, m->nruns + 1, sizeof *m->runs);
	memmove(&m->runs[i + 1], &m->runs[i], (m->nruns - i) * sizeof *m->runs);
	m->nruns++;
	imp_run *r = &m->runs[i];
	const char *url = m->runs[i + 1].url;
	r->text = xstrndup(text, n);
	r->style = m->runs[i + 1].style & IMP_CODE;
	r->url = url ? xstrdup(url) : NULL;
}

/* Characters before and after run i ("" at the ends). */
static int flank_ok_before(const imp_md *m, size_t i)
{
	if (i == 0)
		return 1;
	const char *t = m->runs[i - 1].text;
	size_t n = strlen(t);
	if (!n)
		return 1;
	size_t k = last_char(t, n);
	return is_space((unsigned char)t[k]) || is_punct_at(t + k, n - k);
}

static int flank_ok_after(const imp_md *m, size_t i)
{
	if (i + 1 >= m->nruns)
		return 1;
	const char *t = m->runs[i + 1].text;
	return !*t || is_space((unsigned char)*t) || is_punct_at(t, strlen(t));
}

/* Emphasis must start and end next to a character that is not white
 * space, and may touch punctuation only where CommonMark allows it:
 * move what does not fit out of the styled run. */
static void tidy_emphasis(imp_md *m)
{
	for (size_t i = 0; i < m->nruns; i++) {
		imp_run *r = &m->runs[i];
		if (!(r->style & (IMP_EM | IMP_STRONG)) ||
		    (r->style & IMP_CODE))
			continue;
		size_t n = strlen(r->text), a = 0, b = n;
		int before = flank_ok_before(m, i),
		    after = flank_ok_after(m, i);
		while (a < b && (is_space((unsigned char)r->text[a]) ||
		                 (!before && is_punct_at(r->text + a, b - a))))
			a += char_len(r->text + a);
		while (b > a) {
			size_t k = last_char(r->text, b);
			if (!is_space((unsigned char)r->text[k]) &&
			    (after || !is_punct_at(r->text + k, b - k)))
				break;
			b = k;
		}
		if (a == 0 && b == n)
			continue;
		char *text = r->text;
		char *mid = xstrndup(text + a, b - a);
		if (b < n) {
			insert_plain(m, i + 1, text + b, n - b);
			r = &m->runs[i];
		}
		r->text = mid;
		if (a > 0) {
			insert_plain(m, i, text, a);
			i++;
		}
		free(text);
		if (!*m->runs[i].text)
			m->runs[i].style &= ~(IMP_EM | IMP_STRONG);
	}
}

static void drop_empty(imp_md *m)
{
	size_t w = 0;
	for (size_t i = 0; i < m->nruns; i++) {
		if (!*m->runs[i].text) {
			free(m->runs[i].text);
			free(m->runs[i].url);
			continue;
		}
		m->runs[w++] = m->runs[i];
	}
	m->nruns = w;
}

static int same_url(const imp_run *a, const imp_run *b)
{
	return (!a->url && !b->url) ||
	       (a->url && b->url && !strcmp(a->url, b->url));
}

/* Code spans that touch would run their backticks together (and what
 * is inside one could become markup): make them one. */
static void join_code(imp_md *m)
{
	size_t w = 0;
	for (size_t i = 0; i < m->nruns; i++) {
		imp_run *r = &m->runs[i], *prev = w ? &m->runs[w - 1] : NULL;
		if (prev && (prev->style & IMP_CODE) && (r->style & IMP_CODE) &&
		    same_url(prev, r)) {
			size_t a = strlen(prev->text), n = strlen(r->text);
			prev->text = xrealloc(prev->text, a + n + 1);
			memcpy(prev->text + a, r->text, n + 1);
			free(r->text);
			free(r->url);
			continue;
		}
		m->runs[w++] = *r;
	}
	m->nruns = w;
}

/* ---- writing ---- */

static int ascii_punct(char c)
{
	return c > 0x20 && c < 0x7F &&
	       !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	         (c >= 'A' && c <= 'Z'));
}

static int alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* "&name;" or "&#123;": what CommonMark reads as a character. */
static int entity_like(const char *p)
{
	size_t i = 1;
	while (i < 34 && (alnum(p[i]) || (i == 1 && p[i] == '#')))
		i++;
	return i > 1 && p[i] == ';';
}

/* Whether the character at p (start: s) must be escaped anywhere in a
 * line: code, emphasis, links, HTML and autolinks, entities, escapes. */
static int escaped_at(const char *s, const char *p)
{
	char c = *p, next = p[1];
	switch (c) {
	case '`':
	case '*':
	case '[':
		return 1;
	case '_':
		return !(p > s && alnum(p[-1]) && alnum(next));
	case '<':
		return (next | 0x20) >= 'a' && (next | 0x20) <= 'z'
		           ? 1
		           : next == '/' || next == '!' || next == '?';
	case '&':
		return entity_like(p);
	case '\\':
		return !next || ascii_punct(next);
	default:
		return 0;
	}
}

/* Characters that start a block at the start of a line. */
static int start_escaped(char c)
{
	return c == '#' || c == '>' || c == '-' || c == '+' || c == '=' ||
	       c == '~' || c == '|';
}

void imp_md_escape(sp_buf *b, const char *s, int at_start)
{
	const char *p = s;
	if (at_start) {
		if (start_escaped(*p))
			buf_putc(b, '\\');
		const char *d = p;
		while (*d >= '0' && *d <= '9')
			d++;
		if (d > p && d - p <= 9 && (*d == '.' || *d == ')')) {
			buf_append(b, p, (size_t)(d - p));
			buf_putc(b, '\\');
			p = d;
		}
	}
	for (const char *q = p; *q; q++) {
		if (escaped_at(p, q))
			buf_putc(b, '\\');
		buf_putc(b, *q);
	}
}

/* Longest run of backticks in s. */
static size_t longest_ticks(const char *s)
{
	size_t best = 0, n = 0;
	for (; *s; s++) {
		n = *s == '`' ? n + 1 : 0;
		if (n > best)
			best = n;
	}
	return best;
}

static void write_code(sp_buf *b, const char *s)
{
	size_t ticks = longest_ticks(s) + 1, n = strlen(s);
	int all_space = strspn(s, " ") == n;
	int pad = !all_space && (s[0] == '`' || s[n - 1] == '`' ||
	                         (s[0] == ' ' && s[n - 1] == ' '));
	for (size_t i = 0; i < ticks; i++)
		buf_putc(b, '`');
	if (pad)
		buf_putc(b, ' ');
	buf_puts(b, s);
	if (pad)
		buf_putc(b, ' ');
	for (size_t i = 0; i < ticks; i++)
		buf_putc(b, '`');
}

/* A link destination: spaces percent-encoded, brackets escaped. */
static void write_url(sp_buf *b, const char *url)
{
	for (const char *p = url; *p; p++) {
		if (*p == ' ')
			buf_puts(b, "%20");
		else if (*p == '(' || *p == ')' || *p == '<' || *p == '>' ||
		         *p == '\\')
			buf_printf(b, "\\%c", *p);
		else
			buf_putc(b, *p);
	}
}

/* Write one run; breaks[i] = 1 where the space at byte i of b may become
 * a line break. */
static void write_run(sp_buf *b, sp_buf *breaks, const imp_run *r)
{
	if (r->style & IMP_CODE) {
		write_code(b, r->text);
		return;
	}
	const char *em = r->style & IMP_EM ? "*" : "";
	const char *strong = r->style & IMP_STRONG ? "**" : "";
	buf_puts(b, strong);
	buf_puts(b, em);
	size_t from = b->len;
	imp_md_escape(b, r->text, b->len == 0);
	for (size_t i = from; i + 1 < b->len; i++) {
		unsigned char next = (unsigned char)b->data[i + 1];
		int letter = (next >= 'a' && next <= 'z') ||
		             (next >= 'A' && next <= 'Z') || next >= 0x80;
		if (b->data[i] == ' ' && letter) {
			buf_reserve(breaks, i + 1 - breaks->len + 1);
			while (breaks->len < i)
				buf_putc(breaks, 0);
			buf_putc(breaks, 1);
		}
	}
	buf_puts(b, em);
	buf_puts(b, strong);
}

/* The block's inline text: links group their runs. */
static void write_inline(const imp_md *m, sp_buf *b, sp_buf *breaks)
{
	for (size_t i = 0; i < m->nruns;) {
		const char *url = m->runs[i].url;
		if (!url) {
			write_run(b, breaks, &m->runs[i++]);
			continue;
		}
		if (b->len && b->data[b->len - 1] == '!') { /* not an image */
			b->data[b->len - 1] = '\\';
			buf_putc(b, '!');
		}
		buf_putc(b, '[');
		while (i < m->nruns && m->runs[i].url &&
		       !strcmp(m->runs[i].url, url))
			write_run(b, breaks, &m->runs[i++]);
		buf_puts(b, "](");
		write_url(b, url);
		buf_putc(b, ')');
	}
}

/* Append text to out, wrapped at the last break before IMP_MD_WIDTH;
 * continuation lines are indented by indent (the first starts at
 * column first_col). */
static void wrap(sp_buf *out, const sp_buf *t, const sp_buf *breaks,
                 size_t first_col, size_t indent)
{
	size_t line_start = 0, col = first_col, last = (size_t)-1;
	size_t col_at_last = 0;
	for (size_t i = 0; i < t->len; i++) {
		if (i < breaks->len && breaks->data[i]) {
			last = i;
			col_at_last = col;
		}
		col += ((unsigned char)t->data[i] & 0xC0) != 0x80;
		if (col <= IMP_MD_WIDTH || last == (size_t)-1)
			continue;
		buf_append(out, t->data + line_start, last - line_start);
		buf_putc(out, '\n');
		for (size_t k = 0; k < indent; k++)
			buf_putc(out, ' ');
		line_start = last + 1;
		col = indent + (col - col_at_last - 1);
		last = (size_t)-1;
	}
	buf_append(out, t->data + line_start, t->len - line_start);
}

/* Blank line, newline or nothing before the block about to be written. */
static void separate(imp_md *m, int item)
{
	if (!m->out.len)
		return;
	/* an ordered list that does not start at 1 cannot interrupt the
	 * line before it: a blank line then */
	int continues = m->last_ordered && m->last_depth == m->depth;
	int tight = item && !m->cont && m->last_depth > 0 &&
	            !(m->ordered && m->number != 1 && !continues);
	buf_puts(&m->out, tight ? "\n" : "\n\n");
}

/* The marker of the open item, and its indentation. */
static size_t write_marker(imp_md *m)
{
	unsigned d = m->depth;
	if (d > m->last_depth + 1 && !m->cont)
		d = m->last_depth + 1; /* no skipped levels */
	if (m->cont && d > m->last_depth)
		d = m->last_depth; /* continues the item before it */
	m->depth = d;
	size_t lead = m->cont ? m->indent[d] : m->indent[d - 1];
	for (size_t k = 0; k < lead; k++)
		buf_putc(&m->out, ' ');
	if (m->cont)
		return lead;
	size_t before = m->out.len;
	if (m->ordered)
		buf_printf(&m->out, "%d. ", m->number);
	else
		buf_puts(&m->out, "- ");
	m->indent[d] = lead + (m->out.len - before);
	return m->indent[d];
}

void imp_md_end(imp_md *m)
{
	if (!m->open)
		return;
	m->open = 0;
	fold_runs(m);
	tidy_emphasis(m);
	drop_empty(m);
	join_code(m);
	if (!m->nruns)
		return;
	if (m->cont && m->last_depth == 0) { /* no item to continue */
		m->depth = 0;
		m->cont = 0;
	}
	int item = m->depth > 0;
	separate(m, item);
	size_t indent = 0;
	if (item)
		indent = write_marker(m);
	sp_buf t = SP_BUF_INIT, breaks = SP_BUF_INIT;
	write_inline(m, &t, &breaks);
	wrap(&m->out, &t, &breaks, indent, indent);
	buf_free(&t);
	buf_free(&breaks);
	runs_free(m);
	m->last_depth = m->depth;
	m->last_ordered = item && m->ordered && !m->cont;
}

char *imp_md_take(imp_md *m)
{
	imp_md_end(m);
	char *s = m->out.len ? buf_detach(&m->out) : NULL;
	if (s) {
		buf_init(&m->out);
		m->last_depth = 0;
		m->last_ordered = 0;
	}
	return s;
}
