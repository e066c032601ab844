/* nd_clean_html: libxml2's forgiving HTML parser, then the article's
 * blocks as lines for the shared classifier.
 *
 * Two walks over the tree, both iterative (parent pointers, no recursion)
 * and capped at HTML_MAX_DEPTH: the first measures text per element and
 * gathers metadata, the second emits the lines of the chosen content root.
 * Per-element measurements hang off xmlNode._private for the duration. */
#include "clean/clean.h"

#include <limits.h>  /* INT_MAX */
#include <stdbool.h> /* bool */
#include <stdint.h>  /* uintptr_t */
#include <string.h>  /* strlen, strcmp */
#include <strings.h> /* strcasecmp */

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "clean/clean_internal.h"
#include "clean/clean_lines.h"
#include "clean/html_meta.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"

#define HTML_MAX_DEPTH 512
/* Candidates remembered for the content root, per kind. */
#define CAND_MAX 16

/* ---- Elements ---- */

enum {
	T_INLINE = 0,
	T_BLOCK,
	T_PARA,   /* p: paragraph text for the density measure */
	T_BR,
	T_LINK,   /* a */
	T_HARD,   /* never text: script, style, form controls, media */
	T_STRONG, /* page furniture by name: nav, footer, aside */
	T_WEAK    /* often furniture, sometimes a wrapper: form, header */
};

static int tag_kind(const char *t)
{
	static const char *const hard[] = {
		"script", "style", "noscript", "template", "iframe", "svg",
		"math", "button", "select", "option", "textarea", "input",
		"object", "embed", "canvas", "audio", "video", "map",
		"datalist", "link", "meta", "head", "title", "picture",
		"source", "track", "optgroup",
	};
	static const char *const block[] = {
		"div", "section", "article", "main", "h1", "h2", "h3", "h4",
		"h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
		"pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
		"figure", "figcaption", "address", "center", "details",
		"summary", "hr", "fieldset", "legend", "caption", "body",
		"html", "hgroup",
	};
	size_t i;

	if (t == NULL)
		return T_INLINE;
	if (strcmp(t, "p") == 0)
		return T_PARA;
	if (strcmp(t, "a") == 0)
		return T_LINK;
	if (strcmp(t, "br") == 0)
		return T_BR;
	if (strcmp(t, "nav") == 0 || strcmp(t, "footer") == 0 ||
	    strcmp(t, "aside") == 0)
		return T_STRONG;
	if (strcmp(t, "form") == 0 || strcmp(t, "header") == 0 ||
	    strcmp(t, "dialog") == 0 || strcmp(t, "menu") == 0)
		return T_WEAK;
	for (i = 0; i < sizeof(hard) / sizeof(hard[0]); i++) {
		if (strcmp(t, hard[i]) == 0)
			return T_HARD;
	}
	for (i = 0; i < sizeof(block) / sizeof(block[0]); i++) {
		if (strcmp(t, block[i]) == 0)
			return T_BLOCK;
	}
	return T_INLINE;
}

static bool blockish(int k)
{
	return k == T_BLOCK || k == T_PARA || k == T_STRONG || k == T_WEAK;
}

/* Class and id tokens of page furniture. Prefix matches: "nav" covers
 * "navbar", "comment" covers "comments". */
