#include "dedup/dedup.h"

#include <stdbool.h> /* bool */
#include <stdlib.h>  /* qsort */
#include <string.h>  /* memset */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/hashmap.h"
#include "core/sorted.h"
#include "dedup/align.h"
#include "dedup/lineage.h"
#include "dedup/pubdate.h"
#include "dedup/minhash.h"
#include "dedup/shingle.h"

/* Syndicated copies (a new headline, a paragraph dropped or swapped, a
 * few words changed, boilerplate added) of real news articles have a body
 * shingle Jaccard of 0.41 to 1 with their source (median 0.72, 1% under
 * 0.47; make eval-copies), spun rewrites at most 0.43, and reports of one
 * event by different hands under 0.02 in 99% of pairs; the real spun
 * rewrite among the seeds has 0.03. */
#define DEFAULT_NEAR_JACCARD 0.4
#define DEFAULT_REWRITE_SHARE 0.5
/* Measured with the align.c scorer on the seeds and examples: sentence
 * pairs of a spun rewrite and its source score 0.20-0.70, while
 * independent reports of one event reach 0.3-0.7 on the few facts and
 * quotes they share. No sentence threshold separates them; the share of
 * aligned sentences does. At 0.25 the spun seed aligns 60% of its
 * sentences with its source, independent pairs at most 32%; at 0.3 and
 * 0.35 the spun seed drops to 55% and 50%, at 0.2 an independent pair
 * rises to 47%. */
#define DEFAULT_SENTENCE_SIM 0.25
/* Fewer aligned sentences than this is a shared quote, not a rewrite. */
#define MIN_ALIGNED 3
/* Independent reports of one event restate a few of the same facts in the
 * same order: in a short article 3 or 4 such sentences are half of it. So
 * below SURE_ALIGNED aligned sentences a rewrite needs SHORT_SHARE. */
#define SURE_ALIGNED 5
#define SHORT_SHARE 0.75
/* Direction without dates: a share of aligned sentences higher by this
 * much marks the copy; else the text whose own words are rarer by this
 * factor (a spinner's synonyms are found nowhere else, a source's words
 * recur across the story). */
#define SHARE_GAP 0.1
#define RARITY_GAP 1.1

/* A shorter copy (a truncated or trimmed republication) has a low Jaccard
 * against the full text but nearly all its shingles inside it: that is a
 * near-duplicate too when it keeps at least half of the longer text. A
 * stricter Jaccard threshold than CONTAIN_SHARE applies here too. */
#define CONTAIN_SHARE 0.9
#define CONTAIN_SIZE_RATIO 0.5
#define CONTAIN_MIN_SHINGLES 20

/* Partial reuse: a passage taken over verbatim, too little of either text
 * for a copy or a rewrite, such as the background paragraphs a wire
 * repeats in its follow-ups. PARTIAL_MIN_SHINGLES shared shingles are two
 * sentences or so: fewer is a shared quote or a stock phrase. */
#define PARTIAL_MIN_SHINGLES 40
#define PARTIAL_SHARE 0.15
/* The hashes below 2^62 are a random quarter of a set. Of 40 shingles two
 * texts share, fewer than 3 fall in it with probability 0.001. */
#define PARTIAL_SAMPLE_BELOW (UINT64_C(1) << 62)
#define PARTIAL_SAMPLE_MIN 3

/* Rewrite candidates: pairs sharing enough distinct rare content stems.
 * Only stems found in at most CAND_DF_MAX articles are indexed: a source
 * and its rewrite share the rare words of the source's details, while the
 * common words of a large story would make the pass quadratic (work is at
 * most CAND_DF_MAX times the number of indexed words). */
#define CAND_MIN_SHARED 4
#define CAND_MIN_SHARE 0.2
#define CAND_DF_MAX 64
/* Sentence alignment costs about 0.1 ms for two 20-sentence articles, and
 * in a story of hundreds of articles every pair passes the filter above.
 * So an article is aligned only with the earlier articles sharing the
 * largest part of its stems (a source shares its rare words with its
 * rewrite), keeping the pass linear in the number of articles. */
#define ALIGN_MAX_CAND 8

