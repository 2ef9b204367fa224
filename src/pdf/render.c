/* render.c - the page model as a PDF: libharu holds the document, in the
 * order and with the workarounds of the libharu notes (compression and
 * the UTF-8 encoder before fonts and info, explicit page sizes, links with
 * FitH destinations, outline titles through the UTF-8 encoder, ASCII
 * page-label prefixes, dates only from SOURCE_DATE_EPOCH, the font repair
 * of tounicode.c before saving, the sticky error checked after every page
 * and before saving). This file drives the steps; page contents are
 * written by draw.c (with content.c's numbers) and deflated beside the
 * drawing (deflate.c), links, bookmarks and labels added by
 * navigation.c, fonts repaired (tounicode.c) and embedded from the run's
 * subsets (embed.c), and the saved file packed into object streams
 * (pack.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf/cidcff.h"
#include "pdf/ttfont.h"
#include "pdf/pdfa.h"
#include "pdf/renderer.h"
#include "pdf/tags.h"
#include "util/timing.h"
#include "util/mem.h"

/* Reports the pending libharu error, if any; returns non-zero then. */
int pdf_render_failed(pdf_renderer *r, const char *what)
{
	HPDF_STATUS e = HPDF_GetError(r->pdf);
	if (!r->err.count && e == HPDF_OK)
		return 0;
	if (!r->err.count) {
		r->err.code = e;
		r->err.detail = HPDF_GetErrorDetail(r->pdf);
	}
	diag_error(r->d, sp_loc_make(NULL, 0, 0),
	           "cannot render the PDF (%s): libharu error 0x%04X, %s "
	           "(detail %u)",
	           what, (unsigned)r->err.code, pdf_error_text(r->err.code),
	           (unsigned)r->err.detail);
	return 1;
}

/* ---- set-up ---- */

static void set_info(pdf_renderer *r)
{
	const sp_document *doc = r->doc;
	if (doc->title)
		HPDF_SetInfoAttr(r->pdf, HPDF_INFO_TITLE, doc->title);
	if (doc->author)
		HPDF_SetInfoAttr(r->pdf, HPDF_INFO_AUTHOR, doc->author);
	if (doc->subject)
		HPDF_SetInfoAttr(r->pdf, HPDF_INFO_SUBJECT, doc->subject);
	if (doc->keywords)
		HPDF_SetInfoAttr(r->pdf, HPDF_INFO_KEYWORDS, doc->keywords);
	HPDF_SetInfoAttr(r->pdf, HPDF_INFO_CREATOR, "studypress " SP_VERSION);
	HPDF_SetInfoAttr(r->pdf, HPDF_INFO_PRODUCER,
	                 "studypress " SP_VERSION
	                 " with libharu " HPDF_VERSION_TEXT);
}

static void set_date(pdf_renderer *r)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (!s || !*s)
		return;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	struct tm tm;
	time_t t = (time_t)v;
	if (errno || *end || v < 0 || v > 253402300799LL ||
	    !gmtime_r(&t, &tm)) {
		diag_warning(
		    r->d, sp_loc_make(NULL, 0, 0),
		    "SOURCE_DATE_EPOCH '%s' is not a number of seconds "
		    "since 1970 before year 10000; no date is written",
		    s);
		return;
	}
	HPDF_Date date = {
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec,         '+',           0,          0};
	r->has_date = 1;
	r->date = tm;
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, date);
}

/* A CFF face: its font made by cidcff.c, not libharu. */
static int load_cff(pdf_renderer *r, int f)
{
	const pdf_face *fc = &r->fonts->faces[f];
	r->cff[f] = pdf_cidcff_new(r->pdf, fc);
	if (!r->cff[f]) {
		if (!pdf_render_failed(r, fc->path))
			diag_error(r->d, sp_loc_make(NULL, 0, 0),
			           "cannot load font '%s'", fc->path);
		return -1;
	}
	r->font[f] = pdf_cidcff_font(r->cff[f]);
	r->used[f] = xcalloc(1, sizeof(pdf_cpset));
	r->gtext[f] = gtext_new(fc->num_glyphs);
	return 0;
}

