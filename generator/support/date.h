/* date.h — calendar dates (proleptic Gregorian, no time, no time zone).
 *
 * A date is a plain value.  day numbers (date_to_days) count days since
 * 1970-01-01 and make differences and comparisons trivial. */
#ifndef ROADMAP_DATE_H
#define ROADMAP_DATE_H

#include <stdbool.h>

typedef struct date {
	int y, m, d; /* y == 0 means "no date" */
} date;

#define DATE_NONE ((date){0, 0, 0})

bool date_is_set(date a);
bool date_leap(int y);
int date_days_in_month(int y, int m);
bool date_valid(int y, int m, int d);
long date_to_days(date a);
date date_from_days(long days);
int date_cmp(date a, date b);          /* <0, 0, >0; unset dates sort first */
date date_add_days(date a, long n);
date date_month_end(int y, int m);
/* Parses "YYYY-MM-DD" or "DD.MM.YYYY" (the whole string, surrounding spaces
 * allowed).  Returns 1 and sets *out on success; 0 when the text is not shaped
 * like a date; -1 when it is shaped like one but impossible (31.02.2022). */
int date_parse(const char *s, date *out);
/* "2021-09-01" into out (at least 11 bytes). */
void date_iso(date a, char out[11]);
/* "20210901" (iCalendar DATE) into out (at least 9 bytes). */
void date_basic(date a, char out[9]);
/* 0 = Monday … 6 = Sunday */
int date_weekday(date a);

#endif
