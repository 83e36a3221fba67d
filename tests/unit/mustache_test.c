/* mustache_test.c — the Mustache engine against the official spec suite, plus
 * what the suite does not cover: error positions, missing partials, limits and
 * rendering one set from several threads.
 *
 * Usage: mustache_test [SPECDIR]   (default: tests/mustache-spec, run from the
 * repository root).  Prints one "  mustache <suite>: passed/total" line per
 * spec file and a FAIL block per failing test; the last line is t_done's. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "t.h"
#include "buf.h"
#include "diag.h"
#include "mustache.h"
#include "util.h"
#include "view.h"

/* ---- YAML → view tree ---- */

static bool scalar_is(const char *s, const char *a, const char *b, const char *c)
{
	return !strcmp(s, a) || !strcmp(s, b) || !strcmp(s, c);
}

static bool is_integer(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* The shortest decimal that reads back as the same double, as the spec
 * expects of a language's number-to-string ("1.210" is shown as "1.21"). */
static value *number(arena *a, const char *s)
{
	if (is_integer(s))
		return v_str(a, s + (*s == '+'));
	char *end;
	double d = strtod(s, &end);
	if (end == s || *end || !strpbrk(s, "0123456789"))
		return NULL;
	char out[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(out, sizeof out, "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			break;
	}
	return v_str(a, out);
}

/* YAML 1.1 core schema as the spec files use it: plain null/~/true/false and
 * numbers are typed, everything quoted is a string. */
static value *scalar(arena *a, const yaml_node_t *n)
{
	const char *s = (const char *)n->data.scalar.value;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return v_str(a, s);
	if (!*s || scalar_is(s, "~", "null", "Null") || !strcmp(s, "NULL"))
		return v_null(a);
	if (scalar_is(s, "true", "True", "TRUE"))
		return v_bool(a, true);
	if (scalar_is(s, "false", "False", "FALSE"))
		return v_bool(a, false);
	value *num = number(a, s);
	return num ? num : v_str(a, s);
}

static value *to_value(arena *a, yaml_document_t *d, yaml_node_t *n)
{
	if (!n)
		return v_null(a);
	if (n->type == YAML_SCALAR_NODE)
		return scalar(a, n);
	if (n->type == YAML_SEQUENCE_NODE) {
		value *l = v_list(a);
		for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++)
			v_push(a, l, to_value(a, d, yaml_document_get_node(d, *it)));
		return l;
	}
	value *m = v_map(a);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(d, p->key);
		if (k && k->type == YAML_SCALAR_NODE)
			v_set(a, m, (const char *)k->data.scalar.value, to_value(a, d, yaml_document_get_node(d, p->value)));
	}
	return m;
}

/* Value of key in mapping n, or NULL. */
static yaml_node_t *get(yaml_document_t *d, yaml_node_t *n, const char *key)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(d, p->key);
		if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return yaml_document_get_node(d, p->value);
	}
	return NULL;
}

static const char *text(yaml_node_t *n, size_t *len)
{
	if (!n || n->type != YAML_SCALAR_NODE) {
		*len = 0;
		return "";
	}
	*len = n->data.scalar.length;
	return (const char *)n->data.scalar.value;
}

/* ---- running one spec file ---- */

/* Prints s as a C string literal so that whitespace differences show. */
static void print_quoted(const char *label, const char *s, size_t n)
{
	printf("    %-9s \"", label);
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\t': fputs("\\t", stdout); break;
		case '"': fputs("\\\"", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		default: putchar(s[i]);
		}
	}
	puts("\"");
}

/* The name the test's own template is stored under: no spec partial uses it. */
static const char MAIN[] = "(template)";

/* Runs one test; true when it passes. */
static bool run_test(yaml_document_t *d, yaml_node_t *test, const char *suite)
{
	size_t tlen, elen, nlen;
	const char *tpl = text(get(d, test, "template"), &tlen);
	const char *want = text(get(d, test, "expected"), &elen);
	const char *name = text(get(d, test, "name"), &nlen);
	arena *a = arena_new();
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	yaml_node_t *parts = get(d, test, "partials");
	if (parts && parts->type == YAML_MAPPING_NODE) {
		for (yaml_node_pair_t *p = parts->data.mapping.pairs.start; p < parts->data.mapping.pairs.top; p++) {
			size_t plen;
			const char *ptext = text(yaml_document_get_node(d, p->value), &plen);
			const char *pname = (const char *)yaml_document_get_node(d, p->key)->data.scalar.value;
			mustache_set_add(s, pname, pname, ptext, plen, &dl);
		}
	}
	mustache_set_add(s, MAIN, "template", tpl, tlen, &dl);
	buf out = BUF_INIT;
	int rc = mustache_render(s, MAIN, to_value(a, d, get(d, test, "data")), &out);
	bool ok = rc == 0 && dl.errors == 0 && out.len == elen && (!elen || !memcmp(out.data, want, elen));
	if (!ok) {
		printf("FAIL mustache %s: %.*s\n", suite, (int)nlen, name);
		print_quoted("template:", tpl, tlen);
		print_quoted("expected:", want, elen);
		print_quoted("got:", out.data ? out.data : "", out.len);
		if (rc)
			printf("    render:   %s\n", mustache_strerror(rc));
		diag_print(&dl, "", stdout);
	}
	buf_free(&out);
	diag_list_free(&dl);
	mustache_set_free(s);
	arena_free(a);
	return ok;
}

