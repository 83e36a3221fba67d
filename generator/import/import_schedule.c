#include "import_schedule.h"
#include "csvread.h"
#include "csvwrite.h"
#include "date.h"
#include "deadline.h"
#include "fields.h"
#include "ru.h"
#include "schedule_rules.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---- words ---- */

/* Lower-case letters and digits of s only («Рус. яз.» → «русяз»), ё as е:
 * the key abbreviations and headers are compared by.  Heap string. */
static char *key_of(const char *s)
{
	char *f = utf8_fold(s, strlen(s), UTF8_FOLD_YO);
	if (!f)
		return xstrdup("");
	char *w = f;
	for (const unsigned char *p = (const unsigned char *)f; *p;) {
		if (*p < 0x80) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
				*w++ = (char)*p;
			p++;
			continue;
		}
		size_t n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
		bool letter = n == 2 && (p[0] == 0xD0 || p[0] == 0xD1);
		for (size_t i = 0; i < n && p[i]; i++)
			if (letter)
				*w++ = (char)p[i];
		for (size_t i = 0; i < n && *p; i++)
			p++;
	}
	*w = '\0';
	return f;
}

static bool key_in(const char *key, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(key, list[i]))
			return true;
	return false;
}

/* Procedures: canonical name, level, and the keys of the ways it is written. */
static const struct {
	const char *name, *level;
	const char *keys[6];
} PROCS[] = {
	{"ВПР", "федеральный", {"впр", "всероссийскаяпроверочнаяработа", NULL}},
	{"НИКО", "федеральный", {"нико", NULL}},
	{"Региональная диагностическая работа", "региональный", {"рдр", "региональнаядиагностическаяработа", NULL}},
	{"Краевая диагностическая работа", "региональный", {"кдр", "краеваядиагностическаяработа", NULL}},
	{"Муниципальная диагностическая работа", "муниципальный", {"мдр", "муниципальнаядиагностическаяработа", NULL}},
	{"Диагностическая работа", "школьный", {"др", "диагностическаяработа", "диагностика", NULL}},
	{"Контрольная работа", "школьный", {"кр", "контрольнаяработа", "контрольная", NULL}},
	{"Проверочная работа", "школьный", {"пр", "проверочнаяработа", "проверочная", NULL}},
	{"Контрольный диктант", "школьный", {"кд", "диктант", "контрольныйдиктант", NULL}},
	{"Тестирование", "школьный", {"тест", "тестирование", NULL}},
	{"Зачёт", "школьный", {"зачет", NULL}},
	{"Комплексная работа", "школьный", {"комплекснаяработа", NULL}},
	{"Сочинение", "школьный", {"сочинение", NULL}},
	{"Изложение", "школьный", {"изложение", NULL}},
};

/* Endings of procedures written in full that are not in the list
 * («Итоговая контрольная работа», «Административный диктант»). */
static const char *const PROC_ENDINGS[] = {"работа", "диктант", "тест", "тестирование", "зачет", "сочинение",
                                           "изложение", "диагностика", NULL};

/* Subjects: canonical name and the keys of abbreviations and of the dative
 * case («ВПР по математике»). */
