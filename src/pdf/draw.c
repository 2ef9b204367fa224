/* draw.c - a page's content stream, written directly rather than through
 * libharu's page operators (see content.c): rectangles (rounded with four
 * curves), lines (solid or dashed), then text as TJ arrays of one-byte
 * codes (codes.h; justified with Tw) or two-byte glyph ids, the graphics
 * state tracked so that nothing is set twice. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/renderer.h"
#include "layout/struct.h"
#include "pdf/codes.h"
#include "pdf/tags.h"
#include "util/mem.h"

typedef struct gstate {
	double line_width;
	int fill, stroke; /* colours, -1 = unknown */
	unsigned dash_on, dash_off;
	int dash_known;
} gstate;

static void set_fill(sp_buf *cs, gstate *g, sp_color c)
{
	if (g->fill != (int)(c & 0xFFFFFF)) {
		cs_rgb(cs, c, 0);
		g->fill = (int)(c & 0xFFFFFF);
	}
}

static void set_stroke(sp_buf *cs, gstate *g, sp_color c, double width,
                       unsigned on, unsigned off)
{
	if (g->stroke != (int)(c & 0xFFFFFF)) {
		cs_rgb(cs, c, 1);
		g->stroke = (int)(c & 0xFFFFFF);
	}
	if (width < 0)
		width = 0;
	if (g->line_width != width) {
		cs_num(cs, width);
		cs_op(cs, "w");
		g->line_width = width;
	}
	if (!on || !off)
		on = off = 0; /* solid */
	if (!g->dash_known || g->dash_on != on || g->dash_off != off) {
		if (on) {
			buf_putc(cs, '[');
			cs_num(cs, on);
			cs_num(cs, off);
			buf_puts(cs, "] 0 d\n");
		} else {
			buf_puts(cs, "[] 0 d\n");
		}
		g->dash_on = on;
		g->dash_off = off;
		g->dash_known = 1;
	}
}

static void pt(sp_buf *cs, double x, double y, const char *op)
{
	cs_num(cs, x);
	cs_num(cs, y);
	cs_op(cs, op);
}

static void curve(sp_buf *cs, double x1, double y1, double x2, double y2,
                  double x3, double y3)
{
	cs_num(cs, x1);
	cs_num(cs, y1);
	cs_num(cs, x2);
	cs_num(cs, y2);
	pt(cs, x3, y3, "c");
}

static void rect_path(sp_buf *cs, const page_rect *rc)
{
	double x = rc->x, y = rc->y, w = rc->w, h = rc->h;
	if (w < 0)
		x += w, w = -w;
	if (h < 0)
		y += h, h = -h;
	double rad = rc->radius;
	if (rad > w / 2)
		rad = w / 2;
	if (rad > h / 2)
		rad = h / 2;
	if (!(rad > 0)) {
		cs_num(cs, x);
		cs_num(cs, y);
		pt(cs, w, h, "re");
		return;
	}
	double k = 0.5523 * rad, x2 = x + w, y2 = y + h;
	pt(cs, x + rad, y, "m");
	pt(cs, x2 - rad, y, "l");
	curve(cs, x2 - rad + k, y, x2, y + rad - k, x2, y + rad);
	pt(cs, x2, y2 - rad, "l");
	curve(cs, x2, y2 - rad + k, x2 - rad + k, y2, x2 - rad, y2);
	pt(cs, x + rad, y2, "l");
	curve(cs, x + rad - k, y2, x, y2 - rad + k, x, y2 - rad);
	pt(cs, x, y + rad, "l");
	curve(cs, x, y + rad - k, x + rad - k, y, x + rad, y);
	cs_op(cs, "h");
}

static void draw_rects(sp_buf *cs, gstate *g, const sp_page *pg)
{
	for (size_t i = 0; i < pg->nrects; i++) {
		const page_rect *rc = &pg->rects[i];
		int mode = rc->mode & (RECT_FILL | RECT_STROKE);
		if (!mode)
			continue;
		if (mode & RECT_FILL)
			set_fill(cs, g, rc->fill);
		if (mode & RECT_STROKE)
			set_stroke(cs, g, rc->stroke, rc->width, 0, 0);
		rect_path(cs, rc);
		cs_op(cs, mode == (RECT_FILL | RECT_STROKE) ? "B"
		          : mode == RECT_FILL               ? "f"
		                                            : "S");
	}
}

