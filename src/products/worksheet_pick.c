/* worksheet_pick.c - which questions a worksheet gets: --mix, --minutes,
 * --count, seeded per candidate; seeds, variant codes and slugs. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "corpus/select.h"
#include "products/worksheet.h"
#include "util/buf.h"
#include "util/mem.h"

#define WS_MAX_MINUTES 100000 /* largest --minutes */

void ws_pick_opts_init(ws_pick_opts *o)
{
	memset(o, 0, sizeof *o);
	o->minutes = -1;
	o->count = -1;
	o->default_minutes = 5;
}

void ws_pick_opts_free(ws_pick_opts *o)
{
	free(o->mix.cats);
	free(o->mix.counts);
	memset(&o->mix, 0, sizeof o->mix);
}

int ws_question_minutes(const sp_question *q, const sp_template *t)
{
	if (q->minutes > 0)
		return q->minutes;
	return t && t->worksheet_minutes > 0 ? t->worksheet_minutes : 5;
}

static long find_category(const sp_corpus *c, const char *s, size_t len)
{
	for (size_t i = 0; i < c->ncategories; i++) {
		const sp_category *k = &c->categories[i];
		if ((strlen(k->id) == len && !strncmp(k->id, s, len)) ||
		    (k->name && strlen(k->name) == len &&
		     !strncasecmp(k->name, s, len)))
			return (long)i;
	}
	return -1;
}

static int mix_item(const sp_corpus *c, const char *s, size_t len, ws_mix *m,
                    sp_diag *d)
{
	const char *eq = memchr(s, '=', len);
	sp_loc nol = sp_loc_make(NULL, 0, 0);
	if (!eq || eq == s) {
		diag_error(d, nol, "--mix: expected CATEGORY=COUNT, got '%.*s'",
		           (int)len, s);
		return -1;
	}
	long cat = find_category(c, s, (size_t)(eq - s));
	if (cat < 0) {
		sp_buf known = SP_BUF_INIT;
		for (size_t i = 0; i < c->ncategories; i++)
			buf_printf(&known, "%s%s", i ? ", " : "",
			           c->categories[i].id);
		diag_error(d, nol, "--mix: unknown category '%.*s' (known: %s)",
		           (int)(eq - s), s, known.data ? known.data : "none");
		buf_free(&known);
		return WS_MIX_UNKNOWN;
	}
	char num[32];
	size_t nl = len - (size_t)(eq - s) - 1;
	if (nl == 0 || nl >= sizeof num) {
		diag_error(d, nol, "--mix: bad count in '%.*s'", (int)len, s);
		return -1;
	}
	memcpy(num, eq + 1, nl);
	num[nl] = 0;
	char *end;
	errno = 0;
	long v = strtol(num, &end, 10);
	if (*end || errno || v < 0 || v > 100000 ||
	    !isdigit((unsigned char)num[0])) {
		diag_error(d, nol, "--mix: bad count in '%.*s'", (int)len, s);
		return -1;
	}
	for (size_t i = 0; i < m->n; i++)
		if (m->cats[i] == (size_t)cat) {
			diag_error(d, nol, "--mix: category '%s' given twice",
			           c->categories[cat].id);
			return -1;
		}
	m->cats = xrealloc(m->cats, (m->n + 1) * sizeof(size_t));
	m->counts = xrealloc(m->counts, (m->n + 1) * sizeof(long));
	m->cats[m->n] = (size_t)cat;
	m->counts[m->n++] = v;
	return 0;
}

int ws_parse_mix(const sp_corpus *c, const char *spec, ws_mix *m, sp_diag *d)
{
	const char *p = spec;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		int rc = len ? mix_item(c, p, len, m, d) : 0;
		if (rc < 0)
			return rc;
		p += len + (e ? 1 : 0);
	}
	if (m->n == 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "--mix: expected CATEGORY=COUNT[,...]");
		return -1;
	}
	return 0;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Restore pool order: positions in the pool, sorted. */
