/* indicators.h — aggregation of indicators and the read-only accessors of
 * their figures (derive stage; the types are in model/indicator.h).
 *
 * Implements /work/shared/spec/indicators.md.  Two stages, both single-threaded:
 *
 *   ind_data *d = indicators_load(&L);    load_indicators.h, in site_load
 *   indicators_derive(d, s);              derive.h site_derive, before any page
 *
 * Load reads content/indicators.yaml and, per edition, results/<file>.csv and
 * values/<file>.csv, and reports every problem to L->dl.  Derive computes every
 * figure once per (indicator, edition) and applies privacy suppression in this
 * one place: after derive, a suppressed figure is zero in every struct below and
 * its source counts are zeroed too, so no page, chart or export can show it even
 * by mistake.  Afterwards everything is read-only and may be read from several
 * threads.  All memory lives in the site arena.
 *
 * Per-school lists are in school-name order, never by value: the spec forbids
 * ranking schools, so nothing here offers a rank or a sort by value. */
#ifndef ROADMAP_INDICATORS_H
#define ROADMAP_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>
#include "indicator.h"



/* Computes every aggregate, target, change and suppression, using
 * s->min_group.  Call once, after indicators_load and before any reader; safe
 * on data loaded with errors (broken rows were left out).  d may be NULL. */
void indicators_derive(ind_data *d, const site *s);

/* Read-only accessors, valid after indicators_derive; all NULL-safe on d. */

/* Indicators in indicators.yaml order; *n gets the count. */
const indicator *ind_list(const ind_data *d, size_t *n);
/* The indicator with this id, or NULL (activity `indicator:` may be free text). */
const indicator *ind_find(const ind_data *d, const char *id);
/* The figures of ind in edition ed; NULL when ed is not one of the site's editions. */
const ind_edition *ind_for(const ind_data *d, const indicator *ind, const edition *ed);
/* The figures of ind in every edition, oldest first (the site's edition order),
 * for trends; *n gets the number of editions.  Entries without data have
 * has_data false. */
const ind_edition *ind_series(const ind_data *d, const indicator *ind, size_t *n);
/* The entry of school sc in e, or NULL when it has no figure there.
 * O(log n): the entries are in name order and searched by name rank. */
const ind_school *ind_school_of(const ind_edition *e, const school *sc);
/* Rows of results/<file>.csv of ed, files in name order and rows in file order,
 * after suppression; *n gets the count. */
const ind_result_row *ind_results(const ind_data *d, const edition *ed, size_t *n);
/* The rows of ind_results that belong to school sc, in the same order, as
 * pointers (owned by d); *n gets the count.  O(1): indexed by indicators_derive. */
const ind_result_row *const *ind_results_of(const ind_data *d, const edition *ed, const school *sc, size_t *n);



/* The year an edition's figures are judged for: its last year (2022 for
 * 2021-2022); in a multi-year edition the year of the school year `today`
 * falls in, kept inside the edition (2023 for 2022-2024 on 2023-03-15). */
int ind_edition_year(const edition *ed, date today);


#endif
