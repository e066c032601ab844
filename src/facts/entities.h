/* Entities: name mentions typed and merged across a story.
 *
 * Mentions with one key (nd_utf8_fold, so scripts and cases agree) are one
 * group. Groups then merge: a title-prefixed form onto the name it ends
 * with, spelling variants (Damerau-Levenshtein 1 for 6-9 letters, 2 from
 * 10, same first letter, same kind), a surname onto the only full name
 * ending with it (or, when several do, onto the one the same article
 * named), and an acronym onto the expansion it follows in brackets. The
 * kind comes from evidence summed over the merged mentions. */
#ifndef ND_FACTS_ENTITIES_H
#define ND_FACTS_ENTITIES_H

#include "facts/fstory.h"

/* Builds st->ents (in st->arena, sorted by sources, mentions, name), sets
 * each mention's entity (ND_FX_NONE when dropped as noise) and the
 * entities' cue words. 0 or ND_ENOMEM. */
int nd_entities_build(nd_fstory *st);

#endif
