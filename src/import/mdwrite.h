/* mdwrite.h - writing the corpus's rich text (the CommonMark subset the
 * loader reads: paragraphs, "-" and "1." lists, *emphasis*, **strong**,
 * `code`, [links](url)) from literal text. Every character of the text
 * is escaped where CommonMark would read it as markup, so an importer
 * never has to think about it. White space is folded; paragraphs are
 * wrapped at IMP_MD_WIDTH columns, only before a letter, so a wrapped
 * line never starts a block of its own. */
#ifndef SP_IMPORT_MDWRITE_H
#define SP_IMPORT_MDWRITE_H

#include <stddef.h>

#include "util/buf.h"

#define IMP_MD_WIDTH 72 /* columns (code points) before wrapping */
#define IMP_MD_DEPTH 16 /* list depth (the loader's RICH_MAX_DEPTH) */

enum { IMP_EM = 1u << 0, IMP_STRONG = 1u << 1, IMP_CODE = 1u << 2 };

typedef struct imp_run {
	char *text;     /* literal UTF-8 */
	unsigned style; /* IMP_* */
	char *url;      /* a link's target, or NULL */
} imp_run;

typedef struct imp_md {
	sp_buf out;    /* the blocks written so far */
	imp_run *runs; /* the open block's runs */
	size_t nruns, cap;
	int open;                        /* a block is open */
	unsigned depth;                  /* its list depth (0 = a paragraph) */
	int ordered, number, cont;       /* an item: "1." list, its number, a
	                                  * continuation paragraph (no marker) */
	unsigned style;                  /* style of text added now */
	char *url;                       /* inside a link: its target */
	unsigned last_depth;             /* depth of the last block written */
	int last_ordered;                /* it was an item of a "1." list */
	size_t indent[IMP_MD_DEPTH + 1]; /* content column at each depth */
	int clamped; /* a list was deeper than IMP_MD_DEPTH */
} imp_md;

void imp_md_init(imp_md *m);
void imp_md_free(imp_md *m);
/* Start a paragraph (ends the open block). */
void imp_md_para(imp_md *m);
/* Start a list item at depth (1 = top-level list; deeper ones are
 * clamped to IMP_MD_DEPTH and m->clamped set); number for ordered
 * lists; cont = a further paragraph of the item before it. */
void imp_md_item(imp_md *m, unsigned depth, int ordered, int number, int cont);
/* Add literal text to the open block (one is opened if none is). */
void imp_md_text(imp_md *m, const char *s, size_t n);
void imp_md_style(imp_md *m, unsigned style); /* for text added next */
void imp_md_link(imp_md *m, const char *url); /* NULL ends the link */
/* End the open block (an empty one is dropped). */
void imp_md_end(imp_md *m);
/* 1 when nothing has been written. */
int imp_md_empty(const imp_md *m);
/* The text (newly allocated; NULL when empty); m is reset. */
char *imp_md_take(imp_md *m);

/* s[0..n) with the characters YAML or the loader refuse (C0 but tab and
 * line feed, DEL, C1, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF) made
 * spaces; newly allocated. They can come from character references
 * (&#2;) in a source. */
char *imp_text_clean(const char *s, size_t n);

/* Append s escaped for one line of CommonMark inline text (tests). */
void imp_md_escape(sp_buf *b, const char *s, int at_start);

#endif
