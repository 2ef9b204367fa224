/* typeset.c - the typesetting context shared by the products. */
#include "products/typeset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/smartpunct.h"
#include "util/mem.h"

#define HYPH_DICT "/usr/share/hyphen/hyph_en_US.dic"
#define LIST_INDENT 14.0 /* points per list level */
#define CODE_PAD_EM 0.6  /* inner padding of a code block, em of its text */
#define CODE_RULE 0.4    /* its border, points */
#define CODE_MARK_EM 0.7 /* room for the continuation mark, em */

int typeset_open(sp_typeset *r, const sp_template *t, sp_diag *d)
{
	memset(r, 0, sizeof *r);
	r->tpl = t;
	r->d = d;
	pdf_font_spec spec;
	memset(&spec, 0, sizeof spec);
	for (int f = 0; f < FAMILY_N; f++) {
		for (int i = 0; i < t->nfonts[f] && i < FONT_MAX_CHAIN; i++) {
			spec.families[f][i] = t->fonts[f][i];
			spec.locs[f][i] = t->font_locs[f][i];
		}
	}
	r->pdf_fonts = pdf_fonts_open(&spec, d);
	if (!r->pdf_fonts)
		return -1;
	r->fonts = pdf_fonts_layout(r->pdf_fonts);
	const char *dict = getenv("SP_HYPHEN_DICT");
	if (!dict)
		dict = HYPH_DICT;
	r->text = layout_text_new(r->fonts, t->hyphenate ? dict : NULL, d);
	r->eng = layout_engine_new(r->text);
	r->tags = xcalloc(1, sizeof *r->tags);
	return 0;
}

/* The corpus's language picks the hyphenation patterns (hyphdict.c):
 * the text device is made again with them when they are not the ones
 * typeset_open loaded. */
static void use_language(sp_typeset *r, const sp_corpus *c)
{
	if (!r->tpl || !r->tpl->hyphenate || getenv("SP_HYPHEN_DICT"))
		return;
	char *dict = typeset_hyphen_dict(c->language.s);
	if (strcmp(dict, HYPH_DICT) != 0) {
		layout_engine_free(r->eng);
		layout_text_free(r->text);
		r->text = layout_text_new(r->fonts, dict, r->d);
		r->eng = layout_engine_new(r->text);
	}
	free(dict);
}

void typeset_set_inputs(sp_typeset *r, const sp_corpus *c)
{
	use_language(r, c);
	layout_text_set_language(r->text, c->language.s);
	free(r->inputs);
	r->ninputs = 0;
	r->inputs = xcalloc(c->nfiles + 2, sizeof(char *));
	for (size_t i = 0; i < c->nfiles; i++)
		r->inputs[r->ninputs++] = c->files[i];
	if (r->tpl && r->tpl->path)
		r->inputs[r->ninputs++] = r->tpl->path;
}

void typeset_set_diag(sp_typeset *r, sp_diag *d)
{
	r->d = d;
	if (r->text)
		layout_text_set_diag(r->text, d);
}

int typeset_fonts_failed(const sp_typeset *r)
{
	return pdf_fonts_report_read_error(r->pdf_fonts, r->d);
}

void typeset_close(sp_typeset *r)
{
	free(r->inputs);
	tagging_free(r->tags);
	free(r->tags);
	layout_engine_free(r->eng);
	layout_text_free(r->text);
	pdf_fonts_close(r->pdf_fonts);
	memset(r, 0, sizeof *r);
}

layout_span typeset_span(sp_family fam, int variant, double size,
                         sp_color color)
{
	layout_span s;
	memset(&s, 0, sizeof s);
	s.family = fam;
	s.variant = variant;
	s.size = size;
	s.color = color;
	return s;
}

layout_para_style typeset_para_style(const sp_typeset *r, double size,
                                     int justify)
{
	layout_para_style ps;
	memset(&ps, 0, sizeof ps);
	ps.align = justify && r->tpl->justify ? ALIGN_JUSTIFY : ALIGN_LEFT;
	ps.leading = size * r->tpl->leading;
	ps.hyphenate = r->tpl->hyphenate;
	ps.smart_punct = r->tpl->smart_punct;
	return ps;
}

layout_para_style typeset_display_style(const sp_typeset *r, double size,
                                        layout_align align)
{
	layout_para_style ps = typeset_para_style(r, size, 0);
	ps.align = align;
	ps.hyphenate = 0;
	return ps;
}

void typeset_styles_init(const sp_typeset *r, typeset_styles *s)
{
	const sp_template *t = r->tpl;
	s->body = typeset_span(FAMILY_BODY, 0, t->size_body, t->color_text);
	s->small = typeset_span(FAMILY_BODY, 0, t->size_small, t->color_text);
	s->h2 = typeset_span(FAMILY_HEADING, VARIANT_BOLD, t->size_h2,
	                     t->color_text);
	s->ps_body = typeset_para_style(r, t->size_body, 1);
	s->ps_left = typeset_para_style(r, t->size_body, 0);
	s->ps_small = typeset_para_style(r, t->size_small, 0);
}

