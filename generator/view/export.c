#include "export.h"
#include "csvwrite.h"
#include "indicators.h"
#include "execution.h"
#include "memo.h"
#include "schedule.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <pthread.h>
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
	r->f[k++] = xstrdup(act_overdue(a, s->today) ? "yes" : "no");
	r->f[k++] = date_str(a->done_on);
	for (size_t i = 0; i < a->nevidence; i++)
		buf_printf(&b, "%s%s", i ? " " : "", a->evidence[i].url);
	r->f[k++] = buf_detach(&b);
	r->f[k++] = date_str(s->today);
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

/* jansson allocates through our xmalloc so that out-of-memory ends the
 * process the one documented way. */
static void *jmalloc(size_t n)
{
	return xmalloc(n);
}

/* One activity of activities.json: every column but edition and as_of
 * (said once at the top). */
static json_t *activity_json(const site *s, const activity *a)
{
	act_row r;
	row_fill(&r, s, a);
	json_t *o = json_object();
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++) {
		const char *k = ACTIVITY_COLUMNS[i].name;
		if (!strcmp(k, "edition") || !strcmp(k, "as_of"))
			continue; /* once, at the top */
		json_t *v;
		if (!strcmp(k, "overdue"))
			v = json_boolean(r.f[i][0] == 'y');
		else if (!r.f[i][0] && (!strcmp(k, "deadline_start") || !strcmp(k, "deadline_end") ||
		                        !strcmp(k, "done_on")))
			v = json_null(); /* a missing date is null, not "" */
		else
			v = json_string(r.f[i]);
		json_object_set_new(o, k, v ? v : json_null());
	}
	row_free(&r);
	return o;
}

struct json_ctx {
	const site *s;
	json_t *list;
};

static void json_one(const activity *a, void *arg)
{
	struct json_ctx *c = arg;
	json_array_append_new(c->list, activity_json(c->s, a));
}

static void set_alloc(void)
{
	json_set_alloc_funcs(jmalloc, free);
}

/* jansson's allocator is global state: set once, by whichever export runs
 * first, before any thread uses jansson (one pthread_once for all of them). */
static pthread_once_t alloc_once = PTHREAD_ONCE_INIT;

static void json_init(void)
{
	pthread_once(&alloc_once, set_alloc);
}

/* A new export document: {"edition": …, "as_of": <today>}. */
static json_t *json_root(const site *s, const edition *ed)
{
	json_init();
	json_t *root = json_object();
	char iso[11];
	date_iso(s->today, iso);
	json_object_set_new(root, "edition", json_string(ed->id));
	json_object_set_new(root, "as_of", json_string(iso));
	return root;
}

void export_activities_json(const site *s, const edition *ed, buf *out)
{
	json_t *root = json_root(s, ed);
	json_t *list = json_array();
	struct json_ctx c = {s, list};
	each_activity(ed, json_one, &c);
	json_object_set_new(root, "activities", list);
	char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(1));
	buf_puts(out, text);
	buf_putc(out, '\n');
	free(text);
	json_decref(root);
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

/* A number as JSON: whole numbers (counts, most targets) without a
 * fraction («69», not «69.0»), others as reals. */
static json_t *jnum(double v)
{
	if (v == floor(v) && fabs(v) < 9e15)
		return json_integer((json_int_t)v);
	return json_real(v);
}

static json_t *jnum_or_null(bool has, double v)
{
	return has ? jnum(v) : json_null();
}

/* Sets key only when there is a value: a school's data.json leaves out
 * what is absent (docs/themes.md says what a missing key means). */
static void set_num_if(json_t *o, const char *key, bool has, double v)
{
	if (has)
		json_object_set_new(o, key, jnum(v));
}

static void set_str_if(json_t *o, const char *key, const char *v)
{
	if (v && *v)
		json_object_set_new(o, key, json_string(v));
}

static void set_true_if(json_t *o, const char *key, bool v)
{
	if (v)
		json_object_set_new(o, key, json_true());
}

