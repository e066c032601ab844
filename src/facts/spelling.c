#include "facts/spelling.h"

#include <string.h> /* memcmp */

/* Longest folded word compared by edit distance. */
#define DL_MAX 64

/* Optimal-string-alignment distance of a and b, stopping early past max. */
static size_t osa(const char *a, size_t la, const char *b, size_t lb,
		  size_t max)
{
	size_t rows[3][DL_MAX + 1], i, j;
	size_t *pp = rows[0], *p = rows[1], *c = rows[2];

	for (j = 0; j <= lb; j++)
		p[j] = j;
	for (i = 1; i <= la; i++) {
		size_t best;
		size_t *t;

		c[0] = i;
		best = c[0];
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = p[j] + 1;

			if (c[j - 1] + 1 < v)
				v = c[j - 1] + 1;
			if (p[j - 1] + cost < v)
				v = p[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			c[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[lb];
}

/* Spelling variants of one word: Tileuberdi / Tleuberdi / Tileuberd. */
bool nd_spelling_close_words(const char *a, size_t la, const char *b,
			     size_t lb)
{
	size_t min = la < lb ? la : lb, max_d, diff;

	if (la == lb && memcmp(a, b, la) == 0)
		return true;
	if (la == 0 || lb == 0 || a[0] != b[0] || la > DL_MAX || lb > DL_MAX)
		return false;
	max_d = min >= 10 ? 2 : min >= 6 ? 1 : 0;
	diff = la > lb ? la - lb : lb - la;
	if (max_d == 0 || diff > max_d)
		return false;
	return osa(a, la, b, lb, max_d) <= max_d;
}

/* Word-by-word closeness of two keys with the same number of words. */
bool nd_spelling_close_keys(const char *a, size_t la, const char *b,
			    size_t lb)
{
	size_t i = 0, j = 0;

	while (i < la && j < lb) {
		size_t ie = i, je = j;

		while (ie < la && a[ie] != ' ')
			ie++;
		while (je < lb && b[je] != ' ')
			je++;
		if (!nd_spelling_close_words(a + i, ie - i, b + j, je - j))
			return false;
		i = ie + 1;
		j = je + 1;
	}
	return i >= la && j >= lb;
}
