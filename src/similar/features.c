#include "similar/features.h"

#include <math.h>   /* exp, fmax, fmin, log */
#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/sorted.h"

static const char *const names[ND_SIM_NFEAT] = {
	"jac_all", "cmax", "cnt_dice", "wn_cnt", "wn_cmin", "wn_unm",
	"wn_unmmax", "len_ratio", "len_diff", "num_unm", "num_bothdiff",
	"p1", "p2", "bleu", "lcs_min", "lcs_max", "char3", "neg_mis",
	"name_unm"
};

const char *nd_sim_feature_name(int i)
{
	return i >= 0 && i < ND_SIM_NFEAT ? names[i] : "";
}

#define ALL 0u /* no flag skips a token */

static double ratio(double a, double b)
{
	return b > 0 ? a / b : 0.0;
}

/* The distinct stem hashes of the tokens of s without any of the flags
 * in skip, sorted; returns the count. */
static size_t stems(uint64_t *out, const nd_sim_side *s, unsigned skip)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		if (!(s->toks[i].flags & skip))
			out[n++] = s->toks[i].stem_hash;
	return nd_sort_unique_u64(out, n);
}

static bool has(const uint64_t *set, size_t n, uint64_t v)
{
	size_t at = nd_sorted_lower_u64(set, n, v);

	return at < n && set[at] == v;
}

/* Jaccard of two sorted unique sets. */
static double jaccard(const uint64_t *a, size_t na, const uint64_t *b,
		      size_t nb)
{
	size_t c = nd_sorted_common_u64(a, na, b, nb);

	return ratio((double)c, (double)(na + nb - c));
}

/* Hashes of the order-n grams of the stem sequence of s, sorted with
 * repeats: a gram said twice matches twice at most (BLEU's clipping). */
static size_t ngrams(uint64_t *out, const nd_sim_side *s, size_t n)
{
	size_t i, k, m = 0;
	uint64_t h;

	for (i = 0; i + n <= s->n; i++) {
		h = n;
		for (k = 0; k < n; k++)
			h = (h ^ s->toks[i + k].stem_hash) *
			    0x9e3779b97f4a7c15ULL;
		out[m++] = h;
	}
	nd_sort_u64(out, m);
	return m;
}

/* n-gram precisions of a against b for n = 1..4 into p[0..4), and the
 * same smoothed (+1) into smooth; ga and gb have room for a's and b's
 * tokens. */
static void precisions(double *p, double *smooth, const nd_sim_side *a,
		       const nd_sim_side *b, uint64_t *ga, uint64_t *gb)
{
	size_t n, na, nb, m;

	for (n = 1; n <= 4; n++) {
		na = ngrams(ga, a, n);
		nb = ngrams(gb, b, n);
		m = nd_sorted_common_u64(ga, na, gb, nb); /* clipped counts */
		p[n - 1] = ratio((double)m, (double)(na ? na : 1));
		smooth[n - 1] = ((double)m + 1) / ((double)(na ? na : 1) + 1);
	}
}

static double bleu(const double *smooth)
{
	double lp = 0;
	int n;

	for (n = 0; n < 4; n++)
		lp += log(smooth[n]) / 4;
	return exp(lp);
}

/* Longest common subsequence of the stem sequences; row holds b->n + 1. */
static size_t lcs(const nd_sim_side *a, const nd_sim_side *b, size_t *row)
{
	size_t i, j, diag, up;

	for (j = 0; j <= b->n; j++)
		row[j] = 0;
	for (i = 0; i < a->n; i++) {
		diag = 0;
		for (j = 1; j <= b->n; j++) {
			up = row[j];
			if (a->toks[i].stem_hash == b->toks[j - 1].stem_hash)
				row[j] = diag + 1;
			else if (row[j - 1] > row[j])
				row[j] = row[j - 1];
			diag = up;
		}
	}
	return row[b->n];
}

/* Character trigrams of " w1 w2 ... " (words folded), each the three
 * bytes as a number, sorted unique; out has room for cap. */
