/* template.h - page and style templates (templates/NAME.yaml).
 *
 * A template sets the paper, margins, font families (a fallback chain per
 * role), sizes, leading, colours, spacing, justification and the defaults
 * of the card and worksheet products. Loaded and validated like the
 * corpus, with FILE:LINE:COL diagnostics. Lengths are points. */
#ifndef SP_PRODUCTS_TEMPLATE_H
#define SP_PRODUCTS_TEMPLATE_H

#include "layout/font.h"
#include "layout/page.h"
#include "products/labels.h"
#include "products/status.h"
#include "util/diag.h"

typedef struct sp_card_spec {
	double card_w, card_h;     /* one card, points */
	int cols, rows;            /* cards per sheet */
	double gutter_x, gutter_y; /* between cards, points */
	double sheet_w, sheet_h;   /* the sheet, points */
	double margin_x, margin_y; /* sheet edge to the first card; < 0 =
	                            * centre the grid on the sheet */
} sp_card_spec;

typedef struct sp_template {
	char *name;
	char *path; /* the file it was loaded from (locations point here) */
	double page_w, page_h;            /* points */
	double margin_top, margin_bottom; /* points */
	double margin_inner, margin_outer;
	char
	    *fonts[FAMILY_N][FONT_MAX_CHAIN]; /* family names, fallback order */
	int nfonts[FAMILY_N];
	sp_loc font_locs[FAMILY_N][FONT_MAX_CHAIN]; /* where each was named */
	double size_body, size_small, size_mono;    /* points */
	double size_title, size_h1, size_h2;
	double leading;    /* line height as a multiple of the size */
	double para_space; /* between paragraphs, points */
	int justify;       /* justified body text */
	int hyphenate;
	int smart_punct; /* typography: smart-punctuation (curly quotes,
	                  * dashes, ellipses); on by default */
	sp_color color_text, color_accent, color_muted, color_rule;
	sp_color color_shade;
	int worksheet_minutes; /* default minutes per question */
	char *card_layout;     /* preset name, or NULL for `card` below */
	sp_card_spec card;     /* custom card geometry (card_w > 0 if set) */
	sp_loc card_loc; /* where `cards: layout` or `card` is (or zero) */
	double card_size, card_min_size; /* card text size range, points */
	int paper_override; /* the paper is --paper's, not the file's */
	int pdfa;           /* --pdfa: PDF/A-2a outputs (pdf_render_opts) */
	sp_labels labels;   /* `labels:` (products/labels.h) */
} sp_template;

/* Load by name (templates/NAME.yaml in the bundled data, see
 * util/datadir.h) or by path; a NULL name loads "default". paper, when
 * not NULL, overrides the template's paper (--paper; margins stay): one
 * of template_paper_names(). Reports every problem through d. Returns
 * NULL and sets *status to PRODUCT_IO when the file cannot be read,
 * PRODUCT_INVALID when it is invalid, PRODUCT_USAGE when paper is not a
 * known name. */
sp_template *template_open(const char *name_or_path, const char *paper,
                           sp_diag *d, product_status *status);
/* Load from bytes (tests, fuzzers); the template's own paper. */
sp_template *template_load_bytes(const char *file, const char *data, size_t len,
                                 sp_diag *d);
void template_free(sp_template *t);
/* Paper by name (one of template_paper_names()): its size in points.
 * Returns 0 or -1. */
int template_paper_size(const char *name, double *w, double *h);
/* The paper names, comma-separated: "a4, letter, a5, a6, half-letter,
 * legal" (static storage). */
const char *template_paper_names(void);
/* For help texts: the common sizes ("a4, letter, a5, half-letter"), at
 * most max of them and ", ..." when there are more; into out. */
void template_paper_help(char *out, size_t n, int max);
/* Override the paper (margins stay). Returns 0 or -1 (unknown name). */
int template_set_paper(sp_template *t, const char *name);
/* Parse a length: a number (points) or a number with pt, mm, cm or in. */
int template_parse_length(const char *s, double *out);

#endif
