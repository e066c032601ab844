#include "clean/lorem.h"

#include <pthread.h> /* pthread_once */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */
#include <string.h>  /* memcmp */

#include "core/bytes64.h"
#include "core/bytes8.h"
#include "core/utf8.h"

/* The room of a filler word, its NUL included: the longest has 14
 * letters. */
#define FILLER_MAX 16

/* The words by their first letter, each list sorted (strcmp order): a
 * word is compared with the few of its letter only, and held in place, so
 * a comparison reads it without a load first. */
static const char filler_a[][FILLER_MAX] = {
	"accumsan", "accusam", "accusantium", "adipisci", "adipiscing",
	"aenean", "aliqua", "aliquam", "aliquet", "aliquid", "aliquip",
	"amet", "animi", "aperiam", "arcu", "assumenda", "atque", "auctor",
	"aut", "autem",
};
static const char filler_b[][FILLER_MAX] = {
	"beatae", "bibendum", "blandit", "blanditiis",
};
static const char filler_c[][FILLER_MAX] = {
	"commodi", "commodo", "condimentum", "congue", "consectetur",
	"consequat", "consequatur", "consequuntur", "convallis", "corporis",
	"corrupti", "cras", "cupidatat", "cupiditate", "curabitur", "cursus",
};
static const char filler_d[][FILLER_MAX] = {
	"dapibus", "debitis", "delectus", "deleniti", "deserunt", "diam",
	"dictum", "dignissim", "dignissimos", "distinctio", "dolor", "dolore",
	"dolorem", "doloremque", "dolores", "doloribus", "dolorum", "donec",
	"ducimus", "duis",
};
static const char filler_e[][FILLER_MAX] = {
	"ea", "eaque", "earum", "egestas", "eget", "eirmod", "eius",
	"eiusdem", "eiusmod", "elementum", "eligendi", "elit", "enim", "eos",
	"esse", "etiam", "euismod", "eum", "eveniet", "excepteur",
	"excepturi", "exercitation", "exercitationem", "expedita",
	"explicabo",
};
static const char filler_f[][FILLER_MAX] = {
	"facere", "facilis", "facilisis", "faucibus", "fermentum", "feugiat",
	"fringilla", "fugiat", "fugit",
};
static const char filler_g[][FILLER_MAX] = {
	"gravida", "gubergren",
};
static const char filler_h[][FILLER_MAX] = {
	"harum",
};
static const char filler_i[][FILLER_MAX] = {
	"iaculis", "illa", "illo", "illum", "impedit", "imperdiet",
	"incididunt", "incidunt", "interdum", "inventore", "invidunt", "ipsa",
	"ipsam", "ipsum", "irure", "ita", "itaque", "iure", "iusto",
};
static const char filler_l[][FILLER_MAX] = {
	"labore", "laboriosam", "laborum", "lacinia", "lacus", "laoreet",
	"laudantium", "lectus", "ligula", "lobortis", "lorem", "luctus",
};
static const char filler_m[][FILLER_MAX] = {
	"maecenas", "magnam", "maiores", "malesuada", "mattis", "mauris",
	"maxime", "metus", "minim", "minima", "molestiae", "molestias",
	"molestie", "mollit", "mollitia", "morbi",
};
static const char filler_n[][FILLER_MAX] = {
	"nec", "necessitatibus", "nemo", "neque", "nesciunt", "nibh", "nihil",
	"nisi", "nisl", "nobis", "nonumy", "nostrud", "nostrum", "nullam",
	"numquam",
};
static const char filler_o[][FILLER_MAX] = {
	"obcaecati", "occaecat", "odit", "officia", "officiis", "omnis",
	"oportet", "optio", "orci",
};
static const char filler_p[][FILLER_MAX] = {
	"pariatur", "pellentesque", "perferendis", "perspiciatis",
	"phasellus", "placeat", "porro", "porttitor", "possimus", "posuere",
	"praesent", "praesentium", "pretium", "proident", "proin",
	"provident", "pulvinar", "purus",
};
static const char filler_q[][FILLER_MAX] = {
	"quae", "quaerat", "quam", "quas", "quia", "quibusdam", "quidem",
	"quis", "quisquam", "quisque", "quod", "quoque", "quos",
};
static const char filler_r[][FILLER_MAX] = {
	"ratione", "recusandae", "reiciendis", "repellat", "repellendus",
	"reprehenderit", "repudiandae", "rerum", "rhoncus", "risus", "rutrum",
};
static const char filler_s[][FILLER_MAX] = {
	"sadipscing", "saepe", "sagittis", "sapien", "scelerisque", "sed",
	"semper", "sequi", "similique", "sint", "sodales", "sollicitudin",
	"soluta", "sunt", "suscipit", "suspendisse",
};
static const char filler_t[][FILLER_MAX] = {
	"takimata", "tellus", "tempor", "tempora", "temporibus", "tenetur",
	"tincidunt", "tortor", "totam", "tristique", "turpis",
};
static const char filler_u[][FILLER_MAX] = {
	"ullam", "ullamco", "ullamcorper", "ultrices", "ultricies", "ut",
};
static const char filler_v[][FILLER_MAX] = {
	"varius", "vehicula", "vel", "velit", "venenatis", "veniam",
	"veritatis", "vestibulum", "vitae", "viverra", "voluptas",
	"voluptate", "voluptatem", "voluptates", "voluptatibus", "voluptatum",
	"vulputate",
};