static void draw_lines(sp_buf *cs, gstate *g, const sp_page *pg)
{
	for (size_t i = 0; i < pg->nlines; i++) {
		const page_line *l = &pg->lines[i];
		set_stroke(cs, g, l->color, l->width, l->dash[0], l->dash[1]);
		pt(cs, l->x1, l->y1, "m");
		pt(cs, l->x2, l->y2, "l");
		cs_op(cs, "S");
	}
}

/* Decode one UTF-8 sequence; returns its length, or 0 when invalid
 * (overlong, surrogate, truncated, above U+10FFFF). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (!len || len > n || c > 0xF4)
		return 0;
	uint32_t v = c & (0x7Fu >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

/* Moves the reader's pen to `to` (a kerning number, 1/1000 em, when the
 * two differ by at least half of one). */
static void pen_to(sp_buf *cs, double *pen, double to, double k1000)
{
	double d = (*pen - to) / k1000;
	if (d > -0.5 && d < 0.5) /* the usual case: nothing to write */
		return;
	long adj = lround(d);
	if (adj) {
		buf_putc(cs, ')');
		cs_int(cs, adj);
		buf_putc(cs, '(');
		*pen -= (double)adj * k1000;
	}
}

/* Appends gid's code in face f to an open literal string; returns the
 * word spacing its advance gets (r->tw for code 32 of a one-byte face,
 * else 0), points. */
static double put_code(pdf_renderer *r, sp_buf *cs, int f, unsigned gid)
{
	if (r->codes[f]) {
		int code = codes_put(r->codes[f], cs, gid);
		if (code >= 0)
			return code == CODES_SPACE ? r->tw : 0;
	}
	cs_code(cs, gid); /* (never reached for a one-byte face) */
	return 0;
}

/* Draws glyph gid at *exact + dx, dy up (1/1000 em) for len bytes of
 * text, and moves *exact on by adv (1/1000 em). A raised or lowered glyph
 * (a mark) is drawn with a text rise, in a TJ array of its own. */
static void put_glyph(pdf_renderer *r, sp_buf *cs, const pdf_face *fc,
                      unsigned gid, double adv, double dx, double dy,
                      const char *text, size_t len, double k1000, double *pen,
                      double *exact)
{
	int f = (int)(fc - r->fonts->faces);
	if (gid >= fc->num_glyphs)
		gid = 0;
	pen_to(cs, pen, *exact + dx * k1000, k1000);
	cpset_add(r->used[f], gid);
	gtext_note(r->gtext[f], gid, text, len);
	double tw;
	if (dy != 0) {
		buf_puts(cs, ")] TJ\n");
		cs_num(cs, dy * k1000);
		buf_puts(cs, "Ts\n[(");
		tw = put_code(r, cs, f, gid);
		buf_puts(cs, ")] TJ\n0 Ts\n[(");
	} else {
		tw = put_code(r, cs, f, gid);
	}
	*pen += fc->adv[gid] * k1000 + tw;
	*exact += adv * k1000;
}

/* A run without glyphs: code point by code point through the face's
 * cmap, with the run's kerning numbers (t->kerns). Invalid UTF-8 and characters
 * above U+FFFF (which layout never hands over unshaped) are drawn as U+FFFD,
 * with one warning per document. */
