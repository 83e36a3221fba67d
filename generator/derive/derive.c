#include "derive.h"
#include "editions.h"
#include "execution.h"
#include "indicators.h"
#include "progress.h"

/* edition.as_of: an archived edition is frozen at its end. */
static void editions_as_of(site *s)
{
	for (size_t e = 0; e < s->neds; e++) {
		edition *ed = &s->eds[e];
		bool over = date_is_set(ed->end) && date_is_set(s->today) && date_cmp(s->today, ed->end) > 0;
		ed->as_of = over && ed != s->current ? date_add_days(ed->end, 1) : s->today;
	}
}

void site_derive(site *s, diag_list *dl)
{
	editions_as_of(s);
	execution_derive(s, dl);
	progress_derive(s);
	indicators_derive(s->ind, s);
	editions_derive(s);
}