static void run_file(const char *dir, const char *file)
{
	char *path = xasprintf("%s/%s.yml", dir, file);
	FILE *f = fopen(path, "rb");
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!f || !yaml_parser_initialize(&parser)) {
		T_CHECK(0, "cannot read %s", path);
		if (f)
			fclose(f);
		free(path);
		return;
	}
	yaml_parser_set_input_file(&parser, f);
	int pass = 0, total = 0;
	if (yaml_parser_load(&parser, &doc)) {
		yaml_node_t *tests = get(&doc, yaml_document_get_root_node(&doc), "tests");
		if (tests && tests->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *it = tests->data.sequence.items.start; it < tests->data.sequence.items.top;
			     it++) {
				bool ok = run_test(&doc, yaml_document_get_node(&doc, *it), file);
				total++;
				pass += ok;
				if (ok)
					t_pass++;
				else
					t_fail++;
			}
		}
		yaml_document_delete(&doc);
	}
	T_CHECK(total > 0, "%s: no tests read (YAML error: %s)", path, parser.problem ? parser.problem : "none");
	printf("  mustache %s: %d/%d\n", file, pass, total);
	yaml_parser_delete(&parser);
	fclose(f);
	free(path);
}

/* ---- own tests ---- */

/* Adds src under name, which is also its file name in diagnostics. */
static int add(mustache_set *s, const char *name, const char *src, diag_list *dl)
{
	return mustache_set_add(s, name, name, src, strlen(src), dl);
}

/* Checks that adding src fails with exactly one error at line:col whose
 * message contains `msg`. */
static void expect_error(const char *src, int line, int col, const char *msg)
{
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	int rc = add(s, "t.html", src, &dl);
	T_CHECK(rc == -1, "%s: add returned %d, want -1", src, rc);
	T_CHECK(dl.errors == 1 && dl.n == 1, "%s: %zu errors, want 1", src, dl.errors);
	if (dl.n) {
		const diag *e = &dl.items[0];
		T_CHECK(e->line == line && e->col == col, "%s: error at %d:%d, want %d:%d (%s)", src, e->line, e->col,
		        line, col, e->msg);
		T_CHECK(strstr(e->msg, msg) != NULL, "%s: message «%s» lacks «%s»", src, e->msg, msg);
		T_STREQ(e->file, "t.html", "error file");
	}
	/* A broken template is kept, empty, and renders as nothing. */
	buf out = BUF_INIT;
	T_CHECK(mustache_render(s, "t.html", NULL, &out) == 0 && out.len == 0, "%s: broken template renders", src);
	buf_free(&out);
	diag_list_free(&dl);
	mustache_set_free(s);
}

static void test_errors(void)
{
	expect_error("a\nb\n    {{#items}}\nx\n", 3, 5, "секция «items» не закрыта");
	expect_error("Привет, {{#мир}}!", 1, 9, "секция «мир» не закрыта");
	expect_error("{{#a}}\n  {{/b}}\n{{/a}}", 2, 3, "закрывающий тег «b» не соответствует открытому «a»");
	expect_error("x\n{{/a}}", 2, 1, "закрывающий тег «a» без открывающего");
	expect_error("ok\n  {{name", 2, 3, "тег не закрыт");
	expect_error("{{{name}}", 1, 1, "тег не закрыт: нет «}}}»");
	expect_error("x {{=<%=}}", 1, 3, "неверный тег смены разделителей");
	expect_error("{{=<% %>=}}\n<%#a%>", 2, 1, "секция «a» не закрыта");
	expect_error("ёж {{ }}", 1, 4, "в теге нет имени");
	expect_error("{{a b}}", 1, 1, "не может быть пробелов");
	expect_error("{{a..b}}", 1, 1, "неверное имя «a..b»");
	expect_error("{{<base}}{{$title}}x{{/base}}", 1, 21, "закрывающий тег «base» не соответствует открытому «title»");
	expect_error("a {{$title}}x", 1, 3, "блок «title» не закрыт");
	expect_error("\n\n{{<base}}", 3, 1, "родительский шаблон «base» не закрыт");
	expect_error("ok\xff", 1, 3, "UTF-8");

	/* Every independent error of a template is listed, not only the first. */
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	T_CHECK(add(s, "t", "{{a b}} {{}} {{#x}}", &dl) == -1 && dl.errors == 3, "three errors: %zu", dl.errors);
	diag_list_free(&dl);
	mustache_set_free(s);
}

