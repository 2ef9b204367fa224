/* manifest.c - who got what: DIR/manifest.csv
 * (row,candidate,id,role,seed,variant,questions) of a batch, a shard's
 * DIR/manifest-K-of-N.csv, and merging the shards' into the one an
 * unsharded run writes, byte for byte. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "products/batch.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/outdir.h"

static const char manifest_header[] =
    "row,candidate,id,role,seed,variant,questions\n";

/* A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR
 * first) gets a leading ', as OWASP advises; so does one that starts with
 * ' itself, so that reading strips exactly one (ws_manifest_cell). */
static void put_cell(sp_buf *out, const char *s)
{
	if (s[0] && strchr("=+-@\t\r'", s[0])) {
		sp_buf c = SP_BUF_INIT;
		buf_printf(&c, "'%s", s);
		csv_put_field(out, c.data);
		buf_free(&c);
	} else {
		csv_put_field(out, s);
	}
}

const char *ws_manifest_cell(const char *field)
{
	return field[0] == '\'' ? field + 1 : field;
}

/* A row picked but not written (its worker died) says so: variant
 * "not written", no questions. */
static void manifest_row(const batch *b, const ws_row *row, sp_buf *out)
{
	buf_printf(out, "%zu,", row->index + 1);
	put_cell(out, row->f[COL_NAME]);
	buf_putc(out, ',');
	put_cell(out, row->f[COL_ID] ? row->f[COL_ID] : "");
	buf_putc(out, ',');
	put_cell(out, row->role_shown ? row->role_shown : "");
	buf_printf(out, ",%016llx,%s,", (unsigned long long)row->seed,
	           row->done == 1 ? row->variant : "not written");
	sp_buf q = SP_BUF_INIT;
	for (size_t i = 0; row->done == 1 && i < row->nqs; i++)
		buf_printf(&q, "%s%s", i ? " " : "",
		           b->c->questions[row->qs[i]].id);
	put_cell(out, q.data ? q.data : "");
	buf_free(&q);
	buf_putc(out, '\n');
}

static char *manifest_name(long k, long n)
{
	sp_buf p = SP_BUF_INIT;
	if (n > 1)
		buf_printf(&p, "manifest-%ld-of-%ld.csv", k, n);
	else
		buf_puts(&p, "manifest.csv");
	return buf_detach(&p);
}

product_status ws_manifest_write(const batch *b)
{
	sp_buf out = SP_BUF_INIT;
	buf_puts(&out, manifest_header);
	for (size_t i = 0; i < b->nrows; i++)
		if (b->rows[i].done == 1 || b->rows[i].done == 3)
			manifest_row(b, &b->rows[i], &out);
	char *name = manifest_name(b->o->shard_k, b->o->shard_n);
	sp_outfile f = {name, out.data, out.len};
	int rc = sp_outdir_write(b->out, &f, 1, b->d);
	free(name);
	buf_free(&out);
	return rc == 0 ? PRODUCT_OK : PRODUCT_IO;
}

/* ---- merging shard manifests ---- */

typedef struct raw_row {
	unsigned long row;
	const char *s;
	size_t len;
} raw_row;

static int cmp_raw(const void *a, const void *b)
{
	const raw_row *x = a, *y = b;
	return x->row < y->row ? -1 : x->row > y->row;
}

static product_status read_shard(const char *path, sp_buf *data, raw_row **rows,
                                 size_t *n, size_t *cap, sp_diag *d)
{
	if (buf_read_file(data, path, CSV_MAX_FILE_BYTES) < 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0), "cannot read '%s': %s",
		           path, buf_strerror(errno));
		return PRODUCT_IO;
	}
	if (data->len < sizeof manifest_header - 1 ||
	    memcmp(data->data, manifest_header, sizeof manifest_header - 1)) {
		diag_error(d, sp_loc_make(path, 1, 0),
		           "not a worksheet manifest");
		return PRODUCT_INVALID;
	}
	csv_reader rd;
	csv_reader_init(&rd, data->data, data->len);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	product_status rc = PRODUCT_OK;
	for (int first = 1; csv_next(&rd, &rec); first = 0) {
		if (first)
			continue;
		char *end;
		unsigned long v = rec.n ? strtoul(rec.fields[0], &end, 10) : 0;
		if (rec.error || !rec.n || *end || !v) {
			diag_error(d, sp_loc_make(path, rec.line, 0),
			           "bad manifest row");
			rc = PRODUCT_INVALID;
			continue;
		}
		*rows = xgrow(*rows, cap, *n + 1, sizeof(raw_row));
		(*rows)[(*n)++] =
		    (raw_row){v, data->data + rec.start, rec.end - rec.start};
	}
	csv_record_free(&rec);
	return rc;
}

/* Merge into DIR/manifest.csv (locked as a whole run would). */
static product_status write_merged(const char *out_dir, raw_row *rows,
                                   size_t nrows, sp_diag *d)
{
	sp_outdir od;
	if (sp_outdir_open(&od, out_dir, d) < 0 ||
	    sp_outdir_lock(&od, 1, 1, d) < 0) {
		sp_outdir_close(&od);
		return PRODUCT_IO;
	}
	qsort(rows, nrows, sizeof *rows, cmp_raw);
	sp_buf out = SP_BUF_INIT;
	buf_puts(&out, manifest_header);
	for (size_t i = 0; i < nrows; i++) {
		buf_append(&out, rows[i].s, rows[i].len);
		buf_putc(&out, '\n');
	}
	sp_outfile f = {"manifest.csv", out.data, out.len};
	product_status rc =
	    sp_outdir_write(&od, &f, 1, d) == 0 ? PRODUCT_OK : PRODUCT_IO;
	buf_free(&out);
	sp_outdir_close(&od);
	return rc;
}

product_status ws_manifest_merge(const char *out_dir, long n, sp_diag *d)
{
	/* one buffer per shard read, allocated as read: a huge N stops at
	 * the first shard missing */
	sp_buf **data = NULL;
	size_t ndata = 0, dcap = 0;
	raw_row *rows = NULL;
	size_t nrows = 0, cap = 0;
	product_status rc = PRODUCT_OK;
	for (long k = 1; k <= n && rc == PRODUCT_OK; k++) {
		char *name = manifest_name(k, n);
		sp_buf path = SP_BUF_INIT;
		buf_printf(&path, "%s/%s", out_dir, name);
		data = xgrow(data, &dcap, ndata + 1, sizeof *data);
		data[ndata] = xcalloc(1, sizeof(sp_buf));
		rc = read_shard(path.data, data[ndata++], &rows, &nrows, &cap,
		                d);
		buf_free(&path);
		free(name);
	}
	if (rc == PRODUCT_OK)
		rc = write_merged(out_dir, rows, nrows, d);
	for (size_t k = 0; k < ndata; k++) {
		buf_free(data[k]);
		free(data[k]);
	}
	free(data);
	free(rows);
	return rc;
}
