/* nd_clean_html: the page parsed as browsers do (html_tree.h), then the
 * article's blocks as lines for the shared classifier.
 *
 * Two walks over the tree, both iterative (parent pointers, no recursion)
 * and capped at HTML_MAX_DEPTH. The first measures every element (letters,
 * letters in links, commas, paragraphs below) and gathers metadata; each
 * paragraph of prose adds a score to its nearest ancestors, so the element
 * holding most of the article's paragraphs scores highest (the idea of
 * Arc90's Readability). The chosen element, with those of its siblings
 * that score alike, is then walked again to emit its blocks as lines,
 * leaving out furniture inside it: link lists, share bars, teasers. The
 * per-element measures hang off nd_hnode.priv for the duration. */
#include "clean/clean.h"

#include <limits.h>  /* INT_MAX */
#include <stdbool.h> /* bool */
#include <stdint.h>  /* uint32_t */
#include <string.h>  /* memchr, memset, strlen, strcmp */
#include <strings.h> /* strcasecmp */

#include "clean/clean_internal.h"
#include "clean/clean_lines.h"
#include "clean/html_meta.h"
#include "clean/html_strip.h"
#include "clean/html_tags.h"
#include "clean/html_tree.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"

#define HTML_MAX_DEPTH 512
/* Letters a block needs directly inside to count as a paragraph. */
#define PARA_MIN 25
/* Levels above the top candidate where the article may widen to. */
#define WIDEN_LEVELS 6
/* Levels above the article where a lede of its own is looked for. */
#define LEDE_LEVELS 4
/* Letters of a heading long enough to be a lede. */
#define LEDE_MIN 150
/* Ancestors a paragraph's score reaches. */
#define SCORE_LEVELS 5
/* Best candidates compared when deciding between one and their
 * ancestor. */
#define TOP_N 5

/* ---- Walking ---- */

/* enter returns whether to go below n (then leave is called after its
 * subtree); nodes other than elements are never entered. */
typedef bool (*enter_fn)(void *ud, nd_hnode *n);
typedef void (*leave_fn)(void *ud, nd_hnode *n);

static void walk(nd_hnode *top, enter_fn enter, leave_fn leave, void *ud)
{
	nd_hnode *n = top;
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

/* Letters and digits in s[0..len) (a multi-byte character counts once,
 * by its lead byte), and the commas. Only ASCII commas count: the lead
 * byte of a CJK or Arabic comma (EF, E3, D8) counts as a letter, as it
 * always has here, so their scores stay what they were. Branch-free, so
 * the compiler does several bytes at once. */
static size_t letters_in(const char *s, size_t len, size_t *commas)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, c = 0, i;

	for (i = 0; i < len; i++) {
		unsigned b = p[i];

		n += ((b | 0x20) - 'a' < 26u) | (b - '0' < 10u) | (b >= 0xC0);
		c += b == ',';
	}
	*commas += c;
	return n;
}

/* ---- First walk: measure and gather ---- */

enum {
	H_GONE = 1u << 0,  /* never text: hard, hidden or strong furniture */
	H_WEAK = 1u << 1,  /* furniture that may turn out a wrapper */
	H_CAND = 1u << 2,  /* has a content score */
	H_TAKEN = 1u << 3, /* chosen as (part of) the content */
	H_TEASER = 1u << 4 /* furniture whose dates are other stories' */
};

typedef struct hinfo {
	uint32_t text;    /* letters below */
	uint32_t link;    /* of which in links */
	uint32_t direct;  /* letters of the inline text of this block */
	uint32_t dlink;   /* of which in links */
	uint32_t commas;  /* below */
	uint32_t dcommas; /* in the inline text */
	uint32_t paras;   /* paragraphs below, this block included */
	uint32_t prose;   /* letters of those paragraphs but headings, items */
	uint32_t imgs;
	uint32_t inputs;
	float score;      /* content score gathered from paragraphs */
	float final;      /* score weighed by tag, class and links */
	int weight;       /* class and id weight */
	nd_tag tag;
	unsigned flags;
} hinfo;

typedef struct measure {
	hinfo *infos;     /* one per element entered, reused page by page */
	nd_html_names *names; /* verdicts on class and id values */
	size_t n_infos, cap_infos;
	nd_html_meta *meta;
	nd_hnode **cands;  /* elements with a content score */
	size_t n_cands, cap_cands;
	nd_hnode *h1;
	size_t gone;      /* furniture elements open around */
	size_t teasers;   /* of which H_TEASER */
	size_t gone_prose; /* paragraph letters inside furniture */
	int lax;          /* 1: class and id names make no furniture, 2:
			   * nor do nav, aside and footer; noscript is read */
	bool meta_done;   /* metadata gathered already */
	int rc;
} measure;

