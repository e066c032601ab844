/* nd_clean_language: the language an article is written in, from its text.
 *
 * A page's lang attribute is often the site's default, not the article's,
 * and text files have none. The writing system tells most languages apart
 * (Han with kana is Japanese, Hangul Korean, …); within the Latin and
 * Cyrillic alphabets, the share of each language's commonest function
 * words does: they make up a third of running text and differ from one
 * language to the next. Lists are folded as nd_utf8_fold folds words
 * (lowercase, marks stripped). */
#include "clean/clean.h"

#include <pthread.h> /* pthread_once */
#include <stdint.h>  /* int32_t, uint32_t, uint64_t */
#include <string.h>  /* memcpy, memset, strcmp, strlen */

#include "core/bytes64.h"
#include "core/bytes8.h"
#include "core/utf8.h"

/* Words looked at: the start of an article says what it is written in
 * (a few hundred words tell even close languages apart). */
#define LANG_WORDS 400
/* Letters looked at for the writing system. */
#define LANG_LETTERS 4000

typedef struct lang_words {
	const char *code; /* ISO 639-1 */
	const char *const *words;
} lang_words;

#define WORDS(name, ...) static const char *const name[] = { __VA_ARGS__, NULL }

WORDS(w_en, "the", "and", "of", "to", "in", "is", "that", "for", "it", "was",
      "on", "with", "as", "by", "at", "from", "his", "he", "are", "have",
      "has", "this", "but", "not", "be", "were", "which", "said", "they",
      "their");
WORDS(w_de, "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von",
      "zu", "sich", "auf", "fur", "ein", "eine", "dem", "des", "auch", "es",
      "im", "wird", "sie", "werden", "nach", "bei", "aus", "wie", "dass",
      "oder", "wurde");
WORDS(w_fr, "le", "la", "les", "des", "et", "est", "une", "du", "dans", "qui",
      "que", "pour", "pas", "sur", "au", "avec", "par", "il", "sont", "ce",
      "plus", "aux", "ont", "cette", "mais", "elle", "ete", "nous", "leur");
WORDS(w_es, "el", "la", "los", "las", "de", "que", "y", "en", "del", "se",
      "por", "con", "una", "para", "es", "su", "al", "lo", "como", "mas",
      "pero", "sus", "fue", "este", "ha", "sobre", "entre", "tambien",
      "ya");
WORDS(w_it, "il", "di", "che", "la", "e", "per", "un", "una", "del", "della",
      "non", "sono", "le", "con", "si", "dei", "da", "al", "nel", "piu",
      "anche", "ha", "come", "gli", "alla", "questo", "ma", "delle",
      "essere");
WORDS(w_pt, "o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um",
      "uma", "para", "com", "nao", "no", "na", "por", "se", "mais", "dos",
      "das", "ao", "foi", "sua", "seu", "como", "tambem", "pelo", "ja");
WORDS(w_nl, "de", "het", "een", "en", "van", "in", "is", "dat", "op", "te",
      "niet", "met", "voor", "zijn", "die", "er", "aan", "ook", "als",
      "bij", "door", "maar", "om", "naar", "uit", "werd", "wordt", "heeft",
      "nog");
WORDS(w_pl, "i", "w", "nie", "na", "z", "sie", "to", "ze", "do", "jest", "o",
      "jak", "a", "ale", "po", "od", "tak", "co", "za", "tym", "przez",
      "dla", "sa", "czy", "tez", "juz", "by", "jego", "lub", "oraz");
WORDS(w_sv, "och", "i", "att", "det", "som", "en", "pa", "ar", "av", "for",
      "med", "till", "den", "har", "inte", "om", "ett", "var", "de", "men",
      "sig", "fran", "vi", "ocksa", "kan", "efter", "nar", "under", "hade");
WORDS(w_da, "og", "i", "at", "det", "en", "den", "til", "er", "som", "pa",
      "de", "med", "for", "af", "ikke", "der", "var", "et", "har", "om",
      "vi", "men", "fra", "ogsa", "efter", "kan", "nar", "hun", "blev");
