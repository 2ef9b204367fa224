/* embed.c - font programs embedded by us, once per run rather than once
 * per document.
 *
 * libharu embeds a TrueType font by reading the whole file again for every
 * document, copying its tables with the unused outlines left out, and
 * deflating the result at save time: in a worksheet batch that is most of
 * the time of every PDF. Here each font file is read once per run, and
 * each distinct set of glyphs is cut into a subset and deflated once; a
 * document then gets a FontDescriptor whose FontFile2 stream is that
 * compressed copy (libharu only copies it), and uses the font definition
 * of the run's metrics document instead of loading the file again.
 *
 * The subset keeps glyph ids (the CIDToGIDMap stays the cmap's), keeps the
 * tables a PDF TrueType font program needs (head, hhea, maxp, hmtx, loca,
 * glyf, cvt, fpgm, prep, plus OS/2), empties the outlines and zeroes the
 * metrics of glyphs not drawn (composite glyphs keep every level of their
 * components), and ends
 * at the highest glyph drawn. It leaves out each glyph's own hinting
 * instructions, which fit its outline to the pixel grid of a screen at
 * small sizes: a printer's resolution does not need them, poppler, MuPDF
 * and pdf.js do not run them (their rasters are the same), and in
 * Liberation they are about a quarter of a compressed subset. The font's
 * programs (fpgm, prep, cvt) stay, because prep turns on dropout control:
 * without it Ghostscript loses thin strokes (an underscore, a dash) at
 * screen resolutions. In a batch, every document's set also holds
 * the pinned characters (printable ASCII and common punctuation), so
 * that documents whose text stays within them share one compressed copy.
 *
 * One document at a time may use the shared definitions (a mutex); a
 * render that finds them busy (another thread's) loads its definitions
 * from the files, without libharu's embedding, and gets the same subsets
 * from the cache (another mutex): the bytes are the same either way. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/internal.h"
#include "pdf/ttf.h"
#include "util/mem.h"

#define CACHE_MAX 24 /* compressed subsets kept per face */
#define FONT_FILE_MAX (64u << 20)

typedef struct subset {
	uint64_t key;
	uint8_t *glyphs; /* bit set over num_glyphs */
	sp_buf z;        /* deflated font program */
	size_t length1;  /* its size before deflating */
	unsigned long last_use;
} subset;

typedef struct face_embed {
	int state; /* 0 unread, 1 usable, -1 not usable here */
	char base[HPDF_LIMIT_MAX_NAME_LEN + 1]; /* the untagged BaseFont */
	sp_buf file;
	uint32_t off[16], len[16]; /* table offsets by TAB_* */
	unsigned num_glyphs;
	int long_loca;
	subset cache[CACHE_MAX];
	int ncache;
} face_embed;

struct pdf_embed {
	pthread_mutex_t lock;  /* held by the render using the shared defs */
	pthread_mutex_t cache; /* guards faces[] */
	face_embed *faces;
	int nfaces;
	pdf_cpset pin;
	int pin_on;
	unsigned long clock;
};

enum {
	TAB_HEAD,
	TAB_HHEA,
	TAB_MAXP,
	TAB_HMTX,
	TAB_LOCA,
	TAB_GLYF,
	TAB_CVT,
	TAB_FPGM,
	TAB_PREP,
	TAB_OS2,
	TAB_N
};
static const char tab_tags[TAB_N][5] = {"head", "hhea", "maxp", "hmtx", "loca",
                                        "glyf", "cvt ", "fpgm", "prep", "OS/2"};
/* head, hhea, maxp, hmtx, loca and glyf must be present */
#define TAB_REQUIRED 6

static void wr16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void wr32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

pdf_embed *pdf_embed_new(int nfaces)
{
	pdf_embed *e = xcalloc(1, sizeof *e);
	pthread_mutex_init(&e->lock, NULL);
	pthread_mutex_init(&e->cache, NULL);
	e->nfaces = nfaces;
	e->faces = xcalloc(nfaces > 0 ? (size_t)nfaces : 1, sizeof *e->faces);
	return e;
}

void pdf_embed_free(pdf_embed *e)
{
	if (!e)
		return;
	for (int f = 0; f < e->nfaces; f++) {
		face_embed *fe = &e->faces[f];
		buf_free(&fe->file);
		for (int i = 0; i < fe->ncache; i++) {
			free(fe->cache[i].glyphs);
			buf_free(&fe->cache[i].z);
		}
	}
	free(e->faces);
	pthread_mutex_destroy(&e->lock);
	pthread_mutex_destroy(&e->cache);
	free(e);
}

