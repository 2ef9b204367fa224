/* cmd_cards.c - `studypress cards`: flashcard sheets as a PDF. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/common.h"
#include "cli/leakcheck.h"
#include "cli/report.h"
#include "products/cards.h"

enum {
	OPT_LAYOUT = CLI_OPT_FIRST_FREE,
	OPT_DUPLEX,
	OPT_BACKS_ONLY,
	OPT_BACK_OFFSET,
	OPT_CALIBRATION,
	OPT_GRID,
	OPT_STRICT_FIT
};

typedef struct cards_args {
	cli_common common;
	cards_opts o;
	const char *layout;
} cards_args;

static void usage(FILE *f)
{
	fputs("usage: studypress cards -o FILE.pdf [options]\n"
	      "\nFlashcards: the question on the front, the key points on the "
	      "back, several\ncards per sheet with crop marks, the backs "
	      "placed behind their fronts.\n\n"
	      "Options:\n"
	      "  -o, --output FILE     write the PDF here\n",
	      f);
	fprintf(f, "      --layout PRESET   %s,\n", cards_preset_names());
	fputs("                        or custom (the template's cards: "
	      "card: geometry)\n"
	      "      --duplex MODE     long-edge (default), short-edge, none "
	      "(fronts only),\n"
	      "                        fold (front and back side by side, "
	      "single-sided)\n"
	      "      --backs-only      only the back pages (print them on the "
	      "back of the fronts)\n"
	      "      --back-offset X,Y shift every back page by X,Y mm "
	      "(read them from --calibration)\n"
	      "      --calibration     print the two-page duplex calibration "
	      "sheet instead\n"
	      "      --grid            a thin dashed grid instead of crop "
	      "marks\n"
	      "      --strict-fit      a card that needs a continuation card "
	      "is an error\n"
	      "      --template NAME   a template from templates/, or a path\n",
	      f);
	char papers[80];
	template_paper_help(papers, sizeof papers, 2);
	fprintf(f,
	        "      --paper SIZE      %s (overrides the layout's sheet; "
	        "the\n",
	        papers);
	fputs("                        cards are centred on it)\n"
	      "      --dump-layout FILE  write the page model and the card "
	      "boxes as text\n"
	      "  -q, --quiet           do not say what was written (the "
	      "cards: summary and\n"
	      "                        \"wrote FILE: N pages, K kB\")\n"
	      "      --pdfa            PDF/A-2a as well as PDF/UA (an sRGB "
	      "output "
	      "intent;\n"
	      "                        for archives and HR systems)\n",
	      f);
	cli_help_content(f);
	cli_help_selection(f);
}

static int parse_offset(const char *s, double *x, double *y)
{
	char *end;
	double a = strtod(s, &end);
	if (end == s || *end != ',')
		return -1;
	const char *p = end + 1;
	double b = strtod(p, &end);
	if (end == p || *end || !isfinite(a) || !isfinite(b) || fabs(a) > 50 ||
	    fabs(b) > 50)
		return -1;
	*x = MM_PT(a);
	*y = MM_PT(b);
	return 0;
}

/* A bad value of one of our options: reported, CLI_OPTION_USAGE. */
static int bad_value(const char *what, const char *arg)
{
	cli_usage_error("cards", "%s, not '%s'", what, arg);
	return CLI_OPTION_USAGE;
}

/* Our own options (cli_parser.own). */
static int card_option(void *ud, int opt, const char *arg)
{
	cards_args *a = ud;
	switch (opt) {
	case OPT_LAYOUT:
		a->layout = arg;
		break;
	case OPT_DUPLEX:
		if (cards_duplex_parse(arg, &a->o.duplex))
			return bad_value(
			    "--duplex takes long-edge, short-edge, "
			    "none or fold",
			    arg);
		break;
	case OPT_BACKS_ONLY:
		a->o.backs_only = 1;
		break;
	case OPT_BACK_OFFSET:
		if (parse_offset(arg, &a->o.offset_x, &a->o.offset_y))
			return bad_value("--back-offset takes X,Y in "
			                 "millimetres (at most 50)",
			                 arg);
		break;
	case OPT_CALIBRATION:
		a->o.calibration = 1;
		break;
	case OPT_GRID:
		a->o.grid = 1;
		break;
	case OPT_STRICT_FIT:
		a->o.strict_fit = 1;
		break;
	default:
		return CLI_OPTION_UNKNOWN;
	}
	return CLI_OPTION_DONE;
}

static int check_args(cards_args *a)
{
	if (!a->common.output && !a->common.dump_layout)
		return cli_usage_error("cards",
		                       "say where to write: -o FILE.pdf");
	if (a->o.backs_only && a->o.duplex == CARDS_FOLD)
		return cli_usage_error("cards", "--backs-only cannot be used "
		                                "with --duplex fold");
	if (a->o.calibration &&
	    (a->o.duplex == CARDS_FOLD || a->o.duplex == CARDS_NONE))
		return cli_usage_error("cards", "--calibration needs --duplex "
		                                "long-edge or short-edge");
	return EXIT_OK;
}

static int parse(cards_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
	    CLI_OPTS_CONTENT,
	    CLI_OPTS_SELECTION,
	    CLI_OPTS_RENDER,
	    {"layout", required_argument, NULL, OPT_LAYOUT},
	    {"duplex", required_argument, NULL, OPT_DUPLEX},
	    {"backs-only", no_argument, NULL, OPT_BACKS_ONLY},
	    {"back-offset", required_argument, NULL, OPT_BACK_OFFSET},
	    {"calibration", no_argument, NULL, OPT_CALIBRATION},
	    {"grid", no_argument, NULL, OPT_GRID},
	    {"strict-fit", no_argument, NULL, OPT_STRICT_FIT},
	    CLI_OPTS_END};
	const cli_parser p = {
	    "cards", CLI_SHORTOPTS,    opts, usage, card_option,
	    a,       "unknown option", 0};
	int rc = cli_parse(&p, argc, argv, &a->common);
	return rc == EXIT_OK ? check_args(a) : rc;
}

