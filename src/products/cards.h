/* cards.h - flashcard sheets: questions + template -> duplex-correct,
 * cut-ready pages of cards.
 *
 * cards_geom.c: presets, sheet geometry, slots, and where a card's back
 * lands for each way of printing. cards_sheet.c: what is drawn on a sheet
 * around the cards (crop marks or a grid, fold lines, the guidance line).
 * cards_calib.c: the calibration sheet. cards_face.c: the faces and
 * fitting text into them. cards.c: the deck: sheets, pages, summary.
 *
 * Coordinates are page-model points from the bottom-left corner, y up.
 *
 * How the back lands behind the front. Let the sheet be W x H; a card's
 * front occupies (x, y, w, h) on the front page. Turning the printed
 * sheet over about an axis maps a point of the front side to the back
 * side's page coordinates (the back page as the printer draws it, which
 * reads upright once the sheet is turned over that way):
 *   - about a vertical axis (long-edge flip of a portrait sheet, short-edge
 *     flip of a landscape one): (x, y) -> (W - x, y), so the back of the
 *     card is drawn at (W - x - w, y): columns mirror, rows stay;
 *   - about a horizontal axis (short-edge flip of a portrait sheet,
 *     long-edge flip of a landscape one): (x, y) -> (x, H - y), so the
 *     back is drawn at (x, H - y - h): rows mirror, columns stay.
 * The back is drawn upright on its page in both cases. Its text therefore
 * reads upright when the cut card is turned over about the same axis as
 * the sheet: sideways (like a book page) after a flip about a vertical
 * axis, top over bottom (like a wall calendar) after a flip about a
 * horizontal axis. Turning a short-edge card sideways instead shows the
 * back upside down; the guidance line on every page says which way to
 * turn. (Drawing short-edge backs rotated by 180 degrees, so that every
 * card turns sideways, needs rotated text in the page model.)
 *
 * fold: front and back side by side on one page, single-sided. Folding
 * the back under about the fold line (the middle of the gap between
 * them) maps it exactly behind the front, upright; cards fold like a
 * book page when paired left-right, top over bottom when a sheet has a
 * single column and pairs are stacked. */
#ifndef SP_PRODUCTS_CARDS_H
#define SP_PRODUCTS_CARDS_H

#include <stddef.h>
#include <stdio.h>

#include "corpus/corpus.h"
#include "products/typeset.h"
#include "products/template.h"

typedef enum cards_duplex {
	CARDS_LONG_EDGE = 0, /* duplex, flip on the long edge (default) */
	CARDS_SHORT_EDGE,    /* duplex, flip on the short edge */
	CARDS_NONE,          /* single-sided: fronts only (or backs only) */
	CARDS_FOLD           /* single-sided, front and back side by side */
} cards_duplex;

typedef struct cards_box {
	double x, y, w, h; /* lower-left corner and size, points */
} cards_box;

/* ---- geometry (cards_geom.c) ---- */

/* A preset's geometry (sheet size included; margins resolved). Returns 0,
 * or -1 for an unknown name. */
int cards_preset(const char *name, sp_card_spec *out);
/* "letter-3x5, a4-8, letter-8, a4-a6, letter-business" */
const char *cards_preset_names(void);
/* Parse --duplex: 0 or -1. */
int cards_duplex_parse(const char *s, cards_duplex *out);
const char *cards_duplex_name(cards_duplex m);

/* Resolve margins (< 0 = centre the grid) and check the spec: cards of
 * positive size, at least one row and column, the grid inside the
 * sheet. Returns 0, or -1 with a reason in *why (static string). */
int cards_geom_resolve(sp_card_spec *s, const char **why);

/* 1 when the back of a card is mirrored left-right (sheet turned about a
 * vertical axis), 0 when top-bottom; see the comment at the top. */
int cards_flip_mirrors_x(const sp_card_spec *s, cards_duplex m);

/* Where the back of a card whose front is at *front lands, in the back
 * page's coordinates (duplex modes; for none, as for long-edge). */
void cards_flip_box(const sp_card_spec *s, cards_duplex m,
                    const cards_box *front, cards_box *back);

/* Cards per sheet in mode m (fold: front/back pairs), 0 when the mode
 * cannot be used with this geometry (fold with a single card). */
int cards_per_sheet(const sp_card_spec *s, cards_duplex m);

/* Slot i of a sheet (0-based, row by row from the top left): the front's
 * box on the front page and the back's box (on the back page, or for
 * fold on the same page). */
void cards_slot(const sp_card_spec *s, cards_duplex m, int i, cards_box *front,
                cards_box *back);

/* In fold mode: 1 when pairs are side by side (fold line vertical), 0
 * when stacked (fold line horizontal). */
int cards_fold_vertical(const sp_card_spec *s);

/* ---- one question's card (cards_face.c) ---- */

