#include "analyse/stem_en.h"

#include <stdint.h> /* SIZE_MAX, uint64_t */
#include <string.h> /* memcmp, memcpy, memmove */

/* The word being stemmed, which only ever gets shorter, and where its
 * regions R1 and R2 start (n when empty). */
typedef struct word {
	char *s;
	size_t n;
	size_t p1, p2;
} word;

/* What a rule asks beyond its suffix. */
enum {
	IF_ANY,    /* nothing */
	IF_R2,     /* the suffix lies in R2 */
	IF_L,      /* an 'l' comes before it */
	IF_LI,     /* a valid ending before "li" comes before it */
	IF_S_OR_T  /* an 's' or 't' comes before it */
};

/* A suffix and its replacement. The rules of a step are listed longest
 * suffix first: the algorithm takes the longest that ends the word, even
 * when its condition then fails. */
typedef struct rule {
	const char *suffix;
	size_t len;
	const char *repl;
	size_t repl_len;
	int cond;
} rule;

#define RULE(suffix, repl, cond)                                   \
	{ suffix, sizeof(suffix) - 1, repl, sizeof(repl) - 1, cond }
#define RULES_END { NULL, 0, NULL, 0, IF_ANY }
#define WORD(w) RULE(w, "", IF_ANY)

/* The rules of steps 2 to 4, by the last letter of their suffixes: a
 * word's last letter picks the few that may apply. */
typedef const rule *const by_last[26];

/* The shortest suffix of those steps ("li", "ic", "al", "er"). */
#define SUFFIX_MIN 2

static const rule step2_i[] = {
	RULE("biliti", "ble", IF_ANY), RULE("lessli", "less", IF_ANY),
	RULE("entli", "ent", IF_ANY),  RULE("aliti", "al", IF_ANY),
	RULE("ousli", "ous", IF_ANY),  RULE("iviti", "ive", IF_ANY),
	RULE("fulli", "ful", IF_ANY),  RULE("enci", "ence", IF_ANY),
	RULE("anci", "ance", IF_ANY),  RULE("abli", "able", IF_ANY),
	RULE("alli", "al", IF_ANY),    RULE("bli", "ble", IF_ANY),
	RULE("ogi", "og", IF_L),       RULE("li", "", IF_LI),
	RULES_END
};
static const rule step2_l[] = { RULE("ational", "ate", IF_ANY),
				RULE("tional", "tion", IF_ANY), RULES_END };
static const rule step2_m[] = { RULE("alism", "al", IF_ANY), RULES_END };
static const rule step2_n[] = { RULE("ization", "ize", IF_ANY),
				RULE("ation", "ate", IF_ANY), RULES_END };
static const rule step2_r[] = { RULE("izer", "ize", IF_ANY),
				RULE("ator", "ate", IF_ANY), RULES_END };
static const rule step2_s[] = { RULE("fulness", "ful", IF_ANY),
				RULE("ousness", "ous", IF_ANY),
				RULE("iveness", "ive", IF_ANY), RULES_END };
static by_last step2 = {
	['i' - 'a'] = step2_i, ['l' - 'a'] = step2_l, ['m' - 'a'] = step2_m,
	['n' - 'a'] = step2_n, ['r' - 'a'] = step2_r, ['s' - 'a'] = step2_s
};

static const rule step3_e[] = { RULE("alize", "al", IF_ANY),
				RULE("icate", "ic", IF_ANY),
				RULE("ative", "", IF_R2), RULES_END };
static const rule step3_i[] = { RULE("iciti", "ic", IF_ANY), RULES_END };
static const rule step3_l[] = { RULE("ational", "ate", IF_ANY),
				RULE("tional", "tion", IF_ANY),
				RULE("ical", "ic", IF_ANY),
				RULE("ful", "", IF_ANY), RULES_END };
static const rule step3_s[] = { RULE("ness", "", IF_ANY), RULES_END };
static by_last step3 = {
	['e' - 'a'] = step3_e, ['i' - 'a'] = step3_i, ['l' - 'a'] = step3_l,
	['s' - 'a'] = step3_s
};

