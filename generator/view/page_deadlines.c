/* Deadline tables: the edition's deadline page, the school's deadlines, and
 * the «Ближайшие сроки» block.  One grouping function serves all three. */
#include "page_deadlines.h"
#include "page_common.h"
#include "execution.h"
#include "buf.h"
#include "ru.h"
#include "schedule.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct keyed {
	const activity *a;
	long key;       /* sort key as a day number; undated sort last */
	long order;     /* document order, to make the order total */
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
	const keyed *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

size_t edition_activities(const edition *ed, const school *only, bool (*keep)(const activity *, date), date today,
                          const activity ***out)
{
	size_t n = 0, cap = 0;
	keyed *k = NULL;
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t s = 0; s < ed->docs[d].nsections; s++) {
			const section *sec = &ed->docs[d].sections[s];
			for (size_t i = 0; i < sec->nacts; i++) {
				const activity *a = &sec->acts[i];
				if ((only && !activity_concerns(a, only)) || (keep && !keep(a, today)))
					continue;
				xgrow((void **)&k, &cap, n + 1, sizeof(keyed));
				date key = dl_sort_key(&a->dl, today);
				k[n] = (keyed){a, date_is_set(key) ? date_to_days(key) : 1L << 40, (long)n};
				n++;
			}
		}
	xsort(k, n, sizeof(keyed), cmp_keyed);
	const activity **acts = xmalloc((n ? n : 1) * sizeof(activity *));
	for (size_t i = 0; i < n; i++)
		acts[i] = k[i].a;
	free(k);
	*out = acts;
	return n;
}

static value *new_group(const ctx *c, value *groups, const char *title, const char *anchor)
{
	value *g = v_push(c->a, groups, v_map(c->a));
	v_sets(c->a, g, "title", title);
	v_sets(c->a, g, "anchor", anchor);
	return v_set(c->a, g, "activities", v_list(c->a));
}

/* Month groups in date order, then the fixed groups in spec order. */
/* On a school's page a row shows the school's own status (or «статус по округу»). */
static value *row_view(const ctx *c, const activity *act)
{
	if (c->j->sc && (c->j->kind == PG_SCHOOL || c->j->kind == PG_SCHOOL_SHORT))
		return activity_view_school(c, act, c->j->sc, true);
	return activity_view(c, act, true);
}

value *deadline_groups(const ctx *c, const activity *const *acts, size_t n)
{
	arena *a = c->a;
	value *groups = v_list(a);
	value *fixed[DG_COUNT] = {0};
	int cur_y = 0, cur_m = 0;
	value *rows = NULL;
	for (size_t i = 0; i < n; i++) {
		dl_group g = dl_group_of(&acts[i]->dl);
		if (g != DG_MONTH)
			continue;
		date k = dl_sort_key(&acts[i]->dl, acts[i]->doc->ed->as_of);
		if (!rows || k.y != cur_y || k.m != cur_m) {
			buf b = BUF_INIT;
			ru_month_year(&b, k.y, k.m);
			rows = new_group(c, groups, buf_cstr(&b), arena_printf(a, "m-%04d-%02d", k.y, k.m));
			buf_free(&b);
			cur_y = k.y;
			cur_m = k.m;
		}
		v_push(a, rows, row_view(c, acts[i]));
	}
	static const char *const anchors[DG_COUNT] = {"", "period", "recurring", "schedule", "unknown"};
	for (int g = DG_PERIOD; g < DG_COUNT; g++)
		for (size_t i = 0; i < n; i++) {
			if ((int)dl_group_of(&acts[i]->dl) != g)
				continue;
			if (!fixed[g])
				fixed[g] = new_group(c, groups, dl_group_title((dl_group)g), anchors[g]);
			v_push(a, fixed[g], row_view(c, acts[i]));
		}
	return groups;
}

static bool keep_upcoming(const activity *a, date today)
{
	return act_upcoming(a, today);
}

value *upcoming_view(const ctx *c, const edition *ed)
{
	const activity **acts;
	size_t n = edition_activities(ed, NULL, keep_upcoming, ed->as_of, &acts);
	value *list = v_list(c->a);
	for (size_t i = 0; i < n; i++)
		v_push(c->a, list, activity_view(c, acts[i], true));
	free(acts);
	return list;
}

value *view_deadlines(const ctx *c)
{
	const edition *ed = c->j->ed;
	arena *a = c->a;
	value *v = layout(c, arena_printf(a, "Сроки мероприятий: %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Сроки", NULL);
	const activity **acts;
	size_t n = edition_activities(ed, NULL, NULL, ed->as_of, &acts);
	v_set(a, v, "groups", deadline_groups(c, acts, n));
	v_setb(a, v, "hide_caption", true); /* each table follows its own heading */
	free(acts);
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	v_sets(a, e, "calendar_url", link_to(c, arena_printf(a, "%s/calendar.ics", ed->id)));
	return v;
}
