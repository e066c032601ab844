/* eval_input: what the extraction scorers read: ground truth and peer
 * outputs in JSON (gzipped or not), JSON Lines, the files that
 * "newsdigest clean --out DIR" writes, and the folders of the data sets. */
#ifndef ND_EVAL_INPUT_H
#define ND_EVAL_INPUT_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"

/* Largest file a scorer reads, once inflated. */
#define ND_EVAL_FILE_MAX ((size_t)1 << 30)

/* Replaces out's contents with the file at path, inflated when it is
 * gzip data (zlib tells by the bytes). Returns 0; ND_ENOTFOUND when there
 * is no such file; ND_EIO, ND_ETOOBIG (out's cap) or ND_ENOMEM, with err
 * (may be NULL) saying which file and why. */
int nd_eval_read_file(nd_buf *out, nd_err *err, const char *path);

/* One text of a set, by id. */
typedef struct nd_eval_doc {
	const char *id;
	const char *text;
	size_t len;
} nd_eval_doc;

/* Texts sorted by id; start from all zeros. */
typedef struct nd_eval_docs {
	nd_arena *arena; /* the ids and texts */
	nd_eval_doc *v;
	size_t n, cap;
} nd_eval_docs;

/* Loads {ID: {FIELD: TEXT, ...}, ...} from the JSON file at path (gzipped
 * or not), also when wrapped as {"version": ..., "output": {...}}. A FIELD
 * that is absent or not a string gives "". Returns 0, or ND_ENOTFOUND,
 * ND_EIO, ND_EFORMAT, ND_EUTF8, ND_ETOOBIG or ND_ENOMEM with err (may be
 * NULL) saying why. */
int nd_eval_docs_load(nd_eval_docs *docs, nd_err *err, const char *path,
		      const char *field);
/* The text with this id, or NULL. */
const nd_eval_doc *nd_eval_docs_find(const nd_eval_docs *docs,
				     const char *id);
/* Frees the texts; docs is empty afterwards. */
void nd_eval_docs_dispose(nd_eval_docs *docs);

/* Receives one decoded string; non-zero stops and is returned. */
typedef int (*nd_eval_string_fn)(void *ctx, const char *s, size_t n);

/* Calls fn for each element of the JSON array raw[0..len) (a value that
 * nd_json_parse_object has checked), decoded into scratch. Returns 0,
 * ND_EFORMAT for an element that is not a string, fn's verdict, or what
 * nd_json_unescape returns. */
int nd_eval_json_strings(nd_buf *scratch, const char *raw, size_t len,
			 nd_eval_string_fn fn, void *ctx);

/* Receives the text of one element of an array; non-zero stops and is
 * returned. */
typedef int (*nd_eval_value_fn)(void *ctx, const char *s, size_t n);

/* Calls fn for each element of the JSON array raw[0..len) (a value that
 * nd_json_parse_object has checked) with the element's text, so that an
 * array of objects can be read one nd_json_parse_object at a time.
 * Returns 0, ND_EFORMAT when raw is not an array, or fn's verdict. */
int nd_eval_json_values(const char *raw, size_t len, nd_eval_value_fn fn,
			void *ctx);

/* Replaces out's contents with DIR/ID.txt, as "clean --out DIR" names an
 * article's file; ids are looked up as they are, so they must be names
 * that clean keeps unchanged. Same returns as nd_eval_read_file. */
int nd_eval_read_output(nd_buf *out, nd_err *err, const char *dir,
			const char *id);

/* Names of a folder's entries, sorted; start from all zeros. */
typedef struct nd_eval_names {
	char **v;
	size_t n, cap;
} nd_eval_names;

/* Fills l with the entries of dir whose names end in suffix ("" for all),
 * hidden ones left out, in byte order. Returns 0, ND_ENOTFOUND or
 * ND_ENOMEM. */
int nd_eval_list_dir(nd_eval_names *l, const char *dir, const char *suffix);
/* Fills l with the folders of data that hold a folder sub ("refs",
 * "docs"), in byte order; "_systems" and the like (a leading '_') are
 * not clusters. Same returns as nd_eval_list_dir. */
int nd_eval_list_clusters(nd_eval_names *l, const char *data,
			  const char *sub);
/* Frees the names; l is empty afterwards. */
void nd_eval_names_dispose(nd_eval_names *l);
/* Whether path is a folder. */
bool nd_eval_is_dir(const char *path);

#endif
