/* build_meta.c - the `corpus`, `roles`, `categories` and `defaults` keys
 * of one file. */
#include <stdlib.h>
#include <string.h>

#include "corpus/loader.h"
#include "corpus/richtext.h"
#include "corpus/text.h"
#include "util/mem.h"

enum { M_TITLE, M_SUBTITLE, M_AUTHOR, M_EDITION, M_LANGUAGE, M_DESC, M_N };
static const ld_key meta_keys[M_N] = {{"title", 1},    {"subtitle", 0},
                                      {"author", 0},   {"edition", 0},
                                      {"language", 0}, {"description", 0}};

static void meta_language(loader *L, const ynode *v, sp_text *lang)
{
	if (ld_text(L, v, "language", lang))
		return;
	if (!text_is_language_tag(lang->s))
		ld_error(L, v,
		         "invalid language tag '%.40s' for 'language' (use a "
		         "BCP 47 tag such as 'en' or 'en-GB')",
		         lang->s);
}

/* Read the metadata mapping v into c's metadata fields. */
static void read_meta(loader *L, const ynode *v, sp_corpus *c)
{
	const ynode *k[M_N];
	if (ld_map(L, v, "'corpus'", meta_keys, M_N, k))
		return;
	if (k[M_TITLE] && ld_text(L, k[M_TITLE], "title", &c->title) == 0 &&
	    !*c->title.s)
		ld_error(L, k[M_TITLE], "'title' is empty");
	if (k[M_SUBTITLE])
		ld_text(L, k[M_SUBTITLE], "subtitle", &c->subtitle);
	if (k[M_AUTHOR])
		ld_text(L, k[M_AUTHOR], "author", &c->author);
	if (k[M_EDITION])
		ld_text(L, k[M_EDITION], "edition", &c->edition);
	if (k[M_LANGUAGE])
		meta_language(L, k[M_LANGUAGE], &c->language);
	if (k[M_DESC])
		ld_rich(L, k[M_DESC], "description", &c->description);
}

/* A later corpus's metadata: checked like the first, then not used. */
static void read_unused_meta(loader *L, const ynode *v)
{
	sp_corpus scratch;
	memset(&scratch, 0, sizeof scratch);
	read_meta(L, v, &scratch);
	free(scratch.title.s);
	free(scratch.subtitle.s);
	free(scratch.author.s);
	free(scratch.edition.s);
	free(scratch.language.s);
	richtext_free(&scratch.description);
}

void ld_corpus_meta(loader *L, const ynode *v)
{
	if (L->has_corpus) {
		char where[512];
		ld_loc_string(L, L->corpus_loc, where, sizeof where);
		ld_error(L, v, "'corpus' is given more than once (first at %s)",
		         where);
		return;
	}
	L->has_corpus = 1;
	L->corpus_loc = ld_loc(L, v);
	if (L->has_meta) {
		read_unused_meta(L, v);
		return;
	}
	L->has_meta = 1;
	read_meta(L, v, L->c);
}

/* The name, or the id when there is none (*named says which). */
static char *name_or_id(loader *L, const ynode *v, const char *id, int *named)
{
	sp_text t = {0};
	*named = 0;
	if (v && ld_text(L, v, "name", &t) == 0 && *t.s) {
		*named = 1;
		return t.s;
	}
	free(t.s);
	return xstrdup(id ? id : "");
}

enum { R_ID, R_NAME, R_SUMMARY, R_N };
static const ld_key role_keys[R_N] = {{"id", 1}, {"name", 0}, {"summary", 0}};

static void one_role(loader *L, const ynode *v)
{
	const ynode *k[R_N];
	if (ld_map(L, v, "role", role_keys, R_N, k))
		return;
	sp_corpus *c = L->c;
	c->roles =
	    xgrow(c->roles, &L->cap_roles, c->nroles + 1, sizeof *c->roles);
	sp_role *r = &c->roles[c->nroles++];
	memset(r, 0, sizeof *r);
	r->loc = ld_loc(L, v);
	if (k[R_ID])
		ld_slug(L, k[R_ID], "id", &r->id);
	r->name = name_or_id(L, k[R_NAME], r->id, &r->named);
	if (k[R_SUMMARY])
		ld_rich(L, k[R_SUMMARY], "summary", &r->summary);
}

void ld_roles(loader *L, const ynode *v)
{
	if (ld_seq(L, v, "roles"))
		return;
	for (size_t i = 0; i < v->n; i++)
		one_role(L, v->items[i]);
}

enum { C_ID, C_NAME, C_SUMMARY, C_ORDER, C_N };
static const ld_key cat_keys[C_N] = {
    {"id", 1}, {"name", 0}, {"summary", 0}, {"order", 0}};

static void one_category(loader *L, const ynode *v)
{
	const ynode *k[C_N];
	if (ld_map(L, v, "category", cat_keys, C_N, k))
		return;
	sp_corpus *c = L->c;
	c->categories = xgrow(c->categories, &L->cap_cats, c->ncategories + 1,
	                      sizeof *c->categories);
	sp_category *cat = &c->categories[c->ncategories];
	memset(cat, 0, sizeof *cat);
	cat->first = c->ncategories++;
	cat->loc = ld_loc(L, v);
	if (k[C_ID])
		ld_slug(L, k[C_ID], "id", &cat->id);
	cat->name = name_or_id(L, k[C_NAME], cat->id, &cat->named);
	if (k[C_SUMMARY])
		ld_rich(L, k[C_SUMMARY], "summary", &cat->summary);
	if (k[C_ORDER] &&
	    ld_int(L, k[C_ORDER], "order", -1000000, 1000000, &cat->order) == 0)
		cat->has_order = 1;
}

void ld_categories(loader *L, const ynode *v)
{
	if (ld_seq(L, v, "categories"))
		return;
	for (size_t i = 0; i < v->n; i++)
		one_category(L, v->items[i]);
}

enum { D_ROLES, D_CATEGORY, D_TOPICS, D_LEVEL, D_MINUTES, D_N };
static const ld_key default_keys[D_N] = {
    {"roles", 0}, {"category", 0}, {"topics", 0}, {"level", 0}, {"minutes", 0}};

void ld_defaults_read(loader *L, const ynode *v)
{
	ld_defaults *df = &L->defaults;
	const ynode *k[D_N];
	if (ld_map(L, v, "'defaults'", default_keys, D_N, k))
		return;
	if (k[D_ROLES])
		df->has_roles = ld_ref_list(L, k[D_ROLES], "roles", &df->roles,
		                            &df->nroles) == 0;
	if (k[D_CATEGORY]) {
		/* given, even when invalid: that was reported here, and the
		 * questions do not report it missing again */
		df->has_category = 1;
		ld_ref_one(L, k[D_CATEGORY], "category", &df->category);
	}
	if (k[D_TOPICS])
		df->has_topics = ld_ref_list(L, k[D_TOPICS], "topics",
		                             &df->topics, &df->ntopics) == 0;
	if (k[D_LEVEL])
		df->has_level = ld_level(L, k[D_LEVEL], &df->level) == 0;
	long m;
	if (k[D_MINUTES] &&
	    ld_int(L, k[D_MINUTES], "minutes", 1, 60, &m) == 0) {
		df->has_minutes = 1;
		df->minutes = (int)m;
	}
}

void ld_defaults_free(ld_defaults *df)
{
	free(df->category.id);
	ld_refs_free(df->roles, df->nroles);
	ld_refs_free(df->topics, df->ntopics);
	memset(df, 0, sizeof *df);
}
