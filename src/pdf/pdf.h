/* pdf.h - the PDF device: fonts (fontconfig lookup, metrics over libharu)
 * and the renderer (page model -> PDF file). Only src/pdf/ includes
 * hpdf.h; this header does not.
 *
 * Fonts are located and parsed once per run (pdf_fonts_open). Metrics come
 * from a private libharu document that is never saved: measuring in an
 * output document would embed the glyphs measured. A face's file is read
 * when something first asks about it (under a lock), and its tables are
 * only read after, so one pdf_fonts may be shared by threads that each
 * lay out and render their own document (pdf_render is reentrant: one
 * libharu document per call). */
#ifndef SP_PDF_PDF_H
#define SP_PDF_PDF_H

#include <stddef.h>

#include "layout/font.h"
#include "layout/page.h"
#include "util/diag.h"

/* ---- fonts ---- */

/* For each family role, a fallback chain of fontconfig family names,
 * NULL-terminated (at most FONT_MAX_CHAIN). A role whose chain is empty
 * gets the default chain. */
typedef struct pdf_font_spec {
	const char *families[FAMILY_N][FONT_MAX_CHAIN + 1];
	/* where each family was named (a template), for messages; may be
	 * left zero */
	sp_loc locs[FAMILY_N][FONT_MAX_CHAIN + 1];
	/* fonts/manifest.txt to read package names from; NULL = the
	 * bundled one (util/datadir.h), then a built-in copy. */
	const char *manifest;
} pdf_font_spec;

/* Default chains: body "Liberation Serif", "DejaVu Serif", "DejaVu Sans";
 * heading "Lato", "Liberation Sans", "DejaVu Sans"; mono "Liberation
 * Mono", "DejaVu Sans Mono", "DejaVu Sans". */
void pdf_font_spec_default(pdf_font_spec *spec);

typedef struct pdf_fonts pdf_fonts;

/* Find every family of spec (NULL = defaults) with fontconfig (TrueType
 * outlines only; a missing bold/italic falls back to the family's
 * regular), load each file once, and build the metrics tables. Faces are
 * numbered from 0, one per distinct file. DejaVu Sans regular is always
 * loaded: it draws the substitute (U+FFFD) for characters no face has.
 * Returns NULL after reporting to d when a family is missing (the message
 * names the Debian package from the manifest) or a file cannot be used. */
pdf_fonts *pdf_fonts_open(const pdf_font_spec *spec, sp_diag *d);
void pdf_fonts_close(pdf_fonts *f);
/* For batches: every document embeds the glyphs of printable ASCII and
 * common punctuation too, so that most documents share one compressed
 * font program per face (made once per run instead of once per PDF). */
void pdf_fonts_pin_common(pdf_fonts *f);

/* The font set layout uses: ops/ctx are this device; chains and subst
 * are filled. Valid until pdf_fonts_close. */
const layout_fonts *pdf_fonts_layout(const pdf_fonts *f);

/* Describing a face (for messages and dumps). */
int pdf_fonts_count(const pdf_fonts *f);
/* Reports through d why a face could not be read when it was first
 * asked about (after pdf_fonts_open, a fallback that text needed: the
 * text went to the next face of its chain, so what was laid out since is
 * wrong, and is refused): -1 after reporting, 0 when every face asked
 * about could be read. */
int pdf_fonts_report_read_error(const pdf_fonts *f, sp_diag *d);
const char *pdf_fonts_face_path(const pdf_fonts *f, int face);
/* "Liberation Serif Bold", ... */
const char *pdf_fonts_face_name(const pdf_fonts *f, int face);

/* The Debian package that provides family, from the manifest, or NULL. */
const char *pdf_fonts_package(const char *family);

/* ---- rendering ---- */

/* Return codes of pdf_render, pdf_write_atomic and pdf_write_new. */
enum {
	PDF_OK = 0,
	PDF_ERR_IO = 1,       /* the output could not be written */
	PDF_ERR_INTERNAL = 2, /* libharu failed, or the model is unusable */
	PDF_ERR_EXISTS = 3    /* pdf_write_new: the path exists */
};

