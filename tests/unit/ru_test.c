/* ru_test.c — Russian dates, month headings, plurals, NBSP-grouped integers and
 * decimals with a comma.  The output must not depend on the machine's locale. */
#include "t.h"
#include "ru.h"
#include "util.h"

#include <limits.h>
#include <locale.h>

#define NBSP "\xC2\xA0"
#define MINUS "\xE2\x88\x92"

static void test_date(void)
{
	static const struct {
		date d;
		const char *want;
	} cases[] = {
		{{2021, 8, 27}, "27 августа 2021" NBSP "г."},
		{{2021, 9, 1}, "1 сентября 2021" NBSP "г."},
		{{2022, 1, 31}, "31 января 2022" NBSP "г."},
		{{2022, 2, 28}, "28 февраля 2022" NBSP "г."},
		{{2024, 2, 29}, "29 февраля 2024" NBSP "г."},
		{{2022, 3, 8}, "8 марта 2022" NBSP "г."},
		{{2022, 4, 12}, "12 апреля 2022" NBSP "г."},
		{{2022, 5, 9}, "9 мая 2022" NBSP "г."},
		{{2022, 6, 1}, "1 июня 2022" NBSP "г."},
		{{2022, 7, 15}, "15 июля 2022" NBSP "г."},
		{{2022, 10, 5}, "5 октября 2022" NBSP "г."},
		{{2022, 11, 4}, "4 ноября 2022" NBSP "г."},
		{{2022, 12, 31}, "31 декабря 2022" NBSP "г."},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		ru_date(&b, cases[i].d);
		T_STREQ(buf_cstr(&b), cases[i].want, "ru_date");
		buf_free(&b);
	}
	/* An unset date appends nothing; ru_date appends (does not replace). */
	buf b = BUF_INIT;
	buf_puts(&b, "до ");
	ru_date(&b, DATE_NONE);
	T_STREQ(buf_cstr(&b), "до ", "ru_date(DATE_NONE) appends nothing");
	ru_date(&b, (date){2022, 5, 1});
	T_STREQ(buf_cstr(&b), "до 1 мая 2022" NBSP "г.", "ru_date appends");
	buf_free(&b);
}

static void test_months(void)
{
	static const char *const nom[] = {"январь", "февраль", "март", "апрель", "май", "июнь",
	                                  "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"};
	static const char *const gen[] = {"января", "февраля", "марта", "апреля", "мая", "июня",
	                                  "июля", "августа", "сентября", "октября", "ноября", "декабря"};
	static const char *const head[] = {"Январь 2022", "Февраль 2022", "Март 2022", "Апрель 2022",
	                                   "Май 2022", "Июнь 2022", "Июль 2022", "Август 2022",
	                                   "Сентябрь 2022", "Октябрь 2022", "Ноябрь 2022", "Декабрь 2022"};
	for (int m = 1; m <= 12; m++) {
		T_STREQ(ru_month_nom(m), nom[m - 1], "ru_month_nom");
		T_STREQ(ru_month_gen(m), gen[m - 1], "ru_month_gen");
		buf b = BUF_INIT;
		ru_month_year(&b, 2022, m);
		T_STREQ(buf_cstr(&b), head[m - 1], "ru_month_year");
		buf_free(&b);
	}
	buf b = BUF_INIT;
	ru_month_year(&b, 2021, 9);
	T_STREQ(buf_cstr(&b), "Сентябрь 2021", "ru_month_year(2021, 9)");
	buf_free(&b);
	T_STREQ(ru_month_nom(0), "", "ru_month_nom(0)");
	T_STREQ(ru_month_nom(13), "", "ru_month_nom(13)");
	T_STREQ(ru_month_gen(-1), "", "ru_month_gen(-1)");
	T_STREQ(ru_month_gen(13), "", "ru_month_gen(13)");
	b = (buf)BUF_INIT;
	ru_month_year(&b, 2021, 13);
	T_STREQ(buf_cstr(&b), " 2021", "ru_month_year of no month");
	buf_free(&b);
}

