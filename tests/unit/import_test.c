/* import_test.c — roadmap import: cell conversion, bodies, YAML quoting, and
 * whole tables read back through yamlread (the output must parse and hold
 * exactly the values expected). */
#include "t.h"
#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "import.h"
#include "util.h"
#include "yamlread.h"

#include <stdlib.h>
#include <string.h>

static void test_markdown(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"Анализ результатов ГИА-9", "Анализ результатов ГИА-9"},
		{"  много   пробелов  ", "много пробелов"},
		{"", ""},
		/* sub-items after a colon become a list; a dash before a digit stays */
		{"Проведение мониторинга: - выполнение программ - результаты успеваемости",
		 "Проведение мониторинга:\n\n- выполнение программ\n- результаты успеваемости"},
		{"Контроль над: - успеваемостью; - внеурочной деятельностью;",
		 "Контроль над:\n\n- успеваемостью;\n- внеурочной деятельностью;"},
		{"по результатам ГИА - 2020", "по результатам ГИА - 2020"},
		{"выпускников 11 классов - участие в тренировочных мероприятиях",
		 "выпускников 11 классов - участие в тренировочных мероприятиях"},
		{"Отчёт: - ГИА - 2020", "Отчёт:\n\n- ГИА - 2020"},
		{"- один пункт", "- один пункт"},
		{"Строка\n- пункт первый\n- пункт второй", "Строка\n\n- пункт первый\n- пункт второй"},
		{"Первая строка\nпродолжение строки", "Первая строка продолжение строки"},
		{"Первый абзац.\nВторой абзац.", "Первый абзац.\n\nВторой абзац."},
		/* HTML remnants: paragraphs, lists without <li>, entities, bold */
		{"<p>Мониторинг</p> <ul style=\"list-style-type: none\"> - участия; - охвата;",
		 "Мониторинг\n\n- участия;\n- охвата;"},
		{"<ul><li>один</li><li>два</li></ul>", "- один\n- два"},
		{"<p>Начало списка</p><ul>- доля 9 класса;- доля 11 класса;</ul>",
		 "Начало списка\n\n- доля 9 класса;\n- доля 11 класса;"},
		{"- доля выпускников, от <p>общего числа выпускников;</p>", "- доля выпускников, от общего числа выпускников;"},
		{"<b>Важно:</b> сдать отчёт", "**Важно:** сдать отчёт"},
		{"<strong> жирный </strong>текст", "**жирный** текст"},
		{"<b></b>пусто", "пусто"},
		{"слово<b>«Имя»</b>", "слово«Имя»"},
		{"<i>курсив</i> и <em>ещё</em>", "*курсив* и *ещё*"},
		{"**Заголовок** из Word", "**Заголовок** из Word"},
		{"одна ** звезда", "одна \\*\\* звезда"},
		{"A&nbsp;B &laquo;C&raquo; &amp; D &#8470; 5 &#x41;", "A B «C» & D № 5 A"},
		{"&amp;lt; стало &lt;", "\\&lt; стало \\<"},
		{"<script>alert(1)</script>текст", "alert(1)текст"},
		{"<a href=\"javascript:x\">ссылка</a>", "ссылка"},
		{"<!-- комментарий -->видно", "видно"},
		{"a<br>b", "a b"},
		{"Перечень<br>Второй", "Перечень\n\nВторой"},
		/* Markdown punctuation renders as written */
		{"1. Не список", "1\\. Не список"},
		{"2) тоже", "2\\) тоже"},
		{"# не заголовок", "\\# не заголовок"},
		{"> не цитата", "\\> не цитата"},
		{"+ плюс", "\\+ плюс"},
		{"* звёздочка", "\\* звёздочка"},
		{"a_b *c* [d](e) `f` \\g <5 лет", "a\\_b \\*c\\* \\[d\\](e) \\`f\\` \\\\g \\<5 лет"},
		{"<ОУ №4>", "\\<ОУ №4>"},
		{"2020-2021 учебный год", "2020-2021 учебный год"},
		{"• первый • второй", "- первый\n- второй"},
		{"Задачи: \xEF\x82\xB7 первая", "Задачи:\n\n- первая"},
		/* invisible and control characters are dropped */
		{"мяг\xC2\xADкий\xE2\x80\x8B знак\x01\x7F", "мягкий знак"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = import_cell_markdown(cases[i].in);
		T_STREQ(got, cases[i].want, cases[i].in);
		free(got);
	}
}

static void test_plain(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"<p>Август –сентябрь 2020 года</p>", "Август –сентябрь 2020 года"},
		{"  в течение\n года ", "в течение года"},
		{"**ПЛАН**", "ПЛАН"},
		{"a&nbsp;&nbsp;b", "a b"},
		{"x<br/>y", "x y"},
		{"<5 лет", "<5 лет"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char *got = import_cell_plain(cases[i].in);
		T_STREQ(got, cases[i].want, cases[i].in);
		free(got);
	}
}

static void test_bodies(void)
{
	static const struct {
		const char *in;
		size_t n;
		const char *first, *last;
	} cases[] = {
		{"МКУ «ЦОДСО города Кимры», ОО", 2, "МКУ «ЦОДСО города Кимры»", "ОО"},
		{"МКУ «ЦОДСО города Кимры»", 1, "МКУ «ЦОДСО города Кимры»", "МКУ «ЦОДСО города Кимры»"},
		{"Скворцова Н.Г. Руководители ОУ", 1, "Скворцова Н.Г. Руководители ОУ", "Скворцова Н.Г. Руководители ОУ"},
		{"Отдел образования, ОО; МКОУ ДОД «Центр, развития»", 3, "Отдел образования", "МКОУ ДОД «Центр, развития»"},
		{"Комиссия (председатель, секретарь), ОО", 2, "Комиссия (председатель, секретарь)", "ОО"},
		{"МОУ \"СШ № 1, 2\", ОО", 2, "МОУ \"СШ № 1, 2\"", "ОО"},
		{"Иванов И.И.\nПетров П.П.", 2, "Иванов И.И.", "Петров П.П."},
		{"<p>Отдел</p><p>Школы</p>", 2, "Отдел", "Школы"},
		{"а, , б,", 2, "а", "б"},
		/* a number list and a person's post stay with their body */
		{"Классные руководители 9, 11 классов", 1, "Классные руководители 9, 11 классов",
		 "Классные руководители 9, 11 классов"},
		{"Сидорова Е.В., директор", 1, "Сидорова Е.В., директор", "Сидорова Е.В., директор"},
		{"Петрова А.С., Иванова И.И., учитель информатики", 2, "Петрова А.С.", "Иванова И.И., учитель информатики"},
		{"Е. В. Сидорова, заместитель директора", 1, "Е. В. Сидорова, заместитель директора",
		 "Е. В. Сидорова, заместитель директора"},
		/* but not bodies: a lower-case word after a body that is no person */
		{"Отдел образования, руководители ОО", 2, "Отдел образования", "руководители ОО"},
		{"ОУ № 5, 7", 1, "ОУ № 5, 7", "ОУ № 5, 7"},
		{"Приказ 2, ОО", 2, "Приказ 2", "ОО"},
		{"", 0, NULL, NULL},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char **v;
		size_t n = import_split_bodies(cases[i].in, &v);
		T_CHECK(n == cases[i].n, "%s: %zu bodies, want %zu", cases[i].in, n, cases[i].n);
		if (n && n == cases[i].n) {
			T_STREQ(v[0], cases[i].first, cases[i].in);
			T_STREQ(v[n - 1], cases[i].last, cases[i].in);
		}
		import_strs_free(v, n);
	}
}

