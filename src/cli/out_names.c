/* File names for articles written to an output folder. Ids come from file
 * names and JSON lines, so they may hold slashes, start with a dot, be
 * empty or be long, and two articles may share one: none of that may
 * write outside the folder, hide a file, or overwrite an earlier article.
 * The program uses only the public header, so this is plain libc. */
#include "cli/cli.h"

#include <stdint.h> /* uint64_t */
#include <stdlib.h> /* calloc, free */
#include <string.h> /* strcmp, strlen, memcpy */

void cli_name_safe(char *out, const char *id)
{
	size_t n = strlen(id), i;

	if (n > CLI_NAME_MAX) {
		n = CLI_NAME_MAX;
		/* Back off to the start of a UTF-8 character. */
		while (n > 0 && ((unsigned char)id[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];

		out[i] = (c == '/' || c == '\\' || c < 0x20 || c == 0x7F)
				 ? '_'
				 : (char)c;
	}
	if (n == 0)
		out[n++] = '_';
	if (out[0] == '.')
		out[0] = '_';
	out[n] = '\0';
}

static uint64_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* The slot holding s, or the free slot where it would go. */
static char **slot(const cli_names *names, const char *s)
{
	size_t mask = names->cap - 1, i = (size_t)hash(s) & mask;

	while (names->slots[i] != NULL && strcmp(names->slots[i], s) != 0)
		i = (i + 1) & mask;
	return &names->slots[i];
}

/* Keeps the table at most half full. */
static int grow(cli_names *names)
{
	cli_names bigger = { NULL, names->cap ? names->cap * 2 : 64, 0 };
	size_t i;

	if (names->n < names->cap / 2)
		return 0;
	if (bigger.cap < names->cap)
		return -1;
	bigger.slots = calloc(bigger.cap, sizeof(*bigger.slots));
	if (bigger.slots == NULL)
		return -1;
	for (i = 0; i < names->cap; i++)
		if (names->slots[i] != NULL)
			*slot(&bigger, names->slots[i]) = names->slots[i];
	free(names->slots);
	names->slots = bigger.slots;
	names->cap = bigger.cap;
	return 0;
}

const char *cli_names_claim(cli_names *names, const char *stem)
{
	char name[CLI_NAME_MAX + 32];
	char **at;
	size_t k = 1, len;

	if (grow(names))
		return NULL;
	snprintf(name, sizeof(name), "%s", stem);
	while (*(at = slot(names, name)) != NULL)
		snprintf(name, sizeof(name), "%s~%zu", stem, ++k);
	len = strlen(name);
	*at = malloc(len + 1);
	if (*at == NULL)
		return NULL;
	memcpy(*at, name, len + 1);
	names->n++;
	return *at;
}

void cli_names_dispose(cli_names *names)
{
	size_t i;

	for (i = 0; i < names->cap; i++)
		free(names->slots[i]);
	free(names->slots);
	names->slots = NULL;
	names->cap = 0;
	names->n = 0;
}