void pdf_embed_pin_common(pdf_embed *e)
{
	static const uint32_t punct[] = {0x00A0, 0x2013, 0x2014, 0x2018,
	                                 0x2019, 0x201C, 0x201D, 0x2022,
	                                 0x2026, 0x2212, 0x00D7, 0x2192};
	for (uint32_t cp = 0x20; cp < 0x7F; cp++)
		cpset_add(&e->pin, cp);
	for (size_t i = 0; i < sizeof punct / sizeof *punct; i++)
		cpset_add(&e->pin, punct[i]);
	e->pin_on = 1;
}

int pdf_embed_acquire(pdf_embed *e)
{
	return e && pthread_mutex_trylock(&e->lock) == 0;
}

void pdf_embed_release(pdf_embed *e)
{
	pthread_mutex_unlock(&e->lock);
}

/* Reads and checks the font file once; state 1 when it can be subset. */
static int face_ready(face_embed *fe, const pdf_face *fc)
{
	if (fe->state)
		return fe->state > 0;
	fe->state = -1;
	if (buf_read_file(&fe->file, fc->path, FONT_FILE_MAX) != 0)
		return 0;
	const uint8_t *p = (const uint8_t *)fe->file.data;
	size_t n = fe->file.len;
	if (n < 12 || (ttf_u32(p) != 0x00010000u && ttf_u32(p) != 0x74727565u))
		return 0; /* not a plain TrueType file (a collection, CFF) */
	unsigned nt = ttf_u16(p + 4);
	if (12 + (size_t)nt * 16 > n)
		return 0;
	unsigned found = 0;
	for (unsigned i = 0; i < nt; i++) {
		const uint8_t *t = p + 12 + i * 16;
		uint32_t off = ttf_u32(t + 8), len = ttf_u32(t + 12);
		if (off > n || len > n - off)
			return 0;
		for (int k = 0; k < TAB_N; k++)
			if (memcmp(t, tab_tags[k], 4) == 0) {
				fe->off[k] = off;
				fe->len[k] = len;
				found |= 1u << k;
			}
	}
	if ((found & ((1u << TAB_REQUIRED) - 1)) != (1u << TAB_REQUIRED) - 1 ||
	    fe->len[TAB_HEAD] < 54 || fe->len[TAB_HHEA] < 36 ||
	    fe->len[TAB_MAXP] < 6)
		return 0;
	fe->num_glyphs = ttf_u16(p + fe->off[TAB_MAXP] + 4);
	fe->long_loca = ttf_u16(p + fe->off[TAB_HEAD] + 50) != 0;
	unsigned nh = ttf_u16(p + fe->off[TAB_HHEA] + 34);
	if (!fe->num_glyphs || fe->num_glyphs != fc->num_glyphs || !nh ||
	    nh > fe->num_glyphs ||
	    fe->len[TAB_LOCA] <
	        (size_t)(fe->num_glyphs + 1) * (fe->long_loca ? 4 : 2) ||
	    fe->len[TAB_HMTX] < (size_t)nh * 4 + (fe->num_glyphs - nh) * 2)
		return 0;
	fe->state = 1;
	return 1;
}

/* Outline of glyph g: offset within glyf and length; 0 when empty or
 * out of the table. */
static size_t glyph_at(const face_embed *fe, unsigned g, uint32_t *off)
{
	const uint8_t *loca =
	    (const uint8_t *)fe->file.data + fe->off[TAB_LOCA];
	uint32_t a, b;
	if (fe->long_loca) {
		a = ttf_u32(loca + 4 * g);
		b = ttf_u32(loca + 4 * g + 4);
	} else {
		a = 2u * ttf_u16(loca + 2 * g);
		b = 2u * ttf_u16(loca + 2 * g + 2);
	}
	if (b <= a || b > fe->len[TAB_GLYF])
		return 0;
	*off = a;
	return b - a;
}

static void set_bit(uint8_t *s, unsigned g)
{
	s[g >> 3] |= (uint8_t)(1u << (g & 7));
}

static int has_bit(const uint8_t *s, unsigned g)
{
	return s[g >> 3] & (1u << (g & 7));
}