static void put_codes(pdf_renderer *r, sp_buf *cs, const page_text *t,
                      const pdf_face *fc, double *pen, double *exact, size_t b0,
                      size_t n)
{
	const unsigned char *s = (const unsigned char *)t->text;
	size_t i = 0, kn = 0;
	double k1000 = t->size / 1000;
	for (uint32_t at = 0; i < n; at++) {
		/* kerning after the code point before (before b0: drawn by
		 * the call for the bytes before) */
		for (; kn < t->nkerns && t->kerns[kn].at < at; kn++)
			if (i >= b0)
				*exact += t->kerns[kn].delta * k1000;
		uint32_t cp;
		size_t k = utf8_next(s + i, n - i, &cp);
		if (i < b0) {
			i += k ? k : 1;
			continue;
		}
		const char *txt = (const char *)s + i;
		if (!k || cp > 0xFFFF) {
			if (!r->warned_text++)
				diag_warning(
				    r->d, sp_loc_make(NULL, 0, 0),
				    "text with invalid UTF-8 or "
				    "characters above U+FFFF reached "
				    "the PDF renderer; drawn as U+FFFD");
			cp = 0xFFFD;
			k = k ? k : 1;
			txt = "\xEF\xBF\xBD";
		}
		i += k;
		unsigned gid = fc->gid[cp];
		double w = fc->adv[gid < fc->num_glyphs ? gid : 0];
		/* a justified space is drawn (no ink; text extraction reads
		 * it) with the extra in its advance */
		double extra = cp == 0x20 ? t->extra / k1000 : 0;
		put_glyph(r, cs, fc, gid, w + extra, 0, 0, txt,
		          cp == 0xFFFD ? 3 : k, k1000, pen, exact);
	}
}

/* Opens (open = 1) or closes a marked-content span whose /ActualText is
 * len bytes of text, splitting the open TJ array around it: the glyphs of
 * a cluster drawn as several (a Devanagari vowel sign before its
 * consonant) then read as the cluster's text in readers that know
 * ActualText (poppler, MuPDF, pdf.js), whatever their ToUnicode says. */
static void actual_text(sp_buf *cs, const char *text, size_t len, int open)
{
	if (!open) {
		buf_puts(cs, ")] TJ\nEMC\n[(");
		return;
	}
	buf_puts(cs, ")] TJ\n/Span <</ActualText <FEFF");
	gtext_utf16_hex(cs, text, len);
	buf_puts(cs, ">>> BDC\n[(");
}

/* The text each glyph of t stands for (logical order): the bytes of a
 * cluster of several glyphs go to its last glyph (an Indic vowel sign
 * drawn before its consonant is drawn first but read after it, so the
 * text comes with the consonant); the last glyph takes what is left. */
static void glyph_texts(const page_text *t, size_t *at, size_t *ln)
{
	size_t pos = 0, n = t->nglyphs;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1, len = t->glyphs[i].clen;
		while (j < n && t->glyphs[j].clen == 0)
			j++;
		if (len > t->len - pos || j == n)
			len = t->len - pos;
		for (size_t k = i; k < j; k++) {
			at[k] = pos;
			ln[k] = k + 1 == j ? len : 0;
		}
		pos += len;
		i = j;
	}
}

/* Whether one of the glyphs [first, last] of t is gid. */
static int cluster_has(const page_text *t, size_t first, size_t last,
                       unsigned gid)
{
	for (size_t k = first; k <= last; k++)
		if (t->glyphs[k].gid == gid)
			return 1;
	return 0;
}

/* Glyph gid is drawn inside the cluster [first, last] of t, whose len
 * bytes of text at text went to its last glyph; it gets a weak text for
 * ToUnicode (kept unless the glyph is drawn with text of its own
 * somewhere): the character whose cmap glyph it is, else the cluster's
 * characters whose own glyphs are not in the cluster (the ones it was
 * made from: a Devanagari vowel sign's contextual form). */
static void note_inside(pdf_renderer *r, const pdf_face *fc, const page_text *t,
                        size_t first, size_t last, unsigned gid,
                        const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	char keep[GTEXT_MAX];
	size_t nkeep = 0;
	for (size_t i = 0, k; i < len; i += k) {
		uint32_t cp = 0xFFFF;
		k = utf8_next(s + i, len - i, &cp);
		if (!k)
			return; /* not valid text: leave it */
		unsigned own = cp <= 0xFFFF ? fc->gid[cp] : 0;
		if (own == gid) {
			memcpy(keep, s + i, k);
			nkeep = k;
			break;
		}
		if ((!own || !cluster_has(t, first, last, own)) &&
		    nkeep + k <= sizeof keep) {
			memcpy(keep + nkeep, s + i, k);
			nkeep += k;
		}
	}
	int f = (int)(fc - r->fonts->faces);
	gtext_note_weak(r->gtext[f], gid, nkeep ? keep : text,
	                nkeep ? nkeep : len);
}

