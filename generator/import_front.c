/* import_front.c — `roadmap import`: the text around the table: title, approval, goal, tasks (see import_int.h). */
#include "import_int.h"
#include "csvread.h"
#include "deadline.h"
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
	static const char *const months[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
	                                     "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
	char *l = imp_lowered(s);
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
			for (int i = 0; i < 12 && !m; i++)
				if (!strncmp(q, months[i], strlen(months[i]))) {
					m = i + 1;
					q += strlen(months[i]);
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

static bool starts_word(const char *lowered_text, const char *w)
{
	size_t n = strlen(w);
	return !strncmp(lowered_text, w, n);
}

/* Lower-cased text without opening quotes, stars and spaces at its start. */
static char *key_text(const char *s)
{
	char *l = imp_lowered(s);
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
static void trim_tail(char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(".:\"' ", s[n - 1]))
			n--;
		else if (n >= 2 && !strncmp(s + n - 2, "»", 2))
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
		if (imp_is_upper_cp(c) && p[k] == '.')
			return true;
		p += k;
	}
	return false;
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

void imp_find_title(pre *p)
{
	for (size_t i = p->n; i-- > 0;) {
		if (p->l[i].used || (i > 0 && p->l[i - 1].para == p->l[i].para))
			continue;
		char *k = key_text(p->l[i].text);
		bool title = (starts_word(k, "план") && (k[strlen("план")] == ' ' || !k[strlen("план")])) ||
		             starts_word(k, "дорожная карта") || starts_word(k, "комплексный план") ||
		             starts_word(k, "комплекс мер");
		free(k);
		size_t e = para_end(p, i);
		if (!title || e - i > 8)
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
void imp_find_approval(pre *p)
{
	bool have = false;
	size_t act_at = 0;
	char *proto_num = NULL;
	date proto_date = DATE_NONE;
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		char *k = key_text(p->l[i].text);
		trim_tail(k);
		if (!have && (!strcmp(k, "приказ") || !strcmp(k, "распоряжение") || !strcmp(k, "постановление"))) {
			have = true;
			act_at = i;
			set_act(p, k);
			p->l[i].used = true;
			for (size_t j = i + 1; j < p->n && j <= i + 6; j++) {
				date d;
				char *num = find_number(p->l[j].text);
				bool used = false;
				if (!date_is_set(p->date) && find_date(p->l[j].text, &d) && strlen(p->l[j].text) < 40) {
					p->date = d;
					used = true;
				}
				if (!p->number && num && strlen(p->l[j].text) < 40) {
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
			char *la = imp_lowered(all);
			date d;
			char *num = find_number(all);
			if (strstr(la, "приказ") || strstr(la, "распоряжен") || strstr(la, "постановлен") ||
			    strstr(la, "протокол") || num || find_date(all, &d)) {
				have = true;
				act_at = i;
				set_act(p, la);
				if (find_date(all, &d))
					p->date = d;
				p->number = num;
				num = NULL;
				for (size_t j = i; j < e; j++)
					p->l[j].used = true;
			}
			free(num);
			free(la);
			free(all);
		} else if (starts_word(k, "протокол") && !proto_num) {
			proto_num = find_number(p->l[i].text);
			if (!find_date(p->l[i].text, &proto_date))
				proto_date = DATE_NONE;
			if (proto_num)
				p->l[i].used = true;
		} else if (starts_word(k, "утверждаю")) {
			/* «УТВЕРЖДАЮ», the position, the signature with the name, the date. */
			buf pos = BUF_INIT;
			char *name = NULL;
			date d = DATE_NONE;
			p->l[i].used = true;
			for (size_t j = i + 1; j < p->n && j <= i + 8; j++) {
				const char *s = p->l[j].text;
				date dd;
				if (find_date(s, &dd) && strlen(s) < 40) {
					d = dd;
					p->l[j].used = true;
					break;
				}
				char *ks = key_text(s);
				bool stop = starts_word(ks, "план") || starts_word(ks, "дорожная") || name;
				free(ks);
				if (stop)
					break;
				if (name_like(s) || strchr(s, '_') || strchr(s, '/'))
					name = clean_name(s);
				else
					buf_printf(&pos, "%s%s", pos.len ? " " : "", s);
				p->l[j].used = true;
			}
			if (pos.len || (name && *name)) {
				free(p->signed_by);
				p->signed_by = xasprintf("%s%s%s", buf_cstr(&pos), pos.len && name && *name ? " " : "",
				                         name ? name : "");
			}
			if (!have && date_is_set(d))
				p->date = d;
			free(name);
			buf_free(&pos);
		}
		free(k);
	}
	if (!have && proto_num) {
		p->act = xstrdup("Протокол");
		p->number = proto_num;
		proto_num = NULL;
		if (date_is_set(proto_date))
			p->date = proto_date;
	}
	free(proto_num);
	/* Who signed the order: a position line after it, with the name. */
	if (have && !p->signed_by) {
		for (size_t i = act_at + 1; i < p->n; i++) {
			if (p->l[i].used)
				continue;
			char *k = imp_lowered(p->l[i].text);
			bool posl = position_like(k) && strlen(p->l[i].text) < 160;
			free(k);
			if (!posl)
				continue;
			p->l[i].used = true;
			if (name_like(p->l[i].text) || i + 1 >= p->n || !name_like(p->l[i + 1].text)) {
				p->signed_by = xstrdup(p->l[i].text);
			} else {
				p->signed_by = xasprintf("%s %s", p->l[i].text, p->l[i + 1].text);
				p->l[i + 1].used = true;
			}
			break;
		}
	}
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
	free(p->signed_by);
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

