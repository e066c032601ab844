#include "facts/gazetteer.h"

#include <string.h> /* strlen */

#include "core/alloc.h"
#include "core/error.h"
#include "core/hashmap.h"
#include "core/utf8.h"
#include "facts/countries_table.h"

struct nd_gazetteer {
	nd_strmap words; /* folded key -> index into recs */
	nd_strmap codes; /* alpha-2 code -> place id */
	nd_lex *recs;
	size_t n_recs, recs_cap;
	uint32_t next_place;
};

/* Short names the ISO table lacks, and common abbreviations, by country. */
static const char *const aliases[][2] = {
	{ "US", "US" }, { "US", "U.S." }, { "US", "USA" }, { "US", "U.S.A." },
	{ "US", "America" }, { "GB", "UK" }, { "GB", "U.K." },
	{ "GB", "Britain" }, { "GB", "Great Britain" }, { "RU", "Russia" },
	{ "TR", "Turkey" }, { "CZ", "Czech Republic" }, { "CI", "Ivory Coast" },
	{ "NL", "Holland" }, { "MM", "Burma" }, { "MK", "Macedonia" },
	{ "SZ", "Swaziland" }, { "VA", "Vatican" }, { "KG", "Kyrgyz Republic" },
	{ "TL", "East Timor" }, { "CV", "Cape Verde" }, { "AE", "UAE" },
	{ "CD", "DRC" }, { "KP", "DPRK" }, { "PS", "Palestine" },
	{ "KZ", "Kazakstan" }, { "GB", "England" }, { "GB", "Scotland" },
	{ "GB", "Wales" }, { "GB", "Northern Ireland" },
};

/* Capitals, large cities and regions: each its own place. Capitals that
 * are common words or first names ("Male", "Victoria") are left out. */
