/* corpus.h - the corpus model: typed, located, validated, NFC-normalised.
 *
 * Produced by corpus_load() (corpus/load.c); read by selection, products
 * and the CLI. Layout never sees YAML. All strings are valid NFC UTF-8,
 * owned by the corpus and freed by corpus_free(). */
#ifndef SP_CORPUS_CORPUS_H
#define SP_CORPUS_CORPUS_H

#include <stddef.h>

#include "util/diag.h"

/* ---- rich text (CommonMark subset, parsed once on load) ---- */

enum {
	RT_REGULAR = 0,
	RT_EMPH = 1u << 0,   /* *emphasis* */
	RT_STRONG = 1u << 1, /* **strong** */
	RT_CODE = 1u << 2,   /* `code` */
	RT_LINK = 1u << 3    /* [text](url): url in rt_run.url */
};

typedef struct rt_run {
	char *text;     /* UTF-8; white space already folded to single spaces,
	                 * except inside code spans (kept verbatim) */
	unsigned style; /* RT_* flags */
	char *url;      /* for RT_LINK, else NULL */
} rt_run;

typedef enum rt_block_kind {
	RT_PARA,      /* a paragraph */
	RT_LIST_ITEM, /* one paragraph of a list item */
	RT_CODE_BLOCK /* a fenced code block: one RT_CODE run holding the
	               * lines verbatim, separated by '\n' (no final
	               * newline); inside a list when depth > 0 */
} rt_block_kind;

typedef struct rt_block {
	rt_block_kind kind;
	unsigned depth; /* list nesting depth: 0 for top-level paragraphs,
	                 * 1 for items of a top-level list, ... */
	int ordered;    /* RT_LIST_ITEM: 1 for "1." lists, 0 for "-" */
	int number;     /* RT_LIST_ITEM: the item's number in an ordered
	                 * list; 0 if this is a continuation paragraph of
	                 * an item (no marker drawn) */
	char *info;     /* RT_CODE_BLOCK: the fence's language ("sql"), the
	                 * first word of its info string, or NULL */
	rt_run *runs;
	size_t nruns;
} rt_block;

typedef struct rich_text {
	rt_block *blocks; /* NULL/0 when the field is absent */
	size_t nblocks;
	sp_loc loc; /* where the field's value starts */
} rich_text;

/* ---- plain text and lists ---- */

typedef struct sp_text {
	char *s; /* NULL when absent; white space folded to single spaces */
	sp_loc loc;
} sp_text;

typedef struct sp_text_list {
	sp_text *items;
	size_t n;
	sp_loc loc;
} sp_text_list;

/* ---- corpus entities ---- */

typedef enum sp_level {
	LEVEL_NONE = 0,
	LEVEL_JUNIOR,
	LEVEL_MID,
	LEVEL_SENIOR
} sp_level;

typedef struct sp_role {
	char *id;
	char *name;
	rich_text summary;
	int named; /* 1 when the declaration gave a name (else name = id) */
	sp_loc loc;
} sp_role;

typedef struct sp_category {
	char *id;
	char *name;
	rich_text summary;
	long order; /* the `order` key, 0 when absent */
	int has_order;
	size_t first; /* index of first appearance (declaration order) */
	int named;    /* 1 when the declaration gave a name (else name = id) */
	sp_loc loc;
} sp_category;

typedef struct sp_step {
	sp_text label;
	sp_text prompt;
} sp_step;

typedef struct sp_framework {
	sp_text name; /* .s NULL when the question has no framework */
	sp_step *steps;
	size_t nsteps;
	sp_loc loc;
} sp_framework;

