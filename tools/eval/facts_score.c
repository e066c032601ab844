#include "facts_score.h"

#include <stddef.h> /* offsetof */
#include <stdlib.h> /* qsort, strtoull */
#include <string.h> /* memcmp, memset, strcmp */

#include "core/alloc.h"
#include "core/buf.h"
#include "core/utf8.h"
#include "eval_input.h"
#include "ingest/json.h"

const char *const nd_fs_entity_kinds[ND_FS_ENTITY_KINDS] = {
	"person", "organisation", "place"
};
const char *const nd_fs_fact_kinds[ND_FS_FACT_KINDS] = {
	"money", "percent", "quantity", "date", "count"
};

/* Longest string member read (a quote's text is not read). */
#define STRING_MAX 4096

uint64_t nd_fs_fnv1a64(const void *p, size_t len)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325u;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

/* ---- Reading ---- */

/* What one object of the gold or the prediction holds; members not
 * listed are passed over. */
typedef struct item {
	nd_json_member story, input, articles, quotes, entities, facts;
	nd_json_member id, bytes, fnv, article, offset, length, speaker;
	nd_json_member direct, name, kind, mentions, occurrences;
} item;

typedef struct member_key {
	const char *key;
	size_t at; /* offsetof the member in item */
} member_key;

#define KEY(k, field) { k, offsetof(item, field) }
static const member_key keys[] = {
	KEY("story", story), KEY("input", input), KEY("articles", articles),
	KEY("quotes", quotes), KEY("entities", entities), KEY("facts", facts),
	KEY("id", id), KEY("bytes", bytes), KEY("fnv1a64", fnv),
	KEY("article", article), KEY("offset", offset), KEY("length", length),
	KEY("speaker", speaker), KEY("direct", direct), KEY("name", name),
	KEY("kind", kind), KEY("mentions", mentions),
	KEY("occurrences", occurrences),
};

static int see_member(void *ctx, const nd_json_member *m)
{
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (nd_json_string_is(m->key, m->key_len, keys[i].key)) {
			*(nd_json_member *)((char *)ctx + keys[i].at) = *m;
			break;
		}
	return 0;
}

/* The reading of one file: the story, where it is, what went wrong. */
typedef struct reader {
	nd_fs_story *s;
	nd_err *err;
	nd_buf scratch;
	int cls;      /* the class being read */
	int is_gold;
	size_t group; /* the entity or quote being read */
	int kind;
	const char *speaker;
} reader;

static int fail(reader *r, const char *what)
{
	return nd_err_set(r->err, ND_EFORMAT, "%s%s", what,
			  r->is_gold ? " (gold)" : " (prediction)");
}

static int parse_item(reader *r, item *it, const char *s, size_t n)
{
	memset(it, 0, sizeof(*it));
	return nd_json_parse_object(r->err, s, n, see_member, it);
}

/* The decoded string member m into the arena; "" when m is absent. */
static int string_of(reader *r, const char **out, const nd_json_member *m)
{
	int rc;

	*out = "";
	if (m->key == NULL)
		return ND_OK;
	if (m->kind != ND_JSON_STRING)
		return fail(r, "a string member is not a string");
	nd_buf_clear(&r->scratch);
	if ((rc = nd_json_unescape(&r->scratch, m->value, m->value_len)))
		return rc == ND_ETOOBIG ? fail(r, "a string is too long") : rc;
	*out = nd_arena_strndup(r->s->arena,
				r->scratch.ptr ? r->scratch.ptr : "",
				r->scratch.len);
	return *out ? ND_OK : ND_ENOMEM;
}

/* A non-negative whole number member. */
static int number_of(reader *r, size_t *out, const nd_json_member *m)
{
	char digits[32];
	char *end;

	if (m->key == NULL || m->kind != ND_JSON_NUMBER ||
	    m->value_len >= sizeof(digits) || m->value[0] == '-')
		return fail(r, "an offset, length or bytes is not a number");
	memcpy(digits, m->value, m->value_len);
	digits[m->value_len] = '\0';
	*out = (size_t)strtoull(digits, &end, 10);
	if (*end != '\0')
		return fail(r, "an offset, length or bytes is not whole");
	return ND_OK;
}

