/* leakcheck.h - whether a leak checker watches the process, and so
 * whether what a command made is freed at its end. */
#ifndef SP_CLI_LEAKCHECK_H
#define SP_CLI_LEAKCHECK_H

/* Non-zero in an AddressSanitizer build (its allocator is not glibc's,
 * and LeakSanitizer reports at exit). */
int cli_asan_build(void);
/* Non-zero under valgrind (its preload libraries are in LD_PRELOAD). */
int cli_under_valgrind(void);

/* Non-zero when a command frees its corpus before it returns to end the
 * process: only when a leak checker watches.
 * Otherwise the end of the process gives the memory back at once: freeing
 * the 300,000 blocks of a 5,000-question corpus one by one took 30 ms of
 * check's 240 (cache misses, on one thread, after all the work). */
int cli_free_at_exit(void);

#endif
