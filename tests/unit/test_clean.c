/* The clean stage: furniture removal, titles, metadata, HTML extraction.
 * Every article here is invented for the test. */
#include "test_util.h"

#include <dirent.h> /* opendir */
#include <stdio.h>  /* FILE, snprintf, sprintf */
#include <stdlib.h> /* malloc, free, qsort */
#include <unistd.h> /* access */

#include "clean/clean.h"
#include "clean/clean_lines.h"
#include "clean/furniture.h"
#include "clean/html_strip.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/utf8.h"

static nd_arena *arena;

static int setup(void **state)
{
	(void)state;
	return nd_arena_create(&arena) == ND_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	nd_arena_free(arena);
	arena = NULL;
	return 0;
}

static nd_clean_article text_ok(const char *title, const char *s)
{
	nd_clean_article out;
	nd_err err = { 0, "" };
	int rc = nd_clean_text(&out, arena, title, s, strlen(s), &err);

	if (rc != ND_OK)
		fail_msg("nd_clean_text: %d %s", rc, err.msg);
	return out;
}

static nd_clean_article html_ok(const char *title, const char *s)
{
	nd_clean_article out;
	nd_err err = { 0, "" };
	int rc = nd_clean_html(&out, arena, title, s, strlen(s), &err);

	if (rc != ND_OK)
		fail_msg("nd_clean_html: %d %s", rc, err.msg);
	return out;
}

static const char *body(const nd_clean_article *a)
{
	return a->text + a->body_off;
}

static bool has_caption(const nd_clean_article *a, const char *needle)
{
	size_t i;

	for (i = 0; i < a->n_captions; i++) {
		if (strstr(a->captions[i], needle))
			return true;
	}
	return false;
}

/* ---- Plain text ---- */

static const char furniture_page[] =
	"Home   World   Business   Sport   Culture   Weather\n"
	"\n"
	"Connect with us\n"
	"\n"
	"Hi, what are you looking for?\n"
	"\n"
	"\n"
	"Harbour authority approves new ferry route to Lindqvist Island\n"
	"\n"
	"Tidewater Gazette  |  June 3, 2024  |  2 min read\n"
	"\n"
	"NORTHPORT, June 3 (NW) - The Northport harbour authority on Monday "
	"approved a new ferry route to Lindqvist Island, ending a six-year "
	"campaign by island residents for a direct crossing.\n"
	"The service will run four times a day from the old coal pier and is "
	"expected to carry 120,000 passengers in its first year, according to "
	"the authority's planning report.\n"
	"Advertisement\n"
	"\xE2\x80\x9C" "For the first time, our children can reach the "
	"hospital in under an hour,\xE2\x80\x9D said Mara Ostlund, who chairs "
	"the island council.\n"
	"Read more\n"
	"The authority said the two vessels would be leased from a shipyard in "
	"Kelmarsh until new boats are delivered in 2026.\n"
	"\n"
	"Click to comment\n"
	"\n"
	"Leave a Reply\n"
	"\n"
	"Your email address will not be published. Required fields are "
	"marked *\n"
	"\n"
	"Comment *\n"
	"\n"
	"Name *\n"
	"\n"
	"Save my name, email, and website in this browser for the next time I "
	"comment.\n"
	"\n"
	"You May Also Like\n"
	"\n"
	"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
	"eiusmod tempor incididunt.\n"
	"\n"
	"Vitae ferendo nobis oportet, ita neque facile aliquid nec animo "
	"recipiat, sed numquam quaerat.\n"
	"\n"
	"Staff Reporter: Customs officers at Eastgate seized 300 cartons of "
	"counterfeit perfume from a lorry parked near the ring road and "
	"detained...\n"
	"\n"
	"Copyright \xC2\xA9 2024 The Tidewater Gazette. All Rights Reserved.\n"
	"Editor and Publisher: Annika Brode\n"
	"12, Quay Street, Harbour Ward, Northport 4410, Eastmark.\n"
	"Phone: +00-555-0171, +00-555-0172\n"
	"Designed & Maintained By SEAWALL DIGITAL ltd.\n";

static void text_drops_furniture(void **state)
{
	nd_clean_article a = text_ok(NULL, furniture_page);
	static const char *const gone[] = {
		"Home", "Connect with us", "looking for", "min read",
		"Advertisement", "Read more", "Click to comment",
		"Leave a Reply", "Your email", "Comment *", "Name *",
		"Save my name", "You May Also Like", "Lorem", "Vitae ferendo",
		"Customs officers", "Copyright", "Editor and Publisher",
		"Quay Street", "555-0171", "Designed", "NORTHPORT, June 3",
	};
	size_t i;

	(void)state;
	assert_string_equal(a.title, "Harbour authority approves new ferry "
				     "route to Lindqvist Island");
	assert_string_equal(a.dateline, "NORTHPORT, June 3 (NW)");
	assert_string_equal(a.published, "June 3, 2024");
	assert_contains(body(&a), "The Northport harbour authority on Monday");
	assert_true(strncmp(body(&a), "The Northport", 13) == 0);
	assert_contains(body(&a), "120,000 passengers");
	assert_contains(body(&a), "For the first time, our children");
	assert_contains(body(&a), "leased from a shipyard in Kelmarsh");
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		assert_not_contains(a.text, gone[i]);
	assert_true(a.dropped_lines >= 20);
}

static const char radio_page[] =
	"Regional grid operators agree on winter power-sharing plan\n"
	"\n"
	"A technician checks a transformer at the Vessby substation, "
	"November 2, 2024. AP - Lena Fjord\n"
	"\n"
	"Text by: Northwind Radio Follow\n"
	"\n"
	"1 min\n"
	"\n"
	"Grid operators from four northern provinces have agreed to share "
	"spare power during cold snaps this winter.\n"
	"\n"
	"The plan allows any operator facing a shortage to draw up to 300 "
	"megawatts from its neighbours at a fixed price.\xC2\xA0\n"
	"\n"
	"Advertisement\n"
	"\n"
	"Read more\n"
	"\n"
	"With our correspondent in Vessby,\n"
	"\n"
	"Tomas Reinholt\n"
	"\n"
	"Officials said the agreement would be reviewed in April.\n"
	"\n"
	"The operators also pledged to publish daily reserve figures, a step "
	"that consumer groups had demanded for years.\n"
	"\n"
	"\xE2\x96\xBA" "Also read\xC2\xA0\n"
	"\n"
	"Winter storms: how the provinces prepared their networks\n"
	"\n"
	"Newsletter\n"
	"\n"
	"Receive the regional news directly in your mailbox\n"
	"\n"
	"I subscribe\n"
	"\n"
	"Follow all the regional news by downloading the Northwind "
	"application\n"
	"\n"
	"  \xE2\x80\xA2 Energy\n"
	"\n"
	"  \xE2\x80\xA2 Vessby\n"
	"\n"
	"  \xE2\x80\xA2 WINTER WEATHER\n";

static void text_tail_caption_byline(void **state)
{
	nd_clean_article a = text_ok(NULL, radio_page);
	static const char *const gone[] = {
		"Text by", "1 min", "Advertisement", "Read more",
		"correspondent", "Tomas Reinholt", "Also read",
		"Winter storms", "Newsletter", "mailbox", "I subscribe",
		"downloading", "Energy", "WINTER", "AP - Lena",
	};
	size_t i;

	(void)state;
	assert_string_equal(a.title, "Regional grid operators agree on "
				     "winter power-sharing plan");
	assert_int_equal(a.n_captions, 1);
	assert_true(has_caption(&a, "AP - Lena Fjord"));
	assert_string_equal(a.byline, "Tomas Reinholt");
	assert_contains(body(&a), "Officials said the agreement would be "
				  "reviewed in April.");
	assert_contains(body(&a), "consumer groups had demanded for years.");
	assert_contains(body(&a), "at a fixed price.\n");
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		assert_not_contains(a.text, gone[i]);
}

static void text_caption_other_script(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Coastal towns brace for record spring tide\n\n"
		"Senior correspondent\n"
		"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xBB\xD0\xB8\xD0\xB2 "
		"\xD0\xB2 \xD0\xBF\xD0\xBE\xD1\x80\xD1\x82\xD1\x83 "
		"\xD0\x9C\xD0\xB0\xD1\x80\xD1\x80\xD0\xBE\xD1\x83\n"
		"Waves break over the sea wall in Marrow Bay. Photo by Ilse "
		"Varga\n\n"
		"Forecasters expect the highest spring tide in forty years to "
		"reach the coast on Thursday evening.\n\n"
		"Residents of low streets in Marrow Bay were asked to move "
		"cars and sandbag their doors before dusk.\n");

	(void)state;
	assert_string_equal(a.title,
			    "Coastal towns brace for record spring tide");
	assert_string_equal(a.byline, "Senior correspondent");
	assert_int_equal(a.n_captions, 1);
	assert_true(has_caption(&a, "Photo by Ilse Varga"));
	assert_not_contains(a.text, "\xD0\x9F\xD1\x80");
	assert_not_contains(a.text, "Photo by");
	assert_not_contains(a.text, "Senior correspondent");
	assert_contains(body(&a), "Forecasters expect the highest");
	assert_contains(body(&a), "sandbag their doors before dusk.");
}

static void text_title_rules(void **state)
{
	nd_clean_article a;
	const char *para =
		"The central bank left its main interest rate unchanged on "
		"Wednesday for the third month in a row, saying that prices "
		"were still rising faster than it would like. Markets had "
		"expected the decision.\n"
		"Economists said a cut was unlikely before the autumn.\n";

	(void)state;
	/* A section label before the headline is not the title. */
	a = text_ok(NULL, "Economy\n\nCentral bank holds rates steady for "
			  "third month\n\nThe central bank left its main "
			  "interest rate unchanged on Wednesday.\n");
	assert_string_equal(a.title,
			    "Central bank holds rates steady for third month");
	assert_not_contains(a.text, "Economy");

	/* A first line that is a long paragraph is body, not title. */
	a = text_ok(NULL, para);
	assert_string_equal(a.title, "");
	assert_int_equal(a.body_off, 2);
	assert_true(strncmp(a.text, "\n\nThe central bank left", 22) == 0);
	assert_contains(body(&a), "Economists said a cut");

	/* A known title is used, and the same line leaves the body. */
	a = text_ok("Bank keeps rates on hold",
		    "BANK KEEPS RATES ON HOLD\n\nThe central bank left its "
		    "main interest rate unchanged on Wednesday.\n");
	assert_string_equal(a.title, "Bank keeps rates on hold");
	assert_not_contains(a.text, "BANK KEEPS");
	assert_contains(body(&a), "The central bank left");

	/* A short headline followed by prose is still the title. */
	a = text_ok(NULL, "Ferry route approved\n\nThe harbour authority "
			  "approved the new route to the island on Monday "
			  "after a long campaign.\n");
	assert_string_equal(a.title, "Ferry route approved");

	/* Furniture first: the title is the first real line. */
	a = text_ok(NULL, "Connect with us\nSearch\nMenu\n"
			  "Library opens on Sundays from June\n\n"
			  "The town library will open on Sundays from June, "
			  "the council said on Tuesday.\n");
	assert_string_equal(a.title, "Library opens on Sundays from June");
}

static void text_rejoins_broken_lines(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Minister backs daily island ferry\n\n"
		"The minister said the government firmly supports \"\n\n"
		"the right of island families to reach the mainland every "
		"day\n\n"
		"\xC2\xA0\".\n\n"
		"The council voted on Tuesday to extend the\n"
		"library's opening hours on Sundays and public holidays.\n\n"
		"The ferry begins service in May, the authority said.\n");

	(void)state;
	assert_contains(body(&a), "firmly supports \"the right of island "
				  "families to reach the mainland every "
				  "day\".\n");
	assert_contains(body(&a), "to extend the library's opening hours");
	assert_contains(body(&a), "The ferry begins service in May");
}

