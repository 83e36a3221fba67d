#include "ics.h"
#include "escape.h"
#include "memo.h"
#include "schedule.h"
#include "util.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

void ics_fold_line(buf *out, const char *line, size_t len)
{
	size_t col = 0;
	for (size_t i = 0; i < len;) {
		size_t n = 1;
		unsigned char ch = (unsigned char)line[i];
		if (ch >= 0xF0)
			n = 4;
		else if (ch >= 0xE0)
			n = 3;
		else if (ch >= 0xC0)
			n = 2;
		if (i + n > len)
			n = len - i;
		/* A continuation line starts with one space, which counts. */
		if (col + n > 75) {
			buf_puts(out, "\r\n ");
			col = 1;
		}
		buf_put(out, line + i, n);
		col += n;
		i += n;
	}
	buf_puts(out, "\r\n");
}

static void prop(buf *out, const char *name, const char *text)
{
	buf line = BUF_INIT;
	buf_printf(&line, "%s:", name);
	escape_ics(&line, text);
	ics_fold_line(out, line.data, line.len);
	buf_free(&line);
}

static void raw(buf *out, const char *fmt_line)
{
	ics_fold_line(out, fmt_line, strlen(fmt_line));
}

static const char *uid_host(const site *s, char *tmp, size_t n)
{
	const char *b = s->base_url;
	if (!b)
		return "roadmap";
	const char *p = strstr(b, "://");
	p = p ? p + 3 : b;
	size_t len = strcspn(p, "/:");
	if (len >= n)
		len = n - 1;
	memcpy(tmp, p, len);
	tmp[len] = '\0';
	return tmp;
}

/* SUMMARY, DESCRIPTION and URL of an activity's events. */
static void event_text(const site *s, const activity *a, buf *out)
{
	buf t = BUF_INIT;
	buf_printf(&t, "%s. %s", a->number, a->title_text ? a->title_text : "");
	prop(out, "SUMMARY", buf_cstr(&t));
	buf_reset(&t);
	buf_printf(&t, "Срок: %s", a->deadline_text ? a->deadline_text : "");
	if (a->nresponsible) {
		buf_puts(&t, "\nОтветственные: ");
		for (size_t i = 0; i < a->nresponsible; i++)
			buf_printf(&t, "%s%s", i ? ", " : "", a->responsible[i]);
	}
	buf_printf(&t, "\nСтатус: %s\nДокумент: %s", status_label(a->st), a->doc->short_title);
	prop(out, "DESCRIPTION", buf_cstr(&t));
	if (s->base_url) {
		buf_reset(&t);
		buf_printf(&t, "URL:%s%s%s/%s/#%s", s->base_url, str_ends(s->base_url, "/") ? "" : "/",
		           a->doc->ed->id, a->doc->slug, a->anchor);
		if (url_is_safe(t.data + 4))
			raw(out, t.data);
	}
	buf_free(&t);
}

/* BEGIN:VEVENT, UID "<uid>@<site host>" and DTSTAMP: the edition's «as of»
 * date (an archived edition's calendars stay the same from build to build). */
static void event_head(const site *s, const edition *ed, const char *uid, buf *out)
{
	char host[128], stamp[9];
	buf l = BUF_INIT;
	raw(out, "BEGIN:VEVENT");
	buf_printf(&l, "UID:%s@%s", uid, uid_host(s, host, sizeof host));
	raw(out, l.data);
	date_basic(ed->as_of, stamp);
	buf_reset(&l);
	buf_printf(&l, "DTSTAMP:%sT000000Z", stamp);
	raw(out, l.data);
	buf_free(&l);
}

static void begin_event(const site *s, const activity *a, size_t part, buf *out)
{
	char uid[256];
	snprintf(uid, sizeof uid, "%s-%s-%s-%zu", a->doc->ed->id, a->doc->slug, a->anchor, part);
	event_head(s, a->doc->ed, uid, out);
}

static void dates(buf *out, date start, date end)
{
	char a[9], b[9], line[64];
	date_basic(start, a);
	date_basic(date_add_days(end, 1), b);
	snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%s", a);
	raw(out, line);
	snprintf(line, sizeof line, "DTEND;VALUE=DATE:%s", b);
	raw(out, line);
}

