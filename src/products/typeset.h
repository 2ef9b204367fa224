/* typeset.h - what every product shares: the typesetting context (template,
 * fonts, text engine, layout engine), styles, rich text into flows, and
 * writing the result (PDF and/or --dump-layout). */
#ifndef SP_PRODUCTS_TYPESET_H
#define SP_PRODUCTS_TYPESET_H

#include "corpus/corpus.h"
#include "layout/flow.h"
#include "pdf/pdf.h"
#include "products/status.h"
#include "products/tagging.h"
#include "products/template.h"

typedef struct sp_typeset {
	const sp_template *tpl; /* borrowed */
	pdf_fonts *pdf_fonts;   /* owned */
	const layout_fonts *fonts;
	layout_text_ctx *text; /* owned */
	layout_engine *eng;    /* owned */
	sp_diag *d;
	const char **inputs; /* files read (corpus, template): never outputs */
	size_t ninputs;
	typeset_tags *tags; /* owned: the structure being built (tagging.h) */
} sp_typeset;

/* Open fonts (fontconfig, once per run) and engines for a template.
 * Returns 0, or -1 after reporting. */
int typeset_open(sp_typeset *r, const sp_template *t, sp_diag *d);
void typeset_close(sp_typeset *r);
/* Reports a font fallback that could not be read when text first needed
 * it (pdf_fonts_report_read_error): -1 after reporting, else 0. */
int typeset_fonts_failed(const sp_typeset *r);
/* Reports through d from now on (d borrowed): for fonts opened on a
 * helper thread with a diagnostics sink of its own. */
void typeset_set_diag(sp_typeset *r, sp_diag *d);

/* A span style. */
layout_span typeset_span(sp_family fam, int variant, double size,
                         sp_color color);
/* Paragraph style from the template: justified or ragged, leading. */
layout_para_style typeset_para_style(const sp_typeset *r, double size,
                                     int justify);

/* A display style: aligned as asked, never hyphenated (headings, labels,
 * table cells, card text). */
layout_para_style typeset_display_style(const sp_typeset *r, double size,
                                        layout_align align);

/* The spans and paragraph styles the handbook and the worksheet both
 * start from (the template's sizes and colours). */
typedef struct typeset_styles {
	layout_span body;  /* body text */
	layout_span small; /* small text */
	layout_span h2;    /* a question's heading: heading family, bold */
	layout_para_style ps_body;  /* body, justified when the template is */
	layout_para_style ps_left;  /* body, ragged right */
	layout_para_style ps_small; /* small, ragged right */
} typeset_styles;
void typeset_styles_init(const sp_typeset *r, typeset_styles *s);

/* Append a plain-text paragraph (white space already folded). Returns the
 * block. */
flow_block *typeset_text_para(sp_flow *f, const char *text,
                              const layout_span *st,
                              const layout_para_style *ps);

/* Append rich text (paragraphs and list items with emphasis, strong, code
 * and links) as paragraphs, tagged P, L/LI/Lbl/LBody and Code under the
 * current parent (r->tags): `base` is the regular style; code uses the
 * mono family at the template's mono size scaled with base. List items
 * hang their bullet or number; indent is added to every block. */
void typeset_rich_text(const sp_typeset *r, sp_flow *f, const rich_text *rt,
                       const layout_span *base, const layout_para_style *ps,
                       double indent, double para_space);

/* Append a bulleted list of plain-text items (key points, follow-ups),
 * tagged as an L under the current parent.
 * marker: UTF-8 bullet such as "•" or "☐". */
void typeset_bullets(const sp_typeset *r, sp_flow *f, const sp_text_list *l,
                     const char *marker, const layout_span *base,
                     const layout_para_style *ps, double indent,
                     double item_space);

/* Record the files this run reads (the corpus's and the template's), so
 * that typeset_write refuses to write over one of them; and hyphenate
 * in the corpus's language (typeset_hyphen_dict). */
void typeset_set_inputs(sp_typeset *r, const sp_corpus *c);
/* The libhyphen dictionary for a language tag ("de", "de-CH", "en";
 * NULL): /usr/share/hyphen/hyph_LL_CC.dic, else hyph_LL.dic, else the
 * first hyph_LL_*.dic installed; English (hyph_en_US.dic) for "en", no
 * tag, or a language with no dictionary installed. Newly allocated. */
char *typeset_hyphen_dict(const char *language);

/* Write the document: --dump-layout to dump_path when not NULL ("-" is
 * standard output), and the PDF to out_path when not NULL, each
 * atomically and never over an input. Writing the PDF gives back the
 * pages' texts, lines and rectangles as they are drawn
 * (doc_release_pages): afterwards doc holds its pages' sizes, links and
 * destinations, its outline and labels. Returns PRODUCT_OK, PRODUCT_IO,
 * or PRODUCT_INVALID when the PDF device refused the document. */
product_status typeset_write(sp_typeset *r, sp_document *doc,
                             const char *out_path, const char *dump_path);
/* The same; extra (when not NULL) appends product lines to the dump. */
product_status typeset_write_ex(sp_typeset *r, sp_document *doc,
                                const char *out_path, const char *dump_path,
                                void (*extra)(FILE *, void *), void *ud);

/* The frames of a paginated product: the template's body area on each
 * new page (layout_next_frame_fn; ud is a typeset_pages). A break that
 * asks for an odd page gets a blank even page first; no page is added
 * beyond `limit`. */
typedef struct typeset_pages {
	const sp_template *t;
	long limit; /* pages at most */
	int duplex; /* left-hand (even-numbered) pages mirror the margins */
} typeset_pages;
int typeset_next_frame(void *ud, sp_document *doc, int to_odd,
                       layout_frame *fr);

/* Draw text in style st as one line on pg, baseline y: x is its left
 * end, centre or right end as align says (layout_draw_text). Returns its
 * width, points. */
double typeset_draw_text(const sp_typeset *r, sp_page *pg,
                         const layout_span *st, const char *text, double x,
                         double y, layout_align align);

/* Millimetres to points. */
#define MM_PT(mm) ((mm)*72.0 / 25.4)

#endif
