#include "facts/speaker.h"

#include <string.h>  /* memchr, memcmp, strlen */
#include <strings.h> /* strncasecmp */

#include "core/alloc.h"
#include "core/error.h"
#include "facts/gender.h"
#include "facts/who.h"

/* A speaker the attribution leaves unnamed ("said a diplomat"): no
 * neighbour's speaker is lent to it. ND_FX_NONE once resolved. */
#define ANONYMOUS (ND_FX_NONE - 1)

/* How far from a quotation its attribution may sit, in tokens; further
 * when a name comes first ("…," 17-year-old Zuhir Hersi, one of the disc
 * jockeys, said). */
#define NEAR_TOKENS 8
#define NAMED_NEAR_TOKENS 20
/* Last tokens of a sentence that may hold an attribution ("said
 * Mahathir."). */
#define ATTRIBUTION_TAIL 4
/* How far into the sentence before a quotation its reporting verb may
 * stand ("Clinton said in Cleveland that …"). */
#define PREVIOUS_SUBJECT_TOKENS 20
/* How far before a quotation a speech verb is looked for, in tokens. */
#define SPEECH_BEFORE_TOKENS 64
/* The longest apposition between a subject and its verb, in tokens. */
#define APPOSITION_SPAN 40
/* Mentions of a sentence looked over for its subject at most. */
#define SENTENCE_MENTIONS 64
/* Mentions a description looks back over at most. */
#define LOOKBACK_MENTIONS 4096
/* Sentences back a pronoun's antecedent is looked for first. */
#define ANTECEDENT_SENTENCES 3

/* "in the words of X": read as "according to X" (two tokens to skip). */
static bool words_of(const nd_who *w, size_t i, size_t end)
{
	return i + 1 < end && nd_who_is(w, i, "words") &&
	       nd_who_is(w, i + 1, "of");
}

/* Is mention mi a possessive ("Anwar's case"): a modifier, no speaker? */
static bool possessive(const nd_who *w, uint32_t mi)
{
	const nd_mention *m = &w->st->ments[mi];
	const char *p = w->d->text + m->off + m->len;
	const char *end = w->d->text + w->d->len;

	if (p < end && (*p == '\'' || (end - p >= 3 &&
					memcmp(p, "\xE2\x80\x99", 3) == 0))) {
		p += *p == '\'' ? 1 : 3;
		return p < end && (*p == 's' || *p == 'S');
	}
	return false;
}

/* First token of the sentence holding token t. */
static size_t sentence_start(const nd_who *w, size_t t)
{
	size_t s = nd_fstory_sent_at(w->d, w->d->toks[t].off);

	return s < w->d->nsents ? w->d->sents[s].tok : t;
}

/* Does a preposition put mention mi out of subject place ("of Anwar",
 * "by Mahathir")? */
static bool governed(const nd_who *w, uint32_t mi)
{
	static const char *const determiners[] = {
		"the", "a", "an", "some", "many", "several", "all", "both",
		"most", "other", "his", "her", "their", "its", "two", "three",
		NULL,
	};
	size_t t = w->st->ments[mi].tok0, s0 = sentence_start(w, t);

	/* "by some Republicans", "of the Commission". */
	while (t > s0 + 1 && nd_who_in(w, t - 1, determiners) &&
	       nd_fstory_gap(w->d, t - 1) == ND_GAP_SPACE)
		t--;
	/* "according to Edwin Meese": a source, who may be "he" next. */
	if (t >= s0 + 2 && nd_who_according(w, t - 2, t))
		return false;
	/* Not "… reservations about. Castro said": a sentence of its own;
	 * nor ""… what to be scared of," Hall said": a quotation's end. */
	return t > s0 && nd_fstory_gap(w->d, t - 1) == ND_GAP_SPACE &&
	       nd_who_preposition(w, t - 1);
}

/* Is mention mi the first person its sentence names: the subject
 * rather than an apposition's ("Azizah Ismail, the wife of jailed
 * politician Anwar Ibrahim, told")? */
static bool leads(const nd_who *w, size_t mi)
{
	const nd_mention *m = &w->st->ments[mi];
	size_t s = nd_fstory_sent_at(w->d, m->off), k;

	/* "He said he went at the advice of Netanyahu": "he" leads. */
	if (s < w->d->nsents && w->d->sents[s].ntok &&
	    nd_who_pronoun(w, w->d->sents[s].tok))
		return false;
	for (k = mi; k-- > w->m_lo;) {
		const nd_mention *p = &w->st->ments[k];

		if (s < w->d->nsents && p->off < w->d->sents[s].off)
			break;
		if (p->entity != ND_FX_NONE && !(p->flags & ND_MEN_INQUOTE) &&
		    w->st->ents[p->entity].kind == ND_ENTITY_PERSON &&
		    !possessive(w, (uint32_t)k) && !governed(w, (uint32_t)k))
			return false;
	}
	return true;
}

/* How many of cues[0..n) entity ent's mentions carry. */
static size_t shared_cues(const nd_who *w, uint32_t ent, const uint64_t *cues,
			  size_t n)
{
	const uint64_t *ec = w->st->ent_cues + (size_t)ent * ND_ENTITY_CUES;
	uint32_t ne = w->st->ent_ncue[ent], i;
	size_t j, k = 0;

	for (j = 0; j < n; j++) {
		for (i = 0; i < ne; i++) {
			if (ec[i] == cues[j]) {
				k++;
				break;
			}
		}
	}
	return k;
}

/* The first mention a description at byte off may look back to: the
 * document's first, or LOOKBACK_MENTIONS before off, so that a document
 * of many descriptions costs no more than that each. */
static size_t lookback(const nd_who *w, size_t off)
{
	size_t at = nd_fstory_mention_at(w->st, w->k, off);

	return at - w->m_lo > LOOKBACK_MENTIONS ? at - LOOKBACK_MENTIONS
						: w->m_lo;
}


/* May entity e be called by a pronoun of gender g ("she": not a man)? */
static bool agrees(const nd_who *w, uint32_t e, int g)
{
	return e == ND_FX_NONE || g == ND_GENDER_UNKNOWN ||
	       w->st->ent_gender[e] == ND_GENDER_UNKNOWN ||
	       w->st->ent_gender[e] == g;
}

/* Who "he" or "she" at byte off stands for: the nearest person in a
 * subject's place (not "Anwar's case", not "by Anwar", first of its
 * sentence) within ANTECEDENT_SENTENCES sentences; the person the last
 * pronoun stood for when no such subject comes after it; else the nearest
 * person named. */
