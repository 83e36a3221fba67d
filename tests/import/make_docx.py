#!/usr/bin/env python3
"""Writes the Word (.docx) fixtures of tests/import/fixtures/ with python-docx,
with their .expect.json: a municipal roadmap (approval block, a two-paragraph
title, a goal, section rows merged across the table, a responsible cell merged
down three rows, a cell of two paragraphs, the signature with a TAB below) and
a school programme (a passport table before the chapters, then the activity
table with an «Индикатор» column) and a school plan whose «№» column is
numbered by Word (a list style: no number is text in the file).  The documents are fictional; run once after
changing the tables (python-docx writes a new timestamp each time)."""
import json
import os

import docx

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")

ROADMAP = [
    ("1", "Аналитическая деятельность", [
        ("Анализ результатов ГИА-2023 в разрезе общеобразовательных организаций", "сентябрь 2023 г.", "Управление образования", "Аналитическая справка"),
        ("Выявление общеобразовательных организаций с низкими образовательными результатами", "до 1 октября 2023 г.", None, "Перечень ОО"),
        ("Мониторинг выполнения планов повышения качества образования", "ежеквартально", None, "Сводный отчёт"),
        ("Анализ результатов Всероссийских проверочных работ|- по русскому языку|- по математике", "октябрь – ноябрь 2023 г.", "МКУ «ИМЦ»", "Аналитическая справка"),
    ]),
    ("2", "Работа с педагогическими кадрами", [
        ("Курсы повышения квалификации учителей математики и русского языка", "в течение учебного года", "МКУ «ИМЦ»", "Удостоверения"),
        ("Стажировки учителей на базе школ с высокими результатами", "ноябрь 2023 г., март 2024 г.", "МКУ «ИМЦ», руководители ОО", "Программы стажировок"),
        ("Семинар для заместителей директоров «Объективность оценивания»", "декабрь 2023 г.", "Управление образования", "Материалы семинара"),
        ("Работа муниципальных методических объединений учителей-предметников", "по плану ММО", "Руководители ММО", "Протоколы заседаний"),
        ("Наставничество для молодых педагогов", "в течение учебного года", "Руководители ОО", "Планы наставничества"),
    ]),
    ("3", "Работа с обучающимися и родителями", [
        ("Муниципальные диагностические работы по математике в 7 и 9 классах", "декабрь 2023 г.", "Управление образования", "Протоколы"),
        ("Пробный экзамен в форме ОГЭ по русскому языку", "февраль 2024 г.", "Управление образования, руководители ОО", "Приказ, справка"),
        ("Индивидуальные консультации для обучающихся группы риска", "по графику ОО", "Руководители ОО", "Графики консультаций"),
        ("Родительские собрания по вопросам подготовки к ГИА", "октябрь 2023 г., март 2024 г.", "Руководители ОО", "Протоколы собраний"),
        ("Информирование родителей о результатах оценочных процедур", "в течение 10 дней после процедуры", "Руководители ОО", "Информация на сайтах ОО"),
        ("Летняя профильная смена для мотивированных обучающихся", "июнь 2024 г.", "Управление образования", "Программа смены"),
    ]),
]


def cell_text(cell, text):
    """Paragraphs of a cell from «a|b|c»."""
    parts = text.split("|")
    cell.text = parts[0]
    for p in parts[1:]:
        cell.add_paragraph(p)


