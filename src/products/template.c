/* template.c - loading and validating page/style templates. */
#include "products/template.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/text.h"
#include "corpus/ytree.h"
#include "util/buf.h"
#include "util/datadir.h"
#include "util/mem.h"

#define MM (72.0 / 25.4)
#define TEMPLATE_MAX_BYTES (1024 * 1024)

typedef struct tctx {
	const char *file;
	sp_diag *d;
	sp_template *t;
	const char *paper;      /* --paper, or NULL */
	unsigned errors_before; /* d->errors when loading began */
	int bad_paper;          /* --paper named no known paper */
} tctx;

static sp_loc node_loc(tctx *c, const ynode *n)
{
	return sp_loc_make(c->file, n->line, n->col);
}

static const char *scalar(const ynode *n)
{
	return n && n->kind == YN_SCALAR ? n->str : NULL;
}

/* The one list of paper names (cards' presets take their sheets from it
 * too). `common`: offered in --help. Millimetres are converted as
 * mm * 72 / 25.4, the way MM_PT does. */
#define PAPER_MM(mm) ((mm)*72.0 / 25.4)
static const struct paper {
	const char *name;
	double w, h; /* points */
	int common;
} papers[] = {{"a4", PAPER_MM(210), PAPER_MM(297), 1},
              {"letter", 612, 792, 1},
              {"a5", PAPER_MM(148), PAPER_MM(210), 1},
              {"a6", PAPER_MM(105), PAPER_MM(148), 0},
              {"half-letter", 396, 612, 1},
              {"legal", 612, 1008, 0}};
#define NPAPERS (sizeof papers / sizeof papers[0])

int template_paper_size(const char *name, double *w, double *h)
{
	for (size_t i = 0; i < NPAPERS; i++)
		if (!strcmp(name, papers[i].name)) {
			*w = papers[i].w;
			*h = papers[i].h;
			return 0;
		}
	return -1;
}

static char paper_names[128];
static pthread_once_t paper_names_once = PTHREAD_ONCE_INIT;

static void list_paper_names(void)
{
	size_t n = 0;
	for (size_t i = 0; i < NPAPERS; i++)
		n += (size_t)snprintf(paper_names + n, sizeof paper_names - n,
		                      "%s%s", i ? ", " : "", papers[i].name);
}

const char *template_paper_names(void)
{
	pthread_once(&paper_names_once, list_paper_names);
	return paper_names;
}

void template_paper_help(char *out, size_t n, int max)
{
	size_t len = 0;
	int shown = 0;
	out[0] = '\0';
	for (size_t i = 0; i < NPAPERS && len < n; i++) {
		if (!papers[i].common)
			continue;
		const char *sep = shown ? ", " : "";
		if (shown == max) {
			snprintf(out + len, n - len, "%s...", sep);
			return;
		}
		len += (size_t)snprintf(out + len, n - len, "%s%s", sep,
		                        papers[i].name);
		shown++;
	}
}

int template_set_paper(sp_template *t, const char *name)
{
	return template_paper_size(name, &t->page_w, &t->page_h);
}

int template_parse_length(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || errno || !isfinite(v) || v < 0 || v > 100000)
		return -1;
	while (*end == ' ')
		end++;
	if (!*end || !strcmp(end, "pt"))
		*out = v;
	else if (!strcmp(end, "mm"))
		*out = v * MM;
	else if (!strcmp(end, "cm"))
		*out = v * 10 * MM;
	else if (!strcmp(end, "in"))
		*out = v * 72;
	else
		return -1;
	return 0;
}

