#include "clean/lorem.h"

#include <stddef.h> /* size_t */
#include <string.h> /* memcmp, strcmp */

/* Sorted (strcmp order) for bsearch. */
static const char *const filler[] = {
	"accumsan", "accusam", "accusantium", "adipisci", "adipiscing",
	"aenean", "aliqua", "aliquam", "aliquet", "aliquid", "aliquip",
	"amet", "animi", "aperiam", "arcu", "assumenda", "atque", "auctor",
	"aut", "autem", "beatae", "bibendum", "blandit", "blanditiis",
	"commodi", "commodo", "condimentum", "congue", "consectetur",
	"consequat", "consequatur", "consequuntur", "convallis", "corporis",
	"corrupti", "cras", "cupidatat", "cupiditate", "curabitur", "cursus",
	"dapibus", "debitis", "delectus", "deleniti", "deserunt", "diam",
	"dictum", "dignissim", "dignissimos", "distinctio", "dolor", "dolore",
	"dolorem", "doloremque", "dolores", "doloribus", "dolorum", "donec",
	"ducimus", "duis", "ea", "eaque", "earum", "egestas", "eget",
	"eirmod", "eius", "eiusdem", "eiusmod", "elementum", "eligendi",
	"elit", "enim", "eos", "esse", "etiam", "euismod", "eum", "eveniet",
	"excepteur", "excepturi", "exercitation", "exercitationem",
	"expedita", "explicabo", "facere", "facilis", "facilisis", "faucibus",
	"fermentum", "feugiat", "fringilla", "fugiat", "fugit", "gravida",
	"gubergren", "harum", "iaculis", "illa", "illo", "illum", "impedit",
	"imperdiet", "incididunt", "incidunt", "interdum", "inventore",
	"invidunt", "ipsa", "ipsam", "ipsum", "irure", "ita", "itaque",
	"iure", "iusto", "labore", "laboriosam", "laborum", "lacinia",
	"lacus", "laoreet", "laudantium", "lectus", "ligula", "lobortis",
	"lorem", "luctus", "maecenas", "magnam", "maiores", "malesuada",
	"mattis", "mauris", "maxime", "metus", "minim", "minima", "molestiae",
	"molestias", "molestie", "mollit", "mollitia", "morbi", "nec",
	"necessitatibus", "nemo", "neque", "nesciunt", "nibh", "nihil",
	"nisi", "nisl", "nobis", "nonumy", "nostrud", "nostrum", "nullam",
	"numquam", "obcaecati", "occaecat", "odit", "officia", "officiis",
	"omnis", "oportet", "optio", "orci", "pariatur", "pellentesque",
	"perferendis", "perspiciatis", "phasellus", "placeat", "porro",
	"porttitor", "possimus", "posuere", "praesent", "praesentium",
	"pretium", "proident", "proin", "provident", "pulvinar", "purus",
	"quae", "quaerat", "quam", "quas", "quia", "quibusdam", "quidem",
	"quis", "quisquam", "quisque", "quod", "quoque", "quos", "ratione",
	"recusandae", "reiciendis", "repellat", "repellendus",
	"reprehenderit", "repudiandae", "rerum", "rhoncus", "risus", "rutrum",
	"sadipscing", "saepe", "sagittis", "sapien", "scelerisque", "sed",
	"semper", "sequi", "similique", "sint", "sodales", "sollicitudin",
	"soluta", "sunt", "suscipit", "suspendisse", "takimata", "tellus",
	"tempor", "tempora", "temporibus", "tenetur", "tincidunt", "tortor",
	"totam", "tristique", "turpis", "ullam", "ullamco", "ullamcorper",
	"ultrices", "ultricies", "ut", "varius", "vehicula", "vel", "velit",
	"venenatis", "veniam", "veritatis", "vestibulum", "vitae",
	"viverra", "voluptas", "voluptate", "voluptatem", "voluptates",
	"voluptatibus", "voluptatum", "vulputate",
};

/* Binary search of w in filler; the first letters decide most steps
 * without a call to strcmp (every word of every line is looked up). */
static bool is_filler(const char *w)
{
	size_t lo = 0, hi = sizeof(filler) / sizeof(filler[0]);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = (unsigned char)w[0] - (unsigned char)filler[mid][0];

		if (d == 0)
			d = strcmp(w, filler[mid]);
		if (d == 0)
			return true;
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

bool nd_clean_is_lorem(const char *s, size_t len)
{
	size_t i = 0, words = 0, hits = 0;
	char w[24];

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
