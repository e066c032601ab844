#include "facts/quotes.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memchr, memcmp, memset, strlen */

#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/utf8.h"

enum {
	MIN_WORDS = 3,        /* fewer is a scare-quoted term */
	TITLE_WORDS = 10,     /* more in title case is no title */
	MIN_SINGLE_WORDS = 4, /* ‘…’ is only a quotation when this long */
	MIN_OPEN_WORDS = 6    /* an unclosed quotation running to the end */
};

/* Kinds of quotation: which marks close which. */
typedef enum qkind {
	Q_NONE,
	Q_CURLY,  /* “ … ” */
	Q_LOW,    /* „ … “ or ” */
	Q_GUILL,  /* « … » */
	Q_ASCII,  /* " … " */
	Q_RIGHT,  /* ” … ” */
	Q_SINGLE, /* ‘ … ’ */
	Q_TEX     /* `` … '' of old newswire */
} qkind;

typedef struct line {
	const char *text;
	size_t from, to; /* paragraph bytes */
} line;

static int32_t cp_before(const line *l, size_t at)
{
	const char *p;
	size_t i = at;

	if (at <= l->from)
		return ' ';
	while (i > l->from && ((unsigned char)l->text[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > l->from)
		i--;
	p = l->text + i;
	return nd_utf8_decode(&p, l->text + at);
}

static int32_t cp_at(const line *l, size_t at)
{
	const char *p = l->text + at;

	if (at >= l->to)
		return ' ';
	return nd_utf8_decode(&p, l->text + l->to);
}

static bool opens_after(int32_t cp)
{
	return nd_cp_is_space(cp) || cp == '(' || cp == '[' || cp == ':' ||
	       cp == 0x2014 || cp == 0x2013 || cp == '-' || cp == '/' ||
	       cp == 0x201C || cp == 0x00AB || cp == '\'' || cp == 0x2018;
}

/* Kind of quotation an opening mark at `at` starts, or Q_NONE. */
static qkind opening(const line *l, size_t at, int32_t cp, size_t n)
{
	int32_t prev = cp_before(l, at), next = cp_at(l, at + n);

	switch (cp) {
	case 0x201C:
		return Q_CURLY;
	case 0x201E:
		return Q_LOW;
	case 0x00AB:
		return Q_GUILL;
	case '"':
		return opens_after(prev) && !nd_cp_is_space(next) ? Q_ASCII
								  : Q_NONE;
	case 0x201D:
		return opens_after(prev) && nd_cp_is_word(next) ? Q_RIGHT
							     : Q_NONE;
	case 0x2018:
		return opens_after(prev) && nd_cp_is_word(next) ? Q_SINGLE
							     : Q_NONE;
	default:
		return Q_NONE;
	}
}

/* Does cp at `at` close a quotation of kind k? */
static bool closing(const line *l, size_t at, int32_t cp, size_t n,
		    qkind k)
{
	int32_t prev = cp_before(l, at), next = cp_at(l, at + n);

	switch (k) {
	case Q_CURLY:
		/* Some sites close with a second “. */
		return cp == 0x201D ||
		       (cp == 0x201C && !nd_cp_is_space(prev) &&
			!nd_cp_is_word(next));
	case Q_LOW:
		return cp == 0x201C || cp == 0x201D;
	case Q_GUILL:
		return cp == 0x00BB;
	case Q_ASCII:
		return cp == '"';
	case Q_RIGHT:
		return cp == 0x201D && !nd_cp_is_word(next);
	case Q_SINGLE:
		/* An apostrophe sits between letters ("don’t"). */
		return cp == 0x2019 && !nd_cp_is_space(prev) &&
		       !nd_cp_is_word(next);
	default:
		return false;
	}
}

/* Words of s[0..n): runs of word characters joined by apostrophes. */
static uint32_t count_words(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	uint32_t words = 0;
	bool in = false;

	while (p < end) {
		int32_t cp = nd_utf8_decode(&p, end);

		if (nd_cp_is_word(cp)) {
			if (!in)
				words++;
			in = true;
		} else if (!(in && nd_cp_is_joiner(cp))) {
			in = false;
		}
	}
	return words;
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

/* The sorted distinct copy of q's word hashes qs->h[start..nh), right
 * after them, for set overlap. */
static int sorted_copy(nd_quotes *qs, nd_qspan *q, size_t start)
{
	size_t i, u;

	q->h_off = (uint32_t)start;
	q->h_n = (uint32_t)(qs->nh - start);
	for (i = 0; i < q->h_n; i++) {
		uint64_t h = qs->h[start + i];

		if (ND_ARRAY_PUSH(qs->h, qs->nh, qs->hcap, h))
			return ND_ENOMEM;
	}
	q->s_off = (uint32_t)(start + q->h_n);
	if (q->h_n == 0) {
		q->s_n = 0;
		return ND_OK;
	}
	qsort(qs->h + q->s_off, q->h_n, sizeof(uint64_t), cmp_u64);
	for (i = 0, u = 0; i < q->h_n; i++) {
		if (u == 0 || qs->h[q->s_off + u - 1] != qs->h[q->s_off + i])
			qs->h[q->s_off + u++] = qs->h[q->s_off + i];
	}
	q->s_n = (uint32_t)u;
	qs->nh = q->s_off + u;
	return ND_OK;
}

/* Folded word hashes of the quote, in order and as a sorted set. */
static int hash_words(nd_quotes *qs, nd_qspan *q, const char *text)
{
	const char *p = text + q->off, *end = p + q->len;
	size_t start = qs->nh;

	while (p < end) {
		const char *w = p, *r = p;
		char fold[ND_FOLD_MAX];
		size_t fl;
		uint64_t h;

		while (r < end) {
			const char *s = r;
			int32_t cp = nd_utf8_decode(&s, end);

			if (!nd_cp_is_word(cp))
				break;
			r = s;
		}
		if (r == w) {
			nd_utf8_decode(&p, end);
			continue;
		}
		p = r;
		fl = nd_utf8_fold(w, (size_t)(r - w), fold, sizeof(fold));
		h = nd_hash64(fold, fl, 0x71756f7465ULL);
		if (ND_ARRAY_PUSH(qs->h, qs->nh, qs->hcap, h))
			return ND_ENOMEM;
	}
	return sorted_copy(qs, q, start);
}

/* Small words a title writes in lower case ("Return of the Jedi"). */
static bool title_small(const char *w, size_t n)
{
	static const char *const words[] = {
		"a", "an", "the", "of", "and", "or", "in", "on", "at", "to",
		"for", "with", "by", "from", "vs", "de", "la", "le", "du",
	};
	size_t k;

	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++) {
		if (strlen(words[k]) == n && memcmp(words[k], w, n) == 0)
			return true;
	}
	return false;
}

/* Is s[0..n) a title in title case ("The Empire Strikes Back", "Lessons
 * From Netscape"): every word capitalised or a small word, at least two
 * capitalised, at most TITLE_WORDS words? Words are what spaces part;
 * punctuation ("--", ":") counts as none. */
static bool title_case(const char *s, size_t n)
{
	size_t i = 0, words = 0, caps = 0;

	while (i < n) {
		size_t a, e;

		while (i < n && s[i] == ' ')
			i++;
		a = i;
		while (i < n && s[i] != ' ')
			i++;
		e = i;
		while (a < e && !nd_ascii_is_letter((unsigned char)s[a]) &&
		       !((unsigned char)s[a] >= '0' && (unsigned char)s[a] <= '9'))
			a++;
		if (a == e)
			continue;
		if (++words > TITLE_WORDS)
			return false;
		if ((s[a] >= 'A' && s[a] <= 'Z') || (s[a] >= '0' && s[a] <= '9'))
			caps++;
		else if ((unsigned char)s[a] >= 0x80)
			return false;
		else {
			size_t w = a;

			while (w < e && nd_ascii_is_letter((unsigned char)s[w]))
				w++;
			if (!title_small(s + a, w - a))
				return false;
		}
	}
	return caps >= 2;
}

/* Records the quotation between the marks (inner bytes [a, b)) when it is
 * long enough to be speech. */
static int emit(nd_quotes *qs, const line *l, uint32_t k, uint32_t para,
		size_t open, size_t a, size_t b, size_t close, bool closed,
		qkind kind)
{
	nd_qspan q;
	uint32_t min;

	for (;;) {
		const char *p = l->text + a;

		if (a < b && nd_cp_is_space(nd_utf8_decode(&p, l->text + b)))
			a = (size_t)(p - l->text);
		else
			break;
	}
	for (;;) {
		while (b > a && (l->text[b - 1] == ' ' ||
				 l->text[b - 1] == ',' ||
				 l->text[b - 1] == '\t'))
			b--;
		if (b >= a + 2 && (unsigned char)l->text[b - 2] == 0xC2 &&
		    (unsigned char)l->text[b - 1] == 0xA0)
			b -= 2;
		else if (b >= a + 3 && (unsigned char)l->text[b - 3] == 0xE2 &&
			 (unsigned char)l->text[b - 2] == 0x80 &&
			 ((unsigned char)l->text[b - 1] == 0xAF ||
			  (unsigned char)l->text[b - 1] == 0x89))
			b -= 3;
		else
			break;
	}
	if (b <= a || b - a > ND_QUOTE_MAX || qs->n >= ND_QUOTES_MAX)
		return ND_OK;
	memset(&q, 0, sizeof(q));
	q.words = count_words(l->text + a, b - a);
	min = !closed ? MIN_OPEN_WORDS
		      : kind == Q_SINGLE ? MIN_SINGLE_WORDS : MIN_WORDS;
	/* "The temptation," said X, "is to …": a short part that ends in a
	 * comma is kept as a fragment, for nd_quotes_join to join or drop. */
	if (q.words < min &&
	    !(closed && q.words > 0 && memchr(l->text + b, ',', close - b)))
		return ND_OK;
	/* "Star Wars: Episode I -- The Phantom Menace": a title. */
	if (closed && title_case(l->text + a, b - a))
		return ND_OK;
	q.fragment = q.words < min;
	q.doc = k;
	q.para = para;
	q.para_off = (uint32_t)l->from;
	q.para_end = (uint32_t)l->to;
	q.open = (uint32_t)open;
	q.close = (uint32_t)close;
	q.off = (uint32_t)a;
	q.len = (uint32_t)(b - a);
	q.closed = closed;
	q.speaker = ND_FX_NONE;
	if (hash_words(qs, &q, l->text))
		return ND_ENOMEM;
	return ND_ARRAY_PUSH(qs->q, qs->n, qs->cap, q);
}

bool nd_quotes_double_mark(int32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
	       cp == 0x00AB || cp == 0x00BB;
}

static bool quote_mark(int32_t cp)
{
	return nd_quotes_double_mark(cp) || cp == 0x2018 || cp == 0x2019;
}

static int scan_line(nd_quotes *qs, uint32_t k, uint32_t para,
		     const line *l)
{
	size_t at = l->from, open = 0, inner = 0;
	qkind kind = Q_NONE;
	int rc;

	while (at < l->to) {
		unsigned char c = (unsigned char)l->text[at];
		const char *p;
		int32_t cp;
		size_t n;

		/* Every mark is '"', "``", "''" or starts with byte C2 or
		 * E2. */
		if ((c == '`' || c == '\'') && at + 1 < l->to &&
		    l->text[at + 1] == (char)c) {
			/* Some wires open with '' too: then a word follows. */
			if (kind == Q_NONE &&
			    (c == '`' || (at + 2 < l->to &&
					  nd_cp_is_word(cp_at(l, at + 2)) &&
					  opens_after(cp_before(l, at))))) {
				kind = Q_TEX;
				open = at;
				inner = at + 2;
			} else if (kind == Q_TEX && c == '\'') {
				rc = emit(qs, l, k, para, open, inner, at,
					  at + 2, true, kind);
				if (rc)
					return rc;
				kind = Q_NONE;
			}
			at += 2;
			continue;
		}
		/* A lone ` before a word opens a quotation as `` does: some
		 * wire copy drops one. */
		if (c == '`' && kind == Q_NONE && at + 1 < l->to &&
		    nd_cp_is_word(cp_at(l, at + 1)) &&
		    opens_after(cp_before(l, at))) {
			kind = Q_TEX;
			open = at;
			inner = at + 1;
			at++;
			continue;
		}
		if (c != '"' && c != 0xC2 && c != 0xE2) {
			at++;
			continue;
		}
		p = l->text + at;
		cp = nd_utf8_decode(&p, l->text + l->to);
		n = (size_t)(p - (l->text + at));
		if (!quote_mark(cp)) {
			at += n;
			continue;
		}
		if (kind == Q_NONE) {
			kind = opening(l, at, cp, n);
			if (kind != Q_NONE) {
				open = at;
				inner = at + n;
			}
		} else if (closing(l, at, cp, n, kind)) {
			rc = emit(qs, l, k, para, open, inner, at, at + n, true,
				  kind);
			if (rc)
				return rc;
			kind = Q_NONE;
		}
		at += n;
	}
	if (kind != Q_NONE && kind != Q_SINGLE)
		return emit(qs, l, k, para, open, inner, l->to, l->to, false,
			    kind);
	return ND_OK;
}

static bool blank(const char *t, size_t a, size_t b)
{
	while (a < b && (t[a] == ' ' || t[a] == '\t'))
		a++;
	while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' ||
			 t[b - 1] == '\r'))
		b--;
	return a >= b;
}