static void text_lorem(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Le conseil vote le budget\n\n"
		"Le conseil municipal est r\xC3\xA9uni et le maire, qui "
		"pr\xC3\xA9side la s\xC3\xA9" "ance, a annonc\xC3\xA9 un "
		"nouveau budget pour les \xC3\xA9" "coles.\n\n"
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed "
		"do eiusmod tempor.\n\n"
		"Cras ferendo tempora vel ultrices nobis oportet, ita ut neque "
		"facile dolorem aliquid.\n\n"
		"Le vote final est pr\xC3\xA9vu pour le mois de juin, selon la "
		"mairie.\n");

	(void)state;
	assert_contains(body(&a), "Le conseil municipal est r");
	assert_contains(body(&a), "Le vote final est");
	assert_not_contains(a.text, "Lorem");
	assert_not_contains(a.text, "Cras ferendo");
}

static void text_signoff_and_agency(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Velsham opens its first tram line\n\n"
		"Velsham, May 2 (ANB).- The city of Velsham opened its first "
		"tram line on Thursday, linking the station with the "
		"university campus.\n\n"
		"The line cost 80 million crowns and will carry an expected "
		"9,000 passengers a day, officials said. ANB\n\n"
		"ab-cd/ef\n\n"
		"Related Articles\n\n"
		"Back to top button\n");

	(void)state;
	assert_string_equal(a.dateline, "Velsham, May 2 (ANB)");
	assert_string_equal(a.published, "May 2");
	assert_true(strncmp(body(&a), "The city of Velsham", 19) == 0);
	assert_contains(body(&a), "passengers a day, officials said.\n");
	assert_not_contains(a.text, "said. ANB");
	assert_not_contains(a.text, "ab-cd/ef");
	assert_not_contains(a.text, "Related");
	assert_not_contains(a.text, "Back to top");
}

static void text_datelines(void **state)
{
	nd_clean_article a;

	(void)state;
	a = text_ok(NULL, "Floods close the valley road\n\n"
			  "ORMSBY, Eastmark \xE2\x80\x94 Floodwater closed the "
			  "only road into the valley on Sunday.\n");
	assert_string_equal(a.dateline, "ORMSBY, Eastmark");
	assert_true(strncmp(body(&a), "Floodwater closed", 17) == 0);

	a = text_ok(NULL, "Floods close the valley road\n\n"
			  "ORMSBY (NW) \xE2\x80\x93 Floodwater closed the only "
			  "road into the valley on Sunday.\n");
	assert_string_equal(a.dateline, "ORMSBY (NW)");

	/* A sentence with a dash is not a dateline. */
	a = text_ok(NULL, "Floods close the valley road\n\n"
			  "Residents - most of them farmers - were told to "
			  "leave the valley on Sunday.\n");
	assert_string_equal(a.dateline, "");
	assert_true(strncmp(body(&a), "Residents - most", 16) == 0);
}

static void text_related_block_mid_article(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Storm cuts power to thousands in the north\n\n"
		"A winter storm cut power to about 40,000 homes in the "
		"northern provinces on Friday, the grid operator said.\n"
		"Crews worked through the night to clear fallen trees from "
		"lines near the coast and the hills.\n"
		"Related Articles\n"
		"Grid operators agree on a power-sharing plan\n"
		"Coastal towns brace for spring tide\n"
		"By Saturday morning, power had been restored to all but "
		"3,000 homes, mostly in remote villages.\n"
		"The operator said the last homes should be reconnected by "
		"Sunday evening at the latest.\n"
		"Schools in the worst-hit districts will stay closed on Monday "
		"as a precaution.\n");

	(void)state;
	assert_contains(body(&a), "cut power to about 40,000 homes");
	assert_contains(body(&a), "power had been restored to all but");
	assert_contains(body(&a), "reconnected by Sunday evening");
	assert_not_contains(a.text, "Related");
	assert_not_contains(a.text, "power-sharing plan");
	assert_not_contains(a.text, "spring tide");
}

static void text_bylines(void **state)
{
	nd_clean_article a;

	(void)state;
	a = text_ok(NULL, "Stags win the cup final\n\n"
			  "Sport > Basketball > Cup\n\n"
			  "By Lena Ostrova, Sports Desk | April 2, 2024 | 3 "
			  "min read\n\n"
			  "Share on Facebook   Share on X   Email\n\n"
			  "The Stags won the cup final on Sunday, beating the "
			  "Foxes 80-77 in front of a full arena.\n");
	assert_string_equal(a.byline, "Lena Ostrova");
	assert_string_equal(a.published, "April 2, 2024");
	assert_not_contains(a.text, "Basketball");
	assert_not_contains(a.text, "Share on");
	assert_not_contains(a.text, "Lena Ostrova");

	a = text_ok(NULL, "Tram line opens\n\n"
			  "The city opened its first tram line on Thursday, "
			  "linking the station with the campus.\n\n"
			  "(Reporting by Ines Marl; Editing by Oskar Vint)\n");
	assert_string_equal(a.byline, "Ines Marl");
	assert_not_contains(a.text, "Reporting by");
}

/* Real sentences that contain furniture words stay. */
static void text_keeps_prose_with_furniture_words(void **state)
{
	static const char *const kept[] = {
		"Users must download the app to pay for rides",
		"Websites that use cookies must ask for consent",
		"Comments from the minister came late on Tuesday.",
		"We recommend caution.",
		"\"Follow us,\" the officer told the crowd",
		"By the end of the day, shares in the company",
		"Share prices recovered slightly on Wednesday.",
		"Copyright law was changed in 2019",
		"More news is expected on Monday",
		"Most read the ruling as a warning",
		"\"What are you looking for in a partner?\"",
		"The company's privacy policy was updated",
		"In other news, the regulator opened",
		"Back to top form, the firm's shares rose",
		"Read more about the ruling in the court's summary",
	};
	nd_clean_article a = text_ok(NULL,
		"Regulator fines app maker over tracking\n\n"
		"The data regulator fined a popular ride-hailing app 12 "
		"million crowns on Tuesday.\n"
		"Users must download the app to pay for rides, and it tracked "
		"them even when closed, the regulator said.\n"
		"Websites that use cookies must ask for consent first, the "
		"court ruled last year.\n"
		"Comments from the minister came late on Tuesday.\n"
		"We recommend caution.\n"
		"\"Follow us,\" the officer told the crowd before the march.\n"
		"By the end of the day, shares in the company had fallen 8%.\n"
		"Share prices recovered slightly on Wednesday.\n"
		"Copyright law was changed in 2019 to cover such cases.\n"
		"More news is expected on Monday, when the company publishes "
		"its results.\n"
		"Most read the ruling as a warning to the whole sector.\n"
		"\"What are you looking for in a partner?\" the chairman asked "
		"investors.\n"
		"The company's privacy policy was updated twice in 2023.\n"
		"In other news, the regulator opened a second inquiry into a "
		"delivery firm.\n"
		"Back to top form, the firm's shares rose 3% by the close.\n"
		"Read more about the ruling in the court's summary, officials "
		"said.\n");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		assert_contains(body(&a), kept[i]);
	assert_int_equal(a.dropped_lines, 0);
	assert_string_equal(a.byline, "");
}

static void text_more_furniture(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Council approves harbour plan\n\n"
		"Image caption, Workers repair the harbour wall after the "
		"storm\n\n"
		"The town council approved a plan on Monday to rebuild the "
		"harbour wall, which was damaged in the winter storms.\n\n"
		"WATCH: Residents describe the night the sea came in\n\n"
		"Work will start in September and cost about 3 million "
		"crowns, the council said in a statement.\n\n"
		"Contact the newsroom: news@harbour-times.example\n\n"
		"Posted in News | Tagged harbour, council\n\n"
		"Officials said they had watched the weather closely all "
		"week.\n");

	(void)state;
	assert_int_equal(a.n_captions, 1);
	assert_true(has_caption(&a, "Workers repair the harbour wall"));
	assert_not_contains(a.text, "WATCH");
	assert_not_contains(a.text, "newsroom");
	assert_not_contains(a.text, "Posted in");
	assert_contains(body(&a), "watched the weather closely all week.");
	assert_contains(body(&a), "cost about 3 million crowns");
}

static void text_calls_to_action(void **state)
{
	/* Asks to subscribe or to follow on a channel, even as sentences
	 * after another; prose that merely names the channel stays. */
	nd_clean_article a = text_ok(NULL,
		"Council approves harbour plan\n\n"
		"The town council approved a plan on Monday to rebuild the "
		"harbour wall, which was damaged in the winter storms.\n\n"
		"Advert\n\n"
		"Work will start in September and cost about 3 million "
		"crowns, the council said, and the mayor wrote on Twitter that "
		"the town would follow the works closely.\n\n"
		"There is more where that came from. Sign up for the Harbour "
		"Times today and get the free daily newsletter.\n\n"
		"Subscribe to the Harbour Times and stay smart.\n\n"
		"Follow the Harbour Times on Facebook, Twitter and Instagram."
		"\n\nOfficials said they had watched the weather closely all "
		"week.\n");

	(void)state;
	assert_not_contains(a.text, "Advert");
	assert_not_contains(a.text, "Sign up");
	assert_not_contains(a.text, "Subscribe");
	assert_not_contains(a.text, "Follow the Harbour");
	assert_contains(body(&a), "wrote on Twitter that the town");
	assert_contains(body(&a), "watched the weather closely all week.");
}

static void html_share_and_reading_prompts(void **state)
{
	/* Share bars, reading times and pitches to readers who liked the
	 * story, in a page. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>New bridge opens</h1>"
		"<p>Tempo de leitura: 2 minutos</p><p>Sharing is caring</p>"
		"<p>The new bridge over the river opened on Monday, after three "
		"years of works and a long dispute over its cost.</p>"
		"<p>Like this story? Share it with a friend!</p>"
		"<p>Traffic in the old town should ease by the summer, the "
		"mayor said at the opening on Monday.</p>"
		"<p>If you enjoyed this article, we have a proposition for you: "
		"join our club of members and read without limits.</p>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "The new bridge over the river");
	assert_contains(body(&a), "Traffic in the old town");
	assert_not_contains(a.text, "Tempo de leitura");
	assert_not_contains(a.text, "Sharing is caring");
	assert_not_contains(a.text, "Share it with");
	assert_not_contains(a.text, "proposition");
}

static void text_furniture_other_languages(void **state)
{
	/* "Read also" and "You may also like" in German and French. */
	nd_clean_article a = text_ok(NULL,
		"Stadtrat beschliesst neuen Hafen\n\n"
		"Der Stadtrat hat am Montag den Bau eines neuen Hafens "
		"beschlossen, wie die Stadt mitteilte.\n\n"
		"\xC3\x80 lire aussi : Le port de la ville voisine ferme\n\n"
		"Anzeige\n\n"
		"Titelbild: Anna Berg/Agentur\n\n"
		"Folgen Sie uns auf Twitter und Facebook\n\n"
		"Die Arbeiten beginnen im Herbst und kosten etwa drei "
		"Millionen "
		"Euro, sagte der B\xC3\xBCrgermeister.\n\n"
		"Das k\xC3\xB6nnte Sie auch interessieren\n\n"
		"Neue Buslinie f\xC3\xA4hrt ab Mai durch die Altstadt, wie "
		"die Stadt am Dienstag mitteilte.\n\n"
		"Kommentare\n\n"
		"Endlich tut sich etwas in dieser Stadt, schrieb ein Leser am "
		"Abend.\n");

	(void)state;
	assert_contains(body(&a), "kosten etwa drei Millionen Euro");
	assert_not_contains(a.text, "lire aussi");
	assert_not_contains(a.text, "Anzeige");
	assert_true(has_caption(&a, "Titelbild: Anna Berg/Agentur"));
	assert_not_contains(a.text, "Folgen Sie");
	assert_not_contains(a.text, "interessieren");
	assert_not_contains(a.text, "Buslinie");
	assert_not_contains(a.text, "Kommentare");
	assert_not_contains(a.text, "schrieb ein Leser");
}

