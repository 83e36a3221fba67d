#include "export.h"
#include "csvwrite.h"
#include "indicators.h"
#include "jsonw.h"
#include "execution.h"
#include "memo.h"
#include "schedule.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const export_column ACTIVITY_COLUMNS[] = {
	{"edition", "редакция (учебный год), например 2021-2022"},
	{"document", "код документа (часть адреса страницы документа)"},
	{"document_title", "название документа"},
	{"section", "номер раздела"},
	{"section_title", "название раздела"},
	{"number", "номер мероприятия, как в документе"},
	{"title", "мероприятие (текст без разметки)"},
	{"deadline", "срок дословно, как в утверждённом документе"},
	{"deadline_kind", "как понят срок: `date`, `by`, `range`, `multi`, `recurring`, `period`, `event`, `unknown`"},
	{"deadline_start", "начало срока (ГГГГ-ММ-ДД) или пусто"},
	{"deadline_end", "окончание срока (ГГГГ-ММ-ДД) или пусто"},
	{"responsible", "ответственные, через точку с запятой"},
	{"schools", "кого касается: `all` — все школы, иначе коды школ через пробел"},
	{"report", "отчётная документация"},
	{"result", "ожидаемый результат / результат исполнения (текст без разметки)"},
	{"status", "статус: `planned` — запланировано, `in-progress` — выполняется, `done` — исполнено, `partial` — исполнено частично, `not-done` — не исполнено, `postponed` — перенесено, `cancelled` — отменено"},
	{"overdue", "просрочено на дату сведений: `yes` или `no`"},
	{"done_on", "дата исполнения (ГГГГ-ММ-ДД) или пусто"},
	{"evidence", "адреса подтверждающих документов через пробел"},
	{"as_of", "дата, на которую указаны статус и просрочка"},
};

const export_column *export_activity_columns(size_t *n)
{
	*n = ARRAY_LEN(ACTIVITY_COLUMNS);
	return ACTIVITY_COLUMNS;
}

/* One activity as the row of ACTIVITY_COLUMNS, strings in a scratch buffer
 * set whose lifetime is the caller's (freed with row_free). */
typedef struct row {
	char *f[ARRAY_LEN(ACTIVITY_COLUMNS)];
} act_row;

static char *date_str(date d)
{
	char iso[11];
	if (!date_is_set(d))
		return xstrdup("");
	date_iso(d, iso);
	return xstrdup(iso);
}

static char *join_list(const char *const *items, size_t n, const char *sep)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? sep : "", items[i]);
	return buf_detach(&b);
}

static void row_fill(act_row *r, const site *s, const activity *a)
{
	const document *d = a->doc;
	buf b = BUF_INIT;
	size_t k = 0;
	r->f[k++] = xstrdup(d->ed->id);
	r->f[k++] = xstrdup(d->slug);
	r->f[k++] = xstrdup(d->title ? d->title : "");
	r->f[k++] = xstrdup(a->section->number);
	r->f[k++] = xstrdup(a->section->title ? a->section->title : "");
	r->f[k++] = xstrdup(a->number);
	r->f[k++] = xstrdup(a->title_text ? a->title_text : "");
	r->f[k++] = xstrdup(a->deadline_text ? a->deadline_text : "");
	r->f[k++] = xstrdup(dl_kind_name(a->dl.kind));
	r->f[k++] = date_str(a->dl.start);
	r->f[k++] = date_str(a->dl.end);
	r->f[k++] = join_list(a->responsible, a->nresponsible, "; ");
	if (a->all_schools) {
		r->f[k++] = xstrdup("all");
	} else {
		for (size_t i = 0; i < a->nschools; i++)
			buf_printf(&b, "%s%s", i ? " " : "", a->schools[i]->id);
		r->f[k++] = buf_detach(&b);
	}
	r->f[k++] = xstrdup(a->report ? a->report : "");
	r->f[k++] = xstrdup(a->result_text ? a->result_text : "");
	r->f[k++] = xstrdup(status_name(a->st));
	r->f[k++] = xstrdup(act_overdue(a, d->ed->as_of) ? "yes" : "no");
	r->f[k++] = date_str(a->done_on);
	for (size_t i = 0; i < a->nevidence; i++)
		buf_printf(&b, "%s%s", i ? " " : "", a->evidence[i].url);
	r->f[k++] = buf_detach(&b);
	r->f[k++] = date_str(d->ed->as_of);
}

