/* fonts.c - the font device: fontconfig lookup, one parse of each font
 * file that text needs, and read-only metrics tables that layout
 * queries.
 *
 * Every face of the chains is found while opening, but a file is read
 * only when something first asks about its face (read_face, under a
 * lock): each role's first face and the substitute at once, on the
 * thread that opens the fonts; a fallback when text needs it, so a
 * document in Latin letters never reads the script and CJK faces. Each
 * file is read once into a private libharu document ("metrics") that is
 * never saved. Its cmap is read once into a table of glyph ids for the
 * whole BMP and its advances into a table per glyph, through libharu's
 * own functions (HPDF_TTFontDef_GetGlyphid, GetGidWidth), so layout sees
 * exactly the glyphs and widths libharu will draw. Neither function
 * marks glyphs as used, and once a face is read nothing writes to its
 * tables: any number of threads may query them. */
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pdf/fcmatch.h"
#include "pdf/internal.h"
#include "util/datadir.h"
#include "util/mem.h"

static const char *const default_chains[FAMILY_N][4] = {
    {"Liberation Serif", "DejaVu Serif", "DejaVu Sans", NULL},
    {"Lato", "Liberation Sans", "DejaVu Sans", NULL},
    {"Liberation Mono", "DejaVu Sans Mono", "DejaVu Sans", NULL},
};

#define SUBST_FAMILY "DejaVu Sans"

void pdf_font_spec_default(pdf_font_spec *spec)
{
	memset(spec, 0, sizeof *spec);
	for (int r = 0; r < FAMILY_N; r++)
		for (int i = 0; default_chains[r][i]; i++)
			spec->families[r][i] = default_chains[r][i];
}

/* ---- the manifest: family -> Debian package ---- */

static const char *const builtin_manifest[][2] = {
    {"Liberation Serif", "fonts-liberation2"},
    {"Liberation Sans", "fonts-liberation2"},
    {"Liberation Mono", "fonts-liberation2"},
    {"Lato", "fonts-lato"},
    {"DejaVu Serif", "fonts-dejavu-core"},
    {"DejaVu Sans", "fonts-dejavu-core"},
    {"DejaVu Sans Mono", "fonts-dejavu-core"},
};

/* Look family up in a manifest file; copies the package to pkg. */
static int manifest_lookup(const char *path, const char *family, char *pkg,
                           size_t n)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char line[512];
	int found = 0;
	while (!found && fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char *tab = strchr(line, '\t');
		if (!tab)
			continue;
		*tab = '\0';
		if (strcasecmp(line, family) != 0)
			continue;
		char *p = tab + 1;
		size_t len = strcspn(p, "\t\r\n");
		if (len && len < n) {
			memcpy(pkg, p, len);
			pkg[len] = '\0';
			found = 1;
		}
	}
	fclose(f);
	return found;
}

static const char *package_of(const char *manifest, const char *family,
                              char *pkg, size_t n)
{
	if (manifest && manifest_lookup(manifest, family, pkg, n))
		return pkg;
	char *bundled = sp_data_path("fonts/manifest.txt");
	int ok = bundled && manifest_lookup(bundled, family, pkg, n);
	free(bundled);
	if (ok)
		return pkg;
	for (size_t i = 0;
	     i < sizeof builtin_manifest / sizeof *builtin_manifest; i++)
		if (strcasecmp(builtin_manifest[i][0], family) == 0)
			return builtin_manifest[i][1];
	return NULL;
}

const char *pdf_fonts_package(const char *family)
{
	static _Thread_local char pkg[128];
	return package_of(NULL, family, pkg, sizeof pkg);
}

/* ---- fontconfig ---- */

/* Only this file uses fontconfig: it is initialised while any pdf_fonts
 * is open and finalised (FcFini, which frees its caches) after the last
 * one closes. */
static pthread_mutex_t fc_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned fc_users;

static int fc_acquire(void)
{
	pthread_mutex_lock(&fc_lock);
	int ok = fc_users > 0 || FcInit();
	if (ok)
		fc_users++;
	pthread_mutex_unlock(&fc_lock);
	return ok;
}

