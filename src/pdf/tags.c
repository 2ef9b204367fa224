/* tags.c - marked content and the structure tree (see tags.h).
 *
 * Each run of consecutive text items of one element on a page is one
 * marked-content sequence "/Role <</MCID n>> BDC ... EMC" (MCIDs counted
 * per page); text of no element is a pagination or layout artifact. The
 * text of a link belongs to a Link element made here, a child of the
 * element the text is in, which also holds the annotation (OBJR). After
 * the last page every element with content, and every ancestor of one,
 * becomes a structure element whose kids are in reading order: child
 * elements in the order the product made them, marked content by its
 * place on the page (top to bottom, left to right), the two interleaved
 * by where each starts. */
#include "pdf/tags.h"

#include <stdlib.h>
#include <string.h>

#include "layout/struct.h"
#include "pdf/renderer.h"
#include "util/mem.h"

#define CONTENTS_MAX 1000 /* bytes of a link's /Contents */
#define TEXT_MAX 4000     /* bytes of an /Alt or /ActualText */

typedef struct tag_kid {
	uint32_t elem;  /* a child element, or 0 */
	int32_t mcid;   /* >= 0: marked content; -1: an annotation */
	uint32_t annot; /* index into pdf_tags.annots when mcid == -1 */
	size_t page;
	double x, y; /* where it starts, points */
} tag_kid;

typedef struct tag_elem {
	char role[STRUCT_ROLE_MAX + 1];
	uint32_t parent;
	const doc_elem *src; /* attributes, or NULL (a Link made here) */
	tag_kid *kids;
	size_t nkids, cap_kids;
	HPDF_Dict obj;
	int used;
} tag_elem;

typedef struct tag_annot {
	HPDF_Annotation a;
	uint32_t elem;
	size_t page;
} tag_annot;

struct pdf_tags {
	tag_elem *el; /* [n]; el[0] unused */
	size_t n, cap;
	uint32_t **mc; /* per page: element of each MCID */
	size_t *nmc, *cap_mc;
	uint32_t *links; /* the current page: Link element of each link */
	size_t cap_links;
	tag_annot *annots;
	size_t nannots, cap_annots;
	size_t npages;
};

static uint32_t add_elem(pdf_tags *t, uint32_t parent, const char *role,
                         const doc_elem *src)
{
	t->el = xgrow(t->el, &t->cap, t->n + 1, sizeof *t->el);
	tag_elem *e = &t->el[t->n];
	memset(e, 0, sizeof *e);
	strncpy(e->role, role, STRUCT_ROLE_MAX);
	e->parent = parent;
	e->src = src;
	return (uint32_t)t->n++;
}

pdf_tags *tags_new(const sp_document *doc)
{
	pdf_tags *t = xcalloc(1, sizeof *t);
	t->n = 1;
	const doc_struct *s = doc->tags;
	if (s && s->n > 1) {
		for (size_t i = 1; i < s->n; i++)
			add_elem(t, s->elems[i].parent, s->elems[i].role,
			         &s->elems[i]);
	} else {
		add_elem(t, 0, "Document", NULL);
	}
	t->npages = doc->npages;
	size_t np = doc->npages ? doc->npages : 1;
	t->mc = xcalloc(np, sizeof *t->mc);
	t->nmc = xcalloc(np, sizeof *t->nmc);
	t->cap_mc = xcalloc(np, sizeof *t->cap_mc);
	return t;
}

void tags_free(pdf_tags *t)
{
	if (!t)
		return;
	for (size_t i = 1; i < t->n; i++)
		free(t->el[i].kids);
	free(t->el);
	for (size_t p = 0; p < t->npages; p++)
		free(t->mc[p]);
	free(t->mc);
	free(t->nmc);
	free(t->cap_mc);
	free(t->links);
	free(t->annots);
	free(t);
}

static tag_kid *add_kid(tag_elem *e)
{
	e->kids = xgrow(e->kids, &e->cap_kids, e->nkids + 1, sizeof *e->kids);
	tag_kid *k = &e->kids[e->nkids++];
	memset(k, 0, sizeof *k);
	return k;
}

