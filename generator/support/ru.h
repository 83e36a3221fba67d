/* ru.h — Russian formatting of dates, numbers and plurals.
 *
 * Locale-free on purpose: output must not depend on the machine's locale.
 * Every function appends to a buf or returns a static string. */
#ifndef ROADMAP_RU_H
#define ROADMAP_RU_H

#include <stdbool.h>
#include "buf.h"
#include "date.h"

/* «27 августа 2021 г.» (genitive month, as in a date). */
void ru_date(buf *out, date d);
/* «Сентябрь 2021» (nominative, as in a heading). */
void ru_month_year(buf *out, int y, int m);
/* The one month table (m = 1..12; "" for any other m). */
const char *ru_month_nom(int m);     /* «сентябрь» (lower case) */
const char *ru_month_gen(int m);     /* «сентября» */
/* The month a word names, 1..12, in any case form («март», «марта», «марте»,
 * «мартом», «маю») or a usual abbreviation without its dot («сент», «нояб»,
 * «янв»); 0 for any other word.  w is one whole word in lower case with «ё»
 * as «е» (utf8_lower_ru with UTF8_FOLD_YO). */
int ru_month_word(const char *w);
/* Plural form for n: one («1 мероприятие»), few («3 мероприятия»), many («5 мероприятий»). */
const char *ru_plural(long n, const char *one, const char *few, const char *many);
/* «5 мероприятий»: n with NBSP-grouped thousands and the right form. */
void ru_count(buf *out, long n, const char *one, const char *few, const char *many);
/* Integer with thousands separated by NBSP: «1 375». */
void ru_int(buf *out, long n);
/* Decimal with comma and at most `decimals` digits, trailing zeros dropped: «12,5». */
void ru_num(buf *out, double x, int decimals);

/* Grammatical cases that ru_act and ru_genitive produce. */
typedef enum { RU_GEN, RU_GEN_PL, RU_INSTR } ru_case;
/* The name of an act («Приказ», «распоряжение», «Постановление») in case c,
 * lower case: «приказа», «приказов», «приказом».  NULL for an act the table
 * does not know (the caller then shows it as written). */
const char *ru_act(const char *act, ru_case c);
/* Appends the genitive of a name of a body or an office that starts with
 * adjectives and a noun: «Методический совет» → «методического совета»,
 * «Управление образования администрации …» → «управления образования
 * администрации …» (words after the noun are kept).  A name already in the
 * genitive, as an approval line gives it after «приказом» («управления
 * образования администрации …», «отдела образования»), is appended as written
 * (its first word in lower case).  Returns false and appends nothing when the
 * head noun is not one it knows how to decline. */
bool ru_genitive(buf *out, const char *name);

#endif
