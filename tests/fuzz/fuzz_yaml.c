/* fuzz_yaml.c — libFuzzer target for the YAML loader (yamlread.c).
 *
 * The input is a content file as read from disk: yaml_load's UTF-8 check
 * and then yaml_parse, whose tree is walked entirely (every string read, so
 * that a dangling pointer or a missing terminator shows under ASan) and
 * through the typed getters of fields.c that the loaders use. */
#include "fields.h"
#include "fsutil.h"
#include "yamlread.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static size_t walk(const ynode *n, int depth)
{
	if (!n)
		return 0;
	if (depth > YAML_MAX_DEPTH + 1 || n->line < 1 || n->col < 1 || !n->file)
		abort();
	size_t sum = 1;
	switch (n->kind) {
	case Y_SCALAR:
		sum += strlen(n->s);
		break;
	case Y_MAP:
		for (size_t i = 0; i < n->n; i++) {
			if (n->keys[i]->kind != Y_SCALAR)
				abort(); /* the contract: keys are scalars */
			sum += walk(n->keys[i], depth + 1);
		}
		/* fall through */
	case Y_SEQ:
		for (size_t i = 0; i < n->n; i++)
			sum += walk(n->items[i], depth + 1);
		break;
	}
	return sum;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	const char *d = (const char *)data;
	/* yaml_parse must also refuse invalid UTF-8 and NUL on its own. */
	ynode *raw = yaml_parse(a, "f.yaml", d, size, &dl);
	if (raw && dl.errors)
		abort(); /* a tree is returned only without errors */
	walk(raw, 1);
	if (fs_utf8_ok(d, size, "f.yaml", &dl)) {
		ynode *root = yaml_parse(a, "f.yaml", d, size, &dl);
		walk(root, 1);
		if (root && root->kind == Y_MAP) {
			static const char *const keys[] = {"title", "sections", "menu", NULL};
			f_check_keys(root, keys, "f", &dl);
			f_str(root, "title", true, "f", &dl);
			size_t n;
			f_str_list(a, root, "responsible", &n, &dl);
			f_date(root, "date", false, &dl);
			f_int(root, "weight", 0, -1000, 1000, &dl);
			f_bool(root, "menu", true, &dl);
			y_is_null(y_get(root, "x"));
		}
	}
	diag_list_free(&dl);
	arena_free(a);
	return 0;
}
