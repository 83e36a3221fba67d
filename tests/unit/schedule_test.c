/* schedule_test.c — the federal recommendations on assessment schedules
 * (schedule_rules.h): each rule, its near-misses, and class names. */
#include "t.h"
#include "export.h"
#include "import_schedule.h"
#include "schedule_rules.h"
#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static school S1 = {.id = "s-1", .short_name = "СШ № 1"}, S2 = {.id = "s-2", .short_name = "СШ № 2"};

/* A row: school, "DD.MM.YYYY", grade, subject, hours, lesson, lessons_per_day. */
static assessment row(const school *sc, const char *day, const char *grade, const char *subject, int hours,
                      int lesson, int per_day, int line)
{
	assessment r = {0};
	r.sc = sc;
	date_parse(day, &r.on);
	r.grade = grade;
	r.subject = subject;
	r.procedure = "Контрольная работа";
	r.hours = hours;
	r.lesson = lesson;
	r.lessons_per_day = per_day;
	r.at = (pos){"g.csv", line, 1};
	return r;
}

static breach *run(const assessment *rows, size_t n, int per_day, size_t *nb, arena *a)
{
	return sched_breaches(rows, n, per_day, a, nb);
}

static size_t count_kind(const breach *b, size_t n, breach_kind k)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += b[i].kind == k;
	return c;
}

static void test_same_day(arena *a)
{
	assessment rows[] = {
		row(&S1, "15.03.2022", "5", "Математика", 0, 0, 0, 2),    /* whole parallel */
		row(&S1, "15.03.2022", "5А", "Русский язык", 0, 0, 0, 3), /* 5А has two: flagged */
		row(&S1, "15.03.2022", "6А", "История", 0, 0, 0, 4),      /* other parallel: fine */
		row(&S1, "16.03.2022", "5А", "История", 0, 0, 0, 5),      /* next day: fine */
		row(&S2, "15.03.2022", "5А", "Физика", 0, 0, 0, 6),       /* other school: fine */
	};
	size_t n;
	breach *b = run(rows, ARRAY_LEN(rows), 0, &n, a);
	T_CHECK(n == 1 && b[0].kind == BR_SAME_DAY && b[0].row == &rows[1] && b[0].other == &rows[0],
	        "one same-day breach, on 5А against the parallel's row (got %zu)", n);
	if (n)
		T_STREQ(b[0].text,
		        "5А класс, 15 марта 2022\u00a0г.: вторая оценочная процедура за день (уже есть «Математика», "
		        "Контрольная работа, строка 2); рекомендуется не больше одной в день",
		        "same-day text");
	/* Two classes of a parallel on one day, same subject: one procedure of the parallel. */
	assessment par[] = {
		row(&S1, "15.03.2022", "5А", "Математика", 0, 0, 0, 2),
		row(&S1, "15.03.2022", "5Б", "Математика", 0, 0, 0, 3),
	};
	run(par, ARRAY_LEN(par), 0, &n, a);
	T_CHECK(n == 0, "5А and 5Б writing one subject on one day is not a breach (got %zu)", n);
}

static void test_gap(arena *a)
{
	assessment rows[] = {
		row(&S1, "01.03.2022", "5А", "Математика", 0, 0, 0, 2),
		row(&S1, "10.03.2022", "5Б", "математика", 0, 0, 0, 3), /* 9 days, other class, case differs */
		row(&S1, "27.03.2022", "5В", "Математика", 0, 0, 0, 4), /* 17 days after 10.03: flagged */
		row(&S1, "14.04.2022", "5А", "Математика", 0, 0, 0, 5), /* 18 days after 27.03: near-miss */
		row(&S1, "20.04.2022", "6А", "Математика", 0, 0, 0, 6), /* other parallel */
		row(&S1, "21.04.2022", "5А", "Русский язык", 0, 0, 0, 7), /* other subject */
	};
	size_t n;
	breach *b = run(rows, ARRAY_LEN(rows), 0, &n, a);
	T_CHECK(n == 2, "two 2,5-week breaches (got %zu)", n);
	T_CHECK(n >= 1 && b[0].kind == BR_PARALLEL_GAP && b[0].row == &rows[1] && b[0].other == &rows[0],
	        "5Б 9 days after 5А is flagged against 5А");
	T_CHECK(n >= 2 && b[1].row == &rows[2] && b[1].other == &rows[1], "17 days is flagged, against the nearest");
	if (n >= 1)
		T_STREQ(b[0].text,
		        "«математика» в параллели 5-х классов чаще одного раза в 2,5 недели: 5А — 1 марта 2022\u00a0г. "
		        "(строка 2), 5Б — 10 марта 2022\u00a0г., через 9 дней; между такими процедурами нужно не меньше "
		        "18 дней",
		        "2,5-week text names both classes and dates");
	T_CHECK(SCHEDULE_MIN_GAP_DAYS == 18, "the boundary: 17,5 days → 18 whole days");
}

