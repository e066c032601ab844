/* A bump allocator: many small allocations, freed all at once.
 *
 * A batch keeps its articles and every stage's results in one arena, so
 * nothing per token or per sentence is freed on its own. */
#ifndef ND_CORE_ARENA_H
#define ND_CORE_ARENA_H

#include <stddef.h> /* size_t */

typedef struct nd_arena nd_arena;

/* Creates an empty arena; returns 0 or ND_ENOMEM. */
int nd_arena_create(nd_arena **out);
/* Frees the arena and everything allocated from it; accepts NULL. */
void nd_arena_free(nd_arena *a);
/* size bytes aligned for any type, owned by the arena; NULL when out of
 * memory. Contents are uninitialised. */
void *nd_arena_alloc(nd_arena *a, size_t size);
/* As nd_arena_alloc, zeroed, for n elements; NULL on overflow. */
void *nd_arena_calloc(nd_arena *a, size_t n, size_t size);
/* NUL-terminated copy of s[0..len) in the arena. */
char *nd_arena_strndup(nd_arena *a, const char *s, size_t len);
/* Copy of a NUL-terminated string, or NULL when s is NULL. */
char *nd_arena_strdup(nd_arena *a, const char *s);
/* Copy of n elements of size bytes; NULL on overflow or when n is 0. */
void *nd_arena_memdup(nd_arena *a, const void *p, size_t n, size_t size);
/* Bytes handed out so far (for memory reports). */
size_t nd_arena_used(const nd_arena *a);

#endif