typedef struct letter {
	const char (*w)[FILLER_MAX];
	size_t n;
} letter;

#define L(a) { a, sizeof(a) / sizeof(a[0]) }
/* By first letter, a to z; none start with the others. */
static const letter filler[26] = {
	['a' - 'a'] = L(filler_a),
	['b' - 'a'] = L(filler_b),
	['c' - 'a'] = L(filler_c),
	['d' - 'a'] = L(filler_d),
	['e' - 'a'] = L(filler_e),
	['f' - 'a'] = L(filler_f),
	['g' - 'a'] = L(filler_g),
	['h' - 'a'] = L(filler_h),
	['i' - 'a'] = L(filler_i),
	['l' - 'a'] = L(filler_l),
	['m' - 'a'] = L(filler_m),
	['n' - 'a'] = L(filler_n),
	['o' - 'a'] = L(filler_o),
	['p' - 'a'] = L(filler_p),
	['q' - 'a'] = L(filler_q),
	['r' - 'a'] = L(filler_r),
	['s' - 'a'] = L(filler_s),
	['t' - 'a'] = L(filler_t),
	['u' - 'a'] = L(filler_u),
	['v' - 'a'] = L(filler_v),
};
#undef L

/* Bit of thirds for a word of two letters only. */
#define END_BIT (1u << 26)

/* For each first two letters, the third letters of filler's words that
 * start with them as bits (END_BIT: the word ends there): most words of
 * a text start with three letters no filler word starts with ("the",
 * "con" but "cons"). Built once, from filler, on first use. */
static uint32_t thirds[26][26];
/* For each first two letters, where filler's words starting with them
 * start in their letter's list (sorted, so they follow one another). */
static uint8_t seconds[26][26];
static pthread_once_t thirds_once = PTHREAD_ONCE_INIT;

/* The bit of thirds for the character c after two letters. */
static uint32_t third_bit(unsigned char c)
{
	unsigned t = (unsigned)(c | 0x20) - 'a';

	return t < 26 ? 1u << t : END_BIT;
}

static void thirds_build(void)
{
	size_t a, i;

	for (a = 0; a < 26; a++) {
		for (i = filler[a].n; i-- > 0;) {
			const char *w = filler[a].w[i];

			thirds[a][w[1] - 'a'] |= third_bit((unsigned char)w[2]);
			seconds[a][w[1] - 'a'] = (uint8_t)i;
		}
	}
}

