/* Word shingles of an article body, for exact and near-copy detection.
 *
 * The body is every token outside the title sentences, compared by folded
 * term id, so typography, case and line layout never separate two copies.
 * A shingle is five consecutive body terms; a body shorter than that is one
 * shingle of all its terms. */
#ifndef ND_DEDUP_SHINGLE_H
#define ND_DEDUP_SHINGLE_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint64_t */

#include "analyse/analyse.h"

#define ND_SHINGLE_WORDS 5

/* Index of the first body token of d (d->ntoks when the body is empty). */
size_t nd_shingle_body_start(const nd_doc *d);
/* Hash of the body's folded term sequence; equal bodies, equal hashes. */
uint64_t nd_shingle_body_hash(const nd_doc *d);
/* Sorted distinct shingle hashes of d's body into *out (nd_malloc, NULL
 * when the body is empty). Returns 0 or ND_ENOMEM. */
int nd_shingle_set(uint64_t **out, size_t *n, const nd_doc *d);
#endif
