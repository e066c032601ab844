/* Who states a sentence, through the story's stem index. */
#ifndef ND_DIGEST_PROBE_H
#define ND_DIGEST_PROBE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */

#include "digest/dstory.h"

/* Finds the members stating a sentence through the stem index: only
 * sentences sharing a stem that the definition of "states" requires are
 * read, and only those whose shared stems could reach the thresholds are
 * compared in full. Scratch is allocated once per story. */
typedef struct nd_dprobe {
	const nd_dstory *s;
	size_t *list;     /* member positions found by the last run */
	uint32_t *hit;    /* story sentence of each of them stating it */
	uint32_t *stamp;  /* per sentence: last run that touched it */
	uint32_t mark;
	double *acc_w;    /* per sentence: IDF of probe stems shared */
	uint32_t *acc_n;  /* per sentence: probe stems shared */
	uint32_t *touched; /* sentences touched by the last run */
	bool *found;      /* per member, cleared after each run */
	uint32_t *stems;  /* the probed sentence's stems, by posting length */
	bool *skip;       /* per stem of it: left out of the probe */
} nd_dprobe;

/* Returns 0 or ND_ENOMEM; p is always safe to dispose. */
int nd_dprobe_init(nd_dprobe *p, const nd_dstory *s);
void nd_dprobe_dispose(nd_dprobe *p);
/* Member positions of every member stating story sentence g (its own
 * first) into p->list, and the sentence of each that states it into
 * p->hit; returns how many. */
size_t nd_dprobe_all(nd_dprobe *p, size_t g);
/* How many members besides its own state g, counting up to cap only. */
size_t nd_dprobe_support(nd_dprobe *p, size_t g, size_t cap);

#endif
