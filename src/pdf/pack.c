/* pack.c - a PDF 1.5 rewrite of what libharu saved: every object that is
 * not a stream goes into compressed object streams and the xref table
 * becomes a compressed xref stream. A 1,000-question handbook has some
 * 15,000 small objects (links, bookmarks, pages, their numbers), about
 * 2 MB as plain text and a sixth of that packed.
 *
 * The input is libharu's own output, whose layout is fixed: a header,
 * objects written as "N 0 obj\n...\nendobj\n" at the offsets of a classic
 * xref table, streams as "<<\n...\n>>\nstream\r\n...\nendstream", the
 * length of each stream in an object of its own, then "trailer" with
 * /Root and /Info (P1-P5 of the contract in haru.h, checked by
 * tests/unit/test_haru.c on what libharu saves). Streams are copied as they
 * are, with their /Length made direct (the length objects are dropped).
 * Anything unexpected makes pdf_pack fail, and the caller refuses the
 * file (libharu's own has no page contents, links or structure).
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
#include "util/mem.h"

/* Objects per object stream: about 50 KB of small dictionaries, the
 * deflate window and a little more (200 made the 1,000-question handbook
 * 1.4% larger: more streams, and more of their offset tables cut off from
 * the text before them). pdftotext and pdfinfo -struct read that
 * handbook in the same time with either. */
#define PER_STREAM 1000

typedef struct obj {
	size_t at, end;          /* body: after "N 0 obj\n", before "endobj" */
	size_t data, data_len;   /* a stream's data */
	size_t len_key, len_ref; /* "/Length R 0 R": where, and R's length */
	long length_ref;         /* R, or -1 */
	int stream, used;
	int dropped;  /* a stream length, now direct */
	size_t repl;  /* 1 + j: its body is replace[j]'s (pdf_pack_extra) */
	size_t srepl; /* 1 + k: its data is stream_data's k */
} obj;

/* Where an object went (xref stream entry): type 1 at offset `where`,
 * or type 2 in object stream `where` at `index`; type 0: nowhere. One
 * for every object of the output, ours too (a structure tree has a
 * million), so small. */
typedef struct place {
	size_t where;
	uint32_t index;
	uint8_t type;
} place;

static const char *find(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(end - p) < n)
		return NULL;
	return memmem(p, (size_t)(end - p), lit, n);
}

static int read_num(const char **pp, const char *end, unsigned long *v)
{
	const char *p = *pp;
	unsigned long x = 0;
	if (p >= end || *p < '0' || *p > '9')
		return -1;
	while (p < end && *p >= '0' && *p <= '9') {
		if (x > 0xFFFFFFFFul)
			return -1;
		x = x * 10 + (unsigned long)(*p++ - '0');
	}
	*pp = p;
	*v = x;
	return 0;
}

/* "/Key N 0 R" in [p, end): N, or -1. */
static long ref_of(const char *p, const char *end, const char *key)
{
	const char *k = find(p, end, key);
	unsigned long v;
	if (!k)
		return -1;
	k += strlen(key);
	if (read_num(&k, end, &v) < 0 ||
	    !find(k, k + 4 < end ? k + 4 : end, " 0 R"))
		return -1;
	return (long)v;
}

