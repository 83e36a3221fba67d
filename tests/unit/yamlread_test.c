/* yamlread_test.c — YAML to a positioned tree: line and character columns (also
 * after Cyrillic text), duplicate keys, refused aliases and YAML bombs, the depth
 * limit, several documents, NUL bytes, invalid UTF-8, empty documents and the
 * file checks of yaml_load (directories, oversized files).  Messages are the
 * Russian texts authors see. */
#include "t.h"
#include "yamlread.h"
#include "buf.h"
#include "util.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Byte strings may contain NUL: pass literal and length together. */
#define B(s) s, sizeof(s) - 1

/* The tree as text: "S'value'@line:col" (q after S for quoted scalars),
 * "[...]@l:c" for sequences, "{key@l:c=value,...}@l:c" for maps. */
static void dump_node(buf *b, const ynode *n)
{
	switch (n->kind) {
	case Y_SCALAR:
		buf_printf(b, "%s'%s'@%d:%d", n->plain ? "" : "q", n->s, n->line, n->col);
		break;
	case Y_SEQ:
		buf_putc(b, '[');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				buf_putc(b, ',');
			dump_node(b, n->items[i]);
		}
		buf_printf(b, "]@%d:%d", n->line, n->col);
		break;
	case Y_MAP:
		buf_putc(b, '{');
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				buf_putc(b, ',');
			buf_printf(b, "%s@%d:%d=", n->keys[i]->s, n->keys[i]->line, n->keys[i]->col);
			dump_node(b, n->items[i]);
		}
		buf_printf(b, "}@%d:%d", n->line, n->col);
		break;
	}
}

static char *dump(const ynode *n)
{
	buf b = BUF_INIT;
	if (n)
		dump_node(&b, n);
	else
		buf_puts(&b, "NULL");
	return buf_detach(&b);
}

/* Diagnostics as "file:line:col: message" lines. */
static char *dump_diags(const diag_list *dl)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < dl->n; i++)
		buf_printf(&b, "%s%s:%d:%d: %s", i ? "\n" : "", dl->items[i].file, dl->items[i].line,
		           dl->items[i].col, dl->items[i].msg);
	return buf_detach(&b);
}