/* The index of the article the id names, or n_articles when the gold
 * has none such. */
static size_t article_of(const nd_fs_story *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->n_articles; i++)
		if (strcmp(s->articles[i].id, id) == 0)
			return i;
	return s->n_articles;
}

static int kind_of(reader *r, int *out, const nd_json_member *m,
		   const char *const *names, size_t n)
{
	const char *k;
	size_t i;
	int rc;

	if ((rc = string_of(r, &k, m)))
		return rc;
	for (i = 0; i < n; i++)
		if (strcmp(k, names[i]) == 0) {
			*out = (int)i;
			return ND_OK;
		}
	return fail(r, "an unknown kind");
}

static nd_fs_spans *target(reader *r)
{
	return r->is_gold ? &r->s->gold[r->cls] : &r->s->pred[r->cls];
}

/* Adds the span at it's article, offset and length, with the kind, group
 * and speaker being read; a prediction for an article the gold does not
 * list, and a span already added for this quote, are passed over. */
static int add_span(reader *r, const item *it)
{
	nd_fs_spans *to = target(r);
	nd_fs_span sp;
	const char *id;
	size_t i;
	int rc;

	memset(&sp, 0, sizeof(sp));
	if ((rc = string_of(r, &id, &it->article)) ||
	    (rc = number_of(r, &sp.off, &it->offset)) ||
	    (rc = number_of(r, &sp.len, &it->length)))
		return rc;
	sp.art = article_of(r->s, id);
	if (sp.art == r->s->n_articles)
		return r->is_gold ? fail(r, "a span's article is not listed")
				  : ND_OK;
	if (r->is_gold && (sp.off > r->s->articles[sp.art].bytes ||
			   sp.len > r->s->articles[sp.art].bytes - sp.off))
		return fail(r, "a span runs past its article's bytes");
	sp.kind = r->kind;
	sp.group = r->group;
	sp.speaker = r->speaker;
	for (i = to->n; i > 0 && to->v[i - 1].group == sp.group; i--)
		if (to->v[i - 1].art == sp.art && to->v[i - 1].off == sp.off &&
		    to->v[i - 1].len == sp.len)
			return ND_OK;
	return ND_ARRAY_PUSH(to->v, to->n, to->cap, sp) ? ND_ENOMEM : ND_OK;
}

static int read_occurrence(void *ctx, const char *s, size_t n)
{
	reader *r = ctx;
	item it;
	int rc;

	if ((rc = parse_item(r, &it, s, n)))
		return rc;
	return add_span(r, &it);
}

/* Adds the predicted occurrences of the quote or fact it, spans of it
 * too, and moves on to the next. */
static int read_occurrences(reader *r, const item *it)
{
	int rc = ND_OK;

	if (!r->is_gold && it->occurrences.key != NULL)
		rc = nd_eval_json_values(it->occurrences.value,
					 it->occurrences.value_len,
					 read_occurrence, r);
	r->group++;
	return rc;
}

static int read_quote(void *ctx, const char *s, size_t n)
{
	reader *r = ctx;
	item it;
	int rc;

	if ((rc = parse_item(r, &it, s, n)))
		return rc;
	if (it.direct.key == NULL || (it.direct.kind != ND_JSON_TRUE &&
				      it.direct.kind != ND_JSON_FALSE))
		return fail(r, "a quote's direct is not true or false");
	r->kind = it.direct.kind == ND_JSON_TRUE;
	if ((rc = string_of(r, &r->speaker, &it.speaker)) ||
	    (rc = add_span(r, &it)))
		return rc;
	return read_occurrences(r, &it);
}

static int read_entity(void *ctx, const char *s, size_t n)
{
	reader *r = ctx;
	const char *name;
	item it;
	int rc;

	if ((rc = parse_item(r, &it, s, n)) ||
	    (rc = kind_of(r, &r->kind, &it.kind, nd_fs_entity_kinds,
			  ND_FS_ENTITY_KINDS)) ||
	    (rc = string_of(r, &name, &it.name)))
		return rc;
	if (it.mentions.key == NULL)
		return fail(r, "an entity without mentions");
	if (r->is_gold && ND_ARRAY_PUSH(r->s->entity_names,
					r->s->n_entity_names,
					r->s->cap_entity_names, name))
		return ND_ENOMEM;
	rc = nd_eval_json_values(it.mentions.value, it.mentions.value_len,
				 read_occurrence, r);
	r->group++;
	return rc;
}

