#include "eval_input.h"

#include <dirent.h>   /* opendir, readdir */
#include <errno.h>    /* errno, ENOENT */
#include <stdio.h>    /* snprintf */
#include <stdlib.h>   /* qsort, bsearch */
#include <string.h>   /* strcmp, strerror, strlen */
#include <sys/stat.h> /* stat */
#include <zlib.h>     /* gzopen: reads plain files as they are */

#include "core/alloc.h"
#include "ingest/json.h"

int nd_eval_read_file(nd_buf *out, nd_err *err, const char *path)
{
	char chunk[65536];
	gzFile f = NULL;
	int n, zerr = Z_OK, rc = ND_OK;

	nd_buf_clear(out);
	f = gzopen(path, "rb");
	if (f == NULL) {
		if (errno == ENOENT)
			return nd_err_set(err, ND_ENOTFOUND, "%s: no such file",
					  path);
		return nd_err_set(err, ND_EIO, "%s: %s", path,
				  errno ? strerror(errno) : "out of memory");
	}
	while ((n = gzread(f, chunk, sizeof(chunk))) > 0) {
		rc = nd_buf_put(out, chunk, (size_t)n);
		if (rc) {
			nd_err_set(err, rc, "%s: %s", path, nd_strerror(rc));
			goto done;
		}
	}
	if (n < 0 || (gzerror(f, &zerr), zerr != Z_OK))
		rc = nd_err_set(err, ND_EIO, "%s: %s", path,
				gzerror(f, &zerr));
done:
	gzclose(f);
	return rc;
}

/* ---- {ID: {FIELD: TEXT}} ---- */

typedef struct loader {
	nd_eval_docs *docs;
	nd_err *err;
	const char *field;
	nd_buf text;
	const char *found;   /* FIELD's raw string in the current object */
	size_t found_len;
	int wrapped;         /* "version" seen at the top */
	const char *output;  /* the "output" object at the top */
	size_t output_len;
} loader;

static int see_wrapper(void *ctx, const nd_json_member *m)
{
	loader *l = ctx;

	if (nd_json_string_is(m->key, m->key_len, "version"))
		l->wrapped = 1;
	if (m->kind == ND_JSON_OBJECT &&
	    nd_json_string_is(m->key, m->key_len, "output")) {
		l->output = m->value;
		l->output_len = m->value_len;
	}
	return 0;
}

static int see_field(void *ctx, const nd_json_member *m)
{
	loader *l = ctx;

	if (m->kind == ND_JSON_STRING &&
	    nd_json_string_is(m->key, m->key_len, l->field)) {
		l->found = m->value;
		l->found_len = m->value_len;
	}
	return 0;
}

/* Decodes raw[0..len) into the docs' arena. */
static const char *keep(loader *l, const char *raw, size_t len, size_t *n)
{
	char *copy;
	int rc;

	nd_buf_clear(&l->text);
	rc = nd_json_unescape(&l->text, raw, len);
	if (rc) {
		nd_err_set(l->err, rc, "bad string: %s", nd_strerror(rc));
		return NULL;
	}
	*n = l->text.len;
	copy = nd_arena_strndup(l->docs->arena,
				l->text.ptr ? l->text.ptr : "", l->text.len);
	if (copy == NULL)
		nd_err_set(l->err, ND_ENOMEM, "out of memory");
	return copy;
}

static int add_doc(void *ctx, const nd_json_member *m)
{
	loader *l = ctx;
	nd_eval_doc d = { NULL, "", 0 };
	size_t n;
	int rc;

	if (m->kind != ND_JSON_OBJECT)
		return 0;
	l->found = NULL;
	rc = nd_json_parse_object(l->err, m->value, m->value_len, see_field,
				  l);
	if (rc)
		return rc;
	d.id = keep(l, m->key, m->key_len, &n);
	if (d.id != NULL && l->found != NULL)
		d.text = keep(l, l->found, l->found_len, &d.len);
	if (d.id == NULL || d.text == NULL)
		return l->err->code;
	return ND_ARRAY_PUSH(l->docs->v, l->docs->n, l->docs->cap, d);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const nd_eval_doc *)a)->id,
		      ((const nd_eval_doc *)b)->id);
}

int nd_eval_docs_load(nd_eval_docs *docs, nd_err *err, const char *path,
		      const char *field)
{
	nd_buf file = ND_BUF_INIT(ND_EVAL_FILE_MAX);
	loader l = { docs, err, field, ND_BUF_INIT(ND_EVAL_FILE_MAX), NULL, 0,
		     0, NULL, 0 };
	nd_err local;
	const char *obj;
	size_t len;
	int rc;

	if (err == NULL)
		err = l.err = &local;
	nd_err_clear(err);
	if (docs->arena == NULL && (rc = nd_arena_create(&docs->arena)))
		goto done;
	if ((rc = nd_eval_read_file(&file, err, path)) != ND_OK)
		goto done;
	obj = file.ptr ? file.ptr : "";
	len = file.len;
	rc = nd_json_parse_object(err, obj, len, see_wrapper, &l);
	if (rc == ND_OK && l.wrapped && l.output != NULL) {
		obj = l.output;
		len = l.output_len;
	}
	if (rc == ND_OK)
		rc = nd_json_parse_object(err, obj, len, add_doc, &l);
	if (rc == ND_OK && docs->n > 1)
		qsort(docs->v, docs->n, sizeof(*docs->v), by_id);
done:
	if (rc && err && err->msg[0] == '\0')
		nd_err_set(err, rc, "%s: %s", path, nd_strerror(rc));
	nd_buf_dispose(&file);
	nd_buf_dispose(&l.text);
	return rc;
}

