/* cards_sheet.c - what a card sheet carries around the cards: crop marks
 * or a dashed grid, fold lines, the guidance line, and the calibration
 * sheet. */
#include "products/cards.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define MARK_GAP MM_PT(1.5) /* between a card's corner and its marks */
#define MARK_WIDTH 0.35     /* crop mark stroke, points */
#define MARK_COLOR 0x000000
#define GRID_WIDTH 0.3
#define GRID_COLOR 0x8a8a8a
#define FOLD_COLOR 0x5f6368
#define EDGE_SAFE MM_PT(4.0)   /* most printers print nothing closer */
#define GUIDE_CLEAR MM_PT(2.0) /* between the guidance line and a mark */
#define GUIDE_SIZE 6.5
#define GUIDE_MIN_SIZE 5.0

/* ---- text ---- */

static double text_width(sp_typeset *r, const layout_span *st, const char *text)
{
	layout_span s = *st;
	s.text = text;
	s.len = strlen(text);
	return layout_measure(r->text, &s);
}

/* ---- edges ---- */

typedef struct edges {
	double *xs, *ys; /* distinct card edges, sorted */
	size_t nx, ny;
	double x0, x1, y0, y1; /* extent of the cards */
} edges;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static size_t uniq(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || fabs(v[i] - v[k - 1]) > 0.05)
			v[k++] = v[i];
	return k;
}

static void edges_of(const cards_box *b, size_t n, edges *e)
{
	memset(e, 0, sizeof *e);
	e->xs = xcalloc(2 * n + 1, sizeof *e->xs);
	e->ys = xcalloc(2 * n + 1, sizeof *e->ys);
	e->x0 = e->y0 = 1e9;
	e->x1 = e->y1 = -1e9;
	for (size_t i = 0; i < n; i++) {
		e->xs[e->nx++] = b[i].x;
		e->xs[e->nx++] = b[i].x + b[i].w;
		e->ys[e->ny++] = b[i].y;
		e->ys[e->ny++] = b[i].y + b[i].h;
		e->x0 = fmin(e->x0, b[i].x);
		e->x1 = fmax(e->x1, b[i].x + b[i].w);
		e->y0 = fmin(e->y0, b[i].y);
		e->y1 = fmax(e->y1, b[i].y + b[i].h);
	}
	e->nx = uniq(e->xs, e->nx);
	e->ny = uniq(e->ys, e->ny);
}

static void edges_free(edges *e)
{
	free(e->xs);
	free(e->ys);
}

/* Fold lines of a fold-mode sheet: positions (x when vertical, else y)
 * of the fold and of the two card edges next to it. */
static int is_fold_edge(const sp_card_spec *s, double v, int vertical)
{
	int n = cards_per_sheet(s, CARDS_FOLD);
	for (int i = 0; i < n; i++) {
		cards_box f, b;
		cards_slot(s, CARDS_FOLD, i, &f, &b);
		double a = vertical ? f.x + f.w : f.y;
		double c = vertical ? b.x : b.y + b.h;
		if (fabs(v - a) < 0.05 || fabs(v - c) < 0.05)
			return 1;
	}
	return 0;
}

static void seg(sp_page *pg, double x1, double y1, double x2, double y2)
{
	if (fabs(x2 - x1) + fabs(y2 - y1) < 1.0)
		return;
	page_add_line(pg, x1, y1, x2, y2, MARK_WIDTH, MARK_COLOR);
}

static void crop_marks(sp_page *pg, const edges *e, const sp_card_spec *s,
                       cards_duplex m)
{
	int fold = m == CARDS_FOLD, fv = fold && cards_fold_vertical(s);
	for (size_t i = 0; i < e->nx; i++) {
		if (fv && is_fold_edge(s, e->xs[i], 1))
			continue;
		seg(pg, e->xs[i], 0, e->xs[i], e->y0 - MARK_GAP);
		seg(pg, e->xs[i], e->y1 + MARK_GAP, e->xs[i], pg->height);
	}
	for (size_t i = 0; i < e->ny; i++) {
		if (fold && !fv && is_fold_edge(s, e->ys[i], 0))
			continue;
		seg(pg, 0, e->ys[i], e->x0 - MARK_GAP, e->ys[i]);
		seg(pg, e->x1 + MARK_GAP, e->ys[i], pg->width, e->ys[i]);
	}
}

static void dashed_grid(sp_page *pg, const edges *e, const sp_card_spec *s,
                        cards_duplex m)
{
	int fold = m == CARDS_FOLD, fv = fold && cards_fold_vertical(s);
	for (size_t i = 0; i < e->nx; i++)
		if (!(fv && is_fold_edge(s, e->xs[i], 1)))
			page_add_dashed_line(pg, e->xs[i], e->y0, e->xs[i],
			                     e->y1, GRID_WIDTH, GRID_COLOR, 3,
			                     2);
	for (size_t i = 0; i < e->ny; i++)
		if (!(fold && !fv && is_fold_edge(s, e->ys[i], 0)))
			page_add_dashed_line(pg, e->x0, e->ys[i], e->x1,
			                     e->ys[i], GRID_WIDTH, GRID_COLOR,
			                     3, 2);
}

/* Fold lines: along the middle of the gap between a front and its back,
 * as long as the pair, dash-dotted so they read differently from cuts. */
static void fold_lines(sp_page *pg, const sp_card_spec *s)
{
	int n = cards_per_sheet(s, CARDS_FOLD), v = cards_fold_vertical(s);
	for (int i = 0; i < n; i++) {
		cards_box f, b;
		cards_slot(s, CARDS_FOLD, i, &f, &b);
		if (v) {
			double x = (f.x + f.w + b.x) / 2;
			page_add_dashed_line(pg, x, f.y, x, f.y + f.h, 0.5,
			                     FOLD_COLOR, 6, 3);
		} else {
			double y = (f.y + b.y + b.h) / 2;
			page_add_dashed_line(pg, f.x, y, f.x + f.w, y, 0.5,
			                     FOLD_COLOR, 6, 3);
		}
	}
}