typedef struct dd_doc {
	uint64_t hash;   /* of the body terms */
	size_t words;    /* body tokens */
	uint32_t rep;    /* first-choice source among its exact copies */
	uint64_t *sh;    /* shingle set */
	size_t nsh;
	size_t nsample;  /* shingles in the partial-reuse sample, first */
	uint32_t *stems; /* distinct indexed content stems */
	size_t nstems;
	nd_align_doc al;
} dd_doc;

/* A candidate and the share of stems it has in common with the current
 * document. */
typedef struct ranked {
	double share;
	uint32_t doc;
} ranked;

typedef struct dd_run {
	const nd_corpus *c;
	double near, share, sim;
	dd_doc *docs;
	nd_dedup_edge *edges;
	size_t n_edges, cap_edges;
	/* Candidates of the document being placed. */
	uint32_t cur;
	uint32_t *stamp; /* cur + 1 once a doc is a candidate of cur */
	uint32_t *count; /* shared stems with cur */
	uint32_t *touched;
	uint32_t *cand;
	size_t n_cand;
	size_t n_touched;
	ranked *rank;         /* candidates by shared stems */
	uint32_t *align_mark; /* cur + 1 when cand may be aligned with cur */
	/* Stem postings: the documents holding indexed stem s, ascending,
	 * are p_doc[p_start[s] .. p_start[s + 1]). */
	uint32_t *p_start;
	size_t n_head;
	uint32_t *p_doc;
	nd_align_scratch align; /* work space of sentence alignment */
	/* Per stem: mark of the last document whose words were listed. */
	uint32_t *stem_mark;
	uint32_t mark;
} dd_run;

static const char *published(const nd_corpus *c, size_t i)
{
	return c->published && c->published[i] ? c->published[i] : "";
}

/* Should x rather than y be the source of a copy: the earlier date, else
 * the longer (more complete) body, else the earlier input. */
static bool copy_source_first(const dd_run *r, uint32_t x, uint32_t y)
{
	int cmp;

	if (nd_pubdate_cmp(&cmp, published(r->c, x), published(r->c, y)) &&
	    cmp != 0)
		return cmp < 0;
	if (r->docs[x].words != r->docs[y].words)
		return r->docs[x].words > r->docs[y].words;
	return x < y;
}

static int push_edge(dd_run *r, size_t a, size_t b, nd_relation_kind kind,
		     double score)
{
	nd_dedup_edge e = { a, b, kind, score };

	return ND_ARRAY_PUSH(r->edges, r->n_edges, r->cap_edges, e);
}

static bool same_body(const nd_doc *x, const nd_doc *y)
{
	size_t i = nd_shingle_body_start(x), j = nd_shingle_body_start(y);

	if (x->ntoks - i != y->ntoks - j)
		return false;
	for (; i < x->ntoks; i++, j++) {
		if (x->toks[i].term != y->toks[j].term)
			return false;
	}
	return true;
}

/* Groups exact copies, records a duplicate edge from each group's source
 * to every other member, and leaves only the source (rep) for the later
 * passes: copies of a copy add nothing but quadratic work. */
static int group_exact(dd_run *r)
{
	const nd_corpus *c = r->c;
	nd_u64map first = { 0 };
	uint32_t *group_rep = NULL, *group_of = NULL;
	size_t i;
	int rc = ND_ENOMEM;

	group_rep = nd_calloc(c->n, sizeof(*group_rep));
	group_of = nd_calloc(c->n, sizeof(*group_of));
	if (group_rep == NULL || group_of == NULL || nd_u64map_init(&first))
		goto done;
	for (i = 0; i < c->n; i++) {
		dd_doc *d = &r->docs[i];
		uint32_t g = (uint32_t)i;

		d->hash = nd_shingle_body_hash(&c->docs[i]);
		d->words = c->docs[i].ntoks -
			   nd_shingle_body_start(&c->docs[i]);
		group_rep[i] = (uint32_t)i;
		if (d->words > 0 &&
		    nd_u64map_put(&first, d->hash, (uint32_t)i, &g))
			goto done;
		/* A hash collision leaves the article on its own. */
		if (g != i && !same_body(&c->docs[g], &c->docs[i]))
			g = (uint32_t)i;
		group_of[i] = g;
		if (copy_source_first(r, (uint32_t)i, group_rep[g]))
			group_rep[g] = (uint32_t)i;
	}
	for (i = 0; i < c->n; i++) {
		r->docs[i].rep = group_rep[group_of[i]];
		if (r->docs[i].rep != i &&
		    push_edge(r, r->docs[i].rep, i, ND_REL_DUPLICATE, 1.0))
			goto done;
	}
	rc = ND_OK;
done:
	nd_u64map_dispose(&first);
	nd_free(group_rep);
	nd_free(group_of);
	return rc;
}

