/* tagging.h - how products say what their blocks mean: the structure
 * tree (layout/struct.h) being built beside a flow, and helpers that
 * make an element and give it to a block.
 *
 * A product calls tagging_begin before composing a flow (each layout
 * pass builds its flow again), tags its blocks while composing, and
 * gives the tree to the finished document with tagging_finish. Elements
 * made under parent 0 go under the current parent (tagging_parent). */
#ifndef SP_PRODUCTS_TAGGING_H
#define SP_PRODUCTS_TAGGING_H

#include <stdint.h>

#include "layout/flow.h"
#include "layout/struct.h"

typedef struct typeset_tags {
	doc_struct *st;  /* owned until tagging_finish */
	uint32_t parent; /* where typeset_rich_text and friends put theirs */
} typeset_tags;

/* Starts a new tree (dropping an unfinished one) in language lang (may be
 * NULL). */
void tagging_begin(typeset_tags *t, const char *lang);
/* Gives the tree to doc (replacing its own) and forgets it. */
void tagging_finish(typeset_tags *t, sp_document *doc);
void tagging_free(typeset_tags *t);
/* A new element under parent (0 = t->parent); 0 when t is NULL. */
uint32_t tagging_add(typeset_tags *t, uint32_t parent, const char *role);
/* A new element under parent that b's text belongs to. */
uint32_t tagging_block(typeset_tags *t, flow_block *b, uint32_t parent,
                       const char *role);
/* b as a list item: LI under list, the text its LBody, the marker its Lbl
 * when label (a number), else an artifact (a bullet or a tick box: a
 * reader announces list items itself). Returns the LBody. */
uint32_t tagging_list_item(typeset_tags *t, flow_block *b, uint32_t list,
                           int label);
/* A heading whose marker (a number) is its Lbl. */
uint32_t tagging_heading(typeset_tags *t, flow_block *b, uint32_t parent,
                         const char *role);
/* Gives element id another role. */
void tagging_role(typeset_tags *t, uint32_t id, const char *role);
/* Sets the parent for what follows; returns the previous one. */
uint32_t tagging_parent(typeset_tags *t, uint32_t parent);

#endif
