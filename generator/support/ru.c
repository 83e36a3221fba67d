#include "ru.h"
#include "util.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\xC2\xA0"

/* The one month table: the nominative, the genitive, and the stem every case
 * form of the name starts with, with the endings it takes (prepositional
 * «марте» and instrumental «январем» included; «ё» read as «е»). */
static const char *const SOFT[] = {"ь", "я", "е", "ю", "ем", NULL};
static const char *const HARD[] = {"", "а", "е", "у", "ом", NULL};
static const char *const MAY[] = {"й", "я", "е", "ю", "ем", NULL};
static const struct {
	const char *nom, *gen, *stem;
	const char *const *ends;
} MONTHS[12] = {
	{"январь", "января", "январ", SOFT},       {"февраль", "февраля", "феврал", SOFT},
	{"март", "марта", "март", HARD},           {"апрель", "апреля", "апрел", SOFT},
	{"май", "мая", "ма", MAY},                 {"июнь", "июня", "июн", SOFT},
	{"июль", "июля", "июл", SOFT},             {"август", "августа", "август", HARD},
	{"сентябрь", "сентября", "сентябр", SOFT}, {"октябрь", "октября", "октябр", SOFT},
	{"ноябрь", "ноября", "ноябр", SOFT},       {"декабрь", "декабря", "декабр", SOFT},
};
/* The abbreviations people write: «янв.», «сент.», «нояб.». */
static const struct {
	const char *w;
	int m;
} MONTH_ABBR[] = {
	{"янв", 1}, {"фев", 2}, {"февр", 2}, {"мар", 3}, {"апр", 4}, {"авг", 8}, {"сен", 9},
	{"сент", 9}, {"окт", 10}, {"ноя", 11}, {"нояб", 11}, {"дек", 12},
};

const char *ru_month_nom(int m)
{
	return m >= 1 && m <= 12 ? MONTHS[m - 1].nom : "";
}

const char *ru_month_gen(int m)
{
	return m >= 1 && m <= 12 ? MONTHS[m - 1].gen : "";
}

int ru_month_word(const char *w)
{
	for (int m = 0; m < 12; m++) {
		size_t n = strlen(MONTHS[m].stem);
		if (!strncmp(w, MONTHS[m].stem, n) && str_in(w + n, MONTHS[m].ends))
			return m + 1;
	}
	for (size_t k = 0; k < sizeof MONTH_ABBR / sizeof MONTH_ABBR[0]; k++)
		if (!strcmp(w, MONTH_ABBR[k].w))
			return MONTH_ABBR[k].m;
	return 0;
}

void ru_date(buf *out, date d)
{
	if (!date_is_set(d))
		return;
	buf_printf(out, "%d %s %d" NBSP "г.", d.d, ru_month_gen(d.m), d.y);
}

void ru_month_year(buf *out, int y, int m)
{
	const char *nom = ru_month_nom(m);
	unsigned char cap[2];
	if (utf8_upper_ru_letter((const unsigned char *)nom, cap)) { /* «Сентябрь» */
		buf_put(out, (const char *)cap, 2);
		nom += 2;
	}
	buf_printf(out, "%s %d", nom, y);
}

const char *ru_plural(long n, const char *one, const char *few, const char *many)
{
	/* Through unsigned: labs(LONG_MIN) is undefined. */
	unsigned long mag = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	unsigned long a = mag % 100, b = a % 10;
	if (a >= 11 && a <= 14)
		return many;
	if (b == 1)
		return one;
	if (b >= 2 && b <= 4)
		return few;
	return many;
}

void ru_int(buf *out, long n)
{
	char rev[32], digits[32];
	/* Through unsigned: labs(LONG_MIN) is undefined.  Digits by hand: this
	 * runs for every number of every page, and printf costs far more. */
	unsigned long mag = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
	size_t len = 0;
	do {
		rev[len++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	for (size_t i = 0; i < len; i++)
		digits[i] = rev[len - 1 - i];
	if (n < 0)
		buf_puts(out, "\xE2\x88\x92"); /* minus sign */
	/* Four-digit numbers stay unbroken («1375» is also correct), but the spec
	 * and our golden files use the grouped form throughout for consistency. */
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf_puts(out, NBSP);
		buf_putc(out, digits[i]);
	}
}

void ru_count(buf *out, long n, const char *one, const char *few, const char *many)
{
	ru_int(out, n);
	buf_putc(out, ' ');
	buf_puts(out, ru_plural(n, one, few, many));
}

void ru_num(buf *out, double x, int decimals)
{
	double scale = pow(10, decimals);
	double r = round(fabs(x) * scale);
	long whole = (long)(r / scale);
	long frac = (long)(r - (double)whole * scale);
	if (x < 0 && r > 0)
		buf_puts(out, "\xE2\x88\x92");
	ru_int(out, whole);
	if (frac == 0 || decimals == 0)
		return;
	char f[32];
	snprintf(f, sizeof f, "%0*ld", decimals, frac);
	size_t n = strlen(f);
	while (n && f[n - 1] == '0')
		f[--n] = '\0';
	buf_printf(out, ",%s", f);
}

/* Nouns of acts: nominative, genitive, genitive plural, instrumental. */
static const char *const ACTS[][4] = {
	{"приказ", "приказа", "приказов", "приказом"},
	{"распоряжение", "распоряжения", "распоряжений", "распоряжением"},
	{"постановление", "постановления", "постановлений", "постановлением"},
	{"решение", "решения", "решений", "решением"},
	{"протокол", "протокола", "протоколов", "протоколом"},
};

/* Appends s[0..n) to out lower-cased, «ё» kept (a declined name shows it again). */
static void lower(buf *out, const char *s, size_t n)
{
	size_t at = out->len;
	buf_put(out, s, n);
	utf8_lower_ru(out->data + at, 0);
}

const char *ru_act(const char *act, ru_case c)
{
	if (!act)
		return NULL;
	buf b = BUF_INIT;
	size_t n = strlen(act);
	while (n && act[n - 1] == ' ')
		n--;
	lower(&b, act, n);
	const char *r = NULL;
	for (size_t i = 0; i < sizeof ACTS / sizeof ACTS[0]; i++)
		if (!strcmp(buf_cstr(&b), ACTS[i][0]))
			r = ACTS[i][c == RU_GEN ? 1 : c == RU_GEN_PL ? 2 : 3];
	buf_free(&b);
	return r;
}

/* Nouns heading the names of bodies and offices, with their genitive. */
static const char *const NOUNS[][2] = {
	{"совет", "совета"}, {"педсовет", "педсовета"}, {"комитет", "комитета"}, {"отдел", "отдела"},
	{"департамент", "департамента"}, {"центр", "центра"}, {"кафедра", "кафедры"}, {"группа", "группы"},
	{"служба", "службы"}, {"школа", "школы"}, {"глава", "главы"}, {"директор", "директора"},
	{"начальник", "начальника"}, {"руководитель", "руководителя"}, {"заместитель", "заместителя"},
	{"председатель", "председателя"}, {"собрание", "собрания"}, {"министерство", "министерства"},
	{"управление", "управления"}, {"учреждение", "учреждения"}, {"объединение", "объединения"},
	{"администрация", "администрации"}, {"коллегия", "коллегии"}, {"комиссия", "комиссии"},
	{"организация", "организации"}, {"лаборатория", "лаборатории"},
};

static bool ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && !memcmp(w + n - k, suf, k);
}

