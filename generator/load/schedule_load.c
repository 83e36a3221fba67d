#include "schedule_load.h"
#include "fields.h"
#include "schedule_rules.h"
#include "utf8.h"
#include "csvread.h"
#include "fsutil.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { S_SCHOOL, S_DATE, S_GRADE, S_SUBJECT, S_PROCEDURE, S_LEVEL, S_HOURS, S_LESSON, S_PER_DAY, S_NCOLS };

static const char *const NAMES[S_NCOLS] = {"school", "date", "grade", "subject", "procedure", "level",
                                           "hours", "lesson", "lessons_per_day"};
static const char *const ALIASES[S_NCOLS][5] = {
	{"оо", "школа", NULL}, {"дата", NULL}, {"класс", "параллель", NULL}, {"предмет", NULL},
	{"процедура", "форма", "оценочная процедура", NULL}, {"уровень", NULL},
	{"часы", "часов в год", "часов по плану", "количество часов", NULL}, {"урок", "номер урока", NULL},
	{"уроков в день", "уроков", NULL},
};
/* Levels of a procedure, as spec/indicators.md names them. */
static const char *const LEVELS[] = {"федеральный", "региональный", "муниципальный", "школьный", NULL};

static const char *cell(loader *L, const csv_row *r, int col)
{
	const char *t = csv_cell_text(r, col);
	return *t ? arena_strdup(L->a, t) : NULL;
}

static pos cell_pos(const char *file, const csv_row *r, int col)
{
	if (col >= 0 && (size_t)col < r->n)
		return (pos){file, r->cells[col].line, r->cells[col].col};
	return (pos){file, r->line, 1};
}

/* Parses one row into *out; false (after reporting) when it is unusable. */
static bool load_row(loader *L, const edition *ed, const char *file, const csv_row *r, const int *cols,
                     assessment *out)
{
	memset(out, 0, sizeof *out);
	out->at = cell_pos(file, r, -1);
	const char *id = csv_cell_text(r, cols[S_SCHOOL]);
	pos sp = cell_pos(file, r, cols[S_SCHOOL]);
	out->sc = load_school_ref(L, file, sp.line, sp.col, id);
	if (!out->sc)
		return false;
	const char *d = csv_cell_text(r, cols[S_DATE]);
	int rc = date_parse(d, &out->on);
	if (rc != 1) {
		pos p = cell_pos(file, r, cols[S_DATE]);
		diag_add(L->dl, DIAG_ERROR, file, p.line, p.col, rc < 0 ? "такой даты нет: «%s»" : "«%s» — не дата; пишите ДД.ММ.ГГГГ", d);
		return false;
	}
	if (date_cmp(out->on, ed->start) < 0 || date_cmp(out->on, ed->end) > 0) {
		pos p = cell_pos(file, r, cols[S_DATE]);
		diag_add(L->dl, DIAG_WARNING, file, p.line, p.col, "дата %s вне учебного года редакции %s; проверьте год", d, ed->id);
	}
	const char *grade = csv_cell_text(r, cols[S_GRADE]);
	if (*grade) {
		char *g = sched_grade_norm(grade);
		out->grade = arena_strdup(L->a, g);
		free(g);
	}
	out->subject = cell(L, r, cols[S_SUBJECT]);
	out->procedure = cell(L, r, cols[S_PROCEDURE]);
	static const int required[] = {S_GRADE, S_SUBJECT, S_PROCEDURE};
	const char *vals[] = {out->grade, out->subject, out->procedure};
	bool ok = true;
	for (size_t i = 0; i < ARRAY_LEN(required); i++)
		if (!vals[i]) {
			pos p = cell_pos(file, r, cols[required[i]]);
			diag_add(L->dl, DIAG_ERROR, file, p.line, p.col, "не заполнен столбец «%s»", NAMES[required[i]]);
			ok = false;
		}
	const char *level = csv_cell_text(r, cols[S_LEVEL]);
	for (size_t i = 0; *level && LEVELS[i] && !out->level; i++)
		if (utf8_caseeq(level, LEVELS[i]))
			out->level = LEVELS[i];
	if (*level && !out->level) {
		pos p = cell_pos(file, r, cols[S_LEVEL]);
		diag_add(L->dl, DIAG_ERROR, file, p.line, p.col,
		         "неизвестный уровень процедуры «%s»; допустимы: федеральный, региональный, муниципальный, школьный",
		         level);
		ok = false;
	}
	static const struct {
		int col, max;
		const char *what;
	} nums[] = {{S_HOURS, 2000, "число учебных часов предмета в год (например, 68)"},
	            {S_LESSON, 12, "номер урока от 1 до 12"},
	            {S_PER_DAY, 12, "число уроков в день от 1 до 12"}};
	int *dst[] = {&out->hours, &out->lesson, &out->lessons_per_day};
	for (size_t i = 0; i < ARRAY_LEN(nums); i++) {
		const char *t = csv_cell_text(r, cols[nums[i].col]);
		double x;
		if (!*t)
			continue;
		if (csv_parse_number(t, &x, NULL) || x != (int)x || x < 1 || x > nums[i].max) {
			pos p = cell_pos(file, r, cols[nums[i].col]);
			diag_add(L->dl, DIAG_ERROR, file, p.line, p.col, "столбец «%s»: «%s» — здесь пишут %s",
			         NAMES[nums[i].col], t, nums[i].what);
			ok = false;
			continue;
		}
		*dst[i] = (int)x;
	}
	int per_day = out->lessons_per_day ? out->lessons_per_day : ed->lessons_per_day;
	if (ok && out->lesson && per_day && out->lesson > per_day) {
		pos p = cell_pos(file, r, cols[S_LESSON]);
		diag_add(L->dl, DIAG_ERROR, file, p.line, p.col, "урок %d, а уроков в день %d", out->lesson, per_day);
		ok = false;
	}
	return ok;
}

