/* test_cards.c - flashcard sheets: preset geometry, where backs land for
 * every duplex mode (checked by turning the sheet over physically, not
 * with the code's own formula), fold pairs, and fitting with the
 * fixed-width fake font: nothing outside its card, shrinking,
 * continuation, --strict-fit, --back-offset. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fakefont.h"
#include "products/cards.h"
#include "util/buf.h"

#include "check.h"

#define TOL MM_PT(0.1)
#define NEAR(a, b) (fabs((a) - (b)) < TOL)

static const char *const preset_names[] = {
    "letter-3x5", "a4-8", "letter-8", "a4-a6", "letter-business", NULL};

/* ---- geometry ---- */

static void test_presets(void)
{
	sp_card_spec s;
	CHECK(cards_preset("a4-9", &s) == -1);
	for (int i = 0; preset_names[i]; i++)
		CHECK(cards_preset(preset_names[i], &s) == 0);

	CHECK(cards_preset("letter-business", &s) == 0);
	CHECK(NEAR(s.card_w, 252) && NEAR(s.card_h, 144));
	CHECK(s.cols == 2 && s.rows == 5);
	CHECK(NEAR(s.margin_x, 54) && NEAR(s.margin_y, 36));
	cards_box f, b;
	cards_slot(&s, CARDS_LONG_EDGE, 0, &f, &b); /* top left, 0.5 in down */
	CHECK(NEAR(f.x, 54) && NEAR(f.y + f.h, 792 - 36));
	cards_slot(&s, CARDS_LONG_EDGE, 9, &f, &b); /* bottom right */
	CHECK(NEAR(f.x + f.w, 612 - 54) && NEAR(f.y, 36));

	CHECK(cards_preset("letter-3x5", &s) == 0);
	CHECK(NEAR(s.card_w, 360) && NEAR(s.card_h, 216) && s.cols == 1 &&
	      s.rows == 3);
	CHECK(NEAR(s.margin_x, 126) && NEAR(s.margin_y, 72));

	CHECK(cards_preset("a4-8", &s) == 0);
	CHECK(NEAR(s.margin_x, MM_PT(10)) && NEAR(s.margin_y, MM_PT(12.5)));
	CHECK(cards_preset("a4-a6", &s) == 0);
	CHECK(NEAR(s.margin_x, MM_PT(5)) && NEAR(s.margin_y, MM_PT(8.5)));
}

static void test_resolve_errors(void)
{
	const char *why = NULL;
	sp_card_spec s = {MM_PT(100), MM_PT(100), 3,          1,  0,
	                  0,          MM_PT(210), MM_PT(297), -1, -1};
	CHECK(cards_geom_resolve(&s, &why) == -1 && why);
	sp_card_spec z = {MM_PT(50), MM_PT(50),  0,          1,  0,
	                  0,         MM_PT(210), MM_PT(297), -1, -1};
	CHECK(cards_geom_resolve(&z, &why) == -1);
	sp_card_spec ok = {MM_PT(60), MM_PT(40),  3,          5,  MM_PT(4),
	                   MM_PT(6),  MM_PT(210), MM_PT(297), -1, MM_PT(20)};
	CHECK(cards_geom_resolve(&ok, &why) == 0);
	CHECK(NEAR(ok.margin_x, MM_PT((210 - 188) / 2.0)));
	CHECK(NEAR(ok.margin_y, MM_PT(20)));
}

/* Turn the printed sheet over physically. A point of the back side, in
 * the back page's coordinates (X, Y), is seen from the front side at:
 * turned about a vertical axis (W - X, Y); about a horizontal axis
 * (X, H - Y). Printers flip about the named edge: the long edge of a
 * portrait sheet is vertical, of a landscape sheet horizontal. */
static cards_box seen_from_front(const sp_card_spec *s, int vertical_axis,
                                 cards_box b)
{
	cards_box r = b;
	if (vertical_axis)
		r.x = s->sheet_w - b.x - b.w;
	else
		r.y = s->sheet_h - b.y - b.h;
	return r;
}

