/* deadline.c — Russian deadline phrases → normalized deadlines (deadline.h).
 *
 * Three steps, each over a token array owned by one call (no shared state):
 *   1. tokenize: words lower-cased with ё→е, numbers, dashes of any kind,
 *      punctuation; words broken by line wrapping are joined back;
 *   2. scan: constructs (dates, ranges, "by", period words, recurrences,
 *      «по итогам …») are matched left to right into unresolved items; what no
 *      construct takes is left over and must read as event words;
 *   3. resolve: years are placed (planning window, range rules), items become
 *      parts, parts merge, and the kind follows from what was found. */
#include "deadline.h"
#include "deadline_lex.h"
#include "escape.h"
#include "ru.h"
#include "utf8.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ parser */

/* A date expression as written, before its year is placed.  Months run m1..m2;
 * m2 > 12 continues into the following years (a school year is 9..20). */
typedef struct atom {
	int y;                /* year written, 0 when none */
	int m1, m2;
	int d1, d2;           /* first day in m1, last day in m2; 0 = whole month */
	bool day;             /* one day was written */
	bool approx;
	bool period;          /* the edition period itself */
	int term;             /* 1..4: a school term (четверть); m1..m2 its default months */
} atom;

enum ri { RI_ONE, RI_RANGE, RI_BY, RI_FROM };

typedef struct ritem {
	enum ri kind;
	atom a, b;
	bool at_end;          /* RI_BY: due at the end of a, not at its start */
	size_t tok0;          /* first token, for err_off */
} ritem;

typedef struct parser {
	const char *text;
	tok *t;
	size_t n;
	date ps, pe;
	const dl_context *cx;
	int nyears;           /* school years of the period (deadline_years) */
	long w0;              /* planning window: first month as y*12 + m-1 */
	ritem *items;
	size_t nitems, capitems;
	atom ev[8];           /* approximate parts implied by «по итогам …» */
	size_t nev;
	const char *every;
	int times;
	int mday;             /* «до 5 числа»: day of month of a monthly recurrence */
	bool following;       /* «месяца, следующего за отчётным …»: due in the month after each occurrence */
	const char *follow_unit; /* the unit named there («кварталом»), or NULL */
	bool terms_approx;    /* a default (approximate) school term was used */
	bool approx;          /* «ориентировочно» */
	bool bad;
	size_t bad_off;
} parser;

static bool is_type(const parser *p, size_t i, enum tk ty)
{
	return i < p->n && p->t[i].type == ty;
}

static bool is_w(const parser *p, size_t i, const char *w)
{
	return is_type(p, i, TK_WORD) && !strcmp(p->t[i].w, w);
}

static bool is_wany(const parser *p, size_t i, const char *const *ws)
{
	return is_type(p, i, TK_WORD) && str_in(p->t[i].w, ws);
}

static bool is_num(const parser *p, size_t i)
{
	return is_type(p, i, TK_NUM) && !p->t[i].ord;
}

static void set_bad(parser *p, size_t i)
{
	if (p->bad)
		return;
	p->bad = true;
	p->bad_off = i < p->n ? p->t[i].b : strlen(p->text);
}

static void add_item(parser *p, enum ri kind, atom a, atom b, bool at_end, size_t tok0)
{
	xgrow((void **)&p->items, &p->capitems, p->nitems + 1, sizeof *p->items);
	p->items[p->nitems++] = (ritem){kind, a, b, at_end, tok0};
}

static atom a_month(int m, int y)
{
	return (atom){.y = y, .m1 = m, .m2 = m};
}

static atom a_day(int d, int m, int y)
{
	return (atom){.y = y, .m1 = m, .m2 = m, .d1 = d, .d2 = d, .day = true};
}

static atom a_period(void)
{
	return (atom){.m1 = 9, .m2 = 20, .period = true};
}

/* The period, or a school year written out («2020-2021 учебный год»). */
static bool is_school_year(const atom *a)
{
	return a->period || (a->m1 == 9 && a->m2 == 20 && !a->d1 && !a->d2);
}

/* Years we accept as written: wider than any plan, narrow enough for date math. */
static bool is_year(const parser *p, size_t i)
{
	return is_num(p, i) && p->t[i].ndig == 4 && p->t[i].num >= 1900 && p->t[i].num <= 2100;
}

/* Years i and i + 2 joined as a pair: «2020-2021», or «2025/2026» — a slash
 * only between consecutive years (a school year as Word documents write it). */
static bool is_yearpair(const parser *p, size_t i)
{
	if (!is_year(p, i) || !is_year(p, i + 2))
		return false;
	return is_type(p, i + 1, TK_DASH) ||
	       (is_type(p, i + 1, TK_SLASH) && p->t[i + 2].num == p->t[i].num + 1);
}

static const char *const year_words[] = {"г", "гг", "год", "года", "году", "годы", "годов", "годах", NULL};

/* «2021», «2021 г.», «2021 года», «2021г» */
static size_t p_year(const parser *p, size_t i, int *y)
{
	if (!is_year(p, i) || is_yearpair(p, i))
		return 0;
	*y = p->t[i].num;
	size_t j = i + 1;
	if (is_wany(p, j, year_words)) {
		j++;
		if (is_type(p, j, TK_DOT) && (is_w(p, j - 1, "г") || is_w(p, j - 1, "гг")))
			j++;
	}
	return j;
}

/* A month word, with the dot of an abbreviation («сент.»). */
static size_t p_month(const parser *p, size_t i, int *m)
{
	if (!is_type(p, i, TK_WORD) || !(*m = ru_month_word(p->t[i].w)))
		return 0;
	return i + 1 + (is_type(p, i + 1, TK_DOT) && !p->t[i + 1].sp);
}

static bool day_ok(int d, int m, int y)
{
	return date_valid(y ? y : 2000, m, d); /* 2000 is leap: 29.02 without a year may still be right */
}

/* «15.08.2020», «09.01. 2020г.», «01.09.21», «15.08», «09.2021» */
static size_t p_numdate(parser *p, size_t i, atom *a)
{
	const tok *t = p->t;
	if (!is_num(p, i) || t[i].ndig > 2 || !is_type(p, i + 1, TK_DOT) || t[i + 1].sp || !is_num(p, i + 2) ||
	    t[i + 2].sp)
		return 0;
	if (t[i + 2].ndig == 4) { /* month.year */
		if (t[i].num < 1 || t[i].num > 12 || !is_year(p, i + 2)) {
			set_bad(p, i);
			return 0;
		}
		*a = a_month(t[i].num, t[i + 2].num);
		int y;
		size_t j = p_year(p, i + 2, &y);
		return j ? j : i + 3;
	}
	if (t[i + 2].ndig > 2)
		return 0;
	int d = t[i].num, m = t[i + 2].num, y = 0;
	size_t j = i + 3;
	if (is_type(p, j, TK_DOT) && !t[j].sp) {
		j++;
		if (is_num(p, j) && t[j].ndig == 2 && !t[j].sp) {
			y = 2000 + t[j].num, j++;
		} else if (is_num(p, j) && t[j].ndig == 4) {
			size_t k = p_year(p, j, &y);
			if (!k) {
				set_bad(p, i);
				return 0;
			}
			j = k;
		}
	}
	if (m < 1 || m > 12 || !day_ok(d, m, y)) {
		set_bad(p, i);
		return 0;
	}
	*a = a_day(d, m, y);
	return j;
}

