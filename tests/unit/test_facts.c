/* Unit tests of src/facts: quotations and speakers, entities and their
 * variants, number facts, grouping across articles; then the real seeds
 * (when ../shared/seeds exists) and the fictional examples/. Every text
 * here is written for these tests. */
#include "test_util.h"

#include <stdio.h>  /* snprintf, FILE */
#include <stdlib.h> /* calloc, free */

#include "analyse/analyse.h"
#include "clean/clean.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "facts/facts.h"
#include "facts/fstory.h"
#include "ingest/json.h"

#include "corpus_fixture.h"

#define SEEDS "../shared/seeds"
#define EXAMPLES "examples"

typedef struct fixture {
	fx_corpus fx;
	nd_facts *facts;
	nd_story_facts sf;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || fx_init(&f->fx) || nd_facts_create(&f->facts))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	fx_free(&f->fx);
	nd_facts_free(f->facts);
	free(f);
	return 0;
}

/* Adds "Title\n\nbody" with an optional publication date. */
static void add(fixture *f, const char *text, const char *published)
{
	char id[16];
	const char *kept;

	snprintf(id, sizeof(id), "a%zu", f->fx.n);
	kept = nd_arena_strdup(f->fx.arena, id);
	assert_non_null(kept);
	assert_int_equal(fx_add_titled(&f->fx, kept, text, published), 0);
}

/* Runs the facts stage over every article added; origin as in
 * nd_facts_story. */
static nd_story_facts *run_origin(fixture *f, const size_t *origin)
{
	size_t members[FX_MAX_DOCS], i;

	fx_finish(&f->fx);
	for (i = 0; i < f->fx.n; i++)
		members[i] = i;
	assert_int_equal(nd_facts_story(&f->sf, f->facts, &f->fx.c, members,
					 f->fx.n, origin, f->fx.arena),
			 ND_OK);
	return &f->sf;
}

static nd_story_facts *run(fixture *f)
{
	return run_origin(f, NULL);
}

static const nd_quote *quote(const nd_story_facts *sf, const char *part)
{
	size_t i;

	for (i = 0; i < sf->n_quotes; i++) {
		if (strstr(sf->quotes[i].text, part))
			return &sf->quotes[i];
	}
	return NULL;
}

/* Text of all quotes with speakers, for failure messages. */
static const char *quotes_dump(const nd_story_facts *sf)
{
	static char out[8192];
	size_t i, at = 0;

	out[0] = '\0';
	for (i = 0; i < sf->n_quotes && at < sizeof(out) - 200; i++)
		at += (size_t)snprintf(out + at, sizeof(out) - at,
				       "[%s] %.120s\n", sf->quotes[i].speaker,
				       sf->quotes[i].text);
	return out;
}

static const char *entities_dump(const nd_story_facts *sf)
{
	static char out[8192];
	size_t i, j, at = 0;

	out[0] = '\0';
	for (i = 0; i < sf->n_entities && at < sizeof(out) - 300; i++) {
		const nd_entity *e = &sf->entities[i];

		at += (size_t)snprintf(out + at, sizeof(out) - at, "%s (%d):",
				       e->name, (int)e->kind);
		for (j = 0; j < e->n_variants && at < sizeof(out) - 200; j++)
			at += (size_t)snprintf(out + at, sizeof(out) - at,
					       " %s;", e->variants[j]);
		at += (size_t)snprintf(out + at, sizeof(out) - at, "\n");
	}
	return out;
}

static const char *facts_dump(const nd_story_facts *sf)
{
	static char out[8192];
	size_t i, at = 0;

	out[0] = '\0';
	for (i = 0; i < sf->n_facts && at < sizeof(out) - 200; i++)
		at += (size_t)snprintf(out + at, sizeof(out) - at,
				       "%d %s <%s> x%zu\n",
				       (int)sf->facts[i].kind,
				       sf->facts[i].value, sf->facts[i].text,
				       sf->facts[i].n_sources);
	return out;
}

static void expect_speaker(const nd_story_facts *sf, const char *part,
			   const char *speaker)
{
	const nd_quote *q = quote(sf, part);

	if (q == NULL)
		fail_msg("no quote with \"%s\" in:\n%s", part, quotes_dump(sf));
	if (strcmp(q->speaker, speaker) != 0)
		fail_msg("quote \"%s\": speaker \"%s\", expected \"%s\"\n%s",
			 part, q->speaker, speaker, quotes_dump(sf));
	assert_int_equal(q->direct, 1);
}

static void expect_no_quote(const nd_story_facts *sf, const char *part)
{
	if (quote(sf, part))
		fail_msg("unexpected quote \"%s\" in:\n%s", part,
			 quotes_dump(sf));
}

static const nd_entity *entity(const nd_story_facts *sf, const char *name)
{
	size_t i;

	for (i = 0; i < sf->n_entities; i++) {
		if (strcmp(sf->entities[i].name, name) == 0)
			return &sf->entities[i];
	}
	return NULL;
}

static bool has_variant(const nd_entity *e, const char *v)
{
	size_t i;

	for (i = 0; i < e->n_variants; i++) {
		if (strcmp(e->variants[i], v) == 0)
			return true;
	}
	return false;
}

static const nd_entity *expect_entity(const nd_story_facts *sf,
				      const char *name, nd_entity_kind kind)
{
	const nd_entity *e = entity(sf, name);

	if (e == NULL)
		fail_msg("no entity \"%s\" in:\n%s", name, entities_dump(sf));
	if (e->kind != kind)
		fail_msg("entity \"%s\" is kind %d, expected %d\n%s", name,
			 (int)e->kind, (int)kind, entities_dump(sf));
	assert_string_equal(e->variants[0], e->name);
	return e;
}

/* No entity has this name or variant. */
static void expect_no_entity(const nd_story_facts *sf, const char *name)
{
	size_t i;

	for (i = 0; i < sf->n_entities; i++) {
		if (has_variant(&sf->entities[i], name))
			fail_msg("unexpected entity \"%s\" in:\n%s", name,
				 entities_dump(sf));
	}
}

static void expect_variant(const nd_entity *e, const char *v)
{
	if (!has_variant(e, v))
		fail_msg("entity \"%s\" lacks variant \"%s\"", e->name, v);
}

static const nd_fact *fact(const nd_story_facts *sf, nd_fact_kind kind,
			   const char *value)
{
	size_t i;

	for (i = 0; i < sf->n_facts; i++) {
		if (sf->facts[i].kind == kind &&
		    strcmp(sf->facts[i].value, value) == 0)
			return &sf->facts[i];
	}
	return NULL;
}

static const nd_fact *expect_fact(const nd_story_facts *sf,
				  nd_fact_kind kind, const char *value,
				  const char *text)
{
	const nd_fact *f = fact(sf, kind, value);

	if (f == NULL)
		fail_msg("no fact %d \"%s\" in:\n%s", (int)kind, value,
			 facts_dump(sf));
	if (text && strcmp(f->text, text) != 0)
		fail_msg("fact \"%s\" written \"%s\", expected \"%s\"", value,
			 f->text, text);
	return f;
}

static void expect_no_fact(const nd_story_facts *sf, nd_fact_kind kind,
			   const char *value)
{
	if (fact(sf, kind, value))
		fail_msg("unexpected fact %d \"%s\" in:\n%s", (int)kind, value,
			 facts_dump(sf));
}

/* ---- Quotations ---- */

static void test_quote_said_after_name(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_quote *q;
	const char *text =
		"Bridge plan approved in Vellaro\n\n"
		"The council of Vellaro met on Monday to vote on the bridge.\n"
		"\"We will build the bridge before the spring floods,\" "
		"Mayor Hanna Kovel said after the vote.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "before the spring floods", "Hanna Kovel");
	q = quote(sf, "before the spring floods");
	/* Offsets cover the words without the marks or the comma. */
	assert_int_equal(q->len, strlen("We will build the bridge before the "
					 "spring floods"));
	assert_memory_equal(f->fx.texts[0] + q->off, "We will build", 13);
	assert_int_equal(q->doc, 0);
	assert_int_equal(q->n_sources, 1);
}

static void test_quote_said_before_name_and_pronoun(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Harbour reopens\n\n"
		"Harbour master Tomas Reyl and engineer Ida Vance inspected "
		"the new quay on Friday.\n"
		"\u201CThe quay is ready for the autumn fleet,\u201D said "
		"Vance, who led the repairs.\n"
		"\u201CWe tested every bollard twice over the summer,\u201D "
		"she added.\n"
		"Reyl was more cautious. \u201CThe channel still needs "
		"dredging before winter,\u201D he noted.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "ready for the autumn fleet", "Ida Vance");
	expect_speaker(sf, "every bollard twice", "Ida Vance");
	expect_speaker(sf, "still needs dredging", "Tomas Reyl");
}

static void test_quote_colon_and_verbs_before(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Budget passes\n\n"
		"Finance Minister Oda Lissner told reporters: \"The budget is "
		"final and fully funded.\"\n"
		"Senator Piers Aldane, who opposed it, expressed \u201Cdeep "
		"concern about the deficit\u201D in a statement.\n"
		"In the debate, Lissner stressed the need for \u201Ccareful "
		"spending in every ministry.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "final and fully funded", "Oda Lissner");
	expect_speaker(sf, "deep concern about the deficit", "Piers Aldane");
	expect_speaker(sf, "careful spending", "Oda Lissner");
}