WORDS(w_nb, "og", "i", "det", "som", "pa", "er", "til", "en", "av", "for",
      "med", "at", "ikke", "har", "den", "de", "var", "om", "et", "men",
      "fra", "ogsa", "etter", "kan", "nar", "ble", "vil", "seg", "hun");
WORDS(w_fi, "ja", "on", "ei", "se", "etta", "oli", "han", "mutta", "myos",
      "kun", "tai", "ovat", "joka", "sen", "niin", "kuin", "hanen", "ole",
      "mika", "jo", "nyt", "viela", "siita", "jos", "vain", "olla");
WORDS(w_tr, "ve", "bir", "bu", "da", "de", "icin", "ile", "olarak", "cok",
      "daha", "gibi", "en", "ne", "sonra", "kadar", "ama", "olan", "her",
      "ise", "ancak", "diye", "mi", "degil", "oldu", "ki");
WORDS(w_cs, "a", "se", "na", "je", "v", "to", "ze", "s", "z", "do", "o",
      "jako", "by", "k", "ale", "jsou", "pro", "tak", "po", "jeho", "byl",
      "ktery", "ktere", "take", "uz", "bylo", "nebo", "jen");
WORDS(w_ro, "si", "de", "in", "la", "cu", "pe", "nu", "care", "un", "este",
      "din", "pentru", "sa", "mai", "ca", "se", "au", "fost", "sunt", "dar",
      "sau", "acest", "lui", "ei", "prin", "o");
WORDS(w_hu, "a", "az", "es", "hogy", "nem", "is", "egy", "van", "meg", "de",
      "ezt", "csak", "mar", "mint", "volt", "vagy", "azt", "pedig", "kell",
      "lesz", "ami", "amely", "el", "ki", "mert");
WORDS(w_id, "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak",
      "dari", "dalam", "akan", "pada", "juga", "ke", "ada", "adalah",
      "oleh", "mereka", "kami", "telah", "bisa", "atau", "saat");
WORDS(w_ru, "и", "в", "не", "на", "что", "с", "он", "как", "это", "по",
      "но", "из", "к", "у", "за", "от", "о", "так", "же", "для", "все",
      "был", "его", "она", "бы", "мы", "они", "если", "было", "также");
WORDS(w_uk, "і", "в", "не", "на", "що", "з", "у", "та", "до", "як", "це",
      "за", "від", "але", "для", "він", "його", "про", "був", "вона",
      "також", "ще", "які", "після", "и");
WORDS(w_bg, "и", "в", "на", "да", "се", "не", "за", "от", "с", "е", "че",
      "по", "са", "то", "ще", "като", "това", "към", "но", "който", "при",
      "със", "бъде", "след", "тя");

static const lang_words latin[] = {
	{ "en", w_en }, { "de", w_de }, { "fr", w_fr }, { "es", w_es },
	{ "it", w_it }, { "pt", w_pt }, { "nl", w_nl }, { "pl", w_pl },
	{ "sv", w_sv }, { "da", w_da }, { "nb", w_nb }, { "fi", w_fi },
	{ "tr", w_tr }, { "cs", w_cs }, { "ro", w_ro }, { "hu", w_hu },
	{ "id", w_id },
};

static const lang_words cyrillic[] = {
	{ "ru", w_ru }, { "uk", w_uk }, { "bg", w_bg },
};

/* Writing systems counted. */
enum {
	S_LATIN, S_CYRILLIC, S_GREEK, S_ARABIC, S_HEBREW, S_HAN, S_KANA,
	S_HANGUL, S_THAI, S_DEVANAGARI, S_PERSIAN, N_SCRIPTS
};

