/* The time of an edition: its period, school terms and reporting period
 * (edition.yaml `period:`, `school_terms:`, `reporting:`; spec/execution.md
 * «Reporting periods», spec/content.md «Multi-year documents»). */
#include "load_period.h"
#include "fields.h"
#include "periods.h"
#include "util.h"

#include <string.h>

static const char *const TERM_KEYS[] = {"start", "end", NULL};
static const char *const REPORTING_KEYS[] = {"every", "due", NULL};
static const char *const EVERY[] = {"quarter", "school-quarter", "half-year", "month", NULL};

void period_defaults(arena *a, edition *ed)
{
	ed->nyears = deadline_years(ed->start, ed->end);
	if (ed->nyears > 1) {
		ed->title = arena_printf(a, "%d\xE2\x80\x93%d годы", ed->start.y, ed->end.y);
		ed->label = arena_printf(a, "%d\xE2\x80\x93%d", ed->start.y, ed->end.y);
	} else {
		ed->title = arena_printf(a, "%d/%d учебный год", ed->start.y, ed->start.y + 1);
		ed->label = arena_printf(a, "%d/%02d", ed->start.y, (ed->start.y + 1) % 100);
	}
	ed->report_every = "quarter";
}

static void load_terms(loader *L, edition *ed, const ynode *list)
{
	ed->terms = arena_alloc(L->a, (list->n ? list->n : 1) * sizeof(dl_term));
	for (size_t i = 0; i < list->n; i++) {
		const ynode *it = list->items[i];
		if (!f_expect_map(it, "четверть", L->dl))
			continue;
		f_check_keys(it, TERM_KEYS, "четверти", L->dl);
		date s = f_date(it, "start", true, L->dl), e = f_date(it, "end", true, L->dl);
		if (!date_is_set(s) || !date_is_set(e))
			continue;
		if (date_cmp(s, e) > 0) {
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
			         "четверть начинается позже, чем кончается: проверьте start и end");
			continue;
		}
		if (ed->nterms && date_cmp(s, ed->terms[ed->nterms - 1].end) <= 0) {
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
			         "четверти должны идти по порядку и не пересекаться: эта начинается не позже конца предыдущей");
			continue;
		}
		if (date_cmp(e, ed->start) < 0 || date_cmp(s, ed->end) > 0) {
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
			         "четверть лежит вне периода редакции (%s): проверьте год", ed->id);
			continue;
		}
		ed->terms[ed->nterms++] = (dl_term){s, e};
	}
	/* At most four terms in one school year. */
	for (size_t i = 4; i < ed->nterms; i++) {
		date a = ed->terms[i - 4].start, b = ed->terms[i].start;
		if ((a.m >= 8 ? a.y : a.y - 1) == (b.m >= 8 ? b.y : b.y - 1)) {
			const ynode *it = list->items[i];
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
			         "в одном учебном году больше четырёх четвертей: проверьте даты (учебный год начинается в сентябре)");
			break;
		}
	}
}

static void load_reporting(loader *L, edition *ed, const ynode *r)
{
	if (!f_expect_map(r, "reporting", L->dl))
		return;
	f_check_keys(r, REPORTING_KEYS, "блоке «reporting»", L->dl);
	const char *every = f_str(r, "every", false, "блоке «reporting»", L->dl);
	if (every) {
		bool ok = false;
		for (int i = 0; EVERY[i]; i++)
			if (!strcmp(every, EVERY[i]))
				ok = true, ed->report_every = EVERY[i];
		if (!ok) {
			const ynode *v = y_get(r, "every");
			diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
			         "поле «every»: допустимы quarter (квартал), school-quarter (четверть), half-year (полугодие), "
			         "month (месяц)");
		}
	}
	ed->report_due_text = f_str(r, "due", false, "блоке «reporting»", L->dl);
}

void period_load(loader *L, edition *ed, const ynode *m)
{
	const ynode *t = m ? f_seq(m, "school_terms", " четвертей вида {start: 2021-09-01, end: 2021-10-29}", L->dl) : NULL;
	if (t)
		load_terms(L, ed, t);
	const ynode *r = m ? y_get(m, "reporting") : NULL;
	if (r && !y_is_null(r))
		load_reporting(L, ed, r);
}

void period_finish(loader *L, edition *ed, const ynode *m)
{
	ed->dlc = (dl_context){ed->start, ed->end, ed->terms, ed->nterms, ed->report_every};
	if (ed->report_due_text)
		deadline_parse_in(ed->report_due_text, &ed->dlc, &ed->report_due);
	if (ed->report_due_text && ed->report_due.kind == DL_UNKNOWN) {
		const ynode *v = y_get(y_get(m, "reporting"), "due");
		diag_add(L->dl, DIAG_WARNING, v->file, v->line, v->col,
		         "срок отчёта «%s» не распознан: он будет показан как написан, без дат", ed->report_due_text);
	}
	periods_derive_edition(L->a, ed);
}
