/* A near-copy sketch of raw article text, made without the analyse stage.
 *
 * Text -> words (letters and digits, case folded; a word holding non-ASCII
 * letters is folded by nd_utf8_fold, so marks, compatibility forms and
 * look-alike Cyrillic or Greek letters beside Latin ones do not separate
 * copies) -> 64-bit word hashes -> rolling five-word shingles -> one
 * permutation hashing into ND_TEXTSKETCH_BINS bins with densification.
 * Each bin of two signatures agrees with probability about their shingle
 * Jaccard J. Bins pair into bands whose keys find candidates by LSH (a
 * pair shares some band with probability 1 - (1 - J^2)^16: 0.978 at
 * J = 0.46, the least copy seen, 0.31 at 0.15, same-topic articles); 2
 * bits of each bin are kept to estimate J of a candidate pair: 192 bins
 * of 2 bits estimate J = 0.46 with a standard error of 0.047, as well as
 * 128 of 4 bits in two thirds of the bytes. */
#ifndef ND_DEDUP_TEXTSKETCH_H
#define ND_DEDUP_TEXTSKETCH_H

#include <stddef.h> /* size_t */
#include <stdint.h> /* uint8_t, uint64_t */

#define ND_TEXTSKETCH_BINS 192
#define ND_TEXTSKETCH_ROWS 2
#define ND_TEXTSKETCH_BANDS 16
#define ND_TEXTSKETCH_SHINGLE 5
/* Packed form: 2 bits per bin. */
#define ND_TEXTSKETCH_BYTES (ND_TEXTSKETCH_BINS / 4)

/* Signs text[0..len) (any bytes; invalid UTF-8 splits words) into bin.
 * Returns the number of shingles; 0 (no word) leaves every bin all-ones. */
size_t nd_textsketch_sign(uint64_t bin[ND_TEXTSKETCH_BINS], const char *text,
			  size_t len);
/* nd_textsketch_sign without AVX-512, as on machines that lack it: the
 * same signature, for the tests that check both ways agree. */
size_t nd_textsketch_sign_portable(uint64_t bin[ND_TEXTSKETCH_BINS],
				   const char *text, size_t len);
/* The band keys of a signature: equal bands, equal keys. */
void nd_textsketch_bands(uint64_t key[ND_TEXTSKETCH_BANDS],
			 const uint64_t bin[ND_TEXTSKETCH_BINS]);
/* Keeps the low 2 bits of each bin, four bins a byte. */
void nd_textsketch_pack(uint8_t out[ND_TEXTSKETCH_BYTES],
			const uint64_t bin[ND_TEXTSKETCH_BINS]);
/* Bins on which two packed sketches agree, 0 to ND_TEXTSKETCH_BINS. */
unsigned nd_textsketch_agree(const uint8_t a[ND_TEXTSKETCH_BYTES],
			     const uint8_t b[ND_TEXTSKETCH_BYTES]);
/* Estimated Jaccard of two packed sketches in [0, 1]: the agreement less
 * the 1/4 of bins that agree by chance in 2 bits. */
double nd_textsketch_estimate(const uint8_t a[ND_TEXTSKETCH_BYTES],
			      const uint8_t b[ND_TEXTSKETCH_BYTES]);

#endif