static const struct {
	const char *name;
	const char *keys[7];
} SUBJECTS[] = {
	{"Русский язык", {"русскийязык", "русяз", "русский", "русскомуязыку", "русскийяз", "рус", NULL}},
	{"Математика", {"математика", "матем", "мат", "математике", NULL}},
	{"Литературное чтение", {"литературноечтение", "литчтение", "литчт", "литературномучтению", NULL}},
	{"Литература", {"литература", "литра", "лит", "литературе", NULL}},
	{"Окружающий мир", {"окружающиймир", "окрмир", "окружающемумиру", NULL}},
	{"Английский язык", {"английскийязык", "англяз", "английский", "английскомуязыку", "англ", NULL}},
	{"Немецкий язык", {"немецкийязык", "немяз", "немецкий", "немецкомуязыку", NULL}},
	{"История", {"история", "ист", "истории", NULL}},
	{"Обществознание", {"обществознание", "общество", "обществознанию", "общ", NULL}},
	{"География", {"география", "геогр", "географии", NULL}},
	{"Биология", {"биология", "биол", "биологии", NULL}},
	{"Физика", {"физика", "физике", NULL}},
	{"Химия", {"химия", "химии", NULL}},
	{"Алгебра", {"алгебра", "алг", "алгебре", NULL}},
	{"Геометрия", {"геометрия", "геом", "геометрии", NULL}},
	{"Информатика", {"информатика", "информ", "информатике", NULL}},
	{"Физическая культура", {"физическаякультура", "физкультура", "физра", "физическойкультуре", NULL}},
	{"Вероятность и статистика", {"вероятностьистатистика", "виc", "вис", "вероятностиистатистике", NULL}},
};

static int proc_of(const char *text, const char **level)
{
	char *k = key_of(text);
	int found = -1;
	for (size_t i = 0; i < ARRAY_LEN(PROCS) && found < 0; i++)
		if (key_in(k, PROCS[i].keys))
			found = (int)i;
	free(k);
	if (found >= 0)
		*level = PROCS[found].level;
	return found;
}

/* «…работа», «…диктант» written in full: a procedure not in the list. */
static bool proc_like(const char *text)
{
	char *k = key_of(text);
	bool yes = false;
	for (size_t i = 0; PROC_ENDINGS[i] && !yes; i++)
		yes = *k && str_ends(k, PROC_ENDINGS[i]) && strlen(k) > strlen(PROC_ENDINGS[i]);
	free(k);
	return yes;
}

/* text trimmed of spaces and of the separators around the two parts. */
static char *clean(const char *s, size_t n)
{
	static const char *const junk[] = {" ", ",", ":", ";", "-", "—", "–", "(", ")", "\xC2\xA0", "\t", "\n"};
	size_t a = 0, b = n;
	for (bool more = true; more;) {
		more = false;
		for (size_t k = 0; k < ARRAY_LEN(junk); k++) {
			size_t l = strlen(junk[k]);
			if (b - a >= l && !strncmp(s + a, junk[k], l))
				a += l, more = true;
			if (b - a >= l && !strncmp(s + b - l, junk[k], l))
				b -= l, more = true;
		}
	}
	return xstrndup(s + a, b - a);
}

/* The subject's full name, or the text with a capital first letter. */
static char *subject_name(const char *text)
{
	const char *t = text;
	if (str_starts(t, "по ") || str_starts(t, "По "))
		t += strlen("по ");
	char *k = key_of(t);
	for (size_t i = 0; i < ARRAY_LEN(SUBJECTS); i++)
		if (key_in(k, SUBJECTS[i].keys)) {
			free(k);
			return xstrdup(SUBJECTS[i].name);
		}
	free(k);
	buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)t;
	unsigned char u[2];
	if (utf8_upper_ru_letter(p, u)) {
		buf_put(&b, (const char *)u, 2);
		t += 2;
	}
	buf_puts(&b, t);
	return buf_detach(&b);
}

/* Tries the split item = first + second; true when one side is a procedure. */
static bool try_split(const char *first, const char *second, char **subject, char **procedure, const char **level)
{
	char *x = clean(first, strlen(first)), *y = clean(second, strlen(second));
	int p;
	bool ok = false;
	if (*x && *y) {
		const char *subj = NULL, *proc_text = NULL;
		if ((p = proc_of(y, level)) >= 0 || (proc_like(y) && !proc_like(x)))
			subj = x, proc_text = y;
		else if ((p = proc_of(x, level)) >= 0 || proc_like(x))
			subj = y, proc_text = x;
		if (subj) {
			if (p < 0)
				*level = "школьный";
			*procedure = p >= 0 ? xstrdup(PROCS[p].name) : subject_name(proc_text);
			*subject = subject_name(subj);
			ok = true;
		}
	}
	free(x);
	free(y);
	return ok;
}