flow_block *typeset_text_para(sp_flow *f, const char *text,
                              const layout_span *st,
                              const layout_para_style *ps)
{
	flow_block *b = flow_add_para(f, ps);
	if (text)
		flow_para_add(b, text, strlen(text), st);
	return b;
}

static void add_run(const sp_typeset *r, flow_block *b, const rt_run *run,
                    const layout_span *base)
{
	layout_span s = *base;
	if (run->style & RT_EMPH)
		s.variant |= VARIANT_ITALIC;
	if (run->style & RT_STRONG)
		s.variant |= VARIANT_BOLD;
	if (run->style & RT_CODE) {
		s.family = FAMILY_MONO;
		s.size = base->size * r->tpl->size_mono / r->tpl->size_body;
	}
	if (run->style & RT_LINK) {
		s.link = run->url;
		s.color = r->tpl->color_accent;
	}
	flow_para_add(b, run->text, strlen(run->text), &s);
}

static const char *bullet_for(unsigned depth)
{
	static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93",
	                                      "\xC2\xB7"}; /* • – · */
	return bullets[(depth ? depth - 1 : 0) % 3];
}

/* A fenced code block: the lines verbatim in the mono face (spaces kept,
 * never stretched or hyphenated, wrapped only where a line is too long,
 * with a mark), in a shaded box kept on one page when it fits. */
static void code_block(const sp_typeset *r, sp_flow *f, const rt_block *blk,
                       const layout_span *base, double indent,
                       double space_before)
{
	const sp_template *t = r->tpl;
	layout_span s = *base;
	s.family = FAMILY_MONO;
	s.variant = 0;
	s.size = base->size * t->size_mono / t->size_body;
	s.link = NULL;
	layout_para_style ps = typeset_display_style(r, s.size, ALIGN_LEFT);
	ps.preserve_space = 1;
	sp_flow *in = flow_new();
	flow_block *p = flow_add_para(in, &ps);
	const char *code = blk->nruns ? blk->runs[0].text : "";
	flow_para_add(p, code, strlen(code), &s);
	p->wrap_mark = 1;
	p->color = t->color_muted;
	p->indent_right = CODE_MARK_EM * s.size; /* room for the mark */
	double pad = CODE_PAD_EM * s.size;
	flow_block *box = flow_add_box(f, in, pad, CODE_RULE, t->color_rule);
	box->fill = t->color_shade;
	box->has_fill = 1;
	box->radius = 2;
	box->keep_together = 1;
	box->indent_left = indent + LIST_INDENT * blk->depth;
	box->space_before = space_before;
	uint32_t se = tagging_block(r->tags, box, 0, "Code");
	if (r->tags) /* the lines as they are, blank ones and indents kept */
		doc_struct_set_actual(r->tags->st, se, code);
}

/* The lists being tagged, by depth (lists deeper than this nest in the
 * deepest). */
#define TAG_LIST_DEPTH 8
typedef struct list_tags {
	uint32_t list[TAG_LIST_DEPTH + 1], body[TAG_LIST_DEPTH + 1];
	unsigned depth; /* 0 = not in a list */
} list_tags;

/* Tags paragraph b of rich text: P, or a list item (a new LI when it has
 * a marker, else a P in the open item's body). */
static void tag_para(typeset_tags *tg, list_tags *lt, flow_block *b,
                     const rt_block *blk)
{
	unsigned d = blk->kind == RT_LIST_ITEM ? blk->depth : 0;
	if (d > TAG_LIST_DEPTH)
		d = TAG_LIST_DEPTH;
	if (d == 0) {
		lt->depth = 0;
		tagging_block(tg, b, 0, "P");
		return;
	}
	if (lt->depth > d)
		lt->depth = d; /* back out of deeper lists */
	if (!b->marker.text && lt->depth == d) {
		tagging_block(tg, b, lt->body[d], "P");
		return;
	}
	for (; lt->depth < d; lt->depth++) /* open the lists down to d */
		lt->list[lt->depth + 1] =
		    tagging_add(tg, lt->depth ? lt->body[lt->depth] : 0, "L");
	lt->body[d] = tagging_list_item(tg, b, lt->list[d], blk->ordered);
}

void typeset_rich_text(const sp_typeset *r, sp_flow *f, const rich_text *rt,
                       const layout_span *base, const layout_para_style *ps,
                       double indent, double para_space)
{
	list_tags lt = {{0}, {0}, 0};
	for (size_t i = 0; i < rt->nblocks; i++) {
		const rt_block *blk = &rt->blocks[i];
		if (blk->kind == RT_CODE_BLOCK) {
			lt.depth = 0;
			layout_span s = *base;
			s.loc = rt->loc;
			code_block(r, f, blk, &s, indent, i ? para_space : 0);
			continue;
		}
		flow_block *b = flow_add_para(f, ps);
		b->indent_left = indent;
		b->space_before = i ? para_space : 0;
		layout_span s = *base;
		s.loc = rt->loc;
		if (blk->kind == RT_LIST_ITEM) {
			b->indent_left = indent + LIST_INDENT * blk->depth;
			b->space_before = i ? para_space * 0.4 : 0;
			if (blk->number || !blk->ordered) {
				char num[32];
				const char *m = bullet_for(blk->depth);
				if (blk->ordered) {
					snprintf(num, sizeof num, "%d.",
					         blk->number);
					m = num;
				}
				flow_para_marker(b, m, &s, LIST_INDENT - 2);
			}
		}
		for (size_t k = 0; k < blk->nruns; k++)
			add_run(r, b, &blk->runs[k], &s);
		tag_para(r->tags, &lt, b, blk);
	}
}

