#include "page_common.h"
#include "execution.h"
#include "buf.h"
#include "escape.h"
#include "indicators.h"
#include "memo.h"
#include "ru.h"
#include "schedule.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* a + b + c (c may be NULL) in one arena string: links are made for every
 * row of every page, and printf costs far more than copying. */
static const char *concat3(arena *ar, const char *a, const char *b, const char *c)
{
	size_t na = strlen(a), nb = strlen(b), nc = c ? strlen(c) : 0;
	char *s = arena_alloc(ar, na + nb + nc + 1);
	memcpy(s, a, na);
	memcpy(s + na, b, nb);
	if (nc)
		memcpy(s + na + nb, c, nc);
	s[na + nb + nc] = '\0';
	return s;
}

const char *link_to(const ctx *c, const char *path)
{
	/* Folders get an explicit index.html so links work from file:// too. */
	return concat3(c->a, c->root, path, !*path || str_ends(path, "/") ? "index.html" : NULL);
}

const char *link_near(const ctx *c, const char *path)
{
	const char *from = c->j->path;
	/* Skip the folders both paths share ("2021-2022/"). */
	size_t common = 0;
	for (size_t i = 0; from[i] && from[i] == path[i]; i++)
		if (from[i] == '/')
			common = i + 1;
	buf b = BUF_INIT;
	for (const char *p = from + common; *p; p++)
		if (*p == '/')
			buf_puts(&b, "../");
	buf_puts(&b, path + common);
	if (!path[common] || str_ends(path, "/"))
		buf_puts(&b, "index.html");
	const char *r = arena_strdup(c->a, buf_cstr(&b));
	buf_free(&b);
	return r;
}

const char *edition_path(arena *a, const edition *ed)
{
	return arena_printf(a, "%s/", ed->id);
}

const char *document_path(arena *a, const document *d)
{
	return arena_printf(a, "%s/%s/", d->ed->id, d->slug);
}

const char *school_path(arena *a, const edition *ed, const school *sc)
{
	return arena_printf(a, "%s/schools/%s/", ed->id, sc->id);
}

const char *ru_date_str(arena *a, date d)
{
	if (!date_is_set(d))
		return NULL;
	buf b = BUF_INIT;
	ru_date(&b, d);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

void act_date_number(buf *b, date on, const char *number)
{
	if (date_is_set(on)) {
		buf_puts(b, " от ");
		ru_date(b, on);
	}
	if (number)
		buf_printf(b, " №\xC2\xA0%s", number);
}

static void nav_item(const ctx *c, value *nav, const char *title, const char *path, bool current)
{
	value *it = v_push(c->a, nav, v_map(c->a));
	v_sets(c->a, it, "title", title);
	v_sets(c->a, it, "url", link_to(c, path));
	v_setb(c->a, it, "current", current);
}

static value *nav_view(const ctx *c, const edition *ed)
{
	const site *s = c->s;
	value *nav = v_list(c->a);
	page_kind k = c->j->kind;
	nav_item(c, nav, "Главная", "", k == PG_HOME);
	/* No link here may depend on which edition is current: an archived
	 * edition's pages must not change when a new edition is added
	 * (spec/site.md § Editions); the home page shows the current one. */
	(void)ed;
	nav_item(c, nav, "Школы", "schools/", k == PG_REGISTRY || k == PG_SCHOOL || k == PG_SCHOOL_SHORT);
	nav_item(c, nav, "Все редакции", "archive/", k == PG_ARCHIVE);
	for (size_t i = 0; i < s->nmenu; i++) {
		const menu_item *m = &s->menu[i];
		if (m->url) {
			value *it = v_push(c->a, nav, v_map(c->a));
			v_sets(c->a, it, "title", m->title);
			v_sets(c->a, it, "url", url_is_safe(m->url) ? m->url : "#");
			v_setb(c->a, it, "current", false);
		} else {
			nav_item(c, nav, m->title, arena_printf(c->a, "%s/", m->page),
			         k == PG_PAGE && !strcmp(c->j->pg->slug, m->page));
		}
	}
	return nav;
}

void crumb(const ctx *c, value *pv, const char *title, const char *path)
{
	value *list = (value *)v_get(pv, "breadcrumbs");
	value *it = v_push(c->a, list, v_map(c->a));
	v_sets(c->a, it, "title", title);
	if (path)
		v_sets(c->a, it, "url", link_to(c, path));
}

value *layout(const ctx *c, const char *title, const edition *ed)
{
	const site *s = c->s;
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "title", title);
	v_sets(a, v, "site_title", s->title);
	if (s->title && !str_eq(title, s->title))
		v_set(a, v, "full_title", v_strf(a, "%s — %s", title, s->title));
	else
		v_sets(a, v, "full_title", title);
	v_sets(a, v, "authority", s->authority);
	v_sets(a, v, "root", c->root);
	v_sets(a, v, "home_url", link_to(c, ""));
	v_sets(a, v, "assets", arena_printf(a, "%sassets/", c->root));
	v_setb(a, v, "demo", s->demo);
	v_sets(a, v, "contacts_html", s->contacts_html);
	v_sets(a, v, "today", ru_date_str(a, ed ? ed->as_of : s->today));
	v_set(a, v, "nav", nav_view(c, ed));
	v_set(a, v, "breadcrumbs", v_list(a));
	v_setb(a, v, "has_breadcrumbs", c->j->kind != PG_HOME);
	if (c->j->kind != PG_HOME)
		crumb(c, v, "Главная", "");
	if (ed && !ed->current && s->current) {
		value *arch = v_set(a, v, "archived", v_map(a));
		v_sets(a, arch, "current_title", s->current->title);
		v_sets(a, arch, "current_url", link_to(c, edition_path(a, s->current)));
	}
	return v;
}