/* A mark no stem_mark entry holds yet. */
static uint32_t fresh_mark(dd_run *r)
{
	if (r->mark == UINT32_MAX) {
		memset(r->stem_mark, 0, r->n_head * sizeof(*r->stem_mark));
		r->mark = 0;
	}
	return ++r->mark;
}

/* Distinct body content stems of doc i that are rare enough to index, in
 * text order: a mark per stem finds the repeats, where sorting them was a
 * tenth of the stage on small stories, and no use reads them in order. */
static int index_stems(dd_run *r, size_t i)
{
	const nd_corpus *c = r->c;
	const nd_doc *d = &c->docs[i];
	dd_doc *dd = &r->docs[i];
	uint32_t mark;
	size_t t, n = 0;

	if (dd->words == 0)
		return ND_OK;
	dd->stems = nd_calloc(dd->words, sizeof(*dd->stems));
	if (dd->stems == NULL)
		return ND_ENOMEM;
	/* The stems of content words first, all written, kept by count:
	 * which tokens are stop words follows no pattern a branch could
	 * learn. Every stem is one of the vocabulary's; one past them could
	 * be neither marked nor posted. */
	for (t = nd_shingle_body_start(d); t < d->ntoks; t++) {
		const nd_token *tok = &d->toks[t];

		dd->stems[n] = tok->stem;
		n += !(tok->flags & (ND_TOK_STOP | ND_TOK_NUMBER)) &
		     (tok->stem < r->n_head);
	}
	/* Then each one's first sight, when rare enough. A stem marked
	 * though too common is so at every sight. */
	mark = fresh_mark(r);
	for (t = 0; t < n; t++) {
		uint32_t stem = dd->stems[t];
		bool seen = r->stem_mark[stem] == mark;

		r->stem_mark[stem] = mark;
		if (seen || nd_vocab_df(c->vocab, stem) > CAND_DF_MAX)
			continue;
		dd->stems[dd->nstems++] = stem;
	}
	return ND_OK;
}

static void add_candidate(dd_run *r, uint32_t doc)
{
	if (r->stamp[doc] != r->cur + 1) {
		r->stamp[doc] = r->cur + 1;
		r->cand[r->n_cand++] = doc;
	}
}

static int lsh_visit(void *ctx, uint32_t doc)
{
	add_candidate(ctx, doc);
	return ND_OK;
}

/* The smaller of the indexed stem counts of cur and j. */
static size_t fewer_stems(const dd_run *r, uint32_t j)
{
	size_t a = r->docs[r->cur].nstems, b = r->docs[j].nstems;

	return a < b ? a : b;
}

/* Indexes the stems of every document that relate will place, and lists
 * the documents of each stem, in one array in input order: the walk of
 * a stem's earlier documents then reads adjacent memory. */
static int build_postings(dd_run *r)
{
	size_t i, k, total = 0;

	r->p_start = nd_calloc(r->n_head + 1, sizeof(*r->p_start));
	if (r->p_start == NULL)
		return ND_ENOMEM;
	for (i = 0; i < r->c->n; i++) {
		const dd_doc *d = &r->docs[i];

		if (d->rep != i || d->words == 0)
			continue;
		if (index_stems(r, i))
			return ND_ENOMEM;
		/* index_stems keeps only the vocabulary's stems. */
		total += d->nstems;
		if (total >= UINT32_MAX)
			return ND_ENOMEM;
		for (k = 0; k < d->nstems; k++)
			r->p_start[d->stems[k]]++;
	}
	/* Each stem's end, then filled backwards down to its start. */
	for (k = 1; k <= r->n_head; k++)
		r->p_start[k] += r->p_start[k - 1];
	r->p_doc = nd_calloc(total + 1, sizeof(*r->p_doc));
	if (r->p_doc == NULL)
		return ND_ENOMEM;
	for (i = r->c->n; i-- > 0;) {
		const dd_doc *d = &r->docs[i];

		for (k = 0; k < d->nstems; k++)
			r->p_doc[--r->p_start[d->stems[k]]] = (uint32_t)i;
	}
	return ND_OK;
}

