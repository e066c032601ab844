/* Unit tests of src/digest: headline, extractive summary, attribution.
 *
 * The story is invented: the reopening of the Harlan Bridge over Lake
 * Marrow, told by a wire (article 1), a copy of it (2, given as a dedup
 * edge) and three independent reports (3, 4, 5). Article 0 is an unrelated
 * report outside the story, so article and member numbers differ. */
#include "test_util.h"

#include <dirent.h> /* opendir */
#include <math.h>   /* pow */
#include <stdio.h>  /* snprintf */
#include <stdlib.h> /* qsort */

#include "core/alloc.h"
#include "core/arena.h"
#include "corpus_fixture.h"
#include "digest/digest.h"
#include "digest/candidates.h"
#include "digest/digest_internal.h"

static const char *const unrelated =
	"Tessby Rovers beat Carn United in the cup final\n\n"
	"Tessby Rovers won the regional cup on Saturday with a late goal "
	"from their young winger in front of a full stadium.\n"
	"The club will play in the national tournament next season for the "
	"first time in its history.\n";

static const char *const wire =
	"Harlan Bridge over Lake Marrow reopens after two-year repair\n\n"
	"The Harlan Bridge over Lake Marrow reopened to traffic on Monday "
	"after a two-year repair that cost the province 84 million crowns.\n"
	"Engineers replaced all 212 steel cables and rebuilt the eastern "
	"ramp, which cracked during the winter floods of 2022.\n"
	"He said the work had finished three weeks ahead of schedule and "
	"under budget.\n"
	"Will the tolls come back next year once the repair bill is paid?\n"
	"\"We are proud of this bridge and of everyone who worked on it. It "
	"will serve the lake for a century,\" Transport Minister Edda Colvin "
	"said at the ribbon-cutting ceremony.\n"
	"Ferry operators, who carried commuters across the lake during the "
	"closure, expect to lose most of their passengers.\n";

static const char *const copy =
	"Lake Marrow bridge back in service\n\n"
	"The Harlan Bridge over Lake Marrow reopened to traffic on Monday "
	"after a two-year repair that cost the province 84 million crowns.\n"
	"Engineers replaced all 212 steel cables and rebuilt the eastern "
	"ramp, which cracked during the winter floods of 2022.\n"
	"He said the work had finished three weeks ahead of schedule and "
	"under budget.\n"
	"\"We are proud of this bridge and of everyone who worked on it. It "
	"will serve the lake for a century,\" Transport Minister Edda Colvin "
	"said at the ribbon-cutting ceremony.\n"
	"Ferry companies, which carried commuters across the lake during the "
	"closure, expect to lose most of their trade.\n";

static const char *const commuters =
	"Commuters cheer as Harlan Bridge reopens to traffic\n\n"
	"Drivers honked their horns as the first cars crossed the Harlan "
	"Bridge shortly after dawn on Monday.\n"
	"The bridge over Lake Marrow reopened after a two-year repair that "
	"cost the province 84 million crowns.\n"
	"Transport Minister Edda Colvin said the bridge would carry about "
	"30,000 vehicles a day.\n"
	"Engineers replaced the 212 steel cables of the bridge and rebuilt "
	"its eastern ramp.\n";

static const char *const province =
	"Province reopens Harlan Bridge after long repair\n\n"
	"After a two-year repair costing 84 million crowns, the province "
	"reopened the Harlan Bridge over Lake Marrow to traffic on Monday.\n"
	"Shop owners in the lakeside town of Tessby said trade had fallen by "
	"half while the bridge was closed.\n"
	"But the opposition called the repair bill far too high for a single "
	"crossing of the lake.\n";

static const char *const ferries =
	"Lake Marrow ferries face an uncertain future\n\n"
	"Ferry operators on Lake Marrow fear for their jobs now that the "
	"Harlan Bridge has reopened to traffic.\n"
	"The bridge reopened on Monday after a two-year repair costing the "
	"province 84 million crowns, officials said.\n"
	"They carried more than a million passengers across the lake during "
	"the closure.\n"
	"Spare dinghies and lifejackets will be auctioned at a quayside fair "
	"in Orvik on Thursday.\n";

/* A text without a title line that restates the core fact. */
static const char *const untitled =
	"The Harlan Bridge over Lake Marrow reopened to traffic on Monday "
	"after a two-year repair that cost the province 84 million crowns.\n"
	"Engineers replaced all 212 steel cables and rebuilt the eastern "
	"ramp of the bridge.\n";

static const size_t story[] = { 1, 2, 3, 4, 5 };
static const nd_dedup_edge copy_edge[] = {
	{ 1, 2, ND_REL_NEAR_DUPLICATE, 0.9 },
};

typedef struct fixture {
	fx_corpus fx;
} fixture;

/* Adds a titled text and records its title as the pipeline would. */
static void add_titled(fx_corpus *f, const char *id, const char *text,
		       const char *published)
{
	const char *nl = strchr(text, '\n');
	size_t i = f->n;

	assert_int_equal(fx_add_titled(f, id, text, published), 0);
	f->titles[i] = nd_arena_strndup(f->arena, text, (size_t)(nl - text));
	assert_non_null(f->titles[i]);
}

static int setup(void **state)
{
	fixture *t = calloc(1, sizeof(*t));

	if (t == NULL || fx_init(&t->fx))
		return -1;
	add_titled(&t->fx, "unrelated", unrelated, NULL);
	add_titled(&t->fx, "wire", wire, NULL);
	add_titled(&t->fx, "copy", copy, NULL);
	add_titled(&t->fx, "commuters", commuters, NULL);
	add_titled(&t->fx, "province", province, NULL);
	add_titled(&t->fx, "ferries", ferries, NULL);
	if (fx_add(&t->fx, "untitled", untitled, 0, NULL))
		return -1;
	fx_finish(&t->fx);
	*state = t;
	return 0;
}

static int teardown(void **state)
{
	fixture *t = *state;

	fx_free(&t->fx);
	free(t);
	return 0;
}

static const nd_sentence *item_sent(const nd_corpus *c,
				    const nd_summary_item *it)
{
	assert_true(it->doc < c->n);
	assert_true(it->sent < c->docs[it->doc].nsents);
	return &c->docs[it->doc].sents[it->sent];
}

/* The text of an item as shown (whole or trimmed), NUL-terminated
 * (static buffer). */
static const char *item_text(const nd_corpus *c, const nd_summary_item *it)
{
	static char buf[1024];
	const nd_sentence *s = item_sent(c, it);
	size_t n;

	if (it->form.ntok == 0) {
		snprintf(buf, sizeof(buf), "%.*s", (int)s->len,
			 c->docs[it->doc].text + s->off);
		return buf;
	}
	/* A trimmed form is the end of its sentence. */
	assert_true(it->form.off > s->off &&
		    it->form.off + it->form.len == s->off + s->len);
	assert_true(it->form.len < sizeof(buf));
	n = nd_digest_trim_text(buf, &c->docs[it->doc], &it->form);
	buf[n] = '\0';
	return buf;
}

