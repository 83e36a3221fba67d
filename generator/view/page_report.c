/* Execution report («Отчёт об исполнении», spec/execution.md § The report):
 * for each reporting period and cumulatively from the edition start, every
 * part of a deadline that fell due with its mark, per-school completion,
 * reasons, new deadlines and acts, evidence; activities without dates in a
 * part of their own; totals per section and for the edition.  The same view
 * feeds report.html and the Word file (report.docx.xml). */
#include "page_report.h"
#include "page_common.h"
#include "execution.h"
#include "buf.h"
#include "ru.h"
#include "schedule.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* A reporting period of an edition (report page, report.docx). */
typedef struct rperiod {
	date from, to;        /* inside the edition period */
	const char *title;    /* «III квартал 2021 г.» (static buffer in the struct) */
	const char *cum;      /* cumulative title from the edition start: «полугодие», «9 месяцев», «год» */
	char anchor[24];      /* "q-2021-3", "h-2022-1", "m-2022-01", "t-2021-2" (school term) */
	char title_buf[96], cum_buf[64];
	const reporting_period *rp; /* the edition's period it shows (id, due day, approx) */
} rperiod;

/* The reporting periods of ed in order: ed->periods (periods.h decides them:
 * quarters, half-years, months or school terms per edition.yaml `reporting:`,
 * tiling the whole edition, summer included) with the report's anchors and
 * cumulative titles.  *out is heap (caller frees); returns the count (≥ 1 for
 * a valid edition). */

/* «I квартал», «полугодие», «9 месяцев», «год» — or «4 месяца» when the span
 * is no such number of months. */
static void span_title(char *out, size_t n, date from, date to, bool last)
{
	int months = (to.y - from.y) * 12 + to.m - from.m + 1;
	if (last)
		snprintf(out, n, "год");
	else if (months == 3)
		snprintf(out, n, "I квартал");
	else if (months == 6)
		snprintf(out, n, "полугодие");
	else
		snprintf(out, n, "%d %s", months, ru_plural(months, "месяц", "месяца", "месяцев"));
}

static size_t report_periods(const edition *ed, rperiod **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	if (!date_is_set(ed->start) || !date_is_set(ed->end))
		return 0;
	for (size_t k = 0; k < ed->nperiods; k++) {
		const reporting_period *rp = &ed->periods[k];
		xgrow((void **)out, &cap, n + 1, sizeof(rperiod));
		rperiod *p = &(*out)[n++];
		memset(p, 0, sizeof *p);
		p->from = rp->start;
		p->to = rp->end;
		p->rp = rp;
		snprintf(p->title_buf, sizeof p->title_buf, "%s", rp->title);
		/* "2021-Q3" → "q-2021-3", "2022-01" → "m-2022-01" */
		int y = 0, num = 0;
		char kind = 0;
		if (sscanf(rp->id, "%d-%c%d", &y, &kind, &num) == 3 && (kind == 'Q' || kind == 'H' || kind == 'T'))
			snprintf(p->anchor, sizeof p->anchor, "%c-%d-%d", kind == 'Q' ? 'q' : kind == 'H' ? 'h' : 't', y, num);
		else
			snprintf(p->anchor, sizeof p->anchor, "m-%s", rp->id);
	}
	for (size_t i = 0; i < n; i++) {
		rperiod *p = &(*out)[i];
		p->title = p->title_buf;
		span_title(p->cum_buf, sizeof p->cum_buf, ed->start, p->to, i + 1 == n);
		p->cum = p->cum_buf;
	}
	return n;
}

/* «сентябрь 2021 г.», «до 15 октября 2021 г.», «с 1 по 30 сентября 2021 г.» */
static void part_label(buf *b, const part_state *p)
{
	if (!date_is_set(p->start)) {
		buf_puts(b, "до ");
		ru_date(b, p->end);
	} else if (p->start.d == 1 && p->start.y == p->end.y && p->start.m == p->end.m &&
	           !date_cmp(p->end, date_month_end(p->end.y, p->end.m))) {
		buf_printf(b, "%s %d\xC2\xA0г.", ru_month_nom(p->start.m), p->start.y);
	} else if (!date_cmp(p->start, p->end)) {
		ru_date(b, p->end);
	} else {
		buf_puts(b, "с ");
		ru_date(b, p->start);
		buf_puts(b, " по ");
		ru_date(b, p->end);
	}
}

static void act_text(buf *b, const order_ref *o)
{
	buf_puts(b, o->title);
	if (date_is_set(o->on)) {
		buf_puts(b, " от ");
		ru_date(b, o->on);
	}
	if (o->number)
		buf_printf(b, " №\xC2\xA0%s", o->number);
}

