/* utf8_test.c — validation with positions, folding (full and fast), trimming, Windows-1251. */
#include "t.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>

/* Byte strings may contain NUL: pass literal and length together. */
#define B(s) s, sizeof(s) - 1

static void test_decode(void)
{
	static const struct {
		const char *s;
		size_t len, n;
		int32_t cp;
	} cases[] = {
		{B("A"), 1, 'A'},
		{B("\0"), 1, 0},
		{B("\xD0\xA8"), 2, 0x428},          /* Ш */
		{B("\xE2\x82\xAC"), 3, 0x20AC},     /* € */
		{B("\xF0\x9F\x98\x80"), 4, 0x1F600},
		{B("\xF4\x8F\xBF\xBF"), 4, 0x10FFFF},
		{B("\xC0\xAF"), 0, 0},              /* overlong '/' */
		{B("\xE0\x80\xAF"), 0, 0},          /* overlong */
		{B("\xED\xA0\x80"), 0, 0},          /* surrogate */
		{B("\xF4\x90\x80\x80"), 0, 0},      /* above U+10FFFF */
		{B("\xD0"), 0, 0},                  /* truncated */
		{B("\xD0" "A"), 0, 0},              /* not a continuation */
		{B("\x98"), 0, 0},                  /* lone continuation */
		{B("\xFF"), 0, 0},
		{B(""), 0, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int32_t cp = -1;
		size_t n = utf8_decode(cases[i].s, cases[i].len, &cp);
		T_CHECK(n == cases[i].n, "decode case %zu: length %zu, want %zu", i, n, cases[i].n);
		if (cases[i].n)
			T_CHECK(cp == cases[i].cp, "decode case %zu: U+%04X", i, (unsigned)cp);
		else
			T_CHECK(cp == -1, "decode case %zu: cp changed on failure", i);
	}
}

static void test_validate(void)
{
	static const struct {
		const char *s;
		size_t len;
		bool ok;
		size_t off;
		int line, col;
	} cases[] = {
		{B("plain ascii\n"), true, 0, 0, 0},
		{B("Школа № 13\r\n"), true, 0, 0, 0},
		{B("a\0b"), true, 0, 0, 0},
		{B("Школа\xFF"), false, 10, 1, 6},
		{B("a\n\xD0\xB1\xC0"), false, 4, 2, 2},
		{B("a\r\nb\rc\xFF"), false, 6, 3, 2},
		{B("a\n\nb\r\n\r\nc\xED\xA0\x80"), false, 9, 5, 2},
		{B("\xC0\xAF"), false, 0, 1, 1},
		{B("ok \xF0\x9F\x98\x80 then \xF4\x90\x80\x80"), false, 13, 1, 11},
		{B("\xD0"), false, 0, 1, 1},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		utf8_pos bad = {99, 99, 99};
		bool ok = utf8_validate(cases[i].s, cases[i].len, &bad);
		T_CHECK(ok == cases[i].ok, "validate case %zu: %d", i, ok);
		if (!cases[i].ok)
			T_CHECK(bad.off == cases[i].off && bad.line == cases[i].line &&
			                bad.col == cases[i].col,
			        "validate case %zu: off %zu %d:%d, want %zu %d:%d", i, bad.off, bad.line,
			        bad.col, cases[i].off, cases[i].line, cases[i].col);
	}
	T_CHECK(!utf8_validate(B("\xFF"), NULL), "validate with NULL position");
}

static void test_pos_advance(void)
{
	const char *s = "Шк\r\nб\rв\n\nгд";
	utf8_pos p = UTF8_POS_START;
	utf8_pos_advance(&p, s, 4); /* after "Шк" */
	T_CHECK(p.line == 1 && p.col == 3, "after Шк: %d:%d", p.line, p.col);
	utf8_pos_advance(&p, s, 5); /* after CR */
	T_CHECK(p.line == 2 && p.col == 1, "after CR: %d:%d", p.line, p.col);
	utf8_pos_advance(&p, s, 6); /* LF of CRLF is no new line */
	T_CHECK(p.line == 2 && p.col == 1, "after CRLF: %d:%d", p.line, p.col);
	utf8_pos_advance(&p, s, strlen(s));
	T_CHECK(p.line == 5 && p.col == 3 && p.off == strlen(s), "at end: %d:%d", p.line, p.col);
}

static void test_fold(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"ШКОЛА", "школа"},
		{"Школа № 13", "школа № 13"},
		{"ЁЛКА", "ёлка"},                     /* ё stays ё */
		{"е\xCC\x88", "ё"},                   /* е + combining diaeresis composes */
		{"И\xCC\x86", "й"},                   /* macOS-style decomposed Й */
		{"Straße", "strasse"},
		{"ΣΊΣΥΦΟΣ", "σίσυφοσ"},
		{"", ""},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *f = utf8_fold(cases[i].in, strlen(cases[i].in), 0);
		T_STREQ(f, cases[i].want, cases[i].in);
		free(f);
	}
	T_CHECK(utf8_fold(B("a\xFF"), 0) == NULL, "fold of invalid UTF-8 is NULL");
	T_CHECK(utf8_fold(B("\xED\xA0\x80"), 0) == NULL, "fold of a surrogate is NULL");
	char *f = utf8_fold(B("A\0B"), 0);
	T_CHECK(f && f[0] == 'a' && f[1] == 0 && f[2] == 'b', "fold keeps embedded NUL");
	free(f);
	f = utf8_fold(B("ЁЛКА и ёж, Е\xCC\x88ж"), UTF8_FOLD_YO);
	T_STREQ(f, "елка и еж, еж", "fold with UTF8_FOLD_YO");
	free(f);
}

