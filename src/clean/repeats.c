/* nd_clean_repeats: furniture that only shows as repetition.
 *
 * A site's footer, slogan or newsletter line, in words no list foresees,
 * is the same line at the same edge of every article from that site. So a
 * line is furniture when it sits among the first or last lines of the
 * bodies of ND_REPEAT_MIN articles that are not copies of one another
 * (copies share most of their lines, and a wire story's last paragraph is
 * news, not furniture), and it is dropped where it belongs to an unbroken
 * run of such lines reaching the first or last line of a body. A line
 * repeated in the middle of a body, such as a quote several outlets print
 * in full, is never touched. */
#include "clean/clean.h"

#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint32_t, uint64_t, UINT32_MAX */
#include <string.h>  /* memchr, memcpy */

#include "clean/clean_internal.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/hashmap.h"
#include "core/sorted.h"

/* Articles a line must open or close, none a copy of another. */
#define ND_REPEAT_MIN 3
/* Holders of a line looked at for ND_REPEAT_MIN non-copies: bounds the work
 * on a line that every article of a big batch ends with. */
#define ND_REPEAT_LOOK 24
/* Lines at each edge of a body that may be furniture. */
#define ND_REPEAT_EDGE 8
/* Articles sharing more than this share of the smaller one's text (in
 * bytes of distinct lines: furniture lines are short, paragraphs long)
 * are copies. */
#define ND_REPEAT_COPY 0.5

typedef struct edge_line {
	uint64_t key;  /* line_key() */
	uint32_t art;  /* article index */
	uint32_t line; /* line number in the body */
	size_t off;    /* in the article's text */
	size_t len;    /* without the newline */
} edge_line;

typedef struct repeats {
	const nd_clean_article *arts;
	size_t n;
	uint64_t *sets;     /* each article's distinct line hashes, sorted */
	size_t *bytes;      /* per article: bytes of its distinct lines */
	size_t *set_at;     /* article i's: sets[set_at[i]..set_at[i+1]) */
	size_t *lines;      /* body lines per article */
	edge_line *edges;   /* edge lines of every article, in order */
	size_t *edge_at;    /* article i's: edges[edge_at[i]..edge_at[i+1]) */
	uint32_t *next;     /* per edge line: next article's, same hash */
	bool *rep;          /* per edge line: repeated enough */
	bool *cut;          /* per edge line: dropped */
	nd_u64map heads;    /* line hash -> its first edge line */
} repeats;

/* A line's key: its hash in the high 44 bits, its length (capped) in the
 * low 20, so that sets of keys also know how much text they share. */
static uint64_t line_key(const char *s, size_t len)
{
	uint64_t h = nd_hash64(s, len, 0x6e64726570656174ULL); /* "ndrepeat" */

	return (h << 20) | (len < 0xFFFFF ? len : 0xFFFFF);
}

static size_t key_bytes(uint64_t key)
{
	return (size_t)(key & 0xFFFFF);
}

/* Sorts keys[0..n) and drops repeats; returns how many remain, their
 * bytes in *bytes. */
static size_t unique_lines(uint64_t *keys, size_t n, size_t *bytes)
{
	size_t i, k = nd_sort_unique_u64(keys, n);

	*bytes = 0;
	for (i = 0; i < k; i++)
		*bytes += key_bytes(keys[i]);
	return k;
}

/* Bytes of the lines both sorted key sets hold. */
static size_t shared_bytes(const uint64_t *a, size_t na, const uint64_t *b,
			   size_t nb)
{
	size_t i = 0, j = 0, n = 0;

	while (i < na && j < nb) {
		if (a[i] < b[j]) {
			i++;
		} else if (a[i] > b[j]) {
			j++;
		} else {
			n += key_bytes(a[i]);
			i++;
			j++;
		}
	}
	return n;
}

static size_t body_lines(const nd_clean_article *a)
{
	const char *p = a->text + a->body_off, *end = a->text + a->text_len;
	size_t n = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		n++;
		p = nl ? nl + 1 : end;
	}
	return n;
}

