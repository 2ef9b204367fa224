/* doc.c - the corpus an import builds (see doc.h): questions,
 * categories and roles, topics, framework steps, unique ids. */
#include "import/doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "corpus/text.h"
#include "import/mdwrite.h"
#include "util/buf.h"
#include "util/mem.h"

/* ---- lists ---- */

void imp_list_add(imp_list *l, const char *s)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = xstrdup(s);
}

int imp_list_has(const imp_list *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return 1;
	return 0;
}

void imp_list_free(imp_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- the document ---- */

void imp_doc_init(imp_doc *d, const import_opts *o, imp_report *rep)
{
	memset(d, 0, sizeof *d);
	d->o = o;
	d->rep = rep;
}

static void q_free(imp_q *q)
{
	free(q->id);
	free(q->question);
	imp_list_free(&q->roles);
	imp_list_free(&q->topics);
	free(q->why);
	free(q->answer);
	free(q->tip);
	imp_list_free(&q->key_points);
	imp_list_free(&q->follow_ups);
	imp_list_free(&q->strong);
	imp_list_free(&q->red_flags);
	imp_list_free(&q->related);
	free(q->fw_name);
	for (size_t i = 0; i < q->nsteps; i++) {
		free(q->steps[i].label);
		free(q->steps[i].prompt);
	}
	free(q->steps);
}

static void decls_free(imp_decl *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].summary);
	}
	free(v);
}

void imp_doc_free(imp_doc *d)
{
	free(d->title);
	free(d->description);
	decls_free(d->cats, d->ncats);
	decls_free(d->roles, d->nroles);
	for (size_t i = 0; i < d->nqs; i++)
		q_free(&d->qs[i]);
	free(d->qs);
	free(d->srcs);
	imp_strmap_free(&d->cat_index);
	imp_strmap_free(&d->role_index);
	imp_strmap_free(&d->once);
	memset(d, 0, sizeof *d);
}

void imp_doc_source(imp_doc *d, const char *name, import_format f)
{
	d->srcs = xgrow(d->srcs, &d->cap_srcs, d->nsrcs + 1, sizeof *d->srcs);
	d->srcs[d->nsrcs++] = (imp_source){name, f, 0, d->nqs};
	imp_strmap_free(&d->once);
}

int imp_doc_once(imp_doc *d, const char *key)
{
	size_t before = d->once.n;
	imp_strmap_put(&d->once, key, 0);
	return d->once.n > before;
}

/* ---- categories and roles ---- */

static const char *declare(imp_doc *d, imp_decl **v, size_t *n, size_t *cap,
                           imp_strmap *index, const char *id, const char *name,
                           unsigned line)
{
	size_t *at = imp_strmap_put(index, id, *n);
	if (*at != *n)
		return (*v)[*at].id;
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	imp_decl *k = &(*v)[(*n)++];
	memset(k, 0, sizeof *k);
	k->id = xstrdup(id);
	k->name = name ? xstrdup(name) : NULL;
	k->file = d->rep->file;
	k->line = line;
	return k->id;
}

const char *imp_doc_category(imp_doc *d, const char *id, const char *name,
                             unsigned line)
{
	return declare(d, &d->cats, &d->ncats, &d->cap_cats, &d->cat_index, id,
	               name, line);
}

const char *imp_doc_role(imp_doc *d, const char *id, const char *name,
                         unsigned line)
{
	return declare(d, &d->roles, &d->nroles, &d->cap_roles, &d->role_index,
	               id, name, line);
}

imp_decl *imp_doc_find_category(imp_doc *d, const char *id)
{
	size_t *at = id ? imp_strmap_get(&d->cat_index, id) : NULL;
	return at ? &d->cats[*at] : NULL;
}

const char *imp_doc_default_category(imp_doc *d, unsigned line)
{
	if (d->o->category)
		return imp_doc_category(d, d->o->category, NULL, line);
	return imp_doc_category(d, "general", "General", line);
}