static int cmp_assessment(const void *pa, const void *pb)
{
	const assessment *a = pa, *b = pb;
	int c = strcmp(a->sc->id, b->sc->id);
	if (!c)
		c = date_cmp(a->on, b->on);
	if (!c)
		c = strcmp(a->grade, b->grade);
	if (!c)
		c = strcmp(a->subject, b->subject);
	if (!c)
		c = strcmp(a->at.file, b->at.file);
	if (!c)
		c = a->at.line - b->at.line;
	return c;
}

/* FNV-1a, 32 bits: a short stable fingerprint of a row's content. */
static unsigned long fnv(const char *const *parts, size_t n)
{
	unsigned long h = 2166136261UL;
	for (size_t i = 0; i < n; i++)
		for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
			h = ((h ^ *p) * 16777619UL) & 0xffffffffUL;
	return h;
}

/* Anchors that stay when other rows are added: the day and what is assessed;
 * a repeated row gets «-2», «-3». */
static void set_anchors(loader *L, edition *ed)
{
	for (size_t i = 0; i < ed->nschedule; i++) {
		assessment *as = &ed->schedule[i];
		char day[9];
		const char *parts[] = {as->grade, "|", as->subject, "|", as->procedure};
		date_basic(as->on, day);
		const char *base = arena_printf(L->a, "p-%s-%08lx", day, fnv(parts, ARRAY_LEN(parts)));
		int same = 1;
		for (size_t j = i; j-- > 0 && ed->schedule[j].sc == as->sc && !date_cmp(ed->schedule[j].on, as->on);)
			same += str_starts(ed->schedule[j].anchor, base);
		as->anchor = same > 1 ? arena_printf(L->a, "%s-%d", base, same) : base;
	}
}

/* The federal recommendations (schedule_rules.h): kept in the model for the
 * overview page and reported as warnings at their rows. */
static void check_rules(loader *L, edition *ed)
{
	ed->breaches = sched_breaches(ed->schedule, ed->nschedule, ed->lessons_per_day, L->a, &ed->nbreaches);
	for (size_t i = 0; i < ed->nbreaches; i++) {
		const breach *b = &ed->breaches[i];
		diag_add(L->dl, DIAG_WARNING, b->row->at.file, b->row->at.line, b->row->at.col, "%s: %s",
		         b->row->sc->short_name, b->text);
	}
}

