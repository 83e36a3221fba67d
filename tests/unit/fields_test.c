/* fields_test.c — typed getters over YAML maps: unknown keys with «может быть»
 * suggestions, strings, string lists, dates, bounded integers, booleans, ids,
 * the edit distance and the suggestion threshold.  Each wrong value is reported
 * once, in Russian, at the value's position (or the map's, when missing). */
#include "t.h"
#include "fields.h"
#include "buf.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>

static arena *A;

/* Parses a YAML snippet (positions are checked, so the snippets keep multi-byte
 * text out of the way of the positions under test). */
static ynode *yml(const char *src)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *n = yaml_parse(A, "f.yml", src, strlen(src), &dl);
	if (!n || dl.n)
		printf("  (snippet did not parse: %s)\n", dl.n ? dl.items[0].msg : "?");
	diag_list_free(&dl);
	return n;
}

/* Diagnostics as "line:col: message" lines; the list is emptied. */
static char *take(diag_list *dl)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < dl->n; i++)
		buf_printf(&b, "%s%s:%d:%d: %s", i ? "\n" : "", dl->items[i].file, dl->items[i].line,
		           dl->items[i].col, dl->items[i].msg);
	diag_list_free(dl);
	*dl = (diag_list)DIAG_LIST_INIT;
	return buf_detach(&b);
}

#define DIAGS(dl, want, what)                     \
	do {                                      \
		char *d_ = take(dl);              \
		T_STREQ(d_, want, what);          \
		free(d_);                         \
	} while (0)

static void test_distance(void)
{
	static const struct {
		const char *a, *b;
		int d;
	} cases[] = {
		{"", "", 0},
		{"a", "", 1},
		{"", "abc", 3},
		{"title", "title", 0},
		{"title", "titel", 2},
		{"title", "Title", 1},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"date", "data", 1},
		{"place", "plase", 1},
		{"абв", "абг", 1},      /* bytes: в and г differ in their last byte */
		{"школа", "школы", 2},  /* а and ы differ in both bytes */
		{"url", "description", 10},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int d = f_distance(cases[i].a, cases[i].b);
		T_CHECK(d == cases[i].d, "f_distance(\"%s\", \"%s\") = %d, want %d", cases[i].a, cases[i].b, d,
		        cases[i].d);
		int r = f_distance(cases[i].b, cases[i].a);
		T_CHECK(r == d, "f_distance is symmetric for \"%s\", \"%s\"", cases[i].a, cases[i].b);
	}
	/* Long strings: bounded work, a big distance. */
	char l64[65], l65[66], l200[201];
	memset(l64, 'a', 64);
	l64[64] = '\0';
	memset(l65, 'a', 65);
	l65[65] = '\0';
	memset(l200, 'b', 200);
	l200[200] = '\0';
	T_CHECK(f_distance(l64, l64) == 0, "64-byte strings are compared");
	T_CHECK(f_distance(l64, "") == 64, "64-byte string against empty: %d", f_distance(l64, ""));
	T_CHECK(f_distance(l65, "title") > 3, "over-long strings give a big distance");
	T_CHECK(f_distance("title", l200) > 3, "over-long strings give a big distance (second)");
}

static void test_suggest(void)
{
	static const char *const keys[] = {"title", "date", "place", "url", "description", "deadline",
	                                   NULL};
	static const struct {
		const char *word, *want;
	} cases[] = {
		{"titel", "title"},
		{"Title", "title"},
		{"tittle", "title"},
		{"dat", "date"},          /* short word: distance 1 allowed */
		{"plase", "place"},
		{"descripton", "description"},
		{"discription", "description"},
		{"dedline", "deadline"},
		{"url", "url"},
		{"uri", "url"},
		{"xyz", NULL},            /* short word: distance 2 is too far */
		{"da", NULL},             /* 2 from "date": too far for a short word */
		{"foo", NULL},
		{"название", NULL},
		{"completely-different", NULL},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const char *got = f_suggest(cases[i].word, keys);
		bool ok = cases[i].want ? got && !strcmp(got, cases[i].want) : !got;
		T_CHECK(ok, "f_suggest(\"%s\") = %s, want %s", cases[i].word, got ? got : "NULL",
		        cases[i].want ? cases[i].want : "NULL");
	}
	static const char *const none[] = {NULL};
	T_CHECK(!f_suggest("title", none), "no candidates, no suggestion");
}

