#include "facts/fstory.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memset, strlen, memcmp */

#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"
#include "core/utf8.h"

const nd_doc *nd_fstory_doc(const nd_fstory *st, size_t k)
{
	return &st->c->docs[st->members[k]];
}

const char *nd_fstory_text(const nd_fstory *st, uint32_t term, size_t *len)
{
	const char *s = nd_vocab_term(st->c->vocab, term, len);

	if (s == NULL) {
		*len = 0;
		return "";
	}
	return s;
}

/* Info of a term, looked up in the word lists on first sight. */
static nd_term_info *term_info(nd_fstory *st, uint32_t term)
{
	uint32_t next = (uint32_t)st->n_terms, idx;
	nd_term_info info;
	const char *s;
	size_t len;

	if (nd_u64map_get(&st->term_ix, term, &idx))
		return &st->terms[idx];
	memset(&info, 0, sizeof(info));
	s = nd_fstory_text(st, term, &len);
	info.lex = nd_gazetteer_lookup(st->gaz, s, nd_fstory_bare_len(s, len));
	if (ND_ARRAY_PUSH(st->terms, st->n_terms, st->terms_cap, info))
		return NULL;
	if (nd_u64map_put(&st->term_ix, term, next, NULL)) {
		st->n_terms--;
		return NULL;
	}
	return &st->terms[next];
}

/* The info of token i of d, through the per-token index built by
 * scan_case; calls come document by document, so one cached base. */
static const nd_term_info *tok_info(nd_fstory *st, const nd_doc *d,
				    size_t i)
{
	if (d != st->cache_doc) {
		uint32_t base = 0;

		nd_u64map_get(&st->doc_base, (uint64_t)(d - st->c->docs),
			      &base);
		st->cache_doc = d;
		st->cache_base = base;
	}
	return &st->terms[st->tok_info[st->cache_base + i]];
}

nd_lex nd_fstory_lex(nd_fstory *st, const nd_doc *d, size_t i)
{
	return tok_info(st, d, i)->lex;
}

uint32_t nd_fstory_seen(nd_fstory *st, const nd_doc *d, size_t i)
{
	return tok_info(st, d, i)->seen;
}

uint32_t nd_fstory_word_seen(const nd_fstory *st, const char *folded,
			     size_t len)
{
	uint32_t term, idx;

	if (!nd_vocab_lookup(st->c->vocab, folded, len, &term) ||
	    !nd_u64map_get(&st->term_ix, term, &idx))
		return 0;
	return st->terms[idx].seen;
}

size_t nd_fstory_bare_len(const char *s, size_t len)
{
	if (len > 2 && s[len - 2] == '\'' && s[len - 1] == 's')
		return len - 2;
	return len;
}

bool nd_fstory_is(const nd_fstory *st, const nd_doc *d, size_t i,
		  const char *w)
{
	size_t len;
	const char *s = nd_fstory_text(st, d->toks[i].term, &len);

	/* Most calls fail on the first byte; strlen only for the rest. */
	if (len == 0 || s[0] != w[0])
		return false;
	return len == strlen(w) && memcmp(s, w, len) == 0;
}

bool nd_fstory_initial(const nd_doc *d, size_t i)
{
	const char *t = d->text;
	size_t a, b = d->toks[i].off;

	if ((d->toks[i].flags & ND_TOK_FIRST) || i == 0)
		return true;
	a = d->toks[i - 1].off + d->toks[i - 1].len;
	for (; a < b; a++) {
		char c = t[a];

		if (c == '.' || c == '!' || c == '?' || c == ':' || c == '`' ||
		    c == '"' || c == '\n' ||
		    (c == '\xE2' && a + 2 < b && t[a + 1] == '\x80' &&
		     t[a + 2] == '\x9C') ||
		    (c == '\xC2' && a + 1 < b && t[a + 1] == '\xAB'))
			return true;
	}
	return false;
}

/* Whether the story writes each word in lower case, or capitalised away
 * from the start of a sentence: "Upon" opening a sentence is an ordinary
 * word when "upon" shows up elsewhere. */
static int scan_case(nd_fstory *st)
{
	size_t k, i, total = 0, at = 0;

	for (k = 0; k < st->n; k++) {
		if (nd_add_overflow(total, nd_fstory_doc(st, k)->ntoks, &total))
			return ND_ENOMEM;
	}
	st->tok_info = nd_calloc(total + 1, sizeof(*st->tok_info));
	if (st->tok_info == NULL)
		return ND_ENOMEM;
	for (k = 0; k < st->n; k++) {
		const nd_doc *d = nd_fstory_doc(st, k);

		if (nd_u64map_put(&st->doc_base, st->members[k], (uint32_t)at,
				  NULL))
			return ND_ENOMEM;
		for (i = 0; i < d->ntoks; i++) {
			const nd_token *t = &d->toks[i];
			nd_term_info *info = term_info(st, t->term);
			unsigned char c = (unsigned char)d->text[t->off];

			if (info == NULL)
				return ND_ENOMEM;
			st->tok_info[at++] = (uint32_t)(info - st->terms);
			if (t->flags & ND_TOK_CAPITAL) {
				if (!nd_fstory_initial(d, i))
					info->seen |= ND_SEEN_CAPMID;
			} else if (!(t->flags & ND_TOK_NUMBER) &&
				   (c >= 0x80 || (c >= 'a' && c <= 'z'))) {
				info->seen |= ND_SEEN_LOWER;
			}
		}
	}
	return ND_OK;
}

