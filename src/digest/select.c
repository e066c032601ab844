#include "digest/digest_internal.h"

#include <math.h> /* pow */
#include <string.h> /* memcmp */

#include "core/alloc.h"
#include "core/hash.h"
#include "core/hashmap.h"
#include "digest/candidates.h"

#define DEFAULT_WORDS 100
/* Gain is divided by cost^COST_EXP: 1 would favour short sentences, 0.5
 * long ones; in between keeps one long informative lead in reach without
 * letting it crowd out two shorter facts. */
#define COST_EXP 0.75
/* The lead sentence of an article earns this many heaviest-concept units,
 * the last one nothing: a tie-breaker towards what reporters put first. */
#define POS_PRIOR 0.5
/* A sentence other articles state too is what the story reports: such
 * sentences are chosen first (must_wait), but their value gets no bonus,
 * since the concept weights count the independent articles stating each
 * fact already; a bonus on top measured worse on DUC 2004. One further
 * article is all the backing test needs. */
#define SUPPORT_CAP 1

/* The concepts of one form of a sentence: whole (the story's lists) or
 * trimmed (its own, without the cut words' concepts). */
typedef struct fview {
	const uint32_t *cids; /* stems, then bigrams */
	uint32_t nuni, n;
	/* Those of value (their numbers, s->vnum), in the same order: the
	 * only ones a gain adds (adding a zero leaves a sum of values >= 0
	 * as it is), a quarter of them or so, most concepts being one
	 * group's. */
	const uint32_t *vals;
	uint32_t nval;
	double wsum;          /* IDF of its stems */
	double full;          /* gain under no cover: bounds every gain */
	nd_dtrim trim;        /* ntok 0: the whole sentence */
	/* While candidates are gathered, where vals and a trimmed form's
	 * cids start in their pools, which move as they grow (place_views). */
	uint32_t at, vat;
} fview;

typedef struct cand {
	double key;    /* (gain + prior) / cost^COST_EXP, or stale */
	double prior;
	uint32_t g;    /* story sentence */
	uint32_t f;    /* its form, in the views */
	uint32_t cost;
	bool known;    /* backing looked up */
	bool backed;   /* another article states it too */
} cand;

/* Heap order: larger key first, then the earlier sentence, so equal scores
 * resolve by member order and sentence index. */
static bool better(const cand *x, const cand *y)
{
	return x->key > y->key || (x->key == y->key && x->g < y->g);
}

/* The better child is picked by a sum, not a branch: which one wins is
 * as good as random. The order is total, so comparing the better child
 * alone with the parent decides as comparing both would. The candidate
 * sifted is held aside and written once where it stops, rather than
 * swapped down level by level: the same compares, a third of the
 * copies. */
static void sift_down(cand *h, size_t n, size_t i)
{
	cand x = h[i];

	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, top;

		if (l >= n)
			break;
		top = l + (r < n && better(&h[r], &h[l]));
		if (!better(&h[top], &x))
			break;
		h[i] = h[top];
		i = top;
	}
	h[i] = x;
}

/* As sift_down, upwards. */
static void sift_up(cand *h, size_t i)
{
	cand x = h[i];

	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (!better(&x, &h[p]))
			break;
		h[i] = h[p];
		i = p;
	}
	h[i] = x;
}

static cand pop(cand *h, size_t *n)
{
	cand top = h[0];

	h[0] = h[--*n];
	sift_down(h, *n, 0);
	return top;
}

static void push(cand *h, size_t *n, cand c)
{
	h[*n] = c;
	sift_up(h, (*n)++);
}

/* What the chosen sentences hold: how many hold each stem (for the
 * redundancy tests) and each concept of value (for gains), so a gain
 * reads two small tables, not ones the size of every concept. */
typedef struct cover {
	uint32_t *stem;      /* per stem */
	uint32_t *val;       /* per concept of value (s->vnum) */
	const double *worth; /* per concept of value: s->vvalue */
} cover;

/* Weight of the concepts of form v no chosen sentence holds. Bigrams
 * count most: a stem alone says little about what happened (every
 * sentence of the story names its actors), while a word pair the
 * articles share is a fact they report (Gillick & Favre 2009); only the
 * story's subject stems add a little (SUBJECT_SHARE); stems still decide
 * redundancy. */
static double gain_of(const cover *cv, const fview *v)
{
	double gain = 0;
	size_t k;

	for (k = 0; k < v->nval; k++) {
		if (cv->val[v->vals[k]] == 0)
			gain += cv->worth[v->vals[k]];
	}
	return gain;
}

/* Adds by (1 or -1) to the holders of v's stems only: the redundancy
 * test reads no bigram. */
static void count_stems(uint32_t *covered, const fview *v, int by)
{
	size_t k;

	for (k = 0; k < v->nuni; k++)
		covered[v->cids[k]] += (uint32_t)by;
}

/* Adds by (1 or -1) to the holders of each of v's stems and concepts of
 * value. */
