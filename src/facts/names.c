#include "facts/names.h"

#include <string.h> /* memcpy, memcmp, strlen */

#include "core/alloc.h"
#include "core/error.h"
#include "core/utf8.h"

/* The sentence being scanned. */
typedef struct scan {
	nd_fstory *st;
	const nd_doc *d;
	uint32_t k;
	size_t s_tok, s_end; /* its tokens */
} scan;

/* Longest key of one name, most words in a run, longest name in bytes:
 * anything longer is not a name. */
#define KEY_MAX 512
#define RUN_MAX 12
#define NAME_MAX_BYTES 200

static const char *tok_text(const scan *sc, size_t i)
{
	return sc->d->text + sc->d->toks[i].off;
}

/* "d'Oliveira", "l'Aquila": an elided particle before a capital. */
static bool elided_cap(const char *p, size_t n)
{
	if (n < 3 || p[0] < 'a' || p[0] > 'z')
		return false;
	if (p[1] == '\'')
		return p[2] >= 'A' && p[2] <= 'Z';
	return n >= 5 && memcmp(p + 1, "\xE2\x80\x99", 3) == 0 &&
	       p[4] >= 'A' && p[4] <= 'Z';
}

/* Is token i (n bytes at p) an English word written after a hyphen and a
 * name ("Hun Sen-led", "Clinton-era"), no part of it? */
static bool hyphen_word(const nd_fstory *st, const nd_doc *d, size_t i,
			const char *p, size_t n)
{
	static const char *const words[] = {
		"led", "era", "run", "born", "like", "wide", "made", "type",
		"free", "less", "bred", "held", "up", "in", "out", "off", "on",
		"way", "day", "year", "old", "new", "and", "to", "the", NULL,
	};

	return (n >= 2 && (memcmp(p + n - 2, "ed", 2) == 0 ||
			   memcmp(p + n - 2, "ly", 2) == 0)) ||
	       nd_fstory_in(st, d, i, words);
}

/* The lower-case second half of a hyphenated given name: "duk" of "Kang
 * In-duk", "jung" of "Kim Dae-jung". A syllable of two to five letters
 * after a capitalised word that itself follows one. */
static bool given_syllable(const nd_fstory *st, const nd_doc *d, size_t i)
{
	const char *p = d->text + d->toks[i].off;
	size_t n = d->toks[i].len, k;

	if (i < 2 || n < 2 || n > 5 ||
	    nd_fstory_gap(d, i - 1) != ND_GAP_HYPHEN ||
	    nd_fstory_gap(d, i - 2) != ND_GAP_SPACE ||
	    !(d->toks[i - 1].flags & ND_TOK_CAPITAL) ||
	    !(d->toks[i - 2].flags & ND_TOK_CAPITAL) ||
	    d->toks[i - 1].len > 5 || (d->toks[i].flags & ND_TOK_STOP))
		return false;
	for (k = 0; k < n; k++) {
		if (p[k] < 'a' || p[k] > 'z')
			return false;
	}
	return !hyphen_word(st, d, i, p, n);
}

static bool is_cap(const scan *sc, size_t i)
{
	uint32_t f = sc->d->toks[i].flags;

	if (f & ND_TOK_NUMBER)
		return false;
	return (f & ND_TOK_CAPITAL) ||
	       elided_cap(tok_text(sc, i), sc->d->toks[i].len) ||
	       (i > sc->s_tok + 1 && given_syllable(sc->st, sc->d, i));
}

static nd_lex lex(const scan *sc, size_t i)
{
	return nd_fstory_lex(sc->st, sc->d, i);
}

static uint32_t seen(const scan *sc, size_t i)
{
	return nd_fstory_seen(sc->st, sc->d, i);
}

/* Bytes of a trailing possessive "'s" or "’s" of token i, or 0. */
static size_t possessive(const scan *sc, size_t i)
{
	const char *p = tok_text(sc, i);
	size_t n = sc->d->toks[i].len;

	if (n >= 3 && p[n - 1] == 's' && p[n - 2] == '\'')
		return 2;
	if (n >= 5 && p[n - 1] == 's' && memcmp(p + n - 4, "\xE2\x80\x99", 3) ==
						     0)
		return 4;
	return 0;
}

static size_t cp_count(const char *p, size_t n)
{
	const char *end = p + n;
	size_t c = 0;

	while (p < end) {
		nd_utf8_decode(&p, end);
		c++;
	}
	return c;
}

static bool single_letter(const scan *sc, size_t i)
{
	const char *p = tok_text(sc, i), *end = p + sc->d->toks[i].len;
	int32_t cp = nd_utf8_decode(&p, end);

	return p == end && nd_cp_is_upper(cp);
}

static bool gap_is(const scan *sc, size_t i, const char *s)
{
	return nd_fstory_gap_is(sc->d, i, s);
}

/* ". " with an ordinary or no-break space. */
static bool gap_period_space(const scan *sc, size_t i)
{
	return gap_is(sc, i, ". ") || gap_is(sc, i, ".\xC2\xA0");
}

static bool dotted_pair(const scan *sc, size_t i)
{
	return single_letter(sc, i) && single_letter(sc, i + 1) &&
	       gap_is(sc, i, ".");
}

/* May the name that started at token start and reached token i go on into
 * token i+1? */
