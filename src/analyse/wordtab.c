#include "analyse/wordtab.h"

#include "core/alloc.h"
#include "core/error.h"

/* Tables grow at half load, not at 70%: a look-up, one a token, then
 * mostly ends at its first slot, where each further slot probed cost a
 * branch mispredicted as often as not; the slots are 8 bytes, so the
 * room this takes is small. */
#define NEEDS_GROWTH(count, cap) ((count) * 10 >= (cap) * 5)
/* The smallest table: a stop list fits without growing. */
#define MIN_SLOTS 64

uint64_t nd_wordtab_hash(const char *key, size_t len)
{
	uint64_t h = nd_wordtab_hash_start(len), w;
	size_t i;

	for (i = 0; i + ND_WORDTAB_PAD <= len; i += ND_WORDTAB_PAD) {
		memcpy(&w, key + i, sizeof(w));
		h = nd_wordtab_hash_step(h, w);
	}
	if (i < len) {
		w = 0;
		memcpy(&w, key + i, len - i);
		h = nd_wordtab_hash_step(h, w);
	}
	return nd_wordtab_hash_end(h);
}

int nd_wordtab_init(nd_wordtab *t, size_t expect)
{
	size_t cap = MIN_SLOTS;

	while (NEEDS_GROWTH(expect, cap))
		cap *= 2;
	t->count = 0;
	t->mask = cap - 1;
	/* Probes read slots before any is written. */
	t->slots = nd_calloc_written(cap, sizeof(*t->slots));
	return t->slots ? ND_OK : ND_ENOMEM;
}

void nd_wordtab_dispose(nd_wordtab *t)
{
	nd_free(t->slots);
	t->slots = NULL;
	t->mask = t->count = 0;
}

/* The first empty slot from where a word hashed h32 is placed: where a
 * word not in the table goes. */
static nd_wordtab_slot *empty_slot(const nd_wordtab *t, uint32_t h32)
{
	size_t i = h32 & t->mask;

	while (t->slots[i].id1 != 0)
		i = (i + 1) & t->mask;
	return &t->slots[i];
}

/* Twice the slots; the words are placed again by their hashes, which are
 * distinct words, so no key is compared. */
static int grow(nd_wordtab *t)
{
	nd_wordtab bigger;
	size_t cap = t->mask + 1, i;

	if (nd_mul_overflow(cap, 2, &cap) || cap > (size_t)UINT32_MAX + 1)
		return ND_ENOMEM;
	bigger.slots = nd_calloc_written(cap, sizeof(*bigger.slots));
	if (bigger.slots == NULL)
		return ND_ENOMEM;
	bigger.mask = cap - 1;
	bigger.count = t->count;
	for (i = 0; i <= t->mask; i++) {
		if (t->slots[i].id1 != 0)
			*empty_slot(&bigger, t->slots[i].hash) = t->slots[i];
	}
	nd_free(t->slots);
	*t = bigger;
	return ND_OK;
}

int nd_wordtab_add(nd_wordtab *t, nd_wordtab_slot *s, uint64_t h,
		   uint32_t id)
{
	if (NEEDS_GROWTH(t->count + 1, t->mask + 1)) {
		if (grow(t))
			return ND_ENOMEM;
		s = empty_slot(t, (uint32_t)h);
	}
	s->hash = (uint32_t)h;
	s->id1 = id + 1;
	t->count++;
	return ND_OK;
}