static int script_of(int32_t cp)
{
	if (cp < 0x250)
		return nd_cp_is_letter(cp) ? S_LATIN : -1;
	if (cp >= 0x370 && cp < 0x400)
		return S_GREEK;
	if (cp >= 0x400 && cp < 0x530)
		return S_CYRILLIC;
	if (cp >= 0x590 && cp < 0x600)
		return S_HEBREW;
	/* Letters Persian and Urdu add to the Arabic alphabet. */
	if (cp == 0x67E || cp == 0x686 || cp == 0x698 || cp == 0x6AF ||
	    cp == 0x6CC || cp == 0x6A9)
		return S_PERSIAN;
	if (cp >= 0x600 && cp < 0x700)
		return S_ARABIC;
	if (cp >= 0x900 && cp < 0x980)
		return S_DEVANAGARI;
	if (cp >= 0xE00 && cp < 0xE80)
		return S_THAI;
	if (cp >= 0x3040 && cp < 0x3100)
		return S_KANA;
	if ((cp >= 0x4E00 && cp < 0xA000) || (cp >= 0x3400 && cp < 0x4DC0))
		return S_HAN;
	if (cp >= 0xAC00 && cp < 0xD7B0)
		return S_HANGUL;
	return -1;
}

#ifdef ND_BYTES64

/* Whether the 64 bytes at p are all ASCII; their letters in *letters, bit
 * k for byte k. */
ND_BYTES64_TARGET static bool
ascii_letters64(const char *p, uint64_t *letters)
{
	__m512i x = nd_bytes64_load(p);

	if (nd_bytes64_high(x) != 0)
		return false;
	*letters = nd_bytes64_letters(x);
	return true;
}

__attribute__((target("popcnt"))) static size_t count64(uint64_t m)
{
	return (size_t)__builtin_popcountll(m);
}
#endif

/* Letters of each writing system among the first LANG_LETTERS. */
static void count_scripts(const char *s, size_t len, size_t *n)
{
	const char *p = s, *end = s + len;
	size_t seen = 0;

#ifdef ND_BYTES64
	bool wide = nd_bytes64_available();
#endif

	while (p < end && seen < LANG_LETTERS) {
		int32_t cp;
		int k;

#ifdef ND_BYTES64
		uint64_t l;

		if (wide && end - p >= 64 && seen + 64 <= LANG_LETTERS &&
		    ascii_letters64(p, &l)) {
			size_t m = count64(l);

			n[S_LATIN] += m;
			seen += m;
			p += 64;
			continue;
		}
#endif
#if ND_BYTES8_IN_ORDER
		/* Eight ASCII bytes at once, when all their letters
		 * count: those are Latin, the rest of ASCII no letter. */
		if (end - p >= 8 && seen + 8 <= LANG_LETTERS) {
			uint64_t x = nd_bytes8_load(p);

			if ((x & ND_BYTES8_HIGHS) == 0) {
				size_t m = nd_bytes8_count(
					nd_bytes8_letters(x));

				n[S_LATIN] += m;
				seen += m;
				p += 8;
				continue;
			}
		}
#endif
		cp = nd_utf8_decode(&p, end);
		k = script_of(cp);

		if (k >= 0) {
			n[k]++;
			seen++;
		}
	}
}

/* The function words of up to 32 languages as one hash set, each word
 * with the languages it belongs to: one look-up per word of the text.
 * Each alphabet's set is built once, on first use (pthread_once, so
 * threads may share it), and read-only after: building it per call cost
 * more than the look-ups. */
#define WORD_SLOTS 1024
/* Bits of a slot index: log2(WORD_SLOTS). */
#define WORD_SLOT_BITS 10
/* Bits of the filter in front of the slots: a few hundred words set one
 * in ten of them, and the filter (512 bytes) stays in the first-level
 * cache where the slots (16 KB) do not, between one article and the
 * next. */
#define FILTER_BITS 4096
/* Room for the longest function word folded, in bytes: the longest (five
 * Cyrillic letters) take ten, the longest Latin ones seven (ASCII words
 * are looked up up to eight letters). A word is its bytes, zero padded to
 * this: compared as two integers, with no hash to collide. */
#define KEY_BYTES 12

