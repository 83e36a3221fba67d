/* import_layout.c — `roadmap import`: Word remnants, and the layout with one
 * cell per line rebuilt into rows (see import_int.h; spec/import.md «Real
 * layouts»). */
#include "import_int.h"
#include "deadline.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Word remnants ---- */

typedef struct tline {
	const char *s; /* start in the text */
	size_t n;      /* length without the line break */
	char *key;     /* sanitized, trimmed, lower-cased: for comparisons */
	bool lower;    /* the line starts with a lower-case letter */
	bool drop;
} tline;

static bool only_digits(const char *s, size_t max)
{
	size_t n = 0;
	while (imp_is_digit(s[n]))
		n++;
	return n && n <= max && !s[n];
}

/* «- 3 -», «– 3 –», «стр. 3», «страница 3», «страница 3 из 12», «3 из 12». */
static bool page_number_line(const char *k)
{
	static const char *const lead[] = {"- ", "– ", "— ", "стр. ", "стр ", "страница ", "лист ", NULL};
	for (int i = 0; lead[i]; i++) {
		size_t n = strlen(lead[i]);
		if (strncmp(k, lead[i], n))
			continue;
		const char *p = k + n;
		size_t d = 0;
		while (imp_is_digit(p[d]))
			d++;
		if (!d || d > 4)
			continue;
		p += d;
		if (!*p || !strcmp(p, " -") || !strcmp(p, " –") || !strcmp(p, " —"))
			return true;
		if (!strncmp(p, " из ", strlen(" из ")) && only_digits(p + strlen(" из "), 4))
			return true;
	}
	const char *iz = strstr(k, " из ");
	if (iz && only_digits(iz + strlen(" из "), 4)) {
		char *head = xstrndup(k, (size_t)(iz - k));
		bool yes = only_digits(head, 4);
		free(head);
		return yes;
	}
	return false;
}

/* «Таблица 3», «Таблица № 3», «Продолжение таблицы», «Продолжение таблицы 2»,
 * «Окончание таблицы»: captions Word repeats over pages, no data. */
static bool table_caption_line(const char *k)
{
	static const char *const w[] = {"таблица", "продолжение таблицы", "окончание таблицы", NULL};
	for (int i = 0; w[i]; i++) {
		size_t n = strlen(w[i]);
		if (strncmp(k, w[i], n))
			continue;
		const char *p = k + n;
		while (*p == ' ' || !strncmp(p, "№", strlen("№")))
			p += *p == ' ' ? 1 : strlen("№");
		while (imp_is_digit(*p) || *p == '.')
			p++;
		if (!*p)
			return true;
	}
	return false;
}

/* Removes «[bookmark: …]» marks (Word's «_GoBack» and named bookmarks). */
static void drop_bookmarks(buf *b)
{
	char *s = b->data;
	if (!s)
		return;
	char *p;
	while ((p = strstr(s, "[bookmark:"))) {
		char *e = strchr(p, ']');
		if (!e)
			break;
		memmove(p, e + 1, strlen(e + 1) + 1);
		b->len = strlen(b->data);
	}
}

/* The next non-empty line after i starts a page's table: a caption
 * («Продолжение таблицы 1») or a line seen before (the repeated header). */
static bool before_page_top(const tline *l, size_t nl, size_t i)
{
	size_t k = i + 1;
	while (k < nl && !*l[k].key)
		k++;
	if (k >= nl)
		return false;
	if (table_caption_line(l[k].key))
		return true;
	for (size_t j = 0; j < i; j++)
		if (!strcmp(l[j].key, l[k].key))
			return true;
	return false;
}

