/* page.c - the page model: construction, lookup and the text dump. */
#include "layout/page.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/struct.h"
#include "util/mem.h"

sp_document *doc_new(void)
{
	return xcalloc(1, sizeof(sp_document));
}

/* What a page draws: its texts (their bytes stay in the arena), lines
 * and rectangles. */
static void page_free_drawing(sp_page *p)
{
	free(p->texts);
	free(p->lines);
	free(p->rects);
	p->texts = NULL;
	p->lines = NULL;
	p->rects = NULL;
	p->ntexts = p->cap_texts = p->nlines = p->cap_lines = 0;
	p->nrects = p->cap_rects = 0;
}

static void page_free(sp_page *p)
{
	for (size_t i = 0; i < p->nlinks; i++) {
		free(p->links[i].uri);
		free(p->links[i].dest);
	}
	for (size_t i = 0; i < p->ndests; i++)
		free(p->dests[i].name);
	page_free_drawing(p);
	free(p->links);
	free(p->dests);
}

void doc_release_pages(sp_document *d, size_t n)
{
	if (n > d->npages)
		n = d->npages;
	if (n <= d->released)
		return; /* (its mark may be freed already) */
	for (; d->released < n; d->released++)
		page_free_drawing(&d->pages[d->released]);
	/* a page's bytes are taken after it is made, so the blocks older
	 * than the one page n was made in hold earlier pages' only */
	if (n < d->npages)
		arena_free_older(d->pages[n].arena_mark);
}

void doc_free(sp_document *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->npages; i++)
		page_free(&d->pages[i]);
	free(d->pages);
	for (size_t i = 0; i < d->noutline; i++) {
		free(d->outline[i].title);
		free(d->outline[i].dest);
	}
	free(d->outline);
	for (size_t i = 0; i < d->nlabels; i++)
		free(d->labels[i].prefix);
	free(d->labels);
	free(d->title);
	free(d->author);
	free(d->subject);
	free(d->keywords);
	free(d->dindex);
	doc_struct_free(d->tags);
	arena_free(&d->arena);
	free(d);
}

/* Gives back what a finished page's arrays hold beyond their counts
 * (they grow by doubling; a long document keeps every page). */
#define FIT(arr, n, cap)                                                       \
	do {                                                                   \
		if ((n) && (n) < (cap)) {                                      \
			(arr) = xrealloc((arr), (n) * sizeof *(arr));          \
			(cap) = (n);                                           \
		}                                                              \
	} while (0)

static void page_fit(sp_page *p)
{
	/* (an empty page is not finished: cards make a sheet's front and
	 * back, then fill both) */
	p->fitted = p->ntexts || p->nlines || p->nrects;
	FIT(p->texts, p->ntexts, p->cap_texts);
	FIT(p->lines, p->nlines, p->cap_lines);
	FIT(p->rects, p->nrects, p->cap_rects);
	FIT(p->links, p->nlinks, p->cap_links);
	FIT(p->dests, p->ndests, p->cap_dests);
}

void doc_fit(sp_document *d)
{
	for (size_t i = 0; i < d->npages; i++)
		page_fit(&d->pages[i]);
}

sp_page *doc_add_page(sp_document *d, double width, double height)
{
	if (d->npages)
		page_fit(&d->pages[d->npages - 1]);
	d->pages =
	    xgrow(d->pages, &d->cap_pages, d->npages + 1, sizeof *d->pages);
	sp_page *p = &d->pages[d->npages++];
	memset(p, 0, sizeof *p);
	p->width = width;
	p->height = height;
	p->arena = &d->arena;
	p->arena_mark = arena_mark(&d->arena);
	return p;
}

/* Room for need items in one of a page's arrays: doubling while the page
 * is laid out, but a finished page (page_fit) takes what is added after
 * the layout (running heads, footers) in steps of an eighth, not by
 * doubling again. */
