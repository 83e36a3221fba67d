#!/usr/bin/env python3
"""The document model keeps what real documents say (issue 9 item 4, issue 10 item 6):
kind and the agreeing approval line, signer and scan, consideration stamps,
chapters, separate optional columns, schools defaults on the document and a
section, amendments with the former wording; site.yaml groups; `check`
warnings for empty sections and untitled activities; errors at positions."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *
import csv
import io
import shutil

GROUPS = """groups:
  low-results: {title: ШНОР, public: false}
  rural: {title: Сельская школа, public: true}
"""

DOC = """title: Муниципальная программа развития образования тестового округа
short_title: Программа развития
approved:
  act: Приказ
  authority: Отдел образования тестового округа
  number: "218"
  date: 2021-08-27
  signer: И. И. Петров
  signer_title: начальник отдела образования
  url: https://example.org/prikaz-218.pdf
considered:
  - {body: Методический совет, protocol: "1", date: 2021-08-20}
  - {stamp: СОГЛАСОВАНО, signer: А. А. Иванова, signer_title: Председатель управляющего совета}
schools: all
amendments:
  - {act: Приказ, number: "112", date: 2022-01-20, url: "https://example.org/prikaz-112.pdf", note: Изменены сроки п. 1.2}
  - {number: "130", date: 2022-03-01}
chapters:
  - {title: Паспорт программы, text: "Сроки реализации: **2021–2022** годы."}
  - {title: Механизм реализации, text: Программа исполняется отделом образования., place: after}
columns:
  indicator: Целевые индикаторы
sections:
  - title: Анализ результатов
    activities:
      - number: "1.1"
        title: Анализ результатов оценочных процедур
        task: Выявить причины низких результатов
        deadline: сентябрь
        responsible: Отдел образования
        result: Причины низких результатов выявлены
        indicator: Доля школ, проанализировавших результаты
      - number: "1.2"
        title: Совещание с руководителями ОУ № 7
        deadline: март
        responsible: Отдел образования
        amended_by: 1
        was: {deadline: декабрь, title: Совещание с руководителями}
  - title: Адресная помощь
    schools: [s-2]
    activities:
      - number: "2.1"
        title: Методический десант
        deadline: октябрь
        responsible: Отдел образования
      - number: "2.2"
        title: Консультации для учителей
        deadline: ноябрь
        responsible: Отдел образования
        schools: [s-7]
