#include "facts/entities.h"

#include <stdlib.h> /* qsort */
#include <string.h> /* memcpy, memcmp, strcmp */

#include "core/alloc.h"
#include "core/arena.h"
#include "core/error.h"
#include "core/unionfind.h"
#include "facts/spelling.h"

/* Same-key groups and the clusters they merge into. */
typedef struct groups {
	nd_strmap keys;
	uint32_t *parent;  /* union-find */
	uint32_t *first;   /* first mention */
	uint32_t *words;
	uint32_t *flags;
	int32_t (*votes)[ND_VOTES];
	uint32_t *redirect; /* ND_FX_NONE or the group it is a titled form of */
	unsigned char *dead; /* an adjective after all: "Serentian" */
	unsigned char *given; /* per root: called by a given name alone */
	size_t n;
	/* Surnames several full names end with: candidate roots per group. */
	uint32_t *amb_at;  /* per group: start in amb, ND_FX_NONE if none */
	uint32_t *amb_n;
	uint32_t *amb;
	size_t n_amb, amb_cap;
} groups;

typedef struct variant {
	uint32_t cluster;
	uint32_t mention; /* first */
	uint32_t count;
	uint32_t words;
	bool mixed;       /* Latin and look-alike letters in one word */
} variant;

typedef struct cluster {
	uint32_t root;
	uint32_t n_mentions;
	bool strong;          /* a mention that is no maybe-opener */
	uint32_t all_flags;
	int32_t votes[ND_VOTES];
	uint32_t max_words;
	uint32_t canonical;   /* variant */
	uint32_t final;       /* entity index or ND_FX_NONE */
	size_t first;         /* first mention, for stable order */
} cluster;

static void groups_free(groups *g)
{
	if (g->keys.slots)
		nd_strmap_dispose(&g->keys);
	nd_free(g->parent);
	nd_free(g->first);
	nd_free(g->words);
	nd_free(g->flags);
	nd_free(g->votes);
	nd_free(g->redirect);
	nd_free(g->dead);
	nd_free(g->given);
	nd_free(g->amb_at);
	nd_free(g->amb_n);
	nd_free(g->amb);
}

static uint32_t find(groups *g, uint32_t x)
{
	return nd_uf_find(g->parent, x);
}

/* The older group stays the root, so results do not depend on the order
 * pairs are met in. */
static void unite(groups *g, uint32_t a, uint32_t b)
{
	nd_uf_union(g->parent, a, b);
}

static int groups_alloc(groups *g, size_t n)
{
	size_t i;

	g->parent = nd_calloc(n ? n : 1, sizeof(*g->parent));
	g->first = nd_calloc(n ? n : 1, sizeof(*g->first));
	g->words = nd_calloc(n ? n : 1, sizeof(*g->words));
	g->flags = nd_calloc(n ? n : 1, sizeof(*g->flags));
	g->votes = nd_calloc(n ? n : 1, sizeof(*g->votes));
	g->redirect = nd_calloc(n ? n : 1, sizeof(*g->redirect));
	g->dead = nd_calloc(n ? n : 1, sizeof(*g->dead));
	g->given = nd_calloc(n ? n : 1, sizeof(*g->given));
	g->amb_at = nd_calloc(n ? n : 1, sizeof(*g->amb_at));
	g->amb_n = nd_calloc(n ? n : 1, sizeof(*g->amb_n));
	if (!g->parent || !g->first || !g->words || !g->flags || !g->votes ||
	    !g->redirect || !g->dead || !g->given || !g->amb_at || !g->amb_n)
		return ND_ENOMEM;
	nd_uf_init(g->parent, n);
	for (i = 0; i < n; i++) {
		g->redirect[i] = ND_FX_NONE;
		g->amb_at[i] = ND_FX_NONE;
	}
	return ND_OK;
}

/* One group per distinct key; mentions point at theirs. */
static int make_groups(nd_fstory *st, groups *g)
{
	size_t i;
	int rc;

	if (nd_strmap_init(&g->keys))
		return ND_ENOMEM;
	for (i = 0; i < st->n_ments; i++) {
		nd_mention *m = &st->ments[i];
		uint32_t id;

		if (nd_strmap_put(&g->keys, nd_fstory_key(st, m), m->klen,
				  (uint32_t)g->n, &id))
			return ND_ENOMEM;
		if (id == g->n)
			g->n++;
		m->group = id;
	}
	rc = groups_alloc(g, g->n);
	if (rc)
		return rc;
	for (i = st->n_ments; i-- > 0;)
		g->first[st->ments[i].group] = (uint32_t)i;
	for (i = 0; i < st->n_ments; i++) {
		const nd_mention *m = &st->ments[i];
		uint32_t id = m->group;
		int v;

		g->flags[id] |= m->flags;
		g->words[id] = m->words;
		for (v = 0; v < ND_VOTES; v++)
			g->votes[id][v] += m->vote[v];
	}
	return ND_OK;
}

static const char *gkey(const nd_fstory *st, const groups *g, uint32_t id,
			size_t *len)
{
	const nd_mention *m = &st->ments[g->first[id]];

	*len = m->klen;
	return nd_fstory_key(st, m);
}

