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

site *site_load(const char *root, date today, date fallback, diag_list *dl)
{
	arena *a = arena_new();
	site *s = arena_alloc(a, sizeof(site));
	s->arena = a;
	s->memo = memo_new();
	s->root = arena_strdup(a, root);
	s->today = today;
	s->min_group = 5;
	s->min_cell = 3;
	loader L = {s, a, dl, s->root, NULL, 0};
	if (!fs_is_dir(root)) {
		diag_add(dl, DIAG_ERROR, "", 0, 0,
		         "папка с содержимым «%s» не найдена: укажите её параметром -C ПАПКА или запустите roadmap "
		         "в папке, где лежит site.yaml", root);
		s->today = date_is_set(today) ? today : fallback;
		return s;
	}
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