int sched_item_parse(const char *item, char **subject, char **procedure, const char **level)
{
	*subject = *procedure = NULL;
	*level = NULL;
	char *t = clean(item, strlen(item));
	size_t n = strlen(t);
	bool ok = false;
	/* «Математика (КР)», «КР (математика)» */
	char *open = strrchr(t, '(');
	if (open && n && t[n - 1] == ')') {
		char *inner = xstrndup(open + 1, (size_t)(t + n - 1 - open - 1));
		char *outer = xstrndup(t, (size_t)(open - t));
		ok = try_split(outer, inner, subject, procedure, level);
		free(inner);
		free(outer);
	}
	/* «Математика: КР», «ВПР — русский язык», «История, контрольная работа» */
	static const char *const seps[] = {":", " — ", " – ", " - ", ",", "/"};
	for (size_t k = 0; !ok && k < ARRAY_LEN(seps); k++) {
		char *at = strstr(t, seps[k]);
		if (!at)
			continue;
		char *first = xstrndup(t, (size_t)(at - t));
		ok = try_split(first, at + strlen(seps[k]), subject, procedure, level);
		free(first);
	}
	/* Words: «ВПР по математике», «Математика КР», «Рус. яз. ВПР» */
	for (size_t i = 0; !ok && i < n; i++) {
		if (t[i] != ' ')
			continue;
		char *first = xstrndup(t, i);
		ok = try_split(first, t + i + 1, subject, procedure, level);
		free(first);
	}
	free(t);
	if (!ok) {
		free(*subject);
		free(*procedure);
		*subject = *procedure = NULL;
		*level = NULL;
	}
	return ok ? 0 : -1;
}

/* ---- the table ---- */

typedef struct out_row {
	date on;
	char *grade, *subject, *procedure;
	const char *level;
} out_row;

typedef struct reader {
	const sched_import_opts *o;
	const char *file;
	diag_list *dl;
	int start_year;         /* of the school year; 0 until known */
	bool year_from_file;
	int month_y, month_m;   /* the month of the current block (shape B); 0: none */
	int class_col;          /* -1: no header yet */
	date *col_date;         /* per column: the date (DATE_NONE: not a day) */
	size_t ncols;
	out_row *rows;
	size_t nrows, cap;
	size_t months;
	bool shape_b, shape_a;
	int errors;
} reader;

static void err(reader *r, const csv_cell *c, const char *fmt, const char *arg)
{
	diag_add(r->dl, DIAG_ERROR, r->file, c->line, c->col, fmt, arg);
	r->errors++;
}

/* Reads a title line: the school year («2021-2022», «2021/2022») and a month
 * with an optional year («Март 2022», «на март 2022 г.»).  True when a month
 * was named. */
static bool title_line(reader *r, const csv_row *row)
{
	int month = 0, year = 0;
	for (size_t i = 0; i < row->n; i++) {
		const char *t = row->cells[i].text;
		for (const char *p = t; *p; p++) {
			if (p[0] >= '1' && p[0] <= '2' && strspn(p, "0123456789") == 4 && (p == t || p[-1] < '0' || p[-1] > '9')) {
				int y = atoi(p);
				const char *q = p + 4;
				if ((*q == '-' || *q == '/' || !strncmp(q, "–", 3)) && atoi(q + (*q == '-' || *q == '/' ? 1 : 3)) == y + 1) {
					if (!r->o->edition) {
						r->start_year = y;
						r->year_from_file = true;
					}
				} else if (y >= 1990 && y <= 2100) {
					year = y;
				}
				p += 3;
			}
		}
		/* words */
		const char *p = t;
		while (*p) {
			size_t n = 0;
			while (p[n] && p[n] != ' ' && p[n] != '.' && p[n] != ',' && p[n] != ':')
				n++;
			if (n) {
				char *w = xstrndup(p, n);
				char *k = key_of(w);
				if (!month && !strchr(w, '0') && strspn(k, "0123456789") == 0)
					month = ru_month_word(k);
				free(k);
				free(w);
			}
			p += n;
			while (*p == ' ' || *p == '.' || *p == ',' || *p == ':')
				p++;
		}
	}
	if (!month)
		return false;
	if (!year && r->start_year)
		year = month >= 9 ? r->start_year : r->start_year + 1;
	if (!year) {
		err(r, &row->cells[0], "%s", "в заголовке месяца нет года: напишите, например, «Март 2022», или укажите --edition");
		return true;
	}
	r->month_y = year;
	r->month_m = month;
	r->months++;
	if (!r->start_year)
		r->start_year = month >= 9 ? year : year - 1;
	return true;
}

