/* text.h - text checks and normalisation for the loader (internal). */
#ifndef SP_CORPUS_TEXT_H
#define SP_CORPUS_TEXT_H

#include <stddef.h>

#define TEXT_OK ((size_t)-1)

/* Byte offset of the first invalid UTF-8 sequence, or TEXT_OK. */
size_t text_utf8_invalid(const char *s, size_t len);
/* Byte offset of the first control character other than tab, line feed
 * and carriage return (C0, DEL, C1), or TEXT_OK; *cp gets it. */
size_t text_find_control(const char *s, size_t len, unsigned long *cp);
/* NFC-normalised copy (malloc), or NULL when s is not valid UTF-8. */
char *text_nfc(const char *s, size_t len);
/* Copy with runs of white space folded to one space, trimmed. */
char *text_fold(const char *s);
/* The same, in s itself. */
void text_fold_here(char *s);
/* 1 if s is a slug: [a-z0-9]+(-[a-z0-9]+)* */
int text_is_slug(const char *s);
/* A slug made from the words of s (NUL-terminated UTF-8): accents
 * stripped, case folded, ASCII letters and digits kept, everything else a
 * word break; at most max_words words and max_bytes bytes (cut between
 * words). Newly allocated; "" when s has no such letter or digit. */
char *text_slugify(const char *s, size_t max_words, size_t max_bytes);
/* Code points in the first n bytes of s. */
unsigned text_chars(const char *s, size_t n);
/* Levenshtein distance (capped; for "did you mean"). */
size_t text_distance(const char *a, const char *b);
/* 1 if s looks like a BCP 47 language tag (en, en-GB, zh-Hant-TW). */
int text_is_language_tag(const char *s);

#endif