/* Provisional kind of a group: -1 without evidence. */
static int gkind(const groups *g, uint32_t id)
{
	int best = -1, v;
	int32_t max = 0;

	for (v = 0; v < ND_VOTES; v++) {
		if (g->votes[id][v] > max) {
			max = g->votes[id][v];
			best = v;
		}
	}
	return best;
}

static bool same_kind(const groups *g, uint32_t a, uint32_t b)
{
	int ka = gkind(g, a), kb = gkind(g, b);

	return ka < 0 || kb < 0 || ka == kb;
}

static bool personish(const groups *g, uint32_t id)
{
	int k = gkind(g, id);

	return !(g->flags[id] & (ND_MEN_GAZ | ND_MEN_ORGWORD |
				 ND_MEN_PLACEWORD | ND_MEN_ACRONYM)) &&
	       (k < 0 || k == ND_VOTE_PERSON);
}

/* The person-shaped group of `words` words spelt close to key, when
 * exactly one is. */
static uint32_t close_name(const nd_fstory *st, const groups *g,
			   const char *key, size_t len, uint32_t words)
{
	uint32_t id, found = ND_FX_NONE;

	for (id = 0; id < g->n; id++) {
		size_t l;
		const char *k = gkey(st, g, id, &l);

		if (g->words[id] != words ||
		    !(g->flags[id] & ND_MEN_NAMELIKE) ||
		    !nd_spelling_close_keys(k, l, key, len))
			continue;
		if (found != ND_FX_NONE)
			return ND_FX_NONE;
		found = id;
	}
	return found;
}

/* Is adj the place's adjective: place + "n", "an", "ian", "i", "ese",
 * "ish", or with its final vowel swapped ("Kenya"/"Kenyan",
 * "China"/"Chinese")? */
static bool adjective_of(const char *place, size_t lp, const char *adj,
			 size_t la)
{
	static const char *const endings[] = { "n", "an", "ian", "i", "ese",
					       "ish" };
	size_t e, stem;

	for (stem = lp; stem + 1 >= lp && stem > 3; stem--) {
		for (e = 0; e < sizeof(endings) / sizeof(endings[0]); e++) {
			size_t el = strlen(endings[e]);

			if (la == stem + el && memcmp(adj, place, stem) == 0 &&
			    memcmp(adj + stem, endings[e], el) == 0)
				return true;
		}
	}
	return false;
}

/* Capitalised adjectives of places the word lists do not know:
 * "Serentian" next to "Serentia", "Valdorian" next to "Valdoria". */
static void find_adjectives(const nd_fstory *st, groups *g)
{
	static const char *const endings[] = { "n", "an", "ian", "i" };
	uint32_t id, to;
	size_t e;

	for (id = 0; id < g->n; id++) {
		size_t len;
		const char *k = gkey(st, g, id, &len);

		if (g->words[id] != 1 || len < 5 || k[0] == '@' ||
		    (g->flags[id] & ND_MEN_ACRONYM))
			continue;
		for (e = 0; e < sizeof(endings) / sizeof(endings[0]); e++) {
			size_t el = strlen(endings[e]);

			if (len <= el + 3 ||
			    memcmp(k + len - el, endings[e], el) != 0 ||
			    !nd_strmap_get(&g->keys, k, len - el, &to) ||
			    g->words[to] != 1 ||
			    !(g->votes[to][ND_VOTE_PLACE] > 0 ||
			      (g->flags[to] & ND_MEN_GAZ)))
				continue;
			g->dead[id] = 1;
			break;
		}
	}
}

/* "Top Clergyman Liss Amberhagen" is a titled "Liss Amberhagen": a long
 * name ending with a known person's full name points at it. */
static void find_redirects(nd_fstory *st, groups *g)
{
	uint32_t id;

	for (id = 0; id < g->n; id++) {
		size_t len, at, keep;
		const char *k = gkey(st, g, id, &len);

		if (g->words[id] < 3 || !personish(g, id))
			continue;
		for (keep = 3; keep >= 2; keep--) {
			uint32_t words = 0, to;

			if (keep >= g->words[id])
				continue;
			for (at = len; at > 0; at--) {
				if (k[at - 1] == ' ' && ++words == keep)
					break;
			}
			if (at == 0)
				continue;
			if (!nd_strmap_get(&g->keys, k + at, len - at, &to))
				to = close_name(st, g, k + at, len - at, keep);
			if (to == ND_FX_NONE || g->words[to] != keep ||
			    !personish(g, to) ||
			    !(g->flags[to] & ND_MEN_NAMELIKE))
				continue;
			g->redirect[id] = to;
			break;
		}
	}
}

