#include "pages.h"
#include "page_builders.h"
#include "page_indicators.h"
#include "page_schedule.h"
#include "export.h"
#include "ics.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>


typedef struct plan_builder {
	page_job *jobs;
	size_t n, cap;
} plan_builder;

static page_job *add(plan_builder *b, page_kind k, const char *path, const char *tpl)
{
	xgrow((void **)&b->jobs, &b->cap, b->n + 1, sizeof(page_job));
	page_job *j = &b->jobs[b->n++];
	memset(j, 0, sizeof *j);
	j->kind = k;
	j->path = path;
	j->tpl = tpl;
	return j;
}

static int cmp_jobs(const void *pa, const void *pb)
{
	return strcmp(((const page_job *)pa)->path, ((const page_job *)pb)->path);
}

static void plan_edition(plan_builder *b, const site *s, const edition *ed, arena *a)
{
	add(b, PG_EDITION, arena_printf(a, "%s/index.html", ed->id), "edition")->ed = ed;
	add(b, PG_DEADLINES, arena_printf(a, "%s/deadlines/index.html", ed->id), "deadlines")->ed = ed;
	add(b, PG_REPORT, arena_printf(a, "%s/report/index.html", ed->id), "report")->ed = ed;
	add(b, PG_REPORT_DOCX, arena_printf(a, "%s/report/report.docx", ed->id), "report.docx.xml")->ed = ed;
	add(b, PG_ICS, arena_printf(a, "%s/calendar.ics", ed->id), NULL)->ed = ed;
	add(b, PG_DATA, arena_printf(a, "%s/data/index.html", ed->id), "data")->ed = ed;
	if (ed->prev)
		add(b, PG_CHANGES, arena_printf(a, "%s/changes/index.html", ed->id), "changes")->ed = ed;
	size_t ni;
	const indicator *inds = ind_list(s->ind, &ni);
	if (ni) {
		add(b, PG_INDICATORS, arena_printf(a, "%s/indicators/index.html", ed->id), "indicators")->ed = ed;
		add(b, PG_IND_CSV, arena_printf(a, "%s/data/indicators.csv", ed->id), NULL)->ed = ed;
		add(b, PG_IND_JSON, arena_printf(a, "%s/data/indicators.json", ed->id), NULL)->ed = ed;
		add(b, PG_RESULTS_CSV, arena_printf(a, "%s/data/results.csv", ed->id), NULL)->ed = ed;
	}
	for (size_t i = 0; i < ni; i++) {
		page_job *j = add(b, PG_INDICATOR, arena_printf(a, "%s/indicators/%s/index.html", ed->id, inds[i].id),
		                  "indicator");
		j->ed = ed;
		j->ind = &inds[i];
	}
	add(b, PG_ACT_CSV, arena_printf(a, "%s/data/activities.csv", ed->id), NULL)->ed = ed;
	add(b, PG_ACT_JSON, arena_printf(a, "%s/data/activities.json", ed->id), NULL)->ed = ed;
	for (size_t i = 0; i < ed->ndocs; i++) {
		page_job *j = add(b, PG_DOCUMENT, arena_printf(a, "%s/%s/index.html", ed->id, ed->docs[i].slug),
		                  "document");
		j->ed = ed;
		j->doc = &ed->docs[i];
	}
	for (size_t i = 0; i < s->nschools; i++) {
		page_job *j = add(b, PG_SCHOOL, arena_printf(a, "%s/schools/%s/index.html", ed->id, s->schools[i].id),
		                  "school");
		j->ed = ed;
		j->sc = &s->schools[i];
		j = add(b, PG_ICS, arena_printf(a, "%s/schools/%s/calendar.ics", ed->id, s->schools[i].id), NULL);
		j->ed = ed;
		j->sc = &s->schools[i];
		j = add(b, PG_SCHOOL_EMBED, arena_printf(a, "%s/schools/%s/embed/index.html", ed->id, s->schools[i].id),
		        "embed");
		j->ed = ed;
		j->sc = &s->schools[i];
		if (ni) {
			j = add(b, PG_SCHOOL_RESULTS,
			        arena_printf(a, "%s/schools/%s/results/index.html", ed->id, s->schools[i].id), "school_results");
			j->ed = ed;
			j->sc = &s->schools[i];
		}
		j = add(b, PG_SCHOOL_JSON, arena_printf(a, "%s/schools/%s/data.json", ed->id, s->schools[i].id), NULL);
		j->ed = ed;
		j->sc = &s->schools[i];
		j = add(b, PG_SCHOOL_SCHEDULE, arena_printf(a, "%s/schools/%s/schedule/index.html", ed->id, s->schools[i].id),
		        "school_schedule");
		j->ed = ed;
		j->sc = &s->schools[i];
		/* RFC 5545: a calendar holds at least one event. */
		if (schedule_count(ed, &s->schools[i])) {
			j = add(b, PG_SCHEDULE_ICS, arena_printf(a, "%s/schools/%s/schedule.ics", ed->id, s->schools[i].id),
			        NULL);
			j->ed = ed;
			j->sc = &s->schools[i];
		}
	}
	add(b, PG_SCHEDULES, arena_printf(a, "%s/schedule/index.html", ed->id), "schedules")->ed = ed;
}

