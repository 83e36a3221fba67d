/* page_schedule.h — assessment schedules on pages (internal to page_*.c).
 *
 * One builder per shared block, so that the school page, the school's
 * schedule page and the municipal overview show the same rows the same way. */
#ifndef ROADMAP_PAGE_SCHEDULE_H
#define ROADMAP_PAGE_SCHEDULE_H

#include "page_common.h"

/* "2021-2022/schools/<id>/schedule/" (arena). */
const char *schedule_path(arena *a, const edition *ed, const school *sc);
/* sc's rows of ed by month: [{title «Март 2022», anchor «m-2022-03», rows: [
 * {anchor, date «15 марта 2022 г.», iso, grade, subject, procedure, level
 * (or null), past (bool: before the build date), notes: [breach texts],
 * url (the row on the schedule page)}]}]. */
value *schedule_months(const ctx *c, const edition *ed, const school *sc);
/* At most max rows of sc on or after the build date, each as in
 * schedule_months, in date order. */
value *schedule_upcoming(const ctx *c, const edition *ed, const school *sc, size_t max);
/* Number of sc's rows in ed. */
size_t schedule_count(const edition *ed, const school *sc);

value *view_school_schedule(const ctx *c);   /* /<edition>/schools/<id>/schedule/ */
value *view_schedule_overview(const ctx *c); /* /<edition>/schedule/ */

#endif
