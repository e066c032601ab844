#include "clean/html_tags.h"

#include <stddef.h>  /* size_t */
#include <stdint.h>  /* uint32_t */
#include <string.h>  /* memcmp, memset, strcmp, strlen, strstr */
#include <strings.h> /* strcasecmp */

#include "core/alloc.h"
#include "core/error.h"
#include "core/hash.h"


#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Tags ---- */

typedef struct tag_row {
	const char *name;
	nd_tag tag;
} tag_row;

/* Sorted by name for the binary search. */
static const tag_row tags[] = {
	{ "a", { ND_TAG_LINK, ND_EL_A } },
	{ "address", { ND_TAG_BLOCK, ND_EL_ADDRESS } },
	{ "article", { ND_TAG_BLOCK, ND_EL_ARTICLE } },
	{ "aside", { ND_TAG_BLOCK, ND_EL_ASIDE } },
	{ "audio", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "blockquote", { ND_TAG_PARA, ND_EL_BLOCKQUOTE } },
	{ "body", { ND_TAG_BLOCK, ND_EL_BODY } },
	{ "br", { ND_TAG_BR, ND_EL_BR } },
	{ "button", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "canvas", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "caption", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "center", { ND_TAG_BLOCK, ND_EL_DIV } },
	{ "datalist", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "dd", { ND_TAG_BLOCK, ND_EL_DD } },
	{ "details", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "dialog", { ND_TAG_BLOCK, ND_EL_DIALOG } },
	{ "div", { ND_TAG_BLOCK, ND_EL_DIV } },
	{ "dl", { ND_TAG_BLOCK, ND_EL_DL } },
	{ "dt", { ND_TAG_BLOCK, ND_EL_DT } },
	{ "embed", { ND_TAG_VOID, ND_EL_OTHER } },
	{ "fieldset", { ND_TAG_BLOCK, ND_EL_FORM } },
	{ "figcaption", { ND_TAG_BLOCK, ND_EL_FIGCAPTION } },
	{ "figure", { ND_TAG_BLOCK, ND_EL_FIGURE } },
	{ "footer", { ND_TAG_BLOCK, ND_EL_FOOTER } },
	{ "form", { ND_TAG_BLOCK, ND_EL_FORM } },
	{ "h1", { ND_TAG_BLOCK, ND_EL_H1 } },
	{ "h2", { ND_TAG_BLOCK, ND_EL_HEADING } },
	{ "h3", { ND_TAG_BLOCK, ND_EL_HEADING } },
	{ "h4", { ND_TAG_BLOCK, ND_EL_HEADING } },
	{ "h5", { ND_TAG_BLOCK, ND_EL_HEADING } },
	{ "h6", { ND_TAG_BLOCK, ND_EL_HEADING } },
	{ "head", { ND_TAG_HARD, ND_EL_HEAD } },
	{ "header", { ND_TAG_BLOCK, ND_EL_HEADER } },
	{ "hgroup", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "hr", { ND_TAG_BR, ND_EL_OTHER } },
	{ "html", { ND_TAG_BLOCK, ND_EL_HTML } },
	{ "iframe", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "img", { ND_TAG_VOID, ND_EL_IMG } },
	{ "input", { ND_TAG_VOID, ND_EL_INPUT } },
	{ "legend", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "li", { ND_TAG_BLOCK, ND_EL_LI } },
	{ "link", { ND_TAG_VOID, ND_EL_OTHER } },
	{ "main", { ND_TAG_BLOCK, ND_EL_MAIN } },
	{ "map", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "math", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "menu", { ND_TAG_BLOCK, ND_EL_MENU } },
	{ "meta", { ND_TAG_VOID, ND_EL_OTHER } },
	{ "nav", { ND_TAG_BLOCK, ND_EL_NAV } },
	{ "noscript", { ND_TAG_HARD, ND_EL_NOSCRIPT } },
	{ "object", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "ol", { ND_TAG_BLOCK, ND_EL_OL } },
	{ "optgroup", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "option", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "p", { ND_TAG_PARA, ND_EL_P } },
	{ "picture", { ND_TAG_MEDIA, ND_EL_OTHER } },
	{ "pre", { ND_TAG_PARA, ND_EL_PRE } },
	{ "rp", { ND_TAG_HARD, ND_EL_OTHER } }, /* ruby readings: not text */
	{ "rt", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "script", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "section", { ND_TAG_BLOCK, ND_EL_SECTION } },
	{ "select", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "source", { ND_TAG_VOID, ND_EL_OTHER } },
	{ "style", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "summary", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "svg", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "table", { ND_TAG_BLOCK, ND_EL_TABLE } },
	{ "tbody", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "td", { ND_TAG_PARA, ND_EL_TD } },
	{ "template", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "textarea", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "tfoot", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "th", { ND_TAG_BLOCK, ND_EL_TH } },
	{ "thead", { ND_TAG_BLOCK, ND_EL_OTHER } },
	{ "time", { ND_TAG_INLINE, ND_EL_TIME } },
	{ "title", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "tr", { ND_TAG_BLOCK, ND_EL_TR } },
	{ "track", { ND_TAG_VOID, ND_EL_OTHER } },
	{ "ul", { ND_TAG_BLOCK, ND_EL_UL } },
	{ "video", { ND_TAG_HARD, ND_EL_OTHER } },
};

