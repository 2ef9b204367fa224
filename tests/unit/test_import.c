/* test_import.c - the importer's parts: literal text escaped into rich
 * text that the loader reads back unchanged, YAML scalars that read back
 * unchanged, the lines of a plain-text guide, difficulty marks, HTML and
 * character references, decoding (Windows-1252, UTF-16, binary, line
 * ends, control characters), delimited records, slugs and ids, format
 * detection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/richtext.h"
#include "corpus/text.h"
#include "corpus/ytree.h"
#include "import/delim.h"
#include "import/doc.h"
#include "import/html.h"
#include "import/import.h"
#include "import/marks.h"
#include "import/mdwrite.h"
#include "import/source.h"
#include "import/textlines.h"
#include "import/writer.h"
#include "util/buf.h"

#include "check.h"

static int rich_errors;

static void count_error(void *ctx, int line, int col, const char *msg)
{
	(void)ctx;
	(void)line;
	(void)col;
	fprintf(stderr, "  rich text error: %s\n", msg);
	rich_errors++;
}

/* Literal text through mdwrite, then the loader's rich text parser: no
 * error, and the same text (folded) comes back. */
static void roundtrip_literal(const char *s, int line)
{
	imp_md m;
	imp_md_init(&m);
	imp_md_para(&m);
	imp_md_text(&m, s, strlen(s));
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	rich_text rt;
	rich_errors = 0;
	richtext_parse(md ? md : "", &rt, count_error, NULL);
	char *plain = rich_text_plain(&rt);
	char *want = text_fold(s);
	if (rich_errors || strcmp(plain, want) || rt.nblocks != 1) {
		fprintf(stderr, "%s:%d: '%s' -> '%s' -> '%s' (%zu blocks)\n",
		        __FILE__, line, s, md ? md : "(null)", plain,
		        rt.nblocks);
		failures++;
	}
	for (size_t i = 0; i < rt.nblocks; i++)
		for (size_t j = 0; j < rt.blocks[i].nruns; j++)
			if (rt.blocks[i].runs[j].style) {
				fprintf(stderr, "%s:%d: '%s' got styled\n",
				        __FILE__, line, s);
				failures++;
			}
	free(want);
	free(plain);
	richtext_free(&rt);
	free(md);
}
#define LITERAL(s) roundtrip_literal(s, __LINE__)

static void test_escaping(void)
{
	static const char *const tricky[] = {"# not a heading",
	                                     "## neither",
	                                     "- not an item",
	                                     "+ plus",
	                                     "* star item",
	                                     "1. not ordered",
	                                     "10) ten",
	                                     "> not a quote",
	                                     "<div>not HTML</div>",
	                                     "a < b and c > d",
	                                     "<http://not.a.link>",
	                                     "AT&T &amp; co &#65; &copy;",
	                                     "snake_case __init__ _x_",
	                                     "*star* **strong** ***both***",
	                                     "[not](a link) ![nor](image)",
	                                     "[ref]: /not-a-definition",
	                                     "`not code` ``double``",
	                                     "back\\slash \\* \\",
	                                     "| a | b |",
	                                     "---",
	                                     "===",
	                                     "~~~ fence",
	                                     "``` fence",
	                                     "- - -",
	                                     "    four spaces",
	                                     "\ttab start",
	                                     "trailing  spaces  ",
	                                     "a\nsoft\nbreak",
	                                     "100% done, #1 pick",
	                                     "C:\\Users\\me",
	                                     "x_y_z",
	                                     "_leading",
	                                     "trailing_",
	                                     "em—dash “q”",
	                                     "<!-- not a comment -->",
	                                     "a   b\t\tc"};
	for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++)
		LITERAL(tricky[i]);
	/* wrapped: a long paragraph with markup-looking words everywhere */
	sp_buf b = SP_BUF_INIT;
	for (int i = 0; i < 60; i++)
		buf_printf(&b, "word%d - # > 1. * _x_ <b> &amp; ", i);
	LITERAL(b.data);
	buf_free(&b);
}

