/* fit_similar: fits the weights of the paraphrase model (src/similar/)
 * and estimates how well it generalises.
 *
 *   fit_similar [--wordnet DIR] [--cv K] [--drop NAME,...] < pairs.tsv
 *
 * pairs.tsv holds "LABEL<TAB>ID1<TAB>ID2<TAB>TEXT1<TAB>TEXT2" lines, LABEL
 * 1 for a paraphrase (tools/eval/msrp_tsv writes them). The model is a
 * logistic regression on standardised features, fitted by Newton's method
 * (iteratively reweighted least squares) with a small L2 penalty; the
 * threshold is the one that maximises accuracy on the pairs it was fitted
 * on. Without --cv, fits on all pairs and prints the weights as the C
 * initializer of src/similar/model.c, with their training accuracy and F1.
 * With --cv K, prints instead the mean accuracy and F1 of K-fold cross-
 * validation (fit on K-1 folds, threshold tuned there, score the held-out
 * fold) over 5 fixed shuffles of the folds, beside the same for a tuned
 * threshold on the stem Jaccard alone. --drop leaves the named features
 * out (their weights come out 0), to see what each is worth. Exit status
 * 0, 1 for bad lines (named on stderr), 2 for usage or a missing
 * WordNet. */
#include <math.h>   /* exp, fabs, pow, sqrt */
#include <stdio.h>  /* getline, printf */
#include <stdlib.h> /* exit, free, qsort, strtoul */
#include <string.h> /* memset, strchr, strcmp, strcspn, strlen, strncmp */

#include "core/alloc.h"
#include "similar/similar.h"

/* L2 penalty on the standardised weights (not the bias). */
#define L2 0.01
#define ITERATIONS 50
#define NP (ND_SIM_NFEAT + 1) /* weights and bias */
/* Shuffles of the folds that cross-validation averages over. */
#define SHUFFLES 5

typedef struct data {
	double *x; /* n rows of ND_SIM_NFEAT */
	int *y;
	size_t n, cap;
} data;

typedef struct figures {
	double acc, f1;
} figures;

/* A tool, not the library: running out of memory ends the run, rather
 * than a half-fitted model or a figure over fewer folds printed. */
static void out_of_memory(void)
{
	fputs("fit_similar: out of memory\n", stderr);
	exit(2);
}

/* nd_calloc of at least one element, or the end of the run. */
static void *zalloc(size_t n, size_t size)
{
	void *p = nd_calloc(n ? n : 1, size);

	if (p == NULL)
		out_of_memory();
	return p;
}

