/* import_front.c — `roadmap import`: the text around the table: title, approval, goal, tasks (see import_int.h). */
#include "import_int.h"
#include "csvread.h"
#include "deadline.h"
#include "ru.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the text before the table ---- */



/* «27.08.2021», «09.01. 2020г.», «29.12.2018 г.», «27 августа 2021», «"27"
 * августа 2021 г.»: the first date in s.  False when there is none or it is
 * impossible. */
static bool find_date(const char *s, date *out)
{
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	bool found = false;
	for (const char *p = l; *p && !found; p++) {
		if (!imp_is_digit(*p) || (p > l && imp_is_digit(p[-1])))
			continue;
		const char *q = p;
		int d = 0, m = 0, y = 0, k = 0;
		while (imp_is_digit(*q) && k < 3) {
			d = d * 10 + (*q++ - '0');
			k++;
		}
		if (k > 2)
			continue;
		if (*q == '.') {
			q++;
			while (*q == ' ')
				q++;
			for (k = 0; imp_is_digit(*q) && k < 3; k++)
				m = m * 10 + (*q++ - '0');
			if (k < 1 || k > 2 || *q != '.')
				continue;
			q++;
			while (*q == ' ')
				q++;
			for (k = 0; imp_is_digit(*q) && k < 5; k++)
				y = y * 10 + (*q++ - '0');
			if (k != 4)
				continue;
		} else {
			if (!strncmp(q, "»", strlen("»")))
				q += strlen("»");
			else if (*q == '"')
				q++;
			while (*q == ' ')
				q++;
			for (int i = 1; i <= 12 && !m; i++)
				if (str_starts(q, ru_month_gen(i))) {
					m = i;
					q += strlen(ru_month_gen(i));
				}
			if (!m || *q != ' ')
				continue;
			while (*q == ' ')
				q++;
			for (k = 0; imp_is_digit(*q) && k < 5; k++)
				y = y * 10 + (*q++ - '0');
			if (k != 4)
				continue;
		}
		if (date_valid(y, m, d)) {
			*out = (date){y, m, d};
			found = true;
		}
	}
	free(l);
	return found;
}

/* The number after «№» in s (heap), or NULL. */
static char *find_number(const char *s)
{
	const char *p = strstr(s, "№");
	if (!p)
		return NULL;
	p += strlen("№");
	while (*p == ' ')
		p++;
	const char *e = p;
	while (*e && *e != ' ' && *e != ',' && *e != ';')
		e++;
	while (e > p && (e[-1] == '.' || e[-1] == ')'))
		e--;
	bool digit = false;
	for (const char *q = p; q < e; q++)
		digit |= imp_is_digit(*q);
	return e > p && digit ? xstrndup(p, (size_t)(e - p)) : NULL;
}

/* The first «№» of s outside «…» quotes at or after from, or NULL: the
 * number of an act, never the one of a school named in its authority
 * («приказу МБОУ «СОШ № 3» от … № 125-о»). */
static const char *sign_outside_quotes(const char *s, const char *from)
{
	int depth = 0;
	for (const char *p = s; *p;) {
		size_t k;
		int32_t c = imp_cp_at(p, &k);
		if (p >= from && !depth && !strncmp(p, "№", strlen("№")))
			return p;
		depth += (c == 0xAB) - (c == 0xBB && depth > 0);
		p += k;
	}
	return NULL;
}

/* The number of the approving act in an approval text (heap), or NULL: the
 * «№» after the act's word («приказом», «к приказу»), outside quotes, so
 * that an appendix's own number («Приложение № 1 к приказу … № 125-о») and a
 * school's («МБОУ «СОШ № 3»») are skipped; without an act's word, the first
 * «№». */
static char *act_number(const char *s)
{
	static const char *const words[] = {"приказ", "распоряжен", "постановлен", "решени", NULL};
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	const char *from = NULL;
	for (int i = 0; words[i]; i++) {
		const char *w = strstr(l, words[i]);
		if (w && (!from || w - l < from - s))
			from = s + (w - l);
	}
	free(l);
	const char *sign = from ? sign_outside_quotes(s, from) : NULL;
	return sign ? find_number(sign) : find_number(s);
}

static bool starts_word(const char *lowered_text, const char *w)
{
	size_t n = strlen(w);
	return !strncmp(lowered_text, w, n);
}

/* Lower-cased text without opening quotes, stars and spaces at its start. */
static char *key_text(const char *s)
{
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	const char *p = l;
	for (;;) {
		if (*p == ' ' || *p == '*' || *p == '"' || *p == '\'')
			p++;
		else if (!strncmp(p, "«", strlen("«")))
			p += strlen("«");
		else
			break;
	}
	char *out = xstrdup(p);
	free(l);
	return out;
}

/* Removes closing quotes, dots, colons and spaces at the end of s. */
/* True when s[0..n) has more «opening» than »closing« quotes: a » at n closes
 * one of them («МБОУ «СОШ № 3»») and is no stray quote to trim. */
static bool quote_closes(const char *s, size_t n)
{
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strncmp(s + i, "«", 2))
			depth++;
		else if (!strncmp(s + i, "»", 2) && depth > 0)
			depth--;
	}
	return depth > 0;
}

static void trim_tail(char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(".:\"' ", s[n - 1]))
			n--;
		else if (n >= 2 && !strncmp(s + n - 2, "»", 2) && !quote_closes(s, n - 2))
			n -= 2;
		else
			break;
	}
	s[n] = '\0';
}

/* A person's name as signatures show it: initials and a surname («Т.В.
 * Ермакова», «Скворцова Н.Г.», «_____ /С.А. Чомаева/»), short, no digits. */
static bool name_like(const char *s)
{
	if (strlen(s) > 80 || strpbrk(s, "0123456789"))
		return false;
	for (const char *p = s; *p;) {
		size_t k;
		int32_t c = imp_cp_at(p, &k);
		if (utf8_is_upper_ru(c) && p[k] == '.')
			return true;
		p += k;
	}
	return false;
}

/* A phone number after «тел.»: digits, spaces, brackets, dashes, «+». */
static bool phone_after(const char *s)
{
	size_t digits = 0;
	for (; *s && strchr("0123456789 ()-+.:", *s); s++)
		digits += imp_is_digit(*s);
	return digits >= 5;
}

