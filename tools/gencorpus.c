/* gencorpus: writes a corpus of news articles with known copies, the
 * input of make eval-copies and make bench-dedup, or (--stream) a stream
 * of stories, the input of make bench-cluster.
 *
 *   gencorpus --articles N --seed S [--base DIR]... [--copies SHARE]
 *             [--rewrites SHARE] [--duplicates SHARE]
 *             [--stream SHARE [--life DAYS] [--family SHARE]
 *              [--family-share SHARE]] OUTDIR
 *
 * Writes OUTDIR/corpus.jsonl, one article a line ({"id", "title", "text",
 * "published"}; paragraphs of the text separated by "\n"), and
 * OUTDIR/gold.tsv, "ID<TAB>SOURCE_ID<TAB>KIND" for each derived article,
 * KIND one of near-copy, rewrite, duplicate, and in synthetic mode
 * OUTDIR/topics.tsv, "ID<TAB>TOPIC" for every article (a derived one has
 * its source's topic), the same-event groups that copy_jaccard
 * --clusters measures. Each article slot is derived
 * from an earlier article with the given shares (defaults 0.25 near-copies,
 * 0.10 rewrites, 0.03 exact duplicates), else it is a base article:
 *
 * - Synthetic (no --base): invented words (syllables) drawn with Zipf
 *   frequencies, in topic groups of about 15 articles that share topic
 *   words, names, numbers, two quotes and sometimes a background
 *   paragraph, as same-event coverage does; they are not copies.
 * - --stream SHARE (synthetic only): news as a stream of stories, the
 *   input of make bench-cluster. SHARE of the originals start a topic;
 *   the others join one born less than --life DAYS ago (default 3),
 *   chosen by its popularity (u^3, so most topics get an article or two
 *   and a few get hundreds) times exp(-2 age / life). --family SHARE
 *   (default 0) of the new topics are sub-events of a live topic and
 *   take --family-share (default 0.5) of their words, names and numbers
 *   from it, a harder split ("the trial" and "a minister on the trial").
 *   Lines are written in publication order: a derived article is dated no
 *   earlier than the original before it and held back until its date
 *   comes (an undated one is written where it arrives); gold.tsv lines
 *   come with their articles. The stream stops at N lines: the copies
 *   still held back then are left out, so a short stream (10k articles
 *   span about 2.5 days) has fewer derived articles than the shares say
 *   (30% rather than 38% at 10k).
 * - --base DIR (repeatable): every *.txt file under DIR, in byte order of
 *   paths, as the base articles, with the id of the path as given, less
 *   leading "./" and "../" and the ".txt" (so files of one folder share an
 *   id prefix, their "cluster"). The run ends when the base files run
 *   out, or at N articles when --articles is given. Derived articles get
 *   ids d0000001...
 *
 * A near-copy (syndication) gets a new headline, one paragraph dropped or
 * two swapped (sometimes both), about 3% of its words substituted,
 * deleted or inserted, one to three boilerplate lines, and now and then
 * its tail cut; some copy an earlier copy (chains). A rewrite (spinner)
 * swaps about 30% of its content words, reorders sentences within
 * paragraphs and drops clauses: not a copy. A duplicate is the same
 * title and text. Derived articles are published 1 to 48 hours after
 * their source, some at the same time, some undated.
 *
 * The output depends only on the arguments and the base files: the same
 * seed gives the same bytes. Exit status 0, or 2 on a usage or I/O
 * error. */
#include <dirent.h>   /* opendir, readdir */
#include <errno.h>    /* errno */
#include <math.h>     /* pow, exp */
#include <stdbool.h>  /* bool */
#include <stdint.h>   /* uint64_t */
#include <stdio.h>    /* FILE, fopen, fprintf */
#include <stdlib.h>   /* strtoul, strtod, qsort */
#include <string.h>   /* memcpy, strcmp, strlen */
#include <sys/stat.h> /* mkdir, stat */
#include <time.h>     /* gmtime_r, strftime */

#include "core/alloc.h"
#include "core/buf.h"
#include "core/bytes8.h"
#include "core/date.h"
#include "core/hash.h"
#include "newsdigest.h"

/* Invented words, and the slots of the table that draws them by Zipf. */
#define VOCAB_WORDS 50000u /* fits the uint16_t of the Zipf table */
#define ZIPF_SLOTS (1u << 18) /* small enough to stay in cache */
/* Function words take the top ranks, so invented words start lower. */
#define ZIPF_SHIFT 10.0
/* Words taken from the base files for substitutions, at most. */
#define POOL_WORDS 2000000u
/* Earlier originals, and copies, that a derived article may come from. */
#define WINDOW 4096u
#define COPY_WINDOW 1024u
#define RECENT 256u
/* Caps on one article, one base file and the paragraphs of one text. */
#define TEXT_MAX (8u << 20)
/* Corpus lines gathered before they are written. */
#define LINES_FLUSH (1u << 20)
#define FILE_MAX (4u << 20)
#define PARAS_MAX 512u
#define ID_MAX 256u
/* Share of the lowercase content words of 4 letters or more that a
 * rewrite swaps. */
#define SPIN_SHARE 0.45
/* Synthetic articles per topic, on average; the words, names and numbers
 * that a topic's articles share. */
#define TOPIC_ARTICLES 15u
#define TOPIC_WORDS 60u
#define TOPIC_NAMES 8u
#define TOPIC_NUMBERS 4u
/* Stream mode: no topic. */
#define NO_TOPIC UINT32_MAX
/* 2026-01-01T00:00:00Z, where the synthetic clock starts. */
#define EPOCH_2026 1767225600LL

typedef struct rng {
	uint64_t s;
} rng;

/* Words to draw from: invented (with a Zipf table) or from base files. */
typedef struct lexicon {
	nd_buf pool;   /* the words, NUL-separated */
	uint32_t *off; /* start of each word in pool */
	uint8_t *len;  /* length of each word, at most 255 */
	size_t n, cap;
	uint16_t *zipf; /* ZIPF_SLOTS word numbers, or NULL: uniform */
} lexicon;

typedef struct article {
	char id[ID_MAX];
	long long when; /* seconds since 1970; -1 when undated */
	long long at;   /* stream mode: when it is written, its date or,
			   undated, when it came */
	uint32_t topic;
	nd_buf title, text; /* text: paragraphs split by '\n', words by ' ' */
} article;

/* A stretch of a text. */
typedef struct span {
	const char *p;
	size_t n;
} span;

typedef struct opts {
	unsigned long articles; /* 0: until the base files run out */
	uint64_t seed;
	double copies, rewrites, dups;
	double stream_new;    /* --stream: share of originals starting a
				 topic, 0: topics drawn uniformly */
	double stream_life;   /* --life, in days */
	double family;        /* --family: new topics that are sub-events */
	double family_share;  /* --family-share: what a sub-event inherits */
	char **base; /* the --base folders, pointers into argv */
	size_t n_base;
	const char *outdir;
} opts;

/* Stream mode: a topic as it started. */
typedef struct topic_info {
	long long born;  /* the clock at its first article */
	double pop;      /* popularity, (0, 1] */
	uint32_t parent; /* the topic it is a sub-event of, or NO_TOPIC */
} topic_info;

/* Stream mode: a formatted article whose date has not come yet. */
typedef struct pending {
	long long when;
	uint64_t seq;    /* ties keep the order of generation */
	char *lines;     /* its corpus, topics.tsv and gold.tsv lines (the
			    last empty for an original) */
	size_t corpus_len, topics_end, len;
} pending;

typedef struct paths {
	char **v;
	size_t n, cap;
} paths;

typedef struct gen {
	const opts *o;
	rng r;
	lexicon lex, func; /* words to draw, and FUNCTION_WORDS */
	article orig[WINDOW], copy[COPY_WINDOW], cur;
	size_t n_orig, n_copy;   /* ever stored in each ring */
	unsigned long n_derived; /* for ids */
	long long clock;
	uint32_t topics;
	uint32_t words_of; /* the topic of topic_word, UINT32_MAX: none */
	uint32_t topic_word[TOPIC_WORDS + TOPIC_NAMES + TOPIC_NUMBERS];
	topic_info *started;      /* stream mode: every topic so far */
	size_t n_started, cap_started;
	size_t live_lo;           /* first topic born within the life */
	pending *held;            /* stream mode: a min-heap by date */
	size_t n_held, cap_held;
	uint64_t n_seq;
	nd_buf gold_line;         /* stream mode: g->cur's gold line */
	unsigned long n_written;  /* corpus lines */
	paths files;
	size_t next_file;
	nd_buf line, scratch;
	FILE *corpus, *gold, *groups; /* groups: topics.tsv, synthetic */
} gen;

