/* schedule.h — what a deadline means on a given day (spec/deadlines.md § How
 * deadlines are used).
 *
 * Pure functions of the model and "today", so every page that shows an
 * activity as overdue or upcoming, or sorts by deadline, agrees with every
 * other. */
#ifndef ROADMAP_SCHEDULE_H
#define ROADMAP_SCHEDULE_H

#include <stdbool.h>
#include "model.h"

enum { UPCOMING_DAYS = 30 };

typedef enum {
	DG_MONTH,      /* dated: grouped by the month of the sort key */
	DG_PERIOD,     /* «Весь период» */
	DG_RECURRING,  /* «Регулярно» */
	DG_SCHEDULE,   /* «По отдельному графику»: events without dates */
	DG_UNKNOWN,    /* «Срок не распознан» (and no deadline at all) */
	DG_COUNT
} dl_group;

/* The earliest end of a part not yet past today, else the latest end;
 * DATE_NONE for deadlines without dates. */
date dl_sort_key(const deadline *d, date today);
dl_group dl_group_of(const deadline *d);
const char *dl_group_title(dl_group g);
/* A part starts or ends within [today, today + UPCOMING_DAYS]. */
bool dl_upcoming(const deadline *d, date today);
/* Orders activities by sort key, then document order (stable, deterministic). */
int act_cmp_deadline(const activity *a, const activity *b, date today);

/* Calendar quarter of a date: 1..4. */
int quarter_of(date d);
/* Does some part of d end inside [from, to]? */
bool dl_ends_within(const deadline *d, date from, date to);

#endif