bool imp_contact_line(const char *plain)
{
	if (strlen(plain) > 200)
		return false;
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	bool yes = starts_word(l, "исп.") || starts_word(l, "исп:") || starts_word(l, "исп ") ||
	           starts_word(l, "e-mail") || starts_word(l, "эл. почта") || starts_word(l, "электронная почта:");
	if (!yes && (starts_word(l, "исполнитель") || starts_word(l, "исполнители"))) {
		/* «Исполнитель: Петрова А.В., тел. …», «Исполнитель Петрова А.В.»;
		 * not «Исполнители программы …» of a passport. */
		const char *r = l + (starts_word(l, "исполнитель") ? strlen("исполнитель") : strlen("исполнители"));
		yes = *r == ':' || (*r == ' ' && name_like(plain + (r - l) + 1));
	}
	for (const char *t = strstr(l, "тел"); t && !yes; t = strstr(t + 1, "тел")) {
		/* «тел. 8 (48236) 2-15-17», «тел.: 2-15-17», «телефон 2-15-17» */
		bool word = t == l || t[-1] == ' ' || t[-1] == ',' || t[-1] == '(';
		const char *r = t + strlen("тел");
		if (starts_word(r, "ефон"))
			r += strlen("ефон");
		yes = word && (*r == '.' || *r == ':' || *r == ' ') && phone_after(r);
	}
	free(l);
	return yes;
}

/* A line holding a phone number and nothing else («8 (48236) 2-15-17»). */
static bool phone_only(const char *s)
{
	const char *p = s;
	while (*p && strchr("0123456789 ()-+.,", *p))
		p++;
	return !*p && phone_after(s);
}

static char *clean_name(const char *s)
{
	buf b = BUF_INIT;
	for (const char *p = s; *p; p++)
		buf_putc(&b, *p == '_' || *p == '/' ? ' ' : *p);
	buf out = BUF_INIT;
	imp_to_plain(&out, buf_cstr(&b), false);
	buf_free(&b);
	return buf_detach(&out);
}

static bool position_like(const char *lowered_text)
{
	static const char *const words[] = {"начальник", "руководитель ", "директор", "глава ", "заведующ",
	                                    "председател", "заместител", "министр", "и.о.", "и. о.", "врио",
	                                    NULL};
	for (int i = 0; words[i]; i++)
		if (starts_word(lowered_text, words[i]))
			return true;
	return false;
}

/* Where the name of a signature line starts (after its gap), or NULL. */
static const char *signature_name(const char *text)
{
	const char *gap = strchr(text, '\t');
	if (!gap)
		gap = strstr(text, "   ");
	if (!gap)
		gap = strstr(text, "__");
	if (!gap || gap == text)
		return NULL;
	while (*gap == '\t' || *gap == ' ' || *gap == '_')
		gap++;
	return *gap ? gap : NULL;
}

const char *imp_signature_name(arena *a, const char *text)
{
	const char *name = signature_name(text);
	size_t n;
	const char *t = name ? utf8_trim(name, strlen(name), &n) : NULL;
	return t ? arena_strndup(a, t, n) : NULL;
}

bool imp_signature_line(const char *text)
{
	if (strlen(text) > 200)
		return false;
	/* The gap between the position and the name: a TAB, a run of spaces
	 * or a line for the signature. */
	const char *name = signature_name(text);
	if (!name)
		return false;
	char *l = utf8_lower_ru(xstrdup(text), UTF8_FOLD_YO);
	bool yes = position_like(l) && name_like(name);
	free(l);
	return yes;
}

/* Joins lines [from, to) into one heap string. */
static char *join_lines(const pre *p, size_t from, size_t to)
{
	buf b = BUF_INIT;
	for (size_t i = from; i < to; i++) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, p->l[i].text);
	}
	return buf_detach(&b);
}

static size_t para_end(const pre *p, size_t i)
{
	size_t e = i;
	while (e < p->n && p->l[e].para == p->l[i].para)
		e++;
	return e;
}

static size_t para_start(const pre *p, size_t i)
{
	size_t s = i;
	while (s > 0 && p->l[s - 1].para == p->l[i].para)
		s--;
	return s;
}

/* «Цель: …», «Задачи программы:», «Срок реализации: …»: a capitalised label
 * of a few words ending in a colon. */
static bool label_line(const char *text)
{
	const char *colon = strchr(text, ':');
	if (!colon || colon - text > 40 || imp_starts_lower(text) || imp_is_digit((unsigned char)text[0]))
		return false;
	for (const char *c = text; c < colon; c++)
		if (*c == '.' || *c == ',' || *c == '(' || *c == '"')
			return false;
	return true;
}

/* A title line: «План …», «Дорожная карта …», «Программа …», «Комплекс мер …». */
static bool title_line(const char *text)
{
	char *k = key_text(text);
	bool title = (starts_word(k, "план") && (k[strlen("план")] == ' ' || !k[strlen("план")])) ||
	             starts_word(k, "дорожная карта") || starts_word(k, "комплексный план") ||
	             starts_word(k, "комплекс мер") || starts_word(k, "комплекс мероприятий") ||
	             starts_word(k, "программа") || starts_word(k, "муниципальная программа");
	free(k);
	return title;
}

void imp_find_title(pre *p)
{
	/* The last paragraph above the table that starts like a title; else
	 * the last such line inside a paragraph (a CSV puts the approval and
	 * the title on adjacent rows), up to the paragraph's end.  A paragraph
	 * ending in a period is a sentence about the document («Комплекс мер
	 * включает мероприятия …»), taken only when there is no other. */
	for (int pass = 0; pass < 4; pass++)
		for (size_t i = p->n; i-- > 0;) {
			bool mid = pass & 1, sentence_ok = pass >= 2;
			if (p->l[i].used || p->l[i].after || (!mid && i > 0 && p->l[i - 1].para == p->l[i].para))
				continue;
			if (!title_line(p->l[i].text))
				continue;
			/* A labelled line («Цель: …», «Задачи:») or a numbered heading
			 * («1. Паспорт программы») starts what follows the title when
			 * no empty line separates them (a .docx often has none). */
			size_t e = para_end(p, i);
			for (size_t j = i + 1; j < e; j++) {
				const char *rest;
				char *num = imp_heading_number(p->l[j].text, &rest);
				free(num);
				if (label_line(p->l[j].text) || num) {
					e = j;
					break;
				}
			}
			if (e - i > 8)
				continue;
			const char *last = p->l[e - 1].text;
			if (!sentence_ok && *last && last[strlen(last) - 1] == '.')
				continue;
			p->title = join_lines(p, i, e);
			for (size_t j = i; j < e; j++)
				p->l[j].used = true;
			return;
		}
}