static const char *const FUNCTION_WORDS[] = {
	"the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on",
	"with", "as", "by", "at", "from", "it", "he", "she", "they", "said",
	"has", "have", "had", "be", "were", "will", "would", "which", "who",
	"this", "an", "its", "their", "not", "but", "after", "over", "more",
	"than", "also", "into", "about", "been", "two", "three", "new", "last"
};
#define N_FUNCTION (sizeof(FUNCTION_WORDS) / sizeof(FUNCTION_WORDS[0]))

static const char *const OUTLET_KINDS[] = {
	"Times", "Post", "Herald", "Daily", "Tribune", "Gazette", "Courier",
	"News", "Chronicle", "Observer", "Journal", "Star"
};
static const char *const NETWORKS[] = {
	"Twitter", "Facebook", "Instagram", "Telegram", "Bluesky", "LinkedIn"
};

/* Boilerplate lines; %O is an outlet, %N a network, %W a few words, %P
 * a person. */
static const char *const BOILERPLATE[] = {
	"Read more: %W",
	"Follow us on %N for the latest news.",
	"This article first appeared on %O and is republished with permission.",
	"Copyright 2026 %O. All rights reserved.",
	"Sign up for the %O newsletter to get stories like this every morning.",
	"Reporting by %P; editing by %P.",
	"%O staff contributed to this report.",
	"Related: %W",
	"Share this article on %N.",
	"Want more stories like this? Follow %O on %N.",
	"Advertisement",
	"(c) %O 2026"
};
#define N_BOILERPLATE (sizeof(BOILERPLATE) / sizeof(BOILERPLATE[0]))

/* ---- random numbers ---- */

static uint64_t rng_next(rng *r)
{
	r->s += 0x9e3779b97f4a7c15ULL;
	return nd_mix64(r->s);
}

