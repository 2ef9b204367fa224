/* test_buf.c - buf_put_uint and buf_put_hex write what printf's %llu and
 * %0*X write. */
#include <limits.h>
#include <stdio.h>

#include "util/buf.h"

#include "check.h"

int main(void)
{
	static const unsigned long long v[] = {
	    0, 7, 10, 99, 100, 4294967295ULL, 1234567890123ULL, ULLONG_MAX};
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		sp_buf b = SP_BUF_INIT;
		buf_puts(&b, "x");
		buf_put_uint(&b, v[i]);
		char want[32];
		snprintf(want, sizeof want, "x%llu", v[i]);
		CHECK_STR(b.data, want);
		buf_free(&b);
	}
	static const struct {
		unsigned long v;
		int digits;
	} h[] = {{0, 2},      {0xAB, 2},     {0x7, 4},         {0xFEFF, 4},
	         {0xD83D, 4}, {0x10FFFF, 6}, {0xDEADBEEFUL, 8}};
	for (size_t i = 0; i < sizeof h / sizeof *h; i++) {
		sp_buf b = SP_BUF_INIT;
		buf_put_hex(&b, h[i].v, h[i].digits);
		char want[32];
		snprintf(want, sizeof want, "%0*lX", h[i].digits, h[i].v);
		CHECK_STR(b.data, want);
		buf_free(&b);
	}
	return failures != 0;
}