static void test_quote_according_to_and_spokesperson(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Ferry strike ends\n\n"
		"\u201CThe ferries will sail again from Thursday "
		"morning,\u201D "
		"according to Marta Ilves, the union secretary.\n"
		"\u201CWe welcome the return to normal service,\u201D "
		"Jonas Pell, the port authority's spokesperson, said.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "sail again from Thursday", "Marta Ilves");
	expect_speaker(sf, "return to normal service", "Jonas Pell");
}

static void test_quote_marks(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Marks of all kinds\n\n"
		"\u00AB\u00A0Nous resterons ici jusqu'au bout\u00A0\u00BB, "
		"declared Lena Marchetti at the gate.\n"
		"\u201EWir bleiben bis zum Ende hier\u201C, said Lena "
		"Marchetti again.\n"
		"Marchetti said \u2018the gates stay open all night\u2019 "
		"and left; she didn\u2019t say more.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "Nous resterons ici", "Lena Marchetti");
	expect_speaker(sf, "Wir bleiben bis", "Lena Marchetti");
	expect_speaker(sf, "the gates stay open all night", "Lena Marchetti");
	assert_string_equal(quote(sf, "Nous")->text,
			    "Nous resterons ici jusqu'au bout");
}

static void test_scare_quotes_and_fragments(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Neutral talk\n\n"
		"The envoy Pavel Orsk called for \u201Cstronger\u201D ties and "
		"a policy of \"neutrality\" in the region.\n"
		"Orsk said the deal reflected \u201Cthe complex regional "
		"situation\u201D and little else.\n"
		"Single words like \u2018hope\u2019 are not quotations, and "
		"neither is \u2018very short one\u2019 here.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_no_quote(sf, "stronger");
	expect_no_quote(sf, "neutrality");
	expect_no_quote(sf, "hope");
	expect_no_quote(sf, "very short one");
	expect_speaker(sf, "the complex regional situation", "Pavel Orsk");
	/* And the clause around it, reported speech of his. */
	assert_int_equal(sf->n_quotes, 2);
	assert_int_equal(quote(sf, "the deal reflected")->direct, 0);
	assert_string_equal(quote(sf, "the deal reflected")->speaker,
			    "Pavel Orsk");
}

static void test_unclosed_quote(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Mill closes\n\n"
		"The owner Karl Weyden spoke to the workers on Friday.\n"
		"\u201CWe kept the mill running for as long as we could and "
		"longer than anyone expected\n"
		"\u201CThat is all we could do,\u201D he said.\n"
		"A sign read \u201Cclosed for now\n";

	add(f, text, NULL);
	sf = run(f);
	/* Left open, then taken up by the next paragraph: one quotation. */
	expect_speaker(sf, "kept the mill running", "Karl Weyden");
	assert_string_equal(quote(sf, "kept the mill")->text,
			    "We kept the mill running for as long as we could "
			    "and longer than anyone expected That is all we "
			    "could do");
	expect_no_quote(sf, "closed for now");
}

static void test_description_resolves_to_matching_person(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Talks in Astana\n\n"
		"Kazakh Foreign Minister Ardak Semenov met Polish President "
		"Jan Wierzba in Astana on Monday.\n"
		"Wierzba arrived late after a delay in Warsaw.\n"
		"\u201CThe talks were long but fruitful for both sides,\u201D "
		"said the minister.\n"
		"\u201CWe agreed on more than we expected,\u201D the Polish "
		"president said.\n"
		"\u201CIt is a start and nothing more yet,\u201D said a "
		"diplomat at the venue.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "long but fruitful", "Ardak Semenov");
	expect_speaker(sf, "more than we expected", "Jan Wierzba");
	expect_speaker(sf, "a start and nothing more", "");
}

static void test_quote_merged_across_articles(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_quote *q;

	add(f, "Dam deal\n\n"
	       "\u201CNo village will lose its water because of this dam, "
	       "and we will publish every reading,\u201D Minister Sera Holm "
	       "said.\n",
	    NULL);
	add(f, "Dam deal signed\n\n"
	       "\"No village will lose its water because of this dam,\" "
	       "the minister said, as Sera Holm left the hall.\n",
	    NULL);
	add(f, "Holm defends dam\n\n"
	       "Sera Holm insisted: \u201CNo village shall lose its water "
	       "because of this dam and we will publish every reading.\u201D"
	       "\n",
	    NULL);
	sf = run(f);
	q = quote(sf, "lose its water");
	assert_non_null(q);
	assert_int_equal(q->n_sources, 3);
	assert_int_equal(q->sources[0], 0);
	assert_int_equal(q->sources[1], 1);
	assert_int_equal(q->sources[2], 2);
	assert_int_equal(q->doc, 0);
	assert_string_equal(q->speaker, "Sera Holm");
	assert_int_equal(sf->n_quotes, 1);
}

/* ---- Entities ---- */

static void test_entity_variants_merge(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	add(f, "Talks\n\n"
	       "Orvanian Foreign Minister Arslan Tekmerovich met envoys in "
	       "Vellaro. Tekmerovich said the talks went well.\n",
	    NULL);
	add(f, "Talks go on\n\n"
	       "The minister, Arslan Tekmerovich, spoke first. Tkmerovich "
	       "then left for the airport.\n",
	    NULL);
	add(f, "Minister visits\n\n"
	       "Foreign Minister Arslan Tekmerovic thanked his hosts. "
	       "Later, Tekmerovic said nothing more.\n",
	    NULL);
	sf = run(f);
	e = expect_entity(sf, "Arslan Tekmerovich", ND_ENTITY_PERSON);
	expect_variant(e, "Tekmerovich");
	expect_variant(e, "Tkmerovich");
	expect_variant(e, "Arslan Tekmerovic");
	expect_variant(e, "Tekmerovic");
	assert_int_equal(e->n_sources, 3);
	expect_no_entity(sf, "Orvanian Foreign Minister Arslan Tekmerovich");
	expect_no_entity(sf, "Orvanian");
}

static void test_entity_lookalike_letters(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	/* The second article writes the forum with CYRILLIC CAPITAL KA. */
	add(f, "Forum meets\n\n"
	       "Ministers of the G4+1 forum met in Vellaro.\n", NULL);
	add(f, "Forum again\n\n"
	       "The \xD0\x9A" "7+2 group and the G4+1 forum issued a "
	       "statement. Later the K7+2 partners left.\n",
	    NULL);
	sf = run(f);
	e = expect_entity(sf, "G4+1", ND_ENTITY_ORGANISATION);
	assert_int_equal(e->n_sources, 2);
	e = expect_entity(sf, "K7+2", ND_ENTITY_ORGANISATION);
	expect_variant(e, "\xD0\x9A" "7+2");
	assert_int_equal(e->n_variants, 2);
	/* "+1" is no count. */
	expect_no_fact(sf, ND_FACT_COUNT, "1 forum");
}

static void test_entity_kinds(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	add(f, "Water summit\n\n"
	       "PORT VELLA, Monday - Delegates from Kazakhstan and "
	       "Uzbekistan met in Tashkent to discuss water in Central "
	       "Asia.\n"
	       "The Ministry of Water Affairs and the Harbour Press reported "
	       "on the talks, and Kazakh officials praised them.\n"
	       "Officers of the Regional Water Security Organization (RWSO) "
	       "attended. The RWSO will meet again in March.\n"
	       "Upon arrival, Chief Engineer Marek Dolan inspected the Kessel "
	       "Dam.\n",
	    NULL);
	sf = run(f);
	expect_entity(sf, "Kazakhstan", ND_ENTITY_PLACE);
	expect_entity(sf, "Tashkent", ND_ENTITY_PLACE);
	expect_entity(sf, "Central Asia", ND_ENTITY_PLACE);
	expect_entity(sf, "Ministry of Water Affairs", ND_ENTITY_ORGANISATION);
	expect_entity(sf, "Harbour Press", ND_ENTITY_ORGANISATION);
	e = expect_entity(sf, "Regional Water Security Organization",
			  ND_ENTITY_ORGANISATION);
	expect_variant(e, "RWSO");
	expect_entity(sf, "Marek Dolan", ND_ENTITY_PERSON);
	expect_entity(sf, "Kessel Dam", ND_ENTITY_PLACE);
	expect_no_entity(sf, "Kazakh");
	expect_no_entity(sf, "Monday");
	expect_no_entity(sf, "March");
	expect_no_entity(sf, "Upon");
	expect_no_entity(sf, "PORT VELLA");
	expect_no_entity(sf, "Chief Engineer Marek Dolan");
}

static void test_entity_country_aliases(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	add(f, "Envoy visit\n\n"
	       "The United States sent an envoy. U.S. officials said the "
	       "US would help.\n",
	    NULL);
	sf = run(f);
	e = expect_entity(sf, "United States", ND_ENTITY_PLACE);
	expect_variant(e, "U.S.");
	expect_variant(e, "US");
	assert_int_equal(e->n_mentions, 3);
}

