#include "core/hashmap.h"

#include <string.h> /* memcmp */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/hash.h"

#define INITIAL_CAP 64
/* Tables grow at 70% load: linear probing stays short below that. */
#define NEEDS_GROWTH(count, cap) ((count) * 10 >= (cap) * 7)

int nd_strmap_init(nd_strmap *m)
{
	m->cap = INITIAL_CAP;
	m->count = 0;
	m->slots = nd_calloc(m->cap, sizeof(*m->slots));
	if (m->slots == NULL)
		return ND_ENOMEM;
	if (nd_arena_create(&m->keys)) {
		nd_free(m->slots);
		m->slots = NULL;
		return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_strmap_dispose(nd_strmap *m)
{
	nd_free(m->slots);
	nd_arena_free(m->keys);
	m->slots = NULL;
	m->keys = NULL;
	m->cap = m->count = 0;
}

static size_t strmap_find(const nd_strmap *m, const char *key, size_t len,
			  uint64_t h)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)h & mask;

	for (;;) {
		const nd_strmap_slot *s = &m->slots[i];

		if (s->key == NULL)
			return i;
		if (s->hash == h && s->len == len &&
		    memcmp(s->key, key, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

bool nd_strmap_get(const nd_strmap *m, const char *key, size_t len,
		   uint32_t *value)
{
	uint64_t h = nd_hash64(key, len, 0);
	const nd_strmap_slot *s = &m->slots[strmap_find(m, key, len, h)];

	if (s->key == NULL)
		return false;
	if (value)
		*value = s->value;
	return true;
}

static int strmap_grow(nd_strmap *m)
{
	size_t newcap, i;
	nd_strmap_slot *old = m->slots;
	size_t oldcap = m->cap;

	if (nd_mul_overflow(m->cap, 2, &newcap))
		return ND_ENOMEM;
	m->slots = nd_calloc_written(newcap, sizeof(*m->slots));
	if (m->slots == NULL) {
		m->slots = old;
		return ND_ENOMEM;
	}
	m->cap = newcap;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key)
			m->slots[strmap_find(m, old[i].key, old[i].len,
					     old[i].hash)] = old[i];
	}
	nd_free(old);
	return ND_OK;
}

int nd_strmap_intern(nd_strmap *m, const char *key, size_t len,
		     uint32_t value, uint32_t *out, const char **stored)
{
	uint64_t h;
	nd_strmap_slot *s;
	char *copy;

	if (len > UINT32_MAX)
		return ND_ETOOBIG;
	h = nd_hash64(key, len, 0);
	s = &m->slots[strmap_find(m, key, len, h)];
	if (s->key == NULL) {
		if (NEEDS_GROWTH(m->count + 1, m->cap)) {
			if (strmap_grow(m))
				return ND_ENOMEM;
			s = &m->slots[strmap_find(m, key, len, h)];
		}
		copy = nd_arena_strndup(m->keys, key, len);
		if (copy == NULL)
			return ND_ENOMEM;
		s->key = copy;
		s->len = (uint32_t)len;
		s->value = value;
		s->hash = h;
		m->count++;
	}
	if (out)
		*out = s->value;
	if (stored)
		*stored = s->key;
	return ND_OK;
}

int nd_strmap_put(nd_strmap *m, const char *key, size_t len, uint32_t value,
		  uint32_t *out)
{
	return nd_strmap_intern(m, key, len, value, out, NULL);
}

int nd_u64map_init(nd_u64map *m)
{
	m->cap = INITIAL_CAP;
	m->count = 0;
	m->keys = nd_calloc(m->cap, sizeof(*m->keys));
	m->values = nd_calloc(m->cap, sizeof(*m->values));
	m->used = nd_calloc(m->cap, 1);
	if (m->keys == NULL || m->values == NULL || m->used == NULL) {
		nd_u64map_dispose(m);
		return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_u64map_dispose(nd_u64map *m)
{
	nd_free(m->keys);
	nd_free(m->values);
	nd_free(m->used);
	m->keys = NULL;
	m->values = NULL;
	m->used = NULL;
	m->cap = m->count = 0;
}

static size_t u64map_find(const uint64_t *keys, const unsigned char *used,
			  size_t cap, uint64_t key)
{
	size_t mask = cap - 1;
	size_t i = (size_t)nd_mix64(key) & mask;

	while (used[i] && keys[i] != key)
		i = (i + 1) & mask;
	return i;
}

bool nd_u64map_get(const nd_u64map *m, uint64_t key, uint32_t *value)
{
	size_t i = u64map_find(m->keys, m->used, m->cap, key);

	if (!m->used[i])
		return false;
	if (value)
		*value = m->values[i];
	return true;
}

static int u64map_grow(nd_u64map *m)
{
	nd_u64map bigger = { 0 };
	size_t i;

	if (nd_mul_overflow(m->cap, 2, &bigger.cap))
		return ND_ENOMEM;
	bigger.keys = nd_calloc(bigger.cap, sizeof(*bigger.keys));
	bigger.values = nd_calloc(bigger.cap, sizeof(*bigger.values));
	bigger.used = nd_calloc_written(bigger.cap, 1);
	if (!bigger.keys || !bigger.values || !bigger.used) {
		nd_u64map_dispose(&bigger);
		return ND_ENOMEM;
	}
	for (i = 0; i < m->cap; i++) {
		size_t j;

		if (!m->used[i])
			continue;
		j = u64map_find(bigger.keys, bigger.used, bigger.cap,
				m->keys[i]);
		bigger.used[j] = 1;
		bigger.keys[j] = m->keys[i];
		bigger.values[j] = m->values[i];
	}
	bigger.count = m->count;
	nd_u64map_dispose(m);
	*m = bigger;
	return ND_OK;
}

int nd_u64map_put(nd_u64map *m, uint64_t key, uint32_t value, uint32_t *out)
{
	size_t i = u64map_find(m->keys, m->used, m->cap, key);

	if (m->used[i]) {
		if (out)
			*out = m->values[i];
		return ND_OK;
	}
	if (NEEDS_GROWTH(m->count + 1, m->cap)) {
		if (u64map_grow(m))
			return ND_ENOMEM;
		i = u64map_find(m->keys, m->used, m->cap, key);
	}
	m->used[i] = 1;
	m->keys[i] = key;
	m->values[i] = value;
	m->count++;
	if (out)
		*out = value;
	return ND_OK;
}

bool nd_u64map_remove(nd_u64map *m, uint64_t key)
{
	size_t mask = m->cap - 1;
	size_t i = u64map_find(m->keys, m->used, m->cap, key), j = i;

	if (!m->used[i])
		return false;
	/* Backward shift: later keys of the same probe run move up, so
	 * lookups never need tombstones. */
	for (;;) {
		size_t home;

		j = (j + 1) & mask;
		if (!m->used[j])
			break;
		home = (size_t)nd_mix64(m->keys[j]) & mask;
		if (i <= j ? (i < home && home <= j) : (i < home || home <= j))
			continue;
		m->keys[i] = m->keys[j];
		m->values[i] = m->values[j];
		i = j;
	}
	m->used[i] = 0;
	m->count--;
	return true;
}
