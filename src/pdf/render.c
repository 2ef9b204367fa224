/* render.c - the page model as a PDF: libharu holds the document, in the
 * order and with the workarounds of the libharu notes (compression and
 * the UTF-8 encoder before fonts and info, explicit page sizes, links with
 * FitH destinations, outline titles through the UTF-8 encoder, ASCII
 * page-label prefixes, dates only from SOURCE_DATE_EPOCH, the font repair
 * of tounicode.c before saving, the sticky error checked after every page
 * and before saving). Page contents are written and deflated here
 * (content.c), fonts embedded from the run's subsets (embed.c), and the
 * saved file packed into object streams (pack.c). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pdf/internal.h"
#include "util/timing.h"
#include "util/mem.h"

#define OUTLINE_DEPTH 16

typedef struct gstate {
	double line_width;
	int fill, stroke; /* colours, -1 = unknown */
	unsigned dash_on, dash_off;
	int dash_known;
} gstate;

typedef struct render {
	HPDF_Doc pdf;
	pdf_err err;
	const sp_document *doc;
	const pdf_fonts *fonts;
	HPDF_Page *pages;
	HPDF_Font *font;  /* per face; NULL = not used */
	pdf_cpset **used; /* per face */
	sp_buf text;      /* scratch: an outline title */
	sp_buf *raw;      /* per page: its content stream */
	sp_buf *z;        /* per page: deflated (NULL when uncompressed) */
	pdf_deflate_job *deflating; /* started by draw_pages */
	pdf_embed *embed;           /* the run's font programs */
	int defs_held; /* this render holds the shared definitions */
	char *shared;  /* per face: on the shared definition */
	char *ours;    /* per face: embedded by embed.c */
	int uncompressed;
	int warned_text;
	sp_diag *d;
} render;

static sp_loc noloc(void)
{
	return sp_loc_make(NULL, 0, 0);
}

/* Reports the pending libharu error, if any; returns non-zero then. */
static int failed(render *r, const char *what)
{
	HPDF_STATUS e = HPDF_GetError(r->pdf);
	if (!r->err.count && e == HPDF_OK)
		return 0;
	if (!r->err.count) {
		r->err.code = e;
		r->err.detail = HPDF_GetErrorDetail(r->pdf);
	}
	diag_error(r->d, noloc(),
	           "cannot render the PDF (%s): libharu error 0x%04X, %s "
	           "(detail %u)",
	           what, (unsigned)r->err.code, pdf_error_text(r->err.code),
	           (unsigned)r->err.detail);
	return 1;
}

/* ---- set-up ---- */

static void set_info(render *r)
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

static void set_date(render *r)
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
		    r->d, noloc(),
		    "SOURCE_DATE_EPOCH '%s' is not a number of seconds "
		    "since 1970 before year 10000; no date is written",
		    s);
		return;
	}
	HPDF_Date date = {
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec,         '+',           0,          0};
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(r->pdf, HPDF_INFO_MOD_DATE, date);
}

/* Loads every face some text uses, in face order: on the metrics
 * document's definition when this render holds the shared definitions
 * and the file can be subset by embed.c, else from the file. */
static int load_fonts(render *r)
{
	int n = r->fonts->nfaces;
	char *need = xcalloc((size_t)n, 1);
	for (size_t p = 0; p < r->doc->npages; p++) {
		const sp_page *pg = &r->doc->pages[p];
		for (size_t i = 0; i < pg->ntexts; i++) {
			int f = pg->texts[i].face;
			if (f < 0 || f >= n) {
				diag_error(
				    r->d, noloc(),
				    "internal error: page %zu draws text in "
				    "face %d of %d",
				    p + 1, f, n);
				free(need);
				return -1;
			}
			need[f] = 1;
		}
	}
	int fast = !getenv("SP_SLOW_GLYPHID"); /* see pdf/haru.h */
	for (int f = 0; f < n; f++) {
		if (!need[f])
			continue;
		const pdf_face *fc = &r->fonts->faces[f];
		const char *name = NULL;
		HPDF_FontDef def = NULL;
		int ours = pdf_embed_usable(r->embed, r->fonts, f);
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
		r->font[f] = name ? HPDF_GetFont(r->pdf, name, "UTF-8") : NULL;
		if (def && fast)
			haru_glyphid_register(def, fc->gid);
		if (!r->font[f]) {
			free(need);
			if (!failed(r, fc->path))
				diag_error(r->d, noloc(),
				           "cannot load font '%s'", fc->path);
			return -1;
		}
		r->used[f] = xcalloc(1, sizeof(pdf_cpset));
	}
	free(need);
	return 0;
}