/* RRULE for a recurring deadline, anchored on the end of its first part: the
 * day things are due.  Month-end anchors repeat on month ends. */
static void rrule(buf *out, const deadline *d, date first_end)
{
	const char *freq = "YEARLY";
	int interval = 1;
	if (d->every && !strcmp(d->every, "week"))
		freq = "WEEKLY";
	else if (d->every && !strcmp(d->every, "month"))
		freq = "MONTHLY";
	else if (d->every && !strcmp(d->every, "quarter"))
		freq = "MONTHLY", interval = 3;
	else if (d->every && !strcmp(d->every, "half-year"))
		freq = "MONTHLY", interval = 6;
	if (!strcmp(freq, "YEARLY") && d->times > 1 && 12 % d->times == 0)
		freq = "MONTHLY", interval = 12 / d->times;
	char until[9];
	date_basic(d->end, until);
	bool month_end = first_end.d == date_days_in_month(first_end.y, first_end.m);
	buf l = BUF_INIT;
	buf_printf(&l, "RRULE:FREQ=%s", freq);
	if (interval > 1)
		buf_printf(&l, ";INTERVAL=%d", interval);
	if (month_end && strcmp(freq, "MONTHLY") == 0)
		buf_puts(&l, ";BYMONTHDAY=-1");
	buf_printf(&l, ";UNTIL=%s", until);
	raw(out, l.data);
	buf_free(&l);
}

static void activity_events(const site *s, const activity *a, buf *out)
{
	const deadline *d = &a->dl;
	if (!d->nparts || d->kind == DL_PERIOD || d->kind == DL_UNKNOWN)
		return;
	/* School terms are irregular, and the parts of a multi-year edition's
	 * yearly deadline («январь» in 2022-2024) are already every occurrence:
	 * both are one event per part, like a list of dates. */
	bool listed = d->kind == DL_RECURRING && d->every &&
	              (!strcmp(d->every, "school-quarter") ||
	               (!strcmp(d->every, "year") && d->nparts > 1 &&
	                date_to_days(d->parts[d->nparts - 1].end) - date_to_days(d->parts[0].end) >= 365));
	if (d->kind == DL_RECURRING && !listed) {
		/* A regular recurrence is one event repeating from its first due
		 * day.  A yearly one with several dates («до 15 января ежегодно,
		 * до 15 сентября ежегодно») repeats each date: one event per part. */
		bool per_part = (!d->every || !strcmp(d->every, "year")) && d->nparts > 1;
		for (size_t i = 0; i < (per_part ? d->nparts : 1); i++) {
			date e = d->parts[i].end;
			if (!date_is_set(e) || !date_is_set(d->end))
				continue;
			begin_event(s, a, i, out);
			dates(out, e, e);
			rrule(out, d, e);
			event_text(s, a, out);
			raw(out, "END:VEVENT");
		}
		return;
	}
	for (size_t i = 0; i < d->nparts; i++) {
		date st = d->parts[i].start, en = d->parts[i].end;
		if (!date_is_set(en))
			continue;
		begin_event(s, a, i, out);
		dates(out, date_is_set(st) ? st : en, en);
		event_text(s, a, out);
		raw(out, "END:VEVENT");
	}
}

static void assessment_event(const site *s, const edition *ed, const assessment *as, buf *out)
{
	char uid[256];
	/* Stable when other rows are added: the row's anchor is made of the
	 * day and what is assessed ("p-20220315-1a2b3c4d"). */
	snprintf(uid, sizeof uid, "%s-schedule-%s-%s", ed->id, as->sc->id, as->anchor + 2);
	event_head(s, ed, uid, out);
	buf l = BUF_INIT;
	dates(out, as->on, as->on);
	buf_printf(&l, "%s: %s, %s класс", as->procedure, as->subject, as->grade);
	prop(out, "SUMMARY", buf_cstr(&l));
	buf_reset(&l);
	buf_printf(&l, "Оценочная процедура%s%s%s. %s", as->level ? " (" : "", as->level ? as->level : "",
	           as->level ? " уровень)" : "", as->sc->short_name);
	prop(out, "DESCRIPTION", buf_cstr(&l));
	if (s->base_url) {
		buf_reset(&l);
		buf_printf(&l, "URL:%s%s%s/schools/%s/schedule/#%s", s->base_url, str_ends(s->base_url, "/") ? "" : "/",
		           ed->id, as->sc->id, as->anchor);
		if (url_is_safe(l.data + 4))
			raw(out, l.data);
	}
	raw(out, "END:VEVENT");
	buf_free(&l);
}