typedef struct pdf_render_opts {
	int uncompressed; /* 1 = leave streams uncompressed (debugging) */
	int no_date;      /* 1 = ignore SOURCE_DATE_EPOCH */
	int pdfa;         /* 1 = PDF/A-2a as well as tagged (pdfa.c): an sRGB
	                   * output intent, pdfaid in the XMP, printable
	                   * links, a file /ID; needs packing (not with
	                   * uncompressed) */
	/* Called once page p is drawn, in page order, when nothing of it
	 * is read again but its size, links and destinations: the caller
	 * may give back the rest (doc_release_pages). NULL for none. */
	void (*page_drawn)(void *ud, size_t p);
	void *page_drawn_ud;
} pdf_render_opts;

/* The sRGB ICC profile --pdfa embeds (pdfa.c): the first that exists of
 * the Debian paths it knows, or NULL when there is none. */
const char *pdf_pdfa_profile_path(void);

/* Render doc with fonts (from pdf_fonts_layout) into out_path, atomically:
 * the PDF is written to a temporary file next to out_path as it is packed
 * (the packed file is never held whole), synced, and renamed into place;
 * on any failure nothing is
 * left behind and a previous out_path is untouched. A non-regular
 * out_path (a device such as /dev/null, a FIFO) is written directly.
 * The output is byte-identical for identical input; /CreationDate and
 * /ModDate are set only from SOURCE_DATE_EPOCH. o may be NULL.
 * Returns PDF_OK, PDF_ERR_IO or PDF_ERR_INTERNAL (after reporting). */
int pdf_render(const sp_document *doc, const layout_fonts *fonts,
               const pdf_render_opts *o, const char *out_path, sp_diag *d);

/* The same, into memory: *data (malloc'd, caller frees) and *len. */
int pdf_render_mem(const sp_document *doc, const layout_fonts *fonts,
                   const pdf_render_opts *o, char **data, size_t *len,
                   sp_diag *d);

/* ---- output ---- */

/* Write data to path atomically (see pdf_render). Errors are reported as
 * "cannot write 'PATH': REASON". Returns PDF_OK or PDF_ERR_IO. */
int pdf_write_atomic(const char *path, const void *data, size_t len,
                     sp_diag *d);

/* The same in steps, for an output made piece by piece: pdf_out_open
 * makes the temporary file next to path (NULL after reporting: path is a
 * directory, or the directory is not writable); pdf_out_write appends
 * (-1 after a failure, which pdf_out_commit reports); pdf_out_commit
 * syncs it and renames it over path
 * (PDF_OK or PDF_ERR_IO), pdf_out_abort removes it. Both free o. A device
 * or FIFO gets the bytes only at pdf_out_commit, all at once. */
typedef struct pdf_out pdf_out;
pdf_out *pdf_out_open(const char *path, sp_diag *d);
int pdf_out_write(pdf_out *o, const void *data, size_t len);
int pdf_out_commit(pdf_out *o);
void pdf_out_abort(pdf_out *o);

/* Write a new file: like pdf_write_atomic (a synced temporary file next
 * to it, moved into place), but never over anything that exists at path,
 * even one that appears while writing: then "cannot write 'PATH': it
 * already exists" and PDF_ERR_EXISTS. Returns PDF_OK, PDF_ERR_EXISTS or
 * PDF_ERR_IO. */
int pdf_write_new(const char *path, const void *data, size_t len, sp_diag *d);

/* Flush each output to disk before renaming it into place (the default),
 * or not: a batch turns it off and calls pdf_sync_dir(DIR) once at the
 * end. Call before starting threads. */
void pdf_set_sync_each(int on);
void pdf_sync_dir(const char *dir);

/* 1 when out may be written: it is not the same file (device and inode)
 * as any of the n inputs. Otherwise reports an error and returns 0. */
int pdf_output_path_ok(const char *out, const char *const *inputs, size_t n,
                       sp_diag *d);

#endif
