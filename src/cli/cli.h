/* cli.h - subcommands and the options they share. main.c dispatches;
 * each command lives in src/cli/cmd_NAME.c. */
#ifndef SP_CLI_CLI_H
#define SP_CLI_CLI_H

#include "corpus/corpus.h"
#include "corpus/select.h"
#include "products/status.h"

/* Exit codes. */
enum {
	EXIT_OK = 0,
	EXIT_INVALID = 1, /* invalid input (corpus, template, CSV, selection) */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_IO = 3       /* cannot read or write a file */
};

/* The exit code that reports a product's status. */
int cli_exit_code(product_status s);

/* Options shared by the commands that read a corpus. */
typedef struct cli_common {
	const char **contents; /* -c/--content, repeatable (argv strings; the
	                        * array is owned); none = bundled content/ */
	size_t ncontents;
	const char *title;    /* --title: replaces the corpus title */
	const char *subtitle; /* --subtitle */
	sp_selection_opts sel;
	const char *template_name; /* --template NAME|PATH */
	const char *paper;         /* --paper a4|letter|a5 */
	const char *output;        /* -o/--output */
	const char *dump_layout;   /* --dump-layout FILE */
	int strict;                /* --strict: warnings are errors */
	int quiet; /* -q/--quiet: no "wrote FILE" lines (cli/report.h) */
	int pdfa;  /* --pdfa: PDF/A-2a as well as PDF/UA */
} cli_common;

/* Each returns an exit code. argv[0] is the command name. */
int cmd_check(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_handbook(int argc, char **argv);
int cmd_cards(int argc, char **argv);
int cmd_worksheet(int argc, char **argv);
int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);

#endif