nd_tag nd_html_tag(const char *t)
{
	size_t lo = 0, hi = COUNT(tags);
	nd_tag none = { ND_TAG_INLINE, ND_EL_OTHER };

	if (t == NULL)
		return none;
	if (strchr(t, '-')) /* custom elements are layout */
		return (nd_tag){ ND_TAG_BLOCK, ND_EL_DIV };
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(t, tags[mid].name);

		if (c == 0)
			return tags[mid].tag;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return none;
}

/* ---- Class and id ---- */

/* A word of the lists below with its length, so that matching one is a
 * byte and a memcmp, never a strlen. */
typedef struct word {
	const char *s;
	size_t n;
} word;
#define W(lit) { lit, sizeof(lit) - 1 }

/* Lower-cased copy of v into out (cap bytes, cut short silently: the
 * words that matter come early); returns its length. */
static size_t lower(const char *v, char *out, size_t cap)
{
	size_t n = 0;

	for (; v && *v && n + 1 < cap; v++)
		out[n++] = (char)((*v >= 'A' && *v <= 'Z') ? *v + 32 : *v);
	out[n] = '\0';
	return n;
}

/* Prefixes of class and id tokens of page furniture: "nav" covers
 * "navbar", "comment" covers "comments". */
static const word strong_prefixes[] = {
	W("comment"), W("cookie"), W("consent"), W("gdpr"), W("newsletter"),
	W("subscribe"), W("subscription"), W("share"), W("sharing"),
	W("social"), W("related"), W("recirc"), W("outbrain"), W("taboola"),
	W("advert"), W("sponsor"), W("promo"), W("breadcrumb"), W("paywall"),
	W("signup"), W("login"), W("disqus"), W("readalso"), W("nav"),
	W("footer"), W("caption"),
};
/* Prefixes of the blocks about the article: furniture for the text, but
 * where its own date and author are. */
static const word about_prefixes[] = {
	W("byline"), W("author"), W("timestamp"), W("dateline"), W("meta"),
};
static const word weak_prefixes[] = {
	W("menu"), W("sidebar"), W("banner"), W("popup"), W("modal"),
	W("overlay"), W("widget"), W("masthead"), W("toolbar"), W("header"),
};
/* Whole dash-separated parts only: "ad" in "top-ad", not in "add". */
static const word strong_parts[] = {
	W("ad"), W("ads"), W("adv"), W("tags"), W("tag"), W("also"),
	W("rail"), W("aside"), W("print"), W("more"), W("recommended"),
	W("trending"),
};
/* Whole tokens only. */
static const word strong_tokens[] = {
	W("print-only"), W("sr-only"), W("visually-hidden"),
	W("screen-reader-text"),
	/* Hidden as a whole: "label-hidden" hides a label, "hidden-xs"
	 * hides on small screens only. */
	W("hidden"), W("hide"), W("is-hidden"), W("u-hidden"), W("js-hidden"),
};
/* The last part of a token naming the article's own container. */
static const word box_words[] = {
	W("content"), W("article"), W("body"), W("main"), W("story"),
	W("entry"), W("post"), W("text"), W("embed"),
};
/* Never furniture although a prefix matches. */
static const word keep_tokens[] = {
	W("commentary"), W("navigable"), W("menus-article"),
	W("shared-content"),
};

