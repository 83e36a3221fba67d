#include "svg.h"
#include "escape.h"

#include <math.h>
#include <string.h>

static void open_svg(buf *out, int w, int h, const char *cls, const char *alt)
{
	buf_printf(out, "<svg class=\"chart %s\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" aria-label=\"", cls,
	           w, h, w, h);
	escape_html(out, alt, strlen(alt));
	buf_puts(out, "\"><title>");
	escape_html(out, alt, strlen(alt));
	buf_puts(out, "</title>");
}

/* Range of the values (and target), padded so that bars and dots never touch
 * the edges; a flat series gets a unit range. */
static void range(const svg_point *pts, size_t n, bool has_t, double t, double *lo, double *hi)
{
	*lo = 0;
	*hi = has_t ? t : 0;
	for (size_t i = 0; i < n; i++)
		if (pts[i].has && pts[i].value > *hi)
			*hi = pts[i].value;
	for (size_t i = 0; i < n; i++)
		if (pts[i].has && pts[i].value < *lo)
			*lo = pts[i].value;
	if (*hi - *lo < 1e-9)
		*hi = *lo + 1;
}

void svg_sparkline(buf *out, const svg_point *pts, size_t n, const char *alt)
{
	const int w = 120, h = 32, pad = 4;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < n; i++)
		if (pts[i].has) {
			lo = fmin(lo, pts[i].value);
			hi = fmax(hi, pts[i].value);
		}
	open_svg(out, w, h, "sparkline", alt);
	if (isfinite(lo)) {
		if (hi - lo < 1e-9) {
			lo -= 1;
			hi += 1;
		}
		double dx = n > 1 ? (double)(w - 2 * pad) / (double)(n - 1) : 0;
		buf_puts(out, "<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\"");
		for (size_t i = 0; i < n; i++)
			if (pts[i].has)
				buf_printf(out, "%.1f,%.1f ", pad + dx * (double)i,
				           h - pad - (pts[i].value - lo) / (hi - lo) * (h - 2 * pad));
		buf_puts(out, "\"/>");
		for (size_t i = 0; i < n; i++)
			if (pts[i].has)
				buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"currentColor\"/>", pad + dx * (double)i,
				           h - pad - (pts[i].value - lo) / (hi - lo) * (h - 2 * pad));
	}
	buf_puts(out, "</svg>");
}

void svg_bars(buf *out, const svg_point *pts, size_t n, bool has_target, double target, const char *alt)
{
	const int h = 180, top = 10, bottom = 30, bw = 48, gap = 24;
	int w = (int)n * (bw + gap) + gap;
	if (w < 160)
		w = 160;
	double lo, hi;
	range(pts, n, has_target, target, &lo, &hi);
	double scale = (h - top - bottom) / (hi - lo);
	double base = h - bottom - (0 - lo) * scale;
	open_svg(out, w, h, "bars", alt);
	buf_printf(out, "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"currentColor\"/>", base, w, base);
	for (size_t i = 0; i < n; i++) {
		double x = gap + (double)i * (bw + gap);
		if (pts[i].has) {
			double y = h - bottom - (pts[i].value - lo) * scale;
			buf_printf(out, "<rect class=\"chart-bar\" x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"/>", x,
			           fmin(y, base), bw, fabs(base - y));
		}
		if (pts[i].label) {
			buf_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">", x + bw / 2.0,
			           h - 10);
			escape_html(out, pts[i].label, strlen(pts[i].label));
			buf_puts(out, "</text>");
		}
	}
	if (has_target) {
		double y = h - bottom - (target - lo) * scale;
		buf_printf(out,
		           "<line class=\"target\" x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"currentColor\" "
		           "stroke-dasharray=\"6 4\" stroke-width=\"2\"/>",
		           y, w, y);
	}
	buf_puts(out, "</svg>");
}

void svg_strip(buf *out, const double *vals, size_t n, double median, bool has_target, double target,
               const char *alt)
{
	const int w = 480, h = 60, pad = 12;
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		lo = fmin(lo, vals[i]);
		hi = fmax(hi, vals[i]);
	}
	if (has_target) {
		lo = fmin(lo, target);
		hi = fmax(hi, target);
	}
	if (!isfinite(lo))
		lo = 0, hi = 1;
	if (hi - lo < 1e-9)
		lo -= 1, hi += 1;
	double k = (w - 2 * pad) / (hi - lo);
	open_svg(out, w, h, "strip", alt);
	buf_printf(out, "<line x1=\"%d\" y1=\"30\" x2=\"%d\" y2=\"30\" stroke=\"currentColor\"/>", pad, w - pad);
	/* One dot per school: the paint is said once, on the group. */
	buf_puts(out, "<g fill=\"currentColor\" fill-opacity=\"0.6\">");
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "<circle cx=\"%.1f\" cy=\"30\" r=\"5\"/>", pad + (vals[i] - lo) * k);
	buf_puts(out, "</g>");
	if (n)
		buf_printf(out, "<line class=\"median\" x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"46\" stroke=\"currentColor\" "
		                "stroke-width=\"3\"/>",
		           pad + (median - lo) * k, pad + (median - lo) * k);
	if (has_target)
		buf_printf(out, "<line class=\"target\" x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"54\" stroke=\"currentColor\" "
		                "stroke-dasharray=\"4 3\" stroke-width=\"2\"/>",
		           pad + (target - lo) * k, pad + (target - lo) * k);
	buf_puts(out, "</svg>");
}
