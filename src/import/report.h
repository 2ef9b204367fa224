/* report.h - the importer's messages: "FILE:LINE: warning: ..." through
 * the shared diagnostics, at most IMPORT_MAX_WARNINGS warnings shown per
 * file (then one line saying how many more there were). */
#ifndef SP_IMPORT_REPORT_H
#define SP_IMPORT_REPORT_H

#include "util/diag.h"

typedef struct imp_report {
	sp_diag *d;
	const char *file;  /* the file being read (not owned); NULL = none */
	unsigned warnings; /* warnings about this file, shown or not */
	unsigned errors;   /* errors about this file */
} imp_report;

void imp_report_init(imp_report *r, sp_diag *d);
/* Start reporting about file (ends the previous one). */
void imp_report_file(imp_report *r, const char *file);
/* End the current file: say how many warnings were not shown. */
void imp_report_done(imp_report *r);
/* line 0: about the whole file. */
void imp_warn(imp_report *r, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void imp_error(imp_report *r, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