/* Parses the classic xref table and the object bodies. */
static int parse(const char *d, size_t n, obj **objs_out, size_t *count,
                 long *root, long *info, int *version)
{
	const char *end = d + n;
	if (n < 32 || memcmp(d, "%PDF-1.", 7) != 0 || d[7] < '0' || d[7] > '9')
		return -1;
	*version = d[7] - '0';
	/* startxref */
	const char *sx = NULL;
	for (const char *p = end - 9; p > d && p > end - 64; p--)
		if (memcmp(p, "startxref", 9) == 0) {
			sx = p;
			break;
		}
	if (!sx)
		return -1;
	const char *p = sx + 10;
	unsigned long xref_at, first, cnt;
	if (read_num(&p, end, &xref_at) < 0 || xref_at >= n)
		return -1;
	p = d + xref_at;
	if (end - p < 5 || memcmp(p, "xref\n", 5) != 0)
		return -1;
	p += 5;
	if (read_num(&p, end, &first) < 0 || first != 0 || p >= end ||
	    *p++ != ' ' || read_num(&p, end, &cnt) < 0 || cnt < 2 ||
	    cnt > 50000000ul || p >= end || *p++ != '\n' ||
	    (size_t)(end - p) < cnt * 20)
		return -1;
	const char *tbl = p;
	const char *tr = find(tbl + cnt * 20, end, "trailer");
	if (!tr)
		return -1;
	*root = ref_of(tr, end, "/Root ");
	*info = ref_of(tr, end, "/Info ");
	if (*root <= 0)
		return -1;
	obj *o = xcalloc(cnt, sizeof *o);
	size_t prev_end = 0;
	for (size_t i = 1; i < cnt; i++) {
		const char *e = tbl + i * 20;
		if (e[17] != 'n') {
			continue; /* free */
		}
		const char *q = e;
		unsigned long off;
		if (read_num(&q, e + 10, &off) < 0 || off >= xref_at ||
		    off < prev_end)
			goto bad; /* libharu writes objects in number order */
		char head[32];
		int hl = snprintf(head, sizeof head, "%zu 0 obj\n", i);
		if ((size_t)hl > xref_at - off ||
		    memcmp(d + off, head, (size_t)hl))
			goto bad;
		o[i].at = off + (size_t)hl;
		o[i].used = 1;
		prev_end = o[i].at;
	}
	/* each body ends at "\nendobj\n" before the next object (or the xref)
	 */
	size_t next = xref_at;
	for (size_t i = cnt; i-- > 1;) {
		if (!o[i].used)
			continue;
		const char *b = d + o[i].at, *lim = d + next;
		if (lim - b < 8 || memcmp(lim - 8, "\nendobj\n", 8) != 0)
			goto bad;
		o[i].end = (size_t)(lim - 8 - d);
		next = o[i].at - (size_t)snprintf(NULL, 0, "%zu 0 obj\n", i);
		const char *s = find(b, lim - 8, ">>\nstream\r\n");
		if (s && lim - 8 - 10 >= s &&
		    memcmp(lim - 8 - 10, "\nendstream", 10) == 0) {
			o[i].stream = 1;
			o[i].data = (size_t)(s + 11 - d);
			o[i].data_len = (size_t)(lim - 8 - 10 - (s + 11));
			o[i].length_ref = ref_of(b, s, "/Length ");
			const char *k = find(b, s, "/Length ");
			if (o[i].length_ref < 0 || !k)
				goto bad;
			o[i].len_key = (size_t)(k - d);
			const char *r = find(k, s, " R");
			o[i].len_ref = (size_t)(r + 2 - k);
		}
	}
	for (size_t i = 1; i < cnt; i++)
		if (o[i].stream) {
			size_t r = (size_t)o[i].length_ref;
			if (r >= cnt || !o[r].used || o[r].stream)
				goto bad;
			o[r].dropped = 1;
		}
	*objs_out = o;
	*count = cnt;
	return 0;
bad:
	free(o);
	return -1;
}

static void put_be(sp_buf *b, size_t v, int w)
{
	for (int i = w - 1; i >= 0; i--)
		buf_putc(b, (char)(unsigned char)(v >> (8 * i)));
}

/* The PNG "Up" predictor over rows of `cols` bytes (each row prefixed
 * with its filter type, 2): consecutive entries of an xref stream differ
 * in a byte or two, which deflate then all but removes. */
static void up_predict(sp_buf *b, size_t cols)
{
	size_t rows = b->len / cols;
	sp_buf p = SP_BUF_INIT;
	for (size_t r = 0; r < rows; r++) {
		buf_putc(&p, 2);
		for (size_t c = 0; c < cols; c++) {
			unsigned char v = (unsigned char)b->data[r * cols + c];
			unsigned char u =
			    r ? (unsigned char)b->data[(r - 1) * cols + c] : 0;
			buf_putc(&p, (char)(unsigned char)(v - u));
		}
	}
	buf_free(b);
	*b = p;
}

/* The packed file being written: out, and what was handed on before
 * (pdf_pack_extra.flush). */
typedef struct pk_out {
	sp_buf *b;
	size_t base; /* bytes handed on */
	int (*flush)(void *ud, const char *p, size_t n);
	void *ud;
	int failed;
} pk_out;

#define PACK_FLUSH (1u << 20) /* bytes kept before they are handed on */

/* Where the next byte goes in the file. */
static size_t pk_pos(const pk_out *o)
{
	return o->base + o->b->len;
}

