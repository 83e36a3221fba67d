/* diag: the cap line agrees in number with the count it names. */
#include "diag.h"
#include "t.h"

#include <stdlib.h>

static char *printed_over_cap(size_t extra)
{
	diag_list dl = DIAG_LIST_INIT;
	for (size_t i = 0; i < DIAG_MAX + extra; i++)
		diag_add(&dl, DIAG_ERROR, "a.yaml", 1, 1, "ошибка");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	diag_print(&dl, "", f);
	fclose(f);
	diag_list_free(&dl);
	char *last = strstr(text, "roadmap: ");
	char *copy = strdup(last ? last : "");
	free(text);
	return copy;
}

int main(void)
{
	static const struct {
		size_t extra;
		const char *want;
	} cases[] = {
		{1, "roadmap: ещё 1 сообщение не показано\n"},
		{3, "roadmap: ещё 3 сообщения не показаны\n"},
		{5, "roadmap: ещё 5 сообщений не показано\n"},
		{21, "roadmap: ещё 21 сообщение не показано\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = printed_over_cap(cases[i].extra);
		T_STREQ(got, cases[i].want, "line after the cap");
		free(got);
	}
	char *none = printed_over_cap(0);
	T_STREQ(none, "", "no cap line when nothing was dropped");
	free(none);
	return t_done("diag");
}
