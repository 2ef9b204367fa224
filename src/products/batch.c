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

#include "products/batch.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/workers.h"

static volatile sig_atomic_t ws_stop;

static void on_signal(int sig)
{
	ws_stop = sig;
}

/* ---- rendering ---- */

static char *out_path(const batch *b, const ws_row *row, const char *ed)
{
	sp_buf p = SP_BUF_INIT;
	buf_printf(&p, "%s/%s-%s.pdf", b->o->out_dir, row->base, ed);
	return buf_detach(&p);
}

/* Render a row's editions. */
static product_status render_row(batch *b, const ws_row *row)
{
	ws_info info = {row->f[COL_NAME], row->role_shown, row->f[COL_DATE],
	                row->f[COL_INTERVIEWER], row->variant,
	                b->o->no_answers};
	static const ws_edition eds[2] = {WS_CANDIDATE, WS_INTERVIEWER};
	static const char *const names[2] = {"candidate", "interviewer"};
	for (int k = 0; k < 2; k++) {
		if (!(b->o->edition & eds[k]))
			continue;
		sp_document *doc =
		    ws_build(b->r, b->c, row->qs, row->nqs, &info, eds[k]);
		if (!doc)
			return PRODUCT_INVALID;
		char *path = out_path(b, row, names[k]);
		int rc = pdf_render(doc, b->r->fonts, NULL, path, b->d);
		free(path);
		doc_free(doc);
		if (rc != PDF_OK)
			return rc == PDF_ERR_IO ? PRODUCT_IO : PRODUCT_INVALID;
	}
	return PRODUCT_OK;
}

typedef struct progress {
	int on;
	size_t done, total;
	int width;
} progress;

static void progress_step(progress *p, const ws_row *row)
{
	p->done++;
	if (!p->on)
		return;
	diag_printf(stderr, "\r\033[K[%*zu/%zu] %.60s%s", p->width, p->done,
	            p->total, row->f[COL_NAME],
	            p->done == p->total ? "\n" : "");
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
	progress p;
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
	(void)sig;
	if (result < 0) { /* its worker died: no packet */
		g->rc = product_worse(g->rc, PRODUCT_INVALID);
		return;
	}
	ws_row *row = &g->b->rows[g->todo[i]];
	row->done = result == PRODUCT_OK ? 1 : 2;
	progress_step(&g->p, row);
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

static int make_dirs(const char *dir, sp_diag *d)
{
	char *p = xstrdup(dir);
	for (char *s = p + 1;; s++) {
		char c = *s;
		if (c != '/' && c)
			continue;
		*s = 0;
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			diag_error(d, sp_loc_make(NULL, 0, 0),
			           "cannot create directory '%s': %s", p,
			           strerror(errno));
			free(p);
			return -1;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return 0;
}

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
	rendering g = {b,
	               todo,
	               {b->o->progress > 0 ||
	                    (b->o->progress < 0 && isatty(STDERR_FILENO)),
	                0, n, 1},
	               PRODUCT_OK};
	for (size_t t = n; t >= 10; t /= 10)
		g.p.width++;
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
	if (lost)
		g.rc = product_worse(g.rc, PRODUCT_INVALID);
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
	free(todo);
	return g.rc;
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
	sp_buf data = SP_BUF_INIT;
	if (buf_read_file(&data, o->csv_path, CSV_MAX_FILE_BYTES) < 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0), "cannot read '%s': %s",
		           o->csv_path, buf_strerror(errno));
		return PRODUCT_IO;
	}
	int bad = csv_check_encoding(o->csv_path, data.data ? data.data : "",
	                             data.len, d) != 0 ||
	          ws_rows_read(&b, data.data ? data.data : "", data.len) < 0;
	buf_free(&data);
	if (bad) {
		batch_free(&b);
		return PRODUCT_INVALID;
	}
	product_status rc = PRODUCT_OK;
	if (o->exclude_from)
		rc = ws_rows_read_exclusions(&b);
	if (rc == PRODUCT_OK && make_dirs(o->out_dir, d) < 0)
		rc = PRODUCT_IO;
	if (rc != PRODUCT_OK) {
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
	/* one sync for the whole batch instead of one per packet */
	pdf_set_sync_each(0);
	int child = 0;
	rc = product_worse(rc, render_all(&b, &child));
	if (child) { /* a worker: its packets are recorded by the parent */
		batch_free(&b);
		return PRODUCT_OK;
	}
	pdf_sync_dir(o->out_dir);
	pdf_set_sync_each(1);
	if (ws_stop) {
		size_t done = 0;
		for (size_t i = 0; i < b.nrows; i++)
			done += b.rows[i].done == 1;
		diag_printf(stderr,
		            "studypress: interrupted: %zu packet%s written, no "
		            "manifest\n",
		            done, done == 1 ? "" : "s");
		rc = ws_stop == SIGINT ? PRODUCT_STOPPED_INT
		                       : PRODUCT_STOPPED_TERM;
	} else {
		rc = product_worse(rc, ws_manifest_write(&b));
	}
	batch_free(&b);
	return rc;
}