static const char *const strong_prefixes[] = {
	"comment", "cookie", "consent", "gdpr", "newsletter", "subscribe",
	"subscription", "share", "sharing", "social", "related", "recirc",
	"outbrain", "taboola", "advert", "sponsor", "promo", "breadcrumb",
	"paywall", "signup", "login", "disqus", "readalso", "nav", "footer",
};
static const char *const weak_prefixes[] = {
	"menu", "sidebar", "banner", "popup", "modal", "overlay", "widget",
	"masthead", "toolbar",
};
/* Whole dash-separated parts only: "ad" in "top-ad", not in "add". */
static const char *const strong_parts[] = {
	"ad", "ads", "adv", "tags", "tag", "also", "rail", "aside",
};
/* Whole tokens only: "hidden", but not "hidden-xs". */
static const char *const strong_tokens[] = {
	"hidden", "hide", "print-only", "sr-only", "visually-hidden",
};
/* Never furniture although a prefix matches. */
static const char *const keep_tokens[] = {
	"commentary", "navigable", "menus-article", "shared-content",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Verdict on one dash-separated part p[0..n) of a class or id token. */
static int part_verdict(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < COUNT(strong_prefixes); i++) {
		size_t sl = strlen(strong_prefixes[i]);

		if (sl <= n && memcmp(p, strong_prefixes[i], sl) == 0)
			return 2;
	}
	for (i = 0; i < COUNT(strong_parts); i++) {
		if (strlen(strong_parts[i]) == n &&
		    memcmp(p, strong_parts[i], n) == 0)
			return 2;
	}
	for (i = 0; i < COUNT(weak_prefixes); i++) {
		size_t sl = strlen(weak_prefixes[i]);

		if (sl <= n && memcmp(p, weak_prefixes[i], sl) == 0)
			return 1;
	}
	return 0;
}

/* Verdict on one lower-cased token such as "article-comments". */
static int token_verdict(const char *tok)
{
	const char *part = tok;
	int verdict = 0;
	size_t i;

	for (i = 0; i < COUNT(keep_tokens); i++) {
		if (strcmp(tok, keep_tokens[i]) == 0)
			return 0;
	}
	for (i = 0; i < COUNT(strong_tokens); i++) {
		if (strcmp(tok, strong_tokens[i]) == 0)
			return 2;
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

/* 2 for strong furniture, 1 for weak, 0 for none, judging one class or id
 * value (tokens split at blanks and underscores). */
static int furniture_attr(const char *v)
{
	int verdict = 0;

	while (v && *v && verdict < 2) {
		char tok[48];
		size_t n = 0;
		int t;

		while (*v && !((*v | 0x20) >= 'a' && (*v | 0x20) <= 'z') &&
		       !(*v >= '0' && *v <= '9'))
			v++;
		while (*v && *v != ' ' && *v != '\t' && *v != '\n' &&
		       *v != '\r' && *v != '_') {
			if (n + 1 < sizeof(tok))
				tok[n++] = (char)((*v >= 'A' && *v <= 'Z') ?
							  *v + 32 : *v);
			v++;
		}
		tok[n] = '\0';
		t = n ? token_verdict(tok) : 0;
		if (t > verdict)
			verdict = t;
	}
	return verdict;
}

static int furniture_role(const char *r)
{
	static const char *const roles[] = {
		"navigation", "banner", "contentinfo", "complementary",
		"search", "dialog", "alertdialog", "menu", "menubar",
		"toolbar",
	};
	size_t i;

	if (r == NULL)
		return 0;
	for (i = 0; i < COUNT(roles); i++) {
		if (strcasecmp(r, roles[i]) == 0)
			return 2;
	}
	return 0;
}

static bool hidden(const xmlNode *n)
{
	const char *v;

	if (nd_html_attr(n, "hidden"))
		return true;
	v = nd_html_attr(n, "aria-hidden");
	if (v && strcasecmp(v, "true") == 0)
		return true;
	v = nd_html_attr(n, "style");
	return v && (strstr(v, "display:none") || strstr(v, "display: none") ||
		     strstr(v, "visibility:hidden") ||
		     strstr(v, "visibility: hidden"));
}

/* ---- Walking ---- */

/* enter returns whether to go below n (then leave is called after its
 * subtree); nodes other than elements are never entered. */
typedef bool (*enter_fn)(void *ud, xmlNode *n);
typedef void (*leave_fn)(void *ud, xmlNode *n);

static void walk(xmlNode *top, enter_fn enter, leave_fn leave, void *ud)
{
	xmlNode *n = top;
	size_t depth = 0;

	while (n) {
		bool go = enter(ud, n);

		if (go && n->children && depth < HTML_MAX_DEPTH) {
			n = n->children;
			depth++;
			continue;
		}
		if (go)
			leave(ud, n);
		while (n != top && n->next == NULL) {
			n = n->parent;
			depth--;
			leave(ud, n);
		}
		if (n == top)
			break;
		n = n->next;
	}
}

static size_t letters_in(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC0)
			n++;
	}
	return n;
}

