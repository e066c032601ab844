#include "ingest/jsonl.h"

#include <errno.h>   /* errno */
#include <stdbool.h> /* bool */
#include <string.h>  /* memchr, memcmp, strerror, strlen */

#include "core/alloc.h"
#include "core/error.h"
#include "ingest/document.h"
#include "ingest/json.h"
#include "ingest/sniff.h"

enum field {
	F_ID,
	F_URL,
	F_TITLE,
	F_TEXT,
	F_HTML,
	F_PUBLISHED,
	F_SOURCE,
	F_COUNT
};

/* Member names; a lower rank wins when several name one field. */
static const struct alias {
	const char *key;
	enum field field;
	unsigned rank;
} aliases[] = {
	{ "id", F_ID, 0 },
	{ "url", F_URL, 0 },
	{ "title", F_TITLE, 0 },
	{ "text", F_TEXT, 0 },
	{ "content", F_TEXT, 1 },
	{ "body", F_TEXT, 2 },
	{ "html", F_HTML, 0 },
	{ "published", F_PUBLISHED, 0 },
	{ "date", F_PUBLISHED, 1 },
	{ "source", F_SOURCE, 0 },
	{ "site", F_SOURCE, 1 },
	{ "outlet", F_SOURCE, 2 },
};

typedef struct slot {
	bool set;
	unsigned rank;
	nd_json_kind kind;
	const char *raw;
	size_t len;
} slot;

typedef struct reader {
	nd_intake *in;
	const char *name;
	const char *stem;
	size_t stem_len;
	size_t lineno;   /* the line being read, from 1 */
	size_t lines;    /* lines that were not blank */
	bool overlong;   /* the current line is over the cap: skip it */
	size_t skipped;  /* bytes of the overlong line so far */
} reader;

static size_t sat_add(size_t a, size_t b)
{
	size_t r;

	return nd_add_overflow(a, b, &r) ? (size_t)-1 : r;
}

static bool takes(enum field f, nd_json_kind kind)
{
	switch (kind) {
	case ND_JSON_STRING:
		return true;
	case ND_JSON_NUMBER:
		return f == F_ID || f == F_PUBLISHED;
	case ND_JSON_OBJECT:
		return f == F_SOURCE;
	default:
		return false;
	}
}

static int on_member(void *ctx, const nd_json_member *m)
{
	slot *slots = ctx;
	size_t i;

	for (i = 0; i < sizeof(aliases) / sizeof(*aliases); i++) {
		const struct alias *a = &aliases[i];
		slot *s = &slots[a->field];

		if (!nd_json_string_is(m->key, m->key_len, a->key))
			continue;
		/* Later duplicates of one name win, as in most readers. */
		if (takes(a->field, m->kind) &&
		    (!s->set || a->rank <= s->rank)) {
			s->set = true;
			s->rank = a->rank;
			s->kind = m->kind;
			s->raw = m->value;
			s->len = m->value_len;
		}
		break;
	}
	return ND_OK;
}

/* The "name" of a source given as an object. */
static int on_source_member(void *ctx, const nd_json_member *m)
{
	slot *s = ctx;

	if (m->kind == ND_JSON_STRING &&
	    nd_json_string_is(m->key, m->key_len, "name")) {
		s->set = true;
		s->kind = m->kind;
		s->raw = m->value;
		s->len = m->value_len;
	}
	return ND_OK;
}

/* Sets in->label to "name:LINE". */
static int make_label(reader *r)
{
	nd_buf *b = &r->in->label;

	nd_buf_clear(b);
	b->max = sat_add(strlen(r->name), 32);
	return nd_buf_printf(b, "%s:%zu", r->name, r->lineno) ? ND_ENOMEM
							      : ND_OK;
}

/* Appends the decoded value of s and a NUL to in->field, recording where
 * the value starts and how long it is. */
