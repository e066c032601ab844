#include "facts/speaker.h"

#include <string.h> /* memchr */

#include "core/alloc.h"
#include "core/error.h"

/* How far from a quotation its attribution may sit, in tokens. */
#define NEAR_TOKENS 8

/* One document being attributed. */
typedef struct who {
	nd_fstory *st;
	const nd_doc *d;
	uint32_t *tok_ment; /* per token: its mention or ND_FX_NONE */
	size_t m_lo, m_hi;  /* the document's mentions */
} who;

static uint32_t ment_of(const who *w, size_t i)
{
	return i < w->d->ntoks ? w->tok_ment[i] : ND_FX_NONE;
}

static nd_entity_kind kind_of(const who *w, uint32_t mi)
{
	return w->st->ents[w->st->ments[mi].entity].kind;
}

static bool is(const who *w, size_t i, const char *s)
{
	return nd_fstory_is(w->st, w->d, i, s);
}

static bool pronoun(const who *w, size_t i)
{
	return is(w, i, "he") || is(w, i, "she");
}

static bool speech(const who *w, size_t i)
{
	return (nd_fstory_lex(w->st, w->d, i).cls & ND_LEX_SPEECH) != 0;
}

static bool according(const who *w, size_t i, size_t end)
{
	return i + 1 < end && is(w, i, "according") && is(w, i + 1, "to");
}

static bool comma_after(const who *w, size_t i)
{
	const nd_token *t = &w->d->toks[i];
	size_t a = t->off + t->len, b;

	if (i + 1 >= w->d->ntoks)
		return false;
	b = w->d->toks[i + 1].off;
	return memchr(w->d->text + a, ',', b - a) != NULL;
}

static bool shares_cue(const who *w, uint32_t ent, const uint64_t *cues,
		       size_t n)
{
	const uint64_t *ec = w->st->ent_cues + (size_t)ent * ND_ENTITY_CUES;
	uint32_t ne = w->st->ent_ncue[ent], i;
	size_t j;

	for (i = 0; i < ne; i++) {
		for (j = 0; j < n; j++) {
			if (ec[i] == cues[j])
				return true;
		}
	}
	return false;
}

/* The nearest person named before byte off outside quotations; with cues,
 * the nearest one sharing a cue, if any does. */
static uint32_t nearest_person(const who *w, size_t off,
			       const uint64_t *cues, size_t n)
{
	uint32_t first = ND_FX_NONE;
	size_t mi;

	for (mi = w->m_hi; mi-- > w->m_lo;) {
		const nd_mention *m = &w->st->ments[mi];

		if (m->off >= off || m->entity == ND_FX_NONE ||
		    (m->flags & ND_MEN_INQUOTE) ||
		    w->st->ents[m->entity].kind != ND_ENTITY_PERSON)
			continue;
		if (n == 0)
			return m->entity;
		if (first == ND_FX_NONE)
			first = m->entity;
		if (shares_cue(w, m->entity, cues, n))
			return m->entity;
	}
	return first;
}

/* Cue words of a description: titles, countries ("the US diplomatic
 * head" gives US and head). */
static size_t describe(const who *w, size_t a, size_t b, uint64_t *cues,
		       size_t max)
{
	size_t n = 0, i;

	for (i = a; i < b && n < max; i++) {
		nd_lex l = nd_fstory_lex(w->st, w->d, i);
		uint32_t mi = ment_of(w, i);

		if (mi != ND_FX_NONE) {
			const nd_mention *m = &w->st->ments[mi];
			uint32_t c;

			for (c = 0; c < m->ncue && n < max; c++)
				cues[n++] = m->cue[c];
		}
		if (l.cls & (ND_LEX_TITLE | ND_LEX_PORTFOLIO)) {
			size_t len;
			const char *s = nd_fstory_text(
				w->st, w->d->toks[i].term, &len);

			cues[n++] = nd_fstory_cue(s, len);
		}
	}
	return n;
}

static uint32_t by_description(const who *w, size_t a, size_t b,
			       size_t before)
{
	uint64_t cues[16];
	size_t n = describe(w, a, b, cues, 16);

	return nearest_person(w, before, cues, n);
}

