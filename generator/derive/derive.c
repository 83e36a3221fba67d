#include "derive.h"
#include "editions.h"
#include "execution.h"
#include "indicators.h"
#include "progress.h"

void site_derive(site *s, diag_list *dl)
{
	execution_derive(s, dl);
	progress_derive(s);
	indicators_derive(s->ind, s);
	editions_derive(s);
}