static void set_act(pre *p, const char *lowered_text)
{
	static const struct {
		const char *w, *act;
	} acts[] = {{"приказ", "Приказ"},
	            {"распоряжен", "Распоряжение"},
	            {"постановлен", "Постановление"},
	            {"решени", "Решение"},
	            {"протокол", "Протокол"}};
	for (size_t i = 0; i < ARRAY_LEN(acts); i++)
		if (strstr(lowered_text, acts[i].w)) {
			p->act = xstrdup(acts[i].act);
			return;
		}
}

/* The approval block: «ПРИКАЗ» with its date and number lines and the
 * authority above; «Утверждено приказом от … № …» or «Приложение к приказу
 * …»; «Протокол № 1 от …»; «УТВЕРЖДАЮ» with the position, the name and the
 * date; and who signed the order. */
/* The issuing body written after the act's word: «приказом Управления
 * образования администрации … от 08.12.2022 № 12/98» → «Управление …» is
 * not derivable (the case is genitive), so the words are kept as written
 * after the act up to «от» or «№»; NULL when there are none. */
static char *authority_after_act(const char *text)
{
	char *l = utf8_lower_ru(xstrdup(text), UTF8_FOLD_YO);
	static const char *const words[] = {"приказом ",       "распоряжением ", "постановлением ", "решением ",
	                                    "приказу ",        "распоряжению ",  "постановлению ",  "решению ",
	                                    NULL};
	char *out = NULL;
	for (int i = 0; words[i] && !out; i++) {
		const char *w = strstr(l, words[i]);
		if (!w)
			continue;
		size_t from = (size_t)(w - l) + strlen(words[i]);
		const char *e1 = strstr(l + from, " от ");
		const char *e2 = sign_outside_quotes(l, l + from);
		size_t to = strlen(l);
		if (e1 && (size_t)(e1 - l) < to)
			to = (size_t)(e1 - l);
		if (e2 && (size_t)(e2 - l) < to)
			to = (size_t)(e2 - l);
		if (!strncmp(l + from, "от ", strlen("от ")))
			to = from;
		if (to > from + 3) {
			out = xstrndup(text + from, to - from);
			utf8_trim_inplace(out);
			trim_tail(out);
		}
	}
	free(l);
	return out;
}

/* A «position … name» text split into the position and the name: the name is
 * the initials-and-surname part at the end or start. */
static void split_signer(const char *s, char **title, char **name)
{
	*title = *name = NULL;
	char *c = clean_name(s);
	/* Find a word with initials («Т.В.», «Т. В.») and take it with its
	 * neighbouring surname. */
	const char *best = NULL;
	for (const char *p = c; *p;) {
		size_t k;
		int32_t cp = imp_cp_at(p, &k);
		if (utf8_is_upper_ru(cp) && p[k] == '.' && (p == c || p[-1] == ' ')) {
			best = p;
			break;
		}
		p += k;
	}
	if (!best) {
		*title = c;
		return;
	}
	/* Initials first («Т.В. Ермакова»): the name runs to the end; surname
	 * first («Ермакова Т.В.»): it starts one word before. */
	const char *start = best;
	const char *after = best;
	while (*after && *after != ' ')
		after++;
	while (*after == ' ' && after[1] && !(((unsigned char)after[1] >= 0xD0) || (after[1] >= 'A' && after[1] <= 'Z')))
		after++;
	bool surname_first = !*after || (after[0] == ' ' && utf8_is_upper_ru(imp_cp_at(after + 1, &(size_t){0})) &&
	                                 after[2] == '.');
	if (surname_first && best > c) {
		const char *q = best - 1;
		while (q > c && q[-1] != ' ')
			q--;
		start = q;
	}
	*name = xstrdup(start);
	utf8_trim_inplace(*name);
	if (start > c) {
		*title = xstrndup(c, (size_t)(start - c));
		utf8_trim_inplace(*title);
		trim_tail(*title);
		if (!**title) {
			free(*title);
			*title = NULL;
		}
	}
	free(c);
}

static considered_stamp *add_considered(pre *p, const char *stamp)
{
	xgrow((void **)&p->cons, &p->ccap, p->ncons + 1, sizeof(considered_stamp));
	considered_stamp *c = &p->cons[p->ncons++];
	memset(c, 0, sizeof *c);
	c->stamp = stamp;
	c->date = DATE_NONE;
	return c;
}

/* A stamp block «УТВЕРЖДАЮ» / «СОГЛАСОВАНО» at line i: the position lines,
 * the signature with the name, the date.  Marks the lines used. */
static void stamp_block(pre *p, size_t i, char **title, char **name, date *d)
{
	buf pos = BUF_INIT;
	*name = NULL;
	*title = NULL;
	*d = DATE_NONE;
	p->l[i].used = true;
	for (size_t j = i + 1; j < p->n && j <= i + 8; j++) {
		const char *s = p->l[j].text;
		date dd;
		/* «Приказ от 31.08.2022 № 97-о» under the signature: the approving
		 * act, left for imp_find_approval, not the stamp's date. */
		char *ka = key_text(s), *num = find_number(s);
		bool is_act = num && (starts_word(ka, "приказ") || starts_word(ka, "распоряжение") ||
		                   starts_word(ka, "постановление"));
		free(ka);
		free(num);
		if (is_act)
			break;
		if (find_date(s, &dd) && strlen(s) < 40) {
			*d = dd;
			p->l[j].used = true;
			break;
		}
		char *ks = key_text(s);
		bool stop = starts_word(ks, "план") || starts_word(ks, "дорожная") || starts_word(ks, "программа") ||
		            starts_word(ks, "комплекс") || starts_word(ks, "утвержд") || starts_word(ks, "согласован") ||
		            starts_word(ks, "рассмотрен") || *name;
		free(ks);
		if (stop)
			break;
		if (name_like(s) || strchr(s, '_') || strchr(s, '/')) {
			char *t, *n;
			split_signer(s, &t, &n);
			if (t)
				buf_printf(&pos, "%s%s", pos.len ? " " : "", t);
			*name = n ? n : xstrdup("");
			free(t);
		} else {
			buf_printf(&pos, "%s%s", pos.len ? " " : "", s);
		}
		p->l[j].used = true;
	}
	if (*name && !**name) {
		free(*name);
		*name = NULL;
	}
	if (pos.len)
		*title = buf_detach(&pos);
	buf_free(&pos);
}

