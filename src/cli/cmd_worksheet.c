/* cmd_worksheet.c - `studypress worksheet`: mock-interview worksheets,
 * one (-o) or a batch of per-candidate packets (--candidates). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "cli/report.h"
#include "products/worksheet.h"
#include "util/buf.h"
#include "util/mem.h"

enum {
	OPT_EDITION = CLI_OPT_FIRST_FREE,
	OPT_MINUTES,
	OPT_MIX,
	OPT_NAME,
	OPT_ID,
	OPT_DATE,
	OPT_INTERVIEWER,
	OPT_POSITION,
	OPT_CANDIDATES,
	OPT_OUT_DIR,
	OPT_EXCLUDE_FROM,
	OPT_SHARD,
	OPT_JOBS,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_MERGE,
	OPT_DELIMITER,
	OPT_NO_ANSWERS
};

typedef struct ws_args {
	cli_common common;
	ws_batch_opts b;
	int edition_given;
	const char *mix;
	const char *name, *id, *date, *interviewer, *position;
	long merge; /* --merge-manifests N */
} ws_args;

static void usage(FILE *f)
{
	fputs(
	    "usage: studypress worksheet -o FILE.pdf [options]\n"
	    "       studypress worksheet --candidates FILE.csv --out-dir DIR "
	    "[options]\n"
	    "       studypress worksheet --merge-manifests N --out-dir DIR\n"
	    "\nMock-interview worksheets: a candidate edition with room to "
	    "answer and an\ninterviewer edition with key points, rubric, "
	    "score rows and a scorecard.\n\n"
	    "Options:\n"
	    "  -o, --output FILE       write the PDF here (with --edition "
	    "both: FILE-candidate.pdf\n"
	    "                          and FILE-interviewer.pdf)\n"
	    "      --edition E         candidate (default), interviewer or "
	    "both (default both\n"
	    "                          for --candidates)\n"
	    "      --minutes N         pick questions that fill N minutes "
	    "without going over\n"
	    "      --no-answers        the interviewer edition without the "
	    "answer key (the\n"
	    "                          model answer, and the tip where there "
	    "are no key points)\n"
	    "      --mix CAT=N,...     pick N questions of each category\n"
	    "      --name NAME         the candidate (header; seeds the "
	    "selection)\n"
	    "      --id ID             the candidate's id (seeds the selection "
	    "instead of\n"
	    "                          the name)\n"
	    "      --date TEXT         the date in the header\n"
	    "      --interviewer NAME  the interviewer in the header\n"
	    "      --position TEXT     the role in the header (default: the "
	    "--role's name)\n"
	    "      --candidates CSV    a batch: one packet per row (columns "
	    "name, id, role,\n"
	    "                          seed, date, interviewer)\n"
	    "      --delimiter SEP     the CSV's separator: ',', ';' or tab "
	    "(default: the one\n"
	    "                          the header line uses)\n"
	    "      --out-dir DIR       where a batch writes its packets and "
	    "manifest.csv\n"
	    "      --exclude-from CSV  leave out questions each candidate had "
	    "in that manifest\n"
	    "      --shard K/N         render only rows i with i % N == K-1; "
	    "writes\n"
	    "                          DIR/manifest-K-of-N.csv\n"
	    "      --merge-manifests N merge DIR/manifest-K-of-N.csv into "
	    "DIR/manifest.csv\n"
	    "      --jobs N            render with N worker processes "
	    "(default: the cores)\n"
	    "      --progress, --no-progress  progress on stderr (default: "
	    "when a terminal)\n"
	    "      --template NAME     a template from templates/, or a path\n",
	    f);
	char papers[80];
	template_paper_help(papers, sizeof papers, 99);
	fprintf(f, "      --paper SIZE        %s\n", papers);
	fputs("      --dump-layout FILE  write the page model as text\n"
	      "  -q, --quiet             do not say what was written (\"wrote "
	      "FILE: N pages, K kB\"; in a batch, its summary)\n"
	      "      --pdfa              PDF/A-2a as well as PDF/UA (an sRGB "
	      "output "
	      "intent;\n"
	      "                          for archives and HR systems)\n",
	      f);
	cli_help_content(f);
	cli_help_selection(f);
}

