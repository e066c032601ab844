#include "core/unionfind.h"

void nd_uf_init(uint32_t *parent, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		parent[i] = (uint32_t)i;
}

uint32_t nd_uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

void nd_uf_union(uint32_t *parent, uint32_t a, uint32_t b)
{
	a = nd_uf_find(parent, a);
	b = nd_uf_find(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}
