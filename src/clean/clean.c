#include "clean/clean_internal.h"

#include <stdbool.h> /* bool */
#include <stdint.h>  /* SIZE_MAX, int32_t, uint64_t */
#include <string.h>  /* memmove, memset, strcmp, strlen */

#include "clean/furniture.h"
#include "clean/meta.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/bytes64.h"
#include "core/bytes8.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/utf8.h"

/* What a line turned out to be. */
enum {
	CL_BODY = 0,
	CL_TITLE,
	CL_JUNK,
	CL_SHORT,
	CL_TAIL,
	CL_COMMENTS,
	CL_READALSO,
	CL_CAPTION,
	CL_BYLINE,
	CL_LEADIN
};

#define NONE SIZE_MAX

/* ---- Re-joining paragraphs broken mid-sentence (plain text) ---- */

/* Start of the character that ends at end (end > s). */
static const char *char_start(const char *s, const char *end)
{
	const char *p = end - 1;

	while (p > s && ((unsigned char)*p & 0xC0) == 0x80)
		p--;
	return p;
}

/* The last code point of s[0..len) and, in *before, the one before it
 * (0 when there is none). */
static int32_t last_cp(const char *s, size_t len, int32_t *before)
{
	const char *p, *q;

	*before = 0;
	if (len == 0)
		return 0;
	p = char_start(s, s + len);
	q = p;
	if (p > s) {
		const char *r = char_start(s, p);

		*before = nd_utf8_decode(&r, p);
	}
	return nd_utf8_decode(&q, s + len);
}

/* The line ends with a quote or bracket that opens. */
static bool opens_at_end(const char *s, size_t len)
{
	int32_t before, cp = last_cp(s, len, &before);

	if (cp == 0x201C || cp == 0x00AB || cp == 0x2018 || cp == 0x201E ||
	    cp == '(' || cp == '[')
		return true;
	return (cp == '"' || cp == '\'') && (before == ' ' || before == 0);
}

/* The line ends a sentence (maybe signed off, ". EFE") or hands over to
 * the next line on purpose. */
static bool closed_at_end(const char *s, size_t len)
{
	int32_t before, cp = last_cp(s, len, &before);

	if (nd_clean_signoff(s, len, NULL, 0) < len)
		return true;

	switch (cp) {
	case '.': case '!': case '?': case ':': case 0x2026: case 0x201D:
	case 0x2019: case 0x00BB: case 0x3002: case 0xFF01: case 0xFF1F:
	case 0x061F: case 0x0964:
		return true;
	case '"': case '\'':
		return before != ' ' && before != 0;
	case ')':
		return before == '.' || before == '!' || before == '?';
	default:
		return false;
	}
}

/* The line carries on a sentence: a lower-case word or closing marks. */
static bool continues(const char *s, size_t len, bool *glue)
{
	const char *p = s, *end = s + len;
	int32_t cp = nd_utf8_decode(&p, end);

	*glue = false;
	switch (cp) {
	case ',': case ';': case ':': case '.': case ')': case ']': case '!':
	case '?': case 0x201D: case 0x2019: case 0x00BB:
		*glue = true;
		return true;
	case '"': case '\'':
		if (p == end || strchr(".,;:!?)", *p) != NULL) {
			*glue = true;
			return true;
		}
		return false;
	default:
		break;
	}
	if (!(cp < 0x80 ? (cp >= 'a' && cp <= 'z') :
			  (nd_cp_is_letter(cp) && !nd_cp_is_upper(cp) &&
			   cp < 0x0530)))
		return false;
	/* "eBay", "iPhone": a capital inside the first word is a name. */
	while (p < end && *p != ' ') {
		cp = nd_utf8_decode(&p, end);
		if (nd_cp_is_upper(cp))
			return false;
	}
	return true;
}

/* A short line that is furniture by its wording: never glued to. */
static bool worded_furniture(const char *s, size_t len, size_t gaps)
{
	char key[256];
	nd_line_feat f;
	int k;

	if (len > 120)
		return false;
	nd_clean_features(&f, s, len);
	nd_clean_key(s, len, key, sizeof(key));
	k = nd_clean_furniture(s, len, gaps, &f, NULL, key);
	return k != ND_FURN_NONE && k != ND_FURN_SHORT;
}

