/* timing.h - phase times on stderr when SP_TIMING is set (for profiling
 * a run without a profiler: `SP_TIMING=1 studypress handbook ...`). */
#ifndef SP_UTIL_TIMING_H
#define SP_UTIL_TIMING_H

/* Prints "timing: WHAT  +S s (T s)": the time since the previous mark and
 * since the first one, wall clock. Does nothing unless SP_TIMING is set
 * to a non-empty value other than "0". */
void timing_mark(const char *what);

#endif
