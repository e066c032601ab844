/* Spelling variants of names: "Tileuberdi", "Tleuberdi" and "Tileuberd";
 * "Tashkevar", "Tashkewar" and "Tachkevar".
 *
 * Two folded words are variants when equal, or when they start with the
 * same letter and their Damerau-Levenshtein distance (optimal string
 * alignment: insertions, deletions, substitutions, adjacent swaps) is at
 * most 1 for 6 to 9 letters or 2 from 10 letters, counted on the shorter.
 * Shorter words must be equal: "Iran" and "Iraq" are two countries. */
#ifndef ND_FACTS_SPELLING_H
#define ND_FACTS_SPELLING_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* Are the folded words a[0..la) and b[0..lb) spellings of one word? */
bool nd_spelling_close_words(const char *a, size_t la, const char *b,
			     size_t lb);
/* The same, word by word, for two keys of equally many words joined by
 * single spaces: "mukhtar tileuberd" and "mukhtar tileuberdi". */
bool nd_spelling_close_keys(const char *a, size_t la, const char *b,
			    size_t lb);

#endif
