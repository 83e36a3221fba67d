/* view.h — the value tree a template sees (maps, lists, strings, booleans).
 *
 * Page builders turn the read-only model into a view tree with all text already
 * formatted in Russian; the Mustache engine renders it.  Neither knows the other.
 *
 * Ownership: every node and every string of a tree is allocated from the arena
 * passed to the constructors (strings are copied), so a whole page's view is
 * released at once with arena_free().  Trees are immutable once rendering
 * starts and can be read from several threads. */
#ifndef ROADMAP_VIEW_H
#define ROADMAP_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"

typedef enum { V_NULL, V_BOOL, V_STR, V_LIST, V_MAP } vkind;

typedef struct value value;
struct value {
	vkind kind;
	bool b;             /* V_BOOL */
	const char *s;      /* V_STR: UTF-8, NUL-terminated */
	size_t n, cap;      /* V_LIST, V_MAP: number of items */
	value **items;      /* V_LIST, V_MAP: the values */
	const char **keys;  /* V_MAP: keys parallel to items */
};

value *v_null(arena *a);
value *v_bool(arena *a, bool b);
value *v_str(arena *a, const char *s);             /* NULL s gives V_NULL */
value *v_strn(arena *a, const char *s, size_t n);
value *v_strf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
value *v_int(arena *a, long n);                    /* decimal string */
value *v_list(arena *a);
value *v_map(arena *a);
/* Appends v to list; returns v. */
value *v_push(arena *a, value *list, value *v);
/* Sets key (copied) in map, replacing an existing key; returns v. */
value *v_set(arena *a, value *map, const char *key, value *v);
/* Convenience: v_set(a, map, key, v_str(a, s)).  A NULL s sets the key to
 * null rather than leaving it out, so that a template looking the key up does
 * not fall through to a same-named key of an enclosing context. */
void v_sets(arena *a, value *map, const char *key, const char *s);
void v_setb(arena *a, value *map, const char *key, bool b);
/* A shallow copy of map (or list) in a: its own arrays of keys and items, so
 * that v_set on the copy leaves map alone, sharing the key strings and the
 * values themselves (which must then stay unchanged). */
value *v_copy(arena *a, const value *map);
/* Lookup of one key (no dots); NULL when absent or map is not a map. */
const value *v_get(const value *map, const char *key);
/* Mustache truthiness: false for null, false, empty list; true otherwise
 * (the empty string is truthy, as the Mustache spec requires). */
bool v_truthy(const value *v);

#endif
