/* deadline.h — the meaning of a Russian deadline phrase («Сроки»).
 *
 * The approved wording is shown as written; this module only derives its
 * normalized meaning (spec/deadlines.md): a kind, an overall interval and the
 * parts that sorting, overdue marks, quarter reports and calendars iterate.
 * The parser is pure: no globals, no locale, no I/O; it is reentrant and may
 * run on several threads at once.
 *
 * Conventions beyond the spec (kept consistent by the unit test):
 *
 * Reading
 *   - Case and ё/е do not matter; any dash (- ‐ ‑ ‒ – — ― −) with or without
 *     spaces; line breaks, no-break spaces, soft hyphens and HTML remnants of
 *     pasting («<p>») count as spaces.  A word broken by wrapping is joined
 *     when the join is a word the parser knows («ежеквартал ьно»); Latin
 *     look-alike letters inside a Cyrillic word are read as Cyrillic.
 *
 * Placement of months without a year
 *   - The planning window is the 12 months starting with the month of the
 *     period start — one month earlier when the period starts in September,
 *     because the school planning year opens with the August conference.  So
 *     for 2021-2022 it is August 2021 … July 2022.
 *   - In a range a year written on one end applies to the other: the start is
 *     the latest occurrence at or before the end («Декабрь - февраль 2021» →
 *     2020-12-01…2021-02-28), the end the first occurrence at or after the start.
 *   - A year written anywhere else in a list moves the whole window by whole
 *     years so that the first dated month falls in it; other months of the list
 *     are placed in the moved window («Май, июнь 2019» → May 2019, June 2019).
 *
 * Kinds and fields
 *   - date: start == end == the day.  by: start unset, end the day.
 *   - «до X» and «к X» are due at the start of X (a day stays that day:
 *     «до 1 октября» → 1 October; «до сентября» → 1 September); «не позднее X»,
 *     «по X», «до конца X» at the end of X.  «с X» alone runs to the period end.
 *   - multi: parts are sorted by end; parts that touch or overlap merge, and a
 *     list that merges into one interval is a range (or date).  start is the
 *     earliest start (unset when some part is a "by"), end the latest end.
 *   - period: start/end and the one part are the edition period.  A school year
 *     written out («в течение 2020-2021 учебного года», «на 2020-2021 учебный
 *     год») is the period when it equals it, else a range 1 Sep … 31 Aug.
 *   - A phrase that names a schedule or event besides its dates keeps those
 *     words in `event` whatever its kind: «По итогам ГИА, май-июнь 2021» →
 *     range + event «По итогам ГИА»; «В течение года по графику» → period +
 *     event «по графику» (it runs all year; the schedule only says when inside
 *     it).  Event words are the original text, whitespace collapsed, with
 *     separating punctuation trimmed; several groups are joined with "; ".
 *     Event words must start with a marker («по …», «согласно», «в
 *     соответствии», «в период», «в ходе», «при», «после» …) followed by at
 *     least one more word; «по» counts only before the noun of a schedule or
 *     event, maybe after its adjectives («по итогам», «по окончании», «по мере
 *     …», «по необходимости», «по (отдельному) графику», «по плану …», «по
 *     запросу», «по понедельникам»: lex_event_head), not before a subject or
 *     topic («по математике», «по русскому языку», «по предметам», «по
 *     вопросам …»).  Any other word not understood makes the phrase unknown,
 *     so that `check` reports typos and misplaced text instead of hiding them.
 *   - event with approximate parts: «по итогам полугодия» → December and May
 *     (the months the school half-years end), «по итогам четверти» → October,
 *     December, March, May, «по итогам учебного года» → June (the year's
 *     results include the state exams), «по итогам квартала» → the last month
 *     of each calendar quarter.  start/end span the parts; approx is true.
 *   - School terms are approximate (approx true): четверть 1 Sep–Oct,
 *     2 Nov–Dec, 3 Jan–Mar, 4 Apr–May; полугодие 1 Sep–Dec, 2 Jan–May;
 *     триместр 1 Sep–Nov, 2 Dec–Feb, 3 Mar–May.  «1 полугодие 2022» (with a
 *     year) is the calendar half-year and exact; «квартал» is always the
 *     calendar quarter, exact.  «в начале / середине / конце» of a month are
 *     the days 1–10 / 11–20 / 21–end, of a school year September / January /
 *     May (its classes), of a longer span its first / middle / last month; all
 *     approximate.  «до конца учебного года» is due at the period end: the
 *     school year is the edition period wherever it is named as a whole.
 *   - recurring: start/end are the period (or the span of the dates given for a
 *     unit shorter than a year: «ежемесячно с сентября по май»).  Parts are the
 *     calendar weeks (Mon–Sun), months, quarters or half-years whose end falls
 *     in that span, the first one cut at the span start, so every part lies
 *     inside it and ends when that occurrence is due: «ежеквартально» in
 *     2021-2022 is 1–30 Sep, Q4 2021, Q1 2022, Q2 2022 — four parts, as four
 *     times a year.  A «year» occurrence is the edition period itself.  Dates
 *     written with the recurrence become the parts instead («до 15 января
 *     ежегодно, до 15 сентября ежегодно» → two "by" parts).  «до 5 числа» with
 *     a monthly recurrence gives a "by" part on that day of each month.  A span
 *     shorter than the unit is its own single occurrence.
 *   - Context (dl_context): school terms (четверти) come from the edition; a
 *     school year they do not list uses the default I 1 Sep–31 Oct, II 1
 *     Nov–31 Dec, III 10 Jan–31 Mar, IV 1 Apr–31 May (approx, default_terms).
 *     «II четверть» is that term; «1 раз в четверть», «ежечетвертно», «по
 *     итогам каждой четверти», «по итогам четвертей» recur every
 *     "school-quarter" with the terms as parts; «по итогам I четверти» is an
 *     event on term I.  «квартал» stays the calendar quarter.
 *   - Reporting deadlines: «до 5 числа месяца, следующего за отчётным
 *     кварталом» (or «… за отчётным», «… за отчётным периодом» — the edition's
 *     reporting unit, «следующего месяца») recur every unit; each occurrence
 *     is due by that day of the month after it (the whole month without a
 *     day); what falls due after the period is dropped.
 *   - Multi-year period (deadline_years > 1, e.g. 2022-09-01 … 2024-08-31):
 *     when no year is written, every item (month, range, day, term, «по
 *     итогам …» event) is placed once per school year, the planning window
 *     moved by 12 months each time; several parts make a recurring "year"
 *     (a bare «ежегодно» is one part per school year).  «2022-2024 гг.» equal
 *     to the edition's years is the period.
 *   - times is stored only when it is 2 or more: «1 раз в квартал» means the
 *     same as «ежеквартально» and gives the same JSON.  «ежедневно» is period.
 *   - unknown: no dates, no parts, every/event NULL.  An impossible date
 *     («31.02.2022», «30 февраля») makes the whole phrase unknown rather than
 *     a guess, so that `check` reports it; so does a range that ends before it
 *     starts.  err_off says where.
 *
 * JSON (deadline_json): keys text, kind, every?, times?, event?, start, end,
 * parts?, approx?.  parts is written for multi, recurring and for an event with
 * parts, as [{"start":…,"end":…}] with null for an unset start; other kinds
 * keep their one part in the struct only.  "approx":true only when approximate.
 *
 * Limits: text longer than DL_MAX_TEXT bytes is unknown (a deadline cell is a
 * line or two; the bound keeps the work per phrase small and fuzzing fast);
 * a recurrence that would need more than DL_MAX_PARTS parts (a period of many
 * years) is unknown. */
