#!/usr/bin/env python3
"""Writes the two wide schedule templates the way Excel saves them as CSV
(every row padded to the sheet's width, cells with the delimiter quoted):
  shape-a-classes-by-dates.csv  one sheet, class rows × date columns, «CSV
                                (разделители — точка с запятой)», Windows-1251;
  shape-b-month-sheets.csv      month sheets (March, April) one after another,
                                a title line per month, day-number columns with
                                a weekday row; UTF-8 with BOM and a sep=, line.
Run from this folder: python3 make_templates.py"""
import calendar


def excel_csv(rows, sep):
    width = max(len(r) for r in rows)
    q = lambda c: '"%s"' % c.replace('"', '""') if (sep in c or "\n" in c or '"' in c) else c
    return "\r\n".join(sep.join(q(c) for c in r + [""] * (width - len(r))) for r in rows) + "\r\n"


rows = [
    ["График оценочных процедур МОУ СШ № 2 на 2021-2022 учебный год (II полугодие)"],
    ["Утверждён приказом от 10.01.2022 № 5"],
    [],
    ["Класс", "15.03.2022", "17.03.2022", "22.03", "05.04.2022", "12.04.2022", "19.04.2022", "17.05.2022", "Примечание"],
    ["4а", "Рус. яз. (ВПР)", "", "Математика (ВПР)", "Окр. мир (ВПР)", "", "", "", ""],
    ["4б", "Рус. яз. (ВПР)", "", "Математика (ВПР)", "Окр. мир (ВПР)", "", "", "", ""],
    ["5 А", "", "ВПР по математике", "", "", "ВПР по русскому языку", "", "Математика — КР", ""],
    ["5 Б", "", "", "ВПР по математике", "", "", "ВПР по русскому языку", "", "пишут вместе с 5А"],
    ["9а", "", "РДР: математика", "", "Итоговая контрольная работа (физика)", "", "", "", ""],
    ["9б", "", "", "", "История, КР", "", "Диктант (рус. яз.)\nТест (англ. яз.)", "", ""],
]
open("shape-a-classes-by-dates.csv", "wb").write(excel_csv(rows, ";").encode("cp1251"))


def month(title, y, m, cells):
    days = calendar.monthrange(y, m)[1]
    wd = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
    out = [[title], ["Класс"] + [str(d) for d in range(1, days + 1)],
           [""] + [wd[calendar.weekday(y, m, d)] for d in range(1, days + 1)]]
    for cls, items in cells:
        row = [cls] + [""] * days
        for d, t in items:
            row[d] = t
        out.append(row)
    return out


rows = [["График оценочных процедур МОУ СШ № 2, 2021/2022 учебный год"], []]
rows += month("Март 2022", 2022, 3, [("6а", [(16, "ВПР: математика")]), ("6б", [(16, "ВПР: математика")]),
                                      ("7а", [(10, "Алгебра КР"), (29, "Геометрия КР")]), ("8а", [])])
rows += [[]]
rows += month("АПРЕЛЬ 2022 г.", 2022, 4, [("6а", [(7, "Русский язык - ВПР")]), ("6б", [(7, "Русский язык - ВПР")]),
                                          ("7а", [(19, "Физика (ПР)")]), ("8а", [(14, "Химия (КР)"), (26, "ВПР по биологии")])])
open("shape-b-month-sheets.csv", "wb").write(b"\xef\xbb\xbf" + ("sep=,\r\n" + excel_csv(rows, ",")).encode("utf-8"))
