/* furniture: is one line page furniture, judged on the line alone?
 *
 * A line is measured once (words, letters, script, how it ends and
 * starts) and then tried against a lexicon of furniture phrases (search
 * prompts, share and follow buttons, comment forms, newsletter and cookie
 * prompts, "Related Articles", footers) and against shape rules: short
 * lines that are not sentences, tag and bullet lines, menus laid out in
 * columns, breadcrumbs, contact and address lines, lines of symbols.
 * Where a line stands in the page is decided by the caller (clean.c). */
#ifndef ND_CLEAN_FURNITURE_H
#define ND_CLEAN_FURNITURE_H

#include <stdbool.h> /* bool */
#include <stddef.h>  /* size_t */

/* Writing systems, as far as telling a caption in another script goes. */
enum {
	ND_SCRIPT_NONE = 0,
	ND_SCRIPT_LATIN,
	ND_SCRIPT_GREEK,
	ND_SCRIPT_CYRILLIC,
	ND_SCRIPT_ARMENIAN,
	ND_SCRIPT_HEBREW,
	ND_SCRIPT_ARABIC,
	ND_SCRIPT_INDIC,
	ND_SCRIPT_THAI,
	ND_SCRIPT_CJK,
	ND_SCRIPT_OTHER,
	ND_SCRIPT_COUNT
};

typedef struct nd_line_feat {
	size_t words;        /* tokens holding a letter or digit */
	size_t letters;
	size_t digits;
	size_t nonspace;     /* characters other than spaces */
	size_t script_letters; /* letters of the dominant script */
	int script;          /* dominant script, ND_SCRIPT_* */
	unsigned sentences;  /* inner sentence ends (". " then a capital) */
	bool sentence;       /* ends with . ! ? … or a closing quote, or
			      * such an end signed off: ". EFE" */
	bool period_end;     /* ends with a full stop proper */
	bool ellipsis;       /* ends with "..." or "…": a teaser */
	bool open_end;       /* ends with an opening quote or bracket */
	bool colon_end;      /* ends with ':' */
	bool comma_end;      /* ends with ',' */
	bool bullet;         /* starts with a bullet or list mark */
	bool phone;          /* holds a phone number */
	bool email;          /* holds an e-mail address */
	bool copyright;      /* holds ©, "(c) 2..." or "copyright" */
} nd_line_feat;

/* Verdicts of nd_clean_furniture. */
enum {
	ND_FURN_NONE = 0,
	ND_FURN_JUNK,     /* furniture */
	ND_FURN_SHORT,    /* a few words that make no sentence: a label */
	ND_FURN_TAIL,     /* opens end-of-page furniture: "Related Articles" */
	ND_FURN_COMMENTS, /* opens a comment section: nothing after is news */
	ND_FURN_READALSO, /* "Read also": the next headline is a teaser */
	ND_FURN_LOREM     /* filler text */
};

/* Longest folded form of a line that the phrase rules look at. */
#define ND_CLEAN_FOLD_MAX 1024
/* Lines with more words than this are prose; phrase rules skip them. */
#define ND_CLEAN_PHRASE_WORDS 45

/* Measures the line s[0..len). */
void nd_clean_features(nd_line_feat *f, const char *s, size_t len);
/* Writes the matching key of s[0..len) into out: folded (case, marks,
 * typographic quotes), every run of non-word characters made one space,
 * with a space at both ends (" read also "). Truncated at outsize - 1
 * bytes; returns the length. */
size_t nd_clean_key(const char *s, size_t len, char *out, size_t outsize);
/* As nd_clean_key, from fold[0..n), the nd_utf8_fold form of a line cut
 * to ND_CLEAN_FOLD_MAX - 1 bytes, for callers that hold it already. */
size_t nd_clean_key_folded(const char *fold, size_t n, char *out,
			   size_t outsize);
/* Judges the line s[0..len) with features f and gaps (column gaps, see
 * nd_cline). fold is its nd_utf8_fold form and key its nd_clean_key form,
 * or NULL for lines too long for phrase rules. Returns ND_FURN_*. */
int nd_clean_furniture(const char *s, size_t len, size_t gaps,
		       const nd_line_feat *f, const char *fold,
		       const char *key);

#endif
