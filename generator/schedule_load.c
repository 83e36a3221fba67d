#include "schedule_load.h"
#include "csvread.h"
#include "fsutil.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { S_SCHOOL, S_DATE, S_GRADE, S_SUBJECT, S_PROCEDURE, S_LEVEL, S_NCOLS };

static const char *const NAMES[S_NCOLS] = {"school", "date", "grade", "subject", "procedure", "level"};
static const char *const ALIASES[S_NCOLS][4] = {
	{"оо", "школа", NULL}, {"дата", NULL}, {"класс", "параллель", NULL}, {"предмет", NULL},
	{"процедура", "форма", "оценочная процедура", NULL}, {"уровень", NULL},
};

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
		diag_add(L->dl, DIAG_WARNING, file, p.line, p.col, "дата %s вне учебного года редакции %s", d, ed->id);
	}
	out->grade = cell(L, r, cols[S_GRADE]);
	out->subject = cell(L, r, cols[S_SUBJECT]);
	out->procedure = cell(L, r, cols[S_PROCEDURE]);
	out->level = cell(L, r, cols[S_LEVEL]);
	static const int required[] = {S_GRADE, S_SUBJECT, S_PROCEDURE};
	const char *vals[] = {out->grade, out->subject, out->procedure};
	for (size_t i = 0; i < ARRAY_LEN(required); i++)
		if (!vals[i]) {
			diag_add(L->dl, DIAG_ERROR, file, r->line, 1, "не заполнен столбец «%s»", NAMES[required[i]]);
			return false;
		}
	return true;
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

/* «5А» → 5; «11» → 11; 0 when the grade does not start with a number. */
static int parallel(const char *g)
{
	return atoi(g);
}

static bool only_parallel(const char *g)
{
	return strspn(g, "0123456789") == strlen(g);
}

/* Two rows concern the same class: the same class, or a parallel and one of its classes. */
static bool same_class(const assessment *a, const assessment *b)
{
	if (!strcmp(a->grade, b->grade))
		return true;
	return parallel(a->grade) && parallel(a->grade) == parallel(b->grade) &&
	       (only_parallel(a->grade) || only_parallel(b->grade));
}

/* The federal recommendations' checks, on the sorted rows of one edition. */
static void check_load(loader *L, const edition *ed)
{
	for (size_t i = 0; i < ed->nschedule; i++) {
		const assessment *a = &ed->schedule[i];
		for (size_t j = i + 1; j < ed->nschedule && ed->schedule[j].sc == a->sc; j++) {
			const assessment *b = &ed->schedule[j];
			long gap = date_to_days(b->on) - date_to_days(a->on);
			if (gap == 0 && same_class(a, b)) {
				diag_add(L->dl, DIAG_WARNING, b->at.file, b->at.line, b->at.col,
				         "%s, класс %s: больше одной оценочной процедуры в один день (см. строку %d)",
				         a->sc->short_name, b->grade, a->at.line);
			} else if (gap > 0 && gap < SCHEDULE_MIN_GAP_DAYS && same_class(a, b) &&
			           !strcmp(a->subject, b->subject)) {
				/* Same children (a class, or its whole parallel): 5А and 5Б
				 * writing the same test on different days is normal. */
				diag_add(L->dl, DIAG_WARNING, b->at.file, b->at.line, b->at.col,
				         "%s, класс %s: «%s» чаще одного раза в 2,5 недели (через %ld дн. после строки %d)",
				         a->sc->short_name, b->grade, b->subject, gap, a->at.line);
			}
		}
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
			if (cols[k] < 0 && k != S_LEVEL && t.header.n) {
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
	check_load(L, ed);
	free(dir);
	free(rel_dir);
}

void load_schedules(loader *L)
{
	for (size_t i = 0; i < L->s->neds; i++)
		load_edition_schedule(L, &L->s->eds[i]);
}
