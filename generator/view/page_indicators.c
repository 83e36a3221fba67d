/* Indicator pages: the summary of an edition, one indicator, and the
 * indicator and results blocks of a school page.  Figures come from
 * indicators.c, already aggregated and suppressed; this file only formats. */
#include "page_indicators.h"
#include "ind_format.h"
#include "buf.h"
#include "ru.h"
#include "svg.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *ind_value_str(const ctx *c, const indicator *ind, double v)
{
	buf b = BUF_INIT;
	ind_format_value(&b, ind, v);
	const char *s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static const char *change_str(const ctx *c, const indicator *ind, double d)
{
	buf b = BUF_INIT;
	ind_format_change(&b, ind, d);
	const char *s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static const char *target_str(const ctx *c, const ind_edition *e)
{
	const char *dir = e->ind->lower_better ? "не более" : "не менее";
	if (e->pending) /* for a later year: shown, not judged */
		return arena_printf(c->a, "целевой год — %d (%s %s)", e->pending_year, dir,
		                    ind_value_str(c, e->ind, e->pending_value));
	if (!e->has_target)
		return NULL;
	if (e->target_text && strpbrk(e->target_text, " "))
		return e->target_text; /* the roadmap's own words («не менее 90 %») */
	if (e->target_year)
		return arena_printf(c->a, "%s %s (на %d год)", dir, ind_value_str(c, e->ind, e->target), e->target_year);
	return arena_printf(c->a, "%s %s", dir, ind_value_str(c, e->ind, e->target));
}

/* «2023 г. — 50 %; 2024 г. — 60 %»: the targets by year, or NULL. */
static const char *plan_str(const ctx *c, const ind_edition *e)
{
	if (!e->plan || !e->plan->n)
		return NULL;
	buf b = BUF_INIT;
	for (size_t k = 0; k < e->plan->n; k++)
		buf_printf(&b, "%s%d\xC2\xA0г. — %s", k ? "; " : "", e->plan->years[k],
		           ind_value_str(c, e->ind, e->plan->values[k]));
	const char *s = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static const char *suppressed_note(const ctx *c, ind_supp why)
{
	if (why == IND_SUPP_SMALL)
		return arena_printf(c->a, "менее %d %s", c->s->min_group,
		                    ru_plural(c->s->min_group, "участника", "участников", "участников"));
	return "скрыто, чтобы нельзя было вычислить скрытое значение другой школы";
}

/* Municipal figure, target and comparison of one indicator in one edition. */
static void muni_fields(const ctx *c, value *v, const ind_edition *e)
{
	arena *a = c->a;
	const indicator *ind = e->ind;
	if (e->has_value) {
		v_sets(a, v, "value", ind_value_str(c, ind, e->value));
		if (e->how == IND_MUNI_MEDIAN)
			v_sets(a, v, "value_note", "медиана значений школ");
	} else {
		v_sets(a, v, "value", "—");
		v_sets(a, v, "value_note", e->suppressed ? "не публикуется: слишком мало участников"
		                                         : (e->has_data ? "не рассчитано" : "нет данных"));
	}
	v_sets(a, v, "target", target_str(c, e));
	if (e->has_value && e->has_target) {
		v_sets(a, v, "met", e->met ? "достигнуто" : "не достигнуто");
		v_setb(a, v, "is_met", e->met);
	}
	if (e->has_prev) {
		v_sets(a, v, "previous", ind_value_str(c, ind, e->prev_value));
		v_sets(a, v, "change", change_str(c, ind, e->change));
	}
	if (e->has_target && e->nvalues && ind->judge_schools) {
		buf b = BUF_INIT;
		ru_int(&b, (long)e->nmeeting);
		buf_puts(&b, " из ");
		ru_count(&b, (long)e->nvalues, "школы", "школ", "школ");
		v_sets(a, v, "meeting", buf_cstr(&b));
		buf_free(&b);
	}
}

/* Sparkline over all editions up to ed, with its numbers as text; *text (when
 * given) gets the same numbers for showing next to it («2020/21: 12 %; …»). */
static const char *trend_svg(const ctx *c, const indicator *ind, const edition *upto, bool bars, const char **text)
{
	size_t n;
	const ind_edition *series = ind_series(c->s->ind, ind, &n);
	svg_point *pts = arena_alloc(c->a, (n ? n : 1) * sizeof(svg_point));
	buf alt = BUF_INIT;
	size_t k = 0;
	buf shown = BUF_INIT;
	buf_printf(&alt, "%s по годам: ", ind->name);
	for (size_t i = 0; i < n && series[i].ed->start.y <= upto->start.y; i++, k++) {
		/* Axis labels must be short: «2021/22», «2022–2024». */
		const char *label = series[i].ed->label;
		const char *val = series[i].has_value ? ind_value_str(c, ind, series[i].value) : "нет данных";
		pts[k] = (svg_point){label, series[i].has_value, series[i].value};
		buf_printf(&alt, "%s%s — %s", k ? "; " : "", series[i].ed->title, val);
		buf_printf(&shown, "%s%s:\xC2\xA0%s", k ? "; " : "", label, val);
	}
	if (text)
		*text = arena_strdup(c->a, buf_cstr(&shown));
	buf_free(&shown);
	const ind_edition *cur = ind_for(c->s->ind, ind, upto);
	if (bars && cur && cur->has_target)
		buf_printf(&alt, "; целевое значение — %s", target_str(c, cur));
	buf svg = BUF_INIT;
	if (bars)
		svg_bars(&svg, pts, k, cur && cur->has_target, cur ? cur->target : 0, buf_cstr(&alt));
	else
		svg_sparkline(&svg, pts, k, buf_cstr(&alt));
	const char *s = arena_strdup(c->a, buf_cstr(&svg));
	buf_free(&svg);
	buf_free(&alt);
	return s;
}

static const char *indicator_path(const ctx *c, const edition *ed, const indicator *ind)
{
	return arena_printf(c->a, "%s/indicators/%s/", ed->id, ind->id);
}

value *ind_row_view(const ctx *c, const indicator *ind, const edition *ed, bool with_trend)
{
	const ind_edition *e = ind_for(c->s->ind, ind, ed);
	value *v = v_map(c->a);
	v_sets(c->a, v, "id", ind->id);
	v_sets(c->a, v, "name", ind->name);
	v_sets(c->a, v, "unit", ind->unit);
	v_sets(c->a, v, "url", link_near(c, indicator_path(c, ed, ind)));
	if (e) {
		muni_fields(c, v, e);
		if (with_trend) {
			const char *text;
			v_sets(c->a, v, "trend_svg", trend_svg(c, ind, ed, false, &text));
			v_sets(c->a, v, "trend_text", text);
		}
	}
	return v;
}

value *view_indicators(const ctx *c)
{
	const edition *ed = c->j->ed;
	arena *a = c->a;
	value *v = layout(c, arena_printf(a, "Показатели: %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Показатели", NULL);
	size_t n;
	const indicator *inds = ind_list(c->s->ind, &n);
	value *groups = v_set(a, v, "groups", v_list(a));
	/* Groups in order of first appearance in indicators.yaml. */
	bool *done = xcalloc(n + 1, sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		if (done[i])
			continue;
		value *g = v_push(a, groups, v_map(a));
		v_sets(a, g, "title", inds[i].group ? inds[i].group : "Другие показатели");
		v_sets(a, g, "caption", inds[i].group ? inds[i].group : "Другие показатели");
		v_setb(a, g, "hide_caption", true); /* the group's heading is right above */
		value *list = v_set(a, g, "indicators", v_list(a));
		for (size_t j = i; j < n; j++) {
			if (done[j] || !str_eq(inds[j].group, inds[i].group))
				continue;
			done[j] = true;
			v_push(a, list, ind_row_view(c, &inds[j], ed, true));
		}
	}
	free(done);
	v_setb(a, v, "has_indicators", n > 0);
	v_set(a, v, "min_group", v_int(a, c->s->min_group));
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	return v;
}

static const char *method_text(const indicator *ind, ind_muni how)
{
	switch (how) {
	case IND_MUNI_TOTAL:
		return "Доля по округу: сумма числа участников с указанными результатами по всем школам, делённая на общее число участников (а не среднее долей школ).";
	case IND_MUNI_WEIGHTED: return "Значение по округу: среднее значений школ, взвешенное по числу участников.";
	case IND_MUNI_ROW: return "Значение по округу указано в данных отдельной строкой.";
	case IND_MUNI_RATIO: return "Значение по округу: сумма числителей, делённая на сумму знаменателей по школам.";
	case IND_MUNI_MEDIAN: return "Значение по округу не представлено; показана медиана значений школ.";
	default: return ind->kind == IND_VALUE ? "Значения представлены школами." : NULL;
	}
}

static value *school_rows(const ctx *c, const ind_edition *e)
{
	arena *a = c->a;
	value *rows = v_list(a);
	for (size_t i = 0; i < e->nschools; i++) {
		const ind_school *s = &e->schools[i];
		value *r = v_push(a, rows, v_map(a));
		v_sets(a, r, "school", s->sc->short_name);
		v_sets(a, r, "url", link_near(c, school_path(a, e->ed, s->sc)));
		if (s->suppressed) {
			v_sets(a, r, "value", "—");
			v_sets(a, r, "note", suppressed_note(c, s->suppressed));
			continue;
		}
		v_sets(a, r, "value", ind_value_str(c, e->ind, s->value));
		if (s->base > 0) {
			buf b = BUF_INIT;
			ru_num(&b, s->base, 0);
			v_sets(a, r, "base", buf_cstr(&b));
			buf_free(&b);
		}
		if (e->has_target && e->ind->judge_schools)
			v_sets(a, r, "met", s->met ? "достигнуто" : "не достигнуто");
		if (s->has_change)
			v_sets(a, r, "change", change_str(c, e->ind, s->change));
	}
	return rows;
}

static void distribution(const ctx *c, value *v, const ind_edition *e)
{
	arena *a = c->a;
	if (!e->nvalues)
		return;
	value *d = v_set(a, v, "distribution", v_map(a));
	v_sets(a, d, "median", ind_value_str(c, e->ind, e->median));
	v_sets(a, d, "min", ind_value_str(c, e->ind, e->min));
	v_sets(a, d, "max", ind_value_str(c, e->ind, e->max));
	buf b = BUF_INIT;
	ru_count(&b, (long)e->nvalues, "школа", "школы", "школ");
	v_sets(a, d, "count", buf_cstr(&b));
	double *vals = arena_alloc(a, e->nvalues * sizeof(double));
	size_t k = 0;
	for (size_t i = 0; i < e->nschools; i++)
		if (!e->schools[i].suppressed)
			vals[k++] = e->schools[i].value;
	buf_reset(&b);
	buf_printf(&b, "Распределение значений школ: от %s до %s, медиана %s", ind_value_str(c, e->ind, e->min),
	           ind_value_str(c, e->ind, e->max), ind_value_str(c, e->ind, e->median));
	if (e->has_target)
		buf_printf(&b, "; целевое значение — %s", target_str(c, e));
	buf svg = BUF_INIT;
	svg_strip(&svg, vals, k, e->median, e->has_target, e->target, buf_cstr(&b));
	v_sets(a, d, "svg", buf_cstr(&svg));
	buf_free(&svg);
	buf_free(&b);
}

value *view_indicator(const ctx *c)
{
	const edition *ed = c->j->ed;
	const indicator *ind = c->j->ind;
	const ind_edition *e = ind_for(c->s->ind, ind, ed);
	arena *a = c->a;
	value *v = layout(c, ind->name, ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Показатели", arena_printf(a, "%s/indicators/", ed->id));
	crumb(c, v, ind->name, NULL);
	value *iv = v_set(a, v, "indicator", ind_row_view(c, ind, ed, false));
	v_sets(a, iv, "group", ind->group);
	v_sets(a, iv, "better", ind->lower_better ? "чем меньше, тем лучше" : "чем больше, тем лучше");
	v_sets(a, iv, "source", ind->source);
	v_sets(a, iv, "method", ind->method);
	if (ind->kind != IND_VALUE)
		v_set(a, iv, "from", v_strf(a, "%s, %s%s", ind->procedure ? ind->procedure : "",
		                            ind->subject ? ind->subject : "",
		                            ind->grade ? arena_printf(a, ", %d класс", ind->grade) : ""));
	if (e) {
		v_sets(a, iv, "how", method_text(ind, e->how));
		if (e->target_doc)
			v_sets(a, iv, "target_doc", e->target_doc->short_title);
		v_sets(a, iv, "plan", plan_str(c, e));
		if (e->plan && e->plan->has_baseline)
			v_sets(a, iv, "baseline", arena_printf(a, "%s (%d\xC2\xA0г.)", ind_value_str(c, ind, e->plan->baseline),
			                                       e->plan->baseline_year));
		v_set(a, v, "schools", school_rows(c, e));
		v_setb(a, v, "has_schools", e->nschools > 0);
		/* The verdict column only where schools are judged (indicators.md):
		 * otherwise every cell of it would be «—». */
		v_setb(a, v, "judge_schools", e->has_target && ind->judge_schools);
		distribution(c, v, e);
	}
	v_sets(a, v, "chart_svg", trend_svg(c, ind, ed, true, NULL));
	size_t n;
	const ind_edition *series = ind_series(c->s->ind, ind, &n);
	value *years = v_set(a, v, "series", v_list(a));
	for (size_t i = 0; i < n; i++) {
		value *y = v_push(a, years, v_map(a));
		v_sets(a, y, "edition", series[i].ed->title);
		v_sets(a, y, "url", link_to(c, indicator_path(c, series[i].ed, ind)));
		muni_fields(c, y, &series[i]);
	}
	v_set(a, v, "min_group", v_int(a, c->s->min_group));
	return v;
}

/* The school's figures next to the municipal ones, for its page. */
value *school_indicators(const ctx *c, const edition *ed, const school *sc)
{
	arena *a = c->a;
	size_t n;
	const indicator *inds = ind_list(c->s->ind, &n);
	value *list = v_list(a);
	for (size_t i = 0; i < n; i++) {
		const ind_edition *e = ind_for(c->s->ind, &inds[i], ed);
		const ind_school *s = e ? ind_school_of(e, sc) : NULL;
		if (!s)
			continue;
		value *r = v_push(a, list, ind_row_view(c, &inds[i], ed, false)); /* no trend column there */
		v_sets(a, r, "school_value", s->suppressed ? "—" : ind_value_str(c, &inds[i], s->value));
		if (s->suppressed)
			v_sets(a, r, "school_note", suppressed_note(c, s->suppressed));
		else if (e->has_target && inds[i].judge_schools)
			v_sets(a, r, "school_met", s->met ? "достигнуто" : "не достигнуто");
		v_sets(a, r, "school_change", s->has_change ? change_str(c, &inds[i], s->change) : NULL);
	}
	return list;
}

value *school_results_summary(const ctx *c, const edition *ed, const school *sc, size_t max)
{
	arena *a = c->a;
	size_t n;
	const indicator *inds = ind_list(c->s->ind, &n);
	value *list = v_list(a);
	for (size_t i = 0; i < n && list->n < max; i++) {
		if (inds[i].kind == IND_VALUE)
			continue;
		const ind_edition *e = ind_for(c->s->ind, &inds[i], ed);
		const ind_school *s = e ? ind_school_of(e, sc) : NULL;
		if (!s || s->suppressed)
			continue;
		value *r = v_push(a, list, ind_row_view(c, &inds[i], ed, false));
		v_sets(a, r, "school_value", ind_value_str(c, &inds[i], s->value));
	}
	return list;
}

/* The school's rows of the edition's results files. */
value *school_results(const ctx *c, const edition *ed, const school *sc)
{
	arena *a = c->a;
	size_t n;
	const ind_result_row *const *rows = ind_results_of(c->s->ind, ed, sc, &n);
	value *list = v_list(a);
	for (size_t i = 0; i < n; i++) {
		const ind_result_row *r = rows[i];
		value *it = v_push(a, list, v_map(a));
		v_sets(a, it, "procedure", r->procedure);
		v_sets(a, it, "subject", r->subject);
		v_set(a, it, "grade", r->grade ? v_int(a, r->grade) : v_str(a, "—"));
		if (r->suppressed) {
			v_sets(a, it, "participants", "—");
			v_sets(a, it, "results", suppressed_note(c, r->suppressed));
			continue;
		}
		buf b = BUF_INIT;
		ru_num(&b, r->participants, 0);
		v_sets(a, it, "participants", buf_cstr(&b));
		buf_reset(&b);
		for (size_t k = 0; k < r->file->ncols; k++) {
			if (r->v[k] != r->v[k]) /* NAN: empty cell */
				continue;
			buf_printf(&b, "%s%s: ", b.len ? "; " : "", result_column_name(a, r->file->cols[k].name));
			ind_cell cell = r->cell ? r->cell[k] : IND_CELL_SHOWN;
			if (cell == IND_CELL_SMALL)
				buf_printf(&b, "менее %d", c->s->min_cell);
			else if (cell == IND_CELL_WITHHELD)
				buf_puts(&b, "скрыто");
			else
				ru_num(&b, r->v[k], r->file->cols[k].mean ? 1 : 0);
		}
		v_sets(a, it, "results", buf_cstr(&b));
		buf_free(&b);
	}
	return list;
}