/* Appends article i's edge lines and its sorted set of line hashes. */
static void gather(repeats *r, size_t i, size_t *n_sets, size_t *n_edges)
{
	const nd_clean_article *a = &r->arts[i];
	const char *p = a->text + a->body_off, *end = a->text + a->text_len;
	size_t total = r->lines[i], k, first = *n_sets;

	for (k = 0; p < end; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		uint64_t h = line_key(p, len);

		r->sets[(*n_sets)++] = h;
		if (k < ND_REPEAT_EDGE || k + ND_REPEAT_EDGE >= total) {
			edge_line *e = &r->edges[(*n_edges)++];

			e->key = h;
			e->art = (uint32_t)i;
			e->line = (uint32_t)k;
			e->off = (size_t)(p - a->text);
			e->len = len;
		}
		p = nl ? nl + 1 : end;
	}
	*n_sets = first + unique_lines(r->sets + first, *n_sets - first,
				       &r->bytes[i]);
}

/* Whether articles a and b are copies: most of the text shared. */
static bool copies(const repeats *r, size_t a, size_t b)
{
	size_t na = r->set_at[a + 1] - r->set_at[a];
	size_t nb = r->set_at[b + 1] - r->set_at[b];
	size_t shared = shared_bytes(r->sets + r->set_at[a], na,
				     r->sets + r->set_at[b], nb);
	size_t small = r->bytes[a] < r->bytes[b] ? r->bytes[a] : r->bytes[b];

	return (double)shared > ND_REPEAT_COPY * (double)small;
}

/* Chains the edge lines of each hash, one per article, in article order;
 * `last` is scratch of one slot per edge line. */
static int link_heads(repeats *r, size_t n_edges, uint32_t *last)
{
	size_t j;

	for (j = 0; j < n_edges; j++) {
		uint32_t head;
		int rc = nd_u64map_put(&r->heads, r->edges[j].key,
				       (uint32_t)j, &head);

		if (rc)
			return rc;
		r->next[j] = UINT32_MAX;
		if (head == j) {
			last[j] = (uint32_t)j;
		} else if (r->edges[last[head]].art != r->edges[j].art) {
			r->next[last[head]] = (uint32_t)j;
			last[head] = (uint32_t)j;
		}
	}
	return ND_OK;
}

/* Whether the line first held by edge line head opens or closes
 * ND_REPEAT_MIN articles none of which copies another. */
static bool repeated(const repeats *r, uint32_t head)
{
	uint32_t pick[ND_REPEAT_MIN];
	size_t n_pick = 0, looked, k;
	uint32_t j;

	for (j = head, looked = 0; j != UINT32_MAX && looked < ND_REPEAT_LOOK;
	     j = r->next[j], looked++) {
		uint32_t art = r->edges[j].art;

		for (k = 0; k < n_pick && !copies(r, pick[k], art); k++)
			;
		if (k < n_pick)
			continue;
		pick[n_pick++] = art;
		if (n_pick == ND_REPEAT_MIN)
			return true;
	}
	return false;
}

/* Marks the runs of repeated lines reaching the first and the last body
 * line of article i; returns how many lines they hold. A body they would
 * empty keeps every line. */
static size_t mark_cuts(repeats *r, size_t i)
{
	size_t lo = r->edge_at[i], hi = r->edge_at[i + 1], j, n = 0;
	size_t total = r->lines[i];

	for (j = lo; j < hi && r->rep[j] && r->edges[j].line == j - lo; j++)
		r->cut[j] = true, n++;
	for (j = hi; j > lo && r->rep[j - 1] && !r->cut[j - 1] &&
		     r->edges[j - 1].line == total - (hi - j) - 1;
	     j--)
		r->cut[j - 1] = true, n++;
	if (n == total) {
		for (j = lo; j < hi; j++)
			r->cut[j] = false;
		n = 0;
	}
	return n;
}

/* Writes article a (index i) again without the lines marked cut. */
static int rewrite(nd_clean_article *a, nd_arena *arena, const repeats *r,
		   size_t i, size_t n_cut)
{
	size_t lo = r->edge_at[i], hi = r->edge_at[i + 1], j;
	size_t pos = 0, n = 0, words = 0;
	char *text = nd_arena_alloc(arena, a->text_len + 1);

	if (text == NULL)
		return ND_ENOMEM;
	for (j = lo; j < hi; j++) {
		const edge_line *e = &r->edges[j];
		size_t stop = e->off + e->len;

		if (!r->cut[j])
			continue;
		memcpy(text + n, a->text + pos, e->off - pos);
		n += e->off - pos;
		words += nd_clean_count_words(a->text + e->off, e->len);
		pos = stop < a->text_len ? stop + 1 : stop; /* and its '\n' */
	}
	memcpy(text + n, a->text + pos, a->text_len - pos);
	n += a->text_len - pos;
	text[n] = '\0';
	a->text = text;
	a->text_len = n;
	a->words -= words < a->words ? words : a->words;
	a->dropped_lines += n_cut;
	return ND_OK;
}