/* Appends the glyphs of run t (in an open literal string) and records
 * them in r->used and r->gtext. *pen is where the reader's pen is (by the
 * widths the /W array gives and the kerning numbers written), *exact
 * where the layout puts it; both advance over the run. Kerning (the
 * shaped advance against the font's) and glyph offsets become kerning
 * numbers in 1/1000 em against *exact, so nothing drifts. The spaces of
 * a justified run (t->extra != 0) are drawn (they carry no ink, and make
 * the text read as words), the extra in their advance. Only the bytes
 * [b0, b1) of the run are drawn (an inserted hyphen is drawn apart). */
static void put_run(pdf_renderer *r, sp_buf *cs, const page_text *t,
                    const pdf_face *fc, double *pen, double *exact, size_t b0,
                    size_t b1)
{
	if (!t->glyphs) {
		put_codes(r, cs, t, fc, pen, exact, b0, b1);
		return;
	}
	double k1000 = t->size / 1000;
	size_t n = t->nglyphs;
	/* the text of glyph i: [at[i], +ln[i]) */
	r->glyph_at =
	    xgrow(r->glyph_at, &r->cap_glyph_at, n + 1, sizeof *r->glyph_at);
	r->glyph_len =
	    xgrow(r->glyph_len, &r->cap_glyph_len, n + 1, sizeof *r->glyph_len);
	size_t *at = r->glyph_at, *ln = r->glyph_len;
	glyph_texts(t, at, ln);
	for (size_t v = 0; v < n; v++) {
		size_t i =
		    t->rtl ? n - 1 - v : v; /* right to left: backwards */
		const sp_glyph *g = &t->glyphs[i];
		const char *txt = t->text + at[i];
		if (at[i] < b0 || at[i] >= b1)
			continue; /* drawn by the call for its bytes */
		size_t first = i, last = i; /* i's cluster */
		while (first > 0 && at[first - 1] == at[i] && !ln[first - 1])
			first--;
		while (last + 1 < n && !ln[last] && at[last + 1] == at[i])
			last++;
		if (first != last && ln[last] &&
		    i == (t->rtl ? last : first)) /* a cluster's first drawn */
			actual_text(cs, t->text + at[last], ln[last], 1);
		/* a justified space: drawn, the extra in its advance */
		double extra =
		    ln[i] == 1 && txt[0] == ' ' ? t->extra / k1000 : 0;
		put_glyph(r, cs, fc, g->gid, g->adv + extra, g->dx, g->dy, txt,
		          ln[i], k1000, pen, exact);
		if (!ln[i] && ln[last]) /* inside a cluster */
			note_inside(r, fc, t, first, last, g->gid,
			            t->text + at[last], ln[last]);
		if (first != last && ln[last] && i == (t->rtl ? first : last))
			actual_text(cs, NULL, 0, 0);
	}
}

/* A space (no ink) at a line end, a wide gap, or the gap the layout set
 * for a space between two runs of different styles (page_text
 * .space_before), so that tagged text reads as words; returns its
 * advance, points. */
static double word_space(pdf_renderer *r, sp_buf *cs, int f, double size)
{
	const pdf_face *fc = &r->fonts->faces[f];
	unsigned g = fc->gid[0x20];
	if (!g || g >= fc->num_glyphs)
		return 0;
	double tw = put_code(r, cs, f, g);
	cpset_add(r->used[f], g);
	gtext_note(r->gtext[f], g, " ", 1);
	return fc->adv[g] * size / 1000 + tw;
}

/* 1 when the next text of the same marked-content target as item i (among
 * the next few) is on another line: i ends a line of its element. */