static void test_check_keys(void)
{
	static const char *const allowed[] = {"title", "date", "place", "url", NULL};
	diag_list dl = DIAG_LIST_INIT;

	ynode *m = yml("title: x\ndate: 2021-09-01\nurl: /a\n");
	T_CHECK(f_check_keys(m, allowed, "документе", &dl), "known keys pass");
	DIAGS(&dl, "", "known keys: no diagnostics");

	m = yml("titel: x\ndate: 2021-09-01\nplase: y\nfoo: z\nPlace: w\n");
	T_CHECK(!f_check_keys(m, allowed, "документе", &dl), "unknown keys fail");
	DIAGS(&dl,
	      "f.yml:1:1: неизвестное поле «titel» в документе; может быть, «title»?\n"
	      "f.yml:3:1: неизвестное поле «plase» в документе; может быть, «place»?\n"
	      "f.yml:4:1: неизвестное поле «foo» в документе\n"
	      "f.yml:5:1: неизвестное поле «Place» в документе; может быть, «place»?",
	      "unknown keys");

	m = yml("- a: 1\n  dates: 2\n");
	T_CHECK(m && !f_check_keys(m->items[0], allowed, "мероприятии", &dl), "nested map");
	DIAGS(&dl, "f.yml:1:3: неизвестное поле «a» в мероприятии\n"
	           "f.yml:2:3: неизвестное поле «dates» в мероприятии; может быть, «date»?",
	      "nested map: every unknown key");

	m = yml("[1, 2]");
	T_CHECK(f_check_keys(m, allowed, "документе", &dl), "a sequence has no keys to check");
	T_CHECK(f_check_keys(NULL, allowed, "документе", &dl), "NULL has no keys to check");
	DIAGS(&dl, "", "non-maps: no diagnostics");

	/* The message names Cyrillic keys as written. */
	m = yml("название: x\n");
	T_CHECK(!f_check_keys(m, allowed, "документе", &dl), "cyrillic key is unknown");
	DIAGS(&dl, "f.yml:1:1: неизвестное поле «название» в документе", "cyrillic key");
}

static void test_expect_map(void)
{
	diag_list dl = DIAG_LIST_INIT;
	T_CHECK(f_expect_map(yml("a: 1"), "документ", &dl), "a map is a map");
	T_CHECK(!f_expect_map(NULL, "документ", &dl), "NULL is not a map");
	DIAGS(&dl, "", "no diagnostics for a map or NULL");
	ynode *m = yml("a:\n  - 1\n");
	T_CHECK(!f_expect_map(y_get(m, "a"), "мероприятие", &dl), "a sequence is not a map");
	DIAGS(&dl, "f.yml:2:3: мероприятие: ожидался набор полей «ключ: значение»", "sequence");
	T_CHECK(!f_expect_map(yml("just text"), "документ", &dl), "a scalar is not a map");
	DIAGS(&dl, "f.yml:1:1: документ: ожидался набор полей «ключ: значение»", "scalar");
}

static void test_seq(void)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *m = yml("menu:\n  - a\n  - b\nempty:\ntext: x\n");
	const ynode *v = f_seq(m, "menu", " ссылок", &dl);
	T_CHECK(v && v->n == 2, "a list is returned");
	T_CHECK(!f_seq(m, "empty", " ссылок", &dl) && !f_seq(m, "absent", "", &dl), "null and absent give NULL");
	DIAGS(&dl, "", "no diagnostics for a list, null or absent");
	T_CHECK(!f_seq(m, "text", " ссылок", &dl), "a scalar is not a list");
	DIAGS(&dl, "f.yml:5:7: поле «text»: ожидался список ссылок", "scalar, with the hint");
}