typedef struct word_key {
	uint64_t lo; /* the word's bytes, zero padded; 0: none */
	uint32_t hi;
} word_key;

typedef struct word_slot {
	word_key key; /* lo == 0: empty */
	uint32_t langs;
} word_slot;

typedef struct word_set {
	uint64_t filter[FILTER_BITS / 64]; /* some word hashes to each bit */
	word_slot slot[WORD_SLOTS];
} word_set;

/* The key of the folded word w[0..n) (0 < n <= KEY_BYTES). */
static word_key key_of(const char *w, size_t n)
{
	char b[KEY_BYTES] = { 0 };
	word_key k;

	memcpy(b, w, n);
	memcpy(&k.lo, b, 8);
	memcpy(&k.hi, b + 8, 4);
	return k;
}

/* The key of the ASCII word w[0..n) (0 < n <= 8) lower-cased. */
static word_key ascii_key(const char *w, size_t n)
{
	char b[8];
	size_t i;

	for (i = 0; i < n; i++)
		b[i] = (char)(w[i] | 0x20);
	return key_of(b, n);
}

/* The multiply spreads the first bytes over the high bits, where the slot
 * index and the filter bit are taken from. */
static uint64_t key_hash(word_key k)
{
	return (k.lo ^ k.hi * 0xff51afd7ed558ccdULL) * 0x9e3779b97f4a7c15ULL;
}

/* The filter bit of the hash h: bits below the slot index's. */
static size_t filter_bit(uint64_t h)
{
	return (size_t)(h >> (64 - WORD_SLOT_BITS - 12)) & (FILTER_BITS - 1);
}

/* Where the word k hashed h is in t, or the empty slot where it goes. */
static size_t slot_at(const word_set *t, word_key k, uint64_t h)
{
	size_t i = (size_t)(h >> (64 - WORD_SLOT_BITS));

	while (t->slot[i].key.lo != 0 &&
	       (t->slot[i].key.lo != k.lo || t->slot[i].key.hi != k.hi))
		i = (i + 1) & (WORD_SLOTS - 1);
	return i;
}

static void build_set(word_set *t, const lang_words *langs, size_t n)
{
	const char *const *w;
	size_t i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < n; i++) {
		for (w = langs[i].words; *w; w++) {
			word_key k = key_of(*w, strlen(*w));
			uint64_t h = key_hash(k);
			word_slot *s = &t->slot[slot_at(t, k, h)];
			size_t bit = filter_bit(h);

			s->key = k;
			s->langs |= 1u << i;
			t->filter[bit / 64] |= 1ULL << (bit % 64);
		}
	}
}

static word_set latin_set, cyrillic_set;
static pthread_once_t latin_once = PTHREAD_ONCE_INIT;
static pthread_once_t cyrillic_once = PTHREAD_ONCE_INIT;

static void build_latin(void)
{
	build_set(&latin_set, latin, sizeof(latin) / sizeof(*latin));
}

static void build_cyrillic(void)
{
	build_set(&cyrillic_set, cyrillic,
		  sizeof(cyrillic) / sizeof(*cyrillic));
}

/* Counts the word keyed k towards the languages set gives it. */
static void count_langs(size_t hits[32], const word_set *set, word_key k)
{
	uint64_t h = key_hash(k);
	size_t bit = filter_bit(h);
	uint32_t mask;

	if (!(set->filter[bit / 64] >> (bit % 64) & 1))
		return;
	mask = set->slot[slot_at(set, k, h)].langs;
	for (; mask != 0; mask &= mask - 1)
		hits[__builtin_ctz(mask)]++;
}

/* The length of the word at p when it is ASCII letters only, with the key
 * of its lower case (as nd_utf8_fold gives it) in *k when it is no longer
 * than eight letters (else k->lo is 0); 0 when p holds no ASCII letter or
 * a letter past ASCII may go on with the word, for the general path to
 * take. */
