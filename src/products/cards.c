/* cards.c - the deck: cards on sheets, front and back pages, the sheet
 * furniture, the back offset, and the summary. */
#include "products/cards.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

#define NO_PAGE ((size_t)-1)

static void add_face(cards_deck *d, const cards_face *f)
{
	d->faces =
	    xgrow(d->faces, &d->cap_faces, d->nfaces + 1, sizeof *d->faces);
	d->faces[d->nfaces++] = *f;
}

void cards_deck_free(cards_deck *d)
{
	if (!d)
		return;
	doc_free(d->doc);
	free(d->faces);
	free(d->fits);
	free(d);
}

/* ---- fitting every card ---- */

static int fit_all(sp_typeset *r, const sp_corpus *c, const size_t *sel,
                   size_t nsel, const sp_card_spec *s, const cards_opts *o,
                   cards_deck *d, cards_card **cards)
{
	int bad = 0;
	d->fits = xcalloc(nsel ? nsel : 1, sizeof *d->fits);
	d->nfits = nsel;
	for (size_t i = 0; i < nsel; i++) {
		const sp_question *q = &c->questions[sel[i]];
		cards[i] = cards_card_new(r, c, q, i + 1, s->card_w, s->card_h);
		if (!cards[i]) {
			diag_error(r->d, sp_loc_make(NULL, 0, 0),
			           "cards of %.1f x %.1f mm are too small for "
			           "any text",
			           s->card_w * 25.4 / 72,
			           s->card_h * 25.4 / 72);
			return -1;
		}
		cards_fit *f = &d->fits[i];
		f->number = i + 1;
		f->id = q->id;
		f->loc = q->loc;
		f->parts = cards_card_parts(cards[i]);
		cards_card_sizes(cards[i], &f->front_size, &f->back_size);
		if (f->parts > CARDS_MAX_PARTS) {
			diag_error(
			    r->d, q->loc,
			    "card %zu '%s' is too long for cards: it "
			    "needs more than %d cards at %g pt (leave it "
			    "out with --exclude %s)",
			    i + 1, q->id, CARDS_MAX_PARTS,
			    r->tpl->card_min_size, q->id);
			bad = 1;
			continue;
		}
		d->ncards += (size_t)f->parts;
		if (f->parts == 1)
			continue;
		diag_report(r->d, o->strict_fit ? SP_ERROR : SP_WARNING, q->loc,
		            "card %zu '%s' does not fit one card at %g pt: "
		            "continued on %d cards",
		            i + 1, q->id, r->tpl->card_min_size, f->parts);
		bad |= o->strict_fit;
	}
	return bad ? -1 : 0;
}

/* ---- pages ---- */

typedef struct sheet_pages {
	size_t front, back; /* page indexes or NO_PAGE */
} sheet_pages;

static int has_fronts(const cards_opts *o)
{
	return !o->backs_only;
}

static int has_backs(const cards_opts *o)
{
	return o->backs_only || o->duplex == CARDS_LONG_EDGE ||
	       o->duplex == CARDS_SHORT_EDGE;
}

static sheet_pages *make_pages(cards_deck *d, const sp_card_spec *s,
                               const cards_opts *o)
{
	sheet_pages *sp = xcalloc(d->nsheets ? d->nsheets : 1, sizeof *sp);
	for (size_t i = 0; i < d->nsheets; i++) {
		sp[i].front = sp[i].back = NO_PAGE;
		if (has_fronts(o)) {
			doc_add_page(d->doc, s->sheet_w, s->sheet_h);
			sp[i].front = d->doc->npages - 1;
		}
		if (has_backs(o)) {
			doc_add_page(d->doc, s->sheet_w, s->sheet_h);
			sp[i].back = d->doc->npages - 1;
		}
	}
	return sp;
}

static void place_part(cards_deck *d, const cards_card *k, const cards_fit *f,
                       int part, const sheet_pages *sh, const cards_box *fb,
                       const cards_box *bb, const cards_opts *o)
{
	cards_face face = {f->number, f->id, part, f->parts, 0, 0, *fb};
	typeset_tags *tg = cards_card_tags(k);
	uint32_t card = tagging_add(tg, STRUCT_ROOT, "Sect"); /* front, back */
	if (sh->front != NO_PAGE) {
		tagging_parent(tg, tagging_add(tg, card, "Sect"));
		cards_card_draw(k, part, 0, d->doc, sh->front, fb);
		face.page = sh->front;
		add_face(d, &face);
	}
	size_t bp = o->duplex == CARDS_FOLD ? sh->front : sh->back;
	if (bp != NO_PAGE) {
		tagging_parent(tg, tagging_add(tg, card, "Sect"));
		cards_card_draw(k, part, 1, d->doc, bp, bb);
		face.back = 1;
		face.page = bp;
		face.box = *bb;
		add_face(d, &face);
	}
}

