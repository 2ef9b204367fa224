/* text_priv.h - the paragraph engine's shared context (private). */
#ifndef SP_LAYOUT_TEXT_PRIV_H
#define SP_LAYOUT_TEXT_PRIV_H

#include <stdint.h>

#include "layout/glyphs.h"
#include "layout/hyphen.h"
#include "layout/text.h"
#include "util/buf.h"

/* A (location, code point) pair already warned about. */
typedef struct tx_warned {
	const char *file;
	unsigned line, col;
	uint32_t cp;
	int used;
} tx_warned;

struct layout_text_ctx {
	const layout_fonts *fonts;
	glyph_cache *glyphs;
	hyph *hyph;
	sp_diag *diag;
	tx_warned *warned; /* open addressing set */
	size_t nwarned, capwarned;
	sp_buf scratch;
};

#endif
