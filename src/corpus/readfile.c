/* readfile.c - find the YAML files of a corpus and read them safely:
 * regular files only (a FIFO or a device never blocks), size limits. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus/loader.h"
#include "corpus/readfile.h"
#include "util/mem.h"

#define LD_MAX_DIR_DEPTH 32

static void io_error(loader *L, size_t file, const char *what, int err)
{
	L->io_error = 1;
	ld_report(L, file, SP_ERROR, 0, 0, "%s: %s", what, strerror(err));
}

int ld_read_file(loader *L, size_t file, sp_buf *out)
{
	const char *path = L->c->files[file];
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		io_error(L, file, "cannot open", errno);
		return -1;
	}
	struct stat st;
	int rc = -1;
	if (fstat(fd, &st) < 0) {
		io_error(L, file, "cannot read", errno);
	} else if (!S_ISREG(st.st_mode)) {
		L->io_error = 1;
		ld_report(L, file, SP_ERROR, 0, 0,
		          "not a regular file or directory");
	} else if ((unsigned long long)st.st_size > CORPUS_MAX_FILE_BYTES) {
		ld_report(L, file, SP_ERROR, 0, 0,
		          "file too large (%lld bytes; the limit is %u bytes)",
		          (long long)st.st_size, CORPUS_MAX_FILE_BYTES);
	} else if (buf_read_fd(out, fd, CORPUS_MAX_FILE_BYTES) < 0) {
		if (errno == EFBIG)
			ld_report(L, file, SP_ERROR, 0, 0,
			          "file too large (the limit is %u bytes)",
			          CORPUS_MAX_FILE_BYTES);
		else
			io_error(L, file, "cannot read", errno);
	} else {
		rc = 0;
	}
	close(fd);
	return rc;
}

static int is_yaml_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

typedef struct name_list {
	char **v;
	size_t n, cap;
	int too_many;
} name_list;

static char *join(const char *a, const char *b)
{
	if (!*a)
		return xstrdup(b);
	size_t la = strlen(a), lb = strlen(b);
	char *p = xmalloc(la + lb + 2);
	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	return p;
}

static void walk_dir(const char *root, const char *rel, int depth,
                     name_list *out);

static void walk_entry(const char *root, const char *rel, const char *name,
                       int depth, name_list *out)
{
	char *r = join(rel, name);
	char *full = join(root, r);
	struct stat st;
	if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
		walk_dir(root, r, depth + 1, out);
	} else if (is_yaml_name(name) && stat(full, &st) == 0 &&
	           S_ISREG(st.st_mode)) {
		if (out->n >= CORPUS_MAX_FILES) {
			out->too_many = 1;
		} else {
			out->v = xgrow(out->v, &out->cap, out->n + 1,
			               sizeof *out->v);
			out->v[out->n++] = r;
			r = NULL;
		}
	}
	free(full);
	free(r);
}

static void walk_dir(const char *root, const char *rel, int depth,
                     name_list *out)
{
	if (depth > LD_MAX_DIR_DEPTH || out->too_many)
		return;
	char *full = *rel ? join(root, rel) : xstrdup(root);
	DIR *dir = opendir(full);
	free(full);
	if (!dir)
		return;
	struct dirent *e;
	while ((e = readdir(dir)) != NULL)
		if (e->d_name[0] != '.')
			walk_entry(root, rel, e->d_name, depth, out);
	closedir(dir);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int ld_list_dir(const char *dir, char ***files, size_t *n)
{
	name_list l = {0};
	char *root = xstrdup(dir);
	size_t len = strlen(root);
	while (len > 1 && root[len - 1] == '/')
		root[--len] = '\0';
	walk_dir(root, "", 0, &l);
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_name);
	for (size_t i = 0; i < l.n; i++) {
		char *full = join(root, l.v[i]);
		free(l.v[i]);
		l.v[i] = full;
	}
	free(root);
	*files = l.v;
	*n = l.n;
	return l.too_many ? -1 : 0;
}
