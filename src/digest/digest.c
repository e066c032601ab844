#include "digest/digest.h"

#include <string.h> /* memset */

#include "core/alloc.h"
#include "core/arena.h"
#include "digest/digest_internal.h"

int nd_digest_story(nd_story_digest *out, const nd_corpus *c,
		    const size_t *members, size_t n,
		    const nd_dedup_edge *edges, size_t n_edges,
		    const nd_digest_opts *opts, nd_arena *arena)
{
	nd_dstory s;
	nd_dprobe probe = { 0 };
	nd_summary_item *items = NULL;
	nd_dtrim *forms = NULL;
	size_t *chosen = NULL, n_chosen = 0, headline = 0;
	size_t max, i;
	unsigned words = opts ? opts->words : 0, bytes = opts ? opts->bytes : 0;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = nd_dstory_build(&s, c, members, n, edges, n_edges);
	if (rc || n == 0)
		goto done;
	rc = nd_digest_headline(&headline, &s);
	if (rc)
		goto done;
	/* Every summary sentence costs at least one unit of the budget. */
	max = s.n_sents;
	if (bytes && bytes < max)
		max = bytes;
	else if (!bytes && words && words < max)
		max = words;
	rc = ND_ENOMEM;
	chosen = nd_calloc(max + 1, sizeof(*chosen));
	forms = nd_calloc(max + 1, sizeof(*forms));
	if (chosen == NULL || forms == NULL)
		goto done;
	rc = nd_dprobe_init(&probe, &s);
	if (rc == ND_OK)
		rc = nd_digest_select(chosen, forms, &n_chosen, max, &probe,
				      words, bytes);
	if (rc == ND_OK)
		rc = nd_digest_order(chosen, forms, n_chosen, &s);
	if (rc)
		goto done;
	rc = ND_ENOMEM;
	if (n_chosen > 0) {
		items = nd_arena_calloc(arena, n_chosen, sizeof(*items));
		if (items == NULL)
			goto done;
	}
	for (i = 0; i < n_chosen; i++) {
		size_t sent;

		nd_dstory_doc(&s, chosen[i], &sent);
		items[i].doc = members[s.smember[chosen[i]]];
		items[i].sent = sent;
		items[i].form = forms[i];
	}
	rc = nd_digest_attribute(items, chosen, n_chosen, &probe, arena);
	if (rc)
		goto done;
	out->headline_doc = members[headline];
	out->items = items;
	out->n_items = n_chosen;
done:
	nd_dprobe_dispose(&probe);
	nd_dstory_dispose(&s);
	nd_free(chosen);
	nd_free(forms);
	return rc;
}

char *nd_digest_item_text(const nd_doc *d, const nd_summary_item *it,
			  nd_arena *arena)
{
	const nd_sentence *st = &d->sents[it->sent];
	char *text;
	size_t n;

	if (it->form.ntok == 0)
		return nd_arena_strndup(arena, d->text + st->off, st->len);
	text = nd_arena_alloc(arena, (size_t)it->form.len + 1);
	if (text == NULL)
		return NULL;
	n = nd_digest_trim_text(text, d, &it->form);
	text[n] = '\0';
	return text;
}
