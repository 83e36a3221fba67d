/* pages.h — the page plan of a site and the page table.
 *
 * pages_plan() decides every output file once (sorted by path, so writing
 * order and output never depend on threads).  The page table (pages.c) says
 * for each kind of page its template and its builder: a view builder
 * (page_*.c) whose tree the template renders, or, for files without a
 * template (iCalendar, CSV, JSON), a writer of the finished bytes (ics.c,
 * export.c).  Builders only read the model. */
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

/* The template of a kind of page ("school"), or NULL for a file whose bytes
 * page_raw writes. */
const char *page_template(page_kind k);
/* Every template some page needs, NULL-terminated, each once (static). */
const char *const *page_templates(void);
/* The view tree of page j of plan (allocated in a); for kinds with a template. */
value *page_view(const site *s, const page_plan *plan, const page_job *j, arena *a);
/* Appends the bytes of page j; for kinds without a template. */
void page_raw(const site *s, const page_job *j, buf *out);

#endif