static int line_ends(pdf_renderer *r, size_t p, const sp_page *pg, size_t i,
                     uint32_t to)
{
	const page_text *t = &pg->texts[i];
	for (size_t k = i + 1; k < pg->ntexts && k <= i + 8; k++) {
		const page_text *u = &pg->texts[k];
		if (!u->len || tags_target(r, p, u) != to)
			continue;
		return round((u->y - t->y) * 1000) != 0 && u->text[0] != ' ';
	}
	return 0;
}

/* 1 when t ends with a letter or mark, where a line break needs a space
 * for the text to read as words. */
static int ends_word(const page_text *t)
{
	if (!t->len || t->hyph)
		return 0;
	unsigned char c = (unsigned char)t->text[t->len - 1];
	return c != ' ' && c != '-' && c != '/' && c != 0xAD && c != 0x90 &&
	       c != 0x93 && c != 0x94; /* U+2010, U+2013, U+2014 */
}

/* Sets the word spacing to run t's justification (points per space)
 * when it draws spaces in a one-byte face, closing an open TJ array
 * (*open = 0); returns 1 when it closed one (the next run may go on from
 * the pen). */
static int set_word_space(pdf_renderer *r, sp_buf *cs, const page_text *t,
                          int *open)
{
	double tw = round(t->extra * 1000) / 1000;
	if (!r->codes[t->face] || tw == r->tw || !memchr(t->text, ' ', t->len))
		return 0;
	int was = *open;
	if (was)
		buf_puts(cs, ")] TJ\n");
	*open = 0;
	cs_num(cs, tw);
	cs_op(cs, "Tw");
	r->tw = tw;
	return was;
}

/* The /Lang of run t inside the marked content of element mc, when its
 * script is not the document's language, or NULL. */
static const char *span_lang(const pdf_renderer *r, uint32_t mc,
                             const page_text *t)
{
	if (r->uncompressed || mc == TAGS_NONE || mc == STRUCT_ARTIFACT ||
	    mc == STRUCT_LAYOUT || t->len < 1)
		return NULL;
	const doc_struct *s = r->doc->tags;
	return tags_span_lang(s ? s->lang : NULL, t->text, t->len);
}

