#include "core/alloc.h"

#include <stdlib.h> /* malloc, calloc, realloc, free */
#include <string.h> /* memcpy, memset */

#include "core/error.h"

static unsigned long fail_countdown;

void nd_alloc_fail_after(unsigned long n)
{
	fail_countdown = n;
}

unsigned long nd_alloc_fail_pending(void)
{
	return fail_countdown;
}

/* True when fault injection says this allocation must fail. */
static bool injected_failure(void)
{
	if (fail_countdown == 0)
		return false;
	return --fail_countdown == 0;
}

void *nd_malloc(size_t size)
{
	if (injected_failure())
		return NULL;
	return malloc(size ? size : 1);
}

void *nd_calloc(size_t n, size_t size)
{
	size_t total;

	if (nd_mul_overflow(n, size, &total) || injected_failure())
		return NULL;
	return calloc(total ? total : 1, 1);
}

void *nd_calloc_written(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (nd_mul_overflow(n, size, &total))
		return NULL;
	p = nd_malloc(total);
	if (p != NULL)
		memset(p, 0, total);
	return p;
}

void *nd_realloc(void *p, size_t size)
{
	if (injected_failure())
		return NULL;
	return realloc(p, size ? size : 1);
}

void *nd_reallocarray(void *p, size_t n, size_t size)
{
	size_t total;

	if (nd_mul_overflow(n, size, &total))
		return NULL;
	return nd_realloc(p, total);
}

void nd_free(void *p)
{
	free(p);
}

char *nd_strndup(const char *s, size_t len)
{
	size_t total;
	char *copy;

	if (nd_add_overflow(len, 1, &total))
		return NULL;
	copy = nd_malloc(total);
	if (copy == NULL)
		return NULL;
	if (len)
		memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

int nd_array_reserve(void **data, size_t *cap, size_t need, size_t elem)
{
	size_t newcap = *cap ? *cap : 8;
	void *grown;

	if (need <= *cap)
		return ND_OK;
	while (newcap < need) {
		if (nd_mul_overflow(newcap, 2, &newcap))
			return ND_ENOMEM;
	}
	grown = nd_reallocarray(*data, newcap, elem);
	if (grown == NULL)
		return ND_ENOMEM;
	*data = grown;
	*cap = newcap;
	return ND_OK;
}