const nd_eval_doc *nd_eval_docs_find(const nd_eval_docs *docs,
				     const char *id)
{
	nd_eval_doc key = { id, "", 0 };

	if (docs->n == 0)
		return NULL;
	return bsearch(&key, docs->v, docs->n, sizeof(*docs->v), by_id);
}

void nd_eval_docs_dispose(nd_eval_docs *docs)
{
	nd_arena_free(docs->arena);
	nd_free(docs->v);
	docs->arena = NULL;
	docs->v = NULL;
	docs->n = docs->cap = 0;
}

/* ---- JSON arrays, files of clean --out ---- */

static size_t skip_ws(const char *s, size_t i, size_t len)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
			   s[i] == '\r'))
		i++;
	return i;
}

/* The end of the string whose opening quote is at s[i]: its closing
 * quote, or len when there is none. */
static size_t string_end(const char *s, size_t i, size_t len)
{
	for (i++; i < len && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i < len ? i : len;
}

/* The end of the value that starts at s[i]: one past its last byte. The
 * array was checked, so counting brackets outside strings is enough. */
static size_t value_end(const char *s, size_t i, size_t len)
{
	size_t depth = 0;

	for (; i < len; i++) {
		if (s[i] == '"') {
			i = string_end(s, i, len);
			if (i == len)
				return len;
			if (depth == 0)
				return i + 1;
		} else if (s[i] == '[' || s[i] == '{') {
			depth++;
		} else if (s[i] == ']' || s[i] == '}') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (depth == 0 && (s[i] == ',' || s[i] == ' ' ||
					  s[i] == '\t' || s[i] == '\n' ||
					  s[i] == '\r')) {
			return i;
		}
	}
	return len;
}

int nd_eval_json_values(const char *raw, size_t len, nd_eval_value_fn fn,
			void *ctx)
{
	size_t i = skip_ws(raw, 0, len), end;
	int rc;

	if (i >= len || raw[i] != '[')
		return ND_EFORMAT;
	for (i = skip_ws(raw, i + 1, len); i < len && raw[i] != ']';
	     i = skip_ws(raw, i, len)) {
		end = value_end(raw, i, len);
		if (end == i || end > len)
			return ND_EFORMAT;
		if ((rc = fn(ctx, raw + i, end - i)))
			return rc;
		i = skip_ws(raw, end, len);
		if (i < len && raw[i] == ',')
			i++;
	}
	return i < len ? ND_OK : ND_EFORMAT;
}

/* Decodes one element of an array of strings for nd_eval_json_strings. */
typedef struct strings_ctx {
	nd_buf *scratch;
	nd_eval_string_fn fn;
	void *ctx;
} strings_ctx;

static int decode_string(void *ctx, const char *s, size_t n)
{
	strings_ctx *c = ctx;
	int rc;

	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return ND_EFORMAT;
	nd_buf_clear(c->scratch);
	rc = nd_json_unescape(c->scratch, s + 1, n - 2);
	if (rc == ND_OK)
		rc = c->fn(c->ctx, c->scratch->ptr ? c->scratch->ptr : "",
			   c->scratch->len);
	return rc;
}

int nd_eval_json_strings(nd_buf *scratch, const char *raw, size_t len,
			 nd_eval_string_fn fn, void *ctx)
{
	strings_ctx c = { scratch, fn, ctx };

	return nd_eval_json_values(raw, len, decode_string, &c);
}

int nd_eval_read_output(nd_buf *out, nd_err *err, const char *dir,
			const char *id)
{
	nd_buf path = ND_BUF_INIT(4095);
	int rc = nd_buf_printf(&path, "%s/%s.txt", dir, id);

	if (rc == ND_OK)
		rc = nd_eval_read_file(out, err, path.ptr);
	else
		nd_err_set(err, rc, "%s/%s.txt: path too long", dir, id);
	nd_buf_dispose(&path);
	return rc;
}

/* ---- Folders ---- */

void nd_eval_names_dispose(nd_eval_names *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		nd_free(l->v[i]);
	nd_free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int nd_eval_list_dir(nd_eval_names *l, const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t k = strlen(suffix);
	int rc = ND_OK;

	if (d == NULL)
		return ND_ENOTFOUND;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char *copy;

		if (e->d_name[0] == '.' || n < k ||
		    strcmp(e->d_name + n - k, suffix) != 0)
			continue;
		copy = nd_strndup(e->d_name, n);
		if (copy == NULL || ND_ARRAY_PUSH(l->v, l->n, l->cap, copy)) {
			nd_free(copy);
			rc = ND_ENOMEM;
			break;
		}
	}
	closedir(d);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_name);
	return rc;
}

int nd_eval_list_clusters(nd_eval_names *l, const char *data,
			  const char *sub)
{
	nd_eval_names all = { NULL, 0, 0 };
	char path[4096];
	size_t i;
	int rc;

	if ((rc = nd_eval_list_dir(&all, data, "")))
		goto done;
	for (i = 0; i < all.n; i++) {
		if ((size_t)snprintf(path, sizeof(path), "%s/%s/%s", data,
				     all.v[i], sub) >= sizeof(path) ||
		    all.v[i][0] == '_' || !nd_eval_is_dir(path))
			continue;
		if (ND_ARRAY_PUSH(l->v, l->n, l->cap, all.v[i])) {
			rc = ND_ENOMEM;
			goto done;
		}
		all.v[i] = NULL; /* now l's */
	}
done:
	nd_eval_names_dispose(&all);
	return rc;
}

bool nd_eval_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