/* A header cell → the date of the column: a full date, a «15.03» (year from
 * the school year) or a day number «1», «01», «1 пн» of the current month.
 * Returns 1 (a date), 0 (not a day column), -1 (an error was reported). */
static int header_date(reader *r, const csv_cell *c, date *out, bool *by_day)
{
	const char *t = c->text;
	*by_day = false;
	if (!*t)
		return 0;
	int rc = date_parse(t, out);
	if (rc == 1)
		return 1;
	if (rc < 0) {
		err(r, c, "такой даты нет: «%s»", t);
		return -1;
	}
	int d = 0, m = 0, y = 0, n = 0;
	if (sscanf(t, "%d.%d.%d%n", &d, &m, &y, &n) == 3 && !t[n] && y < 100) {
		y += 2000;
	} else if (sscanf(t, "%d.%d%n", &d, &m, &n) == 2 && (!t[n] || t[n] == '.') && (!t[n] || !t[n + 1])) {
		if (!r->start_year)
			return -2; /* the year is not known yet: resolved later */
		y = m >= 9 ? r->start_year : r->start_year + 1;
	} else {
		size_t digits = strspn(t, "0123456789");
		if (digits == 0 || digits > 2)
			return 0;
		char *k = key_of(t + digits);
		static const char *const wd[] = {"", "пн", "вт", "ср", "чт", "пт", "сб", "вс", NULL};
		bool ok = key_in(k, wd);
		free(k);
		if (!ok)
			return 0;
		d = atoi(t);
		*by_day = true;
		if (!r->month_m) {
			err(r, c, "%s",
			    "столбцы — дни месяца, но месяц не назван: добавьте над таблицей строку с месяцем и годом, например «Март 2022»");
			return -1;
		}
		y = r->month_y;
		m = r->month_m;
	}
	if (!date_valid(y, m, d)) {
		err(r, c, "такой даты нет: «%s»", t);
		return -1;
	}
	*out = (date){y, m, d};
	return 1;
}

static bool class_header(const char *t)
{
	char *k = key_of(t);
	bool yes = str_starts(k, "класс") || !strcmp(k, "кл");
	free(k);
	return yes;
}

/* A header row: a «Класс» cell and at least one day column. */
static bool header_row(reader *r, const csv_row *row)
{
	int cc = -1;
	for (size_t i = 0; i < row->n && cc < 0; i++)
		if (class_header(row->cells[i].text))
			cc = (int)i;
	if (cc < 0)
		return false;
	free(r->col_date);
	r->col_date = xmalloc(row->n * sizeof(date));
	r->ncols = row->n;
	r->class_col = cc;
	size_t days = 0;
	bool any_by_day = false;
	for (size_t i = 0; i < row->n; i++) {
		r->col_date[i] = DATE_NONE;
		if ((int)i == cc)
			continue;
		bool by_day;
		int rc = header_date(r, &row->cells[i], &r->col_date[i], &by_day);
		if (rc == -2) { /* «15.03» before any year: use the fallback school year */
			r->start_year = atoi(r->o->edition ? r->o->edition : r->o->fallback_edition);
			rc = header_date(r, &row->cells[i], &r->col_date[i], &by_day);
		}
		if (rc == 1) {
			days++;
			any_by_day |= by_day;
		} else {
			r->col_date[i] = DATE_NONE;
		}
	}
	if (any_by_day)
		r->shape_b = true;
	else if (days)
		r->shape_a = true;
	return true;
}

