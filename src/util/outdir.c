#define _GNU_SOURCE /* F_OFD_SETLK, syncfs */
/* outdir.c - see outdir.h. */
#include "util/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/mem.h"

static const char lock_name[] = ".studypress.lock";

static void cannot(sp_diag *d, const sp_outdir *o, const char *name, int err)
{
	diag_error(d, sp_loc_make(NULL, 0, 0), "cannot write '%s/%s': %s",
	           o->path, name, strerror(err));
}

enum { NOT_LINK, NOT_REGULAR, NOT_INPUT };

static void refuse(sp_diag *d, const sp_outdir *o, const char *name, int why,
                   const char *input)
{
	sp_loc none = sp_loc_make(NULL, 0, 0);
	if (why == NOT_LINK)
		diag_error(d, none,
		           "refusing to write '%s/%s': it is a symbolic link",
		           o->path, name);
	else if (why == NOT_REGULAR)
		diag_error(d, none,
		           "refusing to write '%s/%s': it is not a regular "
		           "file",
		           o->path, name);
	else
		diag_error(d, none,
		           "refusing to write '%s/%s': it is the input file "
		           "'%s'",
		           o->path, name, input);
}

/* mkdir -p: the user's path (links in it are the user's). */
static int make_dirs(const char *dir, sp_diag *d)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		char c = *s;
		if (c != '/' && c)
			continue;
		*s = 0;
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			diag_error(d, sp_loc_make(NULL, 0, 0),
			           "cannot create directory '%s': %s", p,
			           strerror(errno));
			rc = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

int sp_outdir_open(sp_outdir *o, const char *path, sp_diag *d)
{
	memset(o, 0, sizeof *o);
	o->path = path;
	o->fd = o->lock_fd = -1;
	o->sync_each = 1;
	if (make_dirs(path, d) < 0)
		return -1;
	o->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (o->fd < 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot open directory '%s': %s", path,
		           strerror(errno));
		return -1;
	}
	return 0;
}

static int set_lock(int fd, short type, off_t start, off_t len)
{
	struct flock fl;
	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	return fcntl(fd, F_OFD_SETLK, &fl);
}

static int open_lock_file(sp_outdir *o, sp_diag *d)
{
	int fd = openat(o->fd, lock_name,
	                O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
	                0666);
	struct stat st;
	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		refuse(d, o, lock_name, NOT_REGULAR, NULL);
		return -1;
	}
	if (fd < 0 && errno == ELOOP)
		refuse(d, o, lock_name, NOT_LINK, NULL);
	else if (fd < 0)
		cannot(d, o, lock_name, errno);
	return fd;
}

int sp_outdir_lock(sp_outdir *o, long shard_k, long shard_n, sp_diag *d)
{
	o->lock_fd = open_lock_file(o, d);
	if (o->lock_fd < 0)
		return -1;
	int whole = shard_n <= 1;
	/* byte 0: the run; byte K: shard K */
	int busy = whole ? set_lock(o->lock_fd, F_WRLCK, 0, 0) < 0
	                 : set_lock(o->lock_fd, F_RDLCK, 0, 1) < 0;
	if (busy && errno != EAGAIN && errno != EACCES) {
		cannot(d, o, lock_name, errno);
		return -1;
	}
	if (!busy && !whole && set_lock(o->lock_fd, F_WRLCK, shard_k, 1) < 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "another run of shard %ld/%ld is writing into '%s'",
		           shard_k, shard_n, o->path);
		return -1;
	}
	if (busy) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "another batch is writing into '%s'; wait for it or "
		           "choose another --out-dir",
		           o->path);
		return -1;
	}
	return 0;
}

void sp_outdir_add_input(sp_outdir *o, const char *path)
{
	struct stat st;
	if (!path || o->ninputs == SP_OUTDIR_MAX_INPUTS || stat(path, &st) < 0)
		return;
	o->inputs[o->ninputs++] = (sp_outdir_input){st.st_dev, st.st_ino, path};
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t k = write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			if (k == 0)
				errno = ENOSPC;
			return -1;
		}
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

