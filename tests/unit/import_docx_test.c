/* import_docx_test.c — the .docx room of `roadmap import` (import_docx.c):
 * document.xml made here, zipped with zipbuf, read back into rows. */
#include "t.h"
#include "arena.h"
#include "import_int.h"
#include "util.h"
#include "zipbuf.h"

#include <stdlib.h>
#include <string.h>

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define P(t) "<w:p><w:r><w:t>" t "</w:t></w:r></w:p>"
#define TC(t) "<w:tc>" P(t) "</w:tc>"
/* A paragraph of style st with text t. */
#define SP(st, t) "<w:p><w:pPr><w:pStyle w:val=\"" st "\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
/* A paragraph of list id at level lvl with text t. */
#define NP(id, lvl, t)                                                                                  \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" id "\"/></w:numPr></w:pPr>" \
	"<w:r><w:t>" t "</w:t></w:r></w:p>"

/* Lists: 1 «1.» / «1.1.»; 2 «а)»; 3 = list 1 restarted at 5; 4 bullets;
 * 5 upper Roman «I.» then «1.». */
static const char *const NUMBERING =
	"<w:numbering " W ">"
	"<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
	"<w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
	"<w:lvlText w:val=\"%1.%2.\"/></w:lvl></w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	"<w:numFmt w:val=\"russianLower\"/><w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
	"<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
	"<w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
	"<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\">"
	"<w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl></w:abstractNum>"
	"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
	"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
	"<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
	"<w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
	"<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num>"
	"<w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num>"
	"</w:numbering>";

/* Styles: «Num» numbers with list 2, «NumChild» inherits it, «Plain» none. */
static const char *const STYLES =
	"<w:styles " W "><w:style w:type=\"paragraph\" w:styleId=\"Num\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/>"
	"<w:numId w:val=\"2\"/></w:numPr></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"NumChild\"><w:basedOn w:val=\"Num\"/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Plain\"/></w:styles>";

/* Reads a .docx whose word/document.xml body is body (with NUMBERING and STYLES);
 * returns its rc. */
static int read_docx(arena *a, const char *body, irows *rs, diag_list *dl)
{
	char *xml = xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	                      "<w:document " W "><w:body>%s</w:body></w:document>", body);
	zip_member m[] = {{"[Content_Types].xml", "<Types/>", 8}, {"word/document.xml", xml, strlen(xml)},
	                  {"word/numbering.xml", NUMBERING, strlen(NUMBERING)}, {"word/styles.xml", STYLES, strlen(STYLES)}};
	buf z = BUF_INIT;
	T_CHECK(zip_build(m, 4, &z) == 0, "zip built");
	int rc = imp_rows_from_docx(a, z.data, z.len, rs, "plan.docx", dl);
	buf_free(&z);
	free(xml);
	return rc;
}

/* The rows as one string: cells joined by '|', rows by " / ". */
static char *rows_str(const irows *rs)
{
	buf b = BUF_INIT;
	for (size_t i = 0; i < rs->n; i++) {
		if (i)
			buf_puts(&b, " / ");
		buf_printf(&b, "%d:", rs->v[i].line);
		for (size_t k = 0; k < rs->v[i].n; k++)
			buf_printf(&b, "%s%s", k ? "|" : "", rs->v[i].c[k].text);
	}
	return buf_detach(&b);
}