static void set_defaults(sp_template *t)
{
	t->name = xstrdup("default");
	template_paper_size("a4", &t->page_w, &t->page_h);
	t->margin_top = 20 * MM;
	t->margin_bottom = 22 * MM;
	t->margin_inner = 22 * MM;
	t->margin_outer = 20 * MM;
	static const char *const chains[FAMILY_N][3] = {
	    {"Liberation Serif", "DejaVu Serif", "DejaVu Sans"},
	    {"Lato", "Liberation Sans", "DejaVu Sans"},
	    {"Liberation Mono", "DejaVu Sans Mono", "DejaVu Sans"}};
	for (int f = 0; f < FAMILY_N; f++) {
		for (int i = 0; i < 3; i++)
			t->fonts[f][i] = xstrdup(chains[f][i]);
		t->nfonts[f] = 3;
	}
	t->size_body = 10.5;
	t->size_small = 8.5;
	t->size_mono = 9.5;
	t->size_title = 28;
	t->size_h1 = 20;
	t->size_h2 = 12.5;
	t->leading = 1.32;
	t->para_space = 5;
	t->justify = 1;
	t->hyphenate = 1;
	t->smart_punct = 1;
	t->color_text = 0x1a1a1a;
	t->color_accent = 0x1f4e79;
	t->color_muted = 0x5f6368;
	t->color_rule = 0xb8c2cc;
	t->color_shade = 0xeef3f8;
	t->worksheet_minutes = 5;
	t->card_size = 11;
	t->card_min_size = 7;
}

void template_free(sp_template *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->path);
	for (int f = 0; f < FAMILY_N; f++)
		for (int i = 0; i < t->nfonts[f]; i++)
			free(t->fonts[f][i]);
	free(t->card_layout);
	labels_free(&t->labels);
	free(t);
}

/* ---- value readers ---- */

static int want_scalar(tctx *c, const ynode *n, const char *what)
{
	if (scalar(n))
		return 1;
	diag_error(c->d, node_loc(c, n), "'%s' must be a single value", what);
	return 0;
}

static void read_length(tctx *c, const ynode *n, const char *what, double *out)
{
	if (!want_scalar(c, n, what))
		return;
	if (template_parse_length(scalar(n), out))
		diag_error(c->d, node_loc(c, n),
		           "'%s' must be a length such as 12pt, 20mm, 2cm or "
		           "0.5in, not '%s'",
		           what, scalar(n));
}

static void read_number(tctx *c, const ynode *n, const char *what, double lo,
                        double hi, double *out)
{
	if (!want_scalar(c, n, what))
		return;
	char *end;
	double v = strtod(scalar(n), &end);
	if (end == scalar(n) || *end || !isfinite(v) || v < lo || v > hi) {
		diag_error(c->d, node_loc(c, n),
		           "'%s' must be a number from %g to %g", what, lo, hi);
		return;
	}
	*out = v;
}

static void read_bool(tctx *c, const ynode *n, const char *what, int *out)
{
	if (!want_scalar(c, n, what))
		return;
	const char *s = scalar(n);
	if (!strcmp(s, "true") || !strcmp(s, "yes"))
		*out = 1;
	else if (!strcmp(s, "false") || !strcmp(s, "no"))
		*out = 0;
	else
		diag_error(c->d, node_loc(c, n), "'%s' must be true or false",
		           what);
}

static void read_color(tctx *c, const ynode *n, const char *what, sp_color *out)
{
	if (!want_scalar(c, n, what))
		return;
	const char *s = scalar(n);
	size_t len = strlen(s);
	int ok = len == 7 && s[0] == '#';
	for (size_t i = 1; ok && i < 7; i++)
		ok = isxdigit((unsigned char)s[i]) != 0;
	if (!ok) {
		diag_error(c->d, node_loc(c, n),
		           "'%s' must be a colour written #RRGGBB", what);
		return;
	}
	*out = (sp_color)strtoul(s + 1, NULL, 16);
}

static char *read_string(tctx *c, const ynode *n, const char *what)
{
	if (!want_scalar(c, n, what))
		return NULL;
	return xstrdup(scalar(n));
}

/* ---- mappings with known keys ---- */

typedef void (*key_fn)(tctx *c, const char *key, const ynode *v);

