#include "load.h"
#include "loader.h"
#include "load_indicators.h"
#include "schedule_load.h"
#include "fields.h"
#include "frontmatter.h"
#include "fsutil.h"
#include "memo.h"
#include "utf8.h"
#include "util.h"
#include "buf.h"

#include <stdlib.h>
#include <string.h>

static int cmp_pages(const void *pa, const void *pb)
{
	const page *a = pa, *b = pb;
	if (a->weight != b->weight)
		return a->weight < b->weight ? -1 : 1;
	return strcmp(a->slug, b->slug);
}

/* An empty site for root; false (an error in dl) when root is no folder. */
static bool site_new(const char *root, date today, diag_list *dl, site **out)
{
	arena *a = arena_new();
	site *s = arena_alloc(a, sizeof(site));
	s->arena = a;
	s->memo = memo_new();
	s->root = arena_strdup(a, root);
	s->today = today;
	s->min_group = 5;
	s->min_cell = 3;
	*out = s;
	if (fs_is_dir(root))
		return true;
	diag_add(dl, DIAG_ERROR, "", 0, 0,
	         "папка с содержимым «%s» не найдена: укажите её параметром -C ПАПКА или запустите roadmap "
	         "в папке, где лежит site.yaml", root);
	return false;
}

site *site_load(const char *root, date today, date fallback, diag_list *dl)
{
	site *s;
	if (!site_new(root, today, dl, &s)) {
		s->today = date_is_set(today) ? today : fallback;
		return s;
	}
	loader L = {s, s->arena, dl, s->root, NULL, 0};
	load_site_yaml(&L);
	if (!date_is_set(s->today))
		s->today = date_is_set(s->as_of) ? s->as_of : fallback;
	load_schools(&L);
	load_pages(&L);
	if (s->npages) /* xsort(NULL, 0, …) is undefined */
		xsort(s->pages, s->npages, sizeof(page), cmp_pages);
	load_editions(&L);
	load_schedules(&L);
	load_marks_tables(&L);
	s->ind = indicators_load(&L);
	return s;
}

site *site_load_edition_time(const char *root, const char *id, diag_list *dl)
{
	site *s;
	if (!site_new(root, (date){0}, dl, &s))
		return s;
	loader L = {s, s->arena, dl, s->root, NULL, 0};
	load_site_yaml(&L);
	const char *want = id ? id : s->current ? s->current->id : NULL;
	s->current = NULL;
	char *dir = load_path(&L, "editions");
	char **names;
	int n = fs_list(dir, NULL, true, &names);
	free(dir);
	const char *found = NULL;
	buf known = BUF_INIT;
	for (int i = 0; i < n; i++) {
		date a, b;
		if (!deadline_edition_period(names[i], &a, &b))
			continue;
		buf_printf(&known, "%s%s", known.len ? ", " : "", names[i]);
		if (want ? !strcmp(names[i], want) : true) /* without a choice: the newest */
			found = arena_strdup(s->arena, names[i]);
	}
	if (found) {
		s->eds = arena_alloc(s->arena, sizeof(edition));
		s->neds = 1;
		load_edition_time(&L, &s->eds[0], found);
		s->current = &s->eds[0];
		s->current->current = true;
	} else if (want && !id) { /* as load_editions says it */
		diag_add(dl, DIAG_ERROR, s->current_at.file, s->current_at.line, s->current_at.col,
		         "поле «current_edition»: редакции «%s» нет в папке editions", want);
	} else if (want) {
		char *rel = xasprintf("editions/%s", want);
		diag_add(dl, DIAG_ERROR, rel, 0, 0, "редакции «%s» нет в папке editions%s%s", want,
		         known.len ? "; есть: " : "", buf_cstr(&known));
		free(rel);
	} else {
		diag_add(dl, DIAG_ERROR, "editions", 0, 0, "нет ни одной редакции (папки вида editions/2021-2022)");
	}
	buf_free(&known);
	if (n > 0)
		fs_names_free(names, n);
	return s;
}

void site_free(site *s)
{
	if (!s)
		return;
	for (size_t e = 0; e < s->neds; e++)
		deadline_free(&s->eds[e].report_due);
	for (size_t e = 0; e < s->neds; e++)
		for (size_t d = 0; d < s->eds[e].ndocs; d++)
			for (size_t k = 0; k < s->eds[e].docs[d].nsections; k++) {
				section *sec = &s->eds[e].docs[d].sections[k];
				for (size_t i = 0; i < sec->nacts; i++) {
					deadline_free(&sec->acts[i].dl);
					for (size_t m = 0; m < sec->acts[i].nmarks; m++)
						deadline_free(&sec->acts[i].marks[m].new_dl);
				}
			}
	memo_free(s->memo);
	arena_free(s->arena);
}
