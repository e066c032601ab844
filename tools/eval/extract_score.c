#include "extract_score.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memchr, memcmp */
#include <utf8proc.h>

#include "core/alloc.h"
#include "core/error.h"
#include "core/utf8.h"

bool nd_eval_is_word(int32_t cp)
{
	if (cp == '_')
		return true;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

bool nd_eval_is_space(int32_t cp)
{
	return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) ||
	       cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int nd_eval_tokenize(nd_eval_tokens *out, const char *s, size_t len)
{
	const char *p = s, *end = s + len, *start = NULL;

	out->n = 0;
	while (p < end) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);
		bool word = !invalid && nd_eval_is_word(cp);

		if (word && start == NULL)
			start = at;
		if (!word && start != NULL) {
			nd_eval_token t = { start, (size_t)(at - start) };

			if (ND_ARRAY_PUSH(out->v, out->n, out->cap, t))
				return ND_ENOMEM;
			start = NULL;
		}
	}
	if (start != NULL) {
		nd_eval_token t = { start, (size_t)(end - start) };

		if (ND_ARRAY_PUSH(out->v, out->n, out->cap, t))
			return ND_ENOMEM;
	}
	return ND_OK;
}

void nd_eval_tokens_dispose(nd_eval_tokens *t)
{
	nd_free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

static int token_cmp(const nd_eval_token *a, const nd_eval_token *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->p, b->p, n);

	if (c != 0)
		return c;
	return (a->len > b->len) - (a->len < b->len);
}

bool nd_eval_tokens_equal(const nd_eval_tokens *a, const nd_eval_tokens *b)
{
	size_t i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (token_cmp(&a->v[i], &b->v[i]) != 0)
			return false;
	return true;
}

/* A shingle: n consecutive tokens starting at t. */
typedef struct shingle {
	const nd_eval_token *t;
	size_t n;
} shingle;

static int shingle_cmp(const void *pa, const void *pb)
{
	const shingle *a = pa, *b = pb;
	size_t i, n = a->n < b->n ? a->n : b->n;
	int c;

	for (i = 0; i < n; i++)
		if ((c = token_cmp(&a->t[i], &b->t[i])) != 0)
			return c;
	return (a->n > b->n) - (a->n < b->n);
}

/* The shingles of t, sorted so that equal ones sit together. */
static int shingles(shingle **out, size_t *count, const nd_eval_tokens *t)
{
	size_t n = 0, i;

	*out = NULL;
	*count = 0;
	if (t->n == 0)
		return ND_OK;
	n = t->n < ND_EVAL_SHINGLE ? 1 : t->n - ND_EVAL_SHINGLE + 1;
	*out = nd_reallocarray(NULL, n, sizeof(**out));
	if (*out == NULL)
		return ND_ENOMEM;
	for (i = 0; i < n; i++) {
		(*out)[i].t = &t->v[i];
		(*out)[i].n = t->n < ND_EVAL_SHINGLE ? t->n : ND_EVAL_SHINGLE;
	}
	qsort(*out, n, sizeof(**out), shingle_cmp);
	*count = n;
	return ND_OK;
}

/* Length of the run of shingles equal to key at v[i..n). */
static size_t run(const shingle *v, size_t i, size_t n, const shingle *key)
{
	size_t j = i;

	while (j < n && shingle_cmp(&v[j], key) == 0)
		j++;
	return j - i;
}

int nd_eval_shingle_counts(size_t *tp, size_t *fp, size_t *fn,
			   const nd_eval_tokens *truth,
			   const nd_eval_tokens *pred)
{
	shingle *a = NULL, *b = NULL;
	size_t na = 0, nb = 0, i = 0, j = 0;
	int rc;

	*tp = *fp = *fn = 0;
	if ((rc = shingles(&a, &na, truth)) != ND_OK ||
	    (rc = shingles(&b, &nb, pred)) != ND_OK)
		goto done;
	/* A merge of the two sorted lists, one distinct shingle at a time. */
	while (i < na || j < nb) {
		int c = i == na ? 1 : j == nb ? -1 : shingle_cmp(&a[i], &b[j]);
		const shingle *key = c <= 0 ? &a[i] : &b[j];
		size_t ca = c <= 0 ? run(a, i, na, key) : 0;
		size_t cb = c >= 0 ? run(b, j, nb, key) : 0;
		size_t both = ca < cb ? ca : cb;

		*tp += both;
		*fn += ca - both;
		*fp += cb - both;
		i += ca;
		j += cb;
	}
done:
	nd_free(a);
	nd_free(b);
	return rc;
}

