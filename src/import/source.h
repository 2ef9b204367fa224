/* source.h - a source file as the importers see it: refused when it is
 * binary or not UTF-8 (Windows-1252 and UTF-16 are recognised and named),
 * then NFC-normalised, CR LF and lone CR made LF, a leading BOM dropped,
 * control characters replaced by spaces (reported), and split into
 * lines. */
#ifndef SP_IMPORT_SOURCE_H
#define SP_IMPORT_SOURCE_H

#include <stddef.h>

#include "import/report.h"

typedef struct imp_line {
	const char *s; /* into imp_src.text; not NUL-terminated */
	size_t len;    /* bytes, without the line end */
	unsigned no;   /* 1-based line number in the file */
} imp_line;

typedef struct imp_src {
	const char *name; /* for messages and detection (not owned) */
	char *text;       /* the decoded text, NUL-terminated, owned */
	size_t len;       /* bytes */
	imp_line *lines;  /* every line, the last one even without a LF */
	size_t nlines;
} imp_src;

/* Check and decode the file's bytes. 0, or -1 after reporting an error
 * through r (whose file must be set). */
int imp_src_init(imp_src *s, const char *name, const char *data, size_t len,
                 imp_report *r);
void imp_src_free(imp_src *s);

/* 1 when the line holds only white space. */
int imp_line_blank(const imp_line *l);

#endif
