#include "progress.h"
#include "execution.h"

static void add(progress *to, const progress *p)
{
	for (int k = 0; k < ST_COUNT; k++)
		to->n[k] += p->n[k];
	to->overdue += p->overdue;
	to->total += p->total;
}

void progress_derive(site *s)
{
	for (size_t e = 0; e < s->neds; e++) {
		edition *ed = &s->eds[e];
		ed->prog = (progress){0};
		ed->nacts = 0;
		for (size_t d = 0; d < ed->ndocs; d++) {
			document *doc = &ed->docs[d];
			doc->prog = (progress){0};
			for (size_t k = 0; k < doc->nsections; k++) {
				section *sec = &doc->sections[k];
				sec->prog = (progress){0};
				for (size_t i = 0; i < sec->nacts; i++) {
					sec->acts[i].index = ed->nacts++;
					/* Overdue is a state of its own in the counts: the bar's parts must add up. */
					if (act_overdue(&sec->acts[i], ed->as_of))
						sec->prog.overdue++;
					else
						sec->prog.n[sec->acts[i].st]++;
					sec->prog.total++;
				}
				add(&doc->prog, &sec->prog);
			}
			add(&ed->prog, &doc->prog);
		}
	}
}
