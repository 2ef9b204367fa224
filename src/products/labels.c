/* labels.c - see labels.h. */
#include "products/labels.h"

#include <stdlib.h>
#include <string.h>

#include "corpus/text.h"
#include "corpus/ytree.h"
#include "util/buf.h"
#include "util/mem.h"

#define MIDDOT " \xC2\xB7 "

/* key in the template, English default; in label_id order */
static const struct label_def {
	const char *key;
	const char *text;
} defs[LABEL_N] = {
    {"handbook-title", "Interview handbook"},
    {"handbook-subject", "Interview study handbook"},
    {"for-role", "For the {1}"},
    {"edition", "Edition {1}"},
    {"contents", "Contents"},
    {"topic-index", "Topic index"},
    {"why", "Why they ask"},
    {"answer", "Model answer"},
    {"key-points", "Key points"},
    {"follow-ups", "Follow-up questions"},
    {"see-also", "See also"},
    {"framework", "Framework: {1}"},
    {"make-it-yours", "Make it yours"},
    {"your-example", "Your example"},
    {"page-of", "Page {1} of {2}"},
    {"card-answer", "Answer"},
    {"worksheet-title", "Mock interview worksheet"},
    {"worksheet-title-interviewer", "Mock interview: interviewer edition"},
    {"candidate", "Candidate"},
    {"role", "Role"},
    {"date", "Date"},
    {"interviewer", "Interviewer"},
    {"total-time", "Total time"},
    {"instructions", "Instructions"},
    {"guide-candidate",
     "Answer each question in the space below it, in note form: you will "
     "talk your answers through. The minutes next to each question are a "
     "guide; the whole worksheet is planned for {1} minutes. For a story "
     "question, use the STAR boxes (Situation, Task, Action, Result) and "
     "tell one real story. For a problem, work through the named steps in "
     "order."},
    {"guide-interviewer",
     "Ask the questions in this order. Tick the key points you hear and "
     "the rubric signals you notice, score each question from 1 (weak) to "
     "5 (excellent), and total the scores on the scorecard at the end. "
     "This edition is for the interviewer only: do not show it to the "
     "candidate."},
    {"why-we-ask", "Why we ask"},
    {"listen-for", "Listen for (tick what you hear)"},
    {"answer-key", "Answer key"},
    {"tip", "Tip"},
    {"worksheet-follow-ups", "Follow-ups"},
    {"strong-signals", "Strong signals"},
    {"red-flags", "Red flags"},
    {"score", "Score"},
    {"score-key", "1 weak" MIDDOT "2 below the bar" MIDDOT
                  "3 meets the bar" MIDDOT "4 strong" MIDDOT "5 excellent"},
    {"notes", "Notes"},
    {"scorecard", "Scorecard"},
    {"question", "Question"},
    {"minutes", "Minutes"},
    {"score-range", "Score (1-5)"},
    {"total", "Total"},
    {"overall", "Overall recommendation"},
    {"comments", "Comments"},
    {"footer-candidate", "Candidate worksheet"},
    {"footer-interviewer", "Interviewer edition"},
    {"total-time-value", "{1} minutes, {2} questions"},
    {"total-time-value-one", "{1} minutes, {2} question"},
    {"strong-hire", "Strong hire"},
    {"hire", "Hire"},
    {"no-hire", "No hire"},
    {"strong-no-hire", "Strong no hire"},
    {"scorecard-line", "Candidate: {1}" MIDDOT "Variant {2}"},
    {"footer-page-variant", "Variant {1}" MIDDOT "page {2} of {3}"},
    {"footer-page", "page {1} of {2}"},
    {"no-variant", "none"},
    {"level-junior", "Junior level"},
    {"level-mid", "Mid level"},
    {"level-senior", "Senior level"},
    {"minutes-short", "{1} min"},
    {"question-minutes", "{1} minutes"},
    {"question-minutes-one", "{1} minute"},
    {"ref", "ref {1}"},
    {"card-sheet", "Sheet {1}"},
    {"card-calibration", "Calibration"},
    {"card-guide-fold", "{1}" MIDDOT "Print at 100% (actual size), "
                        "single-sided" MIDDOT "cut out each pair, fold on "
                        "the dashed line"},
    {"card-guide-backs", "{1} back" MIDDOT "Print at 100% (actual size) on "
                         "the back of sheet {2}'s fronts, turned over on "
                         "the {3} edge"},
    {"card-guide-fronts", "{1} front" MIDDOT "Print at 100% (actual size), "
                          "single-sided (fronts only)"},
    {"card-guide-front", "{1} front" MIDDOT "Print at 100% (actual size), "
                         "duplex, flip on {2} edge"},
    {"card-guide-back", "{1} back" MIDDOT "Print at 100% (actual size), "
                        "duplex, flip on {2} edge"},
    {"card-edge-short", "short"},
    {"card-edge-long", "long"},
    {"card-turn", "turn cards over top to bottom"},
    {"card-junior", "junior"},
    {"card-mid", "mid"},
    {"card-senior", "senior"},
    {"calibration-front", "Duplex calibration: front"},
    {"calibration-print",
     "1. Print both pages exactly as you will print the cards: 100% "
     "(actual size), the same paper tray, and the same duplex setting "
     "(pass the same --duplex to this command)."},
    {"calibration-read",
     "2. Hold the sheet to a light with the back towards you, its text "
     "upright, and read where each line of this side crosses the scale on "
     "the back: X on the top and bottom scales, Y on the left and right "
     "ones. If the two readings of an axis differ, take their average."},
    {"calibration-offset",
     "3. Print the cards with --back-offset X,Y (millimetres, signs "
     "included). Printing this sheet again with the same option should "
     "read 0,0."},
    {"calibration-rulers",
     "The short rulers measure from the paper's edges: the first tick "
     "printed shows the printer's margin, and 10 must be 10 mm."},
    {"calibration-back", "Duplex calibration: back"},
    {"calibration-back-read",
     "Read where the lines of the front cross these scales (hold the "
     "sheet to a light). Pass the readings as --back-offset X,Y "
     "(millimetres): X from the top and bottom scales, Y from the left and "
     "right ones."},
    {"calibration-title", "Duplex calibration"},
    {"cards-title", "Interview flashcards"},
    {"cards-subject", "Flashcards"},
};