/* Splits a cell into procedures (one per line or «;») and adds them. */
static void data_row(reader *r, const csv_row *row)
{
	const char *cls = (size_t)r->class_col < row->n ? row->cells[r->class_col].text : "";
	bool any = false;
	for (size_t i = 0; i < row->n && i < r->ncols; i++)
		any |= (int)i != r->class_col && date_is_set(r->col_date[i]) && *row->cells[i].text;
	if (!any)
		return;
	const csv_cell *cc = (size_t)r->class_col < row->n ? &row->cells[r->class_col] : &row->cells[0];
	char *grade = sched_grade_norm(cls);
	if (!*grade || !sched_parallel(grade)) {
		err(r, cc, "«%s» — не класс: в первом столбце пишут класс («5А») или параллель («5»)", cls);
		free(grade);
		return;
	}
	for (size_t i = 0; i < row->n && i < r->ncols; i++) {
		if ((int)i == r->class_col || !date_is_set(r->col_date[i]) || !*row->cells[i].text)
			continue;
		char *text = xstrdup(row->cells[i].text);
		for (char *save = NULL, *it = strtok_r(text, ";\n", &save); it; it = strtok_r(NULL, ";\n", &save)) {
			size_t len;
			const char *tr = utf8_trim(it, strlen(it), &len);
			if (!len)
				continue;
			char *one = xstrndup(tr, len), *subj, *proc;
			const char *level;
			if (sched_item_parse(one, &subj, &proc, &level)) {
				diag_add(r->dl, DIAG_ERROR, r->file, row->cells[i].line, row->cells[i].col,
				         "не понял «%s»: пишите предмет и процедуру, например «Математика (КР)» или «ВПР по "
				         "русскому языку»",
				         one);
				r->errors++;
			} else {
				xgrow((void **)&r->rows, &r->cap, r->nrows + 1, sizeof(out_row));
				r->rows[r->nrows++] = (out_row){r->col_date[i], xstrdup(grade), subj, proc, level};
			}
			free(one);
		}
		free(text);
	}
	free(grade);
}

static int cmp_rows(const void *pa, const void *pb)
{
	const out_row *a = pa, *b = pb;
	int c = date_cmp(a->on, b->on);
	if (!c)
		c = str_natcmp(a->grade, b->grade);
	if (!c)
		c = strcmp(a->subject, b->subject);
	return c;
}

static void one_row(reader *r, const csv_row *row)
{
	/* A row of weekday names under the day numbers: nothing to read. */
	if (r->class_col >= 0 && (size_t)r->class_col < row->n && !*row->cells[r->class_col].text) {
		bool weekdays = true;
		static const char *const wd[] = {"", "пн", "вт", "ср", "чт", "пт", "сб", "вс", NULL};
		for (size_t i = 0; i < row->n && weekdays; i++) {
			char *k = key_of(row->cells[i].text);
			weekdays = key_in(k, wd);
			free(k);
		}
		if (weekdays)
			return;
	}
	if (header_row(r, row))
		return;
	const char *first = row->n ? row->cells[r->class_col >= 0 && (size_t)r->class_col < row->n ? r->class_col : 0].text : "";
	char *g = sched_grade_norm(first);
	bool is_class = sched_parallel(g) > 0;
	free(g);
	if (!is_class && title_line(r, row)) {
		r->class_col = -1; /* a new month: its header follows */
		return;
	}
	if (r->class_col >= 0)
		data_row(r, row);
}

