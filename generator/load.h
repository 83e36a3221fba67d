/* load.h — content folder → validated model.
 *
 * site_load reads every file of the content folder, validates it and appends
 * every problem to dl (positions relative to the content folder).  It returns
 * the site even when there were errors, so that `check` can list them all;
 * callers must not build pages when dl->errors > 0.  The site and everything
 * it points to live in site->arena; free with site_free. */
#ifndef ROADMAP_LOAD_H
#define ROADMAP_LOAD_H

#include "diag.h"
#include "model.h"
#include "yamlread.h"

/* The site's "today" (overdue, upcoming, the footer date): `today` when set
 * (--today); else site.yaml's as_of (archived or demo content); else
 * `fallback` (SOURCE_DATE_EPOCH or the clock, chosen by the caller). */
site *site_load(const char *root, date today, date fallback, diag_list *dl);
void site_free(site *s);

/* Internal to the loaders (load_*.c). */
typedef struct loader {
	site *s;
	arena *a;
	diag_list *dl;
	const char *root;
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

void load_site_yaml(loader *L);
void load_pages(loader *L);
void load_schools(loader *L);
void load_editions(loader *L);

#endif