"""


def make_site(doc=DOC, groups=GROUPS):
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), d)
    with open(os.path.join(d, "editions/2021-2022/plan.yaml"), "w", encoding="utf-8") as f:
        f.write(doc)
    with open(os.path.join(d, "site.yaml"), "a", encoding="utf-8") as f:
        f.write(groups)
    return d


def text(html):
    """Tags removed, entities and NBSP as plain characters, runs of spaces as one."""
    import html as h
    t = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", h.unescape(t).replace("\u00a0", " "))


def test_document_page():
    site = make_site()
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    check(rc == 0, "site with every new field builds: " + err)
    if rc:
        return
    page = read(os.path.join(out, "2021-2022/plan/index.html"))
    t = text(page)
    for want in ["Утверждена приказом отдела образования тестового округа от 27 августа 2021 г. № 218",
                 "начальник отдела образования И. И. Петров",
                 "Рассмотрена на заседании методического совета, протокол № 1 от 20 августа 2021 г.",
                 "СОГЛАСОВАНО: Председатель управляющего совета А. А. Иванова",
                 "в ред. приказов от 20 января 2022 г. № 112, от 1 марта 2022 г. № 130",
                 "Приказ от 20 января 2022 г. № 112 : Изменены сроки п. 1.2", "Приказ от 1 марта 2022 г. № 130",
                 "Изменено приказом от 20 января 2022 г. № 112",
                 "Прежняя редакция: Мероприятие: Совещание с руководителями Сроки: декабрь",
                 "Касается школ: все школы", "Касается школ: СШ № 2", "Школы: СШ № 7"]:
        check(want in t, "document page says «%s»" % want)
    check(t.count("в ред. приказ") == 1 and t.count("Изменено приказом") == 1,
          "the revision is said once, the amended activity once: %d, %d" % (t.count("в ред. приказ"), t.count("Изменено приказом")))
    check("Утверждён" not in t and "Утверждено" not in t, "a программа is «утверждена», never «утверждён»")
    check('href="https://example.org/prikaz-218.pdf"' in page and 'href="https://example.org/prikaz-112.pdf"' in page,
          "links to the scans of the approving and amending orders")
    # Chapters around the activity table, each with an anchor and a contents entry, in order.
    pos = [page.find(x) for x in ('id="ch-1"', 'id="activities"', 'id="s-1"', 'id="ch-2"')]
    check(-1 not in pos and pos == sorted(pos), "chapter before, activities, chapter after: %s" % pos)
    check(all('href="#%s"' % a in page for a in ("ch-1", "activities", "ch-2")), "contents link every chapter")
    check("<strong>2021–2022</strong>" in page, "chapter text is Markdown")
    # Separate columns, each only because some activity fills it; labels from columns: or defaults.
    head = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    cols = re.findall(r'<th scope="col">([^<]*)</th>', head)
    check(cols == ["№", "Мероприятие", "Задачи", "Сроки", "Ответственные", "Ожидаемый результат",
                   "Целевые индикаторы", "Статус"], "columns task/result/indicator, no empty report column: %s" % cols)
    check("Доля школ, проанализировавших результаты" in t, "the indicator column is shown")
    # The schools defaults reach school pages, calendars and open data.
    s1 = read(os.path.join(out, "2021-2022/schools/s-1/index.html"))
    s2 = read(os.path.join(out, "2021-2022/schools/s-2/index.html"))
    check("Анализ результатов оценочных процедур" in s1 and "Методический десант" not in s1,
          "document default all reaches s-1; the section's [s-2] does not")
    check("Методический десант" in s2 and "Консультации для учителей" not in s2,
          "section default [s-2] reaches s-2; the activity's own [s-7] wins")
    ics = read(os.path.join(out, "2021-2022/schools/s-2/calendar.ics"))
    check("Методический десант" in ics, "section default reaches the school calendar")
    rows = list(csv.DictReader(io.StringIO(read(os.path.join(out, "2021-2022/data/activities.csv")).lstrip("\ufeff"))))
    got = {r["number"]: r["schools"] for r in rows}
    check(got == {"1.1": "all", "1.2": "all", "2.1": "s-2", "2.2": "s-7"}, "open data has the effective schools: %s" % got)
    check("упомянуты школы" not in err, "no mention warning when the document sets schools: " + err)
    # Groups: the public one by its title, the private one never.
    for p in ("2021-2022/schools/s-7/index.html", "schools/index.html"):
        sp = text(read(os.path.join(out, p)))
        check("Сельская школа" in sp and "ШНОР" not in sp and "low-results" not in sp and "rural" not in sp,
              "%s shows the public group by title only" % p)


def test_kind_from_title():
    for title, want in (("План мероприятий («дорожная карта») округа", "Утверждён приказом"),
                        ("Дорожная карта по повышению качества", "Утверждена приказом"),
                        ("Комплекс мер по повышению качества", "Утверждён приказом"),
                        ("Муниципальная программа «Развитие образования»", "Утверждена приказом")):
        doc = DOC.replace("title: Муниципальная программа развития образования тестового округа", "title: " + title)
        site = make_site(doc)
        out = os.path.join(os.path.dirname(site), "out")
        rc, _, err = build(site, out)
        t = text(read(os.path.join(out, "2021-2022/plan/index.html"))) if rc == 0 else ""
        check(want in t, "«%s» → «%s»: %s" % (title, want, err))
    site = make_site(DOC.replace("short_title:", "kind: план\nshort_title:"))
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    t = text(read(os.path.join(out, "2021-2022/plan/index.html"))) if rc == 0 else ""
    check("Утверждён приказом" in t and "Рассмотрен на заседании" in t, "kind: план wins over the title: " + err)


def test_bad_values():
    doc = (DOC.replace("short_title:", "kind: дорожная карты\nshort_title:")
              .replace("url: https://example.org/prikaz-218.pdf", "url: javascript:alert(1)")
              .replace("{stamp: СОГЛАСОВАНО,", "{stamp: одобрено,")
              .replace("place: after}", "place: middle}")
              .replace("amended_by: 1", "amended_by: 5")
              .replace("{body: Методический совет,", "{boby: Методический совет,"))
    site = make_site(doc, GROUPS + "  bad_tag: {title: Плохая}\n  open: {public: true}\n")
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    want = ["plan.yaml:2:7: error: поле «kind»: допустимы «дорожная карта», «план», «программа», «комплекс мер»; "
            "может быть, «дорожная карта»?",
            "plan.yaml:11:8: error: поле «url»: ожидался адрес, начинающийся с https:// или http://",
            "plan.yaml:13:6: error: неизвестное поле «boby» в отметке о рассмотрении; может быть, «body»?",
            "plan.yaml:14:13: error: поле «stamp»: допустимы considered, agreed, approved или «рассмотрен», «согласовано», «утверждаю»",
            "plan.yaml:21:91: error: поле «place»: допустимы before, after",
            "plan.yaml:38:21: error: поле «amended_by»: указано изменение 5, а в списке «amendments» документа их 2",
            "site.yaml:11:3: error: группа «bad_tag»: имя группы — строчные латинские буквы",
            "site.yaml:12:9: error: группа «open» открыта (public: true), но у неё нет названия"]
    check(err.count(": error: ") == len(want), "one error per mistake: " + err)
    for w in want:
        check(any(line.startswith(w) or w in line for line in err.splitlines()), "error at its position: " + w)
    check(rc == 1 and not os.path.exists(out), "bad values: exit 1, nothing written")


def test_check_warnings():
    doc = DOC.replace("""  - title: Адресная помощь
    schools: [s-2]""", """  - title: Заголовок из текста документа
    activities: []
  - title: Адресная помощь
    schools: [s-2]""").replace("title: Консультации для учителей", "title: Мероприятие без названия")
    site = make_site(doc)
    rc, _, err = run("check", "-C", site, "--today", TODAY)
    check(rc == 0 and "plan.yaml:39:5: warning: в разделе 2 нет ни одного мероприятия" in err,
          "check warns about an empty section at its position: " + err)
    check("plan.yaml:49:16: warning: у мероприятия 2.2 нет названия" in err,
          "check warns about an untitled activity at its title: " + err)


def test_docs_examples():
    """Each example document of docs/content.md «Что документ говорит о себе» builds and shows what the guide says."""
    doc = read(os.path.join(ROOT, "docs", "content.md"))
    part = doc.split("### Что документ говорит о себе", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```yaml\n(.*?)^```", part, re.S | re.M)
    want = [["Утверждена приказом управления образования администрации Примерного района от 27 августа 2021 г. № 218",
             "Начальник управления образования И. И. Иванова", "Скан подписанного приказа"],
            ["Рассмотрен на заседании методического совета, протокол № 1 от 20 августа 2021 г.",
             "СОГЛАСОВАНО: Председатель управляющего совета А. А. Петрова",
             "УТВЕРЖДАЮ: Директор МОУ СШ № 1 В. В. Сидоров, 30 августа 2021 г."],
            ["Паспорт программы", "Ожидаемые результаты", "Содержание"],
            ["Задачи", "Ожидаемый результат", "Показатели", "Доля школ, проанализировавших результаты ВПР"],
            ["Касается школ: все школы", "Касается школ: СШ № 1"],
            ["в ред. приказа от 20 января 2022 г. № 112", "Изменено приказом от 20 января 2022 г. № 112",
             "Прежняя редакция: Сроки: декабрь"]]
    check(len(blocks) == len(want), "docs/content.md has %d example documents, the test knows %d" % (len(blocks), len(want)))
    for i, (y, phrases) in enumerate(zip(blocks, want)):
        site = make_site(y, "")
        with open(os.path.join(site, "schools.csv"), "w", encoding="utf-8") as f:
            f.write("id,name,short_name,groups\nsosh-1,МОУ «Средняя школа № 1»,СШ № 1,low-results\n"
                    "sosh-2,МОУ «Средняя школа № 2»,СШ № 2,\n")
        shutil.rmtree(os.path.join(site, "schools"))  # prose of the minimal site's schools
        out = os.path.join(os.path.dirname(site), "out")
        rc, _, err = build(site, out)
        t = text(read(os.path.join(out, "2021-2022/plan/index.html"))) if rc == 0 else ""
        for ph in phrases:
            check(ph in t, "docs example %d shows «%s»: %s" % (i + 1, ph, err[-300:]))
        if i == 3:
            check("Отчётная документация" not in t, "docs example 4: no empty report column")


if __name__ == "__main__":
    main((test_document_page, test_kind_from_title, test_bad_values, test_check_warnings, test_docs_examples))
    finish("e2e_docmodel")