static void count(cover *cv, const fview *v, int by)
{
	size_t k;

	count_stems(cv->stem, v, by);
	for (k = 0; k < v->nval; k++)
		cv->val[v->vals[k]] += (uint32_t)by;
}

/* Share of v's stem weight (IDF) held by more than self of the chosen
 * sentences: 0 when v is not among them, 1 when it is (its stems are
 * distinct, so this is the share the others hold). */
static double held_share(const nd_dstory *s, const uint32_t *covered,
			 const fview *v, uint32_t self)
{
	double held = 0;
	size_t k;

	if (v->wsum <= 0)
		return 0;
	for (k = 0; k < v->nuni; k++) {
		if (covered[v->cids[k]] > self)
			held += s->idf[v->cids[k]];
	}
	return held / v->wsum;
}

/* Share of v's stem weight that chosen sentences hold already. */
static double covered_share(const nd_dstory *s, const uint32_t *covered,
			    const fview *v)
{
	return held_share(s, covered, v, 0);
}

static bool same_concepts(const nd_dstory *s, size_t a, size_t b)
{
	size_t n = s->cbeg[a + 1] - s->cbeg[a];

	return n == s->cbeg[b + 1] - s->cbeg[b] &&
	       memcmp(s->cids + s->cbeg[a], s->cids + s->cbeg[b],
		      n * sizeof(*s->cids)) == 0;
}

/* Is g a repeat of an earlier candidate with the very same concepts (a
 * copied sentence)? Copies would only crowd the heap, and the earliest
 * article is the one to quote. */
static int repeated(bool *out, nd_u64map *seen, const nd_dstory *s, size_t g)
{
	size_t n = s->cbeg[g + 1] - s->cbeg[g];
	uint64_t key = nd_hash64(s->cids + s->cbeg[g], n * sizeof(*s->cids),
				 0x6469676573749ULL);
	uint32_t first;

	if (nd_u64map_put(seen, key, (uint32_t)g, &first))
		return ND_ENOMEM;
	*out = first != g && same_concepts(s, first, g);
	return ND_OK;
}

/* Forms of a sentence at most: as written (less its dateline) and
 * without its openers, each with and without an aside. */
#define FORMS_MAX 4

/* The forms of the candidates: views, and the concepts of the trimmed
 * ones (FORMS_MAX - 1 per sentence at most, each a subset of its
 * sentence's but for the two word pairs that meet across an aside's
 * gap). The tables grow as forms are found: sized for every form a
 * sentence could have, most of them untouched, they took more fresh
 * heap than the rest of the digest, and pushed it onto one more huge
 * page, which the kernel zeroes whole. */
typedef struct formset {
	fview *v;
	size_t n, v_cap;
	uint32_t *pool;
	size_t used, pool_cap;
	uint32_t *vpool; /* the views' concepts of value */
	size_t vused, vpool_cap;
	uint64_t *seq;  /* scratch of nd_dstory_form */
} formset;

/* Adds form fm->v[fm->n] of sentence g as a candidate into h when it
 * covers something; its key waits for the costs' powers (set_keys). */
static void add_form(cand *h, size_t *n, formset *fm, const cover *cv,
		     size_t g, double prior, size_t cost)
{
	double gain = gain_of(cv, &fm->v[fm->n]);
	cand c;

	fm->v[fm->n].full = gain;
	if (gain <= 0)
		return;
	c.prior = prior;
	c.known = false;
	c.backed = false;
	c.g = (uint32_t)g;
	c.f = (uint32_t)fm->n++;
	c.cost = (uint32_t)cost;
	c.key = 0;
	h[(*n)++] = c;
}

/* The concepts of value of view v into fm->vpool. */
static int keep_valued(formset *fm, const nd_dstory *s, fview *v)
{
	size_t k;

	if (nd_array_reserve((void **)&fm->vpool, &fm->vpool_cap,
			     fm->vused + v->n + 1, sizeof(*fm->vpool)))
		return ND_ENOMEM;
	v->vat = (uint32_t)fm->vused;
	v->vals = fm->vpool + fm->vused;
	/* Written each and kept by a count: whether a concept has value is
	 * as good as random, a quarter of them having it. */
	for (k = 0; k < v->n; k++) {
		uint32_t num = s->vnum[v->cids[k]];

		fm->vpool[fm->vused + v->nval] = num;
		v->nval += num != ND_DSTORY_NO_VALUE;
	}
	fm->vused += v->nval;
	return ND_OK;
}

