/* timing.c - see timing.h. */
#include "util/timing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void timing_mark(const char *what)
{
	static int on = -1;
	static double first, last;
	if (on < 0) {
		const char *e = getenv("SP_TIMING");
		on = e && *e && strcmp(e, "0") != 0;
		first = last = now();
	}
	if (!on)
		return;
	double t = now();
	fprintf(stderr, "timing: %-28s +%.3f s (%.3f s)\n", what, t - last,
	        t - first);
	last = t;
}
