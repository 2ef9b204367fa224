/* prefetch.c - the paragraph analysis made ahead on a helper thread. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/engine.h"
#include "util/env.h"
#include "util/mem.h"

/* ---- the prefetch thread ----
 *
 * While a pagination runs with a cold paragraph cache (most of the
 * flow's paragraphs not in it: the first pass of a document), a helper
 * thread walks the flow's paragraphs in order (collected into a table of
 * their own before it starts: the flow is only read) and makes each
 * paragraph's width-independent analysis (layout_pre_make) with its own
 * text context, at most PREFETCH_WINDOW paragraphs ahead of what the
 * paginator has taken. The paginator takes the analysis when it breaks
 * the paragraph, or waits for it if the helper is on it, or claims the
 * paragraph first and analyses it itself. Results are the same either
 * way: the analysis depends only on the paragraph and the fonts. A
 * paragraph that would warn is left to the paginator, whose warnings keep
 * their order. SP_NO_PREFETCH=1 turns the thread off. */

enum { PRE_NONE, PRE_BUSY, PRE_READY, PRE_TAKEN };
#define PREFETCH_WINDOW 64
#define PREFETCH_MIN_PARAS 64 /* below this a thread costs more */
#define PREFETCH_SPINS 50     /* yields before the paginator sleeps */

/* One paragraph the helper may analyse. state is read and written
 * atomically by both threads; pre belongs to whoever moved the state
 * away from PRE_BUSY / PRE_READY. */
typedef struct pre_slot {
	const flow_block *b;
	layout_pre *pre;
	int state;
} pre_slot;

struct prefetch {
	layout_text_ctx *t;
	pre_slot *slots; /* the flow's paragraphs with text, in flow order */
	size_t nslots, cap_slots;
	size_t *index; /* block id -> slot + 1, open addressing */
	size_t index_cap;
	pthread_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv;   /* the helper waits for room in the window */
	pthread_cond_t done; /* the paginator waits for a busy paragraph */
	int stop;
	int outstanding;    /* analyses made and not yet taken */
	int waiting;        /* the paginator sleeps on done */
	layout_pre **spent; /* given back, for the helper to reuse (mu) */
	size_t nspent, cap_spent;
};

static int pre_state(pre_slot *s)
{
	return __atomic_load_n(&s->state, __ATOMIC_ACQUIRE);
}

