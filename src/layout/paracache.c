/* paracache.c - the engine's paragraph cache: broken paragraphs
 * remembered by content (text, styles, measure), so that a flow rebuilt
 * with the same paragraphs (the passes of a document whose page numbers
 * settle) does not break them again. Keys are two independent 64-bit
 * hashes of the content; the cached lines' link targets point to the
 * engine's own copies, since the lines outlive the flow they came from.
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
	for (size_t i = 0; i < e->cap_cache; i++)
		if (e->cache[i].h1 || e->cache[i].h2)
			layout_lines_free(&e->cache[i].lines);
	free(e->cache);
	e->cache = NULL;
	e->ncache = e->nempty = e->cap_cache = 0;
	for (size_t i = 0; i < e->nlinks; i++)
		free(e->links[i]);
	free(e->links);
	e->links = NULL;
	e->nlinks = e->cap_links = 0;
	free(e->memo);
	e->memo = NULL;
}

/* Cached lines outlive the flow whose spans their runs' links point
 * into: point them at the engine's own copies instead. */
static void own_links(layout_engine *e, layout_lines *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		for (size_t k = 0; k < ls->lines[i].nruns; k++) {
			layout_run *r = &ls->lines[i].runs[k];
			if (!r->link)
				continue;
			if (e->nlinks &&
			    !strcmp(e->links[e->nlinks - 1], r->link)) {
				r->link = e->links[e->nlinks - 1];
				continue;
			}
			e->links = xgrow(e->links, &e->cap_links, e->nlinks + 1,
			                 sizeof(char *));
			e->links[e->nlinks] = xstrdup(r->link);
			r->link = e->links[e->nlinks++];
		}
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
	own_links(e, &slot->lines);
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
