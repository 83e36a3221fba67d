/* mustache.h — Mustache templates: parsed once at load, rendered many times.
 *
 * The language is the Mustache specification (tests/mustache-spec): variables
 * {{x}} (HTML-escaped), {{{x}}} and {{&x}} (raw), dotted names, the implicit
 * iterator {{.}}, sections {{#x}}…{{/x}}, inverted sections {{^x}}…{{/x}},
 * comments {{! … }}, partials {{>name}}, set-delimiter tags {{=<% %>=}}, and
 * template inheritance: parents {{<name}}…{{/name}} with blocks {{$b}}…{{/b}}.
 * Lambdas and dynamic names do not exist here: a view tree holds only data.
 *
 * Templates live in a set under names; partials and parents are looked up in
 * the set by name when rendering, so templates may be added in any order and
 * may refer to each other recursively.
 *
 * Threads: building a set (new, add, check, free) is single-threaded.  Once
 * every template is added, mustache_render() may run on the same set from any
 * number of threads at once: it reads the set and the view tree only and keeps
 * its state on the caller's stack. */
#ifndef ROADMAP_MUSTACHE_H
#define ROADMAP_MUSTACHE_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "diag.h"
#include "view.h"

typedef struct mustache_set mustache_set;

enum {
	/* A template source larger than this is rejected: themes are small, and a
	 * multi-megabyte "template" is a wrong file, not a page layout. */
	MUSTACHE_MAX_SIZE = 8 << 20,
	/* Sections, parents and blocks nested deeper than this in one template are
	 * rejected: it bounds the parser's and the renderer's recursion. */
	MUSTACHE_MAX_NESTING = 100,
	/* Partials, parents and block overrides expanded inside each other deeper
	 * than this stop the render.  Recursion through partials is legal (a tree
	 * of nested lists renders itself), but a partial that includes itself
	 * unconditionally would otherwise recurse until the stack overflows. */
	MUSTACHE_MAX_DEPTH = 100,
};

/* mustache_render() results. */
enum {
	MUSTACHE_OK = 0,
	MUSTACHE_ENOTFOUND = -1, /* no template of that name in the set */
	MUSTACHE_EDEPTH = -2,    /* partials nested deeper than MUSTACHE_MAX_DEPTH */
	MUSTACHE_ELIMIT = -3,    /* render took more steps than any real page does (runaway template) */
};

/* An empty set.  Never NULL (out of memory exits, see util.h).  Free with
 * mustache_set_free(). */
mustache_set *mustache_set_new(void);

/* Parses src[0..len) (copied; need not be NUL-terminated) and stores it under
 * name (copied).  file (copied) is the path shown in diagnostics.  A later add
 * under the same name replaces the earlier template.
 *
 * Returns 0, or -1 after appending one or more errors to dl, each at
 * file:line:col (lines 1-based, columns in UTF-8 characters): unclosed tag,
 * unclosed section/parent/block, closing tag that does not match, bad
 * set-delimiter tag, empty or malformed name, nesting too deep, invalid UTF-8,
 * template too large.  A template that failed is still stored, empty, so that
 * mustache_set_check_partials() does not report it a second time as missing.
 * Warnings (content inside {{<parent}} outside blocks, which is never shown)
 * may be appended even when 0 is returned. */
int mustache_set_add(mustache_set *s, const char *name, const char *file, const char *src, size_t len,
                     diag_list *dl);

/* True when a template of that name was added. */
bool mustache_set_has(const mustache_set *s, const char *name);

/* Appends an error at the position of every partial or parent tag whose
 * template is not in the set: the spec renders a missing partial as nothing,
 * so without this check a typo in a theme would silently drop part of a page.
 * Templates are visited in the order they were added.  Returns 0 when every
 * name resolves, -1 otherwise. */
int mustache_set_check_partials(const mustache_set *s, diag_list *dl);

/* Renders template `name` with ctx as the root of the context stack, appending
 * to out.  ctx may be NULL (every name is then missing).  Missing partials and
 * parents render as nothing (the spec; use mustache_set_check_partials).
 * Returns MUSTACHE_OK, MUSTACHE_ENOTFOUND (nothing appended), or
 * MUSTACHE_EDEPTH / MUSTACHE_ELIMIT, after which out holds a truncated page
 * that must not be written.  Reentrant: see the threads note above. */
int mustache_render(const mustache_set *s, const char *name, const value *ctx, buf *out);

/* A Russian sentence explaining a mustache_render() result, for messages. */
const char *mustache_strerror(int rc);

/* Frees the set and every template in it; NULL is ignored. */
void mustache_set_free(mustache_set *s);

#endif
