#include "fields.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int f_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 99;
	int row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = prev + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = up;
		}
	}
	return row[lb];
}

const char *f_suggest(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	int bd = 99;
	for (const char *const *c = candidates; *c; c++) {
		int d = f_distance(word, *c);
		if (d < bd) {
			bd = d;
			best = *c;
		}
	}
	size_t lw = strlen(word);
	int limit = lw <= 4 ? 1 : lw <= 8 ? 2 : 3;
	return bd <= limit ? best : NULL;
}

bool f_check_keys(const ynode *m, const char *const *allowed, const char *what, diag_list *dl)
{
	bool ok = true;
	if (!m || m->kind != Y_MAP)
		return true;
	for (size_t i = 0; i < m->n; i++) {
		const ynode *k = m->keys[i];
		bool found = false;
		for (const char *const *a = allowed; *a; a++)
			if (!strcmp(*a, k->s))
				found = true;
		if (found)
			continue;
		ok = false;
		const char *sug = f_suggest(k->s, allowed);
		if (sug)
			diag_add(dl, DIAG_ERROR, k->file, k->line, k->col,
			         "неизвестное поле «%s» в %s; может быть, «%s»?", k->s, what, sug);
		else
			diag_add(dl, DIAG_ERROR, k->file, k->line, k->col, "неизвестное поле «%s» в %s", k->s,
			         what);
	}
	return ok;
}

bool f_expect_map(const ynode *n, const char *what, diag_list *dl)
{
	if (n && n->kind == Y_MAP)
		return true;
	if (n)
		diag_add(dl, DIAG_ERROR, n->file, n->line, n->col, "%s: ожидался набор полей «ключ: значение»",
		         what);
	return false;
}

/* Where an absent key should be reported: at the map itself. */
static void missing(const ynode *m, const char *key, const char *what, diag_list *dl)
{
	if (what && *what)
		diag_add(dl, DIAG_ERROR, m->file, m->line, m->col, "в %s нет обязательного поля «%s»", what, key);
	else
		diag_add(dl, DIAG_ERROR, m->file, m->line, m->col, "нет обязательного поля «%s»", key);
}

static const char *type_name(const ynode *v)
{
	return v->kind == Y_SEQ ? "список" : v->kind == Y_MAP ? "набор полей" : "строка";
}

const char *f_str(const ynode *m, const char *key, bool required, const char *what, diag_list *dl)
{
	const ynode *v = y_get(m, key);
	if (!v || y_is_null(v) || (v->kind == Y_SCALAR && !v->s[0])) {
		if (required)
			missing(m, key, what, dl);
		return NULL;
	}
	if (v->kind != Y_SCALAR) {
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: ожидалась строка, а здесь %s",
		         key, type_name(v));
		return NULL;
	}
	return v->s;
}

const char **f_str_list(arena *a, const ynode *m, const char *key, size_t *n, diag_list *dl)
{
	const ynode *v = y_get(m, key);
	*n = 0;
	if (!v || y_is_null(v))
		return NULL;
	if (v->kind == Y_SCALAR) {
		const char **out = arena_alloc(a, sizeof(char *));
		out[0] = v->s;
		*n = 1;
		return out;
	}
	if (v->kind != Y_SEQ) {
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поле «%s»: ожидался список строк или одна строка", key);
		return NULL;
	}
	const char **out = arena_alloc(a, (v->n ? v->n : 1) * sizeof(char *));
	for (size_t i = 0; i < v->n; i++) {
		const ynode *it = v->items[i];
		if (it->kind != Y_SCALAR) {
			diag_add(dl, DIAG_ERROR, it->file, it->line, it->col,
			         "поле «%s»: элемент списка должен быть строкой", key);
			continue;
		}
		out[(*n)++] = it->s;
	}
	return out;
}

date f_date_node(const ynode *v, const char *key, diag_list *dl)
{
	date d = DATE_NONE;
	if (v->kind != Y_SCALAR) {
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: ожидалась дата", key);
		return d;
	}
	int r = date_parse(v->s, &d);
	if (r == 1)
		return d;
	if (r < 0)
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: такой даты нет: «%s»", key, v->s);
	else
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поле «%s»: «%s» — не дата; пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ", key, v->s);
	return DATE_NONE;
}

date f_date(const ynode *m, const char *key, bool required, diag_list *dl)
{
	const ynode *v = y_get(m, key);
	if (!v || y_is_null(v)) {
		if (required)
			missing(m, key, "", dl);
		return DATE_NONE;
	}
	return f_date_node(v, key, dl);
}

long f_int(const ynode *m, const char *key, long def, long min, long max, diag_list *dl)
{
	const ynode *v = y_get(m, key);
	if (!v || y_is_null(v))
		return def;
	char *end = NULL;
	errno = 0;
	long x = v->kind == Y_SCALAR ? strtol(v->s, &end, 10) : 0;
	if (v->kind != Y_SCALAR || !v->s[0] || *end || errno || x < min || x > max) {
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поле «%s»: ожидалось целое число от %ld до %ld", key, min, max);
		return def;
	}
	return x;
}

bool f_bool(const ynode *m, const char *key, bool def, diag_list *dl)
{
	const ynode *v = y_get(m, key);
	if (!v || y_is_null(v))
		return def;
	if (v->kind == Y_SCALAR) {
		if (!strcmp(v->s, "true") || !strcmp(v->s, "yes") || !strcmp(v->s, "да"))
			return true;
		if (!strcmp(v->s, "false") || !strcmp(v->s, "no") || !strcmp(v->s, "нет"))
			return false;
	}
	diag_add(dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: ожидалось true или false", key);
	return def;
}

bool f_valid_id(const char *s)
{
	if (!s || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	size_t n = 0;
	for (const char *p = s; *p; p++, n++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return false;
	return n <= 64;
}

const ynode *f_seq(const ynode *m, const char *key, const char *hint, diag_list *dl)
{
	const ynode *v = y_get(m, key);
	if (!v || y_is_null(v))
		return NULL;
	if (v->kind != Y_SEQ) {
		diag_add(dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: ожидался список%s", key, hint);
		return NULL;
	}
	return v;
}