static void unknown_key(tctx *c, const ynode *k, const char *what,
                        const char *const *known)
{
	const char *best = NULL;
	size_t bd = (size_t)-1;
	for (size_t i = 0; known[i]; i++) {
		size_t dd = text_distance(scalar(k), known[i]);
		if (dd < bd) {
			bd = dd;
			best = known[i];
		}
	}
	size_t limit = strlen(scalar(k)) <= 3 ? 1 : 2;
	if (best && bd > 0 && bd <= limit)
		diag_error(c->d, node_loc(c, k),
		           "unknown key '%.60s' in %s (did you mean '%s'?)",
		           scalar(k), what, best);
	else
		diag_error(c->d, node_loc(c, k), "unknown key '%.60s' in %s",
		           scalar(k), what);
}

#define TEMPLATE_MAX_KEYS 16 /* known keys of one mapping, at most */

/* A key given twice in one mapping is an error at the second, as in the
 * corpus. seen[j] is the first key node of known key j. Returns 1 when
 * k repeats it. */
static int duplicate_key(tctx *c, const ynode *k, const char *what,
                         const ynode **seen, size_t j)
{
	if (j >= TEMPLATE_MAX_KEYS)
		return 0;
	if (!seen[j]) {
		seen[j] = k;
		return 0;
	}
	diag_error(c->d, node_loc(c, k),
	           "duplicate key '%.60s' in %s (first at line %u)", scalar(k),
	           what, seen[j]->line);
	return 1;
}

static void each_key(tctx *c, const ynode *map, const char *what,
                     const char *const *known, key_fn fn)
{
	const ynode *seen[TEMPLATE_MAX_KEYS] = {0};
	if (map->kind != YN_MAP) {
		diag_error(c->d, node_loc(c, map), "'%s' must be a mapping",
		           what);
		return;
	}
	for (size_t i = 0; i < (map->n / 2); i++) {
		const ynode *k = map->items[2 * i];
		const ynode *v = map->items[2 * i + 1];
		if (!scalar(k)) {
			diag_error(c->d, node_loc(c, k),
			           "a key must be a string");
			continue;
		}
		size_t j = 0;
		while (known[j] && strcmp(known[j], scalar(k)))
			j++;
		if (!known[j])
			unknown_key(c, k, what, known);
		else if (!duplicate_key(c, k, what, seen, j))
			fn(c, scalar(k), v);
	}
}

static void margins_key(tctx *c, const char *k, const ynode *v)
{
	sp_template *t = c->t;
	double *dst = !strcmp(k, "top")      ? &t->margin_top
	              : !strcmp(k, "bottom") ? &t->margin_bottom
	              : !strcmp(k, "inner")  ? &t->margin_inner
	                                     : &t->margin_outer;
	read_length(c, v, k, dst);
}

static void sizes_key(tctx *c, const char *k, const ynode *v)
{
	sp_template *t = c->t;
	double *dst = !strcmp(k, "body")    ? &t->size_body
	              : !strcmp(k, "small") ? &t->size_small
	              : !strcmp(k, "mono")  ? &t->size_mono
	              : !strcmp(k, "title") ? &t->size_title
	              : !strcmp(k, "h1")    ? &t->size_h1
	                                    : &t->size_h2;
	read_number(c, v, k, 4, 96, dst);
}

static void colors_key(tctx *c, const char *k, const ynode *v)
{
	sp_template *t = c->t;
	sp_color *dst = !strcmp(k, "text")     ? &t->color_text
	                : !strcmp(k, "accent") ? &t->color_accent
	                : !strcmp(k, "muted")  ? &t->color_muted
	                : !strcmp(k, "rule")   ? &t->color_rule
	                                       : &t->color_shade;
	read_color(c, v, k, dst);
}

