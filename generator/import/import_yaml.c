/* import_yaml.c — `roadmap import`: the YAML writer (see import_int.h). */
#include "import_int.h"
#include "mention.h"
#include "csvread.h"
#include "deadline.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- YAML ---- */

void import_yaml_quoted(buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c == '\n') {
			buf_puts(out, "\\n");
		} else if (c == '\t') {
			buf_puts(out, "\\t");
		} else if (c < 0x20 || c == 0x7F) {
			buf_printf(out, "\\x%02X", c);
		} else if (c == 0xC2 && (unsigned char)s[1] == 0x85) {
			buf_puts(out, "\\N");
			s++;
		} else if (c == 0xE2 && (unsigned char)s[1] == 0x80 &&
		           ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9)) {
			buf_puts(out, (unsigned char)s[2] == 0xA8 ? "\\L" : "\\P");
			s += 2;
		} else if (c == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF) {
			buf_puts(out, "\\uFEFF");
			s += 2;
		} else {
			buf_putc(out, (char)c);
		}
	}
	buf_putc(out, '"');
}

static void y_indent(buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(b, ' ');
}

/* `key: value` at indent: a literal block (|-) when the text has several lines
 * — Markdown lists read best so — else a double-quoted scalar.  A literal block
 * keeps every character; its lines never start with a space here (the
 * converters trim them), so no indentation indicator is needed. */
static void y_field(buf *b, int indent, const char *key, const char *value)
{
	y_indent(b, indent);
	buf_printf(b, "%s: ", key);
	if (!strchr(value, '\n') || value[0] == ' ') {
		import_yaml_quoted(b, value);
		buf_putc(b, '\n');
		return;
	}
	buf_puts(b, "|-\n");
	const char *s = value;
	while (*s) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n) {
			y_indent(b, indent + 2);
			buf_put(b, s, n);
		}
		buf_putc(b, '\n');
		s += n + (e ? 1 : 0);
	}
}

/* A `# text` line: text never breaks the comment since imp_sanitize() made every
 * line break a LF, and those are turned into spaces here. */
static void y_comment(buf *b, int indent, const char *text)
{
	y_indent(b, indent);
	buf_puts(b, "#");
	if (*text)
		buf_putc(b, ' ');
	for (; *text; text++)
		buf_putc(b, *text == '\n' ? ' ' : *text);
	buf_putc(b, '\n');
}

/* ---- writing ---- */


/* Turns the first line of a map written at indent into a list item: its two
 * spaces before the key become «- ».  Writing every key at the same indent and
 * then marking the first keeps the writer free of "first key" cases. */
static void y_item(buf *y, size_t start, int indent)
{
	y->data[start + (size_t)indent - 2] = '-';
}

static void write_act_schools(writer *w, const act *a);