/* «27 августа 2021 г.», «1 октября» */
static size_t p_daymonth(parser *p, size_t i, atom *a)
{
	int m, y = 0;
	size_t j;
	if (!is_num(p, i) || p->t[i].ndig > 2 || !(j = p_month(p, i + 1, &m)))
		return 0;
	size_t k = p_year(p, j, &y);
	if (!day_ok(p->t[i].num, m, y)) {
		set_bad(p, i);
		return 0;
	}
	*a = a_day(p->t[i].num, m, y);
	return k ? k : j;
}

/* «сентябрь», «Декабрь 2020», «сент. 2021 г.» */
static size_t p_monthyear(const parser *p, size_t i, atom *a)
{
	int m, y = 0;
	size_t j = p_month(p, i, &m);
	if (!j)
		return 0;
	size_t k = p_year(p, j, &y);
	*a = a_month(m, y);
	return k ? k : j;
}

static const char *const pnoun_mods[] = {
	"всего", "весь", "всей", "текущего", "текущий", "текущем", "данного", "этого",
	"учебного", "учебный", "учебном", "уч", "календарного", NULL,
};
static const char *const pnoun_heads[] = {"года", "год", "году", "периода", "период", "г", NULL};

/* «2020-2021», «2020-2021 учебный год», «2020-2022 гг.»: a school year when the
 * years follow each other (editions are named so), else whole calendar years. */
static size_t p_yearpair(parser *p, size_t i, atom *a)
{
	if (!is_yearpair(p, i))
		return 0;
	int y1 = p->t[i].num, y2 = p->t[i + 2].num;
	bool calendar = false;
	size_t j = i + 3;
	while (is_wany(p, j, pnoun_mods) || is_wany(p, j, year_words) || is_w(p, j, "гг")) {
		calendar |= is_w(p, j, "гг") || is_w(p, j, "годы") || is_w(p, j, "годов") || is_w(p, j, "годах");
		j++;
		if (is_type(p, j, TK_DOT))
			j++;
	}
	if (y2 < y1 || y2 - y1 > 50) {
		set_bad(p, i);
		return 0;
	}
	if (p->nyears > 1 && y1 == p->ps.y && y2 == p->pe.y) /* «2022-2024 годы»: the edition itself */
		*a = (atom){.y = y1, .m1 = 9, .m2 = 20, .period = true};
	else if (y2 == y1 + 1 && !calendar)
		*a = (atom){.y = y1, .m1 = 9, .m2 = 20};
	else
		*a = (atom){.y = y1, .m1 = 1, .m2 = 12 * (y2 - y1 + 1)};
	return j;
}

/* How p_atom may read the period words: not at all, only with a modifier
 * («в учебном году», but «в период проведения» is no period), or bare as well
 * («в течение года», «до конца года»). */
enum pn { PN_NO, PN_MOD, PN_BARE };

/* «года», «учебного года», «всего периода», «2020-2021 учебного года»: the
 * period, or the school year written inside. */
static size_t p_pnoun(parser *p, size_t i, atom *a, enum pn pn)
{
	size_t j = i;
	bool pair = false, mod = false;
	for (;;) {
		if (is_wany(p, j, pnoun_mods)) {
			mod = true;
			j++;
			if (is_type(p, j, TK_DOT))
				j++;
		} else if (!pair && is_yearpair(p, j)) {
			size_t k = p_yearpair(p, j, a);
			if (!k)
				return 0;
			pair = true;
			if (k > j + 3) /* the pair took the head words itself */
				return k;
			j = k;
		} else {
			break;
		}
	}
	if (!is_wany(p, j, pnoun_heads) || (!mod && !pair && pn != PN_BARE))
		return 0;
	j++;
	if (is_type(p, j, TK_DOT))
		j++;
	if (!pair)
		*a = a_period();
	return j;
}

/* «2 четверть», «I квартал», «второе полугодие», «IV кв.», «3-го триместра» */
static size_t p_ord(const parser *p, size_t i, int *n)
{
	if (is_type(p, i, TK_NUM)) {
		if (p->t[i].ndig != 1 || p->t[i].num < 1)
			return 0;
		*n = p->t[i].num;
		return i + 1;
	}
	if (is_type(p, i, TK_WORD) && (*n = lex_ordinal_word(p->t[i].w)))
		return i + 1;
	return 0;
}

static bool unit_atom(enum unit u, int n, int y, atom *a)
{
	static const int schoolq[4][2] = {{9, 10}, {11, 12}, {1, 3}, {4, 5}};
	static const int trim[3][2] = {{9, 11}, {12, 14}, {3, 5}};
	switch (u) {
	case U_QUARTER:
		if (n > 4)
			return false;
		*a = (atom){.y = y, .m1 = 3 * n - 2, .m2 = 3 * n};
		return true;
	case U_HALF:
		if (n > 2)
			return false;
		if (y) /* with a year it is the calendar half-year */
			*a = (atom){.y = y, .m1 = 6 * n - 5, .m2 = 6 * n};
		else
			*a = (atom){.m1 = n == 1 ? 9 : 1, .m2 = n == 1 ? 12 : 5, .approx = true};
		return true;
	case U_SCHOOLQ:
		if (n > 4)
			return false;
		*a = (atom){.y = y, .m1 = schoolq[n - 1][0], .m2 = schoolq[n - 1][1], .term = n};
		return true;
	case U_TRIM:
		if (n > 3)
			return false;
		*a = (atom){.y = y, .m1 = trim[n - 1][0], .m2 = trim[n - 1][1], .approx = true};
		return true;
	default:
		return false;
	}
}

/* A school year written after a term («1 полугодие 2021-2022 учебного года»):
 * its first year in *sy; returns the end, 0 when there is none. */
static size_t p_school_anchor(parser *p, size_t j, int *sy)
{
	atom a;
	size_t k = p_yearpair(p, j, &a);
	if (!k || a.m1 != 9 || a.m2 != 20)
		return 0;
	*sy = a.y;
	return k;
}

/* The year of month m in the school year starting in sy (0: not written). */
static int anchored_year(int sy, int m)
{
	return !sy ? 0 : m >= 8 ? sy : sy + 1;
}

#define MAX_UNITS 8

typedef struct unitlist {
	atom a[MAX_UNITS];
	bool dash[MAX_UNITS]; /* a[k] runs to a[k+1] */
	size_t n;
} unitlist;

/* «I квартал 2022», «1-2 четверть», «I и III кварталы»: numbers sharing one noun. */
static size_t p_units(parser *p, size_t i, unitlist *ul)
{
	int n[MAX_UNITS];
	size_t cnt = 0, j = i, k;
	memset(ul, 0, sizeof *ul);
	while (cnt < MAX_UNITS && (k = p_ord(p, j, &n[cnt]))) {
		j = k, cnt++;
		bool dash = is_type(p, j, TK_DASH);
		if ((dash || is_type(p, j, TK_COMMA) || is_w(p, j, "и")) && cnt < MAX_UNITS && p_ord(p, j + 1, &n[cnt])) {
			ul->dash[cnt - 1] = dash;
			j++;
			continue;
		}
		break;
	}
	enum unit u = cnt && is_type(p, j, TK_WORD) ? lex_unit_of(p->t[j].w) : U_NONE;
	if (u == U_NONE)
		return 0;
	j++;
	if (is_type(p, j, TK_DOT) && !p->t[j].sp)
		j++;
	int y = 0, sy = 0;
	size_t ky = p_school_anchor(p, j, &sy);
	if (!ky)
		ky = p_year(p, j, &y);
	for (size_t q = 0; q < cnt; q++) {
		if (!unit_atom(u, n[q], y, &ul->a[q])) {
			set_bad(p, i);
			return 0;
		}
		if (sy)
			ul->a[q].y = anchored_year(sy, ul->a[q].m1);
	}
	ul->n = cnt;
	return ky ? ky : j;
}

