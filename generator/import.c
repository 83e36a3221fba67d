/* import.c — `roadmap import`: the pipeline (spec/import.md; contracts in
 * import.h, the rooms in import_int.h). */
#include "import.h"
#include "import_int.h"
#include "csvread.h"
#include "deadline.h"
#include "fsutil.h"
#include "textdec.h"
#include "utf8.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- public ---- */

static void tbl_free(tbl *t)
{
	for (size_t i = 0; i < t->nsecs; i++) {
		sec *s = &t->secs[i];
		for (size_t k = 0; k < s->nacts; k++) {
			for (size_t j = 0; j < t->ncols; j++)
				buf_free(&s->acts[k].cell[j]);
			free(s->acts[k].cell);
			free(s->acts[k].cline);
			free(s->acts[k].ccol);
		}
		free(s->acts);
		free(s->number);
		buf_free(&s->title);
	}
	free(t->secs);
	free(t->field);
	buf_free(&t->trailing);
}

int import_mem(const char *data, size_t len, const char *display, const import_opts *o, buf *yaml,
               import_stats *st, diag_list *dl)
{
	memset(st, 0, sizeof *st);
	const char *file = display ? display : "";
	if (len > CSV_MAX_FILE) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "файл больше 64 МиБ: это не таблица?");
		return IMPORT_BAD_TABLE;
	}
	text_decoded dec;
	if (text_decode(data, len, file, &dec, dl) < 0)
		return IMPORT_BAD_TABLE;
	const char *text = dec.text;
	size_t n = dec.len;
	arena *a = arena_new();
	irows rs = {0};
	tbl t = {0};
	pre p = {0};
	int rc = IMPORT_OK;
	size_t h = 0;
	bool found = false;
	/* A regular CSV/TSV first; pasted text (or a CSV whose header is not found
	 * that way) line by line, trying TAB, ';' and ',' in turn. */
	if (imp_rows_from_csv(a, text, n, &rs))
		found = imp_find_header(&rs, &h, t.map, &t.field);
	static const char delims[] = {'\t', ';', ','};
	for (size_t d = 0; d < ARRAY_LEN(delims) && !found; d++) {
		rs.n = 0;
		if (imp_rows_from_lines(a, text, n, delims[d], &rs, file, dl) < 0) {
			rc = IMPORT_BAD_TABLE;
			goto out;
		}
		found = imp_find_header(&rs, &h, t.map, &t.field);
	}
	if (!found) {
		diag_add(dl, DIAG_ERROR, file, 0, 0,
		         "не найдена строка заголовка таблицы: ожидались столбцы вроде «№ п/п», «Мероприятия», "
		         "«Сроки», «Ответственные», разделённые табуляцией, «;» или «,»");
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	t.a = a;
	t.file = file;
	t.dl = dl;
	/* Columns up to the last labelled one: Excel adds empty ones (;;;). */
	t.ncols = rs.v[h].n;
	while (t.ncols > 2 && !rs.v[h].c[t.ncols - 1].text[0])
		t.ncols--;
	t.hline = rs.v[h].line;
	if (t.ncols > IMPORT_MAX_COLS) {
		diag_add(dl, DIAG_ERROR, file, t.hline, 0,
		         "в строке заголовка больше %d столбцов: это не таблица дорожной карты?", IMPORT_MAX_COLS);
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	t.label = arena_alloc(a, t.ncols * sizeof(char *));
	for (size_t j = 0; j < t.ncols; j++) {
		char *pl = imp_plain_of(rs.v[h].c[j].text);
		t.label[j] = arena_strdup(a, pl);
		free(pl);
		if (t.field[j] < 0 && *t.label[j])
			diag_add(dl, DIAG_WARNING, file, rs.v[h].c[j].line, rs.v[h].c[j].col,
			         "столбец «%s» не распознан: его текст перенесён в поле comment мероприятий", t.label[j]);
	}
	imp_process_rows(&t, &rs, h);
	if (t.too_many) {
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	size_t acts = 0;
	for (size_t i = 0; i < t.nsecs; i++)
		acts += t.secs[i].nacts;
	if (!acts) {
		diag_add(dl, DIAG_ERROR, file, t.hline, 0, "после строки заголовка нет ни одного мероприятия");
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	/* The text before the table. */
	p.l = xcalloc(h ? h : 1, sizeof(pline));
	for (size_t i = 0; i < h; i++) {
		buf b = BUF_INIT;
		for (size_t j = 0; j < rs.v[i].n; j++) {
			char *pl = imp_plain_of(rs.v[i].c[j].text);
			if (*pl)
				buf_printf(&b, "%s%s", b.len ? " " : "", pl);
			free(pl);
		}
		if (!b.len) {
			buf_free(&b);
			continue;
		}
		pline *l = &p.l[p.n];
		l->text = arena_strdup(a, b.data);
		l->line = rs.v[i].line;
		l->para = p.n && p.l[p.n - 1].line + 1 == l->line ? p.l[p.n - 1].para : (int)p.n;
		p.n++;
		buf_free(&b);
	}
	imp_find_title(&p);
	imp_find_approval(&p);
	imp_find_goal_tasks(&p);
	if (!p.title)
		diag_add(dl, DIAG_WARNING, file, 0, 0,
		         "не найден заголовок («План мероприятий …», «Дорожная карта …»): записано «Дорожная карта», "
		         "исправьте поле title");
	/* The school year deadlines are read in. */
	char ed[10] = "";
	if (o->edition)
		snprintf(ed, sizeof ed, "%s", o->edition);
	else if (p.title && imp_year_in(p.title, ed))
		;
	else if (date_is_set(p.date))
		snprintf(ed, sizeof ed, "%04u-%04u", (unsigned)(p.date.m >= 6 ? p.date.y : p.date.y - 1) % 10000u,
		         (unsigned)(p.date.m >= 6 ? p.date.y + 1 : p.date.y) % 10000u);
	else
		snprintf(ed, sizeof ed, "%s", o->fallback_edition);
	writer w = {yaml, &t, DATE_NONE, DATE_NONE, st};
	if (!deadline_edition_period(ed, &w.pstart, &w.pend)) {
		snprintf(ed, sizeof ed, "%s", o->fallback_edition);
		deadline_edition_period(ed, &w.pstart, &w.pend);
	}
	buf out = BUF_INIT;
	w.y = &out;
	imp_write_doc(&w, &p, file);
	buf_put(yaml, out.data, out.len);
	buf_free(&out);
	memcpy(st->edition, ed, sizeof st->edition);
	st->continuations = t.continuations;
	st->title_found = p.title != NULL;
	st->approved_found = p.act || p.number || date_is_set(p.date) || p.signed_by;
out:
	imp_pre_free(&p);
	tbl_free(&t);
	free(rs.v);
	arena_free(a);
	text_decoded_free(&dec);
	return rc;
}

int import_file(const char *path, const char *display, const import_opts *o, buf *yaml,
                import_stats *st, diag_list *dl)
{
	memset(st, 0, sizeof *st);
	size_t len;
	const char *file = display ? display : path;
	char *data = fs_read_file(path, file, CSV_MAX_FILE, &len, dl);
	if (!data)
		return IMPORT_IO;
	int rc = import_mem(data, len, file, o, yaml, st, dl);
	free(data);
	return rc;
}

