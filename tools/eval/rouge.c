#include "rouge.h"

#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* strtod */
#include <string.h> /* memcmp, memcpy, strlen */

#include "core/alloc.h"
#include "core/error.h"

/* ---- the exception lists and the vocabulary ------------------------------ */

int nd_rouge_init(nd_rouge *r, bool stem)
{
	memset(r, 0, sizeof(*r));
	r->stem = stem;
	if (nd_strmap_init(&r->exceptions) || nd_strmap_init(&r->vocab) ||
	    nd_arena_create(&r->arena)) {
		nd_rouge_dispose(r);
		return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_rouge_dispose(nd_rouge *r)
{
	nd_strmap_dispose(&r->exceptions);
	nd_strmap_dispose(&r->vocab);
	nd_arena_free(r->arena);
	nd_free(r->bases);
	nd_free(r->words);
	memset(r, 0, sizeof(*r));
}

/* Perl's \s as ROUGE splits on it, less the newline that ends a line. */
static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The next whitespace-separated field of s[*at..n) (none when *at == n):
 * its start and length; *at moves past it. */
static bool next_field(const char *s, size_t n, size_t *at, size_t *start,
		       size_t *len)
{
	size_t i = *at;

	while (i < n && is_space(s[i]))
		i++;
	if (i == n)
		return false;
	*start = i;
	while (i < n && !is_space(s[i]))
		i++;
	*len = i - *start;
	*at = i;
	return true;
}

/* The next line of text[*at..len), without its "\n"; *at moves past
 * it. False at the end. */
static bool next_line(const char *text, size_t len, size_t *at,
		      const char **line, size_t *n)
{
	const char *nl;

	if (*at >= len)
		return false;
	*line = text + *at;
	nl = memchr(*line, '\n', len - *at);
	*n = nl ? (size_t)(nl - *line) : len - *at;
	*at += *n + (nl != NULL);
	return true;
}

/* Maps form to base, replacing an earlier base of the same form. */
static int add_exception(nd_rouge *r, const char *form, size_t flen,
			 const char *base, size_t blen)
{
	uint32_t slot;
	char *copy = nd_arena_strndup(r->arena, base, blen);

	if (copy == NULL || r->nbases >= UINT32_MAX)
		return ND_ENOMEM;
	if (nd_strmap_put(&r->exceptions, form, flen, (uint32_t)r->nbases,
			  &slot))
		return ND_ENOMEM;
	if (slot != r->nbases) {
		r->bases[slot] = copy;
		return ND_OK;
	}
	return ND_ARRAY_PUSH(r->bases, r->nbases, r->bases_cap,
			     (const char *)copy);
}

int nd_rouge_add_exceptions(nd_rouge *r, const char *text, size_t len)
{
	const char *line;
	size_t at = 0, n;

	while (next_line(text, len, &at, &line, &n)) {
		size_t pos = 0, fs, fl, bs, bl;

		/* A line that opens with a space has an empty first field
		 * for Perl's split: no form anyone looks up. */
		if (n == 0 || is_space(line[0]) ||
		    !next_field(line, n, &pos, &fs, &fl) ||
		    !next_field(line, n, &pos, &bs, &bl))
			continue;
		if (add_exception(r, line + fs, fl, line + bs, bl))
			return ND_ENOMEM;
	}
	return ND_OK;
}

const char *nd_rouge_word(const nd_rouge *r, uint32_t id)
{
	return id < r->nwords ? r->words[id] : "";
}

/* The id of token w[0..n), added to the vocabulary when new. */
static int word_id(nd_rouge *r, const char *w, size_t n, uint32_t *id)
{
	const char *stored;

	if (r->nwords >= UINT32_MAX - 1)
		return ND_ETOOBIG;
	if (nd_strmap_intern(&r->vocab, w, n, (uint32_t)r->nwords, id,
			     &stored))
		return ND_ENOMEM;
	if (*id != r->nwords)
		return ND_OK;
	return ND_ARRAY_PUSH(r->words, r->nwords, r->words_cap, stored);
}

/* ---- Porter's stemmer as ROUGE has it ----------------------------------- */

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Porter's consonant: not a vowel, and a 'y' only at the start or after a
 * vowel; so a run of y's alternates from what precedes it. */
static bool consonant(const char *w, size_t i)
{
	size_t j = i;
	bool first;

	if (is_vowel(w[i]))
		return false;
	if (w[i] != 'y')
		return true;
	while (j > 0 && w[j - 1] == 'y')
		j--;
	first = j == 0 || is_vowel(w[j - 1]);
	return (i - j) % 2 == 0 ? first : !first;
}

/* Porter's m of w[0..n): the number of vowel runs followed by a
 * consonant, in [C](VC){m}[V]. */
static size_t measure(const char *w, size_t n)
{
	size_t i, m = 0;
	bool after_vowel = false;

	for (i = 0; i < n; i++) {
		bool c = consonant(w, i);

		if (c && after_vowel)
			m++;
		after_vowel = !c;
	}
	return m;
}

static bool has_vowel(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!consonant(w, i))
			return true;
	return false;
}

/* ROUGE's "short syllable" test: the whole of w[0..n) is consonants, one
 * vowel, and a consonant other than w, x or y ("hop", "shed"). Porter's
 * *o with m = 1 says the same. */
static bool short_cvc(const char *w, size_t n)
{
	size_t i;

	if (n < 3 || !consonant(w, n - 1) || consonant(w, n - 2) ||
	    w[n - 1] == 'w' || w[n - 1] == 'x' || w[n - 1] == 'y')
		return false;
	for (i = 0; i + 2 < n; i++)
		if (!consonant(w, i))
			return false;
	return true;
}

static bool ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return k <= n && memcmp(w + n - k, suffix, k) == 0;
}