/* ---- First walk: measure and gather ---- */

enum {
	H_BOILER = 1u << 0, /* furniture: not text, not measured upwards */
	H_WEAK = 1u << 1    /* furniture that may turn out a wrapper */
};

typedef struct hinfo {
	size_t inl;     /* inline letters directly here, links left out */
	size_t ptext;   /* paragraph letters below */
	size_t pdirect; /* paragraph letters of direct children */
	unsigned flags;
	int kind;
} hinfo;

typedef struct cand {
	xmlNode *v[CAND_MAX];
	size_t n;
} cand;

typedef struct measure {
	nd_arena *scratch;
	nd_html_meta *meta;
	xmlNode **boilers; /* furniture elements in document order */
	size_t n_boilers, cap_boilers;
	xmlNode *h1;
	size_t in_strong; /* strong furniture elements open around */
	cand body_prop, article, main;
	xmlNode *dense[8]; /* most paragraph text directly inside */
	int rc;
} measure;

static hinfo *info(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ? (hinfo *)n->_private : NULL;
}

static void cand_add(cand *c, xmlNode *n)
{
	if (c->n < CAND_MAX)
		c->v[c->n++] = n;
}

static bool m_enter(void *ud, xmlNode *n)
{
	measure *m = ud;
	const char *name = (const char *)n->name;
	hinfo *h, *p;
	int kind, f;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		p = info(n->parent);
		if (p && n->content) {
			size_t k = letters_in((const char *)n->content);

			p->inl += k;
		}
		return false;
	}
	if (n->type != XML_ELEMENT_NODE || name == NULL || m->rc)
		return false;
	nd_html_meta_element(m->meta, n, m->in_strong > 0);
	kind = tag_kind(name);
	if (kind == T_HARD && strcmp(name, "head") != 0)
		return false;
	h = nd_arena_calloc(m->scratch, 1, sizeof(*h));
	if (h == NULL) {
		m->rc = ND_ENOMEM;
		return false;
	}
	h->kind = kind;
	n->_private = h;
	if (kind == T_HARD) { /* head: read its metadata, measure nothing */
		h->flags = H_BOILER;
		m->in_strong++;
		return true;
	}
	f = kind == T_STRONG ? 2 : kind == T_WEAK ? 1 : 0;
	if (strcmp(name, "html") != 0 && strcmp(name, "body") != 0) {
		int a = furniture_attr(nd_html_attr(n, "class"));
		int b = furniture_attr(nd_html_attr(n, "id"));
		int r = furniture_role(nd_html_attr(n, "role"));

		if (a > f)
			f = a;
		if (b > f)
			f = b;
		if (r > f)
			f = r;
		if (hidden(n))
			f = 1 > f ? 1 : f;
	}
	if (f) {
		h->flags |= H_BOILER | (f == 1 ? H_WEAK : 0);
		if (ND_ARRAY_PUSH(m->boilers, m->n_boilers, m->cap_boilers, n))
			m->rc = ND_ENOMEM;
		m->in_strong += f == 2;
	}
	if (strcmp(name, "h1") == 0 && m->h1 == NULL && m->in_strong == 0)
		m->h1 = n;
	{
		const char *ip = nd_html_attr(n, "itemprop");
		const char *role = nd_html_attr(n, "role");

		if (ip && strcasecmp(ip, "articleBody") == 0)
			cand_add(&m->body_prop, n);
		if (strcmp(name, "article") == 0)
			cand_add(&m->article, n);
		if (strcmp(name, "main") == 0 ||
		    (role && strcasecmp(role, "main") == 0))
			cand_add(&m->main, n);
	}
	return true;
}

