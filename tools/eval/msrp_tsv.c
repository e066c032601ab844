/* msrp_tsv: the MSRP pairs of a JSON Lines file as tab-separated lines for
 * "newsdigest similar --batch" and tools/fit_similar.
 *
 *   msrp_tsv < train.jsonl > pairs.tsv
 *
 * Each line {"label": 0|1, "id1": ..., "id2": ..., "text1": ...,
 * "text2": ...} becomes "LABEL<TAB>ID1<TAB>ID2<TAB>TEXT1<TAB>TEXT2", tabs
 * and line breaks inside the strings turned into spaces. Exit status: 0,
 * or 1 after naming each line that is not such an object (the rest is
 * written). */
#include <stdio.h>  /* getline, printf */
#include <stdlib.h> /* free */
#include <string.h> /* memset */

#include "core/buf.h"
#include "core/error.h"
#include "ingest/json.h"

/* Longest string field kept. */
#define FIELD_MAX 65536

enum { LABEL, ID1, ID2, TEXT1, TEXT2, NFIELDS };

static const char *const keys[NFIELDS] = {
	"label", "id1", "id2", "text1", "text2"
};

typedef struct pair {
	nd_json_member m[NFIELDS];
	int seen[NFIELDS];
} pair;

static int member(void *ctx, const nd_json_member *m)
{
	pair *p = ctx;
	int i;

	for (i = 0; i < NFIELDS; i++)
		if (nd_json_string_is(m->key, m->key_len, keys[i])) {
			p->m[i] = *m;
			p->seen[i] = 1;
		}
	return 0;
}

/* Decodes string member m into out, tabs and line breaks as spaces. */
static int decode(nd_buf *out, const nd_json_member *m)
{
	size_t i;

	nd_buf_clear(out);
	if (m->kind != ND_JSON_STRING ||
	    nd_json_unescape(out, m->value, m->value_len) != ND_OK)
		return ND_EFORMAT;
	for (i = 0; i < out->len; i++)
		if (out->ptr[i] == '\t' || out->ptr[i] == '\n' ||
		    out->ptr[i] == '\r')
			out->ptr[i] = ' ';
	return ND_OK;
}

/* One JSON line to one TSV line, or ND_EFORMAT with nothing written. */
static int convert(nd_buf *text, const char *line, size_t len)
{
	const nd_json_member *label;
	pair p;
	nd_err err;
	int i;

	memset(&p, 0, sizeof(p));
	if (nd_json_parse_object(&err, line, len, member, &p) != ND_OK)
		return ND_EFORMAT;
	for (i = 0; i < NFIELDS; i++)
		if (!p.seen[i])
			return ND_EFORMAT;
	label = &p.m[LABEL];
	if (label->kind != ND_JSON_NUMBER || label->value_len != 1 ||
	    (label->value[0] != '0' && label->value[0] != '1'))
		return ND_EFORMAT;
	for (i = ID1; i < NFIELDS; i++)
		if (decode(&text[i], &p.m[i]) != ND_OK)
			return ND_EFORMAT;
	putchar(label->value[0]);
	for (i = ID1; i < NFIELDS; i++) {
		putchar('\t');
		fwrite(text[i].ptr ? text[i].ptr : "", 1, text[i].len, stdout);
	}
	putchar('\n');
	return ND_OK;
}

int main(void)
{
	nd_buf text[NFIELDS];
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int status = 0, i;

	for (i = 0; i < NFIELDS; i++)
		nd_buf_init(&text[i], FIELD_MAX);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (n == 0)
			continue;
		if (convert(text, line, (size_t)n) != ND_OK) {
			fprintf(stderr, "msrp_tsv: line %zu: not a labelled "
				"pair\n", lineno);
			status = 1;
		}
	}
	free(line);
	for (i = 0; i < NFIELDS; i++)
		nd_buf_dispose(&text[i]);
	return status;
}
