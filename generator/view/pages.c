#include "pages.h"
#include "page_changes.h"
#include "page_data.h"
#include "page_deadlines.h"
#include "page_document.h"
#include "page_indicators.h"
#include "page_misc.h"
#include "page_report.h"
#include "page_schedule.h"
#include "page_school.h"
#include "export.h"
#include "ics.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>


typedef struct plan_builder {
	page_job *jobs;
	size_t n, cap;
} plan_builder;

static page_job *add(plan_builder *b, page_kind k, const char *path)
{
	xgrow((void **)&b->jobs, &b->cap, b->n + 1, sizeof(page_job));
	page_job *j = &b->jobs[b->n++];
	memset(j, 0, sizeof *j);
	j->kind = k;
	j->path = path;
	return j;
}

static int cmp_jobs(const void *pa, const void *pb)
{
	return strcmp(((const page_job *)pa)->path, ((const page_job *)pb)->path);
}

static void plan_edition(plan_builder *b, const site *s, const edition *ed, arena *a)
{
	add(b, PG_EDITION, arena_printf(a, "%s/index.html", ed->id))->ed = ed;
	add(b, PG_DEADLINES, arena_printf(a, "%s/deadlines/index.html", ed->id))->ed = ed;
	add(b, PG_REPORT, arena_printf(a, "%s/report/index.html", ed->id))->ed = ed;
	add(b, PG_REPORT_DOCX, arena_printf(a, "%s/report/report.docx", ed->id))->ed = ed;
	add(b, PG_ICS, arena_printf(a, "%s/calendar.ics", ed->id))->ed = ed;
	add(b, PG_DATA, arena_printf(a, "%s/data/index.html", ed->id))->ed = ed;
	if (ed->prev)
		add(b, PG_CHANGES, arena_printf(a, "%s/changes/index.html", ed->id))->ed = ed;
	size_t ni;
	const indicator *inds = ind_list(s->ind, &ni);
	if (ni) {
		add(b, PG_INDICATORS, arena_printf(a, "%s/indicators/index.html", ed->id))->ed = ed;
		add(b, PG_IND_CSV, arena_printf(a, "%s/data/indicators.csv", ed->id))->ed = ed;
		add(b, PG_IND_JSON, arena_printf(a, "%s/data/indicators.json", ed->id))->ed = ed;
		add(b, PG_RESULTS_CSV, arena_printf(a, "%s/data/results.csv", ed->id))->ed = ed;
	}
	for (size_t i = 0; i < ni; i++) {
		page_job *j = add(b, PG_INDICATOR, arena_printf(a, "%s/indicators/%s/index.html", ed->id, inds[i].id));
		j->ed = ed;
		j->ind = &inds[i];
	}
	add(b, PG_ACT_CSV, arena_printf(a, "%s/data/activities.csv", ed->id))->ed = ed;
	add(b, PG_ACT_JSON, arena_printf(a, "%s/data/activities.json", ed->id))->ed = ed;
	for (size_t i = 0; i < ed->ndocs; i++) {
		page_job *j = add(b, PG_DOCUMENT, arena_printf(a, "%s/%s/index.html", ed->id, ed->docs[i].slug));
		j->ed = ed;
		j->doc = &ed->docs[i];
	}
	for (size_t i = 0; i < s->nschools; i++) {
		page_job *j = add(b, PG_SCHOOL, arena_printf(a, "%s/schools/%s/index.html", ed->id, s->schools[i].id));
		j->ed = ed;
		j->sc = &s->schools[i];
		j = add(b, PG_ICS, arena_printf(a, "%s/schools/%s/calendar.ics", ed->id, s->schools[i].id));
		j->ed = ed;
		j->sc = &s->schools[i];
		j = add(b, PG_SCHOOL_EMBED, arena_printf(a, "%s/schools/%s/embed/index.html", ed->id, s->schools[i].id));
		j->ed = ed;
		j->sc = &s->schools[i];
		if (ni) {
			j = add(b, PG_SCHOOL_RESULTS,
			        arena_printf(a, "%s/schools/%s/results/index.html", ed->id, s->schools[i].id));
			j->ed = ed;
			j->sc = &s->schools[i];
		}
		j = add(b, PG_SCHOOL_JSON, arena_printf(a, "%s/schools/%s/data.json", ed->id, s->schools[i].id));
		j->ed = ed;
		j->sc = &s->schools[i];
		/* A school without a schedule gets no schedule page (its pages say
		 * so without a link) and no calendar: RFC 5545 wants an event. */
		if (schedule_count(ed, &s->schools[i])) {
			j = add(b, PG_SCHOOL_SCHEDULE,
			        arena_printf(a, "%s/schools/%s/schedule/index.html", ed->id, s->schools[i].id));
			j->ed = ed;
			j->sc = &s->schools[i];
			j = add(b, PG_SCHEDULE_ICS, arena_printf(a, "%s/schools/%s/schedule.ics", ed->id, s->schools[i].id));
			j->ed = ed;
			j->sc = &s->schools[i];
		}
	}
	add(b, PG_SCHEDULES, arena_printf(a, "%s/schedule/index.html", ed->id))->ed = ed;
}

