/* deflate.c - zlib compression of streams, and the job that deflates a
 * document's pages on extra threads while the calling thread draws them
 * (or object streams all at once). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pdf/internal.h"
#include "util/mem.h"

int pdf_deflate(const void *in, size_t n, sp_buf *out)
{
	uLongf cap = compressBound((uLong)n);
	buf_clear(out);
	buf_reserve(out, cap);
	uLongf got = cap;
	if (n > 0xFFFFFFFFu ||
	    compress2((Bytef *)out->data, &got, (const Bytef *)in, (uLong)n,
	              Z_DEFAULT_COMPRESSION) != Z_OK)
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

void pdf_deflate_ready(pdf_deflate_job *j, size_t ready)
{
	pthread_mutex_lock(&j->mu);
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
