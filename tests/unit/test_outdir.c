/* test_outdir.c - util/outdir.h (files written into a directory others
 * can write to: planted links, FIFOs, inputs, pairs, the lock, what a
 * dead writer left) and util/ctrl.h (the characters never printed). */
#define _GNU_SOURCE /* mkdtemp */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/ctrl.h"
#include "util/diag.h"
#include "util/outdir.h"

#include "check.h"

static char dir[64];

static char *path_of(const char *name)
{
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s/%s", dir, name);
	return buf_detach(&b);
}

static int exists(const char *name)
{
	char *p = path_of(name);
	struct stat st;
	int r = lstat(p, &st) == 0;
	free(p);
	return r;
}

static void test_ctrl(void)
{
	CHECK(sp_ctrl_len("a") == 0);
	CHECK(sp_ctrl_len("") == 0);
	CHECK(sp_ctrl_len("\033]0;") == 1);
	CHECK(sp_ctrl_len("\x7f") == 1);
	CHECK(sp_ctrl_len("\xc2\x9b") == 2);     /* CSI (C1) */
	CHECK(sp_ctrl_len("\xc2\xa0") == 0);     /* no-break space stays */
	CHECK(sp_ctrl_len("\xe2\x80\xae") == 3); /* RLO */
	CHECK(sp_ctrl_len("\xe2\x81\xa6") == 3); /* LRI */
	CHECK(sp_ctrl_len("\xe2\x80\x94") == 0); /* em dash stays */
	CHECK(sp_ctrl_len("\xd8\x9c") == 2);     /* ALM */
}

static int write_pair(sp_outdir *o, sp_diag *d)
{
	sp_outfile f[2] = {{"a-candidate.pdf", "AAAA", 4},
	                   {"a-interviewer.pdf", "BBBB", 4}};
	return sp_outdir_write(o, f, 2, d);
}

static void test_pairs(sp_diag *d)
{
	sp_outdir o;
	CHECK(sp_outdir_open(&o, dir, d) == 0);
	CHECK(write_pair(&o, d) == 0);
	CHECK(exists("a-candidate.pdf") && exists("a-interviewer.pdf"));
	/* a link planted where the second file goes: neither is replaced */
	char *second = path_of("a-interviewer.pdf");
	unlink(second);
	CHECK(symlink("/etc/passwd", second) == 0);
	char *first = path_of("a-candidate.pdf");
	unlink(first);
	CHECK(write_pair(&o, d) < 0);
	CHECK(!exists("a-candidate.pdf"));
	struct stat st;
	CHECK(lstat(second, &st) == 0 && S_ISLNK(st.st_mode));
	unlink(second);
	/* a FIFO */
	CHECK(mkfifo(second, 0600) == 0);
	CHECK(write_pair(&o, d) < 0);
	CHECK(!exists("a-candidate.pdf"));
	unlink(second);
	/* an input, by device and inode (a hard link) */
	char *input = path_of("input.csv");
	FILE *f = fopen(input, "w");
	fputs("name\n", f);
	fclose(f);
	CHECK(link(input, second) == 0);
	sp_outdir_add_input(&o, input);
	CHECK(write_pair(&o, d) < 0);
	unlink(second);
	CHECK(write_pair(&o, d) == 0);
	/* what a dead writer left: the file and a temporary */
	char *tmp = path_of(".a-candidate.pdf.abc123");
	f = fopen(tmp, "w");
	fclose(f);
	sp_outdir_discard(&o, "a-candidate.pdf");
	CHECK(!exists("a-candidate.pdf") && !exists(".a-candidate.pdf.abc123"));
	CHECK(exists("a-interviewer.pdf"));
	CHECK(sp_outdir_write(&o, (sp_outfile[]){{"x/y", "", 0}}, 1, d) < 0);
	sp_outdir_close(&o);
	unlink(second);
	unlink(input);
	free(first);
	free(second);
	free(input);
	free(tmp);
}

static void test_lock(sp_diag *d)
{
	sp_outdir a, b, c;
	CHECK(sp_outdir_open(&a, dir, d) == 0 &&
	      sp_outdir_lock(&a, 1, 1, d) == 0);
	CHECK(sp_outdir_open(&b, dir, d) == 0 &&
	      sp_outdir_lock(&b, 1, 1, d) < 0);
	sp_outdir_close(&b);
	CHECK(sp_outdir_open(&b, dir, d) == 0 &&
	      sp_outdir_lock(&b, 2, 3, d) < 0);
	sp_outdir_close(&b);
	sp_outdir_close(&a); /* the lock goes with the descriptor */
	CHECK(sp_outdir_open(&a, dir, d) == 0 &&
	      sp_outdir_lock(&a, 1, 2, d) == 0);
	CHECK(sp_outdir_open(&b, dir, d) == 0 &&
	      sp_outdir_lock(&b, 2, 2, d) == 0);
	CHECK(sp_outdir_open(&c, dir, d) == 0 &&
	      sp_outdir_lock(&c, 2, 2, d) < 0);
	sp_outdir_close(&c);
	CHECK(sp_outdir_open(&c, dir, d) == 0 &&
	      sp_outdir_lock(&c, 1, 1, d) < 0);
	sp_outdir_close(&c);
	sp_outdir_close(&b);
	sp_outdir_close(&a);
	char *lock = path_of(".studypress.lock");
	unlink(lock);
	free(lock);
}

int main(void)
{
	strcpy(dir, "/tmp/sp-outdir-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	FILE *sink = fopen("/dev/null", "w");
	sp_diag d;
	diag_init(&d, sink);
	test_ctrl();
	test_pairs(&d);
	test_lock(&d);
	CHECK(d.errors > 0);
	rmdir(dir);
	fclose(sink);
	return failures != 0;
}