char *imp_clean_remnants(const char *text, size_t len, size_t *out_len, imp_remnants *st)
{
	memset(st, 0, sizeof *st);
	tline *l = NULL;
	size_t nl = 0, cap = 0;
	for (size_t i = 0; i <= len;) {
		size_t j = i;
		while (j < len && text[j] != '\n' && text[j] != '\r' && text[j] != '\f')
			j++;
		xgrow((void **)&l, &cap, nl + 1, sizeof(tline));
		buf k = BUF_INIT;
		imp_sanitize(&k, text + i, j - i);
		drop_bookmarks(&k);
		size_t kn;
		const char *t = utf8_trim(buf_cstr(&k), k.len, &kn);
		l[nl] = (tline){text + i, j - i, utf8_lower_ru(xstrndup(t, kn), UTF8_FOLD_YO), imp_starts_lower(t), false};
		buf_free(&k);
		nl++;
		if (j >= len)
			break;
		/* CRLF is one break; a form feed (page break) ends the line too. */
		i = j + (text[j] == '\r' && j + 1 < len && text[j + 1] == '\n' ? 2 : 1);
	}
	size_t tabbed = 0;
	for (size_t i = 0; i < nl; i++)
		tabbed += memchr(l[i].s, '\t', l[i].n) != NULL;
	/* Where the table starts: the first row with two TABs, or the first of
	 * two header labels on adjacent lines (one cell per line). */
	size_t table = nl;
	for (size_t i = 0, prev = nl; i < nl && table == nl; i++) {
		if (!*l[i].key)
			continue;
		const char *t1 = memchr(l[i].s, '\t', l[i].n);
		if (t1 && memchr(t1 + 1, '\t', l[i].n - (size_t)(t1 + 1 - l[i].s)))
			table = i;
		else if (strlen(l[i].key) < 80 && imp_classify_label(l[i].key) >= 0 && prev < nl &&
		         strlen(l[prev].key) < 80 && imp_classify_label(l[prev].key) >= 0)
			table = prev;
		prev = i;
	}
	/* Running headers: a line repeated at least three times whose first
	 * occurrence is above the table (the first page's header); not a table
	 * row, not a header label (labels repeat with the table's header). */
	for (size_t i = 0, seen = 0; i < table && seen < 12; i++) {
		if (!*l[i].key)
			continue;
		seen++;
		size_t klen = strlen(l[i].key);
		if (l[i].drop || klen < 8 || memchr(l[i].s, '\t', l[i].n) || imp_number_like(l[i].key) ||
		    imp_marker_at(l[i].key) || l[i].lower)
			continue;
		size_t count = 0;
		for (size_t j = i; j < nl; j++)
			count += !strcmp(l[j].key, l[i].key);
		if (count < 3)
			continue;
		for (size_t j = i; j < nl; j++)
			if (!strcmp(l[j].key, l[i].key)) {
				l[j].drop = true;
				st->running++;
				/* A bare number right beside it is the page number. */
				for (int d = -1; d <= 1; d += 2) {
					size_t m = j;
					while (m > 0 && m + 1 < nl && (m += (size_t)d, !*l[m].key))
						;
					if (m != j && only_digits(l[m].key, 3) && !l[m].drop) {
						l[m].drop = true;
						st->pages++;
					}
				}
			}
	}
	for (size_t i = 0; i < nl; i++) {
		if (l[i].drop || !*l[i].key)
			continue;
		if (table_caption_line(l[i].key)) {
			l[i].drop = true;
			st->captions++;
		} else if (page_number_line(l[i].key) ||
		           (tabbed >= 5 && !memchr(l[i].s, '\t', l[i].n) && only_digits(l[i].key, 3)) ||
		           (tabbed >= 5 && l[i].s[0] == '\t' && only_digits(l[i].key, 3) && before_page_top(l, nl, i))) {
			/* In a TAB paste every row has TABs: a bare number on a line
			 * of its own is a page number, and so is a number alone in a
			 * later cell of a row right before a new page's caption or
			 * repeated header (a footer cell copied with the table). */
			l[i].drop = true;
			st->pages++;
		}
	}
	buf out = BUF_INIT;
	for (size_t i = 0; i < nl; i++) {
		if (!l[i].drop) {
			buf line = BUF_INIT;
			buf_put(&line, l[i].s, l[i].n);
			size_t before = line.len;
			drop_bookmarks(&line);
			st->bookmarks += before != line.len;
			buf_put(&out, line.data ? line.data : "", line.len);
			buf_free(&line);
		}
		if (i + 1 < nl)
			buf_putc(&out, '\n');
		free(l[i].key);
	}
	free(l);
	*out_len = out.len;
	if (!out.data)
		buf_puts(&out, "");
	return buf_detach(&out);
}

/* ---- one cell per line ---- */

typedef struct cline {
	const char *text; /* cleaned, trimmed (arena) */
	int line;
	bool dl;          /* the text reads as a deadline */
	const char *name; /* the raw line is a signature (imp_signature_line, its gap a TAB or
	                     spaces that cleaning folds): the name after the gap (arena), else NULL */
} cline;

/* Words of a title column label that name the activity table's main column;
 * «Наименование программы» in a passport is no such label. */
static bool title_label(const char *plain)
{
	char *l = utf8_lower_ru(xstrdup(plain), UTF8_FOLD_YO);
	bool yes = strstr(l, "мероприят") || strstr(l, "деятельност") || strstr(l, "направлен") ||
	           strstr(l, "содержание") || strstr(l, "действи");
	free(l);
	return yes;
}

/* A header label line: short, no colon, names a field. */
static int label_of(const char *s)
{
	if (strlen(s) > 80 || strchr(s, ':'))
		return -1;
	return imp_classify_label(s);
}

/* The header block starting at lines[i]: its labels (arena) and length in
 * lines.  Returns the number of columns (0: no header block here). */
static size_t header_block(arena *a, const cline *ls, size_t n, size_t i, const char **labels, int *fields,
                           size_t *used)
{
	size_t k = 0, j = i;
	bool title = false, other = false;
	int seen[F_N] = {0};
	while (j < n && k < IMPORT_MAX_COLS) {
		const char *t = ls[j].text;
		if (k && imp_starts_lower(t) && strlen(t) < 60 && !strchr(t, ':') && !ls[j].dl) {
			/* A label broken over two lines: «Наименование» / «мероприятия»,
			 * «№» / «п/п», «Ответственные» / «исполнители» (a label never
			 * starts in lower case, even when its second line names a field). */
			labels[k - 1] = arena_printf(a, "%s %s", labels[k - 1], t);
			if (fields[k - 1] == F_TITLE)
				title |= title_label(labels[k - 1]);
			j++;
			continue;
		}
		int f = label_of(t);
		if (f < 0 && k && j + 1 < n && imp_starts_lower(ls[j + 1].text)) {
			/* The first line of a broken label names no field on its own:
			 * «Планируемый» / «результат». */
			const char *both = arena_printf(a, "%s %s", t, ls[j + 1].text);
			int f2 = label_of(both);
			if (f2 >= 0 && !seen[f2]) {
				seen[f2] = 1;
				labels[k] = both;
				fields[k++] = f2;
				other |= f2 == F_DEADLINE || f2 == F_RESP;
				j += 2;
				continue;
			}
		}
		if (f == F_TITLE && seen[F_TITLE] && !seen[F_TASK]) {
			/* A grouping column beside the activities: read like «Задачи»
			 * (as in import_table.c). */
			size_t tc = 0;
			while (fields[tc] != F_TITLE)
				tc++;
			if (imp_title_rank(ls[j].text) > imp_title_rank(labels[tc])) {
				fields[tc] = F_TASK;
				seen[F_TASK] = 1;
				seen[F_TITLE] = 0;
			} else if (imp_title_rank(ls[j].text) < imp_title_rank(labels[tc])) {
				f = F_TASK;
			}
		}
		if (f >= 0 && !seen[f]) {
			seen[f] = 1;
			labels[k] = ls[j].text;
			fields[k++] = f;
			title |= f == F_TITLE && title_label(ls[j].text);
			other |= f == F_DEADLINE || f == F_RESP;
			j++;
		} else {
			break;
		}
	}
	if (k < 3 || !title || !other || !seen[F_NUMBER])
		return 0;
	/* The row of column numbers «1 2 3 4 5» printed under the header: all
	 * of them, or none (a «1.» alone is the first row's number). */
	size_t c = 0;
	for (; c < k && j + c < n; c++) {
		char want[24];
		snprintf(want, sizeof want, "%zu", c + 1);
		const char *t = ls[j + c].text;
		if (strcmp(t, want) && !(strncmp(t, want, strlen(want)) == 0 && !strcmp(t + strlen(want), ".")))
			break;
	}
	if (c == k)
		j += k;
	*used = j - i;
	return k;
}

