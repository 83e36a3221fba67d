/* execution.h — what the marks say (spec/execution.md): derived once, read by
 * every page.
 *
 * execution_derive runs after loading, single-threaded, and fills for every
 * activity its parts (one per deadline part, one for an undated deadline;
 * without marks each part has the activity's status) and, with marks: the state of each part of its deadline (combining the
 * office's mark and, where schools marked it, every reporting school's), each
 * reporting school's own status, and the activity's effective status `st`.
 * After it the model is read-only; the functions below only read it.
 *
 * Rules (documented for authors in docs/content.md):
 *  - a mark covers a part when it names that part (`part: N`), when the part
 *    ends inside its `period`, or when it names neither (the whole activity);
 *    among the marks covering a part, the last one counts (YAML order, then
 *    the tables in name order and row order), separately for the office and
 *    for each school;
 *  - when schools marked an activity, the schools that report are the ones it
 *    is addressed to (`schools:`), or the ones that marked it when it names
 *    none; a part is done when the office's mark (if any) and every reporting
 *    school's are done, partial when some are done or partial;
 *  - the activity is done when every part is done (cancelled parts aside);
 *    postponed while a part's latest mark postpones it; in progress when the
 *    parts due so far are done and later ones remain; partial when some parts
 *    are done and a due one is not; otherwise the most telling status of its
 *    parts (not done, in progress, planned);
 *  - a part is overdue when its end has passed without a done, partial,
 *    postponed or cancelled state, or when the new deadline of a postponed part
 *    has passed;
 *  - a `status` written on the activity wins when it agrees with the marks; a
 *    contradiction (`done` with a `not-done` mark, or `not-done`/`cancelled`
 *    with every part done) is a warning at both positions and the marks win. */
#ifndef ROADMAP_EXECUTION_H
#define ROADMAP_EXECUTION_H

#include "diag.h"
#include "model.h"

void execution_derive(site *s, diag_list *dl);

/* Is part i of a (0-based, i < a->nparts) overdue on today?  Without marks a
 * part is overdue when it has ended and the activity is overdue. */
bool part_overdue(const activity *a, size_t i, date today);

/* The status of act as school sc sees it: the school's own marks when it has
 * some (*own true), else the activity's effective status (*own false: the
 * municipal status, «статус по округу»). */
status school_status(const activity *act, const school *sc, bool *own);

/* Neither done nor cancelled, and today is after the last end (marked
 * activities: some part is overdue, part_overdue). */
bool act_overdue(const activity *a, date today);
/* Not done or cancelled, and a part starts or ends in the coming
 * UPCOMING_DAYS (schedule.h dl_upcoming). */
bool act_upcoming(const activity *a, date today);

/* School k's deciding mark for part i, or NULL. */
const mark *school_part_mark(const activity *a, size_t i, size_t k);


#endif
