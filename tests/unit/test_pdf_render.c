/* test_pdf_render.c - the PDF device end to end, in process: fonts found
 * with fontconfig, the hand-built page model of test_pdf_doc.h rendered
 * with libharu, then read back (determinism, atomic output, threads,
 * speed). The reader checks (qpdf, pdftotext, pdffonts, mutool, gs) are
 * test_pdf_readers.c's.
 *
 * Files go to a fresh directory under $TMPDIR (or /tmp), removed at the
 * end unless SP_KEEP_TMP is set. */
#define _GNU_SOURCE /* memmem, mkdtemp, setenv */
#include "test_pdf_doc.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static int count_temp_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* ---- in-process checks ---- */

static void check_fonts(const pdf_fonts *pf, const layout_fonts *lf)
{
	CHECK(lf->nfaces == pdf_fonts_count(pf));
	CHECK(lf->nfaces >= 10);
	for (int r = 0; r < FAMILY_N; r++)
		for (int v = 0; v < VARIANT_N; v++)
			CHECK(lf->chain_len[r][v] >= 2);
	int body = lf->chain[FAMILY_BODY][0][0];
	CHECK(strstr(pdf_fonts_face_name(pf, body), "Liberation Serif"));
	CHECK(strstr(pdf_fonts_face_name(pf, lf->chain[FAMILY_HEADING][1][0]),
	             "Lato Bold"));
	CHECK(strstr(pdf_fonts_face_name(pf, lf->subst_face), "DejaVu Sans"));
	CHECK(lf->subst_cp == 0xFFFD);
	CHECK(lf->ops->has_glyph(lf->ctx, lf->subst_face, 0xFFFD));
	CHECK(lf->ops->has_glyph(lf->ctx, body, 'A'));
	CHECK(!lf->ops->has_glyph(lf->ctx, body, 0x21D2)); /* ⇒ */
	CHECK(lf->ops->has_glyph(lf->ctx, lf->subst_face, 0x21D2));
	CHECK(!lf->ops->has_glyph(lf->ctx, body, 0x1F600)); /* emoji */
	CHECK(!lf->ops->has_glyph(lf->ctx, body, '\n'));
	CHECK(lf->ops->has_glyph(lf->ctx, body, 0x1EA5)); /* ấ */
	CHECK(lf->ops->advance(lf->ctx, body, 'm') == 777);
	CHECK(lf->ops->advance(lf->ctx, body, ' ') == 250);
	CHECK(lf->ops->ascent(lf->ctx, body) > 800);
	CHECK(lf->ops->descent(lf->ctx, body) < -150);
	int mono = lf->chain[FAMILY_MONO][0][0];
	CHECK(lf->ops->advance(lf->ctx, mono, 'i') ==
	      lf->ops->advance(lf->ctx, mono, 'W'));
	CHECK(strcmp(pdf_fonts_package("Lato"), "fonts-lato") == 0);
	CHECK(strcmp(pdf_fonts_package("dejavu sans"), "fonts-dejavu-core") ==
	      0);
	CHECK(pdf_fonts_package("No Such Family") == NULL);
}

static void check_missing_family(void)
{
	pdf_font_spec spec;
	pdf_font_spec_default(&spec);
	spec.families[FAMILY_BODY][0] = "Liberation Serif";
	spec.families[FAMILY_BODY][1] = "No Such Family Xyz";
	spec.families[FAMILY_BODY][2] = NULL;
	char *m = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&m, &n);
	sp_diag d;
	diag_init(&d, f);
	pdf_fonts *pf = pdf_fonts_open(&spec, &d);
	fclose(f);
	/* the chain has a font that works: a warning, and it is used */
	CHECK(pf != NULL);
	CHECK(d.errors == 0 && d.warnings == 1);
	CHECK(strstr(m, "'No Such Family Xyz' not found; the next font of "
	                "the chain is used instead"));
	pdf_fonts_close(pf);
	free(m);

	/* no font of the chain: the last one is the error */
	spec.families[FAMILY_BODY][0] = "No Such Family Abc";
	m = NULL;
	f = open_memstream(&m, &n);
	diag_init(&d, f);
	pf = pdf_fonts_open(&spec, &d);
	fclose(f);
	CHECK(pf == NULL);
	CHECK(d.errors == 1 && d.warnings == 1);
	CHECK(strstr(m, "'No Such Family Xyz' not found"));
	free(m);

	/* a family that the manifest lists names its package */
	pdf_font_spec_default(&spec);
	spec.families[FAMILY_MONO][0] = "Lato";
	spec.families[FAMILY_MONO][1] = NULL;
	f = open_memstream(&m, &n);
	diag_init(&d, f);
	pf = pdf_fonts_open(&spec, &d);
	fclose(f);
	CHECK(pf != NULL && d.errors == 0);
	pdf_fonts_close(pf);
	free(m);
}

