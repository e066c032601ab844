#include "clean/meta.h"

#include <stdint.h> /* int32_t */
#include <string.h> /* memset, strlen, strncmp, strstr */

#include "clean/clean_lines.h"
#include "core/utf8.h"

/* ---- Small helpers over one line ---- */

static bool ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s[0..len) starts with p, ASCII letters compared without case. */
static bool ci_prefix(const char *s, size_t len, const char *p)
{
	size_t i;

	for (i = 0; p[i]; i++) {
		if (i >= len)
			return false;
		if (nd_ascii_is_letter((unsigned char)p[i])
			    ? (s[i] | 0x20) != p[i]
			    : s[i] != p[i])
			return false;
	}
	return true;
}

/* The code point at s[i] (i < len) without moving. */
static int32_t peek(const char *s, size_t len, size_t i)
{
	const char *p = s + i;

	return nd_utf8_decode(&p, s + len);
}

static size_t cp_len(const char *s, size_t len, size_t i)
{
	const char *p = s + i;

	nd_utf8_decode(&p, s + len);
	return (size_t)(p - (s + i));
}

/* Name particles that stay lower case inside a capitalised name. */
static bool particle(const char *w, size_t n)
{
	static const char *const list[] = {
		"and", "de", "van", "von", "da", "del", "della", "der", "den",
		"du", "la", "le", "bin", "al", "y", "e", "di", "dos", "das",
		"ter", "ibn", "el",
	};
	size_t i;

	for (i = 0; i < sizeof(list) / sizeof(list[0]); i++) {
		if (strlen(list[i]) == n && strncmp(w, list[i], n) == 0)
			return true;
	}
	return false;
}

/* Every word of s[0..len) capitalised (particles aside), 1..maxw words. */
static bool capitalised_words(const char *s, size_t len, size_t maxw)
{
	size_t i = 0, words = 0;

	while (i < len) {
		size_t start;
		int32_t cp;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && s[i] != ' ')
			i++;
		words++;
		cp = peek(s, len, start);
		if (!nd_cp_is_upper(cp) && !particle(s + start, i - start))
			return false;
	}
	return words >= 1 && words <= maxw;
}

/* ---- Bylines ---- */

/* Trailing buttons that scrapers glue to a name: "Name Follow". */
static size_t strip_follow(const char *s, size_t len)
{
	static const char *const tails[] = { " follow us", " follow",
					     " twitter", " email" };
	size_t i;
	bool again = true;

	while (again) {
		again = false;
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == ','))
			len--;
		for (i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
			size_t n = strlen(tails[i]);

			if (len > n && ci_prefix(s + len - n, n, tails[i])) {
				len -= n;
				again = true;
			}
		}
	}
	return len;
}

static const char *const role_words[] = {
	"reporter", "reporters", "correspondent", "correspondents", "writer",
	"writers", "desk", "editor", "editors", "contributor", "columnist",
	"journalist", "bureau", "staff", "agencies", "agency", "report",
};

static bool role_line(const char *s, size_t len, const nd_line_feat *f)
{
	size_t k = len, i;
	char w[24];
	size_t n = 0;

	if (f->words == 0 || f->words > 4 || f->sentence || f->digits)
		return false;
	if (!nd_cp_is_upper(peek(s, len, 0)))
		return false;
	while (k > 0 && s[k - 1] == ':')
		k--;
	i = k;
	while (i > 0 && s[i - 1] != ' ')
		i--;
	for (; i < k && n + 1 < sizeof(w); i++) {
		if (!nd_ascii_is_letter((unsigned char)s[i]))
			return false;
		w[n++] = (char)(s[i] | 0x20);
	}
	w[n] = '\0';
	for (i = 0; i < sizeof(role_words) / sizeof(role_words[0]); i++) {
		if (strcmp(w, role_words[i]) == 0)
			return true;
	}
	return false;
}

