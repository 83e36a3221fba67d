/* import_docx_num.c — `roadmap import`: Word's automatic list numbering
 * (see import_int.h).
 *
 * In a .docx the «1.», «1.2.», «а)» of a numbered list — very often the
 * «№ п/п» column of a roadmap — are not text: a paragraph says only which
 * list and level it belongs to (w:numPr: w:numId, w:ilvl), and
 * word/numbering.xml says how each level counts (w:start, w:numFmt) and is
 * written (w:lvlText «%1.%2.»).  Word's own text export writes the labels out;
 * this room does the same, counting as Word counts (a paragraph style may
 * carry the list too, styles.xml, inherited through w:basedOn): a list's levels are
 * shared by the w:num instances of one w:abstractNum, a deeper level starts
 * again after a shallower one, and w:startOverride restarts an instance. */
#include "import_int.h"
#include "util.h"

#include <libxml/xmlreader.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEVELS = 9 };

typedef enum { NF_DECIMAL, NF_DECIMAL_ZERO, NF_LOWER_LETTER, NF_UPPER_LETTER, NF_LOWER_ROMAN, NF_UPPER_ROMAN,
	       NF_RU_LOWER, NF_RU_UPPER, NF_BULLET, NF_NONE } num_fmt;

typedef struct level {
	int start;
	num_fmt fmt;
	char *text;   /* w:lvlText, «%1.» */
} level;

typedef struct abstract_num {
	int id;
	level lv[LEVELS];
	int count[LEVELS]; /* the last number given at each level; 0: not yet */
} abstract_num;

typedef struct num {
	int id, abstract;
	int override[LEVELS]; /* w:startOverride, 0 when none */
	bool applied[LEVELS];
} num;

/* A paragraph style that numbers its paragraphs (w:numPr in styles.xml). */
typedef struct num_style {
	char *id, *based_on;
	int num_id, ilvl; /* num_id -1: not set in this style (look at based_on) */
} num_style;

struct docx_numbering {
	abstract_num *abs;
	size_t nabs, capabs;
	num *nums;
	size_t nnums, capnums;
	num_style *styles;
	size_t nstyles, capstyles;
};

static num_fmt fmt_of(const char *v)
{
	static const struct {
		const char *name;
		num_fmt f;
	} names[] = {{"decimal", NF_DECIMAL},           {"decimalZero", NF_DECIMAL_ZERO}, {"lowerLetter", NF_LOWER_LETTER},
	             {"upperLetter", NF_UPPER_LETTER},  {"lowerRoman", NF_LOWER_ROMAN},   {"upperRoman", NF_UPPER_ROMAN},
	             {"russianLower", NF_RU_LOWER},     {"russianUpper", NF_RU_UPPER},    {"bullet", NF_BULLET},
	             {"none", NF_NONE}};
	for (size_t i = 0; v && i < ARRAY_LEN(names); i++)
		if (!strcmp(v, names[i].name))
			return names[i].f;
	return NF_DECIMAL;
}

docx_numbering *docx_numbering_read(const char *xml, size_t n)
{
	docx_numbering *nb = xcalloc(1, sizeof *nb);
	xmlTextReaderPtr r = imp_xml_reader(xml, n);
	abstract_num *a = NULL;
	num *nm = NULL;
	int lvl = -1;
	while (r && xmlTextReaderRead(r) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const xmlChar *name = xmlTextReaderConstName(r);
		if (imp_xml_is(name, "w:abstractNum")) {
			xgrow((void **)&nb->abs, &nb->capabs, nb->nabs + 1, sizeof(abstract_num));
			a = &nb->abs[nb->nabs++];
			memset(a, 0, sizeof *a);
			a->id = imp_xml_int(r, "w:abstractNumId", -1);
			for (int k = 0; k < LEVELS; k++)
				a->lv[k].start = 1;
			nm = NULL;
		} else if (imp_xml_is(name, "w:num")) {
			xgrow((void **)&nb->nums, &nb->capnums, nb->nnums + 1, sizeof(num));
			nm = &nb->nums[nb->nnums++];
			memset(nm, 0, sizeof *nm);
			nm->id = imp_xml_int(r, "w:numId", -1);
			nm->abstract = -1;
			a = NULL;
		} else if (imp_xml_is(name, "w:lvl") || imp_xml_is(name, "w:lvlOverride")) {
			lvl = imp_xml_int(r, "w:ilvl", -1);
			if (lvl >= LEVELS)
				lvl = -1;
		} else if (a && lvl >= 0 && imp_xml_is(name, "w:start")) {
			a->lv[lvl].start = imp_xml_int(r, "w:val", 1);
		} else if (a && lvl >= 0 && imp_xml_is(name, "w:numFmt")) {
			char *v = imp_xml_attr(r, "w:val");
			a->lv[lvl].fmt = fmt_of(v);
			free(v);
		} else if (a && lvl >= 0 && imp_xml_is(name, "w:lvlText")) {
			free(a->lv[lvl].text);
			a->lv[lvl].text = imp_xml_attr(r, "w:val");
		} else if (nm && imp_xml_is(name, "w:abstractNumId")) {
			nm->abstract = imp_xml_int(r, "w:val", -1);
		} else if (nm && lvl >= 0 && imp_xml_is(name, "w:startOverride")) {
			nm->override[lvl] = imp_xml_int(r, "w:val", 1);
		}
	}
	if (r)
		xmlFreeTextReader(r);
	return nb;
}