/* Whether p[0..len) is one of the n words. */
static bool is_word(const char *p, size_t len, const word *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (w[i].n == len && w[i].s[0] == p[0] &&
		    memcmp(p, w[i].s, len) == 0)
			return true;
	}
	return false;
}

/* The words of a list (32 at most, two letters or more) by their first
 * two letters: at a place in a name, only the words starting with its two
 * letters are compared, and mostly there are none. */
typedef struct pairs {
	uint32_t at[26][26];
} pairs;

static void pairs_add(pairs *f, const word *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		f->at[w[i].s[0] - 'a'][w[i].s[1] - 'a'] |= 1u << i;
}

/* The set of f's words that start with the two letters of p[0..len). */
static inline uint32_t pairs_of(const pairs *f, const char *p, size_t len)
{
	unsigned a, b;

	if (len < 2)
		return 0;
	a = (unsigned char)p[0] - 'a';
	b = (unsigned char)p[1] - 'a';
	return a < 26 && b < 26 ? f->at[a][b] : 0;
}

/* Whether one of the words set in m is a prefix of p[0..len) (whole:
 * all of p). */
static bool among(const char *p, size_t len, const word *w, uint32_t m,
		  bool whole)
{
	while (m) {
		unsigned i = (unsigned)__builtin_ctz(m);

		m &= m - 1;
		if ((whole ? w[i].n == len : w[i].n <= len) &&
		    memcmp(p, w[i].s, w[i].n) == 0)
			return true;
	}
	return false;
}

/* A filter for each list of words; posneg holds pos's bits above neg's,
 * for the one look-up words_weight makes at each place. */
typedef struct filters {
	pairs strong, about, parts, weak, pos, neg;
	uint64_t posneg[26][26];
	/* The lengths of the whole tokens and container words, as bits
	 * (LONG_WORD for any of 31 or more): most tokens have none. */
	uint32_t keep_lens, strong_lens, box_lens;
} filters;

#define LONG_WORD 31

/* The lengths of the n words as bits. */
static uint32_t lens_of(const word *w, size_t n)
{
	uint32_t m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		m |= 1u << (w[i].n < LONG_WORD ? w[i].n : LONG_WORD);
	return m;
}

/* Whether a word of length len may be among those of lens. */
static bool may_be(uint32_t lens, size_t len)
{
	return len >= LONG_WORD ? (lens >> LONG_WORD) & 1u :
				  (lens >> len) & 1u;
}

static void filters_init(filters *f);

/* Verdict on one part p[0..n) of a class or id token. */
static int part_verdict(const char *p, size_t n, const filters *f)
{
	if (among(p, n, strong_prefixes, pairs_of(&f->strong, p, n), false))
		return ND_FURN_ATTR_STRONG;
	if (among(p, n, about_prefixes, pairs_of(&f->about, p, n), false))
		return ND_FURN_ATTR_ABOUT;
	if (among(p, n, strong_parts, pairs_of(&f->parts, p, n), true))
		return ND_FURN_ATTR_STRONG;
	if (among(p, n, weak_prefixes, pairs_of(&f->weak, p, n), false))
		return ND_FURN_ATTR_WEAK;
	return ND_FURN_ATTR_NONE;
}

/* Verdict on one lower-cased token tok[0..n) such as "article-comments":
 * the strongest of its dash-separated parts. */
static int token_verdict(const char *tok, size_t n, const filters *f)
{
	const char *part = tok, *end = tok + n;
	int verdict = ND_FURN_ATTR_NONE;

	if (may_be(f->keep_lens, n) &&
	    is_word(tok, n, keep_tokens, COUNT(keep_tokens)))
		return ND_FURN_ATTR_NONE;
	if (may_be(f->strong_lens, n) &&
	    is_word(tok, n, strong_tokens, COUNT(strong_tokens)))
		return ND_FURN_ATTR_STRONG;
	while (part < end) {
		const char *dash = memchr(part, '-', (size_t)(end - part));
		size_t k = dash ? (size_t)(dash - part) : (size_t)(end - part);
		int v = part_verdict(part, k, f);

		if (v > verdict)
			verdict = v;
		if (dash == NULL)
			break;
		part = dash + 1;
	}
	return verdict;
}

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A token tok[0..n) naming the article's own container: its last part is
 * "content", "article", "body" and the like ("ArticlePage-content"). */
