/* paracache.c - the engine's paragraph cache: broken paragraphs
 * remembered by content (text, styles, measure), so that a flow rebuilt
 * with the same paragraphs (the passes of a document whose page numbers
 * settle) does not break them again. Keys are two independent 64-bit
 * hashes of the content. The cached lines, their runs, texts, glyphs,
 * kerning and link targets (the lines outlive the flow they came from)
 * are copied into the cache's arena, freed at once with it.
 *
 * In front of it, a small table keyed by block id (flow_block.id, never
 * reused) remembers the lines each recent block got at its last width,
 * so that asking again for a block (its height, where it may split,
 * placing it: several times per frame) costs one lookup instead of
 * hashing the paragraph. It is direct-mapped: a block whose slot was
 * taken since is looked up by content again, and finds the same lines.
 * The flow itself is never written. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/engine.h"
#include "util/bytes8.h"
#include "util/mem.h"

/* Slots of the block table (a power of two): more than the blocks any
 * frame's fitting goes back to. */
#define MEMO_SLOTS 8192

struct paracache_memo {
	uint64_t id; /* the block's id; 0 = empty */
	double width;
	layout_lines lines; /* borrowed from the cache */
};

void layout_engine_clear_cache(layout_engine *e)
{
	arena_free(&e->cache_mem); /* every entry's lines */
	free(e->cache);
	e->cache = NULL;
	e->ncache = e->nempty = e->cap_cache = 0;
	e->last_link = NULL;
	free(e->memo);
	e->memo = NULL;
}

/* A cached run's link target: the cache's own copy, since the lines
 * outlive the flow whose spans it points into (one copy for a run of
 * runs with the same target). */
static const char *own_link(layout_engine *e, const char *link)
{
	if (!e->last_link || strcmp(e->last_link, link))
		e->last_link = arena_strndup(&e->cache_mem, link, strlen(link));
	return e->last_link;
}

/* Lines broken for the cache, moved into its arena: the arrays, texts
 * and link targets of one paragraph side by side instead of a malloc for
 * each. */
static layout_lines cache_keep(layout_engine *e, layout_lines *ls)
{
	sp_arena *a = &e->cache_mem;
	layout_lines c = *ls;
	if (ls->lines)
		c.lines = arena_memdup(a, ls->lines, ls->n * sizeof *ls->lines);
	for (size_t i = 0; i < c.n; i++) {
		layout_line *l = &c.lines[i];
		if (l->runs)
			l->runs = arena_memdup(a, l->runs,
			                       l->nruns * sizeof *l->runs);
		for (size_t k = 0; k < l->nruns; k++) {
			layout_run *r = &l->runs[k];
			if (r->link)
				r->link = own_link(e, r->link);
			if (r->text)
				r->text = arena_strndup(a, r->text, r->len);
			if (r->glyphs)
				r->glyphs = arena_memdup(a, r->glyphs,
				                         r->nglyphs *
				                             sizeof *r->glyphs);
			if (r->kerns)
				r->kerns = arena_memdup(
				    a, r->kerns, r->nkerns * sizeof *r->kerns);
		}
	}
	layout_lines_free(ls);
	return c;
}

typedef struct hasher {
	uint64_t a, b; /* FNV-1a 64 and a multiply-xorshift mix */
} hasher;

static void hash_word(hasher *h, uint64_t w)
{
	h->a = (h->a ^ w) * 0x100000001b3ULL;
	h->b = (h->b + w + 1) * 0x9E3779B97F4A7C15ULL;
	h->b ^= h->b >> 29;
}

/* Eight bytes at a time; the tail zero-padded. Every caller hashes a
 * length before bytes of varying length, so padding cannot make two
 * contents equal. */
static void hash_bytes(hasher *h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (; n >= 8; s += 8, n -= 8)
		hash_word(h, bytes8_load(s));
	if (n) {
		unsigned char t[8] = {0};
		memcpy(t, s, n);
		hash_word(h, bytes8_load(t) ^ (uint64_t)n << 59);
	}
}

static void hash_str(hasher *h, const char *s)
{
	size_t n = s ? strlen(s) : (size_t)-1;
	hash_bytes(h, &n, sizeof n);
	if (s)
		hash_bytes(h, s, n);
}