void tags_page(pdf_renderer *r, size_t p)
{
	pdf_tags *t = r->tags;
	size_t n = r->doc->pages[p].nlinks;
	t->links = xgrow(t->links, &t->cap_links, n + 1, sizeof *t->links);
	memset(t->links, 0, (n + 1) * sizeof *t->links);
}

/* The Link element of link i (0-based) of page p, made on first use as a
 * child of the element holding its text. */
static uint32_t link_elem(pdf_renderer *r, size_t p, size_t i, uint32_t in)
{
	pdf_tags *t = r->tags;
	if (!t->links[i]) {
		uint32_t parent = r->doc->pages[p].links[i].se;
		if (parent < 1 || parent >= t->n)
			parent = in >= 1 && in < t->n ? in : STRUCT_ROOT;
		t->links[i] = add_elem(t, parent, "Link", NULL);
	}
	return t->links[i];
}

uint32_t tags_target(pdf_renderer *r, size_t p, const page_text *t)
{
	const sp_page *pg = &r->doc->pages[p];
	if (t->link && t->link <= pg->nlinks)
		return link_elem(r, p, t->link - 1, t->se);
	if (t->se == STRUCT_LAYOUT || t->se < r->tags->n)
		return t->se;
	return STRUCT_ARTIFACT;
}

void tags_artifact(sp_buf *cs, int open)
{
	buf_puts(cs, open ? "/Artifact <</Type /Layout>> BDC\n" : "EMC\n");
}

void tags_switch(pdf_renderer *r, sp_buf *cs, size_t p, uint32_t from,
                 uint32_t to, const page_text *t)
{
	pdf_tags *g = r->tags;
	if (from != TAGS_NONE)
		buf_puts(cs, "EMC\n");
	if (to == TAGS_NONE)
		return;
	if (to == STRUCT_ARTIFACT || to == STRUCT_LAYOUT) {
		buf_puts(cs, to == STRUCT_LAYOUT
		                 ? "/Artifact <</Type /Layout>> BDC\n"
		                 : "/Artifact <</Type /Pagination>> BDC\n");
		return;
	}
	g->mc[p] = xgrow(g->mc[p], &g->cap_mc[p], g->nmc[p] + 1,
	                 sizeof *g->mc[p]);
	int32_t mcid = (int32_t)g->nmc[p]++;
	g->mc[p][mcid] = to;
	tag_kid *k = add_kid(&g->el[to]);
	k->mcid = mcid;
	k->page = p;
	k->x = t->x;
	k->y = t->y + t->size; /* its top, about */
	buf_printf(cs, "/%s <</MCID %ld>> BDC\n", g->el[to].role, (long)mcid);
}

/* A link's /Contents: the text it covers, else where it goes. */
static void link_contents(const sp_page *pg, size_t i, sp_buf *b)
{
	buf_clear(b);
	for (size_t k = 0; k < pg->ntexts && b->len < CONTENTS_MAX; k++)
		if (pg->texts[k].link == i + 1)
			buf_append(b, pg->texts[k].text, pg->texts[k].len);
	if (!b->len) {
		const page_link *l = &pg->links[i];
		buf_printf(b, "Link to %.900s", l->uri ? l->uri : l->dest);
	}
}

/* s cut to at most max bytes at a character boundary, in b. */
static const char *cut(sp_buf *b, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return s;
	while (n > 0 && (n > max || ((unsigned char)s[n] & 0xC0) == 0x80))
		n--;
	buf_clear(b);
	buf_append(b, s, n);
	return b->data;
}

void tags_link(pdf_renderer *r, size_t p, size_t i, HPDF_Annotation a)
{
	pdf_tags *t = r->tags;
	const sp_page *pg = &r->doc->pages[p];
	uint32_t e = link_elem(r, p, i, pg->links[i].se);
	t->annots = xgrow(t->annots, &t->cap_annots, t->nannots + 1,
	                  sizeof *t->annots);
	t->annots[t->nannots] = (tag_annot){a, e, p};
	tag_kid *k = add_kid(&t->el[e]);
	k->mcid = -1;
	k->annot = (uint32_t)t->nannots;
	k->page = p;
	k->x = pg->links[i].x;
	k->y = pg->links[i].y + pg->links[i].h;
	t->nannots++;
	sp_buf b = SP_BUF_INIT;
	link_contents(pg, i, &b);
	sp_buf c = SP_BUF_INIT;
	haru_dict_put_text(r->pdf, a, "Contents",
	                   cut(&c, b.data ? b.data : "", CONTENTS_MAX));
	haru_dict_put_int(a, "StructParent",
	                  (long)(t->npages + t->nannots - 1));
	buf_free(&b);
	buf_free(&c);
}

