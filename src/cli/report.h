/* report.h - saying what a command wrote: one line a file on stderr,
 * "wrote handbook.pdf: 48 pages, 230 kB", unless -q/--quiet. */
#ifndef SP_CLI_REPORT_H
#define SP_CLI_REPORT_H

#include "cli/cli.h"
#include "layout/page.h"

/* Report the PDF at path (just written from doc: its page count, and
 * its size on disk). note, when not NULL, is added after the pages
 * ("booklet on landscape A3 sheets"). Nothing for a NULL path, "-", or
 * with c->quiet. */
void cli_report_pdf(const cli_common *c, const char *path,
                    const sp_document *doc, const char *note);
/* Report the layout dump written to path (not "-"). */
void cli_report_dump(const cli_common *c, const char *path);
/* The name of a sheet of w x h points ("landscape A3", "portrait
 * Letter"), or NULL when it is none of the usual ones. */
const char *cli_sheet_name(double w, double h);

#endif