/* One date expression; pn: whether the period words count as one. */
static size_t p_atom(parser *p, size_t i, atom *a, enum pn pn)
{
	unitlist ul;
	size_t k;
	if ((k = p_numdate(p, i, a)) || (k = p_yearpair(p, i, a)) || (k = p_daymonth(p, i, a)) ||
	    (k = p_monthyear(p, i, a)))
		return k;
	if (p->bad)
		return 0;
	if ((k = p_units(p, i, &ul)) && ul.n == 1) {
		*a = ul.a[0];
		return k;
	}
	int y;
	if ((k = p_year(p, i, &y))) {
		*a = (atom){.y = y, .m1 = 1, .m2 = 12};
		return k;
	}
	if (pn != PN_NO && (k = p_pnoun(p, i, a, pn)))
		return k;
	return 0;
}

/* «10-20 сентября», «с 1 по 15 октября 2021 г.» (connector at i+1) */
static size_t p_dayrange(parser *p, size_t i)
{
	int m, y = 0;
	size_t j;
	if (!is_num(p, i) || p->t[i].ndig > 2 || !is_num(p, i + 2) || p->t[i + 2].ndig > 2 ||
	    !(is_type(p, i + 1, TK_DASH) || is_w(p, i + 1, "по") || is_w(p, i + 1, "до")) ||
	    !(j = p_month(p, i + 3, &m)))
		return 0;
	size_t k = p_year(p, j, &y);
	int d1 = p->t[i].num, d2 = p->t[i + 2].num;
	if (!day_ok(d1, m, y) || !day_ok(d2, m, y) || d1 > d2) {
		set_bad(p, i);
		return 0;
	}
	atom a = {.y = y, .m1 = m, .m2 = m, .d1 = d1, .d2 = d2, .day = d1 == d2};
	add_item(p, RI_ONE, a, a, false, i);
	return k ? k : j;
}

/* «в конце сентября», «в начале учебного года», «конец 2021 года»: approximate. */
static size_t p_third(parser *p, size_t i)
{
	static const char *const start[] = {"начале", "начало", "начала", NULL};
	static const char *const mid[] = {"середине", "середина", "середины", NULL};
	static const char *const end[] = {"конце", "конец", "конца", NULL};
	int which = is_wany(p, i, start) ? 0 : is_wany(p, i, mid) ? 1 : is_wany(p, i, end) ? 2 : -1;
	atom a;
	size_t k;
	if (which < 0 || !(k = p_atom(p, i + 1, &a, PN_BARE)) || a.day)
		return 0;
	if (is_school_year(&a)) { /* its classes: September, January, May */
		static const int sm[3] = {9, 1, 5};
		a = a_month(sm[which], anchored_year(a.y, sm[which]));
	} else if (a.m1 == a.m2) {
		static const int d1[3] = {1, 11, 21}, d2[3] = {10, 20, 0};
		a.d1 = d1[which], a.d2 = d2[which];
	} else {
		int m = which == 0 ? a.m1 : which == 1 ? (a.m1 + a.m2) / 2 : a.m2;
		a.m1 = a.m2 = m;
	}
	a.approx = true;
	add_item(p, RI_ONE, a, a, false, i);
	return k;
}

/* «до 06.09.2021», «к 1 сентября», «не позднее 1 октября», «до конца учебного года» */
static size_t p_by(parser *p, size_t i)
{
	static const char *const ends[] = {"конца", "концу", "окончания", "завершения", NULL};
	static const char *const starts[] = {"начала", "началу", NULL};
	size_t j = i;
	bool at_end;
	if (is_w(p, j, "в") && is_w(p, j + 1, "срок"))
		j += 2;
	else if (is_w(p, j, "срок"))
		j++;
	if (is_w(p, j, "до") || is_w(p, j, "к")) {
		at_end = false, j++;
	} else if (is_w(p, j, "не") && (is_w(p, j + 1, "позднее") || is_w(p, j + 1, "позже"))) {
		at_end = true, j += 2;
	} else if (is_w(p, j, "по")) {
		at_end = true, j++;
	} else {
		return 0;
	}
	bool edge = false;
	if (is_wany(p, j, ends) || is_wany(p, j, starts)) {
		edge = true;
		at_end = is_wany(p, j, ends);
		j++;
	}
	atom a;
	size_t k = p_atom(p, j, &a, edge ? PN_BARE : PN_NO);
	if (!k)
		return 0;
	add_item(p, RI_BY, a, a, at_end, i);
	return k;
}

/* «с октября по декабрь», «с 1 по 15 октября», «с 01.09.2021», «с сентября до конца года» */
static size_t p_from(parser *p, size_t i)
{
	if (!is_w(p, i, "с") && !is_w(p, i, "со"))
		return 0;
	size_t k = p_dayrange(p, i + 1);
	if (k || p->bad)
		return k;
	atom a, b;
	if (!(k = p_atom(p, i + 1, &a, PN_NO)))
		return 0;
	if (is_w(p, k, "по") || is_w(p, k, "до") || is_type(p, k, TK_DASH)) {
		size_t j = k + 1;
		bool edge = is_w(p, j, "конца") || is_w(p, j, "окончания");
		size_t k2 = p_atom(p, j + edge, &b, edge ? PN_BARE : PN_NO);
		if (k2) {
			add_item(p, RI_RANGE, a, b, false, i);
			return k2;
		}
	}
	add_item(p, RI_FROM, a, a, false, i);
	return k;
}

/* One dated item, with its preposition: «в сентябре», «на 2020-2021 учебный год»,
 * «сентябрь- апрель», «Ноябрь 2020- февраль 2021», «I-II квартал». */
static size_t p_item(parser *p, size_t i)
{
	static const char *const preps[] = {"в", "во", "на", "за", NULL};
	size_t j = i, k;
	enum pn pn = PN_NO;
	if (is_w(p, j, "срок") || is_w(p, j, "сроки")) {
		j++;
		if (is_type(p, j, TK_COLON) || is_type(p, j, TK_DASH))
			j++;
	}
	if ((k = p_from(p, j)) || (k = p_by(p, j)) || p->bad)
		return k;
	if ((is_w(p, j, "в") && is_w(p, j + 1, "течение")) || (is_w(p, j, "на") && is_w(p, j + 1, "протяжении")))
		j += 2, pn = PN_BARE;
	else if (is_wany(p, j, preps))
		j++, pn = PN_MOD;
	unitlist ul;
	if ((k = p_third(p, j)) || (k = p_dayrange(p, j)) || p->bad)
		return k;
	if ((k = p_units(p, j, &ul)) && ul.n > 1) {
		for (size_t q = 0; q < ul.n; q++) {
			bool dash = ul.dash[q] && q + 1 < ul.n;
			add_item(p, dash ? RI_RANGE : RI_ONE, ul.a[q], ul.a[q + dash], false, i);
			q += dash;
		}
		return k;
	}
	atom a, b;
	if (!(k = p_atom(p, j, &a, pn)))
		return 0;
	size_t k2;
	if (is_type(p, k, TK_DASH) && (k2 = p_atom(p, k + 1, &b, PN_NO))) {
		add_item(p, RI_RANGE, a, b, false, i);
		return k2;
	}
	add_item(p, RI_ONE, a, a, false, i);
	return k;
}