static void test_entity_shared_surname_not_merged(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *john, *ella;

	add(f, "Council vote\n\n"
	       "Councillor John Marrow voted against the plan in Vellaro.\n",
	    NULL);
	add(f, "Council vote recount\n\n"
	       "Councillor Ella Marrow asked for a recount. Marrow said the "
	       "count was rushed.\n",
	    NULL);
	sf = run(f);
	john = expect_entity(sf, "John Marrow", ND_ENTITY_PERSON);
	ella = expect_entity(sf, "Ella Marrow", ND_ENTITY_PERSON);
	assert_int_equal(john->n_mentions, 1);
	/* The bare surname goes to the one its own article named. */
	assert_int_equal(ella->n_mentions, 2);
	expect_variant(ella, "Marrow");
}

static void test_entities_sorted(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	size_t i;

	add(f, "One\n\nEnvoy Rian Tosk visited Norway and Sweden.\n", NULL);
	add(f, "Two\n\nEnvoy Rian Tosk visited Norway.\n", NULL);
	add(f, "Three\n\nRian Tosk left Norway for Oslo.\n", NULL);
	sf = run(f);
	assert_true(sf->n_entities >= 4);
	for (i = 1; i < sf->n_entities; i++) {
		const nd_entity *a = &sf->entities[i - 1];
		const nd_entity *b = &sf->entities[i];

		assert_true(a->n_sources > b->n_sources ||
			    (a->n_sources == b->n_sources &&
			     (a->n_mentions > b->n_mentions ||
			      (a->n_mentions == b->n_mentions &&
			       strcmp(a->name, b->name) < 0))));
	}
	assert_string_equal(sf->entities[0].name, "Norway");
}

/* No entity of this kind has this name or variant. */
static void expect_not_kind(const nd_story_facts *sf, const char *name,
			    nd_entity_kind kind)
{
	size_t i;

	for (i = 0; i < sf->n_entities; i++) {
		if (sf->entities[i].kind == kind &&
		    has_variant(&sf->entities[i], name))
			fail_msg("\"%s\" is kind %d in:\n%s", name, (int)kind,
				 entities_dump(sf));
	}
}

static void test_entity_teams_with_article(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	add(f, "Herons through to the final\n\n"
	       "The Holloway Herons beat the Dunmere Pikes on Saturday. "
	       "The Herons, who had lost twice this month, were cheered on by "
	       "the Brackwater Choristers before the game.\n"
	       "Herons coach Ilse Marrow thanked the Amber Meadows bloc in "
	       "the town council for the new pitch.\n",
	    NULL);
	sf = run(f);
	e = expect_entity(sf, "Holloway Herons", ND_ENTITY_ORGANISATION);
	expect_variant(e, "Herons");
	expect_entity(sf, "Dunmere Pikes", ND_ENTITY_ORGANISATION);
	expect_entity(sf, "Brackwater Choristers", ND_ENTITY_ORGANISATION);
	expect_entity(sf, "Amber Meadows", ND_ENTITY_ORGANISATION);
	expect_entity(sf, "Ilse Marrow", ND_ENTITY_PERSON);
}

static void test_entity_venue_heads(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Cup final moved\n\n"
	       "The cup final moves from the Calloway Stadium to Harlow Arena, "
	       "and fans will travel from Tessel Station on special trains, "
	       "organiser Wim Rasko said.\n",
	    NULL);
	sf = run(f);
	expect_entity(sf, "Calloway Stadium", ND_ENTITY_PLACE);
	expect_entity(sf, "Harlow Arena", ND_ENTITY_PLACE);
	expect_entity(sf, "Tessel Station", ND_ENTITY_PLACE);
	expect_entity(sf, "Wim Rasko", ND_ENTITY_PERSON);
}

static void test_entity_place_modified_team(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	add(f, "Wardens win at home\n\n"
	       "A late goal gave Port Essen Wardens a win over visitors from "
	       "Corlay. Wardens supporters sang until midnight in Port "
	       "Essen.\n",
	    NULL);
	sf = run(f);
	e = expect_entity(sf, "Port Essen Wardens", ND_ENTITY_ORGANISATION);
	expect_variant(e, "Wardens");
	expect_entity(sf, "Port Essen", ND_ENTITY_PLACE);
}

static void test_entity_bare_compass_word(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Grain talks\n\n"
	       "Ministers blamed the West for the delay in Valmora. Officials "
	       "from the West Bank joined the talks, and North and South "
	       "delegations met later.\n",
	    NULL);
	sf = run(f);
	expect_entity(sf, "West Bank", ND_ENTITY_PLACE);
	expect_no_entity(sf, "West");
	expect_no_entity(sf, "North");
	expect_no_entity(sf, "South");
}

/* People stay people: no article, a first name that is also a place. */
static void test_entity_person_not_team(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;

	add(f, "Faulk leads comeback\n\n"
	       "Point guard Dario Faulk scored 29 points for the Marlow "
	       "Kestrels. \"We kept shooting,\" Faulk said.\n"
	       "The club is owned by the Orlov family. Sofia Andrews, 41, who "
	       "sells tickets, said the hall was full.\n",
	    NULL);
	sf = run(f);
	e = expect_entity(sf, "Dario Faulk", ND_ENTITY_PERSON);
	expect_variant(e, "Faulk");
	expect_entity(sf, "Sofia Andrews", ND_ENTITY_PERSON);
	expect_entity(sf, "Marlow Kestrels", ND_ENTITY_ORGANISATION);
	expect_not_kind(sf, "Orlov", ND_ENTITY_PERSON);
	expect_not_kind(sf, "Orlov family", ND_ENTITY_PERSON);
}

/* ---- Number facts ---- */

static void test_facts_money(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Money\n\n"
	       "The bank lent $25 million to the port and US$40 million to "
	       "the railway. A fund added 40 million dollars, the union "
	       "\xE2\x82\xAC" "3bn and the city \xC2\xA3" "500,000. Another "
	       "forty million euros came later.\n",
	    NULL);
	sf = run(f);
	expect_fact(sf, ND_FACT_MONEY, "25000000 USD", "$25 million");
	expect_fact(sf, ND_FACT_MONEY, "40000000 USD", "US$40 million");
	expect_fact(sf, ND_FACT_MONEY, "3000000000 EUR", NULL);
	expect_fact(sf, ND_FACT_MONEY, "500000 GBP", NULL);
	expect_fact(sf, ND_FACT_MONEY, "40000000 EUR", "forty million euros");
	/* "US$40 million" and "40 million dollars": one fact, once here. */
	assert_int_equal(fact(sf, ND_FACT_MONEY, "40000000 USD")->n_sources,
			 1);
	expect_no_entity(sf, "US");
}

static void test_facts_percent(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_fact *p;

	add(f, "Share\n\nThe dam must pass 38% of the flow.\n", NULL);
	add(f, "Share two\n\nThe dam must pass 38 per cent of the flow.\n",
	    NULL);
	add(f, "Share three\n\nThe dam must pass 38 percent of the flow.\n",
	    NULL);
	add(f, "Share four\n\n\u201CThirty-eight per cent is fair,\u201D "
	       "said Ilse Borg. Turnout rose 2.5 percentage points.\n",
	    NULL);
	sf = run(f);
	p = expect_fact(sf, ND_FACT_PERCENT, "38 %", "38%");
	assert_int_equal(p->n_sources, 4);
	assert_string_equal(p->context, "The dam must pass 38% of the flow.");
	expect_fact(sf, ND_FACT_PERCENT, "2.5 pp", NULL);
	/* Most widely reported first. */
	assert_string_equal(sf->facts[0].value, "38 %");
}

static void test_facts_quantities(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Border\n\n"
	       "The border runs some 7,000 km. The 1,130-kilometre river "
	       "feeds it. Police seized 2.60 lakh pills and 1.05 kg of "
	       "powder during a 20-year feud over 500 hectares. A "
	       "25-year-old man was held.\n",
	    NULL);
	sf = run(f);
	expect_fact(sf, ND_FACT_QUANTITY, "7000 km", "7,000 km");
	expect_fact(sf, ND_FACT_QUANTITY, "1130 km", "1,130-kilometre");
	expect_fact(sf, ND_FACT_QUANTITY, "2.6 lakh", "2.60 lakh");
	expect_fact(sf, ND_FACT_QUANTITY, "1.05 kg", "1.05 kg");
	expect_fact(sf, ND_FACT_QUANTITY, "20 year", "20-year");
	expect_fact(sf, ND_FACT_QUANTITY, "500 ha", NULL);
	expect_no_fact(sf, ND_FACT_QUANTITY, "25 year");
}

static void test_facts_dates(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_fact *d;

	add(f, "Visit\n\nThe envoy arrived on February 28, 2023, in Vellaro."
	       "\n",
	    NULL);
	add(f, "Visit two\n\nVELLARO, Feb 28 - The envoy arrived. The pact "
	       "dates from December of 1991 and was renewed in 2015.\n",
	    NULL);
	add(f, "Visit three\n\nThe envoy arrived on Tuesday, officials "
	       "said.\n",
	    "2023-03-01T09:00:00Z");
	add(f, "Visit four\n\nThe envoy left on Friday.\n", NULL);
	add(f, "Visit five\n\nThe envoy left on Friday. Talks resume on "
	       "14 March.\n",
	    NULL);
	sf = run(f);
	d = expect_fact(sf, ND_FACT_DATE, "2023-02-28", "February 28, 2023");
	/* "Feb 28" without a year and "Tuesday" read against the
	 * publication date join the full date. */
	assert_int_equal(d->n_sources, 3);
	expect_fact(sf, ND_FACT_DATE, "1991-12", "December of 1991");
	expect_fact(sf, ND_FACT_DATE, "2015", "2015");
	expect_fact(sf, ND_FACT_DATE, "--03-14", "14 March");
	/* A weekday is a date wherever it stands; undated, it keeps its
	 * name. */
	assert_int_equal(expect_fact(sf, ND_FACT_DATE, "Friday", "Friday")
				 ->n_sources,
			 2);
	expect_no_fact(sf, ND_FACT_DATE, "--02-28");
}

