/* segment.c - grapheme clusters (utf8proc), face resolution, widths and
 * break opportunities of a paragraph.
 *
 * Widths are the font's advances code point by code point; tx_shape
 * (shaperuns.c) then replaces them with shaped ones when the device
 * shapes. */
#include "layout/segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/mem.h"

enum { TAB_SPACES = 4, URL_MIN_CHARS = 12, CODE_MIN_CHARS = 8 };

const char *tx_family_name(int family)
{
	switch (family) {
	case FAMILY_HEADING:
		return "heading";
	case FAMILY_MONO:
		return "mono";
	default:
		return "body";
	}
}

void tx_para_free(tx_para *p)
{
	free(p->c);
	p->c = NULL;
	p->n = p->cap = 0;
	free(p->g);
	p->g = NULL;
	p->ng = p->capg = 0;
}

static int invisible(uint32_t cp)
{
	const utf8proc_property_t *pr = utf8proc_get_property((int32_t)cp);
	return pr->ignorable || pr->category == UTF8PROC_CATEGORY_CC;
}

static int no_break_space(uint32_t cp)
{
	return cp == 0x00A0 || cp == 0x202F || cp == 0x2007;
}

/* ---- warnings, once per code point per location ---- */

static size_t warn_hash(const sp_loc *l, uint32_t cp)
{
	uint64_t x = (uint64_t)(uintptr_t)l->file * 0x9E3779B97F4A7C15ull;
	x ^= ((uint64_t)l->line << 32 | l->col) * 0xC2B2AE3D27D4EB4Full;
	x ^= (uint64_t)cp * 0x165667B19E3779F9ull;
	return (size_t)(x ^ (x >> 29));
}

static tx_warned *warn_slot(tx_warned *tab, size_t cap, const sp_loc *l,
                            uint32_t cp)
{
	size_t i = warn_hash(l, cp) & (cap - 1);
	while (tab[i].used &&
	       !(tab[i].file == l->file && tab[i].line == l->line &&
	         tab[i].col == l->col && tab[i].cp == cp))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

/* Returns 1 the first time (loc, cp) is seen. */
static int warn_first(layout_text_ctx *t, const sp_loc *l, uint32_t cp)
{
	if ((t->nwarned + 1) * 2 > t->capwarned) {
		size_t ncap = t->capwarned ? t->capwarned * 2 : 64;
		tx_warned *nt = xcalloc(ncap, sizeof *nt);
		for (size_t i = 0; i < t->capwarned; i++)
			if (t->warned[i].used) {
				sp_loc o = {t->warned[i].file,
				            t->warned[i].line,
				            t->warned[i].col};
				*warn_slot(nt, ncap, &o, t->warned[i].cp) =
				    t->warned[i];
			}
		free(t->warned);
		t->warned = nt;
		t->capwarned = ncap;
	}
	tx_warned *w = warn_slot(t->warned, t->capwarned, l, cp);
	if (w->used)
		return 0;
	w->file = l->file;
	w->line = l->line;
	w->col = l->col;
	w->cp = cp;
	w->used = 1;
	t->nwarned++;
	return 1;
}

void layout_text_set_loc(layout_text_ctx *t, sp_loc loc)
{
	t->loc = loc;
}

static void warn_missing(layout_text_ctx *t, const layout_span *s, uint32_t cp)
{
	if (t->helper) {
		t->would_warn = 1;
		return;
	}
	/* the span's own place, or the one set for text without any */
	sp_loc loc = s->loc.file || s->loc.line ? s->loc : t->loc;
	if (!t->diag || !warn_first(t, &loc, cp))
		return;
	if (cp > 0xFFFF && !t->fonts->ops->shape) {
		diag_warning(t->diag, loc,
		             "character U+%04lX is outside the Basic "
		             "Multilingual Plane and cannot be drawn; drawn "
		             "as U+%04lX",
		             (unsigned long)cp,
		             (unsigned long)t->fonts->subst_cp);
		return;
	}
	utf8proc_uint8_t u[8] = {0};
	utf8proc_encode_char((utf8proc_int32_t)cp, u);
	diag_warning(t->diag, loc,
	             "character U+%04lX '%s' has no glyph in the fonts of %s; "
	             "drawn as U+%04lX",
	             (unsigned long)cp, (const char *)u,
	             tx_family_name(s->family),
	             (unsigned long)t->fonts->subst_cp);
}

/* ---- clusters ---- */

static tx_cluster *push(tx_para *p, uint32_t si, size_t off, size_t len)
{
	p->c = xgrow(p->c, &p->cap, p->n + 1, sizeof *p->c);
	tx_cluster *c = &p->c[p->n++];
	memset(c, 0, sizeof *c);
	c->span = si;
	c->off = (uint32_t)off;
	c->len = (uint32_t)len;
	c->face = -1;
	return c;
}

static double pts(int units, double size)
{
	return units * size / 1000.0;
}

/* A space: its own glyph in the first face that has it, else U+0020. */
static void resolve_space(layout_text_ctx *t, const layout_span *s,
                          tx_cluster *c, uint32_t cp)
{
	int n;
	const int *ch = glyph_chain(t->fonts, s->family, s->variant, &n);
	uint32_t try[2] = {cp, 0x20};
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < n; i++) {
			int a = glyph_advance(t->glyphs, ch[i], try[k]);
			if (a >= 0) {
				c->face = (int16_t)ch[i];
				c->cp = try[k];
				c->width = pts(a, s->size);
				return;
			}
		}
	c->face = (int16_t)(n ? ch[0] : t->fonts->subst_face);
	c->cp = 0x20;
	c->width = pts(250, s->size);
}

