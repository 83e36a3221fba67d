/* Assessment schedules: the school's schedule page, the municipal overview,
 * and the blocks other pages show (spec/site.md, spec/indicators.md). */
#include "page_schedule.h"
#include "buf.h"
#include "ru.h"
#include "schedule_rules.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *schedule_path(arena *a, const edition *ed, const school *sc)
{
	return arena_printf(a, "%s/schools/%s/schedule/", ed->id, sc->id);
}

size_t schedule_count(const edition *ed, const school *sc)
{
	size_t n = 0;
	for (size_t i = 0; i < ed->nschedule; i++)
		n += ed->schedule[i].sc == sc;
	return n;
}

static value *row_view(const ctx *c, const edition *ed, const assessment *as)
{
	arena *a = c->a;
	value *r = v_map(a);
	char iso[11];
	date_iso(as->on, iso);
	v_sets(a, r, "anchor", as->anchor);
	v_sets(a, r, "url", arena_printf(a, "%s#%s", link_to(c, schedule_path(a, ed, as->sc)), as->anchor));
	v_sets(a, r, "date", ru_date_str(a, as->on));
	v_sets(a, r, "iso", iso);
	v_sets(a, r, "grade", as->grade);
	v_sets(a, r, "subject", as->subject);
	v_sets(a, r, "procedure", as->procedure);
	v_sets(a, r, "level", as->level);
	v_setb(a, r, "past", date_cmp(as->on, ed->as_of) < 0);
	value *notes = v_set(a, r, "notes", v_list(a));
	for (size_t i = 0; i < ed->nbreaches; i++)
		if (ed->breaches[i].row == as)
			v_push(a, notes, v_str(a, ed->breaches[i].text));
	return r;
}

value *schedule_months(const ctx *c, const edition *ed, const school *sc)
{
	arena *a = c->a;
	value *months = v_list(a), *rows = NULL;
	int y = 0, m = 0;
	for (size_t i = 0; i < ed->nschedule; i++) {
		const assessment *as = &ed->schedule[i];
		if (as->sc != sc)
			continue;
		if (!rows || as->on.y != y || as->on.m != m) {
			value *mv = v_push(a, months, v_map(a));
			buf b = BUF_INIT;
			ru_month_year(&b, as->on.y, as->on.m);
			v_sets(a, mv, "title", buf_cstr(&b));
			buf_free(&b);
			v_set(a, mv, "anchor", v_strf(a, "m-%04d-%02d", as->on.y, as->on.m));
			rows = v_set(a, mv, "rows", v_list(a));
			y = as->on.y;
			m = as->on.m;
		}
		v_push(a, rows, row_view(c, ed, as));
	}
	return months;
}

value *schedule_upcoming(const ctx *c, const edition *ed, const school *sc, size_t max)
{
	value *rows = v_list(c->a);
	for (size_t i = 0; i < ed->nschedule && rows->n < max; i++) {
		const assessment *as = &ed->schedule[i];
		if (as->sc == sc && date_cmp(as->on, ed->as_of) >= 0)
			v_push(c->a, rows, row_view(c, ed, as));
	}
	return rows;
}

static size_t school_breaches(const edition *ed, const school *sc)
{
	size_t n = 0;
	for (size_t i = 0; i < ed->nbreaches; i++)
		n += ed->breaches[i].row->sc == sc;
	return n;
}

static const char *count_text(arena *a, long n, const char *one, const char *few, const char *many)
{
	buf b = BUF_INIT;
	ru_count(&b, n, one, few, many);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

value *view_school_schedule(const ctx *c)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = school_subpage(c, arena_printf(a, "График оценочных процедур: %s", sc->short_name),
	                          "График оценочных процедур");
	v_sets(a, v, "school_name", sc->name);
	v_sets(a, v, "school_short", sc->short_name);
	v_sets(a, v, "edition_title", ed->title);
	v_sets(a, v, "ics_url", link_to(c, arena_printf(a, "%s/schools/%s/schedule.ics", ed->id, sc->id)));
	v_sets(a, v, "overview_url", link_to(c, arena_printf(a, "%s/schedule/", ed->id)));
	size_t n = schedule_count(ed, sc), past = 0, nb = school_breaches(ed, sc);
	for (size_t i = 0; i < ed->nschedule; i++)
		past += ed->schedule[i].sc == sc && date_cmp(ed->schedule[i].on, ed->as_of) < 0;
	value *months = v_set(a, v, "months", schedule_months(c, ed, sc));
	v_setb(a, v, "has_rows", months->n > 0);
	v_sets(a, v, "count", count_text(a, (long)n, "оценочная процедура", "оценочные процедуры", "оценочных процедур"));
	v_sets(a, v, "past_count", past ? count_text(a, (long)past, "прошла", "прошли", "прошли") : NULL);
	v_setb(a, v, "has_notes", nb > 0);
	v_sets(a, v, "notes_count", count_text(a, (long)nb, "замечание", "замечания", "замечаний"));
	return v;
}

