/* charset: the character set an HTML page declares, and conversion from it
 * to UTF-8 with iconv(3).
 *
 * Pages saved from older sites are often ISO-8859-1 or windows-1252 and say
 * so in a <meta> tag; everything after ingest expects UTF-8. */
#ifndef ND_INGEST_CHARSET_H
#define ND_INGEST_CHARSET_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

typedef struct nd_buf nd_buf;

/* Bytes at the start of a page searched for a declaration: more than the
 * 1,024 of the HTML standard's prescan, since pages put long scripts and
 * comments before their <meta> tags and browsers still find them. */
#define ND_CHARSET_SCAN 8192
/* Room for a label, NUL included; longer labels are ignored. */
#define ND_CHARSET_LABEL_MAX 48

/* Finds the charset html[0..len) declares within its first ND_CHARSET_SCAN
 * bytes: <meta charset=...>, <meta http-equiv=... content="...;
 * charset=...">, or the encoding of an XML declaration. Copies the label
 * (letters, digits and ._:- only) into label; false when there is none. */
bool nd_charset_declared(char label[ND_CHARSET_LABEL_MAX], const char *html,
			 size_t len);
/* True for labels that mean UTF-8 in a page, including the UTF-16 ones,
 * which HTML treats as UTF-8 when they come from a <meta> tag. */
bool nd_charset_is_utf8(const char *label);
/* Appends s[0..len), in the charset label names, to out as UTF-8. Labels
 * for ISO-8859-1 and ASCII are read as windows-1252, as browsers do.
 * Returns 0; ND_EINVAL for a charset iconv does not know; ND_EUTF8 with
 * *bad the offset of the first byte not valid in it; ND_ETOOBIG (out's
 * cap) or ND_ENOMEM. */
int nd_charset_to_utf8(nd_buf *out, size_t *bad, const char *label,
		       const char *s, size_t len);

/* Appends s[0..len) to out with every byte that is not part of a valid
 * UTF-8 sequence read as windows-1252: what a page mixing UTF-8 with
 * Latin-1 (or in Latin-1 without saying so) meant. *n_bad counts those
 * bytes and *first_bad is the offset of the first (len when none).
 * Returns 0, ND_ETOOBIG (out's cap) or ND_ENOMEM. */
int nd_charset_repair_utf8(nd_buf *out, size_t *n_bad, size_t *first_bad,
			   const char *s, size_t len);

#endif
