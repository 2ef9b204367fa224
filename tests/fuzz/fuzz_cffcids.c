/* fuzz_cffcids.c - libFuzzer target: the CFF charset reader
 * (src/pdf/cffcids.c) on arbitrary bytes. It must end, stay inside the
 * input, and report either a refusal (-1) or a glyph count of at least 1
 * and at most the room given, with glyph 0 as CID 0. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "pdf/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint16_t cids[4096];
	long n = pdf_cff_cids(data, size, cids, sizeof cids / sizeof *cids);
	if (n == -1)
		return 0;
	if (n < 1 || n > (long)(sizeof cids / sizeof *cids) || cids[0] != 0)
		abort();
	return 0;
}
