#include "cluster_score.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/error.h"
#include "core/sorted.h"

/* Pairs among n. */
static double pairs(double n)
{
	return n * (n - 1) / 2;
}

static double ratio(double a, double b)
{
	return b > 0 ? a / b : 1;
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* Sizes of the clusters of sorted[0..n), the label in the high 32 bits:
 * out[i] gets the size of item i's cluster. Returns how many there are. */
static size_t sizes(double *out, const uint64_t *sorted, size_t n)
{
	size_t i, j, k, groups = 0;

	for (i = 0; i < n; i = j) {
		for (j = i; j < n && sorted[j] >> 32 == sorted[i] >> 32; j++)
			;
		for (k = i; k < j; k++)
			out[k] = (double)(j - i);
		groups++;
	}
	return groups;
}

int nd_cluster_score(nd_cluster_scores *out, const uint32_t *gold,
		     const uint32_t *pred, size_t n)
{
	uint64_t *by_gold = nd_calloc(n + 1, sizeof(uint64_t));
	uint64_t *by_pred = nd_calloc(n + 1, sizeof(uint64_t));
	double *a = nd_calloc(n + 1, sizeof(double));
	double *b = nd_calloc(n + 1, sizeof(double));
	double tp = 0, gold_pairs = 0, pred_pairs = 0, b3p = 0, b3r = 0;
	double expected, top;
	size_t i, j;
	int rc = ND_ENOMEM;

	memset(out, 0, sizeof(*out));
	if (!by_gold || !by_pred || !a || !b)
		goto done;
	/* Sorted by (gold, pred) and by (pred, gold): runs of one label give
	 * the cluster sizes, runs of both the contingency cells. */
	for (i = 0; i < n; i++) {
		by_gold[i] = (uint64_t)gold[i] << 32 | pred[i];
		by_pred[i] = (uint64_t)pred[i] << 32 | gold[i];
	}
	nd_sort_u64(by_gold, n);
	nd_sort_u64(by_pred, n);
	out->items = n;
	out->gold_clusters = sizes(a, by_gold, n);
	out->pred_clusters = sizes(b, by_pred, n);
	for (i = 0; i < n; i = j) {
		double cell;
		size_t k;

		for (j = i; j < n && by_gold[j] == by_gold[i]; j++)
			;
		cell = (double)(j - i);
		/* The predicted cluster's size, at its first item in by_pred's
		 * order. */
		k = nd_sorted_lower_u64(by_pred, n,
					(by_gold[i] & UINT32_MAX) << 32);
		tp += pairs(cell);
		b3p += cell * cell / b[k];
		b3r += cell * cell / a[i];
	}
	for (i = 0; i < n; i++) {
		gold_pairs += (a[i] - 1) / 2; /* a cluster of s: s items of */
		pred_pairs += (b[i] - 1) / 2; /* (s - 1) / 2 pairs each */
	}
	out->pair_p = ratio(tp, pred_pairs);
	out->pair_r = ratio(tp, gold_pairs);
	out->pair_f1 = f1(out->pair_p, out->pair_r);
	out->b3_p = n ? b3p / (double)n : 1;
	out->b3_r = n ? b3r / (double)n : 1;
	out->b3_f1 = f1(out->b3_p, out->b3_r);
	expected = n > 1 ? gold_pairs * pred_pairs / pairs((double)n) : 0;
	top = (gold_pairs + pred_pairs) / 2 - expected;
	out->ari = top != 0 ? (tp - expected) / top : 1;
	rc = ND_OK;
done:
	nd_free(by_gold);
	nd_free(by_pred);
	nd_free(a);
	nd_free(b);
	return rc;
}
