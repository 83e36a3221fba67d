/* The words of deadline phrases: tokens, vocabulary, repair passes
 * (deadline_lex.h).  Every function works on one call's token array: no
 * shared state but the known-word list sorted once. */
#include "deadline_lex.h"
#include "ru.h"
#include "utf8.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
/* ------------------------------------------------------------------ tokens */



size_t lex_u_space(const unsigned char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0) /* no-break space */
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 &&
	    ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xA8 || s[2] == 0xA9 || s[2] == 0xAF))
		return 3;
	if ((s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) || (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) ||
	    (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF))
		return 3;
	return 0;
}

/* Soft hyphen: Word leaves it where it hyphenated a word; it joins, never splits. */
bool lex_u_shy(const unsigned char *s)
{
	return s[0] == 0xC2 && s[1] == 0xAD;
}

/* HTML remnants (<p>, </li>, <br/>) that pasted tables carry: read as space. */
size_t lex_u_tag(const unsigned char *s)
{
	size_t i = 1;
	if (s[i] == '/')
		i++;
	if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		return 0;
	for (; i < 200 && s[i] && s[i] != '<'; i++)
		if (s[i] == '>')
			return i + 1;
	return 0;
}

static size_t u_dash(const unsigned char *s)
{
	if (*s == '-')
		return 1;
	if (s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95) /* ‐ ‑ ‒ – — ― */
		return 3;
	if (s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) /* − minus */
		return 3;
	return 0;
}

static bool ascii_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool cyr_letter(const unsigned char *s)
{
	return (s[0] == 0xD0 && s[1] >= 0x80 && s[1] <= 0xBF) || (s[0] == 0xD1 && s[1] >= 0x80 && s[1] <= 0xBF);
}

/* Latin letters typed inside a Cyrillic word («ceнтябрь» with a Latin c) are
 * read as the Cyrillic letter they look like. */
static const char *latin_lookalike(char c)
{
	static const char from[] = "aceopxykmthb";
	static const char *const to[] = {"а", "с", "е", "о", "р", "х", "у", "к", "м", "т", "н", "в"};
	const char *f = strchr(from, c);
	return f && c ? to[f - from] : NULL;
}

static void word_put(char *w, size_t *len, const char *s, size_t n)
{
	if (*len + n >= WORD_MAX) {
		*len = WORD_MAX; /* marks the word as too long */
		return;
	}
	memcpy(w + *len, s, n);
	*len += n;
}

/* Scans one word at s into t->w; returns its byte length. */
static size_t scan_word(const unsigned char *s, tok *t)
{
	char raw[WORD_MAX];
	size_t i = 0, len = 0;
	bool latin = false, cyr = false;
	for (;;) {
		if (ascii_letter(s[i])) {
			char c = (char)(s[i] | 0x20);
			latin = true;
			word_put(raw, &len, &c, 1);
			i++;
		} else if (cyr_letter(s + i)) {
			unsigned char o[2];
			utf8_lower_ru_letter(s + i, o, UTF8_FOLD_YO);
			cyr = true;
			word_put(raw, &len, (const char *)o, 2);
			i += 2;
		} else if (lex_u_shy(s + i)) {
			i += 2;
		} else {
			break;
		}
	}
	size_t n = 0;
	for (size_t k = 0; k < len && len < WORD_MAX; k++) {
		const char *cy = latin && cyr ? latin_lookalike(raw[k]) : NULL;
		if (cy)
			word_put(t->w, &n, cy, strlen(cy));
		else
			word_put(t->w, &n, raw + k, 1);
	}
	if (len >= WORD_MAX || n >= WORD_MAX)
		n = 0;
	t->w[n] = '\0';
	return i;
}

static size_t scan_num(const unsigned char *s, tok *t)
{
	size_t i = 0;
	long v = 0;
	for (; s[i] >= '0' && s[i] <= '9'; i++) {
		v = v * 10 + (s[i] - '0');
		if (v > NUM_CAP)
			v = NUM_CAP;
	}
	t->num = (int)v;
	t->ndig = i > 99 ? 99 : (int)i;
	return i;
}

static enum tk punct_type(unsigned char c)
{
	switch (c) {
	case ',': return TK_COMMA;
	case ';': return TK_SEMI;
	case ':': return TK_COLON;
	case '.': return TK_DOT;
	case '(': case '[': return TK_OPEN;
	case ')': case ']': return TK_CLOSE;
	case '/': case '\\': return TK_SLASH;
	default: return TK_OTHER;
	}
}