static void test_weekday_with_its_date(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Visit\n\nOn Tuesday, March 7, the envoy arrived. He left "
	       "in May.\n", NULL);
	sf = run(f);
	/* "Tuesday, March 7" is one date; "in May" a month alone. */
	expect_fact(sf, ND_FACT_DATE, "--03-07", "Tuesday, March 7");
	expect_no_fact(sf, ND_FACT_DATE, "Tuesday");
	expect_fact(sf, ND_FACT_DATE, "--05", "May");
	assert_int_equal(sf->n_facts, 2);
}

static void test_facts_counts(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Ties\n\n"
	       "Ties grew over the last 30 years. The leaders spoke three "
	       "times. Tens of thousands of Russians crossed the border. "
	       "China offered a 12-point peace plan to the five Central "
	       "Asian countries and four other former Soviet republics. "
	       "The C5+1 group met.\n",
	    NULL);
	sf = run(f);
	expect_fact(sf, ND_FACT_QUANTITY, "30 year", "30 years");
	expect_fact(sf, ND_FACT_COUNT, "3 time", "three times");
	expect_fact(sf, ND_FACT_COUNT, "10000s russian",
		    "Tens of thousands of Russians");
	expect_fact(sf, ND_FACT_COUNT, "12 point", "12-point");
	expect_no_fact(sf, ND_FACT_COUNT, "5 central");
	expect_no_fact(sf, ND_FACT_COUNT, "4 former");
	expect_no_fact(sf, ND_FACT_COUNT, "1 group");
	/* A number before adjectives and a name stands alone. */
	expect_fact(sf, ND_FACT_COUNT, "4", "four");
	assert_int_equal(sf->n_facts, 5);
}

static void test_bare_counts_and_ranges(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	add(f, "Fire\n\n"
	       "The blaze killed 60 and injured 180, most aged 13 to 18. "
	       "Hundreds gathered. Three judges met at 11:43 in Force 17 "
	       "barracks.\n",
	    NULL);
	sf = run(f);
	expect_fact(sf, ND_FACT_COUNT, "60", "60");
	expect_fact(sf, ND_FACT_COUNT, "180", "180");
	expect_fact(sf, ND_FACT_COUNT, "13-18", "13 to 18");
	expect_fact(sf, ND_FACT_COUNT, "100s", "Hundreds");
	expect_fact(sf, ND_FACT_COUNT, "3 judge", "Three judges");
	expect_no_fact(sf, ND_FACT_COUNT, "17");
	expect_no_fact(sf, ND_FACT_COUNT, "43");
	expect_no_fact(sf, ND_FACT_COUNT, "11");
}

static void test_facts_grouped_and_sorted(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_fact *m;

	add(f, "Aid\n\nThe donor pledged 12 trucks and $40 million.\n", NULL);
	add(f, "Aid two\n\nA pledge of $45 million was reported.\n", NULL);
	add(f, "Aid three\n\nThe donor pledged $40 million in aid.\n", NULL);
	sf = run(f);
	m = expect_fact(sf, ND_FACT_MONEY, "40000000 USD", "$40 million");
	assert_int_equal(m->n_sources, 2);
	assert_int_equal(m->sources[0], 0);
	assert_int_equal(m->sources[1], 2);
	assert_int_equal(m->doc, 0);
	assert_memory_equal(f->fx.texts[0] + m->off, "$40 million", m->len);
	assert_ptr_equal(&sf->facts[0], m);
	/* Then in order of appearance. */
	assert_string_equal(sf->facts[1].value, "12 truck");
	assert_string_equal(sf->facts[2].value, "45000000 USD");
}

/* ---- Edges ---- */

static void test_interrupted_quote(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_quote *q;
	const char *text =
		"Dam vote\n\n"
		"The council voted on Monday to rebuild the Orvik dam.\n"
		"\u201CWe will rebuild it,\u201D said Mayor Anna Berg, "
		"\u201Cand we will rebuild it higher.\u201D\n"
		"\u201CThe river will not wait,\u201D said engineer Pal "
		"Strand. \u201CNeither can we.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	q = quote(sf, "We will rebuild it");
	assert_non_null(q);
	/* One quotation; its range spans the attribution. */
	assert_string_equal(q->text, "We will rebuild it, and we will "
				     "rebuild it higher.");
	assert_string_equal(q->speaker, "Anna Berg");
	assert_int_equal(q->n_occ, 1);
	assert_true(q->len > strlen(q->text));
	/* An attribution that ends its sentence parts two quotations. */
	expect_speaker(sf, "The river will not wait", "Pal Strand");
	expect_speaker(sf, "Neither can we", "Pal Strand");
	assert_int_equal(sf->n_quotes, 3);
}

static void test_reported_speech(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_quote *q;
	const char *text =
		"Hall fire\n\n"
		"Fire chief Ola Sund said on Friday that the fire started "
		"in the kitchen of the hall.\n"
		"The flames spread through the roof within minutes, police "
		"said.\n"
		"According to Sund, the alarm had been switched off for "
		"repairs.\n"
		"Until last year, he said, the hall had passed every "
		"inspection.\n"
		"The hall was built in 1932 and seated four hundred.\n";

	add(f, text, NULL);
	sf = run(f);
	q = quote(sf, "the fire started in the kitchen");
	assert_non_null(q);
	assert_int_equal(q->direct, 0);
	assert_string_equal(q->text, "the fire started in the kitchen of "
				     "the hall");
	assert_string_equal(q->speaker, "Ola Sund");
	q = quote(sf, "The flames spread");
	assert_non_null(q);
	assert_int_equal(q->direct, 0);
	assert_string_equal(q->speaker, "");
	q = quote(sf, "the alarm had been switched off");
	assert_non_null(q);
	assert_int_equal(q->direct, 0);
	assert_string_equal(q->speaker, "Ola Sund");
	expect_no_quote(sf, "built in 1932");
	q = quote(sf, "the hall had passed every inspection");
	assert_non_null(q);
	assert_int_equal(q->direct, 0);
	assert_string_equal(q->speaker, "Ola Sund");
}

static const nd_fspan *occurrence_in(const nd_quote *q, size_t doc)
{
	size_t i;

	for (i = 0; i < q->n_occ; i++) {
		if (q->occ[i].doc == doc)
			return &q->occ[i];
	}
	return NULL;
}

static void test_quote_forms(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_quote *q;

	add(f, "Port deal\n\n\u201CThis deal gives the port ten good "
	       "years and the town its harbour back,\u201D said Mayor Eva "
	       "Lind.\n", NULL);
	add(f, "Deal signed\n\n\u201CThis deal gives the port ten good "
	       "years,\u201D said Mayor Eva Lind.\n", NULL);
	add(f, "Harbour\n\n\u201CThis deal gives the port ten great "
	       "years and the town its harbour back,\u201D said Mayor Eva "
	       "Lind.\n", NULL);
	add(f, "Town\n\n\u201CThe deal gives the port ten good years and "
	       "the town its harbour back,\u201D said Mayor Eva Lind.\n",
	    NULL);
	sf = run(f);
	q = quote(sf, "ten good years and the town");
	if (q == NULL || q->n_occ != 4)
		fail_msg("one quotation in four articles expected:\n%s",
			 quotes_dump(sf));
	assert_int_equal(q->doc, 0);
	assert_int_equal(occurrence_in(q, 0)->form, ND_QUOTE_SAME);
	assert_int_equal(occurrence_in(q, 1)->form, ND_QUOTE_SHORTENED);
	assert_int_equal(occurrence_in(q, 2)->form, ND_QUOTE_ALTERED);
	assert_int_equal(occurrence_in(q, 3)->form, ND_QUOTE_ALTERED);
	assert_int_equal(q->n_sources, 4);
}

static void test_pronoun_chains_and_demonyms(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Visit\n\n"
		"On Monday, Israeli Prime Minister Dov Harel met Palestinian "
		"leader Amin Sayed.\n"
		"President Carl Weston spoke in Gaza on Tuesday. \u201CThis "
		"is not a step toward recognition,\u201D he said. He said he "
		"came at the invitation of, among others, Harel. \u201CThe "
		"prime minister wanted me to come here,\u201D he said.\n"
		"Sayed stayed silent. \u201CThey are making a farce of the "
		"accord,\u201D said the Israeli leader.\n";

	add(f, text, NULL);
	sf = run(f);
	/* "he" goes on standing for Weston: "He said" leads its sentence,
	 * not Harel at its end. */
	expect_speaker(sf, "not a step toward", "Carl Weston");
	expect_speaker(sf, "wanted me to come here", "Carl Weston");
	/* Of two leaders, the Israeli one. */
	expect_speaker(sf, "making a farce", "Dov Harel");
}