typedef struct sp_question {
	char *id;
	sp_text question;
	size_t category; /* index into corpus.categories */
	size_t *roles;   /* indexes into corpus.roles; nroles 0 = every role */
	size_t nroles;
	char **topics; /* slugs */
	size_t ntopics;
	sp_level level;
	int minutes; /* 1-60, 0 when absent */
	rich_text why;
	rich_text answer;
	sp_text_list key_points;
	sp_framework framework;
	rich_text tip;
	sp_text_list follow_ups;
	sp_text_list rubric_strong;
	sp_text_list rubric_red_flags;
	size_t *related; /* indexes into corpus.questions */
	size_t nrelated;
	size_t file_order; /* position in load order (files in byte order of
	                    * their relative paths, then document order) */
	size_t part;       /* which corpus of corpus_load_many() it is in
	                    * (0 when one corpus is loaded) */
	sp_loc loc;        /* the question's mapping */
} sp_question;

typedef struct sp_corpus {
	/* metadata (the `corpus` key); title.s NULL if no file had it */
	sp_text title, subtitle, author, edition, language;
	rich_text description;

	sp_role *roles;
	size_t nroles;
	sp_category *categories;
	size_t ncategories;
	sp_question *questions; /* in corpus order: categories sorted by
	                         * (order, first appearance), then file order */
	size_t nquestions;

	char **files; /* every file path read, owned; sp_loc.file points here */
	size_t nfiles;
} sp_corpus;

/* Limits on hostile input. */
#define CORPUS_MAX_FILE_BYTES (64u * 1024 * 1024)   /* one YAML file */
#define CORPUS_MAX_TOTAL_BYTES (256u * 1024 * 1024) /* a whole corpus */
#define CORPUS_MAX_DEPTH 64                         /* YAML nesting depth */
#define CORPUS_MAX_ALIASES 1000             /* alias nodes resolved per file */
#define CORPUS_MAX_FILES 100000             /* files in a corpus directory */
#define RICH_MAX_DEPTH 16                   /* list nesting in rich text */
#define CORPUS_MAX_NODES (4u * 1024 * 1024) /* YAML nodes per file */
#define CORPUS_MAX_ALIAS_NODES                                                 \
	100000 /* nodes reached through aliases,                               \
	        * per file */

/* Load a corpus from a file or a directory. All problems are reported
 * through d. Returns NULL if the corpus cannot be used (any error). */
sp_corpus *corpus_load(const char *path, sp_diag *d);
/* Load from bytes in memory, as if read from file `name` (tests, fuzzers). */
sp_corpus *corpus_load_bytes(const char *name, const char *data, size_t len,
                             sp_diag *d);
void corpus_free(sp_corpus *c);

/* corpus_load() that also says why it failed: *status is set to one of
 * these (status may be NULL). */
enum {
	CORPUS_LOAD_OK = 0,
	CORPUS_LOAD_INVALID = 1, /* errors in the content */
	CORPUS_LOAD_IO = 3       /* the path (or a file under it) unreadable */
};
sp_corpus *corpus_load_status(const char *path, sp_diag *d, int *status);

/* One of several corpora read together (-c A -c B): what it declared and
 * how many messages were about it. */
typedef struct corpus_part {
	const char *path;                       /* as given; not owned */
	size_t nquestions, nroles, ncategories; /* declared in it */
	unsigned errors, warnings;              /* messages about its files */
} corpus_part;

/* Load npaths corpora (files or directories) in order and merge them into
 * one: the questions of all; a role or category declared in several with
 * the same id is one (the first declaration wins; a warning when both
 * give it a name and the names differ); a question id used twice is an
 * error naming both places; `corpus:` metadata comes from the first
 * corpus that has it (each corpus may give it once). Limits apply to all
 * of them together. parts, when not NULL, gets npaths entries. With one
 * path this is exactly corpus_load_status(). */
sp_corpus *corpus_load_many(const char *const *paths, size_t npaths, sp_diag *d,
                            int *status, corpus_part *parts);

/* Lookups: index or -1. */
long corpus_find_role(const sp_corpus *c, const char *id);
long corpus_find_category(const sp_corpus *c, const char *id);
long corpus_find_question(const sp_corpus *c, const char *id);
const char *corpus_level_name(sp_level l); /* "junior", ... or NULL */

/* Plain text of a rich text field (runs joined, blocks separated by
 * "\n"), newly allocated. */
char *rich_text_plain(const rich_text *rt);

#endif