/* A TrueType face embed.c subsets: its font made by ttfont.c, not
 * libharu. */
static int load_ttfont(pdf_renderer *r, int f)
{
	const pdf_face *fc = &r->fonts->faces[f];
	r->font[f] = pdf_ttfont_new(r->pdf);
	if (!r->font[f]) {
		if (!pdf_render_failed(r, fc->path))
			diag_error(r->d, sp_loc_make(NULL, 0, 0),
			           "cannot load font '%s'", fc->path);
		return -1;
	}
	r->ttf[f] = 1;
	r->used[f] = xcalloc(1, sizeof(pdf_cpset));
	r->gtext[f] = gtext_new(fc->num_glyphs);
	return 0;
}

/* Loads every face some text uses, in face order: a CFF face by
 * cidcff.c, a face embed.c can subset by ttfont.c; the others (and under
 * SP_SLOW_GLYPHID every TrueType face) by libharu, on the metrics
 * document's definition when this render holds the shared definitions
 * and embed.c subsets the face, else from the file. */
static int load_fonts(pdf_renderer *r)
{
	int n = r->fonts->nfaces;
	char *need = xcalloc((size_t)n, 1);
	for (size_t p = 0; p < r->doc->npages; p++) {
		const sp_page *pg = &r->doc->pages[p];
		for (size_t i = 0; i < pg->ntexts; i++) {
			int f = pg->texts[i].face;
			if (f < 0 || f >= n) {
				diag_error(
				    r->d, sp_loc_make(NULL, 0, 0),
				    "internal error: page %zu draws text in "
				    "face %d of %d",
				    p + 1, f, n);
				free(need);
				return -1;
			}
			need[f] = 1;
		}
	}
	/* a fallback that could not be read when the layout asked for it:
	 * the text it should have set went to the next face of its chain */
	int unread = -1;
	for (int f = 0; f < n && unread < 0; f++)
		if (need[f] && !pdf_fonts_ready(r->fonts, f))
			unread = f;
	int reported = pdf_fonts_report_read_error(r->fonts, r->d) < 0;
	if (!reported && unread >= 0)
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "cannot load font '%s'",
		           r->fonts->faces[unread].path);
	if (reported || unread >= 0) {
		free(need);
		return -1;
	}
	int fast = !getenv("SP_SLOW_GLYPHID"); /* see pdf/haru.h */
	for (int f = 0; f < n; f++) {
		if (!need[f])
			continue;
		const pdf_face *fc = &r->fonts->faces[f];
		if (fc->cff) {
			if (load_cff(r, f) < 0) {
				free(need);
				return -1;
			}
			continue;
		}
		int ours = pdf_embed_usable(r->embed, r->fonts, f);
		if (ours && fast) {
			if (load_ttfont(r, f) < 0) {
				free(need);
				return -1;
			}
			continue;
		}
		const char *name = NULL;
		HPDF_FontDef def = NULL;
		if (ours && r->defs_held &&
		    (name = haru_doc_add_fontdef(r->pdf, fc->def)) != NULL) {
			def = fc->def;
			r->shared[f] = 1;
		} else {
			name = HPDF_LoadTTFontFromFile(
			    r->pdf, fc->path, ours ? HPDF_FALSE : HPDF_TRUE);
			def = name ? haru_fontdef_of(r->pdf, name) : NULL;
		}
		r->ours[f] = (char)ours;
		if (def && fast)
			haru_glyphid_register(def, haru_glyphid_none);
		r->font[f] = !name  ? NULL
		             : fast ? haru_get_utf8_font(r->pdf, name)
		                    : HPDF_GetFont(r->pdf, name, "UTF-8");
		if (def && fast)
			haru_glyphid_register(def, fc->gid);
		if (!r->font[f]) {
			free(need);
			if (!pdf_render_failed(r, fc->path))
				diag_error(r->d, sp_loc_make(NULL, 0, 0),
				           "cannot load font '%s'", fc->path);
			return -1;
		}
		r->used[f] = xcalloc(1, sizeof(pdf_cpset));
		r->gtext[f] = gtext_new(fc->num_glyphs);
	}
	free(need);
	return 0;
}