/* Moves the mentions of redirected groups onto their short form. */
static void apply_redirects(nd_fstory *st, groups *g)
{
	size_t i;

	for (i = 0; i < st->n_ments; i++) {
		nd_mention *m = &st->ments[i];
		uint32_t to = g->redirect[m->group];
		const nd_doc *d;
		uint32_t end, keep;

		if (to == ND_FX_NONE)
			continue;
		d = nd_fstory_doc(st, m->doc);
		keep = g->words[to];
		if (keep > m->ntok)
			continue;
		end = m->off + m->len;
		m->tok += m->ntok - keep;
		m->ntok = keep;
		m->off = d->toks[m->tok].off;
		m->len = end - m->off;
		m->words = keep;
		m->klen = st->ments[g->first[to]].klen;
		m->key = st->ments[g->first[to]].key;
		m->flags |= ND_MEN_TITLED | ND_MEN_EVIDENCE;
		m->vote[ND_VOTE_PERSON] += 2;
		g->votes[to][ND_VOTE_PERSON] += m->vote[ND_VOTE_PERSON];
		g->flags[to] |= m->flags;
		m->group = to;
	}
}

static bool mergeable(const groups *g, uint32_t a, uint32_t b)
{
	uint32_t fa = g->flags[a], fb = g->flags[b];

	if ((fa & ND_MEN_GAZ) && (fb & ND_MEN_GAZ))
		return false;
	if ((fa | fb) & ND_MEN_ACRONYM)
		return false;
	return same_kind(g, a, b);
}

static void merge_spellings(nd_fstory *st, groups *g)
{
	uint32_t a, b;

	for (a = 0; a < g->n; a++) {
		size_t la, lb;
		const char *ka = gkey(st, g, a, &la);

		if (g->redirect[a] != ND_FX_NONE || ka[0] == '@')
			continue;
		for (b = a + 1; b < g->n; b++) {
			const char *kb = gkey(st, g, b, &lb);

			if (g->words[a] != g->words[b] ||
			    g->redirect[b] != ND_FX_NONE || kb[0] != ka[0] ||
			    (la > lb ? la - lb : lb - la) > 2 * g->words[a] ||
			    find(g, a) == find(g, b) || !mergeable(g, a, b))
				continue;
			if (nd_spelling_close_keys(ka, la, kb, lb))
				unite(g, a, b);
		}
	}
	/* A misspelt place ("Tajiistan") joins the gazetteer's spelling. */
	for (a = 0; a < g->n; a++) {
		const nd_mention *ma = &st->ments[g->first[a]];
		const nd_doc *d = nd_fstory_doc(st, ma->doc);
		size_t la;
		const char *wa;

		if (!(g->flags[a] & ND_MEN_GAZ) || ma->ntok != 1)
			continue;
		wa = nd_fstory_text(st, d->toks[ma->tok].term, &la);
		la = nd_fstory_bare_len(wa, la);
		for (b = 0; b < g->n; b++) {
			size_t lb;
			const char *kb = gkey(st, g, b, &lb);

			if (g->words[b] != 1 || (g->flags[b] & ND_MEN_GAZ) ||
			    !mergeable(g, a, b))
				continue;
			if (adjective_of(wa, la, kb, lb))
				g->dead[b] = 1; /* "Cambodian" */
			else if (nd_spelling_close_words(wa, la, kb, lb))
				unite(g, a, b);
		}
	}
}

/* Initials of a key's words, connectors left out: "cambodian people's
 * party" gives "cpp", "ministry of foreign affairs" "mfa". */
static size_t initials(const char *k, size_t len, char *out, size_t size)
{
	static const char *const skip[] = { "of", "the", "and", "for", "de",
					    "la", "le", "du", "des", "del" };
	size_t i = 0, n = 0, s;

	while (i < len && n + 1 < size) {
		size_t e = i;
		bool connector = false;

		while (e < len && k[e] != ' ')
			e++;
		for (s = 0; s < sizeof(skip) / sizeof(skip[0]); s++) {
			if (strlen(skip[s]) == e - i &&
			    memcmp(skip[s], k + i, e - i) == 0)
				connector = true;
		}
		if (!connector)
			out[n++] = k[i];
		i = e + 1;
	}
	out[n] = '\0';
	return n;
}

/* "UN" and "United Nations", "CPP" and "Cambodian People's Party": an
 * acronym joins the one name of the story its letters are the initials
 * of. */
static int merge_acronyms(nd_fstory *st, groups *g)
{
	nd_strmap by_initials;
	uint32_t id, *count = NULL;
	int rc = ND_ENOMEM;

	if (nd_strmap_init(&by_initials))
		return ND_ENOMEM;
	count = nd_calloc(g->n + 1, sizeof(*count));
	if (count == NULL)
		goto done;
	for (id = 0; id < g->n; id++) {
		char ini[16];
		size_t len, n;
		const char *k = gkey(st, g, id, &len);
		uint32_t first;

		if (g->words[id] < 2 || k[0] == '@' || personish(g, id))
			continue;
		n = initials(k, len, ini, sizeof(ini));
		if (n < 2 || n > 8)
			continue;
		if (nd_strmap_put(&by_initials, ini, n, id, &first))
			goto done;
		if (find(g, first) != find(g, id))
			count[first]++;
	}
	for (id = 0; id < g->n; id++) {
		size_t len;
		const char *k = gkey(st, g, id, &len);
		uint32_t to;

		if (!(g->flags[id] & ND_MEN_ACRONYM) || g->words[id] != 1 ||
		    k[0] == '@' || len < 2 || len > 8 ||
		    !nd_strmap_get(&by_initials, k, len, &to) || count[to])
			continue;
		unite(g, id, to);
	}
	rc = ND_OK;
done:
	nd_free(count);
	nd_strmap_dispose(&by_initials);
	return rc;
}

