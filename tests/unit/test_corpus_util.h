/* test_corpus_util.h - tiny test harness shared by the corpus tests. */
#ifndef TEST_CORPUS_UTIL_H
#define TEST_CORPUS_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"

#include "check.h"

/* Load YAML text; the messages land in *msgs (malloc'd). */
static sp_corpus *load_text(const char *name, const char *yaml, size_t len,
                            char **msgs, sp_diag *d)
{
	size_t size;
	FILE *f = open_memstream(msgs, &size);
	diag_init(d, f);
	sp_corpus *c = corpus_load_bytes(name, yaml, len, d);
	fclose(f);
	return c;
}

#endif
