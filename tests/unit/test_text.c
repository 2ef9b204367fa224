/* test_text.c - segmentation, faces, warnings and runs of the paragraph
 * engine, over the fixed-width fake font (size 10: every glyph 5 pt). */
#include "test_text_helpers.h"

#define SHY "\xc2\xad"
#define NBSP "\xc2\xa0"
#define ZWSP "\xe2\x80\x8b"
#define ZWJ "\xe2\x80\x8d"
#define EACUTE_NFD "e\xcc\x81"

static void test_soft_hyphen(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_lines ls;
	/* wide enough: the soft hyphen stays invisible */
	char *r = th_break(&e, "co" SHY "operation is fine", &st, 200, NULL);
	CHECK_STR(r, "cooperation is fine");
	free(r);
	/* "xx co-" fits in 6 chars, "operation" needs its own line */
	r = th_break(&e, "xx co" SHY "operation", &st, 50, &ls);
	CHECK_STR(r, "xx co-|operation");
	CHECK(ls.n == 2 && ls.lines[0].hyphenated && !ls.lines[1].hyphenated);
	CHECK(fabs(ls.lines[0].width - 30) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	th_close(&e);
}

static void test_nbsp_never_breaks(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	char *r = th_break(&e, "aaa bbb" NBSP "ccc ddd", &st, 40, NULL);
	CHECK_STR(r, "aaa|bbb" NBSP "ccc|ddd");
	free(r);
	r = th_break(&e, "10" NBSP "km and 5" NBSP "kg", &st, 30, NULL);
	CHECK(strstr(r, "10" NBSP "km") && strstr(r, "5" NBSP "kg"));
	free(r);
	th_close(&e);
}

static void test_long_word_graphemes(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_JUSTIFY, 1);
	sp_buf w = SP_BUF_INIT;
	for (int i = 0; i < 300; i++)
		buf_puts(&w, i % 7 == 6 ? EACUTE_NFD : "x");
	layout_lines ls;
	char *r = th_break(&e, w.data, &st, 52, &ls);
	CHECK(ls.n >= 29);
	size_t total = 0;
	for (size_t i = 0; i < ls.n; i++) {
		const layout_line *l = &ls.lines[i];
		CHECK(l->width <= 52 + 1e-9);
		for (size_t j = 0; j < l->nruns; j++) {
			/* a combining mark never starts a run */
			CHECK((unsigned char)l->runs[j].text[0] != 0xcc);
			total += l->runs[j].len;
		}
	}
	CHECK(total == w.len);
	layout_lines_free(&ls);
	free(r);
	buf_free(&w);
	th_close(&e);
}

static void test_cjk(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	/* ideographs are 500 wide in the fake font: 4 per 20 pt */
	char *r = th_break(&e, "中文排版很有意思", &st, 20, NULL);
	CHECK_STR(r, "中文排版|很有意思");
	free(r);
	/* no line starts with "。" */
	r = th_break(&e, "中文排。版很", &st, 15, NULL);
	CHECK(strstr(r, "|。") == NULL);
	free(r);
	th_close(&e);
}

static void test_url(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 1);
	char *r = th_break(&e, "https://example.com/some/path/index.html", &st,
	                   100, NULL);
	CHECK_STR(r, "https://example.com/|some/path/index.html");
	free(r);
	/* short words with "/" do not break */
	r = th_break(&e, "and/or and/or", &st, 30, NULL);
	CHECK_STR(r, "and/or|and/or");
	free(r);
	th_close(&e);
}

/* A long identifier in the code face breaks after its separators, with
 * no hyphen; the same letters in the body face do not. */
static void test_code_breaks(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	const char *id = "class_weight=balanced";
	layout_span s = th_span(id, FAMILY_MONO, VARIANT_REGULAR, 10);
	layout_lines ls;
	layout_break(e.t, &s, 1, &st, 70, &ls); /* 14 characters a line */
	char *r = th_lines_text(&ls);
	CHECK_STR(r, "class_weight=|balanced");
	free(r);
	layout_lines_free(&ls);
	r = th_break(&e, id, &st, 70, NULL); /* body face: emergency only */
	CHECK(strcmp(r, "class_weight=|balanced") != 0);
	free(r);
	th_close(&e);
}

