/* batch.c - worksheet batches: one packet (candidate and interviewer
 * editions) per row of a candidates CSV, a manifest of who got what,
 * shards (--shard K/N), parallel workers (--jobs N, fork) and clean stops
 * on SIGINT/SIGTERM.
 *
 * Every row is parsed and validated by every run (so duplicate names and
 * ids are found the same way in every shard); only the rows of this
 * shard are reported, picked and rendered. A row's selection depends only
 * on the base seed (or the row's own seed) and its id (or name). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "products/csv.h"
#include "products/worksheet.h"
#include "util/buf.h"
#include "util/mem.h"

enum { COL_NAME, COL_ID, COL_ROLE, COL_SEED, COL_DATE, COL_INTERVIEWER, NCOLS };
static const char *const col_names[NCOLS] = {"name", "id",   "role",
                                             "seed", "date", "interviewer"};

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

static volatile sig_atomic_t ws_stop;

static void on_signal(int sig)
{
	ws_stop = sig;
}

/* ---- reading the CSV ---- */

static char *fold(const char *s)
{
	sp_buf b = SP_BUF_INIT;
	int space = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *p);
	}
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static int read_header(batch *b, const csv_record *rec)
{
	sp_loc loc = sp_loc_make(b->file, rec->line, 0);
	if (rec->error) {
		diag_error(b->d, sp_loc_make(b->file, rec->error_line, 0), "%s",
		           rec->error);
		return -1;
	}
	for (int k = 0; k < NCOLS; k++)
		b->col[k] = -1;
	b->ncols = rec->n;
	int bad = 0;
	for (size_t i = 0; i < rec->n; i++) {
		char *h = fold(rec->fields[i]);
		int k = 0;
		while (h && k < NCOLS && strcasecmp(h, col_names[k]))
			k++;
		if (!h || k == NCOLS) {
			diag_warning(b->d, loc, "unknown column '%s' ignored",
			             h ? h : "");
		} else if (b->col[k] >= 0) {
			diag_error(b->d, loc, "column '%s' appears twice", h);
			bad = 1;
		} else {
			b->col[k] = (int)i;
		}
		free(h);
	}
	if (b->col[COL_NAME] < 0) {
		diag_error(b->d, loc, "the header has no 'name' column");
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int parse_seed(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || *end || s[0] == '-' || s[0] == '+')
		return -1;
	*out = v;
	return 0;
}

/* Checks made for every row: CSV errors, field count, name, seed. */
static void check_row(batch *b, ws_row *row, const csv_record *rec)
{
	sp_loc loc = sp_loc_make(b->file, rec->line, 0);
	const char *err = NULL;
	char msg[200];
	if (rec->error) {
		loc.line = rec->error_line;
		err = rec->error;
	} else if (rec->n > b->ncols) {
		snprintf(msg, sizeof msg,
		         "too many fields (%zu; the header has %zu)", rec->n,
		         b->ncols);
		err = msg;
	}
	for (int k = 0; !err && k < NCOLS; k++)
		if (b->col[k] >= 0 && (size_t)b->col[k] < rec->n)
			row->f[k] = fold(rec->fields[b->col[k]]);
	if (!err && !row->f[COL_NAME])
		err = "missing name";
	else if (!err && strlen(row->f[COL_NAME]) > MAX_NAME_BYTES)
		err = "name too long";
	if (!err && row->f[COL_SEED] &&
	    parse_seed(row->f[COL_SEED], &row->seed) < 0) {
		snprintf(msg, sizeof msg, "bad seed '%.60s'", row->f[COL_SEED]);
		err = msg;
	}
	if (err) {
		if (row->mine)
			diag_error(b->d, loc, "%s", err);
		return;
	}
	row->valid = 1;
	char *n = ws_slug(row->f[COL_NAME]);
	if (row->f[COL_ID]) {
		char *i = ws_slug(row->f[COL_ID]);
		sp_buf s = SP_BUF_INIT;
		buf_printf(&s, "%s-%s", n, i);
		free(n);
		free(i);
		n = buf_detach(&s);
	}
	row->base = n;
}

static int read_rows(batch *b, const char *data, size_t len)
{
	csv_reader rd;
	csv_reader_init(&rd, data, len);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	if (!csv_next(&rd, &rec)) {
		diag_error(b->d, sp_loc_make(b->file, 0, 0),
		           "empty file: expected a header row with 'name'");
		csv_record_free(&rec);
		return -1;
	}
	if (read_header(b, &rec) < 0) {
		csv_record_free(&rec);
		return -1;
	}
	size_t cap = 0;
	const ws_batch_opts *o = b->o;
	while (csv_next(&rd, &rec)) {
		b->rows = xgrow(b->rows, &cap, b->nrows + 1, sizeof(ws_row));
		ws_row *row = &b->rows[b->nrows];
		memset(row, 0, sizeof *row);
		row->index = b->nrows++;
		row->line = rec.line;
		row->role = -1;
		row->mine =
		    (long)(row->index % (size_t)o->shard_n) == o->shard_k - 1;
		check_row(b, row, &rec);
	}
	csv_record_free(&rec);
	return 0;
}

/* ---- duplicates: a later row with the same file name or id fails ---- */

typedef struct dup_key {
	const char *s;
	size_t row;
} dup_key;

static int cmp_dup(const void *a, const void *b)
{
	const dup_key *x = a, *y = b;
	int c = strcmp(x->s, y->s);
	if (c)
		return c;
	return x->row < y->row ? -1 : x->row > y->row;
}

static void find_dups(batch *b, int by_id)
{
	dup_key *k = xmalloc((b->nrows + 1) * sizeof *k);
	size_t n = 0;
	for (size_t i = 0; i < b->nrows; i++) {
		const char *s = by_id ? b->rows[i].f[COL_ID] : b->rows[i].base;
		if (b->rows[i].valid && s)
			k[n++] = (dup_key){s, i};
	}
	qsort(k, n, sizeof *k, cmp_dup);
	for (size_t i = 1; i < n; i++) {
		size_t j = i;
		while (j > 0 && !strcmp(k[j - 1].s, k[i].s))
			j--;
		if (j == i)
			continue;
		ws_row *row = &b->rows[k[i].row];
		ws_row *first = &b->rows[k[j].row];
		if (row->mine)
			diag_error(b->d, sp_loc_make(b->file, row->line, 0),
			           by_id
			               ? "id '%s' already used on line %u"
			               : "file name '%s' already used on line "
			                 "%u; give the rows distinct ids",
			           k[i].s, first->line);
		row->valid = 0;
	}
	free(k);
}

/* ---- --exclude-from ---- */

static product_status read_exclusions(batch *b)
{
	sp_buf data = SP_BUF_INIT;
	const char *path = b->o->exclude_from;
	if (buf_read_file(&data, path, CSV_MAX_FILE_BYTES) < 0) {
		diag_error(b->d, sp_loc_make(NULL, 0, 0),
		           "cannot read '%s': %s", path, buf_strerror(errno));
		return PRODUCT_IO;
	}
	csv_reader rd;
	csv_reader_init(&rd, data.data ? data.data : "", data.len);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	int ci = -1, ii = -1, qi = -1;
	product_status rc = PRODUCT_OK;
	size_t cap = 0;
	for (int first = 1; csv_next(&rd, &rec); first = 0) {
		if (rec.error) {
			diag_error(b->d, sp_loc_make(path, rec.error_line, 0),
			           "%s", rec.error);
			rc = PRODUCT_INVALID;
			continue;
		}
		if (first) {
			for (size_t i = 0; i < rec.n; i++) {
				if (!strcasecmp(rec.fields[i], "candidate") ||
				    !strcasecmp(rec.fields[i], "name"))
					ci = (int)i;
				else if (!strcasecmp(rec.fields[i], "id"))
					ii = (int)i;
				else if (!strcasecmp(rec.fields[i],
				                     "questions"))
					qi = (int)i;
			}
			if (qi < 0 || (ci < 0 && ii < 0)) {
				diag_error(b->d, sp_loc_make(path, rec.line, 0),
				           "not a worksheet manifest: expected "
				           "'candidate', 'id' and 'questions' "
				           "columns");
				rc = PRODUCT_INVALID;
				break;
			}
			continue;
		}
		size_t need = b->nex + 1, c2 = cap;
		b->ex_id = xgrow(b->ex_id, &c2, need, sizeof(char *));
		c2 = cap;
		b->ex_name = xgrow(b->ex_name, &c2, need, sizeof(char *));
		b->ex_q = xgrow(b->ex_q, &cap, need, sizeof(char *));
		b->ex_id[b->nex] =
		    ii >= 0 && (size_t)ii < rec.n ? fold(rec.fields[ii]) : NULL;
		b->ex_name[b->nex] =
		    ci >= 0 && (size_t)ci < rec.n ? fold(rec.fields[ci]) : NULL;
		b->ex_q[b->nex] =
		    (size_t)qi < rec.n ? xstrdup(rec.fields[qi]) : xstrdup("");
		b->nex++;
	}
	csv_record_free(&rec);
	buf_free(&data);
	return rc;
}

static int ex_matches(const batch *b, size_t e, const ws_row *row)
{
	const char *id = row->f[COL_ID];
	if (id && b->ex_id[e])
		return !strcmp(id, b->ex_id[e]);
	return b->ex_name[e] && !strcmp(b->ex_name[e], row->f[COL_NAME]);
}

static int word_in(const char *list, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = list; (p = strstr(p, w)); p++)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

static int excluded(const batch *b, const ws_row *row, const char *qid)
{
	for (size_t e = 0; e < b->nex; e++)
		if (ex_matches(b, e, row) && word_in(b->ex_q[e], qid))
			return 1;
	return 0;
}

/* ---- picking ---- */

static long match_role(const sp_corpus *c, const char *s)
{
	for (size_t i = 0; i < c->nroles; i++)
		if (!strcmp(c->roles[i].id, s) ||
		    (c->roles[i].name && !strcasecmp(c->roles[i].name, s)))
			return (long)i;
	return -1;
}

static int has_role(const sp_question *q, long role)
{
	if (role < 0 || q->nroles == 0)
		return 1;
	for (size_t i = 0; i < q->nroles; i++)
		if (q->roles[i] == (size_t)role)
			return 1;
	return 0;
}

static void pick_row(batch *b, ws_row *row)
{
	const sp_corpus *c = b->c;
	const char *role = row->f[COL_ROLE];
	row->role = role ? match_role(c, role) : -1;
	row->role_shown = row->role >= 0 ? c->roles[row->role].name : role;
	size_t *pool = xmalloc((b->npool + 1) * sizeof(size_t));
	size_t n = 0;
	for (size_t i = 0; i < b->npool; i++) {
		const sp_question *q = &c->questions[b->pool[i]];
		if (has_role(q, row->role) && !excluded(b, row, q->id))
			pool[n++] = b->pool[i];
	}
	uint64_t base = row->f[COL_SEED] ? row->seed : b->o->base_seed;
	const char *key = row->f[COL_ID] ? row->f[COL_ID] : row->f[COL_NAME];
	row->seed = ws_candidate_seed(base, key);
	char who[MAX_NAME_BYTES + 32];
	snprintf(who, sizeof who, "candidate '%s'", row->f[COL_NAME]);
	if (ws_pick(c, pool, n, &b->o->pick, row->seed,
	            sp_loc_make(b->file, row->line, 0), who, &row->qs,
	            &row->nqs, b->d) == 0) {
		ws_variant_code(c, row->seed, row->qs, row->nqs, row->variant);
		row->ok = 1;
	}
	free(pool);
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
	                row->f[COL_INTERVIEWER], row->variant};
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

typedef struct msg {
	uint32_t row;
	uint32_t rc;
} msg;

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

static void worker(batch *b, size_t *todo, size_t n, long w, long jobs, int fd)
{
	install(1, NULL);
	for (size_t i = (size_t)w; i < n && !ws_stop; i += (size_t)jobs) {
		ws_row *row = &b->rows[todo[i]];
		msg m = {(uint32_t)todo[i], (uint32_t)render_row(b, row)};
		if (write(fd, &m, sizeof m) != (ssize_t)sizeof m)
			break;
	}
	close(fd);
	fflush(NULL);
	_exit(0);
}

static product_status record(batch *b, progress *p, const msg *m)
{
	if (m->row >= b->nrows)
		return PRODUCT_OK;
	ws_row *row = &b->rows[m->row];
	row->done = m->rc == PRODUCT_OK ? 1 : 2;
	progress_step(p, row);
	return (product_status)m->rc;
}

static product_status run_parallel(batch *b, size_t *todo, size_t n, long jobs,
                                   progress *p)
{
	int fds[2];
	if (pipe(fds) < 0) {
		diag_error(b->d, sp_loc_make(NULL, 0, 0), "pipe: %s",
		           strerror(errno));
		return PRODUCT_IO;
	}
	pid_t *pids = xcalloc((size_t)jobs, sizeof(pid_t));
	fflush(NULL);
	long started = 0;
	for (long w = 0; w < jobs; w++) {
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			worker(b, todo, n, w, jobs, fds[1]);
		}
		if (pid < 0)
			break;
		pids[started++] = pid;
	}
	close(fds[1]);
	product_status rc = PRODUCT_OK;
	int forwarded = 0;
	msg m;
	for (;;) {
		ssize_t got = read(fds[0], &m, sizeof m);
		if (got == (ssize_t)sizeof m) {
			rc = product_worse(rc, record(b, p, &m));
			continue;
		}
		if (got < 0 && errno == EINTR) {
			if (ws_stop && !forwarded) {
				for (long w = 0; w < started; w++)
					kill(pids[w], SIGTERM);
				forwarded = 1;
			}
			continue;
		}
		break; /* EOF: every worker has finished */
	}
	close(fds[0]);
	for (long w = 0; w < started; w++) {
		int st;
		while (waitpid(pids[w], &st, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			rc = product_worse(rc, PRODUCT_INVALID);
	}
	if (started < jobs && !started) {
		diag_error(b->d, sp_loc_make(NULL, 0, 0), "fork: %s",
		           strerror(errno));
		rc = PRODUCT_IO;
	}
	free(pids);
	return rc;
}

static product_status run_serial(batch *b, size_t *todo, size_t n, progress *p)
{
	product_status rc = PRODUCT_OK;
	for (size_t i = 0; i < n && !ws_stop; i++) {
		msg m = {(uint32_t)todo[i], 0};
		m.rc = (uint32_t)render_row(b, &b->rows[todo[i]]);
		rc = product_worse(rc, record(b, p, &m));
	}
	return rc;
}

static long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

/* ---- manifest ---- */

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

static product_status write_manifest(batch *b)
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

static product_status render_all(batch *b)
{
	size_t *todo = xmalloc((b->nrows + 1) * sizeof(size_t));
	size_t n = 0;
	for (size_t i = 0; i < b->nrows; i++)
		if (b->rows[i].mine && b->rows[i].ok)
			todo[n++] = i;
	long jobs = b->o->jobs > 0 ? b->o->jobs : default_jobs();
	if ((size_t)jobs > n)
		jobs = n ? (long)n : 1;
	progress p = {b->o->progress > 0 ||
	                  (b->o->progress < 0 && isatty(STDERR_FILENO)),
	              0, n, 1};
	for (size_t t = n; t >= 10; t /= 10)
		p.width++;
	struct sigaction old[2];
	ws_stop = 0;
	install(jobs == 1, old);
	product_status rc = jobs == 1 ? run_serial(b, todo, n, &p)
	                              : run_parallel(b, todo, n, jobs, &p);
	sigaction(SIGINT, &old[0], NULL);
	sigaction(SIGTERM, &old[1], NULL);
	free(todo);
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
	sp_buf data = SP_BUF_INIT;
	if (buf_read_file(&data, o->csv_path, CSV_MAX_FILE_BYTES) < 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0), "cannot read '%s': %s",
		           o->csv_path, buf_strerror(errno));
		return PRODUCT_IO;
	}
	int bad = read_rows(&b, data.data ? data.data : "", data.len) < 0;
	buf_free(&data);
	if (bad) {
		batch_free(&b);
		return PRODUCT_INVALID;
	}
	product_status rc = PRODUCT_OK;
	if (o->exclude_from)
		rc = read_exclusions(&b);
	if (rc == PRODUCT_OK && make_dirs(o->out_dir, d) < 0)
		rc = PRODUCT_IO;
	if (rc != PRODUCT_OK) {
		batch_free(&b);
		return rc;
	}
	find_dups(&b, 0);
	find_dups(&b, 1);
	for (size_t i = 0; i < b.nrows; i++) {
		ws_row *row = &b.rows[i];
		if (!row->mine)
			continue;
		if (row->valid)
			pick_row(&b, row);
		if (!row->ok)
			rc = PRODUCT_INVALID;
	}
	/* one sync for the whole batch instead of one per packet */
	pdf_set_sync_each(0);
	rc = product_worse(rc, render_all(&b));
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
		rc = product_worse(rc, write_manifest(&b));
	}
	batch_free(&b);
	return rc;
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

product_status ws_merge_manifests(const char *out_dir, long n, sp_diag *d)
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