static bool container_token(const char *tok, size_t n, const filters *f)
{
	const char *last = tok + n;
	size_t k;

	while (last > tok && last[-1] != '-')
		last--;
	if (last == tok + n)
		return false;
	k = (size_t)(tok + n - last);
	return may_be(f->box_lens, k) &&
	       is_word(last, k, box_words, COUNT(box_words));
}

/* The verdict on one class or id value: tokens split at blanks and
 * underscores, camelCase split into dash parts. A value with a token
 * naming the article's container is never furniture. */
static int attr_verdict(const char *v, const filters *f)
{
	int verdict = ND_FURN_ATTR_NONE;

	while (v && *v) {
		char tok[48];
		size_t n = 0;
		int t;

		while (*v && !alnum((char)(*v | 0x20)))
			v++;
		while (*v && *v != ' ' && *v != '\t' && *v != '\n' &&
		       *v != '\r' && *v != '_') {
			char c = *v++;

			if (c >= 'A' && c <= 'Z') {
				if (n > 0 && n + 2 < sizeof(tok) &&
				    tok[n - 1] != '-')
					tok[n++] = '-';
				c = (char)(c + 32);
			}
			if (n + 1 < sizeof(tok))
				tok[n++] = c;
		}
		tok[n] = '\0';
		if (n && container_token(tok, n, f))
			return ND_FURN_ATTR_NONE;
		t = n ? token_verdict(tok, n, f) : ND_FURN_ATTR_NONE;
		if (t > verdict)
			verdict = t;
	}
	return verdict;
}

static int role_verdict(const char *r)
{
	static const char *const roles[] = {
		"navigation", "banner", "contentinfo", "complementary",
		"search", "dialog", "alertdialog", "menu", "menubar",
		"toolbar",
	};
	size_t i;

	if (r == NULL)
		return ND_FURN_ATTR_NONE;
	for (i = 0; i < COUNT(roles); i++) {
		if (strcasecmp(r, roles[i]) == 0)
			return ND_FURN_ATTR_STRONG;
	}
	return ND_FURN_ATTR_NONE;
}

/* The slot of a[...] for the attribute k[0..n), or NULL; compared by
 * length first, as most attributes are none of these. */
static const char **slot_of(nd_html_attrs *a, const char *k, size_t n)
{
	switch (n) {
	case 2: return memcmp(k, "id", 2) == 0 ? &a->id : NULL;
	case 3: return memcmp(k, "rel", 3) == 0 ? &a->rel : NULL;
	case 4:
		return memcmp(k, "role", 4) == 0 ? &a->role :
		       memcmp(k, "name", 4) == 0 ? &a->name :
		       memcmp(k, "type", 4) == 0 ? &a->type :
		       memcmp(k, "href", 4) == 0 ? &a->href :
		       memcmp(k, "lang", 4) == 0 ? &a->lang : NULL;
	case 5:
		return memcmp(k, "class", 5) == 0 ? &a->cls :
		       memcmp(k, "style", 5) == 0 ? &a->style : NULL;
	case 7: return memcmp(k, "content", 7) == 0 ? &a->content : NULL;
	case 8:
		return memcmp(k, "itemprop", 8) == 0 ? &a->itemprop :
		       memcmp(k, "property", 8) == 0 ? &a->property :
		       memcmp(k, "datetime", 8) == 0 ? &a->datetime : NULL;
	case 11:
		return memcmp(k, "aria-hidden", 11) == 0 ? &a->aria_hidden :
							   NULL;
	default: return NULL;
	}
}

bool nd_html_attr_wanted(const char *k, size_t klen)
{
	nd_html_attrs probe; /* only its members' addresses are taken */

	return (klen == 6 && memcmp(k, "hidden", 6) == 0) ||
	       slot_of(&probe, k, klen) != NULL;
}

