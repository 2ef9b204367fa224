/* struct.h - the logical structure of a document (for tagged PDF).
 *
 * Products decide what their blocks mean: they build a tree of structure
 * elements (a role such as "H2", "P", "LI", a parent, optional language
 * and replacement texts) while composing a flow, and every text item the
 * layout makes carries the id of the element it belongs to (page_text.se,
 * from flow_block.se). The PDF device turns this into marked content and
 * the structure tree; it never guesses roles.
 *
 * Ids: 1 is the root ("Document"), made by doc_struct_new; every other
 * element gets the next id. Items with se 0 are artifacts: STRUCT_ARTIFACT
 * (running heads, page numbers: pagination) or STRUCT_LAYOUT (furniture
 * such as card labels). Lines and rectangles are always layout artifacts.
 * The reading order of elements is their order of creation among
 * siblings; an element without content is left out. */
#ifndef SP_LAYOUT_STRUCT_H
#define SP_LAYOUT_STRUCT_H

#include <stddef.h>
#include <stdint.h>

#define STRUCT_ARTIFACT 0u        /* a pagination artifact */
#define STRUCT_LAYOUT 0xFFFFFFFFu /* a layout artifact */
#define STRUCT_ROOT 1u            /* the Document element */
#define STRUCT_ROLE_MAX 15        /* bytes of a role name */

typedef struct doc_elem {
	char role[STRUCT_ROLE_MAX + 1]; /* "P", "H2", "Aside" (role-mapped) */
	uint32_t parent;                /* 0 for the root */
	char *lang;                     /* BCP 47 tag, or NULL = inherited */
	char *alt;    /* alternate description (UTF-8), or NULL */
	char *actual; /* replacement text (UTF-8), or NULL */
} doc_elem;

typedef struct doc_struct {
	doc_elem *elems; /* [n]; elems[0] is unused */
	size_t n, cap;
	char *lang; /* the document's language, or NULL */
} doc_struct;

doc_struct *doc_struct_new(void);
void doc_struct_free(doc_struct *s);
/* A new element under parent (0 or an unknown id = the root); returns its
 * id. s may be NULL: then 0 (nothing is tagged). */
uint32_t doc_struct_add(doc_struct *s, uint32_t parent, const char *role);
/* Set an element's language, alternate text or replacement text (copied;
 * NULL clears). Unknown ids are ignored. */
void doc_struct_set_lang(doc_struct *s, uint32_t id, const char *lang);
void doc_struct_set_alt(doc_struct *s, uint32_t id, const char *alt);
void doc_struct_set_actual(doc_struct *s, uint32_t id, const char *text);
void doc_struct_set_doc_lang(doc_struct *s, const char *lang);
/* The element id, or NULL when id is not an element of s. */
const doc_elem *doc_struct_get(const doc_struct *s, uint32_t id);

#endif