/* Genitive ending of an adjective word w[0..n) (lower case), or NULL when w is no adjective. */
static const char *adj_gen(const char *w, size_t n, size_t *stem)
{
	static const char *const hush[] = {"ж", "ш", "ч", "щ", NULL};
	static const char *const velar[] = {"к", "г", "х", NULL};
	if (n < 6)
		return NULL;
	bool h = false, v = false; /* the letter before the ending: hushing or velar */
	for (int i = 0; hush[i]; i++)
		h |= !memcmp(w + n - 6, hush[i], 2);
	for (int i = 0; velar[i]; i++)
		v |= !memcmp(w + n - 6, velar[i], 2);
	*stem = n - 4; /* every ending below is two Cyrillic letters */
	if (ends(w, n, "ый") || ends(w, n, "ой") || ends(w, n, "ое"))
		return "ого";
	if (ends(w, n, "ий"))
		return v ? "ого" : "его";
	if (ends(w, n, "ее"))
		return "его";
	if (ends(w, n, "ая"))
		return h ? "ей" : "ой";
	if (ends(w, n, "яя"))
		return "ей";
	return NULL;
}

/* True when name is already in the genitive, as an approval written after
 * «приказом» gives it («управления образования администрации …», «отдела
 * образования», «муниципального казённого учреждения …»): adjectives with a
 * genitive ending, then the genitive of a noun the table knows. */
static bool already_genitive(const char *name)
{
	const char *p = name;
	for (int words = 0; *p && words < 4; words++) {
		size_t n = strcspn(p, " ");
		buf w = BUF_INIT;
		lower(&w, p, n);
		const char *lw = buf_cstr(&w);
		bool noun = false;
		for (size_t i = 0; i < sizeof NOUNS / sizeof NOUNS[0] && !noun; i++)
			noun = !strcmp(lw, NOUNS[i][1]);
		bool adj = w.len >= 6 && (ends(lw, w.len, "ого") || ends(lw, w.len, "его") || ends(lw, w.len, "ой") ||
		                          ends(lw, w.len, "ей"));
		buf_free(&w);
		if (noun)
			return true;
		if (!adj)
			return false;
		p += n;
		while (*p == ' ')
			p++;
	}
	return false;
}

bool ru_genitive(buf *out, const char *name)
{
	if (!name)
		return false;
	buf b = BUF_INIT;
	const char *p = name;
	while (*p == ' ')
		p++;
	for (int words = 0; *p && words < 4; words++) {
		size_t n = strcspn(p, " ");
		buf w = BUF_INIT;
		lower(&w, p, n);
		const char *lw = buf_cstr(&w);
		for (size_t i = 0; i < sizeof NOUNS / sizeof NOUNS[0]; i++) {
			if (strcmp(lw, NOUNS[i][0]))
				continue;
			buf_puts(&b, NOUNS[i][1]);
			buf_puts(&b, p + n);
			buf_puts(out, buf_cstr(&b));
			buf_free(&w);
			buf_free(&b);
			return true;
		}
		size_t stem;
		const char *end = adj_gen(lw, w.len, &stem);
		if (!end) {
			buf_free(&w);
			break;
		}
		buf_printf(&b, "%.*s%s ", (int)stem, lw, end);
		buf_free(&w);
		p += n;
		while (*p == ' ')
			p++;
	}
	buf_free(&b);
	if (already_genitive(name)) {
		/* As written, in lower case at its start: it follows «приказом». */
		p = name;
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		lower(out, p, n);
		buf_puts(out, p + n);
		return true;
	}
	return false;
}
