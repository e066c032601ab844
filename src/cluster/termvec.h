/* The TF-IDF vector of an article, as clustering compares them.
 *
 * Dimensions are the stems of content words (not stop words, not
 * numbers: years and counts are shared by unrelated stories). Weight is
 * (1 + ln tf) * idf, with title words counted twice, then L2-normalised.
 * A stem is also flagged as a name when it appears capitalised inside a
 * body sentence (not as its first word): shared rare names are extra
 * evidence of one story. */
#ifndef ND_CLUSTER_TERMVEC_H
#define ND_CLUSTER_TERMVEC_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "analyse/analyse.h"

typedef struct nd_termvec {
	uint32_t *stem;      /* sorted, distinct */
	double *w;           /* unit length overall */
	unsigned char *name; /* 1 when the stem is used as a name */
	size_t n;
} nd_termvec;

/* Work space kept from one vector to the next: per stem, its place in
 * the vector being built and a bitmap of the stems the vector has; the
 * counts and sort keys of one article. */
typedef struct nd_termvec_work {
	uint32_t *at;
	uint64_t *bits; /* per stem: 1 when in the vector being built */
	size_t n_bits;  /* words of bits */
	struct nd_termvec_count *m;
	size_t cap_m;
	uint64_t *keys;
	size_t cap_keys;
} nd_termvec_work;

/* Work space for the stems of a vocabulary of n_stems. Returns 0 or
 * ND_ENOMEM. */
int nd_termvec_work_init(nd_termvec_work *w, size_t n_stems);
void nd_termvec_work_dispose(nd_termvec_work *w);

/* Builds the vector of d with v's IDF, with w made for v. Returns 0 or
 * ND_ENOMEM; dispose *out either way. */
int nd_termvec_build(nd_termvec *out, nd_termvec_work *w, const nd_doc *d,
		     const nd_vocab *v);
/* Frees the arrays; *tv is empty afterwards. */
void nd_termvec_dispose(nd_termvec *tv);

#endif