static void line(const ctx *c, value *lines, buf *b)
{
	value *l = v_push(c->a, lines, v_map(c->a));
	v_sets(c->a, l, "text", buf_cstr(b));
	buf_reset(b);
}

/* The lines of the «Отметка об исполнении» cell that a mark adds. */
static void mark_lines(const ctx *c, value *lines, const mark *m, buf *b)
{
	if (date_is_set(m->on)) {
		buf_puts(b, "Дата: ");
		ru_date(b, m->on);
		line(c, lines, b);
	}
	if (m->st == ST_POSTPONED && m->postponed_to) {
		buf_printf(b, "Новый срок: %s", m->postponed_to);
		line(c, lines, b);
	}
	if (m->has_act) {
		buf_puts(b, "Основание: ");
		act_text(b, &m->act);
		line(c, lines, b);
	}
	if (m->note_text) {
		buf_printf(b, "%s: %s", m->st == ST_NOT_DONE || m->st == ST_CANCELLED ? "Причина" : "Примечание", m->note_text);
		line(c, lines, b);
	}
}

static void add_evidence(const ctx *c, value *list, const evidence *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		value *it = v_push(c->a, list, v_map(c->a));
		v_sets(c->a, it, "title", e[i].title);
		v_sets(c->a, it, "url", e[i].url);
	}
}

/* «исполнено в 2 из 3 школ; не исполнено: СШ № 4 — причина; нет отметки: СШ № 2» */
static void schools_line(const activity *a, size_t i, buf *b)
{
	static const status order[] = {ST_NOT_DONE, ST_PARTIAL, ST_POSTPONED, ST_IN_PROGRESS, ST_CANCELLED};
	buf_puts(b, "исполнено в ");
	ru_int(b, (long)a->parts[i].nschools_done);
	buf_puts(b, " из ");
	ru_count(b, (long)a->nrep, "школы", "школ", "школ");
	for (size_t o = 0; o <= ARRAY_LEN(order); o++) {
		bool first = true;
		for (size_t k = 0; k < a->nrep; k++) {
			const mark *m = school_part_mark(a, i, k);
			bool take = o < ARRAY_LEN(order) ? m && m->st == order[o] : !m || m->st == ST_PLANNED;
			if (!take)
				continue;
			if (first)
				buf_printf(b, "; %s: ", o < ARRAY_LEN(order) ? status_label_lc(order[o]) : "нет отметки");
			else
				buf_puts(b, ", ");
			first = false;
			buf_puts(b, a->rep[k]->short_name);
			if (m && m->note_text) {
				/* The note's own final full stop would clash with «;». */
				size_t len = strlen(m->note_text);
				buf_printf(b, " — %.*s", (int)(len && m->note_text[len - 1] == '.' ? len - 1 : len), m->note_text);
			}
			if (m && m->st == ST_POSTPONED && m->postponed_to)
				buf_printf(b, " (новый срок: %s)", m->postponed_to);
		}
	}
}

/* One row of the report: part i of activity a. */
static value *part_row(const ctx *c, const activity *a, size_t i, progress *tally)
{
	arena *ar = c->a;
	const part_state *p = &a->parts[i];
	bool overdue = part_overdue(a, i, a->doc->ed->as_of);
	value *v = v_map(ar);
	buf b = BUF_INIT;
	v_sets(ar, v, "number", a->number);
	v_sets(ar, v, "title_text", a->title_text);
	v_sets(ar, v, "title_html", a->title_html);
	v_sets(ar, v, "doc_url", arena_printf(ar, "%s#%s", link_to(c, document_path(ar, a->doc)), a->anchor));
	buf_puts(&b, a->deadline_text ? a->deadline_text : "не указан");
	if (a->dl.nparts > 1) {
		buf_printf(&b, " (часть %zu из %zu: ", i + 1, a->dl.nparts);
		part_label(&b, p);
		buf_putc(&b, ')');
	}
	v_sets(ar, v, "deadline", buf_cstr(&b));
	buf_reset(&b);
	const char **resp = a->responsible;
	for (size_t k = 0; k < a->nresponsible; k++)
		buf_printf(&b, "%s%s", k ? ", " : "", resp[k]);
	v_sets(ar, v, "responsible", a->nresponsible ? buf_cstr(&b) : NULL);
	buf_reset(&b);
	set_status(c, v, p->st, overdue);
	value *lines = v_set(ar, v, "lines", v_list(ar));
	value *ev = v_set(ar, v, "evidence", v_list(ar));
	buf_puts(&b, status_label(p->st));
	if (overdue && p->st == ST_POSTPONED)
		buf_puts(&b, ", новый срок прошёл");
	else if (overdue && (p->st == ST_PLANNED || p->st == ST_IN_PROGRESS))
		buf_puts(&b, ", срок прошёл");
	v_sets(ar, v, "mark", buf_cstr(&b));
	buf_reset(&b);
	if (a->nmarks) {
		const mark *m = p->m ? p->m : p->postpone;
		if (m) {
			mark_lines(c, lines, m, &b);
			add_evidence(c, ev, m->evidence, m->nevidence);
		}
		if (p->postpone && p->postpone != m)
			mark_lines(c, lines, p->postpone, &b);
		if (a->nrep) {
			schools_line(a, i, &b);
			line(c, lines, &b);
			for (size_t k = 0; k < a->nrep; k++) {
				const mark *sm = school_part_mark(a, i, k);
				if (sm)
					add_evidence(c, ev, sm->evidence, sm->nevidence);
			}
		}
	} else {
		if (p->st == ST_DONE && date_is_set(a->done_on)) {
			buf_puts(&b, "Дата: ");
			ru_date(&b, a->done_on);
			line(c, lines, &b);
		}
		if (p->st == ST_DONE)
			add_evidence(c, ev, a->evidence, a->nevidence);
	}
	v_setb(ar, v, "has_evidence", ev->n > 0);
	buf_free(&b);
	/* «срок прошёл, отметки нет» is a column of its own; a not-done mark stays not done. */
	if (overdue && (p->st == ST_PLANNED || p->st == ST_IN_PROGRESS))
		tally->overdue++;
	else
		tally->n[p->st]++;
	tally->total++;
	return v;
}

