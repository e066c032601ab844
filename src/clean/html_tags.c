#include "clean/html_tags.h"

#include <stddef.h>  /* size_t */
#include <string.h>  /* memcmp, memset, strcmp, strlen, strstr */
#include <strings.h> /* strcasecmp */


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
	{ "noscript", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "object", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "ol", { ND_TAG_BLOCK, ND_EL_OL } },
	{ "optgroup", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "option", { ND_TAG_HARD, ND_EL_OTHER } },
	{ "p", { ND_TAG_PARA, ND_EL_P } },
	{ "picture", { ND_TAG_MEDIA, ND_EL_OTHER } },
	{ "pre", { ND_TAG_PARA, ND_EL_PRE } },
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

/* Lower-cased copy of v into out (cap bytes, cut short silently: the
 * words that matter come early). */
static const char *lower(const char *v, char *out, size_t cap)
{
	size_t n = 0;

	for (; v && *v && n + 1 < cap; v++)
		out[n++] = (char)((*v >= 'A' && *v <= 'Z') ? *v + 32 : *v);
	out[n] = '\0';
	return out;
}

/* Prefixes of class and id tokens of page furniture: "nav" covers
 * "navbar", "comment" covers "comments". */
static const char *const strong_prefixes[] = {
	"comment", "cookie", "consent", "gdpr", "newsletter", "subscribe",
	"subscription", "share", "sharing", "social", "related", "recirc",
	"outbrain", "taboola", "advert", "sponsor", "promo", "breadcrumb",
	"paywall", "signup", "login", "disqus", "readalso", "nav", "footer",
	"caption",
};
/* Prefixes of the blocks about the article: furniture for the text, but
 * where its own date and author are. */
static const char *const about_prefixes[] = {
	"byline", "author", "timestamp", "dateline", "meta",
};
static const char *const weak_prefixes[] = {
	"menu", "sidebar", "banner", "popup", "modal", "overlay", "widget",
	"masthead", "toolbar", "header",
};
/* Whole dash-separated parts only: "ad" in "top-ad", not in "add". */
static const char *const strong_parts[] = {
	"ad", "ads", "adv", "tags", "tag", "also", "rail", "aside",
	"print", "hidden", "hide", "more", "recommended", "trending",
};
/* Whole tokens only. */
static const char *const strong_tokens[] = {
	"print-only", "sr-only", "visually-hidden", "screen-reader-text",
};
/* Never furniture although a prefix matches. */
static const char *const keep_tokens[] = {
	"commentary", "navigable", "menus-article", "shared-content",
};

/* Verdict on one part p[0..n) of a class or id token. */
static int part_verdict(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < COUNT(strong_prefixes); i++) {
		size_t sl = strlen(strong_prefixes[i]);

		if (sl <= n && memcmp(p, strong_prefixes[i], sl) == 0)
			return ND_FURN_ATTR_STRONG;
	}
	for (i = 0; i < COUNT(about_prefixes); i++) {
		size_t sl = strlen(about_prefixes[i]);

		if (sl <= n && memcmp(p, about_prefixes[i], sl) == 0)
			return ND_FURN_ATTR_ABOUT;
	}
	for (i = 0; i < COUNT(strong_parts); i++) {
		if (strlen(strong_parts[i]) == n &&
		    memcmp(p, strong_parts[i], n) == 0)
			return ND_FURN_ATTR_STRONG;
	}
	for (i = 0; i < COUNT(weak_prefixes); i++) {
		size_t sl = strlen(weak_prefixes[i]);

		if (sl <= n && memcmp(p, weak_prefixes[i], sl) == 0)
			return ND_FURN_ATTR_WEAK;
	}
	return ND_FURN_ATTR_NONE;
}

/* Verdict on one lower-cased token such as "article-comments": the
 * strongest of its dash-separated parts. */
static int token_verdict(const char *tok)
{
	const char *part = tok;
	int verdict = ND_FURN_ATTR_NONE;
	size_t i;

	for (i = 0; i < COUNT(keep_tokens); i++) {
		if (strcmp(tok, keep_tokens[i]) == 0)
			return ND_FURN_ATTR_NONE;
	}
	for (i = 0; i < COUNT(strong_tokens); i++) {
		if (strcmp(tok, strong_tokens[i]) == 0)
			return ND_FURN_ATTR_STRONG;
	}
	while (*part) {
		const char *dash = strchr(part, '-');
		size_t n = dash ? (size_t)(dash - part) : strlen(part);
		int v = part_verdict(part, n);

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

/* A token naming the article's own container: its last part is
 * "content", "article", "body" and the like ("ArticlePage-content"). */
static bool container_token(const char *tok)
{
	static const char *const words[] = {
		"content", "article", "body", "main", "story", "entry",
		"post", "text", "embed",
	};
	const char *last = strrchr(tok, '-');
	size_t i;

	last = last ? last + 1 : tok;
	for (i = 0; i < COUNT(words); i++) {
		if (strcmp(last, words[i]) == 0)
			return true;
	}
	return false;
}

/* The verdict on one class or id value: tokens split at blanks and
 * underscores, camelCase split into dash parts. A value with a token
 * naming the article's container is never furniture. */
static int attr_verdict(const char *v)
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
		if (n && container_token(tok))
			return ND_FURN_ATTR_NONE;
		t = n ? token_verdict(tok) : ND_FURN_ATTR_NONE;
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
	case 4:
		return memcmp(k, "role", 4) == 0 ? &a->role :
		       memcmp(k, "name", 4) == 0 ? &a->name :
		       memcmp(k, "type", 4) == 0 ? &a->type : NULL;
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

int nd_html_furniture(const nd_html_attrs *at)
{
	int a = attr_verdict(at->cls);
	int b = attr_verdict(at->id);
	int r = role_verdict(at->role);

	if (b > a)
		a = b;
	return r > a ? r : a;
}

/* Words of class and id names that mark the article's container, and
 * words that mark everything around it; matched anywhere in the name. */
static const char *const positive[] = {
	"article", "body", "content", "entry", "hentry", "main", "page",
	"post", "text", "blog", "story", "prose",
};
static const char *const negative[] = {
	"hidden", "banner", "combx", "comment", "contact", "foot", "gdpr",
	"masthead", "media", "meta", "outbrain", "promo", "related",
	"scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
	"shopping", "tags", "tool", "widget", "teaser", "recommend",
};

static int words_weight(const char *v)
{
	char buf[256];
	int w = 0;
	size_t i;

	if (v == NULL || v[0] == '\0')
		return 0;
	lower(v, buf, sizeof(buf));
	for (i = 0; i < COUNT(negative); i++) {
		if (strstr(buf, negative[i])) {
			w -= 25;
			break;
		}
	}
	for (i = 0; i < COUNT(positive); i++) {
		if (strstr(buf, positive[i])) {
			w += 25;
			break;
		}
	}
	return w;
}

int nd_html_weight(const nd_html_attrs *a)
{
	const char *ip = a->itemprop;
	int w = words_weight(a->cls) + words_weight(a->id);

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