static void subst(layout_text_ctx *t, const layout_span *s, tx_cluster *c)
{
	int a =
	    glyph_advance(t->glyphs, t->fonts->subst_face, t->fonts->subst_cp);
	c->kind = CL_SUBST;
	c->face = (int16_t)t->fonts->subst_face;
	c->width = pts(a >= 0 ? a : 500, s->size);
}

/* Warn about the code points of a cluster no single face could draw. */
static void warn_cluster(layout_text_ctx *t, const layout_span *s,
                         const uint32_t *cps, size_t n, const int *ch, int nch)
{
	int warned = 0;
	for (size_t k = 0; k < n; k++) {
		int found = 0;
		for (int i = 0; i < nch && !found; i++)
			found = glyph_advance(t->glyphs, ch[i], cps[k]) >= 0;
		if (!found) {
			warn_missing(t, s, cps[k]);
			warned = 1;
		}
	}
	/* every code point exists somewhere, but not together in one face */
	for (size_t k = 0; !warned && k < n; k++)
		if (nch == 0 || glyph_advance(t->glyphs, ch[0], cps[k]) < 0) {
			warn_missing(t, s, cps[k]);
			warned = 1;
		}
	if (!warned && n)
		warn_missing(t, s, cps[0]);
}

/* Drawn by the first face of the chain that has all visible code points. */
static void resolve_text(layout_text_ctx *t, const layout_span *s,
                         tx_cluster *c, const uint32_t *cps, size_t n)
{
	int astral = 0;
	for (size_t k = 0; k < n && !t->fonts->ops->shape; k++)
		if (cps[k] > 0xFFFF) {
			warn_missing(t, s, cps[k]);
			astral = 1;
		}
	if (astral) {
		subst(t, s, c);
		return;
	}
	int nch;
	const int *ch = glyph_chain(t->fonts, s->family, s->variant, &nch);
	for (int i = 0; i < nch; i++) {
		long sum = 0;
		size_t k = 0;
		for (; k < n; k++) {
			int a = glyph_advance(t->glyphs, ch[i], cps[k]);
			if (a < 0)
				break;
			sum += a;
		}
		if (k == n) {
			c->kind = CL_TEXT;
			c->face = (int16_t)ch[i];
			c->width = sum * s->size / 1000.0;
			return;
		}
	}
	warn_cluster(t, s, cps, n, ch, nch);
	subst(t, s, c);
}