static void text_furniture_german_wording(void **state)
{
	/* German furniture wording: share bar, a "read also" pointer and a
	 * related block after the article. */
	nd_clean_article a = text_ok(NULL,
		"Stadtrat beschlie\xC3\x9Ft neuen Hafenplan\n\n"
		"Artikel teilen\n\n"
		"Der Stadtrat hat am Montag beschlossen, die alte Hafenmauer "
		"neu zu bauen, die im Winter besch\xC3\xA4" "digt wurde.\n\n"
		"Lesen Sie auch:\n\n"
		"Sturm \xC3\xBC" "ber der K\xC3\xBCste\n\n"
		"Die Arbeiten sollen im September beginnen und etwa drei "
		"Millionen Euro kosten, teilte die Stadt mit.\n\n"
		"Das k\xC3\xB6nnte Sie auch interessieren\n\n"
		"Neue F\xC3\xA4hre f\xC3\xBCr die Inseln, die im Sommer "
		"fahren soll.\n");

	(void)state;
	assert_contains(body(&a), "die alte Hafenmauer neu zu bauen");
	assert_contains(body(&a), "drei Millionen Euro kosten");
	assert_not_contains(a.text, "Artikel teilen");
	assert_not_contains(a.text, "Lesen Sie auch");
	assert_not_contains(a.text, "Sturm");
	assert_not_contains(a.text, "interessieren");
	assert_not_contains(a.text, "Neue F");

	a = text_ok(NULL,
		"Best ferries of the year\n\n"
		"This post contains affiliate links; we may earn a commission "
		"when you book.\n\n"
		"The island ferry won the prize of the year, the jury said on "
		"Monday, for its service and its prices.\n\n"
		"Foto: Hafenamt\n\n"
		"The opinions expressed here are those of the author, not of "
		"the ferry company.\n\n"
		"More information at the harbour office.\n\n"
		"Never miss a sailing: sign up to our newsletter today, it is "
		"free.\n\n"
		"Download our ferry apps for iOS and Android and book your "
		"crossing in a minute.\n\n"
		"It will add a second boat in the summer, the company said in a "
		"statement on Tuesday.\n");
	assert_contains(body(&a), "won the prize of the year");
	assert_not_contains(a.text, "affiliate");
	assert_not_contains(a.text, "Hafenamt");
	assert_not_contains(a.text, "newsletter");
	assert_not_contains(a.text, "Android");
	assert_not_contains(a.text, "opinions expressed");
	assert_not_contains(a.text, "More information");
}

static void text_dateline_other_languages(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"\xD0\x92\xD0\xBB\xD0\xB0\xD1\x81\xD1\x82\xD0\xB8 "
		"\xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB\xD0\xB8 "
		"\xD1\x82\xD1\x80\xD0\xB0\xD0\xBC\xD0\xB2\xD0\xB0\xD0\xB9\n\n"
		"\xD0\x92\xD0\x95\xD0\x9B\xD0\xAC\xD0\xA1\xD0\xA5"
		"\xD0\x90\xD0\x9C, 2 \xD0\xBC\xD0\xB0\xD1\x8F "
		"(\xD0\x90\xD0\x9D\xD0\x91) - "
		"\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4 "
		"\xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB "
		"\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB2\xD1\x83\xD1\x8E "
		"\xD1\x82\xD1\x80\xD0\xB0\xD0\xBC\xD0\xB2\xD0\xB0"
		"\xD0\xB9\xD0\xBD\xD1\x83\xD1\x8E "
		"\xD0\xBB\xD0\xB8\xD0\xBD\xD0\xB8\xD1\x8E "
		"\xD0\xB2 \xD1\x87\xD0\xB5\xD1\x82\xD0\xB2\xD0\xB5\xD1\x80\xD0"
		"\xB3.\n\n"
		"Photo: Reuters\n");

	(void)state;
	assert_string_equal(a.dateline,
			    "\xD0\x92\xD0\x95\xD0\x9B\xD0\xAC\xD0\xA1\xD0\xA5"
			    "\xD0\x90\xD0\x9C, 2 \xD0\xBC\xD0\xB0\xD1\x8F "
			    "(\xD0\x90\xD0\x9D\xD0\x91)");
	assert_true(strncmp(body(&a), "\xD0\x93\xD0\xBE\xD1\x80", 6) == 0);
	assert_not_contains(a.text, "Reuters");
}

static void text_format_and_words(void **state)
{
	nd_clean_article a = text_ok(NULL,
		"Title line of a small article\n\n"
		"The first paragraph is one sentence of prose.\n"
		"The second paragraph has nine words in it too.\n");

	(void)state;
	assert_string_equal(a.text,
			    "Title line of a small article\n\n"
			    "The first paragraph is one sentence of prose.\n"
			    "The second paragraph has nine words in it too.\n");
	assert_int_equal(a.text_len, strlen(a.text));
	assert_int_equal(a.body_off, strlen(a.title) + 2);
	assert_int_equal(a.words, 17);
}

static void features_count_words_without_spaces(void **state)
{
	/* Chinese runs words together: 12 Han characters weigh as 6
	 * words, not one, so such a line can be prose. */
	static const char zh[] = "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xB8\x82"
				 "\xE6\x94\xBF\xE5\xBA\x9C\xE5\x8F\x91"
				 "\xE5\xB8\x83\xE4\xBA\x86\xE6\x96\xB0"
				 "\xE7\x9A\x84\xE8\xA7\x84\xE5\x88\x92"
				 "\xE3\x80\x82";
	nd_line_feat f;

	(void)state;
	nd_clean_features(&f, zh, sizeof(zh) - 1);
	assert_int_equal(f.letters, 12);
	assert_true(f.words >= 6);
	assert_true(f.sentence);
	nd_clean_features(&f, "two words", 9);
	assert_int_equal(f.words, 2);
}

static void text_odd_bytes(void **state)
{
	static const char raw[] =
		"Title line for the odd bytes test\r\n\r\n"
		"The first\tparagraph has\xC2\xA0" "a no-break space and a "
		"NUL\0byte inside it, which all become spaces.\r\n"
		"Cafe\xCC\x81 owners cheered the decision at the market on "
		"Friday morning.\r"
		"Bad bytes \xFF\xFE here are replaced by the cleaner without "
		"any fuss at all.\n";
	nd_clean_article a;
	nd_err err = { 0, "" };

	(void)state;
	assert_int_equal(nd_clean_text(&a, arena, NULL, raw, sizeof(raw) - 1,
				       &err),
			 ND_OK);
	assert_true(nd_utf8_valid(a.text, a.text_len, NULL));
	assert_int_equal(strlen(a.text), a.text_len);
	assert_contains(a.text, "The first paragraph has a no-break space");
	assert_contains(a.text, "NUL byte inside");
	assert_contains(a.text, "Caf\xC3\xA9 owners");
	assert_contains(a.text, "\xEF\xBF\xBD");
	assert_null(strchr(a.text, '\r'));
	assert_null(strchr(a.text, '\t'));
}

static void text_empty(void **state)
{
	nd_clean_article a;
	nd_err err = { 0, "" };

	(void)state;
	assert_int_equal(nd_clean_text(&a, arena, NULL, "", 0, &err),
			 ND_EEMPTY);
	assert_string_equal(err.msg, "no article text left after cleaning");
	assert_int_equal(nd_clean_text(&a, arena, NULL, " \n\t\n\xC2\xA0\n", 7,
				       &err),
			 ND_EEMPTY);
	assert_int_equal(nd_clean_text(&a, arena, NULL,
				       "Connect with us\nAdvertisement\n"
				       "Related Articles\n",
				       47, &err),
			 ND_EEMPTY);
	assert_string_equal(a.text, "");
}

/* An RSS item or a wire flash has a headline and nothing else: the
 * headline is its body. Furniture alone is still no article, nor is an
 * HTML page whose body is gone. */
static void text_headline_only(void **state)
{
	static const char flash[] = "Quake hits Orlen valley, dams hold";
	static const char want[] = "Quake hits Orlen valley, dams hold\n\n"
				   "Quake hits Orlen valley, dams hold\n";
	static const char page[] = "<html><head><title>Quake hits Orlen "
				   "valley</title></head><body><h1>Quake "
				   "hits Orlen valley</h1></body></html>";
	nd_clean_article a;
	nd_err err = { 0, "" };

	(void)state;
	assert_int_equal(nd_clean_text(&a, arena, flash, "", 0, &err), ND_OK);
	assert_string_equal(a.text, want);
	assert_int_equal(a.body_off, sizeof(flash) + 1);
	assert_int_equal(a.words, 6);
	assert_int_equal(nd_clean_text(&a, arena, flash, flash,
				       sizeof(flash) - 1, &err),
			 ND_OK);
	assert_string_equal(a.text, want);
	/* The title taken from the text's only line. */
	assert_int_equal(nd_clean_text(&a, arena, NULL, flash,
				       sizeof(flash) - 1, &err),
			 ND_OK);
	assert_string_equal(a.text, want);
	/* A headline that reads as a caption is the headline still. */
	assert_int_equal(nd_clean_text(&a, arena, "Kessa gala red carpet "
				       "(PHOTOS)", "Kessa gala red carpet "
				       "(PHOTOS)\n", 30, &err),
			 ND_OK);
	assert_string_equal(a.text, "Kessa gala red carpet (PHOTOS)\n\n"
				    "Kessa gala red carpet (PHOTOS)\n");
	assert_int_equal(a.n_captions, 0);
	assert_int_equal(nd_clean_text(&a, arena, flash,
				       "Advertisement\nRelated Articles\n",
				       31, &err),
			 ND_EEMPTY);
	assert_int_equal(nd_clean_html(&a, arena, NULL, page,
				       sizeof(page) - 1, &err),
			 ND_EEMPTY);
}

/* 5 MB of text (prose with furniture between) in well under a second
 * in an optimised build; the limit leaves room for sanitizers. */
static void text_big_is_fast(void **state)
{
	static const char *const lines[] = {
		"The harbour authority approved a new ferry route on "
		"Monday after a long campaign by island residents.\n",
		"Advertisement\n",
		"Officials expect 120,000 passengers in the first year of "
		"service, according to the planning report.\n",
		"\n",
		"Share on Facebook\n",
	};
	size_t cap = 5u << 20, len = 0, i = 0;
	char *buf = malloc(cap + 256);
	nd_clean_article a;
	nd_err err = { 0, "" };

	(void)state;
	assert_non_null(buf);
	while (len < cap) {
		size_t n = strlen(lines[i % 5]);

		memcpy(buf + len, lines[i % 5], n);
		len += n;
		i++;
	}
	assert_int_equal(nd_clean_text(&a, arena, NULL, buf, len, &err),
			 ND_OK);
	assert_not_contains(a.text, "Advertisement");
	assert_true(a.words > 500000);
	/* One 5 MB line without a break. */
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			buf[i] = ' ';
	}
	assert_int_equal(nd_clean_text(&a, arena, NULL, buf, len, &err),
			 ND_OK);
	free(buf);
}

/* ---- HTML ---- */

