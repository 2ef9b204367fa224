/* text_helpers.h - shared helpers of the paragraph tests (fake font). */
#ifndef SP_TEST_TEXT_HELPERS_H
#define SP_TEST_TEXT_HELPERS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/fakefont.h"
#include "layout/paragraph.h"
#include "util/buf.h"

static int th_failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #cond);                              \
			th_failures++;                                         \
		}                                                              \
	} while (0)

#define CHECK_STR(a, b)                                                        \
	do {                                                                   \
		const char *a_ = (a), *b_ = (b);                               \
		if (strcmp(a_, b_) != 0) {                                     \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n",    \
			        __FILE__, __LINE__, a_, b_);                   \
			th_failures++;                                         \
		}                                                              \
	} while (0)

#define HYPH_DICT "/usr/share/hyphen/hyph_en_US.dic"

typedef struct th_env {
	layout_fonts fonts;
	sp_diag diag;
	char *msgs;
	size_t msglen;
	FILE *sink;
	layout_text_ctx *t;
} th_env;

static inline void th_open(th_env *e, const uint32_t *lacks, size_t nlacks)
{
	fakefont_init(&e->fonts, lacks, nlacks);
	e->msgs = NULL;
	e->msglen = 0;
	e->sink = open_memstream(&e->msgs, &e->msglen);
	diag_init(&e->diag, e->sink);
	e->t = layout_text_new(&e->fonts, HYPH_DICT, &e->diag);
}

static inline const char *th_messages(th_env *e)
{
	fflush(e->sink);
	return e->msgs ? e->msgs : "";
}

static inline void th_close(th_env *e)
{
	layout_text_free(e->t);
	fclose(e->sink);
	free(e->msgs);
	fakefont_free(&e->fonts);
}

static inline layout_span th_span(const char *text, sp_family fam, int variant,
                                  double size)
{
	layout_span s;
	memset(&s, 0, sizeof s);
	s.text = text;
	s.len = strlen(text);
	s.family = fam;
	s.variant = variant;
	s.size = size;
	s.loc = sp_loc_make("q.yaml", 3, 7);
	return s;
}

static inline layout_para_style th_style(layout_align a, int hyph)
{
	layout_para_style st;
	memset(&st, 0, sizeof st);
	st.align = a;
	st.hyphenate = hyph;
	return st;
}

/* Text of a line: its runs' texts, a space wherever runs are apart. */
static inline void th_line_text(const layout_line *l, sp_buf *b)
{
	buf_clear(b);
	for (size_t i = 0; i < l->nruns; i++) {
		if (i > 0 && l->runs[i].x >
		                 l->runs[i - 1].x + l->runs[i - 1].width + 1e-9)
			buf_putc(b, ' ');
		buf_append(b, l->runs[i].text, l->runs[i].len);
	}
	if (!b->data)
		buf_puts(b, "");
}

/* All lines joined with "|". Caller frees. */
static inline char *th_lines_text(const layout_lines *ls)
{
	sp_buf out = SP_BUF_INIT, b = SP_BUF_INIT;
	for (size_t i = 0; i < ls->n; i++) {
		th_line_text(&ls->lines[i], &b);
		if (i)
			buf_putc(&out, '|');
		buf_append(&out, b.data, b.len);
	}
	buf_free(&b);
	return buf_detach(&out);
}

/* Break one span of body text; returns the lines joined by "|". */
static inline char *th_break(th_env *e, const char *text,
                             const layout_para_style *st, double width,
                             layout_lines *keep)
{
	layout_span s = th_span(text, FAMILY_BODY, VARIANT_REGULAR, 10);
	layout_lines ls;
	layout_break(e->t, &s, 1, st, width, &ls);
	char *r = th_lines_text(&ls);
	if (keep)
		*keep = ls;
	else
		layout_lines_free(&ls);
	return r;
}

#endif