static bool joins(const scan *sc, size_t start, size_t i)
{
	nd_gap g = nd_fstory_gap(sc->d, i);
	const char *p = tok_text(sc, i);
	size_t n = sc->d->toks[i].len;

	if (g == ND_GAP_SPACE || g == ND_GAP_HYPHEN)
		return true;
	if (g != ND_GAP_OTHER)
		return false;
	if (dotted_pair(sc, i))
		return true;
	/* "Dr. Sallow", "John F. Kennedy"; but "Hun Sen. In" ends at Sen. */
	if (gap_period_space(sc, i)) {
		const uint32_t before = ND_LEX_TITLE | ND_LEX_PORTFOLIO |
					ND_LEX_DEMONYM | ND_LEX_PLACE;

		/* "Foothill Division Capt. Ken Garner" too: a title
		 * abbreviation other than "Sen." is never a name's end. */
		return single_letter(sc, i) ||
		       ((lex(sc, i).cls & ND_LEX_ABBREV) &&
			(i == start || (lex(sc, i - 1).cls & before) ||
			 ((lex(sc, i).cls & ND_LEX_TITLE) &&
			  !nd_fstory_is(sc->st, sc->d, i, "sen"))));
	}
	/* A plural possessive inside an organisation: "Growers' Union". */
	if (n > 2 && p[n - 1] == 's')
		return gap_is(sc, i, "' ") || gap_is(sc, i, "\xE2\x80\x99 ");
	return false;
}

/* Months and weekdays break names; abbreviations only before a number. */
static bool calendar(const scan *sc, size_t i)
{
	nd_lex l = lex(sc, i);

	if (!(l.cls & (ND_LEX_MONTH | ND_LEX_WEEKDAY)))
		return false;
	/* "John S. March": after a middle initial, a surname. */
	if (i > sc->s_tok + 1 && single_letter(sc, i - 1) &&
	    gap_period_space(sc, i - 1))
		return false;
	if (sc->d->toks[i].len > 3)
		return true;
	return i + 1 < sc->s_end &&
	       (sc->d->toks[i + 1].flags & ND_TOK_NUMBER);
}

static bool name_word(const scan *sc, size_t i)
{
	return is_cap(sc, i) && !calendar(sc, i);
}

static bool soft_gap(const scan *sc, size_t i)
{
	nd_gap g = nd_fstory_gap(sc->d, i);

	return g == ND_GAP_SPACE || g == ND_GAP_HYPHEN;
}

/* "Cambodian People's Party": a possessive common noun inside a name
 * whose next word makes it an organisation. "Kazakhstan's Ministry" and
 * "Hun Sen's Party" are two names. */
static bool inner_possessive(const scan *sc, size_t start, size_t i)
{
	size_t len;
	const char *s = nd_fstory_text(sc->st, sc->d->toks[i].term, &len);

	if (i == start || i + 1 >= sc->s_end || !is_cap(sc, i + 1) ||
	    !(lex(sc, i + 1).cls & ND_LEX_ORGWORD) || len < 3)
		return false;
	return (nd_fstory_word_seen(sc->st, s, len - 2) & ND_SEEN_LOWER) != 0;
}

/* End (exclusive) of the run of name words starting at i. */
static size_t run_end(const scan *sc, size_t i)
{
	size_t j = i + 1;

	while (j < sc->s_end && j - i < RUN_MAX) {
		size_t c = j, conn = 0;

		if ((possessive(sc, j - 1) &&
		     !inner_possessive(sc, i, j - 1)) ||
		    !joins(sc, i, j - 1))
			break;
		if (name_word(sc, j)) {
			j++;
			continue;
		}
		while (c < sc->s_end && conn < 2 && !is_cap(sc, c) &&
		       (lex(sc, c).cls & ND_LEX_CONNECTOR) &&
		       (c == j || soft_gap(sc, c - 1))) {
			c++;
			conn++;
		}
		if (conn && c < sc->s_end && soft_gap(sc, c - 1) &&
		    name_word(sc, c)) {
			j = c + 1;
			continue;
		}
		break;
	}
	return j;
}

/* Writes the matching key of tokens [a, b): folded words joined by one
 * space, dotted letters joined without ("U.S." is "us"), no possessive. */
static size_t build_key(const scan *sc, size_t a, size_t b, char *out,
			size_t size)
{
	size_t o = 0, i;

	for (i = a; i < b; i++) {
		size_t len;
		const char *s = nd_fstory_text(sc->st, sc->d->toks[i].term,
						&len);

		if (i + 1 == b)
			len = nd_fstory_bare_len(s, len);
		if (i > a && !dotted_pair(sc, i - 1)) {
			if (o + 1 >= size)
				break;
			out[o++] = ' ';
		}
		if (o + len >= size)
			break;
		memcpy(out + o, s, len);
		o += len;
	}
	out[o] = '\0';
	return o;
}

static nd_lex lookup(const scan *sc, const char *key, size_t len)
{
	return nd_gazetteer_lookup(sc->st->gaz, key, len);
}

/* Letters then digits ("C5", "G20", "К3"), optionally "+n" in the raw
 * text after it. Returns the bytes of that "+n" plus 1, or 0 when token i
 * is no such form. */
static size_t letter_digit(const scan *sc, size_t i)
{
	const char *p = tok_text(sc, i), *end = p + sc->d->toks[i].len;
	const char *q, *tend = sc->d->text + sc->d->len;
	size_t letters = 0, digits = 0;

	while (p < end) {
		const char *r = p;
		int32_t cp = nd_utf8_decode(&r, end);

		if (digits == 0 && nd_cp_is_upper(cp))
			letters++;
		else if (cp >= '0' && cp <= '9')
			digits++;
		else
			return 0;
		p = r;
	}
	if (letters == 0 || letters > 3 || digits == 0)
		return 0;
	q = end;
	if (q + 1 < tend && *q == '+' && q[1] >= '0' && q[1] <= '9') {
		q++;
		while (q < tend && *q >= '0' && *q <= '9')
			q++;
	}
	return (size_t)(q - end) + 1;
}

static void add_cue(nd_mention *m, uint64_t cue)
{
	uint32_t i;

	for (i = 0; i < m->ncue; i++) {
		if (m->cue[i] == cue)
			return;
	}
	if (m->ncue < ND_MENTION_CUES)
		m->cue[m->ncue++] = cue;
}

static void add_word_cue(const scan *sc, nd_mention *m, size_t i)
{
	size_t len;
	const char *s = nd_fstory_text(sc->st, sc->d->toks[i].term, &len);

	add_cue(m, nd_fstory_cue(s, len));
}

