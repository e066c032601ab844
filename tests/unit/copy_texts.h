/* Made-up articles for the copy index tests: invented words from a fixed
 * generator, so texts are reproducible and share only what a test makes
 * them share. */
#ifndef ND_TEST_COPY_TEXTS_H
#define ND_TEST_COPY_TEXTS_H

#include <stdint.h> /* uint64_t */
#include <stdio.h>  /* snprintf */
#include <string.h> /* strlen */

/* Writes invented word number i of a 50,000-word vocabulary into out. */
static inline void ct_word(char out[16], uint64_t i)
{
	static const char cons[] = "bcdfghjklmnprstvz", vow[] = "aeiou";
	uint64_t x = (i % 50000 + 1) * 0x9e3779b97f4a7c15ULL;
	size_t n = 2 + (size_t)(x >> 60) % 3, k, at = 0;

	for (k = 0; k < n; k++) {
		out[at++] = cons[(x >> (6 * k)) % 17];
		out[at++] = vow[(x >> (6 * k + 3)) % 5];
	}
	out[at] = '\0';
}

/* A small generator state for word choices. */
static inline uint64_t ct_next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Appends the word numbered w and a separator to buf (cap bytes). */
static inline void ct_put(char *buf, size_t cap, uint64_t w, const char *sep)
{
	char word[16];
	size_t len = strlen(buf);

	ct_word(word, w);
	snprintf(buf + len, cap - len, "%s%s", word, sep);
}

/* An article of paras paragraphs of 60 words drawn from seed; with
 * topic, a third of the words come from that topic's 80 words, as in
 * articles about one event. */
static inline void ct_article(char *buf, size_t cap, uint64_t seed,
			      int paras, uint64_t topic)
{
	uint64_t s = seed * 2654435761u + 1;
	int p, k;

	buf[0] = '\0';
	for (p = 0; p < paras; p++)
		for (k = 0; k < 60; k++) {
			uint64_t r = ct_next(&s);
			uint64_t w = topic && r % 3 == 0
					     ? topic * 1000 + r / 3 % 80
					     : r % 50000;

			ct_put(buf, cap, w, k == 59 ? ".\n" : " ");
		}
}

#endif