/* Every line of mdwrite's output fits IMP_MD_WIDTH where it can break. */
static void test_wrapping(void)
{
	imp_md m;
	imp_md_init(&m);
	imp_md_item(&m, 1, 0, 1, 0);
	for (int i = 0; i < 40; i++)
		imp_md_text(&m, "several short words ", 20);
	imp_md_item(&m, 2, 1, 3, 0);
	imp_md_text(&m, "a nested ordered item that starts at three", 42);
	imp_md_item(&m, 1, 0, 0, 1);
	imp_md_text(&m, "a further paragraph of the first item", 37);
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	for (const char *p = md; *p;) {
		size_t n = strcspn(p, "\n");
		CHECK(n <= IMP_MD_WIDTH);
		p += n + (p[n] == '\n');
	}
	rich_text rt;
	rich_errors = 0;
	richtext_parse(md, &rt, count_error, NULL);
	CHECK(rich_errors == 0);
	CHECK(rt.nblocks == 3);
	if (rt.nblocks == 3) {
		CHECK(rt.blocks[0].kind == RT_LIST_ITEM &&
		      rt.blocks[0].depth == 1);
		CHECK(rt.blocks[1].depth == 2 && rt.blocks[1].ordered &&
		      rt.blocks[1].number == 3);
		CHECK(rt.blocks[2].depth == 1 && rt.blocks[2].number == 0);
	}
	richtext_free(&rt);
	free(md);
}

/* Styles stay styles, even against punctuation. */
static void test_styles(void)
{
	imp_md m;
	imp_md_init(&m);
	imp_md_para(&m);
	imp_md_text(&m, "see", 3);
	imp_md_style(&m, IMP_STRONG);
	imp_md_text(&m, " Note: ", 7);
	imp_md_style(&m, 0);
	imp_md_text(&m, "text and ", 9);
	imp_md_style(&m, IMP_CODE);
	imp_md_text(&m, "a `b` c", 7);
	imp_md_style(&m, 0);
	imp_md_style(&m, IMP_CODE | IMP_EM); /* touches the code span */
	imp_md_text(&m, "````x ![i](u)", 13);
	imp_md_style(&m, 0);
	imp_md_text(&m, "!", 1); /* "![" would make an image */
	imp_md_link(&m, "https://example.org/a (b)");
	imp_md_text(&m, " a link", 7);
	imp_md_link(&m, NULL);
	char *md = imp_md_take(&m);
	imp_md_free(&m);
	rich_text rt;
	rich_errors = 0;
	richtext_parse(md, &rt, count_error, NULL);
	CHECK(rich_errors == 0 && rt.nblocks == 1);
	char *plain = rich_text_plain(&rt);
	CHECK_STR(plain, "see Note: text and a `b` c````x ![i](u)! a link");
	unsigned seen = 0;
	for (size_t j = 0; rt.nblocks && j < rt.blocks[0].nruns; j++) {
		const rt_run *r = &rt.blocks[0].runs[j];
		if (r->style & RT_STRONG) {
			seen |= 1;
			CHECK(strstr(r->text, "Note") != NULL);
		}
		if (r->style & RT_CODE) {
			seen |= 2;
			CHECK_STR(r->text, "a `b` c````x ![i](u)");
		}
		if (r->style & RT_LINK) {
			seen |= 4;
			CHECK_STR(r->url, "https://example.org/a%20(b)");
		}
	}
	CHECK(seen == 7);
	free(plain);
	richtext_free(&rt);
	free(md);
}

/* A scalar written by the YAML writer reads back as itself. */
static void roundtrip_scalar(const char *s, int line)
{
	sp_buf b = SP_BUF_INIT;
	buf_puts(&b, "key: ");
	imp_yaml_scalar(&b, s);
	buf_putc(&b, '\n');
	ytree t;
	int rc = ytree_parse(&t, b.data, b.len, NULL, NULL);
	const ynode *v = rc == 0 && t.root && t.root->kind == YN_MAP
	                     ? YN_VAL(t.root, 0)
	                     : NULL;
	if (!v || v->kind != YN_SCALAR || v->is_null || strcmp(v->str, s)) {
		fprintf(stderr, "%s:%d: '%s' written as '%s' reads as '%s'\n",
		        __FILE__, line, s, b.data,
		        v && v->str ? v->str : "(nothing)");
		failures++;
	}
	ytree_free(&t);
	buf_free(&b);
}
#define SCALAR(s) roundtrip_scalar(s, __LINE__)

