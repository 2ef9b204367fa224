/* struct.c - the logical structure of a document: a tree of elements
 * kept as an array in creation order (see struct.h). */
#include "layout/struct.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

doc_struct *doc_struct_new(void)
{
	doc_struct *s = xcalloc(1, sizeof *s);
	s->n = 1; /* elems[0] is not an element */
	doc_struct_add(s, 0, "Document");
	return s;
}

void doc_struct_free(doc_struct *s)
{
	if (!s)
		return;
	for (size_t i = 1; i < s->n; i++) {
		free(s->elems[i].lang);
		free(s->elems[i].alt);
		free(s->elems[i].actual);
	}
	free(s->elems);
	free(s->lang);
	free(s);
}

uint32_t doc_struct_add(doc_struct *s, uint32_t parent, const char *role)
{
	if (!s || s->n >= 0xFFFFFFF0u)
		return 0;
	s->elems = xgrow(s->elems, &s->cap, s->n + 1, sizeof *s->elems);
	doc_elem *e = &s->elems[s->n];
	memset(e, 0, sizeof *e);
	size_t n = strlen(role);
	memcpy(e->role, role, n > STRUCT_ROLE_MAX ? STRUCT_ROLE_MAX : n);
	if (s->n > 1)
		e->parent = parent >= 1 && parent < s->n ? parent : STRUCT_ROOT;
	return (uint32_t)s->n++;
}

static void set(char **slot, const char *v)
{
	free(*slot);
	*slot = v ? xstrdup(v) : NULL;
}

static doc_elem *elem(doc_struct *s, uint32_t id)
{
	return s && id >= 1 && id < s->n ? &s->elems[id] : NULL;
}

void doc_struct_set_lang(doc_struct *s, uint32_t id, const char *lang)
{
	doc_elem *e = elem(s, id);
	if (e)
		set(&e->lang, lang);
}

void doc_struct_set_alt(doc_struct *s, uint32_t id, const char *alt)
{
	doc_elem *e = elem(s, id);
	if (e)
		set(&e->alt, alt);
}

void doc_struct_set_actual(doc_struct *s, uint32_t id, const char *text)
{
	doc_elem *e = elem(s, id);
	if (e)
		set(&e->actual, text);
}

void doc_struct_set_doc_lang(doc_struct *s, const char *lang)
{
	if (s)
		set(&s->lang, lang);
}

const doc_elem *doc_struct_get(const doc_struct *s, uint32_t id)
{
	return s && id >= 1 && id < s->n ? &s->elems[id] : NULL;
}
