/* ctrl.h - characters a stranger's text must not carry to a terminal, a
 * spreadsheet or a message: C0 controls (U+0000-U+001F), DEL, C1
 * controls (U+0080-U+009F) and the bidirectional formatting characters
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which can
 * recolour, retitle or clear a terminal, or make text read backwards. */
#ifndef SP_UTIL_CTRL_H
#define SP_UTIL_CTRL_H

#include <stddef.h>

/* The length in bytes (1-3) of such a character at p (UTF-8), or 0. */
size_t sp_ctrl_len(const char *p);

#endif