#ifndef ROADMAP_DEADLINE_H
#define ROADMAP_DEADLINE_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "date.h"

#define DL_MAX_TEXT 4096
#define DL_MAX_PARTS 1024
#define DL_MAX_YEARS 10

typedef enum { DL_UNKNOWN, DL_DATE, DL_BY, DL_RANGE, DL_MULTI, DL_RECURRING, DL_PERIOD, DL_EVENT } dl_kind;

typedef struct dl_part {
	date start, end;      /* start unset (y == 0) for a "by" part */
} dl_part;

typedef struct deadline {
	dl_kind kind;
	date start, end;      /* overall interval; unset = JSON null */
	const char *every;    /* "week" "month" "quarter" "school-quarter" "half-year" "year" or NULL (static string) */
	int times;            /* «2 раза в год» → 2; 0 when not said or once */
	char *event;          /* heap: the event words (DL_EVENT, or a dated phrase naming an event), else NULL */
	bool approx;          /* dates are approximate (school terms, «по итогам полугодия») */
	bool default_terms;   /* rests on the default school terms (none given for the edition) */
	dl_part *parts;       /* heap; every dated deadline has ≥ 1 part, sorted by end */
	size_t nparts;
	size_t err_off;       /* DL_UNKNOWN: byte offset in text of the first thing not understood
	                         (0 when nothing was; DL_MAX_TEXT when the text is too long) */
} deadline;

