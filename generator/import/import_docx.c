/* import_docx.c — `roadmap import`: a Word document (.docx) read as it is,
 * without saving it as text first (see import_int.h).
 *
 * A .docx is a ZIP archive (libzip) whose word/document.xml holds the body:
 * paragraphs (w:p) and tables (w:tbl → w:tr → w:tc → w:p).  libxml2's
 * streaming reader walks it once.  The result is the same rows of cells the
 * text layouts give: a table row is a row (a cell's paragraphs joined by line
 * breaks, a cell spanning N grid columns followed by N-1 empty ones, a
 * vertically merged continuation left empty as Word's own text export leaves
 * it), and a paragraph outside the tables is a row of its own, split at TABs
 * like a pasted line («Начальник управления ⇥ О.В. Кузнецова»).  There are no
 * lines in a .docx: a row's «line» is its place in the document (paragraphs
 * and table rows counted from 1), which is what messages then point at. */
#include "import_int.h"
#include "arena.h"
#include "csvread.h"
#include "util.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

/* Tables nest (a table inside a cell); only the outermost makes rows, the
 * inner ones are text of their cell.  Deeper than this is not a document. */
enum { DOCX_MAX_DEPTH = 64 };

typedef struct docx_state {
	arena *a;
	irows *rs;
	int block;       /* paragraphs and table rows so far: the «line» of a row */
	int tbl;         /* table nesting depth (0: body text) */
	int skip;        /* inside deleted text or a field code */
	bool in_t;       /* inside w:t: the only element whose text is the document's */
	buf para;        /* the paragraph being read */
	buf cell;        /* the outer table's cell being read */
	bool cell_has;   /* the cell has a paragraph already (the next one starts a line) */
	int span;        /* grid columns of the cell (w:gridSpan) */
	icell *cells;    /* the outer table's row being read */
	size_t ncells, cap;
	int row_line;
	docx_numbering *nb; /* the lists of numbering.xml */
	int num_id, ilvl;   /* the paragraph's list (w:numPr), 0: none */
	char *style;        /* the paragraph's style (w:pStyle), or NULL */
	bool direct;        /* its w:numPr is its own (a style's list does not apply) */
} docx_state;

static void add_cell(docx_state *s, const char *text, size_t len)
{
	xgrow((void **)&s->cells, &s->cap, s->ncells + 1, sizeof(icell));
	s->cells[s->ncells] = (icell){imp_clean_cell(s->a, text, len), s->row_line, (int)s->ncells + 1};
	s->ncells++;
}

/* The row being read, as a row of rs (unless it is all empty). */
static void end_row(docx_state *s)
{
	imp_rows_add(s->a, s->rs, s->cells, s->ncells, s->row_line);
	s->ncells = 0;
}

/* A paragraph outside the tables: a row, its cells split at TABs. */
static void body_paragraph(docx_state *s)
{
	s->block++;
	s->row_line = s->block;
	s->ncells = 0;
	const char *p = buf_cstr(&s->para);
	for (;;) {
		const char *tab = strchr(p, '\t');
		add_cell(s, p, tab ? (size_t)(tab - p) : strlen(p));
		if (!tab)
			break;
		p = tab + 1;
	}
	end_row(s);
}

static void end_paragraph(docx_state *s)
{
	/* A numbered list's label («1.2.») is not in the text: Word writes it. */
	buf label = BUF_INIT;
	if (!s->direct && s->style)
		docx_numbering_style(s->nb, s->style, &s->num_id, &s->ilvl);
	if (s->num_id && docx_numbering_next(s->nb, s->num_id, s->ilvl, &label)) {
		if (s->para.len && label.data[label.len - 1] != ' ')
			buf_putc(&label, ' ');
		buf_put(&label, s->para.data ? s->para.data : "", s->para.len);
		buf_reset(&s->para);
		buf_put(&s->para, label.data, label.len);
	}
	buf_free(&label);
	s->num_id = s->ilvl = 0;
	s->direct = false;
	free(s->style);
	s->style = NULL;
	if (s->tbl == 0) {
		body_paragraph(s);
	} else {
		/* In a cell (of the outer table or of one inside it): a line of it. */
		if (s->cell_has)
			buf_putc(&s->cell, '\n');
		buf_put(&s->cell, s->para.data ? s->para.data : "", s->para.len);
		s->cell_has = true;
	}
	buf_reset(&s->para);
}

static void end_cell(docx_state *s)
{
	add_cell(s, buf_cstr(&s->cell), s->cell.len);
	for (int i = 1; i < s->span && i < IMPORT_MAX_COLS; i++)
		add_cell(s, "", 0);
	buf_reset(&s->cell);
	s->cell_has = false;
	s->span = 1;
}

/* The w:val attribute as a number, or dflt. */
static int val_attr(xmlTextReaderPtr r, int dflt)
{
	return imp_xml_int(r, "w:val", dflt);
}

