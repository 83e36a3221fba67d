/* import_xlsx_test.c — the .xlsx room of `roadmap import` (import_xlsx.c):
 * workbooks made here part by part, zipped with zipbuf, read back into rows. */
#include "t.h"
#include "arena.h"
#include "import_int.h"
#include "util.h"
#include "zipbuf.h"

#include <stdlib.h>
#include <string.h>

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""

static const char *const STYLES =
	"<styleSheet " NS "><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
	"<numFmt numFmtId=\"165\" formatCode=\"0.0&quot;d&quot;\"/></numFmts>"
	"<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
	"<xf numFmtId=\"2\"/></cellXfs></styleSheet>";

static const char *const SHARED =
	"<sst " NS "><si><t>№ п/п</t></si><si><t>Мероприятие</t></si><si><t>Срок</t></si>"
	"<si><r><t xml:space=\"preserve\">Анализ </t></r><r><rPr><b/></rPr><t>ВПР</t></r>"
	"<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si><si><t>две\nстроки</t></si><si/></sst>";

/* Reads a one-sheet workbook with sheetData body (and the parts above). */
static int read_book(arena *a, const char *body, irows *rs, diag_list *dl)
{
	char *sheet = xasprintf("<worksheet " NS "><sheetData>%s</sheetData></worksheet>", body);
	zip_member m[] = {
		{"xl/workbook.xml", "<workbook><sheets><sheet name=\"Лист1\" r:id=\"rId1\"/></sheets></workbook>", 0},
		{"xl/_rels/workbook.xml.rels",
		 "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>", 0},
		{"xl/sharedStrings.xml", SHARED, 0},
		{"xl/styles.xml", STYLES, 0},
		{"xl/worksheets/sheet1.xml", sheet, 0},
	};
	for (size_t i = 0; i < ARRAY_LEN(m); i++)
		m[i].len = strlen(m[i].data);
	buf z = BUF_INIT;
	zip_build(m, ARRAY_LEN(m), &z);
	int rc = imp_rows_from_xlsx(a, z.data, z.len, rs, "plan.xlsx", dl);
	buf_free(&z);
	free(sheet);
	return rc;
}

/* Rows as "line:col=text|col=text / …". */
static char *rows_str(const irows *rs)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < rs->n; i++) {
		buf_printf(&b, "%s%d:", i ? " / " : "", rs->v[i].line);
		for (size_t k = 0; k < rs->v[i].n; k++)
			buf_printf(&b, "%s%d=%s", k ? "|" : "", rs->v[i].c[k].col, rs->v[i].c[k].text);
	}
	return buf_detach(&b);
}

static void test_cells(void)
{
	static const struct {
		const char *what, *body, *want;
	} cases[] = {
		{"shared strings, rows and columns as Excel numbers them",
		 "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"B3\" t=\"s\"><v>1</v></c></row>",
		 "3:1=№ п/п|2=Мероприятие"},
		{"a rich-text string joins its runs, without the phonetic guide",
		 "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>", "1:1=Анализ ВПР"},
		{"a line break inside a cell stays", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row>",
		 "1:1=две\nстроки"},
		{"skipped columns are empty cells",
		 "<row r=\"5\"><c r=\"A5\"><v>2</v></c><c r=\"D5\" t=\"inlineStr\"><is><t>май</t></is></c></row>",
		 "5:1=2|2=|3=|4=май"},
		{"a date: built-in format 14 and a custom dd/mm/yyyy",
		 "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45565</v></c><c r=\"B2\" s=\"2\"><v>45292</v></c></row>",
		 "2:1=30.09.2024|2=01.01.2024"},
		{"numbers stay numbers: a quoted «d» is not a date format, nor is 0.00",
		 "<row r=\"2\"><c r=\"A2\" s=\"3\"><v>1.5</v></c><c r=\"B2\" s=\"4\"><v>12</v></c></row>",
		 "2:1=1.5|2=12"},
		{"a formula's cached text, a boolean, an empty shared string",
		 "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>A1</f><v>итого</v></c><c r=\"B4\" t=\"b\"><v>1</v></c>"
		 "<c r=\"C4\" t=\"s\"><v>5</v></c><c r=\"D4\" t=\"s\"><v>99</v></c></row>",
		 "4:1=итого|2=ИСТИНА|3=|4="},
		{"blank rows are dropped; rows without r count on",
		 "<row r=\"1\"/><row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>",
		 "2:1=a|2=b"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		arena *a = arena_new();
		irows rs = {0};
		diag_list dl = DIAG_LIST_INIT;
		int rc = read_book(a, cases[i].body, &rs, &dl);
		char *got = rows_str(&rs);
		T_CHECK(rc == 1, "%s: rc %d", cases[i].what, rc);
		T_STREQ(got, cases[i].want, cases[i].what);
		free(got);
		free(rs.v);
		diag_list_free(&dl);
		arena_free(a);
	}
}

static void test_not_xlsx(void)
{
	arena *a = arena_new();
	irows rs = {0};
	diag_list dl = DIAG_LIST_INIT;
	T_CHECK(imp_rows_from_xlsx(a, "a;b\n", 4, &rs, "t.csv", &dl) == 0 && !rs.n, "text: not an .xlsx");
	zip_member doc[] = {{"word/document.xml", "<w:document/>", 13}};
	buf z = BUF_INIT;
	zip_build(doc, 1, &z);
	T_CHECK(imp_rows_from_xlsx(a, z.data, z.len, &rs, "t.docx", &dl) == 0 && !rs.n, "a .docx is no .xlsx");
	buf_free(&z);
	zip_member bad[] = {{"xl/workbook.xml", "<workbook/>", 11}, {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>", 27}};
	zip_build(bad, 2, &z);
	T_CHECK(imp_rows_from_xlsx(a, z.data, z.len, &rs, "bad.xlsx", &dl) == -1, "a damaged sheet: -1");
	T_CHECK(dl.n == 1 && strstr(dl.items[0].msg, "повреждена"), "a damaged sheet: one error in Russian");
	buf_free(&z);
	free(rs.v);
	diag_list_free(&dl);
	arena_free(a);
}

int main(void)
{
	test_cells();
	test_not_xlsx();
	return t_done("import_xlsx");
}
