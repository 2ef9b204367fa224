/* ytree.h - a small YAML node tree built from libyaml events (internal).
 *
 * Every node carries its 1-based line and column (column in characters).
 * Aliases are resolved by reference: an alias node points at the anchored
 * node, which is shared, never copied. All nodes, their strings and item
 * arrays are owned by the tree, in one arena freed at once.
 * Building is iterative and enforces the nesting, alias and node limits. */
#ifndef SP_CORPUS_YTREE_H
#define SP_CORPUS_YTREE_H

#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"

typedef enum yn_kind { YN_SCALAR, YN_SEQ, YN_MAP } yn_kind;

typedef enum yn_style {
	YS_PLAIN,
	YS_SINGLE,
	YS_DOUBLE,
	YS_LITERAL, /* | */
	YS_FOLDED   /* > */
} yn_style;

typedef struct ynode {
	yn_kind kind;
	yn_style style;       /* scalars */
	unsigned line, col;   /* 1-based; col in characters */
	char *str;            /* scalars: NUL-terminated value */
	size_t len;           /* scalars: bytes */
	struct ynode **items; /* seq: n items; map: n/2 pairs (key, value) */
	size_t n, cap;
	size_t weight; /* nodes reachable, counting through aliases */
	int is_null;   /* plain scalar "", "~", "null", "Null", "NULL" */
	/* scalars: the position just after the value as written (after a
	 * closing quote; before a comment) */
	unsigned end_line, end_col;
} ynode;

/* A message found while building: SP_ERROR, or an SP_NOTE right after
 * its error (such as where an unterminated string's file ends); 1-based
 * position, message text. */
typedef void (*ytree_errfn)(void *ctx, sp_severity sev, unsigned line,
                            unsigned col, const char *msg);

typedef struct ytree {
	ynode **nodes; /* every node allocated, in order */
	size_t nnodes, cap;
	sp_arena arena;           /* the nodes, their strings and item arrays */
	ynode *root;              /* NULL for an empty stream */
	size_t ndocs;             /* documents in the stream */
	unsigned second_doc_line; /* line of the second document, if any */
} ytree;

/* Parse data (valid UTF-8, no BOM) into t. Returns 0, or -1 after
 * reporting one error (and perhaps a note) through err (the tree is then
 * partial; free it). libyaml's messages for the two mistakes people make
 * most are replaced: a tab in the indentation is reported at that tab,
 * and an unterminated quoted string where its quote opens. */
int ytree_parse(ytree *t, const char *data, size_t len, ytree_errfn err,
                void *ctx);
void ytree_free(ytree *t);

/* Map lookups: number of pairs, i-th key and value. */
#define YN_PAIRS(n) ((n)->n / 2)
#define YN_KEY(n, i) ((n)->items[2 * (i)])
#define YN_VAL(n, i) ((n)->items[2 * (i) + 1])

const char *ynode_kind_name(const ynode *n); /* "text", "list", "mapping" */

#endif
