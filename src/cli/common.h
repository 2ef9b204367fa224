/* common.h - options shared by the commands that read a corpus: parsing,
 * loading the corpus, applying the selection. Each command splices the
 * CLI_OPTS_* entries into its own getopt_long option array and passes
 * every option it does not handle itself to cli_common_option(). */
#ifndef SP_CLI_COMMON_H
#define SP_CLI_COMMON_H

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

enum {
	CLI_OPT_ROLE = 1000,
	CLI_OPT_CATEGORY,
	CLI_OPT_TOPIC,
	CLI_OPT_LEVEL,
	CLI_OPT_ONLY,
	CLI_OPT_EXCLUDE,
	CLI_OPT_COUNT,
	CLI_OPT_SEED,
	CLI_OPT_TEMPLATE,
	CLI_OPT_PAPER,
	CLI_OPT_DUMP_LAYOUT,
	CLI_OPT_STRICT,
	CLI_OPT_TITLE,
	CLI_OPT_SUBTITLE,
	CLI_OPT_PDFA,
	CLI_OPT_FIRST_FREE /* commands number their own options from here */
};

/* Short options: -c PATH, -h; rendering commands add -o FILE and -q. */
#define CLI_SHORTOPTS_READ "c:h"
#define CLI_SHORTOPTS "c:o:qh"

#define CLI_OPTS_CONTENT                                                       \
	{"content", required_argument, NULL, 'c'},                             \
	    {"help", no_argument, NULL, 'h'},                                  \
	    {"title", required_argument, NULL, CLI_OPT_TITLE},                 \
	    {"subtitle", required_argument, NULL, CLI_OPT_SUBTITLE},           \
	{                                                                      \
		"strict", no_argument, NULL, CLI_OPT_STRICT                    \
	}
#define CLI_OPTS_SELECTION                                                     \
	{"role", required_argument, NULL, CLI_OPT_ROLE},                       \
	    {"category", required_argument, NULL, CLI_OPT_CATEGORY},           \
	    {"topic", required_argument, NULL, CLI_OPT_TOPIC},                 \
	    {"level", required_argument, NULL, CLI_OPT_LEVEL},                 \
	    {"only", required_argument, NULL, CLI_OPT_ONLY},                   \
	    {"exclude", required_argument, NULL, CLI_OPT_EXCLUDE},             \
	    {"count", required_argument, NULL, CLI_OPT_COUNT},                 \
	{                                                                      \
		"seed", required_argument, NULL, CLI_OPT_SEED                  \
	}
#define CLI_OPTS_RENDER                                                        \
	{"template", required_argument, NULL, CLI_OPT_TEMPLATE},               \
	    {"paper", required_argument, NULL, CLI_OPT_PAPER},                 \
	    {"output", required_argument, NULL, 'o'},                          \
	    {"quiet", no_argument, NULL, 'q'},                                 \
	    {"pdfa", no_argument, NULL, CLI_OPT_PDFA},                         \
	{                                                                      \
		"dump-layout", required_argument, NULL, CLI_OPT_DUMP_LAYOUT    \
	}
#define CLI_OPTS_END                                                           \
	{                                                                      \
		NULL, 0, NULL, 0                                               \
	}

/* Result of cli_common_option(). */
enum {
	CLI_OPTION_DONE = 1,    /* handled */
	CLI_OPTION_UNKNOWN = 0, /* not a common option */
	CLI_OPTION_USAGE = -1,  /* bad argument (reported on stderr) */
	CLI_OPTION_HELP = -2    /* -h/--help: print usage, exit 0 */
};

void cli_common_init(cli_common *c);
void cli_common_free(cli_common *c);
/* Handle option `opt` (a getopt_long return value) with argument arg. */
int cli_common_option(cli_common *c, int opt, const char *arg);
/* After getopt_long: report a bad option (opt '?'), or a stray
 * argument, for command `cmd`. Returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* How a command reads its command line: getopt_long over opts (the
 * CLI_OPTS_* entries and the command's own), own() first for each option
 * (it returns CLI_OPTION_DONE, CLI_OPTION_UNKNOWN when the option is not
 * its own, or CLI_OPTION_USAGE after reporting a bad value), then
 * cli_common_option(). The last two fields keep each command's messages
 * as they are: `unknown` follows getopt's own message for an unknown
 * option ("unknown option", or NULL for none), and check and list add
 * the "Try ..." line after a bad shared value too. */
typedef struct cli_parser {
	const char *cmd;       /* "handbook", for messages */
	const char *shortopts; /* CLI_SHORTOPTS or CLI_SHORTOPTS_READ */
	const struct option *opts;
	void (*usage)(FILE *); /* the command's --help */
	int (*own)(void *ud, int opt, const char *arg); /* or NULL */
	void *ud;
	const char *unknown;
	int try_after_bad_value;
} cli_parser;

/* Parse argv (argv[0] is the command's name; no arguments other than
 * options): returns EXIT_OK, -1 after printing the usage for --help, or
 * EXIT_USAGE after reporting. */
int cli_parse(const cli_parser *p, int argc, char **argv, cli_common *c);

/* Help text for the shared options (indented lines). */
void cli_help_content(FILE *f);
void cli_help_selection(FILE *f);

/* Load the corpora named by -c, in order and merged (or the bundled
 * content/), reporting every problem through d, then apply --title and
 * --subtitle. On failure returns NULL and sets *exit_code to
 * EXIT_INVALID (content errors; with --strict also warnings) or EXIT_IO
 * (a path cannot be read). */
sp_corpus *cli_load_corpus(cli_common *c, sp_diag *d, int *exit_code);
/* The same, also filling parts (cli_ncorpora(c) entries; may be NULL). */
sp_corpus *cli_load_corpora(cli_common *c, sp_diag *d, int *exit_code,
                            corpus_part *parts);
/* How many corpora cli_load_corpus() reads (1 for the bundled one). */
size_t cli_ncorpora(const cli_common *c);
/* Load the template named by --template (or the default) with --paper
 * (template_open). On failure returns NULL and sets *exit_code (EXIT_IO
 * when the file cannot be read, EXIT_INVALID when it is invalid,
 * EXIT_USAGE for an unknown --paper). */
struct sp_template;
struct sp_template *cli_load_template(const cli_common *c, sp_diag *d,
                                      int *exit_code);
/* The path cli_load_corpus() reads (newly allocated), or NULL: the first
 * -c, or the bundled content/. */
char *cli_content_path(const cli_common *c);
/* Apply the selection options. Returns EXIT_OK and fills *out (owned by
 * the caller), or EXIT_INVALID after reporting (unknown id, or nothing
 * selected). */
int cli_select(const cli_common *c, const sp_corpus *corpus, sp_diag *d,
               size_t **out, size_t *n);

#endif
