/* hugepages.c - the heap in transparent huge pages.
 *
 * A handbook of 1,000 questions touches about 150 MB of heap in small
 * pieces: in 4 kB pages that is some 35,000 page faults and as many TLB
 * entries to miss. glibc (2.35 and later) asks the kernel for 2 MB pages
 * for its heaps (madvise MADV_HUGEPAGE, which the kernel's default
 * "madvise" mode of transparent huge pages honours) when the tunable
 * glibc.malloc.hugetlb is 1; measured in pairs on the 2-core benchmark
 * machine, the 1,000-question handbook takes 0.79 times the CPU and 0.78
 * times the wall time with it, check on 5,000 questions 0.74 and 0.75,
 * for about 1% more peak memory. The same bytes are written either way.
 *
 * Tunables are read once, by the dynamic loader, so the setting needs a
 * fresh start: the process executes itself again with GLIBC_TUNABLES
 * set. A GLIBC_TUNABLES already in the environment (the user's, or the
 * one set here, on the second start) is left as it is. Elsewhere the
 * tunable is harmless: an older glibc ignores it, and so does a kernel
 * with huge pages turned off. */
#include "cli/hugepages.h"

#include <stdlib.h>
#include <unistd.h>

#include "cli/leakcheck.h"
#include "util/env.h"

static int wanted(void)
{
	if (cli_asan_build())
		return 0; /* ASan's allocator is not glibc's */
	/* under valgrind, a new exec would leave valgrind behind */
	return !env_flag("SP_NO_HUGE_PAGES") && !getenv("GLIBC_TUNABLES") &&
	       !cli_under_valgrind();
}

void cli_huge_pages(char **argv)
{
	if (!argv || !argv[0] || !wanted())
		return;
	if (setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 0) != 0)
		return;
	execv("/proc/self/exe", argv);
	unsetenv("GLIBC_TUNABLES"); /* no /proc, or no exec: go on */
}