page_plan pages_plan(const site *s, arena *a)
{
	plan_builder b = {0};
	add(&b, PG_HOME, "index.html", "edition")->ed = s->current;
	add(&b, PG_REGISTRY, "schools/index.html", "registry");
	add(&b, PG_ARCHIVE, "archive/index.html", "archive");
	add(&b, PG_404, "404.html", "404");
	add(&b, PG_ROBOTS, "robots.txt", "robots.txt");
	add(&b, PG_SEARCH_JSON, "search.json", NULL);
	/* Both need absolute addresses, so only a site that knows its own. */
	if (s->base_url) {
		add(&b, PG_SITEMAP, "sitemap.xml", "sitemap.xml");
		add(&b, PG_FEED, "feed.xml", "feed.xml");
	}
	for (size_t i = 0; i < s->neds; i++)
		plan_edition(&b, s, &s->eds[i], a);
	for (size_t i = 0; s->current && i < s->nschools; i++) {
		page_job *j = add(&b, PG_SCHOOL_SHORT, arena_printf(a, "schools/%s/index.html", s->schools[i].id),
		                  "school_short");
		j->ed = s->current;
		j->sc = &s->schools[i];
	}
	for (size_t i = 0; i < s->npages; i++)
		add(&b, PG_PAGE, arena_printf(a, "%s/index.html", s->pages[i].slug), "page")->pg = &s->pages[i];
	xsort(b.jobs, b.n, sizeof(page_job), cmp_jobs);
	page_job *jobs = arena_alloc(a, (b.n ? b.n : 1) * sizeof(page_job));
	memcpy(jobs, b.jobs, b.n * sizeof(page_job));
	free(b.jobs);
	return (page_plan){jobs, b.n};
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

value *page_view(const site *s, const page_job *j, arena *a)
{
	ctx c = {s, j, a, root_of(a, j->path)};
	switch (j->kind) {
	case PG_HOME:
	case PG_EDITION: return view_edition(&c);
	case PG_DOCUMENT: return view_document(&c);
	case PG_ARCHIVE: return view_archive(&c);
	case PG_REGISTRY: return view_registry(&c);
	case PG_SCHOOL: return view_school(&c);
	case PG_SCHOOL_SHORT: return view_school_short(&c);
	case PG_SCHOOL_EMBED: return view_school_embed(&c);
	case PG_SCHOOL_RESULTS: return view_school_results(&c);
	case PG_PAGE: return view_page(&c);
	case PG_404:
		/* Served for missing pages at any depth: links must be absolute
		 * when we know the site's address. */
		if (s->base_url)
			c.root = str_ends(s->base_url, "/") ? s->base_url : arena_printf(a, "%s/", s->base_url);
		return view_404(&c);
	case PG_ROBOTS: return view_robots(&c);
	case PG_DEADLINES: return view_deadlines(&c);
	case PG_REPORT:
	case PG_REPORT_DOCX: return view_report(&c);
	case PG_DATA: return view_data(&c);
	case PG_FEED: return view_feed(&c);
	case PG_CHANGES: return view_changes(&c);
	case PG_INDICATORS: return view_indicators(&c);
	case PG_INDICATOR: return view_indicator(&c);
	case PG_SCHOOL_SCHEDULE: return view_school_schedule(&c);
	case PG_SCHEDULES: return view_schedule_overview(&c);
	case PG_SCHEDULE_ICS:
	case PG_IND_CSV:
	case PG_IND_JSON:
	case PG_RESULTS_CSV:
	case PG_ICS:
	case PG_ACT_CSV:
	case PG_ACT_JSON:
	case PG_SCHOOL_JSON:
	case PG_SEARCH_JSON: break;
	case PG_SITEMAP: {
		page_plan plan = pages_plan(s, a);
		return view_sitemap(&c, &plan);
	}
	}
	return v_map(a);
}

void page_raw(const site *s, const page_job *j, buf *out)
{
	switch (j->kind) {
	case PG_ICS: ics_edition(s, j->ed, j->sc, out); break;
	case PG_SCHEDULE_ICS: ics_schedule(s, j->ed, j->sc, out); break;
	case PG_ACT_CSV: export_activities_csv(s, j->ed, out); break;
	case PG_ACT_JSON: export_activities_json(s, j->ed, out); break;
	case PG_IND_CSV: export_indicators_csv(s, j->ed, out); break;
	case PG_IND_JSON: export_indicators_json(s, j->ed, out); break;
	case PG_RESULTS_CSV: export_results_csv(s, j->ed, out); break;
	case PG_SCHOOL_JSON: export_school_json(s, j->ed, j->sc, out); break;
	case PG_SEARCH_JSON: export_search_json(s, out); break;
	default: break;
	}
}
