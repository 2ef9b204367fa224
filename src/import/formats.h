/* formats.h - the readers, one file each. Each reads one decoded source
 * into the doc and returns 0, or -1 after reporting an error (the file's
 * shape was not recognised: it then says what was). */
#ifndef SP_IMPORT_FORMATS_H
#define SP_IMPORT_FORMATS_H

#include "import/doc.h"
#include "import/source.h"

int imp_read_text(imp_doc *d, const imp_src *s);     /* guide_text.c */
int imp_read_markdown(imp_doc *d, const imp_src *s); /* guide_md.c */
int imp_read_anki(imp_doc *d, const imp_src *s);     /* anki.c */
int imp_read_quizlet(imp_doc *d, const imp_src *s);  /* quizlet.c */
/* CSV (sep ',') or TSV (sep '\t') with a header row (table.c). */
int imp_read_table(imp_doc *d, const imp_src *s, import_format f);

/* detect.c: the format of a source from its name and content; IMPORT_AUTO
 * (after reporting) when it is a YAML corpus already. */
import_format imp_detect(const imp_src *s, imp_report *r);

/* The separator given with --separator, or dflt ("\t", ","). */
const char *imp_separator(const imp_doc *d, const char *dflt);

#endif
