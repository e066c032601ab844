#include "core/arena.h"

#include <stdalign.h> /* alignof */
#include <stdint.h>   /* uintptr_t */
#include <string.h>   /* memcpy, memset, strlen */

#include "core/alloc.h"
#include "core/error.h"

/* Most arenas serve one batch; 64 KiB chunks keep the chunk list short
 * without wasting much on tiny batches. */
#define CHUNK_SIZE (64u * 1024u)
#define ALIGN alignof(max_align_t)

typedef struct chunk {
	struct chunk *next;
	size_t size;
	size_t used;
	alignas(max_align_t) unsigned char data[];
} chunk;

struct nd_arena {
	chunk *head;
	size_t used;
};

int nd_arena_create(nd_arena **out)
{
	nd_arena *a = nd_calloc(1, sizeof(*a));

	*out = a;
	return a ? ND_OK : ND_ENOMEM;
}

void nd_arena_free(nd_arena *a)
{
	chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		nd_free(c);
	}
	nd_free(a);
}

/* Adds a chunk able to hold size bytes. Oversized requests get a chunk of
 * their own, placed behind the head so the head's free space is not lost. */
static chunk *add_chunk(nd_arena *a, size_t size)
{
	size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
	size_t total;
	chunk *c;

	if (nd_add_overflow(sizeof(chunk), cap, &total))
		return NULL;
	c = nd_malloc(total);
	if (c == NULL)
		return NULL;
	c->size = cap;
	c->used = 0;
	if (size > CHUNK_SIZE && a->head) {
		c->next = a->head->next;
		a->head->next = c;
	} else {
		c->next = a->head;
		a->head = c;
	}
	return c;
}

void *nd_arena_alloc(nd_arena *a, size_t size)
{
	chunk *c = a->head;
	size_t rounded;

	if (nd_add_overflow(size, ALIGN - 1, &rounded))
		return NULL;
	rounded &= ~(size_t)(ALIGN - 1);
	if (rounded == 0)
		rounded = ALIGN;
	if (c == NULL || c->size - c->used < rounded) {
		c = add_chunk(a, rounded);
		if (c == NULL)
			return NULL;
	}
	a->used += rounded;
	c->used += rounded;
	return c->data + c->used - rounded;
}

void *nd_arena_calloc(nd_arena *a, size_t n, size_t size)
{
	size_t total;
	void *p;

	if (nd_mul_overflow(n, size, &total))
		return NULL;
	p = nd_arena_alloc(a, total);
	if (p)
		memset(p, 0, total);
	return p;
}

char *nd_arena_strndup(nd_arena *a, const char *s, size_t len)
{
	size_t total;
	char *copy;

	if (nd_add_overflow(len, 1, &total))
		return NULL;
	copy = nd_arena_alloc(a, total);
	if (copy == NULL)
		return NULL;
	if (len)
		memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *nd_arena_strdup(nd_arena *a, const char *s)
{
	return s ? nd_arena_strndup(a, s, strlen(s)) : NULL;
}

void *nd_arena_memdup(nd_arena *a, const void *p, size_t n, size_t size)
{
	size_t total;
	void *copy;

	if (n == 0 || nd_mul_overflow(n, size, &total))
		return NULL;
	copy = nd_arena_alloc(a, total);
	if (copy)
		memcpy(copy, p, total);
	return copy;
}

size_t nd_arena_used(const nd_arena *a)
{
	return a->used;
}
