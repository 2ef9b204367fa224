/* page.h - the page model: pages of absolutely positioned items.
 *
 * Coordinates are PDF points (1/72 in) from the bottom-left corner of the
 * page, y upwards. The renderer (pdf/render.c) only draws this model;
 * page_dump() writes it as text for golden tests (--dump-layout). */
#ifndef SP_LAYOUT_PAGE_H
#define SP_LAYOUT_PAGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "layout/font.h"
#include "util/arena.h"

typedef uint32_t sp_color; /* 0xRRGGBB */

typedef struct page_text {
	/* (fields ordered by size: a long book holds a million and more) */
	double x, y;  /* start of the baseline, points */
	double size;  /* points */
	double width; /* advance of the whole run, points (extras included) */
	double extra; /* points added after each U+0020 (justification) */
	char *text;   /* UTF-8, every character drawable by `face`; this
	               * and the arrays below are held by the document's
	               * arena (never freed one by one) */
	sp_glyph *glyphs; /* shaped glyphs drawing `text` (their clen
	                   * add up to len), or NULL: the renderer maps code
	                   * points to glyphs itself */
	sp_kern *kerns;   /* without glyphs, kerning by code point
	                   * index, or NULL */
	uint32_t len;     /* bytes (page_add_text refuses 4 GB) */
	uint32_t nglyphs;
	uint32_t nkerns;
	int face; /* face index of the layout_fonts device */
	sp_color color;
	uint32_t se;   /* structure element (layout/struct.h); 0 = artifact */
	uint32_t link; /* 1 + index of the page link it is the text of, or 0 */
	uint8_t hyph;  /* its last character is a hyphen the layout inserted */
	uint8_t space_before; /* a space of the text is the gap before it
	                       * (layout_run.space_before) */
	uint8_t rtl; /* right to left: the glyphs (logical order) are drawn
	              * last to first */
} page_text;

typedef struct page_line {
	double x1, y1, x2, y2;
	double width; /* stroke width, points */
	sp_color color;
	uint16_t dash[2]; /* on/off lengths in points; {0,0} = solid */
} page_line;

enum { RECT_FILL = 1, RECT_STROKE = 2 };

typedef struct page_rect {
	double x, y, w, h; /* lower-left corner, size */
	int mode;          /* RECT_FILL | RECT_STROKE */
	sp_color fill, stroke;
	double width;  /* stroke width */
	double radius; /* corner radius, 0 = square */
} page_rect;

typedef struct page_link {
	double x, y, w, h; /* active area */
	char *uri;         /* external URI, or NULL */
	char *dest;        /* internal destination name, or NULL */
	uint32_t se;       /* structure element of the text it covers */
} page_link;

typedef struct page_dest {
	char *name;
	double y; /* top of the target, points */
} page_dest;

typedef struct sp_page {
	double width, height; /* points */
	page_text *texts;
	size_t ntexts, cap_texts;
	page_line *lines;
	size_t nlines, cap_lines;
	page_rect *rects;
	size_t nrects, cap_rects;
	page_link *links;
	size_t nlinks, cap_links;
	page_dest *dests;
	size_t ndests, cap_dests;
	uint32_t se_cur; /* given to the texts and links added (struct.h) */
	sp_arena *arena; /* the document's (texts, glyphs, kerning) */
	/* the arena's block when the page was made: what was allocated
	 * before it belongs to earlier pages (doc_release_pages) */
	struct sp_arena_block *arena_mark;
	int fitted; /* finished with something on it: its arrays were cut
	             * to their counts (page.c grows them slowly after) */
} sp_page;

typedef struct doc_outline {
	char *title; /* UTF-8 */
	int level;   /* 0 = top */
	char *dest;  /* destination name */
} doc_outline;

typedef enum {
	LABEL_DECIMAL,
	LABEL_ROMAN_LOWER,
	LABEL_ROMAN_UPPER,
	LABEL_NONE
} label_style;

typedef struct doc_label_range {
	size_t first_page; /* 0-based page index where the range starts */
	label_style style;
	int start;    /* first number */
	char *prefix; /* ASCII only, or NULL */
} doc_label_range;

