/* Execution report («Отчёт об исполнении») of an edition, per reporting period (periods.h). */
#include "page_common.h"
#include "buf.h"
#include "execution.h"
#include "ru.h"
#include "schedule.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void add_row(const ctx *c, value *list, const activity *a)
{
	v_push(c->a, list, activity_view(c, a, true));
}

/* One reporting period [from, to], inside the edition. */
static value *quarter_view(const ctx *c, const edition *ed, const rperiod *p)
{
	arena *a = c->a;
	const reporting_period *rp = p->rp;
	date from = p->from, to = p->to;
	value *v = v_map(a);
	buf b = BUF_INIT;
	v_sets(a, v, "title", p->title);
	buf_puts(&b, "с ");
	ru_date(&b, from);
	buf_puts(&b, " по ");
	ru_date(&b, to);
	if (rp->approx)
		buf_puts(&b, " (границы четвертей приблизительные)");
	if (date_is_set(rp->due)) {
		buf_puts(&b, "; отчёт — до ");
		ru_date(&b, rp->due);
	}
	v_sets(a, v, "period", buf_cstr(&b));
	buf_free(&b);
	v_sets(a, v, "anchor", arena_strdup(a, p->anchor));
	value *due = v_set(a, v, "due", v_list(a)), *done = v_set(a, v, "done", v_list(a));
	value *overdue = v_set(a, v, "overdue", v_list(a)), *ongoing = v_set(a, v, "ongoing", v_list(a));
	bool past = date_cmp(c->s->today, to) > 0;
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t s = 0; s < ed->docs[d].nsections; s++) {
			const section *sec = &ed->docs[d].sections[s];
			for (size_t i = 0; i < sec->nacts; i++) {
				const activity *act = &sec->acts[i];
				if (act->dl.kind == DL_PERIOD) {
					add_row(c, ongoing, act);
					continue;
				}
				if (!dl_ends_within(&act->dl, from, to))
					continue;
				add_row(c, due, act);
				if (act->st == ST_DONE)
					add_row(c, done, act);
				else if (act->st == ST_CANCELLED || !past)
					continue;
				/* A repeating or multi-part activity still running after
				 * this quarter is ongoing, not failed: its status is
				 * one for all parts. */
				else if (act_overdue(act, c->s->today) || date_cmp(act->dl.end, to) <= 0)
					add_row(c, overdue, act);
				else
					add_row(c, ongoing, act);
			}
		}
	v_setb(a, v, "has_due", due->n > 0);
	v_setb(a, v, "has_done", done->n > 0);
	v_setb(a, v, "has_overdue", overdue->n > 0);
	v_setb(a, v, "has_ongoing", ongoing->n > 0);
	buf s = BUF_INIT;
	ru_count(&s, (long)due->n, "мероприятие", "мероприятия", "мероприятий");
	buf_puts(&s, !strcmp(ed->report_every, "quarter") ? " со сроком в квартале; выполнено " : " со сроком в этом периоде; выполнено ");
	ru_int(&s, (long)done->n);
	if (past) {
		buf_puts(&s, ", не выполнено в срок ");
		ru_int(&s, (long)overdue->n);
	}
	v_sets(a, v, "summary", buf_cstr(&s));
	buf_free(&s);
	return v;
}

static value *section_totals(const ctx *c, const edition *ed)
{
	arena *a = c->a;
	value *rows = v_list(a);
	progress all = {0};
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++) {
			const section *sec = &ed->docs[d].sections[k];
			progress p = {0};
			for (size_t i = 0; i < sec->nacts; i++) {
				progress_add(c->s, &p, &sec->acts[i]);
				progress_add(c->s, &all, &sec->acts[i]);
			}
			value *r = v_push(a, rows, v_map(a));
			v_sets(a, r, "document", ed->docs[d].short_title);
			v_sets(a, r, "title", arena_printf(a, "%s. %s", sec->number, sec->title));
			v_sets(a, r, "url", arena_printf(a, "%s#%s", link_to(c, document_path(a, &ed->docs[d])), sec->anchor));
			v_set(a, r, "counts", progress_counts(c, &p));
		}
	value *t = v_map(a);
	v_set(a, t, "sections", rows);
	v_set(a, t, "all", progress_counts(c, &all));
	return t;
}

value *view_report(const ctx *c)
{
	const edition *ed = c->j->ed;
	arena *a = c->a;
	value *v = layout(c, arena_printf(a, "Отчёт об исполнении: %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Отчёт об исполнении", NULL);
	value *qs = v_set(a, v, "quarters", v_list(a));
	rperiod *ps;
	size_t np = report_periods(ed, &ps);
	for (size_t k = 0; k < np; k++)
		v_push(a, qs, quarter_view(c, ed, &ps[k]));
	free(ps);
	v_set(a, v, "totals", section_totals(c, ed));
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	return v;
}