static void test_scalars(void)
{
	static const char *const v[] = {
	    "plain text",  "yes",   "No",     "null",      "~",        "true",
	    "- dash",      "a: b",  "a:b",    "a #b",      "a#b",      "#x",
	    "x:",          " lead", "trail ", "tab\there", "quote\"s", "it's",
	    "back\\slash", "123",   "-1.5",   ".5",        "@at",      "`tick",
	    "é accent",    "[a]",   "{a}",    "?x",        "%x",       "!x",
	    "&x",          "*x",    "|x",     ">x",        "'x",       ",x",
	    "x, y",        "<<"};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		SCALAR(v[i]);
}

/* ---- plain-text guide lines ---- */

static void test_textlines(void)
{
	size_t rest;
	const char *l = "Why they ask:   To check depth.";
	CHECK(tl_label(l, strlen(l), &rest) == TL_WHY);
	CHECK_STR(l + rest, "To check depth.");
	l = "Sample framework response:";
	CHECK(tl_label(l, strlen(l), &rest) == TL_ANSWER && !l[rest]);
	l = "PERSONALISATION TIP : keep it short";
	CHECK(tl_label(l, strlen(l), &rest) == TL_TIP);
	l = "Option 1: lead with the product.";
	CHECK(tl_label(l, strlen(l), &rest) == TL_NONE);
	int num;
	CHECK(tl_bullet("- a", 3, &num) == 2 && num == 0);
	CHECK(tl_bullet("\u2022 a", 5, &num) == 4);
	CHECK(tl_bullet("12) a", 5, &num) == 4 && num == 12);
	CHECK(tl_bullet("-a", 2, &num) == 0);
	const char *q[] = {"What is a p-value?",
	                   "Tell me about yourself.",
	                   "3. Walk me through your resume",
	                   "Describe a time you failed.",
	                   "Why now, and why us?",
	                   "What is e.g. a join?"};
	for (size_t i = 0; i < 6; i++)
		CHECK(tl_looks_like_question(q[i], strlen(q[i])));
	const char *nq[] = {"I led the team. What did I learn?",
	                    "The answer is simple.",
	                    "Option 1:", "Describe these steps:"};
	for (size_t i = 0; i < 4; i++)
		CHECK(!tl_looks_like_question(nq[i], strlen(nq[i])));
	l = "Behavioral Interview Questions for Data Scientists";
	CHECK(tl_heading(l, strlen(l)) == 2);
	l = "System Design Scenarios";
	CHECK(tl_heading(l, strlen(l)) == 1);
	l = "This is a sentence.";
	CHECK(tl_heading(l, strlen(l)) == 0);
	CHECK(tl_ends_sentence("done.\u201d", 8));
	CHECK(!tl_ends_sentence("and then", 8));
}

/* ---- difficulty marks ---- */

static void test_marks(void)
{
	imp_marks m;
	imp_marks_init(&m);
	const char *level;
	char *unknown;
	char *t =
	    imp_marks_strip(&m, "What is X? \u2b50\ufe0f", &level, &unknown);
	CHECK_STR(t, "What is X?");
	CHECK_STR(level, "mid");
	CHECK_STR(unknown, "");
	free(t);
	free(unknown);
	t = imp_marks_strip(&m, "\U0001F525 Hot take (hard)", &level, &unknown);
	CHECK_STR(t, "Hot take");
	CHECK_STR(level, "senior");
	CHECK_STR(unknown, "\U0001F525");
	free(t);
	free(unknown);
	char *summary = NULL;
	CHECK(imp_marks_legend(&m,
	                       "Legend: \U0001F331 = easy, \U0001F333 = "
	                       "hard",
	                       &summary));
	CHECK_STR(summary, "\U0001F331 junior, \U0001F333 senior");
	free(summary);
	t = imp_marks_strip(&m, "Q? \U0001F333", &level, &unknown);
	CHECK_STR(level, "senior");
	free(t);
	free(unknown);
	CHECK(!imp_marks_legend(&m, "Just \u2b50 one", &summary));
}

/* ---- HTML ---- */

/* A document and a report whose messages are counted, not printed. */
typedef struct env {
	sp_diag d;
	imp_report r;
	imp_doc doc;
	import_opts o;
} env;

static void env_init(env *e)
{
	diag_init(&e->d, NULL);
	imp_report_init(&e->r, &e->d);
	imp_report_file(&e->r, "t.txt");
	import_opts_init(&e->o);
	imp_doc_init(&e->doc, &e->o, &e->r);
}

