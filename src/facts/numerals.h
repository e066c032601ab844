/* Numbers as written in news text: "7,000", "2.60", "forty",
 * "thirty-eight", "one hundred and five", "25 million", "3bn" and the
 * vague "tens of thousands". */
#ifndef ND_FACTS_NUMERALS_H
#define ND_FACTS_NUMERALS_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "facts/fstory.h"

typedef struct nd_numeral {
	double value;
	size_t end;    /* token past the number and its multiplier */
	bool worded;   /* written in words */
	bool approx;   /* "tens of thousands": value is the order */
	bool plain;    /* digits only, no separator: "2019" */
	int mult;      /* power of ten of a multiplier word read, else 0 */
	bool lakh;     /* the multiplier was lakh or crore */
	double base;   /* the value before the multiplier */
} nd_numeral;

/* Reads the number starting at token i of d (tokens up to end). False
 * when none starts there or it is too long to be a quantity. */
bool nd_numeral_read(nd_numeral *out, nd_fstory *st, const nd_doc *d,
		     size_t i, size_t end);
/* Writes v as a plain decimal: "25000000", "2.6". */
void nd_numeral_format(char *out, size_t size, double v);

/* 10 to the power e, for scales ("million" = 6) and decimals (-2). */
double nd_numeral_pow10(int e);

#endif
