#include "digest/dstory.h"

#include <math.h>   /* pow */
#include <stdlib.h> /* bsearch, qsort */
#include <string.h> /* memcpy, memset */

#include "core/alloc.h"
#include "core/hashmap.h"
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

/* Unites members linked by a dedup edge; the earliest member of each set is
 * its root, so numbering roots in member order numbers groups by their first
 * member. */
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

		if (a == SIZE_MAX || b == SIZE_MAX)
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

/* Counts sentences and tokens and sizes the per-sentence tables. */
static int size_sentences(nd_dstory *s, size_t *max_ntok, size_t *cid_cap)
{
	size_t i, toks = 0;

	s->sbase = nd_calloc(s->n + 1, sizeof(*s->sbase));
	if (s->sbase == NULL)
		return ND_ENOMEM;
	*max_ntok = 0;
	for (i = 0; i < s->n; i++) {
		const nd_doc *d = &s->c->docs[s->members[i]];
		size_t k;

		s->sbase[i] = s->n_sents;
		if (nd_add_overflow(s->n_sents, d->nsents, &s->n_sents) ||
		    nd_add_overflow(toks, d->ntoks, &toks))
			return ND_ENOMEM;
		for (k = 0; k < d->nsents; k++) {
			if (d->sents[k].ntok > *max_ntok)
				*max_ntok = d->sents[k].ntok;
		}
	}
	s->sbase[s->n] = s->n_sents;
	/* Sentence numbers are stored as uint32_t in the postings. */
	if (s->n_sents >= UINT32_MAX || nd_mul_overflow(toks, 3, cid_cap))
		return ND_ENOMEM;
	s->smember = nd_calloc(s->n_sents + 1, sizeof(*s->smember));
	s->cbeg = nd_calloc(s->n_sents + 1, sizeof(*s->cbeg));
	s->nuni = nd_calloc(s->n_sents + 1, sizeof(*s->nuni));
	s->wsum = nd_calloc(s->n_sents + 1, sizeof(*s->wsum));
	s->cids = nd_calloc(*cid_cap + 1, sizeof(*s->cids));
	if (!s->smember || !s->cbeg || !s->nuni || !s->wsum || !s->cids)
		return ND_ENOMEM;
	return ND_OK;
}

/* Concept id of key, numbering new keys in order of first sight. */
static int intern(nd_u64map *map, uint64_t **keys, size_t *cap, size_t *n,
		  uint64_t key, uint32_t *id)
{
	if (*n >= UINT32_MAX)
		return ND_ENOMEM;
	if (nd_u64map_put(map, key, (uint32_t)*n, id))
		return ND_ENOMEM;
	if (*id == *n && ND_ARRAY_PUSH(*keys, *n, *cap, key))
		return ND_ENOMEM;
	return ND_OK;
}

/* Bigram keys sit above 2^32 so they never meet a stem id. */
static uint64_t bigram_key(uint32_t first, uint32_t second)
{
	return ((uint64_t)first + 1) << 32 | second;
}

/* Concept keys of tokens [from, st->ntok) of st in order of first sight:
 * per token its stem (content words only, marked in is_stem), then its
 * bigrams. Room for 3 per token; returns how many. */
static size_t sentence_keys(const nd_doc *d, const nd_sentence *st,
			    const nd_dcut *cut, uint64_t *keys, bool *is_stem)
{
	size_t t, n = 0;
	uint32_t prev = UINT32_MAX, adj = 0;
	bool adj_stop = false;

	for (t = cut->from; t < st->ntok; t++) {
		const nd_token *tok = &d->toks[st->tok + t];
		bool stop = tok->flags & ND_TOK_STOP;
		uint64_t pair[2];
		size_t np = 0, j;

		if (t >= cut->gap && t < cut->gap + cut->ngap)
			continue;
		/* A function word beside a content word ("of Cambodia") ties
		 * the word to its context, as the reference summaries phrase
		 * it; two function words say nothing. */
		if (t > cut->from && stop != adj_stop)
			pair[np++] = bigram_key(adj, tok->stem);
		adj = tok->stem;
		adj_stop = stop;
		if (!stop) {
			is_stem[n] = true;
			keys[n++] = tok->stem;
			if (prev != UINT32_MAX)
				pair[np++] = bigram_key(prev, tok->stem);
			prev = tok->stem;
		}
		for (j = 0; j < np; j++) {
			is_stem[n] = false;
			keys[n++] = pair[j];
		}
	}
	return n;
}

