#include "similar/tokens.h"

#include <locale.h>  /* newlocale, uselocale, freelocale */
#include <stdbool.h> /* bool */
#include <stdio.h>   /* snprintf */
#include <stdlib.h>  /* strtod */
#include <string.h>  /* memcpy, strchr, strcmp, strlen, strrchr */

#include "analyse/stem_en.h"
#include "analyse/stopwords.h"
#include "core/hash.h"
#include "core/utf8.h"

/* Seeds of the word and stem hashes. side.c hashes WordNet's lemmas
 * through nd_sim_word_hash too, so that a token's word_hash meets them. */
#define SEED_WORD 0x5157u
#define SEED_STEM 0x5354u
/* Longest ticker code between angle brackets, "<.IXIC>" and the like. */
#define TICKER_MAX 24

static const char *const negations[] = {
	"not", "no", "never", "none", "nothing", "nobody", "neither", "nor",
	"without", NULL
};

/* The words a number may be followed by that scale it. */
static const struct {
	const char *word;
	double factor;
} scales[] = {
	{ "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 },
	{ "trillion", 1e12 },
};

typedef struct tok_list {
	nd_sim_token *t;
	size_t n;
} tok_list;

static bool in_list(const char *const *list, const char *w)
{
	for (; list && *list; list++)
		if (strcmp(*list, w) == 0)
			return true;
	return false;
}

uint64_t nd_sim_word_hash(const char *w, size_t n)
{
	return nd_hash64(w, n, SEED_WORD);
}

static void set_hashes(nd_sim_token *t)
{
	char stem[ND_STEM_EN_MAX + 1];
	size_t n;

	t->word_hash = nd_sim_word_hash(t->word, t->len);
	if (!(t->flags & ND_SIM_NUM) && nd_stem_en(stem, &n, t->word, t->len))
		t->stem_hash = nd_hash64(stem, n, SEED_STEM);
	else
		t->stem_hash = nd_hash64(t->word, t->len, SEED_STEM);
}

/* Appends the folded word w[0..n) with flags; the word is cut to what a
 * token holds (and then kept away from WordNet). */
static void push(tok_list *l, const char *w, size_t n, unsigned flags)
{
	nd_sim_token *t;

	if (l->n >= ND_SIM_TOKENS_MAX || n == 0)
		return;
	t = &l->t[l->n++];
	if (n > ND_WN_WORD_MAX) {
		n = nd_utf8_cut(w, n, ND_WN_WORD_MAX);
		flags |= ND_SIM_LONG;
	}
	memcpy(t->word, w, n);
	t->word[n] = '\0';
	t->len = n;
	t->flags = flags;
	if (!(flags & ND_SIM_NUM)) {
		if (n == 1 || nd_is_english_stopword(t->word))
			t->flags |= ND_SIM_STOP;
		if (in_list(negations, t->word))
			t->flags |= ND_SIM_NEG;
	}
	set_hashes(t);
}

static nd_sim_token *last(tok_list *l)
{
	return l->n ? &l->t[l->n - 1] : NULL;
}

/* A number s[0..n) ("$1,698.02", "45%") in one notation. */
static void push_number(tok_list *l, const char *s, size_t n)
{
	char digits[64], out[32];
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof(digits) - 1; i++)
		if (s[i] != ',' && s[i] != '$' && s[i] != '%')
			digits[k++] = s[i];
	digits[k] = '\0';
	snprintf(out, sizeof(out), "%g", strtod(digits, NULL));
	push(l, out, strlen(out), ND_SIM_NUM);
}

/* "million" after a number scales it; "cent" after "per" makes
 * "percent". True when w was folded into the token before it. */
static bool joins_previous(tok_list *l, const char *w)
{
	nd_sim_token *p = last(l);
	char out[32];
	size_t i;

	if (p == NULL)
		return false;
	if (strcmp(w, "cent") == 0 && strcmp(p->word, "per") == 0) {
		l->n--;
		push(l, "percent", 7, 0);
		return true;
	}
	if (!(p->flags & ND_SIM_NUM))
		return false;
	for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++)
		if (strcmp(w, scales[i].word) == 0) {
			snprintf(out, sizeof(out), "%g",
				 strtod(p->word, NULL) * scales[i].factor);
			l->n--;
			push(l, out, strlen(out), ND_SIM_NUM);
			return true;
		}
	return false;
}

/* The folded word w (NUL-terminated, n bytes, apostrophes ASCII):
 * contractions split, possessives dropped. */
static void push_word(tok_list *l, char *w, size_t n, unsigned flags)
{
	static const char *const clitics[] = { "s", "re", "ve", "ll", "d",
					       "m", NULL };
	char *apo;

	if (n > 3 && strcmp(w + n - 3, "n't") == 0) {
		n -= 3;
		w[n] = '\0';
		if (strcmp(w, "wo") == 0)
			push(l, "will", 4, flags);
		else if (strcmp(w, "ca") == 0)
			push(l, "can", 3, flags);
		else if (strcmp(w, "sha") == 0)
			push(l, "shall", 5, flags);
		else
			push(l, w, n, flags);
		push(l, "not", 3, 0);
		return;
	}
	apo = strrchr(w, '\'');
	if (apo && in_list(clitics, apo + 1)) {
		n = (size_t)(strchr(w, '\'') - w);
		w[n] = '\0';
	}
	if (!joins_previous(l, w))
		push(l, w, n, flags);
}

