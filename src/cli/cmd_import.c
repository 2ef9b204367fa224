/* cmd_import.c - `studypress import`: guides and flashcard decks (plain
 * text, Markdown, Anki, Quizlet, CSV/TSV) into a corpus in the project's
 * YAML format, on standard output or written atomically to -o FILE. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/common.h"
#include "corpus/text.h"
#include "import/import.h"
#include "pdf/pdf.h"
#include "util/buf.h"
#include "util/mem.h"

enum {
	OPT_FROM = CLI_OPT_FIRST_FREE,
	OPT_ROLE,
	OPT_CATEGORY,
	OPT_SECTIONS_AS,
	OPT_SEPARATOR
};

typedef struct im_args {
	import_opts o;
	sp_strlist roles;
	char separator[8];
	const char *output; /* NULL or "-": standard output */
	const char *const *files;
	size_t nfiles;
} im_args;

static void usage(FILE *f)
{
	fputs("usage: studypress import [--from FORMAT] [--role ID] "
	      "[--category ID]\n"
	      "                         [--sections-as categories|topics] "
	      "[--separator C]\n"
	      "                         [-o OUT.yaml] FILE...\n\n"
	      "Turn interview guides and flashcard decks into a corpus: "
	      "commented YAML that\n'studypress check -c OUT.yaml' accepts "
	      "and every product renders. FILE - is\nstandard input. Every "
	      "line of a source ends up in a field, or a warning says\n"
	      "where it went or why it was left out.\n\n"
	      "Options:\n"
	      "      --from FORMAT   text, markdown, anki, quizlet, tsv or csv "
	      "(default: from\n"
	      "                      each file's extension and content)\n"
	      "      --role ID       a role for every question (repeatable; "
	      "comma-separated)\n"
	      "      --category ID   the category of questions no section "
	      "places (default:\n"
	      "                      general)\n"
	      "      --sections-as categories|topics\n"
	      "                      what a guide's sections become (default: "
	      "categories)\n"
	      "      --separator C   the character between term and "
	      "definition (Quizlet) or\n"
	      "                      between fields (CSV, TSV): one "
	      "character, or tab, comma,\n"
	      "                      semicolon, pipe\n"
	      "  -o, --output FILE   write the corpus here (default, or -: "
	      "standard output)\n"
	      "  -h, --help          show this help\n\n"
	      "Exit status: 0 ok (warnings allowed), 1 invalid input (nothing "
	      "recognised,\nnot UTF-8, a limit), 2 usage error, 3 a file "
	      "cannot be read or written.\n",
	      f);
}