static const char *const places[] = {
	"Kabul", "Tirana", "Algiers", "Andorra la Vella", "Luanda", "Nassau",
	"Manama", "Bridgetown", "Belmopan", "Porto-Novo", "Thimphu",
	"La Paz", "Sucre", "Gaborone", "Bandar Seri Begawan", "Ouagadougou",
	"Gitega", "Bujumbura", "Phnom Penh", "Yaounde", "Praia", "Bangui",
	"N'Djamena", "Moroni", "Brazzaville", "San Jose", "Nicosia",
	"Djibouti", "Roseau", "Santo Domingo", "Quito", "San Salvador",
	"Malabo", "Asmara", "Mbabane", "Suva", "Libreville", "Banjul",
	"Guatemala City", "Conakry", "Bissau", "Georgetown",
	"Port-au-Prince", "Tegucigalpa", "Kingston", "Tarawa", "Pristina",
	"Kuwait City", "Vientiane", "Maseru", "Monrovia", "Vaduz",
	"Antananarivo", "Lilongwe", "Bamako", "Valletta", "Majuro",
	"Nouakchott", "Port Louis", "Palikir", "Ulaanbaatar", "Podgorica",
	"Maputo", "Naypyidaw", "Yangon", "Rangoon", "Windhoek", "Managua",
	"Niamey", "Muscat", "Ngerulmud", "Ramallah", "Panama City",
	"Port Moresby", "Asuncion", "Kigali", "Apia", "Freetown", "Honiara",
	"Mogadishu", "Juba", "Paramaribo", "Dodoma", "Dar es Salaam", "Dili",
	"Lome", "Port of Spain", "Funafuti", "Kampala", "Montevideo",
	"Port Vila", "Sanaa", "Lusaka", "Harare", "Karachi", "Lahore",
	"Peshawar", "Kandahar", "Herat", "Mosul", "Basra", "Aleppo", "Homs",
	"Benghazi", "Alexandria", "Casablanca", "Jeddah", "Mecca", "Medina",
	"Haifa", "Ho Chi Minh City", "Saigon", "Chennai", "Kolkata",
	"Bangalore", "Hyderabad", "Guangzhou", "Shenzhen", "Wuhan",
	"Chongqing", "Busan", "Osaka", "Kyoto", "Melbourne", "Montreal",
	"Vancouver", "Frankfurt", "Munich", "Hamburg", "Milan", "Naples",
	"Barcelona", "Marseille", "Lyon", "Zurich", "Hague", "Rotterdam",
	"Kazan", "Novosibirsk", "Yekaterinburg", "Vladivostok", "Sevastopol",
	"Kherson", "Zaporizhzhia", "Bakhmut", "Dnipro", "Grozny", "Tskhinvali",
	"Sukhumi", "Stepanakert", "Nagorno-Karabakh", "Transnistria",
	"Tibet", "Xinjiang", "Taiwan Strait", "Golan Heights", "Sinai",
	"Darfur", "Kurdistan", "Balochistan", "Punjab", "Bengal", "Kashmir",
	"Hokkaido", "Okinawa", "Bavaria", "Catalonia", "Flanders",
	"Wallonia", "Corsica", "Sicily", "Sardinia", "Crete", "Tasmania",
	"Quebec", "Ontario", "Alberta", "California", "Texas", "Florida",
	"Siberia", "Patagonia", "Amazon", "Himalayas", "Alps", "Urals",
	"Sahara", "Gulf of Mexico", "Red Sea", "South China Sea",
	"North Sea", "Baltic Sea", "Persian Gulf", "Middle East",
	"Astana", "Nur-Sultan", "Almaty", "Tashkent", "Samarkand", "Bishkek",
	"Dushanbe", "Ashgabat", "Moscow", "St Petersburg", "Saint Petersburg",
	"Kyiv", "Kiev", "Kharkiv", "Odesa", "Odessa", "Mariupol", "Lviv",
	"Minsk", "Beijing", "Shanghai", "Hong Kong", "Washington",
	"New York", "Los Angeles", "Chicago", "London", "Paris", "Berlin",
	"Rome", "Madrid", "Lisbon", "Brussels", "Amsterdam", "The Hague",
	"Vienna", "Warsaw", "Prague", "Budapest", "Bucharest", "Sofia",
	"Athens", "Ankara", "Istanbul", "Tehran", "Baghdad", "Damascus",
	"Beirut", "Amman", "Jerusalem", "Tel Aviv", "Cairo", "Riyadh", "Doha",
	"Abu Dhabi", "Dubai", "Kabul", "Islamabad", "New Delhi", "Delhi",
	"Mumbai", "Dhaka", "Kathmandu", "Colombo", "Bangkok", "Hanoi",
	"Jakarta", "Manila", "Kuala Lumpur", "Seoul", "Pyongyang", "Tokyo",
	"Taipei", "Canberra", "Sydney", "Wellington", "Ottawa", "Toronto",
	"Mexico City", "Havana", "Caracas", "Bogota", "Lima", "Santiago",
	"Buenos Aires", "Brasilia", "Rio de Janeiro", "Sao Paulo", "Nairobi",
	"Addis Ababa", "Lagos", "Abuja", "Pretoria", "Johannesburg",
	"Cape Town", "Kinshasa", "Khartoum", "Tripoli", "Tunis", "Algiers",
	"Rabat", "Dakar", "Accra", "Stockholm", "Oslo", "Copenhagen",
	"Helsinki", "Reykjavik", "Dublin", "Edinburgh", "Tbilisi", "Yerevan",
	"Baku", "Chisinau", "Vilnius", "Riga", "Tallinn", "Belgrade", "Zagreb",
	"Sarajevo", "Skopje", "Tirana", "Ljubljana", "Bratislava", "Geneva",
	"Bern", "Davos", "Gaza", "West Bank", "Crimea", "Donbas", "Donetsk",
	"Luhansk", "Lugansk", "Kashmir", "Siberia", "Kremlin",
	"Central Asia", "Asia", "Europe", "Africa", "Middle East",
	"Latin America", "South America", "North America", "Central America",
	"Eastern Europe", "Western Europe", "Central Europe", "Southeast Asia",
	"South Asia", "East Asia", "Caucasus", "South Caucasus", "Balkans",
	"Baltic", "Caribbean", "Scandinavia", "Arctic", "Antarctica",
	"Pacific", "Atlantic", "Mediterranean", "Sahel", "Horn of Africa",
	"Indo-Pacific", "Oceania", "Persian Gulf", "Black Sea", "Caspian",
	"Caspian Sea", "Eurasia", "Scandinavia",
};

