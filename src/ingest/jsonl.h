/* jsonl: JSON Lines inputs, one article object per line.
 *
 * Members read: id, url, title, text or html, published and source, with
 * the aliases date (published), content and body (text), site and outlet
 * (source); a canonical name wins over its aliases. id and published may
 * also be numbers, and source an object with a "name". Everything else is
 * checked and ignored. */
#ifndef ND_INGEST_JSONL_H
#define ND_INGEST_JSONL_H

#include <stddef.h> /* size_t */
#include <stdio.h>  /* FILE */

#include "ingest/intake.h"

/* Reads the JSON Lines input name from pre[0..pre_len) and then, when f is
 * not NULL, from the rest of f, one line at a time: a line may be in->cap
 * bytes long, the input ND_INGEST_JSONL_MAX. Each bad line is rejected as
 * "name:LINE" and the others are delivered as articles with the path
 * "name:LINE" and, when they have no id, the id "stem:LINE". Returns 0, the
 * sink's verdict, or ND_ENOMEM. */
int nd_jsonl_read(nd_intake *in, const char *name, const char *pre,
		  size_t pre_len, FILE *f);

#endif
