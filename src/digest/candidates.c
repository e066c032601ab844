#include "digest/candidates.h"

#include <stdint.h> /* uint64_t */
#include <string.h> /* memcmp, strlen */

#include "core/bytes8.h"
#include "core/utf8.h"

/* Sentences shorter than this are headings, captions or fragments; longer
 * ones are run-ons or lists that eat the budget. */
#define MIN_WORDS 6
#define MAX_WORDS 45
/* Fewer content words than this is furniture ("Click here to comment"). */
#define MIN_CONTENT 3
/* A sentence says something when it has lower-case content words, verbs
 * among them; captions and datelines are names and dates only. */
#define MIN_LOWER_CONTENT 2
/* A quotation holding at least this share of the words needs a speaker. */
#define QUOTE_SHARE 0.5
/* Above this share of capitalised words a line is a heading or tag list. */
#define CAPS_SHARE 0.75

/* Openers that point back at something the reader of a lone sentence has
 * not seen: pronouns, demonstratives and connectives. */
static const char *const dangling_openers[] = {
	"he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
	"those", "his", "her", "its", "their", "our", "my", "your", "him",
	"them", "us", "but", "and", "or", "nor", "so", "yet", "however",
	"also", "meanwhile", "moreover", "furthermore", "nevertheless",
	"nonetheless", "still", "instead", "thus", "therefore", "hence",
	"besides", "then", "otherwise", "likewise", "similarly",
	"additionally", "consequently", "accordingly", "indeed", "such",
	"another", "further", "plus", "both", "others",
	/* Contracted, as one word: "It's going to start with...". */
	"it's", "that's", "he's", "she's", "they're", "we're", "i'm",
	"you're", "they've", "we've", "i've", "he'd", "she'd", "they'd",
	"we'd", "i'd", "it'll", "they'll", "we'll", "he'll", "she'll",
	"that'll", NULL
};

/* "This week", "that year": a demonstrative pointing at time, not back. */
static const char *const demonstratives[] = {
	"this", "that", "these", "those", NULL
};
static const char *const time_nouns[] = {
	"week", "weekend", "month", "year", "morning", "afternoon", "evening",
	"night", "spring", "summer", "autumn", "fall", "winter", "season",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "time", "decade", "century", NULL
};

/* Inside a quotation that opens the sentence, these point at the speaker,
 * whom the attribution names. */
static const char *const speaker_pronouns[] = {
	"i", "we", "you", "my", "our", "your", "me", "us", NULL
};

/* Subject pronouns that, as the second word ("Later he said"), still leave
 * the sentence hanging. */
static const char *const subject_pronouns[] = {
	"he", "she", "it", "they", "we", "i", NULL
};

/* Words that attribute a quotation to a speaker. */
static const char *const speech_words[] = {
	"said", "says", "say", "saying", "told", "tells", "added", "adds",
	"stated", "states", "according", "noted", "notes", "asked", "asks",
	"explained", "explains", "insisted", "insists", "warned", "warns",
	"argued", "argues", "declared", "declares", "wrote", "writes",
	"recalled", "replied", "replies", "acknowledged", "stressed",
	"stresses", "emphasised", "emphasized", "underlined", "affirmed",
	"admitted", "urged", "urges", "remarked", "commented", "announced",
	"announces", "cautioned", "reiterated", "highlighted", "observed",
	"continued", "concluded", "promised", "vowed", "pledged", "claimed",
	"claims", "suggested", "described", "called", "calls", "quoted",
	"tweeted", "posted", NULL
};

/* Openers a summary can drop: bare ("But the army...") or before a comma
 * ("However, the army..."); what follows stands alone. "So", "still" and
 * "now" are left out bare: they also open sentences as adverbs of degree
 * or time ("So far", "Still unknown is"). */
static const char *const bare_connectives[] = { "but", "and", NULL };
static const char *const comma_connectives[] = {
	"but", "and", "however", "meanwhile", "moreover", "furthermore",
	"nevertheless", "nonetheless", "also", "additionally", "separately",
	"still", "instead", "indeed", "besides", "likewise", "similarly",
	"consequently", "accordingly", "thus", "therefore", "hence", "yet",
	"so", "now", "then", "overall", "earlier", "later", "elsewhere",
	"today", "yesterday", NULL
};

