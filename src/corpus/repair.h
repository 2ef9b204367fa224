/* repair.h - accept `key: text: with colons` (internal).
 *
 * YAML does not allow ": " inside a plain scalar, but the format page's
 * own example has one (`summary: Answer with a story: **S**ituation`).
 * When a file fails to parse for that reason, the loader quotes such
 * values (same lines, same key columns) and parses again. */
#ifndef SP_CORPUS_REPAIR_H
#define SP_CORPUS_REPAIR_H

#include <stddef.h>

#include "corpus/ytree.h"

typedef struct yrepair {
	char *data; /* the repaired text */
	size_t len;
	unsigned *at; /* (line, col) pairs of the quoted values, sorted */
	size_t n, cap;
} yrepair;

/* 0 and a repaired copy in r, or -1 if no line needed quoting. */
int yrepair_colons(yrepair *r, const char *data, size_t len);
/* Give the quoted values back their plain style (for positions). */
void yrepair_restyle(const yrepair *r, ytree *t);
void yrepair_free(yrepair *r);

#endif