static void test_organisations_speak(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Report\n\n"
		"The Truth and Reconciliation Commission met on Monday in "
		"Cape Town.\n"
		"The commission also said the two movements were "
		"\u201Cmorally and politically accountable\u201D for the "
		"violence.\n"
		"Former leader Piet Vos objected to a finding by the "
		"commission that he was \u201Can accessory after the "
		"fact\u201D to bombings.\n"
		"\u201CWe were right,\u201D said Hanna Dorp, an economist "
		"at the University of Stellenbosch. \u201CThe report will "
		"stand.\u201D Vos's spokesman, Jan Steen, said the leader "
		"\u201Cwas very confident\u201D of winning.\n";

	add(f, text, NULL);
	sf = run(f);
	/* "X and Y Commission" is one name, and "the commission" it. */
	expect_entity(sf, "Truth and Reconciliation Commission",
		      ND_ENTITY_ORGANISATION);
	expect_speaker(sf, "morally and politically accountable",
		       "Truth and Reconciliation Commission");
	expect_speaker(sf, "an accessory after the fact",
		       "Truth and Reconciliation Commission");
	/* The sentence after "The report will stand." is a new one. */
	expect_speaker(sf, "The report will stand", "Hanna Dorp");
	expect_speaker(sf, "was very confident", "Jan Steen");
}

static void test_more_attributions(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Campaign\n\n"
		"Calls are made at InfoCision Management Corp., a "
		"telemarketing firm in Akron.\n"
		"\u201CEvery word in the script is approved by our "
		"clients,\u201D the company says on its Web site.\n"
		"Senator Ada Kell said in Cleveland that her rivals had "
		"bragged about their money. \u201CThey tell me we will do "
		"very well this year.\u201D\n"
		"Such a plan is, in the words of Stuart Stevens, a "
		"consultant, \u201Ca double bank-shot.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "Every word in the script",
		       "InfoCision Management Corp");
	/* The sentence before reports her; the quotation goes on. */
	expect_speaker(sf, "They tell me", "Ada Kell");
	expect_speaker(sf, "a double bank-shot", "Stuart Stevens");
}

static void test_wire_quotes_and_titles(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Budget\n\n"
		"House Majority Leader Dick Armey met the president on "
		"Monday.\n"
		"``The temptation,'' said L. Ari Fleischer, spokesman for "
		"the House Ways and Means Committee, ``is to grab the loot "
		"and spend it.''\n"
		"`Most of my friends are worried about this bill,'' said "
		"Rep. Mark Souder.\n"
		"``We're down to splitting infinitives,'' Rep. Dick Armey "
		"of Texas, the Republican majority leader, said of the "
		"deal.\n"
		"A critic of the bill, Anna Berg, Sara Lind attacked it as "
		"``a waste of public money.''\n";

	add(f, text, NULL);
	sf = run(f);
	/* A short first part joins the rest; alone it is no quote. */
	expect_speaker(sf, "The temptation, is to grab the loot",
		       "L. Ari Fleischer");
	/* A lone backtick opens a quotation. */
	expect_speaker(sf, "Most of my friends", "Mark Souder");
	/* The title stays out of the name; "of Texas" out of the way. */
	expect_entity(sf, "Dick Armey", ND_ENTITY_PERSON);
	expect_speaker(sf, "splitting infinitives", "Dick Armey");
	/* A name between commas is an apposition, not the subject. */
	expect_speaker(sf, "a waste of public money", "Sara Lind");
	assert_int_equal(sf->n_quotes, 4);
}

static void test_coordinated_and_quoted(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Summit\n\n"
		"President Joseph Estrada called Anwar Ibrahim his friend and "
		"said, \u201CWe believe that due process should be "
		"respected.\u201D\n"
		"Defense Minister Yitzhak Mordechai limited the maneuvers. "
		"\u201CIsrael is not interested in confrontation with "
		"Syria,\u201D his office quoted him as saying.\n"
		"\u201COur patience has run out,\u201D the commander of the "
		"land forces, Gen. Atilla Ates, said on Sunday.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "due process should be respected",
		       "Joseph Estrada");
	expect_speaker(sf, "not interested in confrontation",
		       "Yitzhak Mordechai");
	expect_speaker(sf, "Our patience has run out", "Atilla Ates");
}

static void test_description_of_many_titles(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;

	/* A description whose words are all titles and cues fills the cue
	 * list (ASan sees any write past it). */
	add(f, "Titles\n\nDeputy Prime Minister Foreign Minister Yosef Cohen "
	       "spoke. Critics objected to a finding by US Deputy Defense "
	       "Secretary General Deputy Prime Minister Foreign Minister "
	       "Cohen that he was \u201Ca danger to all the people of the "
	       "region now.\u201D\n", NULL);
	sf = run(f);
	assert_non_null(quote(sf, "a danger to all the people"));
}

static void test_two_speakers_stay_apart(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	size_t i, n = 0;

	add(f, "Pier\n\n\u201CThe pier will open before the summer "
	       "season,\u201D said Mayor Karl Berg.\n", NULL);
	add(f, "Pier two\n\n\u201CThe pier will open before the summer "
	       "season,\u201D said engineer Tobias Renvall.\n", NULL);
	add(f, "Pier three\n\nThe mayor spoke. \u201CThe pier will open "
	       "before the summer season.\u201D\n", NULL);
	sf = run(f);
	/* Like words from two named people are two quotations, even with a
	 * copy that names nobody between them. */
	for (i = 0; i < sf->n_quotes; i++)
		n += strstr(sf->quotes[i].text, "pier will open") != NULL;
	if (n != 2)
		fail_msg("two quotations expected:\n%s", quotes_dump(sf));
}

static void test_names_with_particles_and_syllables(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Names\n\n"
		"Valdorian Foreign Minister Tariq al-Hassani met Deputy Mayor "
		"Park Soo-min and the prosecutor Jan d'Almeida on Monday.\n"
		"Prime Minister Hun Sen-led talks ended.\n"
		"His wife, He Lanying, waited outside. \u201CWe are hopeful "
		"about the result,\u201D said Ms. He.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_entity(sf, "Tariq al-Hassani", ND_ENTITY_PERSON);
	expect_entity(sf, "Park Soo-min", ND_ENTITY_PERSON);
	expect_entity(sf, "Jan d'Almeida", ND_ENTITY_PERSON);
	/* "-led" is English, no syllable of a given name. */
	expect_entity(sf, "Hun Sen", ND_ENTITY_PERSON);
	expect_no_entity(sf, "Hun Sen-led");
	expect_speaker(sf, "hopeful about the result", "He Lanying");
}

static void test_kin_and_honorifics(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Trial\n\n"
		"Dissident Ren Baozhi went on trial on Thursday. His father, "
		"Ren Gaolin, 76, asked the court for a delay.\n"
		"\u201CI could not bear to sit in that room,\u201D the "
		"father, a retired welder, said.\n"
		"Senator Mary Doyle spoke next. \u201CHe promised to fix the "
		"schools,\u201D said Ms. Doyle.\n"
		"Lawyer Tomas Berge met Ren Baozhi in prison. \u201CNobody "
		"told us anything about the charges,\u201D his sister "
		"said.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "could not bear to sit", "Ren Gaolin");
	expect_speaker(sf, "promised to fix the schools", "Mary Doyle");
	/* Nobody is known as his sister: nobody, not the nearest name. */
	expect_speaker(sf, "Nobody told us anything", "");
}

static void test_authors_and_countries_speak(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Press\n\n"
		"The daily El Faro interviewed the envoy's wife, Ines Marot, "
		"on Friday. \u201CHe would be furious if he knew,\u201D El "
		"Faro quoted Marot as saying.\n"
		"\u201CThe arrests damage national security,\u201D said a "
		"statement from the Interior Ministry.\n"
		"Paris-based Press Freedom Watch urged the government to act. "
		"The reporters were jailed \u201Cfor doing nothing but their "
		"jobs,\u201D it said.\n"
		"Norway has said that it will pay nothing for \u201Cthe "
		"insults to our people and our flag.\u201D\n"
		"The Kessa Harbour Board issued a statement on Monday. "
		"\u201CThe north pier will stay closed until the spring,\u201D "
		"the statement said.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "furious if he knew", "Ines Marot");
	expect_speaker(sf, "damage national security", "Interior Ministry");
	expect_speaker(sf, "doing nothing but their jobs",
		       "Press Freedom Watch");
	expect_speaker(sf, "insults to our people", "Norway");
	expect_speaker(sf, "north pier will stay closed",
		       "Kessa Harbour Board");
}

static void test_attributions_further_away(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Summit\n\n"
		"President Ramon Ortiz attended the summit. Ortiz compared the "
		"ruling with the new court, a move the island has doubts "
		"about. Ortiz said the court should be independent, because "
		"\u201Cwe already know who gives the orders there.\u201D\n"
		"\u201CThe case is serious and delicate\u201D and the army's "
		"reaction bears watching over the coming weeks, Ortiz said.\n"
		"Premier Lina Haug spoke on Monday. In a speech, she attacked "
		"a familiar target, saying speculators \u201Care the cause of "
		"the turmoil,\u201D adding: \u201CThey spread it to every "
		"market.\u201D\n"
		"Minister Pablo Ruiz dismissed reports of a rift with the "
		"neighbours. \u201CIt is nonsense to talk of a rift between "
		"us.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	/* A preposition ending the sentence before governs nothing. */
	expect_speaker(sf, "who gives the orders there", "Ramon Ortiz");
	/* ", Ortiz said." at the sentence's end. */
	expect_speaker(sf, "case is serious and delicate", "Ramon Ortiz");
	/* Participles share the clause's subject. */
	expect_speaker(sf, "cause of the turmoil", "Lina Haug");
	expect_speaker(sf, "spread it to every market", "Lina Haug");
	/* A quotation alone after a sentence its speaker leads. */
	expect_speaker(sf, "nonsense to talk of a rift", "Pablo Ruiz");
}

