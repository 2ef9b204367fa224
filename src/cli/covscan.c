/* covscan.c - see covscan.h. */
#include "cli/covscan.h"

#include <string.h>
#include <utf8proc.h>

#include "layout/glyphs.h"
#include "util/buf.h"
#include "util/bytes8.h"
#include "util/mem.h"

/* Per face, once asked: which ASCII characters it has (or needs none
 * for). */
typedef struct face_ascii {
	uint8_t has[128];
	uint8_t printable; /* it has every one of U+0020..U+007E */
	uint8_t known;
} face_ascii;

/* A string covscan_kept has checked: where and how, and the punctuation
 * state it left. */
typedef struct seen {
	const char *text;
	sp_loc loc;
	int family, variant, has_sp;
	smartpunct in, out;
} seen;

struct covscan {
	const layout_fonts *fonts;
	layout_text_ctx *text;
	glyph_cache *glyphs;
	int smart;
	face_ascii *ascii; /* [fonts->nfaces] */
	sp_buf conv;       /* smart-punctuated text */
	seen *seen;        /* open addressing, text NULL = free */
	size_t nseen, capseen;
};

covscan *covscan_new(const layout_fonts *fonts, layout_text_ctx *text,
                     int smart)
{
	covscan *c = xcalloc(1, sizeof *c);
	c->fonts = fonts;
	c->text = text;
	c->glyphs = glyph_cache_new(fonts);
	c->ascii = xcalloc(fonts->nfaces > 0 ? (size_t)fonts->nfaces : 1,
	                   sizeof *c->ascii);
	c->smart = smart;
	buf_init(&c->conv);
	return c;
}

void covscan_free(covscan *c)
{
	if (!c)
		return;
	free(c->ascii);
	glyph_cache_free(c->glyphs);
	buf_free(&c->conv);
	free(c->seen);
	free(c);
}

/* Invisible characters never need a glyph (segment.c skips them). */
static int invisible(uint32_t cp)
{
	const utf8proc_property_t *pr = utf8proc_get_property((int32_t)cp);
	return pr->ignorable || pr->category == UTF8PROC_CATEGORY_CC;
}

/* Non-zero when face has cp, or cp needs no glyph. */
static int face_has(covscan *c, int face, uint32_t cp)
{
	return glyph_advance(c->glyphs, face, cp) >= 0 || invisible(cp);
}

static const face_ascii *ascii_of(covscan *c, int face)
{
	face_ascii *a = &c->ascii[face];
	if (!a->known) {
		a->printable = 1;
		for (uint32_t cp = 0; cp < 128; cp++) {
			a->has[cp] = (uint8_t)face_has(c, face, cp);
			if (cp >= 0x20 && cp < 0x7F && !a->has[cp])
				a->printable = 0;
		}
		a->known = 1;
	}
	return a;
}

/* Non-zero when face has every visible character of text. */
static int face_has_all(covscan *c, int face, const char *text, size_t len)
{
	const face_ascii *a = ascii_of(c, face);
	const uint8_t *u = (const uint8_t *)text;
	size_t i = 0;
	while (i < len) {
		if (i + 8 <= len && bytes8_printable(bytes8_load(u + i))) {
			/* most text: eight characters at once */
			if (!a->printable)
				return 0;
			i += 8;
			continue;
		}
		if (u[i] < 0x80) {
			if (!a->has[u[i++]])
				return 0;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0 || !face_has(c, face, (uint32_t)cp))
			return 0; /* an invalid sequence: layout says what
			           * it draws */
		i += (size_t)k;
	}
	return 1;
}

/* Non-zero when one face of the chain has every visible character: asked
 * of the faces in chain order, so that the fallbacks are asked about
 * (and their files read) only for text the first face cannot set. A
 * face without a printable ASCII character this text does not use only
 * sends the text to layout_measure below, which then finds nothing
 * missing. */