int nd_fstory_init(nd_fstory *st, const nd_gazetteer *gaz,
		   const nd_corpus *c, const size_t *members, size_t n,
		   nd_arena *arena)
{
	memset(st, 0, sizeof(*st));
	st->gaz = gaz;
	st->c = c;
	st->members = members;
	st->n = n;
	st->arena = arena;
	nd_buf_init(&st->pool, ND_FX_MAX_POOL);
	if (nd_u64map_init(&st->term_ix) ||
	    nd_u64map_init(&st->doc_base))
		return ND_ENOMEM;
	st->doc_ment = nd_calloc(n + 1, sizeof(*st->doc_ment));
	if (st->doc_ment == NULL)
		return ND_ENOMEM;
	return scan_case(st);
}

void nd_fstory_dispose(nd_fstory *st)
{
	if (st->term_ix.keys)
		nd_u64map_dispose(&st->term_ix);
	nd_free(st->terms);
	nd_free(st->tok_info);
	if (st->doc_base.keys)
		nd_u64map_dispose(&st->doc_base);
	nd_free(st->ments);
	nd_free(st->doc_ment);
	nd_buf_dispose(&st->pool);
	nd_free(st->aliases);
	nd_free(st->ent_cues);
	nd_free(st->ent_ncue);
	nd_free(st->ent_gender);
	memset(st, 0, sizeof(*st));
}

bool nd_fstory_in(const nd_fstory *st, const nd_doc *d, size_t i,
		  const char *const *words)
{
	for (; *words; words++) {
		if (nd_fstory_is(st, d, i, *words))
			return true;
	}
	return false;
}

size_t nd_fstory_tok_at(const nd_doc *d, size_t off)
{
	size_t lo = 0, hi = d->ntoks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (d->toks[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t nd_fstory_sent_at(const nd_doc *d, size_t off)
{
	size_t lo = 0, hi = d->nsents;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const nd_sentence *s = &d->sents[mid];

		if ((size_t)s->off + s->len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *nd_fstory_key(const nd_fstory *st, const nd_mention *m)
{
	return st->pool.ptr + m->key;
}

nd_gap nd_fstory_gap(const nd_doc *d, size_t i)
{
	const char *p, *end;
	size_t n;

	if (i + 1 >= d->ntoks)
		return ND_GAP_OTHER;
	p = d->text + d->toks[i].off + d->toks[i].len;
	end = d->text + d->toks[i + 1].off;
	n = (size_t)(end - p);
	if (n == 0)
		return ND_GAP_NONE;
	if (n == 1 && *p == '-')
		return ND_GAP_HYPHEN;
	if (n == 3 && (unsigned char)p[0] == 0xE2 &&
	    (unsigned char)p[1] == 0x80 &&
	    ((unsigned char)p[2] == 0x90 || (unsigned char)p[2] == 0x91))
		return ND_GAP_HYPHEN;
	while (p < end) {
		int32_t cp = nd_utf8_decode(&p, end);

		if (cp == '\n' || cp == '\r' || !nd_cp_is_space(cp))
			return ND_GAP_OTHER;
	}
	return ND_GAP_SPACE;
}

bool nd_fstory_gap_is(const nd_doc *d, size_t i, const char *s)
{
	size_t a, b, n = strlen(s);

	if (i + 1 >= d->ntoks)
		return false;
	a = d->toks[i].off + d->toks[i].len;
	b = d->toks[i + 1].off;
	return b - a == n && memcmp(d->text + a, s, n) == 0;
}

uint64_t nd_fstory_cue(const char *s, size_t len)
{
	return nd_hash64(s, len, 0x6375657300ULL) | 1;
}

uint64_t nd_fstory_place_cue(uint32_t place)
{
	char id[16];
	int n = snprintf(id, sizeof(id), "@%u", (unsigned)place);

	return nd_fstory_cue(id, (size_t)n);
}

size_t nd_fstory_mention_at(const nd_fstory *st, uint32_t k, size_t off)
{
	size_t lo = st->doc_ment[k], hi = st->doc_ment[k + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (st->ments[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