static hinfo *info(const nd_hnode *n)
{
	return n && n->type == ND_HNODE_ELEMENT ? (hinfo *)n->priv : NULL;
}

static bool m_enter(void *ud, nd_hnode *n)
{
	measure *m = ud;
	const nd_html_attrs *at = &n->at;
	hinfo *h, *p;
	int f;

	if (n->type == ND_HNODE_TEXT) {
		p = info(n->parent);
		if (p && m->gone > 0 && p->tag.el == ND_EL_P) {
			size_t commas = 0;

			m->gone_prose += letters_in(n->content, n->len,
						    &commas);
		}
		if (p && m->gone == 0) {
			size_t commas = 0;
			size_t k = letters_in(n->content, n->len, &commas);

			p->direct += (uint32_t)k;
			p->text += (uint32_t)k;
			p->dcommas += (uint32_t)commas;
			p->commas += (uint32_t)commas;
		}
		return false;
	}
	if (n->type != ND_HNODE_ELEMENT || m->rc)
		return false;
	if (!m->meta_done)
		nd_html_meta_element(m->meta, n, m->teasers > 0);
	/* The pool holds one per element of the page: never full here. */
	h = &m->infos[m->n_infos++];
	memset(h, 0, sizeof(*h));
	n->priv = h;
	h->tag = n->tag;
	/* Some pages write the article for readers without scripts only:
	 * its prose counts as hidden, and the last measure reads it. */
	if (h->tag.el == ND_EL_NOSCRIPT && m->lax >= 2)
		h->tag = (nd_tag){ ND_TAG_BLOCK, ND_EL_DIV };
	if (h->tag.kind == ND_TAG_HARD) {
		h->flags = H_GONE;
		if (h->tag.el != ND_EL_HEAD && h->tag.el != ND_EL_NOSCRIPT)
			return false;
		m->gone++; /* the head for its metadata, noscript for prose */
		return true;
	}
	if (h->tag.kind == ND_TAG_MEDIA) {
		if ((p = info(n->parent)) != NULL)
			p->imgs++;
		h->flags = H_GONE;
		m->gone++;
		return true;
	}
	if (h->tag.kind == ND_TAG_VOID) {
		/* Hidden inputs carry tokens, not a form anyone fills. */
		h->inputs = h->tag.el == ND_EL_INPUT &&
			    !(at->type && strcasecmp(at->type, "hidden") == 0);
		h->imgs = h->tag.el == ND_EL_IMG;
		return true;
	}
	if (h->tag.el == ND_EL_HTML || h->tag.el == ND_EL_BODY)
		return true;
	if (!n->judged) {
		n->furniture = (signed char)nd_html_furniture(at, m->names);
		n->weight = (short)nd_html_weight(at, m->names);
		n->judged = true;
	}
	f = m->lax ? ND_FURN_ATTR_NONE : n->furniture;
	if ((h->tag.el == ND_EL_NAV || h->tag.el == ND_EL_ASIDE ||
	     h->tag.el == ND_EL_FOOTER) && m->lax < 2)
		f = ND_FURN_ATTR_STRONG;
	else if ((h->tag.el == ND_EL_FORM || h->tag.el == ND_EL_HEADER ||
		  h->tag.el == ND_EL_MENU || h->tag.el == ND_EL_DIALOG) &&
		 f < ND_FURN_ATTR_WEAK)
		f = ND_FURN_ATTR_WEAK;
	if (f >= ND_FURN_ATTR_ABOUT || nd_html_hidden(at)) {
		h->flags = H_GONE | (f == ND_FURN_ATTR_ABOUT ? 0 : H_TEASER);
		m->gone++;
		m->teasers += f != ND_FURN_ATTR_ABOUT;
		return true;
	}
	if (f == ND_FURN_ATTR_WEAK)
		h->flags = H_WEAK;
	h->weight = n->weight;
	if (h->tag.el == ND_EL_H1 && m->h1 == NULL && m->gone == 0)
		m->h1 = n;
	return true;
}

/* Readability's head start by tag: containers of prose up, lists and
 * headings down. */
static int tag_bonus(int el)
{
	switch (el) {
	case ND_EL_DIV: case ND_EL_ARTICLE: case ND_EL_MAIN:
	case ND_EL_SECTION:
		return 5;
	case ND_EL_PRE: case ND_EL_TD: case ND_EL_BLOCKQUOTE:
		return 3;
	case ND_EL_ADDRESS: case ND_EL_OL: case ND_EL_UL: case ND_EL_DL:
	case ND_EL_DD: case ND_EL_DT: case ND_EL_LI: case ND_EL_FORM:
		return -3;
	case ND_EL_H1: case ND_EL_HEADING: case ND_EL_TH:
		return -5;
	default:
		return 0;
	}
}

/* A paragraph's score goes to its parent x and on up, less the further
 * up. */