static const rule step4_c[] = { RULE("ic", "", IF_ANY), RULES_END };
static const rule step4_e[] = {
	RULE("ance", "", IF_ANY), RULE("ence", "", IF_ANY),
	RULE("able", "", IF_ANY), RULE("ible", "", IF_ANY),
	RULE("ate", "", IF_ANY),  RULE("ive", "", IF_ANY),
	RULE("ize", "", IF_ANY),  RULES_END
};
static const rule step4_i[] = { RULE("iti", "", IF_ANY), RULES_END };
static const rule step4_l[] = { RULE("al", "", IF_ANY), RULES_END };
static const rule step4_m[] = { RULE("ism", "", IF_ANY), RULES_END };
static const rule step4_n[] = { RULE("ion", "", IF_S_OR_T), RULES_END };
static const rule step4_r[] = { RULE("er", "", IF_ANY), RULES_END };
static const rule step4_s[] = { RULE("ous", "", IF_ANY), RULES_END };
static const rule step4_t[] = {
	RULE("ement", "", IF_ANY), RULE("ment", "", IF_ANY),
	RULE("ant", "", IF_ANY),   RULE("ent", "", IF_ANY),
	RULES_END
};
static by_last step4 = {
	['c' - 'a'] = step4_c, ['e' - 'a'] = step4_e, ['i' - 'a'] = step4_i,
	['l' - 'a'] = step4_l, ['m' - 'a'] = step4_m, ['n' - 'a'] = step4_n,
	['r' - 'a'] = step4_r, ['s' - 'a'] = step4_s, ['t' - 'a'] = step4_t
};

/* Whole words with a stem of their own: special changes, -ly words
 * whose -li is kept, then words that are their own stems (an empty
 * replacement), not plurals whatever they end in. */
#define EXCEPTION(word, stem) RULE(word, stem, IF_ANY)
static const rule exceptions[] = {
	EXCEPTION("skis", "ski"), EXCEPTION("skies", "sky"),
	EXCEPTION("dying", "die"), EXCEPTION("lying", "lie"),
	EXCEPTION("tying", "tie"),
	EXCEPTION("idly", "idl"), EXCEPTION("gently", "gentl"),
	EXCEPTION("ugly", "ugli"), EXCEPTION("early", "earli"),
	EXCEPTION("only", "onli"), EXCEPTION("singly", "singl"),
	WORD("sky"), WORD("news"), WORD("howe"), WORD("atlas"),
	WORD("cosmos"), WORD("bias"), WORD("andes"),
	RULES_END
};

/* The longest word of exceptions, so that longer words skip the list. */
#define EXCEPTION_MAX 6

/* Sets of the letters a-z as bits, tested by one shift rather than a
 * call to strchr. */
#define LETTER_BIT(c) (1u << ((c) - 'a'))
/* The last letters of the words of exceptions: the other words, most,
 * skip the list, whose scan by length and first letter branches as the
 * words go, unpredictably. */
#define EXCEPTION_LAST                                              \
	(LETTER_BIT('e') | LETTER_BIT('g') | LETTER_BIT('s') | LETTER_BIT('y'))
/* The letters whose double -ed or -ing leaves made single. */
#define DOUBLES                                                     \
	(LETTER_BIT('b') | LETTER_BIT('d') | LETTER_BIT('f') |      \
	 LETTER_BIT('g') | LETTER_BIT('m') | LETTER_BIT('n') |      \
	 LETTER_BIT('p') | LETTER_BIT('r') | LETTER_BIT('t'))
/* The letters before which -li goes in step 2. */
#define LI_ENDINGS                                                  \
	(LETTER_BIT('c') | LETTER_BIT('d') | LETTER_BIT('e') |      \
	 LETTER_BIT('g') | LETTER_BIT('h') | LETTER_BIT('k') |      \
	 LETTER_BIT('m') | LETTER_BIT('n') | LETTER_BIT('r') | LETTER_BIT('t'))

/* Is c a letter of set, LETTER_BIT bits? */
static bool in_letters(char c, uint32_t set)
{
	return c >= 'a' && c <= 'z' && (set >> (c - 'a') & 1);
}

/* Whole words, after step 1a, that the later steps leave alone. */
static const rule invariant[] = {
	WORD("inning"), WORD("outing"), WORD("canning"), WORD("herring"),
	WORD("earring"), WORD("proceed"), WORD("exceed"), WORD("succeed"),
	RULES_END
};

/* The shortest word of invariant. */
#define INVARIANT_MIN 6

/* Prefixes after which R1 starts, whatever the letters. */
static const rule r1_prefixes[] = { WORD("gener"), WORD("commun"),
				    WORD("arsen"), RULES_END };

/* What each byte is to the algorithm: the bytes stemmed here, and among
 * them the vowels and y, which the prelude looks for. A table rather than
 * tests: the letters of a word follow no pattern a branch could learn. */
