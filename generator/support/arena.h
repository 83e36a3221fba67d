/* arena.h — per-build region allocator.
 *
 * Content loaded for a build lives until the build ends; rather than track each
 * string, it is allocated from one arena and released at once by arena_free().
 * Pointers returned stay valid until arena_free().  Not thread-safe: allocate
 * only during load/derive, which are single-threaded. */
#ifndef ROADMAP_ARENA_H
#define ROADMAP_ARENA_H

#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t n);              /* zeroed, aligned for any type */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);        /* NULL stays NULL */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
