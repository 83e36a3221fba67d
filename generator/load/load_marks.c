/* Execution marks (spec/execution.md § Marks): an activity's `marks:` list in
 * its document's YAML, and the .csv tables in editions/<edition>/marks/ as schools
 * send them.  Both go through one validation (mark_fill), so a rule holds the
 * same in YAML and in a table, with the position of the field or cell. */
#include "csvread.h"
#include "fields.h"
#include "fsutil.h"
#include "loader.h"
#include "markdown.h"
#include "ru.h"
#include "periods.h"
#include "utf8.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const MARK_KEYS[] = {"part", "period", "school", "status", "date", "note", "postponed_to",
                                        "act", "evidence", NULL};
static const char *const ACT_KEYS[] = {"title", "number", "date", NULL};

/* The fields a mark is made of, as text with their positions. */
enum { F_PART, F_PERIOD, F_SCHOOL, F_STATUS, F_DATE, F_NOTE, F_POSTPONED, F_EVIDENCE, F_ACTIVITY, F_N };
static const char *const FIELD[F_N] = {"part", "period", "school", "status", "date", "note", "postponed_to",
                                       "evidence_url", "activity"};

typedef struct mark_src {
	const char *text[F_N];   /* NULL or "" when absent */
	pos at[F_N];             /* position of each field (of the row when absent) */
	pos row;                 /* the mark itself (YAML item, CSV row) */
} mark_src;

static bool given(const mark_src *m, int f)
{
	return m->text[f] && *m->text[f];
}

static void err(loader *L, const mark_src *m, int f, const char *fmt, const char *arg)
{
	pos p = m->at[f].file ? m->at[f] : m->row;
	diag_add(L->dl, DIAG_ERROR, p.file, p.line, p.col, fmt, arg);
}

/* "2021-Q3", "2021-H1", "2021-09", or any deadline phrase with dates
 * («III квартал 2021», «сентябрь 2021»): the days it covers. */
static bool parse_period(const char *t, const edition *ed, date *from, date *to)
{
	int y, n;
	char c, rest;
	const reporting_period *rp = period_find(ed, t); /* the edition's own: "2021-T2", "2022-Q3" */
	if (rp) {
		*from = rp->start;
		*to = rp->end;
		return true;
	}
	if (sscanf(t, "%4d-%c%d%c", &y, &c, &n, &rest) == 3 && y > 1900) {
		int months = c == 'Q' || c == 'q' ? 3 : c == 'H' || c == 'h' ? 6 : 0;
		if (!months || n < 1 || n > 12 / months)
			return false;
		*from = (date){y, (n - 1) * months + 1, 1};
		*to = date_month_end(y, n * months);
		return true;
	}
	if (sscanf(t, "%4d-%2d%c", &y, &n, &rest) == 2 && y > 1900 && n >= 1 && n <= 12 && strlen(t) == 7) {
		*from = (date){y, n, 1};
		*to = date_month_end(y, n);
		return true;
	}
	deadline d;
	deadline_parse_in(t, &ed->dlc, &d);
	bool ok = d.kind != DL_UNKNOWN && date_is_set(d.end);
	if (ok) {
		*from = date_is_set(d.start) ? d.start : (date){d.end.y, d.end.m, 1};
		*to = d.end;
	}
	deadline_free(&d);
	return ok;
}

/* Validates src and fills *mk.  Returns false when the mark is unusable
 * (everything wrong with it reported). */
