/* cmd_init.c - `studypress init DIR`: write the starter corpus (see
 * starter.c) into DIR, creating it when needed. Nothing that exists is
 * overwritten: if any of the files is there, nothing is written; each
 * file is written atomically and never over a file that appears
 * meanwhile; when one cannot be written, the ones already written by
 * this run are removed again. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/common.h"
#include "cli/starter.h"
#include "pdf/pdf.h"
#include "util/buf.h"
#include "util/mem.h"

static void usage(FILE *f)
{
	fputs("usage: studypress init DIR\n\n"
	      "Write a small, commented starter corpus into DIR (created "
	      "when missing):\n"
	      "DIR/corpus.yaml (title, a role, the categories common, "
	      "technical, behavioral\n"
	      "and ask-them) and DIR/questions.yaml (one question of each "
	      "kind with every\n"
	      "field). It passes 'studypress check -c DIR --strict' and "
	      "renders as it is;\n"
	      "edit it into your own. Files that exist are never "
	      "overwritten: if any of\n"
	      "them is in DIR already, nothing is written.\n\n"
	      "Options:\n"
	      "  -h, --help          show this help\n"
	      "\nExit status: 0 written, 2 usage error, 3 a file exists or "
	      "cannot be written.\n",
	      f);
}

static int parse(int argc, char **argv, const char **dir)
{
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'},
	                                     CLI_OPTS_END};
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h') {
			usage(stdout);
			return -1;
		}
		return cli_usage_error("init", NULL);
	}
	if (optind == argc || !*argv[optind])
		return cli_usage_error(
		    "init", "say where to write: studypress init DIR");
	if (optind + 1 < argc)
		return cli_usage_error("init", "unexpected argument '%s'",
		                       argv[optind + 1]);
	*dir = argv[optind];
	return EXIT_OK;
}

/* mkdir -p dir. Sets *created when dir itself was made. 0 or -1 after
 * reporting. */
static int make_dir(const char *dir, int *created, sp_diag *d)
{
	char *p = xstrdup(dir);
	int rc = 0;
	*created = 0;
	for (char *s = p + 1; rc == 0; s++) {
		char c = *s;
		if (c != '/' && c)
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == 0)
			*created = !c || !s[1];
		else if (errno != EEXIST)
			rc = -1;
		*s = c;
		if (!c)
			break;
	}
	struct stat st;
	if (rc == 0 && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		errno = ENOTDIR;
		rc = -1;
	}
	if (rc < 0)
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot create directory '%s': %s", dir,
		           strerror(errno));
	free(p);
	return rc;
}

static char *file_path(const char *dir, const char *name)
{
	sp_buf b = SP_BUF_INIT;
	size_t n = strlen(dir);
	buf_printf(&b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
	return buf_detach(&b);
}

/* Every file that is there already is reported. Returns how many. */
static size_t existing(char **paths, sp_diag *d)
{
	size_t n = 0;
	for (size_t i = 0; i < cli_starter_nfiles; i++) {
		struct stat st;
		if (lstat(paths[i], &st) != 0 && errno == ENOENT)
			continue;
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot write '%s': it already exists", paths[i]);
		n++;
	}
	return n;
}

/* Write every file; on a failure, remove those written before it.
 * Returns EXIT_OK or EXIT_IO. */
static int write_all_files(char **paths, sp_diag *d)
{
	size_t i = 0;
	for (; i < cli_starter_nfiles; i++)
		if (pdf_write_new(paths[i], cli_starter_files[i].text,
		                  cli_starter_files[i].len, d) != PDF_OK)
			break;
	if (i == cli_starter_nfiles)
		return EXIT_OK;
	while (i-- > 0)
		unlink(paths[i]);
	return EXIT_IO;
}

static int run(const char *dir, sp_diag *d)
{
	int created;
	if (make_dir(dir, &created, d) < 0)
		return EXIT_IO;
	char **paths = xcalloc(cli_starter_nfiles, sizeof *paths);
	for (size_t i = 0; i < cli_starter_nfiles; i++)
		paths[i] = file_path(dir, cli_starter_files[i].name);
	int rc = existing(paths, d) ? EXIT_IO : write_all_files(paths, d);
	if (rc != EXIT_OK) {
		fprintf(stderr, "studypress init: nothing was written (it "
		                "never overwrites a file)\n");
		if (created)
			rmdir(dir);
	}
	for (size_t i = 0; i < cli_starter_nfiles; i++) {
		if (rc == EXIT_OK)
			fprintf(stderr, "wrote %s\n", paths[i]);
		free(paths[i]);
	}
	free(paths);
	if (rc == EXIT_OK)
		fprintf(stderr,
		        "next: studypress check -c %s --strict, then "
		        "studypress handbook -c %s -o handbook.pdf\n",
		        dir, dir);
	return rc;
}

int cmd_init(int argc, char **argv)
{
	const char *dir = NULL;
	int rc = parse(argc, argv, &dir);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	sp_diag d;
	diag_init(&d, stderr);
	return run(dir, &d);
}