/* An opening adverbial of time or place is a phrase up to a comma headed
 * by one of these, whose other content words are names, numbers, nouns
 * of time or these setting words ("In addition,", "At the same time,").
 * "Since 1860," and "For AOL," are left alone: they are what the rest is
 * measured from or true for. */
static const char *const adverbial_heads[] = {
	"on", "in", "at", "earlier", "later", "last", "early", "late",
	"during", "this", NULL
};
static const char *const setting_words[] = {
	"addition", "meantime", "meanwhile", "same", "contrast", "ago",
	"earlier", "later", "today", "yesterday", "tonight", "past", "recent",
	"weeks", "months", "years", "days", "hours", "day", "hour", NULL
};

/* A clause, not a sentence, starts with these ("In Russia, where"). */
static const char *const clause_words[] = {
	"that", "which", "who", "whom", "whose", "but", "and", "or", "because",
	"while", "when", "if", "after", "before", "as", "where", "although",
	"though", "since", "until", "so", NULL
};
/* A relative clause after a comma opening with these adds to its noun
 * ("the ferry companies, which carried..."); after an aside's comma an
 * article opens a noun phrase, so the comma closed an opening phrase. */
static const char *const relative_pronouns[] = { "who", "which", "whose",
						  NULL };
static const char *const articles[] = { "a", "an", "the", NULL };

/* The last words of opening phrases that answer an earlier sentence
 * ("In other words,", "On the other hand,", "For its part,", "In
 * response,", "As a result,"): the sentence leans on what it answers. */
static const char *const back_words[] = {
	"other", "words", "hand", "part", "response", "turn", "reply",
	"return", "contrast", "result", "addition", NULL
};
/* Words standing for a noun named before ("One would require...", "The
 * latter was...", "The first is..."), when an auxiliary follows. */
static const char *const referents[] = { "one", "other", "latter", "former",
					 "first", "second", "third", NULL };
static const char *const auxiliaries[] = {
	"is", "are", "was", "were", "has", "have", "had", "will", "would",
	"can", "could", "shall", "should", "may", "might", "must", "does",
	"did", NULL
};

/* "The following stories", "the material below": a pointer to text after
 * the sentence, which a summary does not show ("the following day" is a
 * time, not a pointer). */
static const char *const ahead_words[] = { "following", "below", NULL };

/* "These offenders", "those areas": a plural determiner pointing back at
 * nouns the reader of a lone sentence has not met ("this" is left out:
 * "this country" is where the paper is read; "that" mostly opens a
 * clause). */
static const char *const near_words[] = { "these", "those", NULL };

/* Slot of term in the word table: where it is, or the empty slot where
 * it would go. Term ids are dense, so a multiplicative hash spreads them. */
static size_t dlex_slot(const nd_dlex *lex, uint32_t term)
{
	size_t i = (size_t)((term * 0x9E3779B1u) >> (32 - ND_DLEX_BITS));

	while (lex->slot[i] != 0 && lex->slot[i] >> 32 != (uint64_t)term + 1)
		i = (i + 1) % ND_DLEX_SLOTS;
	return i;
}

/* Puts the words of list that the corpus has seen on the list bit. */
static void resolve(nd_dlex *lex, const char *const *list, uint32_t bit)
{
	for (; *list; list++) {
		uint32_t t;
		size_t i;

		if (!nd_vocab_lookup(lex->v, *list, strlen(*list), &t))
			continue;
		i = dlex_slot(lex, t);
		lex->slot[i] |= ((uint64_t)t + 1) << 32 | bit;
	}
}