static void *page_grow(const sp_page *p, void *arr, size_t *cap, size_t need,
                       size_t size)
{
	if (need <= *cap)
		return arr;
	if (!p->fitted)
		return xgrow_to(arr, cap, need, size);
	size_t c = need + need / 8 + 2;
	if (c < need || c > SIZE_MAX / size)
		mem_fail(SIZE_MAX); /* reports and ends the run */
	*cap = c;
	return xrealloc(arr, c * size);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void doc_set_info(sp_document *d, const char *title, const char *author,
                  const char *subject)
{
	free(d->title);
	free(d->author);
	free(d->subject);
	d->title = dup_or_null(title);
	d->author = dup_or_null(author);
	d->subject = dup_or_null(subject);
}

void doc_set_struct(sp_document *d, struct doc_struct *s)
{
	if (d->tags != s)
		doc_struct_free(d->tags);
	d->tags = s;
}

void doc_add_outline(sp_document *d, int level, const char *title,
                     const char *dest)
{
	d->outline = xgrow(d->outline, &d->cap_outline, d->noutline + 1,
	                   sizeof *d->outline);
	doc_outline *o = &d->outline[d->noutline++];
	o->level = level < 0 ? 0 : level;
	o->title = xstrdup(title ? title : "");
	o->dest = dup_or_null(dest);
}

void doc_add_label_range(sp_document *d, size_t first_page, label_style st,
                         int start, const char *prefix)
{
	d->labels =
	    xgrow(d->labels, &d->cap_labels, d->nlabels + 1, sizeof *d->labels);
	doc_label_range *l = &d->labels[d->nlabels++];
	l->first_page = first_page;
	l->style = st;
	l->start = start;
	l->prefix = dup_or_null(prefix);
}

/* ---- the destination index: name -> (page, slot), kept as
 * destinations are added ---- */

struct dest_slot {
	size_t page, slot; /* page index + 1 (0 = empty), index in dests */
};

static size_t name_hash(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static const char *slot_name(const sp_document *d, const struct dest_slot *e)
{
	return d->pages[e->page - 1].dests[e->slot].name;
}

/* The slot holding name, or the empty slot where it would go. */
static struct dest_slot *find_slot(const sp_document *d, const char *name)
{
	size_t mask = d->dindex_cap - 1;
	size_t k = name_hash(name) & mask;
	while (d->dindex[k].page && strcmp(slot_name(d, &d->dindex[k]), name))
		k = (k + 1) & mask;
	return &d->dindex[k];
}

/* Records (page, slot); of two destinations with one name the one on the
 * earlier page wins, and on one page the later one. */
static void index_dest(sp_document *d, size_t page, size_t slot)
{
	struct dest_slot *e = find_slot(d, d->pages[page].dests[slot].name);
	if (e->page && e->page - 1 < page)
		return;
	if (!e->page)
		d->dindex_used++;
	e->page = page + 1;
	e->slot = slot;
}

static void grow_index(sp_document *d)
{
	struct dest_slot *old = d->dindex;
	size_t oldcap = d->dindex_cap;
	d->dindex_cap = oldcap ? 2 * oldcap : 64;
	d->dindex = xcalloc(d->dindex_cap, sizeof *d->dindex);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].page)
			*find_slot(d, slot_name(d, &old[i])) = old[i];
	free(old);
}

void doc_add_dest(sp_document *d, size_t page, const char *name, double y)
{
	sp_page *p = &d->pages[page];
	p->dests = page_grow(p, p->dests, &p->cap_dests, p->ndests + 1,
	                     sizeof *p->dests);
	page_dest *dst = &p->dests[p->ndests++];
	dst->name = xstrdup(name ? name : "");
	dst->y = y;
	if (2 * (d->dindex_used + 1) > d->dindex_cap)
		grow_index(d);
	index_dest(d, page, p->ndests - 1);
}

long doc_find_dest(const sp_document *d, const char *name, double *y)
{
	if (!name || !d->dindex)
		return -1;
	const struct dest_slot *e = find_slot(d, name);
	if (!e->page)
		return -1;
	if (y)
		*y = d->pages[e->page - 1].dests[e->slot].y;
	return (long)(e->page - 1);
}