static void fc_release(void)
{
	pthread_mutex_lock(&fc_lock);
	if (fc_users && --fc_users == 0)
		FcFini();
	pthread_mutex_unlock(&fc_lock);
}

enum {
	FIND_OK,
	FIND_NO_VARIANT,
	FIND_NO_FAMILY,
	FIND_UNUSABLE,
	FIND_NOT_TRUETYPE /* the family exists, in Type 1 or CFF only */
};

static int family_matches(FcPattern *m, const char *family)
{
	FcChar8 *s;
	for (int i = 0;
	     FcPatternGetString(m, FC_FAMILY, i, &s) == FcResultMatch; i++)
		if (strcasecmp((const char *)s, family) == 0)
			return 1;
	return 0;
}

static int variant_matches(FcPattern *m, int variant)
{
	int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
	int width = FC_WIDTH_NORMAL;
	FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
	FcPatternGetInteger(m, FC_SLANT, 0, &slant);
	FcPatternGetInteger(m, FC_WIDTH, 0, &width);
	if (width != FC_WIDTH_NORMAL)
		return 0;
	if (variant & VARIANT_BOLD) {
		if (weight < FC_WEIGHT_DEMIBOLD || weight > FC_WEIGHT_EXTRABOLD)
			return 0;
	} else if (weight < FC_WEIGHT_BOOK || weight > FC_WEIGHT_MEDIUM) {
		return 0;
	}
	return (variant & VARIANT_ITALIC) ? slant != FC_SLANT_ROMAN
	                                  : slant == FC_SLANT_ROMAN;
}

/* Usable by libharu: TrueType outlines, a plain .ttf (no collection), not
 * a variable font. */
static int file_usable(FcPattern *m, const char *path)
{
	FcChar8 *fmt = NULL;
	if (FcPatternGetString(m, FC_FONTFORMAT, 0, &fmt) != FcResultMatch ||
	    strcmp((const char *)fmt, "TrueType") != 0)
		return 0;
	int index = 0;
	FcPatternGetInteger(m, FC_INDEX, 0, &index);
	if (index != 0)
		return 0;
	size_t n = strlen(path);
	if (n >= 4 && strcasecmp(path + n - 4, ".ttc") == 0)
		return 0;
#ifdef FC_VARIABLE
	FcBool var = FcFalse;
	if (FcPatternGetBool(m, FC_VARIABLE, 0, &var) == FcResultMatch && var)
		return 0;
#endif
	return 1;
}

/* The family is installed in some format other than TrueType (Type 1,
 * CFF): its format into fmt. Returns 1 when it is. */
static int other_format(const char *family, char *fmt, size_t n)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, FC_FONTFORMAT, NULL);
	FcFontSet *set = FcFontList(NULL, pat, os);
	int found = 0;
	for (int i = 0; set && i < set->nfont && !found; i++) {
		FcChar8 *f = NULL;
		if (FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &f) ==
		        FcResultMatch &&
		    strcmp((const char *)f, "TrueType") != 0) {
			snprintf(fmt, n, "%s", (const char *)f);
			found = 1;
		}
	}
	if (set)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(pat);
	return found;
}

/* fontconfig's best match for family's variant, preferring `format`
 * ("TrueType", "CFF"); NULL when none. */
static FcPattern *fc_match(const char *family, int variant, const char *format)
{
	FcPattern *pat = FcPatternCreate();
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT,
	                    (variant & VARIANT_BOLD) ? FC_WEIGHT_BOLD
	                                             : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT,
	                    (variant & VARIANT_ITALIC) ? FC_SLANT_ITALIC
	                                               : FC_SLANT_ROMAN);
	FcPatternAddInteger(pat, FC_WIDTH, FC_WIDTH_NORMAL);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)format);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	FcPattern *m = pdf_fc_best(pat);
	FcPatternDestroy(pat);
	return m;
}

