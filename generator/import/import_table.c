/* import_table.c — `roadmap import`: the header row, its columns, and the rows under it (see import_int.h). */
#include "import_int.h"
#include "csvread.h"
#include "deadline.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const IMP_FIELD_KEY[F_N] = {"number", "title",  "deadline",  "responsible",
                                        "report", "result", "indicator", "task"};

/* ---- columns ---- */


/* The field a header label names, or -1.  Words are matched at the start of
 * the label first («Мероприятия по выполнению задач» is the title, not the
 * task), then anywhere in it. */
int imp_classify_label(const char *plain)
{
	static const struct {
		const char *w;
		int f;
	} starts[] = {{"№", F_NUMBER},          {"n п/п", F_NUMBER},        {"n", F_NUMBER},
	              {"no", F_NUMBER},         {"п/п", F_NUMBER},          {"пп", F_NUMBER},
	              {"номер", F_NUMBER},      {"#", F_NUMBER},            {"мероприят", F_TITLE},
	              {"задач", F_TASK},        {"срок", F_DEADLINE},       {"время", F_DEADLINE},
	              {"дата", F_DEADLINE},     {"период", F_DEADLINE},     {"когда", F_DEADLINE},
	              {"ответствен", F_RESP},   {"исполнител", F_RESP},     {"отчет", F_REPORT},
	              {"форма отчет", F_REPORT}, {"форма завершен", F_REPORT}, {"результат", F_RESULT},
	              {"ожидаем", F_RESULT},       {"выходн", F_REPORT},       {"выход", F_RESULT},
	              {"показател", F_INDICATOR}, {"индикатор", F_INDICATOR}, {"целев", F_INDICATOR},
	              {"основные направлен", F_TITLE}, {"направлен", F_TITLE}, {"наименован", F_TITLE},
	              {"содержан", F_TITLE},    {"действи", F_TITLE}};
	static const struct {
		const char *w;
		int f;
	} contains[] = {{"срок", F_DEADLINE},  {"ответствен", F_RESP},     {"исполнител", F_RESP},
	                {"отчет", F_REPORT},   {"документ", F_REPORT},     {"показател", F_INDICATOR},
	                {"результат", F_RESULT}, {"мероприят", F_TITLE},   {"деятельност", F_TITLE},
	                {"задач", F_TASK}};
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	size_t n = strlen(l);
	while (n && (l[n - 1] == ':' || l[n - 1] == '.' || l[n - 1] == '*' || l[n - 1] == ' '))
		l[--n] = '\0';
	int f = -1;
	for (size_t i = 0; i < ARRAY_LEN(starts) && f < 0; i++) {
		size_t k = strlen(starts[i].w);
		/* Short words must be the whole label or a whole first word. */
		if (!strncmp(l, starts[i].w, k) &&
		    (k >= 3 || !l[k] || l[k] == ' ' || l[k] == '.' || l[k] == '/'))
			f = starts[i].f;
	}
	for (size_t i = 0; i < ARRAY_LEN(contains) && f < 0; i++)
		if (strstr(l, contains[i].w))
			f = contains[i].f;
	free(l);
	return f;
}

/* "1", "1.", "1.1", "1.1.", "1)", Roman "IV." — a number as tables write it. */
bool imp_number_like(const char *s)
{
	const char *p = s;
	if (!*p)
		return false;
	if (strchr("IVXLC", *p)) {
		while (*p && strchr("IVXLC", *p))
			p++;
		return !*p || (*p == '.' && !p[1]);
	}
	for (bool first = true;; first = false) {
		if (!imp_is_digit(*p))
			return false;
		/* A date («30.08.2023», «01.09») is no number: outline numbers
		 * have no leading zero after the first part and no four-digit part
		 * after it. */
		const char *part = p;
		while (imp_is_digit(*p))
			p++;
		if (!first && ((*part == '0' && p - part > 1) || p - part >= 4))
			return false;
		if (!*p)
			return true;
		if (*p == ')' && !p[1])
			return true;
		if (*p != '.')
			return false;
		p++;
		if (!*p)
			return true;
	}
}

static bool is_roman(const char *s)
{
	return *s && strchr("IVXLC", *s) && imp_number_like(s);
}

/* A one-level number: "1", "1.", "IV". */
bool imp_section_level(const char *s)
{
	if (!imp_number_like(s))
		return false;
	const char *dot = strchr(s, '.');
	return !dot || !dot[1];
}

/* The number without a trailing dot (sections «1.» are number «1»). */
char *imp_strip_dot(const char *s)
{
	size_t n = strlen(s);
	if (n > 1 && s[n - 1] == '.')
		n--;
	return xstrndup(s, n);
}

/* True when number's last part is 1: «1», «1.», «2.1», «2.1.» — the first
 * activity of a section. */
bool imp_first_of_section(const char *num)
{
	char *s = imp_strip_dot(num);
	const char *last = strrchr(s, '.');
	bool one = !strcmp(last ? last + 1 : s, "1");
	free(s);
	return one;
}

/* Splits a heading «1. Развитие кадрового потенциала», «Раздел 2. …», «IV. …»
 * into its number (without the dot, heap, or NULL) and its title (pointer into
 * s).  A number alone or one followed by a lower-case word («9 классов») is no
 * heading number. */
char *imp_heading_number(const char *s, const char **title)
{
	const char *p = s;
	*title = s;
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	if (!strncmp(l, "раздел ", strlen("раздел ")))
		p += strlen("раздел ");
	free(l);
	const char *q = p;
	if (strchr("IVXLC", *q) && *q) {
		while (*q && strchr("IVXLC", *q))
			q++;
		if (*q != '.')
			return NULL;
	} else {
		if (!imp_is_digit(*q))
			return NULL;
		while (imp_is_digit(*q) || (*q == '.' && imp_is_digit(q[1])))
			q++;
	}
	const char *numend = q;
	bool dot = *q == '.' || *q == ')';
	if (dot)
		q++;
	if (*q != ' ')
		return NULL;
	while (*q == ' ')
		q++;
	if (!*q || (!dot && !imp_starts_new(q)))
		return NULL;
	*title = q;
	return xstrndup(p, (size_t)(numend - p));
}

/* How surely a title label names the activities themselves: «Мероприятия» (3)
 * over «Содержание работы», «Наименование …» (2) over a grouping column
 * «Направление деятельности», «Основные направления» (1). */
int imp_title_rank(const char *plain)
{
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	int r = strstr(l, "мероприят") ? 3 : strstr(l, "направлен") ? 1 : 2;
	free(l);
	return r;
}

/* ---- finding the header ---- */

/* Index of the header row (rows[h]) and its column map, or false. */
/* Words of a label naming the activities themselves (not «Наименование
 * программы» of a passport, not «Наименование показателя»). */
static bool activity_label(const char *plain)
{
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	bool yes = strstr(l, "мероприят") || strstr(l, "деятельност") || strstr(l, "направлен") ||
	           strstr(l, "содержание") || strstr(l, "действи");
	free(l);
	return yes;
}

/* The column map of row r when it is a header: at least two fields and a
 * title; strict: the title label names activities and there is a deadline
 * column (мероприятие + срок), which tells the activity table from the goal,
 * indicator and passport tables of a programme. */
