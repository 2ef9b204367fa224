/* segment.h - a paragraph cut into grapheme clusters (utf8proc), each
 * resolved to a face and measured, with its break opportunity. */
#ifndef SP_LAYOUT_SEGMENT_H
#define SP_LAYOUT_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "layout/paragraph_priv.h"

enum tx_kind {
	CL_TEXT,   /* drawn from the source bytes (ignorables removed) */
	CL_SPACE,  /* breakable space: glue; draws `cp` */
	CL_FIXED,  /* no-break space: a box that draws `cp` */
	CL_IGNORE, /* nothing visible: zero width, not drawn */
	CL_SUBST   /* drawn as fonts->subst_cp in fonts->subst_face */
};

enum tx_brk {
	BRK_NONE,
	BRK_HYPHEN, /* after an explicit hyphen or dash */
	BRK_SOFT,   /* at a soft hyphen: shows "-" when taken */
	BRK_ZWSP,   /* zero-width space */
	BRK_CJK,    /* between ideographs */
	BRK_URL,    /* after "/" in a URL */
	BRK_FORCED  /* line separator (or newline in preserved text) */
};

enum tx_flag {
	CF_LETTER = 1,   /* one code point, a Latin letter (hyphenatable) */
	CF_DIGIT = 2,    /* contains a digit */
	CF_WIDE = 4,     /* East Asian wide (ideographs, kana, ...) */
	CF_SLASH = 8,    /* "/" */
	CF_DASH = 16,    /* hyphen-minus, U+2010, U+2013, U+2014 */
	CF_NOSTART = 32, /* may not start a line (closing punctuation) */
	CF_NOEND = 64,   /* may not end a line (opening punctuation) */
	CF_ALNUM = 128   /* starts with a letter or digit */
};

typedef struct tx_cluster {
	uint32_t span; /* index of its span */
	uint32_t off;  /* byte offset in the span's text */
	uint32_t len;  /* bytes */
	uint32_t cp; /* first code point; for CL_SPACE/CL_FIXED the drawn one */
	int16_t face;  /* drawing face (CL_IGNORE: -1) */
	uint8_t kind;  /* enum tx_kind */
	uint8_t brk;   /* enum tx_brk: break opportunity after this cluster */
	uint8_t flags; /* enum tx_flag */
	uint8_t lig;   /* drawn by the glyph of the cluster before (a
	                * ligature): no break before it, width 0 */
	uint8_t level; /* bidi embedding level (odd: right to left) */
	uint16_t ng;   /* glyphs shaped for it (tx_para.g from g0) */
	uint32_t g0;
	double width; /* advance, points */
} tx_cluster;

typedef struct tx_para {
	tx_cluster *c;
	size_t n, cap;
	sp_glyph *g; /* shaped glyphs of the CL_TEXT clusters */
	size_t ng, capg;
	int rtl;  /* the paragraph's base direction is right to left */
	int bidi; /* some level is odd: lines are reordered (bidi.c) */
} tx_para;

void tx_analyze(layout_text_ctx *t, const layout_span *spans, size_t nspans,
                int preserve_space, tx_para *p);
void tx_para_free(tx_para *p);

/* Resolves the bidi levels of the clusters and p->rtl, p->bidi
 * (bidi.c). */
void tx_bidi(tx_para *p);
/* Places the runs of a line (in logical order, one level each) in visual
 * order (rule L2) from the first run's x; the array stays logical. */
void tx_reorder_line(layout_line *l);

/* Shapes the runs of CL_TEXT clusters (one span, one face, one word) with
 * the font device through the context's cache, giving each cluster its
 * glyphs and shaped width (shaperuns.c). Nothing when the device does
 * not shape. */
void tx_shape(layout_text_ctx *t, const layout_span *spans, tx_para *p);

/* Gives run r (text set) the glyphs g[0..n) it is drawn with: as kerning
 * numbers alone when every glyph is the font's own for one code point
 * (the usual case, and 8 bytes per kerned pair instead of 14 per glyph),
 * else as a copy of the glyphs. */
void tx_run_glyphs(const sp_glyph *g, size_t n, layout_run *r);

/* Shaping features for a span's family (ligatures off in code). */
int tx_features(const layout_span *s);

/* Append the UTF-8 that draws cluster c to b. */
void tx_cluster_text(const layout_text_ctx *t, const layout_span *spans,
                     const tx_cluster *c, sp_buf *b);

/* The hyphen drawn at a break inside a word of span s: face, code point
 * and advance in points. */
void tx_hyphen(layout_text_ctx *t, const layout_span *s, int *face,
               uint32_t *cp, double *width);

/* Family role name for messages ("body", "heading", "mono"). */
const char *tx_family_name(int family);

#endif