page_text *page_add_text(sp_page *p, double x, double y, int face, double size,
                         sp_color color, const char *text, size_t len,
                         double width)
{
	p->texts = page_grow(p, p->texts, &p->cap_texts, p->ntexts + 1,
	                     sizeof *p->texts);
	if (text && len > UINT32_MAX)
		mem_fail(len); /* reports and ends the run */
	page_text *t = &p->texts[p->ntexts++];
	t->x = x;
	t->y = y;
	t->face = face;
	t->size = size;
	t->color = color;
	t->text = arena_strndup(p->arena, text ? text : "", text ? len : 0);
	t->len = text ? (uint32_t)len : 0;
	t->width = width;
	t->extra = 0;
	t->se = p->se_cur;
	t->link = 0;
	t->hyph = 0;
	t->space_before = 0;
	t->glyphs = NULL;
	t->nglyphs = 0;
	t->kerns = NULL;
	t->nkerns = 0;
	t->rtl = 0;
	return t;
}

void page_text_set_glyphs(sp_page *p, page_text *t, const sp_glyph *g, size_t n,
                          const sp_kern *k, size_t nk)
{
	if (n > UINT32_MAX || nk > UINT32_MAX)
		mem_fail(SIZE_MAX); /* no text has that many */
	t->glyphs = g && n ? arena_memdup(p->arena, g, n * sizeof *g) : NULL;
	t->nglyphs = g && n ? (uint32_t)n : 0;
	t->kerns = k && nk ? arena_memdup(p->arena, k, nk * sizeof *k) : NULL;
	t->nkerns = k && nk ? (uint32_t)nk : 0;
}

void page_add_line(sp_page *p, double x1, double y1, double x2, double y2,
                   double width, sp_color color)
{
	page_add_dashed_line(p, x1, y1, x2, y2, width, color, 0, 0);
}

page_line *page_add_dashed_line(sp_page *p, double x1, double y1, double x2,
                                double y2, double width, sp_color color,
                                uint16_t on, uint16_t off)
{
	p->lines = page_grow(p, p->lines, &p->cap_lines, p->nlines + 1,
	                     sizeof *p->lines);
	page_line *l = &p->lines[p->nlines++];
	l->x1 = x1;
	l->y1 = y1;
	l->x2 = x2;
	l->y2 = y2;
	l->width = width;
	l->color = color;
	l->dash[0] = on;
	l->dash[1] = off;
	return l;
}

void page_add_rect(sp_page *p, double x, double y, double w, double h, int mode,
                   sp_color fill, sp_color stroke, double width, double radius)
{
	p->rects = page_grow(p, p->rects, &p->cap_rects, p->nrects + 1,
	                     sizeof *p->rects);
	page_rect *r = &p->rects[p->nrects++];
	r->x = x;
	r->y = y;
	r->w = w;
	r->h = h;
	r->mode = mode;
	r->fill = fill;
	r->stroke = stroke;
	r->width = width;
	r->radius = radius;
}

static page_link *add_link(sp_page *p, double x, double y, double w, double h)
{
	p->links = page_grow(p, p->links, &p->cap_links, p->nlinks + 1,
	                     sizeof *p->links);
	page_link *l = &p->links[p->nlinks++];
	l->x = x;
	l->y = y;
	l->w = w;
	l->h = h;
	l->uri = NULL;
	l->dest = NULL;
	l->se = p->se_cur;
	return l;
}

void page_add_link_uri(sp_page *p, double x, double y, double w, double h,
                       const char *uri)
{
	add_link(p, x, y, w, h)->uri = xstrdup(uri ? uri : "");
}

void page_add_link_dest(sp_page *p, double x, double y, double w, double h,
                        const char *dest)
{
	add_link(p, x, y, w, h)->dest = xstrdup(dest ? dest : "");
}

/* ---- dump ---- */

/* A number rounded to 0.01 with "%.2f"; values that round to zero print
 * as 0.00 (never -0.00) so goldens do not depend on the sign of zero. */
static void put_num(FILE *f, double v)
{
	if (fabs(v) < 0.005 || v != v)
		v = 0.0;
	fprintf(f, " %.2f", v);
}

/* A double-quoted string: backslash and double quote escaped, \n \t for
 * newline and tab, \xHH for other control characters (and DEL); all other
 * bytes (UTF-8) are written as they are. */
