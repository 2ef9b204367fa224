/* paragraph_priv.h - the paragraph engine's shared context (private). */
#ifndef SP_LAYOUT_PARAGRAPH_PRIV_H
#define SP_LAYOUT_PARAGRAPH_PRIV_H

#include <stdint.h>

#include "layout/glyphs.h"
#include "layout/hyphen.h"
#include "layout/paragraph.h"
#include "layout/shapecache.h"
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
	shape_cache *shapes; /* shaped words */
	shape_cache *spare;  /* a freed clone's, for the next clone */
	struct layout_text_ctx *parent, *clone; /* a clone and its maker,
	                                         * while both live */
	hyph *hyph;
	sp_diag *diag;
	tx_warned *warned; /* open addressing set */
	size_t nwarned, capwarned;
	sp_buf scratch;
	char *hyph_path; /* for layout_text_clone */
	int helper;      /* a clone: warnings are noted, not reported */
	int would_warn;  /* a clone met something to warn about */
	sp_loc loc;      /* for text without a location (layout_text_set_loc) */
	/* scratch arrays kept from paragraph to paragraph (they only grow):
	 * a word's breaks (items.c), a cluster's code points (segment.c),
	 * a paragraph's clusters and items (paragraph.c) */
	void *wb;
	size_t capwb;
	uint32_t *cps;
	size_t capcps;
	void *para_c;
	size_t para_cap;
	sp_glyph *para_g;
	size_t para_capg;
	void *items_v;
	size_t items_cap;
	/* segment.c: for each family and variant, the face that draws each
	 * printable ASCII character and its advance (1/1000 em), found
	 * once: ascii_face 0 = not looked up, else face + 1; -1 = no face
	 * has it (resolved the long way, which warns) */
	int16_t ascii_face[FAMILY_N][VARIANT_N][128];
	int16_t ascii_adv[FAMILY_N][VARIANT_N][128];
	/* the line setter's text, pending spaces and glyphs (paragraph.c) */
	sp_buf set_text, set_pend;
	sp_glyph *set_gl;
	size_t set_capgl;
};

#endif
