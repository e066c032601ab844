/* score_cluster: a story clustering against the gold stories, by
 * cluster_score's measures.
 *
 *   score_cluster GOLD.jsonl PRED.tsv
 *
 * GOLD holds one object per line with "id" and "cluster" (strings or
 * numbers; other members are passed over), as the sets in
 * shared/data/cluster have them. PRED holds "STORY<TAB>ARTICLE" lines, as
 * `newsdigest cluster` prints them; more columns after ARTICLE, and lines
 * without a tab, are passed over. A gold item no PRED line names is a
 * story of its own (a rejected article placed nowhere); a PRED article
 * the gold lacks is counted and passed over. Exit status 0, or 2 when a
 * file cannot be read or a gold line is malformed. */
#include <stdio.h>  /* getline, printf */
#include <stdlib.h> /* free */
#include <string.h> /* memchr, memset */

#include "cluster_score.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/hashmap.h"
#include "ingest/json.h"

/* Longest id or cluster name read. */
#define NAME_MAX_BYTES 4096

typedef struct names {
	nd_strmap ids;      /* gold id -> item */
	nd_strmap clusters; /* gold cluster -> number */
	nd_strmap stories;  /* predicted story -> number */
	uint32_t *gold, *pred;
	size_t n, cap;
} names;

typedef struct gold_line {
	nd_json_member id, cluster;
	int seen;
} gold_line;

static int member(void *ctx, const nd_json_member *m)
{
	gold_line *g = ctx;

	if (nd_json_string_is(m->key, m->key_len, "id")) {
		g->id = *m;
		g->seen |= 1;
	} else if (nd_json_string_is(m->key, m->key_len, "cluster")) {
		g->cluster = *m;
		g->seen |= 2;
	}
	return 0;
}

/* The text of a string or number member into out. */
static int value_text(nd_buf *out, const nd_json_member *m)
{
	nd_buf_clear(out);
	if (m->kind == ND_JSON_STRING)
		return nd_json_unescape(out, m->value, m->value_len);
	if (m->kind == ND_JSON_NUMBER)
		return nd_buf_put(out, m->value, m->value_len);
	return ND_EFORMAT;
}

/* The number of name in map, a new one when it is not there yet. */
static int number_of(uint32_t *out, nd_strmap *map, const nd_buf *name)
{
	return nd_strmap_put(map, name->ptr ? name->ptr : "", name->len,
			     (uint32_t)map->count, out);
}

static int add_gold(names *s, nd_buf *id, nd_buf *cluster, const char *line,
		    size_t len)
{
	gold_line g = { 0 };
	nd_err err;
	uint32_t item, c;
	size_t before = s->ids.count;

	if (nd_json_parse_object(&err, line, len, member, &g) != ND_OK ||
	    g.seen != 3 || value_text(id, &g.id) != ND_OK ||
	    value_text(cluster, &g.cluster) != ND_OK)
		return ND_EFORMAT;
	if (number_of(&item, &s->ids, id) != ND_OK ||
	    number_of(&c, &s->clusters, cluster) != ND_OK)
		return ND_ENOMEM;
	if (s->ids.count == before)
		return ND_EFORMAT; /* the id came before */
	if (ND_ARRAY_PUSH(s->gold, s->n, s->cap, c))
		return ND_ENOMEM;
	return ND_OK;
}

