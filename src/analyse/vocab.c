#include "analyse/analyse.h"

#include <libstemmer.h>
#include <math.h>   /* log */
#include <string.h> /* memcpy, memset, strcmp, strlen */

#include "analyse/stem_en.h"
#include "analyse/stopwords.h"
#include "analyse/vocab_internal.h"
#include "analyse/wordtab.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"

/* Initial room in the term table: about one article's distinct words, so
 * that the first articles do not grow it again and again. */
#define INITIAL_TERMS 1024

/* Per term: its text, its stem (the word's value) and whether it is a stop
 * word. Per stem: its text and document frequency. The text of both lives
 * in keys; the tables map it back to ids. */
struct nd_vocab {
	struct sb_stemmer *stemmer;
	/* The same algorithm over single bytes (ISO-8859-1), for words all
	 * ASCII, which both read alike: it decodes no UTF-8 on each test of
	 * a letter. NULL when the language has no such variant. */
	struct sb_stemmer *ascii_stemmer;
	/* The language is English: words nd_stem_en takes are stemmed by
	 * it, the library's algorithm without its engine's overhead. */
	bool english;
	nd_vocab_terms known; /* the terms' table and records */
	nd_wordtab stem_tab;
	nd_wordtab stop_tab;
	nd_arena *keys;
	char *key_next; /* free room of the keys' current block */
	size_t key_room;
	size_t n_terms, term_cap;
	nd_word *stems; /* the value is the document frequency */
	uint32_t *df_mark; /* doc count + 1 when last counted, per stem */
	size_t n_stems, stem_cap;
	nd_word *stop; /* the language's stop list, the stop table's words */
	/* IDF per stem, computed by nd_vocab_fix_idf once the documents are
	 * counted; n_idf stems of it hold (0 once counting goes on). */
	double *idf;
	size_t n_idf;
	size_t n_docs;
	nd_analyse_scratch scratch;
};

/* Room for keys taken from the arena at a time: a page. */
#define KEY_BLOCK 4096

/* A copy of s[0..len) in the vocabulary's keys, NUL-terminated and
 * zero-padded up to a multiple of ND_WORDTAB_PAD bytes, packed one after
 * another in blocks; NULL when out of memory. */
static const char *copy_key(nd_vocab *v, const char *s, size_t len)
{
	size_t size = (len / ND_WORDTAB_PAD + 1) * ND_WORDTAB_PAD;
	char *copy;

	if (size > KEY_BLOCK) {
		copy = nd_arena_alloc(v->keys, size);
	} else {
		if (size > v->key_room) {
			v->key_next = nd_arena_alloc(v->keys, KEY_BLOCK);
			if (v->key_next == NULL)
				return NULL;
			v->key_room = KEY_BLOCK;
		}
		copy = v->key_next;
		v->key_next += size;
		v->key_room -= size;
	}
	if (copy == NULL)
		return NULL;
	memset(copy + size - ND_WORDTAB_PAD, 0, ND_WORDTAB_PAD);
	memcpy(copy, s, len);
	return copy;
}

static int load_stopwords(nd_vocab *v, const char *language)
{
	const char *const *list = nd_stopwords(language);
	size_t n = 0, i;

	while (list && list[n])
		n++;
	if (nd_wordtab_init(&v->stop_tab, n))
		return ND_ENOMEM;
	v->stop = nd_calloc(n + 1, sizeof(*v->stop));
	if (v->stop == NULL)
		return ND_ENOMEM;
	for (i = 0; i < n; i++) {
		size_t len = strlen(list[i]);
		uint64_t h = nd_wordtab_hash(list[i], len);
		nd_wordtab_slot *s = nd_wordtab_find(&v->stop_tab, v->stop,
						     list[i], len, h);

		if (s->id1 != 0)
			continue;
		v->stop[i].str = list[i];
		v->stop[i].len = (uint32_t)len;
		if (nd_wordtab_add(&v->stop_tab, s, h, (uint32_t)i))
			return ND_ENOMEM;
	}
	return ND_OK;
}

int nd_vocab_create(nd_vocab **out, const char *language)
{
	nd_vocab *v = NULL;
	int rc = ND_ENOMEM;

	*out = NULL;
	if (language == NULL)
		language = "english";
	v = nd_calloc(1, sizeof(*v));
	if (v == NULL)
		return ND_ENOMEM;
	v->stemmer = sb_stemmer_new(language, NULL);
	if (v->stemmer == NULL) {
		rc = ND_EINVAL;
		goto done;
	}
	v->ascii_stemmer = sb_stemmer_new(language, "ISO_8859_1");
	v->english = strcmp(language, "english") == 0 ||
		     strcmp(language, "en") == 0 ||
		     strcmp(language, "eng") == 0;
	if (nd_wordtab_init(&v->known.tab, INITIAL_TERMS) ||
	    nd_wordtab_init(&v->stem_tab, INITIAL_TERMS) ||
	    nd_arena_create(&v->keys) || load_stopwords(v, language))
		goto done;
	*out = v;
	return ND_OK;
done:
	nd_vocab_free(v);
	return rc;
}

