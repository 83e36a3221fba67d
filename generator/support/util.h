/* util.h — allocation that never fails (xmalloc family) and small string helpers.
 *
 * Contract: every x* function either returns usable memory or, on out-of-memory,
 * prints one line to stderr and exits with status 3.  This is the only place in
 * the library allowed to call exit().  Memory returned is owned by the caller
 * and released with free(). */
#ifndef ROADMAP_UTIL_H
#define ROADMAP_UTIL_H

#include <stddef.h>
#include <stdbool.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh heap string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (each of size `size`) so that at least `need` fit; *cap updated. */
void xgrow(void **items, size_t *cap, size_t need, size_t size);

/* qsort that accepts an empty or NULL array (qsort(NULL, 0, …) is undefined). */
void xsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

bool str_eq(const char *a, const char *b);          /* NULL-safe equality */
bool str_starts(const char *s, const char *prefix);
bool str_ends(const char *s, const char *suffix);
/* s is one of the NULL-terminated list (strcmp). */
bool str_in(const char *s, const char *const *list);
/* Natural order of names: runs of digits compare as numbers, so «СШ № 2»
 * sorts before «СШ № 13»; other bytes compare as unsigned chars. */
int str_natcmp(const char *a, const char *b);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
