/* nd_similar_*: the public face of the paraphrase model. */
#include "similar/similar.h"

#include <math.h> /* exp */

#include "core/alloc.h"
#include "core/error.h"
#include "core/utf8.h"
#include "wordnet/wordnet.h"

struct nd_similar {
	nd_wordnet *wn; /* NULL when creating failed */
	nd_err err;
	nd_sim_side side[2];
};

int nd_similar_create(nd_similar **out, const char *wordnet_dir)
{
	nd_similar *s = nd_calloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	if (s == NULL)
		return ND_ENOMEM;
	rc = nd_wordnet_create(&s->wn, wordnet_dir, &s->err);
	if (rc == ND_ENOMEM) {
		nd_free(s);
		return rc;
	}
	*out = s;
	return rc;
}

void nd_similar_free(nd_similar *s)
{
	if (s == NULL)
		return;
	nd_sim_side_dispose(&s->side[0]);
	nd_sim_side_dispose(&s->side[1]);
	nd_wordnet_free(s->wn);
	nd_free(s);
}

const char *nd_similar_error(const nd_similar *s)
{
	return s ? s->err.msg : "";
}

double nd_similar_threshold(void)
{
	return nd_sim_shipped.threshold;
}

/* Refuses, with the reason in s->err, a sentence over the public cap or
 * not UTF-8: the tokeniser assumes valid UTF-8. */
static int check_sentence(nd_similar *s, const char *text, size_t len,
			  const char *which)
{
	size_t bad;

	if (len > ND_SIMILAR_MAX_BYTES)
		return nd_err_set(&s->err, ND_ETOOBIG, "%s sentence is over "
				  "%d bytes", which, ND_SIMILAR_MAX_BYTES);
	if (!nd_utf8_valid(text, len, &bad))
		return nd_err_set(&s->err, ND_EUTF8, "%s sentence is not "
				  "UTF-8 (byte %zu)", which, bad);
	return ND_OK;
}

int nd_similar_features(double *f, nd_similar *s, const char *a,
			size_t a_len, const char *b, size_t b_len)
{
	int rc;

	/* A handle without WordNet keeps the error of its creation. */
	if (s == NULL || s->wn == NULL)
		return ND_EINVAL;
	nd_err_clear(&s->err);
	if ((a == NULL && a_len) || (b == NULL && b_len))
		return nd_err_set(&s->err, ND_EINVAL, "no sentence");
	if ((rc = check_sentence(s, a, a_len, "first")) != ND_OK ||
	    (rc = check_sentence(s, b, b_len, "second")) != ND_OK)
		return rc;
	if ((rc = nd_sim_side_fill(&s->side[0], s->wn, a, a_len)) == ND_OK)
		rc = nd_sim_side_fill(&s->side[1], s->wn, b, b_len);
	if (rc == ND_OK)
		rc = nd_sim_features(f, &s->side[0], &s->side[1]);
	if (rc == ND_EFORMAT)
		return nd_err_set(&s->err, rc, "malformed WordNet files "
				  "(reinstall wordnet-base)");
	if (rc != ND_OK)
		return nd_err_set(&s->err, rc, "%s", nd_strerror(rc));
	return ND_OK;
}

double nd_sim_model_score(const nd_sim_model *model, const double *f)
{
	double z = model->bias;
	int i;

	for (i = 0; i < ND_SIM_NFEAT; i++)
		z += model->weight[i] * f[i];
	return 1.0 / (1.0 + exp(-z));
}

int nd_similar_score(double *score, int *paraphrase, nd_similar *s,
		     const char *a, size_t a_len, const char *b,
		     size_t b_len)
{
	double f[ND_SIM_NFEAT];
	int rc = nd_similar_features(f, s, a, a_len, b, b_len);

	*score = 0;
	*paraphrase = 0;
	if (rc != ND_OK)
		return rc;
	*score = nd_sim_model_score(&nd_sim_shipped, f);
	*paraphrase = *score >= nd_sim_shipped.threshold;
	return ND_OK;
}