static void add_place_cue(nd_mention *m, uint32_t place)
{
	add_cue(m, nd_fstory_place_cue(place));
}

/* Cues from a title prefix [a, p]: its title words and the countries in it
 * ("US", "Kazakh", "United States"). */
static void prefix_cues(const scan *sc, nd_mention *m, size_t a, size_t p)
{
	char key[KEY_MAX];
	size_t x, y;

	for (x = a; x <= p; x++) {
		nd_lex l = lex(sc, x);

		if (l.cls & (ND_LEX_TITLE | ND_LEX_PORTFOLIO))
			add_word_cue(sc, m, x);
		for (y = x + 1; y <= p + 1 && y <= x + 4; y++) {
			size_t len = build_key(sc, x, y, key, sizeof(key));
			nd_lex pl = lookup(sc, key, len);

			if ((pl.cls & (ND_LEX_PLACE | ND_LEX_DEMONYM)) &&
			    pl.place)
				add_place_cue(m, pl.place);
		}
	}
}

/* A token shaped like part of a person's name: "Tileuberdi", "McCain",
 * "Ortolan"; not "MFA", "МИДе" or a word the story writes in lower case. */
static bool name_shaped(const scan *sc, size_t i)
{
	const char *p = tok_text(sc, i), *end = p + sc->d->toks[i].len;
	size_t upper = 0, lower = 0, at = 0;
	bool mc = (end - p > 2 && memcmp(p, "Mc", 2) == 0) ||
		  (end - p > 3 && memcmp(p, "Mac", 3) == 0);
	nd_lex l = lex(sc, i);

	/* Place words may be names: "Michael Jordan", "Paris Hilton". */
	if (l.cls & (ND_LEX_TITLE | ND_LEX_ORGWORD | ND_LEX_PLACEWORD |
		     ND_LEX_DEMONYM | ND_LEX_MONTH | ND_LEX_WEEKDAY |
		     ND_LEX_CONNECTOR))
		return false;
	if (seen(sc, i) & ND_SEEN_LOWER)
		return false;
	while (p < end) {
		int32_t cp = nd_utf8_decode(&p, end);

		if (nd_cp_is_upper(cp)) {
			if (at > 0 && !mc)
				return false;
			upper++;
		} else if (nd_cp_is_letter(cp)) {
			lower++;
		}
		at++;
	}
	return upper >= 1 && lower >= 1;
}

static bool ends_with(const char *s, size_t n, const char *suf)
{
	size_t sl = strlen(suf);

	return n > sl && memcmp(s + n - sl, suf, sl) == 0;
}

/* A plural common noun heading a name: "Mariners", "Stags", "Valleys"
 * (teams, bands, blocs). Not "Davis", "Marcus", "Ross", a possessive, nor
 * a word the lists know ("Hills", "Affairs", "Netherlands"). */
static bool plural_head(const scan *sc, size_t i)
{
	const uint32_t known = ND_LEX_PLACE | ND_LEX_PLACEWORD |
			       ND_LEX_ORGWORD | ND_LEX_DEMONYM | ND_LEX_TITLE |
			       ND_LEX_PORTFOLIO | ND_LEX_ORGNAME;
	size_t len;
	const char *s = nd_fstory_text(sc->st, sc->d->toks[i].term, &len);
	char prev;

	if (len < 4 || s[len - 1] != 's' || possessive(sc, i) ||
	    (lex(sc, i).cls & known))
		return false;
	prev = s[len - 2];
	return prev != 's' && prev != 'u' && prev != 'i' && prev != '\'';
}

/* "Port Amsel Mariners", "Kessa City Rovers": a plural head after a
 * place is a team or club the place only qualifies. The place must show
 * a place word or be a known name of several words: one known word is as
 * often a first name ("Chad Roberts", "Sofia Evans"). */
static bool place_team(const scan *sc, size_t a, size_t b)
{
	char key[KEY_MAX];
	size_t i, len;

	if (b - a < 2 || !plural_head(sc, b - 1))
		return false;
	for (i = a; i + 1 < b; i++) {
		if (lex(sc, i).cls & ND_LEX_PLACEWORD)
			return true;
	}
	len = build_key(sc, a, b - 1, key, sizeof(key));
	return b - a >= 3 && (lookup(sc, key, len).cls & ND_LEX_PLACE);
}

/* "the Mariners", "the Green Valleys bloc", "the Orlov family": English
 * news writes no article before a person's name, so the span is a group,
 * a thing or a place; a plural head makes it a group of people. */
static void article_votes(const scan *sc, nd_mention *m, size_t b,
			  bool lower)
{
	m->flags &= ~(uint32_t)ND_MEN_NAMELIKE;
	if (!(m->flags & ND_MEN_GAZ) && plural_head(sc, b - 1))
		m->vote[ND_VOTE_ORG] += 2;
	else if (!(m->flags & ND_MEN_GAZ) && m->words > 1)
		m->vote[ND_VOTE_ORG] += 1;
	else if (m->words == 1 && lower)
		m->vote[ND_VOTE_PLACE] += 1; /* "the Kessa" */
	else
		return;
	m->flags |= ND_MEN_EVIDENCE;
}

/* "the", "his", "her" or "their" before a relation ("his father"). */
static bool determiner(const scan *sc, size_t i)
{
	static const char *const words[] = { "the", "his", "her", "their",
					     NULL };

	return nd_fstory_in(sc->st, sc->d, i, words);
}

/* Does a lower-case word follow token i within a few words, before any
 * comma ("a social worker", "a WTA Tour veteran")? */
static bool common_noun_after(const scan *sc, size_t i)
{
	size_t k;

	for (k = i; k < sc->s_end && k < i + 4; k++) {
		if (!is_cap(sc, k))
			return true;
		if (gap_is(sc, k, ", "))
			return false;
	}
	return false;
}

