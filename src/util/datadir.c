/* datadir.c - see datadir.h. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "util/datadir.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/mem.h"

#ifndef SP_DATADIR_REL
#define SP_DATADIR_REL "../share/studypress"
#endif

static char data_dir[PATH_MAX];
static char env_problem[PATH_MAX + 128];
static pthread_once_t data_once = PTHREAD_ONCE_INIT;

static int has_dir(const char *dir, const char *sub)
{
	char path[PATH_MAX + 16];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, sub);
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_content(const char *dir)
{
	return has_dir(dir, "content");
}

static int has_any_data(const char *dir)
{
	return has_dir(dir, "content") || has_dir(dir, "templates") ||
	       has_dir(dir, "fonts");
}

static int try_dir(char *out, const char *dir, int (*usable)(const char *))
{
	char *real = realpath(dir, NULL);
	int ok = real && strlen(real) < PATH_MAX && usable(real);
	if (ok)
		strcpy(out, real);
	free(real);
	return ok;
}

/* $STUDYPRESS_DATA_DIR: used alone; what is wrong with it is kept. */
static void use_env_dir(const char *env)
{
	struct stat st;
	if (try_dir(data_dir, env, has_any_data))
		return;
	data_dir[0] = '\0';
	if (stat(env, &st) != 0)
		snprintf(env_problem, sizeof env_problem,
		         "STUDYPRESS_DATA_DIR is '%s': %s", env,
		         strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		snprintf(env_problem, sizeof env_problem,
		         "STUDYPRESS_DATA_DIR is '%s': not a directory", env);
	else
		snprintf(env_problem, sizeof env_problem,
		         "STUDYPRESS_DATA_DIR is '%s', which holds none of "
		         "content/, templates/, fonts/",
		         env);
}

/* Next to the executable: the installed tree, then a build tree. */
static int find_near_exe(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return 0;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	static const char *const rel[] = {SP_DATADIR_REL, "..", "../.."};
	char cand[PATH_MAX + 64];
	for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
		snprintf(cand, sizeof cand, "%s/%s", exe, rel[i]);
		if (try_dir(data_dir, cand, has_content))
			return 1;
	}
	return 0;
}

static void find_data_dir(void)
{
	const char *env = getenv("STUDYPRESS_DATA_DIR");
	if (env && *env) {
		use_env_dir(env);
		return;
	}
	if (find_near_exe())
		return;
	if (try_dir(data_dir, SP_INSTALL_DATADIR, has_content))
		return;
	data_dir[0] = '\0';
}

const char *sp_data_dir(void)
{
	pthread_once(&data_once, find_data_dir);
	return data_dir[0] ? data_dir : NULL;
}

const char *sp_data_env_problem(void)
{
	pthread_once(&data_once, find_data_dir);
	return env_problem[0] ? env_problem : NULL;
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