static const struct pcase {
	const char *name;
	const char *data;
	size_t len;
	const char *tree;   /* dump(); "NULL" when parsing fails */
	const char *diags;  /* dump_diags() */
} parse_cases[] = {
	/* positions */
	{"ascii positions", B("a: 1\nb:\n  c: [x, {d: e}]\n  f: 'q'\n"),
	 "{a@1:1='1'@1:4,b@2:1={c@3:3=['x'@3:7,{d@3:11='e'@3:14}@3:10]@3:6,f@4:3=q'q'@4:6}@3:3}@1:1", ""},
	{"cyrillic before the value on the same line", B("имя: значение\n"),
	 "{имя@1:1='значение'@1:6}@1:1", ""},
	{"cyrillic on an earlier line", B("имя: значение\nkey: v\n"),
	 "{имя@1:1='значение'@1:6,key@2:1='v'@2:6}@1:1", ""},
	{"nested cyrillic",
	 B("школа:\n  название: «СШ № 1»\n  классы: [1, 2, 3]\n"),
	 "{школа@1:1={название@2:3='«СШ № 1»'@2:13,классы@3:3=['1'@3:12,'2'@3:15,'3'@3:18]@3:11}@2:3}@1:1",
	 ""},
	{"cyrillic flow sequence", B("б: [а, б, в]\n"),
	 "{б@1:1=['а'@1:5,'б'@1:8,'в'@1:11]@1:4}@1:1", ""},
	{"quoted cyrillic key", B("- \"ша\" : 1\n"), "[{ша@1:3='1'@1:10}@1:3]@1:1", ""},
	{"sequence of scalars", B("- Москва\n- \"Санкт-Петербург\"\n- 'Ёлки'\n"),
	 "['Москва'@1:3,q'Санкт-Петербург'@2:3,q'Ёлки'@3:3]@1:1", ""},
	{"emoji counts as one character", B("😀: x\nk: v\n"), "{😀@1:1='x'@1:4,k@2:1='v'@2:4}@1:1", ""},
	{"CRLF lines", B("a: 1\r\nб: 2\r\n"), "{a@1:1='1'@1:4,б@2:1='2'@2:4}@1:1", ""},
	{"block scalar", B("t: |\n  строка 1\n  строка 2\nn: 1\n"),
	 "{t@1:1=q'строка 1\nстрока 2\n'@1:4,n@4:1='1'@4:4}@1:1", ""},
	{"root scalar", B("hello\n"), "'hello'@1:1", ""},
	{"BOM is allowed", B("\xEF\xBB\xBF" "a: 1\nb: 2\n"), "{a@1:1='1'@1:4,b@2:1='2'@2:4}@1:1", ""},
	/* empty documents are empty maps */
	{"empty", B(""), "{}@1:1", ""},
	{"only a comment", B("# комментарий\n"), "{}@1:1", ""},
	{"only blank lines", B("\n\n  \n"), "{}@1:1", ""},
	{"null document", B("~\n"), "{}@1:1", ""},
	{"explicit empty document", B("---\n"), "{}@1:1", ""},
	{"document end marker", B("a: 1\n...\n"), "{a@1:1='1'@1:4}@1:1", ""},
	{"explicit document start", B("---\na: 1\n"), "{a@2:1='1'@2:4}@2:1", ""},
	/* duplicate keys */
	{"duplicate key", B("a: 1\nb: 2\na: 3\n"), "NULL",
	 "f.yml:3:1: ключ «a» повторяется (первый раз в строке 1)"},
	{"duplicate cyrillic key, nested", B("школа:\n  имя: x\n  имя: y\n"), "NULL",
	 "f.yml:3:3: ключ «имя» повторяется (первый раз в строке 2)"},
	{"two duplicates in one map", B("a: 1\nb: 2\na: 3\nb: 4\n"), "NULL",
	 "f.yml:3:1: ключ «a» повторяется (первый раз в строке 1)\n"
	 "f.yml:4:1: ключ «b» повторяется (первый раз в строке 2)"},
	{"same key three times", B("a: 1\na: 2\na: 3\n"), "NULL",
	 "f.yml:2:1: ключ «a» повторяется (первый раз в строке 1)\n"
	 "f.yml:3:1: ключ «a» повторяется (первый раз в строке 1)"},
	{"same key in different maps is fine", B("- a: 1\n- a: 2\n"),
	 "[{a@1:3='1'@1:6}@1:3,{a@2:3='2'@2:6}@2:3]@1:1", ""},
	{"non-scalar key", B("? [a, b]\n: 1\n"), "NULL", "f.yml:1:3: ключ должен быть простой строкой"},
	/* aliases */
	{"alias", B("a: &x 1\nb: *x\n"), "NULL",
	 "f.yml:2:4: ссылки YAML (*x) не поддерживаются: повторите значение"},
	{"alias as root", B("*x\n"), "NULL", NULL},
	{"merge key alias", B("base: &b {x: 1}\nother:\n  <<: *b\n"), "NULL",
	 "f.yml:3:7: ссылки YAML (*b) не поддерживаются: повторите значение"},
	{"anchor without alias is fine", B("a: &x 1\n"), "{a@1:1='1'@1:4}@1:1", ""}, /* a node starts at its properties */
	/* several documents */
	{"two documents", B("a: 1\n---\nb: 2\n"), "NULL", "f.yml:2:1: в файле больше одного документа YAML"},
	{"two explicit documents", B("---\na: 1\n---\nb: 2\n"), "NULL",
	 "f.yml:3:1: в файле больше одного документа YAML"},
	{"second document after end marker", B("a: 1\n...\n---\nb: 2\n"), "NULL",
	 "f.yml:3:1: в файле больше одного документа YAML"},
	/* NUL bytes */
	{"NUL byte", B("a: 1\nбб: x\0y\n"), "NULL",
	 "f.yml:2:6: в файле есть нулевой байт (это не текстовый файл?)"},
	{"NUL byte first", B("\0"), "NULL", "f.yml:1:1: в файле есть нулевой байт (это не текстовый файл?)"},
	{"escaped NUL in a quoted value", B("a: \"x\\0y\"\n"), "NULL", "f.yml:1:4: в значении есть нулевой байт"},
	/* libyaml errors, translated */
	{"colon inside a value", B("a: b: c\n"), "NULL",
	 "f.yml:1:5: ошибка YAML: двоеточие с пробелом внутри значения: возьмите значение в кавычки"},
	{"colon inside a value after cyrillic", B("имя: б: в\n"), "NULL",
	 "f.yml:1:7: ошибка YAML: двоеточие с пробелом внутри значения: возьмите значение в кавычки"},
	{"tab indentation", B("a:\n\tb: 1\n"), "NULL", NULL},
	{"unclosed flow sequence", B("a: [1, 2\nb: 3\n"), "NULL", NULL},
	{"unclosed quote", B("a: \"abc\n"), "NULL", NULL},
	{"invalid UTF-8 in yaml_parse", B("a: \xFF\n"), "NULL", NULL},
};