/* Evidence from the words around the name [tok0, b). */
static void context_votes(const scan *sc, nd_mention *m, size_t b)
{
	size_t bt, at = b;

	if (m->tok0 > sc->s_tok) {
		nd_lex l;

		bt = m->tok0 - 1;
		l = lex(sc, bt);
		if ((l.cls & ND_LEX_TITLE) &&
		    (soft_gap(sc, bt) || gap_is(sc, bt, ", "))) {
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_TITLED | ND_MEN_EVIDENCE;
			add_word_cue(sc, m, bt);
			if (bt > sc->s_tok &&
			    (lex(sc, bt - 1).cls &
			     (ND_LEX_TITLE | ND_LEX_PORTFOLIO)))
				add_word_cue(sc, m, bt - 1);
		} else if ((l.cls & ND_LEX_KIN) && !is_cap(sc, bt) &&
			   (soft_gap(sc, bt) || gap_is(sc, bt, ", "))) {
			/* "his wife, He Xintong": the relation is a cue
			 * for "the wife said" further on. */
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
			add_word_cue(sc, m, bt);
		} else if ((l.cls & ND_LEX_SPEECH) && soft_gap(sc, bt)) {
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
		} else if (nd_fstory_is(sc->st, sc->d, bt, "to") &&
			   bt > sc->s_tok &&
			   nd_fstory_is(sc->st, sc->d, bt - 1, "according")) {
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
		} else if ((l.cls & ND_LEX_LOCPREP) && !is_cap(sc, bt) &&
			   soft_gap(sc, bt)) {
			m->vote[ND_VOTE_PLACE] += 1;
			m->flags |= ND_MEN_EVIDENCE;
		} else if (m->tok0 == m->tok &&
			   nd_fstory_is(sc->st, sc->d, bt, "the")) {
			article_votes(sc, m, b, !is_cap(sc, bt));
		}
	}
	if (at >= sc->s_end)
		return;
	if (soft_gap(sc, at - 1)) {
		if ((sc->d->toks[at].flags & ND_TOK_STOP) &&
		    at + 1 < sc->s_end && !(lex(sc, at).cls & ND_LEX_SPEECH) &&
		    soft_gap(sc, at))
			at++; /* "Blinken also noted" */
		if (lex(sc, at).cls & ND_LEX_SPEECH) {
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
		} else if (nd_fstory_is(sc->st, sc->d, at, "administration")) {
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
		}
	} else if (gap_is(sc, at - 1, ", ")) {
		if (nd_fstory_is(sc->st, sc->d, at, "who")) {
			m->vote[ND_VOTE_PERSON] += 1;
			m->flags |= ND_MEN_EVIDENCE;
		} else if (nd_fstory_is(sc->st, sc->d, at, "which")) {
			m->vote[ND_VOTE_PLACE] += 1;
			m->flags |= ND_MEN_EVIDENCE;
		} else if ((sc->d->toks[at].flags & ND_TOK_NUMBER) &&
			   gap_is(sc, at, ", ") &&
			   sc->d->toks[at].len <= 3) {
			m->vote[ND_VOTE_PERSON] += 2; /* "Carrow, 58, who" */
			m->flags |= ND_MEN_EVIDENCE;
		} else if (at + 1 < sc->s_end && determiner(sc, at) &&
			   (lex(sc, at + 1).cls & ND_LEX_KIN)) {
			/* "Qin Qinguo, his father, said". */
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
			add_word_cue(sc, m, at + 1);
		} else if ((lex(sc, at).cls & ND_LEX_TITLE) && !is_cap(sc, at)) {
			/* "Sidek Baba, deputy rector of" */
			m->vote[ND_VOTE_PERSON] += 2;
			m->flags |= ND_MEN_EVIDENCE;
		} else if (m->words >= 2 && m->words <= 3 && at + 1 < sc->s_end &&
			   (nd_fstory_is(sc->st, sc->d, at, "a") ||
			    nd_fstory_is(sc->st, sc->d, at, "an") ||
			    nd_fstory_is(sc->st, sc->d, at, "the")) &&
			   common_noun_after(sc, at + 1)) {
			/* "Anna-Lisa Saar, a social worker at", "Raymond
			 * Louw, the publisher of": a person more often than
			 * not. */
			m->vote[ND_VOTE_PERSON] += 1;
			m->flags |= ND_MEN_EVIDENCE;
		}
	}
}

/* Evidence from the name itself. */
static void shape_votes(const scan *sc, nd_mention *m, size_t a, size_t b,
			size_t ext)
{
	nd_lex first = lex(sc, a), last = lex(sc, b - 1);
	const char *key = sc->st->pool.ptr + m->key;
	bool any_org = false, shaped = true;
	size_t i;

	for (i = a; i < b; i++) {
		if (lex(sc, i).cls & ND_LEX_ORGWORD)
			any_org = true;
		if (!name_shaped(sc, i))
			shaped = false;
	}
	if (m->flags & ND_MEN_GAZ) {
		m->vote[ND_VOTE_PLACE] += 6;
		return;
	}
	if (ext > 1 || (lookup(sc, key, m->klen).cls & ND_LEX_ORGNAME)) {
		m->flags |= ext > 1 ? ND_MEN_ACRONYM : ND_MEN_ORGWORD;
		m->vote[ND_VOTE_ORG] += 5;
		return;
	}
	if (last.cls & ND_LEX_ORGWORD) {
		m->flags |= ND_MEN_ORGWORD;
		m->vote[ND_VOTE_ORG] += 4;
	} else if (place_team(sc, a, b)) {
		m->vote[ND_VOTE_ORG] += 4; /* outweighs "Port" */
	} else if ((last.cls | first.cls) & ND_LEX_PLACEWORD) {
		m->flags |= ND_MEN_PLACEWORD;
		m->vote[ND_VOTE_PLACE] += 3;
	} else if (any_org) {
		m->flags |= ND_MEN_ORGWORD;
		m->vote[ND_VOTE_ORG] += 3;
	}
	if (b - a == 1 && (sc->d->toks[a].flags & ND_TOK_ALLCAPS)) {
		m->flags |= ND_MEN_ACRONYM | ND_MEN_ALLCAPS;
		m->vote[ND_VOTE_ORG] += 2;
	} else if (m->words == 1 && b - a > 1) {
		m->flags |= ND_MEN_ACRONYM; /* dotted: U.N. */
		m->vote[ND_VOTE_ORG] += 2;
	}
	/* "Jerry A. Oliver", "Wayne R. LaPierre": a middle initial names a
	 * person. */
	for (i = a + 1; i + 1 < b; i++) {
		if (single_letter(sc, i) && gap_period_space(sc, i) &&
		    !single_letter(sc, a) && !single_letter(sc, b - 1)) {
			m->vote[ND_VOTE_PERSON] += 3;
			break;
		}
	}
	/* Only a default: "in Phnom Penh" outweighs the shape. */
	if (m->words >= 2 && m->words <= 3 && shaped &&
	    !(m->flags & (ND_MEN_ORGWORD | ND_MEN_PLACEWORD)))
		m->flags |= ND_MEN_NAMELIKE;
	if (m->words == 1 && m->klen >= 5 &&
	    (ends_with(key, m->klen, "stan") ||
	     ends_with(key, m->klen, "land") || ends_with(key, m->klen, "ia")))
		m->vote[ND_VOTE_PLACE] += 1;
}