static int number(const char *arg, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || *end || end == arg || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* --delimiter: ",", ";", "tab" (or a tab). Returns 0 or -1. */
static int parse_delimiter(ws_args *a, const char *arg)
{
	if (!strcmp(arg, ",") || !strcmp(arg, ";") || !strcmp(arg, "\t"))
		a->b.delimiter = arg[0];
	else if (!strcmp(arg, "tab"))
		a->b.delimiter = '\t';
	else
		return -1;
	return 0;
}

static int parse_shard(ws_args *a, const char *arg)
{
	const char *slash = strchr(arg, '/');
	char k[32];
	if (!slash || (size_t)(slash - arg) >= sizeof k)
		return -1;
	memcpy(k, arg, (size_t)(slash - arg));
	k[slash - arg] = 0;
	if (number(k, 1, INT_MAX, &a->b.shard_k) ||
	    number(slash + 1, 1, INT_MAX, &a->b.shard_n) ||
	    a->b.shard_k > a->b.shard_n)
		return -1;
	return 0;
}

/* A bad value of one of our options: reported, CLI_OPTION_USAGE. */
static int bad_option(const char *msg)
{
	cli_usage_error("worksheet", "%s", msg);
	return CLI_OPTION_USAGE;
}

/* Our own options (cli_parser.own). */
static int own_option(void *ud, int opt, const char *arg)
{
	ws_args *a = ud;
	switch (opt) {
	case OPT_EDITION:
		a->edition_given = 1;
		if (ws_parse_edition(arg, &a->b.edition) < 0)
			return bad_option("--edition is candidate, "
			                  "interviewer or both");
		return CLI_OPTION_DONE;
	case OPT_MINUTES:
		if (number(arg, 1, 100000, &a->b.pick.minutes))
			return bad_option("--minutes takes a number "
			                  "from 1 to 100000");
		return CLI_OPTION_DONE;
	case OPT_MIX:
		a->mix = arg;
		return CLI_OPTION_DONE;
	case OPT_NAME:
		a->name = arg;
		return CLI_OPTION_DONE;
	case OPT_ID:
		a->id = arg;
		return CLI_OPTION_DONE;
	case OPT_DATE:
		a->date = arg;
		return CLI_OPTION_DONE;
	case OPT_INTERVIEWER:
		a->interviewer = arg;
		return CLI_OPTION_DONE;
	case OPT_POSITION:
		a->position = arg;
		return CLI_OPTION_DONE;
	case OPT_CANDIDATES:
		a->b.csv_path = arg;
		return CLI_OPTION_DONE;
	case OPT_OUT_DIR:
		a->b.out_dir = arg;
		return CLI_OPTION_DONE;
	case OPT_EXCLUDE_FROM:
		a->b.exclude_from = arg;
		return CLI_OPTION_DONE;
	case OPT_SHARD:
		if (parse_shard(a, arg))
			return bad_option("--shard takes K/N with 1 <= K "
			                  "<= N");
		return CLI_OPTION_DONE;
	case OPT_JOBS:
		if (number(arg, 1, 1024, &a->b.jobs))
			return bad_option("--jobs takes a number from 1 "
			                  "to 1024");
		return CLI_OPTION_DONE;
	case OPT_PROGRESS:
	case OPT_NO_PROGRESS:
		a->b.progress = opt == OPT_PROGRESS;
		return CLI_OPTION_DONE;
	case OPT_DELIMITER:
		if (parse_delimiter(a, arg)) {
			cli_usage_error(
			    "worksheet",
			    "--delimiter takes ',', ';' or tab, not "
			    "'%s'",
			    arg);
			return CLI_OPTION_USAGE;
		}
		return CLI_OPTION_DONE;
	case OPT_NO_ANSWERS:
		a->b.no_answers = 1;
		return CLI_OPTION_DONE;
	case OPT_MERGE:
		if (number(arg, 1, INT_MAX, &a->merge))
			return bad_option("--merge-manifests takes the "
			                  "number of shards");
		return CLI_OPTION_DONE;
	default:
		return CLI_OPTION_UNKNOWN;
	}
}

static int check_args(ws_args *a)
{
	if (a->merge)
		return a->b.out_dir ? EXIT_OK
		                    : cli_usage_error("worksheet",
		                                      "--merge-manifests "
		                                      "needs --out-dir DIR");
	if (a->mix && a->b.pick.minutes >= 0)
		return cli_usage_error(
		    "worksheet", "--mix and --minutes cannot be combined");
	if (a->b.csv_path) {
		if (!a->b.out_dir)
			return cli_usage_error(
			    "worksheet", "--candidates needs --out-dir DIR");
		if (a->common.output || a->common.dump_layout)
			return cli_usage_error(
			    "worksheet", "--candidates writes to --out-dir, "
			                 "not -o");
		if (!a->edition_given)
			a->b.edition = WS_BOTH;
		return EXIT_OK;
	}
	if (a->b.delimiter)
		return cli_usage_error(
		    "worksheet", "--delimiter needs --candidates FILE.csv");
	if (a->b.out_dir || a->b.exclude_from || a->b.shard_n > 1)
		return cli_usage_error("worksheet",
		                       "--out-dir, --exclude-from and --shard "
		                       "need --candidates FILE.csv");
	if (!a->common.output && !a->common.dump_layout)
		return cli_usage_error("worksheet",
		                       "say where to write: -o FILE.pdf");
	return EXIT_OK;
}

static int parse(ws_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPTS_CONTENT,
	    CLI_OPTS_SELECTION,
	    CLI_OPTS_RENDER,
	    {"edition", required_argument, NULL, OPT_EDITION},
	    {"minutes", required_argument, NULL, OPT_MINUTES},
	    {"mix", required_argument, NULL, OPT_MIX},
	    {"name", required_argument, NULL, OPT_NAME},
	    {"id", required_argument, NULL, OPT_ID},
	    {"date", required_argument, NULL, OPT_DATE},
	    {"interviewer", required_argument, NULL, OPT_INTERVIEWER},
	    {"position", required_argument, NULL, OPT_POSITION},
	    {"candidates", required_argument, NULL, OPT_CANDIDATES},
	    {"out-dir", required_argument, NULL, OPT_OUT_DIR},
	    {"exclude-from", required_argument, NULL, OPT_EXCLUDE_FROM},
	    {"shard", required_argument, NULL, OPT_SHARD},
	    {"jobs", required_argument, NULL, OPT_JOBS},
	    {"progress", no_argument, NULL, OPT_PROGRESS},
	    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
	    {"merge-manifests", required_argument, NULL, OPT_MERGE},
	    {"delimiter", required_argument, NULL, OPT_DELIMITER},
	    {"no-answers", no_argument, NULL, OPT_NO_ANSWERS},
	    CLI_OPTS_END};
	const cli_parser p = {
	    "worksheet", CLI_SHORTOPTS,    opts, usage, own_option,
	    a,           "unknown option", 0};
	int rc = cli_parse(&p, argc, argv, &a->common);
	return rc == EXIT_OK ? check_args(a) : rc;
}

