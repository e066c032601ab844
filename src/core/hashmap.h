/* Open-addressing hash tables with uint32_t values.
 *
 * nd_strmap maps byte strings to ids: the vocabulary, entity names and
 * gazetteers use it. Keys are copied into the map's own arena, so a caller's
 * token buffer can be reused right after a put. nd_u64map maps 64-bit keys
 * (hashes, shingles) to ids. Neither allocates per lookup. */
#ifndef ND_CORE_HASHMAP_H
#define ND_CORE_HASHMAP_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t, uint64_t */

typedef struct nd_arena nd_arena;

typedef struct nd_strmap_slot {
	const char *key; /* NULL when empty */
	uint32_t len;
	uint32_t value;
	uint64_t hash;
} nd_strmap_slot;

typedef struct nd_strmap {
	nd_strmap_slot *slots;
	size_t cap; /* power of two */
	size_t count;
	nd_arena *keys;
} nd_strmap;

/* Both return 0 or ND_ENOMEM. */
int nd_strmap_init(nd_strmap *m);
void nd_strmap_dispose(nd_strmap *m);
/* True and *value set when key is present. */
bool nd_strmap_get(const nd_strmap *m, const char *key, size_t len,
		   uint32_t *value);
/* Inserts key -> value unless present. *out (may be NULL) receives the
 * stored value: the old one when the key was present. Returns 0, or
 * ND_ENOMEM. */
int nd_strmap_put(nd_strmap *m, const char *key, size_t len, uint32_t value,
		  uint32_t *out);
/* As nd_strmap_put; *stored (may be NULL) receives the map's own
 * NUL-terminated copy of the key, valid until the map is disposed, so
 * callers need not keep a second copy. */
int nd_strmap_intern(nd_strmap *m, const char *key, size_t len,
		     uint32_t value, uint32_t *out, const char **stored);

typedef struct nd_u64map {
	uint64_t *keys;
	uint32_t *values;
	unsigned char *used;
	size_t cap;
	size_t count;
} nd_u64map;

int nd_u64map_init(nd_u64map *m);
void nd_u64map_dispose(nd_u64map *m);
bool nd_u64map_get(const nd_u64map *m, uint64_t key, uint32_t *value);
/* Same contract as nd_strmap_put. */
int nd_u64map_put(nd_u64map *m, uint64_t key, uint32_t value, uint32_t *out);
/* Takes key out; true when it was there. The table never shrinks. */
bool nd_u64map_remove(nd_u64map *m, uint64_t key);

#endif
