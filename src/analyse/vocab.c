#include "analyse/analyse.h"

#include <libstemmer.h>
#include <math.h>   /* log */
#include <string.h> /* strlen */

#include "analyse/stopwords.h"
#include "analyse/vocab_internal.h"
#include "core/alloc.h"
#include "core/error.h"
#include "core/hashmap.h"

/* Per term: its stem and whether it is a stop word. Per stem: its text and
 * document frequency. Strings are the hash maps' own key copies. */
struct nd_vocab {
	struct sb_stemmer *stemmer;
	/* The same algorithm over single bytes (ISO-8859-1), for words all
	 * ASCII, which both read alike: it decodes no UTF-8 on each test of
	 * a letter. NULL when the language has no such variant. */
	struct sb_stemmer *ascii_stemmer;
	nd_strmap terms;
	nd_strmap stems;
	nd_strmap stop;
	const char **term_str;
	uint32_t *term_len;
	uint32_t *term_stem;
	unsigned char *term_stop;
	size_t n_terms, term_cap;
	const char **stem_str;
	uint32_t *stem_len;
	uint32_t *df;
	uint32_t *df_mark; /* doc count + 1 when last counted, per stem */
	size_t n_stems, stem_cap;
	size_t n_docs;
	/* IDF per stem, computed by nd_vocab_fix_idf once the documents are
	 * counted; n_idf stems of it hold (0 once counting goes on). */
	double *idf;
	size_t n_idf;
	nd_analyse_scratch scratch;
};