page_plan pages_plan(const site *s, arena *a)
{
	plan_builder b = {0};
	add(&b, PG_HOME, "index.html")->ed = s->current;
	add(&b, PG_REGISTRY, "schools/index.html");
	add(&b, PG_ARCHIVE, "archive/index.html");
	add(&b, PG_404, "404.html");
	add(&b, PG_ROBOTS, "robots.txt");
	add(&b, PG_SEARCH_JSON, "search.json");
	/* Both need absolute addresses, so only a site that knows its own. */
	if (s->base_url) {
		add(&b, PG_SITEMAP, "sitemap.xml");
		add(&b, PG_FEED, "feed.xml");
	}
	for (size_t i = 0; i < s->neds; i++)
		plan_edition(&b, s, &s->eds[i], a);
	for (size_t i = 0; s->current && i < s->nschools; i++) {
		page_job *j = add(&b, PG_SCHOOL_SHORT, arena_printf(a, "schools/%s/index.html", s->schools[i].id));
		j->ed = s->current;
		j->sc = &s->schools[i];
	}
	for (size_t i = 0; i < s->npages; i++)
		add(&b, PG_PAGE, arena_printf(a, "%s/index.html", s->pages[i].slug))->pg = &s->pages[i];
	xsort(b.jobs, b.n, sizeof(page_job), cmp_jobs);
	page_job *jobs = arena_alloc(a, (b.n ? b.n : 1) * sizeof(page_job));
	memcpy(jobs, b.jobs, b.n * sizeof(page_job));
	free(b.jobs);
	return (page_plan){jobs, b.n};
}

/* ---- the page table ---- */

static void raw_ics(const ctx *c, buf *out) { ics_edition(c->s, c->j->ed, c->j->sc, out); }
static void raw_schedule_ics(const ctx *c, buf *out) { ics_schedule(c->s, c->j->ed, c->j->sc, out); }
static void raw_act_csv(const ctx *c, buf *out) { export_activities_csv(c->s, c->j->ed, out); }
static void raw_act_json(const ctx *c, buf *out) { export_activities_json(c->s, c->j->ed, out); }
static void raw_ind_csv(const ctx *c, buf *out) { export_indicators_csv(c->s, c->j->ed, out); }
static void raw_ind_json(const ctx *c, buf *out) { export_indicators_json(c->s, c->j->ed, out); }
static void raw_results_csv(const ctx *c, buf *out) { export_results_csv(c->s, c->j->ed, out); }
static void raw_school_json(const ctx *c, buf *out) { export_school_json(c->s, c->j->ed, c->j->sc, out); }
static void raw_search_json(const ctx *c, buf *out) { export_search_json(c->s, out); }

/* One row per kind: its template and view builder, or its byte writer. */
typedef struct page_type {
	const char *tpl;
	value *(*view)(const ctx *c);
	void (*raw)(const ctx *c, buf *out);
} page_type;