/* A filler word's or a run's sixteen bytes, zero padded, as two words:
 * compared at once. */
typedef struct word16 {
	uint64_t lo, hi;
} word16;

static word16 word16_of(const char w[FILLER_MAX])
{
	word16 k;

	memcpy(&k.lo, w, 8);
	memcpy(&k.hi, w + 8, 8);
	return k;
}

/* Whether the lower-case word w (two letters or more) is one of filler's:
 * among the words of its first two letters. thirds and seconds are built,
 * and some filler word starts with w's first two letters. */
static bool is_filler(word16 w)
{
	unsigned a = (unsigned)(w.lo & 0xFF) - 'a';
	char second = (char)(w.lo >> 8 & 0xFF);
	size_t i;

	for (i = seconds[a][second - 'a'];
	     i < filler[a].n && filler[a].w[i][1] == second; i++) {
		word16 f = word16_of(filler[a].w[i]);

		if (f.lo == w.lo && f.hi == w.hi)
			return true;
	}
	return false;
}

/* The run of ASCII letters at s[start] (start < len), lower-cased and
 * zero padded, in *w; false when it is too long for a filler word. Read
 * as two words where sixteen bytes are there: copied a byte at a time,
 * the bytes would be read back before their stores were done. */
static bool letter_run(word16 *w, const char *s, size_t start, size_t len)
{
	char b[FILLER_MAX] = { 0 };
	size_t n = 0;

#if ND_BYTES8_IN_ORDER
	if (len - start >= FILLER_MAX) {
		uint64_t lo = nd_bytes8_load(s + start);
		uint64_t hi = nd_bytes8_load(s + start + 8);
		uint64_t end_lo = ~nd_bytes8_letters(lo) & ND_BYTES8_HIGHS;
		uint64_t end_hi = ~nd_bytes8_letters(hi) & ND_BYTES8_HIGHS;

		if (end_lo) {
			w->lo = nd_bytes8_lower_cut(lo,
					  (size_t)__builtin_ctzll(end_lo) / 8);
			w->hi = 0;
		} else if (end_hi) {
			w->lo = lo | ND_BYTES8_ONES * 0x20;
			w->hi = nd_bytes8_lower_cut(hi,
					  (size_t)__builtin_ctzll(end_hi) / 8);
		} else {
			return false;
		}
		return true;
	}
#endif
	for (; start < len && nd_ascii_is_letter((unsigned char)s[start]);
	     start++) {
		if (n == FILLER_MAX)
			return false;
		b[n++] = (char)(s[start] | 0x20);
	}
	*w = word16_of(b);
	return true;
}

/* Whether the run of ASCII letters at s[start] (start < len), lower-cased,
 * is a filler word; sets *lorem when it is "lorem". Its first two letters
 * start some filler word. */
static bool run_is_filler(const char *s, size_t start, size_t len,
			  bool *lorem)
{
	static const char lorem_w[FILLER_MAX] = "lorem";
	word16 w, l = word16_of(lorem_w);

	if (!letter_run(&w, s, start, len))
		return false;
	*lorem = w.lo == l.lo && w.hi == l.hi;
	return is_filler(w);
}

/* Whether the word s[start..end) (ASCII; s holds len bytes) is filler:
 * its first run of letters, lower-cased, is one of filler's. The letters
 * are read only when their first three could start a filler word, which
 * most words' cannot. Sets *lorem when the run is "lorem". */
static bool word_is_filler(const char *s, size_t start, size_t end,
			   size_t len, bool *lorem)
{
	unsigned a, b;

	while (start < end && !nd_ascii_is_letter((unsigned char)s[start]))
		start++;
	if (end - start < 2 || !nd_ascii_is_letter((unsigned char)s[start + 1]))
		return false;
	a = ((unsigned char)s[start] | 0x20) - 'a';
	b = ((unsigned char)s[start + 1] | 0x20) - 'a';
	if (!(thirds[a][b] & (end - start > 2 ? third_bit((unsigned char)
							   s[start + 2])
					      : END_BIT)))
		return false;
	return run_is_filler(s, start, len, lorem);
}

