/* import.c — `roadmap import`: the pipeline (spec/import.md; contracts in
 * import.h, the rooms in import_int.h). */
#include "import.h"
#include "import_int.h"
#include "model.h"
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
	free(t->tline);
}

/* The school year deadlines are read in before the front matter is known
 * (the one-cell-per-line layout places cells by their kind): the option,
 * else a year named near the top of the text, else the fallback. */
static void early_period(const char *text, size_t n, const import_opts *o, date *ps, date *pe)
{
	char ed[10] = "";
	char *head = xstrndup(text, n < 4000 ? n : 4000);
	if (o->edition)
		snprintf(ed, sizeof ed, "%s", o->edition);
	else if (!imp_year_in(head, ed))
		snprintf(ed, sizeof ed, "%s", o->fallback_edition);
	free(head);
	if (!deadline_edition_period(ed, ps, pe))
		deadline_edition_period(o->fallback_edition, ps, pe);
}

/* Rows and the layout: a regular CSV/TSV first; then, when the text has
 * almost no TABs, a Word export with one cell per line; then pasted text
 * line by line, trying TAB, ';' and ',' in turn. */
static int read_rows(arena *a, const text_decoded *raw, const char *text, size_t n, const import_opts *o,
                     irows *rs, size_t *h, tbl *t, const char *file, diag_list *dl, import_stats *st)
{
	/* A regular CSV has no Word remnants: read as it is (a line of a
	 * multi-line cell may repeat like a running header). */
	if (imp_rows_from_csv(a, raw->text, raw->len, rs) && imp_find_header(rs, h, t->map, &t->field)) {
		st->layout = "CSV";
		return 1;
	}
	size_t tabs = 0;
	for (size_t i = 0; i < n; i++)
		tabs += text[i] == '\t';
	if (tabs < 4) {
		date ps, pe;
		early_period(text, n, o, &ps, &pe);
		rs->n = 0;
		if (imp_rows_cell_per_line(a, text, n, ps, pe, rs) && imp_find_header(rs, h, t->map, &t->field)) {
			st->layout = "по одной ячейке в строке";
			return 1;
		}
	}
	static const char delims[] = {'\t', ';', ','};
	static const char *const names[] = {"строки с табуляцией", "строки с «;»", "строки с «,»"};
	for (size_t d = 0; d < ARRAY_LEN(delims); d++) {
		rs->n = 0;
		if (imp_rows_from_lines(a, text, n, delims[d], rs, file, dl) < 0)
			return -1;
		if (imp_find_header(rs, h, t->map, &t->field)) {
			st->layout = names[d];
			return 1;
		}
	}
	return 0;
}

/* The only filled cell of a row, or NULL. */
static const char *only_cell(const irow *r)
{
	const char *only = NULL;
	for (size_t j = 0; j < r->n; j++)
		if (*r->c[j].text) {
			if (only)
				return NULL;
			only = r->c[j].text;
		}
	return only;
}

/* A programme's passport starting at rows[i]: its heading («Паспорт
 * программы», alone on its row) and a first entry «label | value» after it. */
static bool passport_start(const irows *rs, size_t i)
{
	const char *head = only_cell(&rs->v[i]);
	if (!head || i + 1 >= rs->n || strlen(head) > 100)
		return false;
	char *l = utf8_lower_ru(xstrdup(head), UTF8_FOLD_YO);
	bool yes = strstr(l, "паспорт") != NULL;
	free(l);
	const irow *e = &rs->v[i + 1];
	return yes && e->n >= 2 && *e->c[0].text && *e->c[1].text && imp_passport_label(e->c[0].text);
}

/* Where the activity table ends: the header of another table (goals,
 * indicators) or a passport after it, else the end of the rows. */
