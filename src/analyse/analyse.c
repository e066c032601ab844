#include "analyse/analyse.h"

#include <string.h> /* memchr, memcpy */

#include "analyse/sentence.h"
#include "analyse/vocab_internal.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/bytes8.h"
#include "core/error.h"
#include "core/utf8.h"

/* Copied into the arena once the article is done, so the arena holds
 * exactly what the document needs. */
typedef nd_analyse_scratch scratch;

static bool is_quote_open(int32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x00AB || cp == 0x2018 ||
	       cp == 0x201E || cp == '\'';
}

/* Length of the number starting at p: digits with inner ',' or '.' between
 * digits ("7,000", "2.60"). */
static size_t number_len(const char *p, const char *end)
{
	const char *q = p;

	while (q < end) {
		if (*q >= '0' && *q <= '9') {
			q++;
		} else if ((*q == ',' || *q == '.') && q + 1 < end &&
			   q[1] >= '0' && q[1] <= '9' && q > p) {
			q++;
		} else {
			break;
		}
	}
	return (size_t)(q - p);
}

/* Length of the word starting at p: word characters, with apostrophes
 * inside ("Russia's") but not hyphens, which split compounds. */
static size_t word_len(const char *p, const char *end)
{
	const char *q = p;

	while (q < end) {
		const char *r = q;
		int32_t cp = nd_utf8_decode(&r, end);

		if (nd_cp_is_word(cp)) {
			q = r;
			continue;
		}
		if ((cp == '\'' || cp == 0x2019) && q > p && r < end) {
			const char *s = r;

			if (nd_cp_is_word(nd_utf8_decode(&s, end))) {
				q = r;
				continue;
			}
		}
		break;
	}
	return (size_t)(q - p);
}

static uint32_t word_flags(const char *p, size_t n)
{
	const char *q = p, *end = p + n;
	uint32_t flags = 0;
	size_t letters = 0, upper = 0;

	if (*p >= '0' && *p <= '9')
		flags |= ND_TOK_NUMBER;
	while (q < end) {
		int32_t cp = nd_utf8_decode(&q, end);

		if (!nd_cp_is_letter(cp))
			continue;
		if (nd_cp_is_upper(cp)) {
			if (letters == 0)
				flags |= ND_TOK_CAPITAL;
			upper++;
		}
		letters++;
	}
	if (letters >= 2 && upper == letters)
		flags |= ND_TOK_ALLCAPS;
	return flags;
}

static bool is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || nd_ascii_is_letter(c);
}

/* The word at p (an ASCII letter) when it is ASCII throughout: its length,
 * with its lower case in folded and its flags, as word_len, nd_utf8_fold
 * and word_flags would give them, in one pass instead of three. 0 when a
 * byte past ASCII may belong to it, for those to handle. */
static size_t ascii_word(const char *p, const char *end,
			 char folded[ND_FOLD_MAX], size_t *flen,
			 uint32_t *flags)
{
	const unsigned char *q = (const unsigned char *)p;
	const unsigned char *e = (const unsigned char *)end;
	size_t n = 0, letters = 0, upper = 0;

	*flags = 0;
#if ND_BYTES8_IN_ORDER
	/* The letters and digits it opens with, eight bytes at a time,
	 * lower-cased at once (a digit has the 0x20 bit already); the loop
	 * below takes it on from the first other byte. */
	while (e - q >= 8 && n + 8 <= ND_FOLD_MAX) {
		uint64_t x = nd_bytes8_load((const char *)q);
		uint64_t l = nd_bytes8_letters(x);
		uint64_t stop = ~(l | nd_bytes8_range(x, '0', '9')) &
				ND_BYTES8_HIGHS;
		uint64_t keep = stop ? (stop & -stop) - 1 : ~0ULL;
		uint64_t up = nd_bytes8_range(x, 'A', 'Z') & keep;
		uint64_t lower = x | (ND_BYTES8_ONES * 0x20);
		size_t k = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;

		l &= keep;
		/* Capital: the first letter is upper case. */
		if (letters == 0 && l && (up & (l & -l)))
			*flags |= ND_TOK_CAPITAL;
		letters += nd_bytes8_count(l);
		upper += nd_bytes8_count(up);
		memcpy(folded + n, &lower, 8);
		n += k;
		q += k;
		if (stop)
			break;
	}
#endif
	for (; q < e; q++) {
		unsigned char c = *q;

		if (c >= 0x80)
			return 0;
		if (!is_ascii_alnum(c)) {
			/* An apostrophe inside is kept: "Russia's". */
			if (c != '\'' || q + 1 >= e)
				break;
			if (q[1] >= 0x80)
				return 0;
			if (!is_ascii_alnum(q[1]))
				break;
		} else if (c > '9') {
			if (c <= 'Z') {
				if (letters == 0)
					*flags |= ND_TOK_CAPITAL;
				upper++;
				c |= 0x20;
			}
			letters++;
		}
		if (n < ND_FOLD_MAX - 1)
			folded[n] = (char)c;
		n++;
	}
	if (letters >= 2 && upper == letters)
		*flags |= ND_TOK_ALLCAPS;
	*flen = n < ND_FOLD_MAX - 1 ? n : ND_FOLD_MAX - 1;
	return n;
}
/* Tokens are folded and hashed this many ahead of their look-up in the
 * vocabulary: the start of each look-up is loaded meanwhile, so that the
 * cache misses of a large vocabulary overlap instead of following one
 * another. 32 rather than 16: analysis ran ~1.5% faster, and 64 no faster
 * than 32 (about 10 KB of pending tokens on the stack). */
