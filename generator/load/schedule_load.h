/* schedule_load.h — assessment schedules («графики оценочных процедур»):
 * editions/<edition>/schedule/<file>.csv.
 *
 * Columns (Russian aliases in brackets): school (оо, школа), date (дата,
 * DD.MM.YYYY or ISO), grade (класс: a class «5А» or a parallel «5»), subject
 * (предмет), procedure (процедура, форма), level (уровень: федеральный,
 * региональный, муниципальный, школьный), and optional hours (часы: yearly
 * teaching hours of the subject), lesson (урок: its number in the day) and
 * lessons_per_day (уроков в день).  Bad rows (unknown school, impossible
 * date, unknown level, empty required cell, a number out of range) are errors
 * at their cell; a date outside the edition is a warning.  The federal
 * recommendations (schedule_rules.h) are checked after loading: each breach
 * is kept in edition.breaches and reported as a warning at its row. */
#ifndef ROADMAP_SCHEDULE_LOAD_H
#define ROADMAP_SCHEDULE_LOAD_H

#include "loader.h"

/* Loads the schedules of every edition into ed->schedule (sorted by school,
 * date, grade, subject). */
void load_schedules(loader *L);

/* Reads the schedule settings of edition.yaml map m into ed: lessons_per_day
 * (1–12) and vpr_windows (a list of {start, end, title}).  Must run after the
 * edition's period is known.  Errors and warnings go to L->dl. */
void load_schedule_settings(loader *L, edition *ed, const ynode *m);

#endif