/* Kinds of a cell's text, for placing it in a column. */

/* Whether texts read as deadlines, each text parsed once: every line is
 * asked, then every cell made of lines (most cells are one line), then the
 * last cell of a row again; the deadline grammar is the costly part of the
 * import. */
typedef struct dlmemo {
	date ps, pe;
	const char **key; /* [cap] texts asked (not owned), NULL: free slot */
	uint32_t *hash;
	bool *yes;
	size_t n, cap;
} dlmemo;

static uint32_t text_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static bool *dlmemo_slot(dlmemo *m, const char *s, uint32_t h, bool *found)
{
	size_t i = h & (m->cap - 1);
	while (m->key[i] && !(m->hash[i] == h && !strcmp(m->key[i], s)))
		i = (i + 1) & (m->cap - 1);
	*found = m->key[i] != NULL;
	if (!*found) {
		m->key[i] = s;
		m->hash[i] = h;
	}
	return &m->yes[i];
}

static void dlmemo_grow(dlmemo *m)
{
	dlmemo old = *m;
	m->cap = old.cap ? old.cap * 2 : 256;
	m->key = xcalloc(m->cap, sizeof *m->key);
	m->hash = xcalloc(m->cap, sizeof *m->hash);
	m->yes = xcalloc(m->cap, sizeof *m->yes);
	for (size_t i = 0; i < old.cap; i++)
		if (old.key[i]) {
			bool found;
			*dlmemo_slot(m, old.key[i], old.hash[i], &found) = old.yes[i];
		}
	free(old.key);
	free(old.hash);
	free(old.yes);
}

static void dlmemo_free(dlmemo *m)
{
	free(m->key);
	free(m->hash);
	free(m->yes);
}

static bool deadline_like(dlmemo *m, const char *s)
{
	if (strlen(s) > 120)
		return false;
	if (2 * (m->n + 1) > m->cap)
		dlmemo_grow(m);
	uint32_t h = text_hash(s);
	bool found;
	bool *yes = dlmemo_slot(m, s, h, &found);
	if (!found) {
		m->n++;
		deadline d;
		deadline_parse(s, m->ps, m->pe, &d);
		*yes = d.kind != DL_UNKNOWN;
		deadline_free(&d);
	}
	return *yes;
}

static bool resp_like(const char *s)
{
	static const char *const w[] = {"оу", "оо", "моу", "мбоу", "мку", "мбу", "цоко", "ммц",
	                                "управлени", "отдел", "руководител", "директор", "специалист",
	                                "методист", "заместител", "администрац", "комисси", "координатор",
	                                "ответственн", "педагог", "учител", "рмо", "шмо", "муниципальн", "образовательн", "центр", NULL};
	if (strlen(s) > 300)
		return false;
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	bool yes = false;
	for (int i = 0; w[i] && !yes; i++) {
		size_t n = strlen(w[i]);
		for (const char *p = strstr(l, w[i]); p && !yes; p = strstr(p + 1, w[i])) {
			/* Short words only as whole words («ОУ», not «обучающихся»). */
			bool start = p == l || p[-1] == ' ' || p[-1] == ',' || p[-1] == '(' || p[-1] == '"';
			yes = n > 4 ? true : start && (!p[n] || strchr(" ,;.)\"", p[n]) || (unsigned char)p[n] == 0xC2);
		}
	}
	free(l);
	return yes;
}

/* A cell starting with a lower-case preposition that begins the rest of a
 * title more often than a deadline («на 2023-2024 учебный год», «по
 * формированию функциональной грамотности», «для обучающихся …»); «в» and
 * «до» are left out: «в течение года», «до 01.10» are deadlines. */
static bool title_tail_like(const char *s)
{
	static const char *const w[] = {"на ", "по ", "для ", "с ", "со ", "к ", "о ", "об ", "при ", "среди ", NULL};
	if (!imp_starts_lower(s))
		return false;
	for (int i = 0; w[i]; i++)
		if (!strncmp(s, w[i], strlen(w[i])))
			return true;
	return false;
}

/* Whether a line of ls[from, to) reads as a deadline. */
static bool dl_after(const cline *ls, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (ls[i].dl)
			return true;
	return false;
}

/* Places cells x[0..m) into columns col[0..k) (fields f[]), in order, each
 * column taking a run of cells (possibly none): the placement that best fits
 * the kinds of the cells.  Writes the column of each cell into at[]. */