/* The view of sentence g whole, or trimmed as tr, into fm->v[fm->n]. */
static int view(formset *fm, const nd_dstory *s, size_t g, const nd_dtrim *tr)
{
	fview *v;
	const nd_doc *d;
	nd_dcut cut;
	size_t k, nuni, sent;

	if (nd_array_reserve((void **)&fm->v, &fm->v_cap, fm->n + 1,
			     sizeof(*fm->v)))
		return ND_ENOMEM;
	v = &fm->v[fm->n];
	memset(v, 0, sizeof(*v));
	if (tr == NULL) {
		v->cids = s->cids + s->cbeg[g];
		v->nuni = s->nuni[g];
		v->n = (uint32_t)(s->cbeg[g + 1] - s->cbeg[g]);
		v->wsum = s->wsum[g];
		return keep_valued(fm, s, v);
	}
	d = nd_dstory_doc(s, g, &sent);
	/* nd_dstory_form's room: 3 a token. */
	if (nd_array_reserve((void **)&fm->pool, &fm->pool_cap,
			     fm->used + 3 * (size_t)d->sents[sent].ntok + 1,
			     sizeof(*fm->pool)))
		return ND_ENOMEM;
	cut.from = tr->tok - d->sents[sent].tok;
	cut.gap = tr->ngap ? tr->gap - d->sents[sent].tok : 0;
	cut.ngap = tr->ngap;
	v->trim = *tr;
	v->at = (uint32_t)fm->used;
	v->cids = fm->pool + fm->used;
	v->n = (uint32_t)nd_dstory_form(s, g, &cut, fm->pool + fm->used, &nuni,
					fm->seq);
	v->nuni = (uint32_t)nuni;
	fm->used += v->n;
	for (k = 0; k < nuni; k++)
		v->wsum += s->idf[v->cids[k]];
	return keep_valued(fm, s, v);
}

/* Points the views gathered into their pools, which have stopped
 * moving. */
static void place_views(formset *fm)
{
	size_t i;

	for (i = 0; i < fm->n; i++) {
		fview *v = &fm->v[i];

		v->vals = fm->vpool + v->vat;
		if (v->trim.ntok)
			v->cids = fm->pool + v->at;
	}
}

/* Cost of the trimmed form tr of sentence k of d (quoted: holding a
 * quotation) if it fits the budget and may stand alone, else 0. */
static size_t trim_cost(const nd_dlex *lex, const nd_doc *d, size_t k,
			const nd_dtrim *tr, unsigned bytes, size_t budget,
			bool quoted)
{
	size_t words = nd_digest_trim_words(d, tr);
	size_t cost = bytes ? (size_t)(tr->len - tr->glen) + 1 : words;

	return cost <= budget && nd_digest_candidate_trim(lex, d, k, tr, words,
							  quoted)
		       ? cost
		       : 0;
}

/* The fit forms of sentence k of d (quoted: holding a quotation) into tr
 * (ntok 0: whole) with their costs, asides kept; returns how many (2 at
 * most). The first is the sentence as written, less its dateline, which
 * is furniture; the second is trimmed of its openers too, when that is
 * shorter. */
static size_t opener_forms(nd_dtrim *tr, size_t *costs, const nd_dlex *lex,
			   const nd_doc *d, size_t k, unsigned bytes,
			   size_t budget, bool relaxed, bool quoted)
{
	const nd_sentence *st = &d->sents[k];
	size_t words = nd_digest_count_words(d->text + st->off, st->len);
	size_t base = bytes ? (size_t)st->len + 1 : words, n = 0;
	bool dated = !relaxed &&
		     nd_digest_trim(&tr[0], lex, d, k, false, quoted);

	if (dated) {
		base = trim_cost(lex, d, k, &tr[0], bytes, budget, quoted);
		n = base > 0;
	} else if (base <= budget &&
		   nd_digest_candidate(lex, d, k, words, relaxed, quoted)) {
		memset(&tr[0], 0, sizeof(*tr));
		n = 1;
	}
	costs[0] = base;
	if (relaxed || !nd_digest_trim(&tr[n], lex, d, k, true, quoted) ||
	    (dated && tr[n].tok == tr[0].tok))
		return n;
	costs[n] = trim_cost(lex, d, k, &tr[n], bytes, budget, quoted);
	if (costs[n] > 0 && (n == 0 || costs[n] < base))
		n++;
	return n;
}

/* As opener_forms, and each of those forms less its first aside when
 * that is fit too (FORMS_MAX in all). */
static size_t fit_forms(nd_dtrim *tr, size_t *costs, const nd_dlex *lex,
			const nd_doc *d, size_t k, unsigned bytes,
			size_t budget, bool relaxed)
{
	const nd_sentence *st = &d->sents[k];
	/* Asked once here for every form; relaxed checks do not ask. */
	bool quoted = !relaxed && nd_digest_has_quote(d->text + st->off,
						      st->len);
	size_t n = opener_forms(tr, costs, lex, d, k, bytes, budget, relaxed,
				quoted);
	size_t f, all = n;

	for (f = 0; f < n && !relaxed; f++) {
		if (!nd_digest_trim_aside(&tr[all], lex, d, k, &tr[f], quoted))
			continue;
		costs[all] = trim_cost(lex, d, k, &tr[all], bytes, budget,
				       quoted);
		if (costs[all] > 0)
			all++;
	}
	return all;
}

/* Candidates with their cost and position prior into h, *n of them:
 * each fit sentence, whole and, when fit too, trimmed, so the selector
 * weighs what the cut words cover against the words they cost. */
