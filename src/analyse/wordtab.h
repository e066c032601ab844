/* A hash table from words to ids whose keys live outside it.
 *
 * The vocabulary keeps each term's and stem's text in an array indexed by
 * id anyway, so a slot holds only the word's hash and id: 8 bytes, a third
 * of a string map's slot, so the table touches a third of the pages and
 * cache lines. A hash match is confirmed on the word in that array. */
#ifndef ND_ANALYSE_WORDTAB_H
#define ND_ANALYSE_WORDTAB_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */
#include <string.h>  /* memcmp */

#include "core/bytes8.h"

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

/* Keys are hashed, and compared when both sides allow, a machine word of
 * this many bytes at a time; a "padded" key may be read up to the next
 * multiple of it, the bytes past its end being anything. */
#define ND_WORDTAB_PAD 8

/* The eight bytes at p of a key with left bytes from p on, those past its
 * end zeroed: masked in a register, so the load is one of the whole
 * eight-byte stores the key was just written by, not a mix of stores,
 * which the processor cannot forward and waits for. */
static inline uint64_t nd_wordtab_word(const char *p, size_t left)
{
	uint64_t w = nd_bytes8_load(p);

	if (left >= sizeof(w))
		return w;
	return ND_BYTES8_IN_ORDER ? w & ((1ULL << (8 * left)) - 1)
				  : w & ~(~0ULL >> (8 * left));
}

/* The hash of a key of len bytes starts from its length... */
static inline uint64_t nd_wordtab_hash_start(size_t len)
{
	return len * 0x9e3779b97f4a7c15ULL;
}

/* ...takes in its bytes eight at a time, the last ones zero-padded... */
static inline uint64_t nd_wordtab_hash_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

/* ...and ends with the high bits folded into the low ones, by which the
 * table places words. */
static inline uint64_t nd_wordtab_hash_end(uint64_t h)
{
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

/* The hash of key[0..len), a padded key: no tail to gather byte by byte.
 * Inline: every token is hashed. */
static inline uint64_t nd_wordtab_hash_padded(const char *key, size_t len)
{
	uint64_t h = nd_wordtab_hash_start(len);
	size_t i;

	for (i = 0; i < len; i += ND_WORDTAB_PAD)
		h = nd_wordtab_hash_step(h, nd_wordtab_word(key + i, len - i));
	return nd_wordtab_hash_end(h);
}

/* nd_wordtab_hash_padded of any key. */
uint64_t nd_wordtab_hash(const char *key, size_t len);

/* An empty table with room for at least expect words before it grows.
 * Returns 0 or ND_ENOMEM. */
int nd_wordtab_init(nd_wordtab *t, size_t expect);
void nd_wordtab_dispose(nd_wordtab *t);

/* Are a[0..len) and b[0..len), both padded keys, the same? */
static inline bool nd_wordtab_same_padded(const char *a, const char *b,
					  size_t len)
{
	size_t i;

	for (i = 0; i < len; i += ND_WORDTAB_PAD) {
		if (nd_wordtab_word(a + i, len - i) !=
		    nd_wordtab_word(b + i, len - i))
			return false;
	}
	return true;
}

/* The slot of key[0..len), hashed h, among words (the table's ids index
 * it): the one holding it, or the empty one where it would go. Keys are
 * compared by nd_wordtab_same_padded when padded, by memcmp otherwise.
 * Inline: every token of every article is looked up. */
static inline nd_wordtab_slot *nd_wordtab_probe(const nd_wordtab *t,
						const nd_word *words,
						const char *key, size_t len,
						uint64_t h, bool padded)
{
	uint32_t h32 = (uint32_t)h;
	size_t i = h32 & t->mask;

	for (;;) {
		nd_wordtab_slot *s = &t->slots[i];
		const nd_word *w;

		if (s->id1 == 0)
			return s;
		w = &words[s->id1 - 1];
		if (s->hash == h32 && w->len == len &&
		    (padded ? nd_wordtab_same_padded(w->str, key, len)
			    : memcmp(w->str, key, len) == 0))
			return s;
		i = (i + 1) & t->mask;
	}
}

/* nd_wordtab_probe of any key. */
static inline nd_wordtab_slot *nd_wordtab_find(const nd_wordtab *t,
					       const nd_word *words,
					       const char *key, size_t len,
					       uint64_t h)
{
	return nd_wordtab_probe(t, words, key, len, h, false);
}

/* nd_wordtab_probe of a padded key in a table whose words are padded
 * too: compared eight bytes at a time, without a call to memcmp. */
static inline nd_wordtab_slot *nd_wordtab_find_padded(const nd_wordtab *t,
						      const nd_word *words,
						      const char *key,
						      size_t len, uint64_t h)
{
	return nd_wordtab_probe(t, words, key, len, h, true);
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