/* Every string survives `key: <quoted>` through the project's YAML reader. */
static void test_quoting(void)
{
	static const char *const cases[] = {
		"1.10", "1.", "5.5.", "-1", "- начало", "* звезда", "[список]", "{карта}", "@home", "`код`",
		"ключ: значение", "текст # не комментарий", "#", "yes", "no", "null", "~", "true", "0x1F",
		"'одинарные'", "\"двойные\"", "обратный \\ слэш", "строка\nвторая", "таб\tулятор", "  пробелы  ",
		"!тег", "&якорь", "*ссылка", "%процент", "|", ">", "---", "...", "?", ":", "", "«ёлка» № 5",
		"\xC2\x85NEL \xE2\x80\xA8LS \xE2\x80\xA9PS", "\xEF\xBB\xBF" "BOM",
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		buf b = BUF_INIT;
		buf_puts(&b, "k: ");
		import_yaml_quoted(&b, cases[i]);
		buf_putc(&b, '\n');
		arena *a = arena_new();
		diag_list dl = DIAG_LIST_INIT;
		ynode *root = yaml_parse(a, "t.yaml", b.data, b.len, &dl);
		const ynode *v = root ? y_get(root, "k") : NULL;
		T_CHECK(v && v->kind == Y_SCALAR && !v->plain, "%s: not a quoted scalar (%s)", cases[i], b.data);
		if (v && v->kind == Y_SCALAR)
			T_STREQ(v->s, cases[i], b.data);
		diag_list_free(&dl);
		arena_free(a);
		buf_free(&b);
	}
}

/* The node at a dotted path («sections.0.activities.1.title»); a final «#»
 * gives the number of items as text in buf num. */
static const char *at(const ynode *n, const char *path, char num[32])
{
	char *p = xstrdup(path);
	const char *out = NULL;
	for (char *tok = strtok(p, "."); tok && n; tok = strtok(NULL, ".")) {
		if (!strcmp(tok, "#")) {
			snprintf(num, 32, "%zu", n->kind == Y_SCALAR ? (size_t)0 : n->n);
			out = num;
			n = NULL;
			break;
		}
		if (n->kind == Y_SEQ) {
			size_t i = (size_t)atoi(tok);
			n = i < n->n ? n->items[i] : NULL;
		} else {
			n = y_get(n, tok);
		}
	}
	if (n && n->kind == Y_SCALAR)
		out = n->s;
	free(p);
	return out;
}

typedef struct check {
	const char *path, *want; /* want NULL: the path must be absent */
} check;

typedef struct table_case {
	const char *name, *input;
	size_t len;               /* 0: strlen */
	int rc;
	size_t acts, conts;
	check checks[16];
} table_case;

