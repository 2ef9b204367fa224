/* common.c - the options shared by corpus commands, loading the corpus
 * and applying the selection. */
#include "cli/common.h"
#include "corpus/text.h"
#include "pdf/pdf.h"
#include "products/template.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/datadir.h"
#include "util/mem.h"

void cli_common_init(cli_common *c)
{
	memset(c, 0, sizeof *c);
	selection_opts_init(&c->sel);
}

void cli_common_free(cli_common *c)
{
	selection_opts_free(&c->sel);
	free(c->contents);
	c->contents = NULL;
	c->ncontents = 0;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	sp_buf b = SP_BUF_INIT;
	if (fmt) {
		va_list ap;
		buf_printf(&b, "studypress %s: ", cmd);
		va_start(ap, fmt);
		buf_vprintf(&b, fmt, ap);
		va_end(ap);
		buf_putc(&b, '\n');
	}
	buf_printf(&b, "Try 'studypress %s --help'.\n", cmd);
	diag_emit(stderr, b.data, b.len);
	buf_free(&b);
	return EXIT_USAGE;
}

/* A non-negative decimal integer, all of arg; -1 if it is not one. */
static int parse_number(const char *arg, unsigned long long max,
                        unsigned long long *out)
{
	if (!*arg || *arg < '0' || *arg > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	if (errno || *end || v > max)
		return -1;
	*out = v;
	return 0;
}

static int number_option(cli_common *c, int opt, const char *arg)
{
	unsigned long long v;
	const char *name = opt == CLI_OPT_COUNT ? "--count" : "--seed";
	unsigned long long max = opt == CLI_OPT_COUNT ? LONG_MAX : ULLONG_MAX;
	if (parse_number(arg, max, &v)) {
		diag_printf(stderr,
		            "studypress: %s wants a non-negative integer, "
		            "not '%s'\n",
		            name, arg);
		return CLI_OPTION_USAGE;
	}
	if (opt == CLI_OPT_COUNT) {
		c->sel.count = (long)v;
	} else {
		c->sel.has_seed = 1;
		c->sel.seed = (uint64_t)v;
	}
	return CLI_OPTION_DONE;
}

static sp_strlist *list_option(cli_common *c, int opt)
{
	switch (opt) {
	case CLI_OPT_ROLE:
		return &c->sel.roles;
	case CLI_OPT_CATEGORY:
		return &c->sel.categories;
	case CLI_OPT_TOPIC:
		return &c->sel.topics;
	case CLI_OPT_LEVEL:
		return &c->sel.levels;
	case CLI_OPT_ONLY:
		return &c->sel.only;
	case CLI_OPT_EXCLUDE:
		return &c->sel.exclude;
	default:
		return NULL;
	}
}

/* --title, --subtitle: valid UTF-8 without control characters. */
static int text_option(cli_common *c, int opt, const char *arg)
{
	const char *name = opt == CLI_OPT_TITLE ? "--title" : "--subtitle";
	unsigned long cp;
	size_t n = strlen(arg);
	if (text_utf8_invalid(arg, n) != TEXT_OK ||
	    text_find_control(arg, n, &cp) != TEXT_OK) {
		fprintf(stderr,
		        "studypress: %s wants UTF-8 text without control "
		        "characters\n",
		        name);
		return CLI_OPTION_USAGE;
	}
	if (opt == CLI_OPT_TITLE)
		c->title = arg;
	else
		c->subtitle = arg;
	return CLI_OPTION_DONE;
}

int cli_common_option(cli_common *c, int opt, const char *arg)
{
	sp_strlist *l = list_option(c, opt);
	if (l) {
		strlist_add_csv(l, arg);
		return CLI_OPTION_DONE;
	}
	switch (opt) {
	case 'c':
		c->contents = xrealloc(c->contents, (c->ncontents + 1) *
		                                        sizeof *c->contents);
		c->contents[c->ncontents++] = arg;
		return CLI_OPTION_DONE;
	case CLI_OPT_TITLE:
	case CLI_OPT_SUBTITLE:
		return text_option(c, opt, arg);
	case 'o':
		c->output = arg;
		return CLI_OPTION_DONE;
	case 'q':
		c->quiet = 1;
		return CLI_OPTION_DONE;
	case 'h':
		return CLI_OPTION_HELP;
	case CLI_OPT_COUNT:
	case CLI_OPT_SEED:
		return number_option(c, opt, arg);
	case CLI_OPT_TEMPLATE:
		c->template_name = arg;
		return CLI_OPTION_DONE;
	case CLI_OPT_PAPER:
		c->paper = arg;
		return CLI_OPTION_DONE;
	case CLI_OPT_DUMP_LAYOUT:
		c->dump_layout = arg;
		return CLI_OPTION_DONE;
	case CLI_OPT_STRICT:
		c->strict = 1;
		return CLI_OPTION_DONE;
	case CLI_OPT_PDFA:
		c->pdfa = 1;
		return CLI_OPTION_DONE;
	default:
		return CLI_OPTION_UNKNOWN;
	}
}

void cli_help_content(FILE *f)
{
	fputs("  -c, --content PATH  corpus file or directory (default: the "
	      "bundled content/);\n"
	      "                      repeat it to combine corpora, merged in "
	      "order\n"
	      "      --title TEXT    use this title instead of the corpus's\n"
	      "      --subtitle TEXT use this subtitle instead of the "
	      "corpus's\n"
	      "      --strict        treat warnings as errors\n"
	      "  -h, --help          show this help\n",
	      f);
}

void cli_help_selection(FILE *f)
{
	fputs("Selection (repeatable; comma-separated values; OR within an "
	      "option, AND across):\n"
	      "      --role ID       questions for this role (a question "
	      "with no roles fits every role)\n"
	      "      --category ID   questions in this category\n"
	      "      --topic ID      questions with this topic\n"
	      "      --level L       junior, mid or senior\n"
	      "      --only ID,...   exactly these questions, in this order\n"
	      "      --exclude ID,...  leave these questions out\n"
	      "      --seed N        shuffle with this seed (same order on "
	      "every machine)\n"
	      "      --count N       keep the first N (after shuffling)\n",
	      f);
}

/* ---- loading and selecting ---- */

char *cli_content_path(const cli_common *c)
{
	if (c->ncontents)
		return xstrdup(c->contents[0]);
	return sp_data_path("content");
}

size_t cli_ncorpora(const cli_common *c)
{
	return c->ncontents ? c->ncontents : 1;
}

/* Replace t's text with s (folded, NFC), located nowhere. */
static void override_text(sp_text *t, const char *s)
{
	char *nfc = text_nfc(s, strlen(s));
	free(t->s);
	t->s = text_fold(nfc ? nfc : s);
	t->loc = sp_loc_make(NULL, 0, 0);
	free(nfc);
}

static sp_corpus *load_paths(cli_common *c, sp_diag *d, int *exit_code,
                             corpus_part *parts)
{
	if (c->ncontents) {
		int status;
		sp_corpus *corpus = corpus_load_many(c->contents, c->ncontents,
		                                     d, &status, parts);
		*exit_code = status == CORPUS_LOAD_IO ? EXIT_IO : EXIT_INVALID;
		return corpus;
	}
	char *path = cli_content_path(c);
	if (!path) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "no bundled content/ found; name a corpus with -c "
		           "PATH");
		*exit_code = EXIT_IO;
		return NULL;
	}
	int status;
	const char *p = path;
	sp_corpus *corpus = corpus_load_many(&p, 1, d, &status, parts);
	if (parts)
		parts[0].path = "content"; /* path is freed below */
	free(path);
	*exit_code = status == CORPUS_LOAD_IO ? EXIT_IO : EXIT_INVALID;
	return corpus;
}

