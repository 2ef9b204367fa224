/* test_pdf_doc.h - shared by test_pdf_render.c and test_pdf_readers.c: a
 * hand-built page model (Greek, Cyrillic, math, arrows, Vietnamese,
 * Pinyin, quotes, links, outline, labels, rects, dashed lines) over the
 * real fonts, and a temporary directory for the files rendered. */
#ifndef SP_TESTS_TEST_PDF_DOC_H
#define SP_TESTS_TEST_PDF_DOC_H

#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "layout/page.h"
#include "pdf/internal.h"
#include "pdf/pdf.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/mem.h"

#include "check.h"

static char tmpdir[512];

/* ---- helpers ---- */

#define HAS(p, n, lit) (memmem((p), (n), (lit), sizeof(lit) - 1) != NULL)

static size_t dec(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80)
		return *cp = u[0], 1;
	if (u[0] < 0xE0)
		return *cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F), 2;
	if (u[0] < 0xF0)
		return *cp = (uint32_t)(u[0] & 0x0F) << 12 |
		             (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F),
		       3;
	return *cp = (uint32_t)(u[0] & 0x07) << 18 |
	             (uint32_t)(u[1] & 0x3F) << 12 |
	             (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F),
	       4;
}

static int pick_face(const layout_fonts *lf, int role, int v, uint32_t cp)
{
	for (int i = 0; i < lf->chain_len[role][v]; i++) {
		int f = lf->chain[role][v][i];
		if (lf->ops->has_glyph(lf->ctx, f, cp))
			return f;
	}
	return lf->subst_face;
}

/* A one-line mini layout: runs split by face along the fallback chain.
 * Returns the x where the line ends. */
static double add_line(sp_page *p, const layout_fonts *lf, double x, double y,
                       int role, int v, double size, sp_color c, const char *s)
{
	while (*s) {
		uint32_t cp;
		size_t k = dec(s, &cp);
		int face = pick_face(lf, role, v, cp);
		const char *start = s;
		double w = 0;
		while (*s) {
			k = dec(s, &cp);
			if (pick_face(lf, role, v, cp) != face)
				break;
			w +=
			    lf->ops->advance(lf->ctx, face, cp) * size / 1000.0;
			s += k;
		}
		page_add_text(p, x, y, face, size, c, start,
		              (size_t)(s - start), w);
		x += w;
	}
	return x;
}

static const char *const lines1[] = {
    "Greek: \xCE\x94\xCE\xBF\xCE\xBA\xCE\xB9\xCE\xBC\xCE\xAE "
    "\xCE\xB1\xCE\xB2\xCE\xB3 \xCE\xA9\xCE\xA8",
    "Cyrillic: \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, "
    "\xD0\xBC\xD0\xB8\xD1\x80",
    "Math: \xE2\x88\x91\xE2\x88\xAB\xE2\x89\xA4\xE2\x89\xA5\xE2\x89\xA0"
    "\xE2\x88\x9E\xE2\x88\x9A x\xC2\xB2",
    "Arrows: \xE2\x86\x92\xE2\x87\x92 \xE2\x88\x88\xE2\x88\x80\xE2\x88\x83",
    "Vietnamese: Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t \xE1\xBA\xA5 "
    "\xE1\xBB\x87",
    "Pinyin: l\xC7\x96 l\xC7\x98 n\xC7\x9A",
    "Quotes: \xE2\x80\x9C"
    "curly\xE2\x80\x9D \xE2\x80\x98single\xE2\x80\x99 "
    "\xE2\x80\x94 dash\xE2\x80\xA6 \xE2\x82\xAC"
    "5",
};

#define A4W 595.28
#define A4H 841.89

