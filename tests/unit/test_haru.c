/* test_haru.c - the contract of src/pdf/haru.h with libharu 2.3.0, checked
 * against what libharu actually builds and saves, so that another
 * libharu (or another build of it) fails here, loudly, rather than
 * writing wrong PDFs:
 *
 *  - the font definition as haru.c reads it (glyph count, glyph ids,
 *    advances, glyph offsets, metrics) against the font file's own
 *    tables, read here without libharu;
 *  - streams, page contents and page labels written through the module
 *    and read back from the saved bytes;
 *  - the layout of a saved file that pack.c relies on (P1-P5 of haru.h),
 *    on a hand-built document and on a rendered one, and pdf_pack's
 *    refusal of anything else;
 *  - the font repair of tounicode.c and embed.c as it lands in the file;
 *  - haru.c's HPDF_MemCpy and HPDF_MemSet against libharu's own (found
 *    past ours with dlsym), overlapping copies included. */
#define _GNU_SOURCE /* memmem */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/page.h"
#include "pdf/internal.h"
#include "pdf/pdf.h"
#include "pdf/ttf.h"
#include "util/buf.h"
#include "util/diag.h"
#include "util/mem.h"

#include "check.h"

#include <hpdf_utils.h>

typedef HPDF_BYTE *(*memcpy_fn)(HPDF_BYTE *, const HPDF_BYTE *, HPDF_UINT);
typedef void *(*memset_fn)(void *, HPDF_BYTE, HPDF_UINT);

/* One copy of n bytes from offset from to offset to of a 64-byte
 * pattern, by ours and by libharu's: same bytes, same return offset. */
static void check_copy(memcpy_fn real, size_t from, size_t to, HPDF_UINT n)
{
	HPDF_BYTE a[64], b[64];
	for (int i = 0; i < 64; i++)
		a[i] = b[i] = (HPDF_BYTE)(i * 7 + 1);
	HPDF_BYTE *ra = HPDF_MemCpy(a + to, a + from, n);
	HPDF_BYTE *rb = real(b + to, b + from, n);
	CHECK(!memcmp(a, b, sizeof a));
	CHECK(ra - a == rb - b);
}

static void check_mem_interposed(void)
{
	memcpy_fn cpy = (memcpy_fn)(uintptr_t)dlsym(RTLD_NEXT, "HPDF_MemCpy");
	memset_fn set = (memset_fn)(uintptr_t)dlsym(RTLD_NEXT, "HPDF_MemSet");
	CHECK(cpy && set && cpy != HPDF_MemCpy);
	if (!cpy || !set)
		return;
	check_copy(cpy, 0, 32, 20); /* apart */
	check_copy(cpy, 0, 1, 20);  /* forward onto itself: repeats */
	check_copy(cpy, 3, 10, 30);
	check_copy(cpy, 10, 3, 30); /* backward */
	check_copy(cpy, 5, 5, 10);
	check_copy(cpy, 0, 8, 0);
	HPDF_BYTE a[40] = {0}, b[40] = {0};
	HPDF_BYTE *ra = HPDF_MemSet(a + 3, 0xAB, 17);
	HPDF_BYTE *rb = set(b + 3, 0xAB, 17);
	CHECK(!memcmp(a, b, sizeof a));
	CHECK(ra - a == rb - b);
	CHECK(HPDF_MemSet(a, 1, 0) == a);
}

#define HAS(p, n, lit) (memmem((p), (n), (lit), sizeof(lit) - 1) != NULL)