static void place_cells(char **x, size_t m, const int *f, size_t k, dlmemo *memo, size_t *at)
{
	enum { NEG = -1000000 };
	int *dl = xcalloc(m, sizeof(int)), *rl = xcalloc(m, sizeof(int)), *tt = xcalloc(m, sizeof(int));
	for (size_t i = 0; i < m; i++) {
		dl[i] = deadline_like(memo, x[i]);
		rl[i] = resp_like(x[i]);
		/* Only a row with a cell too many has a title line to give back. */
		tt[i] = m > k && title_tail_like(x[i]);
	}
	/* score of putting cell i into column j, as the first (fresh) or a
	 * further (joined) cell of that column */
#define FIT(i, j, fresh)                                                                        \
	((dl[i] ? (f[j] == F_DEADLINE ? 4 : -3) : (f[j] == F_DEADLINE ? -3 : 0)) +                  \
	 (rl[i] ? (f[j] == F_RESP ? 3 : -1) : (f[j] == F_RESP ? -1 : 0)) +                           \
	 ((fresh) ? 0 : (f[j] == F_TITLE ? -1 + 6 * tt[i] : -3)))
#define EMPTY(j) (f[j] == F_TITLE ? -10 : -2)
	long *dp = xcalloc(m * k, sizeof(long));
	size_t *from = xcalloc(m * k, sizeof(size_t));
	for (size_t j = 0; j < k; j++) {
		long s = FIT(0, j, 1);
		for (size_t e = 0; e < j; e++)
			s += EMPTY(e);
		dp[j] = s;
		from[j] = (size_t)-1;
	}
	for (size_t i = 1; i < m; i++)
		for (size_t j = 0; j < k; j++) {
			long best = dp[(i - 1) * k + j] + FIT(i, j, 0);
			size_t bf = j;
			long gap = 0;
			for (size_t p = j; p-- > 0;) {
				long s = dp[(i - 1) * k + p] + gap + FIT(i, j, 1);
				if (s > best) {
					best = s;
					bf = p;
				}
				gap += EMPTY(p);
			}
			dp[i * k + j] = best;
			from[i * k + j] = bf;
		}
	size_t bj = 0;
	long best = NEG;
	for (size_t j = 0; j < k; j++) {
		long s = dp[(m - 1) * k + j];
		for (size_t e = j + 1; e < k; e++)
			s += EMPTY(e);
		if (s > best) {
			best = s;
			bj = j;
		}
	}
	for (size_t i = m; i-- > 0;) {
		at[i] = bj;
		if (i)
			bj = from[i * k + bj];
	}
#undef FIT
#undef EMPTY
	free(dp);
	free(from);
	free(dl);
	free(rl);
	free(tt);
}

/* A section heading line: «1. Организационные мероприятия», «Раздел 2.
 * …», «IV. …», or a line in capitals. */
static bool heading_line(const char *s)
{
	/* «1) учителей начальных классов;» is a sub-item of a cell. */
	size_t mk = imp_submarker_at(s);
	if (mk && imp_starts_lower(imp_skip_spaces(s + mk)))
		return false;
	const char *title;
	char *num = imp_heading_number(s, &title);
	if (num) {
		bool one = !strchr(num, '.');
		free(num);
		return one && strlen(title) > 3;
	}
	size_t letters = 0, upper = 0;
	for (const char *p = s; *p;) {
		size_t k;
		int32_t c = imp_cp_at(p, &k);
		letters += utf8_is_lower_ru(c) || utf8_is_upper_ru(c);
		upper += utf8_is_upper_ru(c);
		p += k;
	}
	return letters >= 8 && upper == letters;
}

/* Words a report or result cell starts with: documents, not areas of work
 * («Аналитическая справка», «Приказ», «Протокол совещания», «Планы ВШК»). */
static bool document_word(const char *lowered_word)
{
	static const char *const w[] = {"справк", "приказ", "протокол", "отчет", "отчёт", "план", "журнал",
	                                "материал", "информаци", "аналитическ", "сертификат", "положени",
	                                "график", "список", "перечень", "акт", "анкет", "публикаци",
	                                "рекомендаци", "программ", "база", "банк", "сведени", "доклад",
	                                "диплом", "свидетельств", "карт", "лист", "реестр", "сайт", NULL};
	for (int i = 0; w[i]; i++)
		if (!strncmp(lowered_word, w[i], strlen(w[i])))
			return true;
	return false;
}

/* A heading of an unnumbered section between two rows of a table numbered
 * 1, 2, 3 … throughout (nothing in the numbers tells where a section starts):
 * a line left over after the row's columns are filled, in capitals at its
 * start, no deadline and no responsible, read as a title (no end
 * punctuation, not broken off), not a document of a report column, and said
 * once in the table (a report value such as «Справка» repeats). */
static bool unnumbered_heading(dlmemo *memo, const cline *ls, size_t body, size_t n, const char *x)
{
	if (imp_starts_lower(x) || imp_is_digit(*x) || imp_marker_at(x) || strlen(x) > 160 ||
	    deadline_like(memo, x) || resp_like(x) || imp_ends_unfinished(x))
		return false;
	size_t len = strlen(x);
	if (strchr(".;,:", x[len - 1]))
		return false;
	char *l = utf8_lower_ru(xstrdup(x), UTF8_FOLD_YO);
	bool doc = document_word(l);
	size_t seen = 0;
	for (size_t i = body; i < n && !doc && seen < 2; i++) {
		char *o = utf8_lower_ru(xstrdup(ls[i].text), UTF8_FOLD_YO);
		seen += !strcmp(o, l);
		free(o);
	}
	free(l);
	return !doc && seen < 2;
}

/* Cells of a row from its lines: a line continues the cell above when it
 * starts in lower case or with a list dash, or the line above ends where a
 * text cannot end. */