void imp_find_approval(pre *p)
{
	bool have = false;
	size_t act_at = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		char *k = key_text(p->l[i].text);
		trim_tail(k);
		bool one_line_act = false;
		if (!have && (starts_word(k, "приказ ") || starts_word(k, "распоряжение ") ||
		              starts_word(k, "постановление ")) && strlen(p->l[i].text) < 60) {
			date d;
			char *num = find_number(p->l[i].text);
			one_line_act = num && find_date(p->l[i].text, &d);
			free(num);
		}
		if (!have && (one_line_act || !strcmp(k, "приказ") || !strcmp(k, "распоряжение") ||
		              !strcmp(k, "постановление"))) {
			have = true;
			act_at = i;
			set_act(p, k);
			for (size_t j = i; j < p->n && j <= i + 6; j++) {
				date d;
				char *num = find_number(p->l[j].text);
				bool used = j == i;
				if (!date_is_set(p->date) && find_date(p->l[j].text, &d) && strlen(p->l[j].text) < 60) {
					p->date = d;
					used = true;
				}
				if (!p->number && num && strlen(p->l[j].text) < 60) {
					p->number = num;
					num = NULL;
					used = true;
				}
				free(num);
				p->l[j].used |= used;
			}
			/* The authority: the short paragraph right above. */
			if (i > 0) {
				size_t e = i, s = para_start(p, i - 1);
				if (p->l[i - 1].para != p->l[i].para && e - s <= 5 && !p->l[s].used) {
					p->authority = join_lines(p, s, e);
					for (size_t j = s; j < e; j++)
						p->l[j].used = true;
				}
			}
		} else if (!have && (starts_word(k, "утвержден") || starts_word(k, "приложение"))) {
			size_t e = para_end(p, i);
			if (e > i + 6)
				e = i + 6;
			char *all = join_lines(p, i, e);
			char *la = utf8_lower_ru(xstrdup(all), UTF8_FOLD_YO);
			date d;
			char *num = act_number(all);
			if (strstr(la, "приказ") || strstr(la, "распоряжен") || strstr(la, "постановлен") ||
			    strstr(la, "протокол") || num || find_date(all, &d)) {
				have = true;
				act_at = i;
				set_act(p, la);
				if (find_date(all, &d))
					p->date = d;
				p->number = num;
				num = NULL;
				if (!p->authority)
					p->authority = authority_after_act(all);
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			}
			free(num);
			free(la);
			free(all);
		} else if (have && starts_word(k, "приложение")) {
			/* «Приложение к приказу … № 9-од» above the document that the
			 * order approves: the same act, said again. */
			size_t e = para_end(p, i);
			if (e > i + 6)
				e = i + 6;
			char *all = join_lines(p, i, e);
			char *num = act_number(all);
			if (num && p->number && !strcmp(num, p->number))
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			free(num);
			free(all);
		} else if (starts_word(k, "рассмотрен") || starts_word(k, "принят") || starts_word(k, "одобрен") ||
		           (starts_word(k, "протокол") && !p->ncons)) {
			/* «Рассмотрен на заседании … Протокол № 1 от 09.01.2020» */
			size_t e = para_end(p, i);
			if (e > i + 6)
				e = i + 6;
			char *all = join_lines(p, i, e);
			char *la = utf8_lower_ru(xstrdup(all), UTF8_FOLD_YO);
			considered_stamp *c = add_considered(p, "considered");
			const char *pr = strstr(la, "протокол");
			const char *body = strstr(la, "на заседании ");
			size_t bfrom = body ? (size_t)(body - la) + strlen("на заседании ") : 0;
			if (!body) {
				const char *sp = strchr(la, ' ');
				bfrom = sp && !starts_word(la, "протокол") ? (size_t)(sp - la) + 1 : 0;
			}
			size_t bto = pr ? (size_t)(pr - la) : strlen(la);
			if (bto > bfrom + 2) {
				c->body = xstrndup(all + bfrom, bto - bfrom);
				utf8_trim_inplace(c->body);
				trim_tail(c->body);
				if (!*c->body) {
					free(c->body);
					c->body = NULL;
				}
			}
			if (pr) {
				c->protocol = find_number(all + (pr - la));
				date d;
				if (find_date(all + (pr - la), &d))
					c->date = d;
			}
			if (!c->body && !c->protocol) {
				p->ncons--;
			} else {
				if (!c->body)
					c->body = xstrdup("Протокол");
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			}
			free(la);
			free(all);
		} else if (starts_word(k, "утверждаю") || starts_word(k, "согласовано") || starts_word(k, "согласован")) {
			bool approve = starts_word(k, "утверждаю");
			char *title, *name;
			date d;
			stamp_block(p, i, &title, &name, &d);
			if (approve) {
				free(p->signer);
				free(p->signer_title);
				p->signer = name;
				p->signer_title = title;
				p->stamp_approved = true;
				if (!date_is_set(p->date) && date_is_set(d))
					p->date = d;
			} else if (title || name) {
				considered_stamp *c = add_considered(p, "agreed");
				c->signer = name;
				c->signer_title = title;
				c->date = d;
			} else {
				free(title);
				free(name);
			}
		}
		free(k);
	}
	/* Who signed the order: a position line after it, with the name. */
	if (have && !p->signer && !p->signer_title) {
		for (size_t i = act_at + 1; i < p->n; i++) {
			if (p->l[i].used)
				continue;
			char *k = utf8_lower_ru(xstrdup(p->l[i].text), UTF8_FOLD_YO);
			bool posl = position_like(k) && strlen(p->l[i].text) < 160;
			free(k);
			if (!posl)
				continue;
			p->l[i].used = true;
			/* The name on the next line, unless that line was taken (a
			 * contact line «Исп. Петрова А.В.» is no signer). */
			bool two = !name_like(p->l[i].text) && i + 1 < p->n && !p->l[i + 1].used &&
			           name_like(p->l[i + 1].text);
			char *both = two ? xasprintf("%s %s", p->l[i].text, p->l[i + 1].text) : xstrdup(p->l[i].text);
			if (two)
				p->l[i + 1].used = true;
			split_signer(both, &p->signer_title, &p->signer);
			free(both);
			break;
		}
	}
	p->have_act = have;
}