void nd_dlex_init(nd_dlex *lex, const nd_vocab *v)
{
	const struct {
		const char *const *words;
		uint32_t bit;
	} lists[] = {
		{ dangling_openers, ND_DLEX_OPEN },
		{ demonstratives, ND_DLEX_DEMO },
		{ time_nouns, ND_DLEX_TIME },
		{ subject_pronouns, ND_DLEX_SUBJ },
		{ speech_words, ND_DLEX_SPEECH },
		{ speaker_pronouns, ND_DLEX_SPEAKER },
		{ bare_connectives, ND_DLEX_CONJ },
		{ comma_connectives, ND_DLEX_CONN },
		{ adverbial_heads, ND_DLEX_PREP },
		{ setting_words, ND_DLEX_SETTING },
		{ clause_words, ND_DLEX_CLAUSE },
		{ relative_pronouns, ND_DLEX_REL },
		{ articles, ND_DLEX_DET },
		{ back_words, ND_DLEX_BACK },
		{ referents, ND_DLEX_REFER },
		{ auxiliaries, ND_DLEX_AUX },
		{ ahead_words, ND_DLEX_AHEAD },
		{ near_words, ND_DLEX_NEAR },
	};
	size_t i;

	memset(lex, 0, sizeof(*lex));
	lex->v = v;
	for (i = 0; i < sizeof(lists) / sizeof(*lists); i++)
		resolve(lex, lists[i].words, lists[i].bit);
}

uint32_t nd_dlex_lists(const nd_dlex *lex, const nd_token *t)
{
	return (uint32_t)lex->slot[dlex_slot(lex, t->term)];
}

/* ASCII white space: ' ' and '\t' to '\r', as in the count below. */
static uint64_t ascii_spaces8(uint64_t x)
{
	return nd_bytes8_eq(x, ' ') | nd_bytes8_range(x, '\t', '\r');
}

size_t nd_digest_count_words(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t words = 0, in_word = 0;

	while (p < end) {
		unsigned char b = (unsigned char)*p;
		size_t inside;

		/* Eight ASCII bytes at once: a word starts where a byte inside
		 * one follows a space (or the word state carried in). */
		if (ND_BYTES8_IN_ORDER && end - p >= 8) {
			uint64_t x = nd_bytes8_load(p);

			if ((x & ND_BYTES8_HIGHS) == 0) {
				uint64_t in = ~ascii_spaces8(x) & ND_BYTES8_HIGHS;
				uint64_t after = in << 8 | (uint64_t)in_word << 7;

				words += nd_bytes8_count(in & ~after);
				in_word = (size_t)(in >> 63);
				p += 8;
				continue;
			}
		}
		/* ASCII, most of the text, spares the call; the count adds
		 * without a branch on where words start. */
		if (b < 0x80) {
			inside = b != ' ' && (b < '\t' || b > '\r');
			p++;
		} else {
			inside = !nd_cp_is_space(nd_utf8_decode(&p, end));
		}
		words += inside & (in_word ^ 1);
		in_word = inside;
	}
	return words;
}

/* Does the sentence end like a sentence: '.', '!' or an ellipsis, maybe
 * inside closing quotes or brackets? Menus, tags and truncated teasers
 * mostly do not. */
static bool terminated(const char *p, size_t n)
{
	static const char *const closers[] = {
		"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99",
		"\xC2\xBB", NULL
	};
	bool again = true;

	/* No closer ends in a full stop: most sentences are decided here. */
	if (n > 0 && (p[n - 1] == '.' || p[n - 1] == '!'))
		return true;
	while (n > 0 && again) {
		const char *const *c;

		again = false;
		for (c = closers; *c; c++) {
			size_t k = strlen(*c);

			if (n >= k && memcmp(p + n - k, *c, k) == 0) {
				n -= k;
				again = true;
				break;
			}
		}
	}
	if (n == 0)
		return false;
	if (p[n - 1] == '.' || p[n - 1] == '!')
		return true;
	return n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0;
}

/* Is token t0 a name rather than a capitalised sentence opener? Names are
 * written capitalised in mid-sentence too, somewhere in the article. */
static bool is_name(const nd_doc *d, const nd_token *t0)
{
	size_t i;

	if ((t0->flags & (ND_TOK_CAPITAL | ND_TOK_STOP | ND_TOK_NUMBER)) !=
	    ND_TOK_CAPITAL)
		return false;
	for (i = 0; i < d->ntoks; i++) {
		const nd_token *t = &d->toks[i];

		if (t->term == t0->term && (t->flags & ND_TOK_CAPITAL) &&
		    !(t->flags & ND_TOK_FIRST))
			return true;
	}
	return false;
}