enum { TAKEN = 1, VOWEL = 2, Y = 4 };
#define LETTER(c) [c] = TAKEN
#define VOWEL_LETTER(c) [c] = TAKEN | VOWEL
static const unsigned char byte_class[256] = {
	VOWEL_LETTER('a'), LETTER('b'), LETTER('c'), LETTER('d'),
	VOWEL_LETTER('e'), LETTER('f'), LETTER('g'), LETTER('h'),
	VOWEL_LETTER('i'), LETTER('j'), LETTER('k'), LETTER('l'),
	LETTER('m'), LETTER('n'), VOWEL_LETTER('o'), LETTER('p'),
	LETTER('q'), LETTER('r'), LETTER('s'), LETTER('t'),
	VOWEL_LETTER('u'), LETTER('v'), LETTER('w'), LETTER('x'),
	['y'] = TAKEN | VOWEL | Y, LETTER('z'), LETTER('0'), LETTER('1'),
	LETTER('2'), LETTER('3'), LETTER('4'), LETTER('5'), LETTER('6'),
	LETTER('7'), LETTER('8'), LETTER('9'), LETTER('\'')
};

static bool is_vowel(char c)
{
	return byte_class[(unsigned char)c] & VOWEL;
}

/* The vowels with w, x and the marked consonant Y: what may not end a
 * short syllable. */
static bool is_vowel_wxy(char c)
{
	return is_vowel(c) || c == 'w' || c == 'x' || c == 'Y';
}

/* Does w end in suffix[0..len)? Compared from the end, byte by byte:
 * suffixes are short, and most differ in their last letter. */
static bool ends(const word *w, const char *suffix, size_t len)
{
	size_t i;

	if (w->n < len)
		return false;
	for (i = 1; i <= len; i++) {
		if (w->s[w->n - i] != suffix[len - i])
			return false;
	}
	return true;
}

/* The last len bytes of w replaced by repl[0..r), no longer than they. */
static void replace(word *w, size_t len, const char *repl, size_t r)
{
	char *at = w->s + w->n - len;
	size_t i;

	/* A byte at a time: replacements are at most five letters, fewer
	 * than a call to memcpy is worth. */
	for (i = 0; i < r; i++)
		at[i] = repl[i];
	w->n = w->n - len + r;
}

/* Is w one of the words of list? */
static bool is_word(const word *w, const rule *list)
{
	for (; list->suffix; list++) {
		if (list->len == w->n && w->s[0] == list->suffix[0] &&
		    memcmp(w->s, list->suffix, w->n) == 0)
			return true;
	}
	return false;
}

static bool any_vowel(const word *w, size_t from, size_t to)
{
	for (; from < to; from++) {
		if (is_vowel(w->s[from]))
			return true;
	}
	return false;
}

/* Does w[0..end) end in a short syllable: consonant, vowel, consonant
 * (the last not w, x or Y), or vowel and consonant as the whole word? */
static bool short_syllable(const word *w, size_t end)
{
	if (end < 2 || is_vowel(w->s[end - 1]) || !is_vowel(w->s[end - 2]))
		return false;
	if (end == 2)
		return true;
	return !is_vowel_wxy(w->s[end - 1]) && !is_vowel(w->s[end - 3]);
}

/* Bit i set where letter i of w is a vowel (a word has at most
 * ND_STEM_EN_MAX letters, 64): the regions are found from these bits,
 * not by letter loops whose ends no branch can foresee. */
static uint64_t vowel_bits(const word *w)
{
	uint64_t bits = 0;
	size_t i;

	for (i = 0; i < w->n; i++)
		bits |= (uint64_t)is_vowel(w->s[i]) << i;
	return bits;
}

/* The bits from i on, i at most 64. */
static uint64_t bits_from(uint64_t bits, size_t i)
{
	return i < 64 ? bits & (~0ULL << i) : 0;
}

/* Just past the first consonant after a vowel from i on, in w whose
 * vowels are the bits vowels; SIZE_MAX when there is none. */
static size_t past_vowel_consonant(const word *w, uint64_t vowels, size_t i)
{
	uint64_t v = bits_from(vowels, i), c;

	if (v == 0)
		return SIZE_MAX;
	/* The consonants past that vowel, up to the word's end. */
	c = bits_from(~vowels, (size_t)__builtin_ctzll(v) + 1) &
	    ~bits_from(~0ULL, w->n);
	return c ? (size_t)__builtin_ctzll(c) + 1 : SIZE_MAX;
}

