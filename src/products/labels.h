/* labels.h - the fixed strings the products print ("Why they ask",
 * "Page 1 of 9", the worksheet's and cards' labels), from the template's
 * `labels:` mapping, English by default.
 *
 * A label with placeholders ({1}, {2}, {3}) gets its values filled in
 * by labels_fill(); a template's label must keep every placeholder its
 * English default has. */
#ifndef SP_PRODUCTS_LABELS_H
#define SP_PRODUCTS_LABELS_H

#include "util/diag.h"

typedef enum label_id {
	/* handbook */
	LABEL_HANDBOOK_TITLE, /* cover title when the corpus has none */
	LABEL_HANDBOOK_SUBJECT,
	LABEL_FOR_ROLE, /* {1} the role's name */
	LABEL_EDITION,  /* {1} the edition */
	LABEL_CONTENTS,
	LABEL_TOPIC_INDEX,
	LABEL_WHY,
	LABEL_ANSWER,
	LABEL_KEY_POINTS,
	LABEL_FOLLOW_UPS,
	LABEL_SEE_ALSO,
	LABEL_FRAMEWORK, /* {1} the framework's name */
	LABEL_MAKE_IT_YOURS,
	LABEL_YOUR_EXAMPLE,
	LABEL_PAGE_OF, /* {1} the page, {2} the pages */
	/* cards */
	LABEL_CARD_ANSWER,
	/* worksheet */
	LABEL_WS_TITLE,
	LABEL_WS_TITLE_INTERVIEWER,
	LABEL_WS_CANDIDATE,
	LABEL_WS_ROLE,
	LABEL_WS_DATE,
	LABEL_WS_INTERVIEWER,
	LABEL_WS_TOTAL_TIME,
	LABEL_WS_INSTRUCTIONS,
	LABEL_WS_GUIDE_CANDIDATE,
	LABEL_WS_GUIDE_INTERVIEWER,
	LABEL_WS_WHY,
	LABEL_WS_LISTEN_FOR,
	LABEL_WS_ANSWER_KEY,
	LABEL_WS_TIP,
	LABEL_WS_FOLLOW_UPS,
	LABEL_WS_STRONG,
	LABEL_WS_RED_FLAGS,
	LABEL_WS_SCORE,
	LABEL_WS_SCORE_KEY,
	LABEL_WS_NOTES,
	LABEL_WS_SCORECARD,
	LABEL_WS_QUESTION,
	LABEL_WS_MINUTES,
	LABEL_WS_SCORE_RANGE,
	LABEL_WS_TOTAL,
	LABEL_WS_OVERALL,
	LABEL_WS_COMMENTS,
	LABEL_WS_FOOT_CANDIDATE,
	LABEL_WS_FOOT_INTERVIEWER,
	LABEL_WS_TIME_N, /* {1} minutes, {2} questions (more than one) */
	LABEL_WS_TIME_1, /* {1} minutes, one question */
	LABEL_WS_STRONG_HIRE,
	LABEL_WS_HIRE,
	LABEL_WS_NO_HIRE,
	LABEL_WS_STRONG_NO_HIRE,
	LABEL_WS_CARD_LINE,    /* {1} candidate, {2} variant */
	LABEL_WS_PAGE_VARIANT, /* {1} variant, {2} page, {3} pages */
	LABEL_WS_PAGE,         /* {1} page, {2} pages */
	LABEL_WS_NO_VARIANT,
	LABEL_LEVEL_JUNIOR, /* handbook meta line */
	LABEL_LEVEL_MID,
	LABEL_LEVEL_SENIOR,
	LABEL_MIN,      /* {1} minutes, short */
	LABEL_WS_MINS,  /* {1} minutes (more than one) */
	LABEL_WS_MIN_1, /* {1} minute */
	LABEL_WS_REF,   /* {1} the question's id */
	/* cards: the guidance line of each sheet; {1} "Sheet N" or
	 * "Calibration" */
	LABEL_CARD_SHEET, /* {1} the sheet's number */
	LABEL_CARD_CALIBRATION,
	LABEL_CARD_GUIDE_FOLD,
	LABEL_CARD_GUIDE_BACKS, /* {2} the sheet's number, {3} the edge */
	LABEL_CARD_GUIDE_FRONTS,
	LABEL_CARD_GUIDE_FRONT, /* {2} the edge */
	LABEL_CARD_GUIDE_BACK,  /* {2} the edge */
	LABEL_CARD_EDGE_SHORT,
	LABEL_CARD_EDGE_LONG,
	LABEL_CARD_TURN,
	LABEL_CARD_JUNIOR, /* the level on a card's front */
	LABEL_CARD_MID,
	LABEL_CARD_SENIOR,
	/* cards --calibration: the two pages' titles and instructions */
	LABEL_CAL_FRONT_TITLE,
	LABEL_CAL_STEP_PRINT,
	LABEL_CAL_STEP_READ,
	LABEL_CAL_STEP_OFFSET,
	LABEL_CAL_RULERS,
	LABEL_CAL_BACK_TITLE,
	LABEL_CAL_BACK_READ,
	LABEL_CAL_DOC_TITLE,   /* the calibration PDF's title */
	LABEL_CARDS_DOC_TITLE, /* a deck's PDF title when the corpus has none */
	LABEL_CARDS_DOC_SUBJECT,
	LABEL_N
} label_id;

/* A template's labels: NULL = the English default. Owned strings. */
typedef struct sp_labels {
	char *v[LABEL_N];
} sp_labels;

void labels_free(sp_labels *l);
/* The label (static or owned by l; never NULL). l may be NULL. */
const char *labels_get(const sp_labels *l, label_id id);
/* The label with {1}, {2}, {3} replaced by a1, a2, a3 (NULL = ""),
 * newly allocated. */
char *labels_fill(const sp_labels *l, label_id id, const char *a1,
                  const char *a2, const char *a3);

/* Read the template's `labels:` mapping (a ytree node) into l, reporting
 * at the node's location in file: a value that is not a single value,
 * an unknown key (with "did you mean"), a key given twice, a label that
 * lost one of its placeholders. */
struct ynode;
void labels_read(sp_labels *l, const struct ynode *map, const char *file,
                 sp_diag *d);

#endif
