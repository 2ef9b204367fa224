/* hugepages.h - start-up: run with glibc's huge pages for the heap. */
#ifndef SP_CLI_HUGEPAGES_H
#define SP_CLI_HUGEPAGES_H

/* Called first thing in main with main's argv: unless GLIBC_TUNABLES or
 * SP_NO_HUGE_PAGES is set, or the process runs under valgrind or was
 * built with AddressSanitizer, the program executes itself again
 * (/proc/self/exe, the same arguments and environment) with
 * GLIBC_TUNABLES=glibc.malloc.hugetlb=1. Returns only when it does not,
 * or when the exec fails (the run then goes on as it is). */
void cli_huge_pages(char **argv);

#endif