/* One element start (or an empty element). */
static void element(docx_state *s, xmlTextReaderPtr r, const xmlChar *name)
{
	bool empty = xmlTextReaderIsEmptyElement(r);
	if (imp_xml_is(name, "w:del") || imp_xml_is(name, "w:instrText") || imp_xml_is(name, "w:delText")) {
		if (!empty)
			s->skip++;
	} else if (s->skip) {
		return;
	} else if (imp_xml_is(name, "w:tbl")) {
		if (s->tbl < DOCX_MAX_DEPTH)
			s->tbl++;
	} else if (imp_xml_is(name, "w:tr") && s->tbl == 1) {
		s->block++;
		s->row_line = s->block;
		s->ncells = 0;
	} else if (imp_xml_is(name, "w:gridBefore") && s->tbl == 1) {
		for (int i = val_attr(r, 0); i > 0 && s->ncells < IMPORT_MAX_COLS; i--)
			add_cell(s, "", 0);
	} else if (imp_xml_is(name, "w:tc") && s->tbl == 1) {
		buf_reset(&s->cell);
		s->cell_has = false;
		s->span = 1;
	} else if (imp_xml_is(name, "w:gridSpan") && s->tbl == 1) {
		s->span = val_attr(r, 1);
	} else if (imp_xml_is(name, "w:p")) {
		s->num_id = s->ilvl = 0;
		s->direct = false;
	} else if (imp_xml_is(name, "w:pStyle")) {
		free(s->style);
		s->style = imp_xml_attr(r, "w:val");
	} else if (imp_xml_is(name, "w:numId")) {
		s->num_id = val_attr(r, 0);
		s->direct = true;
	} else if (imp_xml_is(name, "w:ilvl")) {
		s->ilvl = val_attr(r, 0);
	} else if (imp_xml_is(name, "w:t")) {
		s->in_t = !empty;
	} else if (imp_xml_is(name, "w:tab") || imp_xml_is(name, "w:ptab")) {
		/* In a paragraph a TAB; in a table's cell it separates words only. */
		buf_putc(&s->para, s->tbl ? ' ' : '\t');
	} else if (imp_xml_is(name, "w:br") || imp_xml_is(name, "w:cr")) {
		buf_putc(&s->para, '\n');
	} else if (imp_xml_is(name, "w:noBreakHyphen")) {
		buf_putc(&s->para, '-');
	}
	if (empty && imp_xml_is(name, "w:p"))
		end_paragraph(s);
}

static void element_end(docx_state *s, const xmlChar *name)
{
	if (imp_xml_is(name, "w:del") || imp_xml_is(name, "w:instrText") || imp_xml_is(name, "w:delText")) {
		if (s->skip)
			s->skip--;
	} else if (s->skip) {
		return;
	} else if (imp_xml_is(name, "w:t")) {
		s->in_t = false;
	} else if (imp_xml_is(name, "w:p")) {
		end_paragraph(s);
	} else if (imp_xml_is(name, "w:tc") && s->tbl == 1) {
		end_cell(s);
	} else if (imp_xml_is(name, "w:tr") && s->tbl == 1) {
		end_row(s);
	} else if (imp_xml_is(name, "w:tbl")) {
		if (s->tbl > 0)
			s->tbl--;
	}
}

int imp_rows_from_docx(arena *a, const char *data, size_t len, irows *rs, const char *file, diag_list *dl)
{
	struct zip *za = imp_zip_open(data, len);
	size_t n = 0, nn = 0;
	char *xml = za ? imp_zip_member(za, "word/document.xml", &n) : NULL;
	char *numbering = xml ? imp_zip_member(za, "word/numbering.xml", &nn) : NULL;
	size_t ns = 0;
	char *styles = xml ? imp_zip_member(za, "word/styles.xml", &ns) : NULL;
	imp_zip_close(za);
	if (!xml)
		return 0; /* no .docx (an .xlsx, an .odt: other rooms or the decoder say what it is) */
	docx_numbering *nb = docx_numbering_read(numbering, nn);
	docx_numbering_styles(nb, styles, ns);
	free(numbering);
	free(styles);
	xmlTextReaderPtr r = imp_xml_reader(xml, n);
	if (!r) {
		free(xml);
		docx_numbering_free(nb);
		diag_add(dl, DIAG_ERROR, file, 0, 0, "документ Word повреждён: не удалось прочитать его текст");
		return -1;
	}
	docx_state s = {.a = a, .rs = rs, .span = 1, .nb = nb};
	int rc;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const xmlChar *name = xmlTextReaderConstName(r);
		if (type == XML_READER_TYPE_ELEMENT) {
			element(&s, r, name);
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			element_end(&s, name);
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && s.in_t && !s.skip) {
			const xmlChar *v = xmlTextReaderConstValue(r);
			if (v)
				buf_puts(&s.para, (const char *)v);
		}
		if (rs->n > CSV_MAX_ROWS)
			break;
	}
	xmlFreeTextReader(r);
	free(xml);
	buf_free(&s.para);
	buf_free(&s.cell);
	free(s.cells);
	free(s.style);
	docx_numbering_free(nb);
	if (rc < 0) {
		diag_add(dl, DIAG_ERROR, file, 0, 0, "документ Word повреждён: его текст (word/document.xml) не читается");
		return -1;
	}
	return 1;
}