/* ---- the municipal overview ---- */

static bool in_vpr(const edition *ed, long from, long to)
{
	for (size_t i = 0; i < ed->nvpr; i++)
		if (date_to_days(ed->vpr[i].start) <= to && date_to_days(ed->vpr[i].end) >= from)
			return true;
	return false;
}

/* Schools in the one order of every list (model.h: school_cmp). */
static int cmp_school_ptr(const void *pa, const void *pb)
{
	return school_cmp(*(const school *const *)pa, *(const school *const *)pb);
}

static const char *week_label(arena *a, date mon, date sun)
{
	if (mon.m == sun.m)
		return arena_printf(a, "%d–%d", mon.d, sun.d);
	return arena_printf(a, "%d.%02d–%d.%02d", mon.d, mon.m, sun.d, sun.m);
}

/* The weeks from the first to the last procedure (or ВПР window) inside the
 * edition, grouped by the month of their Thursday (as ISO weeks are). */
static value *grid_weeks(const ctx *c, const edition *ed, long *first, size_t *nweeks, value **months_out)
{
	arena *a = c->a;
	long lo = 0, hi = -1, es = date_to_days(ed->start), ee = date_to_days(ed->end);
	for (size_t i = 0; i < ed->nschedule; i++) {
		long d = date_to_days(ed->schedule[i].on);
		if (d < es || d > ee)
			continue;
		if (hi < lo || d < lo)
			lo = d;
		if (hi < lo || d > hi)
			hi = d;
	}
	*nweeks = 0;
	value *weeks = v_list(a), *months = v_list(a);
	*months_out = months;
	if (hi < lo)
		return weeks;
	for (size_t i = 0; i < ed->nvpr; i++) {
		long s = date_to_days(ed->vpr[i].start), e = date_to_days(ed->vpr[i].end);
		s = s < es ? es : s;
		e = e > ee ? ee : e;
		if (s <= e) {
			lo = s < lo ? s : lo;
			hi = e > hi ? e : hi;
		}
	}
	*first = lo - date_weekday(date_from_days(lo));
	value *cur = NULL;
	long span = 0;
	for (long mon = *first; mon <= hi; mon += 7) {
		date dm = date_from_days(mon), thu = date_from_days(mon + 3);
		if (!cur || date_from_days(mon - 4).m != thu.m) {
			cur = v_push(a, months, v_map(a));
			buf b = BUF_INIT;
			ru_month_year(&b, thu.y, thu.m);
			v_sets(a, cur, "title", buf_cstr(&b));
			buf_free(&b);
			span = 0;
		}
		v_set(a, cur, "span", v_int(a, ++span));
		value *w = v_push(a, weeks, v_map(a));
		v_sets(a, w, "label", week_label(a, dm, date_from_days(mon + 6)));
		v_sets(a, w, "full", arena_printf(a, "%s — %s", ru_date_str(a, dm), ru_date_str(a, date_from_days(mon + 6))));
		v_setb(a, w, "vpr", in_vpr(ed, mon, mon + 6));
		(*nweeks)++;
	}
	return weeks;
}

static value *vpr_view(const ctx *c, const edition *ed)
{
	arena *a = c->a;
	value *list = v_list(a);
	for (size_t i = 0; i < ed->nvpr; i++) {
		value *w = v_push(a, list, v_map(a));
		v_sets(a, w, "start", ru_date_str(a, ed->vpr[i].start));
		v_sets(a, w, "end", ru_date_str(a, ed->vpr[i].end));
		v_sets(a, w, "title", ed->vpr[i].title);
	}
	return list;
}