void labels_free(sp_labels *l)
{
	for (int i = 0; i < LABEL_N; i++) {
		free(l->v[i]);
		l->v[i] = NULL;
	}
}

const char *labels_get(const sp_labels *l, label_id id)
{
	if (l && l->v[id])
		return l->v[id];
	return defs[id].text;
}

char *labels_fill(const sp_labels *l, label_id id, const char *a1,
                  const char *a2, const char *a3)
{
	const char *args[3] = {a1, a2, a3};
	const char *s = labels_get(l, id);
	sp_buf b = SP_BUF_INIT;
	while (*s) {
		if (s[0] == '{' && s[1] >= '1' && s[1] <= '3' && s[2] == '}') {
			const char *a = args[s[1] - '1'];
			buf_puts(&b, a ? a : "");
			s += 3;
		} else {
			buf_putc(&b, *s++);
		}
	}
	return buf_detach(&b);
}

/* Every {N} of the English default is in s too. */
static int keeps_placeholders(label_id id, const char *s, char *missing)
{
	const char *def = defs[id].text;
	for (const char *p = strchr(def, '{'); p; p = strchr(p + 1, '{')) {
		char ph[4] = {p[0], p[1], p[2], 0};
		if (!strstr(s, ph)) {
			strcpy(missing, ph);
			return 0;
		}
	}
	return 1;
}

static void unknown_label(const ynode *k, const char *file, sp_diag *d)
{
	const char *best = NULL;
	size_t bd = (size_t)-1;
	for (int i = 0; i < LABEL_N; i++) {
		size_t dd = text_distance(k->str, defs[i].key);
		if (dd < bd) {
			bd = dd;
			best = defs[i].key;
		}
	}
	sp_loc loc = sp_loc_make(file, k->line, k->col);
	size_t limit = strlen(k->str) <= 3 ? 1 : 2;
	if (best && bd > 0 && bd <= limit)
		diag_error(d, loc, "unknown label '%.60s' (did you mean '%s'?)",
		           k->str, best);
	else
		diag_error(d, loc,
		           "unknown label '%.60s' (the labels are listed in "
		           "templates/default.yaml)",
		           k->str);
}

static int find_label(const char *key)
{
	for (int i = 0; i < LABEL_N; i++)
		if (!strcmp(defs[i].key, key))
			return i;
	return -1;
}

/* One `key: value` of the mapping; seen[] the first key node of each. */
static void read_one(sp_labels *l, const ynode *k, const ynode *v,
                     const ynode **seen, const char *file, sp_diag *d)
{
	if (k->kind != YN_SCALAR) {
		diag_error(d, sp_loc_make(file, k->line, k->col),
		           "a key must be a string");
		return;
	}
	int id = find_label(k->str);
	if (id < 0) {
		unknown_label(k, file, d);
		return;
	}
	if (seen[id]) {
		diag_error(d, sp_loc_make(file, k->line, k->col),
		           "duplicate key '%.60s' in labels (first at line %u)",
		           k->str, seen[id]->line);
		return;
	}
	seen[id] = k;
	sp_loc vloc = sp_loc_make(file, v->line, v->col);
	char missing[4];
	if (v->kind != YN_SCALAR || v->is_null || !*v->str)
		diag_error(d, vloc, "label '%s' must be a text", k->str);
	else if (!keeps_placeholders((label_id)id, v->str, missing))
		diag_error(d, vloc,
		           "label '%s' must keep '%s' (where the value goes)",
		           k->str, missing);
	else
		l->v[id] = xstrdup(v->str);
}

void labels_read(sp_labels *l, const ynode *map, const char *file, sp_diag *d)
{
	if (map->kind != YN_MAP) {
		diag_error(d, sp_loc_make(file, map->line, map->col),
		           "'labels' must be a mapping");
		return;
	}
	const ynode *seen[LABEL_N] = {0};
	for (size_t i = 0; i < map->n / 2; i++)
		read_one(l, map->items[2 * i], map->items[2 * i + 1], seen,
		         file, d);
}
