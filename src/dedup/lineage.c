#include "dedup/lineage.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "dedup/pubdate.h"

bool nd_dedup_stronger(const nd_dedup_edge *e, const nd_dedup_edge *f)
{
	if (e->kind != f->kind)
		return e->kind < f->kind;
	if (e->score != f->score)
		return e->score > f->score;
	return e->a < f->a;
}

/* Per article, the source of its strongest derivation, or ND_NONE; best
 * is work space for n edge indices. */
static void find_parents(size_t *parent, size_t *best, size_t n,
			 const nd_dedup_edge *edges, size_t n_edges)
{
	size_t i;

	for (i = 0; i < n; i++)
		best[i] = ND_NONE;
	for (i = 0; i < n_edges; i++) {
		const nd_dedup_edge *e = &edges[i];

		if (e->kind == ND_REL_PARTIAL || e->b >= n || e->a >= n ||
		    e->a == e->b)
			continue;
		if (best[e->b] == ND_NONE ||
		    nd_dedup_stronger(e, &edges[best[e->b]]))
			best[e->b] = i;
	}
	for (i = 0; i < n; i++)
		parent[i] = best[i] == ND_NONE ? ND_NONE : edges[best[i]].a;
}

/* Walks parents from each article, the walk held in path; a walk that
 * comes back to itself loses the parent of the loop's lowest article,
 * which becomes the loop's origin. state: 0 unseen, 1 on the walk, 2 done. */
static void break_loops(size_t *parent, unsigned char *state, size_t *path,
			size_t n)
{
	size_t i, len, k, low;

	for (i = 0; i < n; i++) {
		size_t at = i;

		for (len = 0; at != ND_NONE && state[at] == 0;
		     at = parent[at]) {
			state[at] = 1;
			path[len++] = at;
		}
		if (at != ND_NONE && state[at] == 1) {
			low = at;
			for (k = len; k-- > 0 && path[k] != at;)
				low = path[k] < low ? path[k] : low;
			parent[low] = ND_NONE;
		}
		for (k = 0; k < len; k++)
			state[path[k]] = 2;
	}
}

int nd_dedup_origins(size_t *origin, size_t n, const nd_dedup_edge *edges,
		     size_t n_edges)
{
	size_t *parent = nd_calloc(n + 1, sizeof(*parent));
	size_t *work = nd_calloc(n + 1, sizeof(*work));
	unsigned char *state = nd_calloc(n + 1, 1);
	size_t i, at;
	int rc = ND_ENOMEM;

	if (parent == NULL || work == NULL || state == NULL)
		goto done;
	find_parents(parent, work, n, edges, n_edges);
	break_loops(parent, state, work, n);
	/* Parents now form trees. Each walk stops at a root or at an article
	 * whose origin is known, and gives its whole path that origin. */
	memset(state, 0, n);
	for (i = 0; i < n; i++) {
		size_t len = 0, root;

		for (at = i; state[at] == 0 && parent[at] != ND_NONE;
		     at = parent[at])
			work[len++] = at;
		root = state[at] ? origin[at] : at;
		origin[at] = root;
		state[at] = 1;
		while (len-- > 0) {
			origin[work[len]] = root;
			state[work[len]] = 1;
		}
	}
	rc = ND_OK;
done:
	nd_free(parent);
	nd_free(work);
	nd_free(state);
	return rc;
}

size_t nd_dedup_earliest(const size_t *members, size_t n,
			 const char *const *published)
{
	size_t k, best = ND_NONE;
	nd_date date, first;

	for (k = 0; k < n; k++) {
		if (!nd_pubdate_read(&date, published[members[k]]))
			continue;
		if (best == ND_NONE || nd_pubdate_order(&date, &first) < 0) {
			best = members[k];
			first = date;
		}
	}
	return best;
}
