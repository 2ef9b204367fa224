/* leakcheck.c - see leakcheck.h. */
#include "cli/leakcheck.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define SP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SP_ASAN 1
#endif
#endif
#ifndef SP_ASAN
#define SP_ASAN 0
#endif

int cli_asan_build(void)
{
	return SP_ASAN;
}

int cli_under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");
	return p && strstr(p, "vgpreload");
}

int cli_free_at_exit(void)
{
	return cli_asan_build() || cli_under_valgrind();
}
