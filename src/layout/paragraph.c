/* paragraph.c - paragraphs: segmentation, breaking passes and line setting.
 *
 * Passes, as in TeX: (1) no pattern hyphenation, pretolerance 200;
 * (2) with hyphenation, tolerance 200; (3) the same with an emergency
 * stretch of 1.5 em added to every line when its badness is judged
 * (\emergencystretch), so that a paragraph with no good breaks spreads
 * its looseness over many lines instead of one; in all three no justified
 * space stretches beyond MAX_RATIO; (4) a last pass where any badness is
 * accepted (a line too loose only where nothing else can be done, and it
 * is set at twice its natural spaces at most, short of the measure) and
 * words wider than the measure may break between any two graphemes. A paragraph
 * whose active list outgrows the cap (huge measures with tiny boxes, megabyte
 * paragraphs) is set first-fit over the emergency items instead. No line is
 * wider than its measure; the one exception is a line holding a single grapheme
 * cluster wider than the measure, which is set alone on its line. */
#include "layout/paragraph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/items.h"
#include "layout/paragraph_priv.h"
#include "util/mem.h"

enum { PRETOLERANCE = 200, TOLERANCE = 200, CODE_TOLERANCE = 1000 };
#define RAGGED_STRETCH_EM 2.0    /* finishing stretch of ragged lines */
#define EMERGENCY_STRETCH_EM 1.5 /* pass 3's \emergencystretch */
#define MAX_RATIO                                                              \
	1.9 /* justified spaces: at most 1.95 x natural                        \
	     * (stretch is 1/2 space), but in the last pass */
#define SET_MAX_RATIO                                                          \
	2.0 /* and never beyond 2 x: a line that the last                      \
	     * pass could not fill better ends short of the                    \
	     * measure (like an underfull TeX box left                         \
	     * unstretched) */
#define WIDTH_EPS 1e-6

layout_text_ctx *layout_text_new(const layout_fonts *fonts,
                                 const char *hyph_dict_path, sp_diag *d)
{
	layout_text_ctx *t = xcalloc(1, sizeof *t);
	t->fonts = fonts;
	t->diag = d;
	t->glyphs = glyph_cache_new(fonts);
	t->shapes = shape_cache_new(fonts);
	t->hyph = hyph_new(hyph_dict_path);
	t->hyph_path = hyph_dict_path ? xstrdup(hyph_dict_path) : NULL;
	if (hyph_dict_path && !t->hyph && d)
		diag_warning(d, sp_loc_make(hyph_dict_path, 0, 0),
		             "cannot load the hyphenation patterns; words are "
		             "not hyphenated");
	buf_init(&t->scratch);
	return t;
}

void layout_text_set_diag(layout_text_ctx *t, sp_diag *d)
{
	t->diag = d;
}

void layout_text_free(layout_text_ctx *t)
{
	if (!t)
		return;
	glyph_cache_free(t->glyphs);
	if (t->clone)
		t->clone->parent = NULL;
	if (t->parent) { /* give the maker the shaped words */
		t->parent->clone = NULL;
		if (!t->parent->spare) {
			t->parent->spare = t->shapes;
			t->shapes = NULL;
		}
	}
	shape_cache_free(t->shapes);
	shape_cache_free(t->spare);
	hyph_free(t->hyph);
	free(t->warned);
	free(t->hyph_path);
	buf_free(&t->scratch);
	free(t->wb);
	free(t->cps);
	free(t->para_c);
	free(t->para_g);
	free(t->items_v);
	buf_free(&t->set_text);
	buf_free(&t->set_pend);
	free(t->set_gl);
	free(t);
}

void layout_text_set_language(layout_text_ctx *t, const char *lang)
{
	shape_cache_set_lang(t->shapes, lang);
}

static layout_text_ctx *clone_with(layout_text_ctx *t, const char *hyph_path)
{
	layout_text_ctx *c = layout_text_new(t->fonts, hyph_path, NULL);
	c->helper = 1;
	if (hyph_path && t->hyph && !c->hyph) { /* the patterns went away */
		layout_text_free(c);
		return NULL;
	}
	if (t->spare) {
		shape_cache_free(c->shapes);
		c->shapes = t->spare;
		t->spare = NULL;
	}
	shape_cache_set_lang(c->shapes, shape_cache_lang(t->shapes));
	if (!t->clone) {
		t->clone = c;
		c->parent = t;
	}
	return c;
}

