/* fuzz_csv.c - libFuzzer target: the RFC 4180 reader on arbitrary bytes,
 * with commas and with the separator detected from the header (as a
 * batch reads a candidates file, blank rows skipped). Checks the reader's
 * promises: it always ends, every record starts on a line no earlier
 * than the previous one, spans lie inside the input, a well-formed
 * record's fields are valid UTF-8 without NUL, and writing the fields
 * back and reading them again gives the same fields. The encoding guess
 * points at a byte of the input that is not ASCII. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "products/csv.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void roundtrip(const csv_record *rec)
{
	sp_buf b = SP_BUF_INIT;
	for (size_t i = 0; i < rec->n; i++) {
		if (i)
			buf_putc(&b, ',');
		csv_put_field(&b, rec->fields[i]);
	}
	buf_putc(&b, '\n');
	csv_reader r;
	csv_reader_init(&r, b.data, b.len);
	csv_record again;
	memset(&again, 0, sizeof again);
	int blank = rec->n == 1 && rec->lens[0] == 0;
	int got = csv_next(&r, &again);
	if (!blank) {
		if (!got || again.error || again.n != rec->n)
			abort();
		for (size_t i = 0; i < rec->n; i++)
			if (strcmp(again.fields[i], rec->fields[i]))
				abort();
	}
	csv_record_free(&again);
	buf_free(&b);
}

static void read_all(const uint8_t *data, size_t size, char sep, int filled)
{
	csv_reader r;
	csv_reader_init(&r, (const char *)data, size);
	r.sep = sep;
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	unsigned last = 0;
	size_t records = 0;
	while (filled ? csv_next_filled(&r, &rec) : csv_next(&r, &rec)) {
		if (filled && csv_record_blank(&rec))
			abort();
		if (rec.line < last || rec.start > rec.end || rec.end > size ||
		    ++records > size + 1)
			abort();
		last = rec.line;
		if (rec.error)
			continue;
		for (size_t i = 0; i < rec.n; i++)
			if (strlen(rec.fields[i]) != rec.lens[i] ||
			    !csv_utf8_valid(rec.fields[i], rec.lens[i]))
				abort();
		roundtrip(&rec);
	}
	csv_record_free(&rec);
}

static void guess(const uint8_t *data, size_t size)
{
	size_t off = 0;
	unsigned line = 0;
	csv_encoding e =
	    csv_guess_encoding((const char *)data, size, &off, &line);
	if (e == CSV_WINDOWS1252 &&
	    (off >= size || data[off] < 0x80 || line == 0 ||
	     !csv_windows1252_cp(data[off]) || line > size + 1))
		abort();
	if (e == CSV_UTF16 && size < 2)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_all(data, size, ',', 0);
	char sep = csv_detect_separator((const char *)data, size);
	if (sep != ',' && sep != ';' && sep != '\t')
		abort();
	read_all(data, size, sep, 1);
	guess(data, size);
	return 0;
}
