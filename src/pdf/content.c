/* content.c - page content streams are written here rather than through
 * libharu's page operators, and compressed here:
 *
 * - numbers have at most three decimals and no trailing zeros (libharu
 *   writes five or six significant digits through a slow float printer);
 * - text is shown with binary two-byte codes in literal strings (libharu
 *   writes hexadecimal, twice the bytes), and runs that continue a line in
 *   the same font, size and colour join one TJ array with a kerning number
 *   instead of a new Td and Tj;
 * - streams are deflated by us, several at once on several threads, and
 *   handed to libharu already compressed, so that libharu only copies
 *   them (haru_stream_put); one compressed copy of an embedded
 *   font can so serve many documents. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "pdf/internal.h"
#include "util/mem.h"

/* ---- numbers ---- */

void cs_num(sp_buf *b, double v)
{
	char tmp[32], *e = tmp + sizeof tmp, *p = e;
	if (!(v > -1e9 && v < 1e9))
		v = 0; /* never reached from a valid page model */
	long long m = (long long)(v < 0 ? v * 1000 - 0.5 : v * 1000 + 0.5);
	int neg = m < 0;
	unsigned long long u = (unsigned long long)(neg ? -m : m);
	unsigned frac = (unsigned)(u % 1000);
	u /= 1000;
	*--p = ' ';
	if (frac) {
		int digits = 3;
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		for (int i = 0; i < digits; i++) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		*--p = '-';
	buf_append(b, p, (size_t)(e - p));
}

void cs_op(sp_buf *b, const char *op)
{
	buf_puts(b, op);
	buf_putc(b, '\n');
}

void cs_rgb(sp_buf *b, sp_color c, int stroke)
{
	for (int shift = 16; shift >= 0; shift -= 8)
		cs_num(b, (double)((c >> shift) & 0xFF) / 255.0);
	cs_op(b, stroke ? "RG" : "rg");
}

/* Appends the two-byte code of cp to an open literal string. */
void cs_code(sp_buf *b, uint32_t cp)
{
	char s[4];
	size_t n = 0;
	unsigned char hi = (unsigned char)(cp >> 8), lo = (unsigned char)cp;
	unsigned char v[2] = {hi, lo};
	for (int i = 0; i < 2; i++) {
		switch (v[i]) {
		case '(':
		case ')':
		case '\\':
			s[n++] = '\\';
			s[n++] = (char)v[i];
			break;
		case '\r': /* a raw CR would be read as LF */
			s[n++] = '\\';
			s[n++] = 'r';
			break;
		default:
			s[n++] = (char)v[i];
		}
	}
	buf_append(b, s, n);
}

/* ---- compression ---- */

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