/* Initials of the capitalised words of [a, b) equal the acronym token? */
static bool initials_match(const scan *sc, size_t a, size_t b, size_t acr)
{
	const char *p = tok_text(sc, acr);
	size_t n = sc->d->toks[acr].len, k = 0, i;

	for (i = a; i < b; i++) {
		char c;

		if (!is_cap(sc, i))
			continue;
		c = tok_text(sc, i)[0];
		if (k >= n || c != p[k])
			return false;
		k++;
	}
	return k == n && n >= 2;
}

/* "Collective Security Treaty Organization (CSTO)": one thing. */
static int note_alias(const scan *sc, size_t mi)
{
	nd_fstory *st = sc->st;
	const nd_mention *m = &st->ments[mi], *pm;
	const char *t = sc->d->text;
	size_t end = m->off + m->len;
	uint32_t pair[2];

	if (mi == 0 || mi <= st->doc_ment[sc->k] || m->ntok != 1 ||
	    !(m->flags & ND_MEN_ALLCAPS))
		return ND_OK;
	pm = &st->ments[mi - 1];
	if (pm->tok + pm->ntok != m->tok || m->off < 2 ||
	    t[m->off - 1] != '(' || end >= sc->d->len || t[end] != ')' ||
	    !gap_is(sc, m->tok - 1, " (") ||
	    !initials_match(sc, pm->tok, pm->tok + pm->ntok, m->tok))
		return ND_OK;
	pair[0] = (uint32_t)(mi - 1);
	pair[1] = (uint32_t)mi;
	if (ND_ARRAY_PUSH(st->aliases, st->n_aliases, st->aliases_cap,
			  pair[0]) ||
	    ND_ARRAY_PUSH(st->aliases, st->n_aliases, st->aliases_cap,
			  pair[1]))
		return ND_ENOMEM;
	return ND_OK;
}

/* Stores the mention of name tokens [a, b) (title prefix from tok0). */
static int add_mention(scan *sc, size_t tok0, size_t a, size_t b,
		       size_t title_end, bool weak)
{
	nd_fstory *st = sc->st;
	char key[KEY_MAX];
	size_t klen = build_key(sc, a, b, key, sizeof(key));
	size_t ext = b - a == 1 ? letter_digit(sc, a) : 0;
	size_t end = sc->d->toks[b - 1].off + sc->d->toks[b - 1].len, i;
	nd_mention m;
	nd_lex whole;
	int rc;

	/* "US$40 million": a currency sign, not the country. */
	if (klen == 0 || (end < sc->d->len && sc->d->text[end] == '$'))
		return ND_OK;
	if (st->n_ments >= ND_FX_MAX_MENTIONS)
		return ND_ETOOBIG;
	memset(&m, 0, sizeof(m));
	m.doc = sc->k;
	m.tok0 = (uint32_t)tok0;
	m.tok = (uint32_t)a;
	m.ntok = (uint32_t)(b - a);
	m.entity = ND_FX_NONE;
	m.group = ND_FX_NONE;
	m.words = 1;
	for (i = 0; i < klen; i++)
		m.words += key[i] == ' ';
	end -= possessive(sc, b - 1);
	if (b - a >= 2 && dotted_pair(sc, b - 2) && end < sc->d->len &&
	    sc->d->text[end] == '.')
		end++;
	if (ext > 1) {
		const char *plus = sc->d->text + end;

		if (klen + ext - 1 < sizeof(key)) {
			memcpy(key + klen, plus, ext - 1);
			klen += ext - 1;
			key[klen] = '\0';
		}
		end += ext - 1;
	}
	m.off = sc->d->toks[a].off;
	m.len = (uint32_t)(end - m.off);
	if (m.len > NAME_MAX_BYTES)
		return ND_OK;
	whole = lookup(sc, key, klen);
	if (whole.cls & ND_LEX_DEMONYM)
		return ND_OK;
	m.key = (uint32_t)st->pool.len;
	if ((whole.cls & ND_LEX_PLACE) && whole.place) {
		m.flags |= ND_MEN_GAZ;
		rc = nd_buf_printf(&st->pool, "@%u", (unsigned)whole.place);
		add_place_cue(&m, whole.place);
	} else {
		rc = nd_buf_put(&st->pool, key, klen);
	}
	if (rc || (rc = nd_buf_putc(&st->pool, '\0')))
		return rc;
	m.klen = (uint32_t)(st->pool.len - 1 - m.key);
	if (tok0 < a) {
		m.flags |= ND_MEN_TITLED | ND_MEN_EVIDENCE;
		m.vote[ND_VOTE_PERSON] += 3;
		prefix_cues(sc, &m, tok0, title_end);
	}
	shape_votes(sc, &m, a, b, ext);
	context_votes(sc, &m, b);
	if (weak && !(m.flags & (ND_MEN_GAZ | ND_MEN_ACRONYM | ND_MEN_ORGWORD |
				 ND_MEN_PLACEWORD)))
		m.flags |= ND_MEN_WEAK;
	rc = ND_ARRAY_PUSH(st->ments, st->n_ments, st->ments_cap, m);
	if (rc)
		return rc;
	return note_alias(sc, st->n_ments - 1);
}