/* Does the subject pronoun at token subj of the sentence (its first
 * past the first word; ntok: none) follow a comma, as the subject of a
 * main clause after an opening phrase? */
static bool pronoun_after_comma(const nd_doc *d, const nd_sentence *st,
				size_t subj)
{
	const nd_token *prev, *t;

	if (subj >= st->ntok)
		return false;
	prev = &d->toks[st->tok + subj - 1];
	t = &d->toks[st->tok + subj];
	return memchr(d->text + prev->off + prev->len, ',',
		      t->off - (prev->off + prev->len)) != NULL;
}

/* Is the sentence's subject a word standing for a noun named before
 * ("One would require...", "The other was...")? An auxiliary follows it
 * there; "One man was" or "The former president" name their noun. */
static bool referent_subject(const nd_dlex *lex, const nd_doc *d,
			     const nd_sentence *st)
{
	const nd_token *t = &d->toks[st->tok];
	size_t k = st->ntok > 2 && nd_dlex_has(lex, &t[0], ND_DLEX_DET);

	return k + 1 < st->ntok && nd_dlex_has(lex, &t[k], ND_DLEX_REFER) &&
	       nd_dlex_has(lex, &t[k + 1], ND_DLEX_AUX);
}

/* Does the sentence point at text after it ("the following stories":
 * an article and a pointing word before a noun that is no time), or
 * does a demonstrative inside it point back at nouns ("view these
 * offenders differently"; only before a plural: "those who" or "those
 * singled out" name whom they mean)? One pass, each token's lists
 * looked up once; when it says no, *subj is the first subject pronoun
 * past the first word (ntok: none), for pronoun_after_comma. */
static bool points_away(const nd_dlex *lex, const nd_doc *d,
			const nd_sentence *st, size_t *subj)
{
	const nd_token *t = &d->toks[st->tok];
	uint32_t here, next = st->ntok > 0 ? nd_dlex_lists(lex, &t[0]) : 0;
	size_t i;

	*subj = st->ntok;
	for (i = 0; i + 1 < st->ntok; i++) {
		uint32_t f = t[i + 1].flags;

		here = next;
		next = nd_dlex_lists(lex, &t[i + 1]);
		if (*subj == st->ntok && (next & ND_DLEX_SUBJ))
			*subj = i + 1;
		if (i + 2 < st->ntok && (next & ND_DLEX_AHEAD) &&
		    (here & ND_DLEX_DET) &&
		    !nd_dlex_has(lex, &t[i + 2], ND_DLEX_TIME))
			return true;
		if (i >= 1 && (here & ND_DLEX_NEAR) &&
		    !(f & (ND_TOK_STOP | ND_TOK_CAPITAL | ND_TOK_NUMBER)) &&
		    d->text[t[i + 1].off + t[i + 1].len - 1] == 's')
			return true;
	}
	return false;
}

/* Does the sentence lean on an earlier one for its subject? It opens with
 * a pronoun, connective or phrase answering what came before ("He said",
 * "But", "In other words,"), has a pronoun for its second word after a
 * word that is no name ("Later he"), has one as the subject of its main
 * clause right after an opening phrase ("In Astana, he met") or a word
 * standing for a noun ("One would"). */
static bool dangling(const nd_dlex *lex, const nd_doc *d,
		     const nd_sentence *st)
{
	const nd_token *t = &d->toks[st->tok];
	size_t subj;

	if (nd_digest_back_phrase(lex, d, st->tok, st->tok + st->ntok) ||
	    referent_subject(lex, d, st) || points_away(lex, d, st, &subj))
		return true;

	if ((st->flags & ND_SENT_QUOTE) &&
	    nd_dlex_has(lex, &t[0], ND_DLEX_SPEAKER))
		return false;
	if (nd_dlex_has(lex, &t[0], ND_DLEX_OPEN)) {
		return !(st->ntok > 1 &&
			 nd_dlex_has(lex, &t[0], ND_DLEX_DEMO) &&
			 nd_dlex_has(lex, &t[1], ND_DLEX_TIME));
	}
	if (st->ntok > 1 && nd_dlex_has(lex, &t[1], ND_DLEX_SUBJ) &&
	    !is_name(d, &t[0]))
		return true;
	return (t[0].flags & ND_TOK_STOP) && pronoun_after_comma(d, st, subj);
}