/* Concept lists of every sentence; *keys receives the key of each concept
 * (a stem id for stems), s->ids the concept of each key. */
static int build_concepts(nd_dstory *s, size_t max_ntok, uint64_t **keys)
{
	static const nd_dcut whole = { 0, 0, 0 };
	uint32_t *uni = NULL, *bi = NULL;
	uint64_t *seq = NULL;
	bool *is_stem = NULL;
	size_t key_cap = 0, at = 0, i, g = 0;
	int rc = ND_ENOMEM;

	uni = nd_calloc(max_ntok + 1, sizeof(*uni));
	/* Two bigrams at most per token: with the word before it, and with
	 * the content word before it. */
	bi = nd_calloc(2 * max_ntok + 1, sizeof(*bi));
	seq = nd_calloc(3 * max_ntok + 1, sizeof(*seq));
	is_stem = nd_calloc(3 * max_ntok + 1, sizeof(*is_stem));
	if (!uni || !bi || !seq || !is_stem || nd_u64map_init(&s->ids))
		goto done;
	for (i = 0; i < s->n; i++) {
		const nd_doc *d = &s->c->docs[s->members[i]];
		size_t k;

		for (k = 0; k < d->nsents; k++, g++) {
			size_t nk = sentence_keys(d, &d->sents[k], &whole, seq,
						  is_stem);
			size_t j, nu = 0, nb = 0;

			for (j = 0; j < nk; j++) {
				uint32_t *to = is_stem[j] ? &uni[nu++]
							  : &bi[nb++];

				if (intern(&s->ids, keys, &key_cap,
					   &s->n_concepts, seq[j], to))
					goto done;
			}
			nu = nd_sort_unique_u32(uni, nu);
			nb = nd_sort_unique_u32(bi, nb);
			s->smember[g] = (uint32_t)i;
			s->cbeg[g] = at;
			s->nuni[g] = (uint32_t)nu;
			memcpy(s->cids + at, uni, nu * sizeof(*uni));
			memcpy(s->cids + at + nu, bi, nb * sizeof(*bi));
			at += nu + nb;
		}
	}
	s->cbeg[g] = at;
	s->max_ntok = max_ntok;
	rc = ND_OK;
done:
	nd_free(uni);
	nd_free(bi);
	nd_free(seq);
	nd_free(is_stem);
	return rc;
}

size_t nd_dstory_form(const nd_dstory *s, size_t g, const nd_dcut *cut,
		      uint32_t *out, size_t *nuni, uint64_t *seq,
		      bool *is_stem)
{
	size_t sent, nk, j, nu = 0, nb = 0;
	const nd_doc *d = nd_dstory_doc(s, g, &sent);
	uint32_t *bi;

	nk = sentence_keys(d, &d->sents[sent], cut, seq, is_stem);
	for (j = 0; j < nk; j++) {
		if (is_stem[j] && nd_u64map_get(&s->ids, seq[j], &out[nu]))
			nu++;
	}
	nu = nd_sort_unique_u32(out, nu);
	bi = out + nu;
	for (j = 0; j < nk; j++) {
		if (!is_stem[j] && nd_u64map_get(&s->ids, seq[j], &bi[nb]))
			nb++;
	}
	nb = nd_sort_unique_u32(bi, nb);
	*nuni = nu;
	return nu + nb;
}

/* Covering a concept is worth its weight to this power: above 1, one fact
 * every article states outweighs two that only a few mention, which is
 * what the reference summaries keep (1.5 to 2 measured alike on DUC 2004
 * dev; 1 clearly worse). */
#define VALUE_EXP 1.75

/* Weight of a concept: the independent groups holding it. With three groups
 * or more, a concept of one group only is that source's angle or its
 * furniture, not the story's core. */