void typeset_bullets(const sp_typeset *r, sp_flow *f, const sp_text_list *l,
                     const char *marker, const layout_span *base,
                     const layout_para_style *ps, double indent,
                     double item_space)
{
	uint32_t list = l->n ? tagging_add(r->tags, 0, "L") : 0;
	for (size_t i = 0; i < l->n; i++) {
		layout_span s = *base;
		s.loc = l->items[i].loc;
		flow_block *b = flow_add_para(f, ps);
		b->indent_left = indent + LIST_INDENT;
		b->space_before = i ? item_space : 0;
		flow_para_marker(b, marker, &s, LIST_INDENT - 2);
		if (l->items[i].s)
			flow_para_add(b, l->items[i].s, strlen(l->items[i].s),
			              &s);
		tagging_list_item(r->tags, b, list, 0);
	}
}

int typeset_next_frame(void *ud, sp_document *doc, int to_odd, layout_frame *fr)
{
	const typeset_pages *tp = ud;
	const sp_template *t = tp->t;
	if (to_odd && doc->npages % 2 == 1) /* next page would be even */
		doc_add_page(doc, t->page_w, t->page_h);
	if ((long)doc->npages >= tp->limit)
		return -1;
	doc_add_page(doc, t->page_w, t->page_h);
	size_t idx = doc->npages - 1;
	int left_page = tp->duplex && idx % 2 == 1;
	fr->page = idx;
	fr->x = left_page ? t->margin_outer : t->margin_inner;
	fr->top = t->page_h - t->margin_top;
	fr->w = t->page_w - t->margin_inner - t->margin_outer;
	fr->h = t->page_h - t->margin_top - t->margin_bottom;
	return 0;
}

double typeset_draw_text(const sp_typeset *r, sp_page *pg,
                         const layout_span *st, const char *text, double x,
                         double y, layout_align align)
{
	layout_span s = *st;
	char *smart = NULL;
	if (r->tpl->smart_punct && st->family != FAMILY_MONO &&
	    smartpunct_needed(text, strlen(text)))
		text = smart = smartpunct_string(text);
	s.text = text;
	s.len = strlen(text);
	double w = layout_draw_text(r->text, pg, &s, x, y, align);
	free(smart);
	return w;
}

typedef void (*dump_extra_fn)(FILE *, void *);

static product_status write_dump(sp_typeset *r, const sp_document *doc,
                                 const char *path, dump_extra_fn extra,
                                 void *ud)
{
	if (!strcmp(path, "-")) {
		doc_dump(doc, stdout);
		if (extra)
			extra(stdout, ud);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			diag_error(
			    r->d, sp_loc_make(NULL, 0, 0),
			    "cannot write the layout to standard output: %s",
			    strerror(errno));
			return PRODUCT_IO;
		}
		return PRODUCT_OK;
	}
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	if (!f) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0), "out of memory");
		return PRODUCT_IO;
	}
	doc_dump(doc, f);
	if (extra)
		extra(f, ud);
	fclose(f);
	int rc = pdf_write_atomic(path, data, len, r->d);
	free(data);
	return rc == PDF_OK ? PRODUCT_OK : PRODUCT_IO;
}

product_status typeset_write(sp_typeset *r, sp_document *doc,
                             const char *out_path, const char *dump_path)
{
	return typeset_write_ex(r, doc, out_path, dump_path, NULL, NULL);
}

/* The renderer is done with a page: its texts go (a long document's
 * pages are most of the memory at the end). */
static void page_drawn(void *ud, size_t p)
{
	doc_release_pages(ud, p + 1);
}

product_status typeset_write_ex(sp_typeset *r, sp_document *doc,
                                const char *out_path, const char *dump_path,
                                dump_extra_fn extra, void *ud)
{
	const char *paths[2] = {dump_path, out_path};
	for (int i = 0; i < 2; i++)
		if (paths[i] && strcmp(paths[i], "-") &&
		    !pdf_output_path_ok(paths[i], r->inputs, r->ninputs, r->d))
			return PRODUCT_IO;
	if (dump_path) {
		product_status st = write_dump(r, doc, dump_path, extra, ud);
		if (st != PRODUCT_OK)
			return st;
	}
	if (!out_path)
		return PRODUCT_OK;
	pdf_render_opts o = {0};
	o.pdfa = r->tpl->pdfa;
	o.page_drawn = page_drawn;
	o.page_drawn_ud = doc;
	doc_fit(doc); /* less memory while it is rendered */
	int rc = pdf_render(doc, r->fonts, &o, out_path, r->d);
	if (rc == PDF_OK)
		return PRODUCT_OK;
	return rc == PDF_ERR_IO ? PRODUCT_IO : PRODUCT_INVALID;
}