static void test_lower_ru(void)
{
	char s[] = "Ёлка, ёж, Еда, ЯБЛОКО, Abc, Ї, № 5";
	T_STREQ(utf8_lower_ru(s, UTF8_FOLD_YO), "елка, еж, еда, яблоко, abc, Ї, № 5", "lower_ru with ё as е");
	char y[] = "Учёный СОВЕТ, ЁЖ";
	T_STREQ(utf8_lower_ru(y, 0), "учёный совет, ёж", "lower_ru keeping ё");
	static const char all[] = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
	char a[sizeof all];
	memcpy(a, all, sizeof all);
	T_STREQ(utf8_lower_ru(a, 0), "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "lower_ru: the whole alphabet");
	T_CHECK(strlen(a) == strlen(all), "lower_ru keeps the byte length");
	unsigned char o[2];
	utf8_lower_ru_letter((const unsigned char *)"Я", o, 0);
	T_CHECK(!memcmp(o, "я", 2), "lower_ru_letter Я");
	utf8_lower_ru_letter((const unsigned char *)"Ё", o, UTF8_FOLD_YO);
	T_CHECK(!memcmp(o, "е", 2), "lower_ru_letter Ё with ё as е");
	char t[] = "\xD1"; /* truncated lead byte at the end must not be overrun */
	T_STREQ(utf8_lower_ru(t, UTF8_FOLD_YO), "\xD1", "lower_ru truncated");
}

static void test_caseeq(void)
{
	static const struct {
		const char *a, *b;
		bool eq;
	} cases[] = {
		{"Школа", "ШКОЛА", true},
		{"школа", "Школа", true},
		{"оо", "ОО", true},
		{"Ёж", "ёЖ", true},
		{"ёж", "еж", false},                  /* distinct unless UTF8_FOLD_YO */
		{"Школа", "Школа ", false},           /* no trimming here */
		{"й", "И\xCC\x86", true},
		{"abc", "abd", false},
		{"", "", true},
		{"a\xFF", "a\xFF", true},             /* invalid: byte equality */
		{"A\xFF", "a\xFF", false},
		{NULL, NULL, true},
		{NULL, "", false},
		{"", NULL, false},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		T_CHECK(utf8_caseeq(cases[i].a, cases[i].b) == cases[i].eq, "caseeq case %zu", i);
}

static void test_space_trim(void)
{
	static const int32_t spaces[] = {' ', '\t', '\n', '\r', 0x0B, 0x0C, 0x85, 0xA0, 0x1680,
	                                 0x2000, 0x2007, 0x200A, 0x200B, 0x2028, 0x2029,
	                                 0x202F, 0x205F, 0x3000, 0xFEFF};
	static const int32_t not_spaces[] = {'a', 0, '_', 0x2010, 0x200C, 0x0416, 0x1FFF};
	for (size_t i = 0; i < ARRAY_LEN(spaces); i++)
		T_CHECK(utf8_is_space(spaces[i]), "U+%04X is a space", (unsigned)spaces[i]);
	for (size_t i = 0; i < ARRAY_LEN(not_spaces); i++)
		T_CHECK(!utf8_is_space(not_spaces[i]), "U+%04X is not a space", (unsigned)not_spaces[i]);

	static const struct {
		const char *in, *want;
	} cases[] = {
		{"  a  ", "a"},
		{"\xC2\xA0Школа\xE2\x80\xAF", "Школа"},
		{"\t\r\n", ""},
		{"", ""},
		{"a b", "a b"},
		{"\xE3\x80\x80x\xE2\x80\x83", "x"},
		{"\xEF\xBB\xBFx\xE2\x80\x8B", "x"},
		{" \xFF ", "\xFF"},
		{"\xC2\xA0 \xC2\xA0", ""},
		{"я ", "я"},
		{" \xD0\xB0\xC2\xA0\xD0", "\xD0\xB0\xC2\xA0\xD0"}, /* invalid tail stops trimming */
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		size_t n;
		const char *t = utf8_trim(cases[i].in, strlen(cases[i].in), &n);
		char *got = xstrndup(t, n);
		T_STREQ(got, cases[i].want, "trim");
		free(got);
		char *dup = xstrdup(cases[i].in);
		T_STREQ(utf8_trim_inplace(dup), cases[i].want, "trim in place");
		free(dup);
	}
}

static void test_cp1251(void)
{
	static const struct {
		const char *in;
		size_t len;
		int rc;
		const char *want;
		size_t bad;
	} cases[] = {
		{B("\xD8\xEA\xEE\xEB\xE0"), 0, "Школа", 0},
		{B("\xA8\xB8 \xB9 13"), 0, "Ёё № 13", 0},
		{B("\x88 \xAB\xBB \x96"), 0, "€ «» –", 0},
		{B("ascii;1\r\n"), 0, "ascii;1\r\n", 0},
		{B(""), 0, "", 0},
		{B("\x98"), -1, NULL, 0},
		{B("ab\xE0\x98"), -1, NULL, 3},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf out = BUF_INIT;
		size_t bad = 12345;
		int rc = utf8_from_cp1251(cases[i].in, cases[i].len, &out, &bad);
		T_CHECK(rc == cases[i].rc, "cp1251 case %zu: rc %d", i, rc);
		if (!rc)
			T_STREQ(buf_cstr(&out), cases[i].want, "cp1251");
		else
			T_CHECK(bad == cases[i].bad, "cp1251 case %zu: bad offset %zu", i, bad);
		buf_free(&out);
	}
	buf out = BUF_INIT;
	buf_puts(&out, "prefix:");
	T_CHECK(utf8_from_cp1251(B("\xDF"), &out, NULL) == 0, "append");
	T_STREQ(buf_cstr(&out), "prefix:Я", "cp1251 appends");
	buf_free(&out);
}

int main(void)
{
	test_decode();
	test_validate();
	test_pos_advance();
	test_fold();
	test_lower_ru();
	test_caseeq();
	test_space_trim();
	test_cp1251();
	return t_done("utf8");
}
