#include "facts/amounts.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memcmp, strlen */

#include "core/alloc.h"
#include "core/error.h"
#include "facts/dates.h"
#include "facts/numerals.h"

/* Currency signs before a number, longest first so "US$" wins over "$". */
static const char *const signs[][2] = {
	{ "U.S.$", "USD" }, { "US$", "USD" }, { "HK$", "HKD" },
	{ "NZ$", "NZD" }, { "A$", "AUD" }, { "C$", "CAD" }, { "S$", "SGD" },
	{ "$", "USD" }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" },
	{ "\xC2\xA5", "JPY" }, { "\xE2\x82\xB9", "INR" },
	{ "\xE2\x82\xBD", "RUB" }, { "\xE2\x82\xB8", "KZT" },
	{ "\xE2\x82\xA9", "KRW" }, { "\xE2\x82\xBA", "TRY" },
	{ "\xE2\x82\xB4", "UAH" }, { "Rs.", "INR" }, { "Rs", "INR" },
};

/* ISO codes written as words before or after an amount: folded, shown. */
static const char *const codes[][2] = {
	{ "usd", "USD" }, { "eur", "EUR" }, { "gbp", "GBP" }, { "jpy", "JPY" },
	{ "cny", "CNY" }, { "rmb", "RMB" }, { "inr", "INR" }, { "rub", "RUB" },
	{ "kzt", "KZT" }, { "chf", "CHF" }, { "aud", "AUD" }, { "cad", "CAD" },
	{ "uah", "UAH" }, { "try", "TRY" }, { "krw", "KRW" },
};

/* Currency names after an amount: "40 million dollars". */
static const char *const names[][2] = {
	{ "dollars", "USD" }, { "dollar", "USD" }, { "euros", "EUR" },
	{ "euro", "EUR" }, { "sterling", "GBP" }, { "yen", "JPY" },
	{ "yuan", "CNY" }, { "renminbi", "CNY" }, { "roubles", "RUB" },
	{ "rubles", "RUB" }, { "rouble", "RUB" }, { "ruble", "RUB" },
	{ "rupees", "INR" }, { "rupee", "INR" }, { "tenge", "KZT" },
	{ "hryvnias", "UAH" }, { "hryvnia", "UAH" }, { "lira", "TRY" },
	{ "dirhams", "AED" }, { "riyals", "SAR" }, { "shekels", "ILS" },
	{ "naira", "NGN" }, { "taka", "BDT" }, { "rand", "ZAR" },
	{ "francs", "CHF" }, { "som", "KGS" }, { "manat", "TMT" },
	{ "somoni", "TJS" },
};

typedef struct unit {
	const char *word;
	const char *unit;
	int time; /* a span of time: "30 years" and "20-year" are
		     quantities, "25-year-old" an age */
} unit;