static void test_hours(arena *a)
{
	/* 34 h: 3 procedures allowed, the 4th is flagged; the parallel's row counts for 5А. */
	assessment rows[] = {
		row(&S1, "01.10.2021", "5", "Математика", 0, 0, 0, 2),
		row(&S1, "01.11.2021", "5А", "Математика", 34, 0, 0, 3),
		row(&S1, "01.12.2021", "5А", "Математика", 34, 0, 0, 4),
		row(&S1, "01.02.2022", "5А", "Математика", 34, 0, 0, 5),
		/* 5Б: 30 h, 3 procedures = exactly 10 %: near-miss */
		row(&S1, "02.11.2021", "5Б", "Математика", 30, 0, 0, 6),
		row(&S1, "02.12.2021", "5Б", "Математика", 30, 0, 0, 7),
	};
	size_t n;
	breach *b = run(rows, ARRAY_LEN(rows), 0, &n, a);
	T_CHECK(count_kind(b, n, BR_HOURS) == 1, "one 10 %% breach (got %zu)", count_kind(b, n, BR_HOURS));
	for (size_t i = 0; i < n; i++)
		if (b[i].kind == BR_HOURS) {
			T_CHECK(b[i].row == &rows[3], "the 4th procedure of 5А is flagged");
			T_STREQ(b[i].text,
			        "«Математика», 5А класс: 4-я оценочная процедура за год при 34 ч в год; на них рекомендуется "
			        "не больше 10\u00a0% учебного времени, то есть не больше 3 процедур",
			        "10 % text");
		}
	/* Without hours the rule does not apply. */
	assessment none[] = {
		row(&S1, "01.10.2021", "7А", "Физика", 0, 0, 0, 2), row(&S1, "01.11.2021", "7А", "Физика", 0, 0, 0, 3),
	};
	run(none, ARRAY_LEN(none), 0, &n, a);
	T_CHECK(n == 0, "no hours, no 10 %% check");
}

static void test_lessons(arena *a)
{
	assessment rows[] = {
		row(&S1, "01.10.2021", "5А", "Математика", 170, 1, 0, 2),  /* first lesson */
		row(&S1, "01.11.2021", "6А", "Математика", 170, 6, 6, 3),  /* last of the row's 6 */
		row(&S1, "01.12.2021", "7А", "Алгебра", 102, 6, 0, 4),     /* last of the edition's 6 */
		row(&S1, "02.12.2021", "8А", "Алгебра", 102, 5, 0, 5),     /* 5th of 6: fine */
		row(&S1, "03.12.2021", "9А", "Алгебра", 102, 2, 0, 6),     /* 2nd: fine */
		row(&S1, "04.12.2021", "9Б", "Музыка", 34, 1, 0, 7),       /* one lesson a week: exempt */
		row(&S1, "05.12.2021", "10А", "Химия", 0, 1, 0, 8),        /* hours unknown: not exempt */
	};
	size_t n;
	breach *b = run(rows, ARRAY_LEN(rows), 6, &n, a);
	T_CHECK(count_kind(b, n, BR_FIRST_LESSON) == 2 && count_kind(b, n, BR_LAST_LESSON) == 2,
	        "two first-lesson and two last-lesson breaches (got %zu, %zu)", count_kind(b, n, BR_FIRST_LESSON),
	        count_kind(b, n, BR_LAST_LESSON));
	T_CHECK(n == 4 && b[0].row == &rows[0] && b[1].row == &rows[1] && b[2].row == &rows[2] && b[3].row == &rows[6],
	        "the flagged rows");
	if (n >= 2)
		T_STREQ(b[1].text,
		        "6А класс, 1 ноября 2021\u00a0г.: «Математика» на последнем уроке (6-м из 6); рекомендуется не "
		        "ставить оценочные процедуры на первый и последний уроки",
		        "last-lesson text");
	/* Without lessons_per_day anywhere, only the first lesson is known. */
	b = run(rows, ARRAY_LEN(rows), 0, &n, a);
	T_CHECK(n == 3 && count_kind(b, n, BR_LAST_LESSON) == 1, "without the edition setting: 3 breaches (got %zu)", n);
}

static void test_grades(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"5А", "5А"}, {"5а", "5А"}, {"5 а", "5А"}, {"5-А", "5А"}, {"5 «А»", "5А"}, {"5\"а\"", "5А"},
		{"11б", "11Б"}, {"5a", "5А"}, {"5 B", "5В"}, {"10 я", "10Я"}, {"5", "5"}, {" 5 класс ", "5"},
		{"5 кл.", "5"}, {"ЕГЭ", "ЕГЭ"}, {"5-9", "5-9"}, {"5 профиль", "5 профиль"}, {"", ""},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *g = sched_grade_norm(cases[i].in);
		T_STREQ(g, cases[i].out, cases[i].in);
		free(g);
	}
	T_CHECK(sched_parallel("11Б") == 11 && sched_parallel("ЕГЭ") == 0, "parallels");
	T_CHECK(sched_is_parallel("5") && !sched_is_parallel("5А") && !sched_is_parallel(""), "whole parallels");
}

