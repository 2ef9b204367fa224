/* batch_rows.c - the rows of a candidates CSV: the header's columns,
 * each row's fields folded and checked the same way by every shard (so
 * duplicate names and ids are found alike everywhere), duplicates, the
 * questions an earlier round's manifest excludes, and each row's pick. A
 * row's selection depends only on the base seed (or the row's own seed)
 * and its id (or name). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/text.h"
#include "products/batch.h"
#include "util/buf.h"
#include "util/ctrl.h"
#include "util/mem.h"

static const char *const col_names[NCOLS] = {"name", "id",   "role",
                                             "seed", "date", "interviewer"};

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
		size_t ctrl = sp_ctrl_len(p); /* never printed: see ctrl.h */
		if (ctrl) {
			p += ctrl - 1;
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

int ws_rows_read(batch *b, const char *data, size_t len)
{
	csv_reader rd;
	csv_reader_init(&rd, data, len);
	rd.sep =
	    b->o->delimiter ? b->o->delimiter : csv_detect_separator(data, len);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	if (!csv_next_filled(&rd, &rec)) {
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
	while (csv_next_filled(&rd, &rec)) {
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

void ws_rows_find_dups(batch *b, int by_id)
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

product_status ws_rows_read_file(batch *b, const char *path, sp_buf *data)
{
	if (buf_read_file(data, path, CSV_MAX_FILE_BYTES) < 0) {
		diag_error(b->d, sp_loc_make(NULL, 0, 0),
		           "cannot read '%s': %s", path, buf_strerror(errno));
		return PRODUCT_IO;
	}
	return PRODUCT_OK;
}

product_status ws_rows_read_exclusions(batch *b)
{
	sp_buf data = SP_BUF_INIT;
	const char *path = b->o->exclude_from;
	if (ws_rows_read_file(b, path, &data) != PRODUCT_OK)
		return PRODUCT_IO;
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
		b->ex_id[b->nex] = ii >= 0 && (size_t)ii < rec.n
		                       ? fold(ws_manifest_cell(rec.fields[ii]))
		                       : NULL;
		b->ex_name[b->nex] =
		    ci >= 0 && (size_t)ci < rec.n
		        ? fold(ws_manifest_cell(rec.fields[ci]))
		        : NULL;
		b->ex_q[b->nex] = xstrdup(
		    (size_t)qi < rec.n ? ws_manifest_cell(rec.fields[qi]) : "");
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

/* s lowercased (ASCII) into out (n bytes). */
static void lower(const char *s, char *out, size_t n)
{
	size_t i = 0;
	for (; s[i] && i + 1 < n; i++)
		out[i] =
		    (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	out[i] = '\0';
}

/* The role id or name closest to s (ignoring case) when it is close: a
 * typo ("Product Manger", "ml-scientst"), not another word. */
static const char *near_role(const sp_corpus *c, const char *s)
{
	char ls[72], lt[72];
	lower(s, ls, sizeof ls);
	size_t limit = strlen(ls) <= 12 ? 2 : strlen(ls) / 6;
	const char *best = NULL;
	size_t bd = (size_t)-1;
	for (size_t i = 0; i < c->nroles; i++) {
		const char *cand[2] = {c->roles[i].id, c->roles[i].name};
		for (int k = 0; k < 2; k++) {
			if (!cand[k])
				continue;
			lower(cand[k], lt, sizeof lt);
			size_t d = text_distance(ls, lt);
			if (d < bd) {
				bd = d;
				best = cand[k];
			}
		}
	}
	return best && bd <= limit ? best : NULL;
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

void ws_rows_pick(batch *b, ws_row *row)
{
	const sp_corpus *c = b->c;
	const char *role = row->f[COL_ROLE];
	row->role = role ? match_role(c, role) : -1;
	const char *near = role && row->role < 0 ? near_role(c, role) : NULL;
	if (near)
		diag_warning(b->d, sp_loc_make(b->file, row->line, 0),
		             "candidate '%s': role '%s' is not a role of the "
		             "corpus (did you mean '%s'?); questions of every "
		             "role are picked",
		             row->f[COL_NAME], role, near);
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
