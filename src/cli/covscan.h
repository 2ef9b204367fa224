/* covscan.h - the characters of a text that no face of its font chain can
 * draw, found without laying the text out (check's coverage pass).
 *
 * A span is tested against its chain's faces through a table of which
 * faces have each code point (one device lookup per code point and
 * chain): when one face has every visible character of the span, no
 * cluster of it can miss. Otherwise the span is measured as one line
 * with the layout text context, which reports exactly what laying it
 * out reports (the same message, location and once-per-location rule). */
#ifndef SP_CLI_COVSCAN_H
#define SP_CLI_COVSCAN_H

#include <stddef.h>

#include "corpus/smartpunct.h"
#include "layout/paragraph.h"

typedef struct covscan covscan;

/* fonts and text are borrowed for the scanner's life; smart: the
 * template sets smart punctuation (text is checked as converted). */
covscan *covscan_new(const layout_fonts *fonts, layout_text_ctx *text,
                     int smart);
void covscan_free(covscan *c);

/* Check len bytes of text (valid UTF-8) in family/variant, reported at
 * loc (a zero loc: none). sp: the paragraph's smart-punctuation state
 * (text is converted as the paragraph would convert it, and sp moves
 * on), or NULL for text kept as typed (code blocks, list markers). */
void covscan_text(covscan *c, const char *text, size_t len, int family,
                  int variant, sp_loc loc, smartpunct *sp);
/* The same for a NUL-terminated string (NULL: nothing). */
void covscan_str(covscan *c, const char *s, int family, int variant, sp_loc loc,
                 smartpunct *sp);
/* covscan_str for a string that stays where it is until covscan_forget:
 * a second check of it in the same style, place and punctuation state
 * is skipped (it would report nothing new), only sp moves on. */
void covscan_kept(covscan *c, const char *s, int family, int variant,
                  sp_loc loc, smartpunct *sp);
/* Forget the strings seen by covscan_kept. */
void covscan_forget(covscan *c);

#endif
