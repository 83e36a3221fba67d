/* periods.h — the reporting periods of an edition (spec/execution.md
 * «Reporting periods»): derived once after loading, read by the report page
 * and by marks given per `period:`.
 *
 * The periods tile the whole edition, summer included: calendar quarters
 * (Q3 of the first year starts on the edition's first day, the last quarter
 * ends on its last day), half-years, months, or school terms (term k runs from
 * the day after term k−1 to the last day of term k; the IV term's period runs
 * on to the end of the school year, 31 August, so the summer is reported with
 * it).  Each period gets its id and Russian title (model.h reporting_period) and, when
 * edition.yaml names `reporting.due`, the day its report is due. */
#ifndef ROADMAP_PERIODS_H
#define ROADMAP_PERIODS_H

#include "model.h"

/* Fills ed->periods / ed->nperiods (memory of a) from ed's period, dlc and
 * reporting; called by the loader as soon as the edition's time is known, so
 * that marks naming a `period:` can be read against it. */
void periods_derive_edition(arena *a, edition *ed);

/* The period of ed with that id («2021-Q3»), or NULL. */
const reporting_period *period_find(const edition *ed, const char *id);

/* The period of ed containing day d, or NULL when d is outside the edition. */
const reporting_period *period_at(const edition *ed, date d);

#endif