static size_t join_lines_to_cells(arena *a, const cline *ls, size_t from, size_t to, char **x, size_t *cut)
{
	size_t m = 0;
	buf cur = BUF_INIT;
	for (size_t i = from; i < to; i++) {
		const char *t = ls[i].text;
		bool item = imp_marker_at(t) > 0 || imp_submarker_at(t) > 0;
		/* A deadline («сентябрь 2022 г.») is a cell of its own even in lower case. */
		bool lower = m && imp_starts_lower(t) && !item && !ls[i].dl;
		bool cont = m && (lower || item) && !ls[i].dl;
		bool unfinished = false;
		if (m && (lower || !cont) && !ls[i].dl) {
			/* How the cell ends: its last bytes are enough. */
			size_t from_b = cur.len > 120 ? cur.len - 120 : 0;
			while (from_b < cur.len && ((unsigned char)cur.data[from_b] & 0xC0) == 0x80)
				from_b++;
			char *p = imp_plain_of(cur.data + from_b);
			unfinished = imp_ends_unfinished(p);
			cont |= unfinished;
			free(p);
		}
		if (cont) {
			/* A lower-case line after finished text may be a cell of its own
			 * that starts in lower case («доля ОУ с наблюдателями»): where
			 * it was joined is kept, for a row short of cells. */
			if (lower && !unfinished)
				cut[m - 1] = cur.len;
			buf_putc(&cur, item ? '\n' : ' ');
			buf_puts(&cur, t);
		} else {
			/* The cell above is complete: kept once, not on every line. */
			if (m)
				x[m - 1] = arena_strdup(a, buf_cstr(&cur));
			buf_reset(&cur);
			buf_puts(&cur, t);
			cut[m] = 0;
			m++;
		}
	}
	if (m)
		x[m - 1] = arena_strdup(a, buf_cstr(&cur));
	buf_free(&cur);
	return m;
}

/* The section part of a number: «2» of «2.3», «» of «5». */
static size_t parent_len(const char *num)
{
	char *s = imp_strip_dot(num);
	const char *dot = strrchr(s, '.');
	size_t n = dot ? (size_t)(dot - s) : 0;
	free(s);
	return n;
}

static irow make_row(arena *a, size_t ncols, int line)
{
	irow r = {arena_alloc(a, ncols * sizeof(icell)), ncols, line};
	for (size_t j = 0; j < ncols; j++)
		r.c[j] = (icell){"", line, 0};
	return r;
}

static void push(irows *rs, irow r)
{
	xgrow((void **)&rs->v, &rs->cap, rs->n + 1, sizeof(irow));
	rs->v[rs->n++] = r;
}

/* ---- a programme's other tables, one cell per line ---- */

static bool starts_any(const char *lowered, const char *const *w)
{
	for (int i = 0; w[i]; i++)
		if (!strncmp(lowered, w[i], strlen(w[i])))
			return true;
	return false;
}

/* A year label of an indicator table: «2022», «2022 год», «2022 г.», «на 2022 год». */
static bool year_label(const char *l)
{
	const char *p = !strncmp(l, "на ", strlen("на ")) ? l + strlen("на ") : l;
	if (!(p[0] == '2' && p[1] == '0' && imp_is_digit(p[2]) && imp_is_digit(p[3])))
		return false;
	p += 4;
	return !*p || !strcmp(p, " год") || !strcmp(p, " г.") || !strcmp(p, " г") || !strcmp(p, " года");
}

/* A header label of a goals or indicator table on a line of its own. */
static bool table_label(const char *s)
{
	static const char *const w[] = {"№", "n п/п", "п/п", "цел", "задач", "наименован", "показател",
	                                "индикатор", "ед.", "ед ", "единиц", "источник", "метод", "способ",
	                                "порядок", "базов", "исходн", "значени", "планов", "фактическ", NULL};
	if (strlen(s) > 60 || strchr(s, ':'))
		return false;
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	bool yes = starts_any(l, w) || year_label(l);
	free(l);
	return yes;
}

/* A chapter heading ending a passport or a goals table; an enumerated value
 * «2) оказать помощь …;» is none. */
static bool chapter_break(const char *s)
{
	size_t n = strlen(s);
	return heading_line(s) && !strchr(".;,", s[n - 1]);
}

static bool line_gap(const cline *ls, size_t j)
{
	return j > 0 && ls[j].line > ls[j - 1].line + 1;
}

/* «n» or «n.»: the number of the n-th row of a table. */
static bool row_number(const char *s, size_t n)
{
	char want[24];
	snprintf(want, sizeof want, "%zu", n);
	size_t k = strlen(want);
	return !strncmp(s, want, k) && (!s[k] || (s[k] == '.' && !s[k + 1]));
}

static bool number_cell(const char *s)
{
	double v;
	char *e;
	char *t = xstrdup(s);
	for (char *q = t; *q; q++)
		if (*q == ',')
			*q = '.';
	v = strtod(t, &e);
	(void)v;
	bool yes = e != t && (!*e || !strcmp(e, " %") || !strcmp(e, "%"));
	free(t);
	return yes;
}

/* One row of k cells from lines x[0..m): in order when they fill the row;
 * with cells missing, the texts from the left and the numbers from the
 * right (the values by year end the row). */
static irow cells_row(arena *a, const cline *x, size_t m, size_t k, int line)
{
	irow r = make_row(a, k, line);
	if (m >= k) {
		for (size_t c = 0; c < m; c++) {
			icell *cell = &r.c[c < k ? c : k - 1];
			cell->text = *cell->text ? arena_printf(a, "%s %s", cell->text, x[c].text) : x[c].text;
			cell->line = x[c].line;
		}
		return r;
	}
	size_t nums = 0;
	while (nums < m && number_cell(x[m - 1 - nums].text))
		nums++;
	for (size_t c = 0; c < m - nums; c++)
		r.c[c] = (icell){x[c].text, x[c].line, 1};
	for (size_t c = 0; c < nums; c++)
		r.c[k - 1 - c] = (icell){x[m - 1 - c].text, x[m - 1 - c].line, 1};
	return r;
}

