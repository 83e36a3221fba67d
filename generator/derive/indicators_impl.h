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
	const year_plan *plan;    /* the roadmap's targets by year, or NULL */
} ind_target;

typedef struct ind_ed_data {
	const edition *ed;
	ind_result_row *rows;     /* files in name order, rows in file order */
	size_t nrows;
	ind_value_row *vals;
	size_t nvals;
	ind_target *targets;      /* [ninds] */
	/* Rows of each school, in file order, filled by indicators_derive:
	 * rows_of[by_school[k] .. by_school[k + 1]) for school index k. */
	size_t *by_school;        /* [nschools + 1], arena */
	const ind_result_row **rows_of; /* [nrows], arena */
} ind_ed_data;

struct ind_data {
	arena *a;
	indicator *inds;
	size_t ninds;
	const edition *eds;       /* the site's editions (site.eds) */
	size_t neds;
	ind_ed_data *per;         /* [neds] */
	ind_edition *cells;       /* [ninds * neds], indicator-major: cells[i * neds + e] */
	const school *schools;    /* the site's schools, set by indicators_derive */
	size_t nschools;
	size_t *rank;             /* [nschools] position in name order, arena */
};

/* Folded form used to match names people type (procedure, subject, column
 * headers): trimmed, case-folded, «ё» as «е», runs of spaces as one space.
 * Arena string. */
const char *ind_fold(arena *a, const char *s);

/* What a results-based indicator looks for in results rows, folded once:
 * procedure and subject keys, and the count/mean column keys it sums. */
typedef struct ind_keys {
	const char *proc, *subj;
	const char *const *need;   /* the column names as written (for messages) */
	const char **cols;         /* their folded keys, in the arena */
	size_t n;
} ind_keys;

/* Fills *k; false for an indicator not computed from results (IND_VALUE or
 * an incomplete `from`). */
bool ind_keys_of(arena *a, const indicator *ind, ind_keys *k);
/* The row is one of ind's (procedure, subject, and grade when ind has one). */
bool ind_row_matches(const indicator *ind, const ind_result_row *r, const ind_keys *k);
/* Index of the column with folded key, or -1. */
int ind_col_index(const ind_result_file *f, const char *key);

#endif