/* Reads GOLD; 0, or 2 after saying what went wrong. */
static int read_gold(names *s, const char *path)
{
	nd_buf id = ND_BUF_INIT(NAME_MAX_BYTES);
	nd_buf cluster = ND_BUF_INIT(NAME_MAX_BYTES);
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int status = 0;

	if (f == NULL) {
		fprintf(stderr, "score_cluster: cannot read %s\n", path);
		return 2;
	}
	while (status == 0 && (n = getline(&line, &cap, f)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (n == 0)
			continue;
		if (add_gold(s, &id, &cluster, line, (size_t)n) != ND_OK) {
			fprintf(stderr, "score_cluster: %s:%zu: not an object "
				"with a new id and a cluster\n", path, lineno);
			status = 2;
		}
	}
	free(line);
	fclose(f);
	nd_buf_dispose(&id);
	nd_buf_dispose(&cluster);
	return status;
}

/* Reads PRED into s->pred; 0 or 2. *unknown counts articles the gold
 * lacks. */
static int read_pred(names *s, size_t *unknown, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, i;
	ssize_t n;
	int status = 0;

	*unknown = 0;
	if (f == NULL) {
		fprintf(stderr, "score_cluster: cannot read %s\n", path);
		return 2;
	}
	for (i = 0; i < s->n; i++)
		s->pred[i] = UINT32_MAX;
	while ((n = getline(&line, &cap, f)) > 0) {
		char *tab = memchr(line, '\t', (size_t)n), *end;
		size_t len = (size_t)n;
		uint32_t item, story;

		while (len > 0 &&
		       (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (tab == NULL || tab >= line + len)
			continue;
		/* Columns after the article (a score, a reason) are not
		 * its id. */
		end = memchr(tab + 1, '\t', (size_t)(line + len - tab - 1));
		if (end == NULL)
			end = line + len;
		if (!nd_strmap_get(&s->ids, tab + 1, (size_t)(end - tab - 1),
				   &item)) {
			++*unknown;
			continue;
		}
		if (nd_strmap_put(&s->stories, line, (size_t)(tab - line),
				  (uint32_t)s->stories.count, &story) != ND_OK) {
			fprintf(stderr, "score_cluster: out of memory\n");
			status = 2;
			break;
		}
		s->pred[item] = story;
	}
	free(line);
	fclose(f);
	return status;
}

int main(int argc, char **argv)
{
	names s;
	nd_cluster_scores sc;
	size_t unknown = 0, missing = 0, i;
	int status = 2;

	memset(&s, 0, sizeof(s));
	if (argc != 3) {
		fprintf(stderr, "usage: score_cluster GOLD.jsonl PRED.tsv\n");
		return 2;
	}
	if (nd_strmap_init(&s.ids) || nd_strmap_init(&s.clusters) ||
	    nd_strmap_init(&s.stories))
		goto no_memory;
	if (read_gold(&s, argv[1]) != 0)
		goto done;
	s.pred = nd_calloc(s.n + 1, sizeof(*s.pred));
	if (s.pred == NULL)
		goto no_memory;
	if (read_pred(&s, &unknown, argv[2]) != 0)
		goto done;
	/* Items placed nowhere: each a story of its own. */
	for (i = 0; i < s.n; i++)
		if (s.pred[i] == UINT32_MAX)
			s.pred[i] = (uint32_t)(s.stories.count + missing++);
	if (nd_cluster_score(&sc, s.gold, s.pred, s.n) != ND_OK)
		goto no_memory;
	printf("items %zu, gold stories %zu, predicted stories %zu (%zu items "
	       "placed nowhere count as stories of their own; %zu predicted "
	       "articles not in the gold)\n",
	       sc.items, sc.gold_clusters, sc.pred_clusters, missing,
	       unknown);
	printf("pairwise  P %.4f  R %.4f  F1 %.4f\n", sc.pair_p, sc.pair_r,
	       sc.pair_f1);
	printf("B-cubed   P %.4f  R %.4f  F1 %.4f\n", sc.b3_p, sc.b3_r,
	       sc.b3_f1);
	printf("ARI       %.4f\n", sc.ari);
	status = 0;
	goto done;
no_memory:
	fprintf(stderr, "score_cluster: out of memory\n");
done:
	nd_strmap_dispose(&s.ids);
	nd_strmap_dispose(&s.clusters);
	nd_strmap_dispose(&s.stories);
	nd_free(s.gold);
	nd_free(s.pred);
	return status;
}