/* Glues line b to line a (b stored after a): with a space unless the
 * seam is a quote or punctuation. */
static void glue_lines(nd_clines *l, nd_cline *a, const nd_cline *b,
		       bool space)
{
	char *t = l->text.ptr;
	size_t at = a->off + a->len;

	if (space)
		t[at++] = ' ';
	memmove(t + at, t + b->off, b->len);
	at += b->len;
	t[at] = '\0';
	a->len = at - a->off;
	a->gaps += b->gaps;
}

static void rejoin(nd_clines *l)
{
	size_t i, w = 0;

	for (i = 0; i < l->n; i++) {
		nd_cline *b = &l->v[i];

		if (w > 0) {
			nd_cline *a = &l->v[w - 1];
			const char *as = l->text.ptr + a->off;
			const char *bs = l->text.ptr + b->off;
			bool glue = false, open = opens_at_end(as, a->len);

			if ((open || (w > 1 && !closed_at_end(as, a->len) &&
				      continues(bs, b->len, &glue))) &&
			    !worded_furniture(as, a->len, a->gaps)) {
				glue_lines(l, a, b, !(open || glue));
				continue;
			}
		}
		l->v[w++] = *b;
	}
	l->n = w;
}

/* ---- Classification ---- */

typedef struct ctx {
	nd_clines *l;
	nd_line_feat *feat;
	uint64_t *khash; /* hash of each line's key, as classify folded it */
	size_t n;
	bool html; /* lines are the blocks of an article found in a page */
	char fold[ND_CLEAN_FOLD_MAX];
	char key[ND_CLEAN_FOLD_MAX];
} ctx;

static const char *str(const ctx *c, size_t i)
{
	return nd_cline_str(c->l, i);
}

static int cls(const ctx *c, size_t i)
{
	return c->l->v[i].cls;
}

static void set(ctx *c, size_t i, int k)
{
	c->l->v[i].cls = k;
}

/* The hash of the NUL-terminated s. */
static uint64_t hash_of(const char *s)
{
	return nd_hash64(s, strlen(s), 0);
}

/* Folds line i into c->fold and c->key; false for lines too long for the
 * phrase rules. */
static bool fold_line(ctx *c, size_t i)
{
	const char *s = str(c, i);
	size_t len = c->l->v[i].len;

	if (c->feat[i].words > ND_CLEAN_PHRASE_WORDS)
		return false;
	len = nd_utf8_cut(s, len, ND_CLEAN_FOLD_MAX - 1);
	len = nd_utf8_fold(s, len, c->fold, sizeof(c->fold));
	nd_clean_key_folded(c->fold, len, c->key, sizeof(c->key));
	return true;
}

static int main_script(const ctx *c)
{
	size_t by[ND_SCRIPT_COUNT] = { 0 }, i;
	int best = ND_SCRIPT_NONE, k;

	for (i = 0; i < c->n; i++)
		by[c->feat[i].script] += c->feat[i].script_letters;
	for (k = 1; k < ND_SCRIPT_COUNT; k++) {
		if (by[k] > by[best])
			best = k;
	}
	return best;
}

/* A table row's features for the furniture rules: its figures are data,
 * not a line of symbols and numbers. */
static const nd_line_feat *as_row(nd_line_feat *row, const nd_line_feat *f)
{
	*row = *f;
	row->nonspace = row->letters;
	return row;
}