static void test_limits(void)
{
	/* Nesting: MUSTACHE_MAX_NESTING sections are fine, one more is an error. */
	buf src = BUF_INIT;
	for (int i = 0; i < MUSTACHE_MAX_NESTING; i++)
		buf_puts(&src, "{{#a}}");
	for (int i = 0; i < MUSTACHE_MAX_NESTING; i++)
		buf_puts(&src, "{{/a}}");
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	T_CHECK(add(s, "deep", buf_cstr(&src), &dl) == 0, "nesting %d accepted", MUSTACHE_MAX_NESTING);
	buf_reset(&src);
	for (int i = 0; i <= MUSTACHE_MAX_NESTING; i++)
		buf_puts(&src, "{{#a}}");
	T_CHECK(add(s, "deeper", buf_cstr(&src), &dl) == -1 && dl.errors == 1, "nesting +1 rejected");

	/* Size. */
	char *big = xmalloc((size_t)MUSTACHE_MAX_SIZE + 1);
	memset(big, 'x', (size_t)MUSTACHE_MAX_SIZE + 1);
	T_CHECK(mustache_set_add(s, "big", "big", big, (size_t)MUSTACHE_MAX_SIZE + 1, &dl) == -1 && dl.errors == 2,
	        "oversized template rejected");
	T_CHECK(mustache_set_add(s, "max", "max", big, MUSTACHE_MAX_SIZE, &dl) == 0, "largest template accepted");
	free(big);

	/* A partial that includes itself stops at the depth limit. */
	buf out = BUF_INIT;
	add(s, "self", "x{{>self}}", &dl);
	T_CHECK(mustache_render(s, "self", NULL, &out) == MUSTACHE_EDEPTH, "self-recursion stopped");
	T_CHECK(out.len == MUSTACHE_MAX_DEPTH + 1, "expanded %zu times", out.len);
	buf_reset(&out);
	/* So does a block that overrides with a block of its own name. */
	add(s, "p", "{{$b}}{{/b}}", &dl);
	add(s, "c", "{{<p}}{{$b}}[{{$b}}{{/b}}]{{/b}}{{/p}}", &dl);
	T_CHECK(mustache_render(s, "c", NULL, &out) == MUSTACHE_EDEPTH, "block self-override stopped");
	T_CHECK(mustache_render(s, "nope", NULL, &out) == MUSTACHE_ENOTFOUND, "unknown template");
	T_CHECK(mustache_strerror(MUSTACHE_EDEPTH)[0] != '\0', "strerror");
	buf_free(&out);
	buf_free(&src);
	diag_list_free(&dl);
	mustache_set_free(s);
}

static void test_missing_partials(void)
{
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	add(s, "page.html", "{{>header}}\n  {{#a}}{{<base}}{{$x}}{{>footer}}{{/x}}{{/base}}{{/a}}\n{{>footer}}", &dl);
	add(s, "footer", "(c)", &dl);
	T_CHECK(dl.n == 0, "clean templates: %zu diagnostics", dl.n);
	T_CHECK(mustache_set_check_partials(s, &dl) == -1, "missing partials reported");
	T_CHECK(dl.errors == 2, "2 missing, got %zu", dl.errors);
	if (dl.n == 2) {
		T_CHECK(dl.items[0].line == 1 && dl.items[0].col == 1, "header at %d:%d", dl.items[0].line,
		        dl.items[0].col);
		T_STREQ(dl.items[0].msg, "частичный шаблон «header» не найден", "header message");
		T_CHECK(dl.items[1].line == 2 && dl.items[1].col == 9, "base at %d:%d", dl.items[1].line,
		        dl.items[1].col);
		T_STREQ(dl.items[1].msg, "родительский шаблон «base» не найден", "base message");
		T_STREQ(dl.items[1].file, "page.html", "file");
	}
	diag_list_free(&dl);
	add(s, "header", "<h1>", &dl);
	add(s, "base", "{{$x}}{{/x}}", &dl);
	T_CHECK(mustache_set_check_partials(s, &dl) == 0 && dl.n == 0, "all partials present");
	T_CHECK(mustache_set_has(s, "base") && !mustache_set_has(s, "bas"), "set_has");
	diag_list_free(&dl);
	mustache_set_free(s);
}