static void test_str(void)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *m = yml("a: text\nq: \"quoted\"\nnum: 12\nn: ~\ne: ''\nz:\nl: [x]\nm: {k: v}\nsn: \"null\"\n"
	               "ru: Школа № 1\n");
	const char *s = f_str(m, "a", true, "документе", &dl);
	T_STREQ(s, "text", "f_str plain");
	T_STREQ(f_str(m, "q", true, "документе", &dl), "quoted", "f_str quoted");
	T_STREQ(f_str(m, "num", false, "документе", &dl), "12", "f_str of a number is its text");
	T_STREQ(f_str(m, "sn", false, "документе", &dl), "null", "f_str of a quoted \"null\"");
	T_STREQ(f_str(m, "ru", false, "документе", &dl), "Школа № 1", "f_str cyrillic");
	DIAGS(&dl, "", "f_str: good values");

	/* absent, null and empty values */
	T_CHECK(!f_str(m, "missing", false, "документе", &dl), "optional missing");
	T_CHECK(!f_str(m, "n", false, "документе", &dl), "optional null");
	T_CHECK(!f_str(m, "z", false, "документе", &dl), "optional empty plain");
	DIAGS(&dl, "", "f_str: optional absent values are silent");
	T_CHECK(!f_str(m, "missing", true, "документе", &dl), "required missing");
	T_CHECK(!f_str(m, "n", true, "документе", &dl), "required null");
	T_CHECK(!f_str(m, "e", true, "документе", &dl), "required empty");
	T_CHECK(!f_str(m, "z", true, "", &dl), "required empty plain, no what");
	T_CHECK(!f_str(m, "missing", true, NULL, &dl), "required missing, NULL what");
	DIAGS(&dl,
	      "f.yml:1:1: в документе нет обязательного поля «missing»\n"
	      "f.yml:1:1: в документе нет обязательного поля «n»\n"
	      "f.yml:1:1: в документе нет обязательного поля «e»\n"
	      "f.yml:1:1: нет обязательного поля «z»\n"
	      "f.yml:1:1: нет обязательного поля «missing»",
	      "f_str: required absent values");

	/* wrong types, reported at the value even when optional */
	T_CHECK(!f_str(m, "l", false, "документе", &dl), "list is not a string");
	T_CHECK(!f_str(m, "m", true, "документе", &dl), "map is not a string");
	DIAGS(&dl,
	      "f.yml:7:4: поле «l»: ожидалась строка, а здесь список\n"
	      "f.yml:8:4: поле «m»: ожидалась строка, а здесь набор полей",
	      "f_str: wrong types");
}

static void test_str_list(void)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *m = yml("one: a\nlist: [a, b, c]\nempty: []\nn: ~\nmap: {k: v}\nmixed: [a, [b], {c: d}, e]\n"
	               "block:\n  - x\n  - 'y'\n");
	size_t n = 99;
	const char **v = f_str_list(A, m, "one", &n, &dl);
	T_CHECK(v && n == 1 && !strcmp(v[0], "a"), "single string is a list of one");
	v = f_str_list(A, m, "list", &n, &dl);
	T_CHECK(v && n == 3 && !strcmp(v[0], "a") && !strcmp(v[1], "b") && !strcmp(v[2], "c"), "flow list");
	v = f_str_list(A, m, "block", &n, &dl);
	T_CHECK(v && n == 2 && !strcmp(v[0], "x") && !strcmp(v[1], "y"), "block list");
	n = 99;
	f_str_list(A, m, "empty", &n, &dl);
	T_CHECK(n == 0, "empty list: %zu", n);
	n = 99;
	v = f_str_list(A, m, "missing", &n, &dl);
	T_CHECK(!v && n == 0, "absent: NULL, 0");
	n = 99;
	v = f_str_list(A, m, "n", &n, &dl);
	T_CHECK(!v && n == 0, "null: NULL, 0");
	DIAGS(&dl, "", "f_str_list: good values");

	n = 99;
	v = f_str_list(A, m, "map", &n, &dl);
	T_CHECK(!v && n == 0, "map: NULL, 0");
	DIAGS(&dl, "f.yml:5:6: поле «map»: ожидался список строк или одна строка", "f_str_list: map");

	n = 99;
	v = f_str_list(A, m, "mixed", &n, &dl);
	T_CHECK(v && n == 2 && !strcmp(v[0], "a") && !strcmp(v[1], "e"), "mixed: strings kept (%zu)", n);
	DIAGS(&dl,
	      "f.yml:6:12: поле «mixed»: элемент списка должен быть строкой\n"
	      "f.yml:6:17: поле «mixed»: элемент списка должен быть строкой",
	      "f_str_list: items of the wrong type");
}