sp_corpus *cli_load_corpora(cli_common *c, sp_diag *d, int *exit_code,
                            corpus_part *parts)
{
	const char *bad_env = sp_data_env_problem();
	if (bad_env) { /* said once, before anything else is read */
		diag_error(d, sp_loc_make(NULL, 0, 0), "%s", bad_env);
		*exit_code = EXIT_IO;
		return NULL;
	}
	unsigned warnings = d->warnings;
	sp_corpus *corpus = load_paths(c, d, exit_code, parts);
	if (!corpus)
		return NULL;
	if (c->strict && d->warnings > warnings) {
		corpus_free(corpus);
		*exit_code = EXIT_INVALID;
		return NULL;
	}
	if (c->title && *c->title)
		override_text(&corpus->title, c->title);
	if (c->subtitle && *c->subtitle)
		override_text(&corpus->subtitle, c->subtitle);
	*exit_code = EXIT_OK;
	return corpus;
}

sp_corpus *cli_load_corpus(cli_common *c, sp_diag *d, int *exit_code)
{
	return cli_load_corpora(c, d, exit_code, NULL);
}

int cli_select(const cli_common *c, const sp_corpus *corpus, sp_diag *d,
               size_t **out, size_t *n)
{
	if (corpus_select(corpus, &c->sel, out, n, d) < 0)
		return EXIT_INVALID;
	if (*n == 0 && c->sel.count != 0) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "no questions match the selection");
		free(*out);
		*out = NULL;
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

