/* yamlread.h — YAML file → positioned tree (libyaml events).
 *
 * Every node keeps the line and column (1-based, column in characters) where it
 * starts, so loaders can say exactly where a value is wrong.  All nodes and
 * strings are allocated in the caller's arena.
 *
 * Limits (hostile or broken input must not eat memory or stack):
 *  - nesting deeper than YAML_MAX_DEPTH is an error (real documents use < 10);
 *  - aliases are refused outright: content files never need them, and expanding
 *    them is how "billion laughs" bombs work;
 *  - files larger than YAML_MAX_BYTES are refused before being read;
 *  - more than YAML_MAX_NODES values (scalars, lists, maps) in one file is an
 *    error: each costs ~100 bytes of tree, so 16 MiB of "[a,a,a,…" would
 *    otherwise take 800 MB; the largest real document has ~10 000. */
#ifndef ROADMAP_YAMLREAD_H
#define ROADMAP_YAMLREAD_H

#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "diag.h"

enum { YAML_MAX_DEPTH = 64, YAML_MAX_BYTES = 16 * 1024 * 1024, YAML_MAX_NODES = 1000000 };

typedef enum { Y_SCALAR, Y_SEQ, Y_MAP } ykind;

typedef struct ynode ynode;
struct ynode {
	ykind kind;
	int line, col;
	const char *file;   /* display name, shared */
	const char *s;      /* Y_SCALAR: value, UTF-8 */
	bool plain;         /* Y_SCALAR: unquoted (so `true`, `null`, `12` may be typed) */
	size_t n;           /* Y_SEQ/Y_MAP: number of items */
	ynode **items;      /* Y_SEQ: items; Y_MAP: values */
	ynode **keys;       /* Y_MAP: keys (scalars) parallel to items */
};

/* Parses len bytes of data.  Returns the root (an empty map for an empty
 * document) or NULL after appending errors to dl.  A file with several
 * documents, a key repeated in one map, a non-scalar key, an alias or invalid
 * UTF-8 is an error. */
ynode *yaml_parse(arena *a, const char *file, const char *data, size_t len, diag_list *dl);
/* Reads path (shown as `file` in messages) and parses it; NULL on any error. */
ynode *yaml_load(arena *a, const char *path, const char *file, diag_list *dl);

/* Value for key in a map, NULL if absent (or m is not a map). */
ynode *y_get(const ynode *m, const char *key);
/* Scalar is a YAML null (`~`, `null`, empty plain). */
bool y_is_null(const ynode *n);

#endif