static const unit units[] = {
	{ "km", "km", 0 }, { "kms", "km", 0 }, { "kilometre", "km", 0 },
	{ "kilometres", "km", 0 }, { "kilometer", "km", 0 },
	{ "kilometers", "km", 0 }, { "m", "m", 0 }, { "metre", "m", 0 },
	{ "metres", "m", 0 }, { "meter", "m", 0 }, { "meters", "m", 0 },
	{ "cm", "cm", 0 }, { "mm", "mm", 0 }, { "mile", "mi", 0 },
	{ "miles", "mi", 0 }, { "ft", "ft", 0 }, { "feet", "ft", 0 },
	{ "foot", "ft", 0 }, { "inches", "in", 0 }, { "kg", "kg", 0 },
	{ "kgs", "kg", 0 }, { "kilogram", "kg", 0 }, { "kilograms", "kg", 0 },
	{ "kilo", "kg", 0 }, { "kilos", "kg", 0 }, { "g", "g", 0 },
	{ "gram", "g", 0 }, { "grams", "g", 0 }, { "mg", "mg", 0 },
	{ "tonne", "t", 0 }, { "tonnes", "t", 0 }, { "ton", "t", 0 },
	{ "tons", "t", 0 }, { "lb", "lb", 0 }, { "lbs", "lb", 0 },
	{ "ha", "ha", 0 }, { "hectare", "ha", 0 }, { "hectares", "ha", 0 },
	{ "acre", "acre", 0 }, { "acres", "acre", 0 }, { "l", "l", 0 },
	{ "litre", "l", 0 }, { "litres", "l", 0 }, { "liter", "l", 0 },
	{ "liters", "l", 0 }, { "ml", "ml", 0 }, { "barrel", "bbl", 0 },
	{ "barrels", "bbl", 0 }, { "bpd", "bbl/d", 0 }, { "mw", "MW", 0 },
	{ "gw", "GW", 0 }, { "kw", "kW", 0 }, { "kwh", "kWh", 0 },
	{ "mwh", "MWh", 0 }, { "gwh", "GWh", 0 }, { "twh", "TWh", 0 },
	{ "mph", "mph", 0 }, { "kph", "km/h", 0 }, { "knots", "kn", 0 },
	{ "degrees", "deg", 0 }, { "degree", "deg", 0 },
	{ "year", "year", 1 }, { "years", "year", 1 },
	{ "month", "month", 1 }, { "months", "month", 1 },
	{ "week", "week", 1 }, { "weeks", "week", 1 }, { "day", "day", 1 },
	{ "days", "day", 1 }, { "hour", "hour", 1 }, { "hours", "hour", 1 },
	{ "minute", "min", 1 }, { "minutes", "min", 1 }, { "min", "min", 1 },
	{ "mins", "min", 1 }, { "seconds", "s", 1 }, { "decade", "decade", 1 },
	{ "decades", "decade", 1 }, { "century", "century", 1 },
	{ "centuries", "century", 1 },
};

/* Parts and orders, never what is counted: "two-thirds". */
static const char *const not_counted[] = {
	"third", "thirds", "quarter", "quarters", "half", "halves", "fifth",
	"fifths", "tenth", "tenths", "ago", "more", "less", "fewer", "apiece",
	"each", "percent", NULL,
};