/* Demonym -> alpha-2 code, or the place it names ("asian" -> Asia). */
static const char *const demonyms[][2] = {
	{ "Kazakh", "KZ" }, { "Kazakhstani", "KZ" }, { "Russian", "RU" },
	{ "Ukrainian", "UA" }, { "Uzbek", "UZ" }, { "Uzbekistani", "UZ" },
	{ "Kyrgyz", "KG" }, { "Tajik", "TJ" }, { "Turkmen", "TM" },
	{ "American", "US" }, { "Chinese", "CN" }, { "British", "GB" },
	{ "English", "GB" }, { "Scottish", "GB" }, { "Welsh", "GB" },
	{ "French", "FR" }, { "German", "DE" }, { "Italian", "IT" },
	{ "Spanish", "ES" }, { "Portuguese", "PT" }, { "Dutch", "NL" },
	{ "Belgian", "BE" }, { "Swiss", "CH" }, { "Austrian", "AT" },
	{ "Polish", "PL" }, { "Czech", "CZ" }, { "Slovak", "SK" },
	{ "Hungarian", "HU" }, { "Romanian", "RO" }, { "Bulgarian", "BG" },
	{ "Greek", "GR" }, { "Turkish", "TR" }, { "Georgian", "GE" },
	{ "Armenian", "AM" }, { "Azerbaijani", "AZ" }, { "Azeri", "AZ" },
	{ "Belarusian", "BY" }, { "Moldovan", "MD" }, { "Lithuanian", "LT" },
	{ "Latvian", "LV" }, { "Estonian", "EE" }, { "Finnish", "FI" },
	{ "Swedish", "SE" }, { "Norwegian", "NO" }, { "Danish", "DK" },
	{ "Icelandic", "IS" }, { "Irish", "IE" }, { "Canadian", "CA" },
	{ "Mexican", "MX" }, { "Brazilian", "BR" }, { "Argentine", "AR" },
	{ "Argentinian", "AR" }, { "Chilean", "CL" }, { "Colombian", "CO" },
	{ "Venezuelan", "VE" }, { "Cuban", "CU" }, { "Peruvian", "PE" },
	{ "Japanese", "JP" }, { "Korean", "KR" }, { "Indian", "IN" },
	{ "Pakistani", "PK" }, { "Afghan", "AF" }, { "Iranian", "IR" },
	{ "Iraqi", "IQ" }, { "Syrian", "SY" }, { "Lebanese", "LB" },
	{ "Jordanian", "JO" }, { "Israeli", "IL" }, { "Palestinian", "PS" },
	{ "Saudi", "SA" }, { "Emirati", "AE" }, { "Qatari", "QA" },
	{ "Egyptian", "EG" }, { "Libyan", "LY" }, { "Tunisian", "TN" },
	{ "Algerian", "DZ" }, { "Moroccan", "MA" }, { "Sudanese", "SD" },
	{ "Ethiopian", "ET" }, { "Kenyan", "KE" }, { "Nigerian", "NG" },
	{ "Ghanaian", "GH" }, { "South African", "ZA" },
	{ "Australian", "AU" }, { "Indonesian", "ID" },
	{ "Malaysian", "MY" }, { "Thai", "TH" }, { "Vietnamese", "VN" },
	{ "Filipino", "PH" }, { "Philippine", "PH" }, { "Bangladeshi", "BD" },
	{ "Sri Lankan", "LK" }, { "Nepali", "NP" }, { "Mongolian", "MN" },
	{ "Serbian", "RS" }, { "Croatian", "HR" }, { "Bosnian", "BA" },
	{ "Albanian", "AL" }, { "Macedonian", "MK" }, { "Slovenian", "SI" },
	{ "Cypriot", "CY" }, { "Maltese", "MT" }, { "Yemeni", "YE" },
	{ "Omani", "OM" }, { "Kuwaiti", "KW" }, { "Bahraini", "BH" },
	{ "Somali", "SO" }, { "Eritrean", "ER" }, { "Ugandan", "UG" },
	{ "Rwandan", "RW" }, { "Congolese", "CD" }, { "Angolan", "AO" },
	{ "Zimbabwean", "ZW" }, { "Malian", "ML" }, { "Senegalese", "SN" },
	{ "Ivorian", "CI" }, { "Haitian", "HT" }, { "Jamaican", "JM" },
	{ "Taiwanese", "TW" }, { "European", "Europe" }, { "Asian", "Asia" },
	{ "African", "Africa" }, { "Eurasian", "Eurasia" }, { "Arab", "" },
	{ "Soviet", "" }, { "Western", "" }, { "Eastern", "" },
	{ "Northern", "" }, { "Southern", "" }, { "Nordic", "" },
	{ "Latin", "" }, { "Caucasian", "Caucasus" }, { "Balkan", "Balkans" },
	{ "Baltic", "Baltic" }, { "Kremlin", "Kremlin" },
	/* People named by their nation ("Swedes"; plurals in -s are read
	 * from the singular; not Turk, Pole, Finn or Dane, which are also
	 * names) and by faith: adjectives, no names. */
	{ "Swede", "SE" }, { "Briton", "GB" },
	{ "Kurd", "" }, { "Kurdish", "" }, { "Jew", "" }, { "Jewish", "" },
	{ "Muslim", "" }, { "Islamic", "" }, { "Christian", "" },
	{ "Catholic", "" }, { "Protestant", "" }, { "Buddhist", "" },
	{ "Hindu", "" }, { "Sunni", "" }, { "Shiite", "" }, { "Shia", "" },
};

