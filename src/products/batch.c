/* batch.c - worksheet batches: one packet (candidate and interviewer
 * editions) per row of a candidates CSV (batch_rows.c), a manifest of who
 * got what (manifest.c), shards (--shard K/N), parallel workers (--jobs
 * N, util/workers.h) and clean stops on SIGINT/SIGTERM.
 *
 * Every row is parsed and validated by every run (so duplicate names and
 * ids are found the same way in every shard); only the rows of this
 * shard are reported, picked and rendered. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "layout/paragraph.h"
#include "products/batch.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/outdir.h"
#include "util/workers.h"

static volatile sig_atomic_t ws_stop;

static void on_signal(int sig)
{
	ws_stop = sig;
}

/* ---- rendering ---- */

/* Render a row's editions into memory, then write them as a pair: both
 * in place, or neither (util/outdir.h). */
static product_status render_row(batch *b, const ws_row *row)
{
	ws_info info = {row->f[COL_NAME], row->role_shown,
	                row->f[COL_DATE], row->f[COL_INTERVIEWER],
	                row->variant,     b->o->no_answers};
	static const ws_edition eds[2] = {WS_CANDIDATE, WS_INTERVIEWER};
	static const char *const names[2] = {"candidate", "interviewer"};
	sp_outfile files[2];
	char *data[2] = {NULL, NULL};
	size_t n = 0;
	product_status st = PRODUCT_OK;
	/* a glyph missing from the row's text is reported at its line */
	layout_text_set_loc(b->r->text, sp_loc_make(b->file, row->line, 0));
	for (int k = 0; k < 2 && st == PRODUCT_OK; k++) {
		if (!(b->o->edition & eds[k]))
			continue;
		sp_document *doc =
		    ws_build(b->r, b->c, row->qs, row->nqs, &info, eds[k]);
		if (!doc) {
			st = PRODUCT_INVALID;
			break;
		}
		sp_buf name = SP_BUF_INIT;
		buf_printf(&name, "%s-%s.pdf", row->base, names[k]);
		files[n].name = buf_detach(&name);
		pdf_render_opts o = {0};
		o.pdfa = b->r->tpl->pdfa;
		int rc = pdf_render_mem(doc, b->r->fonts, &o, &data[n],
		                        &files[n].len, b->d);
		files[n].data = data[n];
		n++;
		doc_free(doc);
		if (rc != PDF_OK)
			st = rc == PDF_ERR_IO ? PRODUCT_IO : PRODUCT_INVALID;
	}
	layout_text_set_loc(b->r->text, sp_loc_make(NULL, 0, 0));
	if (st == PRODUCT_OK && sp_outdir_write(b->out, files, n, b->d) < 0)
		st = PRODUCT_IO;
	for (size_t i = 0; i < n; i++) {
		free((char *)files[i].name);
		free(data[i]);
	}
	return st;
}

static void install(int restart, struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigaction(SIGINT, &sa, old ? &old[0] : NULL);
	sigaction(SIGTERM, &sa, old ? &old[1] : NULL);
}

/* The rows to render, as tasks of a worker pool. */
typedef struct rendering {
	batch *b;
	const size_t *todo; /* row of each task */
	ws_progress p;
	product_status rc;
} rendering;

static int row_task(void *ud, size_t i)
{
	rendering *g = ud;
	return (int)render_row(g->b, &g->b->rows[g->todo[i]]);
}

static void row_done(void *ud, size_t i, int result, int sig)
{
	rendering *g = ud;
	ws_row *row = &g->b->rows[g->todo[i]];
	if (result < 0) { /* its worker died: no packet */
		ws_report_died(g->b, row, sig);
		g->rc = product_worse(g->rc, PRODUCT_INVALID);
		return;
	}
	row->done = result == PRODUCT_OK ? 1 : 2;
	ws_progress_step(&g->p, row);
	g->rc = product_worse(g->rc, (product_status)result);
}

/* In each worker: stop after the packet in progress. */
static void worker_signals(void *ud)
{
	(void)ud;
	install(1, NULL);
}

static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

/* ---- the run ---- */

static void batch_free(batch *b)
{
	for (size_t i = 0; i < b->nrows; i++) {
		for (int k = 0; k < NCOLS; k++)
			free(b->rows[i].f[k]);
		free(b->rows[i].qs);
		free(b->rows[i].base);
	}
	free(b->rows);
	for (size_t e = 0; e < b->nex; e++) {
		free(b->ex_id[e]);
		free(b->ex_name[e]);
		free(b->ex_q[e]);
	}
	free(b->ex_id);
	free(b->ex_name);
	free(b->ex_q);
}

/* Renders this shard's picked rows; *child is set in a worker process,
 * which must return at once (util/workers.h). */
