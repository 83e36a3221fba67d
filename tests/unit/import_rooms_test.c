/* import_rooms_test.c — the rooms of `roadmap import` one by one (import_int.h):
 * the shared decoder, Word remnants, the one-cell-per-line layout, the kinds
 * of tables of a programme. */
#include "t.h"
#include "arena.h"
#include "deadline.h"
#include "import_int.h"
#include "textdec.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void test_decoder(void)
{
	static const struct {
		const char *name, *in;
		size_t len;
		int rc;
		const char *text, *msg;
	} cases[] = {
		{"UTF-8 with BOM", "\xEF\xBB\xBFшкола", 0, 0, "школа", NULL},
		{"Windows-1251", "\xF8\xEA\xEE\xEB\xE0", 0, 0, "школа", NULL},
		{"docx", "PK\x03\x04xx", 6, -1, NULL, "документ Word (.docx)"},
		{"rtf", "{\\rtf1 x", 0, -1, NULL, "документ RTF"},
		{"pdf", "%PDF-1.4", 0, -1, NULL, "файл PDF"},
		{"NUL", "ab\0c", 4, -1, NULL, "нулевой байт (0x00): это не текстовый файл"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		diag_list dl = DIAG_LIST_INIT;
		text_decoded d;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		int rc = text_decode(cases[i].in, len, "f.txt", &d, &dl);
		T_CHECK(rc == cases[i].rc, "%s: rc %d", cases[i].name, rc);
		if (cases[i].text && !rc) {
			char *t = xstrndup(d.text, d.len);
			T_STREQ(t, cases[i].text, cases[i].name);
			free(t);
		}
		if (cases[i].msg)
			T_CHECK(dl.n == 1 && strstr(dl.items[0].msg, cases[i].msg), "%s: message «%s»", cases[i].name,
			        dl.n ? dl.items[0].msg : "");
		text_decoded_free(&d);
		diag_list_free(&dl);
	}
}

static void test_remnants(void)
{
	const char *in = "Колонтитул документа управления\n"
	                 "Таблица 3\n"
	                 "№\tМероприятие\tСрок\n"
	                 "1\tА [bookmark: _GoBack]\tмай\n"
	                 "- 2 -\n"
	                 "Колонтитул документа управления\n"
	                 "2\tБ\tиюнь\n"
	                 "Страница 3 из 4\n"
	                 "Колонтитул документа управления\n"
	                 "3\tВ\tиюль\n"
	                 "17\n"
	                 "4\tГ\tавгуст\n"
	                 "5\tД\tсентябрь\n";
	imp_remnants st;
	size_t n;
	char *out = imp_clean_remnants(in, strlen(in), &n, &st);
	T_STREQ(out, "\n\n№\tМероприятие\tСрок\n1\tА \tмай\n\n\n2\tБ\tиюнь\n\n\n3\tВ\tиюль\n\n4\tГ\tавгуст\n5\tД\tсентябрь\n",
	        "remnants dropped, line numbers kept");
	T_CHECK(st.running == 3 && st.captions == 1 && st.pages == 3 && st.bookmarks == 1,
	        "counts: running %zu captions %zu pages %zu bookmarks %zu", st.running, st.captions, st.pages,
	        st.bookmarks);
	free(out);
	/* A line repeated in the table body (a responsible body) is no running header. */
	const char *body = "План\n№\tМероприятие\tСрок\tОтветственные\n1\tА\tмай\tУправление образования\n"
	                   "2\tБ\tмай\tУправление образования\n3\tВ\tмай\tУправление образования\n"
	                   "Руководители ОУ\nРуководители ОУ\nРуководители ОУ\n";
	out = imp_clean_remnants(body, strlen(body), &n, &st);
	T_STREQ(out, body, "repeated lines below the first page stay");
	free(out);
	/* A page number in the last cell of a TAB row, right before the next
	 * page's caption or repeated header, is dropped; the same number in a
	 * row that continues the table is a cell. */
	const char *foot = "№\tМероприятие\tСрок\tОтчёт\n1\tА\tмай\tСправка\n2\tБ\tиюнь\tЖурнал\n\t\t\t2\n"
	                   "Продолжение таблицы 1\n№\tМероприятие\tСрок\tОтчёт\n3\tВ\tиюль\tПротокол\n4\tГ\tавгуст\t\n"
	                   "\t\t\t5\n5\tД\tсентябрь\tСправка\n";
	out = imp_clean_remnants(foot, strlen(foot), &n, &st);
	T_CHECK(out && !strstr(out, "\t\t\t2\n") && strstr(out, "\t\t\t5\n"),
	        "a footer page number dropped, a number cell in the table kept: %s", out ? out : "(null)");
	free(out);
}

static void test_cell_per_line(void)
{
	const char *in = "Дорожная карта\n\n"
	                 "№ п/п\nНаименование мероприятия\nСрок\nОтветственные\nФорма отчета\n1\n2\n3\n4\n5\n"
	                 "1. Первый раздел\n"
	                 "1.1.\nСовещание руководителей\nсентябрь 2021 г.\nУправление образования\nПротокол\n"
	                 "1.2.\nСеминар для учителей\nРМО учителей\nМатериалы\n"
	                 "1.3.\nАнализ результатов\nВПР в 5 классах\nоктябрь 2021 г.\nММЦ\nСправка\n"
	                 "Второй раздел\n"
	                 "2.1.\nКонкурс\nмарт 2022 г.\nММЦ\nПриказ\n"
	                 "Начальник управления\nТ.В. Ермакова\n";
	arena *a = arena_new();
	irows rs = {0};
	date ps, pe;
	deadline_edition_period("2021-2022", &ps, &pe);
	T_CHECK(imp_rows_cell_per_line(a, in, strlen(in), ps, pe, &rs), "layout found");
	static const char *const want[][5] = {
		{"Дорожная карта", NULL, NULL, NULL, NULL},
		{"№ п/п", "Наименование мероприятия", "Срок", "Ответственные", "Форма отчета"},
		{"1. Первый раздел", "", "", "", ""},
		{"1.1.", "Совещание руководителей", "сентябрь 2021 г.", "Управление образования", "Протокол"},
		/* no deadline: the body goes to the responsible column, the deadline stays empty */
		{"1.2.", "Семинар для учителей", "", "РМО учителей", "Материалы"},
		/* a title over two lines, the second in capitals */
		{"1.3.", "Анализ результатов ВПР в 5 классах", "октябрь 2021 г.", "ММЦ", "Справка"},
		/* an unnumbered heading before a new section's first row */
		{"Второй раздел", "", "", "", ""},
		{"2.1.", "Конкурс", "март 2022 г.", "ММЦ", "Приказ"},
		{"Начальник управления", NULL, NULL, NULL, NULL},
		{"Т.В. Ермакова", NULL, NULL, NULL, NULL},
	};
	T_CHECK(rs.n == ARRAY_LEN(want), "%zu rows, want %zu", rs.n, ARRAY_LEN(want));
	for (size_t i = 0; i < rs.n && i < ARRAY_LEN(want); i++)
		for (size_t j = 0; j < 5 && want[i][j]; j++) {
			char what[64];
			snprintf(what, sizeof what, "row %zu cell %zu", i, j);
			T_STREQ(j < rs.v[i].n ? rs.v[i].c[j].text : "(none)", want[i][j], what);
		}
	free(rs.v);
	rs = (irows){0};
	/* Numbers 1, 2, 3 … throughout: an unnumbered heading in ordinary case
	 * is the line left over after a row's columns; a second report line, a
	 * value said in several rows, a sentence, a deadline and a responsible
	 * left over are no heading. */
	const char *flat = "№ п/п\nСодержание работы\nСрок\nИсполнители\nРезультат\n"
	                   "Работа с кадрами\n"
	                   "1.\nСовещание\nсентябрь 2024 г.\nДиректор\nПротокол\n"
	                   "Работа с обучающимися\n"
	                   "2.\nКонсультации\nоктябрь 2024 г.\nУчителя\nАналитическая справка\nПриказ\n"
	                   "3.\nОлимпиада\nноябрь 2024 г.\nУчителя\nИтоги\nРейтинг участников\n"
	                   "4.\nКонкурс\nдекабрь 2024 г.\nУчителя\nИтоги\nРейтинг участников\n"
	                   "5.\nСеминар\nянварь 2025 г.\nУчителя\nМатериалы\nОни размещены на сайте.\n"
	                   "6.\nСобрание\nфевраль 2025 г.\nУчителя\nПротокол\nКлассные руководители\n"
	                   "Контроль и анализ\n"
	                   "7.\nОтчёт\nмай 2025 г.\nДиректор\nОтчёт на сайте\n";
	T_CHECK(imp_rows_cell_per_line(a, flat, strlen(flat), ps, pe, &rs), "flat layout found");
	static const char *const fwant[][5] = {
		{"№ п/п", "Содержание работы", "Срок", "Исполнители", "Результат"},
		{"Работа с кадрами", "", "", "", ""},
		{"1.", "Совещание", "сентябрь 2024 г.", "Директор", "Протокол"},
		{"Работа с обучающимися", "", "", "", ""},
		{"2.", "Консультации", "октябрь 2024 г.", "Учителя", "Аналитическая справка Приказ"},
		{"3.", "Олимпиада", "ноябрь 2024 г.", "Учителя", "Итоги Рейтинг участников"},
		{"4.", "Конкурс", "декабрь 2024 г.", "Учителя", "Итоги Рейтинг участников"},
		{"5.", "Семинар", "январь 2025 г.", "Учителя", "Материалы Они размещены на сайте."},
		{"6.", "Собрание", "февраль 2025 г.", "Учителя", "Протокол Классные руководители"},
		{"Контроль и анализ", "", "", "", ""},
		{"7.", "Отчёт", "май 2025 г.", "Директор", "Отчёт на сайте"},
	};
	T_CHECK(rs.n == ARRAY_LEN(fwant), "flat: %zu rows, want %zu", rs.n, ARRAY_LEN(fwant));
	for (size_t i = 0; i < rs.n && i < ARRAY_LEN(fwant); i++)
		for (size_t j = 0; j < 5 && fwant[i][j]; j++) {
			char what[64];
			snprintf(what, sizeof what, "flat: row %zu cell %zu", i, j);
			T_STREQ(j < rs.v[i].n ? rs.v[i].c[j].text : "(none)", fwant[i][j], what);
		}
	free(rs.v);
	rs = (irows){0};
	/* A first row numbered «1.» right under the header is no row of
	 * column numbers; a grouping column is read like «Задачи». */
	const char *first = "№\nНаправление деятельности\nМероприятия\nСроки\nОтветственные\n"
	                    "1.\nАнализ\nСовещание\nмай 2025 г.\nДиректор\n"
	                    "2.\nСеминар\nиюнь 2025 г.\nДиректор\n";
	T_CHECK(imp_rows_cell_per_line(a, first, strlen(first), ps, pe, &rs), "first-row layout found");
	static const char *const w1[][5] = {
		{"№", "Направление деятельности", "Мероприятия", "Сроки", "Ответственные"},
		{"1.", "Анализ", "Совещание", "май 2025 г.", "Директор"},
		{"2.", "", "Семинар", "июнь 2025 г.", "Директор"},
	};
	T_CHECK(rs.n == ARRAY_LEN(w1), "first: %zu rows, want %zu", rs.n, ARRAY_LEN(w1));
	for (size_t i = 0; i < rs.n && i < ARRAY_LEN(w1); i++)
		for (size_t j = 0; j < 5; j++) {
			char what[64];
			snprintf(what, sizeof what, "first: row %zu cell %zu", i, j);
			T_STREQ(j < rs.v[i].n ? rs.v[i].c[j].text : "(none)", w1[i][j], what);
		}
	free(rs.v);
	rs = (irows){0};
	/* A programme's passport, goals table and indicator table above the
	 * activity table are rebuilt into rows like a TAB paste gives them; a
	 * «Паспорт» heading over prose and lone label words stay prose. */
	const char *prog = "1. Паспорт программы\nЦель программы\nРост качества\nЗадачи программы\n1) первая;\n"
	                   "2) вторая.\n\n"
	                   "Цели\nЗадачи\nРост качества\nПервая задача\nВторая задача\n\n"
	                   "№\nНаименование показателя\nЕд. изм.\nБазовое значение 2021\n2022\n"
	                   "1\nДоля двоек\n%\n12,5\n10\n2\nЧисло школ\n4\n2\n\n"
	                   "Паспорт безопасности\nхранится у директора школы.\nЦели\nРазвитие школы\n\n"
	                   "№\nМероприятие\nСрок\nОтветственные\n1.\nСовещание\nмай 2022 г.\nДиректор\n";
	T_CHECK(imp_rows_cell_per_line(a, prog, strlen(prog), ps, pe, &rs), "programme layout found");
	static const char *const w2[][6] = {
		{"1. Паспорт программы", NULL},
		{"Цель программы", "Рост качества", NULL},
		{"Задачи программы", "1) первая;", NULL},
		{"", "2) вторая.", NULL},
		{"Цели", "Задачи", NULL},
		{"Рост качества", "Первая задача", NULL},
		{"", "Вторая задача", NULL},
		{"№", "Наименование показателя", "Ед. изм.", "Базовое значение 2021", "2022", NULL},
		{"1", "Доля двоек", "%", "12,5", "10", NULL},
		/* a cell missing: the numbers to the right */
		{"2", "Число школ", "", "4", "2", NULL},
		{"Паспорт безопасности", NULL},
		{"хранится у директора школы.", NULL},
		{"Цели", NULL},
		{"Развитие школы", NULL},
		{"№", "Мероприятие", "Срок", "Ответственные", NULL},
		{"1.", "Совещание", "май 2022 г.", "Директор", NULL},
	};
	T_CHECK(rs.n == ARRAY_LEN(w2), "programme: %zu rows, want %zu", rs.n, ARRAY_LEN(w2));
	for (size_t i = 0; i < rs.n && i < ARRAY_LEN(w2); i++) {
		size_t want_n = 0;
		while (want_n < 6 && w2[i][want_n])
			want_n++;
		T_CHECK(rs.v[i].n == want_n, "programme: row %zu has %zu cells, want %zu", i, rs.v[i].n, want_n);
		for (size_t j = 0; j < want_n && j < rs.v[i].n; j++) {
			char what[64];
			snprintf(what, sizeof what, "programme: row %zu cell %zu", i, j);
			T_STREQ(rs.v[i].c[j].text, w2[i][j], what);
		}
	}
	free(rs.v);
	rs = (irows){0};
	/* A cell starting in lower case («доля ОУ …») after finished text is
	 * the next column's when the row would leave its last columns empty;
	 * a title broken over lines, and a responsible broken over lines in a
	 * row that lacks its deadline, stay joined. */
	const char *low = "№\nМероприятие\nСрок\nОтветственные\nПоказатели\n"
	                  "1.1.\nСовещание\nмай 2022 г.\nУправление образования\nдоля ОУ с наблюдателями\n"
	                  "1.2.\nАнализ результатов\nконтрольных работ\nиюнь 2022 г.\nММЦ\nСправка\n"
	                  "1.3.\nСеминар\nУправление образования\nадминистрации города\nПротокол\n";
	T_CHECK(imp_rows_cell_per_line(a, low, strlen(low), ps, pe, &rs), "lower-case layout found");
	static const char *const w3[][5] = {
		{"№", "Мероприятие", "Срок", "Ответственные", "Показатели"},
		{"1.1.", "Совещание", "май 2022 г.", "Управление образования", "доля ОУ с наблюдателями"},
		{"1.2.", "Анализ результатов контрольных работ", "июнь 2022 г.", "ММЦ", "Справка"},
		{"1.3.", "Семинар", "", "Управление образования администрации города", "Протокол"},
	};
	T_CHECK(rs.n == ARRAY_LEN(w3), "lower: %zu rows, want %zu", rs.n, ARRAY_LEN(w3));
	for (size_t i = 0; i < rs.n && i < ARRAY_LEN(w3); i++)
		for (size_t j = 0; j < 5; j++) {
			char what[64];
			snprintf(what, sizeof what, "lower: row %zu cell %zu", i, j);
			T_STREQ(j < rs.v[i].n ? rs.v[i].c[j].text : "(none)", w3[i][j], what);
		}
	free(rs.v);
	rs = (irows){0};
	T_CHECK(!imp_rows_cell_per_line(a, "Просто текст\nбез таблицы\n", 30, ps, pe, &rs) && !rs.n,
	        "no header block: not this layout");
	/* A passport is no activity table: «Наименование программы» names no activities. */
	const char *pass = "№\nНаименование программы\nСроки реализации\nОтветственный исполнитель\n";
	T_CHECK(!imp_rows_cell_per_line(a, pass, strlen(pass), ps, pe, &rs), "a passport block is no header");
	free(rs.v);
	arena_free(a);
}

static void test_table_kinds(void)
{
	static const struct {
		const char *cells[7];
		int kind;
	} cases[] = {
		{{"Цели", "Задачи", NULL}, IMP_T_GOALS},
		{{"№", "Наименование показателя", "Ед. изм.", "2022", "2023", NULL}, IMP_T_INDICATORS},
		{{"Показатель", "Базовое значение", "2024", NULL}, IMP_T_INDICATORS},
		{{"№", "Мероприятие", "Срок", "Показатели", NULL}, IMP_T_NONE},
		{{"№", "Задачи", "Мероприятия", "Срок", NULL}, IMP_T_NONE},
	};
	arena *a = arena_new();
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		irow r = {arena_alloc(a, 7 * sizeof(icell)), 0, 1};
		while (cases[i].cells[r.n]) {
			r.c[r.n] = (icell){cases[i].cells[r.n], 1, 1};
			r.n++;
		}
		T_CHECK(imp_table_kind(&r) == cases[i].kind, "case %zu: kind %d, want %d", i, imp_table_kind(&r),
		        cases[i].kind);
	}
	arena_free(a);
}

/* Column labels as documents word them: the number, the activity, the
 * deadline, the responsible, and the report under its several names. */
static void test_labels(void)
{
	static const struct {
		const char *label;
		int field;
	} cases[] = {
		{"№", F_NUMBER},
		{"Наименование мероприятия", F_TITLE},
		{"Сроки исполнения", F_DEADLINE},
		{"Ответственные исполнители", F_RESP},
		{"Форма отчета", F_REPORT},
		{"Форма завершения", F_REPORT},
		{"Форма завершения мероприятия", F_REPORT},
		{"Ожидаемый результат", F_RESULT},
		{"Выход", F_RESULT},
		{"Выходной документ", F_REPORT},
		{"Дата проведения", F_DEADLINE},
		{"Содержание деятельности", F_TITLE},
		{"п/п", F_NUMBER},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		T_CHECK(imp_classify_label(cases[i].label) == cases[i].field, "«%s» is field %d, got %d",
		        cases[i].label, cases[i].field, imp_classify_label(cases[i].label));
}

int main(void)
{
	test_labels();
	test_decoder();
	test_remnants();
	test_cell_per_line();
	test_table_kinds();
	return t_done("import_rooms");
}