static void env_free(env *e)
{
	imp_report_done(&e->r);
	imp_doc_free(&e->doc);
}

static void expect_rich(const char *html, const char *want, int line)
{
	env e;
	env_init(&e);
	char *md = imp_html_rich(&e.doc, html, 1);
	if (!md || strcmp(md, want)) {
		fprintf(stderr, "%s:%d: '%s' -> '%s', want '%s'\n", __FILE__,
		        line, html, md ? md : "(null)", want);
		failures++;
	}
	free(md);
	env_free(&e);
}
#define RICH(h, w) expect_rich(h, w, __LINE__)

static void test_html(void)
{
	unsigned long cp;
	CHECK(imp_html_entity("&amp;", 5, &cp) == 5 && cp == '&');
	CHECK(imp_html_entity("&#x263A;x", 9, &cp) == 8 && cp == 0x263A);
	CHECK(imp_html_entity("&#233;", 6, &cp) == 6 && cp == 0xE9);
	CHECK(imp_html_entity("&#0;", 4, &cp) == 0);
	CHECK(imp_html_entity("&#1;", 4, &cp) == 0);
	CHECK(imp_html_entity("&bogus;", 7, &cp) == 0);
	CHECK(imp_html_entity("& x", 3, &cp) == 0);
	RICH("a<br>b", "a\n\nb");
	RICH("<div>a</div><div>b &amp; c</div>", "a\n\nb & c");
	RICH("<b>bold</b> and <i>it</i> and <code>x &lt; y</code>",
	     "**bold** and *it* and `x < y`");
	RICH("<ul><li>one</li><li>two<ol><li>deep</li></ol></li></ul>after",
	     "- one\n- two\n  1. deep\n\nafter");
	RICH("<a href=\"https://x.org/?a=1&amp;b=2\">site</a>",
	     "[site](https://x.org/?a=1&b=2)");
	RICH("<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td>"
	     "</tr></table>",
	     "- k; v\n- a; 1");
	RICH("<script>alert(1)</script>kept<!-- gone -->", "kept");
	RICH("a &nbsp; b", "a b");
	RICH("2 < 3 and <notatag", "2 < 3 and \\<notatag");
	env e;
	env_init(&e);
	char *p = imp_html_plain(&e.doc, "What is <b>X</b>?<br>Really?", 1);
	CHECK_STR(p, "What is X? Really?");
	free(p);
	unsigned before = e.d.warnings;
	free(imp_html_rich(&e.doc, "<span>a</span><span>b</span><u>c</u>", 1));
	CHECK(e.d.warnings == before + 2); /* once per tag name */
	env_free(&e);
}

/* ---- decoding ---- */

/* Decode bytes; the messages in *msgs. 0 or -1. */
static int decode(const char *name, const char *data, size_t len, imp_src *s,
                  char **msgs)
{
	size_t size;
	FILE *f = open_memstream(msgs, &size);
	sp_diag d;
	diag_init(&d, f);
	imp_report r;
	imp_report_init(&r, &d);
	imp_report_file(&r, name);
	int rc = imp_src_init(s, name, data, len, &r);
	imp_report_done(&r);
	fclose(f);
	return rc;
}

