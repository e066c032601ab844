/* Who said a quotation (reported speech is reported.h's).
 *
 * Tried in order: the words right after it ("…," X said / said X / said
 * Ms. X / he added / according to X / said the minister / X quoted Y as
 * saying; not "X said he …" after a quotation that ended its sentence),
 * an attribution ending its sentence (", X said."), the clause before it
 * in its sentence (X said: "…" / X, who expressed "…" / in the words of
 * X), a quotation next to it (same or next sentence; "adding: "…""
 * shares the clause's subject), "a finding by X that", the person its
 * sentence is about, the one the sentence before reports ("…," said
 * Mahathir. "…"), and, for a quotation that is a sentence of its own,
 * the person who leads the sentence before.
 *
 * A subject is looked for in the verb's sentence and is no possessive
 * ("Anwar's lawyers") or object of a preposition ("with Anwar"; "by X"
 * names an author). An organisation or a country right before the verb
 * speaks ("the ministry said", "North Korea has said"); "it said" is the
 * organisation named last. A pronoun stands for the nearest person in a
 * subject's place (first named in a sentence no pronoun leads) within
 * three sentences, outside quotations, else for whom the pronoun before
 * it stood. A description with "the" ("the secretary", "the US
 * diplomatic head") stands for the nearest person whose titles or country
 * match most of its words (a country counts twice; one named in the next
 * sentence if they match more), the organisation it names ("a statement
 * by the EU", "a statement from the ministry"), the organisation named
 * before whose name ends in its word ("the commission", "the company"),
 * or, for "the statement" or "the report", the organisation named last.
 * A relation ("the father", "his wife") stands only for someone known as
 * one ("his father, Qin Gaolin"). "said a diplomat" stays anonymous and
 * lends no neighbour a speaker. Heuristics that hold for news prose,
 * which names someone before describing them. */
#ifndef ND_FACTS_SPEAKER_H
#define ND_FACTS_SPEAKER_H

#include <stddef.h> /* size_t */

#include "facts/fstory.h"
#include "facts/quotes.h"
#include "facts/who.h"

/* Sets the speaker of quotes q[0..n) of w's document (in text order) and
 * flags the mentions inside them. */
void nd_speaker_resolve(nd_who *w, nd_qspan *q, size_t n);
/* The subject of speech verb v: looked for back to t0 (within v's
 * sentence), else after the verb up to end; an entity or ND_FX_NONE. A
 * pronoun's antecedent comes before byte quote. */
uint32_t nd_speaker_subject(const nd_who *w, size_t t0, size_t v, size_t end,
			    size_t quote);
/* The speaker named after a verb, from token i up to end ("said X",
 * "according to the minister"); ND_FX_NONE when none. */
uint32_t nd_speaker_after_verb(const nd_who *w, size_t i, size_t end,
			       size_t quote);

#endif