/* The end of the word at s[i] (the next space, or len), with *high the OR
 * of its bytes and *alpha whether one is an ASCII letter. Eight bytes at
 * a time where a little-endian host has them in order: a word then takes
 * a pass or two instead of a pass a byte. */
static size_t word_end(const char *s, size_t i, size_t len,
		       unsigned char *high, bool *alpha)
{
#if ND_BYTES8_IN_ORDER
	uint64_t bits = 0, letters = 0;

	while (i + 8 <= len) {
		uint64_t x = nd_bytes8_load(s + i);
		uint64_t sp = nd_bytes8_eq(x, ' '), keep;

		if (sp == 0) {
			bits |= x;
			letters |= nd_bytes8_letters(x);
			i += 8;
			continue;
		}
		/* The bytes below the first space. */
		keep = (sp & -sp) - 1;
		bits |= x & keep;
		letters |= nd_bytes8_letters(x) & keep;
		i += (size_t)__builtin_ctzll(sp) / 8;
		*high |= (unsigned char)((bits & ND_BYTES8_HIGHS) ? 0x80 : 0);
		*alpha = *alpha || letters != 0;
		return i;
	}
	*high |= (unsigned char)((bits & ND_BYTES8_HIGHS) ? 0x80 : 0);
	*alpha = *alpha || letters != 0;
#endif
	for (; i < len && s[i] != ' '; i++) {
		unsigned char c = (unsigned char)s[i];

		*high |= c;
		*alpha = *alpha || nd_ascii_is_letter(c);
	}
	return i;
}

/* The next space from s[i] on, or len. */
static size_t next_space(const char *s, size_t i, size_t len)
{
#if ND_BYTES8_IN_ORDER
	for (; i + 8 <= len; i += 8) {
		uint64_t sp = nd_bytes8_eq(nd_bytes8_load(s + i), ' ');

		if (sp)
			return i + (size_t)__builtin_ctzll(sp) / 8;
	}
#endif
	while (i < len && s[i] != ' ')
		i++;
	return i;
}

/* Whether the word at s[i] is surely a word and no filler: it opens with
 * an ASCII letter, and its run of letters is a single one (a mark, a byte
 * past ASCII, a space or the end follows), or one whose first three
 * characters no filler word opens with (most words), or no filler word
 * either. Such a word need not be read to its end. */
static inline bool plain_word(const char *s, size_t i, size_t len)
{
	unsigned a = ((unsigned char)s[i] | 0x20) - 'a', b;
	bool lorem;

	if (a >= 26)
		return false;
	if (i + 1 >= len)
		return true;
	b = ((unsigned char)s[i + 1] | 0x20) - 'a';
	if (b >= 26)
		return true;
	if ((thirds[a][b] &
	     third_bit(i + 2 < len ? (unsigned char)s[i + 2] : ' ')) == 0)
		return true;
	return !run_is_filler(s, i, len, &lorem);
}

/* What a word is to the filler count. */
enum { WORD_NONE, WORD_PLAIN, WORD_FILLER, WORD_LOREM_IPSUM };

/* What the word at s[i] (no space) is, read to its end, *end (the next
 * space, or len): WORD_NONE when it holds no letter (figures, marks), and
 * WORD_LOREM_IPSUM when it is "lorem" before "ipsum", filler for sure. */
static int word_kind(const char *s, size_t i, size_t len, size_t *end)
{
	unsigned char high = 0;
	bool alpha = false, lorem = false, hit;
	size_t e = word_end(s, i, len, &high, &alpha);

	*end = e;
	if (!alpha && high < 0x80)
		return WORD_NONE;
	if (high >= 0x80)
		return WORD_PLAIN;
	hit = word_is_filler(s, i, e, len, &lorem);
	if (lorem && e + 6 <= len && memcmp(s + e, " ipsum", 6) == 0)
		return WORD_LOREM_IPSUM;
	return hit ? WORD_FILLER : WORD_PLAIN;
}

