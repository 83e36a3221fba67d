#include "schedule_rules.h"
#include "buf.h"
#include "ru.h"
#include "utf8.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int sched_parallel(const char *g)
{
	if (!g || *g < '0' || *g > '9')
		return 0;
	return atoi(g);
}

bool sched_is_parallel(const char *g)
{
	return g && *g && strspn(g, "0123456789") == strlen(g);
}

bool sched_same_class(const assessment *a, const assessment *b)
{
	if (!strcmp(a->grade, b->grade))
		return true;
	int p = sched_parallel(a->grade);
	return p && p == sched_parallel(b->grade) && (sched_is_parallel(a->grade) || sched_is_parallel(b->grade));
}

/* The Latin letters that look like Cyrillic ones, as people type class
 * letters on an English keyboard: A B C E H K M O P T X (upper case). */
static const char *latin_lookalike(char c)
{
	static const char from[] = "ABCEHKMOPTX";
	static const char *const to[] = {"А", "В", "С", "Е", "Н", "К", "М", "О", "Р", "Т", "Х"};
	const char *p = strchr(from, c >= 'a' && c <= 'z' ? c - 32 : c);
	return c && p ? to[p - from] : NULL;
}

/* Appends the upper-case form of one Cyrillic or look-alike Latin letter at
 * s; returns its length in bytes, 0 when s is not such a letter. */
static size_t put_upper_letter(buf *out, const unsigned char *s)
{
	const char *lat = latin_lookalike((char)s[0]);
	if (lat) {
		buf_puts(out, lat);
		return 1;
	}
	unsigned char u[2];
	if (!utf8_upper_ru_letter(s, u))
		return 0;
	buf_put(out, (const char *)u, 2);
	return 2;
}

/* Separators people put between the number and the letter of a class. */
static size_t skip_separators(const char *s)
{
	static const char *const seps[] = {" ", "-", "\"", "«", "»", "(", ")", "\xC2\xA0", "–", "“", "”"};
	size_t i = 0;
	for (bool more = true; more;) {
		more = false;
		for (size_t k = 0; k < ARRAY_LEN(seps); k++)
			if (str_starts(s + i, seps[k])) {
				i += strlen(seps[k]);
				more = true;
			}
	}
	return i;
}

char *sched_grade_norm(const char *grade)
{
	size_t len;
	const char *g = utf8_trim(grade, strlen(grade), &len);
	char *t = xstrndup(g, len);
	size_t digits = strspn(t, "0123456789");
	if (digits == 0 || digits > 2)
		return t;
	buf out = BUF_INIT;
	buf_put(&out, t, digits);
	const char *p = t + digits;
	p += skip_separators(p);
	/* «5 класс», «5 кл.»: the whole parallel. */
	if (!*p || utf8_caseeq(p, "класс") || utf8_caseeq(p, "классы") || utf8_caseeq(p, "кл.") ||
	    utf8_caseeq(p, "кл")) {
		free(t);
		return buf_detach(&out);
	}
	size_t n = put_upper_letter(&out, (const unsigned char *)p);
	if (n) {
		p += n;
		p += skip_separators(p);
	}
	if (!n || *p) { /* not «number + letter»: keep as written */
		buf_free(&out);
		return t;
	}
	free(t);
	return buf_detach(&out);
}

const char *sched_grade_label(arena *a, const char *grade)
{
	if (sched_is_parallel(grade))
		return arena_printf(a, "%s-е классы", grade);
	return arena_printf(a, "%s класс", grade);
}

