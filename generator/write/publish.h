/* publish.h — theme loading and rendering of the page plan in parallel.
 *
 * The theme is read once (templates parsed once); then a pool of threads takes
 * pages from the plan in order, builds each view in a private arena, renders
 * it and hands the bytes to output.  The model is read-only throughout, and
 * each page's bytes depend only on the model, so the output does not depend on
 * the number of threads. */
#ifndef ROADMAP_PUBLISH_H
#define ROADMAP_PUBLISH_H

#include "diag.h"
#include "model.h"
#include "mustache.h"
#include "output.h"
#include "pages.h"

typedef struct theme {
	mustache_set *set;
	char *dir;          /* theme folder */
	char *assets;       /* assets folder to copy, or NULL */
} theme;

/* Loads the theme at dir, with files in override_dir (may not exist) taking
 * precedence file by file.  Returns 0, or -1 with errors in dl. */
int theme_load(theme *t, const char *dir, const char *override_dir, diag_list *dl);
void theme_free(theme *t);

/* Renders every page of plan into o with nthreads threads; returns the number
 * of pages written, or -1 (message in dl).  *changed gets how many of them
 * got new bytes (the rest kept the previous build's file, see output.h);
 * theme assets are not counted. */
long render_site(const site *s, const theme *t, const page_plan *plan, output *o, int nthreads, bool verbose,
                 long *changed,
                 diag_list *dl);

#endif