static int put_field(nd_buf *b, const slot *s, size_t *off, size_t *len)
{
	int rc;

	*off = b->len;
	if (s->kind == ND_JSON_STRING)
		rc = nd_json_unescape(b, s->raw, s->len);
	else
		rc = nd_buf_put(b, s->raw, s->len);
	if (rc)
		return rc;
	*len = b->len - *off;
	return nd_buf_putc(b, '\0');
}

/* Turns one line, p[0..n), into an article or a rejection. */
static int take_line(reader *r, const char *p, size_t n)
{
	nd_intake *in = r->in;
	nd_buf *fb = &in->field;
	slot slots[F_COUNT];
	size_t off[F_COUNT], len[F_COUNT];
	const char *ptr[F_COUNT];
	enum field body;
	nd_raw_article a = { 0 };
	nd_err err;
	int rc, i;

	if (r->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
		n -= 3;
	}
	if (nd_document_blank(p, n))
		return ND_OK;
	r->lines++;
	memset(slots, 0, sizeof(slots));
	nd_err_clear(&err);
	if (make_label(r))
		return ND_ENOMEM;
	rc = nd_json_parse_object(&err, p, n, on_member, slots);
	if (rc)
		return nd_intake_reject(in, in->label.ptr, rc,
					"malformed JSON: %s", err.msg);
	if (slots[F_SOURCE].set && slots[F_SOURCE].kind == ND_JSON_OBJECT) {
		slot name = { 0 };

		/* Already checked: this parse cannot fail. */
		nd_json_parse_object(&err, slots[F_SOURCE].raw,
				     slots[F_SOURCE].len, on_source_member,
				     &name);
		slots[F_SOURCE] = name;
	}
	if (!slots[F_TEXT].set && !slots[F_HTML].set)
		return nd_intake_reject(in, in->label.ptr, ND_EFORMAT,
					"no text or html field");

	/* Decoded values never outgrow their escaped form, so the line's
	 * length bounds them all, plus NULs and a made-up id. */
	nd_buf_clear(fb);
	fb->max = sat_add(sat_add(n, r->stem_len), 64);
	for (i = 0; i < F_COUNT; i++) {
		off[i] = 0;
		len[i] = 0;
		if (!slots[i].set)
			continue;
		rc = put_field(fb, &slots[i], &off[i], &len[i]);
		if (rc == ND_ENOMEM)
			return rc;
		if (rc)
			return nd_intake_reject(in, in->label.ptr, ND_EFORMAT,
						"malformed JSON: bad string");
	}
	if (!slots[F_ID].set || len[F_ID] == 0) {
		slots[F_ID].set = true;
		off[F_ID] = fb->len;
		if (nd_buf_put(fb, r->stem, r->stem_len) ||
		    nd_buf_printf(fb, ":%zu", r->lineno) ||
		    nd_buf_putc(fb, '\0'))
			return ND_ENOMEM;
		len[F_ID] = fb->len - 1 - off[F_ID];
	}
	/* Pointers only now: the buffer may have moved while it grew. */
	for (i = 0; i < F_COUNT; i++)
		ptr[i] = slots[i].set ? fb->ptr + off[i] : NULL;

	body = F_HTML;
	if (slots[F_TEXT].set &&
	    (!nd_document_blank(ptr[F_TEXT], len[F_TEXT]) ||
	     !slots[F_HTML].set))
		body = F_TEXT;
	if (nd_document_blank(ptr[body], len[body])) {
		if (nd_document_blank(ptr[F_TITLE], len[F_TITLE]))
			return nd_intake_reject(in, in->label.ptr, ND_EEMPTY,
						"empty %s",
						body == F_TEXT ? "text"
							       : "html");
		/* A headline with an empty text (an RSS item, a wire
		 * flash) is an article: cleaning makes the headline its
		 * text. */
		body = F_TEXT;
		ptr[body] = "";
		len[body] = 0;
	}
	if (nd_document_binary(ptr[body], len[body]))
		return nd_intake_reject(in, in->label.ptr, ND_EBINARY,
					"binary data, not text");
	a.id = ptr[F_ID];
	a.path = in->label.ptr;
	a.url = ptr[F_URL];
	a.title = ptr[F_TITLE];
	a.source = ptr[F_SOURCE];
	a.published = ptr[F_PUBLISHED];
	a.body = ptr[body];
	a.body_len = len[body];
	a.is_html = body == F_HTML;
	return nd_intake_deliver(r->in, &a);
}