/* A number in [0, n), n > 0. */
static uint32_t rng_below(rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

static double rng_unit(rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1p-53;
}

static bool rng_chance(rng *r, double p)
{
	return rng_unit(r) < p;
}

/* ---- words ---- */

static int lexicon_add(lexicon *lx, const char *w, size_t n)
{
	int rc;

	if (lx->n == lx->cap) {
		size_t cap = lx->cap;

		if (nd_array_reserve((void **)&lx->off, &lx->cap, lx->n + 1,
				     sizeof(*lx->off)) < 0 ||
		    nd_array_reserve((void **)&lx->len, &cap, lx->n + 1,
				     sizeof(*lx->len)) < 0)
			return ND_ENOMEM;
	}
	if (n > 255)
		return 0;
	lx->off[lx->n] = (uint32_t)lx->pool.len;
	lx->len[lx->n] = (uint8_t)n;
	rc = nd_buf_put(&lx->pool, w, n);
	if (rc == 0)
		rc = nd_buf_putc(&lx->pool, '\0');
	if (rc == 0)
		lx->n++;
	return rc;
}

static void lexicon_dispose(lexicon *lx)
{
	nd_buf_dispose(&lx->pool);
	nd_free(lx->off);
	nd_free(lx->len);
	nd_free(lx->zipf);
	memset(lx, 0, sizeof(*lx));
}

/* An invented word of syl syllables into w (room for 16 bytes). */
static size_t invent_word(rng *r, char *w, unsigned syl)
{
	static const char cons[] = "bcdfghjklmnprstvwz";
	static const char vow[] = "aeiou";
	static const char ends[] = "nsrtl";
	size_t n = 0;
	unsigned i;

	for (i = 0; i < syl; i++) {
		w[n++] = cons[rng_below(r, sizeof(cons) - 1)];
		w[n++] = vow[rng_below(r, sizeof(vow) - 1)];
	}
	if (rng_chance(r, 0.4))
		w[n++] = ends[rng_below(r, sizeof(ends) - 1)];
	return n;
}

/* VOCAB_WORDS invented words, the frequent ones short, and the table
 * that draws word k with weight 1 / (k + ZIPF_SHIFT)^1.05. */
static int lexicon_invent(lexicon *lx, rng *r)
{
	double total = 0, cum = 0;
	uint32_t k, slot = 0;
	char w[16];

	for (k = 0; k < VOCAB_WORDS; k++) {
		unsigned syl = k < 200 ? 1 + rng_below(r, 2) :
			       k < 5000 ? 2 + rng_below(r, 2) :
			       2 + rng_below(r, 3);

		if (lexicon_add(lx, w, invent_word(r, w, syl)) < 0)
			return ND_ENOMEM;
	}
	lx->zipf = nd_malloc(ZIPF_SLOTS * sizeof(*lx->zipf));
	if (lx->zipf == NULL)
		return ND_ENOMEM;
	for (k = 0; k < VOCAB_WORDS; k++)
		total += 1.0 / pow(k + ZIPF_SHIFT, 1.05);
	for (k = 0; k < VOCAB_WORDS; k++) {
		cum += 1.0 / pow(k + ZIPF_SHIFT, 1.05);
		while (slot < ZIPF_SLOTS &&
		       (slot + 0.5) / ZIPF_SLOTS * total <= cum)
			lx->zipf[slot++] = (uint16_t)k;
	}
	while (slot < ZIPF_SLOTS)
		lx->zipf[slot++] = VOCAB_WORDS - 1;
	return 0;
}

static span lexicon_word(const lexicon *lx, uint32_t k)
{
	span s = { lx->pool.ptr + lx->off[k], lx->len[k] };

	return s;
}

/* A word drawn by frequency. */
static span lexicon_pick(const lexicon *lx, rng *r)
{
	uint32_t k = lx->zipf ? lx->zipf[rng_next(r) & (ZIPF_SLOTS - 1)] :
				rng_below(r, (uint32_t)lx->n);

	return lexicon_word(lx, k);
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Adds the lowercase letter-only words of text (2 letters or more) to the
 * pool, so that base-mode substitutions draw real words with their real
 * frequencies. */
static int lexicon_take(lexicon *lx, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && lx->n < POOL_WORDS) {
		size_t j = i;

		while (j < n && is_lower(p[j]))
			j++;
		if (j - i >= 2 && (j == n || p[j] == ' ' || p[j] == '\n') &&
		    (i == 0 || p[i - 1] == ' ' || p[i - 1] == '\n') &&
		    lexicon_add(lx, p + i, j - i) < 0)
			return ND_ENOMEM;
		while (j < n && p[j] != ' ' && p[j] != '\n')
			j++;
		i = j + 1;
	}
	return 0;
}

/* ---- text pieces ---- */

/* Splits t at sep into at most max spans; returns how many. */
static size_t split(span *out, size_t max, const char *p, size_t n, char sep)
{
	size_t k = 0, start = 0, i;

	for (i = 0; i <= n && k < max; i++) {
		if (i == n || p[i] == sep) {
			if (i > start)
				out[k++] = (span){ p + start, i - start };
			start = i + 1;
		}
	}
	return k;
}

/* Whether the word w ends a sentence before the word next. */
static bool ends_sentence(span w, span next)
{
	size_t n = w.n;

	while (n > 0 && (w.p[n - 1] == '"' || w.p[n - 1] == '\''))
		n--;
	if (n < 2 || (w.p[n - 1] != '.' && w.p[n - 1] != '?' &&
		      w.p[n - 1] != '!'))
		return false;
	/* "U.S." and "S.D." are not ends. */
	if (n >= 3 && w.p[n - 3] == '.')
		return false;
	return next.n > 0 && (is_upper(next.p[0]) || next.p[0] == '"' ||
			      next.p[0] == '`');
}

/* Splits a paragraph into sentences; returns how many (at most max). */
static size_t split_sentences(span *out, size_t max, span para)
{
	size_t k = 0, start = 0, i = 0;

	while (i < para.n && k < max) {
		size_t j = i, e;

		while (j < para.n && para.p[j] != ' ')
			j++;
		e = j + 1;
		while (e < para.n && para.p[e] != ' ')
			e++;
		if (j >= para.n || k + 1 == max ||
		    ends_sentence((span){ para.p + i, j - i },
				  (span){ para.p + j + 1, e - j - 1 })) {
			size_t end = j < para.n && k + 1 < max ? j : para.n;

			out[k++] = (span){ para.p + start, end - start };
			start = end + 1;
		}
		i = j + 1;
	}
	return k;
}

static int put_span(nd_buf *b, span s)
{
	/* A word mostly fits the room the buffer has: no call, no check of
	 * the cap beyond this one (words are most of the run time). */
	if (s.n < b->cap - b->len && b->len + s.n <= b->max && b->ptr) {
		memcpy(b->ptr + b->len, s.p, s.n);
		b->len += s.n;
		b->ptr[b->len] = '\0';
		return 0;
	}
	return nd_buf_put(b, s.p, s.n);
}

static int put_char(nd_buf *b, char c)
{
	return put_span(b, (span){ &c, 1 });
}

/* Puts word w in place of model: capitalised when model is, followed by
 * model's trailing punctuation. */
static int put_like(nd_buf *b, span w, span model)
{
	size_t tail = model.n;
	int rc;

	while (tail > 0 && strchr(".,;:?!\"')", model.p[tail - 1]))
		tail--;
	if (w.n == 0)
		return 0;
	if (model.n > 0 && is_upper(model.p[0]) && is_lower(w.p[0])) {
		rc = put_char(b, (char)(w.p[0] - 'a' + 'A'));
		if (rc == 0)
			rc = nd_buf_put(b, w.p + 1, w.n - 1);
	} else {
		rc = put_span(b, w);
	}
	if (rc == 0)
		rc = nd_buf_put(b, model.p + tail, model.n - tail);
	return rc;
}

/* A space before the next word unless at the start of a paragraph. */
static int put_sep(nd_buf *b)
{
	if (b->len == 0 || b->ptr[b->len - 1] == '\n')
		return 0;
	return put_char(b, ' ');
}

static int put_capitalised(nd_buf *b, span w)
{
	int rc = nd_buf_put(b, w.p, w.n);

	if (rc == 0 && is_lower(b->ptr[b->len - w.n]))
		b->ptr[b->len - w.n] += 'A' - 'a';
	return rc;
}

/* An outlet's name: an invented word and a masthead kind. */
static int put_outlet(gen *g, nd_buf *b)
{
	char w[16];
	span s = { w, invent_word(&g->r, w, 2 + rng_below(&g->r, 2)) };
	int rc = put_capitalised(b, s);

	if (rc == 0)
		rc = nd_buf_printf(b, " %s", OUTLET_KINDS[rng_below(
			&g->r, sizeof(OUTLET_KINDS) / sizeof(*OUTLET_KINDS))]);
	return rc;
}

static int put_person(gen *g, nd_buf *b)
{
	char w[16];
	int rc = 0, i;

	for (i = 0; i < 2 && rc == 0; i++) {
		span s = { w, invent_word(&g->r, w, 2 + rng_below(&g->r, 2)) };

		if (i > 0)
			rc = put_char(b, ' ');
		if (rc == 0)
			rc = put_capitalised(b, s);
	}
	return rc;
}

/* A boilerplate line, ending the paragraph. */
static int put_boilerplate(gen *g, nd_buf *b)
{
	const char *t = BOILERPLATE[rng_below(&g->r, N_BOILERPLATE)];
	int rc = 0, i;

	for (; *t != '\0' && rc == 0; t++) {
		if (t[0] != '%') {
			rc = put_char(b, *t);
			continue;
		}
		t++;
		if (*t == 'O')
			rc = put_outlet(g, b);
		else if (*t == 'P')
			rc = put_person(g, b);
		else if (*t == 'N')
			rc = nd_buf_puts(b, NETWORKS[rng_below(&g->r,
				sizeof(NETWORKS) / sizeof(*NETWORKS))]);
		for (i = 0; *t == 'W' && i < 6 && rc == 0; i++) {
			span w = lexicon_pick(&g->lex, &g->r);

			if (i > 0)
				rc = put_char(b, ' ');
			if (rc == 0)
				rc = i == 0 ? put_capitalised(b, w) :
					      put_span(b, w);
		}
	}
	return rc ? rc : put_char(b, '\n');
}

/* Drops the '\n' that ends the last paragraph. */
static void trim_newline(nd_buf *b)
{
	while (b->len > 0 && b->ptr[b->len - 1] == '\n')
		b->ptr[--b->len] = '\0';
}

/* ---- synthetic articles ---- */

/* The topic whose slot j topic t prints: a sub-event inherits some
 * slots from its parent (who may inherit them in turn). */
static uint32_t topic_owner(const gen *g, uint32_t t, uint32_t j)
{
	while (t < g->n_started && g->started[t].parent != NO_TOPIC) {
		uint64_t h = nd_mix64(g->o->seed ^ ((uint64_t)t << 20 ^ j) *
				      0xc2b2ae3d27d4eb4fULL);

		if ((double)(h >> 11) * 0x1p-53 >= g->o->family_share)
			break;
		t = g->started[t].parent;
	}
	return t;
}

/* Word j of topic t's own words: the same in every article of t. */
static uint32_t topic_pick(const gen *g, uint32_t t, uint32_t j)
{
	uint64_t h;

	t = topic_owner(g, t, j);
	h = nd_mix64(g->o->seed ^ ((uint64_t)t << 20 ^ j) *
		     0x9e3779b97f4a7c15ULL);

	return 2000 + (uint32_t)(h % (VOCAB_WORDS - 2000));
}

/* Caches topic t's own words, names and numbers. */
static void topic_words(gen *g, uint32_t t)
{
	uint32_t j;

	for (j = 0; j < TOPIC_WORDS; j++)
		g->topic_word[j] = topic_pick(g, t, j);
	for (j = 0; j < TOPIC_NAMES; j++)
		g->topic_word[TOPIC_WORDS + j] = topic_pick(g, t, 100 + j);
	for (j = 0; j < TOPIC_NUMBERS; j++)
		g->topic_word[TOPIC_WORDS + TOPIC_NAMES + j] =
			topic_pick(g, t, 200 + j);
	g->words_of = t;
}

/* One word of a sentence on topic t, drawn with r. */
static int put_topic_word(gen *g, rng *r, nd_buf *b, uint32_t t)
{
	/* One draw per word, the most of the run time: its top 24 bits
	 * choose the kind of word, its low 32 bits the word. */
	uint64_t x = rng_next(r);
	uint32_t kind = (uint32_t)(x >> 40), low = (uint32_t)x, k;

	if (g->words_of != t)
		topic_words(g, t);
	if (kind < (uint32_t)(0.40 * (1 << 24))) {
		k = (uint32_t)(((uint64_t)low * N_FUNCTION) >> 32);
		return put_span(b, lexicon_word(&g->func, k));
	}
	if (kind < (uint32_t)(0.52 * (1 << 24))) {
		k = g->topic_word[low % TOPIC_WORDS];
		return put_span(b, lexicon_word(&g->lex, k));
	}
	if (kind < (uint32_t)(0.57 * (1 << 24))) {
		k = g->topic_word[TOPIC_WORDS + low % TOPIC_NAMES];
		return put_capitalised(b, lexicon_word(&g->lex, k));
	}
	if (kind < (uint32_t)(0.59 * (1 << 24))) {
		k = g->topic_word[TOPIC_WORDS + TOPIC_NAMES +
				  low % TOPIC_NUMBERS];
		return nd_buf_printf(b, "%u", 2 + k % 9000);
	}
	return put_span(b, lexicon_word(&g->lex,
					g->lex.zipf[low & (ZIPF_SLOTS - 1)]));
}

/* A sentence of 12 to 26 words on topic t, without its full stop (and
 * without a space before it);
 * returns the word count or a negative code. */
static int put_clause_run(gen *g, rng *r, nd_buf *b, uint32_t t)
{
	int n = 12 + (int)rng_below(r, 15), i, rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		size_t at;

		rc = i > 0 ? put_char(b, ' ') : 0;
		at = b->len;
		if (rc == 0)
			rc = put_topic_word(g, r, b, t);
		if (rc == 0 && i == 0 && is_lower(b->ptr[at]))
			b->ptr[at] += 'A' - 'a';
		if (rc == 0 && i + 1 < n && i > 2 && rng_chance(r, 0.07))
			rc = put_char(b, ',');
	}
	return rc < 0 ? rc : n;
}