static void row_free(act_row *r)
{
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++)
		free(r->f[i]);
}

/* Calls fn for every activity of ed in document order. */
static void each_activity(const edition *ed, void (*fn)(const activity *, void *), void *arg)
{
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++)
			for (size_t i = 0; i < ed->docs[d].sections[k].nacts; i++)
				fn(&ed->docs[d].sections[k].acts[i], arg);
}

struct csv_ctx {
	const site *s;
	buf *out;
};

static void csv_one(const activity *a, void *arg)
{
	struct csv_ctx *c = arg;
	act_row r;
	row_fill(&r, c->s, a);
	csv_write_row(c->out, (const char *const *)r.f, ARRAY_LEN(ACTIVITY_COLUMNS));
	row_free(&r);
}

void export_activities_csv(const site *s, const edition *ed, buf *out)
{
	const char *header[ARRAY_LEN(ACTIVITY_COLUMNS)];
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++)
		header[i] = ACTIVITY_COLUMNS[i].name;
	csv_bom(out);
	csv_write_row(out, header, ARRAY_LEN(ACTIVITY_COLUMNS));
	struct csv_ctx c = {s, out};
	each_activity(ed, csv_one, &c);
}

/* The members of one activity's object.  activities.json: every column
 * but edition and as_of (said once at the top), a missing date as null.  A
 * school's data.json (for_school): only the keys that differ between a
 * school's activities (document and section are its place in the file),
 * and of the optional ones only those present — a date, «overdue» true,
 * «responsible», «done_on» (docs/themes.md). */
static void activity_members(jw *w, const site *s, const activity *a, bool for_school)
{
	static const char *const keep[] = {"number", "title", "deadline", "deadline_kind", "status", NULL};
	static const char *const optional[] = {"deadline_start", "deadline_end", "responsible", "overdue", "done_on",
	                                       NULL};
	static const char *const dates[] = {"deadline_start", "deadline_end", "done_on", NULL};
	act_row r;
	row_fill(&r, s, a);
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++) {
		const char *k = ACTIVITY_COLUMNS[i].name, *v = r.f[i];
		if (!strcmp(k, "edition") || !strcmp(k, "as_of"))
			continue;
		bool overdue = !strcmp(k, "overdue");
		bool absent = overdue ? v[0] != 'y' : !*v;
		if (for_school && !str_in(k, keep) && !(str_in(k, optional) && !absent))
			continue;
		jw_key(w, k);
		if (overdue)
			jw_bool(w, v[0] == 'y');
		else if (!*v && str_in(k, dates))
			jw_null(w);
		else
			jw_str(w, v);
	}
	row_free(&r);
}

/* {"edition": …, "as_of": <its «as of» date>, — an export document's opening. */
static void json_root(jw *w, const site *s, const edition *ed)
{
	char iso[11];
	date_iso(ed->as_of, iso);
	jw_obj(w);
	jw_kstr(w, "edition", ed->id);
	jw_kstr(w, "as_of", iso);
}

struct json_ctx {
	const site *s;
	jw *w;
};

static void json_one(const activity *a, void *arg)
{
	struct json_ctx *c = arg;
	jw_obj(c->w);
	activity_members(c->w, c->s, a, false);
	jw_end(c->w);
}

void export_activities_json(const site *s, const edition *ed, buf *out)
{
	jw w;
	jw_init(&w, out, 1);
	json_root(&w, s, ed);
	jw_key(&w, "activities");
	jw_arr(&w);
	struct json_ctx c = {s, &w};
	each_activity(ed, json_one, &c);
	jw_end(&w);
	jw_end(&w);
	buf_putc(out, '\n');
}

/* ---- indicators and results ---- */