static bool lexical(const scan *sc, size_t i, uint32_t cls)
{
	return (lex(sc, i).cls & cls) != 0;
}

/* A demonym, or its plural ("Russians"): an adjective, not a name. */
static bool demonym(const scan *sc, size_t i)
{
	size_t len;
	const char *s;

	if (lexical(sc, i, ND_LEX_DEMONYM))
		return true;
	s = nd_fstory_text(sc->st, sc->d->toks[i].term, &len);
	return len > 3 && s[len - 1] == 's' &&
	       (lookup(sc, s, len - 1).cls & ND_LEX_DEMONYM);
}

static int take_run(scan *sc, size_t a, size_t b, int depth);

static bool any_lexical(const scan *sc, size_t a, size_t b, uint32_t cls)
{
	size_t i;

	for (i = a; i < b; i++) {
		if (lexical(sc, i, cls))
			return true;
	}
	return false;
}

/* "Truth and Reconciliation Commission", "Food and Drug Administration":
 * one or two plain words, "and", words ending in an organisation word,
 * no place anywhere in [a, b). */
static bool paired_head(const scan *sc, size_t a, size_t and_at, size_t tail,
			size_t b)
{
	return and_at > a && and_at - a <= 2 && tail == and_at + 1 &&
	       tail < b && lexical(sc, b - 1, ND_LEX_ORGWORD) &&
	       !any_lexical(sc, a, and_at,
			    ND_LEX_ORGWORD | ND_LEX_PLACEWORD | ND_LEX_PLACE |
				    ND_LEX_DEMONYM) &&
	       !any_lexical(sc, tail, b, ND_LEX_PLACE | ND_LEX_DEMONYM);
}

/* Splits "Lugansk and Donetsk" at its connectors unless the head makes
 * the whole one name ("Commonwealth of Independent States", "Secretary of
 * State Antony Blinken", "Bosnia and Herzegovina"). "and" stays inside
 * only an "X of Y and Z" organisation ("Ministry of Foreign Affairs and
 * Trade") or an "X and Y Commission" one (paired_head), so "Ministry of Water Affairs and the Harbour Press" and "Party
 * and Ranariddh" are two. Returns true when the run was split (and
 * taken). */
/* Are the lower-case words of [c, b) all particles of a person's name,
 * each before a capital ("Farouq al-Sharaa", "Ludwig van Beethoven")? */
static bool particles_only(const scan *sc, size_t c, size_t b)
{
	static const char *const words[] = {
		"al", "el", "bin", "ibn", "van", "von", "der", "den", "de",
		"da", "di", "du", "del", "della", "dos", "das", "ul", "la",
		"le", NULL,
	};
	size_t i;

	for (i = c; i < b; i++) {
		if (is_cap(sc, i))
			continue;
		if (!nd_fstory_in(sc->st, sc->d, i, words) || i + 1 >= b ||
		    !is_cap(sc, i + 1))
			return false;
	}
	return true;
}

static bool split_connectors(scan *sc, size_t a, size_t b, int depth,
			     int *rc)
{
	const uint32_t kinds = ND_LEX_ORGWORD | ND_LEX_PLACEWORD;
	char key[KEY_MAX];
	size_t c, next, klen, and_at = ND_FX_NONE;

	for (c = a; c < b && is_cap(sc, c); c++)
		;
	if (c >= b)
		return false;
	klen = build_key(sc, a, b, key, sizeof(key));
	if (lookup(sc, key, klen).cls & ND_LEX_PLACE)
		return false;
	for (next = c; next < b; next++) {
		if (!is_cap(sc, next) &&
		    nd_fstory_is(sc->st, sc->d, next, "and")) {
			and_at = next;
			break;
		}
	}
	if (and_at != ND_FX_NONE) {
		size_t tail = and_at;

		while (tail < b && !is_cap(sc, tail))
			tail++;
		if (paired_head(sc, a, and_at, tail, b))
			return false;
		if (c >= and_at || !any_lexical(sc, a, c, ND_LEX_ORGWORD) ||
		    any_lexical(sc, tail, b, kinds | ND_LEX_PLACE)) {
			*rc = take_run(sc, a, and_at, depth + 1);
			if (*rc == ND_OK)
				*rc = take_run(sc, tail, b, depth + 1);
			return true;
		}
		return false;
	}
	if (any_lexical(sc, a, c, kinds) || lexical(sc, c - 1, ND_LEX_TITLE) ||
	    particles_only(sc, c, b))
		return false;
	for (next = c; next < b && !is_cap(sc, next); next++)
		;
	*rc = take_run(sc, a, c, depth + 1);
	if (*rc == ND_OK)
		*rc = take_run(sc, next, b, depth + 1);
	return true;
}

/* Does token i open its sentence? Not after a title's period that kept
 * the sentence going ("Ms. He said", "Dr. Sallow"). */
static bool initial(const scan *sc, size_t i)
{
	if (i == sc->s_tok)
		return true;
	if ((lex(sc, i - 1).cls & ND_LEX_ABBREV) && gap_period_space(sc, i - 1))
		return false;
	return nd_fstory_initial(sc->d, i);
}

/* Words that open sentences as adverbs or prepositions ("Besides Ewing,
 * …", "Meanwhile Kohl …"), though a story may never write them in lower
 * case. */