/* Last word of a key. */
static const char *last_word(const char *k, size_t len, size_t *wl)
{
	size_t at = len;

	while (at > 0 && k[at - 1] != ' ')
		at--;
	*wl = len - at;
	return k + at;
}

/* Surnames onto full names: unique candidate merges, several candidates
 * are kept for per-mention resolution. */
static int merge_surnames(nd_fstory *st, groups *g)
{
	uint32_t s, f;

	for (s = 0; s < g->n; s++) {
		size_t ls, start = g->n_amb, n = 0, i;
		const char *ks = gkey(st, g, s, &ls);

		if (g->words[s] != 1 || g->redirect[s] != ND_FX_NONE ||
		    !personish(g, s))
			continue;
		for (f = 0; f < g->n; f++) {
			size_t lf, wl;
			const char *kf = gkey(st, g, f, &lf), *w;
			uint32_t root;
			bool dup = false;

			if (g->words[f] < 2 || g->words[f] > 4 ||
			    g->redirect[f] != ND_FX_NONE || !personish(g, f) ||
			    !same_kind(g, s, f))
				continue;
			w = last_word(kf, lf, &wl);
			if (!nd_spelling_close_words(ks, ls, w, wl))
				continue;
			root = find(g, f);
			for (i = start; i < g->n_amb; i++)
				dup |= g->amb[i] == root;
			if (dup)
				continue;
			if (ND_ARRAY_PUSH(g->amb, g->n_amb, g->amb_cap, root))
				return ND_ENOMEM;
			n++;
		}
		if (n == 1) {
			unite(g, s, g->amb[start]);
			g->n_amb = start;
		} else if (n > 1) {
			g->amb_at[s] = (uint32_t)start;
			g->amb_n[s] = (uint32_t)n;
		}
	}
	return ND_OK;
}

/* A lone word no surname explained ("Sidek was quoted") is the given name
 * of the one full name in the story that starts with it ("Sidek Baba"),
 * as Malay, Indonesian and Icelandic names are used; two such full names
 * leave it alone. Full names are indexed by their first word. */
static int merge_given_names(nd_fstory *st, groups *g)
{
	nd_strmap firsts;
	uint32_t *root = NULL, s;
	int rc = ND_ENOMEM;

	if (nd_strmap_init(&firsts))
		return ND_ENOMEM;
	root = nd_calloc(g->n + 1, sizeof(*root));
	if (root == NULL)
		goto done;
	for (s = 0; s < g->n; s++) {
		size_t lf;
		const char *kf = gkey(st, g, s, &lf), *sp;
		uint32_t id, next = (uint32_t)s;

		if (g->words[s] < 2 || g->words[s] > 4 ||
		    g->redirect[s] != ND_FX_NONE || !personish(g, s) ||
		    (sp = memchr(kf, ' ', lf)) == NULL)
			continue;
		if (nd_strmap_put(&firsts, kf, (size_t)(sp - kf), next, &id))
			goto done;
		/* Two full names with one first word: ND_FX_NONE. */
		root[id] = id == next ? find(g, s)
			   : root[id] == find(g, s) ? root[id] : ND_FX_NONE;
	}
	for (s = 0; s < g->n; s++) {
		size_t ls;
		const char *ks = gkey(st, g, s, &ls);
		uint32_t id;

		if (g->words[s] != 1 || g->redirect[s] != ND_FX_NONE ||
		    !personish(g, s) || find(g, s) != s ||
		    g->amb_at[s] != ND_FX_NONE ||
		    !nd_strmap_get(&firsts, ks, ls, &id) ||
		    root[id] == ND_FX_NONE || !same_kind(g, s, root[id]))
			continue;
		unite(g, s, root[id]);
		g->given[find(g, s)] = 1;
	}
	rc = ND_OK;
done:
	nd_free(root);
	nd_strmap_dispose(&firsts);
	return rc;
}

/* Does a key hold a connector word ("bank of kessa")? Then its last word
 * is no head the name is known by. */
static bool has_connector(const nd_fstory *st, const char *k, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t e = i;

		while (e < len && k[e] != ' ')
			e++;
		if (nd_gazetteer_lookup(st->gaz, k + i, e - i).cls &
		    ND_LEX_CONNECTOR)
			return true;
		i = e + 1;
	}
	return false;
}

/* The one organisation of several words whose head is the one-word key,
 * or ND_FX_NONE. */
static uint32_t org_with_head(const nd_fstory *st, groups *g,
			      const char *ks, size_t ls)
{
	uint32_t f, found = ND_FX_NONE;

	for (f = 0; f < g->n; f++) {
		size_t lf, wl;
		const char *kf = gkey(st, g, f, &lf), *w;

		if (g->words[f] < 2 || gkind(g, f) != ND_VOTE_ORG ||
		    kf[0] == '@')
			continue;
		w = last_word(kf, lf, &wl);
		if (wl != ls || memcmp(w, ks, ls) != 0 ||
		    has_connector(st, kf, lf))
			continue;
		if (found != ND_FX_NONE && find(g, found) != find(g, f))
			return ND_FX_NONE;
		found = f;
	}
	return found;
}