static size_t trigrams(uint64_t *out, size_t cap, const nd_sim_side *s)
{
	uint32_t w = ' ';
	size_t i, k, n = 0, seen = 1;

	for (i = 0; i < s->n; i++)
		for (k = 0; k <= s->toks[i].len; k++) {
			unsigned char c = k < s->toks[i].len ?
				(unsigned char)s->toks[i].word[k] : ' ';

			w = (w << 8 | c) & 0xFFFFFF;
			if (++seen >= 3 && n < cap)
				out[n++] = w;
		}
	return nd_sort_unique_u64(out, n);
}

/* Does token t of side x match some content token of y: same stem, a
 * shared lemma, or a shared WordNet synset? */
static bool soft_match(const nd_sim_side *x, size_t t, const nd_sim_side *y,
		       const uint64_t *ystems, size_t nys)
{
	const nd_sim_sense *a = &x->senses[t], *b;
	size_t j;

	if (has(ystems, nys, x->toks[t].stem_hash))
		return true;
	if (x->toks[t].flags & ND_SIM_NUM)
		return false;
	for (j = 0; j < y->n; j++) {
		if (y->toks[j].flags & (ND_SIM_STOP | ND_SIM_NUM))
			continue;
		b = &y->senses[j];
		if (nd_sorted_common_u64(x->pool + a->lemma_at, a->n_lemmas,
					 y->pool + b->lemma_at,
					 b->n_lemmas) ||
		    nd_sorted_common_u64(x->pool + a->syn_at, a->n_syns,
					 y->pool + b->syn_at, b->n_syns))
			return true;
	}
	return false;
}

/* Matching of one side's distinct content stems against the other's:
 * exactly (same stem) and softly (soft_match). */
typedef struct coverage {
	double weight, exact_weight, matched_weight;
	size_t words, exact, matched;
} coverage;

/* Is v new to seen[0..*n)? Then it is added. A linear search: a side's
 * distinct words are few, and they count in the order they come. */
static bool first_time(uint64_t *seen, size_t *n, uint64_t v)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (seen[i] == v)
			return false;
	seen[(*n)++] = v;
	return true;
}

static void cover(coverage *c, const nd_sim_side *x, const nd_sim_side *y,
		  const uint64_t *ystems, size_t nys, uint64_t *seen)
{
	size_t i, nseen = 0;
	const nd_sim_token *t;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < x->n; i++) {
		t = &x->toks[i];
		if ((t->flags & ND_SIM_STOP) ||
		    !first_time(seen, &nseen, t->stem_hash))
			continue;
		c->words++;
		c->weight += x->senses[i].weight;
		if (has(ystems, nys, t->stem_hash)) {
			c->exact++;
			c->exact_weight += x->senses[i].weight;
		}
		if (soft_match(x, i, y, ystems, nys)) {
			c->matched++;
			c->matched_weight += x->senses[i].weight;
		}
	}
}

static size_t numbers(uint64_t *out, const nd_sim_side *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		if (s->toks[i].flags & ND_SIM_NUM)
			out[n++] = s->toks[i].stem_hash;
	return nd_sort_unique_u64(out, n);
}

/* Capitalised words of x whose stem y lacks; ys holds y's stems. */
static size_t names_unmatched(const nd_sim_side *x, const uint64_t *ys,
			      size_t nys, uint64_t *seen)
{
	size_t i, n = 0, nseen = 0;
	uint64_t h;

	for (i = 0; i < x->n; i++) {
		h = x->toks[i].stem_hash;
		if (!(x->toks[i].flags & ND_SIM_CAP) ||
		    !first_time(seen, &nseen, h))
			continue;
		if (!has(ys, nys, h))
			n++;
	}
	return n;
}

static int negated(const nd_sim_side *s)
{
	size_t i;
	int odd = 0;

	for (i = 0; i < s->n; i++)
		if (s->toks[i].flags & ND_SIM_NEG)
			odd ^= 1;
	return odd;
}

/* Bytes of " w1 w2 ... ", the most trigrams it has. */
static size_t trigram_room(const nd_sim_side *s)
{
	size_t i, n = 2;

	for (i = 0; i < s->n; i++)
		n += s->toks[i].len + 1;
	return n;
}

