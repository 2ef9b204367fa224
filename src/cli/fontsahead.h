/* fontsahead.h - the template (--template, or the default) and its fonts
 * opened on a helper thread while the corpus loads (here, when no thread
 * can start): fontconfig, the font files and the shaper take as long as
 * loading a few hundred questions.
 *
 * What opening them reports is held back until cli_fonts_take, which the
 * command calls where it used to open them (after the corpus has
 * loaded), so that the messages and their order are what they were. */
#ifndef SP_CLI_FONTSAHEAD_H
#define SP_CLI_FONTSAHEAD_H

#include "cli/common.h"
#include "products/template.h"
#include "products/typeset.h"

typedef struct cli_fonts cli_fonts;

/* Starts opening; c is read by the thread until cli_fonts_take or
 * cli_fonts_cancel. Never NULL. */
cli_fonts *cli_fonts_start(const cli_common *c);
/* Waits, reports through d what opening reported, and frees f. Returns
 * EXIT_OK with *t (owned: template_free) and *r (typeset_close) open and
 * reporting through d, or the exit code of a template or font that
 * cannot be used (*t NULL). */
int cli_fonts_take(cli_fonts *f, sp_diag *d, sp_template **t, sp_typeset *r);
/* Waits and frees f, reporting nothing: for a corpus that did not
 * load. */
void cli_fonts_cancel(cli_fonts *f);

#endif
