#include "docx.h"

#include "zipbuf.h"

#include <string.h>

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static const char CONTENT_TYPES[] =
	XML_HEAD
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"</Types>";

static const char PACKAGE_RELS[] =
	XML_HEAD
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"</Relationships>";

static const char DOCUMENT_RELS[] =
	XML_HEAD
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
	"Target=\"styles.xml\"/>"
	"</Relationships>";

/* Official papers: Times New Roman; 12 pt text, 10 pt in tables (set by the
 * template's run properties). */
static const char STYLES[] =
	XML_HEAD
	"<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" "
	"w:eastAsia=\"Times New Roman\"/>"
	"<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"ru-RU\"/>"
	"</w:rPr></w:rPrDefault>"
	"<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
	"</w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	"<w:tblPr><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"
	"</w:styles>";

int docx_build(const char *xml, size_t len, buf *out)
{
	/* XML 1.0 forbids the C0 controls but TAB, LF and CR, and Word refuses a
	 * file holding one (a title pasted from a terminal, a CSV cell).  The
	 * template has none, so dropping them from the rendered part only drops
	 * content characters nobody can see. */
	buf clean = BUF_INIT;
	buf_grow(&clean, len + 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)xml[i];
		if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r')
			clean.data[clean.len++] = (char)ch;
	}
	xml = clean.data;
	len = clean.len;
	const zip_member m[] = {
		{"[Content_Types].xml", CONTENT_TYPES, sizeof CONTENT_TYPES - 1},
		{"_rels/.rels", PACKAGE_RELS, sizeof PACKAGE_RELS - 1},
		{"word/document.xml", xml, len},
		{"word/_rels/document.xml.rels", DOCUMENT_RELS, sizeof DOCUMENT_RELS - 1},
		{"word/styles.xml", STYLES, sizeof STYLES - 1},
	};
	int rc = zip_build(m, sizeof m / sizeof m[0], out);
	buf_free(&clean);
	return rc;
}
