#include "mention.h"
#include "buf.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NUMSIGN "\xE2\x84\x96" /* № */

/* The number written after «№» in a school's name, or -1. */
static long school_number(const char *name)
{
	const char *p = strstr(name, NUMSIGN);
	if (!p)
		return -1;
	p += 3;
	while (*p == ' ' || (unsigned char)*p == 0xC2) /* space or the lead byte of NBSP */
		p += (*p == ' ') ? 1 : 2;
	return isdigit((unsigned char)*p) ? strtol(p, NULL, 10) : -1;
}

/* Skips spaces, commas and the conjunction «и» between numbers of a list. */
static const char *skip_sep(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == ',')
			p++;
		else if (!strncmp(p, "\xD0\xB8 ", 3)) /* «и » */
			p += 3;
		else if (!strncmp(p, NUMSIGN, 3))
			p += 3;
		else
			return p;
	}
}

static void add_number(const site *s, long num, const school ***out, size_t *n, size_t *cap)
{
	for (size_t i = 0; i < s->nschools; i++) {
		if (school_number(s->schools[i].name) != num)
			continue;
		bool dup = false;
		for (size_t k = 0; k < *n; k++)
			dup |= (*out)[k] == &s->schools[i];
		if (dup)
			continue;
		xgrow((void **)out, cap, *n + 1, sizeof(school *));
		(*out)[(*n)++] = &s->schools[i];
	}
}

size_t mention_find(const site *s, const char *text, const school ***ids)
{
	size_t n = 0, cap = 0;
	*ids = NULL;
	for (const char *p = strstr(text, NUMSIGN); p; p = strstr(p, NUMSIGN)) {
		p = skip_sep(p);
		while (isdigit((unsigned char)*p)) {
			char *end;
			long num = strtol(p, &end, 10);
			add_number(s, num, ids, &n, &cap);
			p = skip_sep(end);
		}
	}
	return n;
}

void mention_warn(const site *s, const char *text, const ynode *at, diag_list *dl)
{
	const school **found;
	size_t n = mention_find(s, text, &found);
	if (!n)
		return;
	buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", found[i]->id);
	diag_add(dl, DIAG_WARNING, at->file, at->line, at->col,
	         "в тексте мероприятия упомянуты школы, но поле «schools» не задано; может быть, schools: [%s]?",
	         buf_cstr(&b));
	buf_free(&b);
	free(found);
}
