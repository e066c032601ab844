/* Test fixture: a small analysed corpus built from texts or files.
 *
 * Files get a light cleaning of their own, so dedup and cluster tests do
 * not depend on the clean stage: the title is the first line of 4 to 20
 * words that does not end like a sentence and comes before any body line,
 * and body lines are lines of at least 8 words that look like prose (see
 * fx_clean). Header-only, for tests. */
#ifndef ND_TEST_CORPUS_FIXTURE_H
#define ND_TEST_CORPUS_FIXTURE_H

#include <stdio.h>  /* FILE */
#include <stdlib.h> /* malloc */
#include <string.h> /* memcpy */
#include <sys/stat.h> /* stat */

#include "analyse/analyse.h"
#include "core/arena.h"

#define FX_MAX_DOCS 32

typedef struct fx_corpus {
	nd_vocab *vocab;
	nd_arena *arena;
	size_t n;
	nd_doc docs[FX_MAX_DOCS];
	char *texts[FX_MAX_DOCS];
	const char *ids[FX_MAX_DOCS];
	const char *titles[FX_MAX_DOCS];
	const char *published[FX_MAX_DOCS];
	size_t title_len[FX_MAX_DOCS];
	nd_corpus c;
} fx_corpus;

static inline int fx_init(fx_corpus *f)
{
	memset(f, 0, sizeof(*f));
	if (nd_vocab_create(&f->vocab, NULL))
		return -1;
	return nd_arena_create(&f->arena);
}

static inline void fx_free(fx_corpus *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->texts[i]);
	nd_vocab_free(f->vocab);
	nd_arena_free(f->arena);
	memset(f, 0, sizeof(*f));
}

/* Adds an already clean text "Title\n\nbody lines" (title_len 0: none). */
static inline int fx_add(fx_corpus *f, const char *id, const char *text,
			 size_t title_len, const char *published)
{
	size_t len = strlen(text);

	if (f->n >= FX_MAX_DOCS)
		return -1;
	f->texts[f->n] = malloc(len + 1);
	if (f->texts[f->n] == NULL)
		return -1;
	memcpy(f->texts[f->n], text, len + 1);
	if (nd_analyse(&f->docs[f->n], f->vocab, f->arena, f->texts[f->n],
		       len, title_len))
		return -1;
	f->ids[f->n] = id;
	f->titles[f->n] = "";
	f->title_len[f->n] = title_len;
	f->published[f->n] = published ? published : "";
	f->n++;
	return 0;
}

/* Adds "Title\n\nPara...": the title is the first line. */
static inline int fx_add_titled(fx_corpus *f, const char *id,
				const char *text, const char *published)
{
	const char *nl = strchr(text, '\n');

	return fx_add(f, id, text, nl ? (size_t)(nl - text) : strlen(text),
		      published);
}

static inline size_t fx_words(const char *p, size_t n)
{
	size_t i, words = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int sp = p[i] == ' ' || p[i] == '\t' || p[i] == '\r';

		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

/* Share of the words of p[0..n) that are common English function words,
 * in percent: low for filler in other languages and for address lines. */
static inline size_t fx_function_share(const char *p, size_t n)
{
	static const char *const fw[] = {
		"the", "a", "an", "of", "to", "in", "and", "on", "for", "is",
		"was", "that", "with", "at", "by", "from", "as", "it", "has",
		"have", "will", "be", "are", "his", "her", "their", "this",
		"my", "he", "she", "they", "we", "not", NULL
	};
	size_t i = 0, words = 0, hits = 0;

	while (i < n) {
		size_t s, k;

		while (i < n && p[i] == ' ')
			i++;
		s = i;
		while (i < n && p[i] != ' ')
			i++;
		if (i == s)
			break;
		words++;
		for (k = 0; fw[k]; k++) {
			size_t l = strlen(fw[k]), c;

			if (l != i - s)
				continue;
			for (c = 0; c < l; c++) {
				char ch = p[s + c];

				if (ch >= 'A' && ch <= 'Z')
					ch = (char)(ch - 'A' + 'a');
				if (ch != fw[k][c])
					break;
			}
			if (c == l) {
				hits++;
				break;
			}
		}
	}
	return words ? hits * 100 / words : 0;
}

/* Does the line end like a sentence: . ! ? or a closing quote or bracket? */
static inline int fx_ends_sentence(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (n >= 3 && u[n - 3] == 0xe2 && u[n - 2] == 0x80 &&
	    (u[n - 1] == 0x9d || u[n - 1] == 0x99))
		return 1; /* closing curly quote */
	if (n >= 2 && u[n - 2] == 0xc2 && u[n - 1] == 0xbb)
		return 1; /* guillemet */
	return strchr(".!?\")", p[n - 1]) != NULL;
}

/* The light cleaning described at the top, plus: a title is no menu, a
 * body line of fewer than 20 words must end like a sentence, teasers are
 * dropped, and a body line must be at least 15% function words. Returns a
 * malloc'd text or NULL. */
/* A teaser of another story ends in an ellipsis. */
static inline int fx_teaser(const char *p, size_t n)
{
	return (n >= 3 && memcmp(p + n - 3, "...", 3) == 0) ||
	       (n >= 3 && memcmp(p + n - 3, "\xe2\x80\xa6", 3) == 0);
}

/* Menus and breadcrumbs: separators or runs of spaces between items. */
static inline int fx_menu(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '|' || p[i] == '>' ||
		    (i + 2 < n && p[i] == ' ' && p[i + 1] == ' ' &&
		     p[i + 2] == ' '))
			return 1;
	}
	return 0;
}

