/* select.h - choosing and ordering questions (shared by every command). */
#ifndef SP_CORPUS_SELECT_H
#define SP_CORPUS_SELECT_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/corpus.h"

typedef struct sp_strlist {
	char **v;
	size_t n;
} sp_strlist;

typedef struct sp_selection_opts {
	sp_strlist roles;      /* --role (OR within, AND across options) */
	sp_strlist categories; /* --category */
	sp_strlist topics;     /* --topic */
	sp_strlist levels;     /* --level */
	sp_strlist only;       /* --only: exactly these, in this order */
	sp_strlist exclude;    /* --exclude */
	long count;            /* --count N, -1 = all */
	int has_seed;
	uint64_t seed; /* --seed: shuffle with sp_rng */
} sp_selection_opts;

void selection_opts_init(sp_selection_opts *o);
void selection_opts_free(sp_selection_opts *o);
/* Append comma-separated values to a list. */
void strlist_add_csv(sp_strlist *l, const char *csv);
void strlist_free(sp_strlist *l);

/* Apply the options. Unknown role/category/topic/level/id is an error
 * that lists the known ones (reported through d, loc.file NULL).
 * Returns 0 and fills *out (indexes into c->questions, owned by the
 * caller) or -1 on error. */
int corpus_select(const sp_corpus *c, const sp_selection_opts *o, size_t **out,
                  size_t *nout, sp_diag *d);

/* A small deterministic PRNG (same output on every machine and libc):
 * SplitMix64 seeding a xoshiro256** generator. */
typedef struct sp_rng {
	uint64_t s[4];
} sp_rng;

void rng_seed(sp_rng *r, uint64_t seed);
uint64_t rng_next(sp_rng *r);
uint64_t rng_below(sp_rng *r, uint64_t n); /* uniform in [0, n), unbiased */
void rng_shuffle(sp_rng *r, size_t *v, size_t n); /* Fisher-Yates */
/* Stable 64-bit hash of a string (FNV-1a), for deriving seeds. */
uint64_t rng_hash64(const char *s, uint64_t basis);

#endif