static void spread(measure *m, nd_hnode *x, float s)
{
	int level;

	for (level = 0; level < SCORE_LEVELS && x; level++, x = x->parent) {
		hinfo *a = info(x);

		if (a == NULL)
			break;
		if (!(a->flags & H_CAND)) {
			a->flags |= H_CAND;
			a->score = (float)(tag_bonus(a->tag.el) + a->weight);
			if (ND_ARRAY_PUSH(m->cands, m->n_cands, m->cap_cands,
					  x))
				m->rc = ND_ENOMEM;
		}
		a->score += level == 0 ? s : level == 1 ? s / 2 :
						  s / (float)(level * 3);
	}
}

/* A paragraph of prose: not an item, nor a heading unless long enough
 * to be the lede set as one. */
static bool prose_block(const hinfo *h)
{
	if (h->tag.el == ND_EL_H1 || h->tag.el == ND_EL_HEADING)
		return h->direct >= LEDE_MIN;
	return h->tag.el != ND_EL_LI;
}

static void m_leave(void *ud, nd_hnode *n)
{
	measure *m = ud;
	hinfo *h = info(n), *p = info(n->parent);

	if (h == NULL)
		return;
	if (h->flags & H_GONE) {
		m->gone--;
		m->teasers -= (h->flags & H_TEASER) != 0;
		return;
	}
	if (h->tag.kind == ND_TAG_LINK) {
		h->link = h->text;
		h->dlink = h->direct;
	}
	if (h->tag.kind == ND_TAG_INLINE || h->tag.kind == ND_TAG_LINK ||
	    h->tag.kind == ND_TAG_VOID) {
		if (p) {
			p->direct += h->direct;
			p->dlink += h->dlink;
			p->dcommas += h->dcommas;
		}
	} else if (h->direct >= PARA_MIN && h->dlink * 2 < h->direct &&
		   m->gone == 0) {
		float len = (float)h->direct / 100.0f;

		/* A block of inline text is its own paragraph's parent. */
		h->paras++;
		if (prose_block(h))
			h->prose += h->direct;
		spread(m, h->tag.kind == ND_TAG_PARA ? n->parent : n,
		       1.0f + (float)h->dcommas + (len < 3 ? len : 3));
	}
	if (p == NULL)
		return;
	p->text += h->text;
	p->link += h->link;
	p->commas += h->commas;
	p->paras += h->paras;
	p->prose += h->prose;
	p->imgs += h->imgs;
	p->inputs += h->inputs;
}

/* ---- Choosing the content ---- */

static nd_hnode *find_body(nd_hnode *root)
{
	nd_hnode *c;

	for (c = root ? root->children : NULL; c; c = c->next) {
		if (c->type == ND_HNODE_ELEMENT && c->tag.el == ND_EL_BODY)
			return c;
	}
	return root;
}

static float link_density(const hinfo *h)
{
	return h->text ? (float)h->link / (float)h->text : 0.0f;
}

/* Scores weighed by links; returns the best candidate or NULL. */
static nd_hnode *best_candidate(measure *m, nd_hnode **top, size_t *n_top)
{
	size_t i, k = 0;

	for (i = 0; i < m->n_cands; i++) {
		nd_hnode *n = m->cands[i];
		hinfo *h = info(n);
		size_t j;

		h->final = h->score * (1.0f - link_density(h));
		for (j = k; j > 0 && info(top[j - 1])->final < h->final; j--)
			if (j < TOP_N)
				top[j] = top[j - 1];
		if (j < TOP_N) {
			top[j] = n;
			if (k < TOP_N)
				k++;
		}
	}
	*n_top = k;
	return k ? top[0] : NULL;
}

static bool is_ancestor(const nd_hnode *a, const nd_hnode *n)
{
	for (; n; n = n->parent) {
		if (n == a)
			return true;
	}
	return false;
}

static float final_of(const nd_hnode *n)
{
	const hinfo *h = info(n);

	return h && (h->flags & H_CAND) ? h->final : 0.0f;
}

/* An article cut into blocks (a lede above the body, one block a
 * section) has its prose spread over siblings that score apart. An
 * ancestor that adds to top a third of its prose or more, mostly prose
 * and under an eighth links, is the article. */
static nd_hnode *widen(nd_hnode *top)
{
	nd_hnode *x;
	int level;

	for (x = top->parent, level = 0;
	     info(x) && x->parent && level < WIDEN_LEVELS;
	     x = x->parent, level++) {
		const hinfo *t = info(top), *a = info(x);
		uint32_t prose = a->prose - t->prose, text = a->text - t->text;
		uint32_t link = a->link - t->link;

		if (prose * 3 >= t->prose && prose * 2 >= text &&
		    link * 8 < text)
			top = x;
	}
	return top;
}