static void place_all(cards_deck *d, cards_card **cards, const sheet_pages *sp,
                      const sp_card_spec *s, const cards_opts *o)
{
	int per = cards_per_sheet(s, o->duplex);
	size_t slot = 0;
	for (size_t i = 0; i < d->nfits; i++) {
		for (int part = 1; part <= d->fits[i].parts; part++, slot++) {
			cards_box fb, bb;
			cards_slot(s, o->duplex, (int)(slot % (size_t)per), &fb,
			           &bb);
			place_part(d, cards[i], &d->fits[i], part,
			           &sp[slot / (size_t)per], &fb, &bb, o);
		}
	}
}

/* ---- sheet furniture ---- */

/* The guidance line of a sheet: who is "Sheet N" or "Calibration". */
static void guidance_text(const sp_template *t, const sp_card_spec *s,
                          const cards_opts *o, const char *who, size_t sheet,
                          int back, char *buf, size_t n)
{
	const sp_labels *l = &t->labels;
	int sideways = cards_flip_mirrors_x(s, o->duplex);
	const char *edge =
	    labels_get(l, o->duplex == CARDS_SHORT_EDGE ? LABEL_CARD_EDGE_SHORT
	                                                : LABEL_CARD_EDGE_LONG);
	char num[24];
	snprintf(num, sizeof num, "%zu", sheet + 1);
	char *line;
	int turn = 0;
	if (o->duplex == CARDS_FOLD) {
		line = labels_fill(l, LABEL_CARD_GUIDE_FOLD, who, NULL, NULL);
	} else if (o->backs_only) {
		line = labels_fill(l, LABEL_CARD_GUIDE_BACKS, who, num, edge);
		turn = !sideways;
	} else if (o->duplex == CARDS_NONE) {
		line = labels_fill(l, LABEL_CARD_GUIDE_FRONTS, who, NULL, NULL);
	} else {
		line = labels_fill(
		    l, back ? LABEL_CARD_GUIDE_BACK : LABEL_CARD_GUIDE_FRONT,
		    who, edge, NULL);
		turn = !sideways;
	}
	snprintf(buf, n, "%s%s%s", line, turn ? " \xC2\xB7 " : "",
	         turn ? labels_get(l, LABEL_CARD_TURN) : "");
	free(line);
}

static void furnish_page(sp_typeset *r, cards_deck *d, size_t page,
                         const sp_card_spec *s, const cards_opts *o,
                         size_t sheet, int back)
{
	int per = cards_per_sheet(s, o->duplex);
	int fold = o->duplex == CARDS_FOLD;
	cards_box *boxes = xcalloc((size_t)per * 2, sizeof *boxes);
	size_t n = 0;
	for (int i = 0; i < per; i++) {
		cards_box fb, bb;
		cards_slot(s, o->duplex, i, &fb, &bb);
		if (!back || fold)
			boxes[n++] = fb;
		if (back || fold)
			boxes[n++] = bb;
	}
	sp_page *pg = &d->doc->pages[page];
	cards_draw_cut_marks(pg, boxes, n, s, o->duplex, o->grid);
	char text[512], num[24];
	snprintf(num, sizeof num, "%zu", sheet + 1);
	char *who =
	    labels_fill(&r->tpl->labels, LABEL_CARD_SHEET, num, NULL, NULL);
	guidance_text(r->tpl, s, o, who, sheet, back, text, sizeof text);
	free(who);
	cards_draw_guidance(r, pg, boxes, n, text);
	free(boxes);
}

static void apply_offset(cards_deck *d, const cards_opts *o)
{
	if (o->offset_x == 0 && o->offset_y == 0)
		return;
	for (size_t i = 0; i < d->nfaces; i++) {
		if (!d->faces[i].back || o->duplex == CARDS_FOLD)
			continue;
		d->faces[i].box.x += o->offset_x;
		d->faces[i].box.y += o->offset_y;
	}
}

static void furnish(sp_typeset *r, cards_deck *d, const sheet_pages *sp,
                    const sp_card_spec *s, const cards_opts *o)
{
	for (size_t i = 0; i < d->nsheets; i++) {
		if (sp[i].front != NO_PAGE)
			furnish_page(r, d, sp[i].front, s, o, i, 0);
		if (sp[i].back == NO_PAGE)
			continue;
		furnish_page(r, d, sp[i].back, s, o, i, 1);
		cards_shift_page(&d->doc->pages[sp[i].back], o->offset_x,
		                 o->offset_y);
	}
	apply_offset(d, o);
}