static const table_case TABLES[] = {
	{"tab paste with sections, continuation, sub-items",
	 "\n**УТВЕРЖДЕНО**\nприказом от 29.12.2018 г. № 170\n\n"
	 "Дорожная карта повышения качества\nобразования на 2021-2022 учебный год\n\n"
	 "Цель – повысить качество.\n\nЗадачи:\n- 1) Провести анализ; 2) Оказать помощь.\n- 3) Подвести итоги.\n\n"
	 "№ п/п\tМероприятия\tСроки\tОтветственные\n"
	 "1. Анализ результатов\t\t\t\n"
	 "1.1\tАнализ ГИА-9\tсентябрь\tОтдел образования, ОО\n"
	 "1.2.\tВнедрение индивидуальных\tв течение\tМКУ «ЦОДСО\n\n"
	 "\tобразовательных траекторий\tгода\tгорода Кимры»\n"
	 "1.10\tМониторинг: - выполнения программ\tапрель\tОО\n"
	 "\t- результатов успеваемости\tиюнь\t\n"
	 "2. Помощь школам\t\t\t\n"
	 "2.1\tСобеседования\tкогда получится\tОтдел образования\n",
	 0, IMPORT_OK, 4, 2,
	 {{"title", "Дорожная карта повышения качества образования на 2021-2022 учебный год"},
	  {"approved.number", "170"},
	  {"approved.date", "2018-12-29"},
	  {"approved.act", "Приказ"},
	  {"goal", "повысить качество."},
	  {"tasks.#", "3"},
	  {"tasks.1", "Оказать помощь."},
	  {"columns.deadline", "Сроки"},
	  {"sections.0.number", "1"},
	  {"sections.0.title", "Анализ результатов"},
	  {"sections.0.activities.1.title", "Внедрение индивидуальных образовательных траекторий"},
	  {"sections.0.activities.1.deadline", "в течение года"},
	  {"sections.0.activities.1.responsible", "МКУ «ЦОДСО города Кимры»"},
	  {"sections.0.activities.2.title", "Мониторинг:\n\n- выполнения программ\n- результатов успеваемости"},
	  {"sections.0.activities.2.deadline", "апрель июнь"},
	  {"sections.0.activities.0.responsible.1", "ОО"}}},
	{"numbers kept as written, schools left out",
	 "№\tМероприятие\tСрок\n1.1.\tА\tмай\n1.10\tБ\tмай\n5.5.\tВ\tмай\n",
	 0, IMPORT_OK, 3, 0,
	 {{"sections.#", "1"},
	  {"sections.0.title", "Мероприятие"},
	  {"sections.0.activities.0.number", "1.1."},
	  {"sections.0.activities.1.number", "1.10"},
	  {"sections.0.activities.2.number", "5.5."},
	  {"sections.0.activities.0.schools", NULL},
	  {"approved", NULL}}},
	{"Windows-1251 CSV with ; and quotes",
	 "\xB9;\xCC\xE5\xF0\xEE\xEF\xF0\xE8\xFF\xF2\xE8\xE5;\xD1\xF0\xEE\xEA\xE8;"
	 "\xCE\xF2\xE2\xE5\xF2\xF1\xF2\xE2\xE5\xED\xED\xFB\xE5\r\n"
	 "1.;\xC0\xED\xE0\xEB\xE8\xE7 \xF0\xE5\xE7\xF3\xEB\xFC\xF2\xE0\xF2\xEE\xE2;;\r\n"
	 "1.1;\"\xD1\xE1\xEE\xF0 \xE4\xE0\xED\xED\xFB\xF5; \xEE\xF2\xF7\xB8\xF2\";\xEC\xE0\xE9;"
	 "\"\xCE\xF2\xE4\xE5\xEB \xEE\xE1\xF0\xE0\xE7\xEE\xE2\xE0\xED\xE8\xFF, \xCE\xCE\"\r\n",
	 0, IMPORT_OK, 1, 0,
	 {{"sections.0.number", "1"},
	  {"sections.0.title", "Анализ результатов"},
	  {"sections.0.activities.0.title", "Сбор данных; отчёт"},
	  {"sections.0.activities.0.deadline", "май"},
	  {"sections.0.activities.0.responsible.0", "Отдел образования"},
	  {"columns.number", "№"}}},
	{"task column: rows without number and task are further activities",
	 "№\tЗадачи\tМероприятия\tСроки\tПоказатели\n"
	 "1\tПовысить квалификацию\tКурсы для учителей\tсентябрь\t100%\n"
	 "\t\tСеминары для завучей\tоктябрь\t\n"
	 "\t\tпо математике\t\t\n"
	 "2\tПоддержать школы\tВыезды в школы\tноябрь\t\n",
	 0, IMPORT_OK, 3, 1,
	 {{"sections.0.activities.0.task", "Повысить квалификацию"},
	  {"sections.0.activities.1.task", "Повысить квалификацию"},
	  {"sections.0.activities.1.number", NULL},
	  {"sections.0.activities.1.title", "Семинары для завучей по математике"},
	  {"sections.0.activities.0.indicator", "100%"},
	  {"sections.0.activities.2.task", "Поддержать школы"},
	  {"columns.indicator", "Показатели"}}},
	{"section rows: merged heading, number with title, roman, unnumbered",
	 "№\tМероприятие\tСрок\tОтветственный\n"
	 "Мероприятия, предусматривающие анализ\t\t\t\n"
	 "1\tАнализ\tмай\tОО\n"
	 "2.\tВторой раздел\t\t\n"
	 "2.1\tРабота\tмай\tОО\n"
	 "III.\tТретий раздел\t\t\n"
	 "3.1\tРабота\tмай\tОО\n"
	 "<p>4. Четвёртый раздел</p>\t\t\t\n"
	 "4.1\tРабота\tмай\tОО\n",
	 0, IMPORT_OK, 4, 0,
	 {{"sections.#", "4"},
	  {"sections.0.number", NULL},
	  {"sections.0.title", "Мероприятия, предусматривающие анализ"},
	  {"sections.0.activities.0.number", "1"},
	  {"sections.1.number", "2"},
	  {"sections.1.title", "Второй раздел"},
	  {"sections.2.number", "III"},
	  {"sections.3.number", "4"},
	  {"sections.3.title", "Четвёртый раздел"}}},
	{"noise: repeated header, column numbers, rules, lost number cell",
	 "№\tМероприятие\tСрок\tОтветственный\tРезультат\n"
	 "1\t2\t3\t4\t5\n"
	 "1\tДоля выпускников, от\tмай\tОО\tСправка\n"
	 "<p>общего числа</p>\t\t\t\n"
	 "-----------\t--\t--\t--\n"
	 "\tвыпускников\t\t\t\n"
	 "№\tМероприятие\tСрок\tОтветственный\tРезультат\n"
	 "2\tВторое\tиюнь\tОО\tОтчёт\n"
	 "Начальник отдела\n",
	 0, IMPORT_OK, 2, 2,
	 {{"sections.0.activities.0.title", "Доля выпускников, от общего числа выпускников"},
	  {"sections.0.activities.1.number", "2"},
	  {"sections.0.activities.1.result", "Отчёт"},
	  {"sections.0.activities.2", NULL}}},
	{"approval: ПРИКАЗ block and signature",
	 "**ОТДЕЛ ОБРАЗОВАНИЯ\nАДМИНИСТРАЦИИ ГОРОДА**\n\nПРИКАЗ\n\n27.08.2021\n\n№ 218\n\nОб утверждении плана\n\n"
	 "Начальник отдела\n\nТ.В. Ермакова\n\nПлан мероприятий\n\n"
	 "№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.act", "Приказ"},
	  {"approved.authority", "ОТДЕЛ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА"},
	  {"approved.number", "218"},
	  {"approved.date", "2021-08-27"},
	  {"approved.signer", "Т.В. Ермакова"},
	  {"approved.signer_title", "Начальник отдела"},
	  {"kind", "план"},
	  {"title", "План мероприятий"}}},
	{"approval: protocol and УТВЕРЖДАЮ",
	 "Протокол № 1 от 09.01.2020г.\n\n«УТВЕРЖДАЮ»\nНачальник отдела\n\n_____ /С.А. Чомаева/\n09.01. 2020г.\n\n"
	 "**План мероприятий («дорожная карта»)\nна 2020-2021 учебный год**\n\n"
	 "№\tОсновные направления деятельности\tСроки реализации\tОтчетная документация\n1.1.\tА\tмай\tСправка\n",
	 0, IMPORT_OK, 1, 0,
	 {{"considered.0.stamp", "considered"},
	  {"considered.0.protocol", "1"},
	  {"considered.0.date", "2020-01-09"},
	  {"approved.act", NULL},
	  {"approved.date", "2020-01-09"},
	  {"approved.signer", "С.А. Чомаева"},
	  {"approved.signer_title", "Начальник отдела"},
	  {"title", "План мероприятий («дорожная карта») на 2020-2021 учебный год"},
	  {"columns.report", "Отчетная документация"},
	  {"sections.0.activities.0.report", "Справка"}}},
	{"tricky values stay exact",
	 "№;Мероприятие;Срок;Ответственные\n"
	 "1.10;\"[Проект] «Школа»: итоги # 1\";- по графику;@ОО\n"
	 "1.11;\"1. Первый; * второй\";\"строка 1\nстрока 2\";\"А, Б\"\n",
	 0, IMPORT_OK, 2, 0,
	 {{"sections.0.activities.0.number", "1.10"},
	  {"sections.0.activities.0.title", "\\[Проект\\] «Школа»: итоги # 1"},
	  {"sections.0.activities.0.deadline", "- по графику"},
	  {"sections.0.activities.0.responsible", "@ОО"},
	  {"sections.0.activities.1.title", "1\\. Первый; \\* второй"},
	  {"sections.0.activities.1.deadline", "строка 1 строка 2"}}},
	{"unmapped column goes to the comment",
	 "№\tМероприятие\tСрок\tПримечание\n1\tА\tмай\tВажно\n",
	 0, IMPORT_OK, 1, 0,
	 {{"sections.0.activities.0.comment", "Примечание: Важно"}}},
	{"goal and tasks written plainly",
	 "Цель повысить качество\n\nЗадачи:\nПровести анализ.\nоказать помощь\nПодвести итоги.\n\n"
	 "Цели – создание условий: для всех\n\n"
	 "№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"goal", "повысить качество"},
	  {"tasks.#", "2"},
	  {"tasks.0", "Провести анализ. оказать помощь"},
	  {"tasks.1", "Подвести итоги."},
	  {"title", "Дорожная карта"}}},
	{"goal with a dash",
	 "Цель – создание условий: для всех\n\n№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"goal", "создание условий: для всех"}}},
	{"no header", "просто текст\nбез таблицы\n", 0, IMPORT_BAD_TABLE, 0, 0, {{NULL, NULL}}},
	/* front matter: the approval block in its forms, consideration, kind */
	{"approval: УТВЕРЖДЕН приказом … от … № … in one line",
	 "УТВЕРЖДЕН приказом Управления образования администрации города от 08.12.2022 № 12/98\n\n"
	 "План работы по повышению качества образования на 2022-2023 учебный год\n\n"
	 "№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.act", "Приказ"},
	  {"approved.number", "12/98"},
	  {"approved.date", "2022-12-08"},
	  {"approved.authority", "Управления образования администрации города"},
	  {"kind", "план"}}},
	{"approval: an appendix to an order of a school with a number in its name",
	 "Приложение № 1\nк приказу МБОУ «СОШ № 3»\nот 30.08.2024 № 125-о\n\n"
	 "Дорожная карта\n\n№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.act", "Приказ"},
	  {"approved.number", "125-о"},
	  {"approved.date", "2024-08-30"},
	  {"approved.authority", "МБОУ «СОШ № 3»"}}},
	{"approval: «Утверждено распоряжением …» with the number before the date",
	 "УТВЕРЖДЕНО распоряжением администрации № 45-р от 01.09.2023\n\n"
	 "План мероприятий\n\n№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.act", "Распоряжение"}, {"approved.number", "45-р"}, {"approved.date", "2023-09-01"},
	  {"approved.authority", "администрации"}}},
	{"a footnote and a signature below the table are no section and no activity",
	 "УТВЕРЖДЕН приказом от 01.09.2023 № 7\n\nПлан\n\n№\tМероприятие\tСрок\tОтветственный\n1.\tА\tмай\tОО\n2.\tБ*\tиюнь\tОО\n"
	 "* По согласованию.\nДиректор МБОУ «СОШ № 3»\tЕ.В. Сидорова\n",
	 0, IMPORT_OK, 2, 0,
	 {{"approved.signer", "Е.В. Сидорова"}, {"approved.signer_title", "Директор МБОУ «СОШ № 3»"},
	  {"sections.1", NULL}}},
	{"an order, its appendix mark and its signer signing below the table again: no intro line, no chapter",
	 "ПРИКАЗ 15.01.2024 № 9-од\n\nОб утверждении дорожной карты\n\nНачальник отдела\tО.В. Смирнова\n\n"
	 "Приложение к приказу отдела образования от 15.01.2024 № 9-од\n\nДорожная карта\n\n"
	 "№\tМероприятие\tСрок\n1\tА\tмай\n\nНачальник отдела\tО.В. Смирнова\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.number", "9-од"}, {"approved.signer", "О.В. Смирнова"}, {"intro", "Об утверждении дорожной карты"},
	  {"chapters", NULL}}},
	{"an appendix mark of another act stays in the text",
	 "ПРИКАЗ 15.01.2024 № 9-од\n\nОб утверждении дорожной карты\n\n"
	 "Приложение к приказу от 01.09.2023 № 100\n\nДорожная карта\n\n№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.number", "9-од"},
	  {"chapters.0.title", "Приложение к приказу от 01.09.2023 № 100"}}},
	{"a grouping column «Направление деятельности» beside «Мероприятия» is read like «Задачи»",
	 "№\tНаправление деятельности\tМероприятия\tСроки\n1.\tАнализ\tСправка по ВПР\tмай\n2.\t\tСовещание\tиюнь\n",
	 0, IMPORT_OK, 2, 0,
	 {{"columns.title", "Мероприятия"}, {"columns.task", "Направление деятельности"},
	  {"sections.0.activities.0.title", "Справка по ВПР"}, {"sections.0.activities.0.task", "Анализ"},
	  {"sections.0.activities.1.title", "Совещание"}, {"sections.0.activities.1.task", "Анализ"}}},
	{"the same with the activities first",
	 "№\tМероприятия\tОсновные направления\tСроки\n1.\tСовещание\tАнализ\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"columns.title", "Мероприятия"}, {"columns.task", "Основные направления"},
	  {"sections.0.activities.0.title", "Совещание"}}},
	{"approval: ПРИКАЗ with date and number in one line",
	 "ПРИКАЗ 27.08.2021 № 218\n\nКомплекс мер по повышению качества образования\n\n"
	 "№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"approved.act", "Приказ"}, {"approved.number", "218"}, {"approved.date", "2021-08-27"},
	  {"kind", "комплекс мер"}}},
	{"consideration and agreement stamps",
	 "Рассмотрено на заседании методического совета, протокол № 3 от 15.09.2022\n\n"
	 "СОГЛАСОВАНО\nПредседатель профсоюза\nЕрмакова Т.В.\n10.09.2022\n\n"
	 "Дорожная карта\n\n№\tМероприятие\tСрок\n1\tА\tмай\n",
	 0, IMPORT_OK, 1, 0,
	 {{"considered.0.stamp", "considered"},
	  {"considered.0.body", "методического совета,"},
	  {"considered.0.protocol", "3"},
	  {"considered.0.date", "2022-09-15"},
	  {"considered.1.stamp", "agreed"},
	  {"considered.1.signer", "Ермакова Т.В."},
	  {"considered.1.signer_title", "Председатель профсоюза"},
	  {"considered.1.date", "2022-09-10"},
	  {"kind", "дорожная карта"}}},
	{"programme: passport rows, goals table, chapters before and after",
	 "Программа повышения качества образования\n\nПаспорт программы\n"
	 "Наименование программы\tПрограмма повышения качества\n"
	 "Цель программы\tПовысить качество\n"
	 "Задачи программы\t1) первая;\n\t2) вторая.\n\n"
	 "Цели\tЗадачи\nЦель из таблицы\tЗадача из таблицы\n\n"
	 "№\tМероприятие\tСрок\tОтветственные\n1\tА\tмай\tРуководители ОУ\n2\tБ\tиюнь\tОО\n\n"
	 "МЕХАНИЗМ РЕАЛИЗАЦИИ\nПрограмма реализуется управлением.\n",
	 0, IMPORT_OK, 2, 0,
	 {{"goal", "Повысить качество"},
	  {"tasks.0", "первая;"},
	  {"tasks.1", "вторая."},
	  {"tasks.2", NULL},
	  {"chapters.0.title", "Паспорт программы"},
	  {"chapters.0.text", "- **Наименование программы**: Программа повышения качества"},
	  {"chapters.0.place", "before"},
	  {"chapters.1.title", "МЕХАНИЗМ РЕАЛИЗАЦИИ"},
	  {"chapters.1.text", "Программа реализуется управлением."},
	  {"chapters.1.place", "after"},
	  {"schools", "all"},
	  {"kind", "программа"}}},
	{"schools: all on a section, not on the document",
	 "План\n\n№\tМероприятие\tСрок\tОтветственные\n1. Школы\t\t\t\n1.1\tА\tмай\tРуководители ОУ\n"
	 "1.2\tБ\tмай\tобразовательные организации\n2. Управление\t\t\t\n2.1\tВ\tмай\tУправление\n"
	 "2.2\tГ\tмай\tУправление\n2.3\tД\tмай\tМетодист\n",
	 0, IMPORT_OK, 5, 0,
	 {{"schools", NULL}, {"sections.0.schools", "all"}, {"sections.1.schools", NULL}}},
	{"one cell per line: header block, rows, a long title, a heading",
	 "Дорожная карта на 2021-2022 учебный год\n\n№ п/п\nМероприятие\nСрок\nОтветственные\n"
	 "1. Первый раздел\n1.1.\nАнализ результатов\nвсероссийских проверочных работ\nоктябрь 2021 г.\nУправление образования\n"
	 "1.2.\nСеминар\nноябрь 2021 г.\nРуководители ОУ\n"
	 "2. Второй раздел\n2.1.\nСовещание\nв течение года\nУправление образования\n",
	 0, IMPORT_OK, 3, 0,
	 {{"sections.0.title", "Первый раздел"},
	  {"sections.0.activities.0.number", "1.1."},
	  {"sections.0.activities.0.title", "Анализ результатов всероссийских проверочных работ"},
	  {"sections.0.activities.0.deadline", "октябрь 2021 г."},
	  {"sections.0.activities.0.responsible", "Управление образования"},
	  {"sections.0.activities.1.deadline", "ноябрь 2021 г."},
	  {"sections.1.title", "Второй раздел"},
	  {"sections.1.activities.0.deadline", "в течение года"}}},
	{"Word remnants: bookmark, table caption, page number, running header",
	 "Дорожная карта ОО города\nПлан работы\n\nТаблица 3\n№\tМероприятие\tСрок\n"
	 "1\tА[bookmark: _GoBack]\tмай\n- 2 -\nДорожная карта ОО города\n2\tБ\tиюнь\n7\n"
	 "Дорожная карта ОО города\n3\tВ\tиюль\n",
	 0, IMPORT_OK, 3, 0,
	 {{"sections.0.activities.0.title", "А"},
	  {"sections.0.activities.2.title", "В"},
	  {"sections.#", "1"},
	  {"sections.0.activities.#", "3"},
	  {"intro", NULL},
	  {"chapters.0.title", NULL}}},
	{"ragged ; CSV with a quoted cell over two lines",
	 "План\r\n\r\n\"№\";\"Мероприятие\";\"Срок\"\r\n\"1.1\";\"Анализ\r\nрезультатов\";\"октябрь\"\r\n"
	 "\"1.2\";\"Семинар\";\"май\";;\r\n",
	 0, IMPORT_OK, 2, 0,
	 {{"sections.0.activities.0.title", "Анализ результатов"},
	  {"sections.0.activities.0.deadline", "октябрь"},
	  {"sections.0.activities.1.number", "1.2"},
	  {"sections.0.activities.#", "2"}}},
	{"header without activities", "№\tМероприятие\tСрок\n", 0, IMPORT_BAD_TABLE, 0, 0, {{NULL, NULL}}},
	{"xlsx", "PK\x03\x04rest", 8, IMPORT_BAD_TABLE, 0, 0, {{NULL, NULL}}},
	{"NUL byte", "№\tМероприятие\n1\t\0x", sizeof("№\tМероприятие\n1\t\0x") - 1, IMPORT_BAD_TABLE, 0, 0, {{NULL, NULL}}},
	{"broken UTF-8", "№\tМероприятие\tСрок\n1\tАнализ \xD0 результатов\tмай\n", 0, IMPORT_BAD_TABLE, 0, 0,
	 {{NULL, NULL}}},
};

