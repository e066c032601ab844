/* The form of a sentence a summary shows: the sentence less what a lone
 * sentence can spare (see nd_digest_trim in candidates.h). */
#ifndef ND_DIGEST_DTRIM_H
#define ND_DIGEST_DTRIM_H

#include <stdint.h> /* uint32_t */

/* A sentence without the opener a summary can spare: a wire dateline
 * ("BEIJING (AP) _"), then a connective ("But", "However,") or a time or
 * place adverbial ("On Tuesday,", "In Astana,"), twice at most ("But on
 * Tuesday,"). The kept words are tokens
 * [tok, tok + ntok) and bytes [off, off + len) of the article text, to
 * the sentence's end; shown, they start with a capital. */
typedef struct nd_dtrim {
	uint32_t tok, ntok;
	uint32_t off, len;
	/* An aside cut from inside too: tokens [gap, gap + ngap) and bytes
	 * [goff, goff + glen), its opening comma included; ngap 0: none. */
	uint32_t gap, ngap;
	uint32_t goff, glen;
} nd_dtrim;

#endif