static int put_sentence(gen *g, rng *r, nd_buf *b, uint32_t t)
{
	int n = put_clause_run(g, r, b, t);
	int rc = n < 0 ? n : put_char(b, '.');

	return rc < 0 ? rc : n;
}

/* The generator that writes topic t's shared piece k (a quote, the
 * background paragraph): every article of t that prints it has the same
 * words. */
static rng topic_rng(const gen *g, uint32_t t, uint32_t k)
{
	rng r = { nd_mix64(g->o->seed * 31 + t) ^ nd_mix64(k + 1) };

	return r;
}

/* Quote k of topic t, "...," said Name. */
static int put_quote(gen *g, nd_buf *b, uint32_t t, uint32_t k)
{
	rng r = topic_rng(g, t, k);
	int rc = put_sep(b);

	if (rc == 0)
		rc = put_char(b, '"');
	if (rc == 0)
		rc = put_clause_run(g, &r, b, t);
	if (rc >= 0)
		rc = nd_buf_puts(b, ",\" said ");
	if (rc == 0)
		rc = put_capitalised(b, lexicon_word(&g->lex,
			topic_pick(g, t, 100 + rng_below(&r, 8))));
	return rc ? rc : put_char(b, '.');
}

/* A paragraph of 1 to 4 sentences drawn with r; returns the word count or
 * a negative code. */
static int put_paragraph(gen *g, rng *r, nd_buf *b, uint32_t t)
{
	int n = 1 + (int)rng_below(r, 4), words = 0, i;

	for (i = 0; i < n; i++) {
		int w = put_sep(b);

		if (w == 0)
			w = put_sentence(g, r, b, t);
		if (w < 0)
			return w;
		words += w;
	}
	return words;
}

/* A headline of 6 to 10 words on topic t. */
static int put_topic_title(gen *g, nd_buf *b, uint32_t t)
{
	int n = 6 + (int)rng_below(&g->r, 5), i, rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		uint32_t k = rng_below(&g->r, 60);
		span w = rng_chance(&g->r, 0.5) ?
			lexicon_word(&g->lex, topic_pick(g, t, k)) :
			lexicon_word(&g->func, k % N_FUNCTION);

		rc = i > 0 ? put_char(b, ' ') : 0;
		if (rc == 0)
			rc = i == 0 ? put_capitalised(b, w) : put_span(b, w);
	}
	return rc;
}

/* Stream mode: a live topic (born within the life) drawn by popularity
 * times a decay with age, so stories are bursts of coverage that end;
 * NO_TOPIC when none is live or a few draws take none. */
static uint32_t pick_live(gen *g)
{
	double life = g->o->stream_life * 86400;
	size_t n = g->n_started;
	int tries;

	while (g->live_lo < n && g->clock - g->started[g->live_lo].born > life)
		g->live_lo++;
	for (tries = 0; tries < 256 && g->live_lo < n; tries++) {
		uint32_t t = (uint32_t)g->live_lo +
			     rng_below(&g->r, (uint32_t)(n - g->live_lo));
		double age = (double)(g->clock - g->started[t].born) / life;

		if (rng_unit(&g->r) < g->started[t].pop * exp(-2 * age))
			return t;
	}
	return NO_TOPIC;
}

/* Stream mode: *t gets a topic that starts now, with a heavy-tailed
 * popularity (u^3); a share of them are sub-events of a live topic. */
static int start_topic(uint32_t *t, gen *g)
{
	topic_info ti = { g->clock, 0, NO_TOPIC };
	double u = rng_unit(&g->r);

	ti.pop = 0.02 + 0.98 * u * u * u;
	if (g->o->family > 0 && rng_chance(&g->r, g->o->family))
		ti.parent = pick_live(g);
	if (g->n_started >= NO_TOPIC ||
	    ND_ARRAY_PUSH(g->started, g->n_started, g->cap_started, ti))
		return ND_ENOMEM;
	*t = (uint32_t)(g->n_started - 1);
	return 0;
}

/* Stream mode: *t gets a new topic (share stream_new) or a live one. */
static int pick_topic(uint32_t *t, gen *g)
{
	if (g->n_started > 0 && !rng_chance(&g->r, g->o->stream_new)) {
		*t = pick_live(g);
		if (*t != NO_TOPIC)
			return 0;
	}
	return start_topic(t, g);
}

/* An invented article of 300 to 900 words in 5 to 20 paragraphs on a
 * random topic (in stream mode, a new or live one), with two of the
 * topic's quotes and sometimes its background paragraph. */
static int make_synthetic(gen *g, article *a)
{
	uint32_t t = 0;
	int target, words = 0, paras = 0;
	uint32_t q1, q2;
	bool background;
	int rc = g->o->stream_new > 0 ? pick_topic(&t, g) : 0;

	if (rc < 0)
		return rc;
	if (g->o->stream_new <= 0)
		t = rng_below(&g->r, g->topics);
	target = 300 + (int)rng_below(&g->r, 601);
	q1 = rng_below(&g->r, 5);
	q2 = rng_below(&g->r, 4);
	background = rng_chance(&g->r, 0.3);
	q2 += q2 >= q1;
	a->topic = t;
	nd_buf_clear(&a->text);
	nd_buf_clear(&a->title);
	while (rc >= 0 && paras < 20 && (paras < 5 || words < target)) {
		rc = put_paragraph(g, &g->r, &a->text, t);
		words += rc;
		if (rc >= 0 && ((uint32_t)paras == q1 || (uint32_t)paras == q2))
			rc = put_quote(g, &a->text, t, (q1 + q2 + paras) % 4);
		if (rc >= 0)
			rc = put_char(&a->text, '\n');
		paras++;
	}
	if (rc >= 0 && background) {
		rng r = topic_rng(g, t, 99);

		rc = put_paragraph(g, &r, &a->text, t);
		if (rc >= 0)
			rc = put_paragraph(g, &r, &a->text, t);
	}
	trim_newline(&a->text);
	if (rc >= 0)
		rc = put_topic_title(g, &a->title, t);
	return rc < 0 ? rc : 0;
}

/* ---- derived articles ---- */

/* The letters of w without surrounding punctuation. */
static span bare_word(span w)
{
	while (w.n > 0 && !is_lower(w.p[0]) && !is_upper(w.p[0]) &&
	       !(w.p[0] >= '0' && w.p[0] <= '9')) {
		w.p++;
		w.n--;
	}
	while (w.n > 0 && strchr(".,;:?!\"')`", w.p[w.n - 1]))
		w.n--;
	return w;
}

/* A new headline: 6 to 10 words of the source's text, in their order. */
static int put_new_title(gen *g, nd_buf *b, const article *src)
{
	size_t len = src->text.len, at = 0;
	int n = 6 + (int)rng_below(&g->r, 5), i, rc = 0;
	const char *p = src->text.ptr;

	for (i = 0; i < n && rc == 0 && len > 0; i++) {
		size_t e;
		span w;

		at += 1 + rng_below(&g->r, (uint32_t)(len / (n + 1)) + 1);
		while (at < len && p[at] != ' ' && p[at] != '\n')
			at++;
		if (at >= len)
			break;
		e = ++at;
		while (e < len && p[e] != ' ' && p[e] != '\n')
			e++;
		w = bare_word((span){ p + at, e - at });
		if (w.n == 0)
			continue;
		if (b->len == 0) {
			rc = put_capitalised(b, w);
			continue;
		}
		rc = put_char(b, ' ');
		if (rc == 0)
			rc = put_span(b, w);
	}
	if (rc == 0 && b->len == 0)
		rc = nd_buf_puts(b, "Update");
	return rc;
}

/* The paragraph's words with about rate of them substituted, deleted or
 * followed by an inserted word, spread at random. */
static int put_perturbed(gen *g, nd_buf *b, span para, double rate)
{
	span w;
	size_t i = 0;
	int rc = 0;

	while (i < para.n && rc == 0) {
		size_t j = i;
		double u = rng_unit(&g->r);

		while (j < para.n && para.p[j] != ' ')
			j++;
		w = (span){ para.p + i, j - i };
		i = j + 1;
		if (u < rate * 0.2)
			continue; /* deleted */
		rc = put_sep(b);
		if (rc == 0 && u < rate * 0.7)
			rc = put_like(b, lexicon_pick(&g->lex, &g->r), w);
		else if (rc == 0)
			rc = put_span(b, w);
		if (rc == 0 && u >= rate * 0.7 && u < rate) {
			rc = put_char(b, ' ');
			if (rc == 0)
				rc = put_span(b, lexicon_pick(&g->lex, &g->r));
		}
	}
	return rc ? rc : put_char(b, '\n');
}