/* Earlier documents sharing enough indexed stems with cur become
 * candidates. */
static void stem_candidates(dd_run *r)
{
	const dd_doc *d = &r->docs[r->cur];
	size_t k, p, n_touched = 0;

	r->n_touched = 0;
	for (k = 0; k < d->nstems; k++) {
		uint32_t s = d->stems[k];

		for (p = r->p_start[s];
		     p < r->p_start[s + 1] && r->p_doc[p] < r->cur; p++) {
			uint32_t j = r->p_doc[p];

			if (r->count[j]++ == 0)
				r->touched[n_touched++] = j;
		}
	}
	for (k = 0; k < n_touched; k++) {
		uint32_t j = r->touched[k];

		if (r->count[j] >= CAND_MIN_SHARED &&
		    r->count[j] >= CAND_MIN_SHARE * (double)fewer_stems(r, j))
			add_candidate(r, j);
	}
	/* The counts stay for rank_candidates, which clears them. */
	r->n_touched = n_touched;
}

static int cmp_ranked(const void *x, const void *y)
{
	const ranked *a = x, *b = y;

	if (a->share != b->share)
		return a->share > b->share ? -1 : 1;
	return a->doc < b->doc ? -1 : a->doc > b->doc;
}

/* Marks the ALIGN_MAX_CAND candidates sharing most stems with cur as ones
 * to align, then clears the stem counts. */
static void rank_candidates(dd_run *r)
{
	size_t k;

	for (k = 0; k < r->n_cand; k++) {
		uint32_t j = r->cand[k];
		size_t small = fewer_stems(r, j);

		r->rank[k].doc = j;
		r->rank[k].share =
			small ? (double)r->count[j] / (double)small : 0;
	}
	qsort(r->rank, r->n_cand, sizeof(*r->rank), cmp_ranked);
	for (k = 0; k < r->n_cand && k < ALIGN_MAX_CAND; k++)
		r->align_mark[r->rank[k].doc] = r->cur + 1;
	for (k = 0; k < r->n_touched; k++)
		r->count[r->touched[k]] = 0;
	r->n_touched = 0;
}

/* Mean IDF of the distinct content stems of x that y lacks. */
static double own_rarity(dd_run *r, uint32_t x, uint32_t y)
{
	const nd_doc *dx = &r->c->docs[x], *dy = &r->c->docs[y];
	uint32_t mark_y, mark_x;
	double sum = 0;
	size_t t, n = 0;

	mark_y = fresh_mark(r);
	mark_x = fresh_mark(r);

	for (t = 0; t < dy->ntoks; t++)
		r->stem_mark[dy->toks[t].stem] = mark_y;
	for (t = 0; t < dx->ntoks; t++) {
		const nd_token *tok = &dx->toks[t];

		if ((tok->flags & (ND_TOK_STOP | ND_TOK_NUMBER)) ||
		    r->stem_mark[tok->stem] == mark_y ||
		    r->stem_mark[tok->stem] == mark_x)
			continue;
		r->stem_mark[tok->stem] = mark_x;
		sum += nd_vocab_idf(r->c->vocab, tok->stem);
		n++;
	}
	return n ? sum / (double)n : 0;
}

/* Which of the aligned pair (j, i), j < i, is the rewrite: the later
 * date; else the one made more of the other; else the one whose own words
 * are rarer; else the later input. */
static uint32_t rewrite_copy(dd_run *r, uint32_t j, uint32_t i,
			     double share_j, double share_i)
{
	double rare_j, rare_i;
	int cmp;

	if (nd_pubdate_cmp(&cmp, published(r->c, j), published(r->c, i)) &&
	    cmp != 0)
		return cmp < 0 ? i : j;
	if (share_j >= share_i + SHARE_GAP)
		return j;
	if (share_i >= share_j + SHARE_GAP)
		return i;
	rare_j = own_rarity(r, j, i);
	rare_i = own_rarity(r, i, j);
	if (rare_j > rare_i * RARITY_GAP)
		return j;
	return i;
}

