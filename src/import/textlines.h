/* textlines.h - what a line of a plain-text guide is: a labelled part
 * ("Why they ask:"), a bullet, a section heading, a line that looks like
 * a question. Used by guide_text.c. Lines are UTF-8, NFC. */
#ifndef SP_IMPORT_TEXTLINES_H
#define SP_IMPORT_TEXTLINES_H

#include <stddef.h>

/* The parts a question has, in the order guides give them. */
typedef enum tl_part {
	TL_NONE = 0,  /* text after the question, before any label */
	TL_WHY,       /* Why they ask: */
	TL_ANSWER,    /* Sample answer: / approach: / framework response: */
	TL_STAR,      /* STAR framework: - Situation: ... */
	TL_FRAMEWORK, /* Framework for answering: - Step – description */
	TL_TIP,       /* Personalization tip: */
	TL_KEYS,      /* Key points: */
	TL_FOLLOW,    /* Follow-up questions: */
	TL_QUESTION,  /* Question: (the question itself) */
	TL_NPARTS
} tl_part;

/* The label that starts s[0..n) (case-insensitive, then a colon): its
 * part, and in *rest the offset of the text after the colon; TL_NONE
 * when there is none. */
tl_part tl_label(const char *s, size_t n, size_t *rest);
/* The label's name as the guide writes it ("Why they ask"), for
 * messages. */
const char *tl_part_name(tl_part p);

/* A bullet ("- ", "• ", "* ", "– ") or a number ("1. ", "2) "): the
 * offset of its text, 0 when the line is neither; *number gets the
 * number (0 for a bullet). */
size_t tl_bullet(const char *s, size_t n, int *number);

/* Question numbering at the start ("1. ", "Q3: ", "#4 "): its length. */
size_t tl_numbering(const char *s, size_t n);

/* A short line that reads as a question: it ends with "?" or starts
 * with an imperative ("Explain", "Tell me about", ...), is one sentence
 * and does not end with a colon. Numbering is skipped. */
int tl_looks_like_question(const char *s, size_t n);

/* A section heading: short, no closing punctuation, and it names
 * questions ("Behavioral Interview Questions for ..."): 2; or a short
 * Title Case line of two to eight words: 1 (a heading only where a
 * question follows); else 0. */
int tl_heading(const char *s, size_t n);

/* The line ends a sentence (., !, ?, :, or a closing quote or bracket
 * after one of them). */
int tl_ends_sentence(const char *s, size_t n);

/* Code points in s[0..n). */
size_t tl_chars(const char *s, size_t n);

#endif