def roadmap():
    d = docx.Document()
    for t in ["УТВЕРЖДЕНА", "приказом управления образования", "администрации Энского района",
              "от 28.08.2023 № 214"]:
        d.add_paragraph(t)
    d.add_paragraph("")
    d.add_paragraph("Дорожная карта")
    d.add_paragraph("по повышению качества образования в общеобразовательных организациях Энского района "
                    "на 2023-2024 учебный год")
    d.add_paragraph("Цель: повышение качества подготовки обучающихся.")
    tbl = d.add_table(rows=1, cols=5)
    tbl.style = "Table Grid"
    for i, h in enumerate(["№ п/п", "Мероприятия", "Сроки", "Ответственные", "Результат"]):
        tbl.rows[0].cells[i].text = h
    acts = []
    for s_i, (num, title, rows) in enumerate(ROADMAP):
        cells = tbl.add_row().cells
        cells[0].text = num + "."
        cells[1].merge(cells[4]).text = title
        top = None
        for a_i, (t, dl, resp, res) in enumerate(rows):
            cells = tbl.add_row().cells
            number = "%s.%d." % (num, a_i + 1)
            cells[0].text = number
            cell_text(cells[1], t)
            cells[2].text = dl
            cells[4].text = res
            if resp is None:  # merged with the cell above: Word keeps the text in the first one
                top = top.merge(cells[3])
                resp = acts[-1][4]
            else:
                cells[3].text = resp
                top = cells[3]
            acts.append([s_i, number, t.replace("|", " "), dl, resp])
    d.add_paragraph("")
    d.add_paragraph("Начальник управления образования\tИ.П. Сидорова")
    d.save(os.path.join(HERE, "word-roadmap.docx"))
    exp = {"edition": "2023-2024", "sections": [[n, t] for n, t, _ in ROADMAP], "activities": acts,
           "yaml_contains": ['signer: "И.П. Сидорова"', 'number: "214"', 'date: "2023-08-28"',
                             'goal: "повышение качества подготовки обучающихся."',
                             'title: "Дорожная карта по повышению качества образования в общеобразовательных '
                             'организациях Энского района на 2023-2024 учебный год"',
                             'result: "Программы стажировок"']}
    with open(os.path.join(HERE, "word-roadmap.expect.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")


PROGRAMME = [
    ("Повышение предметных результатов", [
        ("Входная диагностика по русскому языку и математике в 5–9 классах", "сентябрь 2024 г.", "Заместитель директора по УВР", "Доля обучающихся, выполнивших работу, %"),
        ("Дополнительные занятия для обучающихся с трудностями в обучении", "в течение учебного года", "Учителя-предметники", "Доля обучающихся с отметкой «2», %"),
        ("Школьная олимпиада по предметам", "октябрь 2024 г.", "Руководители ШМО", "Число участников"),
        ("Пробные экзамены в 9 и 11 классах", "декабрь 2024 г., март 2025 г.", "Заместитель директора по УВР", "Средний балл"),
    ]),
    ("Развитие кадрового потенциала", [
        ("Курсы повышения квалификации по формирующему оцениванию", "по графику ИРО", "Директор", "Доля педагогов, прошедших курсы, %"),
        ("Открытые уроки учителей начальных классов", "ноябрь 2024 г.", "Руководитель ШМО начальных классов", "Число открытых уроков"),
        ("Участие педагогов в профессиональных конкурсах", "в течение учебного года", "Заместитель директора по УВР", "Число участников"),
        ("Наставничество для молодых учителей", "в течение учебного года", "Директор", "Число пар «наставник — наставляемый»"),
    ]),
    ("Работа с родителями", [
        ("Общешкольное родительское собрание «Объективность оценивания»", "сентябрь 2024 г.", "Директор", "Протокол собрания"),
        ("Консультации для родителей выпускников", "ежемесячно", "Классные руководители 9, 11 классов", "Число консультаций"),
        ("Анкетирование родителей об удовлетворённости качеством образования", "апрель 2025 г.", "Педагог-психолог", "Доля удовлетворённых родителей, %"),
        ("Публикация отчёта о реализации программы на сайте школы", "июнь 2025 г.", "Директор", "Отчёт на сайте"),
    ]),
]


def programme():
    d = docx.Document()
    d.add_paragraph("Программа повышения качества образования")
    d.add_paragraph("МБОУ «Средняя школа № 4» на 2024-2025 учебный год")
    d.add_paragraph("1. Паспорт программы")
    pas = d.add_table(rows=0, cols=2)
    pas.style = "Table Grid"
    for k, v in [("Наименование программы", "Программа повышения качества образования"),
                 ("Основание для разработки", "Приказ управления образования от 20.08.2024 № 180"),
                 ("Сроки реализации", "2024-2025 учебный год"),
                 ("Исполнители", "Педагогический коллектив школы")]:
        c = pas.add_row().cells
        c[0].text, c[1].text = k, v
    d.add_paragraph("2. Обоснование")
    d.add_paragraph("По результатам ВПР 2024 года доля обучающихся, получивших отметку «2» по математике, "
                    "превысила среднее значение по округу.")
    d.add_paragraph("3. План мероприятий")
    tbl = d.add_table(rows=1, cols=5)
    tbl.style = "Table Grid"
    for i, h in enumerate(["№", "Мероприятие", "Срок исполнения", "Исполнитель", "Индикатор"]):
        tbl.rows[0].cells[i].text = h
    acts = []
    for s_i, (title, rows) in enumerate(PROGRAMME):
        cells = tbl.add_row().cells
        cells[0].merge(cells[4]).text = "Раздел %d. %s" % (s_i + 1, title)
        for a_i, (t, dl, resp, ind) in enumerate(rows):
            cells = tbl.add_row().cells
            number = "%d.%d" % (s_i + 1, a_i + 1)
            for i, v in enumerate([number, t, dl, resp, ind]):
                cells[i].text = v
            acts.append([s_i, number, t, dl, resp])
    d.save(os.path.join(HERE, "word-programme.docx"))
    exp = {"edition": "2024-2025", "sections": [[str(i + 1), t] for i, (t, _) in enumerate(PROGRAMME)],
           "activities": acts,
           "yaml_contains": ['kind: "программа"', 'indicator: "Средний балл"', "chapters:",
                             "Основание для разработки", "place: \"before\""]}
    with open(os.path.join(HERE, "word-programme.expect.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")


AUTONUM = [
    ("Организационная работа", [
        ("Утверждение плана внутришкольного контроля", "до 1 сентября 2024 г.", "Директор"),
        ("Назначение ответственных за подготовку к ГИА", "сентябрь 2024 г.", "Директор"),
        ("Совещание при директоре по итогам ВПР", "октябрь 2024 г.", "Заместитель директора по УВР"),
    ]),
    ("Работа с обучающимися", [
        ("Входные контрольные работы в 5–9 классах", "сентябрь 2024 г.", "Учителя-предметники"),
        ("Консультации для обучающихся 9 и 11 классов", "еженедельно", "Учителя-предметники"),
        ("Пробные экзамены по обязательным предметам", "декабрь 2024 г., апрель 2025 г.", "Заместитель директора по УВР"),
        ("Школьный этап всероссийской олимпиады школьников", "сентябрь – октябрь 2024 г.", "Руководители ШМО"),
    ]),
    ("Работа с родителями", [
        ("Родительские собрания по вопросам ГИА", "ноябрь 2024 г., март 2025 г.", "Классные руководители"),
        ("Индивидуальные консультации для родителей", "по запросу", "Педагог-психолог"),
    ]),
]


def autonumber():
    """Numbers made by Word («List Number» style), not typed: the text of the
    «№» cells is empty in the file."""
    d = docx.Document()
    d.add_paragraph("УТВЕРЖДАЮ")
    d.add_paragraph("Директор МБОУ «СОШ № 7»\t____________ Е.А. Морозова")
    d.add_paragraph("")
    d.add_paragraph("План мероприятий по повышению качества образования МБОУ «СОШ № 7» на 2024-2025 учебный год")
    tbl = d.add_table(rows=1, cols=4)
    tbl.style = "Table Grid"
    for i, h in enumerate(["№", "Мероприятие", "Срок", "Ответственный"]):
        tbl.rows[0].cells[i].text = h
    acts, k = [], 0
    for s_i, (title, rows) in enumerate(AUTONUM):
        cells = tbl.add_row().cells
        cells[0].merge(cells[3]).text = title
        for t, dl, resp in rows:
            k += 1
            cells = tbl.add_row().cells
            cells[0].paragraphs[0].style = d.styles["List Number"]
            cells[1].text, cells[2].text, cells[3].text = t, dl, resp
            acts.append([s_i, "%d." % k, t, dl, resp])
    d.save(os.path.join(HERE, "word-autonumber.docx"))
    exp = {"edition": "2024-2025", "sections": [[None, t] for t, _ in AUTONUM], "activities": acts,
           "yaml_contains": ['signer: "Е.А. Морозова"']}
    with open(os.path.join(HERE, "word-autonumber.expect.json"), "w", encoding="utf-8") as f:
        json.dump(exp, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    roadmap()
    programme()
    autonumber()