static void test_parse(void)
{
	for (size_t i = 0; i < ARRAY_LEN(parse_cases); i++) {
		const struct pcase *c = &parse_cases[i];
		arena *a = arena_new();
		diag_list dl = DIAG_LIST_INIT;
		/* A heap copy without a terminating NUL, so that valgrind catches over-reads. */
		char *data = xmalloc(c->len ? c->len : 1);
		memcpy(data, c->data, c->len);
		ynode *root = yaml_parse(a, "f.yml", data, c->len, &dl);
		char *tree = dump(root);
		char *diags = dump_diags(&dl);
		T_CHECK(!strcmp(tree, c->tree), "%s: tree\n   got: %s\n  want: %s", c->name, tree, c->tree);
		if (c->diags)
			T_CHECK(!strcmp(diags, c->diags), "%s: diagnostics\n   got: %s\n  want: %s", c->name, diags,
			        c->diags);
		else
			T_CHECK(dl.errors >= 1 && dl.n >= 1, "%s: an error is reported (got %zu)", c->name, dl.errors);
		/* Every failure comes with an error; success comes with none. */
		T_CHECK(root ? dl.errors == 0 : dl.errors > 0, "%s: root %s with %zu errors", c->name,
		        root ? "set" : "NULL", dl.errors);
		if (root)
			T_CHECK(root->file && !strcmp(root->file, "f.yml"), "%s: file name on the node", c->name);
		free(tree);
		free(diags);
		free(data);
		diag_list_free(&dl);
		arena_free(a);
	}
}

