/* Unit tests of the ingest stage: paths, folders, streams, memory, JSON
 * Lines, validation, charsets and gzip. */
#include "test_util.h"

#include <dirent.h>   /* opendir */
#include <errno.h>    /* errno */
#include <stdio.h>    /* FILE, fmemopen, snprintf */
#include <stdlib.h>   /* malloc, free, mkdtemp */
#include <string.h>   /* strdup, memcpy, memset */
#include <sys/stat.h> /* mkdir, chmod */
#include <unistd.h>   /* symlink, unlink, rmdir, geteuid */
#include <zlib.h>     /* deflate */

#include "core/alloc.h"
#include "core/buf.h"
#include "ingest/charset.h"
#include "ingest/document.h"
#include "ingest/ingest.h"
#include "ingest/json.h"
#include "ingest/sniff.h"

#define MAX_GOT 64

typedef struct got_article {
	char *id, *path, *url, *title, *source, *published, *body;
	size_t body_len;
	int is_html;
	char *warning;
} got_article;

typedef struct got_reject {
	char *path;
	int code;
	char *msg;
} got_reject;

typedef struct got {
	got_article art[MAX_GOT];
	size_t n_art;
	got_reject rej[MAX_GOT];
	size_t n_rej;
	size_t stop_after; /* on_article fails once this many arrived */
} got;

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int on_article(void *ctx, const nd_raw_article *a)
{
	got *g = ctx;
	got_article *o;

	if (g->stop_after && g->n_art >= g->stop_after)
		return ND_ENOMEM;
	assert_true(g->n_art < MAX_GOT);
	assert_non_null(a->id);
	assert_non_null(a->path);
	assert_non_null(a->body);
	/* The body is NUL-terminated right at body_len. */
	assert_int_equal(a->body[a->body_len], '\0');
	o = &g->art[g->n_art++];
	o->id = strdup(a->id);
	o->path = strdup(a->path);
	o->url = dup_or_null(a->url);
	o->title = dup_or_null(a->title);
	o->source = dup_or_null(a->source);
	o->published = dup_or_null(a->published);
	o->body = malloc(a->body_len + 1);
	assert_non_null(o->body);
	memcpy(o->body, a->body, a->body_len + 1);
	o->body_len = a->body_len;
	o->is_html = a->is_html;
	o->warning = dup_or_null(a->warning);
	return 0;
}

static int on_reject(void *ctx, const char *path, int code, const char *msg)
{
	got *g = ctx;
	got_reject *r;

	assert_true(g->n_rej < MAX_GOT);
	assert_null(strchr(msg, '\n'));
	r = &g->rej[g->n_rej++];
	r->path = strdup(path);
	r->code = code;
	r->msg = strdup(msg);
	return 0;
}

static nd_ingest_sink sink_for(got *g, size_t max_bytes)
{
	nd_ingest_sink s;

	memset(g, 0, sizeof(*g));
	s.max_bytes = max_bytes;
	s.on_article = on_article;
	s.on_reject = on_reject;
	s.ctx = g;
	s.scratch = NULL;
	return s;
}

static void got_free(got *g)
{
	size_t i;

	for (i = 0; i < g->n_art; i++) {
		free(g->art[i].id);
		free(g->art[i].path);
		free(g->art[i].url);
		free(g->art[i].title);
		free(g->art[i].source);
		free(g->art[i].published);
		free(g->art[i].body);
		free(g->art[i].warning);
	}
	for (i = 0; i < g->n_rej; i++) {
		free(g->rej[i].path);
		free(g->rej[i].msg);
	}
	memset(g, 0, sizeof(*g));
}

/* ---- temporary files ---- */

static char *make_tmpdir(void)
{
	char tmpl[] = "/tmp/nd_ingest_XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return strdup(d);
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	assert_non_null(p);
	snprintf(p, n, "%s/%s", dir, name);
	return p;
}

static char *write_file(const char *dir, const char *name, const char *data,
			size_t len)
{
	char *path = join(dir, name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static void write_str(const char *dir, const char *name, const char *data)
{
	free(write_file(dir, name, data, strlen(data)));
}

static void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	d = opendir(path);
	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *child;

			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			child = join(path, e->d_name);
			remove_tree(child);
			free(child);
		}
		closedir(d);
	}
	rmdir(path);
}

static const got_reject *find_reject(const got *g, const char *path)
{
	size_t i;

	for (i = 0; i < g->n_rej; i++)
		if (strcmp(g->rej[i].path, path) == 0)
			return &g->rej[i];
	fail_msg("no rejection for %s", path);
	return NULL;
}

/* ---- folders ---- */

static void test_folder_walk_order(void **state)
{
	char *dir = make_tmpdir(), *sub = join(dir, "sub"), *p;
	got g;
	nd_ingest_sink s = sink_for(&g, 0);
	int rc;

	(void)state;
	write_str(dir, "b.txt", "Bee text.\n");
	write_str(dir, "a.html", "<html><body><p>Ay.</p></body></html>");
	write_str(dir, "B.txt", "Capital bee.");
	write_str(dir, "e", "No extension at all.");
	write_str(dir, ".hidden.txt", "Hidden.");
	write_str(dir, "notes.md", "# Notes\n");
	write_str(dir, "README", "About this folder.");
	write_str(dir, "readme.txt", "About this folder.");
	write_str(dir, "image.png", "\x89PNG\r\n\x1a\n");
	assert_int_equal(mkdir(sub, 0700), 0);
	write_str(sub, "c.txt", "See.");
	write_str(sub, "z.png", "\x89PNG");
	p = join(dir, "link.txt");
	assert_int_equal(symlink("b.txt", p), 0);
	free(p);
	p = join(dir, "loop");
	assert_int_equal(symlink(".", p), 0);
	free(p);
	p = join(sub, "up");
	assert_int_equal(symlink("..", p), 0);
	free(p);
	p = join(dir, ".git");
	assert_int_equal(mkdir(p, 0700), 0);
	write_str(p, "x.txt", "Not an article.");
	free(p);

	rc = nd_ingest_path(&s, dir);
	assert_int_equal(rc, 0);
	assert_int_equal(g.n_rej, 0);
	assert_int_equal(g.n_art, 6);
	/* Byte order: "B.txt" < "a.html" < "b.txt" < "e" < "link.txt" <
	 * "sub". */
	assert_string_equal(g.art[0].id, "B");
	assert_string_equal(g.art[1].id, "a");
	assert_true(g.art[1].is_html);
	assert_string_equal(g.art[2].id, "b");
	assert_false(g.art[2].is_html);
	assert_string_equal(g.art[2].body, "Bee text.\n");
	assert_string_equal(g.art[3].id, "e");
	assert_string_equal(g.art[4].id, "link");
	assert_string_equal(g.art[4].body, "Bee text.\n");
	assert_string_equal(g.art[5].id, "c");
	p = join(sub, "c.txt");
	assert_string_equal(g.art[5].path, p);
	free(p);
	p = join(dir, "a.html");
	assert_string_equal(g.art[1].path, p);
	free(p);
	assert_null(g.art[0].title);
	assert_null(g.art[0].url);
	got_free(&g);

	/* A trailing slash does not double up in paths. */
	p = malloc(strlen(dir) + 2);
	assert_non_null(p);
	sprintf(p, "%s/", dir);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_path(&s, p), 0);
	assert_int_equal(g.n_art, 6);
	assert_contains(g.art[0].path, "/B.txt");
	assert_not_contains(g.art[0].path, "//");
	free(p);
	got_free(&g);

	remove_tree(dir);
	free(sub);
	free(dir);
}