static void test_tables(void)
{
	for (size_t i = 0; i < ARRAY_LEN(TABLES); i++) {
		const table_case *c = &TABLES[i];
		import_opts o = {.fallback_edition = "2021-2022", .force = true};
		buf y = BUF_INIT;
		import_stats st;
		diag_list dl = DIAG_LIST_INIT;
		size_t len = c->len ? c->len : strlen(c->input);
		int rc = import_mem(c->input, len, "t.txt", &o, &y, &st, &dl);
		T_CHECK(rc == c->rc, "%s: rc %d, want %d", c->name, rc, c->rc);
		if (rc != IMPORT_OK) {
			T_CHECK(dl.errors > 0 && y.len == 0, "%s: an error and no output expected", c->name);
		} else {
			T_CHECK(st.activities == c->acts, "%s: %zu activities, want %zu", c->name, st.activities, c->acts);
			T_CHECK(st.continuations == c->conts, "%s: %zu continuations, want %zu", c->name, st.continuations,
			        c->conts);
			arena *a = arena_new();
			diag_list yd = DIAG_LIST_INIT;
			ynode *root = yaml_parse(a, "out.yaml", y.data, y.len, &yd);
			T_CHECK(root && !yd.errors, "%s: output is not valid YAML:\n%s", c->name, buf_cstr(&y));
			for (size_t k = 0; root && k < ARRAY_LEN(c->checks) && c->checks[k].path; k++) {
				char num[32];
				const char *got = at(root, c->checks[k].path, num);
				if (c->checks[k].want)
					T_CHECK(got && !strcmp(got, c->checks[k].want), "%s: %s = «%s», want «%s»", c->name,
					        c->checks[k].path, got ? got : "(none)", c->checks[k].want);
				else
					T_CHECK(!got && !strstr(c->checks[k].path, "#"), "%s: %s should be absent, is «%s»",
					        c->name, c->checks[k].path, got ? got : "(a list or map)");
			}
			diag_list_free(&yd);
			arena_free(a);
		}
		buf_free(&y);
		diag_list_free(&dl);
	}
}