static int fc_lookup(const char *family, int variant, int strict, char **path)
{
	FcPattern *m = fc_match(family, variant, "TrueType");
	if (!m)
		return FIND_NO_FAMILY;
	int ret;
	FcChar8 *file = NULL;
	if (!family_matches(m, family) ||
	    FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch)
		ret = FIND_NO_FAMILY;
	else if (!file_usable(m, (const char *)file))
		ret = FIND_UNUSABLE;
	else if (strict && !variant_matches(m, variant))
		ret = FIND_NO_VARIANT;
	else {
		*path = xstrdup((const char *)file);
		ret = FIND_OK;
	}
	FcPatternDestroy(m);
	return ret;
}

/* A lookup made while opening: a family is asked for again when it is in
 * several roles' chains (the same answer each time, so asked once). */
struct fc_found {
	char *family;
	int variant, strict, ret;
	char *path; /* for FIND_OK */
};

static int fc_find_ex(pdf_fonts *f, const char *family, int variant, int strict,
                      char **path)
{
	for (size_t i = 0; i < f->nfound; i++) {
		const struct fc_found *e = &f->found[i];
		if (e->variant == variant && e->strict == strict &&
		    !strcmp(e->family, family)) {
			if (e->ret == FIND_OK)
				*path = xstrdup(e->path);
			return e->ret;
		}
	}
	char *p = NULL;
	int ret = fc_lookup(family, variant, strict, &p);
	f->found =
	    xgrow(f->found, &f->cap_found, f->nfound + 1, sizeof *f->found);
	f->found[f->nfound++] =
	    (struct fc_found){xstrdup(family), variant, strict, ret, p};
	if (ret == FIND_OK)
		*path = xstrdup(p);
	return ret;
}

static int fc_find(pdf_fonts *f, const char *family, int variant, char **path)
{
	return fc_find_ex(f, family, variant, 1, path);
}

/* ---- loading a face into the metrics document ---- */

static const char *const variant_names[VARIANT_N] = {"Regular", "Bold",
                                                     "Italic", "Bold Italic"};

/* The BMP glyph table: libharu's lookup of every code point its cmap
 * covers. */
static void fill_gids(pdf_face *fc, HPDF_FontDef def)
{
	fc->gid = xcalloc(65536, sizeof *fc->gid);
	haru_fontdef_cmap(def, fc->gid);
	for (unsigned cp = 0; cp < 65536; cp++) {
		/* controls are never drawn; glyphs out of range are none */
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    fc->gid[cp] >= fc->num_glyphs)
			fc->gid[cp] = 0;
	}
}

/* The face of path (index in a collection), known from now on and read
 * when first asked about; the face already known when another role's
 * chain named the same file. */
static int add_face(pdf_fonts *f, const char *path, unsigned index,
                    const char *family, int variant)
{
	for (int i = 0; i < f->nfaces; i++)
		if (strcmp(f->faces[i].path, path) == 0 &&
		    f->faces[i].index == index)
			return i;
	f->faces = xgrow(f->faces, &f->cap_faces, (size_t)f->nfaces + 1,
	                 sizeof *f->faces);
	pdf_face *fc = &f->faces[f->nfaces];
	memset(fc, 0, sizeof *fc);
	atomic_init(&fc->state, FACE_UNREAD);
	fc->path = xstrdup(path);
	fc->index = index;
	sp_buf b = SP_BUF_INIT;
	buf_printf(&b, "%s %s", family, variant_names[variant]);
	fc->name = buf_detach(&b);
	return f->nfaces++;
}

/* Reads TrueType face fc into the metrics document: 0, or -1 with the
 * reason in *why (owned). */