/* Element children of n. */
static size_t child_elements(const nd_hnode *n)
{
	size_t k = 0;

	for (n = n->children; n; n = n->next)
		k += n->type == ND_HNODE_ELEMENT;
	return k;
}

/* When several strong candidates sit side by side (an article split into
 * blocks), their common ancestor is the article; a parent scoring higher
 * than the child is too. */
static nd_hnode *settle_top(nd_hnode *top, nd_hnode **alt, size_t n_alt)
{
	float best = final_of(top), last = best;
	nd_hnode *x;
	size_t i;

	for (x = top->parent; info(x) && x->parent; x = x->parent) {
		size_t inside = 0;

		for (i = 1; i < n_alt; i++) {
			if (final_of(alt[i]) >= best * 0.75f &&
			    is_ancestor(x, alt[i]))
				inside++;
		}
		if (inside >= 3) {
			top = x;
			break;
		}
	}
	for (x = top->parent; info(x) && x->parent; x = x->parent) {
		float s;

		if (!(info(x)->flags & H_CAND))
			continue;
		s = final_of(x);
		if (s < best / 3)
			break;
		if (s > last) {
			top = x;
			break;
		}
		last = s;
	}
	while (top->parent && info(top->parent) && top->parent->parent &&
	       child_elements(top->parent) == 1)
		top = top->parent;
	return widen(top);
}

/* The text of a paragraph ends like a sentence. */
static bool ends_sentence(const nd_hnode *n)
{
	char buf[256];
	size_t len = nd_html_text(n, buf, sizeof(buf));

	while (len > 0 && (unsigned char)buf[len - 1] <= ' ')
		len--;
	return len > 0 && (buf[len - 1] == '.' || buf[len - 1] == '!' ||
			   buf[len - 1] == '?');
}

static bool same_class(const nd_hnode *a, const nd_hnode *b)
{
	const char *x = a->at.cls, *y = b->at.cls;

	return x && y && x[0] && strcmp(x, y) == 0;
}

/* Siblings of the top candidate that belong to the article too: scoring
 * alike, of its class with paragraphs, or paragraphs of prose with few
 * links. */
static void take_siblings(nd_hnode *top)
{
	float best = final_of(top);
	float need = best * 0.2f > 10.0f ? best * 0.2f : 10.0f;
	bool before = true;
	nd_hnode *s;

	info(top)->flags |= H_TAKEN;
	if (top->parent == NULL || info(top->parent) == NULL)
		return;
	for (s = top->parent->children; s; s = s->next) {
		hinfo *h = info(s);
		float bonus = same_class(s, top) ? best * 0.2f : 0.0f;

		if (s == top)
			before = false;
		if (s == top || h == NULL || (h->flags & H_GONE))
			continue;
		/* An <article> beside the article is another story. */
		if (h->tag.el == ND_EL_ARTICLE &&
		    info(top)->tag.el == ND_EL_ARTICLE)
			continue;
		if ((h->flags & H_CAND) && h->final + bonus >= need) {
			h->flags |= H_TAKEN;
		} else if (bonus > 0 && h->paras >= 2 &&
			   link_density(h) < 0.25f) {
			/* Its prose lies deeper than scores reach. */
			h->flags |= H_TAKEN;
		} else if (before && h->prose >= 80 &&
			   h->prose * 2 >= h->text &&
			   link_density(h) < 0.25f) {
			/* A block of prose before the article: the lede in
			 * its header. */
			h->flags |= H_TAKEN;
		} else if (h->tag.el == ND_EL_P) {
			float ld = link_density(h);

			if ((h->text > 80 && ld < 0.25f) ||
			    (h->text > 0 && h->text <= 80 && ld == 0 &&
			     ends_sentence(s)))
				h->flags |= H_TAKEN;
		}
	}
}

/* When top holds several <article>s side by side (a list of stories)
 * and the page's headline sits in one with prose of its own, that one is
 * the story the page is about. */
static nd_hnode *titled_story(const measure *m, nd_hnode *top)
{
	nd_hnode *a, *s;

	if (m->h1 == NULL || m->h1 == top || !is_ancestor(top, m->h1))
		return top;
	for (a = m->h1->parent; a != top; a = a->parent) {
		if (info(a) && info(a)->tag.el == ND_EL_ARTICLE)
			break;
	}
	if (a == top || !(info(a)->flags & H_CAND) || info(a)->paras == 0)
		return top;
	for (s = a->parent->children; s; s = s->next) {
		if (s != a && info(s) && info(s)->tag.el == ND_EL_ARTICLE)
			return a;
	}
	return top;
}

/* A block of prose with few links: a lede or standfirst, maybe in a
 * header. */
static bool lede_like(const hinfo *h)
{
	return !(h->flags & (H_GONE | H_TAKEN)) &&
	       (!(h->flags & H_WEAK) || h->tag.el == ND_EL_HEADER) &&
	       h->prose >= 80 &&
	       h->prose * 2 >= h->text && link_density(h) < 0.1f &&
	       h->imgs == 0;
}

