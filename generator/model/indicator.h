/* indicator.h — the indicator part of the model: definitions from
 * indicators.yaml, results and values rows as loaded, and the figures derive
 * computes (derive/indicators.h fills and reads them), plus the matching
 * rules load and derive share (a row belongs to an indicator; a target phrase
 * states a number).  Everything lives in the site arena. */
#ifndef ROADMAP_INDICATOR_H
#define ROADMAP_INDICATOR_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "model.h"

typedef enum {
	IND_SHARE,   /* from results: Σ count columns / Σ participants × 100 */
	IND_MEAN,    /* from results: participant-weighted mean of a mean_* column */
	IND_VALUE    /* no `from`: values/<file>.csv */
} ind_kind;

typedef struct indicator {
	const char *id, *name;
	const char *group;            /* NULL when not given */
	const char *unit;             /* "%", "ед.", "балл" or any short text */
	bool lower_better;            /* better: lower */
	bool has_target;              /* default target of indicators.yaml */
	double target;
	int target_by;                /* year, 0 when not given: judged only from that year on */
	year_plan plan;               /* target: {2023: 50, 2024: 60} and baseline (model.h) */
	const char *source, *method;  /* NULL when not given */
	ind_kind kind;
	/* judge_schools: true — per-school «достигнуто / не достигнуто» and «N из M
	 * школ» are shown.  Only for IND_VALUE: results of assessments (ВПР, ГИА)
	 * are never used to judge schools (spec/indicators.md). */
	bool judge_schools;
	/* from: (IND_SHARE / IND_MEAN only) */
	const char *procedure, *subject;   /* as written */
	int grade;                         /* 0: any grade (e.g. ЕГЭ not split by grade) */
	const char **share;                /* count column names (IND_SHARE) */
	size_t nshare;
	const char *mean;                  /* mean_* column name (IND_MEAN) */
	size_t index;                      /* position in indicators.yaml */
	pos at;
} indicator;

/* Why a figure is not published. */
typedef enum {
	IND_SUPP_NONE,
	IND_SUPP_SMALL,     /* rests on fewer than min_group participants / denominator: «менее N участников» */
	IND_SUPP_PROTECT    /* hidden so that another suppressed figure cannot be recovered by subtraction */
} ind_supp;

/* A count cell of a published school row (privacy.min_cell, indicators.md). */
typedef enum {
	IND_CELL_SHOWN,
	IND_CELL_SMALL,     /* a count from 1 to min_cell − 1: shown as «менее N» */
	IND_CELL_WITHHELD   /* hidden so that the small count cannot be recovered from the total */
} ind_cell;

/* One school's figure for an indicator in an edition. */
typedef struct ind_school {
	const school *sc;
	ind_supp suppressed;   /* != IND_SUPP_NONE: value, base, met, change are all 0/false */
	double value;
	double base;           /* participants or denominator it rests on; 0 when not known */
	bool met;              /* published, the edition has a target, and it is met */
	bool has_change;       /* published here and in the previous edition */
	double change;         /* value − previous value (п.п. when the unit is %) */
} ind_school;

/* How the municipal figure was obtained. */
typedef enum {
	IND_MUNI_NONE,       /* no municipal figure (no data, or suppressed) */
	IND_MUNI_TOTAL,      /* Σ counts / Σ participants × 100 over all schools */
	IND_MUNI_WEIGHTED,   /* participant-weighted mean over all schools */
	IND_MUNI_ROW,        /* the municipal row of values/<file>.csv */
	IND_MUNI_RATIO,      /* Σ numerator / Σ denominator of values/<file>.csv (× 100 for %) */
	IND_MUNI_MEDIAN      /* median of published school values: label it as a median */
} ind_muni;

/* One indicator in one edition. */
typedef struct ind_edition {
	const indicator *ind;
	const struct ind_data *owner; /* for lookups by school (ind_school_of) */
	const edition *ed;
	bool has_data;          /* any figure was loaded for this edition (published or not) */
	/* Municipal figure. */
	bool has_value;         /* value is published */
	bool suppressed;        /* there was one, but it is not published: fewer than min_group, or it
	                         * would reveal a hidden school, or (median) every school is hidden */
	ind_muni how;
	double value;
	double base;            /* Σ participants / denominator; 0 when not known */
	/* Target of this edition: a roadmap's `targets:` entry, else the default. */
	bool has_target;
	double target;
	const char *target_text;       /* as the roadmap wrote it («не менее 90 %»); NULL for the default */
	const document *target_doc;    /* the roadmap that set it; NULL for the default */
	int target_year;               /* the year the target is set for (by year or target_by), 0 when any */
	int year;                      /* the year the edition's figures are judged for (ind_edition_year) */
	bool pending;                  /* a target exists only for a later year: not judged (has_target false) */
	int pending_year;              /* when pending: that year («целевой год — 2024») */
	double pending_value;          /* when pending: its value */
	const year_plan *plan;         /* targets by year that apply (roadmap's, else the indicator's), or NULL */
	bool met;                      /* has_value && has_target && the value meets it */
	/* Distribution over published school values only. */
	size_t nvalues;                /* schools with a published value */
	double median, min, max;       /* valid when nvalues > 0 */
	size_t nmeeting;               /* of nvalues, how many meet the target (0 without target) */
	/* Change against ed->prev (both municipal figures published). */
	bool has_prev;
	double prev_value;
	double change;                 /* valid when has_prev; п.п. when the unit is % */
	/* Schools with a figure (published or suppressed), in school-name order. */
	ind_school *schools;
	size_t nschools;
} ind_edition;

/* A count or mean column of a results file (the school/procedure/… columns
 * and text columns are not listed). */
typedef struct ind_result_col {
	const char *name;       /* header as written: "2", "below_min", "mean_score" */
	bool mean;              /* a mean_* column; otherwise a count */
	const char *key;        /* private: folded name for matching */
} ind_result_col;

typedef struct ind_result_file {
	const char *file;       /* "editions/2021-2022/results/vpr.csv" */
	int line;               /* of the header row */
	ind_result_col *cols;
	size_t ncols;
} ind_result_file;

/* One row of a results file, for the results.csv export and the school page. */
typedef struct ind_result_row {
	const school *sc;
	const char *procedure, *subject;   /* as written */
	int grade;                         /* 0 when empty */
	ind_supp suppressed;               /* after derive: != NONE means participants and v[] are 0 */
	double participants;
	double *v;                         /* v[i] for file->cols[i]; NAN when the cell was empty */
	ind_cell *cell;                    /* after derive: NULL, or cell[i] for v[i]; a withheld v[i] is 0 */
	const ind_result_file *file;
	pos at;
	/* private: folded procedure/subject for matching */
	const char *proc_key, *subj_key;
} ind_result_row;

typedef struct ind_data ind_data;

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


/* The number a target phrase states: "10" → 10, "не менее 90 %" → 90,
 * "к 2024 году не менее 60 %" → 60 (years followed by «год»/«г.» are skipped).
 * Returns false when there is no such number. */
bool ind_parse_target(const char *text, double *out);

#endif
