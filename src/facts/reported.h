/* Reported speech: "Blinken said (that) …", "…, police said.",
 * "according to X, …", "Until now, he said, …", "…, saying …", "told
 * the court he …", each the clause and its speaker, as indirect
 * quotations. A sentence with a direct quotation reports only when its
 * verb comes before the quotation; the clause runs to the sentence's end
 * (the quoted words in it, as the guidelines have it) or to a colon
 * before the quotation. */
#ifndef ND_FACTS_REPORTED_H
#define ND_FACTS_REPORTED_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "facts/fstory.h"
#include "facts/quotes.h"
#include "facts/who.h"

/* Appends to qs the reported speech of w's document, whose direct
 * quotations are qs->q[q0..n) (speakers resolved), each with its
 * speaker. 0 or ND_ENOMEM. */
int nd_reported_find(nd_quotes *qs, nd_who *w, size_t q0);

#endif
