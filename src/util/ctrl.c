/* ctrl.c - see ctrl.h. */
#include "util/ctrl.h"

size_t sp_ctrl_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] < 0x20 || p[0] == 0x7f)
		return p[0] ? 1 : 0;
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	if (p[0] == 0xd8 && p[1] == 0x9c) /* U+061C */
		return 2;
	if (p[0] != 0xe2 || !p[1] || !p[2])
		return 0;
	if (p[1] == 0x80 &&
	    (p[2] == 0x8e || p[2] == 0x8f || (p[2] >= 0xaa && p[2] <= 0xae)))
		return 3; /* U+200E, U+200F, U+202A-U+202E */
	if (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
		return 3; /* U+2066-U+2069 */
	return 0;
}
