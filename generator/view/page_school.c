/* Schools registry and the page of one school in one edition. */
#include "page_school.h"
#include "page_deadlines.h"
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

/* How many upcoming procedures the top of a school page and the embed show. */
enum { NEXT_ASSESSMENTS = 5, SUMMARY_RESULTS = 5, EMBED_ACTIVITIES = 10 };

/* «5 мероприятий, выполнено 2, просрочено 1»: what a folded section holds,
 * counted from the rows as the school sees them (its own marks first). */
static const char *section_note(const ctx *c, const value *acts)
{
	long done = 0, late = 0;
	for (size_t i = 0; i < acts->n; i++) {
		const value *row = acts->items[i];
		const value *cls = v_get(row, "status_class");
		done += cls && str_eq(cls->s, "done");
		late += v_truthy(v_get(row, "overdue"));
	}
	buf b = BUF_INIT;
	ru_count(&b, (long)acts->n, "мероприятие", "мероприятия", "мероприятий");
	if (done) {
		buf_puts(&b, ", выполнено ");
		ru_int(&b, done);
	}
	if (late) {
		buf_puts(&b, ", просрочено ");
		ru_int(&b, late);
	}
	const char *r = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

/* The documents of ed with, per section, only the activities that concern sc
 * (each once: the page has no separate deadline table), in document order;
 * only those with shown[activity.index] when shown is not NULL (the embed's
 * nearest ones).  Sections and documents left empty are dropped.  Used by the
 * school page and its embed, so both group and number activities alike. */
static value *school_documents(const ctx *c, const edition *ed, const school *sc, const bool *shown, long *count)
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
				if (!activity_concerns(&sec->acts[i], sc) || (shown && !shown[sec->acts[i].index]))
					continue;
				value *av = v_push(a, acts, activity_view_school(c, &sec->acts[i], sc, true));
				v_sets(a, av, "doc_url", arena_printf(a, "%s#%s", link_near(c, document_path(a, doc)),
				                                      sec->acts[i].anchor));
				(*count)++;
			}
			if (!acts->n)
				continue;
			value *sv = v_push(a, secs, v_map(a));
			v_sets(a, sv, "number", sec->number);
			v_sets(a, sv, "title", sec->title);
			/* A section with an overdue activity is marked by the stylesheet
			 * (details.sec:has(em)); the note says how many. */
			v_sets(a, sv, "note", section_note(c, acts));
			v_set(a, sv, "activities", acts);
		}
		if (!secs->n)
			continue;
		value *dv = v_push(a, docs, v_map(a));
		v_sets(a, dv, "title", doc->title);
		v_sets(a, dv, "short_title", doc->short_title);
		v_sets(a, dv, "url", link_to(c, document_path(a, doc)));
		v_sets(a, dv, "deadline_label", doc->col_deadline);
		v_set(a, dv, "sections", secs);
	}
	return docs;
}

/* The upcoming-procedures block shared by the school page and its embed. */
static void set_next(const ctx *c, value *v, const edition *ed, const school *sc)
{
	value *next = v_set(c->a, v, "next", schedule_upcoming(c, ed, sc, NEXT_ASSESSMENTS));
	v_setb(c->a, v, "has_next", next->n > 0);
	v_setb(c->a, v, "has_schedule", schedule_count(ed, sc) > 0);
	v_sets(c->a, v, "schedule_url", link_near(c, schedule_path(c->a, ed, sc)));
}

static const char *embed_address(const ctx *c, const edition *ed, const school *sc)
{
	const char *path = arena_printf(c->a, "%sembed/", school_path(c->a, ed, sc));
	const char *base = c->s->base_url;
	if (!base)
		return NULL;
	return arena_printf(c->a, "%s%s%s", base, str_ends(base, "/") ? "" : "/", path);
}

value *view_school(const ctx *c)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = layout(c, sc->short_name, ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Школы", "schools/");
	crumb(c, v, sc->short_name, NULL);
	v_set(a, v, "school", school_card(c, sc));
	set_next(c, v, ed, sc);
	value *sum = v_set(a, v, "summary", school_results_summary(c, ed, sc, SUMMARY_RESULTS));
	v_setb(a, v, "has_summary", sum->n > 0);
	long count = 0;
	v_set(a, v, "documents", school_documents(c, ed, sc, NULL, &count));
	size_t ninds;
	ind_list(c->s->ind, &ninds);
	if (ninds)
		v_sets(a, v, "results_url", "results/index.html");
	v_sets(a, v, "calendar_url", "calendar.ics");
	v_sets(a, v, "embed_url", "embed/index.html");
	v_sets(a, v, "data_url", "data.json");
	v_sets(a, v, "embed_address", embed_address(c, ed, sc));
	v_sets(a, v, "embed_path", arena_printf(a, "%sembed/", school_path(a, ed, sc)));
	buf b = BUF_INIT;
	ru_count(&b, count, "мероприятие касается", "мероприятия касаются", "мероприятий касаются");
	buf_puts(&b, " школы");
	v_sets(a, v, "count", buf_cstr(&b));
	buf_free(&b);
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	v_sets(a, e, "url", link_to(c, edition_path(a, ed)));
	/* An edition's own page must not change when a new edition is added:
	 * the stable address lists the editions. */
	v_sets(a, v, "stable_url", link_to(c, arena_printf(a, "schools/%s/", sc->id)));
	return v;
}

