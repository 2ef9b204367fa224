/* test_pdf_readers.c - the hand-built page model of test_pdf_doc.h
 * rendered and read back by every reader installed: qpdf --check,
 * pdftotext (no warnings, exact text), pdffonts (all embedded, with
 * ToUnicode), mutool, Ghostscript txtwrite and a pdfwrite round trip, and
 * DejaVu Serif's nested composite accents drawn (gs). A missing tool is
 * skipped with a message.
 *
 *   test_pdf_readers            does nothing (a unit test run by ctest)
 *   test_pdf_readers --readers  the checks; run by tests/e2e/pdf_readers.sh
 *
 * Files go to a fresh directory under $TMPDIR (or /tmp), removed at the
 * end unless SP_KEEP_TMP is set. */
#define _GNU_SOURCE /* memmem, mkdtemp, setenv */
#include "test_pdf_doc.h"

static const char expected_text[] =
    "Heading \xE2\x80\x94 Lato Bold\n"
    "Greek: \xCE\x94\xCE\xBF\xCE\xBA\xCE\xB9\xCE\xBC\xCE\xAE "
    "\xCE\xB1\xCE\xB2\xCE\xB3 \xCE\xA9\xCE\xA8\n"
    "Cyrillic: \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, "
    "\xD0\xBC\xD0\xB8\xD1\x80\n"
    "Math: \xE2\x88\x91\xE2\x88\xAB\xE2\x89\xA4\xE2\x89\xA5\xE2\x89\xA0"
    "\xE2\x88\x9E\xE2\x88\x9A x\xC2\xB2\n"
    "Arrows: \xE2\x86\x92\xE2\x87\x92 \xE2\x88\x88\xE2\x88\x80\xE2\x88\x83\n"
    "Vietnamese: Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t \xE1\xBA\xA5 "
    "\xE1\xBB\x87\n"
    "Pinyin: l\xC7\x96 l\xC7\x98 n\xC7\x9A\n"
    "Quotes: \xE2\x80\x9C"
    "curly\xE2\x80\x9D \xE2\x80\x98single\xE2\x80\x99 "
    "\xE2\x80\x94 dash\xE2\x80\xA6 \xE2\x82\xAC"
    "5\n"
    "Italic body, bold next\n"
    "Bold italic body\n"
    "int main(void) { return 0; }\n"
    "See question two\n"
    "Website\n"
    "Question two\n"
    "Last page\n";

/* Whitespace runs (including form feeds) become one space; trimmed. */
static char *norm(const char *s)
{
	sp_buf b = SP_BUF_INIT;
	int space = 0;
	for (; *s; s++) {
		if (isspace((unsigned char)*s)) {
			space = 1;
			continue;
		}
		if (space && b.len)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

static char *slurp(const char *path)
{
	size_t n;
	return slurp_n(path, &n);
}

/* Runs a shell command with stdout and stderr captured; returns its exit
 * status. */
static int run(const char *cmd, char **out, char **err)
{
	char *o = path_in_tmp("cmd.out"), *e = path_in_tmp("cmd.err");
	sp_buf c = SP_BUF_INIT;
	buf_printf(&c, "%s >'%s' 2>'%s'", cmd, o, e);
	int st = system(c.data);
	buf_free(&c);
	if (out)
		*out = slurp(o);
	if (err)
		*err = slurp(e);
	unlink(o);
	unlink(e);
	free(o);
	free(e);
	return st == -1 ? -1 : WEXITSTATUS(st);
}

static int have_tool(const char *name)
{
	sp_buf c = SP_BUF_INIT;
	buf_printf(&c, "command -v %s >/dev/null 2>&1", name);
	int ok = system(c.data) == 0;
	buf_free(&c);
	if (!ok)
		printf("SKIP: %s is not installed; its checks are skipped\n",
		       name);
	return ok;
}

static void check_text(const char *what, const char *got)
{
	char *a = norm(got), *b = norm(expected_text);
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "%s text differs:\n got: %s\nwant: %s\n", what,
		        a, b);
		failures++;
	}
	free(a);
	free(b);
}

/* Ghostscript may only complain about hinting: libharu's subsets keep
 * the instruction tables but not every glyph they were written for, and
 * gs 10.0 then falls back to unhinted outlines ("Failed to interpret TT
 * instructions"), for Lato even in a bare libharu program. Anything else
 * on stderr is a failure. */
