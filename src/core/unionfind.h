/* Disjoint sets over 0..n-1 in a caller-owned parent array.
 *
 * A set's root is always its smallest member, so the sets and their roots
 * do not depend on the order the unions come in, and a root is the
 * earliest item of its group. */
#ifndef ND_CORE_UNIONFIND_H
#define ND_CORE_UNIONFIND_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

/* Makes each of parent[0..n) a set of its own. */
void nd_uf_init(uint32_t *parent, size_t n);
/* The root of x's set (halving the path on the way). */
uint32_t nd_uf_find(uint32_t *parent, uint32_t x);
/* Joins the sets of a and b under the smaller root. */
void nd_uf_union(uint32_t *parent, uint32_t a, uint32_t b);

#endif
