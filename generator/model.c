#include "model.h"

#include <stdlib.h>
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

static int cmp_school_id(const void *key, const void *elem)
{
	return strcmp(key, ((const school *)elem)->id);
}

school *site_school(const site *s, const char *id)
{
	if (!s->nschools || !id)
		return NULL;
	return bsearch(id, s->schools, s->nschools, sizeof(school), cmp_school_id);
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
