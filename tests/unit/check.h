/* check.h - the unit tests' tiny harness: CHECK and CHECK_STR count
 * failures and print where they happened; main returns failures != 0. */
#ifndef SP_TESTS_CHECK_H
#define SP_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			failures++;                                            \
		}                                                              \
	} while (0)

#define CHECK_STR(a, b)                                                        \
	do {                                                                   \
		const char *a_ = (a), *b_ = (b);                               \
		if (!a_ || !b_ || strcmp(a_, b_)) {                            \
			fprintf(stderr, "%s:%d: '%s' != '%s'\n", __FILE__,     \
			        __LINE__, a_ ? a_ : "(null)",                  \
			        b_ ? b_ : "(null)");                           \
			failures++;                                            \
		}                                                              \
	} while (0)

#endif