static bool header_map(const irow *r, bool strict, int m[F_N], int **field)
{
	if (r->n < 2)
		return false;
	for (int f = 0; f < F_N; f++)
		m[f] = -1;
	int *fl = xcalloc(r->n, sizeof(int));
	size_t found = 0;
	bool bad = false, act_label = false;
	for (size_t j = 0; j < r->n; j++) {
		fl[j] = -1;
		char *p = imp_plain_of(r->c[j].text);
		if (*p) {
			if (strlen(p) > 200 || imp_number_like(p))
				bad = true;
			int f = imp_classify_label(p);
			if (f == F_TITLE && m[F_TITLE] >= 0 && m[F_TASK] < 0) {
				/* Two title columns: a grouping one («Направление
				 * деятельности») beside the activities («Мероприятия»)
				 * is read like a «Задачи» column. */
				char *prev = imp_plain_of(r->c[m[F_TITLE]].text);
				if (imp_title_rank(p) > imp_title_rank(prev)) {
					fl[m[F_TITLE]] = F_TASK;
					m[F_TASK] = m[F_TITLE];
					m[F_TITLE] = -1;
				} else if (imp_title_rank(p) < imp_title_rank(prev)) {
					f = F_TASK;
				}
				free(prev);
			}
			if (f >= 0 && m[f] < 0) {
				m[f] = (int)j;
				fl[j] = f;
				found++;
				act_label |= f == F_TITLE && activity_label(p);
			}
		}
		free(p);
	}
	bool ok = !bad && found >= 2 && m[F_TITLE] >= 0 && (!strict || (act_label && m[F_DEADLINE] >= 0));
	if (ok)
		*field = fl;
	else
		free(fl);
	return ok;
}

/* ---- a two-row header ---- */

static const char *cell_at(const irow *r, size_t j)
{
	return j < r->n ? r->c[j].text : "";
}

/* Sub-labels of a start and an end («начало» / «окончание», «с» / «по»,
 * «дата начала» / «дата завершения»). */
static bool start_end_labels(const char *first, const char *second)
{
	static const char *const starts[] = {"начал", "с", "от", "дата начал", "старт", NULL};
	static const char *const ends[] = {"оконч", "по", "до", "дата оконч", "дата заверш", "заверш",
	                                   "конец", "финиш", NULL};
	char *f = utf8_lower_ru(imp_plain_of(first), UTF8_FOLD_YO);
	char *e = utf8_lower_ru(imp_plain_of(second), UTF8_FOLD_YO);
	bool a = false, b = false;
	for (int i = 0; starts[i] && !a; i++) {
		size_t k = strlen(starts[i]);
		a = !strncmp(f, starts[i], k) && (k > 4 || !f[k] || f[k] == ' ' || f[k] == '.');
	}
	for (int i = 0; ends[i] && !b; i++) {
		size_t k = strlen(ends[i]);
		b = !strncmp(e, ends[i], k) && (k > 4 || !e[k] || e[k] == ' ' || e[k] == '.');
	}
	free(f);
	free(e);
	return a && b;
}

/* The cells of one group [from, to) of a row joined as the group's field
 * wants them (see imp_fold_subheader); f is F_DEADLINE only for a start and
 * an end. */