static bool rewrite_enough(const dd_run *r, size_t cover, double share)
{
	if (cover < MIN_ALIGNED || share < r->share)
		return false;
	return cover >= SURE_ALIGNED || share >= SHORT_SHARE;
}

/* The fewest aligned sentences of an article of n that can make it a
 * rewrite; n + 1 when none can. */
static size_t rewrite_need(const dd_run *r, size_t n)
{
	size_t cover;

	for (cover = 0; cover <= n; cover++) {
		if (rewrite_enough(r, cover, (double)cover / (double)n))
			return cover;
	}
	return n + 1;
}

/* Jaccard of two sets of na and nb sharing inter. */
static double jaccard(size_t inter, size_t na, size_t nb)
{
	return (double)inter / (double)(na + nb - inter);
}

/* Is an intersection of inter shingles enough to make near-duplicates of
 * sets of na and nb shingles (may_contain: the smaller may count as lying
 * inside the larger)? Grows with inter. */
static bool near_enough(const dd_run *r, size_t inter, size_t na, size_t nb,
			bool may_contain)
{
	size_t small = na < nb ? na : nb;
	double jac = jaccard(inter, na, nb);
	double contain = r->near > CONTAIN_SHARE ? r->near : CONTAIN_SHARE;

	return jac >= r->near ||
	       (may_contain && (double)inter >= contain * (double)small);
}

/* The smallest intersection near_enough accepts, by bisection over
 * 0..small; small + 1 when none. */