/* "Mariners" after "Port Amsel Mariners", "Stags" after "Velmont Stags":
 * once named in full, a team or bloc goes by its head word. A one-word
 * name that is no person or place joins the one organisation it heads. */
static void merge_org_heads(nd_fstory *st, groups *g)
{
	uint32_t s, to;

	for (s = 0; s < g->n; s++) {
		size_t ls;
		const char *ks = gkey(st, g, s, &ls);
		int k = gkind(g, s);

		if (g->words[s] != 1 || ks[0] == '@' ||
		    g->redirect[s] != ND_FX_NONE ||
		    (g->flags[s] & (ND_MEN_GAZ | ND_MEN_ACRONYM)) ||
		    k == ND_VOTE_PERSON || k == ND_VOTE_PLACE)
			continue;
		to = org_with_head(st, g, ks, ls);
		if (to != ND_FX_NONE)
			unite(g, s, to);
	}
}

/* Is the root of mention j one of the candidates amb[at..at+n)? */
static bool candidate(nd_fstory *st, groups *g, size_t j, uint32_t at,
		      uint32_t n)
{
	uint32_t r = find(g, st->ments[j].group), c;

	for (c = 0; c < n; c++) {
		if (g->amb[at + c] == r)
			return true;
	}
	return false;
}

/* Of the candidates amb[at..at+n) of an ambiguous surname, the one
 * root the story never calls by its given name alone, when the others
 * it does: news calls the adult Wendie Rosenberg "Rosenberg" and her son
 * "Evan". ND_FX_NONE when that does not single one out. */
static size_t surname_called(groups *g, uint32_t at, uint32_t n)
{
	size_t one = ND_FX_NONE;
	uint32_t c, plain = 0;

	for (c = 0; c < n; c++) {
		uint32_t r = find(g, g->amb[at + c]);

		if (!g->given[r]) {
			plain++;
			one = r;
		}
	}
	return plain == 1 && n > 1 ? one : ND_FX_NONE;
}

/* Root of a mention; an ambiguous surname takes the full name its own
 * article names nearest before it (or after it). */
static uint32_t mention_root(nd_fstory *st, groups *g, size_t i)
{
	const nd_mention *m = &st->ments[i];
	uint32_t at = g->amb_at[m->group], n = g->amb_n[m->group];
	size_t lo = st->doc_ment[m->doc], hi = st->doc_ment[m->doc + 1], j;

	if (at == ND_FX_NONE)
		return find(g, m->group);
	j = surname_called(g, at, n);
	if (j != ND_FX_NONE)
		return (uint32_t)j;
	for (j = i; j-- > lo;) {
		if (candidate(st, g, j, at, n))
			return find(g, st->ments[j].group);
	}
	for (j = i + 1; j < hi; j++) {
		if (candidate(st, g, j, at, n))
			return find(g, st->ments[j].group);
	}
	return find(g, m->group);
}

/* The kind of a cluster from its summed evidence. */
static nd_entity_kind decide_kind(const cluster *c)
{
	int32_t p = c->votes[ND_VOTE_PERSON], o = c->votes[ND_VOTE_ORG];
	int32_t l = c->votes[ND_VOTE_PLACE];

	if (c->all_flags & ND_MEN_GAZ)
		return ND_ENTITY_PLACE;
	if (p > o && p > l)
		return ND_ENTITY_PERSON;
	if (o > p && o > l)
		return ND_ENTITY_ORGANISATION;
	if (l > p && l > o)
		return ND_ENTITY_PLACE;
	if (p > 0 && p == l && o < p)
		return (c->all_flags & ND_MEN_TITLED) ? ND_ENTITY_PERSON
						      : ND_ENTITY_PLACE;
	if (o > 0 && (o == l || o == p))
		return (c->all_flags & ND_MEN_ORGWORD) ? ND_ENTITY_ORGANISATION
		       : o == l ? ND_ENTITY_PLACE
				: ND_ENTITY_PERSON;
	/* No evidence at all: one word is most often a place, an acronym an
	 * organisation, two or three name-shaped words a person. */
	if (c->max_words == 1)
		return (c->all_flags & ND_MEN_ACRONYM) ? ND_ENTITY_ORGANISATION
						       : ND_ENTITY_PLACE;
	return (c->all_flags & ND_MEN_NAMELIKE) ? ND_ENTITY_PERSON
						: ND_ENTITY_ORGANISATION;
}

/* Noise: sentence openers nothing else backs, one-off bare words. */
static bool dropped(const cluster *c)
{
	/* A one-word sentence opener needs a mention elsewhere ("Upon",
	 * "Authorities have said"); two words need some context ("Orsolya
	 * Dent, who heads"). */
	if (!c->strong &&
	    (c->max_words == 1 || !(c->all_flags & ND_MEN_EVIDENCE)))
		return true;
	return c->max_words == 1 && c->n_mentions == 1 &&
	       !(c->all_flags &
		 (ND_MEN_EVIDENCE | ND_MEN_GAZ | ND_MEN_ACRONYM));
}

typedef struct sort_ent {
	nd_entity *e;
	size_t first;
	uint32_t cluster;
} sort_ent;