static int add_pages(render *r)
{
	for (size_t p = 0; p < r->doc->npages; p++) {
		const sp_page *pg = &r->doc->pages[p];
		if (!(pg->width >= 3 && pg->width <= 14400 && pg->height >= 3 &&
		      pg->height <= 14400)) {
			diag_error(
			    r->d, noloc(),
			    "internal error: page %zu has size %.2f x %.2f "
			    "points (3 to 14400 allowed)",
			    p + 1, pg->width, pg->height);
			return -1;
		}
		r->pages[p] = HPDF_AddPage(r->pdf);
		if (!r->pages[p])
			return failed(r, "adding a page"), -1;
		HPDF_Page_SetWidth(r->pages[p], (HPDF_REAL)pg->width);
		HPDF_Page_SetHeight(r->pages[p], (HPDF_REAL)pg->height);
	}
	return failed(r, "adding pages") ? -1 : 0;
}

/* ---- drawing: each page's content is written into r->raw[p] ---- */

static void set_fill(sp_buf *cs, gstate *g, sp_color c)
{
	if (g->fill != (int)(c & 0xFFFFFF)) {
		cs_rgb(cs, c, 0);
		g->fill = (int)(c & 0xFFFFFF);
	}
}

static void set_stroke(sp_buf *cs, gstate *g, sp_color c, double width,
                       unsigned on, unsigned off)
{
	if (g->stroke != (int)(c & 0xFFFFFF)) {
		cs_rgb(cs, c, 1);
		g->stroke = (int)(c & 0xFFFFFF);
	}
	if (width < 0)
		width = 0;
	if (g->line_width != width) {
		cs_num(cs, width);
		cs_op(cs, "w");
		g->line_width = width;
	}
	if (!on || !off)
		on = off = 0; /* solid */
	if (!g->dash_known || g->dash_on != on || g->dash_off != off) {
		if (on) {
			buf_putc(cs, '[');
			cs_num(cs, on);
			cs_num(cs, off);
			buf_puts(cs, "] 0 d\n");
		} else {
			buf_puts(cs, "[] 0 d\n");
		}
		g->dash_on = on;
		g->dash_off = off;
		g->dash_known = 1;
	}
}

static void pt(sp_buf *cs, double x, double y, const char *op)
{
	cs_num(cs, x);
	cs_num(cs, y);
	cs_op(cs, op);
}

static void curve(sp_buf *cs, double x1, double y1, double x2, double y2,
                  double x3, double y3)
{
	cs_num(cs, x1);
	cs_num(cs, y1);
	cs_num(cs, x2);
	cs_num(cs, y2);
	pt(cs, x3, y3, "c");
}

static void rect_path(sp_buf *cs, const page_rect *rc)
{
	double x = rc->x, y = rc->y, w = rc->w, h = rc->h;
	if (w < 0)
		x += w, w = -w;
	if (h < 0)
		y += h, h = -h;
	double rad = rc->radius;
	if (rad > w / 2)
		rad = w / 2;
	if (rad > h / 2)
		rad = h / 2;
	if (!(rad > 0)) {
		cs_num(cs, x);
		cs_num(cs, y);
		pt(cs, w, h, "re");
		return;
	}
	double k = 0.5523 * rad, x2 = x + w, y2 = y + h;
	pt(cs, x + rad, y, "m");
	pt(cs, x2 - rad, y, "l");
	curve(cs, x2 - rad + k, y, x2, y + rad - k, x2, y + rad);
	pt(cs, x2, y2 - rad, "l");
	curve(cs, x2, y2 - rad + k, x2 - rad + k, y2, x2 - rad, y2);
	pt(cs, x + rad, y2, "l");
	curve(cs, x + rad - k, y2, x, y2 - rad + k, x, y2 - rad);
	pt(cs, x, y + rad, "l");
	curve(cs, x, y + rad - k, x + rad - k, y, x + rad, y);
	cs_op(cs, "h");
}

