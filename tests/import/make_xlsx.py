#!/usr/bin/env python3
"""Writes the Excel (.xlsx) fixture of tests/import/fixtures/ with its
.expect.json: a workbook written part by part with zipfile (the XML Excel
writes, so no spreadsheet library is needed), whose first sheet is a cover
with no table and whose second holds the plan: approval and title in column
A, the header on row 7, section rows merged across, shared strings (one with
two rich-text runs, one with a line break), an inline string, a deadline typed
as a date (a serial number with a date format), a number typed as a number.
The document is fictional; run once after changing the tables."""
import json
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

SECTIONS = [
    ("Организационные мероприятия", [
        ("Создание муниципальной рабочей группы по повышению качества образования", "август 2024 г.", "Управление образования", "Приказ"),
        ("Утверждение плана-графика мониторинговых исследований", "DATE:45565", "Управление образования", "План-график"),
        ("Совещание руководителей ОО по итогам ГИА-2024", "сентябрь 2024 г.", "Управление образования, руководители ОО", "Протокол"),
    ]),
    ("Методическое сопровождение", [
        ("Семинар «Критериальное оценивание»|для учителей начальных классов", "ноябрь 2024 г.", "МКУ «ИМЦ»", "Материалы семинара"),
        ("Работа муниципальных методических объединений", "по плану ММО", "Руководители ММО", "Протоколы"),
        ("Курсы повышения квалификации учителей математики", "в течение учебного года", "МКУ «ИМЦ»", "Удостоверения"),
        ("Методический десант в школы с низкими результатами", "1 раз в четверть", "МКУ «ИМЦ»", "Справки"),
    ]),
    ("Оценка качества", [
        ("Муниципальные диагностические работы по русскому языку в 6 классах", "декабрь 2024 г.", "Управление образования", "Аналитическая справка"),
        ("Пробный ОГЭ по математике", "февраль 2025 г.", "Управление образования, руководители ОО", "Протоколы"),
        ("Анализ результатов ВПР 2025 года", "май – июнь 2025 г.", "МКУ «ИМЦ»", "Аналитическая справка"),
    ]),
]


def col(i):
    return "ABCDEFGHIJ"[i]


def main():
    strings = []

    def s(text):
        strings.append(text)
        return len(strings) - 1

    rows = []  # (row number, [(col, xml of <c>)])

    def text_cell(r, c, text, style=0):
        if text.startswith("RICH:"):
            a, b = text[5:].split("|")
            strings.append(("rich", a, b))
            idx = len(strings) - 1
        else:
            idx = s(text)
        return '<c r="%s%d" t="s"%s><v>%d</v></c>' % (col(c), r, ' s="%d"' % style if style else "", idx)

    rows.append((1, [text_cell(1, 0, "Утверждена постановлением администрации Энского района от 15.08.2024 № 312")]))
    rows.append((3, [text_cell(3, 0, "RICH:Дорожная карта |по повышению качества общего образования в Энском районе на 2024-2025 учебный год")]))
    rows.append((7, [text_cell(7, i, h) for i, h in enumerate(["№ п/п", "Мероприятие", "Срок", "Ответственные", "Форма отчёта"])]))
    r = 8
    merges = []
    acts = []
    for s_i, (title, items) in enumerate(SECTIONS):
        cells = ['<c r="A%d"><v>%d</v></c>' % (r, s_i + 1), text_cell(r, 1, title)]
        merges.append("B%d:E%d" % (r, r))
        rows.append((r, cells))
        r += 1
        for a_i, (t, dl, resp, rep) in enumerate(items):
            number = "%d.%d" % (s_i + 1, a_i + 1)
            cells = [text_cell(r, 0, number), text_cell(r, 1, t.replace("|", "\n"))]
            if dl.startswith("DATE:"):
                cells.append('<c r="C%d" s="1"><v>%s</v></c>' % (r, dl[5:]))
                dl_text = "30.09.2024"
            else:
                cells.append('<c r="C%d" t="inlineStr"><is><t>%s</t></is></c>' % (r, escape(dl)))
                dl_text = dl
            cells += [text_cell(r, 3, resp), text_cell(r, 4, rep)]
            rows.append((r, cells))
            acts.append([s_i, number, t.replace("|", " "), dl_text, resp])
            r += 1

    def sheet_xml(rows, merges):
        x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s %s><sheetData>' % (NS, RNS)]
        for rn, cells in rows:
            x.append('<row r="%d">%s</row>' % (rn, "".join(cells)))
        x.append("</sheetData>")
        if merges:
            x.append('<mergeCells count="%d">%s</mergeCells>' % (len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
        x.append("</worksheet>")
        return "".join(x)

    cover = sheet_xml([(1, ['<c r="A1" t="inlineStr"><is><t>Титульный лист: материалы к заседанию коллегии</t></is></c>'])], [])
    plan = sheet_xml(rows, merges)
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="%d" uniqueCount="%d">' % (NS, len(strings), len(strings))]
    for t in strings:
        if isinstance(t, tuple):
            sst.append('<si><r><t xml:space="preserve">%s</t></r><r><rPr><b/></rPr><t>%s</t></r>'
                       '<rPh sb="0" eb="1"><t>ФОНЕТИКА</t></rPh></si>' % (escape(t[1]), escape(t[2])))
        else:
            sst.append("<si><t>%s</t></si>" % escape(t))
    sst.append("</sst>")
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s %s><sheets>'
                '<sheet name="Титул" sheetId="1" r:id="rId1"/><sheet name="План" sheetId="2" r:id="rId2"/>'
                "</sheets></workbook>" % (NS, RNS))
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
            "</Relationships>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet %s>'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
              "</styleSheet>" % NS)
    with zipfile.ZipFile(os.path.join(HERE, "excel-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml", "".join(sst)),
                           ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", cover),
                           ("xl/worksheets/sheet2.xml", plan)]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            z.writestr(info, data)
    exp = {"edition": "2024-2025", "sections": [[str(i + 1), t] for i, (t, _) in enumerate(SECTIONS)],
           "activities": acts,
           "yaml_contains": ['act: "Постановление"', 'number: "312"', 'date: "2024-08-15"',
                             'title: "Дорожная карта по повышению качества общего образования в Энском районе на '
                             '2024-2025 учебный год"', 'report: "Материалы семинара"'],
           "yaml_lacks": ["ФОНЕТИКА", "Титульный лист"]}
    with open(os.path.join(HERE, "excel-workbook.expect.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
