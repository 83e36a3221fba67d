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
/* The time of one edition as site_load reads it, without its documents:
 * site.yaml (for current_edition) and editions/<id>/edition.yaml (period,
 * school_terms, reporting) of root; id NULL: the site's current edition
 * (current_edition, else the newest).  Returns a site whose s->current is that
 * edition (its dlc filled; s->neds == 1), or NULL when the edition or root is
 * missing (then with an error in dl).  Problems of the files read are in dl.
 * Never returns NULL; free the site with site_free. */
site *site_load_edition_time(const char *root, const char *id, diag_list *dl);
void site_free(site *s);

#endif
