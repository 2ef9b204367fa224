/* paragraph.h - paragraphs: styled spans in, broken lines of positioned runs
 * out.
 *
 * Text is segmented with utf8proc (grapheme clusters are never split),
 * break opportunities come from Unicode properties (spaces, after hyphens
 * and dashes, after slashes in URLs, between ideographs, soft hyphens,
 * zero-width space; never at no-break spaces), words are hyphenated with
 * libhyphen patterns, and lines are chosen by a total-fit (Knuth-Plass)
 * breaker over boxes, glue and penalties. No line is ever wider than its
 * measure: a word too long for any line breaks at grapheme boundaries. */
#ifndef SP_LAYOUT_PARAGRAPH_H
#define SP_LAYOUT_PARAGRAPH_H

#include <stddef.h>

#include "layout/font.h"
#include "layout/page.h"
#include "util/diag.h"

typedef struct layout_span {
	const char *text; /* UTF-8, valid, NFC; not owned */
	size_t len;       /* bytes */
	sp_family family;
	int variant; /* VARIANT_BOLD | VARIANT_ITALIC */
	double size; /* points */
	sp_color color;
	const char *link; /* "http..." URI, "#name" internal dest, or NULL */
	sp_loc loc;       /* source of the text, for warnings */
} layout_span;

typedef enum layout_align {
	ALIGN_LEFT = 0, /* ragged right */
	ALIGN_JUSTIFY,
	ALIGN_CENTER,
	ALIGN_RIGHT
} layout_align;

typedef struct layout_para_style {
	layout_align align;
	double leading;      /* baseline to baseline, points (0 = 1.2 x size) */
	double first_indent; /* extra indent of the first line, points */
	int hyphenate;       /* allow hyphenation */
	int preserve_space;  /* keep runs of spaces (code); tabs -> spaces */
	int smart_punct;     /* flow_para_add: typographic quotes, dashes and
	                      * ellipses in text not set in the mono family */
} layout_para_style;

/* One run of a broken line: consecutive characters in one face, size,
 * colour and link. */
typedef struct layout_run {
	/* (fields ordered by size: the engine's cache holds every
	 * paragraph's runs, a million for 20,000 questions) */
	double size;
	double x;         /* from the line's start, points */
	double width;     /* points */
	double extra;     /* justification: points added after each U+0020 of
	                   * the text (the spaces of a justified line, which all
	                   * stretch alike in one face and size), usually 0 */
	const char *link; /* points into the span's link (not owned) */
	char *text;       /* UTF-8, owned; drawable by `face` (missing
	                   * characters already replaced by the substitute) */
	sp_glyph *glyphs; /* owned: the shaped glyphs drawing `text` (their
	                   * clen add up to len), or NULL: drawn code point
	                   * by code point (the font's glyph for each) */
	sp_kern *kerns;   /* owned: without glyphs, the kerning between the
	                   * code points (by index), or NULL */
	uint32_t len;     /* bytes (a span's part: under the corpus limit) */
	uint32_t nglyphs;
	uint32_t nkerns;
	int face;
	sp_color color;
	uint8_t level; /* bidi embedding level; odd: right to left (text
	                * and glyphs stay in logical order, drawn
	                * backwards) */
	uint8_t
	    space_before; /* a space of the text comes between the run
	                   * before (in another style) and this one, set as
	                   * the gap between them, not in either run's text */
} layout_run;

typedef struct layout_line {
	layout_run *runs;
	size_t nruns;
	double width;   /* set width (after justification), points */
	double ascent;  /* max over runs, points (positive) */
	double descent; /* max over runs, points (positive, below baseline) */
	double leading; /* baseline distance to use before this line */
	int hyphenated; /* ends with an inserted hyphen */
	int wrapped;    /* ends at a break that is not forced: the text goes
	                 * on in the next line (code draws a mark there) */
} layout_line;

typedef struct layout_lines {
	layout_line *lines;
	size_t n;
	int rtl; /* a right-to-left paragraph: set from the right, its list
	          * marker hung on the right */
} layout_lines;

typedef struct layout_text_ctx layout_text_ctx;

/* fonts is borrowed for the context's lifetime. hyph_dict_path may be NULL
 * (no hyphenation). Warnings (missing glyphs, characters above U+FFFF) are
 * reported through d with the span's loc, once per character per
 * location. */
layout_text_ctx *layout_text_new(const layout_fonts *fonts,
                                 const char *hyph_dict_path, sp_diag *d);
void layout_text_free(layout_text_ctx *t);
/* Where warnings are reported from now on (d borrowed). */
void layout_text_set_diag(layout_text_ctx *t, sp_diag *d);
/* Where warnings about text that carries no location of its own (a
 * batch row's name in a worksheet header) are reported from now on; a
 * zero loc for none. loc.file is borrowed. */
void layout_text_set_loc(layout_text_ctx *t, sp_loc loc);

/* The language of the text (a BCP 47 tag, the corpus `language`; NULL
 * for none): shaping applies its forms (HarfBuzz's locl: Serbian and
 * Macedonian Cyrillic, Turkish, Japanese or Korean forms of a CJK face). */
void layout_text_set_language(layout_text_ctx *t, const char *lang);

/* Break a paragraph into lines of at most `width` points. Returns 0. */
int layout_break(layout_text_ctx *t, const layout_span *spans, size_t nspans,
                 const layout_para_style *st, double width, layout_lines *out);

/* The part of breaking that does not depend on the width (segmentation,
 * glyphs, hyphenation, boxes and glue), made ahead of time, possibly on
 * another thread with a context from layout_text_clone. layout_pre_make
 * returns NULL when the paragraph would warn (the warning must come from
 * the main context, in order); it makes the analysis in the arrays of
 * `reuse` (one made before and no longer needed; NULL: a new one), which
 * it returns, or leaves to the caller when it returns NULL.
 * layout_break_pre breaks like layout_break from pre, which stays the
 * caller's (to free, or to give back for reuse). */
typedef struct layout_pre layout_pre;
layout_pre *layout_pre_make(layout_text_ctx *t, const layout_span *spans,
                            size_t nspans, const layout_para_style *st,
                            layout_pre *reuse);
void layout_pre_free(layout_pre *p);
int layout_break_pre(layout_text_ctx *t, const layout_span *spans,
                     size_t nspans, const layout_para_style *st, double width,
                     layout_pre *pre, layout_lines *out);
/* A context for another thread: the same fonts and hyphenation patterns,
 * its own caches, no diagnostics. Its shaped words are kept by t when it
 * is freed (on t's thread) and handed to t's next clone, so that a batch of
 * documents does not shape every word again for each. */
layout_text_ctx *layout_text_clone(layout_text_ctx *t);
/* The same without the hyphenation patterns (not loaded): for a thread
 * that only measures single lines (layout_measure), which never
 * hyphenate. */
layout_text_ctx *layout_text_clone_measuring(layout_text_ctx *t);
/* Whether a clone has met, since the last call, something the main
 * context would warn about (a clone only notes it); the note is
 * cleared. */
int layout_text_would_warn(layout_text_ctx *t);
void layout_lines_free(layout_lines *l);

/* Natural width of a single-line text in one style, points (no breaking;
 * for headers, labels, leaders). */
double layout_measure(layout_text_ctx *t, const layout_span *span);

/* Where the last run of l ends (the rightmost run end), points from the
 * line's start. */
double layout_line_end(const layout_line *l);

/* Lay out one unbroken line (for labels, running heads, page numbers). */
int layout_single_line(layout_text_ctx *t, const layout_span *spans,
                       size_t nspans, layout_line *out);
void layout_line_free(layout_line *l);

#endif
