#include "digest/dstory.h"

#include <math.h>   /* pow */
#include <stdlib.h> /* bsearch, qsort */
#include <string.h> /* memcpy, memset */

#include "core/alloc.h"
#include "core/hash.h"
#include "core/sorted.h"
#include "core/unionfind.h"

/* A member looked up by corpus index. */
typedef struct member_ref {
	size_t doc;
	size_t pos;
} member_ref;

static int cmp_ref(const void *a, const void *b)
{
	const member_ref *x = a, *y = b;

	if (x->doc != y->doc)
		return x->doc < y->doc ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int cmp_doc(const void *key, const void *elem)
{
	size_t doc = *(const size_t *)key;
	const member_ref *r = elem;

	return doc < r->doc ? -1 : doc > r->doc;
}

/* Member position of corpus article doc, or SIZE_MAX. */
static size_t position(const member_ref *refs, size_t n, size_t doc)
{
	const member_ref *r = bsearch(&doc, refs, n, sizeof(*refs), cmp_doc);

	return r ? r->pos : SIZE_MAX;
}

/* Unites members one copies or rewrites (partial reuse leaves both their
 * own sources); the earliest member of each set is its root, so numbering
 * roots in member order numbers groups by their first member. */
static int build_groups(nd_dstory *s, const nd_dedup_edge *edges,
			size_t n_edges)
{
	member_ref *refs = NULL;
	uint32_t *parent = NULL;
	size_t i;
	int rc = ND_ENOMEM;

	refs = nd_calloc(s->n, sizeof(*refs));
	parent = nd_calloc(s->n, sizeof(*parent));
	s->group = nd_calloc(s->n, sizeof(*s->group));
	s->gsize = nd_calloc(s->n, sizeof(*s->gsize));
	if (!refs || !parent || !s->group || !s->gsize)
		goto done;
	for (i = 0; i < s->n; i++) {
		refs[i].doc = s->members[i];
		refs[i].pos = i;
	}
	nd_uf_init(parent, s->n);
	qsort(refs, s->n, sizeof(*refs), cmp_ref);
	for (i = 0; i < n_edges; i++) {
		size_t a = position(refs, s->n, edges[i].a);
		size_t b = position(refs, s->n, edges[i].b);

		if (a == SIZE_MAX || b == SIZE_MAX ||
		    edges[i].kind == ND_REL_PARTIAL)
			continue;
		nd_uf_union(parent, (uint32_t)a, (uint32_t)b);
	}
	for (i = 0; i < s->n; i++) {
		size_t r = nd_uf_find(parent, (uint32_t)i);

		if (r == i)
			s->group[i] = (uint32_t)s->n_groups++;
		else
			s->group[i] = s->group[r];
		s->gsize[s->group[i]]++;
	}
	rc = ND_OK;
done:
	nd_free(refs);
	nd_free(parent);
	return rc;
}

/* Counts sentences and tokens (*toks) and sizes the per-sentence
 * tables. */
static int size_sentences(nd_dstory *s, size_t *max_ntok, size_t *toks)
{
	size_t i, cid_cap;

	s->sbase = nd_calloc(s->n + 1, sizeof(*s->sbase));
	if (s->sbase == NULL)
		return ND_ENOMEM;
	*max_ntok = *toks = 0;
	for (i = 0; i < s->n; i++) {
		const nd_doc *d = &s->c->docs[s->members[i]];
		size_t k;

		s->sbase[i] = s->n_sents;
		if (nd_add_overflow(s->n_sents, d->nsents, &s->n_sents) ||
		    nd_add_overflow(*toks, d->ntoks, toks))
			return ND_ENOMEM;
		for (k = 0; k < d->nsents; k++) {
			if (d->sents[k].ntok > *max_ntok)
				*max_ntok = d->sents[k].ntok;
		}
	}
	s->sbase[s->n] = s->n_sents;
	/* Sentence numbers are stored as uint32_t in the postings. */
	if (s->n_sents >= UINT32_MAX || nd_mul_overflow(*toks, 3, &cid_cap))
		return ND_ENOMEM;
	s->smember = nd_calloc(s->n_sents + 1, sizeof(*s->smember));
	s->cbeg = nd_calloc(s->n_sents + 1, sizeof(*s->cbeg));
	s->nuni = nd_calloc(s->n_sents + 1, sizeof(*s->nuni));
	s->wsum = nd_calloc(s->n_sents + 1, sizeof(*s->wsum));
	/* Room for the most concepts the tokens could give, more than
	 * they do: left unzeroed, the pages past the end are never touched. */
	s->cids = nd_reallocarray(NULL, cid_cap + 1, sizeof(*s->cids));
	if (!s->smember || !s->cbeg || !s->nuni || !s->wsum || !s->cids)
		return ND_ENOMEM;
	for (i = 0; i < s->n; i++) {
		size_t g;

		for (g = s->sbase[i]; g < s->sbase[i + 1]; g++)
			s->smember[g] = (uint32_t)i;
	}
	return ND_OK;
}

/* Load factor bound, as a fraction: 7/10 keeps linear probes short. */
#define MAP_LOAD_NUM 7
#define MAP_LOAD_DEN 10
/* Smallest table: a story of a few short articles. */
#define MAP_MIN_CAP 64

/* Puts bigram key, numbered id1 as a slot holds it, into the first free
 * slot from its hash's. */
static void place(nd_dconcepts *m, uint64_t key, uint32_t id1)
{
	uint64_t h = nd_mix64(key);
	size_t i = (size_t)h & (m->cap - 1);

	while (m->slots[i].id1)
		i = (i + 1) & (m->cap - 1);
	m->slots[i].tag = (uint32_t)(h >> 32);
	m->slots[i].id1 = id1;
}

/* Makes room for cap slots, placing every bigram held again. */
static int map_resize(nd_dconcepts *m, size_t cap)
{
	size_t id;

	nd_free(m->slots);
	m->cap = cap;
	m->slots = nd_calloc_written(cap, sizeof(*m->slots));
	if (m->slots == NULL)
		return ND_ENOMEM;
	for (id = 0; id < m->n_bi; id++)
		place(m, m->bkeys[id], (uint32_t)(id + 1));
	return ND_OK;
}

/* The slot of bigram key (hash h): where it is, or the empty slot where
 * it would go. */
static inline size_t find_slot(const nd_dconcepts *m, uint64_t key,
			       uint64_t h)
{
	uint32_t tag = (uint32_t)(h >> 32);
	size_t mask = m->cap - 1, i = (size_t)h & mask;

	for (; m->slots[i].id1; i = (i + 1) & mask) {
		if (m->slots[i].tag == tag &&
		    m->bkeys[m->slots[i].id1 - 1] == key)
			break;
	}
	return i;
}

/* Number of stem key among the stems, numbering it on first sight. */
static int intern_stem(nd_dconcepts *m, uint64_t key, uint32_t *id)
{
	uint32_t *id1 = &m->stem_id1[key];

	if (*id1) {
		*id = *id1 - 1;
		return ND_OK;
	}
	if (m->n_stems + m->n_bi >= UINT32_MAX - 1 ||
	    ND_ARRAY_PUSH(m->keys, m->n_stems, m->key_cap, key))
		return ND_ENOMEM;
	*id = (uint32_t)(m->n_stems - 1);
	*id1 = *id + 1;
	return ND_OK;
}

/* Number of bigram key (hash h) among the bigrams, numbering it on first
 * sight. */
static int intern_bigram(nd_dconcepts *m, uint64_t key, uint64_t h,
			 uint32_t *id)
{
	size_t i = find_slot(m, key, h);

	if (m->slots[i].id1) {
		*id = m->slots[i].id1 - 1;
		return ND_OK;
	}
	if (m->n_stems + m->n_bi >= UINT32_MAX - 1 ||
	    ND_ARRAY_PUSH(m->bkeys, m->n_bi, m->bkey_cap, key))
		return ND_ENOMEM;
	*id = (uint32_t)(m->n_bi - 1);
	if (m->n_bi * MAP_LOAD_DEN < m->cap * MAP_LOAD_NUM) {
		m->slots[i].tag = (uint32_t)(h >> 32);
		m->slots[i].id1 = *id + 1;
		return ND_OK;
	}
	return map_resize(m, 2 * m->cap);
}

/* Concept id of stem key in *id; false when the story lacks it. */
static bool lookup_stem(const nd_dconcepts *m, uint64_t key, uint32_t *id)
{
	uint32_t id1 = key < m->n_vstems ? m->stem_id1[key] : 0;

	*id = id1 - 1;
	return id1 != 0;
}

/* Concept id of bigram key (hash h) in *id, numbered after every stem;
 * false when the story lacks it. */
static bool lookup_bigram(const nd_dconcepts *m, uint64_t key, uint64_t h,
			  uint32_t *id)
{
	uint32_t id1 = m->slots[find_slot(m, key, h)].id1;

	*id = id1 - 1 + (uint32_t)m->n_stems;
	return id1 != 0;
}

/* Bigram keys sit above 2^32 so they never meet a stem id. */
static uint64_t bigram_key(uint32_t first, uint32_t second)
{
	return ((uint64_t)first + 1) << 32 | second;
}

/* A sentence's concept keys in order of sight, before they are numbered:
 * stems and bigrams apart, so neither numbering nor look-up asks which
 * kind a key is (as good as random), and each kind keeps its order. */
typedef struct sent_keys {
	uint64_t *stem; /* up to one a token */
	uint64_t *bi;   /* up to two a token */
	uint64_t *hash; /* the bigrams' hashes, or NULL */
	size_t ns, nb;
} sent_keys;

/* Writes key at keys[*n] and keeps it when keep: the writes are
 * unconditional, so whether a word is a function word, as good as
 * random, costs no branch. */
static void put_key(uint64_t *keys, size_t *n, uint64_t key, bool keep)
{
	keys[*n] = key;
	*n += keep;
}

/* The keys of sentence k of d without the tokens cut: each content stem,
 * then the bigrams the token ends (room for 3 a token). */
static void collect_keys(sent_keys *sk, const nd_doc *d, size_t k,
			 const nd_dcut *cut)
{
	const nd_sentence *st = &d->sents[k];
	const nd_token *tok = d->toks + st->tok;
	uint32_t prev = UINT32_MAX, adj = 0;
	bool adj_stop = false;
	size_t t;

	sk->ns = sk->nb = 0;
	for (t = cut->from; t < st->ntok; t++) {
		bool stop = tok[t].flags & ND_TOK_STOP;
		uint32_t stem = tok[t].stem;

		if (t >= cut->gap && t < cut->gap + cut->ngap)
			continue;
		/* A function word beside a content word ("of Cambodia") ties
		 * the word to its context, as the reference summaries phrase
		 * it; two function words say nothing. */
		put_key(sk->bi, &sk->nb, bigram_key(adj, stem),
			t > cut->from && stop != adj_stop);
		adj = stem;
		adj_stop = stop;
		put_key(sk->stem, &sk->ns, stem, !stop);
		put_key(sk->bi, &sk->nb, bigram_key(prev, stem),
			!stop && prev != UINT32_MAX);
		prev = stop ? prev : stem;
	}
}

/* Room for the keys of a sentence of up to max_ntok tokens: a stem and two
 * bigrams at most per token. */
static int keys_init(sent_keys *sk, size_t max_ntok)
{
	sk->stem = nd_calloc(max_ntok + 1, sizeof(*sk->stem));
	sk->bi = nd_calloc(2 * max_ntok + 1, sizeof(*sk->bi));
	sk->hash = nd_calloc(2 * max_ntok + 1, sizeof(*sk->hash));
	return sk->stem && sk->bi && sk->hash ? ND_OK : ND_ENOMEM;
}

static void keys_dispose(sent_keys *sk)
{
	nd_free(sk->stem);
	nd_free(sk->bi);
	nd_free(sk->hash);
}

/* The keys of story sentence g (none past the last) and their hashes,
 * their slots asked of memory already: fetched a sentence ahead of their
 * numbering, the cache misses overlap rather than queue. */
static void fetch_keys(sent_keys *sk, const nd_dstory *s,
		       const nd_dconcepts *m, size_t g)
{
	static const nd_dcut whole = { 0, 0, 0 };
	size_t j, k;
	const nd_doc *d;

	sk->ns = sk->nb = 0;
	if (g >= s->n_sents)
		return;
	d = nd_dstory_doc(s, g, &k);
	collect_keys(sk, d, k, &whole);
	for (j = 0; j < sk->ns; j++)
		__builtin_prefetch(&m->stem_id1[sk->stem[j]]);
	for (j = 0; j < sk->nb; j++) {
		sk->hash[j] = nd_mix64(sk->bi[j]);
		__builtin_prefetch(&m->slots[sk->hash[j] & (m->cap - 1)]);
	}
}

/* Numbers the keys of sk: stems into uni (*nu), bigrams into bi (*nb),
 * unsorted. Each kind is numbered apart, so taking all stems first
 * numbers them as the order of sight would. */
static int number_keys(nd_dconcepts *m, const sent_keys *sk, uint32_t *uni,
		       size_t *nu, uint32_t *bi, size_t *nb)
{
	size_t j;

	for (j = 0; j < sk->ns; j++) {
		if (intern_stem(m, sk->stem[j], &uni[j]))
			return ND_ENOMEM;
	}
	for (j = 0; j < sk->nb; j++) {
		if (intern_bigram(m, sk->bi[j], sk->hash[j], &bi[j]))
			return ND_ENOMEM;
	}
	*nu = sk->ns;
	*nb = sk->nb;
	return ND_OK;
}

/* Sorts ids[0..n) without repeats into out; returns how many remain. Ids
 * from first up are new to the story: numbered in order of sight, they
 * come ascending already, a repeat being no more than the last, so only
 * the older ones need a sort. */
static size_t sort_ids(uint32_t *out, uint32_t *ids, size_t n, uint32_t first)
{
	size_t i, n_old = 0, n_new = 0;
	uint32_t next = first; /* a new id must be at least this */

	/* Each id is written to both places and kept by a count, with no
	 * branch on whether it is old: that is as good as random. */
	for (i = 0; i < n; i++) {
		uint32_t id = ids[i];
		bool is_new = id >= next;

		out[n_old] = id;
		n_old += id < first;
		ids[n_new] = id;
		n_new += is_new;
		next = is_new ? id + 1 : next;
	}
	n_old = nd_sort_unique_u32(out, n_old);
	memcpy(out + n_old, ids, n_new * sizeof(*ids));
	return n_old + n_new;
}

/* Bigrams are numbered after every stem: their numbers in the lists move
 * up by the stems' count once it is known. */
static void bigrams_last(nd_dstory *s, const nd_dconcepts *m)
{
	size_t g, k;

	for (g = 0; g < s->n_sents; g++) {
		for (k = s->cbeg[g] + s->nuni[g]; k < s->cbeg[g + 1]; k++)
			s->cids[k] += (uint32_t)m->n_stems;
	}
}

/* Concept lists of every sentence, numbered by m, which starts with room
 * for about toks keys. */
static int build_concepts(nd_dstory *s, nd_dconcepts *m, size_t max_ntok,
			  size_t toks)
{
	uint32_t *uni = NULL, *bi = NULL;
	sent_keys sk[2] = { { 0 }, { 0 } };
	size_t at = 0, g, cap = MAP_MIN_CAP, nu, nb;
	int rc = ND_ENOMEM;

	/* Most bigrams occur once, and a story has fewer of them than
	 * tokens (some two for three): a table of a slot per token, rounded
	 * up, seldom grows, and the keys, reserved for as many, are seldom
	 * copied. A story's stems are the vocabulary's at most. */
	while (cap < toks)
		cap *= 2;
	m->n_vstems = nd_vocab_stem_count(s->c->vocab);
	if (nd_array_reserve((void **)&m->keys, &m->key_cap,
			     m->n_vstems + 1, sizeof(*m->keys)) ||
	    nd_array_reserve((void **)&m->bkeys, &m->bkey_cap, toks + 1,
			     sizeof(*m->bkeys)))
		return ND_ENOMEM;
	m->stem_id1 = nd_calloc(m->n_vstems + 1, sizeof(*m->stem_id1));
	uni = nd_calloc(max_ntok + 1, sizeof(*uni));
	/* Two bigrams at most per token: with the word before it, and with
	 * the content word before it. */
	bi = nd_calloc(2 * max_ntok + 1, sizeof(*bi));
	if (!m->stem_id1 || !uni || !bi || keys_init(&sk[0], max_ntok) ||
	    keys_init(&sk[1], max_ntok) || map_resize(m, cap))
		goto done;
	fetch_keys(&sk[0], s, m, 0);
	for (g = 0; g < s->n_sents; g++) {
		uint32_t first_uni = (uint32_t)m->n_stems;
		uint32_t first_bi = (uint32_t)m->n_bi;

		fetch_keys(&sk[(g + 1) % 2], s, m, g + 1);
		if (number_keys(m, &sk[g % 2], uni, &nu, bi, &nb))
			goto done;
		nu = sort_ids(s->cids + at, uni, nu, first_uni);
		nb = sort_ids(s->cids + at + nu, bi, nb, first_bi);
		s->cbeg[g] = at;
		s->nuni[g] = (uint32_t)nu;
		at += nu + nb;
	}
	s->cbeg[g] = at;
	s->n_concepts = m->n_stems + m->n_bi;
	s->n_stems = m->n_stems;
	s->max_ntok = max_ntok;
	bigrams_last(s, m);
	rc = ND_OK;
done:
	nd_free(uni);
	nd_free(bi);
	keys_dispose(&sk[0]);
	keys_dispose(&sk[1]);
	return rc;
}

size_t nd_dstory_form(const nd_dstory *s, size_t g, const nd_dcut *cut,
		      uint32_t *out, size_t *nuni, uint64_t *seq)
{
	sent_keys sk = { seq, seq + s->max_ntok, NULL, 0, 0 };
	size_t sent, j, nu = 0, nb = 0;
	const nd_doc *d = nd_dstory_doc(s, g, &sent);
	uint32_t *bi;

	collect_keys(&sk, d, sent, cut);
	/* The table has long left the cache: every slot is asked for at
	 * once, so the misses overlap. */
	for (j = 0; j < sk.nb; j++)
		__builtin_prefetch(&s->ids.slots[nd_mix64(sk.bi[j]) &
						 (s->ids.cap - 1)]);
	for (j = 0; j < sk.ns; j++)
		nu += lookup_stem(&s->ids, sk.stem[j], &out[nu]);
	nu = nd_sort_unique_u32(out, nu);
	bi = out + nu;
	for (j = 0; j < sk.nb; j++)
		nb += lookup_bigram(&s->ids, sk.bi[j], nd_mix64(sk.bi[j]),
				    &bi[nb]);
	nb = nd_sort_unique_u32(bi, nb);
	*nuni = nu;
	return nu + nb;
}

/* Covering a concept is worth its weight to this power: above 1, one fact
 * every article states outweighs two that only a few mention, which is
 * what the reference summaries keep (1.5 to 2 measured alike on DUC 2004
 * dev; 1 clearly worse). */
#define VALUE_EXP 1.75

/* A stem half the story's groups or more name is its subject ("Netanyahu",
 * "extradition"), what every reader expects a summary to name: it is
 * worth this share of its value, so a sentence naming it wins over one
 * that does not and the summary names many of them, while word pairs
 * stay what chooses (0.08 to 0.15 measured alike on DUC 2004 dev, 0.05
 * and 0.2 lower; the share for every stem: dev R-1 39.97, R-2 10.19). */
#define SUBJECT_SHARE 0.1

/* Drops the weight of concepts of one group only (last[c] - 1), when
 * there are three groups or more: such a concept is that source's angle
 * or its furniture, not the story's core; unless the group holds half the
 * story's articles or more, when it is the story's main account (seven
 * updates of one wire story among ten articles) and what it alone says
 * counts once. Then sets what each weight is worth (a stem's:
 * SUBJECT_SHARE), once per weight, not once per concept, and numbers
 * the concepts of value, over last (read first). */
static int set_values(nd_dstory *s, uint32_t *last)
{
	size_t i, groups = s->n_groups;

	s->worth = nd_calloc(2 * (groups + 1), sizeof(*s->worth));
	/* Set below for the concepts of value only: no need to zero. */
	s->vvalue = nd_reallocarray(NULL, s->n_concepts + 1,
				    sizeof(*s->vvalue));
	if (s->worth == NULL || s->vvalue == NULL)
		return ND_ENOMEM;
	for (i = 0; i <= groups; i++) {
		s->worth[i] = pow((double)i, VALUE_EXP);
		s->worth[groups + 1 + i] =
			2 * i >= groups ? SUBJECT_SHARE * s->worth[i] : 0;
	}
	s->wmax = 1;
	/* Most concepts are one group's: the tests below are as good as
	 * random, so they are combined without branches (every concept is
	 * some member's, so last[i] >= 1). */
	for (i = 0; i < s->n_concepts; i++) {
		uint32_t w = s->weight[i];
		bool main = 2 * s->gsize[last[i] - 1] >= s->n;
		bool drop = (groups >= 3) & (w < 2) & !((w == 1) & main);
		bool valued;

		w = drop ? 0 : w;
		s->weight[i] = w;
		s->wmax = w > s->wmax ? w : s->wmax;
		s->vvalue[s->n_valued] = nd_dstory_value(s, (uint32_t)i);
		valued = s->vvalue[s->n_valued] > 0;
		last[i] = valued ? (uint32_t)s->n_valued : ND_DSTORY_NO_VALUE;
		s->n_valued += valued;
	}
	return ND_OK;
}

/* Weight of a concept: the independent groups holding it. */
static int build_weights(nd_dstory *s)
{
	uint32_t *last = NULL;
	size_t *order = NULL, *fill = NULL, i;
	int rc = ND_ENOMEM;

	last = nd_calloc_written(s->n_concepts + 1, sizeof(*last));
	order = nd_calloc(s->n, sizeof(*order));
	fill = nd_calloc(s->n_groups + 1, sizeof(*fill));
	if (!last || !order || !fill)
		goto done;
	/* Members by group (counting sort), so each group is one run. */
	for (i = 0; i < s->n_groups; i++)
		fill[i + 1] = fill[i] + s->gsize[i];
	for (i = 0; i < s->n; i++)
		order[fill[s->group[i]]++] = i;
	for (i = 0; i < s->n; i++) {
		size_t m = order[i], g;
		uint32_t mark = s->group[m] + 1;

		for (g = s->sbase[m]; g < s->sbase[m + 1]; g++) {
			size_t k;

			for (k = s->cbeg[g]; k < s->cbeg[g + 1]; k++) {
				uint32_t c = s->cids[k];

				/* Counted without a branch on a repeat. */
				s->weight[c] += last[c] != mark;
				last[c] = mark;
			}
		}
	}
	rc = set_values(s, last);
	/* last now numbers the concepts of value. */
	s->vnum = last;
	last = NULL;
done:
	nd_free(last);
	nd_free(order);
	nd_free(fill);
	return rc;
}

/* Stem -> sentences, in compressed rows; sentences come out ascending. */
static int build_postings(nd_dstory *s)
{
	size_t g, i, total = 0;

	/* Positions in post are stored as uint32_t. */
	if (s->cbeg[s->n_sents] >= UINT32_MAX)
		return ND_ENOMEM;
	s->pbeg = nd_calloc(s->n_stems + 1, sizeof(*s->pbeg));
	if (s->pbeg == NULL)
		return ND_ENOMEM;
	for (g = 0; g < s->n_sents; g++) {
		for (i = 0; i < s->nuni[g]; i++)
			s->pbeg[s->cids[s->cbeg[g] + i]]++;
		total += s->nuni[g];
	}
	/* Each row's end, which the fill below, from the last sentence back,
	 * moves to its start. */
	for (i = 1; i < s->n_stems; i++)
		s->pbeg[i] += s->pbeg[i - 1];
	s->pbeg[s->n_stems] = (uint32_t)total;
	s->post = nd_reallocarray(NULL, total + 1, sizeof(*s->post));
	if (s->post == NULL)
		return ND_ENOMEM;
	for (g = s->n_sents; g-- > 0;) {
		for (i = 0; i < s->nuni[g]; i++)
			s->post[--s->pbeg[s->cids[s->cbeg[g] + i]]] =
				(uint32_t)g;
	}
	return ND_OK;
}

int nd_dstory_build(nd_dstory *s, const nd_corpus *c, const size_t *members,
		    size_t n, const nd_dedup_edge *edges, size_t n_edges)
{
	size_t max_ntok = 0, toks = 0, i, g;
	int rc = ND_ENOMEM;

	memset(s, 0, sizeof(*s));
	s->c = c;
	s->members = members;
	s->n = n;
	if (n == 0)
		return ND_OK;
	if (build_groups(s, edges, n_edges) ||
	    size_sentences(s, &max_ntok, &toks) ||
	    build_concepts(s, &s->ids, max_ntok, toks))
		goto done;
	/* Every idf is set below: no need to zero them. */
	s->idf = nd_reallocarray(NULL, s->n_stems + 1, sizeof(*s->idf));
	s->weight = nd_calloc(s->n_concepts + 1, sizeof(*s->weight));
	if (!s->idf || !s->weight)
		goto done;
	/* Stem keys are the stems' term ids (bigram_key). */
	for (i = 0; i < s->n_stems; i++)
		s->idf[i] = nd_vocab_idf(c->vocab, (uint32_t)s->ids.keys[i]);
	for (g = 0; g < s->n_sents; g++) {
		for (i = 0; i < s->nuni[g]; i++)
			s->wsum[g] += s->idf[s->cids[s->cbeg[g] + i]];
	}
	if (build_weights(s) || build_postings(s))
		goto done;
	rc = ND_OK;
done:
	return rc;
}

void nd_dstory_dispose(nd_dstory *s)
{
	nd_free(s->group);
	nd_free(s->gsize);
	nd_free(s->sbase);
	nd_free(s->smember);
	nd_free(s->cbeg);
	nd_free(s->nuni);
	nd_free(s->wsum);
	nd_free(s->cids);
	nd_free(s->idf);
	nd_free(s->weight);
	nd_free(s->worth);
	nd_free(s->vnum);
	nd_free(s->vvalue);
	nd_free(s->pbeg);
	nd_free(s->post);
	nd_free(s->ids.stem_id1);
	nd_free(s->ids.slots);
	nd_free(s->ids.keys);
	nd_free(s->ids.bkeys);
	memset(s, 0, sizeof(*s));
}

const nd_doc *nd_dstory_doc(const nd_dstory *s, size_t g, size_t *sent)
{
	size_t m = s->smember[g];

	*sent = g - s->sbase[m];
	return &s->c->docs[s->members[m]];
}
