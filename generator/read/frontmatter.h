/* frontmatter.h — split "---\nYAML\n---\nMarkdown" files.
 *
 * The file must start with a line "---"; the front matter ends at the next
 * line that is exactly "---" (or "..."). */
#ifndef ROADMAP_FRONTMATTER_H
#define ROADMAP_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct frontmatter {
	const char *yaml;   /* points into the input; not NUL-terminated */
	size_t yaml_len;
	int yaml_line;      /* line number of the first YAML line (1-based) */
	const char *body;   /* points into the input, NUL-terminated with it */
	int body_line;
} frontmatter;

/* Returns 1 when front matter was found, 0 when the file has none (body is
 * the whole text), -1 when it opens with "---" and never closes (*err_line set
 * to the opening line). */
int frontmatter_split(const char *text, size_t len, frontmatter *out, int *err_line);

#endif
