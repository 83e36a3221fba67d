/* ru.h — Russian formatting of dates, numbers and plurals.
 *
 * Locale-free on purpose: output must not depend on the machine's locale.
 * Every function appends to a buf or returns a static string. */
#ifndef ROADMAP_RU_H
#define ROADMAP_RU_H

#include "buf.h"
#include "date.h"

/* «27 августа 2021 г.» (genitive month, as in a date). */
void ru_date(buf *out, date d);
/* «Сентябрь 2021» (nominative, as in a heading). */
void ru_month_year(buf *out, int y, int m);
const char *ru_month_nom(int m);     /* «сентябрь» (lower case) */
const char *ru_month_gen(int m);     /* «сентября» */
/* Plural form for n: one («1 мероприятие»), few («3 мероприятия»), many («5 мероприятий»). */
const char *ru_plural(long n, const char *one, const char *few, const char *many);
/* «5 мероприятий»: n with NBSP-grouped thousands and the right form. */
void ru_count(buf *out, long n, const char *one, const char *few, const char *many);
/* Integer with thousands separated by NBSP: «1 375». */
void ru_int(buf *out, long n);
/* Decimal with comma and at most `decimals` digits, trailing zeros dropped: «12,5». */
void ru_num(buf *out, double x, int decimals);

#endif