static int gather(cand *h, size_t *n, formset *fm, const nd_dstory *s,
		  const nd_dlex *lex, const cover *cv, unsigned bytes,
		  size_t budget, bool relaxed)
{
	nd_u64map seen = { 0 };
	size_t m;
	int rc = ND_ENOMEM;

	*n = 0;
	fm->n = fm->used = fm->vused = 0;
	if (nd_u64map_init(&seen))
		return ND_ENOMEM;

	for (m = 0; m < s->n; m++) {
		const nd_doc *d = &s->c->docs[s->members[m]];
		size_t k, ntitle = 0, nbody;

		for (k = 0; k < d->nsents; k++) {
			if (d->sents[k].flags & ND_SENT_TITLE)
				ntitle++;
		}
		nbody = d->nsents - ntitle;
		for (k = 0; k < d->nsents; k++) {
			size_t g = s->sbase[m] + k, nf, f;
			size_t costs[FORMS_MAX];
			nd_dtrim tr[FORMS_MAX];
			bool copy;
			double rel, prior;

			nf = fit_forms(tr, costs, lex, d, k, bytes, budget,
				       relaxed);
			if (nf == 0)
				continue;
			if (repeated(&copy, &seen, s, g))
				goto done;
			if (copy)
				continue;
			rel = nbody > 1 && k >= ntitle
				      ? (double)(k - ntitle) / (double)nbody
				      : 0;
			prior = POS_PRIOR * s->wmax * (1 - rel);
			for (f = 0; f < nf; f++) {
				if (view(fm, s, g, tr[f].ntok ? &tr[f] : NULL))
					goto done;
				add_form(h, n, fm, cv, g, prior, costs[f]);
			}
		}
	}
	place_views(fm);
	rc = ND_OK;
done:
	nd_u64map_dispose(&seen);
	return rc;
}

/* Looks up whether another article states c too; backing (per
 * sentence: 0 not looked up, 1 lone, 2 backed) keeps the answers, which
 * every restart asks again. */
static void support(nd_dprobe *p, uint8_t *backing, cand *c)
{
	if (backing[c->g] == 0)
		backing[c->g] =
			nd_dprobe_support(p, c->g, SUPPORT_CAP) > 0 ? 2 : 1;
	c->backed = backing[c->g] == 2;
	c->known = true;
}

/* A candidate (index into the candidates) with a bound on what it adds:
 * its gain under no cover plus its prior. Values are not negative and
 * float sums grow with their terms, so no cover gives it more, exactly. */
typedef struct ranked {
	double bound;
	uint32_t a;
} ranked;

/* Slots of the memo of same: a 64 KiB table, far more than the pairs a
 * restart asks of. */
#define SAME_MEMO 4096

/* The greedy state. */
typedef struct pick {
	cand *heap, *held; /* candidates; those waiting for backing */
	cand *start;       /* the candidates as a heap: each run's first one */
	size_t n, n_held;
	cand *picked;      /* the chosen candidates, as chosen */
	const fview *views; /* the candidates' forms (cand.f) */
	ranked *rank;      /* the candidates by cost, then highest bound */
	size_t *rbeg;      /* per cost up to top + 1: its start in rank */
	uint64_t *mark;    /* a bit per candidate, for best_move */
	cover cov;         /* holders among the chosen */
	uint8_t *backing;  /* per sentence, for support */
	struct memo {
		uint64_t key;      /* the pair asked, 0: none */
		bool yes;
	} *memo;           /* SAME_MEMO answers of same */
	size_t *chosen, k, max;
	size_t left;       /* budget left */
	size_t *waiting;   /* per cost up to top: candidates not yet let go */
	size_t top, fit;   /* costliest candidate; waiting ones within left */
	double *per_cost;  /* per cost up to top: cost^COST_EXP */
	size_t backed, lone; /* chosen sentences with and without backing */
	bool cap_lone;     /* lone sentences may not outnumber backed ones */
	double total;      /* value of the choice */
} pick;

/* nd_dstory_same of kept a and candidate b, remembered: every restart
 * and every refining move asks of the same few pairs again. A slot keeps
 * the last pair hashed to it, whole, so a clash only costs a recount. */
static bool same(pick *st, const nd_dstory *s, size_t a, size_t b)
{
	/* Sentence numbers are below UINT32_MAX, so no key is 0. */
	uint64_t key = ((uint64_t)a << 32 | b) + 1;
	struct memo *slot = &st->memo[nd_mix64(key) % SAME_MEMO];

	if (slot->key != key) {
		slot->key = key;
		slot->yes = nd_dstory_same(s, a, b);
	}
	return slot->yes;
}

/* Lone sentences wait until enough backed ones are chosen: when the
 * articles of a story agree on something, the digest is mostly what they
 * agree on, and one outlet's own sentences fill in beside it, not over it. */
static bool must_wait(const pick *st, const cand *c)
{
	size_t room = st->backed > 0 ? st->backed : 1;

	return st->cap_lone && !c->backed && st->lone >= room;
}