static int bad(const char *fmt, const char *arg)
{
	fputs("studypress import: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs("Try 'studypress import --help'.\n", stderr);
	return EXIT_USAGE;
}

static int set_separator(im_args *a, const char *arg)
{
	static const char *const names[][2] = {
	    {"tab", "\t"}, {"comma", ","}, {"semicolon", ";"},
	    {"pipe", "|"}, {"space", " "}, {"\\t", "\t"}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(arg, names[i][0])) {
			strcpy(a->separator, names[i][1]);
			a->o.separator = a->separator;
			return EXIT_OK;
		}
	size_t n = strlen(arg);
	size_t lead = n ? (size_t)((unsigned char)arg[0] < 0x80   ? 1
	                           : (unsigned char)arg[0] < 0xE0 ? 2
	                           : (unsigned char)arg[0] < 0xF0 ? 3
	                                                          : 4)
	                : 0;
	if (!n || n != lead || text_utf8_invalid(arg, n) != TEXT_OK ||
	    arg[0] == '\n' || arg[0] == '\r')
		return bad("--separator takes one character (or tab, comma, "
		           "semicolon, pipe), not '%s'",
		           arg);
	memcpy(a->separator, arg, n + 1);
	a->o.separator = a->separator;
	return EXIT_OK;
}

static int ids_ok(const sp_strlist *l, const char *what)
{
	for (size_t i = 0; i < l->n; i++)
		if (!text_is_slug(l->v[i]))
			return bad(what, l->v[i]);
	return EXIT_OK;
}

static int option(im_args *a, int opt, const char *arg)
{
	switch (opt) {
	case OPT_FROM:
		if (import_format_parse(arg, &a->o.from))
			return bad(
			    "--from takes text, markdown, anki, quizlet, "
			    "tsv or csv, not '%s'",
			    arg);
		return EXIT_OK;
	case OPT_ROLE:
		strlist_add_csv(&a->roles, arg);
		return EXIT_OK;
	case OPT_CATEGORY:
		if (!text_is_slug(arg))
			return bad("--category takes an id (lowercase letters, "
			           "digits and single hyphens), not '%s'",
			           arg);
		a->o.category = arg;
		return EXIT_OK;
	case OPT_SECTIONS_AS:
		if (strcmp(arg, "categories") && strcmp(arg, "topics"))
			return bad("--sections-as takes categories or topics, "
			           "not '%s'",
			           arg);
		a->o.sections_as_topics = !strcmp(arg, "topics");
		return EXIT_OK;
	case OPT_SEPARATOR:
		return set_separator(a, arg);
	case 'o':
		a->output = arg;
		return EXIT_OK;
	default:
		return cli_usage_error("import", "unknown option");
	}
}

/* EXIT_OK, -1 after --help, or EXIT_USAGE. */
static int parse(im_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"from", required_argument, NULL, OPT_FROM},
	    {"role", required_argument, NULL, OPT_ROLE},
	    {"category", required_argument, NULL, OPT_CATEGORY},
	    {"sections-as", required_argument, NULL, OPT_SECTIONS_AS},
	    {"separator", required_argument, NULL, OPT_SEPARATOR},
	    {"output", required_argument, NULL, 'o'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		if (opt == 'h') {
			usage(stdout);
			return -1;
		}
		int rc = option(a, opt, optarg);
		if (rc != EXIT_OK)
			return rc;
	}
	if (ids_ok(&a->roles, "--role takes ids (lowercase letters, digits "
	                      "and single hyphens), not '%s'") != EXIT_OK)
		return EXIT_USAGE;
	a->o.roles = (const char *const *)a->roles.v;
	a->o.nroles = a->roles.n;
	a->files = (const char *const *)argv + optind;
	a->nfiles = (size_t)(argc - optind);
	if (!a->nfiles)
		return cli_usage_error("import", "name the files to import");
	if (a->nfiles > IMPORT_MAX_FILES)
		return cli_usage_error("import", "more than %d files",
		                       IMPORT_MAX_FILES);
	return EXIT_OK;
}

static int write_out(const im_args *a, const sp_buf *yaml, sp_diag *d)
{
	if (!a->output || !strcmp(a->output, "-")) {
		fwrite(yaml->data, 1, yaml->len, stdout);
		if (fflush(stdout) == 0 && !ferror(stdout))
			return EXIT_OK;
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot write the corpus to standard output: %s",
		           strerror(errno));
		return EXIT_IO;
	}
	if (!pdf_output_path_ok(a->output, a->files, a->nfiles, d))
		return EXIT_IO;
	if (pdf_write_atomic(a->output, yaml->data, yaml->len, d) != PDF_OK)
		return EXIT_IO;
	return EXIT_OK;
}

static void summary(const im_args *a, const import_result *r)
{
	fprintf(stderr,
	        "studypress import: %s%s%s%zu question%s, %zu "
	        "categor%s, %zu role%s from %zu file%s\n",
	        a->output && strcmp(a->output, "-") ? "wrote " : "",
	        a->output && strcmp(a->output, "-") ? a->output : "",
	        a->output && strcmp(a->output, "-") ? ": " : "", r->questions,
	        r->questions == 1 ? "" : "s", r->categories,
	        r->categories == 1 ? "y" : "ies", r->roles,
	        r->roles == 1 ? "" : "s", a->nfiles, a->nfiles == 1 ? "" : "s");
}

int cmd_import(int argc, char **argv)
{
	im_args a;
	memset(&a, 0, sizeof a);
	import_opts_init(&a.o);
	int rc = parse(&a, argc, argv);
	if (rc != EXIT_OK) {
		strlist_free(&a.roles);
		return rc < 0 ? EXIT_OK : rc;
	}
	sp_diag d;
	diag_init(&d, stderr);
	sp_buf yaml = SP_BUF_INIT;
	import_result res;
	rc = import_files(a.files, a.nfiles, &a.o, &d, &yaml, &res);
	if (rc == IMPORT_OK)
		rc = write_out(&a, &yaml, &d);
	if (rc == EXIT_OK)
		summary(&a, &res);
	buf_free(&yaml);
	strlist_free(&a.roles);
	return rc;
}