/* Quote state change at the code point: 1 opens, -1 closes, 2 toggles. */
static int quote_mark(int32_t cp)
{
	if (cp == 0x201C || cp == 0x00AB || cp == 0x201E)
		return 1;
	if (cp == 0x201D || cp == 0x00BB)
		return -1;
	return cp == '"' ? 2 : 0;
}

static bool update_quote(bool inside, int mark)
{
	if (mark == 1)
		return true;
	if (mark == -1)
		return false;
	return mark == 2 ? !inside : inside;
}

/* The ASCII quotation marks of wire copy: `` opens, '' closes; 0 when p
 * (before end) holds neither. */
static int wire_quote(const char *p, const char *end)
{
	if (end - p < 2 || p[1] != p[0])
		return 0;
	return p[0] == '`' ? 1 : p[0] == '\'' ? -1 : 0;
}

/* The first bytes of the quotation marks nd_digest_has_quote looks for. */
static const bool quote_lead[256] = {
	['"'] = true, ['`'] = true, ['\''] = true, [0xC2] = true, [0xE2] = true
};

/* The bytes of x that could start a quotation mark: the ASCII leads
 * and every byte of a multi-byte character. */
static uint64_t quote_leads8(uint64_t x)
{
	return (x & ND_BYTES8_HIGHS) | nd_bytes8_eq(x, '"') |
	       nd_bytes8_eq(x, '`') | nd_bytes8_eq(x, '\'');
}

/* Most sentences have no quotation mark, and this byte scan spares them
 * the decoding below; eight bytes at a time, it stops only at bytes that
 * could start one. */
bool nd_digest_has_quote(const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c;

		if (ND_BYTES8_IN_ORDER && i + 8 <= n) {
			uint64_t m = quote_leads8(nd_bytes8_load(p + i));

			if (m == 0) {
				i += 8;
				continue;
			}
			i += (size_t)__builtin_ctzll(m) / 8;
		}
		c = (unsigned char)p[i++];
		if (!quote_lead[c])
			continue;
		if (c == '"' || wire_quote(p + i - 1, p + n))
			return true;
		if (c == 0xC2 && i < n &&
		    ((unsigned char)p[i] == 0xAB ||
		     (unsigned char)p[i] == 0xBB))
			return true;
		if (c == 0xE2 && i + 1 < n && (unsigned char)p[i] == 0x80 &&
		    (unsigned char)p[i + 1] >= 0x9C &&
		    (unsigned char)p[i + 1] <= 0x9E)
			return true;
	}
	return false;
}

/* A sentence that is mostly quoted words with no speaker outside the
 * quotes (one piece of a longer quotation), whose speaker is only a
 * pronoun ("..., he said"), or that starts or ends inside a quotation
 * (a closing mark with no opening one, or an opening one never closed:
 * the quotation runs on across sentences, or the page layout cut it).
 * Asked only of a sentence with a quotation mark. */