/* A goals or indicator table at ls[i] (its header labels on lines of their
 * own, then its cells): rebuilt into rows like a TAB paste gives them, so
 * that the front matter reads it as in the other layouts.  Returns the
 * lines used, 0 when no such table starts here. */
/* The kind of table whose header labels start at ls[i] (IMP_T_NONE: none),
 * and the number of its labels. */
static int other_table_head(const cline *ls, size_t i, size_t to, size_t *k)
{
	icell c[16];
	*k = 0;
	while (i + *k < to && *k < 16 && table_label(ls[i + *k].text) && !(*k && line_gap(ls, i + *k))) {
		c[*k] = (icell){ls[i + *k].text, ls[i + *k].line, 1};
		(*k)++;
	}
	if (*k < 2)
		return IMP_T_NONE;
	irow r = {c, *k, ls[i].line};
	return imp_table_kind(&r);
}

static size_t other_table(arena *a, const cline *ls, size_t i, size_t to, irows *rs)
{
	size_t k;
	int kind = other_table_head(ls, i, to, &k);
	if (kind == IMP_T_NONE)
		return 0;
	irow hr = make_row(a, k, ls[i].line);
	for (size_t c = 0; c < k; c++)
		hr.c[c] = (icell){ls[i + c].text, ls[i + c].line, 1};
	push(rs, hr);
	size_t j = i + k;
	if (kind == IMP_T_GOALS) {
		/* The goal (a cell merged down the rows), then its tasks. */
		int gc = -1, tc = -1;
		for (size_t c = 0; c < k; c++) {
			char *l = utf8_lower_ru(xstrdup(hr.c[c].text), UTF8_FOLD_YO);
			if (!strncmp(l, "цел", strlen("цел")) && gc < 0)
				gc = (int)c;
			else if (!strncmp(l, "задач", strlen("задач")) && tc < 0)
				tc = (int)c;
			free(l);
		}
		size_t e = j;
		while (e < to && !line_gap(ls, e) && !table_label(ls[e].text) && !chapter_break(ls[e].text))
			e++;
		for (size_t q = j; q < e; q++) {
			irow r = make_row(a, k, ls[q].line);
			if (q == j && gc >= 0) {
				r.c[gc] = (icell){ls[q].text, ls[q].line, 1};
				if (q + 1 < e && tc >= 0)
					r.c[tc] = (icell){ls[++q].text, ls[q].line, 1};
			} else if (tc >= 0) {
				r.c[tc] = (icell){ls[q].text, ls[q].line, 1};
			}
			push(rs, r);
		}
		return e - i;
	}
	/* Indicators: rows numbered 1, 2, … when the first column is «№»,
	 * else k lines a row up to an empty line. */
	bool numbered = imp_classify_label(hr.c[0].text) == F_NUMBER;
	for (size_t n = 1; j < to; n++) {
		size_t e;
		if (numbered) {
			if (!row_number(ls[j].text, n))
				break;
			e = j + k;
			if (!(e >= to || row_number(ls[e].text, n + 1) || line_gap(ls, e))) {
				/* Cells missing or broken over lines: up to the next number. */
				e = j + 1;
				while (e < to && !row_number(ls[e].text, n + 1) && !line_gap(ls, e) && e < j + 2 * k)
					e++;
			}
			if (e > to)
				e = to;
		} else {
			if (line_gap(ls, j) || chapter_break(ls[j].text))
				break;
			e = j;
			while (e < to && e < j + k && !(e > j && line_gap(ls, e)))
				e++;
		}
		push(rs, cells_row(a, ls + j, e - j, k, ls[j].line));
		j = e;
	}
	return j - i;
}

bool imp_passport_label(const char *s)
{
	static const char *const w[] = {"наименован", "срок", "цел", "задач", "ответствен", "исполнител",
	                                "разработчик", "основани", "объем", "источник", "ожидаем", "координатор",
	                                "участник", "этап", "заказчик", "финансир", "нормативн", "руководител",
	                                "куратор", "приоритет", "показател", "индикатор", "контрол", NULL};
	size_t n = strlen(s);
	if (n > 60 || strchr(".;:,", s[n - 1]) || imp_starts_lower(s) || imp_number_like(s))
		return false;
	char *l = utf8_lower_ru(xstrdup(s), UTF8_FOLD_YO);
	bool yes = starts_any(l, w);
	free(l);
	return yes;
}

/* A passport's heading at ls[i] («Паспорт программы») with its first entry
 * (a label line, then a value line) after it. */
static bool passport_head(const cline *ls, size_t i, size_t to)
{
	char *l = utf8_lower_ru(xstrdup(ls[i].text), UTF8_FOLD_YO);
	bool head = strstr(l, "паспорт") != NULL && strlen(l) < 100;
	free(l);
	return head && i + 2 < to && imp_passport_label(ls[i + 1].text) && !imp_passport_label(ls[i + 2].text);
}

/* A passport («1. Паспорт программы»): lines naming an entry («Цель
 * программы», «Сроки реализации») each followed by its value's lines; rebuilt
 * as rows [label, value] and ["", more], as a TAB paste gives them.  Returns
 * the lines used after the heading at ls[i], 0 when it is no passport. */