static void check_duplex(const sp_card_spec *s)
{
	int portrait = s->sheet_h >= s->sheet_w;
	for (int m = CARDS_LONG_EDGE; m <= CARDS_SHORT_EDGE; m++) {
		int vertical = m == CARDS_LONG_EDGE ? portrait : !portrait;
		int n = cards_per_sheet(s, (cards_duplex)m);
		CHECK(n == s->cols * s->rows);
		for (int i = 0; i < n; i++) {
			cards_box f, b;
			cards_slot(s, (cards_duplex)m, i, &f, &b);
			cards_box p = seen_from_front(s, vertical, b);
			CHECK(NEAR(p.x, f.x) && NEAR(p.y, f.y));
			CHECK(NEAR(p.w, f.w) && NEAR(p.h, f.h));
			/* the back lies on the sheet */
			CHECK(b.x > -TOL && b.x + b.w < s->sheet_w + TOL);
			CHECK(b.y > -TOL && b.y + b.h < s->sheet_h + TOL);
		}
	}
}

static void check_fold(const sp_card_spec *s)
{
	int n = cards_per_sheet(s, CARDS_FOLD);
	CHECK(n >= 1);
	int v = cards_fold_vertical(s);
	for (int i = 0; i < n; i++) {
		cards_box f, b;
		cards_slot(s, CARDS_FOLD, i, &f, &b);
		if (v) { /* fold line x0: reflect the back about it */
			double x0 = (f.x + f.w + b.x) / 2;
			CHECK(NEAR(2 * x0 - (b.x + b.w), f.x) &&
			      NEAR(b.y, f.y));
		} else {
			double y0 = (f.y + b.y + b.h) / 2;
			CHECK(NEAR(2 * y0 - b.y, f.y + f.h) && NEAR(b.x, f.x));
		}
		/* no two pairs overlap */
		for (int j = 0; j < i; j++) {
			cards_box g, c;
			cards_slot(s, CARDS_FOLD, j, &g, &c);
			CHECK(f.x + f.w <= g.x + TOL ||
			      g.x + g.w <= f.x + TOL ||
			      f.y + f.h <= g.y + TOL || g.y + g.h <= f.y + TOL);
		}
	}
}

static void test_duplex_geometry(void)
{
	sp_card_spec s;
	for (int i = 0; preset_names[i]; i++) {
		CHECK(cards_preset(preset_names[i], &s) == 0);
		check_duplex(&s);
		check_fold(&s);
	}
	/* asymmetric custom geometry, portrait and landscape */
	const char *why;
	sp_card_spec c = {MM_PT(80), MM_PT(50), 2,          3,
	                  MM_PT(3),  MM_PT(5),  MM_PT(210), MM_PT(297),
	                  MM_PT(12), MM_PT(30)};
	CHECK(cards_geom_resolve(&c, &why) == 0);
	check_duplex(&c);
	check_fold(&c);
	sp_card_spec l = {MM_PT(80), MM_PT(50), 3,          2,
	                  MM_PT(3),  MM_PT(5),  MM_PT(297), MM_PT(210),
	                  MM_PT(9),  MM_PT(40)};
	CHECK(cards_geom_resolve(&l, &why) == 0);
	check_duplex(&l);
	CHECK(cards_flip_mirrors_x(&l, CARDS_LONG_EDGE) == 0);
	CHECK(cards_flip_mirrors_x(&l, CARDS_SHORT_EDGE) == 1);
	/* a single card cannot fold */
	sp_card_spec one = {MM_PT(80), MM_PT(50),  1,          1,  0,
	                    0,         MM_PT(210), MM_PT(297), -1, -1};
	CHECK(cards_geom_resolve(&one, &why) == 0);
	CHECK(cards_per_sheet(&one, CARDS_FOLD) == 0);
}

/* ---- fitting, with the fake font ---- */

static layout_fonts fonts;
static sp_diag diag;

static const char corpus_head[] =
    "corpus: {title: T}\n"
    "categories: [{id: c, name: Cat}]\n"
    "questions:\n"
    "  - id: small\n"
    "    category: c\n"
    "    question: What is a test?\n"
    "    answer: A check.\n"
    "    key_points: [One point, Two points]\n"
    "  - id: huge\n"
    "    category: c\n"
    "    level: senior\n"
    "    question: A question with a very long answer and no key points?\n"
    "    answer: |\n";

static sp_corpus *make_corpus(int paragraphs)
{
	sp_buf b = SP_BUF_INIT;
	buf_puts(&b, corpus_head);
	for (int p = 0; p < paragraphs; p++) {
		buf_puts(&b, "      ");
		for (int w = 0; w < 60; w++)
			buf_printf(&b, "word%d ", w);
		buf_puts(&b, "\n\n");
	}
	sp_corpus *c = corpus_load_bytes("t.yaml", b.data, b.len, &diag);
	buf_free(&b);
	return c;
}