static void lexical(double *f, const nd_sim_side *a, const nd_sim_side *b,
		    uint64_t *buf)
{
	uint64_t *sa = buf, *sb = sa + a->n, *ca = sb + b->n;
	uint64_t *cb = ca + a->n, *seen = cb + b->n;
	size_t nsa = stems(sa, a, ALL), nsb = stems(sb, b, ALL);
	size_t nca = stems(ca, a, ND_SIM_STOP), ncb = stems(cb, b, ND_SIM_STOP);
	size_t xu, yu; /* content words of a, of b, matched nowhere */
	coverage x, y;

	cover(&x, a, b, cb, ncb, seen);
	cover(&y, b, a, ca, nca, seen);
	xu = x.words - x.matched;
	yu = y.words - y.matched;
	f[ND_SIM_F_JAC_ALL] = jaccard(sa, nsa, sb, nsb);
	f[ND_SIM_F_CMAX] = fmax(ratio((double)x.exact, (double)nca),
				ratio((double)y.exact, (double)ncb));
	f[ND_SIM_F_CNT_DICE] = ratio(x.exact_weight + y.exact_weight,
				     x.weight + y.weight);
	f[ND_SIM_F_WN_CNT] = ratio(x.matched_weight + y.matched_weight,
				   x.weight + y.weight);
	f[ND_SIM_F_WN_CMIN] = fmin(ratio((double)x.matched, (double)x.words),
				   ratio((double)y.matched, (double)y.words));
	f[ND_SIM_F_WN_UNM] = (double)(xu + yu);
	f[ND_SIM_F_WN_UNMMAX] = (double)(xu > yu ? xu : yu);
	f[ND_SIM_F_NAME_UNM] = (double)(names_unmatched(a, sb, nsb, seen) +
					names_unmatched(b, sa, nsa, seen));
}

static void shape(double *f, const nd_sim_side *a, const nd_sim_side *b,
		  uint64_t *buf, size_t *row)
{
	uint64_t *ga = buf, *gb = ga + a->n;
	double pa[4], pb[4], sa[4], sb[4];
	size_t na = numbers(ga, a), nb = numbers(gb, b);
	size_t c = nd_sorted_common_u64(ga, na, gb, nb);
	size_t lo = a->n < b->n ? a->n : b->n, hi = a->n + b->n - lo, l;

	f[ND_SIM_F_NUM_UNM] = (double)(na + nb - 2 * c);
	f[ND_SIM_F_NUM_BOTHDIFF] = na && nb && (c != na || c != nb);
	f[ND_SIM_F_LEN_RATIO] = ratio((double)lo, (double)(hi ? hi : 1));
	f[ND_SIM_F_LEN_DIFF] = (double)(hi - lo);
	f[ND_SIM_F_NEG_MIS] = negated(a) != negated(b);
	precisions(pa, sa, a, b, ga, gb);
	precisions(pb, sb, b, a, gb, ga);
	f[ND_SIM_F_P1] = (pa[0] + pb[0]) / 2;
	f[ND_SIM_F_P2] = (pa[1] + pb[1]) / 2;
	f[ND_SIM_F_BLEU] = (bleu(sa) + bleu(sb)) / 2;
	l = lcs(a, b, row);
	f[ND_SIM_F_LCS_MIN] = ratio((double)l, (double)(lo ? lo : 1));
	f[ND_SIM_F_LCS_MAX] = ratio((double)l, (double)(hi ? hi : 1));
}

int nd_sim_features(double *f, const nd_sim_side *a, const nd_sim_side *b)
{
	size_t ta = trigram_room(a), tb = trigram_room(b), n;
	size_t words = 3 * (a->n + b->n), need;
	uint64_t *buf;
	size_t *row;

	/* Token counts are capped (ND_SIM_TOKENS_MAX), so none of this can
	 * overflow. */
	need = words > ta + tb ? words : ta + tb;
	buf = nd_calloc(need, sizeof(*buf));
	row = nd_calloc(b->n + 1, sizeof(*row));
	if (buf == NULL || row == NULL) {
		nd_free(buf);
		nd_free(row);
		return ND_ENOMEM;
	}
	lexical(f, a, b, buf);
	shape(f, a, b, buf, row);
	n = trigrams(buf, ta, a);
	f[ND_SIM_F_CHAR3] = jaccard(buf, n, buf + ta, trigrams(buf + ta, tb,
							       b));
	nd_free(buf);
	nd_free(row);
	return ND_OK;
}