int nd_quotes_find(nd_quotes *qs, const nd_fstory *st, uint32_t k)
{
	const nd_doc *d = nd_fstory_doc(st, k);
	bool titled = d->nsents > 0 && (d->sents[0].flags & ND_SENT_TITLE);
	size_t at = 0;
	uint32_t para = 0;
	int rc;

	while (at < d->len) {
		const char *nl = memchr(d->text + at, '\n', d->len - at);
		size_t end = nl ? (size_t)(nl - d->text) : d->len;

		if (!blank(d->text, at, end)) {
			line l = { d->text, at, end };

			/* Paragraphs are counted as the analyser counts them;
			 * the title line is no place for speech. */
			if (!(para == 0 && titled)) {
				rc = scan_line(qs, k, para, &l);
				if (rc)
					return rc;
			}
			para++;
		}
		at = end + 1;
	}
	return ND_OK;
}

/* Does the period at text[dot] end an initial or a title's abbreviation
 * ("L.", "Rep.", "Dr.", "U.S."), not a sentence? from bounds the look
 * back. */
static bool abbreviation(const char *text, size_t from, size_t dot)
{
	static const char *const abbrevs[] = {
		"Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Gov", "Gen", "Col",
		"Lt", "Sgt", "St", "Jr", "Sr", "Prof", "Rev", "Capt", "Maj",
		"Adm", "Cmdr", "Mt", "Ft",
	};
	size_t w = dot, i;

	while (w > from && ((text[w - 1] >= 'A' && text[w - 1] <= 'Z') ||
			    (text[w - 1] >= 'a' && text[w - 1] <= 'z')))
		w--;
	if (dot - w == 1)
		return text[w] >= 'A' && text[w] <= 'Z'; /* "L.", "U.S." */
	for (i = 0; i < sizeof(abbrevs) / sizeof(abbrevs[0]); i++) {
		if (strlen(abbrevs[i]) == dot - w &&
		    memcmp(abbrevs[i], text + w, dot - w) == 0)
			return true;
	}
	return false;
}

