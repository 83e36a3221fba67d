/* frontmatter_test.c — splitting "---\nYAML\n---\nMarkdown": with and without
 * front matter, CRLF, BOM, the "..." closer, unclosed blocks, line numbers. */
#include "t.h"
#include "frontmatter.h"
#include "util.h"

#include <stdlib.h>

/* Byte strings may contain NUL: pass literal and length together. */
#define B(s) s, sizeof(s) - 1

static const struct fcase {
	const char *name;
	const char *text;
	size_t len;
	int rc;
	const char *yaml;  /* expected YAML bytes (rc 1) */
	int yaml_line;
	const char *body;  /* expected body (rc 0 and 1) */
	int body_line;
	int err_line;      /* rc -1 */
} cases[] = {
	{"simple", B("---\ntitle: Школа\n---\nТекст\n"), 1, "title: Школа\n", 2, "Текст\n", 4, 0},
	{"two yaml lines", B("---\na: 1\nb: 2\n---\n# H\n\np\n"), 1, "a: 1\nb: 2\n", 2, "# H\n\np\n", 5, 0},
	{"empty front matter", B("---\n---\nbody"), 1, "", 2, "body", 3, 0},
	{"closer at end of file", B("---\na: 1\n---"), 1, "a: 1\n", 2, "", 4, 0},
	{"closer then newline only", B("---\na: 1\n---\n"), 1, "a: 1\n", 2, "", 4, 0},
	{"dots closer", B("---\na: 1\n...\nbody\n"), 1, "a: 1\n", 2, "body\n", 4, 0},
	{"trailing blanks on fences", B("--- \t\na: 1\n---  \nbody"), 1, "a: 1\n", 2, "body", 4, 0},
	{"CRLF", B("---\r\ntitle: x\r\n---\r\nbody\r\n"), 1, "title: x\r\n", 2, "body\r\n", 4, 0},
	{"CRLF dots", B("---\r\na: 1\r\n...\r\n\r\nbody"), 1, "a: 1\r\n", 2, "\r\nbody", 4, 0},
	{"BOM", B("\xEF\xBB\xBF---\nа: б\n---\nтело\n"), 1, "а: б\n", 2, "тело\n", 4, 0},
	{"BOM CRLF", B("\xEF\xBB\xBF---\r\na: 1\r\n---\r\nx"), 1, "a: 1\r\n", 2, "x", 4, 0},
	{"inner dashes stay in the body", B("---\na: 1\n---\ntext\n---\nmore\n"), 1, "a: 1\n", 2,
	 "text\n---\nmore\n", 4, 0},
	{"long front matter", B("---\n1\n2\n3\n4\n5\n6\n7\n8\n---\nbody"), 1, "1\n2\n3\n4\n5\n6\n7\n8\n", 2,
	 "body", 11, 0},
	/* no front matter: body is the whole text */
	{"plain markdown", B("# Заголовок\n\nТекст\n"), 0, NULL, 0, "# Заголовок\n\nТекст\n", 1, 0},
	{"BOM, no front matter", B("\xEF\xBB\xBF# H\n"), 0, NULL, 0, "\xEF\xBB\xBF# H\n", 1, 0},
	{"empty file", B(""), 0, NULL, 0, "", 1, 0},
	{"four dashes", B("----\na: 1\n---\n"), 0, NULL, 0, "----\na: 1\n---\n", 1, 0},
	{"indented dashes", B(" ---\na: 1\n---\n"), 0, NULL, 0, " ---\na: 1\n---\n", 1, 0},
	{"dots cannot open", B("...\na: 1\n...\n"), 0, NULL, 0, "...\na: 1\n...\n", 1, 0},
	{"dashes later", B("text\n---\na: 1\n---\n"), 0, NULL, 0, "text\n---\na: 1\n---\n", 1, 0},
	{"dashes with text", B("--- title\n---\n"), 0, NULL, 0, "--- title\n---\n", 1, 0},
	/* opened and never closed */
	{"unclosed", B("---\ntitle: x\nbody\n"), -1, NULL, 0, NULL, 0, 1},
	{"only the opener", B("---"), -1, NULL, 0, NULL, 0, 1},
	{"only the opener and newline", B("---\n"), -1, NULL, 0, NULL, 0, 1},
	{"closer with text is not a closer", B("---\na: 1\n--- x\n"), -1, NULL, 0, NULL, 0, 1},
	{"BOM unclosed", B("\xEF\xBB\xBF---\r\na: 1\r\n"), -1, NULL, 0, NULL, 0, 1},
};

int main(void)
{
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const struct fcase *c = &cases[i];
		/* A heap copy so that valgrind sees any read past len. */
		char *text = xmalloc(c->len + 1);
		memcpy(text, c->text, c->len);
		text[c->len] = '\0';
		frontmatter fm;
		memset(&fm, 0x5a, sizeof fm);
		int err_line = -99;
		int rc = frontmatter_split(text, c->len, &fm, &err_line);
		T_CHECK(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
		if (rc == c->rc && rc >= 0) {
			if (rc == 1) {
				bool yaml_ok = fm.yaml && fm.yaml_len == strlen(c->yaml) &&
				               !memcmp(fm.yaml, c->yaml, fm.yaml_len) && fm.yaml >= text &&
				               fm.yaml + fm.yaml_len <= text + c->len;
				T_CHECK(yaml_ok, "%s: yaml is \"%.*s\"", c->name, fm.yaml ? (int)fm.yaml_len : 0,
				        fm.yaml ? fm.yaml : "");
				T_CHECK(fm.yaml_line == c->yaml_line, "%s: yaml_line %d, want %d", c->name,
				        fm.yaml_line, c->yaml_line);
			} else {
				T_CHECK(fm.body == text, "%s: body is not the whole text", c->name);
			}
			T_STREQ(fm.body, c->body, c->name);
			T_CHECK(fm.body >= text && fm.body <= text + c->len, "%s: body points into the input",
			        c->name);
			T_CHECK(fm.body_line == c->body_line, "%s: body_line %d, want %d", c->name, fm.body_line,
			        c->body_line);
		} else if (rc == -1) {
			T_CHECK(err_line == c->err_line, "%s: err_line %d, want %d", c->name, err_line,
			        c->err_line);
		}
		free(text);
	}

	/* Body line numbers must agree with the text: the body's first line is
	 * the line after the closer, counted in the whole file. */
	const char *doc = "---\na: 1\nb:\n  - x\n  - y\n---\nfirst body line\n";
	frontmatter fm;
	int el;
	T_CHECK(frontmatter_split(doc, strlen(doc), &fm, &el) == 1, "doc splits");
	int line = 1;
	for (const char *p = doc; p < fm.body; p++)
		line += *p == '\n';
	T_CHECK(fm.body_line == line, "body_line %d, counted %d", fm.body_line, line);
	T_CHECK(!strncmp(fm.body, "first body line", 15), "body starts at its first line");

	/* Only len bytes are read: a closer beyond len does not count. */
	const char *cut = "---\na: 1\n---\nbody";
	T_CHECK(frontmatter_split(cut, 9, &fm, &el) == -1 && el == 1, "closer beyond len is not seen");
	return t_done("frontmatter");
}