static void classify(ctx *c)
{
	int script = main_script(c);
	nd_line_feat row;
	size_t i;

	for (i = 0; i < c->n; i++) {
		const nd_cline *ln = &c->l->v[i];
		const nd_line_feat *f = &c->feat[i];
		const char *s = str(c, i);
		bool folded = fold_line(c, i);
		size_t no, nl;
		int k;

		/* The title is looked for among the keys: hashed once. */
		c->khash[i] = folded ? hash_of(c->key) : 0;
		if (ln->hints & ND_CL_CAPTION) {
			set(c, i, f->letters ? CL_CAPTION : CL_JUNK);
			continue;
		}
		k = nd_clean_byline(s, ln->len, f, folded ? c->fold : NULL,
				    &no, &nl);
		if (k != ND_BYLINE_NONE) {
			set(c, i,
			    k == ND_BYLINE_LEADIN ? CL_LEADIN : CL_BYLINE);
			continue;
		}
		if (i > 0 && cls(c, i - 1) == CL_LEADIN &&
		    nd_clean_is_name(s, ln->len, f)) {
			set(c, i, CL_BYLINE);
			continue;
		}
		if (folded && nd_clean_is_caption(f, c->fold)) {
			set(c, i, CL_CAPTION);
			continue;
		}
		switch (nd_clean_furniture(s, ln->len, ln->gaps,
					   (ln->hints & ND_CL_ROW) ?
						   as_row(&row, f) : f,
					   folded ? c->fold : NULL,
					   folded ? c->key : NULL)) {
		case ND_FURN_NONE:
			k = CL_BODY;
			break;
		case ND_FURN_SHORT:
			k = CL_SHORT;
			break;
		case ND_FURN_TAIL:
			k = CL_TAIL;
			break;
		case ND_FURN_COMMENTS:
			k = CL_COMMENTS;
			break;
		case ND_FURN_READALSO:
			k = CL_READALSO;
			break;
		default:
			k = CL_JUNK;
			break;
		}
		if (k == CL_BODY) {
			/* A short line in another script: a caption or label
			 * left in the page's own language. */
			if (f->script != script && !c->html &&
			    f->script != ND_SCRIPT_NONE &&
			    script != ND_SCRIPT_NONE && f->words <= 6)
				k = CL_JUNK;
			else if ((ln->hints & ND_CL_LINKY) &&
				 !(f->sentence && f->words >= 12))
				k = CL_JUNK;
		}
		set(c, i, k);
	}
}

/* Marks the first line (not a caption) whose key is key as the title. */
static void mark_title(ctx *c, const char *key)
{
	size_t i;

	uint64_t kh = hash_of(key);

	/* Lines were hashed as classify folded them: only a line with the
	 * same hash is folded again to compare. */
	for (i = 0; i < c->n; i++) {
		if (cls(c, i) == CL_CAPTION || c->khash[i] != kh ||
		    !fold_line(c, i))
			continue;
		if (strcmp(c->key, key) == 0) {
			set(c, i, CL_TITLE);
			return;
		}
	}
}

/* Marks the line reading as the headline s[0..len) as the title. */
static int mark_headline(ctx *c, const char *s, size_t len)
{
	nd_buf b = ND_BUF_INIT(0);
	char key[ND_CLEAN_FOLD_MAX];
	size_t max;
	int rc;

	if (nd_mul_overflow(len, 3, &max) || nd_add_overflow(max, 16, &max))
		return ND_ETOOBIG;
	nd_buf_init(&b, max);
	rc = nd_clines_normalise(&b, s, len, NULL);
	if (rc == ND_OK && b.len > 0) {
		nd_clean_key(b.ptr, b.len, key, sizeof(key));
		mark_title(c, key);
	}
	nd_buf_dispose(&b);
	return rc;
}

static bool prose(const ctx *c, size_t i)
{
	const nd_line_feat *f = &c->feat[i];

	return cls(c, i) == CL_BODY && !f->ellipsis &&
	       !(c->l->v[i].hints & ND_CL_HEADING) &&
	       ((f->sentence && f->words >= 6) || f->words >= 20);
}

/* Clearly article prose: a full sentence of some length. */
static bool strong(const ctx *c, size_t i)
{
	const nd_line_feat *f = &c->feat[i];

	return cls(c, i) == CL_BODY && f->sentence && !f->ellipsis &&
	       f->words >= 12 && !(c->l->v[i].hints & ND_CL_HEADING);
}

static size_t next_candidate(const ctx *c, size_t i)
{
	for (; i < c->n; i++) {
		if (cls(c, i) == CL_BODY || cls(c, i) == CL_SHORT)
			return i;
	}
	return NONE;
}

/* A paragraph, not a headline: long, or several sentences to a stop. */
static bool paragraph_like(const nd_line_feat *f)
{
	return f->words > 25 || (f->period_end && f->sentences >= 1);
}

static bool label_like(const nd_line_feat *f)
{
	return f->words <= 3 && !f->sentence;
}

/* Headlines rarely end with a full stop; ledes always do. */
static bool title_like(const nd_line_feat *f)
{
	return f->words >= 3 && f->words <= 25 && !f->period_end &&
	       !f->ellipsis;
}