static void draw_rects(sp_buf *cs, gstate *g, const sp_page *pg)
{
	for (size_t i = 0; i < pg->nrects; i++) {
		const page_rect *rc = &pg->rects[i];
		int mode = rc->mode & (RECT_FILL | RECT_STROKE);
		if (!mode)
			continue;
		if (mode & RECT_FILL)
			set_fill(cs, g, rc->fill);
		if (mode & RECT_STROKE)
			set_stroke(cs, g, rc->stroke, rc->width, 0, 0);
		rect_path(cs, rc);
		cs_op(cs, mode == (RECT_FILL | RECT_STROKE) ? "B"
		          : mode == RECT_FILL               ? "f"
		                                            : "S");
	}
}

static void draw_lines(sp_buf *cs, gstate *g, const sp_page *pg)
{
	for (size_t i = 0; i < pg->nlines; i++) {
		const page_line *l = &pg->lines[i];
		set_stroke(cs, g, l->color, l->width, l->dash[0], l->dash[1]);
		pt(cs, l->x1, l->y1, "m");
		pt(cs, l->x2, l->y2, "l");
		cs_op(cs, "S");
	}
}

/* Decode one UTF-8 sequence; returns its length, or 0 when invalid
 * (overlong, surrogate, truncated, above U+10FFFF). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (!len || len > n || c > 0xF4)
		return 0;
	uint32_t v = c & (0x7Fu >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

/* Appends the codes of run t (in an open literal string) and records its
 * code points in used. *pen is where the reader's pen is (by the widths
 * the /W array gives and the kerning numbers written), *exact where the
 * layout puts it; both advance over the run. The spaces of a justified
 * run (t->extra != 0) are not drawn: each becomes a kerning number for
 * its width plus the extra, rounded to 1/1000 em against *exact, so
 * nothing drifts. Invalid UTF-8 and characters above U+FFFF (which a
 * two-byte code cannot carry) are drawn as U+FFFD, with one warning per
 * document. */
static void put_run(render *r, sp_buf *cs, const page_text *t,
                    const pdf_face *fc, pdf_cpset *used, double *pen,
                    double *exact)
{
	const unsigned char *s = (const unsigned char *)t->text;
	size_t n = t->len, i = 0;
	double k1000 = t->size / 1000;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_next(s + i, n - i, &cp);
		if (!k || cp > 0xFFFF) {
			if (!r->warned_text++)
				diag_warning(
				    r->d, noloc(),
				    "text with invalid UTF-8 or "
				    "characters above U+FFFF reached "
				    "the PDF renderer; drawn as U+FFFD");
			cp = 0xFFFD;
			k = k ? k : 1;
		}
		i += k;
		double w =
		    fc->adv[fc->gid[cp] < fc->num_glyphs ? fc->gid[cp] : 0] *
		    k1000;
		if (cp == 0x20 && t->extra != 0) {
			*exact += w + t->extra;
			long adj = lround((*pen - *exact) / k1000);
			if (adj) {
				buf_printf(cs, ")%ld(", adj);
				*pen -= (double)adj * k1000;
			}
			continue;
		}
		cpset_add(used, cp);
		cs_code(cs, cp);
		*pen += w;
		*exact += w;
	}
}