static int add_pages(pdf_renderer *r)
{
	for (size_t p = 0; p < r->doc->npages; p++) {
		const sp_page *pg = &r->doc->pages[p];
		if (!(pg->width >= 3 && pg->width <= 14400 && pg->height >= 3 &&
		      pg->height <= 14400)) {
			diag_error(
			    r->d, sp_loc_make(NULL, 0, 0),
			    "internal error: page %zu has size %.2f x %.2f "
			    "points (3 to 14400 allowed)",
			    p + 1, pg->width, pg->height);
			return -1;
		}
		r->pages[p] = HPDF_AddPage(r->pdf);
		if (!r->pages[p])
			return pdf_render_failed(r, "adding a page"), -1;
		HPDF_Page_SetWidth(r->pages[p], (HPDF_REAL)pg->width);
		HPDF_Page_SetHeight(r->pages[p], (HPDF_REAL)pg->height);
	}
	return pdf_render_failed(r, "adding pages") ? -1 : 0;
}

/* Documents of at least this many pages deflate their pages on a second
 * thread, page by page as they are drawn (below it a thread costs more
 * than it saves). */
#define DEFLATE_THREADS_MIN_PAGES 24

static void start_deflating(pdf_renderer *r)
{
	size_t n = r->doc->npages;
	if (r->uncompressed)
		return;
	r->z = xcalloc(n ? n : 1, sizeof *r->z);
	r->deflating = pdf_deflate_start(
	    r->raw, r->z, n, 0, n >= DEFLATE_THREADS_MIN_PAGES ? 2 : 1);
}

/* Waits for the deflating threads (if any); -1 when one failed. */
static int finish_deflating(pdf_renderer *r)
{
	if (!r->deflating)
		return 0;
	int rc = pdf_deflate_finish(r->deflating);
	r->deflating = NULL;
	return rc;
}

static int put_contents(pdf_renderer *r)
{
	size_t n = r->doc->npages;
	sp_buf *z = r->z;
	if (finish_deflating(r) < 0) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "cannot compress a page (out of memory?)");
		return -1;
	}
	HPDF_STATUS ret = HPDF_OK;
	if (z) /* the packer takes them from r->z (page_data) */
		r->content_ids = xcalloc(n ? n : 1, sizeof *r->content_ids);
	for (size_t p = 0; p < n && ret == HPDF_OK; p++) {
		if (z) {
			ret = haru_page_set_contents(r->pages[p], NULL, 0, 1);
			r->content_ids[p] = haru_page_contents_id(r->pages[p]);
		} else {
			ret = haru_page_set_contents(
			    r->pages[p], r->raw[p].data, r->raw[p].len, 0);
			buf_free(&r->raw[p]);
		}
	}
	timing_mark("pdf: contents deflated");
	if (ret != HPDF_OK && !r->err.count) {
		r->err.code = ret;
		r->err.count = 1;
	}
	return pdf_render_failed(r, "page contents") ? -1 : 0;
}

static int draw_pages(pdf_renderer *r)
{
	codes_plan(r);
	start_deflating(r);
	for (size_t p = 0; p < r->doc->npages; p++) {
		tags_page(r, p);
		draw_page(r, p);
		nav_links(r, p);
		char what[64];
		snprintf(what, sizeof what, "page %zu", p + 1);
		if (pdf_render_failed(r, what))
			return -1;
		if (r->deflating)
			pdf_deflate_ready(r->deflating, p + 1);
		if (r->page_drawn)
			r->page_drawn(r->page_drawn_ud, p);
	}
	timing_mark("pdf: pages drawn");
	return 0;
}

/* ---- saving ---- */

