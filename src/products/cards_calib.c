/* cards_calib.c - the duplex calibration sheet.
 *
 * Front: a centre cross, four pointer lines (two for X at the top and
 * bottom, two for Y at the left and right) and millimetre rulers that
 * measure from the paper's edges. Back: a centre cross and a scale at
 * each pointer, drawn where the pointer lands after the flip.
 *
 * Reading the offset: hold the sheet to a light with the back towards
 * you (turned over the way the mode flips it). The scale is drawn in the
 * back page's own coordinates, centred on where the pointer should be;
 * if the printer puts the back page e off, the scale's zero sits at
 * P + e while the front's pointer shows through at P, i.e. at -e on the
 * scale. -e is exactly the --back-offset that cancels e, so the number
 * read is the number to pass, with its sign. */
#include "products/cards.h"

#include <stdio.h>
#include <string.h>

#define SCALE_MM 10     /* a scale reads -10 ... +10 mm */
#define POINTER_IN 45.0 /* mm from the edge to a pointer */
#define RULER_MM 25     /* edge rulers: 0 ... 25 mm from the edge */
#define INK 0x1a1a1a

typedef struct pt {
	double x, y;
} pt;

/* The four pointers on the front: top, bottom (X), left, right (Y). */
static void pointers(const sp_card_spec *s, pt p[4])
{
	double w = s->sheet_w, h = s->sheet_h, in = MM_PT(POINTER_IN);
	p[0] = (pt){w / 2, h - in};
	p[1] = (pt){w / 2, in};
	p[2] = (pt){in, h / 2};
	p[3] = (pt){w - in, h / 2};
}

static pt flip_pt(const sp_card_spec *s, cards_duplex m, pt p)
{
	if (cards_flip_mirrors_x(s, m))
		p.x = s->sheet_w - p.x;
	else
		p.y = s->sheet_h - p.y;
	return p;
}

static void line(sp_page *pg, double x1, double y1, double x2, double y2,
                 double w)
{
	page_add_line(pg, x1, y1, x2, y2, w, INK);
}

static void cross(sp_page *pg, pt c)
{
	double a = MM_PT(15), r = MM_PT(5);
	line(pg, c.x - a, c.y, c.x + a, c.y, 0.4);
	line(pg, c.x, c.y - a, c.x, c.y + a, 0.4);
	page_add_rect(pg, c.x - r, c.y - r, 2 * r, 2 * r, RECT_STROKE, 0, INK,
	              0.4, r);
}

static void label(sp_typeset *r, sp_page *pg, const char *t, double x, double y,
                  double size, int centre)
{
	layout_span st = typeset_span(FAMILY_HEADING, 0, size, INK);
	typeset_draw_text(r, pg, &st, t, x, y,
	                  centre ? ALIGN_CENTER : ALIGN_LEFT);
}

/* A scale of ticks every millimetre, -SCALE_MM..+SCALE_MM, centred on c,
 * along x (horizontal) or y. */
static void scale(sp_typeset *r, sp_page *pg, pt c, int horizontal,
                  const char *axis)
{
	char num[16];
	for (int k = -SCALE_MM; k <= SCALE_MM; k++) {
		double len = MM_PT(k == 0 ? 7 : k % 5 == 0 ? 5 : 3);
		double o = MM_PT(k);
		if (horizontal)
			line(pg, c.x + o, c.y - len / 2, c.x + o, c.y + len / 2,
			     0.25);
		else
			line(pg, c.x - len / 2, c.y + o, c.x + len / 2, c.y + o,
			     0.25);
		if (k % 5)
			continue;
		snprintf(num, sizeof num, "%+d", k);
		if (!k)
			snprintf(num, sizeof num, "0");
		if (horizontal)
			label(r, pg, num, c.x + o, c.y - MM_PT(7), 6, 1);
		else
			label(r, pg, num, c.x + MM_PT(4.5), c.y + o - 2, 6, 0);
	}
	if (horizontal)
		label(r, pg, axis, c.x - MM_PT(SCALE_MM + 9), c.y - 3, 9, 0);
	else
		label(r, pg, axis, c.x - 3, c.y + MM_PT(SCALE_MM + 5), 9, 0);
}

/* Rulers from the middle of each edge inwards: tick k at k mm from the
 * paper's edge, so the first tick printed shows the printer's margin and
 * the labels check the scale (100%). */