static uint32_t antecedent(const nd_who *w, size_t off)
{
	uint32_t first = ND_FX_NONE, ref = ND_FX_NONE;
	size_t mi, lo, s_off = nd_fstory_sent_at(w->d, off);
	size_t t = nd_fstory_tok_at(w->d, off);
	int g = t < w->d->ntoks && w->d->toks[t].off == off
			? nd_gender_of_pronoun(w->st, w->d, t)
			: ND_GENDER_UNKNOWN;
	/* The chain holds only for a pronoun resolved before this one (the
	 * fallbacks run out of text order), and of its gender. */
	uint32_t chained = w->pron->off <= off && agrees(w, w->pron->ref, g)
				   ? w->pron->ref
				   : ND_FX_NONE;

	s_off = s_off >= ANTECEDENT_SENTENCES
			? w->d->sents[s_off - ANTECEDENT_SENTENCES].off
			: 0;
	lo = lookback(w, off);
	for (mi = nd_fstory_mention_at(w->st, w->k, off); mi-- > lo;) {
		const nd_mention *m = &w->st->ments[mi];

		if (m->entity == ND_FX_NONE || (m->flags & ND_MEN_INQUOTE) ||
		    w->st->ents[m->entity].kind != ND_ENTITY_PERSON ||
		    !agrees(w, m->entity, g))
			continue;
		if (chained != ND_FX_NONE && m->off < w->pron->off &&
		    w->pron->off >= s_off) {
			ref = chained;
			break;
		}
		if (m->off < s_off && first != ND_FX_NONE)
			break;
		if (first == ND_FX_NONE)
			first = m->entity;
		if (m->off >= s_off && !possessive(w, (uint32_t)mi) &&
		    !governed(w, (uint32_t)mi) && leads(w, mi)) {
			ref = m->entity;
			break;
		}
	}
	if (ref == ND_FX_NONE)
		ref = chained != ND_FX_NONE && w->pron->off >= s_off ? chained
								   : first;
	if (ref != ND_FX_NONE && off >= w->pron->off) {
		w->pron->ref = ref;
		w->pron->off = off;
	}
	return ref;
}

/* The person named before byte off outside quotations sharing most of
 * cues[0..n), the nearest on ties; ND_FX_NONE when none shares one. The
 * nearest person named at all in *first. */
/* "…," the Lebanese prime minister said. Hariri said …": a person named
 * in the sentence after byte off's who shares more of cues[0..n) than
 * best_n, else best. */
static uint32_t later_person(const nd_who *w, size_t off,
			     const uint64_t *cues, size_t n, uint32_t best,
			     size_t best_n)
{
	size_t s = nd_fstory_sent_at(w->d, off), mi, hi, k, end;

	if (s >= w->d->nsents)
		return best;
	s = s + 1 < w->d->nsents ? s + 1 : s;
	end = w->d->sents[s].off + w->d->sents[s].len;
	hi = nd_fstory_mention_at(w->st, w->k, off);
	for (mi = hi; mi < w->m_hi && mi < hi + SENTENCE_MENTIONS; mi++) {
		const nd_mention *m = &w->st->ments[mi];

		if (m->off >= end)
			break;
		if (m->entity == ND_FX_NONE || (m->flags & ND_MEN_INQUOTE) ||
		    w->st->ents[m->entity].kind != ND_ENTITY_PERSON)
			continue;
		k = shared_cues(w, m->entity, cues, n);
		if (k > best_n) {
			best_n = k;
			best = m->entity;
		}
	}
	return best;
}

static uint32_t best_person(const nd_who *w, size_t off, const uint64_t *cues,
			    size_t n, uint32_t *first_out)
{
	uint32_t first = ND_FX_NONE, best = ND_FX_NONE;
	size_t mi, best_n = 0, lo = lookback(w, off);

	for (mi = nd_fstory_mention_at(w->st, w->k, off); mi-- > lo;) {
		const nd_mention *m = &w->st->ments[mi];
		size_t k;

		if (m->entity == ND_FX_NONE || (m->flags & ND_MEN_INQUOTE) ||
		    w->st->ents[m->entity].kind != ND_ENTITY_PERSON)
			continue;
		if (first == ND_FX_NONE)
			first = m->entity;
		/* The most cues shared, the nearest on ties: "the Israeli
		 * leader" is the Israeli one of two leaders. */
		k = shared_cues(w, m->entity, cues, n);
		if (k > best_n) {
			best_n = k;
			best = m->entity;
		}
	}
	*first_out = first;
	return later_person(w, off, cues, n, best, best_n);
}

/* The nearest person named before byte off outside quotations; with cues,
 * the nearest one sharing most, if any does; without, the nearest one in
 * a subject's place (not "Anwar's case", not "by Anwar") within the last
 * ANTECEDENT_SENTENCES sentences, else the nearest. */
static uint32_t nearest_person(const nd_who *w, size_t off,
			       const uint64_t *cues, size_t n)
{
	uint32_t first, best;

	if (n == 0)
		return antecedent(w, off);
	best = best_person(w, off, cues, n, &first);
	return best != ND_FX_NONE ? best : first;
}

/* The nearest entity of kind named outside quotations within
 * ANTECEDENT_SENTENCES sentences before byte off, no possessive, and, for
 * g other than ND_GENDER_UNKNOWN, of gender g; ND_FX_NONE when none. */
static uint32_t nearest_named(const nd_who *w, size_t off,
			      nd_entity_kind kind, int g)
{
	size_t mi, lo = lookback(w, off), s = nd_fstory_sent_at(w->d, off);
	size_t s_off = s >= ANTECEDENT_SENTENCES && s < w->d->nsents
			       ? w->d->sents[s - ANTECEDENT_SENTENCES].off
			       : 0;

	for (mi = nd_fstory_mention_at(w->st, w->k, off); mi-- > lo;) {
		const nd_mention *m = &w->st->ments[mi];

		if (m->off < s_off)
			break;
		if (m->entity != ND_FX_NONE && !(m->flags & ND_MEN_INQUOTE) &&
		    w->st->ents[m->entity].kind == kind &&
		    (g == ND_GENDER_UNKNOWN ||
		     w->st->ent_gender[m->entity] == g) &&
		    !possessive(w, (uint32_t)mi))
			return m->entity;
	}
	return ND_FX_NONE;
}

/* Who "it said" stands for: the organisation named last ("… Reporters
 * Without Borders urged … . "…," it said"). */
static uint32_t nearest_org(const nd_who *w, size_t off)
{
	return nearest_named(w, off, ND_ENTITY_ORGANISATION,
			     ND_GENDER_UNKNOWN);
}

/* "Ms. Maple … "…," the single mother said": the woman (or man) named
 * last; ND_FX_NONE when none or g is unknown. */
static uint32_t gendered_person(const nd_who *w, size_t off, int g)
{
	return g == ND_GENDER_UNKNOWN
		       ? ND_FX_NONE
		       : nearest_named(w, off, ND_ENTITY_PERSON, g);
}

/* Cue words of a description: titles, countries ("the US diplomatic
 * head" gives US and head). */