static int fix_fonts(pdf_renderer *r)
{
	for (int f = 0; f < r->fonts->nfaces; f++) {
		if (!r->font[f])
			continue;
		const struct pdf_codes *codes = r->codes ? r->codes[f] : NULL;
		HPDF_STATUS ret =
		    r->cff[f]
		        ? pdf_cidcff_finish(r->cff[f], r->used[f], r->gtext[f])
		    : r->ttf[f]
		        ? pdf_ttfont_finish(r->pdf, r->font[f], r->embed,
		                            r->fonts, f, r->used[f],
		                            r->gtext[f], codes, r->uncompressed)
		        : pdf_fix_font(r->font[f], r->used[f], r->gtext[f],
		                       codes, r->uncompressed);
		if (ret == HPDF_OK && r->ours[f])
			ret = pdf_embed_font(r->embed, r->fonts, f, r->font[f],
			                     r->used[f]);
		if (ret != HPDF_OK &&
		    !pdf_render_failed(r, r->fonts->faces[f].path)) {
			diag_error(r->d, sp_loc_make(NULL, 0, 0),
			           "cannot prepare font '%s' for embedding",
			           r->fonts->faces[f].path);
			return -1;
		}
		if (pdf_render_failed(r, "font repair"))
			return -1;
	}
	timing_mark("pdf: outline, labels, fonts");
	return 0;
}

/* Gives the shared font definitions back as they were. */
static void unshare_fonts(pdf_renderer *r)
{
	for (int f = 0; f < r->fonts->nfaces; f++) {
		if (!r->shared[f])
			continue;
		pdf_embed_done(r->embed, r->fonts, f);
		haru_doc_remove_fontdef(r->pdf, r->fonts->faces[f].def);
	}
	if (r->defs_held)
		pdf_embed_release(r->embed);
	r->defs_held = 0;
}

static int save(pdf_renderer *r, char **data, size_t *len)
{
	if (pdf_render_failed(r, "before saving"))
		return -1;
	sp_buf out = SP_BUF_INIT;
	HPDF_STATUS ret = haru_doc_save(r->pdf, &out);
	if (ret != HPDF_OK && !r->err.count) {
		r->err.code = ret;
		r->err.count = 1;
	}
	if (pdf_render_failed(r, "saving")) {
		buf_free(&out);
		return -1;
	}
	timing_mark("pdf: saved by libharu");
	*len = out.len;
	*data = buf_detach(&out);
	return 0;
}

static int setup(pdf_renderer *r, const pdf_render_opts *o)
{
	r->pdf = HPDF_New(pdf_error_handler, &r->err);
	if (!r->pdf) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "cannot create a PDF document");
		return -1;
	}
	HPDF_SetCompressionMode(r->pdf, o->uncompressed ? HPDF_COMP_NONE
	                                                : HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(r->pdf);
	HPDF_SetCurrentEncoder(r->pdf, "UTF-8");
	if (pdf_render_failed(r, "set-up"))
		return -1;
	set_info(r);
	if (!o->no_date)
		set_date(r);
	return pdf_render_failed(r, "document info") ? -1 : 0;
}

/* ---- packing: the objects of ours beside libharu's ---- */

/* Body i of pdf_pack_extra: the structure tree's objects, the link
 * annotations, then the replacements of the StructTreeRoot placeholder
 * (when there is one) and of each page's /Annots. */
static void extra_body(void *ud, size_t base, size_t i, sp_buf *b)
{
	const pdf_renderer *r = ud;
	size_t nt = tags_extra_count(r->tags), na = nav_links_count(r);
	if (i < nt) {
		tags_extra_body(r->tags, base, i, b);
		return;
	}
	i -= nt;
	if (i < na) {
		nav_links_body(r, i, b);
		return;
	}
	i -= na;
	if (tags_extra_replace(r->tags)) {
		if (i == 0) {
			tags_extra_body(r->tags, base, nt, b);
			return;
		}
		i--;
	}
	nav_links_array_body(r, base + nt, i, b);
}

/* Page k's deflated content stream, for the packer: libharu holds only
 * an empty placeholder (the contents are not copied into it, nor into
 * the file it saves). */