static int cmp_ent(const void *pa, const void *pb)
{
	const sort_ent *a = pa, *b = pb;
	int c;

	if (a->e->n_sources != b->e->n_sources)
		return a->e->n_sources > b->e->n_sources ? -1 : 1;
	if (a->e->n_mentions != b->e->n_mentions)
		return a->e->n_mentions > b->e->n_mentions ? -1 : 1;
	c = strcmp(a->e->name, b->e->name);
	if (c)
		return c;
	return a->first < b->first ? -1 : a->first > b->first;
}

static int cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	return a < b ? -1 : a > b;
}

/* Does the surface mix Latin letters or digits with Cyrillic or Greek in
 * one word ("К3+1")? Such a spelling is a typing accident. */
static bool mixed_script(const char *s, size_t n)
{
	size_t i;
	bool latin = false, other = false;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ') {
			if (latin && other)
				return true;
			latin = other = false;
		} else if (c < 0x80 && (((c | 0x20) >= 'a' &&
					 (c | 0x20) <= 'z') ||
					(c >= '0' && c <= '9'))) {
			latin = true;
		} else if (c >= 0xCE && c <= 0xD4) {
			other = true; /* lead bytes of U+0380..U+052F */
		}
	}
	return latin && other;
}

/* Working state of the output pass. */
typedef struct build {
	uint32_t *root_of;   /* per mention */
	uint32_t *cl_of_root; /* per group */
	cluster *cl;
	size_t n_cl;
	variant *var;
	size_t n_var, var_cap;
	uint32_t *var_of;    /* per mention */
	nd_strmap surf;
	size_t *srcbuf;
	sort_ent *order;
} build;

static void build_free(build *b)
{
	nd_free(b->root_of);
	nd_free(b->cl_of_root);
	nd_free(b->cl);
	nd_free(b->var);
	nd_free(b->var_of);
	if (b->surf.slots)
		nd_strmap_dispose(&b->surf);
	nd_free(b->srcbuf);
	nd_free(b->order);
}

/* Clusters and their distinct surface spellings. */
static int collect(nd_fstory *st, groups *g, build *b)
{
	nd_buf sk = ND_BUF_INIT(1u << 16);
	size_t i;
	int rc = ND_OK;

	b->root_of = nd_calloc(st->n_ments + 1, sizeof(*b->root_of));
	b->var_of = nd_calloc(st->n_ments + 1, sizeof(*b->var_of));
	b->cl_of_root = nd_calloc(g->n + 1, sizeof(*b->cl_of_root));
	b->cl = nd_calloc(g->n + 1, sizeof(*b->cl));
	if (!b->root_of || !b->var_of || !b->cl_of_root || !b->cl ||
	    nd_strmap_init(&b->surf)) {
		rc = ND_ENOMEM;
		goto done;
	}
	for (i = 0; i < g->n; i++)
		b->cl_of_root[i] = ND_FX_NONE;
	for (i = 0; i < st->n_ments; i++) {
		const nd_mention *m = &st->ments[i];
		const nd_doc *d = nd_fstory_doc(st, m->doc);
		uint32_t r, c, v, next;
		cluster *cl;
		int k;

		if (g->dead[m->group]) {
			b->root_of[i] = ND_FX_NONE;
			continue;
		}
		r = mention_root(st, g, i);
		b->root_of[i] = r;
		if (b->cl_of_root[r] == ND_FX_NONE) {
			b->cl_of_root[r] = (uint32_t)b->n_cl;
			b->cl[b->n_cl].root = r;
			b->cl[b->n_cl].first = i;
			b->cl[b->n_cl].final = ND_FX_NONE;
			b->cl[b->n_cl].canonical = ND_FX_NONE;
			b->n_cl++;
		}
		c = b->cl_of_root[r];
		cl = &b->cl[c];
		cl->n_mentions++;
		cl->all_flags |= m->flags;
		if (!(m->flags & ND_MEN_WEAK))
			cl->strong = true;
		for (k = 0; k < ND_VOTES; k++)
			cl->votes[k] += m->vote[k];
		if (m->words > cl->max_words)
			cl->max_words = m->words;
		nd_buf_clear(&sk);
		if (nd_buf_put(&sk, &c, sizeof(c)) ||
		    nd_buf_put(&sk, d->text + m->off, m->len)) {
			rc = ND_ENOMEM;
			goto done;
		}
		next = (uint32_t)b->n_var;
		if (nd_strmap_put(&b->surf, sk.ptr, sk.len, next, &v)) {
			rc = ND_ENOMEM;
			goto done;
		}
		if (v == next) {
			variant nv = { c, (uint32_t)i, 0, m->words,
				       mixed_script(d->text + m->off, m->len) };

			if (ND_ARRAY_PUSH(b->var, b->n_var, b->var_cap, nv)) {
				rc = ND_ENOMEM;
				goto done;
			}
		}
		b->var[v].count++;
		b->var_of[i] = v;
	}
done:
	nd_buf_dispose(&sk);
	return rc;
}

/* The fullest spelling, the most used among those, one without mixed
 * scripts, the first on ties. */
