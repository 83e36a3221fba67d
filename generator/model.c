#include "model.h"

#include <string.h>

const char *status_name(status s)
{
	static const char *const n[] = {"planned", "in-progress", "done", "cancelled"};
	return s < ST_COUNT ? n[s] : "";
}

const char *status_label(status s)
{
	static const char *const n[] = {"Запланировано", "Выполняется", "Выполнено", "Отменено"};
	return s < ST_COUNT ? n[s] : "";
}

const char *status_label_lc(status s)
{
	static const char *const n[] = {"запланировано", "выполняется", "выполнено", "отменено"};
	return s < ST_COUNT ? n[s] : "";
}

school *site_school(const site *s, const char *id)
{
	for (size_t i = 0; i < s->nschools; i++)
		if (!strcmp(s->schools[i].id, id))
			return &s->schools[i];
	return NULL;
}

bool activity_concerns(const activity *a, const school *sc)
{
	if (a->all_schools)
		return true;
	for (size_t i = 0; i < a->nschools; i++)
		if (a->schools[i] == sc)
			return true;
	return false;
}

const char *site_group_title(const site *s, const char *g)
{
	for (size_t i = 0; i < s->ngroups; i++)
		if (!strcmp(s->groups[i].id, g))
			return s->groups[i].public ? s->groups[i].title : NULL;
	return NULL;
}
