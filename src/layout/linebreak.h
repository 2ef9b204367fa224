/* linebreak.h - Knuth-Plass total-fit line breaking over boxes, glue and
 * penalties (private to the paragraph engine and its tests). */
#ifndef SP_LAYOUT_LINEBREAK_H
#define SP_LAYOUT_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

enum { IT_BOX, IT_GLUE, IT_PEN };

#define LB_INF_PENALTY 10000
#define LB_INF_BAD 10000

typedef struct lb_item {
	uint8_t type;    /* IT_BOX, IT_GLUE, IT_PEN */
	uint8_t flagged; /* penalty: a hyphen break (consecutive-hyphen cost) */
	uint8_t hyph;    /* penalty: from hyphenation patterns (pass 2 on) */
	int penalty;     /* penalty value; <= -10000 forces a break */
	uint32_t count;  /* box: visible grapheme clusters */
	double w, y, z;  /* width, stretch, shrink, points */
	uint32_t c0, c1; /* box/glue: clusters [c0, c1); penalty: c0 = the
	                  * cluster before the break */
} lb_item;

typedef struct lb_items {
	lb_item *v;
	size_t n, cap;
} lb_items;

typedef struct lb_params {
	double first_width;    /* width of the first line, points */
	double width;          /* width of the other lines */
	double finish_stretch; /* ragged: stretch of the line-end glue */
	double tolerance;      /* highest badness accepted */
	int use_hyph;          /* pattern hyphenation points are breakpoints */
	int final_pass;        /* any badness; a line holding one grapheme may
	                        * be overfull (nothing else can be done) */
	double emergency_stretch; /* added to every line's stretch when its
	                           * badness is judged (TeX's
	                           * \emergencystretch), points; the line is
	                           * still set with its own glue */
	double max_ratio;  /* > 0: a line that would stretch its glue by more
	                    * than this ratio is infeasible (but in the final
	                    * pass) */
	size_t active_cap; /* give up (return -2) beyond this many actives */
	double line_penalty, double_hyphen_demerits, final_hyphen_demerits,
	    adj_demerits;
} lb_params;

void lb_params_default(lb_params *p);

/* Total fit. On success sets *breaks (malloc'd; item index ending each
 * line, the last is n - 1) and returns the number of lines. Returns -1
 * when no set of feasible breaks exists, -2 when the active list grew
 * beyond the cap. The list must end with a forced break. */
long lb_total_fit(const lb_items *it, const lb_params *p, size_t **breaks);
/* First fit, for comparison and as the fallback of huge paragraphs: never
 * overfull except for a line of one grapheme. */
long lb_greedy(const lb_items *it, const lb_params *p, size_t **breaks);

/* First item of the line after a break at item b. */
size_t lb_line_start(const lb_items *it, size_t b);
/* Glue-setting ratio of the line of items [s, e) broken at e, for a
 * justified line of `width` points; 0 when the line ends with a forced
 * break and fits. */
double lb_ratio(const lb_items *it, size_t s, size_t e, double width,
                int justify);

#endif