/* ---- the tree ---- */

static void attach(pdf_tags *t, uint32_t e)
{
	while (e && !t->el[e].used) {
		t->el[e].used = 1;
		uint32_t p = t->el[e].parent;
		if (p >= 1 && p < t->n && p != e) {
			add_kid(&t->el[p])->elem = e;
		} else if (e != STRUCT_ROOT) {
			t->el[e].parent = STRUCT_ROOT;
			add_kid(&t->el[STRUCT_ROOT])->elem = e;
			p = STRUCT_ROOT;
		}
		e = p;
	}
}

/* Reading order: an earlier page, a higher top (beyond 1 pt), further
 * left. */
static int before_at(const tag_kid *a, const tag_kid *b)
{
	if (a->page != b->page)
		return a->page < b->page;
	if (a->y > b->y + 1 || a->y < b->y - 1)
		return a->y > b->y;
	return a->x < b->x;
}

static int before(const tag_kid *a, const tag_kid *b)
{
	if (a->elem && b->elem)
		return a->elem < b->elem; /* the product's order */
	if (!a->elem && a->mcid < 0) /* an annotation after its text */
		return 0;
	if (!b->elem && b->mcid < 0)
		return 1;
	return before_at(a, b);
}

/* Sorts e's kids (insertion: stable, and mostly in order already), after
 * its child elements' own, and gives each child kid the place where the
 * child starts. Depth is bounded by the tree's, which products keep
 * small; a cycle is impossible (parents are made first). */
static void order_kids(pdf_tags *t, uint32_t e, int depth)
{
	tag_elem *el = &t->el[e];
	for (size_t i = 0; i < el->nkids; i++) {
		tag_kid *k = &el->kids[i];
		if (!k->elem || depth > 64)
			continue;
		order_kids(t, k->elem, depth + 1);
		const tag_elem *c = &t->el[k->elem];
		if (c->nkids) {
			k->page = c->kids[0].page;
			k->x = c->kids[0].x;
			k->y = c->kids[0].y;
		}
	}
	for (size_t i = 1; i < el->nkids; i++) {
		tag_kid k = el->kids[i];
		size_t j = i;
		while (j > 0 && before(&k, &el->kids[j - 1])) {
			el->kids[j] = el->kids[j - 1];
			j--;
		}
		el->kids[j] = k;
	}
}

/* The page of e's first marked content or annotation, or -1. */
static long first_page(const tag_elem *e)
{
	for (size_t i = 0; i < e->nkids; i++)
		if (!e->kids[i].elem)
			return (long)e->kids[i].page;
	return -1;
}

static void *kid_obj(pdf_renderer *r, const tag_kid *k, long pg)
{
	pdf_tags *t = r->tags;
	if (k->elem)
		return t->el[k->elem].obj;
	HPDF_Dict d = haru_dict(r->pdf, 0);
	if (k->mcid < 0) {
		haru_dict_put_name(d, "Type", "OBJR");
		haru_dict_put(d, "Obj", t->annots[k->annot].a);
	} else {
		haru_dict_put_name(d, "Type", "MCR");
		haru_dict_put_int(d, "MCID", k->mcid);
	}
	if (k->mcid < 0 || (long)k->page != pg)
		haru_dict_put(d, "Pg", r->pages[k->page]);
	return d;
}

