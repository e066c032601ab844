/* WordNet lookups straight from the database files of Debian's
 * wordnet-base (/usr/share/wordnet): synsets of a lemma per part of speech,
 * the base forms of irregular inflections, and how often a lemma's senses
 * were seen in WordNet's sense-tagged texts.
 *
 * Creating a handle maps the files (index.{noun,verb,adj,adv},
 * {noun,verb,adj,adv}.exc, cntlist.rev) and parses nothing; each lookup
 * binary-searches the sorted lines (see wn_file.h). A handle is read-only
 * once created, so threads may share it. */
#ifndef ND_WORDNET_WORDNET_H
#define ND_WORDNET_WORDNET_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "core/error.h" /* nd_err, and newsdigest.h */

/* Where wordnet-base puts the files: the public default, named once. */
#define ND_WORDNET_DIR ND_SIMILAR_WORDNET_DIR
/* Longest lemma looked up, in bytes; longer ones are not found. */
#define ND_WN_WORD_MAX 64

typedef enum nd_wn_pos {
	ND_WN_NOUN = 0,
	ND_WN_VERB,
	ND_WN_ADJ,
	ND_WN_ADV,
	ND_WN_POS_COUNT
} nd_wn_pos;

typedef struct nd_wordnet nd_wordnet;

/* Maps the files of the WordNet in dir (NULL: ND_WORDNET_DIR). Returns 0;
 * ND_ENOMEM; ND_EINVAL for a dir name over 4 KiB; or ND_EIO, ND_ETOOBIG,
 * ND_EFORMAT with err->msg naming the file and saying to install
 * wordnet-base. */
int nd_wordnet_create(nd_wordnet **out, const char *dir, nd_err *err);
/* Unmaps the files; accepts NULL. */
void nd_wordnet_free(nd_wordnet *wn);

/* Writes to offsets[0..*n) the synsets of lemma[0..len) as pos, at most
 * max, most frequent sense first (a synset's offset in data.POS names it).
 * Returns 0, ND_ENOTFOUND when WordNet has no such lemma as pos, or
 * ND_EFORMAT for a malformed entry. */
int nd_wordnet_synsets(uint32_t *offsets, size_t *n, size_t max,
		       const nd_wordnet *wn, nd_wn_pos pos,
		       const char *lemma, size_t len);
/* Does WordNet have lemma[0..len) as pos? */
bool nd_wordnet_has(const nd_wordnet *wn, nd_wn_pos pos, const char *lemma,
		    size_t len);

/* A word found by a lookup, copied out of the files. */
typedef struct nd_wn_word {
	char text[ND_WN_WORD_MAX + 1]; /* NUL-terminated */
	size_t len;
} nd_wn_word;

/* Writes to bases[0..*n) (at most max) the base forms pos.exc gives for
 * the irregular inflection word[0..len) ("went" -> "go"). Returns 0,
 * ND_ENOTFOUND when it lists none, or ND_EFORMAT. */
int nd_wordnet_exceptions(nd_wn_word *bases, size_t *n, size_t max,
			  const nd_wordnet *wn, nd_wn_pos pos,
			  const char *word, size_t len);

/* Sets *count to the times lemma[0..len)'s senses, all parts of speech
 * together, were tagged in WordNet's sense-tagged texts (cntlist.rev): a
 * measure of how common and so how uninformative the word is. 0 when
 * unlisted. Returns 0 or ND_EFORMAT. */
int nd_wordnet_count(unsigned long *count, const nd_wordnet *wn,
		     const char *lemma, size_t len);

#endif