static size_t describe(const nd_who *w, size_t a, size_t b, uint64_t *cues,
		       size_t max)
{
	size_t n = 0, i;

	for (i = a; i < b && n < max; i++) {
		nd_lex l = nd_fstory_lex(w->st, w->d, i);
		uint32_t mi = nd_who_mention(w, i);

		/* A mention's cues once, at its first token. */
		if (mi != ND_FX_NONE &&
		    (i == a || nd_who_mention(w, i - 1) != mi)) {
			const nd_mention *m = &w->st->ments[mi];
			uint32_t c;

			for (c = 0; c < m->ncue && n < max; c++)
				cues[n++] = m->cue[c];
		}
		if ((l.cls & (ND_LEX_TITLE | ND_LEX_PORTFOLIO | ND_LEX_KIN)) &&
		    n < max) {
			size_t len;
			const char *s = nd_fstory_text(
				w->st, w->d->toks[i].term, &len);

			cues[n++] = nd_fstory_cue(s, len);
		}
		/* "the Israeli leader": Israel, entered twice, as a country
		 * tells two leaders apart where "leader" does not. */
		if ((l.cls & ND_LEX_DEMONYM) && l.place && n + 2 <= max) {
			cues[n++] = nd_fstory_place_cue(l.place);
			cues[n++] = nd_fstory_place_cue(l.place);
		}
	}
	return n;
}

/* Is token i a present participle ("saying", "adding")? */
static bool participle(const nd_who *w, size_t i)
{
	const nd_token *t = &w->d->toks[i];

	return t->len > 4 &&
	       memcmp(w->d->text + t->off + t->len - 3, "ing", 3) == 0;
}

/* Is verb v coordinated with one before it ("and said", "but added")? */
static bool coordinated(const nd_who *w, size_t v)
{
	return v > 0 && (nd_who_is(w, v - 1, "and") || nd_who_is(w, v - 1, "but"));
}

/* Adverbs that may stand between a subject and its verb. */
static bool adverb(const nd_who *w, size_t t)
{
	static const char *const words[] = {
		"also", "again", "later", "earlier", "then", "now", "still",
		"previously", "reportedly", NULL,
	};

	return nd_who_in(w, t, words);
}

/* Does quotation a end in the sentence where b begins? */
static bool same_sentence(const nd_who *w, const nd_qspan *a,
			  const nd_qspan *b)
{
	return nd_fstory_sent_at(w->d, a->off + (a->len ? a->len - 1 : 0)) ==
	       nd_fstory_sent_at(w->d, b->off);
}

/* Words for what someone states, which "by X that" attributes. */
static bool statement_noun(const nd_who *w, size_t t)
{
	static const char *const words[] = {
		"finding", "findings", "ruling", "statement", "report", "claim",
		"assertion", "verdict", "decision", "charge", NULL,
	};

	return nd_who_in(w, t, words);
}

/* Nouns that stand for an organisation named before ("the agency
 * said"). */
static const char *const org_heads[] = {
	"agency", "organization", "organisation", "group", "association",
	"administration", "department", "ministry", "government", "party",
	"union", "council", "committee", "institute", "foundation", "center",
	"centre", "office", "board", "league", "newspaper", "paper", "daily",
	NULL,
};

/* "the company" stands for "InfoCision Management Corp.". */
static bool company(const char *h, size_t hl)
{
	return (hl == 7 && strncasecmp(h, "company", 7) == 0) ||
	       (hl == 4 && strncasecmp(h, "firm", 4) == 0);
}

static bool corporate(const char *last)
{
	static const char *const suffixes[] = {
		"Corp.", "Corp", "Inc.", "Inc", "Co.", "Ltd.", "Ltd", "plc",
		"PLC", "LLC", "Company", "AG", "SA", "GmbH", "Group",
	};
	size_t i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		if (strcmp(last, suffixes[i]) == 0)
			return true;
	}
	return false;
}

/* The nearest organisation named before byte `before` whose name ends in
 * the word of token head ("commission": the Truth and Reconciliation
 * Commission). */
static uint32_t named_by_head(const nd_who *w, size_t head, size_t before)
{
	size_t hl, mi;
	const char *h = nd_fstory_text(w->st, w->d->toks[head].term, &hl);

	size_t lo = lookback(w, before);

	for (mi = nd_fstory_mention_at(w->st, w->k, before); mi-- > lo;) {
		const nd_mention *m = &w->st->ments[mi];
		const char *name, *last;
		size_t len;

		if (m->entity == ND_FX_NONE ||
		    w->st->ents[m->entity].kind != ND_ENTITY_ORGANISATION)
			continue;
		name = w->st->ents[m->entity].name;
		len = strlen(name);
		last = name + len;
		while (last > name && last[-1] != ' ')
			last--;
		if (((size_t)(name + len - last) == hl &&
		     strncasecmp(last, h, hl) == 0) ||
		    (company(h, hl) && corporate(last)))
			return m->entity;
	}
	return ND_FX_NONE;
}

/* Who "the US diplomatic head" is: the nearest person sharing most
 * cues; but "a statement by the 15 EU countries" is the organisation,
 * when no title says a person speaks. */
static uint32_t by_description(const nd_who *w, size_t a, size_t b,
			       size_t before)
{
	uint64_t cues[16];
	uint32_t org = ND_FX_NONE;
	size_t n = describe(w, a, b, cues, 16), i;

	for (i = a; i < b; i++) {
		uint32_t mi = nd_who_mention(w, i);
		uint32_t cls = nd_fstory_lex(w->st, w->d, i).cls, first;

		if (cls & ND_LEX_TITLE)
			return nearest_person(w, before, cues, n);
		/* "the father", "his wife": only someone known as one, or,
		 * for "the mother", the nearest woman; the nearest person
		 * is more often the one they are kin to, and "his sister"
		 * someone not named before. */
		if (cls & ND_LEX_KIN) {
			uint32_t p = best_person(w, before, cues, n, &first);

			if (p == ND_FX_NONE && a > 0 &&
			    nd_who_is(w, a - 1, "the"))
				p = gendered_person(
					w, before,
					nd_gender_of_word(w->st, w->d, i));
			return p;
		}
		if (mi != ND_FX_NONE && org == ND_FX_NONE &&
		    nd_who_kind(w, mi) == ND_ENTITY_ORGANISATION)
			org = w->st->ments[mi].entity;
	}
	if (org != ND_FX_NONE)
		return org;
	if (n)
		return nearest_person(w, before, cues, n);
	/* "the commission (also) said": the organisation named before whose
	 * name ends in that word; "the statement": nobody. */
	while (b > a && adverb(w, b - 1))
		b--;
	if (b == a)
		return ND_FX_NONE;
	org = named_by_head(w, b - 1, before);
	/* "the statement said", "the agency said": the organisation named
	 * last, whose it is or which it is. */
	if (org == ND_FX_NONE &&
	    (statement_noun(w, b - 1) || nd_who_in(w, b - 1, org_heads)))
		org = nearest_org(w, before);
	return org;
}

/* "the US diplomatic head" before a verb: no function words up to the
 * verb or the first comma, so not "the capital Tashkent on Wednesday". */
static bool plain_phrase(const nd_who *w, size_t the, size_t v)
{
	static const char *const conjunctions[] = { "but", "and", "or", NULL };
	size_t i;

	/* "the commission also said". */
	while (v > the + 1 && adverb(w, v - 1))
		v--;
	for (i = the + 1; i < v; i++) {
		if ((w->d->toks[i].flags & ND_TOK_STOP) ||
		    nd_who_in(w, i, conjunctions) ||
		    (nd_who_mention(w, i) != ND_FX_NONE &&
		     nd_who_kind(w, nd_who_mention(w, i)) == ND_ENTITY_PERSON))
			return false;
		if (nd_who_comma_after(w, i))
			return true;
	}
	return true;
}

