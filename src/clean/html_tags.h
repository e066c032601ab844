/* html_tags: what an element is, judged by its tag and its class, id and
 * role, before any text is measured.
 *
 * The tag gives the element's part in the layout (block, paragraph,
 * inline, link, never text); class and id words give two separate
 * verdicts: furniture to remove outright ("share-bar", "comments",
 * role=navigation), and a weight for the content score (+25 for words
 * such as "article", "story", "content"; -25 for "sidebar", "promo",
 * "meta"). Both look only at generic naming conventions of web pages,
 * never at particular sites. */
#ifndef ND_CLEAN_HTML_TAGS_H
#define ND_CLEAN_HTML_TAGS_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* Layout kinds of elements. */
enum {
	ND_TAG_INLINE = 0, /* span, em, b, unknown tags */
	ND_TAG_BLOCK,      /* div, section, li, h2 ... */
	ND_TAG_PARA,       /* p, pre, blockquote, td: paragraph text */
	ND_TAG_BR,
	ND_TAG_LINK,       /* a */
	ND_TAG_HARD,       /* never text: script, style, form controls */
	ND_TAG_MEDIA,      /* picture: counted as an image, never text */
	ND_TAG_VOID        /* img, input, link, meta: no text of their own,
			      but a parser may nest what follows inside */
};

/* Elements the extractor treats specially. */
enum {
	ND_EL_OTHER = 0,
	ND_EL_HEAD, ND_EL_BODY, ND_EL_HTML,
	ND_EL_ARTICLE, ND_EL_MAIN, ND_EL_SECTION, ND_EL_DIV,
	ND_EL_NAV, ND_EL_ASIDE, ND_EL_FOOTER, ND_EL_HEADER, ND_EL_FORM,
	ND_EL_MENU, ND_EL_DIALOG,
	ND_EL_H1, ND_EL_HEADING, /* h2-h6 */
	ND_EL_UL, ND_EL_OL, ND_EL_LI, ND_EL_DL, ND_EL_DT, ND_EL_DD,
	ND_EL_TABLE, ND_EL_TR, ND_EL_TD, ND_EL_TH,
	ND_EL_FIGURE, ND_EL_FIGCAPTION, ND_EL_IMG, ND_EL_INPUT,
	ND_EL_P, ND_EL_PRE, ND_EL_BLOCKQUOTE, ND_EL_A, ND_EL_BR,
	ND_EL_TIME, ND_EL_ADDRESS, ND_EL_NOSCRIPT
};

typedef struct nd_tag {
	unsigned char kind; /* ND_TAG_* */
	unsigned char el;   /* ND_EL_* */
} nd_tag;

/* Kind and identity of the lower-case tag name t (NULL: inline). */
nd_tag nd_html_tag(const char *t);

/* The attributes the extractor and the metadata reader use, read once
 * per element. Pointers into the parsed page; NULL when absent. */
typedef struct nd_html_attrs {
	const char *cls, *id, *role, *style, *itemprop, *aria_hidden;
	const char *content, *property, *name, *type, *datetime; /* metadata */
	const char *rel, *href, *lang; /* <link rel href>, <html lang> */
	bool hidden;
} nd_html_attrs;

/* Whether the lower-case attribute name k[0..klen) is one of those read. */
bool nd_html_attr_wanted(const char *k, size_t klen);
/* The elements some attributes are kept on only: href and rel on <link>
 * (the canonical URL), lang on <html>; every <a> has an href, which would
 * cost its decoding. */
enum { ND_ATTRS_OTHER = 0, ND_ATTRS_LINK, ND_ATTRS_HTML };

/* Whether the attribute named raw[0..n) (any case) of an element of kind
 * home (ND_ATTRS_*) is kept when a page is parsed: one the extractor
 * reads, or one that steers HTML5 tree building (font's in foreign
 * content, annotation-xml's encoding, meta's charset). */
bool nd_html_attr_kept(const char *raw, size_t n, int home);
/* Stores the value v of the lower-case attribute name k[0..klen) in *a
 * when it is one of those read; the first of duplicates counts, as in
 * HTML5. */
void nd_html_attrs_take(nd_html_attrs *a, const char *k, size_t klen,
			const char *v);

/* Furniture verdicts on class, id and role. */
enum {
	ND_FURN_ATTR_NONE = 0,
	ND_FURN_ATTR_WEAK,  /* often furniture, sometimes a wrapper */
	ND_FURN_ATTR_ABOUT, /* byline, date line: not text, but metadata */
	ND_FURN_ATTR_STRONG /* furniture: never article text */
};

/* What the class and id values of one page were judged, remembered so
 * that a value repeated on many elements is judged once. */
typedef struct nd_html_names nd_html_names;

/* Creates an empty cache; returns 0 or ND_ENOMEM. */
int nd_html_names_create(nd_html_names **out);
/* Frees the cache; accepts NULL. */
void nd_html_names_free(nd_html_names *c);
/* Forgets the values of the last page (they point into its tree). */
void nd_html_names_reset(nd_html_names *c);

/* The furniture verdict of an element from its class, id and role; c
 * remembers verdicts on values (NULL: none kept). */
int nd_html_furniture(const nd_html_attrs *a, nd_html_names *c);
/* The content weight of an element from its class and id: -50 to +100. */
int nd_html_weight(const nd_html_attrs *a, nd_html_names *c);
/* Hidden by the hidden attribute, aria-hidden or an inline style. */
bool nd_html_hidden(const nd_html_attrs *a);

#endif
