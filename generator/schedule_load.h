/* schedule_load.h — assessment schedules («графики оценочных процедур»):
 * editions/<edition>/schedule/<file>.csv.
 *
 * Columns (Russian aliases in brackets): school (оо, школа), date (дата,
 * DD.MM.YYYY or ISO), grade (класс: a class «5А» or a parallel «5»), subject
 * (предмет), procedure (процедура, форма), level (уровень: федеральный,
 * региональный, школьный).  Besides positioned errors for bad rows, the
 * loader warns, after the federal recommendations, when a class has more than
 * one procedure on one day, and when the same subject comes round in the same
 * parallel more often than once in 2,5 weeks. */
#ifndef ROADMAP_SCHEDULE_LOAD_H
#define ROADMAP_SCHEDULE_LOAD_H

#include "load.h"

/* Fewer days than this between two procedures in the same subject and
 * parallel is "more often than once in 2,5 weeks" (17,5 days). */
enum { SCHEDULE_MIN_GAP_DAYS = 18 };

/* Loads the schedules of every edition into ed->schedule (sorted by school,
 * date, grade, subject). */
void load_schedules(loader *L);

#endif