static int read_fact(void *ctx, const char *s, size_t n)
{
	reader *r = ctx;
	item it;
	int rc;

	if ((rc = parse_item(r, &it, s, n)) ||
	    (rc = kind_of(r, &r->kind, &it.kind, nd_fs_fact_kinds,
			  ND_FS_FACT_KINDS)) ||
	    (rc = add_span(r, &it)))
		return rc;
	return read_occurrences(r, &it);
}

static int read_article(void *ctx, const char *s, size_t n)
{
	reader *r = ctx;
	nd_fs_story *st = r->s;
	nd_fs_article a;
	const char *hex;
	char *end;
	item it;
	int rc;

	memset(&a, 0, sizeof(a));
	if ((rc = parse_item(r, &it, s, n)) ||
	    (rc = string_of(r, &a.id, &it.id)) ||
	    (rc = number_of(r, &a.bytes, &it.bytes)) ||
	    (rc = string_of(r, &hex, &it.fnv)))
		return rc;
	a.fnv = strtoull(hex, &end, 16);
	if (a.id[0] == '\0' || strlen(hex) != 16 || *end != '\0')
		return fail(r, "an article without id or 16-digit fnv1a64");
	if (article_of(st, a.id) < st->n_articles)
		return fail(r, "an article listed twice");
	return ND_ARRAY_PUSH(st->articles, st->n_articles, st->cap_articles,
			     a) ? ND_ENOMEM : ND_OK;
}

static int read_input(void *ctx, const char *s, size_t n)
{
	reader *r = ctx;
	const char *copy = nd_arena_strndup(r->s->arena, s, n);

	if (copy == NULL || ND_ARRAY_PUSH(r->s->inputs, r->s->n_inputs,
					  r->s->cap_inputs, copy))
		return ND_ENOMEM;
	return ND_OK;
}

/* Reads the three lists of a gold line or a prediction. */
static int read_lists(reader *r, const item *top)
{
	static const nd_eval_value_fn readers[ND_FS_CLASSES] = {
		read_quote, read_entity, read_fact
	};
	const nd_json_member *lists[ND_FS_CLASSES];
	int cls, rc;

	lists[ND_FS_QUOTES] = &top->quotes;
	lists[ND_FS_ENTITIES] = &top->entities;
	lists[ND_FS_FACTS] = &top->facts;
	for (cls = 0; cls < ND_FS_CLASSES; cls++) {
		r->cls = cls;
		r->group = 0;
		r->kind = 0;
		r->speaker = "";
		if (lists[cls]->key == NULL)
			continue; /* nothing of the kind */
		if (lists[cls]->kind != ND_JSON_ARRAY)
			return fail(r, "quotes, entities or facts not a list");
		rc = nd_eval_json_values(lists[cls]->value,
					 lists[cls]->value_len, readers[cls],
					 r);
		if (rc)
			return rc == ND_EFORMAT && r->err->msg[0] == '\0'
				       ? fail(r, "a malformed list")
				       : rc;
		if (!r->is_gold && r->group > r->s->n_pred_groups)
			r->s->n_pred_groups = r->group;
	}
	return ND_OK;
}