#define TOK_AHEAD 32

/* A token scanned but not yet looked up. */
typedef struct pending {
	const char *p; /* in the text */
	size_t n;
	size_t flen;
	uint32_t flags;
	uint64_t hash;
	/* Read by the vocabulary as a padded key, up to a whole word past
	 * its end. */
	char folded[ND_FOLD_MAX + ND_WORDTAB_PAD];
} pending;

/* The token at p, an ASCII character that starts one, scanned into t by
 * ascii_word's single pass when it can; its length, or 0 when the
 * general path must take it. */
static size_t scan_ascii(pending *t, const char *p, const char *end)
{
	size_t n;

	t->flags = ND_TOK_NUMBER;
	if (*p >= '0' && *p <= '9') {
		/* Digits, ',' and '.': their own folded form. */
		n = number_len(p, end);
		t->flen = n < ND_FOLD_MAX - 1 ? n : ND_FOLD_MAX - 1;
		memcpy(t->folded, p, t->flen);
	} else {
		n = ascii_word(p, end, t->folded, &t->flen, &t->flags);
	}
	return n;
}

/* Scans the token at p into t (t->n = 0 when p starts none); returns how
 * far to go on. */
static size_t scan_token(pending *t, const char *p, const char *end)
{
	const char *r = p;
	int32_t cp;

	t->p = p;
	if (is_ascii_alnum((unsigned char)*p) &&
	    (t->n = scan_ascii(t, p, end)) != 0)
		return t->n;
	cp = nd_utf8_decode(&r, end);
	if (cp >= '0' && cp <= '9')
		t->n = number_len(p, end);
	else if (nd_cp_is_word(cp))
		t->n = word_len(p, end);
	else
		t->n = 0;
	if (t->n == 0)
		return (size_t)(r - p);
	t->flen = nd_utf8_fold(p, t->n, t->folded, sizeof(t->folded));
	t->flags = word_flags(p, t->n);
	return t->n;
}

/* Looks up the pending tokens t[0..n) in order and appends them: a known
 * word, most of them, found here; a new one added by the vocabulary where
 * the look-up ended. */
static int add_pending(scratch *s, nd_vocab *v, const char *text,
		       const pending *t, size_t n)
{
	const nd_vocab_terms *known = nd_vocab__terms(v);
	size_t i;

	if (nd_array_reserve((void **)&s->toks, &s->tok_cap, s->ntoks + n,
			     sizeof(*s->toks)))
		return ND_ENOMEM;
	for (i = 0; i < n; i++) {
		nd_token *tok = &s->toks[s->ntoks];
		nd_wordtab_slot *slot = nd_wordtab_find_padded(
			&known->tab, known->words, t[i].folded, t[i].flen,
			t[i].hash);
		bool stop;

		if (slot->id1 != 0) {
			tok->term = slot->id1 - 1;
			tok->stem = known->words[tok->term].value;
			stop = known->stop[tok->term];
		} else if (nd_vocab__add_term(v, slot, t[i].folded, t[i].flen,
					      t[i].hash, &tok->term,
					      &tok->stem, &stop)) {
			return ND_ENOMEM;
		}
		tok->off = (uint32_t)(t[i].p - text);
		tok->len = (uint32_t)t[i].n;
		tok->flags = t[i].flags | (stop ? ND_TOK_STOP : 0);
		s->ntoks++;
	}
	return ND_OK;
}

