/* test_csv.c - the RFC 4180 reader: quoting, line ends, BOM, errors with
 * line numbers and recovery, UTF-8 validation, limits, writing fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "products/csv.h"
#include "util/buf.h"
#include "util/diag.h"

#include "check.h"

/* Read every record of s into a compact description: one line per
 * record, "LINE:f1|f2|..." or "LINE!ERRLINE:error". */
static char *describe(const char *s, size_t len)
{
	csv_reader r;
	csv_reader_init(&r, s, len);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	sp_buf out = SP_BUF_INIT;
	while (csv_next(&r, &rec)) {
		if (rec.error) {
			buf_printf(&out, "%u!%u:%s\n", rec.line, rec.error_line,
			           rec.error);
			continue;
		}
		buf_printf(&out, "%u:", rec.line);
		for (size_t i = 0; i < rec.n; i++)
			buf_printf(&out, "%s%s", i ? "|" : "", rec.fields[i]);
		buf_putc(&out, '\n');
	}
	csv_record_free(&rec);
	return out.data ? buf_detach(&out) : calloc(1, 1);
}

static void expect(const char *in, const char *want, int line)
{
	char *got = describe(in, strlen(in));
	if (strcmp(got, want)) {
		fprintf(stderr, "%s:%d: input\n%s\n--- got\n%s--- want\n%s",
		        __FILE__, line, in, got, want);
		failures++;
	}
	free(got);
}
#define EXPECT(in, want) expect(in, want, __LINE__)