static void edge_rulers(sp_typeset *r, sp_page *pg, const sp_card_spec *s)
{
	double w = s->sheet_w, h = s->sheet_h;
	char num[16];
	for (int k = 0; k <= RULER_MM; k++) {
		double len = MM_PT(k % 5 == 0 ? 4 : 2), d = MM_PT(k);
		line(pg, w / 4 - len / 2, h - d, w / 4 + len / 2, h - d, 0.25);
		line(pg, w / 4 - len / 2, d, w / 4 + len / 2, d, 0.25);
		line(pg, d, h / 4 - len / 2, d, h / 4 + len / 2, 0.25);
		line(pg, w - d, h / 4 - len / 2, w - d, h / 4 + len / 2, 0.25);
		if (k % 5 || !k)
			continue;
		snprintf(num, sizeof num, "%d", k);
		label(r, pg, num, w / 4 + MM_PT(3), h - d - 2, 5.5, 0);
		label(r, pg, num, w / 4 + MM_PT(3), d - 2, 5.5, 0);
		label(r, pg, num, d, h / 4 + MM_PT(3), 5.5, 1);
		label(r, pg, num, w - d, h / 4 + MM_PT(3), 5.5, 1);
	}
}

static void text_block(sp_typeset *r, sp_document *doc, size_t page,
                       const sp_card_spec *s, label_id title,
                       const label_id *paras)
{
	const sp_template *t = r->tpl;
	sp_flow *f = flow_new();
	layout_span ts =
	    typeset_span(FAMILY_HEADING, VARIANT_BOLD, 12, t->color_accent);
	layout_para_style ps = typeset_para_style(r, 12, 0);
	ps.align = ALIGN_CENTER;
	const sp_labels *l = &t->labels;
	tagging_block(r->tags,
	              typeset_text_para(f, labels_get(l, title), &ts, &ps), 0,
	              "H1");
	layout_span bs = typeset_span(FAMILY_BODY, 0, 9, t->color_text);
	layout_para_style pb = typeset_para_style(r, 9, 0);
	for (size_t i = 0; paras[i] != LABEL_N; i++) {
		flow_block *b =
		    typeset_text_para(f, labels_get(l, paras[i]), &bs, &pb);
		b->space_before = 5;
		tagging_block(r->tags, b, 0, "P");
	}
	double side = MM_PT(POINTER_IN - 10);
	layout_frame fr = {page, side, s->sheet_h - MM_PT(POINTER_IN + 14),
	                   s->sheet_w - 2 * side,
	                   s->sheet_h / 2 - MM_PT(POINTER_IN + 14 + 22)};
	layout_pos pos = {0, 0, 0, 0};
	int of = 0;
	layout_fit(r->eng, f, &pos, doc, &fr, &of);
	flow_free(f);
}

static const label_id front_text[] = {LABEL_CAL_STEP_PRINT, LABEL_CAL_STEP_READ,
                                      LABEL_CAL_STEP_OFFSET, LABEL_CAL_RULERS,
                                      LABEL_N};

static const label_id back_text[] = {LABEL_CAL_BACK_READ, LABEL_N};

void cards_draw_calibration(sp_typeset *r, sp_document *doc, size_t page,
                            const sp_card_spec *s, cards_duplex m, int back)
{
	sp_page *pg = &doc->pages[page];
	pt p[4];
	pointers(s, p);
	pt c = {s->sheet_w / 2, s->sheet_h / 2};
	if (!back) {
		cross(pg, c);
		double a = MM_PT(8);
		for (int i = 0; i < 2; i++)
			line(pg, p[i].x, p[i].y - a, p[i].x, p[i].y + a, 0.5);
		for (int i = 2; i < 4; i++)
			line(pg, p[i].x - a, p[i].y, p[i].x + a, p[i].y, 0.5);
		edge_rulers(r, pg, s);
		text_block(r, doc, page, s, LABEL_CAL_FRONT_TITLE, front_text);
		return;
	}
	cross(pg, flip_pt(s, m, c));
	for (int i = 0; i < 4; i++)
		scale(r, pg, flip_pt(s, m, p[i]), i < 2, i < 2 ? "X" : "Y");
	text_block(r, doc, page, s, LABEL_CAL_BACK_TITLE, back_text);
}