/* Create DIR/.NAME.XXXXXX exclusively; its name goes to tmp. */
static int open_temp(const sp_outdir *o, const char *name, sp_buf *tmp)
{
	static atomic_uint counter;
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long v0 = (unsigned long)ts.tv_nsec ^
	                   ((unsigned long)getpid() << 16) ^
	                   ((unsigned long)atomic_fetch_add(&counter, 1) << 8);
	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned long v = v0 + (unsigned long)attempt * 7919u;
		buf_clear(tmp);
		buf_printf(tmp, ".%s.", name);
		for (int i = 0; i < 6; i++, v /= 36)
			buf_putc(tmp, chars[v % 36]);
		int fd = openat(
		    o->fd, tmp->data,
		    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* Write one file's temporary copy. Returns 0, or -1 after reporting. */
static int write_temp(const sp_outdir *o, const sp_outfile *f, sp_buf *tmp,
                      sp_diag *d)
{
	int fd = open_temp(o, f->name, tmp);
	if (fd < 0) {
		cannot(d, o, f->name, errno);
		return -1;
	}
	int err = 0;
	if (write_all(fd, f->data, f->len) < 0)
		err = errno;
	if (!err && o->sync_each && fsync(fd) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	if (err) {
		unlinkat(o->fd, tmp->data, 0);
		cannot(d, o, f->name, err);
		return -1;
	}
	return 0;
}

/* May DIR/NAME be replaced? Nothing there, or a regular file that is no
 * input. Returns 0, or -1 after reporting. */
static int may_replace(const sp_outdir *o, const char *name, sp_diag *d)
{
	struct stat st;
	if (fstatat(o->fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (errno == ENOENT)
			return 0;
		cannot(d, o, name, errno);
		return -1;
	}
	if (S_ISLNK(st.st_mode)) {
		refuse(d, o, name, NOT_LINK, NULL);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		refuse(d, o, name, NOT_REGULAR, NULL);
		return -1;
	}
	for (size_t i = 0; i < o->ninputs; i++)
		if (o->inputs[i].dev == st.st_dev &&
		    o->inputs[i].ino == st.st_ino) {
			refuse(d, o, name, NOT_INPUT, o->inputs[i].path);
			return -1;
		}
	return 0;
}

/* Rename the temporaries into place, all or none. */
static int rename_all(const sp_outdir *o, const sp_outfile *files, size_t n,
                      sp_buf *tmp, sp_diag *d)
{
	for (size_t i = 0; i < n; i++)
		if (may_replace(o, files[i].name, d) < 0)
			return -1;
	for (size_t i = 0; i < n; i++) {
		if (renameat(o->fd, tmp[i].data, o->fd, files[i].name) == 0)
			continue;
		cannot(d, o, files[i].name, errno);
		for (size_t j = 0; j < i; j++) /* undo: neither is left */
			unlinkat(o->fd, files[j].name, 0);
		return -1;
	}
	return 0;
}

int sp_outdir_write(sp_outdir *o, const sp_outfile *files, size_t n, sp_diag *d)
{
	sp_buf tmp[SP_OUTDIR_MAX_FILES];
	size_t made = 0; /* temporaries written */
	int rc = n <= SP_OUTDIR_MAX_FILES ? 0 : -1;
	while (rc == 0 && made < n) {
		const sp_outfile *f = &files[made];
		tmp[made] = (sp_buf)SP_BUF_INIT;
		if (strchr(f->name, '/') || !f->name[0]) {
			cannot(d, o, f->name, EINVAL);
			rc = -1;
		} else if (write_temp(o, f, &tmp[made], d) < 0) {
			rc = -1;
		}
		if (rc < 0)
			buf_free(&tmp[made]);
		else
			made++;
	}
	if (rc == 0)
		rc = rename_all(o, files, n, tmp, d);
	for (size_t i = 0; i < made; i++) {
		if (rc < 0) /* renamed ones were undone: these are left */
			unlinkat(o->fd, tmp[i].data, 0);
		buf_free(&tmp[i]);
	}
	if (rc == 0 && o->sync_each)
		fsync(o->fd);
	return rc;
}

void sp_outdir_discard(const sp_outdir *o, const char *name)
{
	unlinkat(o->fd, name, 0);
	int fd = dup(o->fd);
	DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
	if (!dir) {
		if (fd >= 0)
			close(fd);
		return;
	}
	rewinddir(dir);
	size_t n = strlen(name);
	struct dirent *e;
	while ((e = readdir(dir))) {
		const char *s = e->d_name;
		if (s[0] == '.' && !strncmp(s + 1, name, n) &&
		    s[n + 1] == '.' && strlen(s + n + 2) == 6)
			unlinkat(o->fd, s, 0);
	}
	closedir(dir);
}

void sp_outdir_sync(const sp_outdir *o)
{
	if (o->fd >= 0)
		syncfs(o->fd); /* best effort */
}

void sp_outdir_close(sp_outdir *o)
{
	if (o->lock_fd >= 0)
		close(o->lock_fd);
	if (o->fd >= 0)
		close(o->fd);
	o->fd = o->lock_fd = -1;
}
