/* linebreak.c - Knuth-Plass total fit (Knuth & Plass 1981, TeX's
 * line_break): active breakpoints, fitness classes, adjacent-class,
 * consecutive-hyphen and final-hyphen demerits, an emergency stretch
 * and a bound on how far a line's glue may stretch.
 *
 * Lines after the first all have the same width, so one active node per
 * (position, fitness class) suffices and the active list is bounded by
 * the breakpoints within one line's reach. A cap on the active list
 * protects against pathological input (huge measures with tiny boxes):
 * beyond it the caller falls back to first fit. */
#include "layout/linebreak.h"

#include <math.h>
#include <stdlib.h>

#include "util/mem.h"

void lb_params_default(lb_params *p)
{
	p->first_width = p->width = 0;
	p->finish_stretch = 0;
	p->tolerance = 200;
	p->use_hyph = 0;
	p->final_pass = 0;
	p->emergency_stretch = 0;
	p->max_ratio = 0;
	p->active_cap = 5000;
	p->line_penalty = 10;
	p->double_hyphen_demerits = 10000; /* TeX's \doublehyphendemerits */
	p->final_hyphen_demerits = 5000;
	p->adj_demerits = 10000;
}

#define LOOSE_DEMERITS 1e10 /* a line beyond max_ratio in the last pass */

typedef struct lb_node {
	size_t pos;        /* item index of the break; SIZE_MAX = start */
	size_t prev;       /* node index, SIZE_MAX = none */
	double tw, ty, tz; /* totals after the break */
	size_t tc;         /* visible clusters before the next line */
	double demerits;
	long line; /* lines ended so far */
	int fitness;
	int flagged;
} lb_node;

typedef struct sums {
	double *w, *y, *z;
	size_t *c;
} sums;

static void sums_init(sums *s, const lb_items *it)
{
	size_t n = it->n;
	s->w = xmalloc((n + 1) * sizeof *s->w);
	s->y = xmalloc((n + 1) * sizeof *s->y);
	s->z = xmalloc((n + 1) * sizeof *s->z);
	s->c = xmalloc((n + 1) * sizeof *s->c);
	s->w[0] = s->y[0] = s->z[0] = 0;
	s->c[0] = 0;
	for (size_t i = 0; i < n; i++) {
		const lb_item *x = &it->v[i];
		int g = x->type == IT_GLUE, b = x->type == IT_BOX;
		s->w[i + 1] = s->w[i] + (g || b ? x->w : 0);
		s->y[i + 1] = s->y[i] + (g ? x->y : 0);
		s->z[i + 1] = s->z[i] + (g ? x->z : 0);
		s->c[i + 1] = s->c[i] + (b ? x->count : 0);
	}
}

static void sums_free(sums *s)
{
	free(s->w);
	free(s->y);
	free(s->z);
	free(s->c);
}

static int is_forced(const lb_item *x)
{
	return x->type == IT_PEN && x->penalty <= -LB_INF_PENALTY;
}

static int legal(const lb_items *it, size_t i, int use_hyph)
{
	const lb_item *x = &it->v[i];
	if (x->type == IT_GLUE)
		return i > 0 && it->v[i - 1].type == IT_BOX;
	if (x->type == IT_PEN)
		return x->penalty < LB_INF_PENALTY && (use_hyph || !x->hyph);
	return 0;
}

/* Totals after a break at b: skip the glue and penalties that vanish. */
static void after_break(const lb_items *it, const sums *s, size_t b,
                        lb_node *nd)
{
	size_t j = b;
	for (; j < it->n; j++) {
		const lb_item *x = &it->v[j];
		if (x->type == IT_BOX || (j > b && is_forced(x)))
			break;
	}
	nd->tw = s->w[j];
	nd->ty = s->y[j];
	nd->tz = s->z[j];
	nd->tc = s->c[j];
}

size_t lb_line_start(const lb_items *it, size_t b)
{
	size_t j = b + 1;
	while (j < it->n && it->v[j].type != IT_BOX && !is_forced(&it->v[j]))
		j++;
	return j;
}

typedef struct fit {
	double r, bad;
	int overfull, cls;
} fit;

