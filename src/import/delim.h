/* delim.h - records of delimited text (CSV, TSV, Anki notes): fields
 * split by a separator (one UTF-8 character), optionally quoted as RFC
 * 4180 does ("" for a quote; separators and line ends inside quotes).
 * Empty lines are skipped. Reads an imp_src, whose line ends are LF. */
#ifndef SP_IMPORT_DELIM_H
#define SP_IMPORT_DELIM_H

#include <stddef.h>

#include "import/source.h"

typedef struct imp_record {
	char **f; /* fields, NUL-terminated, owned */
	size_t n, cap;
	unsigned line;      /* the line it starts on */
	unsigned last_line; /* the line it ends on */
} imp_record;

typedef struct imp_delim {
	const char *text; /* borrowed */
	size_t len, pos;  /* bytes */
	unsigned line;    /* line of text[pos] */
	const char *sep;  /* borrowed */
	size_t seplen;
	int quotes; /* 1: a field that starts with '"' is quoted */
} imp_delim;

/* Read s from line index first (0-based) on. */
void imp_delim_init(imp_delim *r, const imp_src *s, size_t first,
                    const char *sep, int quotes);
/* 1: a record in rec; 0: the end; -1: a quote opened on rec->line is
 * never closed (the rest of the text is in the last field). */
int imp_delim_next(imp_delim *r, imp_record *rec);
void imp_record_free(imp_record *rec);

#endif
