/* derive.h — everything computed from the loaded model, once, before any page
 * is built (spec/architecture.md: load → derive → view).
 *
 * site_derive runs the derive rooms in the order their inputs need: each
 * edition's «as of» date (model.h edition.as_of), execution (each activity's parts and effective status from its marks),
 * progress (status counts of every section, document and edition),
 * indicators (aggregates, targets, changes, privacy suppression) and editions
 * (what changed against the previous edition).  It is single-threaded; after
 * it the model is read-only and pages may be built in parallel.  Problems it
 * finds (contradicting marks) are appended to dl as warnings; it never fails.
 * Safe on a site loaded with errors (broken parts were left out by load). */
#ifndef ROADMAP_DERIVE_H
#define ROADMAP_DERIVE_H

#include "diag.h"
#include "model.h"

void site_derive(site *s, diag_list *dl);

#endif