bool activity_overdue(const activity *a)
{
	return act_overdue(a, a->doc->ed->as_of);
}

const char *status_class(status st)
{
	return status_name(st); /* planned, in-progress, done, partial, not-done, postponed, cancelled */
}

void set_status(const ctx *c, value *v, status st, bool overdue)
{
	v_sets(c->a, v, "status", status_label(st));
	v_sets(c->a, v, "status_lc", status_label_lc(st));
	v_sets(c->a, v, "status_class", status_class(st));
	v_setb(c->a, v, "overdue", overdue);
}

value *activity_view_school(const ctx *c, const activity *act, const school *sc, bool link_to_doc)
{
	value *v = activity_view(c, act, link_to_doc);
	bool own;
	status st = school_status(act, sc, &own);
	if (own) {
		/* The school's own marks: overdue when one of its parts is. */
		set_status(c, v, st, activity_overdue(act) && st != ST_DONE && st != ST_CANCELLED);
		v_sets(c->a, v, "done_on", NULL);
		v_sets(c->a, v, "status_scope", NULL);
	} else {
		v_sets(c->a, v, "status_scope", "статус по округу");
	}
	return v;
}

static const char *joined(arena *a, const char *const *items, size_t n)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", items[i]);
	const char *s = n ? arena_strdup(a, buf_cstr(&b)) : NULL;
	buf_free(&b);
	return s;
}

static const char *concerns_text(const ctx *c, bool all, school *const *schools, size_t n)
{
	if (all)
		return "все школы";
	if (!n)
		return NULL;
	const char **names = arena_alloc(c->a, n * sizeof(char *));
	for (size_t i = 0; i < n; i++)
		names[i] = schools[i]->short_name;
	return joined(c->a, names, n);
}

static const char *schools_label(const ctx *c, const activity *a)
{
	return concerns_text(c, a->all_schools, a->schools, a->nschools);
}

const char *concerns_label(const ctx *c, const concerns *w)
{
	return w->set ? concerns_text(c, w->all, w->schools, w->nschools) : NULL;
}

/* The label of a column key as the document names it. */
static const char *column_label(const document *d, const char *key)
{
	if (!strcmp(key, "deadline"))
		return d->col_deadline;
	if (!strcmp(key, "responsible"))
		return d->col_responsible;
	if (!strcmp(key, "report"))
		return d->col_report;
	if (!strcmp(key, "result"))
		return d->col_result;
	if (!strcmp(key, "indicator"))
		return d->col_indicator;
	if (!strcmp(key, "task"))
		return d->col_task;
	return "Мероприятие";
}

