/* csv_sniff.c - candidates files as spreadsheets export them: the
 * separator (LibreOffice and Excel write semicolons where the decimal
 * mark is a comma, tabs for "text" exports), rows with nothing in them,
 * and the encodings that are not UTF-8 (see csv.h). */
#include "products/csv.h"

#include <string.h>

#include "util/buf.h"
#include "util/diag.h"

static size_t skip_bom(const char *data, size_t len)
{
	return len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
}

/* Count the separators of the line at data[*pos] outside quotes, and
 * move *pos past it. Returns 1 when the line holds more than separators
 * and white space (a header, not a blank row). */
static int count_line(const char *data, size_t len, size_t *pos,
                      size_t count[3])
{
	static const char seps[3] = {',', ';', '\t'};
	int quoted = 0, text = 0;
	size_t i = *pos;
	for (; i < len; i++) {
		char c = data[i];
		if (c == '"')
			quoted = !quoted; /* "" inside quotes toggles twice */
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		int sep = 0;
		for (int k = 0; k < 3 && !quoted; k++)
			if (c == seps[k]) {
				count[k]++;
				sep = 1;
			}
		text |= !sep && c != ' ';
	}
	while (i < len && (data[i] == '\n' || data[i] == '\r'))
		i++;
	*pos = i;
	return text;
}

char csv_detect_separator(const char *data, size_t len)
{
	static const char seps[3] = {',', ';', '\t'};
	size_t count[3] = {0, 0, 0};
	size_t pos = skip_bom(data, len);
	while (pos < len) {
		count[0] = count[1] = count[2] = 0;
		if (count_line(data, len, &pos, count))
			break; /* the header */
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	return seps[best];
}

int csv_record_blank(const csv_record *rec)
{
	if (rec->error)
		return 0;
	for (size_t i = 0; i < rec->n; i++)
		for (size_t j = 0; j < rec->lens[i]; j++)
			if (!strchr(" \t\r\n", rec->fields[i][j]))
				return 0;
	return 1;
}

int csv_next_filled(csv_reader *r, csv_record *rec)
{
	int got;
	while ((got = csv_next(r, rec)) && csv_record_blank(rec))
		;
	return got;
}

/* ---- encodings ---- */

/* Windows-1252 0x80-0x9F (0 = undefined); the rest is ISO 8859-1. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

unsigned long csv_windows1252_cp(unsigned char c)
{
	if (c >= 0x80 && c <= 0x9F)
		return cp1252_high[c - 0x80];
	return c;
}

/* Length of the valid UTF-8 sequence of two or more bytes at s[i], or
 * 0. */
static size_t utf8_multibyte(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (!n || i + n > len)
		return 0;
	return csv_utf8_valid(s + i, n) ? n : 0;
}

/* Text bytes: Windows-1252 has them all but five; C0 controls other than
 * tab and line ends mean binary data, not text. */
static int cp1252_text_byte(unsigned char c)
{
	if (c < 0x20)
		return c == '\t' || c == '\n' || c == '\r';
	return c < 0x80 || csv_windows1252_cp(c) != 0;
}

csv_encoding csv_guess_encoding(const char *data, size_t len, size_t *offset,
                                unsigned *line)
{
	if (len >= 2 &&
	    (!memcmp(data, "\xFF\xFE", 2) || !memcmp(data, "\xFE\xFF", 2)))
		return CSV_UTF16;
	size_t first = len;
	unsigned lines = 1, first_line = 0;
	for (size_t i = skip_bom(data, len); i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (!cp1252_text_byte(c))
			return CSV_UTF8; /* binary: refused row by row */
		lines += c == '\n';
		if (c < 0x80)
			continue;
		size_t n = utf8_multibyte(data, len, i);
		if (n)
			return CSV_UTF8; /* UTF-8 text, perhaps a bad row */
		if (first == len) {
			first = i;
			first_line = lines;
		}
	}
	if (first == len)
		return CSV_UTF8;
	*offset = first;
	*line = first_line;
	return CSV_WINDOWS1252;
}

/* path as one shell word. */
static void put_shell_word(sp_buf *b, const char *path)
{
	if (*path && strspn(path, "abcdefghijklmnopqrstuvwxyz"
	                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                          "0123456789_./+-,:=@%") == strlen(path)) {
		buf_puts(b, path);
		return;
	}
	buf_putc(b, '\'');
	for (const char *p = path; *p; p++) {
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else
			buf_putc(b, *p);
	}
	buf_putc(b, '\'');
}

static void put_iconv(sp_buf *b, const char *from, const char *file)
{
	buf_printf(b, "iconv -f %s -t UTF-8 ", from);
	put_shell_word(b, file);
	buf_puts(b, " > ");
	sp_buf out = SP_BUF_INIT;
	buf_printf(&out, "%s.utf8", file);
	put_shell_word(b, out.data);
	buf_free(&out);
}

int csv_check_encoding(const char *file, const char *data, size_t len,
                       sp_diag *d)
{
	size_t off = 0;
	unsigned line = 0;
	csv_encoding e = csv_guess_encoding(data, len, &off, &line);
	if (e == CSV_UTF8)
		return 0;
	sp_buf cmd = SP_BUF_INIT;
	if (e == CSV_UTF16) {
		put_iconv(&cmd, "UTF-16", file);
		diag_error(d, sp_loc_make(file, 0, 0),
		           "the file is UTF-16 (it starts with a UTF-16 byte "
		           "order mark), not UTF-8; convert it with: %s",
		           cmd.data);
	} else {
		unsigned char c = (unsigned char)data[off];
		sp_buf ch = SP_BUF_INIT;
		buf_put_utf8(&ch, csv_windows1252_cp(c));
		put_iconv(&cmd, "WINDOWS-1252", file);
		diag_error(d, sp_loc_make(file, line, 0),
		           "the file is not UTF-8 but looks like Windows-1252 "
		           "(byte offset %zu is 0x%02X, '%s' in Windows-1252); "
		           "convert it with: %s",
		           off, c, ch.data, cmd.data);
		buf_free(&ch);
	}
	buf_free(&cmd);
	return -1;
}