static size_t passport(arena *a, const cline *ls, size_t i, size_t to, irows *rs)
{
	if (!passport_head(ls, i, to))
		return 0;
	size_t j = i + 1;
	while (j < to && !(j > i + 1 && line_gap(ls, j)) && !chapter_break(ls[j].text)) {
		if (!imp_passport_label(ls[j].text) || j + 1 >= to || line_gap(ls, j + 1)) {
			irow r = make_row(a, 2, ls[j].line);
			r.c[1] = (icell){ls[j].text, ls[j].line, 1};
			push(rs, r);
			j++;
			continue;
		}
		irow r = make_row(a, 2, ls[j].line);
		r.c[0] = (icell){ls[j].text, ls[j].line, 1};
		r.c[1] = (icell){ls[j + 1].text, ls[j + 1].line, 1};
		push(rs, r);
		j += 2;
	}
	return j - (i + 1);
}

/* Lines of prose as one-cell rows, with the tables of a programme among
 * them rebuilt into rows. */
static void prose_rows(arena *a, const cline *ls, size_t from, size_t to, irows *rs)
{
	for (size_t i = from; i < to;) {
		irow r = make_row(a, 1, ls[i].line);
		r.c[0] = (icell){ls[i].text, ls[i].line, 1};
		size_t used = other_table(a, ls, i, to, rs);
		if (used) {
			i += used;
			continue;
		}
		push(rs, r);
		i += 1 + passport(a, ls, i, to, rs);
	}
}

/* A line that starts a row: a number («1.», «2.3») or a sub-item's marker
 * alone («а)», «б)»: an activity of its own under the one above). */
static bool row_start(const char *s)
{
	size_t mk = imp_submarker_at(s);
	return imp_number_like(s) || (mk && !s[mk]);
}