static const page_type TYPES[] = {
	[PG_HOME] = {"edition", view_edition, NULL},
	[PG_EDITION] = {"edition", view_edition, NULL},
	[PG_DOCUMENT] = {"document", view_document, NULL},
	[PG_REGISTRY] = {"registry", view_registry, NULL},
	[PG_SCHOOL] = {"school", view_school, NULL},
	[PG_SCHOOL_SHORT] = {"school_short", view_school_short, NULL},
	[PG_ARCHIVE] = {"archive", view_archive, NULL},
	[PG_PAGE] = {"page", view_page, NULL},
	[PG_404] = {"404", view_404, NULL},
	[PG_SITEMAP] = {"sitemap.xml", view_sitemap, NULL},
	[PG_ROBOTS] = {"robots.txt", view_robots, NULL},
	[PG_DEADLINES] = {"deadlines", view_deadlines, NULL},
	[PG_REPORT] = {"report", view_report, NULL},
	[PG_REPORT_DOCX] = {"report.docx.xml", view_report, NULL},
	[PG_ICS] = {NULL, NULL, raw_ics},
	[PG_DATA] = {"data", view_data, NULL},
	[PG_ACT_CSV] = {NULL, NULL, raw_act_csv},
	[PG_ACT_JSON] = {NULL, NULL, raw_act_json},
	[PG_FEED] = {"feed.xml", view_feed, NULL},
	[PG_CHANGES] = {"changes", view_changes, NULL},
	[PG_INDICATORS] = {"indicators", view_indicators, NULL},
	[PG_INDICATOR] = {"indicator", view_indicator, NULL},
	[PG_IND_CSV] = {NULL, NULL, raw_ind_csv},
	[PG_IND_JSON] = {NULL, NULL, raw_ind_json},
	[PG_RESULTS_CSV] = {NULL, NULL, raw_results_csv},
	[PG_SCHOOL_EMBED] = {"embed", view_school_embed, NULL},
	[PG_SCHOOL_JSON] = {NULL, NULL, raw_school_json},
	[PG_SEARCH_JSON] = {NULL, NULL, raw_search_json},
	[PG_SCHOOL_RESULTS] = {"school_results", view_school_results, NULL},
	[PG_SCHOOL_SCHEDULE] = {"school_schedule", view_school_schedule, NULL},
	[PG_SCHEDULE_ICS] = {NULL, NULL, raw_schedule_ics},
	[PG_SCHEDULES] = {"schedules", view_schedule_overview, NULL},
};
_Static_assert(sizeof TYPES / sizeof TYPES[0] == PG_SCHEDULES + 1, "a row per page kind");

const char *page_template(page_kind k)
{
	return TYPES[k].tpl;
}

static const char *templates[sizeof TYPES / sizeof TYPES[0] + 1];

static void fill_templates(void)
{
	size_t n = 0;
	for (size_t k = 0; k < sizeof TYPES / sizeof TYPES[0]; k++) {
		size_t i = 0;
		while (TYPES[k].tpl && i < n && strcmp(templates[i], TYPES[k].tpl))
			i++;
		if (TYPES[k].tpl && i == n)
			templates[n++] = TYPES[k].tpl;
	}
	templates[n] = NULL;
}

const char *const *page_templates(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, fill_templates);
	return templates;
}

/* "../" once per folder level of the page's path. */
static const char *root_of(arena *a, const char *path)
{
	size_t depth = 0;
	for (const char *p = path; *p; p++)
		depth += *p == '/';
	char *r = arena_alloc(a, depth * 3 + 1);
	for (size_t i = 0; i < depth; i++)
		memcpy(r + i * 3, "../", 3);
	return r;
}

static ctx page_ctx(const site *s, const page_plan *plan, const page_job *j, arena *a)
{
	ctx c = {s, j, a, root_of(a, j->path), plan};
	/* The 404 page is served for missing pages at any depth: its links must
	 * be absolute when we know the site's address. */
	if (j->kind == PG_404 && s->base_url)
		c.root = str_ends(s->base_url, "/") ? s->base_url : arena_printf(a, "%s/", s->base_url);
	return c;
}

value *page_view(const site *s, const page_plan *plan, const page_job *j, arena *a)
{
	ctx c = page_ctx(s, plan, j, a);
	return TYPES[j->kind].view ? TYPES[j->kind].view(&c) : v_map(a);
}

void page_raw(const site *s, const page_job *j, buf *out)
{
	/* Byte writers read the model only: no arena, no links. */
	ctx c = {s, j, NULL, NULL, NULL};
	if (TYPES[j->kind].raw)
		TYPES[j->kind].raw(&c, out);
}