/* Absent paths that are maps or lists: checked by y_get directly. */
static void test_absent_maps(void)
{
	import_opts o = {.fallback_edition = "2021-2022", .force = true};
	buf y = BUF_INIT;
	import_stats st;
	diag_list dl = DIAG_LIST_INIT;
	const char *in = "№\tМероприятие\tСрок\n1\tА\tежеквартал ьно\n2\tБ\tкогда-нибудь потом\n";
	int rc = import_mem(in, strlen(in), "t.txt", &o, &y, &st, &dl);
	T_CHECK(rc == IMPORT_OK, "simple table imports");
	arena *a = arena_new();
	diag_list yd = DIAG_LIST_INIT;
	ynode *root = yaml_parse(a, "out.yaml", y.data, y.len, &yd);
	T_CHECK(root && !y_get(root, "approved") && !y_get(root, "tasks") && !y_get(root, "goal"),
	        "no approval, tasks or goal invented");
	T_CHECK(st.unknown_deadlines == 1, "one deadline not understood, got %zu", st.unknown_deadlines);
	bool warned = false;
	for (size_t i = 0; i < dl.n; i++)
		warned |= dl.items[i].sev == DIAG_WARNING && dl.items[i].line == 3 && strstr(dl.items[i].msg, "когда-нибудь");
	T_CHECK(warned, "the unknown deadline is reported at its source line 3");
	T_CHECK(!strcmp(st.edition, "2021-2022"), "fallback edition used: %s", st.edition);
	T_CHECK(!st.title_found, "no title found");
	diag_list_free(&yd);
	arena_free(a);
	buf_free(&y);
	diag_list_free(&dl);
}

