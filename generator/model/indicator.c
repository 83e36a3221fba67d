/* The indicator rules load and derive share: folding the names people type,
 * which results rows and columns an indicator sums, and the number a target
 * phrase states. */
#include "indicator.h"
#include "buf.h"
#include "csvread.h"
#include "utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xC2\xA0"

const char *ind_fold(arena *a, const char *s)
{
	char *k = utf8_key(s);
	const char *r = arena_strdup(a, k);
	free(k);
	return r;
}

bool ind_keys_of(arena *a, const indicator *ind, ind_keys *k)
{
	if (ind->kind == IND_VALUE || (!ind->nshare && !ind->mean) || !ind->procedure || !ind->subject)
		return false;
	k->proc = ind_fold(a, ind->procedure);
	k->subj = ind_fold(a, ind->subject);
	k->n = ind->kind == IND_SHARE ? ind->nshare : 1;
	k->need = ind->kind == IND_SHARE ? ind->share : &ind->mean;
	k->cols = arena_alloc(a, k->n * sizeof(char *));
	for (size_t i = 0; i < k->n; i++)
		k->cols[i] = ind_fold(a, k->need[i]);
	return true;
}

int ind_col_index(const ind_result_file *f, const char *key)
{
	for (size_t i = 0; i < f->ncols; i++)
		if (!strcmp(f->cols[i].key, key))
			return (int)i;
	return -1;
}

bool ind_row_matches(const indicator *ind, const ind_result_row *r, const ind_keys *k)
{
	return !strcmp(r->proc_key, k->proc) && !strcmp(r->subj_key, k->subj) && (!ind->grade || ind->grade == r->grade);
}

/* Length of a space (ASCII or NBSP) at p, or 0. */
static size_t space_at(const char *p)
{
	if (*p == ' ')
		return 1;
	return !strncmp(p, NBSP, 2) ? 2 : 0;
}

/* After a number: «год», «году», «г.», «гг.» mark a year, not a target. */
static bool is_year_word(const char *p)
{
	size_t sp;
	while ((sp = space_at(p)))
		p += sp;
	if (!strncmp(p, "год", strlen("год")))
		return true;
	if (strncmp(p, "г", strlen("г")))
		return false;
	p += strlen("г");
	return !*p || *p == '.' || space_at(p) || !strncmp(p, "г", strlen("г"));
}

bool ind_parse_target(const char *text, double *out)
{
	for (const char *p = text; p && *p;) {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		buf b = BUF_INIT;
		for (;;) {
			while (isdigit((unsigned char)*p))
				buf_putc(&b, *p++);
			/* «1 000»: a space followed by exactly three digits groups thousands. */
			size_t sp = space_at(p);
			if (sp && isdigit((unsigned char)p[sp]) && isdigit((unsigned char)p[sp + 1]) &&
			    isdigit((unsigned char)p[sp + 2]) && !isdigit((unsigned char)p[sp + 3])) {
				p += sp;
				continue;
			}
			break;
		}
		if ((*p == ',' || *p == '.') && isdigit((unsigned char)p[1])) {
			buf_putc(&b, ',');
			p++;
			while (isdigit((unsigned char)*p))
				buf_putc(&b, *p++);
		}
		double v;
		bool ok = !is_year_word(p) && csv_parse_number(buf_cstr(&b), &v, NULL) == 0;
		buf_free(&b);
		if (ok) {
			*out = v;
			return true;
		}
	}
	return false;
}