/* Does an attribution inside one sentence lie between a and b:
 * "…," she said, "…"? */
static bool interrupts(nd_fstory *st, const nd_doc *d, const nd_qspan *a,
		       const nd_qspan *b)
{
	size_t i, t, n = 0;
	bool verb = false;

	if (a->para != b->para || !a->closed ||
	    !memchr(d->text + a->off + a->len, ',',
		    a->close - (a->off + a->len)))
		return false;
	for (i = a->close; i < b->open; i++) {
		char c = d->text[i];

		if ((c == '.' && !abbreviation(d->text, a->close, i)) ||
		    c == '!' || c == '?' || c == ';' || c == ':')
			return false;
	}
	while (i > a->close && d->text[i - 1] == ' ')
		i--;
	if (i == a->close || d->text[i - 1] != ',')
		return false;
	for (t = nd_fstory_tok_at(d, a->close);
	     t < d->ntoks && d->toks[t].off < b->open; t++) {
		if (++n > ND_QUOTE_ATTRIBUTION_TOKENS)
			return false;
		verb |= (nd_fstory_lex(st, d, t).cls & ND_LEX_SPEECH) != 0;
	}
	return verb;
}

/* Does b, opening the paragraph after the one a was left open in, take
 * a up? */
static bool continues(const nd_doc *d, const nd_qspan *a, const nd_qspan *b)
{
	size_t i;

	if (a->closed || b->para != a->para + 1)
		return false;
	for (i = b->para_off; i < b->open; i++) {
		if (d->text[i] != ' ' && d->text[i] != '\t')
			return false;
	}
	return true;
}

