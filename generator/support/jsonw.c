#include "jsonw.h"
#include "escape.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void jw_init(jw *w, buf *out, int indent)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->indent = indent;
}

static void newline(jw *w)
{
	buf_putc(w->out, '\n');
	for (int i = 0; i < w->depth * w->indent; i++)
		buf_putc(w->out, ' ');
}

/* Before any value or key: the comma and line break of its place, unless
 * it is a value following its key. */
static void item(jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (!w->first[w->depth])
		buf_putc(w->out, ',');
	w->first[w->depth] = false;
	if (w->indent)
		newline(w);
}

static void open_level(jw *w, char open, char close)
{
	item(w);
	buf_putc(w->out, open);
	if (w->depth + 1 >= JW_DEPTH)
		abort(); /* a programming error: the exports nest five levels */
	w->depth++;
	w->first[w->depth] = true;
	w->close[w->depth] = close;
}

void jw_obj(jw *w)
{
	open_level(w, '{', '}');
}

void jw_arr(jw *w)
{
	open_level(w, '[', ']');
}

void jw_end(jw *w)
{
	char close = w->close[w->depth];
	bool empty = w->first[w->depth];
	w->depth--;
	if (w->indent && !empty)
		newline(w);
	buf_putc(w->out, close);
}

void jw_key(jw *w, const char *key)
{
	item(w);
	buf_putc(w->out, '"');
	buf_puts(w->out, key);
	buf_puts(w->out, w->indent ? "\": " : "\":");
	w->after_key = true;
}

void jw_str(jw *w, const char *s)
{
	item(w);
	json_quote(w->out, s);
}

void jw_int(jw *w, long v)
{
	item(w);
	char tmp[24], *p = tmp + sizeof tmp;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	buf_put(w->out, p, (size_t)(tmp + sizeof tmp - p));
}

/* As jansson writes a real with JSON_REAL_PRECISION(6): %.6g, with ".0"
 * added when that looks like an integer, and no '+' or leading zeros in the
 * exponent. */
void jw_num(jw *w, double v)
{
	if (v == floor(v) && fabs(v) < 9e15) {
		jw_int(w, (long)v);
		return;
	}
	item(w);
	if (v != v || isinf(v)) { /* JSON has no NaN or infinity */
		buf_puts(w->out, "null");
		return;
	}
	char tmp[40];
	int n = snprintf(tmp, sizeof tmp - 2, "%.6g", v);
	if (!strchr(tmp, '.') && !strchr(tmp, 'e')) {
		memcpy(tmp + n, ".0", 3);
		n += 2;
	}
	char *e = strchr(tmp, 'e');
	if (e) {
		char *from = e + 1, *to = e + 1;
		if (*from == '-')
			from++, to++;
		else if (*from == '+')
			from++;
		while (*from == '0' && from[1])
			from++;
		memmove(to, from, strlen(from) + 1);
		n = (int)strlen(tmp);
	}
	buf_put(w->out, tmp, (size_t)n);
}

void jw_bool(jw *w, bool v)
{
	item(w);
	buf_puts(w->out, v ? "true" : "false");
}

void jw_null(jw *w)
{
	item(w);
	buf_puts(w->out, "null");
}

void jw_kstr(jw *w, const char *key, const char *s)
{
	jw_key(w, key);
	jw_str(w, s);
}

void jw_knum(jw *w, const char *key, double v)
{
	jw_key(w, key);
	jw_num(w, v);
}

void jw_kbool(jw *w, const char *key, bool v)
{
	jw_key(w, key);
	jw_bool(w, v);
}

void jw_raw(jw *w, const char *json, size_t n)
{
	item(w);
	buf_put(w->out, json, n);
}