/* A summary with more than 1/SHORT_SHARE of its budget left once backed
 * sentences run out is short: the reader asked for more than the articles
 * agree on. A third keeps a summary near its budget mostly backed (the
 * seeds, every DUC 2004 dev cluster) while 250-word DUC 2006 summaries of
 * 25 articles that rarely restate each other no longer stop at 84 words
 * (R-1 39.18 -> 40.71 with half) nor at 181 (R-1 40.85 -> 41.12 with a
 * third, dev unchanged; a quarter costs dev R-1 39.88 -> 39.61). */
#define SHORT_SHARE 3

/* Candidate c leaves the greedy for good. Costs above what is left are
 * never looked at again, so only those within it are counted. */
static void let_go(pick *st, const cand *c)
{
	if (c->cost <= st->left) {
		st->waiting[c->cost]--;
		st->fit--;
	}
}

/* Takes cost from the budget left: candidates costing more no longer fit. */
static void spend(pick *st, size_t cost)
{
	size_t c;

	for (c = st->left; c > st->left - cost; c--) {
		if (c <= st->top)
			st->fit -= st->waiting[c];
	}
	st->left -= cost;
}

static void release_held(pick *st)
{
	while (st->n_held > 0)
		push(st->heap, &st->n, st->held[--st->n_held]);
}

/* A sentence whose stems, by IDF, are this much held by the rest of the
 * choice repeats it in other words ("X arrived in Y on his first visit"
 * beside "X's first visit... arrived in Y" and "X ... Y"), even when no
 * single chosen sentence states it. 0.6 removes such repeats; higher lets
 * them through, lower starts refusing sentences that add a fact (DUC
 * 2004 dev unchanged from 0.5 to 0.7, DUC 2006 R-2 up). */
#define REPEAT_SHARE 0.6

/* Would g, joining the choice with slot out freed (st->k: none), repeat
 * what the others say: most of its stem weight held by them, or most of
 * a kept sentence's held by the others and g? cnt counts the choice
 * without slot out; it is restored before returning. */
static bool overlaps(const pick *st, const nd_dstory *s, uint32_t *cnt,
		     size_t out, const fview *g)
{
	size_t j;
	bool hit;

	if (covered_share(s, cnt, g) >= REPEAT_SHARE)
		return true;
	count_stems(cnt, g, 1);
	for (j = 0, hit = false; j < st->k && !hit; j++) {
		if (j != out)
			hit = held_share(s, cnt, &st->views[st->picked[j].f],
					 1) >= REPEAT_SHARE;
	}
	count_stems(cnt, g, -1);
	return hit;
}

/* Runs the lazy greedy until no candidate is left or max are chosen. */
static void run_greedy(pick *st, nd_dprobe *p)
{
	const nd_dstory *s = p->s;

	while (st->n > 0 && st->k < st->max) {
		cand c;
		double gain;
		size_t j;
		bool redundant = false;

		/* None waiting fits the budget left: the rest of the heap
		 * would only be popped and dropped. */
		if (st->fit == 0) {
			st->n = 0;
			break;
		}
		c = pop(st->heap, &st->n);

		if (c.cost > st->left)
			continue;
		gain = gain_of(&st->cov, &st->views[c.f]);
		if (gain <= 0) {
			let_go(st, &c);
			continue;
		}
		if (!c.known)
			support(p, st->backing, &c);
		c.key = (gain + c.prior) / st->per_cost[c.cost];
		if (st->n > 0 && better(&st->heap[0], &c)) {
			push(st->heap, &st->n, c);
			continue;
		}
		if (must_wait(st, &c)) {
			st->held[st->n_held++] = c;
			continue;
		}
		for (j = 0; j < st->k && !redundant; j++)
			redundant = same(st, s, st->chosen[j], c.g);
		if (!redundant)
			redundant = overlaps(st, s, st->cov.stem, st->k,
					     &st->views[c.f]);
		let_go(st, &c);
		if (redundant)
			continue;
		count(&st->cov, &st->views[c.f], 1);
		st->total += gain + c.prior;
		spend(st, c.cost);
		st->picked[st->k] = c;
		st->chosen[st->k++] = c.g;
		if (c.backed) {
			st->backed++;
			release_held(st);
		} else {
			st->lone++;
		}
	}
}

/* Refinement: the greedy fills the budget in the order of value per
 * word, which can leave a better pair on the table (a long sentence picked
 * early blocks two shorter ones). Single swaps of a chosen sentence for a
 * candidate, or additions into the room left, are tried while they raise
 * the covered weight; at most SWAP_ROUNDS of them keep it bounded. */
#define SWAP_ROUNDS 8

/* The best move: out is the chosen slot to free (st->k to add), *in the
 * candidate to take; returns its value change. */
typedef struct move {
	size_t out;
	cand in;
	double delta;
} move;

/* May c join the choice with slot out freed: not a restatement of a
 * sentence kept, and lone sentences still no more than backed ones. */