/* The kind of the document from the first noun of its title. */
void imp_find_kind(pre *p)
{
	if (!p->title)
		return;
	char *k = key_text(p->title);
	static const struct {
		const char *w, *kind;
	} kinds[] = {{"дорожная карта", "дорожная карта"}, {"план", "план"},
	             {"комплексный план", "план"},         {"программа", "программа"},
	             {"муниципальная программа", "программа"}, {"комплекс мер", "комплекс мер"},
	             {"комплекс мероприятий", "комплекс мер"}};
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (starts_word(k, kinds[i].w))
			p->kind = kinds[i].kind;
	free(k);
}

/* Item markers of the task list: «- », «• », «1) », «1. ». */
static size_t item_marker(const char *s)
{
	size_t k = imp_marker_at(s);
	if (k)
		return k;
	size_t i = 0;
	while (imp_is_digit(s[i]) && i < 3)
		i++;
	if (i && (s[i] == ')' || s[i] == '.') && s[i + 1] == ' ')
		return i + 2;
	return 0;
}

static void add_task(pre *p, const char *text, size_t n)
{
	size_t len;
	const char *t = utf8_trim(text, n, &len);
	if (!len)
		return;
	xgrow((void **)&p->tasks, &p->tcap, p->ntasks + 1, sizeof(char *));
	p->tasks[p->ntasks++] = xstrndup(t, len);
}

/* Adds the tasks of one item line; «1) …; 2) …» in one line gives several. */
static void add_task_line(pre *p, const char *s)
{
	const char *start = s;
	for (const char *q = s; *q; q++) {
		/* «; 2) » or «. 2) »: the next enumerated task. */
		if ((*q == ';' || *q == '.') && q[1] == ' ' && imp_is_digit(q[2])) {
			const char *r = q + 2;
			while (imp_is_digit(*r))
				r++;
			if (*r == ')' && r[1] == ' ') {
				add_task(p, start, (size_t)(q + 1 - start));
				start = q + 2;
			}
		}
	}
	add_task(p, start, strlen(start));
}

/* «N) » enumerators numbering the tasks 1, 2, 3 … are dropped: the page
 * numbers the list itself. */
static void strip_enumerators(pre *p)
{
	for (size_t i = 0; i < p->ntasks; i++) {
		char want[32];
		snprintf(want, sizeof want, "%zu) ", i + 1);
		if (strncmp(p->tasks[i], want, strlen(want)))
			return;
	}
	for (size_t i = 0; i < p->ntasks; i++) {
		char *t = p->tasks[i];
		char *r = strchr(t, ')') + 2;
		memmove(t, r, strlen(r) + 1);
	}
}

void imp_find_goal_tasks(pre *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		char *k = key_text(p->l[i].text);
		if (!p->goal && starts_word(k, "цель") && !starts_word(k, "целев")) {
			/* The goal follows the first separator after «Цель» («Цель –»,
			 * «Цель:», «Цель программы —»); with none, the rest of the line
			 * after the word, or the lines below when the word stands alone. */
			const char *orig = p->l[i].text, *sep = NULL;
			static const char *const seps[] = {":", " – ", " - ", " — ", "–", "—", NULL};
			size_t best = 80;
			for (int j = 0; seps[j]; j++) {
				const char *f = strstr(orig, seps[j]);
				if (f && (size_t)(f - orig) < best) {
					best = (size_t)(f - orig);
					sep = f + strlen(seps[j]);
				}
			}
			if (!sep) {
				sep = strchr(orig, ' ');
				sep = sep ? sep : orig + strlen(orig);
			}
			size_t e = para_end(p, i);
			buf g = BUF_INIT;
			buf_puts(&g, imp_skip_spaces(sep));
			for (size_t j = i + 1; j < e; j++)
				buf_printf(&g, "%s%s", g.len ? " " : "", p->l[j].text);
			if (!g.len && e < p->n && e == i + 1) {
				size_t e2 = para_end(p, e);
				for (size_t j = e; j < e2; j++) {
					buf_printf(&g, "%s%s", g.len ? " " : "", p->l[j].text);
					p->l[j].used = true;
				}
			}
			if (g.len) {
				p->goal = buf_detach(&g);
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			}
			buf_free(&g);
		} else if (!p->ntasks && (starts_word(k, "задачи") || starts_word(k, "основные задачи"))) {
			const char *rest = strchr(p->l[i].text, ':');
			bool heading = strlen(k) < 40 || rest;
			if (heading) {
				p->l[i].used = true;
				if (rest && *imp_skip_spaces(rest + 1))
					add_task_line(p, imp_skip_spaces(rest + 1));
				/* Items («- », «• », «1) ») up to the first other line, even
				 * across blank lines (Word pastes put one between items); a
				 * lower-case line goes on the item above; plain lines right
				 * under «Задачи:» are tasks too. */
				bool items = false;
				for (size_t j = i + 1; j < p->n; j++) {
					const char *t = p->l[j].text;
					size_t m = item_marker(t);
					if (m) {
						add_task_line(p, t + m);
						items = true;
					} else if (p->ntasks && p->l[j].para == p->l[j - 1].para && imp_starts_lower(t)) {
						char *last = p->tasks[p->ntasks - 1];
						p->tasks[p->ntasks - 1] = xasprintf("%s %s", last, t);
						free(last);
					} else if (!items && p->l[j].para == p->l[i].para) {
						add_task_line(p, t);
					} else {
						break;
					}
					p->l[j].used = true;
				}
				strip_enumerators(p);
			}
		}
		free(k);
	}
}