static void draw_texts(render *r, HPDF_Page page, sp_buf *cs, gstate *g,
                       const sp_page *pg)
{
	if (!pg->ntexts)
		return;
	cs_op(cs, "BT");
	int cur = -1;
	double cur_size = -1;
	/* each line starts with a relative Td from the previous line start
	 * (offsets rounded to 1/1000 pt; the origin follows the rounded
	 * values, so positions never drift); a run that continues the line in
	 * the same font, size and colour joins the open TJ array, its gap
	 * written as a whole number of 1/1000 em, the pen following the
	 * rounded value */
	double ox = 0, oy = 0, pen = 0;
	int open = 0; /* a TJ array is open */
	for (size_t i = 0; i < pg->ntexts; i++) {
		const page_text *t = &pg->texts[i];
		if (!t->len || !(t->size > 0))
			continue;
		int f = t->face;
		const pdf_face *fc = &r->fonts->faces[f];
		int same = open && f == cur && t->size == cur_size &&
		           g->fill == (int)(t->color & 0xFFFFFF);
		double dy = round((t->y - oy) * 1000) / 1000;
		long adj = 0;
		if (same && dy == 0) {
			adj = lround((pen - t->x) * 1000 / t->size);
			/* only forward moves: a run drawn left of the pen (a
			 * list bullet drawn after its text) starts afresh, so
			 * the stream keeps reading order within a TJ */
			if (adj > 50 || adj < -100000)
				same = 0;
		} else {
			same = 0;
		}
		if (same) {
			buf_putc(cs, ')');
			if (adj) {
				buf_printf(cs, "%ld", adj);
				pen -= (double)adj * t->size / 1000;
			}
			buf_putc(cs, '(');
		} else {
			if (open)
				buf_puts(cs, ")] TJ\n");
			open = 0;
			if (f != cur || t->size != cur_size) {
				const char *name =
				    haru_page_font_name(page, r->font[f]);
				buf_printf(cs, "/%s ", name ? name : "F0");
				cs_num(cs, t->size);
				cs_op(cs, "Tf");
				cur = f;
				cur_size = t->size;
			}
			set_fill(cs, g, t->color);
			double dx = round((t->x - ox) * 1000) / 1000;
			cs_num(cs, dx);
			cs_num(cs, dy);
			cs_op(cs, "Td");
			ox += dx;
			oy += dy;
			pen = ox;
			buf_puts(cs, "[(");
			open = 1;
		}
		double exact = t->x;
		put_run(r, cs, t, fc, r->used[f], &pen, &exact);
	}
	if (open)
		buf_puts(cs, ")] TJ\n");
	cs_op(cs, "ET");
}

static HPDF_Rect link_rect(const page_link *l)
{
	HPDF_Rect rc = {(HPDF_REAL)l->x, (HPDF_REAL)l->y,
	                (HPDF_REAL)(l->x + l->w), (HPDF_REAL)(l->y + l->h)};
	return rc;
}

/* Percent-encode bytes that may not appear raw in a URI (non-ASCII,
 * controls, space): libharu writes URI bytes as they are. */
static void uri_encode(sp_buf *b, const char *uri)
{
	static const char hex[] = "0123456789ABCDEF";
	buf_clear(b);
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7F) {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			buf_append(b, e, 3);
		} else {
			buf_putc(b, (char)*p);
		}
	}
}

static HPDF_Destination make_dest(render *r, const char *name)
{
	double y = 0;
	long p = doc_find_dest(r->doc, name, &y);
	if (p < 0)
		return NULL;
	HPDF_Destination dst = HPDF_Page_CreateDestination(r->pages[p]);
	if (dst)
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)y);
	return dst;
}

static void draw_links(render *r, HPDF_Page page, const sp_page *pg, size_t pno)
{
	sp_buf uri = SP_BUF_INIT;
	for (size_t i = 0; i < pg->nlinks; i++) {
		const page_link *l = &pg->links[i];
		HPDF_Annotation a = NULL;
		if (l->uri) {
			uri_encode(&uri, l->uri);
			a = HPDF_Page_CreateURILinkAnnot(
			    page, link_rect(l), uri.data ? uri.data : "");
		} else if (l->dest) {
			HPDF_Destination dst = make_dest(r, l->dest);
			if (!dst) {
				diag_warning(
				    r->d, noloc(),
				    "page %zu: link to unknown destination "
				    "'%s' dropped",
				    pno + 1, l->dest);
				continue;
			}
			a = HPDF_Page_CreateLinkAnnot(page, link_rect(l), dst);
		}
		if (a)
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	}
	buf_free(&uri);
}

/* Documents of at least this many pages deflate their pages on a second
 * thread, page by page as they are drawn (below it a thread costs more
 * than it saves). */
#define DEFLATE_THREADS_MIN_PAGES 24

