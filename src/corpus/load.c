/* load.c - load a corpus: files in order, each parsed into a node tree
 * and read into the model; then references are resolved and every
 * message is reported in file order. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus/fileparse.h"
#include "corpus/loader.h"
#include "corpus/readfile.h"
#include "corpus/text.h"
#include "util/buf.h"
#include "util/mem.h"

static size_t add_file(loader *L, const char *name)
{
	sp_corpus *c = L->c;
	c->files =
	    xgrow(c->files, &L->cap_files, c->nfiles + 1, sizeof *c->files);
	c->files[c->nfiles] = xstrdup(name);
	return c->nfiles++;
}

static void index_lines(loader *L)
{
	L->nlines = 0;
	size_t start = 0;
	for (;;) {
		L->lines = xgrow(L->lines, &L->cap_lines, L->nlines + 1,
		                 sizeof *L->lines);
		L->lines[L->nlines++] = start;
		const char *nl = memchr(L->data + start, '\n', L->len - start);
		if (!nl)
			break;
		start = (size_t)(nl - L->data) + 1;
	}
}

enum { T_CORPUS, T_ROLES, T_CATEGORIES, T_QUESTIONS, T_DEFAULTS, T_N };
static const ld_key top_keys[T_N] = {{"corpus", 0},
                                     {"roles", 0},
                                     {"categories", 0},
                                     {"questions", 0},
                                     {"defaults", 0}};

static void read_top(loader *L, const ytree *t)
{
	const ynode *root = t->root;
	if (t->ndocs > 1)
		ld_report(
		    L, L->file, SP_ERROR, t->second_doc_line, 1,
		    "a file holds one YAML document; this is a second one");
	if (!root || (root->kind == YN_SCALAR && root->is_null)) {
		ld_report(L, L->file, SP_WARNING, 0, 0, "the file is empty");
		return;
	}
	const ynode *k[T_N];
	if (ld_map(L, root, "the top level", top_keys, T_N, k))
		return;
	if (k[T_DEFAULTS])
		ld_defaults_read(L, k[T_DEFAULTS]);
	if (k[T_CORPUS])
		ld_corpus_meta(L, k[T_CORPUS]);
	if (k[T_ROLES])
		ld_roles(L, k[T_ROLES]);
	if (k[T_CATEGORIES])
		ld_categories(L, k[T_CATEGORIES]);
	if (k[T_QUESTIONS])
		ld_questions(L, k[T_QUESTIONS]);
	ld_defaults_free(&L->defaults);
}

static void invalid_utf8(loader *L, size_t file, const char *data, size_t off,
                         size_t bom)
{
	unsigned line = 1, col = 1;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)data[i];
		if (ch == '\n') {
			line++;
			col = 1;
		} else if ((ch & 0xC0) != 0x80) {
			col++;
		}
	}
	ld_report(L, file, SP_ERROR, line, col,
	          "invalid UTF-8 (byte offset %zu)", off + bom);
}

/* A file read and being parsed. */
typedef struct ld_pending {
	size_t file;
	sp_buf bytes;
	int parsing; /* its text is being parsed into p */
	size_t bom;  /* bytes of BOM before it */
	ld_parse p;
} ld_pending;

/* Starts parsing the text of f (after any BOM). */
static void start(ld_pending *f, const char *data, size_t len, int ahead)
{
	f->bom = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
	f->parsing = 1;
	if (ahead)
		ld_parse_start(&f->p, data + f->bom, len - f->bom);
	else
		ld_parse_run(&f->p, data + f->bom, len - f->bom);
}

/* Reads file (an index into corpus.files) and starts parsing its text,
 * on a helper thread when ahead is set; or reports why it cannot. */
static void fetch(loader *L, size_t file, int ahead, ld_pending *f)
{
	memset(f, 0, sizeof *f);
	f->file = file;
	if (ld_read_file(L, file, &f->bytes) != 0)
		return;
	L->total_bytes += f->bytes.len;
	if (L->total_bytes > CORPUS_MAX_TOTAL_BYTES) {
		ld_report(L, file, SP_ERROR, 0, 0,
		          "corpus too large (the limit is %u bytes in total)",
		          CORPUS_MAX_TOTAL_BYTES);
		return;
	}
	start(f, f->bytes.data ? f->bytes.data : "", f->bytes.len, ahead);
}

/* Reads a fetched file into the model (its parse finished first), and
 * frees it. */
static void take(loader *L, ld_pending *f)
{
	if (f->parsing) {
		ld_parse_wait(&f->p);
		if (f->p.bad != TEXT_OK)
			invalid_utf8(L, f->file, f->p.data, f->p.bad, f->bom);
		L->file = f->file;
		L->fname = L->c->files[f->file];
		L->data = f->p.data;
		L->len = f->p.len;
		index_lines(L);
		for (size_t i = 0; i < f->p.nmsgs; i++) {
			const ld_ymsg *m = &f->p.msgs[i];
			ld_report(L, f->file, m->sev, m->line, m->col, "%s",
			          m->text);
		}
		if (f->p.rc == 0)
			read_top(L, &f->p.tree);
		L->data = NULL;
		L->len = 0;
		ld_parse_free(&f->p);
	}
	buf_free(&f->bytes);
}

static void load_one(loader *L, const char *path)
{
	ld_pending f;
	fetch(L, add_file(L, path), 0, &f);
	take(L, &f);
}