static int read_file(nd_fs_story *s, nd_err *err, const char *json,
		     size_t len, int is_gold)
{
	reader r = { s, err, ND_BUF_INIT(STRING_MAX), 0, is_gold, 0, 0, "" };
	item top;
	int rc;

	nd_err_clear(err);
	if (s->arena == NULL && (rc = nd_arena_create(&s->arena)))
		goto done;
	if ((rc = parse_item(&r, &top, json, len)))
		goto done;
	if (is_gold) {
		if ((rc = string_of(&r, &s->name, &top.story)))
			goto done;
		if (top.input.kind == ND_JSON_STRING)
			rc = read_input(&r, top.input.value,
					top.input.value_len);
		else if (top.input.kind == ND_JSON_ARRAY)
			rc = nd_eval_json_strings(&r.scratch, top.input.value,
						  top.input.value_len,
						  read_input, &r);
		if (rc == ND_OK && top.articles.kind == ND_JSON_ARRAY)
			rc = nd_eval_json_values(top.articles.value,
						 top.articles.value_len,
						 read_article, &r);
		if (rc)
			goto done;
		if (s->name[0] == '\0' || s->n_inputs == 0 ||
		    s->n_articles == 0) {
			rc = fail(&r, "a story without name, input or articles");
			goto done;
		}
	}
	rc = read_lists(&r, &top);
done:
	if (rc && err->msg[0] == '\0')
		nd_err_set(err, rc, "%s", nd_strerror(rc));
	nd_buf_dispose(&r.scratch);
	return rc;
}

int nd_fs_story_gold(nd_fs_story *s, nd_err *err, const char *line,
		     size_t len)
{
	return read_file(s, err, line, len, 1);
}

int nd_fs_story_pred(nd_fs_story *s, nd_err *err, const char *json,
		     size_t len)
{
	return read_file(s, err, json, len, 0);
}

void nd_fs_story_dispose(nd_fs_story *s)
{
	int c;

	for (c = 0; c < ND_FS_CLASSES; c++) {
		nd_free(s->gold[c].v);
		nd_free(s->pred[c].v);
	}
	nd_free(s->inputs);
	nd_free(s->articles);
	nd_free(s->entity_names);
	nd_arena_free(s->arena);
	memset(s, 0, sizeof(*s));
}

/* ---- Matching ---- */

typedef struct candidate {
	size_t overlap, g, p;
} candidate;

static int by_overlap(const void *a, const void *b)
{
	const candidate *x = a, *y = b;

	if (x->overlap != y->overlap)
		return x->overlap > y->overlap ? -1 : 1;
	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return (x->p > y->p) - (x->p < y->p);
}

static size_t overlap(const nd_fs_span *a, const nd_fs_span *b)
{
	size_t lo = a->off > b->off ? a->off : b->off;
	size_t ha = a->off + a->len, hb = b->off + b->len;
	size_t hi = ha < hb ? ha : hb;

	return hi > lo ? hi - lo : 0;
}

/* Pairs gold spans with predicted ones of one article and kind whose
 * overlap is at least half of each, largest overlap first:
 * match[g] is the predicted span's index, or SIZE_MAX. */
static int match_spans(size_t *match, const nd_fs_spans *gold,
		       const nd_fs_spans *pred)
{
	candidate *c = NULL;
	unsigned char *taken = nd_calloc(pred->n + 1, 1);
	size_t n = 0, cap = 0, g, p, k;
	int rc = ND_ENOMEM;

	if (taken == NULL)
		goto done;
	for (g = 0; g < gold->n; g++) {
		match[g] = SIZE_MAX;
		for (p = 0; p < pred->n; p++) {
			const nd_fs_span *a = &gold->v[g], *b = &pred->v[p];
			candidate cand = { overlap(a, b), g, p };

			if (a->art != b->art || a->kind != b->kind ||
			    cand.overlap == 0 || cand.overlap * 2 < a->len ||
			    cand.overlap * 2 < b->len)
				continue;
			if (ND_ARRAY_PUSH(c, n, cap, cand))
				goto done;
		}
	}
	if (n > 1)
		qsort(c, n, sizeof(*c), by_overlap);
	for (k = 0; k < n; k++)
		if (match[c[k].g] == SIZE_MAX && !taken[c[k].p]) {
			match[c[k].g] = c[k].p;
			taken[c[k].p] = 1;
		}
	rc = ND_OK;
done:
	nd_free(c);
	nd_free(taken);
	return rc;
}

/* Counts gold, predicted and matched spans by kind into prf[kinds]. */
static void count(nd_fs_prf *prf, size_t kinds, const nd_fs_spans *gold,
		  const nd_fs_spans *pred, const size_t *match)
{
	size_t i;

	for (i = 0; i < gold->n; i++)
		if ((size_t)gold->v[i].kind < kinds) {
			prf[gold->v[i].kind].gold++;
			prf[gold->v[i].kind].match += match[i] != SIZE_MAX;
		}
	for (i = 0; i < pred->n; i++)
		if ((size_t)pred->v[i].kind < kinds)
			prf[pred->v[i].kind].pred++;
}