static void fonts_key(tctx *c, const char *k, const ynode *v)
{
	int f = !strcmp(k, "body")      ? FAMILY_BODY
	        : !strcmp(k, "heading") ? FAMILY_HEADING
	                                : FAMILY_MONO;
	if (v->kind != YN_SEQ || v->n == 0) {
		diag_error(c->d, node_loc(c, v),
		           "'%s' must be a list of font families (a fallback "
		           "chain), main font first",
		           k);
		return;
	}
	sp_template *t = c->t;
	for (int i = 0; i < t->nfonts[f]; i++)
		free(t->fonts[f][i]);
	t->nfonts[f] = 0;
	for (size_t it = 0; it < v->n; it++) {
		const ynode *n = v->items[it];
		if (t->nfonts[f] == FONT_MAX_CHAIN - 1) {
			diag_error(c->d, node_loc(c, n),
			           "a fallback chain has at most %d fonts",
			           FONT_MAX_CHAIN - 1);
			break;
		}
		char *s = read_string(c, n, k);
		if (s) {
			t->font_locs[f][t->nfonts[f]] = node_loc(c, n);
			t->fonts[f][t->nfonts[f]++] = s;
		}
	}
}

static void card_key(tctx *c, const char *k, const ynode *v)
{
	sp_card_spec *cs = &c->t->card;
	if (!strcmp(k, "columns") || !strcmp(k, "rows")) {
		double n = 0;
		read_number(c, v, k, 1, 20, &n);
		if (n != floor(n))
			diag_error(c->d, node_loc(c, v),
			           "'%s' must be a whole number", k);
		*(!strcmp(k, "columns") ? &cs->cols : &cs->rows) = (int)n;
		return;
	}
	double *dst = !strcmp(k, "width")      ? &cs->card_w
	              : !strcmp(k, "height")   ? &cs->card_h
	              : !strcmp(k, "gutter-x") ? &cs->gutter_x
	              : !strcmp(k, "gutter-y") ? &cs->gutter_y
	              : !strcmp(k, "margin-x") ? &cs->margin_x
	                                       : &cs->margin_y;
	read_length(c, v, k, dst);
}

static void cards_key(tctx *c, const char *k, const ynode *v)
{
	static const char *const card_keys[] = {
	    "width",    "height",   "columns",  "rows", "gutter-x",
	    "gutter-y", "margin-x", "margin-y", NULL};
	if (!strcmp(k, "layout")) {
		c->t->card_loc = node_loc(c, v);
		free(c->t->card_layout);
		c->t->card_layout = read_string(c, v, k);
	} else if (!strcmp(k, "size")) {
		read_number(c, v, k, 4, 48, &c->t->card_size);
	} else if (!strcmp(k, "min-size")) {
		read_number(c, v, k, 4, 48, &c->t->card_min_size);
	} else {
		c->t->card_loc = node_loc(c, v);
		c->t->card.margin_x = c->t->card.margin_y = -1;
		each_key(c, v, "card", card_keys, card_key);
	}
}

static void typography_key(tctx *c, const char *k, const ynode *v)
{
	(void)k; /* the one key: smart-punctuation */
	read_bool(c, v, "smart-punctuation", &c->t->smart_punct);
}

static void worksheet_key(tctx *c, const char *k, const ynode *v)
{
	double m = 5;
	read_number(c, v, k, 1, 60, &m);
	c->t->worksheet_minutes = (int)m;
}