/* «Изменено приказом от … № …» and the former wording of an amended activity. */
static void amended_view(const ctx *c, value *v, const activity *act)
{
	arena *a = c->a;
	if (act->amended_by) {
		const amendment *am = &act->doc->amendments[act->amended_by - 1];
		buf b = BUF_INIT;
		const char *instr = ru_act(am->act, RU_INSTR);
		if (instr)
			buf_printf(&b, "Изменено %s", instr);
		else
			buf_printf(&b, "Изменено: %s", am->act);
		act_date_number(&b, am->on, am->number);
		v_sets(a, v, "amended", buf_cstr(&b));
		buf_free(&b);
	} else {
		v_sets(a, v, "amended", NULL);
	}
	value *was = v_set(a, v, "was", v_list(a));
	for (size_t i = 0; i < act->nwas; i++) {
		value *w = v_push(a, was, v_map(a));
		v_sets(a, w, "label", column_label(act->doc, act->was[i].key));
		v_sets(a, w, "text", act->was[i].text);
	}
	v_setb(a, v, "has_was", act->nwas > 0);
}

/* An activity's row as every page shows it, but for the link to its
 * document (which depends on where the page is). */
static value *activity_row(const ctx *c, const activity *act)
{
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "number", act->number);
	v_sets(a, v, "anchor", act->anchor);
	v_sets(a, v, "title_html", act->title_html);
	v_sets(a, v, "title_text", act->title_text);
	v_sets(a, v, "task_html", act->task_html);
	v_sets(a, v, "deadline", act->deadline_text ? act->deadline_text : "не указан");
	v_sets(a, v, "deadline_note", act->dl.default_terms ? "границы четвертей приблизительные" : NULL);
	v_sets(a, v, "responsible", joined(a, act->responsible, act->nresponsible));
	v_sets(a, v, "report", act->report);
	v_sets(a, v, "result_html", act->result_html);
	v_sets(a, v, "comment_html", act->comment_html);
	v_sets(a, v, "indicator", act->indicator);
	set_status(c, v, act->st, activity_overdue(act));
	v_sets(a, v, "status_scope", NULL);
	v_setb(a, v, "upcoming", act_upcoming(act, act->doc->ed->as_of));
	v_sets(a, v, "done_on", ru_date_str(a, act->done_on));
	/* Schools set once on the section or document are said there, not on every row. */
	v_sets(a, v, "schools", act->schools_inherited ? NULL : schools_label(c, act));
	/* The «Показатели» column: an indicator id is shown by the indicator's name. */
	const indicator *ind = act->indicator && c->s->ind ? ind_find(c->s->ind, act->indicator) : NULL;
	v_sets(a, v, "indicator_text", ind ? ind->name : act->indicator);
	amended_view(c, v, act);
	v_sets(a, v, "doc_url", NULL);
	v_sets(a, v, "doc_title", NULL);
	value *ev = v_set(a, v, "evidence", v_list(a));
	for (size_t i = 0; i < act->nevidence; i++) {
		value *e = v_push(a, ev, v_map(a));
		v_sets(a, e, "title", act->evidence[i].title);
		v_sets(a, e, "url", act->evidence[i].url);
	}
	v_setb(a, v, "has_evidence", act->nevidence > 0);
	return v;
}

/* The rows of every activity of an edition, made once per build (memo.h):
 * a school's pages show hundreds of the edition's activities, and 500
 * schools show the same rows.  rows[activity.index]. */
typedef struct ed_rows {
	arena *a;
	value **rows;
} ed_rows;

static void *make_rows(const void *key, const void *arg)
{
	const edition *ed = key;
	ed_rows *r = xcalloc(1, sizeof(ed_rows));
	r->a = arena_new();
	r->rows = arena_alloc(r->a, (ed->nacts + 1) * sizeof(value *));
	ctx shared = {.s = arg, .a = r->a, .root = ""};
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++) {
			const section *sec = &ed->docs[d].sections[k];
			for (size_t i = 0; i < sec->nacts; i++)
				r->rows[sec->acts[i].index] = activity_row(&shared, &sec->acts[i]);
		}
	return r;
}

static void drop_rows(void *made)
{
	ed_rows *r = made;
	arena_free(r->a);
	free(r);
}

/* The shared row of act, or NULL when there is no memo (a model built by
 * hand, not derived). */
static const value *shared_row(const site *s, const activity *act)
{
	const edition *ed = act->doc ? act->doc->ed : NULL;
	if (!s->memo || !ed || act->index >= ed->nacts)
		return NULL;
	const ed_rows *r = memo_get(s->memo, ed, make_rows, s, drop_rows);
	return r->rows[act->index];
}