/* A folded name without a leading "the " or a final period: "The Wall
 * Street Journal" and "InfoCision Management Corp." are the names
 * "Wall Street Journal" and "InfoCision Management Corp". */
static const char *bare_name(const char *f, size_t *n)
{
	if (*n > 4 && memcmp(f, "the ", 4) == 0) {
		f += 4;
		*n -= 4;
	}
	if (*n > 1 && f[*n - 1] == '.')
		(*n)--;
	return f;
}

/* Whether the folded a equals the folded b, as names. */
static int same_folded(const char *a, size_t alen, const char *b,
		       size_t blen)
{
	char fa[ND_FOLD_MAX * 4], fb[ND_FOLD_MAX * 4];
	size_t na = nd_utf8_fold(a, alen, fa, sizeof(fa));
	size_t nb = nd_utf8_fold(b, blen, fb, sizeof(fb));
	const char *pa = bare_name(fa, &na), *pb = bare_name(fb, &nb);

	return na == nb && memcmp(pa, pb, na) == 0;
}

/* Whether the predicted speaker names the gold one: the gold name, or
 * the text of a mention of the gold entity of that name. */
static int speaker_right(const nd_fs_story *s, const char *gold,
			 const char *pred)
{
	const nd_fs_spans *m = &s->gold[ND_FS_ENTITIES];
	size_t i;

	if (same_folded(gold, strlen(gold), pred, strlen(pred)))
		return 1;
	for (i = 0; i < m->n; i++) {
		const nd_fs_article *a = &s->articles[m->v[i].art];

		if (strcmp(s->entity_names[m->v[i].group], gold) != 0 ||
		    a->text == NULL || m->v[i].off + m->v[i].len > a->len)
			continue;
		if (same_folded(a->text + m->v[i].off, m->v[i].len, pred,
				strlen(pred)))
			return 1;
	}
	return 0;
}

/* Is gold speaker the name of a gold entity? "police" or "witnesses"
 * name nobody, and a system that names only entities cannot be scored
 * against them. */
static int named_speaker(const nd_fs_story *s, const char *gold)
{
	size_t i;

	for (i = 0; i < s->n_entity_names; i++) {
		if (strcmp(s->entity_names[i], gold) == 0)
			return 1;
	}
	return 0;
}

/* Merge precision and recall over the matched mentions. */
static void count_merges(nd_fs_counts *out, const nd_fs_spans *gold,
			 const nd_fs_spans *pred, const size_t *match)
{
	size_t i, j;

	for (i = 0; i < gold->n; i++) {
		if (match[i] == SIZE_MAX)
			continue;
		for (j = i + 1; j < gold->n; j++) {
			int same_gold, same_pred;

			if (match[j] == SIZE_MAX)
				continue;
			same_gold = gold->v[i].group == gold->v[j].group;
			same_pred = pred->v[match[i]].group ==
				    pred->v[match[j]].group;
			out->merge_pred_pairs += same_pred;
			out->merge_pred_right += same_pred && same_gold;
			out->merge_gold_pairs += same_gold;
			out->merge_gold_found += same_pred && same_gold;
		}
	}
}

/* Reports the spans of class cls that match left alone. */
static int report_misses(const nd_fs_story *s, int cls, const size_t *match,
			 nd_fs_miss_fn miss, void *ctx)
{
	const nd_fs_spans *gold = &s->gold[cls], *pred = &s->pred[cls];
	unsigned char *taken;
	size_t i;

	if (miss == NULL)
		return ND_OK;
	if ((taken = nd_calloc(pred->n + 1, 1)) == NULL)
		return ND_ENOMEM;
	for (i = 0; i < gold->n; i++) {
		if (match[i] == SIZE_MAX)
			miss(ctx, cls, &gold->v[i], NULL);
		else
			taken[match[i]] = 1;
	}
	for (i = 0; i < pred->n; i++)
		if (!taken[i])
			miss(ctx, cls, NULL, &pred->v[i]);
	nd_free(taken);
	return ND_OK;
}

