/* loader.h - state shared by the loader's files (internal). */
#ifndef SP_CORPUS_LOADER_H
#define SP_CORPUS_LOADER_H

#include <stddef.h>

#include "corpus/corpus.h"
#include "corpus/ytree.h"

#define LD_NO_FILE ((size_t)-1)

/* A reference by id, resolved after every file is read. */
typedef struct ld_ref {
	char *id;
	size_t file; /* index into corpus.files */
	sp_loc loc;
} ld_ref;

/* What a question refers to (parallel to corpus.questions). */
typedef struct ld_qrefs {
	ld_ref category; /* id NULL when absent */
	ld_ref *roles;
	size_t nroles;
	ld_ref *related;
	size_t nrelated;
} ld_qrefs;

/* The `defaults` of the current file, validated. */
typedef struct ld_defaults {
	int has_category, has_roles, has_topics, has_level, has_minutes;
	ld_ref category;
	ld_ref *roles;
	size_t nroles;
	ld_ref *topics;
	size_t ntopics;
	sp_level level;
	int minutes;
} ld_defaults;

typedef struct ld_msg {
	size_t file; /* ordering key; LD_NO_FILE sorts last */
	const char *fname;
	unsigned line, col;
	sp_severity sev;
	size_t part; /* the corpus it is about; LD_NO_FILE for none */
	size_t seq;
	char *text;
} ld_msg;

typedef struct loader {
	sp_corpus *c;
	size_t cap_roles, cap_cats, cap_qs, cap_files;
	ld_qrefs *qrefs;
	size_t cap_qrefs;
	ld_msg *msgs;
	size_t nmsgs, cap_msgs;
	const char *path; /* what the user asked to load */
	size_t file;      /* current file index */
	const char *fname;
	const char *data; /* current file text (after any BOM) */
	size_t len;
	size_t *lines; /* byte offset of each line start in data */
	size_t nlines, cap_lines;
	ld_defaults defaults;
	sp_loc corpus_loc;  /* the current part's `corpus` key */
	int has_corpus;     /* the current part has given `corpus` */
	int has_meta;       /* some part has given `corpus` (it is used) */
	size_t part;        /* index of the corpus being read (LD_NO_FILE:
	                     * messages about no corpus in particular) */
	size_t nparts;      /* corpora started so far */
	size_t *part_first; /* first file index of each started part */
	size_t cap_part_first;
	corpus_part *parts; /* the caller's counts, or NULL */
	size_t total_bytes;
	int io_error;
} loader;

/* ldmsg.c: messages are collected, then sorted into file order. */
void ld_report(loader *L, size_t file, sp_severity sev, unsigned line,
               unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void ld_error(loader *L, const ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ld_warning(loader *L, const ynode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ld_error_ref(loader *L, const ld_ref *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ld_warning_ref(loader *L, const ld_ref *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
size_t ld_count_errors(const loader *L);
void ld_flush(loader *L, sp_diag *d);
/* " (did you mean 'X'?)" for the closest of names, or "". */
const char *ld_suggest(const char *word, const char *const *names, size_t n,
                       char *out, size_t outsz);
sp_loc ld_loc(const loader *L, const ynode *n);
void ld_loc_string(const loader *L, sp_loc loc, char *out, size_t outsz);

/* schema.c: typed values from nodes. Each returns 0, or -1 after
 * reporting. */
typedef struct ld_key {
	const char *name;
	int required;
} ld_key;
int ld_map(loader *L, const ynode *n, const char *what, const ld_key *keys,
           size_t nkeys, const ynode **out);
int ld_text(loader *L, const ynode *v, const char *key, sp_text *out);
int ld_rich(loader *L, const ynode *v, const char *key, rich_text *out);
int ld_slug(loader *L, const ynode *v, const char *key, char **out);
int ld_ref_one(loader *L, const ynode *v, const char *key, ld_ref *out);
int ld_ref_list(loader *L, const ynode *v, const char *key, ld_ref **out,
                size_t *n);
int ld_text_list(loader *L, const ynode *v, const char *key, sp_text_list *out);
int ld_int(loader *L, const ynode *v, const char *key, long min, long max,
           long *out);
int ld_level(loader *L, const ynode *v, sp_level *out);
int ld_seq(loader *L, const ynode *v, const char *key);
void ld_refs_free(ld_ref *r, size_t n);
ld_ref *ld_refs_copy(const ld_ref *r, size_t n);

/* comments.c: warn where a plain value of a question's text fields is
 * followed by a comment on its line (`question: Why PM? #1 question`). */
void ld_question_comments(loader *L, const ynode *q);

/* build_meta.c, build_question.c: the top-level keys of one file. */
void ld_corpus_meta(loader *L, const ynode *v);
void ld_roles(loader *L, const ynode *v);
void ld_categories(loader *L, const ynode *v);
void ld_defaults_read(loader *L, const ynode *v);
void ld_defaults_free(ld_defaults *df);
void ld_questions(loader *L, const ynode *v);

/* merge.c: roles and categories declared again by a later corpus are
 * merged into the first declaration (dropped from the model). */
void ld_merge_parts(loader *L);
/* The part that file index `file` belongs to. */
size_t ld_part_of_file(const loader *L, size_t file);

/* resolve.c: duplicates, references, corpus order. */
void ld_resolve(loader *L);
/* order.c: categories by (order, first appearance), questions by
 * (category, file order). */
void ld_sort(loader *L);

/* corpus.c */
void corpus_question_free(sp_question *q);

#endif