static void load_edition_schedule(loader *L, edition *ed)
{
	char *rel_dir = xasprintf("editions/%s/schedule", ed->id);
	char *dir = load_path(L, rel_dir);
	char **names;
	int n = fs_list(dir, ".csv", false, &names);
	size_t cap = 0;
	for (int f = 0; f < n; f++) {
		const char *file = arena_printf(L->a, "%s/%s", rel_dir, names[f]);
		char *path = fs_join(dir, names[f]);
		csv_table t;
		if (fs_inside(L->root, path))
			csv_read_file(path, file, &t, L->dl);
		else {
			diag_add(L->dl, DIAG_ERROR, file, 0, 0, "файл ведёт за пределы папки с содержимым");
			memset(&t, 0, sizeof t);
		}
		free(path);
		int cols[S_NCOLS];
		bool ok = true;
		for (int k = 0; k < S_NCOLS; k++) {
			cols[k] = csv_find_col(&t, NAMES[k], ALIASES[k]);
			if (cols[k] < 0 && k <= S_PROCEDURE && t.header.n) {
				diag_add(L->dl, DIAG_ERROR, file, t.header.line, 1, "в строке заголовка нет столбца «%s»", NAMES[k]);
				ok = false;
			}
		}
		for (size_t i = 0; ok && i < t.nrows; i++) {
			xgrow((void **)&ed->schedule, &cap, ed->nschedule + 1, sizeof(assessment));
			if (load_row(L, ed, file, &t.rows[i], cols, &ed->schedule[ed->nschedule]))
				ed->nschedule++;
		}
		csv_table_free(&t);
	}
	if (n > 0)
		fs_names_free(names, n);
	/* Move the rows into the arena so the model has one owner. */
	assessment *rows = arena_alloc(L->a, (ed->nschedule ? ed->nschedule : 1) * sizeof(assessment));
	if (ed->nschedule)
		memcpy(rows, ed->schedule, ed->nschedule * sizeof(assessment));
	free(ed->schedule);
	ed->schedule = rows;
	if (ed->nschedule)
		xsort(ed->schedule, ed->nschedule, sizeof(assessment), cmp_assessment);
	set_anchors(L, ed);
	check_rules(L, ed);
	free(dir);
	free(rel_dir);
}

void load_schedules(loader *L)
{
	for (size_t i = 0; i < L->s->neds; i++)
		load_edition_schedule(L, &L->s->eds[i]);
}

static const char *const SETTINGS_KEYS[] = {"start", "end", "title", NULL};

void load_schedule_settings(loader *L, edition *ed, const ynode *m)
{
	ed->lessons_per_day = (int)f_int(m, "lessons_per_day", 0, 1, 12, L->dl);
	const ynode *w = f_seq(m, "vpr_windows", " окон вида {start: 15.03.2022, end: 20.05.2022, title: …}", L->dl);
	if (!w)
		return;
	ed->vpr = arena_alloc(L->a, (w->n ? w->n : 1) * sizeof(vpr_window));
	for (size_t i = 0; i < w->n; i++) {
		const ynode *it = w->items[i];
		if (!f_expect_map(it, "окно ВПР", L->dl))
			continue;
		f_check_keys(it, SETTINGS_KEYS, "окне ВПР", L->dl);
		date s = f_date(it, "start", true, L->dl), e = f_date(it, "end", true, L->dl);
		const char *title = f_str(it, "title", false, "", L->dl);
		if (!date_is_set(s) || !date_is_set(e))
			continue;
		if (date_cmp(s, e) > 0) {
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col, "окно ВПР начинается позже, чем кончается");
			continue;
		}
		if (date_cmp(e, ed->start) < 0 || date_cmp(s, ed->end) > 0)
			diag_add(L->dl, DIAG_WARNING, it->file, it->line, it->col, "окно ВПР вне учебного года редакции %s",
			         ed->id);
		ed->vpr[ed->nvpr++] = (vpr_window){s, e, title};
	}
}
