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

/* The site's "today" (overdue, upcoming, the footer date): `today` when set
 * (--today); else site.yaml's as_of (archived or demo content); else
 * `fallback` (SOURCE_DATE_EPOCH or the clock, chosen by the caller). */
site *site_load(const char *root, date today, date fallback, diag_list *dl);
void site_free(site *s);

#endif
