/* internal.h - shared by the files of src/pdf/ only. */
#ifndef SP_PDF_INTERNAL_H
#define SP_PDF_INTERNAL_H

#include <hpdf.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "pdf/cpset.h"
#include "pdf/haru.h"
#include "pdf/pdf.h"
#include "util/buf.h"

/* shape.c: HarfBuzz over one font file (shared by every thread). */
typedef struct pdf_shaper pdf_shaper;
/* index: the face in a collection (.ttc), 0 for a plain file */
pdf_shaper *pdf_shaper_new(const char *path, unsigned index); /* NULL: none */
/* Its immutable hb_font (NULL when s is NULL), for otface.c/cidcff.c. */
struct hb_font_t *pdf_shaper_font(const pdf_shaper *s);
void pdf_shaper_free(pdf_shaper *s);
/* The cmap's glyph of cp, 0 when none (or s is NULL). */
unsigned pdf_shaper_glyph(const pdf_shaper *s, uint32_t cp);
/* One font file, loaded once into the metrics document. A face is known
 * (path, name, index, cff) from pdf_fonts_open on; its
 * tables (gid, adv, num_glyphs, metrics, def, and a TrueType face's
 * shaper) are read from the file when something first asks about the
 * face (pdf_fonts_ready), so the fallbacks a document never needs are
 * never read. Everything below state is written once, before state
 * becomes FACE_READ, and only read after. */
enum { FACE_UNREAD, FACE_READ, FACE_FAILED };

typedef struct pdf_face {
	atomic_int state; /* FACE_*: set with release, read with acquire */
	char *path;
	char *name;    /* "Liberation Serif Bold" */
	int script;    /* a script fallback: leaves CJK text to the CJK
	                  faces (fonts.c, leave_cjk) */
	uint16_t *gid; /* [65536]: glyph of each BMP code point, 0 = none */
	int16_t *adv;  /* [num_glyphs]: advance, 1/1000 em */
	unsigned num_glyphs;
	int missing_width;
	int ascent, descent; /* 1/1000 em */
	HPDF_FontDef def;    /* in the metrics document; NULL when cff */
	pdf_shaper *shaper;  /* NULL: measured code point by code point */
	unsigned index;      /* the face in a collection (.ttc) */
	int cff;             /* CFF outlines: read by HarfBuzz (otface.c),
	                        embedded by cidcff.c, never by libharu */
} pdf_face;

/* otface.c: fills fc's gid, adv, num_glyphs, ascent, descent and
 * missing_width from its shaper's font (fc->shaper set); 0, or -1 when
 * the face has no glyphs or no units per em. */
int pdf_otface_load(pdf_face *fc);

/* The font op `shape` (layout/font.h) for face fc: advances are the
 * face's (fc->adv, as /W writes them) plus the kerning; a glyph is
 * nominal when fc->gid gives it for its code point. */
long pdf_shape(const pdf_face *fc, const char *text, size_t len, int features,
               int rtl, const char *lang, sp_glyph *out, size_t cap);

/* cffcids.c: the CID of each glyph of a CID-keyed CFF program (n bytes)
 * into cids[cap]: the number of glyphs, or -1 when the program is not
 * CID-keyed, is malformed or has more than cap glyphs. */
long pdf_cff_cids(const void *data, size_t n, uint16_t *cids, size_t cap);

typedef struct pdf_embed pdf_embed;

struct pdf_fonts {
	HPDF_Doc metrics; /* never saved; holds the parsed fonts */
	pdf_face *faces;
	int nfaces;
	size_t cap_faces;
	layout_fonts lf;
	struct pdf_err *err;    /* the metrics document's errors */
	int fc;                 /* holds a fontconfig reference */
	pdf_embed *embed;       /* font programs made once per run */
	struct fc_found *found; /* fontconfig answers while opening (fonts.c) */
	size_t nfound, cap_found;
	pthread_mutex_t reading; /* held while a face's file is read */
	int cjk[FAMILY_N];       /* each role's regular CJK face, or -1 */
	char *read_error;        /* the first face that could not be read
	                          * after pdf_fonts_open, or NULL; under
	                          * `reading` */
};