/* Length of the UTF-8 sequence at s, stopping at a byte that cannot continue it. */
static size_t u_len(const unsigned char *s)
{
	size_t n = *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : *s >= 0xC0 ? 2 : 1;
	for (size_t k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return k;
	return n;
}

void lex_tokenize(const char *text, toks *ts)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	bool sp = true;
	while (s[i]) {
		size_t k;
		if ((k = lex_u_space(s + i)) || (s[i] == '<' && (k = lex_u_tag(s + i)))) {
			i += k, sp = true;
			continue;
		}
		if (lex_u_shy(s + i)) {
			i += 2;
			continue;
		}
		xgrow((void **)&ts->t, &ts->cap, ts->n + 1, sizeof *ts->t);
		tok *t = &ts->t[ts->n++];
		memset(t, 0, sizeof *t);
		t->b = i, t->sp = sp, sp = false;
		if (ascii_letter(s[i]) || cyr_letter(s + i)) {
			t->type = TK_WORD;
			k = scan_word(s + i, t);
		} else if (s[i] >= '0' && s[i] <= '9') {
			t->type = TK_NUM;
			k = scan_num(s + i, t);
		} else if ((k = u_dash(s + i))) {
			t->type = TK_DASH;
		} else {
			t->type = s[i] < 0x80 ? punct_type(s[i]) : TK_OTHER;
			k = u_len(s + i);
		}
		i += k;
		t->e = i;
	}
}

static void tok_remove(toks *ts, size_t i, size_t count)
{
	memmove(ts->t + i, ts->t + i + count, (ts->n - i - count) * sizeof *ts->t);
	ts->n -= count;
}

/* ------------------------------------------------------------- vocabulary */


/* «квартал», «кв», «четверть», «полугодие», «триместр» in their case forms. */
enum unit lex_unit_of(const char *w)
{
	static const char *const q4[] = {"ь", "и", "ей", "ях", "ям", "ью", "ями", NULL};
	if (!strncmp(w, "квартал", strlen("квартал")) || !strcmp(w, "кв"))
		return U_QUARTER;
	if (!strncmp(w, "четверт", strlen("четверт")) && str_in(w + strlen("четверт"), q4))
		return U_SCHOOLQ;
	if (!strncmp(w, "полугоди", strlen("полугоди")))
		return U_HALF;
	if (!strncmp(w, "триместр", strlen("триместр")))
		return U_TRIM;
	return U_NONE;
}

/* 1..4 for «I»…«IV» and «первый»…«четвертый» in their forms, else 0. */
int lex_ordinal_word(const char *w)
{
	static const char *const roman[] = {"i", "ii", "iii", "iv", NULL};
	static const char *const adj[] = {"ый", "ая", "ое", "ого", "ой", "ом", "ую", "ым", NULL};
	static const char *const third[] = {"ий", "ья", "ье", "ьего", "ьей", "ьем", "ью", NULL};
	for (int k = 0; roman[k]; k++)
		if (!strcmp(w, roman[k]))
			return k + 1;
	if (!strncmp(w, "перв", strlen("перв")) && str_in(w + strlen("перв"), adj))
		return 1;
	if (!strncmp(w, "втор", strlen("втор")) && str_in(w + strlen("втор"), adj))
		return 2;
	if (!strncmp(w, "трет", strlen("трет")) && str_in(w + strlen("трет"), third))
		return 3;
	if (!strncmp(w, "четверт", strlen("четверт")) && str_in(w + strlen("четверт"), adj))
		return 4;
	return 0;
}

/* Nouns that make «по …» a schedule or event rather than a topic: «по итогам»,
 * «по окончании», «по мере», «по необходимости», «по графику», «по плану»,
 * «по запросу», «по понедельникам».  A subject or topic («по математике», «по
 * русскому языку», «по предметам», «по вопросам …») is none of these. */