/* Step 1a: plurals. */
static size_t step1a(const char *w, size_t n)
{
	if (ends(w, n, "sses") || ends(w, n, "ies"))
		return n - 2;
	if (n >= 2 && w[n - 1] == 's' && w[n - 2] != 's')
		return n - 1;
	return n;
}

/* Step 1b: -eed, -ed, -ing. */
static size_t step1b(char *w, size_t n)
{
	size_t k;

	if (ends(w, n, "eed"))
		return measure(w, n - 3) > 0 ? n - 1 : n;
	if (ends(w, n, "ed"))
		k = n - 2;
	else if (ends(w, n, "ing"))
		k = n - 3;
	else
		return n;
	if (!has_vowel(w, k))
		return n;
	if (ends(w, k, "at") || ends(w, k, "bl") || ends(w, k, "iz")) {
		w[k] = 'e';
		return k + 1;
	}
	if (k >= 2 && w[k - 1] == w[k - 2] &&
	    strchr("aeiouylsz", w[k - 1]) == NULL)
		return k - 1; /* hopp -> hop, but fall, hiss, fizz stay */
	if (short_cvc(w, k)) {
		w[k] = 'e';
		return k + 1;
	}
	return k;
}

/* Step 1c: a final y after a vowel somewhere becomes i. */
static void step1c(char *w, size_t n)
{
	if (n > 0 && w[n - 1] == 'y' && has_vowel(w, n - 1))
		w[n - 1] = 'i';
}

/* One rule of steps 2 to 4: a suffix and what replaces it. */
typedef struct rule {
	const char *suffix, *to;
} rule;

/* The longest suffix of w[0..n) among rules[0..nrules), or NULL. */
static const rule *longest(const char *w, size_t n, const rule *rules,
			   size_t nrules)
{
	const rule *best = NULL;
	size_t i;

	for (i = 0; i < nrules; i++)
		if (ends(w, n, rules[i].suffix) &&
		    (best == NULL ||
		     strlen(rules[i].suffix) > strlen(best->suffix)))
			best = &rules[i];
	return best;
}

/* Replaces the longest suffix of rules when what precedes it has
 * measure > min; a longest suffix that fails leaves w alone, shorter ones
 * are not tried. */
static size_t replace(char *w, size_t n, const rule *rules, size_t nrules,
		      size_t min)
{
	const rule *r = longest(w, n, rules, nrules);
	size_t k, t;

	if (r == NULL)
		return n;
	k = n - strlen(r->suffix);
	t = strlen(r->to);
	if (measure(w, k) <= min)
		return n;
	memcpy(w + k, r->to, t); /* never longer than the suffix */
	return k + t;
}

