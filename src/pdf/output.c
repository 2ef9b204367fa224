#define _GNU_SOURCE /* syncfs */
/* output.c - writing the finished PDF: atomically (temporary file in the
 * target's directory, fsync, rename), so a failed run never leaves a
 * partial file nor destroys the previous one; at once (pdf_write_atomic)
 * or piece by piece as it is made (pdf_out_*). */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pdf/pdf.h"
#include "util/buf.h"
#include "util/mem.h"

static int io_error(sp_diag *d, const char *path, int err)
{
	diag_error(d, sp_loc_make(NULL, 0, 0), "cannot write '%s': %s", path,
	           strerror(err));
	return PDF_ERR_IO;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t k = write(fd, p, len);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (k == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

/* A device, FIFO or the like: written in place (never renamed over).
 * Opened without blocking, so a FIFO nobody reads is an error instead
 * of a hang; then written blocking. */
static int write_direct(const char *path, const void *data, size_t len,
                        sp_diag *d)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 && errno == ENXIO) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot write '%s': it is a FIFO that no process "
		           "is reading",
		           path);
		return PDF_ERR_IO;
	}
	if (fd < 0)
		return io_error(d, path, errno);
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
		int e = errno;
		close(fd);
		return io_error(d, path, e);
	}
	if (write_all(fd, data, len) < 0) {
		int e = errno;
		close(fd);
		return io_error(d, path, e);
	}
	if (close(fd) < 0)
		return io_error(d, path, errno);
	return PDF_OK;
}

/* Create DIR/.BASE.XXXXXX exclusively, mode 0666 less the umask. */
static int open_temp(const char *dir, const char *base, sp_buf *tmp)
{
	static atomic_uint counter;
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long seed =
	    (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^
	    ((unsigned long)atomic_fetch_add(&counter, 1) << 8);
	for (int attempt = 0; attempt < 100; attempt++) {
		unsigned long v = seed + (unsigned long)attempt * 7919u;
		char suffix[7];
		for (int i = 0; i < 6; i++) {
			suffix[i] = chars[v % 36];
			v /= 36;
		}
		suffix[6] = '\0';
		buf_clear(tmp);
		buf_printf(tmp, "%s/.%s.%s", dir, base, suffix);
		int fd = open(tmp->data,
		              O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd); /* best effort */
		close(fd);
	}
}

/* Whether each output is flushed to the disk before it is renamed into
 * place. A batch of thousands of small files turns it off and syncs once
 * at the end (pdf_sync_dir). Process-wide; set before any thread starts. */
static int sync_each = 1;

void pdf_set_sync_each(int on)
{
	sync_each = on;
}

void pdf_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		syncfs(fd); /* best effort: every file of that file system */
		close(fd);
	}
}

/* An output being written (pdf_out_open): a temporary file next to the
 * real target, renamed over it when done; or, for a device or FIFO,
 * bytes held here and written in place when done (what went into those
 * cannot be taken back). */
struct pdf_out {
	const char *path; /* as given (messages) */
	char *target;     /* the file renamed over: path, or where its
	                   * symbolic link leads */
	char *dir;        /* target's directory */
	sp_buf tmp;       /* the temporary file's name */
	int fd;           /* the temporary file; -1 when held */
	int err;          /* the first write's errno, reported when done */
	sp_buf held;      /* a device's bytes */
	sp_diag *d;
};

static void out_free(pdf_out *o)
{
	buf_free(&o->tmp);
	buf_free(&o->held);
	free(o->target);
	free(o->dir);
	free(o);
}

pdf_out *pdf_out_open(const char *path, sp_diag *d)
{
	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		io_error(d, path, EISDIR);
		return NULL;
	}
	pdf_out *o = xcalloc(1, sizeof *o);
	o->path = path;
	o->d = d;
	o->fd = -1;
	if (exists && !S_ISREG(st.st_mode))
		return o; /* held, written in place by pdf_out_commit */
	/* Write next to the real file, so that a symbolic link stays. */
	char *real = exists ? realpath(path, NULL) : NULL;
	o->target = real ? real : xstrdup(path);
	char *dcopy = xstrdup(o->target), *bcopy = xstrdup(o->target);
	o->dir = xstrdup(dirname(dcopy));
	o->fd = open_temp(o->dir, basename(bcopy), &o->tmp);
	free(dcopy);
	free(bcopy);
	if (o->fd < 0) {
		io_error(d, path, errno);
		out_free(o);
		return NULL;
	}
	if (exists && fchmod(o->fd, st.st_mode & 07777) < 0)
		o->err = errno;
	return o;
}

