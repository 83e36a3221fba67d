/* editions/<edition>/edition.yaml and roadmap documents editions/<edition>/<slug>.yaml */
#include "fields.h"
#include "escape.h"
#include "fsutil.h"
#include "load_indicators.h"
#include "loader.h"
#include "load_period.h"
#include "markdown.h"
#include "mention.h"
#include "ru.h"
#include "schedule_load.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const EDITION_KEYS[] = {"title",        "period",    "status",          "notes",
                                           "school_terms", "reporting", "vpr_windows", "lessons_per_day", NULL};
static const char *const PERIOD_KEYS[] = {"start", "end", NULL};
static const char *const EDITION_STATUSES[] = {"draft", "approved", "completed", NULL};
static const char *const DOC_KEYS[] = {"title", "short_title", "kind", "approved", "considered", "intro",
                                       "goal", "tasks", "targets", "columns", "chapters", "schools",
                                       "amendments", "sections", NULL};
static const char *const APPROVED_KEYS[] = {"act", "authority", "number", "date", "signed_by", "signer",
                                            "signer_title", "url", NULL};
static const char *const CONSIDERED_KEYS[] = {"stamp", "body", "protocol", "date", "signer", "signer_title", NULL};
/* stamp: values, in stamp_kind order; the Russian words of the stamps are accepted too. */
static const char *const STAMP_KEYS[] = {"considered", "agreed", "approved", NULL};
static const char *const STAMP_WORDS[] = {"рассмотрен", "согласовано", "утверждаю", NULL};
static const char *const CHAPTER_KEYS[] = {"title", "text", "place", NULL};
static const char *const PLACE_KEYS[] = {"before", "after", NULL};
static const char *const AMENDMENT_KEYS[] = {"act", "number", "date", "url", "note", NULL};
/* kind: values, in doc_kind order. */
static const char *const KIND_NAMES[] = {"дорожная карта", "план", "программа", "комплекс мер", NULL};
/* The fields of an activity that `was:` may hold (column keys). */
static const char *const WAS_KEYS[] = {"title", "task", "deadline", "responsible", "report", "result",
                                       "indicator", NULL};
/* What import writes for a row without text (import.c). */
#define UNTITLED "Мероприятие без названия"
static const char *const TARGET_KEYS[] = {"indicator", "target", "baseline", NULL};
static const char *const COLUMN_KEYS[] = {"number", "title", "deadline", "responsible", "report", "result",
                                          "status", "indicator", "task", NULL};
static const char *const SECTION_KEYS[] = {"title", "number", "schools", "activities", NULL};
static const char *const ACTIVITY_KEYS[] = {"number", "title", "task", "deadline", "responsible",
                                            "schools", "report", "result", "indicator", "status",
                                            "done_on", "evidence", "comment", "marks", "amended_by", "was", NULL};
static const char *const STATUS_KEYS[] = {"planned", "in-progress", "done", "partial", "not-done",
                                          "postponed", "cancelled", NULL};

static pos pos_of(const ynode *n)
{
	return (pos){n->file, n->line, n->col};
}

/* Known ids / groups for the error message, at most a few. */
static char *known_list(const site *s, bool groups)
{
	buf b = BUF_INIT;
	size_t shown = 0;
	for (size_t i = 0; i < s->nschools && shown < 8; i++) {
		const school *sc = &s->schools[i];
		if (!groups) {
			buf_printf(&b, "%s%s", shown++ ? ", " : "", sc->id);
			continue;
		}
		for (size_t g = 0; g < sc->ngroups && shown < 8; g++) {
			if (strstr(b.data ? b.data : "", sc->groups[g]))
				continue;
			buf_printf(&b, "%s%s", shown++ ? ", " : "", sc->groups[g]);
		}
	}
	if (shown == 8)
		buf_puts(&b, ", …");
	if (!shown)
		buf_puts(&b, groups ? "групп нет" : "школ нет");
	return buf_detach(&b);
}

static bool school_in_group(const school *sc, const char *g)
{
	for (size_t i = 0; i < sc->ngroups; i++)
		if (!strcmp(sc->groups[i], g))
			return true;
	return false;
}

