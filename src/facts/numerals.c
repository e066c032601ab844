#include "facts/numerals.h"

#include <math.h>   /* pow, fabs, llround */
#include <stdio.h>  /* snprintf */
#include <string.h> /* memset, strlen */

/* More digits than this is a phone number or an id, not a quantity. */
#define MAX_DIGITS 15

double nd_numeral_pow10(int e)
{
	return pow(10.0, (double)e);
}

/* "7,000" or "2.60": commas group thousands, a period is decimal. */
static bool read_digits(nd_numeral *out, const char *p, size_t n)
{
	double v = 0.0, scale = 0.0;
	size_t i, digits = 0;
	bool sep = false;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (c >= '0' && c <= '9') {
			if (++digits > MAX_DIGITS)
				return false;
			if (scale > 0.0) {
				v += (c - '0') * scale;
				scale /= 10.0;
			} else {
				v = v * 10.0 + (c - '0');
			}
		} else if (c == ',' && scale == 0.0) {
			sep = true;
		} else if (c == '.' && scale == 0.0) {
			sep = true;
			scale = 0.1;
		} else {
			return false;
		}
	}
	out->value = v;
	out->plain = !sep;
	return digits > 0;
}

/* Multipliers written short after digits: "3bn", "25 mln". */
static int short_multiplier(nd_fstory *st, const nd_doc *d, size_t j)
{
	if (nd_fstory_is(st, d, j, "bn") || nd_fstory_is(st, d, j, "bln"))
		return 9;
	if (nd_fstory_is(st, d, j, "mn") || nd_fstory_is(st, d, j, "mln"))
		return 6;
	if (nd_fstory_is(st, d, j, "tn") || nd_fstory_is(st, d, j, "trn"))
		return 12;
	return 0;
}

static void multiply(nd_numeral *out, int power, bool lakh)
{
	out->base = out->value;
	out->value *= nd_numeral_pow10(power);
	out->mult = power;
	out->lakh = lakh;
}

/* "one hundred and five", "thirty-eight", "two million". */
static bool read_words(nd_numeral *out, nd_fstory *st, const nd_doc *d,
		       size_t i, size_t end)
{
	double total = 0.0, cur = 0.0;
	bool any = false, after_mult = false;
	size_t j;

	for (j = i; j < end; j++) {
		nd_lex l;

		if (j > i) {
			nd_gap g = nd_fstory_gap(d, j - 1);

			if (g != ND_GAP_SPACE && g != ND_GAP_HYPHEN)
				break;
		}
		l = nd_fstory_lex(st, d, j);
		if (!(l.cls & ND_LEX_NUMWORD)) {
			if (any && after_mult && j + 1 < end &&
			    nd_fstory_is(st, d, j, "and") &&
			    (nd_fstory_lex(st, d, j + 1).cls &
			     ND_LEX_NUMWORD) &&
			    nd_fstory_lex(st, d, j + 1).aux > 0)
				continue;
			break;
		}
		if (l.aux > 0) {
			cur += l.aux;
			after_mult = false;
		} else if (l.aux == -2) {
			cur = (cur > 0.0 ? cur : 1.0) * 100.0;
			after_mult = true;
		} else {
			total += (cur > 0.0 ? cur : 1.0) * nd_numeral_pow10(-l.aux);
			cur = 0.0;
			after_mult = true;
			if (l.aux == -5 || l.aux == -7)
				out->lakh = true;
		}
		any = true;
	}
	if (!any || total + cur <= 0.0)
		return false;
	out->value = total + cur;
	out->base = out->value;
	out->worded = true;
	out->end = j;
	return true;
}

bool nd_numeral_read(nd_numeral *out, nd_fstory *st, const nd_doc *d,
		     size_t i, size_t end)
{
	const nd_token *t = &d->toks[i];
	nd_lex l;

	memset(out, 0, sizeof(*out));
	if (t->flags & ND_TOK_NUMBER) {
		size_t j = i + 1;

		if (!read_digits(out, d->text + t->off, t->len))
			return false;
		out->base = out->value;
		if (j < end) {
			nd_gap g = nd_fstory_gap(d, i);
			nd_lex m = nd_fstory_lex(st, d, j);
			int sm;

			if (g == ND_GAP_SPACE && (m.cls & ND_LEX_NUMWORD) &&
			    m.aux < 0) {
				multiply(out, -m.aux,
					 m.aux == -5 || m.aux == -7);
				j++;
			} else if ((g == ND_GAP_SPACE || g == ND_GAP_NONE) &&
				   (sm = short_multiplier(st, d, j)) != 0) {
				multiply(out, sm, false);
				j++;
			}
		}
		out->end = j;
		return true;
	}
	l = nd_fstory_lex(st, d, i);
	if (l.cls & ND_LEX_NUMVAGUE) {
		int power = l.aux;
		size_t j = i + 1;

		/* "tens of thousands": the orders multiply. */
		if (j + 1 < end && nd_fstory_is(st, d, j, "of") &&
		    (nd_fstory_lex(st, d, j + 1).cls & ND_LEX_NUMVAGUE)) {
			power += nd_fstory_lex(st, d, j + 1).aux;
			j += 2;
		}
		out->value = nd_numeral_pow10(power);
		out->base = out->value;
		out->approx = true;
		out->worded = true;
		out->end = j;
		return true;
	}
	if (l.cls & ND_LEX_NUMWORD)
		return read_words(out, st, d, i, end);
	return false;
}

void nd_numeral_format(char *out, size_t size, double v)
{
	size_t n;

	if (!(fabs(v) < 1e15)) {
		snprintf(out, size, "%.6g", v);
		return;
	}
	if (fabs(v - (double)llround(v)) < 1e-6 * (fabs(v) > 1 ? fabs(v) : 1)) {
		long long x = llround(v);
		char tmp[24];
		size_t k = 0, o = 0;
		bool neg = x < 0;

		/* The common case, without printf. */
		if (neg)
			x = -x;
		do {
			tmp[k++] = (char)('0' + x % 10);
			x /= 10;
		} while (x > 0 && k < sizeof(tmp));
		if (neg && o + 1 < size)
			out[o++] = '-';
		while (k > 0 && o + 1 < size)
			out[o++] = tmp[--k];
		if (size)
			out[o] = '\0';
		return;
	}
	snprintf(out, size, "%.6f", v);
	n = strlen(out);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
}