typedef struct closing {
	uint8_t *set;
	unsigned n; /* glyphs in the font */
	unsigned *stack;
	unsigned top;
} closing;

static void add_component(void *ud, unsigned g)
{
	closing *c = ud;
	if (g < c->n && !has_bit(c->set, g)) {
		set_bit(c->set, g);
		c->stack[c->top++] = g;
	}
}

/* Adds the components of every composite glyph in the set, at every
 * level. */
static void close_components(const face_embed *fe, uint8_t *set)
{
	closing c = {set, fe->num_glyphs,
	             xmalloc(sizeof *c.stack * fe->num_glyphs), 0};
	for (unsigned g = 0; g < c.n; g++)
		if (has_bit(set, g))
			c.stack[c.top++] = g;
	const uint8_t *glyf =
	    (const uint8_t *)fe->file.data + fe->off[TAB_GLYF];
	while (c.top) {
		uint32_t off;
		size_t len = glyph_at(fe, c.stack[--c.top], &off);
		if (len)
			ttf_components(glyf + off, len, add_component, &c);
	}
	free(c.stack);
}

static uint32_t table_sum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;
	size_t i = 0;
	for (; i + 4 <= n; i += 4)
		s += ttf_u32(p + i);
	if (i < n) {
		uint8_t t[4] = {0, 0, 0, 0};
		memcpy(t, p + i, n - i);
		s += ttf_u32(t);
	}
	return s;
}

/* Builds the subset font program of the glyphs in set into out. */
static void build_subset(const face_embed *fe, const uint8_t *set, sp_buf *out)
{
	const uint8_t *src = (const uint8_t *)fe->file.data;
	unsigned last = 0;
	for (unsigned g = 0; g < fe->num_glyphs; g++)
		if (has_bit(set, g))
			last = g;
	unsigned ng = last + 1;
	unsigned nh_src = ttf_u16(src + fe->off[TAB_HHEA] + 34);
	unsigned nh = nh_src < ng ? nh_src : ng;

	/* the new tables, in tag order (the directory must be sorted) */
	sp_buf tab[TAB_N];
	int present[TAB_N];
	for (int k = 0; k < TAB_N; k++) {
		buf_init(&tab[k]);
		present[k] = k < TAB_REQUIRED || fe->len[k] > 0;
	}
	/* glyf and loca (long offsets) */
	buf_reserve(&tab[TAB_LOCA], (size_t)(ng + 1) * 4);
	uint8_t be[4];
	for (unsigned g = 0; g < ng; g++) {
		wr32(be, (uint32_t)tab[TAB_GLYF].len);
		buf_append(&tab[TAB_LOCA], (const char *)be, 4);
		uint32_t off;
		size_t len = has_bit(set, g) ? glyph_at(fe, g, &off) : 0;
		if (len) {
			buf_reserve(&tab[TAB_GLYF], len);
			tab[TAB_GLYF].len += ttf_unhinted(
			    src + fe->off[TAB_GLYF] + off, len,
			    (uint8_t *)tab[TAB_GLYF].data + tab[TAB_GLYF].len);
			while (tab[TAB_GLYF].len & 3)
				buf_putc(&tab[TAB_GLYF], 0);
		}
	}
	wr32(be, (uint32_t)tab[TAB_GLYF].len);
	buf_append(&tab[TAB_LOCA], (const char *)be, 4);
	/* hmtx: nh long metrics, then left side bearings; a glyph not in
	 * the subset gets zeros (nothing draws it; the PDF's /W gives the
	 * advances), which deflate to almost nothing: a face's real metrics
	 * for thousands of glyphs were a third of a compressed subset */
	static const uint8_t zero[4];
	const uint8_t *hm = src + fe->off[TAB_HMTX];
	for (unsigned g = 0; g < nh; g++)
		buf_append(&tab[TAB_HMTX],
		           (const char *)(has_bit(set, g) ? hm + 4 * g : zero),
		           4);
	for (unsigned g = nh; g < ng; g++) {
		const uint8_t *lsb = g < nh_src
		                         ? hm + 4 * g + 2
		                         : hm + 4 * nh_src + 2 * (g - nh_src);
		buf_append(&tab[TAB_HMTX],
		           (const char *)(has_bit(set, g) ? lsb : zero), 2);
	}
	for (int k = 0; k < TAB_N; k++) {
		if (k == TAB_LOCA || k == TAB_GLYF || k == TAB_HMTX ||
		    !present[k])
			continue;
		buf_append(&tab[k], (const char *)src + fe->off[k], fe->len[k]);
	}
	wr16((uint8_t *)tab[TAB_HEAD].data + 50, 1); /* long loca */
	memset(tab[TAB_HEAD].data + 8, 0, 4);        /* checkSumAdjustment */
	wr16((uint8_t *)tab[TAB_HHEA].data + 34, nh);
	wr16((uint8_t *)tab[TAB_MAXP].data + 4, ng);

	/* directory sorted by tag */
	int order[TAB_N], nt = 0;
	for (int k = 0; k < TAB_N; k++)
		if (present[k])
			order[nt++] = k;
	for (int i = 1; i < nt; i++)
		for (int j = i; j > 0 && memcmp(tab_tags[order[j - 1]],
		                                tab_tags[order[j]], 4) > 0;
		     j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	unsigned pow2 = 1, lg = 0;
	while (pow2 * 2 <= (unsigned)nt)
		pow2 *= 2, lg++;
	buf_clear(out);
	size_t dir = 12 + (size_t)nt * 16;
	buf_reserve(out, dir);
	memset(out->data, 0, dir);
	out->len = dir;
	uint8_t *h = (uint8_t *)out->data;
	wr32(h, 0x00010000u);
	wr16(h + 4, (unsigned)nt);
	wr16(h + 6, pow2 * 16);
	wr16(h + 8, lg);
	wr16(h + 10, (unsigned)nt * 16 - pow2 * 16);
	size_t head_at = 0;
	for (int i = 0; i < nt; i++) {
		int k = order[i];
		size_t at = out->len;
		if (k == TAB_HEAD)
			head_at = at;
		buf_append(out, tab[k].data, tab[k].len);
		while (out->len & 3)
			buf_putc(out, 0);
		uint8_t *e = (uint8_t *)out->data + 12 + (size_t)i * 16;
		memcpy(e, tab_tags[k], 4);
		wr32(e + 4,
		     table_sum((const uint8_t *)out->data + at, tab[k].len));
		wr32(e + 8, (uint32_t)at);
		wr32(e + 12, (uint32_t)tab[k].len);
	}
	uint32_t adj =
	    0xB1B0AFBAu - table_sum((const uint8_t *)out->data, out->len);
	wr32((uint8_t *)out->data + head_at + 8, adj);
	for (int k = 0; k < TAB_N; k++)
		buf_free(&tab[k]);
}

static uint64_t hash_set(const uint8_t *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ull;
	}
	return h;
}

