#include "digest/digest_internal.h"

#include <stdlib.h> /* qsort */

#include "core/alloc.h"

/* Day of an ISO 8601 date at the start of text ("2025-03-14..."), as
 * yyyymmdd, or -1. Days, not instants: reports of one day keep their
 * lead-first order instead of following the minute they went out. */
static long iso_day(const char *text)
{
	long y = 0, m = 0, d = 0;
	int i;

	if (text == NULL)
		return -1;
	for (i = 0; i < 10; i++) {
		char ch = text[i];

		if (i == 4 || i == 7) {
			if (ch != '-')
				return -1;
			continue;
		}
		if (ch < '0' || ch > '9')
			return -1;
		if (i < 4)
			y = y * 10 + (ch - '0');
		else if (i < 7)
			m = m * 10 + (ch - '0');
		else
			d = d * 10 + (ch - '0');
	}
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return y * 10000 + m * 100 + d;
}

typedef struct key {
	long day;
	double rel; /* sentence index / sentence count in its article */
	size_t g;   /* story sentence: member order, then index */
	nd_dtrim form; /* its form, carried along */
} key;

static int cmp_key(const void *a, const void *b)
{
	const key *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->rel != y->rel)
		return x->rel < y->rel ? -1 : 1;
	return x->g < y->g ? -1 : x->g > y->g;
}

/* Reading order: by where each sentence sits in its own article, so leads
 * come before background; by publication day first when every chosen
 * sentence's article is dated. */
int nd_digest_order(size_t *chosen, nd_dtrim *forms, size_t n,
		    const nd_dstory *s)
{
	key *k = NULL;
	bool dated = s->c->published != NULL;
	size_t i;

	if (n < 2)
		return ND_OK;
	k = nd_calloc(n, sizeof(*k));
	if (k == NULL)
		return ND_ENOMEM;
	for (i = 0; i < n && dated; i++) {
		size_t m = s->smember[chosen[i]];

		dated = iso_day(s->c->published[s->members[m]]) >= 0;
	}
	for (i = 0; i < n; i++) {
		size_t sent, m = s->smember[chosen[i]];
		const nd_doc *d = nd_dstory_doc(s, chosen[i], &sent);

		k[i].day = dated ? iso_day(s->c->published[s->members[m]]) : 0;
		k[i].rel = (double)sent / (double)d->nsents;
		k[i].g = chosen[i];
		k[i].form = forms[i];
	}
	qsort(k, n, sizeof(*k), cmp_key);
	for (i = 0; i < n; i++) {
		chosen[i] = k[i].g;
		forms[i] = k[i].form;
	}
	nd_free(k);
	return ND_OK;
}
