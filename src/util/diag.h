/* diag.h - the one diagnostics module.
 *
 * Every message is "FILE:LINE:COL: error|warning: text" (LINE and COL are
 * 1-based; a zero COL prints "FILE:LINE: ...", a zero LINE prints
 * "FILE: ..."). Messages are written to the sink as they are reported and
 * counted; the worst severity decides the exit status. Each message
 * reaches the sink in one write (diag_emit), so that the messages of
 * forked workers sharing stderr never interleave. */
#ifndef SP_UTIL_DIAG_H
#define SP_UTIL_DIAG_H

#include <stdio.h>

typedef struct sp_loc {
	const char *file; /* not owned; NULL for "studypress" */
	unsigned line;    /* 1-based, 0 = unknown */
	unsigned col; /* 1-based, in characters (code points), 0 = unknown */
} sp_loc;

typedef enum sp_severity { SP_NOTE, SP_WARNING, SP_ERROR } sp_severity;

typedef struct sp_diag {
	FILE *sink;        /* stderr by default; NULL = count only */
	unsigned errors;   /* number of errors reported */
	unsigned warnings; /* number of warnings reported */
	unsigned
	    max_messages; /* stop printing after this many (0 = no limit) */
	unsigned printed;
} sp_diag;

void diag_init(sp_diag *d, FILE *sink);
void diag_report(sp_diag *d, sp_severity sev, sp_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define diag_error(d, loc, ...) diag_report((d), SP_ERROR, (loc), __VA_ARGS__)
#define diag_warning(d, loc, ...)                                              \
	diag_report((d), SP_WARNING, (loc), __VA_ARGS__)
/* Write text to f in one write(2) when f has a file descriptor (after
 * flushing what f buffers), else with fwrite (memory streams). For every
 * message that may come from a worker process or thread. */
void diag_emit(FILE *f, const char *text, size_t len);
/* Format into a buffer, then diag_emit. */
void diag_printf(FILE *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Location helper. */
sp_loc sp_loc_make(const char *file, unsigned line, unsigned col);

#endif