/* Every libyaml error comes with a Russian lead and a sensible position. */
static void test_error_texts(void)
{
	static const struct {
		const char *data;
		const char *prefix;
	} cases[] = {
		{"a:\n\tb: 1\n", "ошибка YAML"},
		{"a: [1, 2\nb: 3\n", "ошибка YAML"},
		{"a: {x: 1\n", "ошибка YAML"},
		{"a: \"abc\n", "ошибка YAML"},
		{"a: @x\n", "ошибка YAML: значение начинается с символа, который нельзя писать без кавычек"},
		{"a: !foo!bar x\n", "ошибка YAML"},
		{"a: \"\\q\"\n", "ошибка YAML: неизвестная последовательность с обратной косой чертой в кавычках"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		arena *a = arena_new();
		diag_list dl = DIAG_LIST_INIT;
		ynode *root = yaml_parse(a, "f.yml", cases[i].data, strlen(cases[i].data), &dl);
		T_CHECK(!root && dl.n == 1, "error case %zu: one error (%zu)", i, dl.n);
		if (dl.n) {
			const diag *d = &dl.items[0];
			T_CHECK(!strncmp(d->msg, cases[i].prefix, strlen(cases[i].prefix)),
			        "error case %zu: message \"%s\" should start with \"%s\"", i, d->msg, cases[i].prefix);
			T_CHECK(d->sev == DIAG_ERROR && d->line >= 1 && d->col >= 1 && !strcmp(d->file, "f.yml"),
			        "error case %zu: position %s:%d:%d", i, d->file, d->line, d->col);
		}
		diag_list_free(&dl);
		arena_free(a);
	}
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_bomb(void)
{
	/* "Billion laughs": nine levels, each alias expanding ten times. */
	buf b = BUF_INIT;
	buf_puts(&b, "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
	for (char c = 'b'; c <= 'i'; c++)
		buf_printf(&b, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", c, c, c - 1, c - 1, c - 1,
		           c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	double t0 = now();
	ynode *root = yaml_parse(a, "bomb.yml", b.data, b.len, &dl);
	double dt = now() - t0;
	T_CHECK(!root, "billion laughs is refused");
	T_CHECK(dl.errors >= 1 && dl.n >= 1 &&
	                !strcmp(dl.items[0].msg, "ссылки YAML (*a) не поддерживаются: повторите значение") &&
	                dl.items[0].line == 2 && dl.items[0].col == 8,
	        "billion laughs: first error at the first alias: %d:%d %s", dl.n ? dl.items[0].line : 0,
	        dl.n ? dl.items[0].col : 0, dl.n ? dl.items[0].msg : "");
	T_CHECK(dt < 0.5, "billion laughs is refused quickly (%.3f s)", dt);
	diag_list_free(&dl);
	arena_free(a);
	buf_free(&b);
}

static ynode *parse_str(arena *a, const char *s, diag_list *dl)
{
	return yaml_parse(a, "deep.yml", s, strlen(s), dl);
}

static void test_depth(void)
{
	static const char *const msg = "слишком глубокая вложенность (больше 64 уровней)";
	T_CHECK(YAML_MAX_DEPTH == 64, "YAML_MAX_DEPTH is 64");

	/* YAML_MAX_DEPTH nested collections are fine. */
	buf b = BUF_INIT;
	for (int i = 0; i < YAML_MAX_DEPTH; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < YAML_MAX_DEPTH; i++)
		buf_putc(&b, ']');
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = parse_str(a, b.data, &dl);
	int depth = 0;
	for (const ynode *n = root; n && n->kind == Y_SEQ; n = n->n ? n->items[0] : NULL)
		depth++;
	T_CHECK(root && dl.n == 0 && depth == YAML_MAX_DEPTH, "%d nested sequences are allowed (got %d)",
	        YAML_MAX_DEPTH, depth);
	diag_list_free(&dl);
	arena_free(a);

	/* One more is an error, at the collection that is too deep. */
	buf_reset(&b);
	for (int i = 0; i < YAML_MAX_DEPTH + 1; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < YAML_MAX_DEPTH + 1; i++)
		buf_putc(&b, ']');
	a = arena_new();
	dl = (diag_list)DIAG_LIST_INIT;
	root = parse_str(a, b.data, &dl);
	T_CHECK(!root && dl.n == 1 && !strcmp(dl.items[0].msg, msg) && dl.items[0].line == 1 &&
	                dl.items[0].col == YAML_MAX_DEPTH + 1,
	        "%d nested sequences: %d:%d %s", YAML_MAX_DEPTH + 1, dl.n ? dl.items[0].line : 0,
	        dl.n ? dl.items[0].col : 0, dl.n ? dl.items[0].msg : "(none)");
	diag_list_free(&dl);
	arena_free(a);

	/* Block maps nested 100 deep. */
	buf_reset(&b);
	for (int i = 0; i < 100; i++)
		buf_printf(&b, "%*sk%d:\n", i, "", i);
	a = arena_new();
	dl = (diag_list)DIAG_LIST_INIT;
	root = parse_str(a, b.data, &dl);
	T_CHECK(!root && dl.n == 1 && !strcmp(dl.items[0].msg, msg), "100 nested maps: %s",
	        dl.n ? dl.items[0].msg : "(none)");
	diag_list_free(&dl);
	arena_free(a);

	/* Hostile depth: must fail fast, without exhausting the stack. */
	buf_reset(&b);
	for (int i = 0; i < 200000; i++)
		buf_putc(&b, '[');
	a = arena_new();
	dl = (diag_list)DIAG_LIST_INIT;
	double t0 = now();
	root = parse_str(a, b.data, &dl);
	double dt = now() - t0;
	T_CHECK(!root && dl.n == 1 && !strcmp(dl.items[0].msg, msg), "200000 '[': %s",
	        dl.n ? dl.items[0].msg : "(none)");
	T_CHECK(dt < 1.0, "200000 '[' refused quickly (%.3f s)", dt);
	diag_list_free(&dl);
	arena_free(a);
	buf_free(&b);
}

static void test_get(void)
{
	static const char *const src = "a: 1\nq: \"1\"\nn1: ~\nn2: null\nn3:\nn4: NULL\nn5: \"null\"\n"
	                                "n6: ''\nl: [x]\nm: {y: z}\n";
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = yaml_parse(a, "f.yml", src, strlen(src), &dl);
	T_CHECK(root && root->kind == Y_MAP && root->n == 10, "get: parsed");
	if (root) {
		ynode *v = y_get(root, "a");
		T_CHECK(v && v->kind == Y_SCALAR && !strcmp(v->s, "1") && v->plain, "y_get a");
		v = y_get(root, "q");
		T_CHECK(v && !strcmp(v->s, "1") && !v->plain, "y_get q is quoted");
		T_CHECK(!y_get(root, "missing"), "y_get of a missing key");
		T_CHECK(!y_get(root, ""), "y_get of an empty key");
		T_CHECK(!y_get(y_get(root, "l"), "x"), "y_get on a sequence");
		T_CHECK(!y_get(y_get(root, "a"), "a"), "y_get on a scalar");
		T_CHECK(!y_get(NULL, "a"), "y_get on NULL");
		T_CHECK(y_get(y_get(root, "m"), "y") != NULL, "y_get nested");
		T_CHECK(y_is_null(y_get(root, "n1")), "~ is null");
		T_CHECK(y_is_null(y_get(root, "n2")), "null is null");
		T_CHECK(y_is_null(y_get(root, "n3")), "empty plain is null");
		T_CHECK(y_is_null(y_get(root, "n4")), "NULL is null");
		T_CHECK(!y_is_null(y_get(root, "n5")), "\"null\" is a string");
		T_CHECK(!y_is_null(y_get(root, "n6")), "'' is a string");
		T_CHECK(!y_is_null(y_get(root, "a")), "1 is not null");
		T_CHECK(!y_is_null(y_get(root, "l")), "a list is not null");
		T_CHECK(!y_is_null(NULL), "NULL node is not a null scalar");
	}
	T_CHECK(dl.n == 0, "get: no diagnostics");
	diag_list_free(&dl);
	arena_free(a);
}

/* yaml_load on real files. */
static char tmpdir[64];

static char *write_file(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		if (write(fd, data, len) != (ssize_t)len)
			perror("write");
		close(fd);
	}
	return path;
}

static void load_case(const char *what, const char *path, const char *tree, const char *diags)
{
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	double t0 = now();
	ynode *root = yaml_load(a, path, "content/x.yml", &dl);
	double dt = now() - t0;
	char *t = dump(root), *d = dump_diags(&dl);
	T_CHECK(!strcmp(t, tree), "%s: tree\n   got: %s\n  want: %s", what, t, tree);
	T_CHECK(!strncmp(d, diags, strlen(diags)) && (diags[0] ? dl.n == 1 : dl.n == 0),
	        "%s: diagnostics\n   got: %s\n  want: %s…", what, d, diags);
	T_CHECK(dt < 0.5, "%s: took %.3f s", what, dt);
	free(t);
	free(d);
	diag_list_free(&dl);
	arena_free(a);
}

static void test_load(void)
{
	strcpy(tmpdir, "/tmp/yamlread_test-XXXXXX");
	if (!mkdtemp(tmpdir)) {
		T_CHECK(0, "mkdtemp failed");
		return;
	}

	char *ok = write_file("ok.yml", B("название: Школа\nгод: 2021\n"));
	load_case("valid file", ok, "{название@1:1='Школа'@1:11,год@2:1='2021'@2:6}@1:1", "");

	char *bad = write_file("bad.yml", B("a: 1\nб: \xFF\n"));
	load_case("invalid UTF-8", bad, "NULL",
	          "content/x.yml:2:4: недопустимый байт 0xFF: файл должен быть в кодировке UTF-8");

	char *bad2 = write_file("bad2.yml", B("a: 1\nb: 2\nимя: «x\xD0»\n"));
	load_case("truncated UTF-8 sequence", bad2, "NULL",
	          "content/x.yml:3:8: недопустимый байт 0xD0: файл должен быть в кодировке UTF-8");

	char *cp1251 = write_file("cp1251.yml", B("\xE8\xEC\xFF: \xF8\xEA\xEE\xEB\xE0\n"));
	load_case("Windows-1251 file", cp1251, "NULL",
	          "content/x.yml:1:1: недопустимый байт 0xE8: файл должен быть в кодировке UTF-8");

	char *nul = write_file("nul.yml", B("a: 1\nb: \0\n"));
	load_case("NUL byte in a file", nul, "NULL",
	          "content/x.yml:2:4: в файле есть нулевой байт (это не текстовый файл?)");

	char *empty = write_file("empty.yml", B(""));
	load_case("empty file", empty, "{}@1:1", "");

	char *dir = xasprintf("%s/dir.yml", tmpdir);
	mkdir(dir, 0755);
	load_case("a directory", dir, "NULL", "content/x.yml:0:0: ожидался обычный файл, а это папка");

	char *missing = xasprintf("%s/missing.yml", tmpdir);
	load_case("a missing file", missing, "NULL", "content/x.yml:0:0: не удалось открыть файл: ");

	/* Too large: a sparse file one byte over the limit is refused before reading. */
	char *big = xasprintf("%s/big.yml", tmpdir);
	int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	bool made = fd >= 0 && ftruncate(fd, (off_t)YAML_MAX_BYTES + 1) == 0;
	if (fd >= 0)
		close(fd);
	T_CHECK(made, "sparse file created");
	char *want = xasprintf("content/x.yml:0:0: файл слишком большой (%lld байт, допустимо не больше %d)",
	                       (long long)YAML_MAX_BYTES + 1, YAML_MAX_BYTES);
	load_case("a too large file", big, "NULL", want);
	free(want);

	const char *paths[] = {ok, bad, bad2, cp1251, nul, empty, big};
	for (size_t i = 0; i < ARRAY_LEN(paths); i++)
		unlink(paths[i]);
	rmdir(dir);
	T_CHECK(rmdir(tmpdir) == 0, "temporary folder removed");
	free(ok);
	free(bad);
	free(bad2);
	free(cp1251);
	free(nul);
	free(empty);
	free(big);
	free(dir);
	free(missing);
}

int main(void)
{
	test_parse();
	test_error_texts();
	test_bomb();
	test_depth();
	test_get();
	test_load();
	return t_done("yamlread");
}
