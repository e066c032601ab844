/* The one allocation choke point of the library, and checked size arithmetic.
 *
 * Every heap allocation in src/ goes through these wrappers, so an allocator
 * hook or fault injection needs one change. They never abort: a NULL return
 * means out of memory and callers report ND_ENOMEM. */
#ifndef ND_CORE_ALLOC_H
#define ND_CORE_ALLOC_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

void *nd_malloc(size_t size);
/* Zeroed array of n elements; NULL if n * size overflows or memory runs out. */
void *nd_calloc(size_t n, size_t size);
/* nd_calloc for a table read at scattered places before they are written
 * (a stamp, a hash table): zeroed by writing, so each page faults once,
 * where a fresh calloc'd page read first maps the zero page and faults
 * again on its first write. */
void *nd_calloc_written(size_t n, size_t size);
void *nd_realloc(void *p, size_t size);
/* realloc for arrays; NULL (p untouched) if n * size overflows. */
void *nd_reallocarray(void *p, size_t n, size_t size);
void nd_free(void *p);
/* Copy of s[0..len) plus a NUL, owned by the caller (nd_free). */
char *nd_strndup(const char *s, size_t len);

/* Test hook: make the n-th allocation from now fail (0 disables). */
void nd_alloc_fail_after(unsigned long n);
/* Test hook: allocations still to go before the injected failure; 0 once
 * it has happened (or when none is set). */
unsigned long nd_alloc_fail_pending(void);

static inline bool nd_add_overflow(size_t a, size_t b, size_t *out)
{
	return __builtin_add_overflow(a, b, out);
}

static inline bool nd_mul_overflow(size_t a, size_t b, size_t *out)
{
	return __builtin_mul_overflow(a, b, out);
}

/* Grows *data (an array of elem-sized items with capacity *cap) to hold at
 * least need items, doubling. Returns 0, or ND_ENOMEM leaving *data intact. */
int nd_array_reserve(void **data, size_t *cap, size_t need, size_t elem);

/* Appends one value to a (ptr, len, cap) triple; evaluates to 0 or ND_ENOMEM. */
#define ND_ARRAY_PUSH(ptr, len, cap, value)                                    \
	(((len) < (cap) || nd_array_reserve((void **)&(ptr), &(cap), (len) + 1,  \
					    sizeof(*(ptr))) == 0)                \
		 ? ((ptr)[(len)++] = (value), 0)                               \
		 : ND_ENOMEM)

#endif