typedef struct cards_card cards_card;

/* The question on the front starts at this multiple of the template's
 * card size (display text); everything else starts at the card size. */
#define CARDS_FRONT_SCALE 1.25

/* Limits: a question continues on at most CARDS_MAX_PARTS cards; a face
 * with more than CARDS_MAX_FACE_BYTES of text is refused without layout
 * (it could never fit). Both are errors naming the question. */
#define CARDS_MAX_PARTS 20
#define CARDS_MAX_FACE_BYTES (64u * 1024)

/* Build and fit the card of question q, numbered `number`, for cards of
 * w x h points. Returns NULL when the card is too small for any text. */
cards_card *cards_card_new(sp_typeset *r, const sp_corpus *c,
                           const sp_question *q, size_t number, double w,
                           double h);
void cards_card_free(cards_card *k);
/* Physical cards it takes (1 unless continued); more than
 * CARDS_MAX_PARTS when it is too long for cards. */
int cards_card_parts(const cards_card *k);
/* Body text sizes chosen for the front and the back, points. */
void cards_card_sizes(const cards_card *k, double *front, double *back);
/* Draw part `part` (1-based) of the front (back = 0) or the back into
 * box on doc's page. */
/* The structure being built that a card's faces are tagged into. */
typeset_tags *cards_card_tags(const cards_card *k);
void cards_card_draw(const cards_card *k, int part, int back, sp_document *doc,
                     size_t page, const cards_box *box);

/* ---- options and the deck (cards.c) ---- */

typedef struct cards_opts {
	cards_duplex duplex;
	int backs_only;            /* print the back pages only */
	double offset_x, offset_y; /* --back-offset, points, back pages */
	int calibration;           /* print the calibration sheet instead */
	int grid;                  /* dashed grid instead of crop marks */
	int strict_fit;            /* a continued card is an error */
	const char *layout_name;   /* preset or "custom", for messages */
} cards_opts;

/* One face of one physical card, as placed (for --dump-layout and tests). */
typedef struct cards_face {
	size_t number;   /* 1-based card number (position in the selection) */
	const char *id;  /* question id (borrowed from the corpus) */
	int part, parts; /* 1-based part, number of physical cards */
	int back;        /* 0 front, 1 back */
	size_t page;     /* page index */
	cards_box box;   /* the card's box on that page, after any offset */
} cards_face;

typedef struct cards_fit {
	size_t number;
	const char *id;
	double front_size, back_size; /* text sizes chosen, points */
	int parts;                    /* physical cards used */
	sp_loc loc;
} cards_fit;

typedef struct cards_deck {
	sp_document *doc; /* owned */
	cards_face *faces;
	size_t nfaces, cap_faces;
	cards_fit *fits; /* one per question */
	size_t nfits;
	size_t ncards; /* physical cards */
	size_t nsheets;
} cards_deck;

/* Lay out the cards of the selected questions (indexes into
 * c->questions) on sheets of geometry s (resolved). Continued cards are
 * warnings, or errors with strict_fit (reported through r->d). Returns
 * the deck (free with cards_deck_free), or NULL on error. */
cards_deck *cards_build(sp_typeset *r, const sp_corpus *c, const size_t *sel,
                        size_t nsel, const sp_card_spec *s,
                        const cards_opts *o);
/* The two-page calibration sheet. */
cards_deck *cards_calibration(sp_typeset *r, const sp_card_spec *s,
                              const cards_opts *o);
void cards_deck_free(cards_deck *d);

/* The summary for stderr: counts, then the cards shrunk or continued. */
void cards_summary(const cards_deck *d, const sp_template *t,
                   const sp_card_spec *s, const cards_opts *o, FILE *f);
/* One line per placed face, after the page-model dump:
 *   card NUMBER front|back PAGE X Y W H PART PARTS "id" */
void cards_dump_faces(const cards_deck *d, FILE *f);

/* ---- sheet furniture (cards_sheet.c) ---- */

/* Crop marks (or a dashed grid) around the boxes of one page; fold lines
 * between pairs in fold mode. boxes: every slot's box on this page. */
void cards_draw_cut_marks(sp_page *pg, const cards_box *boxes, size_t n,
                          const sp_card_spec *s, cards_duplex m, int grid);
/* The guidance line in the sheet margin, placed clear of the crop marks. */
void cards_draw_guidance(sp_typeset *r, sp_page *pg, const cards_box *boxes,
                         size_t n, const char *text);
/* Shift everything on a page by (dx, dy). */
void cards_shift_page(sp_page *pg, double dx, double dy);
/* Draw the calibration front (back = 0) or back on doc's page. */
void cards_draw_calibration(sp_typeset *r, sp_document *doc, size_t page,
                            const sp_card_spec *s, cards_duplex m, int back);

#endif