/* Hands out on when it holds enough (or, with all, whatever it holds). */
static void pk_flush(pk_out *o, int all)
{
	if (!o->flush || o->failed || !o->b->len ||
	    (!all && o->b->len < PACK_FLUSH))
		return;
	if (o->flush(o->ud, o->b->data, o->b->len) != 0)
		o->failed = 1;
	o->base += o->b->len;
	buf_clear(o->b);
}

int pdf_pack(const char *d, size_t n, sp_buf *out)
{
	return pdf_pack_ex(d, n, NULL, out);
}

/* Object i's body into the object stream body: libharu's, or ours. */
static void put_body(const char *d, const obj *o, size_t i, size_t cnt,
                     const pdf_pack_extra *x, sp_buf *body)
{
	if (x && i >= cnt)
		x->body(x->ud, cnt, i - cnt, body);
	else if (x && o[i].repl)
		x->body(x->ud, cnt, x->count + o[i].repl - 1, body);
	else
		buf_append(body, d + o[i].at, o[i].end - o[i].at);
}

/* libharu's objects that go into object streams: all but streams, their
 * lengths (made direct) and free entries. */
static int in_stream(const obj *o, size_t i, size_t cnt)
{
	return i >= cnt || (o[i].used && !o[i].stream && !o[i].dropped);
}