/* "the US diplomatic head" before a verb: no function words up to the
 * verb or the first comma, so not "the capital Tashkent on Wednesday". */
static bool plain_phrase(const who *w, size_t the, size_t v)
{
	size_t i;

	for (i = the + 1; i < v; i++) {
		if ((w->d->toks[i].flags & ND_TOK_STOP) ||
		    (ment_of(w, i) != ND_FX_NONE &&
		     kind_of(w, ment_of(w, i)) == ND_ENTITY_PERSON))
			return false;
		if (comma_after(w, i))
			return true;
	}
	return true;
}

/* The speaker named after a verb: "said X", "said Dr. X", "declared the
 * Valdorian Prime Minister, X", "said the US diplomatic head". */
static uint32_t after_verb(const who *w, size_t i, size_t end, size_t quote)
{
	size_t n, desc_from = i, desc_words = 0;
	bool definite = false;

	for (n = 0; i < end && n < NEAR_TOKENS; i++, n++) {
		uint32_t mi = ment_of(w, i);
		uint32_t f = w->d->toks[i].flags;

		if (mi != ND_FX_NONE) {
			const nd_mention *m = &w->st->ments[mi];
			nd_entity_kind kind = kind_of(w, mi);

			if (kind == ND_ENTITY_PERSON ||
			    (kind == ND_ENTITY_ORGANISATION && desc_words == 0))
				return m->entity;
			desc_words++;
			i = m->tok + m->ntok - 1;
			continue;
		}
		if (pronoun(w, i))
			return nearest_person(w, quote, NULL, 0);
		if (is(w, i, "the")) {
			definite = true;
			desc_from = i + 1;
			continue;
		}
		if (is(w, i, "a") || is(w, i, "an"))
			continue;
		if (f & ND_TOK_STOP)
			break;
		desc_words++;
	}
	if (definite && desc_words)
		return by_description(w, desc_from, i, quote);
	return ND_FX_NONE;
}

/* The subject of verb v, looked for back to t0, else after the verb. */
static uint32_t subject(const who *w, size_t t0, size_t v, size_t end,
			size_t quote)
{
	size_t j;

	for (j = v; j-- > t0;) {
		uint32_t mi = ment_of(w, j);

		if (mi != ND_FX_NONE) {
			const nd_mention *m = &w->st->ments[mi];
			nd_entity_kind kind = kind_of(w, mi);

			if (kind == ND_ENTITY_PERSON)
				return m->entity;
			/* "the ministry said": an organisation right before. */
			if (kind == ND_ENTITY_ORGANISATION &&
			    m->tok + m->ntok == v)
				return m->entity;
			j = m->tok0;
			continue;
		}
		if (pronoun(w, j))
			return nearest_person(w, w->d->toks[j].off, NULL, 0);
		if (is(w, j, "the") && plain_phrase(w, j, v)) {
			uint32_t before =
				j > t0 ? ment_of(w, j - 1) : ND_FX_NONE;

			/* "X, the port's spokesperson, said": X. */
			if (before != ND_FX_NONE && comma_after(w, j - 1) &&
			    kind_of(w, before) == ND_ENTITY_PERSON)
				return w->st->ments[before].entity;
			return by_description(w, j + 1, v, quote);
		}
	}
	return after_verb(w, v + 1, end, quote);
}

/* "…," X said / said X / he added / according to X. */
static uint32_t right_attr(const who *w, const nd_qspan *q, size_t limit)
{
	const nd_doc *d = w->d;
	size_t t = nd_fstory_tok_at(d, q->close), s, end, i, n;

	if (t >= d->ntoks || d->toks[t].off >= limit)
		return ND_FX_NONE;
	s = nd_fstory_sent_at(d, d->toks[t].off);
	end = s < d->nsents ? (size_t)d->sents[s].tok + d->sents[s].ntok
			    : d->ntoks;
	while (end > t && d->toks[end - 1].off >= limit)
		end--;
	for (i = t, n = 0; i < end && n < NEAR_TOKENS; i++, n++) {
		if (according(w, i, end))
			return after_verb(w, i + 2, end, q->open);
		if (speech(w, i))
			return subject(w, t, i, end, q->open);
	}
	return ND_FX_NONE;
}

