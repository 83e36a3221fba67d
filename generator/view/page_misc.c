/* Free pages, 404, sitemap.xml, robots.txt. */
#include "page_misc.h"
#include "page_common.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

value *view_page(const ctx *c)
{
	const page *pg = c->j->pg;
	value *v = layout(c, pg->title, NULL);
	crumb(c, v, pg->title, NULL);
	v_sets(c->a, v, "description", pg->description);
	v_sets(c->a, v, "body_html", pg->body_html);
	return v;
}

value *view_404(const ctx *c)
{
	value *v = layout(c, "Страница не найдена", NULL);
	crumb(c, v, "Страница не найдена", NULL);
	return v;
}

/* sitemap.xml needs absolute addresses: the pages of the plan under base_url. */
value *view_sitemap(const ctx *c)
{
	const page_plan *plan = c->plan;
	arena *a = c->a;
	value *v = v_map(a);
	const char *base = c->s->base_url;
	v_sets(a, v, "base_url", base);
	value *urls = v_set(a, v, "urls", v_list(a));
	for (size_t i = 0; base && i < plan->n; i++) {
		const page_job *j = &plan->jobs[i];
		if (!str_ends(j->path, "index.html") || j->kind == PG_SCHOOL_SHORT || j->kind == PG_SCHOOL_EMBED)
			continue;
		size_t n = strlen(j->path) - strlen("index.html");
		value *u = v_push(a, urls, v_map(a));
		v_set(a, u, "loc", v_strf(a, "%s%s%.*s", base, str_ends(base, "/") ? "" : "/", (int)n, j->path));
	}
	return v;
}

typedef struct done_item {
	const activity *a;
	long day;
} done_item;

static int cmp_done(const void *pa, const void *pb)
{
	const done_item *a = pa, *b = pb;
	if (a->day != b->day)
		return a->day > b->day ? -1 : 1; /* newest first */
	return a->a < b->a ? -1 : a->a > b->a;
}

/* Atom feed of execution marks: every activity marked done with a date,
 * newest first — what changed on the site for someone who follows it. */
value *view_feed(const ctx *c)
{
	enum { FEED_MAX = 50 };
	const site *s = c->s;
	arena *a = c->a;
	const char *base = str_ends(s->base_url, "/") ? s->base_url : arena_printf(a, "%s/", s->base_url);
	done_item *items = NULL;
	size_t n = 0, cap = 0;
	for (size_t e = 0; e < s->neds; e++)
		for (size_t d = 0; d < s->eds[e].ndocs; d++)
			for (size_t k = 0; k < s->eds[e].docs[d].nsections; k++) {
				const section *sec = &s->eds[e].docs[d].sections[k];
				for (size_t i = 0; i < sec->nacts; i++) {
					const activity *act = &sec->acts[i];
					if (act->st != ST_DONE || !date_is_set(act->done_on))
						continue;
					xgrow((void **)&items, &cap, n + 1, sizeof(done_item));
					items[n++] = (done_item){act, date_to_days(act->done_on)};
				}
			}
	if (n)
		xsort(items, n, sizeof(done_item), cmp_done);
	value *v = v_map(a);
	char iso[11];
	date_iso(s->today, iso);
	v_sets(a, v, "title", s->title);
	v_sets(a, v, "authority", s->authority);
	v_sets(a, v, "home", base);
	v_set(a, v, "self", v_strf(a, "%sfeed.xml", base));
	v_set(a, v, "updated", v_strf(a, "%sT00:00:00Z", iso));
	value *list = v_set(a, v, "entries", v_list(a));
	for (size_t i = 0; i < n && i < FEED_MAX; i++) {
		const activity *act = items[i].a;
		value *it = v_push(a, list, v_map(a));
		date_iso(act->done_on, iso);
		v_set(a, it, "updated", v_strf(a, "%sT00:00:00Z", iso));
		v_set(a, it, "title", v_strf(a, "Выполнено: %s. %s", act->number, act->title_text ? act->title_text : ""));
		const char *url = arena_printf(a, "%s%s/%s/#%s", base, act->doc->ed->id, act->doc->slug, act->anchor);
		v_sets(a, it, "link", url);
		v_sets(a, it, "id", url);
		v_set(a, it, "summary", v_strf(a, "%s, %s. Срок: %s.", act->doc->short_title, act->doc->ed->title,
		                                act->deadline_text ? act->deadline_text : "не указан"));
	}
	free(items);
	return v;
}

value *view_robots(const ctx *c)
{
	value *v = v_map(c->a);
	if (c->s->base_url)
		v_set(c->a, v, "sitemap", v_strf(c->a, "%s%ssitemap.xml", c->s->base_url,
		                                  str_ends(c->s->base_url, "/") ? "" : "/"));
	return v;
}
