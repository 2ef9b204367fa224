/* csv.h - an RFC 4180 reader: quoted fields, commas, CR/LF and LF line
 * ends, newlines and "" escapes inside quotes, an optional UTF-8 byte
 * order mark. Every record says on which line it starts, and a malformed
 * record is returned with an error (and skipped to the end of its line)
 * instead of stopping the reader, so callers can report
 * FILE:LINE: error: ... per row and carry on with the others. */
#ifndef SP_PRODUCTS_CSV_H
#define SP_PRODUCTS_CSV_H

#include <stddef.h>

/* Limits on hostile input. */
#define CSV_MAX_FIELDS 256                      /* fields per record */
#define CSV_MAX_FIELD_BYTES 65536               /* bytes per field */
#define CSV_MAX_FILE_BYTES (512u * 1024 * 1024) /* a whole file */

typedef struct csv_record {
	char **fields;       /* NUL-terminated UTF-8 (when no error), owned */
	size_t *lens;        /* bytes of each field */
	size_t n, cap;       /* fields */
	unsigned line;       /* 1-based line where the record starts */
	const char *error;   /* static message, or NULL when well-formed */
	unsigned error_line; /* line of the error (an unterminated quote's
	                      * opening line, an invalid byte's line) */
	size_t start, end;   /* byte span of the record in the input,
	                      * excluding the line end */
} csv_record;

typedef struct csv_reader {
	const char *data; /* borrowed */
	size_t len, pos;  /* bytes */
	unsigned line;    /* line of data[pos], 1-based */
} csv_reader;

/* data must stay valid while reading. A leading UTF-8 BOM is skipped. */
void csv_reader_init(csv_reader *r, const char *data, size_t len);
/* Read the next record into rec (reusing its storage). Blank lines are
 * skipped. Returns 1 when a record (possibly with rec->error set) was
 * read, 0 at the end of the input. */
int csv_next(csv_reader *r, csv_record *rec);
void csv_record_free(csv_record *rec);

/* 1 when s[0..len) is valid UTF-8 (no overlong forms, no surrogates, no
 * code points above U+10FFFF). */
int csv_utf8_valid(const char *s, size_t len);

/* Append field to *out quoted as RFC 4180 requires (only when it holds a
 * comma, quote, CR or LF, starts or ends with a space, or starts with
 * U+FEFF, which would read as a byte order mark). */
struct sp_buf;
void csv_put_field(struct sp_buf *out, const char *field);

#endif