/* «в течение года», «постоянно», «в течение всего периода», «весь учебный год» */
static size_t p_period(parser *p, size_t i)
{
	static const char *const always[] = {
		"постоянно", "систематически", "регулярно", "ежедневно", "круглогодично", "периодически", NULL,
	};
	static const char *const whole[] = {"весь", "всего", "всей", NULL};
	atom a = a_period();
	size_t j, k;
	if (is_wany(p, i, always)) {
		add_item(p, RI_ONE, a, a, false, i);
		return i + 1;
	}
	if ((is_w(p, i, "в") && is_w(p, i + 1, "постоянном") && is_w(p, i + 2, "режиме")) ||
	    (is_w(p, i, "на") && is_w(p, i + 1, "постоянной") && is_w(p, i + 2, "основе"))) {
		add_item(p, RI_ONE, a, a, false, i);
		return i + 3;
	}
	if ((is_w(p, i, "в") && is_w(p, i + 1, "течение")) || (is_w(p, i, "на") && is_w(p, i + 1, "протяжении")))
		j = i + 2;
	else if (is_wany(p, i, whole))
		j = i;
	else
		return 0;
	if (!(k = p_pnoun(p, j, &a, j == i ? PN_MOD : PN_BARE)))
		return 0;
	add_item(p, RI_ONE, a, a, false, i);
	return k;
}

static bool set_every(parser *p, size_t i, const char *every, int times)
{
	if (p->every && strcmp(p->every, every)) { /* «ежемесячно, ежеквартально»: no one meaning */
		set_bad(p, i);
		return false;
	}
	p->every = every;
	if (times >= 2)
		p->times = times;
	return true;
}

/* The recurrence unit after «раз в», «каждый», …; NULL when none. */
static const char *recur_unit(const parser *p, size_t i, size_t *next)
{
	static const struct { const char *w; const char *every; } units[] = {
		{"год", "year"}, {"года", "year"}, {"квартал", "quarter"}, {"квартала", "quarter"},
		{"четверть", "school-quarter"}, {"четверти", "school-quarter"}, {"месяц", "month"}, {"месяца", "month"},
		{"неделю", "week"}, {"недели", "week"}, {"неделя", "week"}, {"полугодие", "half-year"},
		{"полугодия", "half-year"}, {"полгода", "half-year"},
	};
	size_t j = i;
	if (is_w(p, j, "учебный") || is_w(p, j, "учебного"))
		j++;
	for (size_t k = 0; k < ARRAY_LEN(units); k++) {
		if (is_w(p, j, units[k].w)) {
			*next = j + 1;
			return units[k].every;
		}
	}
	return NULL;
}

/* «ежеквартально», «1 раз в квартал», «2 раза в год», «дважды в год», «каждый месяц» */
static size_t p_recur(parser *p, size_t i)
{
	static const struct { const char *w; const char *every; } adverbs[] = {
		{"ежеквартально", "quarter"}, {"ежемесячно", "month"}, {"еженедельно", "week"},
		{"ежегодно", "year"}, {"ежеполугодно", "half-year"}, {"ежечетвертно", "school-quarter"},
	};
	static const struct { const char *w; int n; } counts[] = {
		{"один", 1}, {"одного", 1}, {"два", 2}, {"две", 2}, {"три", 3}, {"четыре", 4},
	};
	static const char *const each[] = {"каждый", "каждую", "каждое", "каждого", "каждом", NULL};
	for (size_t k = 0; k < ARRAY_LEN(adverbs); k++)
		if (is_w(p, i, adverbs[k].w))
			return set_every(p, i, adverbs[k].every, 0) ? i + 1 : 0;
	size_t j = i, next;
	int n = 0;
	const char *every;
	if (is_wany(p, j, each)) {
		if (!(every = recur_unit(p, j + 1, &next)))
			return 0;
		return set_every(p, i, every, 0) ? next : 0;
	}
	if (is_num(p, j) && p->t[j].ndig <= 2) {
		n = p->t[j++].num;
	} else {
		for (size_t k = 0; k < ARRAY_LEN(counts); k++)
			if (is_w(p, j, counts[k].w))
				n = counts[k].n;
		j += n > 0;
	}
	if (is_w(p, i, "дважды") || is_w(p, i, "трижды")) {
		n = is_w(p, i, "дважды") ? 2 : 3;
		j = i + 1;
	} else if (is_w(p, j, "раз") || is_w(p, j, "раза")) {
		j++;
	} else {
		return 0;
	}
	if (!is_w(p, j, "в") || !(every = recur_unit(p, j + 1, &next)))
		return 0;
	return set_every(p, i, every, n) ? next : 0;
}

/* «до 5 числа», «не позднее 10-го числа»: a day of each month. */
static size_t p_mday(parser *p, size_t i)
{
	size_t j = i;
	if (is_w(p, j, "до") || is_w(p, j, "к"))
		j++;
	else if (is_w(p, j, "не") && is_w(p, j + 1, "позднее"))
		j += 2;
	if (!is_type(p, j, TK_NUM) || p->t[j].ndig > 2 || !is_w(p, j + 1, "числа"))
		return 0;
	if (p->t[j].num < 1 || p->t[j].num > 31 || (p->mday && p->mday != p->t[j].num)) {
		set_bad(p, j);
		return 0;
	}
	p->mday = p->t[j].num;
	return j + 2;
}

/* «месяца, следующего за отчётным кварталом», «следующего за отчетным периодом
 * месяца», «следующего месяца»: each occurrence is due in the month after it. */
static size_t p_following(parser *p, size_t i)
{
	static const char *const month[] = {"месяца", "месяц", "месяце", NULL};
	static const char *const next[] = {"следующего", "следующий", "следующем", NULL};
	static const char *const rep[] = {"отчетным", "отчетной", "отчетном", "отчетный", "отчетного", "отчетная", NULL};
	static const struct { const char *w; const char *every; } units[] = {
		{"кварталом", "quarter"}, {"периодом", NULL}, {"месяцем", "month"}, {"полугодием", "half-year"},
		{"четвертью", "school-quarter"}, {"годом", "year"},
	};
	size_t j = i + (is_w(p, i, "в") && is_wany(p, i + 1, month));
	bool lead = is_wany(p, j, month);
	if (lead) {
		j++;
		if (is_type(p, j, TK_COMMA))
			j++;
	}
	if (!is_wany(p, j, next))
		return 0;
	j++;
	const char *unit = NULL;
	if (!lead && is_wany(p, j, month)) { /* «следующего месяца» */
		j++;
	} else if (is_w(p, j, "за") && is_wany(p, j + 1, rep)) {
		j += 2;
		for (size_t k = 0; k < ARRAY_LEN(units); k++)
			if (is_w(p, j, units[k].w)) {
				unit = units[k].every ? units[k].every : p->cx->report_every ? p->cx->report_every : "quarter";
				j++;
			}
		if (!lead && is_wany(p, j, month))
			j++;
	} else {
		return 0;
	}
	if (p->following && unit && p->follow_unit && strcmp(unit, p->follow_unit)) {
		set_bad(p, i);
		return 0;
	}
	p->following = true;
	if (unit)
		p->follow_unit = unit;
	return j;
}

static void add_ev(parser *p, int m, int y)
{
	if (p->nev < ARRAY_LEN(p->ev)) {
		p->ev[p->nev] = a_month(m, y);
		p->ev[p->nev++].approx = true;
	}
}

/* «по итогам полугодия», «По итогам учебного года»: an event whose approximate
 * dates are the months the terms end; «по итогам 2 четверти»: an event on that
 * school term; «по итогам каждой четверти», «по итогам четвертей»: a recurrence
 * every school term (*use 1: the words are dates, not an event). */