static void put_str(FILE *f, const char *s, size_t len)
{
	fputs(" \"", f);
	for (size_t i = 0; s && i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\\' || c == '"')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\x%02X", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void put_cstr(FILE *f, const char *s)
{
	put_str(f, s ? s : "", s ? strlen(s) : 0);
}

static void put_color(FILE *f, sp_color c)
{
	fprintf(f, " %06X", (unsigned)(c & 0xFFFFFFu));
}

static const char *rect_mode_name(int mode)
{
	switch (mode & (RECT_FILL | RECT_STROKE)) {
	case RECT_FILL:
		return "fill";
	case RECT_STROKE:
		return "stroke";
	case RECT_FILL | RECT_STROKE:
		return "fill+stroke";
	default:
		return "none";
	}
}

static const char *label_style_name(label_style st)
{
	switch (st) {
	case LABEL_DECIMAL:
		return "decimal";
	case LABEL_ROMAN_LOWER:
		return "roman";
	case LABEL_ROMAN_UPPER:
		return "Roman";
	default:
		return "none";
	}
}

static void dump_page(const sp_page *p, size_t n, FILE *f)
{
	fprintf(f, "page %zu", n);
	put_num(f, p->width);
	put_num(f, p->height);
	fputc('\n', f);
	for (size_t i = 0; i < p->ntexts; i++) {
		const page_text *t = &p->texts[i];
		fputs("text", f);
		put_num(f, t->x);
		put_num(f, t->y);
		fprintf(f, " %d", t->face);
		put_num(f, t->size);
		put_color(f, t->color);
		put_num(f, t->width);
		put_str(f, t->text, t->len);
		if (t->extra != 0) {
			fputs(" extra", f);
			put_num(f, t->extra);
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < p->nlines; i++) {
		const page_line *l = &p->lines[i];
		fputs("line", f);
		put_num(f, l->x1);
		put_num(f, l->y1);
		put_num(f, l->x2);
		put_num(f, l->y2);
		put_num(f, l->width);
		put_color(f, l->color);
		if (l->dash[0] || l->dash[1])
			fprintf(f, " dash %u %u", (unsigned)l->dash[0],
			        (unsigned)l->dash[1]);
		fputc('\n', f);
	}
	for (size_t i = 0; i < p->nrects; i++) {
		const page_rect *r = &p->rects[i];
		fputs("rect", f);
		put_num(f, r->x);
		put_num(f, r->y);
		put_num(f, r->w);
		put_num(f, r->h);
		fprintf(f, " %s", rect_mode_name(r->mode));
		put_color(f, r->fill);
		put_color(f, r->stroke);
		put_num(f, r->width);
		put_num(f, r->radius);
		fputc('\n', f);
	}
	for (size_t i = 0; i < p->nlinks; i++) {
		const page_link *l = &p->links[i];
		fputs("link", f);
		put_num(f, l->x);
		put_num(f, l->y);
		put_num(f, l->w);
		put_num(f, l->h);
		fputs(l->uri ? " uri" : " dest", f);
		put_cstr(f, l->uri ? l->uri : l->dest);
		fputc('\n', f);
	}
	for (size_t i = 0; i < p->ndests; i++) {
		fputs("dest", f);
		put_cstr(f, p->dests[i].name);
		put_num(f, p->dests[i].y);
		fputc('\n', f);
	}
}

/* Pages are numbered from 1 in the dump ("page 1 ..."); label ranges keep
 * their 0-based first_page as stored. Within a page, items are listed by
 * kind (texts, lines, rects, links, dests), each kind in insertion order;
 * the outline and the label ranges follow the last page. */
void doc_dump(const sp_document *d, FILE *f)
{
	for (size_t i = 0; i < d->npages; i++)
		dump_page(&d->pages[i], i + 1, f);
	for (size_t i = 0; i < d->noutline; i++) {
		const doc_outline *o = &d->outline[i];
		fprintf(f, "outline %d", o->level);
		put_cstr(f, o->title);
		put_cstr(f, o->dest);
		fputc('\n', f);
	}
	for (size_t i = 0; i < d->nlabels; i++) {
		const doc_label_range *l = &d->labels[i];
		fprintf(f, "label %zu %s %d", l->first_page,
		        label_style_name(l->style), l->start);
		put_cstr(f, l->prefix);
		fputc('\n', f);
	}
}