extern const layout_font_ops pdf_font_ops;

/* Reads face `face` if it is unread (any thread may ask): 1 when its
 * tables can be used, 0 when it cannot be read (pdf_fonts_report_read_error
 * says why). */
int pdf_fonts_ready(const pdf_fonts *f, int face);

/* Records the first libharu error of a document (its error handler's
 * user data). */
typedef struct pdf_err {
	HPDF_STATUS code, detail;
	unsigned count;
} pdf_err;

void pdf_error_handler(HPDF_STATUS code, HPDF_STATUS detail, void *user);

/* A short description of a libharu error code. */
const char *pdf_error_text(HPDF_STATUS code);

/* After all drawing and before saving, repair one Type0 font of an output
 * document (tounicode.c), whose CIDs are glyph ids (`used`): embed the
 * components of nested composite glyphs, replace the ToUnicode stream
 * with a standard bfchar CMap of the used glyphs' text (gtext), set the
 * descendant's CIDSystemInfo Ordering to (Identity), cut the /W array
 * down to the used glyphs and make the CIDToGIDMap the identity.
 * Returns HPDF_OK or a libharu status. */
struct pdf_gtext;
struct pdf_codes;
/* The standard ToUnicode CMap (bfchar) of the used glyphs' text, keyed by
 * glyph id, or with codes by their one-byte codes. */
void pdf_tounicode_cmap(sp_buf *b, const pdf_cpset *used,
                        const struct pdf_gtext *gt,
                        const struct pdf_codes *codes);
/* The /CIDToGIDMap data, deflated into z (cleared first): the identity up
 * to the highest glyph used, or with codes each code's glyph; -1 when out
 * of memory. */
int pdf_cid_to_gid_map(const pdf_cpset *used, uint32_t nglyphs,
                       const struct pdf_codes *codes, sp_buf *z);
/* The one-byte fonts' /Encoding CMap (the same for all): its name, and
 * its deflated bytes (made once per process), NULL when out of memory. */
#define PDF_ONE_BYTE_CMAP "SP-OneByte-Identity"
const sp_buf *pdf_one_byte_cmap(void);
/* cidcff.c: a deflated stream dictionary of n bytes (NULL when out of
 * memory), and a CIDSystemInfo of Adobe-Identity-0. */
HPDF_Dict pdf_zstream(HPDF_Doc pdf, const void *data, size_t n);
HPDF_Dict pdf_identity_system_info(HPDF_Doc pdf);
/* With codes (codes.h), the font's /Encoding becomes their embedded CMap
 * and the ToUnicode is keyed by them; NULL: Identity-H. The ToUnicode is
 * deflated unless raw (an uncompressed document, for reading). */
HPDF_STATUS pdf_fix_font(HPDF_Font font, const pdf_cpset *used,
                         const struct pdf_gtext *gtext,
                         const struct pdf_codes *codes, int raw);

/* content.c: content-stream writing. cs_num appends a number with at
 * most three decimals and a space; cs_op an operator and a newline;
 * cs_rgb a fill (rg) or stroke (RG) colour; cs_code the two-byte code
 * of cp inside an open literal string, escaped. */
void cs_num(sp_buf *b, double v);
void cs_op(sp_buf *b, const char *op);
void cs_rgb(sp_buf *b, sp_color c, int stroke);
void cs_code(sp_buf *b, uint32_t cp);
/* cs_int: a whole number, nothing around it (a TJ kerning number). */
void cs_int(sp_buf *b, long v);

/* deflate.c: deflates in into out (zlib format); -1 on failure. */
int pdf_deflate(const void *in, size_t n, sp_buf *out);
/* Deflates in[i] into out[i] for i < n on up to `threads` threads, and
 * frees each in[i] when it is done. */
