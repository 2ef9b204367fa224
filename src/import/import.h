/* import.h - `studypress import`: interview guides and flashcard decks
 * (plain text, Markdown, Anki, Quizlet, CSV/TSV) turned into a corpus in
 * the project's YAML format. Import is a front end: it writes the corpus
 * format and never builds the corpus model, so what it makes goes through
 * the loader's validation like any other corpus.
 *
 * Messages go through sp_diag as "FILE:LINE: warning|error: ...": every
 * source line ends up in a field of the corpus, or a warning says where it
 * went or that it was left out (lines without a letter or digit, such as
 * rules and blank lines, are not reported). */
#ifndef SP_IMPORT_IMPORT_H
#define SP_IMPORT_IMPORT_H

#include <stddef.h>

#include "util/buf.h"
#include "util/diag.h"

typedef enum import_format {
	IMPORT_AUTO = 0, /* detected from the extension and the content */
	IMPORT_TEXT,     /* a plain-text interview guide */
	IMPORT_MARKDOWN, /* a Markdown guide */
	IMPORT_ANKI,     /* Anki "Notes in Plain Text" */
	IMPORT_QUIZLET,  /* Quizlet: term TAB definition, a card a line */
	IMPORT_TSV,      /* a table with a header row, tab-separated */
	IMPORT_CSV       /* the same, comma-separated (RFC 4180) */
} import_format;

/* Limits on hostile input. */
#define IMPORT_MAX_FILE_BYTES (16u * 1024 * 1024)  /* one source file */
#define IMPORT_MAX_TOTAL_BYTES (32u * 1024 * 1024) /* all of them */
#define IMPORT_MAX_FILES 1000                      /* FILE arguments */
#define IMPORT_MAX_QUESTIONS 50000                 /* in the output */
#define IMPORT_MAX_TOPICS 32                       /* per question */
#define IMPORT_MAX_STEPS 32                        /* per framework */
#define IMPORT_MAX_WARNINGS 500                    /* shown per file */

typedef struct import_opts {
	import_format from;       /* --from; IMPORT_AUTO to detect per file */
	const char *const *roles; /* --role: slugs for every question */
	size_t nroles;
	const char *category;   /* --category: a slug, or NULL */
	int sections_as_topics; /* --sections-as topics */
	const char *separator;  /* --separator: one character (UTF-8), or
	                         * NULL for the format's own */
} import_opts;

/* Return codes (the exit codes of the command). */
enum { IMPORT_OK = 0, IMPORT_INVALID = 1, IMPORT_IO = 3 };

void import_opts_init(import_opts *o);

/* What an import made. */
typedef struct import_result {
	size_t questions, categories, roles;
	int internal; /* the YAML made did not load: a bug (reported) */
} import_result;

/* Import the files (the path "-" is standard input) into one corpus,
 * appended to yaml as commented YAML; deterministic for the same input.
 * On IMPORT_INVALID or IMPORT_IO nothing is appended (the reasons are
 * reported through d). res (may be NULL) gets the counts, and says
 * whether a failure was the self-check's. */
int import_files(const char *const *paths, size_t n, const import_opts *o,
                 sp_diag *d, sp_buf *yaml, import_result *res);

/* The same for one file's bytes in memory, named name (tests, fuzzers). */
int import_bytes(const char *name, const char *data, size_t len,
                 const import_opts *o, sp_diag *d, sp_buf *yaml,
                 import_result *res);

/* "text", "markdown", ... to a format (0), or -1. */
int import_format_parse(const char *s, import_format *out);
/* What a format is called in messages: "plain-text guide", ... */
const char *import_format_name(import_format f);

#endif