static const char bridge_page[] =
	"<!DOCTYPE html><html><head>"
	"<title>Bridge reopens after repairs | The Riverside Post</title>"
	"<meta property=\"og:title\" content=\"Old Mill bridge reopens after "
	"two years of repairs\">"
	"<meta property=\"og:site_name\" content=\"The Riverside Post\">"
	"<meta property=\"article:published_time\" "
	"content=\"2024-05-06T09:30:00Z\">"
	"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
	"\"author\":{\"@type\":\"Person\",\"name\":\"Hanna Kov\\u00e1ll\"}}"
	"</script><style>.x{color:red}</style></head><body>"
	"<div class=\"cookie-consent\"><p>We use cookies to improve your "
	"experience. Accept all cookies to keep reading this site.</p>"
	"<button>Accept all</button></div>"
	"<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/n\">News"
	"</a></li></ul></nav>"
	"<header class=\"site-header\"><a href=\"/\">The Riverside Post</a>"
	"</header>"
	"<main><article>"
	"<h1>Old Mill bridge reopens after two years of repairs</h1>"
	"<p class=\"byline\">By <a rel=\"author\">Hanna Kovall</a> | May 6, "
	"2024</p>"
	"<figure><img src=\"b.jpg\" alt=\"The bridge\"><figcaption>Cyclists "
	"cross the restored bridge on Monday. Photo: Riverside Post"
	"</figcaption></figure>"
	"<p>The Old Mill bridge reopened to traffic on Monday after two "
	"years of repairs that cost the town 4.2&nbsp;million crowns.</p>"
	"<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a>"
	"<a href=\"#\">Tweet</a></div>"
	"<p>Engineers replaced the rusted steel deck and strengthened the "
	"stone piers, which date from 1871.</p>"
	"<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">"
	"Council approves the new road budget for next year</a></li></ul>"
	"</aside>"
	"<p>&laquo;&nbsp;We can finally walk to the market again&nbsp;"
	"&raquo;, said Edda Lind, who lives on the east bank.</p>"
	"</article>"
	"<section id=\"comments\" class=\"comments\"><h2>3 Comments</h2>"
	"<p>Great news, I have waited so long for this bridge to be opened "
	"again by the council and I am very happy today.</p></section>"
	"</main>"
	"<footer><p>&copy; 2024 The Riverside Post. All rights reserved."
	"</p></footer>"
	"<script>var x = \"Script text must not appear\";</script>"
	"</body></html>";

static void html_article_page(void **state)
{
	nd_clean_article a = html_ok(NULL, bridge_page);
	static const char *const gone[] = {
		"cookies", "Accept all", "Home", "News\n", "Riverside Post",
		"Share on Facebook", "Tweet", "road budget", "Great news",
		"Comments", "All rights reserved", "Script text", "color:red",
		"By Hanna", "Cyclists",
	};
	size_t i;

	(void)state;
	assert_string_equal(a.title, "Old Mill bridge reopens after two "
				     "years of repairs");
	assert_string_equal(a.published, "2024-05-06T09:30:00Z");
	assert_string_equal(a.byline, "Hanna Kov\xC3\xA1ll");
	assert_int_equal(a.n_captions, 1);
	assert_true(has_caption(&a, "Cyclists cross the restored bridge"));
	assert_true(strncmp(body(&a), "The Old Mill bridge reopened", 28) == 0);
	assert_contains(body(&a), "4.2 million crowns.");
	assert_contains(body(&a), "stone piers, which date from 1871.");
	assert_contains(body(&a), "\xC2\xAB We can finally walk");
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		assert_not_contains(a.text, gone[i]);
}

/* A blog-engine page: everything is a div with a class, the body class
 * says "has-sidebar", comments and related posts sit inside the post. */
static void html_cms_page(void **state)
{
	nd_clean_article a = html_ok(NULL,
		"<html><head><title>Council approves harbour plan &#8211; "
		"Saltmere Times</title><meta name=\"author\" content=\"Ilse "
		"Varga\"></head><body class=\"single has-sidebar\">"
		"<div id=\"page\" class=\"site\"><a class=\"skip-link\" "
		"href=\"#c\">Skip to content</a><header id=\"masthead\" "
		"class=\"site-header\"><p class=\"site-title\">Saltmere Times"
		"</p><nav class=\"main-navigation\"><ul><li><a>Home</a></li>"
		"</ul></nav></header><div id=\"content\" "
		"class=\"site-content\">"
		"<main id=\"main\"><div class=\"post type-post\">"
		"<header class=\"entry-header\"><h1 class=\"entry-title\">"
		"Council approves harbour plan</h1><div class=\"entry-meta\">"
		"Posted on <time datetime=\"2024-07-01T08:00:00+00:00\">"
		"July 1, 2024</time></div></header>"
		"<div class=\"entry-content\">"
		"<p>The town council approved a plan on Monday to rebuild the "
		"harbour wall, which was damaged in the winter storms.</p>"
		"<div class=\"ad-container\"><p>Advertisement</p></div>"
		"<p>Work will start in September and cost about 3 million "
		"crowns, the council said in a statement.</p>"
		"<div class=\"sharedaddy\"><h3>Share this:</h3><ul><li><a>"
		"Twitter</a></li></ul></div><div id=\"jp-relatedposts\" "
		"class=\"jp-relatedposts\"><h3>Related</h3><p><a href=\"/x\">"
		"Storm damage estimate rises to 5 million crowns after a new "
		"survey of the seafront</a></p></div></div></div>"
		"<div id=\"comments\" class=\"comments-area\"><p>About time! "
		"The wall has been falling apart for years and nobody seemed "
		"to care at all.</p><h3>Leave a Reply</h3></div></main>"
		"<aside class=\"widget-area\"><h2>Recent Posts</h2><ul><li><a>"
		"Market day moves to Saturday</a></li></ul></aside></div>"
		"<footer class=\"site-footer\"><p>Proudly powered by WordPress"
		"</p></footer></div></body></html>");

	(void)state;
	assert_string_equal(a.title, "Council approves harbour plan");
	assert_string_equal(a.byline, "Ilse Varga");
	assert_string_equal(a.published, "2024-07-01T08:00:00+00:00");
	assert_contains(body(&a), "rebuild the harbour wall");
	assert_contains(body(&a), "3 million crowns, the council said");
	assert_not_contains(a.text, "Advertisement");
	assert_not_contains(a.text, "Share this");
	assert_not_contains(a.text, "Storm damage");
	assert_not_contains(a.text, "About time");
	assert_not_contains(a.text, "Market day");
	assert_not_contains(a.text, "WordPress");
	assert_not_contains(a.text, "Skip to content");
}

/* The whole page inside one <form> and a "sidebar"-named wrapper. */
static void html_wrapped_page(void **state)
{
	nd_clean_article a = html_ok(NULL,
		"<html><head><title>Ferry fares rise - Island Post</title>"
		"</head><body><form id=\"mainForm\" method=\"post\">"
		"<div class=\"layout-with-sidebar\"><div id=\"menu-bar\"><a>"
		"Home</a> | <a>News</a></div><div class=\"story-body\"><h1>"
		"Ferry fares to rise in autumn</h1><p>Ferry fares to the "
		"island will rise by ten percent from October, the operator "
		"announced on Friday.</p><p>The operator blamed higher fuel "
		"prices and the cost of a new vessel that joins the fleet "
		"next year.</p><p>Islanders' groups said they would ask the "
		"council to block the increase at its next meeting.</p></div>"
		"<div class=\"sidebar\"><p>Weather: sunny spells, light winds "
		"from the west in the afternoon.</p></div></div>"
		"<input type=\"hidden\" name=\"state\" value=\"abc\"></form>"
		"</body></html>");

	(void)state;
	assert_string_equal(a.title, "Ferry fares to rise in autumn");
	assert_contains(body(&a), "rise by ten percent from October");
	assert_contains(body(&a), "block the increase at its next meeting");
	assert_not_contains(a.text, "Weather");
	assert_not_contains(a.text, "Home");
}

static void html_density_root_and_title(void **state)
{
	nd_clean_article a = html_ok(NULL,
		"<html><head><title>Town library extends Sunday hours - "
		"Eastmark Courier</title></head><body>"
		"<div id=\"top\"><a href=\"/\">Home</a> <a href=\"/p\">"
		"Politics</a></div>"
		"<div class=\"content\"><div class=\"story\">"
		"<p>The town library will open on Sundays from June, the "
		"council said on Tuesday, after a petition signed by 2,400 "
		"residents.</p>"
		"<p>The longer hours will cost about 60,000 crowns a year, "
		"paid from the culture budget.</p>"
		"<p>Librarians welcomed the change but asked for two more "
		"staff to cover the weekend shifts.</p></div>"
		"<div class=\"sidebar\"><p>Popular this week in the Courier: "
		"the harbour festival guide.</p></div></div>"
		"<div class=\"footer-links\"><p>About us</p></div>"
		"</body></html>");

	(void)state;
	assert_string_equal(a.title, "Town library extends Sunday hours");
	assert_contains(body(&a), "open on Sundays from June");
	assert_contains(body(&a), "60,000 crowns a year");
	assert_contains(body(&a), "two more staff");
	assert_not_contains(a.text, "Politics");
	assert_not_contains(a.text, "Popular this week");
	assert_not_contains(a.text, "About us");
}

/* Only the h1 is closed: an open h1 holds the paragraphs that follow
 * it, in HTML5 as in browsers, so it would swallow the page. */
static void html_malformed(void **state)
{
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>A page nobody closed</h1><p>First "
		"paragraph of an unclosed page that still has plenty of "
		"words in it.<p>Second paragraph, also unclosed, and the "
		"parser must repair it without complaint.<div><b>bold "
		"text that is never closed and runs on to the end of the "
		"page without a stop");

	(void)state;
	assert_string_equal(a.title, "A page nobody closed");
	assert_contains(body(&a), "First paragraph of an unclosed page");
	assert_contains(body(&a), "Second paragraph, also unclosed");
}

static void html_deep_nesting(void **state)
{
	size_t depth = 10000, i, len = 0;
	char *page = malloc(depth * 5 + 1024);
	const char *head = "<html><body><p>The top paragraph sits outside "
			   "the deep nesting and must survive cleaning.</p>";
	nd_clean_article a;
	nd_err err = { 0, "" };
	int rc;

	(void)state;
	assert_non_null(page);
	memcpy(page, head, strlen(head));
	len = strlen(head);
	for (i = 0; i < depth; i++) {
		memcpy(page + len, "<div>", 5);
		len += 5;
	}
	memcpy(page + len, "<p>Deep down below.</p>", 23);
	len += 23;
	rc = nd_clean_html(&a, arena, NULL, page, len, &err);
	assert_int_equal(rc, ND_OK);
	assert_contains(a.text, "The top paragraph sits outside");
	free(page);
}

/* Start tags past the parser's depth cap are dropped, not their text:
 * what sits at the bottom of 10,000 closed divs (or custom elements) and
 * what follows them both survive. */
static void html_deep_text_kept(void **state)
{
	static const char *const opens[] = { "<div>", "<x-box>" };
	static const char *const closes[] = { "</div>", "</x-box>" };
	size_t depth = 10000, i, k, len;
	const char *top = "<html><body><p>The ferry council met on Monday "
			  "evening to discuss the winter timetable.</p>";
	const char *deep = "<p>The ferry will run twice a day from November, "
			   "the harbour office said on Monday.</p>";
	const char *after = "<p>The mayor thanked the ferry crews for their "
			    "work through the storms of last winter.</p>";
	char *page = malloc(depth * 15 + 1024);
	nd_clean_article a;

	(void)state;
	assert_non_null(page);
#define PUT(s) (memcpy(page + len, (s), strlen(s)), len += strlen(s))
	for (k = 0; k < 2; k++) {
		len = 0;
		PUT(top);
		for (i = 0; i < depth; i++)
			PUT(opens[k]);
		PUT(deep);
		for (i = 0; i < depth; i++)
			PUT(closes[k]);
		PUT(after);
		page[len] = '\0';
		a = html_ok(NULL, page);
		assert_contains(body(&a), "council met on Monday");
		assert_contains(body(&a), "twice a day from November");
		assert_contains(body(&a), "thanked the ferry crews");
	}
#undef PUT
	free(page);
}

/* Formatting elements left open are re-opened in every paragraph (HTML5
 * tree building), so 200 of them and 3,000 short divs would make 600,000
 * nodes out of 36 kB: the page is refused once the node cap is reached,
 * and quickly. */
static void html_node_cap(void **state)
{
	size_t i, len = 0;
	char *page = malloc(200 * 16 + 3000 * 12 + 64);
	nd_clean_article a;
	nd_err err = { 0, "" };

	(void)state;
	assert_non_null(page);
	len += (size_t)sprintf(page + len, "<html><body><div>");
	for (i = 0; i < 200; i++)
		len += (size_t)sprintf(page + len, "<b id=%zu>", i);
	len += (size_t)sprintf(page + len, "</div>");
	for (i = 0; i < 3000; i++)
		len += (size_t)sprintf(page + len, "<div>x</div>");
	assert_int_equal(nd_clean_html(&a, arena, NULL, page, len, &err),
			 ND_ETOOBIG);
	free(page);
}

