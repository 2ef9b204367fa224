#include "util/buf.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "util/mem.h"
#include <stdlib.h>

void buf_init(sp_buf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_free(sp_buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_clear(sp_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_reserve(sp_buf *b, size_t extra)
{
	b->data = xgrow(b->data, &b->cap, b->len + extra + 1, 1);
}

void buf_append_grow(sp_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(sp_buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_put_uint(sp_buf *b, unsigned long long v)
{
	char s[24];
	size_t i = sizeof s;
	do {
		s[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_append(b, s + i, sizeof s - i);
}

void buf_put_hex(sp_buf *b, unsigned long v, int digits)
{
	static const char hex[] = "0123456789ABCDEF";
	char s[2 * sizeof v];
	if (digits < 1 || digits > (int)sizeof s)
		return;
	for (int i = digits - 1; i >= 0; i--, v >>= 4)
		s[i] = hex[v & 15];
	buf_append(b, s, (size_t)digits);
}

void buf_put_utf8(sp_buf *b, unsigned long cp)
{
	char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xE0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_append(b, s, n);
}

void buf_vprintf(sp_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(sp_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *buf_detach(sp_buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	buf_init(b);
	return p;
}

int buf_read_fd(sp_buf *b, int fd, size_t max_bytes)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (b->len + (size_t)n > max_bytes) {
			errno = EFBIG;
			return -1;
		}
		buf_append(b, chunk, (size_t)n);
	}
}

int buf_read_file(sp_buf *b, const char *path, size_t max_bytes)
{
	/* non-blocking open: a FIFO with no writer must not hang us */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = -1, err = 0;
	size_t had = b->len;
	if (fstat(fd, &st) < 0)
		err = errno;
	else if (!S_ISREG(st.st_mode))
		err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
	else if ((unsigned long long)st.st_size > max_bytes)
		err = EFBIG;
	else if (buf_read_fd(b, fd, max_bytes) < 0)
		err = errno;
	else
		rc = 0;
	close(fd);
	if (rc == 0 && !b->data)
		buf_append(b, "", 0);
	if (rc != 0) { /* leave b as it was */
		if (had == 0)
			buf_free(b);
		else
			b->len = had, b->data[had] = '\0';
	}
	errno = err;
	return rc;
}

const char *buf_strerror(int err)
{
	if (err == EINVAL)
		return "not a regular file";
	if (err == EFBIG)
		return "file too large";
	return strerror(err);
}