/* "his", "her" or "their" before a relation or title: "said his wife,
 * He Xintong", "her lawyer said"; not "quoted her as saying". */
static bool kin_determiner(const nd_who *w, size_t i)
{
	static const char *const words[] = { "his", "her", "their", "its",
					     NULL };

	size_t k;

	if (!nd_who_in(w, i, words))
		return false;
	/* "his wife", "its executive director". */
	for (k = i + 1; k < w->d->ntoks && k <= i + 2; k++) {
		if (nd_fstory_lex(w->st, w->d, k).cls &
		    (ND_LEX_KIN | ND_LEX_TITLE))
			return true;
		if (nd_who_comma_after(w, k))
			break;
	}
	return false;
}

/* "a statement from the Foreign Ministry": "from" or "by" after a
 * statement names its author. */
static bool authored(const nd_who *w, size_t i)
{
	return i > 0 && (nd_who_is(w, i, "from") || nd_who_is(w, i, "by")) &&
	       statement_noun(w, i - 1);
}

/* The person named within a few words after organisation mention m
 * ("America Online president Robert Pittman", "the NBA commissioner,
 * David Stern"), the words between being no function words; ND_FX_NONE
 * when none. */
static uint32_t titled_after(const nd_who *w, const nd_mention *m, size_t end)
{
	size_t i = m->tok + m->ntok, stop = i + 3;

	for (; i < end && i <= stop; i++) {
		uint32_t mi = nd_who_mention(w, i);

		if (mi != ND_FX_NONE)
			return nd_who_kind(w, mi) == ND_ENTITY_PERSON &&
					       i > m->tok + m->ntok
				       ? w->st->ments[mi].entity
				       : ND_FX_NONE;
		if ((w->d->toks[i].flags & ND_TOK_STOP) &&
		    !(nd_fstory_lex(w->st, w->d, i).cls & ND_LEX_TITLE))
			return ND_FX_NONE;
	}
	return ND_FX_NONE;
}

/* The speaker named after a verb: "said X", "said Dr. X", "declared the
 * Valdorian Prime Minister, X", "said the US diplomatic head". */
uint32_t nd_speaker_after_verb(const nd_who *w, size_t i, size_t end,
			       size_t quote)
{
	size_t n, desc_from = i, desc_words = 0;
	bool definite = false;

	for (n = 0; i < end && n < NEAR_TOKENS; i++, n++) {
		uint32_t mi = nd_who_mention(w, i);
		uint32_t f = w->d->toks[i].flags;

		if (mi != ND_FX_NONE) {
			const nd_mention *m = &w->st->ments[mi];
			nd_entity_kind kind = nd_who_kind(w, mi);

			/* "said America Online president Robert Pittman",
			 * "said Hun Sen aide Prak Sokhon", "said the NBA
			 * commissioner, David Stern": the person the title
			 * introduces; else the one named ("one of Anwar's
			 * lawyers, Pawancheek Marican"). */
			if (!possessive(w, mi) &&
			    (kind == ND_ENTITY_PERSON ||
			     (kind == ND_ENTITY_ORGANISATION &&
			      desc_words == 0))) {
				uint32_t p = titled_after(w, m, end);

				return p != ND_FX_NONE ? p : m->entity;
			}
			desc_words++;
			i = m->tok + m->ntok - 1;
			continue;
		}
		if (nd_who_is(w, i, "the") || kin_determiner(w, i)) {
			definite = true;
			desc_from = i + 1;
			continue;
		}
		/* "quoted him as saying". */
		if (nd_who_pronoun(w, i) || nd_who_is(w, i, "him") ||
		    nd_who_is(w, i, "her"))
			return nearest_person(w, quote, NULL, 0);
		/* "said a statement from the Foreign Ministry": the author,
		 * an organisation as much as a person. */
		if (authored(w, i)) {
			desc_words = 0;
			definite = false;
			continue;
		}
		/* "said Ms. Boyle": an honorific is no function word. */
		if (nd_fstory_lex(w->st, w->d, i).cls & ND_LEX_TITLE) {
			desc_words++;
			continue;
		}
		/* "one of Anwar's lawyers, X", not "a diplomat of the
		 * region". */
		if (nd_who_is(w, i, "a") || nd_who_is(w, i, "an") ||
		    (nd_who_is(w, i, "of") && i > 0 &&
		     nd_who_is(w, i - 1, "one")))
			continue;
		if (f & ND_TOK_STOP)
			break;
		desc_words++;
	}
	if (definite && desc_words)
		return by_description(w, desc_from, i, quote);
	return ND_FX_NONE;
}

/* Is token j inside a relative clause opened since the last comma before
 * it ("Dent, who heads the Union, said")? */
static bool relative(const nd_who *w, size_t t0, size_t j)
{
	static const char *const relatives[] = { "who", "which", "whose",
						 NULL };
	size_t k;

	for (k = j; k-- > t0 && !nd_who_comma_after(w, k);) {
		if (nd_who_in(w, k, relatives))
			return true;
	}
	return false;
}

/* The mention an apposition stands beside, given the one before its
 * comma: that one, or the person before "of Texas" or "of NBC News" when
 * it is a place or an organisation. */
static uint32_t apposed(const nd_who *w, size_t t0, uint32_t before)
{
	size_t of;

	if (before == ND_FX_NONE ||
	    nd_who_kind(w, before) == ND_ENTITY_PERSON)
		return before;
	of = w->st->ments[before].tok0;
	if (of < t0 + 2 || !nd_who_is(w, of - 1, "of"))
		return before;
	return nd_who_mention(w, of - 2) != ND_FX_NONE
		       ? nd_who_mention(w, of - 2)
		       : before;
}

/* Is mention m an apposition, between commas ("his generation, Yitzhak
 * Rabin, Sharon attacked")? */
static bool between_commas(const nd_who *w, const nd_mention *m)
{
	return m->tok0 > 0 && nd_who_comma_after(w, m->tok0 - 1) &&
	       nd_who_comma_after(w, m->tok + m->ntok - 1);
}

/* Does a description follow mention m's comma ("At one point, Ruthann
 * Quindlen, a partner with …, said"): m heads its apposition, not it
 * another's? */
static bool described_after(const nd_who *w, const nd_mention *m)
{
	size_t t = m->tok + m->ntok;

	return t < w->d->ntoks &&
	       (nd_who_is(w, t, "a") || nd_who_is(w, t, "an") ||
		nd_who_is(w, t, "the") ||
		(nd_fstory_lex(w->st, w->d, t).cls & ND_LEX_TITLE));
}

/* The first person named in tokens [t0, e) in a subject's place: not a
 * possessive, not after a preposition, not an apposition between
 * commas. With orgs, the first name in such a place whoever it is: an
 * organisation stands for itself, a place for nobody ("The Academy
 * released a statement saying"). */