static bool quote_fragment(const nd_dlex *lex, const nd_doc *d,
			   const nd_sentence *st)
{
	const char *p = d->text + st->off, *end = p + st->len;
	size_t t = 0, in = 0;
	bool inside = false, attributed = false, opened = false;
	bool pronoun = false, named = false;

	while (p < end) {
		const char *next = t < st->ntok
					   ? d->text + d->toks[st->tok + t].off
					   : end;
		const char *here;
		int mark;
		int32_t cp = 0;

		/* ASCII before the next word that leads no quotation mark is
		 * neither mark nor word: passed over undecoded. */
		while (p < next && p < end && !quote_lead[(unsigned char)*p] &&
		       (unsigned char)*p < 0x80)
			p++;
		if (p >= end)
			break;
		here = p;
		mark = wire_quote(p, end);
		if (mark)
			p += 2;
		else
			cp = nd_utf8_decode(&p, end);
		mark = mark ? mark : quote_mark(cp);

		if (mark) {
			if (mark == -1 && !inside)
				return true;
			inside = update_quote(inside, mark);
			opened |= inside;
			continue;
		}
		if (t < st->ntok &&
		    (size_t)(here - d->text) == d->toks[st->tok + t].off) {
			const nd_token *tok = &d->toks[st->tok + t];

			if (inside) {
				in++;
			} else {
				uint32_t lists = nd_dlex_lists(lex, tok);

				attributed |= (lists & ND_DLEX_SPEECH) != 0;
				pronoun |= (lists & ND_DLEX_SUBJ) != 0;
				named |= (tok->flags & ND_TOK_CAPITAL) &&
					 !(tok->flags & ND_TOK_FIRST);
			}
			t++;
		}
	}
	if (opened && inside)
		return true;
	if (in == 0)
		return false;
	if (pronoun && !named)
		return true;
	return !attributed && (double)in >= QUOTE_SHARE * (double)st->ntok;
}

/* The bracket depth after p[0..n), from depth: each "(" opens one, each
 * ")" closes one; *stray is set when a ")" finds none open. */
static size_t bracket_depth(const char *p, size_t n, size_t depth,
			    bool *stray)
{
	size_t i;

	for (i = 0; i < n; i++) {
		/* Most text has no bracket: eight bytes without one pass
		 * whole. */
		if (i % 8 == 0 && i + 8 <= n) {
			uint64_t x = nd_bytes8_load(p + i);

			if ((nd_bytes8_eq(x, '(') | nd_bytes8_eq(x, ')')) == 0) {
				i += 7;
				continue;
			}
		}
		if (p[i] == '(')
			depth++;
		else if (p[i] == ')' && depth > 0)
			depth--;
		else if (p[i] == ')')
			*stray = true;
	}
	return depth;
}

/* A sentence that starts or ends inside brackets: a ")" with none open, or
 * a "(" never closed. The splitter cut a bracketed aside (wire copy's
 * editors' notes: "(ART ADV: Photo is being sent ...") or the page cut
 * the sentence. */
static bool bracket_fragment(const nd_doc *d, const nd_sentence *st)
{
	const char *p = d->text + st->off;
	bool stray = false;

	/* Most sentences have no bracket: two library scans say so. */
	if (!memchr(p, '(', st->len) && !memchr(p, ')', st->len))
		return false;
	return bracket_depth(p, st->len, 0, &stray) > 0 || stray;
}

/* How many sentences back an open bracket is looked for: wire notes to
 * editors run to three or four sentences inside one pair. */
#define ASIDE_REACH 4

/* Does sentence i of d start inside brackets that an earlier sentence of
 * its paragraph opened ("(ART ADV: Photo is being sent. Graphic is being
 * sent. ...)")? Then it is part of an aside, whole as it may look. */
static bool inside_aside(const nd_doc *d, size_t i)
{
	size_t j = i > ASIDE_REACH ? i - ASIDE_REACH : 0, depth = 0;
	size_t from = d->sents[j].off;
	bool stray = false;

	/* Most text has no bracket at all: one scan says so. */
	if (i == 0 || !memchr(d->text + from, '(', d->sents[i].off - from))
		return false;
	for (; j < i; j++) {
		const nd_sentence *st = &d->sents[j];
		const char *p = d->text + st->off;
		size_t gap_end = d->sents[j + 1].off;

		depth = bracket_depth(p, st->len, depth, &stray);
		/* A paragraph break closes whatever was left open. */
		if (memchr(p + st->len, '\n', gap_end - st->off - st->len))
			depth = 0;
	}
	return depth > 0;
}

/* Up to this many capitalised words before a colon make a label. */
#define LABEL_WORDS 4

/* A sentence opening with a label in capitals and a colon ("ATTENTION
 * EDITORS:", "PLEASE NOTE:"): a notice to editors or a section heading
 * glued to its first sentence, neither of which reads as a summary line.
 * Words of one letter ("A") do not make a label. */
