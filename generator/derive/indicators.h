/* indicators.h — indicators, assessment results and their aggregation.
 *
 * Implements /work/shared/spec/indicators.md.  Two stages, both single-threaded:
 *
 *   ind_data *d = indicators_load(&L);    after load_schools and load_editions
 *   indicators_derive(d, s);              once, before any page is built
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
#include "buf.h"
#include "load.h"
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

/* Loads indicators.yaml (optional: no file means no indicators) and, for every
 * edition of L->s (so call after load_schools and load_editions), its
 * results/<file>.csv and values/<file>.csv; checks the `targets:` of every roadmap
 * against the indicator ids.  Every problem is appended to L->dl with its
 * position; a file refused (person-level columns, unreadable) contributes no
 * data.  Never NULL; lives in L->a. */
ind_data *indicators_load(loader *L);

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

/* The number a target phrase states: "10" → 10, "не менее 90 %" → 90,
 * "к 2024 году не менее 60 %" → 60 (years followed by «год»/«г.» are skipped).
 * Returns false when there is no such number. */
bool ind_parse_target(const char *text, double *out);

/* Reads targets by year — a map {2023: 50, 2024: 60} (numbers with a decimal
 * comma allowed) — into *plan (arena a), reporting every bad key or value at
 * its position.  Returns false (plan left empty) when n is not such a map. */
bool ind_parse_plan(arena *a, const ynode *n, year_plan *plan, diag_list *dl);

/* Reads `baseline: {year: 2022, value: 40}` into *plan; errors at positions. */
void ind_parse_baseline(const ynode *n, year_plan *plan, diag_list *dl);

/* The year an edition's figures are judged for: its last year (2022 for
 * 2021-2022); in a multi-year edition the year of the school year `today`
 * falls in, kept inside the edition (2023 for 2022-2024 on 2023-03-15). */
int ind_edition_year(const edition *ed, date today);

/* Appends v with the indicator's unit in Russian: «12,5 %», «1 375» (unit ед.
 * is left out), «4,2 балла», «21 балл», «3 чел.»; at most one decimal. */
void ind_format_value(buf *out, const indicator *ind, double v);
/* Appends a change with its sign: «+1,2 п.п.» for %, «−0,5 балла», «+3». */
void ind_format_change(buf *out, const indicator *ind, double delta);

#endif