static size_t prefix_len(const word *w, const rule *list)
{
	for (; list->suffix; list++) {
		if (w->n >= list->len && w->s[0] == list->suffix[0] &&
		    memcmp(w->s, list->suffix, list->len) == 0)
			return list->len;
	}
	return 0;
}

/* R1 and R2 of w, whose vowels are the bits vowels. */
static void mark_regions(word *w, uint64_t vowels)
{
	size_t p1 = prefix_len(w, r1_prefixes);

	w->p1 = w->p2 = w->n;
	if (p1 == 0 && (p1 = past_vowel_consonant(w, vowels, 0)) == SIZE_MAX)
		return;
	w->p1 = p1;
	w->p2 = past_vowel_consonant(w, vowels, p1);
	if (w->p2 == SIZE_MAX)
		w->p2 = w->n;
}

/* A leading apostrophe dropped; a y that opens the word or follows a
 * vowel marked Y, a consonant, when the word holds a y (any_y). Whether
 * any was marked. */
static bool prelude(word *w, bool any_y)
{
	bool marked = false;
	size_t i;

	if (w->n > 0 && w->s[0] == '\'') {
		memmove(w->s, w->s + 1, w->n - 1);
		w->n--;
	}
	/* Most words hold no y: they skip a test of each letter whose
	 * outcome the branch cannot learn. */
	if (!any_y)
		return false;
	for (i = 0; i < w->n; i++) {
		if (w->s[i] == 'y' && (i == 0 || is_vowel(w->s[i - 1]))) {
			w->s[i] = 'Y';
			marked = true;
		}
	}
	return marked;
}

/* Possessives and plurals. */
static void step1a(word *w)
{
	if (ends(w, "'s'", 3))
		w->n -= 3;
	else if (ends(w, "'s", 2))
		w->n -= 2;
	else if (ends(w, "'", 1))
		w->n -= 1;
	/* Every suffix below ends in s or d. */
	if (!ends(w, "s", 1) && !ends(w, "d", 1))
		return;
	if (ends(w, "sses", 4)) {
		w->n -= 2;
	} else if (ends(w, "ied", 3) || ends(w, "ies", 3)) {
		if (w->n > 4)
			replace(w, 3, "i", 1);
		else
			replace(w, 3, "ie", 2);
	} else if (ends(w, "us", 2) || ends(w, "ss", 2)) {
		return;
	} else if (ends(w, "s", 1) && w->n >= 2 &&
		   any_vowel(w, 0, w->n - 2)) {
		w->n--;
	}
}

static bool is_double(const word *w)
{
	return w->n >= 2 && w->s[w->n - 1] == w->s[w->n - 2] &&
	       in_letters(w->s[w->n - 1], DOUBLES);
}

/* What is left after -ed or -ing goes: an e back, or a double letter
 * made single. */
static void step1b_restore(word *w)
{
	if (ends(w, "at", 2) || ends(w, "bl", 2) || ends(w, "iz", 2))
		w->s[w->n++] = 'e';
	else if (is_double(w))
		w->n--;
	else if (w->n == w->p1 && short_syllable(w, w->n))
		w->s[w->n++] = 'e';
}

/* -eed, -ed, -ing and their -ly forms. */
static void step1b(word *w)
{
	static const rule ed_ing[] = { WORD("ingly"), WORD("edly"),
					WORD("ing"), WORD("ed"), RULES_END };
	const rule *e;

	/* Every suffix here ends in d, g or y. */
	if (!ends(w, "d", 1) && !ends(w, "g", 1) && !ends(w, "y", 1))
		return;
	if (ends(w, "eedly", 5) || ends(w, "eed", 3)) {
		size_t len = ends(w, "eedly", 5) ? 5 : 3;

		if (w->n - len >= w->p1)
			replace(w, len, "ee", 2);
		return;
	}
	for (e = ed_ing; e->suffix; e++) {
		if (!ends(w, e->suffix, e->len))
			continue;
		if (any_vowel(w, 0, w->n - e->len)) {
			w->n -= e->len;
			step1b_restore(w);
		}
		return;
	}
}

/* A final y after a consonant, not the first letter, becomes i. */
static void step1c(word *w)
{
	if (w->n >= 3 && (w->s[w->n - 1] == 'y' || w->s[w->n - 1] == 'Y') &&
	    !is_vowel(w->s[w->n - 2]))
		w->s[w->n - 1] = 'i';
}