/* Where in order a paragraph that is no more than a quarter of the text
 * may be dropped (not the first); 0 when a few tries find none. */
static size_t droppable(gen *g, const span *para, const size_t *order,
			size_t n)
{
	size_t total = 0, k, tries;

	for (k = 0; k < n; k++)
		total += para[k].n;
	for (tries = 0; tries < 8; tries++) {
		k = 1 + rng_below(&g->r, (uint32_t)n - 1);
		if (para[order[k]].n <= total / 4)
			return k;
	}
	return 0;
}

/* A syndicated copy of src: new headline, a paragraph dropped or two
 * swapped or both, ~3% of words changed, boilerplate around, sometimes
 * the tail cut. */
static int make_near_copy(gen *g, article *dst, const article *src)
{
	static span para[PARAS_MAX];
	static size_t order[PARAS_MAX];
	size_t n = split(para, PARAS_MAX, src->text.ptr, src->text.len, '\n');
	double u = rng_unit(&g->r);
	unsigned lines = 1 + rng_below(&g->r, 3), top = 0, i;
	size_t m = n, k;
	int rc = 0;

	for (k = 0; k < n; k++)
		order[k] = k;
	if (n >= 2 && u >= 0.45) {
		k = rng_below(&g->r, (uint32_t)n - 1);
		order[k] = k + 1;
		order[k + 1] = k;
	}
	if (n >= 4 && u < 0.6 && (k = droppable(g, para, order, n)) > 0) {
		memmove(order + k, order + k + 1, (n - k - 1) * sizeof(*order));
		m--;
	}
	/* Some outlets cut the tail of a long story. */
	if (m >= 8 && rng_chance(&g->r, 0.05))
		m -= m / 8;
	for (i = 0; i < lines; i++)
		top += rng_chance(&g->r, 0.3);
	nd_buf_clear(&dst->text);
	nd_buf_clear(&dst->title);
	for (i = 0; i < top && rc == 0; i++)
		rc = put_boilerplate(g, &dst->text);
	for (k = 0; k < m && rc == 0; k++)
		rc = put_perturbed(g, &dst->text, para[order[k]], 0.03);
	for (i = top; i < lines && rc == 0; i++)
		rc = put_boilerplate(g, &dst->text);
	trim_newline(&dst->text);
	dst->topic = src->topic;
	return rc ? rc : put_new_title(g, &dst->title, src);
}

static bool is_function_word(const gen *g, span w)
{
	uint32_t i;

	for (i = 0; i < N_FUNCTION; i++) {
		span f = lexicon_word(&g->func, i);

		if (f.n == w.n && memcmp(f.p, w.p, w.n) == 0)
			return true;
	}
	return false;
}

/* A sentence spun: about 30% of its content words swapped for others
 * and, three times in ten, the clause between its first two commas
 * dropped. A spinner keeps names, numbers and short words, about a third
 * of the content words of news (DUC), so SPIN_SHARE of the rest go. */
static int put_spun(gen *g, nd_buf *b, span s)
{
	static span w[512];
	size_t n = split(w, 512, s.p, s.n, ' '), i, from = n, to = n;
	int rc = 0;

	for (i = 0; i + 1 < n && from == n; i++)
		if (w[i].p[w[i].n - 1] == ',')
			from = i + 1;
	for (i = from; i + 1 < n && to == n; i++)
		if (w[i].p[w[i].n - 1] == ',')
			to = i;
	if (to == n || !rng_chance(&g->r, 0.3))
		from = to = n;
	for (i = 0; i < n && rc == 0; i++) {
		span bare = bare_word(w[i]);

		if (i >= from && i <= to)
			continue;
		rc = put_sep(b);
		if (rc == 0 && bare.n >= 4 && is_lower(bare.p[0]) &&
		    !is_function_word(g, bare) &&
		    rng_chance(&g->r, SPIN_SHARE))
			rc = put_like(b, lexicon_pick(&g->lex, &g->r), w[i]);
		else if (rc == 0)
			rc = put_span(b, w[i]);
	}
	return rc;
}

/* A spun rewrite of src: words swapped, sentences reordered within
 * paragraphs, clauses dropped, a new headline. */
static int make_rewrite(gen *g, article *dst, const article *src)
{
	static span para[PARAS_MAX], sent[256];
	size_t n = split(para, PARAS_MAX, src->text.ptr, src->text.len, '\n');
	size_t k, i;
	int rc = 0;

	nd_buf_clear(&dst->text);
	nd_buf_clear(&dst->title);
	for (k = 0; k < n && rc == 0; k++) {
		size_t ns = split_sentences(sent, 256, para[k]);

		if (ns >= 2 && rng_chance(&g->r, 0.5)) {
			span tmp;

			i = rng_below(&g->r, (uint32_t)ns - 1);
			tmp = sent[i];
			sent[i] = sent[i + 1];
			sent[i + 1] = tmp;
		}
		for (i = 0; i < ns && rc == 0; i++)
			rc = put_spun(g, &dst->text, sent[i]);
		if (rc == 0)
			rc = put_char(&dst->text, '\n');
	}
	trim_newline(&dst->text);
	dst->topic = src->topic;
	return rc ? rc : put_new_title(g, &dst->title, src);
}

static int make_duplicate(article *dst, const article *src)
{
	int rc;

	nd_buf_clear(&dst->text);
	nd_buf_clear(&dst->title);
	dst->topic = src->topic;
	rc = nd_buf_put(&dst->text, src->text.ptr, src->text.len);
	return rc ? rc : nd_buf_put(&dst->title, src->title.ptr,
				    src->title.len);
}

/* ---- base files ---- */

static int paths_add(paths *ps, const char *path)
{
	char *c;

	if (nd_array_reserve((void **)&ps->v, &ps->cap, ps->n + 1,
			     sizeof(*ps->v)) < 0)
		return ND_ENOMEM;
	c = nd_strndup(path, strlen(path));
	if (c == NULL)
		return ND_ENOMEM;
	ps->v[ps->n++] = c;
	return 0;
}

static void paths_dispose(paths *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++)
		nd_free(ps->v[i]);
	nd_free(ps->v);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_txt_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Adds the *.txt files under dir, names in byte order, walking
 * subfolders; hidden entries are skipped. */
static int walk(paths *ps, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	paths names = { 0 };
	char path[4096];
	size_t i;
	int rc = 0;

	if (d == NULL) {
		fprintf(stderr, "gencorpus: %s: %s\n", dir, strerror(errno));
		return ND_EINVAL;
	}
	while (rc == 0 && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			rc = paths_add(&names, e->d_name);
	closedir(d);
	if (rc == 0)
		qsort(names.v, names.n, sizeof(*names.v), by_name);
	for (i = 0; i < names.n && rc == 0; i++) {
		struct stat st;

		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
				     names.v[i]) >= sizeof(path) ||
		    stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = walk(ps, path);
		else if (S_ISREG(st.st_mode) && has_txt_suffix(names.v[i]))
			rc = paths_add(ps, path);
	}
	paths_dispose(&names);
	return rc;
}

/* Reads a file of at most FILE_MAX bytes into b. */
static int read_file(nd_buf *b, const char *path)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int rc = 0;

	nd_buf_clear(b);
	if (f == NULL)
		return ND_EIO;
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = nd_buf_put(b, chunk, n);
	if (rc == 0 && ferror(f))
		rc = ND_EIO;
	fclose(f);
	return rc;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* raw's lines as paragraphs, spaces collapsed, blank lines dropped. */
static void put_lines(nd_buf *b, const char *p, size_t n, int *rc)
{
	size_t i;
	bool word = false;

	for (i = 0; i < n && *rc == 0; i++) {
		if (p[i] == '\n' || is_space(p[i])) {
			if (p[i] == '\n' && b->len > 0 &&
			    b->ptr[b->len - 1] != '\n')
				*rc = put_char(b, '\n');
			word = false;
			continue;
		}
		if (!word && b->len > 0 && b->ptr[b->len - 1] != '\n')
			*rc = put_char(b, ' ');
		word = true;
		if (*rc == 0)
			*rc = put_char(b, p[i]);
	}
	trim_newline(b);
}

/* The paragraphs of more than 4 sentences (a DUC 2004 file is one line)
 * cut into paragraphs of 1 to 4 sentences, as news is laid out. */