static const char *join_group(arena *a, const irow *r, size_t from, size_t to, int f, bool name_pos)
{
	const char *first = "", *second = "";
	size_t filled = 0;
	buf b = BUF_INIT;
	for (size_t j = from; j < to; j++) {
		const char *c = cell_at(r, j);
		if (!*c)
			continue;
		if (!filled)
			first = c;
		else if (filled == 1)
			second = c;
		filled++;
	}
	if (filled == 2 && f == F_DEADLINE) {
		if (strcmp(first, second))
			buf_printf(&b, "%s – %s", first, second);
		else
			buf_puts(&b, first);
	} else if (filled == 2 && name_pos) {
		char **names, **posts;
		size_t nn = import_split_bodies(first, &names), np = import_split_bodies(second, &posts);
		if (nn == np) {
			for (size_t k = 0; k < nn; k++)
				buf_printf(&b, "%s%s (%s)", k ? ", " : "", names[k], posts[k]);
		} else {
			buf_printf(&b, "%s, %s", first, second);
		}
		import_strs_free(names, nn);
		import_strs_free(posts, np);
	} else {
		for (size_t j = from; j < to; j++)
			if (*cell_at(r, j))
				buf_printf(&b, "%s%s", b.len ? ", " : "", cell_at(r, j));
	}
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The row of column numbers printed under a header: «1», «2», … «n» in
 * every cell. */
static bool column_numbers_row(const irow *r)
{
	if (r->n < 3)
		return false;
	for (size_t j = 0; j < r->n; j++) {
		char want[24];
		snprintf(want, sizeof want, "%zu", j + 1);
		const char *c = r->c[j].text;
		if (strncmp(c, want, strlen(want)) || (c[strlen(want)] && strcmp(c + strlen(want), ".")))
			return false;
	}
	return true;
}

size_t imp_fold_subheader(arena *a, irows *rs, size_t h, int map[F_N], int **field, const char *file,
                          diag_list *dl)
{
	if (h + 1 >= rs->n)
		return 0;
	const irow *r1 = &rs->v[h], *r2 = &rs->v[h + 1];
	size_t n = r1->n > r2->n ? r1->n : r2->n;
	if (r2->n < 2 || n > IMPORT_MAX_COLS)
		return 0;
	/* The lower row holds short labels only, none under the number or the
	 * title (those are merged down over both rows). */
	for (size_t j = 0; j < r2->n; j++) {
		char *p = imp_plain_of(r2->c[j].text);
		bool bad = *p && (strlen(p) > 60 || imp_number_like(p) || (int)j == map[F_NUMBER] ||
		                  (int)j == map[F_TITLE]);
		free(p);
		if (bad)
			return 0;
	}
	/* A group: a labelled column and the unlabelled ones right of it, each
	 * with a sub-label below. */
	size_t *lead = xcalloc(n, sizeof(size_t));
	size_t groups = 0;
	for (size_t j = 0; j < n; j++) {
		lead[j] = j;
		if (j && !*cell_at(r1, j) && *cell_at(r2, j) && *cell_at(r2, j - 1) && *cell_at(r1, lead[j - 1])) {
			lead[j] = lead[j - 1];
			groups += lead[j] == j - 1;
		}
	}
	if (!groups) {
		free(lead);
		return 0;
	}
	size_t nn = 0;
	for (size_t j = 0; j < n; j++)
		nn += lead[j] == j;
	/* Each group's field and whether it is a name beside a position. */
	int *gf = xcalloc(n, sizeof(int));
	bool *np = xcalloc(n, sizeof(bool));
	for (size_t j = 0; j < n; j++) {
		if (lead[j] != j)
			continue;
		char *p = imp_plain_of(cell_at(r1, j));
		gf[j] = *p ? imp_classify_label(p) : -1;
		free(p);
		size_t e = j + 1;
		while (e < n && lead[e] == j)
			e++;
		if (gf[j] == F_DEADLINE && (e - j != 2 || !start_end_labels(cell_at(r2, j), cell_at(r2, j + 1))))
			gf[j] = -1; /* «план» / «факт», years …: joined with «, » */
		if (e - j == 2 && gf[j] == F_RESP) {
			char *l = utf8_lower_ru(imp_plain_of(cell_at(r2, j + 1)), UTF8_FOLD_YO);
			np[j] = !strncmp(l, "должн", strlen("должн"));
			free(l);
		}
		if (e - j > 1) {
			buf subs = BUF_INIT;
			for (size_t k = j; k < e; k++) {
				char *p2 = imp_plain_of(cell_at(r2, k));
				buf_printf(&subs, "%s«%s»", k > j ? ", " : "", p2);
				free(p2);
			}
			char *lab = imp_plain_of(cell_at(r1, j));
			diag_add(dl, DIAG_NOTE, file, r2->line, 0,
			         "шапка таблицы в две строки: столбцы %s объединены в столбец «%s»", buf_cstr(&subs), lab);
			free(lab);
			buf_free(&subs);
		}
	}
	/* The row of column numbers under the sub-labels counts the columns
	 * before folding: it goes with the sub-labels. */
	size_t drop = h + 2 < rs->n && column_numbers_row(&rs->v[h + 2]) ? 2 : 1;
	/* Every row of cells below (a one-cell row is text, left as it is). */
	for (size_t i = h; i < rs->n; i++) {
		if ((i > h && i <= h + drop) || (i > h && rs->v[i].n < 2))
			continue;
		irow *r = &rs->v[i];
		icell *c = arena_alloc(a, nn * sizeof(icell));
		size_t k = 0;
		for (size_t j = 0; j < n; j++) {
			if (lead[j] != j)
				continue;
			size_t e = j + 1;
			while (e < n && lead[e] == j)
				e++;
			c[k] = (icell){i == h ? cell_at(r, j) : join_group(a, r, j, e, gf[j], np[j]), r->line, 0};
			for (size_t m = j; m < e && m < r->n; m++)
				if (*r->c[m].text) {
					c[k].line = r->c[m].line;
					c[k].col = r->c[m].col;
					break;
				}
			k++;
		}
		/* Cells beyond the header's width stay (extra text is kept). */
		if (r->n > n) {
			icell *w = arena_alloc(a, (nn + r->n - n) * sizeof(icell));
			memcpy(w, c, nn * sizeof(icell));
			memcpy(w + nn, r->c + n, (r->n - n) * sizeof(icell));
			c = w;
			k += r->n - n;
		}
		r->c = c;
		r->n = k;
	}
	memmove(&rs->v[h + 1], &rs->v[h + 1 + drop], (rs->n - h - 1 - drop) * sizeof(irow));
	rs->n -= drop;
	free(lead);
	free(gf);
	free(np);
	free(*field);
	*field = NULL;
	if (!header_map(&rs->v[h], false, map, field))
		*field = xcalloc(1, sizeof(int)); /* cannot happen: the labels are the same */
	return groups;
}

/* ---- a number column without a label ---- */

bool imp_unlabelled_numbers(const irows *rs, size_t h, int map[F_N], int *field)
{
	if (map[F_NUMBER] >= 0)
		return false;
	const irow *hr = &rs->v[h];
	/* Numbers stand left of the activities; an unlabelled column right of
	 * them may hold sums or counts. */
	for (size_t j = 0; j < hr->n && (int)j < map[F_TITLE]; j++) {
		if (*hr->c[j].text || field[j] >= 0)
			continue;
		size_t filled = 0, numbers = 0;
		for (size_t i = h + 1; i < rs->n; i++) {
			const irow *r = &rs->v[i];
			if (r->n < 2 || j >= r->n || !*r->c[j].text)
				continue;
			char *p = imp_plain_of(r->c[j].text);
			filled++;
			numbers += imp_number_like(p);
			free(p);
		}
		if (filled >= 2 && numbers * 10 >= filled * 9) {
			map[F_NUMBER] = (int)j;
			field[j] = F_NUMBER;
			return true;
		}
	}
	return false;
}

bool imp_find_header(const irows *rs, size_t *h, int map[F_N], int **field)
{
	for (int strict = 1; strict >= 0; strict--)
		for (size_t i = 0; i < rs->n; i++)
			if (header_map(&rs->v[i], strict, map, field)) {
				*h = i;
				return true;
			}
	return false;
}

int imp_table_kind(const irow *r)
{
	if (r->n < 2)
		return IMP_T_NONE;
	bool goal = false, task = false, ind = false, unit = false, year = false, actw = false;
	for (size_t j = 0; j < r->n; j++) {
		char *p = imp_plain_of(r->c[j].text);
		char *l = utf8_lower_ru(xstrdup(p), UTF8_FOLD_YO);
		if (strlen(l) < 200) {
			goal |= !strncmp(l, "цел", strlen("цел")) && !strstr(l, "целев");
			task |= !strncmp(l, "задач", strlen("задач"));
			ind |= strstr(l, "показател") || strstr(l, "индикатор");
			unit |= strstr(l, "ед.") || strstr(l, "единиц") || strstr(l, "изм");
			actw |= activity_label(p);
			year |= strlen(l) >= 4 && l[0] == '2' && l[1] == '0' && imp_is_digit(l[2]) && imp_is_digit(l[3]) &&
			        !imp_is_digit(l[4]);
		}
		free(l);
		free(p);
	}
	if (ind && (unit || year) && !actw)
		return IMP_T_INDICATORS;
	if (goal && task && !actw)
		return IMP_T_GOALS;
	return IMP_T_NONE;
}

/* ---- the table ---- */





static sec *new_section(tbl *t, char *number, const char *title, int line)
{
	xgrow((void **)&t->secs, &t->cap, t->nsecs + 1, sizeof(sec));
	sec *s = &t->secs[t->nsecs++];
	memset(s, 0, sizeof *s);
	s->number = number;
	imp_buf_set(&s->title, title);
	s->line = line;
	t->last = L_SECTION;
	t->task = NULL;
	t->parent = NULL;
	return s;
}

static sec *cur_section(tbl *t, int line)
{
	if (!t->nsecs) {
		/* Activities before any section row: one section named like the
		 * title column, since a document needs sections. */
		const char *name = t->map[F_TITLE] >= 0 ? t->label[t->map[F_TITLE]] : "";
		sec *s = new_section(t, NULL, *name ? name : "Мероприятия", line);
		t->last = L_ACT;
		return s;
	}
	return &t->secs[t->nsecs - 1];
}

static act *new_act(tbl *t, const char *const *cells, const icell *const *pos, int line)
{
	if (t->nacts == IMPORT_MAX_ACTIVITIES) {
		if (!t->too_many)
			diag_add(t->dl, DIAG_ERROR, t->file, line, 0,
			         "в таблице больше %d мероприятий: это не дорожная карта?", IMPORT_MAX_ACTIVITIES);
		t->too_many = true;
		return NULL;
	}
	t->nacts++;
	sec *s = cur_section(t, line);
	xgrow((void **)&s->acts, &s->cap, s->nacts + 1, sizeof(act));
	act *a = &s->acts[s->nacts++];
	memset(a, 0, sizeof *a);
	a->cell = xcalloc(t->ncols, sizeof(buf));
	a->cline = xcalloc(t->ncols, sizeof(int));
	a->ccol = xcalloc(t->ncols, sizeof(int));
	a->line = line;
	for (size_t j = 0; j < t->ncols; j++) {
		imp_buf_set(&a->cell[j], cells[j]);
		if (pos[j]) {
			a->cline[j] = pos[j]->line;
			a->ccol[j] = pos[j]->col;
		}
	}
	int tc = t->map[F_TASK];
	if (tc >= 0 && *cells[tc])
		t->task = arena_strdup(t->a, cells[tc]);
	a->task = t->task;
	t->last = L_ACT;
	return a;
}

static act *last_act(tbl *t)
{
	if (!t->nsecs || !t->secs[t->nsecs - 1].nacts)
		return NULL;
	sec *s = &t->secs[t->nsecs - 1];
	return &s->acts[s->nacts - 1];
}

/* Joins a continuation cell to the cell above: with a line break when it
 * starts a sub-item (so that it becomes a list item), else with one space. */

/* Plain text of the end of a merged cell (its last 120 bytes or so): enough
 * to judge how the text ends without re-reading a cell that grows with every
 * continuation row. */
static char *plain_tail(const buf *b)
{
	size_t from = b->len > 120 ? b->len - 120 : 0;
	while (from < b->len && ((unsigned char)b->data[from] & 0xC0) == 0x80)
		from++;
	return imp_plain_of(b->data ? b->data + from : "");
}

/* Joins a continuation cell to the cell above.  In a Markdown column a line
 * break when the continuation starts a sub-item («- …», <li>) or a new sentence
 * of its own (a capitalized word after finished text: «… этап олимпиады» +
 * «Олимпиада младших школьников»), which the converter makes an item or a
 * paragraph; otherwise, and in plain columns, one space: the row was broken
 * in the middle of its text. */
static void join_cell(buf *b, const char *text, bool markdown)
{
	if (b->len) {
		const char *s = imp_skip_spaces(text);
		bool item = imp_marker_at(s) || imp_submarker_at(s) || !strncmp(s, "<li", 3) || !strncmp(s, "<ul", 3) ||
		            !strncmp(s, "<ol", 3);
		bool sentence = false;
		if (markdown && !item) {
			char *cont = imp_plain_of(s);
			size_t k;
			int32_t c1 = imp_cp_at(cont, &k);
			int32_t c2 = c1 ? imp_cp_at(cont + k, &k) : 0;
			if (utf8_is_upper_ru(c1) && utf8_is_lower_ru(c2)) {
				char *above = plain_tail(b);
				sentence = !imp_ends_unfinished(above);
				free(above);
			}
			free(cont);
		}
		buf_putc(b, markdown && (item || sentence) ? '\n' : ' ');
	}
	buf_puts(b, text);
}

/* Columns written as Markdown: the title, task and result, and the ones
 * that go into the comment. */
static bool is_markdown_col(const tbl *t, size_t j)
{
	int f = t->field[j];
	return f == F_TITLE || f == F_TASK || f == F_RESULT || f < 0;
}

static void merge_into(tbl *t, act *a, const char *const *cells, const icell *const *pos, int line)
{
	for (size_t j = 0; j < t->ncols; j++) {
		if (!*cells[j])
			continue;
		if (!a->cell[j].len && pos[j]) {
			a->cline[j] = pos[j]->line;
			a->ccol[j] = pos[j]->col;
		}
		join_cell(&a->cell[j], cells[j], is_markdown_col(t, j));
	}
	t->continuations++;
	const char *num = t->map[F_NUMBER] >= 0 ? buf_cstr(&a->cell[t->map[F_NUMBER]]) : "";
	char *p = imp_plain_of(num);
	if (*p)
		diag_add(t->dl, DIAG_NOTE, t->file, line, 0,
		         "строка-продолжение присоединена к мероприятию %s (строка %d)", p, a->line);
	else
		diag_add(t->dl, DIAG_NOTE, t->file, line, 0, "строка-продолжение присоединена к мероприятию в строке %d",
		         a->line);
	free(p);
}

/* Small words after which a title cannot end: a row broken over a page. */
bool imp_ends_unfinished(const char *plain)
{
	static const char *const tails[] = {" в", " на", " по", " и", " с", " к", " о", " об", " для", " от",
	                                    " до", " за", " из", " при", " без", " или", " а также", ",", "-",
	                                    " их", " её", " его", NULL};
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	size_t n = strlen(l);
	bool open = false;
	int depth = 0;
	for (const char *p = l; *p;) {
		size_t k;
		int32_t c = imp_cp_at(p, &k);
		depth += (c == 0xAB || c == '(') - (c == 0xBB || c == ')');
		p += k;
	}
	open = depth > 0;
	for (int i = 0; tails[i] && !open; i++) {
		size_t k = strlen(tails[i]);
		open = n >= k && !strcmp(l + n - k, tails[i]);
	}
	free(l);
	return open;
}

/* For every row, the number of the next row below it whose number cell holds
 * a number ("" when none): computed once from the bottom, since the heading
 * rules look ahead and a per-row scan would be quadratic. */
static const char **next_numbers(const tbl *t, const irows *rs)
{
	const char **next = arena_alloc(t->a, (rs->n ? rs->n : 1) * sizeof(char *));
	const char *below = "";
	int nc = t->map[F_NUMBER];
	for (size_t i = rs->n; i-- > 0;) {
		next[i] = below;
		if (nc >= 0 && (size_t)nc < rs->v[i].n) {
			char *n = imp_plain_of(rs->v[i].c[nc].text);
			if (imp_number_like(n))
				below = arena_strdup(t->a, n);
			free(n);
		}
	}
	return next;
}

/* A rule drawn with dashes or underscores («-----  --  --»): layout, no data. */
static bool row_is_rule(char **pc, size_t n)
{
	size_t marks = 0;
	for (size_t j = 0; j < n; j++) {
		for (const char *p = pc[j]; *p;) {
			size_t k;
			int32_t c = imp_cp_at(p, &k);
			if (c != '-' && c != '_' && c != '=' && c != '~' && c != '*' && c != '.' && c != ' ' &&
			    c != 0x2013 && c != 0x2014)
				return false;
			marks += c != ' ';
			p += k;
		}
	}
	return marks >= 2;
}

/* A repeated header (Word repeats it on every page) or the row of column
 * numbers «1 2 3 4 5» printed under it. */
static bool row_is_header_again(const tbl *t, char **pc, size_t n)
{
	size_t same = 0, filled = 0, seq = 0;
	for (size_t j = 0; j < n && j < t->ncols; j++) {
		if (!*pc[j])
			continue;
		filled++;
		same += !strcmp(pc[j], t->label[j]);
		char want[24];
		snprintf(want, sizeof want, "%zu", j + 1);
		seq += !strcmp(pc[j], want) || (!strncmp(pc[j], want, strlen(want)) && !strcmp(pc[j] + strlen(want), "."));
	}
	return filled >= 2 && (same == filled || (seq == filled && filled == n && filled >= 3));
}

static void trailing_line(tbl *t, const irow *r)
{
	buf line = BUF_INIT;
	for (size_t j = 0; j < r->n; j++) {
		char *p = imp_plain_of(r->c[j].text);
		if (*p) {
			if (line.len)
				buf_putc(&line, ' ');
			buf_puts(&line, p);
		}
		free(p);
	}
	if (line.len && imp_is_totals(line.data)) {
		t->totals = arena_strdup(t->a, line.data);
		t->totals_line = r->line;
	}
	if (line.len) {
		buf_puts(&t->trailing, line.data);
		buf_putc(&t->trailing, '\n');
		xgrow((void **)&t->tline, &t->tlcap, t->ntline + 1, sizeof(int));
		t->tline[t->ntline++] = r->line;
	}
	buf_free(&line);
}

/* A footnote line of a table: «* ВПР — …», «¹ По согласованию», «Примечание:
 * …» — text below the table wherever a page break put it. */
bool imp_is_footnote(const char *plain)
{
	static const char *const marks[] = {"*", "¹", "²", "³", "примечани", NULL};
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	bool yes = false;
	for (int i = 0; marks[i] && !yes; i++)
		yes = !strncmp(l, marks[i], strlen(marks[i]));
	free(l);
	return yes;
}

/* A totals row «Итого: 25 мероприятий», «Всего по разделу – 7»: neither a
 * heading nor an activity. */
bool imp_is_totals(const char *plain)
{
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	bool yes = false;
	static const char *const words[] = {"итого", "всего", NULL};
	for (int i = 0; words[i] && !yes; i++) {
		size_t k = strlen(words[i]);
		yes = !strncmp(l, words[i], k) && (!l[k] || l[k] == ':' || l[k] == ' ' || l[k] == '.');
	}
	free(l);
	return yes;
}

/* The number of a sub-item: its parent's number without the final dot, a
 * space, and the marker as written («1.2.2 а)»), so that it is unique and
 * reads on its own on every page. */
static const char *sub_number(const tbl *t, const char *marker)
{
	char *base = imp_strip_dot(t->parent);
	const char *n = arena_printf(t->a, "%s %s", base, marker);
	free(base);
	return n;
}

/* A sub-item row under an activity: the marker «а)», «б)», «1)», «2)» in the
 * number column, or at the start of the title cell with the number cell
 * empty.  With cells of its own beside the title (a deadline, a responsible
 * …) it is an activity of its own, numbered «1.2 а)»; with text only it
 * belongs to the activity above, as an item of a list in its title.  Only
 * under an activity numbered otherwise («1.2», «3.»): in a table numbered
 * «1)», «2)» throughout those are the activities.  True when the row was
 * taken. */
static bool sub_item(tbl *t, const irow *r, const char **cells, const icell **pos, char **pc, act *prev)
{
	int numc = t->map[F_NUMBER], titc = t->map[F_TITLE];
	if (!t->parent || !prev || t->last != L_ACT || titc < 0 || !*pc[titc])
		return false;
	const char *num = numc >= 0 ? pc[numc] : "";
	size_t mk = 0;
	bool in_title = false;
	if (*num) {
		mk = imp_submarker_at(num);
		if (!mk || num[mk])
			return false;
	} else {
		mk = imp_submarker_at(pc[titc]);
		in_title = mk > 0;
		if (!mk)
			return false;
	}
	const char *marker = arena_strndup(t->a, in_title ? pc[titc] : num, mk);
	bool own = false;
	for (size_t j = 0; j < t->ncols; j++)
		own |= (int)j != numc && (int)j != titc && *pc[j];
	if (own) {
		const char **c2 = arena_alloc(t->a, t->ncols * sizeof(char *));
		memcpy(c2, cells, t->ncols * sizeof(char *));
		if (in_title)
			c2[titc] = imp_skip_spaces(pc[titc] + mk);
		if (numc >= 0)
			c2[numc] = sub_number(t, marker);
		t->secs[t->nsecs - 1].acts[t->parent_at].lead_in = true;
		new_act(t, c2, pos, r->line);
		return true;
	}
	const char *text = in_title ? cells[titc] : arena_printf(t->a, "%s %s", marker, cells[titc]);
	join_cell(&prev->cell[titc], text, true);
	char *pn = numc >= 0 ? imp_plain_of(buf_cstr(&prev->cell[numc])) : xstrdup("");
	diag_add(t->dl, DIAG_NOTE, t->file, r->line, 0,
	         "подпункт «%s» без своего срока и ответственных добавлен списком к тексту мероприятия %s (строка %d)",
	         marker, pn, prev->line);
	free(pn);
	return true;
}

/* A sub-section heading of a table numbered in three levels: «1.1.
 * Нормативное обеспечение» with nothing beside its title, over «1.1.1.».
 * Sections hold activities directly, so it is kept as the `task` of the
 * activities under it, number and title as written («1.1. Нормативное
 * обеспечение»), and the column is labelled «Подраздел».  True when the row
 * was taken. */
static bool sub_section(tbl *t, char **pc, const char *next)
{
	int numc = t->map[F_NUMBER], titc = t->map[F_TITLE];
	if (numc < 0 || titc < 0 || !*pc[titc] || t->map[F_TASK] >= 0)
		return false;
	const char *num = pc[numc];
	if (!imp_number_like(num) || imp_section_level(num) || imp_submarker_at(num))
		return false;
	for (size_t j = 0; j < t->ncols; j++)
		if ((int)j != numc && (int)j != titc && *pc[j])
			return false;
	char *base = imp_strip_dot(num);
	size_t bl = strlen(base);
	bool child = !strncmp(next, base, bl) && next[bl] == '.' && imp_is_digit(next[bl + 1]);
	free(base);
	if (!child)
		return false;
	if (!t->nsecs)
		cur_section(t, 0);
	t->task = arena_printf(t->a, "%s %s", num, pc[titc]);
	t->subsections = true;
	t->parent = NULL;
	t->last = L_SECTION;
	return true;
}

/* The cells of row r filled outside column `skip`: whether any is. */
static bool filled_beyond(const irow *r, int skip)
{
	for (size_t j = 0; j < r->n; j++)
		if ((int)j != skip && *r->c[j].text)
			return true;
	return false;
}

/* Whether row r holds text in the title column only, not starting lower-case. */
static bool title_only_row(const irow *r, int titc)
{
	return titc >= 0 && (size_t)titc < r->n && *r->c[titc].text && !filled_beyond(r, titc) &&
	       !imp_starts_lower(r->c[titc].text);
}

/* A table without numbers whose first row is a heading (text in the title
 * column only) writes its headings so: such a row followed by a full row
 * starts a section.  When the first row is an activity, a title-only row
 * may be one whose cells were merged with the row above, and stays one. */
static bool headings_unnumbered(const tbl *t, const irows *rs, size_t h, size_t end)
{
	if (t->map[F_NUMBER] >= 0)
		return false;
	for (size_t i = h + 1; i < end; i++)
		if (rs->v[i].n >= 2 && filled_beyond(&rs->v[i], -1))
			return title_only_row(&rs->v[i], t->map[F_TITLE]);
	return false;
}

/* The next row after i with text (before end) is a full row. */
static bool next_row_full(const irows *rs, size_t i, size_t end, int titc)
{
	for (size_t k = i + 1; k < end; k++)
		if (filled_beyond(&rs->v[k], -1))
			return rs->v[k].n >= 2 && filled_beyond(&rs->v[k], titc);
	return false;
}

int imp_section_column(const tbl *t)
{
	for (size_t j = 0; j < t->ncols; j++) {
		if (t->field[j] >= 0)
			continue;
		char *l = utf8_lower_ru(xstrdup(t->label[j]), UTF8_FOLD_YO);
		bool yes = !strncmp(l, "раздел", strlen("раздел"));
		free(l);
		if (yes)
			return (int)j;
	}
	return -1;
}

/* The row right after the header continues its labels: every filled cell
 * starts in lower case («п/п», «мероприятия», «исполнения»), and none is a
 * number. */
static bool header_continues(const tbl *t, char **pc)
{
	size_t filled = 0;
	for (size_t j = 0; j < t->ncols; j++) {
		if (!*pc[j])
			continue;
		if (!imp_starts_lower(pc[j]) || imp_number_like(pc[j]))
			return false;
		filled++;
	}
	return filled > 0;
}

/* Walks the rows after the header: see spec/import.md for the kinds of rows. */
void imp_process_rows(tbl *t, const irows *rs, size_t h, size_t end)
{
	size_t nc = t->ncols;
	int numc = t->map[F_NUMBER], titc = t->map[F_TITLE];
	/* Rows after the last row with cells are text below the table. */
	size_t last_multi = h;
	for (size_t i = h + 1; i < end; i++)
		if (rs->v[i].n >= 2)
			last_multi = i;
	const char **cells = xcalloc(nc, sizeof(char *));
	const icell **pos = xcalloc(nc, sizeof(icell *));
	char **pc = xcalloc(nc, sizeof(char *));
	const char **nexts = next_numbers(t, rs);
	bool unnumbered_heads = headings_unnumbered(t, rs, h, end);
	/* The table's first column: a table shifted right on its sheet leaves
	 * the columns before its first label empty, and a row merged across
	 * the table has its text there. */
	size_t first = 0;
	while (first + 1 < nc && !*t->label[first] && t->field[first] < 0)
		first++;
	t->last = L_HEADER;
	for (size_t i = h + 1; i < end && !t->too_many; i++) {
		const irow *r = &rs->v[i];
		if (r->n == 1 && nc > 1) {
			/* A line without a delimiter: text below the table, a heading
			 * written across the table, or a wrapped line of the row above. */
			const char *text = r->c[0].text;
			char *p = imp_plain_of(text);
			act *a = last_act(t);
			if (i > last_multi || (t->nacts && (imp_is_footnote(p) || imp_is_totals(p)))) {
				trailing_line(t, r);
			} else if (imp_starts_lower(p) && t->last == L_ACT && a) {
				int j = (int)nc - 1;
				while (j > 0 && !a->cell[j].len)
					j--;
				join_cell(&a->cell[j], text, is_markdown_col(t, (size_t)j));
				t->continuations++;
				diag_add(t->dl, DIAG_NOTE, t->file, r->line, 0,
				         "строка-продолжение присоединена к мероприятию в строке %d", a->line);
			} else if (imp_starts_lower(p) && t->last == L_SECTION) {
				buf *tt = &t->secs[t->nsecs - 1].title;
				if (tt->len)
					buf_putc(tt, ' ');
				buf_puts(tt, p);
			} else if (*p) {
				const char *title;
				char *num = imp_heading_number(p, &title);
				new_section(t, num, title, r->line);
			}
			free(p);
			continue;
		}
		/* A continuation whose empty number cell was lost: its text slid
		 * into the number column («<p>общего числа …» with one cell less). */
		size_t shift = 0;
		if (numc == 0 && r->n < nc && r->n >= 2) {
			char *p0 = imp_plain_of(r->c[0].text);
			shift = *p0 && imp_starts_lower(p0) ? 1 : 0;
			free(p0);
		}
		for (size_t j = 0; j < nc; j++) {
			const icell *c = j >= shift && j - shift < r->n ? &r->c[j - shift] : NULL;
			cells[j] = c ? c->text : "";
			pos[j] = c && *c->text ? c : NULL;
		}
		/* Cells beyond the header (a TAB typed inside a cell): added to the
		 * last column so that no text is lost. */
		for (size_t j = nc + shift; j < r->n; j++) {
			if (!*r->c[j].text)
				continue;
			if (!t->extra_warned)
				diag_add(t->dl, DIAG_WARNING, t->file, r->c[j].line, r->c[j].col,
				         "в строке больше ячеек, чем в заголовке таблицы: лишние добавлены к последнему столбцу");
			t->extra_warned = true;
			cells[nc - 1] = *cells[nc - 1] ? arena_printf(t->a, "%s %s", cells[nc - 1], r->c[j].text)
			                               : r->c[j].text;
			if (!pos[nc - 1])
				pos[nc - 1] = &r->c[j];
		}
		int secc = t->section_col - 1;
		if (secc >= 0 && (size_t)secc < nc && *cells[secc]) {
			/* The row's section named in the «Раздел» column. */
			char *st = imp_plain_of(cells[secc]);
			sec *cur = t->nsecs ? &t->secs[t->nsecs - 1] : NULL;
			const char *title;
			char *hn = imp_heading_number(st, &title);
			if (!cur || strcmp(buf_cstr(&cur->title), title))
				new_section(t, hn, title, r->line);
			else
				free(hn);
			free(st);
			cells[secc] = "";
			pos[secc] = NULL;
		}
		size_t nfilled = 0, only = 0;
		for (size_t j = 0; j < nc; j++) {
			pc[j] = imp_plain_of(cells[j]);
			if (*pc[j]) {
				nfilled++;
				only = j;
			}
		}
		const char *num = numc >= 0 ? pc[numc] : "";
		act *prev = last_act(t);
		if (!nfilled || row_is_rule(pc, nc) || row_is_header_again(t, pc, nc))
			goto next;
		if (sub_item(t, r, cells, pos, pc, prev))
			goto next;
		if (sub_section(t, pc, nexts[i]))
			goto next;
		if (nfilled == 1 && t->nacts && (imp_is_totals(pc[only]) || imp_is_footnote(pc[only]))) {
			/* A totals row or a footnote: kept as text below the table
			 * (imp_judge compares the totals with what was read). */
			trailing_line(t, r);
			goto next;
		}
		if (nfilled == 1 && (only == first || (int)only == titc) && !((int)only == numc && imp_number_like(num))) {
			/* The row's only text is in the first or the title column. */
			const char *text = pc[only];
			bool heading = false;
			if (!imp_starts_lower(text)) {
				if ((int)only != titc) {
					heading = true; /* a row merged across the table */
				} else {
					const char *title;
					char *hn = imp_heading_number(text, &title);
					const char *next = nexts[i];
					/* Headings come before a section's first activity; in
					 * a table with a task column such a row is a further
					 * activity of the task. */
					bool before_first = *next && imp_first_of_section(next) && numc >= 0 &&
					                    t->map[F_TASK] < 0;
					heading = hn || (t->last == L_HEADER && before_first) ||
					          (t->last == L_ACT && before_first) ||
					          (unnumbered_heads && next_row_full(rs, i, end, titc));
					free(hn);
				}
			}
			if (heading) {
				const char *title;
				char *hn = imp_heading_number(text, &title);
				new_section(t, hn, title, r->line);
				goto next;
			}
		}
		if (nfilled == 1 && (int)only == numc && imp_section_level(num)) {
			/* A section number alone: its title may follow on the next row. */
			new_section(t, imp_strip_dot(num), "", r->line);
			goto next;
		}
		if (*num && imp_section_level(num) && (titc < 0 || *pc[titc])) {
			bool rest_empty = true;
			for (size_t j = 0; j < nc; j++)
				if ((int)j != numc && (int)j != titc && *pc[j])
					rest_empty = false;
			const char *next = nexts[i];
			char *base = imp_strip_dot(num);
			size_t bl = strlen(base);
			bool child = !strncmp(next, base, bl) && next[bl] == '.' && imp_is_digit(next[bl + 1]);
			free(base);
			if (rest_empty && (is_roman(num) || child)) {
				new_section(t, imp_strip_dot(num), titc >= 0 ? pc[titc] : "", r->line);
				goto next;
			}
		}
		if (t->last == L_HEADER && header_continues(t, pc)) {
			/* The header broken over two lines («№ ⇥ Наименование» /
			 * «п/п ⇥ мероприятия»). */
			for (size_t j = 0; j < nc; j++)
				if (*pc[j])
					t->label[j] = arena_printf(t->a, "%s %s", t->label[j], pc[j]);
			goto next;
		}
		if (*num) {
			if (!imp_number_like(num) && t->nacts && (!*nexts[i] || titc < 0 || !*pc[titc])) {
				/* Text in the number column: below the last numbered row, a
				 * signature laid out with a TAB («Начальник управления ⇥
				 * Т.В. Ермакова»); above one, with no title, a heading with
				 * remarks beside it. */
				if (!*nexts[i]) {
					trailing_line(t, r);
				} else {
					const char *title;
					char *hn = imp_heading_number(num, &title);
					new_section(t, hn, title, r->line);
					diag_add(t->dl, DIAG_WARNING, t->file, r->line, 0,
					         "строка прочитана как заголовок раздела «%s», текст других её ячеек не перенесён",
					         num);
				}
				goto next;
			}
			if (new_act(t, cells, pos, r->line) && imp_number_like(num) && !imp_submarker_at(num)) {
				t->parent = arena_strdup(t->a, num);
				t->parent_at = t->secs[t->nsecs - 1].nacts - 1;
			}
			goto next;
		}
		/* No number. */
		if (t->last == L_HEADER) {
			new_act(t, cells, pos, r->line);
			goto next;
		}
		if (t->last == L_SECTION) {
			sec *s = &t->secs[t->nsecs - 1];
			bool title_only = nfilled == 1 && ((int)only == titc || only == first);
			if (title_only && (!s->title.len || imp_starts_lower(pc[only]))) {
				if (s->title.len)
					buf_putc(&s->title, ' ');
				buf_puts(&s->title, pc[only]);
				goto next;
			}
			new_act(t, cells, pos, r->line);
			goto next;
		}
		{
			/* After an activity: a further activity of the same task in a table
			 * with a «Задачи» column (or without numbers), else the continuation
			 * of the row above broken over a page. */
			bool further = false;
			if ((t->map[F_TASK] >= 0 || numc < 0) && titc >= 0 && imp_starts_new(pc[titc]) && prev) {
				char *pt = plain_tail(&prev->cell[titc]);
				further = !imp_ends_unfinished(pt);
				free(pt);
			}
			if (further || !prev)
				new_act(t, cells, pos, r->line);
			else
				merge_into(t, prev, cells, pos, r->line);
		}
	next:
		for (size_t j = 0; j < nc; j++) {
			free(pc[j]);
			pc[j] = NULL;
		}
	}
	free(cells);
	free(pos);
	free(pc);
	/* Headings after the last activity are text below the table; they came
	 * before any other trailing text. */
	size_t keep = t->nsecs;
	while (keep > 1 && !t->secs[keep - 1].nacts)
		keep--;
	if (keep < t->nsecs) {
		buf lines = BUF_INIT;
		size_t nh = t->nsecs - keep;
		xgrow((void **)&t->tline, &t->tlcap, t->ntline + nh, sizeof(int));
		memmove(t->tline + nh, t->tline, t->ntline * sizeof(int));
		t->ntline += nh;
		for (size_t k = keep; k < t->nsecs; k++) {
			sec *s = &t->secs[k];
			t->tline[k - keep] = s->line;
			if (s->number)
				buf_printf(&lines, "%s. ", s->number);
			buf_printf(&lines, "%s\n", buf_cstr(&s->title));
			buf_free(&s->title);
			free(s->number);
		}
		buf_puts(&lines, buf_cstr(&t->trailing));
		buf_free(&t->trailing);
		t->trailing = lines;
		t->nsecs = keep;
	}
}


/* ---- vertically merged cells ---- */

/* The number of activity a as written («1.2.», heap; "" when none). */
static char *act_number_of(const tbl *t, const act *a)
{
	if (t->map[F_NUMBER] >= 0)
		return imp_plain_of(buf_cstr(&a->cell[t->map[F_NUMBER]]));
	return xstrdup(a->number ? a->number : "");
}

/* Activity k of s is a group row: the lead-in of sub-items with cells of
 * their own, or the next one's number continues its own («1.2.» then
 * «1.2.1»). */
static bool parent_row(const tbl *t, const sec *s, size_t k)
{
	if (s->acts[k].lead_in)
		return true;
	if (k + 1 >= s->nacts)
		return false;
	char *n = act_number_of(t, &s->acts[k]), *m = act_number_of(t, &s->acts[k + 1]);
	char *base = imp_strip_dot(n);
	size_t bl = strlen(base);
	bool yes = bl && imp_number_like(n) && !strncmp(m, base, bl) && m[bl] == '.' && imp_is_digit(m[bl + 1]);
	free(base);
	free(n);
	free(m);
	return yes;
}

void imp_fill_merged(tbl *t)
{
	static const int fields[] = {F_DEADLINE, F_RESP};
	for (size_t f = 0; f < ARRAY_LEN(fields); f++) {
		int c = t->map[fields[f]];
		if (c < 0)
			continue;
		size_t total = 0, filled = 0;
		bool gap_at_start = false;
		for (size_t i = 0; i < t->nsecs; i++) {
			const sec *s = &t->secs[i];
			for (size_t k = 0; k < s->nacts; k++) {
				bool group = parent_row(t, s, k);
				total += !group;
				filled += !group && s->acts[k].cell[c].len > 0;
			}
			size_t first = 0;
			while (first < s->nacts && parent_row(t, s, first))
				first++;
			gap_at_start |= first < s->nacts && !s->acts[first].cell[c].len;
		}
		if (gap_at_start && 2 * filled >= total && filled < total)
			diag_add(t->dl, DIAG_NOTE, t->file, t->hline, 0,
			         "пустые ячейки столбца «%s» (мероприятий: %zu) оставлены пустыми: раздел начинается с "
			         "пустой ячейки, так что это не похоже на объединённые ячейки; если ячейки были "
			         "объединены, впишите текст в каждую строку",
			         t->label[c], total - filled);
		if (gap_at_start || 2 * filled < total || filled == total)
			continue;
		for (size_t i = 0; i < t->nsecs; i++) {
			sec *s = &t->secs[i];
			const act *src = NULL;
			for (size_t k = 0; k < s->nacts;) {
				if (s->acts[k].cell[c].len || parent_row(t, s, k)) {
					/* A group row («1.2.» over «1.2.1», «1.2.2») is a
					 * heading: merged blocks do not run through it. */
					src = s->acts[k].cell[c].len && !parent_row(t, s, k) ? &s->acts[k] : NULL;
					k++;
					continue;
				}
				if (!src) {
					k++;
					continue;
				}
				size_t from = k;
				for (; k < s->nacts && !s->acts[k].cell[c].len && !parent_row(t, s, k); k++) {
					act *a = &s->acts[k];
					imp_buf_set(&a->cell[c], buf_cstr(&src->cell[c]));
					a->cline[c] = src->cline[c];
					a->ccol[c] = src->ccol[c];
					t->merged++;
				}
				char *p = imp_plain_of(buf_cstr(&src->cell[c]));
				if (k - from == 1)
					diag_add(t->dl, DIAG_NOTE, t->file, s->acts[from].line, 0,
					         "пустая ячейка столбца «%s» заполнена текстом «%s» из строки %d: вероятно, "
					         "объединённая ячейка",
					         t->label[c], p, src->line);
				else
					diag_add(t->dl, DIAG_NOTE, t->file, s->acts[from].line, 0,
					         "пустые ячейки столбца «%s» в строках %d–%d заполнены текстом «%s» из строки "
					         "%d: вероятно, объединённая ячейка",
					         t->label[c], s->acts[from].line, s->acts[k - 1].line, p, src->line);
				free(p);
			}
		}
	}
}

/* ---- numbers written in the title ---- */

/* Length of a leading number of raw cell text («1.2. », «3) ») up to the text
 * after it, or 0: a number as tables write it, then spaces, then a capital
 * letter, digit or quote (or any text after a dotted number). */
static size_t title_number_len(const char *s, size_t *numlen)
{
	size_t n = 0;
	while (imp_is_digit(s[n]) || s[n] == '.' || s[n] == ')')
		n++;
	if (!n || s[n] != ' ')
		return 0;
	char *tok = xstrndup(s, n);
	bool ok = imp_number_like(tok) && imp_is_digit(tok[0]);
	bool dotted = strchr(tok, '.') || strchr(tok, ')');
	free(tok);
	size_t k = n;
	while (s[k] == ' ')
		k++;
	if (!ok || !s[k] || (!dotted && !imp_starts_new(s + k)))
		return 0;
	*numlen = n;
	return k;
}

void imp_split_numbers(tbl *t)
{
	int c = t->map[F_TITLE];
	if (t->map[F_NUMBER] >= 0 || c < 0)
		return;
	size_t total = 0, numbered = 0, nl;
	for (size_t i = 0; i < t->nsecs; i++)
		for (size_t k = 0; k < t->secs[i].nacts; k++) {
			total++;
			numbered += title_number_len(buf_cstr(&t->secs[i].acts[k].cell[c]), &nl) > 0;
		}
	if (!numbered || 2 * numbered < total)
		return;
	diag_add(t->dl, DIAG_NOTE, t->file, t->hline, 0,
	         "столбца номеров нет: номер взят из начала текста («1.2. …») у мероприятий: %zu", numbered);
	for (size_t i = 0; i < t->nsecs; i++)
		for (size_t k = 0; k < t->secs[i].nacts; k++) {
			act *a = &t->secs[i].acts[k];
			const char *s = buf_cstr(&a->cell[c]);
			size_t skip = title_number_len(s, &nl);
			if (!skip)
				continue;
			a->number = arena_strndup(t->a, s, nl);
			char *rest = xstrdup(s + skip);
			imp_buf_set(&a->cell[c], rest);
			free(rest);
		}
}

/* ---- dates as Excel shows them ---- */

/* The phrase for a whole cell in one of Excel's date formats, or NULL (heap):
 * «01.09.2022 0:00» (a date-time at midnight) → «01.09.2022», «2022-09-01» →
 * «01.09.2022», «сен.22» / «сен.2022» (format МММ.ГГ) → «сентябрь 2022 г.». */
static char *excel_date(const char *s)
{
	static const char *const abbr[] = {"янв", "фев", "мар", "апр", "май", "июн",
	                                   "июл", "авг", "сен", "окт", "ноя", "дек"};
	static const char *const month[] = {"январь", "февраль", "март",    "апрель",  "май",    "июнь",
	                                    "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
	unsigned d, m, y, hh, mm;
	int n = 0;
	if (sscanf(s, "%2u.%2u.%4u %2u:%2u%n", &d, &m, &y, &hh, &mm, &n) == 5) {
		const char *rest = s + n;
		if (!strcmp(rest, ":00"))
			rest += 3;
		if (!*rest && !hh && !mm && y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
			return xasprintf("%02u.%02u.%04u", d, m, y);
	}
	n = 0;
	if (sscanf(s, "%4u-%2u-%2u%n", &y, &m, &d, &n) == 3 && n == 10 && !s[n] && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31)
		return xasprintf("%02u.%02u.%04u", d, m, y);
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	char *out = NULL;
	for (size_t i = 0; i < ARRAY_LEN(abbr) && !out; i++) {
		size_t k = strlen(abbr[i]);
		if (strncmp(l, abbr[i], k) || l[k] != '.')
			continue;
		const char *q = l + k + 1;
		size_t digits = strspn(q, "0123456789");
		if ((digits == 2 || digits == 4) && !q[digits]) {
			unsigned yy = (unsigned)atoi(q);
			out = xasprintf("%s %u г.", month[i], digits == 2 ? 2000 + yy : yy);
		}
	}
	free(l);
	return out;
}

void imp_excel_dates(tbl *t)
{
	int c = t->map[F_DEADLINE];
	if (c < 0)
		return;
	for (size_t i = 0; i < t->nsecs; i++)
		for (size_t k = 0; k < t->secs[i].nacts; k++) {
			act *a = &t->secs[i].acts[k];
			char *p = imp_plain_of(buf_cstr(&a->cell[c]));
			char *d = *p ? excel_date(p) : NULL;
			if (d) {
				diag_add(t->dl, DIAG_NOTE, t->file, a->cline[c] ? a->cline[c] : a->line, a->ccol[c],
				         "срок «%s» в формате даты Excel записан как «%s»", p, d);
				imp_buf_set(&a->cell[c], d);
				t->excel_dates++;
			}
			free(d);
			free(p);
		}
}