/* The lede set apart from the body further up the tree, in a block
 * before it (a page head, a header): marks such blocks taken, up to
 * LEDE_LEVELS levels above top; returns the element holding them and
 * scope. */
static nd_hnode *take_ledes(nd_hnode *top, nd_hnode *scope)
{
	nd_hnode *x = scope, *s;
	int level;

	for (level = 0; level < LEDE_LEVELS && x != top && x->parent &&
			info(x->parent) && x->parent->parent;
	     level++, x = x->parent) {
		for (s = x->parent->children; s != x; s = s->next) {
			if (info(s) && lede_like(info(s))) {
				info(s)->flags |= H_TAKEN;
				scope = x->parent;
			}
		}
	}
	return scope;
}

/* Marks the article's elements H_TAKEN; returns the element holding
 * them (the body when nothing scored). */
static nd_hnode *choose(measure *m, nd_hnode *body)
{
	nd_hnode *alt[TOP_N], *top;
	size_t n_alt = 0;

	top = best_candidate(m, alt, &n_alt);
	if (top == NULL) {
		if (info(body))
			info(body)->flags |= H_TAKEN;
		return body;
	}
	top = titled_story(m, settle_top(top, alt, n_alt));
	take_siblings(top);
	return take_ledes(top,
			  top->parent && info(top->parent) ? top->parent : top);
}

/* Measures the tree below root and chooses the article; returns the
 * scope as choose() does, NULL when out of memory (m->rc). */
static nd_hnode *measure_and_choose(measure *m, nd_hnode *root, int lax)
{
	m->lax = lax;
	m->n_infos = 0;
	m->n_cands = 0;
	m->h1 = NULL;
	m->gone = 0;
	m->teasers = 0;
	m->gone_prose = 0;
	walk(root, m_enter, m_leave, m);
	m->meta_done = true;
	return m->rc ? NULL : choose(m, find_body(root));
}

/* Letters of paragraphs of prose in the chosen elements below scope:
 * what furniture hiding the article is measured against. */
static size_t chosen_letters(nd_hnode *scope)
{
	size_t n = 0;
	nd_hnode *c;

	if (info(scope) && (info(scope)->flags & H_TAKEN))
		return info(scope)->prose;
	for (c = scope->children; c; c = c->next) {
		if (info(c) && (info(c)->flags & H_TAKEN))
			n += info(c)->prose;
	}
	return n;
}

/* ---- Second walk: lines ---- */

typedef struct emit {
	nd_clines *lines;
	nd_buf line;
	size_t letters, link_letters;
	uint32_t article_text; /* letters of the chosen elements */
	unsigned in_taken;     /* chosen elements open around */
	unsigned in_caption, in_heading, in_item, in_pre, in_link;
	unsigned cells; /* table cells in the line */
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
		if (e->cells >= 2)
			hints |= ND_CL_ROW;
		e->rc = nd_clines_add(e->lines, e->line.ptr, e->line.len,
				      hints);
		/* Blank runs in markup are layout, not menu columns. */
		if (e->rc == ND_OK && e->lines->n > 0)
			e->lines->v[e->lines->n - 1].gaps = 0;
	}
	nd_buf_clear(&e->line);
	e->letters = 0;
	e->link_letters = 0;
	e->cells = 0;
}

static void text(emit *e, const char *s, size_t len)
{
	size_t commas = 0, k = letters_in(s, len, &commas);
	const char *end = s + len;

	e->letters += k;
	if (e->in_link)
		e->link_letters += k;
	if (!e->in_pre) {
		if (e->rc == ND_OK)
			e->rc = nd_buf_put(&e->line, s, len);
		return;
	}
	while (s < end && e->rc == ND_OK) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);

		e->rc = nd_buf_put(&e->line, s, n);
		if (nl == NULL)
			break;
		flush(e);
		s = nl + 1;
	}
}

static void counters(emit *e, int el, int d)
{
	if (el == ND_EL_FIGCAPTION)
		e->in_caption += (unsigned)d;
	else if (el == ND_EL_H1 || el == ND_EL_HEADING)
		e->in_heading += (unsigned)d;
	else if (el == ND_EL_LI || el == ND_EL_DT || el == ND_EL_DD)
		e->in_item += (unsigned)d;
	else if (el == ND_EL_PRE)
		e->in_pre += (unsigned)d;
	else if (el == ND_EL_A)
		e->in_link += (unsigned)d;
}

/* Table cells are words of their row's line, not lines of their own. */
static bool blockish(const hinfo *h)
{
	if (h->tag.el == ND_EL_TD || h->tag.el == ND_EL_TH)
		return false;
	return h->tag.kind == ND_TAG_BLOCK || h->tag.kind == ND_TAG_PARA;
}

