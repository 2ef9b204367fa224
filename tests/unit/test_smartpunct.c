/* test_smartpunct.c - typographic punctuation for plain and rich text. */
#include <stdlib.h>

#include "check.h"
#include "corpus/smartpunct.h"

static void same(const char *in, const char *want)
{
	char *got = smartpunct_string(in);
	CHECK_STR(got, want);
	free(got);
}

static void test_quotes(void)
{
	same("\"negative\"", "“negative”");
	same("say \"yes\", then 'no'.", "say “yes”, then ‘no’.");
	same("\"She said 'no'.\"", "“She said ‘no’.”");
	same("(\"quoted\")", "(“quoted”)");
	same("\"Hello,\" she said", "“Hello,” she said");
	same("a \" b", "a \" b"); /* alone: as typed */
	same("x = 'a' ' b", "x = ‘a’ ' b");
	same("\"...\"", "“…”");
	same("-\"dash\"", "-“dash”");
}

static void test_apostrophes(void)
{
	same("I'd rather", "I’d rather");
	same("rock'n'roll", "rock’n’roll");
	same("rock 'n' roll", "rock ’n’ roll");
	same("the '90s and '04", "the ’90s and ’04");
	same("the 1990's", "the 1990’s");
	same("students' work", "students’ work");
	same("'tis 'twas", "’tis ’twas");
	same("'tisane'", "‘tisane’");
	same("don't", "don’t");
	same("l'été", "l’été");
}

static void test_primes(void)
{
	same("5'11\" tall", "5′11″ tall");
	same("a 12\" pizza", "a 12″ pizza");
	same("\"version 2\"", "“version 2”");
	same("'top 10'", "‘top 10’");
	same("'99 bottles", "’99 bottles");
}

static void test_dashes_and_dots(void)
{
	same("pages 10--20", "pages 10–20");
	same("yes---no", "yes—no");
	same("a -- b", "a – b");
	same("----", "––");
	same("-----", "—–");
	same("use --force or -v", "use --force or -v");
	same("x <-- y --> z", "x <-- y --> z");
	same("x - y", "x - y");
	same("wait...", "wait…");
	same("a....b", "a....b");
	same("a..b", "a..b");
}

static void test_code_kept(void)
{
	same("run `git rebase --onto` it's", "run `git rebase --onto` it’s");
	same("`'x'` and \"y\"", "`'x'` and “y”");
	same("a ` lone 'tick'", "a ` lone ‘tick’");
	same("``a ` b--`` c--d", "``a ` b--`` c–d");
}

static void test_runs(void)
{
	/* "*emph*" as three runs, and a quote around a code span */
	smartpunct s;
	sp_buf b = SP_BUF_INIT;
	smartpunct_init(&s);
	smartpunct_run(&s, "say \"", 5, SMARTPUNCT_UNKNOWN, &b);
	smartpunct_run(&s, "this", 4, SMARTPUNCT_UNKNOWN, &b);
	smartpunct_run(&s, "\" and '", 7, SMARTPUNCT_UNKNOWN, &b);
	smartpunct_verbatim(&s, "x--y", 4);
	smartpunct_run(&s, "' now", 5, 0, &b);
	CHECK_STR(b.data, "say “this” and ‘’ now");
	buf_free(&b);
	/* the state after code ending in a multi-byte letter */
	smartpunct_init(&s);
	smartpunct_verbatim(&s, "caf\xc3\xa9", 5);
	CHECK(s.prev == 0xE9);
	smartpunct_run(&s, "'s", 2, 0, &b);
	CHECK_STR(b.data, "’s");
	buf_free(&b);
	smartpunct_verbatim(&s, "(x)", 3);
	CHECK(s.prev == ')');
	smartpunct_verbatim(&s, "", 0);
	CHECK(s.prev == ')');
	CHECK(smartpunct_needed("a--b", 4) && smartpunct_needed("'", 1));
	CHECK(smartpunct_needed("x...", 4));
	CHECK(!smartpunct_needed("a-b. c", 6));
	same("", "");
	same("plain text", "plain text");
}

int main(void)
{
	test_quotes();
	test_apostrophes();
	test_primes();
	test_dashes_and_dots();
	test_code_kept();
	test_runs();
	return failures != 0;
}