static void test_source(void)
{
	imp_src s;
	char *msgs;
	const char crlf[] = "\xEF\xBB\xBFone\r\ntwo\rthree\nfour\x0c!";
	CHECK(decode("a.txt", crlf, sizeof crlf - 1, &s, &msgs) == 0);
	CHECK(s.nlines == 4);
	if (s.nlines == 4) {
		CHECK(s.lines[0].len == 3 && !memcmp(s.lines[0].s, "one", 3));
		CHECK(s.lines[2].no == 3 && s.lines[2].len == 5);
		CHECK(s.lines[3].len == 6 &&
		      !memcmp(s.lines[3].s, "four !", 6));
	}
	CHECK_STR(msgs, "a.txt:4: warning: control character U+000C "
	                "replaced by a space\n");
	free(msgs);
	imp_src_free(&s);
	const char cp[] = "Caf\xe9 line\n";
	CHECK(decode("my guide.txt", cp, sizeof cp - 1, &s, &msgs) == -1);
	CHECK_STR(msgs, "my guide.txt:1: error: not UTF-8: byte 0xE9 at byte "
	                "offset 3; the file looks like Windows-1252: convert "
	                "it with iconv -f WINDOWS-1252 -t UTF-8 'my guide.txt' "
	                "> 'my guide-utf8.txt'\n");
	free(msgs);
	imp_src_free(&s);
	const char bad[] = "ok\n\x81\x82";
	CHECK(decode("b", bad, sizeof bad - 1, &s, &msgs) == -1);
	CHECK_STR(msgs, "b:2: error: not UTF-8: byte 0x81 at byte offset 3\n");
	free(msgs);
	imp_src_free(&s);
	const char u16[] = "\xFF\xFEh\0i\0";
	CHECK(decode("u.txt", u16, sizeof u16 - 1, &s, &msgs) == -1);
	CHECK(strstr(msgs, "UTF-16") && strstr(msgs, "iconv -f UTF-16"));
	free(msgs);
	imp_src_free(&s);
	const char bin[] = "text\0\x01\x02";
	CHECK(decode("x.bin", bin, sizeof bin - 1, &s, &msgs) == -1);
	CHECK_STR(msgs, "x.bin:1: error: a binary file (a NUL byte at byte "
	                "offset 4); import reads text\n");
	free(msgs);
	imp_src_free(&s);
}

/* ---- records, slugs ---- */

static void test_delim(void)
{
	imp_src s;
	char *msgs;
	const char t[] = "a,\"b,\"\"c\"\"\nd\",e\n\nf\n\"open";
	CHECK(decode("t.csv", t, sizeof t - 1, &s, &msgs) == 0);
	free(msgs);
	imp_delim r;
	imp_delim_init(&r, &s, 0, ",", 1);
	imp_record rec = {0};
	CHECK(imp_delim_next(&r, &rec) == 1 && rec.n == 3 && rec.line == 1);
	if (rec.n == 3) {
		CHECK_STR(rec.f[1], "b,\"c\"\nd");
		CHECK_STR(rec.f[2], "e");
	}
	CHECK(imp_delim_next(&r, &rec) == 1 && rec.n == 1 && rec.line == 4);
	CHECK(imp_delim_next(&r, &rec) == -1 && rec.line == 5);
	CHECK(imp_delim_next(&r, &rec) == 0);
	imp_record_free(&rec);
	imp_src_free(&s);
}

static void test_slugs(void)
{
	char *s = text_slugify("Tell me about a time you led — Équipe!", 6, 48);
	CHECK_STR(s, "tell-me-about-a-time-you");
	free(s);
	s = text_slugify("Straße & Ça va?", 8, 60);
	CHECK_STR(s, "strasse-ca-va");
	free(s);
	s = text_slugify("数据是什么", 6, 48);
	CHECK_STR(s, "");
	free(s);
	s = text_slugify("averyveryverylongwordthatdoesnotfit", 6, 10);
	CHECK_STR(s, "");
	free(s);
	CHECK(text_is_slug("a-b-2"));
}

/* ---- whole imports ---- */

/* Import text named name; the YAML (or NULL) and messages (malloc'd). */
static char *run(const char *name, const char *text, size_t len,
                 const import_opts *o, char **msgs, sp_diag *d, int *rc)
{
	size_t size;
	FILE *f = open_memstream(msgs, &size);
	diag_init(d, f);
	sp_buf y = SP_BUF_INIT;
	import_opts dflt;
	import_opts_init(&dflt);
	*rc = import_bytes(name, text, len, o ? o : &dflt, d, &y, NULL);
	fclose(f);
	return y.data ? buf_detach(&y) : NULL;
}

