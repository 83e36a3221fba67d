/* load_indicators.h — indicators.yaml and the results/values tables of every
 * edition into the model (model/indicator.h), and the target fields roadmaps
 * share with indicators.yaml. */
#ifndef ROADMAP_LOAD_INDICATORS_H
#define ROADMAP_LOAD_INDICATORS_H

#include "indicator.h"
#include "loader.h"

/* Loads indicators.yaml (optional: no file means no indicators) and, for every
 * edition of L->s (so call after load_schools and load_editions), its
 * results/<file>.csv and values/<file>.csv; checks the `targets:` of every roadmap
 * against the indicator ids.  Every problem is appended to L->dl with its
 * position; a file refused (person-level columns, unreadable) contributes no
 * data.  Never NULL; lives in L->a. */
ind_data *indicators_load(loader *L);

/* Reads targets by year — a map {2023: 50, 2024: 60} (numbers with a decimal
 * comma allowed) — into *plan (arena a), reporting every bad key or value at
 * its position.  Returns false (plan left empty) when n is not such a map. */
bool ind_parse_plan(arena *a, const ynode *n, year_plan *plan, diag_list *dl);

/* Reads `baseline: {year: 2022, value: 40}` into *plan; errors at positions. */
void ind_parse_baseline(const ynode *n, year_plan *plan, diag_list *dl);

#endif