static void write_act(writer *w, const act *a)
{
	tbl *t = w->t;
	buf *y = w->y;
	const int in = 8;
	size_t start = y->len;
	int c;
	if ((c = t->map[F_NUMBER]) >= 0) {
		char *v = imp_plain_of(buf_cstr(&a->cell[c]));
		if (*v)
			y_field(y, in, "number", v);
		free(v);
	} else if (a->number) {
		y_field(y, in, "number", a->number);
	}
	buf md = BUF_INIT;
	if ((c = t->map[F_TITLE]) >= 0)
		imp_cell_markdown(&md, buf_cstr(&a->cell[c]));
	if (!md.len) {
		buf_puts(&md, "Мероприятие без названия");
		diag_add(t->dl, DIAG_WARNING, t->file, a->line, 0,
		         "у мероприятия нет текста: записано «Мероприятие без названия», исправьте");
	}
	y_field(y, in, "title", md.data);
	buf_free(&md);
	if (a->task && *a->task) {
		buf tm = BUF_INIT;
		imp_cell_markdown(&tm, a->task);
		if (tm.len)
			y_field(y, in, "task", tm.data);
		buf_free(&tm);
	}
	if ((c = t->map[F_DEADLINE]) >= 0) {
		char *v = imp_plain_of(buf_cstr(&a->cell[c]));
		if (*v) {
			y_field(y, in, "deadline", v);
			deadline d;
			deadline_parse(v, w->pstart, w->pend, &d);
			if (d.kind == DL_UNKNOWN) {
				w->st->unknown_deadlines++;
				diag_add(t->dl, DIAG_WARNING, t->file, a->cline[c] ? a->cline[c] : a->line, a->ccol[c],
				         "срок «%s» не распознан: он будет показан как написан, без даты", v);
			}
			deadline_free(&d);
		}
		free(v);
	}
	if ((c = t->map[F_RESP]) >= 0) {
		char **bodies;
		size_t n = import_split_bodies(buf_cstr(&a->cell[c]), &bodies);
		if (n == 1) {
			y_field(y, in, "responsible", bodies[0]);
		} else if (n > 1) {
			y_indent(y, in);
			buf_puts(y, "responsible:\n");
			for (size_t i = 0; i < n; i++) {
				y_indent(y, in + 2);
				buf_puts(y, "- ");
				import_yaml_quoted(y, bodies[i]);
				buf_putc(y, '\n');
			}
		}
		import_strs_free(bodies, n);
	}
	if ((c = t->map[F_REPORT]) >= 0) {
		char *v = imp_plain_of(buf_cstr(&a->cell[c]));
		if (*v)
			y_field(y, in, "report", v);
		free(v);
	}
	if ((c = t->map[F_RESULT]) >= 0) {
		buf rm = BUF_INIT;
		imp_cell_markdown(&rm, buf_cstr(&a->cell[c]));
		if (rm.len)
			y_field(y, in, "result", rm.data);
		buf_free(&rm);
	}
	if ((c = t->map[F_INDICATOR]) >= 0) {
		char *v = imp_plain_of(buf_cstr(&a->cell[c]));
		if (*v)
			y_field(y, in, "indicator", v);
		free(v);
	}
	/* Columns that map to no field: kept in the comment, under their label. */
	buf com = BUF_INIT;
	for (size_t j = 0; j < t->ncols; j++) {
		if (t->field[j] >= 0 || !a->cell[j].len)
			continue;
		buf cm = BUF_INIT;
		imp_cell_markdown(&cm, buf_cstr(&a->cell[j]));
		if (cm.len) {
			if (com.len)
				buf_puts(&com, "\n\n");
			if (*t->label[j]) {
				imp_plain_markdown(&com, t->label[j]);
				buf_puts(&com, ": ");
			}
			buf_puts(&com, cm.data);
		}
		buf_free(&cm);
	}
	if (com.len)
		y_field(y, in, "comment", com.data);
	buf_free(&com);
	write_act_schools(w, a);
	y_item(y, start, in);
}

/* Responsible text naming every school: «руководители ОУ», «ОО»,
 * «образовательные организации», «общеобразовательные учреждения». */
static bool all_schools(const act *a, const tbl *t)
{
	int c = t->map[F_RESP];
	if (c < 0)
		return false;
	char *p = imp_plain_of(buf_cstr(&a->cell[c]));
	char *l = utf8_lower_ru(xstrdup(p), UTF8_FOLD_YO);
	static const char *const w[] = {"образовательные организации", "образовательных организаций",
	                                "образовательные учреждения", "образовательных учреждений",
	                                "общеобразовательные", "общеобразовательных", "руководители оу",
	                                "руководители оо", "администрации оу", "администрации оо", "все оу",
	                                "все оо", "все школы", "школы округа", "школы района", NULL};
	bool yes = false;
	for (int i = 0; w[i] && !yes; i++)
		yes = strstr(l, w[i]) != NULL;
	/* «ОУ» / «ОО» as a word of its own. */
	for (const char *q = l; *q && !yes; q++) {
		if ((!strncmp(q, "оу", strlen("оу")) || !strncmp(q, "оо", strlen("оо"))) &&
		    (q == l || q[-1] == ' ' || q[-1] == ',' || q[-1] == '(')) {
			const char *e = q + strlen("оу");
			yes = !*e || *e == ' ' || *e == ',' || *e == ';' || *e == ')' || *e == '.';
		}
	}
	free(l);
	free(p);
	return yes;
}

/* Whether most activities of [acts, n) are addressed to all schools. */
static bool mostly_all(const tbl *t, const act *acts, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += all_schools(&acts[i], t);
	return n && 2 * k > n;
}

/* Schools of the registry an activity's text names («ОУ №№ 4, 7»). */
static void write_act_schools(writer *w, const act *a)
{
	if (!w->o->registry)
		return;
	buf all = BUF_INIT;
	for (size_t j = 0; j < w->t->ncols; j++) {
		char *p = imp_plain_of(buf_cstr(&a->cell[j]));
		buf_printf(&all, "%s ", p);
		free(p);
	}
	const school **found;
	size_t n = mention_find(w->o->registry, buf_cstr(&all), &found);
	if (n) {
		y_indent(w->y, 8);
		buf_puts(w->y, "schools:\n");
		for (size_t i = 0; i < n; i++) {
			y_indent(w->y, 10);
			buf_puts(w->y, "- ");
			import_yaml_quoted(w->y, found[i]->id);
			buf_putc(w->y, '\n');
		}
		w->st->school_ids++;
	}
	free(found);
	buf_free(&all);
}

