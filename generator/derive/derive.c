#include "derive.h"
#include "editions.h"
#include "execution.h"
#include "indicators.h"

void site_derive(site *s, diag_list *dl)
{
	execution_derive(s, dl);
	indicators_derive(s->ind, s);
	editions_derive(s);
}
