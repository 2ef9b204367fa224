/* timing.c - see timing.h. */
#include "util/timing.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/diag.h"
#include "util/env.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int timing_on;
static double timing_first;
static pthread_once_t timing_once = PTHREAD_ONCE_INIT;

static void timing_init(void)
{
	timing_on = env_flag("SP_TIMING");
	timing_first = now();
}

void timing_mark(const char *what)
{
	static _Thread_local double last; /* this thread's previous mark */
	pthread_once(&timing_once, timing_init);
	if (!timing_on)
		return;
	double t = now();
	if (last == 0)
		last = timing_first;
	diag_printf(stderr, "timing: %-28s +%.3f s (%.3f s)\n", what, t - last,
	            t - timing_first);
	last = t;
}