layout_text_ctx *layout_text_clone(layout_text_ctx *t)
{
	return clone_with(t, t->hyph_path);
}

layout_text_ctx *layout_text_clone_measuring(layout_text_ctx *t)
{
	return clone_with(t, NULL);
}

int layout_text_would_warn(layout_text_ctx *t)
{
	int w = t->would_warn;
	t->would_warn = 0;
	return w;
}

void layout_line_free(layout_line *l)
{
	for (size_t i = 0; i < l->nruns; i++) {
		free(l->runs[i].text);
		free(l->runs[i].glyphs);
		free(l->runs[i].kerns);
	}
	free(l->runs);
	memset(l, 0, sizeof *l);
}

void layout_lines_free(layout_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		layout_line_free(&l->lines[i]);
	free(l->lines);
	l->lines = NULL;
	l->n = 0;
}

/* ---- setting one line ---- */

typedef struct setter {
	layout_text_ctx *t;
	const layout_span *spans;
	const tx_para *p;
	const lb_items *it;
	layout_line *line;
	size_t caprun;
	int have_run;
	layout_run run;
	sp_buf text;
	double x;       /* pen position */
	int have_pend;  /* spaces between the run and what follows */
	int pend_space; /* the pending glue holds a space of the text */
	int pend_merge; /* they can be drawn inside the run */
	sp_buf pend;
	double pend_extra; /* justification of the pending space */
	int run_spaced;    /* the run holds spaces (all with run.extra) */
	sp_glyph *gl;      /* the run's glyphs, when the device shapes */
	size_t ngl, capgl;
	int unshaped;   /* some of the run's text could not be shaped */
	sp_glyph space; /* the last U+0020 shaped alone, in space_face */
	int space_face, space_feat;
	int level; /* bidi level of what put() draws */
} setter;

/* A setter for lines of p, with t's scratch buffers (setter_done gives
 * them back, grown, for the next paragraph). */
static setter setter_make(layout_text_ctx *t, const layout_span *spans,
                          const tx_para *p, const lb_items *it)
{
	setter s = {.t = t,
	            .spans = spans,
	            .p = p,
	            .it = it,
	            .text = t->set_text,
	            .pend = t->set_pend,
	            .gl = t->set_gl,
	            .capgl = t->set_capgl,
	            .space_face = -1};
	buf_clear(&s.text);
	buf_clear(&s.pend);
	return s;
}

static void setter_done(setter *s)
{
	s->t->set_text = s->text;
	s->t->set_pend = s->pend;
	s->t->set_gl = s->gl;
	s->t->set_capgl = s->capgl;
}

static void add_glyphs(setter *s, const sp_glyph *g, size_t n)
{
	s->gl = xgrow(s->gl, &s->capgl, s->ngl + n + 1, sizeof *s->gl);
	if (n)
		memcpy(s->gl + s->ngl, g, n * sizeof *g);
	s->ngl += n;
}

/* Glyphs for text that was not shaped with its word (spaces, hyphens,
 * substitutes): shaped alone. */
static void shape_piece(setter *s, int face, const layout_span *sp,
                        const char *txt, size_t len)
{
	if (!shape_cache_on(s->t->shapes) || !len)
		return;
	if (len == 1 && txt[0] == ' ' && s->space_face == face &&
	    s->space_feat == tx_features(sp)) { /* the usual piece */
		add_glyphs(s, &s->space, 1);
		return;
	}
	size_t n;
	const sp_glyph *g =
	    shape_cached(s->t->shapes, face, tx_features(sp), 0, txt, len, &n);
	if (g)
		add_glyphs(s, g, n);
	else
		s->unshaped = 1;
	if (g && n == 1 && len == 1 && txt[0] == ' ') {
		s->space = g[0];
		s->space_face = face;
		s->space_feat = tx_features(sp);
	}
}