static void test_explicit_file_any_extension(void **state)
{
	char *dir = make_tmpdir(), *p;
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	p = write_file(dir, "notes.md", "Plain words.", 12);
	assert_int_equal(nd_ingest_path(&s, p), 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "notes");
	assert_false(g.art[0].is_html);
	free(p);
	got_free(&g);

	/* Unknown extensions are sniffed. */
	p = write_file(dir, "page.asp", "  <!DOCTYPE html><p>x</p>", 25);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_path(&s, p), 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "page");
	assert_true(g.art[0].is_html);
	free(p);
	got_free(&g);

	p = write_file(dir, "feed.dat", "{\"text\":\"Sniffed.\"}\n", 20);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_path(&s, p), 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "feed:1");
	assert_string_equal(g.art[0].body, "Sniffed.");
	free(p);
	got_free(&g);

	remove_tree(dir);
	free(dir);
}

/* ---- JSON Lines ---- */

static const char jsonl_lines[] =
	"{\"id\":\"one\",\"title\":\"T1\",\"text\":\"Hello world.\","
	"\"url\":\"https://x.test/1\",\"published\":\"2024-01-01\","
	"\"site\":\"Wire\"}\n"
	"\n"
	"{\"title\":\"no body here\"}\n"
	"{\"html\":\"<p>caf\\u00e9 \\ud83d\\ude00</p>\","
	"\"date\":\"2024-02-02\","
	"\"source\":{\"id\":null,\"name\":\"Daily\"}}\n"
	"{\"id\": 7, \"body\": \"a\\tb\\n\\\"q\\\" \\\\ \\/\", "
	"\"extra\": {\"a\":[1,-2.5e3,true,false,null,{}]}, \"outlet\":\"O\"}\n"
	"{\"id\":\"bad\",\"text\":\"x\\ud800y\"}\n"
	"{\"id\":\"esc\",\"text\":\"\\x\"}\n"
	"   \t  \n"
	"{\"id\":\"last\",\"text\":\"abc";

static void check_jsonl(const got *g, const char *name, int rc)
{
	char path[4096], msg[128];
	const got_reject *r;

	assert_int_equal(rc, ND_EFORMAT);
	assert_int_equal(g->n_art, 3);
	assert_string_equal(g->art[0].id, "one");
	assert_string_equal(g->art[0].title, "T1");
	assert_string_equal(g->art[0].body, "Hello world.");
	assert_string_equal(g->art[0].url, "https://x.test/1");
	assert_string_equal(g->art[0].published, "2024-01-01");
	assert_string_equal(g->art[0].source, "Wire");
	assert_false(g->art[0].is_html);
	snprintf(path, sizeof(path), "%s:1", name);
	assert_string_equal(g->art[0].path, path);

	assert_string_equal(g->art[1].id, "f:4");
	assert_true(g->art[1].is_html);
	assert_string_equal(g->art[1].body,
			    "<p>caf\xC3\xA9 \xF0\x9F\x98\x80</p>");
	assert_string_equal(g->art[1].published, "2024-02-02");
	assert_string_equal(g->art[1].source, "Daily");
	assert_null(g->art[1].title);
	assert_null(g->art[1].url);

	assert_string_equal(g->art[2].id, "7");
	assert_string_equal(g->art[2].body, "a\tb\n\"q\" \\ /");
	assert_string_equal(g->art[2].source, "O");

	assert_int_equal(g->n_rej, 4);
	snprintf(path, sizeof(path), "%s:3", name);
	r = find_reject(g, path);
	assert_int_equal(r->code, ND_EFORMAT);
	assert_string_equal(r->msg, "no text or html field");
	snprintf(path, sizeof(path), "%s:6", name);
	r = find_reject(g, path);
	assert_int_equal(r->code, ND_EFORMAT);
	assert_string_equal(r->msg,
			    "malformed JSON: lone surrogate at byte 21");
	snprintf(path, sizeof(path), "%s:7", name);
	r = find_reject(g, path);
	assert_string_equal(r->msg,
			    "malformed JSON: invalid escape at byte 20");
	snprintf(path, sizeof(path), "%s:9", name);
	r = find_reject(g, path);
	assert_int_equal(r->code, ND_EFORMAT);
	snprintf(msg, sizeof(msg),
		 "malformed JSON: unexpected end of input at byte %zu",
		 strlen("{\"id\":\"last\",\"text\":\"abc"));
	assert_string_equal(r->msg, msg);
}

static void test_jsonl_file(void **state)
{
	char *dir = make_tmpdir(), *p;
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	p = write_file(dir, "f.jsonl", jsonl_lines, sizeof(jsonl_lines) - 1);
	check_jsonl(&g, p, nd_ingest_path(&s, p));
	free(p);
	got_free(&g);

	/* The same from memory and from a stream. */
	s = sink_for(&g, 0);
	check_jsonl(&g, "f.jsonl",
		    nd_ingest_memory(&s, "f.jsonl", jsonl_lines,
				     sizeof(jsonl_lines) - 1, ND_FORMAT_AUTO));
	got_free(&g);
	{
		FILE *f = fmemopen((void *)jsonl_lines,
				   sizeof(jsonl_lines) - 1, "r");

		assert_non_null(f);
		s = sink_for(&g, 0);
		check_jsonl(&g, "f",
			    nd_ingest_stream(&s, f, "f", ND_FORMAT_AUTO));
		fclose(f);
		got_free(&g);
	}
	remove_tree(dir);
	free(dir);
}

/* Runs one JSONL line through memory and returns the sink's record. */
static int one_line(got *g, const char *line)
{
	nd_ingest_sink s = sink_for(g, 0);

	return nd_ingest_memory(&s, "m.jsonl", line, strlen(line),
				ND_FORMAT_JSONL);
}

static void expect_line_reject(const char *line, int code, const char *msg)
{
	got g;
	int rc = one_line(&g, line);

	if (rc != code || g.n_rej != 1 || g.n_art != 0)
		fail_msg("line %s: rc %d, %zu rejected, %zu accepted", line,
			 rc, g.n_rej, g.n_art);
	assert_string_equal(g.rej[0].path, "m.jsonl:1");
	assert_contains(g.rej[0].msg, msg);
	got_free(&g);
}

static void expect_line_body(const char *line, const char *body, int html)
{
	got g;
	int rc = one_line(&g, line);

	if (rc != 0 || g.n_art != 1)
		fail_msg("line %s: rc %d, %zu rejected (%s)", line, rc,
			 g.n_rej, g.n_rej ? g.rej[0].msg : "");
	assert_string_equal(g.art[0].body, body);
	assert_int_equal(g.art[0].is_html, html);
	got_free(&g);
}

