/* import.c - `studypress import` from the top: read each file, decode
 * it, detect or take its format, read it into one corpus, then give the
 * questions ids and write the YAML. All or nothing: any error, and
 * nothing is written. */
#include "import/import.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "corpus/corpus.h"
#include "import/formats.h"
#include "import/writer.h"
#include "util/mem.h"

void import_opts_init(import_opts *o)
{
	memset(o, 0, sizeof *o);
}

static const struct {
	const char *key, *name;
	import_format f;
} formats[] = {
    {"text", "plain-text guide", IMPORT_TEXT},
    {"markdown", "Markdown guide", IMPORT_MARKDOWN},
    {"anki", "Anki notes", IMPORT_ANKI},
    {"quizlet", "Quizlet set", IMPORT_QUIZLET},
    {"tsv", "TSV table", IMPORT_TSV},
    {"csv", "CSV table", IMPORT_CSV},
};

int import_format_parse(const char *s, import_format *out)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (!strcasecmp(s, formats[i].key)) {
			*out = formats[i].f;
			return 0;
		}
	if (!strcasecmp(s, "md") || !strcasecmp(s, "txt")) {
		*out = *s == 'm' || *s == 'M' ? IMPORT_MARKDOWN : IMPORT_TEXT;
		return 0;
	}
	return -1;
}

const char *import_format_name(import_format f)
{
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "unknown";
}

const char *imp_separator(const imp_doc *d, const char *dflt)
{
	return d->o->separator ? d->o->separator : dflt;
}

static int read_as(imp_doc *d, const imp_src *s, import_format f)
{
	switch (f) {
	case IMPORT_TEXT:
		return imp_read_text(d, s);
	case IMPORT_MARKDOWN:
		return imp_read_markdown(d, s);
	case IMPORT_ANKI:
		return imp_read_anki(d, s);
	case IMPORT_QUIZLET:
		return imp_read_quizlet(d, s);
	case IMPORT_TSV:
	case IMPORT_CSV:
		return imp_read_table(d, s, f);
	default:
		return -1;
	}
}

/* Decode and read one file's bytes. 0, or IMPORT_INVALID. */
static int read_one(imp_doc *d, const char *name, const char *data, size_t len)
{
	imp_report_file(d->rep, name);
	imp_src s;
	if (imp_src_init(&s, name, data, len, d->rep))
		return IMPORT_INVALID;
	import_format f = d->o->from ? d->o->from : imp_detect(&s, d->rep);
	int rc = IMPORT_INVALID;
	if (f != IMPORT_AUTO) {
		imp_doc_source(d, name, f);
		rc = read_as(d, &s, f) ? IMPORT_INVALID : IMPORT_OK;
	}
	if (rc == IMPORT_OK && d->full)
		rc = IMPORT_INVALID;
	imp_src_free(&s);
	return rc;
}

/* Read a file (or standard input for "-"). IMPORT_OK, or the error after
 * reporting it. */