bool nd_vocab_language_known(const char *language)
{
	struct sb_stemmer *st = sb_stemmer_new(language ? language : "english",
					       NULL);

	if (st)
		sb_stemmer_delete(st);
	return st != NULL;
}

void nd_vocab_free(nd_vocab *v)
{
	if (v == NULL)
		return;
	if (v->stemmer)
		sb_stemmer_delete(v->stemmer);
	if (v->ascii_stemmer)
		sb_stemmer_delete(v->ascii_stemmer);
	nd_wordtab_dispose(&v->known.tab);
	nd_wordtab_dispose(&v->stem_tab);
	nd_wordtab_dispose(&v->stop_tab);
	nd_arena_free(v->keys);
	nd_free(v->known.words);
	nd_free(v->known.stop);
	nd_free(v->stems);
	nd_free(v->idf);
	nd_free(v->df_mark);
	nd_free(v->stop);
	nd_free(v->scratch.toks);
	nd_free(v->scratch.sents);
	nd_free(v);
}

size_t nd_vocab_term_count(const nd_vocab *v)
{
	return v->n_terms;
}

size_t nd_vocab_stem_count(const nd_vocab *v)
{
	return v->n_stems;
}

const char *nd_vocab_term(const nd_vocab *v, uint32_t term, size_t *len)
{
	if (term >= v->n_terms)
		return NULL;
	if (len)
		*len = v->known.words[term].len;
	return v->known.words[term].str;
}

const char *nd_vocab_stem(const nd_vocab *v, uint32_t stem, size_t *len)
{
	if (stem >= v->n_stems)
		return NULL;
	if (len)
		*len = v->stems[stem].len;
	return v->stems[stem].str;
}

bool nd_vocab_lookup(const nd_vocab *v, const char *folded, size_t len,
		     uint32_t *term)
{
	const nd_wordtab_slot *s = nd_wordtab_find(
		&v->known.tab, v->known.words, folded, len,
		nd_wordtab_hash(folded, len));

	if (s->id1 == 0)
		return false;
	*term = s->id1 - 1;
	return true;
}

/* nd_vocab_is_stopword of a word hashed h. */
static bool is_stop_hashed(const nd_vocab *v, const char *folded, size_t len,
			   uint64_t h)
{
	return nd_wordtab_find(&v->stop_tab, v->stop, folded, len, h)->id1 != 0;
}

bool nd_vocab_is_stopword(const nd_vocab *v, const char *folded, size_t len)
{
	return is_stop_hashed(v, folded, len, nd_wordtab_hash(folded, len));
}

/* Grows the parallel per-stem arrays to hold one more stem. */
static int reserve_stem(nd_vocab *v)
{
	size_t cap = v->stem_cap;

	if (v->n_stems < cap)
		return ND_OK;
	if (nd_array_reserve((void **)&v->stems, &cap, v->n_stems + 1,
			     sizeof(*v->stems)))
		return ND_ENOMEM;
	cap = v->stem_cap;
	if (nd_array_reserve((void **)&v->df_mark, &cap, v->n_stems + 1,
			     sizeof(*v->df_mark)))
		return ND_ENOMEM;
	v->stem_cap = cap;
	return ND_OK;
}

static int reserve_term(nd_vocab *v)
{
	size_t cap = v->term_cap;

	if (v->n_terms < cap)
		return ND_OK;
	if (nd_array_reserve((void **)&v->known.words, &cap, v->n_terms + 1,
			     sizeof(*v->known.words)))
		return ND_ENOMEM;
	cap = v->term_cap;
	if (nd_array_reserve((void **)&v->known.stop, &cap, v->n_terms + 1,
			     sizeof(*v->known.stop)))
		return ND_ENOMEM;
	v->term_cap = cap;
	return ND_OK;
}

/* The id of the stem s[0..len) (a padded key when padded) of the term
 * kept as host, added when new: its text then the term's own when it is
 * the term's start, as most stems are. */
static int intern_stem(nd_vocab *v, const char *s, size_t len, bool padded,
		       const nd_word *host, uint32_t *id)
{
	uint64_t h = padded ? nd_wordtab_hash_padded(s, len)
			    : nd_wordtab_hash(s, len);
	nd_wordtab_slot *slot = nd_wordtab_probe(&v->stem_tab, v->stems, s,
						 len, h, padded);
	uint32_t next = (uint32_t)v->n_stems;
	const char *copy;

	if (slot->id1 != 0) {
		*id = slot->id1 - 1;
		return ND_OK;
	}
	if (reserve_stem(v))
		return ND_ENOMEM;
	if (len <= host->len && memcmp(s, host->str, len) == 0)
		copy = host->str;
	else if ((copy = copy_key(v, s, len)) == NULL)
		return ND_ENOMEM;
	v->stems[next].str = copy;
	v->stems[next].len = (uint32_t)len;
	v->stems[next].value = 0;
	v->df_mark[next] = 0;
	/* Last: the table names only stems that are whole. */
	if (nd_wordtab_add(&v->stem_tab, slot, h, next))
		return ND_ENOMEM;
	v->n_stems++;
	*id = next;
	return ND_OK;
}

