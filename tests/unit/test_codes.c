/* test_codes.c - one-byte character codes (src/pdf/codes.c): the space
 * is code 32, other glyphs get codes in order of first use, the codes
 * needing an escape last, and nothing past CODES_MAX. */
#include <stdlib.h>
#include <string.h>

#include "pdf/codes.h"

#include "check.h"

static void test_order(void)
{
	pdf_codes *c = codes_new(1000, 3);
	CHECK(codes_get(c, 3) == 32); /* the space */
	CHECK(codes_get(c, 500) == 0x21);
	CHECK(codes_get(c, 7) == 0x22);
	CHECK(codes_get(c, 500) == 0x21); /* kept */
	CHECK(c->gid_of[0x22] == 7);
	CHECK(codes_get(c, 5000) == 0x23); /* out of range: glyph 0 */
	CHECK(c->gid_of[0x23] == 0);
	int seen32 = 0, esc_before = 0, n = 3, last = 0;
	for (unsigned g = 10; g < 400; g++) {
		int k = codes_get(c, g);
		if (k < 0)
			break;
		n++;
		seen32 += k == 32;
		if (k == '(' || k == ')' || k == '\\' || k == '\r')
			esc_before += n < CODES_MAX - 3;
		last = k;
	}
	CHECK(n == CODES_MAX);
	CHECK(!seen32);
	CHECK(!esc_before);
	CHECK(last == '\\');
	CHECK(codes_get(c, 999) == -1); /* all given */
	codes_free(c);
}

static void test_put(void)
{
	pdf_codes *c = codes_new(400, 0);
	sp_buf b = SP_BUF_INIT;
	for (unsigned g = 1; g <= CODES_MAX; g++)
		codes_put(c, &b, g);
	/* the last four: CR ( ) \, escaped */
	CHECK(b.len == CODES_MAX + 4);
	CHECK(!memcmp(b.data + b.len - 8, "\\r\\(\\)\\\\", 8));
	CHECK(codes_put(c, &b, 399) == -1);
	CHECK(!c->used[32]); /* no space glyph: 32 stays free */
	buf_free(&b);
	codes_free(c);
}

static void test_cmap(void)
{
	sp_buf b = SP_BUF_INIT;
	codes_cmap("X", &b);
	buf_putc(&b, 0);
	CHECK(strstr(b.data, "/CMapName /X def"));
	CHECK(strstr(b.data, "<00> <FF>\nendcodespacerange"));
	CHECK(strstr(b.data, "<00> <FF> 0\nendcidrange"));
	buf_free(&b);
}

int main(void)
{
	test_order();
	test_put();
	test_cmap();
	return failures != 0;
}