/* Imports in (force), parses the YAML; *st filled.  The caller frees *a. */
static ynode *import_parse(const char *in, import_stats *st, arena **a, diag_list *dl)
{
	import_opts o = {.fallback_edition = "2021-2022", .force = true};
	buf y = BUF_INIT;
	int rc = import_mem(in, strlen(in), "t.csv", &o, &y, st, dl);
	T_CHECK(rc == IMPORT_OK, "import rc %d", rc);
	*a = arena_new();
	diag_list yd = DIAG_LIST_INIT;
	ynode *root = yaml_parse(*a, "out.yaml", y.data, y.len, &yd);
	T_CHECK(root && !yd.errors, "output is YAML:\n%s", buf_cstr(&y));
	diag_list_free(&yd);
	buf_free(&y);
	return root;
}

/* Vertically merged cells (empty below the first row of the block) are filled
 * from the cell above within the section, counted and noted; a column with a
 * gap at the start of a section is sparse, not merged, and stays as it is. */
static void test_merged_cells(void)
{
	const char *in = "№;Мероприятие;Срок;Ответственный\n"
	                 "1.;Первый раздел;;\n"
	                 "1.1;А;май;Управление образования\n"
	                 "1.2;Б;;\n"
	                 "1.3;В;июнь;\n"
	                 "1.4;Г;июль;ММЦ\n"
	                 "2.;Второй раздел;;\n"
	                 "2.1;Д;август;ОУ\n"
	                 "2.2;Е;сентябрь;ОУ\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_STREQ(at(root, "sections.0.activities.1.responsible", num), "Управление образования", "1.2 responsible");
	T_STREQ(at(root, "sections.0.activities.2.responsible", num), "Управление образования", "1.3 responsible");
	T_STREQ(at(root, "sections.0.activities.1.deadline", num), "май", "1.2 deadline");
	T_STREQ(at(root, "sections.0.activities.3.responsible", num), "ММЦ", "1.4 keeps its own");
	T_CHECK(st.merged == 3, "3 cells filled, got %zu", st.merged);
	size_t notes = 0;
	for (size_t i = 0; i < dl.n; i++)
		notes += dl.items[i].sev == DIAG_NOTE && strstr(dl.items[i].msg, "объединённая ячейка") &&
		         (dl.items[i].line == 4 || dl.items[i].line == 5);
	T_CHECK(notes == 2, "one note per filled run, at its first row: %zu", notes);
	arena_free(a);
	diag_list_free(&dl);

	const char *sparse = "№;Мероприятие;Срок;Ответственный\n"
	                     "1.;Первый раздел;;\n"
	                     "1.1;А;май;Управление образования\n"
	                     "1.2;Б;июнь;\n"
	                     "2.;Второй раздел;;\n"
	                     "2.1;В;июль;\n"
	                     "2.2;Г;август;ММЦ\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(sparse, &st, &a, &dl);
	T_CHECK(!at(root, "sections.0.activities.1.responsible", num), "a sparse column is not filled");
	T_CHECK(st.merged == 0, "nothing filled, got %zu", st.merged);
	bool said = false;
	for (size_t i = 0; i < dl.n; i++)
		said |= dl.items[i].sev == DIAG_NOTE && dl.items[i].line == 1 &&
		        strstr(dl.items[i].msg, "«Ответственный» (мероприятий: 2) оставлены пустыми");
	T_CHECK(said, "the empty cells left so are noted");
	arena_free(a);
	diag_list_free(&dl);
}

/* Without a number column, numbers at the start of the activity texts
 * become the numbers when most texts start with one; a count at the start of
 * a text («2 раза …», «5 классы») stays text. */
static void test_title_numbers(void)
{
	const char *in = "Ответственный;Сроки;Мероприятие;Примечание\n"
	                 "1. Первый раздел;;;\n"
	                 "УО;май;1.1. Анализ результатов;\n"
	                 "УО;июнь;1.2 Семинар;по плану\n"
	                 "ММЦ;июль;2 раза в месяц выезды в школы;\n"
	                 "ММЦ;август;3) Отчёт;\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_STREQ(at(root, "sections.0.activities.0.number", num), "1.1.", "number as written");
	T_STREQ(at(root, "sections.0.activities.0.title", num), "Анализ результатов", "title without it");
	T_STREQ(at(root, "sections.0.activities.1.number", num), "1.2", "1.2");
	T_STREQ(at(root, "sections.0.activities.1.responsible", num), "УО", "responsible from the first column");
	T_STREQ(at(root, "sections.0.activities.1.comment", num), "Примечание: по плану", "extra column kept");
	T_CHECK(!at(root, "sections.0.activities.2.number", num), "a count is no number");
	T_STREQ(at(root, "sections.0.activities.2.title", num), "2 раза в месяц выезды в школы", "count kept");
	T_STREQ(at(root, "sections.0.activities.3.number", num), "3)", "3)");
	bool noted = false;
	for (size_t i = 0; i < dl.n; i++)
		noted |= dl.items[i].sev == DIAG_NOTE && strstr(dl.items[i].msg, "номер взят из начала текста") &&
		         strstr(dl.items[i].msg, ": 3");
	T_CHECK(noted, "the numbers taken from the texts are noted with their count");
	arena_free(a);
	diag_list_free(&dl);

	const char *few = "Мероприятие;Срок\nАнализ;май\nСеминар;июнь\n2. Отчёт;июль\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(few, &st, &a, &dl);
	T_STREQ(at(root, "sections.0.activities.2.title", num), "2\\. Отчёт", "one numbered text of three: kept (escaped)");
	arena_free(a);
	diag_list_free(&dl);
}

/* A header in two rows: the groups under a merged label become one column,
 * deadline halves one period, a name and a position one body; a header merely
 * broken over two lines keeps its columns. */
