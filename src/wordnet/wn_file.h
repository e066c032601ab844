/* One sorted WordNet text file, mapped and searched in place.
 *
 * WordNet's index, exception and sense-count files hold one entry per line,
 * sorted by their first field in byte order, so that a lookup is a binary
 * search. Nothing is parsed when a file is mapped: opening costs a system
 * call whatever the file's size, and each lookup reads a few pages. The
 * bytes are untrusted: a search never reads past the mapping, and a line
 * longer than ND_WN_LINE_MAX makes the lookup fail with ND_EFORMAT. */
#ifndef ND_WORDNET_WN_FILE_H
#define ND_WORDNET_WN_FILE_H

#include <stddef.h> /* size_t */

#include "core/error.h" /* nd_err */

/* Longest line a search accepts (WordNet 3.0's longest is under 2 KiB). */
#define ND_WN_LINE_MAX 16384
/* Largest file mapped (WordNet 3.0's index.noun is 4.6 MiB). */
#define ND_WN_FILE_MAX ((size_t)256 << 20)

typedef struct nd_wn_file {
	const char *data; /* the mapping, NULL when empty or unmapped */
	size_t size;
} nd_wn_file;

/* Maps path read-only into *f. Returns 0; ND_EIO (missing, unreadable),
 * ND_ETOOBIG or ND_EFORMAT (empty, or not ending in a newline), with
 * err->msg naming path. */
int nd_wn_file_map(nd_wn_file *f, const char *path, nd_err *err);
/* Unmaps; f is empty afterwards. Accepts an empty f. */
void nd_wn_file_unmap(nd_wn_file *f);

/* Finds the line whose first field (up to a space) is key[0..len), a key
 * without spaces or control bytes (others are never found): *line
 * points at it in the mapping (valid until nd_wn_file_unmap) and
 * *line_len is its length without the newline. Returns 0, ND_ENOTFOUND,
 * or ND_EFORMAT for an overlong line. */
int nd_wn_file_find(const char **line, size_t *line_len,
		    const nd_wn_file *f, const char *key, size_t len);
/* The first line that starts with prefix[0..len) as *line, *line_len;
 * the others follow it line by line. Same returns as nd_wn_file_find. */
int nd_wn_file_first(const char **line, size_t *line_len,
		     const nd_wn_file *f, const char *prefix, size_t len);
/* The line after line[0..line_len) as *next, *next_len. Returns 0,
 * ND_ENOTFOUND at the end of the file, or ND_EFORMAT. */
int nd_wn_file_next(const char **next, size_t *next_len,
		    const nd_wn_file *f, const char *line, size_t line_len);

#endif
