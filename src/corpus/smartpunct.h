/* smartpunct.h - typographic punctuation for text typed with ASCII marks.
 *
 * Straight quotes become curly ones (“double”, ‘single’), an apostrophe
 * inside or before a word becomes ’ (I’d, rock’n’roll, ’90s), a quote
 * after a digit that closes nothing becomes a prime (5′11″), -- and ---
 * become en and em dashes (not in a command-line option such as --force
 * or an arrow such as <-- or -->), and three full stops become an
 * ellipsis. Text between backticks (inline code typed in a plain field)
 * is kept as typed.
 *
 * The converter carries its state (the code point before, the quotes
 * left open) from one run of a paragraph to the next, so that a quote
 * typed before emphasis or code opens and the one after it closes. */
#ifndef SP_CORPUS_SMARTPUNCT_H
#define SP_CORPUS_SMARTPUNCT_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/* `next` for a run whose successor is not known yet: decide from what
 * came before. */
#define SMARTPUNCT_UNKNOWN 0xFFFFFFFFu

typedef struct smartpunct {
	uint32_t prev; /* code point before the next run; 0 = paragraph start */
	unsigned dq;   /* double quotes opened and not closed */
	unsigned sq;   /* single quotes opened and not closed */
} smartpunct;

void smartpunct_init(smartpunct *s);

/* Append text (len bytes of valid UTF-8) converted to out. next is the
 * code point that follows the run: 0 at the end of the paragraph,
 * SMARTPUNCT_UNKNOWN when it is not known. */
void smartpunct_run(smartpunct *s, const char *text, size_t len, uint32_t next,
                    sp_buf *out);

/* A run kept as typed (code): the converter only notes how it ends. */
void smartpunct_verbatim(smartpunct *s, const char *text, size_t len);

/* Could smartpunct_run change text (does it hold ' " -- or ...)? */
int smartpunct_needed(const char *text, size_t len);

/* A whole paragraph of plain text (NUL-terminated): a new string. */
char *smartpunct_string(const char *text);

#endif