static void test_two_row_header(void)
{
	const char *in = "УТВЕРЖДАЮ;;;;;\n"
	                 "Директор школы;;;;;\n"
	                 "_____ А.Б. Петров;;;;;\n"
	                 "Приказ от 30.08.2022 № 97-о;;;;;\n"
	                 "№;Мероприятие;Сроки;;Ответственный;\n"
	                 ";;начало;окончание;ФИО;должность\n"
	                 "1;Анализ;01.09.2022;30.09.2022;Иванова О.П.;директор\n"
	                 "2;Собрание;08.02.2023;08.02.2023;Учителя;\n"
	                 "3;Отчёт;;31.05.2023;\"Петров А.Б.\nСидорова В.Г.\";\"завуч\nметодист\"\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_STREQ(at(root, "sections.0.activities.0.deadline", num), "01.09.2022 – 30.09.2022", "halves joined");
	T_STREQ(at(root, "sections.0.activities.0.responsible", num), "Иванова О.П. (директор)", "name (position)");
	T_STREQ(at(root, "sections.0.activities.1.deadline", num), "08.02.2023", "equal halves: one date");
	T_STREQ(at(root, "sections.0.activities.1.responsible", num), "Учителя", "no position");
	T_STREQ(at(root, "sections.0.activities.2.deadline", num), "31.05.2023", "one half");
	T_STREQ(at(root, "sections.0.activities.2.responsible.1", num), "Сидорова В.Г. (методист)", "paired by line");
	T_STREQ(at(root, "columns.deadline", num), "Сроки", "the upper label");
	T_CHECK(!at(root, "sections.0.activities.0.comment", num), "no sub-column left over");
	T_CHECK(st.activities == 3, "3 activities, got %zu", st.activities);
	T_CHECK(st.unknown_deadlines == 0, "periods understood: %zu unknown", st.unknown_deadlines);
	T_STREQ(at(root, "approved.number", num), "97-о", "the act under an «УТВЕРЖДАЮ» stamp");
	T_STREQ(at(root, "approved.signer", num), "А.Б. Петров", "its signer");
	size_t notes = 0;
	for (size_t i = 0; i < dl.n; i++)
		notes += dl.items[i].sev == DIAG_NOTE && dl.items[i].line == 6 && strstr(dl.items[i].msg, "две строки");
	T_CHECK(notes == 2, "each folded group noted: %zu", notes);
	arena_free(a);
	diag_list_free(&dl);

	const char *counted = "№;Мероприятие;Сроки;;Отчёт\n;;начало;окончание;\n1;2;3;4;5\n1;Анализ;май;июнь;Справка\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(counted, &st, &a, &dl);
	T_CHECK(st.activities == 1, "the row of column numbers is no activity: %zu", st.activities);
	T_STREQ(at(root, "sections.0.activities.0.deadline", num), "май – июнь", "folded under it");
	arena_free(a);
	diag_list_free(&dl);

	const char *plan = "№;Мероприятие;Срок;\n;;план;факт\n1;Анализ;май;июнь\n2;Отчёт;с 1 по 5 июня;\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(plan, &st, &a, &dl);
	T_STREQ(at(root, "sections.0.activities.0.deadline", num), "май, июнь", "«план» / «факт» is no period");
	T_STREQ(at(root, "sections.0.activities.1.deadline", num), "с 1 по 5 июня", "one cell of two");
	arena_free(a);
	diag_list_free(&dl);

	const char *broken = "№;Мероприятие;Срок;Ответственные\n;;исполнения;исполнители\n1;Анализ;май;ММЦ\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(broken, &st, &a, &dl);
	T_STREQ(at(root, "columns.deadline", num), "Срок исполнения", "a broken header joins its labels");
	T_STREQ(at(root, "sections.0.activities.0.responsible", num), "ММЦ", "columns kept");
	arena_free(a);
	diag_list_free(&dl);
}

/* Totals rows are no sections or activities; «Итого: N мероприятий» that
 * disagrees with what was read is reported; a note below the table is a
 * paragraph of its own. */
static void test_totals(void)
{
	const char *in = "\xEF\xBB\xBFПлан работы,,\r\n"
	                 "№,Мероприятие,Срок\r\n"
	                 "1. Первый раздел,,\r\n"
	                 "1.1,\"Анализ; «итоги», \"\"ВПР\"\"\",май\r\n"
	                 "1.2,Семинар,июнь\r\n"
	                 "\"Итого по разделу: 2\",,\r\n"
	                 "2. Второй раздел,,\r\n"
	                 "2.1,Отчёт,июль\r\n"
	                 "\"Итого: 4 мероприятия\",,\r\n"
	                 "Примечание: по графику.,,\r\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_CHECK(st.sections == 2 && st.activities == 3, "2 sections, 3 activities: %zu, %zu", st.sections,
	        st.activities);
	T_STREQ(at(root, "sections.0.activities.0.title", num), "Анализ; «итоги», \"ВПР\"", "quotes and ; in a cell");
	T_STREQ(at(root, "sections.1.title", num), "Второй раздел", "no totals section");
	const char *text = at(root, "chapters.0.text", num);
	T_CHECK(text && strstr(text, "Итого: 4 мероприятия\n\nПримечание: по графику."), "text below: %s",
	        text ? text : "(none)");
	bool warned = false;
	for (size_t i = 0; i < dl.n; i++)
		warned |= dl.items[i].sev == DIAG_WARNING && dl.items[i].line == 9 &&
		          strstr(dl.items[i].msg, "«Итого: 4 мероприятия», а прочитано мероприятий: 3");
	T_CHECK(warned, "the totals disagree: reported at line 9");
	arena_free(a);
	diag_list_free(&dl);
}

/* Without numbers, a table whose first row is a title-only row writes its
 * headings so; when its first row is an activity, a title-only row is an
 * activity (its other cells merged with the row above). */
static void test_unnumbered_headings(void)
{
	const char *in = "Мероприятие;Срок;Ответственный\n"
	                 "Работа с педагогами;;\n"
	                 "Семинар;октябрь;ММЦ\n"
	                 "Курсы;ноябрь;ММЦ\n"
	                 "Работа с обучающимися;;\n"
	                 "Диагностика;декабрь;ОУ\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_CHECK(st.sections == 2 && st.activities == 3, "2 sections, 3 activities: %zu, %zu", st.sections,
	        st.activities);
	T_STREQ(at(root, "sections.1.title", num), "Работа с обучающимися", "the second heading");
	T_STREQ(at(root, "sections.1.activities.0.title", num), "Диагностика", "its activity");
	arena_free(a);
	diag_list_free(&dl);

	const char *merged = "Мероприятие;Срок;Ответственный\n"
	                     "Семинар;октябрь;ММЦ\n"
	                     "Курсы;;\n"
	                     "Диагностика;декабрь;ОУ\n"
	                     "Олимпиада;январь;ОУ\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(merged, &st, &a, &dl);
	T_CHECK(st.sections == 1 && st.activities == 4, "1 section, 4 activities: %zu, %zu", st.sections,
	        st.activities);
	T_STREQ(at(root, "sections.0.activities.1.deadline", num), "октябрь", "merged with the row above");
	arena_free(a);
	diag_list_free(&dl);
}