static fit line_fit(double shortfall, double stretch, double shrink, int forced)
{
	fit f = {0, 0, 0, 2};
	if (shortfall > 1e-9) {
		if (forced) {
			f.r = 0;
		} else if (stretch <= 0) {
			f.r = INFINITY;
			f.bad = LB_INF_BAD;
		} else {
			f.r = shortfall / stretch;
			f.bad = f.r > 4.65 ? LB_INF_BAD : 100 * f.r * f.r * f.r;
		}
		f.cls = f.bad > 99 ? 0 : f.bad > 12 ? 1 : 2;
	} else if (shortfall < -1e-9) {
		if (shrink <= 0 || -shortfall > shrink + 1e-9) {
			f.overfull = 1;
			f.r = -INFINITY;
			f.bad = LB_INF_BAD;
			f.cls = 3;
			return f;
		}
		f.r = shortfall / shrink;
		f.bad = -100 * f.r * f.r * f.r;
		f.cls = f.bad > 12 ? 3 : 2;
	}
	return f;
}

typedef struct kp {
	const lb_items *it;
	const lb_params *p;
	sums s;
	lb_node *nodes;
	size_t nnodes, capnodes;
	size_t *act;
	size_t nact, capact;
} kp;

static size_t new_node(kp *k)
{
	k->nodes =
	    xgrow(k->nodes, &k->capnodes, k->nnodes + 1, sizeof *k->nodes);
	return k->nnodes++;
}

static double demerits(const kp *k, const lb_node *a, const lb_item *x,
                       size_t i, const fit *f)
{
	const lb_params *p = k->p;
	double d = (p->line_penalty + f->bad) * (p->line_penalty + f->bad);
	if (x->type == IT_PEN && x->penalty > 0)
		d += (double)x->penalty * x->penalty;
	else if (x->type == IT_PEN && x->penalty > -LB_INF_PENALTY)
		d -= (double)x->penalty * x->penalty;
	if (x->type == IT_PEN && x->flagged && a->flagged)
		d += p->double_hyphen_demerits;
	if (i + 1 == k->it->n && a->flagged)
		d += p->final_hyphen_demerits;
	if (abs(f->cls - a->fitness) > 1)
		d += p->adj_demerits;
	return d + a->demerits;
}

/* The glue of the line would stretch beyond max_ratio. */
static int too_loose(const lb_params *p, double shortfall, double stretch,
                     int forced)
{
	if (p->max_ratio <= 0 || forced || shortfall <= 1e-9)
		return 0;
	return stretch <= 0 || shortfall > p->max_ratio * stretch + 1e-9;
}

/* Try every active node against breakpoint i; returns 0 when the active
 * list empties. */
