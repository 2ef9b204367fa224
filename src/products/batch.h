/* batch.h - a worksheet batch's rows (private to src/products/): batch.c
 * runs the batch, batch_rows.c reads, checks, excludes and picks the
 * rows, manifest.c writes and merges who got what. */
#ifndef SP_PRODUCTS_BATCH_H
#define SP_PRODUCTS_BATCH_H

#include <stdint.h>

#include "products/csv.h"
#include "products/worksheet.h"

enum { COL_NAME, COL_ID, COL_ROLE, COL_SEED, COL_DATE, COL_INTERVIEWER, NCOLS };

#define MAX_NAME_BYTES 300 /* longest candidate name, bytes */

typedef struct ws_row {
	size_t index;   /* data row, 0-based */
	unsigned line;  /* where the record starts in the CSV */
	char *f[NCOLS]; /* folded values; NULL = absent or empty */
	int valid;      /* passed the checks every shard makes */
	int mine;       /* in this shard */
	int ok;         /* picked and ready to render */
	uint64_t seed;
	size_t *qs;
	size_t nqs;
	char variant[10];
	char *base; /* file name stem */
	const char *role_shown;
	long role; /* corpus role index, or -1 */
	int done;  /* 0 not yet, 1 written, 2 failed, 3 its worker died */
} ws_row;

typedef struct batch {
	sp_typeset *r;
	const sp_corpus *c;
	const size_t *pool;
	size_t npool;
	const ws_batch_opts *o;
	sp_diag *d;
	const char *file;
	struct sp_outdir *out; /* --out-dir, locked (util/outdir.h) */
	ws_row *rows;
	size_t nrows;
	int col[NCOLS]; /* field index of each column, -1 = none */
	size_t ncols;
	/* --exclude-from: rows of earlier manifests */
	char **ex_id, **ex_name, **ex_q;
	size_t nex;
} batch;

/* batch_rows.c: the header and every row of the CSV data (each row
 * checked as every shard checks it; messages only for this shard's
 * rows). Returns 0, or -1 after reporting a file that has no usable
 * header. */
int ws_rows_read(batch *b, const char *data, size_t len);
/* A later valid row with the file name (by_id 0) or id (1) of an earlier
 * one fails. */
void ws_rows_find_dups(batch *b, int by_id);
/* --exclude-from: the rows of an earlier manifest. */
product_status ws_rows_read_exclusions(batch *b);
/* A candidates or manifest file into *data (at most CSV_MAX_FILE_BYTES),
 * or PRODUCT_IO after reporting. */
product_status ws_rows_read_file(batch *b, const char *path, sp_buf *data);
/* Pick a valid row's questions (its role, its exclusions, its seed);
 * sets row->ok, or reports. */
void ws_rows_pick(batch *b, ws_row *row);

/* manifest.c: DIR/manifest.csv (or DIR/manifest-K-of-N.csv for a shard)
 * of the rows rendered, atomically. */
product_status ws_manifest_write(const batch *b);
/* A manifest cell as it was before writing (one neutralising ' off). */
const char *ws_manifest_cell(const char *field);

/* batch_report.c: progress on stderr, a dead worker, the rows left
 * unwritten and the closing summary. */
typedef struct ws_progress {
	int on;
	size_t done, total;
	int width;
	double t0; /* seconds (monotonic) when the rendering started */
} ws_progress;
void ws_progress_start(ws_progress *p, int on, size_t total);
void ws_progress_step(ws_progress *p, const ws_row *row);
/* A row whose worker died (sig: its signal, or 0). */
void ws_report_died(const batch *b, ws_row *row, int sig);
/* After an uninterrupted run: every picked row of this shard not
 * written is reported and marked as died (3). */
void ws_report_unwritten(const batch *b);
/* "wrote N packets (M PDFs) and MANIFEST into DIR/; K rows skipped". */
void ws_report_summary(const batch *b);

#endif
