#include "util/diag.h"

#include <errno.h>
#include <stdarg.h>
#include <unistd.h>

#include "util/buf.h"

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

void diag_emit(FILE *f, const char *text, size_t len)
{
	int fd = fileno(f);
	if (fd < 0) { /* a memory stream */
		fwrite(text, 1, len, f);
		return;
	}
	fflush(f); /* what is buffered comes first */
	while (len) {
		ssize_t k = write(fd, text, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		text += k;
		len -= (size_t)k;
	}
}

void diag_printf(FILE *f, const char *fmt, ...)
{
	sp_buf b = SP_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_emit(f, b.data ? b.data : "", b.len);
	buf_free(&b);
}

static void put_loc(sp_buf *b, sp_loc loc)
{
	buf_puts(b, loc.file ? loc.file : "studypress");
	if (loc.line) {
		buf_printf(b, ":%u", loc.line);
		if (loc.col)
			buf_printf(b, ":%u", loc.col);
	}
	buf_puts(b, ": ");
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
			diag_printf(d->sink, "studypress: too many messages; "
			                     "the rest are not shown\n");
		return;
	}
	d->printed++;
	sp_buf b = SP_BUF_INIT;
	put_loc(&b, loc);
	buf_printf(&b, "%s: ", sev_name(sev));
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	buf_putc(&b, '\n');
	diag_emit(d->sink, b.data, b.len);
	buf_free(&b);
}