static bool mark_fill(loader *L, const activity *a, const mark_src *src, mark *mk)
{
	const edition *ed = a->doc->ed;
	bool ok = true;
	memset(mk, 0, sizeof *mk);
	mk->at = src->row;
	if (!given(src, F_STATUS)) {
		err(L, src, F_STATUS, "в отметке не указан статус (поле «%s»): " STATUS_WORDS, FIELD[F_STATUS]);
		ok = false;
	} else {
		bool known;
		mk->st = status_parse(src->text[F_STATUS], &known);
		if (!known) {
			err(L, src, F_STATUS, "неизвестный статус отметки «%s»; допустимы " STATUS_WORDS, src->text[F_STATUS]);
			ok = false;
		}
	}
	if (given(src, F_PART) && given(src, F_PERIOD)) {
		err(L, src, F_PERIOD, "в отметке указаны и часть срока, и период: оставьте одно из полей «part» или «period»%s", "");
		ok = false;
	} else if (given(src, F_PART)) {
		const char *t = src->text[F_PART];
		char *end;
		long n = strtol(t, &end, 10);
		if (end == t || *end || n < 1) {
			err(L, src, F_PART, "часть срока «%s»: ожидался номер части (1, 2, …)", t);
			ok = false;
		} else if ((size_t)n > a->dl.nparts) {
			diag_add(L->dl, DIAG_ERROR, src->at[F_PART].file, src->at[F_PART].line, src->at[F_PART].col,
			         "часть срока %ld: у срока «%s» %zu %s", n, a->deadline_text ? a->deadline_text : "",
			         a->dl.nparts, ru_plural((long)a->dl.nparts, "часть", "части", "частей"));
			ok = false;
		} else {
			mk->part = (size_t)n;
		}
	} else if (given(src, F_PERIOD)) {
		mk->period = arena_strdup(L->a, src->text[F_PERIOD]);
		if (!parse_period(mk->period, ed, &mk->from, &mk->to)) {
			err(L, src, F_PERIOD,
			    "период «%s» не распознан: пишите 2021-Q3 (квартал), 2022-H1 (полугодие), 2021-09 (месяц) "
			    "или словами, например «III квартал 2021»",
			    mk->period);
			ok = false;
		}
	}
	if (given(src, F_SCHOOL)) {
		/* Schools send their tables with their names as often as with their codes. */
		pos p = src->at[F_SCHOOL];
		mk->sc = load_school_ref(L, p.file, p.line, p.col, src->text[F_SCHOOL]);
		if (!mk->sc)
			ok = false;
	}
	if (given(src, F_DATE)) {
		int r = date_parse(src->text[F_DATE], &mk->on);
		if (r != 1) {
			err(L, src, F_DATE, r < 0 ? "такой даты нет: «%s»" : "«%s» — не дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ",
			    src->text[F_DATE]);
			mk->on = DATE_NONE;
			ok = false;
		}
	}
	if (given(src, F_NOTE)) {
		mk->note_html = md_block(L->a, src->text[F_NOTE]);
		mk->note_text = md_plain(L->a, src->text[F_NOTE]);
	}
	if (ok && (mk->st == ST_NOT_DONE || mk->st == ST_CANCELLED) && !given(src, F_NOTE)) {
		diag_add(L->dl, DIAG_ERROR, src->row.file, src->row.line, src->row.col,
		         "отметка «%s»: укажите причину в поле «note» (примечание)", status_label_lc(mk->st));
		ok = false;
	}
	if (given(src, F_POSTPONED)) {
		mk->postponed_to = arena_strdup(L->a, src->text[F_POSTPONED]);
		deadline_parse(mk->postponed_to, ed->start, date_add_days(ed->end, 366), &mk->new_dl);
		if (mk->new_dl.kind == DL_UNKNOWN || !date_is_set(mk->new_dl.end)) {
			err(L, src, F_POSTPONED, "новый срок «%s» не распознан: напишите его как срок в документе, например «март 2022»",
			    mk->postponed_to);
			ok = false;
		}
		if (ok && mk->st != ST_POSTPONED)
			err(L, src, F_POSTPONED, "новый срок указан, но статус отметки не «postponed» (перенесено)%s", "");
	} else if (ok && mk->st == ST_POSTPONED) {
		diag_add(L->dl, DIAG_ERROR, src->row.file, src->row.line, src->row.col,
		         "отметка «перенесено»: укажите новый срок в поле «postponed_to», например «март 2022»");
		ok = false;
	}
	if (ok && mk->sc && (a->all_schools || a->nschools) && !activity_concerns(a, mk->sc)) {
		pos p = src->at[F_SCHOOL];
		diag_add(L->dl, DIAG_WARNING, p.file, p.line, p.col,
		         "школа «%s» не входит в число школ мероприятия %s: её отметка не учитывается", mk->sc->id, a->number);
	}
	return ok;
}

/* A scalar field of a YAML mark into src. */
static void from_yaml(loader *L, const ynode *m, int f, const char *key, mark_src *src)
{
	const ynode *v = y_get(m, key);
	src->at[f] = src->row;
	if (!v || y_is_null(v))
		return;
	src->at[f] = (pos){v->file, v->line, v->col};
	if (v->kind != Y_SCALAR) {
		diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: ожидалось значение, а не список", key);
		return;
	}
	src->text[f] = v->s;
}

