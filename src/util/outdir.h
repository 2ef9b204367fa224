/* outdir.h - writing files into a directory other people can write to
 * (a worksheet batch's --out-dir): every file is opened relative to one
 * descriptor of the directory, never through a name it holds.
 *
 * - A file is written to a new temporary DIR/.NAME.XXXXXX (O_EXCL,
 *   O_NOFOLLOW) and renamed into place with renameat(), so nothing is
 *   ever written through a link planted in DIR.
 * - What is already at DIR/NAME is replaced only when it is a regular
 *   file that is none of the run's inputs (by device and inode): a
 *   symbolic link, a FIFO, a device or a directory there is refused.
 * - Files written together (a packet's two editions) are all renamed
 *   into place, or none is left.
 * - sp_outdir_lock() takes DIR/.studypress.lock (an open file
 *   description lock, F_OFD_SETLK) for as long as the sp_outdir is open:
 *   a whole run holds it exclusively, shard K of a run holds it shared
 *   plus byte K exclusively, so the shards of one run may share DIR but
 *   two runs (or two copies of one shard) may not. Forked workers share
 *   the lock; it ends when the last descriptor closes.
 *
 * Errors are reported to the sp_diag as "cannot write 'DIR/NAME': ..."
 * or "refusing to write 'DIR/NAME': ..." (see doc/studypress.1). */
#ifndef SP_UTIL_OUTDIR_H
#define SP_UTIL_OUTDIR_H

#include <stddef.h>
#include <sys/types.h>

#include "util/diag.h"

#define SP_OUTDIR_MAX_INPUTS 64 /* input files checked against outputs */
#define SP_OUTDIR_MAX_FILES 4   /* files written together */

typedef struct sp_outdir_input {
	dev_t dev;
	ino_t ino;
	const char *path; /* borrowed, for messages */
} sp_outdir_input;

typedef struct sp_outdir {
	const char *path; /* as given (borrowed), for messages */
	int fd;           /* the directory, or -1 */
	int lock_fd;      /* DIR/.studypress.lock, or -1 */
	int sync_each;    /* fsync every file before its rename (default 1) */
	sp_outdir_input inputs[SP_OUTDIR_MAX_INPUTS];
	size_t ninputs;
} sp_outdir;

/* One file to write: NAME (no '/') in the directory, and its bytes. */
typedef struct sp_outfile {
	const char *name;
	const void *data;
	size_t len;
} sp_outfile;

/* Create path (and its parents) when missing and open it. Returns 0, or
 * -1 after reporting. */
int sp_outdir_open(sp_outdir *o, const char *path, sp_diag *d);
/* Take the directory's lock (see above): shard_n <= 1 for a whole run.
 * Returns 0, or -1 after reporting that another run holds it. */
int sp_outdir_lock(sp_outdir *o, long shard_k, long shard_n, sp_diag *d);
/* An input of the run (NULL and unreadable paths are skipped; path is
 * borrowed): no output may be that file. */
void sp_outdir_add_input(sp_outdir *o, const char *path);
/* Write n files (n <= SP_OUTDIR_MAX_FILES) all or none. Returns 0, or
 * -1 after reporting (then none of them was left in place). */
int sp_outdir_write(sp_outdir *o, const sp_outfile *files, size_t n,
                    sp_diag *d);
/* Remove DIR/NAME and the temporaries DIR/.NAME.XXXXXX a killed writer
 * left (entries only: nothing is followed). */
void sp_outdir_discard(const sp_outdir *o, const char *name);
/* Flush the directory's file system (after writing with sync_each 0). */
void sp_outdir_sync(const sp_outdir *o);
/* Close the directory and drop the lock. */
void sp_outdir_close(sp_outdir *o);

#endif