void imp_pre_free(pre *p)
{
	free(p->l);
	free(p->title);
	free(p->act);
	free(p->authority);
	free(p->number);
	free(p->signer);
	free(p->signer_title);
	for (size_t i = 0; i < p->ncons; i++) {
		free(p->cons[i].body);
		free(p->cons[i].protocol);
		free(p->cons[i].signer);
		free(p->cons[i].signer_title);
	}
	free(p->cons);
	free(p->intro);
	for (size_t i = 0; i < p->nchapters; i++) {
		free(p->chapters[i].title);
		free(p->chapters[i].text);
	}
	free(p->chapters);
	for (size_t i = 0; i < p->ninds; i++) {
		free(p->inds[i].name);
		free(p->inds[i].unit);
		free(p->inds[i].source);
		free(p->inds[i].method);
	}
	free(p->inds);
	free(p->goal);
	import_strs_free(p->tasks, p->ntasks);
}


/* "2021-2022" when s names a school year «2021-2022» / «2021/2022» / «2021–2022». */
bool imp_year_in(const char *s, char out[10])
{
	for (const char *p = s; *p; p++) {
		if (!(p[0] == '2' && p[1] == '0' && imp_is_digit(p[2]) && imp_is_digit(p[3])) || (p > s && imp_is_digit(p[-1])))
			continue;
		int y = atoi(p);
		const char *q = p + 4;
		while (*q == ' ')
			q++;
		size_t dash = *q == '-' || *q == '/' ? 1 : !strncmp(q, "–", strlen("–")) || !strncmp(q, "—", strlen("—")) ? 3 : 0;
		if (!dash)
			continue;
		q += dash;
		while (*q == ' ')
			q++;
		if (imp_is_digit(q[0]) && imp_is_digit(q[1]) && imp_is_digit(q[2]) && imp_is_digit(q[3]) && !imp_is_digit(q[4]) &&
		    atoi(q) == y + 1) {
			snprintf(out, 10, "%04u-%04u", (unsigned)y % 10000u, (unsigned)(y + 1) % 10000u);
			return true;
		}
	}
	return false;
}


/* ---- the tables and prose of a programme ---- */

static pline *add_line(pre *p, arena *a, const char *text, int line, bool after)
{
	xgrow((void **)&p->l, &p->pcap, p->n + 1, sizeof(pline));
	pline *l = &p->l[p->n];
	memset(l, 0, sizeof *l);
	l->text = arena_strdup(a, text);
	l->line = line;
	l->after = after;
	l->para = p->n && p->l[p->n - 1].line + 1 >= line && p->l[p->n - 1].after == after ? p->l[p->n - 1].para
	                                                                                  : (int)p->n;
	p->n++;
	return l;
}

/* Appends the lines of a cell as tasks: items, «;»-separated or one per line. */
static void tasks_of_cell(pre *p, const char *cell)
{
	buf b = BUF_INIT;
	imp_to_plain(&b, cell, true);
	const char *s = buf_cstr(&b);
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		char *line = xstrndup(s, n);
		size_t m = item_marker(line);
		if (*line && !m && p->ntasks && imp_starts_lower(line)) {
			char *last = p->tasks[p->ntasks - 1];
			p->tasks[p->ntasks - 1] = xasprintf("%s %s", last, line);
			free(last);
		} else if (*line) {
			add_task_line(p, line + m);
		}
		free(line);
		s += n + (e ? 1 : 0);
	}
	buf_free(&b);
}

/* A number as an indicator table writes it: «12,5», «не менее 90 %», «100%»,
 * «≥ 60»; false for text. */
static bool target_number(const char *cell, double *v)
{
	char *p = imp_plain_of(cell);
	char *l = utf8_lower_ru(xstrdup(p), UTF8_FOLD_YO);
	const char *q = l;
	static const char *const lead[] = {"не менее ", "не более ", "не ниже ", "не выше ", "до ", "≥", "≤",
	                                   ">=", "<=", "более ", "менее ", NULL};
	for (int i = 0; lead[i]; i++)
		if (!strncmp(q, lead[i], strlen(lead[i]))) {
			q += strlen(lead[i]);
			break;
		}
	bool ok = csv_parse_number(q, v, NULL) == 0;
	free(l);
	free(p);
	return ok;
}

static int year_of_label(const char *l)
{
	for (const char *p = l; *p; p++)
		if (p[0] == '2' && p[1] == '0' && imp_is_digit(p[2]) && imp_is_digit(p[3]) && !imp_is_digit(p[4]) &&
		    (p == l || !imp_is_digit(p[-1])))
			return atoi(p);
	return 0;
}

enum { IC_NAME, IC_UNIT, IC_SOURCE, IC_METHOD, IC_BASE, IC_N };

/* The rows of an indicator table after its header rows[h]; returns the
 * index after its last row. */
static size_t indicator_table(pre *p, const irows *rs, size_t h, size_t to)
{
	const irow *hr = &rs->v[h];
	int col[IC_N];
	int year[64] = {0};
	for (int i = 0; i < IC_N; i++)
		col[i] = -1;
	for (size_t j = 0; j < hr->n && j < 64; j++) {
		char *pl = imp_plain_of(hr->c[j].text);
		char *l = utf8_lower_ru(xstrdup(pl), UTF8_FOLD_YO);
		int y = year_of_label(l);
		if ((strstr(l, "базов") || strstr(l, "исходн")) && col[IC_BASE] < 0) {
			col[IC_BASE] = (int)j;
			year[j] = y;
		} else if ((strstr(l, "ед.") || strstr(l, "единиц") || strstr(l, "изм")) && col[IC_UNIT] < 0) {
			col[IC_UNIT] = (int)j;
		} else if (strstr(l, "источник") && col[IC_SOURCE] < 0) {
			col[IC_SOURCE] = (int)j;
		} else if ((strstr(l, "метод") || strstr(l, "способ") || strstr(l, "расчет") || strstr(l, "порядок")) &&
		           col[IC_METHOD] < 0) {
			col[IC_METHOD] = (int)j;
		} else if ((strstr(l, "показател") || strstr(l, "индикатор") || strstr(l, "наименован")) &&
		           col[IC_NAME] < 0) {
			col[IC_NAME] = (int)j;
		} else if (y) {
			year[j] = y;
		}
		free(l);
		free(pl);
	}
	size_t i = h + 1;
	for (; i < to && rs->v[i].n >= 2 && imp_table_kind(&rs->v[i]) == IMP_T_NONE; i++) {
		const irow *r = &rs->v[i];
		if (col[IC_NAME] < 0 || (size_t)col[IC_NAME] >= r->n)
			continue;
		char *name = imp_plain_of(r->c[col[IC_NAME]].text);
		if (!*name || imp_number_like(name)) {
			free(name);
			continue;
		}
		xgrow((void **)&p->inds, &p->icap, p->ninds + 1, sizeof(indicator_out));
		indicator_out *d = &p->inds[p->ninds++];
		memset(d, 0, sizeof *d);
		d->name = name;
		d->line = r->line;
		char **f[IC_N] = {NULL, &d->unit, &d->source, &d->method, NULL};
		for (int c = IC_UNIT; c <= IC_METHOD; c++)
			if (col[c] >= 0 && (size_t)col[c] < r->n) {
				char *v = imp_plain_of(r->c[col[c]].text);
				if (*v)
					*f[c] = v;
				else
					free(v);
			}
		for (size_t j = 0; j < r->n && j < 64; j++) {
			double v;
			if ((int)j == col[IC_BASE] && target_number(r->c[j].text, &v)) {
				d->base = v;
				d->base_year = year[j];
			} else if (year[j] && (int)j != col[IC_BASE] && d->ntargets < 16 && target_number(r->c[j].text, &v)) {
				d->years[d->ntargets] = year[j];
				d->targets[d->ntargets++] = v;
			}
		}
	}
	return i;
}