/* Adjectives that may sit between a number and what it counts. */
static const char *const adjectives[] = {
	"other", "more", "former", "new", "old", "major", "small", "large",
	"big", "separate", "different", "main", "top", "key", "senior",
	"additional", "extra", "further", "consecutive", "straight", "full",
	"whole", "previous", "last", "next", "past", "young", "local",
	"foreign", "national", "international", "regional", "military",
	"civilian", "armed", "official", "independent", "joint", "long",
	"short", "remaining", "key", NULL,
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* One sentence being scanned. */
typedef struct amt {
	nd_fstory *st;
	const nd_doc *d;
	uint32_t k;
	size_t s, s_tok, end;
	nd_rawfacts *rf;
} amt;

static bool is(const amt *a, size_t i, const char *w)
{
	return i < a->end && nd_fstory_is(a->st, a->d, i, w);
}

/* A token's folded text, fetched once for a walk down a word list. */
typedef struct word {
	const char *s;
	size_t n;
} word;

static word word_at(const amt *a, size_t i)
{
	word w = { "", 0 };

	if (i < a->end)
		w.s = nd_fstory_text(a->st, a->d->toks[i].term, &w.n);
	return w;
}

static bool eq(word w, const char *s)
{
	return w.n && w.s[0] == s[0] && strncmp(w.s, s, w.n) == 0 &&
	       s[w.n] == '\0';
}

/* "a", " ", "b" into out, cut to size. */
static void join(char *out, size_t size, const char *a, const char *sep,
		 const char *b)
{
	size_t at = 0;
	const char *parts[3] = { a, sep, b };
	int k;

	for (k = 0; k < 3; k++) {
		const char *p = parts[k];

		while (*p && at + 1 < size)
			out[at++] = *p++;
	}
	out[at] = '\0';
}

static const char *term(const amt *a, size_t i, size_t *len)
{
	return nd_fstory_text(a->st, a->d->toks[i].term, len);
}

static size_t tok_end(const amt *a, size_t i)
{
	return (size_t)a->d->toks[i].off + a->d->toks[i].len;
}

static int emit(amt *a, nd_fact_kind kind, size_t from, size_t to,
		const char *value)
{
	nd_rawfact f;
	size_t vlen = strlen(value);
	int rc;

	f.kind = kind;
	f.doc = a->k;
	f.off = (uint32_t)from;
	f.len = (uint32_t)(to - from);
	f.sent = (uint32_t)a->s;
	f.value = (uint32_t)a->rf->pool.len;
	f.vlen = (uint32_t)vlen;
	rc = nd_buf_put(&a->rf->pool, value, vlen);
	if (rc || (rc = nd_buf_putc(&a->rf->pool, '\0')))
		return rc;
	return ND_ARRAY_PUSH(a->rf->f, a->rf->n, a->rf->cap, f);
}

static bool alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* Digits glued to something else are part of a name, a range, a time or
 * a phone number: "C5+1", "F-16", "10:30", "+88-0171". */
static bool glued(const amt *a, size_t i)
{
	const char *t = a->d->text;
	size_t off = a->d->toks[i].off, end = tok_end(a, i);

	if (off > 0) {
		char c = t[off - 1];

		if (alnum(c) || c == '+' || c == '.' || c == '/' || c == ':')
			return true;
		if (c == '-' && off > 1 && alnum(t[off - 2]))
			return true;
	}
	if (end + 1 < a->d->len &&
	    (t[end] == ':' || t[end] == '/' || t[end] == '-') &&
	    t[end + 1] >= '0' && t[end + 1] <= '9')
		return true;
	return false;
}

static const char *code_at(const amt *a, size_t i)
{
	size_t len, k;
	const char *s;

	if (!(a->d->toks[i].flags & ND_TOK_ALLCAPS))
		return NULL;
	s = term(a, i, &len);
	for (k = 0; k < N_OF(codes); k++) {
		if (strlen(codes[k][0]) == len &&
		    memcmp(codes[k][0], s, len) == 0)
			return codes[k][1];
	}
	return NULL;
}

/* The currency written before token i ("$", "US$", "€", "USD "); *start
 * moves to where it begins. */
static const char *currency_before(const amt *a, size_t i, size_t *start)
{
	const char *t = a->d->text;
	size_t off = a->d->toks[i].off, at[2], k, s;

	at[0] = off;
	at[1] = off;
	if (off >= 1 && t[off - 1] == ' ')
		at[1] = off - 1;
	else if (off >= 2 && memcmp(t + off - 2, "\xC2\xA0", 2) == 0)
		at[1] = off - 2;
	for (s = 0; s < N_OF(signs); s++) {
		size_t n = strlen(signs[s][0]);

		for (k = 0; k < 2; k++) {
			size_t q = at[k];

			if (q < n || memcmp(t + q - n, signs[s][0], n) != 0)
				continue;
			if (q - n > 0 && alnum(t[q - n - 1]))
				continue;
			*start = q - n;
			return signs[s][1];
		}
	}
	if (i > a->s_tok && nd_fstory_gap(a->d, i - 1) == ND_GAP_SPACE) {
		const char *c = code_at(a, i - 1);

		if (c) {
			*start = a->d->toks[i - 1].off;
			return c;
		}
	}
	return NULL;
}

/* A currency named after the amount ("dollars", "US dollars", "USD");
 * *j moves past it. */
static const char *currency_after(const amt *a, size_t *j)
{
	size_t i = *j, n;
	const char *code;
	word w;

	if (i >= a->end || nd_fstory_gap(a->d, i - 1) != ND_GAP_SPACE)
		return NULL;
	code = code_at(a, i);
	if (code) {
		*j = i + 1;
		return code;
	}

	/* "US dollars", "U.S. dollars". */
	if (is(a, i, "us"))
		i++;
	else if (is(a, i, "u") && is(a, i + 1, "s"))
		i += 2;
	if (i >= a->end)
		return NULL;
	w = word_at(a, i);
	for (n = 0; n < N_OF(names); n++) {
		if (eq(w, names[n][0])) {
			*j = i + 1;
			return names[n][1];
		}
	}
	return NULL;
}

/* "m", "k", "b" glued to an amount with a currency sign: "$25m". */
static int letter_multiplier(const amt *a, size_t j)
{
	if (j >= a->end || nd_fstory_gap(a->d, j - 1) != ND_GAP_NONE)
		return 0;
	if (is(a, j, "m"))
		return 6;
	if (is(a, j, "k"))
		return 3;
	if (is(a, j, "b"))
		return 9;
	return 0;
}

/* End of a "%" after token i (spaces, no-break ones too, allowed). */
static size_t percent_sign(const amt *a, size_t i)
{
	const char *t = a->d->text;
	size_t p = tok_end(a, i), len = a->d->len;

	for (;;) {
		if (p < len && t[p] == ' ')
			p++;
		else if (p + 1 < len && memcmp(t + p, "\xC2\xA0", 2) == 0)
			p += 2;
		else if (p + 2 < len &&
			 (memcmp(t + p, "\xE2\x80\xAF", 3) == 0 ||
			  memcmp(t + p, "\xE2\x80\x89", 3) == 0))
			p += 3;
		else
			break;
	}
	if (p < len && t[p] == '%')
		return p + 1;
	if (p + 2 < len && memcmp(t + p, "\xEF\xBC\x85", 3) == 0)
		return p + 3;
	return 0;
}

static const unit *unit_at(const amt *a, size_t j)
{
	word w = word_at(a, j);
	size_t n;

	for (n = 0; n < N_OF(units); n++) {
		if (eq(w, units[n].word))
			return &units[n];
	}
	return NULL;
}

static bool in_list(const amt *a, size_t j, const char *const *list)
{
	word w = word_at(a, j);
	size_t k;

	for (k = 0; list[k]; k++) {
		if (eq(w, list[k]))
			return true;
	}
	return false;
}

static bool adjective(const amt *a, size_t j)
{
	return in_list(a, j, adjectives);
}

/* The counted noun at token j, singular: "years" -> "year". Lower case
 * words only, unless capitalised is allowed ("thousands of Russians"). */
static bool noun_at(const amt *a, size_t j, bool capital, char *out,
		    size_t size)
{
	const nd_token *t;
	nd_lex l;
	size_t len, n;
	const char *s;

	if (j >= a->end)
		return false;
	t = &a->d->toks[j];
	if ((t->flags & (ND_TOK_STOP | ND_TOK_NUMBER)) ||
	    ((t->flags & ND_TOK_CAPITAL) && !capital))
		return false;
	if (adjective(a, j) || in_list(a, j, not_counted))
		return false;
	l = nd_fstory_lex(a->st, a->d, j);
	s = term(a, j, &len);
	/* After a number "judges" and "claims" are plural nouns. */
	if ((l.cls & ND_LEX_SPEECH) &&
	    (len == 0 || s[len - 1] != 's' ||
	     (len == 4 && memcmp(s, "says", 4) == 0)))
		return false;
	if (l.cls & (ND_LEX_NUMWORD | ND_LEX_NUMVAGUE | ND_LEX_MONTH |
		     ND_LEX_WEEKDAY | ND_LEX_CONNECTOR))
		return false;
	len = nd_fstory_bare_len(s, len);
	if (len < 3 || len + 1 > size)
		return false;
	for (n = 0; n < len; n++) {
		unsigned char c = (unsigned char)s[n];

		if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || c == '-' ||
		      c == '\''))
			return false;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	if (len > 4 && memcmp(out + len - 3, "ies", 3) == 0) {
		memcpy(out + len - 3, "y", 2);
	} else if (len > 4 && (memcmp(out + len - 4, "sses", 4) == 0 ||
			       memcmp(out + len - 4, "ches", 4) == 0 ||
			       memcmp(out + len - 4, "shes", 4) == 0 ||
			       memcmp(out + len - 3, "xes", 3) == 0)) {
		out[len - 2] = '\0';
	} else if (len > 3 && out[len - 1] == 's' && out[len - 2] != 's' &&
		   out[len - 2] != 'u' && out[len - 2] != 'i') {
		out[len - 1] = '\0';
	}
	return true;
}

