#!/usr/bin/env python3
"""Execution marks (spec/execution.md): statuses on pages, the report per period
and cumulative, report.docx read back with python-docx, errors in marks with
positions.  Fixture: tests/sites/marks (every status, marks in YAML and CSV, a
postponed part, a not-done school, an undated activity)."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,E702
import re
import shutil

SITE = os.path.join(SITES, "marks")
NBSP = "\u00a0"


def built():
    out = os.path.join(tmpdir(), "out")
    rc, _, err = run("build", "-C", SITE, "-o", out, "--today", TODAY)  # not -q: the warnings are checked
    check(rc == 0, "marks site builds: " + err[-300:])
    return out, err


def statuses(page):
    """{anchor: (status class, badge text, scope or '')} of the activity rows of a page."""
    rows = {}
    for m in re.finditer(r'<tr id="(a-[\d-]+)" class="st-([a-z-]+)[^"]*">(.*?)</tr>', page, re.S):
        badge = re.search(r'<span class="badge badge-[a-z-]+">([^<]*)</span>( <span class="note">\(([^)]*)\))?', m.group(3))
        rows[m.group(1)] = (m.group(2), badge.group(1) if badge else "", (badge.group(3) or "") if badge else "")
    # The school page lists activities as items: the school's own mark says
    # «, отметка школы»; the others show the municipal status, which the page
    # states once above the list («Статус — по отметке школы, а где школа его
    # не отмечала — по округу»).
    if "по округу." in page:
        for m in re.finditer(r'<li><a href="[^"]*#(a-[\d-]+)">.*?<b class="([a-z-]+)">([^<]*)</b>', page):
            own = m.group(3).endswith(", отметка школы")
            rows[m.group(1)] = (m.group(2), m.group(3).replace(", отметка школы", ""), "" if own else "статус по округу")
    return rows


def block(report, anchor):
    part = report.split('<section id="%s"' % anchor)
    check(len(part) == 2, "report has the block %s" % anchor)
    return part[1].split("</section>")[0] if len(part) == 2 else ""


def text(html_):
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html_)).replace("&quot;", '"').replace("&#39;", "'")


def test_statuses():
    out, err = built()
    doc = statuses(read(os.path.join(out, "2021-2022/plan/index.html")))
    want = {
        "a-1-1": "postponed",    # part 1 done, part 2 postponed: postponed while the latest mark postpones
        "a-1-2": "partial",      # 2 of 3 schools done (CSV), СШ № 4 not done
        "a-1-3": "not-done",     # status: done contradicted by a not-done mark: the marks win
        "a-1-4": "cancelled",
        "a-1-5": "done",         # no marks: the written status
        "a-2-1": "in-progress",  # undated, marked for a period
        "a-2-2": "partial",      # school marks per period (YAML) and for the whole activity (CSV)
        "a-2-3": "planned",
    }
    for anchor, st in want.items():
        check(doc.get(anchor, ("",))[0] == st, "document: %s is %s, got %s" % (anchor, st, doc.get(anchor)))
    labels = {v[0]: v[1] for v in doc.values()}
    for st, label in (("postponed", "Перенесено"), ("partial", "Исполнено частично"), ("not-done", "Не исполнено"),
                      ("cancelled", "Отменено"), ("done", "Исполнено"), ("in-progress", "Выполняется"),
                      ("planned", "Запланировано")):
        check(labels.get(st) == label, "label of %s is «%s», got %r" % (st, label, labels.get(st)))
    # A contradiction is a warning at both positions.
    check("plan.yaml:30:17: warning: мероприятие 1.3: статус «done» противоречит отметке «не исполнено»" in err,
          "contradiction warned at the status: " + err)
    check("plan.yaml:32:13: warning: отметка «не исполнено» противоречит статусу мероприятия 1.3" in err,
          "contradiction warned at the mark: " + err)
    # School pages: the school's own mark, else the municipal status labelled as such.
    s4 = statuses(read(os.path.join(out, "2021-2022/schools/sosh-4/index.html")))
    check(s4.get("a-1-2") == ("not-done", "Не исполнено", ""), "СШ № 4 shows its own «не исполнено» for 1.2: %r" % (s4.get("a-1-2"),))
    check(s4.get("a-2-2", ("",))[0] == "in-progress", "СШ № 4 shows its own «выполняется» for 2.2: %r" % (s4.get("a-2-2"),))
    check(s4.get("a-1-5") == ("done", "Исполнено", "статус по округу"), "municipal status labelled: %r" % (s4.get("a-1-5"),))
    s2 = statuses(read(os.path.join(out, "2021-2022/schools/sosh-2/index.html")))
    check(s2.get("a-1-2") == ("done", "Исполнено", ""), "СШ № 2 shows its own «исполнено» for 1.2: %r" % (s2.get("a-1-2"),))
    check("a-2-2" not in s2, "2.2 is not shown to a school outside its group")
    page4 = read(os.path.join(out, "2021-2022/schools/sosh-4/index.html"))
    check("Исполнено частично" not in page4, "no school page shows the district's «частично» as the school's own")


def test_report():
    out, _ = built()
    report = read(os.path.join(out, "2021-2022/report/index.html"))
    heads = [text(h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", report)]
    check(heads[:5] == ["III квартал 2021" + NBSP + "г.", "IV квартал 2021" + NBSP + "г.", "I квартал 2022" + NBSP + "г.",
                        "II квартал 2022" + NBSP + "г.", "III квартал 2022" + NBSP + "г."], "periods: %s" % heads)
    # Cumulative reports up to the current period (15 March 2022), none for periods not begun.
    check(heads[5:8] == ["Нарастающим итогом: 1 месяц", "Нарастающим итогом: 4 месяца", "Нарастающим итогом: 7 месяцев"],
          "cumulative titles: %s" % heads[5:])
    q3 = text(block(report, "q-2021-3"))
    check("1.1 Мониторинг объективности ВПР сентябрь, февраль (часть 1 из 2: сентябрь 2021" + NBSP + "г.) Исполнено Дата: 28 сентября 2021" + NBSP + "г." in q3,
          "Q3: part 1 of 1.1 done with its date: " + q3[:600])
    check('href="https://example.org/1.pdf"' in block(report, "q-2021-3"), "Q3: evidence link of the part's mark")
    q4 = text(block(report, "q-2021-4"))
    check("исполнено в 2 из 3 школ; не исполнено: СШ № 4 — Не проведено в связи с карантином; перенесено на апрель" in q4,
          "Q4: per-school completion with the reason: " + q4[:1500])
    check("1.3 Собеседования" in q4 and "Не исполнено Причина: Не проведены из-за карантина." in q4, "Q4: not done with reason")
    check("Отменено Причина: Вопросы рассмотрены на августовской конференции." in q4, "Q4: cancelled with reason")
    check("Исполнено Дата: 20 октября 2021" + NBSP + "г." in q4 and "seminar.pdf" in block(report, "q-2021-4"),
          "Q4: an activity without marks reports its status, date and evidence")
    q1 = text(block(report, "q-2022-1"))
    check("(часть 2 из 2: февраль 2022" + NBSP + "г.) Перенесено Новый срок: апрель 2022 Основание: Приказ от 10 февраля 2022" + NBSP + "г. №" + NBSP + "41" in q1,
          "Q1: postponed part with new deadline and act: " + q1[:800])
    check("1.1 Мониторинг" not in q4, "Q4 has no part of 1.1 (September and February)")
    # Undated activities in their own part of every report.
    for anchor in ("q-2021-3", "q-2021-4", "q-2022-1", "q-2022-2", "q-2022-3", "c-2021-3", "c-2021-4", "c-2022-1"):
        b = text(block(report, anchor))
        check("Мероприятия без определённого срока (по необходимости, по отдельному графику)" in b and "2.1 Консультации для учителей" in b,
              "undated activity listed in %s" % anchor)
    # Cumulative: everything due since the start of the edition.
    c4 = text(block(report, "c-2021-4"))
    check("часть 1 из 2: сентябрь" in c4 and "1.2 Анализ результатов" in c4 and "часть 2 из 2" not in c4,
          "cumulative to 31.12 holds September and the autumn, not February")
    c7 = text(block(report, "c-2022-1"))
    check("часть 1 из 2" in c7 and "часть 2 из 2" in c7, "cumulative to 31.03 holds both parts of 1.1")
    # Totals per section and for the edition.
    tot = re.findall(r'<tr><th scope="row" data-label="Раздел">([^<]*)</th>((?:<td[^>]*>[^<]*</td>)+)</tr>', block(report, "c-2021-4"))
    got = {t: re.findall(r">([^<]*)</td>", cells) for t, cells in tot}
    check(got.get("1. Мониторинг") == ["5", "2", "1", "1", "0", "1", "0", "0", "0"], "section totals: %r" % got)
    check(got.get("Всего") == ["8", "2", "3", "1", "0", "1", "0", "1", "0"], "edition totals: %r" % got)
    check('<a href="../../2021-2022/report/report.docx">Отчёт в формате Word (DOCX)</a> — Нарастающим итогом: 4 месяца' in report,
          "the page links the Word file and says which report it holds")


def test_docx():
    import docx
    out, _ = built()
    path = os.path.join(out, "2021-2022/report/report.docx")
    d = docx.Document(path)
    sec = d.sections[0]
    check(sec.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE, "docx: landscape")
    check(abs(sec.page_width.mm - 297) < 1 and abs(sec.page_height.mm - 210) < 1,
          "docx: A4 landscape, %.0f × %.0f mm" % (sec.page_width.mm, sec.page_height.mm))
    paras = [p.text for p in d.paragraphs]
    check(paras[0] == "Информация об исполнении документа «План мероприятий по повышению качества образования»", "docx title: %r" % paras[:2])
    check(paras[1] == "за 4 месяца: с 1 сентября 2021" + NBSP + "г. по 31 декабря 2021" + NBSP + "г.", "docx period: %r" % paras[1])
    check(any(p == "Начальник управления образования\t____________ / И. И. Иванова" for p in paras),
          "docx signature block from site.yaml: %r" % paras)
    t = d.tables[0]
    head = [c.text for c in t.rows[0].cells]
    check(head == ["№", "Мероприятие", "Срок", "Отметка об исполнении", "Ответственные"], "docx table header: %r" % head)
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in t.rows[1:] if len({c._tc for c in r.cells}) == 5}
    r12 = rows.get("1.2", [])
    check(r12[1:3] == ["Анализ результатов ВПР в школах", "до 15 октября 2021"], "docx row 1.2: %r" % r12)
    check(len(r12) == 5 and r12[3].startswith("Исполнено частично\nисполнено в 2 из 3 школ; не исполнено: СШ № 4 — Не проведено"),
          "docx mark of 1.2: %r" % r12)
    check(r12[4:] == ["Руководители ОУ"], "docx responsible of 1.2")
    check("2.1" in rows and rows["2.1"][3].startswith("Выполняется"), "docx lists the undated activity")
    merged = [r.cells[0].text for r in t.rows[1:] if len({c._tc for c in r.cells}) == 1]
    check(merged[-1] == "Мероприятия без определённого срока (по необходимости, по отдельному графику)", "docx undated part: %r" % merged)
    totals = [[c.text for c in r.cells] for r in d.tables[1].rows]
    check(totals[-1][:3] == ["Всего", "8", "2"], "docx totals: %r" % totals[-1:])
    # Reproducible: the same bytes from another build, with one thread.
    out2 = os.path.join(tmpdir(), "out")
    build(SITE, out2, "-j", "1")
    check(open(path, "rb").read() == open(os.path.join(out2, "2021-2022/report/report.docx"), "rb").read(),
          "report.docx is byte-identical across builds")
    import zipfile
    z = zipfile.ZipFile(path)
    check(all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist()), "docx entries carry the fixed date")
    check(z.testzip() is None, "docx archive is sound")


def bad_site(files):
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(SITE, d)
    for rel, data in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
    return d


def test_bad_marks():
    csv = ("школа;мероприятие;статус;дата;примечание\r\n"
           "sosh-1;9.9;исполнено;;\r\n"
           "sosh-9;1.2;исполнено;;\r\n"
           "sosh-2;1.2;сделано;;\r\n"
           "sosh-2;1.2;не исполнено;;\r\n"
           "sosh-2;1.2;перенесено;;\r\n"
           "sosh-2;1.2;исполнено;31.02.2022;\r\n").encode("cp1251")
    yaml_ = read(os.path.join(SITE, "editions/2021-2022/plan.yaml")).replace(
        "          - part: 2\n            status: postponed\n", "          - part: 3\n            status: postponed\n")
    site = bad_site({"editions/2021-2022/marks/bad.csv": csv, "editions/2021-2022/plan.yaml": yaml_.encode()})
    out = os.path.join(tmpdir(), "out")
    rc, _, err = run("build", "-C", site, "-o", out, "--today", TODAY)
    check(rc == 1, "bad marks: exit 1")
    check(not os.path.exists(out), "bad marks: nothing written")
    lines = [l.replace(site + "/", "") for l in err.splitlines() if ": error: " in l]
    f = "editions/2021-2022/marks/bad.csv"
    want = [
        f + ":2:8: error: мероприятия «9.9» нет в документах редакции 2021-2022",
        f + ":3:1: error: неизвестная школа «sosh-9»",
        f + ":4:12: error: неизвестный статус отметки «сделано»",
        f + ":5:1: error: отметка «не исполнено»: укажите причину в поле «note»",
        f + ":6:1: error: отметка «перенесено»: укажите новый срок в поле «postponed_to»",
        f + ":7:22: error: такой даты нет: «31.02.2022»",
        "editions/2021-2022/plan.yaml:16:19: error: часть срока 3: у срока «сентябрь, февраль» 2 части",
    ]
    for w in want:
        check(any(l.startswith(w) for l in lines), "bad marks: %r in\n%s" % (w, "\n".join(lines)))
    rc, _, err = run("check", "-C", site)
    check(rc == 1 and err.count(": error: ") == len(want), "check lists every problem: %d\n%s" % (err.count(": error: "), err))


def test_docx_hostile():
    """Markup and control characters from a table reach the Word file as text, and the file stays valid XML."""
    import docx
    evil = 'Причина </w:t></w:r><w:r><w:t>&amp; <script>alert(1)</script>\x1b[2J\x07 «конец»'
    csv = "school;activity;status;note\nsosh-4;1.2;не исполнено;\"%s\"\n" % evil
    site = bad_site({"editions/2021-2022/marks/schools.csv": csv.encode()})
    out = os.path.join(tmpdir(), "out")
    rc, _, err = run("build", "-C", site, "-o", out, "--today", TODAY, "-q")
    check(rc == 0, "hostile note builds: " + err[-400:])
    if rc:
        return
    d = docx.Document(os.path.join(out, "2021-2022/report/report.docx"))
    cells = [c.text for r in d.tables[0].rows for c in r.cells]
    # The note is Markdown: its raw HTML (<script>) is dropped, the rest is text.
    want = 'СШ № 4 — Причина </w:t></w:r><w:r><w:t>& alert(1)[2J «конец»'
    check(any(want in c for c in cells), "hostile note kept as text without control characters: %r" %
          [c for c in cells if "Причина <" in c][:1])


def test_docs_examples():
    """The marks examples of docs/content.md (YAML and CSV) build, and mean what the guide says."""
    doc = read(os.path.join(ROOT, "docs", "content.md"))
    yaml_ = re.search(r"### Отметки об исполнении: `marks`.*?^```yaml\n(.*?)^```", doc, re.S | re.M).group(1)
    csv = re.search(r"## editions/<год>/marks/\*\.csv.*?^```csv\n(.*?)^```", doc, re.S | re.M).group(1)
    plan = read(os.path.join(SITE, "editions/2021-2022/plan.yaml"))
    plan += "  - title: Примеры из руководства\n    activities:\n" + yaml_.replace('"2.3"', '"3.1"')
    site = bad_site({"editions/2021-2022/plan.yaml": plan.encode(),
                     "editions/2021-2022/marks/docs.csv": csv.replace(";2.3;", ";3.1;").encode()})
    out = os.path.join(tmpdir(), "out")
    rc, _, err = run("build", "-C", site, "-o", out, "--today", TODAY)
    check(rc == 0 and ": error: " not in err, "docs examples build: " + err)
    if rc == 0:
        r = text(block(read(os.path.join(out, "2021-2022/report/index.html")), "q-2021-3"))
        check("3.1 Мониторинг объективности ВПР сентябрь, февраль (часть 1 из 2: сентябрь 2021" + NBSP + "г.) Исполнено частично" in r
              and "исполнено в 2 из 3 школ; не исполнено: СШ № 4" in r, "docs example: September part by school: " + r[-900:])
        s4 = statuses(read(os.path.join(out, "2021-2022/schools/sosh-4/index.html")))
        check(s4.get("a-3-1", ("",))[0] == "not-done", "docs example: СШ № 4 sees its own «не исполнено»: %r" % (s4.get("a-3-1"),))


if __name__ == "__main__":
    main((test_statuses, test_report, test_docx, test_bad_marks, test_docx_hostile, test_docs_examples))
    finish("e2e_marks")