/* /<edition>/schools/<id>/results/: every indicator of the school next to
 * the municipal value, and its rows of the results files; the school page
 * shows a short summary and links here. */
value *view_school_results(const ctx *c)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = school_subpage(c, arena_printf(a, "%s: показатели и результаты", sc->short_name),
	                          "Показатели и результаты");
	v_set(a, v, "school", school_card(c, sc));
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	v_sets(a, e, "url", link_to(c, edition_path(a, ed)));
	value *inds = v_set(a, v, "indicators", school_indicators(c, ed, sc));
	v_setb(a, v, "has_indicators", inds->n > 0);
	/* The verdict column only when a row has a verdict to show. */
	bool judged = false;
	for (size_t i = 0; i < inds->n && !judged; i++)
		judged = v_get(inds->items[i], "school_met") != NULL;
	v_setb(a, v, "judged", judged);
	value *res = v_set(a, v, "results", school_results(c, ed, sc));
	v_setb(a, v, "has_results", res->n > 0);
	return v;
}

/* /schools/<id>/: a short page that sends the reader to the current
 * edition's page of the school (rel=canonical, a refresh and a visible link)
 * and lists the editions. */
value *view_school_short(const ctx *c)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = layout(c, sc->short_name, NULL);
	crumb(c, v, "Школы", "schools/");
	crumb(c, v, sc->short_name, NULL);
	v_set(a, v, "school", school_card(c, sc));
	const char *to = link_to(c, school_path(a, ed, sc));
	v_sets(a, v, "canonical", to);
	v_sets(a, v, "refresh", to);
	value *cur = v_set(a, v, "edition", v_map(a));
	v_sets(a, cur, "title", ed->title);
	v_sets(a, cur, "url", to);
	value *others = v_set(a, v, "other_editions", v_list(a));
	for (size_t i = c->s->neds; i-- > 0;) {
		const edition *o = &c->s->eds[i];
		if (o == ed)
			continue;
		value *it = v_push(a, others, v_map(a));
		v_sets(a, it, "title", o->title);
		v_sets(a, it, "url", link_to(c, school_path(a, o, sc)));
	}
	v_setb(a, v, "has_other_editions", others->n > 0);
	return v;
}

/* Activities of ed concerning sc that are neither done nor cancelled, by
 * deadline: the embed shows the first EMBED_ACTIVITIES. */
static bool open_activity(const activity *act, date today)
{
	(void)today;
	return act->st == ST_PLANNED || act->st == ST_IN_PROGRESS;
}

/* /<edition>/schools/<id>/embed/: the school's upcoming procedures and open
 * activities without the site frame, for an <iframe> on the school's site.
 * The EMBED_ACTIVITIES open activities due first are shown grouped by
 * document and section as on the school page, so their numbers read as in
 * the document. */
value *view_school_embed(const ctx *c)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = v_map(a);
	v_sets(a, v, "assets", arena_printf(a, "%sassets/", c->root));
	v_sets(a, v, "site_title", c->s->title);
	v_setb(a, v, "demo", c->s->demo);
	v_sets(a, v, "today", ru_date_str(a, ed->as_of));
	v_set(a, v, "school", school_card(c, sc));
	v_sets(a, v, "school_url", link_to(c, school_path(a, ed, sc)));
	v_sets(a, v, "edition_title", ed->title);
	set_next(c, v, ed, sc);
	const activity **acts;
	size_t n = edition_activities(ed, sc, open_activity, ed->as_of, &acts);
	bool *shown = xcalloc(ed->nacts ? ed->nacts : 1, sizeof *shown);
	for (size_t i = 0; i < n && i < EMBED_ACTIVITIES; i++)
		shown[acts[i]->index] = true;
	free(acts);
	long count = 0;
	v_set(a, v, "documents", school_documents(c, ed, sc, shown, &count));
	free(shown);
	v_setb(a, v, "has_activities", n > 0);
	if (n > EMBED_ACTIVITIES) {
		buf b = BUF_INIT;
		buf_puts(&b, "Ещё ");
		ru_count(&b, (long)(n - EMBED_ACTIVITIES), "мероприятие", "мероприятия", "мероприятий");
		buf_puts(&b, " — на странице школы");
		v_sets(a, v, "more", buf_cstr(&b));
		buf_free(&b);
	}
	return v;
}