/* Tokens of text[from..to), appended to the scratch. */
static int tokenize(scratch *s, nd_vocab *v, const char *text, size_t from,
		    size_t to)
{
	const char *p = text + from, *end = text + to;
	const nd_vocab_terms *known = nd_vocab__terms(v);
	pending ahead[TOK_AHEAD];
	size_t n = 0;
	bool first = true;

	while (p < end) {
		pending *t = &ahead[n];
		unsigned char c = (unsigned char)*p;

		/* ASCII spaces and punctuation between words: skipped here,
		 * without the decoding of the general path. */
		if (c < 0x80 && !is_ascii_alnum(c)) {
			p++;
			continue;
		}
		p += scan_token(t, p, end);
		if (t->n == 0)
			continue;
		if (first)
			t->flags |= ND_TOK_FIRST;
		first = false;
		/* A word that folds to nothing is no token. */
		if (t->flen == 0)
			continue;
		t->hash = nd_wordtab_hash_padded(t->folded, t->flen);
		nd_wordtab_prefetch(&known->tab, t->hash);
		if (++n == TOK_AHEAD) {
			if (add_pending(s, v, text, ahead, n))
				return ND_ENOMEM;
			n = 0;
		}
	}
	return add_pending(s, v, text, ahead, n);
}

static size_t trim_left(const char *text, size_t from, size_t to)
{
	while (from < to && (text[from] == ' ' || text[from] == '\t'))
		from++;
	return from;
}

static size_t trim_right(const char *text, size_t from, size_t to)
{
	while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t' ||
			     text[to - 1] == '\r'))
		to--;
	return to;
}

static uint32_t sentence_flags(const char *p, size_t n)
{
	const char *q = p, *end = p + n;
	uint32_t flags = 0;
	size_t i = n;

	if (n && is_quote_open(nd_utf8_decode(&q, end)))
		flags |= ND_SENT_QUOTE;
	while (i > 0 && ((unsigned char)p[i - 1] >= 0x80 || p[i - 1] == '"' ||
			 p[i - 1] == '\'' || p[i - 1] == ')'))
		i--;
	if (i > 0 && p[i - 1] == '?')
		flags |= ND_SENT_QUESTION;
	return flags;
}

/* Sentences and tokens of one paragraph line text[from..to). */
static int analyse_line(scratch *s, nd_vocab *v, const char *text,
			size_t from, size_t to, uint32_t para, bool title)
{
	size_t at = 0, len = to - from;

	while (at < len) {
		size_t end = nd_sentence_end(text + from, len, at);
		size_t a = trim_left(text, from + at, from + end);
		size_t b = trim_right(text, a, from + end);
		nd_sentence sent;

		at = end;
		if (a >= b)
			continue;
		sent.off = (uint32_t)a;
		sent.len = (uint32_t)(b - a);
		sent.tok = (uint32_t)s->ntoks;
		if (tokenize(s, v, text, a, b))
			return ND_ENOMEM;
		sent.ntok = (uint32_t)(s->ntoks - sent.tok);
		if (sent.ntok == 0)
			continue;
		sent.para = para;
		sent.flags = sentence_flags(text + a, b - a) |
			     (title ? ND_SENT_TITLE : 0);
		if (ND_ARRAY_PUSH(s->sents, s->nsents, s->sent_cap, sent))
			return ND_ENOMEM;
	}
	return ND_OK;
}

int nd_analyse(nd_doc *out, nd_vocab *v, nd_arena *arena, const char *text,
	       size_t len, size_t title_len)
{
	scratch *s = nd_vocab__scratch(v);
	size_t at = 0;
	uint32_t para = 0;
	int rc = ND_OK;

	memset(out, 0, sizeof(*out));
	if (len >= UINT32_MAX)
		return ND_ETOOBIG;
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;

		if (trim_left(text, at, end) < trim_right(text, at, end)) {
			rc = analyse_line(s, v, text, at, end, para,
					  para == 0 && title_len > 0);
			if (rc)
				return rc;
			para++;
		}
		at = end + 1;
	}
	out->text = text;
	out->len = len;
	out->npara = para;
	out->ntoks = s->ntoks;
	out->nsents = s->nsents;
	if ((s->ntoks && (out->toks = nd_arena_memdup(arena, s->toks, s->ntoks,
						      sizeof(*s->toks))) ==
				 NULL) ||
	    (s->nsents &&
	     (out->sents = nd_arena_memdup(arena, s->sents, s->nsents,
					   sizeof(*s->sents))) == NULL))
		rc = ND_ENOMEM;
	return rc;
}
