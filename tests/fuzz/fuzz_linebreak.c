/* fuzz_linebreak.c - libFuzzer target for the paragraph engine.
 *
 * Input: byte 0 = width, byte 1 = flags (align, hyphenate, preserve
 * spaces, indent, second span style, missing glyphs), byte 2 = where the
 * second span starts; the rest is text (invalid UTF-8 replaced by U+FFFD,
 * then NFC). Checks: no line is wider than the measure unless it holds a
 * single grapheme; the runs' text, without inserted hyphens and spaces,
 * is exactly the input's visible characters (each cluster that cannot be
 * drawn becomes one U+FFFD): no character is ever dropped. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "layout/fakefont.h"
#include "layout/paragraph.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static layout_text_ctx *fz_ctx[2];
static layout_fonts fz_fonts[2];
static sp_diag fz_diag;

static const uint32_t fz_lacks[] = {'q', 0xE9, 0x4E2D};

static void fz_init(void)
{
	if (fz_ctx[0])
		return;
	diag_init(&fz_diag, NULL);
	fakefont_init(&fz_fonts[0], NULL, 0);
	fakefont_init(&fz_fonts[1], fz_lacks, 3);
	for (int i = 0; i < 2; i++)
		fz_ctx[i] = layout_text_new(
		    &fz_fonts[i], "/usr/share/hyphen/hyph_en_US.dic", &fz_diag);
}

static unsigned fz_flags;
static double fz_width;
static const uint8_t *fz_data;
static size_t fz_size;

static void fz_fail(const char *what, const char *text)
{
	fprintf(stderr, "fuzz_linebreak: %s (width %.2f, flags 0x%02x)\n%s\n",
	        what, fz_width, fz_flags, text);
	FILE *f = fopen("fuzz_linebreak.crash", "wb");
	if (f) {
		fwrite(fz_data, 1, fz_size, f);
		fclose(f);
	}
	abort();
}

/* Valid, NFC text from arbitrary bytes. Caller frees. */
static char *fz_text(const uint8_t *d, size_t n)
{
	sp_buf b = SP_BUF_INIT;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate(d + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp == 0) {
			buf_put_utf8(&b, 0xFFFD);
			i++;
			continue;
		}
		buf_append(&b, (const char *)d + i, (size_t)k);
		i += (size_t)k;
	}
	char *s = buf_detach(&b);
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
	if (nfc) {
		free(s);
		return nfc;
	}
	return s;
}

static int fz_space(utf8proc_int32_t cp)
{
	int cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

static int fz_invisible(utf8proc_int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	return p->ignorable || p->category == UTF8PROC_CATEGORY_CC ||
	       fz_space(cp);
}

static int fz_lacked(utf8proc_int32_t cp, int lacks)
{
	if (cp > 0xFFFF)
		return 1;
	for (size_t i = 0; lacks && i < sizeof fz_lacks / sizeof *fz_lacks; i++)
		if ((utf8proc_int32_t)fz_lacks[i] == cp)
			return 1;
	return 0;
}

/* The visible characters a span must produce, cluster by cluster. */
static void fz_expect(const char *s, size_t n, int lacks, sp_buf *out)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t prev = -1, state = 0, cp;
	sp_buf cl = SP_BUF_INIT;
	int bad = 0;
	size_t i = 0;
	for (;;) {
		utf8proc_ssize_t k = 0;
		int end = i >= n;
		if (!end)
			k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i),
			                     &cp);
		if (end || (prev >= 0 && utf8proc_grapheme_break_stateful(
		                             prev, cp, &state))) {
			if (bad && cl.len)
				buf_put_utf8(out, 0xFFFD);
			else if (cl.len)
				buf_append(out, cl.data, cl.len);
			buf_clear(&cl);
			bad = 0;
		}
		if (end)
			break;
		if (!fz_invisible(cp)) {
			buf_append(&cl, s + i, (size_t)k);
			bad |= fz_lacked(cp, lacks);
		}
		prev = cp;
		i += (size_t)k;
	}
	buf_free(&cl);
}