/* The first cell of a passport row names what the second holds; a
 * signature laid out with a TAB («Начальник управления ⇥ Т.В. Ермакова») is
 * no passport row. */
static bool passport_row(const irow *r, const char **label, const char **value)
{
	size_t filled = 0;
	const char *cells[2] = {NULL, NULL};
	for (size_t j = 0; j < r->n; j++)
		if (*r->c[j].text) {
			if (filled < 2)
				cells[filled] = r->c[j].text;
			filled++;
		}
	if (filled != 2 || strlen(cells[0]) > 120 || imp_number_like(cells[0]) || !*r->c[0].text)
		return false;
	char *l = utf8_lower_ru(xstrdup(cells[0]), UTF8_FOLD_YO);
	bool sign = position_like(l) && name_like(cells[1]);
	free(l);
	if (sign)
		return false;
	*label = cells[0];
	*value = cells[1];
	return true;
}

/* The one filled cell of a row whose first cell is empty (a passport entry
 * continued on the next row), or NULL. */
static const char *continued_cell(const irow *r)
{
	if (r->n < 2 || *r->c[0].text)
		return NULL;
	const char *only = NULL;
	for (size_t j = 1; j < r->n; j++)
		if (*r->c[j].text) {
			if (only)
				return NULL;
			only = r->c[j].text;
		}
	return only;
}

enum { PP_NONE, PP_TASKS, PP_OTHER };

void imp_front_rows(pre *p, arena *a, const irows *rs, size_t from, size_t to, bool after)
{
	int last = PP_NONE;
	for (size_t i = from; i < to; i++) {
		const irow *r = &rs->v[i];
		int kind = imp_table_kind(r);
		if (kind == IMP_T_INDICATORS) {
			i = indicator_table(p, rs, i, to) - 1;
			last = PP_NONE;
			continue;
		}
		if (kind == IMP_T_GOALS) {
			int gc = -1, tc = -1;
			for (size_t j = 0; j < r->n; j++) {
				char *l = utf8_lower_ru(xstrdup(r->c[j].text), UTF8_FOLD_YO);
				if (!strncmp(l, "цел", strlen("цел")) && gc < 0)
					gc = (int)j;
				else if (!strncmp(l, "задач", strlen("задач")) && tc < 0)
					tc = (int)j;
				free(l);
			}
			bool had_goal = p->goal != NULL, had_tasks = p->ntasks > 0;
			size_t k = i + 1;
			for (; k < to && rs->v[k].n >= 2 && imp_table_kind(&rs->v[k]) == IMP_T_NONE; k++) {
				const irow *g = &rs->v[k];
				if (!had_goal && gc >= 0 && (size_t)gc < g->n && *g->c[gc].text) {
					char *t = imp_plain_of(g->c[gc].text);
					if (!imp_number_like(t)) {
						char *old = p->goal;
						p->goal = old ? xasprintf("%s; %s", old, t) : xstrdup(t);
						free(old);
					}
					free(t);
				}
				if (!had_tasks && tc >= 0 && (size_t)tc < g->n && *g->c[tc].text)
					tasks_of_cell(p, g->c[tc].text);
			}
			strip_enumerators(p);
			i = k - 1;
			last = PP_NONE;
			continue;
		}
		const char *label, *value, *more = continued_cell(r);
		if (more && last != PP_NONE) {
			if (last == PP_TASKS) {
				tasks_of_cell(p, more);
				strip_enumerators(p);
			} else {
				char *vp = imp_plain_of(more);
				pline *l = add_line(p, a, vp, r->line, after);
				l->md = arena_printf(a, "  %s", vp);
				free(vp);
			}
			continue;
		}
		if (r->n >= 2 && passport_row(r, &label, &value)) {
			char *l = key_text(label);
			if ((!strncmp(l, "цел", strlen("цел")) && !strstr(l, "целев")) && !p->goal) {
				p->goal = imp_plain_of(value);
				last = PP_OTHER;
			} else if (!strncmp(l, "задач", strlen("задач")) && !p->ntasks) {
				tasks_of_cell(p, value);
				strip_enumerators(p);
				last = PP_TASKS;
			} else {
				/* Kept in the chapter it stands in, as a list item. */
				char *lp = imp_plain_of(label), *vp = imp_plain_of(value);
				buf md = BUF_INIT, lm = BUF_INIT, vm = BUF_INIT;
				imp_plain_markdown(&lm, lp);
				imp_plain_markdown(&vm, vp);
				buf_printf(&md, "- **%s**: %s", buf_cstr(&lm), buf_cstr(&vm));
				pline *pl = add_line(p, a, arena_printf(a, "%s: %s", lp, vp), r->line, after);
				pl->md = arena_strdup(a, md.data);
				buf_free(&md);
				buf_free(&lm);
				buf_free(&vm);
				free(lp);
				free(vp);
				last = PP_OTHER;
			}
			free(l);
			continue;
		}
		last = PP_NONE;
		buf b = BUF_INIT;
		for (size_t j = 0; j < r->n; j++) {
			char *pl = imp_plain_of(r->c[j].text);
			if (*pl)
				buf_printf(&b, "%s%s", b.len ? " " : "", pl);
			free(pl);
		}
		if (b.len)
			add_line(p, a, b.data, r->line, after);
		buf_free(&b);
	}
}

