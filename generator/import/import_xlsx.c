/* import_xlsx.c — `roadmap import`: an Excel workbook (.xlsx) read as it is,
 * without saving it as CSV first (see import_int.h).
 *
 * An .xlsx is a ZIP archive (import_zip.c) of XML parts, read with libxml2's
 * streaming reader: xl/workbook.xml lists the sheets in order and
 * xl/_rels/workbook.xml.rels says where each one is; xl/sharedStrings.xml
 * holds the texts the cells point at; xl/styles.xml says which number
 * formats are dates; each sheet's <sheetData> has the rows (<row r="12">)
 * and their cells (<c r="C12" t="s" s="3"><v>…</v></c>).  Cells merged in
 * Excel keep their text in the first cell only, as a CSV export does, so the
 * table rooms see the same thing either way. */
#include "import_int.h"
#include "arena.h"
#include "csvread.h"
#include "util.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Excel allows 16 384 columns; a roadmap has a handful.  Cells beyond this
 * are not read (the header must be in the first columns anyway). */
enum { XLSX_MAX_COL = 256 };

typedef struct strlist {
	char **v;
	size_t n, cap;
} strlist;

static void strlist_push(strlist *l, char *s)
{
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof(char *));
	l->v[l->n++] = s;
}

static void strlist_free(strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* The text of every <si> of sharedStrings.xml: its <t> runs joined (rich
 * text has several; phonetic <rPh> runs are not text). */
static bool shared_strings(const char *xml, size_t n, strlist *out)
{
	xmlTextReaderPtr r = imp_xml_reader(xml, n);
	if (!r)
		return false;
	buf cur = BUF_INIT;
	bool in_t = false;
	int rph = 0, rc;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const xmlChar *name = xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			bool empty = xmlTextReaderIsEmptyElement(r);
			if (imp_xml_is(name, "si"))
				buf_reset(&cur);
			else if (imp_xml_is(name, "rPh") && !empty)
				rph++;
			else if (imp_xml_is(name, "t"))
				in_t = !empty;
			if (empty && imp_xml_is(name, "si"))
				strlist_push(out, xstrdup(""));
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (imp_xml_is(name, "si"))
				strlist_push(out, xstrdup(buf_cstr(&cur)));
			else if (imp_xml_is(name, "rPh") && rph)
				rph--;
			else if (imp_xml_is(name, "t"))
				in_t = false;
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && in_t && !rph) {
			buf_puts(&cur, (const char *)xmlTextReaderConstValue(r));
		}
	}
	xmlFreeTextReader(r);
	buf_free(&cur);
	return rc == 0;
}

/* Built-in number formats 14–22 and 45–47 show dates or times; a custom one
 * is a date when its code has d, m or y outside quotes and brackets. */
static bool date_format(int id, const char *code)
{
	if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
		return true;
	if (!code)
		return false;
	bool quoted = false, bracket = false, d = false, y = false;
	for (const char *c = code; *c; c++) {
		if (*c == '"')
			quoted = !quoted;
		else if (*c == '[')
			bracket = true;
		else if (*c == ']')
			bracket = false;
		else if (*c == '\\' && c[1])
			c++;
		else if (!quoted && !bracket) {
			d |= *c == 'd' || *c == 'D';
			y |= *c == 'y' || *c == 'Y';
		}
	}
	return d || y;
}

/* is_date[i]: cell style i (cellXfs) shows a date. */
static bool *date_styles(const char *xml, size_t n, size_t *count)
{
	*count = 0;
	xmlTextReaderPtr r = imp_xml_reader(xml, n);
	if (!r)
		return NULL;
	int ids[64];
	char *codes[64];
	size_t nfmt = 0, cap = 0;
	bool *is_date = NULL, in_xfs = false;
	while (xmlTextReaderRead(r) == 1) {
		int type = xmlTextReaderNodeType(r);
		const xmlChar *name = xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_ELEMENT && imp_xml_is(name, "numFmt") && nfmt < 64) {
			char *id = imp_xml_attr(r, "numFmtId");
			ids[nfmt] = id ? atoi(id) : -1;
			codes[nfmt++] = imp_xml_attr(r, "formatCode");
			free(id);
		} else if (type == XML_READER_TYPE_ELEMENT && imp_xml_is(name, "cellXfs")) {
			in_xfs = !xmlTextReaderIsEmptyElement(r);
		} else if (type == XML_READER_TYPE_END_ELEMENT && imp_xml_is(name, "cellXfs")) {
			in_xfs = false;
		} else if (type == XML_READER_TYPE_ELEMENT && in_xfs && imp_xml_is(name, "xf")) {
			char *id = imp_xml_attr(r, "numFmtId");
			int fid = id ? atoi(id) : 0;
			const char *code = NULL;
			for (size_t i = 0; i < nfmt; i++)
				if (ids[i] == fid)
					code = codes[i];
			xgrow((void **)&is_date, &cap, *count + 1, sizeof(bool));
			is_date[(*count)++] = date_format(fid, code);
			free(id);
		}
	}
	xmlFreeTextReader(r);
	for (size_t i = 0; i < nfmt; i++)
		free(codes[i]);
	return is_date;
}