static const rule step2_rules[] = {
	{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" },
	{ "anci", "ance" },   { "izer", "ize" },    { "bli", "ble" },
	{ "alli", "al" },     { "entli", "ent" },   { "eli", "e" },
	{ "ousli", "ous" },   { "ization", "ize" }, { "ation", "ate" },
	{ "ator", "ate" },    { "alism", "al" },    { "iveness", "ive" },
	{ "fulness", "ful" }, { "ousness", "ous" }, { "aliti", "al" },
	{ "iviti", "ive" },   { "biliti", "ble" },  { "logi", "log" },
};

static const rule step3_rules[] = {
	{ "icate", "ic" }, { "ative", "" }, { "alize", "al" },
	{ "iciti", "ic" }, { "ical", "ic" }, { "ful", "" }, { "ness", "" },
};

/* Step 4 less "ment", "ent" and "ion", which ROUGE tries afterwards. */
static const rule step4_rules[] = {
	{ "al", "" },   { "ance", "" }, { "ence", "" }, { "er", "" },
	{ "ic", "" },   { "able", "" }, { "ible", "" }, { "ant", "" },
	{ "ement", "" }, { "ou", "" },  { "ism", "" },  { "ate", "" },
	{ "iti", "" },  { "ous", "" },  { "ive", "" },  { "ize", "" },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Step 4 as ROUGE changed it: the list, then "ment", then "ent" or else
 * "(s|t)ion", each on what the one before left, each when the rest has
 * measure > 1. */
static size_t step4(char *w, size_t n)
{
	n = replace(w, n, step4_rules, COUNT(step4_rules), 1);
	if (ends(w, n, "ment") && measure(w, n - 4) > 1)
		n -= 4;
	if (ends(w, n, "ent")) {
		if (measure(w, n - 3) > 1)
			n -= 3;
	} else if ((ends(w, n, "sion") || ends(w, n, "tion")) &&
		   measure(w, n - 3) > 1) {
		n -= 3;
	}
	return n;
}

/* Step 5: a final e, and ll to l. */
static size_t step5(const char *w, size_t n)
{
	if (n > 0 && w[n - 1] == 'e') {
		size_t m = measure(w, n - 1);

		if (m > 1 || (m == 1 && !short_cvc(w, n - 1)))
			n--;
	}
	if (ends(w, n, "ll") && measure(w, n) > 1)
		n--;
	return n;
}

size_t nd_rouge_porter(char *w, size_t n)
{
	bool initial_y;

	if (n < 3)
		return n;
	/* An initial y is a consonant whatever follows. */
	initial_y = w[0] == 'y';
	if (initial_y)
		w[0] = 'Y';
	n = step1a(w, n);
	n = step1b(w, n);
	step1c(w, n);
	n = replace(w, n, step2_rules, COUNT(step2_rules), 0);
	n = replace(w, n, step3_rules, COUNT(step3_rules), 0);
	n = step4(w, n);
	n = step5(w, n);
	if (initial_y)
		w[0] = 'y';
	return n;
}

/* ---- reading a text ------------------------------------------------------ */

static bool is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Adds the token w[0..n) (lowercase), stemmed as r says. */
static int add_token(nd_rouge *r, nd_rouge_text *out, char *w, size_t n)
{
	uint32_t id, slot;

	if (r->stem && n > 3) {
		if (nd_strmap_get(&r->exceptions, w, n, &slot)) {
			const char *base = r->bases[slot];

			if (word_id(r, base, strlen(base), &id))
				return ND_ENOMEM;
			return ND_ARRAY_PUSH(out->ids, out->n, out->cap, id);
		}
		n = nd_rouge_porter(w, n);
	}
	if (word_id(r, w, n, &id))
		return ND_ENOMEM;
	return ND_ARRAY_PUSH(out->ids, out->n, out->cap, id);
}

/* Adds the tokens of s[0..n): its runs of ASCII letters and digits. */
static int add_tokens(nd_rouge *r, nd_rouge_text *out, const char *s,
		      size_t n)
{
	char w[ND_ROUGE_TOKEN_MAX];
	size_t i = 0, k;
	int rc;

	while (i < n) {
		if (!is_alnum(s[i])) {
			i++;
			continue;
		}
		for (k = 0; i < n && is_alnum(s[i]); i++)
			if (k < sizeof(w))
				w[k++] = (s[i] >= 'A' && s[i] <= 'Z')
						 ? (char)(s[i] - 'A' + 'a')
						 : s[i];
		if ((rc = add_token(r, out, w, k)))
			return rc;
	}
	return ND_OK;
}

/* The words Perl's split(/\s+/) finds in line[0..n): a line that opens
 * with whitespace has an empty first one, trailing ones are dropped.
 * *cut receives where the first `keep` of them end (n when fewer). */
static size_t count_words(const char *line, size_t n, size_t keep,
			  size_t *cut)
{
	size_t at = 0, start, len, words = 0;

	*cut = n;
	if (n > 0 && is_space(line[0]) && next_field(line, n, &at, &start,
						     &len)) {
		at = start; /* the empty field, then this one again */
		if (++words == keep)
			*cut = 0;
	}
	while (next_field(line, n, &at, &start, &len))
		if (++words == keep)
			*cut = start + len;
	return words;
}

/* Adds the line[0..n) as far as the limit lets it, counting in *used;
 * *done says the limit is reached and later lines are dropped. */
static int add_line(nd_rouge *r, nd_rouge_text *out, const char *line,
		    size_t n, nd_rouge_limit limit, size_t *used, bool *done)
{
	size_t cut, words;

	if (limit.words > 0) {
		words = count_words(line, n, limit.words - *used, &cut);
		if (*used + words < limit.words) {
			*used += words;
			cut = n;
		} else {
			*done = true;
		}
		return add_tokens(r, out, line, cut);
	}
	if (limit.bytes > 0) {
		if (*used + n < limit.bytes) {
			*used += n;
			return add_tokens(r, out, line, n);
		}
		*done = true;
		return add_tokens(r, out, line, limit.bytes - *used);
	}
	return add_tokens(r, out, line, n);
}

int nd_rouge_tokenize(nd_rouge *r, nd_rouge_text *out, const char *text,
		      size_t len, nd_rouge_limit limit)
{
	const char *line;
	size_t at = 0, used = 0, n;
	bool done = false;
	int rc;

	out->n = 0;
	while (!done && next_line(text, len, &at, &line, &n)) {
		if (n == 0)
			continue; /* ROUGE skips empty lines */
		if ((rc = add_line(r, out, line, n, limit, &used, &done)))
			return rc;
	}
	return ND_OK;
}

void nd_rouge_text_dispose(nd_rouge_text *t)
{
	nd_free(t->ids);
	t->ids = NULL;
	t->n = t->cap = 0;
}

/* ---- counting grams ------------------------------------------------------ */

int nd_rouge_bag_init(nd_rouge_bag *b)
{
	memset(b, 0, sizeof(*b));
	return nd_u64map_init(&b->index);
}

void nd_rouge_bag_dispose(nd_rouge_bag *b)
{
	nd_u64map_dispose(&b->index);
	nd_free(b->v);
	memset(b, 0, sizeof(*b));
}

/* Empties b, keeping its arrays. */
static int bag_clear(nd_rouge_bag *b)
{
	nd_u64map_dispose(&b->index);
	b->n = 0;
	b->total = 0;
	return nd_u64map_init(&b->index);
}

/* Counts the gram key once more. */
static int bag_add(nd_rouge_bag *b, uint64_t key)
{
	nd_rouge_gram g = { key, 1 };
	uint32_t slot;

	if (b->n >= UINT32_MAX ||
	    nd_u64map_put(&b->index, key, (uint32_t)b->n, &slot))
		return ND_ENOMEM;
	b->total++;
	if (slot != b->n) {
		b->v[slot].count++;
		return ND_OK;
	}
	return ND_ARRAY_PUSH(b->v, b->n, b->cap, g);
}

/* A unigram's key, and a pair's: ids are below 2^32 - 1, so the high
 * half tells them apart. */
static uint64_t unigram(uint32_t a)
{
	return a;
}

static uint64_t pair(uint32_t a, uint32_t b)
{
	return ((uint64_t)a + 1) << 32 | b;
}

int nd_rouge_bag_ngrams(nd_rouge_bag *b, const nd_rouge_text *t, unsigned n)
{
	size_t i;
	int rc;

	if (n != 1 && n != 2)
		return ND_EINVAL;
	if (bag_clear(b))
		return ND_ENOMEM;
	for (i = 0; i + n <= t->n; i++) {
		rc = bag_add(b, n == 1 ? unigram(t->ids[i])
				       : pair(t->ids[i], t->ids[i + 1]));
		if (rc)
			return rc;
	}
	return ND_OK;
}

int nd_rouge_bag_skip(nd_rouge_bag *b, const nd_rouge_text *t, unsigned gap,
		      bool unigrams)
{
	size_t i, j;

	if (gap > ND_ROUGE_GAP)
		return ND_EINVAL;
	if (bag_clear(b))
		return ND_ENOMEM;
	/* ROUGE's loop runs over every token but the last: the last one
	 * has no pair to open, and its unigram is left out with it. */
	for (i = 0; i + 1 < t->n; i++) {
		if (unigrams && bag_add(b, unigram(t->ids[i])))
			return ND_ENOMEM;
		for (j = i + 1; j < t->n && j <= i + gap + 1; j++)
			if (bag_add(b, pair(t->ids[i], t->ids[j])))
				return ND_ENOMEM;
	}
	return ND_OK;
}

size_t nd_rouge_bag_hits(const nd_rouge_bag *model, const nd_rouge_bag *peer)
{
	size_t i, hits = 0;
	uint32_t slot;

	for (i = 0; i < model->n; i++)
		if (nd_u64map_get(&peer->index, model->v[i].key, &slot))
			hits += model->v[i].count < peer->v[slot].count
					? model->v[i].count
					: peer->v[slot].count;
	return hits;
}

/* ---- scores -------------------------------------------------------------- */

/* x as ROUGE's sprintf("%7.5f") leaves it. */
static double round5(double x)
{
	char s[64];

	snprintf(s, sizeof(s), "%.5f", x);
	return strtod(s, NULL);
}

void nd_rouge_score_finish(nd_rouge_score *s)
{
	double r, p;

	r = s->model ? round5((double)s->hits / (double)s->model) : 0.0;
	p = s->peer ? round5((double)s->hits / (double)s->peer) : 0.0;
	s->recall = r;
	s->precision = p;
	s->f = 0.5 * p + 0.5 * r > 0 ? round5(p * r / (0.5 * p + 0.5 * r))
				     : 0.0;
}

/* Fills b with the grams of metric m of t. */
static int bag_metric(nd_rouge_bag *b, const nd_rouge_text *t, int m)
{
	if (m == ND_ROUGE_SU4)
		return nd_rouge_bag_skip(b, t, 4, true);
	return nd_rouge_bag_ngrams(b, t, m == ND_ROUGE_1 ? 1 : 2);
}

int nd_rouge_eval(nd_rouge_score out[ND_ROUGE_METRICS],
		  const nd_rouge_text *peer, const nd_rouge_text *refs,
		  size_t nrefs)
{
	nd_rouge_bag pb, mb;
	size_t i;
	int m, rc;

	memset(out, 0, ND_ROUGE_METRICS * sizeof(*out));
	if (nd_rouge_bag_init(&pb))
		return ND_ENOMEM;
	if ((rc = nd_rouge_bag_init(&mb)))
		goto done;
	for (m = 0; m < ND_ROUGE_METRICS; m++) {
		if ((rc = bag_metric(&pb, peer, m)))
			goto done;
		for (i = 0; i < nrefs; i++) {
			if ((rc = bag_metric(&mb, &refs[i], m)))
				goto done;
			out[m].hits += nd_rouge_bag_hits(&mb, &pb);
			out[m].model += mb.total;
			out[m].peer += pb.total;
		}
		nd_rouge_score_finish(&out[m]);
	}
done:
	nd_rouge_bag_dispose(&pb);
	nd_rouge_bag_dispose(&mb);
	return rc;
}

void nd_rouge_mean_add(nd_rouge_mean *m,
		       const nd_rouge_score s[ND_ROUGE_METRICS])
{
	int k;

	for (k = 0; k < ND_ROUGE_METRICS; k++) {
		m->sum[k].hits += s[k].hits;
		m->sum[k].model += s[k].model;
		m->sum[k].peer += s[k].peer;
		m->sum[k].recall += s[k].recall;
		m->sum[k].precision += s[k].precision;
		m->sum[k].f += s[k].f;
	}
	m->n++;
}

nd_rouge_score nd_rouge_mean_of(const nd_rouge_mean *m, int metric)
{
	nd_rouge_score s = m->sum[metric];

	if (m->n == 0)
		return s; /* zeroed, as m starts */
	s.recall /= (double)m->n;
	s.precision /= (double)m->n;
	s.f /= (double)m->n;
	return s;
}

const char *nd_rouge_metric_name(int metric)
{
	switch (metric) {
	case ND_ROUGE_1:
		return "ROUGE-1";
	case ND_ROUGE_2:
		return "ROUGE-2";
	case ND_ROUGE_SU4:
		return "ROUGE-SU4";
	default:
		return "?";
	}
}