/* Lists and their items. */
static bool listish(int el)
{
	return el == ND_EL_UL || el == ND_EL_OL || el == ND_EL_LI ||
	       el == ND_EL_DL;
}

/* Readability's second look at a container inside the article: one that
 * is mostly links or a form is left out unless it holds real prose (ten
 * commas or more); one named like furniture unless it is prose. */
static bool doubtful(const emit *e, const hinfo *h)
{
	float ld = link_density(h);
	/* Less the head start of lists and headings: a list of plain
	 * items is text, whatever its tag. */
	int start = tag_bonus(h->tag.el);
	float score = (h->flags & H_CAND) ?
			      h->score - (float)(start < 0 ? start : 0) :
			      0.0f;

	/* A weak container (a header, a box named like a widget) may hold
	 * the lede or more: paragraphs of prose with few links. */
	if (h->flags & H_WEAK)
		return h->text * 2 < e->article_text &&
		       !(h->prose * 2 >= h->text && h->prose >= 100 &&
			 ld < 0.2f);
	/* Most of the article is no furniture of it, whatever its name. */
	if (h->text * 2 >= e->article_text && ld < 0.5f)
		return false;
	switch (h->tag.el) {
	case ND_EL_UL: case ND_EL_OL: case ND_EL_DL: case ND_EL_LI:
		/* Lists score low by tag alone: only links and names tell
		 * furniture from the article's own lists. */
		score = 0.0f;
		break;
	case ND_EL_DIV: case ND_EL_SECTION: case ND_EL_TABLE:
	case ND_EL_FORM: case ND_EL_HEADER: case ND_EL_FIGURE:
		break;
	case ND_EL_H1: case ND_EL_HEADING:
		return h->weight < 0 || ld > 0.33f;
	default:
		return false;
	}
	/* Prose in a block named like furniture ("media") is the article's
	 * all the same: no picture, few links, and not a list (of comments,
	 * say). */
	if ((float)h->weight + score < 0)
		return !(h->paras > 0 && h->imgs == 0 && h->text >= 80 &&
			 ld < 0.2f && !listish(h->tag.el));
	if (h->commas >= 10)
		return false;
	if (h->inputs * 3 > h->paras + 1)
		return true;
	/* Items may lead with a linked headline and explain it after: a
	 * list is doubtful when links are most of it, an item when what is
	 * not a link is short too. */
	if (h->tag.el == ND_EL_LI)
		return ld > 0.5f && h->text - h->link < 60;
	if (h->tag.el == ND_EL_UL || h->tag.el == ND_EL_OL)
		return ld > 0.5f;
	return h->weight < 25 ? ld > 0.33f : ld > 0.5f;
}

/* Inline, with a picture and links to other stories: a card that pops
 * up over a name in a sentence. */
static bool card(const hinfo *h)
{
	return h && h->tag.kind == ND_TAG_INLINE && h->imgs > 0 &&
	       h->text >= 80 && link_density(h) > 0.8f;
}

/* The innermost card at n: the name it pops up over stays. */
static bool popup(const nd_hnode *n)
{
	const nd_hnode *c;

	if (!card(info(n)))
		return false;
	for (c = n->children; c; c = c->next) {
		if (card(info(c)))
			return false;
	}
	return true;
}

static bool e_enter(void *ud, nd_hnode *n)
{
	emit *e = ud;
	hinfo *h;

	if (e->rc)
		return false;
	if (n->type == ND_HNODE_TEXT) {
		if (e->in_taken)
			text(e, n->content, n->len);
		return false;
	}
	h = info(n);
	if (h == NULL || (h->flags & H_GONE))
		return false;
	/* Outside the chosen elements nothing is written, but a chosen
	 * one (a lede taken further up) may lie below. */
	if (!e->in_taken && !(h->flags & H_TAKEN))
		return true;
	if (h->flags & H_TAKEN)
		e->in_taken++;
	else if (doubtful(e, h) || popup(n))
		return false;
	if (h->tag.kind == ND_TAG_BR || blockish(h))
		flush(e);
	else if ((h->tag.el == ND_EL_TD || h->tag.el == ND_EL_TH) &&
		 e->rc == ND_OK) {
		e->rc = nd_buf_putc(&e->line, ' ');
		e->cells++;
	}
	counters(e, h->tag.el, 1);
	return true;
}

static void e_leave(void *ud, nd_hnode *n)
{
	emit *e = ud;
	hinfo *h = info(n);

	if (h == NULL || !e->in_taken)
		return;
	if (blockish(h))
		flush(e);
	counters(e, h->tag.el, -1);
	if (h->flags & H_TAKEN) {
		flush(e);
		e->in_taken--;
	}
}

/* ---- The reader ---- */

/* Emits the lines of the chosen elements below scope (or scope
 * itself), in page order. */