value *activity_view(const ctx *c, const activity *act, bool link_to_doc)
{
	arena *a = c->a;
	const value *row = shared_row(c->s, act);
	value *v = row ? v_copy(a, row) : activity_row(c, act);
	if (link_to_doc) {
		v_sets(a, v, "doc_url", concat3(a, link_to(c, document_path(a, act->doc)), "#", act->anchor));
		v_sets(a, v, "doc_title", act->doc->short_title);
	}
	return v;
}

static void segment(const ctx *c, value *segs, const char *label, const char *cls, long n, long total)
{
	if (!n)
		return;
	value *it = v_push(c->a, segs, v_map(c->a));
	buf b = BUF_INIT;
	ru_int(&b, n);
	v_sets(c->a, it, "label", label);
	v_sets(c->a, it, "class", cls);
	v_sets(c->a, it, "count", buf_cstr(&b));
	/* Width in whole per mille keeps the CSS exact and locale-free. */
	v_set(c->a, it, "width", v_strf(c->a, "%ld.%ld", n * 1000 / total / 10, n * 1000 / total % 10));
	buf_free(&b);
}

value *progress_view(const ctx *c, const progress *p)
{
	arena *a = c->a;
	value *v = v_map(a);
	buf b = BUF_INIT;
	buf_puts(&b, "Выполнено ");
	ru_int(&b, p->n[ST_DONE]);
	buf_puts(&b, " из ");
	ru_count(&b, p->total, "мероприятия", "мероприятий", "мероприятий");
	if (p->total) {
		buf_puts(&b, " (");
		ru_int(&b, p->n[ST_DONE] * 100 / p->total);
		buf_puts(&b, "\xC2\xA0%)");
	}
	v_sets(a, v, "summary", buf_cstr(&b));
	buf_free(&b);
	v_set(a, v, "total", v_int(a, p->total));
	value *segs = v_set(a, v, "segments", v_list(a));
	if (p->total) {
		segment(c, segs, "выполнено", "done", p->n[ST_DONE], p->total);
		segment(c, segs, "исполнено частично", "partial", p->n[ST_PARTIAL], p->total);
		segment(c, segs, "выполняется", "in-progress", p->n[ST_IN_PROGRESS], p->total);
		segment(c, segs, "перенесено", "postponed", p->n[ST_POSTPONED], p->total);
		segment(c, segs, "не исполнено", "not-done", p->n[ST_NOT_DONE], p->total);
		segment(c, segs, "просрочено", "overdue", p->overdue, p->total);
		segment(c, segs, "запланировано", "planned", p->n[ST_PLANNED], p->total);
		segment(c, segs, "отменено", "cancelled", p->n[ST_CANCELLED], p->total);
	}
	v_setb(a, v, "has_segments", segs->n > 0);
	return v;
}

static void count(const ctx *c, value *m, const char *key, long n)
{
	buf b = BUF_INIT;
	ru_int(&b, n);
	v_sets(c->a, m, key, buf_cstr(&b));
	buf_free(&b);
}

value *progress_counts(const ctx *c, const progress *p)
{
	value *m = v_map(c->a);
	count(c, m, "total", p->total);
	count(c, m, "done", p->n[ST_DONE]);
	count(c, m, "in_progress", p->n[ST_IN_PROGRESS]);
	count(c, m, "partial", p->n[ST_PARTIAL]);
	count(c, m, "not_done", p->n[ST_NOT_DONE]);
	count(c, m, "postponed", p->n[ST_POSTPONED]);
	count(c, m, "overdue", p->overdue);
	count(c, m, "planned", p->n[ST_PLANNED]);
	count(c, m, "cancelled", p->n[ST_CANCELLED]);
	return m;
}

/* Feminine for дорожная карта and программа; masculine for план, комплекс мер and a plain «документ». */
static bool kind_feminine(doc_kind k)
{
	return k == DK_ROADMAP || k == DK_PROGRAM;
}

static const char *buf_arena(arena *a, buf *b)
{
	const char *s = arena_strdup(a, buf_cstr(b));
	buf_free(b);
	return s;
}