static size_t p_results(parser *p, size_t i, int *use)
{
	static const char *const lead[] = {"итогам", "результатам", "окончании", "завершении", NULL};
	static const char *const each[] = {"каждой", "каждого", "каждому", "каждом", NULL};
	static const int last[5][4] = {{0}, {3, 6, 9, 12}, {10, 12, 3, 5}, {12, 5}, {11, 2, 5}};
	static const int count[5] = {0, 4, 4, 2, 3};
	if (!is_w(p, i, "по") || !is_wany(p, i + 1, lead))
		return 0;
	size_t j = i + 2, k;
	int n = 0, sy = 0;
	bool every = is_wany(p, j, each);
	j += every;
	if (!every && (k = p_ord(p, j, &n)))
		j = k;
	if (!n && (k = p_school_anchor(p, j, &sy))) { /* «по итогам 2020-2021 учебного года» */
		add_ev(p, 6, anchored_year(sy, 6));
		return k;
	}
	if (!n && (is_w(p, j, "года") || (is_w(p, j, "учебного") && is_w(p, j + 1, "года")))) {
		add_ev(p, 6, 0);
		return j + 1 + is_w(p, j, "учебного");
	}
	enum unit u = is_type(p, j, TK_WORD) ? lex_unit_of(p->t[j].w) : U_NONE;
	if (u == U_NONE || n > count[u])
		return 0;
	if ((k = p_school_anchor(p, ++j, &sy)))
		j = k;
	if (u == U_SCHOOLQ && !n) {
		*use = 1;
		return set_every(p, i, "school-quarter", 0) ? j : 0;
	}
	if (u == U_SCHOOLQ) {
		atom a;
		unit_atom(u, n, 0, &a);
		a.y = anchored_year(sy, a.m1);
		if (p->nev < ARRAY_LEN(p->ev))
			p->ev[p->nev++] = a;
		return j;
	}
	for (int q = 0; q < count[u]; q++)
		if (!n || n == q + 1)
			add_ev(p, last[u][q], anchored_year(sy, last[u][q]));
	return j;
}

/* «ориентировочно», «включительно»: words that only qualify the dates. */
static size_t p_filler(parser *p, size_t i)
{
	static const char *const approx[] = {"ориентировочно", "примерно", "около", NULL};
	if (is_wany(p, i, approx)) {
		p->approx = true;
		return i + 1;
	}
	return is_w(p, i, "включительно") ? i + 1 : 0;
}

/* Punctuation and «и» join or separate constructs; left over they mean nothing. */
static bool neutral(const parser *p, size_t i)
{
	if (p->t[i].type != TK_WORD && p->t[i].type != TK_NUM)
		return true;
	return is_w(p, i, "и");
}

/* The construct at i: its end (0 when none) and whether its words are event words. */
static size_t construct(parser *p, size_t i, int *use)
{
	size_t k;
	*use = 2;
	if ((k = p_results(p, i, use)) || p->bad)
		return k;
	*use = 1;
	if ((k = p_recur(p, i)) || p->bad || (k = p_period(p, i)) || p->bad || (k = p_mday(p, i)) || p->bad ||
	    (k = p_following(p, i)) || p->bad || (k = p_item(p, i)) || p->bad)
		return k;
	return p_filler(p, i);
}

static void scan(parser *p)
{
	for (size_t i = 0; i < p->n && !p->bad;) {
		int use;
		size_t k = neutral(p, i) ? 0 : construct(p, i, &use);
		if (!k) {
			i++;
			continue;
		}
		for (size_t q = i; q < k; q++)
			p->t[q].use = use;
		i = k;
	}
}

/* ----------------------------------------------------------------- resolve */

static long month_index(int y, int m)
{
	return (long)y * 12 + (m - 1);
}

/* The year that puts month m (1..12) inside the 12-month window starting at w0. */
static int window_year(long w0, int m)
{
	long off = ((m - 1) - w0 % 12 + 12) % 12;
	return (int)((w0 + off) / 12);
}

/* Dates of a in year y; false when a day does not exist in that year. */
static bool atom_dates(parser *p, const atom *a, int y, date *s, date *e)
{
	if (a->period) {
		*s = p->ps, *e = p->pe;
		return true;
	}
	if (a->term) { /* y is the year of its default first month m1 */
		dl_term t;
		if (!deadline_term(p->cx, a->m1 >= 8 ? y : y - 1, a->term, &t))
			p->terms_approx = true;
		*s = t.start, *e = t.end;
		return true;
	}
	int sy = y + (a->m1 - 1) / 12, sm = (a->m1 - 1) % 12 + 1;
	int ey = y + (a->m2 - 1) / 12, em = (a->m2 - 1) % 12 + 1;
	int sd = a->d1 ? a->d1 : 1;
	int ed = a->d2 ? a->d2 : date_days_in_month(ey, em);
	if (!date_valid(sy, sm, sd) || !date_valid(ey, em, ed))
		return false;
	*s = (date){sy, sm, sd}, *e = (date){ey, em, ed};
	return true;
}

static bool has_year(const atom *a)
{
	return a->y || a->period;
}

/* An atom without a year starts inside the window; m1 may lie in a later year
 * («конец 2 триместра» is month 14: February). */
static bool place(parser *p, const atom *a, date *s, date *e)
{
	int later = (a->m1 - 1) / 12;
	int y = a->y ? a->y : window_year(p->w0, (a->m1 - 1) % 12 + 1) - later;
	return atom_dates(p, a, y, s, e);
}

/* The end of a range whose start is known: the first occurrence at or after it. */
static bool place_after(parser *p, const atom *b, date from, date *s, date *e)
{
	if (has_year(b))
		return atom_dates(p, b, b->y, s, e);
	bool was = p->terms_approx; /* only the occurrence taken counts */
	for (int y = from.y - 1; y <= from.y + 2; y++) {
		p->terms_approx = was;
		if (atom_dates(p, b, y, s, e) && date_cmp(*s, from) >= 0)
			return true;
	}
	return false;
}

/* The start of a range whose end carries the year: the latest occurrence at or before it. */
static bool place_before(parser *p, const atom *a, date to, date *s, date *e)
{
	bool was = p->terms_approx; /* only the occurrence taken counts */
	for (int y = to.y + 1; y >= to.y - 2; y--) {
		p->terms_approx = was;
		if (atom_dates(p, a, y, s, e) && date_cmp(*s, to) <= 0)
			return true;
	}
	return false;
}

static bool range_dates(parser *p, const ritem *it, date *s, date *e)
{
	date as, ae, bs, be;
	if (has_year(&it->a) || !has_year(&it->b)) {
		if (!place(p, &it->a, &as, &ae) || !place_after(p, &it->b, as, &bs, &be))
			return false;
	} else if (!atom_dates(p, &it->b, it->b.y, &bs, &be) || !place_before(p, &it->a, bs, &as, &ae)) {
		return false;
	}
	*s = as, *e = be;
	return date_cmp(as, be) <= 0;
}

/* A year written in a list moves the window so that its month falls inside. */
static void shift_window(parser *p)
{
	for (size_t k = 0; k < p->nitems; k++) {
		const atom *ab[2] = {&p->items[k].a, &p->items[k].b};
		for (int q = 0; q < 2; q++) {
			if (!ab[q]->y || ab[q]->period)
				continue;
			long d = month_index(ab[q]->y, ab[q]->m1) - p->w0;
			p->w0 += 12 * (d >= 0 ? d / 12 : -((-d + 11) / 12));
			return;
		}
	}
}

static bool same_interval(date s, date e, date s2, date e2)
{
	return date_cmp(s, s2) == 0 && date_cmp(e, e2) == 0;
}

/* The part of one item; *whole when it stands for the edition period. */
static bool item_part(parser *p, const ritem *it, dl_part *out, bool *whole)
{
	date s, e;
	*whole = false;
	if (it->kind == RI_RANGE)
		return range_dates(p, it, &out->start, &out->end);
	if (!place(p, &it->a, &s, &e))
		return false;
	switch (it->kind) {
	case RI_BY:
		*out = (dl_part){DATE_NONE, it->at_end ? e : s};
		break;
	case RI_FROM:
		*out = (dl_part){s, date_cmp(s, p->pe) <= 0 ? p->pe : e};
		break;
	default:
		*whole = is_school_year(&it->a) && same_interval(s, e, p->ps, p->pe);
		*out = (dl_part){s, e};
	}
	return true;
}