static void hash_span(hasher *h, const layout_span *s)
{
	hash_bytes(h, &s->len, sizeof s->len);
	if (s->text)
		hash_bytes(h, s->text, s->len);
	int v[2] = {(int)s->family, s->variant};
	hash_bytes(h, v, sizeof v);
	hash_bytes(h, &s->size, sizeof s->size);
	hash_bytes(h, &s->color, sizeof s->color);
	hash_str(h, s->link);
	/* the location decides where warnings point */
	hash_str(h, s->loc.file);
	unsigned lc[2] = {s->loc.line, s->loc.col};
	hash_bytes(h, lc, sizeof lc);
}

static hasher para_key(const flow_block *b, double avail)
{
	hasher h = {0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL};
	hash_bytes(&h, &avail, sizeof avail);
	/* field by field: a struct's padding bytes are not its value */
	const layout_para_style *ps = &b->pstyle;
	int ints[3] = {(int)ps->align, ps->hyphenate, ps->preserve_space};
	double dbl[2] = {ps->leading, ps->first_indent};
	hash_bytes(&h, ints, sizeof ints);
	hash_bytes(&h, dbl, sizeof dbl);
	hash_bytes(&h, &b->nspans, sizeof b->nspans);
	for (size_t i = 0; i < b->nspans; i++)
		hash_span(&h, &b->spans[i]);
	if (!h.a && !h.b)
		h.a = 1; /* (0, 0) marks an empty slot */
	return h;
}

static para_entry *cache_slot(layout_engine *e, hasher k)
{
	size_t mask = e->cap_cache - 1;
	size_t i = (size_t)(k.a ^ (k.b >> 7)) & mask;
	while (e->cache[i].h1 || e->cache[i].h2) {
		if (e->cache[i].h1 == k.a && e->cache[i].h2 == k.b)
			return &e->cache[i];
		i = (i + 1) & mask;
	}
	return &e->cache[i];
}

static void cache_grow(layout_engine *e)
{
	para_entry *old = e->cache;
	size_t oldcap = e->cap_cache;
	e->cap_cache = oldcap ? oldcap * 2 : 1024;
	e->cache = xcalloc(e->cap_cache, sizeof(para_entry));
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].h1 || old[i].h2) {
			hasher k = {old[i].h1, old[i].h2};
			*cache_slot(e, k) = old[i];
		}
	free(old);
}

/* The cache's lines for b at avail, broken now when they are not there. */
static layout_lines cached_lines(layout_engine *e, const flow_block *b,
                                 double avail)
{
	if (2 * (e->ncache + e->nempty + 1) > e->cap_cache)
		cache_grow(e);
	hasher k = para_key(b, avail);
	para_entry *slot = cache_slot(e, k);
	if (slot->h1 || slot->h2) {
		if (b->nspans) /* a repeated paragraph */
			prefetch_give(e, prefetch_take(e, b));
		return slot->lines;
	}
	slot->h1 = k.a;
	slot->h2 = k.b;
	memset(&slot->lines, 0, sizeof slot->lines);
	layout_pre *pre = b->nspans ? prefetch_take(e, b) : NULL;
	if (pre) {
		layout_break_pre(e->text, b->spans, b->nspans, &b->pstyle,
		                 avail, pre, &slot->lines);
		prefetch_give(e, pre);
	} else
		layout_break(e->text, b->spans, b->nspans, &b->pstyle, avail,
		             &slot->lines);
	slot->lines = cache_keep(e, &slot->lines);
	if (b->nspans)
		e->ncache++;
	else
		e->nempty++; /* nothing to break */
	return slot->lines;
}

layout_lines paracache_lines(layout_engine *e, const flow_block *b, double w)
{
	if (!e->memo)
		e->memo = xcalloc(MEMO_SLOTS, sizeof *e->memo);
	struct paracache_memo *m = &e->memo[b->id & (MEMO_SLOTS - 1)];
	if (m->id == b->id && fabs(m->width - w) < 1e-9)
		return m->lines;
	double avail =
	    w - b->indent_left - b->indent_right - paint_tail_width(e, b);
	if (avail < 1)
		avail = 1;
	m->id = b->id;
	m->width = w;
	m->lines = cached_lines(e, b, avail);
	return m->lines;
}