static size_t table_end(const irows *rs, size_t h)
{
	for (size_t i = h + 1; i < rs->n; i++)
		if (imp_table_kind(&rs->v[i]) != IMP_T_NONE || passport_start(rs, i))
			return i;
	return rs->n;
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
	arena *a = arena_new();
	irows rs = {0};
	tbl t = {0};
	pre p = {0};
	int rc = IMPORT_OK;
	size_t h = 0;
	text_decoded dec = {0};
	char *text = NULL;
	int found;
	/* A Word document or an Excel workbook as it is; anything else is text
	 * (a CSV, a paste). */
	int docx = imp_rows_from_docx(a, data, len, &rs, file, dl);
	int xlsx = docx ? 0 : imp_rows_from_xlsx(a, data, len, &rs, file, dl);
	if (docx || xlsx) {
		found = docx < 0 || xlsx < 0 ? -1 : imp_find_header(&rs, &h, t.map, &t.field);
		st->layout = docx ? "документ Word" : "книга Excel";
	} else {
		if (text_decode(data, len, file, &dec, dl) < 0) {
			arena_free(a);
			return IMPORT_BAD_TABLE;
		}
		imp_remnants rem;
		size_t n;
		text = imp_clean_remnants(dec.text, dec.len, &n, &rem);
		found = read_rows(a, &dec, text, n, o, &rs, &h, &t, file, dl, st);
		if (found > 0 && strcmp(st->layout, "CSV"))
			st->remnants = rem.running + rem.pages + rem.captions + rem.bookmarks;
	}
	if (found < 0) {
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	if (!found && (docx || xlsx)) {
		diag_add(dl, DIAG_ERROR, file, 0, 0,
		         "в %s не найдена таблица мероприятий: ожидалась таблица со столбцами вроде "
		         "«№ п/п», «Мероприятия», «Сроки», «Ответственные»",
		         docx ? "документе Word" : "книге Excel");
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	if (!found) {
		diag_add(dl, DIAG_ERROR, file, 0, 0,
		         "не найдена строка заголовка таблицы: ожидались столбцы вроде «№ п/п», «Мероприятия», "
		         "«Сроки», «Ответственные» — разделённые табуляцией, «;» или «,», или по одному в строке");
		rc = IMPORT_BAD_TABLE;
		goto out;
	}
	t.a = a;
	t.file = file;
	t.dl = dl;
	imp_fold_subheader(a, &rs, h, t.map, &t.field, file, dl);
	if (imp_unlabelled_numbers(&rs, h, t.map, t.field))
		diag_add(dl, DIAG_NOTE, file, rs.v[h].line, 0,
		         "столбец без подписи в шапке прочитан как столбец номеров: в нём почти везде номера");
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
	}
	int secc = imp_section_column(&t);
	if (secc >= 0) {
		t.section_col = secc + 1;
		diag_add(dl, DIAG_NOTE, file, t.hline, 0, "столбец «%s» прочитан как названия разделов", t.label[secc]);
	}
	for (size_t j = 0; j < t.ncols; j++)
		if (t.field[j] < 0 && *t.label[j] && (int)j != secc)
			diag_add(dl, DIAG_WARNING, file, rs.v[h].c[j].line, rs.v[h].c[j].col,
			         "столбец «%s» не распознан: его текст перенесён в поле comment мероприятий", t.label[j]);
	size_t end = table_end(&rs, h);
	imp_process_rows(&t, &rs, h, end);
	imp_split_numbers(&t);
	imp_fill_merged(&t);
	imp_excel_dates(&t);
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
	/* The text around the table: before it, below it, other tables. */
	imp_front_rows(&p, a, &rs, 0, h, false);
	if (t.trailing.len)
		imp_front_text(&p, a, t.trailing.data, t.tline, t.ntline);
	imp_front_rows(&p, a, &rs, end, rs.n, true);
	imp_find_contacts(&p);
	imp_find_title(&p);
	imp_find_kind(&p);
	imp_find_approval(&p);
	imp_find_goal_tasks(&p);
	imp_find_chapters(&p);
	for (size_t i = 0; i < p.n; i++)
		if (p.l[i].contact) {
			st->contacts++;
			diag_add(dl, DIAG_NOTE, file, p.l[i].line, 0,
			         "строка с контактами исполнителя «%s» не перенесена: она для адресата документа, "
			         "а не для читателей сайта",
			         p.l[i].text);
		}
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
	writer w = {yaml, &t, DATE_NONE, DATE_NONE, st, o};
	if (!deadline_edition_period(ed, &w.pstart, &w.pend)) {
		snprintf(ed, sizeof ed, "%s", o->fallback_edition);
		deadline_edition_period(ed, &w.pstart, &w.pend);
	}
	buf out = BUF_INIT;
	w.y = &out;
	imp_write_doc(&w, &p, file);
	imp_judge(&w, &p);
	buf_put(yaml, out.data, out.len);
	buf_free(&out);
	if (o->indicators && p.ninds)
		imp_indicators_yaml(&p, o->indicators);
	st->indicators = p.ninds;
	memcpy(st->edition, ed, sizeof st->edition);
	st->continuations = t.continuations;
	st->merged = t.merged;
	st->title_found = p.title != NULL;
	st->approved_found = p.have_act || p.stamp_approved;
	st->chapters = p.nchapters;
	st->considered = p.ncons;
	if (st->misreadings && !o->force)
		rc = IMPORT_MISREAD;
out:
	imp_pre_free(&p);
	tbl_free(&t);
	free(rs.v);
	arena_free(a);
	free(text);
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


struct site *import_registry_load(const char *path, diag_list *dl)
{
	csv_table t;
	if (csv_read_file(path, NULL, &t, dl) < 0) {
		csv_table_free(&t);
		return NULL;
	}
	static const char *const name_aliases[] = {"название", "наименование", "полное название", NULL};
	int ic = csv_find_col(&t, "id", NULL), nc = csv_find_col(&t, "name", name_aliases);
	if (ic < 0 || nc < 0) {
		diag_add(dl, DIAG_ERROR, t.file, t.header.line, 1,
		         "в реестре школ нужны столбцы «id» и «name» (см. content/schools.csv)");
		csv_table_free(&t);
		return NULL;
	}
	site *s = xcalloc(1, sizeof(site));
	s->schools = xcalloc(t.nrows ? t.nrows : 1, sizeof(school));
	for (size_t i = 0; i < t.nrows; i++) {
		const char *id = csv_cell_text(&t.rows[i], ic), *name = csv_cell_text(&t.rows[i], nc);
		if (!*id)
			continue;
		school *sc = &s->schools[s->nschools++];
		sc->id = xstrdup(id);
		sc->name = xstrdup(name);
	}
	csv_table_free(&t);
	return s;
}

void import_registry_free(struct site *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nschools; i++) {
		free((char *)s->schools[i].id);
		free((char *)s->schools[i].name);
	}
	free(s->schools);
	free(s);
}