static void flush(setter *s)
{
	if (!s->have_run)
		return;
	layout_line *l = s->line;
	l->runs = xgrow(l->runs, &s->caprun, l->nruns + 1, sizeof *l->runs);
	/* an exact copy: s->text is reused, and a paragraph's lines stay in
	 * the engine's cache for the whole document */
	s->run.len = (uint32_t)s->text.len; /* (a span's part) */
	s->run.text = xmalloc(s->text.len + 1);
	if (s->text.len)
		memcpy(s->run.text, s->text.data, s->text.len);
	s->run.text[s->text.len] = '\0';
	buf_clear(&s->text);
	s->run.glyphs = NULL;
	s->run.nglyphs = 0;
	s->run.kerns = NULL;
	s->run.nkerns = 0;
	if (shape_cache_on(s->t->shapes) && !s->unshaped && s->ngl)
		tx_run_glyphs(s->gl, s->ngl, &s->run);
	s->ngl = 0;
	s->unshaped = 0;
	l->runs[l->nruns++] = s->run;
	s->have_run = 0;
}

static int same_style(const layout_run *r, int face, const layout_span *sp,
                      int level)
{
	return r->face == face && r->level == level && r->size == sp->size &&
	       r->color == sp->color && r->link == sp->link;
}

/* Draw `w` points of text in (face, span style) at the pen: with glyphs
 * g[0..ng) when shaped glyphs is set (NULL and 0 for the letters of a
 * ligature after its first), else shaped alone. */
static void put(setter *s, int face, const layout_span *sp, const char *txt,
                size_t len, double w, int shaped, const sp_glyph *g, size_t ng)
{
	/* pending spaces join the run when they can be drawn in it: at
	 * their natural width, or as one justified U+0020 whose extra is the
	 * run's (every space of a run stretches alike) */
	int join =
	    s->have_pend && s->pend_merge &&
	    (!s->run_spaced ? 1 : fabs(s->pend_extra - s->run.extra) < 1e-9);
	if (s->have_run && same_style(&s->run, face, sp, s->level) &&
	    (!s->have_pend || join)) {
		if (s->have_pend) {
			buf_append(&s->text, s->pend.data ? s->pend.data : "",
			           s->pend.len);
			shape_piece(s, face, sp, s->pend.data, s->pend.len);
			s->run.extra = s->pend_extra;
			s->run_spaced = 1;
		}
		s->run.width = s->x + w - s->run.x;
	} else {
		/* a space left between two runs of different styles (in a
		 * left-to-right paragraph, where the runs keep their order) */
		int spaced = s->have_run && s->have_pend && s->pend_space &&
		             !s->p->bidi && !s->run.level && !s->level;
		flush(s);
		s->have_run = 1;
		s->run = (layout_run){.face = face,
		                      .size = sp->size,
		                      .color = sp->color,
		                      .link = sp->link,
		                      .x = s->x,
		                      .width = w,
		                      .level = (uint8_t)s->level,
		                      .space_before = (uint8_t)spaced};
		s->run_spaced = 0;
		buf_clear(&s->text);
	}
	buf_append(&s->text, txt, len);
	if (shaped)
		add_glyphs(s, g, ng);
	else
		shape_piece(s, face, sp, txt, len);
	s->x += w;
	s->have_pend = 0;
	s->pend_space = 0;
	s->pend_extra = 0;
	buf_clear(&s->pend);
}

/* Cluster k may be drawn right after cluster `prev` by extending the run
 * put() has just drawn prev in: shaped too, in the same span, face and
 * level, its bytes next to prev's and its glyphs (if it has any) at
 * *gend, where the glyphs added so far end (0: none yet). */
static int extends(const tx_para *p, uint32_t prev, uint32_t k, uint32_t *gend)
{
	const tx_cluster *a = &p->c[prev], *c = &p->c[k];
	if (!(c->ng || c->lig) || c->kind == CL_IGNORE || c->span != a->span ||
	    c->face != a->face || c->level != a->level ||
	    c->off != a->off + a->len)
		return 0;
	if (!c->ng)
		return 1;
	if (*gend && c->g0 != *gend)
		return 0;
	*gend = c->g0 + c->ng;
	return 1;
}

/* The shaped clusters after k that extends() lets join it, drawn at once:
 * what put() would do for each of them in turn (the pen advanced by each
 * width in the same order, so the same positions to the last bit).
 * Returns the last cluster drawn. */
