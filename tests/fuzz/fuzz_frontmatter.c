/* fuzz_frontmatter.c — libFuzzer target for the front-matter splitter
 * (frontmatter.c) and what load_markdown does with its two halves: the YAML
 * (with the opening fence commented out so that line numbers stay the
 * file's) and the Markdown body (cmark in safe mode, markdown.c). */
#include "frontmatter.h"
#include "fsutil.h"
#include "markdown.h"
#include "yamlread.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	frontmatter fm;
	int err_line = 0;
	int r = frontmatter_split(text, size, &fm, &err_line);
	if (r < -1 || r > 1)
		abort();
	if (r < 0 && err_line < 1)
		abort();
	if (r >= 0 && (fm.body < text || fm.body > text + size))
		abort();
	if (r == 1 && (fm.yaml < text || fm.yaml + fm.yaml_len > text + size || fm.yaml_line < 1 ||
	               fm.body_line <= fm.yaml_line || fm.body < fm.yaml + fm.yaml_len))
		abort();
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	if (r == 1 && fs_utf8_ok(text, size, "p.md", &dl)) {
		size_t n = (size_t)(fm.yaml + fm.yaml_len - text);
		char *copy = malloc(n + 1);
		memcpy(copy, text, n);
		copy[n] = '\0';
		char *fence = strstr(copy, "---");
		if (!fence)
			abort();
		fence[0] = '#';
		yaml_parse(a, "p.md", copy, n, &dl);
		free(copy);
	}
	if (r >= 0 && !memchr(text, '\0', size)) {
		md_block(a, fm.body);
		md_inline(a, fm.body);
		md_plain(a, fm.body);
	}
	diag_list_free(&dl);
	arena_free(a);
	free(text);
	return 0;
}