static bool soft(const amt *a, size_t j)
{
	nd_gap g = nd_fstory_gap(a->d, j - 1);

	return g == ND_GAP_SPACE || g == ND_GAP_HYPHEN;
}

static bool plural(const amt *a, size_t j)
{
	word w = word_at(a, j);

	return w.n > 3 && w.s[w.n - 1] == 's' && w.s[w.n - 2] != 's' &&
	       w.s[w.n - 2] != 'u' && w.s[w.n - 2] != 'i';
}

/* The token naming what the number at j-1 counts: "12-point" gives
 * "point"; "122 parliamentary seats" and "two alleged attempts" the
 * first plural of up to three words; else the first word. */
static size_t counted(const amt *a, size_t j, bool *adj)
{
	char tmp[48];
	size_t k, first = ND_FX_NONE;

	*adj = false;
	if (nd_fstory_gap(a->d, j - 1) == ND_GAP_HYPHEN)
		return j;
	for (k = 0; k < 2 && adjective(a, j) && j + 1 < a->end &&
		    nd_fstory_gap(a->d, j) == ND_GAP_SPACE;
	     k++) {
		j++;
		*adj = true;
	}
	for (k = j; k < j + 3 && k < a->end; k++) {
		if (k > j && nd_fstory_gap(a->d, k - 1) != ND_GAP_SPACE)
			break;
		if (!noun_at(a, k, false, tmp, sizeof(tmp)))
			break;
		if (plural(a, k))
			return k;
		if (first == ND_FX_NONE)
			first = k;
	}
	return first;
}