static uint32_t put_following(setter *s, uint32_t k, uint32_t end)
{
	const tx_para *p = s->p;
	uint32_t gend = 0, g0 = 0, last = k;
	double x = s->x;
	while (last + 1 < end && extends(p, last, last + 1, &gend)) {
		const tx_cluster *c = &p->c[++last];
		if (c->ng && !g0)
			g0 = gend - c->ng + 1; /* +1: 0 means none */
		x += c->width;
	}
	if (last == k)
		return k;
	const tx_cluster *a = &p->c[k + 1], *z = &p->c[last];
	const char *text = s->spans[a->span].text;
	buf_append(&s->text, text + a->off, z->off + z->len - a->off);
	if (g0)
		add_glyphs(s, p->g + g0 - 1, gend - (g0 - 1));
	s->run.width = x - s->run.x;
	s->x = x;
	return last;
}

static void set_box(setter *s, const lb_item *x)
{
	for (uint32_t k = x->c0; k < x->c1; k++) {
		const tx_cluster *c = &s->p->c[k];
		if (c->kind == CL_IGNORE)
			continue;
		const layout_span *sp = &s->spans[c->span];
		s->level = c->level;
		if (c->ng || c->lig) { /* shaped: its bytes as they are */
			put(s, c->face, sp, sp->text + c->off, c->len, c->width,
			    1, c->ng ? s->p->g + c->g0 : NULL, c->ng);
			k = put_following(s, k, x->c1);
			continue;
		}
		buf_clear(&s->t->scratch);
		tx_cluster_text(s->t, s->spans, c, &s->t->scratch);
		put(s, c->face, sp, s->t->scratch.data, s->t->scratch.len,
		    c->width, 0, NULL, 0);
	}
}

static void set_glue(setter *s, const lb_item *x, double r)
{
	double gw = x->w + (r > 0 ? r * x->y : r * x->z);
	if (s->have_run) {
		int natural = fabs(gw - x->w) < 1e-12;
		int merge = 0;
		double extra = 0;
		if (x->c1 > x->c0) {
			const tx_cluster *c = &s->p->c[x->c0];
			merge = same_style(&s->run, c->face, &s->spans[c->span],
			                   c->level);
			if (!natural) /* justified: one U+0020, alone */
				merge = merge && !s->have_pend &&
				        x->c1 - x->c0 == 1 &&
				        c->kind == CL_SPACE && c->cp == 0x20;
			if (merge) {
				tx_cluster_text(s->t, s->spans, c, &s->pend);
				extra = natural ? 0 : gw - x->w;
			}
		} else {
			merge = natural && gw == 0;
		}
		if (x->c1 > x->c0 && s->p->c[x->c0].kind == CL_SPACE)
			s->pend_space = 1;
		s->pend_merge = s->have_pend ? s->pend_merge && merge : merge;
		if (merge && !s->have_pend)
			s->pend_extra = extra;
		else if (merge && extra != s->pend_extra)
			s->pend_merge = 0;
		s->have_pend = 1;
	}
	s->x += gw;
}

static void set_hyphen(setter *s, const lb_item *x)
{
	const layout_span *sp = &s->spans[s->p->c[x->c0].span];
	int face;
	uint32_t cp;
	double w;
	tx_hyphen(s->t, sp, &face, &cp, &w);
	s->level = s->p->c[x->c0].level;
	sp_buf h = SP_BUF_INIT;
	buf_put_utf8(&h, cp);
	s->have_pend = 0;
	put(s, face, sp, h.data, h.len, w, 0, NULL, 0);
	buf_free(&h);
	s->line->hyphenated = 1;
}

static void line_metrics(setter *s, const layout_para_style *st,
                         const layout_span *fallback)
{
	layout_line *l = s->line;
	double asc = 0, desc = 0, size = 0;
	for (size_t i = 0; i < l->nruns; i++) {
		const layout_run *r = &l->runs[i];
		double a = glyph_ascent(s->t->glyphs, r->face) * r->size / 1000;
		double d =
		    -glyph_descent(s->t->glyphs, r->face) * r->size / 1000;
		asc = a > asc ? a : asc;
		desc = d > desc ? d : desc;
		size = r->size > size ? r->size : size;
	}
	if (l->nruns == 0 && fallback) {
		int n;
		const int *ch = glyph_chain(s->t->fonts, fallback->family,
		                            fallback->variant, &n);
		int face = n ? ch[0] : s->t->fonts->subst_face;
		size = fallback->size;
		asc = glyph_ascent(s->t->glyphs, face) * size / 1000;
		desc = -glyph_descent(s->t->glyphs, face) * size / 1000;
	}
	l->ascent = asc;
	l->descent = desc;
	l->leading = st->leading > 0 ? st->leading : 1.2 * size;
	if (l->leading < asc + desc)
		l->leading = asc + desc;
}