static bool fits(pick *st, nd_dprobe *p, cand *c, size_t out,
		 cover *cnt)
{
	size_t j, backed = 0, lone = 0;

	/* Every test must pass, so the cheap ones go first. */
	for (j = 0; j < st->k; j++) {
		if (j == out)
			continue;
		if (st->chosen[j] == c->g)
			return false;
		if (st->picked[j].backed)
			backed++;
		else
			lone++;
	}
	if (!c->known)
		support(p, st->backing, c);
	if (c->backed)
		backed++;
	else
		lone++;
	if (st->cap_lone && lone > (backed > 0 ? backed : 1))
		return false;
	for (j = 0; j < st->k; j++) {
		if (j != out && same(st, p->s, st->chosen[j], c->g))
			return false;
	}
	return !overlaps(st, p->s, cnt->stem, out, &st->views[c->f]);
}

/* Marks the candidates within room whose bound, less loss, beats delta:
 * no other can be a better move, and most are left unsummed. Each cost
 * within room is its own run, highest bound first, so the few that fit
 * are found without passing over the many that do not. */
static void mark_hopeful(pick *st, double loss, double delta, size_t room)
{
	size_t c, i, last = room < st->top ? room : st->top;

	for (c = 0; c <= last; c++) {
		for (i = st->rbeg[c];
		     i < st->rbeg[c + 1] && st->rank[i].bound - loss > delta;
		     i++) {
			uint32_t a = st->rank[i].a;

			st->mark[a / 64] |= (uint64_t)1 << (a % 64);
		}
	}
}

/* Best swap (or addition, out == st->k) over all candidates; the marked
 * ones are visited in candidate order, as a full scan would meet them, so
 * ties go the same way. */
static move best_move(pick *st, nd_dprobe *p, cand *all, size_t n_all,
		      cover *cnt)
{
	move best = { 0, { 0, 0, 0, 0, 0, false, false }, 1e-9 };
	size_t out, w;

	for (out = 0; out <= st->k; out++) {
		size_t room = st->left;
		double loss = 0;

		if (out < st->k) {
			count(cnt, &st->views[st->picked[out].f], -1);
			loss = gain_of(cnt, &st->views[st->picked[out].f]) +
			       st->picked[out].prior;
			room += st->picked[out].cost;
		} else if (st->k >= st->max) {
			break;
		}
		mark_hopeful(st, loss, best.delta, room);
		for (w = 0; w < (n_all + 63) / 64; w++) {
			while (st->mark[w] != 0) {
				size_t a = w * 64 + (size_t)__builtin_ctzll(
							    st->mark[w]);
				double d;

				st->mark[w] &= st->mark[w] - 1;
				d = gain_of(cnt, &st->views[all[a].f]) +
				    all[a].prior - loss;
				if (d > best.delta &&
				    fits(st, p, &all[a], out, cnt)) {
					best.out = out;
					best.in = all[a];
					best.delta = d;
				}
			}
		}
		if (out < st->k)
			count(cnt, &st->views[st->picked[out].f], 1);
	}
	return best;
}

/* Applies improving moves to the greedy choice. */
static void refine(pick *st, nd_dprobe *p, cand *all, size_t n_all)
{
	cover *cnt = &st->cov; /* the greedy's counts: what is chosen */
	size_t r;

	for (r = 0; r < SWAP_ROUNDS; r++) {
		move m = best_move(st, p, all, n_all, cnt);

		if (m.delta <= 1e-9)
			break;
		if (m.out < st->k) {
			count(cnt, &st->views[st->picked[m.out].f], -1);
			st->left += st->picked[m.out].cost;
		} else {
			st->k++;
		}
		st->left -= m.in.cost;
		st->total += m.delta;
		st->picked[m.out] = m.in;
		st->chosen[m.out] = m.in.g;
		count(cnt, &st->views[m.in.f], 1);
	}
}

/* Partial enumeration: besides the plain greedy, a greedy that starts
 * from each of the SEEDS most valuable sentences; the best choice wins.
 * The first pick is where the greedy errs most (a long sentence that is
 * valuable per word but blocks better company); on DUC 2004 dev more
 * seeds kept helping up to about 40. Each restart costs a pass over the
 * candidates, so a story with many of them gets fewer restarts: about
 * SEED_WORK candidate visits in all, which a ten-article story spends on
 * its 40 seeds while a 500-article one stays fast. */
#define SEEDS 40
#define SEED_WORK 16000

/* One greedy run plus refinement over all[0..n_all), starting from seed
 * when not NULL, into st (whose chosen and picked arrays it fills). */
