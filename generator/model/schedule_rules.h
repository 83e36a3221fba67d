/* schedule_rules.h — the federal recommendations on assessment schedules,
 * applied as written (letter of Rosobrnadzor and the Ministry of Education of
 * 06.08.2021 № СК-228/03, 01-169/08-01, «Рекомендации для системы общего
 * образования по основным подходам к формированию графика проведения
 * оценочных процедур в общеобразовательных организациях»):
 *
 *  - BR_SAME_DAY: not more than one procedure for a class on one day.  A row
 *    for a whole parallel («5») concerns every class of it («5А», «5Б»).
 *  - BR_PARALLEL_GAP: a subject in one parallel not more often than once in
 *    2,5 weeks — across the classes of the parallel, so 5А on 1 March and 5Б
 *    on 10 March in the same subject are flagged.  2,5 weeks are 17,5 days;
 *    dates are whole days, so 17 days or fewer between the two dates breaks
 *    the rule and 18 days or more does not (SCHEDULE_MIN_GAP_DAYS).  Two
 *    classes of the parallel writing the same subject on the same day is one
 *    procedure for the parallel, not a breach.
 *  - BR_HOURS: all procedures of a subject in a class take at most 10 % of the
 *    subject's yearly teaching hours (column hours): with 34 h, 3 procedures
 *    are allowed (3 × 10 ≤ 34) and the 4th is flagged.  Rows for the whole
 *    parallel count for each of its classes.
 *  - BR_FIRST_LESSON, BR_LAST_LESSON: not on the first or the last lesson of
 *    the day (column lesson); the last lesson is the row's lessons_per_day,
 *    else the edition's lessons_per_day, else unknown (then only the first
 *    lesson is checked).  As the letter says, subjects taught at most one
 *    lesson a week are exempt: hours given and ≤ SCHEDULE_WEEKLY_HOURS.
 *
 * Pure functions of the rows: the loader reports each breach as a warning at
 * its row, and the municipal overview lists the same breaches. */
#ifndef ROADMAP_SCHEDULE_RULES_H
#define ROADMAP_SCHEDULE_RULES_H

#include <stdbool.h>
#include "arena.h"
#include "model.h"

enum {
	/* The fewest days between two procedures in one subject and parallel
	 * that is not «more often than once in 2,5 weeks» (17,5 days). */
	SCHEDULE_MIN_GAP_DAYS = 18,
	/* Yearly hours of a subject taught one lesson a week (34–35 school
	 * weeks): at most this many, the lesson rules do not apply. */
	SCHEDULE_WEEKLY_HOURS = 35
};

/* Parallel of a grade: «5А» → 5, «11» → 11; 0 when it does not start with a number. */
int sched_parallel(const char *grade);
/* True for a whole parallel («5»), false for a class («5А»). */
bool sched_is_parallel(const char *grade);
/* The two rows concern the same children: the same class, or a parallel and
 * one of its classes (or the same parallel). */
bool sched_same_class(const assessment *a, const assessment *b);
/* A class as people write it («5 а», «5-А», «5 «А»», «5а») in the form
 * «5А»; other texts are returned trimmed and unchanged.  Heap string. */
char *sched_grade_norm(const char *grade);

/* Every breach of rows[0..n), which must be sorted by school and then date
 * (as the loader sorts them).  lessons_per_day is the edition's setting (0:
 * not set).  Returns an array allocated in a, in row order (for one row, in
 * breach_kind order), with the count in *n_out; NULL when there are none.
 * Texts are plain Russian without the school's name. */
breach *sched_breaches(const assessment *rows, size_t n, int lessons_per_day, arena *a, size_t *n_out);

/* «5А класс» for a class, «5-е классы» for a parallel (arena). */
const char *sched_grade_label(arena *a, const char *grade);

#endif
