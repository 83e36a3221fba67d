/* progress.h — the status counts of every section, document and edition,
 * computed once (the pages and the report read them; none recounts). */
#ifndef ROADMAP_PROGRESS_H
#define ROADMAP_PROGRESS_H

#include "model.h"

/* Fills sec->prog, doc->prog and ed->prog for every edition of s.  Call after
 * execution_derive (statuses and overdue parts must be final). */
void progress_derive(site *s);

#endif