/* Append s without spaces. */
static void fz_strip(const char *s, size_t n, sp_buf *out)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			k = 1;
		else if (!fz_space(cp))
			buf_append(out, s + i, (size_t)k);
		i += (size_t)k;
	}
}

static int fz_one_grapheme(const char *s, size_t n)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t prev = -1, state = 0, cp;
	size_t i = 0;
	while (i < n) {
		utf8proc_ssize_t k =
		    utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return 0;
		if (prev >= 0 &&
		    utf8proc_grapheme_break_stateful(prev, cp, &state))
			return 0;
		prev = cp;
		i += (size_t)k;
	}
	return 1;
}

static void fz_check(const layout_lines *ls, double width, const char *text,
                     const sp_buf *want)
{
	sp_buf got = SP_BUF_INIT, line = SP_BUF_INIT;
	for (size_t i = 0; i < ls->n; i++) {
		const layout_line *l = &ls->lines[i];
		double right = 0;
		buf_clear(&line);
		for (size_t j = 0; j < l->nruns; j++) {
			const layout_run *r = &l->runs[j];
			if (r->len == 0)
				fz_fail("empty run", text);
			if (r->x + r->width > right)
				right = r->x + r->width;
			buf_append(&line, r->text, r->len);
		}
		if (right > width + 1e-6 &&
		    !(l->nruns == 1 && fz_one_grapheme(line.data, line.len))) {
			for (size_t j = 0; j < l->nruns; j++)
				fprintf(stderr, "[%.2f+%.2f '%s'] ",
				        l->runs[j].x, l->runs[j].width,
				        l->runs[j].text);
			fz_fail("overfull line", text);
		}
		size_t len = line.len;
		if (l->hyphenated) { /* drop the inserted hyphen */
			if (!len || line.data[len - 1] != '-')
				fz_fail("hyphenated line without '-'", text);
			len--;
		}
		fz_strip(line.data ? line.data : "", len, &got);
	}
	if (got.len != want->len ||
	    (got.len && memcmp(got.data, want->data, got.len) != 0)) {
		fprintf(stderr, "got:  %s\nwant: %s\n",
		        got.data ? got.data : "", want->data ? want->data : "");
		fz_fail("characters lost or changed", text);
	}
	buf_free(&got);
	buf_free(&line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3 || size > 20000)
		return 0;
	fz_init();
	uint8_t fw = data[0], fl = data[1], cut = data[2];
	int lacks = (fl >> 7) & 1;
	char *text = fz_text(data + 3, size - 3);
	size_t n = strlen(text), at = n ? cut % (n + 1) : 0;
	while (at < n && (text[at] & 0xC0) == 0x80)
		at++; /* start the second span on a code point */
	layout_para_style st;
	memset(&st, 0, sizeof st);
	st.align = (layout_align)(fl & 3);
	st.hyphenate = (fl >> 2) & 1;
	st.preserve_space = (fl >> 3) & 1;
	st.first_indent = (fl >> 4) & 1 ? 12.5 : 0;
	double width = 1 + fw * 1.7;
	fz_flags = fl;
	fz_data = data;
	fz_size = size;
	fz_width = width;
	layout_span sp[2];
	memset(sp, 0, sizeof sp);
	sp[0].text = text;
	sp[0].len = at;
	sp[0].size = 10;
	sp[1].text = text + at;
	sp[1].len = n - at;
	sp[1].size = (fl >> 5) & 1 ? 7 : 10;
	sp[1].family = (fl >> 6) & 1 ? FAMILY_MONO : FAMILY_BODY;
	sp[1].variant = VARIANT_BOLD;
	sp[1].link = (fl >> 5) & 1 ? "https://x.org" : NULL;
	layout_lines ls;
	layout_break(fz_ctx[lacks], sp, 2, &st, width, &ls);
	sp_buf want = SP_BUF_INIT;
	fz_expect(sp[0].text, sp[0].len, lacks, &want);
	fz_expect(sp[1].text, sp[1].len, lacks, &want);
	fz_check(&ls, width, text, &want);
	buf_free(&want);
	layout_lines_free(&ls);
	free(text);
	return 0;
}
