/* fuzz_import.c — libFuzzer target for `roadmap import` (import.c and its
 * rooms): any bytes as a pasted Word table, a one-cell-per-line export or a CSV.
 *
 * Checks the contract of import_mem: IMPORT_OK comes with no error and a
 * document that parses as YAML; a failure comes with an error and no output;
 * a misreading (IMPORT_MISREAD) comes with errors naming it; the indicator
 * entries, when any, parse as YAML too. */
#include "import.h"
#include "arena.h"
#include "yamlread.h"

#include <stdint.h>
#include <stdlib.h>

static void must_parse(const buf *b)
{
	if (!b->len)
		return;
	arena *a = arena_new();
	diag_list dl = DIAG_LIST_INIT;
	ynode *root = yaml_parse(a, "out.yaml", b->data, b->len, &dl);
	if (!root || dl.errors)
		abort();
	diag_list_free(&dl);
	arena_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int force = 0; force < 2; force++) {
		buf y = BUF_INIT, inds = BUF_INIT;
		import_opts o = {.fallback_edition = "2021-2022", .indicators = &inds, .force = force};
		import_stats st;
		diag_list dl = DIAG_LIST_INIT;
		int rc = import_mem((const char *)data, size, "f.txt", &o, &y, &st, &dl);
		if (rc == IMPORT_OK) {
			if (dl.errors || !y.len)
				abort();
			must_parse(&y);
			must_parse(&inds);
		} else if (rc == IMPORT_MISREAD) {
			if (force || !dl.errors || !st.misreadings)
				abort();
		} else {
			if (!dl.errors || y.len)
				abort();
		}
		buf_free(&y);
		buf_free(&inds);
		diag_list_free(&dl);
	}
	return 0;
}