void docx_numbering_styles(docx_numbering *nb, const char *xml, size_t n)
{
	xmlTextReaderPtr r = imp_xml_reader(xml, n);
	num_style *st = NULL;
	while (r && xmlTextReaderRead(r) == 1) {
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
			continue;
		const xmlChar *name = xmlTextReaderConstName(r);
		if (imp_xml_is(name, "w:style")) {
			xgrow((void **)&nb->styles, &nb->capstyles, nb->nstyles + 1, sizeof(num_style));
			st = &nb->styles[nb->nstyles++];
			*st = (num_style){imp_xml_attr(r, "w:styleId"), NULL, -1, 0};
		} else if (st && imp_xml_is(name, "w:basedOn")) {
			free(st->based_on);
			st->based_on = imp_xml_attr(r, "w:val");
		} else if (st && imp_xml_is(name, "w:numId")) {
			st->num_id = imp_xml_int(r, "w:val", 0);
		} else if (st && imp_xml_is(name, "w:ilvl")) {
			st->ilvl = imp_xml_int(r, "w:val", 0);
		}
	}
	if (r)
		xmlFreeTextReader(r);
}

bool docx_numbering_style(const docx_numbering *nb, const char *style, int *num_id, int *ilvl)
{
	/* Follow w:basedOn a few steps: styles inherit their numbering. */
	for (int depth = 0; style && depth < 8; depth++) {
		const num_style *st = NULL;
		for (size_t i = 0; i < nb->nstyles && !st; i++)
			if (nb->styles[i].id && !strcmp(nb->styles[i].id, style))
				st = &nb->styles[i];
		if (!st)
			return false;
		if (st->num_id >= 0) {
			*num_id = st->num_id;
			*ilvl = st->ilvl;
			return st->num_id > 0;
		}
		style = st->based_on;
	}
	return false;
}

void docx_numbering_free(docx_numbering *nb)
{
	if (!nb)
		return;
	for (size_t i = 0; i < nb->nstyles; i++) {
		free(nb->styles[i].id);
		free(nb->styles[i].based_on);
	}
	free(nb->styles);
	for (size_t i = 0; i < nb->nabs; i++)
		for (int k = 0; k < LEVELS; k++)
			free(nb->abs[i].lv[k].text);
	free(nb->abs);
	free(nb->nums);
	free(nb);
}

/* n written in letters: a … z, aa … (Word's way: the letter repeated). */
static void letters(buf *out, int n, const char *const *alphabet, int size)
{
	if (n < 1)
		n = 1;
	int times = (n - 1) / size + 1;
	for (int i = 0; i < times; i++)
		buf_puts(out, alphabet[(n - 1) % size]);
}

static void roman(buf *out, int n, bool upper)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
	         {40, "xl"},   {10, "x"},    {9, "ix"},   {5, "v"},    {4, "iv"},   {1, "i"}};
	for (size_t i = 0; i < ARRAY_LEN(r) && n > 0; i++)
		while (n >= r[i].v && n < 4000) {
			for (const char *c = r[i].s; *c; c++)
				buf_putc(out, upper ? (char)(*c - 32) : *c);
			n -= r[i].v;
		}
}

static void format_number(buf *out, int n, num_fmt f)
{
	static const char *const latin_lower[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
	                                          "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};
	static const char *const latin_upper[] = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
	                                          "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};
	/* Word's Russian list letters: without ё, й, ъ, ы, ь. */
	static const char *const ru_lower[] = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о",
	                                       "п", "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я"};
	static const char *const ru_upper[] = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О",
	                                       "П", "Р", "С", "Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Щ", "Э", "Ю", "Я"};
	switch (f) {
	case NF_DECIMAL: buf_printf(out, "%d", n); break;
	case NF_DECIMAL_ZERO: buf_printf(out, "%02d", n); break;
	case NF_LOWER_LETTER: letters(out, n, latin_lower, 26); break;
	case NF_UPPER_LETTER: letters(out, n, latin_upper, 26); break;
	case NF_LOWER_ROMAN: roman(out, n, false); break;
	case NF_UPPER_ROMAN: roman(out, n, true); break;
	case NF_RU_LOWER: letters(out, n, ru_lower, 28); break;
	case NF_RU_UPPER: letters(out, n, ru_upper, 28); break;
	case NF_BULLET:
	case NF_NONE: break;
	}
}

bool docx_numbering_next(docx_numbering *nb, int num_id, int ilvl, buf *out)
{
	if (!nb || num_id <= 0 || ilvl < 0 || ilvl >= LEVELS)
		return false;
	num *nm = NULL;
	for (size_t i = 0; i < nb->nnums && !nm; i++)
		if (nb->nums[i].id == num_id)
			nm = &nb->nums[i];
	abstract_num *a = NULL;
	for (size_t i = 0; nm && i < nb->nabs && !a; i++)
		if (nb->abs[i].id == nm->abstract)
			a = &nb->abs[i];
	if (!a)
		return false;
	level *lv = &a->lv[ilvl];
	if (lv->fmt == NF_BULLET) {
		buf_puts(out, "- "); /* a list item, as the paste tools write it */
		return true;
	}
	if (nm->override[ilvl] && !nm->applied[ilvl]) {
		nm->applied[ilvl] = true;
		a->count[ilvl] = nm->override[ilvl];
	} else {
		a->count[ilvl] = a->count[ilvl] ? a->count[ilvl] + 1 : lv->start;
	}
	for (int k = ilvl + 1; k < LEVELS; k++)
		a->count[k] = 0;
	const char *t = lv->text ? lv->text : "%1.";
	size_t before = out->len;
	for (; *t; t++) {
		if (*t == '%' && t[1] >= '1' && t[1] <= '9') {
			int k = t[1] - '1';
			format_number(out, a->count[k] ? a->count[k] : a->lv[k].start, a->lv[k].fmt);
			t++;
		} else {
			buf_putc(out, *t);
		}
	}
	if (out->len == before)
		return false;
	return true;
}
