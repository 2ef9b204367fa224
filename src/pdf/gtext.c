/* gtext.c - glyph -> text, first come first kept. */
#include "pdf/gtext.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

pdf_gtext *gtext_new(unsigned nglyphs)
{
	pdf_gtext *g = xcalloc(1, sizeof *g);
	g->nglyphs = nglyphs;
	g->at = xcalloc(nglyphs ? nglyphs : 1, sizeof *g->at);
	g->len = xcalloc(nglyphs ? nglyphs : 1, 1);
	buf_init(&g->text);
	return g;
}

void gtext_free(pdf_gtext *g)
{
	if (!g)
		return;
	free(g->at);
	free(g->len);
	free(g->weak);
	buf_free(&g->text);
	free(g);
}

/* len cut to GTEXT_MAX bytes at a character boundary. */
static size_t kept_len(const char *text, size_t len)
{
	if (len > GTEXT_MAX) {
		len = GTEXT_MAX;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	return len;
}

static void put_text(pdf_gtext *g, unsigned gid, const char *text, size_t len)
{
	g->at[gid] = (uint32_t)g->text.len + 1;
	g->len[gid] = (uint8_t)len;
	buf_append(&g->text, text, len);
}

void gtext_note(pdf_gtext *g, unsigned gid, const char *text, size_t len)
{
	if (gid >= g->nglyphs || !len)
		return;
	len = kept_len(text, len);
	if (g->at[gid] && g->weak && g->weak[gid]) {
		g->weak[gid] = 0; /* a plain note wins over a guess */
		put_text(g, gid, text, len);
		return;
	}
	if (g->at[gid]) {
		const char *was = g->text.data + g->at[gid] - 1;
		if (g->len[gid] != len || was[0] != text[0] ||
		    (len > 1 && memcmp(was, text, len) != 0))
			g->conflicts++;
		return;
	}
	put_text(g, gid, text, len);
}

void gtext_note_weak(pdf_gtext *g, unsigned gid, const char *text, size_t len)
{
	if (gid >= g->nglyphs || !len || g->at[gid])
		return;
	if (!g->weak)
		g->weak = xcalloc(g->nglyphs, 1);
	g->weak[gid] = 1;
	put_text(g, gid, text, kept_len(text, len));
}

const char *gtext_get(const pdf_gtext *g, unsigned gid, size_t *len)
{
	*len = 0;
	if (gid >= g->nglyphs || !g->at[gid])
		return NULL;
	*len = g->len[gid];
	return g->text.data + g->at[gid] - 1;
}

/* Decodes one UTF-8 sequence of valid text (layout validated it);
 * returns its length (1 for a stray byte, read as U+FFFD). */
static size_t utf8_one(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned c = s[0];
	size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	if (len > n || (c >= 0x80 && c < 0xC2)) {
		*cp = 0xFFFD;
		return 1;
	}
	uint32_t v = len == 1 ? c : c & (0x7Fu >> len);
	for (size_t i = 1; i < len; i++)
		v = v << 6 | (s[i] & 0x3Fu);
	*cp = v > 0x10FFFF ? 0xFFFD : v;
	return len;
}

void gtext_utf16_hex(sp_buf *b, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_one(s + i, len - i, &cp);
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			buf_put_hex(b, 0xD800u + (cp >> 10), 4);
			buf_put_hex(b, 0xDC00u + (cp & 0x3FF), 4);
		} else {
			buf_put_hex(b, cp, 4);
		}
	}
}