/* The schedule of table t (read with or without errors: csv_failed). */
static int import_table(csv_table *t, int csv_failed, const char *display, const sched_import_opts *o, buf *csv,
                        sched_import_stats *st, diag_list *dl)
{
	memset(st, 0, sizeof *st);
	st->shape = "";
	const char *file = display ? display : "";
	if (!o->school || !f_valid_id(o->school)) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "код школы «%s» не подходит: латинские буквы, цифры и дефис, например sosh-4",
		         o->school ? o->school : "");
		return -1;
	}
	reader r = {o, file, dl, 0, false, 0, 0, -1, NULL, 0, NULL, 0, 0, 0, false, false, 0};
	if (o->edition)
		r.start_year = atoi(o->edition);
	if (t->header.n)
		one_row(&r, &t->header);
	for (size_t i = 0; i < t->nrows; i++)
		one_row(&r, &t->rows[i]);
	if (!r.errors && !csv_failed && !r.nrows) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "%s",
		         "не нашёл таблицу графика: нужна строка заголовка «Класс; 15.03.2022; …» (классы × даты) или "
		         "строка с месяцем («Март 2022») и заголовок «Класс; 1; 2; …» (лист месяца)");
		r.errors++;
	}
	int y = r.start_year ? r.start_year : atoi(o->edition ? o->edition : o->fallback_edition);
	if (y < 1000 || y > 9998)
		y = 2000;
	snprintf(st->edition, sizeof st->edition, "%04d-%04d", y, y + 1);
	st->shape = r.shape_b ? "листы по месяцам" : r.shape_a ? "классы × даты" : "";
	st->months = r.months;
	int rc = r.errors || csv_failed ? -1 : 0;
	if (!rc) {
		xsort(r.rows, r.nrows, sizeof(out_row), cmp_rows);
		csv_bom(csv);
		const char *head[] = {"school", "date", "grade", "subject", "procedure", "level"};
		csv_write_row(csv, head, ARRAY_LEN(head));
		for (size_t i = 0; i < r.nrows; i++) {
			char day[11];
			snprintf(day, sizeof day, "%02d.%02d.%04d", r.rows[i].on.d, r.rows[i].on.m, r.rows[i].on.y);
			const char *f[] = {o->school, day, r.rows[i].grade, r.rows[i].subject, r.rows[i].procedure,
			                   r.rows[i].level};
			csv_write_row(csv, f, ARRAY_LEN(f));
			bool seen = false;
			for (size_t j = 0; j < i && !seen; j++)
				seen = !strcmp(r.rows[j].grade, r.rows[i].grade);
			st->classes += !seen;
		}
		st->rows = r.nrows;
	}
	for (size_t i = 0; i < r.nrows; i++) {
		free(r.rows[i].grade);
		free(r.rows[i].subject);
		free(r.rows[i].procedure);
	}
	free(r.rows);
	free(r.col_date);
	return rc;
}

int import_schedule_mem(const char *data, size_t len, const char *display, const sched_import_opts *o, buf *csv,
                        sched_import_stats *st, diag_list *dl)
{
	csv_table t;
	int failed = csv_read_mem(data, len, display, &t, dl);
	int rc = import_table(&t, failed, display, o, csv, st, dl);
	csv_table_free(&t);
	return rc;
}

int import_schedule_file(const char *path, const sched_import_opts *o, buf *csv, sched_import_stats *st,
                         diag_list *dl)
{
	csv_table t;
	size_t before = dl->errors;
	int failed = csv_read_file(path, path, &t, dl);
	/* Nothing read at all: the file is missing, unreadable or too big. */
	if (failed && !t.header.n && dl->errors > before) {
		memset(st, 0, sizeof *st);
		st->shape = "";
		csv_table_free(&t);
		return -2;
	}
	int rc = import_table(&t, failed, path, o, csv, st, dl);
	csv_table_free(&t);
	return rc;
}