static uint8_t cluster_flags(uint32_t cp, size_t nvis, int single)
{
	const utf8proc_property_t *pr = utf8proc_get_property((int32_t)cp);
	int cat = pr->category;
	uint8_t f = 0;
	int letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
	if (letter && single && nvis == 1 && cp < 0x250 &&
	    cat != UTF8PROC_CATEGORY_LO && cat != UTF8PROC_CATEGORY_LM)
		f |= CF_LETTER;
	if (letter || cat == UTF8PROC_CATEGORY_ND)
		f |= CF_ALNUM;
	if (cat == UTF8PROC_CATEGORY_ND || cat == UTF8PROC_CATEGORY_NL ||
	    cat == UTF8PROC_CATEGORY_NO)
		f |= CF_DIGIT;
	if (utf8proc_charwidth((int32_t)cp) == 2) {
		f |= CF_WIDE;
		if (cat == UTF8PROC_CATEGORY_PE ||
		    cat == UTF8PROC_CATEGORY_PO ||
		    cat == UTF8PROC_CATEGORY_PF || cp == 0x30FC)
			f |= CF_NOSTART;
		if (cat == UTF8PROC_CATEGORY_PS || cat == UTF8PROC_CATEGORY_PI)
			f |= CF_NOEND;
	}
	if (cp == '/')
		f |= CF_SLASH;
	if (single &&
	    (cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014))
		f |= CF_DASH;
	return f;
}

/* cluster_flags of a printable ASCII character alone in its cluster,
 * without utf8proc's tables (most of any corpus is ASCII). */
static uint8_t ascii_flags(uint32_t cp)
{
	if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
		return CF_LETTER | CF_ALNUM;
	if (cp >= '0' && cp <= '9')
		return CF_ALNUM | CF_DIGIT;
	return cp == '/' ? CF_SLASH : cp == '-' ? CF_DASH : 0;
}

/* resolve_text for printable ASCII character cp alone, from the table of
 * the span's family and variant (filled on first use). Returns 0 when the
 * table cannot say (no face has it: resolve_text warns). */
static int ascii_known(layout_text_ctx *t, const layout_span *s, tx_cluster *c,
                       uint32_t cp)
{
	if ((unsigned)s->family >= FAMILY_N ||
	    (unsigned)s->variant >= VARIANT_N)
		return 0;
	int16_t *face = &t->ascii_face[s->family][s->variant][cp];
	int16_t *adv = &t->ascii_adv[s->family][s->variant][cp];
	if (!*face) {
		int nch;
		const int *ch =
		    glyph_chain(t->fonts, s->family, s->variant, &nch);
		*face = -1;
		for (int i = 0; i < nch; i++) {
			int a = glyph_advance(t->glyphs, ch[i], cp);
			if (a >= 0 && a <= INT16_MAX && ch[i] < INT16_MAX) {
				*face = (int16_t)(ch[i] + 1);
				*adv = (int16_t)a;
				break;
			}
			if (a >= 0)
				break; /* out of the table's range: the long way
				        */
		}
	}
	if (*face < 0)
		return 0;
	long sum = *adv; /* as resolve_text sums advances */
	c->kind = CL_TEXT;
	c->face = (int16_t)(*face - 1);
	c->width = sum * s->size / 1000.0;
	return 1;
}

/* A cluster of one printable ASCII byte or a plain space: the result of
 * add_cluster, taken the short way. Returns 0 for any other cluster. */
static int add_ascii(layout_text_ctx *t, const layout_span *s, uint32_t si,
                     size_t off, size_t len, tx_para *p)
{
	uint32_t cp = (uint8_t)s->text[off];
	if (len != 1 || cp < 0x20 || cp > 0x7E)
		return 0;
	tx_cluster *c = push(p, si, off, len);
	c->cp = cp;
	if (cp == ' ') {
		if (!ascii_known(t, s, c, cp))
			resolve_space(t, s, c, cp);
		c->kind = CL_SPACE;
		return 1;
	}
	c->flags = ascii_flags(cp);
	if (!ascii_known(t, s, c, cp))
		resolve_text(t, s, c, &cp, 1);
	return 1;
}