const char *approval_text(arena *a, const document *d)
{
	/* «Утверждена приказом управления образования … от 27 августа 2021 г. № 218»:
	 * the participle agrees with the document, the act is in the instrumental,
	 * the authority in the genitive.  An act or authority the grammar tables do
	 * not know is shown as written rather than declined wrongly. */
	if (!d->has_approved || (!d->act && !date_is_set(d->approved_on) && !d->number))
		return NULL;
	buf b = BUF_INIT;
	buf_puts(&b, kind_feminine(d->kind) ? "Утверждена" : "Утверждён");
	const char *instr = ru_act(d->act, RU_INSTR);
	if (instr)
		buf_printf(&b, " %s", instr);
	else if (d->act)
		buf_printf(&b, ": %s", d->act);
	if (d->authority && (instr || !d->act)) {
		buf g = BUF_INIT;
		if (ru_genitive(&g, d->authority))
			buf_printf(&b, " %s", buf_cstr(&g));
		buf_free(&g);
	}
	act_date_number(&b, d->approved_on, d->number);
	return buf_arena(a, &b);
}

bool approval_names_authority(const document *d)
{
	if (!d->authority || (d->act && !ru_act(d->act, RU_INSTR)))
		return false;
	buf g = BUF_INIT;
	bool ok = ru_genitive(&g, d->authority);
	buf_free(&g);
	return ok;
}

const char *considered_text(arena *a, const document *d, const considered *k)
{
	buf b = BUF_INIT;
	if (k->stamp == STAMP_CONSIDERED) {
		buf_puts(&b, kind_feminine(d->kind) ? "Рассмотрена" : "Рассмотрен");
		buf g = BUF_INIT;
		if (k->body && ru_genitive(&g, k->body))
			buf_printf(&b, " на заседании %s", buf_cstr(&g));
		else if (k->body)
			buf_printf(&b, ": %s", k->body);
		buf_free(&g);
	} else {
		buf_puts(&b, k->stamp == STAMP_AGREED ? "СОГЛАСОВАНО:" : "УТВЕРЖДАЮ:");
		const char *sep = " ";
		if (k->signer_title || k->signer) {
			buf_printf(&b, " %s%s%s", k->signer_title ? k->signer_title : "",
			           k->signer_title && k->signer ? " " : "", k->signer ? k->signer : "");
			sep = ", ";
		}
		if (k->body) {
			buf_printf(&b, "%s%s", sep, k->body);
			sep = ", ";
		}
		if (!k->protocol && date_is_set(k->on)) {
			buf_puts(&b, sep);
			ru_date(&b, k->on);
		}
	}
	if (k->stamp == STAMP_CONSIDERED && k->signer)
		buf_printf(&b, " (%s%s%s)", k->signer_title ? k->signer_title : "", k->signer_title ? " " : "", k->signer);
	if (k->protocol) {
		buf_printf(&b, ", протокол №\xC2\xA0%s", k->protocol);
		if (date_is_set(k->on)) {
			buf_puts(&b, " от ");
			ru_date(&b, k->on);
		}
	} else if (k->stamp == STAMP_CONSIDERED && date_is_set(k->on)) {
		buf_puts(&b, " ");
		ru_date(&b, k->on);
	}
	return buf_arena(a, &b);
}

const char *amendments_text(arena *a, const document *d)
{
	if (!d->namendments)
		return NULL;
	bool same = true;
	for (size_t i = 1; i < d->namendments; i++)
		same &= str_eq(ru_act(d->amendments[i].act, RU_GEN), ru_act(d->amendments[0].act, RU_GEN)) &&
		        ru_act(d->amendments[0].act, RU_GEN);
	buf b = BUF_INIT;
	buf_puts(&b, "в ред.");
	for (size_t i = 0; i < d->namendments; i++) {
		const amendment *am = &d->amendments[i];
		const char *g = ru_act(am->act, same && d->namendments > 1 ? RU_GEN_PL : RU_GEN);
		buf_puts(&b, i ? "," : "");
		if (!i || !same)
			buf_printf(&b, " %s", g ? g : am->act);
		act_date_number(&b, am->on, am->number);
	}
	return buf_arena(a, &b);
}