static void open_render(sp_typeset *r, sp_template *t)
{
	memset(r, 0, sizeof *r);
	r->tpl = t;
	r->fonts = &fonts;
	r->d = &diag;
	r->text = layout_text_new(&fonts, NULL, &diag);
	r->eng = layout_engine_new(r->text);
}

static void close_render(sp_typeset *r)
{
	layout_engine_free(r->eng);
	layout_text_free(r->text);
}

/* Every text item lies inside the box of a face on its page, or is the
 * guidance line in the margin (outside every card). */
static void check_inside(const cards_deck *d)
{
	for (size_t p = 0; p < d->doc->npages; p++) {
		const sp_page *pg = &d->doc->pages[p];
		for (size_t i = 0; i < pg->ntexts; i++) {
			const page_text *t = &pg->texts[i];
			double x0 = t->x, x1 = t->x + t->width;
			double y0 = t->y - 0.2 * t->size,
			       y1 = t->y + 0.8 * t->size;
			int in = 0, touches = 0;
			for (size_t f = 0; f < d->nfaces; f++) {
				const cards_face *c = &d->faces[f];
				if (c->page != p)
					continue;
				const cards_box *b = &c->box;
				if (x0 >= b->x - 0.01 &&
				    x1 <= b->x + b->w + 0.01 &&
				    y0 >= b->y - 0.01 &&
				    y1 <= b->y + b->h + 0.01)
					in = 1;
				if (x1 > b->x && x0 < b->x + b->w &&
				    y1 > b->y && y0 < b->y + b->h)
					touches = 1;
			}
			CHECK(in || !touches);
			if (!(in || !touches))
				fprintf(stderr, "  text '%.*s' at %.2f,%.2f\n",
				        (int)t->len, t->text, t->x, t->y);
		}
	}
}

static size_t count_text(const cards_deck *d, size_t page, const char *s)
{
	size_t n = 0;
	const sp_page *pg = &d->doc->pages[page];
	for (size_t i = 0; i < pg->ntexts; i++)
		if (strstr(pg->texts[i].text, s))
			n++;
	return n;
}

static void test_fitting(void)
{
	sp_template *t = template_load_bytes("t.yaml", "name: t\n", 8, &diag);
	CHECK(t != NULL);
	sp_typeset r;
	open_render(&r, t);
	sp_card_spec s;
	cards_preset("a4-8", &s);
	cards_opts o;
	memset(&o, 0, sizeof o);

	/* fits: nothing shrunk or continued */
	sp_corpus *c = make_corpus(0);
	CHECK(c != NULL);
	size_t sel[2] = {0, 1};
	cards_deck *d = cards_build(&r, c, sel, 1, &s, &o);
	CHECK(d && d->ncards == 1 && d->doc->npages == 2);
	CHECK(d && d->fits[0].front_size == t->card_size * CARDS_FRONT_SCALE &&
	      d->fits[0].back_size == t->card_size);
	CHECK(d && d->nfaces == 2);
	if (d)
		check_inside(d);
	cards_deck_free(d);
	corpus_free(c);

	/* a long answer: shrinks, then continues; the same id on each part */
	for (int paras = 2; paras <= 12; paras += 10) {
		c = make_corpus(paras);
		unsigned warnings = diag.warnings;
		d = cards_build(&r, c, sel, 2, &s, &o);
		CHECK(d != NULL);
		if (!d)
			break;
		check_inside(d);
		const cards_fit *f = &d->fits[1];
		CHECK(f->back_size < t->card_size);
		CHECK(f->back_size >= t->card_min_size);
		if (paras == 2) {
			CHECK(f->parts == 1 && diag.warnings == warnings);
		} else {
			CHECK(f->parts > 1 && diag.warnings == warnings + 1);
			CHECK(d->ncards == 1 + (size_t)f->parts);
			CHECK(count_text(d, 0, "huge") == (size_t)f->parts);
			CHECK(count_text(d, 1, "huge") == (size_t)f->parts);
			CHECK(count_text(d, 0, "continued") ==
			      (size_t)f->parts - 1);
		}
		cards_deck_free(d);
		if (paras > 2) { /* --strict-fit: an error, no deck */
			o.strict_fit = 1;
			unsigned errors = diag.errors;
			CHECK(cards_build(&r, c, sel, 2, &s, &o) == NULL);
			CHECK(diag.errors == errors + 1);
			o.strict_fit = 0;
		}
		corpus_free(c);
	}
	close_render(&r);
	template_free(t);
}

