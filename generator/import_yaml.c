/* import_yaml.c — `roadmap import`: the YAML writer (see import_int.h). */
#include "import_int.h"
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
	y_item(y, start, in);
}

void imp_write_doc(writer *w, pre *p, const char *display)
{
	buf *y = w->y;
	tbl *t = w->t;
	buf line = BUF_INIT;
	buf_printf(&line, "Документ создан командой «roadmap import» из файла %s.", display);
	y_comment(y, 0, line.data);
	buf_free(&line);
	y_comment(y, 0, "Сверьте его с исходной таблицей. Поле schools (каких школ касается мероприятие) не заполнено:");
	y_comment(y, 0, "добавьте его, roadmap check подскажет коды школ, названных в тексте мероприятий.");
	int last_para = -1;
	for (size_t i = 0; i < p->n; i++) {
		if (p->l[i].used)
			continue;
		if (last_para < 0) {
			y_comment(y, 0, "");
			y_comment(y, 0, "Текст перед таблицей, не перенесённый в поля документа (нужное перенесите в intro):");
		} else if (p->l[i].para != last_para) {
			y_comment(y, 0, "");
		}
		y_comment(y, 0, p->l[i].text);
		last_para = p->l[i].para;
	}
	buf md = BUF_INIT;
	imp_plain_markdown(&md, p->title ? p->title : "Дорожная карта");
	y_field(y, 0, "title", md.data);
	buf_free(&md);
	if (p->act || p->authority || p->number || date_is_set(p->date) || p->signed_by) {
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
		if (p->signed_by)
			y_field(y, 2, "signed_by", p->signed_by);
	}
	if (p->goal) {
		buf g = BUF_INIT;
		imp_plain_markdown(&g, p->goal);
		y_field(y, 0, "goal", g.data);
		buf_free(&g);
	}
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
	for (size_t j = 0; j < t->ncols; j++) {
		int f = t->field[j];
		if (f == F_INDICATOR || f == F_TASK) {
			line = (buf)BUF_INIT;
			buf_printf(&line, "Столбец «%s» перенесён в поле %s мероприятий.", t->label[j], IMP_FIELD_KEY[f]);
			y_comment(y, 0, line.data);
			buf_free(&line);
		} else if (f < 0 && *t->label[j]) {
			line = (buf)BUF_INIT;
			buf_printf(&line, "Столбец «%s» не распознан: его текст перенесён в поле comment мероприятий.",
			           t->label[j]);
			y_comment(y, 0, line.data);
			buf_free(&line);
		}
	}
	buf_puts(y, "columns:\n");
	for (int f = F_NUMBER; f <= F_RESULT; f++)
		if (t->map[f] >= 0 && *t->label[t->map[f]])
			y_field(y, 2, IMP_FIELD_KEY[f], t->label[t->map[f]]);
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
		if (s->nacts) {
			y_indent(y, 4);
			buf_puts(y, "activities:\n");
		}
		for (size_t k = 0; k < s->nacts; k++)
			write_act(w, &s->acts[k]);
		w->st->activities += s->nacts;
	}
	w->st->sections = t->nsecs;
	if (t->trailing.len) {
		y_comment(y, 0, "");
		y_comment(y, 0, "Текст после таблицы:");
		const char *s = t->trailing.data;
		while (*s) {
			const char *e = strchr(s, '\n');
			size_t n = e ? (size_t)(e - s) : strlen(s);
			char *l = xstrndup(s, n);
			y_comment(y, 0, l);
			free(l);
			s += n + (e ? 1 : 0);
		}
	}
}

