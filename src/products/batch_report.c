/* batch_report.c - what a worksheet batch tells its user: progress with
 * a rate and the time left, a worker that died and the rows it took
 * with it, and the closing summary line. Names printed here come from
 * the CSV already without control characters (batch_rows.c, fold). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "products/batch.h"
#include "util/buf.h"
#include "util/outdir.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ws_progress_start(ws_progress *p, int on, size_t total)
{
	memset(p, 0, sizeof *p);
	p->on = on;
	p->total = total;
	p->width = 1;
	for (size_t t = total; t >= 10; t /= 10)
		p->width++;
	p->t0 = now();
}

/* "12.5/s, 1:04 left" (nothing until a rate can be told). */
static void rate_text(const ws_progress *p, char *out, size_t size)
{
	double dt = now() - p->t0;
	out[0] = 0;
	if (dt < 0.05 || !p->done)
		return;
	double rate = (double)p->done / dt;
	unsigned long left =
	    (unsigned long)((double)(p->total - p->done) / rate + 0.5);
	snprintf(out, size, " %.1f/s, %lu:%02lu left", rate, left / 60,
	         left % 60);
}

void ws_progress_step(ws_progress *p, const ws_row *row)
{
	p->done++;
	if (!p->on)
		return;
	char rate[48];
	rate_text(p, rate, sizeof rate);
	diag_printf(stderr, "\r\033[K[%*zu/%zu]%s %.60s%s", p->width, p->done,
	            p->total, rate, row->f[COL_NAME],
	            p->done == p->total ? "\n" : "");
}

/* What a dead worker may have left of a row: its files, renamed or not
 * (the manifest then says "not written", and nothing contradicts it). */
static void discard_row(const batch *b, const ws_row *row)
{
	static const char *const eds[2] = {"candidate", "interviewer"};
	sp_buf name = SP_BUF_INIT;
	for (int k = 0; k < 2; k++) {
		buf_clear(&name);
		buf_printf(&name, "%s-%s.pdf", row->base, eds[k]);
		sp_outdir_discard(b->out, name.data);
	}
	buf_free(&name);
}

void ws_report_died(const batch *b, ws_row *row, int sig)
{
	row->done = 3;
	discard_row(b, row);
	sp_loc loc = sp_loc_make(b->file, row->line, 0);
	if (sig)
		diag_error(b->d, loc,
		           "the worker writing the packet of '%s' died (signal "
		           "%d, %s); the packet was not written",
		           row->f[COL_NAME], sig, strsignal(sig));
	else
		diag_error(b->d, loc,
		           "the worker writing the packet of '%s' exited "
		           "without finishing it; the packet was not written",
		           row->f[COL_NAME]);
}

void ws_report_unwritten(const batch *b)
{
	for (size_t i = 0; i < b->nrows; i++) {
		ws_row *row = &b->rows[i];
		if (!row->mine || !row->ok || row->done)
			continue;
		row->done = 3;
		diag_error(b->d, sp_loc_make(b->file, row->line, 0),
		           "the packet of '%s' was not written: no worker was "
		           "left to write it",
		           row->f[COL_NAME]);
	}
}

void ws_report_summary(const batch *b)
{
	size_t packets = 0, skipped = 0;
	for (size_t i = 0; i < b->nrows; i++) {
		if (!b->rows[i].mine)
			continue;
		if (b->rows[i].done == 1)
			packets++;
		else
			skipped++;
	}
	int per = (b->o->edition & WS_CANDIDATE ? 1 : 0) +
	          (b->o->edition & WS_INTERVIEWER ? 1 : 0);
	char manifest[64];
	if (b->o->shard_n > 1)
		snprintf(manifest, sizeof manifest, "manifest-%ld-of-%ld.csv",
		         b->o->shard_k, b->o->shard_n);
	else
		snprintf(manifest, sizeof manifest, "manifest.csv");
	size_t n = strlen(b->o->out_dir);
	const char *slash = n && b->o->out_dir[n - 1] == '/' ? "" : "/";
	char tail[96] = "";
	if (skipped)
		snprintf(tail, sizeof tail, "; %zu row%s skipped, see above",
		         skipped, skipped == 1 ? "" : "s");
	diag_printf(stderr,
	            "wrote %zu packet%s (%zu PDF%s) and %s into %s%s%s\n",
	            packets, packets == 1 ? "" : "s", packets * (size_t)per,
	            packets * (size_t)per == 1 ? "" : "s", manifest,
	            b->o->out_dir, slash, tail);
}