static void page_data(void *ud, size_t k, const char **p, size_t *n)
{
	const pdf_renderer *r = ud;
	*p = r->z[k].data ? r->z[k].data : "";
	*n = r->z[k].len;
}

static pdf_pack_extra extras(pdf_renderer *r, unsigned long **repl)
{
	size_t narr = nav_links_arrays(r);
	unsigned long root = tags_extra_replace(r->tags);
	size_t n = (root ? 1 : 0) + narr;
	*repl = xmalloc((n ? n : 1) * sizeof **repl);
	size_t k = 0;
	if (root)
		(*repl)[k++] = root;
	for (size_t j = 0; j < narr; j++)
		(*repl)[k++] = nav_links_array_id(r, j);
	pdf_pack_extra x = {.count =
	                        tags_extra_count(r->tags) + nav_links_count(r),
	                    .replace = *repl,
	                    .nreplace = n,
	                    .body = extra_body,
	                    .ud = r,
	                    .stream_ids = r->content_ids,
	                    .nstreams = r->content_ids ? r->doc->npages : 0,
	                    .stream_data = page_data};
	return x;
}

/* Where pdf_render's packed file goes as it is made: its temporary file,
 * opened when the first bytes come (so that it exists only while it is
 * written, and a path that cannot be written is reported after what the
 * rendering found). */
typedef struct render_sink {
	const char *path;
	sp_diag *d;
	pdf_out *out;
	int failed; /* the file could not be opened or written */
} render_sink;

static int sink_write(void *ud, const char *p, size_t n)
{
	render_sink *s = ud;
	if (!s->out && !s->failed)
		s->out = pdf_out_open(s->path, s->d);
	if (!s->out || pdf_out_write(s->out, p, n) < 0)
		s->failed = 1;
	return s->failed ? -1 : 0;
}

/* pdf_render_mem, or into sink: the packed file is written there as it is
 * made and *data left empty; an uncompressed file (never packed) still
 * comes back in *data. */
