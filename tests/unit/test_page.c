/* test_page.c - the page model: construction, doc_find_dest, dump golden. */
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

int main(void)
{
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
