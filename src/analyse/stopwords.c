#include "analyse/stopwords.h"

#include <string.h> /* strcmp */

/* Function words and reporting fillers that carry no topic on their own,
 * in byte order, so that nd_is_english_stopword can search them. */
static const char *const english[] = {
	"'s", "a", "about", "above", "according", "after", "again", "against",
	"all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
	"because", "been", "before", "being", "below", "between", "both",
	"but", "by", "can", "can't", "could", "did", "didn't", "do", "does",
	"doesn't", "doing", "don't", "down", "during", "each", "even", "ever",
	"few", "for", "from", "further", "had", "has", "have", "having", "he",
	"he's", "her", "here", "hers", "herself", "him", "himself", "his",
	"how", "however", "i", "i'm", "if", "in", "into", "is", "isn't", "it",
	"it's", "its", "itself", "just", "may", "me", "might", "more", "most",
	"mr", "mrs", "ms", "must", "my", "myself", "no", "nor", "not", "now",
	"of", "off", "on", "once", "only", "or", "other", "our", "ours",
	"ourselves", "out", "over", "own", "s", "said", "same", "say", "says",
	"shall", "she", "she's", "should", "so", "some", "such", "t", "than",
	"that", "that's", "the", "their", "theirs", "them", "themselves",
	"then", "there", "there's", "these", "they", "they're", "this",
	"those", "through", "to", "told", "too", "under", "until", "up",
	"upon", "very", "was", "wasn't", "we", "we're", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "whose", "why",
	"will", "with", "within", "without", "won't", "would", "yet", "you",
	"your", "yours", "yourself", "yourselves",
	NULL
};

const char *const *nd_stopwords(const char *language)
{
	if (language == NULL || strcmp(language, "english") == 0 ||
	    strcmp(language, "en") == 0)
		return english;
	return NULL;
}

bool nd_is_english_stopword(const char *w)
{
	/* Less the NULL at the end. */
	size_t lo = 0, hi = sizeof(english) / sizeof(english[0]) - 1;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(english[mid], w);

		if (d == 0)
			return true;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}
