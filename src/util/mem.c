#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void mem_fail(size_t n)
{
	char msg[80]; /* no allocation here, and one write */
	int len = n ? snprintf(msg, sizeof msg,
	                       "studypress: out of memory (%zu bytes)\n", n)
	            : snprintf(msg, sizeof msg, "studypress: out of memory\n");
	if (len > 0 && write(STDERR_FILENO, msg, (size_t)len) < 0)
		len = 0;
	_exit(SP_EXIT_NOMEM); /* no handler, no buffer flushed half-way */
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		mem_fail(n);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		mem_fail(count * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		mem_fail(n);
	return q;
}

/* cap doubled, from at least `first`, until it holds need elements */
static size_t grown_cap(size_t cap, size_t need, size_t size, size_t first)
{
	size_t c = cap < first ? first : cap;
	while (c < need) {
		if (c > ((size_t)-1) / 4 / size)
			mem_fail((size_t)-1);
		c *= 2;
	}
	return c;
}

size_t mem_grown_cap(size_t cap, size_t need, size_t size)
{
	return grown_cap(cap, need, size, 8);
}

void *xgrow_to(void *p, size_t *cap, size_t need, size_t size)
{
	*cap = mem_grown_cap(*cap, need, size);
	return xrealloc(p, *cap * size);
}

void *xgrow_small(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = grown_cap(*cap, need, size, 1);
	return xrealloc(p, *cap * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