static void test_jsonl_fields(void **state)
{
	got g;

	(void)state;
	/* Canonical names beat aliases, later duplicates beat earlier. */
	expect_line_body("{\"body\":\"B\",\"text\":\"T\",\"content\":\"C\"}",
			 "T", 0);
	expect_line_body("{\"body\":\"B\",\"content\":\"C\"}", "C", 0);
	expect_line_body("{\"text\":\"one\",\"text\":\"two\"}", "two", 0);
	/* A blank text gives way to html. */
	expect_line_body("{\"text\":\"  \",\"html\":\"<p>h</p>\"}", "<p>h</p>",
			 1);
	/* Escaped keys are keys all the same. */
	expect_line_body("{\"\\u0074ext\":\"esc key\"}", "esc key", 0);
	/* Non-string text is no text. */
	expect_line_reject("{\"text\":42}", ND_EFORMAT,
			   "no text or html field");
	expect_line_body("{\"text\":null,\"body\":\"b\"}", "b", 0);
	/* CRLF endings and a BOM are fine. */
	expect_line_body("\xEF\xBB\xBF{\"text\":\"bom\"}\r\n", "bom", 0);
	expect_line_body("{\"text\":\"\xE2\x82\xAC raw UTF-8\"}",
			 "\xE2\x82\xAC raw UTF-8", 0);

	expect_line_reject("{\"text\":\"\"}", ND_EEMPTY, "empty text");
	expect_line_reject("{\"text\":\"a\\u0000b\"}", ND_EBINARY,
			   "binary data");
	expect_line_reject("{\"text\":\"a\xFF\"}", ND_EUTF8,
			   "malformed JSON: invalid UTF-8 at byte 10");
	expect_line_reject("{\"text\":\"x\\udc00\"}", ND_EFORMAT,
			   "lone surrogate at byte 10");
	expect_line_reject("{\"text\":\"x\\ud800\\u0041\"}", ND_EFORMAT,
			   "lone surrogate at byte 10");
	expect_line_reject("{\"text\":\"x\\u12G4\"}", ND_EFORMAT,
			   "invalid \\u escape");
	expect_line_reject("{\"text\":\"tab\there\"}", ND_EFORMAT,
			   "control character in string at byte 12");
	expect_line_reject("{\"text\":\"a\",}", ND_EFORMAT,
			   "unexpected '}' at byte 12");
	expect_line_reject("{\"text\":\"a\",\"n\":01}", ND_EFORMAT,
			   "unexpected '1'");
	expect_line_reject("{\"text\":\"a\",\"n\":[1,]}", ND_EFORMAT,
			   "unexpected ']'");
	expect_line_reject("{\"text\":\"a\",\"n\":1.}", ND_EFORMAT,
			   "invalid number");
	expect_line_reject("{\"text\":\"a\",\"n\":tru}", ND_EFORMAT,
			   "invalid literal");
	expect_line_reject("{\"text\":\"a\"} x", ND_EFORMAT,
			   "unexpected 'x' at byte 13");
	expect_line_reject("[{\"text\":\"a\"}]", ND_EFORMAT,
			   "not a JSON object at byte 0");
	expect_line_reject("{'text':'a'}", ND_EFORMAT, "unexpected '''");
	expect_line_reject("{\"text\":\"a\"\x01}", ND_EFORMAT,
			   "unexpected byte 0x01 at byte 11");
	expect_line_reject("{\"text\":\"x\\ud83d", ND_EFORMAT,
			   "unexpected end of input at byte 16");
	{
		/* Deep nesting stops at the limit rather than the stack. */
		char deep[400];
		size_t i, n = 0;

		n += (size_t)sprintf(deep, "{\"text\":\"a\",\"n\":");
		for (i = 0; i < 100; i++)
			deep[n++] = '[';
		for (i = 0; i < 100; i++)
			deep[n++] = ']';
		deep[n++] = '}';
		deep[n] = '\0';
		expect_line_reject(deep, ND_EFORMAT, "nesting deeper than 64");
	}

	/* Only blank lines: the input is empty. */
	assert_int_equal(one_line(&g, "\n  \n\r\n"), ND_EEMPTY);
	assert_int_equal(g.n_rej, 1);
	assert_string_equal(g.rej[0].path, "m.jsonl");
	assert_string_equal(g.rej[0].msg, "empty file");
	got_free(&g);
}

/* A headline with an empty text is an article (an RSS item, a wire
 * flash); cleaning gives it the headline as text. */
static void test_jsonl_headline_only(void **state)
{
	(void)state;
	expect_line_body("{\"title\":\"Dam opens\",\"text\":\"\"}", "", 0);
	expect_line_body("{\"title\":\"Dam opens\",\"text\":\" \"}", "", 0);
	expect_line_body("{\"title\":\"Dam opens\",\"html\":\"\"}", "", 0);
	expect_line_body("{\"title\":\"Dam opens\",\"text\":\"It did.\"}",
			 "It did.", 0);
	expect_line_reject("{\"title\":\" \",\"text\":\"\"}", ND_EEMPTY,
			   "empty text");
	/* No text field at all: not an article of any kind. */
	expect_line_reject("{\"title\":\"Dam opens\"}", ND_EFORMAT,
			   "no text or html field");
	expect_line_reject("{\"title\":7,\"text\":\"\"}", ND_EEMPTY,
			   "empty text");
}

static void test_jsonl_long_lines(void **state)
{
	size_t cap = 20000, n = 0, i;
	char *data = malloc(100000);
	got g;
	nd_ingest_sink s;
	FILE *f;
	int rc;

	(void)state;
	assert_non_null(data);
	/* Line 1 spans the reader's 16 KiB chunks but fits the cap; line 2
	 * does not fit; line 3 is short again. */
	n += (size_t)sprintf(data + n, "{\"id\":\"long\",\"text\":\"");
	for (i = 0; i < 17000; i++)
		data[n++] = 'a' + (char)(i % 26);
	n += (size_t)sprintf(data + n, "\"}\n{\"text\":\"");
	for (i = 0; i < 30000; i++)
		data[n++] = 'b';
	n += (size_t)sprintf(data + n,
			     "\"}\n{\"id\":\"short\",\"text\":\"s\"}");

	f = fmemopen(data, n, "r");
	assert_non_null(f);
	s = sink_for(&g, cap);
	rc = nd_ingest_stream(&s, f, "big.jsonl", ND_FORMAT_AUTO);
	fclose(f);
	assert_int_equal(rc, ND_ETOOBIG);
	assert_int_equal(g.n_art, 2);
	assert_string_equal(g.art[0].id, "long");
	assert_int_equal(g.art[0].body_len, 17000);
	assert_string_equal(g.art[1].id, "short");
	assert_int_equal(g.n_rej, 1);
	assert_string_equal(g.rej[0].path, "big.jsonl:2");
	assert_int_equal(g.rej[0].code, ND_ETOOBIG);
	assert_string_equal(g.rej[0].msg,
			    "line is 30011 bytes, over the 20000-byte limit");
	got_free(&g);

	/* Same from memory. */
	s = sink_for(&g, cap);
	rc = nd_ingest_memory(&s, "big.jsonl", data, n, ND_FORMAT_JSONL);
	assert_int_equal(rc, ND_ETOOBIG);
	assert_int_equal(g.n_art, 2);
	assert_string_equal(g.rej[0].msg,
			    "line is 30011 bytes, over the 20000-byte limit");
	got_free(&g);
	free(data);
}

/* ---- validation of text and HTML ---- */

/* Ingests one file with the given contents; returns the return code. */
static int one_file(got *g, size_t cap, const char *name, const char *data,
		    size_t len)
{
	char *dir = make_tmpdir(), *p;
	nd_ingest_sink s = sink_for(g, cap);
	int rc;

	p = write_file(dir, name, data, len);
	rc = nd_ingest_path(&s, p);
	if (g->n_rej > 0) {
		/* Rejections name the file; the message does not. */
		assert_string_equal(g->rej[0].path, p);
		assert_not_contains(g->rej[0].msg, dir);
	}
	free(p);
	remove_tree(dir);
	free(dir);
	return rc;
}

static void expect_file_reject(const char *name, const char *data,
			       size_t len, int code, const char *msg)
{
	got g;
	int rc = one_file(&g, 0, name, data, len);

	if (rc != code || g.n_rej != 1 || g.n_art != 0)
		fail_msg("%s: rc %d, %zu rejected, %zu accepted", name, rc,
			 g.n_rej, g.n_art);
	assert_int_equal(g.rej[0].code, code);
	assert_string_equal(g.rej[0].msg, msg);
	got_free(&g);
}

