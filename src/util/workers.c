/* workers.c - see workers.h. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "util/workers.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/mem.h"

/* What a worker tells the pool: it starts a task, or a task ended. */
typedef struct report {
	uint32_t worker;
	uint32_t task;
	int32_t result; /* REPORT_START, or the task's result */
} report;

#define REPORT_START INT32_MIN
#define NO_TASK ((size_t)-1)

typedef struct pool {
	const sp_workers *w;
	size_t *next; /* the next task to take: shared by every process */
	pid_t *pids;
	size_t *current; /* per worker: the task it runs, or NO_TASK */
	long started;
	int fd[2];
} pool;

static int run_here(const sp_workers *w)
{
	for (size_t i = 0; i < w->ntasks && !(w->stop && *w->stop); i++)
		w->done(w->ud, i, w->run(w->ud, i), 0);
	return SP_WORKERS_DONE;
}

static int tell(int fd, uint32_t worker, size_t task, int32_t result)
{
	report r = {worker, (uint32_t)task, result};
	ssize_t k;
	while ((k = write(fd, &r, sizeof r)) < 0 && errno == EINTR)
		;
	return k == (ssize_t)sizeof r ? 0 : -1;
}

/* A worker's life: tasks until none are left or the pool stops. */
static void work(pool *p, uint32_t self)
{
	const sp_workers *w = p->w;
	close(p->fd[0]);
	if (w->child_init)
		w->child_init(w->ud);
	while (!(w->stop && *w->stop)) {
		size_t i = __atomic_fetch_add(p->next, 1, __ATOMIC_RELAXED);
		if (i >= w->ntasks || tell(p->fd[1], self, i, REPORT_START))
			break;
		if (tell(p->fd[1], self, i, w->run(w->ud, i)))
			break;
	}
	close(p->fd[1]);
}

static void forward_stop(pool *p)
{
	for (long k = 0; k < p->started; k++)
		kill(p->pids[k], SIGTERM);
}

/* Reads reports until every worker has closed the pipe. */
static void collect(pool *p)
{
	const sp_workers *w = p->w;
	int forwarded = 0;
	report r;
	for (;;) {
		ssize_t got = read(p->fd[0], &r, sizeof r);
		if (got == (ssize_t)sizeof r) {
			if (r.worker >= (uint32_t)p->started ||
			    r.task >= w->ntasks)
				continue;
			if (r.result == REPORT_START) {
				p->current[r.worker] = r.task;
				continue;
			}
			p->current[r.worker] = NO_TASK;
			w->done(w->ud, r.task, r.result, 0);
			continue;
		}
		if (got < 0 && errno == EINTR) {
			if (w->stop && *w->stop && !forwarded) {
				forward_stop(p);
				forwarded = 1;
			}
			continue;
		}
		break; /* end of file: every worker has finished */
	}
}

/* Waits for every worker; a task left running by one that died is
 * reported as such. Returns the workers that died between tasks. */
static size_t reap(pool *p)
{
	size_t lost = 0;
	for (long k = 0; k < p->started; k++) {
		int st = 0;
		while (waitpid(p->pids[k], &st, 0) < 0 && errno == EINTR)
			;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			continue;
		int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
		if (p->current[k] != NO_TASK)
			p->w->done(p->w->ud, p->current[k], -1, sig);
		else
			lost++;
	}
	return lost;
}

/* Forks the workers; returns 1 in a worker (after its work), else 0. */
static int start(pool *p, long jobs)
{
	fflush(NULL); /* nothing buffered is written twice */
	for (long k = 0; k < jobs; k++) {
		pid_t pid = fork();
		if (pid == 0) {
			work(p, (uint32_t)k);
			return 1;
		}
		if (pid < 0)
			break;
		p->pids[p->started] = pid;
		p->current[p->started++] = NO_TASK;
	}
	return 0;
}

int sp_workers_run(const sp_workers *w, size_t *lost)
{
	if (lost)
		*lost = 0;
	long jobs = w->jobs;
	if (jobs > (long)w->ntasks)
		jobs = (long)w->ntasks;
	if (jobs <= 1)
		return run_here(w);
	pool p = {w, NULL, NULL, NULL, 0, {-1, -1}};
	p.next = mmap(NULL, sizeof *p.next, PROT_READ | PROT_WRITE,
	              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p.next == MAP_FAILED)
		return SP_WORKERS_NO_PIPE;
	*p.next = 0;
	if (pipe(p.fd) < 0) {
		int e = errno;
		munmap(p.next, sizeof *p.next);
		errno = e;
		return SP_WORKERS_NO_PIPE;
	}
	p.pids = xcalloc((size_t)jobs, sizeof *p.pids);
	p.current = xcalloc((size_t)jobs, sizeof *p.current);
	int child = start(&p, jobs);
	int e = errno;
	int rc = child ? SP_WORKERS_CHILD : SP_WORKERS_DONE;
	if (!child) {
		close(p.fd[1]);
		if (p.started) {
			collect(&p);
			size_t n = reap(&p);
			if (lost)
				*lost = n;
		} else {
			rc = SP_WORKERS_NO_FORK;
		}
		close(p.fd[0]);
	}
	free(p.pids);
	free(p.current);
	munmap(p.next, sizeof *p.next);
	errno = e;
	return rc;
}
