/* test_page.c - the page model: construction, doc_find_dest, dump golden,
 * pages given back once drawn (doc_release_pages). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/page.h"

#include "check.h"

static char *dump_to_string(const sp_document *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	if (!f)
		abort();
	doc_dump(d, f);
	fclose(f);
	return s;
}

static const char golden[] =
    "page 1 595.28 841.89\n"
    "text 72.00 769.89 2 10.50 1A2B3C 33.33 \"Caf\xC3\xA9 \\\"q\\\" "
    "a\\\\b\\n\\t\\x01\\x7F\"\n"
    "line 72.00 700.00 523.28 700.00 0.50 000000\n"
    "line 72.00 690.00 523.28 690.00 0.25 808080 dash 3 2\n"
    "rect 10.00 20.00 30.00 40.00 fill+stroke FFFFFF 112233 1.00 4.00\n"
    "rect 0.00 0.00 1.00 1.00 fill EEEEEE 000000 0.00 0.00\n"
    "link 72.00 760.00 40.00 12.00 uri \"https://example.org/\"\n"
    "link 72.00 740.00 40.00 12.00 dest \"q2\"\n"
    "dest \"q1\" 780.00\n"
    "page 2 297.64 419.53\n"
    "dest \"q2\" 400.12\n"
    "outline 0 \"\xCE\x94 Delta\" \"q1\"\n"
    "outline 1 \"Two\" \"q2\"\n"
    "label 0 roman 1 \"\"\n"
    "label 1 decimal 1 \"A-\"\n";

static sp_document *make_doc(void)
{
	sp_document *d = doc_new();
	sp_page *p = doc_add_page(d, 595.2756, 841.8898);
	const char txt[] = "Caf\xC3\xA9 \"q\" a\\b\n\t\x01\x7F";
	page_add_text(p, 72, 769.889, 2, 10.5, 0x1A2B3C, txt, strlen(txt),
	              33.333);
	page_add_line(p, 72, 700, 523.28, 700, 0.5, 0);
	page_add_dashed_line(p, 72, 690, 523.28, 690, 0.25, 0x808080, 3, 2);
	page_add_rect(p, 10, 20, 30, 40, RECT_FILL | RECT_STROKE, 0xFFFFFF,
	              0x112233, 1, 4);
	page_add_rect(p, -0.001, 0, 1, 1, RECT_FILL, 0xEEEEEE, 0, 0, 0);
	page_add_link_uri(p, 72, 760, 40, 12, "https://example.org/");
	page_add_link_dest(p, 72, 740, 40, 12, "q2");
	doc_add_dest(d, 0, "q1", 780);
	p = doc_add_page(d, 297.64, 419.53);
	doc_add_dest(d, 1, "q2", 400.123);
	doc_add_outline(d, 0, "\xCE\x94 Delta", "q1");
	doc_add_outline(d, 1, "Two", "q2");
	doc_add_label_range(d, 0, LABEL_ROMAN_LOWER, 1, NULL);
	doc_add_label_range(d, 1, LABEL_DECIMAL, 1, "A-");
	doc_set_info(d, "T", "A", NULL);
	return d;
}

/* Pages released as a renderer draws them: the texts go, the sizes,
 * links and destinations stay, the later pages' texts are intact (ASan
 * would see a freed byte read), and a second call never frees again. */
static void test_release(void)
{
	sp_document *d = doc_new();
	char word[40];
	for (int p = 0; p < 6; p++) {
		sp_page *pg = doc_add_page(d, 200 + p, 300);
		for (int i = 0; i < 2000; i++) { /* several arena blocks */
			int n = snprintf(word, sizeof word, "p%d-%d", p, i);
			page_add_text(pg, 1, 2, 0, 10, 0, word, (size_t)n, 5);
		}
		page_add_line(pg, 0, 0, 1, 1, 1, 0);
		page_add_link_dest(pg, 1, 1, 5, 5, "d0");
		snprintf(word, sizeof word, "d%d", p);
		doc_add_dest(d, (size_t)p, word, 10.0 + p);
	}
	doc_release_pages(d, 3);
	CHECK(d->released == 3);
	CHECK(d->pages[0].ntexts == 0 && d->pages[2].nlines == 0);
	CHECK(d->pages[1].width == 201 && d->pages[2].nlinks == 1);
	CHECK_STR(d->pages[2].links[0].dest, "d0");
	double y = 0;
	CHECK(doc_find_dest(d, "d1", &y) == 1 && y == 11);
	int bad = 0;
	for (int p = 3; p < 6; p++)
		for (int i = 0; i < 2000; i++) {
			int n = snprintf(word, sizeof word, "p%d-%d", p, i);
			const page_text *t = &d->pages[p].texts[i];
			bad += t->len != (size_t)n ||
			       memcmp(t->text, word, (size_t)n) != 0;
		}
	CHECK(bad == 0);
	doc_release_pages(d, 2); /* behind: nothing happens */
	CHECK(d->released == 3 && d->pages[3].ntexts == 2000);
	doc_release_pages(d, 99); /* past the end: every page */
	CHECK(d->released == 6 && d->pages[5].ntexts == 0);
	doc_free(d);
}

int main(void)
{
	test_release();
	sp_document *d = make_doc();
	char *s = dump_to_string(d);
	if (strcmp(s, golden) != 0) {
		fprintf(stderr, "dump mismatch\n--- got\n%s--- want\n%s", s,
		        golden);
		failures++;
	}
	free(s);

	double y = 0;
	CHECK(doc_find_dest(d, "q1", &y) == 0 && y == 780);
	CHECK(doc_find_dest(d, "q2", &y) == 1 && y > 400.12 && y < 400.13);
	CHECK(doc_find_dest(d, "nope", &y) == -1);
	CHECK(doc_find_dest(d, NULL, NULL) == -1);
	CHECK(d->npages == 2 && d->pages[0].ntexts == 1);
	CHECK(d->pages[0].texts[0].len == 17);
	CHECK(strcmp(d->title, "T") == 0 && d->subject == NULL);

	/* Many pages: indexes stay valid as the array grows. */
	for (int i = 0; i < 1000; i++) {
		sp_page *p = doc_add_page(d, 100, 100);
		page_add_text(p, 1, 2, 0, 10, 0, "x", 1, 5);
	}
	CHECK(d->npages == 1002 && d->pages[1001].texts[0].text[0] == 'x');
	/* The destination index grows as destinations are added; of two
	 * with one name, the earlier page's is found (on one page, the
	 * later one's). */
	for (int i = 0; i < 1000; i++) {
		char name[32];
		snprintf(name, sizeof name, "d%d", i);
		doc_add_dest(d, (size_t)(2 + i), name, i);
	}
	int found = 1;
	for (int i = 0; i < 1000; i++) {
		char name[32];
		snprintf(name, sizeof name, "d%d", i);
		found &= doc_find_dest(d, name, &y) == 2 + i && y == i;
	}
	CHECK(found);
	doc_add_dest(d, 7, "q1", 1);
	CHECK(doc_find_dest(d, "q1", &y) == 0 && y == 780);
	doc_add_dest(d, 0, "q1", 2);
	CHECK(doc_find_dest(d, "q1", &y) == 0 && y == 2);
	doc_add_dest(d, 900, "late", 3);
	doc_add_dest(d, 600, "late", 4);
	CHECK(doc_find_dest(d, "late", &y) == 600 && y == 4);
	doc_free(d);
	doc_free(NULL);

	sp_document *e = doc_new();
	s = dump_to_string(e);
	CHECK(strcmp(s, "") == 0);
	free(s);
	doc_free(e);

	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
