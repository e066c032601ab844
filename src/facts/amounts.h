/* Number facts of one article: money ("$25 million", "US$40 million",
 * "40 million dollars", "€3bn"), percentages ("38%", "38 per cent"),
 * quantities with a unit of measure or time ("7,000 km", "1,130-kilometre",
 * "1.05 kg", "20-year", "30 years"), dates (dates.h) and counts of
 * something ("three times", "tens of thousands of Russians", "12-point").
 * Each gets a normalised value that groups it across articles:
 * "25000000 USD", "38 %", "7000 km", "2023-02-28", "30 year",
 * "10000s russian". */
#ifndef ND_FACTS_AMOUNTS_H
#define ND_FACTS_AMOUNTS_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint32_t */

#include "core/buf.h"
#include "facts/fstory.h"

/* Longest normalised value. */
#define ND_FACT_VALUE_MAX 96

typedef struct nd_rawfact {
	nd_fact_kind kind;
	uint32_t doc;         /* story position */
	uint32_t off, len;    /* as written */
	uint32_t sent;        /* sentence of d */
	uint32_t value, vlen; /* normalised value in the pool */
} nd_rawfact;

typedef struct nd_rawfacts {
	nd_rawfact *f;
	size_t n, cap;
	nd_buf pool; /* values, NUL-separated */
} nd_rawfacts;

/* An empty list whose value pool is capped at ND_FX_MAX_POOL. */
void nd_rawfacts_init(nd_rawfacts *rf);
/* Frees the list; rf is empty afterwards. */
void nd_rawfacts_dispose(nd_rawfacts *rf);
/* Appends the number facts of story document k, in text order. A weekday
 * is the day it was, read against the article's date. 0, ND_ETOOBIG
 * or ND_ENOMEM. */
int nd_amounts_scan(nd_rawfacts *rf, nd_fstory *st, uint32_t k);

#endif