int nd_clean_byline(const char *s, size_t len, const nd_line_feat *f,
		    const char *fold, size_t *name_off, size_t *name_len)
{
	static const struct {
		const char *p;
		bool strict; /* a bare "By": every name word capitalised */
	} prefixes[] = {
		{ "(reporting by ", false }, { "reporting by ", false },
		{ "text by:", false },       { "text by ", false },
		{ "words by ", false },      { "written by ", false },
		{ "story by ", false },      { "report by ", false },
		{ "reported by ", false },   { "posted by ", false },
		{ "authors:", false },       { "author:", false },
		{ "by:", false },            { "by ", true },
	};
	static const char *const leadins[] = {
		"with our correspondent", "with our special correspondent",
		"from our correspondent", "from our special correspondent",
		"with our special envoy", "from our special envoy",
		"with our envoy", "from our envoy", "our correspondent in",
		"by our correspondent", "by our staff correspondent",
		"from our staff correspondent", "by our special correspondent",
	};
	size_t seg = len, i, k;

	*name_off = 0;
	*name_len = 0;
	if (f->words == 0 || f->words > 30)
		return ND_BYLINE_NONE;
	/* "By Name, Desk | March 15, 2025 | 3 min read": the first part. */
	for (i = 0; i + 2 < len; i++) {
		if (s[i] == ' ' && (s[i + 1] == '|' ||
				    ci_prefix(s + i + 1, len - i - 1,
					      "\xC2\xB7") ||
				    ci_prefix(s + i + 1, len - i - 1,
					      "\xE2\x80\xA2"))) {
			seg = i;
			break;
		}
	}
	if (nd_cline_words(s, seg) > 14)
		return ND_BYLINE_NONE;
	for (k = 0; k < sizeof(leadins) / sizeof(leadins[0]); k++) {
		if (fold && strncmp(fold, leadins[k], strlen(leadins[k])) == 0)
			break;
	}
	if (k < sizeof(leadins) / sizeof(leadins[0])) {
		size_t c = seg;

		if (f->comma_end || f->colon_end)
			return ND_BYLINE_LEADIN;
		while (c > 0 && s[c - 1] != ',')
			c--;
		if (c > 0) {
			size_t st = c;

			while (st < seg && s[st] == ' ')
				st++;
			if (st < seg &&
			    capitalised_words(s + st, seg - st, 4)) {
				*name_off = st;
				*name_len = seg - st;
				return ND_BYLINE_NAME;
			}
		}
		*name_len = seg;
		return ND_BYLINE_ROLE;
	}
	for (k = 0; k < sizeof(prefixes) / sizeof(prefixes[0]); k++) {
		size_t st, e;
		char lastc;

		if (!ci_prefix(s, seg, prefixes[k].p))
			continue;
		st = strlen(prefixes[k].p);
		while (st < seg && (s[st] == ' ' || s[st] == ':'))
			st++;
		if (st >= seg || !nd_cp_is_upper(peek(s, seg, st)))
			return ND_BYLINE_NONE;
		for (e = st; e < seg; e++) {
			if (s[e] == ',' || s[e] == ';' || s[e] == ')')
				break;
			/* "Name - Desk", "Name — Agency" */
			if (s[e] == ' ' && e > st && e + 2 < seg &&
			    (s[e + 1] == '-' ||
			     (unsigned char)s[e + 1] == 0xE2))
				break;
		}
		e = st + strip_follow(s + st, e - st);
		if (e <= st)
			return ND_BYLINE_NONE;
		lastc = s[seg - 1];
		if (prefixes[k].strict) {
			/* "By the end of May, ..." is a sentence. */
			if (seg == len ? f->sentence :
			    (lastc == '.' || lastc == '!' || lastc == '?'))
				return ND_BYLINE_NONE;
			if (!capitalised_words(s + st, e - st, 5))
				return ND_BYLINE_NONE;
		} else if (nd_cline_words(s + st, e - st) > 6) {
			return ND_BYLINE_NONE;
		}
		*name_off = st;
		*name_len = e - st;
		return ND_BYLINE_NAME;
	}
	if (role_line(s, len, f)) {
		*name_len = len;
		while (*name_len > 0 && s[*name_len - 1] == ':')
			(*name_len)--;
		return ND_BYLINE_ROLE;
	}
	return ND_BYLINE_NONE;
}