bool nd_html_attr_kept(const char *raw, size_t n, int home)
{
	char k[16];
	size_t i;

	/* All of them have 2 to 11 letters, and most attributes that are
	 * none of them ("data-...") have more. */
	if (n < 2 || n > 11)
		return false;
	for (i = 0; i < n; i++) {
		char c = raw[i];

		k[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	k[n] = '\0';
	if (n == 4 && (strcmp(k, "href") == 0))
		return home == ND_ATTRS_LINK;
	if (n == 3 && strcmp(k, "rel") == 0)
		return home == ND_ATTRS_LINK;
	if (n == 4 && strcmp(k, "lang") == 0)
		return home == ND_ATTRS_HTML;
	if (nd_html_attr_wanted(k, n))
		return true;
	switch (n) {
	case 4: return strcmp(k, "face") == 0 || strcmp(k, "size") == 0;
	case 5: return strcmp(k, "color") == 0;
	case 7: return strcmp(k, "charset") == 0;
	case 8: return strcmp(k, "encoding") == 0;
	case 10: return strcmp(k, "http-equiv") == 0;
	default: return false;
	}
}

void nd_html_attrs_take(nd_html_attrs *a, const char *k, size_t klen,
			const char *v)
{
	const char **slot;

	if (klen == 6 && memcmp(k, "hidden", 6) == 0) {
		a->hidden = true;
		return;
	}
	slot = slot_of(a, k, klen);
	if (slot && *slot == NULL)
		*slot = v ? v : "";
}

/* Words of class and id names that mark the article's container, and
 * words that mark everything around it; matched anywhere in the name. */
static const word positive[] = {
	W("article"), W("body"), W("content"), W("entry"), W("hentry"),
	W("main"), W("page"), W("post"), W("text"), W("blog"), W("story"),
	W("prose"),
};
static const word negative[] = {
	W("banner"), W("combx"), W("comment"), W("contact"),
	W("foot"), W("gdpr"), W("masthead"), W("media"), W("meta"),
	W("outbrain"), W("promo"), W("related"), W("scroll"), W("share"),
	W("shoutbox"), W("sidebar"), W("skyscraper"), W("sponsor"),
	W("shopping"), W("tags"), W("tool"), W("widget"), W("teaser"),
	W("recommend"),
};

/* w[0..n) is one of the blank-separated tokens of buf[0..len). */
static bool has_token(const char *buf, size_t len, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++) {
		if ((i == 0 || buf[i - 1] == ' ') && memcmp(buf + i, w, n) == 0 &&
		    (i + n == len || buf[i + n] == ' '))
			return true;
	}
	return false;
}

/* +25 when a positive word is in v, -25 when a negative one is: one pass
 * over v, trying at each place the words that start with its letter. */
static int words_weight(const char *v, const filters *f)
{
	char buf[256];
	bool neg = false, pos = false;
	size_t i, len;

	if (v == NULL || v[0] == '\0')
		return 0;
	len = lower(v, buf, sizeof(buf));
	for (i = 0; i + 1 < len && !(neg && pos); i++) {
		unsigned a = (unsigned char)buf[i] - 'a';
		unsigned b = (unsigned char)buf[i + 1] - 'a';
		uint64_t m = a < 26 && b < 26 ? f->posneg[a][b] : 0;
		uint32_t mn = neg ? 0 : (uint32_t)m;
		uint32_t mp = pos ? 0 : (uint32_t)(m >> 32);

		if ((mn | mp) == 0) /* mostly */
			continue;
		if (mn)
			neg = among(buf + i, len - i, negative, mn, false);
		if (mp)
			pos = among(buf + i, len - i, positive, mp, false);
	}
	/* "hidden" counts as a whole token only ("label-hidden" is not). */
	if (!neg)
		neg = has_token(buf, len, "hidden", 6);
	return (pos ? 25 : 0) - (neg ? 25 : 0);
}

/* ---- Verdicts on names, remembered ---- */

/* Slots of the cache: a page has a few hundred distinct class and id
 * values, repeated on many elements. */
#define NAMES_SLOTS 2048

typedef struct name_slot {
	const char *v;      /* the value, in the page being read */
	uint64_t hash;
	uint32_t page;      /* the page it was seen on */
	signed char verdict;
	signed char weight;
} name_slot;

_Static_assert(COUNT(strong_prefixes) <= 32 && COUNT(about_prefixes) <= 32 &&
		       COUNT(strong_parts) <= 32 && COUNT(weak_prefixes) <= 32 &&
		       COUNT(positive) <= 32 && COUNT(negative) <= 32,
	       "a pairs set holds 32 words");

static void filters_init(filters *f)
{
	size_t a, b;

	memset(f, 0, sizeof(*f));
	pairs_add(&f->strong, strong_prefixes, COUNT(strong_prefixes));
	pairs_add(&f->about, about_prefixes, COUNT(about_prefixes));
	pairs_add(&f->parts, strong_parts, COUNT(strong_parts));
	pairs_add(&f->weak, weak_prefixes, COUNT(weak_prefixes));
	pairs_add(&f->pos, positive, COUNT(positive));
	pairs_add(&f->neg, negative, COUNT(negative));
	f->keep_lens = lens_of(keep_tokens, COUNT(keep_tokens));
	f->strong_lens = lens_of(strong_tokens, COUNT(strong_tokens));
	f->box_lens = lens_of(box_words, COUNT(box_words));
	for (a = 0; a < 26; a++) {
		for (b = 0; b < 26; b++)
			f->posneg[a][b] = (uint64_t)f->pos.at[a][b] << 32 |
					  f->neg.at[a][b];
	}
}

struct nd_html_names {
	filters f;
	uint32_t page;
	/* The last values asked for, by address: an element's class and id
	 * are asked for twice, once per verdict. */
	name_slot recent[2];
	name_slot slot[NAMES_SLOTS];
};

int nd_html_names_create(nd_html_names **out)
{
	*out = nd_calloc(1, sizeof(**out));
	if (*out == NULL)
		return ND_ENOMEM;
	(*out)->page = 1;
	filters_init(&(*out)->f);
	return ND_OK;
}

void nd_html_names_free(nd_html_names *c)
{
	nd_free(c);
}

void nd_html_names_reset(nd_html_names *c)
{
	if (++c->page == 0) { /* wrapped: forget every slot */
		memset(c->slot, 0, sizeof(c->slot));
		c->page = 1;
	}
	memset(c->recent, 0, sizeof(c->recent));
}

/* The furniture verdict and the weight of the class or id value v, from
 * c when v was seen on this page (c may be NULL). */
/* name_of without a cache: the filters built for the one value. Apart,
 * so that name_of's frame does not carry them. */
static __attribute__((noinline)) name_slot name_judged(const char *v)
{
	name_slot s = { v, 0, 0, 0, 0 };
	filters own;

	filters_init(&own);
	s.verdict = (signed char)attr_verdict(v, &own);
	s.weight = (signed char)words_weight(v, &own);
	return s;
}

static name_slot name_of(nd_html_names *c, const char *v)
{
	name_slot s;
	uint64_t h;

	if (c == NULL)
		return name_judged(v);
	if (c->recent[0].v == v)
		return c->recent[0];
	if (c->recent[1].v == v)
		return c->recent[1];
	h = nd_hash64(v, strlen(v), 0);
	s = c->slot[h % NAMES_SLOTS];
	if (!(s.page == c->page && s.hash == h && strcmp(s.v, v) == 0)) {
		s.v = v;
		s.hash = h;
		s.page = c->page;
		s.verdict = (signed char)attr_verdict(v, &c->f);
		s.weight = (signed char)words_weight(v, &c->f);
		c->slot[h % NAMES_SLOTS] = s;
	}
	c->recent[1] = c->recent[0];
	c->recent[0] = s;
	return s;
}

int nd_html_furniture(const nd_html_attrs *at, nd_html_names *c)
{
	int a = at->cls ? name_of(c, at->cls).verdict : ND_FURN_ATTR_NONE;
	int b = at->id ? name_of(c, at->id).verdict : ND_FURN_ATTR_NONE;
	int r = role_verdict(at->role);

	if (b > a)
		a = b;
	return r > a ? r : a;
}

int nd_html_weight(const nd_html_attrs *a, nd_html_names *c)
{
	const char *ip = a->itemprop;
	int w = (a->cls ? name_of(c, a->cls).weight : 0) +
		(a->id ? name_of(c, a->id).weight : 0);

	if (ip && strcasecmp(ip, "articleBody") == 0)
		w += 50;
	return w;
}

bool nd_html_hidden(const nd_html_attrs *a)
{
	const char *v = a->aria_hidden;

	if (a->hidden || (v && strcasecmp(v, "true") == 0))
		return true;
	v = a->style;
	return v && (strstr(v, "display:none") || strstr(v, "display: none") ||
		     strstr(v, "visibility:hidden") ||
		     strstr(v, "visibility: hidden"));
}