static bool undated(const activity *a)
{
	return !a->dl.nparts;
}

/* Was part i due in [from, to]?  A part running all period long («в течение
 * года») is reported in every period it overlaps. */
static bool part_in(const activity *a, size_t i, date from, date to)
{
	const part_state *p = &a->parts[i];
	if (date_cmp(p->end, from) >= 0 && date_cmp(p->end, to) <= 0)
		return true;
	return a->dl.kind == DL_PERIOD && date_is_set(p->start) && date_cmp(p->start, to) <= 0 &&
	       date_cmp(p->end, from) >= 0;
}

static void tally_add(progress *to, const progress *p)
{
	for (int s = 0; s < ST_COUNT; s++)
		to->n[s] += p->n[s];
	to->overdue += p->overdue;
	to->total += p->total;
}

/* «Исполнено 5 из 9 (56 %)»: the share of done parts. */
static const char *summary(arena *a, const progress *p)
{
	buf b = BUF_INIT;
	buf_puts(&b, "исполнено ");
	ru_int(&b, p->n[ST_DONE]);
	buf_puts(&b, " из ");
	ru_int(&b, p->total);
	if (p->total) {
		buf_puts(&b, " (");
		ru_int(&b, p->n[ST_DONE] * 100 / p->total);
		buf_puts(&b, "\xC2\xA0%)");
	}
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* One report over [from, to]: sections with their due parts, the undated
 * activities, totals. */
static value *report_block(const ctx *c, const edition *ed, date from, date to, const char *title, const char *anchor,
                           const reporting_period *rp)
{
	arena *ar = c->a;
	value *v = v_map(ar);
	v_sets(ar, v, "title", title);
	v_sets(ar, v, "anchor", anchor);
	buf b = BUF_INIT;
	buf_puts(&b, "с ");
	ru_date(&b, from);
	buf_puts(&b, " по ");
	ru_date(&b, to);
	if (rp && rp->approx)
		buf_puts(&b, " (границы четвертей приблизительные)");
	if (rp && date_is_set(rp->due)) {
		buf_puts(&b, "; отчёт — до ");
		ru_date(&b, rp->due);
	}
	v_sets(ar, v, "span", buf_cstr(&b));
	buf_free(&b);
	value *secs = v_set(ar, v, "sections", v_list(ar));
	value *und = v_set(ar, v, "undated", v_list(ar));
	value *totals = v_set(ar, v, "totals", v_list(ar));
	progress all = {0}, und_t = {0};
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++) {
			const section *sec = &ed->docs[d].sections[k];
			value *rows = v_list(ar);
			progress t = {0};
			for (size_t i = 0; i < sec->nacts; i++) {
				const activity *a = &sec->acts[i];
				if (undated(a)) {
					v_push(ar, und, part_row(c, a, 0, &und_t));
					continue;
				}
				for (size_t p = 0; p < a->nparts; p++)
					if (part_in(a, p, from, to))
						v_push(ar, rows, part_row(c, a, p, &t));
			}
			tally_add(&all, &t);
			const char *stitle = arena_printf(ar, "%s%s. %s", ed->ndocs > 1 ? arena_printf(ar, "%s: ", ed->docs[d].short_title) : "",
			                                  sec->number, sec->title);
			value *tr = v_push(ar, totals, progress_counts(c, &t));
			v_sets(ar, tr, "title", stitle);
			if (!rows->n)
				continue;
			value *sv = v_push(ar, secs, v_map(ar));
			v_sets(ar, sv, "title", stitle);
			v_set(ar, sv, "rows", rows);
			v_sets(ar, sv, "summary", summary(ar, &t));
		}
	tally_add(&all, &und_t);
	if (und->n) {
		value *tr = v_push(ar, totals, progress_counts(c, &und_t));
		v_sets(ar, tr, "title", "Мероприятия без определённого срока");
	}
	v_setb(ar, v, "has_sections", secs->n > 0);
	v_setb(ar, v, "has_undated", und->n > 0);
	value *tot = v_set(ar, v, "all", progress_counts(c, &all));
	v_sets(ar, tot, "title", "Всего");
	v_sets(ar, v, "summary", summary(ar, &all));
	return v;
}