static const char *const EVENT_HEADS[] = {
	"итогам", "итогу", "результатам", "результату", "окончании", "окончанию", "завершении",
	"завершению", "истечении", "получении", "поступлении", "мере", "необходимости", "потребности",
	"готовности", "возможности", "требованию", "запросу", "запросам", "заявке", "заявкам",
	"приглашению", "согласованию", "договоренности", "указанию", "поручению", "распоряжению",
	"приказу", "решению", "факту", "обращению", "обращениям", "предписанию", "графику",
	"графикам", "плану", "планам", "расписанию", "календарю", "циклограмме", "регламенту",
	"положению", "срокам", "состоянию", "понедельникам", "вторникам", "средам", "четвергам",
	"пятницам", "субботам", "воскресеньям", "выходным", "будням", "дням", "неделям", "месяцам", NULL,
};

bool lex_event_head(const char *w)
{
	return str_in(w, EVENT_HEADS) || lex_unit_of(w) != U_NONE;
}

bool lex_dative_adj(const char *w)
{
	static const char *const ends[] = {"ому", "ему", "ым", "им", "ой", "ей", NULL};
	for (int k = 0; ends[k]; k++)
		if (strlen(w) > strlen(ends[k]) + 2 && str_ends(w, ends[k]))
			return true;
	return false;
}

static const char *const KNOWN_WORDS[] = {
	"в", "во", "на", "за", "с", "со", "до", "к", "по", "не", "и", "позднее", "позже", "срок",
	"сроки", "течение", "протяжении", "весь", "всего", "всей", "текущего", "текущий", "данного",
	"учебного", "учебный", "учебном", "уч", "календарного", "года", "год", "году", "годы",
	"годов", "гг", "г", "периода", "период", "постоянно", "систематически", "регулярно",
	"ежедневно", "круглогодично", "периодически", "постоянном", "режиме", "постоянной",
	"основе", "ежеквартально", "ежемесячно", "еженедельно", "ежегодно", "ежеполугодно", "раз",
	"раза", "дважды", "трижды", "два", "две", "три", "четыре", "один", "одного", "каждый",
	"каждую", "каждое", "каждого", "каждом", "месяц", "месяца", "неделю", "недели", "полгода",
	"итогам", "результатам", "окончании", "завершении", "конца", "концу", "конце", "конец",
	"начала", "началу", "начале", "начало", "середины", "середине", "середина", "окончания",
	"завершения", "числа", "включительно", "ориентировочно", "примерно", "около",
	"необходимости", "мере", "графику", "графиком", "плану", "планом", "планами", "отдельному",
	"отдельным", "соответствии", "согласно", "проведения", "ходе", "рамках", "время", "после",
	"перед", "при", "накануне", "случае", "запросу", "ежечетвертно", "каждой", "следующего",
	"следующем", "следующий", "отчетным", "отчетной", "отчетном", "отчетный", "отчетного",
	"отчетная", "кварталом", "периодом", "месяцем", "полугодием", "годом", NULL,
};

/* The words of lex_known(), sorted once for bsearch: lex_known() runs on every word
 * of every text the importer tries as a deadline, several times each, and a
 * linear scan of the list was most of an import's time. */
static const char *known_sorted[ARRAY_LEN(KNOWN_WORDS) + ARRAY_LEN(EVENT_HEADS)];
static size_t known_n;
static pthread_once_t known_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void sort_known(void)
{
	for (size_t i = 0; KNOWN_WORDS[i]; i++)
		known_sorted[known_n++] = KNOWN_WORDS[i];
	for (size_t i = 0; EVENT_HEADS[i]; i++) /* a wrapped «распи санию» joins too */
		known_sorted[known_n++] = EVENT_HEADS[i];
	qsort(known_sorted, known_n, sizeof *known_sorted, cmp_str);
}

/* Words the grammar knows.  Used only to repair words broken by wrapping: a
 * join is kept when it makes a known word out of a piece that is not one. */
bool lex_known(const char *w)
{
	pthread_once(&known_once, sort_known);
	return *w && (ru_month_word(w) || lex_unit_of(w) || lex_ordinal_word(w) ||
	              bsearch(&w, known_sorted, known_n, sizeof *known_sorted, cmp_str));
}

/* ------------------------------------------------------ token repair passes */

/* lex_known() of a token's word, asked once: the repair passes ask it of every
 * word several times. */
static bool tok_known(tok *t)
{
	if (!t->kn_set) {
		t->kn = lex_known(t->w);
		t->kn_set = true;
	}
	return t->kn;
}