static void test_empty_and_binary(void **state)
{
	got g;

	(void)state;
	expect_file_reject("e.txt", "", 0, ND_EEMPTY, "empty file");
	expect_file_reject("e.txt", " \n\t\r\n ", 6, ND_EEMPTY, "empty file");
	expect_file_reject("e.html", "\xEF\xBB\xBF  ", 5, ND_EEMPTY,
			   "empty file");
	expect_file_reject("b.txt", "abc\0def", 7, ND_EBINARY,
			   "binary data, not text");
	/* Past the first ND_DOCUMENT_SNIFF bytes a stray NUL is noise: it
	 * becomes a space. */
	{
		static char late[ND_DOCUMENT_SNIFF + 16];

		memset(late, 'a', sizeof(late));
		late[ND_DOCUMENT_SNIFF + 5] = '\0';
		assert_int_equal(one_file(&g, 0, "late.txt", late,
					  sizeof(late)),
				 0);
		assert_int_equal(g.n_art, 1);
		assert_int_equal(g.art[0].body_len, sizeof(late));
		assert_int_equal(g.art[0].body[ND_DOCUMENT_SNIFF + 5], ' ');
		got_free(&g);
	}
	expect_file_reject("b.html", "\x01\x02\x03<p>abc</p>", 13, ND_EBINARY,
			   "binary data, not text");
	expect_file_reject("b", "\x7f\x1b\x02\x03\x04hello", 10, ND_EBINARY,
			   "binary data, not text");
	/* A little control noise is still text. */
	assert_int_equal(one_file(&g, 0, "ok.txt",
				  "A form feed\f, a tab\t and one \x1b escape.",
				  38),
			 0);
	assert_int_equal(g.n_art, 1);
	got_free(&g);
}

/* One file that ingest keeps with a warning: its body and the warning. */
static void expect_mended(const char *name, const char *data, size_t len,
			  const char *body, const char *warning)
{
	got g;

	assert_int_equal(one_file(&g, 0, name, data, len), 0);
	assert_int_equal(g.n_art, 1);
	assert_int_equal(g.n_rej, 0);
	assert_string_equal(g.art[0].body, body);
	assert_int_equal(g.art[0].body_len, strlen(body));
	assert_non_null(g.art[0].warning);
	assert_string_equal(g.art[0].warning, warning);
	got_free(&g);
}

static void test_invalid_utf8(void **state)
{
	got g;

	(void)state;
	/* Bytes that are not UTF-8 are read as windows-1252, as browsers
	 * read a page that does not say; offsets count the BOM. */
	expect_mended("u.txt", "abc\xff", 4, "abc\xC3\xBF",
		      "not valid UTF-8: 1 byte read as windows-1252, the "
		      "first at byte 3");
	expect_mended("u.txt", "\xEF\xBB\xBF" "ab\xC3", 6, "ab\xC3\x83",
		      "not valid UTF-8: 1 byte read as windows-1252, the "
		      "first at byte 5");
	/* Overlong forms and surrogates are not UTF-8: byte by byte. */
	expect_mended("u.txt", "a\xC0\xAF", 3, "a\xC3\x80\xC2\xAF",
		      "not valid UTF-8: 2 bytes read as windows-1252, the "
		      "first at byte 1");
	/* 0x80-0x9F are windows-1252's own; its gaps stay C1 controls. */
	expect_mended("u.txt", "\x93quoted\x94 \x80 \x81", 12,
		      "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC "
		      "\xC2\x81",
		      "not valid UTF-8: 4 bytes read as windows-1252, the "
		      "first at byte 0");
	/* UTF-8 and Latin-1 mixed on one page: the UTF-8 stays. */
	expect_mended("u.html",
		      "<meta charset=\"utf-8\"><p>caf\xe9 \xC3\xA9t\xC3\xA9</p>",
		      39,
		      "<meta charset=\"utf-8\"><p>caf\xC3\xA9 \xC3\xA9t\xC3\xA9</p>",
		      "not valid UTF-8: 1 byte read as windows-1252, the "
		      "first at byte 28");
	/* Valid UTF-8 has no warning. */
	assert_int_equal(one_file(&g, 0, "ok.txt", "caf\xC3\xA9", 5), 0);
	assert_int_equal(g.n_art, 1);
	assert_null(g.art[0].warning);
	got_free(&g);
}

static void test_too_big(void **state)
{
	size_t big = 10 * 1024 * 1024, i;
	char *data = malloc(big);
	got g;
	nd_ingest_sink s;
	FILE *f;

	(void)state;
	assert_non_null(data);
	for (i = 0; i < big; i++)
		data[i] = 'a' + (char)(i % 26);
	expect_file_reject("huge.txt", data, big, ND_ETOOBIG,
			   "file is 10485760 bytes, over the 5242880-byte "
			   "limit");
	/* A stream has no size to tell: it is read up to the cap. */
	f = fmemopen(data, big, "r");
	assert_non_null(f);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_stream(&s, f, "stdin", ND_FORMAT_TEXT),
			 ND_ETOOBIG);
	assert_int_equal(g.rej[0].code, ND_ETOOBIG);
	assert_string_equal(g.rej[0].msg,
			    "input is over the 5242880-byte limit");
	/* Exactly cap + 1 bytes were read, no more. */
	assert_int_equal(ftell(f), 5242880 + 1);
	fclose(f);
	got_free(&g);

	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "m.txt", data, big,
					  ND_FORMAT_AUTO),
			 ND_ETOOBIG);
	assert_string_equal(g.rej[0].msg,
			    "input is 10485760 bytes, over the 5242880-byte "
			    "limit");
	got_free(&g);

	/* The cap is inclusive. */
	assert_int_equal(one_file(&g, 10, "ten.txt", "0123456789", 10), 0);
	assert_int_equal(g.n_art, 1);
	got_free(&g);
	assert_int_equal(one_file(&g, 10, "eleven.txt", "0123456789X", 11),
			 ND_ETOOBIG);
	assert_string_equal(g.rej[0].msg,
			    "file is 11 bytes, over the 10-byte limit");
	got_free(&g);
	free(data);
}

static void test_unreadable(void **state)
{
	char *dir = make_tmpdir(), *p;
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	p = join(dir, "missing.txt");
	assert_int_equal(nd_ingest_path(&s, p), ND_EIO);
	assert_int_equal(g.n_rej, 1);
	assert_string_equal(g.rej[0].path, p);
	assert_int_equal(g.rej[0].code, ND_EIO);
	assert_string_equal(g.rej[0].msg,
			    "cannot open: No such file or directory");
	free(p);
	got_free(&g);

	/* In a folder: a dangling link is reported, the rest goes on. */
	write_str(dir, "ok.txt", "Fine.");
	p = join(dir, "dangling.txt");
	assert_int_equal(symlink("nowhere.txt", p), 0);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_path(&s, dir), ND_EIO);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "ok");
	assert_int_equal(g.n_rej, 1);
	assert_string_equal(g.rej[0].path, p);
	assert_string_equal(g.rej[0].msg,
			    "cannot open: No such file or directory");
	unlink(p);
	free(p);
	got_free(&g);

	if (geteuid() != 0) {
		/* Permissions mean nothing to root. */
		char *sub = join(dir, "locked");

		assert_int_equal(mkdir(sub, 0700), 0);
		write_str(sub, "x.txt", "Secret.");
		assert_int_equal(chmod(sub, 0), 0);
		s = sink_for(&g, 0);
		assert_int_equal(nd_ingest_path(&s, dir), ND_EIO);
		assert_int_equal(g.n_art, 1);
		assert_string_equal(g.rej[0].path, sub);
		assert_string_equal(g.rej[0].msg,
				    "cannot open: Permission denied");
		got_free(&g);
		chmod(sub, 0700);
		free(sub);
	}
	remove_tree(dir);
	free(dir);
}