/* Text pieces between stray end tags join into one text node, each join
 * copying all so far; the run is cut every few joins, losing a piece
 * now and then but never growing quadratically. */
static void html_text_joins_cut(void **state)
{
	const char *piece = "The ferry to Lisk runs twice a day. </zz>";
	size_t i, n = 20000, len = 0, found = 0;
	char *page = malloc(n * strlen(piece) + 64);
	nd_clean_article a;
	const char *p;

	(void)state;
	assert_non_null(page);
	len += (size_t)sprintf(page, "<html><body><p>");
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(page + len, "%s", piece);
	a = html_ok(NULL, page);
	for (p = a.text; (p = strstr(p, "twice a day")) != NULL; p++)
		found++;
	assert_true(found > n - n / 20 && found <= n);
	free(page);
}

/* One reader for many pages gives what a fresh one gives. */
static void html_reader_reused(void **state)
{
	const char *pages[] = {
		"<html><head><title>Quay works start</title>"
		"<meta property=\"og:title\" content=\"Quay works\">"
		"</head><body><nav><a href=/>Home</a></nav><article><p>Work "
		"on the north quay of Brenna starts on Monday and will last "
		"until the spring, the port authority said.</p><p>Ferries "
		"will use the south quay while the works go on, and the "
		"timetable stays the same.</p></article></body></html>",
		"<p>A short page whose only paragraph has enough words in "
		"it to be kept as the body of an article.",
		"<html><body><div class=\"comments\"><p>A comment that "
		"says nothing at all about the harbour works, at length."
		"</p></div><main><p>The council of Brenna approved the "
		"budget for the harbour on Tuesday, with two votes against."
		"</p></main></body></html>",
	};
	nd_html_reader *r = NULL;
	size_t i, k;

	(void)state;
	assert_int_equal(nd_html_reader_create(&r), ND_OK);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
			nd_clean_article fresh = html_ok(NULL, pages[i]), got;
			nd_err err = { 0, "" };

			assert_int_equal(nd_clean_html_with(&got, r, arena,
							    NULL, pages[i],
							    strlen(pages[i]),
							    &err),
					 ND_OK);
			assert_string_equal(got.text, fresh.text);
			assert_string_equal(got.title, fresh.title);
			assert_string_equal(got.published, fresh.published);
		}
	}
	nd_html_reader_free(r);
	nd_html_reader_free(NULL);
}

static void html_script_only(void **state)
{
	static const char page[] =
		"<html><head><script>var a = 1;</script></head><body>"
		"<script>document.write('hello world this is text');</script>"
		"<style>p { color: blue }</style><noscript>Please enable "
		"JavaScript to read this site.</noscript></body></html>";
	nd_clean_article a;
	nd_err err = { 0, "" };

	(void)state;
	assert_int_equal(nd_clean_html(&a, arena, NULL, page,
				       sizeof(page) - 1, &err),
			 ND_EEMPTY);
	assert_string_equal(err.msg, "no article text left after cleaning");
	assert_int_equal(nd_clean_html(&a, arena, NULL, "", 0, &err),
			 ND_EEMPTY);
	assert_int_equal(nd_clean_html(&a, arena, NULL, "\0\0\0", 3, &err),
			 ND_EEMPTY);
}

static void html_strip_cuts_code_keeps_json_ld(void **state)
{
	static const char page[] =
		"<p>a</p><script>var s = \"</p><p>x\";</script><p>b</p>"
		"<!-- <p>c</p> --><STYLE type=text/css>p{}</STYLE>"
		"<svg><text>d</text></svg><scripts>e</scripts>"
		"<script type=\"application/ld+json\">{}</script>"
		"<script>never closed <p>f</p>";
	nd_buf out = ND_BUF_INIT(4096);

	(void)state;
	assert_int_equal(nd_html_strip(&out, page, sizeof(page) - 1), 0);
	assert_int_equal(nd_buf_putc(&out, '\0'), 0);
	assert_string_equal(out.ptr,
			    "<p>a</p><p>b</p><scripts>e</scripts>"
			    "<script type=\"application/ld+json\">{}</script>");
	nd_buf_dispose(&out);
}

/* Start tags lose the attributes nobody reads; the text of raw elements,
 * end tags, declarations, odd tags and a tag the page ends in stay as
 * they are. */
static void html_lean_drops_unread_attributes(void **state)
{
	static const char page[] =
		"<!DOCTYPE html><a href=\"/x>y\" CLASS=\"k\"data-n=1 id=i/>"
		"<p class=a/><img src=x hidden><b / title=t></b x=\"<i>\">"
		"<title>T</title><p style='a' onclick=f() role=r>"
		"<title><p class=t></title><i data-x=1>";
	nd_buf out = ND_BUF_INIT(4096);

	(void)state;
	assert_int_equal(nd_html_lean(&out, page, sizeof(page) - 1), 0);
	/* A raw text holding a '<' may be no raw text (in MathML): what
	 * follows stays as it is. */
	assert_string_equal(out.ptr,
			    "<!DOCTYPE html><a CLASS=\"k\" id=i/>"
			    "<p class=a/><img hidden><b / title=t></b x=\"<i>\">"
			    "<title>T</title><p style='a' role=r>"
			    "<title><p class=t></title><i data-x=1>");
	nd_buf_clear(&out);
	assert_int_equal(nd_html_lean(&out, "<p>a<div data-x=1", 17), 0);
	assert_string_equal(out.ptr, "<p>a<div data-x=1");
	nd_buf_dispose(&out);
}

/* Blank runs between tags become one blank, a line break when they held
 * one; blanks inside text and single blanks stay. */
static void html_strip_collapses_indentation(void **state)
{
	static const char page[] =
		"<div>\n    <p>a  b</p>  \t <p>c</p> <p>d</p>\r\n\n  <pre>"
		"x</pre>\n";
	nd_buf out = ND_BUF_INIT(4096);
	nd_clean_article a;

	(void)state;
	assert_int_equal(nd_html_strip(&out, page, sizeof(page) - 1), 0);
	assert_int_equal(nd_buf_putc(&out, '\0'), 0);
	assert_string_equal(out.ptr, "<div>\n<p>a  b</p> <p>c</p> <p>d</p>\n"
				     "<pre>x</pre>\n");
	nd_buf_dispose(&out);
	/* A <pre> keeps its line breaks between inline tags. */
	a = html_ok(NULL, "<html><body><p>The listing below prints the "
			  "timetable of the harbour ferry for each day of "
			  "the week.</p><pre><b>The ferry leaves Brenna at "
			  "nine on Monday mornings, the office said.</b>\n"
			  "\n  <b>On Tuesdays it leaves at ten, after the "
			  "mail boat has come in.</b></pre></body></html>");
	assert_contains(body(&a), "the office said.\nOn Tuesdays it leaves");
}

static void html_scored_article_and_siblings(void **state)
{
	/* The article is split over two blocks with a link list between;
	 * a comment block holds more words than either block alone. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>"
		"<div class=\"story\"><h1>Dam opens on the Varn river</h1>"
		"<div class=\"part\"><p>The new dam on the Varn river opened on "
		"Friday, ten years after work began, officials said.</p>"
		"<p>It will supply water to three towns, the regional office "
		"said, and power to a fourth.</p></div>"
		"<ul class=\"links\"><li><a href=/a>Flood warning lifted in the "
		"north of the province today</a></li><li><a href=/b>Town hall "
		"votes on budget</a></li></ul>"
		"<div class=\"part\"><table><tr><td>Height</td><td>84 m</td>"
		"</tr><tr><td>Cost</td><td>2.1 billion</td></tr></table>"
		"<p>Farmers welcomed the dam, though some "
		"fishermen fear for the salmon, the union said.</p></div></div>"
		"<div class=\"comments\"><p>Finally, after all these years of "
		"waiting, waiting and waiting, the dam is here, and yet, nobody "
		"asked us, the people, what we wanted, or needed.</p></div>"
		"</body></html>");

	(void)state;
	assert_string_equal(a.title, "Dam opens on the Varn river");
	assert_contains(body(&a), "ten years after work began");
	assert_contains(body(&a), "fear for the salmon");
	assert_contains(body(&a), "Height 84 m");
	assert_not_contains(a.text, "Flood warning");
	assert_not_contains(a.text, "nobody asked us");
	assert_not_contains(a.text, "World");
}

static void html_list_items_are_text(void **state)
{
	/* Plain list items inside the article, each long enough to count
	 * as a paragraph of its own: the lower head start of lists must not
	 * make them furniture. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>New tram line opens</h1>"
		"<p>The new tram line through the old town opened on Monday, "
		"two years late and over budget, the city said.</p>"
		"<p>The line brings three changes for riders, officials said, "
		"starting next week:</p>"
		"<ul><li>Trams run every six minutes during the day</li>"
		"<li>Night trams run on the weekend until two in the morning"
		"</li></ul>"
		"<p>Bus line 4 will stop running in March, when the last works "
		"on the bridge are done, the city added.</p>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "Trams run every six minutes");
	assert_contains(body(&a), "Night trams run on the weekend");
}

static void html_list_item_linked_headline(void **state)
{
	/* A briefing's items lead with a linked headline and explain it
	 * after: text, unlike a list of links to other stories. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Five things to know today</h1>"
		"<p>Good morning, this is the news you need to know this "
		"Tuesday, in five short points.</p><ol>"
		"<li><a href=/a>The harbour strike is over after nine days"
		"</a>. Dock workers accepted a new contract on Monday night, "
		"the union said.</li>"
		"<li><a href=/b>The city will build two new bridges</a>. Works "
		"start in the spring and end in three years, officials said."
		"</li></ol>"
		"<p>That is all for today, and we will be back tomorrow with "
		"more, as every morning.</p>"
		"<ul><li><a href=/c>Weather: rain all week in the north and "
		"the south</a></li><li><a href=/d>Sports: the final is on "
		"Sunday night</a></li></ul>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "Dock workers accepted a new contract");
	assert_contains(body(&a), "Works start in the spring");
	assert_not_contains(a.text, "rain all week");
}

static void html_story_among_stories(void **state)
{
	/* A blog page: the post with the headline, then other posts in
	 * <article>s of their own, which together hold more prose. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><div id=main>"
		"<article><h1>Only who loves themselves</h1>"
		"<p>Living a true experience of love is one of the great "
		"joys of "
		"life, and it starts with how we treat ourselves, every "
		"day.</p>"
		"</article>"
		"<article><h2>Family</h2><p>What holds a family together is "
		"love, "
		"care, and wishing each other well, in good times and bad.</p>"
		"<p>A united family is strength, support and understanding, "
		"and "
		"a push forward in life, towards our dreams.</p></article>"
		"<article><h2>Faith</h2><p>Strength to win and faith to "
		"believe, "
		"that all is possible, that every obstacle can be overcome.</p>"
		"<p>Gratitude for life lies in the details, in a smile at "
		"waking, "
		"in a prayer of thanks, in a walk.</p></article>"
		"</div></body></html>");

	(void)state;
	assert_contains(body(&a), "Living a true experience of love");
	assert_not_contains(a.text, "holds a family together");
	assert_not_contains(a.text, "Strength to win");
}

static void html_deep_sibling_same_class(void **state)
{
	/* The article in two blocks of one class; the first one's prose sits
	 * deeper than paragraph scores climb, so it has no score at all. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><div id=post>"
		"<div class=\"body-part\"><section><div><div><div><div>"
		"<p>When the biologist looked inside the lungs of the mice, he "
		"thought, at first, that he was seeing things.</p>"
		"<p>He had found a strange cell, shaped like a pear, and "
		"covered "
		"with receptors for taste, of all things.</p>"
		"</div></div></div></div></section></div>"
		"<div class=\"body-part\"><p>Scientists are only beginning to "
		"understand these cells, but they seem to be a hub of the "
		"body's "
		"defences, and of its alarms.</p><p>They talk to the immune "
		"system, the authors say, and can sense threats that are still "
		"invisible to other cells.</p><p>More studies will follow, in "
		"other tissues, over the next years, the team said.</p></div>"
		"</div></body></html>");

	(void)state;
	assert_contains(body(&a), "he thought, at first");
	assert_contains(body(&a), "a hub of the body's defences");
}

static void html_popup_card_in_sentence(void **state)
{
	/* A name in a sentence carries a hidden card: a photo and links to
	 * other stories about the person. The name stays, the card goes. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Man admits threats to mayor</h1>"
		"<p>A man pleaded guilty to threatening the mayor, <span "
		"class=people><a href=/p/ann>Ann Berg</a><span class=card>"
		"<img src=a.jpg><a href=/s/1>Mayor Berg opens the new harbour "
		"bridge after years of delays</a> <a href=/s/2>City council "
		"backs mayor on the housing plan</a></span></span>, "
		"prosecutors "
		"said on Monday.</p><p>He faces up to ten years in prison, and "
		"a fine, when he is sentenced in the spring.</p>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "threatening the mayor, Ann Berg, "
				  "prosecutors said");
	assert_not_contains(a.text, "harbour bridge");
}

static void html_date_lines_above_prose(void **state)
{
	/* Time stamps above the article in any language, one opening with
	 * the date: metadata. A dated line below the first paragraph, or one
	 * that only ends with a date, is text. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Rain closes the mountain pass</h1>"
		"<p>quinta-feira, 21 de novembro de 2019 \xC3\xA0s 07:50</p>"
		"<p>21/11/2019 - Posted by: Desk - Category: Weather</p>"
		"<p>Heavy rain closed the mountain pass on Thursday, and the "
		"police asked drivers to take the valley road instead.</p>"
		"<p>Road office update from 22 November 2019 at 06:00 in the "
		"morning</p>"
		"<p>The pass was closed for the last time in 2015, after a "
		"landslide, the road office said.</p>"
		"</article></body></html>");

	(void)state;
	assert_not_contains(a.text, "quinta-feira");
	assert_not_contains(a.text, "Posted by");
	assert_contains(body(&a), "update from 22 November 2019 at 06:00");
	assert_string_equal(a.published, "21/11/2019");
}

static void html_prose_in_furniture_named_block(void **state)
{
	/* The lede in a block whose class reads like furniture: kept for
	 * its prose; a list of comments named so stays out. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Markets mixed on trade talks</h1>"
		"<div class=\"lead-media\"><p>HONG KONG - A muddled view of "
		"the "
		"trade talks once again seems to weigh on investors "
		"across the region, analysts said.</p></div>"
		"<p>Asian indexes were mixed in early trading on Tuesday, "
		"after "
		"reports that the mood in the capital was gloomy.</p>"
		"<p>Japan's main index fell, while markets in Seoul and Sydney "
		"rose slightly, traders said.</p>"
		"<ol class=\"comment-thread\"><li>Markets always fall when the "
		"news is bad, and rise when it is good, so what is new here, "
		"really?</li><li>I sold everything last week and I do not "
		"regret it at all, whatever they say now.</li></ol>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "A muddled view of the trade talks");
	assert_contains(body(&a), "markets in Seoul and Sydney");
	assert_not_contains(a.text, "I sold everything");
}

static void html_headline_unlike_meta_title(void **state)
{
	/* The social title and the page's headline differ: the title is
	 * the metadata's, and the headline is no line of the body. */
	nd_clean_article a = html_ok(NULL,
		"<html><head><meta property=\"og:title\" content=\"Sweden "
		"drops the case\"></head><body><article>"
		"<h1>Prosecutors in Sweden close the investigation</h1>"
		"<p>Prosecutors in Sweden have closed an investigation into an "
		"allegation made nine years ago, they said on Tuesday.</p>"
		"<p>The evidence had weakened over time, the deputy chief "
		"prosecutor told reporters in the capital.</p>"
		"</article></body></html>");

	(void)state;
	assert_string_equal(a.title, "Sweden drops the case");
	assert_not_contains(body(&a), "close the investigation");
	assert_contains(body(&a), "have closed an investigation");
}