static void draw_texts(pdf_renderer *r, size_t p, sp_buf *cs, gstate *g,
                       const sp_page *pg)
{
	HPDF_Page page = r->pages[p];
	uint32_t mc = TAGS_NONE; /* marked content open (tags.h) */
	int prev_ends_word = 0;  /* the last run ends inside a word */
	int moved = 0; /* the marked content open began with a run drawn back */
	if (!pg->ntexts)
		return;
	cs_op(cs, "BT");
	r->tw = 0; /* each page's stream starts afresh */
	int cur = -1;
	double cur_size = -1;
	/* each line starts with a relative Td from the previous line start
	 * (offsets rounded to 1/1000 pt; the origin follows the rounded
	 * values, so positions never drift); a run that continues the line in
	 * the same font, size and colour joins the open TJ array, its gap
	 * written as a whole number of 1/1000 em, the pen following the
	 * rounded value */
	double ox = 0, oy = 0, pen = 0;
	int open = 0; /* a TJ array is open */
	for (size_t i = 0; i < pg->ntexts; i++) {
		const page_text *t = &pg->texts[i];
		if (!t->len || !(t->size > 0))
			continue;
		uint32_t to = tags_target(r, p, t);
		int line = round((t->y - oy) * 1000) == 0; /* the same line */
		if (open && to == mc && prev_ends_word && t->text[0] != ' ' &&
		    line && (t->space_before || t->x - pen > 0.25 * t->size))
			pen += word_space(r, cs, cur, cur_size);
		/* a run drawn back (a list bullet after its text) or far on
		 * (a tail after leaders) is marked apart, read in its place */
		int back = open && to == mc &&
		           (line ? t->x < pen - 0.01 || t->x - pen > 3 * t->size
		                 : moved); /* (and the line after such a run) */
		int cont =
		    0; /* the TJ just closed may go on after the switch */
		if (to != mc || back) { /* (a run drawn back: read in place) */
			if (open)
				buf_puts(cs, ")] TJ\n");
			cont = open;
			open = 0;
			tags_switch(r, cs, p, mc, to, t);
			mc = to;
			moved = back;
		}
		cont |= set_word_space(r, cs, t, &open);
		int f = t->face;
		const pdf_face *fc = &r->fonts->faces[f];
		int same = (open || cont) && f == cur && t->size == cur_size &&
		           g->fill == (int)(t->color & 0xFFFFFF);
		double dy = round((t->y - oy) * 1000) / 1000;
		long adj = 0;
		if (same && dy == 0) {
			adj = lround((pen - t->x) * 1000 / t->size);
			/* only forward moves: a run drawn left of the pen (a
			 * list bullet drawn after its text) starts afresh, so
			 * the stream keeps reading order within a TJ */
			if (adj > 50 || adj < -100000)
				same = 0;
		} else {
			same = 0;
		}
		if (same) { /* on in the same TJ, or a new one from the pen */
			buf_putc(cs, open ? ')' : '[');
			open = 1;
			if (adj) {
				cs_int(cs, adj);
				pen -= (double)adj * t->size / 1000;
			}
			buf_putc(cs, '(');
		} else {
			if (open)
				buf_puts(cs, ")] TJ\n");
			open = 0;
			if (f != cur || t->size != cur_size) {
				const char *name =
				    haru_page_font_name(page, r->font[f]);
				buf_putc(cs, '/');
				buf_puts(cs, name ? name : "F0");
				buf_putc(cs, ' ');
				cs_num(cs, t->size);
				cs_op(cs, "Tf");
				cur = f;
				cur_size = t->size;
			}
			set_fill(cs, g, t->color);
			double dx = round((t->x - ox) * 1000) / 1000;
			cs_num(cs, dx);
			cs_num(cs, dy);
			cs_op(cs, "Td");
			ox += dx;
			oy += dy;
			pen = ox;
			buf_puts(cs, "[(");
			open = 1;
		}
		double exact = t->x;
		size_t n = t->len; /* an inserted hyphen is an artifact: */
		if (t->hyph && mc != STRUCT_ARTIFACT && mc != STRUCT_LAYOUT)
			while (n > 0 &&
			       ((unsigned char)t->text[--n] & 0xC0) == 0x80)
				;
		const char *lang = span_lang(r, mc, t);
		if (lang)
			buf_printf(cs, ")] TJ\n/Span <</Lang (%s)>> BDC\n[(",
			           lang);
		put_run(r, cs, t, fc, &pen, &exact, 0, n);
		if (lang)
			buf_puts(cs, ")] TJ\nEMC\n[(");
		prev_ends_word = ends_word(t);
		if (prev_ends_word && n == t->len && line_ends(r, p, pg, i, to))
			pen += word_space(r, cs, f, t->size);
		if (n < t->len) {
			buf_puts(cs, ")] TJ\nEMC\n/Artifact BMC\n[(");
			put_run(r, cs, t, fc, &pen, &exact, n, t->len);
			buf_puts(cs, ")] TJ\nEMC\n");
			open = 0;
			mc = TAGS_NONE;
		}
	}
	if (open)
		buf_puts(cs, ")] TJ\n");
	tags_switch(r, cs, p, mc, TAGS_NONE, NULL);
	cs_op(cs, "ET");
}

void draw_page(pdf_renderer *r, size_t p)
{
	const sp_page *pg = &r->doc->pages[p];
	sp_buf *cs = &r->raw[p];
	gstate g = {1.0, 0, 0, 0, 0, 1};    /* the PDF initial state */
	int art = pg->nrects || pg->nlines; /* graphics are artifacts */
	if (art)
		tags_artifact(cs, 1);
	draw_rects(cs, &g, pg);
	draw_lines(cs, &g, pg);
	if (art)
		tags_artifact(cs, 0);
	draw_texts(r, p, cs, &g, pg);
}
