/* draw.c - a page's content stream, written directly rather than through
 * libharu's page operators (see content.c): rectangles (rounded with four
 * curves), lines (solid or dashed), then text as TJ arrays of two-byte
 * codes, the graphics state tracked so that nothing is set twice. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/renderer.h"
#include "layout/struct.h"
#include "pdf/tags.h"

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

/* Appends the codes of run t (in an open literal string) and records its
 * code points in used. *pen is where the reader's pen is (by the widths
 * the /W array gives and the kerning numbers written), *exact where the
 * layout puts it; both advance over the run. The spaces of a justified
 * run (t->extra != 0) are not drawn: each becomes a kerning number for
 * its width plus the extra, rounded to 1/1000 em against *exact, so
 * nothing drifts. Invalid UTF-8 and characters above U+FFFF (which a
 * two-byte code cannot carry) are drawn as U+FFFD, with one warning per
 * document. */
static void put_run(pdf_renderer *r, sp_buf *cs, const page_text *t,
                    const pdf_face *fc, pdf_cpset *used, double *pen,
                    double *exact, size_t i, size_t n)
{
	const unsigned char *s = (const unsigned char *)t->text;
	double k1000 = t->size / 1000;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_next(s + i, n - i, &cp);
		if (!k || cp > 0xFFFF) {
			if (!r->warned_text++)
				diag_warning(
				    r->d, sp_loc_make(NULL, 0, 0),
				    "text with invalid UTF-8 or "
				    "characters above U+FFFF reached "
				    "the PDF renderer; drawn as U+FFFD");
			cp = 0xFFFD;
			k = k ? k : 1;
		}
		i += k;
		double w =
		    fc->adv[fc->gid[cp] < fc->num_glyphs ? fc->gid[cp] : 0] *
		    k1000;
		if (cp == 0x20 && t->extra != 0) {
			cpset_add(used, cp); /* drawn, for text extraction */
			cs_code(cs, cp);
			*pen += w;
			*exact += w + t->extra;
			long adj = lround((*pen - *exact) / k1000);
			if (adj) {
				buf_printf(cs, ")%ld(", adj);
				*pen -= (double)adj * k1000;
			}
			continue;
		}
		cpset_add(used, cp);
		cs_code(cs, cp);
		*pen += w;
		*exact += w;
	}
}

/* A space (no ink) at a line end or a wide gap, so that tagged text reads
 * as words; returns its advance, points. */
static double word_space(pdf_renderer *r, sp_buf *cs, int f, double size)
{
	const pdf_face *fc = &r->fonts->faces[f];
	unsigned g = fc->gid[0x20];
	if (!g || g >= fc->num_glyphs)
		return 0;
	cs_code(cs, 0x20);
	cpset_add(r->used[f], 0x20);
	return fc->adv[g] * size / 1000;
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

static void draw_texts(pdf_renderer *r, size_t p, sp_buf *cs, gstate *g,
                       const sp_page *pg)
{
	HPDF_Page page = r->pages[p];
	uint32_t mc = TAGS_NONE; /* marked content open (tags.h) */
	int prev_ends_word = 0;   /* the last run ends inside a word */
	int moved = 0; /* the marked content open began with a run drawn back */
	if (!pg->ntexts)
		return;
	cs_op(cs, "BT");
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
		    line && t->x - pen > 0.25 * t->size)
			pen += word_space(r, cs, cur, cur_size);
		/* a run drawn back (a list bullet after its text) or far on
		 * (a tail after leaders) is marked apart, read in its place */
		int back = open && to == mc &&
		           (line ? t->x < pen - 0.01 || t->x - pen > 3 * t->size
		                 : moved); /* (and the line after such a run) */
		int cont = 0; /* the TJ just closed may go on after the switch */
		if (to != mc || back) { /* (a run drawn back: read in place) */
			if (open)
				buf_puts(cs, ")] TJ\n");
			cont = open;
			open = 0;
			tags_switch(r, cs, p, mc, to, t);
			mc = to;
			moved = back;
		}
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
				buf_printf(cs, "%ld", adj);
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
				buf_printf(cs, "/%s ", name ? name : "F0");
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
			while (n > 0 && ((unsigned char)t->text[--n] & 0xC0) == 0x80)
				;
		put_run(r, cs, t, fc, r->used[f], &pen, &exact, 0, n);
		prev_ends_word = ends_word(t);
		if (prev_ends_word && n == t->len && line_ends(r, p, pg, i, to))
			pen += word_space(r, cs, f, t->size);
		if (n < t->len) {
			buf_puts(cs, ")] TJ\nEMC\n/Artifact BMC\n[(");
			put_run(r, cs, t, fc, r->used[f], &pen, &exact, n,
			        t->len);
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
	gstate g = {1.0, 0, 0, 0, 0, 1}; /* the PDF initial state */
	int art = pg->nrects || pg->nlines; /* graphics are artifacts */
	if (art)
		tags_artifact(cs, 1);
	draw_rects(cs, &g, pg);
	draw_lines(cs, &g, pg);
	if (art)
		tags_artifact(cs, 0);
	draw_texts(r, p, cs, &g, pg);
}