static void test_basic(void)
{
	EXPECT("name,id\nJane,1\nBob,2\n", "1:name|id\n2:Jane|1\n3:Bob|2\n");
	EXPECT("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	EXPECT("a,b\nc,d", "1:a|b\n2:c|d\n");             /* no final newline */
	EXPECT("a,,c\n,\n", "1:a||c\n2:|\n");             /* empty fields */
	EXPECT("\n\na\n\r\n\nb\n", "3:a\n6:b\n");         /* blank lines */
	EXPECT("\xEF\xBB\xBFname\nx\n", "1:name\n2:x\n"); /* BOM */
	EXPECT("", "");
	EXPECT(" a , b \n", "1: a | b \n"); /* spaces are data */
}

static void test_quotes(void)
{
	EXPECT("\"a,b\",c\n", "1:a,b|c\n");
	EXPECT("\"say \"\"hi\"\"\",x\n", "1:say \"hi\"|x\n");
	EXPECT("\"two\nlines\",x\ny,z\n", "1:two\nlines|x\n3:y|z\n");
	EXPECT("\"crlf\r\ninside\",x\r\ny\r\n", "1:crlf\r\ninside|x\n3:y\n");
	EXPECT("\"\",x\n", "1:|x\n");
	EXPECT("a,\"\"\n", "1:a|\n");
}

static void test_errors(void)
{
	/* unterminated quote: reported at its line, then the following
	 * lines are read as records of their own */
	EXPECT("name\n\"Jane\nBob\nAmy\n",
	       "1:name\n2!2:unterminated quoted field\n3:Bob\n4:Amy\n");
	EXPECT("a\nx,\"open", "1:a\n2!2:unterminated quoted field\n");
	/* an unclosed quote that runs into a later field's quote */
	EXPECT("name\n\"Bob,2\nCara\n\"Fay\nFox\",7\n",
	       "1:name\n2!2:unterminated quoted field\n3:Cara\n"
	       "4:Fay\nFox|7\n");
	EXPECT("\"ab\"c,d\nok\n",
	       "1!1:unexpected text after a closing quote\n2:ok\n");
	EXPECT("ab\"c,d\nok\n", "1!1:quote inside an unquoted field\n2:ok\n");
	EXPECT("n\n\xC3\x28,x\nok\n", "1:n\n2!2:invalid UTF-8\n3:ok\n");
	/* an error inside a multi-line record names the record's line */
	EXPECT("h\n\"a\nb\",\xFF\nz\n", "1:h\n2!3:invalid UTF-8\n4:z\n");
	static const char nul[] = "a\nb\0c\nd\n";
	char *got = describe(nul, sizeof nul - 1);
	CHECK(!strcmp(got, "1:a\n2!2:NUL byte in a field\n3:d\n"));
	free(got);
}

static void test_limits(void)
{
	sp_buf b = SP_BUF_INIT;
	for (int i = 0; i < CSV_MAX_FIELDS + 5; i++)
		buf_puts(&b, i ? ",x" : "x");
	buf_puts(&b, "\nok\n");
	char *got = describe(b.data, b.len);
	CHECK(!strcmp(got, "1!1:too many fields\n2:ok\n"));
	free(got);
	buf_clear(&b);
	for (int i = 0; i < CSV_MAX_FIELD_BYTES + 10; i++)
		buf_putc(&b, 'a');
	buf_puts(&b, "\nok\n");
	got = describe(b.data, b.len);
	CHECK(!strcmp(got, "1!1:field too long\n2:ok\n"));
	free(got);
	buf_free(&b);
}

static void test_utf8(void)
{
	CHECK(csv_utf8_valid("Jos\xC3\xA9", 5));
	CHECK(csv_utf8_valid("\xE6\x9D\x8E\xF0\x9F\x98\x80", 7));
	CHECK(!csv_utf8_valid("\xC0\xAF", 2));         /* overlong */
	CHECK(!csv_utf8_valid("\xE0\x80\xAF", 3));     /* overlong */
	CHECK(!csv_utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
	CHECK(!csv_utf8_valid("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
	CHECK(!csv_utf8_valid("\xE6\x9D", 2));         /* truncated */
	CHECK(!csv_utf8_valid("\x80", 1));
	CHECK(csv_utf8_valid("", 0));
}

static void test_spans_and_writing(void)
{
	const char *in = "h\n\"a,\"\"b\",c\nd\n";
	csv_reader r;
	csv_reader_init(&r, in, strlen(in));
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	CHECK(csv_next(&r, &rec) == 1);
	CHECK(csv_next(&r, &rec) == 1);
	CHECK(rec.end - rec.start == 9);
	CHECK(!strncmp(in + rec.start, "\"a,\"\"b\",c", 9));
	CHECK(rec.lens[0] == 4);
	csv_record_free(&rec);

	sp_buf b = SP_BUF_INIT;
	const char *fields[] = {"plain",      "a,b",  "say \"hi\"",
	                        "two\nlines", " pad", ""};
	for (size_t i = 0; i < 6; i++) {
		if (i)
			buf_putc(&b, ',');
		csv_put_field(&b, fields[i]);
	}
	CHECK(!strcmp(b.data, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\","
	                      "\" pad\","));
	/* and it reads back */
	buf_putc(&b, '\n');
	csv_reader_init(&r, b.data, b.len);
	memset(&rec, 0, sizeof rec);
	CHECK(csv_next(&r, &rec) == 1 && !rec.error && rec.n == 6);
	for (size_t i = 0; i < 6 && i < rec.n; i++)
		CHECK(!strcmp(rec.fields[i], fields[i]));
	csv_record_free(&rec);
	buf_free(&b);
}

/* Like describe(), with the separator detected from the header and
 * blank records skipped, as a batch reads a candidates file. */
static char *describe_export(const char *s, size_t len)
{
	csv_reader r;
	csv_reader_init(&r, s, len);
	r.sep = csv_detect_separator(s, len);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	sp_buf out = SP_BUF_INIT;
	buf_printf(&out, "[%s]\n", r.sep == '\t' ? "tab" : (char[]){r.sep, 0});
	while (csv_next_filled(&r, &rec)) {
		buf_printf(&out, "%u:", rec.line);
		for (size_t i = 0; i < rec.n; i++)
			buf_printf(&out, "%s%s", i ? "|" : "", rec.fields[i]);
		buf_putc(&out, '\n');
	}
	csv_record_free(&rec);
	return buf_detach(&out);
}

static void expect_export(const char *in, const char *want, int line)
{
	char *got = describe_export(in, strlen(in));
	if (strcmp(got, want)) {
		fprintf(stderr, "%s:%d: input\n%s\n--- got\n%s--- want\n%s",
		        __FILE__, line, in, got, want);
		failures++;
	}
	free(got);
}
#define EXPECT_EXPORT(in, want) expect_export(in, want, __LINE__)

static void test_separators(void)
{
	CHECK(csv_detect_separator("name,id\n", 8) == ',');
	CHECK(csv_detect_separator("name;id;role\n", 13) == ';');
	CHECK(csv_detect_separator("name\tid\n", 8) == '\t');
	CHECK(csv_detect_separator("name\n", 5) == ',');    /* one column */
	CHECK(csv_detect_separator("", 0) == ',');          /* nothing */
	CHECK(csv_detect_separator("a;b,c\n", 6) == ',');   /* a tie */
	CHECK(csv_detect_separator("a;b;c,d\n", 8) == ';'); /* the most */
	/* separators inside quotes do not count, nor do later lines */
	const char *q = "\"last, first\";id\nx,y,z,w\n";
	CHECK(csv_detect_separator(q, strlen(q)) == ';');
	/* a quoted header cell over two lines */
	q = "\"full\nname\";id;role\nx,y,z,w\n";
	CHECK(csv_detect_separator(q, strlen(q)) == ';');
	/* a BOM, empty lines and rows of separators before the header */
	q = "\xEF\xBB\xBF\r\n\r\n,,,\r\n name ; id\r\n";
	CHECK(csv_detect_separator(q, strlen(q)) == ';');

	/* Excel in a comma-decimal locale: BOM, CRLF, semicolons, decimals
	 * in quotes, empty rows kept at the end */
	EXPECT_EXPORT(
	    "\xEF\xBB\xBFname;id;score\r\nAnn Lee;1;\"3,5\"\r\n"
	    "Bo, Chen;2;4\r\n;;\r\n;;\r\n",
	    "[;]\n1:name|id|score\n2:Ann Lee|1|3,5\n3:Bo, Chen|2|4\n");
	/* LibreOffice, every text cell quoted; empty rows anywhere */
	EXPECT_EXPORT("\"name\",\"id\"\n\"Ann\",1\n,\n\"Bo\",2\n,\n\n",
	              "[,]\n1:name|id\n2:Ann|1\n4:Bo|2\n");
	EXPECT_EXPORT("name\tid\r\nAnn\t1\r\n\t\r\n",
	              "[tab]\n1:name|id\n2:Ann|1\n");
	/* a row of white space is blank; quoted empty fields too */
	EXPECT_EXPORT("name,id\n  , \n\"\",\"\"\nx,1\n",
	              "[,]\n1:name|id\n4:x|1\n");
	/* a record with an error is never blank */
	csv_reader r;
	csv_reader_init(&r, ",\"\n", 3);
	csv_record rec;
	memset(&rec, 0, sizeof rec);
	CHECK(csv_next_filled(&r, &rec) == 1 && rec.error &&
	      !csv_record_blank(&rec));
	CHECK(csv_next_filled(&r, &rec) == 0);
	csv_record_free(&rec);
}

static void test_encodings(void)
{
	size_t off = 0;
	unsigned line = 0;
	CHECK(csv_guess_encoding("name\nJos\xC3\xA9\n", 10, &off, &line) ==
	      CSV_UTF8);
	CHECK(csv_guess_encoding("", 0, &off, &line) == CSV_UTF8);
	/* Windows-1252: the first byte that is not UTF-8 and its line */
	const char *w = "name\r\nAnn\r\nJos\xE9 N\xFA\xF1\x65z\r\n";
	CHECK(csv_guess_encoding(w, strlen(w), &off, &line) == CSV_WINDOWS1252);
	CHECK(off == 14 && line == 3);
	/* curly quotes and the euro sign are Windows-1252 too */
	CHECK(csv_guess_encoding("\x93hi\x94 \x80", 6, &off, &line) ==
	      CSV_WINDOWS1252);
	CHECK(off == 0 && line == 1);
	/* UTF-8 text with one bad byte is UTF-8 with a bad row */
	CHECK(csv_guess_encoding("Jos\xC3\xA9\nEve\xFF\n", 10, &off, &line) ==
	      CSV_UTF8);
	/* bytes Windows-1252 leaves undefined, NUL and controls: binary */
	CHECK(csv_guess_encoding("a\x81\n", 3, &off, &line) == CSV_UTF8);
	CHECK(csv_guess_encoding("a\xE9\x01", 3, &off, &line) == CSV_UTF8);
	CHECK(csv_guess_encoding("a\xE9\0", 3, &off, &line) == CSV_UTF8);
	/* UTF-16 byte order marks, either way round */
	CHECK(csv_guess_encoding("\xFF\xFEn\0", 4, &off, &line) == CSV_UTF16);
	CHECK(csv_guess_encoding("\xFE\xFF\0n", 4, &off, &line) == CSV_UTF16);
	CHECK(csv_windows1252_cp(0x80) == 0x20AC);
	CHECK(csv_windows1252_cp(0x9F) == 0x0178);
	CHECK(csv_windows1252_cp(0xE9) == 0xE9);
	CHECK(csv_windows1252_cp(0x81) == 0 && csv_windows1252_cp(0x9D) == 0);

	sp_diag d;
	diag_init(&d, NULL);
	CHECK(csv_check_encoding("x.csv", "a,b\n", 4, &d) == 0);
	CHECK(csv_check_encoding("x.csv", w, strlen(w), &d) < 0);
	CHECK(csv_check_encoding("x.csv", "\xFF\xFE", 2, &d) < 0);
	CHECK(d.errors == 2);
}

int main(void)
{
	test_basic();
	test_quotes();
	test_errors();
	test_limits();
	test_utf8();
	test_spans_and_writing();
	test_separators();
	test_encodings();
	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	puts("test_csv: ok");
	return 0;
}