/* The first line that is neither furniture nor a section label, unless
 * the text opens with a paragraph. In HTML only a heading can be it. */
static size_t pick_title(ctx *c, bool html)
{
	size_t i = next_candidate(c, 0);

	while (i != NONE) {
		const nd_line_feat *f = &c->feat[i];
		size_t j;

		if (html && !(c->l->v[i].hints & ND_CL_HEADING))
			return NONE;
		if (cls(c, i) == CL_BODY && paragraph_like(f))
			return NONE;
		if (label_like(f)) {
			j = next_candidate(c, i + 1);
			if (j != NONE && (title_like(&c->feat[j]) ||
					  label_like(&c->feat[j]))) {
				set(c, i, CL_JUNK);
				i = j;
				continue;
			}
		}
		return i;
	}
	return NONE;
}

/* Drops what follows "Related Articles" or a comment prompt, unless the
 * article visibly goes on (two full paragraphs in a row). */
static void cut_tails(ctx *c, size_t first_prose)
{
	size_t i, j;

	for (i = first_prose == NONE ? c->n : first_prose + 1; i < c->n; i++) {
		bool comments;

		if (cls(c, i) != CL_TAIL && cls(c, i) != CL_COMMENTS)
			continue;
		comments = cls(c, i) == CL_COMMENTS;
		for (j = i + 1; j < c->n; j++) {
			int k = cls(c, j);

			if (k == CL_COMMENTS)
				comments = true;
			if (!comments && j + 1 < c->n && strong(c, j) &&
			    strong(c, j + 1))
				break;
			if (k != CL_TAIL && k != CL_COMMENTS)
				set(c, j, CL_JUNK);
		}
		i = j;
	}
}

/* s[i] is an ASCII digit (i may be past the end). */
static bool digit_at(const char *s, size_t len, size_t i)
{
	return i < len && s[i] >= '0' && s[i] <= '9';
}

/* A year (19xx, 20xx) and a clock time ("20:13") in s, as standalone
 * numbers: a time stamp in any language. */
static bool year_and_clock(const char *s, size_t len)
{
	bool year = false, clock = false;
	size_t i, j;

	for (i = 0; i < len; i = j + 1) {
		for (j = i; digit_at(s, len, j); j++)
			;
		if (j == i || (i > 0 && digit_at(s, len, i - 1)))
			continue;
		if (j - i == 4 && (s[i] == '1' ? s[i + 1] == '9' :
				   s[i] == '2' && s[i + 1] == '0'))
			year = true;
		if (j - i <= 2 && j + 2 < len && s[j] == ':' &&
		    digit_at(s, len, j + 1) && digit_at(s, len, j + 2) &&
		    !digit_at(s, len, j + 3))
			clock = true;
	}
	return year && clock;
}

/* A short line that dates the article, opening with the date or giving
 * the time: above its prose, such a line is metadata, not text. */
static bool date_line(const ctx *c, size_t i)
{
	const nd_line_feat *f = &c->feat[i];
	const char *s = str(c, i);
	size_t len = c->l->v[i].len, off, dlen;

	if (f->words > 15 || f->sentence)
		return false;
	return (nd_clean_find_date(s, len, true, &off, &dlen) && off == 0) ||
	       year_and_clock(s, len);
}

/* A web address spelled out alone on its line: written by the author,
 * unlike a link's words. */
static bool bare_address(const ctx *c, size_t i)
{
	return c->feat[i].words == 1 && strstr(str(c, i), "://") != NULL;
}

/* One or two words and nothing else, not even a comma: a tag or a
 * section's name ("Breakfast", "Quick meals"), unlike a sign-off ("Yours,
 * Franzi"). */
static bool tag_like(const nd_line_feat *f)
{
	return f->words < 3 && f->nonspace == f->letters + f->digits;
}

/* In a page, a short line after the last prose that closes the article
 * (a sign-off, a last item, a source): no label, heading, tag, tag-like
 * item or link but an address; run says only body lines lie between it and
 * the prose, no furniture. */