static void paper_value(tctx *c, const ynode *v)
{
	if (scalar(v)) {
		if (template_set_paper(c->t, scalar(v)))
			diag_error(
			    c->d, node_loc(c, v),
			    "unknown paper '%s' (known: %s; or a mapping "
			    "with width and height)",
			    scalar(v), template_paper_names());
		return;
	}
	if (v->kind != YN_MAP) {
		diag_error(c->d, node_loc(c, v),
		           "'paper' must be a name or {width, height}");
		return;
	}
	const ynode *seen[TEMPLATE_MAX_KEYS] = {0};
	for (size_t i = 0; i < (v->n / 2); i++) {
		const ynode *k = v->items[2 * i];
		const ynode *val = v->items[2 * i + 1];
		const char *ks = scalar(k);
		int size =
		    ks && (!strcmp(ks, "width") || !strcmp(ks, "height"));
		if (size && duplicate_key(c, k, "paper", seen, ks[0] == 'h'))
			continue;
		if (ks && !strcmp(ks, "width"))
			read_length(c, val, "width", &c->t->page_w);
		else if (ks && !strcmp(ks, "height"))
			read_length(c, val, "height", &c->t->page_h);
		else
			diag_error(c->d, node_loc(c, k),
			           "'paper' takes only width and height");
	}
	if (c->t->page_w < 144 || c->t->page_h < 144)
		diag_error(c->d, node_loc(c, v),
		           "the paper must be at least 2in (144pt) each way");
	else if (c->t->page_w > 14400 || c->t->page_h > 14400)
		diag_error(
		    c->d, node_loc(c, v),
		    "the paper must be at most 200in (14400pt) each way, "
		    "the largest page PDF readers accept");
}

static void top_key(tctx *c, const char *k, const ynode *v)
{
	static const char *const margin_keys[] = {"top", "bottom", "inner",
	                                          "outer", NULL};
	static const char *const size_keys[] = {
	    "body", "small", "mono", "title", "h1", "h2", NULL};
	static const char *const color_keys[] = {"text", "accent", "muted",
	                                         "rule", "shade",  NULL};
	static const char *const font_keys[] = {"body", "heading", "mono",
	                                        NULL};
	static const char *const card_keys[] = {"layout", "size", "min-size",
	                                        "card", NULL};
	static const char *const ws_keys[] = {"minutes", NULL};
	static const char *const typo_keys[] = {"smart-punctuation", NULL};
	if (!strcmp(k, "name")) {
		char *s = read_string(c, v, k);
		if (s) {
			free(c->t->name);
			c->t->name = s;
		}
	} else if (!strcmp(k, "paper"))
		paper_value(c, v);
	else if (!strcmp(k, "margins"))
		each_key(c, v, k, margin_keys, margins_key);
	else if (!strcmp(k, "fonts"))
		each_key(c, v, k, font_keys, fonts_key);
	else if (!strcmp(k, "sizes"))
		each_key(c, v, k, size_keys, sizes_key);
	else if (!strcmp(k, "colors"))
		each_key(c, v, k, color_keys, colors_key);
	else if (!strcmp(k, "leading"))
		read_number(c, v, k, 0.8, 3, &c->t->leading);
	else if (!strcmp(k, "paragraph-space"))
		read_length(c, v, k, &c->t->para_space);
	else if (!strcmp(k, "justify"))
		read_bool(c, v, k, &c->t->justify);
	else if (!strcmp(k, "hyphenate"))
		read_bool(c, v, k, &c->t->hyphenate);
	else if (!strcmp(k, "cards"))
		each_key(c, v, k, card_keys, cards_key);
	else if (!strcmp(k, "worksheet"))
		each_key(c, v, k, ws_keys, worksheet_key);
	else if (!strcmp(k, "labels"))
		labels_read(&c->t->labels, v, c->file, c->d);
	else if (!strcmp(k, "typography"))
		each_key(c, v, k, typo_keys, typography_key);
}

static void check_geometry(tctx *c, const ynode *root)
{
	sp_template *t = c->t;
	int cramped = t->margin_top + t->margin_bottom > t->page_h - 72 ||
	              t->margin_inner + t->margin_outer > t->page_w - 72;
	if (cramped && t->paper_override)
		diag_error(c->d, node_loc(c, root),
		           "the margins leave less than 1in (72pt) of the page "
		           "for text on --paper %s",
		           c->paper);
	else if (cramped)
		diag_error(c->d, node_loc(c, root),
		           "the margins leave less than 1in (72pt) of the page "
		           "for text");
	if (t->card_min_size > t->card_size)
		diag_error(c->d, node_loc(c, root),
		           "cards: 'min-size' is larger than 'size'");
}

