/* html.c - HTML to rich text (see html.h). A small tokenizer: text,
 * character references, tags with their attributes, comments. */
#include "import/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/text.h"
#include "util/buf.h"
#include "util/mem.h"

void imp_html_init(imp_html *h, imp_doc *d, imp_md *m, unsigned line)
{
	memset(h, 0, sizeof *h);
	h->d = d;
	h->m = m;
	h->line = line;
}

unsigned imp_html_style(const imp_html *h)
{
	return h->base_style | (h->strong ? IMP_STRONG : 0) |
	       (h->em ? IMP_EM : 0) | (h->code ? IMP_CODE : 0);
}

/* Report once per file, keyed by what. */
static void once(imp_html *h, const char *key, const char *msg)
{
	if (imp_doc_once(h->d, key))
		imp_warn(h->d->rep, h->line, "%s", msg);
}

/* ---- output ---- */

static unsigned item_depth(const imp_html *h)
{
	return h->base_depth + (h->lists ? h->lists : 1);
}

/* The next text starts a new block: a paragraph, or a further paragraph
 * of the open list item. */
static void open_pending(imp_html *h)
{
	if (!h->brk || h->plain)
		return;
	h->brk = 0;
	if (h->lists || h->base_depth)
		imp_md_item(h->m, h->base_depth + h->lists, 0, 0, 1);
	else
		imp_md_para(h->m);
}

void imp_html_pending(imp_html *h)
{
	open_pending(h);
}

static void emit(imp_html *h, const char *s, size_t n)
{
	if (h->skip || !n)
		return;
	if (h->plain) {
		buf_append(h->plain, s, n);
		return;
	}
	open_pending(h);
	imp_md_style(h->m, imp_html_style(h));
	imp_md_text(h->m, s, n);
}

static void brk(imp_html *h)
{
	if (h->plain)
		buf_putc(h->plain, ' ');
	else
		h->brk = 1;
}

/* <pre> text: a paragraph of code for each line. */
static void emit_pre(imp_html *h, const char *s, size_t n)
{
	while (n) {
		const char *nl = memchr(s, '\n', n);
		size_t k = nl ? (size_t)(nl - s) : n;
		unsigned code = h->code;
		h->code = 1;
		if (k)
			emit(h, s, k);
		h->code = code;
		if (nl)
			brk(h);
		s += k + (nl != NULL);
		n -= k + (nl != NULL);
	}
}

/* Text with character references decoded. */
static void text(imp_html *h, const char *s, size_t n)
{
	sp_buf b = SP_BUF_INIT;
	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t k = s[i] == '&' ? imp_html_entity(s + i, n - i, &cp) : 0;
		if (k) {
			buf_put_utf8(&b, cp);
			i += k;
			continue;
		}
		if (s[i] == '&' && i + 1 < n && s[i + 1] != ' ')
			once(h, "html:&",
			     "an unknown character reference "
			     "(&...;) is kept as it is written");
		buf_putc(&b, s[i++]);
	}
	if (h->pre)
		emit_pre(h, b.data ? b.data : "", b.len);
	else
		emit(h, b.data ? b.data : "", b.len);
	buf_free(&b);
}

/* ---- tags ---- */

typedef struct tag {
	char name[16]; /* lowercase; "" when too long */
	int closing, self_closing;
	char *href, *src, *alt; /* decoded attribute values, or NULL */
} tag;