static json_t *indicator_json(const ind_edition *e)
{
	const indicator *ind = e->ind;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(ind->id));
	json_object_set_new(o, "name", json_string(ind->name));
	json_object_set_new(o, "unit", json_string(ind->unit));
	json_object_set_new(o, "better", json_string(ind->lower_better ? "lower" : "higher"));
	json_object_set_new(o, "target", jnum_or_null(e->has_target, e->target));
	json_t *m = json_object();
	json_object_set_new(m, "value", jnum_or_null(e->has_value, e->value));
	json_object_set_new(m, "suppressed", json_boolean(e->suppressed));
	json_object_set_new(m, "method", json_string(MUNI_METHOD[e->how < ARRAY_LEN(MUNI_METHOD) ? e->how : 0]));
	json_object_set_new(m, "met", e->has_value && e->has_target ? json_boolean(e->met) : json_null());
	json_object_set_new(m, "previous", jnum_or_null(e->has_prev, e->prev_value));
	json_object_set_new(m, "change", jnum_or_null(e->has_prev, e->change));
	json_object_set_new(o, "municipality", m);
	json_t *list = json_array();
	for (size_t i = 0; i < e->nschools; i++) {
		const ind_school *sc = &e->schools[i];
		json_t *r = json_object();
		json_object_set_new(r, "school", json_string(sc->sc->id));
		json_object_set_new(r, "value", jnum_or_null(!sc->suppressed, sc->value));
		json_object_set_new(r, "base", jnum_or_null(!sc->suppressed && sc->base > 0, sc->base));
		json_object_set_new(r, "met", !sc->suppressed && e->has_target && e->ind->judge_schools ? json_boolean(sc->met)
		                                                                                         : json_null());
		json_object_set_new(r, "change", jnum_or_null(!sc->suppressed && sc->has_change, sc->change));
		json_object_set_new(r, "suppressed", json_boolean(sc->suppressed != IND_SUPP_NONE));
		json_array_append_new(list, r);
	}
	json_object_set_new(o, "schools", list);
	return o;
}

static void dump(json_t *root, buf *out)
{
	/* Compact: indentation was a third of the file (4,4 MB a year on 500 schools). */
	char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_REAL_PRECISION(6));
	buf_puts(out, text);
	buf_putc(out, '\n');
	free(text);
	json_decref(root);
}

void export_indicators_json(const site *s, const edition *ed, buf *out)
{
	json_t *root = json_root(s, ed);
	json_object_set_new(root, "min_group", json_integer(s->min_group));
	json_t *list = json_array();
	size_t n;
	const indicator *inds = ind_list(s->ind, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_edition *e = ind_for(s->ind, &inds[i], ed);
		if (e)
			json_array_append_new(list, indicator_json(e));
	}
	json_object_set_new(root, "indicators", list);
	dump(root, out);
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

static json_t *jstr_or_null(const char *v)
{
	return v ? json_string(v) : json_null();
}

static json_t *school_results_json(const site *s, const edition *ed, const school *sc)
{
	json_t *list = json_array();
	size_t n;
	const ind_result_row *const *rows = ind_results_of(s->ind, ed, sc, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_result_row *r = rows[i];
		json_t *o = json_object();
		json_object_set_new(o, "procedure", json_string(r->procedure));
		json_object_set_new(o, "subject", json_string(r->subject));
		set_num_if(o, "grade", r->grade, r->grade);
		if (r->suppressed) { /* no figures at all */
			json_object_set_new(o, "suppressed", json_true());
			json_array_append_new(list, o);
			continue;
		}
		json_object_set_new(o, "participants", jnum(r->participants));
		/* privacy.min_cell: a small or withheld count is null here and
		 * named in "hidden" («small» / «withheld»), as on the page. */
		json_t *vals = json_object(), *hidden = json_object();
		for (size_t k = 0; k < r->file->ncols; k++) {
			if (r->v[k] != r->v[k]) /* NAN: the cell was empty */
				continue;
			ind_cell cell = r->cell ? r->cell[k] : IND_CELL_SHOWN;
			const char *name = r->file->cols[k].name;
			json_object_set_new(vals, name, cell == IND_CELL_SHOWN ? jnum(r->v[k]) : json_null());
			if (cell != IND_CELL_SHOWN)
				json_object_set_new(hidden, name, json_string(cell_word(cell)));
		}
		json_object_set_new(o, "values", vals);
		if (json_object_size(hidden))
			json_object_set_new(o, "hidden", hidden);
		else
			json_decref(hidden);
		json_array_append_new(list, o);
	}
	return list;
}

static json_t *school_indicators_json(const site *s, const edition *ed, const school *sc)
{
	json_t *list = json_array();
	size_t n;
	const indicator *inds = ind_list(s->ind, &n);
	for (size_t i = 0; i < n; i++) {
		const ind_edition *e = ind_for(s->ind, &inds[i], ed);
		const ind_school *f = e ? ind_school_of(e, sc) : NULL;
		if (!f)
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(inds[i].id));
		json_object_set_new(o, "name", json_string(inds[i].name));
		json_object_set_new(o, "unit", json_string(inds[i].unit));
		set_num_if(o, "value", !f->suppressed, f->value);
		set_true_if(o, "suppressed", f->suppressed != IND_SUPP_NONE);
		/* A verdict only where schools are judged (indicators.md). */
		if (!f->suppressed && e->has_target && inds[i].judge_schools)
			json_object_set_new(o, "met", json_boolean(f->met));
		set_num_if(o, "target", e->has_target, e->target);
		set_num_if(o, "municipality", e->has_value, e->value);
		json_array_append_new(list, o);
	}
	return list;
}