static uint32_t leading_subject(const nd_who *w, size_t t0, size_t e,
				bool orgs)
{
	size_t i;

	for (i = t0; i < e; i++) {
		uint32_t mi = nd_who_mention(w, i);
		const nd_mention *m;
		nd_entity_kind kind;

		if (mi == ND_FX_NONE)
			continue;
		m = &w->st->ments[mi];
		i = m->tok + m->ntok - 1;
		if (possessive(w, mi) || governed(w, mi))
			continue;
		kind = nd_who_kind(w, mi);
		if (kind != ND_ENTITY_PERSON && !orgs)
			continue;
		if (kind != ND_ENTITY_PERSON)
			return kind == ND_ENTITY_PLACE ? ND_FX_NONE : m->entity;
		if (!between_commas(w, m) || described_after(w, m))
			return m->entity;
	}
	return ND_FX_NONE;
}

/* Does mention m stand right before verb v, or before an auxiliary
 * that does ("has said")? */
static bool right_before(const nd_who *w, const nd_mention *m, size_t v)
{
	static const char *const aux[] = { "has", "have", "had", NULL };
	size_t e = m->tok + m->ntok;
	uint32_t pm;

	/* "the High Commissioner for Refugees in Moscow said". */
	if (e + 1 < v && (nd_who_is(w, e, "in") || nd_who_is(w, e, "at")) &&
	    (pm = nd_who_mention(w, e + 1)) != ND_FX_NONE &&
	    nd_who_kind(w, pm) == ND_ENTITY_PLACE)
		e = w->st->ments[pm].tok + w->st->ments[pm].ntok;
	return e == v || (e + 1 == v && nd_who_in(w, e, aux));
}

/* "Winnie Stachelberg, political director of … the Human Rights
 * Campaign, said", "Julia Glover Hall, a criminologist …, which Benjamin
 * Franklin established …, said": the person ending at a comma before an
 * apposition that runs up to the verb's comma; ND_FX_NONE when none. */
static uint32_t apposition_head(const nd_who *w, size_t t0, size_t v)
{
	size_t k;

	if (v <= t0 + 1 || !nd_who_comma_after(w, v - 1))
		return ND_FX_NONE;
	for (k = v - 1; k-- > t0 && v - k <= APPOSITION_SPAN;) {
		uint32_t mi;

		if (!nd_who_comma_after(w, k))
			continue;
		mi = nd_who_mention(w, k);
		if (mi != ND_FX_NONE &&
		    nd_who_kind(w, mi) == ND_ENTITY_PERSON &&
		    w->st->ments[mi].tok + w->st->ments[mi].ntok == k + 1 &&
		    !possessive(w, mi) && !governed(w, mi) &&
		    !relative(w, t0, k))
			return w->st->ments[mi].entity;
	}
	return ND_FX_NONE;
}

/* The subject of verb v, looked for back to t0, else after the verb. */
uint32_t nd_speaker_subject(const nd_who *w, size_t t0, size_t v, size_t end,
			size_t quote)
{
	size_t j, s0 = sentence_start(w, v);

	/* A subject is in the verb's sentence: "Support "is solid," said
	 * Mahathir" names nobody before the verb. */
	if (s0 > t0)
		t0 = s0;
	/* "Estrada called Anwar his friend and said": a verb coordinated
	 * with an earlier one shares its subject, the sentence's first. */
	if (v > t0 && coordinated(w, v)) {
		uint32_t lead = leading_subject(w, t0, v - 1, false);

		if (lead != ND_FX_NONE)
			return lead;
	}
	/* "The Academy released a statement saying": the statement's
	 * author, who leads the sentence. */
	if (participle(w, v) && v > s0 && statement_noun(w, v - 1)) {
		uint32_t lead = leading_subject(w, s0, v, true);

		if (lead != ND_FX_NONE)
			return lead;
	}
	/* "He reaffirmed that Clinton would not resign, saying": a
	 * participle after a comma shares the main clause's subject, not
	 * that of a clause inside it. */
	if (participle(w, v) && v > s0 && nd_who_comma_after(w, v - 1)) {
		uint32_t lead = nd_who_pronoun(w, s0)
					? nearest_person(w, w->d->toks[s0].off,
							 NULL, 0)
					: leading_subject(w, s0, v, false);

		if (lead != ND_FX_NONE)
			return lead;
	}
	/* "met with President Tokayev, who expressed": the relative's
	 * antecedent speaks, whatever governs it. */
	if (v >= t0 + 2 && nd_who_is(w, v - 1, "who") &&
	    nd_who_mention(w, v - 2) != ND_FX_NONE &&
	    nd_who_kind(w, nd_who_mention(w, v - 2)) == ND_ENTITY_PERSON)
		return w->st->ments[nd_who_mention(w, v - 2)].entity;
	{
		uint32_t head = apposition_head(w, t0, v);

		if (head != ND_FX_NONE)
			return head;
	}
	for (j = v; j-- > t0;) {
		uint32_t mi = nd_who_mention(w, j);

		if (mi != ND_FX_NONE) {
			const nd_mention *m = &w->st->ments[mi];
			nd_entity_kind kind = nd_who_kind(w, mi);

			if (kind == ND_ENTITY_PERSON && !possessive(w, mi) &&
			    !governed(w, mi))
				return m->entity;
			/* "the ministry said", "North Korea has said": an
			 * organisation or country right before, not one
			 * ending an apposition ("…, head of the People's
			 * Party, said"). */
			if ((kind == ND_ENTITY_ORGANISATION ||
			     (kind == ND_ENTITY_PLACE && !governed(w, mi))) &&
			    right_before(w, m, v) &&
			    !nd_who_comma_after(w, m->tok + m->ntok - 1)) {
				/* "Gwen Ifill of NBC News said": Ifill. */
				uint32_t p = apposed(w, t0, (uint32_t)mi);

				return nd_who_kind(w, p) == ND_ENTITY_PERSON
					       ? w->st->ments[p].entity
					       : m->entity;
			}
			j = m->tok0;
			continue;
		}
		if (nd_who_pronoun(w, j))
			return nearest_person(w, w->d->toks[j].off, NULL, 0);
		/* "it said", not "who opposed it, expressed". */
		if (nd_who_is(w, j, "it") && j + 1 == v &&
		    !nd_who_comma_after(w, j))
			return nearest_org(w, w->d->toks[j].off);
		/* Not "X, who heads the Union, said": a phrase inside a
		 * relative clause or after a preposition ("in an interview
		 * with the AP, said") is no subject; after "by" it is the
		 * author ("a statement by the 15 EU countries said"). */
		if ((nd_who_is(w, j, "the") || kin_determiner(w, j)) &&
		    plain_phrase(w, j, v) &&
		    !relative(w, t0, j) &&
		    !(j > t0 && nd_who_preposition(w, j - 1) &&
		      !nd_who_is(w, j - 1, "by"))) {
			uint32_t before =
				j > t0 ? nd_who_mention(w, j - 1) : ND_FX_NONE;

			uint32_t who_is;

			/* "X, the port's spokesperson, said": X; "X of Texas,
			 * the majority leader, said" too. */
			before = apposed(w, t0, before);
			if (before != ND_FX_NONE &&
			    nd_who_comma_after(w, j - 1) &&
			    nd_who_kind(w, before) == ND_ENTITY_PERSON)
				return w->st->ments[before].entity;
			/* "the statement said" names nobody: look further
			 * back ("X welcomed the deal but said"). */
			who_is = by_description(w, j + 1, v, quote);
			/* "his wife said" names someone, if nobody known. */
			if (who_is != ND_FX_NONE ||
			    (nd_fstory_lex(w->st, w->d, j + 1).cls &
			     ND_LEX_KIN))
				return who_is;
		}
	}
	return nd_speaker_after_verb(w, v + 1, end, quote);
}