static void finish(const size_t *pool, size_t *pos, size_t n, size_t **out,
                   size_t *nout)
{
	qsort(pos, n, sizeof *pos, cmp_size);
	size_t *v = xmalloc((n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		v[i] = pool[pos[i]];
	*out = v;
	*nout = n;
}

static void report(sp_diag *d, sp_loc loc, const char *who, const char *msg)
{
	if (who)
		diag_error(d, loc, "%s: %s", who, msg);
	else
		diag_error(d, loc, "%s", msg);
}

static int pick_mix(const sp_corpus *c, const size_t *order, size_t n,
                    const size_t *pool, const ws_pick_opts *o, sp_loc loc,
                    const char *who, size_t *pos, size_t *npos, sp_diag *d)
{
	for (size_t k = 0; k < o->mix.n; k++) {
		long want = o->mix.counts[k], got = 0;
		for (size_t i = 0; i < n && got < want; i++)
			if (c->questions[pool[order[i]]].category ==
			    o->mix.cats[k]) {
				pos[(*npos)++] = order[i];
				got++;
			}
		if (got < want) {
			char msg[256];
			snprintf(msg, sizeof msg,
			         "--mix asks for %ld %s question%s, but the "
			         "selection has only %ld",
			         want, c->categories[o->mix.cats[k]].id,
			         want == 1 ? "" : "s", got);
			report(d, loc, who, msg);
			return -1;
		}
	}
	return 0;
}

/* Subset of the shuffled items whose minutes sum closest to the limit
 * without going over: can[i][t] says whether items i.. can make exactly
 * t; walking the items in shuffled order, an item is taken whenever the
 * rest can still make up the remainder. */
static int pick_minutes(const sp_corpus *c, const size_t *order, size_t n,
                        const size_t *pool, const ws_pick_opts *o, sp_loc loc,
                        const char *who, size_t *pos, size_t *npos, sp_diag *d)
{
	size_t lim = (size_t)o->minutes, w = lim + 1;
	int *m = xmalloc((n ? n : 1) * sizeof(int));
	long total = 0;
	for (size_t i = 0; i < n; i++) {
		const sp_question *q = &c->questions[pool[order[i]]];
		m[i] = q->minutes > 0 ? q->minutes : o->default_minutes;
		total += m[i];
	}
	char msg[256];
	if (total < o->minutes) {
		snprintf(msg, sizeof msg,
		         "--minutes %ld asks for more than the selection "
		         "holds (%ld minutes in %zu questions)",
		         o->minutes, total, n);
		report(d, loc, who, msg);
		free(m);
		return -1;
	}
	unsigned char *can = xcalloc((n + 1) * w, 1);
	can[n * w] = 1;
	for (size_t i = n; i-- > 0;)
		for (size_t t = 0; t < w; t++)
			can[i * w + t] = can[(i + 1) * w + t] ||
			                 (t >= (size_t)m[i] &&
			                  can[(i + 1) * w + t - (size_t)m[i]]);
	size_t best = lim;
	while (best > 0 && !can[best])
		best--;
	if (best == 0) {
		snprintf(msg, sizeof msg,
		         "no question of the selection fits in %ld minutes",
		         o->minutes);
		report(d, loc, who, msg);
		free(can);
		free(m);
		return -1;
	}
	size_t rest = best;
	for (size_t i = 0; i < n && rest > 0; i++)
		if (rest >= (size_t)m[i] && can[(i + 1) * w + rest - m[i]]) {
			pos[(*npos)++] = order[i];
			rest -= (size_t)m[i];
		}
	free(can);
	free(m);
	return 0;
}

int ws_pick(const sp_corpus *c, const size_t *pool, size_t npool,
            const ws_pick_opts *o, uint64_t seed, sp_loc loc, const char *who,
            size_t **out, size_t *nout, sp_diag *d)
{
	size_t *order = xmalloc((npool ? npool : 1) * sizeof(size_t));
	size_t *pos = xmalloc((npool ? npool : 1) * sizeof(size_t));
	size_t npos = 0;
	for (size_t i = 0; i < npool; i++)
		order[i] = i;
	sp_rng rng;
	rng_seed(&rng, seed);
	rng_shuffle(&rng, order, npool);
	int rc = 0;
	if (o->minutes > WS_MAX_MINUTES) {
		report(d, loc, who, "--minutes is too large");
		rc = -1;
	} else if (o->mix.n) {
		rc =
		    pick_mix(c, order, npool, pool, o, loc, who, pos, &npos, d);
	} else if (o->minutes >= 0) {
		rc = pick_minutes(c, order, npool, pool, o, loc, who, pos,
		                  &npos, d);
	} else {
		size_t k = npool;
		if (o->count >= 0 && (size_t)o->count < k)
			k = (size_t)o->count;
		for (size_t i = 0; i < k; i++)
			pos[npos++] = order[i];
	}
	if (rc == 0 && npos == 0) {
		report(d, loc, who, "no questions to put on the worksheet");
		rc = -1;
	}
	if (rc == 0)
		finish(pool, pos, npos, out, nout);
	free(order);
	free(pos);
	return rc;
}

uint64_t ws_candidate_seed(uint64_t base, const char *key)
{
	/* FNV-1a from a basis derived from the base seed, then mixed so that
	 * nearby keys give unrelated seeds */
	uint64_t h = rng_hash64(key ? key : "", base ^ 0xcbf29ce484222325ULL);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

void ws_variant_code(const sp_corpus *c, uint64_t seed, const size_t *qs,
                     size_t n, char out[10])
{
	uint64_t h = seed ^ 0x9e3779b97f4a7c15ULL;
	for (size_t i = 0; i < n; i++) {
		h = rng_hash64(c->questions[qs[i]].id, h);
		h = rng_hash64("\n", h);
	}
	h ^= h >> 29;
	snprintf(out, 10, "%04X-%04X", (unsigned)((h >> 16) & 0xFFFF),
	         (unsigned)(h & 0xFFFF));
}

char *ws_slug(const char *s)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t r = utf8proc_map(
	    (const utf8proc_uint8_t *)s, 0, &folded,
	    UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	        UTF8PROC_CASEFOLD | UTF8PROC_COMPAT);
	const char *src = r >= 0 ? (const char *)folded : s;
	sp_buf b = SP_BUF_INIT;
	int dash = 0;
	for (const char *p = src; *p && b.len < 80; p++) {
		unsigned char ch = (unsigned char)*p;
		if (isalnum(ch) && ch < 0x80) {
			if (dash && b.len)
				buf_putc(&b, '-');
			dash = 0;
			buf_putc(&b, (char)tolower(ch));
		} else {
			dash = 1;
		}
	}
	free(folded);
	if (!b.len)
		buf_puts(&b, "candidate");
	return buf_detach(&b);
}