static inline size_t ascii_word(const char *p, const char *end, word_key *k)
{
	size_t n = 0;

	k->lo = k->hi = 0;
#if ND_BYTES8_IN_ORDER
	/* Eight bytes at a time: most words end within the first eight. */
	while (end - (p + n) >= 8) {
		uint64_t x = nd_bytes8_load(p + n);
		uint64_t l = nd_bytes8_letters(x);
		uint64_t stop = ~l & ND_BYTES8_HIGHS;

		if (stop == 0) {
			n += 8;
			continue;
		}
		if (n == 0) {
			/* Letters are lower-cased by their 0x20 bit; the
			 * bytes from the first past the word are cleared. */
			uint64_t in = ((stop & -stop) >> 7) - 1;

			k->lo = (x | (l >> 2)) & in;
		}
		n += (size_t)__builtin_ctzll(stop) / 8;
		if ((unsigned char)p[n] >= 0x80)
			return 0;
		return n;
	}
#endif
	while (p + n < end && nd_ascii_is_letter((unsigned char)p[n]))
		n++;
	if (p + n < end && (unsigned char)p[n] >= 0x80)
		return 0;
	if (n > 0 && n <= 8)
		*k = ascii_key(p, n);
	return n;
}

#ifdef ND_BYTES64
/* Counts towards hits, as by_words would one by one, the words of the 64
 * ASCII bytes at p (between two words), whose letters l marks, while
 * *words < LANG_WORDS. Returns how far that went: 64, or where a word
 * going on past the 64 starts, for by_words to take. */
static size_t words64(size_t hits[32], const word_set *set, const char *p,
		      uint64_t l, size_t *words)
{
	uint64_t starts = l & ~(l << 1);

	for (; starts != 0 && *words < LANG_WORDS; starts &= starts - 1) {
		unsigned t = (unsigned)__builtin_ctzll(starts);
		uint64_t after = ~l >> t; /* the bytes past the word, from t */
		size_t wl;

		if (after == 0)
			return t;
		wl = (size_t)__builtin_ctzll(after);
		(*words)++;
		if (wl > 8)
			continue;
		/* Within the 64, the word's eight bytes are read at once
		 * (bytes stored one by one and read as one wait for the
		 * stores), lower-cased and cut at its end. */
		if (t + 8 <= 64) {
			word_key k = {
				nd_bytes8_lower_cut(nd_bytes8_load(p + t), wl),
				0
			};

			count_langs(hits, set, k);
		} else {
			count_langs(hits, set, ascii_key(p + t, wl));
		}
	}
	return 64;
}
#endif

/* Takes the word or the character at p (p < end, between two words):
 * counts a word into *words and towards hits. Returns what follows.
 * Inlined into both loops of count_words: a call a character cost a
 * tenth of the whole. */
__attribute__((always_inline)) static inline const char *
word_step(size_t hits[32], const word_set *set, const char *p,
	  const char *end, size_t *words)
{
	const char *start = p, *q = p, *r;
	unsigned char c = (unsigned char)*p;
	word_key k;
	char w[64];
	size_t wl;

	/* Spaces and ASCII marks between words, with no decoding. */
	if (c < 0x80 && !nd_ascii_is_letter(c))
		return p + 1;
	if ((wl = ascii_word(p, end, &k)) != 0) {
		(*words)++;
		if (k.lo != 0)
			count_langs(hits, set, k);
		return p + wl;
	}
	if (!nd_cp_is_letter(nd_utf8_decode(&q, end)))
		return q;
	for (r = q; q < end && nd_cp_is_letter(nd_utf8_decode(&r, end));
	     q = r)
		;
	(*words)++;
	/* Function words are short: longer words need no look-up. */
	if (q - start > 24)
		return q;
	wl = nd_utf8_fold(start, (size_t)(q - start), w, sizeof(w));
	if (wl > 0 && wl <= KEY_BYTES)
		count_langs(hits, set, key_of(w, wl));
	return q;
}

/* Counts towards hits the first LANG_WORDS words of s[0..len) into
 * *words. */
