#include "diag.h"
#include "ru.h"
#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Messages quote content (a title, a deadline, a file name) and are printed
 * one per line to a terminal: control characters from content would break the
 * "file:line:col: error: …" line that editors parse, or be run by the terminal
 * (ESC sequences).  They are shown escaped instead: \n, \r, \x1B.  In place;
 * returns s (reallocated when it grows). */
static char *visible(char *s)
{
	size_t extra = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			extra += 3;
	if (!extra)
		return s;
	size_t n = strlen(s);
	char *out = xmalloc(n + extra + 1), *o = out;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' || *p == '\r') {
			*o++ = '\\';
			*o++ = *p == '\n' ? 'n' : 'r';
		} else if ((*p < 0x20 && *p != '\t') || *p == 0x7f) {
			o += snprintf(o, 5, "\\x%02X", *p);
		} else {
			*o++ = (char)*p;
		}
	}
	*o = '\0';
	free(s);
	return out;
}

void diag_vadd(diag_list *l, diag_severity sev, const char *file, int line, int col,
               const char *fmt, va_list ap)
{
	if (sev == DIAG_ERROR)
		l->errors++;
	else if (sev == DIAG_WARNING)
		l->warnings++;
	if (l->n >= DIAG_MAX)
		return;
	xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof(diag));
	diag *d = &l->items[l->n++];
	d->file = visible(xstrdup(file ? file : ""));
	d->line = line;
	d->col = col;
	d->sev = sev;
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	d->msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(d->msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	d->msg = visible(d->msg);
}

void diag_add(diag_list *l, diag_severity sev, const char *file, int line, int col,
              const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(l, sev, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_sort(diag_list *l)
{
	/* Insertion sort: stable (qsort is not), and lists are capped at DIAG_MAX. */
	for (size_t i = 1; i < l->n; i++) {
		diag t = l->items[i];
		size_t j = i;
		while (j > 0) {
			diag *p = &l->items[j - 1];
			int c = strcmp(p->file, t.file);
			if (!c)
				c = p->line != t.line ? (p->line < t.line ? -1 : 1)
				                      : (p->col != t.col ? (p->col < t.col ? -1 : 1) : 0);
			if (c <= 0)
				break;
			l->items[j] = *p;
			j--;
		}
		l->items[j] = t;
	}
}

static const char *sev_word(diag_severity s)
{
	return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

void diag_print(const diag_list *l, const char *prefix, FILE *out)
{
	diag_print_upto(l, prefix, DIAG_NOTE, out);
}

void diag_print_upto(const diag_list *l, const char *prefix, diag_severity worst, FILE *out)
{
	size_t kept = 0; /* errors and warnings printed, against the counts below */
	for (size_t i = 0; i < l->n; i++) {
		const diag *d = &l->items[i];
		if (d->sev > worst)
			continue;
		kept += d->sev != DIAG_NOTE;
		if (d->file[0])
			fprintf(out, "%s%s:", d->file[0] == '/' ? "" : (prefix ? prefix : ""), d->file);
		if (d->file[0] && d->line > 0) {
			fprintf(out, "%d:", d->line);
			if (d->col > 0)
				fprintf(out, "%d:", d->col);
		}
		fprintf(out, "%s%s: %s\n", d->file[0] ? " " : "", sev_word(d->sev), d->msg);
	}
	size_t total = worst == DIAG_ERROR ? l->errors : l->errors + l->warnings;
	if (total > kept)
		fprintf(out, "roadmap: ещё %zu %s не %s\n", total - kept,
		        ru_plural((long)(total - kept), "сообщение", "сообщения", "сообщений"),
		        ru_plural((long)(total - kept), "показано", "показаны", "показано"));
}

void diag_list_free(diag_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].file);
		free(l->items[i].msg);
	}
	free(l->items);
	l->items = NULL;
	l->n = l->cap = l->errors = l->warnings = 0;
}
