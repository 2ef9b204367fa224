/* pdfa.c - the PDF/A-2a items of --pdfa: the output intent (the colours
 * we write are DeviceRGB, so the intent is sRGB, whose profile comes from
 * a Debian package, read at render time) and the file identifier. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf/haru.h"
#include "pdf/pdf.h"
#include "pdf/pdfa.h"
#include "util/buf.h"

#define PROFILE_MAX (1u << 20) /* bytes; sRGB profiles are 0.5-60 kB */
#define CONDITION "sRGB IEC61966-2.1"

/* Where Debian puts an sRGB profile: colord-data's, then the one of
 * libgs-common (which ghostscript depends on). */
static const char *const profiles[] = {
    "/usr/share/color/icc/colord/sRGB.icc",
    "/usr/share/color/icc/ghostscript/srgb.icc",
};

const char *pdf_pdfa_profile_path(void)
{
	for (size_t i = 0; i < sizeof profiles / sizeof *profiles; i++) {
		FILE *f = fopen(profiles[i], "rb");
		if (f) {
			fclose(f);
			return profiles[i];
		}
	}
	return NULL;
}

/* The profile's bytes into b; 0, or -1 when it cannot be read or is not
 * an ICC profile (the signature "acsp" at byte 36). */
static int read_profile(const char *path, sp_buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 &&
	       b->len + n <= PROFILE_MAX)
		buf_append(b, chunk, n);
	int bad = ferror(f) || n > 0;
	fclose(f);
	if (bad || b->len < 128 || memcmp(b->data + 36, "acsp", 4) != 0)
		return -1;
	return 0;
}

static HPDF_Dict output_intent(pdf_renderer *r, const sp_buf *icc)
{
	HPDF_Dict prof = haru_stream(r->pdf, icc->data, icc->len);
	HPDF_Dict oi = haru_dict(r->pdf, 0);
	if (!prof || !oi)
		return NULL;
	haru_dict_put_int(prof, "N", 3);
	haru_dict_put_name(oi, "Type", "OutputIntent");
	haru_dict_put_name(oi, "S", "GTS_PDFA1");
	haru_dict_put_text(r->pdf, oi, "OutputConditionIdentifier", CONDITION);
	haru_dict_put_text(r->pdf, oi, "Info", CONDITION);
	haru_dict_put(oi, "DestOutputProfile", prof);
	return oi;
}

int pdfa_write(pdf_renderer *r)
{
	const char *path = pdf_pdfa_profile_path();
	sp_buf icc = SP_BUF_INIT;
	if (!path || read_profile(path, &icc) < 0) {
		diag_error(r->d, sp_loc_make(path, 0, 0),
		           "--pdfa: no readable sRGB ICC profile (Debian "
		           "package libgs-common or colord-data)");
		buf_free(&icc);
		return -1;
	}
	HPDF_Dict oi = output_intent(r, &icc);
	buf_free(&icc);
	HPDF_Array list = haru_array(r->pdf);
	if (oi && list) {
		haru_array_put(list, oi);
		haru_dict_put(haru_catalog(r->pdf), "OutputIntents", list);
	}
	return pdf_render_failed(r, "the PDF/A output intent") ? -1 : 0;
}

/* FNV-1a, 64 bits, from basis h. */
static uint64_t fnv1a(const char *p, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

const char *pdfa_file_id(const char *data, size_t n, const sp_buf *pages,
                         size_t npages, char *out)
{
	uint64_t a = fnv1a(data, n, 0xcbf29ce484222325ull);
	for (size_t p = 0; p < npages; p++)
		a = fnv1a(pages[p].data, pages[p].len, a);
	uint64_t b = fnv1a(data, n, a ^ 0x9e3779b97f4a7c15ull);
	for (size_t p = 0; p < npages; p++)
		b = fnv1a(pages[p].data, pages[p].len, b);
	char hex[33];
	snprintf(hex, sizeof hex, "%016llx%016llx", (unsigned long long)a,
	         (unsigned long long)b);
	snprintf(out, PDFA_ID_SIZE, "/ID [<%s><%s>]", hex, hex);
	return out;
}