static void test_rows(void)
{
	static const struct {
		const char *what, *body, *want;
	} cases[] = {
		{"paragraphs are rows; empty ones only count",
		 P("УТВЕРЖДЕНА") "<w:p/>" P("Дорожная карта"), "1:УТВЕРЖДЕНА / 3:Дорожная карта"},
		{"runs of a paragraph join; a TAB splits a paragraph into cells",
		 "<w:p><w:r><w:t xml:space=\"preserve\">Начальник </w:t></w:r><w:r><w:t>управления</w:t></w:r>"
		 "<w:r><w:tab/><w:t>И.П. Сидорова</w:t></w:r></w:p>",
		 "1:Начальник управления|И.П. Сидорова"},
		{"a table row is a row; a cell's paragraphs are its lines",
		 "<w:tbl><w:tr>" TC("№") TC("Мероприятия") "</w:tr><w:tr>" TC("1.")
		 "<w:tc>" P("Анализ ВПР") P("- по математике") "</w:tc></w:tr></w:tbl>",
		 "1:№|Мероприятия / 2:1.|Анализ ВПР\n- по математике"},
		{"a cell spanning columns is followed by empty ones",
		 "<w:tbl><w:tr>" TC("1.") "<w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr>" P("Раздел") "</w:tc></w:tr>"
		 "</w:tbl>",
		 "1:1.|Раздел||"},
		{"a vertically merged continuation stays empty",
		 "<w:tbl><w:tr>" TC("1.1") "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" P("ИМЦ") "</w:tc></w:tr>"
		 "<w:tr>" TC("1.2") "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
		 "1:1.1|ИМЦ / 2:1.2|"},
		{"cells skipped before a row (gridBefore) are empty",
		 "<w:tbl><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC("продолжение") "</w:tr></w:tbl>",
		 "1:|продолжение"},
		{"deleted text and field codes are not text; inserted text is",
		 "<w:p><w:r><w:t>срок </w:t></w:r><w:del><w:r><w:delText>май</w:delText></w:r></w:del>"
		 "<w:ins><w:r><w:t>июнь</w:t></w:r></w:ins><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>",
		 "1:срок июнь"},
		{"a table inside a cell is text of that cell",
		 "<w:tbl><w:tr><w:tc><w:tbl><w:tr>" TC("a") TC("b") "</w:tr></w:tbl><w:p/></w:tc>" TC("c") "</w:tr></w:tbl>",
		 "1:a\nb|c"},
		{"text of drawings is not the document's",
		 "<w:p><w:r><w:drawing><wp:inline xmlns:wp=\"x\"><wp:extent/><wp:docPr id=\"1\" name=\"x\"/>"
		 "<wp:positionH><wp:posOffset>914400</wp:posOffset></wp:positionH></wp:inline></w:drawing>"
		 "<w:t>Текст</w:t></w:r></w:p>",
		 "1:Текст"},
		{"automatic numbering: levels, a deeper level restarting, text after the label",
		 "<w:tbl>"
		 "<w:tr><w:tc>" NP("1", "0", "") "</w:tc>" TC("Раздел") "</w:tr>"
		 "<w:tr><w:tc>" NP("1", "1", "") "</w:tc>" TC("а") "</w:tr>"
		 "<w:tr><w:tc>" NP("1", "1", "") "</w:tc>" TC("б") "</w:tr>"
		 "<w:tr><w:tc>" NP("1", "0", "") "</w:tc>" TC("Раздел") "</w:tr>"
		 "<w:tr><w:tc>" NP("1", "1", "") "</w:tc>" TC("в") "</w:tr>"
		 "</w:tbl>" NP("1", "0", "Глава"),
		 "1:1.|Раздел / 2:1.1.|а / 3:1.2.|б / 4:2.|Раздел / 5:2.1.|в / 6:3. Глава"},
		{"Russian letters, a restarted instance, bullets as list items, Roman numerals",
		 NP("2", "0", "первый") NP("2", "0", "второй") NP("3", "0", "") NP("4", "0", "пункт")
		 NP("5", "0", "Раздел") NP("5", "1", "мероприятие") NP("5", "0", "Раздел") NP("0", "0", "без списка")
		 NP("9", "0", "неизвестный список"),
		 "1:а) первый / 2:б) второй / 3:5. / 4:- пункт / 5:I. Раздел / 6:1. мероприятие / 7:II. Раздел / "
		 "8:без списка / 9:неизвестный список"},
		{"a paragraph style numbers its paragraphs, also through basedOn; numId 0 switches it off",
		 SP("Num", "один") SP("NumChild", "два") SP("Plain", "без номера")
		 "<w:p><w:pPr><w:pStyle w:val=\"Num\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
		 "<w:r><w:t>отключено</w:t></w:r></w:p>",
		 "1:а) один / 2:б) два / 3:без номера / 4:отключено"},
		{"soft line breaks and non-breaking hyphens",
		 "<w:p><w:r><w:t>1</w:t><w:noBreakHyphen/><w:t>2 раза</w:t><w:br/><w:t>в год</w:t></w:r></w:p>",
		 "1:1-2 раза\nв год"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		arena *a = arena_new();
		irows rs = {0};
		diag_list dl = DIAG_LIST_INIT;
		int rc = read_docx(a, cases[i].body, &rs, &dl);
		char *got = rows_str(&rs);
		T_CHECK(rc == 1, "%s: rc %d", cases[i].what, rc);
		T_STREQ(got, cases[i].want, cases[i].what);
		free(got);
		free(rs.v);
		diag_list_free(&dl);
		arena_free(a);
	}
}

static void test_not_docx(void)
{
	arena *a = arena_new();
	irows rs = {0};
	diag_list dl = DIAG_LIST_INIT;
	T_CHECK(imp_rows_from_docx(a, "№;Мероприятия\n", 14, &rs, "t.csv", &dl) == 0 && !rs.n, "text: not a .docx");
	/* A ZIP without word/document.xml (an .xlsx): not a .docx either; the
	 * decoder names it. */
	zip_member m[] = {{"xl/workbook.xml", "<workbook/>", 11}};
	buf z = BUF_INIT;
	zip_build(m, 1, &z);
	T_CHECK(imp_rows_from_docx(a, z.data, z.len, &rs, "t.xlsx", &dl) == 0 && !rs.n, "an .xlsx is no .docx");
	buf_free(&z);
	/* A damaged document.xml: an error, not rows. */
	zip_member bad[] = {{"word/document.xml", "<w:document><w:body><w:p>", 25}};
	zip_build(bad, 1, &z);
	T_CHECK(imp_rows_from_docx(a, z.data, z.len, &rs, "bad.docx", &dl) == -1, "damaged XML: -1");
	T_CHECK(dl.n == 1 && strstr(dl.items[0].msg, "повреждён"), "damaged XML: one error in Russian");
	buf_free(&z);
	free(rs.v);
	diag_list_free(&dl);
	arena_free(a);
}

int main(void)
{
	test_rows();
	test_not_docx();
	return t_done("import_docx");
}