typedef struct cps_buf {
	uint32_t *v;
	size_t n, cap;
} cps_buf;

/* One cluster: classify it, resolve its face, push it (a tab may push
 * several spaces). */
static void add_cluster(layout_text_ctx *t, const layout_span *spans,
                        uint32_t si, size_t off, size_t len, int preserve,
                        tx_para *p, cps_buf *cb)
{
	const layout_span *s = &spans[si];
	if (add_ascii(t, s, si, off, len, p))
		return;
	const uint8_t *u = (const uint8_t *)s->text + off;
	size_t i = 0, ncp = 0;
	uint32_t first = 0;
	cb->n = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			cp = 0xFFFD; /* invalid input: visible substitute */
			k = 1;
		}
		i += (size_t)k;
		if (ncp++ == 0)
			first = (uint32_t)cp;
		if (invisible((uint32_t)cp) && cp != '\t')
			continue;
		cb->v = xgrow(cb->v, &cb->cap, cb->n + 1, sizeof *cb->v);
		cb->v[cb->n++] = (uint32_t)cp;
	}
	if (first == '\t') {
		int reps = preserve ? TAB_SPACES : 1;
		for (int r = 0; r < reps; r++) {
			tx_cluster *c = push(p, si, off, len);
			c->kind = CL_SPACE;
			resolve_space(t, s, c, 0x20);
		}
		return;
	}
	tx_cluster *c = push(p, si, off, len);
	c->cp = first;
	if (first == '\n' || first == '\r' || first == 0x2028 ||
	    first == 0x2029 || first == 0x0085) {
		if (preserve || first == 0x2028 || first == 0x2029) {
			c->kind = CL_IGNORE;
			c->brk = BRK_FORCED;
		} else {
			c->kind = CL_SPACE;
			resolve_space(t, s, c, 0x20);
		}
		return;
	}
	if (ncp == 1 && cb->n == 1 &&
	    utf8proc_category((int32_t)first) == UTF8PROC_CATEGORY_ZS) {
		c->kind = no_break_space(first) ? CL_FIXED : CL_SPACE;
		resolve_space(t, s, c, first);
		return;
	}
	if (cb->n == 0) {
		c->kind = CL_IGNORE;
		if (first == 0x200B)
			c->brk = BRK_ZWSP;
		else if (first == 0x00AD)
			c->brk = BRK_SOFT;
		return;
	}
	c->flags = cluster_flags(cb->v[0], cb->n, ncp == 1);
	for (size_t k = 1; k < cb->n; k++)
		if (cluster_flags(cb->v[k], 1, 0) & CF_DIGIT)
			c->flags |= CF_DIGIT;
	resolve_text(t, s, c, cb->v, cb->n);
}

/* The code point at u (U+FFFD for an invalid sequence, taking one byte);
 * returns its length in bytes. */
static utf8proc_ssize_t next_cp(const uint8_t *u, size_t n,
                                utf8proc_int32_t *cp)
{
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	utf8proc_ssize_t k = utf8proc_iterate(u, (utf8proc_ssize_t)n, cp);
	if (k <= 0) {
		*cp = 0xFFFD;
		k = 1;
	}
	return k;
}

/* A grapheme cluster boundary between a and b (UAX #29). Between two
 * ASCII characters there is one except inside CR LF; and since no ASCII
 * character continues an emoji or regional-indicator sequence, the state
 * restarts after one, as utf8proc would leave it. */
static int cluster_break(utf8proc_int32_t a, utf8proc_int32_t b,
                         utf8proc_int32_t *state)
{
	if (a < 0x80 && b < 0x80) {
		*state = 0;
		return !(a == '\r' && b == '\n');
	}
	return utf8proc_grapheme_break_stateful(a, b, state);
}