static void pick_canonical(build *b)
{
	size_t v;

	for (v = 0; v < b->n_var; v++) {
		cluster *cl = &b->cl[b->var[v].cluster];
		const variant *best, *x = &b->var[v];

		if (cl->canonical == ND_FX_NONE) {
			cl->canonical = (uint32_t)v;
			continue;
		}
		best = &b->var[cl->canonical];
		/* A country goes by its common name, not the official one. */
		if (cl->all_flags & ND_MEN_GAZ) {
			if (x->count > best->count ||
			    (x->count == best->count && x->words > best->words))
				cl->canonical = (uint32_t)v;
			continue;
		}
		if (x->words > best->words ||
		    (x->words == best->words && x->count > best->count) ||
		    (x->words == best->words && x->count == best->count &&
		     best->mixed && !x->mixed))
			cl->canonical = (uint32_t)v;
	}
}

static const char *surface(nd_fstory *st, const build *b, uint32_t v)
{
	const nd_mention *m = &st->ments[b->var[v].mention];
	const nd_doc *d = nd_fstory_doc(st, m->doc);

	return nd_arena_strndup(st->arena, d->text + m->off, m->len);
}

static int cmp_var(const void *pa, const void *pb, const build *b)
{
	const variant *a = &b->var[*(const uint32_t *)pa];
	const variant *c = &b->var[*(const uint32_t *)pb];

	if (a->count != c->count)
		return a->count > c->count ? -1 : 1;
	return a->mention < c->mention ? -1 : a->mention > c->mention;
}

/* Fills one entity from its cluster. */
static int fill_entity(nd_fstory *st, build *b, uint32_t c, nd_entity *e,
		       uint32_t *vars, size_t n_vars, size_t *srcs,
		       size_t n_srcs)
{
	size_t i, j, u = 0;

	e->kind = decide_kind(&b->cl[c]);
	e->n_mentions = b->cl[c].n_mentions;
	/* Variants: canonical first, then by use (insertion sort: few). */
	for (i = 1; i < n_vars; i++) {
		uint32_t x = vars[i];

		for (j = i; j > 0 && cmp_var(&x, &vars[j - 1], b) < 0; j--)
			vars[j] = vars[j - 1];
		vars[j] = x;
	}
	e->variants = nd_arena_calloc(st->arena, n_vars, sizeof(char *));
	if (e->variants == NULL)
		return ND_ENOMEM;
	e->variants[0] = surface(st, b, b->cl[c].canonical);
	if (e->variants[0] == NULL)
		return ND_ENOMEM;
	e->n_variants = 1;
	for (i = 0; i < n_vars; i++) {
		if (vars[i] == b->cl[c].canonical)
			continue;
		e->variants[e->n_variants] = surface(st, b, vars[i]);
		if (e->variants[e->n_variants] == NULL)
			return ND_ENOMEM;
		e->n_variants++;
	}
	e->name = e->variants[0];
	qsort(srcs, n_srcs, sizeof(*srcs), cmp_size);
	for (i = 0; i < n_srcs; i++) {
		if (u == 0 || srcs[u - 1] != srcs[i])
			srcs[u++] = srcs[i];
	}
	e->n_sources = u;
	e->sources = nd_arena_memdup(st->arena, srcs, u, sizeof(*srcs));
	if (u && e->sources == NULL)
		return ND_ENOMEM;
	return ND_OK;
}

/* Where each of the entity's mentions stands (ids in story order). */
static int fill_mentions(nd_fstory *st, nd_entity *e, const uint32_t *ids,
			 size_t n)
{
	size_t k;

	e->ments = nd_arena_calloc(st->arena, n, sizeof(*e->ments));
	if (n && e->ments == NULL)
		return ND_ENOMEM;
	for (k = 0; k < n; k++) {
		const nd_mention *m = &st->ments[ids[k]];

		e->ments[k].doc = st->members[m->doc];
		e->ments[k].off = m->off;
		e->ments[k].len = m->len;
	}
	return ND_OK;
}

/* Per cluster: its variants and source articles, gathered by bucketing
 * mentions (counting sort by cluster), then the entities. */