static void dense_add(measure *m, xmlNode *n)
{
	size_t i, k = sizeof(m->dense) / sizeof(m->dense[0]);
	hinfo *h = info(n);

	if (h->pdirect == 0)
		return;
	for (i = 0; i < k; i++) {
		if (m->dense[i] == NULL ||
		    info(m->dense[i])->pdirect < h->pdirect)
			break;
	}
	if (i == k)
		return;
	memmove(&m->dense[i + 1], &m->dense[i],
		(k - i - 1) * sizeof(m->dense[0]));
	m->dense[i] = n;
}

static void m_leave(void *ud, xmlNode *n)
{
	measure *m = ud;
	hinfo *h = info(n), *p = info(n->parent);

	if (h == NULL)
		return;
	if ((h->flags & H_BOILER) && !(h->flags & H_WEAK))
		m->in_strong--;
	if (h->kind == T_LINK)
		h->inl = 0;
	if (h->kind == T_PARA) {
		h->ptext += h->inl;
		if (p)
			p->pdirect += h->inl;
	} else if (h->kind != T_INLINE && h->kind != T_LINK) {
		h->pdirect += h->inl;
		h->ptext += h->inl;
	}
	dense_add(m, n);
	if (p == NULL || (h->flags & H_BOILER))
		return;
	p->ptext += h->ptext;
	if (h->kind == T_INLINE || h->kind == T_LINK)
		p->inl += h->inl;
}

/* Adds n's measures to its ancestors, up to the first furniture one. */
static void propagate(xmlNode *n)
{
	hinfo *h = info(n), *a;
	xmlNode *x;

	for (x = n->parent; (a = info(x)) != NULL; x = x->parent) {
		a->ptext += h->ptext;
		if (a->flags & H_BOILER)
			break;
	}
}

static bool inside_furniture(const xmlNode *n)
{
	const xmlNode *x;

	for (x = n; x; x = x->parent) {
		const hinfo *h = info(x);

		if (h && (h->flags & H_BOILER))
			return true;
	}
	return false;
}

/* Weak furniture holding most of the page's paragraph text is a wrapper
 * ("layout-with-sidebar"), and the header holding the h1 is the
 * article's. */
static void settle(measure *m, xmlNode *body)
{
	size_t i;
	xmlNode *x;

	for (i = 0; i < m->n_boilers; i++) {
		xmlNode *n = m->boilers[i];
		hinfo *h = info(n), *b = info(body);

		if (!(h->flags & H_WEAK) || b == NULL || n == body)
			continue;
		if (h->ptext > 0 && h->ptext > b->ptext) {
			h->flags &= ~(unsigned)(H_BOILER | H_WEAK);
			propagate(n);
		}
	}
	if (m->h1 == NULL)
		return;
	for (x = m->h1; x; x = x->parent) {
		hinfo *h = info(x);

		if (h && (h->flags & H_BOILER) && !(h->flags & H_WEAK))
			return; /* an h1 in furniture is not the article's */
	}
	for (x = m->h1; x; x = x->parent) {
		hinfo *h = info(x);

		if (h)
			h->flags &= ~(unsigned)(H_BOILER | H_WEAK);
	}
}

static bool is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n; n = n->parent) {
		if (n == a)
			return true;
	}
	return false;
}

static xmlNode *best_of(const cand *c)
{
	xmlNode *best = NULL;
	size_t i;

	for (i = 0; i < c->n; i++) {
		hinfo *h = info(c->v[i]);

		if (h == NULL || inside_furniture(c->v[i]))
			continue;
		if (best == NULL || h->ptext > info(best)->ptext)
			best = c->v[i];
	}
	return best;
}

/* The element holding the article: an articleBody, <article> or <main>
 * when they hold a fair share of the text, else the block with the most
 * paragraph text directly inside, else the body. */