static void check_deterministic(const sp_document *doc, const layout_fonts *lf)
{
	char *a, *b;
	size_t na, nb;
	sp_diag d;
	diag_init(&d, NULL);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(pdf_render_mem(doc, lf, NULL, &a, &na, &d) == PDF_OK);
	CHECK(pdf_render_mem(doc, lf, NULL, &b, &nb, &d) == PDF_OK);
	CHECK(na == nb && memcmp(a, b, na) == 0);
	CHECK(!HAS(a, na, "/CreationDate"));
	/* packed by pack.c: PDF 1.5, object streams, an xref stream */
	CHECK(na > 8 && memcmp(a, "%PDF-1.5", 8) == 0);
	CHECK(HAS(a, na, "/Type /ObjStm") && HAS(a, na, "/Type /XRef"));
	CHECK(!HAS(a, na, "\nxref\n") && !HAS(a, na, "\ntrailer"));
	/* fonts embedded by embed.c: a compressed TrueType program with its
	 * size before compression */
	CHECK(HAS(a, na, "/FontFile2") || HAS(a, na, "/Length1"));
	printf("handbook sample: %zu bytes compressed\n", na);
	free(a);
	free(b);

	pdf_render_opts o = {1, 0};
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	CHECK(pdf_render_mem(doc, lf, &o, &a, &na, &d) == PDF_OK);
	CHECK(HAS(a, na, "/CreationDate (D:20231114221320+00'00')"));
	/* info strings are UTF-16BE ("studyp...") */
	CHECK(HAS(a, na, "/Creator <FEFF007300740075006400790070"));
	CHECK(HAS(a, na, "/PageMode /UseOutlines"));
	CHECK(HAS(a, na, "/FitH"));
	/* libharu writes '/' and '%' in strings as octal escapes */
	CHECK(HAS(a, na, "example.org\\057caf\\045C3\\045A9?q=a\\04520b)"));
	CHECK(HAS(a, na, "/Ordering (Identity)"));
	CHECK(!HAS(a, na, "/Ordering (Identity-H)"));
	CHECK(!HAS(a, na, "begincidrange"));
	CHECK(HAS(a, na, "beginbfchar"));
	CHECK(HAS(a, na, "/S /r") && HAS(a, na, "/P (Q-)"));
	CHECK(HAS(a, na, "[3 2 ] 0 d"));
	printf("handbook sample: %zu bytes uncompressed\n", na);
	free(a);
	setenv("SOURCE_DATE_EPOCH", "not a date", 1);
	diag_init(&d, NULL);
	CHECK(pdf_render_mem(doc, lf, &o, &a, &na, &d) == PDF_OK);
	CHECK(d.warnings >= 1 && !HAS(a, na, "/CreationDate"));
	free(a);
	unsetenv("SOURCE_DATE_EPOCH");
}

static void check_output(const sp_document *doc, const layout_fonts *lf)
{
	char *out = path_in_tmp("out.pdf");
	char *msgs;
	CHECK(render_to(doc, lf, out, NULL, &msgs) == PDF_OK);
	free(msgs);
	size_t good_len, again_len;
	char *good = slurp_n(out, &good_len);
	CHECK(good_len > 1000 && memcmp(good, "%PDF-", 5) == 0);

	/* missing parent directory */
	char *missing = path_in_tmp("no-such-dir/x.pdf");
	CHECK(render_to(doc, lf, missing, NULL, &msgs) == PDF_ERR_IO);
	CHECK(strstr(msgs, "No such file or directory"));
	CHECK(strstr(msgs, "cannot write '"));
	free(msgs);
	free(missing);

	/* a full device */
	if (file_exists("/dev/full")) {
		CHECK(render_to(doc, lf, "/dev/full", NULL, &msgs) ==
		      PDF_ERR_IO);
		CHECK(strstr(msgs, "cannot write '/dev/full': No space left on "
		                   "device"));
		free(msgs);
	}

	/* a directory is not a file */
	CHECK(render_to(doc, lf, tmpdir, NULL, &msgs) == PDF_ERR_IO);
	free(msgs);

	/* rendering fails: the previous file stays, no temporary is left */
	sp_document *bad = doc_new();
	doc_add_page(bad, 0, 0);
	CHECK(render_to(bad, lf, out, NULL, &msgs) == PDF_ERR_INTERNAL);
	CHECK(strstr(msgs, "page 1 has size"));
	free(msgs);
	doc_free(bad);
	char *again = slurp_n(out, &again_len);
	CHECK(again_len == good_len && memcmp(again, good, good_len) == 0);
	free(again);

	/* unwritable directory (root writes anyway) */
	if (geteuid() != 0) {
		char *ro = path_in_tmp("ro");
		mkdir(ro, 0555);
		char *rof = path_in_tmp("ro/x.pdf");
		CHECK(render_to(doc, lf, rof, NULL, &msgs) == PDF_ERR_IO);
		CHECK(strstr(msgs, "Permission denied"));
		free(msgs);
		rmdir(ro);
		free(ro);
		free(rof);
	}
	CHECK(count_temp_files(tmpdir) == 0);

	/* output equal to an input */
	sp_diag d;
	diag_init(&d, NULL);
	const char *in1[] = {"/nonexistent", out};
	CHECK(pdf_output_path_ok(out, in1, 2, &d) == 0 && d.errors == 1);
	char *hard = path_in_tmp("hard.pdf");
	CHECK(link(out, hard) == 0);
	const char *in2[] = {hard};
	CHECK(pdf_output_path_ok(out, in2, 1, &d) == 0);
	char *other = path_in_tmp("new.pdf");
	CHECK(pdf_output_path_ok(other, in2, 1, &d) == 1);
	CHECK(pdf_output_path_ok(tmpdir, NULL, 0, &d) == 0);
	unlink(hard);
	free(hard);
	free(other);
	free(good);
	free(out);
}