static int render(const sp_document *doc, const layout_fonts *fonts,
                  const pdf_render_opts *o, render_sink *sink, char **data,
                  size_t *len, sp_diag *d)
{
	static const pdf_render_opts defaults;
	*data = NULL;
	*len = 0;
	if (!fonts || fonts->ops != &pdf_font_ops || !fonts->ctx) {
		diag_error(
		    d, sp_loc_make(NULL, 0, 0),
		    "internal error: the fonts given to the PDF renderer "
		    "do not come from pdf_fonts_open");
		return PDF_ERR_INTERNAL;
	}
	pdf_renderer r;
	memset(&r, 0, sizeof r);
	r.doc = doc;
	r.fonts = fonts->ctx;
	r.d = d;
	int nf = r.fonts->nfaces;
	r.pages = xcalloc(doc->npages ? doc->npages : 1, sizeof *r.pages);
	r.raw = xcalloc(doc->npages ? doc->npages : 1, sizeof *r.raw);
	r.uncompressed = o && o->uncompressed;
	r.pdfa = o && o->pdfa && !r.uncompressed;
	r.page_drawn = o ? o->page_drawn : NULL;
	r.page_drawn_ud = o ? o->page_drawn_ud : NULL;
	r.font = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r.font);
	r.used = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r.used);
	r.gtext = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r.gtext);
	r.shared = xcalloc((size_t)nf ? (size_t)nf : 1, 1);
	r.ours = xcalloc((size_t)nf ? (size_t)nf : 1, 1);
	r.ttf = xcalloc((size_t)nf ? (size_t)nf : 1, 1);
	r.cff = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r.cff);
	r.embed = r.fonts->embed;
	r.defs_held = pdf_embed_acquire(r.embed);
	r.tags = tags_new(doc);
	int rc = -1;
	if (setup(&r, o ? o : &defaults) == 0 && load_fonts(&r) == 0 &&
	    add_pages(&r) == 0 && draw_pages(&r) == 0 && nav_outline(&r) == 0 &&
	    nav_labels(&r) == 0 && tags_finish(&r) == 0 && xmp_write(&r) == 0 &&
	    (!r.pdfa || pdfa_write(&r) == 0) && fix_fonts(&r) == 0 &&
	    put_contents(&r) == 0)
		rc = save(&r, data, len);
	finish_deflating(&r); /* after a failure on the way */
	if (r.pdf) {
		unshare_fonts(&r);
		HPDF_Free(r.pdf);
	} else if (r.defs_held) {
		pdf_embed_release(r.embed);
	}
	if (rc == 0 && !r.uncompressed) {
		/* packed once libharu's objects are gone (less at the peak) */
		sp_buf packed = SP_BUF_INIT;
		char id[PDFA_ID_SIZE];
		unsigned long *repl = NULL;
		pdf_pack_extra x = extras(&r, &repl);
		if (r.pdfa)
			x.trailer = pdfa_file_id(*data, *len, r.z,
			                         r.z ? doc->npages : 0, id);
		if (sink) {
			x.flush = sink_write;
			x.flush_ud = sink;
		}
		int packed_ok = pdf_pack_ex(*data, *len, &x, &packed) == 0;
		if (packed_ok && !(sink && sink->failed)) {
			timing_mark("pdf: packed");
			free(*data);
			*len = packed.len;
			*data = buf_detach(&packed);
		} else {
			/* libharu's file has no page contents, links or
			 * structure: packing is how they get in (a file
			 * that cannot be written is reported by pdf_render) */
			if (!(sink && sink->failed))
				diag_error(d, sp_loc_make(NULL, 0, 0),
				           "internal error: the PDF file could "
				           "not be packed");
			rc = -1;
			free(*data);
			*data = NULL;
			*len = 0;
		}
		buf_free(&packed);
		free(repl);
	}
	haru_glyphid_clear();
	tags_free(r.tags);
	nav_links_free(&r);
	codes_plan_free(&r);
	for (int f = 0; f < nf; f++)
		free(r.used[f]);
	free(r.used);
	for (int f = 0; f < nf; f++)
		gtext_free(r.gtext[f]);
	free(r.gtext);
	free(r.shared);
	free(r.ours);
	free(r.ttf);
	for (int f = 0; f < nf; f++)
		pdf_cidcff_free(r.cff[f]);
	free(r.cff);
	free(r.font);
	for (size_t p = 0; p < doc->npages; p++) {
		buf_free(&r.raw[p]);
		if (r.z)
			buf_free(&r.z[p]);
	}
	free(r.z);
	free(r.content_ids);
	free(r.raw);
	free(r.pages);
	buf_free(&r.text);
	free(r.glyph_at);
	free(r.glyph_len);
	return rc == 0 ? PDF_OK : PDF_ERR_INTERNAL;
}

int pdf_render_mem(const sp_document *doc, const layout_fonts *fonts,
                   const pdf_render_opts *o, char **data, size_t *len,
                   sp_diag *d)
{
	return render(doc, fonts, o, NULL, data, len, d);
}

int pdf_render(const sp_document *doc, const layout_fonts *fonts,
               const pdf_render_opts *o, const char *out_path, sp_diag *d)
{
	char *data;
	size_t len;
	render_sink sink = {out_path, d, NULL, 0};
	int rc = render(doc, fonts, o, &sink, &data, &len, d);
	if (sink.failed) {
		/* the reason (the file's own, or that it could not be
		 * opened, said then) */
		if (sink.out)
			pdf_out_commit(sink.out); /* reports, removes it */
		free(data);
		return PDF_ERR_IO;
	}
	if (rc != PDF_OK) {
		pdf_out_abort(sink.out);
		free(data);
		return rc;
	}
	if (!sink.out)
		sink.out = pdf_out_open(out_path, d);
	if (!sink.out) {
		free(data);
		return PDF_ERR_IO;
	}
	if (len)
		pdf_out_write(sink.out, data, len); /* reported when done */
	free(data);
	return pdf_out_commit(sink.out);
}