/* May the number at tokens [i, j) stand as a count by itself? Not after
 * a name or a colon ("Force 17", "11:43"), not glued to what follows, and
 * not before a name it would be part of ("three Kessa basin states"; a
 * demonym is fine: "three Israeli soldiers"). */
static bool bare_count(const amt *a, size_t i, size_t j)
{
	if (i > a->s_tok && (nd_fstory_gap(a->d, i - 1) != ND_GAP_SPACE ||
			     (a->d->toks[i - 1].flags & ND_TOK_CAPITAL)))
		return false;
	if (j >= a->end)
		return true;
	if ((a->d->toks[j].flags & ND_TOK_CAPITAL) &&
	    !(nd_fstory_lex(a->st, a->d, j).cls & ND_LEX_DEMONYM))
		return false;
	return nd_fstory_gap(a->d, j - 1) == ND_GAP_SPACE ||
	       nd_fstory_gap_is(a->d, j - 1, ", ") ||
	       nd_fstory_gap_is(a->d, j - 1, ". ");
}

/* "13 to 18", "300 or 400" after the number n ends at token j: the
 * token past the second number, with value set to "13-18"; else j, with
 * value n. */
static size_t range_end(amt *a, size_t j, const char *n, char *value,
			size_t size)
{
	nd_numeral second;
	char m[32];

	if (j + 1 < a->end && (is(a, j, "to") || is(a, j, "or")) &&
	    nd_numeral_read(&second, a->st, a->d, j + 1, a->end) &&
	    second.value > 0.0 && second.value < 1e15) {
		nd_numeral_format(m, sizeof(m), second.value);
		join(value, size, n, "-", m);
		return second.end;
	}
	join(value, size, n, "", "");
	return j;
}

/* A count for the number n at tokens [i, j), text from byte start:
 * "tens of thousands of Russians", "hundreds", "30 people", "60 young
 * people", a bare "killed 60", "13 to 18". Returns the token to go on
 * from, with *rc set. */