static const char *date_text(arena *a, date d)
{
	buf b = BUF_INIT;
	ru_date(&b, d);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

typedef struct collector {
	breach *v;
	size_t n, cap;
	arena *a;
} collector;

static void add(collector *c, breach_kind k, const assessment *row, const assessment *other, const char *text)
{
	xgrow((void **)&c->v, &c->cap, c->n + 1, sizeof(breach));
	c->v[c->n++] = (breach){k, row, other, text};
}

/* Same day: the first earlier row of the day for the same children. */
static void rule_same_day(collector *c, const assessment *rows, size_t from, size_t i)
{
	const assessment *b = &rows[i];
	for (size_t j = from; j < i; j++) {
		const assessment *a = &rows[j];
		if (date_cmp(a->on, b->on) || !sched_same_class(a, b))
			continue;
		add(c, BR_SAME_DAY, b, a,
		    arena_printf(c->a,
		                 "%s, %s: вторая оценочная процедура за день (уже есть «%s», %s, строка %d); "
		                 "рекомендуется не больше одной в день",
		                 sched_grade_label(c->a, b->grade), date_text(c->a, b->on), a->subject, a->procedure,
		                 a->at.line));
		return;
	}
}

/* A grade inside a sentence: «5А», or «все 5-е классы» for a parallel. */
static const char *who(arena *a, const char *grade)
{
	return sched_is_parallel(grade) ? arena_printf(a, "все %s-е классы", grade) : grade;
}

/* 2,5 weeks: the latest earlier day on which the parallel had the subject. */
static void rule_gap(collector *c, const assessment *rows, size_t from, size_t i)
{
	const assessment *b = &rows[i];
	int p = sched_parallel(b->grade);
	if (!p)
		return;
	for (size_t j = i; j-- > from;) {
		const assessment *a = &rows[j];
		long gap = date_to_days(b->on) - date_to_days(a->on);
		if (gap >= SCHEDULE_MIN_GAP_DAYS)
			return;
		if (gap == 0 || sched_parallel(a->grade) != p || !utf8_caseeq(a->subject, b->subject))
			continue;
		buf days = BUF_INIT;
		ru_count(&days, gap, "день", "дня", "дней");
		add(c, BR_PARALLEL_GAP, b, a,
		    arena_printf(c->a,
		                 "«%s» в параллели %d-х классов чаще одного раза в 2,5 недели: %s — %s (строка %d), "
		                 "%s — %s, через %s; между такими процедурами нужно не меньше %d дней",
		                 b->subject, p, who(c->a, a->grade), date_text(c->a, a->on), a->at.line, who(c->a, b->grade),
		                 date_text(c->a, b->on), buf_cstr(&days), SCHEDULE_MIN_GAP_DAYS));
		buf_free(&days);
		return;
	}
}

/* Row r counts for the procedures of class g: its own rows, and for a class
 * the rows of its whole parallel. */
static bool counts_for(const char *g, const assessment *r)
{
	if (!strcmp(r->grade, g))
		return true;
	int p = sched_parallel(g);
	return p && !sched_is_parallel(g) && sched_is_parallel(r->grade) && sched_parallel(r->grade) == p;
}

/* 10 % of the yearly hours, per class and subject; hours[k] gets the text
 * of row k's breach (the first found). */
static void rule_hours(arena *a, const assessment *rows, size_t from, size_t to, const char **texts)
{
	for (size_t i = from; i < to; i++) {
		const assessment *g = &rows[i];
		bool first = true; /* g is the first row of its class and subject */
		for (size_t j = from; j < i && first; j++)
			first = !(!strcmp(rows[j].grade, g->grade) && utf8_caseeq(rows[j].subject, g->subject));
		if (!first)
			continue;
		int hours = 0;
		for (size_t j = from; j < to && !hours; j++)
			if (!strcmp(rows[j].grade, g->grade) && utf8_caseeq(rows[j].subject, g->subject))
				hours = rows[j].hours;
		for (size_t j = from; j < to && !hours; j++)
			if (counts_for(g->grade, &rows[j]) && utf8_caseeq(rows[j].subject, g->subject))
				hours = rows[j].hours;
		if (!hours)
			continue;
		int count = 0, allowed = hours / 10;
		for (size_t j = from; j < to; j++) {
			const assessment *r = &rows[j];
			if (!counts_for(g->grade, r) || !utf8_caseeq(r->subject, g->subject))
				continue;
			if (++count * 10 <= hours || texts[j - from])
				continue;
			buf lim = BUF_INIT;
			ru_count(&lim, allowed, "процедуры", "процедур", "процедур");
			texts[j - from] = arena_printf(
				a,
				"«%s», %s: %d-я оценочная процедура за год при %d ч в год; на них рекомендуется не больше "
				"10\u00a0%% учебного времени, то есть не больше %s",
				r->subject, sched_grade_label(a, g->grade), count, hours, buf_cstr(&lim));
			buf_free(&lim);
		}
	}
}

static void rule_lessons(collector *c, const assessment *b, int lessons_per_day)
{
	if (!b->lesson || (b->hours && b->hours <= SCHEDULE_WEEKLY_HOURS))
		return;
	int last = b->lessons_per_day ? b->lessons_per_day : lessons_per_day;
	const char *where = NULL;
	breach_kind k = BR_FIRST_LESSON;
	if (b->lesson == 1)
		where = "на первом уроке";
	else if (last && b->lesson == last) {
		where = arena_printf(c->a, "на последнем уроке (%d-м из %d)", b->lesson, last);
		k = BR_LAST_LESSON;
	}
	if (!where)
		return;
	add(c, k, b, NULL,
	    arena_printf(c->a,
	                 "%s, %s: «%s» %s; рекомендуется не ставить оценочные процедуры на первый и последний уроки",
	                 sched_grade_label(c->a, b->grade), date_text(c->a, b->on), b->subject, where));
}

breach *sched_breaches(const assessment *rows, size_t n, int lessons_per_day, arena *a, size_t *n_out)
{
	collector c = {NULL, 0, 0, a};
	for (size_t from = 0, to; from < n; from = to) {
		for (to = from + 1; to < n && rows[to].sc == rows[from].sc; to++)
			;
		const char **hours = xcalloc(to - from, sizeof *hours);
		rule_hours(a, rows, from, to, hours);
		for (size_t i = from; i < to; i++) {
			rule_same_day(&c, rows, from, i);
			rule_gap(&c, rows, from, i);
			if (hours[i - from])
				add(&c, BR_HOURS, &rows[i], NULL, hours[i - from]);
			rule_lessons(&c, &rows[i], lessons_per_day);
		}
		free(hours);
	}
	*n_out = c.n;
	if (!c.n)
		return NULL;
	breach *out = arena_alloc(a, c.n * sizeof(breach));
	memcpy(out, c.v, c.n * sizeof(breach));
	free(c.v);
	return out;
}