bool nd_clean_is_name(const char *s, size_t len, const nd_line_feat *f)
{
	if (f->words == 0 || f->words > 4 || f->sentence || f->digits ||
	    f->letters < 3 || memchr(s, ':', len) != NULL)
		return false;
	return capitalised_words(s, len, 4);
}

/* ---- Captions ---- */

bool nd_clean_is_caption(const nd_line_feat *f, const char *fold)
{
	static const char *const starts[] = {
		"photo:", "photos:", "photo by ", "photograph:",
		"photograph by ", "image:", "picture:", "pictured:",
		"caption:", "credit:", "credits:", "(photo", "[photo",
		"file photo", "illustration:", "photo credit", "photo/",
		"foto:", "photo courtesy", "main image:", "top image:",
		"image caption", "image source", "media caption",
		"titelbild:", "bild:", "bildquelle:", "fotos:",
		"credits photos", "credit photo", "imagen:", "foto de ",
	};
	/* The words the cues hold, by cue_key. */
	static const char *const cue_keys[] = {
		"photo", "/", "picture", "image", "credit", " - ",
		"shutterstock", "epa-efe", "\xC2\xA9",
	};
	enum cue_key { K_PHOTO, K_SLASH, K_PICTURE, K_IMAGE, K_CREDIT,
		       K_DASH, K_SHUTTERSTOCK, K_EPA, K_COPY, K_COUNT };
	static const struct {
		const char *text;
		enum cue_key key; /* a word text holds */
	} cues[] = {
		{ "photo by ", K_PHOTO }, { "photos by ", K_PHOTO },
		{ "photograph by ", K_PHOTO }, { "picture by ", K_PICTURE },
		{ "image by ", K_IMAGE }, { "photo: ", K_PHOTO },
		{ "(photo", K_PHOTO }, { "photo credit", K_PHOTO },
		{ "photo courtesy", K_PHOTO }, { "image credit", K_IMAGE },
		{ "credit: ", K_CREDIT }, { "/ap", K_SLASH },
		{ "/ afp", K_SLASH }, { "/afp", K_SLASH },
		{ "/reuters", K_SLASH }, { "/ reuters", K_SLASH },
		{ "/ ap ", K_SLASH }, { "ap photo", K_PHOTO },
		{ "afp photo", K_PHOTO }, { "reuters photo", K_PHOTO },
		{ "getty images", K_IMAGE }, { "shutterstock", K_SHUTTERSTOCK },
		{ "ap - ", K_DASH }, { "afp - ", K_DASH },
		{ "reuters - ", K_DASH }, { "epa - ", K_DASH },
		{ "epa-efe", K_EPA }, { "\xC2\xA9", K_COPY },
	};
	bool held[K_COUNT];
	size_t i;

	if (fold == NULL || f->words == 0 || f->words > 45)
		return false;
	if (strstr(fold, "copyright") || strstr(fold, "all rights reserved"))
		return false;
	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
		if (fold[0] == starts[i][0] &&
		    strncmp(fold, starts[i], strlen(starts[i])) == 0)
			return true;
	}
	/* Each cue holds one of a few words: the line is searched for
	 * those first, and for the cues of the ones it holds only. */
	for (i = 0; i < sizeof(cue_keys) / sizeof(cue_keys[0]); i++)
		held[i] = strstr(fold, cue_keys[i]) != NULL;
	for (i = 0; i < sizeof(cues) / sizeof(cues[0]); i++) {
		const char *q;
		const char *rest;
		size_t rl;

		if (!held[cues[i].key])
			continue;
		q = strstr(fold, cues[i].text);
		if (q == NULL)
			continue;
		if (q > fold && nd_ascii_is_letter((unsigned char)q[-1]))
			continue;
		rest = q + strlen(cues[i].text);
		rl = strlen(rest);
		/* The credit closes the line: a few words, no sentence. */
		if (nd_cline_words(rest, rl) > 6)
			continue;
		if (rl > 0 && (rest[rl - 1] == '.' || rest[rl - 1] == '?' ||
			       rest[rl - 1] == '!'))
			continue;
		return true;
	}
	return false;
}

