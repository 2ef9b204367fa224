/* marks.h - difficulty marks on questions of Markdown guides: emoji such
 * as 👶 ⭐ 🚀 (explained by a legend paragraph, or these three by
 * default: junior, mid, senior) and words such as "(easy)" or "[hard]".
 * Used by guide_md.c. */
#ifndef SP_IMPORT_MARKS_H
#define SP_IMPORT_MARKS_H

#include <stddef.h>

#define MARKS_MAX 16

typedef struct imp_marks {
	struct {
		char sym[24];      /* the emoji, without variation selectors */
		const char *level; /* "junior", "mid", "senior" */
	} v[MARKS_MAX];
	size_t n;
	int legend; /* 1 when a legend gave them */
} imp_marks;

/* The default marks (👶 junior, ⭐ mid, 🚀 senior). */
void imp_marks_init(imp_marks *m);
/* A legend paragraph (plain text): 1 when it maps at least two marks
 * to levels (then they replace the defaults); a summary ("👶 junior,
 * ⭐ mid") in *summary (malloc'd). */
int imp_marks_legend(imp_marks *m, const char *text, char **summary);
/* Take the marks off the start and end of a question: the text without
 * them (malloc'd), the level they give in *level (or NULL), the marks
 * that mean nothing in *unknown (malloc'd, "" when none). */
char *imp_marks_strip(const imp_marks *m, const char *text, const char **level,
                      char **unknown);

#endif
