/* Allocation-failure torture: the whole pipeline is run again and again,
 * the n-th allocation failing in run n, until a run needs no more than n.
 * Every failure must come back as ND_ENOMEM from some call, never as a
 * crash, a leak (under ASan) or a silently wrong success. */
#include "test_util.h"

#include "core/alloc.h"
#include "newsdigest.h"

static const char *const articles[][2] = {
	{ "wire", "Ferry link approved\n\nThe harbour board approved a new "
		  "ferry link between Oskar Bay and Lund on Monday, chair "
		  "Mira Tallis said. The service will cost $12 million and "
		  "start in May.\n\"We waited ten years for this,\" Tallis "
		  "said.\n" },
	{ "copy", "Ferry link gets green light\n\nThe harbour board "
		  "approved a new ferry link between Oskar Bay and Lund on "
		  "Monday, chair Mira Tallis said. The service will cost $12 "
		  "million and start in May.\nRead also\n" },
	{ "other.html", "<html><head><title>Choir wins</title></head><body>"
			"<nav>Home | News</nav><article><h1>Choir wins</h1>"
			"<p>The Lund youth choir won the national contest "
			"on Sunday with 48 points.</p></article></body>"
			"</html>" },
	{ "feed.jsonl", "{\"id\":\"j1\",\"title\":\"Ferry vote\",\"text\":"
			"\"The board voted 7 to 2 for the ferry link to "
			"Lund.\"}\n{\"id\":\"j2\",\"text\":\n" },
	/* Converted from its charset, nested, cut short in a comment. */
	{ "cut.html", "<html><head><meta charset=\"windows-1252\"><title>"
		      "Caf\xE9 licence</title></head><body><div><div><div>"
		      "<p>The board granted the caf\xE9 on the Lund quay a "
		      "licence on Monday, chair Mira Tallis said.</p><!-- "
		      "<p>never closed" },
};

static int discard(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	(void)p;
	(void)n;
	return 0;
}

/* One full run with the fail_at-th allocation failing. Returns 1 when the
 * failure was injected (and reported), 0 when the run got through. */
static int run_once(unsigned long fail_at)
{
	nd_batch *b = NULL;
	int saw_enomem = 0, rc, kind;
	size_t i;

	nd_alloc_fail_after(fail_at);
	rc = nd_batch_create(&b, NULL);
	if (rc == ND_ENOMEM)
		saw_enomem = 1;
	else
		assert_int_equal(rc, ND_OK);
	for (i = 0; b && i < sizeof(articles) / sizeof(articles[0]); i++) {
		rc = nd_batch_add_memory(b, articles[i][0], articles[i][1],
					 strlen(articles[i][1]),
					 ND_FORMAT_AUTO);
		saw_enomem |= rc == ND_ENOMEM;
	}
	if (b) {
		rc = nd_batch_run(b, ND_STAGE_ALL);
		saw_enomem |= rc == ND_ENOMEM;
		for (kind = ND_RENDER_DIGEST_MD; kind <= ND_RENDER_CLEAN_JSON;
		     kind++) {
			rc = nd_batch_render(b, (nd_render_kind)kind, discard,
					     NULL);
			saw_enomem |= rc == ND_ENOMEM;
		}
	}
	nd_batch_free(b);
	if (nd_alloc_fail_pending() != 0) {
		nd_alloc_fail_after(0);
		return 0;
	}
	if (!saw_enomem)
		fail_msg("allocation %lu failed but no call said ND_ENOMEM",
			 fail_at);
	return 1;
}

static void test_every_allocation_may_fail(void **state)
{
	unsigned long n;

	(void)state;
	for (n = 1; run_once(n); n++)
		;
	print_message("%lu allocation points survived\n", n - 1);
	assert_true(n > 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_may_fail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
