/* page_common.h — pieces of view shared by several page types (internal to page_*.c).
 *
 * One function per shared block, so that two pages showing the same thing
 * (an activity table, a progress bar) cannot disagree. */
#ifndef ROADMAP_PAGE_COMMON_H
#define ROADMAP_PAGE_COMMON_H

#include "pages.h"

typedef struct ctx {
	const site *s;
	const page_job *j;
	arena *a;
	const char *root;   /* "../../" from this page to the site root */
} ctx;

/* Link from the current page to a site folder ("2021-2022/schools/") or file. */
const char *link_to(const ctx *c, const char *path);
/* The same target by the shortest relative way (without going up to the
 * root and down again through shared folders): for pages with many links. */
const char *link_near(const ctx *c, const char *path);
const char *edition_path(arena *a, const edition *ed);                 /* "2021-2022/" */
const char *document_path(arena *a, const document *d);               /* "2021-2022/plan/" */
const char *school_path(arena *a, const edition *ed, const school *sc); /* "2021-2022/schools/id/" */
/* The layout keys every page has (title, nav, breadcrumbs, footer …). */
value *layout(const ctx *c, const char *title, const edition *ed);
/* Appends a breadcrumb (url NULL for the current page). */
void crumb(const ctx *c, value *pv, const char *title, const char *path);
/* One activity as a table row. */
value *activity_view(const ctx *c, const activity *a, bool link_to_doc);
/* Progress counts of a set of activities, with text and bar segments.
 * n[] counts activities that are not overdue; overdue ones are counted apart. */
typedef struct progress {
	long n[ST_COUNT];
	long overdue, total;
} progress;
void progress_add(const site *s, progress *p, const activity *a);
value *progress_view(const ctx *c, const progress *p);
/* The counts alone, formatted: {total, done, in_progress, overdue, planned, cancelled}. */
value *progress_counts(const ctx *c, const progress *p);
/* Activities of ed (only those concerning `only` and passing keep, when
 * given) ordered by deadline; *out is a heap array the caller frees. */
size_t edition_activities(const edition *ed, const school *only, bool (*keep)(const activity *, date), date today,
                          const activity ***out);
/* Activities grouped for deadline tables: [{title, anchor, activities}]. */
value *deadline_groups(const ctx *c, const activity *const *acts, size_t n);
/* Not-done activities with a part starting or ending in the next 30 days. */
value *upcoming_view(const ctx *c, const edition *ed);
/* «Добавлено 3 мероприятия, исключено 1, изменено 2» against the previous edition. */
const char *changes_summary(arena *a, const edition *ed);
bool activity_overdue(const site *s, const activity *a);
const char *ru_date_str(arena *a, date d);
const char *approval_text(arena *a, const document *d);
value *school_card(const ctx *c, const school *sc);

#endif