/* A newline (or the end) closes the current line. */
static int end_line(reader *r)
{
	nd_intake *in = r->in;
	int rc = ND_OK;

	if (r->overlong) {
		if (make_label(r))
			return ND_ENOMEM;
		r->lines++;
		rc = nd_intake_reject(in, in->label.ptr, ND_ETOOBIG,
				      "line is %zu bytes, over the %zu-byte "
				      "limit",
				      r->skipped, in->cap);
		r->overlong = false;
		r->skipped = 0;
	} else if (in->line.len > 0) {
		rc = take_line(r, in->line.ptr, in->line.len);
	}
	nd_buf_clear(&in->line);
	r->lineno++;
	return rc;
}

/* Takes the next n bytes of input; final says no more will follow. Lines
 * lying whole in p are read in place, the others assembled in in->line. */
static int feed(reader *r, const char *p, size_t n, bool final)
{
	nd_intake *in = r->in;
	int rc;

	while (n > 0) {
		const char *nl = memchr(p, '\n', n);
		size_t seg = nl ? (size_t)(nl - p) : n;

		if (r->overlong) {
			r->skipped = sat_add(r->skipped, seg);
		} else if (in->line.len == 0 && (nl || final)) {
			if (seg > in->cap) {
				r->overlong = true;
				r->skipped = seg;
			} else {
				rc = take_line(r, p, seg);
				if (rc)
					return rc;
			}
		} else {
			rc = nd_buf_put(&in->line, p, seg);
			if (rc == ND_ETOOBIG) {
				r->overlong = true;
				r->skipped = sat_add(in->line.len, seg);
				nd_buf_clear(&in->line);
			} else if (rc) {
				return rc;
			}
		}
		if (nl == NULL)
			break;
		rc = end_line(r);
		if (rc)
			return rc;
		p = nl + 1;
		n -= seg + 1;
	}
	return ND_OK;
}

int nd_jsonl_read(nd_intake *in, const char *name, const char *pre,
		  size_t pre_len, FILE *f)
{
	reader r = { 0 };
	char chunk[16384];
	size_t total = pre_len;
	int rc;

	r.in = in;
	r.name = name;
	r.stem = nd_sniff_stem(name, &r.stem_len);
	r.lineno = 1;
	nd_buf_clear(&in->line);
	if (total > ND_INGEST_JSONL_MAX)
		return nd_intake_reject(in, name, ND_ETOOBIG,
					"input is %zu bytes, over the "
					"%zu-byte limit",
					total, ND_INGEST_JSONL_MAX);
	rc = feed(&r, pre, pre_len, f == NULL);
	if (rc)
		goto done;
	while (f != NULL) {
		size_t want = ND_INGEST_JSONL_MAX + 1 - total;
		size_t got;

		if (want > sizeof(chunk))
			want = sizeof(chunk);
		got = fread(chunk, 1, want, f);
		if (got == 0) {
			if (ferror(f)) {
				rc = nd_intake_reject(in, name, ND_EIO,
						      "cannot read: %s",
						      strerror(errno));
				goto done;
			}
			break;
		}
		total += got;
		if (total > ND_INGEST_JSONL_MAX) {
			rc = nd_intake_reject(in, name, ND_ETOOBIG,
					      "input is over the %zu-byte "
					      "limit",
					      ND_INGEST_JSONL_MAX);
			goto done;
		}
		rc = feed(&r, chunk, got, false);
		if (rc)
			goto done;
	}
	if (r.overlong || in->line.len > 0) {
		rc = end_line(&r);
		if (rc)
			goto done;
	}
	if (r.lines == 0)
		rc = nd_intake_reject(in, name, ND_EEMPTY, "empty file");
done:
	nd_buf_clear(&in->line);
	return rc;
}