/* --back-offset moves every item of the back pages, and nothing else. */
static void test_offset(void)
{
	sp_template *t = template_load_bytes("t.yaml", "name: t\n", 8, &diag);
	sp_typeset r;
	open_render(&r, t);
	sp_card_spec s;
	cards_preset("letter-8", &s);
	sp_corpus *c = make_corpus(2);
	size_t sel[2] = {0, 1};
	cards_opts o;
	memset(&o, 0, sizeof o);
	cards_deck *a = cards_build(&r, c, sel, 2, &s, &o);
	o.offset_x = MM_PT(1.5);
	o.offset_y = MM_PT(-2);
	cards_deck *b = cards_build(&r, c, sel, 2, &s, &o);
	CHECK(a && b && a->doc->npages == b->doc->npages);
	for (size_t p = 0; a && b && p < a->doc->npages; p++) {
		const sp_page *pa = &a->doc->pages[p], *pb = &b->doc->pages[p];
		double dx = p % 2 ? o.offset_x : 0, dy = p % 2 ? o.offset_y : 0;
		CHECK(pa->ntexts == pb->ntexts && pa->nlines == pb->nlines);
		for (size_t i = 0; i < pa->ntexts && i < pb->ntexts; i++)
			CHECK(
			    fabs(pb->texts[i].x - pa->texts[i].x - dx) < 1e-6 &&
			    fabs(pb->texts[i].y - pa->texts[i].y - dy) < 1e-6);
		for (size_t i = 0; i < pa->nlines && i < pb->nlines; i++)
			CHECK(fabs(pb->lines[i].x1 - pa->lines[i].x1 - dx) <
			          1e-6 &&
			      fabs(pb->lines[i].y2 - pa->lines[i].y2 - dy) <
			          1e-6);
	}
	for (size_t i = 0; a && b && i < a->nfaces; i++) {
		double dx = a->faces[i].back ? o.offset_x : 0;
		CHECK(fabs(b->faces[i].box.x - a->faces[i].box.x - dx) < 1e-6);
	}
	if (b)
		check_inside(b);
	cards_deck_free(a);
	cards_deck_free(b);
	corpus_free(c);
	close_render(&r);
	template_free(t);
}

/* Every mode lays every card; fold puts both faces on one page. */
static void test_modes(void)
{
	sp_template *t = template_load_bytes("t.yaml", "name: t\n", 8, &diag);
	sp_typeset r;
	open_render(&r, t);
	sp_corpus *c = make_corpus(0);
	size_t sel[2] = {0, 1};
	for (int i = 0; preset_names[i]; i++) {
		sp_card_spec s;
		cards_preset(preset_names[i], &s);
		for (int m = 0; m < 4; m++) {
			for (int bo = 0; bo < 2; bo++) {
				cards_opts o;
				memset(&o, 0, sizeof o);
				o.duplex = (cards_duplex)m;
				o.backs_only = bo;
				o.grid = i % 2;
				if (bo && m == CARDS_FOLD)
					continue;
				cards_deck *d =
				    cards_build(&r, c, sel, 2, &s, &o);
				CHECK(d != NULL);
				if (!d)
					continue;
				check_inside(d);
				size_t want = m == CARDS_NONE && !bo ? 2
				              : bo                   ? 2
				                                     : 4;
				CHECK(d->nfaces == want);
				size_t per = (size_t)cards_per_sheet(
				    &s, (cards_duplex)m);
				size_t sheets = (2 + per - 1) / per;
				size_t pages =
				    m == CARDS_FOLD || m == CARDS_NONE || bo
				        ? sheets
				        : 2 * sheets;
				CHECK(d->doc->npages == pages);
				cards_deck_free(d);
			}
		}
	}
	corpus_free(c);
	close_render(&r);
	template_free(t);
}

int main(void)
{
	diag_init(&diag, stderr);
	fakefont_init(&fonts, NULL, 0);
	test_presets();
	test_resolve_errors();
	test_duplex_geometry();
	test_fitting();
	test_offset();
	test_modes();
	fakefont_free(&fonts);
	if (failures) {
		fprintf(stderr, "%d checks failed\n", failures);
		return 1;
	}
	puts("test_cards: ok");
	return 0;
}