static int read_truetype(pdf_fonts *f, pdf_face *fc, char **why)
{
	const char *name =
	    HPDF_LoadTTFontFromFile(f->metrics, fc->path, HPDF_FALSE);
	HPDF_FontDef def = name ? haru_fontdef_of(f->metrics, name) : NULL;
	if (!haru_fontdef_is_truetype(def)) {
		sp_buf msg = SP_BUF_INIT;
		buf_printf(&msg,
		           "cannot load font '%s' (%s): libharu error 0x%04X "
		           "(%s)",
		           fc->path, fc->name,
		           (unsigned)HPDF_GetError(f->metrics),
		           pdf_error_text(HPDF_GetError(f->metrics)));
		*why = buf_detach(&msg);
		HPDF_ResetError(f->metrics);
		return -1;
	}
	fc->num_glyphs = haru_fontdef_num_glyphs(def);
	haru_fontdef_metrics(def, &fc->ascent, &fc->descent,
	                     &fc->missing_width);
	fc->def = def;
	fc->adv = xcalloc(fc->num_glyphs ? fc->num_glyphs : 1, sizeof *fc->adv);
	for (unsigned g = 0; g < fc->num_glyphs; g++)
		fc->adv[g] = (int16_t)haru_fontdef_gid_width(def, g);
	fill_gids(fc, def);
	fc->shaper = pdf_shaper_new(fc->path, 0);
	return 0;
}

static int read_face_locked(pdf_fonts *f, int i);

/* The blocks of CJK text (radicals, CJK punctuation, kana, ideographs,
 * hangul, compatibility ideographs, vertical and fullwidth forms). */
