/* diag.h — the one list of diagnostics of a run.
 *
 * Parsers and loaders never print: they append here and return a status.
 * Only main() prints (diag_print) and chooses the exit code.  Messages after the
 * "error:"/"warning:" word are Russian text for content authors.
 * The list owns copies of file and message strings. */
#ifndef ROADMAP_DIAG_H
#define ROADMAP_DIAG_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } diag_severity;

typedef struct diag {
	char *file;     /* path as shown to the user, relative to the content folder; may be "" */
	int line, col;  /* 1-based; 0 = unknown (then omitted when printed) */
	diag_severity sev;
	char *msg;
} diag;

typedef struct diag_list {
	diag *items;
	size_t n, cap;
	size_t errors, warnings;
} diag_list;

#define DIAG_LIST_INIT {NULL, 0, 0, 0, 0}

/* Cap on stored diagnostics: a broken 200 MB CSV must not produce 10^7 lines.
 * Counts keep growing past the cap; diag_print reports how many were dropped. */
enum { DIAG_MAX = 1000 };

void diag_add(diag_list *l, diag_severity sev, const char *file, int line, int col,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diag_vadd(diag_list *l, diag_severity sev, const char *file, int line, int col,
               const char *fmt, va_list ap);
/* Stable order: by file, line, column, then insertion. */
void diag_sort(diag_list *l);
/* "file:line:col: error: msg" lines; prefix (e.g. "content/") is prepended to file names. */
void diag_print(const diag_list *l, const char *prefix, FILE *out);
/* diag_print of the diagnostics at least as grave as worst (DIAG_ERROR: errors
 * only, for -q). */
void diag_print_upto(const diag_list *l, const char *prefix, diag_severity worst, FILE *out);
void diag_list_free(diag_list *l);

#endif