value *view_schedule_overview(const ctx *c)
{
	arena *a = c->a;
	const site *s = c->s;
	const edition *ed = c->j->ed;
	value *v = layout(c, arena_printf(a, "Графики оценочных процедур: %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Графики оценочных процедур", NULL);
	v_sets(a, v, "edition_title", ed->title);
	long first = 0;
	size_t nweeks;
	value *months;
	value *weeks = v_set(a, v, "weeks", grid_weeks(c, ed, &first, &nweeks, &months));
	v_set(a, v, "months", months);
	v_setb(a, v, "has_grid", weeks->n > 0);
	value *vpr = v_set(a, v, "vpr", vpr_view(c, ed));
	v_setb(a, v, "has_vpr", vpr->n > 0);
	const school **order = xmalloc((s->nschools ? s->nschools : 1) * sizeof *order);
	for (size_t i = 0; i < s->nschools; i++)
		order[i] = &s->schools[i];
	xsort(order, s->nschools, sizeof *order, cmp_school_ptr);
	value *rows = v_set(a, v, "schools", v_list(a));
	value *notes = v_set(a, v, "breach_schools", v_list(a));
	long *counts = xmalloc((nweeks ? nweeks : 1) * sizeof *counts);
	size_t with = 0, total_breaches = 0;
	for (size_t k = 0; k < s->nschools; k++) {
		const school *sc = order[k];
		memset(counts, 0, (nweeks ? nweeks : 1) * sizeof *counts);
		size_t n = 0;
		for (size_t i = 0; i < ed->nschedule; i++) {
			const assessment *as = &ed->schedule[i];
			if (as->sc != sc)
				continue;
			n++;
			long w = (date_to_days(as->on) - first) / 7;
			if (date_to_days(as->on) >= first && w >= 0 && (size_t)w < nweeks)
				counts[w]++;
		}
		with += n > 0;
		value *r = v_push(a, rows, v_map(a));
		v_sets(a, r, "name", sc->short_name);
		v_sets(a, r, "url", n ? link_to(c, schedule_path(a, ed, sc)) : NULL);
		v_setb(a, r, "has_rows", n > 0);
		v_set(a, r, "total", v_int(a, (long)n));
		v_sets(a, r, "span", arena_printf(a, "%zu", nweeks));
		value *cells = v_set(a, r, "cells", v_list(a));
		for (size_t w = 0; n && w < nweeks; w++) {
			value *cell = v_push(a, cells, v_map(a));
			if (counts[w])
				v_set(a, cell, "count", v_int(a, counts[w]));
			v_sets(a, cell, "level", counts[w] >= 3 ? "n3" : counts[w] == 2 ? "n2" : counts[w] ? "n1" : "n0");
			v_setb(a, cell, "vpr", v_truthy(v_get(weeks->items[w], "vpr")));
		}
		size_t nb = school_breaches(ed, sc);
		total_breaches += nb;
		if (nb) {
			v_sets(a, r, "breaches", count_text(a, (long)nb, "замечание", "замечания", "замечаний"));
			v_sets(a, r, "breaches_anchor", arena_printf(a, "s-%s", sc->id));
			value *bs = v_push(a, notes, v_map(a));
			v_sets(a, bs, "name", sc->short_name);
			v_sets(a, bs, "anchor", arena_printf(a, "s-%s", sc->id));
			v_sets(a, bs, "url", link_to(c, schedule_path(a, ed, sc)));
			v_sets(a, bs, "count", count_text(a, (long)nb, "замечание", "замечания", "замечаний"));
			value *items = v_set(a, bs, "items", v_list(a));
			for (size_t i = 0; i < ed->nbreaches; i++) {
				const breach *b = &ed->breaches[i];
				if (b->row->sc != sc)
					continue;
				value *it = v_push(a, items, v_map(a));
				v_sets(a, it, "url", arena_printf(a, "%s#%s", link_to(c, schedule_path(a, ed, sc)), b->row->anchor));
				v_sets(a, it, "row", arena_printf(a, "%s, %s, %s", ru_date_str(a, b->row->on), b->row->grade,
				                                  b->row->subject));
				v_sets(a, it, "text", b->text);
			}
		}
	}
	free(counts);
	free(order);
	v_sets(a, v, "summary",
	       arena_printf(a, "Графики есть у %s из %zu; всего %s; замечаний по рекомендациям: %zu.",
	                    count_text(a, (long)with, "школы", "школ", "школ"), s->nschools,
	                    count_text(a, (long)ed->nschedule, "оценочная процедура", "оценочные процедуры",
	                               "оценочных процедур"),
	                    total_breaches));
	v_setb(a, v, "has_breaches", notes->n > 0);
	return v;
}
