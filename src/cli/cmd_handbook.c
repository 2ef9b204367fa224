/* cmd_handbook.c - `studypress handbook`: the study handbook as a PDF. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/common.h"
#include "cli/fontsahead.h"
#include "cli/leakcheck.h"
#include "cli/report.h"
#include "products/handbook.h"
#include "util/buf.h"
#include "util/timing.h"
#include "util/workers.h"

enum {
	OPT_WRITE_IN = CLI_OPT_FIRST_FREE,
	OPT_DUPLEX,
	OPT_BOOKLET,
	OPT_EACH_ROLE,
	OPT_OUT_DIR,
	OPT_MAX_PAGES,
	OPT_JOBS
};

typedef struct hb_args {
	cli_common common;
	handbook_opts o;
	int each_role;
	const char *out_dir;
	long jobs; /* --jobs N for --each-role; 0 = the online CPUs */
} hb_args;

static void usage(FILE *f)
{
	fputs("usage: studypress handbook -o FILE.pdf [options]\n"
	      "       studypress handbook --each-role --out-dir DIR [options]\n"
	      "\nA study handbook: cover, contents, a section per category, "
	      "a topic index,\nbookmarks, running heads and page labels.\n\n"
	      "Options:\n"
	      "  -o, --output FILE     write the PDF here\n"
	      "      --write-in        ruled \"Your example\" lines after each "
	      "tip\n"
	      "      --duplex          sections start on right-hand pages; "
	      "mirrored margins\n"
	      "      --booklet         impose two-up in saddle-stitch order on "
	      "sheets twice\n"
	      "                        the page size (use --paper a5 for A4 "
	      "sheets); print\n"
	      "                        duplex, flip on the short edge, fold\n"
	      "      --each-role       one handbook per role: "
	      "DIR/handbook-ROLE.pdf\n"
	      "      --out-dir DIR     the directory for --each-role\n"
	      "      --jobs N          --each-role: render N roles at once, "
	      "one process each\n"
	      "                        (default: the number of cores; same "
	      "bytes as --jobs 1)\n"
	      "      --max-pages N     refuse to lay out more pages (default "
	      "100000)\n"
	      "      --template NAME   a template from templates/, or a path\n",
	      f);
	char papers[80];
	template_paper_help(papers, sizeof papers, 99);
	fprintf(f, "      --paper SIZE      %s (overrides the template)\n",
	        papers);
	fputs("      --dump-layout FILE  write the page model as text\n"
	      "  -q, --quiet           do not say what was written (\"wrote "
	      "FILE: N pages, K kB\")\n"
	      "      --pdfa            PDF/A-2a as well as PDF/UA (an sRGB "
	      "output "
	      "intent;\n"
	      "                        for archives and HR systems)\n",
	      f);
	cli_help_content(f);
	cli_help_selection(f);
}

/* Our own options (cli_parser.own). */
static int own_option(void *ud, int opt, const char *arg)
{
	hb_args *a = ud;
	char *end;
	switch (opt) {
	case OPT_WRITE_IN:
		a->o.write_in = 1;
		return CLI_OPTION_DONE;
	case OPT_DUPLEX:
		a->o.duplex = 1;
		return CLI_OPTION_DONE;
	case OPT_BOOKLET:
		a->o.booklet = 1;
		return CLI_OPTION_DONE;
	case OPT_EACH_ROLE:
		a->each_role = 1;
		return CLI_OPTION_DONE;
	case OPT_OUT_DIR:
		a->out_dir = arg;
		return CLI_OPTION_DONE;
	case OPT_MAX_PAGES:
		a->o.max_pages = strtol(arg, &end, 10);
		if (*end || a->o.max_pages < 1) {
			cli_usage_error("handbook",
			                "--max-pages takes a positive number");
			return CLI_OPTION_USAGE;
		}
		return CLI_OPTION_DONE;
	case OPT_JOBS:
		errno = 0;
		a->jobs = strtol(arg, &end, 10);
		if (*end || !*arg || errno || a->jobs < 1 || a->jobs > 1024) {
			cli_usage_error("handbook",
			                "--jobs takes a number from 1 to 1024");
			return CLI_OPTION_USAGE;
		}
		return CLI_OPTION_DONE;
	default:
		return CLI_OPTION_UNKNOWN;
	}
}