static sp_document *make_doc(const layout_fonts *lf)
{
	sp_document *doc = doc_new();
	doc_set_info(doc, "Handbook \xCE\x94 \xE2\x80\x94 \xD0\x9F\xD1\x80",
	             "Ann \xC3\x89"
	             "crivain",
	             "Interviews");
	doc->keywords = xstrdup("test, pdf");
	doc->outline_open = 1;

	sp_page *p = doc_add_page(doc, A4W, A4H);
	page_add_rect(p, 60, 700, 475, 100, RECT_FILL, 0xEEF2FF, 0, 0, 8);
	page_add_rect(p, 60, 580, 475, 100, RECT_STROKE, 0, 0x3355AA, 1, 0);
	page_add_rect(p, 60, 460, 475, 100, RECT_FILL | RECT_STROKE, 0xFFFFEE,
	              0x000000, 0.5, 12);
	page_add_dashed_line(p, 60, 450, 535, 450, 0.5, 0x808080, 3, 2);
	page_add_line(p, 60, 440, 535, 440, 1, 0x000000);
	add_line(p, lf, 72, 770, FAMILY_HEADING, VARIANT_BOLD, 20, 0x1A2B3C,
	         "Heading \xE2\x80\x94 Lato Bold");
	doc_add_dest(doc, 0, "top", A4H);
	double y = 740;
	for (size_t i = 0; i < sizeof lines1 / sizeof *lines1; i++, y -= 22)
		add_line(p, lf, 72, y, FAMILY_BODY, VARIANT_REGULAR, 12,
		         0x000000, lines1[i]);
	add_line(p, lf, 72, y, FAMILY_BODY, VARIANT_ITALIC, 12, 0x333333,
	         "Italic body, bold next");
	y -= 22;
	add_line(p, lf, 72, y, FAMILY_BODY, VARIANT_BOLD | VARIANT_ITALIC, 12,
	         0x000000, "Bold italic body");
	y -= 22;
	add_line(p, lf, 72, y, FAMILY_MONO, VARIANT_REGULAR, 10, 0x000000,
	         "int main(void) { return 0; }");
	y -= 22;
	double x = add_line(p, lf, 72, y, FAMILY_BODY, VARIANT_REGULAR, 12,
	                    0x0000CC, "See question two");
	page_add_link_dest(p, 72, y - 3, x - 72, 15, "q2");
	y -= 22;
	x = add_line(p, lf, 72, y, FAMILY_BODY, VARIANT_REGULAR, 12, 0x0000CC,
	             "Website");
	page_add_link_uri(p, 72, y - 3, x - 72, 15,
	                  "https://example.org/caf\xC3\xA9?q=a b");

	p = doc_add_page(doc, A4W, A4H);
	doc_add_dest(doc, 1, "q2", 800);
	add_line(p, lf, 72, 780, FAMILY_HEADING, VARIANT_REGULAR, 16, 0,
	         "Question two");
	p = doc_add_page(doc, 419.53, 595.28); /* A5 */
	add_line(p, lf, 72, 500, FAMILY_BODY, VARIANT_REGULAR, 12, 0,
	         "Last page");

	doc_add_outline(doc, 0, "Start \xCE\x94\xCE\xBF\xCE\xBA", "top");
	doc_add_outline(doc, 1, "Question two \xE2\x86\x92", "q2");
	doc_add_outline(doc, 0, "Nowhere", "missing-dest");
	doc_add_label_range(doc, 0, LABEL_ROMAN_LOWER, 1, NULL);
	doc_add_label_range(doc, 1, LABEL_DECIMAL, 1, "Q-");
	return doc;
}

static char *path_in_tmp(const char *name)
{
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s/%s", tmpdir, name);
	return buf_detach(&b);
}

static char *slurp_n(const char *path, size_t *n)
{
	sp_buf b = SP_BUF_INIT;
	*n = 0;
	if (buf_read_file(&b, path, 1u << 28) < 0) {
		buf_free(&b);
		return xstrdup("");
	}
	*n = b.len;
	return b.data ? buf_detach(&b) : xstrdup("");
}

static int render_to(const sp_document *doc, const layout_fonts *lf,
                     const char *path, const pdf_render_opts *o, char **msgs)
{
	char *m = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&m, &n);
	sp_diag d;
	diag_init(&d, f);
	int rc = pdf_render(doc, lf, o, path, &d);
	fclose(f);
	if (msgs)
		*msgs = m;
	else
		free(m);
	return rc;
}

static void remove_tmpdir(void)
{
	if (getenv("SP_KEEP_TMP")) {
		printf("files kept in %s\n", tmpdir);
		return;
	}
	DIR *d = opendir(tmpdir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char *p = path_in_tmp(e->d_name);
			unlink(p);
			free(p);
		}
		closedir(d);
	}
	rmdir(tmpdir);
}

/* A fresh directory under $TMPDIR (or /tmp); 0 or -1. */
static int make_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(tmpdir, sizeof tmpdir, "%s/sp-pdf-XXXXXX",
	         t && *t ? t : "/tmp");
	if (!mkdtemp(tmpdir)) {
		perror("mkdtemp");
		return -1;
	}
	return 0;
}

/* The default fonts, or NULL after saying so. */
static pdf_fonts *open_fonts(void)
{
	sp_diag d;
	diag_init(&d, stderr);
	pdf_fonts *pf = pdf_fonts_open(NULL, &d);
	if (!pf)
		fprintf(stderr, "cannot open the default fonts\n");
	return pf;
}

/* Frees doc and the fonts, removes the directory; main's exit status. */
static int finish(sp_document *doc, pdf_fonts *pf)
{
	doc_free(doc);
	pdf_fonts_close(pf);
	remove_tmpdir();
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	return failures ? 1 : 0;
}

#endif
