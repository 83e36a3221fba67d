#include "frontmatter.h"

#include <string.h>

/* Length of the line at p (without its end), and where the next line starts. */
static size_t line_len(const char *p, const char *end, const char **next)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	const char *e = nl ? nl : end;
	*next = nl ? nl + 1 : end;
	if (e > p && e[-1] == '\r')
		e--;
	return (size_t)(e - p);
}

static bool is_fence(const char *p, size_t n, bool closing)
{
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	return (n == 3 && !memcmp(p, "---", 3)) || (closing && n == 3 && !memcmp(p, "...", 3));
}

int frontmatter_split(const char *text, size_t len, frontmatter *out, int *err_line)
{
	const char *end = text + len, *p = text, *next;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	out->yaml = NULL;
	out->yaml_len = 0;
	out->yaml_line = 0;
	out->body = text;
	out->body_line = 1;
	if (!is_fence(p, line_len(p, end, &next), false))
		return 0;
	const char *yaml = next;
	int line = 2;
	for (p = next; p < end; p = next, line++) {
		size_t n = line_len(p, end, &next);
		if (is_fence(p, n, true)) {
			out->yaml = yaml;
			out->yaml_len = (size_t)(p - yaml);
			out->yaml_line = 2;
			out->body = next;
			out->body_line = line + 1;
			return 1;
		}
	}
	*err_line = 1;
	return -1;
}