static int paragraphise(gen *g, nd_buf *out, const nd_buf *in)
{
	static span para[PARAS_MAX], sent[4096];
	size_t n = split(para, PARAS_MAX, in->ptr, in->len, '\n'), k, i;
	int rc = 0;

	nd_buf_clear(out);
	for (k = 0; k < n && rc == 0; k++) {
		size_t ns = split_sentences(sent, 4096, para[k]);
		size_t left = 0;

		if (ns <= 4) {
			rc = out->len > 0 ? put_char(out, '\n') : 0;
			if (rc == 0)
				rc = put_span(out, para[k]);
			continue;
		}
		for (i = 0; i < ns && rc == 0; i++) {
			if (left == 0 && out->len > 0)
				rc = put_char(out, '\n');
			if (left == 0)
				left = 1 + rng_below(&g->r, 4);
			if (rc == 0)
				rc = put_sep(out);
			if (rc == 0)
				rc = put_span(out, sent[i]);
			left--;
		}
	}
	return rc;
}

/* The base article's id: its path without leading "./" and "../" and
 * without ".txt". */
static void base_id(char *id, const char *path)
{
	size_t n = strlen(path) - 4;

	for (;;) {
		size_t up = strncmp(path, "./", 2) == 0 ? 2 :
			    strncmp(path, "../", 3) == 0 ? 3 : 0;

		if (up == 0)
			break;
		path += up;
		n -= up;
	}
	snprintf(id, ID_MAX, "%.*s", (int)n, path);
}

/* Noon-ish of the first YYYYMMDD in the file name (APW19981016.0240),
 * else the synthetic clock. */
static long long base_time(gen *g, const char *path)
{
	const char *name = strrchr(path, '/'), *p;

	name = name ? name + 1 : path;
	for (p = name; *p != '\0'; p++) {
		unsigned y, m, d;

		if (sscanf(p, "%4u%2u%2u", &y, &m, &d) != 3 || y < 1900 ||
		    y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 ||
		    strspn(p, "0123456789") < 8)
			continue;
		return nd_date_days((int)y, (int)m, (int)d) * 86400 +
		       6 * 3600 + rng_below(&g->r, 12 * 3600);
	}
	return g->clock;
}

/* The first up to 10 words of the text, trailing punctuation dropped. */
static int put_lead_title(nd_buf *b, const nd_buf *text)
{
	size_t i = 0, words = 0;
	span w = { text->ptr, 0 };

	while (i < text->len && text->ptr[i] != '\n' && words < 10) {
		while (i < text->len && text->ptr[i] != ' ' &&
		       text->ptr[i] != '\n')
			i++;
		words++;
		w.n = i;
		if (i < text->len && text->ptr[i] == ' ')
			i++;
	}
	return put_span(b, bare_word(w));
}

/* Loads base file i as article a; ND_EEMPTY (with a line on stderr) when
 * it cannot be used. */
static int load_base(gen *g, article *a, size_t i)
{
	const char *path = g->files.v[i];
	int rc = read_file(&g->scratch, path);
	if (rc == ND_ETOOBIG || rc == ND_EIO ||
	    (rc == 0 && memchr(g->scratch.ptr, '\0', g->scratch.len))) {
		fprintf(stderr, "gencorpus: %s: %s, skipped\n", path,
			rc == ND_ETOOBIG ? "over 4 MiB" :
			rc == ND_EIO ? strerror(errno) : "binary");
		return ND_EEMPTY;
	}
	nd_buf_clear(&a->text);
	nd_buf_clear(&a->title);
	if (rc == 0)
		put_lines(&a->text, g->scratch.ptr, g->scratch.len, &rc);
	if (rc == 0) {
		rc = paragraphise(g, &g->scratch, &a->text);
		nd_buf_clear(&a->text);
		if (rc == 0)
			rc = put_span(&a->text, (span){ g->scratch.ptr,
							g->scratch.len });
	}
	if (rc == 0 && a->text.len == 0) {
		fprintf(stderr, "gencorpus: %s: no text, skipped\n", path);
		return ND_EEMPTY;
	}
	if (rc == 0)
		rc = put_lead_title(&a->title, &a->text);
	base_id(a->id, path);
	a->when = base_time(g, path);
	a->topic = 0;
	return rc;
}

/* ---- output ---- */

/* Whether one of the 8 bytes of w needs escaping in JSON: a control
 * character, '"' or '\\' (tests on all bytes at once, as the corpus is
 * gigabytes of text with few of them). */
static bool needs_escape8(uint64_t w)
{
	return (nd_bytes8_range(w, 0, 0x1f) | nd_bytes8_eq(w, '"') |
		nd_bytes8_eq(w, '\\')) != 0;
}

/* p[0..n) as a JSON string. */
static int put_json(nd_buf *b, const char *p, size_t n)
{
	size_t i = 0, run = 0;
	int rc = put_char(b, '"');

	for (; i < n && rc == 0; i++) {
		unsigned char c = (unsigned char)p[i];
		uint64_t w;

		if (i + 8 <= n) {
			w = nd_bytes8_load(p + i);
			if (!needs_escape8(w)) {
				i += 7;
				continue;
			}
		}
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		rc = nd_buf_put(b, p + run, i - run);
		run = i + 1;
		if (rc == 0 && c == '\n')
			rc = nd_buf_puts(b, "\\n");
		else if (rc == 0 && (c == '"' || c == '\\'))
			rc = nd_buf_printf(b, "\\%c", c);
		else if (rc == 0)
			rc = nd_buf_printf(b, "\\u%04x", c);
	}
	if (rc == 0)
		rc = nd_buf_put(b, p + run, n - run);
	return rc ? rc : put_char(b, '"');
}

static int flush_lines(gen *g)
{
	nd_buf *b = &g->line;

	if (b->len > 0 && fwrite(b->ptr, 1, b->len, g->corpus) != b->len)
		return ND_EIO;
	nd_buf_clear(b);
	return 0;
}

/* Appends a's corpus line to b. */
static int put_article_line(nd_buf *b, const article *a)
{
	int rc = nd_buf_puts(b, "{\"id\":");

	if (rc == 0)
		rc = put_json(b, a->id, strlen(a->id));
	if (rc == 0)
		rc = nd_buf_puts(b, ",\"title\":");
	if (rc == 0)
		rc = put_json(b, a->title.ptr, a->title.len);
	if (rc == 0)
		rc = nd_buf_puts(b, ",\"text\":");
	if (rc == 0)
		rc = put_json(b, a->text.ptr, a->text.len);
	if (rc == 0 && a->when >= 0) {
		time_t t = (time_t)a->when;
		struct tm tm;
		char date[32];

		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
		rc = nd_buf_printf(b, ",\"published\":\"%s\"", date);
	}
	return rc ? rc : nd_buf_puts(b, "}\n");
}

/* Writes a as a corpus line. */
static int emit(gen *g, const article *a)
{
	nd_buf *b = &g->line;
	int rc = 0;

	/* Lines are gathered and written in large pieces, which stdio hands
	 * to the kernel without copying them again. */
	if (b->len >= LINES_FLUSH)
		rc = flush_lines(g);
	if (rc == 0)
		rc = put_article_line(b, a);
	if (rc == 0 && g->groups &&
	    fprintf(g->groups, "%s\t%u\n", a->id, a->topic) < 0)
		rc = ND_EIO;
	g->n_written += rc == 0;
	return rc;
}

/* Whether the corpus still wants lines. */
static bool wants_more(const gen *g)
{
	return g->o->articles == 0 || g->n_written < g->o->articles;
}

static int put_file(FILE *f, const char *p, size_t n)
{
	return n > 0 && fwrite(p, 1, n, f) != n ? ND_EIO : 0;
}

/* ---- stream mode: publication order ---- */

static bool held_before(const pending *x, const pending *y)
{
	return x->when < y->when || (x->when == y->when && x->seq < y->seq);
}

static void held_swap(pending *h, size_t i, size_t j)
{
	pending t = h[i];

	h[i] = h[j];
	h[j] = t;
}

/* Holds a, formatted with its gold line, until the stream reaches
 * a->at. */