static void test_titles_clauses_and_title_case(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Lockout\n\n"
		"\u201CThey shut the doors on us,\u201D said Comets forward "
		"Dario Vell.\n"
		"\u201CWe will sell to every shop in town,\u201D said Orbitel "
		"president Nadia Frisk.\n"
		"Spokesman Omar Tull spoke for the mayor. He said the mayor "
		"would not resign, saying: \u201CThe mayor will do what is "
		"best for the city.\u201D\n"
		"Governor Eli Brandt was asked about the vote. Brandt said "
		"\u201Cthe count was honest from the start,\u201D but added, "
		"\u201Cwe will check it again.\u201D\n"
		"Besides Vell, the guards came too. Vell left early.\n"
		"Critics read the book \u201CWinning the Market: Lessons From "
		"Orbitel and Its Fight With Kestrel\u201D on Monday.\n";

	add(f, text, NULL);
	sf = run(f);
	/* An organisation's title before a name: the person speaks. */
	expect_speaker(sf, "shut the doors on us", "Dario Vell");
	expect_speaker(sf, "sell to every shop", "Nadia Frisk");
	/* A participle's subject is the main clause's, not the mayor. */
	expect_speaker(sf, "best for the city", "Omar Tull");
	expect_speaker(sf, "check it again", "Eli Brandt");
	/* No "Besides Vell", no name of a title in title case. */
	expect_no_entity(sf, "Besides Vell");
	expect_no_entity(sf, "Fight With Kestrel");
	expect_no_entity(sf, "Lessons From Orbitel");
}

static void test_subjects_near_and_far(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Debate\n\n"
		"\u201CIt is like reading gossip about two players\u201D and "
		"turning it into a crime, said Petra Lund, co-author of a "
		"book on the trial.\n"
		"\u201CWe already have a leader,\u201D Gwen Sallow of Radio "
		"Kessa said on Monday.\n"
		"Senator Tom Decker rose next. He began by praising Anton "
		"Wirth: \u201CThere is no finer man in this chamber than "
		"him.\u201D\n"
		"\u201CMy pride is crushed at times like this,\u201D sighed "
		"Hugo Brant. Lena Fosse, the chamber's oldest member, was moved, "
		"praising Wirth for seeing that this was \u201Ca debate about "
		"honour and truth.\u201D\n"
		"At one point, Ruth Quell, a partner with a fund, leaned over "
		"to Vinod Rao and said quietly, \u201CI guess that leaves us "
		"the toasters.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	/* ", said X" ends the quotation's sentence, further off. */
	expect_speaker(sf, "reading gossip about two players", "Petra Lund");
	/* "X of an organisation said": X. */
	expect_speaker(sf, "already have a leader", "Gwen Sallow");
	/* "He began by praising Y:": he, not Y. */
	expect_speaker(sf, "no finer man in this chamber", "Tom Decker");
	expect_speaker(sf, "pride is crushed", "Hugo Brant");
	/* The one leading the quotation's sentence, not the neighbour. */
	expect_speaker(sf, "debate about honour and truth", "Lena Fosse");
	/* A name between commas heads its description. */
	expect_speaker(sf, "leaves us the toasters", "Ruth Quell");
}

static void test_paragraphs_appositions_and_relays(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Prisons\n\n"
		"\u201CYou would have to be naive to believe it,\u201D said "
		"Carl Yesko, a professor at the state university.\n"
		"\u201CAll of this is connected. The scandals are not "
		"separate.\u201D\n"
		"Dora Grahn, a WTA Tour veteran, said:\n"
		"\u201CThere is a lot of it going on in the sport.\u201D\n"
		"Dr. Julia Hallam, a criminologist and president of the Prison "
		"Society, which Benjamin Frisk founded, said: \u201CIt is a "
		"stupid game we are playing.\u201D\n"
		"Crack was singled out, according to Edwin Mees, a former "
		"attorney general. \u201CIt was the scourge of the inner "
		"city,\u201D he said.\n"
		"\u201COnly murderers get life terms here,\u201D said its "
		"executive director, Barbara Tomsen.\n"
		"The Refugee Agency in Moscow said the convoy was delayed by "
		"\u201Cthe very slow handling of aid,\u201D the Interfax news "
		"agency reported.\n"
		"\u201CThe curfews have really worked,\u201D said Foothill "
		"Division Capt. Ken Garvey.\n";

	add(f, text, NULL);
	sf = run(f);
	/* A quotation alone in its paragraph goes on from the one ending
	 * the paragraph before, or from "X said:". */
	expect_speaker(sf, "All of this is connected", "Carl Yesko");
	expect_speaker(sf, "a lot of it going on", "Dora Grahn");
	expect_speaker(sf, "stupid game we are playing", "Julia Hallam");
	expect_speaker(sf, "scourge of the inner city", "Edwin Mees");
	expect_speaker(sf, "Only murderers get life terms", "Barbara Tomsen");
	/* The agency relays; the clause before names the speaker. */
	expect_speaker(sf, "very slow handling of aid", "Refugee Agency");
	expect_speaker(sf, "curfews have really worked", "Ken Garvey");
}

static void test_agencies_and_initials(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Drugs\n\n"
		"The Drug Control Administration was compelled to correct the "
		"record. \u201CThe drug is the subject of much "
		"attention,\u201D the agency said in 1986.\n"
		"The drug was labeled \u201Cthe nation's drug of choice\u201D "
		"by Channel Nine.\n"
		"Police officers seem thankful. When Jerold A. Olliver was "
		"hired as chief of police, the city had seen a decade of "
		"killings.\n"
		"\u201CWe desperately needed a home run,\u201D he said.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_speaker(sf, "subject of much attention",
		       "Drug Control Administration");
	expect_speaker(sf, "drug of choice", "Channel Nine");
	/* A middle initial makes a person, whom "he" stands for. */
	expect_entity(sf, "Jerold A. Olliver", ND_ENTITY_PERSON);
	expect_speaker(sf, "needed a home run", "Jerold A. Olliver");
}

static void test_genders_and_party_labels(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Schools\n\n"
		"In Baton Rouge, Norma Teeple runs a small school, and she "
		"teaches her four sons at home.\n"
		"Economist Dennis Dorr studies such schools in his spare "
		"time.\n"
		"\u201CWe wanted our values in their lives,\u201D she says.\n"
		"Ms. Marple said she did not know where her son was.\n"
		"\u201CI do not want my son locked up,\u201D the single mother "
		"said.\n"
		"\u201CWe trust the jury,\u201D said Republican John Corwin.\n"
		"\u201CThe state must act,\u201D said Assemblyman Joe Suliman.\n";

	add(f, text, NULL);
	sf = run(f);
	/* "she" is no man ("his spare time"), though he is named
	 * nearer. */
	expect_speaker(sf, "our values in their lives", "Norma Teeple");
	/* "the mother": the nearest woman, known by "Ms.". */
	expect_speaker(sf, "my son locked up", "Marple");
	expect_speaker(sf, "We trust the jury", "John Corwin");
	expect_speaker(sf, "The state must act", "Joe Suliman");
}

static void test_titles_are_no_quotes(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Films\n\n"
		"Fans lined up for \u201CStar Voyage: Episode I -- The Grey "
		"Menace\u201D and \u201CReturn of the Knight\u201D on "
		"Wednesday.\n"
		"\u201CWe waited All Night for Star Voyage,\u201D said Rita "
		"Gomm, who camped outside.\n";

	add(f, text, NULL);
	sf = run(f);
	expect_no_quote(sf, "Grey Menace");
	expect_no_quote(sf, "Return of the Knight");
	/* Words in lower case make it speech, titles inside or not. */
	expect_speaker(sf, "We waited All Night", "Rita Gomm");
}

static void test_surnames_statements_and_closes(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Salmon\n\n"
		"That caused confusion, said Daniel Hall, director of a forest "
		"program in Portland.\n"
		"The agency \u201Cis telling owners to be scared, but not what "
		"to be scared of,\u201D Hall said.\n"
		"\u201CWhat does it mean to stay on your toes?\u201D Kim Dorsey "
		"asks.\n"
		"The Academy of Adoption Lawyers released a statement saying the "
		"bill \u201Cholds great potential to correct flawed "
		"adoptions.\u201D\n"
		"\u201CI think this is rare. I cannot see it often,\u201D said "
		"Kevin Howe, an editor at a trade magazine.\n"
		"\u201CMaybe those customers are a little more loyal.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	/* A surname that is also a list word speaks; a quotation's last
	 * word ("of") governs nothing after its mark. */
	expect_speaker(sf, "to be scared, but not what", "Daniel Hall");
	expect_speaker(sf, "stay on your toes", "Kim Dorsey");
	expect_speaker(sf, "great potential to correct",
		       "Academy of Adoption Lawyers");
	/* The quotation ending the paragraph before spans two sentences;
	 * its attribution is in the last. */
	expect_speaker(sf, "customers are a little more loyal", "Kevin Howe");
}

