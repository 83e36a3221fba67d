/* progress.h — the status counts of every section, document and edition,
 * computed once (the pages and the report read them; none recounts), and
 * each activity's place in its edition (activity.index, edition.nacts), by
 * which per-edition tables made once (memo.h) are indexed. */
#ifndef ROADMAP_PROGRESS_H
#define ROADMAP_PROGRESS_H

#include "model.h"

/* Fills sec->prog, doc->prog, ed->prog, ed->nacts and every activity's index.  Call after
 * execution_derive (statuses and overdue parts must be final). */
void progress_derive(site *s);

#endif
