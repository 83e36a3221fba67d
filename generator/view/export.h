/* export.h — open data of an edition (/<edition>/data/): machine-readable
 * copies of what the pages show.
 *
 * CSV files are UTF-8 with a BOM (so that Excel opens them right), comma
 * separated, every field quoted, formula prefixes neutralised (csv_write_row).
 * JSON is written by the streaming writer jsonw.h (UTF-8, keys in a fixed
 * order).  Both are
 * functions of the read-only model and "today" only, so they are
 * reproducible.  Column meanings are documented on the data page
 * (export_columns) — one table, used by the page and by these writers. */
#ifndef ROADMAP_EXPORT_H
#define ROADMAP_EXPORT_H

#include <stddef.h>
#include "buf.h"
#include "jsonw.h"
#include "model.h"

typedef struct export_column {
	const char *name;    /* CSV header and JSON key */
	const char *meaning; /* Russian, for the data page */
} export_column;

/* Columns of activities.csv / keys of activities.json; *n gets the count. */
const export_column *export_activity_columns(size_t *n);
void export_activities_csv(const site *s, const edition *ed, buf *out);
void export_activities_json(const site *s, const edition *ed, buf *out);
/* indicators.csv / .json: municipal and school figures after suppression;
 * results.csv: the results files' rows in long form, suppressed rows without
 * any count. */
const export_column *export_indicator_columns(size_t *n);
const export_column *export_result_columns(size_t *n);
void export_indicators_csv(const site *s, const edition *ed, buf *out);
void export_indicators_json(const site *s, const edition *ed, buf *out);
void export_results_csv(const site *s, const edition *ed, buf *out);
/* /<edition>/schools/<id>/data.json: one school's part of the edition for its
 * own website — the activities that concern it (the objects of
 * activities.json), its assessment schedule, its results rows and indicator
 * figures after privacy suppression (suppressed figures are null). */
void export_school_json(const site *s, const edition *ed, const school *sc, buf *out);
/* /search.json: what the search box looks through — schools (id, short and
 * full name), the current edition's documents and activities, and the pages;
 * addresses are relative to the site root.  Format in docs/themes.md. */
void export_search_json(const site *s, buf *out);

/* A school's assessment schedule of ed as a JSON array written to w, rows in
 * date order: {date (ISO), grade, subject, procedure, level, hours, lesson
 * (left out when not given), past (before the build date), anchor (the row's
 * id on schedule/index.html beside data.json), notes: [the
 * federal-recommendation remarks on the row]}.  For the school's data.json. */
void export_schedule_json(jw *w, const site *s, const edition *ed, const school *sc);

#endif
