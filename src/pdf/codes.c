/* codes.c - one-byte character codes (see codes.h). */
#include "pdf/codes.h"

#include <stdlib.h>

#include "util/mem.h"

/* Codes in the order they are given: printable ASCII without the three
 * that need a backslash, then the upper half, then the controls, the
 * escaped last (32 is the space's alone). */
static int code_rank(unsigned c)
{
	if (c == ' ')
		return -1;
	if (c == '(' || c == ')' || c == '\\' || c == '\r')
		return 3;
	if (c >= 0x21 && c < 0x7F)
		return 0;
	if (c >= 0x80)
		return 1;
	return 2;
}

/* The n-th code given (n < CODES_MAX). */
static unsigned code_order(unsigned n)
{
	for (int rank = 0; rank < 4; rank++)
		for (unsigned c = 0; c < 256; c++)
			if (code_rank(c) == rank && n-- == 0)
				return c;
	return 0; /* not reached */
}

pdf_codes *codes_new(unsigned nglyphs, unsigned space)
{
	pdf_codes *c = xcalloc(1, sizeof *c);
	c->nglyphs = nglyphs;
	c->code_of = xcalloc(nglyphs ? nglyphs : 1, sizeof *c->code_of);
	if (space && space < nglyphs) {
		c->space = space;
		c->code_of[space] = CODES_SPACE + 1;
		c->gid_of[CODES_SPACE] = (uint16_t)space;
		c->used[CODES_SPACE] = 1;
	}
	return c;
}

void codes_free(pdf_codes *c)
{
	if (!c)
		return;
	free(c->code_of);
	free(c);
}

int codes_get(pdf_codes *c, unsigned gid)
{
	if (gid >= c->nglyphs)
		gid = 0;
	if (c->code_of[gid])
		return c->code_of[gid] - 1;
	if (c->next >= CODES_MAX)
		return -1;
	unsigned code = code_order(c->next++);
	c->code_of[gid] = (uint16_t)(code + 1);
	c->gid_of[code] = (uint16_t)gid;
	c->used[code] = 1;
	return (int)code;
}

int codes_put(pdf_codes *c, sp_buf *b, unsigned gid)
{
	int code = codes_get(c, gid);
	if (code < 0)
		return -1;
	if (code == '(' || code == ')' || code == '\\')
		buf_putc(b, '\\');
	if (code == '\r')
		buf_puts(b, "\\r");
	else
		buf_putc(b, (char)code);
	return code;
}

void codes_cmap(const char *name, sp_buf *out)
{
	buf_printf(out,
	           "/CIDInit /ProcSet findresource begin\n"
	           "12 dict begin\n"
	           "begincmap\n"
	           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
	           "/Supplement 0 >> def\n"
	           "/CMapName /%s def\n"
	           "/CMapType 1 def\n"
	           "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
	           "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
	           "endcmap\n"
	           "CMapName currentdict /CMap defineresource pop\n"
	           "end\n"
	           "end\n",
	           name);
}
