/* page_deadlines.h — activities ordered and grouped by deadline, shared by the
 * deadline page, the edition home and the school pages (page_deadlines.c). */
#ifndef ROADMAP_PAGE_DEADLINES_H
#define ROADMAP_PAGE_DEADLINES_H

#include "page_common.h"

/* Activities of ed (only those concerning `only` and passing keep, when
 * given) ordered by deadline; *out is a heap array the caller frees. */
size_t edition_activities(const edition *ed, const school *only, bool (*keep)(const activity *, date), date today,
                          const activity ***out);
/* Activities grouped for deadline tables: [{title, anchor, activities}]. */
value *deadline_groups(const ctx *c, const activity *const *acts, size_t n);
/* Not-done activities with a part starting or ending in the next 30 days. */
value *upcoming_view(const ctx *c, const edition *ed);
/* /<edition>/deadlines/ */
value *view_deadlines(const ctx *c);

#endif