static int parse(hb_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPTS_CONTENT,
	    CLI_OPTS_SELECTION,
	    CLI_OPTS_RENDER,
	    {"write-in", no_argument, NULL, OPT_WRITE_IN},
	    {"duplex", no_argument, NULL, OPT_DUPLEX},
	    {"booklet", no_argument, NULL, OPT_BOOKLET},
	    {"each-role", no_argument, NULL, OPT_EACH_ROLE},
	    {"out-dir", required_argument, NULL, OPT_OUT_DIR},
	    {"max-pages", required_argument, NULL, OPT_MAX_PAGES},
	    {"jobs", required_argument, NULL, OPT_JOBS},
	    CLI_OPTS_END};
	const cli_parser p = {
	    "handbook", CLI_SHORTOPTS,    opts, usage, own_option,
	    a,          "unknown option", 0};
	int rc = cli_parse(&p, argc, argv, &a->common);
	if (rc != EXIT_OK)
		return rc;
	if (a->each_role && !a->out_dir)
		return cli_usage_error("handbook",
		                       "--each-role needs --out-dir DIR");
	if (!a->each_role && !a->common.output && !a->common.dump_layout)
		return cli_usage_error("handbook",
		                       "say where to write: -o FILE.pdf");
	return EXIT_OK;
}

/* The role for the cover: the one --role given, if exactly one. */
static long cover_role(const cli_common *c, const sp_corpus *corpus)
{
	if (c->sel.roles.n != 1)
		return -1;
	return corpus_find_role(corpus, c->sel.roles.v[0]);
}

/* "wrote FILE: N pages, ..., K kB" (cli/report.h); a booklet names its
 * sheets, which are twice the page the template or --paper gave. */
static void report(const cli_common *c, const handbook_opts *o,
                   const sp_document *doc, const char *out, const char *dump)
{
	char note[64];
	const char *sheet =
	    o->booklet && doc->npages
	        ? cli_sheet_name(doc->pages[0].width, doc->pages[0].height)
	        : NULL;
	if (sheet)
		snprintf(note, sizeof note, "a booklet on %s sheets", sheet);
	else
		snprintf(note, sizeof note, "a booklet");
	cli_report_dump(c, dump);
	cli_report_pdf(c, out, doc, o->booklet ? note : NULL);
}

static int render_one(sp_typeset *r, const sp_corpus *corpus, cli_common *c,
                      handbook_opts *o, const char *out, const char *dump)
{
	size_t *sel = NULL, n = 0;
	int rc = cli_select(c, corpus, r->d, &sel, &n);
	if (rc != EXIT_OK)
		return rc;
	unsigned warnings = r->d->warnings;
	timing_mark("selected");
	sp_document *doc = handbook_build(r, corpus, sel, n, o);
	timing_mark("handbook laid out");
	free(sel);
	if (!doc)
		return EXIT_INVALID;
	if (c->strict && r->d->warnings > warnings) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "warnings with --strict: '%s' not written", out);
		doc_free(doc);
		return EXIT_INVALID;
	}
	rc = cli_exit_code(typeset_write(r, doc, out, dump));
	timing_mark("PDF written");
	if (rc == EXIT_OK)
		report(c, o, doc, out, dump);
	doc_free(doc);
	return rc;
}