/* One activity of a school's data.json: its object of activities.json
 * (activity_json) with only the keys that differ between a school's
 * activities (document and section are its place in the file), and without
 * the optional ones that are absent — a missing date, «overdue» false, no
 * «responsible» (docs/themes.md). */
static json_t *school_activity_json(const site *s, const activity *a)
{
	static const char *const keep[] = {"number", "title", "deadline", "deadline_kind", "status", NULL};
	static const char *const optional[] = {"deadline_start", "deadline_end", "responsible", "overdue", "done_on",
	                                       NULL};
	json_t *all = activity_json(s, a), *o = json_object();
	const char *k;
	json_t *v;
	json_object_foreach(all, k, v) {
		bool absent = json_is_null(v) || json_is_false(v) || (json_is_string(v) && !*json_string_value(v));
		if (str_in(k, keep) || (str_in(k, optional) && !absent))
			json_object_set(o, k, v);
	}
	json_decref(all);
	return o;
}

/* Every school's data.json has the same flags: compact, as a site has thousands. */
#define SCHOOL_JSON_FLAGS (JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_REAL_PRECISION(6))

/* What the data.json of every school of an edition shares, as JSON text made
 * once: each document's opening ({"document":…,"title":…,"sections":[), each
 * section's ({"number":…,"title":…,"activities":[) in document order, and
 * each activity's object by activity.index; a school's file puts together those concerning it. */
typedef struct school_json_parts {
	char **docs;   /* per document */
	char **secs;   /* per section, documents one after another */
	char **rows;   /* per activity, by activity.index */
} school_json_parts;

/* JSON text of v without its last n characters (closing brackets); v is
 * released. */
static char *dump_open(json_t *v, size_t n)
{
	char *text = json_dumps(v, SCHOOL_JSON_FLAGS);
	text[strlen(text) - n] = '\0';
	json_decref(v);
	return text;
}