static size_t near_need(const dd_run *r, size_t na, size_t nb,
			bool may_contain)
{
	size_t lo = 0, hi = (na < nb ? na : nb) + 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (near_enough(r, mid, na, nb, may_contain))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The fewest shared shingles that make partial reuse between sets of which
 * the smaller holds small. */
static size_t partial_need(size_t small)
{
	size_t share = (size_t)(PARTIAL_SHARE * (double)small + 0.999);

	return share > PARTIAL_MIN_SHINGLES ? share : PARTIAL_MIN_SHINGLES;
}

/* May x and y share enough shingles for partial reuse? Counted among the
 * shingles hashed below PARTIAL_SAMPLE_BELOW, the first nsample of each
 * sorted set: a quarter of the work of a full count, which was dearer
 * than the alignments. */
static bool partial_sample(const dd_doc *x, const dd_doc *y)
{
	return nd_sorted_common_u64_min(x->sh, x->nsample, y->sh, y->nsample,
					PARTIAL_SAMPLE_MIN) >=
	       PARTIAL_SAMPLE_MIN;
}

/* Pushes the edge of kind between j and i with the source first by date,
 * else completeness. */
static int push_copy(dd_run *r, uint32_t j, uint32_t i,
		     nd_relation_kind kind, double score)
{
	if (copy_source_first(r, j, i))
		return push_edge(r, j, i, kind, score);
	return push_edge(r, i, j, kind, score);
}

/* Rewrite by sentence alignment of the pair (j, i), j < i: sets *found
 * when an edge was pushed. */
static int judge_rewrite(bool *found, dd_run *r, uint32_t j, uint32_t i)
{
	const dd_doc *dj = &r->docs[j], *di = &r->docs[i];
	size_t cover_j, cover_i;
	double share_j, share_i;
	uint32_t derived;
	int rc;

	*found = false;
	if ((rc = nd_align_count(&cover_j, &cover_i, &dj->al, &di->al,
				 r->sim, rewrite_need(r, dj->al.n_sents),
				 rewrite_need(r, di->al.n_sents), &r->align)))
		return rc;
	share_j = (double)cover_j / (double)dj->al.n_sents;
	share_i = (double)cover_i / (double)di->al.n_sents;
	/* Which is the copy matters only when one could be. */
	if (!rewrite_enough(r, cover_i, share_i) &&
	    !rewrite_enough(r, cover_j, share_j))
		return ND_OK;
	derived = rewrite_copy(r, j, i, share_j, share_i);
	if (derived == i && rewrite_enough(r, cover_i, share_i)) {
		*found = true;
		return push_edge(r, j, i, ND_REL_REWRITE_OF, share_i);
	}
	if (derived == j && rewrite_enough(r, cover_j, share_j)) {
		*found = true;
		return push_edge(r, i, j, ND_REL_REWRITE_OF, share_j);
	}
	return ND_OK;
}

/* Classifies the pair (j, i), j < i: near-duplicate by shingles, else,
 * when align is set, rewrite by sentence alignment or partial reuse by
 * shared shingles, else nothing. */
static int judge_pair(dd_run *r, uint32_t j, uint32_t i, bool align)
{
	const dd_doc *dj = &r->docs[j], *di = &r->docs[i];
	size_t small = dj->nsh < di->nsh ? dj->nsh : di->nsh;
	size_t large = dj->nsh < di->nsh ? di->nsh : dj->nsh;
	bool may_contain = small >= CONTAIN_MIN_SHINGLES &&
			   (double)small >= CONTAIN_SIZE_RATIO * (double)large;
	/* Below the least intersection that passes either test, its size
	 * is of no use: both grow with it. */
	size_t need = near_need(r, dj->nsh, di->nsh, may_contain);
	/* Partial reuse is sought among the pairs worth aligning, those
	 * sharing the most rare words, and that share enough of a sample. */
	size_t part = align && partial_sample(dj, di) ? partial_need(small)
						       : SIZE_MAX;
	size_t least = need < part ? need : part;
	size_t inter = least > small ? 0
				     : nd_sorted_common_u64_min(dj->sh, dj->nsh,
							       di->sh, di->nsh,
							       least);
	bool found = false;
	int rc;

	if (near_enough(r, inter, dj->nsh, di->nsh, may_contain))
		return push_copy(r, j, i, ND_REL_NEAR_DUPLICATE,
				 jaccard(inter, dj->nsh, di->nsh));
	if (align && (rc = judge_rewrite(&found, r, j, i)))
		return rc;
	if (found || inter < part)
		return ND_OK;
	return push_copy(r, j, i, ND_REL_PARTIAL,
			 (double)inter / (double)small);
}

/* Near-duplicates and rewrites among the group representatives. */
static int relate(dd_run *r)
{
	const nd_corpus *c = r->c;
	nd_lsh lsh = { 0 };
	uint64_t sig[ND_MINHASH_BINS];
	size_t i, k;
	int rc = ND_ENOMEM;

	r->n_head = nd_vocab_stem_count(c->vocab);
	r->stem_mark = nd_calloc(r->n_head + 1, sizeof(*r->stem_mark));
	r->stamp = nd_calloc(c->n, sizeof(*r->stamp));
	r->count = nd_calloc(c->n, sizeof(*r->count));
	r->touched = nd_calloc(c->n, sizeof(*r->touched));
	r->cand = nd_calloc(c->n, sizeof(*r->cand));
	r->rank = nd_calloc(c->n, sizeof(*r->rank));
	r->align_mark = nd_calloc(c->n, sizeof(*r->align_mark));
	if (!r->stem_mark || !r->stamp || !r->count ||
	    !r->touched || !r->cand || !r->rank || !r->align_mark)
		goto done;
	if ((rc = nd_lsh_init(&lsh, c->n)) || (rc = build_postings(r)))
		goto done;
	for (i = 0; i < c->n; i++) {
		dd_doc *d = &r->docs[i];

		if (d->rep != i || d->words == 0)
			continue;
		if ((rc = nd_shingle_set(&d->sh, &d->nsh, &c->docs[i])) ||
		    (rc = nd_align_prepare(&d->al, &c->docs[i], c->vocab)))
			goto done;
		d->nsample = nd_sorted_lower_u64(d->sh, d->nsh,
						 PARTIAL_SAMPLE_BELOW);
		r->cur = (uint32_t)i;
		r->n_cand = 0;
		nd_minhash_sign(sig, d->sh, d->nsh);
		if ((rc = nd_lsh_insert(&lsh, sig, (uint32_t)i, lsh_visit,
					r)))
			goto done;
		stem_candidates(r);
		rank_candidates(r);
		/* Candidates are distinct already (stamped): this only sorts. */
		r->n_cand = nd_sort_unique_u32(r->cand, r->n_cand);
		for (k = 0; k < r->n_cand; k++) {
			uint32_t j = r->cand[k];

			if ((rc = judge_pair(r, j, (uint32_t)i,
					     r->align_mark[j] == i + 1)))
				goto done;
		}
	}
	rc = ND_OK;
done:
	nd_lsh_dispose(&lsh);
	return rc;
}

static int cmp_edge(const void *x, const void *y)
{
	const nd_dedup_edge *a = x, *b = y;

	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	return a->a < b->a ? -1 : a->a > b->a;
}

static uint64_t pair_key(size_t x, size_t y)
{
	return x < y ? (uint64_t)x << 32 | y : (uint64_t)y << 32 | x;
}

/* Drops the edges that only echo a shared source: when b is related to
 * both s and p, and s and p are related to each other, b's weaker edge
 * goes. Two copies of one wire story are thus each tied to the wire, not
 * to each other in a made-up direction. edges are sorted by (b, a). */
static int prune(dd_run *r)
{
	nd_u64map pairs = { 0 };
	unsigned char *drop = NULL;
	size_t i, j, k, from;
	int rc = ND_ENOMEM;

	drop = nd_calloc(r->n_edges + 1, 1);
	if (drop == NULL || nd_u64map_init(&pairs))
		goto done;
	for (i = 0; i < r->n_edges; i++) {
		if (nd_u64map_put(&pairs,
				  pair_key(r->edges[i].a, r->edges[i].b), 1,
				  NULL))
			goto done;
	}
	for (from = 0; from < r->n_edges; from = k) {
		for (k = from; k < r->n_edges && r->edges[k].b ==
						      r->edges[from].b;
		     k++)
			;
		for (i = from; i < k; i++) {
			for (j = i + 1; j < k; j++) {
				const nd_dedup_edge *e = &r->edges[i];
				const nd_dedup_edge *f = &r->edges[j];

				if (!nd_u64map_get(&pairs,
						   pair_key(e->a, f->a), NULL))
					continue;
				drop[nd_dedup_stronger(e, f) ? j : i] = 1;
			}
		}
	}
	for (i = j = 0; i < r->n_edges; i++) {
		if (!drop[i])
			r->edges[j++] = r->edges[i];
	}
	r->n_edges = j;
	rc = ND_OK;
done:
	nd_u64map_dispose(&pairs);
	nd_free(drop);
	return rc;
}

static double or_default(double v, double def)
{
	return v > 0 ? v : def;
}

int nd_dedup_run(nd_dedup_edge **edges, size_t *n_edges, const nd_corpus *c,
		 const nd_dedup_opts *opts, nd_arena *arena)
{
	dd_run r;
	size_t i;
	int rc = ND_ENOMEM;

	*edges = NULL;
	*n_edges = 0;
	memset(&r, 0, sizeof(r));
	if (c == NULL || c->n < 2)
		return ND_OK;
	if (c->n > UINT32_MAX / ND_MINHASH_BANDS)
		return ND_ENOMEM;
	r.c = c;
	r.near = or_default(opts ? opts->near_jaccard : 0,
			    DEFAULT_NEAR_JACCARD);
	r.share = or_default(opts ? opts->rewrite_share : 0,
			     DEFAULT_REWRITE_SHARE);
	r.sim = or_default(opts ? opts->sentence_sim : 0,
			   DEFAULT_SENTENCE_SIM);
	r.docs = nd_calloc(c->n, sizeof(*r.docs));
	if (r.docs == NULL)
		goto done;
	if ((rc = group_exact(&r)) || (rc = relate(&r)))
		goto done;
	if (r.n_edges) {
		qsort(r.edges, r.n_edges, sizeof(*r.edges), cmp_edge);
		if ((rc = prune(&r)))
			goto done;
		*edges = nd_arena_memdup(arena, r.edges, r.n_edges,
					 sizeof(*r.edges));
		if (*edges == NULL) {
			rc = ND_ENOMEM;
			goto done;
		}
		*n_edges = r.n_edges;
	}
	rc = ND_OK;
done:
	if (r.docs) {
		for (i = 0; i < c->n; i++) {
			nd_free(r.docs[i].sh);
			nd_free(r.docs[i].stems);
			nd_align_dispose(&r.docs[i].al);
		}
	}
	nd_free(r.docs);
	nd_free(r.edges);
	nd_free(r.stamp);
	nd_free(r.count);
	nd_free(r.touched);
	nd_free(r.cand);
	nd_free(r.rank);
	nd_free(r.align_mark);
	nd_free(r.p_start);
	nd_free(r.stem_mark);
	nd_free(r.p_doc);
	nd_align_scratch_dispose(&r.align);
	return rc;
}
