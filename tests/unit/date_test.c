/* date_test.c — parsing (both forms, impossible dates, garbage), leap years,
 * day numbers and their round trip, weekdays, ISO and iCalendar formatting. */
#include "t.h"
#include "date.h"
#include "util.h"

static void test_parse(void)
{
	static const struct {
		const char *s;
		int rc;
		int y, m, d;
	} cases[] = {
		/* ISO */
		{"2021-09-01", 1, 2021, 9, 1},
		{"1999-12-31", 1, 1999, 12, 31},
		{"0001-01-01", 1, 1, 1, 1},
		{"9999-12-31", 1, 9999, 12, 31},
		{"  2021-09-01\t", 1, 2021, 9, 1},
		/* DD.MM.YYYY */
		{"01.09.2021", 1, 2021, 9, 1},
		{"27.08.2021", 1, 2021, 8, 27},
		{"\t31.12.2022 ", 1, 2022, 12, 31},
		/* leap years */
		{"29.02.2024", 1, 2024, 2, 29},
		{"2024-02-29", 1, 2024, 2, 29},
		{"29.02.2000", 1, 2000, 2, 29},
		{"29.02.2022", -1, 0, 0, 0},
		{"1900-02-29", -1, 0, 0, 0},
		{"2100-02-29", -1, 0, 0, 0},
		/* shaped like a date but impossible */
		{"31.02.2022", -1, 0, 0, 0},
		{"30.02.2024", -1, 0, 0, 0},
		{"31.04.2022", -1, 0, 0, 0},
		{"31.06.2022", -1, 0, 0, 0},
		{"31.09.2022", -1, 0, 0, 0},
		{"31.11.2022", -1, 0, 0, 0},
		{"2022-13-01", -1, 0, 0, 0},
		{"2022-00-10", -1, 0, 0, 0},
		{"2022-01-00", -1, 0, 0, 0},
		{"2022-01-32", -1, 0, 0, 0},
		{"00.01.2022", -1, 0, 0, 0},
		{"15.13.2022", -1, 0, 0, 0},
		{"0000-01-01", -1, 0, 0, 0},
		{"01.01.0000", -1, 0, 0, 0},
		/* not dates at all */
		{"", 0, 0, 0, 0},
		{"   ", 0, 0, 0, 0},
		{"завтра", 0, 0, 0, 0},
		{"2021", 0, 0, 0, 0},
		{"2021-9-1", 0, 0, 0, 0},
		{"1.9.2021", 0, 0, 0, 0},
		{"01.9.2021", 0, 0, 0, 0},
		{"01.09.21", 0, 0, 0, 0},
		{"01/09/2021", 0, 0, 0, 0},
		{"2021/09/01", 0, 0, 0, 0},
		{"20210901", 0, 0, 0, 0},
		{"2021-09-01x", 0, 0, 0, 0},
		{"2021-09-01 12:00", 0, 0, 0, 0},
		{"01.09.2021г.", 0, 0, 0, 0},
		{"x2021-09-01", 0, 0, 0, 0},
		{"2021-09-", 0, 0, 0, 0},
		{"2021-09", 0, 0, 0, 0},
		{"01.09.", 0, 0, 0, 0},
		{"01.", 0, 0, 0, 0},
		{"-2021-09-01", 0, 0, 0, 0},
		{"+2021-09-01", 0, 0, 0, 0},
		{"2021-09-01-01", 0, 0, 0, 0},
		{"21.09.20211", 0, 0, 0, 0},
		{"2021-0a-01", 0, 0, 0, 0},
		{"2021 -09-01", 0, 0, 0, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		date out = {-7, -7, -7};
		int rc = date_parse(cases[i].s, &out);
		T_CHECK(rc == cases[i].rc, "date_parse(\"%s\") = %d, want %d", cases[i].s, rc, cases[i].rc);
		if (cases[i].rc == 1)
			T_CHECK(out.y == cases[i].y && out.m == cases[i].m && out.d == cases[i].d,
			        "date_parse(\"%s\") gave %d-%d-%d", cases[i].s, out.y, out.m, out.d);
		else
			T_CHECK(out.y == -7 && out.m == -7 && out.d == -7,
			        "date_parse(\"%s\") changed *out on failure", cases[i].s);
	}
}

static void test_calendar(void)
{
	static const struct {
		int y;
		bool leap;
	} leaps[] = {{2024, true}, {2023, false}, {2000, true}, {1900, false},
	             {2100, false}, {2400, true}, {1996, true}, {1, false}, {4, true}};
	for (size_t i = 0; i < ARRAY_LEN(leaps); i++)
		T_CHECK(date_leap(leaps[i].y) == leaps[i].leap, "date_leap(%d)", leaps[i].y);

	static const struct {
		int y, m, n;
	} dim[] = {{2022, 1, 31}, {2022, 2, 28}, {2024, 2, 29}, {2000, 2, 29}, {1900, 2, 28},
	           {2022, 4, 30}, {2022, 6, 30}, {2022, 9, 30}, {2022, 11, 30}, {2022, 12, 31},
	           {2022, 0, 0},  {2022, 13, 0}, {2022, -1, 0}};
	for (size_t i = 0; i < ARRAY_LEN(dim); i++)
		T_CHECK(date_days_in_month(dim[i].y, dim[i].m) == dim[i].n, "date_days_in_month(%d, %d) = %d",
		        dim[i].y, dim[i].m, date_days_in_month(dim[i].y, dim[i].m));

	static const struct {
		int y, m, d;
		bool ok;
	} valid[] = {{2022, 2, 28, true},  {2022, 2, 29, false}, {2024, 2, 29, true},
	             {2022, 12, 31, true}, {2022, 12, 32, false}, {2022, 0, 1, false},
	             {0, 1, 1, false},     {10000, 1, 1, false}, {9999, 12, 31, true},
	             {2022, 1, 0, false},  {2022, 1, -1, false}};
	for (size_t i = 0; i < ARRAY_LEN(valid); i++)
		T_CHECK(date_valid(valid[i].y, valid[i].m, valid[i].d) == valid[i].ok, "date_valid(%d, %d, %d)",
		        valid[i].y, valid[i].m, valid[i].d);

	T_CHECK(!date_is_set(DATE_NONE), "DATE_NONE is not set");
	T_CHECK(date_is_set((date){2021, 9, 1}), "2021-09-01 is set");

	date e = date_month_end(2024, 2);
	T_CHECK(e.y == 2024 && e.m == 2 && e.d == 29, "month end of 2024-02: %d-%d-%d", e.y, e.m, e.d);
	e = date_month_end(2023, 2);
	T_CHECK(e.d == 28, "month end of 2023-02: %d", e.d);
	e = date_month_end(2021, 12);
	T_CHECK(e.y == 2021 && e.m == 12 && e.d == 31, "month end of 2021-12");
}

static void test_days(void)
{
	static const struct {
		date d;
		long days;
	} cases[] = {
		{{1970, 1, 1}, 0},
		{{1970, 1, 2}, 1},
		{{1969, 12, 31}, -1},
		{{2000, 1, 1}, 10957},
		{{2000, 3, 1}, 11017},
		{{2021, 9, 1}, 18871},
		{{2024, 2, 29}, 19782},
		{{1, 1, 1}, -719162},
		{{9999, 12, 31}, 2932896},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		date d = cases[i].d;
		long z = date_to_days(d);
		T_CHECK(z == cases[i].days, "date_to_days(%d-%d-%d) = %ld, want %ld", d.y, d.m, d.d, z,
		        cases[i].days);
		date b = date_from_days(cases[i].days);
		T_CHECK(date_cmp(b, d) == 0, "date_from_days(%ld) = %d-%d-%d", cases[i].days, b.y, b.m, b.d);
	}

	/* Every day from 0001-01-01 to 9999-12-31: consecutive numbers, exact round trip. */
	long bad = 0, z0 = date_to_days((date){1, 1, 1});
	long z = z0;
	for (int y = 1; y <= 9999; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++, z++) {
				date a = {y, m, d};
				if (date_to_days(a) != z) {
					if (!bad++)
						printf("  first mismatch: %d-%d-%d -> %ld, want %ld\n", y, m, d,
						       date_to_days(a), z);
					continue;
				}
				date b = date_from_days(z);
				if (b.y != y || b.m != m || b.d != d) {
					if (!bad++)
						printf("  first mismatch: %ld -> %d-%d-%d\n", z, b.y, b.m, b.d);
				}
			}
	T_CHECK(bad == 0, "day number round trip: %ld mismatches", bad);
	T_CHECK(z - z0 == 3652059, "days in 0001..9999: %ld", z - z0);

	static const struct {
		date a;
		long n;
		date want;
	} add[] = {
		{{2021, 12, 31}, 1, {2022, 1, 1}},
		{{2024, 2, 28}, 1, {2024, 2, 29}},
		{{2023, 2, 28}, 1, {2023, 3, 1}},
		{{2024, 3, 1}, -1, {2024, 2, 29}},
		{{2021, 9, 1}, 0, {2021, 9, 1}},
		{{2021, 9, 1}, 365, {2022, 9, 1}},
		{{2021, 9, 1}, -365, {2020, 9, 1}},
	};
	for (size_t i = 0; i < ARRAY_LEN(add); i++) {
		date r = date_add_days(add[i].a, add[i].n);
		T_CHECK(date_cmp(r, add[i].want) == 0, "date_add_days(%d-%d-%d, %ld) = %d-%d-%d", add[i].a.y,
		        add[i].a.m, add[i].a.d, add[i].n, r.y, r.m, r.d);
	}
}

static int sign(int x)
{
	return x < 0 ? -1 : x > 0;
}

static void test_cmp(void)
{
	static const struct {
		date a, b;
		int want;
	} cases[] = {
		{{2021, 9, 1}, {2021, 9, 1}, 0},
		{{2021, 9, 1}, {2021, 9, 2}, -1},
		{{2021, 10, 1}, {2021, 9, 30}, 1},
		{{2020, 12, 31}, {2021, 1, 1}, -1},
		{{0, 0, 0}, {1, 1, 1}, -1},  /* unset sorts first */
		{{2021, 1, 1}, {0, 0, 0}, 1},
		{{0, 0, 0}, {0, 0, 0}, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int c = sign(date_cmp(cases[i].a, cases[i].b));
		T_CHECK(c == cases[i].want, "date_cmp case %zu = %d, want %d", i, c, cases[i].want);
		int r = sign(date_cmp(cases[i].b, cases[i].a));
		T_CHECK(r == -cases[i].want, "date_cmp case %zu reversed = %d", i, r);
	}
}

static void test_weekday(void)
{
	static const struct {
		date d;
		int wd;
	} cases[] = {
		{{1970, 1, 1}, 3},   /* Thursday */
		{{1969, 12, 31}, 2}, /* Wednesday, negative day number */
		{{1969, 12, 29}, 0}, /* Monday */
		{{2021, 9, 1}, 2},   /* Wednesday */
		{{2021, 8, 27}, 4},  /* Friday */
		{{2022, 3, 15}, 1},  /* Tuesday */
		{{2024, 2, 29}, 3},  /* Thursday */
		{{2022, 1, 2}, 6},   /* Sunday */
		{{2022, 1, 1}, 5},   /* Saturday */
		{{2000, 1, 1}, 5},   /* Saturday */
		{{1, 1, 1}, 0},      /* Monday (proleptic Gregorian) */
		{{1900, 1, 1}, 0},   /* Monday */
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		date d = cases[i].d;
		int w = date_weekday(d);
		T_CHECK(w == cases[i].wd, "date_weekday(%d-%d-%d) = %d, want %d", d.y, d.m, d.d, w, cases[i].wd);
	}
	/* Seven consecutive days cover every weekday once. */
	int seen = 0;
	for (int i = 0; i < 7; i++)
		seen |= 1 << date_weekday(date_add_days((date){2021, 9, 1}, i));
	T_CHECK(seen == 0x7f, "seven days give every weekday: %#x", seen);
}

static void test_format(void)
{
	static const struct {
		date d;
		const char *iso, *basic;
	} cases[] = {
		{{2021, 9, 1}, "2021-09-01", "20210901"},
		{{2024, 2, 29}, "2024-02-29", "20240229"},
		{{1999, 12, 31}, "1999-12-31", "19991231"},
		{{1, 1, 1}, "0001-01-01", "00010101"},
		{{9999, 12, 31}, "9999-12-31", "99991231"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char iso[11], basic[9];
		memset(iso, 'X', sizeof iso);
		memset(basic, 'X', sizeof basic);
		date_iso(cases[i].d, iso);
		date_basic(cases[i].d, basic);
		T_STREQ(iso, cases[i].iso, "date_iso");
		T_STREQ(basic, cases[i].basic, "date_basic");
		/* and back */
		date back;
		T_CHECK(date_parse(iso, &back) == 1 && date_cmp(back, cases[i].d) == 0, "parse(date_iso(%s))",
		        iso);
	}
	/* Out-of-range values must still fit the buffers (no overflow, NUL-terminated). */
	char iso[12], basic[10];
	iso[11] = basic[9] = '#';
	date_iso((date){123456, 123, -5}, iso);
	date_basic((date){123456, 123, -5}, basic);
	T_CHECK(strlen(iso) == 10 && iso[11] == '#', "date_iso of a wild date stays in 11 bytes: %s", iso);
	T_CHECK(strlen(basic) == 8 && basic[9] == '#', "date_basic of a wild date stays in 9 bytes: %s", basic);
}

int main(void)
{
	test_parse();
	test_calendar();
	test_days();
	test_cmp();
	test_weekday();
	test_format();
	return t_done("date");
}
