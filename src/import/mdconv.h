/* mdconv.h - Markdown (cmark's tree) to the corpus's rich text, for the
 * Markdown guide reader and the rich cells of tables. Paragraphs, lists,
 * emphasis, strong, code spans and links are kept; what the loader does
 * not take is converted and reported once per file: tables (GitHub
 * pipes) become lists, a row an item; code blocks code spans, a
 * paragraph a line; headings bold paragraphs; block quotes plain
 * paragraphs; images their alt text; HTML as html.h says. */
#ifndef SP_IMPORT_MDCONV_H
#define SP_IMPORT_MDCONV_H

#include <cmark.h>

#include "import/doc.h"
#include "import/html.h"
#include "import/mdwrite.h"

typedef struct imp_mdconv {
	imp_doc *d;
	imp_md *m;
	const char *text; /* the Markdown cmark parsed (tables are found in
	                   * its lines) */
	unsigned line0;   /* added to cmark's line numbers in messages */
	imp_html html;    /* inline HTML: its state lasts a paragraph */
	unsigned lists;   /* open lists */
	int ordered[IMP_MD_DEPTH + 2], next[IMP_MD_DEPTH + 2];
	int item_first; /* the next block is the first of an item */
	int number;     /* that item's number */
	unsigned em, strong;
	size_t *lines; /* start of each line of text (made when needed) */
	size_t nlines;
} imp_mdconv;

void imp_mdconv_init(imp_mdconv *c, imp_doc *d, imp_md *m, const char *text,
                     unsigned line0);
void imp_mdconv_free(imp_mdconv *c);
/* Convert block node n and everything in it into c->m. */
void imp_mdconv_block(imp_mdconv *c, cmark_node *n);
/* Convert the inline children of n into the block open in c->m. */
void imp_mdconv_inlines(imp_mdconv *c, cmark_node *n);

/* A Markdown fragment (a table cell) starting on source line `line`:
 * its rich text, or NULL when nothing is left. */
char *imp_markdown_fragment(imp_doc *d, const char *text, unsigned line);

#endif