static void solve(pick *st, nd_dprobe *p, cand *all, size_t n_all,
		 cand *seed, size_t budget)
{
	size_t i;

	/* Undoing the last choice clears the counts, and costs far less than
	 * zeroing every concept's. */
	for (i = 0; i < st->k; i++)
		count(&st->cov, &st->views[st->picked[i].f], -1);
	memcpy(st->heap, st->start, n_all * sizeof(*all));
	st->n = n_all;
	st->n_held = st->k = st->backed = st->lone = 0;
	st->left = budget;
	memset(st->waiting, 0, (st->top + 1) * sizeof(*st->waiting));
	for (st->fit = i = 0; i < n_all; i++) {
		if (all[i].cost <= budget) {
			st->waiting[all[i].cost]++;
			st->fit++;
		}
	}
	st->total = 0;
	st->cap_lone = true;
	if (seed != NULL && st->max > 0 && seed->cost <= budget) {
		if (!seed->known)
			support(p, st->backing, seed);
		st->total = gain_of(&st->cov, &st->views[seed->f]) +
			    seed->prior;
		count(&st->cov, &st->views[seed->f], 1);
		spend(st, seed->cost);
		st->picked[0] = *seed;
		st->chosen[st->k++] = seed->g;
		*(seed->backed ? &st->backed : &st->lone) += 1;
	}
	run_greedy(st, p);
	/* Nothing is backed anywhere, lone sentences are all there is; or
	 * what is backed fills under half the budget, too little to tell
	 * the story in the length asked for: lone ones fill the rest. */
	if (st->n_held > 0 &&
	    (st->backed == 0 || st->left * SHORT_SHARE > budget)) {
		st->cap_lone = false;
		release_held(st);
		run_greedy(st, p);
	}
	refine(st, p, all, n_all);
}

/* Indices of the (up to max <= SEEDS) candidates of highest value (gain
 * under no cover, which add_form kept, plus prior) into top; returns how
 * many. */
static size_t top_seeds(size_t *top, size_t max, const fview *views,
			const cand *all, size_t n_all)
{
	double v[SEEDS + 1];
	size_t n = 0, a, j;

	for (a = 0; a < n_all && max > 0; a++) {
		double x = views[all[a].f].full + all[a].prior;

		if (n == max && x <= v[n - 1])
			continue;
		j = n < max ? n++ : n - 1;
		for (; j > 0 && v[j - 1] < x; j--) {
			v[j] = v[j - 1];
			top[j] = top[j - 1];
		}
		v[j] = x;
		top[j] = a;
	}
	return n;
}

/* Sorts r[0..n) by bound, highest first: a cost's run is a few dozen
 * candidates at most, where an insertion sort beats qsort's calls. */