static void start_deflating(render *r)
{
	size_t n = r->doc->npages;
	if (r->uncompressed)
		return;
	r->z = xcalloc(n ? n : 1, sizeof *r->z);
	r->deflating = pdf_deflate_start(
	    r->raw, r->z, n, 0, n >= DEFLATE_THREADS_MIN_PAGES ? 2 : 1);
}

/* Waits for the deflating threads (if any); -1 when one failed. */
static int finish_deflating(render *r)
{
	if (!r->deflating)
		return 0;
	int rc = pdf_deflate_finish(r->deflating);
	r->deflating = NULL;
	return rc;
}

static int put_contents(render *r)
{
	size_t n = r->doc->npages;
	sp_buf *z = r->z;
	if (finish_deflating(r) < 0) {
		diag_error(r->d, noloc(),
		           "cannot compress a page (out of memory?)");
		return -1;
	}
	HPDF_STATUS ret = HPDF_OK;
	for (size_t p = 0; p < n; p++) {
		const sp_buf *b = z ? &z[p] : &r->raw[p];
		if (ret == HPDF_OK)
			ret = haru_page_set_contents(r->pages[p], b->data,
			                             b->len, z != NULL);
		buf_free(&r->raw[p]);
		if (z)
			buf_free(&z[p]);
	}
	free(z);
	r->z = NULL;
	timing_mark("pdf: contents deflated");
	if (ret != HPDF_OK && !r->err.count) {
		r->err.code = ret;
		r->err.count = 1;
	}
	return failed(r, "page contents") ? -1 : 0;
}

static int draw_pages(render *r)
{
	start_deflating(r);
	for (size_t p = 0; p < r->doc->npages; p++) {
		const sp_page *pg = &r->doc->pages[p];
		HPDF_Page page = r->pages[p];
		sp_buf *cs = &r->raw[p];
		gstate g = {1.0, 0, 0, 0, 0, 1}; /* the PDF initial state */
		draw_rects(cs, &g, pg);
		draw_lines(cs, &g, pg);
		draw_texts(r, page, cs, &g, pg);
		draw_links(r, page, pg, p);
		char what[64];
		snprintf(what, sizeof what, "page %zu", p + 1);
		if (failed(r, what))
			return -1;
		if (r->deflating)
			pdf_deflate_ready(r->deflating, p + 1);
	}
	timing_mark("pdf: pages drawn");
	return 0;
}

/* ---- navigation ---- */

/* A bookmark title of at most OUTLINE_TITLE_MAX bytes (libharu refuses
 * long strings), cut at a character boundary and ended with "…". */
#define OUTLINE_TITLE_MAX 240
static const char *outline_title(render *r, const char *title)
{
	size_t n = strlen(title);
	if (n <= OUTLINE_TITLE_MAX)
		return title;
	n = OUTLINE_TITLE_MAX;
	while (n > 0 && ((unsigned char)title[n] & 0xC0) == 0x80)
		n--; /* do not cut inside a UTF-8 sequence */
	buf_clear(&r->text);
	buf_append(&r->text, title, n);
	buf_puts(&r->text, "\xE2\x80\xA6");
	return r->text.data;
}