static bool adjacent_words(const toks *ts, size_t i, size_t k)
{
	return i + k < ts->n && ts->t[i + k].type == TK_WORD && ts->t[i + k].sp && *ts->t[i + k].w;
}

/* The words i .. i+count-1 written together into out; false when too long. */
static bool concat(char out[WORD_MAX], const toks *ts, size_t i, size_t count)
{
	size_t n = 0;
	for (size_t k = 0; k < count; k++)
		word_put(out, &n, ts->t[i + k].w, strlen(ts->t[i + k].w));
	if (n >= WORD_MAX)
		return false;
	out[n] = '\0';
	return true;
}

static void merge_into(toks *ts, size_t i, size_t count, const char *w)
{
	strcpy(ts->t[i].w, w);
	ts->t[i].kn_set = false;
	ts->t[i].e = ts->t[i + count - 1].e;
	ts->t[i].type = TK_WORD;
	tok_remove(ts, i + 1, count - 1);
}

/* Joins word i with the one or two words after it when the pieces are not all
 * known words and the join is one: «ежеквартал ьно», «в течение го да». */
static bool join_wrapped_at(toks *ts, size_t i)
{
	if (ts->t[i].type != TK_WORD || !*ts->t[i].w)
		return false;
	bool unknown_piece = !tok_known(&ts->t[i]);
	for (size_t count = 2; count <= 3 && adjacent_words(ts, i, count - 1); count++) {
		char w[WORD_MAX];
		unknown_piece |= !tok_known(&ts->t[i + count - 1]);
		if (unknown_piece && concat(w, ts, i, count) && lex_known(w)) {
			merge_into(ts, i, count, w);
			return true;
		}
	}
	return false;
}

void lex_join_wrapped(toks *ts)
{
	for (size_t i = 0; i < ts->n;)
		if (!join_wrapped_at(ts, i)) /* a joined word is tried again: it may join further */
			i++;
}

static bool glued(const toks *ts, size_t i)
{
	return i < ts->n && !ts->t[i].sp;
}

/* «2-е», «1-й», «3-го»: a number written as an ordinal. */
void lex_join_ordinals(toks *ts)
{
	static const char *const sfx[] = {"е", "й", "го", "ое", "ая", "я", "м", "ом", "ый", "ий", "ой", "ье", NULL};
	for (size_t i = 0; i + 2 < ts->n; i++) {
		tok *t = ts->t + i;
		if (t->type == TK_NUM && t[1].type == TK_DASH && glued(ts, i + 1) && t[2].type == TK_WORD &&
		    glued(ts, i + 2) && str_in(t[2].w, sfx)) {
			t->ord = true;
			t->e = t[2].e;
			tok_remove(ts, i + 1, 2);
		}
	}
}

/* «ГИА-2020», «информационно-разъяснительной»: hyphenated names stay one word,
 * so that their number is never read as a year.  Months and other known words
 * are left apart: «сентябрь-май» is a range. */
static bool join_hyphenated_at(toks *ts, size_t i)
{
	tok *t = ts->t + i;
	if (i + 2 >= ts->n || t->type != TK_WORD || !*t->w || tok_known(t) || t[1].type != TK_DASH ||
	    !glued(ts, i + 1) || !glued(ts, i + 2))
		return false;
	char w[WORD_MAX], digits[12];
		const char *right;
	if (t[2].type == TK_WORD && *t[2].w && !tok_known(&t[2])) {
		right = t[2].w;
	} else if (t[2].type == TK_NUM && t[2].ndig <= 8) {
		size_t d = sizeof digits - 1;
		digits[d] = '\0';
		for (int v = t[2].num, k = 0; k < t[2].ndig; k++, v /= 10)
			digits[--d] = (char)('0' + v % 10);
		right = digits + d;
	} else {
		return false;
	}
	size_t n = 0;
	word_put(w, &n, t->w, strlen(t->w));
	word_put(w, &n, "-", 1);
	word_put(w, &n, right, strlen(right));
	if (n >= WORD_MAX)
		return false;
	w[n] = '\0';
	merge_into(ts, i, 3, w);
	return true;
}

void lex_join_hyphenated(toks *ts)
{
	for (size_t i = 0; i < ts->n;)
		if (!join_hyphenated_at(ts, i)) /* «ГИА-9-11» joins twice */
			i++;
}
