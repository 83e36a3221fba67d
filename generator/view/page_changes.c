/* What changed in an edition against the previous one (derived in editions.c). */
#include "page_changes.h"
#include "page_common.h"
#include "buf.h"
#include "ru.h"
#include "util.h"

static const char *responsible_text(arena *a, const activity *act)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < act->nresponsible; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", act->responsible[i]);
	const char *s = arena_strdup(a, act->nresponsible ? buf_cstr(&b) : "не указаны");
	buf_free(&b);
	return s;
}

static value *changed_view(const ctx *c, const change *ch)
{
	arena *a = c->a;
	value *v = activity_view(c, ch->now, true);
	v_set(a, v, "before", activity_view(c, ch->before, true));
	v_setb(a, v, "reworded", ch->reworded);
	v_setb(a, v, "deadline_changed", ch->deadline_changed);
	v_setb(a, v, "responsible_changed", ch->responsible_changed);
	v_sets(a, v, "responsible_now", responsible_text(a, ch->now));
	v_sets(a, v, "responsible_before", responsible_text(a, ch->before));
	return v;
}

/* «Добавлено 3 мероприятия, исключено 1, изменено 2». */
const char *changes_summary(arena *a, const edition *ed)
{
	buf b = BUF_INIT;
	buf_puts(&b, "Добавлено ");
	ru_count(&b, (long)ed->nadded, "мероприятие", "мероприятия", "мероприятий");
	buf_puts(&b, ", исключено ");
	ru_int(&b, (long)ed->nremoved);
	buf_puts(&b, ", изменено ");
	ru_int(&b, (long)ed->nchanged);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

value *view_changes(const ctx *c)
{
	const edition *ed = c->j->ed;
	arena *a = c->a;
	value *v = layout(c, arena_printf(a, "Изменения в редакции %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Изменения", NULL);
	value *added = v_set(a, v, "added", v_list(a)), *removed = v_set(a, v, "removed", v_list(a));
	value *changed = v_set(a, v, "changed", v_list(a));
	for (size_t i = 0; i < ed->nchanges; i++) {
		const change *ch = &ed->changes[i];
		if (ch->kind == CH_ADDED)
			v_push(a, added, activity_view(c, ch->now, true));
		else if (ch->kind == CH_REMOVED)
			v_push(a, removed, activity_view(c, ch->before, true));
		else
			v_push(a, changed, changed_view(c, ch));
	}
	v_setb(a, v, "has_added", added->n > 0);
	v_setb(a, v, "has_removed", removed->n > 0);
	v_setb(a, v, "has_changed", changed->n > 0);
	v_sets(a, v, "summary", changes_summary(a, ed));
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	value *p = v_set(a, v, "previous", v_map(a));
	v_sets(a, p, "title", ed->prev->title);
	v_sets(a, p, "url", link_to(c, edition_path(a, ed->prev)));
	return v;
}