static void split_span(layout_text_ctx *t, const layout_span *spans,
                       uint32_t si, int preserve, tx_para *p, cps_buf *cb)
{
	const uint8_t *u = (const uint8_t *)spans[si].text;
	size_t len = spans[si].len, i = 0, start = 0;
	utf8proc_int32_t prev = -1, state = 0;
	if (!u)
		return;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = next_cp(u + i, len - i, &cp);
		if (prev >= 0 && cluster_break(prev, cp, &state)) {
			add_cluster(t, spans, si, start, i - start, preserve, p,
			            cb);
			start = i;
		}
		if (prev < 0)
			state = 0;
		prev = cp;
		i += (size_t)k;
	}
	if (i > start)
		add_cluster(t, spans, si, start, i - start, preserve, p, cb);
}

/* ---- break opportunities inside words ---- */

static int word_is_url(const tx_para *p, const layout_span *spans, size_t ws,
                       size_t we)
{
	int slash = 0, link = 0;
	size_t vis = 0;
	for (size_t k = ws; k < we; k++) {
		const tx_cluster *c = &p->c[k];
		slash |= (c->flags & CF_SLASH) != 0;
		const char *l = spans[c->span].link;
		link |= l && l[0] != '#';
		vis += c->kind != CL_IGNORE;
	}
	return slash && (link || vis > URL_MIN_CHARS);
}

/* A long word set in the code face (an identifier, a call, a path): it
 * may break without a hyphen after the punctuation that separates its
 * parts (. _ / ( , :: =) and before the capital of a camelCase hump, so
 * that one long identifier does not leave the line before it loose or
 * overfull. */
static int is_mono(const tx_para *p, const layout_span *spans, size_t k)
{
	return spans[p->c[k].span].family == FAMILY_MONO;
}

/* The word holds a run of code longer than CODE_MIN_CHARS (punctuation of
 * the prose around it, a comma after a call, may touch it). */
static int word_is_code(const tx_para *p, const layout_span *spans, size_t ws,
                        size_t we)
{
	size_t vis = 0;
	for (size_t k = ws; k < we; k++) {
		if (!is_mono(p, spans, k)) {
			vis = 0;
			continue;
		}
		vis += p->c[k].kind != CL_IGNORE;
		if (vis > CODE_MIN_CHARS)
			return 1;
	}
	return 0;
}

static int code_separator(uint32_t cp)
{
	return cp == '_' || cp == '.' || cp == '=' || cp == ',' || cp == '(' ||
	       cp == '/' || cp == ':';
}

/* camelCase: a lowercase letter, then a capital (break before it). */
static int camel_hump(uint32_t a, uint32_t b)
{
	return utf8proc_category((utf8proc_int32_t)a) == UTF8PROC_CATEGORY_LL &&
	       utf8proc_category((utf8proc_int32_t)b) == UTF8PROC_CATEGORY_LU;
}

/* Hangul (syllables, jamo, compatibility jamo): Korean is set with
 * spaces between words and broken there, as a Korean typesetter does
 * (CSS's word-break: keep-all), not between any two syllables. */
static int is_hangul(uint32_t cp)
{
	return (cp >= 0xAC00 && cp <= 0xD7FF) ||
	       (cp >= 0x1100 && cp <= 0x11FF) ||
	       (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F);
}

static uint8_t inner_break(const tx_para *p, size_t ws, size_t k, int url,
                           int code)
{
	const tx_cluster *c = &p->c[k], *nx = &p->c[k + 1];
	if (c->brk == BRK_ZWSP || c->brk == BRK_SOFT)
		return k > ws ? c->brk : BRK_NONE;
	if ((c->flags & CF_DASH) && k > ws && !(nx->flags & CF_DASH)) {
		int dash = c->cp == 0x2013 || c->cp == 0x2014;
		if (dash || (p->c[k - 1].flags & CF_ALNUM))
			return BRK_HYPHEN;
	}
	if (url && (c->flags & CF_SLASH) && !(nx->flags & CF_SLASH))
		return BRK_URL;
	if (code && k > ws && code_separator(c->cp) &&
	    !code_separator(nx->cp) && nx->cp != ')' && nx->cp != ']')
		return BRK_URL;
	if (code && camel_hump(c->cp, nx->cp))
		return BRK_URL;
	if ((c->flags & CF_WIDE) && (nx->flags & CF_WIDE) &&
	    !(nx->flags & CF_NOSTART) && !(c->flags & CF_NOEND) &&
	    !is_hangul(c->cp) && !is_hangul(nx->cp))
		return BRK_CJK;
	return BRK_NONE;
}