/* schools: all | [sosh-4, group:low-results] into *c (on an activity, section or document). */
static void load_concerns(loader *L, concerns *c, const ynode *v)
{
	site *s = L->s;
	if (!v || y_is_null(v))
		return;
	if (v->kind == Y_SCALAR && !strcmp(v->s, "all")) {
		c->set = c->all = true;
		return;
	}
	if (v->kind != Y_SEQ) {
		diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поле «schools»: ожидалось all или список вида [sosh-4, group:low-results]");
		return;
	}
	c->set = true;
	bool *take = xcalloc(s->nschools + 1, sizeof(bool));
	c->refs = arena_alloc(L->a, (v->n ? v->n : 1) * sizeof(char *));
	for (size_t i = 0; i < v->n; i++) {
		const ynode *it = v->items[i];
		if (it->kind != Y_SCALAR) {
			diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col, "поле «schools»: ожидался код школы");
			continue;
		}
		bool found = false;
		if (str_starts(it->s, "group:")) {
			const char *g = it->s + 6;
			for (size_t k = 0; k < s->nschools; k++)
				if (school_in_group(&s->schools[k], g))
					take[k] = found = true;
			if (!found) {
				char *known = known_list(s, true);
				diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
				         "неизвестная группа школ «%s» (известны: %s)", g, known);
				free(known);
			}
		} else {
			const school *sc = site_school(s, it->s);
			if (sc)
				take[sc - s->schools] = found = true;
			if (!found)
				load_unknown_school(L, it->file, it->line, it->col, it->s);
		}
		c->refs[c->nrefs++] = it->s;
	}
	size_t n = 0;
	for (size_t k = 0; k < s->nschools; k++)
		n += take[k];
	c->schools = arena_alloc(L->a, (n ? n : 1) * sizeof(school *));
	for (size_t k = 0; k < s->nschools; k++)
		if (take[k])
			c->schools[c->nschools++] = &s->schools[k];
	free(take);
}

/* The activity's own schools, else its section's, else its document's. */
static void activity_schools(loader *L, activity *a, const ynode *m)
{
	concerns own = {0};
	load_concerns(L, &own, y_get(m, "schools"));
	const concerns *c = &own;
	if (!own.set) {
		c = a->section->schools.set ? &a->section->schools : &a->doc->schools;
		a->schools_inherited = c->set;
	}
	a->all_schools = c->all;
	a->schools = c->schools;
	a->nschools = c->nschools;
	a->school_refs = c->refs;
	a->nschool_refs = c->nrefs;
}

/* A web address field of map m: http(s) only.  NULL (reported) otherwise. */
static const char *url_field(loader *L, const ynode *m, const char *key, bool required, const char *what)
{
	const char *u = f_str(m, key, required, what, L->dl);
	if (u && !load_url_ok(u)) {
		const ynode *v = y_get(m, key);
		diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поле «%s»: ожидался адрес, начинающийся с https:// или http://", key);
		return NULL;
	}
	return u;
}

/* Index of scalar v among keys (or among words, compared regardless of case); -1
 * (reported, with a suggestion) otherwise. */
static int choice(loader *L, const ynode *v, const char *key, const char *const *keys, const char *const *words)
{
	if (v->kind == Y_SCALAR) {
		for (int i = 0; keys && keys[i]; i++)
			if (!strcmp(v->s, keys[i]))
				return i;
		for (int i = 0; words && words[i]; i++)
			if (utf8_caseeq(v->s, words[i]))
				return i;
	}
	buf b = BUF_INIT;
	for (int i = 0; keys && keys[i]; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", keys[i]);
	for (int i = 0; words && words[i]; i++)
		buf_printf(&b, "%s«%s»", !b.len ? "" : keys && !i ? " или " : ", ", words[i]);
	const char *sug = v->kind == Y_SCALAR ? f_suggest(v->s, keys ? keys : words) : NULL;
	diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col, "поле «%s»: допустимы %s%s%s%s", key, buf_cstr(&b),
	         sug ? "; может быть, «" : "", sug ? sug : "", sug ? "»?" : "");
	buf_free(&b);
	return -1;
}

static status parse_status(loader *L, activity *a, const ynode *m)
{
	const ynode *v = y_get(m, "status");
	if (!v || y_is_null(v))
		return ST_PLANNED;
	bool ok = false;
	status st = v->kind == Y_SCALAR ? status_parse(v->s, &ok) : ST_PLANNED;
	if (ok) {
		a->st_written = true;
		a->st_as_written = st;
		a->st_at = pos_of(v);
		return st;
	}
	const char *sug = v->kind == Y_SCALAR ? f_suggest(v->s, STATUS_KEYS) : NULL;
	if (!sug && v->kind == Y_SCALAR) {
		/* A misspelt Russian word («выполнинео»): suggest the English key of the nearest label. */
		const char *labels[ST_COUNT + 1];
		for (int i = 0; i < ST_COUNT; i++)
			labels[i] = status_label_lc((status)i);
		labels[ST_COUNT] = NULL;
		char *key = utf8_key(v->s);
		const char *near = f_suggest(key, labels);
		for (int i = 0; near && i < ST_COUNT; i++)
			if (near == labels[i])
				sug = status_name((status)i);
		free(key);
	}
	diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
	         "поле «status»: допустимы %s%s%s%s", STATUS_WORDS, sug ? "; может быть, «" : "",
	         sug ? sug : "", sug ? "»?" : "");
	return ST_PLANNED;
}