void nd_eval_page_score(nd_eval_page *out, size_t tp, size_t fp, size_t fn)
{
	double sum = (double)tp + (double)fp + (double)fn;

	out->tp = sum > 0 ? (double)tp / sum : 0.0;
	out->fp = sum > 0 ? (double)fp / sum : 0.0;
	out->fn = sum > 0 ? (double)fn / sum : 0.0;
	if (fp == 0 && fn == 0) {
		out->precision = out->recall = 1.0;
	} else {
		out->precision = tp == 0 && fp == 0
					 ? 0.0
					 : out->tp / (out->tp + out->fp);
		out->recall = tp == 0 && fn == 0
				      ? 0.0
				      : out->tp / (out->tp + out->fn);
	}
	out->counts_precision = tp + fp > 0;
	out->counts_recall = tp + fn > 0;
}

void nd_eval_corpus_add(nd_eval_corpus *c, const nd_eval_page *page,
			bool exact)
{
	if (page->counts_precision) {
		c->precision_sum += page->precision;
		c->precision_n++;
	}
	if (page->counts_recall) {
		c->recall_sum += page->recall;
		c->recall_n++;
	}
	c->exact += exact;
	c->pages++;
}

static double ratio(double num, double den)
{
	return den > 0 ? num / den : 0.0;
}

void nd_eval_corpus_result(nd_eval_result *out, const nd_eval_corpus *c)
{
	double p = ratio(c->precision_sum, (double)c->precision_n);
	double r = ratio(c->recall_sum, (double)c->recall_n);

	out->precision = p;
	out->recall = r;
	out->f1 = ratio(2 * p * r, p + r);
	out->accuracy = ratio((double)c->exact, (double)c->pages);
}

int nd_eval_squash(nd_buf *out, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	bool gap = false; /* spaces seen since the last character kept */
	size_t start = out->len;
	int rc = ND_OK;

	while (p < end && rc == ND_OK) {
		const char *at = p;
		bool invalid;
		int32_t cp = nd_utf8_decode_checked(&p, end, &invalid);

		if (!invalid && nd_eval_is_space(cp)) {
			gap = true;
			continue;
		}
		if (gap && out->len > start)
			rc = nd_buf_putc(out, ' ');
		gap = false;
		if (rc == ND_OK)
			rc = nd_buf_put(out, at, (size_t)(p - at));
	}
	return rc;
}

/* The first n[0..nn) in h[0..hn), or NULL; memmem is not C11. */
static const char *find(const char *h, size_t hn, const char *n, size_t nn)
{
	const char *p = h, *end = h + hn;

	if (nn == 0)
		return h;
	while (nn <= (size_t)(end - p)) {
		p = memchr(p, n[0], (size_t)(end - p) - nn + 1);
		if (p == NULL)
			return NULL;
		if (memcmp(p, n, nn) == 0)
			return p;
		p++;
	}
	return NULL;
}

void nd_eval_snippet_add(nd_eval_snippets *s, const char *text, size_t len,
			 const char *snip, size_t n, bool wanted)
{
	bool found = find(text, len, snip, n) != NULL;

	if (wanted) {
		s->tp += found;
		s->fn += !found;
	} else {
		s->fp += found;
		s->tn += !found;
	}
}

void nd_eval_snippets_result(nd_eval_result *out, const nd_eval_snippets *s)
{
	double tp = (double)s->tp, fp = (double)s->fp, fn = (double)s->fn;
	double tn = (double)s->tn;

	out->precision = ratio(tp, tp + fp);
	out->recall = ratio(tp, tp + fn);
	out->accuracy = ratio(tp + tn, tp + fp + fn + tn);
	out->f1 = ratio(2 * tp, 2 * tp + fp + fn);
}

const char *nd_eval_clean_body(const char *text, size_t len, size_t *n)
{
	const char *gap = find(text, len, "\n\n", 2);

	if (gap == NULL) {
		*n = len;
		return text;
	}
	*n = len - (size_t)(gap + 2 - text);
	return gap + 2;
}