/* Length of a ticker at s: "<" up to 24 non-space bytes ">", or "." and
 * two or more capitals with no letter before or after. 0 if none. */
static size_t ticker_length(const char *s, const char *begin,
			    const char *end)
{
	size_t i;

	if (*s == '<') {
		for (i = 1; s + i < end && i <= TICKER_MAX; i++) {
			if (s[i] == '>')
				return i + 1;
			if (s[i] == ' ' || s[i] == '<')
				return 0;
		}
		return 0;
	}
	if (*s != '.' || (s > begin && (nd_ascii_is_letter(s[-1]) ||
					 s[-1] == '.' ||
					 (s[-1] >= '0' && s[-1] <= '9'))))
		return 0;
	for (i = 1; s + i < end && s[i] >= 'A' && s[i] <= 'Z'; i++)
		;
	if (i < 3 || (s + i < end && nd_ascii_is_letter(s[i])))
		return 0;
	return i;
}

/* A dotted abbreviation at s ("U.S.", "U.N."): its length, its letters
 * lower-cased into out (room for 8); 0 if none. */
static size_t dotted_length(const char *s, const char *end, char *out,
			    size_t *n)
{
	size_t i = 0;

	*n = 0;
	while (s + i + 1 < end && s[i] >= 'A' && s[i] <= 'Z' &&
	       s[i + 1] == '.' && *n < 7) {
		out[(*n)++] = (char)(s[i] | 0x20);
		i += 2;
	}
	if (*n < 2 || (s + i < end && nd_ascii_is_letter(s[i])))
		return 0;
	out[*n] = '\0';
	return i;
}

/* The end of the number at s: digits, with '.' or ',' between digits, and
 * a '%' after. */
static const char *number_end(const char *s, const char *end)
{
	if (*s == '$')
		s++;
	while (s < end && ((*s >= '0' && *s <= '9') ||
			   ((*s == '.' || *s == ',') && s + 1 < end &&
			    s[1] >= '0' && s[1] <= '9')))
		s++;
	if (s < end && *s == '%')
		s++;
	return s;
}

/* The end of the word at s: letters, digits and marks, with apostrophes
 * between letters. Hyphens split words. */
static const char *word_end(const char *s, const char *end)
{
	const char *p = s, *q;
	int32_t cp;

	while (p < end) {
		q = p;
		cp = nd_utf8_decode(&q, end);
		if (nd_cp_is_word(cp)) {
			p = q;
			continue;
		}
		if ((cp == '\'' || cp == 0x2019) && q < end) {
			const char *r = q;

			if (nd_cp_is_letter(nd_utf8_decode(&r, end))) {
				p = q;
				continue;
			}
		}
		break;
	}
	return p;
}

/* The word at s[0..e): folded and pushed; "US" in capitals is the
 * country. A capital only marks a name past the first token: a sentence's
 * first word is capitalised whatever it is. */
static void take_word(tok_list *l, const char *s, const char *e)
{
	char fold[ND_FOLD_MAX];
	const char *q = s;
	unsigned flags = 0;
	size_t n;

	if (e - s == 2 && s[0] == 'U' && s[1] == 'S') {
		push(l, "usa", 3, l->n ? ND_SIM_CAP : 0);
		return;
	}
	if (l->n && nd_cp_is_upper(nd_utf8_decode(&q, e)))
		flags |= ND_SIM_CAP;
	n = nd_utf8_fold(s, (size_t)(e - s), fold, sizeof(fold));
	push_word(l, fold, n, flags);
}

static size_t tokenise(nd_sim_token *toks, const char *s, size_t len)
{
	tok_list l = { toks, 0 };
	const char *p = s, *end = s + len, *e, *q;
	char abbr[8];
	size_t k, n;
	int32_t cp;

	while (p < end && l.n < ND_SIM_TOKENS_MAX) {
		if ((k = ticker_length(p, s, end)) != 0) {
			p += k;
		} else if ((k = dotted_length(p, end, abbr, &n)) != 0) {
			if (strcmp(abbr, "us") == 0)
				push(&l, "usa", 3, l.n ? ND_SIM_CAP : 0);
			else
				push(&l, abbr, n, l.n ? ND_SIM_CAP : 0);
			p += k;
		} else if (*p == '&') {
			push(&l, "and", 3, 0);
			p++;
		} else if ((*p >= '0' && *p <= '9') ||
			   (*p == '$' && p + 1 < end && p[1] >= '0' &&
			    p[1] <= '9')) {
			e = number_end(p, end);
			push_number(&l, p, (size_t)(e - p));
			p = e;
		} else {
			q = p;
			cp = nd_utf8_decode(&q, end);
			if (nd_cp_is_word(cp)) {
				e = word_end(p, end);
				take_word(&l, p, e);
				p = e;
			} else {
				p = q;
			}
		}
	}
	return l.n;
}

/* strtod and "%g" read and write the decimal point of the thread's
 * LC_NUMERIC locale, which a program using the library may have made a
 * comma ("1.5" would read as 1); the text and the normal forms of numbers
 * use a dot, so tokenising runs in the C locale. glibc's C locale object
 * is static: newlocale allocates nothing and cannot fail here. */
size_t nd_sim_tokenise(nd_sim_token *toks, const char *s, size_t len)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	locale_t was = c ? uselocale(c) : (locale_t)0;
	size_t n = tokenise(toks, s, len);

	if (c) {
		uselocale(was);
		freelocale(c);
	}
	return n;
}
