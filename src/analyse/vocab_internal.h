/* What the tokenizer needs from the vocabulary beyond the public header. */
#ifndef ND_ANALYSE_VOCAB_INTERNAL_H
#define ND_ANALYSE_VOCAB_INTERNAL_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "analyse/analyse.h"

/* Ids of the folded word (adding it and its stem when new) and whether it is
 * a stop word. Returns 0 or ND_ENOMEM. */
int nd_vocab__intern(nd_vocab *v, const char *folded, size_t len,
		     uint32_t *term, uint32_t *stem, bool *stop);

#endif
