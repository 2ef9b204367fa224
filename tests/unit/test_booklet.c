/* test_booklet.c - saddle-stitch order for 1 to 12 pages, and imposing a
 * page model two-up. */
#include <stdio.h>
#include <string.h>

#include "products/handbook.h"

#include "check.h"

/* Expected sides, 1-based pages, 0 = blank, written out by hand. */
static const char *const expected[13] = {
    "",
    "0 1 0 0",
    "0 1 2 0",
    "0 1 2 3",
    "4 1 2 3",
    "0 1 2 0 0 3 4 5",
    "0 1 2 0 6 3 4 5",
    "0 1 2 7 6 3 4 5",
    "8 1 2 7 6 3 4 5",
    "0 1 2 0 0 3 4 9 8 5 6 7",
    "0 1 2 0 10 3 4 9 8 5 6 7",
    "0 1 2 11 10 3 4 9 8 5 6 7",
    "12 1 2 11 10 3 4 9 8 5 6 7",
};

static void test_order(void)
{
	for (size_t n = 1; n <= 12; n++) {
		long out[16];
		size_t total = booklet_order(n, out);
		CHECK(total % 4 == 0 && total >= n && total < n + 4);
		/* every page exactly once */
		int seen[16] = {0};
		for (size_t i = 0; i < total; i++)
			if (out[i] >= 0)
				seen[out[i]]++;
		for (size_t p = 0; p < n; p++)
			CHECK(seen[p] == 1);
		/* facing pages of each sheet side add up to total + 1 */
		for (size_t i = 0; i < total; i += 2) {
			long a = out[i] >= 0 ? out[i] + 1 : -1;
			long b = out[i + 1] >= 0 ? out[i + 1] + 1 : -1;
			if (a > 0 && b > 0)
				CHECK((size_t)(a + b) == total + 1);
		}
		{
			char buf[128] = "";
			for (size_t i = 0; i < total; i++) {
				char num[32];
				snprintf(num, sizeof num, "%s%ld", i ? " " : "",
				         out[i] + 1);
				strcat(buf, num);
			}
			if (strcmp(buf, expected[n]))
				fprintf(stderr, "n=%zu: got '%s' want '%s'\n",
				        n, buf, expected[n]);
			CHECK(!strcmp(buf, expected[n]));
		}
	}
}

static void test_impose(void)
{
	sp_document *d = doc_new();
	for (int i = 0; i < 5; i++) {
		sp_page *p = doc_add_page(d, 100, 200);
		char t[8];
		snprintf(t, sizeof t, "p%d", i + 1);
		page_add_text(p, 10, 10, 0, 10, 0, t, strlen(t), 20);
	}
	d->pages[2].ndests = 0;
	doc_add_dest(d, 2, "three", 150);
	sp_document *b = booklet_impose(d);
	CHECK(b->npages == 4); /* 8 pages on 2 sheets, 4 sides */
	CHECK(b->pages[0].width == 200 && b->pages[0].height == 200);
	/* side 1: blank 8 | p1 */
	CHECK(b->pages[0].ntexts == 1 &&
	      !strcmp(b->pages[0].texts[0].text, "p1"));
	CHECK(b->pages[0].texts[0].x == 110);
	/* side 2: p2 | blank 7 */
	CHECK(b->pages[1].ntexts == 1 &&
	      !strcmp(b->pages[1].texts[0].text, "p2"));
	CHECK(b->pages[1].texts[0].x == 10);
	/* side 3: blank 6 | p3 */
	CHECK(b->pages[2].ntexts == 1 && b->pages[2].texts[0].x == 110);
	double y;
	CHECK(doc_find_dest(b, "three", &y) == 2 && y == 150);
	/* side 4: p4 | p5 */
	CHECK(b->pages[3].ntexts == 2);
	doc_free(b);
	doc_free(d);
}

int main(void)
{
	test_order();
	test_impose();
	if (failures)
		fprintf(stderr, "%d check(s) failed\n", failures);
	return failures != 0;
}
