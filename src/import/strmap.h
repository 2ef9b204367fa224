/* strmap.h - a map from strings (copied, owned) to numbers: open
 * addressing, FNV-1a, grown at half load. For the importer's lookups by
 * id, which hostile input can make many. */
#ifndef SP_IMPORT_STRMAP_H
#define SP_IMPORT_STRMAP_H

#include <stddef.h>

typedef struct imp_strmap {
	struct imp_strmap_slot {
		char *key; /* NULL: empty */
		size_t value;
	} * slot;
	size_t cap, n;
} imp_strmap;

/* A zeroed imp_strmap is empty and ready. */
void imp_strmap_free(imp_strmap *m);
/* The value of key, or NULL when it is not in the map. */
size_t *imp_strmap_get(const imp_strmap *m, const char *key);
/* Add key (or find it): its value, value for a new key. */
size_t *imp_strmap_put(imp_strmap *m, const char *key, size_t value);
/* FNV-1a of s (also for stable ids). */
unsigned long long imp_strhash(const char *s);

#endif
