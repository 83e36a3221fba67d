/* Edition home, site home, full document, archive. */
#include "page_document.h"
#include "page_changes.h"
#include "page_deadlines.h"
#include "page_indicators.h"
#include "buf.h"
#include "ru.h"
#include "util.h"

#include <string.h>

static const char *edition_status_label(const edition *ed)
{
	if (!strcmp(ed->status, "draft"))
		return "Проект";
	if (!strcmp(ed->status, "completed"))
		return "Исполнена";
	return "Утверждена";
}

static const char *period_text(arena *a, const edition *ed)
{
	buf b = BUF_INIT;
	buf_puts(&b, "с ");
	ru_date(&b, ed->start);
	buf_puts(&b, " по ");
	ru_date(&b, ed->end);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static value *edition_view(const ctx *c, const edition *ed)
{
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "id", ed->id);
	v_sets(a, v, "title", ed->title);
	v_sets(a, v, "url", link_to(c, edition_path(a, ed)));
	v_sets(a, v, "period", period_text(a, ed));
	v_sets(a, v, "status", edition_status_label(ed));
	v_sets(a, v, "notes_html", ed->notes_html);
	v_setb(a, v, "current", ed->current);
	return v;
}

/* The blocks of an edition's overview, used by the site home and edition pages. */
static void edition_blocks(const ctx *c, value *pv, const edition *ed)
{
	arena *a = c->a;
	v_set(a, pv, "edition", edition_view(c, ed));
	value *docs = v_set(a, pv, "documents", v_list(a));
	for (size_t i = 0; i < ed->ndocs; i++) {
		const document *d = &ed->docs[i];
		value *dv = v_push(a, docs, v_map(a));
		v_sets(a, dv, "title", d->title);
		v_sets(a, dv, "short_title", d->short_title);
		v_sets(a, dv, "url", link_to(c, document_path(a, d)));
		v_sets(a, dv, "approved", approval_text(a, d));
		v_set(a, dv, "progress", progress_view(c, &d->prog));
	}
	v_set(a, pv, "progress", progress_view(c, &ed->prog));
	/* One document: its card already shows the progress. */
	v_setb(a, pv, "several_documents", ed->ndocs > 1);
	value *up = v_set(a, pv, "upcoming", upcoming_view(c, ed));
	v_setb(a, pv, "has_upcoming", up->n > 0);
	v_sets(a, pv, "deadlines_url", link_to(c, arena_printf(a, "%s/deadlines/", ed->id)));
	v_sets(a, pv, "report_url", link_to(c, arena_printf(a, "%s/report/", ed->id)));
	v_sets(a, pv, "calendar_url", link_to(c, arena_printf(a, "%s/calendar.ics", ed->id)));
	v_sets(a, pv, "data_url", link_to(c, arena_printf(a, "%s/data/", ed->id)));
	v_sets(a, pv, "schedule_url", ed->nschedule ? link_to(c, arena_printf(a, "%s/schedule/", ed->id)) : NULL);
	size_t ni;
	const indicator *inds = ind_list(c->s->ind, &ni);
	value *il = v_set(a, pv, "indicators", v_list(a));
	for (size_t i = 0; i < ni; i++)
		v_push(a, il, ind_row_view(c, &inds[i], ed, true));
	v_setb(a, pv, "has_indicators", ni > 0);
	v_set(a, pv, "caption", v_strf(a, "Показатели: %s", ed->title));
	v_sets(a, pv, "indicators_url", link_to(c, arena_printf(a, "%s/indicators/", ed->id)));
	value *schools = v_set(a, pv, "schools", v_list(a));
	for (size_t i = 0; i < c->s->nschools; i++) {
		const school *sc = &c->s->schools[i];
		value *it = v_push(a, schools, v_map(a));
		v_sets(a, it, "short_name", sc->short_name);
		v_sets(a, it, "url", link_to(c, school_path(a, ed, sc)));
	}
}

value *view_edition(const ctx *c)
{
	const edition *ed = c->j->ed;
	bool home = c->j->kind == PG_HOME;
	value *v = layout(c, home ? c->s->title : arena_printf(c->a, "Редакция %s", ed->title), ed);
	if (!home)
		crumb(c, v, ed->title, NULL);
	v_setb(c->a, v, "is_home", home);
	edition_blocks(c, v, ed);
	return v;
}

static value *section_view(const ctx *c, const section *sec)
{
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "number", sec->number);
	v_sets(a, v, "title", sec->title);
	v_sets(a, v, "anchor", sec->anchor);
	v_sets(a, v, "schools", concerns_label(c, &sec->schools));
	value *acts = v_set(a, v, "activities", v_list(a));
	for (size_t i = 0; i < sec->nacts; i++)
		v_push(a, acts, activity_view(c, &sec->acts[i], false));
	v_set(a, v, "progress", progress_view(c, &sec->prog));
	return v;
}

/* A target indicator by its name, with its value as the document sets it. */
static value *target_view(const ctx *c, const document *d, const target *t)
{
	arena *a = c->a;
	value *v = v_map(a);
	const indicator *ind = ind_find(c->s->ind, t->indicator);
	v_sets(a, v, "indicator", ind ? ind->name : t->indicator);
	if (ind)
		v_sets(a, v, "url", link_to(c, arena_printf(a, "%s/indicators/%s/", d->ed->id, ind->id)));
	double x;
	const char *tv = t->target;
	if (!tv && ind && ind->has_target)
		tv = ind_value_str(c, ind, ind->target);
	else if (tv && ind && ind_parse_target(tv, &x) && strspn(tv, "0123456789.,") == strlen(tv))
		tv = ind_value_str(c, ind, x); /* a bare number gets its unit: «10 %» */
	v_sets(a, v, "target", tv);
	return v;
}

