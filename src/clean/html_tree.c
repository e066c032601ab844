#include "clean/html_tree.h"

#include <stdint.h> /* uint32_t */
#include <string.h> /* memset, strcmp */

#include <myhtml/myhtml.h>

#include "core/alloc.h"
#include "core/error.h"

/* Past ND_HTML_MAX_JOINS, one text in this many is let through. */
#define JOIN_PROBE 1024

struct nd_html_tree {
	myhtml_t *parser;
	myhtml_tree_t *tree;
	nd_hnode *nodes;
	size_t n, cap;
	const char *page; /* being parsed: token offsets index it */
	size_t page_len;
	size_t built;     /* nodes myhtml inserted into its tree */
	size_t texts;     /* of which text nodes */
	size_t texts_at_text; /* texts when the last text token came */
	size_t joins;     /* text tokens in a row that made no text node */
	/* nd_tag of myhtml's own tag ids, looked up once. */
	nd_tag kinds[MyHTML_TAG_LAST_ENTRY];
	unsigned char known[MyHTML_TAG_LAST_ENTRY];
};

int nd_html_tree_create(nd_html_tree **out)
{
	nd_html_tree *t = nd_calloc(1, sizeof(*t));

	*out = NULL;
	if (t == NULL)
		return ND_ENOMEM;
	t->parser = myhtml_create();
	if (t->parser == NULL ||
	    myhtml_init(t->parser, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) !=
		    MyHTML_STATUS_OK)
		goto fail;
	t->tree = myhtml_tree_create();
	if (t->tree == NULL ||
	    myhtml_tree_init(t->tree, t->parser) != MyHTML_STATUS_OK)
		goto fail;
	*out = t;
	return ND_OK;
fail:
	nd_html_tree_free(t);
	return ND_ENOMEM;
}

void nd_html_tree_free(nd_html_tree *t)
{
	if (t == NULL)
		return;
	if (t->tree)
		myhtml_tree_destroy(t->tree);
	if (t->parser)
		myhtml_destroy(t->parser);
	nd_free(t->nodes);
	nd_free(t);
}

size_t nd_html_tree_size(const nd_html_tree *t)
{
	return t->n;
}

/* Unlinks the attributes of tok nobody reads (href, src, data-*, ...),
 * before myhtml decodes them: a third of a page's bytes after scripts and
 * styles are attribute values. data is the page, offsets index it. */
static void drop_attrs(myhtml_token_node_t *tok, const char *data, size_t len)
{
	myhtml_token_attr_t *a = tok->attr_first, *last = NULL;
	int home = tok->tag_id == MyHTML_TAG_LINK ? ND_ATTRS_LINK :
		   tok->tag_id == MyHTML_TAG_HTML ? ND_ATTRS_HTML :
						    ND_ATTRS_OTHER;

	tok->attr_first = NULL;
	while (a) {
		myhtml_token_attr_t *next = a->next;

		if (a->raw_key_begin + a->raw_key_length <= len &&
		    !nd_html_attr_kept(data + a->raw_key_begin,
				       a->raw_key_length, home)) {
			a = next;
			continue;
		}
		a->prev = last;
		a->next = NULL;
		if (last)
			last->next = a;
		else
			tok->attr_first = a;
		last = a;
		a = next;
	}
	tok->attr_last = last;
}

/* Runs on each token before myhtml decodes it and builds the tree with it.
 * Drops start tags once ND_HTML_MAX_OPEN elements are open: a doctype
 * token is ignored everywhere in a document, so the tag opens nothing and
 * costs nothing. End tags go on, so what follows the deep part lands where
 * it belongs. */
static void *on_token(myhtml_tree_t *tree, myhtml_token_node_t *tok,
		      void *ctx)
{
	nd_html_tree *t = ctx;

	/* Past the node cap every token becomes a comment: one node at
	 * most, never a reason to re-open formatting elements, and its text
	 * is still decoded for the insertion modes that take any token as
	 * text. */
	if (t->built >= ND_HTML_MAX_NODES &&
	    tok->tag_id != MyHTML_TAG__END_OF_FILE) {
		tok->tag_id = MyHTML_TAG__COMMENT;
		tok->type &= ~MyHTML_TOKEN_TYPE_CLOSE;
		tok->attr_first = tok->attr_last = NULL;
		return ctx;
	}
	if (tok->tag_id == MyHTML_TAG__TEXT) {
		/* The last text made no text node: myhtml joined it to one
		 * (or holds it, in a table), copying all. Past a few such
		 * texts in a row, texts are comments, which mostly start a
		 * new text node for the next; the text after the first comment
		 * and one in JOIN_PROBE after it go through, to see. */
		size_t over;

		if (t->texts != t->texts_at_text)
			t->joins = 0;
		else
			t->joins++;
		t->texts_at_text = t->texts;
		over = t->joins > ND_HTML_MAX_JOINS ?
			       t->joins - ND_HTML_MAX_JOINS : 0;
		if (over > 0 && over % JOIN_PROBE != 2)
			tok->tag_id = MyHTML_TAG__COMMENT;
		return ctx;
	}
	/* Custom elements have ids past MyHTML_TAG_LAST_ENTRY. */
	if (tok->tag_id <= MyHTML_TAG__DOCTYPE ||
	    tok->tag_id == MyHTML_TAG__END_OF_FILE ||
	    (tok->type & MyHTML_TOKEN_TYPE_CLOSE))
		return ctx;
	if (tree->open_elements->length >= ND_HTML_MAX_OPEN) {
		tok->tag_id = MyHTML_TAG__DOCTYPE;
		tok->attr_first = tok->attr_last = NULL;
	} else if (tok->attr_first)
		drop_attrs(tok, t->page, t->page_len);
	return ctx;
}