static bool closing(const ctx *c, size_t last, size_t i, bool run)
{
	unsigned hints = c->l->v[i].hints;

	return run && last != NONE && i > last && !c->feat[i].colon_end &&
	       !(hints & ND_CL_HEADING) &&
	       !tag_like(&c->feat[i]) &&
	       !((hints & ND_CL_ITEM) && c->feat[i].words < 3) &&
	       !((hints & ND_CL_LINKY) && !bare_address(c, i));
}

static void decide(ctx *c, size_t *first_out)
{
	size_t i, first = NONE, last = NONE;
	bool run = true; /* the lines after the last prose so far are body */

	for (i = 0; i < c->n && first == NONE; i++) {
		if (prose(c, i))
			first = i;
	}
	cut_tails(c, first);
	for (i = c->n; i > 0 && last == NONE; i--) {
		if (prose(c, i - 1))
			last = i - 1;
	}
	for (i = 0; i < c->n; i++) {
		const nd_line_feat *f = &c->feat[i];
		bool outside = first == NONE || i < first || i > last;

		if (last != NONE && i > last + 1 && cls(c, i - 1) != CL_BODY)
			run = false;

		switch (cls(c, i)) {
		case CL_BODY:
			/* Before and after the prose, only sentences stay;
			 * in a page the markup has placed them already. */
			if (outside && !c->html && (!f->sentence || f->ellipsis))
				set(c, i, CL_JUNK);
			else if (first != NONE && i < first && date_line(c, i))
				set(c, i, CL_JUNK);
			/* A teaser cut off with "..." right after furniture
			 * (not the lede cut off under its headline). */
			else if (f->ellipsis && (i == 0 ||
						 (cls(c, i - 1) != CL_BODY &&
						  cls(c, i - 1) != CL_TITLE)))
				set(c, i, CL_JUNK);
			/* A heading after the last paragraph heads what
			 * comes after the article. */
			else if (outside && first != NONE && i > last &&
				 (c->l->v[i].hints & ND_CL_HEADING))
				set(c, i, CL_JUNK);
			break;
		case CL_READALSO:
			if (i + 1 < c->n && cls(c, i + 1) == CL_BODY &&
			    !strong(c, i + 1))
				set(c, i + 1, CL_JUNK);
			break;
		case CL_SHORT:
			/* In a page, labels up to the article's end are
			 * its own (list heads, ingredients); after it, only
			 * those closing it (sign-offs, last items). */
			set(c, i, c->html && (i <= last ||
					      closing(c, last, i, run)) ?
					  CL_BODY : CL_JUNK);
			break;
		default:
			break;
		}
	}
	*first_out = first;
}

/* ---- Output ---- */

/* NFC copy of s[0..len) (at most max bytes, cut at a character) in the
 * arena; "" for nothing. */
static int arena_nfc(const char **out, nd_arena *arena, const char *s,
		     size_t len, size_t max)
{
	nd_buf b = ND_BUF_INIT(4 * max + 64);
	int rc;

	*out = "";
	len = nd_utf8_cut(s, len, max);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ','))
		len--;
	if (len == 0)
		return ND_OK;
	rc = nd_utf8_nfc(s, len, &b);
	if (rc == ND_OK) {
		char *p = nd_arena_strndup(arena, b.ptr ? b.ptr : "", b.len);

		if (p == NULL)
			rc = ND_ENOMEM;
		else
			*out = p;
	}
	nd_buf_dispose(&b);
	return rc;
}

typedef struct found {
	const char *byline;
	size_t byline_len;
	int byline_score;
	const char *date;
	size_t date_len;
} found;

/* Bylines, and a publication date from the lines above the article. */
static void harvest(ctx *c, size_t first, found *m)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const nd_cline *ln = &c->l->v[i];
		const char *s = str(c, i);
		size_t no = 0, nl = 0, doff, dlen;
		int k = cls(c, i), score = 0;

		if (k == CL_BYLINE) {
			bool folded = fold_line(c, i);
			int b = nd_clean_byline(s, ln->len, &c->feat[i],
						folded ? c->fold : NULL, &no,
						&nl);

			/* A name after "With our correspondent in X," is
			 * the reporter's: it beats a desk or an outlet. */
			if (b == ND_BYLINE_NONE) {
				no = 0;
				nl = ln->len;
				score = 4;
			} else {
				score = b == ND_BYLINE_ROLE ? 1 :
					memchr(s + no, ' ', nl) ? 3 : 2;
			}
			if (nl > 0 && score > m->byline_score) {
				m->byline = s + no;
				m->byline_len = nl;
				m->byline_score = score;
			}
		}
		if (m->date == NULL && (first == NONE || i < first) &&
		    (k == CL_JUNK || k == CL_BYLINE) &&
		    nd_clean_find_date(s, ln->len, true, &doff, &dlen)) {
			m->date = s + doff;
			m->date_len = dlen;
		}
	}
}

