/* test_struct.c - the logical structure of the page model (issue 16): the
 * element tree of layout/struct.c, and the layout giving every text item
 * and link the element of its block (a marker its own, a box's content
 * the box's, text drawn outside any block the page's current one). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fakefont.h"
#include "layout/flow.h"
#include "layout/struct.h"

#include "check.h"

static layout_fonts fonts;
static layout_text_ctx *text;
static layout_engine *eng;
static sp_diag diag;

static layout_span style(void)
{
	layout_span s;
	memset(&s, 0, sizeof s);
	s.family = FAMILY_BODY;
	s.size = 10;
	return s;
}

static flow_block *para(sp_flow *f, const char *t)
{
	layout_para_style ps;
	memset(&ps, 0, sizeof ps);
	ps.leading = 12;
	flow_block *b = flow_add_para(f, &ps);
	layout_span s = style();
	flow_para_add(b, t, strlen(t), &s);
	return b;
}

static void test_tree(void)
{
	doc_struct *s = doc_struct_new();
	CHECK(s->n == 2); /* elems[0] unused, 1 = Document */
	CHECK_STR(doc_struct_get(s, STRUCT_ROOT)->role, "Document");
	CHECK(doc_struct_get(s, STRUCT_ROOT)->parent == 0);
	uint32_t sect = doc_struct_add(s, STRUCT_ROOT, "Sect");
	uint32_t h = doc_struct_add(s, sect, "H2");
	uint32_t lost = doc_struct_add(s, 999, "P"); /* unknown parent */
	CHECK(sect == 2 && h == 3 && lost == 4);
	CHECK(doc_struct_get(s, h)->parent == sect);
	CHECK(doc_struct_get(s, lost)->parent == STRUCT_ROOT);
	uint32_t longrole = doc_struct_add(s, 0, "AVeryLongRoleNameIndeed");
	CHECK(strlen(doc_struct_get(s, longrole)->role) == STRUCT_ROLE_MAX);
	doc_struct_set_lang(s, h, "he");
	doc_struct_set_actual(s, h, "hyphenated");
	doc_struct_set_alt(s, 77, "ignored"); /* unknown id */
	CHECK_STR(doc_struct_get(s, h)->lang, "he");
	CHECK_STR(doc_struct_get(s, h)->actual, "hyphenated");
	CHECK(doc_struct_get(s, 77) == NULL && doc_struct_get(s, 0) == NULL);
	doc_struct_set_doc_lang(s, "de-DE");
	CHECK_STR(s->lang, "de-DE");
	CHECK(doc_struct_add(NULL, 0, "P") == 0); /* no tree, no tags */
	sp_document *d = doc_new();
	doc_set_struct(d, s); /* the document frees it */
	doc_free(d);
}

static void test_items_carry_elements(void)
{
	doc_struct *s = doc_struct_new();
	uint32_t p1 = doc_struct_add(s, 0, "P");
	uint32_t li = doc_struct_add(s, 0, "LI");
	uint32_t lbl = doc_struct_add(s, li, "Lbl");
	uint32_t body = doc_struct_add(s, li, "LBody");
	uint32_t code = doc_struct_add(s, 0, "Code");
	sp_flow *f = flow_new();
	para(f, "aaaa bbbb")->se = p1;
	flow_block *b = para(f, "cccc dddd");
	layout_span ms = style();
	flow_para_marker(b, "*", &ms, 10);
	b->se = body;
	b->se_marker = lbl;
	sp_flow *in = flow_new();
	para(in, "eeee"); /* untagged: the box's element */
	flow_add_box(f, in, 2, 0.5, 0)->se = code;
	layout_span ls = style();
	ls.link = "#there";
	flow_para_add(para(f, "see "), "ffff", 4, &ls); /* untagged */
	sp_document *d = doc_new();
	doc_add_page(d, 200, 600);
	layout_frame fr = {0, 50, 500, 100, 400};
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_fit(eng, f, &pos, d, &fr, &of);
	const sp_page *pg = &d->pages[0];
	int seen_p = 0, seen_lbl = 0, seen_body = 0, seen_code = 0, art = 0,
	    linked = 0;
	for (size_t i = 0; i < pg->ntexts; i++) {
		const page_text *t = &pg->texts[i];
		if (!strncmp(t->text, "aaaa", 4))
			seen_p += t->se == p1;
		else if (!strcmp(t->text, "*"))
			seen_lbl += t->se == lbl;
		else if (!strncmp(t->text, "cccc", 4))
			seen_body += t->se == body;
		else if (!strcmp(t->text, "eeee"))
			seen_code += t->se == code;
		else if (t->se == STRUCT_ARTIFACT)
			art++;
		if (t->link)
			linked += !strcmp(pg->links[t->link - 1].dest, "there");
	}
	CHECK(seen_p == 1 && seen_lbl == 1 && seen_body == 1 && seen_code == 1);
	CHECK(art >= 1); /* the untagged paragraph: an artifact */
	CHECK(linked == 1 && pg->nlinks == 1);
	CHECK(pg->se_cur == 0); /* given back after each block */
	/* text drawn outside blocks gets the page's current element */
	d->pages[0].se_cur = STRUCT_LAYOUT;
	layout_span hs = style();
	hs.text = "head";
	hs.len = 4;
	layout_draw_text(text, &d->pages[0], &hs, 10, 590, ALIGN_LEFT);
	CHECK(d->pages[0].texts[d->pages[0].ntexts - 1].se == STRUCT_LAYOUT);
	doc_set_struct(d, s);
	doc_free(d);
	flow_free(f);
}

int main(void)
{
	diag_init(&diag, stderr);
	fakefont_init(&fonts, NULL, 0);
	text = layout_text_new(&fonts, NULL, &diag);
	eng = layout_engine_new(text);
	test_tree();
	test_items_carry_elements();
	layout_engine_free(eng);
	layout_text_free(text);
	fakefont_free(&fonts);
	if (failures)
		fprintf(stderr, "%d check(s) failed\n", failures);
	return failures != 0;
}