/* ---- charsets and BOMs ---- */

static void expect_html_body(const char *html, size_t len,
			     const char *needle)
{
	got g;
	int rc = one_file(&g, 0, "page.html", html, len);

	if (rc != 0 || g.n_art != 1)
		fail_msg("rc %d, %zu rejected (%s)", rc, g.n_rej,
			 g.n_rej ? g.rej[0].msg : "");
	assert_true(g.art[0].is_html);
	assert_contains(g.art[0].body, needle);
	assert_int_equal(strlen(g.art[0].body), g.art[0].body_len);
	got_free(&g);
}

static void test_charsets(void **state)
{
	static const char latin1[] =
		"<html><head><meta charset=\"iso-8859-1\"></head>"
		"<body><p>Caf\xe9 \x93quoted\x94 \x80 5 and \x81.</p>"
		"</body></html>";
	static const char koi8[] =
		"<html><head><META HTTP-EQUIV=\"Content-Type\" "
		"CONTENT=\"text/html; charset=KOI8-R\"></head>"
		"<body>\xf0\xd2\xc9\xd7\xc5\xd4</body></html>";
	static const char xml[] =
		"<?xml version=\"1.0\" encoding='windows-1252'?>"
		"<html><body>na\xefve</body></html>";
	static const char resaved[] =
		"<meta charset=iso-8859-1><p>Caf\xC3\xA9</p>";

	(void)state;
	expect_html_body(latin1, sizeof(latin1) - 1,
			 "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D "
			 "\xE2\x82\xAC 5 and \xC2\x81.");
	expect_html_body(koi8, sizeof(koi8) - 1,
			 "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
	expect_html_body(xml, sizeof(xml) - 1, "na\xC3\xAFve");
	/* Declared latin-1 but saved as UTF-8: kept as it is. */
	expect_html_body(resaved, sizeof(resaved) - 1, "Caf\xC3\xA9");
	/* A BOM says UTF-8 whatever the tag says. */
	expect_html_body("\xEF\xBB\xBF<meta charset=\"koi8-r\"><p>ok</p>", 35,
			 "<meta");
	expect_file_reject("x.html", "<meta charset=\"x-klingon\"><p>\xe9</p>",
			   34, ND_EUTF8, "unknown charset \"x-klingon\"");
	expect_file_reject("x.html", "<meta charset=utf-7><p>\xe9</p>", 28,
			   ND_EUTF8, "unknown charset \"utf-7\"");
	/* 0x83 0x65 is shift_jis; a lone 0x83 at the end is cut off. */
	expect_file_reject("x.html",
			   "<meta charset=\"shift_jis\"><p>\x83\x65</p>\x83",
			   36,
			   ND_EUTF8, "invalid shift_jis at byte 35");
}

static void test_charset_declared(void **state)
{
	char label[ND_CHARSET_LABEL_MAX];
	char far[ND_CHARSET_SCAN + 100];

	(void)state;
	assert_true(nd_charset_declared(label, "<meta charset=latin1>", 21));
	assert_string_equal(label, "latin1");
	assert_true(nd_charset_declared(
		label, "<meta http-equiv=content-type content='text/html;"
		       "charset=Windows-1252'>", 71));
	assert_string_equal(label, "Windows-1252");
	assert_true(nd_charset_declared(label, "<Meta\nCharSet = 'gbk' />",
					24));
	assert_string_equal(label, "gbk");
	assert_false(nd_charset_declared(label, "<meta name=x-charset=no>",
					 24));
	assert_false(nd_charset_declared(label, "<metadata charset=x>", 20));
	assert_false(nd_charset_declared(label, "<p>charset=koi8-r</p>", 21));
	/* Only the first ND_CHARSET_SCAN bytes count. */
	memset(far, ' ', sizeof(far));
	memcpy(far + ND_CHARSET_SCAN - 30, "<meta charset=koi8-r>", 21);
	assert_true(nd_charset_declared(label, far, sizeof(far)));
	assert_string_equal(label, "koi8-r");
	memset(far, ' ', sizeof(far));
	memcpy(far + ND_CHARSET_SCAN + 10, "<meta charset=koi8-r>", 21);
	assert_false(nd_charset_declared(label, far, sizeof(far)));
	assert_true(nd_charset_is_utf8("UTF-8"));
	assert_true(nd_charset_is_utf8("utf-16le"));
	assert_false(nd_charset_is_utf8("utf-7"));
	assert_false(nd_charset_is_utf8("latin1"));
}

static void test_bom_stripped(void **state)
{
	got g;

	(void)state;
	assert_int_equal(one_file(&g, 0, "bom.txt", "\xEF\xBB\xBFHello", 8),
			 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].body, "Hello");
	assert_int_equal(g.art[0].body_len, 5);
	got_free(&g);
	assert_int_equal(one_file(&g, 0, "bom.html",
				  "\xEF\xBB\xBF<p>Hi</p>", 12),
			 0);
	assert_string_equal(g.art[0].body, "<p>Hi</p>");
	got_free(&g);
}

/* A UTF-16 or UTF-32 byte order mark says how to read the rest, as Windows
 * tools save "Unicode" text; offsets in errors count the mark. */
static void test_wide_bom(void **state)
{
	static const char le[] = "\xFF\xFE<\0p\0>\0C\0a\0f\0\xE9\0<\0/\0p\0>\0";
	static const char be[] = "\xFE\xFF\0H\0\xE9\0l\0l\0o";
	static const char le32[] = "\xFF\xFE\0\0H\0\0\0i\0\0\0";
	nd_ingest_sink s;
	got g;

	(void)state;
	assert_int_equal(one_file(&g, 0, "le.html", le, sizeof(le) - 1), 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].body, "<p>Caf\xC3\xA9</p>");
	assert_int_equal(g.art[0].is_html, 1);
	got_free(&g);
	assert_int_equal(one_file(&g, 0, "be.txt", be, sizeof(be) - 1), 0);
	assert_string_equal(g.art[0].body, "H\xC3\xA9llo");
	got_free(&g);
	assert_int_equal(one_file(&g, 0, "le32.txt", le32, sizeof(le32) - 1),
			 0);
	assert_string_equal(g.art[0].body, "Hi");
	got_free(&g);
	expect_file_reject("bom.html", "\xFF\xFE", 2, ND_EEMPTY, "empty file");
	/* A lone high surrogate, then a letter. */
	expect_file_reject("bad.txt", "\xFF\xFEH\0\x00\xD8i\0", 8, ND_EUTF8,
			   "invalid UTF-16LE at byte 4");
	/* With no name to go by, the characters tell HTML from text. */
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "stdin", le, sizeof(le) - 1,
					  ND_FORMAT_AUTO),
			 0);
	assert_int_equal(g.art[0].is_html, 1);
	got_free(&g);
	assert_int_equal(nd_sniff_content(be, sizeof(be) - 1),
			 ND_FORMAT_TEXT);
}

/* A caller's scratch buffer carries the documents of call after call. */
static void test_scratch_reused(void **state)
{
	nd_buf scratch = ND_BUF_INIT(0);
	char *dir = make_tmpdir(), *a, *b;
	char *ptr;
	nd_ingest_sink s;
	got g;

	(void)state;
	a = write_file(dir, "a.txt", "A longer first document.", 24);
	b = write_file(dir, "b.txt", "Short.", 6);
	s = sink_for(&g, 0);
	s.scratch = &scratch;
	assert_int_equal(nd_ingest_path(&s, a), 0);
	ptr = scratch.ptr;
	assert_non_null(ptr);
	assert_int_equal(nd_ingest_path(&s, b), 0);
	assert_ptr_equal(scratch.ptr, ptr);
	assert_int_equal(g.n_art, 2);
	assert_string_equal(g.art[0].body, "A longer first document.");
	assert_string_equal(g.art[1].body, "Short.");
	got_free(&g);
	nd_buf_dispose(&scratch);
	free(a);
	free(b);
	remove_tree(dir);
	free(dir);
}