static size_t words_of(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s; s++) {
		int space = *s == ' ' || *s == '\n' || *s == '\t';

		if (!space && !in)
			n++;
		in = !space;
	}
	return n;
}

static bool is_member(const size_t *members, size_t n, size_t doc)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (members[i] == doc)
			return true;
	}
	return false;
}

/* What every digest must satisfy, whatever the budget. */
static void check_invariants(const nd_corpus *c, const size_t *members,
			     size_t n, const nd_story_digest *d)
{
	size_t i, j;

	if (n > 0)
		assert_true(is_member(members, n, d->headline_doc));
	for (i = 0; i < d->n_items; i++) {
		const nd_summary_item *it = &d->items[i];
		const nd_sentence *s = item_sent(c, it);
		bool own = false;

		assert_true(is_member(members, n, it->doc));
		assert_false(s->flags & (ND_SENT_TITLE | ND_SENT_QUESTION));
		assert_true(it->n_sources >= 1);
		for (j = 0; j < it->n_sources; j++) {
			assert_true(is_member(members, n, it->sources[j]));
			if (j > 0)
				assert_true(it->sources[j - 1] <
					    it->sources[j]);
			own |= it->sources[j] == it->doc;
		}
		assert_true(own);
		for (j = 0; j < i; j++) {
			const nd_summary_item *o = &d->items[j];

			assert_true(nd_sentence_similarity(
					    c->vocab, &c->docs[it->doc],
					    it->sent, &c->docs[o->doc],
					    o->sent) < 0.5);
		}
	}
}

static size_t total_words(const nd_corpus *c, const nd_story_digest *d)
{
	size_t i, w = 0;

	for (i = 0; i < d->n_items; i++)
		w += words_of(item_text(c, &d->items[i]));
	return w;
}

static void digest(nd_story_digest *d, fixture *t, const size_t *members,
		   size_t n, const nd_dedup_edge *edges, size_t n_edges,
		   unsigned words, unsigned bytes)
{
	nd_digest_opts o = { words, bytes };

	assert_int_equal(nd_digest_story(d, &t->fx.c, members, n, edges,
					 n_edges, &o, t->fx.arena),
			 ND_OK);
	check_invariants(&t->fx.c, members, n, d);
}

static void word_budget_is_exact(void **state)
{
	static const unsigned budgets[] = { 1, 6, 10, 15, 20, 25, 30, 40,
					    60, 100, 150, 400 };
	fixture *t = *state;
	nd_story_digest d;
	size_t i;

	for (i = 0; i < sizeof(budgets) / sizeof(budgets[0]); i++) {
		digest(&d, t, story, 5, copy_edge, 1, budgets[i], 0);
		assert_true(total_words(&t->fx.c, &d) <= budgets[i]);
		if (budgets[i] >= 25)
			assert_true(d.n_items > 0);
	}
	/* 0 means the default of 100 words. */
	digest(&d, t, story, 5, copy_edge, 1, 0, 0);
	assert_true(total_words(&t->fx.c, &d) <= 100);
	assert_true(total_words(&t->fx.c, &d) > 40);
}

static void byte_budget_is_exact(void **state)
{
	static const unsigned budgets[] = { 1, 40, 100, 140, 200, 300, 600,
					    2000 };
	fixture *t = *state;
	nd_story_digest d;
	size_t i, k;

	for (i = 0; i < sizeof(budgets) / sizeof(budgets[0]); i++) {
		size_t bytes = 0;

		digest(&d, t, story, 5, copy_edge, 1, 5, budgets[i]);
		for (k = 0; k < d.n_items; k++)
			bytes += strlen(item_text(&t->fx.c, &d.items[k])) + 1;
		assert_true(bytes <= budgets[i]);
		if (budgets[i] >= 200)
			assert_true(d.n_items > 0);
	}
}

/* Every sentence with a dateline and an opener: two trimmed forms each,
 * all of them candidates (the forms' concept pool must hold them). */