/* The person (or, with orgs, organisation) a quotation's sentence is
 * about, named before it: "King Carl XVI Gustaf … sent a statement that
 * "…"", "The EU "hopes …," the statement added". */
static uint32_t sentence_subject(const nd_who *w, const nd_qspan *q, bool orgs)
{
	size_t s = nd_fstory_sent_at(w->d, q->open), mi, lo;

	if (s >= w->d->nsents || w->d->sents[s].off >= q->open)
		return ND_FX_NONE;
	/* "He began by praising Livingston: "…"": who "he" is. */
	if (nd_who_pronoun(w, w->d->sents[s].tok))
		return nearest_person(w, w->d->sents[s].off, NULL, 0);
	lo = nd_fstory_mention_at(w->st, w->k, w->d->sents[s].off);
	for (mi = lo; mi < w->m_hi && mi < lo + SENTENCE_MENTIONS; mi++) {
		const nd_mention *m = &w->st->ments[mi];

		if (m->off >= q->open)
			break;
		/* Not "a critic of his generation, Yitzhak Rabin, Sharon
		 * attacked": a name between commas is an apposition. */
		if (m->entity == ND_FX_NONE ||
		    (m->flags & ND_MEN_INQUOTE) ||
		    !(nd_who_kind(w, (uint32_t)mi) == ND_ENTITY_PERSON ||
		      (orgs && nd_who_kind(w, (uint32_t)mi) ==
				       ND_ENTITY_ORGANISATION)) ||
		    possessive(w, (uint32_t)mi) || governed(w, (uint32_t)mi) ||
		    between_commas(w, m))
			continue;
		return m->entity;
	}
	return ND_FX_NONE;
}

/* Does the quotation end its own sentence ("… no."), so that what
 * follows may be a sentence of its own? */
static bool ends_sentence(const nd_who *w, const nd_qspan *q)
{
	char c = q->len ? w->d->text[q->off + q->len - 1] : ' ';

	return c == '.' || c == '!' || c == '?';
}

/* "El Mundo quoted Hiriart as saying": whom verb v quotes, when it is
 * "quoted" and "as" follows its object; ND_FX_NONE otherwise. */
static uint32_t quoted_as(const nd_who *w, size_t v, size_t end,
			  size_t quote)
{
	size_t as;

	if (!nd_who_is(w, v, "quoted"))
		return ND_FX_NONE;
	for (as = v + 2; as < end && as <= v + 1 + ND_WHO_APPOSITION_TOKENS;
	     as++) {
		if (nd_who_is(w, as, "as"))
			return nd_speaker_after_verb(w, v + 1, as, quote);
	}
	return ND_FX_NONE;
}

/* "…" and the reactions … bear watching, Castro said." / "…" and
 * turning it into …, said Paul Andrews, co-author of …": the first
 * speech verb past token from, in a clause of its own after a comma (at
 * most ATTRIBUTION_TAIL words before the verb). */
static uint32_t tail_attr(const nd_who *w, size_t from, size_t end,
			  size_t quote)
{
	size_t v, c;

	for (v = from; v < end; v++) {
		if (!nd_who_speech(w, v))
			continue;
		for (c = v; c > from && !nd_who_comma_after(w, c - 1); c--)
			;
		if (c == from || v - c > ATTRIBUTION_TAIL)
			return ND_FX_NONE;
		return nd_speaker_subject(w, c, v, end, quote);
	}
	return ND_FX_NONE;
}

/* "labeled "America's drug of choice" by NBC", "called "…" in
 * Newsweek": after a past participle, the one named by "by" or "in"
 * right after the quotation (token t); ND_FX_NONE otherwise. */
static uint32_t passive_agent(const nd_who *w, const nd_qspan *q, size_t t)
{
	size_t o = nd_fstory_tok_at(w->d, q->open);
	const nd_token *p;
	uint32_t mi;

	if (o == 0 || o >= w->d->ntoks || t + 1 >= w->d->ntoks ||
	    !(nd_who_is(w, t, "by") || nd_who_is(w, t, "in")))
		return ND_FX_NONE;
	p = &w->d->toks[o - 1];
	mi = nd_who_mention(w, t + 1);
	if (p->len < 4 ||
	    memcmp(w->d->text + p->off + p->len - 2, "ed", 2) != 0 ||
	    mi == ND_FX_NONE || w->st->ments[mi].tok0 != t + 1)
		return ND_FX_NONE;
	if (nd_who_kind(w, mi) == ND_ENTITY_PERSON ||
	    nd_who_kind(w, mi) == ND_ENTITY_ORGANISATION)
		return w->st->ments[mi].entity;
	return ND_FX_NONE;
}

/* Is there a speech verb before quotation q in its sentence? */
static bool speech_before(const nd_who *w, const nd_qspan *q)
{
	size_t s = nd_fstory_sent_at(w->d, q->open), i, e;

	if (s >= w->d->nsents)
		return false;
	e = nd_fstory_tok_at(w->d, q->open);
	i = w->d->sents[s].tok;
	/* An attribution stands near; a sentence of many quotations costs
	 * no more than that each. */
	if (e > i + SPEECH_BEFORE_TOKENS)
		i = e - SPEECH_BEFORE_TOKENS;
	for (; i < e; i++) {
		if (nd_who_speech(w, i))
			return true;
	}
	return false;
}

/* "…," X said / said X / he added / according to X. After a quotation
 * that ended its sentence, "X said he …" is a new sentence, not its
 * attribution. */
