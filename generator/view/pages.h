/* pages.h — the list of pages of a site and one view builder per page type.
 *
 * pages_plan() decides every output file (sorted by path, so writing order and
 * output never depend on threads); page_view() turns the read-only model into
 * the view tree its template renders.  Builders only read the model. */
#ifndef ROADMAP_PAGES_H
#define ROADMAP_PAGES_H

#include "arena.h"
#include "buf.h"
#include "model.h"
#include "view.h"

typedef enum {
	PG_HOME, PG_EDITION, PG_DOCUMENT, PG_REGISTRY, PG_SCHOOL, PG_SCHOOL_SHORT, PG_ARCHIVE,
	PG_PAGE, PG_404, PG_SITEMAP, PG_ROBOTS, PG_DEADLINES, PG_REPORT, PG_REPORT_DOCX, PG_ICS, PG_DATA, PG_ACT_CSV, PG_ACT_JSON, PG_FEED, PG_CHANGES,
	PG_INDICATORS, PG_INDICATOR, PG_IND_CSV, PG_IND_JSON, PG_RESULTS_CSV,
	PG_SCHOOL_EMBED, PG_SCHOOL_JSON, PG_SEARCH_JSON, PG_SCHOOL_RESULTS,
	PG_SCHOOL_SCHEDULE, PG_SCHEDULE_ICS, PG_SCHEDULES
} page_kind;

typedef struct page_job {
	page_kind kind;
	const char *path;          /* output path, e.g. "2021-2022/schools/sosh-1/index.html" */
	const char *tpl;           /* template name, e.g. "school"; NULL: written by page_raw */
	const edition *ed;
	const document *doc;
	const school *sc;
	const page *pg;
	const struct indicator *ind;
} page_job;

typedef struct page_plan {
	page_job *jobs;
	size_t n;
} page_plan;

/* All pages of s, allocated in a. */
page_plan pages_plan(const site *s, arena *a);
/* The view tree of one page (allocated in a). */
value *page_view(const site *s, const page_job *j, arena *a);
/* The bytes of a page that has no template (calendars); appended to out. */
void page_raw(const site *s, const page_job *j, buf *out);

#endif
