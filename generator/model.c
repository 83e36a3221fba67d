#include "model.h"
#include "utf8.h"
#include "util.h"

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

static int cmp_id_key(const void *key, const void *elem)
{
	return strcmp(key, (*(school *const *)elem)->id);
}

school *site_school(const site *s, const char *id)
{
	if (s->by_id) {
		school **p = s->nschools ? bsearch(id, s->by_id, s->nschools, sizeof(school *), cmp_id_key) : NULL;
		return p ? *p : NULL;
	}
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

/* Folded copy for ordering (heap); the text itself when it is not UTF-8. */
static char *order_key(const char *s)
{
	char *k = utf8_fold(s, strlen(s));
	if (!k)
		return xstrdup(s);
	utf8_fold_yo(k);
	return k;
}

static int folded_cmp(const char *a, const char *b)
{
	char *ka = order_key(a ? a : ""), *kb = order_key(b ? b : "");
	int r = str_natural_cmp(ka, kb);
	free(ka);
	free(kb);
	return r;
}

int school_cmp(const school *a, const school *b)
{
	int r = folded_cmp(a->short_name ? a->short_name : a->id, b->short_name ? b->short_name : b->id);
	if (!r)
		r = folded_cmp(a->name, b->name);
	return r ? r : strcmp(a->id, b->id);
}
