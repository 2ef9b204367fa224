/* test_labels.c - the template's labels: English defaults, the bundled
 * templates (default.yaml lists every label as it is built in; de.yaml
 * sets every one), the errors of a bad `labels:` mapping at their
 * locations, filling in placeholders; and the hyphenation dictionary a
 * corpus language picks. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "products/labels.h"
#include "products/template.h"
#include "products/typeset.h"
#include "util/buf.h"

/* Load a template from text; messages into *msgs (caller frees). */
static sp_template *load(const char *yaml, char **msgs, unsigned *errors)
{
	size_t n = 0;
	FILE *f = open_memstream(msgs, &n);
	sp_diag d;
	diag_init(&d, f);
	sp_template *t = template_load_bytes("t.yaml", yaml, strlen(yaml), &d);
	fclose(f);
	*errors = d.errors;
	return t;
}

static sp_template *load_file(const char *name)
{
	const char *root = getenv("SP_SOURCE_DIR");
	sp_buf path = SP_BUF_INIT, data = SP_BUF_INIT;
	buf_printf(&path, "%s/templates/%s", root ? root : ".", name);
	CHECK(buf_read_file(&data, path.data, 1 << 20) == 0);
	sp_diag d;
	diag_init(&d, stderr);
	sp_template *t = template_load_bytes(
	    path.data, data.data ? data.data : "", data.len, &d);
	buf_free(&path);
	buf_free(&data);
	return t;
}

static void test_defaults(void)
{
	CHECK_STR(labels_get(NULL, LABEL_WHY), "Why they ask");
	CHECK_STR(labels_get(NULL, LABEL_PAGE_OF), "Page {1} of {2}");
	char *s = labels_fill(NULL, LABEL_PAGE_OF, "3", "9", NULL);
	CHECK_STR(s, "Page 3 of 9");
	free(s);
	s = labels_fill(NULL, LABEL_WS_PAGE_VARIANT, "AB-CD", "1", "2");
	CHECK_STR(s, "Variant AB-CD \xC2\xB7 page 1 of 2");
	free(s);
}

static void test_bundled(void)
{
	sp_template *en = load_file("default.yaml");
	sp_template *de = load_file("de.yaml");
	CHECK(en && de);
	if (!en || !de)
		return;
	for (int i = 0; i < LABEL_N; i++) {
		/* default.yaml: every label, as it is built in */
		CHECK(en->labels.v[i] != NULL);
		CHECK_STR(labels_get(&en->labels, (label_id)i),
		          labels_get(NULL, (label_id)i));
		/* de.yaml: every label, in German */
		CHECK(de->labels.v[i] != NULL);
	}
	CHECK_STR(labels_get(&de->labels, LABEL_WHY), "Warum man das fragt");
	char *s = labels_fill(&de->labels, LABEL_PAGE_OF, "2", "5", NULL);
	CHECK_STR(s, "Seite 2 von 5");
	free(s);
	template_free(en);
	template_free(de);
}

static void test_errors(void)
{
	char *msgs = NULL;
	unsigned errors;
	sp_template *t =
	    load("labels:\n  why: Warum\n  whyy: x\n  nonsense-key: y\n"
	         "  why: again\n  page-of: Seite {1}\n  tip: [a, b]\n",
	         &msgs, &errors);
	CHECK(t == NULL);
	CHECK(errors == 5);
	CHECK(strstr(msgs, "t.yaml:3:3: error: unknown label 'whyy' (did "
	                   "you mean 'why'?)") != NULL);
	CHECK(strstr(msgs, "t.yaml:4:3: error: unknown label 'nonsense-key'") !=
	      NULL);
	CHECK(strstr(msgs, "t.yaml:5:3: error: duplicate key 'why' in labels "
	                   "(first at line 2)") != NULL);
	CHECK(strstr(msgs, "t.yaml:6:12: error: label 'page-of' must keep "
	                   "'{2}'") != NULL);
	CHECK(strstr(msgs, "t.yaml:7:8: error: label 'tip' must be a text") !=
	      NULL);
	free(msgs);
	msgs = NULL;
	t = load("labels: [a]\n", &msgs, &errors);
	CHECK(t == NULL && strstr(msgs, "'labels' must be a mapping"));
	free(msgs);
	msgs = NULL;
	t = load("labels: {why: Warum}\n", &msgs, &errors);
	CHECK(t != NULL && errors == 0);
	if (t) {
		CHECK_STR(labels_get(&t->labels, LABEL_WHY), "Warum");
		CHECK_STR(labels_get(&t->labels, LABEL_ANSWER), "Model answer");
	}
	template_free(t);
	free(msgs);
}

static void test_hyphen_dict(void)
{
	char *p = typeset_hyphen_dict(NULL);
	CHECK_STR(p, "/usr/share/hyphen/hyph_en_US.dic");
	free(p);
	p = typeset_hyphen_dict("en-GB");
	CHECK_STR(p, "/usr/share/hyphen/hyph_en_US.dic");
	free(p);
	p = typeset_hyphen_dict("zz");
	CHECK_STR(p, "/usr/share/hyphen/hyph_en_US.dic");
	free(p);
	if (access("/usr/share/hyphen/hyph_de_DE.dic", R_OK) == 0) {
		p = typeset_hyphen_dict("de");
		CHECK(strstr(p, "/usr/share/hyphen/hyph_de") == p);
		free(p);
		p = typeset_hyphen_dict("de-CH");
		CHECK_STR(p, "/usr/share/hyphen/hyph_de_CH.dic");
		free(p);
		p = typeset_hyphen_dict("DE_de");
		CHECK_STR(p, "/usr/share/hyphen/hyph_de_DE.dic");
		free(p);
	} else {
		fprintf(stderr, "hyphen-de is not installed (scripts/setup)\n");
		failures++;
	}
}

int main(void)
{
	test_defaults();
	test_bundled();
	test_errors();
	test_hyphen_dict();
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
