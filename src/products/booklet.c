/* booklet.c - saddle-stitch imposition of a finished page model. */
#include "products/handbook.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

size_t booklet_order(size_t n, long *out)
{
	size_t total = (n + 3) / 4 * 4;
	if (total == 0)
		return 0;
	for (size_t i = 0; 2 * i < total / 2; i++) {
		/* front of sheet i: last-from-the-end on the left, first on the
		 * right; back: the next pair, mirrored */
		size_t fl = total - 1 - 2 * i, fr = 2 * i;
		size_t bl = 2 * i + 1, br = total - 2 - 2 * i;
		size_t o = 4 * i;
		out[o] = fl < n ? (long)fl : -1;
		out[o + 1] = fr < n ? (long)fr : -1;
		out[o + 2] = bl < n ? (long)bl : -1;
		out[o + 3] = br < n ? (long)br : -1;
	}
	return total;
}

/* Sheets twice the page: snap to the standard landscape sheet when the
 * pair is within 1% of one (two A5 pages, 296 mm, go on A4's 297 mm),
 * centring each page in its half. */
static void sheet_size(double w, double h, double *sw, double *sh)
{
	static const double sheets[][2] = {{841.89, 595.28},  /* A4 */
	                                   {792, 612},        /* Letter */
	                                   {1190.55, 841.89}, /* A3 */
	                                   {1224, 792},       /* Tabloid */
	                                   {595.28, 419.53}}; /* A5 */
	*sw = 2 * w;
	*sh = h;
	for (size_t i = 0; i < sizeof sheets / sizeof sheets[0]; i++) {
		double dw = sheets[i][0] - 2 * w, dh = sheets[i][1] - h;
		if (dw >= 0 && dh >= 0 && dw < 0.01 * sheets[i][0] &&
		    dh < 0.01 * sheets[i][1]) {
			*sw = sheets[i][0];
			*sh = sheets[i][1];
		}
	}
}

static void copy_items(sp_document *d, size_t page, const sp_page *src,
                       double dx, double dy)
{
	sp_page *dst = &d->pages[page];
	for (size_t i = 0; i < src->nrects; i++) {
		const page_rect *r = &src->rects[i];
		page_add_rect(dst, r->x + dx, r->y + dy, r->w, r->h, r->mode,
		              r->fill, r->stroke, r->width, r->radius);
	}
	for (size_t i = 0; i < src->nlines; i++) {
		const page_line *l = &src->lines[i];
		if (l->dash[0])
			page_add_dashed_line(dst, l->x1 + dx, l->y1 + dy,
			                     l->x2 + dx, l->y2 + dy, l->width,
			                     l->color, l->dash[0], l->dash[1]);
		else
			page_add_line(dst, l->x1 + dx, l->y1 + dy, l->x2 + dx,
			              l->y2 + dy, l->width, l->color);
	}
	uint32_t links0 = (uint32_t)dst->nlinks;
	for (size_t i = 0; i < src->ntexts; i++) {
		const page_text *t = &src->texts[i];
		dst->se_cur = t->se;
		page_text *c =
		    page_add_text(dst, t->x + dx, t->y + dy, t->face, t->size,
		                  t->color, t->text, t->len, t->width);
		c->extra = t->extra;
		c->link = t->link ? t->link + links0 : 0;
		c->hyph = t->hyph;
		c->space_before = t->space_before;
		page_text_set_glyphs(dst, c, t->glyphs, t->nglyphs, t->kerns,
		                     t->nkerns);
		c->rtl = t->rtl;
	}
	for (size_t i = 0; i < src->nlinks; i++) {
		const page_link *l = &src->links[i];
		dst->se_cur = l->se;
		if (l->uri)
			page_add_link_uri(dst, l->x + dx, l->y + dy, l->w, l->h,
			                  l->uri);
		else if (l->dest)
			page_add_link_dest(dst, l->x + dx, l->y + dy, l->w,
			                   l->h, l->dest);
	}
	for (size_t i = 0; i < src->ndests; i++)
		doc_add_dest(d, page, src->dests[i].name, src->dests[i].y + dy);
}

sp_document *booklet_impose(const sp_document *src)
{
	sp_document *d = doc_new();
	doc_set_info(d, src->title, src->author, src->subject);
	if (src->npages == 0)
		return d;
	double w = src->pages[0].width, h = src->pages[0].height, sw, sh;
	sheet_size(w, h, &sw, &sh);
	double mx = (sw / 2 - w) / 2, my = (sh - h) / 2;
	long *order = xmalloc((src->npages + 4) * sizeof(long));
	size_t total = booklet_order(src->npages, order);
	for (size_t side = 0; side < total / 2; side++) {
		doc_add_page(d, sw, sh);
		for (int half = 0; half < 2; half++) {
			long p = order[2 * side + (size_t)half];
			if (p >= 0)
				copy_items(d, d->npages - 1, &src->pages[p],
				           half * sw / 2 + mx, my);
		}
	}
	free(order);
	for (size_t i = 0; i < src->noutline; i++)
		doc_add_outline(d, src->outline[i].level, src->outline[i].title,
		                src->outline[i].dest);
	d->outline_open = src->outline_open;
	return d;
}