static xmlNode *content_root(measure *m, xmlNode *body)
{
	xmlNode *sem = best_of(&m->body_prop), *dense = NULL;
	size_t i;

	if (sem == NULL || info(sem)->ptext == 0)
		sem = best_of(&m->article);
	if (sem == NULL || info(sem)->ptext == 0)
		sem = best_of(&m->main);
	for (i = 0; i < sizeof(m->dense) / sizeof(m->dense[0]); i++) {
		if (m->dense[i] && !inside_furniture(m->dense[i])) {
			dense = m->dense[i];
			break;
		}
	}
	if (sem && info(sem)->ptext > 0 &&
	    (dense == NULL || is_ancestor(sem, dense) ||
	     info(sem)->ptext * 2 >= info(dense)->pdirect))
		return sem;
	if (dense && info(dense)->pdirect >= 200)
		return dense;
	return body;
}

/* ---- Second walk: lines ---- */

typedef struct emit {
	nd_clines *lines;
	nd_buf line;
	size_t letters, link_letters;
	unsigned in_caption, in_heading, in_item, in_pre, in_link;
	int rc;
} emit;

static void flush(emit *e)
{
	unsigned hints = 0;

	if (e->line.len > 0 && e->rc == ND_OK) {
		if (e->in_caption)
			hints |= ND_CL_CAPTION;
		if (e->in_heading)
			hints |= ND_CL_HEADING;
		if (e->in_item)
			hints |= ND_CL_ITEM;
		if (e->letters > 0 && e->link_letters * 2 > e->letters)
			hints |= ND_CL_LINKY;
		e->rc = nd_clines_add(e->lines, e->line.ptr, e->line.len,
				      hints);
	}
	nd_buf_clear(&e->line);
	e->letters = 0;
	e->link_letters = 0;
}

static void text(emit *e, const char *s)
{
	size_t k = letters_in(s);

	e->letters += k;
	if (e->in_link)
		e->link_letters += k;
	if (!e->in_pre) {
		if (e->rc == ND_OK)
			e->rc = nd_buf_puts(&e->line, s);
		return;
	}
	while (*s && e->rc == ND_OK) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		e->rc = nd_buf_put(&e->line, s, n);
		if (nl == NULL)
			break;
		flush(e);
		s = nl + 1;
	}
}

static bool is_heading(const char *t)
{
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0';
}

static void counters(emit *e, const char *t, int d)
{
	if (strcmp(t, "figcaption") == 0)
		e->in_caption += (unsigned)d;
	else if (is_heading(t))
		e->in_heading += (unsigned)d;
	else if (strcmp(t, "li") == 0 || strcmp(t, "dt") == 0 ||
		 strcmp(t, "dd") == 0)
		e->in_item += (unsigned)d;
	else if (strcmp(t, "pre") == 0)
		e->in_pre += (unsigned)d;
}

static bool e_enter(void *ud, xmlNode *n)
{
	emit *e = ud;
	hinfo *h;

	if (e->rc)
		return false;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			text(e, (const char *)n->content);
		return false;
	}
	if (n->type != XML_ELEMENT_NODE)
		return false;
	h = info(n);
	if (h == NULL || h->kind == T_HARD || (h->flags & H_BOILER)) {
		if (h && blockish(h->kind))
			flush(e);
		return false;
	}
	if (h->kind == T_BR) {
		flush(e);
		return false;
	}
	if (blockish(h->kind))
		flush(e);
	if (h->kind == T_LINK)
		e->in_link++;
	counters(e, (const char *)n->name, 1);
	return true;
}

static void e_leave(void *ud, xmlNode *n)
{
	emit *e = ud;
	hinfo *h = info(n);

	if (h == NULL)
		return;
	if (blockish(h->kind))
		flush(e);
	if (h->kind == T_LINK && e->in_link)
		e->in_link--;
	counters(e, (const char *)n->name, -1);
}

/* ---- The reader ---- */

