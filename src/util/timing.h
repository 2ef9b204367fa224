/* timing.h - phase times on stderr when SP_TIMING is set (for profiling
 * a run without a profiler: `SP_TIMING=1 studypress handbook ...`). */
#ifndef SP_UTIL_TIMING_H
#define SP_UTIL_TIMING_H

/* Prints "timing: WHAT  +S s (T s)": the time since the calling thread's
 * previous mark (or the first mark) and since the first mark of the
 * process, wall clock. Does nothing unless SP_TIMING is set to a
 * non-empty value other than "0". Any thread may call it. */
void timing_mark(const char *what);

#endif