static int load_stopwords(nd_vocab *v, const char *language)
{
	const char *const *w = nd_stopwords(language);

	for (; w && *w; w++) {
		if (nd_strmap_put(&v->stop, *w, strlen(*w), 1, NULL))
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
	if (nd_strmap_init(&v->terms) ||
	    nd_strmap_init(&v->stems) || nd_strmap_init(&v->stop) ||
	    load_stopwords(v, language))
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
	if (v->terms.slots)
		nd_strmap_dispose(&v->terms);
	if (v->stems.slots)
		nd_strmap_dispose(&v->stems);
	if (v->stop.slots)
		nd_strmap_dispose(&v->stop);
	nd_free(v->term_str);
	nd_free(v->term_len);
	nd_free(v->term_stem);
	nd_free(v->term_stop);
	nd_free(v->stem_str);
	nd_free(v->stem_len);
	nd_free(v->df);
	nd_free(v->idf);
	nd_free(v->df_mark);
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
		*len = v->term_len[term];
	return v->term_str[term];
}

const char *nd_vocab_stem(const nd_vocab *v, uint32_t stem, size_t *len)
{
	if (stem >= v->n_stems)
		return NULL;
	if (len)
		*len = v->stem_len[stem];
	return v->stem_str[stem];
}

bool nd_vocab_lookup(const nd_vocab *v, const char *folded, size_t len,
		     uint32_t *term)
{
	return nd_strmap_get(&v->terms, folded, len, term);
}

bool nd_vocab_is_stopword(const nd_vocab *v, const char *folded, size_t len)
{
	return nd_strmap_get(&v->stop, folded, len, NULL);
}

/* Grows the parallel per-stem arrays to hold one more stem. */
static int reserve_stem(nd_vocab *v)
{
	size_t cap = v->stem_cap;

	if (v->n_stems < cap)
		return ND_OK;
	if (nd_array_reserve((void **)&v->stem_str, &cap, v->n_stems + 1,
			     sizeof(*v->stem_str)))
		return ND_ENOMEM;
	cap = v->stem_cap;
	if (nd_array_reserve((void **)&v->stem_len, &cap, v->n_stems + 1,
			     sizeof(*v->stem_len)))
		return ND_ENOMEM;
	cap = v->stem_cap;
	if (nd_array_reserve((void **)&v->df, &cap, v->n_stems + 1,
			     sizeof(*v->df)))
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
	if (nd_array_reserve((void **)&v->term_str, &cap, v->n_terms + 1,
			     sizeof(*v->term_str)))
		return ND_ENOMEM;
	cap = v->term_cap;
	if (nd_array_reserve((void **)&v->term_len, &cap, v->n_terms + 1,
			     sizeof(*v->term_len)))
		return ND_ENOMEM;
	cap = v->term_cap;
	if (nd_array_reserve((void **)&v->term_stem, &cap, v->n_terms + 1,
			     sizeof(*v->term_stem)))
		return ND_ENOMEM;
	cap = v->term_cap;
	if (nd_array_reserve((void **)&v->term_stop, &cap, v->n_terms + 1,
			     sizeof(*v->term_stop)))
		return ND_ENOMEM;
	v->term_cap = cap;
	return ND_OK;
}

static int intern_stem(nd_vocab *v, const char *s, size_t len, uint32_t *id)
{
	uint32_t next = (uint32_t)v->n_stems;
	const char *copy;

	if (nd_strmap_intern(&v->stems, s, len, next, id, &copy))
		return ND_ENOMEM;
	if (*id != next)
		return ND_OK;
	if (reserve_stem(v))
		return ND_ENOMEM;
	v->stem_str[next] = copy;
	v->stem_len[next] = (uint32_t)len;
	v->df[next] = 0;
	v->df_mark[next] = 0;
	v->n_stems++;
	return ND_OK;
}

nd_analyse_scratch *nd_vocab__scratch(nd_vocab *v)
{
	v->scratch.ntoks = 0;
	v->scratch.nsents = 0;
	return &v->scratch;
}

uint64_t nd_vocab__hash(const char *folded, size_t len)
{
	return nd_strmap_hash(folded, len);
}

void nd_vocab__prefetch(const nd_vocab *v, uint64_t h)
{
	nd_strmap_prefetch(&v->terms, h);
}

int nd_vocab__intern(nd_vocab *v, const char *folded, size_t len,
		     uint32_t *term, uint32_t *stem, bool *stop)
{
	return nd_vocab__intern_hashed(v, folded, len,
				       nd_vocab__hash(folded, len), term, stem,
				       stop);
}

static bool is_ascii(const char *s, size_t len)
{
	unsigned char any = 0;
	size_t i;

	for (i = 0; i < len; i++)
		any |= (unsigned char)s[i];
	return any < 0x80;
}

int nd_vocab__intern_hashed(nd_vocab *v, const char *folded, size_t len,
			    uint64_t h, uint32_t *term, uint32_t *stem,
			    bool *stop)
{
	uint32_t next = (uint32_t)v->n_terms;
	struct sb_stemmer *stemmer;
	const sb_symbol *st;
	const char *copy;

	if (nd_strmap_intern_hashed(&v->terms, folded, len, h, next, term,
				    &copy))
		return ND_ENOMEM;
	if (*term != next) {
		*stem = v->term_stem[*term];
		*stop = v->term_stop[*term];
		return ND_OK;
	}
	if (reserve_term(v))
		return ND_ENOMEM;
	stemmer = v->ascii_stemmer && is_ascii(folded, len) ? v->ascii_stemmer
							  : v->stemmer;
	st = sb_stemmer_stem(stemmer, (const sb_symbol *)folded, (int)len);
	if (st == NULL)
		return ND_ENOMEM;
	if (intern_stem(v, (const char *)st,
			(size_t)sb_stemmer_length(stemmer), stem))
		return ND_ENOMEM;
	*stop = nd_strmap_get(&v->stop, folded, len, NULL);
	v->term_str[next] = copy;
	v->term_len[next] = (uint32_t)len;
	v->term_stem[next] = *stem;
	v->term_stop[next] = *stop;
	v->n_terms++;
	return ND_OK;
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
			v->df[s] += v->df_mark[s] != mark;
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
	return stem < v->n_stems ? v->df[stem] : 0;
}

static double idf_of(const nd_vocab *v, uint32_t stem)
{
	double df = nd_vocab_df(v, stem);

	/* The 1 + keeps weights in a narrow band: stories are often a handful
	 * of articles, where a plain log ratio would make every shared word
	 * worthless. */
	return log(1.0 + ((double)v->n_docs + 1.0) / (df + 0.5));
}

double nd_vocab_idf(const nd_vocab *v, uint32_t stem)
{
	return stem < v->n_idf ? v->idf[stem] : idf_of(v, stem);
}

int nd_vocab_fix_idf(nd_vocab *v)
{
	double *idf = nd_reallocarray(v->idf, v->n_stems + 1, sizeof(*idf));
	uint32_t s;

	if (idf == NULL)
		return ND_ENOMEM;
	v->idf = idf;
	for (s = 0; s < v->n_stems; s++)
		idf[s] = idf_of(v, s);
	v->n_idf = v->n_stems;
	return ND_OK;
}
