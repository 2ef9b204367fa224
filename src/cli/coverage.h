/* coverage.h - check's font coverage pass: the corpus laid out as the
 * products lay it out, so that a character no font of the template can
 * draw is reported by `check` with the warning and location rendering
 * gives. */
#ifndef SP_CLI_COVERAGE_H
#define SP_CLI_COVERAGE_H

#include "cli/common.h"

/* The template (--template, or the default) and its fonts, opened on a
 * helper thread while the corpus loads (here, when no thread can
 * start). What opening them reports is held back until
 * cli_font_coverage, so that it comes after the corpus's messages, as
 * when they are opened in turn. Never NULL. */
typedef struct cli_coverage cli_coverage;
cli_coverage *cli_coverage_start(const cli_common *c);
/* Frees cv (its thread waited for), reporting nothing: for a corpus
 * that did not load. */
void cli_coverage_cancel(cli_coverage *cv);

/* Reports what opening cv's template and fonts reported, then lays out,
 * without writing anything, the handbook and the interviewer worksheet
 * of every question of corpus (between them they print every field),
 * reporting through d; frees cv. Returns EXIT_OK (warnings are counted
 * in d), or the exit code of a template or font that cannot be used. */
int cli_font_coverage(cli_coverage *cv, const sp_corpus *corpus, sp_diag *d);

#endif