static product_status render_all(batch *b, int *child)
{
	size_t *todo = xmalloc((b->nrows + 1) * sizeof(size_t));
	size_t n = 0;
	for (size_t i = 0; i < b->nrows; i++)
		if (b->rows[i].mine && b->rows[i].ok)
			todo[n++] = i;
	long jobs = b->o->jobs > 0 ? b->o->jobs : default_jobs();
	if ((size_t)jobs > n)
		jobs = n ? (long)n : 1;
	rendering g = {b, todo, {0, 0, 0, 0, 0}, PRODUCT_OK};
	ws_progress_start(&g.p,
	                  b->o->progress > 0 ||
	                      (b->o->progress < 0 && isatty(STDERR_FILENO)),
	                  n);
	struct sigaction old[2];
	ws_stop = 0;
	/* one process: its system calls restart; a pool: the parent's wait
	 * is interrupted, so that it passes the signal on */
	install(jobs == 1, old);
	sp_workers w = {n,  jobs,     row_task,      row_done,
	                &g, &ws_stop, worker_signals};
	size_t lost = 0;
	int st = sp_workers_run(&w, &lost);
	*child = st == SP_WORKERS_CHILD;
	if (st == SP_WORKERS_NO_FORK || st == SP_WORKERS_NO_PIPE) {
		if (st == SP_WORKERS_NO_PIPE)
			diag_error(b->d, sp_loc_make(NULL, 0, 0), "pipe: %s",
			           strerror(errno));
		else
			diag_error(b->d, sp_loc_make(NULL, 0, 0), "fork: %s",
			           strerror(errno));
		g.rc = PRODUCT_IO;
	}
	if (lost) {
		diag_error(b->d, sp_loc_make(NULL, 0, 0),
		           "%zu worker process%s died between packets", lost,
		           lost == 1 ? "" : "es");
		g.rc = product_worse(g.rc, PRODUCT_INVALID);
	}
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
	free(todo);
	return g.rc;
}

/* Open and lock --out-dir; every input of the run is recorded, so
 * that no output replaces one. */
static int open_out(batch *b, sp_outdir *od)
{
	if (sp_outdir_open(od, b->o->out_dir, b->d) < 0 ||
	    sp_outdir_lock(od, b->o->shard_k, b->o->shard_n, b->d) < 0)
		return -1;
	for (size_t i = 0; i < b->r->ninputs; i++)
		sp_outdir_add_input(od, b->r->inputs[i]);
	sp_outdir_add_input(od, b->o->csv_path);
	sp_outdir_add_input(od, b->o->exclude_from);
	od->sync_each = 0; /* one sync for the whole batch */
	b->out = od;
	return 0;
}

static product_status read_rows(batch *b)
{
	sp_buf data = SP_BUF_INIT;
	const char *path = b->o->csv_path;
	if (ws_rows_read_file(b, path, &data) != PRODUCT_OK)
		return PRODUCT_IO;
	const char *text = data.data ? data.data : "";
	int bad = csv_check_encoding(path, text, data.len, b->d) != 0 ||
	          ws_rows_read(b, text, data.len) < 0;
	buf_free(&data);
	return bad ? PRODUCT_INVALID : PRODUCT_OK;
}

static product_status finish(batch *b)
{
	sp_outdir_sync(b->out);
	if (ws_stop) {
		size_t done = 0;
		for (size_t i = 0; i < b->nrows; i++)
			done += b->rows[i].done == 1;
		diag_printf(stderr,
		            "studypress: interrupted: %zu packet%s written, no "
		            "manifest\n",
		            done, done == 1 ? "" : "s");
		return ws_stop == SIGINT ? PRODUCT_STOPPED_INT
		                         : PRODUCT_STOPPED_TERM;
	}
	ws_report_unwritten(b);
	product_status rc = ws_manifest_write(b);
	if (rc == PRODUCT_OK && !b->o->quiet)
		ws_report_summary(b);
	return rc;
}

product_status ws_batch_run(sp_typeset *r, const sp_corpus *c,
                            const size_t *pool, size_t npool,
                            const ws_batch_opts *o, sp_diag *d)
{
	batch b;
	memset(&b, 0, sizeof b);
	b.r = r, b.c = c, b.pool = pool, b.npool = npool, b.o = o, b.d = d;
	b.file = o->csv_path;
	/* many small PDFs: share one compressed font program per face */
	pdf_fonts_pin_common(r->pdf_fonts);
	sp_outdir od;
	memset(&od, 0, sizeof od);
	od.fd = od.lock_fd = -1;
	product_status rc = read_rows(&b);
	if (rc == PRODUCT_OK && o->exclude_from)
		rc = ws_rows_read_exclusions(&b);
	if (rc == PRODUCT_OK && open_out(&b, &od) < 0)
		rc = PRODUCT_IO;
	if (rc != PRODUCT_OK) {
		sp_outdir_close(&od);
		batch_free(&b);
		return rc;
	}
	ws_rows_find_dups(&b, 0);
	ws_rows_find_dups(&b, 1);
	for (size_t i = 0; i < b.nrows; i++) {
		ws_row *row = &b.rows[i];
		if (!row->mine)
			continue;
		if (row->valid)
			ws_rows_pick(&b, row);
		if (!row->ok)
			rc = PRODUCT_INVALID;
	}
	int child = 0;
	rc = product_worse(rc, render_all(&b, &child));
	if (!child) /* a worker's packets are recorded by the parent */
		rc = product_worse(rc, finish(&b));
	sp_outdir_close(&od);
	batch_free(&b);
	return child ? PRODUCT_OK : rc;
}
