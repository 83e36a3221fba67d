/* Reporting periods of an edition (periods.h). */
#include "periods.h"
#include "buf.h"
#include "ru.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ROMAN[] = {"I", "II", "III", "IV"};

typedef struct plist {
	reporting_period *v;
	size_t n, cap;
	arena *a;
} plist;

static void add(plist *pl, const edition *ed, date s, date e, const char *id, const char *title, bool approx)
{
	if (date_cmp(s, ed->start) < 0)
		s = ed->start;
	if (date_cmp(e, ed->end) > 0)
		e = ed->end;
	if (date_cmp(s, e) > 0)
		return;
	xgrow((void **)&pl->v, &pl->cap, pl->n + 1, sizeof *pl->v);
	pl->v[pl->n++] = (reporting_period){arena_strdup(pl->a, id), arena_strdup(pl->a, title), s, e, DATE_NONE, approx};
}

/* Calendar months, quarters or half-years (step 1, 3, 6 months). */
static void calendar(plist *pl, const edition *ed, int step)
{
	char id[32];
	buf t = BUF_INIT;
	long first = (long)ed->start.y * 12 + ed->start.m - 1;
	for (long mi = first - first % step;; mi += step) {
		int y = (int)(mi / 12), m = (int)(mi % 12) + 1, k = m / step; /* k: 0-based number in the year */
		date s = {y, m, 1};
		long me = mi + step - 1;
		if (date_cmp(s, ed->end) > 0)
			break;
		buf_reset(&t);
		if (step == 1) {
			snprintf(id, sizeof id, "%d-%02d", y, m);
			buf_printf(&t, "%s %d\xC2\xA0г.", ru_month_nom(m), y);
		} else {
			snprintf(id, sizeof id, "%d-%c%d", y, step == 3 ? 'Q' : 'H', k + 1);
			buf_printf(&t, "%s %s %d\xC2\xA0г.", ROMAN[k], step == 3 ? "квартал" : "полугодие", y);
		}
		add(pl, ed, s, date_month_end((int)(me / 12), (int)(me % 12) + 1), id, buf_cstr(&t), false);
	}
	buf_free(&t);
}

static int school_year(date d)
{
	return d.m >= 9 ? d.y : d.y - 1;
}

/* School terms, each from the day after the previous one; the IV term's
 * period runs to 31 August. */
static void terms(plist *pl, const edition *ed)
{
	char id[32];
	buf t = BUF_INIT;
	date next = ed->start;
	for (int sy = school_year(ed->start); sy <= school_year(ed->end); sy++)
		for (int n = 1; n <= 4; n++) {
			dl_term term;
			bool exact = deadline_term(&ed->dlc, sy, n, &term);
			date e = n == 4 ? (date){sy + 1, 8, 31} : term.end;
			snprintf(id, sizeof id, "%d-T%d", sy, n);
			buf_reset(&t);
			buf_printf(&t, "%s четверть %d/%02d учебного года", ROMAN[n - 1], sy, (sy + 1) % 100);
			size_t before = pl->n;
			add(pl, ed, next, e, id, buf_cstr(&t), !exact);
			if (pl->n > before)
				next = date_add_days(pl->v[pl->n - 1].end, 1);
		}
	buf_free(&t);
}

/* The day the report on p is due: the first part of reporting.due ending
 * after p (read again with the period stretched, so that the last period's
 * report, due after the edition ends, has its day too). */
static date due_of(const reporting_period *p, const deadline *due)
{
	for (size_t k = 0; k < due->nparts; k++)
		if (date_cmp(due->parts[k].end, p->end) > 0)
			return date_to_days(due->parts[k].end) - date_to_days(p->end) <= 92 ? due->parts[k].end : DATE_NONE;
	return DATE_NONE;
}

void periods_derive_edition(arena *a, edition *ed)
{
	plist pl = {0};
	pl.a = a;
	if (!strcmp(ed->report_every, "school-quarter"))
		terms(&pl, ed);
	else
		calendar(&pl, ed, !strcmp(ed->report_every, "month") ? 1 : !strcmp(ed->report_every, "half-year") ? 6 : 3);
	if (ed->report_due_text && ed->report_due.kind != DL_UNKNOWN) {
		dl_context cx = ed->dlc;
		cx.end = date_add_days(ed->end, 92);
		deadline d;
		deadline_parse_in(ed->report_due_text, &cx, &d);
		for (size_t k = 0; k < pl.n; k++)
			pl.v[k].due = due_of(&pl.v[k], &d);
		deadline_free(&d);
	}
	ed->periods = arena_alloc(a, (pl.n ? pl.n : 1) * sizeof(reporting_period));
	if (pl.n)
		memcpy(ed->periods, pl.v, pl.n * sizeof(reporting_period));
	ed->nperiods = pl.n;
	free(pl.v);
}

const reporting_period *period_find(const edition *ed, const char *id)
{
	for (size_t k = 0; id && k < ed->nperiods; k++)
		if (!strcmp(ed->periods[k].id, id))
			return &ed->periods[k];
	return NULL;
}

const reporting_period *period_at(const edition *ed, date d)
{
	for (size_t k = 0; k < ed->nperiods; k++)
		if (date_cmp(d, ed->periods[k].start) >= 0 && date_cmp(d, ed->periods[k].end) <= 0)
			return &ed->periods[k];
	return NULL;
}