static bool caps_label(const nd_doc *d, const nd_sentence *st)
{
	const char *p = d->text + st->off, *end = p + st->len;
	size_t words = 0;

	while (words < LABEL_WORDS) {
		const char *w = p;

		while (p < end && ((*p >= 'A' && *p <= 'Z') || *p == '\''))
			p++;
		if (p - w < 2 || (p < end && *p >= 'a' && *p <= 'z'))
			return false;
		words++;
		if (p < end && *p == ':')
			return true;
		if (p >= end || *p != ' ')
			return false;
		p++;
	}
	return false;
}

/* A sentence opening with a bracket or a list's dash ("(For use by ...",
 * "(Repeating series ...)", "--Europe and Asia: ...", "_ A cut in ..."):
 * an editors' note, a credit or an item of a list, none of which reads
 * as a line of prose. */
static bool furniture_start(const nd_doc *d, const nd_sentence *st)
{
	const char *p = d->text + st->off;

	if (st->len == 0)
		return false;
	if (p[0] == '(' || p[0] == '_' || p[0] == '-')
		return true;
	return st->len >= 3 && memcmp(p, "\xE2\x80\x94", 3) == 0;
}

/* Does the sentence open with a quotation ("``We're down to splitting
 * infinitives,'' Armey said.")? Then it gives a speaker's words, where a
 * summary tells what happened in its own voice; a quotation inside a
 * sentence ("called it ``a bridge for a century''") is the writer's. */
static bool opens_quote(const nd_doc *d, const nd_sentence *st)
{
	const char *p = d->text + st->off;

	if (st->len > 0 && p[0] == '"')
		return true;
	if (st->len >= 2 && p[0] == '`' && p[1] == '`')
		return true;
	return st->len >= 3 && (memcmp(p, "\xE2\x80\x9C", 3) == 0 ||
				memcmp(p, "\xC2\xAB", 2) == 0);
}

/* Does the sentence open with digits right after a full stop that
 * follows a digit ("... will exceed 3. 5 billion dollars")? Then it is
 * the tail of a number the source broke and the splitter cut. */
static bool number_tail(const nd_doc *d, const nd_sentence *st)
{
	const char *t = d->text;
	size_t at = st->off;

	if (st->len == 0 || t[at] < '0' || t[at] > '9')
		return false;
	while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t'))
		at--;
	return at >= 2 && t[at - 1] == '.' && t[at - 2] >= '0' &&
	       t[at - 2] <= '9';
}

/* Digits a telephone number has at least, in three groups or more. */
#define PHONE_DIGITS 7

/* Does the sentence give a telephone number ("call 404-526-5456", "at
 * 47-42-17-11")? Then it tells the wire's clients whom to call. */
static bool phone_number(const nd_doc *d, const nd_sentence *st)
{
	const char *p = d->text + st->off, *end = p + st->len;
	size_t groups = 0, digits = 0;

	/* Groups are joined by dashes: most sentences have none. */
	if (memchr(p, '-', st->len) == NULL)
		return false;
	for (; p < end; p++) {
		if (*p >= '0' && *p <= '9') {
			digits++;
			if (p + 1 == end || p[1] != '-')
				continue;
			groups++;
			if (groups >= 2 && p + 2 < end && p[2] >= '0' &&
			    p[2] <= '9' && digits >= PHONE_DIGITS - 1)
				return true;
		} else if (*p != '-') {
			groups = digits = 0;
		}
	}
	return false;
}

/* Consecutive words in capitals from this many on are a headline or a
 * byline glued to the text ("CONGRESS STUDIES RAPIDLY CHANGING ...");
 * prose writes its acronyms one at a time. After "By", two make a
 * byline ("By RICK ALM"). */
#define CAPS_RUN 3
#define BYLINE_RUN 2

/* What one pass over a sentence's tokens tells the checks. */
typedef struct tok_counts {
	size_t content; /* content words */
	size_t lower;   /* of them in lower case, no number */
	size_t caps;    /* capitalised words */
	bool caps_run;  /* a headline or a byline in capitals */
} tok_counts;