/* ---- Dates ---- */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep",
	"oct", "nov", "dec",
};

/* A month name at s[i]: returns the index past it, or 0. */
static size_t month_at(const char *s, size_t len, size_t i)
{
	size_t k;

	for (k = 0; k < sizeof(months) / sizeof(months[0]); k++) {
		size_t n = strlen(months[k]);

		if (i + n <= len && ci_prefix(s + i, len - i, months[k]) &&
		    (i + n == len || !nd_ascii_is_letter((unsigned char)s[i + n]))) {
			if (i + n < len && s[i + n] == '.' && n <= 4)
				n++;
			return i + n;
		}
	}
	return 0;
}

/* A day number 1..31 with an optional ordinal suffix. */
static size_t day_at(const char *s, size_t len, size_t i)
{
	size_t j = i;
	int v = 0;

	while (j < len && ascii_digit(s[j]) && j - i < 2)
		v = v * 10 + (s[j++] - '0');
	if (j == i || v < 1 || v > 31 || (j < len && ascii_digit(s[j])))
		return 0;
	if (j + 2 <= len && (ci_prefix(s + j, len - j, "st") ||
			     ci_prefix(s + j, len - j, "nd") ||
			     ci_prefix(s + j, len - j, "rd") ||
			     ci_prefix(s + j, len - j, "th")) &&
	    (j + 2 == len || !nd_ascii_is_letter((unsigned char)s[j + 2])))
		j += 2;
	if (j < len && nd_ascii_is_letter((unsigned char)s[j]))
		return 0;
	return j;
}

static size_t year_at(const char *s, size_t len, size_t i)
{
	if (i + 4 > len || !ascii_digit(s[i]) || !ascii_digit(s[i + 1]) ||
	    !ascii_digit(s[i + 2]) || !ascii_digit(s[i + 3]))
		return 0;
	if (!((s[i] == '1' && s[i + 1] == '9') ||
	      (s[i] == '2' && s[i + 1] == '0')))
		return 0;
	if (i + 4 < len && ascii_digit(s[i + 4]))
		return 0;
	return i + 4;
}

static size_t num_at(const char *s, size_t len, size_t i, size_t maxd)
{
	size_t j = i;

	while (j < len && ascii_digit(s[j]) && j - i < maxd)
		j++;
	if (j == i || (j < len && ascii_digit(s[j])))
		return 0;
	return j;
}

/* After a day and month ending at k: past " 2025" or ", 2025" when a
 * year follows (setting *year), else k. */
static size_t year_after(const char *s, size_t len, size_t k, bool *year)
{
	size_t y;

	if (k + 1 < len && s[k] == ' ' && (y = year_at(s, len, k + 1)) != 0) {
		*year = true;
		return y;
	}
	if (k + 2 < len && s[k] == ',' && s[k + 1] == ' ' &&
	    (y = year_at(s, len, k + 2))) {
		*year = true;
		return y;
	}
	return k;
}

/* A date starting at s[i]; returns the index past it or 0. *year says
 * whether it names the year. */
static size_t date_at(const char *s, size_t len, size_t i, bool *year)
{
	size_t j, k, y;

	*year = false;
	/* 2025-03-14 */
	if ((j = year_at(s, len, i)) && j < len && s[j] == '-' &&
	    (k = num_at(s, len, j + 1, 2)) && k < len && s[k] == '-' &&
	    (y = num_at(s, len, k + 1, 2))) {
		*year = true;
		return y;
	}
	/* 14/03/2025, 14.03.2025 */
	if ((j = num_at(s, len, i, 2)) && j < len &&
	    (s[j] == '/' || s[j] == '.') &&
	    (k = num_at(s, len, j + 1, 2)) && k < len && s[k] == s[j] &&
	    (y = year_at(s, len, k + 1))) {
		*year = true;
		return y;
	}
	/* March 14, 2025 / Feb 28 */
	if ((j = month_at(s, len, i)) && j < len && s[j] == ' ' &&
	    (k = day_at(s, len, j + 1)))
		return year_after(s, len, k, year);
	/* 14 March 2025 / 28 Feb */
	if ((j = day_at(s, len, i)) && j < len && s[j] == ' ' &&
	    (k = month_at(s, len, j + 1)))
		return year_after(s, len, k, year);
	return 0;
}

