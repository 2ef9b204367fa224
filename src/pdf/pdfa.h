/* pdfa.h - what PDF/A-2a asks of a file beyond what every tagged output
 * of ours has (pdfa.c): an sRGB output intent, the file identifier, and
 * (elsewhere, when pdf_renderer.pdfa is set) the pdfaid entries of the XMP
 * packet (xmp.c) and printable link annotations (navigation.c). */
#ifndef SP_PDF_PDFA_H
#define SP_PDF_PDFA_H

#include <stddef.h>

#include "pdf/renderer.h"

/* Room for "/ID [<32 hex><32 hex>]" and its NUL. */
#define PDFA_ID_SIZE 80

/* The catalog's /OutputIntents: one GTS_PDFA1 intent whose destination
 * profile is the sRGB ICC profile pdf_pdfa_profile_path() names, embedded
 * as a stream with /N 3. Returns 0, or -1 after reporting. */
int pdfa_write(pdf_renderer *r);

/* The file identifier PDF/A asks for, "/ID [<h><h>]" into out
 * (PDFA_ID_SIZE bytes), from two 64-bit FNV-1a hashes of the file
 * libharu saved and then of every page's content stream (libharu's file
 * holds only placeholders for them): the same document gives the same
 * identifier, and any change of its text another. Returns out. */
const char *pdfa_file_id(const char *data, size_t n, const sp_buf *pages,
                         size_t npages, char *out);

#endif
