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
	int done;  /* rendered: 1 ok, 2 failed */
} ws_row;

typedef struct batch {
	sp_typeset *r;
	const sp_corpus *c;
	const size_t *pool;
	size_t npool;
	const ws_batch_opts *o;
	sp_diag *d;
	const char *file;
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
/* Pick a valid row's questions (its role, its exclusions, its seed);
 * sets row->ok, or reports. */
void ws_rows_pick(batch *b, ws_row *row);

/* manifest.c: DIR/manifest.csv (or DIR/manifest-K-of-N.csv for a shard)
 * of the rows rendered, atomically. */
product_status ws_manifest_write(const batch *b);

#endif