static void test_families_and_inner_honorifics(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Autism\n\n"
		"Wendy Rosner took her son Evan Rosner to a clinic in June.\n"
		"Evan did not look at anyone.\n"
		"\u201CWe had to teach him how to nod,\u201D Rosner said.\n"
		"\u201CSchools need to know what is going on,\u201D said GBA "
		"Systems' Ms. Stanley.\n"
		"\u201CThere are lots of children who are missed,\u201D said "
		"Dr. John S. March of the university.\n";

	add(f, text, NULL);
	sf = run(f);
	/* The son is "Evan"; "Rosner" is his mother. */
	expect_speaker(sf, "teach him how to nod", "Wendy Rosner");
	expect_no_entity(sf, "GBA Systems' Ms. Stanley");
	expect_speaker(sf, "lots of children who are missed",
		       "John S. March");
}

static void test_anonymous_borrows_nothing(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const char *text =
		"Talks\n\n"
		"Minister Ardak Semenov opened the talks on Monday.\n"
		"\u201CThe first day went well for everyone at the "
		"table,\u201D said a diplomat at the venue, \u201Cbut the "
		"hard part comes tomorrow.\u201D\n";

	add(f, text, NULL);
	sf = run(f);
	/* Joined; its attribution names nobody, so it takes no speaker. */
	expect_speaker(sf, "hard part comes tomorrow", "");
	expect_speaker(sf, "first day went well", "");
}

static void test_fact_links(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_fact *a, *b, *c;
	/* 1 copies 0; 2 and 3 report on their own. */
	const size_t origin[] = { 0, 0, 2, 3 };

	add(f, "Aid\n\nOn Monday, Quelmar pledged $40 million in aid for "
	       "flood barriers along the river.\n", NULL);
	add(f, "Aid pledged\n\nOn Monday, Quelmar pledged $40 million in "
	       "aid for flood barriers along the river.\n", NULL);
	add(f, "Aid deal\n\nOn Monday, Quelmar pledged $40 million in aid "
	       "for new flood barriers on the river.\n", NULL);
	add(f, "Follow-up\n\nOn Monday, Quelmar pledged $45 million in "
	       "aid for flood barriers along the river, and $3 million for "
	       "a museum.\n", NULL);
	sf = run_origin(f, origin);
	a = expect_fact(sf, ND_FACT_MONEY, "40000000 USD", "$40 million");
	b = expect_fact(sf, ND_FACT_MONEY, "45000000 USD", "$45 million");
	c = expect_fact(sf, ND_FACT_MONEY, "3000000 USD", "$3 million");
	assert_int_equal(a->n_sources, 3);
	assert_int_equal(a->independent, 2);
	assert_int_equal(a->n_occ, 3);
	assert_string_equal(a->about, "Quelmar");
	/* $45 million disagrees with $40 million; the museum's $3 million,
	 * stated beside it, is about something else. */
	assert_int_equal(a->n_conflicts, 1);
	assert_ptr_equal(&sf->facts[a->conflicts[0]], b);
	assert_int_equal(b->n_conflicts, 1);
	assert_ptr_equal(&sf->facts[b->conflicts[0]], a);
	assert_int_equal(c->n_conflicts, 0);
}

static void test_entity_mentions_and_given_names(void **state)
{
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;
	size_t i;

	add(f, "Detainee freed\n\nSidek Baba, deputy rector of the "
	       "university, was released on Wednesday. Sidek was quoted as "
	       "saying he had done nothing wrong.\n", NULL);
	sf = run(f);
	e = expect_entity(sf, "Sidek Baba", ND_ENTITY_PERSON);
	expect_variant(e, "Sidek");
	assert_int_equal(e->n_mentions, 2);
	for (i = 0; i < e->n_mentions; i++) {
		const char *at = f->fx.c.docs[e->ments[i].doc].text +
				 e->ments[i].off;

		assert_true(strncmp(at, e->variants[0], e->ments[i].len) ==
				    0 ||
			    strncmp(at, e->variants[1], e->ments[i].len) == 0);
	}
}

static void test_empty_story(void **state)
{
	fixture *f = *state;
	nd_story_facts sf;

	fx_finish(&f->fx);
	assert_int_equal(nd_facts_story(&sf, f->facts, &f->fx.c, NULL, 0,
					 NULL, f->fx.arena),
			 ND_OK);
	assert_int_equal(sf.n_quotes + sf.n_entities + sf.n_facts, 0);
	add(f, "Nothing\n\n\u201C\n", NULL);
	sf = *run(f);
	assert_int_equal(sf.n_quotes, 0);
}

static void test_out_of_memory(void **state)
{
	fixture *f = *state;
	size_t members[1] = { 0 };
	unsigned long k;
	int ok = 0;

	add(f, "Budget passes\n\n"
	       "Finance Minister Oda Lissner told reporters: \"The budget is "
	       "final and fully funded,\" on March 3, 2024. It adds "
	       "$25 million for 30 schools in Vellaro.\n",
	    NULL);
	fx_finish(&f->fx);
	for (k = 1; k < 400 && !ok; k++) {
		nd_story_facts sf;
		int rc;

		nd_alloc_fail_after(k);
		rc = nd_facts_story(&sf, f->facts, &f->fx.c, members, 1,
				    NULL, f->fx.arena);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
		if (rc == ND_OK) {
			ok = 1;
			assert_int_equal(sf.n_quotes, 1);
		}
	}
	assert_true(ok);
}

/* Fifty articles of some 600 words repeating one set of facts: the story
 * merges them rather than listing fifty copies. (Speed is measured by
 * make bench-digest, not here.) */
#define SPEED_DOCS 50

static void test_many_articles(void **state)
{
	nd_facts *facts = NULL;
	nd_vocab *v = NULL;
	nd_arena *a = NULL;
	nd_doc *docs = calloc(SPEED_DOCS, sizeof(*docs));
	char **texts = calloc(SPEED_DOCS, sizeof(*texts));
	const char *ids[SPEED_DOCS], *titles[SPEED_DOCS], *pub[SPEED_DOCS];
	size_t members[SPEED_DOCS], i, j;
	nd_corpus c;
	nd_story_facts sf;

	(void)state;
	assert_non_null(docs);
	assert_non_null(texts);
	assert_int_equal(nd_vocab_create(&v, NULL), ND_OK);
	assert_int_equal(nd_arena_create(&a), ND_OK);
	for (i = 0; i < SPEED_DOCS; i++) {
		size_t cap = 16384, at, title;

		texts[i] = malloc(cap);
		assert_non_null(texts[i]);
		at = (size_t)snprintf(texts[i], cap,
				      "Report %zu on the Kessel talks\n\n", i);
		title = at - 2;
		for (j = 0; j < 12; j++)
			at += (size_t)snprintf(
				texts[i] + at, cap - at,
				"Foreign Minister Arslan Tekmerov%s met envoys "
				"of Valdra in Astana on March %zu, 2024, and "
				"pledged $%zu million for 1,130 km of canals. "
				"\u201CWe will finish the canal within %zu "
				"years and share every reading,\u201D he said. "
				"Tens of thousands of farmers in Central Asia "
				"depend on the %zu dams of the Kessel "
				"basin.\n",
				j % 3 ? "" : "ich", j + 1, 20 + i % 5, 3 + j,
				12 + j);
		assert_int_equal(nd_analyse(&docs[i], v, a, texts[i], at,
					    title),
				 ND_OK);
		nd_vocab_count_doc(v, &docs[i]);
		ids[i] = "doc";
		titles[i] = "";
		pub[i] = "";
		members[i] = i;
	}
	c.n = SPEED_DOCS;
	c.docs = docs;
	c.ids = ids;
	c.titles = titles;
	c.published = pub;
	c.vocab = v;
	assert_int_equal(nd_facts_create(&facts), ND_OK);
	assert_int_equal(nd_facts_story(&sf, facts, &c, members, SPEED_DOCS,
					 NULL, a),
			 ND_OK);
	assert_true(sf.n_quotes >= 1);
	assert_true(sf.n_quotes < SPEED_DOCS);
	assert_non_null(entity(&sf, "Arslan Tekmerovich"));
	nd_facts_free(facts);
	for (i = 0; i < SPEED_DOCS; i++)
		free(texts[i]);
	free(texts);
	free(docs);
	nd_arena_free(a);
	nd_vocab_free(v);
}

/* ---- Real seeds and the examples ---- */

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)size, fp);
		buf[*len] = '\0';
	}
	fclose(fp);
	return buf;
}

/* Cleans a raw page with the clean stage and adds it. */
static bool add_raw(fixture *f, const char *raw, size_t len, bool html,
		    const char *title)
{
	nd_clean_article ca;
	nd_err err;
	int rc;

	rc = html ? nd_clean_html(&ca, f->fx.arena, title, raw, len, &err)
		  : nd_clean_text(&ca, f->fx.arena, title, raw, len, &err);
	if (rc)
		return false;
	assert_int_equal(fx_add(&f->fx, "raw", ca.text, strlen(ca.title),
				NULL),
			 0);
	return true;
}

static bool add_path(fixture *f, const char *path)
{
	size_t len = 0;
	char *raw = read_file(path, &len);
	bool ok;

	if (raw == NULL)
		return false;
	ok = add_raw(f, raw, len, strstr(path, ".html") != NULL, NULL);
	free(raw);
	return ok;
}