int pdf_out_write(pdf_out *o, const void *data, size_t len)
{
	if (o->err)
		return -1;
	if (o->fd < 0) {
		buf_append(&o->held, data, len);
		return 0;
	}
	if (write_all(o->fd, data, len) < 0) {
		o->err = errno;
		return -1;
	}
	return 0;
}

void pdf_out_abort(pdf_out *o)
{
	if (!o)
		return;
	if (o->fd >= 0) {
		close(o->fd);
		unlink(o->tmp.data);
	}
	out_free(o);
}

int pdf_out_commit(pdf_out *o)
{
	int rc = PDF_OK;
	if (o->fd < 0) {
		rc = write_direct(o->path, o->held.data, o->held.len, o->d);
		out_free(o);
		return rc;
	}
	int err = o->err;
	if (!err && sync_each && fsync(o->fd) < 0)
		err = errno;
	if (close(o->fd) < 0 && !err)
		err = errno;
	if (!err && rename(o->tmp.data, o->target) < 0)
		err = errno;
	if (err) {
		unlink(o->tmp.data);
		rc = io_error(o->d, o->path, err);
	} else if (sync_each) {
		sync_dir(o->dir);
	}
	out_free(o);
	return rc;
}

int pdf_write_atomic(const char *path, const void *data, size_t len, sp_diag *d)
{
	pdf_out *o = pdf_out_open(path, d);
	if (!o)
		return PDF_ERR_IO;
	pdf_out_write(o, data, len); /* (an error is reported when done) */
	return pdf_out_commit(o);
}

/* Move tmp to path unless path exists: renameat2(RENAME_NOREPLACE), or
 * link() where the file system cannot (tmp then stays; *linked says so).
 * 0, or -1 with errno (EEXIST when path exists). */
static int move_new(const char *tmp, const char *path, int *linked)
{
	*linked = 0;
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	*linked = 1;
	return link(tmp, path);
}

int pdf_write_new(const char *path, const void *data, size_t len, sp_diag *d)
{
	char *dcopy = xstrdup(path), *bcopy = xstrdup(path);
	const char *dir = dirname(dcopy), *base = basename(bcopy);
	sp_buf tmp = SP_BUF_INIT;
	int rc = PDF_OK, err = 0, linked = 0;
	int fd = open_temp(dir, base, &tmp);
	if (fd < 0) {
		rc = io_error(d, path, errno);
		goto out;
	}
	if (write_all(fd, data, len) < 0)
		err = errno;
	if (!err && fsync(fd) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	if (!err && move_new(tmp.data, path, &linked) < 0)
		err = errno;
	if (err || linked)
		unlink(tmp.data);
	if (err == EEXIST) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot write '%s': it already exists", path);
		rc = PDF_ERR_EXISTS;
	} else if (err) {
		rc = io_error(d, path, err);
	} else {
		sync_dir(dir);
	}
out:
	buf_free(&tmp);
	free(dcopy);
	free(bcopy);
	return rc;
}

int pdf_output_path_ok(const char *out, const char *const *inputs, size_t n,
                       sp_diag *d)
{
	struct stat so;
	if (stat(out, &so) != 0)
		return 1; /* does not exist yet: cannot be an input */
	if (S_ISDIR(so.st_mode)) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot write '%s': Is a directory", out);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		struct stat si;
		if (!inputs[i] || stat(inputs[i], &si) != 0)
			continue;
		if (si.st_dev == so.st_dev && si.st_ino == so.st_ino) {
			diag_error(
			    d, sp_loc_make(NULL, 0, 0),
			    "refusing to write '%s': it is the input file "
			    "'%s'",
			    out, inputs[i]);
			return 0;
		}
	}
	return 1;
}
