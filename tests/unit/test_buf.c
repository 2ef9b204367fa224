/* test_buf.c - buf_put_uint writes what printf's %llu writes. */
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
	return failures != 0;
}