static void put_kids(pdf_renderer *r, tag_elem *e)
{
	long pg = first_page(e);
	if (pg >= 0)
		haru_dict_put(e->obj, "Pg", r->pages[pg]);
	if (e->nkids == 1 && !e->kids[0].elem && e->kids[0].mcid >= 0) {
		haru_dict_put_int(e->obj, "K", e->kids[0].mcid);
		return;
	}
	HPDF_Array k = haru_array(r->pdf);
	for (size_t i = 0; i < e->nkids; i++) {
		const tag_kid *c = &e->kids[i];
		if (!c->elem && c->mcid >= 0 && (long)c->page == pg)
			haru_array_put_int(k, c->mcid);
		else
			haru_array_put(k, kid_obj(r, c, pg));
	}
	haru_dict_put(e->obj, "K", k);
}

static void put_attrs(pdf_renderer *r, tag_elem *e)
{
	const doc_elem *s = e->src;
	if (!s)
		return;
	sp_buf b = SP_BUF_INIT;
	if (s->lang)
		haru_dict_put_text(r->pdf, e->obj, "Lang", cut(&b, s->lang, 64));
	if (s->alt)
		haru_dict_put_text(r->pdf, e->obj, "Alt",
		                   cut(&b, s->alt, TEXT_MAX));
	if (s->actual)
		haru_dict_put_text(r->pdf, e->obj, "ActualText",
		                   cut(&b, s->actual, TEXT_MAX));
	buf_free(&b);
}

static HPDF_Dict parent_tree(pdf_renderer *r)
{
	pdf_tags *t = r->tags;
	HPDF_Dict pt = haru_dict(r->pdf, 1);
	HPDF_Array nums = haru_array(r->pdf);
	for (size_t p = 0; p < t->npages; p++) {
		if (!t->nmc[p])
			continue;
		HPDF_Array a = haru_array(r->pdf);
		for (size_t i = 0; i < t->nmc[p]; i++)
			haru_array_put(a, t->el[t->mc[p][i]].obj);
		haru_array_put_int(nums, (long)p);
		haru_array_put(nums, a);
		haru_dict_put_int(r->pages[p], "StructParents", (long)p);
	}
	for (size_t i = 0; i < t->nannots; i++) {
		haru_array_put_int(nums, (long)(t->npages + i));
		haru_array_put(nums, t->el[t->annots[i].elem].obj);
		haru_dict_put_name(r->pages[t->annots[i].page], "Tabs", "S");
	}
	haru_dict_put(pt, "Nums", nums);
	return pt;
}

/* Roles of ours that PDF 1.7 does not define, and the standard ones they
 * stand for. */
static const char *const role_map[][2] = {
    {"Title", "P"}, {"Aside", "Div"}, {"Card", "Sect"}, {"Field", "P"}};

int tags_finish(pdf_renderer *r)
{
	pdf_tags *t = r->tags;
	for (uint32_t e = 1; e < t->n; e++)
		if (t->el[e].nkids)
			attach(t, e);
	t->el[STRUCT_ROOT].used = 1;
	order_kids(t, STRUCT_ROOT, 0);
	HPDF_Dict root = haru_dict(r->pdf, 1);
	for (uint32_t e = 1; e < t->n; e++)
		if (t->el[e].used)
			t->el[e].obj = haru_dict(r->pdf, 1);
	if (pdf_render_failed(r, "structure tree"))
		return -1;
	for (uint32_t e = 1; e < t->n; e++) {
		tag_elem *el = &t->el[e];
		if (!el->used)
			continue;
		haru_dict_put_name(el->obj, "S", el->role);
		haru_dict_put(el->obj, "P",
		              e == STRUCT_ROOT ? root : t->el[el->parent].obj);
		put_attrs(r, el);
		put_kids(r, el);
	}
	haru_dict_put_name(root, "Type", "StructTreeRoot");
	haru_dict_put(root, "K", t->el[STRUCT_ROOT].obj);
	haru_dict_put(root, "ParentTree", parent_tree(r));
	haru_dict_put_int(root, "ParentTreeNextKey",
	                  (long)(t->npages + t->nannots));
	HPDF_Dict map = haru_dict(r->pdf, 0);
	for (size_t i = 0; i < sizeof role_map / sizeof role_map[0]; i++)
		haru_dict_put_name(map, role_map[i][0], role_map[i][1]);
	haru_dict_put(root, "RoleMap", map);
	haru_dict_put(haru_catalog(r->pdf), "StructTreeRoot", root);
	return pdf_render_failed(r, "structure tree") ? -1 : 0;
}