static void count_tokens(tok_counts *tc, const nd_doc *d,
			 const nd_sentence *st)
{
	size_t i, run = 0;
	bool by = false;

	memset(tc, 0, sizeof(*tc));
	for (i = 0; i < st->ntok; i++) {
		const nd_token *t = &d->toks[st->tok + i];
		uint32_t f = t->flags;

		/* Sums, not branches, on flags as good as random. */
		tc->caps += (f & ND_TOK_CAPITAL) != 0;
		tc->content += !(f & ND_TOK_STOP);
		tc->lower += !(f & (ND_TOK_STOP | ND_TOK_CAPITAL |
				    ND_TOK_NUMBER));
		if (!(f & ND_TOK_ALLCAPS)) {
			by = t->len == 2 &&
			     memcmp(d->text + t->off, "By", 2) == 0;
			run = 0;
		} else if (++run >= CAPS_RUN || (by && run >= BYLINE_RUN)) {
			tc->caps_run = true;
		}
	}
}

/* Headings, menus and tag lists: nearly every word capitalised. */
static bool title_case(const tok_counts *tc, const nd_sentence *st)
{
	return (double)tc->caps > CAPS_SHARE * (double)st->ntok;
}

/* The checks of nd_digest_candidate on st (a sentence or its trimmed
 * form, holding a quotation mark or not), opening with token t0 as
 * written and ended as a sentence or not. */
static bool fit(const nd_dlex *lex, const nd_doc *d, const nd_sentence *st,
		size_t words, bool relaxed, const nd_token *t0, bool ended,
		bool quoted)
{
	tok_counts tc;

	if (st->flags & (ND_SENT_TITLE | ND_SENT_QUESTION) || st->ntok == 0)
		return false;
	if (words < MIN_WORDS || words > MAX_WORDS)
		return false;
	count_tokens(&tc, d, st);
	if (tc.content < MIN_CONTENT)
		return false;
	if (relaxed)
		return true;
	if (tc.lower < MIN_LOWER_CONTENT)
		return false;
	/* Opening in lower case: the tail of a sentence the page split. */
	if (!(t0->flags & (ND_TOK_CAPITAL | ND_TOK_NUMBER)))
		return false;
	return ended && !dangling(lex, d, st) && !title_case(&tc, st) &&
	       !(quoted && quote_fragment(lex, d, st)) &&
	       !bracket_fragment(d, st) &&
	       !caps_label(d, st) && !tc.caps_run &&
	       !phone_number(d, st) && !opens_quote(d, st);
}

/* The checks of sentence i that no form of it escapes: a piece of an
 * aside, furniture at its start, a number the page broke. */
static bool sentence_fit(const nd_doc *d, size_t i)
{
	const nd_sentence *st = &d->sents[i];

	return !inside_aside(d, i) && !furniture_start(d, st) &&
	       !number_tail(d, st);
}

bool nd_digest_candidate(const nd_dlex *lex, const nd_doc *d, size_t i,
			 size_t words, bool relaxed, bool quoted)
{
	const nd_sentence *st = &d->sents[i];

	return fit(lex, d, st, words, relaxed, &d->toks[st->tok],
		   st->ntok > 0 && terminated(d->text + st->off, st->len),
		   quoted) &&
	       sentence_fit(d, i);
}

bool nd_digest_candidate_trim(const nd_dlex *lex, const nd_doc *d, size_t i,
			      const nd_dtrim *tr, size_t words, bool quoted)
{
	const nd_sentence *st = &d->sents[i];
	nd_sentence form = *st;

	form.tok = tr->tok;
	form.ntok = tr->ntok;
	form.off = tr->off;
	form.len = tr->len;
	/* The form ends where the sentence does: without a mark, so is it. */
	quoted = quoted && nd_digest_has_quote(d->text + form.off, form.len);
	/* The cut leaves a lower-case word that is shown capitalised, so the
	 * sentence's own opening says whether it is a split tail. */
	return st->ntok > 0 &&
	       fit(lex, d, &form, words, false, &d->toks[st->tok],
		   terminated(d->text + st->off, st->len), quoted) &&
	       sentence_fit(d, i);
}