/* libharu's saved file, into memory (caller frees). */
static char *saved(HPDF_Doc pdf, size_t *len)
{
	CHECK(HPDF_SaveToStream(pdf) == HPDF_OK);
	HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
	char *buf = xmalloc(size + 1);
	HPDF_UINT32 got = size;
	HPDF_ResetStream(pdf);
	HPDF_ReadFromStream(pdf, (HPDF_BYTE *)buf, &got);
	CHECK(got == size);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* ---- the saved file's layout (haru.h, P1-P5) ---- */

static const char *find(const char *p, const char *end, const char *lit)
{
	size_t n = strlen(lit);
	return (size_t)(end - p) < n ? NULL
	                             : memmem(p, (size_t)(end - p), lit, n);
}

/* Checks P1-P5 on libharu's saved file d (n bytes); returns the failures. */
static int check_layout(const char *d, size_t n)
{
	int before = failures;
	const char *end = d + n;
	/* P1 */
	CHECK(n > 16 && !memcmp(d, "%PDF-1.", 7) && d[7] >= '0' && d[7] <= '9');
	/* P5: startxref near the end, one xref table, a trailer */
	const char *sx = find(n > 64 ? end - 64 : d, end, "startxref\n");
	CHECK(sx != NULL);
	if (!sx)
		return failures - before;
	unsigned long xat = strtoul(sx + 10, NULL, 10);
	CHECK(xat < n && !memcmp(d + xat, "xref\n0 ", 7));
	CHECK(find(d, end, "/ObjStm") == NULL && find(d, end, "/XRef") == NULL);
	const char *second = find(d + xat + 5, end, "xref\n");
	CHECK(second == NULL || second == sx + 5); /* only "startxref\n" */
	char *q;
	unsigned long count = strtoul(d + xat + 7, &q, 10);
	CHECK(count >= 2 && *q == '\n');
	const char *tbl = q + 1;
	CHECK(!memcmp(tbl, "0000000000 65535 f", 18));
	const char *tr = tbl + count * 20;
	CHECK(tr < end && !memcmp(tr, "trailer", 7));
	CHECK(find(tr, end, "/Root ") && find(tr, end, " 0 R"));
	/* P3: objects in number order at their offsets, each ending
	 * "\nendobj\n" right before the next one or the table */
	unsigned long prev = 0;
	for (unsigned long i = 1; i < count; i++) {
		const char *e = tbl + i * 20;
		if (e[17] != 'n')
			continue;
		unsigned long off = strtoul(e, NULL, 10);
		char head[32];
		int hl = snprintf(head, sizeof head, "%lu 0 obj\n", i);
		CHECK(off > prev && off < xat &&
		      !memcmp(d + off, head, (size_t)hl));
		if (prev)
			CHECK(!memcmp(d + off - 8, "\nendobj\n", 8));
		prev = off;
	}
	CHECK(!memcmp(d + xat - 8, "\nendobj\n", 8));
	/* P4: streams, and their indirect lengths */
	for (const char *s = d; (s = find(s, end, "stream\r\n")); s += 8) {
		CHECK(s - d > 4 && !memcmp(s - 3, ">>\n", 3));
		const char *es = find(s, end, "\nendstream\nendobj\n");
		CHECK(es != NULL);
		const char *dict = s;
		while (dict > d && memcmp(dict, " 0 obj\n", 7))
			dict--;
		const char *len = find(dict, s, "/Length ");
		CHECK(len != NULL);
		if (!len)
			continue;
		unsigned long r = strtoul(len + 8, &q, 10);
		CHECK(!strncmp(q, " 0 R", 4) && r > 0 && r < count);
		if (r && r < count) {
			unsigned long off = strtoul(tbl + r * 20, NULL, 10);
			const char *ob = d + off;
			const char *obend = find(ob, end, "endobj");
			CHECK(obend && !find(ob, obend, "stream"));
		}
	}
	return failures - before;
}

/* pack.c keeps libharu's file when it is not laid out as libharu
 * writes: anything else is refused, never half-rewritten. */
static void check_pack_refuses(void)
{
	sp_buf out = SP_BUF_INIT;
	static const char *const bad[] = {
	    "garbage", "%PDF-1.3\n1 0 obj\n<<>>\nendobj\n",
	    "%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n"
	    "0000000000 65535 f\r\n0000000009 00000 n\r\ntrailer\n<<\n"
	    "/Size 2\n>>\nstartxref\n29\n%%EOF\n", /* no /Root */
	    "%PDF-1.3\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n"
	    "0000000000 65535 f\r\n0000009999 00000 n\r\ntrailer\n<<\n"
	    "/Root 1 0 R\n>>\nstartxref\n29\n%%EOF\n", /* bad offset */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK(pdf_pack(bad[i], strlen(bad[i]), &out) < 0);
	/* the smallest file libharu could write packs */
	const char *ok = "%PDF-1.3\n1 0 obj\n<<\n/Type /Catalog\n>>\nendobj\n"
	                 "xref\n0 2\n0000000000 65535 f\r\n0000000009 00000 "
	                 "n\r\ntrailer\n<<\n/Root 1 0 R\n/Size 2\n>>\n"
	                 "startxref\n45\n%%EOF\n";
	CHECK(pdf_pack(ok, strlen(ok), &out) == 0 &&
	      HAS(out.data, out.len, "/Type /ObjStm") &&
	      HAS(out.data, out.len, "/Root 1 0 R"));
	buf_free(&out);
}

/* ---- streams, pages and labels through the module ---- */

static void check_streams(void)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	CHECK(pdf != NULL);
	/* as pdf_render does: libharu's compression on, our bytes verbatim */
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_Page a = HPDF_AddPage(pdf), b = HPDF_AddPage(pdf);
	static const char raw[] = "0 0 m 100 100 l S\n";
	static const char fake_z[] = "not really zlib";
	CHECK(haru_page_set_contents(a, raw, sizeof raw - 1, 0) == HPDF_OK);
	CHECK(haru_page_set_contents(b, fake_z, sizeof fake_z - 1, 1) ==
	      HPDF_OK);
	HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
	HPDF_AddPageLabel(pdf, 1, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "Q-");
	haru_drop_last_label_style(pdf);
	size_t n;
	char *d = saved(pdf, &n);
	CHECK(HAS(d, n, ">>\nstream\r\n0 0 m 100 100 l S\n\nendstream"));
	CHECK(HAS(d, n,
	          "/Filter /FlateDecode\n>>\nstream\r\nnot really zlib"
	          "\nendstream"));
	/* the first range keeps its style, the last one lost it */
	CHECK(HAS(d, n, "/S /r"));
	CHECK(!HAS(d, n, "/S /D"));
	CHECK(HAS(d, n, "/P (Q-)"));
	CHECK(check_layout(d, n) == 0);
	sp_buf packed = SP_BUF_INIT;
	CHECK(pdf_pack(d, n, &packed) == 0);
	CHECK(HAS(packed.data, packed.len, "0 0 m 100 100 l S"));
	buf_free(&packed);
	free(d);
	HPDF_Free(pdf);
}

/* The pages' contents as pdf_render gives them: libharu holds an empty
 * placeholder (haru_page_contents_id), pdf_pack writes the data in its
 * place with its /Length; a stream that is not empty is not replaced. */
static const char *const page_z[] = {"first page's bytes",
                                     "and the second's, longer"};

static void page_z_data(void *ud, size_t k, const char **p, size_t *n)
{
	(void)ud;
	*p = page_z[k];
	*n = strlen(page_z[k]);
}

static void check_stream_placeholders(void)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	CHECK(pdf != NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_Page pg[2] = {HPDF_AddPage(pdf), HPDF_AddPage(pdf)};
	unsigned long ids[2];
	for (int i = 0; i < 2; i++) {
		CHECK(haru_page_set_contents(pg[i], NULL, 0, 1) == HPDF_OK);
		ids[i] = haru_page_contents_id(pg[i]);
		CHECK(ids[i] > 0);
	}
	CHECK(ids[0] != ids[1]);
	size_t n;
	char *d = saved(pdf, &n);
	CHECK(HAS(d, n, "/Filter /FlateDecode\n>>\nstream\r\n\nendstream"));
	pdf_pack_extra x = {
	    .stream_ids = ids, .nstreams = 2, .stream_data = page_z_data};
	sp_buf packed = SP_BUF_INIT;
	CHECK(pdf_pack_ex(d, n, &x, &packed) == 0);
	for (int i = 0; i < 2; i++) {
		char want[96];
		snprintf(want, sizeof want,
		         "%lu 0 obj\n<<\n/Length %zu\n/Filter /FlateDecode\n>>"
		         "\nstream\r\n%s\nendstream",
		         ids[i], strlen(page_z[i]), page_z[i]);
		CHECK(memmem(packed.data, packed.len, want, strlen(want)));
	}
	/* a stream with data of libharu's own is refused */
	CHECK(haru_page_set_contents(pg[0], "x", 1, 1) == HPDF_OK);
	free(d);
	d = saved(pdf, &n);
	CHECK(pdf_pack_ex(d, n, &x, &packed) < 0);
	unsigned long bad[1] = {1}; /* the catalog: not a stream */
	x.stream_ids = bad;
	x.nstreams = 1;
	CHECK(pdf_pack_ex(d, n, &x, &packed) < 0);
	buf_free(&packed);
	free(d);
	HPDF_Free(pdf);
}

/* haru_dest: a direct destination that a link and a bookmark take and
 * libharu writes where it is used; haru_text_encoder: ASCII titles as
 * literal strings. */
static void check_dests(void)
{
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	CHECK(pdf != NULL);
	HPDF_UseUTFEncodings(pdf); /* as pdf_render does */
	HPDF_Page a = HPDF_AddPage(pdf), b = HPDF_AddPage(pdf);
	HPDF_Rect rc = {10, 10, 50, 20};
	HPDF_Destination d1 = haru_dest(b, 123.5);
	CHECK(d1 != NULL);
	CHECK(HPDF_Page_CreateLinkAnnot(a, rc, d1) != NULL);
	HPDF_Outline o = HPDF_CreateOutline(pdf, NULL, "Plain (title)",
	                                    haru_text_encoder(pdf, "Plain"));
	CHECK(o != NULL);
	CHECK(HPDF_Outline_SetDestination(o, haru_dest(a, 7)) == HPDF_OK);
	CHECK(haru_text_encoder(pdf, "caf\xC3\xA9") != NULL);
	size_t n;
	char *d = saved(pdf, &n);
	CHECK(HAS(d, n, " 0 R /FitH 123.5 ]\n")); /* in the annotation */
	CHECK(HAS(d, n, " 0 R /FitH 7 ]\n"));     /* in the bookmark */
	CHECK(HAS(d, n, "/Title (Plain \\050title\\051)"));
	CHECK(!HAS(d, n, "obj\n[")); /* neither is an object of its own */
	free(d);
	HPDF_Free(pdf);
}

/* ---- font definitions, against the font file ---- */

typedef struct ttf_file {
	sp_buf data;
	const uint8_t *head, *maxp, *hhea, *hmtx, *loca, *glyf;
} ttf_file;

static const uint8_t *table(const ttf_file *t, const char *tag)
{
	const uint8_t *p = (const uint8_t *)t->data.data;
	unsigned nt = ttf_u16(p + 4);
	for (unsigned i = 0; i < nt; i++)
		if (!memcmp(p + 12 + 16 * i, tag, 4))
			return p + ttf_u32(p + 12 + 16 * i + 8);
	return NULL;
}

static int ttf_open(ttf_file *t, const char *path)
{
	memset(t, 0, sizeof *t);
	if (buf_read_file(&t->data, path, 64u << 20) < 0)
		return -1;
	t->head = table(t, "head");
	t->maxp = table(t, "maxp");
	t->hhea = table(t, "hhea");
	t->hmtx = table(t, "hmtx");
	t->loca = table(t, "loca");
	t->glyf = table(t, "glyf");
	return t->head && t->maxp && t->hhea && t->hmtx && t->loca && t->glyf
	           ? 0
	           : -1;
}

static void glyph_range(const ttf_file *t, unsigned g, uint32_t *a, uint32_t *b)
{
	if (ttf_u16(t->head + 50)) {
		*a = ttf_u32(t->loca + 4 * g);
		*b = ttf_u32(t->loca + 4 * g + 4);
	} else {
		*a = 2u * ttf_u16(t->loca + 2 * g);
		*b = 2u * ttf_u16(t->loca + 2 * g + 2);
	}
}

static void check_fontdef(HPDF_FontDef def, const ttf_file *t, int embedding)
{
	unsigned ng = ttf_u16(t->maxp + 4), upem = ttf_u16(t->head + 18);
	CHECK(haru_fontdef_is_truetype(def));
	CHECK(haru_fontdef_num_glyphs(def) == ng);
	CHECK(haru_fontdef_embedding(def) == embedding);
	CHECK(strlen(haru_fontdef_base_font(def)) > 0);
	int asc, desc, missing;
	haru_fontdef_metrics(def, &asc, &desc, &missing);
	CHECK(asc > 500 && asc < 1500 && desc < 0 && desc > -600);
	CHECK(missing >= 0 && missing < 2000);
	uint16_t *gid = xcalloc(65536, sizeof *gid);
	haru_fontdef_cmap(def, gid);
	unsigned nh = ttf_u16(t->hhea + 34);
	sp_buf g = SP_BUF_INIT;
	const char *probe = "Amg,.0";
	for (const char *c = probe; *c; c++) {
		unsigned id = gid[(unsigned char)*c];
		CHECK(id > 0 && id < ng);
		CHECK(haru_glyphid(def, (unsigned char)*c) == id);
		if (!id || id >= ng)
			continue;
		/* advance: hmtx scaled to 1000 units, truncated */
		unsigned aw = ttf_u16(t->hmtx + 4 * (id < nh ? id : nh - 1));
		CHECK(haru_fontdef_gid_width(def, id) ==
		      (int)(aw * 1000 / upem));
		if (!embedding)
			continue;
		/* the outline libharu would subset: the file's own bytes */
		uint32_t a, b;
		glyph_range(t, id, &a, &b);
		CHECK(haru_fontdef_glyph(def, id, &g) == 0);
		CHECK(g.len == b - a && !memcmp(g.data, t->glyf + a, g.len));
	}
	if (embedding) {
		CHECK(!haru_fontdef_glyph_marked(def, ng - 1));
		haru_fontdef_mark_glyph(def, ng - 1);
		CHECK(haru_fontdef_glyph_marked(def, ng - 1));
	}
	buf_free(&g);
	free(gid);
}

static void check_fonts(const pdf_fonts *pf)
{
	const layout_fonts *lf = pdf_fonts_layout(pf);
	int body = lf->chain[FAMILY_BODY][0][0];
	const char *path = pdf_fonts_face_path(pf, body);
	ttf_file t;
	CHECK(ttf_open(&t, path) == 0);
	/* the run's definition: loaded without libharu's embedding */
	HPDF_FontDef metrics = pf->faces[body].def;
	check_fontdef(metrics, &t, 0);
	/* an output document's own, with libharu's embedding */
	HPDF_Doc pdf = HPDF_New(NULL, NULL);
	const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	CHECK(name != NULL);
	HPDF_FontDef own = name ? haru_fontdef_of(pdf, name) : NULL;
	CHECK(own != NULL);
	if (own)
		check_fontdef(own, &t, 1);
	/* the registry answers libharu's lookup for a registered
	 * definition, and only until it is cleared */
	static uint16_t table42[65536];
	table42['A'] = 42;
	unsigned real = haru_glyphid(metrics, 'A');
	haru_glyphid_register(metrics, table42);
	CHECK(haru_glyphid(metrics, 'A') == 42);
	haru_glyphid_clear();
	CHECK(haru_glyphid(metrics, 'A') == real);
	HPDF_Free(pdf);
	/* lending the run's definition to a document, and taking it back */
	pdf = HPDF_New(NULL, NULL);
	HPDF_UseUTFEncodings(pdf);
	const char *lent = haru_doc_add_fontdef(pdf, metrics);
	CHECK(lent && !strcmp(lent, haru_fontdef_base_font(metrics)));
	CHECK(lent && HPDF_GetFont(pdf, lent, "UTF-8") != NULL);
	haru_doc_remove_fontdef(pdf, metrics);
	HPDF_Free(pdf);
	CHECK(haru_fontdef_num_glyphs(metrics) == ttf_u16(t.maxp + 4));
	buf_free(&t.data);
}

/* ---- a rendered document: the font repair, and P1-P5 ---- */

static sp_document *small_doc(const layout_fonts *lf)
{
	sp_document *doc = doc_new();
	doc_set_info(doc, "Contract", NULL, NULL);
	sp_page *p = doc_add_page(doc, 300, 300);
	int body = lf->chain[FAMILY_BODY][0][0];
	page_add_text(p, 20, 250, body, 12, 0, "Abc \xC3\xA9", 6, 40);
	page_add_link_dest(p, 20, 245, 40, 15, "end");
	p = doc_add_page(doc, 300, 300);
	doc_add_dest(doc, 1, "end", 280);
	page_add_text(p, 20, 250, lf->subst_face, 12, 0, "\xE2\x87\x92", 3, 10);
	doc_add_outline(doc, 0, "End", "end");
	doc_add_label_range(doc, 0, LABEL_DECIMAL, 1, NULL);
	return doc;
}

static void check_rendered(const layout_fonts *lf)
{
	sp_document *doc = small_doc(lf);
	sp_diag d;
	diag_init(&d, stderr);
	/* uncompressed: libharu's file as it saved it, not packed */
	pdf_render_opts o = {1, 1};
	char *data;
	size_t n;
	CHECK(pdf_render_mem(doc, lf, &o, &data, &n, &d) == PDF_OK);
	CHECK(check_layout(data, n) == 0);
	/* tounicode.c */
	CHECK(HAS(data, n, "/CMapType 2"));
	/* CID = glyph id (Liberation Serif: space is glyph 3) */
	CHECK(HAS(data, n, "beginbfchar\n<0003> <0020>\n"));
	CHECK(!HAS(data, n, "begincidrange"));
	CHECK(HAS(data, n, "/Ordering (Identity)"));
	CHECK(!HAS(data, n, "(Identity-H)"));
	/* the widths of the glyphs drawn, and only those */
	CHECK(HAS(data, n,
	          "/W [ 3 [ 250 ] 36 [ 722 ] 69 [ 500 443 ] 171 "
	          "[ 443 ] ]"));
	CHECK(HAS(data, n, "/CIDToGIDMap "));
	/* embed.c: a tagged subset with its own descriptor */
	CHECK(HAS(data, n, "/Type /FontDescriptor"));
	CHECK(HAS(data, n, "/FontFile2 "));
	CHECK(HAS(data, n, "/Length1 "));
	CHECK(HAS(data, n, "+LiberationSerif"));
	sp_buf packed = SP_BUF_INIT;
	CHECK(pdf_pack(data, n, &packed) == 0);
	buf_free(&packed);
	free(data);
	/* and the default output is packed */
	CHECK(pdf_render_mem(doc, lf, NULL, &data, &n, &d) == PDF_OK);
	CHECK(HAS(data, n, "/Type /ObjStm") && HAS(data, n, "/Type /XRef"));
	free(data);
	CHECK(d.errors == 0);
	doc_free(doc);
}

int main(void)
{
	CHECK(!strcmp(HPDF_VERSION_TEXT, "2.3.0"));
	check_mem_interposed();
	check_pack_refuses();
	check_streams();
	check_stream_placeholders();
	check_dests();
	sp_diag d;
	diag_init(&d, stderr);
	pdf_fonts *pf = pdf_fonts_open(NULL, &d);
	if (!pf) {
		fprintf(stderr, "cannot open the default fonts\n");
		return 1;
	}
	check_fonts(pf);
	check_rendered(pdf_fonts_layout(pf));
	pdf_fonts_close(pf);
	if (failures)
		fprintf(stderr,
		        "test_haru: %d failure(s): libharu is not laid "
		        "out as src/pdf/haru.h says\n",
		        failures);
	return failures ? 1 : 0;
}