static void test_cells(void)
{
	static const struct {
		const char *in, *subject, *procedure, *level;
	} cases[] = {
		{"Математика (КР)", "Математика", "Контрольная работа", "школьный"},
		{"КР (математика)", "Математика", "Контрольная работа", "школьный"},
		{"ВПР по математике", "Математика", "ВПР", "федеральный"},
		{"ВПР по русскому языку", "Русский язык", "ВПР", "федеральный"},
		{"Рус. яз. — ВПР", "Русский язык", "ВПР", "федеральный"},
		{"РДР: математика", "Математика", "Региональная диагностическая работа", "региональный"},
		{"МДР - физика", "Физика", "Муниципальная диагностическая работа", "муниципальный"},
		{"История, контрольная работа", "История", "Контрольная работа", "школьный"},
		{"Алгебра КР", "Алгебра", "Контрольная работа", "школьный"},
		{"Итоговая контрольная работа (физика)", "Физика", "Итоговая контрольная работа", "школьный"},
		{"Окр. мир (ВПР)", "Окружающий мир", "ВПР", "федеральный"},
		{"Диктант (рус. яз.)", "Русский язык", "Контрольный диктант", "школьный"},
		{"астрономия (зачёт)", "Астрономия", "Зачёт", "школьный"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *subj, *proc;
		const char *level;
		int rc = sched_item_parse(cases[i].in, &subj, &proc, &level);
		T_CHECK(rc == 0, "«%s» is understood", cases[i].in);
		if (rc)
			continue;
		T_STREQ(subj, cases[i].subject, cases[i].in);
		T_STREQ(proc, cases[i].procedure, cases[i].in);
		T_STREQ(level, cases[i].level, cases[i].in);
		free(subj);
		free(proc);
	}
	static const char *const bad[] = {"Математика", "ВПР", "", "что-то", "(КР)"};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		char *subj, *proc;
		const char *level;
		T_CHECK(sched_item_parse(bad[i], &subj, &proc, &level) == -1 && !subj && !proc,
		        "«%s» names no subject and procedure", bad[i]);
	}
}

/* The JSON of a school's schedule (for its data.json): rows, past, anchors, notes. */
static void test_json(arena *a)
{
	assessment rows[] = {
		row(&S1, "01.03.2022", "5А", "Математика", 170, 3, 0, 2),
		row(&S1, "10.03.2022", "5Б", "Математика", 0, 0, 0, 3),
		row(&S2, "10.03.2022", "5Б", "Физика", 0, 0, 0, 4),
	};
	rows[0].anchor = "p-1";
	rows[1].anchor = "p-2";
	rows[2].anchor = "p-3";
	rows[1].level = "школьный";
	edition ed = {0};
	ed.schedule = rows;
	ed.nschedule = ARRAY_LEN(rows);
	ed.breaches = sched_breaches(rows, ed.nschedule, 0, a, &ed.nbreaches);
	site s = {0};
	s.today = (date){2022, 3, 10};
	ed.as_of = s.today; /* derive's edition «as of» date: «past» is judged by it */
	buf out = BUF_INIT;
	jw w;
	jw_init(&w, &out, 0);
	export_schedule_json(&w, &s, &ed, &S1);
	const char *text = buf_cstr(&out);
	T_CHECK(text && strstr(text, "[{\"date\":\"2022-03-01\",\"grade\":\"5А\",\"subject\":\"Математика\","
	                             "\"procedure\":\"Контрольная работа\",\"hours\":170,\"lesson\":3,"
	                             "\"past\":true,\"anchor\":\"p-1\"}") == text,
	        "first row in full; no level and no notes are left out: %s", text ? text : "(null)");
	T_CHECK(text && strstr(text, "\"level\":\"школьный\",\"anchor\":\"p-2\",\"notes\":[\"«Математика» в параллели"),
	        "the build date is not past (no «past»); the breach is in notes: %s", text ? text : "(null)");
	T_CHECK(text && !strstr(text, "Физика"), "only the school's rows");
	json_t *back = json_loads(text, 0, NULL);
	T_CHECK(back && json_is_array(back) && json_array_size(back) == 2, "jansson reads it back: 2 rows");
	json_decref(back);
	buf_free(&out);
}

int main(void)
{
	test_cells();
	arena *a = arena_new();
	test_same_day(a);
	test_gap(a);
	test_hours(a);
	test_lessons(a);
	test_grades();
	test_json(a);
	arena_free(a);
	return t_done("schedule");
}