/* Titles and roles written before a name. */
static const char *const titles[] = {
	"President", "Vice", "Prime", "Premier", "Minister", "Ministers",
	"Secretary", "Deputy", "Chancellor", "King", "Queen", "Prince",
	"Princess", "Crown", "Emperor", "Mr", "Mrs", "Ms", "Dr", "Prof",
	"Professor", "Gen", "General", "Col", "Colonel", "Lt", "Lieutenant",
	"Maj", "Capt", "Captain", "Cmdr", "Commander", "Adm", "Admiral",
	"Sgt", "Sergeant", "Sen", "Senator", "Rep", "Representative", "Gov",
	"Governor", "Mayor", "Ambassador", "Envoy", "Consul", "Spokesman",
	"Spokeswoman", "Spokesperson", "Chairman", "Chairwoman", "Chair",
	"Chief", "Director", "Commissioner", "Judge", "Pope", "Cardinal",
	"Bishop", "Archbishop", "Rabbi", "Imam", "Sheikh", "Emir", "Sultan",
	"Speaker", "CEO", "Officer", "MP", "MEP", "Lawmaker", "Sir", "Dame",
	"Lord", "Lady", "Rev", "Reverend", "Attorney", "Head", "Leader",
	"Coach", "Reporter", "Correspondent", "Editor", "Photographer",
	"Publisher", "Secretary-General", "Foreign", "Defence", "Defense",
	"Finance", "Interior", "Justice", "Senior", "Staff", "Official",
	"Diplomat", "Counterpart", "Negotiator", "Economist", "Analyst",
	"Hydrologist", "Farmer", "Professor", "Founder", "Manager", "Owner",
	"Mme", "Monsieur", "Madame", "Herr", "Frau", "Councillor",
	"Councilor", "Councilman", "Councilwoman", "Alderman", "Engineer",
	"Inspector", "Detective", "Superintendent", "Constable", "Agent",
	"Doctor", "Nurse", "Principal", "Dean", "Chancellor", "Magistrate",
	"Prosecutor", "Minister-President", "Delegate", "Deputies", "Marshal",
	"Private", "Corporal", "Brigadier", "Sheriff", "Treasurer", "Auditor",
	"Comptroller", "Secretary-of-State", "Premier", "Taoiseach",
	"President-elect", "Crown Prince", "Grand", "Majority", "Minority",
	"Whip", "Speaker-elect", "Assemblyman", "Assemblywoman",
	"Congressman", "Congresswoman", "Legislator", "Pastor", "Chaplain",
	"Trustee", "Regent",
};

/* Titles commonly written with a period: "Dr. Benedek Sallow". */
static const char *const abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Maj", "Capt",
	"Cmdr", "Adm", "Sgt", "Sen", "Rep", "Gov", "Rev", "St", "Mme", "Jr",
	"Sr", "Mt", "Ft",
};