static void test_seeds(void **state)
{
	static const char *const names[] = {
		"000_fb2b8eb7b2d869bc.txt", "001_9243b6f4ffb81357.txt",
		"002_a2e798ce7179d953.txt", "003_ed7db0c8a3587031.txt",
		"004_a98ed6785c5c0e6b.txt",
	};
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;
	const nd_fact *m;
	size_t i;
	char path[256];

	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "%s/%s", SEEDS, names[i]);
		if (!add_path(f, path))
			skip();
	}
	sf = run(f);
	expect_speaker(sf, "firmly committed to the sovereignty",
		       "Antony Blinken");
	expect_speaker(sf, "Our country continues a balanced multilateral "
			   "foreign policy",
		       "Mukhtar Tileuberdi");
	expect_speaker(sf, "appreciation to the continuous and firm support",
		       "Kassym-Jomart Tokayev");
	expect_speaker(sf, "complex international situation",
		       "Mukhtar Tileuberdi");
	expect_speaker(sf, "We have to stop it", "Antony Blinken");
	e = expect_entity(sf, "Mukhtar Tileuberdi", ND_ENTITY_PERSON);
	expect_variant(e, "Tileuberdi");
	expect_variant(e, "Tleuberdi");
	expect_variant(e, "Mukhtar Tileuberd");
	e = expect_entity(sf, "Antony Blinken", ND_ENTITY_PERSON);
	assert_int_equal(e->n_sources, 5);
	expect_entity(sf, "Kassym-Jomart Tokayev", ND_ENTITY_PERSON);
	/* Latin C and CYRILLIC CAPITAL ES (U+0421): one organisation. */
	e = expect_entity(sf, "C5+1", ND_ENTITY_ORGANISATION);
	expect_variant(e, "\xD0\xA1" "5+1");
	expect_no_entity(sf, "\xD0\xA1" "5");
	expect_entity(sf, "Kazakhstan", ND_ENTITY_PLACE);
	expect_entity(sf, "Astana", ND_ENTITY_PLACE);
	m = expect_fact(sf, ND_FACT_MONEY, "25000000 USD", "$25 million");
	assert_int_equal(m->n_sources, 1);
	expect_fact(sf, ND_FACT_QUANTITY, "7000 km", "7,000 km");
	expect_fact(sf, ND_FACT_DATE, "1991-12", "December of 1991");
}

/* The first record of examples/feeds.jsonl, the follow-up. */
typedef struct jsonl_rec {
	nd_buf title, text;
} jsonl_rec;

static int jsonl_member(void *ctx, const nd_json_member *m)
{
	jsonl_rec *r = ctx;

	if (m->kind != ND_JSON_STRING)
		return 0;
	if (m->key_len == 5 && memcmp(m->key, "title", 5) == 0)
		return nd_json_unescape(&r->title, m->value, m->value_len);
	if (m->key_len == 4 && memcmp(m->key, "text", 4) == 0)
		return nd_json_unescape(&r->text, m->value, m->value_len);
	return 0;
}

static bool add_followup(fixture *f)
{
	size_t len = 0, line;
	char *raw = read_file(EXAMPLES "/feeds.jsonl", &len);
	jsonl_rec r = { ND_BUF_INIT(1u << 20), ND_BUF_INIT(1u << 20) };
	nd_err err;
	bool ok = false;

	if (raw == NULL)
		return false;
	line = strcspn(raw, "\n");
	if (nd_json_parse_object(&err, raw, line, jsonl_member, &r) == 0 &&
	    r.title.len && r.text.len)
		ok = add_raw(f, r.text.ptr, r.text.len, false, r.title.ptr);
	nd_buf_dispose(&r.title);
	nd_buf_dispose(&r.text);
	free(raw);
	return ok;
}

static void test_examples(void **state)
{
	static const char *const names[] = {
		"01_wire_meridian.txt", "02_coastal_herald.txt",
		"03_spin_daily.txt", "04_gazette_fr.html",
		"05_independent_times.txt",
	};
	fixture *f = *state;
	const nd_story_facts *sf;
	const nd_entity *e;
	const nd_fact *m;
	size_t i;
	char path[256];

	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "%s/%s", EXAMPLES, names[i]);
		if (!add_path(f, path))
			skip();
	}
	if (!add_followup(f))
		skip();
	sf = run(f);
	expect_speaker(sf, "stop arguing about every drop", "Liss Amberhagen");
	expect_speaker(sf, "wanted to be the country that lets",
		       "Miro Tashkevar");
	assert_true(quote(sf, "wanted to be the country that lets")->n_sources
		    >= 4);
	expect_speaker(sf, "We are buying predictability", "Miro Tashkevar");
	expect_speaker(sf, "The money will flow only if",
		       "Sabine Ortolan-Reyes");
	expect_speaker(sf, "Paper does not water anything", "Orsolya Dent");
	expect_speaker(sf, "I watched the ditch", "Piet Carrow");
	expect_speaker(sf, "sounds modest", "Benedek Sallow");
	expect_speaker(sf, "signed away our summers", "Yanna Brisk");
	expect_speaker(sf, "my oysters", "Jory Vantreck");
	expect_speaker(sf, "modest but symbolic", "");
	e = expect_entity(sf, "Miro Tashkevar", ND_ENTITY_PERSON);
	expect_variant(e, "Tashkewar");
	expect_variant(e, "Miro Tachkevar");
	e = expect_entity(sf, "K3+1", ND_ENTITY_ORGANISATION);
	expect_variant(e, "\xD0\x9A" "3+1");
	expect_entity(sf, "Liss Amberhagen", ND_ENTITY_PERSON);
	expect_entity(sf, "Port Amsel", ND_ENTITY_PLACE);
	expect_entity(sf, "Kessa Waters Treaty", ND_ENTITY_ORGANISATION);
	expect_no_entity(sf, "Serentian");
	m = expect_fact(sf, ND_FACT_MONEY, "40000000 USD", NULL);
	assert_int_equal(m->n_sources, 5);
	m = expect_fact(sf, ND_FACT_MONEY, "45000000 USD", "$45 million");
	assert_int_equal(m->n_sources, 1);
	expect_fact(sf, ND_FACT_PERCENT, "38 %", NULL);
	expect_fact(sf, ND_FACT_QUANTITY, "1130 km", NULL);
	expect_fact(sf, ND_FACT_COUNT, "10000s farmer", NULL);
}

/* The shared token-gap and possessive helpers of the facts passes: a gap
 * past the last token is never a match, so no pass reads beyond toks. */
static void test_fstory_helpers(void **state)
{
	static const char text[] = "Carrow, 58";
	nd_token toks[2] = { { 0, 6, 0, 0, 0 }, { 8, 2, 0, 0, ND_TOK_NUMBER } };
	nd_doc d;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.text = text;
	d.len = sizeof(text) - 1;
	d.toks = toks;
	d.ntoks = 2;
	assert_true(nd_fstory_gap_is(&d, 0, ", "));
	assert_false(nd_fstory_gap_is(&d, 0, ","));
	assert_false(nd_fstory_gap_is(&d, 1, ", "));
	assert_int_equal(nd_fstory_bare_len("kazakhstan's", 12), 10);
	assert_int_equal(nd_fstory_bare_len("'s", 2), 2);
	assert_int_equal(nd_fstory_bare_len("news", 4), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_quote_said_after_name,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_quote_said_before_name_and_pronoun, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_quote_colon_and_verbs_before, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_quote_according_to_and_spokesperson, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_quote_marks, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_scare_quotes_and_fragments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unclosed_quote, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_description_resolves_to_matching_person, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_quote_merged_across_articles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_entity_variants_merge,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_entity_lookalike_letters,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_entity_kinds, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_entity_country_aliases,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_entity_shared_surname_not_merged, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_entity_teams_with_article,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_entity_venue_heads, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_entity_place_modified_team, setup, teardown),
		cmocka_unit_test_setup_teardown(test_entity_bare_compass_word,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_entity_person_not_team,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_entities_sorted, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_facts_money, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_facts_percent, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_facts_quantities, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_facts_dates, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_weekday_with_its_date, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_bare_counts_and_ranges,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_facts_counts, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_facts_grouped_and_sorted,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_interrupted_quote, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reported_speech, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_quote_forms, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_pronoun_chains_and_demonyms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_organisations_speak, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_more_attributions, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_wire_quotes_and_titles,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_coordinated_and_quoted,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_description_of_many_titles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_two_speakers_stay_apart,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_names_with_particles_and_syllables, setup,
			teardown),
		cmocka_unit_test_setup_teardown(test_kin_and_honorifics, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_authors_and_countries_speak, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_attributions_further_away, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_titles_clauses_and_title_case, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subjects_near_and_far,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_paragraphs_appositions_and_relays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_agencies_and_initials,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_genders_and_party_labels,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_titles_are_no_quotes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_surnames_statements_and_closes, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_families_and_inner_honorifics, setup, teardown),
		cmocka_unit_test_setup_teardown(test_anonymous_borrows_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_fact_links, setup,
						teardown),
		cmocka_unit_test_setup_teardown(
			test_entity_mentions_and_given_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_story, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup,
						teardown),
		cmocka_unit_test(test_many_articles),
		cmocka_unit_test(test_fstory_helpers),
		cmocka_unit_test_setup_teardown(test_seeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_examples, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