/* Control bytes are counted eight at a time: the 10% line and a NUL are
 * found wherever they sit. */
static void test_binary_counts(void **state)
{
	char p[83];
	size_t i, at;

	(void)state;
	for (at = 0; at + 9 <= sizeof(p); at++) {
		memset(p, 'a', sizeof(p));
		for (i = 0; i < 8; i++)
			p[at + i] = i % 2 ? '\x7F' : '\x01';
		assert_false(nd_document_binary(p, sizeof(p)));
		p[at + 8] = '\x1B';
		assert_true(nd_document_binary(p, sizeof(p)));
		memset(p, '\n', sizeof(p));
		p[at] = '\0';
		assert_true(nd_document_binary(p, sizeof(p)));
	}
	memset(p, '\t', sizeof(p));
	assert_false(nd_document_binary(p, sizeof(p)));
	p[sizeof(p) - 1] = '\0';
	assert_true(nd_document_binary(p, sizeof(p)));
	/* High bytes are not control bytes. */
	memset(p, '\x80', sizeof(p));
	assert_false(nd_document_binary(p, sizeof(p)));
	memset(p, '\x9F', sizeof(p));
	assert_false(nd_document_binary(p, sizeof(p)));
}

/* ---- streams and memory ---- */

static void test_streams(void **state)
{
	static const char html[] = "\n  <p>Streamed.</p>";
	static const char text[] = "Just some text.";
	static const char lines[] = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
	got g;
	nd_ingest_sink s;
	FILE *f;

	(void)state;
	f = fmemopen((void *)html, sizeof(html) - 1, "r");
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_stream(&s, f, "stdin", ND_FORMAT_AUTO), 0);
	fclose(f);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "stdin");
	assert_string_equal(g.art[0].path, "stdin");
	assert_true(g.art[0].is_html);
	assert_string_equal(g.art[0].body, html);
	got_free(&g);

	f = fmemopen((void *)text, sizeof(text) - 1, "r");
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_stream(&s, f, "stdin", ND_FORMAT_AUTO), 0);
	fclose(f);
	assert_false(g.art[0].is_html);
	assert_string_equal(g.art[0].body, text);
	got_free(&g);

	f = fmemopen((void *)lines, sizeof(lines) - 1, "r");
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_stream(&s, f, "stdin", ND_FORMAT_AUTO), 0);
	fclose(f);
	assert_int_equal(g.n_art, 2);
	assert_string_equal(g.art[0].id, "stdin:1");
	assert_string_equal(g.art[1].id, "stdin:2");
	assert_string_equal(g.art[1].path, "stdin:2");
	assert_string_equal(g.art[1].body, "two");
	got_free(&g);

	/* An explicit format wins over the content. */
	f = fmemopen((void *)html, sizeof(html) - 1, "r");
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_stream(&s, f, "x", ND_FORMAT_TEXT), 0);
	fclose(f);
	assert_false(g.art[0].is_html);
	got_free(&g);

	/* Empty stream. */
	f = fmemopen((void *)text, 0, "r");
	if (f != NULL) {
		s = sink_for(&g, 0);
		assert_int_equal(nd_ingest_stream(&s, f, "stdin",
						  ND_FORMAT_AUTO),
				 ND_EEMPTY);
		fclose(f);
		got_free(&g);
	}

	/* Memory, not NUL-terminated: the body still is. */
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "doc.txt", "abcdef", 3,
					  ND_FORMAT_AUTO),
			 0);
	assert_string_equal(g.art[0].body, "abc");
	assert_string_equal(g.art[0].id, "doc");
	got_free(&g);

	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "x", NULL, 1, ND_FORMAT_AUTO),
			 ND_EINVAL);
	assert_int_equal(nd_ingest_path(NULL, "x"), ND_EINVAL);
	assert_int_equal(nd_ingest_path(&s, NULL), ND_EINVAL);
	got_free(&g);
}

static void test_stdin_dash(void **state)
{
	char *dir = make_tmpdir(), *p;
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	p = write_file(dir, "in.txt", "From standard input.", 20);
	assert_non_null(freopen(p, "r", stdin));
	assert_int_equal(nd_ingest_path(&s, "-"), 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "stdin");
	assert_string_equal(g.art[0].body, "From standard input.");
	got_free(&g);
	free(p);
	remove_tree(dir);
	free(dir);
}

static void test_sink_abort(void **state)
{
	char *dir = make_tmpdir();
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	write_str(dir, "a.txt", "One.");
	write_str(dir, "b.txt", "");
	write_str(dir, "c.txt", "Three.");
	g.stop_after = 1;
	assert_int_equal(nd_ingest_path(&s, dir), ND_ENOMEM);
	assert_int_equal(g.n_art, 1);
	got_free(&g);

	/* Without the abort: last rejection's code. */
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_path(&s, dir), ND_EEMPTY);
	assert_int_equal(g.n_art, 2);
	got_free(&g);

	/* JSONL too. */
	s = sink_for(&g, 0);
	g.stop_after = 1;
	assert_int_equal(nd_ingest_memory(&s, "m", "{\"text\":\"a\"}\n"
						   "{\"text\":\"b\"}\n",
					  26, ND_FORMAT_JSONL),
			 ND_ENOMEM);
	assert_int_equal(g.n_art, 1);
	got_free(&g);
	remove_tree(dir);
	free(dir);
}

/* Every allocation failing in turn: ND_ENOMEM or success, never a crash
 * or a leak (LeakSanitizer checks the latter under make test-san). */
static void test_out_of_memory(void **state)
{
	char *dir = make_tmpdir();
	unsigned long n;
	got g;
	nd_ingest_sink s;
	int rc = 0, oom = 0;

	(void)state;
	write_str(dir, "a.html",
		  "<meta charset=latin1><p>caf\xe9</p>");
	write_str(dir, "b.jsonl", "{\"id\":\"x\",\"text\":\"t\"}\n{bad\n");
	write_str(dir, "c.txt", "");
	for (n = 1; n < 200; n++) {
		s = sink_for(&g, 0);
		nd_alloc_fail_after(n);
		rc = nd_ingest_path(&s, dir);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_ENOMEM || rc == ND_EEMPTY);
		oom += rc == ND_ENOMEM;
		got_free(&g);
		s = sink_for(&g, 0);
		nd_alloc_fail_after(n);
		rc = nd_ingest_memory(&s, "m.jsonl", jsonl_lines,
				      sizeof(jsonl_lines) - 1, ND_FORMAT_AUTO);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_ENOMEM || rc == ND_EFORMAT);
		oom += rc == ND_ENOMEM;
		if (rc != ND_ENOMEM)
			assert_int_equal(g.n_art, 3);
		got_free(&g);
	}
	/* Failures did happen, and the last rounds ran clean. */
	assert_true(oom > 4);
	assert_int_equal(rc, ND_EFORMAT);
	remove_tree(dir);
	free(dir);
}

/* ---- gzip inputs ---- */

/* data[0..len) as one gzip member, made with zlib's deflate; *out_len
 * bytes, free() it. */
static char *gzip_bytes(const char *data, size_t len, size_t *out_len)
{
	z_stream z;
	size_t cap = len + len / 100 + 64;
	char *out = malloc(cap);

	assert_non_null(out);
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY),
			 Z_OK);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	*out_len = cap - z.avail_out;
	deflateEnd(&z);
	return out;
}

