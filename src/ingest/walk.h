/* walk: inputs named by path, and the recursive walk of folders. */
#ifndef ND_INGEST_WALK_H
#define ND_INGEST_WALK_H

#include "ingest/intake.h"

/* Folders nested deeper than this under the given one are rejected. */
#define ND_WALK_MAX_DEPTH 64

/* Reads path: "-" is standard input (named "stdin"); a folder is walked
 * recursively, entries in byte order of their names, dot-files and
 * symlinked folders skipped, and only files nd_sniff_wanted takes read; any
 * other path is read as one file whatever its extension. Returns 0, the
 * sink's verdict, or ND_ENOMEM; unusable inputs are rejected through in. */
int nd_walk_path(nd_intake *in, const char *path);

#endif
