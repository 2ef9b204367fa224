/* csv.h - an RFC 4180 reader: quoted fields, commas (or another
 * separator: semicolons and tabs, as spreadsheets write them), CR/LF and
 * LF line ends, newlines and "" escapes inside quotes, an optional UTF-8
 * byte order mark. Every record says on which line it starts, and a malformed
 * record is returned with an error (and skipped to the end of its line)
 * instead of stopping the reader, so callers can report
 * FILE:LINE: error: ... per row and carry on with the others. */
#ifndef SP_PRODUCTS_CSV_H
#define SP_PRODUCTS_CSV_H

#include <stddef.h>

/* Limits on hostile input. */
#define CSV_MAX_FIELDS 256                     /* fields per record */
#define CSV_MAX_FIELD_BYTES 65536              /* bytes per field */
#define CSV_MAX_FILE_BYTES (64u * 1024 * 1024) /* a whole file */

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
	char sep;         /* field separator: ',' (the default), ';', '\t' */
} csv_reader;

/* data must stay valid while reading. A leading UTF-8 BOM is skipped.
 * The separator is ','; set r->sep before reading for another. */
void csv_reader_init(csv_reader *r, const char *data, size_t len);
/* Read the next record into rec (reusing its storage). Blank lines are
 * skipped. Returns 1 when a record (possibly with rec->error set) was
 * read, 0 at the end of the input. */
int csv_next(csv_reader *r, csv_record *rec);
void csv_record_free(csv_record *rec);

/* 1 when s[0..len) is valid UTF-8 (no overlong forms, no surrogates, no
 * code points above U+10FFFF). */
int csv_utf8_valid(const char *s, size_t len);

/* ---- files as spreadsheets export them (csv_sniff.c) ---- */

/* The separator of the header line (the first line with more than
 * separators and white space): whichever of ',', ';' and tab occurs most
 * often in it outside quotes; ',' on a tie or when there is none. */
char csv_detect_separator(const char *data, size_t len);

/* 1 when rec is well-formed and every field is empty or white space: a
 * row as spreadsheets write for an empty line (",,,", ";;;"). */
int csv_record_blank(const csv_record *rec);

/* csv_next(), skipping blank records (see csv_record_blank). */
int csv_next_filled(csv_reader *r, csv_record *rec);

/* What a file that is not UTF-8 looks like. */
typedef enum csv_encoding {
	CSV_UTF8,       /* valid UTF-8 (or ASCII) */
	CSV_UTF16,      /* starts with a UTF-16 byte order mark */
	CSV_WINDOWS1252 /* not UTF-8, but every byte is Windows-1252 text */
} csv_encoding;

/* Which of the above data is (CSV_UTF8 also for invalid UTF-8 that is
 * not Windows-1252 text either, such as binary data: its records are
 * refused one by one). For CSV_WINDOWS1252, *offset is the byte offset
 * of the first byte that is not UTF-8, *line its line. */
csv_encoding csv_guess_encoding(const char *data, size_t len, size_t *offset,
                                unsigned *line);

/* The Unicode code point of Windows-1252 byte c (0 for the five bytes
 * it leaves undefined). */
unsigned long csv_windows1252_cp(unsigned char c);

/* Refuse a file that is UTF-16 or Windows-1252 with a message that names
 * the encoding, where it shows (byte offset) and the iconv command that
 * converts it, reported at FILE. Returns 0 for UTF-8, -1 after
 * reporting. */
struct sp_diag;
int csv_check_encoding(const char *file, const char *data, size_t len,
                       struct sp_diag *d);

/* Append field to *out quoted as RFC 4180 requires (only when it holds a
 * comma, quote, CR or LF, starts or ends with a space, or starts with
 * U+FEFF, which would read as a byte order mark). */
struct sp_buf;
void csv_put_field(struct sp_buf *out, const char *field);

#endif
