/* test_linequality.c - line quality (issue 15 item 5): inline code breaks
 * after its separators and before camelCase humps, its spaces never
 * stretch, TeX's consecutive-hyphen demerits, the bound on stretched
 * glue and the emergency stretch. Fake font: at size 10 every glyph (and
 * space) is 5 pt. */
#include "layout/linebreak.h"
#include "test_text_helpers.h"

static char *break_spans(th_env *e, const layout_span *s, size_t n,
                         const layout_para_style *st, double width,
                         layout_lines *keep)
{
	layout_lines ls;
	layout_break(e->t, s, n, st, width, &ls);
	char *r = th_lines_text(&ls);
	if (keep)
		*keep = ls;
	else
		layout_lines_free(&ls);
	return r;
}

static void test_camel_case(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_span s = th_span("readCsvFileNow", FAMILY_MONO, 0, 10);
	char *r = break_spans(&e, &s, 1, &st, 40, NULL); /* 8 a line */
	CHECK_STR(r, "readCsv|FileNow");
	free(r);
	/* no break between two capitals or after a capital */
	s = th_span("HTTPServerX", FAMILY_MONO, 0, 10);
	r = break_spans(&e, &s, 1, &st, 40, NULL);
	CHECK(strstr(r, "HTTPServ") == r); /* emergency breaks only */
	free(r);
	th_close(&e);
}

/* A call followed by prose punctuation still breaks after its dot; no
 * break before a closing parenthesis. */
static void test_code_then_comma(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_LEFT, 0);
	layout_span s[2] = {
	    th_span("Classifier.partial_fit", FAMILY_MONO, 0, 10),
	    th_span(", or", FAMILY_BODY, 0, 10)};
	char *r = break_spans(&e, s, 2, &st, 60, NULL); /* 12 a line */
	CHECK_STR(r, "Classifier.|partial_fit,|or");
	free(r);
	/* "call_me_now(" would fill its line, but ")" may not start one */
	layout_span f = th_span("call_me_now()", FAMILY_MONO, 0, 10);
	layout_span g = th_span("fit_transform()", FAMILY_MONO, 0, 10);
	r = break_spans(&e, &f, 1, &st, 60, NULL);
	CHECK_STR(r, "call_me_|now()");
	free(r);
	r = break_spans(&e, &g, 1, &st, 55, NULL);
	CHECK_STR(r, "fit_|transform()");
	free(r);
	th_close(&e);
}

/* In a justified line, the spaces of inline code keep their width. */
static void test_code_spaces_rigid(void)
{
	th_env e;
	th_open(&e, NULL, 0);
	layout_para_style st = th_style(ALIGN_JUSTIFY, 0);
	layout_span s[3] = {
	    th_span("aa bb ", FAMILY_BODY, 0, 10),
	    th_span("GROUP BY", FAMILY_MONO, 0, 10),
	    th_span(" cc dd eeeeeeeeeeeeeeeeeeee", FAMILY_BODY, 0, 10)};
	layout_lines ls;
	/* 23 a line: the 4 body spaces take the 15 pt (ratio 1.5) */
	char *r = break_spans(&e, s, 3, &st, 115, &ls);
	CHECK(ls.n == 2 && strstr(r, "GROUP BY cc dd|") != NULL);
	int code = 0, body = 0;
	for (size_t i = 0; ls.n && i < ls.lines[0].nruns; i++) {
		const layout_run *run = &ls.lines[0].runs[i];
		if (memchr(run->text, 'G', run->len) &&
		    memchr(run->text, ' ', run->len)) {
			code = 1;
			CHECK(run->extra == 0);
		}
		if (memchr(run->text, 'a', run->len) && run->extra > 0)
			body = 1;
	}
	/* "GROUP BY" keeps 5 pt between its words */
	for (size_t i = 0; ls.n && i + 1 < ls.lines[0].nruns; i++) {
		const layout_run *a = &ls.lines[0].runs[i];
		if (a->len == 5 && !memcmp(a->text, "GROUP", 5)) {
			code = 1;
			CHECK(fabs(ls.lines[0].runs[i + 1].x -
			           (a->x + a->width) - 5) < 1e-9);
		}
	}
	CHECK(code && body && fabs(ls.lines[0].width - 115) < 1e-6);
	layout_lines_free(&ls);
	free(r);
	th_close(&e);
}

static lb_items boxes(const double *w, size_t n)
{
	lb_items it = {NULL, 0, 0};
	it.v = calloc(2 * n + 1, sizeof *it.v);
	for (size_t i = 0; i < n; i++) {
		lb_item *b = &it.v[it.n++];
		b->type = IT_BOX, b->w = w[i], b->count = 1;
		if (i + 1 < n) {
			lb_item *g = &it.v[it.n++];
			g->type = IT_GLUE, g->w = 5, g->y = 2.5, g->z = 5.0 / 3;
		}
	}
	lb_item *f = &it.v[it.n++];
	f->type = IT_PEN, f->penalty = -LB_INF_PENALTY;
	return it;
}

static void test_params(void)
{
	lb_params p;
	lb_params_default(&p);
	CHECK(p.double_hyphen_demerits == 10000); /* TeX's value */
	CHECK(p.tolerance == 200 && p.max_ratio == 0 &&
	      p.emergency_stretch == 0);
	/* "aaaa bbbb|cccccccccccccccccc": the first line must stretch its one
	 * space by 10 pt (ratio 4) */
	const double w[] = {20, 20, 90};
	lb_items it = boxes(w, 3);
	size_t *brk = NULL;
	p.width = p.first_width = 55;
	/* 20 + 5 + 20 = 45: shortfall 10, stretch 2.5 */
	CHECK(lb_total_fit(&it, &p, &brk) == -1); /* badness 6400 */
	free(brk);
	p.emergency_stretch = 10; /* judged as 10 / 12.5: badness 51 */
	CHECK(lb_total_fit(&it, &p, &brk) == -1); /* 90 > 55: no break */
	free(brk);
	const double w2[] = {20, 20, 50};
	free(it.v);
	it = boxes(w2, 3);
	p.emergency_stretch = 0;
	CHECK(lb_total_fit(&it, &p, &brk) == -1);
	free(brk);
	p.emergency_stretch = 10;
	CHECK(lb_total_fit(&it, &p, &brk) == 2);
	free(brk);
	p.max_ratio = 1.9; /* ratio 4 is too loose: infeasible again */
	CHECK(lb_total_fit(&it, &p, &brk) == -1);
	free(brk);
	p.final_pass = 1; /* but the last pass takes it */
	CHECK(lb_total_fit(&it, &p, &brk) == 2);
	free(brk);
	free(it.v);
}

int main(void)
{
	test_camel_case();
	test_code_then_comma();
	test_code_spaces_rigid();
	test_params();
	return th_failures != 0;
}