/* Render role i's handbook into DIR/handbook-ROLE.pdf. */
static int render_role(sp_typeset *r, const sp_corpus *corpus, hb_args *a,
                       size_t i)
{
	cli_common c = a->common;
	sp_strlist only = {NULL, 0};
	strlist_add_csv(&only, corpus->roles[i].id);
	c.sel.roles = only;
	handbook_opts o = a->o;
	o.role = (long)i;
	sp_buf path = SP_BUF_INIT;
	buf_printf(&path, "%s/handbook-%s.pdf", a->out_dir,
	           corpus->roles[i].id);
	int rc = render_one(r, corpus, &c, &o, path.data, NULL);
	buf_free(&path);
	strlist_free(&only);
	return rc;
}

/* --each-role as tasks of a worker pool (util/workers.h). */
typedef struct roles_run {
	sp_typeset *r;
	const sp_corpus *corpus;
	hb_args *a;
	int worst; /* the worst exit code so far */
} roles_run;

static int role_task(void *ud, size_t i)
{
	roles_run *rr = ud;
	return render_role(rr->r, rr->corpus, rr->a, i);
}

/* Reports the file role i's task wrote, or that its worker died. */
static void role_done(void *ud, size_t i, int rc, int sig)
{
	roles_run *rr = ud;
	const char *id = rr->corpus->roles[i].id;
	if (rc < 0) { /* (a worker says what it wrote: render_one) */
		diag_printf(stderr,
		            "studypress: error: the worker for role '%s' died "
		            "(signal %d); handbook-%s.pdf not written\n",
		            id, sig, id);
		rc = EXIT_IO;
	}
	if (rc > rr->worst)
		rr->worst = rc;
}

/* One handbook per role. With more than one job, the roles are rendered
 * by forked workers (each its own libharu document, copy-on-write corpus
 * and fonts), at most `jobs` at a time; a worker writes each file
 * atomically, so the bytes are those of --jobs 1. */
static int each_role(sp_typeset *r, const sp_corpus *corpus, hb_args *a)
{
	if (mkdir(a->out_dir, 0777) != 0 && errno != EEXIST) {
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "cannot create directory '%s': %s", a->out_dir,
		           strerror(errno));
		return EXIT_IO;
	}
	roles_run rr = {r, corpus, a, EXIT_OK};
	sp_workers w = {corpus->nroles,
	                a->jobs > 0 ? a->jobs : sysconf(_SC_NPROCESSORS_ONLN),
	                role_task,
	                role_done,
	                &rr,
	                NULL,
	                NULL};
	int st = sp_workers_run(&w, NULL);
	if (st == SP_WORKERS_CHILD)
		return EXIT_OK; /* a worker: its roles are reported */
	if (st < 0) {           /* no worker: render them here */
		w.jobs = 1;
		sp_workers_run(&w, NULL);
	}
	return rr.worst;
}

int cmd_handbook(int argc, char **argv)
{
	hb_args a;
	memset(&a, 0, sizeof a);
	cli_common_init(&a.common);
	a.o.role = -1;
	int rc = parse(&a, argc, argv);
	if (rc != EXIT_OK) {
		cli_common_free(&a.common);
		return rc < 0 ? EXIT_OK : rc;
	}
	sp_diag d;
	diag_init(&d, stderr);
	cli_fonts *fonts = cli_fonts_start(&a.common);
	sp_corpus *corpus = cli_load_corpus(&a.common, &d, &rc);
	timing_mark("corpus loaded");
	sp_template *t = NULL;
	sp_typeset r;
	if (!corpus) {
		cli_fonts_cancel(fonts);
	} else {
		int trc = cli_fonts_take(fonts, &d, &t, &r);
		if (!t)
			rc = trc;
	}
	timing_mark("template and fonts");
	if (t) {
		typeset_set_inputs(&r, corpus);
		a.o.role = cover_role(&a.common, corpus);
		if (a.each_role)
			rc = each_role(&r, corpus, &a);
		else
			rc = render_one(&r, corpus, &a.common, &a.o,
			                a.common.output, a.common.dump_layout);
		typeset_close(&r);
		template_free(t);
	}
	if (cli_free_at_exit())
		corpus_free(corpus);
	cli_common_free(&a.common);
	return rc;
}
