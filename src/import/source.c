/* source.c - decoding a source file: binary and foreign encodings are
 * refused with a message that names them; the text is made uniform for
 * the importers (see source.h). */
#include "import/source.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "corpus/text.h"
#include "util/buf.h"
#include "util/mem.h"

/* Line (1-based) of byte offset off. */
static unsigned line_of(const char *data, size_t off)
{
	unsigned line = 1;
	for (size_t i = 0; i < off; i++)
		line += data[i] == '\n';
	return line;
}

typedef struct magic {
	const char *bytes;
	size_t n;
	const char *what, *advice;
} magic;

static const magic magics[] = {
    {"%PDF-", 5, "a PDF file", "copy its text out first (pdftotext)"},
    {"PK\x03\x04", 4, "a ZIP archive (an Anki .apkg, a .docx or .xlsx?)",
     "export the deck as 'Notes in Plain Text', or save the document as "
     "text"},
    {"SQLite format 3", 16, "an SQLite database (an Anki collection?)",
     "export the deck as 'Notes in Plain Text'"},
    {"\x89PNG", 4, "a PNG image", "import reads text"},
    {"\xFF\xD8\xFF", 3, "a JPEG image", "import reads text"},
    {"GIF8", 4, "a GIF image", "import reads text"},
    {"\x1F\x8B", 2, "a gzip file", "decompress it first"},
};

/* A file that is not text at all: -1 after reporting. */
static int refuse_binary(const char *data, size_t len, imp_report *r)
{
	for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
		if (len >= magics[i].n &&
		    !memcmp(data, magics[i].bytes, magics[i].n)) {
			imp_error(r, 0, "this is %s, not text: %s",
			          magics[i].what, magics[i].advice);
			return -1;
		}
	const char *nul = memchr(data, '\0', len);
	if (nul) {
		size_t off = (size_t)(nul - data);
		imp_error(r, line_of(data, off),
		          "a binary file (a NUL byte at byte offset %zu); "
		          "import reads text",
		          off);
		return -1;
	}
	return 0;
}

/* The file name, quoted for a shell when it needs it. */
static void shell_word(sp_buf *b, const char *s)
{
	int plain = *s != '\0';
	for (const char *p = s; *p; p++)
		if (!strchr(
		        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		        "0123456789._/-+",
		        *p))
			plain = 0;
	if (plain) {
		buf_puts(b, s);
		return;
	}
	buf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			buf_puts(b, "'\\''");
		else if ((unsigned char)*p < 0x20 || *p == 0x7F)
			buf_putc(b, '?');
		else
			buf_putc(b, *p);
	}
	buf_putc(b, '\'');
}

/* "iconv -f ENC -t UTF-8 NAME > NAME-utf8.EXT" */
static char *iconv_command(const char *enc, const char *name)
{
	sp_buf out = SP_BUF_INIT, conv = SP_BUF_INIT;
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');
	if (!strcmp(name, "-"))
		name = "FILE";
	if (dot && dot != (slash ? slash + 1 : name)) {
		buf_append(&conv, name, (size_t)(dot - name));
		buf_printf(&conv, "-utf8%s", dot);
	} else {
		buf_printf(&conv, "%s-utf8.txt", name);
	}
	buf_printf(&out, "iconv -f %s -t UTF-8 ", enc);
	shell_word(&out, name);
	buf_puts(&out, " > ");
	shell_word(&out, conv.data);
	buf_free(&conv);
	return buf_detach(&out);
}

/* Could these bytes be Windows-1252? Every byte above 0x7F must be one
 * that code page defines. */
static int maybe_cp1252(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 ||
		    c == 0x9D)
			return 0;
	}
	return 1;
}