static void html_short_lines_closing_the_article(void **state)
{
	/* After the last paragraph: a sign-off and an address stay; a label,
	 * a link's words and all after a line of furniture go. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Our trip to the lakes</h1>"
		"<p>We spent a week at the lakes in the north this summer, and "
		"it rained only on the last day, which was lucky.</p>"
		"<p>The cabins were simple but clean, and the owners cooked "
		"for "
		"us every evening, fish from the lake mostly.</p>"
		"<p>Yours, Franzi</p>"
		"<p><a href=\"http://lakes.example/cabins\">"
		"http://lakes.example/cabins</a></p>"
		"<p><a href=/next>Next trip</a></p>"
		"<p>Contact:</p><p>Privacy policy</p><p>Anna Berg</p>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "Yours, Franzi");
	assert_contains(body(&a), "http://lakes.example/cabins");
	assert_not_contains(a.text, "Next trip");
	assert_not_contains(a.text, "Contact");
	assert_not_contains(a.text, "Anna Berg");
}

static void html_table_rows_of_figures(void **state)
{
	/* Standings: rows mostly of figures are data, not symbol lines. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Final standings of the season</h1>"
		"<p>The season ended on Sunday after 36 races, with the title "
		"decided by five points, the closest finish in years.</p>"
		"<table><tr><th>Pos.</th><th>Driver</th><th>Points</th>"
		"<th>Wins</th><th>Poles</th><th>Top 5</th></tr>"
		"<tr><td>1</td><td>Kyle Berg</td><td>5040</td><td>5</td>"
		"<td>1</td><td>17</td></tr>"
		"<tr><td>24</td><td>Ty Lund</td><td>613</td><td>0</td>"
		"<td>0</td><td>1</td></tr></table>"
		"<p>Only the first twelve drivers fight for the title in the "
		"last ten races, under the rules of the series.</p>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "1 Kyle Berg 5040 5 1 17");
	assert_contains(body(&a), "24 Ty Lund 613 0 0 1");
}

static void html_line_in_other_script(void **state)
{
	/* In a page the markup placed the lines: a short command in Latin
	 * letters inside a Russian article is text (in plain text such a
	 * line is a stray caption, see text_caption_other_script). */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>\xD0\x9A\xD0\xBE\xD0\xB4\xD1\x8B"
		"</h1><p>\xD0\xA1\xD0\xBA\xD0\xBE\xD1\x80\xD0\xBE\xD1"
		"\x81\xD1\x82\xD1\x8C \xD0\xB1\xD0\xB5\xD0\xB3\xD0\xB0 "
		"\xD0\xBC\xD0\xBE\xD0\xB6\xD0\xBD\xD0\xBE "
		"\xD1\x83\xD0\xB2\xD0\xB5\xD0\xBB\xD0\xB8\xD1\x87\xD0"
		"\xB8\xD1\x82\xD1\x8C \xD0\xBA\xD0\xBE\xD0\xB4\xD0\xBE"
		"\xD0\xBC, \xD0\xB2\xD0\xBE\xD1\x82 \xD1\x82\xD0\xB0"
		"\xD0\xBA \xD0\xBA\xD0\xB0\xD0\xBA \xD0\xB7\xD0\xB4"
		"\xD0\xB5\xD1\x81\xD1\x8C \xD0\xBD\xD0\xB8\xD0\xB6"
		"\xD0\xB5.</p><ul><li>player.setav speedmult 200 and "
		"player.setav health 500</li></ul>"
		"<p>\xD0\xA1\xD0\xBA\xD0\xBE\xD1\x80\xD0\xBE\xD1\x81"
		"\xD1\x82\xD1\x8C \xD0\xB1\xD0\xB5\xD0\xB3\xD0\xB0 "
		"\xD0\xB2\xD1\x8B\xD1\x80\xD0\xB0\xD1\x81\xD1\x82\xD0"
		"\xB5\xD1\x82 \xD0\xB2\xD0\xB4\xD0\xB2\xD0\xBE\xD0\xB5, "
		"\xD0\xB8 \xD1\x8D\xD1\x82\xD0\xBE \xD0\xB2\xD0\xB8\xD0"
		"\xB4\xD0\xBD\xD0\xBE \xD1\x81\xD1\x80\xD0\xB0\xD0\xB7"
		"\xD1\x83.</p></article></body></html>");

	(void)state;
	assert_contains(body(&a), "player.setav speedmult 200 and");
}

static void html_furniture_name_on_wrapper(void **state)
{
	/* A furniture-like class around the whole article ("paywall") and
	 * a stray <link> before it (which libxml2 nested the body under). */
	nd_clean_article a = html_ok(NULL,
		"<html><head><title>Port strike ends</title></head><body>"
		"<link rel=preconnect href=//x.example><div class=\"paywall\">"
		"<x-story><p>Dock workers in Salten ended their strike on "
		"Tuesday after the port agreed to a new contract, the union "
		"said.</p><p>Ships had waited for nine days outside the "
		"harbour, and prices of fresh goods had risen, traders said."
		"</p></x-story></div><div class=\"footer-links\"><a href=/>"
		"About us</a></div></body></html>");

	(void)state;
	assert_contains(body(&a), "ended their strike on Tuesday");
	assert_contains(body(&a), "waited for nine days");
	assert_not_contains(a.text, "About us");
}