/* Text of n bytes that deflate cannot squeeze much: the head read for
 * sniffing and the rest of the stream both carry compressed bytes. */
static char *noisy_text(size_t n)
{
	char *t = malloc(n + 1);
	unsigned x = 12345;
	size_t i;

	assert_non_null(t);
	for (i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		t[i] = (i % 61 == 60) ? '\n' : (char)('a' + (x >> 16) % 26);
	}
	t[n] = '\0';
	return t;
}

static void expect_gzip_reject(const char *name, const char *gz, size_t len,
			       size_t cap, int code, const char *msg)
{
	got g;
	nd_ingest_sink s = sink_for(&g, cap);

	assert_int_equal(nd_ingest_memory(&s, name, gz, len, ND_FORMAT_AUTO),
			 code);
	assert_int_equal(g.n_art, 0);
	assert_int_equal(g.n_rej, 1);
	assert_int_equal(g.rej[0].code, code);
	assert_string_equal(g.rej[0].path, name);
	if (strncmp(msg, g.rej[0].msg, strlen(msg)) != 0)
		fail_msg("%s: \"%s\" does not start with \"%s\"", name,
			 g.rej[0].msg, msg);
	got_free(&g);
}

static void test_gzip_memory(void **state)
{
	static const char html[] = "<p>Inflated before sniffing.</p>";
	size_t n;
	char *gz = gzip_bytes(html, sizeof(html) - 1, &n);
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	/* The id loses ".gz" and then the extension. */
	assert_int_equal(nd_ingest_memory(&s, "dir/t0001.html.gz", gz, n,
					  ND_FORMAT_AUTO),
			 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "t0001");
	assert_string_equal(g.art[0].path, "dir/t0001.html.gz");
	assert_true(g.art[0].is_html);
	assert_string_equal(g.art[0].body, html);
	got_free(&g);
	/* The magic counts, not the name; the inflated bytes tell HTML. */
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "page", gz, n, ND_FORMAT_AUTO),
			 0);
	assert_true(g.art[0].is_html);
	got_free(&g);
	/* An explicit format wins, as for any input. */
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "p.gz", gz, n, ND_FORMAT_TEXT),
			 0);
	assert_false(g.art[0].is_html);
	got_free(&g);
	free(gz);
}

static void test_gzip_file_and_stream(void **state)
{
	size_t tn = 200000, n, n2;
	char *text = noisy_text(tn);
	char *gz = gzip_bytes(text, tn, &n);
	char *two, *gz2;
	got g;
	nd_ingest_sink s;
	FILE *f;

	(void)state;
	assert_true(n > 2 * ND_SNIFF_BYTES);
	assert_int_equal(one_file(&g, 0, "story.txt.gz", gz, n), 0);
	assert_int_equal(g.n_art, 1);
	assert_string_equal(g.art[0].id, "story");
	assert_int_equal(g.art[0].body_len, tn);
	assert_memory_equal(g.art[0].body, text, tn);
	got_free(&g);

	f = fmemopen(gz, n, "r");
	assert_non_null(f);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_stream(&s, f, NULL, ND_FORMAT_AUTO), 0);
	fclose(f);
	assert_string_equal(g.art[0].id, "stdin");
	assert_memory_equal(g.art[0].body, text, tn);
	got_free(&g);

	/* Members one after the other, as "gzip -c a b" writes them. */
	gz2 = gzip_bytes("Second part.", 12, &n2);
	two = malloc(n + n2);
	assert_non_null(two);
	memcpy(two, gz, n);
	memcpy(two + n, gz2, n2);
	s = sink_for(&g, 0);
	assert_int_equal(nd_ingest_memory(&s, "two.txt.gz", two, n + n2,
					  ND_FORMAT_AUTO),
			 0);
	assert_int_equal(g.art[0].body_len, tn + 12);
	assert_string_equal(g.art[0].body + tn, "Second part.");
	got_free(&g);
	free(two);
	free(gz2);
	free(gz);
	free(text);
}

static void test_gzip_bad(void **state)
{
	size_t tn = 30000, n;
	char *text = noisy_text(tn);
	char *gz = gzip_bytes(text, tn, &n);
	char *bad = malloc(n + 8);
	got g;

	(void)state;
	assert_non_null(bad);
	expect_gzip_reject("cut.html.gz", gz, n / 2, 0, ND_EFORMAT,
			   "truncated gzip data");
	expect_gzip_reject("cut.html.gz", gz, n - 4, 0, ND_EFORMAT,
			   "truncated gzip data");
	expect_gzip_reject("cut.html.gz", gz, 2, 0, ND_EFORMAT,
			   "truncated gzip data");
	memcpy(bad, gz, n);
	bad[2] = 7; /* a compression method gzip does not know */
	expect_gzip_reject("m.gz", bad, n, 0, ND_EFORMAT,
			   "corrupt gzip data: unknown compression method");
	memcpy(bad, gz, n);
	bad[n - 8] ^= 0x55; /* the CRC of the trailer */
	expect_gzip_reject("crc.gz", bad, n, 0, ND_EFORMAT,
			   "corrupt gzip data: incorrect data check");
	/* Trailing bytes that are no gzip member. */
	memcpy(bad, gz, n);
	memcpy(bad + n, "xyz", 3);
	expect_gzip_reject("tail.gz", bad, n + 3, 0, ND_EFORMAT,
			   "corrupt gzip data: incorrect header check");
	/* The cap holds for the inflated bytes... */
	memset(text, 'a', tn);
	free(gz);
	gz = gzip_bytes(text, tn, &n);
	expect_gzip_reject("big.txt.gz", gz, n, 1000, ND_ETOOBIG,
			   "inflated data is over the 1000-byte limit");
	/* ...and for the compressed ones, twice the cap. */
	assert_int_equal(one_file(&g, 10, "tiny.txt.gz", gz, n), ND_ETOOBIG);
	assert_contains(g.rej[0].msg, "over the 20-byte limit for gzip data");
	got_free(&g);
	free(bad);
	free(gz);
	free(text);
}

static void test_gzip_jsonl_and_walk(void **state)
{
	static const char lines[] = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
	char *dir = make_tmpdir();
	size_t n;
	char *gz = gzip_bytes(lines, sizeof(lines) - 1, &n);
	got g;
	nd_ingest_sink s = sink_for(&g, 0);

	(void)state;
	free(write_file(dir, "feed.jsonl.gz", gz, n));
	free(write_file(dir, "skip.gz", gz, n));     /* says nothing more */
	free(write_file(dir, "skip.tar.gz", gz, n)); /* not an article */
	assert_int_equal(nd_ingest_path(&s, dir), 0);
	assert_int_equal(g.n_rej, 0);
	assert_int_equal(g.n_art, 2);
	assert_string_equal(g.art[0].id, "feed:1");
	assert_string_equal(g.art[1].body, "two");
	assert_contains(g.art[1].path, "feed.jsonl.gz:2");
	got_free(&g);
	remove_tree(dir);
	free(dir);
	free(gz);
}

/* Every allocation failing in turn, zlib's included: ND_ENOMEM or
 * success, never a crash or a leak. */
static void test_gzip_out_of_memory(void **state)
{
	size_t n;
	char *gz = gzip_bytes("<p>Short page.</p>", 18, &n);
	unsigned long k;
	got g;
	nd_ingest_sink s;
	int rc = 0, oom = 0;

	(void)state;
	for (k = 1; k < 40; k++) {
		s = sink_for(&g, 0);
		nd_alloc_fail_after(k);
		rc = nd_ingest_memory(&s, "p.html.gz", gz, n, ND_FORMAT_AUTO);
		nd_alloc_fail_after(0);
		assert_true(rc == ND_ENOMEM || rc == ND_OK);
		oom += rc == ND_ENOMEM;
		got_free(&g);
	}
	assert_true(oom > 1);
	assert_int_equal(rc, ND_OK);
	free(gz);
}