/* Words of a ministry or office after "of": "Secretary of State". */
static const char *const portfolios[] = {
	"State", "Foreign", "Affairs", "Defence", "Defense", "Finance",
	"Justice", "Interior", "Health", "Trade", "Economy", "Energy",
	"Agriculture", "Education", "Labour", "Labor", "Transport", "Culture",
	"Environment", "Home", "Treasury", "Commerce", "Industry",
	"Development", "Security", "Information", "Staff", "Emergency",
	"Emergencies", "Internal", "External", "Economic", "Water",
	"Resources", "Communications", "Relations", "Services", "Rights",
	"Justice", "Planning", "Finance", "Budget", "Intelligence",
};

static const char *const orgwords[] = {
	"Ministry", "Organization", "Organisation", "Assembly", "Council",
	"Union", "Party", "Commission", "Group", "Bank", "Fund", "Agency",
	"Committee", "Treaty", "Forum", "Commonwealth", "Administration",
	"Department", "University", "Press", "News", "Times", "Herald",
	"Institute", "Association", "Corporation", "Corp", "Inc", "Ltd",
	"Company", "Foundation", "Court", "Parliament", "Congress", "Senate",
	"Army", "Navy", "Forces", "Police", "Service", "Office", "Bureau",
	"Authority", "Board", "Federation", "League", "Alliance", "Coalition",
	"Front", "Movement", "Network", "Post", "Journal", "Gazette", "Daily",
	"Tribune", "Telegraph", "Review", "Radio", "Television", "TV",
	"Broadcasting", "Airlines", "Bloc", "Cabinet", "Government",
	"Reserve", "Exchange", "School", "College", "Academy", "Hospital",
	"Church", "Club", "Conference", "Summit", "House", "Guard", "Agency",
	"Bulletin", "Courier", "Observer", "Chronicle", "Express", "Mail",
	"Monitor", "Centre", "Center", "Society", "Trust", "Museum",
	"Programme", "Program", "Secretariat", "Directorate",
	"Partnership", "Initiative", "Council", "Consortium",
	"Holdings", "Industries", "Systems", "Technologies", "Group",
	"Nations", "Motors", "Airways", "Institution", "Accords", "Accord",
	"Pact", "Convention", "Charter", "Tribunal",
	"Ministries", "Brigade", "Brigades", "Battalion", "Regiment",
	"Command", "Unit", "Corps", "Rouge", "Cartel", "Faction", "Assembly",
	"Congress", "Embassy", "Consulate",
	"Mission", "Observatory", "Laboratory", "Labs", "Foundation",
	"Federal", "Institute",
};

/* Organisations known by one word. */
static const char *const orgnames[] = {
	"Reuters", "Pentagon", "Taliban", "Hamas", "Hezbollah", "Interpol",
	"Europol", "Gazprom", "Rosneft", "Aeroflot", "Xinhua", "Tass",
	"Interfax", "Bloomberg", "Eurostat", "Frontex", "Wagner",
};

static const char *const placewords[] = {
	"River", "Lake", "Sea", "Ocean", "Gulf", "Bay", "Strait", "Dam",
	"Gap", "Valley", "Mountains", "Mountain", "Mount", "Mt", "Hills",
	"Island", "Islands", "Peninsula", "Desert", "Delta", "Basin",
	"Plain", "Plateau", "Canal", "Port", "Cape", "Fort", "Street", "Road",
	"Avenue", "Square", "Bridge", "Airport", "Province", "Region",
	"District", "County", "Oblast", "City", "Town", "Village", "Coast",
	"Park", "Reservoir", "Harbour", "Harbor", "Falls", "Creek", "Glacier",
	"Republic", "Kingdom", "Emirates", "Territory", "Territories",
	"Quarter", "Steppe", "Forest", "Lane", "Boulevard", "Highway",
	"Stream", "Canyon", "Heights", "Hills", "Pass", "Ridge", "Marsh",
	/* Venues. "Hall" is left out: as often a surname ("Jerry Hall") as
	 * a building; "Centre" stays an organisation word ("Carter
	 * Center"). */
	"Arena", "Stadium", "Station", "Plaza", "Pavilion", "Theatre",
	"Theater", "Terminal", "Velodrome", "Racecourse", "Ballpark",
	"Speedway", "Gardens", "Wharf",
};

