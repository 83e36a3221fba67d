#include "model.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *status_name(status s)
{
	static const char *const n[] = {"planned", "in-progress", "done", "partial", "not-done", "postponed", "cancelled"};
	return s < ST_COUNT ? n[s] : "";
}

const char *status_label(status s)
{
	static const char *const n[] = {"Запланировано", "Выполняется", "Исполнено", "Исполнено частично", "Не исполнено",
	                                     "Перенесено", "Отменено"};
	return s < ST_COUNT ? n[s] : "";
}

const char *status_label_lc(status s)
{
	static const char *const n[] = {"запланировано", "выполняется", "исполнено", "исполнено частично", "не исполнено",
	                                     "перенесено", "отменено"};
	return s < ST_COUNT ? n[s] : "";
}

static int cmp_id_key(const void *key, const void *elem)
{
	return strcmp(key, (*(school *const *)elem)->id);
}

status status_parse(const char *word, bool *ok)
{
	/* The English words of the YAML and the words schools type in tables. */
	static const char *const ru[ST_COUNT][4] = {
		{"запланировано", "планируется", NULL},
		{"выполняется", "в работе", "в процессе", NULL},
		{"исполнено", "выполнено", "да", NULL},
		{"частично", "исполнено частично", "выполнено частично", NULL},
		{"не исполнено", "не выполнено", "нет", NULL},
		{"перенесено", "перенесен", "перенос", NULL},
		{"отменено", "отменен", NULL},
	};
	*ok = true;
	char *k = utf8_key(word ? word : "");
	status found = ST_COUNT;
	for (int s = 0; s < ST_COUNT && found == ST_COUNT; s++) {
		if (!strcmp(k, status_name((status)s)))
			found = (status)s;
		for (int i = 0; ru[s][i] && found == ST_COUNT; i++)
			if (!strcmp(k, ru[s][i]))
				found = (status)s;
	}
	free(k);
	if (found == ST_COUNT) {
		*ok = false;
		return ST_PLANNED;
	}
	return found;
}

school *site_school(const site *s, const char *id)
{
	if (!id)
		return NULL;
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
	char *k = utf8_fold(s, strlen(s), UTF8_FOLD_YO);
	return k ? k : xstrdup(s);
}

static int folded_cmp(const char *a, const char *b)
{
	char *ka = order_key(a ? a : ""), *kb = order_key(b ? b : "");
	int r = str_natcmp(ka, kb);
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

const char *site_group_title(const site *s, const char *g)
{
	for (size_t i = 0; i < s->ngroups; i++)
		if (!strcmp(s->groups[i].id, g))
			return s->groups[i].public ? s->groups[i].title : NULL;
	return NULL;
}