static void *make_school_parts(const void *key, const void *arg)
{
	const edition *ed = key;
	const site *s = arg;
	json_init();
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
		p->docs[d] = dump_open(json_pack("{s:s,s:s,s:[]}", "document", doc->slug, "title",
		                                 doc->title ? doc->title : doc->slug, "sections"), 2);
		for (size_t k = 0; k < doc->nsections; k++) {
			const section *sec = &doc->sections[k];
			p->secs[si++] = dump_open(json_pack("{s:s,s:s,s:[]}", "number", sec->number ? sec->number : "",
			                                    "title", sec->title ? sec->title : "", "activities"), 2);
			for (size_t i = 0; i < sec->nacts; i++) {
				json_t *o = school_activity_json(s, &sec->acts[i]);
				p->rows[sec->acts[i].index] = json_dumps(o, SCHOOL_JSON_FLAGS);
				json_decref(o);
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

/* ,"key":<v as JSON>, or nothing when v is NULL (as jansson leaves out a
 * member set to NULL); v is released. */
static void member(buf *out, const char *key, json_t *v)
{
	if (!v)
		return;
	char *text = json_dumps(v, SCHOOL_JSON_FLAGS | JSON_ENCODE_ANY);
	buf_printf(out, ",\"%s\":%s", key, text);
	free(text);
	json_decref(v);
}

/* "documents": every document of ed, each with the sections that have
 * activities concerning sc and those activities. */
static void school_documents(const school_json_parts *p, const edition *ed, const school *sc, buf *out)
{
	size_t si = 0;
	buf_puts(out, ",\"documents\":[");
	for (size_t d = 0; d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		buf_printf(out, "%s%s", d ? "," : "", p->docs[d]);
		bool first_sec = true;
		for (size_t k = 0; k < doc->nsections; k++, si++) {
			const section *sec = &doc->sections[k];
			bool first = true;
			for (size_t i = 0; i < sec->nacts; i++) {
				if (!activity_concerns(&sec->acts[i], sc))
					continue;
				if (first)
					buf_printf(out, "%s%s", first_sec ? "" : ",", p->secs[si]);
				buf_printf(out, "%s%s", first ? "" : ",", p->rows[sec->acts[i].index]);
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
	/* The document is built as jansson would dump {edition, as_of, school,
	 * documents, schedule, results, indicators}, with the parts every
	 * school shares dumped once per edition. */
	json_t *root = json_root(s, ed);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(sc->id));
	json_object_set_new(o, "name", jstr_or_null(sc->name));
	json_object_set_new(o, "short_name", jstr_or_null(sc->short_name));
	json_object_set_new(root, "school", o);
	char *head = json_dumps(root, SCHOOL_JSON_FLAGS);
	json_decref(root);
	buf_put(out, head, strlen(head) - 1); /* without its closing brace */
	free(head);
	const school_json_parts *p = memo_get(s->memo, ed, make_school_parts, s, drop_school_parts);
	school_documents(p, ed, sc, out);
	memo_done(s->memo, p, drop_school_parts);
	member(out, "schedule", export_schedule_json(s, ed, sc));
	member(out, "results", school_results_json(s, ed, sc));
	member(out, "indicators", school_indicators_json(s, ed, sc));
	buf_puts(out, "}\n");
}

void export_search_json(const site *s, buf *out)
{
	json_init();
	const edition *ed = s->current;
	json_t *root = json_object();
	/* Schools: [id, short name, full name]; the page is
	 * <edition>/schools/<id>/ (schools/<id>/ without a current edition). */
	json_object_set_new(root, "edition", ed ? json_string(ed->id) : json_null());
	json_t *schools = json_array();
	for (size_t i = 0; i < s->nschools; i++) {
		const school *sc = &s->schools[i];
		json_array_append_new(schools, json_pack("[sss]", sc->id, sc->short_name ? sc->short_name : sc->id,
		                                         sc->name ? sc->name : ""));
	}
	json_object_set_new(root, "schools", schools);
	/* Documents of the current edition: [slug, title]; activities:
	 * [document index, anchor, number, title]. */
	json_t *docs = json_array(), *acts = json_array();
	for (size_t d = 0; ed && d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		json_array_append_new(docs, json_pack("[ss]", doc->slug, doc->short_title ? doc->short_title : doc->title ? doc->title : doc->slug));
		for (size_t k = 0; k < doc->nsections; k++)
			for (size_t i = 0; i < doc->sections[k].nacts; i++) {
				const activity *a = &doc->sections[k].acts[i];
				json_array_append_new(acts, json_pack("[Isss]", (json_int_t)d, a->anchor,
				                                      a->number ? a->number : "",
				                                      a->title_text ? a->title_text : ""));
			}
	}
	json_object_set_new(root, "documents", docs);
	json_object_set_new(root, "activities", acts);
	/* Pages: [slug, title, description]. */
	json_t *pages = json_array();
	for (size_t i = 0; i < s->npages; i++)
		json_array_append_new(pages, json_pack("[sss]", s->pages[i].slug, s->pages[i].title ? s->pages[i].title : "",
		                                       s->pages[i].description ? s->pages[i].description : ""));
	json_object_set_new(root, "pages", pages);
	char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT);
	buf_puts(out, text);
	buf_putc(out, '\n');
	free(text);
	json_decref(root);
}

/* ---- a school's assessment schedule ---- */

struct json_t *export_schedule_json(const site *s, const edition *ed, const school *sc)
{
	json_init();
	json_t *list = json_array();
	char iso[11];
	for (size_t i = 0; i < ed->nschedule; i++) {
		const assessment *as = &ed->schedule[i];
		if (as->sc != sc)
			continue;
		json_t *r = json_object();
		date_iso(as->on, iso);
		json_object_set_new(r, "date", json_string(iso));
		json_object_set_new(r, "grade", json_string(as->grade));
		json_object_set_new(r, "subject", json_string(as->subject));
		json_object_set_new(r, "procedure", json_string(as->procedure));
		set_str_if(r, "level", as->level);
		set_num_if(r, "hours", as->hours, as->hours);
		set_num_if(r, "lesson", as->lesson, as->lesson);
		set_true_if(r, "past", date_cmp(as->on, s->today) < 0);
		json_object_set_new(r, "anchor", json_string(as->anchor));
		json_t *notes = json_array();
		for (size_t k = 0; k < ed->nbreaches; k++)
			if (ed->breaches[k].row == as)
				json_array_append_new(notes, json_string(ed->breaches[k].text));
		if (json_array_size(notes))
			json_object_set_new(r, "notes", notes);
		else
			json_decref(notes);
		json_array_append_new(list, r);
	}
	return list;
}
