#include "wordnet/morphy.h"

#include <string.h> /* memcmp, memcpy, strlen */

/* WordNet's detachment rules (morph.c of WordNet 3.0, documented in
 * morphy(7WN)): an ending and what replaces it. Adverbs have none. */
typedef struct rule {
	const char *suffix;
	const char *ending;
} rule;

static const rule noun_rules[] = {
	{ "s", "" }, { "ses", "s" }, { "xes", "x" }, { "zes", "z" },
	{ "ches", "ch" }, { "shes", "sh" }, { "men", "man" }, { "ies", "y" },
	{ NULL, NULL }
};
static const rule verb_rules[] = {
	{ "s", "" }, { "ies", "y" }, { "es", "e" }, { "es", "" },
	{ "ed", "e" }, { "ed", "" }, { "ing", "e" }, { "ing", "" },
	{ NULL, NULL }
};
static const rule adj_rules[] = {
	{ "er", "" }, { "est", "" }, { "er", "e" }, { "est", "e" },
	{ NULL, NULL }
};
static const rule no_rules[] = { { NULL, NULL } };

static const rule *const rules[ND_WN_POS_COUNT] = {
	noun_rules, verb_rules, adj_rules, no_rules
};

/* Adds w[0..len) to bases unless there already or full. */
static void add(nd_wn_word *bases, size_t *n, const char *w, size_t len)
{
	size_t i;

	if (len == 0 || len > ND_WN_WORD_MAX || *n >= ND_MORPHY_MAX)
		return;
	for (i = 0; i < *n; i++)
		if (bases[i].len == len && memcmp(bases[i].text, w, len) == 0)
			return;
	memcpy(bases[*n].text, w, len);
	bases[*n].text[len] = '\0';
	bases[*n].len = len;
	(*n)++;
}

int nd_wordnet_morphy(nd_wn_word *bases, size_t *n, const nd_wordnet *wn,
		      nd_wn_pos pos, const char *word, size_t len)
{
	nd_wn_word exc[ND_MORPHY_MAX];
	char cand[ND_WN_WORD_MAX + 1];
	const rule *r;
	size_t nexc = 0, i, sl, el;
	int rc;

	*n = 0;
	if (len == 0 || len > ND_WN_WORD_MAX)
		return ND_OK;
	rc = nd_wordnet_exceptions(exc, &nexc, ND_MORPHY_MAX, wn, pos, word,
				   len);
	if (rc == ND_EFORMAT)
		return rc;
	for (i = 0; i < nexc; i++)
		add(bases, n, exc[i].text, exc[i].len);
	if (nd_wordnet_has(wn, pos, word, len))
		add(bases, n, word, len);
	for (r = rules[pos]; r->suffix; r++) {
		sl = strlen(r->suffix);
		el = strlen(r->ending);
		if (len <= sl || memcmp(word + len - sl, r->suffix, sl) != 0 ||
		    len - sl + el > ND_WN_WORD_MAX)
			continue;
		memcpy(cand, word, len - sl);
		memcpy(cand + len - sl, r->ending, el);
		if (nd_wordnet_has(wn, pos, cand, len - sl + el))
			add(bases, n, cand, len - sl + el);
	}
	return ND_OK;
}
