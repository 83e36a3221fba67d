/* svg.h — small inline SVG charts, generated in C, no JavaScript.
 *
 * Every chart is an <svg role="img"> whose aria-label is the text alternative
 * given by the caller (the numbers in words), so a screen reader reads the
 * figures, and the page also shows them as text next to the chart.  Labels
 * are escaped; coordinates are printed in the C locale (we never call
 * setlocale), so output is reproducible. */
#ifndef ROADMAP_SVG_H
#define ROADMAP_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"

typedef struct svg_point {
	const char *label;   /* x label, e.g. "2021/22"; may be NULL for sparklines */
	bool has;            /* a published value exists */
	double value;
} svg_point;

/* A trend: a sparkline (small, no labels) or a bar chart with labels and an
 * optional dashed target line. */
void svg_sparkline(buf *out, const svg_point *pts, size_t n, const char *alt);
void svg_bars(buf *out, const svg_point *pts, size_t n, bool has_target, double target, const char *alt);
/* Distribution of values on one axis: a dot per value (no names: nothing to
 * rank), the median marked, the target as a line. */
void svg_strip(buf *out, const double *vals, size_t n, double median, bool has_target, double target,
               const char *alt);

#endif