static bool sentence_adverb(const scan *sc, size_t a)
{
	static const char *const words[] = {
		"besides", "meanwhile", "instead", "later", "earlier", "today",
		"yesterday", "tomorrow", "moreover", "furthermore",
		"nevertheless", "nonetheless", "unlike", "like", "despite",
		"among", "including", "except", "beyond", "throughout", "thus",
		"hence", "indeed", "perhaps", "maybe", "already", "finally",
		"eventually", "initially", "originally", "recently",
		"currently", "ironically", "unfortunately", "fortunately",
		"clearly", "overall", "elsewhere", "separately", "similarly",
		"likewise", "otherwise", "asked", "according", NULL,
	};

	return nd_fstory_in(sc->st, sc->d, a, words);
}

/* Is a sentence-initial token an ordinary word ("The", "Upon")? */
static bool common_first(const scan *sc, size_t a)
{
	const nd_token *t = &sc->d->toks[a];

	if (!initial(sc, a))
		return false;
	return (t->flags & ND_TOK_STOP) || (seen(sc, a) & ND_SEEN_LOWER) ||
	       sentence_adverb(sc, a);
}

/* In a run holding an organisation word, the title after which a person
 * is named: the last title word, followed by two or three name-shaped
 * words that are none of title, organisation or place words. ND_FX_NONE
 * when there is none. */
static size_t titled_tail(const scan *sc, size_t a, size_t b)
{
	size_t p = ND_FX_NONE, i;

	for (i = a; i < b; i++) {
		if (lexical(sc, i, ND_LEX_TITLE))
			p = i;
	}
	if (p == ND_FX_NONE || b - (p + 1) < 2 || b - (p + 1) > 3)
		return ND_FX_NONE;
	for (i = p + 1; i < b; i++) {
		if (!is_cap(sc, i) || !name_shaped(sc, i) ||
		    lexical(sc, i, ND_LEX_TITLE | ND_LEX_ORGWORD |
					   ND_LEX_PLACEWORD | ND_LEX_PLACE |
					   ND_LEX_CONNECTOR))
			return ND_FX_NONE;
	}
	return p;
}

/* "Hall said", "said Price": a word of the lists (a place or an
 * organisation's word) that speaks without an article is a surname. */
static bool surname_speaks(const scan *sc, size_t i)
{
	if (lexical(sc, i, ND_LEX_TITLE | ND_LEX_PORTFOLIO | ND_LEX_COMPASS) ||
	    (i > sc->s_tok && (nd_fstory_is(sc->st, sc->d, i - 1, "the") ||
			       nd_fstory_is(sc->st, sc->d, i - 1, "a"))))
		return false;
	return (i + 1 < sc->s_end && soft_gap(sc, i) &&
		(lex(sc, i + 1).cls & ND_LEX_SPEECH)) ||
	       (i > sc->s_tok && soft_gap(sc, i - 1) &&
		(lex(sc, i - 1).cls & ND_LEX_SPEECH));
}

/* "Mr.", "Ms.", "Mrs.", "Miss", "Dr.": a title that only ever opens a
 * name. */
static bool honorific(const scan *sc, size_t i)
{
	static const char *const words[] = { "mr", "ms", "mrs", "miss",
					     "dr", NULL };

	return is_cap(sc, i) && nd_fstory_in(sc->st, sc->d, i, words);
}

/* A party's adjective or member, written before a name. */
static bool party_label(const scan *sc, size_t i)
{
	static const char *const words[] = {
		"republican", "democrat", "democratic", "independent",
		"conservative", "liberal", "labour", "socialist", "communist",
		NULL,
	};

	return nd_fstory_in(sc->st, sc->d, i, words);
}

/* Is token i a capitalised word no name holds ("With", "From", "Its"):
 * the run is a title in title case? */
static bool title_word(const scan *sc, size_t i)
{
	static const char *const words[] = {
		"with", "from", "its", "is", "are", "was", "were", "into",
		"has", "have", "will", "be", "their", "our", "your", "my",
		NULL,
	};

	return is_cap(sc, i) && !(sc->d->toks[i].flags & ND_TOK_ALLCAPS) &&
	       nd_fstory_in(sc->st, sc->d, i, words);
}

/* Is token i a function word, not a name? "He" is a name in mid-sentence
 * after a title or before another name ("Ms. He", "his wife, He
 * Xintong"): a common Chinese family name. */
static bool function_word(const scan *sc, size_t i, size_t b)
{
	if (!(sc->d->toks[i].flags & ND_TOK_STOP))
		return false;
	if (!nd_fstory_is(sc->st, sc->d, i, "he") || !is_cap(sc, i))
		return true;
	if (i > sc->s_tok && (lex(sc, i - 1).cls & ND_LEX_TITLE) &&
	    !initial(sc, i))
		return false;
	return initial(sc, i) || i + 1 >= b || !is_cap(sc, i + 1) ||
	       (sc->d->toks[i + 1].flags & ND_TOK_STOP);
}