int nd_fs_score(nd_fs_counts *out, const nd_fs_story *s, nd_fs_miss_fn miss,
		void *ctx)
{
	const nd_fs_spans *gq = &s->gold[ND_FS_QUOTES];
	const nd_fs_span *p;
	size_t most = 1, c, i;
	size_t *match;
	nd_fs_counts n;
	int rc = ND_OK;

	memset(&n, 0, sizeof(n));
	for (c = 0; c < ND_FS_CLASSES; c++)
		if (s->gold[c].n > most)
			most = s->gold[c].n;
	if ((match = nd_calloc(most, sizeof(*match))) == NULL)
		return ND_ENOMEM;
	if ((rc = match_spans(match, gq, &s->pred[ND_FS_QUOTES])))
		goto done;
	count(n.quotes, 2, gq, &s->pred[ND_FS_QUOTES], match);
	if ((rc = report_misses(s, ND_FS_QUOTES, match, miss, ctx)))
		goto done;
	for (i = 0; i < gq->n; i++) {
		if (!gq->v[i].kind || gq->v[i].speaker[0] == '\0' ||
		    match[i] == SIZE_MAX || !named_speaker(s, gq->v[i].speaker))
			continue;
		p = &s->pred[ND_FS_QUOTES].v[match[i]];
		n.speakers++;
		if (speaker_right(s, gq->v[i].speaker, p->speaker))
			n.speakers_right++;
		else if (miss)
			miss(ctx, ND_FS_CLASSES, &gq->v[i], p);
	}
	if ((rc = match_spans(match, &s->gold[ND_FS_ENTITIES],
			      &s->pred[ND_FS_ENTITIES])))
		goto done;
	count(n.entities, ND_FS_ENTITY_KINDS, &s->gold[ND_FS_ENTITIES],
	      &s->pred[ND_FS_ENTITIES], match);
	count_merges(&n, &s->gold[ND_FS_ENTITIES], &s->pred[ND_FS_ENTITIES],
		     match);
	if ((rc = report_misses(s, ND_FS_ENTITIES, match, miss, ctx)))
		goto done;
	if ((rc = match_spans(match, &s->gold[ND_FS_FACTS],
			      &s->pred[ND_FS_FACTS])))
		goto done;
	count(n.facts, ND_FS_FACT_KINDS, &s->gold[ND_FS_FACTS],
	      &s->pred[ND_FS_FACTS], match);
	if ((rc = report_misses(s, ND_FS_FACTS, match, miss, ctx)))
		goto done;
	nd_fs_counts_add(out, &n);
done:
	nd_free(match);
	return rc;
}

/* ---- Figures ---- */

static void prf_add(nd_fs_prf *a, const nd_fs_prf *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		a[i].gold += b[i].gold;
		a[i].pred += b[i].pred;
		a[i].match += b[i].match;
	}
}

void nd_fs_counts_add(nd_fs_counts *a, const nd_fs_counts *b)
{
	prf_add(a->quotes, b->quotes, 2);
	prf_add(a->entities, b->entities, ND_FS_ENTITY_KINDS);
	prf_add(a->facts, b->facts, ND_FS_FACT_KINDS);
	a->speakers += b->speakers;
	a->speakers_right += b->speakers_right;
	a->merge_pred_pairs += b->merge_pred_pairs;
	a->merge_pred_right += b->merge_pred_right;
	a->merge_gold_pairs += b->merge_gold_pairs;
	a->merge_gold_found += b->merge_gold_found;
}

double nd_fs_ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1;
}

void nd_fs_prf_ratios(const nd_fs_prf *c, double *p, double *r, double *f1)
{
	*p = nd_fs_ratio(c->match, c->pred);
	*r = nd_fs_ratio(c->match, c->gold);
	*f1 = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

nd_fs_prf nd_fs_prf_sum(const nd_fs_prf *c, size_t n)
{
	nd_fs_prf sum = { 0, 0, 0 };

	prf_add(&sum, c, 1);
	while (--n > 0)
		prf_add(&sum, ++c, 1);
	return sum;
}