static void tag_free(tag *t)
{
	free(t->href);
	free(t->src);
	free(t->alt);
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

/* An attribute value with references decoded, white space folded. */
static char *attr_value(const char *s, size_t n)
{
	sp_buf b = SP_BUF_INIT;
	for (size_t i = 0; i < n;) {
		unsigned long cp;
		size_t k = imp_html_entity(s + i, n - i, &cp);
		if (k) {
			buf_put_utf8(&b, cp);
			i += k;
		} else {
			buf_putc(&b, s[i++]);
		}
	}
	char *v = text_fold(b.data ? b.data : "");
	buf_free(&b);
	return v;
}

/* One attribute at s[*i]; fills t for href, src, alt. */
static void attribute(const char *s, size_t n, size_t *i, tag *t)
{
	size_t a = *i;
	while (*i < n && is_name_char(s[*i]))
		(*i)++;
	size_t alen = *i - a;
	if (!alen) {
		(*i)++; /* stray character */
		return;
	}
	while (*i < n && s[*i] == ' ')
		(*i)++;
	if (*i >= n || s[*i] != '=')
		return;
	(*i)++;
	while (*i < n && s[*i] == ' ')
		(*i)++;
	char q = *i < n && (s[*i] == '"' || s[*i] == '\'') ? s[(*i)++] : 0;
	size_t v = *i;
	while (*i < n && (q ? s[*i] != q : s[*i] != ' ' && s[*i] != '>'))
		(*i)++;
	char **slot = alen == 4 && !strncasecmp(s + a, "href", 4)  ? &t->href
	              : alen == 3 && !strncasecmp(s + a, "src", 3) ? &t->src
	              : alen == 3 && !strncasecmp(s + a, "alt", 3) ? &t->alt
	                                                           : NULL;
	if (slot && !*slot)
		*slot = attr_value(s + v, *i - v);
	if (q && *i < n)
		(*i)++;
}

/* The tag in s[0..n) (from '<' to '>'). */
static void parse_tag(const char *s, size_t n, tag *t)
{
	memset(t, 0, sizeof *t);
	size_t i = 1;
	if (i < n && s[i] == '/') {
		t->closing = 1;
		i++;
	}
	size_t k = 0;
	while (i < n && is_name_char(s[i])) {
		if (k < sizeof t->name - 1)
			t->name[k++] = (char)(s[i] | 0x20);
		else
			k = sizeof t->name; /* too long: no known tag */
		i++;
	}
	t->name[k < sizeof t->name ? k : 0] = '\0';
	while (i < n - 1) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '/')
			i++;
		else
			attribute(s, n - 1, &i, t);
	}
	t->self_closing = n >= 2 && s[n - 2] == '/';
}

static int is(const tag *t, const char *name)
{
	return !strcmp(t->name, name);
}

static int one_of(const tag *t, const char *const *names)
{
	for (; *names; names++)
		if (is(t, *names))
			return 1;
	return 0;
}

static unsigned dec(unsigned v)
{
	return v ? v - 1 : 0;
}

static void list_tag(imp_html *h, const tag *t)
{
	if (t->closing) {
		h->lists = dec(h->lists);
		brk(h);
		return;
	}
	h->lists++;
	unsigned l = h->lists <= IMP_MD_DEPTH + 1 ? h->lists : IMP_MD_DEPTH + 1;
	h->ordered[l] = is(t, "ol");
	h->next[l] = 1;
	brk(h);
}

static void item_tag(imp_html *h, const tag *t)
{
	if (t->closing) {
		brk(h);
		return;
	}
	if (h->plain) {
		buf_putc(h->plain, ' ');
		return;
	}
	unsigned l = h->lists <= IMP_MD_DEPTH + 1 ? h->lists : IMP_MD_DEPTH + 1;
	int ordered = l ? h->ordered[l] : 0;
	int number = l ? h->next[l]++ : 1;
	imp_md_item(h->m, item_depth(h), ordered, number, 0);
	h->brk = 0;
}

static void link_tag(imp_html *h, const tag *t)
{
	if (h->plain)
		return;
	if (t->closing)
		imp_md_link(h->m, NULL);
	else if (t->href && *t->href)
		imp_md_link(h->m, t->href);
}

static void image_tag(imp_html *h, const tag *t)
{
	char msg[160];
	const char *src = t->src ? t->src : "";
	if (t->alt && *t->alt) {
		snprintf(msg, sizeof msg,
		         "image '%.60s' replaced by its description", src);
		once(h, "html:img-alt", msg);
		emit(h, t->alt, strlen(t->alt));
	} else {
		snprintf(msg, sizeof msg,
		         "image '%.60s' (no description) left out", src);
		imp_warn(h->d->rep, h->line, "%s", msg);
	}
}

static void heading_tag(imp_html *h, const tag *t)
{
	brk(h);
	if (t->closing) {
		h->strong = dec(h->strong);
		return;
	}
	h->strong++;
	once(h, "html:h", "HTML headings made bold paragraphs");
}

static void row_tag(imp_html *h, const tag *t)
{
	h->cells = 0;
	if (t->closing || h->plain) {
		brk(h);
		return;
	}
	once(h, "html:table", "HTML table made a list, a row an item");
	imp_md_item(h->m, item_depth(h), 0, 1, 0);
	h->brk = 0;
}

static void cell_tag(imp_html *h, const tag *t)
{
	if (t->closing)
		return;
	if (h->cells++)
		emit(h, "; ", 2);
}