typedef struct plist {
	dl_part *v;
	size_t n, cap;
} plist;

static bool push(plist *pl, date s, date e)
{
	if (pl->n >= DL_MAX_PARTS)
		return false;
	xgrow((void **)&pl->v, &pl->cap, pl->n + 1, sizeof *pl->v);
	pl->v[pl->n++] = (dl_part){s, e};
	return true;
}

static int cmp_start(const void *x, const void *y)
{
	const dl_part *a = x, *b = y;
	int c = date_cmp(a->start, b->start);
	return c ? c : date_cmp(a->end, b->end);
}

static int cmp_end(const void *x, const void *y)
{
	const dl_part *a = x, *b = y;
	int c = date_cmp(a->end, b->end);
	return c ? c : date_cmp(a->start, b->start);
}

/* Touching or overlapping intervals become one; equal "by" parts one; then by end. */
static void merge_parts(plist *pl)
{
	size_t out = 0;
	if (!pl->n)
		return;
	xsort(pl->v, pl->n, sizeof *pl->v, cmp_start); /* "by" parts (no start) first */
	for (size_t k = 0; k < pl->n; k++) {
		dl_part q = pl->v[k];
		if (out) {
			dl_part *r = &pl->v[out - 1];
			bool rby = !date_is_set(r->start), qby = !date_is_set(q.start);
			if (rby && qby && !date_cmp(r->end, q.end))
				continue;
			if (!rby && !qby && date_to_days(q.start) <= date_to_days(r->end) + 1) {
				if (date_cmp(q.end, r->end) > 0)
					r->end = q.end;
				continue;
			}
		}
		pl->v[out++] = q;
	}
	pl->n = out;
	xsort(pl->v, pl->n, sizeof *pl->v, cmp_end);
}

/* The school year (starting in September of the result) a date belongs to. */
static int school_year(date a)
{
	return a.m >= 9 ? a.y : a.y - 1;
}

/* A date 12 months later (29 February → 28 February). */
static date next_year(date a)
{
	int dim = date_days_in_month(a.y + 1, a.m);
	return (date){a.y + 1, a.m, a.d < dim ? a.d : dim};
}

/* Calendar weeks, months, quarters or half-years, or school terms, whose end
 * lies in [lo, hi], the first one cut at lo: the occurrences due inside the
 * span.  A year is 12 months from lo, the last one cut at hi. */
static bool gen_units(parser *p, const char *every, date lo, date hi, plist *pl)
{
	if (!strcmp(every, "year")) {
		for (date s = lo; date_cmp(s, hi) <= 0; s = next_year(s)) {
			date e = date_add_days(next_year(s), -1);
			if (!push(pl, s, date_cmp(e, hi) > 0 ? hi : e))
				return false;
		}
		return true;
	}
	if (!strcmp(every, "school-quarter")) {
		for (int sy = school_year(lo) - 1; sy <= school_year(hi); sy++)
			for (int n = 1; n <= 4; n++) {
				dl_term t;
				bool exact = deadline_term(p->cx, sy, n, &t);
				if (date_cmp(t.end, lo) < 0 || date_cmp(t.end, hi) > 0)
					continue;
				p->terms_approx |= !exact;
				if (!push(pl, date_cmp(t.start, lo) < 0 ? lo : t.start, t.end))
					return false;
			}
		return true;
	}
	if (!strcmp(every, "week")) {
		for (date s = date_add_days(lo, -date_weekday(lo)); date_cmp(s, hi) <= 0; s = date_add_days(s, 7)) {
			date e = date_add_days(s, 6);
			if (date_cmp(e, lo) >= 0 && date_cmp(e, hi) <= 0 && !push(pl, date_cmp(s, lo) < 0 ? lo : s, e))
				return false;
		}
		return true;
	}
	int step = !strcmp(every, "month") ? 1 : !strcmp(every, "quarter") ? 3 : 6;
	long mi = month_index(lo.y, lo.m);
	for (mi -= mi % step;; mi += step) {
		date s = {(int)(mi / 12), (int)(mi % 12) + 1, 1};
		long me = mi + step - 1;
		date e = date_month_end((int)(me / 12), (int)(me % 12) + 1);
		if (date_cmp(s, hi) > 0)
			return true;
		if (date_cmp(e, lo) >= 0 && date_cmp(e, hi) <= 0 && !push(pl, date_cmp(s, lo) < 0 ? lo : s, e))
			return false;
	}
}

/* «до 5 числа» each month of [lo, hi]; the 31st is the last day of a short month. */
static bool gen_mday(int mday, date lo, date hi, plist *pl)
{
	for (long mi = month_index(lo.y, lo.m);; mi++) {
		int y = (int)(mi / 12), m = (int)(mi % 12) + 1;
		int dim = date_days_in_month(y, m);
		date d = {y, m, mday < dim ? mday : dim};
		if (date_cmp((date){y, m, 1}, hi) > 0)
			return true;
		if (date_cmp(d, lo) >= 0 && date_cmp(d, hi) <= 0 && !push(pl, DATE_NONE, d))
			return false;
	}
}

static date part_first(const dl_part *q)
{
	return date_is_set(q->start) ? q->start : q->end;
}

/* Occurrences of a recurrence into occ, given the written items pl of one
 * school year: for a yearly recurrence they are the occurrences; for a shorter
 * unit they bound the span, otherwise the span is the period.  [*lo, *hi]
 * widens to cover the span. */
static bool recur_parts(parser *p, const char *every, const plist *pl, plist *occ, date *lo, date *hi)
{
	date l = p->ps, h = p->pe;
	size_t n0 = occ->n;
	if (!strcmp(every, "year") && pl->n) {
		for (size_t k = 0; k < pl->n; k++)
			if (!push(occ, pl->v[k].start, pl->v[k].end))
				return false;
	} else {
		if (pl->n) {
			l = part_first(&pl->v[0]), h = pl->v[pl->n - 1].end;
			for (size_t k = 1; k < pl->n; k++)
				if (date_cmp(part_first(&pl->v[k]), l) < 0)
					l = part_first(&pl->v[k]);
		}
		bool ok = p->mday && !p->following ? gen_mday(p->mday, l, h, occ) : gen_units(p, every, l, h, occ);
		if (!ok || (occ->n == n0 && !push(occ, l, h))) /* a span shorter than the unit: one occurrence */
			return false;
	}
	if (!date_is_set(*lo) || date_cmp(l, *lo) < 0)
		*lo = l;
	if (!date_is_set(*hi) || date_cmp(h, *hi) > 0)
		*hi = h;
	return true;
}

/* «до 5 числа месяца, следующего за отчётным кварталом»: each occurrence is
 * due in the month after it (by its mday, else the whole month); what falls
 * due after the period is not part of it. */
static void shift_following(const parser *p, plist *pl)
{
	size_t out = 0;
	for (size_t k = 0; k < pl->n; k++) {
		date e = pl->v[k].end;
		int y = e.y + (e.m == 12), m = e.m % 12 + 1, dim = date_days_in_month(y, m);
		dl_part q = p->mday ? (dl_part){DATE_NONE, {y, m, p->mday < dim ? p->mday : dim}}
		                    : (dl_part){{y, m, 1}, {y, m, dim}};
		if (date_cmp(q.end, p->pe) <= 0)
			pl->v[out++] = q;
	}
	pl->n = out;
}