void imp_front_text(pre *p, arena *a, const char *text, const int *lines, size_t nlines)
{
	for (size_t k = 0; *text; k++) {
		const char *e = strchr(text, '\n');
		size_t n = e ? (size_t)(e - text) : strlen(text);
		char *l = xstrndup(text, n);
		if (*l)
			add_line(p, a, l, k < nlines ? lines[k] : (nlines ? lines[nlines - 1] : 0), true);
		free(l);
		text += n + (e ? 1 : 0);
	}
}

/* A chapter heading: short, no final period, numbered («1.», «I.», «Раздел
 * 2», «Глава 3», «Приложение 1») or in capitals, or one of the usual chapter
 * names of a programme. */
static bool chapter_heading(const char *s)
{
	size_t n = strlen(s);
	if (n < 4 || n > 160 || s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';')
		return false;
	char *k = key_text(s);
	if (starts_word(k, "приказываю") || starts_word(k, "постановляю") || starts_word(k, "решил")) {
		free(k);
		return false;
	}
	static const char *const names[] = {"паспорт", "обоснование", "механизм", "ожидаемые результаты",
	                                    "общие положения", "введение", "пояснительная записка",
	                                    "приложение", "раздел ", "глава ", "характеристика",
	                                    "оценка эффективности", "ресурсное обеспечение", "анализ",
	                                    "система программных", "цели и задачи", "целевые показатели",
	                                    "сроки и этапы", "управление", "контроль", NULL};
	bool yes = false;
	for (int i = 0; names[i] && !yes; i++)
		yes = starts_word(k, names[i]) && n < 100;
	free(k);
	if (yes)
		return true;
	const char *title;
	char *num = imp_heading_number(s, &title);
	if (num) {
		free(num);
		return n < 120;
	}
	size_t letters = 0, upper = 0;
	for (const char *p = s; *p;) {
		size_t kk;
		int32_t c = imp_cp_at(p, &kk);
		letters += utf8_is_lower_ru(c) || utf8_is_upper_ru(c);
		upper += utf8_is_upper_ru(c);
		p += kk;
	}
	return letters >= 6 && upper == letters;
}

static void add_chapter(pre *p, const char *title, buf *text, bool after)
{
	xgrow((void **)&p->chapters, &p->chcap, p->nchapters + 1, sizeof(chapter_out));
	chapter_out *c = &p->chapters[p->nchapters++];
	c->title = xstrdup(title);
	c->text = text->len ? xstrdup(text->data) : NULL;
	c->after = after;
}

void imp_find_contacts(pre *p)
{
	/* A line with only a phone number counts after another contact line. */
	for (size_t i = 0; i < p->n; i++) {
		pline *l = &p->l[i];
		if (l->used || !l->after || l->md)
			continue;
		bool after_contact = i > 0 && p->l[i - 1].contact;
		if (imp_contact_line(l->text) || (after_contact && phone_only(l->text)))
			l->used = l->contact = true;
	}
}

void imp_find_chapters(pre *p)
{

	/* A signature below the table. */
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used || !p->l[i].after)
			continue;
		char *k = utf8_lower_ru(xstrdup(p->l[i].text), UTF8_FOLD_YO);
		bool posl = position_like(k) && strlen(p->l[i].text) < 200;
		free(k);
		if (!posl)
			continue;
		bool two = !name_like(p->l[i].text) && i + 1 < p->n && !p->l[i + 1].used && name_like(p->l[i + 1].text);
		char *both = two ? xasprintf("%s %s", p->l[i].text, p->l[i + 1].text) : xstrdup(p->l[i].text);
		char *title, *name;
		split_signer(both, &title, &name);
		free(both);
		/* Without an approving act above, only a line that names its
		 * person («… О.В. Кузнецова») signs the document. */
		if (!p->have_act && !name) {
			free(title);
			continue;
		}
		/* Without a signer yet, this is the signer; with one (who signed
		 * the order above), the same person signing the appendix again. */
		bool take = !p->signer || (name && !strcmp(name, p->signer));
		if (take) {
			p->l[i].used = true;
			if (two)
				p->l[i + 1].used = true;
		}
		if (take && !p->signer) {
			free(p->signer_title);
			p->signer = name;
			p->signer_title = title;
		} else {
			free(name);
			free(title);
		}
	}
	buf text = BUF_INIT, intro = BUF_INIT;
	const char *title = NULL;
	bool after = false;
	int last_para = -1;
	for (size_t i = 0; i <= p->n; i++) {
		bool end = i == p->n;
		if (!end && p->l[i].used)
			continue;
		bool head = !end && chapter_heading(p->l[i].text);
		bool side = !end && p->l[i].after != after;
		if (end || head || side) {
			if (title)
				add_chapter(p, title, &text, after);
			else if (text.len && !after)
				buf_printf(&intro, "%s%s", intro.len ? "\n\n" : "", text.data);
			else if (text.len)
				add_chapter(p, "Дополнительные сведения", &text, true);
			buf_reset(&text);
			title = NULL;
			last_para = -1;
			if (end)
				break;
			after = p->l[i].after;
			if (head) {
				title = p->l[i].text;
				last_para = p->l[i].para;
				continue;
			}
		}
		buf md = BUF_INIT;
		if (p->l[i].md)
			buf_puts(&md, p->l[i].md);
		else
			imp_plain_markdown(&md, p->l[i].text);
		/* Lines of one paragraph are joined (a wrapped line), unless the
		 * line above ends a sentence or opens a list («ПРИКАЗЫВАЮ:»). */
		bool wrapped = false;
		if (text.len && p->l[i].para == last_para) {
			char e = text.data[text.len - 1];
			wrapped = e != '.' && e != ':' && e != ';' && !imp_is_footnote(p->l[i].text) &&
			          !imp_is_totals(p->l[i].text);
		}
		if (text.len)
			buf_puts(&text, p->l[i].md ? "\n" : wrapped ? " " : "\n\n");
		buf_puts(&text, md.data ? md.data : "");
		buf_free(&md);
		last_para = p->l[i].para;
	}
	if (intro.len)
		p->intro = buf_detach(&intro);
	buf_free(&intro);
	buf_free(&text);
}