static void by_bound(ranked *r, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		ranked x = r[i];

		for (j = i; j > 0 && r[j - 1].bound < x.bound; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

/* The candidates all[0..n) (costing top at most) into rank by cost, then
 * highest bound first (a counting sort, then each run's own), and where
 * each cost's run starts into rbeg (room for top + 2). */
static void rank_all(ranked *rank, size_t *rbeg, const fview *views,
		     const cand *all, size_t n, size_t top)
{
	size_t a, c;

	memset(rbeg, 0, (top + 2) * sizeof(*rbeg));
	for (a = 0; a < n; a++)
		rbeg[all[a].cost + 1]++;
	for (c = 1; c <= top + 1; c++)
		rbeg[c] += rbeg[c - 1];
	/* Each candidate goes to its run's next place, which moves rbeg[c]
	 * to the start of run c + 1; the second pass moves them back. */
	for (a = 0; a < n; a++) {
		ranked *r = &rank[rbeg[all[a].cost]++];

		r->bound = views[all[a].f].full + all[a].prior;
		r->a = (uint32_t)a;
	}
	for (c = top + 1; c > 0; c--)
		rbeg[c] = rbeg[c - 1];
	rbeg[0] = 0;
	for (c = 0; c <= top; c++)
		by_bound(rank + rbeg[c], rbeg[c + 1] - rbeg[c]);
}

/* Room for the forms of every sentence of s, whole and trimmed. Returns
 * 0 or ND_ENOMEM; fm is always safe to dispose. */
static int formset_init(formset *fm, const nd_dstory *s)
{
	memset(fm, 0, sizeof(*fm));
	fm->seq = nd_calloc(3 * s->max_ntok + 1, sizeof(*fm->seq));
	return fm->seq ? ND_OK : ND_ENOMEM;
}

static void formset_dispose(formset *fm)
{
	nd_free(fm->v);
	nd_free(fm->pool);
	nd_free(fm->vpool);
	nd_free(fm->seq);
}

/* Budgeted greedy maximisation of covered concept weight, lazily
 * re-evaluated: gains only shrink as coverage grows, and a candidate's
 * backing is looked up only when its score reaches the top.
 * The result is then compared with the best single sentence, as the
 * budgeted-greedy guarantee requires. */
int nd_digest_select(size_t *chosen, nd_dtrim *forms, size_t *n_chosen,
		     size_t max, nd_dprobe *p, unsigned words, unsigned bytes)
{
	const nd_dstory *s = p->s;
	cand best = { 0, 0, 0, 0, 0, false, false };
	formset fm;
	pick st;
	nd_dlex lex;
	cand *all = NULL;
	size_t *scratch = NULL, top[SEEDS];
	size_t i, j, budget, n_all = 0, n_seeds, k = 0, backed = 0;
	double total = 0;
	double best_value = -1;
	int rc = ND_ENOMEM;

	memset(&st, 0, sizeof(st));
	*n_chosen = 0;
	budget = bytes ? bytes : words ? words : DEFAULT_WORDS;
	st.heap = nd_calloc(FORMS_MAX * s->n_sents + 1, sizeof(*st.heap));
	st.picked = nd_calloc(max + 1, sizeof(*st.picked));
	scratch = nd_calloc(max + 1, sizeof(*scratch));
	st.cov.stem = nd_calloc(s->n_stems + 1, sizeof(*st.cov.stem));
	st.cov.val = nd_calloc(s->n_valued + 1, sizeof(*st.cov.val));
	st.cov.worth = s->vvalue;
	st.backing = nd_calloc(s->n_sents + 1, sizeof(*st.backing));
	st.memo = nd_calloc(SAME_MEMO, sizeof(*st.memo));
	if (formset_init(&fm, s) || !st.heap || !st.cov.stem ||
	    !st.cov.val || !st.backing || !st.memo || !st.picked || !scratch)
		goto done;
	nd_dlex_init(&lex, s->c->vocab);
	if (gather(st.heap, &st.n, &fm, s, &lex, &st.cov, bytes, budget,
		   false) ||
	    (st.n == 0 && gather(st.heap, &st.n, &fm, s, &lex, &st.cov,
				 bytes, budget, true)))
		goto done;
	st.views = fm.v;
	/* Nothing is covered yet: each gain is the one add_form kept. */
	for (i = 0; i < st.n; i++) {
		double v = fm.v[st.heap[i].f].full + st.heap[i].prior;

		if (v > best_value) {
			best_value = v;
			best = st.heap[i];
		}
		if (st.heap[i].cost > st.top)
			st.top = st.heap[i].cost;
	}
	n_all = st.n;
	/* Sized to the candidates, now known, not to every form. */
	all = nd_calloc(n_all + 1, sizeof(*all));
	st.held = nd_calloc(n_all + 1, sizeof(*st.held));
	st.waiting = nd_calloc(st.top + 1, sizeof(*st.waiting));
	st.per_cost = nd_calloc(st.top + 1, sizeof(*st.per_cost));
	st.start = nd_calloc(n_all + 1, sizeof(*st.start));
	st.rank = nd_calloc(n_all + 1, sizeof(*st.rank));
	st.rbeg = nd_calloc(st.top + 2, sizeof(*st.rbeg));
	st.mark = nd_calloc(n_all / 64 + 1, sizeof(*st.mark));
	if (!all || !st.held || !st.waiting || !st.per_cost || !st.start ||
	    !st.rank || !st.rbeg || !st.mark)
		goto done;
	for (i = 0; i <= st.top; i++)
		st.per_cost[i] = pow((double)i, COST_EXP);
	/* Each key as the greedy's under no cover: gain plus prior per
	 * cost^COST_EXP. */
	for (i = 0; i < st.n; i++)
		st.heap[i].key = (fm.v[st.heap[i].f].full + st.heap[i].prior) /
				 st.per_cost[st.heap[i].cost];
	memcpy(all, st.heap, n_all * sizeof(*all));
	rank_all(st.rank, st.rbeg, fm.v, all, n_all, st.top);
	/* Only keys and sentences order the heap, so one serves every run;
	 * the backing its copies would carry is kept in st.backing anyway. */
	memcpy(st.start, all, n_all * sizeof(*all));
	for (i = n_all / 2; i-- > 0;)
		sift_down(st.start, n_all, i);
	st.chosen = scratch;
	st.max = max;
	/* With fewer than three independent groups every concept weighs
	 * alike, and the best cover is merely the most distinct words: the
	 * greedy's value per word and lead prior serve the reader better. */
	n_seeds = s->n_groups >= 3 ? SEED_WORK / (n_all + 1) : 0;
	n_seeds = top_seeds(top, n_seeds < SEEDS ? n_seeds : SEEDS, fm.v, all,
			    n_all);
	for (i = 0; i <= n_seeds; i++) {
		solve(&st, p, all, n_all, i > 0 ? &all[top[i - 1]] : NULL,
		      budget);
		if (i == 0 || st.total > total + 1e-9) {
			total = st.total;
			k = st.k;
			backed = st.backed;
			memcpy(chosen, scratch, k * sizeof(*chosen));
			for (j = 0; j < k; j++)
				forms[j] = fm.v[st.picked[j].f].trim;
		}
	}
	st.total = total;
	st.k = k;
	st.backed = backed;
	if (max > 0 && best_value >= 0) {
		support(p, st.backing, &best);
		/* A lone sentence does not replace a backed choice. */
		if (best_value > st.total &&
		    (best.backed || st.backed == 0)) {
			chosen[0] = best.g;
			forms[0] = fm.v[best.f].trim;
			st.k = 1;
		}
	}
	*n_chosen = st.k;
	rc = ND_OK;
done:
	nd_free(st.heap);
	nd_free(st.held);
	nd_free(st.start);
	nd_free(st.picked);
	nd_free(all);
	nd_free(scratch);
	nd_free(st.cov.stem);
	nd_free(st.cov.val);
	nd_free(st.waiting);
	nd_free(st.per_cost);
	nd_free(st.backing);
	nd_free(st.memo);
	nd_free(st.rank);
	nd_free(st.rbeg);
	nd_free(st.mark);
	formset_dispose(&fm);
	return rc;
}