/* Does the slug have word w? */
static int has_word(const char *slug, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = slug; p; p = strchr(p, '-')) {
		p += *p == '-';
		if (!strncmp(p, w, n) && (p[n] == '-' || p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* The kind of section a heading names, or NULL. */
static const char *section_kind(const char *heading)
{
	static const char *const kinds[][2] = {{"behavioral", "behavioral"},
	                                       {"behavioural", "behavioral"},
	                                       {"technical", "technical"},
	                                       {"common", "common"}};
	char *slug = text_slugify(heading, 64, 4096);
	const char *kind = NULL;
	for (size_t i = 0; !kind && i < 4; i++)
		if (has_word(slug, kinds[i][0]))
			kind = kinds[i][1];
	free(slug);
	return kind;
}

char *imp_section_slug(const char *heading)
{
	const char *kind = section_kind(heading);
	if (kind)
		return xstrdup(kind);
	char *all = text_slugify(heading, 64, 4096);
	sp_buf b = SP_BUF_INIT;
	for (char *w = strtok(all, "-"); w; w = strtok(NULL, "-")) {
		if (!strcmp(w, "interview") || !strcmp(w, "questions") ||
		    !strcmp(w, "question"))
			continue;
		if (b.len + strlen(w) + 1 > 40)
			break;
		buf_printf(&b, "%s%s", b.len ? "-" : "", w);
	}
	free(all);
	if (!b.len)
		buf_puts(&b, "section");
	return buf_detach(&b);
}

char *imp_section_topic(imp_doc *d, const char *heading, unsigned line)
{
	char *slug = imp_section_slug(heading);
	char *all = text_slugify(heading, 64, 4096);
	if (strcmp(slug, all))
		imp_warn(d->rep, line,
		         "section '%s' is the topic '%s' (its other words are "
		         "left out)",
		         heading, slug);
	free(all);
	return slug;
}

const char *imp_doc_section(imp_doc *d, const char *heading, unsigned line)
{
	char *id = imp_section_slug(heading);
	imp_decl *k = imp_doc_find_category(d, id);
	const char *r;
	if (!k) {
		r = imp_doc_category(d, id, heading, line);
	} else {
		r = k->id;
		sp_buf key = SP_BUF_INIT;
		buf_printf(&key, "section:%s", heading);
		int first = imp_doc_once(d, key.data);
		buf_free(&key);
		if (k->name && strcmp(k->name, heading) && first)
			imp_warn(d->rep, line,
			         "section '%s' joins category '%s' (named '%s' "
			         "at %s:%u); its heading is left out",
			         heading, id, k->name, k->file, k->line);
		else if (!k->name)
			k->name = xstrdup(heading);
	}
	free(id);
	return r;
}

/* ---- questions ---- */

imp_q *imp_doc_question(imp_doc *d, const char *text, unsigned line)
{
	if (d->nqs >= IMPORT_MAX_QUESTIONS) {
		if (!d->full)
			imp_error(d->rep, line,
			          "more than %u questions (the limit of one "
			          "import)",
			          IMPORT_MAX_QUESTIONS);
		d->full = 1;
		return NULL;
	}
	char *clean = imp_text_clean(text, strlen(text));
	char *folded = text_fold(clean);
	free(clean);
	if (!*folded) {
		imp_warn(d->rep, line, "a question without text: left out");
		free(folded);
		return NULL;
	}
	d->qs = xgrow(d->qs, &d->cap_qs, d->nqs + 1, sizeof *d->qs);
	imp_q *q = &d->qs[d->nqs++];
	memset(q, 0, sizeof *q);
	q->question = folded;
	q->file = d->rep->file;
	q->line = line;
	if (d->nsrcs)
		d->srcs[d->nsrcs - 1].questions++;
	return q;
}

int imp_q_topic(imp_doc *d, imp_q *q, const char *text, unsigned line)
{
	char *slug = text_slugify(text, 8, 60);
	int rc = 0;
	if (!*slug) {
		imp_warn(d->rep, line,
		         "tag '%s' has no letter or digit: left "
		         "out",
		         text);
		rc = -1;
	} else if (imp_list_has(&q->topics, slug)) {
		rc = 0;
	} else if (q->topics.n >= IMPORT_MAX_TOPICS) {
		imp_warn(d->rep, line,
		         "more than %u topics for one question: '%s' left out",
		         IMPORT_MAX_TOPICS, text);
		rc = -1;
	} else {
		imp_list_add(&q->topics, slug);
	}
	free(slug);
	return rc;
}

int imp_q_step(imp_doc *d, imp_q *q, const char *label, const char *prompt,
               unsigned line)
{
	if (q->nsteps >= IMPORT_MAX_STEPS) {
		imp_warn(d->rep, line,
		         "more than %u framework steps: '%s' left out",
		         IMPORT_MAX_STEPS, label);
		return -1;
	}
	q->steps =
	    xgrow(q->steps, &q->cap_steps, q->nsteps + 1, sizeof *q->steps);
	imp_step *s = &q->steps[q->nsteps++];
	s->label = text_fold(label);
	s->prompt = text_fold(prompt);
	return 0;
}

void imp_doc_describe(imp_doc *d, const char *md, unsigned line)
{
	if (!md || !*md)
		return;
	if (!d->description) {
		d->desc_file = d->rep->file;
		d->desc_line = line;
	}
	imp_rich_append(&d->description, md);
}

void imp_rich_append(char **field, const char *md)
{
	if (!md || !*md)
		return;
	if (!*field) {
		*field = xstrdup(md);
		return;
	}
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s\n\n%s", *field, md);
	free(*field);
	*field = buf_detach(&b);
}

const char *imp_level_word(const char *w, size_t n)
{
	static const char *const words[][2] = {
	    {"junior", "junior"},    {"entry", "junior"},
	    {"beginner", "junior"},  {"easy", "junior"},
	    {"basic", "junior"},     {"mid", "mid"},
	    {"intermediate", "mid"}, {"medium", "mid"},
	    {"senior", "senior"},    {"advanced", "senior"},
	    {"hard", "senior"},      {"expert", "senior"}};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i][0]) == n && !strncasecmp(w, words[i][0], n))
			return words[i][1];
	return NULL;
}

void imp_doc_prune(imp_doc *d)
{
	const char *file = d->rep->file;
	if (d->description && !d->title) {
		d->rep->file = d->desc_file;
		imp_warn(d->rep, d->desc_line,
		         "an introduction without a title line is left out (a "
		         "corpus description needs a title)");
	}
	char *used = xcalloc(d->ncats ? d->ncats : 1, 1);
	for (size_t j = 0; j < d->nqs; j++) {
		size_t *at = imp_strmap_get(&d->cat_index, d->qs[j].category);
		if (at)
			used[*at] = 1;
	}
	size_t w = 0;
	for (size_t i = 0; i < d->ncats; i++) {
		imp_decl *k = &d->cats[i];
		if (used[i]) {
			d->cats[w++] = *k;
			continue;
		}
		d->rep->file = k->file;
		imp_warn(d->rep, k->line,
		         "section '%s' has no questions: left "
		         "out%s",
		         k->name ? k->name : k->id,
		         k->summary ? ", with its introduction" : "");
		free(k->id);
		free(k->name);
		free(k->summary);
	}
	d->ncats = w;
	imp_strmap_free(&d->cat_index);
	for (size_t i = 0; i < d->ncats; i++)
		imp_strmap_put(&d->cat_index, d->cats[i].id, i);
	free(used);
	d->rep->file = file;
}