static void dated_openers_everywhere(void **state)
{
	static const char *const texts[] = {
		"Ferry trade\n\nTESSBY (AP) _ On Monday, ferry operators on "
		"Lake Marrow said trade had fallen by half.\nTESSBY (AP) _ "
		"But ferry operators on Lake Marrow still run four boats a "
		"day across the lake.\n",
		"Ferries\n\nMARROW (AP) _ On Monday, ferry operators on Lake "
		"Marrow said trade had fallen by half.\nMARROW (AP) _ But "
		"ferry operators on Lake Marrow still run four boats a day "
		"across the lake.\n",
		"Lake ferries\n\nHARLAN (AP) _ On Monday, ferry operators on "
		"Lake Marrow said their trade had fallen by half.\n",
	};
	static const char *const ids[] = { "a", "b", "c" };
	static const size_t all[] = { 0, 1, 2 };
	nd_digest_opts o = { 100, 0 };
	nd_story_digest d;
	fx_corpus f;
	size_t i;

	(void)state;
	assert_int_equal(fx_init(&f), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(fx_add_titled(&f, ids[i], texts[i],
					       NULL),
				 0);
	fx_finish(&f);
	assert_int_equal(nd_digest_story(&d, &f.c, all, 3, NULL, 0, &o,
					 f.arena),
			 ND_OK);
	assert_true(d.n_items > 0);
	for (i = 0; i < d.n_items; i++)
		assert_not_contains(item_text(&f.c, &d.items[i]), "(AP)");
	fx_free(&f);
}

static void widely_reported_sentence_lists_all(void **state)
{
	fixture *t = *state;
	nd_story_digest d;
	size_t i, found = 0;

	digest(&d, t, story, 5, copy_edge, 1, 100, 0);
	for (i = 0; i < d.n_items; i++) {
		const nd_summary_item *it = &d.items[i];

		if (strstr(item_text(&t->fx.c, it), "84 million crowns") ==
		    NULL)
			continue;
		found++;
		/* The wire holds it first; its copy and all three
		 * independent reports state it too. */
		assert_int_equal(it->doc, 1);
		assert_int_equal(it->n_sources, 5);
		assert_memory_equal(it->sources, story, sizeof(story));
	}
	assert_int_equal(found, 1);
}

static void unfit_sentences_never_chosen(void **state)
{
	static const char *const banned[] = {
		"He said", "Will the tolls", "But the opposition",
		"They carried", "Spare dinghies",
		"\"We are proud", "will serve the lake", "Harlan Bridge over "
		"Lake Marrow reopens", "Lake Marrow ferries face",
	};
	static const unsigned budgets[] = { 30, 60, 100, 200, 1000 };
	fixture *t = *state;
	nd_story_digest d;
	size_t b, i, k;

	for (b = 0; b < sizeof(budgets) / sizeof(budgets[0]); b++) {
		digest(&d, t, story, 5, copy_edge, 1, budgets[b], 0);
		for (i = 0; i < d.n_items; i++) {
			const char *s = item_text(&t->fx.c, &d.items[i]);

			for (k = 0; k < sizeof(banned) / sizeof(*banned); k++)
				assert_not_contains(s, banned[k]);
		}
	}
	/* With the whole story affordable, every fit sentence of substance
	 * could go in, yet near-copies still appear once. */
	digest(&d, t, story, 5, copy_edge, 1, 1000, 0);
	assert_true(d.n_items >= 4);
}

/* A budget the backed sentences fill under half of is filled on with
 * lone ones: the reader asked for that length, and the cap that keeps a
 * summary mostly backed would stop it far short. */
static void short_summary_filled(void **state)
{
	fixture *t = *state;
	nd_story_digest d;
	size_t i, lone = 0, backed = 0;

	digest(&d, t, story, 5, copy_edge, 1, 400, 0);
	for (i = 0; i < d.n_items; i++) {
		*(d.items[i].n_sources >= 2 ? &backed : &lone) += 1;
	}
	assert_true(lone > backed);
}

static void reading_order(void **state)
{
	fixture *t = *state;
	nd_story_digest d;
	size_t i;

	digest(&d, t, story, 5, copy_edge, 1, 1000, 0);
	for (i = 1; i < d.n_items; i++) {
		const nd_summary_item *a = &d.items[i - 1], *b = &d.items[i];
		double ra = (double)a->sent / t->fx.docs[a->doc].nsents;
		double rb = (double)b->sent / t->fx.docs[b->doc].nsents;

		assert_true(ra < rb || (ra == rb && a->doc < b->doc));
	}
}

/* The first item comes from an article of the earliest day. */
static bool day_of_first_is_earliest(const nd_story_digest *d)
{
	return d->items[0].doc == 3 || d->items[0].doc == 4;
}

static void chronological_when_dated(void **state)
{
	fixture *t = *state;
	const char *saved[FX_MAX_DOCS];
	nd_story_digest d;
	size_t i;

	memcpy(saved, t->fx.published, sizeof(saved));
	/* The independent reports came out first, the wire last. */
	t->fx.published[1] = "2024-05-08T09:00:00Z";
	t->fx.published[2] = "2024-05-08T11:00:00Z";
	t->fx.published[3] = "2024-05-06";
	t->fx.published[4] = "2024-05-06T18:00:00+02:00";
	t->fx.published[5] = "2024-05-07";
	digest(&d, t, story, 5, copy_edge, 1, 1000, 0);
	memcpy(t->fx.published, saved, sizeof(saved));
	assert_true(d.n_items >= 2);
	for (i = 1; i < d.n_items; i++) {
		/* Publication day of each article of the story, by index. */
		static const int day[] = { 0, 8, 8, 6, 6, 7 };

		assert_true(day[d.items[i - 1].doc] <= day[d.items[i].doc]);
	}
	assert_true(day_of_first_is_earliest(&d));
}

static void headline_is_central_and_titled(void **state)
{
	static const size_t with_untitled[] = { 1, 3, 4, 5, 6 };
	fixture *t = *state;
	nd_story_digest d;

	digest(&d, t, story, 5, copy_edge, 1, 100, 0);
	/* The ferries piece is an angle, not the story. */
	assert_true(d.headline_doc >= 1 && d.headline_doc <= 4);
	/* The untitled article is the most central lead but has no title. */
	digest(&d, t, with_untitled, 5, NULL, 0, 100, 0);
	assert_int_not_equal(d.headline_doc, 6);
	assert_true(t->fx.titles[d.headline_doc][0] != '\0');
}

static void empty_and_single_stories(void **state)
{
	static const size_t one[] = { 4 };
	fixture *t = *state;
	nd_story_digest d;
	size_t i;

	digest(&d, t, NULL, 0, copy_edge, 1, 100, 0);
	assert_int_equal(d.n_items, 0);
	assert_null(d.items);

	digest(&d, t, one, 1, copy_edge, 1, 100, 0);
	assert_int_equal(d.headline_doc, 4);
	assert_true(d.n_items > 0);
	for (i = 0; i < d.n_items; i++) {
		assert_int_equal(d.items[i].doc, 4);
		assert_int_equal(d.items[i].n_sources, 1);
		assert_int_equal(d.items[i].sources[0], 4);
		assert_not_contains(item_text(&t->fx.c, &d.items[i]), "But");
	}
}

static void deterministic(void **state)
{
	fixture *t = *state;
	nd_story_digest a, b;
	size_t i;

	digest(&a, t, story, 5, copy_edge, 1, 60, 0);
	digest(&b, t, story, 5, copy_edge, 1, 60, 0);
	assert_int_equal(a.headline_doc, b.headline_doc);
	assert_int_equal(a.n_items, b.n_items);
	for (i = 0; i < a.n_items; i++) {
		assert_int_equal(a.items[i].doc, b.items[i].doc);
		assert_int_equal(a.items[i].sent, b.items[i].sent);
		assert_int_equal(a.items[i].n_sources, b.items[i].n_sources);
		assert_memory_equal(a.items[i].sources, b.items[i].sources,
				    a.items[i].n_sources * sizeof(size_t));
	}
}

static void out_of_memory_is_reported(void **state)
{
	fixture *t = *state;
	nd_digest_opts o = { 100, 0 };
	nd_story_digest d;
	unsigned long k;
	int rc = ND_ENOMEM;

	for (k = 1; k < 10000 && rc != ND_OK; k++) {
		nd_alloc_fail_after(k);
		rc = nd_digest_story(&d, &t->fx.c, story, 5, copy_edge, 1, &o,
				     t->fx.arena);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
		if (rc == ND_ENOMEM)
			assert_int_equal(d.n_items, 0);
	}
	assert_int_equal(rc, ND_OK);
	assert_true(k > 5);
}

/* Story sentence number of the first sentence of doc holding needle. */
static size_t find_sentence(const nd_dstory *s, size_t member,
			    const char *needle)
{
	const nd_doc *d = &s->c->docs[s->members[member]];
	size_t k;

	for (k = 0; k < d->nsents; k++) {
		if (strstr(d->text + d->sents[k].off, needle) ==
		    d->text + d->sents[k].off)
			return s->sbase[member] + k;
	}
	fail_msg("no sentence opening with \"%s\"", needle);
	return 0;
}

static uint32_t max_weight(const nd_dstory *s, size_t g)
{
	uint32_t w = 0;
	size_t k;

	for (k = s->cbeg[g]; k < s->cbeg[g + 1]; k++) {
		if (s->weight[s->cids[k]] > w)
			w = s->weight[s->cids[k]];
	}
	return w;
}

/* The story of t's five articles as one dstory, grouped by edges. */
static void story_of(nd_dstory *s, fixture *t, const nd_dedup_edge *edges,
		     size_t n_edges)
{
	assert_int_equal(nd_dstory_build(s, &t->fx.c, story, 5, edges,
					 n_edges),
			 ND_OK);
}

static void copies_count_once(void **state)
{
	fixture *t = *state;
	nd_dstory s;

	story_of(&s, t, copy_edge, 1);
	/* Members 0 and 1 (articles 1 and 2) are one group of four. */
	assert_int_equal(s.n_groups, 4);
	assert_int_equal(s.group[0], s.group[1]);
	assert_int_not_equal(s.group[0], s.group[2]);
	/* The core fact is in every group, the copy adding nothing. */
	assert_int_equal(max_weight(&s, find_sentence(&s, 0, "The Harlan")),
			 4);
	/* With four groups, what one article alone says weighs nothing. */
	assert_int_equal(max_weight(&s, find_sentence(&s, 4, "Spare")), 0);
	/* Sentences of the copy are the wire's, found through the index. */
	assert_true(nd_dstory_same(&s, find_sentence(&s, 0, "Ferry"),
				   find_sentence(&s, 1, "Ferry")));
	assert_false(nd_dstory_same(&s, find_sentence(&s, 0, "Ferry"),
				    find_sentence(&s, 4, "Spare")));
	nd_dstory_dispose(&s);
}

/* Concepts of sentence g weighing w. */
static size_t count_weight(const nd_dstory *s, size_t g, uint32_t w)
{
	size_t k, n = 0;

	for (k = s->cbeg[g]; k < s->cbeg[g + 1]; k++)
		n += s->weight[s->cids[k]] == w;
	return n;
}

/* A group of half the story's articles or more is its main account:
 * what that group alone says still counts, once; a smaller group's own
 * words weigh nothing. */
static const nd_dedup_edge main_edges[] = {
	{ 1, 2, ND_REL_NEAR_DUPLICATE, 0.9 },
	{ 1, 3, ND_REL_REWRITE_OF, 0.7 },
};

static void main_account_counts(void **state)
{
	fixture *t = *state;
	nd_dstory s;

	story_of(&s, t, main_edges, 2);
	assert_int_equal(s.n_groups, 3);
	assert_true(count_weight(&s, find_sentence(&s, 0, "He said"), 1) > 0);
	assert_int_equal(max_weight(&s, find_sentence(&s, 4, "Spare")), 0);
	nd_dstory_dispose(&s);
	story_of(&s, t, copy_edge, 1);
	assert_int_equal(count_weight(&s, find_sentence(&s, 0, "He said"), 1),
			 0);
	nd_dstory_dispose(&s);
}

/* Stems of sentence g of s whose value is what subject_stems_count
 * expects: a share of their weight's power when half the groups or more
 * name them, else nothing; *lone counts the stems of weight 1. */
static size_t subject_stems(const nd_dstory *s, size_t g, size_t *lone)
{
	size_t k, ok = 0;

	*lone = 0;
	for (k = s->cbeg[g]; k < s->cbeg[g] + s->nuni[g]; k++) {
		uint32_t c = s->cids[k], w = s->weight[c];
		double full = pow((double)w, 1.75);

		*lone += w == 1;
		if (2 * w >= s->n_groups)
			ok += nd_dstory_value(s, c) > 0 &&
			      nd_dstory_value(s, c) < full / 2;
		else
			ok += nd_dstory_value(s, c) == 0;
	}
	return ok;
}

/* A stem counts a little, and only when half the story's groups or more
 * name it (its subject): word pairs still choose; what the main account
 * alone says counts as its pairs, not as its words. */
static void subject_stems_count(void **state)
{
	fixture *t = *state;
	nd_dstory s;
	size_t g, lone;

	story_of(&s, t, main_edges, 2);
	assert_int_equal(s.n_groups, 3);
	g = find_sentence(&s, 0, "He said");
	assert_int_equal(subject_stems(&s, g, &lone), s.nuni[g]);
	assert_true(lone > 0);
	assert_true(count_weight(&s, g, 1) > lone);
	g = find_sentence(&s, 0, "The Harlan");
	assert_int_equal(subject_stems(&s, g, &lone), s.nuni[g]);
	assert_true(max_weight(&s, g) == 3);
	nd_dstory_dispose(&s);
}

/* The probe, reading only sentences the stem index offers, finds exactly
 * the members a comparison with every sentence of the story finds. */
static void check_probe_exact(const nd_dstory *s)
{
	nd_dprobe p;
	bool *want = calloc(s->n + 1, sizeof(*want));
	size_t q, t, i, m, n_want;

	assert_non_null(want);
	assert_int_equal(nd_dprobe_init(&p, s), ND_OK);
	for (q = 0; q < s->n_sents; q++) {
		size_t found = nd_dprobe_all(&p, q);

		memset(want, 0, s->n * sizeof(*want));
		want[s->smember[q]] = true;
		for (t = 0; t < s->n_sents; t++) {
			if (nd_dstory_states(s, q, t))
				want[s->smember[t]] = true;
		}
		for (m = n_want = 0; m < s->n; m++)
			n_want += want[m];
		assert_int_equal(found, n_want);
		assert_int_equal(p.list[0], s->smember[q]);
		for (i = 0; i < found; i++)
			assert_true(want[p.list[i]]);
		assert_int_equal(nd_dprobe_support(&p, q, 1),
				 n_want > 1 ? 1 : 0);
	}
	nd_dprobe_dispose(&p);
	free(want);
}

static void check_probe_on(const nd_corpus *c, const size_t *members,
			   size_t n)
{
	nd_dstory s;

	assert_int_equal(nd_dstory_build(&s, c, members, n, NULL, 0), ND_OK);
	check_probe_exact(&s);
	nd_dstory_dispose(&s);
}

static void probe_is_exact(void **state)
{
	fixture *t = *state;

	check_probe_on(&t->fx.c, story, 5);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* A trimmed form's concepts: with nothing cut, the sentence's own; with
 * its opener cut, a subset of them without the opener's words ("But the
 * opposition called..." loses "but the", kept words keep theirs). */
static void form_concepts(void **state)
{
	fixture *t = *state;
	nd_dstory s;
	uint32_t out[3 * 64];
	uint64_t seq[3 * 64];
	static const nd_dcut whole = { 0, 0, 0 }, opener = { 1, 0, 0 };
	size_t g, n, nuni, k, cut = 0;

	assert_int_equal(nd_dstory_build(&s, &t->fx.c, story, 5, copy_edge,
					 1),
			 ND_OK);
	assert_true(s.max_ntok <= 64);
	for (g = 0; g < s.n_sents; g++) {
		const uint32_t *own = s.cids + s.cbeg[g];
		size_t n_own = s.cbeg[g + 1] - s.cbeg[g], sent;
		const nd_doc *d = nd_dstory_doc(&s, g, &sent);

		n = nd_dstory_form(&s, g, &whole, out, &nuni, seq);
		assert_int_equal(n, n_own);
		assert_int_equal(nuni, s.nuni[g]);
		assert_memory_equal(out, own, n * sizeof(*out));
		if (d->sents[sent].ntok < 2)
			continue;
		n = nd_dstory_form(&s, g, &opener, out, &nuni, seq);
		assert_true(n <= n_own);
		for (k = 0; k < n; k++) {
			const uint32_t *from = k < nuni ? own : own + s.nuni[g];
			size_t m = k < nuni ? s.nuni[g] : n_own - s.nuni[g];

			assert_non_null(bsearch(&out[k], from, m, sizeof(*own),
						cmp_u32));
		}
		cut += n < n_own;
	}
	assert_true(cut > 0);
	nd_dstory_dispose(&s);
}

static void containment_states(void **state)
{
	static const size_t both[] = { 0, 1 };
	fx_corpus f;
	nd_dstory s;

	(void)state;
	assert_int_equal(fx_init(&f), 0);
	assert_int_equal(
		fx_add_titled(&f, "long",
			      "Repair works\n\nEngineers replaced the steel "
			      "cables of the Harlan Bridge during a long and "
			      "costly repair that lasted two full years and "
			      "closed the main coast road to all lorries.\n",
			      NULL),
		0);
	assert_int_equal(fx_add_titled(&f, "short",
				       "Cables\n\nEngineers replaced the steel "
				       "cables of the bridge.\n",
				       NULL),
			 0);
	fx_finish(&f);
	assert_int_equal(nd_dstory_build(&s, &f.c, both, 2, NULL, 0), ND_OK);
	/* Sentence 1 of each: the body after the title. */
	assert_false(nd_dstory_same(&s, 3, 1));
	/* All the short one's content is in the long one... */
	assert_true(nd_dstory_states(&s, 3, 1));
	/* ...but not the other way round. */
	assert_false(nd_dstory_states(&s, 1, 3));
	check_probe_exact(&s);
	nd_dstory_dispose(&s);
	fx_free(&f);
}

/* A sentence of four everyday words and one rare one is stated by another
 * holding the four. In a large corpus the four weigh under a third of the
 * sentence, so the probe may leave them out only while the rest could
 * still make up four fifths of it. */
static void probe_keeps_containment(void **state)
{
	enum { FILLERS = 1000 };
	static const char zebras[] =
		"The harbour council vote on the budget: zebras.\n";
	static const char again[] = "The harbour council will vote again on "
				    "the budget next week.\n";
	static const char filler[] =
		"A harbour council vote on the budget was held.\n";
	static const size_t both[] = { 0, 1 };
	nd_doc *docs = calloc(FILLERS + 2, sizeof(*docs));
	nd_corpus c = { 0 };
	nd_vocab *v = NULL;
	nd_arena *a = NULL;
	nd_dstory s;
	size_t i;

	(void)state;
	assert_non_null(docs);
	assert_int_equal(nd_vocab_create(&v, NULL), ND_OK);
	assert_int_equal(nd_arena_create(&a), ND_OK);
	for (i = 0; i < FILLERS + 2; i++) {
		const char *text = i == 0 ? zebras : i == 1 ? again : filler;

		assert_int_equal(nd_analyse(&docs[i], v, a, text,
					    strlen(text), 0),
				 ND_OK);
		nd_vocab_count_doc(v, &docs[i]);
	}
	c.n = FILLERS + 2;
	c.docs = docs;
	c.vocab = v;
	assert_int_equal(nd_dstory_build(&s, &c, both, 2, NULL, 0), ND_OK);
	assert_true(nd_dstory_states(&s, 0, 1));
	assert_false(nd_dstory_same(&s, 0, 1));
	check_probe_exact(&s);
	nd_dstory_dispose(&s);
	nd_arena_free(a);
	nd_vocab_free(v);
	free(docs);
}

/* ---- The sentence filter on its own ---- */

/* Analyses a one-paragraph text into t's corpus (no title) and returns
 * the candidate verdict of each sentence as a string of 'y'/'n'. */
/* Analyses text into *doc of t's corpus and resolves *lex there. */
static void analysed(nd_doc *doc, nd_dlex *lex, fixture *t, const char *text)
{
	assert_int_equal(nd_analyse(doc, t->fx.vocab, t->fx.arena, text,
				    strlen(text), 0),
			 ND_OK);
	nd_dlex_init(lex, t->fx.vocab);
}

static const char *verdicts(fixture *t, const char *text)
{
	static char out[64];
	nd_doc doc;
	nd_dlex lex;
	size_t i;

	analysed(&doc, &lex, t, text);
	for (i = 0; i < doc.nsents && i + 1 < sizeof(out); i++) {
		const nd_sentence *s = &doc.sents[i];

		out[i] = nd_digest_candidate(
				 &lex, &doc, i,
				 nd_digest_count_words(text + s->off, s->len),
				 false,
				 nd_digest_has_quote(text + s->off, s->len))
				 ? 'y'
				 : 'n';
	}
	out[i] = '\0';
	return out;
}

/* Analyses a one-sentence text into t's corpus and returns its trimmed
 * form as shown, "" when there is none or it is unfit to stand alone. */
static const char *trimmed(fixture *t, const char *text)
{
	static char out[256];
	nd_doc doc;
	nd_dlex lex;
	nd_dtrim tr;
	size_t n;
	bool quoted;

	analysed(&doc, &lex, t, text);
	out[0] = '\0';
	quoted = nd_digest_has_quote(text + doc.sents[0].off,
				     doc.sents[0].len);
	if (!nd_digest_trim(&tr, &lex, &doc, 0, true, quoted) ||
	    !nd_digest_candidate_trim(
		    &lex, &doc, 0, &tr,
		    nd_digest_count_words(text + tr.off, tr.len), quoted))
		return out;
	assert_true(tr.len < sizeof(out));
	n = nd_digest_trim_text(out, &doc, &tr);
	out[n] = '\0';
	return out;
}

/* Analyses a one-sentence text into t's corpus and returns it as shown
 * without its aside, "" when there is none or it is unfit. */
static const char *without_aside(fixture *t, const char *text)
{
	static char out[256];
	nd_doc doc;
	nd_dlex lex;
	nd_dtrim whole, tr;
	size_t n;
	bool quoted;

	analysed(&doc, &lex, t, text);
	memset(&whole, 0, sizeof(whole));
	out[0] = '\0';
	quoted = nd_digest_has_quote(text + doc.sents[0].off,
				     doc.sents[0].len);
	if (!nd_digest_trim_aside(&tr, &lex, &doc, 0, &whole, quoted) ||
	    !nd_digest_candidate_trim(&lex, &doc, 0, &tr,
				      nd_digest_trim_words(&doc, &tr), quoted))
		return out;
	assert_true(tr.len < sizeof(out));
	n = nd_digest_trim_text(out, &doc, &tr);
	out[n] = '\0';
	assert_int_equal(nd_digest_trim_words(&doc, &tr), words_of(out));
	return out;
}

/* A short relative clause set off by commas goes, inside or at the end;
 * nothing else, and never where the rest would not read. */
static void aside_rules(void **state)
{
	static const char *const cases[][2] = {
		{ "Ferry companies, which carried commuters across the lake, "
		  "expect to lose trade.",
		  "Ferry companies expect to lose trade." },
		{ "The minister opened the Harlan Bridge, which cost 84 "
		  "million crowns.",
		  "The minister opened the Harlan Bridge." },
		/* Too long to be a detail. */
		{ "Ferry companies, which carried commuters across the lake "
		  "during the two years of closure, expect to lose trade.",
		  "" },
		/* The comma closed an opening phrase or a list. */
		{ "Unlike the ferries, which cost more, the bridge is open all "
		  "night.",
		  "" },
		{ "The bridge, which links Tessby, Orvik and Carn, reopened on "
		  "Monday.",
		  "" },
		/* Appositions and quotations stay whole. */
		{ "Edda Colvin, the transport minister, opened the bridge on "
		  "Monday.",
		  "" },
		{ "Colvin, who cut the ribbon, called it \"a bridge for a "
		  "century\" on Monday.",
		  "" },
	};
	fixture *t = *state;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(without_aside(t, cases[i][0]),
				    cases[i][1]);
}

static void trim_rules(void **state)
{
	fixture *t = *state;

	/* Connectives and settings go, two at most, the rest capitalised. */
	assert_string_equal(
		trimmed(t, "However, the province kept the tolls on the old "
			   "crossing for now."),
		"The province kept the tolls on the old crossing for now.");
	assert_string_equal(
		trimmed(t, "But on Monday, the bridge reopened to traffic "
			   "after a two-year repair."),
		"The bridge reopened to traffic after a two-year repair.");
	assert_string_equal(
		trimmed(t, "In Tessby, shop owners said trade had fallen by "
			   "half during the closure."),
		"Shop owners said trade had fallen by half during the "
		"closure.");
	/* A phrase answering an earlier sentence goes too. */
	assert_string_equal(
		trimmed(t, "On the other hand, the ferry operators fear for "
			   "their jobs."),
		"The ferry operators fear for their jobs.");
	assert_string_equal(
		trimmed(t, "For its part, the province kept the tolls on the "
			   "old crossing."),
		"The province kept the tolls on the old crossing.");
	/* A wire dateline is furniture; a dash after words in lower case is
	 * part of the sentence. */
	assert_string_equal(
		trimmed(t, "TESSBY, Marrow (AP) _ Ferry operators on the lake "
			   "fear for their jobs after the reopening."),
		"Ferry operators on the lake fear for their jobs after the "
		"reopening.");
	assert_string_equal(
		trimmed(t, "The ferry operators _ four families in all _ fear "
			   "for their jobs after the reopening."),
		"");
	/* Before a quotation, only the dateline goes. */
	assert_string_equal(
		trimmed(t, "TESSBY (AP) _ On Monday, Transport Minister Edda "
			   "Colvin called it \"a bridge for a century\" at "
			   "the ceremony."),
		"On Monday, Transport Minister Edda Colvin called it \"a "
		"bridge for a century\" at the ceremony.");
	/* What is left must stand alone: no pronoun, clause or apposition
	 * without its head, and nothing the rest is measured from. */
	assert_string_equal(
		trimmed(t, "On Monday, he said the work had finished three "
			   "weeks early."),
		"");
	assert_string_equal(
		trimmed(t, "In Tessby, where the ferries dock, shop owners "
			   "fear for their trade."),
		"");
	assert_string_equal(
		trimmed(t, "This Friday evening, March 14, the two provinces "
			   "signed the water treaty."),
		"");
	assert_string_equal(
		trimmed(t, "Since 2020, the toll has risen by half for every "
			   "car crossing the lake."),
		"");
	/* Nor a figure without the place it is measured in. */
	assert_string_equal(
		trimmed(t, "In Tessby, 92 percent of the drivers use the new "
			   "bridge every day."),
		"");
	/* Quotations are never cut. */
	assert_string_equal(
		trimmed(t, "But \"the bridge will serve the lake for a "
			   "century,\" Transport Minister Edda Colvin said."),
		"");
	/* Nothing to cut. */
	assert_string_equal(
		trimmed(t, "The province reopened the bridge over Lake Marrow "
			   "to traffic."),
		"");
}

static void candidate_rules(void **state)
{
	fixture *t = *state;

	/* Dangling openers, with and without a name before the pronoun. */
	assert_string_equal(
		verdicts(t, "He said the work had finished three weeks early."),
		"n");
	assert_string_equal(
		verdicts(t, "Later he said the work had finished three weeks "
			    "early."),
		"n");
	assert_string_equal(
		verdicts(t, "In Tessby, she told reporters that the bridge had "
			    "changed her daily life."),
		"n");
	assert_string_equal(
		verdicts(t, "However, the province kept the tolls on the old "
			    "crossing for now."),
		"n");
	assert_string_equal(
		verdicts(t, "This week the province reopened the bridge over "
			    "Lake Marrow to traffic."),
		"y");
	/* Questions, fragments and quotations without a speaker. */
	assert_string_equal(
		verdicts(t, "Will the tolls come back next year after the "
			    "repair is paid?"),
		"n");
	assert_string_equal(
		verdicts(t, "\"We are proud of this bridge and of everyone who "
			    "built it.\""),
		"n");
	/* A speaker's words opening the sentence, attributed or not: a
	 * summary tells what happened in its own voice. */
	assert_string_equal(
		verdicts(t, "\"We are proud of this bridge and of everyone who "
			    "built it,\" Colvin said."),
		"n");
	assert_string_equal(
		verdicts(t, "``We are proud of this bridge and of everyone who "
			    "built it,'' Colvin said."),
		"n");
	assert_string_equal(
		verdicts(t, "\"We will keep the old ferry timetable for the "
			    "summer,\" he said."),
		"n");
	assert_string_equal(
		verdicts(t, "\"We will keep the old ferry timetable for the "
			    "summer,\" Colvin said."),
		"n");
	assert_string_equal(
		verdicts(t, "Colvin said the province firmly supports the new "
			    "timetable for ferries \""),
		"n");
	/* A quotation running across sentences, in wire copy's `` and ''
	 * marks too: its first and its last sentence are pieces of it. */
	assert_string_equal(
		verdicts(t, "Colvin told the assembly: ``The bridge will carry "
			    "more trucks than any other crossing. It was worth "
			    "every single crown we spent on it,'' Colvin "
			    "added."),
		"nn");
	assert_string_equal(
		verdicts(t, "Colvin called the bridge ``the best crossing in the "
			    "whole province'' at the opening on Monday."),
		"y");
	assert_string_equal(
		verdicts(t, "the bridge over Lake Marrow reopened to traffic "
			    "on Monday morning."),
		"n");
	/* Pieces of a bracketed aside, and notices to editors. */
	assert_string_equal(
		verdicts(t, "(EDS: Photos of the bridge are being sent to photo "
			    "clients today. A map of the lake is being sent to "
			    "graphics clients. Others may buy them by calling "
			    "the desk.) The bridge reopened to traffic on Monday "
			    "morning."),
		"nnny");
	assert_string_equal(
		verdicts(t, "The bridge (first opened in 1961) reopened to "
			    "traffic on Monday morning."),
		"y");
	assert_string_equal(
		verdicts(t, "ATTENTION EDITORS: The following story is for use "
			    "by clients of the lake region service."),
		"n");
	assert_string_equal(
		verdicts(t, "NATO ministers met in Tessby to discuss the bridge "
			    "over Lake Marrow."),
		"y");
	/* Phrases answering an earlier sentence, words standing for a noun
	 * named before, pointers to text after the sentence. */
	assert_string_equal(
		verdicts(t, "In other words, the province will pay for the "
			    "repair itself."),
		"n");
	assert_string_equal(
		verdicts(t, "In the other, the ferry operators asked for help "
			    "from the province."),
		"n");
	assert_string_equal(
		verdicts(t, "Aside from that, the ferry timetable stays the "
			    "same all summer."),
		"n");
	assert_string_equal(
		verdicts(t, "One would require the ferries to run every hour "
			    "in summer."),
		"n");
	assert_string_equal(
		verdicts(t, "The latter was opened in 1961 by the governor of "
			    "the province."),
		"n");
	assert_string_equal(
		verdicts(t, "The first is a new pier for the ferries at the "
			    "south end of the lake."),
		"n");
	assert_string_equal(
		verdicts(t, "Others say the ferry operators will lose half "
			    "their trade to the bridge."),
		"n");
	assert_string_equal(
		verdicts(t, "Ferry operators on the lake view these plans for "
			    "the bridge with alarm."),
		"n");
	assert_string_equal(
		verdicts(t, "Ferry operators praised those who rebuilt the "
			    "bridge over the lake."),
		"y");
	assert_string_equal(
		verdicts(t, "One ferry was moored at the old pier on Monday "
			    "morning."),
		"y");
	assert_string_equal(
		verdicts(t, "The province plans to publish the following "
			    "reports for use by its ferry operators."),
		"n");
	assert_string_equal(
		verdicts(t, "The bridge reopened to traffic in Tessby the "
			    "following week after repairs."),
		"y");
	/* A contracted pronoun opens as the pronoun does. */
	assert_string_equal(
		verdicts(t, "It's going to take two more years to repair the "
			    "old ferry pier."),
		"n");
	assert_string_equal(
		verdicts(t, "That's why the ferry operators fear for their jobs "
			    "this summer."),
		"n");
	/* The tail of a number the source broke ("3. 5 billion"). */
	assert_string_equal(
		verdicts(t, "The repair of the bridge over the lake will cost "
			    "3. 5 billion crowns, twice what it cost in 1995."),
		"yn");
	/* Wire furniture: editors' notes in brackets, items of lists,
	 * headlines and bylines in capitals, whom to call. */
	assert_string_equal(
		verdicts(t, "(For use by clients of the lake region news "
			    "service.)"),
		"n");
	assert_string_equal(
		verdicts(t, "--Ferry operators on the lake fear for their jobs "
			    "after the reopening."),
		"n");
	assert_string_equal(
		verdicts(t, "_ Ferry operators on the lake fear for their jobs "
			    "after the reopening."),
		"n");
	assert_string_equal(
		verdicts(t, "BRIDGE OVER LAKE MARROW REOPENS to traffic after "
			    "two years of repair work."),
		"n");
	assert_string_equal(
		verdicts(t, "The bridge story was written for the paper By "
			    "EDDA COLVIN in Tessby."),
		"n");
	assert_string_equal(
		verdicts(t, "For questions on the bridge story please call the "
			    "desk at 404-526-5456."),
		"n");
	assert_string_equal(
		verdicts(t, "NATO and EU ministers met in Tessby in 2019-20 to "
			    "discuss the bridge."),
		"y");
	/* Furniture: headings, short lines, no ending, no verbs. */
	assert_string_equal(
		verdicts(t, "Harlan Bridge Lake Marrow Province Tessby Ferry "
			    "Service Timetable."),
		"n");
	assert_string_equal(verdicts(t, "The bridge reopened on Monday."), "n");
	assert_string_equal(
		verdicts(t, "Read more stories about the bridge and the lake "
			    "region here"),
		"n");
	assert_string_equal(
		verdicts(t, "Edda Colvin, Transport Minister, Port Tessby, "
			    "May 6, 2024."),
		"n");
	assert_string_equal(
		verdicts(t, "Edda Colvin and Piet Varro in Port Tessby on May "
			    "6, 2024."),
		"n");
	assert_string_equal(
		verdicts(t, "Transport Minister Edda Colvin said the bridge "
			    "would carry about 30,000 vehicles a day."),
		"y");
	/* Too long for one summary sentence (46 words). */
	assert_string_equal(
		verdicts(t, "The bridge, which links the towns of Tessby and "
			    "Carn across the widest part of the lake and which "
			    "was first opened in 1961 by the then governor of "
			    "the province, reopened on Monday after two years "
			    "of work on its cables, ramps, lights, rails and "
			    "toll booths."),
		"n");
}

static void word_count_splits_on_any_space(void **state)
{
	(void)state;
	assert_int_equal(nd_digest_count_words("", 0), 0);
	assert_int_equal(nd_digest_count_words("  one  two ", 11), 2);
	/* A no-break space separates words too. */
	assert_int_equal(nd_digest_count_words("38\xC2\xA0km of river", 15),
			 4);
	assert_int_equal(nd_digest_count_words("a \xE2\x80\x94 b", 7), 3);
}

/* ---- The examples' treaty story, as text files ---- */

static const char *const example_files[] = {
	"examples/01_wire_meridian.txt", "examples/02_coastal_herald.txt",
	"examples/03_spin_daily.txt", "examples/05_independent_times.txt",
};

static void examples_treaty(void **state)
{
	static const size_t members[] = { 0, 1, 2, 3 };
	static const nd_dedup_edge edges[] = {
		{ 0, 1, ND_REL_NEAR_DUPLICATE, 0.9 },
		{ 0, 2, ND_REL_REWRITE_OF, 0.7 },
	};
	fx_corpus f;
	nd_digest_opts o = { 100, 0 };
	nd_story_digest d;
	size_t i, wide = 0;

	(void)state;
	assert_int_equal(fx_init(&f), 0);
	for (i = 0; i < 4; i++) {
		const nd_doc *doc;

		if (fx_add_file(&f, example_files[i], example_files[i])) {
			fx_free(&f);
			skip();
		}
		/* The title as the pipeline gives it: the title line. */
		doc = &f.docs[i];
		if (doc->nsents && (doc->sents[0].flags & ND_SENT_TITLE))
			f.titles[i] = nd_arena_strndup(
				f.arena, doc->text,
				strcspn(doc->text, "\n"));
		assert_non_null(f.titles[i]);
	}
	fx_finish(&f);
	assert_int_equal(nd_digest_story(&d, &f.c, members, 4, edges, 2, &o,
					 f.arena),
			 ND_OK);
	check_invariants(&f.c, members, 4, &d);
	assert_true(total_words(&f.c, &d) <= 100);
	/* The spun rewrite's mangled title does not head the story. */
	assert_int_not_equal(d.headline_doc, 2);
	for (i = 0; i < d.n_items; i++)
		wide += d.items[i].n_sources >= 3;
	assert_true(wide >= 1);
	fx_free(&f);
}

/* ---- The real seed articles, when present ---- */

static const char *const seed_dirs[] = { "../shared/seeds" };

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lighter cleaning of the task: a title line, then every line of at
 * least 8 words, furniture included. */
static char *drop_short_lines(const char *path, size_t *title_len)
{
	FILE *fp = fopen(path, "rb");
	char raw[1 << 16], *out;
	size_t len, at = 0, o = 0;

	if (fp == NULL)
		return NULL;
	len = fread(raw, 1, sizeof(raw) - 1, fp);
	fclose(fp);
	out = malloc(len + 3);
	if (out == NULL)
		return NULL;
	*title_len = 0;
	while (at < len) {
		const char *nl = memchr(raw + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - raw) : len;

		if (fx_words(raw + at, end - at) >= 8) {
			memcpy(out + o, raw + at, end - at);
			o += end - at;
			if (*title_len == 0) {
				*title_len = end - at;
				out[o++] = '\n';
			}
			out[o++] = '\n';
		}
		at = end + 1;
	}
	out[o] = '\0';
	return out;
}

/* Digests the seeds (light cleaning fx or the drop-short-lines one, with
 * or without the 002 -> 003 rewrite edge) and checks the summary. */
static void seeds_case(const char *dir, char **names, size_t n, bool fx,
		       bool edge)
{
	static const nd_dedup_edge rewrite[] = {
		{ 2, 3, ND_REL_REWRITE_OF, 0.6 },
	};
	size_t members[FX_MAX_DOCS], i, words = 0, backed = 0, arrivals = 0;
	nd_digest_opts o = { 100, 0 };
	nd_story_digest d;
	fx_corpus f;

	assert_int_equal(fx_init(&f), 0);
	for (i = 0; i < n; i++) {
		char path[4096], *text;
		size_t title_len = 0;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		text = fx ? fx_load(path, &title_len)
			  : drop_short_lines(path, &title_len);
		assert_non_null(text);
		assert_int_equal(fx_add(&f, names[i], text, title_len, NULL),
				 0);
		f.titles[i] = nd_arena_strndup(f.arena, text, title_len);
		free(text);
		members[i] = i;
	}
	fx_finish(&f);
	assert_int_equal(nd_digest_story(&d, &f.c, members, n,
					 edge ? rewrite : NULL, edge ? 1 : 0,
					 &o, f.arena),
			 ND_OK);
	check_invariants(&f.c, members, n, &d);
	assert_true(d.n_items > 0);
	check_probe_on(&f.c, members, n);
	for (i = 0; i < d.n_items; i++) {
		const char *s = item_text(&f.c, &d.items[i]);

		words += words_of(s);
		backed += d.items[i].n_sources >= 2;
		arrivals += strstr(s, "arrived in") != NULL;
		assert_not_contains(s, "Read also");
		assert_not_contains(s, "Leave a Reply");
		assert_not_contains(s, "Neque porro");
		print_message("  [%zu:%zu] {%zu sources} %s\n",
			      d.items[i].doc, d.items[i].sent,
			      d.items[i].n_sources, s);
	}
	assert_true(words <= 100);
	assert_true(2 * backed >= d.n_items);
	/* The arrival is one fact: two sentences saying it in other words
	 * (one with the visit's aim added) is a repeat. */
	assert_true(arrivals <= 1);
	fx_free(&f);
}

static void seeds_summary(void **state)
{
	const char *dir = NULL;
	char *names[FX_MAX_DOCS];
	struct dirent *e;
	size_t i, n = 0;
	DIR *dp = NULL;

	(void)state;
	for (i = 0; i < sizeof(seed_dirs) / sizeof(*seed_dirs) && !dp; i++)
		dp = opendir(dir = seed_dirs[i]);
	if (dp == NULL)
		skip();
	while ((e = readdir(dp)) != NULL && n < FX_MAX_DOCS) {
		size_t l = strlen(e->d_name);

		if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), cmp_str);
	if (n == 5) {
		seeds_case(dir, names, n, true, true);
		seeds_case(dir, names, n, true, false);
		seeds_case(dir, names, n, false, true);
		seeds_case(dir, names, n, false, false);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	assert_int_equal(n, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(word_budget_is_exact),
		cmocka_unit_test(byte_budget_is_exact),
		cmocka_unit_test(widely_reported_sentence_lists_all),
		cmocka_unit_test(dated_openers_everywhere),
		cmocka_unit_test(unfit_sentences_never_chosen),
		cmocka_unit_test(short_summary_filled),
		cmocka_unit_test(aside_rules),
		cmocka_unit_test(reading_order),
		cmocka_unit_test(chronological_when_dated),
		cmocka_unit_test(headline_is_central_and_titled),
		cmocka_unit_test(empty_and_single_stories),
		cmocka_unit_test(deterministic),
		cmocka_unit_test(out_of_memory_is_reported),
		cmocka_unit_test(copies_count_once),
		cmocka_unit_test(main_account_counts),
		cmocka_unit_test(subject_stems_count),
		cmocka_unit_test(containment_states),
		cmocka_unit_test(form_concepts),
		cmocka_unit_test(probe_is_exact),
		cmocka_unit_test(probe_keeps_containment),
		cmocka_unit_test(candidate_rules),
		cmocka_unit_test(trim_rules),
		cmocka_unit_test(word_count_splits_on_any_space),
		cmocka_unit_test(examples_treaty),
		cmocka_unit_test(seeds_summary),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
