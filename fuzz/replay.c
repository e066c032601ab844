/* Replays files through a fuzz target's LLVMFuzzerTestOneInput, so the
 * targets run in `make check` without libFuzzer. Arguments: files or
 * folders (one level). */
#include <dirent.h> /* opendir */
#include <stdint.h> /* uint8_t */
#include <stdio.h>  /* fopen, fread */
#include <stdlib.h> /* malloc, free */
#include <string.h> /* strcmp */
#include <sys/stat.h> /* stat */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data = NULL;
	size_t cap = 0, len = 0, n;

	if (f == NULL) {
		perror(path);
		return 1;
	}
	do {
		if (len == cap) {
			unsigned char *grown;

			cap = cap ? cap * 2 : 4096;
			grown = realloc(data, cap);
			if (grown == NULL) {
				free(data);
				fclose(f);
				return 1;
			}
			data = grown;
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
	} while (n > 0);
	fclose(f);
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	int i, runs = 0;

	for (i = 1; i < argc; i++) {
		struct stat st;
		DIR *d;
		struct dirent *e;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			if (run_file(argv[i]))
				return 1;
			runs++;
			continue;
		}
		d = opendir(argv[i]);
		if (d == NULL)
			return 1;
		while ((e = readdir(d)) != NULL) {
			char path[4096];

			if (e->d_name[0] == '.')
				continue;
			snprintf(path, sizeof(path), "%s/%s", argv[i], e->d_name);
			if (run_file(path)) {
				closedir(d);
				return 1;
			}
			runs++;
		}
		closedir(d);
	}
	/* An empty input must be survivable too. */
	LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
	printf("%s: %d inputs replayed\n", argv[0], runs + 1);
	return 0;
}