static void test_month_word(void)
{
	static const struct {
		const char *w;
		int m;
	} cases[] = {
		{"январь", 1}, {"января", 1}, {"январе", 1}, {"январем", 1}, {"январю", 1}, {"февр", 2},
		{"март", 3},   {"марта", 3},  {"марте", 3},  {"мартом", 3},  {"марту", 3},  {"мар", 3},
		{"май", 5},    {"мая", 5},    {"мае", 5},    {"маю", 5},     {"маем", 5},   {"август", 8},
		{"сент", 9},   {"сен", 9},    {"нояб", 11},  {"дек", 12},    {"декабрем", 12},
		/* not months: other words on the same stems, other endings, empty */
		{"ма", 0},     {"маи", 0},    {"мартовский", 0}, {"январский", 0}, {"сентябрьский", 0},
		{"маяк", 0},   {"марш", 0},   {"", 0},       {"Март", 0}, /* lower case only */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		T_CHECK(ru_month_word(cases[i].w) == cases[i].m, "ru_month_word(%s) = %d, want %d", cases[i].w,
		        ru_month_word(cases[i].w), cases[i].m);
	for (int m = 1; m <= 12; m++) {
		T_CHECK(ru_month_word(ru_month_nom(m)) == m, "ru_month_word of the nominative %d", m);
		T_CHECK(ru_month_word(ru_month_gen(m)) == m, "ru_month_word of the genitive %d", m);
	}
}

static void test_plural(void)
{
	static const struct {
		long n;
		const char *want;
	} cases[] = {
		{0, "мероприятий"},   {1, "мероприятие"},   {2, "мероприятия"},   {3, "мероприятия"},
		{4, "мероприятия"},   {5, "мероприятий"},   {9, "мероприятий"},   {10, "мероприятий"},
		{11, "мероприятий"},  {12, "мероприятий"},  {13, "мероприятий"},  {14, "мероприятий"},
		{15, "мероприятий"},  {20, "мероприятий"},  {21, "мероприятие"},  {22, "мероприятия"},
		{24, "мероприятия"},  {25, "мероприятий"},  {100, "мероприятий"}, {101, "мероприятие"},
		{102, "мероприятия"}, {111, "мероприятий"}, {112, "мероприятий"}, {114, "мероприятий"},
		{121, "мероприятие"}, {1000, "мероприятий"}, {1001, "мероприятие"}, {1011, "мероприятий"},
		{-1, "мероприятие"},  {-2, "мероприятия"},  {-5, "мероприятий"},  {-11, "мероприятий"},
		{-21, "мероприятие"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const char *got = ru_plural(cases[i].n, "мероприятие", "мероприятия", "мероприятий");
		T_CHECK(got && !strcmp(got, cases[i].want), "ru_plural(%ld) = %s, want %s", cases[i].n,
		        got ? got : "(null)", cases[i].want);
	}

	static const struct {
		long n;
		const char *want;
	} counts[] = {
		{0, "0 мероприятий"},
		{1, "1 мероприятие"},
		{2, "2 мероприятия"},
		{4, "4 мероприятия"},
		{5, "5 мероприятий"},
		{11, "11 мероприятий"},
		{12, "12 мероприятий"},
		{14, "14 мероприятий"},
		{21, "21 мероприятие"},
		{22, "22 мероприятия"},
		{25, "25 мероприятий"},
		{101, "101 мероприятие"},
		{111, "111 мероприятий"},
		{1000, "1" NBSP "000 мероприятий"},
		{1001, "1" NBSP "001 мероприятие"},
		{2022, "2" NBSP "022 мероприятия"},
	};
	for (size_t i = 0; i < ARRAY_LEN(counts); i++) {
		buf b = BUF_INIT;
		ru_count(&b, counts[i].n, "мероприятие", "мероприятия", "мероприятий");
		T_STREQ(buf_cstr(&b), counts[i].want, "ru_count");
		buf_free(&b);
	}
	buf b = BUF_INIT;
	ru_count(&b, LONG_MIN, "мероприятие", "мероприятия", "мероприятий");
	T_STREQ(buf_cstr(&b), MINUS "9" NBSP "223" NBSP "372" NBSP "036" NBSP "854" NBSP "775" NBSP "808 мероприятий",
	        "ru_count(LONG_MIN)");
	buf_reset(&b);
	ru_count(&b, 3, "школа", "школы", "школ");
	T_STREQ(buf_cstr(&b), "3 школы", "ru_count(3, школа)");
	buf_reset(&b);
	ru_count(&b, 15, "день", "дня", "дней");
	T_STREQ(buf_cstr(&b), "15 дней", "ru_count(15, день)");
	buf_free(&b);
}

static void test_int(void)
{
	static const struct {
		long n;
		const char *want;
	} cases[] = {
		{0, "0"},
		{7, "7"},
		{42, "42"},
		{999, "999"},
		{1000, "1" NBSP "000"},
		{1375, "1" NBSP "375"},
		{12345, "12" NBSP "345"},
		{100000, "100" NBSP "000"},
		{999999, "999" NBSP "999"},
		{1000000, "1" NBSP "000" NBSP "000"},
		{12345678, "12" NBSP "345" NBSP "678"},
		{-1, MINUS "1"},
		{-999, MINUS "999"},
		{-1375, MINUS "1" NBSP "375"},
		{-12345678, MINUS "12" NBSP "345" NBSP "678"},
		{LONG_MAX, "9" NBSP "223" NBSP "372" NBSP "036" NBSP "854" NBSP "775" NBSP "807"},
		{-LONG_MAX, MINUS "9" NBSP "223" NBSP "372" NBSP "036" NBSP "854" NBSP "775" NBSP "807"},
		/* The most negative long: |n| does not fit a long. */
		{LONG_MIN, MINUS "9" NBSP "223" NBSP "372" NBSP "036" NBSP "854" NBSP "775" NBSP "808"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		ru_int(&b, cases[i].n);
		T_CHECK(b.data && !strcmp(b.data, cases[i].want), "ru_int(%ld)\n   got: %s\n  want: %s",
		        cases[i].n, b.data ? b.data : "(null)", cases[i].want);
		buf_free(&b);
	}
}

static void test_num(void)
{
	static const struct {
		double x;
		int decimals;
		const char *want;
	} cases[] = {
		{12.5, 1, "12,5"},
		{12.5, 2, "12,5"},      /* trailing zero dropped */
		{12.0, 2, "12"},        /* no comma for a whole number */
		{12.25, 1, "12,3"},     /* exactly representable: rounds half away from zero */
		{12.04, 1, "12"},
		{12.06, 1, "12,1"},
		{0.5, 1, "0,5"},
		{0.5, 0, "1"},
		{2.5, 0, "3"},
		{1.999, 2, "2"},        /* rounding carries into the whole part */
		{9.96, 1, "10"},
		{0.05, 2, "0,05"},      /* leading zero of the fraction kept */
		{1.05, 3, "1,05"},
		{3.14159, 3, "3,142"},
		{3.14159, 4, "3,1416"},
		{1375.5, 1, "1" NBSP "375,5"},
		{1375.5, 0, "1" NBSP "376"},
		{12345.678, 1, "12" NBSP "345,7"},
		{0.0, 2, "0"},
		{-12.5, 1, MINUS "12,5"},
		{-0.5, 1, MINUS "0,5"},
		{-1375.25, 2, MINUS "1" NBSP "375,25"},
		{-0.001, 1, "0"},       /* rounds to zero: no minus */
		{-0.0, 1, "0"},
		{100.0, 0, "100"},
		{66.666666, 1, "66,7"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		ru_num(&b, cases[i].x, cases[i].decimals);
		T_CHECK(b.data && !strcmp(b.data, cases[i].want), "ru_num(%g, %d)\n   got: %s\n  want: %s",
		        cases[i].x, cases[i].decimals, b.data ? b.data : "(null)", cases[i].want);
		buf_free(&b);
	}
}

/* Acts in the cases the approval and amendment lines need. */
static void test_act(void)
{
	T_STREQ(ru_act("Приказ", RU_INSTR), "приказом", "ru_act instrumental");
	T_STREQ(ru_act("приказ ", RU_GEN), "приказа", "ru_act genitive, trailing space");
	T_STREQ(ru_act("ПРИКАЗ", RU_GEN_PL), "приказов", "ru_act genitive plural, capitals");
	T_STREQ(ru_act("Распоряжение", RU_INSTR), "распоряжением", "ru_act распоряжение");
	T_STREQ(ru_act("Постановление", RU_GEN_PL), "постановлений", "ru_act постановление");
	T_CHECK(ru_act("Письмо", RU_GEN) == NULL, "an act it does not know: NULL");
	T_CHECK(ru_act(NULL, RU_GEN) == NULL, "no act: NULL");
}

/* Names of bodies in the genitive: adjectives agree, words after the noun are kept. */
static void test_genitive(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"Методический совет", "методического совета"},
		{"Педагогический совет МОУ СШ № 1", "педагогического совета МОУ СШ № 1"},
		{"Управляющий совет", "управляющего совета"},
		{"Управление образования администрации Демонстрационного округа",
		 "управления образования администрации Демонстрационного округа"},
		{"Отдел образования", "отдела образования"},
		{"Муниципальное казённое учреждение «Управление образования»",
		 "муниципального казённого учреждения «Управление образования»"},
		{"Методическая служба", "методической службы"},
		{"Общая комиссия", "общей комиссии"},
		{"Большой совет", "большого совета"},
		{"Синее объединение", "синего объединения"},
		{"Комитет по образованию", "комитета по образованию"},
		/* already in the genitive, as the approval line wrote it */
		{"управления образования администрации города Озёрска", "управления образования администрации города Озёрска"},
		{"Отдела образования", "отдела образования"},
		{"муниципального казённого учреждения «Центр»", "муниципального казённого учреждения «Центр»"},
		{"городской администрации", "городской администрации"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		T_CHECK(ru_genitive(&b, cases[i].in), "ru_genitive declines «%s»", cases[i].in);
		T_STREQ(buf_cstr(&b), cases[i].want, "ru_genitive");
		buf_free(&b);
	}
	/* A head noun it does not know: nothing appended, false (shown as written instead). */
	buf b = BUF_INIT;
	buf_puts(&b, "x");
	T_CHECK(!ru_genitive(&b, "Городская дума") && !strcmp(buf_cstr(&b), "x"), "unknown noun: false, nothing appended");
	T_CHECK(!ru_genitive(&b, "МОУ СШ № 1"), "an abbreviation: false");
	T_CHECK(!ru_genitive(&b, "городской думы"), "a genitive noun it does not know: false");
	T_CHECK(!ru_genitive(&b, NULL), "NULL: false");
	buf_free(&b);
}

int main(void)
{
	/* A locale with other separators must not change anything. */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "ru_RU.UTF-8");
	test_date();
	test_months();
	test_month_word();
	test_plural();
	test_int();
	test_num();
	test_act();
	test_genitive();
	return t_done("ru");
}
