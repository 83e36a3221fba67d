/* The open data page of an edition: the files and what every column means. */
#include "page_data.h"
#include "page_common.h"
#include "export.h"
#include "indicators.h"
#include "escape.h"
#include "util.h"

#include <string.h>

/* A column's meaning as HTML: the values written `so` are codes of the file, shown as code. */
static const char *meaning_html(arena *a, const char *m)
{
	buf b = BUF_INIT;
	bool code = false;
	for (const char *p = m; *p;) {
		size_t n = strcspn(p, "`");
		escape_html(&b, p, n);
		p += n;
		if (*p == '`') {
			buf_puts(&b, code ? "</code>" : "<code>");
			code = !code;
			p++;
		}
	}
	if (code)
		buf_puts(&b, "</code>");
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static value *columns_view(const ctx *c, const export_column *cols, size_t n)
{
	value *list = v_list(c->a);
	for (size_t i = 0; i < n; i++) {
		value *it = v_push(c->a, list, v_map(c->a));
		v_sets(c->a, it, "name", cols[i].name);
		v_sets(c->a, it, "meaning_html", meaning_html(c->a, cols[i].meaning));
	}
	return list;
}

static void file_entry(const ctx *c, value *files, const char *name, const char *title, const export_column *cols,
                       size_t n)
{
	value *f = v_push(c->a, files, v_map(c->a));
	v_sets(c->a, f, "name", name);
	v_sets(c->a, f, "title", title);
	v_sets(c->a, f, "url", link_to(c, arena_printf(c->a, "%s/data/%s", c->j->ed->id, name)));
	v_set(c->a, f, "columns", columns_view(c, cols, n));
}

value *view_data(const ctx *c)
{
	const edition *ed = c->j->ed;
	arena *a = c->a;
	value *v = layout(c, arena_printf(a, "Открытые данные: %s", ed->title), ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Открытые данные", NULL);
	value *files = v_set(a, v, "files", v_list(a));
	size_t n;
	const export_column *cols = export_activity_columns(&n);
	file_entry(c, files, "activities.csv", "Мероприятия (CSV, UTF-8, открывается в Excel)", cols, n);
	file_entry(c, files, "activities.json", "Мероприятия (JSON)", cols, n);
	size_t ni;
	ind_list(c->s->ind, &ni);
	if (ni) {
		cols = export_indicator_columns(&n);
		file_entry(c, files, "indicators.csv", "Показатели: значения по округу и по школам (CSV)", cols, n);
		file_entry(c, files, "indicators.json", "Показатели (JSON; те же сведения, значения — числа или null)", cols, n);
		cols = export_result_columns(&n);
		file_entry(c, files, "results.csv", "Результаты оценочных процедур по школам (CSV, одна строка на столбец исходного файла)", cols, n);
	}
	value *e = v_set(a, v, "edition", v_map(a));
	v_sets(a, e, "title", ed->title);
	return v;
}
