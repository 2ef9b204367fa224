/* html.h - HTML (Anki's fields, HTML inside Markdown) to the corpus's
 * rich text. <br>, <p> and <div> end paragraphs; <b>/<strong>,
 * <i>/<em>, <code> (and kbd, tt, samp), <ul>/<ol>/<li> and <a href> keep
 * their meaning; character references are decoded. Headings become bold
 * paragraphs, table rows list items, <pre> lines code spans, images their
 * alt text: each reported once per file. Any other tag is ignored (its
 * text is kept) and reported once per file; <script>, <style> and
 * comments are left out. Never fails: what is not a tag is text. */
#ifndef SP_IMPORT_HTML_H
#define SP_IMPORT_HTML_H

#include <stddef.h>

#include "import/doc.h"
#include "import/mdwrite.h"

typedef struct imp_html {
	imp_doc *d;
	imp_md *m;
	unsigned line;       /* where messages point */
	unsigned base_depth; /* list depth around the HTML (Markdown) */
	unsigned base_style; /* IMP_* styles around the HTML (Markdown) */
	unsigned lists;      /* open <ul>/<ol> */
	int ordered[IMP_MD_DEPTH + 2], next[IMP_MD_DEPTH + 2];
	unsigned strong, em, code; /* open <b>, <i>, <code> */
	int skip;                  /* inside <script> or <style> */
	int pre;                   /* inside <pre> */
	int brk;                   /* the next text starts a new block */
	unsigned cells;            /* cells so far in the open table row */
	sp_buf *plain; /* imp_html_plain: text goes here, no markup */
} imp_html;

void imp_html_init(imp_html *h, imp_doc *d, imp_md *m, unsigned line);
/* Convert s[0..n): text and tags (a tag must be whole in one call). */
void imp_html_feed(imp_html *h, const char *s, size_t n);
/* The IMP_* styles open now (for text added around the HTML). */
unsigned imp_html_style(const imp_html *h);
/* A break (<br>, </p>) is pending: open the block that follows it. Call
 * before adding text around the HTML. */
void imp_html_pending(imp_html *h);

/* A whole field as rich text (NULL when nothing is left). */
char *imp_html_rich(imp_doc *d, const char *html, unsigned line);
/* A whole field as plain text, white space folded (never NULL). */
char *imp_html_plain(imp_doc *d, const char *html, unsigned line);

/* The character reference at s ("&amp;", "&#233;"): its length and code
 * point in *cp, or 0 when s does not start with a known one. */
size_t imp_html_entity(const char *s, size_t n, unsigned long *cp);

#endif
