/* test_gtext.c - the text of each glyph for ToUnicode (src/pdf/gtext.c):
 * the first plain text is kept and a different one counts as a conflict;
 * a weak text (a glyph drawn inside a cluster) is kept until a plain one
 * replaces it, never counts as a conflict, and never replaces a text. */
#include <stdlib.h>
#include <string.h>

#include "pdf/gtext.h"

#include "check.h"

/* gid's text as a C string (static buffer), "" when none. */
static const char *text_of(const pdf_gtext *g, unsigned gid)
{
	static char s[GTEXT_MAX + 1];
	size_t len;
	const char *t = gtext_get(g, gid, &len);
	memcpy(s, t ? t : "", len);
	s[len] = 0;
	return s;
}

static void test_plain(void)
{
	pdf_gtext *g = gtext_new(10);
	gtext_note(g, 3, "fi", 2);
	gtext_note(g, 3, "fi", 2);
	CHECK(g->conflicts == 0);
	gtext_note(g, 3, "f", 1);
	CHECK(g->conflicts == 1);
	CHECK_STR(text_of(g, 3), "fi");
	gtext_note(g, 4, "", 0);   /* nothing to note */
	gtext_note(g, 10, "x", 1); /* out of range */
	CHECK_STR(text_of(g, 4), "");
	CHECK(g->weak == NULL);
	gtext_free(g);
}

static void test_weak(void)
{
	pdf_gtext *g = gtext_new(10);
	gtext_note_weak(g, 5, "\xE0\xA4\xBF", 3); /* U+093F */
	CHECK_STR(text_of(g, 5), "\xE0\xA4\xBF");
	gtext_note_weak(g, 5, "a", 1); /* a second guess is ignored */
	CHECK_STR(text_of(g, 5), "\xE0\xA4\xBF");
	gtext_note(g, 5, "b", 1); /* a plain note wins */
	CHECK_STR(text_of(g, 5), "b");
	CHECK(g->conflicts == 0);
	gtext_note(g, 5, "c", 1); /* and is then kept as any plain one */
	CHECK(g->conflicts == 1);
	CHECK_STR(text_of(g, 5), "b");
	gtext_note(g, 6, "d", 1);
	gtext_note_weak(g, 6, "e", 1); /* never replaces a plain text */
	CHECK_STR(text_of(g, 6), "d");
	CHECK(g->conflicts == 1);
	gtext_note_weak(g, 10, "x", 1); /* out of range */
	gtext_free(g);
}

static void test_cut(void)
{
	char s[GTEXT_MAX + 8];
	memset(s, 'a', sizeof s);
	memcpy(s + GTEXT_MAX - 1, "\xC3\xA9", 2); /* é across the limit */
	pdf_gtext *g = gtext_new(2);
	gtext_note_weak(g, 1, s, sizeof s);
	size_t len;
	gtext_get(g, 1, &len);
	CHECK(len == GTEXT_MAX - 1);
	gtext_free(g);
}

int main(void)
{
	test_plain();
	test_weak();
	test_cut();
	return failures != 0;
}
