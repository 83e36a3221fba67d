/* Indicator figures as Russian text: units that agree with the number,
 * signed changes, percentage points. */
#include "ind_format.h"
#include "ru.h"

#include <math.h>
#include <string.h>

#define NBSP "\xC2\xA0"

/* The unit after a number already written as rounded: «балл» agrees with the
 * number; «ед.» is what a bare number means and is left out. */
static void put_unit(buf *out, const indicator *ind, double rounded)
{
	const char *u = ind->unit ? ind->unit : "";
	if (!*u || !strcmp(u, "ед."))
		return;
	if (!strcmp(u, "балл")) {
		/* Fractions take the genitive singular: «4,2 балла». */
		const char *w = rounded != floor(rounded) ? "балла" : ru_plural((long)fabs(rounded), "балл", "балла", "баллов");
		buf_printf(out, NBSP "%s", w);
		return;
	}
	buf_printf(out, NBSP "%s", u);
}

static double round1(double v)
{
	return round(v * 10) / 10;
}

void ind_format_value(buf *out, const indicator *ind, double v)
{
	ru_num(out, v, 1);
	put_unit(out, ind, round1(v));
}

void ind_format_change(buf *out, const indicator *ind, double delta)
{
	double r = round1(delta);
	if (r > 0)
		buf_putc(out, '+');
	ru_num(out, delta, 1);
	if (ind->unit && !strcmp(ind->unit, "%"))
		buf_puts(out, NBSP "п.п.");
	else
		put_unit(out, ind, r);
}