/* "out.pdf" + "candidate" -> "out-candidate.pdf". */
static char *edition_path(const char *path, const char *ed)
{
	size_t n = strlen(path);
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		dot = path + n;
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%.*s-%s%s", (int)(dot - path), path, ed, dot);
	return buf_detach(&b);
}

static int write_edition(sp_typeset *r, const sp_corpus *c, ws_args *a,
                         const size_t *qs, size_t n, const ws_info *info,
                         ws_edition ed)
{
	const char *name = ed == WS_CANDIDATE ? "candidate" : "interviewer";
	int split = a->b.edition == WS_BOTH;
	char *out = NULL, *dump = NULL;
	if (a->common.output)
		out = split ? edition_path(a->common.output, name)
		            : xstrdup(a->common.output);
	if (a->common.dump_layout)
		dump = split && strcmp(a->common.dump_layout, "-")
		           ? edition_path(a->common.dump_layout, name)
		           : xstrdup(a->common.dump_layout);
	int rc = EXIT_INVALID;
	sp_document *doc = ws_build(r, c, qs, n, info, ed);
	if (doc)
		rc = cli_exit_code(typeset_write(r, doc, out, dump));
	if (rc == EXIT_OK) {
		cli_report_dump(&a->common, dump);
		cli_report_pdf(&a->common, out, doc, NULL);
	}
	doc_free(doc);
	free(out);
	free(dump);
	return rc;
}