static int emit(nd_fstory *st, build *b)
{
	size_t *start = NULL, *fill = NULL, *srcs = NULL, i, n_keep = 0;
	uint32_t *byc = NULL, *vars = NULL, *vstart = NULL, *vfill = NULL;
	nd_entity *ents = NULL;
	int rc = ND_ENOMEM;

	start = nd_calloc(b->n_cl + 1, sizeof(*start));
	fill = nd_calloc(b->n_cl + 1, sizeof(*fill));
	byc = nd_calloc(st->n_ments + 1, sizeof(*byc));
	srcs = nd_calloc(st->n_ments + 1, sizeof(*srcs));
	vstart = nd_calloc(b->n_cl + 1, sizeof(*vstart));
	vfill = nd_calloc(b->n_cl + 1, sizeof(*vfill));
	vars = nd_calloc(b->n_var + 1, sizeof(*vars));
	b->order = nd_calloc(b->n_cl + 1, sizeof(*b->order));
	if (!start || !fill || !byc || !srcs || !vstart || !vfill || !vars ||
	    !b->order)
		goto done;
	for (i = 0; i < b->n_cl; i++)
		start[i + 1] = start[i] + b->cl[i].n_mentions;
	for (i = 0; i < st->n_ments; i++) {
		uint32_t c;

		if (b->root_of[i] == ND_FX_NONE)
			continue;
		c = b->cl_of_root[b->root_of[i]];
		byc[start[c] + fill[c]++] = (uint32_t)i;
	}
	for (i = 0; i < b->n_var; i++)
		vstart[b->var[i].cluster + 1]++;
	for (i = 0; i < b->n_cl; i++)
		vstart[i + 1] += vstart[i];
	for (i = 0; i < b->n_var; i++) {
		uint32_t c = b->var[i].cluster;

		vars[vstart[c] + vfill[c]++] = (uint32_t)i;
	}
	for (i = 0; i < b->n_cl; i++)
		n_keep += !dropped(&b->cl[i]);
	ents = n_keep ? nd_arena_calloc(st->arena, n_keep, sizeof(*ents))
		      : NULL;
	if (n_keep && ents == NULL)
		goto done;
	n_keep = 0;
	for (i = 0; i < b->n_cl; i++) {
		size_t k, n = b->cl[i].n_mentions;

		if (dropped(&b->cl[i]))
			continue;
		for (k = 0; k < n; k++)
			srcs[k] = st->members[st->ments[byc[start[i] + k]].doc];
		rc = fill_entity(st, b, (uint32_t)i, &ents[n_keep],
				 vars + vstart[i], vstart[i + 1] - vstart[i],
				 srcs, n);
		if (rc == ND_OK)
			rc = fill_mentions(st, &ents[n_keep], byc + start[i], n);
		if (rc)
			goto done;
		b->order[n_keep].e = &ents[n_keep];
		b->order[n_keep].first = b->cl[i].first;
		b->order[n_keep].cluster = (uint32_t)i;
		n_keep++;
	}
	qsort(b->order, n_keep, sizeof(*b->order), cmp_ent);
	st->ents = n_keep ? nd_arena_calloc(st->arena, n_keep,
					    sizeof(*st->ents))
			  : NULL;
	if (n_keep && st->ents == NULL) {
		rc = ND_ENOMEM;
		goto done;
	}
	for (i = 0; i < n_keep; i++) {
		st->ents[i] = *b->order[i].e;
		b->cl[b->order[i].cluster].final = (uint32_t)i;
	}
	st->n_ents = n_keep;
	for (i = 0; i < st->n_ments; i++)
		st->ments[i].entity =
			b->root_of[i] == ND_FX_NONE
				? ND_FX_NONE
				: b->cl[b->cl_of_root[b->root_of[i]]].final;
	rc = ND_OK;
done:
	nd_free(start);
	nd_free(fill);
	nd_free(byc);
	nd_free(srcs);
	nd_free(vstart);
	nd_free(vfill);
	nd_free(vars);
	return rc;
}

/* Cue words of each entity: the union of its mentions' cues. */
static int gather_cues(nd_fstory *st)
{
	size_t i;

	st->ent_cues = nd_calloc(st->n_ents * ND_ENTITY_CUES + 1,
				 sizeof(*st->ent_cues));
	st->ent_ncue = nd_calloc(st->n_ents + 1, sizeof(*st->ent_ncue));
	if (st->ent_cues == NULL || st->ent_ncue == NULL)
		return ND_ENOMEM;
	for (i = 0; i < st->n_ments; i++) {
		const nd_mention *m = &st->ments[i];
		uint64_t *cues;
		uint32_t *n, c, j;

		if (m->entity == ND_FX_NONE)
			continue;
		cues = st->ent_cues + (size_t)m->entity * ND_ENTITY_CUES;
		n = &st->ent_ncue[m->entity];
		for (c = 0; c < m->ncue; c++) {
			bool have = false;

			for (j = 0; j < *n; j++)
				have |= cues[j] == m->cue[c];
			if (!have && *n < ND_ENTITY_CUES)
				cues[(*n)++] = m->cue[c];
		}
	}
	return ND_OK;
}

int nd_entities_build(nd_fstory *st)
{
	groups g;
	build b;
	size_t i;
	int rc;

	memset(&g, 0, sizeof(g));
	memset(&b, 0, sizeof(b));
	rc = make_groups(st, &g);
	if (rc)
		goto done;
	find_adjectives(st, &g);
	find_redirects(st, &g);
	apply_redirects(st, &g);
	merge_spellings(st, &g);
	rc = merge_surnames(st, &g);
	if (rc)
		goto done;
	rc = merge_given_names(st, &g);
	if (rc)
		goto done;
	merge_org_heads(st, &g);
	for (i = 0; i + 1 < st->n_aliases; i += 2)
		unite(&g, st->ments[st->aliases[i]].group,
		      st->ments[st->aliases[i + 1]].group);
	rc = merge_acronyms(st, &g);
	if (rc)
		goto done;
	rc = collect(st, &g, &b);
	if (rc)
		goto done;
	pick_canonical(&b);
	rc = emit(st, &b);
	if (rc)
		goto done;
	rc = gather_cues(st);
done:
	build_free(&b);
	groups_free(&g);
	return rc;
}
