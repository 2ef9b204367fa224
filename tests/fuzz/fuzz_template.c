/* fuzz_template.c - libFuzzer target for the template loader.
 *
 * Input: the bytes of a template file (templates/NAME.yaml). Each input is
 * loaded with template_load_bytes(); a template that loads must hold sane
 * values (finite, non-negative lengths, a page, font chains within
 * bounds), must accept every paper name, and must lay out a small fixed
 * handbook (with the fake font device, at most FZ_MAX_PAGES pages) in
 * bounded time: a template with margins wider than its page must give an
 * error or pages, never a hang or a crash. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "layout/fakefont.h"
#include "layout/flow.h"
#include "layout/paragraph.h"
#include "products/handbook.h"
#include "products/typeset.h"
#include "products/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_MAX_PAGES 40
#define FZ_HYPH "/usr/share/hyphen/hyph_en_US.dic"

/* A small corpus that touches every block the handbook draws. */
static const char fz_corpus_yaml[] =
    "corpus: {title: Fuzz handbook, subtitle: A subtitle, author: Me}\n"
    "roles:\n"
    "  - {id: r1, name: Role one, summary: The first role.}\n"
    "categories:\n"
    "  - {id: c1, name: Category one, summary: What the category is.}\n"
    "  - {id: c2, name: Category two}\n"
    "questions:\n"
    "  - id: q1\n"
    "    category: c1\n"
    "    roles: [r1]\n"
    "    topics: [alpha, beta]\n"
    "    question: What is the first question, asked at some length?\n"
    "    answer: |\n"
    "      A *first* paragraph with **strong** text, `code` and a\n"
    "      [link](https://example.org).\n\n"
    "      - a list item\n"
    "        - a nested item\n"
    "      1. numbered\n"
    "    key_points: [one point, another point]\n"
    "    tip: Say it plainly.\n"
    "    follow_ups: [And then?]\n"
    "    related: [q2]\n"
    "  - id: q2\n"
    "    category: c2\n"
    "    question: Second?\n"
    "    answer: Hyphenation incomprehensibilities characteristically "
    "internationalization.\n";

static layout_fonts fz_fonts;
static layout_text_ctx *fz_text[2]; /* without, with hyphenation */
static layout_engine *fz_eng[2];
static sp_corpus *fz_corpus;
static size_t *fz_sel, fz_nsel;
static sp_diag fz_quiet;

static void fz_init(void)
{
	if (fz_corpus)
		return;
	diag_init(&fz_quiet, NULL);
	fakefont_init(&fz_fonts, NULL, 0);
	fz_text[0] = layout_text_new(&fz_fonts, NULL, &fz_quiet);
	fz_text[1] = layout_text_new(&fz_fonts, FZ_HYPH, &fz_quiet);
	for (int i = 0; i < 2; i++)
		fz_eng[i] = layout_engine_new(fz_text[i]);
	sp_diag d;
	diag_init(&d, stderr);
	fz_corpus = corpus_load_bytes("fuzz-corpus.yaml", fz_corpus_yaml,
	                              sizeof fz_corpus_yaml - 1, &d);
	if (!fz_corpus) {
		fprintf(stderr,
		        "fuzz_template: the built-in corpus is invalid\n");
		abort();
	}
	fz_nsel = fz_corpus->nquestions;
	fz_sel = calloc(fz_nsel ? fz_nsel : 1, sizeof *fz_sel);
	for (size_t i = 0; i < fz_nsel; i++)
		fz_sel[i] = i;
}

static void fz_bad(const char *what, double v)
{
	fprintf(stderr, "fuzz_template: loaded template has %s = %g\n", what,
	        v);
	abort();
}

static void fz_len(const char *what, double v)
{
	if (!isfinite(v) || v < 0)
		fz_bad(what, v);
}

static void fz_check(const sp_template *t)
{
	fz_len("page_w", t->page_w);
	fz_len("page_h", t->page_h);
	if (t->page_w <= 0 || t->page_h <= 0)
		fz_bad("an empty page", t->page_w * t->page_h);
	fz_len("margin_top", t->margin_top);
	fz_len("margin_bottom", t->margin_bottom);
	fz_len("margin_inner", t->margin_inner);
	fz_len("margin_outer", t->margin_outer);
	const double sizes[] = {t->size_body,  t->size_small, t->size_mono,
	                        t->size_title, t->size_h1,    t->size_h2};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		if (!isfinite(sizes[i]) || sizes[i] <= 0)
			fz_bad("a font size", sizes[i]);
	if (!isfinite(t->leading) || t->leading <= 0)
		fz_bad("leading", t->leading);
	fz_len("paragraph-space", t->para_space);
	for (int f = 0; f < FAMILY_N; f++) {
		if (t->nfonts[f] < 0 || t->nfonts[f] > FONT_MAX_CHAIN)
			fz_bad("a font chain length", t->nfonts[f]);
		for (int i = 0; i < t->nfonts[f]; i++)
			if (!t->fonts[f][i])
				fz_bad("a NULL font name", i);
	}
	if (t->card.card_w > 0) {
		fz_len("card height", t->card.card_h);
		fz_len("sheet width", t->card.sheet_w);
		fz_len("sheet height", t->card.sheet_h);
	}
}

/* Lay out the fixed handbook with this template: pages or an error, in
 * bounded time. */
static void fz_layout(const sp_template *t, unsigned flags)
{
	sp_typeset r;
	memset(&r, 0, sizeof r);
	sp_diag d;
	diag_init(&d, NULL);
	int h = t->hyphenate ? 1 : 0;
	r.tpl = t;
	r.fonts = &fz_fonts;
	r.text = fz_text[h];
	r.eng = fz_eng[h];
	r.d = &d;
	handbook_opts o;
	memset(&o, 0, sizeof o);
	o.role = (flags & 1) ? 0 : -1;
	o.write_in = (flags >> 1) & 1;
	o.duplex = (flags >> 2) & 1;
	o.booklet = (flags >> 3) & 1;
	o.max_pages = FZ_MAX_PAGES;
	sp_document *doc = handbook_build(&r, fz_corpus, fz_sel, fz_nsel, &o);
	if (doc) {
		if (doc->npages == 0) {
			fprintf(stderr,
			        "fuzz_template: a handbook of no pages\n");
			abort();
		}
		doc_free(doc);
	} else if (d.errors == 0) {
		fprintf(stderr,
		        "fuzz_template: handbook_build failed silently\n");
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	fz_init();
	sp_diag d;
	diag_init(&d, NULL);
	sp_template *t =
	    template_load_bytes("fuzz.yaml", (const char *)data, size, &d);
	if (!t) {
		if (d.errors == 0) {
			fprintf(stderr,
			        "fuzz_template: NULL without an error\n");
			abort();
		}
		return 0;
	}
	fz_check(t);
	fz_layout(t, size ? data[size - 1] : 0);
	static const char *const papers[] = {"a4", "letter", "a5",
	                                     "half-letter", "nonsense"};
	for (size_t i = 0; i < sizeof papers / sizeof *papers; i++)
		template_set_paper(t, papers[i]);
	fz_check(t);
	template_free(t);
	return 0;
}