static int take_run(scan *sc, size_t a, size_t b, int depth)
{
	size_t i, p = ND_FX_NONE, na, allcaps = 0;
	bool in_title = false, has_org = false, weak;
	int rc = ND_OK;

	while (a < b && (function_word(sc, a, b) || common_first(sc, a) ||
			 !is_cap(sc, a)))
		a++;
	/* "Republican John Cornyn": a party label before a name. */
	if (b - a >= 3 && party_label(sc, a) &&
	    !any_lexical(sc, a + 1, b, ND_LEX_ORGWORD))
		a++;
	/* "post-Soviet Collective ...", "ex-Soviet": a prefixed adjective. */
	if (a < b && a > sc->s_tok && !is_cap(sc, a - 1) &&
	    nd_fstory_gap(sc->d, a - 1) == ND_GAP_HYPHEN && demonym(sc, a))
		a++;
	if (a >= b || depth > 3)
		return ND_OK;
	/* "Lessons From Netscape and Its Battle With Microsoft": a title in
	 * title case; its names are apart. "GBA Systems' Ms. Stone": an
	 * honorific starts a name of its own. */
	for (i = a + 1; i + 1 < b; i++) {
		if (title_word(sc, i)) {
			rc = take_run(sc, a, i, depth + 1);
			return rc ? rc : take_run(sc, i + 1, b, depth + 1);
		}
		if (honorific(sc, i)) {
			rc = take_run(sc, a, i, depth + 1);
			return rc ? rc : take_run(sc, i, b, depth + 1);
		}
	}
	for (i = a; i < b; i++) {
		if (sc->d->toks[i].flags & ND_TOK_ALLCAPS)
			allcaps++;
	}
	/* Page furniture: "PORT AMSEL", "UNITED STATES", "ELMSREACH". */
	if (allcaps == b - a &&
	    (b - a >= 2 || cp_count(tok_text(sc, a), sc->d->toks[a].len) > 6))
		return ND_OK;
	if (split_connectors(sc, a, b, depth, &rc))
		return rc;
	for (i = a; i < b; i++) {
		if (lexical(sc, i, ND_LEX_ORGWORD))
			has_org = true;
	}
	/* "House Majority Leader Dick Armey", "Senate Majority Leader Trent
	 * Lott": an institution's title, then a person. */
	if (has_org) {
		p = titled_tail(sc, a, b);
		if (p != ND_FX_NONE)
			return add_mention(sc, a, p + 1, b, p, false);
	}
	for (i = a; i < b && !has_org; i++) {
		nd_lex l = lex(sc, i);

		/* "Hun Sen": an abbreviated title ending a run is a name
		 * (as a title it would have joined the name after it). */
		if ((l.cls & ND_LEX_ABBREV) && i + 1 == b && i > a)
			break;
		if (l.cls & ND_LEX_TITLE) {
			p = i;
			in_title = true;
		} else if (in_title && (l.cls & (ND_LEX_PORTFOLIO |
						 ND_LEX_CONNECTOR))) {
			p = i;
		} else {
			in_title = false;
		}
	}
	na = a;
	if (p != ND_FX_NONE) {
		if (p + 1 < b) {
			na = p + 1;
		} else {
			size_t plain = 0;

			for (i = a; i < p; i++) {
				if (!lexical(sc, i, ND_LEX_TITLE |
							    ND_LEX_PORTFOLIO |
							    ND_LEX_DEMONYM |
							    ND_LEX_PLACE |
							    ND_LEX_CONNECTOR))
					plain++;
			}
			/* "Martin Luther King" is a name; "Valdorian Prime
			 * Minister" is only a title. */
			if (plain < 2 || plain != p - a)
				return ND_OK;
			p = ND_FX_NONE;
		}
	}
	while (na < b && (!is_cap(sc, na) || function_word(sc, na, b)))
		na++;
	if (na >= b || demonym(sc, b - 1))
		return ND_OK;
	/* "Foreign Relations": a title before an ordinary word. */
	if (na > a && b - na == 1 && (seen(sc, na) & ND_SEEN_LOWER))
		return ND_OK;
	if (b - na == 1 && !(sc->d->toks[na].flags & ND_TOK_ALLCAPS) &&
	    lexical(sc, na, ND_LEX_TITLE | ND_LEX_ORGWORD | ND_LEX_PLACEWORD |
				    ND_LEX_PORTFOLIO | ND_LEX_COMPASS) &&
	    !surname_speaks(sc, na))
		return ND_OK; /* "Minister", "the West": no name alone */
	weak = na == a && initial(sc, a) &&
	       !(seen(sc, a) & ND_SEEN_CAPMID) &&
	       !lexical(sc, a, ND_LEX_PLACE | ND_LEX_DEMONYM | ND_LEX_TITLE |
				       ND_LEX_ORGWORD | ND_LEX_PLACEWORD);
	return add_mention(sc, p == ND_FX_NONE ? na : a, na, b,
			   p == ND_FX_NONE ? na : p, weak);
}

/* "Blinken Calls On All Countries": a headline in title case says
 * nothing about which words are names. */
static bool title_cased(const scan *sc)
{
	size_t i, n = 0, caps = 0;

	for (i = sc->s_tok + 1; i < sc->s_end; i++) {
		uint32_t f = sc->d->toks[i].flags;

		if (f & (ND_TOK_STOP | ND_TOK_NUMBER))
			continue;
		n++;
		if (f & ND_TOK_CAPITAL)
			caps++;
	}
	return n >= 3 && caps * 10 >= n * 6;
}

static int scan_doc(nd_fstory *st, uint32_t k)
{
	scan sc;
	size_t s;

	sc.st = st;
	sc.d = nd_fstory_doc(st, k);
	sc.k = k;
	st->doc_ment[k] = st->n_ments;
	for (s = 0; s < sc.d->nsents; s++) {
		const nd_sentence *sent = &sc.d->sents[s];
		size_t i;

		sc.s_tok = sent->tok;
		sc.s_end = (size_t)sent->tok + sent->ntok;
		if ((sent->flags & ND_SENT_TITLE) && title_cased(&sc))
			continue;
		i = sc.s_tok;
		while (i < sc.s_end) {
			size_t j;
			int rc;

			if (!name_word(&sc, i)) {
				i++;
				continue;
			}
			j = run_end(&sc, i);
			rc = take_run(&sc, i, j, 0);
			if (rc)
				return rc;
			i = j;
		}
	}
	st->doc_ment[k + 1] = st->n_ments;
	return ND_OK;
}

int nd_names_scan(nd_fstory *st)
{
	uint32_t k;
	int rc;

	for (k = 0; k < st->n; k++) {
		rc = scan_doc(st, k);
		if (rc) {
			/* Past the cap: later documents have no mentions. */
			for (; k < st->n; k++)
				st->doc_ment[k + 1] = st->n_ments;
			return rc;
		}
	}
	return ND_OK;
}
