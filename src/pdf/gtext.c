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
	buf_free(&g->text);
	free(g);
}

void gtext_note(pdf_gtext *g, unsigned gid, const char *text, size_t len)
{
	if (gid >= g->nglyphs || !len)
		return;
	if (len > GTEXT_MAX) { /* cut at a character boundary */
		len = GTEXT_MAX;
		while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	if (g->at[gid]) {
		const char *was = g->text.data + g->at[gid] - 1;
		if (g->len[gid] != len || was[0] != text[0] ||
		    (len > 1 && memcmp(was, text, len) != 0))
			g->conflicts++;
		return;
	}
	g->at[gid] = (uint32_t)g->text.len + 1;
	g->len[gid] = (uint8_t)len;
	buf_append(&g->text, text, len);
}

const char *gtext_get(const pdf_gtext *g, unsigned gid, size_t *len)
{
	*len = 0;
	if (gid >= g->nglyphs || !g->at[gid])
		return NULL;
	*len = g->len[gid];
	return g->text.data + g->at[gid] - 1;
}