static int one_face_has_all(covscan *c, const char *text, size_t len,
                            int family, int variant)
{
	int n;
	const int *ch = glyph_chain(c->fonts, family, variant, &n);
	for (int i = 0; i < n; i++)
		if (ch[i] >= 0 && ch[i] < c->fonts->nfaces &&
		    face_has_all(c, ch[i], text, len))
			return 1;
	return 0;
}

void covscan_text(covscan *c, const char *text, size_t len, int family,
                  int variant, sp_loc loc, smartpunct *sp)
{
	if (!text || !len)
		return;
	if (sp && c->smart && family != FAMILY_MONO &&
	    smartpunct_needed(text, len)) {
		c->conv.len = 0;
		smartpunct_run(sp, text, len, SMARTPUNCT_UNKNOWN, &c->conv);
		text = c->conv.data;
		len = c->conv.len;
	} else if (sp) {
		smartpunct_verbatim(sp, text, len);
	}
	if (one_face_has_all(c, text, len, family, variant))
		return;
	layout_span s;
	memset(&s, 0, sizeof s);
	s.text = text;
	s.len = len;
	s.family = (sp_family)family;
	s.variant = variant;
	s.size = 10;
	s.loc = loc;
	layout_measure(c->text, &s); /* reports what is missing */
}

void covscan_str(covscan *c, const char *s, int family, int variant, sp_loc loc,
                 smartpunct *sp)
{
	if (s)
		covscan_text(c, s, strlen(s), family, variant, loc, sp);
}

static int same_sp(const smartpunct *a, const smartpunct *b)
{
	return a->prev == b->prev && a->dq == b->dq && a->sq == b->sq;
}

static int same_seen(const seen *e, const seen *k)
{
	return e->text == k->text && e->loc.file == k->loc.file &&
	       e->loc.line == k->loc.line && e->loc.col == k->loc.col &&
	       e->family == k->family && e->variant == k->variant &&
	       e->has_sp == k->has_sp &&
	       (!k->has_sp || same_sp(&e->in, &k->in));
}

static seen *seen_slot(seen *tab, size_t cap, const seen *k)
{
	uint64_t x = (uint64_t)(uintptr_t)k->text * 0x9E3779B97F4A7C15ull;
	x ^= ((uint64_t)k->loc.line << 20 ^ k->loc.col) * 0xC2B2AE3D27D4EB4Full;
	x ^= (uint64_t)(k->family * VARIANT_N + k->variant) << 7;
	x ^= (uint64_t)k->in.prev * 0x165667B19E3779F9ull;
	size_t i = (size_t)(x ^ (x >> 31)) & (cap - 1);
	while (tab[i].text && !same_seen(&tab[i], k))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static void seen_grow(covscan *c)
{
	size_t ncap = c->capseen ? c->capseen * 2 : 1024;
	seen *nt = xcalloc(ncap, sizeof *nt);
	for (size_t i = 0; i < c->capseen; i++)
		if (c->seen[i].text)
			*seen_slot(nt, ncap, &c->seen[i]) = c->seen[i];
	free(c->seen);
	c->seen = nt;
	c->capseen = ncap;
}

void covscan_kept(covscan *c, const char *s, int family, int variant,
                  sp_loc loc, smartpunct *sp)
{
	if (!s || !*s)
		return;
	if ((c->nseen + 1) * 2 > c->capseen)
		seen_grow(c);
	seen k;
	memset(&k, 0, sizeof k);
	k.text = s;
	k.loc = loc;
	k.family = family;
	k.variant = variant;
	k.has_sp = sp != NULL;
	if (sp)
		k.in = *sp;
	seen *e = seen_slot(c->seen, c->capseen, &k);
	if (e->text) { /* checked before: only the state moves on */
		if (sp)
			*sp = e->out;
		return;
	}
	covscan_str(c, s, family, variant, loc, sp);
	if (sp)
		k.out = *sp;
	*e = k;
	c->nseen++;
}

void covscan_forget(covscan *c)
{
	if (c->seen)
		memset(c->seen, 0, c->capseen * sizeof *c->seen);
	c->nseen = 0;
}
