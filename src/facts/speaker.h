/* Who said a quotation (reported speech is reported.h's).
 *
 * Tried in order: the words right after it ("…," X said / said X / he
 * added / according to X / said the minister; not "X said he …" after a
 * quotation that ended its sentence), the clause before it in its
 * sentence (X said: "…" / X, who expressed "…" / in the words of X), a
 * quotation next to it (same or next sentence), "a finding by X that",
 * the person its sentence is about, and the one the sentence before
 * reports ("…," said Mahathir. "…").
 *
 * A subject is looked for in the verb's sentence and is no possessive
 * ("Anwar's lawyers") or object of a preposition ("with Anwar"; "by X"
 * names an author). A pronoun stands for the nearest person in a
 * subject's place (first named in a sentence no pronoun leads) within
 * three sentences, outside quotations, else for whom the pronoun before
 * it stood. A description with "the" ("the secretary", "the US
 * diplomatic head") stands for the nearest person whose titles or country
 * match most of its words (a country counts twice), the organisation it
 * names ("a statement by the EU"), or the organisation named before whose
 * name ends in its word ("the commission", "the company"). "said a
 * diplomat" stays anonymous and lends no neighbour a speaker. Heuristics
 * that hold for news prose, which names someone before describing them. */
#ifndef ND_FACTS_SPEAKER_H
#define ND_FACTS_SPEAKER_H

#include <stddef.h> /* size_t */

#include "facts/fstory.h"
#include "facts/quotes.h"

/* Sets the speaker of quotes q[0..n) of story document k (in text order)
 * and flags the mentions inside them. Needs st's entities. 0 or
 * ND_ENOMEM. */
int nd_speaker_resolve(nd_fstory *st, uint32_t k, nd_qspan *q, size_t n);

#endif
