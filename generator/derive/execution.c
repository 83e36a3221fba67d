#include "execution.h"
#include "schedule.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does mark m cover part i (whose end is end; unset for an undated activity)? */
static bool mark_covers(const mark *m, size_t i, date end)
{
	if (m->part)
		return m->part == i + 1;
	if (m->period)
		return !date_is_set(end) || (date_cmp(end, m->from) >= 0 && date_cmp(end, m->to) <= 0);
	return true;
}

static bool is_doneish(status s)
{
	return s == ST_DONE || s == ST_PARTIAL;
}

/* Combines the states of several parts (or of the office and the schools for
 * one part) into one.  due[i] says whether item i was due by today (NULL: all
 * are).  The rules are in execution.h. */
static status fold(const status *st, const bool *due, size_t n)
{
	size_t done = 0, cancelled = 0, doneish = 0, postponed = 0, not_done = 0, in_progress = 0;
	bool pending_due = false; /* a due item that is neither done nor cancelled */
	for (size_t i = 0; i < n; i++) {
		done += st[i] == ST_DONE;
		cancelled += st[i] == ST_CANCELLED;
		doneish += is_doneish(st[i]);
		postponed += st[i] == ST_POSTPONED;
		not_done += st[i] == ST_NOT_DONE;
		in_progress += st[i] == ST_IN_PROGRESS;
		if ((!due || due[i]) && st[i] != ST_DONE && st[i] != ST_CANCELLED)
			pending_due = true;
	}
	if (n && done + cancelled == n)
		return done ? ST_DONE : ST_CANCELLED;
	if (postponed)
		return ST_POSTPONED;
	if (doneish)
		return pending_due || !due ? ST_PARTIAL : ST_IN_PROGRESS;
	if (not_done)
		return ST_NOT_DONE;
	if (in_progress)
		return ST_IN_PROGRESS;
	return ST_PLANNED;
}

/* The schools that report on a: its addressed schools, or those that marked it. */
static void reporting_schools(site *s, activity *a)
{
	bool any = false;
	for (size_t i = 0; i < a->nmarks; i++)
		any |= a->marks[i].sc != NULL;
	if (!any)
		return;
	a->rep = arena_alloc(s->arena, s->nschools * sizeof(school *));
	for (size_t k = 0; k < s->nschools; k++) {
		const school *sc = &s->schools[k];
		bool take = false;
		if (a->all_schools || a->nschools)
			take = activity_concerns(a, sc);
		else
			for (size_t i = 0; i < a->nmarks && !take; i++)
				take = a->marks[i].sc == sc;
		if (take)
			a->rep[a->nrep++] = sc;
	}
}

/* rep is in registry order, i.e. in increasing addresses of site.schools:
 * a binary search keeps a school page cheap on a site of thousands. */
