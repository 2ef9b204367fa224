/* deflate.c - compression of the streams studypress writes itself (page
 * contents, font programs, ToUnicode maps, object and xref streams) with
 * libdeflate, and the job that deflates a document's pages on extra threads
 * while the calling thread draws them (or object streams all at once).
 *
 * The bytes: libdeflate's output depends only on its version and the level,
 * not on the machine or the thread, so the same input gives the same PDF
 * with any --jobs or thread. The level is pinned to 6 (zlib's default,
 * which studypress used before). A compressor's tables take a while to set
 * up, so each thread keeps one. */
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
#include "util/mem.h"

#define PDF_DEFLATE_LEVEL 6 /* pinned: a change changes every stream */

/* The calling thread's compressor, made on first use and freed when the
 * thread ends (the main thread's at exit); NULL when
 * out of memory, and then every stream it is given fails. */
static pthread_key_t compressor_key;
static pthread_once_t compressor_once = PTHREAD_ONCE_INIT;

static void compressor_free(void *c)
{
	libdeflate_free_compressor(c);
}

/* At exit, the exiting thread's compressor (the main thread's): key
 * destructors do not run for the thread that calls exit(). */
static void compressor_release(void)
{
	void *c = pthread_getspecific(compressor_key);
	if (c) {
		pthread_setspecific(compressor_key, NULL);
		libdeflate_free_compressor(c);
	}
}

static void compressor_key_make(void)
{
	if (pthread_key_create(&compressor_key, compressor_free) != 0)
		abort(); /* only when the process is out of keys */
	atexit(compressor_release);
}

static struct libdeflate_compressor *compressor_get(void)
{
	pthread_once(&compressor_once, compressor_key_make);
	struct libdeflate_compressor *c = pthread_getspecific(compressor_key);
	if (!c) {
		c = libdeflate_alloc_compressor(PDF_DEFLATE_LEVEL);
		if (c && pthread_setspecific(compressor_key, c) != 0) {
			libdeflate_free_compressor(c);
			c = NULL;
		}
	}
	return c;
}

int pdf_deflate(const void *in, size_t n, sp_buf *out)
{
	struct libdeflate_compressor *c = compressor_get();
	if (!c)
		return -1;
	size_t cap = libdeflate_zlib_compress_bound(c, n);
	buf_clear(out);
	buf_reserve(out, cap + 1);
	size_t got = libdeflate_zlib_compress(c, in, n, out->data, cap);
	if (!got)
		return -1;
	out->len = got;
	if (got + 1 < out->cap) { /* give back the worst case's room */
		out->data = xrealloc(out->data, got + 1);
		out->cap = got + 1;
	}
	out->data[got] = '\0';
	return 0;
}

struct pdf_deflate_job {
	sp_buf *in, *out;
	size_t n;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	size_t next; /* the next item to take */
	size_t
	    ready; /* items below this one are complete (pdf_deflate_ready) */
	int failed;
	pthread_t tid[8];
	int started;
};
typedef struct pdf_deflate_job deflate_job;

/* Takes items as they become ready; returns when all n are taken. */
static void *deflate_worker(void *arg)
{
	deflate_job *j = arg;
	pthread_mutex_lock(&j->mu);
	for (;;) {
		while (j->next < j->n && j->next >= j->ready)
			pthread_cond_wait(&j->cv, &j->mu);
		if (j->next >= j->n)
			break;
		size_t i = j->next++;
		pthread_mutex_unlock(&j->mu);
		int bad = pdf_deflate(j->in[i].data, j->in[i].len, &j->out[i]);
		buf_free(&j->in[i]); /* done with: a document's pages add up */
		pthread_mutex_lock(&j->mu);
		if (bad < 0)
			j->failed = 1;
	}
	pthread_mutex_unlock(&j->mu);
	return NULL;
}

pdf_deflate_job *pdf_deflate_start(sp_buf *in, sp_buf *out, size_t n,
                                   size_t ready, int threads)
{
	deflate_job *j = xcalloc(1, sizeof *j);
	j->in = in;
	j->out = out;
	j->n = n;
	j->ready = ready < n ? ready : n;
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->cv, NULL);
	if (threads > 8)
		threads = 8;
	for (int t = 1; t < threads; t++)
		if (pthread_create(&j->tid[j->started], NULL, deflate_worker,
		                   j) == 0)
			j->started++;
	return j;
}

/* Room for items [from, to)'s output, taken by the calling thread: a
 * worker's own allocations would come from its own malloc arena, which
 * cannot reuse what the calling thread has freed (a long document's
 * pages, freed as they are drawn), so the output of a whole document
 * would be new memory. 0, or -1 without a compressor. */
static int reserve_outputs(deflate_job *j, size_t from, size_t to)
{
	if (j->started == 0)
		return 0; /* no worker: the caller deflates them itself */
	struct libdeflate_compressor *c = compressor_get();
	if (!c)
		return -1;
	for (size_t i = from; i < to; i++)
		buf_reserve(&j->out[i],
		            libdeflate_zlib_compress_bound(c, j->in[i].len) +
		                1);
	return 0;
}

void pdf_deflate_ready(pdf_deflate_job *j, size_t ready)
{
	if (ready > j->n)
		ready = j->n;
	/* (items from j->ready on are no worker's yet: only this thread
	 * moves j->ready) */
	int bad = ready > j->ready && reserve_outputs(j, j->ready, ready) < 0;
	pthread_mutex_lock(&j->mu);
	if (bad)
		j->failed = 1;
	if (ready > j->ready)
		j->ready = ready < j->n ? ready : j->n;
	pthread_cond_broadcast(&j->cv);
	pthread_mutex_unlock(&j->mu);
}

int pdf_deflate_finish(pdf_deflate_job *j)
{
	pdf_deflate_ready(j, j->n);
	deflate_worker(j); /* this thread takes what is left */
	for (int t = 0; t < j->started; t++)
		pthread_join(j->tid[t], NULL);
	int rc = j->failed ? -1 : 0;
	pthread_cond_destroy(&j->cv);
	pthread_mutex_destroy(&j->mu);
	free(j);
	return rc;
}

int pdf_deflate_all(sp_buf *in, sp_buf *out, size_t n, int threads)
{
	return pdf_deflate_finish(pdf_deflate_start(in, out, n, n, threads));
}