static void emit_article(emit *e, nd_hnode *scope)
{
	nd_hnode *c;

	if (info(scope) && (info(scope)->flags & H_TAKEN)) {
		e->article_text = info(scope)->text;
		walk(scope, e_enter, e_leave, e);
		flush(e);
		return;
	}
	for (c = scope->children; c; c = c->next) {
		if (info(c) && (info(c)->flags & H_TAKEN))
			e->article_text += info(c)->text;
	}
	for (c = scope->children; c && e->rc == ND_OK; c = c->next) {
		walk(c, e_enter, e_leave, e);
		flush(e);
	}
}

/* Fills the title, date and author hints from what the page says. */
static void take_hints(nd_clean_hints *hints, const nd_html_meta *meta,
		       const char *title, const nd_hnode *h1, char *h1_buf,
		       char *title_buf)
{
	h1_buf[0] = '\0';
	if (h1)
		nd_html_text(h1, h1_buf, ND_CLEAN_TITLE_MAX);
	hints->headline = h1_buf;
	hints->headline_len = strlen(h1_buf);
	if (title && title[0]) {
		hints->title = title;
		hints->title_len = strlen(title);
	} else {
		hints->title_len = nd_html_meta_title(meta, h1_buf, title_buf,
						      ND_CLEAN_TITLE_MAX);
		hints->title = title_buf;
	}
	hints->published = meta->published;
	hints->published_len = strlen(meta->published);
	hints->byline = meta->author;
	hints->byline_len = strlen(meta->author);
	hints->html = 1;
}

/* What the page says of itself beyond the article's lines: site name,
 * canonical URL, and its language when the text alone cannot tell. 0 or
 * ND_ENOMEM. */
static int page_facts(nd_clean_article *out, nd_arena *arena,
		      const nd_html_meta *meta, nd_err *err)
{
	out->site = nd_arena_strdup(arena, meta->site);
	out->url = nd_arena_strdup(arena, meta->url);
	if (out->site == NULL || out->url == NULL)
		return nd_err_set(err, ND_ENOMEM, "cleaning HTML: %s",
				  nd_strerror(ND_ENOMEM));
	if (out->language[0] == '\0')
		out->language = nd_clean_language_declared(meta->lang);
	return ND_OK;
}

/* Emits the chosen article's lines (text capped at max bytes) and
 * classifies them into *out. Same return contract as nd_clean_html. */
static int lines_of(nd_clean_article *out, nd_arena *arena, nd_hnode *scope,
		    size_t max, const nd_clean_hints *hints, nd_err *err)
{
	nd_clines lines;
	emit e;
	int rc;

	memset(&e, 0, sizeof(e));
	nd_clines_init(&lines, max);
	nd_buf_init(&e.line, max);
	e.lines = &lines;
	emit_article(&e, scope);
	if (e.rc != ND_OK)
		rc = nd_err_set(err, e.rc, "cleaning HTML: %s",
				nd_strerror(e.rc));
	else
		rc = nd_clean_finish(out, arena, &lines, hints, err);
	nd_buf_dispose(&e.line);
	nd_clines_dispose(&lines);
	return rc;
}

struct nd_html_reader {
	nd_html_tree *tree;
	measure m;        /* its pools (infos, cands) are kept between pages */
	nd_html_meta meta;
	nd_buf bare;      /* the page without scripts and styles */
	nd_buf lean;      /* and without the attributes nobody reads */
	char h1[ND_CLEAN_TITLE_MAX];
	char title[ND_CLEAN_TITLE_MAX];
};

int nd_html_reader_create(nd_html_reader **out)
{
	nd_html_reader *r = nd_calloc(1, sizeof(*r));

	*out = NULL;
	if (r == NULL)
		return ND_ENOMEM;
	if (nd_html_tree_create(&r->tree) != ND_OK ||
	    nd_html_names_create(&r->m.names) != ND_OK) {
		nd_html_reader_free(r);
		return ND_ENOMEM;
	}
	*out = r;
	return ND_OK;
}

void nd_html_reader_free(nd_html_reader *r)
{
	if (r == NULL)
		return;
	nd_html_tree_free(r->tree);
	nd_html_names_free(r->m.names);
	nd_free(r->m.infos);
	nd_free(r->m.cands);
	nd_buf_dispose(&r->bare);
	nd_buf_dispose(&r->lean);
	nd_free(r);
}

/* Empties the measures of the last page, keeping their memory, and makes
 * room for one hinfo per node of the page parsed. 0 or ND_ENOMEM. */