/* One school term (четверть): its first and last day. */
typedef struct dl_term {
	date start, end;
} dl_term;

/* What a phrase is read against: the edition.  Plain values, filled by the
 * caller (the loader from edition.yaml); nothing here points into the model. */
typedef struct dl_context {
	date start, end;          /* the edition period (valid, start <= end) */
	const dl_term *terms;     /* school terms in date order, any number of school
	                             years; NULL/0 (or a school year they miss): the
	                             approximate default I 1 Sep–31 Oct, II 1 Nov–31 Dec,
	                             III 10 Jan–31 Mar, IV 1 Apr–31 May */
	size_t nterms;
	const char *report_every; /* what «отчётный период» means: "quarter" (also
	                             when NULL), "school-quarter", "half-year", "month" */
} dl_context;

/* Parses text (UTF-8, any case; NULL reads as "") in the edition ctx (period
 * valid, start <= end, else the result is unknown).  Fills *out completely;
 * the caller releases it with deadline_free().  Never fails: what is not
 * understood is DL_UNKNOWN.  Neither text nor ctx is kept. */
void deadline_parse_in(const char *text, const dl_context *ctx, deadline *out);

/* deadline_parse_in with the period [pstart, pend], default terms and
 * quarterly reporting. */
void deadline_parse(const char *text, date pstart, date pend, deadline *out);

/* Term n (1..4) of the school year starting in September of sy: from ctx's
 * terms when they have it (returns true), else the default (returns false:
 * approximate).  Terms are counted within their school year (a term starting
 * in August or later belongs to that year's school year, earlier ones to the
 * previous one). */
bool deadline_term(const dl_context *ctx, int sy, int n, dl_term *out);

/* School years the period spans: 12 months count as one; a period of
 * 2022-09-01 … 2024-08-31 has 2.  Always >= 1. */
int deadline_years(date start, date end);

/* Releases what deadline_parse allocated and leaves *d as an empty unknown;
 * safe to call twice and on a zeroed struct. */
void deadline_free(deadline *d);

/* "date", "by", "range", "multi", "recurring", "period", "event", "unknown":
 * the JSON names; a static string, never NULL. */
const char *dl_kind_name(dl_kind k);

/* Appends the one-line JSON object of deadlines.md for d (text is the phrase
 * as written, JSON-escaped; NULL gives null), without a trailing newline. */
void deadline_json(const deadline *d, const char *text, buf *out);

/* The edition period of "2021-2022": 2021-09-01 … 2022-08-31; of a
 * multi-year edition "2022-2024": 2022-09-01 … 2024-08-31.  Returns false (and
 * leaves *start, *end untouched) unless edition is exactly YYYY-YYYY with the
 * second year 1 to DL_MAX_YEARS years after the first. */
bool deadline_edition_period(const char *edition, date *start, date *end);

#endif
