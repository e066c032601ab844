/* English function words, the stop list of the analyser. */
#ifndef ND_ANALYSE_STOPWORDS_H
#define ND_ANALYSE_STOPWORDS_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* NULL-terminated list of folded stop words for language, or NULL when the
 * language has none. */
const char *const *nd_stopwords(const char *language);

/* Is the folded word w one of the English list's, by binary search. */
bool nd_is_english_stopword(const char *w);

#endif