/* 1 when face f starts a chain (the template's font for a role and
 * variant): the pin set is for those. A fallback face (symbols, other
 * scripts) draws a few characters of a document, rarely ASCII, and its
 * subsets of those few are shared as they are. */
static int starts_chain(const pdf_fonts *fonts, int f)
{
	const layout_fonts *lf = &fonts->lf;
	for (int r = 0; r < FAMILY_N; r++)
		for (int v = 0; v < VARIANT_N; v++)
			if (lf->chain_len[r][v] && lf->chain[r][v][0] == f)
				return 1;
	return 0;
}

/* The compressed subset for the glyphs of `used` (and the pin set, if f starts
 * a chain) in face f, from the cache or made now; NULL when f cannot be subset.
 */
static const subset *get_subset(pdf_embed *e, const pdf_fonts *fonts, int f,
                                const pdf_cpset *used)
{
	const pdf_face *fc = &fonts->faces[f];
	face_embed *fe = &e->faces[f];
	if (!face_ready(fe, fc))
		return NULL;
	size_t nb = (fe->num_glyphs + 7) / 8;
	uint8_t *set = xcalloc(nb, 1);
	set_bit(set, 0);
	for (uint32_t g = cpset_next(used, 1); g < fe->num_glyphs;
	     g = cpset_next(used, g + 1))
		set_bit(set, g); /* glyph ids */
	int pin = e->pin_on && starts_chain(fonts, f);
	for (uint32_t cp = cpset_next(&e->pin, 0); pin && cp < 65536;
	     cp = cpset_next(&e->pin, cp + 1)) {
		unsigned g = fc->gid[cp];
		if (g && g < fe->num_glyphs)
			set_bit(set, g);
	}
	close_components(fe, set);
	uint64_t key = hash_set(set, nb);
	e->clock++;
	for (int i = 0; i < fe->ncache; i++) {
		subset *s = &fe->cache[i];
		if (s->key == key && memcmp(s->glyphs, set, nb) == 0) {
			s->last_use = e->clock;
			free(set);
			return s;
		}
	}
	int slot = fe->ncache;
	if (slot == CACHE_MAX) {
		slot = 0;
		for (int i = 1; i < CACHE_MAX; i++)
			if (fe->cache[i].last_use < fe->cache[slot].last_use)
				slot = i;
		free(fe->cache[slot].glyphs);
		buf_free(&fe->cache[slot].z);
	} else {
		fe->ncache++;
	}
	subset *s = &fe->cache[slot];
	memset(s, 0, sizeof *s);
	sp_buf prog = SP_BUF_INIT;
	build_subset(fe, set, &prog);
	s->key = key;
	s->glyphs = set;
	s->length1 = prog.len;
	s->last_use = e->clock;
	if (pdf_deflate(prog.data, prog.len, &s->z) < 0) {
		buf_free(&prog);
		free(s->glyphs);
		buf_free(&s->z);
		fe->ncache--;
		if (slot != fe->ncache)
			fe->cache[slot] = fe->cache[fe->ncache];
		return NULL;
	}
	buf_free(&prog);
	return s;
}

