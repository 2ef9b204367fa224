/* prefetch.c - the paragraph analysis made ahead on a helper thread. */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/engine.h"
#include "util/mem.h"

/* ---- the prefetch thread ----
 *
 * While a pagination runs with a cold paragraph cache (most of the
 * flow's paragraphs not in it: the first pass of a document), a helper
 * thread walks the flow in order and makes each
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

struct prefetch {
	layout_text_ctx *t;
	const sp_flow *flow;
	pthread_t tid;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int stop;
	int outstanding; /* analyses made and not yet taken */
};

static int pre_state(flow_block *b)
{
	return __atomic_load_n(&b->pre_state, __ATOMIC_ACQUIRE);
}

static int pre_claim(flow_block *b, int to)
{
	int expect = PRE_NONE;
	return __atomic_compare_exchange_n(&b->pre_state, &expect, to, 0,
	                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static int prefetch_flow(prefetch *pf, const sp_flow *f)
{
	for (size_t i = 0; f && i < f->n; i++) {
		flow_block *b = &f->blocks[i];
		if (b->kind == BLK_BOX) {
			if (prefetch_flow(pf, b->inner) < 0)
				return -1;
			continue;
		}
		if (b->kind == BLK_ROW) {
			for (size_t k = 0; k < b->ncells; k++)
				if (prefetch_flow(pf, b->cells[k].content) < 0)
					return -1;
			continue;
		}
		if (b->kind != BLK_PARA || !b->nspans)
			continue;
		pthread_mutex_lock(&pf->mu);
		while (!pf->stop && pf->outstanding >= PREFETCH_WINDOW)
			pthread_cond_wait(&pf->cv, &pf->mu);
		int stop = pf->stop;
		pthread_mutex_unlock(&pf->mu);
		if (stop)
			return -1;
		if (!pre_claim(b, PRE_BUSY))
			continue; /* the paginator got there first */
		layout_pre *p =
		    layout_pre_make(pf->t, b->spans, b->nspans, &b->pstyle);
		b->pre = p;
		if (p) {
			pthread_mutex_lock(&pf->mu);
			pf->outstanding++;
			pthread_mutex_unlock(&pf->mu);
		}
		__atomic_store_n(&b->pre_state, p ? PRE_READY : PRE_TAKEN,
		                 __ATOMIC_RELEASE);
	}
	return 0;
}

static void *prefetch_main(void *arg)
{
	prefetch *pf = arg;
	prefetch_flow(pf, pf->flow);
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

void prefetch_start(layout_engine *e, const sp_flow *flow)
{
	const char *off = getenv("SP_NO_PREFETCH");
	if (e->pf || (off && *off && strcmp(off, "0")))
		return;
	/* cold: most paragraphs are not in the cache yet */
	size_t n = count_paras(flow, SIZE_MAX);
	if (n < PREFETCH_MIN_PARAS || e->ncache * 2 > n)
		return;
	if (!e->helper_text)
		e->helper_text = layout_text_clone(e->text);
	if (!e->helper_text)
		return;
	prefetch *pf = xcalloc(1, sizeof *pf);
	pf->t = e->helper_text;
	pf->flow = flow;
	pthread_mutex_init(&pf->mu, NULL);
	pthread_cond_init(&pf->cv, NULL);
	if (pthread_create(&pf->tid, NULL, prefetch_main, pf) != 0) {
		pthread_cond_destroy(&pf->cv);
		pthread_mutex_destroy(&pf->mu);
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
	pthread_cond_destroy(&pf->cv);
	pthread_mutex_destroy(&pf->mu);
	free(pf);
	e->pf = NULL;
}

/* The helper's analysis of b (waiting while it is being made), or NULL;
 * either way the helper will not start on b afterwards. */
layout_pre *prefetch_take(layout_engine *e, flow_block *b)
{
	if (pre_state(b) == PRE_NONE && pre_claim(b, PRE_TAKEN))
		return NULL;
	int st;
	while ((st = pre_state(b)) == PRE_BUSY)
		sched_yield();
	if (st != PRE_READY)
		return NULL;
	layout_pre *p = b->pre;
	b->pre = NULL;
	__atomic_store_n(&b->pre_state, PRE_TAKEN, __ATOMIC_RELAXED);
	if (e->pf) {
		pthread_mutex_lock(&e->pf->mu);
		e->pf->outstanding--;
		pthread_cond_signal(&e->pf->cv);
		pthread_mutex_unlock(&e->pf->mu);
	}
	return p;
}
