/* workers.h - independent tasks on a pool of forked worker processes (a
 * worksheet batch's rows, a handbook per role).
 *
 * sp_workers_run() runs tasks 0 .. ntasks-1. With jobs <= 1, or a single
 * task, they run here one after another. Otherwise min(jobs, ntasks)
 * processes are forked (sharing what this process holds, copy on write);
 * each takes the next task nobody has taken yet (a counter in shared
 * memory) until none are left or *stop is set, and reports each result to
 * this process through a pipe. done() runs in this process for every
 * task as it ends, in the order they end; so it is the one place for
 * messages about tasks, and each worker's own messages reach stderr one
 * write at a time (util/diag.h).
 *
 * A worker does not exit inside sp_workers_run: it returns
 * SP_WORKERS_CHILD, and its caller must return at once up to main, so
 * that everything on the way is freed (valgrind and LeakSanitizer see a
 * clean worker); main's return value is the worker's exit status. */
#ifndef SP_UTIL_WORKERS_H
#define SP_UTIL_WORKERS_H

#include <signal.h>
#include <stddef.h>

typedef struct sp_workers {
	size_t ntasks;
	long jobs; /* processes at most; <= 1: run the tasks here */
	/* Runs task i (in a worker, or here); returns its result, 0-255. */
	int (*run)(void *ud, size_t task);
	/* Here, as task i ends: its result, or -1 when its worker died
	 * while running it (signal: the signal, or 0 for an exit). */
	void (*done)(void *ud, size_t task, int result, int signal);
	void *ud;
	/* Or NULL. When set (by the caller's SIGINT/SIGTERM handler), no
	 * task starts any more; in a pool, the first interrupted wait sends
	 * SIGTERM on to the workers, whose handler (installed by
	 * child_init) sets it there too. */
	volatile sig_atomic_t *stop;
	void (*child_init)(void *ud); /* in each worker first, or NULL */
} sp_workers;

enum {
	SP_WORKERS_DONE = 0,     /* every task ran (or *stop was set) */
	SP_WORKERS_CHILD = 1,    /* in a worker: return up to main now */
	SP_WORKERS_NO_FORK = -1, /* no worker could be started (errno
	                          * says why); no task ran */
	SP_WORKERS_NO_PIPE = -2, /* nor the pipe (or the shared counter)
	                          * made; no task ran */
};

/* Runs the tasks. *lost (when not NULL) gets the number of workers that
 * died between tasks (nothing to report for them in done()). */
int sp_workers_run(const sp_workers *w, size_t *lost);

#endif