/* Directions: alone ("the West") a point of view, not a place; the
 * regions named with them ("West Bank") are places of their own. */
static const char *const compass[] = {
	"North", "South", "East", "West", "Northeast", "Northwest",
	"Southeast", "Southwest",
};

static const char *const connectors[] = {
	"of", "the", "and", "de", "del", "della", "di", "da", "du", "des",
	"la", "le", "al", "el", "bin", "ibn", "van", "von", "der", "den",
	"ul", "dos", "das", "y", "on", "for",
};

/* Relations named instead of a person: "his wife said", "the father,
 * a retired steelworker, said". Lower-case nouns, unlike titles: no
 * name follows them as a prefix. */
static const char *const kin[] = {
	"wife", "husband", "widow", "widower", "son", "daughter", "father",
	"mother", "brother", "sister", "uncle", "aunt", "nephew", "niece",
	"grandson", "granddaughter", "grandfather", "grandmother", "cousin",
	"fiance", "fiancee", "spouse", "stepfather", "stepmother", "lawyer",
	"girlfriend", "boyfriend",
};

/* Titles and relations that tell a woman or a man (gender.c). */
static const char *const female[] = {
	"Mrs", "Ms", "Miss", "Mme", "Madame", "Lady", "Queen", "Princess",
	"Dame", "wife", "mother", "daughter", "sister", "widow",
	"girlfriend", "fiancee", "grandmother", "granddaughter", "aunt",
	"niece", "actress", "spokeswoman", "chairwoman", "congresswoman",
	"assemblywoman", "businesswoman", "councilwoman", "stepmother",
};
static const char *const male[] = {
	"Mr", "Sir", "King", "Prince", "Lord", "husband", "father", "son",
	"brother", "widower", "boyfriend", "fiance", "grandfather",
	"grandson", "uncle", "nephew", "spokesman", "chairman",
	"congressman", "assemblyman", "businessman", "councilman",
	"stepfather",
};

static const char *const locpreps[] = {
	"in", "at", "from", "near", "across", "into", "toward", "towards",
	"throughout", "outside", "inside", "around", "via", "to",
};

/* Verbs that introduce or follow a quotation. "states" is left out: it is
 * more often the noun. */
static const char *const speech[] = {
	"said", "says", "say", "told", "tells", "added", "adds", "noted",
	"notes", "stressed", "stresses", "stated", "explained", "explains",
	"declared", "declares", "expressed", "expresses", "affirmed",
	"affirms", "reaffirmed", "underlined", "underlines", "highlighted",
	"emphasised", "emphasized", "insisted", "insists", "warned", "warns",
	"argued", "argues", "asked", "replied", "answered", "announced",
	"announces", "acknowledged", "admitted", "claimed", "claims",
	"commented", "concluded", "confirmed", "wrote", "writes", "recalled",
	"remarked", "observed", "suggested", "urged", "urges", "vowed",
	"called", "described", "signaled", "signalled", "summarised",
	"summarized", "summarises", "summarizes", "judged", "judges",
	"tweeted", "posted", "quipped", "joked", "cautioned", "predicted",
	"reiterated", "conceded", "complained", "lamented", "mentioned",
	"proclaimed", "maintained", "contended", "countered", "responded",
	"retorted", "agreed", "agrees", "explaining", "saying", "adding",
	"telling", "declaring", "stressing", "noting", "warning", "yelled",
	"shouted", "screamed", "exclaimed", "whispered", "testified",
	"quoted", "continued", "sighed", "recounted", "boasted", "scoffed",
	"mused", "snapped", "pleaded", "asserted", "asserts", "grumbled",
	"murmured", "wondered", "recalls", "admits", "acknowledges",
	"written", "asks", "reported", "reports", "remembers", "predicts",
	"recounts", "insisting",
};

static const char *const months[][2] = {
	{ "January", "Jan" }, { "February", "Feb" }, { "March", "Mar" },
	{ "April", "Apr" }, { "May", "May" }, { "June", "Jun" },
	{ "July", "Jul" }, { "August", "Aug" }, { "September", "Sep" },
	{ "October", "Oct" }, { "November", "Nov" }, { "December", "Dec" },
};

