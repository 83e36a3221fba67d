#!/usr/bin/env python3
"""Assessment schedules end to end: the federal rules on a fixture (every rule
and its near-misses), the school's schedule page and calendar, the municipal
overview (every breach linked to its row), bad rows, and `import --schedule`
of the two wide Excel shapes into a schedule that `check` accepts."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,E402
import re  # noqa: E402
import shutil  # noqa: E402
import urllib.parse  # noqa: E402

NB = "\u00a0"
RULES = os.path.join(SITES, "schedule")
TEMPLATES = os.path.join(RULES, "templates")

# The warnings of tests/sites/schedule/rules, exactly: one per rule, and none
# for the near-misses (18 days apart, the next day, the 6th of 7 lessons, a
# one-lesson-a-week subject, 3 procedures at 34 h, 21 days apart).
WANT = [
    "other.csv:3:1: warning: СШ № 2: «Русский язык» в параллели 5-х классов чаще одного раза в 2,5 недели: "
    "5А — 1 декабря 2021" + NB + "г. (строка 2), 5Б — 14 декабря 2021" + NB + "г., через 13 дней; "
    "между такими процедурами нужно не меньше 18 дней",
    "s-1.csv:3:1: warning: СШ № 1: «Математика» в параллели 5-х классов чаще одного раза в 2,5 недели: "
    "5А — 1 марта 2022" + NB + "г. (строка 2), 5Б — 10 марта 2022" + NB + "г., через 9 дней; "
    "между такими процедурами нужно не меньше 18 дней",
    "s-1.csv:6:1: warning: СШ № 1: 6А класс, 15 марта 2022" + NB + "г.: вторая оценочная процедура за день "
    "(уже есть «Русский язык», ВПР, строка 5); рекомендуется не больше одной в день",
    "s-1.csv:8:1: warning: СШ № 1: 7А класс, 17 марта 2022" + NB + "г.: «Физика» на первом уроке; "
    "рекомендуется не ставить оценочные процедуры на первый и последний уроки",
    "s-1.csv:9:1: warning: СШ № 1: 7А класс, 18 марта 2022" + NB + "г.: «Алгебра» на последнем уроке (6-м из 6); "
    "рекомендуется не ставить оценочные процедуры на первый и последний уроки",
    "s-1.csv:15:1: warning: СШ № 1: «Информатика», 8А класс: 4-я оценочная процедура за год при 34 ч в год; "
    "на них рекомендуется не больше 10" + NB + "% учебного времени, то есть не больше 3 процедур",
]


def schedule_warnings(err):
    return [re.sub(r"^.*/schedule/", "", l) for l in err.splitlines() if "/schedule/" in l and ": warning: " in l]


def rules_site():
    site = overlay("rules", "schedule")
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    check(rc == 0, "the rules fixture builds: " + err)
    return site, out, err


def test_rules():
    site = overlay("rules", "schedule")
    rc, _, err = run("check", "-C", site)
    got = schedule_warnings(err)
    check(rc == 0 and got == WANT, "every rule flagged once, near-misses not:\n  got:  %s\n  want: %s" % (got, WANT))


def rows_of(page):
    """(id, class, cells text) of every <tr id=…> on a schedule page."""
    rows = []
    for m in re.finditer(r'<tr id="([^"]+)"(?: class="([^"]*)")?>(.*?)</tr>', page, re.S):
        rows.append((m.group(1), m.group(2) or "", re.sub(r"<[^>]+>", " ", m.group(3))))
    return rows


def test_school_page():
    site, out, _ = rules_site()
    path = os.path.join(out, "2021-2022/schools/s-1/schedule/index.html")
    page = read(path)
    check("<h1>График оценочных процедур: СШ № 1</h1>" in page, "schedule page title")
    months = re.findall(r'<h2 id="h-m-[0-9-]+">([^<]+)</h2>', page)
    check(months == ["Октябрь 2021", "Декабрь 2021", "Февраль 2022", "Март 2022", "Апрель 2022"],
          "procedures grouped by month in order: %s" % months)
    rows = rows_of(page)
    check(len(rows) == 17, "every row of s-1 is on its page (%d)" % len(rows))
    check(len({r[0] for r in rows}) == len(rows), "row anchors are unique")
    past = [r for r in rows if "past" in r[1]]
    # --today 2022-03-15: the rows dated before it are past, the 15th is not.
    check(len(past) == 8 and all("прошла" in r[2] for r in past), "past rows marked «прошла» (%d)" % len(past))
    check(not any("прошла" in r[2] for r in rows if "past" not in r[1]), "rows from today on are not past")
    today_row = [r for r in rows if "15 марта 2022" in r[2]]
    check(today_row and all("past" not in r[1] for r in today_row), "a procedure on the build date is not past")
    for cells in ("1 марта 2022" + NB + "г.", "5А", "Математика", "Контрольная работа", "школьный"):
        check(cells in rows[8][2] or any(cells in r[2] for r in rows), "row shows " + cells)
    notes = [r for r in rows if "Замечание:" in r[2]]
    check(len(notes) == 5, "each breach shows a note in its row (%d)" % len(notes))
    check('href="../../../../assets/print.css" media="print"' in page, "print stylesheet linked")
    check('href="../../../../2021-2022/schools/s-1/schedule.ics"' in page, "link to the schedule calendar")
    school = read(os.path.join(out, "2021-2022/schools/s-1/index.html"))
    check('href="schedule/index.html"' in school or 'href="../../../2021-2022/schools/s-1/schedule/index.html"' in school,
          "school page links its schedule page")
    check(not os.path.exists(os.path.join(out, "2021-2022/schools/s-7/schedule/index.html"))
          and not os.path.exists(os.path.join(out, "2021-2022/schools/s-7/schedule.ics")),
          "a school without a schedule: no placeholder page, no empty calendar")
    s7 = read(os.path.join(out, "2021-2022/schools/s-7/index.html"))
    check("schedule/" not in s7 and "Графика оценочных процедур школы на сайте нет" in s7,
          "its school page says so, with no link to a missing page")
    overview = read(os.path.join(out, "2021-2022/schedule/index.html"))
    check("s-7/schedule/" not in overview and "s-1/schedule/" in overview,
          "the overview links only the schedules that exist")
    css = read(os.path.join(out, "assets/print.css"))
    check(".schedule-month" in css and "@page" in css, "print rules for schedules (A4)")


def test_calendars():
    import icalendar
    site, out, _ = rules_site()
    page = read(os.path.join(out, "2021-2022/schools/s-1/schedule/index.html"))
    anchors = {r[0] for r in rows_of(page)}
    raw = open(os.path.join(out, "2021-2022/schools/s-1/schedule.ics"), "rb").read()
    check(b"\r\n" in raw and all(len(l) <= 75 for l in raw.split(b"\r\n")), "schedule.ics: CRLF, folded at 75 octets")
    cal = icalendar.Calendar.from_ical(raw)
    evs = list(cal.walk("VEVENT"))
    check(len(evs) == 17, "schedule.ics has one event per row (%d)" % len(evs))
    check(len({str(e["UID"]) for e in evs}) == 17, "UIDs unique")
    check(any(str(e["SUMMARY"]) == "Контрольная работа: Математика, 5А класс" and str(e["DTSTART"].dt) == "2022-03-01"
              for e in evs), "event summary and all-day date")
    frags = {urllib.parse.urlsplit(str(e["URL"])).fragment for e in evs}
    check(frags == anchors, "each event's URL points at its row on the schedule page")
    check(all(str(e["URL"]).startswith("https://example.org/test/2021-2022/schools/s-1/schedule/#") for e in evs),
          "event URLs are absolute")
    check("график оценочных процедур" in str(cal["X-WR-CALNAME"]), "calendar name says what it is")
    # The school's full calendar still carries the schedule, with the same UIDs.
    full = icalendar.Calendar.from_ical(open(os.path.join(out, "2021-2022/schools/s-1/calendar.ics"), "rb").read())
    uids = {str(e["UID"]) for e in full.walk("VEVENT")}
    check({str(e["UID"]) for e in evs} <= uids, "school calendar.ics has the schedule's events too")


def test_overview():
    site, out, _ = rules_site()
    path = os.path.join(out, "2021-2022/schedule/index.html")
    page = read(path)
    check("<h1>Графики оценочных процедур: 2021/2022 учебный год</h1>" in page, "overview title")
    check("<caption" in page and 'scope="colgroup"' in page and 'scope="row"' in page, "grid: caption and th scope")
    check('class="table-box" tabindex="0" role="region"' in page, "grid scrolls inside its own box")
    names = re.findall(r'<tr><th scope="row">(?:<a href="[^"]+">)?([^<]+)(?:</a>)?</th>', page)
    check(names == ["СШ № 1", "СШ № 2", "СШ № 7", "СШ № 13"], "schools in natural order: %s" % names)
    check("график не представлен" in page, "a school without a schedule is named as such")
    months = re.findall(r'<th scope="colgroup" colspan="(\d+)">([^<]+)</th>', page)
    check(months and months[0][1] == "Сентябрь 2021" and months[-1][1] == "Май 2022",
          "weeks from the first procedure to the end of the ВПР window: %s" % months)
    weeks = re.findall(r'<th scope="col" class="week( vpr)?"', page)
    check(sum(int(c) for c, _ in months) == len(weeks), "month groups span every week")
    vpr = [w for w in weeks if w]
    check(len(vpr) == 10 and "ВПР в 4–8 и 10–11 классах" in page and "15 марта 2022" + NB + "г." in page,
          "ВПР window listed and its 10 weeks marked (%d)" % len(vpr))
    # Counts per week: СШ № 13 has one procedure in September and one in October.
    row13 = re.search(r'СШ № 13</a></th>(.*?)</tr>', page).group(1)
    counts = re.findall(r'<td class="n(\d)[^"]*">(\d*)</td>', row13)
    check([c for _, c in counts if c] == ["1", "1"] and re.search(r'<td class="total">2</td>', row13),
          "weekly counts and total of a school")
    # Every breach of the fixture is listed and lands on its row.
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>: ([^<]+)</li>', page)
    check(len(links) == len(WANT), "every breach listed on the overview (%d of %d)" % (len(links), len(WANT)))
    texts = {w.split(": ", 3)[3] for w in WANT}
    check({t for _, _, t in links} == {t.replace("«", "«") for t in texts}, "overview breach texts are the warnings")
    for href, _, _ in links:
        u = urllib.parse.urlsplit(href)
        target = os.path.normpath(os.path.join(os.path.dirname(path), u.path))
        check(os.path.isfile(target) and u.fragment in parse(target).ids, "breach link lands on its row: " + href)
        row = re.search(r'<tr id="%s"[^>]*>(.*?)</tr>' % re.escape(u.fragment), read(target), re.S)
        check(row and "Замечание:" in row.group(1), "the row a breach link lands on shows the note")
    counts = re.findall(r'<a href="#(s-[a-z0-9-]+)">(\d+) замечани', page)
    check(counts == [("s-s-1", "5"), ("s-s-2", "1")], "breach counts per school link to their list: %s" % counts)
    for anchor, _ in counts:
        check('id="%s"' % anchor, "breach list anchor exists")
    bad = check_links_on_disk(out)
    check(not bad, "no broken links in the schedule fixture: %s" % bad[:5])
    ed = read(os.path.join(out, "2021-2022/index.html"))
    check('href="../2021-2022/schedule/index.html"' in ed, "edition page links the overview")


def test_reproducible():
    site, out, _ = rules_site()
    out2 = os.path.join(os.path.dirname(site), "out2")
    rc, _, _ = build(site, out2, "-j", "1")
    import subprocess
    diff = subprocess.run(["diff", "-r", out, out2], capture_output=True, text=True)
    check(rc == 0 and diff.returncode == 0, "schedule pages are reproducible: " + diff.stdout[:300])


def test_demo():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo builds")
    for rel in ("2021-2022/schedule/index.html", "2021-2022/schools/sosh-4/schedule/index.html",
                "2021-2022/schools/sosh-4/schedule.ics", "2021-2022/schools/sosh-13/schedule/index.html"):
        check(os.path.isfile(os.path.join(out, rel)), "demo has " + rel)
    page = read(os.path.join(out, "2021-2022/schools/sosh-4/schedule/index.html"))
    check(len(rows_of(page)) >= 8, "demo school schedule shows its rows")
    over = read(os.path.join(out, "2021-2022/schedule/index.html"))
    check("Окна ВПР" in over and "Замечания по федеральным рекомендациям" in over,
          "demo overview shows ВПР windows and breaches")


def test_import():
    """Both wide shapes import to a schedule that `check` accepts; bad cells are errors at their position."""
    site = overlay("rules", "schedule")
    want = {"shape-a-classes-by-dates.csv": (16, "классы × даты"), "shape-b-month-sheets.csv": (9, "листы по месяцам")}
    for name, (n, shape) in sorted(want.items()):
        out = os.path.join(site, "editions/2021-2022/schedule", "s-2-" + name.split("-")[1] + ".csv")
        rc, stdout, err = run("import", "--schedule", os.path.join(TEMPLATES, name), "--school", "s-2", "-o", out)
        check(rc == 0 and os.path.isfile(out), "%s imports: %s" % (name, err))
        check("(%s): процедур: %d;" % (shape, n) in err, "%s: shape and count in the summary: %s" % (name, err))
        if rc:
            continue
        text = open(out, encoding="utf-8-sig", newline="").read()
        check(text.count("\r\n") == n + 1 and text.startswith('"school","date","grade"'), "%s: CSV with %d rows" % (name, n))
        rc, _, err = run("import", "--schedule", os.path.join(TEMPLATES, name), "--school", "s-2", "-o", out)
        check(rc == 3 and "уже существует" in err, "import never overwrites a file")
    a = open(os.path.join(site, "editions/2021-2022/schedule/s-2-a.csv"), encoding="utf-8-sig").read()
    for row in ('"s-2","15.03.2022","4А","Русский язык","ВПР","федеральный"',
                '"s-2","22.03.2022","5Б","Математика","ВПР","федеральный"',  # «22.03»: year from the title
                '"s-2","17.03.2022","9А","Математика","Региональная диагностическая работа","региональный"',
                '"s-2","05.04.2022","9А","Физика","Итоговая контрольная работа","школьный"',
                '"s-2","19.04.2022","9Б","Русский язык","Контрольный диктант","школьный"',
                '"s-2","19.04.2022","9Б","Английский язык","Тестирование","школьный"'):
        check(row in a, "shape A row " + row)
    b = open(os.path.join(site, "editions/2021-2022/schedule/s-2-b.csv"), encoding="utf-8-sig").read()
    for row in ('"s-2","16.03.2022","6Б","Математика","ВПР","федеральный"',
                '"s-2","29.03.2022","7А","Геометрия","Контрольная работа","школьный"',
                '"s-2","26.04.2022","8А","Биология","ВПР","федеральный"'):
        check(row in b, "shape B row " + row)
    rc, _, err = run("check", "-C", site)
    check(rc == 0 and ": error:" not in err, "check accepts the imported schedules: " + err[-1500:])
    out = os.path.join(os.path.dirname(site), "out-import")
    rc, _, _ = build(site, out)
    page = read(os.path.join(out, "2021-2022/schools/s-2/schedule/index.html"))
    check(rc == 0 and len(rows_of(page)) == 3 + 16 + 9, "imported rows are on the school's schedule page")
    # Bad input: an unreadable cell, an impossible date, a row that is no class; nothing written.
    bad = os.path.join(tmpdir(), "bad.csv")
    open(bad, "w", encoding="utf-8").write("Класс;15.03.2022;31.04.2022\n5А;Математика;\nИтого;КР (история);\n6А;что-то;\n")
    out = os.path.join(os.path.dirname(bad), "s.csv")
    rc, _, err = run("import", "--schedule", bad, "--school", "s-1", "-o", out)
    lines = [l.replace(bad, "bad.csv") for l in err.splitlines() if ": error:" in l]
    check(rc == 1 and not os.path.exists(out), "bad template: exit 1, nothing written (%d)" % rc)
    check(lines == ["bad.csv:1:18: error: такой даты нет: «31.04.2022»",
                    "bad.csv:2:4: error: не понял «Математика»: пишите предмет и процедуру, например «Математика (КР)» "
                    "или «ВПР по русскому языку»",
                    "bad.csv:3:1: error: «Итого» — не класс: в первом столбце пишут класс («5А») или параллель («5»)",
                    "bad.csv:4:4: error: не понял «что-то»: пишите предмет и процедуру, например «Математика (КР)» "
                    "или «ВПР по русскому языку»"],
          "bad template errors at their cells: %s" % lines)
    rc, _, err = run("import", "--schedule", os.path.join(TEMPLATES, "shape-a-classes-by-dates.csv"))
    check(rc == 2 and "--school" in err, "--school is required: %d %s" % (rc, err[:200]))
    rc, _, err = run("import", "--schedule", os.path.join(TEMPLATES, "shape-a-classes-by-dates.csv"), "--school", "S 2")
    check(rc == 1 and "код школы «S 2» не подходит" in err, "a bad school id is refused: " + err[:300])
    month_less = os.path.join(tmpdir(), "days.csv")
    open(month_less, "w", encoding="utf-8").write("Класс;1;2;3\n5А;;КР (история);\n")
    rc, _, err = run("import", "--schedule", month_less, "--school", "s-1")
    check(rc == 1 and "days.csv:1:7: error: столбцы — дни месяца, но месяц не назван" in err,
          "day columns without a month line: " + err)


if __name__ == "__main__":
    main((test_rules, test_school_page, test_calendars, test_overview, test_reproducible, test_demo, test_import))
    finish("e2e_schedule")
