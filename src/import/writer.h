/* writer.h - the imported corpus as commented YAML in the project's
 * format: a header saying where it came from, `corpus` (when a source
 * had a title), `roles`, `categories`, `defaults` (the --role roles) and
 * `questions`, each question preceded by a "# FILE:LINE" comment. Plain
 * values are written plain when YAML reads them back unchanged, else
 * double-quoted; rich text longer than a line as a literal block. */
#ifndef SP_IMPORT_WRITER_H
#define SP_IMPORT_WRITER_H

#include "import/doc.h"
#include "util/buf.h"

void imp_write_yaml(const imp_doc *d, sp_buf *out);

/* Append s as a YAML scalar on one line (tests). */
void imp_yaml_scalar(sp_buf *out, const char *s);

#endif
