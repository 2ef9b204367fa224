/* covscan.c - see covscan.h. */
#include "cli/covscan.h"

#include <string.h>
#include <utf8proc.h>

#include "layout/glyphs.h"
#include "util/buf.h"
#include "util/bytes8.h"
#include "util/mem.h"

enum {
	NCHAINS = FAMILY_N * VARIANT_N,
	UNKNOWN = 0xFFFF, /* not looked up yet */
	ALL = 0xFF        /* invisible: every face "has" it */
};

/* Per chain: for each BMP code point, the faces (bit i = the chain's
 * face i) that have it; pages of 256 made on first use. */
typedef struct chain_masks {
	uint16_t *page[256];
	uint8_t ascii[128]; /* the same for ASCII, once have_ascii */
	uint8_t printable;  /* the faces with every printable ASCII
	                     * character (U+0020..U+007E) */
	int have_ascii;
} chain_masks;

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
	chain_masks m[NCHAINS];
	sp_buf conv; /* smart-punctuated text */
	seen *seen;  /* open addressing, text NULL = free */
	size_t nseen, capseen;
};

covscan *covscan_new(const layout_fonts *fonts, layout_text_ctx *text,
                     int smart)
{
	covscan *c = xcalloc(1, sizeof *c);
	c->fonts = fonts;
	c->text = text;
	c->glyphs = glyph_cache_new(fonts);
	c->smart = smart;
	buf_init(&c->conv);
	return c;
}

void covscan_free(covscan *c)
{
	if (!c)
		return;
	for (int i = 0; i < NCHAINS; i++)
		for (int p = 0; p < 256; p++)
			free(c->m[i].page[p]);
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

static unsigned lookup(covscan *c, const int *ch, int n, uint32_t cp)
{
	if (invisible(cp))
		return ALL;
	unsigned m = 0;
	for (int i = 0; i < n; i++)
		if (glyph_advance(c->glyphs, ch[i], cp) >= 0)
			m |= 1u << i;
	return m;
}

static unsigned faces_with(covscan *c, int key, const int *ch, int n,
                           uint32_t cp)
{
	if (cp > 0xFFFF)
		return lookup(c, ch, n, cp); /* rare */
	uint16_t **pg = &c->m[key].page[cp >> 8];
	if (!*pg) {
		*pg = xmalloc(256 * sizeof **pg);
		for (int i = 0; i < 256; i++)
			(*pg)[i] = UNKNOWN;
	}
	uint16_t *e = &(*pg)[cp & 0xFF];
	if (*e == UNKNOWN)
		*e = (uint16_t)lookup(c, ch, n, cp);
	return *e;
}

/* Non-zero when one face of the chain has every visible character. */
static int one_face_has_all(covscan *c, const char *text, size_t len,
                            int family, int variant)
{
	int n;
	const int *ch = glyph_chain(c->fonts, family, variant, &n);
	int key = (int)((ch - &c->fonts->chain[0][0][0]) / FONT_MAX_CHAIN);
	if (n <= 0 || key < 0 || key >= NCHAINS)
		return 0;
	chain_masks *cm = &c->m[key];
	if (!cm->have_ascii) {
		cm->printable = 0xFF;
		for (uint32_t cp = 0; cp < 128; cp++) {
			cm->ascii[cp] = (uint8_t)faces_with(c, key, ch, n, cp);
			if (cp >= 0x20 && cp < 0x7F)
				cm->printable &= cm->ascii[cp];
		}
		cm->have_ascii = 1;
	}
	unsigned m = (1u << n) - 1;
	const uint8_t *u = (const uint8_t *)text;
	size_t i = 0;
	while (i < len && m) {
		if (i + 8 <= len && bytes8_printable(bytes8_load(u + i))) {
			/* most text: eight characters at once, asking for
			 * every printable one (a face without one this text
			 * lacks too only sends it to layout_measure below,
			 * which then finds nothing missing) */
			m &= cm->printable;
			i += 8;
			continue;
		}
		if (u[i] < 0x80) {
			m &= cm->ascii[u[i++]];
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k =
		    utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0)
			return 0; /* let layout say what it draws */
		m &= faces_with(c, key, ch, n, (uint32_t)cp);
		i += (size_t)k;
	}
	return m != 0;
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