/* The report the Word file holds: cumulative up to the end of the last
 * period that has ended (the first one when none has). */
static size_t docx_period(const rperiod *ps, size_t n, date today)
{
	size_t pick = 0;
	for (size_t i = 0; i < n; i++)
		if (date_cmp(ps[i].to, today) < 0)
			pick = i;
	return pick;
}

static const char *cum_title(arena *a, const rperiod *p)
{
	return arena_printf(a, "Нарастающим итогом: %s", p->cum);
}

static value *docx_view(const ctx *c, const edition *ed, const rperiod *ps, size_t n)
{
	arena *ar = c->a;
	const site *s = c->s;
	size_t i = docx_period(ps, n, ed->as_of);
	value *v = report_block(c, ed, ed->start, ps[i].to, cum_title(ar, &ps[i]), "docx", NULL);
	buf b = BUF_INIT;
	buf_puts(&b, "Информация об исполнении ");
	if (ed->ndocs == 1)
		buf_printf(&b, "документа «%s»", ed->docs[0].title);
	else
		buf_printf(&b, "плана мероприятий (%s)", ed->title);
	v_sets(ar, v, "heading", buf_cstr(&b));
	buf_reset(&b);
	buf_printf(&b, "за %s: ", ps[i].cum);
	buf_puts(&b, "с ");
	ru_date(&b, ed->start);
	buf_puts(&b, " по ");
	ru_date(&b, ps[i].to);
	v_sets(ar, v, "subheading", buf_cstr(&b));
	buf_free(&b);
	v_sets(ar, v, "authority", s->authority);
	v_sets(ar, v, "signer_title", s->signer_title ? s->signer_title : "Начальник управления образования");
	v_sets(ar, v, "signer_name", s->signer_name ? s->signer_name : "");
	v_sets(ar, v, "date", ru_date_str(ar, ed->as_of));
	return v;
}

value *view_report(const ctx *c)
{
	const edition *ed = c->j->ed;
	arena *a = c->a;
	rperiod *ps;
	size_t n = report_periods(ed, &ps);
	if (c->j->kind == PG_REPORT_DOCX) {
		value *v = v_map(a);
		if (n)
			v_set(a, v, "report", docx_view(c, ed, ps, n));
		free(ps);
		return v;
	}
	value *v = layout(c, arena_printf(a, "Отчёт об исполнении: %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Отчёт об исполнении", NULL);
	value *periods = v_set(a, v, "periods", v_list(a));
	value *cum = v_set(a, v, "cumulative", v_list(a));
	for (size_t i = 0; i < n; i++) {
		bool future = date_cmp(ps[i].from, ed->as_of) > 0;
		value *p = v_push(a, periods, report_block(c, ed, ps[i].from, ps[i].to, ps[i].title, ps[i].anchor, ps[i].rp));
		v_setb(a, p, "future", future);
		/* A cumulative report looks back: none for periods not yet begun. */
		if (!future)
			v_push(a, cum, report_block(c, ed, ed->start, ps[i].to, cum_title(a, &ps[i]),
			                            arena_printf(a, "c%s", ps[i].anchor + 1), NULL));
	}
	if (n) {
		size_t i = docx_period(ps, n, ed->as_of);
		v_sets(a, v, "docx_url", link_to(c, arena_printf(a, "%s/report/report.docx", ed->id)));
		v_sets(a, v, "docx_title", cum_title(a, &ps[i]));
	}
	free(ps);
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	return v;
}
