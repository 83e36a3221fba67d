/* import_shapes_test.c — `roadmap import` on table shapes beyond the first
 * corpus (import_int.h, docs/import.md «Новые виды документов»): dates in
 * the number column, headers over two lines, rows broken by a page,
 * three-level numbering and sub-items, a passport after the table, contact
 * lines below it. */
#include "t.h"
#include "arena.h"
#include "deadline.h"
#include "import.h"
#include "import_int.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void test_numbers(void)
{
	static const struct {
		const char *s;
		bool number;
	} cases[] = {
		{"1", true},          {"1.", true},         {"1.1.1.", true},   {"12.10", true},
		{"2)", true},         {"IV.", true},        {"30.08.2023", false}, {"01.09", false},
		{"1.09.2023", false}, {"5.2024", false},    {"2023", true},     {"а)", false},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		T_CHECK(imp_number_like(cases[i].s) == cases[i].number, "«%s» number: %d", cases[i].s,
		        !cases[i].number);
}

/* Cells of the rows of text read one cell per line, "|" between cells. */
static char *rows_text(const irows *rs)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < rs->n; i++) {
		for (size_t j = 0; j < rs->v[i].n; j++)
			buf_printf(&b, "%s%s", j ? "|" : "", rs->v[i].c[j].text);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

static void test_cells_header_and_page_break(void)
{
	/* Labels broken over two lines («№» / «п/п», «Планируемый» /
	 * «результат»: the first line names no field alone); a row broken by a
	 * page number and the repeated header, its text going on in lower case;
	 * a deadline broken over the page («в течение» / «учебного года»); a
	 * date in a cell is no row number; a preposition line («на 2023-2024
	 * учебный год») in a row with a cell too many goes back to the title. */
	const char *h = "№\nп/п\nНаименование\nмероприятия\nСрок\nисполнения\nОтветственный\nисполнитель\n"
	                "Планируемый\nрезультат\n";
	buf in = BUF_INIT;
	buf_printf(&in, "План работы\n\n%s", h);
	buf_puts(&in, "1.1\nУтверждение плана контроля\nна 2023-2024 учебный год\nавгуст 2023 г.\nДиректор\nПриказ\n"
	              "1.2\nПедагогический совет\n30.08.2023\nДиректор\nПротокол\n"
	              "1.3\nУчастие учителей в курсах\nпо формированию грамотности\n\n2\n\n");
	buf_puts(&in, h);
	buf_puts(&in, "обучающихся основной школы\nв течение\n\n3\n\n");
	buf_puts(&in, h);
	buf_puts(&in, "учебного года\nЗаместитель директора\nУдостоверения\n");
	arena *a = arena_new();
	irows rs = {0};
	date ps, pe;
	deadline_edition_period("2023-2024", &ps, &pe);
	T_CHECK(imp_rows_cell_per_line(a, in.data, in.len, ps, pe, &rs), "layout found");
	char *got = rows_text(&rs);
	T_STREQ(got,
	        "План работы\n"
	        "№ п/п|Наименование мероприятия|Срок исполнения|Ответственный исполнитель|Планируемый результат\n"
	        "1.1|Утверждение плана контроля на 2023-2024 учебный год|август 2023 г.|Директор|Приказ\n"
	        "1.2|Педагогический совет|30.08.2023|Директор|Протокол\n"
	        "1.3|Участие учителей в курсах по формированию грамотности обучающихся основной школы|"
	        "в течение учебного года|Заместитель директора|Удостоверения\n",
	        "rows");
	free(got);
	free(rs.v);
	buf_free(&in);
	arena_free(a);
}

static char *imported(const char *text);

static void test_contact_lines(void)
{
	static const struct {
		const char *s;
		bool contact;
	} cases[] = {
		{"Исп. Петрова А.В.", true},
		{"Исп.: Петрова А.В., тел. 2-15-17", true},
		{"Исполнитель: Петрова А.В., тел. 8 (48236) 2-15-17", true},
		{"Исполнитель Петрова А.В.", true},
		{"тел. 8 (48236) 2-15-17", true},
		{"Телефон: +7 (48236) 2-15-17", true},
		{"Петрова Анна Викторовна, тел.: 8-48236-2-15-17", true},
		{"e-mail: uo@example.ru", true},
		/* not contacts */
		{"Исполнители программы: общеобразовательные организации", false},
		{"Исполнитель программы — управление образования", false},
		{"Начальник управления образования И.И. Иванов", false},
		{"Телефонная «горячая линия» по вопросам ГИА", false},
		{"2024-2025", false},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		T_CHECK(imp_contact_line(cases[i].s) == cases[i].contact, "«%s» contact: %d", cases[i].s,
		        !cases[i].contact);
	/* Below the table, left out with the phone line after them; the
	 * signature above them keeps its own name only. */
	const char *doc = "УТВЕРЖДЕН приказом управления образования от 01.09.2022 № 5\n\n"
	                  "План мероприятий на 2022-2023 учебный год\n\n"
	                  "№\tМероприятие\tСрок\tОтветственные\n"
	                  "1.\tСовещание\tсентябрь 2022 г.\tУправление образования\n"
	                  "Начальник управления образования муниципального района\tИ.И. Иванов\n"
	                  "Исп. Петрова А.В.\n"
	                  "8 (48236) 2-15-17\n";
	import_opts o = {.fallback_edition = "2022-2023"};
	buf y = BUF_INIT;
	import_stats st;
	diag_list dl = DIAG_LIST_INIT;
	T_CHECK(import_mem(doc, strlen(doc), "f.txt", &o, &y, &st, &dl) == IMPORT_OK, "imported");
	T_CHECK(st.contacts == 2, "2 contact lines, got %zu", st.contacts);
	T_CHECK(strstr(buf_cstr(&y), "signer: \"И.И. Иванов\"\n") != NULL, "signer: %s", buf_cstr(&y));
	T_CHECK(!strstr(buf_cstr(&y), "Петрова") && !strstr(buf_cstr(&y), "2-15-17"), "no contacts in the document");
	size_t notes = 0;
	for (size_t i = 0; i < dl.n; i++)
		notes += dl.items[i].sev == DIAG_NOTE && strstr(dl.items[i].msg, "контактами исполнителя") &&
		         (dl.items[i].line == 8 || dl.items[i].line == 9);
	T_CHECK(notes == 2, "a note at each contact line, got %zu", notes);
	buf_free(&y);
	diag_list_free(&dl);
	/* One cell per line: the contact lines end the last row (they are no
	 * more responsible bodies of it). */
	char *yc = imported("План мероприятий на 2024-2025 учебный год\n\n№\nМероприятие\nСрок\nОтветственные\n"
	                    "1.\nКонсультации\nпо графику\nУчителя-предметники\n\n"
	                    "Исп. Кузьмина О.В., заместитель директора по УВР\nтел. 8 (800) 100-20-30\n");
	T_CHECK(strstr(yc, "responsible: \"Учителя-предметники\"\n") && !strstr(yc, "Кузьмина"), "cells:\n%s", yc);
	free(yc);
}

/* The document import_mem makes of text (the summary and diagnostics
 * dropped); heap. */
static char *imported(const char *text)
{
	import_opts o = {.fallback_edition = "2024-2025"};
	buf y = BUF_INIT;
	import_stats st;
	diag_list dl = DIAG_LIST_INIT;
	int rc = import_mem(text, strlen(text), "f.txt", &o, &y, &st, &dl);
	T_CHECK(rc == IMPORT_OK, "imported (rc %d)", rc);
	diag_list_free(&dl);
	return buf_detach(&y);
}

static void test_passport_after(void)
{
	/* A programme's passport below the activity table, in either layout: a
	 * chapter after the table whose entries are a list, not activities,
	 * sections or flat text; prose above the table with header words stays
	 * prose. */
	const char *tab = "Программа «Успех» на 2024-2025 учебный год\n\n"
	                  "Мероприятия, сроки и исполнители приведены в таблице.\n\n"
	                  "№\tМероприятия\tСроки\tИсполнители\n"
	                  "1. Диагностика\t\t\t\n"
	                  "1.1\tСтартовая диагностика\tсентябрь 2024 г.\tМетодический центр\n"
	                  "1.2\tИтоговая диагностика\tапрель 2025 г.\tМетодический центр\n\n"
	                  "Паспорт программы\n\n"
	                  "Наименование программы\tПрограмма «Успех»\n"
	                  "Сроки реализации\t2024-2025 учебный год\n";
	const char *cells = "Программа «Успех» на 2024-2025 учебный год\n\n"
	                    "Мероприятия, сроки и исполнители\nприведены в таблице.\n"
	                    "№\nМероприятия\nСроки\nИсполнители\n"
	                    "1. Диагностика\n"
	                    "1.1\nСтартовая диагностика\nсентябрь 2024 г.\nМетодический центр\n"
	                    "1.2\nИтоговая диагностика\nапрель 2025 г.\nМетодический центр\n\n"
	                    "Паспорт программы\n\n"
	                    "Наименование программы\nПрограмма «Успех»\n"
	                    "Сроки реализации\n2024-2025 учебный год\n";
	const char *docs[] = {tab, cells};
	for (size_t i = 0; i < ARRAY_LEN(docs); i++) {
		char *y = imported(docs[i]);
		T_CHECK(strstr(y, "chapters:\n  - title: \"Паспорт программы\"\n    text: |-\n"
		                  "      - **Наименование программы**: Программа «Успех»\n"
		                  "      - **Сроки реализации**: 2024-2025 учебный год\n    place: \"after\"\n") != NULL,
		        "layout %zu: the passport is a chapter after the table:\n%s", i, y);
		T_CHECK(strstr(y, "intro: \"Мероприятия, сроки и исполнители приведены в таблице.\"") != NULL,
		        "layout %zu: the prose above the table is the intro", i);
		T_CHECK(strstr(y, "responsible: \"Методический центр\"") != NULL, "layout %zu: «… центр» is responsible", i);
		T_CHECK(!strstr(y, "title: \"Наименование") && !strstr(y, "title: \"Сроки реализации"),
		        "layout %zu: passport entries are no activities", i);
		free(y);
	}
}

static void test_three_levels_and_sub_items(void)
{
	static const struct {
		const char *s;
		size_t len;
	} marks[] = {{"а) текст", 3}, {"б)", 3}, {"1) текст", 2}, {"12) текст", 3}, {"a) text", 2},
	             {"аб) текст", 0}, {"123) текст", 0}, {"1.1) текст", 0}, {"а)текст", 0}, {"А) текст", 0}};
	for (size_t i = 0; i < ARRAY_LEN(marks); i++)
		T_CHECK(imp_submarker_at(marks[i].s) == marks[i].len, "«%s» marker length %zu, got %zu", marks[i].s,
		        marks[i].len, imp_submarker_at(marks[i].s));
	/* «1.» a section, «1.1.» over «1.1.1.» a sub-section (the task of its
	 * activities, column «Подраздел»); sub-items with cells of their own
	 * are activities «1.1.2 а)», text-only ones a list in the title above;
	 * their lead-in keeps its empty deadline (no merged cell). */
	const char *doc = "План мероприятий на 2023-2024 учебный год\n\n"
	                  "№\tМероприятие\tСрок\tОтветственный\n"
	                  "1.\tОрганизация работы\t\t\n"
	                  "1.1.\tНормативное обеспечение\t\t\n"
	                  "1.1.1.\tИздание приказа\tсентябрь 2023 г.\tОтдел образования\n"
	                  "1.1.2.\tСовещания по вопросам:\t\t\n"
	                  "а)\tподготовки к ГИА\tноябрь 2023 г.\tОтдел образования\n"
	                  "б)\tобъективности ВПР\tмарт 2024 г.\tОтдел образования\n"
	                  "1.1.3.\tКорректировка положений:\tоктябрь 2023 г.\tРуководители ОО\n"
	                  "\t1) о текущем контроле;\t\t\n"
	                  "\t2) об оценке качества\t\t\n"
	                  "1.1.4.\tОтчёт\tмай 2024 г.\tОтдел образования\n";
	char *y = imported(doc);
	static const char *const want[] = {
		"  task: \"Подраздел\"\n",
		"  - title: \"Организация работы\"\n    number: \"1\"\n    activities:\n      - number: \"1.1.1.\"\n"
		"        title: \"Издание приказа\"\n        task: \"1.1. Нормативное обеспечение\"\n",
		"      - number: \"1.1.2.\"\n        title: \"Совещания по вопросам:\"\n"
		"        task: \"1.1. Нормативное обеспечение\"\n      - number: \"1.1.2 а)\"\n"
		"        title: \"подготовки к ГИА\"\n",
		"      - number: \"1.1.2 б)\"\n",
		"        title: |-\n          Корректировка положений:\n\n          - 1\\) о текущем контроле;\n"
		"          - 2\\) об оценке качества\n",
		"      - number: \"1.1.4.\"\n",
	};
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		T_CHECK(strstr(y, want[i]) != NULL, "the document has:\n%s\n--- in:\n%s", want[i], y);
	T_CHECK(!strstr(y, "number: \"1.1.\"") && !strstr(y, "title: \"о текущем"), "no sub-section or text sub-item activity");
	free(y);
	/* One cell per line: a marker alone («а)») starts a row; «а) …» lines
	 * inside a cell stay in it, as list items, and are no headings. */
	char *yc = imported("План мероприятий на 2023-2024 учебный год\n\n"
	                    "№\nМероприятие\nСрок\nОтветственный\n"
	                    "1. Организация работы\n"
	                    "1.1.\nНормативное обеспечение\n"
	                    "1.1.1.\nИздание приказа\nсентябрь 2023 г.\nОтдел образования\n"
	                    "1.1.2.\nСовещания по вопросам:\n"
	                    "а)\nподготовки к ГИА\nноябрь 2023 г.\nОтдел образования\n"
	                    "б)\nобъективности ВПР\nмарт 2024 г.\nОтдел образования\n"
	                    "1.1.3.\nКорректировка положений:\n1) о текущем контроле;\n2) об оценке качества\n"
	                    "октябрь 2023 г.\nРуководители ОО\n"
	                    "1.1.4.\nОтчёт\nмай 2024 г.\nОтдел образования\n");
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		T_CHECK(strstr(yc, want[i]) != NULL, "one cell per line: the document has:\n%s\n--- in:\n%s", want[i], yc);
	free(yc);
	/* The marker at the start of the title cell, with cells of its own. */
	yc = imported("План мероприятий на 2023-2024 учебный год\n\n№\tМероприятие\tСрок\n"
	              "1.\tРаздел\t\n1.1\tСеминары:\t\n\tа) для учителей\tноябрь 2023 г.\n"
	              "\tб) для директоров\tмарт 2024 г.\n");
	T_CHECK(strstr(yc, "number: \"1.1 а)\"\n        title: \"для учителей\"\n        deadline: \"ноябрь 2023 г.\"") &&
	            strstr(yc, "number: \"1.1 б)\"\n        title: \"для директоров\""),
	        "title markers with a deadline:\n%s", yc);
	free(yc);
	/* A table numbered «1)», «2)» throughout: those are its activities. */
	y = imported("План на 2023-2024 учебный год\n\n№\tМероприятие\tСрок\n"
	             "1)\tСовещание\tсентябрь 2023 г.\n2)\tСеминар\tоктябрь 2023 г.\n");
	T_CHECK(strstr(y, "number: \"1)\"") && strstr(y, "number: \"2)\""), "«1)», «2)» as written:\n%s", y);
	free(y);
}

static void test_tab_header_two_lines_and_title(void)
{
	/* A TAB header over two lines whose second starts with «п/п» (a number
	 * cell that is no number); a sentence about the document under its
	 * title is no title. */
	char *y = imported("Комплекс мер по повышению качества образования на 2024-2025 учебный год\n\n"
	                   "Комплекс мер включает мероприятия со сроками и исполнителями.\n\n"
	                   "№\tНаименование\tСрок\tОтветственный\n"
	                   "п/п\tмероприятия\tисполнения\tисполнитель\n"
	                   "1\tСоздание рабочей группы\tсентябрь 2024 г.\tКомитет по образованию\n"
	                   "2\tСеминар\tноябрь 2024 г.\tИМЦ\n");
	static const char *const want[] = {
		"title: \"Комплекс мер по повышению качества образования на 2024-2025 учебный год\"\n",
		"intro: \"Комплекс мер включает мероприятия со сроками и исполнителями.\"\n",
		"  number: \"№ п/п\"\n  title: \"Наименование мероприятия\"\n  deadline: \"Срок исполнения\"\n"
		"  responsible: \"Ответственный исполнитель\"\n",
		"      - number: \"1\"\n        title: \"Создание рабочей группы\"\n",
	};
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		T_CHECK(strstr(y, want[i]) != NULL, "the document has:\n%s\n--- in:\n%s", want[i], y);
	T_CHECK(!strstr(y, "п/п\"\n        title"), "«п/п» is no activity");
	free(y);
}

int main(void)
{
	test_tab_header_two_lines_and_title();
	test_three_levels_and_sub_items();
	test_passport_after();
	test_contact_lines();
	test_numbers();
	test_cells_header_and_page_break();
	return t_done("import_shapes");
}
