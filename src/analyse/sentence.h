/* Sentence boundaries inside one paragraph. */
#ifndef ND_ANALYSE_SENTENCE_H
#define ND_ANALYSE_SENTENCE_H

#include <stddef.h> /* size_t */

/* Byte offset just past the sentence that starts at `start` in the
 * paragraph p[0..len), closing quotes and brackets included. Copes with
 * abbreviations (Mr., Feb., U.S.), initials, decimals and quotations that
 * continue with an attribution ("...?" he asked). */
size_t nd_sentence_end(const char *p, size_t len, size_t start);

#endif