static void build_dated(const plist *pl, bool whole, const parser *p, deadline *out)
{
	const dl_part *q = &pl->v[0];
	out->start = q->start;
	out->end = pl->v[pl->n - 1].end;
	for (size_t k = 1; k < pl->n && date_is_set(out->start); k++)
		if (!date_is_set(pl->v[k].start) || date_cmp(pl->v[k].start, out->start) < 0)
			out->start = pl->v[k].start;
	if (pl->n > 1)
		out->kind = DL_MULTI;
	else if (!date_is_set(q->start))
		out->kind = DL_BY;
	else if (whole && same_interval(q->start, q->end, p->ps, p->pe))
		out->kind = DL_PERIOD;
	else if (!date_cmp(q->start, q->end))
		out->kind = DL_DATE;
	else
		out->kind = DL_RANGE;
}

/* Whether a year is written anywhere (or the period named): then months are
 * placed once, never repeated in the school years of a multi-year edition. */
static bool written_year(const parser *p)
{
	for (size_t k = 0; k < p->nitems; k++)
		if (has_year(&p->items[k].a) || has_year(&p->items[k].b))
			return true;
	for (size_t k = 0; k < p->nev; k++)
		if (p->ev[k].y)
			return true;
	return false;
}

/* The parts of the written items with the window at p->w0, merged. */
static bool item_parts(parser *p, plist *pl, bool *whole, bool *approx)
{
	for (size_t k = 0; k < p->nitems; k++) {
		const ritem *it = &p->items[k];
		dl_part part;
		bool w;
		if (!item_part(p, it, &part, &w) || !push(pl, part.start, part.end)) {
			set_bad(p, it->tok0);
			return false;
		}
		*whole |= w;
		*approx |= it->a.approx || it->b.approx;
	}
	merge_parts(pl);
	return true;
}

/* The recurrence unit, or NULL; false when the words contradict each other. */
static bool recur_every(parser *p, const char **every)
{
	*every = p->every;
	if (p->following) {
		const char *u = p->follow_unit ? p->follow_unit : p->every ? p->every
		              : p->cx->report_every ? p->cx->report_every : "quarter";
		if (p->every && strcmp(p->every, u))
			return false;
		*every = u;
	} else if (!p->every && p->mday) {
		*every = "month";
	}
	return !(*every && p->mday && !p->following && strcmp(*every, "month"));
}

/* Items, recurrence and event parts into *out; false when a date is impossible.
 * In a multi-year edition, months without a year repeat in every school year. */
static bool build(parser *p, bool has_event, deadline *out)
{
	plist pl = {0}, occ = {0};
	bool whole = false, approx = p->approx, ok = true;
	const char *every;
	shift_window(p);
	if (!recur_every(p, &every)) {
		set_bad(p, 0);
		return false;
	}
	int reps = p->nyears > 1 && !written_year(p) ? p->nyears : 1;
	long w0 = p->w0;
	date lo = DATE_NONE, hi = DATE_NONE;
	for (int r = 0; r < reps && ok; r++) {
		p->w0 = w0 + 12L * r;
		pl.n = 0;
		ok = item_parts(p, &pl, &whole, &approx);
		if (!ok)
			break;
		if (every) {
			if (pl.n || r == 0) /* a bare recurrence spans the whole period at once */
				ok = recur_parts(p, every, &pl, &occ, &lo, &hi);
		} else if (p->nitems) {
			for (size_t k = 0; k < pl.n && ok; k++)
				ok = push(&occ, pl.v[k].start, pl.v[k].end);
		} else {
			for (size_t k = 0; k < p->nev && ok; k++) {
				date s, e;
				approx |= p->ev[k].approx;
				if (place(p, &p->ev[k], &s, &e))
					ok = push(&occ, s, e);
			}
		}
	}
	p->w0 = w0;
	free(pl.v);
	if (!ok) {
		set_bad(p, 0);
		free(occ.v);
		return false;
	}
	if (every) {
		if (p->following)
			shift_following(p, &occ);
		xsort(occ.v, occ.n, sizeof *occ.v, cmp_end);
		out->kind = DL_RECURRING;
		out->every = every;
		out->times = p->times;
		out->start = lo, out->end = hi;
	} else if (occ.n) {
		merge_parts(&occ);
		if (p->nitems && reps > 1 && occ.n > 1) {
			out->kind = DL_RECURRING;
			out->every = "year";
			out->start = p->ps, out->end = p->pe;
		} else {
			build_dated(&occ, whole, p, out);
			if (!p->nitems) {
				out->kind = DL_EVENT;
				approx |= p->terms_approx;
			}
		}
	} else {
		out->kind = has_event ? DL_EVENT : DL_UNKNOWN;
	}
	if (!occ.n && out->kind == DL_RECURRING) { /* every occurrence fell after the period */
		set_bad(p, 0);
		free(occ.v);
		return false;
	}
	out->approx = (approx || p->terms_approx) && out->kind != DL_UNKNOWN;
	out->default_terms = p->terms_approx && out->kind != DL_UNKNOWN;
	out->parts = occ.v;
	out->nparts = occ.n;
	return true;
}
/* ------------------------------------------------------------- event words */

static bool trimmable(const parser *p, size_t i)
{
	enum tk ty = p->t[i].type;
	return ty == TK_COMMA || ty == TK_SEMI || ty == TK_COLON || ty == TK_DOT || ty == TK_DASH || ty == TK_SLASH ||
	       is_w(p, i, "и");
}

static bool span_has(const parser *p, size_t a, size_t b, enum tk ty)
{
	for (size_t i = a; i < b; i++)
		if (p->t[i].type == ty)
			return true;
	return false;
}

/* Separating punctuation and unbalanced brackets at the ends of a span. */
static void trim_span(const parser *p, size_t *a, size_t *b)
{
	while (*a < *b) {
		if (trimmable(p, *a) || (p->t[*a].type == TK_OPEN && !span_has(p, *a, *b, TK_CLOSE)))
			(*a)++;
		else if (trimmable(p, *b - 1) || (p->t[*b - 1].type == TK_CLOSE && !span_has(p, *a, *b, TK_OPEN)))
			(*b)--;
		else if (*a + 1 < *b && p->t[*a].type == TK_OPEN && p->t[*b - 1].type == TK_CLOSE)
			(*a)++, (*b)--;
		else
			break;
	}
}

/* «по» with the noun of a schedule or event, maybe after its adjectives: «по
 * итогам …», «по отдельному графику», «по утвержденному плану работы …», «по
 * мере необходимости» — not a subject or topic: «по математике», «по русскому
 * языку», «по предметам», «по вопросам …». */
static bool po_event_at(const parser *p, size_t i, size_t b)
{
	size_t j = i + 1;
	for (int adj = 0; adj < 3 && j < b && is_type(p, j, TK_WORD) && !lex_event_head(p->t[j].w) &&
	                  lex_dative_adj(p->t[j].w);
	     adj++)
		j++;
	return j < b && is_type(p, j, TK_WORD) && lex_event_head(p->t[j].w);
}

/* Words that introduce an event or schedule: «по …» (po_event_at), «согласно»,
 * «в соответствии», «в период» … */
