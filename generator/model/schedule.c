#include "schedule.h"

#include <string.h>

date dl_sort_key(const deadline *d, date today)
{
	date best = DATE_NONE, last = DATE_NONE;
	for (size_t i = 0; i < d->nparts; i++) {
		date e = d->parts[i].end;
		if (!date_is_set(e))
			continue;
		if (!date_is_set(last) || date_cmp(e, last) > 0)
			last = e;
		if (date_cmp(e, today) >= 0 && (!date_is_set(best) || date_cmp(e, best) < 0))
			best = e;
	}
	return date_is_set(best) ? best : last;
}

dl_group dl_group_of(const deadline *d)
{
	switch (d->kind) {
	case DL_DATE:
	case DL_BY:
	case DL_RANGE:
	case DL_MULTI: return DG_MONTH;
	case DL_PERIOD: return DG_PERIOD;
	case DL_RECURRING: return DG_RECURRING;
	case DL_EVENT: return d->nparts ? DG_MONTH : DG_SCHEDULE;
	default: return DG_UNKNOWN;
	}
}

const char *dl_group_title(dl_group g)
{
	static const char *const t[] = {"", "Весь период", "Регулярно", "По отдельному графику",
	                                "Срок не распознан"};
	return g < DG_COUNT ? t[g] : "";
}

static bool within(date x, date from, date to)
{
	return date_is_set(x) && date_cmp(x, from) >= 0 && date_cmp(x, to) <= 0;
}

bool dl_upcoming(const deadline *d, date today)
{
	date to = date_add_days(today, UPCOMING_DAYS);
	for (size_t i = 0; i < d->nparts; i++)
		if (within(d->parts[i].start, today, to) || within(d->parts[i].end, today, to))
			return true;
	return false;
}

/* Position of an activity in its edition: document, section, index. */
static long doc_order(const activity *a)
{
	const document *d = a->doc;
	long di = (long)(d - d->ed->docs), si = (long)(a->section - d->sections);
	long ai = (long)(a - a->section->acts);
	return (di << 40) | (si << 20) | ai;
}

int act_cmp_deadline(const activity *a, const activity *b, date today)
{
	date ka = dl_sort_key(&a->dl, today), kb = dl_sort_key(&b->dl, today);
	int c = date_cmp(ka, kb);
	if (c)
		return c;
	long oa = doc_order(a), ob = doc_order(b);
	return oa < ob ? -1 : oa > ob;
}

int quarter_of(date d)
{
	return (d.m - 1) / 3 + 1;
}

bool dl_ends_within(const deadline *d, date from, date to)
{
	for (size_t i = 0; i < d->nparts; i++)
		if (within(d->parts[i].end, from, to))
			return true;
	return false;
}