static void set_breaks(tx_para *p, const layout_span *spans, int preserve)
{
	size_t i = 0;
	while (i < p->n) {
		if (p->c[i].kind == CL_SPACE) {
			i++;
			continue;
		}
		size_t ws = i, we = i;
		while (we < p->n && p->c[we].kind != CL_SPACE &&
		       p->c[we].brk != BRK_FORCED)
			we++;
		if (we < p->n && p->c[we].brk == BRK_FORCED)
			we++; /* the forced break closes its word */
		int url = !preserve && word_is_url(p, spans, ws, we);
		int code = !preserve && word_is_code(p, spans, ws, we);
		for (size_t k = ws; k < we; k++) {
			tx_cluster *c = &p->c[k];
			if (c->brk == BRK_FORCED)
				continue;
			if (k + 1 >= we || p->c[k + 1].brk == BRK_FORCED ||
			    preserve || p->c[k + 1].lig)
				c->brk = BRK_NONE;
			else
				c->brk =
				    inner_break(p, ws, k, url,
				                code && is_mono(p, spans, k) &&
				                    is_mono(p, spans, k + 1));
		}
		i = we;
	}
}

void tx_analyze(layout_text_ctx *t, const layout_span *spans, size_t nspans,
                int preserve_space, tx_para *p)
{
	cps_buf cb = {t->cps, 0, t->capcps};
	p->n = 0;
	for (size_t si = 0; si < nspans; si++)
		split_span(t, spans, (uint32_t)si, preserve_space, p, &cb);
	t->cps = cb.v; /* kept for the next paragraph */
	t->capcps = cb.cap;
	tx_bidi(p);
	tx_shape(t, spans, p);
	set_breaks(p, spans, preserve_space);
}

void tx_cluster_text(const layout_text_ctx *t, const layout_span *spans,
                     const tx_cluster *c, sp_buf *b)
{
	switch (c->kind) {
	case CL_SPACE:
	case CL_FIXED:
		buf_put_utf8(b, c->cp);
		return;
	case CL_SUBST:
		buf_put_utf8(b, t->fonts->subst_cp);
		return;
	case CL_IGNORE:
		return;
	default:
		break;
	}
	const uint8_t *u = (const uint8_t *)spans[c->span].text + c->off;
	size_t i = 0;
	while (i < c->len) {
		if (u[i] >= 0x20 && u[i] < 0x7F) { /* printable ASCII */
			buf_append(b, (const char *)u + i++, 1);
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(
		    u + i, (utf8proc_ssize_t)(c->len - i), &cp);
		if (k <= 0) {
			buf_put_utf8(b, 0xFFFD);
			i++;
			continue;
		}
		if (!invisible((uint32_t)cp))
			buf_append(b, (const char *)u + i, (size_t)k);
		i += (size_t)k;
	}
}

void tx_hyphen(layout_text_ctx *t, const layout_span *s, int *face,
               uint32_t *cp, double *width)
{
	int n;
	const int *ch = glyph_chain(t->fonts, s->family, s->variant, &n);
	static const uint32_t try[2] = {0x2D, 0x2010};
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < n; i++) {
			int a = glyph_advance(t->glyphs, ch[i], try[k]);
			if (a >= 0) {
				*face = ch[i];
				*cp = try[k];
				*width = pts(a, s->size);
				return;
			}
		}
	int a =
	    glyph_advance(t->glyphs, t->fonts->subst_face, t->fonts->subst_cp);
	*face = t->fonts->subst_face;
	*cp = t->fonts->subst_cp;
	*width = pts(a >= 0 ? a : 500, s->size);
}
