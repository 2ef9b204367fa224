/* richtext.h - CommonMark subset to rt_block/rt_run (internal). */
#ifndef SP_CORPUS_RICHTEXT_H
#define SP_CORPUS_RICHTEXT_H

#include "corpus/corpus.h"

/* An unsupported construct: line (1-based) and column (1-based, bytes)
 * relative to the text. */
typedef void (*rt_errfn)(void *ctx, int line, int col, const char *msg);

/* cmark_parse_document(text, len, CMARK_OPT_DEFAULT) with the project's
 * allocator: out of memory ends the run with the message and exit status
 * of util/mem.h (cmark's own allocator aborts). Free with
 * cmark_node_free. Every use of cmark goes through here. */
struct cmark_node *richtext_cmark_parse(const char *text, size_t len);

/* Parse text (NUL-terminated, valid UTF-8) into out->blocks. Reports
 * every unsupported construct through err; returns how many. */
int richtext_parse(const char *text, rich_text *out, rt_errfn err, void *ctx);
void richtext_free(rich_text *rt);
/* The bytes of text in all of rt's runs (a size estimate). */
size_t richtext_bytes(const rich_text *rt);

#endif