/* --paper, when the file has no errors. */
static void apply_paper(tctx *c)
{
	if (!c->paper || c->d->errors != c->errors_before)
		return;
	if (template_set_paper(c->t, c->paper)) {
		diag_error(c->d, sp_loc_make(NULL, 0, 0),
		           "unknown paper '%s' (known: %s)", c->paper,
		           template_paper_names());
		c->bad_paper = 1;
		return;
	}
	c->t->paper_override = 1;
}

static void load_document(tctx *c, const ynode *root)
{
	static const char *const keys[] = {
	    "name",   "paper",     "margins",         "fonts",      "sizes",
	    "colors", "leading",   "paragraph-space", "justify",    "hyphenate",
	    "cards",  "worksheet", "labels",          "typography", NULL};
	if (!root) {
		diag_error(c->d, sp_loc_make(c->file, 1, 1),
		           "the template is empty");
		return;
	}
	each_key(c, root, "template", keys, top_key);
	/* --paper replaces the file's paper first: the margins are checked
	 * on the paper that is printed */
	apply_paper(c);
	check_geometry(c, root);
}

static void template_yaml_error(void *ctx, sp_severity sev, unsigned line,
                                unsigned col, const char *msg)
{
	tctx *c = ctx;
	diag_report(c->d, sev, sp_loc_make(c->file, line, col), "%s", msg);
}

/* The template of data (its locations name file), with paper applied;
 * NULL after reporting, *bad_paper set when only the paper was wrong. */
static sp_template *load_bytes(const char *file, const char *data, size_t len,
                               const char *paper, sp_diag *d, int *bad_paper)
{
	sp_template *t = xcalloc(1, sizeof *t);
	set_defaults(t);
	t->path = xstrdup(file);
	file = t->path;
	tctx c = {file, d, t, paper, d->errors, 0};
	ytree tree;
	memset(&tree, 0, sizeof tree);
	if (ytree_parse(&tree, data, len, template_yaml_error, &c) == 0)
		load_document(&c, tree.root);
	ytree_free(&tree);
	*bad_paper = c.bad_paper;
	if (d->errors != c.errors_before) {
		template_free(t);
		return NULL;
	}
	return t;
}

sp_template *template_load_bytes(const char *file, const char *data, size_t len,
                                 sp_diag *d)
{
	int bad_paper;
	return load_bytes(file, data, len, NULL, d, &bad_paper);
}

static char *resolve_name(const char *name)
{
	if (strchr(name, '/') || strstr(name, ".yaml") || strstr(name, ".yml"))
		return xstrdup(name);
	char *dir = sp_data_path("templates");
	if (!dir)
		return NULL;
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s/%s.yaml", dir, name);
	free(dir);
	return buf_detach(&b);
}

sp_template *template_open(const char *name_or_path, const char *paper,
                           sp_diag *d, product_status *status)
{
	const char *name = name_or_path ? name_or_path : "default";
	*status = PRODUCT_IO;
	char *path = resolve_name(name);
	if (!path) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot find the bundled templates directory");
		return NULL;
	}
	sp_buf b = SP_BUF_INIT;
	if (buf_read_file(&b, path, TEMPLATE_MAX_BYTES) != 0) {
		diag_error(d, sp_loc_make(path, 0, 0),
		           "cannot read template '%s': %s", name,
		           errno == EFBIG ? "larger than 1 MB"
		                          : buf_strerror(errno));
		free(path);
		buf_free(&b);
		return NULL;
	}
	int bad_paper = 0;
	sp_template *t = load_bytes(path, b.data, b.len, paper, d, &bad_paper);
	buf_free(&b);
	free(path);
	*status = t ? PRODUCT_OK : bad_paper ? PRODUCT_USAGE : PRODUCT_INVALID;
	return t;
}