static size_t count_fact(amt *a, size_t i, const nd_numeral *num, size_t j,
			 size_t start, const char *n, int *rc)
{
	char value[ND_FACT_VALUE_MAX], noun[48];
	double v = num->value;

	if (num->approx) {
		if (is(a, j, "of") && j + 1 < a->end &&
		    noun_at(a, j + 1, true, noun, sizeof(noun))) {
			join(value, sizeof(value), n, "s ", noun);
			*rc = emit(a, ND_FACT_COUNT, start, tok_end(a, j + 1),
				   value);
			return j + 2;
		}
		/* "hundreds" alone. */
		join(value, sizeof(value), n, "s", "");
		*rc = emit(a, ND_FACT_COUNT, start, tok_end(a, j - 1), value);
		return j;
	}
	/* A bare year ("2019 saw") counts nothing. */
	if (v < 2.0 || (num->plain && !num->worded && v >= 1800 && v <= 2100))
		return j;
	if (j < a->end && soft(a, j)) {
		bool adj;
		size_t nj = counted(a, j, &adj);

		if (nj != ND_FX_NONE &&
		    noun_at(a, nj, false, noun, sizeof(noun))) {
			/* "60 young people": the number is the fact's text,
			 * the noun its value's. */
			join(value, sizeof(value), n, " ", noun);
			*rc = emit(a, ND_FACT_COUNT, start,
				   tok_end(a, adj ? j - 1 : nj), value);
			return nj + 1;
		}
	}
	/* A bare number counts what the sentence says it does ("killing
	 * 60", "180 were injured"), not a name's ("Force 17", "M-16") or a
	 * clock's. */
	if (bare_count(a, i, j)) {
		size_t e = range_end(a, j, n, value, sizeof(value));

		*rc = emit(a, ND_FACT_COUNT, start, tok_end(a, e - 1), value);
		return e;
	}
	return j;
}

/* Money, percent, quantity or count for the number at token i; returns
 * the token to go on from, with *rc set (0, or an error to stop on). */
static size_t number_fact(amt *a, size_t i, const nd_numeral *num, int *rc)
{
	char value[ND_FACT_VALUE_MAX], n[32], unit_s[16];
	size_t start = a->d->toks[i].off, j = num->end, pe;
	const char *cur;
	const unit *u;
	double v = num->value;

	*rc = ND_OK;
	if ((!num->worded && glued(a, i)) || !(v < 1e15) || v <= 0.0)
		return num->end;
	cur = currency_before(a, i, &start);
	if (cur == NULL)
		cur = currency_after(a, &j);
	if (cur) {
		int lm = num->mult ? 0 : letter_multiplier(a, j);

		if (lm) {
			v *= nd_numeral_pow10(lm);
			j++;
		}
		nd_numeral_format(n, sizeof(n), v);
		join(value, sizeof(value), n, " ", cur);
		*rc = emit(a, ND_FACT_MONEY, start, tok_end(a, j - 1), value);
		return j;
	}
	nd_numeral_format(n, sizeof(n), v);
	pe = percent_sign(a, j - 1);
	if (pe) {
		join(value, sizeof(value), n, " ", "%");
		*rc = emit(a, ND_FACT_PERCENT, start, pe, value);
		return j;
	}
	if (j < a->end && soft(a, j)) {
		size_t last = ND_FX_NONE;
		const char *pct = "%";

		if (is(a, j, "percent") || is(a, j, "pct"))
			last = j;
		else if (is(a, j, "per") && is(a, j + 1, "cent"))
			last = j + 1;
		else if (is(a, j, "percentage") && is(a, j + 1, "points")) {
			last = j + 1;
			pct = "pp";
		}
		if (last != ND_FX_NONE) {
			join(value, sizeof(value), n, " ", pct);
			*rc = emit(a, ND_FACT_PERCENT, start, tok_end(a, last),
				   value);
			return last + 1;
		}
	}
	if (num->lakh) {
		nd_numeral_format(n, sizeof(n), num->base);
		join(value, sizeof(value), n, " ",
		     num->mult == 7 ? "crore" : "lakh");
		*rc = emit(a, ND_FACT_QUANTITY, start, tok_end(a, j - 1),
			   value);
		return j;
	}
	if (j < a->end && nd_fstory_gap(a->d, j - 1) != ND_GAP_OTHER) {
		nd_gap g = nd_fstory_gap(a->d, j - 1);
		size_t uj = j;
		bool square = false;

		if ((is(a, j, "square") || is(a, j, "sq")) &&
		    g == ND_GAP_SPACE) {
			square = true;
			uj = j + 1;
		}
		u = uj < a->end ? unit_at(a, uj) : NULL;
		if (u && !(square && u->time)) {
			if (u->time) {
				/* "25-year-old" is an age, not a fact. */
				if (g == ND_GAP_HYPHEN && uj + 1 < a->end &&
				    nd_fstory_gap(a->d, uj) == ND_GAP_HYPHEN &&
				    is(a, uj + 1, "old"))
					return uj + 2;
				if (g == ND_GAP_NONE || (g == ND_GAP_SPACE &&
							 v < 2.0))
					return j;
			}
			join(unit_s, sizeof(unit_s), u->unit, "",
			     square ? "2" : "");
			join(value, sizeof(value), n, " ", unit_s);
			*rc = emit(a, ND_FACT_QUANTITY, start, tok_end(a, uj),
				   value);
			return uj + 1;
		}
	}
	return count_fact(a, i, num, j, start, n, rc);
}