/* A title with no letter or digit («—», «…»), or the text import writes for a row without one. */
static bool untitled(const char *text)
{
	if (!text || str_starts(text, UNTITLED))
		return true;
	for (const char *p = text; *p; p++)
		if ((unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
			return false;
	return true;
}

/* amended_by: N (1-based index into the document's amendments) and was: {field: old text}. */
static void load_amended(loader *L, activity *a, const ynode *m)
{
	const ynode *n = y_get(m, "amended_by");
	if (n && !y_is_null(n)) {
		long k = f_int(m, "amended_by", 0, 1, 1000, L->dl);
		if (k > 0 && (size_t)k > a->doc->namendments)
			diag_add(L->dl, DIAG_ERROR, n->file, n->line, n->col,
			         "поле «amended_by»: указано изменение %ld, а в списке «amendments» документа их %zu; "
			         "номер — порядковый номер изменения в этом списке, с 1",
			         k, a->doc->namendments);
		else if (k > 0)
			a->amended_by = (size_t)k;
	}
	const ynode *w = y_get(m, "was");
	if (!w || y_is_null(w) || !f_expect_map(w, "was (прежняя редакция мероприятия)", L->dl))
		return;
	f_check_keys(w, WAS_KEYS, "блоке «was»", L->dl);
	a->was = arena_alloc(L->a, (w->n ? w->n : 1) * sizeof(was_field));
	for (size_t i = 0; WAS_KEYS[i]; i++) {
		size_t nl;
		const char **l = f_str_list(L->a, w, WAS_KEYS[i], &nl, L->dl);
		if (!nl)
			continue;
		buf b = BUF_INIT;
		for (size_t k = 0; k < nl; k++)
			buf_printf(&b, "%s%s", k ? ", " : "", l[k]);
		a->was[a->nwas].key = WAS_KEYS[i];
		a->was[a->nwas++].text = md_plain(L->a, buf_cstr(&b));
		buf_free(&b);
	}
}

/* «27 августа 2021 г.» in the arena, for messages. */
static const char *ru_date_a(loader *L, date d)
{
	buf b = BUF_INIT;
	ru_date(&b, d);
	const char *s = arena_strdup(L->a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Sanity checks of one activity's dates and status: warnings, and a note
 * for a bare «done» (spec: messages that say how to fix). */
static void check_activity_dates(loader *L, const edition *ed, const activity *a, const ynode *m)
{
	diag_list *dl = L->dl;
	const site *s = L->s;
	if (date_is_set(a->done_on) && date_is_set(s->today) && date_cmp(a->done_on, s->today) > 0) {
		const ynode *v = y_get(m, "done_on");
		diag_add(dl, DIAG_WARNING, v->file, v->line, v->col,
		         "дата исполнения %s ещё не наступила (сведения на %s): проверьте год; если сайт говорит о "
		         "другой дате, укажите её полем as_of в site.yaml",
		         ru_date_a(L, a->done_on), ru_date_a(L, s->today));
	}
	const deadline *d = &a->dl;
	/* A month of slack: «август» and «15.08.2020» before a school year are preparation, not a typo. */
	bool before = date_is_set(d->end) && date_cmp(d->end, date_add_days(ed->start, -31)) < 0;
	bool after = date_is_set(d->start) && date_cmp(d->start, date_add_days(ed->end, 31)) > 0;
	if (a->deadline_text && d->kind != DL_UNKNOWN && (before || after)) {
		const ynode *v = y_get(m, "deadline");
		diag_add(dl, DIAG_WARNING, v->file, v->line, v->col,
		         "срок «%s» целиком %s периода редакции (%s — %s): проверьте год в сроке или папку редакции",
		         a->deadline_text, before ? "раньше" : "позже", ru_date_a(L, ed->start), ru_date_a(L, ed->end));
	}
	if (a->st_written && a->st_as_written == ST_DONE && !date_is_set(a->done_on) && !a->nevidence) {
		const ynode *v = y_get(m, "status");
		diag_add(dl, DIAG_NOTE, v->file, v->line, v->col,
		         "мероприятие отмечено выполненным, но нет ни даты исполнения, ни подтверждения: добавьте "
		         "done_on: ГГГГ-ММ-ДД или evidence со ссылкой на документ");
	}
}

static void load_activity(loader *L, edition *ed, section *sec, activity *a, const ynode *m, size_t idx)
{
	diag_list *dl = L->dl;
	const char *what = "мероприятии";
	f_check_keys(m, ACTIVITY_KEYS, what, dl);
	a->at = pos_of(m);
	a->section = sec;
	a->doc = sec->doc;
	a->number = f_str(m, "number", false, what, dl);
	if (!a->number)
		a->number = arena_printf(L->a, "%s.%zu", sec->number, idx + 1);
	a->anchor = arena_printf(L->a, "a%s-%zu", sec->anchor + 1, idx + 1); /* s-2 → a-2-3 */
	const char *title = f_str(m, "title", true, what, dl);
	a->title_html = md_inline(L->a, title);
	a->title_text = md_plain(L->a, title);
	a->task_html = md_inline(L->a, f_str(m, "task", false, what, dl));
	a->deadline_text = f_str(m, "deadline", false, what, dl);
	a->responsible = f_str_list(L->a, m, "responsible", &a->nresponsible, dl);
	activity_schools(L, a, m);
	a->report = f_str(m, "report", false, what, dl);
	const char *result = f_str(m, "result", false, what, dl);
	a->result_html = md_block(L->a, result);
	a->result_text = md_plain(L->a, result);
	a->indicator = f_str(m, "indicator", false, what, dl);
	a->st = parse_status(L, a, m);
	a->done_on = f_date(m, "done_on", false, dl);
	if (date_is_set(a->done_on) && a->st != ST_DONE) {
		const ynode *v = y_get(m, "done_on");
		diag_add(dl, DIAG_WARNING, v->file, v->line, v->col,
		         "указана дата исполнения, но статус не «done»");
	}
	load_evidence(L, m, &a->evidence, &a->nevidence);
	load_amended(L, a, m);
	a->comment_html = md_block(L->a, f_str(m, "comment", false, what, dl));
	if (a->deadline_text) {
		deadline_parse_in(a->deadline_text, &ed->dlc, &a->dl);
		if (a->dl.kind == DL_UNKNOWN) {
			const ynode *v = y_get(m, "deadline");
			diag_add(dl, DIAG_WARNING, v->file, v->line, v->col,
			         "срок «%s» не распознан: он будет показан как написан, без даты, и не попадёт в календарь",
			         a->deadline_text);
		}
	} else {
		deadline_parse_in("", &ed->dlc, &a->dl);
	}
	check_activity_dates(L, ed, a, m);
	if (!a->all_schools && !a->nschool_refs && title)
		mention_warn(L->s, title, m, dl);
	load_activity_marks(L, a, m);
	if (title && untitled(a->title_text)) {
		const ynode *v = y_get(m, "title");
		diag_add(dl, DIAG_WARNING, v->file, v->line, v->col,
		         "у мероприятия %s нет названия: впишите его текст из документа (если это продолжение "
		         "предыдущей строки таблицы, перенесите текст туда и удалите это мероприятие)",
		         a->number);
	}
}

static void load_section(loader *L, edition *ed, document *doc, section *sec, const ynode *m, size_t idx)
{
	const char *what = "разделе";
	f_check_keys(m, SECTION_KEYS, what, L->dl);
	sec->doc = doc;
	sec->title = md_plain(L->a, f_str(m, "title", true, what, L->dl));
	sec->number = f_str(m, "number", false, what, L->dl);
	if (!sec->number)
		sec->number = arena_printf(L->a, "%zu", idx + 1);
	sec->anchor = arena_printf(L->a, "s-%zu", idx + 1);
	sec->at = pos_of(m);
	load_concerns(L, &sec->schools, y_get(m, "schools"));
	const ynode *acts = f_seq(m, "activities", "", L->dl);
	if (!acts || !acts->n) {
		diag_add(L->dl, DIAG_WARNING, m->file, m->line, m->col,
		         "в разделе %s нет ни одного мероприятия: добавьте их (поле «activities») или удалите раздел; "
		         "если это заголовок, попавший из текста документа, перенесите его в «intro» или «chapters»",
		         sec->number);
		return;
	}
	sec->acts = arena_alloc(L->a, (acts->n ? acts->n : 1) * sizeof(activity));
	for (size_t i = 0; i < acts->n; i++) {
		if (!f_expect_map(acts->items[i], "мероприятие", L->dl))
			continue;
		load_activity(L, ed, sec, &sec->acts[sec->nacts], acts->items[i], sec->nacts);
		sec->nacts++;
	}
}

static void load_approved(loader *L, document *doc, const ynode *m)
{
	if (!m)
		return;
	if (!f_expect_map(m, "approved", L->dl))
		return;
	f_check_keys(m, APPROVED_KEYS, "блоке «approved»", L->dl);
	doc->has_approved = true;
	doc->act = f_str(m, "act", false, "", L->dl);
	doc->authority = f_str(m, "authority", false, "", L->dl);
	doc->number = f_str(m, "number", false, "", L->dl);
	doc->signed_by = f_str(m, "signer_title", false, "", L->dl);
	const char *old = f_str(m, "signed_by", false, "", L->dl);
	if (old && doc->signed_by) {
		const ynode *v = y_get(m, "signed_by");
		diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
		         "поля «signed_by» и «signer_title» означают одно и то же (должность подписавшего): оставьте одно");
	} else if (old) {
		doc->signed_by = old;
	}
	doc->signer = f_str(m, "signer", false, "", L->dl);
	doc->approved_url = url_field(L, m, "url", false, "блоке «approved»");
	doc->approved_on = f_date(m, "date", false, L->dl);
}

/* An approval dated far from its edition is usually a wrong year: later than
 * three months into the edition, or before the previous edition began (the
 * previous school year when there is no previous edition). */
static void check_approval_date(loader *L, const edition *ed, const document *doc, const ynode *m)
{
	const ynode *v = m && m->kind == Y_MAP ? y_get(m, "date") : NULL;
	if (!v || !date_is_set(doc->approved_on) || !date_is_set(ed->start))
		return;
	date late = ed->start;
	late.m += 3;
	if (late.m > 12) {
		late.m -= 12;
		late.y++;
	}
	if (late.d > date_days_in_month(late.y, late.m))
		late.d = date_days_in_month(late.y, late.m);
	/* A year before the edition, or the previous edition's start when that is earlier. */
	const edition *prev = ed > L->s->eds ? ed - 1 : NULL;
	date early = {ed->start.y - 1, ed->start.m, ed->start.d};
	if (early.m == 2 && early.d == 29)
		early.d = 28;
	if (prev && date_cmp(prev->start, early) < 0)
		early = prev->start;
	else
		prev = NULL;
	if (date_cmp(doc->approved_on, late) > 0)
		diag_add(L->dl, DIAG_WARNING, v->file, v->line, v->col,
		         "дата утверждения %s — больше чем через три месяца после начала редакции (%s): проверьте год "
		         "в дате или папку редакции",
		         ru_date_a(L, doc->approved_on), ru_date_a(L, ed->start));
	else if (date_cmp(doc->approved_on, early) < 0)
		diag_add(L->dl, DIAG_WARNING, v->file, v->line, v->col,
		         "дата утверждения %s — раньше начала %s (%s): проверьте год в дате или папку редакции",
		         ru_date_a(L, doc->approved_on), prev ? "предыдущей редакции" : "предыдущего учебного года",
		         ru_date_a(L, early));
}

/* considered: [{stamp, body, protocol, date, signer, signer_title}] */
static void load_considered(loader *L, document *doc, const ynode *m)
{
	const ynode *c = f_seq(m, "considered", "", L->dl);
	if (!c)
		return;
	const char *what = "отметке о рассмотрении";
	doc->considered = arena_alloc(L->a, (c->n ? c->n : 1) * sizeof(considered));
	for (size_t i = 0; i < c->n; i++) {
		const ynode *it = c->items[i];
		if (!f_expect_map(it, "отметка о рассмотрении", L->dl))
			continue;
		bool keys_ok = f_check_keys(it, CONSIDERED_KEYS, what, L->dl);
		considered *k = &doc->considered[doc->nconsidered];
		const ynode *st = y_get(it, "stamp");
		if (st && !y_is_null(st)) {
			int x = choice(L, st, "stamp", STAMP_KEYS, STAMP_WORDS);
			if (x < 0)
				continue;
			k->stamp = (stamp_kind)x;
		}
		k->body = f_str(it, "body", false, what, L->dl);
		k->protocol = f_str(it, "protocol", false, what, L->dl);
		k->on = f_date(it, "date", false, L->dl);
		k->signer = f_str(it, "signer", false, what, L->dl);
		k->signer_title = f_str(it, "signer_title", false, what, L->dl);
		k->at = pos_of(it);
		if (!k->body && !k->signer && !k->signer_title) {
			if (keys_ok) /* a misspelt key is reported already */
				diag_add(L->dl, DIAG_ERROR, it->file, it->line, it->col,
				         "в отметке о рассмотрении нужно «body» (кем рассмотрен: Методический совет) или «signer» / "
				         "«signer_title» (кто согласовал или утвердил)");
			continue;
		}
		doc->nconsidered++;
	}
}

/* chapters: [{title, text, place}] */
static void load_chapters(loader *L, document *doc, const ynode *m)
{
	const ynode *c = f_seq(m, "chapters", "", L->dl);
	if (!c)
		return;
	doc->chapters = arena_alloc(L->a, (c->n ? c->n : 1) * sizeof(chapter));
	for (size_t i = 0; i < c->n; i++) {
		const ynode *it = c->items[i];
		if (!f_expect_map(it, "глава документа", L->dl))
			continue;
		f_check_keys(it, CHAPTER_KEYS, "главе документа", L->dl);
		chapter *ch = &doc->chapters[doc->nchapters];
		ch->title = md_plain(L->a, f_str(it, "title", true, "главе документа", L->dl));
		ch->html = md_block(L->a, f_str(it, "text", false, "главе документа", L->dl));
		const ynode *pl = y_get(it, "place");
		if (pl && !y_is_null(pl)) {
			int x = choice(L, pl, "place", PLACE_KEYS, NULL);
			ch->after = x == 1;
		}
		if (!ch->title)
			continue;
		ch->anchor = arena_printf(L->a, "ch-%zu", doc->nchapters + 1);
		doc->nchapters++;
	}
}

/* amendments: [{act, number, date, url, note}] */
static void load_amendments(loader *L, document *doc, const ynode *m)
{
	const ynode *c = f_seq(m, "amendments", "", L->dl);
	if (!c)
		return;
	const char *what = "изменении документа";
	doc->amendments = arena_alloc(L->a, (c->n ? c->n : 1) * sizeof(amendment));
	for (size_t i = 0; i < c->n; i++) {
		const ynode *it = c->items[i];
		amendment *am = &doc->amendments[doc->namendments++];
		am->at = pos_of(it);
		/* Kept even when broken, so that amended_by numbers still match the list. */
		if (!f_expect_map(it, "изменение документа", L->dl))
			continue;
		f_check_keys(it, AMENDMENT_KEYS, what, L->dl);
		am->act = f_str(it, "act", false, what, L->dl);
		if (!am->act)
			am->act = doc->act ? doc->act : "Приказ";
		am->number = f_str(it, "number", false, what, L->dl);
		am->on = f_date(it, "date", true, L->dl);
		am->url = url_field(L, it, "url", false, what);
		am->note = md_plain(L->a, f_str(it, "note", false, what, L->dl));
	}
}

/* kind: as written, else the first of план / программа / карта / комплекс among the title's words. */
static void load_kind(loader *L, document *doc, const ynode *m)
{
	const ynode *k = y_get(m, "kind");
	if (k && !y_is_null(k)) {
		int x = choice(L, k, "kind", NULL, KIND_NAMES);
		doc->kind = x < 0 ? DK_OTHER : (doc_kind)x;
		return;
	}
	doc->kind = DK_OTHER;
	char *t = doc->title ? utf8_fold(doc->title, strlen(doc->title), 0) : NULL;
	static const char *const first[] = {"план", "программа", "карта", "комплекс", NULL};
	static const doc_kind kinds[] = {DK_PLAN, DK_PROGRAM, DK_ROADMAP, DK_MEASURES};
	/* Words are runs of Cyrillic letters (two bytes, D0/D1 …) and ASCII letters. */
	for (char *p = t; p && *p;) {
		size_t n = 0;
		while (p[n] && ((((unsigned char)p[n] == 0xD0 || (unsigned char)p[n] == 0xD1) && p[n + 1]) ||
		                ((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z')))
			n += (unsigned char)p[n] >= 0x80 ? 2 : 1;
		for (int i = 0; n && first[i]; i++)
			if (strlen(first[i]) == n && !memcmp(p, first[i], n)) {
				doc->kind = kinds[i];
				free(t);
				return;
			}
		p += n ? n : 1;
	}
	free(t);
}

static void load_targets(loader *L, document *doc, const ynode *m)
{
	const ynode *t = f_seq(m, "targets", "", L->dl);
	if (!t)
		return;
	doc->targets = arena_alloc(L->a, (t->n ? t->n : 1) * sizeof(target));
	for (size_t i = 0; i < t->n; i++) {
		const ynode *it = t->items[i];
		if (!f_expect_map(it, "целевой показатель", L->dl))
			continue;
		f_check_keys(it, TARGET_KEYS, "целевом показателе", L->dl);
		target *tg = &doc->targets[doc->ntargets];
		tg->indicator = f_str(it, "indicator", true, "целевом показателе", L->dl);
		const ynode *tv = y_get(it, "target"), *bl = y_get(it, "baseline");
		if (!tv || !ind_parse_plan(L->a, tv, &tg->plan, L->dl)) /* by year, or as written */
			tg->target = f_str(it, "target", false, "целевом показателе", L->dl);
		if (bl && !y_is_null(bl))
			ind_parse_baseline(bl, &tg->plan, L->dl);
		tg->at = pos_of(it);
		if (tg->indicator)
			doc->ntargets++;
	}
}

static void load_columns(loader *L, document *doc, const ynode *m)
{
	doc->col_deadline = "Сроки";
	doc->col_responsible = "Ответственные";
	doc->col_report = "Отчётная документация";
	doc->col_result = "Ожидаемый результат";
	doc->col_indicator = "Показатели";
	doc->col_task = "Задачи";
	const ynode *c = y_get(m, "columns");
	if (!c || !f_expect_map(c, "columns", L->dl))
		return;
	f_check_keys(c, COLUMN_KEYS, "блоке «columns»", L->dl);
	const char *v;
	if ((v = f_str(c, "deadline", false, "", L->dl)))
		doc->col_deadline = v;
	if ((v = f_str(c, "responsible", false, "", L->dl)))
		doc->col_responsible = v;
	if ((v = f_str(c, "report", false, "", L->dl)))
		doc->col_report = v;
	if ((v = f_str(c, "result", false, "", L->dl)))
		doc->col_result = v;
	if ((v = f_str(c, "indicator", false, "", L->dl)))
		doc->col_indicator = v;
	if ((v = f_str(c, "task", false, "", L->dl)))
		doc->col_task = v;
}

static void load_document(loader *L, edition *ed, document *doc, const char *rel, const char *slug)
{
	ynode *m = load_yaml(L, rel, true);
	doc->ed = ed;
	doc->slug = slug;
	if (!m || !f_expect_map(m, "документ", L->dl))
		return;
	const char *what = "документе";
	doc->at = pos_of(m);
	f_check_keys(m, DOC_KEYS, what, L->dl);
	doc->title = md_plain(L->a, f_str(m, "title", true, what, L->dl));
	doc->short_title = md_plain(L->a, f_str(m, "short_title", false, what, L->dl));
	if (!doc->short_title)
		doc->short_title = doc->title;
	load_kind(L, doc, m);
	load_approved(L, doc, y_get(m, "approved"));
	check_approval_date(L, ed, doc, y_get(m, "approved"));
	load_considered(L, doc, m);
	load_chapters(L, doc, m);
	load_amendments(L, doc, m);
	load_concerns(L, &doc->schools, y_get(m, "schools"));
	doc->intro_html = md_block(L->a, f_str(m, "intro", false, what, L->dl));
	doc->goal_html = md_block(L->a, f_str(m, "goal", false, what, L->dl));
	size_t nt;
	const char **tasks = f_str_list(L->a, m, "tasks", &nt, L->dl);
	doc->tasks_html = arena_alloc(L->a, (nt ? nt : 1) * sizeof(char *));
	for (size_t i = 0; i < nt; i++)
		doc->tasks_html[i] = md_inline(L->a, tasks[i]);
	doc->ntasks = nt;
	load_targets(L, doc, m);
	load_columns(L, doc, m);
	const ynode *secs = f_seq(m, "sections", "", L->dl);
	if (!secs) {
		diag_add(L->dl, DIAG_ERROR, rel, m->line, m->col, "в документе нет разделов (поле «sections»)");
		return;
	}
	doc->sections = arena_alloc(L->a, (secs->n ? secs->n : 1) * sizeof(section));
	for (size_t i = 0; i < secs->n; i++) {
		if (!f_expect_map(secs->items[i], "раздел", L->dl))
			continue;
		load_section(L, ed, doc, &doc->sections[doc->nsections], secs->items[i], doc->nsections);
		doc->nsections++;
	}
}

static void load_edition_yaml(loader *L, edition *ed, const char *dir)
{
	char *rel = xasprintf("%s/edition.yaml", dir);
	const char *relp = arena_strdup(L->a, rel);
	free(rel);
	ed->status = "approved";
	ynode *m = load_yaml(L, relp, false);
	if (!m || !f_expect_map(m, "edition.yaml", L->dl)) {
		period_defaults(L->a, ed);
		period_finish(L, ed, NULL);
		return;
	}
	f_check_keys(m, EDITION_KEYS, "edition.yaml", L->dl);
	const char *t = f_str(m, "title", false, "", L->dl);
	const char *st = f_str(m, "status", false, "", L->dl);
	if (st) {
		bool ok = false;
		for (int i = 0; EDITION_STATUSES[i]; i++)
			ok |= !strcmp(st, EDITION_STATUSES[i]);
		const ynode *v = y_get(m, "status");
		if (ok)
			ed->status = st;
		else
			diag_add(L->dl, DIAG_ERROR, v->file, v->line, v->col,
			         "поле «status»: допустимы draft, approved, completed");
	}
	ed->notes_html = md_block(L->a, f_str(m, "notes", false, "", L->dl));
	const ynode *p = y_get(m, "period");
	if (p && f_expect_map(p, "period", L->dl)) {
		f_check_keys(p, PERIOD_KEYS, "блоке «period»", L->dl);
		date s = f_date(p, "start", true, L->dl), e = f_date(p, "end", true, L->dl);
		if (date_is_set(s) && date_is_set(e) && date_cmp(s, e) > 0)
			diag_add(L->dl, DIAG_ERROR, p->file, p->line, p->col, "начало периода позже его конца");
		else if (date_is_set(s) && date_is_set(e)) {
			ed->start = s;
			ed->end = e;
		}
	}
	period_defaults(L->a, ed); /* the title and the rest follow the final period */
	if (t)
		ed->title = t;
	period_load(L, ed, m);
	period_finish(L, ed, m);
	load_schedule_settings(L, ed, m);
}

void load_edition_time(loader *L, edition *ed, const char *id)
{
	char *dir = xasprintf("editions/%s", id);
	ed->id = arena_strdup(L->a, id);
	deadline_edition_period(id, &ed->start, &ed->end);
	load_edition_yaml(L, ed, dir);
	free(dir);
}

static void load_edition(loader *L, edition *ed, const char *id)
{
	char *dir = xasprintf("editions/%s", id);
	load_edition_time(L, ed, id);
	char *abs = load_path(L, dir);
	char **names;
	int n = fs_list(abs, ".yaml", false, &names);
	if (n < 0) /* the folder was listed, so it exists: unreadable */
		diag_add(L->dl, DIAG_ERROR, dir, 0, 0, "не удалось прочитать папку (нет прав?)");
	free(abs);
	ed->docs = arena_alloc(L->a, (n > 0 ? (size_t)n : 1) * sizeof(document));
	for (int i = 0; i < n; i++) {
		if (!strcmp(names[i], "edition.yaml"))
			continue;
		char *rel = xasprintf("%s/%s", dir, names[i]);
		const char *slug = arena_strndup(L->a, names[i], strlen(names[i]) - 5);
		const char *relp = arena_strdup(L->a, rel);
		free(rel);
		if (!f_valid_id(slug) || !strcmp(slug, "deadlines") || !strcmp(slug, "report") ||
		    !strcmp(slug, "schools") || !strcmp(slug, "indicators") || !strcmp(slug, "data") ||
		    !strcmp(slug, "changes")) {
			diag_add(L->dl, DIAG_ERROR, relp, 0, 0,
			         "имя файла «%s» не годится для адреса документа: только строчные латинские буквы, цифры и дефис; "
			         "имена deadlines, report, schools, indicators, data, changes заняты",
			         names[i]);
			continue;
		}
		load_document(L, ed, &ed->docs[ed->ndocs++], relp, slug);
	}
	if (n > 0)
		fs_names_free(names, n);
	if (ed->ndocs == 0)
		diag_add(L->dl, DIAG_WARNING, dir, 0, 0, "в редакции нет ни одного документа");
	free(dir);
}

void load_editions(loader *L)
{
	site *s = L->s;
	char *dir = load_path(L, "editions");
	char **names;
	int n = fs_list(dir, NULL, true, &names);
	free(dir);
	if (n <= 0) {
		diag_add(L->dl, DIAG_ERROR, "editions", 0, 0, "нет ни одной редакции (папки вида editions/2021-2022)");
		return;
	}
	s->eds = arena_alloc(L->a, (size_t)n * sizeof(edition));
	for (int i = 0; i < n; i++) {
		date a, b;
		if (!deadline_edition_period(names[i], &a, &b)) {
			char *rel = xasprintf("editions/%s", names[i]);
			diag_add(L->dl, DIAG_ERROR, rel, 0, 0,
			         "папка редакции должна называться по учебному году, например 2021-2022");
			free(rel);
			continue;
		}
		edition *ed = &s->eds[s->neds++];
		load_edition(L, ed, names[i]);
		ed->prev = s->neds > 1 ? ed - 1 : NULL;
	}
	fs_names_free(names, n);
	const char *want = s->current ? s->current->id : NULL;
	s->current = s->neds ? &s->eds[s->neds - 1] : NULL;
	if (want) {
		s->current = NULL;
		for (size_t i = 0; i < s->neds; i++)
			if (!strcmp(s->eds[i].id, want))
				s->current = &s->eds[i];
		if (!s->current) {
			diag_add(L->dl, DIAG_ERROR, s->current_at.file, s->current_at.line, s->current_at.col,
			         "поле «current_edition»: редакции «%s» нет в папке editions", want);
			s->current = s->neds ? &s->eds[s->neds - 1] : NULL;
		}
	}
	if (s->current)
		s->current->current = true;
}