static void write_md(buf *y, int indent, const char *key, const char *plain)
{
	buf g = BUF_INIT;
	imp_plain_markdown(&g, plain);
	y_field(y, indent, key, g.data);
	buf_free(&g);
}

void imp_write_doc(writer *w, pre *p, const char *display)
{
	buf *y = w->y;
	tbl *t = w->t;
	buf line = BUF_INIT;
	buf_printf(&line, "Документ создан командой «roadmap import» из файла %s.", display);
	y_comment(y, 0, line.data);
	buf_free(&line);
	y_comment(y, 0, "Сверьте его с исходным документом.");
	write_md(y, 0, "title", p->title ? p->title : "Дорожная карта");
	if (p->kind)
		y_field(y, 0, "kind", p->kind);
	if (p->act || p->authority || p->number || date_is_set(p->date) || p->signer || p->signer_title) {
		buf_puts(y, "approved:\n");
		if (p->act)
			y_field(y, 2, "act", p->act);
		if (p->authority)
			y_field(y, 2, "authority", p->authority);
		if (p->number)
			y_field(y, 2, "number", p->number);
		if (date_is_set(p->date)) {
			char iso[11];
			date_iso(p->date, iso);
			y_field(y, 2, "date", iso);
		}
		if (p->signer)
			y_field(y, 2, "signer", p->signer);
		if (p->signer_title)
			y_field(y, 2, "signer_title", p->signer_title);
	}
	if (p->ncons) {
		buf_puts(y, "considered:\n");
		for (size_t i = 0; i < p->ncons; i++) {
			considered_stamp *c = &p->cons[i];
			size_t start = y->len;
			y_field(y, 4, "stamp", c->stamp);
			y_item(y, start, 4);
			if (c->body)
				y_field(y, 4, "body", c->body);
			if (c->protocol)
				y_field(y, 4, "protocol", c->protocol);
			if (date_is_set(c->date)) {
				char iso[11];
				date_iso(c->date, iso);
				y_field(y, 4, "date", iso);
			}
			if (c->signer)
				y_field(y, 4, "signer", c->signer);
			if (c->signer_title)
				y_field(y, 4, "signer_title", c->signer_title);
		}
	}
	if (p->intro)
		y_field(y, 0, "intro", p->intro);
	if (p->goal)
		write_md(y, 0, "goal", p->goal);
	if (p->ntasks) {
		buf_puts(y, "tasks:\n");
		for (size_t i = 0; i < p->ntasks; i++) {
			buf g = BUF_INIT;
			imp_plain_markdown(&g, p->tasks[i]);
			y_indent(y, 2);
			buf_puts(y, "- ");
			import_yaml_quoted(y, g.data);
			buf_putc(y, '\n');
			buf_free(&g);
		}
	}
	/* Who it concerns, once: the whole document or a section. */
	size_t nall = 0;
	for (size_t i = 0; i < t->nsecs; i++)
		nall += t->secs[i].nacts;
	act **flat = xcalloc(nall ? nall : 1, sizeof(act *));
	size_t k = 0, kall = 0;
	for (size_t i = 0; i < t->nsecs; i++)
		for (size_t j = 0; j < t->secs[i].nacts; j++) {
			flat[k] = &t->secs[i].acts[j];
			kall += all_schools(flat[k], t);
			k++;
		}
	free(flat);
	bool doc_all = nall && 2 * kall > nall;
	if (doc_all) {
		y_field(y, 0, "schools", "all");
		w->st->schools_all = 1;
	}
	buf_puts(y, "columns:\n");
	for (int f = F_NUMBER; f < F_N; f++)
		if (t->map[f] >= 0 && *t->label[t->map[f]])
			y_field(y, 2, IMP_FIELD_KEY[f], t->label[t->map[f]]);
	if (t->map[F_TASK] < 0 && t->subsections)
		y_field(y, 2, "task", "Подраздел");
	if (p->nchapters) {
		buf_puts(y, "chapters:\n");
		for (size_t i = 0; i < p->nchapters; i++) {
			chapter_out *c = &p->chapters[i];
			size_t start = y->len;
			write_md(y, 4, "title", c->title);
			y_item(y, start, 4);
			if (c->text)
				y_field(y, 4, "text", c->text);
			y_field(y, 4, "place", c->after ? "after" : "before");
		}
	}
	buf_puts(y, "sections:\n");
	for (size_t i = 0; i < t->nsecs; i++) {
		sec *s = &t->secs[i];
		buf tt = BUF_INIT;
		if (s->title.len) {
			imp_plain_markdown(&tt, s->title.data);
		} else {
			buf_printf(&tt, "Раздел %s", s->number ? s->number : "");
			diag_add(t->dl, DIAG_WARNING, t->file, s->line, 0,
			         "у раздела нет названия: записано «%s», исправьте", tt.data);
		}
		size_t start = y->len;
		y_field(y, 4, "title", tt.data);
		y_item(y, start, 4);
		buf_free(&tt);
		if (s->number)
			y_field(y, 4, "number", s->number);
		if (!doc_all && s->nacts >= 2 && mostly_all(t, s->acts, s->nacts)) {
			y_field(y, 4, "schools", "all");
			w->st->schools_all++;
		}
		if (s->nacts) {
			y_indent(y, 4);
			buf_puts(y, "activities:\n");
		}
		for (size_t j = 0; j < s->nacts; j++)
			write_act(w, &s->acts[j]);
		w->st->activities += s->nacts;
	}
	w->st->sections = t->nsecs;
}