int pdf_deflate_all(sp_buf *in, sp_buf *out, size_t n, int threads);
/* The same as a job running beside this thread: start runs threads - 1
 * workers, which take items below `ready` (raised by pdf_deflate_ready
 * as the caller completes them); finish marks all ready, works on what is
 * left in this thread, waits for the workers and frees the job (always
 * call it). */
typedef struct pdf_deflate_job pdf_deflate_job;
pdf_deflate_job *pdf_deflate_start(sp_buf *in, sp_buf *out, size_t n,
                                   size_t ready, int threads);
void pdf_deflate_ready(pdf_deflate_job *j, size_t ready);
int pdf_deflate_finish(pdf_deflate_job *j);
/* pack.c: rewrites libharu's saved file d (n bytes) as PDF 1.5 with
 * object streams and an xref stream into out; -1 when d is not laid out
 * as libharu writes (then keep d). */
int pdf_pack(const char *d, size_t n, sp_buf *out);
/* The same with objects of our own (tags.c, navigation.c): `count` new
 * objects numbered from libharu's xref size `base` up (body index i <
 * count), and the bodies of libharu's objects replace[j] (j < nreplace;
 * placeholders, none a stream, none twice: body index count + j), each
 * body written by body(ud, base, i, b) into the object streams. */
typedef struct pdf_pack_extra {
	size_t count;
	const unsigned long *replace;
	size_t nreplace;
	void (*body)(void *ud, size_t base, size_t i, sp_buf *b);
	void *ud;
	const char *trailer; /* NULL, or more keys for the trailer ("/ID
	                      * [...]"), written after /Root and /Info */
	/* NULL, or where the packed file goes as it is made: out is handed
	 * over every megabyte or so and emptied (so it ends empty), the
	 * offsets counting what went before; non-zero stops the packing */
	int (*flush)(void *ud, const char *p, size_t n);
	void *flush_ud;
	/* streams whose data is not libharu's (an empty placeholder there)
	 * but data(ud, k, &p, &n) for stream_ids[k], none twice: the
	 * pages' contents, never copied into libharu */
	const unsigned long *stream_ids;
	size_t nstreams;
	void (*stream_data)(void *ud, size_t k, const char **p, size_t *n);
} pdf_pack_extra;
int pdf_pack_ex(const char *d, size_t n, const pdf_pack_extra *x, sp_buf *out);

/* embed.c: font programs subset and deflated once per run (see there).
 * One render at a time may use the metrics document's font definitions:
 * pdf_embed_acquire returns 1 when this one may (then call release). */
pdf_embed *pdf_embed_new(int nfaces);
void pdf_embed_free(pdf_embed *e);
void pdf_embed_pin_common(pdf_embed *e);
int pdf_embed_acquire(pdf_embed *e);
void pdf_embed_release(pdf_embed *e);
/* 1 when face f's file can be subset here and its definition shared. */
int pdf_embed_usable(pdf_embed *e, const pdf_fonts *fonts, int f);
/* Gives font (of face f, on the shared definition) a FontDescriptor
 * with the compressed subset for `used` and a tagged BaseFont. */
HPDF_STATUS pdf_embed_font(pdf_embed *e, const pdf_fonts *fonts, int f,
                           HPDF_Font font, const pdf_cpset *used);
/* The FontDescriptor of face f's compressed subset for `used`, made in
 * pdf for a font of ttfont.c (the shared definition is only read), its
 * tagged BaseFont in name; NULL when it cannot be made. */
HPDF_Dict pdf_embed_descriptor(pdf_embed *e, const pdf_fonts *fonts, int f,
                               HPDF_Doc pdf, const pdf_cpset *used, char *name,
                               size_t size);
/* Undoes what pdf_embed_font set on the shared definition. */
void pdf_embed_done(pdf_embed *e, const pdf_fonts *fonts, int f);

#endif