static void test_date(void)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *m = yml("iso: 2021-09-01\nru: 27.08.2021\nq: '2024-02-29'\nsp: \" 01.09.2021 \"\n"
	               "bad: 31.02.2022\nleap: 2023-02-29\nword: tomorrow\nnum: 20210901\nl: [2021-09-01]\n"
	               "n: ~\nm: {d: 1}\n");
	static const struct {
		const char *key;
		int y, m, d;
	} good[] = {{"iso", 2021, 9, 1}, {"ru", 2021, 8, 27}, {"q", 2024, 2, 29}, {"sp", 2021, 9, 1}};
	for (size_t i = 0; i < ARRAY_LEN(good); i++) {
		date d = f_date(m, good[i].key, true, &dl);
		T_CHECK(d.y == good[i].y && d.m == good[i].m && d.d == good[i].d, "f_date %s: %d-%d-%d",
		        good[i].key, d.y, d.m, d.d);
	}
	date d = f_date(m, "missing", false, &dl);
	T_CHECK(!date_is_set(d), "optional missing date");
	d = f_date(m, "n", false, &dl);
	T_CHECK(!date_is_set(d), "optional null date");
	DIAGS(&dl, "", "f_date: good values");

	const char *const bad[] = {"bad", "leap", "word", "num", "l", "missing", "n"};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		d = f_date(m, bad[i], true, &dl);
		T_CHECK(!date_is_set(d), "f_date %s is DATE_NONE", bad[i]);
	}
	DIAGS(&dl,
	      "f.yml:5:6: поле «bad»: такой даты нет: «31.02.2022»\n"
	      "f.yml:6:7: поле «leap»: такой даты нет: «2023-02-29»\n"
	      "f.yml:7:7: поле «word»: «tomorrow» — не дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n"
	      "f.yml:8:6: поле «num»: «20210901» — не дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ\n"
	      "f.yml:9:4: поле «l»: ожидалась дата\n"
	      "f.yml:1:1: нет обязательного поля «missing»\n"
	      "f.yml:1:1: нет обязательного поля «n»",
	      "f_date: wrong values");

	d = f_date_node(y_get(m, "ru"), "ru", &dl);
	T_CHECK(d.y == 2021 && d.m == 8 && d.d == 27, "f_date_node");
	d = f_date_node(y_get(m, "m"), "m", &dl);
	T_CHECK(!date_is_set(d), "f_date_node on a map");
	DIAGS(&dl, "f.yml:11:4: поле «m»: ожидалась дата", "f_date_node on a map");
}

static void test_int(void)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *m = yml("five: 5\nneg: -3\nplus: +7\nq: '42'\nzero: 0\nbig: 101\nfrac: 1.5\ntail: 12abc\n"
	               "hex: 0x10\nexp: 1e3\nhuge: 99999999999999999999\nempty: ''\nn: ~\nl: [1]\n"
	               "word: ten\nlo: 1\nhi: 100\n");
	static const struct {
		const char *key;
		long want;
	} good[] = {{"five", 5}, {"neg", -3}, {"plus", 7}, {"q", 42}, {"zero", 0}, {"lo", 1}, {"hi", 100},
	            {"missing", -1}, {"n", -1}};
	for (size_t i = 0; i < ARRAY_LEN(good); i++) {
		long v = f_int(m, good[i].key, -1, -10, 100, &dl);
		T_CHECK(v == good[i].want, "f_int %s = %ld, want %ld", good[i].key, v, good[i].want);
	}
	DIAGS(&dl, "", "f_int: good values and defaults");

	/* bounds are inclusive */
	T_CHECK(f_int(m, "lo", 0, 1, 100, &dl) == 1, "min is allowed");
	T_CHECK(f_int(m, "hi", 0, 1, 100, &dl) == 100, "max is allowed");
	T_CHECK(f_int(m, "big", 0, LONG_MIN, LONG_MAX, &dl) == 101, "full range");
	DIAGS(&dl, "", "f_int: bounds");

	static const struct {
		const char *key;
		int line, col;
	} bad[] = {{"zero", 5, 7}, {"big", 6, 6},  {"frac", 7, 7},  {"tail", 8, 7},
	           {"hex", 9, 6},  {"exp", 10, 6}, {"huge", 11, 7}, {"empty", 12, 8},
	           {"l", 14, 4},   {"word", 15, 7}};
	buf want = BUF_INIT;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		long v = f_int(m, bad[i].key, 77, 1, 100, &dl);
		T_CHECK(v == 77, "f_int %s gives the default on error: %ld", bad[i].key, v);
		buf_printf(&want, "%sf.yml:%d:%d: поле «%s»: ожидалось целое число от 1 до 100", i ? "\n" : "",
		           bad[i].line, bad[i].col, bad[i].key);
	}
	DIAGS(&dl, want.data, "f_int: wrong values");
	buf_free(&want);

	T_CHECK(f_int(m, "neg", 0, -100, -5, &dl) == 0, "-3 above max -5");
	DIAGS(&dl, "f.yml:2:6: поле «neg»: ожидалось целое число от -100 до -5", "negative bounds");
}