static const char *shown_role(const ws_args *a, const sp_corpus *c)
{
	if (a->position)
		return a->position;
	if (a->common.sel.roles.n != 1)
		return NULL;
	long i = corpus_find_role(c, a->common.sel.roles.v[0]);
	return i >= 0 ? c->roles[i].name : NULL;
}

static int single(sp_typeset *r, const sp_corpus *c, ws_args *a,
                  const size_t *pool, size_t npool)
{
	const char *key = a->id ? a->id : a->name;
	uint64_t seed = ws_candidate_seed(a->b.base_seed, key);
	size_t *qs = NULL, n = 0;
	if (ws_pick(c, pool, npool, &a->b.pick, seed, sp_loc_make(NULL, 0, 0),
	            NULL, &qs, &n, r->d) < 0)
		return EXIT_INVALID;
	char variant[10];
	ws_variant_code(c, seed, qs, n, variant);
	ws_info info = {a->name,        shown_role(a, c), a->date,
	                a->interviewer, variant,          a->b.no_answers};
	unsigned warnings = r->d->warnings;
	int rc = EXIT_OK;
	if (a->b.edition & WS_CANDIDATE)
		rc = write_edition(r, c, a, qs, n, &info, WS_CANDIDATE);
	if (rc == EXIT_OK && (a->b.edition & WS_INTERVIEWER))
		rc = write_edition(r, c, a, qs, n, &info, WS_INTERVIEWER);
	if (rc == EXIT_OK && a->common.strict && r->d->warnings > warnings)
		rc = EXIT_INVALID;
	free(qs);
	return rc;
}

static int run(ws_args *a, sp_diag *d)
{
	int rc = EXIT_OK;
	sp_corpus *c = cli_load_corpus(&a->common, d, &rc);
	if (!c)
		return rc;
	sp_template *t = cli_load_template(&a->common, d, &rc);
	if (!t) {
		corpus_free(c);
		return rc;
	}
	a->b.pick.default_minutes = t->worksheet_minutes;
	a->b.pick.count = a->common.sel.count;
	a->b.base_seed = a->common.sel.has_seed ? a->common.sel.seed : 0;
	/* the pool: the selection without --count and --seed, which the
	 * per-candidate picking applies */
	cli_common sel = a->common;
	sel.sel.count = -1;
	sel.sel.has_seed = 0;
	size_t *pool = NULL, npool = 0;
	sp_typeset r;
	int mix = a->mix ? ws_parse_mix(c, a->mix, &a->b.pick.mix, d) : 0;
	if (mix < 0)
		rc = mix == WS_MIX_UNKNOWN ? EXIT_INVALID : EXIT_USAGE;
	else
		rc = cli_select(&sel, c, d, &pool, &npool);
	if (rc == EXIT_OK && typeset_open(&r, t, d) != 0)
		rc = EXIT_INVALID;
	else if (rc == EXIT_OK) {
		typeset_set_inputs(&r, c);
		/* the glyph set a batch pins (ws_batch_run): one candidate
		 * rebuilt with --name/--id is its batch file, byte for byte */
		pdf_fonts_pin_common(r.pdf_fonts);
		rc = a->b.csv_path ? cli_exit_code(ws_batch_run(
		                         &r, c, pool, npool, &a->b, d))
		                   : single(&r, c, a, pool, npool);
		typeset_close(&r);
	}
	free(pool);
	template_free(t);
	corpus_free(c);
	return rc;
}

int cmd_worksheet(int argc, char **argv)
{
	ws_args a;
	memset(&a, 0, sizeof a);
	cli_common_init(&a.common);
	ws_pick_opts_init(&a.b.pick);
	a.b.edition = WS_CANDIDATE;
	a.b.shard_k = a.b.shard_n = 1;
	a.b.progress = -1;
	int rc = parse(&a, argc, argv);
	a.b.quiet = a.common.quiet;
	if (rc == EXIT_OK) {
		sp_diag d;
		diag_init(&d, stderr);
		rc = a.merge ? cli_exit_code(
		                   ws_manifest_merge(a.b.out_dir, a.merge, &d))
		             : run(&a, &d);
	}
	ws_pick_opts_free(&a.b.pick);
	cli_common_free(&a.common);
	return rc < 0 ? EXIT_OK : rc;
}