static int pre_claim(pre_slot *s, int to)
{
	int expect = PRE_NONE;
	return __atomic_compare_exchange_n(&s->state, &expect, to, 0,
	                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/* The paragraphs of f (boxes and cells included), in the order they are
 * laid out. */
static void collect(prefetch *pf, const sp_flow *f)
{
	for (size_t i = 0; f && i < f->n; i++) {
		const flow_block *b = &f->blocks[i];
		if (b->kind == BLK_BOX) {
			collect(pf, b->inner);
		} else if (b->kind == BLK_ROW) {
			for (size_t k = 0; k < b->ncells; k++)
				collect(pf, b->cells[k].content);
		} else if (b->kind == BLK_PARA && b->nspans) {
			pf->slots = xgrow(pf->slots, &pf->cap_slots,
			                  pf->nslots + 1, sizeof *pf->slots);
			pf->slots[pf->nslots++] = (pre_slot){b, NULL, PRE_NONE};
		}
	}
}

static size_t id_hash(uint64_t id, size_t mask)
{
	return (size_t)((id * 0x9E3779B97F4A7C15ULL) >> 17) & mask;
}

/* Made before the helper starts; only read afterwards. */
static void build_index(prefetch *pf)
{
	size_t cap = 64;
	while (cap < 2 * pf->nslots + 2)
		cap *= 2;
	pf->index = xcalloc(cap, sizeof *pf->index);
	pf->index_cap = cap;
	for (size_t i = 0; i < pf->nslots; i++) {
		size_t k = id_hash(pf->slots[i].b->id, cap - 1);
		while (pf->index[k])
			k = (k + 1) & (cap - 1);
		pf->index[k] = i + 1;
	}
}

static pre_slot *slot_of(prefetch *pf, const flow_block *b)
{
	size_t mask = pf->index_cap - 1;
	for (size_t k = id_hash(b->id, mask); pf->index[k]; k = (k + 1) & mask)
		if (pf->slots[pf->index[k] - 1].b == b)
			return &pf->slots[pf->index[k] - 1];
	return NULL;
}

static void *prefetch_main(void *arg)
{
	prefetch *pf = arg;
	layout_pre *spare = NULL; /* an analysis given back, to reuse */
	for (size_t i = 0; i < pf->nslots; i++) {
		pre_slot *s = &pf->slots[i];
		pthread_mutex_lock(&pf->mu);
		while (!pf->stop && pf->outstanding >= PREFETCH_WINDOW)
			pthread_cond_wait(&pf->cv, &pf->mu);
		int stop = pf->stop;
		if (!spare && pf->nspent)
			spare = pf->spent[--pf->nspent];
		pthread_mutex_unlock(&pf->mu);
		if (stop)
			break;
		if (!pre_claim(s, PRE_BUSY))
			continue; /* the paginator got there first */
		const flow_block *b = s->b;
		layout_pre *p = layout_pre_make(pf->t, b->spans, b->nspans,
		                                &b->pstyle, spare);
		if (p)
			spare = NULL; /* it is p now */
		s->pre = p;
		/* under mu, so that a paginator going to sleep on done
		 * cannot miss the change */
		pthread_mutex_lock(&pf->mu);
		if (p)
			pf->outstanding++;
		__atomic_store_n(&s->state, p ? PRE_READY : PRE_TAKEN,
		                 __ATOMIC_RELEASE);
		if (pf->waiting)
			pthread_cond_signal(&pf->done);
		pthread_mutex_unlock(&pf->mu);
	}
	layout_pre_free(spare);
	return NULL;
}

static size_t count_paras(const sp_flow *f, size_t enough)
{
	size_t n = 0;
	for (size_t i = 0; f && i < f->n && n < enough; i++) {
		const flow_block *b = &f->blocks[i];
		if (b->kind == BLK_PARA)
			n++;
		else if (b->kind == BLK_BOX)
			n += count_paras(b->inner, enough - n);
		else if (b->kind == BLK_ROW)
			for (size_t k = 0; k < b->ncells && n < enough; k++)
				n += count_paras(b->cells[k].content,
				                 enough - n);
	}
	return n;
}

int prefetch_cold(const layout_engine *e, const sp_flow *flow)
{
	/* cold: at least twice as many paragraphs as the cache holds
	 * (counted no further than that) */
	size_t need = e->ncache * 2;
	return count_paras(flow, need) >= need;
}

void prefetch_start(layout_engine *e, const sp_flow *flow, int cold)
{
	if (!cold || e->pf || env_flag("SP_NO_PREFETCH"))
		return;
	if (count_paras(flow, PREFETCH_MIN_PARAS) < PREFETCH_MIN_PARAS)
		return;
	if (!e->helper_text)
		e->helper_text = layout_text_clone(e->text);
	if (!e->helper_text)
		return;
	prefetch *pf = xcalloc(1, sizeof *pf);
	pf->t = e->helper_text;
	collect(pf, flow);
	build_index(pf);
	pthread_mutex_init(&pf->mu, NULL);
	pthread_cond_init(&pf->cv, NULL);
	pthread_cond_init(&pf->done, NULL);
	if (pthread_create(&pf->tid, NULL, prefetch_main, pf) != 0) {
		pthread_cond_destroy(&pf->done);
		pthread_cond_destroy(&pf->cv);
		pthread_mutex_destroy(&pf->mu);
		free(pf->slots);
		free(pf->index);
		free(pf);
		return;
	}
	e->pf = pf;
}

void prefetch_stop(layout_engine *e)
{
	prefetch *pf = e->pf;
	if (!pf)
		return;
	pthread_mutex_lock(&pf->mu);
	pf->stop = 1;
	pthread_cond_broadcast(&pf->cv);
	pthread_mutex_unlock(&pf->mu);
	pthread_join(pf->tid, NULL);
	pthread_cond_destroy(&pf->done);
	pthread_cond_destroy(&pf->cv);
	pthread_mutex_destroy(&pf->mu);
	for (size_t i = 0; i < pf->nslots; i++) /* made, never taken */
		layout_pre_free(pf->slots[i].pre);
	for (size_t i = 0; i < pf->nspent; i++)
		layout_pre_free(pf->spent[i]);
	free(pf->spent);
	free(pf->slots);
	free(pf->index);
	free(pf);
	e->pf = NULL;
}

/* Waits while the helper is making s's analysis: a short wait yields
 * (most analyses take microseconds), a long one sleeps on done rather
 * than spend a core. Returns the state the helper left. */
static int wait_busy(prefetch *pf, pre_slot *s)
{
	int st;
	for (int i = 0; i < PREFETCH_SPINS; i++) {
		if ((st = pre_state(s)) != PRE_BUSY)
			return st;
		sched_yield();
	}
	pthread_mutex_lock(&pf->mu);
	pf->waiting++;
	while ((st = pre_state(s)) == PRE_BUSY)
		pthread_cond_wait(&pf->done, &pf->mu);
	pf->waiting--;
	pthread_mutex_unlock(&pf->mu);
	return st;
}

/* The helper's analysis of b (waiting while it is being made), or NULL;
 * either way the helper will not start on b afterwards. */
layout_pre *prefetch_take(layout_engine *e, const flow_block *b)
{
	pre_slot *s = e->pf ? slot_of(e->pf, b) : NULL;
	if (!s)
		return NULL;
	if (pre_state(s) == PRE_NONE && pre_claim(s, PRE_TAKEN))
		return NULL;
	int st = wait_busy(e->pf, s);
	if (st != PRE_READY)
		return NULL;
	layout_pre *p = s->pre;
	s->pre = NULL;
	__atomic_store_n(&s->state, PRE_TAKEN, __ATOMIC_RELAXED);
	pthread_mutex_lock(&e->pf->mu);
	e->pf->outstanding--;
	pthread_cond_signal(&e->pf->cv);
	pthread_mutex_unlock(&e->pf->mu);
	return p;
}

void prefetch_give(layout_engine *e, layout_pre *pre)
{
	prefetch *pf = e->pf;
	if (!pre)
		return;
	if (!pf) {
		layout_pre_free(pre);
		return;
	}
	pthread_mutex_lock(&pf->mu);
	pf->spent =
	    xgrow(pf->spent, &pf->cap_spent, pf->nspent + 1, sizeof *pf->spent);
	pf->spent[pf->nspent++] = pre;
	pthread_mutex_unlock(&pf->mu);
}
