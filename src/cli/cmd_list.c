/* cmd_list.c - `studypress list`: the selected questions, one per line:
 * ID TAB CATEGORY TAB ROLES TAB QUESTION. */
#include <errno.h>
#include <string.h>
#include <stdlib.h>

#include "cli/common.h"
#include "util/mem.h"

static void usage(FILE *f)
{
	fputs("usage: studypress list [-c PATH]... [SELECTION OPTIONS]\n\n"
	      "List the selected questions, one per line:\n"
	      "ID<TAB>CATEGORY<TAB>ROLES<TAB>QUESTION (roles comma-separated, "
	      "'*' for every role).\n"
	      "With several -c, standard error gets a line per corpus and a "
	      "total:\n"
	      "PATH: N questions, K listed.\n\nOptions:\n",
	      f);
	cli_help_content(f);
	cli_help_selection(f);
	fputs("\nExit status: 0 ok, 1 invalid corpus or selection, 2 usage "
	      "error, 3 the path cannot be read.\n",
	      f);
}

static int parse(int argc, char **argv, cli_common *c)
{
	static const struct option opts[] = {CLI_OPTS_CONTENT,
	                                     CLI_OPTS_SELECTION, CLI_OPTS_END};
	static const cli_parser p = {
	    "list", CLI_SHORTOPTS_READ, opts, usage, NULL, NULL, NULL, 1};
	return cli_parse(&p, argc, argv, c);
}

static void print_question(const sp_corpus *c, const sp_question *q)
{
	printf("%s\t%s\t", q->id, c->categories[q->category].id);
	if (!q->nroles)
		putchar('*');
	for (size_t i = 0; i < q->nroles; i++)
		printf("%s%s", i ? "," : "", c->roles[q->roles[i]].id);
	printf("\t%s\n", q->question.s);
}

/* With several corpora: how many of each corpus's questions are listed. */
static void summary_parts(const corpus_part *p, size_t n, const sp_corpus *c,
                          const size_t *sel, size_t nsel)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		for (size_t j = 0; j < nsel; j++)
			k += c->questions[sel[j]].part == i;
		fprintf(stderr, "%s: %zu question%s, %zu listed\n", p[i].path,
		        p[i].nquestions, p[i].nquestions == 1 ? "" : "s", k);
	}
	fprintf(stderr, "total: %zu question%s, %zu listed\n", c->nquestions,
	        c->nquestions == 1 ? "" : "s", nsel);
}

int cmd_list(int argc, char **argv)
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
	size_t nparts = cli_ncorpora(&c);
	corpus_part *parts = xcalloc(nparts, sizeof *parts);
	sp_corpus *corpus = cli_load_corpora(&c, &d, &rc, parts);
	size_t *sel = NULL, n = 0;
	if (corpus)
		rc = cli_select(&c, corpus, &d, &sel, &n);
	for (size_t i = 0; rc == EXIT_OK && i < n; i++)
		print_question(corpus, &corpus->questions[sel[i]]);
	if (rc == EXIT_OK && nparts > 1)
		summary_parts(parts, nparts, corpus, sel, n);
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc == EXIT_OK) {
		diag_error(&d, sp_loc_make(NULL, 0, 0),
		           "cannot write the list to standard output: %s",
		           strerror(errno));
		rc = EXIT_IO;
	}
	free(sel);
	free(parts);
	corpus_free(corpus);
	cli_common_free(&c);
	return rc;
}