static const export_column INDICATOR_COLUMNS[] = {
	{"edition", "редакция (учебный год)"},
	{"indicator", "код показателя"},
	{"indicator_name", "название показателя"},
	{"unit", "единица измерения"},
	{"better", "lower — лучше меньше, higher — лучше больше"},
	{"target", "целевое значение редакции (число) или пусто"},
	{"school", "код школы или municipality — значение по округу"},
	{"school_name", "краткое наименование школы; для municipality — «Все школы (значение по муниципалитету)»"},
	{"value", "значение (десятичная точка) или пусто, если не публикуется"},
	{"base", "число участников или знаменатель, на котором основано значение"},
	{"met", "целевое значение достигнуто: yes, no или пусто; для школ пусто у показателей из результатов оценочных процедур: по ним школы не оцениваются"},
	{"change", "изменение по сравнению с прошлой редакцией (для % — в процентных пунктах)"},
	{"suppressed", "yes — значение не публикуется: меньше минимального числа участников или защита другого скрытого значения"},
	{"method", "для municipality: total, weighted, row, ratio, median"},
};

static const export_column RESULT_COLUMNS[] = {
	{"edition", "редакция (учебный год)"},
	{"file", "файл с результатами"},
	{"school", "код школы"},
	{"procedure", "оценочная процедура (ВПР, ОГЭ, ЕГЭ …)"},
	{"subject", "предмет"},
	{"grade", "класс или пусто"},
	{"participants", "число участников или пусто, если не публикуется"},
	{"column", "столбец исходного файла: отметка, группа баллов или средний балл (mean_…)"},
	{"value", "число участников в группе или средний балл (десятичная точка)"},
	{"suppressed", "yes — строка не публикуется: меньше минимального числа участников; small — слишком малое число (на странице «менее N»); withheld — число скрыто, чтобы малое нельзя было вычислить из общего; no — опубликовано"},
};

const export_column *export_indicator_columns(size_t *n)
{
	*n = ARRAY_LEN(INDICATOR_COLUMNS);
	return INDICATOR_COLUMNS;
}

const export_column *export_result_columns(size_t *n)
{
	*n = ARRAY_LEN(RESULT_COLUMNS);
	return RESULT_COLUMNS;
}

/* Machine numbers: decimal point, at most 4 decimals, no trailing zeros. */
static void num(char *out, size_t n, double v)
{
	snprintf(out, n, "%.4f", v);
	char *dot = strchr(out, '.');
	if (!dot)
		return;
	char *e = out + strlen(out);
	while (e > dot + 1 && e[-1] == '0')
		*--e = '\0';
	if (e == dot + 1)
		*dot = '\0';
}

static void header_row(buf *out, const export_column *cols, size_t n)
{
	const char *h[32];
	for (size_t i = 0; i < n && i < 32; i++)
		h[i] = cols[i].name;
	csv_bom(out);
	csv_write_row(out, h, n);
}

static const char *MUNI_METHOD[] = {"", "total", "weighted", "row", "ratio", "median"};

/* The municipal row's name says what the row is (all schools together),
 * never the site's title. */
static const char MUNI_NAME[] = "Все школы (значение по муниципалитету)";

static void indicator_rows(const site *s, const ind_edition *e, buf *out)
{
	const indicator *ind = e->ind;
	char tgt[32] = "", value[32], base[32], chg[32];
	if (e->has_target)
		num(tgt, sizeof tgt, e->target);
	const char *row[ARRAY_LEN(INDICATOR_COLUMNS)] = {e->ed->id, ind->id, ind->name, ind->unit,
	                                                 ind->lower_better ? "lower" : "higher", tgt};
	/* municipality */
	value[0] = base[0] = chg[0] = '\0';
	if (e->has_value)
		num(value, sizeof value, e->value);
	if (e->has_value && e->base > 0)
		num(base, sizeof base, e->base);
	if (e->has_prev)
		num(chg, sizeof chg, e->change);
	row[6] = "municipality";
	row[7] = MUNI_NAME;
	row[8] = value;
	row[9] = base;
	row[10] = e->has_value && e->has_target ? (e->met ? "yes" : "no") : "";
	row[11] = chg;
	row[12] = e->suppressed ? "yes" : "no";
	row[13] = MUNI_METHOD[e->how < ARRAY_LEN(MUNI_METHOD) ? e->how : 0];
	csv_write_row(out, row, ARRAY_LEN(INDICATOR_COLUMNS));
	for (size_t i = 0; i < e->nschools; i++) {
		const ind_school *sc = &e->schools[i];
		value[0] = base[0] = chg[0] = '\0';
		if (!sc->suppressed) {
			num(value, sizeof value, sc->value);
			if (sc->base > 0)
				num(base, sizeof base, sc->base);
			if (sc->has_change)
				num(chg, sizeof chg, sc->change);
		}
		row[6] = sc->sc->id;
		row[7] = sc->sc->short_name;
		row[10] = !sc->suppressed && e->has_target && ind->judge_schools ? (sc->met ? "yes" : "no") : "";
		row[12] = sc->suppressed ? "yes" : "no";
		row[13] = "";
		csv_write_row(out, row, ARRAY_LEN(INDICATOR_COLUMNS));
	}
}