/* BEGIN:VCALENDAR and the calendar's properties; name: "<site>: <edition>[ — what]". */
static void calendar_head(const site *s, const edition *ed, const char *what, buf *out)
{
	raw(out, "BEGIN:VCALENDAR");
	raw(out, "VERSION:2.0");
	raw(out, "PRODID:-//roadmap//Дорожные карты//RU");
	raw(out, "CALSCALE:GREGORIAN");
	buf name = BUF_INIT;
	buf_printf(&name, "%s: %s", s->title ? s->title : "Дорожные карты", ed->title);
	if (what)
		buf_printf(&name, " — %s", what);
	prop(out, "X-WR-CALNAME", buf_cstr(&name));
	buf_free(&name);
}

void ics_schedule(const site *s, const edition *ed, const school *sc, buf *out)
{
	buf what = BUF_INIT;
	buf_printf(&what, "%s, график оценочных процедур", sc->short_name);
	calendar_head(s, ed, buf_cstr(&what), out);
	buf_free(&what);
	for (size_t i = 0; i < ed->nschedule; i++)
		if (ed->schedule[i].sc == sc)
			assessment_event(s, ed, &ed->schedule[i], out);
	raw(out, "END:VCALENDAR");
}

/* The events of every activity of an edition, in document order: the same
 * text in the edition's calendar and in each school's, made once. */
typedef struct ed_events {
	size_t n;
	char **text;     /* [activity.index]: its events ("" when none) */
	size_t *len;
} ed_events;

static void *make_events(const void *key, const void *arg)
{
	const edition *ed = key;
	const site *s = arg;
	ed_events *ev = xcalloc(1, sizeof(ed_events));
	ev->n = ed->nacts;
	ev->text = xcalloc(ev->n ? ev->n : 1, sizeof(char *));
	ev->len = xcalloc(ev->n ? ev->n : 1, sizeof(size_t));
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++) {
			const section *sec = &ed->docs[d].sections[k];
			for (size_t i = 0; i < sec->nacts; i++) {
				buf b = BUF_INIT;
				activity_events(s, &sec->acts[i], &b);
				ev->len[sec->acts[i].index] = b.len;
				ev->text[sec->acts[i].index] = buf_detach(&b);
			}
		}
	return ev;
}

static void drop_events(void *value)
{
	ed_events *ev = value;
	for (size_t i = 0; i < ev->n; i++)
		free(ev->text[i]);
	free(ev->text);
	free(ev->len);
	free(ev);
}

void ics_edition(const site *s, const edition *ed, const school *only, buf *out)
{
	calendar_head(s, ed, only ? only->short_name : NULL, out);
	const ed_events *ev = memo_get(s->memo, ed, make_events, s, drop_events);
	for (size_t d = 0; d < ed->ndocs; d++)
		for (size_t k = 0; k < ed->docs[d].nsections; k++) {
			const section *sec = &ed->docs[d].sections[k];
			for (size_t i = 0; i < sec->nacts; i++)
				if (!only || activity_concerns(&sec->acts[i], only))
					buf_put(out, ev->text[sec->acts[i].index], ev->len[sec->acts[i].index]);
		}
	memo_done(s->memo, ev, drop_events);
	/* A school's calendar also carries its assessment dates. */
	for (size_t i = 0; only && i < ed->nschedule; i++)
		if (ed->schedule[i].sc == only)
			assessment_event(s, ed, &ed->schedule[i], out);
	raw(out, "END:VCALENDAR");
}