bool nd_clean_find_date(const char *s, size_t len, bool need_year,
			size_t *off, size_t *dlen)
{
	size_t i;

	for (i = 0; i < len; i++) {
		size_t e;
		bool year;

		if (i > 0 && (nd_ascii_is_letter((unsigned char)s[i - 1]) ||
			      ascii_digit(s[i - 1])))
			continue;
		if (!nd_ascii_is_letter((unsigned char)s[i]) && !ascii_digit(s[i]))
			continue;
		e = date_at(s, len, i, &year);
		if (e && (year || !need_year)) {
			*off = i;
			*dlen = e - i;
			return true;
		}
	}
	return false;
}

/* ---- Datelines ---- */

/* "2 мая", "14 mars": a day and a word of any script, as datelines in
 * other languages write the date. Returns the index past it, or 0. */
static size_t day_word_at(const char *s, size_t len, size_t i)
{
	size_t j = num_at(s, len, i, 2), k;

	if (j == 0 || j >= len || s[j] != ' ')
		return 0;
	k = j + 1;
	while (k < len && nd_cp_is_letter(peek(s, len, k)))
		k += cp_len(s, len, k);
	if (k == j + 1)
		return 0;
	if (k < len && s[k] == '.')
		k++;
	return k;
}

/* A capitalised word (letters, '.', '-', apostrophes) at s[i]: returns the
 * index past it, 0 when none. Counts letters and capitals. */
static size_t cap_word(const char *s, size_t len, size_t i, size_t *letters,
		       size_t *caps)
{
	size_t j = i;

	if (i >= len || !nd_cp_is_upper(peek(s, len, i)))
		return 0;
	while (j < len) {
		int32_t cp = peek(s, len, j);

		if (nd_cp_is_letter(cp)) {
			(*letters)++;
			*caps += nd_cp_is_upper(cp);
		} else if (!(cp == '.' || cp == '-' || cp == '\'' ||
			     cp == 0x2019)) {
			break;
		}
		j += cp_len(s, len, j);
	}
	return j;
}

/* Capitalised words separated by single spaces, at most maxw. */
static size_t cap_words(const char *s, size_t len, size_t i, size_t maxw,
			size_t *letters, size_t *caps)
{
	size_t n = 0, j = i, e;

	while (n < maxw && (e = cap_word(s, len, j, letters, caps)) != 0) {
		n++;
		j = e;
		if (j + 1 < len && s[j] == ' ' &&
		    nd_cp_is_upper(peek(s, len, j + 1)))
			j++;
		else
			break;
	}
	return n ? j : 0;
}

/* Words in capitals that open a paragraph without being a place. */
static bool kicker_word(const char *s, size_t len)
{
	static const char *const list[] = {
		"breaking", "update", "updated", "exclusive", "watch", "live",
		"analysis", "opinion", "editorial", "video", "photos", "note",
		"correction", "factbox", "explainer", "urgent", "flash",
		"interview", "review", "comment", "editor's note",
	};
	size_t k;

	for (k = 0; k < sizeof(list) / sizeof(list[0]); k++) {
		if (strlen(list[k]) == len && ci_prefix(s, len, list[k]))
			return true;
	}
	return false;
}

