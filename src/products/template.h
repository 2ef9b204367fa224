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
	sp_color color_text, color_accent, color_muted, color_rule;
	sp_color color_shade;
	int worksheet_minutes; /* default minutes per question */
	char *card_layout;     /* preset name, or NULL for `card` below */
	sp_card_spec card;     /* custom card geometry (card_w > 0 if set) */
	double card_size, card_min_size; /* card text size range, points */
} sp_template;

/* Load by name (templates/NAME.yaml in the bundled data) or by path. A
 * NULL name loads "default". Returns NULL after reporting errors. */
sp_template *template_load(const char *name_or_path, sp_diag *d);
/* The same; *io_error is set to 1 when the file could not be read at all
 * (exit status 3), 0 when it was read but is invalid. */
sp_template *template_load_status(const char *name_or_path, sp_diag *d,
                                  int *io_error);
/* The template's file path (for sp_loc.file): kept by the template. */
/* Load from bytes (tests, fuzzers). */
sp_template *template_load_bytes(const char *file, const char *data, size_t len,
                                 sp_diag *d);
void template_free(sp_template *t);
/* Paper by name: a4, letter, a5, half-letter. Returns 0 or -1. */
int template_paper_size(const char *name, double *w, double *h);
/* Override the paper (--paper); margins stay. Returns 0 or -1. */
int template_set_paper(sp_template *t, const char *name);
/* Parse a length: a number (points) or a number with pt, mm, cm or in. */
int template_parse_length(const char *s, double *out);

#endif