/* Chapters before and after the activity table, and the contents of the page. */
static void chapters_view(const ctx *c, value *dv, const document *d)
{
	arena *a = c->a;
	value *before = v_set(a, dv, "chapters_before", v_list(a));
	value *after = v_set(a, dv, "chapters_after", v_list(a));
	value *toc = v_set(a, dv, "contents", v_list(a));
	for (int pass = 0; pass < 3; pass++) {
		if (pass == 1) { /* the activity table between the chapters before and after */
			value *it = v_push(a, toc, v_map(a));
			v_sets(a, it, "title", "Мероприятия");
			v_sets(a, it, "anchor", "activities");
			continue;
		}
		for (size_t i = 0; i < d->nchapters; i++) {
			const chapter *ch = &d->chapters[i];
			if (ch->after != (pass == 2))
				continue;
			value *cv = v_push(a, pass ? after : before, v_map(a));
			v_sets(a, cv, "title", ch->title);
			v_sets(a, cv, "anchor", ch->anchor);
			v_sets(a, cv, "html", ch->html);
			value *it = v_push(a, toc, v_map(a));
			v_sets(a, it, "title", ch->title);
			v_sets(a, it, "anchor", ch->anchor);
		}
	}
	v_setb(a, dv, "has_chapters", d->nchapters > 0);
}

value *view_document(const ctx *c)
{
	const document *d = c->j->doc;
	arena *a = c->a;
	value *v = layout(c, d->short_title, d->ed);
	crumb(c, v, d->ed->title, edition_path(a, d->ed));
	crumb(c, v, d->short_title, NULL);
	value *dv = v_set(a, v, "document", v_map(a));
	v_sets(a, dv, "title", d->title);
	v_sets(a, dv, "short_title", d->short_title);
	v_sets(a, dv, "approved", approval_text(a, d));
	if (d->has_approved) {
		v_sets(a, dv, "approved_by", approval_names_authority(d) ? NULL : d->authority);
		if (d->signed_by || d->signer)
			v_set(a, dv, "signed_by", v_strf(a, "%s%s%s", d->signed_by ? d->signed_by : "",
			                                 d->signed_by && d->signer ? " " : "", d->signer ? d->signer : ""));
		v_sets(a, dv, "scan_url", d->approved_url);
	}
	/* A document signed but not approved by an act (no act, date or
	 * number) still shows who signed it. */
	v_setb(a, dv, "has_approval", v_truthy(v_get(dv, "approved")) || v_truthy(v_get(dv, "signed_by")));
	value *cons = v_set(a, dv, "considered", v_list(a));
	for (size_t i = 0; i < d->nconsidered; i++)
		v_push(a, cons, v_str(a, considered_text(a, d, &d->considered[i])));
	v_setb(a, dv, "has_considered", d->nconsidered > 0);
	v_sets(a, dv, "revision", amendments_text(a, d));
	value *ams = v_set(a, dv, "amendments", v_list(a));
	for (size_t i = 0; i < d->namendments; i++) {
		const amendment *am = &d->amendments[i];
		value *it = v_push(a, ams, v_map(a));
		buf b = BUF_INIT;
		buf_puts(&b, am->act);
		act_date_number(&b, am->on, am->number);
		v_sets(a, it, "title", buf_cstr(&b));
		buf_free(&b);
		v_sets(a, it, "url", am->url);
		v_sets(a, it, "note", am->note);
	}
	v_setb(a, dv, "has_amendments", d->namendments > 0);
	v_sets(a, dv, "schools", concerns_label(c, &d->schools));
	chapters_view(c, dv, d);
	v_sets(a, dv, "intro_html", d->intro_html);
	v_sets(a, dv, "goal_html", d->goal_html);
	value *tasks = v_set(a, dv, "tasks", v_list(a));
	for (size_t i = 0; i < d->ntasks; i++)
		v_push(a, tasks, v_str(a, d->tasks_html[i]));
	v_setb(a, dv, "has_tasks", d->ntasks > 0);
	v_setb(a, dv, "has_targets", d->ntargets > 0);
	value *tg = v_set(a, dv, "targets", v_list(a));
	for (size_t i = 0; i < d->ntargets; i++)
		v_push(a, tg, target_view(c, d, &d->targets[i]));
	v_set(a, dv, "columns", activity_columns_view(c, d));
	value *secs = v_set(a, dv, "sections", v_list(a));
	for (size_t k = 0; k < d->nsections; k++)
		v_push(a, secs, section_view(c, &d->sections[k]));
	v_set(a, dv, "progress", progress_view(c, &d->prog));
	v_set(a, v, "edition", edition_view(c, d->ed));
	/* Each table follows a heading with the same words: keep the caption for
	 * screen readers, hide it on screen. */
	v_setb(a, v, "hide_caption", true);
	return v;
}

value *view_archive(const ctx *c)
{
	arena *a = c->a;
	value *v = layout(c, "Архив редакций", NULL);
	crumb(c, v, "Архив редакций", NULL);
	value *eds = v_set(a, v, "editions", v_list(a));
	for (size_t i = c->s->neds; i-- > 0;) {
		const edition *ed = &c->s->eds[i];
		value *e = v_push(a, eds, edition_view(c, ed));
		buf b = BUF_INIT;
		ru_count(&b, (long)ed->ndocs, "документ", "документа", "документов");
		v_sets(a, e, "documents", buf_cstr(&b));
		buf_free(&b);
		if (ed->prev) {
			v_sets(a, e, "changes", changes_summary(a, ed));
			v_sets(a, e, "changes_url", link_to(c, arena_printf(a, "%s/changes/", ed->id)));
			v_sets(a, e, "previous", ed->prev->title);
		}
	}
	return v;
}
