/* ldmsg.c - the loader's messages: collected while loading, then sorted
 * into file order (file, line, column), de-duplicated and reported. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "corpus/text.h"
#include "util/buf.h"
#include "util/mem.h"

static void add(loader *L, size_t file, const char *fname, sp_severity sev,
                unsigned line, unsigned col, const char *fmt, va_list ap)
{
	sp_buf b = SP_BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	L->msgs = xgrow(L->msgs, &L->cap_msgs, L->nmsgs + 1, sizeof *L->msgs);
	ld_msg *m = &L->msgs[L->nmsgs];
	m->file = file;
	m->fname = fname;
	m->line = line;
	m->col = col;
	m->sev = sev;
	m->part = file == LD_NO_FILE ? L->part : ld_part_of_file(L, file);
	m->seq = L->nmsgs++;
	m->text = buf_detach(&b);
}

static const char *file_name(const loader *L, size_t file)
{
	if (file == LD_NO_FILE)
		return L->path;
	return L->c->files[file];
}

void ld_report(loader *L, size_t file, sp_severity sev, unsigned line,
               unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(L, file, file_name(L, file), sev, line, col, fmt, ap);
	va_end(ap);
}

void ld_error(loader *L, const ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(L, L->file, L->fname, SP_ERROR, at ? at->line : 0, at ? at->col : 0,
	    fmt, ap);
	va_end(ap);
}

void ld_warning(loader *L, const ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(L, L->file, L->fname, SP_WARNING, at ? at->line : 0,
	    at ? at->col : 0, fmt, ap);
	va_end(ap);
}

void ld_error_ref(loader *L, const ld_ref *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(L, r->file, r->loc.file, SP_ERROR, r->loc.line, r->loc.col, fmt,
	    ap);
	va_end(ap);
}

void ld_warning_ref(loader *L, const ld_ref *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(L, r->file, r->loc.file, SP_WARNING, r->loc.line, r->loc.col, fmt,
	    ap);
	va_end(ap);
}

size_t ld_count_errors(const loader *L)
{
	size_t n = 0;
	for (size_t i = 0; i < L->nmsgs; i++)
		n += L->msgs[i].sev == SP_ERROR;
	return n;
}

static int cmp_size(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_msg(const void *pa, const void *pb)
{
	const ld_msg *a = pa, *b = pb;
	int r = cmp_size(a->file, b->file);
	if (!r)
		r = cmp_size(a->line, b->line);
	if (!r)
		r = cmp_size(a->col, b->col);
	return r ? r : cmp_size(a->seq, b->seq);
}

static int same_msg(const ld_msg *a, const ld_msg *b)
{
	return a->file == b->file && a->line == b->line && a->col == b->col &&
	       a->sev == b->sev && !strcmp(a->text, b->text);
}

/* Count a reported message against its corpus (corpus_load_many). */
static void count_part(loader *L, const ld_msg *m)
{
	if (!L->parts || m->part >= L->nparts)
		return;
	if (m->sev == SP_ERROR)
		L->parts[m->part].errors++;
	else if (m->sev == SP_WARNING)
		L->parts[m->part].warnings++;
}

void ld_flush(loader *L, sp_diag *d)
{
	if (L->nmsgs)
		qsort(L->msgs, L->nmsgs, sizeof *L->msgs, cmp_msg);
	for (size_t i = 0; i < L->nmsgs; i++) {
		ld_msg *m = &L->msgs[i];
		int dup = i > 0 && same_msg(&L->msgs[i - 1], m);
		if (!dup)
			count_part(L, m);
		if (!dup && d)
			diag_report(d, m->sev,
			            sp_loc_make(m->fname, m->line, m->col),
			            "%s", m->text);
	}
	for (size_t i = 0; i < L->nmsgs; i++)
		free(L->msgs[i].text);
	free(L->msgs);
	L->msgs = NULL;
	L->nmsgs = L->cap_msgs = 0;
}

const char *ld_suggest(const char *word, const char *const *names, size_t n,
                       char *out, size_t outsz)
{
	size_t best = (size_t)-1, bi = 0;
	for (size_t i = 0; i < n; i++) {
		if (!names[i])
			continue;
		size_t dist = text_distance(word, names[i]);
		if (dist < best) {
			best = dist;
			bi = i;
		}
	}
	size_t len = strlen(word);
	size_t limit = len <= 3 ? 1 : 2;
	if (best == 0 || best > limit) {
		out[0] = '\0';
		return out;
	}
	snprintf(out, outsz, " (did you mean '%s'?)", names[bi]);
	return out;
}

sp_loc ld_loc(const loader *L, const ynode *n)
{
	return sp_loc_make(L->fname, n ? n->line : 0, n ? n->col : 0);
}

void ld_loc_string(const loader *L, sp_loc loc, char *out, size_t outsz)
{
	(void)L;
	snprintf(out, outsz, "%s:%u:%u", loc.file ? loc.file : "?", loc.line,
	         loc.col);
}