#if ND_BYTES8_IN_ORDER
/* The bytes of x that separate words. Most eight bytes of a text hold no
 * control byte, only spaces to test. */
static uint64_t blank_bytes(uint64_t x)
{
	uint64_t blank = nd_bytes8_eq(x, ' ');

	if (nd_bytes8_range(x, 0x00, 0x1F) == 0)
		return blank;
	return blank | nd_bytes8_eq(x, '\n') | nd_bytes8_eq(x, '\t') |
	       nd_bytes8_eq(x, '\r');
}
#endif

static bool is_blank_byte(unsigned char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

#ifdef ND_BYTES64

/* Word starts in s[0..len) while 64 bytes are left, with AVX-512, as if a
 * blank preceded s; *done is where that left off. */
ND_BYTES64_TARGET static size_t
count_words64(const char *s, size_t len, size_t *done)
{
	uint64_t before = 1; /* the last byte of the previous 64 is blank */
	size_t i, n = 0;

	for (i = 0; len - i >= 64; i += 64) {
		__m512i x = nd_bytes64_load(s + i);
		uint64_t blank =
			nd_bytes64_eq(x, ' ') |
			nd_bytes64_eq(x, '\n') |
			nd_bytes64_eq(x, '\t') |
			nd_bytes64_eq(x, '\r');

		n += (size_t)__builtin_popcountll(~blank &
						  (blank << 1 | before));
		before = blank >> 63;
	}
	*done = i;
	return n;
}
#endif

/* Words are counted as the bytes that start one, 64 or eight bytes at a
 * time: a branch per word boundary mispredicted often enough to cost
 * more. */
size_t nd_clean_count_words(const char *s, size_t len)
{
	size_t i = 0, n = 0;
	bool in;

#ifdef ND_BYTES64
	if (len >= 64 && nd_bytes64_available())
		n = count_words64(s, len, &i);
#endif
#if ND_BYTES8_IN_ORDER
	/* As if a blank preceded s. */
	uint64_t before = i == 0 || is_blank_byte((unsigned char)s[i - 1]) ?
				  ND_BYTES8_HIGHS : 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t blank = blank_bytes(nd_bytes8_load(s + i));

		/* Byte k starts a word when it is no blank and byte k - 1
		 * (the last of the previous eight, for k = 0) is one. */
		n += nd_bytes8_count(~blank & ND_BYTES8_HIGHS &
				     (blank << 8 | before >> 56));
		before = blank;
	}
#endif
	in = i > 0 && !is_blank_byte((unsigned char)s[i - 1]);
	for (; i < len; i++) {
		bool blank = is_blank_byte((unsigned char)s[i]);

		n += !blank && !in;
		in = !blank;
	}
	return n;
}

void nd_clean_reset(nd_clean_article *out)
{
	memset(out, 0, sizeof(*out));
	out->title = out->text = out->byline = out->dateline = "";
	out->published = out->language = out->site = out->url = "";
}

/* Whether the text held nothing but its headline title[0..len) (an RSS
 * item, a wire flash): no line, or only lines reading as the title, even
 * when one was taken for a caption ("... (PHOTOS)"). Such an item is an
 * article. A page is not: when its body was all furniture, the
 * extraction failed. */
static bool headline_only(ctx *c, const nd_clean_hints *h, const char *title,
			  size_t len)
{
	char key[ND_CLEAN_FOLD_MAX];
	size_t i;

	if (h->html || len == 0)
		return false;
	nd_clean_key(title, len, key, sizeof(key));
	for (i = 0; i < c->n; i++) {
		if (cls(c, i) != CL_TITLE &&
		    (!fold_line(c, i) || strcmp(c->key, key) != 0))
			return false;
	}
	return true;
}

