/* fakefont.h - a fixed-width fake font device for unit tests.
 *
 * Faces 0..11 are family * 4 + variant: every glyph advances 500/1000 em,
 * ascent 800, descent -200, except the code points the test says they
 * lack. Face FAKEFONT_SUBST (12) is the substitute face: it has U+FFFD
 * only (500 wide). Face FAKEFONT_FALLBACK (13) is a fallback face
 * appended to every chain: it has only the code points given to
 * fakefont_set_fallback (600 wide). Nothing above U+FFFF is reported
 * missing by the device (layout must refuse those itself). */
#ifndef SP_LAYOUT_FAKEFONT_H
#define SP_LAYOUT_FAKEFONT_H

#include <stddef.h>
#include <stdint.h>

#include "layout/font.h"

enum { FAKEFONT_SUBST = 12, FAKEFONT_FALLBACK = 13, FAKEFONT_NFACES = 14 };

/* Fill f with chains of the fake device; the regular faces lack the
 * nlacks code points of lacks (copied). Free with fakefont_free. */
void fakefont_init(layout_fonts *f, const uint32_t *lacks, size_t nlacks);
/* Give the fallback face these code points and append it to every chain. */
void fakefont_set_fallback(layout_fonts *f, const uint32_t *has, size_t n);
/* Number of advance() and has_glyph() calls made so far (cache tests). */
unsigned long fakefont_calls(const layout_fonts *f);
void fakefont_free(layout_fonts *f);

#endif
