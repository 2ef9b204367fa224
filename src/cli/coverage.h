/* coverage.h - check's font coverage pass: the corpus laid out as the
 * products lay it out, so that a character no font of the template can
 * draw is reported by `check` with the warning and location rendering
 * gives. */
#ifndef SP_CLI_COVERAGE_H
#define SP_CLI_COVERAGE_H

#include "cli/fontsahead.h"

/* Takes the template and fonts f opens (cli_fonts_take, reporting what
 * opening them reported), then lays out, without writing anything, the
 * handbook and the interviewer worksheet of every question of corpus
 * (between them they print every field), reporting through d. Returns
 * EXIT_OK (warnings are counted in d), or the exit code of a template or
 * font that cannot be used. */
int cli_font_coverage(cli_fonts *f, const sp_corpus *corpus, sp_diag *d);

#endif
