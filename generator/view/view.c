#include "view.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static value *node(arena *a, vkind k)
{
	value *v = arena_alloc(a, sizeof(value));
	v->kind = k;
	return v;
}

value *v_null(arena *a)
{
	return node(a, V_NULL);
}

value *v_bool(arena *a, bool b)
{
	value *v = node(a, V_BOOL);
	v->b = b;
	return v;
}

value *v_strn(arena *a, const char *s, size_t n)
{
	value *v = node(a, V_STR);
	v->s = arena_strndup(a, s, n);
	return v;
}

value *v_str(arena *a, const char *s)
{
	return s ? v_strn(a, s, strlen(s)) : v_null(a);
}

value *v_strf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	value *v = node(a, V_STR);
	char *s = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(s, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	v->s = s;
	return v;
}

value *v_int(arena *a, long n)
{
	return v_strf(a, "%ld", n);
}

value *v_list(arena *a)
{
	return node(a, V_LIST);
}

value *v_map(arena *a)
{
	return node(a, V_MAP);
}

/* Arena memory cannot be realloc'ed: grow by copying into a new block (the old
 * one is simply abandoned to the arena). Doubling keeps this amortized O(1). */
static void grow(arena *a, value *c)
{
	if (c->n < c->cap)
		return;
	size_t cap = c->cap ? c->cap * 2 : 4;
	value **items = arena_alloc(a, cap * sizeof(value *));
	if (c->n)
		memcpy(items, c->items, c->n * sizeof(value *));
	c->items = items;
	if (c->kind == V_MAP) {
		const char **keys = arena_alloc(a, cap * sizeof(char *));
		if (c->n)
			memcpy(keys, c->keys, c->n * sizeof(char *));
		c->keys = keys;
	}
	c->cap = cap;
}

value *v_push(arena *a, value *list, value *v)
{
	grow(a, list);
	list->items[list->n++] = v;
	return v;
}

/* First byte first: most keys of a map differ there (every v_set and v_get
 * scans the map, so this is on every page's hot path). */
static bool key_is(const char *k, const char *key)
{
	return k[0] == key[0] && !strcmp(k, key);
}

value *v_set(arena *a, value *map, const char *key, value *v)
{
	for (size_t i = 0; i < map->n; i++) {
		if (key_is(map->keys[i], key)) {
			map->items[i] = v;
			return v;
		}
	}
	grow(a, map);
	map->keys[map->n] = arena_strdup(a, key);
	map->items[map->n++] = v;
	return v;
}

value *v_copy(arena *a, const value *map)
{
	value *v = node(a, map->kind);
	*v = *map;
	if (map->n) {
		v->items = arena_alloc(a, map->n * sizeof(value *));
		memcpy(v->items, map->items, map->n * sizeof(value *));
		if (map->keys) {
			v->keys = arena_alloc(a, map->n * sizeof(char *));
			memcpy(v->keys, map->keys, map->n * sizeof(char *));
		}
	}
	v->cap = map->n;
	return v;
}

void v_sets(arena *a, value *map, const char *key, const char *s)
{
	v_set(a, map, key, v_str(a, s));
}

void v_setb(arena *a, value *map, const char *key, bool b)
{
	v_set(a, map, key, v_bool(a, b));
}

const value *v_get(const value *map, const char *key)
{
	if (!map || map->kind != V_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (key_is(map->keys[i], key))
			return map->items[i];
	return NULL;
}

bool v_truthy(const value *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case V_NULL: return false;
	case V_BOOL: return v->b;
	case V_LIST: return v->n > 0;
	default: return true;
	}
}
