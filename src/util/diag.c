#include "util/diag.h"

#include <stdarg.h>

void diag_init(sp_diag *d, FILE *sink)
{
	d->sink = sink;
	d->errors = 0;
	d->warnings = 0;
	d->max_messages = 0;
	d->printed = 0;
}

sp_loc sp_loc_make(const char *file, unsigned line, unsigned col)
{
	sp_loc l = {file, line, col};
	return l;
}

static const char *sev_name(sp_severity sev)
{
	switch (sev) {
	case SP_ERROR:
		return "error";
	case SP_WARNING:
		return "warning";
	default:
		return "note";
	}
}

static void print_loc(FILE *f, sp_loc loc)
{
	fputs(loc.file ? loc.file : "studypress", f);
	if (loc.line) {
		fprintf(f, ":%u", loc.line);
		if (loc.col)
			fprintf(f, ":%u", loc.col);
	}
	fputs(": ", f);
}

void diag_report(sp_diag *d, sp_severity sev, sp_loc loc, const char *fmt, ...)
{
	if (sev == SP_ERROR)
		d->errors++;
	else if (sev == SP_WARNING)
		d->warnings++;
	if (!d->sink)
		return;
	if (d->max_messages && d->printed >= d->max_messages) {
		if (d->printed++ == d->max_messages)
			fputs("studypress: too many messages; the rest are not "
			      "shown\n",
			      d->sink);
		return;
	}
	d->printed++;
	print_loc(d->sink, loc);
	fprintf(d->sink, "%s: ", sev_name(sev));
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->sink, fmt, ap);
	va_end(ap);
	fputc('\n', d->sink);
}