static void test_detect(void)
{
	static const struct {
		const char *name, *text, *format;
	} cases[] = {
	    {"a.txt", "#separator:tab\nQ?\tA\n", "(Anki notes)"},
	    {"a.txt", "Term one\tDef one\nTerm two\tDef two\n",
	     "(Quizlet set)"},
	    {"a.txt", "question,answer\nWhat?,That.\n", "(CSV table)"},
	    {"a", "Front\tBack\nWhat?\tThat.\n", "(TSV table)"},
	    {"a.markdown", "**What is it?**\n\nThis.\n", "(Markdown guide)"},
	    {"a", "# T\n\n## S\n\n### What is it?\n\nThis.\n",
	     "(Markdown guide)"},
	    {"a.txt", "What is it?\nWhy they ask: x\n", "(plain-text guide)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *msgs;
		sp_diag d;
		int rc;
		char *y = run(cases[i].name, cases[i].text,
		              strlen(cases[i].text), NULL, &msgs, &d, &rc);
		CHECK(rc == IMPORT_OK);
		CHECK(y && strstr(y, cases[i].format));
		if (!y || !strstr(y, cases[i].format))
			fprintf(stderr, "  case %zu: %s\n", i, msgs);
		free(y);
		free(msgs);
	}
}

static void test_ids(void)
{
	const char t[] = "Same\ta\nSame\tb\nSame-2\tc\nSame\td\n数据\te\n";
	char *msgs;
	sp_diag d;
	int rc;
	char *y = run("ids.txt", t, sizeof t - 1, NULL, &msgs, &d, &rc);
	CHECK(rc == IMPORT_OK && y);
	if (y) {
		CHECK(strstr(y, "- id: same\n"));
		CHECK(strstr(y, "- id: same-2\n"));
		CHECK(strstr(y, "- id: same-2-2\n")); /* "Same-2" came second */
		CHECK(strstr(y, "- id: same-3\n"));
		CHECK(strstr(y, "- id: q-"));
	}
	free(y);
	free(msgs);
}

static void test_limits(void)
{
	sp_buf b = SP_BUF_INIT;
	for (int i = 0; i <= IMPORT_MAX_QUESTIONS; i++)
		buf_printf(&b, "t%d\td\n", i);
	char *msgs;
	sp_diag d;
	int rc;
	char *y = run("many.txt", b.data, b.len, NULL, &msgs, &d, &rc);
	CHECK(rc == IMPORT_INVALID && !y);
	CHECK(strstr(msgs, "error: more than 50000 questions"));
	free(msgs);
	buf_clear(&b);
	buf_puts(&b, "question,topics\nQ?,");
	for (int i = 0; i < IMPORT_MAX_TOPICS + 8; i++)
		buf_printf(&b, "%st%d", i ? ";" : "", i);
	buf_putc(&b, '\n');
	y = run("topics.csv", b.data, b.len, NULL, &msgs, &d, &rc);
	CHECK(rc == IMPORT_OK && d.warnings == 8);
	CHECK(y && strstr(y, "t31]") && !strstr(y, "t32"));
	free(y);
	free(msgs);
	buf_clear(&b);
	buf_puts(&b, "Q?\nFramework for answering:\n");
	for (int i = 0; i < IMPORT_MAX_STEPS + 2; i++)
		buf_printf(&b, "- Step %d: do it\n", i);
	y = run("steps.txt", b.data, b.len, NULL, &msgs, &d, &rc);
	CHECK(rc == IMPORT_OK && d.warnings == 2);
	free(y);
	free(msgs);
	buf_clear(&b);
	buf_puts(&b, "Only\tcard\n");
	for (int i = 0; i < IMPORT_MAX_WARNINGS + 100; i++)
		buf_puts(&b, "more\n");
	import_opts o;
	import_opts_init(&o);
	o.from = IMPORT_QUIZLET;
	y = run("warn.txt", b.data, b.len, &o, &msgs, &d, &rc);
	CHECK(rc == IMPORT_OK && d.warnings == IMPORT_MAX_WARNINGS + 100);
	CHECK(strstr(msgs, "warn.txt: note: 100 more warnings not shown"));
	free(y);
	free(msgs);
	buf_clear(&b);
	buf_puts(&b, "**What is deep?**\n\n");
	for (int i = 0; i < 40; i++)
		buf_printf(&b, "%*s- level %d\n", 2 * i, "", i);
	y = run("deep.md", b.data, b.len, NULL, &msgs, &d, &rc);
	CHECK(rc == IMPORT_OK && strstr(msgs, "lists nested more than 16"));
	free(y);
	free(msgs);
	buf_free(&b);
}

int main(void)
{
	test_escaping();
	test_wrapping();
	test_styles();
	test_scalars();
	test_textlines();
	test_marks();
	test_html();
	test_source();
	test_delim();
	test_slugs();
	test_detect();
	test_ids();
	test_limits();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
