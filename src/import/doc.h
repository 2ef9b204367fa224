/* doc.h - the corpus an import builds: what will be written as YAML
 * (writer.c). Texts are UTF-8 (NFC); rich texts are CommonMark as
 * mdwrite.c writes it. Everything is owned by the imp_doc. */
#ifndef SP_IMPORT_DOC_H
#define SP_IMPORT_DOC_H

#include <stddef.h>

#include "import/import.h"
#include "import/report.h"
#include "import/strmap.h"

typedef struct imp_list {
	char **v;
	size_t n, cap;
} imp_list;

void imp_list_add(imp_list *l, const char *s);
int imp_list_has(const imp_list *l, const char *s);
void imp_list_free(imp_list *l);

typedef struct imp_step {
	char *label, *prompt; /* plain text */
} imp_step;

typedef struct imp_q {
	char *id;                 /* a slug; NULL until imp_doc_assign_ids */
	char *question;           /* plain text */
	const char *category;     /* id of one of the doc's categories */
	imp_list roles, topics;   /* slugs (roles declared in the doc) */
	const char *level;        /* "junior", "mid", "senior" or NULL */
	int minutes;              /* 1-60; 0 = none */
	char *why, *answer, *tip; /* rich text, or NULL */
	imp_list key_points, follow_ups, strong, red_flags; /* plain text */
	imp_list related; /* question ids (checked before writing) */
	char *fw_name;    /* framework name, or NULL for none */
	imp_step *steps;
	size_t nsteps, cap_steps;
	const char *file; /* where it was read (not owned) */
	unsigned line;
} imp_q;

/* A category or a role. */
typedef struct imp_decl {
	char *id;
	char *name;    /* NULL: none given (the id stands for it) */
	char *summary; /* rich text, or NULL */
	const char *file;
	unsigned line;
} imp_decl;

/* One source file: what it was read as and what it gave. */
typedef struct imp_source {
	const char *name;
	import_format format;
	size_t questions, first_question;
} imp_source;

typedef struct imp_doc {
	char *title;           /* from the first source that has one */
	char *description;     /* rich text */
	const char *desc_file; /* where the description starts */
	unsigned desc_line;
	imp_decl *cats, *roles;
	size_t ncats, cap_cats, nroles, cap_roles;
	imp_q *qs;
	size_t nqs, cap_qs;
	imp_source *srcs;
	size_t nsrcs, cap_srcs;
	const import_opts *o;
	imp_report *rep;
	int full; /* IMPORT_MAX_QUESTIONS reached (reported) */
	imp_strmap cat_index, role_index; /* id -> index in cats, roles */
	imp_strmap once; /* keys of the messages given once per file */
} imp_doc;

void imp_doc_init(imp_doc *d, const import_opts *o, imp_report *rep);
void imp_doc_free(imp_doc *d);

/* A new question with text (folded; must not be empty) read at
 * file:line, in the default category and with the --role roles; NULL
 * once IMPORT_MAX_QUESTIONS is reached (reported once). */
imp_q *imp_doc_question(imp_doc *d, const char *text, unsigned line);

/* The category with this id, declared if new (name may be NULL): its
 * id, owned by d. */
const char *imp_doc_category(imp_doc *d, const char *id, const char *name,
                             unsigned line);
/* The category with this id, or NULL. */
imp_decl *imp_doc_find_category(imp_doc *d, const char *id);
/* The same for a role. */
const char *imp_doc_role(imp_doc *d, const char *id, const char *name,
                         unsigned line);
/* The category for questions no section places: --category, or
 * "general". */
const char *imp_doc_default_category(imp_doc *d, unsigned line);
/* The category of a section heading: common, behavioral, technical when
 * the heading says so, else a slug of the heading. */
const char *imp_doc_section(imp_doc *d, const char *heading, unsigned line);
/* The slug a section heading gives: its kind, or its words without
 * "interview" and "questions". Newly allocated. */
char *imp_section_slug(const char *heading);
/* The same as a topic (--sections-as topics), reporting the heading's
 * words the slug leaves out. */
char *imp_section_topic(imp_doc *d, const char *heading, unsigned line);

/* Add a topic (made a slug) to q: 0, or -1 (reported) when q already
 * has IMPORT_MAX_TOPICS or the text has no letter or digit. */
int imp_q_topic(imp_doc *d, imp_q *q, const char *text, unsigned line);
/* Add a framework step; -1 (reported) past IMPORT_MAX_STEPS. */
int imp_q_step(imp_doc *d, imp_q *q, const char *label, const char *prompt,
               unsigned line);
/* Append rich text to the corpus's description (read at line). */
void imp_doc_describe(imp_doc *d, const char *md, unsigned line);
/* Append rich text (CommonMark) to a field, as further paragraphs. */
void imp_rich_append(char **field, const char *md);

/* Categories no question is in are left out (reported). */
void imp_doc_prune(imp_doc *d);

/* Give every question a unique id: its own (CSV) or a slug of its text
 * (q-HASH when the text has no Latin letter or digit). */
void imp_doc_assign_ids(imp_doc *d);

/* The level a word names: junior (also entry, beginner, easy, basic),
 * mid (intermediate, medium) or senior (advanced, hard, expert); any
 * case. NULL for any other word. */
const char *imp_level_word(const char *w, size_t n);

/* 1 the first time key is asked for in the current file, then 0: for
 * messages given once per file. */
int imp_doc_once(imp_doc *d, const char *key);

/* Start a source file: its questions are counted from here. */
void imp_doc_source(imp_doc *d, const char *name, import_format f);

#endif