static int cjk_block(unsigned cp)
{
	return (cp >= 0x2E80 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* A script face leaves CJK text to the CJK faces: Symbola has a few kana
 * and ideographs (の, 中, ㊗), which would set single characters of a
 * Japanese or Chinese line in another design. */
static void leave_cjk(pdf_fonts *f, pdf_face *fc)
{
	for (int r = 0; r < FAMILY_N; r++) {
		int c = f->cjk[r];
		if (c < 0 || read_face_locked(f, c) != FACE_READ)
			continue;
		const uint16_t *cjk = f->faces[c].gid;
		for (unsigned cp = 0x2E80; cp < 0x10000; cp++)
			if (cjk_block(cp) && cjk[cp])
				fc->gid[cp] = 0;
	}
}

/* Reads face i if it is unread (with `reading` held): its FACE_READ or
 * FACE_FAILED. A CFF face that cannot be read is quietly empty, as it
 * was quietly left out of the chains; a TrueType face's reason is kept
 * in read_error. */
static int read_face_locked(pdf_fonts *f, int i)
{
	pdf_face *fc = &f->faces[i];
	int st = atomic_load_explicit(&fc->state, memory_order_relaxed);
	if (st != FACE_UNREAD)
		return st;
	char *why = NULL;
	int rc = fc->cff ? pdf_otface_load(fc) : read_truetype(f, fc, &why);
	if (rc == 0 && fc->script)
		leave_cjk(f, fc);
	if (rc < 0) {
		free(fc->gid);
		free(fc->adv);
		fc->gid = NULL;
		fc->adv = NULL;
		if (why && !f->read_error)
			f->read_error = why;
		else
			free(why);
	}
	st = rc == 0 ? FACE_READ : FACE_FAILED;
	atomic_store_explicit(&fc->state, st, memory_order_release);
	return st;
}

static int read_face(pdf_fonts *f, int i)
{
	pdf_face *fc = &f->faces[i];
	int st = atomic_load_explicit(&fc->state, memory_order_acquire);
	if (st != FACE_UNREAD)
		return st;
	pthread_mutex_lock(&f->reading);
	st = read_face_locked(f, i);
	pthread_mutex_unlock(&f->reading);
	return st;
}

int pdf_fonts_ready(const pdf_fonts *f, int face)
{
	/* reading fills tables that are only read afterwards: the fonts are
	 * the same to every caller before and after */
	pdf_fonts *w = (pdf_fonts *)f;
	return face >= 0 && face < f->nfaces && read_face(w, face) == FACE_READ;
}

int pdf_fonts_report_read_error(const pdf_fonts *f, sp_diag *d)
{
	pdf_fonts *w = (pdf_fonts *)f;
	pthread_mutex_lock(&w->reading);
	int failed = w->read_error != NULL;
	if (failed)
		diag_error(d, sp_loc_make(NULL, 0, 0), "%s", w->read_error);
	pthread_mutex_unlock(&w->reading);
	return failed ? -1 : 0;
}

/* ---- ops ---- */

/* Face `face`, read now if it was not; NULL when it cannot be. */
static const pdf_face *face_at(void *ctx, int face)
{
	const pdf_fonts *f = ctx;
	return pdf_fonts_ready(f, face) ? &f->faces[face] : NULL;
}

/* The glyph of cp (0: none): libharu's table in the BMP, HarfBuzz's
 * cmap above it (only shaped text can draw those). */
static unsigned glyph_of(const pdf_face *fc, uint32_t cp)
{
	if (cp < 65536)
		return fc->gid[cp];
	unsigned g = pdf_shaper_glyph(fc->shaper, cp);
	return g < fc->num_glyphs ? g : 0;
}

static int op_has_glyph(void *ctx, int face, uint32_t cp)
{
	const pdf_face *fc = face_at(ctx, face);
	return fc && glyph_of(fc, cp) != 0;
}

static int op_advance(void *ctx, int face, uint32_t cp)
{
	const pdf_face *fc = face_at(ctx, face);
	if (!fc)
		return 0;
	unsigned g = glyph_of(fc, cp);
	return g ? fc->adv[g] : fc->missing_width;
}

static int op_ascent(void *ctx, int face)
{
	const pdf_face *fc = face_at(ctx, face);
	return fc ? fc->ascent : 0;
}

static int op_descent(void *ctx, int face)
{
	const pdf_face *fc = face_at(ctx, face);
	return fc ? fc->descent : 0;
}

static long op_shape(void *ctx, int face, const char *text, size_t len,
                     int features, int rtl, const char *lang, sp_glyph *out,
                     size_t cap)
{
	const pdf_face *fc = face_at(ctx, face);
	return fc ? pdf_shape(fc, text, len, features, rtl, lang, out, cap)
	          : -1;
}

const layout_font_ops pdf_font_ops = {op_advance, op_has_glyph, op_ascent,
                                      op_descent, op_shape};

/* ---- open ---- */

static void report_missing(const pdf_font_spec *spec, const char *family,
                           sp_loc loc, int why, sp_diag *d)
{
	char pkg[128], fmt[32];
	const char *p = package_of(spec->manifest, family, pkg, sizeof pkg);
	if (why == FIND_NOT_TRUETYPE && other_format(family, fmt, sizeof fmt))
		diag_error(d, loc,
		           "font family '%s' exists but is not TrueType (its "
		           "files are %s; libharu embeds TrueType only)",
		           family, fmt);
	else if (why == FIND_UNUSABLE)
		diag_error(
		    d, loc,
		    "font family '%s' has no usable TrueType file (libharu "
		    "needs glyf outlines, not CFF .otf, collections or "
		    "variable fonts)%s%s%s",
		    family, p ? "; install the Debian package '" : "",
		    p ? p : "", p ? "'" : "");
	else if (p)
		diag_error(
		    d, loc,
		    "font family '%s' not found; install the Debian package "
		    "'%s' (apt-get install %s)",
		    family, p, p);
	else
		diag_error(
		    d, loc,
		    "font family '%s' not found, and it is not listed in "
		    "fonts/manifest.txt",
		    family);
}

/* A family of a chain that cannot be used while the rest of the chain
 * can: a warning, and the chain goes on without it. */
static void warn_fallback(sp_diag *d, const char *family, sp_loc loc, int why)
{
	char fmt[32];
	if (why == FIND_NOT_TRUETYPE && other_format(family, fmt, sizeof fmt))
		diag_warning(d, loc,
		             "font family '%s' exists but is not TrueType (its "
		             "files are %s); the next font of the chain is "
		             "used instead",
		             family, fmt);
	else if (why == FIND_UNUSABLE)
		diag_warning(
		    d, loc,
		    "font family '%s' has no usable TrueType file; the "
		    "next font of the chain is used instead",
		    family);
	else
		diag_warning(d, loc,
		             "font family '%s' not found; the next font of the "
		             "chain is used instead",
		             family);
}

/* Faces of one family, indexed by variant; missing variants use the
 * regular face. Returns 0, -1 after reporting an error, or (with
 * fallback) -2 after warning that the family is missing. */
static int open_family(pdf_fonts *f, const pdf_font_spec *spec,
                       const char *family, sp_loc loc, int faces[VARIANT_N],
                       int fallback, sp_diag *d)
{
	char *path = NULL;
	int why = fc_find(f, family, VARIANT_REGULAR, &path);
	char fmt[32];
	if (why == FIND_NO_FAMILY && other_format(family, fmt, sizeof fmt))
		why = FIND_NOT_TRUETYPE;
	if (why != FIND_OK && fallback) {
		warn_fallback(d, family, loc, why);
		return -2;
	}
	if (why != FIND_OK) {
		report_missing(spec, family, loc, why, d);
		return -1;
	}
	faces[0] = add_face(f, path, 0, family, VARIANT_REGULAR);
	free(path);
	for (int v = 1; v < VARIANT_N; v++) {
		path = NULL;
		faces[v] = faces[0];
		if (fc_find(f, family, v, &path) == FIND_OK)
			faces[v] = add_face(f, path, 0, family, v);
		free(path);
	}
	return 0;
}

static void chain_add(layout_fonts *lf, int role, int v, int face)
{
	int n = lf->chain_len[role][v];
	for (int i = 0; i < n; i++)
		if (lf->chain[role][v][i] == face)
			return;
	if (n < FONT_MAX_CHAIN) {
		lf->chain[role][v][n] = face;
		lf->chain_len[role][v] = n + 1;
	}
}

/* Families appended to every chain after the template's, for the scripts
 * and symbols its fonts lack (Hebrew, Arabic, Devanagari, and Symbola's
 * monochrome emoji and math alphanumerics above U+FFFF). Each is skipped
 * quietly when it is not installed: a character that no face has is
 * still a warning. Loaded after the substitute's family, so that the face
 * numbers of the template's fonts do not change. */
static const char *const script_families[] = {
    "Noto Sans Hebrew", "Noto Sans Arabic", "Noto Sans Devanagari", "Symbola"};

static void add_script_fallbacks(pdf_fonts *f, const pdf_font_spec *spec,
                                 sp_diag *d)
{
	size_t n = sizeof script_families / sizeof *script_families;
	for (size_t k = 0; k < n; k++) {
		char *path = NULL;
		int why =
		    fc_find(f, script_families[k], VARIANT_REGULAR, &path);
		free(path);
		path = NULL;
		int faces[VARIANT_N];
		if (why == FIND_NO_VARIANT && /* Symbola is semi-condensed */
		    fc_find_ex(f, script_families[k], VARIANT_REGULAR, 0,
		               &path) == FIND_OK) {
			faces[0] = add_face(f, path, 0, script_families[k],
			                    VARIANT_REGULAR);
			for (int v = 1; v < VARIANT_N; v++)
				faces[v] = faces[0];
			why = FIND_OK;
		} else if (why == FIND_OK &&
		           open_family(f, spec, script_families[k],
		                       sp_loc_make(NULL, 0, 0), faces, 0,
		                       d) < 0) {
			why = FIND_UNUSABLE;
		}
		free(path);
		if (why != FIND_OK)
			continue;
		for (int r = 0; r < FAMILY_N; r++)
			for (int v = 0; v < VARIANT_N; v++)
				chain_add(&f->lf, r, v, faces[v]);
	}
}

/* ---- CFF faces (HarfBuzz metrics, embedded by cidcff.c) ---- */

/* The CJK families appended to each role's chain, after the script
 * families (Noto CJK, fonts-noto-cjk: CFF outlines in .ttc collections).
 * The simplified-Chinese faces: the corpus language picks the Japanese,
 * Korean or traditional forms through the font's locl feature. */
static const char *const cjk_families[FAMILY_N] = {
    "Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Sans Mono CJK SC"};

/* The file and face index of family's variant when fontconfig has it in
 * CFF; 0, or -1 when it has not. */
static int fc_find_cff(const char *family, int variant, char **path, int *index)
{
	FcPattern *m = fc_match(family, variant & VARIANT_BOLD, "CFF");
	if (!m)
		return -1;
	FcChar8 *file = NULL, *fmt = NULL;
	int ok =
	    family_matches(m, family) &&
	    FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
	    FcPatternGetString(m, FC_FONTFORMAT, 0, &fmt) == FcResultMatch &&
	    strcmp((const char *)fmt, "CFF") == 0 &&
	    variant_matches(m, variant & VARIANT_BOLD);
	*index = 0;
	FcPatternGetInteger(m, FC_INDEX, 0, index);
	if (ok)
		*path = xstrdup((const char *)file);
	FcPatternDestroy(m);
	return ok ? 0 : -1;
}

/* A CFF face: its HarfBuzz font made now (the face is left out when it
 * cannot be), its tables read when first asked about. */
static int add_cff_face(pdf_fonts *f, const char *path, int index,
                        const char *family, int variant)
{
	int n = f->nfaces;
	int i = add_face(f, path, (unsigned)index, family, variant);
	if (i < n)
		return i;
	pdf_face *fc = &f->faces[i];
	fc->cff = 1;
	fc->shaper = pdf_shaper_new(path, (unsigned)index);
	if (!fc->shaper) {
		free(fc->path);
		free(fc->name);
		f->nfaces--;
		return -1;
	}
	return i;
}

/* Each role's CJK family, when installed, on every variant of its chain
 * (bold on bold, italic on the upright face); quietly skipped when not. */
static void add_cjk_fallbacks(pdf_fonts *f)
{
	for (int r = 0; r < FAMILY_N; r++) {
		int faces[2] = {-1, -1}; /* regular, bold */
		for (int b = 0; b < 2; b++) {
			char *path = NULL;
			int index = 0;
			if (fc_find_cff(cjk_families[r],
			                b ? VARIANT_BOLD : VARIANT_REGULAR,
			                &path, &index) == 0)
				faces[b] = add_cff_face(
				    f, path, index, cjk_families[r],
				    b ? VARIANT_BOLD : VARIANT_REGULAR);
			free(path);
		}
		f->cjk[r] = faces[0];
		if (faces[1] < 0)
			faces[1] = faces[0];
		for (int v = 0; v < VARIANT_N && faces[0] >= 0; v++)
			chain_add(&f->lf, r, v,
			          faces[(v & VARIANT_BOLD) ? 1 : 0]);
	}
}

/* Reads now the faces most text is set in, each role's first face of
 * every variant and the substitute's, here (on the thread that opens the
 * fonts, ahead of layout) and with a message when one cannot be read; the
 * rest of the chains when first asked about. */
static int read_first_faces(pdf_fonts *f, sp_diag *d)
{
	const layout_fonts *lf = &f->lf;
	int failed = 0;
	for (int r = 0; r <= FAMILY_N; r++)
		for (int v = 0; v < VARIANT_N; v++) {
			int i = r == FAMILY_N         ? lf->subst_face
			        : lf->chain_len[r][v] ? lf->chain[r][v][0]
			                              : -1;
			if (i >= 0 && read_face(f, i) != FACE_READ)
				failed = 1;
		}
	return pdf_fonts_report_read_error(f, d) < 0 || failed ? -1 : 0;
}

/* The metrics document allocates as the rest of the program does:
 * running out of memory while a face is read (perhaps late in a run, when
 * a fallback is first needed) ends the run with util/mem.h's message and
 * exit status, not as a font that cannot be loaded. */
static void *metrics_alloc(HPDF_UINT size)
{
	return xmalloc(size);
}

static void metrics_free(void *p)
{
	free(p);
}

pdf_fonts *pdf_fonts_open(const pdf_font_spec *spec, sp_diag *d)
{
	pdf_font_spec defaults;
	pdf_font_spec_default(&defaults);
	if (!spec)
		spec = &defaults;
	if (!fc_acquire()) {
		diag_error(d, sp_loc_make(NULL, 0, 0),
		           "cannot initialise fontconfig");
		return NULL;
	}
	pdf_fonts *f = xcalloc(1, sizeof *f);
	pthread_mutex_init(&f->reading, NULL);
	for (int r = 0; r < FAMILY_N; r++)
		f->cjk[r] = -1;
	f->fc = 1;
	f->err = xcalloc(1, sizeof *f->err);
	f->metrics = HPDF_NewEx(pdf_error_handler, metrics_alloc, metrics_free,
	                        0, f->err);
	if (!f->metrics) {
		diag_error(d, sp_loc_make(NULL, 0, 0), "cannot create a PDF");
		pdf_fonts_close(f);
		return NULL;
	}
	layout_fonts *lf = &f->lf;
	lf->ops = &pdf_font_ops;
	lf->ctx = f;
	int failed = 0;
	for (int r = 0; r < FAMILY_N; r++) {
		const char *const *chain = spec->families[r][0]
		                               ? spec->families[r]
		                               : defaults.families[r];
		int opened = 0;
		for (int k = 0; k < FONT_MAX_CHAIN && chain[k]; k++) {
			int faces[VARIANT_N];
			sp_loc loc = spec->families[r][0]
			                 ? spec->locs[r][k]
			                 : sp_loc_make(NULL, 0, 0);
			/* a missing family is a warning while another of the
			 * chain may still draw the text */
			int more = k + 1 < FONT_MAX_CHAIN && chain[k + 1];
			int rc = open_family(f, spec, chain[k], loc, faces,
			                     opened || more, d);
			if (rc == -1)
				failed = 1;
			if (rc < 0)
				continue;
			opened++;
			for (int v = 0; v < VARIANT_N; v++)
				chain_add(lf, r, v, faces[v]);
		}
	}
	int subst[VARIANT_N];
	if (!failed && open_family(f, spec, SUBST_FAMILY,
	                           sp_loc_make(NULL, 0, 0), subst, 0, d) < 0)
		failed = 1;
	if (failed) {
		pdf_fonts_close(f);
		return NULL;
	}
	lf->subst_face = subst[0];
	int first_script = f->nfaces;
	add_script_fallbacks(f, spec, d);
	for (int i = first_script; i < f->nfaces; i++)
		f->faces[i].script = 1;
	add_cjk_fallbacks(f);
	lf->nfaces = f->nfaces;
	if (read_first_faces(f, d) < 0) {
		pdf_fonts_close(f);
		return NULL;
	}
	lf->subst_cp = op_has_glyph(f, subst[0], 0xFFFD) ? 0xFFFD : '?';
	f->embed = pdf_embed_new(f->nfaces);
	return f;
}

void pdf_fonts_close(pdf_fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nfaces; i++) {
		free(f->faces[i].path);
		free(f->faces[i].name);
		free(f->faces[i].gid);
		free(f->faces[i].adv);
		pdf_shaper_free(f->faces[i].shaper);
	}
	free(f->faces);
	for (size_t i = 0; i < f->nfound; i++) {
		free(f->found[i].family);
		free(f->found[i].path);
	}
	free(f->found);
	pdf_embed_free(f->embed);
	if (f->metrics)
		HPDF_Free(f->metrics);
	free(f->err);
	free(f->read_error);
	pthread_mutex_destroy(&f->reading);
	if (f->fc)
		fc_release();
	free(f);
}

void pdf_fonts_pin_common(pdf_fonts *f)
{
	pdf_embed_pin_common(f->embed);
}

const layout_fonts *pdf_fonts_layout(const pdf_fonts *f)
{
	return &f->lf;
}

int pdf_fonts_count(const pdf_fonts *f)
{
	return f->nfaces;
}

const char *pdf_fonts_face_path(const pdf_fonts *f, int face)
{
	return (face >= 0 && face < f->nfaces) ? f->faces[face].path : NULL;
}

const char *pdf_fonts_face_name(const pdf_fonts *f, int face)
{
	return (face >= 0 && face < f->nfaces) ? f->faces[face].name : NULL;
}