static uint32_t right_attr(const nd_who *w, const nd_qspan *q, size_t limit)
{
	const nd_doc *d = w->d;
	size_t t = nd_fstory_tok_at(d, q->close), s, end, s_end, i, n, near;
	uint32_t person;
	bool left;

	if (t >= d->ntoks || d->toks[t].off >= limit)
		return ND_FX_NONE;
	person = passive_agent(w, q, t);
	if (person != ND_FX_NONE)
		return person;
	s = nd_fstory_sent_at(d, d->toks[t].off);
	end = s < d->nsents ? (size_t)d->sents[s].tok + d->sents[s].ntok
			    : d->ntoks;
	s_end = end;
	while (end > t && d->toks[end - 1].off >= limit)
		end--;
	/* Further when a person is named first, or an organisation and
	 * nobody speaks before the quotation ("…," the Hong Kong-based
	 * Information Center of … reported). */
	near = NEAR_TOKENS;
	left = speech_before(w, q);
	for (i = t; i < end && i < t + NEAR_TOKENS; i++) {
		uint32_t mi = nd_who_mention(w, i);

		if (mi != ND_FX_NONE &&
		    (nd_who_kind(w, mi) == ND_ENTITY_PERSON ||
		     (nd_who_kind(w, mi) == ND_ENTITY_ORGANISATION && !left)))
			near = NAMED_NEAR_TOKENS;
	}
	for (i = t, n = 0; i < end && n < near; i++, n++) {
		if (nd_who_according(w, i, end))
			return nd_speaker_after_verb(w, i + 2, end, q->open);
		if (!nd_who_speech(w, i))
			continue;
		person = quoted_as(w, i, end, q->open);
		if (person != ND_FX_NONE)
			return person;
		person = nd_speaker_subject(w, t, i, end, q->open);
		/* "…," adding: "…" / "…," but added: a participle or a
		 * coordinated verb shares the subject of the clause before,
		 * which left_attr finds. */
		if (person == ND_FX_NONE &&
		    (participle(w, i) || coordinated(w, i)))
			return ND_FX_NONE;
		/* The sentence's own end: a quotation further on is part
		 * of the new sentence's clause. */
		if (ends_sentence(w, q) && s_end > i + 4 &&
		    (person == ND_FX_NONE || i > t))
			return ND_FX_NONE;
		if (person == ND_FX_NONE)
			person = sentence_subject(w, q, true);
		return person == ND_FX_NONE ? ANONYMOUS : person;
	}
	/* "the commission said the movements were "…", X and Y said":
	 * the clause before speaks first. */
	if (end == s_end && i < end && !left && !ends_sentence(w, q))
		return tail_attr(w, i, end, q->open);
	return ND_FX_NONE;
}

/* X said: "…" / X, who expressed "…" / he signalled that … "…". */
static uint32_t left_attr(const nd_who *w, const nd_qspan *q, size_t from)
{
	const nd_doc *d = w->d;
	size_t s = nd_fstory_sent_at(d, q->open), t0, t1, i, v = ND_FX_NONE;
	uint32_t person;
	bool acc = false;

	if (s < d->nsents && d->sents[s].off > from &&
	    d->sents[s].off <= q->open)
		from = d->sents[s].off;
	t0 = nd_fstory_tok_at(d, from);
	t1 = nd_fstory_tok_at(d, q->open);
	for (i = t0; i < t1; i++) {
		if (nd_who_according(w, i, t1) || words_of(w, i, t1)) {
			v = i;
			acc = true;
		} else if (nd_who_speech(w, i)) {
			v = i;
			acc = false;
		}
	}
	if (v == ND_FX_NONE)
		return ND_FX_NONE;
	person = acc ? nd_speaker_after_verb(w, v + 2, t1, q->open)
		     : nd_speaker_subject(w, t0, v, t1, q->open);
	/* "adding: "…"" after a quotation: its neighbour's speaker. */
	if (person == ND_FX_NONE && !acc && participle(w, v))
		return ND_FX_NONE;
	return person == ND_FX_NONE ? ANONYMOUS : person;
}

/* Mentions inside quotations are no antecedents for "he" or "the
 * minister". */
static void mark_quoted(nd_who *w, const nd_qspan *q, size_t n)
{
	size_t mi = w->m_lo, i = 0;

	while (mi < w->m_hi && i < n) {
		nd_mention *m = &w->st->ments[mi];

		if (m->off >= q[i].close) {
			i++;
		} else if (m->off >= q[i].off) {
			m->flags |= ND_MEN_INQUOTE;
			mi++;
		} else {
			mi++;
		}
	}
}

/* Do quotations a and b (a first) sit in one sentence or two
 * neighbouring ones? */
static bool adjacent(const nd_who *w, const nd_qspan *a, const nd_qspan *b)
{
	size_t sa = nd_fstory_sent_at(w->d, a->off + (a->len ? a->len - 1 : 0));
	size_t sb = nd_fstory_sent_at(w->d, b->off);

	return sb <= sa + 1;
}

/* "objected to a finding by the commission that he was "…"": the one
 * the "by" names, before the quotation in its sentence. */
static uint32_t finding_by(const nd_who *w, const nd_qspan *q)
{
	const nd_doc *d = w->d;
	size_t s = nd_fstory_sent_at(d, q->open), t, end;

	if (s >= d->nsents)
		return ND_FX_NONE;
	end = nd_fstory_tok_at(d, q->open);
	/* "by X that" stands right before the quotation: look no further
	 * back, so many quotations in one sentence cost no more each. */
	t = d->sents[s].tok + 1;
	if (end > t + ND_WHO_APPOSITION_TOKENS + 3)
		t = end - ND_WHO_APPOSITION_TOKENS - 3;
	for (; t + 2 < end; t++) {
		size_t k;

		if (!nd_who_is(w, t, "by") || !statement_noun(w, t - 1))
			continue;
		for (k = t + 1;
		     k < end && k < t + 1 + ND_WHO_APPOSITION_TOKENS; k++) {
			if (nd_who_is(w, k, "that"))
				return by_description(w, t + 1, k, q->open);
		}
	}
	return ND_FX_NONE;
}

/* A quotation opening its sentence after one that ends in an
 * attribution: "Support "is solid," said Mahathir. "There is no …"". */
static uint32_t previous_attr(const nd_who *w, const nd_qspan *q)
{
	const nd_doc *d = w->d;
	size_t s = nd_fstory_sent_at(d, q->open), a, e, v;

	if (s == 0 || s >= d->nsents || nd_fstory_tok_at(d, d->sents[s].off) <
					      nd_fstory_tok_at(d, q->open))
		return ND_FX_NONE;
	a = d->sents[s - 1].tok;
	e = a + d->sents[s - 1].ntok;
	for (v = e > a + ATTRIBUTION_TAIL ? e - ATTRIBUTION_TAIL : a; v < e;
	     v++) {
		if (nd_who_speech(w, v))
			return nd_speaker_subject(w, a, v, e, q->open);
	}
	/* "Clinton said in Cleveland that Republicans had bragged. "They
	 * tell me …"": the one the sentence before reports, named. */
	for (v = a; v < e && v < a + PREVIOUS_SUBJECT_TOKENS; v++) {
		uint32_t who_is;

		if (!nd_who_speech(w, v))
			continue;
		who_is = nd_speaker_subject(w, a, v, v + 1, q->open);
		if (who_is != ND_FX_NONE)
			return who_is;
	}
	return ND_FX_NONE;
}

/* A quotation that is a sentence of its own, with no attribution, after
 * a sentence a person leads: "Aznar dismissed reports that … . "It's
 * important we don't talk nonsense."" News quotes the one it has just
 * been telling of. */