/* Sizes every array of r for arts[0..n); the per-line ones from the
 * line counts. */
static int size_arrays(repeats *r, size_t *n_lines, size_t *n_edges)
{
	size_t i, edges;

	*n_lines = *n_edges = 0;
	for (i = 0; i < r->n; i++) {
		r->lines[i] = body_lines(&r->arts[i]);
		edges = r->lines[i] < 2 * ND_REPEAT_EDGE ? r->lines[i]
							  : 2 * ND_REPEAT_EDGE;
		if (nd_add_overflow(*n_lines, r->lines[i], n_lines) ||
		    nd_add_overflow(*n_edges, edges, n_edges))
			return ND_ENOMEM;
	}
	r->sets = nd_calloc(*n_lines + 1, sizeof(*r->sets));
	r->edges = nd_calloc(*n_edges + 1, sizeof(*r->edges));
	r->next = nd_calloc(*n_edges + 1, sizeof(*r->next));
	r->rep = nd_calloc(*n_edges + 1, sizeof(*r->rep));
	r->cut = nd_calloc(*n_edges + 1, sizeof(*r->cut));
	if (!r->sets || !r->edges || !r->next || !r->rep || !r->cut)
		return ND_ENOMEM;
	return nd_u64map_init(&r->heads);
}

static void dispose(repeats *r)
{
	nd_free(r->sets);
	nd_free(r->set_at);
	nd_free(r->bytes);
	nd_free(r->lines);
	nd_free(r->edges);
	nd_free(r->edge_at);
	nd_free(r->next);
	nd_free(r->rep);
	nd_free(r->cut);
	nd_u64map_dispose(&r->heads);
}

int nd_clean_repeats(nd_clean_article *arts, size_t n, nd_arena *arena)
{
	repeats r;
	size_t i, j, n_lines = 0, n_edges = 0, n_sets = 0, n_cut;
	uint32_t *last = NULL, head;
	int rc;

	memset(&r, 0, sizeof(r));
	if (n < ND_REPEAT_MIN)
		return ND_OK;
	r.arts = arts;
	r.n = n;
	r.set_at = nd_calloc(n + 1, sizeof(*r.set_at));
	r.edge_at = nd_calloc(n + 1, sizeof(*r.edge_at));
	r.lines = nd_calloc(n + 1, sizeof(*r.lines));
	r.bytes = nd_calloc(n + 1, sizeof(*r.bytes));
	rc = r.set_at && r.edge_at && r.lines && r.bytes
		     ? size_arrays(&r, &n_lines, &n_edges)
		     : ND_ENOMEM;
	if (rc || n_edges > UINT32_MAX - 1) {
		rc = rc ? rc : ND_ENOMEM;
		goto done;
	}
	for (i = 0, n_edges = 0; i < n; i++) {
		r.set_at[i] = n_sets;
		r.edge_at[i] = n_edges;
		gather(&r, i, &n_sets, &n_edges);
	}
	r.set_at[n] = n_sets;
	r.edge_at[n] = n_edges;
	last = nd_calloc(n_edges + 1, sizeof(*last));
	if (last == NULL || (rc = link_heads(&r, n_edges, last)) != ND_OK) {
		rc = rc ? rc : ND_ENOMEM;
		goto done;
	}
	for (j = 0; j < n_edges; j++) {
		nd_u64map_get(&r.heads, r.edges[j].key, &head);
		r.rep[j] = head == j ? repeated(&r, head) : r.rep[head];
	}
	for (i = 0; i < n && rc == ND_OK; i++) {
		n_cut = mark_cuts(&r, i);
		if (n_cut > 0)
			rc = rewrite(&arts[i], arena, &r, i, n_cut);
	}
done:
	nd_free(last);
	dispose(&r);
	return rc;
}
