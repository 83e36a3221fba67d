/* load_period.h — the time of an edition from edition.yaml: `school_terms:`
 * and `reporting:` (the period itself is read with the rest of edition.yaml).
 * Internal to the loaders. */
#ifndef ROADMAP_LOAD_PERIOD_H
#define ROADMAP_LOAD_PERIOD_H

#include "loader.h"

/* Sets what follows from ed->start/end alone: nyears, the title («2021/2022
 * учебный год», «2022–2024 годы»), the short label, quarterly reporting.  Call
 * before edition.yaml may override the title. */
void period_defaults(arena *a, edition *ed);

/* Reads `school_terms:` and `reporting:` of edition.yaml map m (NULL: none)
 * into ed, reporting every problem at its position.  Call after the period is
 * final (terms outside it are errors). */
void period_load(loader *L, edition *ed, const ynode *m);

/* Fills ed->dlc, the context every deadline of the edition is read in, reads
 * reporting.due in it (a warning at its position when not understood) and
 * derives the reporting periods (periods.h).
 * m is edition.yaml (NULL when none).  ed->report_due is released by
 * site_free. */
void period_finish(loader *L, edition *ed, const ynode *m);

#endif
