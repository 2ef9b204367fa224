/* fuzz_smartpunct.c - libFuzzer target for typographic punctuation.
 *
 * Input: any bytes, converted as one paragraph and again split into two
 * runs at the first byte's position (the state crossing a run boundary).
 * The output must be valid UTF-8 when the input is, and for ASCII input
 * spelling every typographic mark back in ASCII (’ ‘ ′ as ', “ ” ″ as ",
 * – as --, — as ---, … as ...) must give the input back: nothing is
 * dropped, added or moved. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "corpus/smartpunct.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const char *s, size_t n)
{
	utf8proc_int32_t c;
	for (size_t i = 0; i < n;) {
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                     (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static int ascii(const uint8_t *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (d[i] >= 0x80 || d[i] == 0)
			return 0;
	return 1;
}

/* The output with its marks spelled in ASCII. */
static void fold(const sp_buf *in, sp_buf *out)
{
	utf8proc_int32_t c;
	for (size_t i = 0; i < in->len;) {
		utf8proc_ssize_t k =
		    utf8proc_iterate((const utf8proc_uint8_t *)in->data + i,
		                     (utf8proc_ssize_t)(in->len - i), &c);
		if (k <= 0)
			abort();
		if (c == 0x2018 || c == 0x2019 || c == 0x2032)
			buf_putc(out, '\'');
		else if (c == 0x201C || c == 0x201D || c == 0x2033)
			buf_putc(out, '"');
		else if (c == 0x2013)
			buf_puts(out, "--");
		else if (c == 0x2014)
			buf_puts(out, "---");
		else if (c == 0x2026)
			buf_puts(out, "...");
		else
			buf_append(out, in->data + i, (size_t)k);
		i += (size_t)k;
	}
}

static void check(const uint8_t *data, size_t size, const sp_buf *out)
{
	const char *s = (const char *)data;
	if (valid_utf8(s, size) && !valid_utf8(out->data, out->len))
		abort();
	if (!ascii(data, size))
		return;
	sp_buf f = SP_BUF_INIT;
	fold(out, &f);
	if (f.len != size || (size && memcmp(f.data, s, size)))
		abort();
	buf_free(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	smartpunct st;
	sp_buf out = SP_BUF_INIT;
	smartpunct_init(&st);
	smartpunct_run(&st, s, size, 0, &out);
	check(data, size, &out);
	buf_free(&out);
	/* two runs, split where the first byte says (at a UTF-8 boundary
	 * only when the input is ASCII) */
	size_t cut = size ? data[0] % (size + 1) : 0;
	if (!ascii(data, size))
		cut = 0;
	smartpunct_init(&st);
	smartpunct_run(&st, s, cut, SMARTPUNCT_UNKNOWN, &out);
	smartpunct_run(&st, s + cut, size - cut, 0, &out);
	check(data, size, &out);
	buf_free(&out);
	(void)smartpunct_needed(s, size);
	return 0;
}