int pdf_embed_usable(pdf_embed *e, const pdf_fonts *fonts, int f)
{
	pthread_mutex_lock(&e->cache);
	face_embed *fe = &e->faces[f];
	if (!fe->state) {
		HPDF_FontDef def = fonts->faces[f].def;
		if (!def || haru_fontdef_embedding(def))
			fe->state = -1;
		else
			snprintf(fe->base, sizeof fe->base, "%s",
			         haru_fontdef_base_font(def));
	}
	int ok = fe->state >= 0 && face_ready(fe, &fonts->faces[f]);
	pthread_mutex_unlock(&e->cache);
	return ok;
}

/* The subset's tagged name (six capitals from its face and glyph set),
 * as in "KQWZAB+LiberationSerif". */
static void subset_name(const pdf_embed *e, int f, const subset *s, char *name,
                        size_t size)
{
	char tag[7];
	uint64_t k = s->key ^ (uint64_t)(f + 1) * 0x9E3779B97F4A7C15ull;
	for (int i = 0; i < 6; i++, k /= 26)
		tag[i] = (char)('A' + k % 26);
	tag[6] = '\0';
	snprintf(name, size, "%s+%.120s", tag, e->faces[f].base);
}

/* The subset's FontDescriptor and tagged BaseFont. */
static HPDF_STATUS put_descriptor(pdf_embed *e, const pdf_fonts *fonts, int f,
                                  HPDF_Font font, const pdf_cpset *used)
{
	const subset *s = get_subset(e, fonts, f, used);
	if (!s)
		return HPDF_INVALID_FONTDEF_DATA;
	char name[HPDF_LIMIT_MAX_NAME_LEN + 1];
	subset_name(e, f, s, name, sizeof name);
	return haru_font_set_descriptor(font, name, s->z.data, s->z.len,
	                                s->length1);
}

HPDF_STATUS pdf_embed_font(pdf_embed *e, const pdf_fonts *fonts, int f,
                           HPDF_Font font, const pdf_cpset *used)
{
	pthread_mutex_lock(&e->cache);
	HPDF_STATUS ret = put_descriptor(e, fonts, f, font, used);
	pthread_mutex_unlock(&e->cache);
	return ret;
}

HPDF_Dict pdf_embed_descriptor(pdf_embed *e, const pdf_fonts *fonts, int f,
                               HPDF_Doc pdf, const pdf_cpset *used, char *name,
                               size_t size)
{
	pthread_mutex_lock(&e->cache);
	HPDF_Dict d = NULL;
	const subset *s = get_subset(e, fonts, f, used);
	if (s) {
		subset_name(e, f, s, name, size);
		d = haru_descriptor(pdf, fonts->faces[f].def, name, s->z.data,
		                    s->z.len, s->length1);
	}
	pthread_mutex_unlock(&e->cache);
	return d;
}

void pdf_embed_done(pdf_embed *e, const pdf_fonts *fonts, int f)
{
	haru_fontdef_reset(fonts->faces[f].def, e->faces[f].base);
}
