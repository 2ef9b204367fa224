/* navigation.c - what lets a reader move around a PDF: link annotations
 * (URIs percent-encoded, internal links to FitH destinations), the
 * bookmarks (titles through the UTF-8 encoder, cut to what libharu
 * accepts) and the page labels (ASCII prefixes; the style "none" that
 * libharu lacks). */
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
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

/* ---- link annotations ----
 *
 * In a packed file (the default) they are not libharu's: one takes some
 * 3 kB of libharu's memory (a 20,000-question handbook has 117,000 of
 * them) and as much time to make, write, read back and free. Each is a
 * record here whose dictionary is written when pack.c asks for it; each
 * page with links has in libharu only its /Annots, a placeholder of
 * which pack.c writes our array instead. Uncompressed (a debugging aid,
 * not packed) libharu makes them as before. */

typedef struct nav_annot {
	uint32_t page, link;   /* link `link` of page `page` */
	unsigned long page_id; /* that page's object number */
	unsigned long dest_id; /* the target's page's, or 0: a URI */
	double dest_y;         /* the target's top, points */
} nav_annot;

typedef struct nav_array {
	unsigned long id; /* the placeholder's object number */
	size_t page;      /* whose /Annots it is */
	size_t first, n;  /* its annotations */
} nav_array;

struct nav_annots {
	nav_annot *a;
	size_t n, cap;
	nav_array *arr;
	size_t narr, cap_arr;
};

static nav_annots *links_of(pdf_renderer *r)
{
	if (!r->links)
		r->links = xcalloc(1, sizeof *r->links);
	return r->links;
}

void nav_links_free(pdf_renderer *r)
{
	if (!r->links)
		return;
	free(r->links->a);
	free(r->links->arr);
	free(r->links);
	r->links = NULL;
}

/* libharu's annotation of link l on page pno (uncompressed files). */
static void haru_link(pdf_renderer *r, size_t pno, size_t i, const page_link *l,
                      sp_buf *uri)
{
	HPDF_Page page = r->pages[pno];
	HPDF_Annotation a;
	if (l->uri) {
		uri_encode(uri, l->uri);
		a = HPDF_Page_CreateURILinkAnnot(page, link_rect(l),
		                                 uri->data ? uri->data : "");
	} else {
		a = HPDF_Page_CreateLinkAnnot(page, link_rect(l),
		                              make_dest(r, l->dest));
	}
	if (a) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		tags_link(r, pno, i);
	}
}

/* Our annotation of link i on page pno: recorded, with the object
 * numbers it needs (pack.c asks for its body after libharu's document is
 * freed), and added to the page's array (made with the page's first). */
static void our_link(pdf_renderer *r, size_t pno, size_t i, long dest_page,
                     double dest_y)
{
	nav_annots *nl = links_of(r);
	if (!nl->narr || nl->arr[nl->narr - 1].page != pno) {
		HPDF_Dict ph = haru_dict(r->pdf, 1);
		if (!ph ||
		    haru_dict_put(r->pages[pno], "Annots", ph) != HPDF_OK)
			return; /* the error is pending on r->pdf */
		nl->arr =
		    xgrow(nl->arr, &nl->cap_arr, nl->narr + 1, sizeof *nl->arr);
		nl->arr[nl->narr++] =
		    (nav_array){haru_obj_id(ph), pno, nl->n, 0};
	}
	nl->a = xgrow(nl->a, &nl->cap, nl->n + 1, sizeof *nl->a);
	nl->a[nl->n++] = (nav_annot){
	    (uint32_t)pno, (uint32_t)i, haru_obj_id(r->pages[pno]),
	    dest_page < 0 ? 0 : haru_obj_id(r->pages[dest_page]), dest_y};
	nl->arr[nl->narr - 1].n++;
	tags_link(r, pno, i);
}

void nav_links(pdf_renderer *r, size_t pno)
{
	const sp_page *pg = &r->doc->pages[pno];
	sp_buf uri = SP_BUF_INIT;
	for (size_t i = 0; i < pg->nlinks; i++) {
		const page_link *l = &pg->links[i];
		double y = 0;
		long dp = -1;
		if (!l->uri && !l->dest)
			continue;
		if (!l->uri && (dp = doc_find_dest(r->doc, l->dest, &y)) < 0) {
			diag_warning(r->d, sp_loc_make(NULL, 0, 0),
			             "page %zu: link to unknown destination "
			             "'%s' dropped",
			             pno + 1, l->dest);
			continue;
		}
		if (r->uncompressed)
			haru_link(r, pno, i, l, &uri);
		else
			our_link(r, pno, i, dp, y);
	}
	buf_free(&uri);
}

size_t nav_links_count(const pdf_renderer *r)
{
	return r->links ? r->links->n : 0;
}

size_t nav_links_arrays(const pdf_renderer *r)
{
	return r->links ? r->links->narr : 0;
}

unsigned long nav_links_array_id(const pdf_renderer *r, size_t j)
{
	return r->links->arr[j].id;
}

void nav_links_array_body(const pdf_renderer *r, size_t first_id, size_t j,
                          sp_buf *b)
{
	const nav_array *a = &r->links->arr[j];
	buf_putc(b, '[');
	for (size_t k = 0; k < a->n; k++) {
		buf_put_uint(b, first_id + a->first + k);
		buf_puts(b, " 0 R ");
	}
	buf_putc(b, ']');
}

/* A URI as a literal string: uri_encode leaves printable ASCII, of
 * which parentheses and backslashes are escaped. */
static void put_uri(sp_buf *b, const char *uri, sp_buf *tmp)
{
	uri_encode(tmp, uri);
	buf_putc(b, '(');
	for (size_t i = 0; i < tmp->len; i++) {
		char c = tmp->data[i];
		if (c == '(' || c == ')' || c == '\\')
			buf_putc(b, '\\');
		buf_putc(b, c);
	}
	buf_putc(b, ')');
}

void nav_links_body(const pdf_renderer *r, size_t k, sp_buf *b)
{
	const nav_annot *a = &r->links->a[k];
	const page_link *l = &r->doc->pages[a->page].links[a->link];
	buf_puts(b, "<</Type/Annot/Subtype/Link/Rect[");
	cs_num(b, l->x);
	cs_num(b, l->y);
	cs_num(b, l->x + l->w);
	cs_num(b, l->y + l->h);
	buf_puts(b, "]/Border[0 0 0]");
	if (!a->dest_id) {
		sp_buf tmp = SP_BUF_INIT;
		buf_puts(b, "/A<</Type/Action/S/URI/URI");
		put_uri(b, l->uri, &tmp);
		buf_puts(b, ">>");
		buf_free(&tmp);
	} else {
		buf_puts(b, "/Dest[");
		buf_put_uint(b, a->dest_id);
		buf_puts(b, " 0 R/FitH ");
		cs_num(b, a->dest_y);
		buf_putc(b, ']');
	}
	if (r->pdfa) /* printed, never hidden (PDF/A) */
		buf_puts(b, "/F 4");
	buf_puts(b, "/P ");
	buf_put_uint(b, a->page_id);
	buf_puts(b, " 0 R");
	tags_annot_keys(r, k, b);
	buf_puts(b, ">>");
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