/* Whether words of which hits are filler make filler text. */
static bool filler_share(size_t words, size_t hits)
{
	return words >= 4 && hits >= 3 && hits * 10 >= words * 3;
}

#ifdef ND_BYTES64

/* What the blocks of a line carry from one to the next. */
typedef struct lorem_scan {
	size_t words, hits;
	bool space_before; /* the byte before the block is a space (or none) */
	bool uncounted;    /* so is it, or the word going on into the block
			    * is not counted yet */
} lorem_scan;

/* Counts into *st the words of the 64 bytes s[at..at+64), words read on
 * up to len: a word is counted at its first letter or byte past ASCII,
 * found by subtracting a bit at each word's start from the mask of those
 * bytes and spaces (the borrow runs up to the first of them, which it
 * clears), and only words not ruled out by their first three characters
 * are read. Returns true for "lorem ipsum". */
ND_BYTES64_TARGET static bool
lorem_block(const char *s, size_t at, size_t len, lorem_scan *st)
{
	__m512i x = nd_bytes64_load(s + at);
	uint64_t space = nd_bytes64_eq(x, ' ');
	uint64_t high = nd_bytes64_high(x);
	uint64_t letters = nd_bytes64_letters(x);
	uint64_t starts = ~space & (space << 1 | (st->space_before ? 1 : 0));
	uint64_t stops = letters | high | space;
	uint64_t open = ~space & (space << 1 | (st->uncounted ? 1 : 0));
	uint64_t after = stops - open;

	st->words += (size_t)__builtin_popcountll((letters | high) & ~after);
	/* A borrow out of the top: the last word has none of them yet. */
	st->uncounted = (space >> 63) != 0 || stops < open;
	st->space_before = (space >> 63) != 0;
	for (; starts != 0; starts &= starts - 1) {
		size_t i = at + (size_t)__builtin_ctzll(starts), end;
		int k;

		if (plain_word(s, i, len))
			continue;
		k = word_kind(s, i, len, &end);
		if (k == WORD_LOREM_IPSUM)
			return true;
		st->hits += k == WORD_FILLER;
	}
	return false;
}

/* nd_clean_is_lorem 64 bytes at a time; the last bytes are read from a
 * copy padded with spaces, which end a word as the end of s does. */
static bool lorem_wide(const char *s, size_t len)
{
	lorem_scan st = { 0, 0, true, true };
	char pad[64];
	size_t i;

	for (i = 0; i + 64 <= len; i += 64) {
		if (lorem_block(s, i, len, &st))
			return true;
	}
	if (i < len) {
		memset(pad, ' ', sizeof(pad));
		memcpy(pad, s + i, len - i);
		if (lorem_block(pad, 0, sizeof(pad), &st))
			return true;
	}
	return filler_share(st.words, st.hits);
}
#endif

bool nd_clean_is_lorem(const char *s, size_t len)
{
	size_t i = 0, words = 0, hits = 0;

	pthread_once(&thirds_once, thirds_build);
#ifdef ND_BYTES64
	if (nd_bytes64_available())
		return lorem_wide(s, len);
#endif
	while (i < len) {
		int k;

		if (s[i] == ' ') {
			i++;
			continue;
		}
		/* A plain word (most) is counted and passed over. */
		if (plain_word(s, i, len)) {
			words++;
			i = next_space(s, i + 1, len);
			continue;
		}
		k = word_kind(s, i, len, &i);
		if (k == WORD_LOREM_IPSUM)
			return true;
		words += k != WORD_NONE;
		hits += k == WORD_FILLER;
	}
	return filler_share(words, hits);
}