/* Counts the nodes myhtml builds, those of no token included, and the
 * text nodes among them. */
static void on_insert(myhtml_tree_t *tree, myhtml_tree_node_t *node,
		      void *ctx)
{
	nd_html_tree *t = ctx;

	(void)tree;
	t->built++;
	t->texts += node->tag_id == MyHTML_TAG__TEXT;
}

/* The nd_tag of element x, by myhtml's tag id (names looked up once per
 * id; custom elements by name every time). */
static nd_tag kind_of(nd_html_tree *t, myhtml_tag_id_t id, const char *name)
{
	if (id >= MyHTML_TAG_LAST_ENTRY)
		return nd_html_tag(name);
	if (!t->known[id]) {
		t->kinds[id] = nd_html_tag(name);
		t->known[id] = 1;
	}
	return t->kinds[id];
}

/* Kept nodes below (and including) top: elements and text. The walks
 * read myhtml's node links directly (tree.h), as they run over every
 * node of every page. */
static size_t count_nodes(myhtml_tree_node_t *top)
{
	myhtml_tree_node_t *x = top;
	size_t n = 0;

	while (x) {
		myhtml_tree_node_t *c = x->child;

		n++;
		if (c) {
			x = c;
			continue;
		}
		while (x != top && x->next == NULL)
			x = x->parent;
		if (x == top)
			break;
		x = x->next;
	}
	return n;
}

/* Fills node h from myhtml's x; false when x is neither an element nor
 * text (then h is unused). */
static bool copy_node(nd_html_tree *t, nd_hnode *h, myhtml_tree_node_t *x)
{
	myhtml_tag_id_t id = x->tag_id;
	myhtml_tree_attr_t *a;
	size_t len;

	memset(h, 0, sizeof(*h));
	if (id == MyHTML_TAG__TEXT) {
		h->type = ND_HNODE_TEXT;
		h->content = myhtml_node_text(x, &h->len);
		if (h->content == NULL) {
			h->content = "";
			h->len = 0;
		}
		return true;
	}
	if (id == MyHTML_TAG__COMMENT || id == MyHTML_TAG__DOCTYPE ||
	    id == MyHTML_TAG__UNDEF || id == MyHTML_TAG__END_OF_FILE)
		return false;
	h->type = ND_HNODE_ELEMENT;
	h->name = myhtml_tag_name_by_id(t->tree, id, &len);
	if (h->name == NULL)
		h->name = "";
	h->tag = kind_of(t, id, h->name);
	for (a = myhtml_node_attribute_first(x); a;
	     a = myhtml_attribute_next(a)) {
		size_t klen, vlen;
		const char *k = myhtml_attribute_key(a, &klen);
		const char *v = myhtml_attribute_value(a, &vlen);

		if (k)
			nd_html_attrs_take(&h->at, k, klen, v);
	}
	return true;
}

/* Copies the tree below myhtml's top into t->nodes, in document order,
 * without recursion; returns the copy of top. */
static nd_hnode *copy_tree(nd_html_tree *t, myhtml_tree_node_t *top)
{
	myhtml_tree_node_t *x = top;
	nd_hnode *parent = NULL, *prev = NULL, *h = NULL;

	while (x) {
		myhtml_tree_node_t *c;
		bool kept = copy_node(t, &t->nodes[t->n], x);

		c = kept ? x->child : NULL;
		if (kept) {
			h = &t->nodes[t->n++];
			h->parent = parent;
			if (prev)
				prev->next = h;
			else if (parent)
				parent->children = h;
			prev = h;
		}
		if (c) {
			x = c;
			parent = h;
			prev = NULL;
			continue;
		}
		while (x != top && x->next == NULL) {
			x = x->parent;
			prev = parent;
			parent = parent ? parent->parent : NULL;
		}
		if (x == top)
			break;
		x = x->next;
	}
	return t->n ? &t->nodes[0] : NULL;
}

int nd_html_tree_parse(nd_hnode **root, nd_html_tree *t, const char *html,
		       size_t len)
{
	myhtml_tree_node_t *top;
	size_t n;

	*root = NULL;
	t->n = 0;
	myhtml_tree_clean(t->tree);
	t->page = html ? html : "";
	t->page_len = len;
	t->built = 0;
	t->texts = 0;
	t->texts_at_text = (size_t)-1;
	t->joins = 0;
	myhtml_callback_before_token_done_set(t->tree, on_token, t);
	myhtml_callback_tree_node_insert_set(t->tree, on_insert, t);
	if (myhtml_parse_single(t->tree, MyENCODING_UTF_8, t->page, len) !=
	    MyHTML_STATUS_OK)
		return ND_ENOMEM;
	if (t->built >= ND_HTML_MAX_NODES)
		return ND_ETOOBIG;
	top = myhtml_tree_get_node_html(t->tree);
	if (top == NULL)
		return ND_EEMPTY;
	n = count_nodes(top);
	if (n > ND_HTML_MAX_NODES)
		return ND_ETOOBIG;
	if (nd_array_reserve((void **)&t->nodes, &t->cap, n,
			     sizeof(*t->nodes)) != ND_OK)
		return ND_ENOMEM;
	*root = copy_tree(t, top);
	return *root ? ND_OK : ND_EEMPTY;
}