/* Makes q[r] the quotation of the parts q[r..e) of text. */
static int join(nd_quotes *qs, const char *text, size_t r, size_t e)
{
	nd_qspan *h = &qs->q[r];
	size_t i, part_off = qs->n_parts, start = qs->nh;

	for (i = r; i < e; i++) {
		nd_qpart p = { qs->q[i].off, qs->q[i].len };
		size_t w;

		/* The comma an interrupted part ends with stays in its text. */
		if (i + 1 < e && qs->q[i].closed && text[p.off + p.len] == ',')
			p.len++;

		if (ND_ARRAY_PUSH(qs->parts, qs->n_parts, qs->parts_cap, p))
			return ND_ENOMEM;
		/* Copied by index: a push may move qs->h. */
		for (w = 0; w < qs->q[i].h_n; w++) {
			uint64_t x = qs->h[qs->q[i].h_off + w];

			if (ND_ARRAY_PUSH(qs->h, qs->nh, qs->hcap, x))
				return ND_ENOMEM;
		}
		if (i > r) {
			h->words += qs->q[i].words;
			if (h->speaker == ND_FX_NONE && !h->anonymous)
				h->speaker = qs->q[i].speaker;
		}
	}
	h->part_off = (uint32_t)part_off;
	h->n_parts = (uint32_t)(e - r);
	h->len = qs->q[e - 1].off + qs->q[e - 1].len - h->off;
	h->close = qs->q[e - 1].close;
	h->closed = qs->q[e - 1].closed;
	h->para_end = qs->q[e - 1].para_end;
	return sorted_copy(qs, h, start);
}