static int add_outline(render *r)
{
	const sp_document *doc = r->doc;
	if (!doc->noutline)
		return 0;
	HPDF_Encoder enc = HPDF_GetEncoder(r->pdf, "UTF-8");
	HPDF_Outline stack[OUTLINE_DEPTH];
	int depth = 0;
	for (size_t i = 0; i < doc->noutline; i++) {
		const doc_outline *o = &doc->outline[i];
		int lvl = o->level < depth ? o->level : depth;
		if (lvl >= OUTLINE_DEPTH)
			lvl = OUTLINE_DEPTH - 1;
		HPDF_Outline parent = lvl ? stack[lvl - 1] : NULL;
		HPDF_Outline ol = HPDF_CreateOutline(
		    r->pdf, parent, outline_title(r, o->title), enc);
		if (!ol)
			return failed(r, "outline"), -1;
		HPDF_Outline_SetOpened(ol, lvl == 0 ? HPDF_TRUE : HPDF_FALSE);
		if (o->dest) {
			HPDF_Destination dst = make_dest(r, o->dest);
			if (dst)
				HPDF_Outline_SetDestination(ol, dst);
			else
				diag_warning(
				    r->d, noloc(),
				    "outline entry '%s' points to unknown "
				    "destination '%s'",
				    o->title, o->dest);
		}
		stack[lvl] = ol;
		depth = lvl + 1;
	}
	if (doc->outline_open)
		HPDF_SetPageMode(r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	return failed(r, "outline") ? -1 : 0;
}

static void add_label(render *r, size_t first, label_style st, int start,
                      const char *prefix)
{
	char pfx[128];
	size_t n = 0;
	int dropped = 0;
	for (const char *p = prefix; p && *p; p++) {
		if (*p >= 0x20 && *p < 0x7F && n + 1 < sizeof pfx)
			pfx[n++] = *p;
		else
			dropped = 1;
	}
	pfx[n] = '\0';
	if (dropped)
		diag_warning(r->d, noloc(),
		             "page label prefix '%s' shortened to ASCII '%s'",
		             prefix, pfx);
	HPDF_PageNumStyle s =
	    st == LABEL_ROMAN_LOWER   ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
	    : st == LABEL_ROMAN_UPPER ? HPDF_PAGE_NUM_STYLE_UPPER_ROMAN
	                              : HPDF_PAGE_NUM_STYLE_DECIMAL;
	HPDF_AddPageLabel(r->pdf, (HPDF_UINT)first, s,
	                  (HPDF_UINT)(start > 0 ? start : 1), n ? pfx : NULL);
	if (st == LABEL_NONE) /* PDF has a style "none", libharu does not */
		haru_drop_last_label_style(r->pdf);
}

static int cmp_label(const void *a, const void *b)
{
	const doc_label_range *x = *(const doc_label_range *const *)a;
	const doc_label_range *y = *(const doc_label_range *const *)b;
	if (x->first_page != y->first_page)
		return x->first_page < y->first_page ? -1 : 1;
	return x < y ? -1 : x > y; /* stable */
}

static int add_labels(render *r)
{
	const sp_document *doc = r->doc;
	if (!doc->nlabels || !doc->npages)
		return 0;
	const doc_label_range **v = xmalloc(doc->nlabels * sizeof *v);
	for (size_t i = 0; i < doc->nlabels; i++)
		v[i] = &doc->labels[i];
	qsort(v, doc->nlabels, sizeof *v, cmp_label);
	if (v[0]->first_page != 0)
		add_label(r, 0, LABEL_DECIMAL, 1, NULL);
	for (size_t i = 0; i < doc->nlabels; i++) {
		if (v[i]->first_page >= doc->npages ||
		    (i + 1 < doc->nlabels &&
		     v[i + 1]->first_page == v[i]->first_page))
			continue; /* out of range, or overridden by a later one
			           */
		add_label(r, v[i]->first_page, v[i]->style, v[i]->start,
		          v[i]->prefix);
	}
	free(v);
	return failed(r, "page labels") ? -1 : 0;
}

/* ---- saving ---- */

static int fix_fonts(render *r)
{
	for (int f = 0; f < r->fonts->nfaces; f++) {
		if (!r->font[f])
			continue;
		HPDF_STATUS ret = pdf_fix_font(r->font[f], r->used[f]);
		if (ret == HPDF_OK && r->ours[f])
			ret = pdf_embed_font(r->embed, r->fonts, f, r->font[f],
			                     r->used[f]);
		if (ret != HPDF_OK && !failed(r, r->fonts->faces[f].path)) {
			diag_error(r->d, noloc(),
			           "cannot prepare font '%s' for embedding",
			           r->fonts->faces[f].path);
			return -1;
		}
		if (failed(r, "font repair"))
			return -1;
	}
	timing_mark("pdf: outline, labels, fonts");
	return 0;
}

/* Gives the shared font definitions back as they were. */
static void unshare_fonts(render *r)
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

static int save(render *r, char **data, size_t *len)
{
	if (failed(r, "before saving"))
		return -1;
	if (HPDF_SaveToStream(r->pdf) != HPDF_OK || failed(r, "saving"))
		return (void)failed(r, "saving"), -1;
	HPDF_UINT32 size = HPDF_GetStreamSize(r->pdf);
	char *buf = xmalloc(size ? size : 1);
	HPDF_UINT32 got = size;
	HPDF_ResetStream(r->pdf);
	if (size &&
	    HPDF_ReadFromStream(r->pdf, (HPDF_BYTE *)buf, &got) != HPDF_OK &&
	    got != size) {
		free(buf);
		return (void)failed(r, "reading the saved PDF"), -1;
	}
	if (got != size) {
		free(buf);
		diag_error(r->d, noloc(), "cannot read the saved PDF back");
		return -1;
	}
	timing_mark("pdf: saved by libharu");
	*data = buf;
	*len = size;
	return 0;
}

static int setup(render *r, const pdf_render_opts *o)
{
	r->pdf = HPDF_New(pdf_error_handler, &r->err);
	if (!r->pdf) {
		diag_error(r->d, noloc(), "cannot create a PDF document");
		return -1;
	}
	HPDF_SetCompressionMode(r->pdf, o->uncompressed ? HPDF_COMP_NONE
	                                                : HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(r->pdf);
	HPDF_SetCurrentEncoder(r->pdf, "UTF-8");
	if (failed(r, "set-up"))
		return -1;
	set_info(r);
	if (!o->no_date)
		set_date(r);
	return failed(r, "document info") ? -1 : 0;
}

int pdf_render_mem(const sp_document *doc, const layout_fonts *fonts,
                   const pdf_render_opts *o, char **data, size_t *len,
                   sp_diag *d)
{
	static const pdf_render_opts defaults;
	*data = NULL;
	*len = 0;
	if (!fonts || fonts->ops != &pdf_font_ops || !fonts->ctx) {
		diag_error(
		    d, noloc(),
		    "internal error: the fonts given to the PDF renderer "
		    "do not come from pdf_fonts_open");
		return PDF_ERR_INTERNAL;
	}
	render r;
	memset(&r, 0, sizeof r);
	r.doc = doc;
	r.fonts = fonts->ctx;
	r.d = d;
	int nf = r.fonts->nfaces;
	r.pages = xcalloc(doc->npages ? doc->npages : 1, sizeof *r.pages);
	r.raw = xcalloc(doc->npages ? doc->npages : 1, sizeof *r.raw);
	r.uncompressed = o && o->uncompressed;
	r.font = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r.font);
	r.used = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r.used);
	r.shared = xcalloc((size_t)nf ? (size_t)nf : 1, 1);
	r.ours = xcalloc((size_t)nf ? (size_t)nf : 1, 1);
	r.embed = r.fonts->embed;
	r.defs_held = pdf_embed_acquire(r.embed);
	int rc = -1;
	if (setup(&r, o ? o : &defaults) == 0 && load_fonts(&r) == 0 &&
	    add_pages(&r) == 0 && draw_pages(&r) == 0 && add_outline(&r) == 0 &&
	    add_labels(&r) == 0 && fix_fonts(&r) == 0 && put_contents(&r) == 0)
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
		if (pdf_pack(*data, *len, &packed) == 0) {
			timing_mark("pdf: packed");
			free(*data);
			*len = packed.len;
			*data = buf_detach(&packed);
		}
		buf_free(&packed);
	}
	haru_glyphid_clear();
	for (int f = 0; f < nf; f++)
		free(r.used[f]);
	free(r.used);
	free(r.shared);
	free(r.ours);
	free(r.font);
	for (size_t p = 0; p < doc->npages; p++) {
		buf_free(&r.raw[p]);
		if (r.z)
			buf_free(&r.z[p]);
	}
	free(r.z);
	free(r.raw);
	free(r.pages);
	buf_free(&r.text);
	return rc == 0 ? PDF_OK : PDF_ERR_INTERNAL;
}

int pdf_render(const sp_document *doc, const layout_fonts *fonts,
               const pdf_render_opts *o, const char *out_path, sp_diag *d)
{
	char *data;
	size_t len;
	int rc = pdf_render_mem(doc, fonts, o, &data, &len, d);
	if (rc != PDF_OK)
		return rc;
	rc = pdf_write_atomic(out_path, data, len, d);
	free(data);
	return rc;
}