static void html_lists_and_wrappers_kept(void **state)
{
	/* A plain list of steps scores low by tag, and a wrapper named
	 * like a widget holds the whole text: both are the article's. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Bread without a machine</h1>"
		"<div class=\"text-widget\"><p>Baking bread at home takes "
		"little more than flour, water, salt and patience, bakers "
		"say.</p><ol><li>Mix the flour with the water and the salt in "
		"a large bowl.</li><li>Leave the dough to rest for twelve "
		"hours "
		"under a cloth.</li></ol><p>Bake it for forty minutes in a hot "
		"oven, then let it cool before cutting.</p></div>"
		"<ul><li><a href=/a>Cakes for beginners and their friends</a>"
		"</li><li><a href=/b>Ten soups for the winter</a></li></ul>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "little more than flour");
	assert_contains(body(&a), "Mix the flour with the water");
	assert_contains(body(&a), "rest for twelve hours");
	assert_contains(body(&a), "forty minutes in a hot oven");
	assert_not_contains(a.text, "Cakes for beginners");
}

static void html_article_split_in_blocks(void **state)
{
	/* The article in sections of its own, the first scoring far above
	 * the second: their common ancestor is the article, the link list
	 * beside them is not. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><div class=\"content\"><div id=\"list\">"
		"<section><h2>The bridge</h2><div class=\"body\">"
		"<p>The city council voted on Monday to close the old harbour "
		"bridge to cars from next spring, after years of repairs.</p>"
		"<p>Cyclists and walkers will still cross it, the mayor said, "
		"and buses will take the new tunnel instead.</p><p>Repairs "
		"cost the city more than four million last year, the "
		"council's report says, and engineers warned of worse.</p>"
		"<p>Shop owners near the bridge, worried about trade, asked "
		"for more parking, which the council promised to study.</p>"
		"<p>The bridge, opened in 1911, is the oldest in the region, "
		"and will be listed as a monument, officials said.</p><p>Work "
		"on the tunnel, which cost twice as much as planned, ended in "
		"May, a year late, the builders said.</p></div></section>"
		"<section><h2>The pier</h2><div class=\"body\"><p>In the "
		"second part of the plan, the council will also rebuild the "
		"ferry pier, which storms damaged in March.</p><p>The pier, "
		"used by fishermen and tourists, has been closed since, and "
		"the ferry now docks further south.</p><p>A new pier, designed "
		"to resist storms, will cost two million, which the region and "
		"the state will share.</p></div></section></div><ul><li>"
		"<a href=/a>Weather for the weekend in the region and beyond"
		"</a></li><li><a href=/b>Football results of the second league"
		"</a></li></ul></div></body></html>");

	(void)state;
	assert_contains(body(&a), "close the old harbour bridge");
	assert_contains(body(&a), "rebuild the ferry pier");
	assert_not_contains(a.text, "Weather for the weekend");
}

static void html_ruby_and_hidden_inputs(void **state)
{
	/* Ruby readings are no text; hidden inputs make no form of the
	 * block holding the article. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><div class=\"post\"><h1>Harbour news</h1>"
		"<div><input type=hidden name=a value=1><input type=hidden "
		"name=b value=2><input type=hidden name=c value=3><input "
		"type=hidden name=d value=4><p>The old harbour reopened on "
		"Sunday after two years of works, the port authority said, "
		"and the first ferry docked at noon.</p><p>Its name, "
		"<ruby>\xE6\xB8\xAF<rt>minato</rt></ruby>, means harbour, "
		"as the mayor told the crowd, and so it will stay.</p></div>"
		"</div></body></html>");

	(void)state;
	assert_contains(body(&a), "first ferry docked at noon");
	assert_contains(body(&a), "Its name, \xE6\xB8\xAF, means");
	assert_not_contains(a.text, "minato");
}

static void html_header_with_lede(void **state)
{
	/* The lede sits in the article's header, beside the headline; the
	 * page header with its menu does not come along. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><header><a href=/>Home</a> <a href=/n>News</a>"
		"</header><article><header><h1>Harbour reopens</h1><p>After "
		"two years of works, the old harbour reopened on Sunday, and "
		"the first ferry docked at noon, the port said.</p></header>"
		"<div><p>The works cost four million, most of it paid by the "
		"region, and took a year longer than planned, officials said."
		"</p><p>Fishermen, who had moored in the next town, welcomed "
		"the news, though some feared higher fees, their union said."
		"</p><p>The mayor, who opened the harbour, promised a market "
		"on the quay every Saturday from next month on.</p><p>Tourists "
		"are expected to return in the summer, when the ferries run "
		"every hour, the port authority added.</p></div></article>"
		"</body></html>");

	(void)state;
	assert_contains(body(&a), "the first ferry docked at noon");
	assert_contains(body(&a), "a market on the quay");
	assert_not_contains(a.text, "Home");
}

static void html_labels_before_the_prose(void **state)
{
	/* Short lines that open the article are its own (ingredients);
	 * short lines after its last paragraph are tags. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Pancakes for four</h1><div>"
		"<p>200 g flour</p><p>Two eggs</p><p>Half a litre milk</p>"
		"<p>Whisk the flour, the eggs and the milk into a smooth "
		"batter, then let it rest for half an hour.</p><p>Fry thin "
		"pancakes in a hot pan with a little butter, two minutes a "
		"side, and serve them warm.</p><p>Breakfast</p><p>Quick meals"
		"</p></div></article></body></html>");

	(void)state;
	assert_contains(body(&a), "200 g flour\nTwo eggs\nHalf a litre milk");
	assert_contains(body(&a), "serve them warm.");
	assert_not_contains(a.text, "Breakfast");
	assert_not_contains(a.text, "Quick meals");
}

static void html_article_inside_aside(void **state)
{
	/* Markup broken so that the article sits inside an aside: when
	 * nothing else holds prose, the landmark tags give way. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
		"<aside><div class=\"story\"><p>The old harbour reopened on "
		"Sunday after two years of works, the port authority said, "
		"and the first ferry docked at noon.</p><p>The works cost "
		"four million, most of it paid by the region, and took a year "
		"longer than planned, officials said.</p></div></aside>"
		"<div class=\"note\"><p>Open daily.</p></div></body></html>");

	(void)state;
	assert_contains(body(&a), "the first ferry docked at noon");
	assert_contains(body(&a), "took a year longer than planned");
	assert_not_contains(a.text, "Home");
}

static void html_comments_outweigh_article(void **state)
{
	/* The comments hold more prose than the article: measured again
	 * without class names they win, then leave nothing, so the first
	 * choice stands. */
	static const char comment[] =
		"<li id=\"comment-1\"><p>I have lived by the harbour all my "
		"life, and I think, honestly, that the works took far too "
		"long, cost far too much, and nobody asked us, the people who "
		"live here, what we wanted, or needed.</p></li>";
	char page[4096];
	nd_clean_article a;

	(void)state;
	snprintf(page, sizeof(page),
		 "<html><body><div><p>The old harbour reopened on Sunday "
		 "after two years of works, the port authority said, and the "
		 "first ferry docked at noon.</p><p>The works cost four "
		 "million, most of it paid by the region, officials said.</p>"
		 "</div><div id=\"comments\"><ul>%s%s%s%s%s%s</ul></div>"
		 "</body></html>",
		 comment, comment, comment, comment, comment, comment);
	a = html_ok(NULL, page);
	assert_contains(body(&a), "the first ferry docked at noon");
	assert_not_contains(a.text, "nobody asked us");
}

static void html_lede_set_as_heading(void **state)
{
	/* A lede long enough to be no headline, set as an h2 in a block
	 * of its own before the body. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><div class=\"head\"><h1>Harbour "
		"reopens</h1><h2>After two years of works and a year of "
		"delays, the old harbour of the town reopened on Sunday, and "
		"the first ferry from the islands docked there at noon, to "
		"the cheers of a crowd of several hundred.</h2></div>"
		"<div class=\"body\"><p>The "
		"works cost four million, most of it paid by the region, and "
		"took a year longer than planned, officials said.</p><p>"
		"Fishermen, who had moored in the next town, welcomed the "
		"news, though some feared higher fees, their union said.</p>"
		"<p>The mayor, who opened the harbour, promised a market on "
		"the quay every Saturday from next month on.</p></div>"
		"</article></body></html>");

	(void)state;
	assert_contains(body(&a), "the first ferry from the islands");
	assert_contains(body(&a), "a market on the quay");
}

static void html_heading_after_the_article(void **state)
{
	/* A heading after the article's last paragraph heads something
	 * else: a promotion, a box of links. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Harbour reopens</h1><div><p>The old "
		"harbour reopened on Sunday after two years of works, the port "
		"authority said.</p><h2>The works</h2><p>The works cost four "
		"million, most of it paid by the region, officials said.</p>"
		"<h3>Never miss a sailing with our ferry timetables</h3>"
		"<p>Timetables</p></div></article></body></html>");

	(void)state;
	assert_contains(body(&a), "The works\n");
	assert_contains(body(&a), "paid by the region, officials said.");
	assert_not_contains(a.text, "Never miss");
}

static void html_lede_further_up(void **state)
{
	/* The standfirst sits in the page head, two wrappers away from
	 * the body's container: it comes along, in page order, and the
	 * menu beside it does not. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><div class=\"head\"><div class=\"menu\"><a "
		"href=/>Home</a> <a href=/n>News</a></div><div class=\"lead\">"
		"<p>After two years of works, the old harbour reopened on "
		"Sunday, and the first ferry from the islands docked at noon."
		"</p></div></div>"
		"<div class=\"main\"><div class=\"wrap\"><div class=\"col\">"
		"<div class=\"text\">"
		"<p>The works cost four million, most of it paid by the "
		"region, and took a year longer than planned, officials said."
		"</p><p>Fishermen, who had moored in the next town, welcomed "
		"the news, though some feared higher fees, their union said."
		"</p><p>The mayor, who opened the harbour, promised a market "
		"on the quay every Saturday from next month on, and a "
		"festival.</p><p>Tourists are expected to return in the "
		"summer, when the ferries run every hour, the port authority "
		"added.</p></div>"
		"</div><div class=\"tools\"><a href=/p>Print</a></div></div>"
		"</div></body></html>");

	(void)state;
	assert_true(strncmp(body(&a), "After two years of works", 24) == 0);
	assert_contains(body(&a), "a market on the quay");
	assert_not_contains(a.text, "Home");
}

static void html_lede_cut_off_under_headline(void **state)
{
	/* A lede cut off with "..." right under the headline is the
	 * article's own, not a teaser after furniture. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><h1>Harbour reopens after two years</h1>"
		"<p>The old harbour reopened on Sunday, the first ferry docked "
		"at noon, and the town celebrated until late...</p><p>The "
		"works cost four million, most of it paid by the region, and "
		"took a year longer than planned, officials said.</p><p>"
		"Fishermen welcomed the news, though some feared higher fees, "
		"their union said on Monday.</p></article></body></html>");

	(void)state;
	assert_contains(body(&a), "the town celebrated until late...");
	assert_contains(body(&a), "feared higher fees");
}

static void html_article_in_noscript(void **state)
{
	/* The article written for readers without scripts only: read as
	 * the last resort, when nothing else holds prose. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><div class=\"app\"><p>Loading</p></div>"
		"<noscript><div class=\"post\"><p>The old harbour reopened on "
		"Sunday after two years of works, the port authority said, "
		"and the first ferry docked at noon.</p><p>The works cost "
		"four million, most of it paid by the region, and took a year "
		"longer than planned, officials said.</p></div></noscript>"
		"</body></html>");

	(void)state;
	assert_contains(body(&a), "the first ferry docked at noon");
	assert_not_contains(a.text, "Loading");
}

static void html_hidden_in_part_names(void **state)
{
	/* "label-hidden" hides a field's label, "hidden-xs" hides on small
	 * screens only: neither hides the text. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><div class=\"body\"><p>The old harbour "
		"reopened on Sunday after two years of works, the port "
		"authority said, and the first ferry docked at noon.</p><p>The "
		"works cost four million, most of it paid by the region, and "
		"took a year longer than planned, officials said.</p></div>"
		"<div class=\"field field--label-hidden\"><p>Fishermen "
		"welcomed the news, their union said.</p></div><div "
		"class=\"box hidden-xs\"><p>The mayor promised a market on "
		"the quay.</p></div><div class=\"hidden\"><p>Print this "
		"page.</p></div></article></body></html>");

	(void)state;
	assert_contains(body(&a), "the first ferry docked at noon");
	assert_contains(body(&a), "Fishermen welcomed the news");
	assert_contains(body(&a), "a market on the quay");
	assert_not_contains(a.text, "Print this");
}

static void html_labels_of_sources_and_sections(void **state)
{
	/* Source lines and section labels inside the article's block. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><div><p>Der Stadtrat hat am Montag "
		"beschlossen, die alte Hafenmauer neu zu bauen, die im Winter "
		"besch\xC3\xA4" "digt wurde.</p><p>Quelle: Stadtverwaltung "
		"Hafenstadt</p><p>Die Arbeiten sollen im September beginnen "
		"und etwa drei Millionen Euro kosten, teilte die Stadt mit.</p>"
		"<h3>Aktuelle Meldungen</h3><p>Die F\xC3\xA4hre zur Insel "
		"f\xC3\xA4hrt ab Mai wieder jede Stunde, sagte der Betreiber."
		"</p></div></article></body></html>");

	(void)state;
	assert_contains(body(&a), "die alte Hafenmauer neu zu bauen");
	assert_contains(body(&a), "wieder jede Stunde");
	assert_not_contains(a.text, "Quelle");
	assert_not_contains(a.text, "Aktuelle Meldungen");
}

static void html_quote_in_other_script(void **state)
{
	/* A sentence quoted in another script is the article's; only a
	 * short label in another script is left-over page language. */
	nd_clean_article a = html_ok(NULL,
		"<html><body><article><p>The old harbour reopened on Sunday "
		"after two years of works, the port authority said.</p><p>"
		"\xCE\x91\xCE\xB3\xCE\xB1\xCF\x80\xCE\xB7\xCF\x84\xCE"
		"\xAD \xCE\xBB\xCE\xB1\xCE\xAD \xCF\x84\xCE\xB7\xCF"
		"\x82 \xCE\x95\xCF\x85\xCF\x81\xCF\x8E\xCF\x80\xCE"
		"\xB7\xCF\x82, \xCF\x83\xCE\xB5 \xCE\x95\xCE\xBB\xCE"
		"\xBB\xCE\xAC\xCE\xB4\xCE\xB1 \xCE\xAE \xCE\xBF\xCF"
		"\x80\xCE\xBF\xCF\x85\xCE\xB4\xCE\xAE\xCF\x80\xCE\xBF"
		"\xCF\x84\xCE\xB5 \xCE\xB1\xCE\xBB\xCE\xBB\xCE\xBF"
		"\xCF\x8D!"
		"</p><p>The works cost four million, most of it paid by the "
		"region, officials said.</p><p>"
		"\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9"
		"\xCE\xBA\xCE\xAC</p></article></body></html>");

	(void)state;
	assert_contains(body(&a),
			"\xCE\x91\xCE\xB3\xCE\xB1\xCF\x80\xCE\xB7\xCF\x84");
	assert_not_contains(a.text, "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD");
}