/* An id for an indicator from its name: Russian letters transliterated,
 * the first words joined by '-'. */
static void indicator_id(buf *out, const char *name, size_t idx)
{
	static const char *const tr[] = {"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
	                                  "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
	                                  "e", "yu", "ya"};
	char *l = utf8_lower_ru(xstrdup(name), UTF8_FOLD_YO);
	size_t start = out->len, words = 0;
	bool dash = false;
	for (const char *q = l; *q && words < 6;) {
		size_t k;
		int32_t c = imp_cp_at(q, &k);
		const char *t = NULL;
		char one[2] = {0, 0};
		if (c >= 0x430 && c <= 0x44F)
			t = tr[c - 0x430];
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			t = (one[0] = (char)c, one);
		if (t) {
			if (dash && out->len > start)
				buf_putc(out, '-');
			dash = false;
			buf_puts(out, t);
		} else if (!dash && out->len > start) {
			dash = true;
			words++;
		}
		q += k;
	}
	free(l);
	if (out->len == start)
		buf_printf(out, "pokazatel-%zu", idx + 1);
}

void imp_indicators_yaml(const pre *p, buf *y)
{
	y_comment(y, 0, "Показатели из таблицы показателей документа (roadmap import).");
	y_comment(y, 0, "Проверьте id, better (lower — чем меньше, тем лучше; higher — наоборот) и добавьте в indicators.yaml.");
	for (size_t i = 0; i < p->ninds; i++) {
		const indicator_out *d = &p->inds[i];
		buf id = BUF_INIT;
		indicator_id(&id, d->name, i);
		/* ids stay unique within the file */
		for (size_t j = 0; j < i; j++) {
			buf o = BUF_INIT;
			indicator_id(&o, p->inds[j].name, j);
			if (!strcmp(buf_cstr(&o), buf_cstr(&id)))
				buf_printf(&id, "-%zu", i + 1);
			buf_free(&o);
		}
		size_t start = y->len;
		y_field(y, 2, "id", buf_cstr(&id));
		y_item(y, start, 2);
		buf_free(&id);
		y_field(y, 2, "name", d->name);
		if (d->unit)
			y_field(y, 2, "unit", d->unit);
		/* better: from the direction of the targets, else from the name */
		double first = d->base_year ? d->base : d->ntargets ? d->targets[0] : 0;
		double last = d->ntargets ? d->targets[d->ntargets - 1] : first;
		char *l = utf8_lower_ru(xstrdup(d->name), UTF8_FOLD_YO);
		bool lower = last < first || (last == first && (strstr(l, "не освоив") || strstr(l, "не достиг") ||
		                                                strstr(l, "неудовлетвор") || strstr(l, "не сдав") ||
		                                                strstr(l, "ниже")));
		free(l);
		y_field(y, 2, "better", lower ? "lower" : "higher");
		if (d->ntargets) {
			y_indent(y, 2);
			buf_puts(y, "target: {");
			for (size_t t = 0; t < d->ntargets; t++)
				buf_printf(y, "%s%d: %g", t ? ", " : "", d->years[t], d->targets[t]);
			buf_puts(y, "}\n");
		}
		if (d->base_year) {
			y_indent(y, 2);
			buf_printf(y, "baseline: {year: %d, value: %g}\n", d->base_year, d->base);
		}
		if (d->source)
			y_field(y, 2, "source", d->source);
		if (d->method)
			y_field(y, 2, "method", d->method);
	}
}

