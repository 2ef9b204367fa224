/* cmd_check.c - `studypress check`: validate a corpus, report every
 * problem, print a one-line summary. */
#include <stdlib.h>

#include "cli/common.h"
#include "cli/coverage.h"
#include "cli/leakcheck.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/timing.h"

static void usage(FILE *f)
{
	fputs("usage: studypress check [-c PATH]... [--template NAME] "
	      "[--strict]\n\n"
	      "Validate a corpus and report every problem as\n"
	      "FILE:LINE:COLUMN: error|warning: MESSAGE on standard error,\n"
	      "including every character the template's fonts cannot draw "
	      "(laid out as\nthe handbook and the worksheet lay it out).\n"
	      "With several -c, each corpus gets a summary line, then the "
	      "merged total.\n\n"
	      "Options:\n",
	      f);
	fputs("      --template NAME the template whose fonts the text is "
	      "checked against\n"
	      "                      (default: the default template)\n",
	      f);
	cli_help_content(f);
	fputs("\nExit status: 0 no errors (with --strict: no warnings either), "
	      "1 problems found,\n2 usage error, 3 the path cannot be read.\n",
	      f);
}

static void plural(sp_buf *b, unsigned n, const char *what)
{
	buf_printf(b, "%u %s%s", n, what, n == 1 ? "" : "s");
}

static void summary(const char *path, const sp_corpus *c, const sp_diag *d,
                    int ok)
{
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s: ", path ? path : "content");
	if (c) {
		buf_printf(&b, "%zu question%s, %zu role%s, %zu categor%s",
		           c->nquestions, c->nquestions == 1 ? "" : "s",
		           c->nroles, c->nroles == 1 ? "" : "s", c->ncategories,
		           c->ncategories == 1 ? "y" : "ies");
		if (d->warnings) {
			buf_puts(&b, ", ");
			plural(&b, d->warnings, "warning");
		}
		buf_printf(&b, ": %s\n", ok ? "ok" : "failed (--strict)");
	} else {
		plural(&b, d->errors, "error");
		buf_puts(&b, ", ");
		plural(&b, d->warnings, "warning");
		buf_putc(&b, '\n');
	}
	diag_emit(stderr, b.data, b.len);
	buf_free(&b);
}

/* With several corpora: one line per corpus, then the merged total. */
static void summary_parts(const corpus_part *p, size_t n, const sp_corpus *c,
                          const sp_diag *d, int ok)
{
	for (size_t i = 0; i < n; i++) {
		sp_buf b = SP_BUF_INIT;
		buf_printf(&b, "%s: ", p[i].path);
		if (c)
			buf_printf(
			    &b, "%zu question%s, %zu role%s, %zu categor%s",
			    p[i].nquestions, p[i].nquestions == 1 ? "" : "s",
			    p[i].nroles, p[i].nroles == 1 ? "" : "s",
			    p[i].ncategories,
			    p[i].ncategories == 1 ? "y" : "ies");
		else
			plural(&b, p[i].errors, "error");
		if (p[i].warnings || !c) {
			buf_puts(&b, ", ");
			plural(&b, p[i].warnings, "warning");
		}
		buf_putc(&b, '\n');
		diag_emit(stderr, b.data, b.len);
		buf_free(&b);
	}
	summary("total", c, d, ok);
}

static int parse(int argc, char **argv, cli_common *c)
{
	static const struct option opts[] = {
	    CLI_OPTS_CONTENT,
	    {"template", required_argument, NULL, CLI_OPT_TEMPLATE},
	    CLI_OPTS_END};
	static const cli_parser p = {
	    "check", CLI_SHORTOPTS_READ, opts, usage, NULL, NULL, NULL, 1};
	return cli_parse(&p, argc, argv, c);
}

int cmd_check(int argc, char **argv)
{
	cli_common c;
	cli_common_init(&c);
	int rc = parse(argc, argv, &c);
	if (rc != EXIT_OK) {
		cli_common_free(&c);
		return rc < 0 ? EXIT_OK : rc;
	}
	sp_diag d;
	diag_init(&d, stderr);
	char *path = cli_content_path(&c);
	size_t n = cli_ncorpora(&c);
	corpus_part *parts = xcalloc(n, sizeof *parts);
	int strict = c.strict;
	c.strict = 0; /* load, then judge the warnings here */
	cli_fonts *fonts = cli_fonts_start(&c);
	sp_corpus *corpus = cli_load_corpora(&c, &d, &rc, parts);
	timing_mark("corpus loaded");
	if (!corpus) {
		cli_fonts_cancel(fonts);
	} else { /* what rendering would warn about, too */
		int frc = cli_font_coverage(fonts, corpus, &d);
		timing_mark("coverage");
		if (frc != EXIT_OK) {
			corpus_free(corpus);
			corpus = NULL;
			rc = frc;
		}
	}
	int ok = corpus && !(strict && d.warnings);
	if (rc != EXIT_IO && n == 1)
		summary(path, corpus, &d, ok);
	else if (rc != EXIT_IO)
		summary_parts(parts, n, corpus, &d, ok);
	if (corpus && !ok)
		rc = EXIT_INVALID;
	if (cli_free_at_exit())
		corpus_free(corpus);
	free(parts);
	free(path);
	cli_common_free(&c);
	return rc;
}