/* Reads the pairs of stdin into d. Returns the exit status so far. */
static int read_pairs(data *d, nd_similar *s)
{
	char *line = NULL, *f[5], *p;
	size_t cap = 0, lineno = 0, k;
	ssize_t len;
	int status = 0;

	while ((len = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		for (k = 0, p = line; k < 5 && p; k++) {
			f[k] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (k < 5 || p || (strcmp(f[0], "0") && strcmp(f[0], "1"))) {
			fprintf(stderr, "fit_similar: line %zu: not LABEL, "
				"two ids and two texts\n", lineno);
			status = 1;
			continue;
		}
		if (nd_array_reserve((void **)&d->y, &d->cap, d->n + 1,
				     sizeof(int)) ||
		    (d->x = nd_reallocarray(d->x, d->cap, sizeof(double) *
					    ND_SIM_NFEAT)) == NULL)
			out_of_memory();
		if (nd_similar_features(d->x + d->n * ND_SIM_NFEAT, s, f[3],
					strlen(f[3]), f[4], strlen(f[4]))) {
			fprintf(stderr, "fit_similar: line %zu: %s\n", lineno,
				nd_similar_error(s));
			status = 1;
			continue;
		}
		d->y[d->n++] = f[0][0] == '1';
	}
	free(line);
	return status;
}

/* Zeroes the features named in the comma-separated list in every row;
 * -1 for an unknown name. */
static int drop(data *d, const char *list)
{
	const char *p = list;
	size_t r, n;
	int j;

	while (*p) {
		n = strcspn(p, ",");
		for (j = 0; j < ND_SIM_NFEAT; j++)
			if (strlen(nd_sim_feature_name(j)) == n &&
			    strncmp(nd_sim_feature_name(j), p, n) == 0)
				break;
		if (j == ND_SIM_NFEAT)
			return -1;
		for (r = 0; r < d->n; r++)
			d->x[r * ND_SIM_NFEAT + j] = 0;
		p += n + (p[n] == ',');
	}
	return 0;
}

/* Solves a x = b (NP x NP, destroyed) by Gaussian elimination with
 * partial pivoting; b becomes x. */
static void solve(double a[NP][NP], double *b)
{
	int i, j, k, piv;
	double t;

	for (i = 0; i < NP; i++) {
		piv = i;
		for (k = i + 1; k < NP; k++)
			if (fabs(a[k][i]) > fabs(a[piv][i]))
				piv = k;
		for (j = 0; j < NP; j++) {
			t = a[i][j];
			a[i][j] = a[piv][j];
			a[piv][j] = t;
		}
		t = b[i];
		b[i] = b[piv];
		b[piv] = t;
		for (k = i + 1; k < NP; k++) {
			t = a[k][i] / a[i][i];
			for (j = i; j < NP; j++)
				a[k][j] -= t * a[i][j];
			b[k] -= t * b[i];
		}
	}
	for (i = NP - 1; i >= 0; i--) {
		for (j = i + 1; j < NP; j++)
			b[i] -= a[i][j] * b[j];
		b[i] /= a[i][i];
	}
}

/* Row r of d standardised by mean mu and spread sd, bias term last. */
static void row(double *z, const data *d, size_t r, const double *mu,
		const double *sd)
{
	int j;

	for (j = 0; j < ND_SIM_NFEAT; j++)
		z[j] = (d->x[r * ND_SIM_NFEAT + j] - mu[j]) / sd[j];
	z[ND_SIM_NFEAT] = 1;
}

/* Fits model on the rows r of d with use[r] set. */
static void fit(nd_sim_model *model, const data *d, const char *use)
{
	double mu[ND_SIM_NFEAT] = { 0 }, sd[ND_SIM_NFEAT] = { 0 };
	double w[NP] = { 0 }, g[NP], h[NP][NP], z[NP], p, m = 0;
	size_t r;
	int i, j, it;

	for (r = 0; r < d->n; r++)
		if (use[r])
			for (m++, j = 0; j < ND_SIM_NFEAT; j++)
				mu[j] += d->x[r * ND_SIM_NFEAT + j];
	for (j = 0; j < ND_SIM_NFEAT; j++)
		mu[j] /= m;
	for (r = 0; r < d->n; r++)
		for (j = 0; use[r] && j < ND_SIM_NFEAT; j++)
			sd[j] += pow(d->x[r * ND_SIM_NFEAT + j] - mu[j], 2);
	for (j = 0; j < ND_SIM_NFEAT; j++)
		sd[j] = sd[j] > 0 ? sqrt(sd[j] / m) : 1;
	for (it = 0; it < ITERATIONS; it++) {
		memset(h, 0, sizeof(h));
		for (i = 0; i < NP; i++)
			g[i] = i < ND_SIM_NFEAT ? -L2 * w[i] : 0;
		for (i = 0; i < ND_SIM_NFEAT; i++)
			h[i][i] = L2;
		for (r = 0; r < d->n; r++) {
			if (!use[r])
				continue;
			row(z, d, r, mu, sd);
			for (p = 0, i = 0; i < NP; i++)
				p += w[i] * z[i];
			p = 1 / (1 + exp(-p));
			for (i = 0; i < NP; i++) {
				g[i] += (d->y[r] - p) * z[i];
				for (j = 0; j < NP; j++)
					h[i][j] += p * (1 - p) * z[i] * z[j];
			}
		}
		solve(h, g);
		for (p = 0, i = 0; i < NP; i++) {
			w[i] += g[i];
			p += fabs(g[i]);
		}
		if (p < 1e-10)
			break;
	}
	/* Back to the raw features, so that the model needs no means. */
	model->bias = w[ND_SIM_NFEAT];
	for (j = 0; j < ND_SIM_NFEAT; j++) {
		model->weight[j] = w[j] / sd[j];
		model->bias -= w[j] * mu[j] / sd[j];
	}
}

typedef struct scored {
	double s;
	int y;
} scored;

static int by_score(const void *a, const void *b)
{
	double x = ((const scored *)a)->s, y = ((const scored *)b)->s;

	return x < y ? -1 : x > y;
}

/* The threshold over scores v[0..n) that classifies most of them right,
 * midway between two neighbouring scores; sorts v. */
static double best_threshold(scored *v, size_t n)
{
	size_t i, above = 0, neg_below = 0, best = 0;
	double t = 0.5;

	qsort(v, n, sizeof(*v), by_score);
	for (i = 0; i < n; i++)
		above += v[i].y;
	/* Cut before v[i]: v[0..i) say no, v[i..n) say paraphrase. */
	for (i = 0; i <= n; i++) {
		int cut = i == 0 || i == n || v[i - 1].s < v[i].s;

		if (cut && neg_below + above > best) {
			best = neg_below + above;
			t = i == 0 ? v[0].s - 1e-9 : i == n ?
				v[n - 1].s + 1e-9 : (v[i - 1].s + v[i].s) / 2;
		}
		if (i < n && v[i].y)
			above--;
		else if (i < n)
			neg_below++;
	}
	return t;
}

/* Feature j's value, or the model's score when j < 0. */
static double value(const data *d, size_t r, const nd_sim_model *m, int j)
{
	const double *x = d->x + r * ND_SIM_NFEAT;

	return j < 0 ? nd_sim_model_score(m, x) : x[j];
}

/* Tunes model->threshold on the rows with use[r] == want. */
static void tune(nd_sim_model *m, const data *d, const char *use, int want,
		 int j)
{
	scored *v = zalloc(d->n, sizeof(*v));
	size_t r, n = 0;

	for (r = 0; r < d->n; r++)
		if (!!use[r] == want) {
			v[n].s = value(d, r, m, j);
			v[n++].y = d->y[r];
		}
	m->threshold = best_threshold(v, n);
	nd_free(v);
}

/* Accuracy and F1 of the paraphrase class on rows with use[r] == want. */
static figures judge(const data *d, const nd_sim_model *m, const char *use,
		     int want, int j)
{
	size_t r, tp = 0, fp = 0, fn = 0, right = 0, n = 0;
	figures fg;
	int say;

	for (r = 0; r < d->n; r++) {
		if (!!use[r] != want)
			continue;
		n++;
		say = value(d, r, m, j) >= m->threshold;
		right += say == d->y[r];
		tp += say && d->y[r];
		fp += say && !d->y[r];
		fn += !say && d->y[r];
	}
	fg.acc = n ? (double)right / (double)n : 0;
	fg.f1 = tp ? 2.0 * (double)tp / (double)(2 * tp + fp + fn) : 0;
	return fg;
}

static void print_model(const nd_sim_model *m, size_t n, figures fg)
{
	int j;

	printf("/* fitted on %zu pairs: training accuracy %.4f, F1 %.4f */\n",
	       n, fg.acc, fg.f1);
	printf("const nd_sim_model nd_sim_shipped = {\n\t%.6f,\n\t{\n",
	       m->bias);
	for (j = 0; j < ND_SIM_NFEAT; j++)
		printf("\t\t%+.6f, /* %s */\n", m->weight[j],
		       nd_sim_feature_name(j));
	printf("\t},\n\t%.6f\n};\n", m->threshold);
}

/* K-fold cross-validation of the model (j < 0) or of feature j alone. */
static figures cross_validate(const data *d, const char *fold, int k, int j)
{
	figures sum = { 0, 0 }, fg;
	nd_sim_model m = { 0, { 0 }, 0 };
	char *use = zalloc(d->n, 1);
	size_t r;
	int f;

	for (f = 0; f < k; f++) {
		for (r = 0; r < d->n; r++)
			use[r] = fold[r] != f;
		if (j < 0)
			fit(&m, d, use);
		tune(&m, d, use, 1, j);
		fg = judge(d, &m, use, 0, j);
		sum.acc += fg.acc / k;
		sum.f1 += fg.f1 / k;
	}
	nd_free(use);
	return sum;
}

/* Deals the n rows into k folds after a shuffle fixed by seed. */
static void folds(char *fold, size_t n, int k, unsigned seed)
{
	size_t *order = zalloc(n, sizeof(*order)), i, j, t;
	unsigned long long x = 20061234567ULL + seed;

	for (i = 0; i < n; i++)
		order[i] = i;
	for (i = n; i > 1; i--) { /* Fisher-Yates with a fixed LCG */
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		j = (size_t)((x >> 33) % i);
		t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	for (i = 0; i < n; i++)
		fold[order[i]] = (char)(i % (size_t)k);
	nd_free(order);
}

/* Mean accuracy and F1 of k-fold cross-validation over SHUFFLES
 * shuffles of the folds, with the lowest and highest accuracy of a
 * shuffle: one split's luck shows in the spread. */
static void repeated_cv(const data *d, char *fold, int k, int j,
			const char *what)
{
	figures fg, sum = { 0, 0 };
	double lo = 1, hi = 0;
	unsigned s;

	for (s = 0; s < SHUFFLES; s++) {
		folds(fold, d->n, k, s);
		fg = cross_validate(d, fold, k, j);
		sum.acc += fg.acc / SHUFFLES;
		sum.f1 += fg.f1 / SHUFFLES;
		lo = fg.acc < lo ? fg.acc : lo;
		hi = fg.acc > hi ? fg.acc : hi;
	}
	printf("%-7s %d-fold CV on %zu pairs, mean of %d shuffles: accuracy "
	       "%.4f (%.4f-%.4f) F1 %.4f\n", what, k, d->n, SHUFFLES,
	       sum.acc, lo, hi, sum.f1);
}

static int usage(void)
{
	fputs("usage: fit_similar [--wordnet DIR] [--cv K (2 to 100)] "
	      "[--drop NAME,...] < pairs.tsv\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *wordnet = NULL, *dropped = NULL;
	nd_sim_model m = { 0, { 0 }, 0 };
	data d = { NULL, NULL, 0, 0 };
	nd_similar *s = NULL;
	char *use, *end = NULL;
	unsigned long cv;
	figures fg;
	int i, k = 0, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--wordnet") == 0 && i + 1 < argc) {
			wordnet = argv[++i];
		} else if (strcmp(argv[i], "--drop") == 0 && i + 1 < argc) {
			dropped = argv[++i];
		} else if (strcmp(argv[i], "--cv") == 0 && i + 1 < argc) {
			/* In range before the cast, so that no huge
			 * count wraps into it. */
			cv = strtoul(argv[++i], &end, 10);
			if (*end || cv < 2 || cv > 100)
				return usage();
			k = (int)cv;
		} else {
			return usage();
		}
	}
	if (nd_similar_create(&s, wordnet) != ND_OK) {
		fprintf(stderr, "fit_similar: %s\n", nd_similar_error(s));
		nd_similar_free(s);
		return 2;
	}
	status = read_pairs(&d, s);
	nd_similar_free(s);
	if (dropped && drop(&d, dropped)) {
		fprintf(stderr, "fit_similar: --drop: unknown feature in "
			"'%s'\n", dropped);
		return 2;
	}
	if (d.n == 0) {
		fprintf(stderr, "fit_similar: no pairs\n");
		return 2;
	}
	use = zalloc(d.n, 1);
	if (k) {
		repeated_cv(&d, use, k, -1, "model");
		repeated_cv(&d, use, k, ND_SIM_F_JAC_ALL, "jaccard");
		memset(use, 1, d.n);
		tune(&m, &d, use, 1, ND_SIM_F_JAC_ALL);
		fg = judge(&d, &m, use, 1, ND_SIM_F_JAC_ALL);
		printf("jaccard tuned on all %zu pairs (threshold %.3f): "
		       "accuracy %.4f F1 %.4f\n", d.n, m.threshold, fg.acc,
		       fg.f1);
	} else {
		memset(use, 1, d.n);
		fit(&m, &d, use);
		tune(&m, &d, use, 1, -1);
		print_model(&m, d.n, judge(&d, &m, use, 1, -1));
	}
	nd_free(use);
	nd_free(d.x);
	nd_free(d.y);
	return status;
}
