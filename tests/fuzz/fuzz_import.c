/* fuzz_import.c - libFuzzer target: studypress import on arbitrary bytes,
 * every format. An input that starts with "%%XY" chooses the options:
 * X's bits 0-2 the format (0 = detect), bit 3 --sections-as topics, bit
 * 4 --separator ';', bit 5 a --role, bit 6 a --category; Y the file name
 * (its extension steers detection); the rest is the file. Checks that an
 * import always ends, and that what it writes loads as a corpus without
 * errors (the loader is the oracle: it is what `check` runs). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "import/import.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"fuzz.txt", "fuzz.md", "fuzz.csv",
                                    "fuzz.tsv", "fuzz",    "-"};

static void options(import_opts *o, unsigned x)
{
	static const char *const roles[] = {"fuzz-role"};
	import_opts_init(o);
	o->from = (import_format)(x & 7) <= IMPORT_CSV ? (import_format)(x & 7)
	                                               : IMPORT_AUTO;
	o->sections_as_topics = (x >> 3) & 1;
	if ((x >> 4) & 1)
		o->separator = ";";
	if ((x >> 5) & 1) {
		o->roles = roles;
		o->nroles = 1;
	}
	if ((x >> 6) & 1)
		o->category = "fuzz-category";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned x = 0, y = 0;
	if (size >= 4 && !memcmp(data, "%%", 2)) {
		x = data[2];
		y = data[3];
		data += 4;
		size -= 4;
		if (size && data[0] == '\n') {
			data++;
			size--;
		}
	}
	import_opts o;
	options(&o, x);
	sp_diag d;
	diag_init(&d, NULL);
	sp_buf yaml = SP_BUF_INIT;
	import_result res;
	int rc = import_bytes(names[y % 6], (const char *)data, size, &o, &d,
	                      &yaml, &res);
	if (res.internal)
		abort(); /* import wrote YAML the loader refuses */
	if (rc == IMPORT_OK) {
		sp_diag d2;
		diag_init(&d2, NULL);
		sp_corpus *c =
		    corpus_load_bytes("out.yaml", yaml.data, yaml.len, &d2);
		if (!c || !yaml.len)
			abort();
		corpus_free(c);
	}
	buf_free(&yaml);
	return 0;
}