static int hold(gen *g, const article *a)
{
	nd_buf *b = &g->scratch;
	pending p = { a->at, g->n_seq++, NULL, 0, 0, 0 };
	size_t i;
	int rc;

	nd_buf_clear(b);
	rc = put_article_line(b, a);
	p.corpus_len = b->len;
	if (rc == 0)
		rc = nd_buf_printf(b, "%s\t%u\n", a->id, a->topic);
	p.topics_end = b->len;
	if (rc == 0 && g->gold_line.len > 0)
		rc = nd_buf_put(b, g->gold_line.ptr, g->gold_line.len);
	p.len = b->len;
	if (rc == 0 && (p.lines = nd_strndup(b->ptr, b->len)) == NULL)
		rc = ND_ENOMEM;
	if (rc == 0 && ND_ARRAY_PUSH(g->held, g->n_held, g->cap_held, p)) {
		nd_free(p.lines);
		rc = ND_ENOMEM;
	}
	if (rc != 0)
		return rc;
	for (i = g->n_held - 1;
	     i > 0 && held_before(&g->held[i], &g->held[(i - 1) / 2]);
	     i = (i - 1) / 2)
		held_swap(g->held, i, (i - 1) / 2);
	return 0;
}

/* Takes the earliest held article off the heap into *out. */
static void unhold(pending *out, gen *g)
{
	pending *h = g->held;
	size_t i = 0, n = --g->n_held;

	*out = h[0];
	h[0] = h[n];
	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && held_before(&h[c + 1], &h[c]))
			c++;
		if (!held_before(&h[c], &h[i]))
			break;
		held_swap(h, i, c);
		i = c;
	}
}

/* Writes the held articles due by `until`, earliest first, while the
 * corpus wants lines. */
static int release(gen *g, long long until)
{
	int rc = 0;

	while (rc == 0 && wants_more(g) && g->n_held > 0 &&
	       g->held[0].when <= until) {
		pending p;

		unhold(&p, g);
		if (g->line.len >= LINES_FLUSH)
			rc = flush_lines(g);
		if (rc == 0)
			rc = nd_buf_put(&g->line, p.lines, p.corpus_len);
		if (rc == 0 && g->groups)
			rc = put_file(g->groups, p.lines + p.corpus_len,
				      p.topics_end - p.corpus_len);
		if (rc == 0)
			rc = put_file(g->gold, p.lines + p.topics_end,
				      p.len - p.topics_end);
		g->n_written += rc == 0;
		nd_free(p.lines);
	}
	return rc;
}

/* Stream mode: writes what is due by now, then a with its gold line, or
 * holds them until a's time comes. The stream stops at the articles
 * asked: what is still held then is never written, so that its end is
 * not a tail of late copies with no new stories. */
static int emit_in_order(gen *g, const article *a)
{
	int rc = release(g, g->clock);

	if (rc != 0 || !wants_more(g))
		return rc;
	if (a->at > g->clock)
		return hold(g, a);
	rc = emit(g, a);
	return rc ? rc : put_file(g->gold, g->gold_line.ptr, g->gold_line.len);
}

enum kind { KIND_ORIGINAL, KIND_COPY, KIND_REWRITE, KIND_DUPLICATE };

static const char *const KIND_NAMES[] = {
	"original", "near-copy", "rewrite", "duplicate"
};

/* Derived articles come 1 to 48 hours after their source; some at the
 * same second, some undated. */
static long long derived_time(gen *g, const article *src)
{
	double u = rng_unit(&g->r);
	long long base = src->when >= 0 ? src->when : g->clock;

	if (u < 0.08)
		return -1;
	if (u < 0.15)
		return base;
	return base + 3600 + rng_below(&g->r, 47 * 3600);
}

/* Stream mode: a derived article comes no earlier than the original
 * before it nor than its source, so that the stream stays in date order;
 * an undated one is written when it comes. */
static void stream_time(const gen *g, article *a, const article *src)
{
	long long floor = src->at > g->clock ? src->at : g->clock;

	if (a->when >= 0 && a->when < floor)
		a->when = floor;
	a->at = a->when >= 0 ? a->when : floor;
}

/* The source of a derived article of kind k: mostly one of the last
 * RECENT originals (copies follow their source within hours, and the
 * first articles do not gather most copies), else any kept original, or
 * for some near-copies an earlier near-copy. */
static const article *pick_source(gen *g, enum kind k)
{
	size_t n_orig = g->n_orig < WINDOW ? g->n_orig : WINDOW;
	size_t n_copy = g->n_copy < COPY_WINDOW ? g->n_copy : COPY_WINDOW;
	size_t back;

	if (k == KIND_COPY && n_copy > 0 && rng_chance(&g->r, 0.15))
		return &g->copy[rng_below(&g->r, (uint32_t)n_copy)];
	if (n_orig > RECENT && rng_chance(&g->r, 0.8))
		n_orig = RECENT;
	back = rng_below(&g->r, (uint32_t)n_orig);
	return &g->orig[(g->n_orig - 1 - back) % WINDOW];
}

static enum kind pick_kind(gen *g)
{
	double u = rng_unit(&g->r);
	const opts *o = g->o;

	if (g->n_orig == 0)
		return KIND_ORIGINAL;
	if (u < o->dups)
		return KIND_DUPLICATE;
	if (u < o->dups + o->copies)
		return KIND_COPY;
	if (u < o->dups + o->copies + o->rewrites)
		return KIND_REWRITE;
	return KIND_ORIGINAL;
}

/* Makes g->cur an original; ND_ENOTFOUND when the base files ran out. */
static int make_original(gen *g)
{
	article *a = &g->cur;
	int rc;

	if (g->files.n == 0) {
		snprintf(a->id, ID_MAX, "a%08lu", g->n_derived + g->n_orig);
		g->clock += rng_below(&g->r, 61);
		a->when = a->at = g->clock;
		return make_synthetic(g, a);
	}
	do {
		if (g->next_file == g->files.n)
			return ND_ENOTFOUND;
		rc = load_base(g, a, g->next_file++);
	} while (rc == ND_EEMPTY);
	return rc;
}

/* Makes g->cur an article of kind k from an earlier one; writes its gold
 * line. */
static int make_derived(gen *g, enum kind k)
{
	const article *src = pick_source(g, k);
	article *a = &g->cur;
	int rc;

	if (g->files.n == 0)
		snprintf(a->id, ID_MAX, "a%08lu", g->n_derived + g->n_orig);
	else
		snprintf(a->id, ID_MAX, "d%07lu", g->n_derived + 1);
	g->n_derived++;
	a->when = derived_time(g, src);
	if (g->o->stream_new > 0)
		stream_time(g, a, src);
	rc = k == KIND_COPY ? make_near_copy(g, a, src) :
	     k == KIND_REWRITE ? make_rewrite(g, a, src) :
	     make_duplicate(a, src);
	/* In stream mode the gold line goes with the article, written when
	 * it is. */
	if (rc == 0 && g->o->stream_new > 0)
		rc = nd_buf_printf(&g->gold_line, "%s\t%s\t%s\n", a->id,
				   src->id, KIND_NAMES[k]);
	else if (rc == 0 && fprintf(g->gold, "%s\t%s\t%s\n", a->id,
				    src->id, KIND_NAMES[k]) < 0)
		rc = ND_EIO;
	return rc;
}

/* Keeps g->cur in ring (of cap slots, n stored so far) by swapping it
 * with the slot it takes, whose buffers g->cur reuses. */
static void keep(article *ring, size_t *n, size_t cap, article *cur)
{
	article tmp = ring[*n % cap];

	ring[*n % cap] = *cur;
	*cur = tmp;
	(*n)++;
}

static int run(gen *g)
{
	bool stream = g->o->stream_new > 0;
	int rc = 0;

	while (rc == 0 && wants_more(g)) {
		enum kind k = pick_kind(g);

		nd_buf_clear(&g->gold_line);
		rc = k == KIND_ORIGINAL ? make_original(g) : make_derived(g, k);
		if (rc == ND_ENOTFOUND)
			return 0;
		if (rc == 0)
			rc = stream ? emit_in_order(g, &g->cur) :
				      emit(g, &g->cur);
		if (rc == 0 && k == KIND_ORIGINAL)
			keep(g->orig, &g->n_orig, WINDOW, &g->cur);
		else if (rc == 0 && k == KIND_COPY)
			keep(g->copy, &g->n_copy, COPY_WINDOW, &g->cur);
	}
	return rc;
}

/* ---- setup ---- */

static void article_init(article *a)
{
	memset(a, 0, sizeof(*a));
	nd_buf_init(&a->title, TEXT_MAX);
	nd_buf_init(&a->text, TEXT_MAX);
}