static const char *const weekdays[][2] = {
	{ "Monday", "Mon" }, { "Tuesday", "Tue" }, { "Wednesday", "Wed" },
	{ "Thursday", "Thu" }, { "Friday", "Fri" }, { "Saturday", "Sat" },
	{ "Sunday", "Sun" },
};

/* Number words; multipliers carry minus their power of ten. */
static const struct {
	const char *word;
	int value;
} numwords[] = {
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
	{ "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 },
	{ "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
	{ "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
	{ "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
	{ "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 },
	{ "forty", 40 }, { "fourty", 40 }, { "fifty", 50 }, { "sixty", 60 },
	{ "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
	{ "dozen", 12 }, { "hundred", -2 }, { "thousand", -3 },
	{ "lakh", -5 }, { "million", -6 }, { "crore", -7 }, { "billion", -9 },
	{ "trillion", -12 },
};

static const struct {
	const char *word;
	int power;
} numvague[] = {
	{ "tens", 1 }, { "hundreds", 2 }, { "thousands", 3 },
	{ "millions", 6 }, { "billions", 9 },
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Folds a list entry the way name keys are built from tokens: hyphens
 * become spaces ("Nur-Sultan" is two tokens), periods go ("U.S." is "us"). */
static size_t fold_key(const char *s, char *out, size_t size)
{
	size_t len = nd_utf8_fold(s, strlen(s), out, size), i, o = 0;

	for (i = 0; i < len; i++) {
		if (out[i] == '.')
			continue;
		out[o++] = out[i] == '-' ? ' ' : out[i];
	}
	out[o] = '\0';
	return o;
}

/* Adds cls (and place, aux) to the record of key, creating it. */
static int add(nd_gazetteer *g, const char *name, uint32_t cls,
	       uint32_t place, int aux)
{
	char key[ND_FOLD_MAX];
	size_t len = fold_key(name, key, sizeof(key));
	uint32_t idx, next = (uint32_t)g->n_recs;
	nd_lex *r;

	if (len == 0)
		return ND_OK;
	if (nd_strmap_put(&g->words, key, len, next, &idx))
		return ND_ENOMEM;
	if (idx == next) {
		nd_lex zero = { 0, 0, 0 };

		if (ND_ARRAY_PUSH(g->recs, g->n_recs, g->recs_cap, zero))
			return ND_ENOMEM;
	}
	r = &g->recs[idx];
	r->cls |= cls;
	if (place && r->place == 0)
		r->place = place;
	if (aux && r->aux == 0)
		r->aux = aux;
	return ND_OK;
}

/* Place id of an alpha-2 code, created on first sight. */
static int code_place(nd_gazetteer *g, const char *code, uint32_t *id)
{
	uint32_t next = g->next_place;

	if (nd_strmap_put(&g->codes, code, strlen(code), next, id))
		return ND_ENOMEM;
	if (*id == next)
		g->next_place++;
	return ND_OK;
}

static int add_list(nd_gazetteer *g, const char *const *list, size_t n,
		    uint32_t cls)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (add(g, list[i], cls, 0, 0))
			return ND_ENOMEM;
	}
	return ND_OK;
}

static int add_places(nd_gazetteer *g)
{
	uint32_t id;
	size_t i;

	for (i = 0; i < N_OF(nd_country_rows); i++) {
		if (code_place(g, nd_country_rows[i].code, &id) ||
		    add(g, nd_country_rows[i].name, ND_LEX_PLACE, id, 0))
			return ND_ENOMEM;
	}
	for (i = 0; i < N_OF(aliases); i++) {
		if (code_place(g, aliases[i][0], &id) ||
		    add(g, aliases[i][1], ND_LEX_PLACE, id, 0))
			return ND_ENOMEM;
	}
	for (i = 0; i < N_OF(places); i++) {
		char key[ND_FOLD_MAX];
		size_t len = fold_key(places[i], key, sizeof(key));
		nd_lex known = nd_gazetteer_lookup(g, key, len);

		id = known.place ? known.place : g->next_place++;
		if (add(g, places[i], ND_LEX_PLACE, id, 0))
			return ND_ENOMEM;
	}
	return ND_OK;
}

static int add_demonyms(nd_gazetteer *g)
{
	size_t i;

	for (i = 0; i < N_OF(demonyms); i++) {
		const char *to = demonyms[i][1];
		uint32_t id = 0;

		if (strlen(to) == 2) {
			if (code_place(g, to, &id))
				return ND_ENOMEM;
		} else if (*to) {
			char key[ND_FOLD_MAX];
			size_t len = fold_key(to, key, sizeof(key));

			id = nd_gazetteer_lookup(g, key, len).place;
		}
		if (add(g, demonyms[i][0], ND_LEX_DEMONYM, id, 0))
			return ND_ENOMEM;
	}
	return ND_OK;
}

static int add_calendar(nd_gazetteer *g)
{
	size_t i;

	for (i = 0; i < N_OF(months); i++) {
		if (add(g, months[i][0], ND_LEX_MONTH, 0, (int)i + 1) ||
		    add(g, months[i][1], ND_LEX_MONTH, 0, (int)i + 1))
			return ND_ENOMEM;
	}
	if (add(g, "Sept", ND_LEX_MONTH, 0, 9))
		return ND_ENOMEM;
	for (i = 0; i < N_OF(numwords); i++) {
		if (add(g, numwords[i].word, ND_LEX_NUMWORD, 0,
			numwords[i].value))
			return ND_ENOMEM;
	}
	for (i = 0; i < N_OF(numvague); i++) {
		if (add(g, numvague[i].word, ND_LEX_NUMVAGUE, 0,
			numvague[i].power))
			return ND_ENOMEM;
	}
	for (i = 0; i < N_OF(weekdays); i++) {
		if (add(g, weekdays[i][0], ND_LEX_WEEKDAY, 0, (int)i + 1))
			return ND_ENOMEM;
	}
	return ND_OK;
}

int nd_gazetteer_create(nd_gazetteer **out)
{
	nd_gazetteer *g = nd_calloc(1, sizeof(*g));
	int rc = ND_ENOMEM;

	*out = NULL;
	if (g == NULL)
		return ND_ENOMEM;
	g->next_place = 1;
	if (nd_strmap_init(&g->words))
		goto done;
	if (nd_strmap_init(&g->codes))
		goto done;
	if (add_places(g) || add_demonyms(g) ||
	    add_list(g, titles, N_OF(titles), ND_LEX_TITLE) ||
	    add_list(g, abbrevs, N_OF(abbrevs), ND_LEX_ABBREV) ||
	    add_list(g, portfolios, N_OF(portfolios), ND_LEX_PORTFOLIO) ||
	    add_list(g, orgwords, N_OF(orgwords), ND_LEX_ORGWORD) ||
	    add_list(g, orgnames, N_OF(orgnames), ND_LEX_ORGNAME) ||
	    add_list(g, placewords, N_OF(placewords), ND_LEX_PLACEWORD) ||
	    add_list(g, compass, N_OF(compass), ND_LEX_COMPASS) ||
	    add_list(g, connectors, N_OF(connectors), ND_LEX_CONNECTOR) ||
	    add_list(g, locpreps, N_OF(locpreps), ND_LEX_LOCPREP) ||
	    add_list(g, kin, N_OF(kin), ND_LEX_KIN) ||
	    add_list(g, female, N_OF(female), ND_LEX_FEMALE) ||
	    add_list(g, male, N_OF(male), ND_LEX_MALE) ||
	    add_list(g, speech, N_OF(speech), ND_LEX_SPEECH) ||
	    add_calendar(g))
		goto done;
	*out = g;
	return ND_OK;
done:
	nd_gazetteer_free(g);
	return rc;
}

void nd_gazetteer_free(nd_gazetteer *g)
{
	if (g == NULL)
		return;
	if (g->words.slots)
		nd_strmap_dispose(&g->words);
	if (g->codes.slots)
		nd_strmap_dispose(&g->codes);
	nd_free(g->recs);
	nd_free(g);
}

nd_lex nd_gazetteer_lookup(const nd_gazetteer *g, const char *folded,
			   size_t len)
{
	nd_lex none = { 0, 0, 0 };
	uint32_t idx;

	if (!nd_strmap_get(&g->words, folded, len, &idx) || idx >= g->n_recs)
		return none;
	return g->recs[idx];
}