static uint32_t previous_lead(const nd_who *w, const nd_qspan *q)
{
	const nd_doc *d = w->d;
	size_t s = nd_fstory_sent_at(d, q->open), a;
	uint32_t mi;

	if (s == 0 || s >= d->nsents || !ends_sentence(w, q) ||
	    nd_fstory_tok_at(d, d->sents[s].off) <
		    nd_fstory_tok_at(d, q->open))
		return ND_FX_NONE;
	a = d->sents[s - 1].tok;
	if (d->sents[s - 1].ntok == 0 ||
	    (d->sents[s - 1].flags & ND_SENT_QUOTE))
		return ND_FX_NONE;
	mi = nd_who_mention(w, a);
	if (mi == ND_FX_NONE || nd_who_kind(w, mi) != ND_ENTITY_PERSON ||
	    possessive(w, mi) || (w->st->ments[mi].flags & ND_MEN_INQUOTE))
		return ND_FX_NONE;
	return w->st->ments[mi].entity;
}

/* Index of the last sentence of the paragraph before quotation q's, or
 * nsents when there is none. */
static size_t last_sentence_before(const nd_who *w, const nd_qspan *q)
{
	size_t s = nd_fstory_sent_at(w->d, q->para_off);

	return s > 0 && s < w->d->nsents ? s - 1 : w->d->nsents;
}

/* Does quotation p stand in the last sentence of the paragraph before
 * q's? */
static bool ends_paragraph(const nd_who *w, const nd_qspan *p,
			   const nd_qspan *q)
{
	size_t s = last_sentence_before(w, q);

	return s < w->d->nsents &&
	       nd_fstory_sent_at(w->d, p->close) == s;
}

/* The speaker a paragraph ending in "X, a veteran, said:" announces for
 * quotation q, which opens the next one; ND_FX_NONE when none. */
static uint32_t introduced(const nd_who *w, const nd_qspan *q)
{
	const nd_doc *d = w->d;
	size_t s = last_sentence_before(w, q), a, e, v;

	if (s >= d->nsents || d->sents[s].len == 0 ||
	    d->text[d->sents[s].off + d->sents[s].len - 1] != ':')
		return ND_FX_NONE;
	a = d->sents[s].tok;
	e = a + d->sents[s].ntok;
	for (v = e; v-- > a;) {
		if (nd_who_speech(w, v))
			return nd_speaker_subject(w, a, v, e, q->open);
	}
	return ND_FX_NONE;
}

static bool starts_paragraph(const nd_who *w, const nd_qspan *q)
{
	size_t i;

	for (i = q->para_off; i < q->open; i++) {
		char c = w->d->text[i];

		if (c != ' ' && c != '\t')
			return false;
	}
	return true;
}

/* Speakers of the quotations of one paragraph, q[a..b); carry is the
 * speaker of a quotation the paragraph before left open. */
static void paragraph(nd_who *w, nd_qspan *q, size_t a, size_t b,
		      uint32_t carry)
{
	size_t j;

	for (j = a; j < b; j++) {
		size_t from = j > a ? q[j - 1].close : q[j].para_off;
		size_t limit = j + 1 < b ? q[j + 1].open : q[j].para_end;

		q[j].speaker = right_attr(w, &q[j], limit);
		/* "X said the convoy was delayed by "…," the Interfax news
		 * agency reported": an organisation after it relays whom
		 * the clause before names. */
		if (q[j].speaker != ND_FX_NONE && q[j].speaker != ANONYMOUS &&
		    w->st->ents[q[j].speaker].kind ==
			    ND_ENTITY_ORGANISATION) {
			uint32_t left = left_attr(w, &q[j], from);

			if (left != ND_FX_NONE && left != ANONYMOUS)
				q[j].speaker = left;
		}
		if (q[j].speaker == ND_FX_NONE)
			q[j].speaker = left_attr(w, &q[j], from);
		if (q[j].speaker == ND_FX_NONE && j == a &&
		    starts_paragraph(w, &q[j]))
			q[j].speaker = carry;
	}
	/* "…" X said. "…": the speaker of a quotation next to it, in the
	 * same or the next sentence, else the subject of its sentence. */
	for (j = a; j < b; j++) {
		if (q[j].speaker != ND_FX_NONE)
			continue;
		/* "Tom DeLay, …, was choked up, praising … ``…''": a
		 * person leading the quotation's own sentence outranks a
		 * neighbour in the sentence before. */
		if (j > a && !same_sentence(w, &q[j - 1], &q[j]) &&
		    !(j + 1 < b && same_sentence(w, &q[j], &q[j + 1])))
			q[j].speaker = sentence_subject(w, &q[j], true);
		if (q[j].speaker != ND_FX_NONE)
			continue;
		/* A fragment ("great reluctance,") lends nothing: it may
		 * not survive the joins. */
		if (j > a && q[j - 1].speaker != ND_FX_NONE &&
		    q[j - 1].speaker != ANONYMOUS && !q[j - 1].fragment &&
		    adjacent(w, &q[j - 1], &q[j]))
			q[j].speaker = q[j - 1].speaker;
		else if (j + 1 < b && q[j + 1].speaker != ANONYMOUS &&
			 !q[j + 1].fragment && adjacent(w, &q[j], &q[j + 1]))
			q[j].speaker = q[j + 1].speaker;
		if (q[j].speaker == ND_FX_NONE)
			q[j].speaker = finding_by(w, &q[j]);
		if (q[j].speaker == ND_FX_NONE)
			q[j].speaker = sentence_subject(w, &q[j], false);
		if (q[j].speaker == ND_FX_NONE)
			q[j].speaker = previous_attr(w, &q[j]);
		if (q[j].speaker == ND_FX_NONE)
			q[j].speaker = previous_lead(w, &q[j]);
	}
	for (j = a; j < b; j++) {
		if (q[j].speaker == ANONYMOUS) {
			q[j].speaker = ND_FX_NONE;
			q[j].anonymous = true;
		}
	}
}

void nd_speaker_resolve(nd_who *w, nd_qspan *q, size_t n)
{
	size_t i, a;

	nd_who_forget(w);
	mark_quoted(w, q, n);
	for (a = 0; a < n;) {
		size_t b = a + 1;
		uint32_t carry = ND_FX_NONE;

		while (b < n && q[b].para == q[a].para)
			b++;
		/* A quotation left open goes on in the next paragraph; so
		 * does its speaker when the paragraph before ends with it
		 * ("…," said X, a professor. / "…"), or with "X said:". */
		if (a > 0 && q[a - 1].para + 1 == q[a].para &&
		    (!q[a - 1].closed || ends_paragraph(w, &q[a - 1], &q[a])))
			carry = q[a - 1].speaker;
		else
			carry = introduced(w, &q[a]);
		paragraph(w, q, a, b, carry);
		a = b;
	}
	/* An open quotation whose attribution comes with its last part in
	 * the next paragraph. */
	for (i = n; i-- > 1;) {
		if (q[i - 1].speaker == ND_FX_NONE && !q[i - 1].anonymous &&
		    !q[i - 1].closed &&
		    q[i - 1].para + 1 == q[i].para &&
		    starts_paragraph(w, &q[i]))
			q[i - 1].speaker = q[i].speaker;
	}
}
