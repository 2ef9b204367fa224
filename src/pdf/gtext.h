/* gtext.h - the text each glyph of one font stands for, in one document,
 * for its ToUnicode CMap (CID = glyph id). The first text seen for a
 * glyph is kept (a ligature's is all its letters, "fi"); a glyph met
 * again with other text is counted as a conflict. A weak note (a glyph
 * drawn only inside a cluster of several, whose text went to another
 * glyph of the cluster) is a best guess: kept while no plain note comes,
 * replaced by one without a conflict. */
#ifndef SP_PDF_GTEXT_H
#define SP_PDF_GTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

typedef struct pdf_gtext {
	uint32_t *at;  /* [nglyphs]: 0 = none, else 1 + offset into text */
	uint8_t *len;  /* [nglyphs]: bytes */
	uint8_t *weak; /* [nglyphs] or NULL until a weak note: 1 = weak */
	unsigned nglyphs;
	sp_buf text;
	unsigned conflicts;
} pdf_gtext;

#define GTEXT_MAX 64 /* bytes kept per glyph */

pdf_gtext *gtext_new(unsigned nglyphs);
void gtext_free(pdf_gtext *g);
/* Notes that gid draws len bytes of UTF-8 text. */
void gtext_note(pdf_gtext *g, unsigned gid, const char *text, size_t len);
/* Notes that gid, drawn inside a cluster, may stand for len bytes of
 * text; ignored when gid has a text already. */
void gtext_note_weak(pdf_gtext *g, unsigned gid, const char *text, size_t len);
/* Appends the UTF-16BE hex digits of len bytes of UTF-8 text to b. */
void gtext_utf16_hex(sp_buf *b, const char *text, size_t len);
/* The text of gid (NULL when none), its length in *len. */
const char *gtext_get(const pdf_gtext *g, unsigned gid, size_t *len);

#endif
