/* html_meta: what a page says about itself in its markup.
 *
 * Title (og:title, twitter:title, JSON-LD headline, <title>), site name,
 * publication date (article:published_time, og:published_time,
 * itemprop=datePublished, JSON-LD datePublished, <time datetime>, date
 * meta names), author (meta author, JSON-LD author name), the canonical
 * URL (<link rel=canonical>, og:url) and the page's language (<html
 * lang>). Values are copied, truncated to fixed caps, as found. */
#ifndef ND_CLEAN_HTML_META_H
#define ND_CLEAN_HTML_META_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */


#include "clean/clean_internal.h" /* caps */
#include "clean/html_tree.h"      /* nd_hnode */

typedef struct nd_html_meta {
	char title[ND_CLEAN_TITLE_MAX];     /* og:title and the like */
	char doc_title[ND_CLEAN_TITLE_MAX]; /* <title> */
	char site[ND_CLEAN_META_MAX];       /* og:site_name */
	char published[ND_CLEAN_META_MAX];
	char author[ND_CLEAN_META_MAX];
	char url[ND_CLEAN_META_MAX];        /* canonical, else og:url */
	char lang[16];                      /* <html lang> */
	int title_rank;                     /* lower is better; 0: none */
	int published_rank;
	int author_rank;
	int url_rank;
} nd_html_meta;

void nd_html_meta_init(nd_html_meta *m);
/* Takes whatever metadata the element n carries (meta, title, time,
 * JSON-LD script, itemprop). Inside page furniture (in_furniture) only
 * head-style tags count: a <time> in a teaser dates another story. */
void nd_html_meta_element(nd_html_meta *m, const nd_hnode *n,
			  bool in_furniture);
/* The page title into out (cap outsize): the markup title, else h1
 * (h1 may be NULL), else <title>; a " | Site" or " - Site" suffix is
 * removed. Returns its length. */
size_t nd_html_meta_title(const nd_html_meta *m, const char *h1,
			  char *out, size_t outsize);
/* Concatenated text below n, bounded by outsize and a depth cap. Returns
 * its length. */
size_t nd_html_text(const nd_hnode *n, char *out, size_t outsize);

#endif