static int refuse_encoding(const char *name, const char *data, size_t len,
                           imp_report *r)
{
	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
	                 (data[0] == '\xFE' && data[1] == '\xFF'))) {
		char *cmd = iconv_command("UTF-16", name);
		imp_error(r, 0,
		          "this is UTF-16 text; import reads UTF-8: "
		          "convert it with %s",
		          cmd);
		free(cmd);
		return -1;
	}
	if (refuse_binary(data, len, r))
		return -1;
	size_t bad = text_utf8_invalid(data, len);
	if (bad == TEXT_OK)
		return 0;
	unsigned line = line_of(data, bad);
	unsigned byte = (unsigned char)data[bad];
	if (!maybe_cp1252(data, len)) {
		imp_error(r, line, "not UTF-8: byte 0x%02X at byte offset %zu",
		          byte, bad);
		return -1;
	}
	char *cmd = iconv_command("WINDOWS-1252", name);
	imp_error(r, line,
	          "not UTF-8: byte 0x%02X at byte offset %zu; the file looks "
	          "like Windows-1252: convert it with %s",
	          byte, bad, cmd);
	free(cmd);
	return -1;
}

/* Bytes of a character to replace at p (0 = keep it), its code point in
 * *cp. */
static size_t bad_char(const unsigned char *p, size_t left, int32_t *cp)
{
	if (*p < 0x80) {
		*cp = *p;
		return (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
		               *p == 0x7F
		           ? 1
		           : 0;
	}
	utf8proc_ssize_t n =
	    utf8proc_iterate(p, (utf8proc_ssize_t)left, (utf8proc_int32_t *)cp);
	if (n <= 0)
		return 0;
	int32_t c = *cp;
	int bad = (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029 ||
	          c == 0xFFFE || c == 0xFFFF || c == 0xFEFF;
	return bad ? (size_t)n : 0;
}

/* CR LF and lone CR to LF; control characters to a space (U+FEFF, a
 * zero-width no-break space, to nothing), each reported once a line. */
static void clean(sp_buf *out, const char *s, size_t len, imp_report *r)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned line = 1, reported = 0;
	for (size_t i = 0; i < len;) {
		if (p[i] == '\r') {
			buf_putc(out, '\n');
			i += i + 1 < len && p[i + 1] == '\n' ? 2 : 1;
			line++;
			continue;
		}
		int32_t cp;
		size_t n = bad_char(p + i, len - i, &cp);
		if (!n) {
			line += p[i] == '\n';
			buf_putc(out, (char)p[i++]);
			continue;
		}
		if (reported != line)
			imp_warn(r, line,
			         "control character U+%04lX replaced by %s",
			         (unsigned long)cp,
			         cp == 0xFEFF ? "nothing" : "a space");
		reported = line;
		if (cp != 0xFEFF)
			buf_putc(out, ' ');
		i += n;
	}
}

static void split_lines(imp_src *s)
{
	size_t cap = 0, start = 0;
	unsigned no = 1;
	for (;;) {
		const char *nl = memchr(s->text + start, '\n', s->len - start);
		size_t end = nl ? (size_t)(nl - s->text) : s->len;
		if (!nl && start == s->len && s->nlines)
			break; /* the file ends with a line end */
		s->lines =
		    xgrow(s->lines, &cap, s->nlines + 1, sizeof *s->lines);
		s->lines[s->nlines++] =
		    (imp_line){s->text + start, end - start, no++};
		if (!nl)
			break;
		start = end + 1;
	}
}

int imp_src_init(imp_src *s, const char *name, const char *data, size_t len,
                 imp_report *r)
{
	memset(s, 0, sizeof *s);
	s->name = name;
	if (refuse_encoding(name, data, len, r))
		return -1;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	char *nfc = text_nfc(data, len);
	sp_buf b = SP_BUF_INIT;
	clean(&b, nfc ? nfc : data, nfc ? strlen(nfc) : len, r);
	free(nfc);
	s->len = b.len;
	s->text = buf_detach(&b);
	split_lines(s);
	return 0;
}

void imp_src_free(imp_src *s)
{
	free(s->text);
	free(s->lines);
	memset(s, 0, sizeof *s);
}

int imp_line_blank(const imp_line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (l->s[i] != ' ' && l->s[i] != '\t')
			return 0;
	return 1;
}