static void article_dispose(article *a)
{
	nd_buf_dispose(&a->title);
	nd_buf_dispose(&a->text);
}

static void gen_dispose(gen *g)
{
	size_t i;

	for (i = 0; i < WINDOW; i++)
		article_dispose(&g->orig[i]);
	for (i = 0; i < COPY_WINDOW; i++)
		article_dispose(&g->copy[i]);
	article_dispose(&g->cur);
	lexicon_dispose(&g->lex);
	lexicon_dispose(&g->func);
	paths_dispose(&g->files);
	for (i = 0; i < g->n_held; i++)
		nd_free(g->held[i].lines);
	nd_free(g->held);
	nd_free(g->started);
	nd_buf_dispose(&g->line);
	nd_buf_dispose(&g->scratch);
	nd_buf_dispose(&g->gold_line);
	if (g->corpus)
		fclose(g->corpus);
	if (g->gold)
		fclose(g->gold);
	if (g->groups)
		fclose(g->groups);
}

/* The substitution words of base mode: those of the first base files. */
static int take_base_words(gen *g)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < g->files.n && g->lex.n < POOL_WORDS && rc == 0; i++)
		if (read_file(&g->scratch, g->files.v[i]) == 0)
			rc = lexicon_take(&g->lex, g->scratch.ptr,
					  g->scratch.len);
	if (rc == 0 && g->lex.n == 0)
		rc = lexicon_add(&g->lex, "news", 4);
	return rc;
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL)
		fprintf(stderr, "gencorpus: %s: %s\n", path, strerror(errno));
	return f;
}

static int gen_setup(gen *g, const opts *o)
{
	size_t i;
	int rc = 0;

	memset(g, 0, sizeof(*g));
	g->o = o;
	g->r.s = nd_mix64(o->seed ^ 0x6e6577736469ULL);
	g->clock = EPOCH_2026;
	g->words_of = UINT32_MAX;
	for (i = 0; i < WINDOW; i++)
		article_init(&g->orig[i]);
	for (i = 0; i < COPY_WINDOW; i++)
		article_init(&g->copy[i]);
	article_init(&g->cur);
	nd_buf_init(&g->lex.pool, (size_t)POOL_WORDS * 64);
	nd_buf_init(&g->func.pool, 4096);
	for (i = 0; i < N_FUNCTION && rc == 0; i++)
		rc = lexicon_add(&g->func, FUNCTION_WORDS[i],
				 strlen(FUNCTION_WORDS[i]));
	nd_buf_init(&g->line, LINES_FLUSH + 2 * TEXT_MAX + 4096);
	nd_buf_init(&g->scratch, FILE_MAX);
	nd_buf_init(&g->gold_line, 3 * ID_MAX);
	for (i = 0; i < o->n_base && rc == 0; i++)
		rc = walk(&g->files, o->base[i]);
	if (rc == 0 && o->n_base > 0 && g->files.n == 0) {
		fprintf(stderr, "gencorpus: no *.txt files under --base\n");
		rc = ND_EINVAL;
	}
	if (rc == 0)
		rc = o->n_base > 0 ? take_base_words(g) :
				     lexicon_invent(&g->lex, &g->r);
	g->topics = (uint32_t)(o->articles * (1 - o->copies - o->rewrites -
					       o->dups) / TOPIC_ARTICLES);
	if (g->topics < 10)
		g->topics = 10;
	if (rc == 0 && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gencorpus: %s: %s\n", o->outdir,
			strerror(errno));
		rc = ND_EINVAL;
	}
	if (rc == 0 && ((g->corpus = open_out(o->outdir, "corpus.jsonl")) ==
				NULL ||
			(g->gold = open_out(o->outdir, "gold.tsv")) == NULL ||
			(o->n_base == 0 && (g->groups = open_out(o->outdir,
					"topics.tsv")) == NULL)))
		rc = ND_EINVAL;
	return rc;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: gencorpus --articles N --seed S [--base DIR]...\n"
		"                 [--copies SHARE] [--rewrites SHARE]\n"
		"                 [--duplicates SHARE]\n"
		"                 [--stream SHARE [--life DAYS] [--family SHARE]\n"
		"                  [--family-share SHARE]] OUTDIR\n"
		"(--articles may be left out with --base: all base files)\n"
		"--stream SHARE    synthetic news as a stream of stories, in\n"
		"                  publication order: SHARE of the originals\n"
		"                  start a topic, the others join a live one\n"
		"--life DAYS       how long a topic takes articles (default 3)\n"
		"--family SHARE    new topics that are sub-events of a live one\n"
		"                  (default 0)\n"
		"--family-share S  share of a sub-event's words, names and\n"
		"                  numbers taken from its parent (default 0.5)\n");
}

static bool parse_share(double *out, const char *s)
{
	char *end;

	*out = strtod(s, &end);
	return end != s && *end == '\0' && *out >= 0 && *out <= 1;
}

static bool parse_days(double *out, const char *s)
{
	char *end;

	*out = strtod(s, &end);
	return end != s && *end == '\0' && *out > 0 && *out <= 3650;
}

static bool parse_count(unsigned long *out, const char *s)
{
	char *end;

	*out = strtoul(s, &end, 10);
	return end != s && *end == '\0' && s[0] != '-';
}

/* Fills o from argv; false on a usage error (said on stderr). */
static bool parse_args(opts *o, int argc, char **argv)
{
	unsigned long seed = 0;
	bool ok = true, seeded = false;
	int i;

	*o = (opts){ .copies = 0.25, .rewrites = 0.10, .dups = 0.03,
		     .stream_life = 3, .family_share = 0.5 };
	o->base = nd_calloc((size_t)argc, sizeof(*o->base));
	if (o->base == NULL)
		return false;
	for (i = 1; i < argc && ok; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (a[0] != '-' && o->outdir == NULL) {
			o->outdir = a;
			continue;
		}
		if (v == NULL)
			ok = false;
		else if (strcmp(a, "--articles") == 0)
			ok = parse_count(&o->articles, v);
		else if (strcmp(a, "--seed") == 0)
			ok = seeded = parse_count(&seed, v);
		else if (strcmp(a, "--copies") == 0)
			ok = parse_share(&o->copies, v);
		else if (strcmp(a, "--rewrites") == 0)
			ok = parse_share(&o->rewrites, v);
		else if (strcmp(a, "--duplicates") == 0)
			ok = parse_share(&o->dups, v);
		else if (strcmp(a, "--stream") == 0)
			ok = parse_share(&o->stream_new, v);
		else if (strcmp(a, "--life") == 0)
			ok = parse_days(&o->stream_life, v);
		else if (strcmp(a, "--family") == 0)
			ok = parse_share(&o->family, v);
		else if (strcmp(a, "--family-share") == 0)
			ok = parse_share(&o->family_share, v);
		else if (strcmp(a, "--base") == 0)
			o->base[o->n_base++] = argv[i + 1];
		else
			ok = false;
		if (!ok && v != NULL)
			fprintf(stderr, "gencorpus: bad option or value: "
				"%s %s\n", a, v);
		i++;
	}
	o->seed = seed;
	if (o->outdir == NULL || !seeded ||
	    o->copies + o->rewrites + o->dups >= 1 ||
	    (o->articles == 0 && o->n_base == 0) ||
	    (o->stream_new > 0 && o->n_base > 0))
		ok = false;
	return ok;
}

int main(int argc, char **argv)
{
	static gen g;
	opts o;
	int rc;

	if (!parse_args(&o, argc, argv)) {
		usage();
		nd_free(o.base);
		return 2;
	}
	rc = gen_setup(&g, &o);
	if (rc == 0)
		rc = run(&g);
	if (rc == 0)
		rc = flush_lines(&g);
	if (rc == 0 && (fflush(g.corpus) != 0 || fflush(g.gold) != 0 ||
			(g.groups && fflush(g.groups) != 0)))
		rc = ND_EIO;
	/* Bad arguments and unusable folders were said where found. */
	if (rc == ND_EIO)
		fprintf(stderr, "gencorpus: %s: cannot write: %s\n", o.outdir,
			strerror(errno));
	else if (rc != 0 && rc != ND_EINVAL)
		fprintf(stderr, "gencorpus: %s\n", nd_strerror(rc));
	gen_dispose(&g);
	nd_free(o.base);
	return rc == 0 ? 0 : 2;
}