static int try_break(kp *k, size_t i)
{
	const lb_item *x = &k->it->v[i];
	const lb_params *p = k->p;
	double pw = x->type == IT_PEN ? x->w : 0;
	int forced = is_forced(x);
	double best[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
	size_t from[4] = {0, 0, 0, 0};
	size_t keep = 0;
	for (size_t a = 0; a < k->nact; a++) {
		lb_node *nd = &k->nodes[k->act[a]];
		double width = nd->line == 0 ? p->first_width : p->width;
		double L = k->s.w[i] - nd->tw + pw;
		double Y = k->s.y[i] - nd->ty + p->finish_stretch;
		double Z = k->s.z[i] - nd->tz;
		fit f =
		    line_fit(width - L, Y + p->emergency_stretch, Z, forced);
		/* the one overfull line allowed: a lone grapheme, no hyphen */
		int single = k->s.c[i] - nd->tc <= 1 && pw == 0;
		int ok = !f.overfull || (p->final_pass && single);
		int loose = too_loose(p, width - L, Y, forced);
		if (!p->final_pass && loose)
			ok = 0;
		if (ok && (f.bad <= p->tolerance || p->final_pass)) {
			/* the last pass takes a line too loose only where no
			 * other breaks exist */
			double d = demerits(k, nd, x, i, &f) +
			           (loose ? LOOSE_DEMERITS : 0);
			if (d < best[f.cls]) {
				best[f.cls] = d;
				from[f.cls] = k->act[a];
			}
		}
		if (!f.overfull && !forced)
			k->act[keep++] = k->act[a];
	}
	k->nact = keep;
	double dmin = INFINITY;
	for (int c = 0; c < 4; c++)
		dmin = best[c] < dmin ? best[c] : dmin;
	for (int c = 0; c < 4; c++) {
		if (best[c] == INFINITY || best[c] > dmin + p->adj_demerits)
			continue;
		size_t ni = new_node(k);
		lb_node *nd = &k->nodes[ni];
		nd->pos = i;
		nd->prev = from[c];
		nd->demerits = best[c];
		nd->line = k->nodes[from[c]].line + 1;
		nd->fitness = c;
		nd->flagged = x->type == IT_PEN && x->flagged;
		after_break(k->it, &k->s, i, nd);
		k->act = xgrow(k->act, &k->capact, k->nact + 1, sizeof *k->act);
		k->act[k->nact++] = ni;
	}
	return k->nact > 0;
}

static long collect(const kp *k, size_t best, size_t **breaks)
{
	long n = 0;
	for (size_t j = best; k->nodes[j].pos != SIZE_MAX; j = k->nodes[j].prev)
		n++;
	size_t *b = xmalloc((size_t)(n ? n : 1) * sizeof *b);
	long m = n;
	for (size_t j = best; k->nodes[j].pos != SIZE_MAX; j = k->nodes[j].prev)
		b[--m] = k->nodes[j].pos;
	*breaks = b;
	return n;
}

long lb_total_fit(const lb_items *it, const lb_params *p, size_t **breaks)
{
	kp k = {it, p, {0}, NULL, 0, 0, NULL, 0, 0};
	long ret = -1;
	*breaks = NULL;
	if (it->n == 0 || !is_forced(&it->v[it->n - 1]))
		return -1;
	sums_init(&k.s, it);
	size_t s0 = new_node(&k);
	k.nodes[s0] = (lb_node){SIZE_MAX, SIZE_MAX, 0, 0, 0, 0, 0, 0, 2, 0};
	k.act = xgrow(k.act, &k.capact, 1, sizeof *k.act);
	k.act[k.nact++] = s0;
	for (size_t i = 0; i < it->n; i++) {
		if (!legal(it, i, p->use_hyph))
			continue;
		if (!try_break(&k, i))
			goto done;
		if (k.nact > p->active_cap) {
			ret = -2;
			goto done;
		}
	}
	size_t best = SIZE_MAX;
	for (size_t a = 0; a < k.nact; a++) {
		const lb_node *nd = &k.nodes[k.act[a]];
		if (nd->pos == it->n - 1 &&
		    (best == SIZE_MAX || nd->demerits < k.nodes[best].demerits))
			best = k.act[a];
	}
	if (best != SIZE_MAX)
		ret = collect(&k, best, breaks);
done:
	sums_free(&k.s);
	free(k.nodes);
	free(k.act);
	return ret;
}

long lb_greedy(const lb_items *it, const lb_params *p, size_t **breaks)
{
	sums s;
	size_t nb = 0, capb = 0, *b = NULL;
	lb_node cur = {SIZE_MAX, SIZE_MAX, 0, 0, 0, 0, 0, 0, 2, 0};
	size_t last_ok = SIZE_MAX;
	sums_init(&s, it);
	for (size_t i = 0; i < it->n; i++) {
		if (!legal(it, i, p->use_hyph))
			continue;
		const lb_item *x = &it->v[i];
		double width = cur.line == 0 ? p->first_width : p->width;
		double L = s.w[i] - cur.tw + (x->type == IT_PEN ? x->w : 0);
		double Z = s.z[i] - cur.tz;
		int fits = L - Z <= width + 1e-9;
		int single = s.c[i] - cur.tc <= 1;
		size_t at = SIZE_MAX;
		if (!fits && last_ok != SIZE_MAX)
			at = last_ok;
		else if (fits && !is_forced(x))
			last_ok = i;
		else
			at = i; /* forced, or one grapheme alone */
		(void)single;
		if (at == SIZE_MAX)
			continue;
		b = xgrow(b, &capb, nb + 1, sizeof *b);
		b[nb++] = at;
		after_break(it, &s, at, &cur);
		cur.line++;
		last_ok = SIZE_MAX;
		if (at != i)
			i = at; /* rescan from the new line's start */
	}
	sums_free(&s);
	*breaks = b;
	return (long)nb;
}

double lb_ratio(const lb_items *it, size_t s, size_t e, double width,
                int justify)
{
	double w = 0, y = 0, z = 0;
	if (!justify)
		return 0;
	for (size_t j = s; j < e && j < it->n; j++) {
		const lb_item *x = &it->v[j];
		if (x->type == IT_BOX || x->type == IT_GLUE)
			w += x->w;
		if (x->type == IT_GLUE) {
			y += x->y;
			z += x->z;
		}
	}
	int forced = e < it->n && is_forced(&it->v[e]);
	if (e < it->n && it->v[e].type == IT_PEN)
		w += it->v[e].w;
	double sf = width - w;
	if (sf > 0 && !forced && y > 0)
		return sf / y;
	if (sf < 0 && z > 0)
		return sf / z < -1 ? -1 : sf / z;
	return 0;
}