static void gs_stderr_ok(const char *err)
{
	char *copy = xstrdup(err), *save;
	for (char *l = strtok_r(copy, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		if (strstr(l, "Failed to interpret TT instructions")) {
			printf("gs (tolerated): %s\n", l);
			continue;
		}
		fprintf(stderr, "gs: %s\n", l);
		failures++;
	}
	free(copy);
}

static void reader_checks(const char *pdf)
{
	char *out, *err;
	sp_buf c = SP_BUF_INIT;
	if (have_tool("qpdf")) {
		buf_printf(&c, "qpdf --check '%s'", pdf);
		CHECK(run(c.data, &out, &err) == 0);
		CHECK(strstr(out, "No syntax or stream encoding errors"));
		printf("qpdf --check: %s", out);
		free(out);
		free(err);
		buf_clear(&c);
		buf_printf(&c, "qpdf --json --json-key=outlines '%s'", pdf);
		CHECK(run(c.data, &out, &err) == 0);
		CHECK(strstr(out, "Start \xCE\x94\xCE\xBF\xCE\xBA"));
		CHECK(strstr(out, "Question two \xE2\x86\x92"));
		free(out);
		free(err);
		buf_clear(&c);
	}
	char *poppler = NULL;
	if (have_tool("pdftotext")) {
		buf_printf(&c, "pdftotext -enc UTF-8 '%s' -", pdf);
		CHECK(run(c.data, &poppler, &err) == 0);
		if (*err)
			fprintf(stderr, "pdftotext warnings:\n%s", err);
		CHECK(*err == '\0');
		check_text("pdftotext", poppler);
		free(err);
		buf_clear(&c);
	}
	if (have_tool("pdffonts")) {
		buf_printf(&c, "pdffonts '%s'", pdf);
		CHECK(run(c.data, &out, &err) == 0);
		printf("%s", out);
		int nfonts = 0;
		char *save, *l = strtok_r(out, "\n", &save);
		for (int i = 0; l; l = strtok_r(NULL, "\n", &save), i++) {
			if (i < 2)
				continue;
			char *f[16];
			int k = 0;
			char *s2, *w = strtok_r(l, " ", &s2);
			for (; w && k < 16; w = strtok_r(NULL, " ", &s2))
				f[k++] = w;
			/* ... emb sub uni object gen */
			CHECK(k >= 6 && strcmp(f[k - 5], "yes") == 0 &&
			      strcmp(f[k - 3], "yes") == 0);
			nfonts++;
		}
		CHECK(nfonts >= 6);
		free(out);
		free(err);
		buf_clear(&c);
	}
	if (poppler && have_tool("mutool")) {
		buf_printf(&c, "mutool draw -q -F txt -o - '%s'", pdf);
		CHECK(run(c.data, &out, &err) == 0);
		check_text("mutool", out);
		free(out);
		free(err);
		buf_clear(&c);
	}
	if (have_tool("gs")) {
		buf_printf(&c,
		           "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite "
		           "-sOutputFile=- '%s'",
		           pdf);
		CHECK(run(c.data, &out, &err) == 0);
		gs_stderr_ok(err);
		check_text("gs txtwrite", out);
		free(out);
		free(err);
		buf_clear(&c);
		char *rt = path_in_tmp("roundtrip.pdf");
		buf_printf(&c,
		           "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite "
		           "-sOutputFile='%s' '%s'",
		           rt, pdf);
		CHECK(run(c.data, NULL, &err) == 0);
		gs_stderr_ok(err);
		free(err);
		buf_clear(&c);
		if (poppler) {
			buf_printf(&c, "pdftotext -enc UTF-8 '%s' -", rt);
			CHECK(run(c.data, &out, &err) == 0);
			check_text("pdftotext after gs pdfwrite", out);
			free(out);
			free(err);
			buf_clear(&c);
		}
		unlink(rt);
		free(rt);
	}
	free(poppler);
	buf_free(&c);
}

/* Next header number of a PGM, skipping whitespace and comments. */
static long pgm_num(const char *s, size_t n, size_t *i)
{
	while (*i < n && (isspace((unsigned char)s[*i]) || s[*i] == '#')) {
		if (s[*i] == '#')
			while (*i < n && s[*i] != '\n')
				(*i)++;
		else
			(*i)++;
	}
	long v = 0;
	while (*i < n && isdigit((unsigned char)s[*i]))
		v = v * 10 + (s[(*i)++] - '0');
	return v;
}

/* Ink (dark pixels) of a P5 PGM, or -1. */
static long pgm_ink(const char *path)
{
	sp_buf b = SP_BUF_INIT;
	if (buf_read_file(&b, path, 1u << 26) < 0 || b.len < 3 ||
	    memcmp(b.data, "P5", 2) != 0) {
		buf_free(&b);
		return -1;
	}
	size_t i = 2;
	long w = pgm_num(b.data, b.len, &i), h = pgm_num(b.data, b.len, &i);
	pgm_num(b.data, b.len, &i);
	i++; /* the one whitespace byte before the raster */
	long ink = 0;
	for (long k = 0; k < w * h && i + (size_t)k < b.len; k++)
		if ((unsigned char)b.data[i + (size_t)k] < 128)
			ink++;
	buf_free(&b);
	return ink;
}

/* Nested composites (notes): DejaVu Serif builds ấ from a composite; with
 * only one level embedded the accent is lost. Draw a / ấ and e / ệ in
 * DejaVu Serif and compare the ink with Ghostscript. */
static void check_nested_composites(const pdf_fonts *pf, const layout_fonts *lf)
{
	int dv = -1;
	for (int i = 0; i < pdf_fonts_count(pf); i++)
		if (strcmp(pdf_fonts_face_name(pf, i),
		           "DejaVu Serif Regular") == 0)
			dv = i;
	CHECK(dv >= 0);
	if (dv < 0 || !have_tool("gs"))
		return;
	static const char *const glyphs[] = {
	    "a", "\xE1\xBA\xA5", "e", "\xE1\xBB\x87", "u", "\xC7\x96"};
	sp_document *doc = doc_new();
	for (int i = 0; i < 6; i++) {
		sp_page *p = doc_add_page(doc, 200, 200);
		page_add_text(p, 40, 50, dv, 120, 0, glyphs[i],
		              strlen(glyphs[i]), 60);
	}
	char *pdf = path_in_tmp("nested.pdf");
	CHECK(render_to(doc, lf, pdf, NULL, NULL) == PDF_OK);
	doc_free(doc);
	sp_buf c = SP_BUF_INIT;
	buf_printf(&c,
	           "gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pgmraw -r72 "
	           "-sOutputFile='%s/ink%%d.pgm' '%s'",
	           tmpdir, pdf);
	char *err;
	CHECK(run(c.data, NULL, &err) == 0);
	gs_stderr_ok(err);
	free(err);
	long ink[6];
	for (int i = 0; i < 6; i++) {
		char name[32];
		snprintf(name, sizeof name, "ink%d.pgm", i + 1);
		char *p = path_in_tmp(name);
		ink[i] = pgm_ink(p);
		unlink(p);
		free(p);
	}
	printf("DejaVu Serif ink: a %ld, a-circumflex-acute %ld, e %ld, "
	       "e-circumflex-dot %ld, u %ld, u-diaeresis-macron %ld\n",
	       ink[0], ink[1], ink[2], ink[3], ink[4], ink[5]);
	for (int i = 0; i < 6; i += 2)
		CHECK(ink[i] > 0 && ink[i + 1] > ink[i] * 115 / 100);
	unlink(pdf);
	free(pdf);
	buf_free(&c);
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--readers") != 0) {
		printf("test_pdf_readers: run by tests/e2e/pdf_readers.sh "
		       "(--readers)\n");
		return 0;
	}
	if (make_tmpdir() < 0)
		return 1;
	pdf_fonts *pf = open_fonts();
	if (!pf)
		return 1;
	const layout_fonts *lf = pdf_fonts_layout(pf);
	sp_document *doc = make_doc(lf);
	char *pdf = path_in_tmp("handbook.pdf");
	CHECK(render_to(doc, lf, pdf, NULL, NULL) == PDF_OK);
	reader_checks(pdf);
	check_nested_composites(pf, lf);
	free(pdf);
	return finish(doc, pf);
}
