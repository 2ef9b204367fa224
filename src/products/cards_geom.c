/* cards_geom.c - card presets, sheet geometry, slots, and where each back
 * lands (see cards.h for the reasoning with coordinates). */
#include "products/cards.h"

#include <string.h>

#define IN_PT(in) ((in)*72.0)

typedef struct preset {
	const char *name;
	sp_card_spec spec; /* the sheet's size from `paper` */
	const char *paper; /* template_paper_size() */
} preset;

/* Margins < 0 centre the grid. Choices (also in README.md):
 *  letter-3x5: 5 x 3 in index cards, 1 x 3, no gutters, centred
 *    (1.75 in at the sides, 1 in top and bottom), as on Avery 5388;
 *  a4-8: 95 x 68 mm, 2 x 4, no gutters, centred: 10 mm at the sides and
 *    12.5 mm top and bottom left for crop marks and the guidance line
 *    (full-bleed 105 x 74.25 mm cards would leave no room for either);
 *  letter-8: 3.75 x 2.5 in, 2 x 4, no gutters, 0.5 in margins;
 *  a4-a6: A6 cards trimmed to 100 x 140 mm (four full A6 fill A4 to the
 *    edge: no room for crop marks, and no printer prints to the edge),
 *    2 x 2, centred: 5 mm at the sides, 8.5 mm top and bottom;
 *  letter-business: 3.5 x 2 in, 2 x 5, no gutters, 0.75 in left and
 *    0.5 in top margin, as on Avery 5371. */
static const preset presets[] = {
    {"letter-3x5", {IN_PT(5), IN_PT(3), 1, 3, 0, 0, 0, 0, -1, -1}, "letter"},
    {"a4-8", {MM_PT(95), MM_PT(68), 2, 4, 0, 0, 0, 0, -1, -1}, "a4"},
    {"letter-8", {IN_PT(3.75), IN_PT(2.5), 2, 4, 0, 0, 0, 0, -1, -1}, "letter"},
    {"a4-a6", {MM_PT(100), MM_PT(140), 2, 2, 0, 0, 0, 0, -1, -1}, "a4"},
    {"letter-business",
     {IN_PT(3.5), IN_PT(2), 2, 5, 0, 0, 0, 0, IN_PT(0.75), IN_PT(0.5)},
     "letter"},
};

#define NPRESETS (sizeof presets / sizeof presets[0])

int cards_preset(const char *name, sp_card_spec *out)
{
	for (size_t i = 0; i < NPRESETS; i++) {
		if (!strcmp(presets[i].name, name)) {
			*out = presets[i].spec;
			template_paper_size(presets[i].paper, &out->sheet_w,
			                    &out->sheet_h);
			const char *why = NULL;
			return cards_geom_resolve(out, &why);
		}
	}
	return -1;
}

const char *cards_preset_names(void)
{
	return "letter-3x5, a4-8, letter-8, a4-a6, letter-business";
}

static const char *const duplex_names[] = {"long-edge", "short-edge", "none",
                                           "fold"};

int cards_duplex_parse(const char *s, cards_duplex *out)
{
	for (int i = 0; i < 4; i++) {
		if (!strcmp(s, duplex_names[i])) {
			*out = (cards_duplex)i;
			return 0;
		}
	}
	return -1;
}

const char *cards_duplex_name(cards_duplex m)
{
	return duplex_names[m];
}

static double grid_w(const sp_card_spec *s)
{
	return s->cols * s->card_w + (s->cols - 1) * s->gutter_x;
}

static double grid_h(const sp_card_spec *s)
{
	return s->rows * s->card_h + (s->rows - 1) * s->gutter_y;
}

int cards_geom_resolve(sp_card_spec *s, const char **why)
{
	if (!(s->card_w > 0 && s->card_h > 0)) {
		*why = "the card's width and height must be positive";
		return -1;
	}
	if (s->cols < 1 || s->rows < 1) {
		*why = "a sheet needs at least one column and one row";
		return -1;
	}
	if (s->gutter_x < 0 || s->gutter_y < 0) {
		*why = "gutters cannot be negative";
		return -1;
	}
	if (s->margin_x < 0)
		s->margin_x = (s->sheet_w - grid_w(s)) / 2;
	if (s->margin_y < 0)
		s->margin_y = (s->sheet_h - grid_h(s)) / 2;
	if (s->margin_x < -0.01 ||
	    s->margin_x + grid_w(s) > s->sheet_w + 0.01 ||
	    s->margin_y < -0.01 ||
	    s->margin_y + grid_h(s) > s->sheet_h + 0.01) {
		*why = "the cards do not fit on the sheet";
		return -1;
	}
	return 0;
}

int cards_flip_mirrors_x(const sp_card_spec *s, cards_duplex m)
{
	int portrait = s->sheet_h >= s->sheet_w;
	if (m == CARDS_SHORT_EDGE)
		return !portrait;
	return portrait; /* long edge (and none, backs-only) */
}

void cards_flip_box(const sp_card_spec *s, cards_duplex m,
                    const cards_box *front, cards_box *back)
{
	*back = *front;
	if (cards_flip_mirrors_x(s, m))
		back->x = s->sheet_w - front->x - front->w;
	else
		back->y = s->sheet_h - front->y - front->h;
}

int cards_fold_vertical(const sp_card_spec *s)
{
	return s->cols >= 2;
}

int cards_per_sheet(const sp_card_spec *s, cards_duplex m)
{
	if (m != CARDS_FOLD)
		return s->cols * s->rows;
	if (cards_fold_vertical(s))
		return (s->cols / 2) * s->rows;
	return s->rows / 2;
}

/* The box of the card in column col, row row (row 0 at the top). */
static void grid_box(const sp_card_spec *s, int col, int row, cards_box *b)
{
	b->w = s->card_w;
	b->h = s->card_h;
	b->x = s->margin_x + col * (s->card_w + s->gutter_x);
	double top = s->sheet_h - s->margin_y - row * (s->card_h + s->gutter_y);
	b->y = top - s->card_h;
}

void cards_slot(const sp_card_spec *s, cards_duplex m, int i, cards_box *front,
                cards_box *back)
{
	if (m != CARDS_FOLD) {
		grid_box(s, i % s->cols, i / s->cols, front);
		cards_flip_box(s, m, front, back);
		return;
	}
	if (cards_fold_vertical(s)) {
		int pairs = s->cols / 2;
		int col = 2 * (i % pairs), row = i / pairs;
		grid_box(s, col, row, front);
		grid_box(s, col + 1, row, back);
	} else {
		grid_box(s, 0, 2 * i, front);
		grid_box(s, 0, 2 * i + 1, back);
	}
}
