/* navigation.c - what lets a reader move around a PDF: link annotations
 * (URIs percent-encoded, internal links to FitH destinations), the
 * bookmarks (titles through the UTF-8 encoder, cut to what libharu
 * accepts) and the page labels (ASCII prefixes; the style "none" that
 * libharu lacks). */
#include <stdlib.h>
#include <string.h>

#include "pdf/renderer.h"
#include "pdf/tags.h"
#include "util/mem.h"

#define OUTLINE_DEPTH 16

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

static HPDF_Destination make_dest(pdf_renderer *r, const char *name)
{
	double y = 0;
	long p = doc_find_dest(r->doc, name, &y);
	if (p < 0)
		return NULL;
	return haru_dest(r->pages[p], y);
}

void nav_links(pdf_renderer *r, size_t pno)
{
	HPDF_Page page = r->pages[pno];
	const sp_page *pg = &r->doc->pages[pno];
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
				    r->d, sp_loc_make(NULL, 0, 0),
				    "page %zu: link to unknown destination "
				    "'%s' dropped",
				    pno + 1, l->dest);
				continue;
			}
			a = HPDF_Page_CreateLinkAnnot(page, link_rect(l), dst);
		}
		if (a) {
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
			if (r->pdfa) /* printed, never hidden (PDF/A) */
				haru_dict_put_int(a, "F", 4);
			tags_link(r, pno, i, a);
		}
	}
	buf_free(&uri);
}

/* A bookmark title of at most OUTLINE_TITLE_MAX bytes (libharu refuses
 * long strings), cut at a character boundary and ended with "…". */
#define OUTLINE_TITLE_MAX 240
static const char *outline_title(pdf_renderer *r, const char *title)
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

int nav_outline(pdf_renderer *r)
{
	const sp_document *doc = r->doc;
	if (!doc->noutline)
		return 0;
	HPDF_Outline stack[OUTLINE_DEPTH];
	int depth = 0;
	for (size_t i = 0; i < doc->noutline; i++) {
		const doc_outline *o = &doc->outline[i];
		int lvl = o->level < depth ? o->level : depth;
		if (lvl >= OUTLINE_DEPTH)
			lvl = OUTLINE_DEPTH - 1;
		HPDF_Outline parent = lvl ? stack[lvl - 1] : NULL;
		const char *title = outline_title(r, o->title);
		HPDF_Outline ol = HPDF_CreateOutline(
		    r->pdf, parent, title, haru_text_encoder(r->pdf, title));
		if (!ol)
			return pdf_render_failed(r, "outline"), -1;
		HPDF_Outline_SetOpened(ol, lvl == 0 ? HPDF_TRUE : HPDF_FALSE);
		if (o->dest) {
			HPDF_Destination dst = make_dest(r, o->dest);
			if (dst)
				HPDF_Outline_SetDestination(ol, dst);
			else
				diag_warning(
				    r->d, sp_loc_make(NULL, 0, 0),
				    "outline entry '%s' points to unknown "
				    "destination '%s'",
				    o->title, o->dest);
		}
		stack[lvl] = ol;
		depth = lvl + 1;
	}
	if (doc->outline_open)
		HPDF_SetPageMode(r->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	return pdf_render_failed(r, "outline") ? -1 : 0;
}

static void add_label(pdf_renderer *r, size_t first, label_style st, int start,
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
		diag_warning(r->d, sp_loc_make(NULL, 0, 0),
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

int nav_labels(pdf_renderer *r)
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
	return pdf_render_failed(r, "page labels") ? -1 : 0;
}