void cards_draw_cut_marks(sp_page *pg, const cards_box *boxes, size_t n,
                          const sp_card_spec *s, cards_duplex m, int grid)
{
	if (!n)
		return;
	edges e;
	edges_of(boxes, n, &e);
	if (grid)
		dashed_grid(pg, &e, s, m);
	else
		crop_marks(pg, &e, s, m);
	if (m == CARDS_FOLD)
		fold_lines(pg, s);
	edges_free(&e);
}

/* ---- the guidance line ---- */

typedef struct gap {
	double x0, x1; /* free interval */
} gap;

/* The widest interval of [EDGE_SAFE, W - EDGE_SAFE] clear of the vertical
 * crop marks (every x edge runs through the top and bottom margins). */
static gap widest_gap(const edges *e, double w)
{
	gap best = {0, 0};
	double from = EDGE_SAFE;
	for (size_t i = 0; i <= e->nx; i++) {
		double to = i < e->nx ? e->xs[i] - GUIDE_CLEAR : w - EDGE_SAFE;
		if (to - from > best.x1 - best.x0) {
			best.x0 = from;
			best.x1 = to;
		}
		if (i < e->nx)
			from = e->xs[i] + GUIDE_CLEAR;
	}
	return best;
}

#define GUIDE_MAX_LINES 4
#define GUIDE_SEP " \xC2\xB7 " /* " · " */

/* Pack the " · "-separated parts of text greedily into lines no wider
 * than w. Returns the number of lines (written to out), or 0 when a part
 * alone is too wide or more than GUIDE_MAX_LINES are needed. */
static int pack_guidance(sp_typeset *r, const layout_span *st, const char *text,
                         double w, char out[GUIDE_MAX_LINES][256])
{
	int n = 0;
	const char *p = text;
	out[0][0] = 0;
	while (*p) {
		const char *q = strstr(p, GUIDE_SEP);
		size_t len = q ? (size_t)(q - p) : strlen(p);
		char cand[512];
		snprintf(cand, sizeof cand, "%s%s%.*s", out[n],
		         out[n][0] ? GUIDE_SEP : "", (int)len, p);
		if (text_width(r, st, cand) <= w && strlen(cand) < 256) {
			memcpy(out[n], cand, strlen(cand) + 1);
		} else {
			if (!out[n][0] || n + 1 >= GUIDE_MAX_LINES)
				return 0;
			n++;
			snprintf(out[n], 256, "%.*s", (int)len, p);
			if (text_width(r, st, out[n]) > w)
				return 0;
		}
		p += len;
		if (q)
			p += strlen(GUIDE_SEP);
	}
	return n + 1;
}

void cards_draw_guidance(sp_typeset *r, sp_page *pg, const cards_box *boxes,
                         size_t n, const char *text)
{
	edges e;
	edges_of(boxes, n, &e);
	gap g = widest_gap(&e, pg->width);
	double bottom = e.y0, top = pg->height - e.y1;
	edges_free(&e);
	double margin = bottom >= top ? bottom : top;
	layout_span st =
	    typeset_span(FAMILY_HEADING, 0, GUIDE_SIZE, r->tpl->color_muted);
	char lines[GUIDE_MAX_LINES][256];
	int nl = 0;
	double lead = 0;
	for (; st.size >= GUIDE_MIN_SIZE - 1e-9; st.size -= 0.5) {
		nl = pack_guidance(r, &st, text, g.x1 - g.x0, lines);
		lead = st.size * 1.25;
		if (nl && nl * lead + MARK_GAP <= margin)
			break;
		nl = 0;
	}
	if (!nl) {
		diag_warning(
		    r->d, sp_loc_make(NULL, 0, 0),
		    "no room for the guidance line in the sheet margin");
		return;
	}
	/* a block of nl lines centred in the margin, kept off the printer's
	 * unprintable edge when there is room; block_lo is its distance from
	 * the paper's edge */
	double block = nl * lead;
	double block_lo = (margin - block) / 2;
	if (block_lo < EDGE_SAFE)
		block_lo = fmin(EDGE_SAFE, margin - block - MARK_GAP);
	double lo = bottom >= top ? block_lo : pg->height - block_lo - block;
	for (int i = 0; i < nl; i++) {
		double base = lo + block - (i + 1) * lead +
		              (lead - st.size) / 2 + st.size * 0.22;
		double w = text_width(r, &st, lines[i]);
		typeset_draw_text(r, pg, &st, lines[i], (g.x0 + g.x1 - w) / 2,
		                  base, ALIGN_LEFT);
	}
}

/* ---- shifting a back page ---- */

void cards_shift_page(sp_page *pg, double dx, double dy)
{
	for (size_t i = 0; i < pg->ntexts; i++) {
		pg->texts[i].x += dx;
		pg->texts[i].y += dy;
	}
	for (size_t i = 0; i < pg->nlines; i++) {
		pg->lines[i].x1 += dx;
		pg->lines[i].x2 += dx;
		pg->lines[i].y1 += dy;
		pg->lines[i].y2 += dy;
	}
	for (size_t i = 0; i < pg->nrects; i++) {
		pg->rects[i].x += dx;
		pg->rects[i].y += dy;
	}
	for (size_t i = 0; i < pg->nlinks; i++) {
		pg->links[i].x += dx;
		pg->links[i].y += dy;
	}
	for (size_t i = 0; i < pg->ndests; i++)
		pg->dests[i].y += dy;
}