static int build_weights(nd_dstory *s)
{
	uint32_t *last = NULL;
	size_t *order = NULL, *fill = NULL, i;
	int rc = ND_ENOMEM;

	last = nd_calloc(s->n_concepts + 1, sizeof(*last));
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

				if (last[c] != mark) {
					last[c] = mark;
					s->weight[c]++;
				}
			}
		}
	}
	s->wmax = 1;
	for (i = 0; i < s->n_concepts; i++) {
		if (s->n_groups >= 3 && s->weight[i] < 2)
			s->weight[i] = 0;
		if (s->weight[i] > s->wmax)
			s->wmax = s->weight[i];
		s->value[i] = pow((double)s->weight[i], VALUE_EXP);
	}
	rc = ND_OK;
done:
	nd_free(last);
	nd_free(order);
	nd_free(fill);
	return rc;
}

/* Stem -> sentences, in compressed rows; sentences come out ascending. */
static int build_postings(nd_dstory *s)
{
	size_t *fill = NULL, g, i, total = 0;
	int rc = ND_ENOMEM;

	s->pbeg = nd_calloc(s->n_concepts + 1, sizeof(*s->pbeg));
	fill = nd_calloc(s->n_concepts + 1, sizeof(*fill));
	if (!s->pbeg || !fill)
		goto done;
	for (g = 0; g < s->n_sents; g++) {
		for (i = 0; i < s->nuni[g]; i++)
			s->pbeg[s->cids[s->cbeg[g] + i] + 1]++;
		total += s->nuni[g];
	}
	for (i = 0; i < s->n_concepts; i++)
		s->pbeg[i + 1] += s->pbeg[i];
	s->post = nd_calloc(total + 1, sizeof(*s->post));
	if (s->post == NULL)
		goto done;
	memcpy(fill, s->pbeg, s->n_concepts * sizeof(*fill));
	for (g = 0; g < s->n_sents; g++) {
		for (i = 0; i < s->nuni[g]; i++)
			s->post[fill[s->cids[s->cbeg[g] + i]]++] = (uint32_t)g;
	}
	rc = ND_OK;
done:
	nd_free(fill);
	return rc;
}

int nd_dstory_build(nd_dstory *s, const nd_corpus *c, const size_t *members,
		    size_t n, const nd_dedup_edge *edges, size_t n_edges)
{
	uint64_t *keys = NULL;
	size_t max_ntok = 0, cid_cap = 0, i, g;
	int rc = ND_ENOMEM;

	memset(s, 0, sizeof(*s));
	s->c = c;
	s->members = members;
	s->n = n;
	if (n == 0)
		return ND_OK;
	if (build_groups(s, edges, n_edges) ||
	    size_sentences(s, &max_ntok, &cid_cap) ||
	    build_concepts(s, max_ntok, &keys))
		goto done;
	s->idf = nd_calloc(s->n_concepts + 1, sizeof(*s->idf));
	s->weight = nd_calloc(s->n_concepts + 1, sizeof(*s->weight));
	s->value = nd_calloc(s->n_concepts + 1, sizeof(*s->value));
	if (!s->idf || !s->weight || !s->value)
		goto done;
	/* Stem keys fit in 32 bits; bigram keys do not (bigram_key). */
	for (i = 0; i < s->n_concepts; i++) {
		if (keys[i] <= UINT32_MAX)
			s->idf[i] = nd_vocab_idf(c->vocab, (uint32_t)keys[i]);
	}
	for (g = 0; g < s->n_sents; g++) {
		for (i = 0; i < s->nuni[g]; i++)
			s->wsum[g] += s->idf[s->cids[s->cbeg[g] + i]];
	}
	if (build_weights(s) || build_postings(s))
		goto done;
	rc = ND_OK;
done:
	nd_free(keys);
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
	nd_free(s->value);
	nd_free(s->pbeg);
	nd_free(s->post);
	nd_u64map_dispose(&s->ids);
	memset(s, 0, sizeof(*s));
}

const nd_doc *nd_dstory_doc(const nd_dstory *s, size_t g, size_t *sent)
{
	size_t m = s->smember[g];

	*sent = g - s->sbase[m];
	return &s->c->docs[s->members[m]];
}