/* Behaviour the spec leaves open, chosen for themes. */
static void test_extras(void)
{
	arena *a = arena_new();
	value *ctx = v_map(a);
	v_sets(a, ctx, "q", "O'Neil & <b>");
	v_setb(a, ctx, "yes", true);
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	add(s, "t", "{{q}}|{{{q}}}|{{yes}}", &dl);
	add(s, "t", "{{q}}|{{{q}}}|{{yes}}|replaced", &dl); /* same name: replaces */
	buf out = BUF_INIT;
	mustache_render(s, "t", ctx, &out);
	T_STREQ(buf_cstr(&out), "O&#39;Neil &amp; &lt;b&gt;|O'Neil & <b>|true|replaced", "escaping");

	/* Content inside a parent outside blocks is dropped: warn, do not fail. */
	T_CHECK(add(s, "w", "{{<t}} lost {{/t}}", &dl) == 0 && dl.warnings == 1 && dl.errors == 0,
	        "warning for text inside a parent");
	buf_free(&out);
	diag_list_free(&dl);
	mustache_set_free(s);
	arena_free(a);
}

/* ---- threads ---- */

typedef struct job {
	const mustache_set *s;
	const value *ctx;
	const char *want;
	int mismatches;
} job;

static void *render_job(void *arg)
{
	job *j = arg;
	buf out = BUF_INIT;
	for (int i = 0; i < 40; i++) {
		buf_reset(&out);
		if (mustache_render(j->s, "page", j->ctx, &out) != 0 || strcmp(buf_cstr(&out), j->want))
			j->mismatches++;
	}
	buf_free(&out);
	return NULL;
}

static value *tree(arena *a, int depth, int width)
{
	value *list = v_list(a);
	for (int i = 0; depth > 0 && i < width; i++) {
		value *item = v_push(a, list, v_map(a));
		v_set(a, item, "name", v_strf(a, "узел %d.%d <&>", depth, i));
		v_set(a, item, "kids", tree(a, depth - 1, width));
		v_setb(a, item, "leaf", depth == 1);
	}
	return list;
}

static void test_threads(void)
{
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	add(s, "layout", "<html>\n  <title>{{$title}}Сайт{{/title}}</title>\n  <body>\n    {{$body}}{{/body}}\n  "
	                 "</body>\n</html>\n", &dl);
	add(s, "node", "<li>{{name}}\n{{^leaf}}\n  <ul>\n    {{#kids}}\n    {{>node}}\n    {{/kids}}\n  </ul>\n"
	               "{{/leaf}}\n</li>\n", &dl);
	add(s, "page", "{{<layout}}\n{{$title}}{{title}}{{/title}}\n{{$body}}\n<ul>\n  {{#items}}\n  {{>node}}\n"
	               "  {{/items}}\n</ul>\n{{/body}}\n{{/layout}}\n", &dl);
	T_CHECK(dl.n == 0 && mustache_set_check_partials(s, &dl) == 0, "thread templates parse");
	arena *a = arena_new();
	value *ctx = v_map(a);
	v_sets(a, ctx, "title", "Дорожная карта");
	v_set(a, ctx, "items", tree(a, 4, 5));
	buf ref = BUF_INIT;
	T_CHECK(mustache_render(s, "page", ctx, &ref) == 0, "reference render");
	T_CHECK(strstr(buf_cstr(&ref), "      <li>узел 4.0 &lt;&amp;&gt;\n        <ul>\n          <li>узел 3.0 &lt;&amp;&gt;\n") != NULL,
	        "nested partials are indented:\n%.300s", buf_cstr(&ref));
	job jobs[2] = {{s, ctx, buf_cstr(&ref), 0}, {s, ctx, buf_cstr(&ref), 0}};
	pthread_t th[2];
	for (int i = 0; i < 2; i++)
		T_CHECK(pthread_create(&th[i], NULL, render_job, &jobs[i]) == 0, "pthread_create");
	for (int i = 0; i < 2; i++) {
		pthread_join(th[i], NULL);
		T_CHECK(jobs[i].mismatches == 0, "thread %d: %d renders differ", i, jobs[i].mismatches);
	}
	buf_free(&ref);
	arena_free(a);
	diag_list_free(&dl);
	mustache_set_free(s);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/mustache-spec";
	/* ~lambdas and ~dynamic-names do not apply: a view tree holds data only. */
	static const char *const files[] = {"interpolation", "sections", "inverted", "comments",
	                                    "partials", "delimiters", "~inheritance"};
	for (size_t i = 0; i < ARRAY_LEN(files); i++)
		run_file(dir, files[i]);
	test_errors();
	test_limits();
	test_missing_partials();
	test_extras();
	test_threads();
	return t_done("mustache");
}
