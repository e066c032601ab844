/* A small streaming JSON writer: pretty-printed with two-space indentation,
 * strings escaped so any input bytes give valid JSON.
 *
 * Keys and values are written in call order; the writer only adds commas,
 * line breaks and indentation. Arrays opened "inline" stay on one line,
 * which keeps lists of ids readable. */
#ifndef ND_RENDER_JSON_WRITER_H
#define ND_RENDER_JSON_WRITER_H

#include <stddef.h> /* size_t */

#include "render/render_out.h"

#define ND_JSON_MAX_DEPTH 32

typedef struct nd_json {
	nd_out *out;
	unsigned depth;
	unsigned overflow; /* levels opened past ND_JSON_MAX_DEPTH */
	int after_key; /* a key was written; the value follows on its line */
	size_t items[ND_JSON_MAX_DEPTH];        /* values so far per level */
	unsigned char inline_[ND_JSON_MAX_DEPTH]; /* level stays on one line */
} nd_json;

/* Starts a document written to out. */
void nd_json_init(nd_json *j, nd_out *out);
/* Ends the document with a line break. */
void nd_json_finish(nd_json *j);

void nd_json_object_begin(nd_json *j);
/* An object whose members stay on one line: {"a": 1, "b": 2}. */
void nd_json_object_begin_inline(nd_json *j);
void nd_json_object_end(nd_json *j);
void nd_json_array_begin(nd_json *j);
/* An array whose items stay on one line: ["a", "b"]. */
void nd_json_array_begin_inline(nd_json *j);
void nd_json_array_end(nd_json *j);

/* The key of the next member of the current object. */
void nd_json_key(nd_json *j, const char *key);
/* A string value from s (NUL-terminated; NULL writes null). */
void nd_json_str(nd_json *j, const char *s);
void nd_json_strn(nd_json *j, const char *s, size_t len);
void nd_json_uint(nd_json *j, size_t v);
/* A number with at most three decimals, trailing zeros dropped; NaN and
 * infinities, which JSON lacks, become null. */
void nd_json_num(nd_json *j, double v);
void nd_json_bool(nd_json *j, int v);
void nd_json_null(nd_json *j);

/* Members in one call: key, then value. */
void nd_json_kv_str(nd_json *j, const char *key, const char *s);
void nd_json_kv_uint(nd_json *j, const char *key, size_t v);
void nd_json_kv_num(nd_json *j, const char *key, double v);

/* Writes s[0..len) as a quoted JSON string: quote and backslash escaped,
 * \b \f \n \r \t short forms, other control characters (and DEL, U+2028,
 * U+2029) as \uXXXX, invalid UTF-8 replaced by U+FFFD. Everything else,
 * "</script>" included, passes through as the plain text it is. */
void nd_json_escape(nd_out *o, const char *s, size_t len);

/* Formats v as nd_json_num does into buf (at least 32 bytes); returns the
 * length. Independent of the locale. */
size_t nd_json_format_num(char *buf, size_t size, double v);

#endif