/* Set items [b, e) broken at e, with glue ratio r; x from 0. */
static void set_items(setter *s, size_t b, size_t e, double r)
{
	const lb_items *it = s->it;
	s->x = 0;
	s->have_run = s->have_pend = s->pend_space = 0;
	s->pend_extra = 0;
	s->run_spaced = 0;
	buf_clear(&s->pend);
	for (size_t j = b; j < e && j < it->n; j++) {
		const lb_item *x = &it->v[j];
		if (x->type == IT_BOX)
			set_box(s, x);
		else if (x->type == IT_GLUE)
			set_glue(s, x, r);
	}
	if (e < it->n && it->v[e].type == IT_PEN && it->v[e].w > 0)
		set_hyphen(s, &it->v[e]);
	flush(s);
}

double layout_line_end(const layout_line *l)
{
	double w = 0;
	for (size_t i = 0; i < l->nruns; i++)
		if (l->runs[i].x + l->runs[i].width > w)
			w = l->runs[i].x + l->runs[i].width;
	return w;
}

static void align_line(layout_line *l, const layout_para_style *st,
                       double indent, double avail, int rtl)
{
	/* a right-to-left paragraph is set from the right, its first-line
	 * indent on the right (the start side): the line is set in
	 * [0, avail] */
	double w = layout_line_end(l), off = rtl ? 0 : indent;
	int right =
	    st->align == ALIGN_RIGHT ||
	    (rtl && (st->align == ALIGN_LEFT || st->align == ALIGN_JUSTIFY));
	if (right && avail > w)
		off += avail - w;
	else if (st->align == ALIGN_CENTER && avail > w)
		off += (avail - w) / 2;
	for (size_t i = 0; i < l->nruns; i++)
		l->runs[i].x += off;
	l->width = off + w;
}

static size_t line_clusters(const lb_items *it, size_t b, size_t e)
{
	size_t n = 0;
	for (size_t j = b; j < e && j < it->n; j++)
		if (it->v[j].type == IT_BOX)
			n += it->v[j].count;
	return n;
}

/* The span whose size gives an empty line its height. */
static const layout_span *line_span(const setter *s, size_t b, size_t e)
{
	size_t j = b < s->it->n ? b : e;
	if (j >= s->it->n || s->p->n == 0)
		return NULL;
	uint32_t c = s->it->v[j].c0;
	if (c >= s->p->n)
		c = (uint32_t)s->p->n - 1;
	return &s->spans[s->p->c[c].span];
}

static int forced_break(const lb_items *it, size_t e)
{
	return e < it->n && it->v[e].type == IT_PEN &&
	       it->v[e].penalty <= -LB_INF_PENALTY;
}

/* Set all lines; returns 0 when some line (of more than one grapheme)
 * came out wider than its measure. */
static int set_lines(setter *s, const size_t *brk, size_t nb,
                     const layout_para_style *st, double width,
                     layout_lines *out)
{
	int ok = 1;
	out->lines = xcalloc(nb ? nb : 1, sizeof *out->lines);
	out->n = nb;
	out->rtl = s->p->rtl;
	size_t b = 0;
	for (size_t i = 0; i < nb; i++) {
		double indent = i == 0 ? st->first_indent : 0;
		double avail = width - indent;
		size_t e = brk[i];
		double r =
		    lb_ratio(s->it, b, e, avail, st->align == ALIGN_JUSTIFY);
		if (r > SET_MAX_RATIO) /* the last pass's loose line: set
		                        * short rather than gappy */
			r = SET_MAX_RATIO;
		s->line = &out->lines[i];
		s->caprun = 0;
		set_items(s, b, e, r);
		if (s->line->nruns && s->line->nruns < s->caprun) /* fit */
			s->line->runs =
			    xrealloc(s->line->runs,
			             s->line->nruns * sizeof *s->line->runs);
		double w = layout_line_end(s->line);
		if (w > avail + WIDTH_EPS && line_clusters(s->it, b, e) > 1)
			ok = 0;
		if (s->p->bidi)
			tx_reorder_line(s->line);
		align_line(s->line, st, indent, avail, s->p->rtl);
		line_metrics(s, st, line_span(s, b, e));
		s->line->wrapped = i + 1 < nb && !forced_break(s->it, e);
		b = lb_line_start(s->it, e);
	}
	return ok;
}

