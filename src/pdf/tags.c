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
#include "pdf/gtext.h"

#include <stdlib.h>
#include <string.h>

#include "layout/struct.h"
#include "pdf/renderer.h"
#include "util/mem.h"

#define CONTENTS_MAX 1000 /* bytes of a link's /Contents */
#define TEXT_MAX                                                               \
	60000 /* bytes of an /Alt or /ActualText: longer is left out           \
	       */

typedef struct tag_kid {
	uint32_t elem;  /* a child element, or 0 */
	int32_t mcid;   /* >= 0: marked content; -1: an annotation */
	uint32_t annot; /* index into pdf_tags.annots when mcid == -1 */
	uint32_t page;  /* index (a document's pages are far fewer than 2^32:
	                 * each takes a page dictionary of memory) */
	double x, y;    /* where it starts, points */
} tag_kid;

typedef struct tag_elem {
	char role[STRUCT_ROLE_MAX + 1];
	uint32_t parent;
	const doc_elem *src; /* attributes, or NULL (a Link made here) */
	tag_kid *kids;       /* most elements have one or two */
	size_t nkids, cap_kids;
	int used;
} tag_elem;

typedef struct tag_annot {
	uint32_t elem;       /* its Link element */
	uint32_t page, link; /* link `link` of page `page` */
	size_t at, len;      /* its /Contents in pdf_tags.contents */
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
	/* the annotations' /Contents one after another, read off their
	 * pages as they are drawn (the page may be gone by the packing) */
	sp_buf contents;
	size_t npages;
	/* numbering, by tags_finish */
	uint32_t *num;  /* per element: its place among those used */
	uint32_t *used; /* [nused]: the elements written */
	size_t nused;
	unsigned long *page_id; /* per page: its object number */
	unsigned long root_id;  /* the StructTreeRoot placeholder, or 0 */
	size_t base;            /* object number of used[0] (pack.c's) */
};

static uint32_t add_elem(pdf_tags *t, uint32_t parent, const char *role,
                         const doc_elem *src)
{
	t->el = xgrow(t->el, &t->cap, t->n + 1, sizeof *t->el);
	tag_elem *e = &t->el[t->n];
	memset(e, 0, sizeof *e); /* so the role ends in NUL */
	memcpy(e->role, role, strnlen(role, STRUCT_ROLE_MAX));
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
	buf_free(&t->contents);
	free(t->num);
	free(t->used);
	free(t->page_id);
	free(t);
}