static size_t rep_index(const activity *a, const school *sc)
{
	size_t lo = 0, hi = a->nrep;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->rep[mid] == sc)
			return mid;
		if ((uintptr_t)a->rep[mid] < (uintptr_t)sc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

static void derive_activity(site *s, activity *a, diag_list *dl)
{
	arena *ar = s->arena;
	date today = a->doc->ed->as_of;
	a->nparts = a->dl.nparts ? a->dl.nparts : 1;
	a->parts = arena_alloc(ar, a->nparts * sizeof(part_state));
	memset(a->parts, 0, a->nparts * sizeof(part_state));
	if (!a->nmarks) {
		/* One status for the whole activity: every part has it. */
		for (size_t i = 0; i < a->nparts; i++) {
			if (a->dl.nparts) {
				a->parts[i].start = a->dl.parts[i].start;
				a->parts[i].end = a->dl.parts[i].end;
			}
			a->parts[i].st = a->st;
		}
		return;
	}
	reporting_schools(s, a);
	size_t nrep = a->nrep;
	if (nrep) {
		a->school_marks = arena_alloc(ar, a->nparts * nrep * sizeof(mark *));
		memset(a->school_marks, 0, a->nparts * nrep * sizeof(mark *));
		a->school_st = arena_alloc(ar, nrep * sizeof(status));
		a->school_marked = arena_alloc(ar, nrep * sizeof(bool));
		memset(a->school_marked, 0, nrep * sizeof(bool));
	}
	status *tmp = xcalloc(nrep + 1, sizeof(status));
	for (size_t i = 0; i < a->nparts; i++) {
		part_state *p = &a->parts[i];
		if (a->dl.nparts) {
			p->start = a->dl.parts[i].start;
			p->end = a->dl.parts[i].end;
		}
		for (size_t j = 0; j < a->nmarks; j++) {
			const mark *m = &a->marks[j];
			if (!mark_covers(m, i, p->end))
				continue;
			p->marked = true;
			if (!m->sc) {
				p->m = m;
			} else {
				size_t k = rep_index(a, m->sc);
				if (k != (size_t)-1) {
					a->school_marks[i * nrep + k] = m;
					a->school_marked[k] = true;
				}
			}
		}
		size_t n = 0;
		if (p->m)
			tmp[n++] = p->m->st;
		for (size_t k = 0; k < nrep; k++) {
			const mark *m = a->school_marks[i * nrep + k];
			tmp[n++] = m ? m->st : ST_PLANNED;
			p->nschools_done += m && m->st == ST_DONE;
		}
		p->st = n ? fold(tmp, NULL, n) : ST_PLANNED;
		/* With the office's mark alone, its status is the part's. */
		if (p->m && !nrep)
			p->st = p->m->st;
		if (p->st == ST_POSTPONED) {
			if (p->m && p->m->st == ST_POSTPONED)
				p->postpone = p->m;
			for (size_t k = 0; k < nrep && !p->postpone; k++)
				if (a->school_marks[i * nrep + k] && a->school_marks[i * nrep + k]->st == ST_POSTPONED)
					p->postpone = a->school_marks[i * nrep + k];
		}
	}
	free(tmp);
	/* Each reporting school's own status over the parts. */
	status *st = xcalloc(a->nparts, sizeof(status));
	bool *due = xcalloc(a->nparts, sizeof(bool));
	for (size_t i = 0; i < a->nparts; i++)
		due[i] = !date_is_set(a->parts[i].end) || date_cmp(a->parts[i].end, today) < 0;
	for (size_t k = 0; k < nrep; k++) {
		for (size_t i = 0; i < a->nparts; i++) {
			const mark *m = a->school_marks[i * nrep + k];
			st[i] = m ? m->st : ST_PLANNED;
		}
		a->school_st[k] = fold(st, due, a->nparts);
	}
	for (size_t i = 0; i < a->nparts; i++)
		st[i] = a->parts[i].st;
	status derived = fold(st, due, a->nparts);
	free(st);
	free(due);
	if (!a->st_written) {
		a->st = derived;
		return;
	}
	/* A written status against the marks. */
	const mark *against = NULL;
	if (a->st_as_written == ST_DONE)
		for (size_t j = 0; j < a->nmarks && !against; j++)
			if (a->marks[j].st == ST_NOT_DONE)
				against = &a->marks[j];
	bool contra = against != NULL;
	if (!contra && (a->st_as_written == ST_NOT_DONE || a->st_as_written == ST_CANCELLED) && derived == ST_DONE) {
		contra = true;
		against = &a->marks[a->nmarks - 1];
	}
	if (!contra)
		return; /* the written status wins */
	diag_add(dl, DIAG_WARNING, a->st_at.file, a->st_at.line, a->st_at.col,
	         "мероприятие %s: статус «%s» противоречит отметке «%s» (%s:%d); показан статус по отметкам: «%s»", a->number,
	         status_name(a->st_as_written), status_label_lc(against->st), against->at.file, against->at.line,
	         status_label_lc(derived));
	diag_add(dl, DIAG_WARNING, against->at.file, against->at.line, against->at.col,
	         "отметка «%s» противоречит статусу мероприятия %s «%s» (%s:%d)", status_label_lc(against->st), a->number,
	         status_name(a->st_as_written), a->st_at.file, a->st_at.line);
	a->st = derived;
}

void execution_derive(site *s, diag_list *dl)
{
	for (size_t e = 0; e < s->neds; e++)
		for (size_t d = 0; d < s->eds[e].ndocs; d++)
			for (size_t k = 0; k < s->eds[e].docs[d].nsections; k++) {
				section *sec = &s->eds[e].docs[d].sections[k];
				for (size_t i = 0; i < sec->nacts; i++)
					derive_activity(s, &sec->acts[i], dl);
			}
}

bool part_overdue(const activity *a, size_t i, date today)
{
	const part_state *p = &a->parts[i];
	if (!a->nmarks) /* one status for all parts: overdue with the activity */
		return act_overdue(a, today) && date_is_set(p->end) && date_cmp(today, p->end) > 0;
	if (p->st == ST_POSTPONED) {
		const mark *m = p->postpone;
		return m && date_is_set(m->new_dl.end) && date_cmp(today, m->new_dl.end) > 0;
	}
	if (p->st == ST_DONE || p->st == ST_PARTIAL || p->st == ST_CANCELLED || !date_is_set(p->end))
		return false;
	return date_cmp(today, p->end) > 0;
}

status school_status(const activity *act, const school *sc, bool *own)
{
	size_t k = rep_index(act, sc);
	if (k != (size_t)-1 && act->school_marked && act->school_marked[k]) {
		*own = true;
		return act->school_st[k];
	}
	*own = false;
	return act->st;
}

const mark *school_part_mark(const activity *a, size_t i, size_t k)
{
	return a->school_marks ? a->school_marks[i * a->nrep + k] : NULL;
}

bool act_overdue(const activity *a, date today)
{
	if (a->nmarks) { /* marked: part by part */
		for (size_t i = 0; i < a->nparts; i++)
			if (part_overdue(a, i, today))
				return true;
		return false;
	}
	if (a->st == ST_DONE || a->st == ST_CANCELLED || a->st == ST_POSTPONED || !date_is_set(a->dl.end))
		return false;
	return date_cmp(today, a->dl.end) > 0;
}

bool act_upcoming(const activity *a, date today)
{
	if (a->st == ST_DONE || a->st == ST_CANCELLED)
		return false;
	return dl_upcoming(&a->dl, today);
}
