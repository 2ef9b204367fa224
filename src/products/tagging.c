/* tagging.c - the structure tree a product builds beside its flow (see
 * tagging.h). */
#include "products/tagging.h"

#include <string.h>

#include "layout/page.h"

void tagging_begin(typeset_tags *t, const char *lang)
{
	if (!t)
		return;
	doc_struct_free(t->st);
	t->st = doc_struct_new();
	doc_struct_set_doc_lang(t->st, lang);
	t->parent = STRUCT_ROOT;
}

void tagging_finish(typeset_tags *t, sp_document *doc)
{
	if (!t || !doc)
		return;
	doc_set_struct(doc, t->st);
	t->st = NULL;
	t->parent = STRUCT_ROOT;
}

void tagging_free(typeset_tags *t)
{
	if (!t)
		return;
	doc_struct_free(t->st);
	t->st = NULL;
}

uint32_t tagging_add(typeset_tags *t, uint32_t parent, const char *role)
{
	if (!t || !t->st)
		return 0;
	return doc_struct_add(t->st, parent ? parent : t->parent, role);
}

uint32_t tagging_block(typeset_tags *t, flow_block *b, uint32_t parent,
                       const char *role)
{
	uint32_t e = tagging_add(t, parent, role);
	if (b)
		b->se = e;
	return e;
}

uint32_t tagging_list_item(typeset_tags *t, flow_block *b, uint32_t list,
                           int label)
{
	uint32_t li = tagging_add(t, list, "LI");
	if (b && b->marker.text && t && t->st)
		b->se_marker =
		    label ? tagging_add(t, li, "Lbl") : STRUCT_LAYOUT;
	return tagging_block(t, b, li, "LBody");
}

uint32_t tagging_heading(typeset_tags *t, flow_block *b, uint32_t parent,
                         const char *role)
{
	uint32_t h = tagging_block(t, b, parent, role);
	if (b && b->marker.text && b->marker.len)
		b->se_marker = tagging_add(t, h, "Lbl");
	return h;
}

uint32_t tagging_parent(typeset_tags *t, uint32_t parent)
{
	if (!t)
		return 0;
	uint32_t was = t->parent;
	t->parent = parent;
	return was;
}

void tagging_role(typeset_tags *t, uint32_t id, const char *role)
{
	if (!t || !t->st || id < 1 || id >= t->st->n)
		return;
	doc_elem *e = &t->st->elems[id];
	memset(e->role, 0, sizeof e->role);
	size_t n = strlen(role);
	memcpy(e->role, role, n > STRUCT_ROLE_MAX ? STRUCT_ROLE_MAX : n);
}