int pdf_pack_ex(const char *d, size_t n, const pdf_pack_extra *xo, sp_buf *out)
{
	const pdf_pack_extra *x = xo && (xo->count || xo->nreplace) ? xo : NULL;
	const pdf_pack_extra *sx = xo && xo->nstreams ? xo : NULL;
	obj *o;
	size_t cnt;
	long root, info;
	int version;
	if (parse(d, n, &o, &cnt, &root, &info, &version) < 0)
		return -1;
	for (size_t j = 0; x && j < x->nreplace; j++) {
		unsigned long id = x->replace[j];
		if (!id || id >= cnt || !o[id].used || o[id].stream ||
		    o[id].repl) {
			free(o);
			return -1;
		}
		o[id].repl = j + 1;
	}
	for (size_t k = 0; sx && k < sx->nstreams; k++) {
		unsigned long id = sx->stream_ids[k];
		if (!id || id >= cnt || !o[id].used || !o[id].stream ||
		    o[id].srepl || o[id].data_len) {
			free(o);
			return -1;
		}
		o[id].srepl = k + 1;
	}
	size_t nx = x ? x->count : 0,
	       total = cnt + nx; /* ours after libharu's */
	size_t nin = nx;
	for (size_t i = 1; i < cnt; i++)
		nin += in_stream(o, i, cnt);
	size_t nstm = (nin + PER_STREAM - 1) / PER_STREAM;
	size_t next_num = total + nstm; /* the object streams after ours */
	place *pl = xcalloc(next_num + 1, sizeof *pl);
	buf_clear(out);
	pk_out po = {out, 0, xo ? xo->flush : NULL, xo ? xo->flush_ud : NULL,
	             0};
	buf_printf(out, "%%PDF-1.%d\n%%\xE2\xE3\xCF\xD3\n",
	           version > 5 ? version : 5);
	/* streams first, as they were, with a direct /Length */
	for (size_t i = 1; i < cnt; i++) {
		if (!o[i].stream)
			continue;
		pl[i].type = 1;
		pl[i].where = pk_pos(&po);
		const char *data = d + o[i].data;
		size_t len = o[i].data_len;
		if (o[i].srepl)
			sx->stream_data(sx->ud, o[i].srepl - 1, &data, &len);
		buf_printf(out, "%zu 0 obj\n", i);
		buf_append(out, d + o[i].at, o[i].len_key - o[i].at);
		buf_printf(out, "/Length %zu", len);
		size_t after = o[i].len_key + o[i].len_ref;
		buf_append(out, d + after, o[i].data - after);
		buf_append(out, data, len);
		size_t tail = o[i].data + o[i].data_len;
		buf_append(out, d + tail, o[i].end - tail);
		buf_puts(out, "\nendobj\n");
		pk_flush(&po, 0);
	}
	/* the rest in object streams: each text deflated (on a second
	 * thread when there are many) as soon as it is made, and freed, so
	 * that the texts are not all held at once */
	sp_buf *txt = xcalloc(nstm ? nstm : 1, sizeof *txt);
	sp_buf *zs = xcalloc(nstm ? nstm : 1, sizeof *zs);
	size_t *nobj = xcalloc(nstm ? nstm : 1, sizeof *nobj);
	size_t *first = xcalloc(nstm ? nstm : 1, sizeof *first);
	pdf_deflate_job *job =
	    pdf_deflate_start(txt, zs, nstm, 0, nstm >= 16 ? 2 : 1);
	sp_buf body = SP_BUF_INIT;
	size_t i = 1;
	for (size_t st = 0; st < nstm; st++) {
		size_t k = 0;
		buf_clear(&body);
		sp_buf *h = &txt[st];
		for (; i < total && k < PER_STREAM; i++) {
			if (!in_stream(o, i, cnt))
				continue;
			buf_put_uint(h, i); /* (printf costs 2,000
			                     * instructions a call) */
			buf_putc(h, ' ');
			buf_put_uint(h, body.len);
			buf_putc(h, ' ');
			put_body(d, o, i, cnt, x, &body);
			buf_putc(&body, '\n');
			pl[i].type = 2;
			pl[i].where = total + st;
			pl[i].index = (uint32_t)k++;
		}
		first[st] = h->len;
		nobj[st] = k;
		buf_append(h, body.data, body.len);
		pdf_deflate_ready(job, st + 1);
	}
	buf_free(&body);
	int rc = pdf_deflate_finish(job);
	for (size_t st = 0; st < nstm; st++) {
		if (rc == 0) {
			pl[total + st].type = 1;
			pl[total + st].where = pk_pos(&po);
			buf_printf(
			    out,
			    "%zu 0 obj\n<< /Type /ObjStm /N %zu /First %zu "
			    "/Length %zu /Filter /FlateDecode >>\nstream\r\n",
			    total + st, nobj[st], first[st], zs[st].len);
			buf_append(out, zs[st].data, zs[st].len);
			buf_puts(out, "\nendstream\nendobj\n");
			pk_flush(&po, 0);
		}
		buf_free(&txt[st]);
		buf_free(&zs[st]);
	}
	free(txt);
	free(zs);
	free(nobj);
	free(first);
	sp_buf z = SP_BUF_INIT;
	if (rc < 0) {
		free(o);
		free(pl);
		return -1;
	}
	/* the xref stream */
	size_t xnum = next_num, size = xnum + 1, xat = pk_pos(&po);
	size_t maxv = xat;
	for (size_t j = 1; j < xnum; j++)
		if (pl[j].type == 2 && pl[j].where > maxv)
			maxv = pl[j].where;
	int w2 = 1;
	while (w2 < 8 && (maxv >> (8 * w2)))
		w2++;
	sp_buf xr = SP_BUF_INIT;
	put_be(&xr, 0, 1); /* object 0: free */
	put_be(&xr, 0, w2);
	put_be(&xr, 0xFFFF, 2);
	for (size_t j = 1; j < xnum; j++) {
		int used = j < cnt ? (o[j].used && !o[j].dropped) : 1;
		put_be(&xr, used ? (size_t)pl[j].type : 0, 1);
		put_be(&xr, used ? pl[j].where : 0, w2);
		put_be(&xr, used && pl[j].type == 2 ? pl[j].index : 0, 2);
	}
	put_be(&xr, 1, 1);
	put_be(&xr, xat, w2);
	put_be(&xr, 0, 2);
	up_predict(&xr, (size_t)w2 + 3);
	if (pdf_deflate(xr.data, xr.len, &z) < 0) {
		buf_free(&xr);
		buf_free(&z);
		free(o);
		free(pl);
		return -1;
	}
	buf_printf(out,
	           "%zu 0 obj\n<< /Type /XRef /Size %zu /W [1 %d 2] /Root %ld "
	           "0 R /DecodeParms << /Columns %d /Predictor 12 >>",
	           xnum, size, w2, root, w2 + 3);
	if (info > 0)
		buf_printf(out, " /Info %ld 0 R", info);
	if (xo && xo->trailer)
		buf_printf(out, " %s", xo->trailer);
	buf_printf(out, " /Length %zu /Filter /FlateDecode >>\nstream\r\n",
	           z.len);
	buf_append(out, z.data, z.len);
	buf_printf(out, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", xat);
	pk_flush(&po, 1);
	buf_free(&xr);
	buf_free(&z);
	free(o);
	free(pl);
	return po.failed ? -1 : 0;
}