/* The sheets' parts in workbook order: workbook.xml names them by
 * relationship id, workbook.xml.rels maps the ids to paths. */
static void sheet_paths(struct zip *za, strlist *paths)
{
	size_t n;
	char *wb = imp_zip_member(za, "xl/workbook.xml", &n);
	strlist ids = {0}, rel_id = {0}, rel_target = {0};
	xmlTextReaderPtr r = wb ? imp_xml_reader(wb, n) : NULL;
	while (r && xmlTextReaderRead(r) == 1)
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT && imp_xml_is(xmlTextReaderConstLocalName(r), "sheet")) {
			char *id = imp_xml_attr(r, "r:id");
			if (id)
				strlist_push(&ids, id);
		}
	if (r)
		xmlFreeTextReader(r);
	free(wb);
	char *rels = imp_zip_member(za, "xl/_rels/workbook.xml.rels", &n);
	r = rels ? imp_xml_reader(rels, n) : NULL;
	while (r && xmlTextReaderRead(r) == 1)
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT &&
		    imp_xml_is(xmlTextReaderConstLocalName(r), "Relationship")) {
			char *id = imp_xml_attr(r, "Id"), *target = imp_xml_attr(r, "Target");
			if (id && target) {
				strlist_push(&rel_id, id);
				strlist_push(&rel_target, target);
			} else {
				free(id);
				free(target);
			}
		}
	if (r)
		xmlFreeTextReader(r);
	free(rels);
	for (size_t i = 0; i < ids.n; i++)
		for (size_t k = 0; k < rel_id.n; k++)
			if (!strcmp(ids.v[i], rel_id.v[k])) {
				const char *t = rel_target.v[k];
				/* Relative to xl/, or absolute from the archive's root. */
				strlist_push(paths, t[0] == '/' ? xstrdup(t + 1) : xasprintf("xl/%s", t));
				break;
			}
	strlist_free(&ids);
	strlist_free(&rel_id);
	strlist_free(&rel_target);
	/* A workbook without those parts (written by a minimal tool): the usual name. */
	if (!paths->n)
		strlist_push(paths, xstrdup("xl/worksheets/sheet1.xml"));
}

/* «C12» → column 2 (0-based); -1 when ref has no letters. */
static int ref_column(const char *ref)
{
	int col = 0, k = 0;
	for (; ref[k] >= 'A' && ref[k] <= 'Z' && k < 4; k++)
		col = col * 26 + (ref[k] - 'A' + 1);
	return k ? col - 1 : -1;
}

/* An Excel date serial (days since 1899-12-30, the 1900 system) as ДД.ММ.ГГГГ. */
static void serial_date(double v, char out[16])
{
	date d = date_add_days((date){1899, 12, 30}, (long)v);
	snprintf(out, 16, "%02d.%02d.%04d", d.d % 100, d.m % 100, d.y % 10000);
}

typedef struct sheet_state {
	arena *a;
	irows *rs;
	const strlist *strings;
	const bool *is_date;
	size_t nstyles;
	icell cells[XLSX_MAX_COL];
	int ncols;
	int row;       /* the sheet's row number */
	int col;       /* the cell being read, -1 outside one */
	char type[16]; /* its t attribute: s, str, inlineStr, b, e, n */
	int style;
	buf val;       /* its <v> (or inline <t>) text */
	bool in_v;
} sheet_state;

static void end_cell(sheet_state *s)
{
	if (s->col < 0 || s->col >= XLSX_MAX_COL)
		return;
	const char *text = buf_cstr(&s->val);
	char tmp[32];
	if (!strcmp(s->type, "s")) {
		long i = atol(text);
		text = i >= 0 && (size_t)i < s->strings->n ? s->strings->v[i] : "";
	} else if (!strcmp(s->type, "b")) {
		text = !strcmp(text, "1") ? "ИСТИНА" : "ЛОЖЬ";
	} else if (!s->type[0] || !strcmp(s->type, "n")) {
		if (*text && s->style >= 0 && (size_t)s->style < s->nstyles && s->is_date[s->style]) {
			serial_date(atof(text), tmp);
			text = tmp;
		}
	}
	for (; s->ncols < s->col; s->ncols++)
		s->cells[s->ncols] = (icell){"", s->row, s->ncols + 1};
	s->cells[s->col] = (icell){imp_clean_cell(s->a, text, strlen(text)), s->row, s->col + 1};
	if (s->ncols <= s->col)
		s->ncols = s->col + 1;
	s->col = -1;
}