/* ---- helpers: sniffing and JSON ---- */

static void test_sniff(void **state)
{
	size_t len;
	const char *stem;

	(void)state;
	assert_int_equal(nd_sniff_name("a/b.TXT"), ND_FORMAT_TEXT);
	assert_int_equal(nd_sniff_name("b.xhtml"), ND_FORMAT_HTML);
	assert_int_equal(nd_sniff_name("b.ndjson"), ND_FORMAT_JSONL);
	assert_int_equal(nd_sniff_name("b.md"), ND_FORMAT_AUTO);
	assert_int_equal(nd_sniff_name("dir.txt/b"), ND_FORMAT_AUTO);
	assert_int_equal(nd_sniff_name(".txt"), ND_FORMAT_AUTO);
	assert_int_equal(nd_sniff_content("\xEF\xBB\xBF \n<!doctype html>",
					  20),
			 ND_FORMAT_HTML);
	assert_int_equal(nd_sniff_content("<3 you", 6), ND_FORMAT_TEXT);
	assert_int_equal(nd_sniff_content(" {\"a\":1}", 8), ND_FORMAT_JSONL);
	assert_int_equal(nd_sniff_content("{Update} here", 13),
			 ND_FORMAT_TEXT);
	assert_int_equal(nd_sniff_content("", 0), ND_FORMAT_TEXT);
	assert_true(nd_sniff_wanted("a.html"));
	assert_true(nd_sniff_wanted("plain"));
	assert_true(nd_sniff_wanted("x.JSON"));
	assert_false(nd_sniff_wanted(".hidden.txt"));
	assert_false(nd_sniff_wanted("notes.md"));
	assert_false(nd_sniff_wanted("pic.png"));
	assert_false(nd_sniff_wanted("README"));
	assert_false(nd_sniff_wanted("License.txt"));
	assert_false(nd_sniff_wanted("CHANGELOG"));
	stem = nd_sniff_stem("dir.v2/story.final.html", &len);
	assert_int_equal(len, 11);
	assert_memory_equal(stem, "story.final", 11);
	stem = nd_sniff_stem("noext", &len);
	assert_int_equal(len, 5);
	/* ".gz" is looked through. */
	assert_int_equal(nd_sniff_name("a/t1.html.gz"), ND_FORMAT_HTML);
	assert_int_equal(nd_sniff_name("t1.TXT.GZ"), ND_FORMAT_TEXT);
	assert_int_equal(nd_sniff_name("f.jsonl.gz"), ND_FORMAT_JSONL);
	assert_int_equal(nd_sniff_name("t1.gz"), ND_FORMAT_AUTO);
	assert_int_equal(nd_sniff_name("t1.tar.gz"), ND_FORMAT_AUTO);
	assert_int_equal(nd_sniff_name(".gz"), ND_FORMAT_AUTO);
	assert_true(nd_sniff_wanted("t1.html.gz"));
	assert_false(nd_sniff_wanted("t1.gz"));
	assert_false(nd_sniff_wanted("t1.tar.gz"));
	assert_false(nd_sniff_wanted("README.txt.gz"));
	stem = nd_sniff_stem("d.x/t0001.html.gz", &len);
	assert_int_equal(len, 5);
	assert_memory_equal(stem, "t0001", 5);
	stem = nd_sniff_stem("t2.gz", &len);
	assert_int_equal(len, 2);
	stem = nd_sniff_stem("plain.", &len);
	assert_int_equal(len, 5);
}

static int count_members(void *ctx, const nd_json_member *m)
{
	(*(int *)ctx)++;
	(void)m;
	return 0;
}

static void test_json_parser(void **state)
{
	static const struct {
		const char *in;
		int rc;
	} cases[] = {
		{ "{}", 0 },
		{ " \t\r\n{ } \n", 0 },
		{ "{\"a\":[]}", 0 },
		{ "{\"a\":-0.5E+10,\"b\":0,\"c\":1e5,\"d\":[{},[]]}", 0 },
		{ "{\"\":\"\"}", 0 },
		{ "{\"a\":\"\\ud834\\udd1e\"}", 0 },
		{ "", ND_EFORMAT },
		{ "{", ND_EFORMAT },
		{ "{\"a\"}", ND_EFORMAT },
		{ "{\"a\":}", ND_EFORMAT },
		{ "{\"a\":1 \"b\":2}", ND_EFORMAT },
		{ "{\"a\":+1}", ND_EFORMAT },
		{ "{\"a\":.5}", ND_EFORMAT },
		{ "{\"a\":1e}", ND_EFORMAT },
		{ "{\"a\":-}", ND_EFORMAT },
		{ "{\"a\":NaN}", ND_EFORMAT },
		{ "{\"a\":nul}", ND_EFORMAT },
		{ "{\"a\":\"\\U0041\"}", ND_EFORMAT },
		{ "{a:1}", ND_EFORMAT },
		{ "{}{}", ND_EFORMAT },
		{ "{\"a\":\"\xC3\"}", ND_EUTF8 },
		{ "{\"a\":\"\xF4\x90\x80\x80\"}", ND_EUTF8 },
	};
	nd_buf out = ND_BUF_INIT(64);
	nd_err err;
	size_t i;
	int members = 0;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		int rc = nd_json_parse_object(&err, cases[i].in,
					      strlen(cases[i].in), NULL, NULL);

		if (rc != cases[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", cases[i].in, rc,
				 cases[i].rc, rc ? err.msg : "");
	}
	assert_int_equal(nd_json_parse_object(&err, "{\"a\":1,\"b\":{\"c\":2}}",
					      19, count_members, &members),
			 0);
	assert_int_equal(members, 2);

	assert_int_equal(
		nd_json_unescape(&out, "a\\u00e9\\ud834\\udd1e\\n", 21), 0);
	assert_string_equal(out.ptr, "a\xC3\xA9\xF0\x9D\x84\x9E\n");
	nd_buf_clear(&out);
	assert_int_equal(nd_json_unescape(&out, "\\q", 2), ND_EFORMAT);
	nd_buf_dispose(&out);
	assert_true(nd_json_string_is("t\\u0065xt", 9, "text"));
	assert_false(nd_json_string_is("t\\u0065x", 8, "text"));
	assert_false(nd_json_string_is("texts", 5, "text"));
	assert_true(nd_json_string_is("", 0, ""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folder_walk_order),
		cmocka_unit_test(test_explicit_file_any_extension),
		cmocka_unit_test(test_jsonl_file),
		cmocka_unit_test(test_jsonl_fields),
		cmocka_unit_test(test_jsonl_headline_only),
		cmocka_unit_test(test_jsonl_long_lines),
		cmocka_unit_test(test_empty_and_binary),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_charset_declared),
		cmocka_unit_test(test_bom_stripped),
		cmocka_unit_test(test_wide_bom),
		cmocka_unit_test(test_scratch_reused),
		cmocka_unit_test(test_binary_counts),
		cmocka_unit_test(test_streams),
		cmocka_unit_test(test_stdin_dash),
		cmocka_unit_test(test_sink_abort),
		cmocka_unit_test(test_out_of_memory),
		cmocka_unit_test(test_gzip_memory),
		cmocka_unit_test(test_gzip_file_and_stream),
		cmocka_unit_test(test_gzip_bad),
		cmocka_unit_test(test_gzip_jsonl_and_walk),
		cmocka_unit_test(test_gzip_out_of_memory),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_json_parser),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