nd_analyse_scratch *nd_vocab__scratch(nd_vocab *v)
{
	v->scratch.ntoks = 0;
	v->scratch.nsents = 0;
	return &v->scratch;
}

static bool is_ascii(const char *s, size_t len)
{
	unsigned char any = 0;
	size_t i;

	for (i = 0; i < len; i++)
		any |= (unsigned char)s[i];
	return any < 0x80;
}

/* The id of the stem of the folded word, as the vocabulary keeps it,
 * added when new. */
static int stem_of(nd_vocab *v, const char *folded, size_t len,
		   uint32_t *stem)
{
	nd_word host = { folded, (uint32_t)len, 0 };
	struct sb_stemmer *stemmer;
	const sb_symbol *st;
	/* Read as a padded key: room to its next multiple of ND_WORDTAB_PAD. */
	char own[ND_STEM_EN_MAX + ND_WORDTAB_PAD];
	size_t own_len;

	if (v->english && nd_stem_en(own, &own_len, folded, len))
		return intern_stem(v, own, own_len, true, &host, stem);
	stemmer = v->ascii_stemmer && is_ascii(folded, len) ? v->ascii_stemmer
							  : v->stemmer;
	st = sb_stemmer_stem(stemmer, (const sb_symbol *)folded, (int)len);
	if (st == NULL)
		return ND_ENOMEM;
	return intern_stem(v, (const char *)st,
			   (size_t)sb_stemmer_length(stemmer), false, &host,
			   stem);
}

int nd_vocab__add_term(nd_vocab *v, nd_wordtab_slot *slot, const char *folded,
		       size_t len, uint64_t h, uint32_t *term, uint32_t *stem,
		       bool *stop)
{
	uint32_t next = (uint32_t)v->n_terms;
	const char *copy;

	if (reserve_term(v) || (copy = copy_key(v, folded, len)) == NULL ||
	    stem_of(v, copy, len, stem))
		return ND_ENOMEM;
	*stop = is_stop_hashed(v, folded, len, h);
	v->known.words[next].str = copy;
	v->known.words[next].len = (uint32_t)len;
	v->known.words[next].value = *stem;
	v->known.stop[next] = *stop;
	/* Last: the table names only terms that are whole. */
	if (nd_wordtab_add(&v->known.tab, slot, h, next))
		return ND_ENOMEM;
	v->n_terms++;
	*term = next;
	return ND_OK;
}

const nd_vocab_terms *nd_vocab__terms(const nd_vocab *v)
{
	return &v->known;
}

int nd_vocab_count_doc(nd_vocab *v, const nd_doc *d)
{
	uint32_t mark = (uint32_t)v->n_docs + 1;
	size_t i;

	/* Without a branch on whether the stem was counted: which it is
	 * follows no pattern. */
	for (i = 0; i < d->ntoks; i++) {
		uint32_t s = d->toks[i].stem;

		if (s < v->n_stems) {
			v->stems[s].value += v->df_mark[s] != mark;
			v->df_mark[s] = mark;
		}
	}
	v->n_docs++;
	v->n_idf = 0;
	return ND_OK;
}

size_t nd_vocab_doc_count(const nd_vocab *v)
{
	return v->n_docs;
}

uint32_t nd_vocab_df(const nd_vocab *v, uint32_t stem)
{
	return stem < v->n_stems ? v->stems[stem].value : 0;
}

/* The IDF of a stem in df of the documents counted. */
static double idf_of_df(const nd_vocab *v, uint32_t df)
{
	/* The 1 + keeps weights in a narrow band: stories are often a handful
	 * of articles, where a plain log ratio would make every shared word
	 * worthless. */
	return log(1.0 + ((double)v->n_docs + 1.0) / ((double)df + 0.5));
}

double nd_vocab_idf(const nd_vocab *v, uint32_t stem)
{
	return stem < v->n_idf ? v->idf[stem]
			       : idf_of_df(v, nd_vocab_df(v, stem));
}

int nd_vocab_fix_idf(nd_vocab *v)
{
	double *idf = nd_reallocarray(v->idf, v->n_stems + 1, sizeof(*idf));
	/* Per document frequency, its IDF once known (0 until then: an IDF
	 * is above 0): stems far outnumber the frequencies, which are at
	 * most the documents, and a log costs more than the look-up. */
	double *by_df = NULL;
	uint32_t s;
	int rc = ND_ENOMEM;

	if (idf == NULL)
		goto done;
	v->idf = idf;
	by_df = nd_calloc(v->n_docs + 1, sizeof(*by_df));
	if (by_df == NULL)
		goto done;
	for (s = 0; s < v->n_stems; s++) {
		uint32_t df = v->stems[s].value;

		if (by_df[df] == 0)
			by_df[df] = idf_of_df(v, df);
		idf[s] = by_df[df];
	}
	v->n_idf = v->n_stems;
	rc = ND_OK;
done:
	nd_free(by_df);
	return rc;
}