/* ---- breaking ---- */

static long choose_breaks(layout_text_ctx *t, const layout_span *spans,
                          const tx_para *p, const layout_para_style *st,
                          double em, lb_items *it, lb_params *lp, size_t **brk)
{
	items_opts o = {st->align == ALIGN_JUSTIFY, st->preserve_space,
	                st->hyphenate && t->hyph, 0};
	long n;
	lp->tolerance = PRETOLERANCE;
	n = lb_total_fit(it, lp, brk);
	if (n == -1) {
		/* preserved text (code) keeps its looser second pass and
		 * goes on to the last one: it is never justified */
		lp->tolerance = st->preserve_space ? CODE_TOLERANCE : TOLERANCE;
		lp->use_hyph = 1;
		n = lb_total_fit(it, lp, brk);
	}
	if (n == -1 && !st->preserve_space) {
		lp->emergency_stretch = EMERGENCY_STRETCH_EM * em;
		n = lb_total_fit(it, lp, brk);
	}
	if (n == -1 || n == -2) {
		free(*brk);
		o.emergency_width =
		    lp->first_width < lp->width ? lp->first_width : lp->width;
		if (o.emergency_width <= 0)
			o.emergency_width = 1e-9;
		items_build(t, spans, p, &o, it);
		lp->final_pass = 1;
		lp->use_hyph = 1;
		lp->emergency_stretch = 0; /* real badness decides */
		if (n == -1)
			n = lb_total_fit(it, lp, brk);
		if (n < 0) {
			free(*brk);
			n = lb_greedy(it, lp, brk);
		}
	}
	return n;
}

static double base_size(const layout_span *spans, size_t nspans)
{
	for (size_t i = 0; i < nspans; i++)
		if (spans[i].len)
			return spans[i].size;
	return nspans ? spans[0].size : 10;
}

static void keep_scratch(layout_text_ctx *t, const tx_para *p,
                         const lb_items *it)
{
	t->para_c = p->c;
	t->para_cap = p->cap;
	t->para_g = p->g;
	t->para_capg = p->capg;
	t->items_v = it->v;
	t->items_cap = it->cap;
}

/* Breaks the analysed paragraph p (items it, built with opts o). */
static void break_analysed(layout_text_ctx *t, const layout_span *spans,
                           size_t nspans, const layout_para_style *st,
                           double width, tx_para *p, lb_items *it, items_opts o,
                           layout_lines *out)
{
	if (it->n <= 1) /* nothing but spaces */
		return;
	lb_params lp;
	lb_params_default(&lp);
	lp.first_width = width - st->first_indent;
	lp.width = width;
	double em = base_size(spans, nspans);
	if (st->align != ALIGN_JUSTIFY || st->preserve_space)
		lp.finish_stretch = RAGGED_STRETCH_EM * em;
	else
		lp.max_ratio = MAX_RATIO;
	size_t *brk = NULL;
	long nb = choose_breaks(t, spans, p, st, em, it, &lp, &brk);
	setter s = setter_make(t, spans, p, it);
	if (!set_lines(&s, brk, (size_t)nb, st, width, out)) {
		/* a safety net that should never be needed */
		layout_lines_free(out);
		free(brk);
		o.emergency_width =
		    lp.first_width < lp.width ? lp.first_width : lp.width;
		items_build(t, spans, p, &o, it);
		lp.use_hyph = 0;
		nb = lb_greedy(it, &lp, &brk);
		set_lines(&s, brk, (size_t)nb, st, width, out);
	}
	free(brk);
	setter_done(&s);
}

static items_opts opts_for(const layout_text_ctx *t,
                           const layout_para_style *st)
{
	items_opts o = {st->align == ALIGN_JUSTIFY, st->preserve_space,
	                st->hyphenate && t->hyph, 0};
	return o;
}

