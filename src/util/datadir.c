/* datadir.c - see datadir.h. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "util/datadir.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

static char data_dir[PATH_MAX];
static pthread_once_t data_once = PTHREAD_ONCE_INIT;

static int has_content(const char *dir)
{
	char path[PATH_MAX + 16];
	struct stat st;
	snprintf(path, sizeof path, "%s/content", dir);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int try_dir(char *out, const char *dir)
{
	char *real = realpath(dir, NULL);
	int ok = real && strlen(real) < PATH_MAX && has_content(real);
	if (ok)
		strcpy(out, real);
	free(real);
	return ok;
}

static void find_data_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		char cand[PATH_MAX + 16];
		snprintf(cand, sizeof cand, "%s/..", exe);
		if (try_dir(data_dir, cand))
			return;
		snprintf(cand, sizeof cand, "%s/../..", exe);
		if (try_dir(data_dir, cand))
			return;
	}
	if (try_dir(data_dir, SP_INSTALL_DATADIR))
		return;
	data_dir[0] = '\0';
}

const char *sp_data_dir(void)
{
	pthread_once(&data_once, find_data_dir);
	return data_dir[0] ? data_dir : NULL;
}

char *sp_data_path(const char *item)
{
	const char *dir = sp_data_dir();
	if (!dir)
		return NULL;
	size_t n = strlen(dir) + strlen(item) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", dir, item);
	if (access(p, F_OK) != 0) {
		free(p);
		return NULL;
	}
	return p;
}