int nd_quotes_join(nd_quotes *qs, nd_fstory *st, uint32_t k, size_t q0)
{
	const nd_doc *d = nd_fstory_doc(st, k);
	size_t r = q0, w = q0;

	while (r < qs->n) {
		size_t e = r + 1;

		while (e < qs->n &&
		       qs->q[e].off + qs->q[e].len - qs->q[r].off <=
			       ND_QUOTE_MAX &&
		       (interrupts(st, d, &qs->q[e - 1], &qs->q[e]) ||
			continues(d, &qs->q[e - 1], &qs->q[e])))
			e++;
		if (e - r > 1 && join(qs, d->text, r, e))
			return ND_ENOMEM;
		if (e - r > 1 || !qs->q[r].fragment)
			qs->q[w++] = qs->q[r];
		r = e;
	}
	qs->n = w;
	return ND_OK;
}

int nd_quotes_add_reported(nd_quotes *qs, const nd_fstory *st, uint32_t k,
			   size_t off, size_t len, uint32_t speaker)
{
	const nd_doc *d = nd_fstory_doc(st, k);
	nd_qspan q;

	if (len == 0 || len > ND_QUOTE_MAX || qs->n >= ND_QUOTES_MAX)
		return ND_OK;
	memset(&q, 0, sizeof(q));
	q.doc = k;
	q.open = q.off = (uint32_t)off;
	q.close = (uint32_t)(off + len);
	q.len = (uint32_t)len;
	q.words = count_words(d->text + off, len);
	q.closed = true;
	q.reported = true;
	q.speaker = speaker;
	if (hash_words(qs, &q, d->text))
		return ND_ENOMEM;
	return ND_ARRAY_PUSH(qs->q, qs->n, qs->cap, q);
}

void nd_quotes_dispose(nd_quotes *qs)
{
	nd_free(qs->q);
	nd_free(qs->h);
	nd_free(qs->parts);
	memset(qs, 0, sizeof(*qs));
}