bool nd_clean_dateline(const char *s, size_t len, nd_dateline *d)
{
	size_t letters = 0, caps = 0, i, j, place_end, round;
	size_t lim = len < 160 ? len : 160;
	bool has_date = false, has_agency = false, all_caps, dot = false;

	memset(d, 0, sizeof(*d));
	i = cap_words(s, lim, 0, 5, &letters, &caps);
	if (i == 0)
		return false;
	place_end = i;
	all_caps = letters >= 2 && caps == letters;
	for (round = 0; round < 2; round++) {
		size_t e, l2 = 0, c2 = 0;
		bool year;

		if (!(i + 2 < lim && s[i] == ',' && s[i + 1] == ' '))
			break;
		if (!has_date && ((e = date_at(s, lim, i + 2, &year)) != 0 ||
				  (e = day_word_at(s, lim, i + 2)) != 0)) {
			has_date = true;
			d->date_off = i + 2;
			d->date_len = e - (i + 2);
			i = e;
			continue;
		}
		e = cap_words(s, lim, i + 2, 3, &l2, &c2);
		if (e == 0)
			return false;
		i = e;
	}
	if (i + 2 < lim && s[i] == ' ' && s[i + 1] == '(') {
		size_t a = i + 2, e = a;

		while (e < lim && e - a <= 40 && s[e] != ')' && s[e] != '(')
			e++;
		if (e >= lim || s[e] != ')' || e == a ||
		    !(nd_cp_is_letter(peek(s, lim, a)) || ascii_digit(s[a])) ||
		    nd_cline_words(s + a, e - a) > 4)
			return false;
		has_agency = true;
		d->agency_off = a;
		d->agency_len = e - a;
		i = e + 1;
	}
	d->len = i;
	j = i;
	if (j < lim && s[j] == '.') {
		dot = true;
		j++;
	}
	{
		size_t sp = 0, sep = 0;

		while (j < lim && s[j] == ' ') {
			j++;
			sp++;
		}
		if (j + 1 < lim && s[j] == '-' && s[j + 1] == '-')
			sep = 2;
		else if (j < lim && s[j] == '-')
			sep = 1;
		else if (j + 2 < lim && (unsigned char)s[j] == 0xE2 &&
			 (unsigned char)s[j + 1] == 0x80 &&
			 (unsigned char)s[j + 2] >= 0x93 &&
			 (unsigned char)s[j + 2] <= 0x95)
			sep = 3;
		else if (j < lim && s[j] == ':' && sp == 0 && !dot &&
			 all_caps && !has_agency && !has_date)
			sep = 1;
		if (sep == 0 || (sp == 0 && !dot && s[j] != ':'))
			return false;
		j += sep;
		sp = 0;
		while (j < len && s[j] == ' ') {
			j++;
			sp++;
		}
		if (sp == 0 && !dot)
			return false;
	}
	if (j >= len || len - j < 10)
		return false;
	{
		int32_t cp = peek(s, len, j);

		if (!(nd_cp_is_letter(cp) || nd_cp_is_digit(cp) ||
		      cp == '"' || cp == 0x201C || cp == 0x00AB ||
		      cp == 0x2018 || cp == '\''))
			return false;
	}
	if (!has_agency && !has_date) {
		if (!all_caps || kicker_word(s, place_end))
			return false;
	}
	d->rest = j;
	return true;
}

/* ---- Sign-offs ---- */

static bool ends_sentence_before(const char *s, size_t k)
{
	unsigned char b;

	if (k < 1)
		return false;
	b = (unsigned char)s[k - 1];
	if (b == '.' || b == '!' || b == '?' || b == '"' || b == ')')
		return true;
	return k >= 3 && (unsigned char)s[k - 3] == 0xE2 &&
	       (unsigned char)s[k - 2] == 0x80 && (b == 0x9D || b == 0x99);
}

size_t nd_clean_signoff(const char *s, size_t len, const char *agency,
			size_t agency_len)
{
	size_t k = len, n;

	if (agency && agency_len > 0 && len > agency_len + 2 &&
	    memcmp(s + len - agency_len, agency, agency_len) == 0 &&
	    s[len - agency_len - 1] == ' ' &&
	    ends_sentence_before(s, len - agency_len - 1))
		return len - agency_len - 1;
	while (k > 0 && s[k - 1] >= 'A' && s[k - 1] <= 'Z')
		k--;
	n = len - k;
	if (n < 2 || n > 6 || k < 2 || s[k - 1] != ' ' ||
	    !ends_sentence_before(s, k - 1))
		return len;
	return k - 1;
}
