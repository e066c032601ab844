#include "wordnet/wordnet.h"

#include <stdio.h>  /* snprintf */
#include <string.h> /* memcmp, memcpy, strlen */

#include "core/alloc.h"
#include "wordnet/wn_file.h"

struct nd_wordnet {
	nd_wn_file index[ND_WN_POS_COUNT];
	nd_wn_file exc[ND_WN_POS_COUNT];
	nd_wn_file counts;
};

static const char *const pos_names[ND_WN_POS_COUNT] = {
	"noun", "verb", "adj", "adv"
};

/* Maps dir/name; the error says which package provides it. */
static int map_one(nd_wn_file *f, const char *dir, const char *name,
		   nd_err *err)
{
	char path[4096];
	int rc;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path))
		return nd_err_set(err, ND_EINVAL, "WordNet folder name too "
				  "long");
	rc = nd_wn_file_map(f, path, err);
	if (rc != ND_OK && err) {
		size_t n = strlen(err->msg);

		snprintf(err->msg + n, sizeof(err->msg) - n,
			 " (install wordnet-base, or name the WordNet folder "
			 "with --wordnet DIR or NEWSDIGEST_WORDNET)");
	}
	return rc;
}

int nd_wordnet_create(nd_wordnet **out, const char *dir, nd_err *err)
{
	nd_wordnet *wn;
	char name[32];
	int rc = ND_OK, p;

	*out = NULL;
	if (dir == NULL)
		dir = ND_WORDNET_DIR;
	wn = nd_calloc(1, sizeof(*wn));
	if (wn == NULL)
		return nd_err_set(err, ND_ENOMEM, "out of memory");
	for (p = 0; p < ND_WN_POS_COUNT && rc == ND_OK; p++) {
		snprintf(name, sizeof(name), "index.%s", pos_names[p]);
		rc = map_one(&wn->index[p], dir, name, err);
		snprintf(name, sizeof(name), "%s.exc", pos_names[p]);
		if (rc == ND_OK)
			rc = map_one(&wn->exc[p], dir, name, err);
	}
	if (rc == ND_OK)
		rc = map_one(&wn->counts, dir, "cntlist.rev", err);
	if (rc != ND_OK) {
		nd_wordnet_free(wn);
		return rc;
	}
	*out = wn;
	return ND_OK;
}

void nd_wordnet_free(nd_wordnet *wn)
{
	int p;

	if (wn == NULL)
		return;
	for (p = 0; p < ND_WN_POS_COUNT; p++) {
		nd_wn_file_unmap(&wn->index[p]);
		nd_wn_file_unmap(&wn->exc[p]);
	}
	nd_wn_file_unmap(&wn->counts);
	nd_free(wn);
}

/* Splits the next space-separated field off *p (before end). */
static bool next_field(const char **f, size_t *n, const char **p,
		       const char *end)
{
	const char *s = *p;

	while (s < end && *s == ' ')
		s++;
	if (s == end)
		return false;
	*f = s;
	while (s < end && *s != ' ')
		s++;
	*n = (size_t)(s - *f);
	*p = s;
	return true;
}

/* A decimal field of at most 9 digits into *v. */
static bool parse_uint(uint32_t *v, const char *f, size_t n)
{
	size_t i;

	if (n == 0 || n > 9)
		return false;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (f[i] < '0' || f[i] > '9')
			return false;
		*v = *v * 10 + (uint32_t)(f[i] - '0');
	}
	return true;
}

/* An index line is "lemma pos synset_cnt p_cnt [ptr...] sense_cnt
 * tagsense_cnt offset..." with synset_cnt offsets last. */
int nd_wordnet_synsets(uint32_t *offsets, size_t *n, size_t max,
		       const nd_wordnet *wn, nd_wn_pos pos,
		       const char *lemma, size_t len)
{
	const char *line, *p, *end, *f;
	size_t line_len, flen, fields = 0, i;
	uint32_t nsyn = 0;
	int rc;

	*n = 0;
	if (len > ND_WN_WORD_MAX)
		return ND_ENOTFOUND;
	rc = nd_wn_file_find(&line, &line_len, &wn->index[pos], lemma, len);
	if (rc != ND_OK)
		return rc;
	p = line;
	end = line + line_len;
	while (next_field(&f, &flen, &p, end))
		if (++fields == 3 && !parse_uint(&nsyn, f, flen))
			return ND_EFORMAT;
	if (nsyn == 0 || fields < 6 + (size_t)nsyn)
		return ND_EFORMAT;
	/* Back to the first offset: skip all but the last nsyn fields. */
	p = line;
	for (i = 0; i < fields - nsyn; i++)
		next_field(&f, &flen, &p, end);
	for (i = 0; i < nsyn && *n < max; i++) {
		next_field(&f, &flen, &p, end);
		if (flen != 8 || !parse_uint(&offsets[*n], f, flen))
			return ND_EFORMAT;
		(*n)++;
	}
	return ND_OK;
}

bool nd_wordnet_has(const nd_wordnet *wn, nd_wn_pos pos, const char *lemma,
		    size_t len)
{
	const char *line;
	size_t line_len;

	return len <= ND_WN_WORD_MAX &&
	       nd_wn_file_find(&line, &line_len, &wn->index[pos], lemma,
			       len) == ND_OK;
}

int nd_wordnet_exceptions(nd_wn_word *bases, size_t *n, size_t max,
			  const nd_wordnet *wn, nd_wn_pos pos,
			  const char *word, size_t len)
{
	const char *line, *p, *end, *f;
	size_t line_len, flen;
	int rc;

	*n = 0;
	if (len > ND_WN_WORD_MAX)
		return ND_ENOTFOUND;
	rc = nd_wn_file_find(&line, &line_len, &wn->exc[pos], word, len);
	if (rc != ND_OK)
		return rc;
	p = line + len;
	end = line + line_len;
	while (*n < max && next_field(&f, &flen, &p, end)) {
		if (flen > ND_WN_WORD_MAX)
			return ND_EFORMAT;
		memcpy(bases[*n].text, f, flen);
		bases[*n].text[flen] = '\0';
		bases[*n].len = flen;
		(*n)++;
	}
	return *n ? ND_OK : ND_EFORMAT;
}

/* A cntlist.rev line is "lemma%sense_key_rest sense_number tag_count";
 * the lines of one lemma are adjacent. */
int nd_wordnet_count(unsigned long *count, const nd_wordnet *wn,
		     const char *lemma, size_t len)
{
	char key[ND_WN_WORD_MAX + 2];
	const char *line, *p, *end, *f;
	size_t line_len, flen;
	uint32_t c;
	int rc, fields;

	*count = 0;
	if (len > ND_WN_WORD_MAX || len == 0)
		return ND_OK;
	memcpy(key, lemma, len);
	key[len] = '%';
	rc = nd_wn_file_first(&line, &line_len, &wn->counts, key, len + 1);
	while (rc == ND_OK && line_len > len &&
	       memcmp(line, key, len + 1) == 0) {
		p = line;
		end = line + line_len;
		for (fields = 0; fields < 3; fields++)
			if (!next_field(&f, &flen, &p, end))
				return ND_EFORMAT;
		if (!parse_uint(&c, f, flen))
			return ND_EFORMAT;
		*count += c;
		rc = nd_wn_file_next(&line, &line_len, &wn->counts, line,
				     line_len);
	}
	return rc == ND_EFORMAT ? rc : ND_OK;
}
