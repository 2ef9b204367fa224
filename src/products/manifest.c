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

static const char manifest_header[] =
    "row,candidate,id,role,seed,variant,questions\n";

static void manifest_row(const batch *b, const ws_row *row, sp_buf *out)
{
	buf_printf(out, "%zu,", row->index + 1);
	csv_put_field(out, row->f[COL_NAME]);
	buf_putc(out, ',');
	csv_put_field(out, row->f[COL_ID] ? row->f[COL_ID] : "");
	buf_putc(out, ',');
	csv_put_field(out, row->role_shown ? row->role_shown : "");
	buf_printf(out, ",%016llx,%s,", (unsigned long long)row->seed,
	           row->variant);
	for (size_t i = 0; i < row->nqs; i++)
		buf_printf(out, "%s%s", i ? " " : "",
		           b->c->questions[row->qs[i]].id);
	buf_putc(out, '\n');
}

static char *manifest_path(const char *dir, long k, long n)
{
	sp_buf p = SP_BUF_INIT;
	if (n > 1)
		buf_printf(&p, "%s/manifest-%ld-of-%ld.csv", dir, k, n);
	else
		buf_printf(&p, "%s/manifest.csv", dir);
	return buf_detach(&p);
}

product_status ws_manifest_write(const batch *b)
{
	sp_buf out = SP_BUF_INIT;
	buf_puts(&out, manifest_header);
	for (size_t i = 0; i < b->nrows; i++)
		if (b->rows[i].done == 1)
			manifest_row(b, &b->rows[i], &out);
	char *path = manifest_path(b->o->out_dir, b->o->shard_k, b->o->shard_n);
	int rc = pdf_write_atomic(path, out.data, out.len, b->d);
	free(path);
	buf_free(&out);
	return rc == PDF_OK ? PRODUCT_OK : PRODUCT_IO;
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

product_status ws_manifest_merge(const char *out_dir, long n, sp_diag *d)
{
	sp_buf *data = xcalloc((size_t)n, sizeof(sp_buf));
	raw_row *rows = NULL;
	size_t nrows = 0, cap = 0;
	product_status rc = PRODUCT_OK;
	for (long k = 1; k <= n && rc == PRODUCT_OK; k++) {
		char *path = manifest_path(out_dir, k, n);
		rc = read_shard(path, &data[k - 1], &rows, &nrows, &cap, d);
		free(path);
	}
	if (rc == PRODUCT_OK) {
		qsort(rows, nrows, sizeof *rows, cmp_raw);
		sp_buf out = SP_BUF_INIT;
		buf_puts(&out, manifest_header);
		for (size_t i = 0; i < nrows; i++) {
			buf_append(&out, rows[i].s, rows[i].len);
			buf_putc(&out, '\n');
		}
		char *path = manifest_path(out_dir, 1, 1);
		if (pdf_write_atomic(path, out.data, out.len, d) != PDF_OK)
			rc = PRODUCT_IO;
		free(path);
		buf_free(&out);
	}
	for (long k = 0; k < n; k++)
		buf_free(&data[k]);
	free(data);
	free(rows);
	return rc;
}