bool imp_rows_cell_per_line(arena *a, const char *text, size_t len, date ps, date pe, irows *rs)
{
	/* Non-empty lines, cleaned. */
	dlmemo memo = {.ps = ps, .pe = pe};
	cline *ls = NULL;
	size_t n = 0, cap = 0;
	int line = 1;
	for (size_t i = 0; i <= len;) {
		size_t j = i;
		while (j < len && text[j] != '\n')
			j++;
		const char *c = imp_clean_cell(a, text + i, j - i);
		if (*c) {
			xgrow((void **)&ls, &cap, n + 1, sizeof(cline));
			char *raw = xstrndup(text + i, j - i);
			const char *name = imp_signature_line(raw) ? imp_signature_name(a, raw) : NULL;
			ls[n++] = (cline){c, line, deadline_like(&memo, c), name};
			free(raw);
		}
		line++;
		if (j >= len)
			break;
		i = j + 1;
	}
	const char *labels[IMPORT_MAX_COLS];
	int fields[IMPORT_MAX_COLS];
	size_t k = 0, used = 0, h = 0;
	for (h = 0; h < n && !k; h++)
		k = header_block(a, ls, n, h, labels, fields, &used);
	if (!k) {
		free(ls);
		dlmemo_free(&memo);
		return false;
	}
	h--;
	size_t numc = 0;
	while (fields[numc] != F_NUMBER)
		numc++;
	/* The columns a row's cells go to: all but the number. */
	int f[IMPORT_MAX_COLS];
	size_t colof[IMPORT_MAX_COLS], kk = 0;
	for (size_t j = 0; j < k; j++)
		if (j != numc) {
			f[kk] = fields[j];
			colof[kk++] = j;
		}
	/* Prose before the header: one-cell rows, and the other tables. */
	prose_rows(a, ls, 0, h, rs);
	irow hr = make_row(a, k, ls[h].line);
	for (size_t j = 0; j < k; j++)
		hr.c[j] = (icell){labels[j], ls[h].line, 1};
	push(rs, hr);
	/* Rows: a number line and the lines up to the next number line or
	 * heading; numbers with dots make the row numbers, and bare numbers
	 * then are page numbers. */
	size_t body = h + used;
	/* The activity table ends where another table of the programme starts
	 * (indicators below the activities); those lines are read like the
	 * prose before the header. */
	size_t tn = n;
	for (size_t q = body, kq; q < n && tn == n; q++)
		if (other_table_head(ls, q, n, &kq) != IMP_T_NONE || passport_head(ls, q, n))
			tn = q;
	size_t dotted = 0, bare = 0;
	for (size_t i = body; i < tn; i++)
		if (imp_number_like(ls[i].text))
			strchr(ls[i].text, '.') ? dotted++ : bare++;
	bool bare_is_page = dotted > bare;
	/* Page breaks out: the header block repeated on a new page and the page
	 * number, so that a row broken over a page («… функциональной
	 * грамотности» / 2 / header / «обучающихся …») is one run of lines. */
	const char *first = ls[h].text;
	size_t w = body;
	for (size_t i = body; i < tn;) {
		size_t u2 = 0;
		const char *l2[IMPORT_MAX_COLS];
		int f2[IMPORT_MAX_COLS];
		if (!strcmp(ls[i].text, first) && header_block(a, ls, tn, i, l2, f2, &u2)) {
			/* As long as the first one: a lower-case line after it is the
			 * rest of the row broken by the page, not more of a label. */
			i += u2 < used ? u2 : used;
			continue;
		}
		if (bare_is_page && only_digits(ls[i].text, 3)) {
			i++;
			continue;
		}
		ls[w++] = ls[i++];
	}
	/* A deadline broken over lines (and often over a page): «в течение» /
	 * «учебного года» — neither line reads as a deadline, both together do
	 * (an event phrase such as «по результатам» / «мониторинга» is not
	 * enough: titles end so). */
	size_t w2 = body;
	for (size_t i = body; i < w;) {
		cline c = ls[i++];
		while (i < w && !c.dl && strlen(c.text) <= 40 && !ls[i].dl && imp_starts_lower(ls[i].text)) {
			const char *both = arena_printf(a, "%s %s", c.text, ls[i].text);
			deadline d;
			deadline_parse(both, ps, pe, &d);
			bool yes = d.kind != DL_UNKNOWN && d.kind != DL_EVENT;
			deadline_free(&d);
			if (!yes)
				break;
			c = (cline){both, c.line, true, NULL};
			i++;
		}
		ls[w2++] = c;
	}
	w = w2;
	memmove(ls + w, ls + tn, (n - tn) * sizeof *ls);
	n -= tn - w;
	tn = w;
	size_t last_num = tn;
	for (size_t i = body; i < tn; i++)
		if (row_start(ls[i].text) && !(bare_is_page && !strchr(ls[i].text, '.')))
			last_num = i;
	char **x = xcalloc(n + 1, sizeof(char *));
	size_t *at = xcalloc(n + 1, sizeof(size_t));
	size_t *cut = xcalloc(n + 1, sizeof(size_t));
	size_t i = body;
	while (i < tn) {
		const char *t = ls[i].text;
		/* The header block repeated on a new page. */
		size_t u2 = 0;
		const char *l2[IMPORT_MAX_COLS];
		int f2[IMPORT_MAX_COLS];
		if (!strcmp(t, first) && header_block(a, ls, tn, i, l2, f2, &u2)) {
			i += u2;
			continue;
		}
		if (bare_is_page && only_digits(t, 3)) {
			i++;
			continue;
		}
		if (row_start(t) && i <= last_num) {
			size_t e = i + 1;
			while (e < tn && !(row_start(ls[e].text) && !(bare_is_page && only_digits(ls[e].text, 3))) &&
			       !(heading_line(ls[e].text) && e > i + 1) && strcmp(ls[e].text, first) &&
			       !imp_contact_line(ls[e].text) && !ls[e].name)
				e++;
			size_t m = join_lines_to_cells(a, ls, i + 1, e, x, cut);
			/* After the last row: only as many cells as there are columns;
			 * the rest is text below the table. */
			size_t rest = e;
			const char *next = e < tn && row_start(ls[e].text) ? ls[e].text : "";
			bool new_sec = *next && (imp_first_of_section(next) ||
			                         parent_len(next) != parent_len(t) ||
			                         strncmp(next, t, parent_len(t)));
			/* Numbers 1, 2, 3 … throughout: a section starts where a
			 * heading's line is left over. */
			bool flat = *next && !parent_len(next) && !parent_len(t) && m > kk &&
			            unnumbered_heading(&memo, ls, body, tn, x[m - 1]);
			char *heading = NULL;
			if (m > kk && (i == last_num || new_sec || flat) && !imp_starts_lower(x[m - 1]) &&
			    !deadline_like(&memo, x[m - 1]) && !resp_like(x[m - 1])) {
				if (i == last_num) {
					/* Lines of the extra cells go below the table. */
					size_t cells = 0;
					for (rest = i + 1; rest < e; rest++) {
						bool contl = ((imp_starts_lower(ls[rest].text) || imp_marker_at(ls[rest].text)) &&
						              !ls[rest].dl) ||
						             (cells == 1 && title_tail_like(ls[rest].text) && dl_after(ls, rest + 1, e));
						if (!contl)
							cells++;
						if (cells > kk)
							break;
					}
					m = join_lines_to_cells(a, ls, i + 1, rest, x, cut);
				} else {
					heading = x[--m];
				}
			}
			irow r = make_row(a, k, ls[i].line);
			r.c[numc] = (icell){t, ls[i].line, 1};
			if (m) {
				place_cells(x, m, f, kk, &memo, at);
				/* Columns left empty at the end while the last cell took
				 * a lower-case line after finished text: that line was
				 * the next column's cell. */
				while (m < kk && at[m - 1] < kk - 1 && cut[m - 1] && m > 1) {
					x[m] = x[m - 1] + cut[m - 1] + 1;
					x[m - 1] = arena_strndup(a, x[m - 1], cut[m - 1]);
					cut[m - 1] = cut[m] = 0;
					m++;
					place_cells(x, m, f, kk, &memo, at);
				}
				for (size_t c = 0; c < m; c++) {
					icell *cell = &r.c[colof[at[c]]];
					/* Responsible bodies on lines of their own stay apart. */
					const char *sep = f[at[c]] == F_RESP ? "\n" : " ";
					cell->text = *cell->text ? arena_printf(a, "%s%s%s", cell->text, sep, x[c]) : x[c];
				}
			}
			push(rs, r);
			if (heading) {
				irow s = make_row(a, k, ls[e - 1].line);
				s.c[0] = (icell){heading, ls[e - 1].line, 1};
				push(rs, s);
			}
			for (size_t q = rest; q < e; q++) {
				irow p = make_row(a, 1, ls[q].line);
				p.c[0] = (icell){ls[q].text, ls[q].line, 1};
				push(rs, p);
			}
			i = e;
			continue;
		}
		/* A heading, or text below the table; a signature in two cells,
		 * position and name, as a TAB paste gives it. */
		irow r = make_row(a, ls[i].name ? 2 : i > last_num ? 1 : k, ls[i].line);
		r.c[0] = (icell){t, ls[i].line, 1};
		if (ls[i].name) {
			size_t keep = strlen(t) - strlen(ls[i].name);
			r.c[0].text = arena_strndup(a, t, keep > 0 && t[keep - 1] == ' ' ? keep - 1 : keep);
			r.c[1] = (icell){ls[i].name, ls[i].line, 2};
		}
		push(rs, r);
		i++;
	}
	prose_rows(a, ls, tn, n, rs);
	free(x);
	free(at);
	free(cut);
	free(ls);
	dlmemo_free(&memo);
	return true;
}
