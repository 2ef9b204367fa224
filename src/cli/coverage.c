/* coverage.c - see coverage.h. */
#include "cli/coverage.h"

#include <stdlib.h>

#include "products/handbook.h"
#include "products/worksheet.h"
#include "util/mem.h"

#define COVERAGE_SLICE 100 /* questions laid out at a time */

int cli_font_coverage(const cli_common *c, const sp_corpus *corpus, sp_diag *d)
{
	int rc = EXIT_OK;
	sp_template *t = cli_load_template(c, d, &rc);
	if (!t)
		return rc;
	sp_typeset r;
	if (typeset_open(&r, t, d) != 0) {
		template_free(t);
		return EXIT_INVALID;
	}
	typeset_set_inputs(&r, corpus);
	size_t n = corpus->nquestions;
	size_t *all = xcalloc(n ? n : 1, sizeof *all);
	for (size_t i = 0; i < n; i++)
		all[i] = i;
	/* in slices, so that a large corpus stays within the products' page
	 * limits (every question is in its slice's contents and index) */
	for (size_t i = 0; i < n; i += COVERAGE_SLICE) {
		size_t k = n - i < COVERAGE_SLICE ? n - i : COVERAGE_SLICE;
		handbook_opts o = {-1, 0, 0, 0, 0};
		doc_free(handbook_build(&r, corpus, all + i, k, &o));
		/* the worksheet prints the rubric, which the handbook does
		 * not */
		ws_info info = {NULL, NULL, NULL, NULL, NULL, 0};
		doc_free(
		    ws_build(&r, corpus, all + i, k, &info, WS_INTERVIEWER));
	}
	free(all);
	typeset_close(&r);
	template_free(t);
	return rc;
}
