/* fuzz_pipeline.c - libFuzzer target for the whole pipeline up to the page
 * model: corpus bytes -> corpus_load_bytes -> selection -> handbook layout.
 *
 * Input: the bytes of one corpus file. The last byte also picks the
 * handbook options (bit 0 cover role, 1 write-in lines, 2 duplex, 3
 * booklet imposition, 4 shuffle the selection, 5 dump the page model).
 * Fonts are the fake device (layout/fakefont.h: every glyph 500/1000 em,
 * a few code points missing so the fallback and substitute paths run);
 * the template is templates/default.yaml (found from this file's path,
 * or $SP_TEMPLATE), else a built-in copy. At most FZ_MAX_QUESTIONS
 * questions and FZ_MAX_PAGES pages are laid out, so that a run stays
 * fast; the handbook must then give pages or a reported error.
 *
 * The render context is assembled here (typeset_open() would open real
 * fonts through fontconfig and libharu, far too slow per input). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/select.h"
#include "layout/fakefont.h"
#include "layout/flow.h"
#include "layout/page.h"
#include "layout/paragraph.h"
#include "products/handbook.h"
#include "products/typeset.h"
#include "products/template.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_MAX_QUESTIONS 60
#define FZ_MAX_PAGES 120
#define FZ_HYPH "/usr/share/hyphen/hyph_en_US.dic"

static const char fz_builtin_template[] =
    "name: fuzz\n"
    "paper: a5\n"
    "margins: {top: 15mm, bottom: 15mm, inner: 15mm, outer: 12mm}\n"
    "fonts: {body: [A, B], heading: [C], mono: [D]}\n"
    "sizes: {body: 10, small: 8, mono: 9, title: 24, h1: 18, h2: 12}\n"
    "leading: 1.3\n"
    "paragraph-space: 4pt\n"
    "justify: true\n"
    "hyphenate: true\n";

/* Some code points the fake regular faces lack, with a fallback face
 * that has one of them: exercises fallback chains and substitutes. */
static const uint32_t fz_lacks[] = {'Q', 0xE9, 0x4E2D, 0x2192};
static const uint32_t fz_fallback[] = {0xE9, 0x2192};

typedef struct fz_ctx {
	sp_template *tpl;
	layout_fonts fonts;
	sp_typeset r;
	sp_diag d;
} fz_ctx;

static fz_ctx *fz;

static sp_template *fz_template(sp_diag *d)
{
	char path[4096];
	const char *env = getenv("SP_TEMPLATE");
	if (env)
		snprintf(path, sizeof path, "%s", env);
	else {
		snprintf(path, sizeof path, "%s", __FILE__);
		char *slash = strrchr(path, '/');
		if (slash)
			snprintf(slash, sizeof path - (size_t)(slash - path),
			         "/../../templates/default.yaml");
	}
	sp_buf b = SP_BUF_INIT;
	sp_template *t = NULL;
	if (buf_read_file(&b, path, 1024 * 1024) == 0)
		t = template_load_bytes(path, b.data, b.len, d);
	buf_free(&b);
	if (!t)
		t = template_load_bytes("builtin.yaml", fz_builtin_template,
		                        sizeof fz_builtin_template - 1, d);
	return t;
}

/* The render context of typeset_open(), over the fake font device. */
static void fz_init(void)
{
	if (fz)
		return;
	fz = calloc(1, sizeof *fz);
	diag_init(&fz->d, NULL);
	sp_diag loud;
	diag_init(&loud, stderr);
	fz->tpl = fz_template(&loud);
	if (!fz->tpl) {
		fprintf(stderr, "fuzz_pipeline: no usable template\n");
		abort();
	}
	fakefont_init(&fz->fonts, fz_lacks, sizeof fz_lacks / sizeof *fz_lacks);
	fakefont_set_fallback(&fz->fonts, fz_fallback,
	                      sizeof fz_fallback / sizeof *fz_fallback);
	fz->r.tpl = fz->tpl;
	fz->r.fonts = &fz->fonts;
	fz->r.text = layout_text_new(
	    &fz->fonts, fz->tpl->hyphenate ? FZ_HYPH : NULL, &fz->d);
	fz->r.eng = layout_engine_new(fz->r.text);
	fz->r.d = &fz->d;
}

static void fz_abort(const char *what)
{
	fprintf(stderr, "fuzz_pipeline: %s\n", what);
	abort();
}

/* Every item of the page model lies on a page of finite size. */
static void fz_check_doc(const sp_document *doc)
{
	if (doc->npages == 0)
		fz_abort("a handbook of no pages");
	if (doc->npages > FZ_MAX_PAGES * 2 + 4)
		fz_abort("more pages than --max-pages allows");
}

static void fz_run(const sp_corpus *c, unsigned flags)
{
	sp_selection_opts so;
	selection_opts_init(&so);
	so.count = FZ_MAX_QUESTIONS;
	if (flags & 16) {
		so.has_seed = 1;
		so.seed = flags;
	}
	size_t *sel = NULL, nsel = 0;
	if (corpus_select(c, &so, &sel, &nsel, &fz->d) != 0) {
		selection_opts_free(&so);
		return;
	}
	selection_opts_free(&so);
	handbook_opts o;
	memset(&o, 0, sizeof o);
	o.role = (flags & 1) && c->nroles ? (long)(flags % c->nroles) : -1;
	o.write_in = (flags >> 1) & 1;
	o.duplex = (flags >> 2) & 1;
	o.booklet = (flags >> 3) & 1;
	o.max_pages = FZ_MAX_PAGES;
	unsigned errors = fz->d.errors;
	sp_document *doc = handbook_build(&fz->r, c, sel, nsel, &o);
	if (doc) {
		fz_check_doc(doc);
		if (flags & 32) {
			FILE *f = fopen("/dev/null", "w");
			if (f) {
				doc_dump(doc, f);
				fclose(f);
			}
		}
		doc_free(doc);
	} else if (fz->d.errors == errors) {
		fz_abort("handbook_build returned NULL without an error");
	}
	free(sel);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 256 * 1024)
		return 0;
	fz_init();
	sp_diag d;
	diag_init(&d, NULL);
	sp_corpus *c =
	    corpus_load_bytes("fuzz.yaml", (const char *)data, size, &d);
	if (!c) {
		if (d.errors == 0)
			fz_abort("corpus_load_bytes: NULL without an error");
		return 0;
	}
	fz_run(c, size ? data[size - 1] : 0);
	corpus_free(c);
	return 0;
}
