/* shapecache.h - shaped words, cached per layout context.
 *
 * The font device shapes a piece of text (a word between spaces, in one
 * face) once; after that its glyphs come from a hash table keyed by the
 * face, the shaping features, the direction and the bytes of the text.
 * Glyphs are size independent (1/1000 em), so one entry serves every size.
 * A context is used by one thread; each clone has its own cache. */
#ifndef SP_LAYOUT_SHAPECACHE_H
#define SP_LAYOUT_SHAPECACHE_H

#include <stddef.h>

#include "layout/font.h"

typedef struct shape_cache shape_cache;

shape_cache *shape_cache_new(const layout_fonts *f);
void shape_cache_free(shape_cache *c);

/* 1 when the device shapes (fonts->ops->shape is set). */
int shape_cache_on(const shape_cache *c);

/* The language the words are shaped for (a BCP 47 tag, the corpus
 * `language`: HarfBuzz applies its locl forms); NULL or "" for none.
 * Changing it forgets the words shaped before (their arrays stay valid). */
void shape_cache_set_lang(shape_cache *c, const char *lang);
const char *shape_cache_lang(const shape_cache *c);

/* The glyphs of len bytes of text in face, in logical order, and their
 * count in *n; NULL when the device cannot shape them. The array stays
 * valid until the cache is freed. */
const sp_glyph *shape_cached(shape_cache *c, int face, int features, int rtl,
                             const char *text, size_t len, size_t *n);

#endif
