/* json: a small strict JSON (RFC 8259) parser for one object per input.
 *
 * JSON Lines articles are flat objects of which ingest wants a few string
 * members, so the parser builds no tree: it validates the whole text and
 * reports the members of the outer object as spans of the input, which the
 * caller decodes only when it needs them. Nested values are validated and
 * skipped. Strings must be valid UTF-8 and their escapes well formed,
 * surrogate pairs included. */
#ifndef ND_INGEST_JSON_H
#define ND_INGEST_JSON_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "core/error.h" /* nd_err */

typedef struct nd_buf nd_buf;

/* Nesting of arrays and objects beyond this is rejected, so a hostile line
 * cannot exhaust the stack. */
#define ND_JSON_MAX_DEPTH 64

typedef enum nd_json_kind {
	ND_JSON_NULL = 0,
	ND_JSON_FALSE,
	ND_JSON_TRUE,
	ND_JSON_NUMBER,
	ND_JSON_STRING,
	ND_JSON_ARRAY,
	ND_JSON_OBJECT
} nd_json_kind;

/* One member of the outer object, as spans of the input. */
typedef struct nd_json_member {
	const char *key;   /* between the quotes, escapes not decoded */
	size_t key_len;
	nd_json_kind kind;
	const char *value; /* strings: between the quotes, escapes not
			      decoded; other kinds: the whole value text */
	size_t value_len;
} nd_json_member;

/* Receives a member; non-zero stops the parse and is returned. */
typedef int (*nd_json_member_fn)(void *ctx, const nd_json_member *m);

/* Parses s[0..len) as exactly one JSON object, whitespace around it
 * allowed, calling fn (may be NULL) for each outer member in order. fn runs
 * before the rest of the input is checked: act on what it collected only
 * when the parse returns 0. Returns 0; ND_EFORMAT or, for a string that is
 * not UTF-8, ND_EUTF8, with err->msg like "unexpected end of input at byte
 * 57" (offsets from s, 0-based); or fn's return. */
int nd_json_parse_object(nd_err *err, const char *s, size_t len,
			 nd_json_member_fn fn, void *ctx);

/* Appends the decoded UTF-8 text of a string span (as in nd_json_member,
 * without the quotes) to out. Returns 0, ND_ETOOBIG (out's cap), ND_ENOMEM,
 * or ND_EFORMAT when the span has a malformed escape. */
int nd_json_unescape(nd_buf *out, const char *raw, size_t len);

/* True when the decoded string span equals the NUL-terminated name. */
bool nd_json_string_is(const char *raw, size_t len, const char *name);

#endif
