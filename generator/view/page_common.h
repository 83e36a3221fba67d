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
	const page_plan *plan; /* every page of the site (the sitemap lists them) */
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
/* The same row as school sc sees it: the school's own status when it marked
 * the activity, else the municipal one with status_scope «статус по округу». */
value *activity_view_school(const ctx *c, const activity *a, const school *sc, bool link_to_doc);
/* status, status_lc, status_class and overdue of a row. */
void set_status(const ctx *c, value *v, status st, bool overdue);
const char *status_class(status st);
/* Progress counts of a set of activities, with text and bar segments.
 * n[] counts activities that are not overdue; overdue ones are counted apart. */
value *progress_view(const ctx *c, const progress *p);
/* The counts alone, formatted: {total, done, in_progress, partial, not_done,
 * postponed, overdue, planned, cancelled}. */
value *progress_counts(const ctx *c, const progress *p);
/* Overdue as of its edition's «as of» date (edition.as_of). */
bool activity_overdue(const activity *a);
const char *ru_date_str(arena *a, date d);
/* « от 27 августа 2021 г. № 218» (each part only when given), appended to b. */
void act_date_number(buf *b, date on, const char *number);
/* «Утверждена приказом управления образования … от … № …» (agreeing with the
 * document's kind), or NULL when the document says nothing of its approval. */
const char *approval_text(arena *a, const document *d);
/* True when approval_text names the approving authority (so it need not be shown apart). */
bool approval_names_authority(const document *d);
/* «Рассмотрена на заседании методического совета, протокол № 1 от 9 января 2020 г.»,
 * «СОГЛАСОВАНО: …», «УТВЕРЖДАЮ: …». */
const char *considered_text(arena *a, const document *d, const considered *k);
/* «в ред. приказа от 20 января 2022 г. № 112» (приказов … for several), or NULL. */
const char *amendments_text(arena *a, const document *d);
/* Column labels of d's activity table: {deadline, responsible, task, result,
 * report, indicator}; an optional column is absent when no activity fills it. */
value *activity_columns_view(const ctx *c, const document *d);
/* «все школы» or the short names of w's schools; NULL when w is not set. */
const char *concerns_label(const ctx *c, const concerns *w);
/* The Russian name of a results column: «Средний балл» for mean_score,
 * «Отметка «2»» for 2; a name it does not know is returned as written. */
const char *result_column_name(arena *a, const char *key);
const char *school_groups_label(const ctx *c, const school *sc);
value *school_card(const ctx *c, const school *sc);
/* The frame of a page below a school's page in an edition (its schedule, its
 * results): layout titled title, breadcrumbs edition › Школы › the school ›
 * here, and "school_url".  Everything in c->a. */
value *school_subpage(const ctx *c, const char *title, const char *here);

#endif