void export_indicators_csv(const site *s, const edition *ed, buf *out)
{
	header_row(out, INDICATOR_COLUMNS, ARRAY_LEN(INDICATOR_COLUMNS));
	size_t n;
	const indicator *inds = ind_list(s->ind, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_edition *e = ind_for(s->ind, &inds[i], ed);
		if (e)
			indicator_rows(s, e, out);
	}
}

/* A number, or null when there is none. */
static void num_or_null(jw *w, const char *key, bool has, double v)
{
	jw_key(w, key);
	if (has)
		jw_num(w, v);
	else
		jw_null(w);
}

static void bool_or_null(jw *w, const char *key, bool has, bool v)
{
	jw_key(w, key);
	if (has)
		jw_bool(w, v);
	else
		jw_null(w);
}

/* Members a school's data.json writes only when there is a value
 * (docs/themes.md says what a missing key means). */
static void num_if(jw *w, const char *key, bool has, double v)
{
	if (has)
		jw_knum(w, key, v);
}

static void true_if(jw *w, const char *key, bool v)
{
	if (v)
		jw_kbool(w, key, true);
}

static void indicator_json(jw *w, const ind_edition *e)
{
	const indicator *ind = e->ind;
	jw_obj(w);
	jw_kstr(w, "id", ind->id);
	jw_kstr(w, "name", ind->name);
	jw_kstr(w, "unit", ind->unit);
	jw_kstr(w, "better", ind->lower_better ? "lower" : "higher");
	num_or_null(w, "target", e->has_target, e->target);
	jw_key(w, "municipality");
	jw_obj(w);
	num_or_null(w, "value", e->has_value, e->value);
	jw_kbool(w, "suppressed", e->suppressed);
	jw_kstr(w, "method", MUNI_METHOD[e->how < ARRAY_LEN(MUNI_METHOD) ? e->how : 0]);
	bool_or_null(w, "met", e->has_value && e->has_target, e->met);
	num_or_null(w, "previous", e->has_prev, e->prev_value);
	num_or_null(w, "change", e->has_prev, e->change);
	jw_end(w);
	jw_key(w, "schools");
	jw_arr(w);
	for (size_t i = 0; i < e->nschools; i++) {
		const ind_school *sc = &e->schools[i];
		jw_obj(w);
		jw_kstr(w, "school", sc->sc->id);
		num_or_null(w, "value", !sc->suppressed, sc->value);
		num_or_null(w, "base", !sc->suppressed && sc->base > 0, sc->base);
		bool_or_null(w, "met", !sc->suppressed && e->has_target && e->ind->judge_schools, sc->met);
		num_or_null(w, "change", !sc->suppressed && sc->has_change, sc->change);
		jw_kbool(w, "suppressed", sc->suppressed != IND_SUPP_NONE);
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

void export_indicators_json(const site *s, const edition *ed, buf *out)
{
	/* Compact: indentation was a third of the file (4,4 MB a year on 500 schools). */
	jw w;
	jw_init(&w, out, 0);
	json_root(&w, s, ed);
	jw_key(&w, "min_group");
	jw_int(&w, s->min_group);
	jw_key(&w, "indicators");
	jw_arr(&w);
	size_t n;
	const indicator *inds = ind_list(s->ind, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_edition *e = ind_for(s->ind, &inds[i], ed);
		if (e)
			indicator_json(&w, e);
	}
	jw_end(&w);
	jw_end(&w);
	buf_putc(out, '\n');
}

/* Why a count is not published, in results.csv and data.json. */
static const char *cell_word(ind_cell cell)
{
	return cell == IND_CELL_SMALL ? "small" : "withheld";
}

void export_results_csv(const site *s, const edition *ed, buf *out)
{
	header_row(out, RESULT_COLUMNS, ARRAY_LEN(RESULT_COLUMNS));
	size_t n;
	const ind_result_row *rows = ind_results(s->ind, ed, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_result_row *r = &rows[i];
		char grade[16] = "", part[32] = "", val[32];
		if (r->grade)
			snprintf(grade, sizeof grade, "%d", r->grade);
		if (!r->suppressed)
			num(part, sizeof part, r->participants);
		const char *row[ARRAY_LEN(RESULT_COLUMNS)] = {ed->id, r->file->file, r->sc->id, r->procedure, r->subject,
		                                              grade, part, "", "", r->suppressed ? "yes" : "no"};
		if (r->suppressed) {
			/* No counts of a suppressed row: one line saying it is withheld. */
			csv_write_row(out, row, ARRAY_LEN(RESULT_COLUMNS));
			continue;
		}
		for (size_t k = 0; k < r->file->ncols; k++) {
			if (r->v[k] != r->v[k])
				continue;
			/* Open data follows the page: a small or withheld count has
			 * no value, and the suppressed column says why. */
			ind_cell cell = r->cell ? r->cell[k] : IND_CELL_SHOWN;
			if (cell == IND_CELL_SHOWN)
				num(val, sizeof val, r->v[k]);
			else
				val[0] = '\0';
			row[7] = r->file->cols[k].name;
			row[8] = val;
			row[9] = cell == IND_CELL_SHOWN ? "no" : cell_word(cell);
			csv_write_row(out, row, ARRAY_LEN(RESULT_COLUMNS));
		}
	}
}

static void school_results_json(jw *w, const site *s, const edition *ed, const school *sc)
{
	jw_arr(w);
	size_t n;
	const ind_result_row *const *rows = ind_results_of(s->ind, ed, sc, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_result_row *r = rows[i];
		jw_obj(w);
		jw_kstr(w, "procedure", r->procedure);
		jw_kstr(w, "subject", r->subject);
		num_if(w, "grade", r->grade, r->grade);
		if (r->suppressed) { /* no figures at all */
			jw_kbool(w, "suppressed", true);
			jw_end(w);
			continue;
		}
		jw_knum(w, "participants", r->participants);
		/* privacy.min_cell: a small or withheld count is null here and
		 * named in "hidden" («small» / «withheld»), as on the page. */
		jw_key(w, "values");
		jw_obj(w);
		bool any_hidden = false;
		for (size_t k = 0; k < r->file->ncols; k++) {
			if (r->v[k] != r->v[k]) /* NAN: the cell was empty */
				continue;
			ind_cell cell = r->cell ? r->cell[k] : IND_CELL_SHOWN;
			num_or_null(w, r->file->cols[k].name, cell == IND_CELL_SHOWN, r->v[k]);
			any_hidden |= cell != IND_CELL_SHOWN;
		}
		jw_end(w);
		if (any_hidden) {
			jw_key(w, "hidden");
			jw_obj(w);
			for (size_t k = 0; k < r->file->ncols; k++) {
				ind_cell cell = r->cell ? r->cell[k] : IND_CELL_SHOWN;
				if (r->v[k] == r->v[k] && cell != IND_CELL_SHOWN)
					jw_kstr(w, r->file->cols[k].name, cell_word(cell));
			}
			jw_end(w);
		}
		jw_end(w);
	}
	jw_end(w);
}

static void school_indicators_json(jw *w, const site *s, const edition *ed, const school *sc)
{
	jw_arr(w);
	size_t n;
	const indicator *inds = ind_list(s->ind, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_edition *e = ind_for(s->ind, &inds[i], ed);
		const ind_school *f = e ? ind_school_of(e, sc) : NULL;
		if (!f)
			continue;
		jw_obj(w);
		jw_kstr(w, "id", inds[i].id);
		jw_kstr(w, "name", inds[i].name);
		jw_kstr(w, "unit", inds[i].unit);
		num_if(w, "value", !f->suppressed, f->value);
		true_if(w, "suppressed", f->suppressed != IND_SUPP_NONE);
		/* A verdict only where schools are judged (indicators.md). */
		if (!f->suppressed && e->has_target && inds[i].judge_schools)
			jw_kbool(w, "met", f->met);
		num_if(w, "target", e->has_target, e->target);
		num_if(w, "municipality", e->has_value, e->value);
		jw_end(w);
	}
	jw_end(w);
}

/* What the data.json of every school of an edition shares, as JSON text made
 * once: each document's opening ({"document":…,"title":…,"sections":[), each
 * section's ({"number":…,"title":…,"activities":[) in document order, and
 * each activity's object by activity.index; a school's file puts together
 * those concerning it. */
typedef struct school_json_parts {
	char **docs;   /* per document */
	char **secs;   /* per section, documents one after another */
	char **rows;   /* per activity, by activity.index */
} school_json_parts;

/* The opening of an object {"<k1>":"<v1>","<k2>":"<v2>","<list>":[ as a
 * string the caller frees. */
static char *json_opening(const char *k1, const char *v1, const char *k2, const char *v2, const char *list)
{
	buf b = BUF_INIT;
	jw w;
	jw_init(&w, &b, 0);
	jw_obj(&w);
	jw_kstr(&w, k1, v1);
	jw_kstr(&w, k2, v2);
	jw_key(&w, list);
	jw_arr(&w);
	return buf_detach(&b);
}

static void *make_school_parts(const void *key, const void *arg)
{
	const edition *ed = key;
	const site *s = arg;
	size_t nsec = 0;
	for (size_t d = 0; d < ed->ndocs; d++)
		nsec += ed->docs[d].nsections;
	school_json_parts *p = xcalloc(1, sizeof(school_json_parts));
	p->docs = xcalloc(ed->ndocs + 1, sizeof(char *));
	p->secs = xcalloc(nsec + 1, sizeof(char *));
	p->rows = xcalloc(ed->nacts + 1, sizeof(char *));
	size_t si = 0;
	for (size_t d = 0; d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		p->docs[d] = json_opening("document", doc->slug, "title", doc->title ? doc->title : doc->slug, "sections");
		for (size_t k = 0; k < doc->nsections; k++) {
			const section *sec = &doc->sections[k];
			p->secs[si++] = json_opening("number", sec->number ? sec->number : "", "title",
			                             sec->title ? sec->title : "", "activities");
			for (size_t i = 0; i < sec->nacts; i++) {
				buf b = BUF_INIT;
				jw w;
				jw_init(&w, &b, 0);
				jw_obj(&w);
				activity_members(&w, s, &sec->acts[i], true);
				jw_end(&w);
				p->rows[sec->acts[i].index] = buf_detach(&b);
			}
		}
	}
	return p;
}

static void drop_school_parts(void *value)
{
	school_json_parts *p = value;
	for (char **t = p->docs; *t; t++)
		free(*t);
	for (char **t = p->secs; *t; t++)
		free(*t);
	for (char **t = p->rows; *t; t++)
		free(*t);
	free(p->docs);
	free(p->secs);
	free(p->rows);
	free(p);
}

/* "documents": every document of ed, each with the sections that have
 * activities concerning sc and those activities. */
static void school_documents(jw *w, const school_json_parts *p, const edition *ed, const school *sc)
{
	buf *out = w->out;
	size_t si = 0;
	jw_key(w, "documents");
	jw_raw(w, "[", 1);
	for (size_t d = 0; d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		if (d)
			buf_putc(out, ',');
		buf_puts(out, p->docs[d]);
		bool first_sec = true;
		for (size_t k = 0; k < doc->nsections; k++, si++) {
			const section *sec = &doc->sections[k];
			bool first = true;
			for (size_t i = 0; i < sec->nacts; i++) {
				if (!activity_concerns(&sec->acts[i], sc))
					continue;
				if (first) {
					if (!first_sec)
						buf_putc(out, ',');
					buf_puts(out, p->secs[si]);
				} else {
					buf_putc(out, ',');
				}
				buf_puts(out, p->rows[sec->acts[i].index]);
				first = first_sec = false;
			}
			if (!first)
				buf_puts(out, "]}");
		}
		buf_puts(out, "]}");
	}
	buf_putc(out, ']');
}

void export_school_json(const site *s, const edition *ed, const school *sc, buf *out)
{
	jw w;
	jw_init(&w, out, 0);
	json_root(&w, s, ed);
	jw_key(&w, "school");
	jw_obj(&w);
	jw_kstr(&w, "id", sc->id);
	jw_kstr(&w, "name", sc->name);
	jw_kstr(&w, "short_name", sc->short_name);
	jw_end(&w);
	/* The parts every school shares are made once per edition. */
	const school_json_parts *p = memo_get(s->memo, ed, make_school_parts, s, drop_school_parts);
	school_documents(&w, p, ed, sc);
	memo_done(s->memo, p, drop_school_parts);
	jw_key(&w, "schedule");
	export_schedule_json(&w, s, ed, sc);
	jw_key(&w, "results");
	school_results_json(&w, s, ed, sc);
	jw_key(&w, "indicators");
	school_indicators_json(&w, s, ed, sc);
	jw_end(&w);
	buf_putc(out, '\n');
}

void export_search_json(const site *s, buf *out)
{
	const edition *ed = s->current;
	jw w;
	jw_init(&w, out, 0);
	jw_obj(&w);
	/* Schools: [id, short name, full name]; the page is
	 * <edition>/schools/<id>/ (schools/<id>/ without a current edition). */
	jw_kstr(&w, "edition", ed ? ed->id : NULL);
	jw_key(&w, "schools");
	jw_arr(&w);
	for (size_t i = 0; i < s->nschools; i++) {
		const school *sc = &s->schools[i];
		jw_arr(&w);
		jw_str(&w, sc->id);
		jw_str(&w, sc->short_name ? sc->short_name : sc->id);
		jw_str(&w, sc->name ? sc->name : "");
		jw_end(&w);
	}
	jw_end(&w);
	/* Documents of the current edition: [slug, title]; activities:
	 * [document index, anchor, number, title]. */
	jw_key(&w, "documents");
	jw_arr(&w);
	for (size_t d = 0; ed && d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		jw_arr(&w);
		jw_str(&w, doc->slug);
		jw_str(&w, doc->short_title ? doc->short_title : doc->title ? doc->title : doc->slug);
		jw_end(&w);
	}
	jw_end(&w);
	jw_key(&w, "activities");
	jw_arr(&w);
	for (size_t d = 0; ed && d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		for (size_t k = 0; k < doc->nsections; k++)
			for (size_t i = 0; i < doc->sections[k].nacts; i++) {
				const activity *a = &doc->sections[k].acts[i];
				jw_arr(&w);
				jw_int(&w, (long)d);
				jw_str(&w, a->anchor);
				jw_str(&w, a->number ? a->number : "");
				jw_str(&w, a->title_text ? a->title_text : "");
				jw_end(&w);
			}
	}
	jw_end(&w);
	/* Pages: [slug, title, description]. */
	jw_key(&w, "pages");
	jw_arr(&w);
	for (size_t i = 0; i < s->npages; i++) {
		jw_arr(&w);
		jw_str(&w, s->pages[i].slug);
		jw_str(&w, s->pages[i].title ? s->pages[i].title : "");
		jw_str(&w, s->pages[i].description ? s->pages[i].description : "");
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	buf_putc(out, '\n');
}

/* ---- a school's assessment schedule ---- */

void export_schedule_json(jw *w, const site *s, const edition *ed, const school *sc)
{
	jw_arr(w);
	char iso[11];
	for (size_t i = 0; i < ed->nschedule; i++) {
		const assessment *as = &ed->schedule[i];
		if (as->sc != sc)
			continue;
		jw_obj(w);
		date_iso(as->on, iso);
		jw_kstr(w, "date", iso);
		jw_kstr(w, "grade", as->grade);
		jw_kstr(w, "subject", as->subject);
		jw_kstr(w, "procedure", as->procedure);
		if (as->level && *as->level)
			jw_kstr(w, "level", as->level);
		num_if(w, "hours", as->hours, as->hours);
		num_if(w, "lesson", as->lesson, as->lesson);
		true_if(w, "past", date_cmp(as->on, ed->as_of) < 0);
		jw_kstr(w, "anchor", as->anchor);
		bool any = false;
		for (size_t k = 0; k < ed->nbreaches; k++) {
			if (ed->breaches[k].row != as)
				continue;
			if (!any) {
				jw_key(w, "notes");
				jw_arr(w);
				any = true;
			}
			jw_str(w, ed->breaches[k].text);
		}
		if (any)
			jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}
