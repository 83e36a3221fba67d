#define _GNU_SOURCE /* memmem */
/* fuzz_mustache.c — libFuzzer target for the Mustache engine (mustache.c).
 *
 * The input holds up to four templates separated by NUL bytes, named t0..t3
 * (so partials {{>t1}} and parents {{<t2}} resolve), each parsed with
 * mustache_set_add; partial references are checked; then every template is
 * rendered against a fixed view tree with nested maps and lists, booleans,
 * null and strings full of markup.  Checks: a failed render result is one of
 * the documented codes; and the render of a template that holds no raw tag
 * (no '&', no "{{{") and no set-delimiter tag (no '=') contains no '<' that did not
 * come from the template text (values are HTML-escaped). */
#include "mustache.h"
#include "view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static value *make_view(arena *a)
{
	value *root = v_map(a);
	v_sets(a, root, "name", "<b>\"x\" & 'y'</b>");
	v_sets(a, root, "empty", "");
	v_set(a, root, "none", v_null(a));
	v_setb(a, root, "yes", true);
	v_setb(a, root, "no", false);
	v_set(a, root, "n", v_int(a, 42));
	value *m = v_set(a, root, "m", v_map(a));
	v_sets(a, m, "a", "<script>alert(1)</script>");
	value *mm = v_set(a, m, "m", v_map(a));
	v_sets(a, mm, "b", "</textarea><img src=x onerror=alert(1)>");
	v_set(a, mm, "m", root); /* cycles are fine for a read-only walk */
	value *list = v_set(a, root, "list", v_list(a));
	for (int i = 0; i < 3; i++) {
		value *it = v_push(a, list, v_map(a));
		v_set(a, it, "i", v_int(a, i));
		v_sets(a, it, "name", i == 1 ? "<i>" : "item");
		value *sub = v_set(a, it, "list", v_list(a));
		v_push(a, sub, v_str(a, "<u>"));
		v_push(a, sub, v_bool(a, i & 1));
	}
	v_set(a, root, "strs", v_list(a));
	v_push(a, (value *)v_get(root, "strs"), v_str(a, "a<b"));
	v_push(a, (value *)v_get(root, "strs"), v_str(a, "c>d"));
	v_set(a, root, "nil", v_list(a));
	return root;
}

static size_t count_lt(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '<';
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[4] = {"t0", "t1", "t2", "t3"};
	const char *parts[4];
	size_t lens[4];
	int np = 0;
	const char *p = (const char *)data, *end = p + size;
	while (np < 4) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		parts[np] = p;
		lens[np] = z ? (size_t)(z - p) : (size_t)(end - p);
		np++;
		if (!z)
			break;
		p = z + 1;
	}
	mustache_set *s = mustache_set_new();
	diag_list dl = DIAG_LIST_INIT;
	bool ok[4] = {false};
	for (int i = 0; i < np; i++)
		ok[i] = mustache_set_add(s, names[i], names[i], parts[i], lens[i], &dl) == 0;
	mustache_set_check_partials(s, &dl);
	mustache_set_has(s, "t9");
	arena *a = arena_new();
	value *view = make_view(a);
	/* Upper bound of '<' a render can hold without a raw value: the template
	 * texts' own '<' repeated, which sections and partials may multiply. */
	bool escaped_only = true;
	size_t lt_src = 0;
	for (int i = 0; i < np; i++) {
		lt_src += count_lt(parts[i], lens[i]);
		if (memmem(parts[i], lens[i], "{{{", 3) || memchr(parts[i], '&', lens[i]) ||
		    memchr(parts[i], '=', lens[i]))
			escaped_only = false;
	}
	for (int i = 0; i < np; i++) {
		buf out = BUF_INIT;
		int rc = mustache_render(s, names[i], view, &out);
		if (rc != MUSTACHE_OK && rc != MUSTACHE_EDEPTH && rc != MUSTACHE_ELIMIT)
			abort();
		mustache_strerror(rc);
		if (rc == MUSTACHE_OK && ok[i] && escaped_only && lt_src == 0 && count_lt(out.data ? out.data : "", out.len))
			abort(); /* a '<' from a value came out unescaped */
		buf_free(&out);
	}
	buf null_out = BUF_INIT;
	mustache_render(s, "t0", NULL, &null_out);
	buf_free(&null_out);
	if (mustache_render(s, "nope", view, &null_out) != MUSTACHE_ENOTFOUND)
		abort();
	buf_free(&null_out);
	arena_free(a);
	diag_list_free(&dl);
	mustache_set_free(s);
	return 0;
}