static void end_row(sheet_state *s)
{
	imp_rows_add(s->a, s->rs, s->cells, (size_t)s->ncols, s->row);
	s->ncols = 0;
}

static void cell_start(sheet_state *s, xmlTextReaderPtr r, int next_col)
{
	char *ref = imp_xml_attr(r, "r"), *t = imp_xml_attr(r, "t"), *st = imp_xml_attr(r, "s");
	s->col = ref ? ref_column(ref) : next_col;
	snprintf(s->type, sizeof s->type, "%s", t ? t : "");
	s->style = st ? atoi(st) : -1;
	buf_reset(&s->val);
	free(ref);
	free(t);
	free(st);
}

/* The rows of one sheet; false when its XML does not read. */
static bool read_sheet(sheet_state *s, const char *xml, size_t n)
{
	xmlTextReaderPtr r = imp_xml_reader(xml, n);
	if (!r)
		return false;
	int rc;
	s->col = -1;
	s->ncols = 0;
	while ((rc = xmlTextReaderRead(r)) == 1 && s->rs->n <= CSV_MAX_ROWS) {
		int type = xmlTextReaderNodeType(r);
		const xmlChar *name = xmlTextReaderConstLocalName(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			bool empty = xmlTextReaderIsEmptyElement(r);
			if (imp_xml_is(name, "row")) {
				char *rn = imp_xml_attr(r, "r");
				s->row = rn ? atoi(rn) : s->row + 1;
				free(rn);
				s->ncols = 0;
				if (empty)
					end_row(s);
			} else if (imp_xml_is(name, "c")) {
				cell_start(s, r, s->ncols);
				if (empty)
					end_cell(s);
			} else if ((imp_xml_is(name, "v") || imp_xml_is(name, "t")) && s->col >= 0) {
				s->in_v = !empty; /* <v>, or <is><t> of an inline string */
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (imp_xml_is(name, "v") || imp_xml_is(name, "t"))
				s->in_v = false;
			else if (imp_xml_is(name, "c"))
				end_cell(s);
			else if (imp_xml_is(name, "row"))
				end_row(s);
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && s->in_v) {
			buf_puts(&s->val, (const char *)xmlTextReaderConstValue(r));
		}
	}
	xmlFreeTextReader(r);
	return rc >= 0;
}

int imp_rows_from_xlsx(arena *a, const char *data, size_t len, irows *rs, const char *file, diag_list *dl)
{
	struct zip *za = imp_zip_open(data, len);
	size_t n;
	char *probe = za ? imp_zip_member(za, "xl/workbook.xml", &n) : NULL;
	if (!probe) {
		imp_zip_close(za);
		return 0;
	}
	free(probe);
	strlist strings = {0}, paths = {0};
	char *xml = imp_zip_member(za, "xl/sharedStrings.xml", &n);
	bool ok = !xml || shared_strings(xml, n, &strings);
	free(xml);
	xml = imp_zip_member(za, "xl/styles.xml", &n);
	size_t nstyles;
	bool *is_date = date_styles(xml, n, &nstyles);
	free(xml);
	sheet_paths(za, &paths);
	sheet_state s = {.a = a, .rs = rs, .strings = &strings, .is_date = is_date, .nstyles = nstyles};
	/* The first sheet with a table header; else the first sheet. */
	bool read_one = false;
	for (size_t i = 0; ok && i < paths.n; i++) {
		xml = imp_zip_member(za, paths.v[i], &n);
		if (!xml)
			continue;
		irows mine = {0};
		s.rs = &mine;
		bool sheet_ok = read_sheet(&s, xml, n);
		free(xml);
		ok = sheet_ok;
		size_t h;
		int map[F_N], *field = NULL;
		bool header = sheet_ok && imp_find_header(&mine, &h, map, &field);
		free(field);
		if (sheet_ok && (header || !read_one)) {
			free(rs->v);
			*rs = mine;
			read_one = true;
		} else {
			free(mine.v);
		}
		if (header)
			break;
	}
	buf_free(&s.val);
	free(is_date);
	strlist_free(&strings);
	strlist_free(&paths);
	imp_zip_close(za);
	if (!ok) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "книга Excel повреждена: её листы не читаются");
		return -1;
	}
	return 1;
}
