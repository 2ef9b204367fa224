/* fuzz_corpus.c - libFuzzer target: the whole loader (YAML tree, limits,
 * validation, rich text, references) on arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "corpus/corpus.h"
#include "corpus/select.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sp_diag d;
	diag_init(&d, NULL);
	sp_corpus *c =
	    corpus_load_bytes("fuzz.yaml", (const char *)data, size, &d);
	if (c) {
		for (size_t i = 0; i < c->nquestions; i++) {
			char *p = rich_text_plain(&c->questions[i].answer);
			free(p);
		}
		sp_selection_opts o;
		selection_opts_init(&o);
		o.has_seed = 1;
		o.seed = size;
		size_t *v, n;
		if (corpus_select(c, &o, &v, &n, &d) == 0)
			free(v);
	}
	corpus_free(c);
	return 0;
}