void nd_rawfacts_init(nd_rawfacts *rf)
{
	memset(rf, 0, sizeof(*rf));
	nd_buf_init(&rf->pool, ND_FX_MAX_POOL);
}

void nd_rawfacts_dispose(nd_rawfacts *rf)
{
	nd_free(rf->f);
	nd_buf_dispose(&rf->pool);
	memset(rf, 0, sizeof(*rf));
}

/* "on Tuesday": the day it was, read against the publication date; in
 * "Tuesday, March 7" the date that follows. Returns the token after it. */
static size_t weekday(amt *a, size_t i, int wd, const char *published,
		      int *rc)
{
	char value[ND_FDATE_VALUE_MAX];
	nd_fdate dt;

	if (i + 1 < a->end &&
	    (nd_fstory_gap_is(a->d, i, ", ") ||
	     nd_fstory_gap(a->d, i) == ND_GAP_SPACE) &&
	    nd_fdate_read(&dt, a->st, a->d, i + 1, a->s_tok, a->end) &&
	    dt.day_level) {
		*rc = emit(a, ND_FACT_DATE, a->d->toks[i].off,
			   tok_end(a, dt.end - 1), dt.value);
		return dt.end;
	}
	nd_fdate_weekday(value, sizeof(value), wd, published);
	*rc = emit(a, ND_FACT_DATE, a->d->toks[i].off, tok_end(a, i), value);
	return i + 1;
}

int nd_amounts_scan(nd_rawfacts *rf, nd_fstory *st, uint32_t k)
{
	const nd_doc *d = nd_fstory_doc(st, k);
	const char *published = st->c->published
					? st->c->published[st->members[k]]
					: NULL;
	size_t s;
	int rc;
	amt a;

	a.st = st;
	a.d = d;
	a.k = k;
	a.rf = rf;
	for (s = 0; s < d->nsents; s++) {
		size_t i;

		a.s = s;
		a.s_tok = d->sents[s].tok;
		a.end = a.s_tok + d->sents[s].ntok;
		i = a.s_tok;
		while (i < a.end) {
			nd_fdate dt;
			nd_numeral num;
			nd_lex l;

			if (nd_fdate_read(&dt, st, d, i, a.s_tok, a.end)) {
				rc = emit(&a, ND_FACT_DATE, d->toks[i].off,
					  tok_end(&a, dt.end - 1), dt.value);
				if (rc)
					return rc;
				i = dt.end;
				continue;
			}
			l = nd_fstory_lex(st, d, i);
			if ((l.cls & ND_LEX_WEEKDAY) &&
			    (d->toks[i].flags & ND_TOK_CAPITAL)) {
				size_t next = weekday(&a, i, l.aux, published,
						      &rc);

				if (rc)
					return rc;
				i = next;
				continue;
			}
			if (nd_numeral_read(&num, st, d, i, a.end)) {
				size_t next = number_fact(&a, i, &num, &rc);

				if (rc)
					return rc;
				i = next > i ? next : i + 1;
				continue;
			}
			i++;
		}
	}
	return ND_OK;
}