typedef struct sp_document {
	sp_page *pages;
	size_t npages, cap_pages;
	doc_outline *outline;
	size_t noutline, cap_outline;
	int outline_open; /* open the outline pane when viewed */
	doc_label_range *labels;
	size_t nlabels, cap_labels;
	/* document info, UTF-8, may be NULL */
	char *title, *author, *subject, *keywords;
	struct doc_struct *tags; /* logical structure (owned), or NULL */
	/* set by the caller before laying out: pages, destinations and
	 * outline entries only, nothing drawn on the pages (a pass that only
	 * finds where things land) */
	int skeleton;
	/* doc_find_dest's index (name -> page, slot), kept by doc_add_dest:
	 * open addressing, at most half full */
	struct dest_slot *dindex;
	size_t dindex_cap, dindex_used;
	/* the bytes, glyphs and kerning of every page's texts: many small
	 * arrays that live as long as the document, freed at once */
	sp_arena arena;
	size_t
	    released; /* pages [0, released) given back (doc_release_pages) */
} sp_document;

sp_document *doc_new(void);
void doc_free(sp_document *d);
sp_page *doc_add_page(sp_document *d, double width, double height);
/* Gives back the capacity of every page's arrays beyond what they hold
 * (doc_add_page does it for the page before the new one; furniture added
 * to finished pages afterwards, running heads and footers, grows them by
 * an eighth). */
void doc_fit(sp_document *d);
/* Pages [0, n) are drawn: gives back their texts (with the bytes, glyphs
 * and kerning the arena holds for them), lines and rectangles, keeping
 * their sizes, links and destinations (links to them still resolve).
 * The pages read as empty afterwards. n only grows: pages released
 * before are not released again. */
void doc_release_pages(sp_document *d, size_t n);
void doc_set_info(sp_document *d, const char *title, const char *author,
                  const char *subject);
/* Gives the document its structure tree (layout/struct.h), freeing any
 * previous one. */
void doc_set_struct(sp_document *d, struct doc_struct *s);
void doc_add_outline(sp_document *d, int level, const char *title,
                     const char *dest);
void doc_add_label_range(sp_document *d, size_t first_page, label_style st,
                         int start, const char *prefix);
/* A named destination on page (an index) whose top is y (points). */
void doc_add_dest(sp_document *d, size_t page, const char *name, double y);
/* Find the page and y of a destination; returns page index or -1. Names
 * are expected to be unique; of duplicates the one on the earliest page
 * is found. Constant time (an index kept as destinations are added); it
 * only reads the document, so any number of threads may call it. */
long doc_find_dest(const sp_document *d, const char *name, double *y);

/* Pages are reallocated as pages are added: hold indexes, not pointers,
 * across doc_add_page. */
page_text *page_add_text(sp_page *p, double x, double y, int face, double size,
                         sp_color color, const char *text, size_t len,
                         double width);
/* Gives t (a text of page p) a copy of n glyphs and nk kerning numbers
 * (0: none), held by the document. */
void page_text_set_glyphs(sp_page *p, page_text *t, const sp_glyph *g, size_t n,
                          const sp_kern *k, size_t nk);
void page_add_line(sp_page *p, double x1, double y1, double x2, double y2,
                   double width, sp_color color);
page_line *page_add_dashed_line(sp_page *p, double x1, double y1, double x2,
                                double y2, double width, sp_color color,
                                uint16_t on, uint16_t off);
void page_add_rect(sp_page *p, double x, double y, double w, double h, int mode,
                   sp_color fill, sp_color stroke, double width, double radius);
void page_add_link_uri(sp_page *p, double x, double y, double w, double h,
                       const char *uri);
void page_add_link_dest(sp_page *p, double x, double y, double w, double h,
                        const char *dest);

/* Write the model as text, one item per line, numbers rounded to 0.01 pt:
 *   page N WIDTH HEIGHT
 *   text X Y FACE SIZE RRGGBB WIDTH "escaped text"
 *   line X1 Y1 X2 Y2 WIDTH RRGGBB [dash ON OFF]
 *   rect X Y W H fill|stroke|fill+stroke RRGGBB RRGGBB WIDTH RADIUS
 *   link X Y W H uri|dest "target"
 *   dest "name" Y
 *   outline LEVEL "title" "dest"
 *   label FIRST decimal|roman|Roman|none START "prefix" */
void doc_dump(const sp_document *d, FILE *f);

#endif
