/* test_linebreak_fuzz.c - runs the fuzz_linebreak target (its invariants:
 * never overfull, no character lost) over the checked-in seeds and many
 * seeded random inputs, so ctest covers it without libFuzzer. */
#include <dirent.h>

#include "../fuzz/fuzz_linebreak.c"

static unsigned long fz_rng = 99;

static unsigned fz_rand(void)
{
	fz_rng = fz_rng * 6364136223846793005ul + 1442695040888963407ul;
	return (unsigned)(fz_rng >> 33);
}

static int run_seeds(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		sp_buf path = SP_BUF_INIT, b = SP_BUF_INIT;
		buf_printf(&path, "%s/%s", dir, e->d_name);
		if (buf_read_file(&b, path.data, 1 << 20) == 0) {
			LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
			n++;
		}
		buf_free(&path);
		buf_free(&b);
	}
	closedir(d);
	return n;
}

int main(void)
{
	static const char *atoms[] = {"a",
	                              "typesetting ",
	                              " ",
	                              "  ",
	                              "-",
	                              "\xe2\x80\x94",
	                              "/",
	                              "\t",
	                              "\n",
	                              "\xc2\xad",
	                              "\xc2\xa0",
	                              "\xe2\x80\x8b",
	                              "\xe2\x80\x8d",
	                              "\xcc\x81",
	                              "\xe4\xb8\xad",
	                              "\xe3\x80\x82",
	                              "\xf0\x9f\x98\x80",
	                              "q",
	                              "\xc3\xa9",
	                              "WWWWWWWWWWWWWWWWWWWW",
	                              "\xff",
	                              "\xe2\x80\xa8",
	                              "5",
	                              "hyphenation",
	                              "\xef\xb8\x8f",
	                              "\r\n",
	                              "\x01"};
	const char *src = getenv("SP_SOURCE_DIR");
	sp_buf dir = SP_BUF_INIT;
	buf_printf(&dir, "%s/tests/fuzz/seeds/fuzz_linebreak", src ? src : ".");
	int seeds = run_seeds(dir.data);
	buf_free(&dir);
	sp_buf in = SP_BUF_INIT;
	int runs = getenv("FUZZ_RUNS") ? atoi(getenv("FUZZ_RUNS")) : 6000;
	for (int i = 0; i < runs; i++) {
		buf_clear(&in);
		buf_putc(&in, (char)fz_rand());
		buf_putc(&in, (char)fz_rand());
		buf_putc(&in, (char)fz_rand());
		int k = (int)(fz_rand() % 40);
		for (int j = 0; j < k; j++) {
			if (fz_rand() % 8 == 0)
				buf_putc(&in, (char)fz_rand());
			else
				buf_puts(&in,
				         atoms[fz_rand() %
				               (sizeof atoms / sizeof *atoms)]);
		}
		LLVMFuzzerTestOneInput((const uint8_t *)in.data, in.len);
	}
	buf_free(&in);
	printf("fuzz_linebreak: %d seeds and %d random inputs pass\n", seeds,
	       runs);
	return seeds > 0 ? 0 : 1;
}