static bool holds(const word *w, int cond, size_t at)
{
	char before = at > 0 ? w->s[at - 1] : '\0';

	switch (cond) {
	case IF_R2:
		return at >= w->p2;
	case IF_L:
		return before == 'l';
	case IF_LI:
		return in_letters(before, LI_ENDINGS);
	case IF_S_OR_T:
		return before == 's' || before == 't';
	default:
		return true;
	}
}

/* The longest suffix of step that ends w replaced, when it starts in the
 * region from region on and its condition holds. */
static void replace_suffix(word *w, by_last step, size_t region)
{
	const rule *r;
	char last = w->n ? w->s[w->n - 1] : '\0';

	/* No suffix fits in the region: the rules are not read, which for
	 * most short words' R2 they need not be. */
	if (region + SUFFIX_MIN > w->n || last < 'a' || last > 'z')
		return;
	for (r = step[last - 'a']; r && r->suffix; r++) {
		size_t at;

		if (!ends(w, r->suffix, r->len))
			continue;
		at = w->n - r->len;
		if (at >= region && holds(w, r->cond, at))
			replace(w, r->len, r->repl, r->repl_len);
		return;
	}
}

/* A final e in R2, or in R1 after no short syllable; a double l's last l
 * in R2. */
static void step5(word *w)
{
	size_t at = w->n - 1;

	if (w->n == 0)
		return;
	if (w->s[at] == 'e') {
		if (at >= w->p2 || (at >= w->p1 && !short_syllable(w, at)))
			w->n--;
	} else if (w->s[at] == 'l') {
		if (at >= w->p2 && at > 0 && w->s[at - 1] == 'l')
			w->n--;
	}
}

/* The steps after the word's regions are marked. */
static void steps(word *w)
{
	step1a(w);
	/* Every invariant word ends in g or d. */
	if (w->n >= INVARIANT_MIN && (ends(w, "g", 1) || ends(w, "d", 1)) &&
	    is_word(w, invariant))
		return;
	step1b(w);
	step1c(w);
	replace_suffix(w, step2, w->p1);
	replace_suffix(w, step3, w->p1);
	replace_suffix(w, step4, w->p2);
	step5(w);
}

/* What takes finds of a word in its one pass over the letters. */
typedef struct letters {
	uint64_t vowels; /* bit i set when letter i is a vowel */
	bool any_y;
} letters;

/* Words of a-z, 0-9 and ' only: the library's stemmer reads other bytes,
 * a marked Y among them, as it alone knows. Their vowels and whether they
 * hold a y in *l, from the same pass: each further loop over the letters
 * costs a mispredicted end. */
static bool takes(const char *w, size_t n, letters *l)
{
	unsigned char all = TAKEN, any = 0;
	uint64_t vowels = 0;
	size_t i;

	if (n > ND_STEM_EN_MAX)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = byte_class[(unsigned char)w[i]];

		all &= c;
		any |= c;
		vowels |= (uint64_t)((c & VOWEL) != 0) << i;
	}
	l->vowels = vowels;
	l->any_y = any & Y;
	return all;
}

/* The stem of an exception word into out; false when w is none. */
static bool exception(char *out, size_t *len, const char *w, size_t n)
{
	const rule *r;

	if (n > EXCEPTION_MAX || n == 0 || !in_letters(w[n - 1], EXCEPTION_LAST))
		return false;
	for (r = exceptions; r->suffix; r++) {
		if (r->len == n && r->suffix[0] == w[0] &&
		    memcmp(r->suffix, w, n) == 0) {
			*len = r->repl_len ? r->repl_len : r->len;
			memcpy(out, r->repl_len ? r->repl : r->suffix, *len);
			return true;
		}
	}
	return false;
}

bool nd_stem_en(char *out, size_t *len, const char *w, size_t n)
{
	word x;
	letters l;
	size_t i;

	if (!takes(w, n, &l))
		return false;
	if (exception(out, len, w, n))
		return true;
	/* Stemmed in place in out: a stem is never longer than its word. */
	memcpy(out, w, n);
	x.s = out;
	x.n = n;
	/* Words under three letters are their own stems. */
	if (n >= 3) {
		bool marked = prelude(&x, l.any_y);

		/* The prelude's changes move or take vowels. */
		if (marked || x.n != n)
			l.vowels = vowel_bits(&x);
		mark_regions(&x, l.vowels);
		steps(&x);
		for (i = 0; marked && i < x.n; i++) {
			if (x.s[i] == 'Y')
				x.s[i] = 'y';
		}
	}
	*len = x.n;
	return true;
}
