#include "page_common.h"
#include "buf.h"
#include "escape.h"
#include "ru.h"
#include "schedule.h"
#include "util.h"

#include <string.h>

const char *link_to(const ctx *c, const char *path)
{
	/* Folders get an explicit index.html so links work from file:// too. */
	if (!*path || str_ends(path, "/"))
		return arena_printf(c->a, "%s%sindex.html", c->root, path);
	return arena_printf(c->a, "%s%s", c->root, path);
}

const char *link_near(const ctx *c, const char *path)
{
	const char *from = c->j->path;
	/* Skip the folders both paths share ("2021-2022/"). */
	size_t common = 0;
	for (size_t i = 0; from[i] && from[i] == path[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	buf b = BUF_INIT;
	for (const char *p = from + common; *p; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	buf_puts(&b, path + common);
	if (!path[common] || str_ends(path, "/"))
		buf_puts(&b, "index.html");
	const char *r = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

const char *edition_path(arena *a, const edition *ed)
{
	return arena_printf(a, "%s/", ed->id);
}

const char *document_path(arena *a, const document *d)
{
	return arena_printf(a, "%s/%s/", d->ed->id, d->slug);
}

const char *school_path(arena *a, const edition *ed, const school *sc)
{
	return arena_printf(a, "%s/schools/%s/", ed->id, sc->id);
}

const char *ru_date_str(arena *a, date d)
{
	if (!date_is_set(d))
		return NULL;
	buf b = BUF_INIT;
	ru_date(&b, d);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static void nav_item(const ctx *c, value *nav, const char *title, const char *path, bool current)
{
	value *it = v_push(c->a, nav, v_map(c->a));
	v_sets(c->a, it, "title", title);
	v_sets(c->a, it, "url", link_to(c, path));
	v_setb(c->a, it, "current", current);
}

static value *nav_view(const ctx *c, const edition *ed)
{
	const site *s = c->s;
	value *nav = v_list(c->a);
	page_kind k = c->j->kind;
	nav_item(c, nav, "Главная", "", k == PG_HOME);
	/* No link here may depend on which edition is current: an archived
	 * edition's pages must not change when a new edition is added
	 * (spec/site.md § Editions); the home page shows the current one. */
	(void)ed;
	nav_item(c, nav, "Школы", "schools/", k == PG_REGISTRY || k == PG_SCHOOL || k == PG_SCHOOL_SHORT);
	nav_item(c, nav, "Все редакции", "archive/", k == PG_ARCHIVE);
	for (size_t i = 0; i < s->nmenu; i++) {
		const menu_item *m = &s->menu[i];
		if (m->url) {
			value *it = v_push(c->a, nav, v_map(c->a));
			v_sets(c->a, it, "title", m->title);
			v_sets(c->a, it, "url", url_is_safe(m->url) ? m->url : "#");
			v_setb(c->a, it, "current", false);
		} else {
			nav_item(c, nav, m->title, arena_printf(c->a, "%s/", m->page),
			         k == PG_PAGE && !strcmp(c->j->pg->slug, m->page));
		}
	}
	return nav;
}

void crumb(const ctx *c, value *pv, const char *title, const char *path)
{
	value *list = (value *)v_get(pv, "breadcrumbs");
	value *it = v_push(c->a, list, v_map(c->a));
	v_sets(c->a, it, "title", title);
	if (path)
		v_sets(c->a, it, "url", link_to(c, path));
}

value *layout(const ctx *c, const char *title, const edition *ed)
{
	const site *s = c->s;
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "title", title);
	v_sets(a, v, "site_title", s->title);
	if (s->title && !str_eq(title, s->title))
		v_set(a, v, "full_title", v_strf(a, "%s — %s", title, s->title));
	else
		v_sets(a, v, "full_title", title);
	v_sets(a, v, "authority", s->authority);
	v_sets(a, v, "root", c->root);
	v_sets(a, v, "home_url", link_to(c, ""));
	v_sets(a, v, "assets", arena_printf(a, "%sassets/", c->root));
	v_setb(a, v, "demo", s->demo);
	v_sets(a, v, "contacts_html", s->contacts_html);
	v_sets(a, v, "today", ru_date_str(a, s->today));
	v_set(a, v, "nav", nav_view(c, ed));
	v_set(a, v, "breadcrumbs", v_list(a));
	v_setb(a, v, "has_breadcrumbs", c->j->kind != PG_HOME);
	if (c->j->kind != PG_HOME)
		crumb(c, v, "Главная", "");
	if (ed && !ed->current && s->current) {
		value *arch = v_set(a, v, "archived", v_map(a));
		v_sets(a, arch, "current_title", s->current->title);
		v_sets(a, arch, "current_url", link_to(c, edition_path(a, s->current)));
	}
	return v;
}

bool activity_overdue(const site *s, const activity *a)
{
	return act_overdue(a, s->today);
}

static const char *status_class(status st)
{
	static const char *const cls[] = {"planned", "in-progress", "done", "cancelled"};
	return cls[st];
}

static const char *joined(arena *a, const char *const *items, size_t n)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", items[i]);
	const char *s = n ? arena_strdup(a, buf_cstr(&b)) : NULL;
	buf_free(&b);
	return s;
}

static const char *schools_label(const ctx *c, const activity *a)
{
	if (a->all_schools)
		return "все школы";
	if (!a->nschools)
		return NULL;
	const char **names = arena_alloc(c->a, a->nschools * sizeof(char *));
	for (size_t i = 0; i < a->nschools; i++)
		names[i] = a->schools[i]->short_name;
	return joined(c->a, names, a->nschools);
}

value *activity_view(const ctx *c, const activity *act, bool link_to_doc)
{
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "number", act->number);
	v_sets(a, v, "anchor", act->anchor);
	v_sets(a, v, "title_html", act->title_html);
	v_sets(a, v, "title_text", act->title_text);
	v_sets(a, v, "task_html", act->task_html);
	v_sets(a, v, "deadline", act->deadline_text ? act->deadline_text : "не указан");
	v_sets(a, v, "responsible", joined(a, act->responsible, act->nresponsible));
	v_sets(a, v, "report", act->report);
	v_sets(a, v, "result_html", act->result_html);
	v_sets(a, v, "comment_html", act->comment_html);
	v_sets(a, v, "indicator", act->indicator);
	v_sets(a, v, "status", status_label(act->st));
	v_sets(a, v, "status_lc", status_label_lc(act->st));
	v_sets(a, v, "status_class", status_class(act->st));
	v_setb(a, v, "overdue", activity_overdue(c->s, act));
	v_setb(a, v, "upcoming", act_upcoming(act, c->s->today));
	v_sets(a, v, "done_on", ru_date_str(a, act->done_on));
	v_sets(a, v, "schools", schools_label(c, act));
	if (link_to_doc) {
		v_sets(a, v, "doc_url", arena_printf(a, "%s#%s", link_to(c, document_path(a, act->doc)), act->anchor));
		v_sets(a, v, "doc_title", act->doc->short_title);
	} else {
		v_sets(a, v, "doc_url", NULL);
		v_sets(a, v, "doc_title", NULL);
	}
	value *ev = v_set(a, v, "evidence", v_list(a));
	for (size_t i = 0; i < act->nevidence; i++) {
		value *e = v_push(a, ev, v_map(a));
		v_sets(a, e, "title", act->evidence[i].title);
		v_sets(a, e, "url", act->evidence[i].url);
	}
	v_setb(a, v, "has_evidence", act->nevidence > 0);
	return v;
}

void progress_add(const site *s, progress *p, const activity *a)
{
	/* Overdue is a state of its own in the counts: the bar's parts must add up. */
	if (activity_overdue(s, a))
		p->overdue++;
	else
		p->n[a->st]++;
	p->total++;
}

static void segment(const ctx *c, value *segs, const char *label, const char *cls, long n, long total)
{
	if (!n)
		return;
	value *it = v_push(c->a, segs, v_map(c->a));
	buf b = BUF_INIT;
	ru_int(&b, n);
	v_sets(c->a, it, "label", label);
	v_sets(c->a, it, "class", cls);
	v_sets(c->a, it, "count", buf_cstr(&b));
	/* Width in whole per mille keeps the CSS exact and locale-free. */
	v_set(c->a, it, "width", v_strf(c->a, "%ld.%ld", n * 1000 / total / 10, n * 1000 / total % 10));
	buf_free(&b);
}

value *progress_view(const ctx *c, const progress *p)
{
	arena *a = c->a;
	value *v = v_map(a);
	buf b = BUF_INIT;
	buf_puts(&b, "Выполнено ");
	ru_int(&b, p->n[ST_DONE]);
	buf_puts(&b, " из ");
	ru_count(&b, p->total, "мероприятия", "мероприятий", "мероприятий");
	if (p->total) {
		buf_puts(&b, " (");
		ru_int(&b, p->n[ST_DONE] * 100 / p->total);
		buf_puts(&b, "\xC2\xA0%)");
	}
	v_sets(a, v, "summary", buf_cstr(&b));
	buf_free(&b);
	v_set(a, v, "total", v_int(a, p->total));
	value *segs = v_set(a, v, "segments", v_list(a));
	if (p->total) {
		segment(c, segs, "выполнено", "done", p->n[ST_DONE], p->total);
		segment(c, segs, "выполняется", "in-progress", p->n[ST_IN_PROGRESS], p->total);
		segment(c, segs, "просрочено", "overdue", p->overdue, p->total);
		segment(c, segs, "запланировано", "planned", p->n[ST_PLANNED], p->total);
		segment(c, segs, "отменено", "cancelled", p->n[ST_CANCELLED], p->total);
	}
	v_setb(a, v, "has_segments", segs->n > 0);
	return v;
}

static void count(const ctx *c, value *m, const char *key, long n)
{
	buf b = BUF_INIT;
	ru_int(&b, n);
	v_sets(c->a, m, key, buf_cstr(&b));
	buf_free(&b);
}

value *progress_counts(const ctx *c, const progress *p)
{
	value *m = v_map(c->a);
	count(c, m, "total", p->total);
	count(c, m, "done", p->n[ST_DONE]);
	count(c, m, "in_progress", p->n[ST_IN_PROGRESS]);
	count(c, m, "overdue", p->overdue);
	count(c, m, "planned", p->n[ST_PLANNED]);
	count(c, m, "cancelled", p->n[ST_CANCELLED]);
	return m;
}

const char *approval_text(arena *a, const document *d)
{
	/* «Приказ от 27 августа 2021 г. № 218»: the act's own noun stays in the
	 * nominative, so the phrase is right for any act (приказ, распоряжение …). */
	if (!d->has_approved)
		return NULL;
	buf b = BUF_INIT;
	buf_puts(&b, d->act ? d->act : "Утверждено");
	if (date_is_set(d->approved_on)) {
		buf_puts(&b, " от ");
		ru_date(&b, d->approved_on);
	}
	if (d->number)
		buf_printf(&b, " №\xC2\xA0%s", d->number);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

value *school_card(const ctx *c, const school *sc)
{
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "id", sc->id);
	v_sets(a, v, "name", sc->name);
	v_sets(a, v, "short_name", sc->short_name);
	v_sets(a, v, "address", sc->address);
	v_sets(a, v, "website", sc->website);
	v_sets(a, v, "phone", sc->phone);
	v_sets(a, v, "email", sc->email);
	v_sets(a, v, "head", sc->head);
	v_sets(a, v, "description", sc->description);
	v_sets(a, v, "body_html", sc->body_html);
	/* Group tags address activities; visitors see a group only by its public
	 * Russian title (spec/content.md § Groups), and a tag without one is
	 * never shown: so no raw tag goes into the view. */
	v_setb(a, v, "has_groups", false);
	v_set(a, v, "groups", v_list(a));
	value *x = v_set(a, v, "extra", v_list(a));
	for (size_t i = 0; i < sc->nextra; i++) {
		value *it = v_push(a, x, v_map(a));
		v_sets(a, it, "key", sc->extra[i].key);
		v_sets(a, it, "value", sc->extra[i].value);
	}
	return v;
}
