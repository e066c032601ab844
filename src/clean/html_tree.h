/* html_tree: a parsed page as one array of nodes, parser-independent.
 *
 * Pages are parsed by myhtml (HTML5 tree building, the one in Debian's
 * libmodest), then copied in one iterative pass into an array of nodes
 * linked by parent, first child and next sibling, with each element's
 * kind and the attributes the extractor and the metadata reader use read
 * once. Only elements and text are kept: comments and doctypes are never
 * article text. One nd_html_tree is reused page after page, so its
 * parser, pools and node array are allocated once per batch.
 *
 * myhtml parses about three times as fast as libxml2's tree parser on
 * news pages (measured on the AEB pages: 92 ms against 293 ms for 31.5 MB)
 * and builds the tree the way browsers do. Its tree builder scans the
 * stack of open elements at each tag, which turns quadratic on deeply
 * nested markup; so, as browsers do, start tags beyond ND_HTML_MAX_OPEN
 * open elements are dropped (their text still lands in the deepest
 * element, and the text after them is kept). */
#ifndef ND_CLEAN_HTML_TREE_H
#define ND_CLEAN_HTML_TREE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

#include "clean/html_tags.h"

/* Open elements a page may nest before further start tags are dropped. */
#define ND_HTML_MAX_OPEN 256
/* Text tokens in a row that myhtml may join into one text node (they
 * are joined when what separates them is ignored, a stray end tag say,
 * or when a table sends them before itself, each join copying the whole
 * text so far); later ones are made comments until a text node is made
 * again. */
#define ND_HTML_MAX_JOINS 32
/* Nodes one page may have (news pages have a few thousand). HTML5 tree
 * building re-opens the formatting elements left open at each paragraph,
 * so a few bytes can make hundreds of nodes: past this many, the rest of
 * the page is not built, and the page is refused. */
#define ND_HTML_MAX_NODES (1u << 19)

enum { ND_HNODE_ELEMENT = 1, ND_HNODE_TEXT };

typedef struct nd_hnode nd_hnode;
struct nd_hnode {
	nd_hnode *parent, *children, *next; /* NULL when none */
	const char *name;    /* elements: lower-case tag name */
	const char *content; /* text: decoded, NUL-terminated */
	size_t len;          /* of content */
	void *priv;          /* the extractor's measures; NULL after parse */
	nd_html_attrs at;    /* elements: their attributes */
	nd_tag tag;          /* elements: kind and identity */
	unsigned char type;  /* ND_HNODE_* */
	/* The extractor's verdicts on the element's names, judged once per
	 * page however often it is measured. */
	bool judged;
	signed char furniture; /* ND_FURN_ATTR_* */
	short weight;          /* nd_html_weight */
};

typedef struct nd_html_tree nd_html_tree;

/* Creates a parser and its (empty) tree; 0 or ND_ENOMEM. */
int nd_html_tree_create(nd_html_tree **out);
/* Frees the tree, its nodes and the parser's memory; accepts NULL. */
void nd_html_tree_free(nd_html_tree *t);
/* Parses the UTF-8 page html[0..len) into t, replacing the previous page,
 * and sets *root to its <html> element. Nodes stay valid until the next
 * parse. 0, ND_ENOMEM, ND_ETOOBIG (ND_HTML_MAX_NODES reached) or
 * ND_EEMPTY (no element at all). */
int nd_html_tree_parse(nd_hnode **root, nd_html_tree *t, const char *html,
		       size_t len);
/* Nodes of the last page parsed: an upper bound on its elements. */
size_t nd_html_tree_size(const nd_html_tree *t);

#endif
