/* report.c - the importer's messages (see report.h). */
#include "import/report.h"

#include <stdarg.h>
#include <stdlib.h>

#include "import/import.h"
#include "util/buf.h"

void imp_report_init(imp_report *r, sp_diag *d)
{
	r->d = d;
	r->file = NULL;
	r->warnings = 0;
	r->errors = 0;
}

void imp_report_done(imp_report *r)
{
	if (r->warnings > IMPORT_MAX_WARNINGS) {
		unsigned more = r->warnings - IMPORT_MAX_WARNINGS;
		diag_report(r->d, SP_NOTE, sp_loc_make(r->file, 0, 0),
		            "%u more warning%s not shown", more,
		            more == 1 ? "" : "s");
	}
	r->file = NULL;
	r->warnings = 0;
	r->errors = 0;
}

void imp_report_file(imp_report *r, const char *file)
{
	imp_report_done(r);
	r->file = file;
}

static void report(imp_report *r, sp_severity sev, unsigned line,
                   const char *fmt, va_list ap)
{
	sp_buf b = SP_BUF_INIT;
	buf_vprintf(&b, fmt, ap);
	diag_report(r->d, sev, sp_loc_make(r->file, line, 0), "%s",
	            b.data ? b.data : "");
	buf_free(&b);
}

void imp_warn(imp_report *r, unsigned line, const char *fmt, ...)
{
	if (++r->warnings > IMPORT_MAX_WARNINGS) {
		r->d->warnings++; /* counted, not shown */
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	report(r, SP_WARNING, line, fmt, ap);
	va_end(ap);
}

void imp_error(imp_report *r, unsigned line, const char *fmt, ...)
{
	r->errors++;
	va_list ap;
	va_start(ap, fmt);
	report(r, SP_ERROR, line, fmt, ap);
	va_end(ap);
}
