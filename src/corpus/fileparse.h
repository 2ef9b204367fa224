/* fileparse.h - one corpus file's text parsed into a node tree, here or
 * on a helper thread while the loader reads the file before it
 * (internal).
 *
 * The text is checked to be UTF-8 first. Parsing touches no loader
 * state: libyaml's messages are kept with the
 * tree, and the loader reports them (ld_parse_report) when it reads the
 * file, so a file parsed ahead reports exactly what it would have
 * reported parsed in turn. If libyaml refuses ": " in a plain value,
 * such values are quoted and the text parsed again (see repair.h); the
 * first error stands if that fails too. */
#ifndef SP_CORPUS_FILEPARSE_H
#define SP_CORPUS_FILEPARSE_H

#include <pthread.h>
#include <stddef.h>

#include "corpus/ytree.h"

typedef struct ld_ymsg {
	sp_severity sev;
	unsigned line, col; /* 1-based */
	char *text;         /* owned */
} ld_ymsg;

typedef struct ld_parse {
	const char *data; /* the text without a BOM; borrowed until
	                   * ld_parse_wait returns */
	size_t len;
	size_t bad; /* offset of its first invalid UTF-8 byte (then not
	             * parsed: rc is -1 and msgs empty), or TEXT_OK */
	ytree tree; /* the result (partial when rc < 0): owned, until
	             * ld_parse_free */
	int rc;     /* 0, or -1: a message in msgs says why */
	ld_ymsg *msgs;
	size_t nmsgs, cap_msgs;
	pthread_t tid;
	int threaded; /* started on tid, not yet waited for */
	int claimed;  /* set (atomically) by whichever of tid and the
	               * waiter parses: the waiter parses a text its
	               * thread has not begun on */
} ld_parse;

/* Parses data here. */
void ld_parse_run(ld_parse *p, const char *data, size_t len);
/* Parses data on a helper thread (here when no thread can start). */
void ld_parse_start(ld_parse *p, const char *data, size_t len);
/* Waits for ld_parse_start's thread, or parses here if the thread has
 * not begun (nothing to wait for after ld_parse_run). */
void ld_parse_wait(ld_parse *p);
/* Frees the tree and the messages (waiting first if need be). */
void ld_parse_free(ld_parse *p);

#endif