static int measure_reset(measure *m, nd_html_meta *meta, size_t nodes)
{
	hinfo *infos;
	size_t cap;
	nd_hnode **cands = m->cands;
	size_t cap_cands = m->cap_cands;
	nd_html_names *names = m->names;

	if (nd_array_reserve((void **)&m->infos, &m->cap_infos, nodes,
			     sizeof(*m->infos)) != ND_OK)
		return ND_ENOMEM;
	infos = m->infos;
	cap = m->cap_infos;
	memset(m, 0, sizeof(*m));
	m->infos = infos;
	m->cap_infos = cap;
	m->cands = cands;
	m->cap_cands = cap_cands;
	m->names = names;
	nd_html_names_reset(names);
	m->meta = meta;
	nd_html_meta_init(meta);
	return ND_OK;
}

int nd_clean_html_with(nd_clean_article *out, nd_html_reader *r,
		       nd_arena *arena, const char *title, const char *html,
		       size_t len, nd_err *err)
{
	measure *m = &r->m;
	nd_clean_hints hints;
	nd_hnode *root, *scope;
	size_t max = 0, got;
	unsigned tried;
	int rc, level;

	memset(&hints, 0, sizeof(hints));
	if (out == NULL || r == NULL || arena == NULL ||
	    (html == NULL && len > 0))
		return nd_err_set(err, ND_EINVAL, "clean: invalid argument");
	nd_clean_reset(out);
	if (len > INT_MAX || nd_mul_overflow(len, 3, &max) ||
	    nd_add_overflow(max, 64, &max))
		return nd_err_set(err, ND_ETOOBIG, "HTML page too big");
	if (len == 0)
		return nd_err_set(err, ND_EEMPTY,
				  "no article text left after cleaning");
	/* The parser never sees scripts, styles and comments: cutting them
	 * out first is cheaper than tokenizing them. */
	nd_buf_clear(&r->bare);
	r->bare.max = len + 1;
	rc = nd_html_strip(&r->bare, html, len);
	/* A tag may grow by a blank ("<br/>" is written "<br />"), by a
	 * quarter at most. */
	nd_buf_clear(&r->lean);
	r->lean.max = r->bare.len + r->bare.len / 2 + 64;
	if (rc == ND_OK)
		rc = nd_html_lean(&r->lean, r->bare.ptr ? r->bare.ptr : "",
				  r->bare.len);
	if (rc == ND_OK)
		rc = nd_html_tree_parse(&root, r->tree, r->lean.ptr,
					r->lean.len);
	if (rc == ND_EEMPTY)
		return nd_err_set(err, ND_EEMPTY,
				  "no article text left after cleaning");
	if (rc == ND_OK)
		rc = measure_reset(m, &r->meta, nd_html_tree_size(r->tree));
	if (rc != ND_OK)
		return nd_err_set(err, rc, "cleaning HTML: %s",
				  nd_strerror(rc));
	/* Class names of furniture sometimes wrap the whole article
	 * ("paywall", "ad-margins"): when more prose sits in furniture than
	 * in the article found, measure again without them. */
	scope = measure_and_choose(m, root, 0);
	if (scope && chosen_letters(scope) < m->gone_prose)
		scope = measure_and_choose(m, root, 1);
	/* Broken markup can leave the article inside a nav or aside; the
	 * lax choice stands unless that finds more. */
	if (scope && (got = chosen_letters(scope)) < m->gone_prose) {
		scope = measure_and_choose(m, root, 2);
		if (scope && chosen_letters(scope) <= got)
			scope = measure_and_choose(m, root, 1);
	}
	if (scope == NULL)
		return nd_err_set(err, m->rc, "cleaning HTML: %s",
				  nd_strerror(m->rc));
	take_hints(&hints, &r->meta, title, m->h1, r->h1, r->title);
	rc = lines_of(out, arena, scope, max, &hints, err);
	/* Nothing left: furniture hid it all, or the lax measure chose
	 * furniture (comments) over the article; try the other levels. */
	tried = 1u << m->lax;
	for (level = 0; rc == ND_EEMPTY && level < 3; level++) {
		if (tried & (1u << level))
			continue;
		tried |= 1u << level;
		scope = measure_and_choose(m, root, level);
		if (scope == NULL)
			return nd_err_set(err, m->rc, "cleaning HTML: %s",
					  nd_strerror(m->rc));
		take_hints(&hints, &r->meta, title, m->h1, r->h1, r->title);
		rc = lines_of(out, arena, scope, max, &hints, err);
	}
	return rc == ND_OK ? page_facts(out, arena, &r->meta, err) : rc;
}

int nd_clean_html(nd_clean_article *out, nd_arena *arena, const char *title,
		  const char *html, size_t len, nd_err *err)
{
	nd_html_reader *r = NULL;
	int rc;

	if (nd_html_reader_create(&r) != ND_OK)
		return nd_err_set(err, ND_ENOMEM,
				  "cleaning HTML: out of memory");
	rc = nd_clean_html_with(out, r, arena, title, html, len, err);
	nd_html_reader_free(r);
	return rc;
}