/* The preset's sheet is the template's paper (either way round). */
static int same_sheet(const sp_card_spec *s, const sp_template *t)
{
	double w = t->page_w, h = t->page_h;
	return (fabs(s->sheet_w - w) < 1 && fabs(s->sheet_h - h) < 1) ||
	       (fabs(s->sheet_w - h) < 1 && fabs(s->sheet_h - w) < 1);
}

/* The sheet geometry: --layout, else the template's card geometry, else
 * its preset (on the template's paper), else a4-8; --paper re-centres
 * the cards on that paper. */
static int geometry(const cards_args *a, const sp_template *t, sp_card_spec *s,
                    sp_diag *d)
{
	const char *name = a->layout;
	if (!name)
		name = t->card.card_w > 0 ? "custom"
		       : t->card_layout   ? t->card_layout
		                          : "a4-8";
	const char *why = "";
	/* a layout the template names is reported where it names it */
	sp_loc at = a->layout ? sp_loc_make(NULL, 0, 0) : t->card_loc;
	if (!strcmp(name, "custom")) {
		if (!(t->card.card_w > 0)) {
			diag_error(d, sp_loc_make(NULL, 0, 0),
			           "--layout custom: the template has no "
			           "'cards: card:' geometry");
			return -1;
		}
		*s = t->card;
		s->sheet_w = t->page_w;
		s->sheet_h = t->page_h;
	} else if (cards_preset(name, s)) {
		diag_error(d, at,
		           "unknown card layout '%s' (known: %s, custom)", name,
		           cards_preset_names());
		return -1;
	} else if (t->paper_override || (!a->layout && !same_sheet(s, t))) {
		/* --paper, or a template whose preset is for another paper
		 * (sans: letter-3x5 on A4): the template's paper, centred */
		s->sheet_w = t->page_w;
		s->sheet_h = t->page_h;
		s->margin_x = s->margin_y = -1;
	}
	if (cards_geom_resolve(s, &why)) {
		diag_error(d, at, "card layout '%s': %s", name, why);
		return -1;
	}
	return 0;
}

static void dump_faces(FILE *f, void *deck)
{
	cards_dump_faces(deck, f);
}

static int write_out(sp_typeset *r, cards_deck *deck, const cli_common *c)
{
	int rc = cli_exit_code(typeset_write_ex(
	    r, deck->doc, c->output, c->dump_layout, dump_faces, deck));
	if (rc == EXIT_OK) {
		cli_report_dump(c, c->dump_layout);
		cli_report_pdf(c, c->output, deck->doc, NULL);
	}
	return rc;
}

static int run(sp_typeset *r, const sp_corpus *corpus, cards_args *a,
               const sp_card_spec *s)
{
	cards_deck *deck = NULL;
	if (a->o.calibration) {
		deck = cards_calibration(r, s, &a->o);
	} else {
		size_t *sel = NULL, n = 0;
		int rc = cli_select(&a->common, corpus, r->d, &sel, &n);
		if (rc != EXIT_OK)
			return rc;
		deck = cards_build(r, corpus, sel, n, s, &a->o);
		free(sel);
		if (!deck)
			return EXIT_INVALID;
		if (!a->common.quiet)
			cards_summary(deck, r->tpl, s, &a->o, stderr);
	}
	int rc = EXIT_OK;
	if (a->common.strict && r->d->warnings)
		diag_error(r->d, sp_loc_make(NULL, 0, 0),
		           "warnings with --strict: nothing written");
	if (r->d->errors)
		rc = EXIT_INVALID;
	else
		rc = write_out(r, deck, &a->common);
	cards_deck_free(deck);
	return rc;
}

static int with_template(cards_args *a, sp_corpus *corpus, sp_diag *d)
{
	int trc = EXIT_INVALID;
	sp_template *t = cli_load_template(&a->common, d, &trc);
	if (!t)
		return trc;
	sp_card_spec s;
	int rc = EXIT_INVALID;
	sp_typeset r;
	if (geometry(a, t, &s, d) == 0 && typeset_open(&r, t, d) == 0) {
		if (corpus)
			typeset_set_inputs(&r, corpus);
		a->o.layout_name = a->layout            ? a->layout
		                   : t->card.card_w > 0 ? "custom"
		                   : t->card_layout     ? t->card_layout
		                                        : "a4-8";
		rc = run(&r, corpus, a, &s);
		typeset_close(&r);
	}
	template_free(t);
	return rc;
}

int cmd_cards(int argc, char **argv)
{
	cards_args a;
	memset(&a, 0, sizeof a);
	cli_common_init(&a.common);
	int rc = parse(&a, argc, argv);
	if (rc != EXIT_OK) {
		cli_common_free(&a.common);
		return rc < 0 ? EXIT_OK : rc;
	}
	sp_diag d;
	diag_init(&d, stderr);
	sp_corpus *corpus = NULL;
	if (!a.o.calibration)
		corpus = cli_load_corpus(&a.common, &d, &rc);
	if (corpus || a.o.calibration)
		rc = with_template(&a, corpus, &d);
	if (cli_free_at_exit())
		corpus_free(corpus);
	cli_common_free(&a.common);
	return rc;
}