/* X said: "…" / X, who expressed "…" / he signalled that … "…". */
static uint32_t left_attr(const who *w, const nd_qspan *q, size_t from)
{
	const nd_doc *d = w->d;
	size_t s = nd_fstory_sent_at(d, q->open), t0, t1, i, v = ND_FX_NONE;
	bool acc = false;

	if (s < d->nsents && d->sents[s].off > from &&
	    d->sents[s].off <= q->open)
		from = d->sents[s].off;
	t0 = nd_fstory_tok_at(d, from);
	t1 = nd_fstory_tok_at(d, q->open);
	for (i = t0; i < t1; i++) {
		if (according(w, i, t1)) {
			v = i;
			acc = true;
		} else if (speech(w, i)) {
			v = i;
			acc = false;
		}
	}
	if (v == ND_FX_NONE)
		return ND_FX_NONE;
	if (acc)
		return after_verb(w, v + 2, t1, q->open);
	return subject(w, t0, v, t1, q->open);
}

/* Mentions inside quotations are no antecedents for "he" or "the
 * minister". */
static void mark_quoted(who *w, const nd_qspan *q, size_t n)
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

static bool starts_paragraph(const who *w, const nd_qspan *q)
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
static void paragraph(who *w, nd_qspan *q, size_t a, size_t b,
		      uint32_t carry)
{
	size_t j;

	for (j = a; j < b; j++) {
		size_t from = j > a ? q[j - 1].close : q[j].para_off;
		size_t limit = j + 1 < b ? q[j + 1].open : q[j].para_end;

		q[j].speaker = right_attr(w, &q[j], limit);
		if (q[j].speaker == ND_FX_NONE)
			q[j].speaker = left_attr(w, &q[j], from);
		if (q[j].speaker == ND_FX_NONE && j == a &&
		    starts_paragraph(w, &q[j]))
			q[j].speaker = carry;
	}
	/* "…" X said. "…": one speaker for the paragraph's quotations. */
	for (j = a; j < b; j++) {
		size_t k;

		if (q[j].speaker != ND_FX_NONE)
			continue;
		for (k = j; k-- > a;) {
			if (q[k].speaker != ND_FX_NONE) {
				q[j].speaker = q[k].speaker;
				break;
			}
		}
		for (k = j + 1; q[j].speaker == ND_FX_NONE && k < b; k++)
			q[j].speaker = q[k].speaker;
	}
}

int nd_speaker_resolve(nd_fstory *st, uint32_t k, nd_qspan *q, size_t n)
{
	who w;
	size_t i, a;

	w.st = st;
	w.d = nd_fstory_doc(st, k);
	w.m_lo = st->doc_ment[k];
	w.m_hi = st->doc_ment[k + 1];
	w.tok_ment = nd_calloc(w.d->ntoks + 1, sizeof(*w.tok_ment));
	if (w.tok_ment == NULL)
		return ND_ENOMEM;
	for (i = 0; i < w.d->ntoks; i++)
		w.tok_ment[i] = ND_FX_NONE;
	for (i = w.m_lo; i < w.m_hi; i++) {
		const nd_mention *m = &st->ments[i];
		size_t t;

		if (m->entity == ND_FX_NONE)
			continue;
		for (t = m->tok0; t < (size_t)m->tok + m->ntok; t++)
			w.tok_ment[t] = (uint32_t)i;
	}
	mark_quoted(&w, q, n);
	for (a = 0; a < n;) {
		size_t b = a + 1;
		uint32_t carry = ND_FX_NONE;

		while (b < n && q[b].para == q[a].para)
			b++;
		/* A quotation left open goes on in the next paragraph. */
		if (a > 0 && q[a - 1].para + 1 == q[a].para && !q[a - 1].closed)
			carry = q[a - 1].speaker;
		paragraph(&w, q, a, b, carry);
		a = b;
	}
	/* An open quotation whose attribution comes with its last part in
	 * the next paragraph. */
	for (i = n; i-- > 1;) {
		if (q[i - 1].speaker == ND_FX_NONE && !q[i - 1].closed &&
		    q[i - 1].para + 1 == q[i].para &&
		    starts_paragraph(&w, &q[i]))
			q[i - 1].speaker = q[i].speaker;
	}
	nd_free(w.tok_ment);
	return ND_OK;
}
