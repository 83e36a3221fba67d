/* Free pages, 404, sitemap.xml, robots.txt. */
#include "page_common.h"
#include "util.h"

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
value *view_sitemap(const ctx *c, const page_plan *plan)
{
	arena *a = c->a;
	value *v = v_map(a);
	const char *base = c->s->base_url;
	v_sets(a, v, "base_url", base);
	value *urls = v_set(a, v, "urls", v_list(a));
	for (size_t i = 0; base && i < plan->n; i++) {
		const page_job *j = &plan->jobs[i];
		if (!str_ends(j->path, "index.html") || j->kind == PG_SCHOOL_SHORT)
			continue;
		size_t n = strlen(j->path) - strlen("index.html");
		value *u = v_push(a, urls, v_map(a));
		v_set(a, u, "loc", v_strf(a, "%s%s%.*s", base, str_ends(base, "/") ? "" : "/", (int)n, j->path));
	}
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