static void test_missing_glyph(void)
{
	th_env e;
	uint32_t lacks[] = {0x2211}; /* ∑ */
	th_open(&e, lacks, 1);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_lines ls;
	char *r = th_break(&e, "a \xe2\x88\x91 b \xe2\x88\x91", &st, 200, &ls);
	CHECK_STR(r, "a \xef\xbf\xbd b \xef\xbf\xbd");
	/* a, U+FFFD, b, U+FFFD: the substitute is its own run */
	CHECK(ls.n == 1 && ls.lines[0].nruns == 4);
	CHECK(ls.lines[0].runs[1].face == FAKEFONT_SUBST);
	CHECK(fabs(ls.lines[0].runs[1].x - 10) < 1e-9);
	CHECK(e.diag.warnings == 1);
	CHECK_STR(th_messages(&e),
	          "q.yaml:3:7: warning: character U+2211 '\xe2\x88\x91' has no "
	          "glyph in the fonts of body; drawn as U+FFFD\n");
	layout_lines_free(&ls);
	free(r);
	/* the same location again: no new warning */
	r = th_break(&e, "\xe2\x88\x91", &st, 200, NULL);
	free(r);
	CHECK(e.diag.warnings == 1);
	th_close(&e);

	/* a fallback face that has it: drawn there, no warning */
	th_open(&e, lacks, 1);
	fakefont_set_fallback(&e.fonts, lacks, 1);
	r = th_break(&e, "x\xe2\x88\x91y", &st, 200, &ls);
	CHECK_STR(r, "x\xe2\x88\x91y");
	CHECK(ls.lines[0].nruns == 3 &&
	      ls.lines[0].runs[1].face == FAKEFONT_FALLBACK);
	CHECK(fabs(ls.lines[0].runs[2].x - 11) < 1e-9); /* 5 + 6 */
	CHECK(e.diag.warnings == 0);
	layout_lines_free(&ls);
	free(r);
	th_close(&e);
}

static void test_astral(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	char *r = th_break(&e, "ok \xf0\x9f\x98\x80!", &st, 200, NULL);
	CHECK_STR(r, "ok \xef\xbf\xbd!");
	CHECK_STR(th_messages(&e),
	          "q.yaml:3:7: warning: character U+1F600 is outside the Basic "
	          "Multilingual Plane and cannot be drawn; drawn as U+FFFD\n");
	free(r);
	th_close(&e);
}

