/* buf.h - the one growable byte buffer. Always NUL-terminated. */
#ifndef SP_UTIL_BUF_H
#define SP_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct sp_buf {
	char *data; /* NUL-terminated; NULL until first append */
	size_t len; /* bytes, excluding the NUL */
	size_t cap; /* bytes allocated */
} sp_buf;

#define SP_BUF_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

void buf_init(sp_buf *b);
void buf_free(sp_buf *b);
void buf_clear(sp_buf *b);
void buf_reserve(sp_buf *b, size_t extra);
/* The slow path of buf_append: b grown, then s appended. */
void buf_append_grow(sp_buf *b, const char *s, size_t n);
/* Appends n bytes (s may be NULL when n is 0). Inline, since the content
 * writer and the line setter append a few bytes at a time and the room
 * is nearly always there already. */
static inline void buf_append(sp_buf *b, const char *s, size_t n)
{
	if (b->len + n >= b->cap) {
		buf_append_grow(b, s, n);
		return;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}
void buf_puts(sp_buf *b, const char *s);
static inline void buf_putc(sp_buf *b, char c)
{
	if (b->len + 1 >= b->cap) {
		buf_append_grow(b, &c, 1);
		return;
	}
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
/* Appends v in decimal (what printf's %llu writes, without its cost). */
void buf_put_uint(sp_buf *b, unsigned long long v);
/* Appends the low 4 * digits bits of v as that many upper-case hex
 * digits (printf's %0*X for a v that fits). */
void buf_put_hex(sp_buf *b, unsigned long v, int digits);
/* Append one code point as UTF-8. */
void buf_put_utf8(sp_buf *b, unsigned long cp);
void buf_printf(sp_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(sp_buf *b, const char *fmt, va_list ap);
/* Take ownership of the data (never NULL); the buffer is reset. */
char *buf_detach(sp_buf *b);
/* Read a whole regular file (appended to b). Returns 0 on success, -1
 * with errno set: EFBIG when larger than max_bytes, EISDIR for a
 * directory, EINVAL for anything else that is not a regular file (a FIFO
 * or a device is refused at once, never waited on). */
int buf_read_file(sp_buf *b, const char *path, size_t max_bytes);
/* Read fd to its end, appending to b. Returns 0, or -1 with errno set
 * (EFBIG when b would grow past max_bytes). */
int buf_read_fd(sp_buf *b, int fd, size_t max_bytes);
/* strerror() with the meanings buf_read_file gives EINVAL and EFBIG. */
const char *buf_strerror(int err);

#endif
