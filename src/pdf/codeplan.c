/* codeplan.c - which faces of a document are drawn with one-byte codes
 * (codes.h): those drawing at most CODES_MAX glyphs besides the space,
 * counted over the whole document before its first page is drawn. */
#include <stdlib.h>

#include "pdf/codes.h"
#include "pdf/renderer.h"
#include "util/mem.h"

/* The glyph that draw.c draws for the UTF-8 sequence at s (n bytes
 * left); its length in *len. Invalid sequences and characters above
 * U+FFFF are drawn as U+FFFD. */
static unsigned glyph_at(const pdf_face *fc, const unsigned char *s, size_t n,
                         size_t *len)
{
	unsigned c = s[0];
	size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	uint32_t cp = 0xFFFD;
	if (k <= n && (c < 0x80 || c >= 0xC2) && k < 4) {
		cp = k == 1 ? c : c & (0x7Fu >> k);
		for (size_t i = 1; i < k; i++)
			cp = cp << 6 | (s[i] & 0x3Fu);
	}
	*len = k <= n ? k : 1;
	return fc->gid[cp & 0xFFFF];
}

static void count(uint8_t *seen, unsigned *n, const pdf_face *fc, unsigned g)
{
	if (g >= fc->num_glyphs)
		g = 0;
	if (!seen[g]) {
		seen[g] = 1;
		++*n;
	}
}

/* A face that may get one-byte codes: drawn with a font of ours or
 * libharu's TrueType definition. */
static int candidate(const pdf_renderer *r, int f)
{
	return r->font[f] && (haru_font_def(r->font[f]) || r->ttf[f]);
}

/* The glyphs of each candidate face drawn in the document, the space's
 * left out, into n[f] (counting stops past CODES_MAX): one walk over the
 * pages for all faces. */
static void glyphs_drawn(const pdf_renderer *r, unsigned *n)
{
	int nf = r->fonts->nfaces;
	uint8_t **seen = xcalloc((size_t)nf, sizeof *seen);
	for (int f = 0; f < nf; f++) {
		const pdf_face *fc = &r->fonts->faces[f];
		if (!candidate(r, f))
			continue;
		seen[f] = xcalloc(fc->num_glyphs + 1u, 1);
		if (fc->gid[0x20] && fc->gid[0x20] < fc->num_glyphs)
			seen[f][fc->gid[0x20]] = 1;
	}
	for (size_t p = 0; p < r->doc->npages; p++) {
		const sp_page *pg = &r->doc->pages[p];
		for (size_t i = 0; i < pg->ntexts; i++) {
			const page_text *t = &pg->texts[i];
			int f = t->face;
			if (f < 0 || f >= nf || !seen[f] || n[f] > CODES_MAX ||
			    !t->len || !(t->size > 0))
				continue;
			const pdf_face *fc = &r->fonts->faces[f];
			if (t->glyphs) {
				for (size_t k = 0; k < t->nglyphs; k++)
					count(seen[f], &n[f], fc,
					      t->glyphs[k].gid);
				continue;
			}
			const unsigned char *s = (const unsigned char *)t->text;
			for (size_t k = 0, len; k < t->len; k += len)
				count(seen[f], &n[f], fc,
				      glyph_at(fc, s + k, t->len - k, &len));
		}
	}
	for (int f = 0; f < nf; f++)
		free(seen[f]);
	free(seen);
}

void codes_plan(pdf_renderer *r)
{
	int nf = r->fonts->nfaces;
	r->codes = xcalloc((size_t)nf ? (size_t)nf : 1, sizeof *r->codes);
	if (r->uncompressed || getenv("SP_TWO_BYTE_CODES") || nf <= 0)
		return;
	unsigned *n = xcalloc((size_t)nf, sizeof *n);
	glyphs_drawn(r, n);
	for (int f = 0; f < nf; f++) {
		const pdf_face *fc = &r->fonts->faces[f];
		if (!candidate(r, f) || n[f] > CODES_MAX)
			continue;
		r->codes[f] = codes_new(fc->num_glyphs, fc->gid[0x20]);
		r->codes[f]->face = f;
	}
	free(n);
}

void codes_plan_free(pdf_renderer *r)
{
	if (!r->codes)
		return;
	for (int f = 0; f < r->fonts->nfaces; f++)
		codes_free(r->codes[f]);
	free(r->codes);
	r->codes = NULL;
}