static void count_words(size_t hits[32], const word_set *set, const char *s,
			size_t len, size_t *words)
{
	const char *p = s, *end = s + len;

#ifdef ND_BYTES64
	if (nd_bytes64_available()) {
		while (p < end && *words < LANG_WORDS) {
			uint64_t l;
			size_t at;

			if (end - p >= 64 && ascii_letters64(p, &l) &&
			    (at = words64(hits, set, p, l, words)) > 0)
				p += at;
			else
				p = word_step(hits, set, p, end, words);
		}
		return;
	}
#endif
	while (p < end && *words < LANG_WORDS)
		p = word_step(hits, set, p, end, words);
}

/* The language of langs[0..n) (whose words set holds) whose function
 * words are the largest share of the first LANG_WORDS words of s, when
 * that share is telling. */
static const char *by_words(const char *s, size_t len,
			    const lang_words *langs, size_t n,
			    const word_set *set)
{
	size_t hits[32] = { 0 }, words = 0, i, best = 0, second = 0;

	count_words(hits, set, s, len, &words);
	for (i = 1; i < n; i++) {
		if (hits[i] > hits[best]) {
			second = best;
			best = i;
		} else if (i != best && hits[i] > hits[second]) {
			second = i;
		}
	}
	/* Function words are a fifth or more of prose; lists, tables and
	 * scores have fewer, so a twentieth is asked, and the best list must
	 * beat the next by a tenth, or the text is too short (or too mixed)
	 * to say. */
	if (hits[best] < 3 || hits[best] * 20 < words ||
	    (best != second && hits[best] * 10 < hits[second] * 11))
		return "";
	return langs[best].code;
}

const char *nd_clean_language(const char *text, size_t len)
{
	size_t n[N_SCRIPTS] = { 0 }, total = 0, top = 0;
	int k;

	count_scripts(text, len, n);
	for (k = 0; k < N_SCRIPTS; k++) {
		total += n[k];
		if (n[k] > n[top])
			top = (size_t)k;
	}
	if (total == 0)
		return "";
	/* Japanese mixes kana into Han; any real share of kana says so. */
	if ((top == S_HAN || top == S_KANA) && n[S_KANA] * 10 >= total)
		return "ja";
	switch (top) {
	case S_LATIN:
		pthread_once(&latin_once, build_latin);
		return by_words(text, len, latin, sizeof(latin) / sizeof(*latin),
				&latin_set);
	case S_CYRILLIC:
		pthread_once(&cyrillic_once, build_cyrillic);
		return by_words(text, len, cyrillic,
				sizeof(cyrillic) / sizeof(*cyrillic),
				&cyrillic_set);
	case S_GREEK: return "el";
	case S_HEBREW: return "he";
	case S_ARABIC:
		return n[S_PERSIAN] * 50 >= n[S_ARABIC] ? "fa" : "ar";
	case S_PERSIAN: return "fa";
	case S_DEVANAGARI: return "hi";
	case S_THAI: return "th";
	case S_HAN: return "zh";
	case S_HANGUL: return "ko";
	default: return "";
	}
}

const char *nd_clean_language_declared(const char *tag)
{
	static const char *const codes[] = {
		"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da",
		"nb", "fi", "tr", "cs", "ro", "hu", "id", "ru", "uk", "bg",
		"el", "he", "ar", "fa", "hi", "th", "zh", "ja", "ko",
	};
	char c[3];
	size_t i;

	if (tag == NULL)
		return "";
	for (i = 0; i < 2 && tag[i]; i++)
		c[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] + 32
							     : tag[i]);
	/* Two letters, then the end or a region or script subtag. */
	if (i < 2 || (tag[2] != '\0' && tag[2] != '-' && tag[2] != '_'))
		return "";
	c[2] = '\0';
	if (strcmp(c, "no") == 0 || strcmp(c, "nn") == 0)
		return "nb";
	if (strcmp(c, "iw") == 0) /* Hebrew's old code */
		return "he";
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		if (strcmp(codes[i], c) == 0)
			return codes[i];
	}
	return "";
}