/* The files of a directory, each parsed on a helper thread while those
 * before it are read into the model (parsing is more than half the work
 * of loading): two files ahead, so that the second core has always one
 * to parse; a file whose turn comes before its thread has begun is
 * parsed here. */
static void load_dir(loader *L, const char *path)
{
	char **files;
	size_t n;
	if (ld_list_dir(path, &files, &n) < 0)
		ld_report(L, LD_NO_FILE, SP_ERROR, 0, 0,
		          "more than %u corpus files", CORPUS_MAX_FILES);
	else if (n == 0)
		ld_report(L, LD_NO_FILE, SP_ERROR, 0, 0,
		          "no *.yaml or *.yml files found");
	ld_pending f[3];
	size_t fetched = 0; /* files i + 1 and i + 2 are fetched before file
	                     * i is taken */
	for (size_t i = 0; i < n; i++) {
		while (fetched < n && fetched <= i + 2 &&
		       L->total_bytes <= CORPUS_MAX_TOTAL_BYTES) {
			fetch(L, add_file(L, files[fetched]), 1,
			      &f[fetched % 3]);
			fetched++;
		}
		if (i < fetched)
			take(L, &f[i % 3]);
		free(files[i]);
	}
	free(files);
}

static void loader_init(loader *L, const char *path)
{
	memset(L, 0, sizeof *L);
	L->c = xcalloc(1, sizeof *L->c);
	L->path = path;
	L->file = LD_NO_FILE;
	L->part = LD_NO_FILE;
}

static void loader_free_refs(loader *L)
{
	for (size_t i = 0; i < L->c->nquestions; i++) {
		ld_qrefs *r = &L->qrefs[i];
		free(r->category.id);
		ld_refs_free(r->roles, r->nroles);
		ld_refs_free(r->related, r->nrelated);
	}
	free(L->qrefs);
	free(L->lines);
	free(L->part_first);
}

/* Resolve, report, and hand over the corpus (or NULL on any error). */
static sp_corpus *finish(loader *L, sp_diag *d, int *status)
{
	sp_corpus *c = L->c;
	if (L->nparts > 1) {
		L->path = NULL; /* what follows is about all of them */
		L->part = LD_NO_FILE;
	}
	if (!ld_count_errors(L) && !c->nquestions)
		ld_report(L, LD_NO_FILE, SP_ERROR, 0, 0, "no questions found");
	if (L->nparts > 1)
		ld_merge_parts(L);
	ld_resolve(L);
	if (!c->language.s)
		c->language.s = xstrdup("en");
	int failed = ld_count_errors(L) > 0;
	if (status)
		*status = !failed       ? CORPUS_LOAD_OK
		          : L->io_error ? CORPUS_LOAD_IO
		                        : CORPUS_LOAD_INVALID;
	ld_flush(L, d);
	loader_free_refs(L);
	if (failed) {
		corpus_free(c);
		return NULL;
	}
	return c;
}

/* Start reading the next corpus, named path. */
static void part_begin(loader *L, const char *path)
{
	L->part = L->nparts;
	L->part_first = xgrow(L->part_first, &L->cap_part_first, L->nparts + 1,
	                      sizeof *L->part_first);
	L->part_first[L->nparts++] = L->c->nfiles;
	L->path = path;
	L->has_corpus = 0;
}

/* Record what the corpus just read declared (before merging). */
static void part_end(loader *L, size_t questions, size_t roles, size_t cats)
{
	if (!L->parts)
		return;
	corpus_part *p = &L->parts[L->part];
	p->nquestions = L->c->nquestions - questions;
	p->nroles = L->c->nroles - roles;
	p->ncategories = L->c->ncategories - cats;
}

static void load_path(loader *L, const char *path)
{
	sp_corpus *c = L->c;
	size_t q = c->nquestions, r = c->nroles, k = c->ncategories;
	part_begin(L, path);
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		load_dir(L, path);
	else
		load_one(L, path);
	part_end(L, q, r, k);
}

size_t ld_part_of_file(const loader *L, size_t file)
{
	if (!L->nparts)
		return LD_NO_FILE;
	size_t lo = 0, hi = L->nparts; /* last part starting at or before */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (L->part_first[mid] <= file)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

sp_corpus *corpus_load_many(const char *const *paths, size_t npaths, sp_diag *d,
                            int *status, corpus_part *parts)
{
	loader L;
	loader_init(&L, npaths ? paths[0] : NULL);
	L.parts = parts;
	for (size_t i = 0; parts && i < npaths; i++) {
		memset(&parts[i], 0, sizeof parts[i]);
		parts[i].path = paths[i];
	}
	for (size_t i = 0; i < npaths; i++)
		load_path(&L, paths[i]);
	return finish(&L, d, status);
}

sp_corpus *corpus_load_status(const char *path, sp_diag *d, int *status)
{
	return corpus_load_many(&path, 1, d, status, NULL);
}

sp_corpus *corpus_load(const char *path, sp_diag *d)
{
	return corpus_load_status(path, d, NULL);
}

sp_corpus *corpus_load_bytes(const char *name, const char *data, size_t len,
                             sp_diag *d)
{
	loader L;
	loader_init(&L, name);
	part_begin(&L, name);
	ld_pending f;
	memset(&f, 0, sizeof f);
	f.file = add_file(&L, name);
	start(&f, data, len, 0);
	take(&L, &f);
	return finish(&L, d, NULL);
}