static int read_path(imp_report *r, const char *path, sp_buf *b)
{
	imp_report_file(r, path);
	int rc;
	if (!strcmp(path, "-"))
		rc = buf_read_fd(b, STDIN_FILENO, IMPORT_MAX_FILE_BYTES);
	else
		rc = buf_read_file(b, path, IMPORT_MAX_FILE_BYTES);
	if (rc == 0)
		return IMPORT_OK;
	if (errno == EFBIG) {
		imp_error(r, 0, "file too large (the limit is %u bytes)",
		          IMPORT_MAX_FILE_BYTES);
		return IMPORT_INVALID;
	}
	imp_error(r, 0, "cannot read: %s", buf_strerror(errno));
	return IMPORT_IO;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

static int import_one(imp_doc *d, const char *name, const char *data,
                      size_t len)
{
	if (blank(data, len)) {
		imp_report_file(d->rep, name);
		imp_error(d->rep, 0, "the file is empty: nothing to import");
		return IMPORT_INVALID;
	}
	return read_one(d, name, data, len);
}

/* The YAML must load as a corpus without errors: anything else is a bug
 * here, reported as one (with the loader's messages). */
static int self_check(const sp_buf *yaml, sp_diag *d)
{
	sp_diag quiet;
	diag_init(&quiet, NULL);
	sp_corpus *c =
	    corpus_load_bytes("(imported)", yaml->data, yaml->len, &quiet);
	if (c) {
		corpus_free(c);
		return IMPORT_OK;
	}
	diag_error(d, sp_loc_make(NULL, 0, 0),
	           "internal error: the imported corpus does not load; "
	           "please report this with the input. The loader says:");
	corpus_free(corpus_load_bytes("(imported)", yaml->data, yaml->len, d));
	return IMPORT_INVALID;
}

/* Ids, the YAML, its size and the self-check; appended to out. */
static int finish(imp_doc *d, sp_buf *out, import_result *res)
{
	if (!d->nqs) {
		diag_error(d->rep->d, sp_loc_make(NULL, 0, 0),
		           "no questions recognised: nothing written");
		return IMPORT_INVALID;
	}
	imp_doc_prune(d);
	imp_doc_assign_ids(d);
	sp_buf y = SP_BUF_INIT;
	imp_write_yaml(d, &y);
	int rc = IMPORT_OK;
	if (y.len > CORPUS_MAX_FILE_BYTES) {
		diag_error(d->rep->d, sp_loc_make(NULL, 0, 0),
		           "the corpus would be %zu bytes, more than a corpus "
		           "file may have (%u)",
		           y.len, CORPUS_MAX_FILE_BYTES);
		rc = IMPORT_INVALID;
	}
	if (rc == IMPORT_OK) {
		rc = self_check(&y, d->rep->d);
		if (rc != IMPORT_OK && res)
			res->internal = 1;
	}
	if (rc == IMPORT_OK)
		buf_append(out, y.data, y.len);
	if (rc == IMPORT_OK && res)
		*res = (import_result){d->nqs, d->ncats, d->nroles, 0};
	buf_free(&y);
	return rc;
}

static void declare_roles(imp_doc *d)
{
	for (size_t i = 0; i < d->o->nroles; i++)
		imp_doc_role(d, d->o->roles[i], NULL, 0);
}

int import_files(const char *const *paths, size_t n, const import_opts *o,
                 sp_diag *dg, sp_buf *yaml, import_result *res)
{
	imp_report r;
	imp_report_init(&r, dg);
	imp_doc d;
	imp_doc_init(&d, o, &r);
	declare_roles(&d);
	int rc = IMPORT_OK;
	size_t total = 0;
	if (res)
		memset(res, 0, sizeof *res);
	for (size_t i = 0; i < n && rc == IMPORT_OK; i++) {
		sp_buf b = SP_BUF_INIT;
		rc = read_path(&r, paths[i], &b);
		total += b.len;
		if (rc == IMPORT_OK && total > IMPORT_MAX_TOTAL_BYTES) {
			imp_error(&r, 0,
			          "the files are too large together (the "
			          "limit is %u bytes)",
			          IMPORT_MAX_TOTAL_BYTES);
			rc = IMPORT_INVALID;
		}
		if (rc == IMPORT_OK)
			rc = import_one(&d, paths[i], b.data ? b.data : "",
			                b.len);
		buf_free(&b);
	}
	imp_report_done(&r);
	if (rc == IMPORT_OK)
		rc = finish(&d, yaml, res);
	imp_doc_free(&d);
	return rc;
}

int import_bytes(const char *name, const char *data, size_t len,
                 const import_opts *o, sp_diag *dg, sp_buf *yaml,
                 import_result *res)
{
	imp_report r;
	imp_report_init(&r, dg);
	imp_doc d;
	imp_doc_init(&d, o, &r);
	declare_roles(&d);
	int rc = IMPORT_INVALID;
	if (res)
		memset(res, 0, sizeof *res);
	if (len > IMPORT_MAX_FILE_BYTES) {
		imp_report_file(&r, name);
		imp_error(&r, 0, "file too large (the limit is %u bytes)",
		          IMPORT_MAX_FILE_BYTES);
	} else {
		rc = import_one(&d, name, data, len);
	}
	imp_report_done(&r);
	if (rc == IMPORT_OK)
		rc = finish(&d, yaml, res);
	imp_doc_free(&d);
	return rc;
}