static inline char *fx_clean(const char *raw, size_t len, size_t *title_len)
{
	char *out = malloc(len + 3), *title = NULL;
	size_t at = 0, o = 0, tlen = 0;
	int body_seen = 0;

	if (out == NULL)
		return NULL;
	title = malloc(len + 1);
	if (title == NULL) {
		free(out);
		return NULL;
	}
	while (at < len) {
		const char *nl = memchr(raw + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - raw) : len, a = at, b = end;
		size_t w;
		char last;

		at = end + 1;
		while (a < b && (raw[a] == ' ' || raw[a] == '\t'))
			a++;
		while (b > a && (raw[b - 1] == ' ' || raw[b - 1] == '\t' ||
				 raw[b - 1] == '\r'))
			b--;
		if (a == b)
			continue;
		w = fx_words(raw + a, b - a);
		last = raw[b - 1];
		if (!body_seen && tlen == 0 && w >= 4 && w <= 20 &&
		    last != '.' && last != '?' && last != '!' && last != ':' &&
		    !fx_menu(raw + a, b - a)) {
			memcpy(title, raw + a, b - a);
			tlen = b - a;
			continue;
		}
		if (w < 8 || (w < 20 && !fx_ends_sentence(raw + a, b - a)) ||
		    fx_teaser(raw + a, b - a) ||
		    fx_function_share(raw + a, b - a) < 15)
			continue;
		body_seen = 1;
		memcpy(out + o, raw + a, b - a);
		o += b - a;
		out[o++] = '\n';
	}
	/* Title line, blank line, body. */
	if (tlen) {
		memmove(out + tlen + 2, out, o);
		memcpy(out, title, tlen);
		out[tlen] = '\n';
		out[tlen + 1] = '\n';
		o += tlen + 2;
	}
	out[o] = '\0';
	free(title);
	*title_len = tlen;
	return out;
}

/* Reads and lightly cleans path; malloc'd text or NULL. */
static inline char *fx_load(const char *path, size_t *title_len)
{
	FILE *fp = fopen(path, "rb");
	char *raw = NULL, *out = NULL;
	long size;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 &&
	    (raw = malloc((size_t)size + 1)) != NULL &&
	    fread(raw, 1, (size_t)size, fp) == (size_t)size)
		out = fx_clean(raw, (size_t)size, title_len);
	free(raw);
	fclose(fp);
	return out;
}

/* Is path a directory (the seeds and examples are optional)? */
static inline int fx_dir_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static inline int fx_add_file(fx_corpus *f, const char *id, const char *path)
{
	size_t title_len = 0;
	char *text = fx_load(path, &title_len);
	int rc;

	if (text == NULL)
		return -1;
	rc = fx_add(f, id, text, title_len, NULL);
	free(text);
	return rc;
}

/* Counts document frequencies, as the pipeline does before dedup and
 * cluster, and fills f->c. */
static inline void fx_finish(fx_corpus *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		nd_vocab_count_doc(f->vocab, &f->docs[i]);
	f->c.n = f->n;
	f->c.docs = f->docs;
	f->c.ids = f->ids;
	f->c.titles = f->titles;
	f->c.published = f->published;
	f->c.vocab = f->vocab;
}

#endif