static void test_ignorables(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	/* ZWSP: a break with no width */
	char *r = th_break(&e, "aaaa" ZWSP "bbbb", &st, 30, NULL);
	CHECK_STR(r, "aaaa|bbbb");
	free(r);
	r = th_break(&e, "aaaa" ZWSP "bbbb", &st, 100, NULL);
	CHECK_STR(r, "aaaabbbb");
	free(r);
	/* ZWJ, variation selector, bidi mark, BOM: attached, never drawn */
	layout_lines ls;
	r = th_break(&e,
	             "a" ZWJ "b\xef\xb8\x8f \xe2\x80\x8e"
	             "c\xef\xbb\xbf",
	             &st, 100, &ls);
	CHECK_STR(r, "ab c");
	CHECK(fabs(ls.lines[0].width - 20) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	CHECK(e.diag.warnings == 0);
	th_close(&e);
}

static void test_tabs(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_lines ls;
	char *r = th_break(&e, "a\tb", &st, 100, &ls);
	CHECK_STR(r, "a b");
	CHECK(fabs(ls.lines[0].width - 15) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	st.preserve_space = 1;
	r = th_break(&e, "a\tb  c", &st, 100, &ls);
	CHECK_STR(r, "a    b  c");
	CHECK(fabs(ls.lines[0].width - 45) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	/* preserved text breaks only at spaces, and at newlines */
	r = th_break(&e, "x-y-z abc\ndef", &st, 100, NULL);
	CHECK_STR(r, "x-y-z abc|def");
	free(r);
	th_close(&e);
}

static void test_mixed_styles(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_span sp[3] = {
	    th_span("say ", FAMILY_BODY, VARIANT_REGULAR, 10),
	    th_span("bold", FAMILY_BODY, VARIANT_BOLD, 10),
	    th_span("text and BIG", FAMILY_BODY, VARIANT_REGULAR, 10),
	};
	layout_span big = th_span(" X", FAMILY_HEADING, VARIANT_REGULAR, 20);
	layout_span all[4] = {sp[0], sp[1], sp[2], big};
	layout_lines ls;
	layout_break(e.t, all, 4, &st, 500, &ls);
	CHECK(ls.n == 1);
	const layout_line *l = &ls.lines[0];
	CHECK(l->nruns == 4);
	if (l->nruns == 4) {
		CHECK_STR(l->runs[0].text, "say"); /* no space at a run end */
		CHECK(l->runs[0].face == VARIANT_REGULAR && l->runs[0].x == 0);
		CHECK_STR(l->runs[1].text, "bold");
		CHECK(l->runs[1].face == VARIANT_BOLD);
		CHECK(fabs(l->runs[1].x - 20) < 1e-9);
		CHECK_STR(l->runs[2].text, "text and BIG");
		CHECK(fabs(l->runs[2].x - 40) < 1e-9);
		CHECK(fabs(l->runs[2].width - 60) < 1e-9);
		CHECK_STR(l->runs[3].text, "X");
		CHECK(l->runs[3].face == FAMILY_HEADING * 4);
		/* the space before X is in the 20 pt span: 10 pt */
		CHECK(fabs(l->runs[3].x - 110) < 1e-9);
		CHECK(fabs(l->width - 120) < 1e-9);
	}
	CHECK(fabs(l->ascent - 16) < 1e-9 && fabs(l->descent - 4) < 1e-9);
	CHECK(fabs(l->leading - 24) < 1e-9);
	layout_lines_free(&ls);
	/* a style leading too small for the big run grows */
	st.leading = 12;
	layout_break(e.t, all, 4, &st, 500, &ls);
	CHECK(fabs(ls.lines[0].leading - 20) < 1e-9);
	layout_lines_free(&ls);
	th_close(&e);
}

static void test_hyphenation_points(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 1);
	/* 7 chars per line: "hy-" "phen-" "ation" */
	char *r = th_break(&e, "hyphenation", &st, 35, NULL);
	CHECK_STR(r, "hyphen-|ation");
	free(r);
	r = th_break(&e, "typesetting", &st, 30, NULL);
	CHECK_STR(r, "type-|set-|ting");
	free(r);
	/* no hyphenation of code, words with digits, or when off */
	layout_span m = th_span("typesetting", FAMILY_MONO, 0, 10);
	layout_lines ls;
	layout_break(e.t, &m, 1, &st, 30, &ls);
	r = th_lines_text(&ls);
	CHECK(strchr(r, '-') == NULL);
	free(r);
	layout_lines_free(&ls);
	r = th_break(&e, "typesetting2", &st, 30, NULL);
	CHECK(strchr(r, '-') == NULL);
	free(r);
	st.hyphenate = 0;
	r = th_break(&e, "typesetting", &st, 30, NULL);
	CHECK(strchr(r, '-') == NULL);
	free(r);
	th_close(&e);
}

static void test_explicit_hyphen(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	char *r = th_break(&e, "well-known fact", &st, 30, NULL);
	CHECK_STR(r, "well-|known|fact");
	free(r);
	/* not after a leading minus */
	r = th_break(&e, "x -55555", &st, 10, NULL);
	CHECK(strstr(r, "-|") == NULL);
	free(r);
	th_close(&e);
}

static void test_align_indent(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_RIGHT, 0);
	layout_lines ls;
	char *r = th_break(&e, "ab cd", &st, 100, &ls);
	CHECK(fabs(ls.lines[0].runs[0].x - 75) < 1e-9);
	CHECK(fabs(ls.lines[0].width - 100) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	st.align = ALIGN_CENTER;
	r = th_break(&e, "ab cd", &st, 100, &ls);
	CHECK(fabs(ls.lines[0].runs[0].x - 37.5) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	st.align = ALIGN_LEFT;
	st.first_indent = 10;
	r = th_break(&e, "aaa bbb ccc", &st, 40, &ls);
	CHECK_STR(r, "aaa|bbb ccc");
	CHECK(fabs(ls.lines[0].runs[0].x - 10) < 1e-9);
	CHECK(fabs(ls.lines[1].runs[0].x) < 1e-9);
	layout_lines_free(&ls);
	free(r);
	/* right to left: set from the right, the first-line indent on the
	 * right (its start side) */
	r = th_break(&e,
	             "\u05D0\u05D0\u05D0 \u05D1\u05D1\u05D1 \u05D2\u05D2\u05D2",
	             &st, 40, &ls);
	CHECK(ls.rtl && ls.n == 2);
	if (ls.n == 2) {
		CHECK(fabs(ls.lines[0].width - 30) < 1e-9);
		CHECK(fabs(ls.lines[1].width - 40) < 1e-9);
	}
	layout_lines_free(&ls);
	free(r);
	th_close(&e);
}

static void test_single_line_measure(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_span s = th_span("  Page  12 ", FAMILY_BODY, 0, 10);
	CHECK(fabs(layout_measure(e.t, &s) - 35) < 1e-9);
	layout_line l;
	layout_single_line(e.t, &s, 1, &l);
	CHECK(l.nruns == 1 && strcmp(l.runs[0].text, "Page 12") == 0);
	layout_line_free(&l);
	layout_lines ls;
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_break(e.t, &s, 0, &st, 100, &ls);
	CHECK(ls.n == 0);
	th_close(&e);
}

static void test_width_cache(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_JUSTIFY, 1);
	char *r = th_break(&e, "abc abc abc cab bca", &st, 100, NULL);
	free(r);
	unsigned long calls = fakefont_calls(&e.fonts);
	r = th_break(&e, "abc abc abc cab bca abc", &st, 100, NULL);
	free(r);
	CHECK(fakefont_calls(&e.fonts) == calls);
	th_close(&e);
}

int main(void)
{
	test_soft_hyphen();
	test_nbsp_never_breaks();
	test_long_word_graphemes();
	test_cjk();
	test_url();
	test_code_breaks();
	test_missing_glyph();
	test_astral();
	test_ignorables();
	test_tabs();
	test_mixed_styles();
	test_hyphenation_points();
	test_explicit_hyphen();
	test_align_indent();
	test_single_line_measure();
	test_width_cache();
	if (th_failures)
		fprintf(stderr, "%d check(s) failed\n", th_failures);
	return th_failures != 0;
}
