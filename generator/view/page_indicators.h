/* page_indicators.h — indicator blocks shared by several pages (internal). */
#ifndef ROADMAP_PAGE_INDICATORS_H
#define ROADMAP_PAGE_INDICATORS_H

#include "indicators.h"
#include "page_common.h"

/* Value with unit in Russian, in the page arena. */
const char *ind_value_str(const ctx *c, const indicator *ind, double v);
/* One indicator in one edition: municipal value, target, met, change, and
 * the trend sparkline when the page shows one. */
value *ind_row_view(const ctx *c, const indicator *ind, const edition *ed, bool with_trend);
value *school_indicators(const ctx *c, const edition *ed, const school *sc);
value *school_results(const ctx *c, const edition *ed, const school *sc);
/* At most max indicators computed from assessment results for which sc has a
 * published figure, in indicators.yaml order: the row of ind_row_view (name,
 * url, municipal value …) plus school_value. */
value *school_results_summary(const ctx *c, const edition *ed, const school *sc, size_t max);
value *view_indicators(const ctx *c);
value *view_indicator(const ctx *c);

#endif