static void test_bool(void)
{
	diag_list dl = DIAG_LIST_INIT;
	ynode *m = yml("t: true\ny: yes\nf: false\nno: no\nq: 'true'\nn: ~\nmaybe: maybe\nnum: 1\nl: [true]\n"
	               "da: да\nnet: нет\n");
	T_CHECK(f_bool(m, "t", false, &dl) == true, "true");
	T_CHECK(f_bool(m, "y", false, &dl) == true, "yes");
	T_CHECK(f_bool(m, "q", false, &dl) == true, "'true'");
	T_CHECK(f_bool(m, "da", false, &dl) == true, "да");
	T_CHECK(f_bool(m, "f", true, &dl) == false, "false");
	T_CHECK(f_bool(m, "no", true, &dl) == false, "no");
	T_CHECK(f_bool(m, "net", true, &dl) == false, "нет");
	T_CHECK(f_bool(m, "missing", true, &dl) == true, "missing: default true");
	T_CHECK(f_bool(m, "missing", false, &dl) == false, "missing: default false");
	T_CHECK(f_bool(m, "n", true, &dl) == true, "null: default");
	DIAGS(&dl, "", "f_bool: good values");
	T_CHECK(f_bool(m, "maybe", true, &dl) == true, "maybe: default");
	T_CHECK(f_bool(m, "num", false, &dl) == false, "1: default");
	T_CHECK(f_bool(m, "l", true, &dl) == true, "list: default");
	DIAGS(&dl,
	      "f.yml:7:8: поле «maybe»: ожидалось true или false\n"
	      "f.yml:8:6: поле «num»: ожидалось true или false\n"
	      "f.yml:9:4: поле «l»: ожидалось true или false",
	      "f_bool: wrong values");
}

static void test_valid_id(void)
{
	char id64[65], id65[66];
	memset(id64, 'a', 64);
	id64[64] = '\0';
	memset(id65, 'a', 65);
	id65[65] = '\0';
	static const struct {
		const char *s;
		bool ok;
	} cases[] = {
		{"a", true},          {"sosh-13", true},     {"2021-2022", true}, {"0", true},
		{"a-", true},         {"a--b", true},        {"", false},         {"-a", false},
		{"A", false},         {"Sosh", false},       {"a_b", false},      {"a b", false},
		{"a.b", false},       {"a/b", false},        {"../x", false},     {"школа", false},
		{"a\n", false},       {"sosh-é", false},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		T_CHECK(f_valid_id(cases[i].s) == cases[i].ok, "f_valid_id(\"%s\") = %d", cases[i].s,
		        !cases[i].ok);
	T_CHECK(f_valid_id(id64), "64 bytes is allowed");
	T_CHECK(!f_valid_id(id65), "65 bytes is too long");
	T_CHECK(!f_valid_id(NULL), "NULL is not an id");
}

int main(void)
{
	A = arena_new();
	test_distance();
	test_suggest();
	test_check_keys();
	test_expect_map();
	test_seq();
	test_str();
	test_str_list();
	test_date();
	test_int();
	test_bool();
	test_valid_id();
	arena_free(A);
	return t_done("fields");
}