static void load_act(loader *L, mark *mk, const ynode *m)
{
	const ynode *v = y_get(m, "act");
	if (!v || y_is_null(v) || !f_expect_map(v, "act", L->dl))
		return;
	f_check_keys(v, ACT_KEYS, "блоке «act»", L->dl);
	mk->act.title = f_str(v, "title", true, "блоке «act»", L->dl);
	mk->act.number = f_str(v, "number", false, "блоке «act»", L->dl);
	mk->act.on = f_date(v, "date", false, L->dl);
	mk->has_act = mk->act.title != NULL;
}

void load_activity_marks(loader *L, activity *a, const ynode *m)
{
	const ynode *list = f_seq(m, "marks", " отметок (- part: 1 / status: done …)", L->dl);
	if (!list)
		return;
	a->marks = arena_alloc(L->a, (list->n ? list->n : 1) * sizeof(mark));
	for (size_t i = 0; i < list->n; i++) {
		const ynode *it = list->items[i];
		if (!f_expect_map(it, "отметка", L->dl))
			continue;
		f_check_keys(it, MARK_KEYS, "отметке", L->dl);
		mark_src src = {.row = {it->file, it->line, it->col}};
		static const int fields[] = {F_PART, F_PERIOD, F_SCHOOL, F_STATUS, F_DATE, F_NOTE, F_POSTPONED};
		for (size_t k = 0; k < ARRAY_LEN(fields); k++)
			from_yaml(L, it, fields[k], FIELD[fields[k]], &src);
		mark *mk = &a->marks[a->nmarks];
		if (!mark_fill(L, a, &src, mk)) {
			deadline_free(&mk->new_dl);
			continue;
		}
		load_act(L, mk, it);
		load_evidence(L, it, &mk->evidence, &mk->nevidence);
		a->nmarks++;
	}
}

/* ---- tables ---- */

static const char *const ALIASES[F_N][6] = {
	[F_PART] = {"часть", "часть срока", NULL},
	[F_PERIOD] = {"период", "отчётный период", NULL},
	[F_SCHOOL] = {"школа", "оо", "код школы", NULL},
	[F_STATUS] = {"статус", "отметка", "исполнение", NULL},
	[F_DATE] = {"дата", "дата исполнения", NULL},
	[F_NOTE] = {"примечание", "причина", "комментарий", NULL},
	[F_POSTPONED] = {"новый срок", "перенесено на", NULL},
	[F_EVIDENCE] = {"ссылка", "подтверждение", "evidence", NULL},
	[F_ACTIVITY] = {"мероприятие", "пункт", "номер", "№", NULL},
};

/* The activity a table row names: «2.3», or «plan:2.3» when the edition has
 * several documents with that number.  NULL after an error. */
static activity *find_activity(loader *L, edition *ed, const char *ref, pos at)
{
	const char *colon = strchr(ref, ':');
	const char *num = colon ? colon + 1 : ref;
	activity *found = NULL;
	size_t nfound = 0;
	for (size_t d = 0; d < ed->ndocs; d++) {
		document *doc = &ed->docs[d];
		if (colon && (strlen(doc->slug) != (size_t)(colon - ref) || strncmp(doc->slug, ref, (size_t)(colon - ref))))
			continue;
		for (size_t k = 0; k < doc->nsections; k++)
			for (size_t i = 0; i < doc->sections[k].nacts; i++)
				if (!strcmp(doc->sections[k].acts[i].number, num)) {
					if (!found)
						found = &doc->sections[k].acts[i];
					nfound++;
				}
	}
	if (nfound == 1)
		return found;
	if (nfound > 1)
		diag_add(L->dl, DIAG_ERROR, at.file, at.line, at.col,
		         "мероприятие «%s» есть в нескольких документах редакции: укажите документ, например «%s:%s»", ref,
		         ed->docs[0].slug, num);
	else
		diag_add(L->dl, DIAG_ERROR, at.file, at.line, at.col,
		         "мероприятия «%s» нет в документах редакции %s: пишите номер, как он напечатан (например 2.3)%s", ref,
		         ed->id, ed->ndocs > 1 ? ", с именем документа, если их несколько (plan:2.3)" : "");
	return NULL;
}

typedef struct pending {
	activity *a;
	mark m;
	size_t order;
} pending;