static void html_known_title_and_text_rules(void **state)
{
	nd_clean_article a = html_ok("Ferry route to the island approved",
		"<body><div><p>Ferry route to the island approved</p>"
		"<p>NORTHPORT (NW) \xE2\x80\x94 The harbour authority "
		"approved a new ferry route to the island on Monday.</p>"
		"<p>Advertisement</p>"
		"<p>The first crossing is planned for the spring, officials "
		"said on Monday.</p>"
		"<ul><li>Ferries</li><li>Islands</li></ul></div></body>");

	(void)state;
	assert_string_equal(a.title, "Ferry route to the island approved");
	assert_string_equal(a.dateline, "NORTHPORT (NW)");
	assert_true(strncmp(body(&a), "The harbour authority", 21) == 0);
	assert_not_contains(body(&a), "Ferry route");
	assert_not_contains(a.text, "Advertisement");
	assert_not_contains(a.text, "Ferries");
	assert_contains(body(&a), "planned for the spring");
}

/* Out of memory anywhere: ND_ENOMEM or success, never a crash or leak. */
static void out_of_memory(void **state)
{
	unsigned long n;
	int saw_enomem = 0;

	(void)state;
	for (n = 1; n < 400; n++) {
		nd_arena *ar = NULL;
		nd_clean_article a;
		nd_err err = { 0, "" };
		int rc;

		if (nd_arena_create(&ar) != ND_OK)
			continue;
		nd_alloc_fail_after(n);
		rc = n % 2 ? nd_clean_text(&a, ar, NULL, furniture_page,
					   strlen(furniture_page), &err) :
			     nd_clean_html(&a, ar, NULL, bridge_page,
					   strlen(bridge_page), &err);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_OK || rc == ND_ENOMEM);
		saw_enomem |= rc == ND_ENOMEM;
		nd_arena_free(ar);
	}
	assert_true(saw_enomem);
}

/* ---- The real seed articles, when present (read at test time) ---- */

static const char *const seed_dirs[] = { "../shared/seeds" };

static const char *seeds_dir(void)
{
	size_t i;

	for (i = 0; i < sizeof(seed_dirs) / sizeof(seed_dirs[0]); i++)
		if (access(seed_dirs[i], R_OK | X_OK) == 0)
			return seed_dirs[i];
	return NULL;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
		*len = fread(buf, 1, (size_t)n, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

static const struct {
	const char *prefix;
	const char *title;
	const char *kept[3];
} seed_expect[] = {
	{ "000", "Blinken calls on all countries to unite around Ukraine",
	  { "It\xE2\x80\x99s aggression not only against Ukraine", "C5+1",
	    NULL } },
	{ "001", "Blinken expresses support for Kazakhstan\xE2\x80\x99s "
		 "sovereignty, territorial integrity",
	  { "C5+1", "Mukhtar Tileuberdi", NULL } },
	{ "002", "Blinken warns Central Asia of dangers from war in Ukraine",
	  { "Tileuberdi thanked Blinken", "C5+1", NULL } },
	{ "003", "", { "$25 million", "C5+1", NULL } },
	{ "004", "US Secretary of State Antony Blinken shows support for "
		 "Kazakhstan",
	  { "7,000 km", "supports \"the sovereignty of Kazakhstan", NULL } },
};

static void seeds(void **state)
{
	static const char *const gone[] = {
		"Connect with us", "what are you looking for", "Leave a Reply",
		"Neque porro", "Quis autem", "Back to top", "I subscribe",
		"Copyright \xC2\xA9", "Click to comment", "01711424112",
		"01847255828", "Related Articles", "You May Also Like",
		"Advertisement", "Newsletter", "Teknaf",
	};
	const char *dir = seeds_dir();
	DIR *d;
	struct dirent *e;
	size_t seen = 0;

	(void)state;
	if (dir == NULL) {
		skip();
		return;
	}
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		size_t len = 0, i, k;
		char *raw;
		nd_clean_article a;
		nd_err err = { 0, "" };

		if (e->d_name[0] == '.' || strstr(e->d_name, ".txt") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		raw = slurp(path, &len);
		assert_non_null(raw);
		assert_int_equal(nd_clean_text(&a, arena, NULL, raw, len, &err),
				 ND_OK);
		for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
			assert_not_contains(a.text, gone[i]);
		for (k = 0; k < sizeof(seed_expect) / sizeof(seed_expect[0]);
		     k++) {
			if (strncmp(e->d_name, seed_expect[k].prefix, 3) != 0)
				continue;
			assert_string_equal(a.title, seed_expect[k].title);
			for (i = 0; i < 3 && seed_expect[k].kept[i]; i++)
				assert_contains(a.text, seed_expect[k].kept[i]);
			seen++;
		}
		if (strncmp(e->d_name, "001", 3) == 0) {
			assert_string_equal(a.dateline, "Astana, Feb 28 (EFE)");
			assert_not_contains(a.text, "(EFE).-");
			assert_not_contains(a.text, "kk-mos");
		}
		free(raw);
	}
	closedir(d);
	assert_int_equal(seen, 5);
}

/* The helpers behind titles and phrase keys: cutting at a character
 * boundary, and a key built from a fold the caller already holds. */
static void internal_key_and_cut(void **state)
{
	static const char *const lines[] = {
		"Read also:", "\xE2\x80\x9CRelated\xE2\x80\x9D  Articles!",
		"\xD0\xA1" "5+1 talks \xE2\x80\x94 day two", "", "...",
		"Caf\xC3\xA9 SOCIETY, ne\xCC\x81" "e",
	};
	char a[ND_CLEAN_FOLD_MAX], b[ND_CLEAN_FOLD_MAX];
	char fold[ND_CLEAN_FOLD_MAX];
	const char *e = "ab\xC3\xA9\xE2\x80\x94";
	size_t i, n;

	(void)state;
	assert_int_equal(nd_utf8_cut(e, 7, 10), 7);
	assert_int_equal(nd_utf8_cut(e, 7, 7), 7);
	assert_int_equal(nd_utf8_cut(e, 7, 6), 4);
	assert_int_equal(nd_utf8_cut(e, 7, 5), 4);
	assert_int_equal(nd_utf8_cut(e, 7, 4), 4);
	assert_int_equal(nd_utf8_cut(e, 7, 3), 2);
	assert_int_equal(nd_utf8_cut(e, 7, 0), 0);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		size_t len = strlen(lines[i]);

		n = nd_utf8_fold(lines[i], len, fold, sizeof(fold));
		assert_int_equal(nd_clean_key(lines[i], len, a, sizeof(a)),
				 nd_clean_key_folded(fold, n, b, sizeof(b)));
		assert_string_equal(a, b);
	}
	assert_int_equal(nd_clean_key("Read also", 9, a, sizeof(a)), 11);
	assert_string_equal(a, " read also ");
	assert_int_equal(nd_clean_key("Read also", 9, a, 2), 0);
	assert_string_equal(a, "");
}

static void internal_words_without_spaces(void **state)
{
	/* Chinese and Japanese words run about two characters, unspaced;
	 * Korean spaces its words. */
	static const struct {
		const char *s;
		size_t words;
	} cases[] = {
		{ "\xE5\x86\x8D\xE8\xB5\xB7\xE5\x8B\x95\xE3\x81\x97"
		  "\xE3\x81\xA6\xE5\xAE\x8C\xE4\xBA\x86", 4 },
		{ "PC\xE3\x81\xAB\xE9\x96\xA2\xE3\x81\x99\xE3\x82\x8B"
		  "\xE8\xA9\xB1", 3 },
		{ "\xEC\x95\x88\xEB\x85\x95 \xED\x95\x98\xEC\x84\xB8"
		  "\xEC\x9A\x94", 2 },
		{ "Two words", 2 },
	};
	nd_line_feat f;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		nd_clean_features(&f, cases[i].s, strlen(cases[i].s));
		assert_int_equal(f.words, cases[i].words);
	}
}

/* What a page says of itself: site, canonical URL (before og:url), and
 * its declared language when the text is too short to tell. */
static void html_page_facts(void **state)
{
	nd_clean_article a = html_ok(NULL,
		"<html lang=\"pt-BR\"><head><title>Balsa</title>"
		"<meta property=\"og:url\" content=\"https://x.example/og\">"
		"<link rel=\"canonical\" href=\"https://x.example/balsa\">"
		"<meta property=\"og:site_name\" content=\"Porto Hoje\">"
		"</head><body><article><p>Balsa sai ao meio-dia.</p>"
		"</article></body></html>");

	(void)state;
	assert_string_equal(a.url, "https://x.example/balsa");
	assert_string_equal(a.site, "Porto Hoje");
	assert_string_equal(a.language, "pt");
	a = html_ok(NULL, "<html lang=\"xx\"><body><p>The ferry leaves at "
			  "noon on Monday, and the harbour office said that "
			  "the crossing will take two hours.</p></body></html>");
	assert_string_equal(a.url, "");
	assert_string_equal(a.language, "en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(text_drops_furniture),
		T(html_strip_cuts_code_keeps_json_ld),
		T(html_lean_drops_unread_attributes),
		T(html_strip_collapses_indentation),
		T(html_scored_article_and_siblings),
		T(html_furniture_name_on_wrapper),
		T(html_list_items_are_text),
		T(html_list_item_linked_headline),
		T(html_story_among_stories),
		T(html_deep_sibling_same_class),
		T(html_popup_card_in_sentence),
		T(html_date_lines_above_prose),
		T(html_prose_in_furniture_named_block),
		T(html_headline_unlike_meta_title),
		T(html_short_lines_closing_the_article),
		T(html_table_rows_of_figures),
		T(html_line_in_other_script),
		T(internal_words_without_spaces),
		T(html_lists_and_wrappers_kept),
		T(html_article_split_in_blocks),
		T(html_ruby_and_hidden_inputs),
		T(html_header_with_lede),
		T(html_labels_before_the_prose),
		T(html_article_inside_aside),
		T(html_comments_outweigh_article),
		T(html_lede_set_as_heading),
		T(html_heading_after_the_article),
		T(html_lede_further_up),
		T(html_lede_cut_off_under_headline),
		T(html_article_in_noscript),
		T(html_hidden_in_part_names),
		T(html_labels_of_sources_and_sections),
		T(html_quote_in_other_script),
		T(html_page_facts),
		T(text_tail_caption_byline),
		T(text_caption_other_script),
		T(text_title_rules),
		T(text_rejoins_broken_lines),
		T(text_lorem),
		T(text_signoff_and_agency),
		T(text_datelines),
		T(text_related_block_mid_article),
		T(text_bylines),
		T(text_keeps_prose_with_furniture_words),
		T(text_more_furniture),
		T(text_calls_to_action),
		T(text_furniture_other_languages),
		T(html_share_and_reading_prompts),
		T(text_furniture_german_wording),
		T(text_dateline_other_languages),
		T(text_format_and_words),
		T(features_count_words_without_spaces),
		T(text_odd_bytes),
		T(text_empty),
		T(text_headline_only),
		T(text_big_is_fast),
		T(html_article_page),
		T(html_cms_page),
		T(html_wrapped_page),
		T(html_density_root_and_title),
		T(html_malformed),
		T(html_deep_nesting),
		T(html_deep_text_kept),
		T(html_node_cap),
		T(html_text_joins_cut),
		T(html_reader_reused),
		T(html_script_only),
		T(html_known_title_and_text_rules),
		T(out_of_memory),
		T(seeds),
		T(internal_key_and_cut),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
