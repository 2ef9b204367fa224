/* report.c - see report.h. */
#include "cli/report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "util/diag.h"

/* "230 kB", "1.4 MB", "812 bytes" into out. */
static void format_size(char *out, size_t n, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(out, n, "size unknown");
		return;
	}
	long long bytes = (long long)st.st_size;
	if (bytes < 1000)
		snprintf(out, n, "%lld bytes", bytes);
	else if (bytes < 1000000)
		snprintf(out, n, "%lld kB", (bytes + 500) / 1000);
	else
		snprintf(out, n, "%.1f MB", (double)bytes / 1e6);
}

void cli_report_pdf(const cli_common *c, const char *path,
                    const sp_document *doc, const char *note)
{
	if (c->quiet || !path || !strcmp(path, "-"))
		return;
	char size[32];
	format_size(size, sizeof size, path);
	size_t pages = doc ? doc->npages : 0;
	diag_printf(stderr, "wrote %s: %zu page%s%s%s, %s\n", path, pages,
	            pages == 1 ? "" : "s", note ? ", " : "", note ? note : "",
	            size);
}

void cli_report_dump(const cli_common *c, const char *path)
{
	if (c->quiet || !path || !strcmp(path, "-"))
		return;
	char size[32];
	format_size(size, sizeof size, path);
	diag_printf(stderr, "wrote %s: the layout dump, %s\n", path, size);
}

const char *cli_sheet_name(double w, double h)
{
	static const struct {
		const char *name;
		double w, h; /* portrait, points */
	} sheets[] = {
	    {"A3", 841.89, 1190.55},   {"A4", 595.28, 841.89},
	    {"A5", 419.53, 595.28},    {"A6", 297.64, 419.53},
	    {"Letter", 612, 792},      {"Tabloid", 792, 1224},
	    {"half-Letter", 396, 612}, {"Legal", 612, 1008},
	};
	static const char *const landscape[] = {
	    "landscape A3",          "landscape A4",     "landscape A5",
	    "landscape A6",          "landscape Letter", "landscape Tabloid",
	    "landscape half-Letter", "landscape Legal"};
	static const char *const portrait[] = {
	    "portrait A3",          "portrait A4",     "portrait A5",
	    "portrait A6",          "portrait Letter", "portrait Tabloid",
	    "portrait half-Letter", "portrait Legal"};
	for (size_t i = 0; i < sizeof sheets / sizeof *sheets; i++) {
		if (fabs(w - sheets[i].w) < 1 && fabs(h - sheets[i].h) < 1)
			return portrait[i];
		if (fabs(w - sheets[i].h) < 1 && fabs(h - sheets[i].w) < 1)
			return landscape[i];
	}
	return NULL;
}
