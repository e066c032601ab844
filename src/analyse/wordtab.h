/* A hash table from words to ids whose keys live outside it.
 *
 * The vocabulary keeps each term's and stem's text in an array indexed by
 * id anyway, so a slot holds only the word's hash and id: 8 bytes, a third
 * of a string map's slot, so the table touches a third of the pages and
 * cache lines. A hash match is confirmed on the word in that array. */
#ifndef ND_ANALYSE_WORDTAB_H
#define ND_ANALYSE_WORDTAB_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t, uint64_t */
#include <string.h> /* memcmp */

/* A word as the table's owner keeps it, with one value of its own (a
 * term's stem). */
typedef struct nd_word {
	const char *str;
	uint32_t len;
	uint32_t value;
} nd_word;

typedef struct nd_wordtab_slot {
	uint32_t hash; /* low half of the word's hash; places it */
	uint32_t id1;  /* id + 1; 0 when the slot is empty */
} nd_wordtab_slot;

typedef struct nd_wordtab {
	nd_wordtab_slot *slots;
	size_t mask; /* slots - 1, a power of two less one */
	size_t count;
} nd_wordtab;

/* An empty table with room for at least expect words before it grows.
 * Returns 0 or ND_ENOMEM. */
int nd_wordtab_init(nd_wordtab *t, size_t expect);
void nd_wordtab_dispose(nd_wordtab *t);

/* The slot of key[0..len), hashed h, among words (the table's ids index
 * it): the one holding it, or the empty one where it would go. Inline:
 * every token of every article is looked up. */
static inline nd_wordtab_slot *nd_wordtab_find(const nd_wordtab *t,
					       const nd_word *words,
					       const char *key, size_t len,
					       uint64_t h)
{
	uint32_t h32 = (uint32_t)h;
	size_t i = h32 & t->mask;

	for (;;) {
		nd_wordtab_slot *s = &t->slots[i];

		if (s->id1 == 0)
			return s;
		if (s->hash == h32) {
			const nd_word *w = &words[s->id1 - 1];

			if (w->len == len && memcmp(w->str, key, len) == 0)
				return s;
		}
		i = (i + 1) & t->mask;
	}
}

/* Puts id, hashed h, in the empty slot s that nd_wordtab_find gave, and
 * grows the table when it fills up (s is then stale). Returns 0 or
 * ND_ENOMEM, the table unchanged. */
int nd_wordtab_add(nd_wordtab *t, nd_wordtab_slot *s, uint64_t h,
		   uint32_t id);

/* Starts loading the slot where a word hashed h is looked for. */
static inline void nd_wordtab_prefetch(const nd_wordtab *t, uint64_t h)
{
	__builtin_prefetch(&t->slots[(uint32_t)h & t->mask]);
}

#endif