/* One pdf_fonts shared by threads, each rendering its own document: the
 * same bytes as a render on one thread. */
typedef struct job {
	const sp_document *doc;
	const layout_fonts *lf;
	char *data;
	size_t len;
	int rc;
} job;

static void *render_job(void *arg)
{
	job *j = arg;
	sp_diag d;
	diag_init(&d, NULL);
	j->rc = pdf_render_mem(j->doc, j->lf, NULL, &j->data, &j->len, &d);
	return NULL;
}

static void check_threads(const sp_document *doc, const layout_fonts *lf)
{
	enum { N = 4 };
	job jobs[N + 1];
	pthread_t th[N];
	for (int i = 0; i <= N; i++)
		jobs[i] = (job){doc, lf, NULL, 0, -1};
	render_job(&jobs[N]);
	for (int i = 0; i < N; i++)
		CHECK(pthread_create(&th[i], NULL, render_job, &jobs[i]) == 0);
	for (int i = 0; i < N; i++) {
		pthread_join(th[i], NULL);
		CHECK(jobs[i].rc == PDF_OK && jobs[i].len == jobs[N].len &&
		      memcmp(jobs[i].data, jobs[N].data, jobs[N].len) == 0);
		free(jobs[i].data);
	}
	free(jobs[N].data);
}

/* 500 text-heavy pages: 45 lines of about 90 characters in a few runs. */
static void check_speed(const layout_fonts *lf)
{
	sp_document *doc = doc_new();
	static const char line[] =
	    "The quick brown fox jumps over the lazy dog; "
	    "\xE2\x80\x9Cquoted\xE2\x80\x9D text \xE2\x80\x94 and more words.";
	for (int p = 0; p < 500; p++) {
		sp_page *pg = doc_add_page(doc, A4W, A4H);
		for (int l = 0; l < 45; l++)
			add_line(pg, lf, 72, 780 - l * 16, FAMILY_BODY,
			         l % 7 ? VARIANT_REGULAR : VARIANT_BOLD, 11, 0,
			         line);
	}
	sp_diag d;
	diag_init(&d, stderr);
	char *data;
	size_t n;
	double t0 = now();
	CHECK(pdf_render_mem(doc, lf, NULL, &data, &n, &d) == PDF_OK);
	double t1 = now();
	pdf_render_opts o = {1, 0};
	char *data2;
	size_t n2;
	CHECK(pdf_render_mem(doc, lf, &o, &data2, &n2, &d) == PDF_OK);
	double t2 = now();
	printf("500 pages: %.3f s compressed (%zu bytes), %.3f s uncompressed "
	       "(%zu bytes)\n",
	       t1 - t0, n, t2 - t1, n2);
	/* generous bound: sanitizer builds are several times slower */
	CHECK(t1 - t0 < 5.0);
	free(data);
	free(data2);
	doc_free(doc);
}

/* ---- reader checks ---- */

int main(void)
{
	if (make_tmpdir() < 0)
		return 1;
	double t0 = now();
	pdf_fonts *pf = open_fonts();
	double t1 = now();
	if (!pf)
		return 1;
	printf("fonts: %d faces located and parsed in %.3f s\n",
	       pdf_fonts_count(pf), t1 - t0);
	const layout_fonts *lf = pdf_fonts_layout(pf);
	check_fonts(pf, lf);
	check_missing_family();

	sp_document *doc = make_doc(lf);
	check_deterministic(doc, lf);
	check_output(doc, lf);
	check_threads(doc, lf);
	check_speed(lf);
	return finish(doc, pf);
}
