#include "clean/lorem.h"

#include <pthread.h> /* pthread_once */
#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */
#include <string.h>  /* memcmp, strcmp */

/* The words by their first letter, each list sorted (strcmp order): a
 * word is compared with the few of its letter only, and held in place, so
 * a comparison reads it without a load first. */
static const char filler_a[][16] = {
	"accumsan", "accusam", "accusantium", "adipisci", "adipiscing",
	"aenean", "aliqua", "aliquam", "aliquet", "aliquid", "aliquip",
	"amet", "animi", "aperiam", "arcu", "assumenda", "atque", "auctor",
	"aut", "autem",
};
static const char filler_b[][16] = {
	"beatae", "bibendum", "blandit", "blanditiis",
};
static const char filler_c[][16] = {
	"commodi", "commodo", "condimentum", "congue", "consectetur",
	"consequat", "consequatur", "consequuntur", "convallis", "corporis",
	"corrupti", "cras", "cupidatat", "cupiditate", "curabitur", "cursus",
};
static const char filler_d[][16] = {
	"dapibus", "debitis", "delectus", "deleniti", "deserunt", "diam",
	"dictum", "dignissim", "dignissimos", "distinctio", "dolor", "dolore",
	"dolorem", "doloremque", "dolores", "doloribus", "dolorum", "donec",
	"ducimus", "duis",
};
static const char filler_e[][16] = {
	"ea", "eaque", "earum", "egestas", "eget", "eirmod", "eius",
	"eiusdem", "eiusmod", "elementum", "eligendi", "elit", "enim", "eos",
	"esse", "etiam", "euismod", "eum", "eveniet", "excepteur",
	"excepturi", "exercitation", "exercitationem", "expedita",
	"explicabo",
};
static const char filler_f[][16] = {
	"facere", "facilis", "facilisis", "faucibus", "fermentum", "feugiat",
	"fringilla", "fugiat", "fugit",
};
static const char filler_g[][16] = {
	"gravida", "gubergren",
};
static const char filler_h[][16] = {
	"harum",
};
static const char filler_i[][16] = {
	"iaculis", "illa", "illo", "illum", "impedit", "imperdiet",
	"incididunt", "incidunt", "interdum", "inventore", "invidunt", "ipsa",
	"ipsam", "ipsum", "irure", "ita", "itaque", "iure", "iusto",
};
static const char filler_l[][16] = {
	"labore", "laboriosam", "laborum", "lacinia", "lacus", "laoreet",
	"laudantium", "lectus", "ligula", "lobortis", "lorem", "luctus",
};
static const char filler_m[][16] = {
	"maecenas", "magnam", "maiores", "malesuada", "mattis", "mauris",
	"maxime", "metus", "minim", "minima", "molestiae", "molestias",
	"molestie", "mollit", "mollitia", "morbi",
};
static const char filler_n[][16] = {
	"nec", "necessitatibus", "nemo", "neque", "nesciunt", "nibh", "nihil",
	"nisi", "nisl", "nobis", "nonumy", "nostrud", "nostrum", "nullam",
	"numquam",
};
static const char filler_o[][16] = {
	"obcaecati", "occaecat", "odit", "officia", "officiis", "omnis",
	"oportet", "optio", "orci",
};
static const char filler_p[][16] = {
	"pariatur", "pellentesque", "perferendis", "perspiciatis",
	"phasellus", "placeat", "porro", "porttitor", "possimus", "posuere",
	"praesent", "praesentium", "pretium", "proident", "proin",
	"provident", "pulvinar", "purus",
};
static const char filler_q[][16] = {
	"quae", "quaerat", "quam", "quas", "quia", "quibusdam", "quidem",
	"quis", "quisquam", "quisque", "quod", "quoque", "quos",
};
static const char filler_r[][16] = {
	"ratione", "recusandae", "reiciendis", "repellat", "repellendus",
	"reprehenderit", "repudiandae", "rerum", "rhoncus", "risus", "rutrum",
};
static const char filler_s[][16] = {
	"sadipscing", "saepe", "sagittis", "sapien", "scelerisque", "sed",
	"semper", "sequi", "similique", "sint", "sodales", "sollicitudin",
	"soluta", "sunt", "suscipit", "suspendisse",
};
static const char filler_t[][16] = {
	"takimata", "tellus", "tempor", "tempora", "temporibus", "tenetur",
	"tincidunt", "tortor", "totam", "tristique", "turpis",
};
static const char filler_u[][16] = {
	"ullam", "ullamco", "ullamcorper", "ultrices", "ultricies", "ut",
};
static const char filler_v[][16] = {
	"varius", "vehicula", "vel", "velit", "venenatis", "veniam",
	"veritatis", "vestibulum", "vitae", "viverra", "voluptas",
	"voluptate", "voluptatem", "voluptates", "voluptatibus", "voluptatum",
	"vulputate",
};

typedef struct letter {
	const char (*w)[16];
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

/* For each first letter, the second letters of its words as bits: most
 * words of a text start with two letters no filler word starts with
 * ("th", "wh"). Built once, from filler, on first use. */
static uint32_t seconds[26];
static pthread_once_t seconds_once = PTHREAD_ONCE_INIT;

static void seconds_build(void)
{
	size_t a, i;

	for (a = 0; a < 26; a++) {
		for (i = 0; i < filler[a].n; i++)
			seconds[a] |= 1u << (filler[a].w[i][1] - 'a');
	}
}

/* Whether the lower-case word w (NUL-terminated) is one of filler's: the
 * words of its first letter in order, until one sorts after it. seconds
 * is built. */
static bool is_filler(const char *w)
{
	unsigned a = (unsigned char)w[0] - 'a';
	unsigned b = (unsigned char)w[1] - 'a';
	size_t i;

	if (a >= 26 || b >= 26 || !(seconds[a] >> b & 1u))
		return false;
	for (i = 0; i < filler[a].n; i++) {
		const char *f = filler[a].w[i];
		int d = (unsigned char)w[1] - (unsigned char)f[1];

		if (d == 0)
			d = strcmp(w + 1, f + 1);
		if (d == 0)
			return true;
		if (d < 0)
			return false;
	}
	return false;
}

bool nd_clean_is_lorem(const char *s, size_t len)
{
	size_t i = 0, words = 0, hits = 0;
	char w[24];

	pthread_once(&seconds_once, seconds_build);
	while (i < len) {
		size_t start, n;
		bool ascii = true, alpha = false;

		while (i < len && s[i] == ' ')
			i++;
		start = i;
		while (i < len && s[i] != ' ') {
			unsigned char c = (unsigned char)s[i];

			if (c >= 0x80)
				ascii = false;
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				alpha = true;
			i++;
		}
		if (i == start || (!alpha && ascii))
			continue;
		words++;
		if (!ascii)
			continue;
		/* The word without surrounding punctuation, lower-cased. */
		n = 0;
		for (; start < i; start++) {
			char c = s[start];

			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				if (n + 1 >= sizeof(w))
					break;
				w[n++] = (char)(c | 0x20);
			} else if (n > 0) {
				break;
			}
		}
		w[n] = '\0';
		if (n > 0 && is_filler(w))
			hits++;
		if (n == 5 && memcmp(w, "lorem", 5) == 0 && i + 6 <= len &&
		    memcmp(s + i, " ipsum", 6) == 0)
			return true;
	}
	return words >= 4 && hits >= 3 && hits * 10 >= words * 3;
}