static void unknown_tag(imp_html *h, const tag *t)
{
	if (!*t->name)
		return;
	char key[32], msg[96];
	snprintf(key, sizeof key, "html:?%s", t->name);
	snprintf(msg, sizeof msg, "HTML <%s> ignored (its text is kept)",
	         t->name);
	once(h, key, msg);
}

static void style_tag(unsigned *counter, const tag *t)
{
	if (t->closing)
		*counter = dec(*counter);
	else if (!t->self_closing)
		(*counter)++;
}

static void block_tag(imp_html *h, const tag *t)
{
	static const char *const code[] = {"code", "kbd", "tt", "samp", NULL};
	static const char *const heads[] = {"h1", "h2", "h3", "h4",
	                                    "h5", "h6", NULL};
	if (is(t, "pre")) {
		h->pre = !t->closing;
		brk(h);
		once(h, "html:pre",
		     "HTML preformatted text made code spans, "
		     "a paragraph a line");
	} else if (one_of(t, code)) {
		style_tag(&h->code, t);
	} else if (one_of(t, heads)) {
		heading_tag(h, t);
	} else if (is(t, "tr")) {
		row_tag(h, t);
	} else if (is(t, "td") || is(t, "th")) {
		cell_tag(h, t);
	} else if (is(t, "table") || is(t, "tbody") || is(t, "thead") ||
	           is(t, "tfoot")) {
		brk(h);
	} else {
		unknown_tag(h, t);
	}
}

static void on_tag(imp_html *h, const tag *t)
{
	static const char *const breaks[] = {"br", "p",          "div",
	                                     "hr", "blockquote", NULL};
	if (is(t, "script") || is(t, "style")) {
		h->skip = !t->closing;
		once(h, "html:script", "HTML scripts and styles left out");
	} else if (one_of(t, breaks)) {
		brk(h);
	} else if (is(t, "b") || is(t, "strong")) {
		style_tag(&h->strong, t);
	} else if (is(t, "i") || is(t, "em")) {
		style_tag(&h->em, t);
	} else if (is(t, "ul") || is(t, "ol")) {
		list_tag(h, t);
	} else if (is(t, "li")) {
		item_tag(h, t);
	} else if (is(t, "a")) {
		link_tag(h, t);
	} else if (is(t, "img")) {
		image_tag(h, t);
	} else {
		block_tag(h, t);
	}
}

/* Length of the tag or comment at s[0] == '<', or 0 if it is text. */
static size_t markup_len(const char *s, size_t n)
{
	if (n >= 4 && !memcmp(s, "<!--", 4)) {
		for (size_t i = 4; i + 2 < n; i++)
			if (!memcmp(s + i, "-->", 3))
				return i + 3;
		return n;
	}
	size_t i = 1 + (n > 1 && (s[1] == '/' || s[1] == '!'));
	if (i >= n || !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
		return 0;
	char q = 0;
	for (; i < n; i++) {
		if (q && s[i] == '<') {
			return 0; /* keeps every scan short */
		} else if (q) {
			q = s[i] == q ? 0 : q;
		} else if (s[i] == '"' || s[i] == '\'') {
			q = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		} else if (s[i] == '<') {
			return 0;
		}
	}
	return 0;
}

void imp_html_feed(imp_html *h, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n;) {
		size_t k = s[i] == '<' ? markup_len(s + i, n - i) : 0;
		if (!k) {
			i++;
			continue;
		}
		text(h, s + start, i - start);
		if (s[i + 1] == '!' && i + 3 < n && s[i + 2] == '-') {
			once(h, "html:comment", "HTML comments left out");
		} else {
			tag t;
			parse_tag(s + i, k, &t);
			on_tag(h, &t);
			tag_free(&t);
		}
		i += k;
		start = i;
	}
	text(h, s + start, n - start);
}

char *imp_html_rich(imp_doc *d, const char *html, unsigned line)
{
	imp_md m;
	imp_md_init(&m);
	imp_html h;
	imp_html_init(&h, d, &m, line);
	imp_html_feed(&h, html, strlen(html));
	if (m.clamped)
		imp_warn(d->rep, line,
		         "lists nested more than %d deep: the "
		         "deeper ones are kept at that depth",
		         IMP_MD_DEPTH);
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	return md;
}

char *imp_html_plain(imp_doc *d, const char *html, unsigned line)
{
	sp_buf b = SP_BUF_INIT;
	imp_html h;
	imp_html_init(&h, d, NULL, line);
	h.plain = &b;
	imp_html_feed(&h, html, strlen(html));
	char *s = text_fold(b.data ? b.data : "");
	buf_free(&b);
	return s;
}