/* The first max characters of s (heap), with «…» when cut. */
static char *clip(const char *s, size_t max)
{
	size_t i = 0, chars = 0;
	while (s[i] && chars < max) {
		size_t k;
		imp_cp_at(s + i, &k);
		i += k;
		chars++;
	}
	return s[i] ? xasprintf("%.*s…", (int)i, s) : xstrdup(s);
}

/* Rows the import probably misread: reported as errors with what to try. */
void imp_judge(writer *w, const pre *p)
{
	tbl *t = w->t;
	diag_severity sev = w->o->force ? DIAG_WARNING : DIAG_ERROR;
	size_t acts = 0, empty = 0, untitled = 0, prose = 0, dl_text = 0;
	for (size_t i = 0; i < t->nsecs; i++) {
		sec *s = &t->secs[i];
		acts += s->nacts;
		if (!s->nacts) {
			empty++;
			char *c = clip(buf_cstr(&s->title), 80);
			diag_add(t->dl, sev, t->file, s->line, 0,
			         "раздел «%s» без мероприятий: вероятно, это строка текста или заголовок, принятый за "
			         "раздел",
			         c);
			free(c);
		}
		char *l = imp_plain_of(buf_cstr(&s->title));
		size_t len = strlen(l), sentences = 0;
		for (const char *q = l; (q = strstr(q, ". ")); q += 2)
			sentences += utf8_is_upper_ru(imp_cp_at(q + 2, &(size_t){0}));
		if (len > 300 || (len > 150 && sentences >= 1) || imp_starts_lower(l)) {
			prose++;
			char *c = clip(l, 80);
			diag_add(t->dl, sev, t->file, s->line, 0,
			         "раздел «%s» похож на абзац текста, а не на заголовок раздела", c);
			free(c);
		}
		free(l);
		for (size_t k = 0; k < s->nacts; k++) {
			act *a = &s->acts[k];
			int c = t->map[F_TITLE];
			char *tt = c >= 0 ? imp_plain_of(buf_cstr(&a->cell[c])) : xstrdup("");
			if (!*tt) {
				untitled++;
				diag_add(t->dl, sev, t->file, a->line, 0,
				         "у мероприятия нет названия: столбцы строки, вероятно, прочитаны неверно");
			}
			free(tt);
			if ((c = t->map[F_DEADLINE]) >= 0 && a->cell[c].len)
				dl_text++;
		}
	}
	bool no_deadlines = t->map[F_DEADLINE] < 0 || (acts >= 3 && dl_text && w->st->unknown_deadlines == dl_text) ||
	                    (acts >= 3 && !dl_text);
	if (no_deadlines)
		diag_add(t->dl, sev, t->file, t->hline, 0,
		         t->map[F_DEADLINE] < 0 ? "в таблице не найден столбец сроков («Сроки», «Срок исполнения», «Дата»)"
		                                : "ни один срок не распознан: вероятно, столбец сроков прочитан неверно");
	bool many_secs = t->nsecs > 3 && t->nsecs * 2 > acts + 2;
	if (many_secs)
		diag_add(t->dl, sev, t->file, t->hline, 0,
		         "разделов (%zu) больше, чем мероприятий на раздел в среднем: вероятно, строки текста приняты "
		         "за заголовки разделов",
		         t->nsecs);
	/* «Итого: 25 мероприятий» against what was read. */
	if (t->totals) {
		const char *d = t->totals;
		while (*d && !imp_is_digit(*d))
			d++;
		char *end;
		unsigned long said = strtoul(d, &end, 10);
		char *l = utf8_lower_ru(xstrdup(end), UTF8_FOLD_YO);
		if (*d && !strncmp(imp_skip_spaces(l), "мероприят", strlen("мероприят")) && said != acts)
			diag_add(t->dl, DIAG_WARNING, t->file, t->totals_line, 0,
			         "в документе сказано «%s», а прочитано мероприятий: %zu — сверьте документ с таблицей",
			         t->totals, acts);
		free(l);
	}
	w->st->misreadings = empty + untitled + prose + no_deadlines + many_secs;
	if (w->st->misreadings)
		diag_add(t->dl, DIAG_NOTE, t->file, 0, 0,
		         "похоже, таблица прочитана неверно (%zu). Что попробовать: сохранить таблицу из Word через "
		         "«Файл → Сохранить как → Обычный текст» или скопировать её целиком в текстовый файл (ячейки "
		         "через табуляцию), либо сохранить из Excel как «CSV (разделители — точки с запятой)»; "
		         "проверить, что строка заголовка таблицы («№ п/п», «Мероприятие», «Срок», «Ответственные») "
		         "есть в файле; если документ прочитан верно, повторить с --force",
		         w->st->misreadings);
	(void)p;
}
