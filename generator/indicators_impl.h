/* indicators_impl.h — private to load_indicators.c and indicators.c.
 *
 * The loader fills the raw per-edition data; derive turns it into the
 * ind_edition cells of indicators.h.  Page builders include indicators.h only. */
#ifndef ROADMAP_INDICATORS_IMPL_H
#define ROADMAP_INDICATORS_IMPL_H

#include "indicators.h"

/* One row of values/<file>.csv. */
typedef struct ind_value_row {
	const indicator *ind;
	const school *sc;         /* NULL: the municipal row */
	double value;
	bool has_ratio;           /* numerator and denominator both given */
	double num, den;
	pos at;
} ind_value_row;

/* A roadmap's target for an indicator in one edition. */
typedef struct ind_target {
	bool set;
	double value;
	const char *text;
	const document *doc;
} ind_target;

typedef struct ind_ed_data {
	const edition *ed;
	ind_result_row *rows;     /* files in name order, rows in file order */
	size_t nrows;
	ind_value_row *vals;
	size_t nvals;
	ind_target *targets;      /* [ninds] */
} ind_ed_data;

struct ind_data {
	arena *a;
	indicator *inds;
	size_t ninds;
	const edition *eds;       /* the site's editions (site.eds) */
	size_t neds;
	ind_ed_data *per;         /* [neds] */
	ind_edition *cells;       /* [ninds * neds], indicator-major: cells[i * neds + e] */
};

/* Folded form used to match names people type (procedure, subject, column
 * headers): trimmed, case-folded, «ё» as «е», runs of spaces as one space.
 * Arena string. */
const char *ind_fold(arena *a, const char *s);

#endif