static xmlNode *find_body(xmlNode *root)
{
	xmlNode *c;

	for (c = root ? root->children : NULL; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && c->name &&
		    strcmp((const char *)c->name, "body") == 0)
			return c;
	}
	return root;
}

int nd_clean_html(nd_clean_article *out, nd_arena *arena, const char *title,
		  const char *html, size_t len, nd_err *err)
{
	htmlDocPtr doc = NULL;
	nd_arena *scratch = NULL;
	nd_html_meta *meta = NULL;
	measure m;
	emit e;
	nd_clines lines;
	nd_clean_hints hints;
	char *h1 = NULL, *page_title = NULL;
	xmlNode *root, *body, *content;
	size_t max = 0;
	int rc = ND_OK;

	memset(&m, 0, sizeof(m));
	memset(&e, 0, sizeof(e));
	memset(&hints, 0, sizeof(hints));
	nd_clines_init(&lines, 0);
	nd_buf_init(&e.line, 0);
	if (out == NULL || arena == NULL || (html == NULL && len > 0))
		return nd_err_set(err, ND_EINVAL, "clean: invalid argument");
	nd_clean_reset(out);
	if (len > INT_MAX || nd_mul_overflow(len, 3, &max) ||
	    nd_add_overflow(max, 64, &max))
		return nd_err_set(err, ND_ETOOBIG, "HTML page too big");
	if (len == 0)
		return nd_err_set(err, ND_EEMPTY,
				  "no article text left after cleaning");
	doc = htmlReadMemory(html, (int)len, NULL, "UTF-8",
			     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
				     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
				     HTML_PARSE_COMPACT);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root == NULL) {
		rc = nd_err_set(err, ND_EEMPTY,
				"no article text left after cleaning");
		goto done;
	}
	meta = nd_malloc(sizeof(*meta));
	h1 = nd_malloc(ND_CLEAN_TITLE_MAX);
	page_title = nd_malloc(ND_CLEAN_TITLE_MAX);
	if (meta == NULL || h1 == NULL || page_title == NULL ||
	    nd_arena_create(&scratch) != ND_OK) {
		rc = nd_err_set(err, ND_ENOMEM, "cleaning HTML: out of memory");
		goto done;
	}
	nd_html_meta_init(meta);
	m.scratch = scratch;
	m.meta = meta;
	walk(root, m_enter, m_leave, &m);
	if (m.rc != ND_OK) {
		rc = nd_err_set(err, m.rc, "cleaning HTML: %s",
				nd_strerror(m.rc));
		goto done;
	}
	body = find_body(root);
	settle(&m, body);
	content = content_root(&m, body);

	nd_clines_init(&lines, max);
	nd_buf_init(&e.line, max);
	e.lines = &lines;
	walk(content, e_enter, e_leave, &e);
	flush(&e);
	if (e.rc != ND_OK) {
		rc = nd_err_set(err, e.rc, "cleaning HTML: %s",
				nd_strerror(e.rc));
		goto done;
	}

	h1[0] = '\0';
	if (m.h1 && !inside_furniture(m.h1))
		nd_html_text(m.h1, h1, ND_CLEAN_TITLE_MAX);
	if (title && title[0]) {
		hints.title = title;
		hints.title_len = strlen(title);
	} else {
		hints.title_len = nd_html_meta_title(meta, h1, page_title,
						     ND_CLEAN_TITLE_MAX);
		hints.title = page_title;
	}
	hints.published = meta->published;
	hints.published_len = strlen(meta->published);
	hints.byline = meta->author;
	hints.byline_len = strlen(meta->author);
	hints.html = 1;
	rc = nd_clean_finish(out, arena, &lines, &hints, err);
done:
	/* The _private pointers into scratch die with the tree. */
	if (doc)
		xmlFreeDoc(doc);
	nd_arena_free(scratch);
	nd_free(meta);
	nd_free(h1);
	nd_free(page_title);
	nd_free(m.boilers);
	nd_buf_dispose(&e.line);
	nd_clines_dispose(&lines);
	return rc;
}