static tag_kid *add_kid(tag_elem *e)
{
	e->kids =
	    xgrow_small(e->kids, &e->cap_kids, e->nkids + 1, sizeof *e->kids);
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

static int same_target(const page_link *a, const page_link *b)
{
	if (a->uri || b->uri)
		return a->uri && b->uri && !strcmp(a->uri, b->uri);
	return a->dest && b->dest && !strcmp(a->dest, b->dest);
}

/* The Link element of link i (0-based) of page p, made on first use as a
 * child of the element holding its text. */
static uint32_t link_elem(pdf_renderer *r, size_t p, size_t i, uint32_t in)
{
	pdf_tags *t = r->tags;
	const page_link *l = r->doc->pages[p].links;
	if (!t->links[i] && i > 0 && t->links[i - 1] &&
	    l[i].se == l[i - 1].se && same_target(&l[i], &l[i - 1]))
		t->links[i] = t->links[i - 1]; /* one link, in pieces */
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
	g->mc[p] =
	    xgrow(g->mc[p], &g->cap_mc[p], g->nmc[p] + 1, sizeof *g->mc[p]);
	int32_t mcid = (int32_t)g->nmc[p]++;
	g->mc[p][mcid] = to;
	tag_kid *k = add_kid(&g->el[to]);
	k->mcid = mcid;
	k->page = (uint32_t)p;
	k->x = t->x;
	k->y = t->y + t->size; /* its top, about */
	buf_putc(cs, '/');
	buf_puts(cs, g->el[to].role);
	buf_puts(cs, " <</MCID ");
	buf_put_uint(cs, (unsigned long long)mcid);
	buf_puts(cs, ">> BDC\n");
}

/* A link's /Contents appended to b: the text it covers, else where it
 * goes. */
static void link_contents(const sp_page *pg, size_t i, sp_buf *b)
{
	size_t start = b->len;
	for (size_t k = 0; k < pg->ntexts && b->len - start < CONTENTS_MAX; k++)
		if (pg->texts[k].link == i + 1)
			buf_append(b, pg->texts[k].text, pg->texts[k].len);
	if (b->len == start) {
		const page_link *l = &pg->links[i];
		buf_printf(b, "Link to %.900s", l->uri ? l->uri : l->dest);
	}
}

void tags_link(pdf_renderer *r, size_t p, size_t i)
{
	pdf_tags *t = r->tags;
	const sp_page *pg = &r->doc->pages[p];
	uint32_t e = link_elem(r, p, i, pg->links[i].se);
	t->annots =
	    xgrow(t->annots, &t->cap_annots, t->nannots + 1, sizeof *t->annots);
	size_t at = t->contents.len;
	link_contents(pg, i, &t->contents);
	t->annots[t->nannots] =
	    (tag_annot){e, (uint32_t)p, (uint32_t)i, at, t->contents.len - at};
	tag_kid *k = add_kid(&t->el[e]);
	k->mcid = -1;
	k->annot = (uint32_t)t->nannots;
	k->page = (uint32_t)p;
	k->x = pg->links[i].x;
	k->y = pg->links[i].y + pg->links[i].h;
	t->nannots++;
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
	if (!a->elem && a->mcid < 0)      /* an annotation after its text */
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

/* ---- writing: the elements, the ParentTree and the StructTreeRoot as
 * object bodies that pack.c places beside libharu's objects (libharu's
 * own objects cost too much memory and time for tens of thousands of
 * small dictionaries) ---- */

/* A PDF text string of s[0..len) up to a NUL and at most max bytes:
 * ASCII as a literal string, anything else as UTF-16BE with a byte order
 * mark, in hex. */
static void put_textn(sp_buf *b, const char *s, size_t len, size_t max)
{
	size_t n = strnlen(s, len);
	if (n > max) { /* cut at a character boundary */
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	int ascii = 1;
	for (size_t i = 0; i < n; i++)
		ascii &= (unsigned char)s[i] < 0x80;
	if (ascii) {
		buf_putc(b, '(');
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			if (c == '(' || c == ')' || c == '\\')
				buf_putc(b, '\\');
			if ((unsigned char)c >= 0x20)
				buf_putc(b, c);
			else if (c == '\n' || c == '\t')
				buf_puts(b, c == '\n' ? "\\n" : "\\t");
		}
		buf_putc(b, ')');
		return;
	}
	buf_puts(b, "<FEFF");
	gtext_utf16_hex(b, s, n);
	buf_putc(b, '>');
}

static void put_text(sp_buf *b, const char *s, size_t max)
{
	put_textn(b, s, strlen(s), max);
}

/* Appends before, object number id and " 0 R" (a structure tree has
 * thousands of references: printf would be most of its cost). */
static void put_ref(sp_buf *b, const char *before, unsigned long long id)
{
	buf_puts(b, before);
	buf_put_uint(b, id);
	buf_puts(b, " 0 R");
}

static void put_kid(const pdf_tags *t, sp_buf *b, const tag_kid *k, long pg)
{
	if (k->elem) {
		put_ref(b, " ", t->base + t->num[k->elem]);
	} else if (k->mcid < 0) {
		put_ref(b, "<</Type/OBJR/Obj ",
		        t->base + tags_extra_count(t) + k->annot);
		if ((long)k->page != pg)
			put_ref(b, "/Pg ", t->page_id[k->page]);
		buf_puts(b, ">>");
	} else if ((long)k->page == pg) {
		buf_putc(b, ' ');
		buf_put_uint(b, (unsigned long long)k->mcid);
	} else {
		put_ref(b, "<</Type/MCR/Pg ", t->page_id[k->page]);
		buf_puts(b, "/MCID ");
		buf_put_uint(b, (unsigned long long)k->mcid);
		buf_puts(b, ">>");
	}
}

/* A header cell's /Scope: Column in a row of header cells only (a
 * table's head), else Row (the row's first cell names it). */
static const char *th_scope(const pdf_tags *t, const tag_elem *el)
{
	const tag_elem *tr =
	    el->parent >= 1 && el->parent < t->n ? &t->el[el->parent] : NULL;
	for (size_t i = 0; tr && i < tr->nkids; i++)
		if (tr->kids[i].elem &&
		    strcmp(t->el[tr->kids[i].elem].role, "TH") != 0)
			return "Row";
	return "Column";
}

static void put_elem(const pdf_tags *t, uint32_t e, sp_buf *b)
{
	const tag_elem *el = &t->el[e];
	buf_puts(b, "<</S/");
	buf_puts(b, el->role);
	put_ref(b, "/P ",
	        e == STRUCT_ROOT ? t->root_id : t->base + t->num[el->parent]);
	long pg = first_page(el);
	if (pg >= 0)
		put_ref(b, "/Pg ", t->page_id[pg]);
	if (!strcmp(el->role, "TH"))
		buf_printf(b, "/A<</O/Table/Scope/%s>>", th_scope(t, el));
	const doc_elem *s = el->src;
	if (s && s->lang) {
		buf_puts(b, "/Lang");
		put_text(b, s->lang, 64);
	}
	if (s && s->alt && strlen(s->alt) <= TEXT_MAX) {
		buf_puts(b, "/Alt");
		put_text(b, s->alt, TEXT_MAX);
	}
	if (s && s->actual && strlen(s->actual) <= TEXT_MAX) {
		buf_puts(b, "/ActualText");
		put_text(b, s->actual, TEXT_MAX);
	}
	if (el->nkids == 1 && !el->kids[0].elem && el->kids[0].mcid >= 0) {
		buf_puts(b, "/K ");
		buf_put_uint(b, (unsigned long long)el->kids[0].mcid);
		buf_puts(b, ">>");
		return;
	}
	buf_puts(b, "/K[");
	for (size_t i = 0; i < el->nkids; i++)
		put_kid(t, b, &el->kids[i], pg);
	buf_puts(b, "]>>");
}

static void put_parent_tree(const pdf_tags *t, sp_buf *b)
{
	buf_puts(b, "<</Nums[");
	for (size_t p = 0; p < t->npages; p++) {
		if (!t->nmc[p])
			continue;
		buf_put_uint(b, p);
		buf_putc(b, '[');
		for (size_t i = 0; i < t->nmc[p]; i++) {
			put_ref(b, "", t->base + t->num[t->mc[p][i]]);
			buf_putc(b, ' ');
		}
		buf_puts(b, "]");
	}
	for (size_t i = 0; i < t->nannots; i++) {
		buf_put_uint(b, t->npages + i);
		put_ref(b, " ", t->base + t->num[t->annots[i].elem]);
		buf_putc(b, ' ');
	}
	buf_puts(b, "]>>");
}

/* Roles of ours that PDF 1.7 does not define, and the standard ones they
 * stand for. */
static const char *const role_map[][2] = {
    {"Title", "P"}, {"Aside", "Div"}, {"Card", "Sect"}, {"Field", "P"}};

static void put_root(const pdf_tags *t, sp_buf *b)
{
	buf_printf(b,
	           "<</Type/StructTreeRoot/K %zu 0 R/ParentTree %zu 0 R"
	           "/ParentTreeNextKey %zu/RoleMap<<",
	           t->base + t->num[STRUCT_ROOT], t->base + t->nused,
	           t->npages + t->nannots);
	for (size_t i = 0; i < sizeof role_map / sizeof role_map[0]; i++)
		buf_printf(b, "/%s/%s", role_map[i][0], role_map[i][1]);
	buf_puts(b, ">>>>");
}

void tags_annot_keys(const pdf_renderer *r, size_t k, sp_buf *b)
{
	const pdf_tags *t = r->tags;
	const tag_annot *a = &t->annots[k];
	buf_puts(b, "/Contents");
	put_textn(b, t->contents.data + a->at, a->len, CONTENTS_MAX);
	buf_puts(b, "/StructParent ");
	buf_put_uint(b, t->npages + k);
}

size_t tags_extra_count(const pdf_tags *t)
{
	return t && t->root_id ? t->nused + 1 : 0;
}

unsigned long tags_extra_replace(const pdf_tags *t)
{
	return t ? t->root_id : 0;
}

void tags_extra_body(void *ud, size_t base, size_t i, sp_buf *b)
{
	pdf_tags *t = ud;
	t->base = base;
	if (i < t->nused)
		put_elem(t, t->used[i], b);
	else if (i == t->nused)
		put_parent_tree(t, b);
	else
		put_root(t, b);
}

/* Numbers the elements in use, keeps the object numbers of pages and
 * annotations, and gives pages their keys (through libharu). */
static void number(pdf_renderer *r)
{
	pdf_tags *t = r->tags;
	t->num = xcalloc(t->n, sizeof *t->num);
	t->used = xmalloc(t->n * sizeof *t->used);
	for (uint32_t e = 1; e < t->n; e++)
		if (t->el[e].used) {
			t->num[e] = (uint32_t)t->nused;
			t->used[t->nused++] = e;
		}
	t->page_id = xcalloc(t->npages ? t->npages : 1, sizeof *t->page_id);
	for (size_t p = 0; p < t->npages; p++) {
		t->page_id[p] = haru_obj_id(r->pages[p]);
		if (t->nmc[p])
			haru_dict_put_int(r->pages[p], "StructParents",
			                  (long)p);
	}
	for (size_t i = 0; i < t->nannots; i++)
		if (!i || t->annots[i].page != t->annots[i - 1].page)
			haru_dict_put_name(r->pages[t->annots[i].page], "Tabs",
			                   "S");
}

int tags_finish(pdf_renderer *r)
{
	pdf_tags *t = r->tags;
	if (r->uncompressed)
		return 0; /* not packed: left untagged (a debugging aid) */
	for (uint32_t e = 1; e < t->n; e++)
		if (t->el[e].nkids)
			attach(t, e);
	t->el[STRUCT_ROOT].used = 1;
	order_kids(t, STRUCT_ROOT, 0);
	number(r);
	/* a placeholder pack.c replaces: an empty tree if it cannot */
	HPDF_Dict root = haru_dict(r->pdf, 1);
	haru_dict_put_name(root, "Type", "StructTreeRoot");
	haru_dict_put(haru_catalog(r->pdf), "StructTreeRoot", root);
	if (pdf_render_failed(r, "structure tree"))
		return -1;
	t->root_id = haru_obj_id(root);
	return 0;
}
