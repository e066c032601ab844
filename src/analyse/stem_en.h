/* The English Snowball stemmer (Porter2, as libstemmer 2.2 runs it) for
 * the words most tokens are: lower-case ASCII letters, digits and
 * apostrophes. Each step tests the word's last letters directly, where the
 * library's generic engine searches suffix tables and bit sets, about
 * seven times the work for a word; the results are the library's, as the
 * unit tests check over generated words. */
#ifndef ND_ANALYSE_STEM_EN_H
#define ND_ANALYSE_STEM_EN_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* Longest word stemmed here; longer ones are left to the library. */
#define ND_STEM_EN_MAX 64

/* The stem of w[0..n) written to out (room for ND_STEM_EN_MAX + 1 bytes)
 * and its length to *len: true. False, out untouched, for a word longer
 * than ND_STEM_EN_MAX or with a byte other than a-z, 0-9 and ', which
 * the library's stemmer takes. */
bool nd_stem_en(char *out, size_t *len, const char *w, size_t n);

#endif
