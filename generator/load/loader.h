/* loader.h — what the loaders (load_*.c) share: the loader state, reading a
 * YAML or Markdown file of the content folder safely, and finding a school a
 * table names.  Internal to load/; site_load (load.h) runs the loaders. */
#ifndef ROADMAP_LOADER_H
#define ROADMAP_LOADER_H

#include "diag.h"
#include "model.h"
#include "yamlread.h"

struct school_key;

typedef struct loader {
	site *s;
	arena *a;
	diag_list *dl;
	const char *root;
	struct school_key *school_keys; /* school names for load_school_ref, built on first use */
	size_t nschool_keys;
} loader;

char *load_path(const loader *L, const char *rel);     /* heap: root/rel */
/* Reads and parses a YAML file given relative to the root; NULL if missing
 * (reported only when required) or broken (reported). */
ynode *load_yaml(loader *L, const char *rel, bool required);
/* Reads a Markdown file with front matter; returns the front matter map (an
 * empty map when none) and the body in *body (arena).  NULL on error. */
ynode *load_markdown(loader *L, const char *rel, const char **body);

/* The one message for a school id that the registry does not know, with a
 * «может быть» suggestion and the first known ids. */
void load_unknown_school(loader *L, const char *file, int line, int col, const char *id);
/* The school a table cell names (results, values, schedule): its id, or its
 * short or full name from schools.csv compared regardless of case, ё/е,
 * spaces and quotes («СШ №1» finds «СШ № 1»).  Call after load_schools.
 * Returns NULL after reporting at file:line:col when no school or more than
 * one school answers to the text (the message names the candidates). */
const school *load_school_ref(loader *L, const char *file, int line, int col, const char *text);

/* The `evidence:` list of map m ([{title, url}]) into *out (arena), *n items;
 * bad items are reported and left out. */
void load_evidence(loader *L, const ynode *m, evidence **out, size_t *n);
/* An evidence address may be published: http(s) and safe. */
bool load_url_ok(const char *url);

/* The words a `status` may take, for messages. */
#define STATUS_WORDS "planned, in-progress, done, partial, not-done, postponed, cancelled " \
	"(или по-русски: запланировано, выполняется, исполнено, частично, не исполнено, перенесено, отменено)"
/* The `marks:` list of activity map m (load_marks.c); the activity's deadline
 * must already be parsed (a mark's `part` is checked against it). */
void load_activity_marks(loader *L, activity *a, const ynode *m);
/* The marks tables (editions/<ed>/marks/, .csv) of every edition, appended to the activities'
 * marks (after the YAML ones, files in name order, rows in file order). */
void load_marks_tables(loader *L);

void load_site_yaml(loader *L);
void load_pages(loader *L);
void load_schools(loader *L);
void load_editions(loader *L);
/* Edition id (a valid YYYY-YYYY) without its documents: ed->id, the period and
 * editions/<id>/edition.yaml (title, status, period, school_terms, reporting,
 * schedule settings), every problem in L->dl. */
void load_edition_time(loader *L, edition *ed, const char *id);

#endif