/* ---- templates ---- */

sp_template *cli_load_template(const cli_common *c, sp_diag *d, int *exit_code)
{
	product_status st;
	if (c->pdfa && !pdf_pdfa_profile_path()) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "--pdfa needs an sRGB ICC profile and none is "
		           "installed (Debian package libgs-common or "
		           "colord-data)");
		*exit_code = EXIT_IO;
		return NULL;
	}
	sp_template *t = template_open(c->template_name, c->paper, d, &st);
	*exit_code = cli_exit_code(st);
	if (t)
		t->pdfa = c->pdfa;
	return t;
}

int cli_exit_code(product_status s)
{
	switch (s) {
	case PRODUCT_OK:
		return EXIT_OK;
	case PRODUCT_INVALID:
		return EXIT_INVALID;
	case PRODUCT_USAGE:
		return EXIT_USAGE;
	case PRODUCT_IO:
		return EXIT_IO;
	case PRODUCT_STOPPED_INT:
		return 128 + SIGINT;
	case PRODUCT_STOPPED_TERM:
		return 128 + SIGTERM;
	}
	return EXIT_INVALID;
}

/* ---- parsing a command line ---- */

/* One option: the command's own, else a shared one. */
static int one_option(const cli_parser *p, cli_common *c, int opt,
                      const char *arg)
{
	if (opt == '?')
		return CLI_OPTION_UNKNOWN;
	if (p->own) {
		int r = p->own(p->ud, opt, arg);
		if (r != CLI_OPTION_UNKNOWN)
			return r;
	}
	return cli_common_option(c, opt, arg);
}

int cli_parse(const cli_parser *p, int argc, char **argv, cli_common *c)
{
	int opt;
	optind = 0;
	while ((opt = getopt_long(argc, argv, p->shortopts, p->opts, NULL)) !=
	       -1) {
		int r = one_option(p, c, opt, optarg);
		if (r == CLI_OPTION_DONE)
			continue;
		if (r == CLI_OPTION_HELP) {
			p->usage(stdout);
			return -1;
		}
		if (opt == '?')
			return p->unknown
			           ? cli_usage_error(p->cmd, "%s", p->unknown)
			           : cli_usage_error(p->cmd, NULL);
		if (p->try_after_bad_value)
			return cli_usage_error(p->cmd, NULL);
		return EXIT_USAGE;
	}
	if (optind < argc)
		return cli_usage_error(p->cmd, "unexpected argument '%s'",
		                       argv[optind]);
	return EXIT_OK;
}