/* A number column left without a label, header labels over two lines in a
 * cell, merged cells under three-level numbering. */
static void test_unlabelled_numbers(void)
{
	const char *in = ";Мероприятие;\"Срок\nисполнения\";\"Ответственный\nисполнитель\"\n"
	                 "1.;Кадры;;\n"
	                 "1.1.;Повышение квалификации;;\n"
	                 "1.1.1.;Курсы;май 2022 г.;ММЦ\n"
	                 "1.1.2.;Семинар;;\n"
	                 "1.2.;Аттестация;;\n"
	                 "1.2.1.;Консультации;июль 2022 г.;УО\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_STREQ(at(root, "sections.0.number", num), "1", "the section from the unlabelled column");
	T_STREQ(at(root, "sections.0.activities.1.number", num), "1.1.2.", "numbers");
	T_STREQ(at(root, "columns.deadline", num), "Срок исполнения", "a label over two lines");
	T_STREQ(at(root, "sections.0.activities.1.deadline", num), "май 2022 г.", "merged below «1.1.1.»");
	T_STREQ(at(root, "sections.0.activities.2.deadline", num), "июль 2022 г.", "its own after the group row");
	T_CHECK(!at(root, "sections.0.activities.0.comment", num), "no number left in comment");
	T_CHECK(st.merged == 2, "2 cells filled, got %zu", st.merged);
	arena_free(a);
	diag_list_free(&dl);

	const char *sums = "Мероприятие;;Срок\nАнализ;150;май\nСеминар;20;июнь\n";
	dl = (diag_list)DIAG_LIST_INIT;
	root = import_parse(sums, &st, &a, &dl);
	T_CHECK(!at(root, "sections.0.activities.0.number", num), "an unlabelled column after the title is no number");
	arena_free(a);
	diag_list_free(&dl);
}

/* A «Раздел» column names the section of its row: once on the first row of
 * each section (a merged cell) or on every row. */
static void test_section_column(void)
{
	const char *in = "Раздел;№;Мероприятие;Срок\n"
	                 "1. Работа с кадрами;1.1;Семинар;октябрь\n"
	                 ";1.2;Курсы;ноябрь\n"
	                 "2. Работа с обучающимися;2.1;Диагностика;декабрь\n"
	                 "2. Работа с обучающимися;2.2;Олимпиада;январь\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_CHECK(st.sections == 2 && st.activities == 4, "2 sections, 4 activities: %zu, %zu", st.sections,
	        st.activities);
	T_STREQ(at(root, "sections.0.title", num), "Работа с кадрами", "first section");
	T_STREQ(at(root, "sections.1.number", num), "2", "its number");
	T_STREQ(at(root, "sections.1.activities.1.title", num), "Олимпиада", "repeated name: same section");
	T_CHECK(!at(root, "sections.0.activities.0.comment", num), "the column is not a comment");
	bool warned = false;
	for (size_t i = 0; i < dl.n; i++)
		warned |= strstr(dl.items[i].msg, "не распознан") != NULL;
	T_CHECK(!warned, "no «column not recognised» warning for it");
	arena_free(a);
	diag_list_free(&dl);
}

/* A table shifted right on its sheet: the columns before its first label
 * are empty, and a heading merged across the table stands in its first
 * column (here the number column). */
static void test_shifted_table(void)
{
	const char *in = ";;;;УТВЕРЖДЕН приказом от 01.09.2023 № 12\n"
	                 ";План мероприятий на 2023-2024 учебный год;;;\n"
	                 ";№;Мероприятие;Срок;Ответственный\n"
	                 ";1. Первый раздел;;;\n"
	                 ";1.1;Анализ;май 2024 г.;ММЦ\n"
	                 ";Раздел 2. Второй раздел;;;\n"
	                 ";2.1;Отчёт;июль 2024 г.;УО\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_CHECK(st.sections == 2 && st.activities == 2, "2 sections, 2 activities: %zu, %zu", st.sections,
	        st.activities);
	T_STREQ(at(root, "sections.0.title", num), "Первый раздел", "first heading");
	T_STREQ(at(root, "sections.1.number", num), "2", "«Раздел 2.»");
	T_STREQ(at(root, "approved.number", num), "12", "approval in the last column");
	arena_free(a);
	diag_list_free(&dl);
}

/* Deadlines in Excel's date formats are written as the grammar reads them,
 * each noted; other texts stay as written. */
static void test_excel_dates(void)
{
	const char *in = "№;Мероприятие;Срок\n"
	                 "1;А;сен.22\n"
	                 "2;Б;01.09.2022 0:00\n"
	                 "3;В;2022-09-01\n"
	                 "4;Г;15.03.2023 0:00:00\n"
	                 "5;Д;01.09.2022 10:30\n"
	                 "6;Е;сен.22 и окт.22\n"
	                 "7;Ж;май.2023\n";
	import_stats st;
	arena *a;
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = import_parse(in, &st, &a, &dl);
	char num[32];
	T_STREQ(at(root, "sections.0.activities.0.deadline", num), "сентябрь 2022 г.", "МММ.ГГ");
	T_STREQ(at(root, "sections.0.activities.1.deadline", num), "01.09.2022", "midnight dropped");
	T_STREQ(at(root, "sections.0.activities.2.deadline", num), "01.09.2022", "ISO date");
	T_STREQ(at(root, "sections.0.activities.3.deadline", num), "15.03.2023", "with seconds");
	T_STREQ(at(root, "sections.0.activities.4.deadline", num), "01.09.2022 10:30", "a real time kept");
	T_STREQ(at(root, "sections.0.activities.5.deadline", num), "сен.22 и окт.22", "not a whole cell");
	T_STREQ(at(root, "sections.0.activities.6.deadline", num), "май 2023 г.", "МММ.ГГГГ");
	size_t notes = 0;
	for (size_t i = 0; i < dl.n; i++)
		notes += dl.items[i].sev == DIAG_NOTE && strstr(dl.items[i].msg, "в формате даты Excel");
	T_CHECK(notes == 5, "each rewritten deadline noted: %zu", notes);
	arena_free(a);
	diag_list_free(&dl);
}

int main(void)
{
	test_markdown();
	test_plain();
	test_bodies();
	test_quoting();
	test_tables();
	test_absent_maps();
	test_merged_cells();
	test_title_numbers();
	test_two_row_header();
	test_totals();
	test_unnumbered_headings();
	test_unlabelled_numbers();
	test_section_column();
	test_shifted_table();
	test_excel_dates();
	return t_done("import");
}
