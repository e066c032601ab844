/* Name spans: runs of capitalised words that name someone or something.
 *
 * A run may hold "of", "the", "and", "de", "al", "bin" between capitalised
 * words and hyphens inside ("Kassym-Jomart Tokayev"). Sentence-initial
 * ordinary words, months, weekdays, all-caps page furniture and demonyms
 * (adjectives) are left out; leading titles ("Kazakh Foreign Minister")
 * become cues of the name that follows. Letter-digit forms such as "C5+1"
 * are read from the raw text, one name whatever the script of the letter. */
#ifndef ND_FACTS_NAMES_H
#define ND_FACTS_NAMES_H

#include "facts/fstory.h"

/* Appends the name mentions of every document of st to st->ments, in
 * document and text order, with their keys, cues and kind evidence, and
 * acronym-expansion pairs to st->aliases. 0, ND_ETOOBIG or ND_ENOMEM. */
int nd_names_scan(nd_fstory *st);

#endif