static int cmp_pending(const void *pa, const void *pb)
{
	const pending *a = pa, *b = pb;
	/* Groups by activity (any fixed order of groups will do), keeps file order inside. */
	if (a->a != b->a)
		return (uintptr_t)a->a < (uintptr_t)b->a ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void load_table(loader *L, edition *ed, const char *file, const char *path, pending **out, size_t *n,
                       size_t *cap)
{
	csv_table t;
	if (fs_inside(L->root, path))
		csv_read_file(path, file, &t, L->dl);
	else {
		diag_add(L->dl, DIAG_ERROR, file, 0, 0, "файл ведёт за пределы папки с содержимым");
		memset(&t, 0, sizeof t);
	}
	int cols[F_N];
	bool ok = t.header.n > 0;
	for (int f = 0; f < F_N; f++)
		cols[f] = csv_find_col(&t, FIELD[f], ALIASES[f]);
	for (int f = 0; ok && f < F_N; f++)
		if (cols[f] < 0 && (f == F_ACTIVITY || f == F_STATUS)) {
			diag_add(L->dl, DIAG_ERROR, file, t.header.line, 1, "в строке заголовка нет столбца «%s»", FIELD[f]);
			ok = false;
		}
	for (size_t i = 0; ok && i < t.nrows; i++) {
		const csv_row *r = &t.rows[i];
		mark_src src = {.row = {file, r->line, 1}};
		for (int f = 0; f < F_N; f++) {
			src.at[f] = src.row;
			if (cols[f] >= 0 && (size_t)cols[f] < r->n) {
				src.text[f] = r->cells[cols[f]].text;
				src.at[f] = (pos){file, r->cells[cols[f]].line, r->cells[cols[f]].col};
			}
		}
		if (!given(&src, F_ACTIVITY)) {
			err(L, &src, F_ACTIVITY, "не указано мероприятие (столбец «%s»), например 2.3", FIELD[F_ACTIVITY]);
			continue;
		}
		activity *a = find_activity(L, ed, src.text[F_ACTIVITY], src.at[F_ACTIVITY]);
		mark mk;
		if (!a) {
			/* Still check the rest of the row, against no particular activity. */
			continue;
		}
		if (!mark_fill(L, a, &src, &mk)) {
			deadline_free(&mk.new_dl);
			continue;
		}
		if (given(&src, F_EVIDENCE)) {
			if (!load_url_ok(src.text[F_EVIDENCE])) {
				err(L, &src, F_EVIDENCE, "ссылка «%s»: ожидался адрес, начинающийся с https:// или http://",
				    src.text[F_EVIDENCE]);
				deadline_free(&mk.new_dl);
				continue;
			}
			mk.evidence = arena_alloc(L->a, sizeof(evidence));
			mk.evidence->title = "Подтверждающий документ";
			mk.evidence->url = arena_strdup(L->a, src.text[F_EVIDENCE]);
			mk.nevidence = 1;
		}
		/* The texts live in the table: copy what the mark keeps. */
		xgrow((void **)out, cap, *n + 1, sizeof(pending));
		(*out)[*n] = (pending){a, mk, *n};
		(*n)++;
	}
	csv_table_free(&t);
}

static void load_edition_marks(loader *L, edition *ed)
{
	char *rel_dir = xasprintf("editions/%s/marks", ed->id);
	char *dir = load_path(L, rel_dir);
	char **names;
	int n = fs_list(dir, ".csv", false, &names);
	pending *rows = NULL;
	size_t nrows = 0, cap = 0;
	for (int f = 0; f < n; f++) {
		const char *file = arena_printf(L->a, "%s/%s", rel_dir, names[f]);
		char *path = fs_join(dir, names[f]);
		load_table(L, ed, file, path, &rows, &nrows, &cap);
		free(path);
	}
	if (n > 0)
		fs_names_free(names, n);
	if (nrows)
		xsort(rows, nrows, sizeof(pending), cmp_pending);
	for (size_t i = 0; i < nrows;) {
		activity *a = rows[i].a;
		size_t j = i;
		while (j < nrows && rows[j].a == a)
			j++;
		mark *all = arena_alloc(L->a, (a->nmarks + (j - i)) * sizeof(mark));
		if (a->nmarks)
			memcpy(all, a->marks, a->nmarks * sizeof(mark));
		for (size_t k = i; k < j; k++)
			all[a->nmarks++] = rows[k].m;
		a->marks = all;
		i = j;
	}
	free(rows);
	free(dir);
	free(rel_dir);
}

void load_marks_tables(loader *L)
{
	for (size_t i = 0; i < L->s->neds; i++)
		load_edition_marks(L, &L->s->eds[i]);
}