cards_deck *cards_build(sp_typeset *r, const sp_corpus *c, const size_t *sel,
                        size_t nsel, const sp_card_spec *s, const cards_opts *o)
{
	int per = cards_per_sheet(s, o->duplex);
	if (per < 1) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "--duplex fold needs two columns or two rows of "
		           "cards per sheet");
		return NULL;
	}
	cards_deck *d = xcalloc(1, sizeof *d);
	d->doc = doc_new();
	cards_card **cards = xcalloc(nsel ? nsel : 1, sizeof *cards);
	int rc = fit_all(r, c, sel, nsel, s, o, d, cards);
	if (rc == 0) {
		d->nsheets = (d->ncards + (size_t)per - 1) / (size_t)per;
		sheet_pages *sp = make_pages(d, s, o);
		tagging_begin(r->tags, c->language.s); /* after fitting */
		place_all(d, cards, sp, s, o);
		furnish(r, d, sp, s, o);
		tagging_finish(r->tags, d->doc);
		free(sp);
		const sp_labels *l = &r->tpl->labels;
		doc_set_info(d->doc,
		             c->title.s ? c->title.s
		                        : labels_get(l, LABEL_CARDS_DOC_TITLE),
		             c->author.s,
		             labels_get(l, LABEL_CARDS_DOC_SUBJECT));
	}
	for (size_t i = 0; i < nsel; i++)
		cards_card_free(cards[i]);
	free(cards);
	if (rc) {
		cards_deck_free(d);
		return NULL;
	}
	return d;
}

cards_deck *cards_calibration(sp_typeset *r, const sp_card_spec *s,
                              const cards_opts *o)
{
	cards_deck *d = xcalloc(1, sizeof *d);
	d->doc = doc_new();
	d->nsheets = 1;
	doc_add_page(d->doc, s->sheet_w, s->sheet_h);
	doc_add_page(d->doc, s->sheet_w, s->sheet_h);
	const sp_labels *l = &r->tpl->labels;
	doc_set_info(d->doc, labels_get(l, LABEL_CAL_DOC_TITLE), NULL,
	             labels_get(l, LABEL_CARDS_DOC_SUBJECT));
	tagging_begin(r->tags, NULL); /* the instructions; scales artifacts */
	/* the guidance line sits between the edge rulers at W/4 and 3W/4 */
	double w = s->sheet_w, h = s->sheet_h;
	cards_box band = {w / 4 + MM_PT(5), MM_PT(25), w / 2 - MM_PT(10),
	                  h - MM_PT(45)};
	char text[512];
	for (int back = 0; back < 2; back++) {
		cards_draw_calibration(r, d->doc, (size_t)back, s, o->duplex,
		                       back);
		/* "Calibration front · ..." */
		guidance_text(
		    r->tpl, s, o,
		    labels_get(&r->tpl->labels, LABEL_CARD_CALIBRATION), 0,
		    back, text, sizeof text);
		cards_draw_guidance(r, &d->doc->pages[back], &band, 1, text);
	}
	cards_shift_page(&d->doc->pages[1], o->offset_x, o->offset_y);
	tagging_finish(r->tags, d->doc);
	return d;
}

/* ---- reporting ---- */

void cards_summary(const cards_deck *d, const sp_template *t,
                   const sp_card_spec *s, const cards_opts *o, FILE *f)
{
	fprintf(
	    f,
	    "cards: %zu question%s on %zu card%s, %zu sheet%s (%s: %dx%d "
	    "cards of %.1f x %.1f mm; duplex %s%s)\n",
	    d->nfits, d->nfits == 1 ? "" : "s", d->ncards,
	    d->ncards == 1 ? "" : "s", d->nsheets, d->nsheets == 1 ? "" : "s",
	    o->layout_name ? o->layout_name : "custom", s->cols, s->rows,
	    s->card_w * 25.4 / 72, s->card_h * 25.4 / 72,
	    cards_duplex_name(o->duplex), o->backs_only ? ", backs only" : "");
	for (size_t i = 0; i < d->nfits; i++) {
		const cards_fit *k = &d->fits[i];
		if (k->parts > 1)
			fprintf(f,
			        "cards: continued: %zu %s on %d cards (front "
			        "%g pt, back %g pt)\n",
			        k->number, k->id, k->parts, k->front_size,
			        k->back_size);
		else if (k->front_size < t->card_size * CARDS_FRONT_SCALE ||
		         k->back_size < t->card_size)
			fprintf(f,
			        "cards: shrunk: %zu %s (front %g pt, back %g "
			        "pt)\n",
			        k->number, k->id, k->front_size, k->back_size);
	}
}

void cards_dump_faces(const cards_deck *d, FILE *f)
{
	for (size_t i = 0; i < d->nfaces; i++) {
		const cards_face *c = &d->faces[i];
		fprintf(f, "card %zu %s %zu %.2f %.2f %.2f %.2f %d %d \"%s\"\n",
		        c->number, c->back ? "back" : "front", c->page + 1,
		        c->box.x, c->box.y, c->box.w, c->box.h, c->part,
		        c->parts, c->id);
	}
}