static int fail(nd_err *err, int rc)
{
	if (rc == ND_EEMPTY)
		return nd_err_set(err, rc,
				  "no article text left after cleaning");
	return nd_err_set(err, rc, "cleaning: %s", nd_strerror(rc));
}

int nd_clean_finish(nd_clean_article *out, nd_arena *arena, nd_clines *lines,
		    const nd_clean_hints *h, nd_err *err)
{
	ctx *c = NULL;
	nd_buf title = ND_BUF_INIT(ND_CLEAN_TITLE_MAX * 4 + 64);
	nd_buf body = ND_BUF_INIT(0);
	nd_buf text = ND_BUF_INIT(0);
	const char **caps = NULL;
	found m = { NULL, 0, 0, NULL, 0 };
	nd_dateline dl = { 0, 0, 0, 0, 0, 0 };
	size_t i, first = NONE, t = NONE, first_body = NONE, last_body = NONE;
	size_t ncap = 0, max;
	bool has_dl = false;
	int rc = ND_OK;

	nd_clean_reset(out);
	if (!h->html)
		rejoin(lines);
	c = nd_calloc(1, sizeof(*c));
	if (c && lines->n) {
		c->feat = nd_calloc(lines->n, sizeof(*c->feat));
		c->khash = nd_calloc(lines->n, sizeof(*c->khash));
	}
	if (c == NULL || (lines->n && (c->feat == NULL || c->khash == NULL))) {
		rc = ND_ENOMEM;
		goto done;
	}
	c->l = lines;
	c->n = lines->n;
	c->html = h->html != 0;
	for (i = 0; i < c->n; i++)
		nd_clean_features(&c->feat[i], str(c, i), lines->v[i].len);
	classify(c);

	/* The title: known, or the first line that is not furniture. */
	if (h->title && h->title_len > 0) {
		char tkey[ND_CLEAN_FOLD_MAX];

		if (nd_mul_overflow(h->title_len, 3, &max) ||
		    nd_add_overflow(max, 16, &max)) {
			rc = ND_ETOOBIG;
			goto done;
		}
		nd_buf_init(&title, max);
		rc = nd_clines_normalise(&title, h->title, h->title_len, NULL);
		if (rc)
			goto done;
		title.len = nd_utf8_cut(title.ptr, title.len,
					 ND_CLEAN_TITLE_MAX);
		nd_clean_key(title.ptr ? title.ptr : "", title.len, tkey,
			     sizeof(tkey));
		if (title.len > 0)
			mark_title(c, tkey);
	} else if ((t = pick_title(c, h->html)) != NONE) {
		size_t tl = nd_utf8_cut(str(c, t), lines->v[t].len,
					 ND_CLEAN_TITLE_MAX);

		set(c, t, CL_TITLE);
		rc = nd_buf_put(&title, str(c, t), tl);
		if (rc)
			goto done;
	}
	/* A page may title its story one way in its metadata and another
	 * in its headline: the headline is no more body than the title. */
	if (h->headline && h->headline_len > 0 &&
	    (rc = mark_headline(c, h->headline, h->headline_len)) != ND_OK)
		goto done;
	decide(c, &first);
	harvest(c, first, &m);

	for (i = 0; i < c->n; i++) {
		if (cls(c, i) == CL_BODY) {
			if (first_body == NONE)
				first_body = i;
			last_body = i;
		} else if (cls(c, i) == CL_CAPTION) {
			ncap++;
		}
	}
	if (first_body == NONE && !headline_only(c, h, title.ptr, title.len)) {
		rc = ND_EEMPTY;
		goto done;
	}
	has_dl = first_body != NONE &&
		 nd_clean_dateline(str(c, first_body),
				   lines->v[first_body].len, &dl);

	/* The body, one paragraph a line; a headline-only article's is its
	 * headline, so that every later stage has words to work on. */
	if (nd_add_overflow(lines->text.len, c->n + 16, &max) ||
	    nd_add_overflow(max, title.len, &max)) {
		rc = ND_ETOOBIG;
		goto done;
	}
	nd_buf_init(&body, max);
	if (first_body == NONE) {
		ncap = 0; /* a line taken for a caption was the headline */
		if ((rc = nd_buf_put(&body, title.ptr, title.len)) != ND_OK ||
		    (rc = nd_buf_putc(&body, '\n')) != ND_OK)
			goto done;
	}
	for (i = first_body; first_body != NONE && i <= last_body; i++) {
		const char *s = str(c, i);
		size_t len = lines->v[i].len;

		if (cls(c, i) != CL_BODY)
			continue;
		if (i == first_body && has_dl) {
			s += dl.rest;
			len -= dl.rest;
		}
		if (i == last_body)
			len = nd_clean_signoff(s, len,
					       has_dl ? str(c, first_body) +
							dl.agency_off : NULL,
					       has_dl ? dl.agency_len : 0);
		if ((rc = nd_buf_put(&body, s, len)) != ND_OK ||
		    (rc = nd_buf_putc(&body, '\n')) != ND_OK)
			goto done;
	}

	/* title "\n\n" body, NFC; "\n" composes with nothing, so the parts
	 * can be normalised apart and body_off stays exact. */
	if (nd_mul_overflow(body.len + title.len, 4, &max) ||
	    nd_add_overflow(max, 64, &max)) {
		rc = ND_ETOOBIG;
		goto done;
	}
	nd_buf_init(&text, max);
	if (title.len > 0 &&
	    (rc = nd_utf8_nfc(title.ptr, title.len, &text)) != ND_OK)
		goto done;
	out->title = nd_arena_strndup(arena, text.ptr ? text.ptr : "",
				      text.len);
	if (out->title == NULL) {
		rc = ND_ENOMEM;
		goto done;
	}
	if ((rc = nd_buf_put(&text, "\n\n", 2)) != ND_OK)
		goto done;
	out->body_off = text.len;
	if ((rc = nd_utf8_nfc(body.ptr, body.len, &text)) != ND_OK)
		goto done;
	out->text = nd_arena_strndup(arena, text.ptr, text.len);
	if (out->text == NULL) {
		rc = ND_ENOMEM;
		goto done;
	}
	out->text_len = text.len;
	out->words = nd_clean_count_words(text.ptr + out->body_off,
				      text.len - out->body_off);
	out->language = nd_clean_language(text.ptr + out->body_off,
					  text.len - out->body_off);

	/* Metadata. */
	if (h->byline && h->byline_len) {
		rc = arena_nfc(&out->byline, arena, h->byline, h->byline_len,
			       ND_CLEAN_META_MAX);
	} else if (m.byline) {
		rc = arena_nfc(&out->byline, arena, m.byline, m.byline_len,
			       ND_CLEAN_META_MAX);
	}
	if (rc)
		goto done;
	if (has_dl && (rc = arena_nfc(&out->dateline, arena,
				      str(c, first_body), dl.len,
				      ND_CLEAN_META_MAX)) != ND_OK)
		goto done;
	if (h->published && h->published_len)
		rc = arena_nfc(&out->published, arena, h->published,
			       h->published_len, ND_CLEAN_META_MAX);
	else if (m.date)
		rc = arena_nfc(&out->published, arena, m.date, m.date_len,
			       ND_CLEAN_META_MAX);
	else if (has_dl && dl.date_len)
		rc = arena_nfc(&out->published, arena,
			       str(c, first_body) + dl.date_off, dl.date_len,
			       ND_CLEAN_META_MAX);
	if (rc)
		goto done;
	if (ncap) {
		size_t k = 0;

		caps = nd_arena_calloc(arena, ncap, sizeof(*caps));
		if (caps == NULL) {
			rc = ND_ENOMEM;
			goto done;
		}
		for (i = 0; i < c->n && k < ncap; i++) {
			if (cls(c, i) != CL_CAPTION)
				continue;
			rc = arena_nfc(&caps[k++], arena, str(c, i),
				       lines->v[i].len, ND_CLEAN_TITLE_MAX);
			if (rc)
				goto done;
		}
		out->captions = caps;
		out->n_captions = ncap;
	}
	for (i = 0; i < c->n; i++) {
		if (cls(c, i) != CL_BODY && cls(c, i) != CL_TITLE)
			out->dropped_lines++;
	}
done:
	if (c) {
		nd_free(c->feat);
		nd_free(c->khash);
	}
	nd_free(c);
	nd_buf_dispose(&title);
	nd_buf_dispose(&body);
	nd_buf_dispose(&text);
	if (rc) {
		nd_clean_reset(out);
		return fail(err, rc);
	}
	return ND_OK;
}
