/* Schools registry and the page of one school in one edition. */
#include "page_indicators.h"
#include "page_schedule.h"
#include "buf.h"
#include "ru.h"
#include "util.h"

#include <stdlib.h>

value *view_registry(const ctx *c)
{
	arena *a = c->a;
	const edition *ed = c->s->current;
	value *v = layout(c, "Школы", NULL);
	crumb(c, v, "Школы", NULL);
	value *list = v_set(a, v, "schools", v_list(a));
	for (size_t i = 0; i < c->s->nschools; i++) {
		const school *sc = &c->s->schools[i];
		value *it = v_push(a, list, school_card(c, sc));
		v_sets(a, it, "url", link_to(c, arena_printf(a, "schools/%s/", sc->id)));
		if (ed)
			v_sets(a, it, "edition_url", link_to(c, school_path(a, ed, sc)));
	}
	buf b = BUF_INIT;
	ru_count(&b, (long)c->s->nschools, "школа", "школы", "школ");
	v_sets(a, v, "count", buf_cstr(&b));
	buf_free(&b);
	return v;
}

/* The documents of ed with, per section, only the activities that concern sc. */
static value *school_documents(const ctx *c, const edition *ed, const school *sc, long *count)
{
	arena *a = c->a;
	value *docs = v_list(a);
	for (size_t d = 0; d < ed->ndocs; d++) {
		const document *doc = &ed->docs[d];
		value *secs = v_list(a);
		for (size_t k = 0; k < doc->nsections; k++) {
			const section *sec = &doc->sections[k];
			value *acts = v_list(a);
			for (size_t i = 0; i < sec->nacts; i++) {
				if (!activity_concerns(&sec->acts[i], sc))
					continue;
				v_push(a, acts, activity_view_school(c, &sec->acts[i], sc, true));
				(*count)++;
			}
			if (!acts->n)
				continue;
			value *sv = v_push(a, secs, v_map(a));
			v_sets(a, sv, "number", sec->number);
			v_sets(a, sv, "title", sec->title);
			v_set(a, sv, "activities", acts);
		}
		if (!secs->n)
			continue;
		value *dv = v_push(a, docs, v_map(a));
		v_sets(a, dv, "title", doc->title);
		v_sets(a, dv, "short_title", doc->short_title);
		v_sets(a, dv, "url", link_to(c, document_path(a, doc)));
		v_set(a, dv, "columns", activity_columns_view(c, doc));
		v_set(a, dv, "sections", secs);
	}
	return docs;
}

value *view_school(const ctx *c)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = layout(c, sc->short_name, ed);
	if (c->j->kind == PG_SCHOOL) {
		crumb(c, v, ed->title, edition_path(a, ed));
		crumb(c, v, "Школы", "schools/");
	} else {
		crumb(c, v, "Школы", "schools/");
	}
	crumb(c, v, sc->short_name, NULL);
	v_set(a, v, "school", school_card(c, sc));
	long count = 0;
	v_set(a, v, "documents", school_documents(c, ed, sc, &count));
	const activity **acts;
	size_t n = edition_activities(ed, sc, NULL, c->s->today, &acts);
	v_set(a, v, "deadline_groups", deadline_groups(c, acts, n));
	v_setb(a, v, "has_deadlines", n > 0);
	free(acts);
	value *sched = v_set(a, v, "schedule", schedule_months(c, ed, sc));
	v_setb(a, v, "has_schedule", sched->n > 0);
	v_sets(a, v, "schedule_url", link_to(c, schedule_path(a, ed, sc)));
	v_sets(a, v, "schedule_ics_url", link_to(c, arena_printf(a, "%s/schools/%s/schedule.ics", ed->id, sc->id)));
	value *inds = v_set(a, v, "indicators", school_indicators(c, ed, sc));
	v_setb(a, v, "has_indicators", inds->n > 0);
	value *res = v_set(a, v, "results", school_results(c, ed, sc));
	v_setb(a, v, "has_results", res->n > 0);
	v_sets(a, v, "calendar_url", link_to(c, arena_printf(a, "%s/schools/%s/calendar.ics", ed->id, sc->id)));
	buf b = BUF_INIT;
	ru_count(&b, count, "мероприятие касается", "мероприятия касаются", "мероприятий касаются");
	buf_puts(&b, " школы");
	v_sets(a, v, "count", buf_cstr(&b));
	buf_free(&b);
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	v_sets(a, e, "url", link_to(c, edition_path(a, ed)));
	v_sets(a, v, "canonical", link_to(c, school_path(a, ed, sc)));
	/* Only the stable address lists the editions: an edition's own page
	 * must not change when a new edition is added. */
	v_sets(a, v, "stable_url", link_to(c, arena_printf(a, "schools/%s/", sc->id)));
	value *others = v_set(a, v, "other_editions", v_list(a));
	for (size_t i = c->s->neds; c->j->kind == PG_SCHOOL_SHORT && i-- > 0;) {
		const edition *o = &c->s->eds[i];
		value *it = v_push(a, others, v_map(a));
		v_sets(a, it, "title", o->title);
		v_sets(a, it, "url", link_to(c, school_path(a, o, sc)));
		v_setb(a, it, "current", o == ed);
	}
	v_setb(a, v, "has_other_editions", others->n > 0);
	return v;
}
