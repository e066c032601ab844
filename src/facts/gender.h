/* Which persons of a story are women and which men, from the story's own
 * words, so that "she said" stands for a woman. Internal to src/facts. */
#ifndef ND_FACTS_GENDER_H
#define ND_FACTS_GENDER_H

#include "facts/fstory.h"

enum {
	ND_GENDER_UNKNOWN = 0,
	ND_GENDER_FEMALE = 1,
	ND_GENDER_MALE = 2
};

/* Sets st->ent_gender (one ND_GENDER_* per entity) after the entities
 * are built. Evidence: honorifics ("Ms. Maple", "Mr. Frisby"), gendered
 * roles ("his wife, He Xintong", "spokeswoman"), and sentences naming one
 * person beside only "she" or "her" (or only "he", "his"). 0 or
 * ND_ENOMEM. */
int nd_gender_build(nd_fstory *st);

/* The gender a word at token i of d tells: "wife", "Mrs." female,
 * "father", "Mr." male, else ND_GENDER_UNKNOWN. */
int nd_gender_of_word(nd_fstory *st, const nd_doc *d, size_t i);

/* The gender a pronoun at token i of d asks for: "she", "her" female,
 * "he", "him", "his" male, else ND_GENDER_UNKNOWN. */
int nd_gender_of_pronoun(const nd_fstory *st, const nd_doc *d, size_t i);

#endif
