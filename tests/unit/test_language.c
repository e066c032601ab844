/* nd_clean_language: the language of an article's text. Every sentence
 * here is invented for the test. */
#include "test_util.h"

#include "clean/clean.h"

static void expect_lang(const char *text, const char *code)
{
	const char *got = nd_clean_language(text, strlen(text));

	if (strcmp(got, code) != 0)
		fail_msg("\"%.40s...\": \"%s\", expected \"%s\"", text, got,
			 code);
}

static void latin_languages(void **state)
{
	(void)state;
	expect_lang("The harbour council of Lisk met on Monday and said that "
		    "the ferry to the islands will run twice a day, which is "
		    "more than the fishermen had asked for.", "en");
	expect_lang("Der Hafenrat von Lisk hat am Montag beschlossen, dass die "
		    "Fähre zu den Inseln zweimal am Tag fahren wird, und die "
		    "Fischer sind mit der Entscheidung nicht unzufrieden.",
		    "de");
	expect_lang("Le conseil du port de Lisk a décidé lundi que le bac vers "
		    "les îles partira deux fois par jour, ce qui est plus que "
		    "ce que les pêcheurs avaient demandé.", "fr");
	expect_lang("El consejo del puerto de Lisk decidió el lunes que el "
		    "transbordador a las islas saldrá dos veces al día, lo que "
		    "es más de lo que pedían los pescadores.", "es");
	expect_lang("Il consiglio del porto di Lisk ha deciso lunedì che il "
		    "traghetto per le isole partirà due volte al giorno, più di "
		    "quanto avevano chiesto i pescatori della città.", "it");
	expect_lang("O conselho do porto de Lisk decidiu na segunda-feira que "
		    "a balsa para as ilhas vai sair duas vezes por dia, o que é "
		    "mais do que os pescadores pediram.", "pt");
	expect_lang("De havenraad van Lisk heeft maandag besloten dat de veerboot "
		    "naar de eilanden twee keer per dag zal varen, wat meer is "
		    "dan de vissers hadden gevraagd.", "nl");
	expect_lang("Rada portu w Lisku zdecydowała w poniedziałek, że prom na "
		    "wyspy będzie pływał dwa razy dziennie, co jest więcej niż "
		    "prosili rybacy, i nie jest to koniec sprawy.", "pl");
}

static void other_scripts(void **state)
{
	(void)state;
	expect_lang("Совет порта Лиска решил в понедельник, что паром на "
		    "острова будет ходить два раза в день, и это больше, чем "
		    "просили рыбаки.", "ru");
	expect_lang("Рада порту Ліска вирішила в понеділок, що пором на острови "
		    "ходитиме двічі на день, і це більше, ніж просили рибалки, "
		    "але що буде далі, не відомо.", "uk");
	expect_lang("Το λιμενικό συμβούλιο αποφάσισε τη Δευτέρα ότι το πλοίο "
		    "θα φεύγει δύο φορές την ημέρα.", "el");
	expect_lang("港口委员会星期一决定，开往岛屿的渡轮每天开两班。", "zh");
	expect_lang("港の委員会は月曜日に、島へのフェリーを一日二便にすると"
		    "決めました。", "ja");
	expect_lang("항구 위원회는 월요일에 섬으로 가는 여객선을 하루 두 번 "
		    "운항하기로 결정했다.", "ko");
	expect_lang("قرر مجلس الميناء يوم الاثنين أن تبحر العبارة إلى الجزر "
		    "مرتين في اليوم.", "ar");
}

static void too_little_to_say(void **state)
{
	(void)state;
	expect_lang("", "");
	expect_lang("12:40 — 3:1 — 4,500", "");
	expect_lang("Lisk Ferry Timetable", "");
}

static void declared_tags(void **state)
{
	(void)state;
	assert_string_equal(nd_clean_language_declared("de-AT"), "de");
	assert_string_equal(nd_clean_language_declared("PT_br"), "pt");
	assert_string_equal(nd_clean_language_declared("zh-Hant-TW"), "zh");
	assert_string_equal(nd_clean_language_declared("no"), "nb");
	assert_string_equal(nd_clean_language_declared("iw"), "he");
	assert_string_equal(nd_clean_language_declared("eng"), "");
	assert_string_equal(nd_clean_language_declared("x"), "");
	assert_string_equal(nd_clean_language_declared("xx"), "");
	assert_string_equal(nd_clean_language_declared(""), "");
	assert_string_equal(nd_clean_language_declared(NULL), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(latin_languages),
		cmocka_unit_test(other_scripts),
		cmocka_unit_test(too_little_to_say),
		cmocka_unit_test(declared_tags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
