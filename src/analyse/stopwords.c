#include "analyse/stopwords.h"

#include <string.h> /* strcmp */

/* Function words and reporting fillers that carry no topic on their own. */
static const char *const english[] = {
	"a", "about", "above", "after", "again", "against", "all", "also",
	"am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
	"before", "being", "below", "between", "both", "but", "by", "can",
	"could", "did", "do", "does", "doing", "down", "during", "each",
	"even", "ever", "few", "for", "from", "further", "had", "has", "have",
	"having", "he", "her", "here", "hers", "herself", "him", "himself",
	"his", "how", "however", "i", "if", "in", "into", "is", "it", "it's",
	"its", "itself", "just", "may", "me", "might", "more", "most", "must",
	"my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
	"only", "or", "other", "our", "ours", "ourselves", "out", "over",
	"own", "same", "shall", "she", "should", "so", "some", "such", "than",
	"that", "the", "their", "theirs", "them", "themselves", "then",
	"there", "these", "they", "this", "those", "through", "to", "too",
	"under", "until", "up", "upon", "very", "was", "we", "were", "what",
	"when", "where", "whether", "which", "while", "who", "whom", "whose",
	"why", "will", "with", "within", "without", "would", "yet", "you",
	"your", "yours", "yourself", "yourselves", "'s", "s", "t", "don't",
	"didn't", "doesn't", "isn't", "wasn't", "won't", "can't", "i'm",
	"we're", "they're", "he's", "she's", "that's", "there's",
	"said", "says", "say", "told", "according", "mr", "mrs", "ms",
	NULL
};

const char *const *nd_stopwords(const char *language)
{
	if (language == NULL || strcmp(language, "english") == 0 ||
	    strcmp(language, "en") == 0)
		return english;
	return NULL;
}