value *activity_columns_view(const ctx *c, const document *d)
{
	arena *a = c->a;
	bool task = false, result = false, report = false, has_ind = false;
	for (size_t k = 0; k < d->nsections; k++)
		for (size_t i = 0; i < d->sections[k].nacts; i++) {
			const activity *act = &d->sections[k].acts[i];
			task |= act->task_html != NULL;
			result |= act->result_html != NULL;
			report |= act->report != NULL;
			has_ind |= act->indicator != NULL;
		}
	value *cols = v_map(a);
	v_sets(a, cols, "deadline", d->col_deadline);
	v_sets(a, cols, "responsible", d->col_responsible);
	v_sets(a, cols, "task", task ? d->col_task : NULL);
	v_sets(a, cols, "result", result ? d->col_result : NULL);
	v_sets(a, cols, "report", report ? d->col_report : NULL);
	v_sets(a, cols, "indicator", has_ind ? d->col_indicator : NULL);
	return cols;
}

const char *result_column_name(arena *a, const char *key)
{
	static const char *const names[][2] = {
		{"mean_score", "Средний балл"},           {"mean_primary", "Средний первичный балл"},
		{"mean_test", "Средний тестовый балл"},   {"mean_mark", "Средняя отметка"},
		{"mean_grade", "Средняя отметка"},        {"below_min", "Ниже минимального балла"},
		{"above_min", "Не ниже минимального балла"}, {"max_score", "Максимальный балл"},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(key, names[i][0]))
			return names[i][1];
	if (!strncmp(key, "mean_", 5))
		return "Среднее значение";
	size_t n = strlen(key);
	if (n && strspn(key, "0123456789") == n)
		return arena_printf(a, "Отметка «%s»", key);
	if (n && strspn(key, "0123456789-") == n && key[0] != '-' && key[n - 1] != '-') /* 80-100 */
		return arena_printf(a, "%.*s–%s баллов", (int)strcspn(key, "-"), key, key + strcspn(key, "-") + 1);
	return key;
}

/* The titles of sc's public, named groups (site.yaml groups:), in its order. */
static size_t public_groups(const ctx *c, const school *sc, const char **out)
{
	size_t n = 0;
	for (size_t i = 0; i < sc->ngroups; i++) {
		const char *t = site_group_title(c->s, sc->groups[i]);
		if (t)
			out[n++] = t;
	}
	return n;
}

const char *school_groups_label(const ctx *c, const school *sc)
{
	const char **t = arena_alloc(c->a, (sc->ngroups ? sc->ngroups : 1) * sizeof(char *));
	return joined(c->a, t, public_groups(c, sc, t));
}

value *school_card(const ctx *c, const school *sc)
{
	arena *a = c->a;
	value *v = v_map(a);
	v_sets(a, v, "id", sc->id);
	v_sets(a, v, "name", sc->name);
	v_sets(a, v, "short_name", sc->short_name);
	v_sets(a, v, "address", sc->address);
	v_sets(a, v, "website", sc->website);
	v_sets(a, v, "phone", sc->phone);
	v_sets(a, v, "email", sc->email);
	v_sets(a, v, "head", sc->head);
	v_sets(a, v, "description", sc->description);
	v_sets(a, v, "body_html", sc->body_html);
	const char **titles = arena_alloc(a, (sc->ngroups ? sc->ngroups : 1) * sizeof(char *));
	size_t ng = public_groups(c, sc, titles);
	v_setb(a, v, "has_groups", ng > 0);
	value *g = v_set(a, v, "groups", v_list(a));
	for (size_t i = 0; i < ng; i++)
		v_push(a, g, v_str(a, titles[i]));
	value *x = v_set(a, v, "extra", v_list(a));
	for (size_t i = 0; i < sc->nextra; i++) {
		value *it = v_push(a, x, v_map(a));
		v_sets(a, it, "key", sc->extra[i].key);
		v_sets(a, it, "value", sc->extra[i].value);
	}
	return v;
}

value *school_subpage(const ctx *c, const char *title, const char *here)
{
	arena *a = c->a;
	const school *sc = c->j->sc;
	const edition *ed = c->j->ed;
	value *v = layout(c, title, ed);
	crumb(c, v, ed->title, edition_path(a, ed));
	crumb(c, v, "Школы", "schools/");
	crumb(c, v, sc->short_name, school_path(a, ed, sc));
	crumb(c, v, here, NULL);
	v_sets(a, v, "school_url", link_to(c, school_path(a, ed, sc)));
	return v;
}