static bool marker_at(const parser *p, size_t i, size_t b)
{
	static const char *const one[] = {"согласно", "при", "после", "перед", "накануне", NULL};
	if (is_w(p, i, "по"))
		return po_event_at(p, i, b);
	static const char *const after_v[] = {
		"соответствии", "соответствие", "период", "ходе", "рамках", "дни", "день", "сроки", "срок",
		"зависимости", "случае", NULL,
	};
	static const char *const after_do[] = {"начала", "окончания", "завершения", NULL};
	static const char *const after_k[] = {"началу", "окончанию", "завершению", NULL};
	if (is_wany(p, i, one))
		return true;
	if (i + 1 >= b)
		return false;
	return (is_w(p, i, "во") && is_w(p, i + 1, "время")) || (is_w(p, i, "в") && is_wany(p, i + 1, after_v)) ||
	       (is_w(p, i, "до") && is_wany(p, i + 1, after_do)) || (is_w(p, i, "к") && is_wany(p, i + 1, after_k));
}

/* The original bytes [b, e) with every run of spaces, line breaks and tags as one space. */
static void copy_collapsed(const char *text, size_t b, size_t e, buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	bool pending = false;
	for (size_t i = b; i < e;) {
		size_t k;
		if ((k = lex_u_space(s + i)) || (s[i] == '<' && (k = lex_u_tag(s + i)))) {
			pending = true, i += k;
			continue;
		}
		if (lex_u_shy(s + i)) {
			i += 2;
			continue;
		}
		if (pending)
			buf_putc(out, ' ');
		pending = false;
		buf_putc(out, (char)s[i++]);
	}
}

/* Left-over spans must be event words; they are joined into ev with "; ".
 * Returns false (bad_off set) at the first span that is not. */
static bool collect_events(parser *p, buf *ev)
{
	for (size_t i = 0; i < p->n;) {
		if (p->t[i].use == 1) {
			i++;
			continue;
		}
		size_t a = i, b = i;
		while (b < p->n && p->t[b].use != 1)
			b++;
		i = b;
		trim_span(p, &a, &b);
		size_t words = 0;
		for (size_t k = a; k < b; k++)
			words += p->t[k].type == TK_WORD || p->t[k].type == TK_NUM;
		if (!words)
			continue;
		if (words < 2 || !marker_at(p, a, b)) { /* a marker needs what it refers to */
			set_bad(p, a);
			return false;
		}
		if (ev->len)
			buf_puts(ev, "; ");
		copy_collapsed(p->text, p->t[a].b, p->t[b - 1].e, ev);
	}
	return true;
}

/* ------------------------------------------------------------------ public */

static bool period_ok(date s, date e)
{
	return date_valid(s.y, s.m, s.d) && date_valid(e.y, e.m, e.d) && date_cmp(s, e) <= 0;
}

void deadline_parse(const char *text, date pstart, date pend, deadline *out)
{
	dl_context cx = {.start = pstart, .end = pend};
	deadline_parse_in(text, &cx, out);
}

int deadline_years(date start, date end)
{
	long months = month_index(end.y, end.m) - month_index(start.y, start.m) + 1;
	return months > 18 ? (int)((months + 6) / 12) : 1;
}

/* Default term n of school year sy. */
static dl_term default_term(int sy, int n)
{
	static const int md[4][4] = {{9, 1, 10, 31}, {11, 1, 12, 31}, {1, 10, 3, 31}, {4, 1, 5, 31}};
	int y = n <= 2 ? sy : sy + 1;
	return (dl_term){{y, md[n - 1][0], md[n - 1][1]}, {y, md[n - 1][2], md[n - 1][3]}};
}

bool deadline_term(const dl_context *ctx, int sy, int n, dl_term *out)
{
	int seen = 0;
	for (size_t k = 0; ctx && k < ctx->nterms; k++) {
		date s = ctx->terms[k].start;
		if ((s.m >= 8 ? s.y : s.y - 1) != sy)
			continue;
		if (++seen == n) {
			*out = ctx->terms[k];
			return true;
		}
	}
	*out = default_term(sy, n < 1 ? 1 : n > 4 ? 4 : n);
	return false;
}

void deadline_parse_in(const char *text, const dl_context *ctx, deadline *out)
{
	memset(out, 0, sizeof *out);
	date pstart = ctx->start, pend = ctx->end;
	if (!text)
		text = "";
	if (strlen(text) > DL_MAX_TEXT) {
		out->err_off = DL_MAX_TEXT;
		return;
	}
	if (!period_ok(pstart, pend))
		return;
	toks ts = {0};
	lex_tokenize(text, &ts);
	lex_join_wrapped(&ts);
	lex_join_ordinals(&ts);
	lex_join_hyphenated(&ts);
	parser p = {.text = text, .t = ts.t, .n = ts.n, .ps = pstart, .pe = pend, .cx = ctx,
	            .nyears = deadline_years(pstart, pend)};
	/* The school planning year opens with the August conference. */
	p.w0 = month_index(pstart.y, pstart.m) - (pstart.m == 9);
	scan(&p);
	buf ev = BUF_INIT;
	if (!p.bad && collect_events(&p, &ev) && build(&p, ev.len > 0, out) && out->kind != DL_UNKNOWN) {
		out->event = ev.len ? buf_detach(&ev) : NULL;
	} else {
		deadline_free(out);
		out->err_off = p.bad ? p.bad_off : 0;
	}
	buf_free(&ev);
	free(ts.t);
	free(p.items);
}

void deadline_free(deadline *d)
{
	free(d->parts);
	free(d->event);
	memset(d, 0, sizeof *d);
}

const char *dl_kind_name(dl_kind k)
{
	switch (k) {
	case DL_DATE: return "date";
	case DL_BY: return "by";
	case DL_RANGE: return "range";
	case DL_MULTI: return "multi";
	case DL_RECURRING: return "recurring";
	case DL_PERIOD: return "period";
	case DL_EVENT: return "event";
	default: return "unknown";
	}
}

static void json_date(buf *out, date a)
{
	char iso[11];
	if (!date_is_set(a)) {
		buf_puts(out, "null");
		return;
	}
	date_iso(a, iso);
	buf_printf(out, "\"%s\"", iso);
}

void deadline_json(const deadline *d, const char *text, buf *out)
{
	buf_puts(out, "{\"text\":");
	json_quote(out, text);
	buf_printf(out, ",\"kind\":\"%s\"", dl_kind_name(d->kind));
	if (d->every)
		buf_printf(out, ",\"every\":\"%s\"", d->every);
	if (d->times)
		buf_printf(out, ",\"times\":%d", d->times);
	if (d->event) {
		buf_puts(out, ",\"event\":");
		json_quote(out, d->event);
	}
	buf_puts(out, ",\"start\":");
	json_date(out, d->start);
	buf_puts(out, ",\"end\":");
	json_date(out, d->end);
	if (d->kind == DL_MULTI || d->kind == DL_RECURRING || (d->kind == DL_EVENT && d->nparts)) {
		buf_puts(out, ",\"parts\":[");
		for (size_t k = 0; k < d->nparts; k++) {
			buf_puts(out, k ? ",{\"start\":" : "{\"start\":");
			json_date(out, d->parts[k].start);
			buf_puts(out, ",\"end\":");
			json_date(out, d->parts[k].end);
			buf_putc(out, '}');
		}
		buf_putc(out, ']');
	}
	if (d->approx)
		buf_puts(out, ",\"approx\":true");
	buf_putc(out, '}');
}

bool deadline_edition_period(const char *edition, date *start, date *end)
{
	int y[2] = {0, 0};
	if (!edition || strlen(edition) != 9 || edition[4] != '-')
		return false;
	for (int k = 0; k < 9; k++) {
		if (k == 4)
			continue;
		if (edition[k] < '0' || edition[k] > '9')
			return false;
		y[k > 4] = y[k > 4] * 10 + (edition[k] - '0');
	}
	if (y[0] < 1 || y[1] <= y[0] || y[1] > y[0] + DL_MAX_YEARS)
		return false;
	*start = (date){y[0], 9, 1};
	*end = (date){y[1], 8, 31};
	return true;
}