int layout_break(layout_text_ctx *t, const layout_span *spans, size_t nspans,
                 const layout_para_style *st, double width, layout_lines *out)
{
	/* the cluster and item arrays of the previous paragraph are reused */
	tx_para p = {t->para_c, 0, t->para_cap, t->para_g, 0, t->para_capg};
	lb_items it = {t->items_v, 0, t->items_cap};
	out->lines = NULL;
	out->n = 0;
	out->rtl = 0;
	if (!(width >= 0)) /* negative or NaN: one grapheme per line */
		width = 0;
	tx_analyze(t, spans, nspans, st->preserve_space, &p);
	items_opts o = opts_for(t, st);
	items_build(t, spans, &p, &o, &it);
	break_analysed(t, spans, nspans, st, width, &p, &it, o, out);
	keep_scratch(t, &p, &it);
	return 0;
}

struct layout_pre {
	tx_para p;
	lb_items it;
};

/* n elements of size bytes from v into the array *dst (capacity *cap,
 * grown as needed). */
static void copy_into(void **dst, size_t *cap, const void *v, size_t n,
                      size_t size)
{
	*dst = xgrow(*dst, cap, n, size);
	if (n)
		memcpy(*dst, v, n * size);
}

/* The analysis is made in t's scratch arrays (grown once, for the
 * longest paragraph, and warm in the cache) and copied into the arrays
 * of `reuse` (an analysis made before and handed back) or of a new one:
 * once the helper has a few to recycle, nothing is allocated. */
layout_pre *layout_pre_make(layout_text_ctx *t, const layout_span *spans,
                            size_t nspans, const layout_para_style *st,
                            layout_pre *reuse)
{
	tx_para p = {t->para_c, 0, t->para_cap, t->para_g, 0, t->para_capg};
	lb_items it = {t->items_v, 0, t->items_cap};
	t->would_warn = 0;
	tx_analyze(t, spans, nspans, st->preserve_space, &p);
	items_opts o = opts_for(t, st);
	if (!t->would_warn)
		items_build(t, spans, &p, &o, &it);
	keep_scratch(t, &p, &it);
	if (t->would_warn)
		return NULL;
	layout_pre *pre = reuse ? reuse : xcalloc(1, sizeof *pre);
	tx_para keep = pre->p;
	pre->p = p;
	pre->p.c = keep.c;
	pre->p.cap = keep.cap;
	pre->p.g = keep.g;
	pre->p.capg = keep.capg;
	copy_into((void **)&pre->p.c, &pre->p.cap, p.c, p.n, sizeof *p.c);
	copy_into((void **)&pre->p.g, &pre->p.capg, p.g, p.ng, sizeof *p.g);
	copy_into((void **)&pre->it.v, &pre->it.cap, it.v, it.n, sizeof *it.v);
	pre->it.n = it.n;
	return pre;
}

void layout_pre_free(layout_pre *pre)
{
	if (!pre)
		return;
	tx_para_free(&pre->p);
	items_free(&pre->it);
	free(pre);
}

int layout_break_pre(layout_text_ctx *t, const layout_span *spans,
                     size_t nspans, const layout_para_style *st, double width,
                     layout_pre *pre, layout_lines *out)
{
	out->lines = NULL;
	out->n = 0;
	out->rtl = 0;
	if (!(width >= 0))
		width = 0;
	break_analysed(t, spans, nspans, st, width, &pre->p, &pre->it,
	               opts_for(t, st), out);
	return 0;
}

int layout_single_line(layout_text_ctx *t, const layout_span *spans,
                       size_t nspans, layout_line *out)
{
	tx_para p = {t->para_c, 0, t->para_cap, t->para_g, 0, t->para_capg};
	lb_items it = {t->items_v, 0, t->items_cap};
	layout_para_style st = {ALIGN_LEFT, 0, 0, 0, 0};
	memset(out, 0, sizeof *out);
	tx_analyze(t, spans, nspans, 0, &p);
	items_opts o = {0, 0, 0, 0};
	items_build(t, spans, &p, &o, &it);
	setter s = setter_make(t, spans, &p, &it);
	s.line = out;
	set_items(&s, 0, it.n ? it.n - 1 : 0, 0);
	if (p.bidi)
		tx_reorder_line(out);
	out->width = layout_line_end(out);
	line_metrics(&s, &st, nspans ? &spans[0] : NULL);
	setter_done(&s);
	keep_scratch(t, &p, &it);
	return 0;
}

double layout_measure(layout_text_ctx *t, const layout_span *span)
{
	layout_line l;
	layout_single_line(t, span, 1, &l);
	double w = l.width;
	layout_line_free(&l);
	return w;
}
