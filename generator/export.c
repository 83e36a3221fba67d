#include "export.h"
#include "csvread.h"
#include "schedule.h"
#include "util.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const export_column ACTIVITY_COLUMNS[] = {
	{"edition", "редакция (учебный год), например 2021-2022"},
	{"document", "код документа (часть адреса страницы документа)"},
	{"document_title", "название документа"},
	{"section", "номер раздела"},
	{"section_title", "название раздела"},
	{"number", "номер мероприятия, как в документе"},
	{"title", "мероприятие (текст без разметки)"},
	{"deadline", "срок дословно, как в утверждённом документе"},
	{"deadline_kind", "как понят срок: date, by, range, multi, recurring, period, event, unknown"},
	{"deadline_start", "начало срока (ГГГГ-ММ-ДД) или пусто"},
	{"deadline_end", "окончание срока (ГГГГ-ММ-ДД) или пусто"},
	{"responsible", "ответственные, через точку с запятой"},
	{"schools", "кого касается: all — все школы, иначе коды школ через пробел"},
	{"report", "отчётная документация"},
	{"result", "ожидаемый результат / результат исполнения (текст без разметки)"},
	{"status", "статус: planned, in-progress, done, cancelled"},
	{"overdue", "просрочено на дату сведений: yes или no"},
	{"done_on", "дата исполнения (ГГГГ-ММ-ДД) или пусто"},
	{"evidence", "адреса подтверждающих документов через пробел"},
	{"as_of", "дата, на которую указаны статус и просрочка"},
};

const export_column *export_activity_columns(size_t *n)
{
	*n = ARRAY_LEN(ACTIVITY_COLUMNS);
	return ACTIVITY_COLUMNS;
}

/* One activity as the row of ACTIVITY_COLUMNS, strings in a scratch buffer
 * set whose lifetime is the caller's (freed with row_free). */
typedef struct row {
	char *f[ARRAY_LEN(ACTIVITY_COLUMNS)];
} row;

static char *date_str(date d)
{
	char iso[11];
	if (!date_is_set(d))
		return xstrdup("");
	date_iso(d, iso);
	return xstrdup(iso);
}

static char *join_list(const char *const *items, size_t n, const char *sep)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? sep : "", items[i]);
	return buf_detach(&b);
}

static void row_fill(row *r, const site *s, const activity *a)
{
	const document *d = a->doc;
	buf b = BUF_INIT;
	size_t k = 0;
	r->f[k++] = xstrdup(d->ed->id);
	r->f[k++] = xstrdup(d->slug);
	r->f[k++] = xstrdup(d->title ? d->title : "");
	r->f[k++] = xstrdup(a->section->number);
	r->f[k++] = xstrdup(a->section->title ? a->section->title : "");
	r->f[k++] = xstrdup(a->number);
	r->f[k++] = xstrdup(a->title_text ? a->title_text : "");
	r->f[k++] = xstrdup(a->deadline_text ? a->deadline_text : "");
	r->f[k++] = xstrdup(dl_kind_name(a->dl.kind));
	r->f[k++] = date_str(a->dl.start);
	r->f[k++] = date_str(a->dl.end);
	r->f[k++] = join_list(a->responsible, a->nresponsible, "; ");
	if (a->all_schools) {
		r->f[k++] = xstrdup("all");
	} else {
		for (size_t i = 0; i < a->nschools; i++)
			buf_printf(&b, "%s%s", i ? " " : "", a->schools[i]->id);
		r->f[k++] = buf_detach(&b);
	}
	r->f[k++] = xstrdup(a->report ? a->report : "");
	r->f[k++] = xstrdup(a->result_text ? a->result_text : "");
	r->f[k++] = xstrdup(status_name(a->st));
	r->f[k++] = xstrdup(act_overdue(a, s->today) ? "yes" : "no");
	r->f[k++] = date_str(a->done_on);
	for (size_t i = 0; i < a->nevidence; i++)
		buf_printf(&b, "%s%s", i ? " " : "", a->evidence[i].url);
	r->f[k++] = buf_detach(&b);
	r->f[k++] = date_str(s->today);
}

static void row_free(row *r)
{
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++)
		free(r->f[i]);
}

/* Calls fn for every activity of ed in document order. */
static void each_activity(const edition *ed, void (*fn)(const activity *, void *), void *arg)
{
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++)
			for (size_t i = 0; i < ed->docs[d].sections[k].nacts; i++)
				fn(&ed->docs[d].sections[k].acts[i], arg);
}

struct csv_ctx {
	const site *s;
	buf *out;
};

static void csv_one(const activity *a, void *arg)
{
	struct csv_ctx *c = arg;
	row r;
	row_fill(&r, c->s, a);
	csv_write_row(c->out, (const char *const *)r.f, ARRAY_LEN(ACTIVITY_COLUMNS));
	row_free(&r);
}

void export_activities_csv(const site *s, const edition *ed, buf *out)
{
	const char *header[ARRAY_LEN(ACTIVITY_COLUMNS)];
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++)
		header[i] = ACTIVITY_COLUMNS[i].name;
	csv_bom(out);
	csv_write_row(out, header, ARRAY_LEN(ACTIVITY_COLUMNS));
	struct csv_ctx c = {s, out};
	each_activity(ed, csv_one, &c);
}

/* jansson allocates through our xmalloc so that out-of-memory ends the
 * process the one documented way. */
static void *jmalloc(size_t n)
{
	return xmalloc(n);
}

struct json_ctx {
	const site *s;
	json_t *list;
};

static void json_one(const activity *a, void *arg)
{
	struct json_ctx *c = arg;
	row r;
	row_fill(&r, c->s, a);
	json_t *o = json_object();
	for (size_t i = 0; i < ARRAY_LEN(ACTIVITY_COLUMNS); i++) {
		const char *k = ACTIVITY_COLUMNS[i].name;
		if (!strcmp(k, "edition") || !strcmp(k, "as_of"))
			continue; /* once, at the top */
		json_t *v;
		if (!strcmp(k, "overdue"))
			v = json_boolean(r.f[i][0] == 'y');
		else if (!r.f[i][0] && (!strcmp(k, "deadline_start") || !strcmp(k, "deadline_end") ||
		                        !strcmp(k, "done_on")))
			v = json_null(); /* a missing date is null, not "" */
		else
			v = json_string(r.f[i]);
		json_object_set_new(o, k, v ? v : json_null());
	}
	json_array_append_new(c->list, o);
	row_free(&r);
}

static void set_alloc(void)
{
	json_set_alloc_funcs(jmalloc, free);
}

void export_activities_json(const site *s, const edition *ed, buf *out)
{
	/* Global jansson state: set once, before any thread uses jansson. */
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, set_alloc);
	json_t *root = json_object();
	char iso[11];
	date_iso(s->today, iso);
	json_object_set_new(root, "edition", json_string(ed->id));
	json_object_set_new(root, "as_of", json_string(iso));
	json_t *list = json_array();
	struct json_ctx c = {s, list};
	each_activity(ed, json_one, &c);
	json_object_set_new(root, "activities", list);
	char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(1));
	buf_puts(out, text);
	buf_putc(out, '\n');
	free(text);
	json_decref(root);
}
