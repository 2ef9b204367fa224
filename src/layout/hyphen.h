/* hyphen.h - hyphenation points from libhyphen patterns, cached per word. */
#ifndef SP_LAYOUT_HYPHEN_H
#define SP_LAYOUT_HYPHEN_H

#include <stddef.h>
#include <stdint.h>

#define HYPH_MAX_CHARS 63 /* longer words are not hyphenated */

typedef struct hyph hyph;

/* Load a libhyphen .dic; NULL when path is NULL or it cannot be loaded. */
hyph *hyph_new(const char *path);
void hyph_free(hyph *h);

/* word: lowercase UTF-8 of nchars code points (nchars <= HYPH_MAX_CHARS).
 * Returns a mask: bit i set when a hyphen may follow character i (0-based),
 * respecting lefthyphenmin 2 and righthyphenmin 3. */
uint64_t hyph_word(hyph *h, const char *word, size_t len, size_t nchars);

#endif
