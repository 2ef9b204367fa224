/* codes.h - one-byte character codes for a TrueType face in one document
 * (private to src/pdf/).
 *
 * A face whose document draws at most CODES_MAX glyphs besides the space
 * is shown with one byte a glyph instead of two: codes are given in the
 * order glyphs are first drawn (so the same document always gets the
 * same codes, alone or in a batch), the most common first taking the
 * codes that need no escape in a literal string; code 32 is the space
 * glyph's, so that `Tw` justifies a line with one number. The font's
 * /Encoding is then an embedded one-byte identity CMap (CID = code), its
 * CIDToGIDMap maps each code to its glyph, and its /W array and ToUnicode
 * are keyed by the codes. (CID = glyph id, with the CMap mapping codes to
 * glyph ids, would keep the CIDToGIDMap as it is, but poppler's text
 * extraction adds the word spacing to CID 32 rather than to code 32: the
 * glyph whose id is 32 would then read with a space after it.) A face
 * that draws more glyphs keeps Identity-H (codes = glyph ids, two
 * bytes). */
#ifndef SP_PDF_CODES_H
#define SP_PDF_CODES_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

#define CODES_MAX 255 /* glyphs besides the space in one-byte codes */
#define CODES_SPACE 32

typedef struct pdf_codes {
	uint16_t *code_of; /* [nglyphs]: code + 1, 0 = none yet */
	uint16_t gid_of[256];
	unsigned nglyphs;
	unsigned space; /* the space glyph's id, 0 = none */
	unsigned next;  /* codes given (besides the space) */
	unsigned char used[256];
	int face; /* its index among the run's faces (names the CMap) */
} pdf_codes;

/* A face of nglyphs glyphs whose space (U+0020) is glyph `space` (0 if
 * none). */
pdf_codes *codes_new(unsigned nglyphs, unsigned space);
void codes_free(pdf_codes *c);
/* The code of gid, given now if it has none; -1 when all are given (the
 * caller counts a document's glyphs first, so this is not reached). */
int codes_get(pdf_codes *c, unsigned gid);
/* Appends gid's one-byte code, escaped for a literal string, to b;
 * returns the code (or -1 when there is none left: nothing written). */
int codes_put(pdf_codes *c, sp_buf *b, unsigned gid);
/* The text of the embedded CMap stream named name: one-byte codes, CID =
 * code. */
void codes_cmap(const char *name, sp_buf *out);

#endif
