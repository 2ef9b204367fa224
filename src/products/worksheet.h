/* worksheet.h - mock-interview worksheets: a candidate edition with room
 * to answer and a matching interviewer edition with the answer key,
 * rubric and scorecard; picking questions by minutes or by category mix;
 * and batches of per-candidate packets from a CSV (batch.c).
 *
 *   worksheet.c       questions + template -> the two editions' documents
 *   worksheet_pick.c  --minutes / --mix / --count picking, seeds, variant
 *   batch.c           --candidates CSV -> packets, manifest, shards, jobs
 *   csv.c             the RFC 4180 reader
 *   csv_sniff.c       separators, blank rows and encodings of exports */
#ifndef SP_PRODUCTS_WORKSHEET_H
#define SP_PRODUCTS_WORKSHEET_H

#include <stddef.h>
#include <stdint.h>

#include "corpus/corpus.h"
#include "products/typeset.h"

typedef enum ws_edition {
	WS_CANDIDATE = 1,
	WS_INTERVIEWER = 2,
	WS_BOTH = 3
} ws_edition;

/* Parse "candidate", "interviewer" or "both". Returns 0 or -1. */
int ws_parse_edition(const char *s, ws_edition *out);

/* What the header says. NULL fields are printed as blank lines to fill
 * in. */
typedef struct ws_info {
	const char *name; /* candidate */
	const char *role; /* role as shown */
	const char *date;
	const char *interviewer;
	const char *variant; /* "7F3A-19C2", or NULL for none */
	int no_answers;      /* --no-answers: no answer key in the interviewer
	                      * edition (0: the model answer, and the tip of a
	                      * question without key points or rubric) */
} ws_info;

/* Minutes a question is planned for: its own, or the template's
 * default. */
int ws_question_minutes(const sp_question *q, const sp_template *t);

/* Write-in lines for a question of `minutes` (3 + 2 per minute, capped
 * so that the space fits one page). */
int ws_answer_lines(int minutes);

/* Lay out one edition (WS_CANDIDATE or WS_INTERVIEWER) of the worksheet
 * for questions qs (indexes into c->questions, in order). Returns the
 * document (caller frees), or NULL after reporting (page limit). */
sp_document *ws_build(sp_typeset *r, const sp_corpus *c, const size_t *qs,
                      size_t n, const ws_info *info, ws_edition ed);

/* Most pages a worksheet may have. */
#define WS_MAX_PAGES 2000

/* ---- picking (worksheet_pick.c) ---- */

typedef struct ws_mix {
	size_t *cats; /* category indexes */
	long *counts; /* questions wanted from each */
	size_t n;
} ws_mix;

typedef struct ws_pick_opts {
	long minutes;        /* --minutes N; -1 = not asked */
	long count;          /* --count N; -1 = not asked */
	ws_mix mix;          /* --mix; n = 0 = not asked */
	int default_minutes; /* the template's worksheet minutes */
} ws_pick_opts;

void ws_pick_opts_init(ws_pick_opts *o);
void ws_pick_opts_free(ws_pick_opts *o);

/* Parse "behavioral=2,technical=3" (category ids or names). Reports
 * unknown categories and malformed counts. Returns 0, WS_MIX_MALFORMED
 * for a spec that is not CATEGORY=COUNT,... (a usage error), or
 * WS_MIX_UNKNOWN for a category the corpus does not have (invalid input,
 * like an unknown --role). */
enum { WS_MIX_MALFORMED = -1, WS_MIX_UNKNOWN = -2 };
int ws_parse_mix(const sp_corpus *c, const char *spec, ws_mix *m, sp_diag *d);

/* Pick from pool (question indexes, in the order to print) with the
 * per-candidate seed: shuffle a copy of the pool with sp_rng, then take
 * --mix counts per category, or the subset whose minutes come closest
 * to --minutes without going over (the first such subset in shuffled
 * order), or the first --count. The result keeps pool order. When
 * nothing is asked, the whole pool. A request the pool cannot satisfy is
 * reported at loc (prefixed by who, e.g. the candidate, when not NULL)
 * and returns -1. */
int ws_pick(const sp_corpus *c, const size_t *pool, size_t npool,
            const ws_pick_opts *o, uint64_t seed, sp_loc loc, const char *who,
            size_t **out, size_t *nout, sp_diag *d);

/* A candidate's seed: depends only on the base seed and the key (the
 * candidate's id, or name when there is none). */
uint64_t ws_candidate_seed(uint64_t base, const char *key);

/* The variant code printed in every footer ("7F3A-19C2"): a hash of the
 * seed and the question ids. out holds at least 10 bytes. */
void ws_variant_code(const sp_corpus *c, uint64_t seed, const size_t *qs,
                     size_t n, char out[10]);

/* Filename slug of a name: ASCII letters and digits, accents stripped,
 * everything else one '-'. Never empty ("candidate" when nothing is
 * left). Newly allocated. */
char *ws_slug(const char *s);

/* ---- batches (batch.c) ---- */

typedef struct ws_batch_opts {
	const char *csv_path;     /* --candidates */
	const char *out_dir;      /* --out-dir */
	const char *exclude_from; /* --exclude-from MANIFEST.csv, or NULL */
	char delimiter;           /* --delimiter: ',', ';' or '\t'; 0 = the
	                           * header's (csv_detect_separator) */
	long shard_k, shard_n;    /* --shard K/N; 1/1 = no sharding */
	long jobs;                /* --jobs; 0 = number of cores */
	int progress;             /* 1 = always, 0 = never, -1 = if a tty */
	ws_edition edition;
	int no_answers; /* --no-answers (ws_info.no_answers) */
	int quiet;      /* -q: no closing summary line */
	uint64_t base_seed;
	ws_pick_opts pick;
} ws_batch_opts;

/* Run a batch: parse the CSV, pick and render every row of this shard,
 * and write the manifest (DIR/manifest.csv, or DIR/manifest-K-of-N.csv
 * for a shard). Returns PRODUCT_INVALID when any row failed or input was
 * invalid, PRODUCT_IO for I/O errors, PRODUCT_STOPPED_* when interrupted
 * by SIGINT or SIGTERM. */
product_status ws_batch_run(sp_typeset *r, const sp_corpus *c,
                            const size_t *pool, size_t npool,
                            const ws_batch_opts *o, sp_diag *d);

/* Merge the shard manifests DIR/manifest-K-of-N.csv (K = 1..N) into
 * DIR/manifest.csv, byte for byte what an unsharded run writes. */
product_status ws_manifest_merge(const char *out_dir, long n, sp_diag *d);

#endif
