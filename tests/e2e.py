#!/usr/bin/env python3
"""End-to-end tests: run the roadmap binary on fixture sites and inspect what it wrote.

Fixtures: tests/sites/minimal (a small valid site), tests/sites/broken/<rule>/
(files laid over a copy of minimal, plus expected.txt: the exact diagnostic
lines, in order), and the demo content/.  Prints "e2e: N passed, N failed".
"""
import html.parser
import http.server
import os
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
import xml.dom.minidom

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROADMAP = os.path.abspath(os.path.join(ROOT, os.environ.get("ROADMAP", "./roadmap")))
SITES = os.path.join(ROOT, "tests", "sites")
TODAY = "2022-03-15"
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)


def run(*args, cwd=ROOT):
    p = subprocess.run([ROADMAP, *args], cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def tmpdir():
    d = tempfile.mkdtemp(prefix="roadmap-e2e-")
    return d


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for k in ("href", "src"):
            if k in a and a[k] is not None:
                self.links.append(a[k])


def parse(path):
    p = Links()
    p.feed(read(path))
    return p


def html_files(out):
    for d, _, files in os.walk(out):
        for f in sorted(files):
            if f.endswith(".html"):
                yield os.path.join(d, f)


def check_links_on_disk(out):
    """file:// semantics: every relative link resolves to an existing file (and anchor)."""
    bad = []
    cache = {}
    for page in html_files(out):
        if os.path.basename(page) == "404.html":
            continue
        for link in parse(page).links:
            u = urllib.parse.urlsplit(link)
            if u.scheme or link.startswith("//"):
                continue
            target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(u.path))) if u.path else page
            if not target.startswith(os.path.abspath(out)):
                bad.append((page, link, "leaves the site"))
                continue
            if os.path.isdir(target) or not os.path.isfile(target):
                bad.append((page, link, "no such file"))
                continue
            if u.fragment and target.endswith(".html"):
                ids = cache.setdefault(target, parse(target).ids)
                if u.fragment not in ids:
                    bad.append((page, link, "no such anchor"))
    return bad


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def crawl(docroot, start):
    """Serve docroot on loopback and follow every internal link from start; return broken ones."""
    handler = lambda *a, **k: Quiet(*a, directory=docroot, **k)
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as srv:
        port = srv.server_address[1]
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        base = "http://127.0.0.1:%d" % port
        seen, todo, bad = set(), [base + start], []
        while todo:
            url = todo.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urllib.request.urlopen(url) as r:
                    body = r.read().decode("utf-8", "replace")
                    ctype = r.headers.get("Content-Type", "")
            except Exception as e:
                bad.append((url, str(e)))
                continue
            if "html" not in ctype:
                continue
            p = Links()
            p.feed(body)
            for link in p.links:
                full = urllib.parse.urljoin(url, link).split("#")[0]
                if full.startswith(base):
                    todo.append(full)
        srv.shutdown()
    return bad, len(seen)


def build(content, out, *extra):
    return run("build", "-C", content, "-o", out, "--today", TODAY, "-q", *extra)


def test_demo():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo build exits 0: " + err[-2000:])
    if rc:
        return
    for rel in ["index.html", "2021-2022/index.html", "2020-2021/index.html",
                "2021-2022/quality-objectivity/index.html", "2020-2021/support-low-results/index.html",
                "schools/index.html", "schools/sosh-13/index.html", "2021-2022/schools/sosh-4/index.html",
                "archive/index.html", "parents/index.html", "404.html", "sitemap.xml", "robots.txt",
                "assets/style.css", ".roadmap-output"]:
        check(os.path.isfile(os.path.join(out, rel)), "demo has " + rel)
    doc = read(os.path.join(out, "2021-2022/quality-objectivity/index.html"))
    check("27 августа 2021\u00a0г." in doc, "approval date in Russian on the document page")
    check("ежеквартал ьно" in doc, "deadline text shown exactly as approved")
    check("Демонстрационные данные" in doc, "demo notice on the document page")
    for p in html_files(out):
        if "Демонстрационные данные" not in read(p):
            check(False, "demo notice on " + p)
    # Every activity title of the seed-based documents appears on its page, in order.
    for ed, slug in (("2021-2022", "quality-objectivity"), ("2020-2021", "support-low-results")):
        src = read(os.path.join(ROOT, "content/editions", ed, slug + ".yaml"))
        numbers = re.findall(r'^      - number: "([^"]+)"', src, re.M)
        page = read(os.path.join(out, ed, slug, "index.html"))
        rows = re.findall(r'<th scope="row" class="num" data-label="№">([^<]+)</th>', page)
        check(rows == numbers, "%s: activities in approved order (%d rows, %d in source)" % (slug, len(rows), len(numbers)))
    arch = read(os.path.join(out, "2020-2021/index.html"))
    check("Архивная редакция" in arch, "archive banner on the old edition")
    check("Архивная редакция" not in read(os.path.join(out, "2021-2022/index.html")), "no banner on current")
    sosh4 = read(os.path.join(out, "2021-2022/schools/sosh-4/index.html"))
    sosh2 = read(os.path.join(out, "2021-2022/schools/sosh-2/index.html"))
    check("Выездные совещания" in sosh4, "activity addressed to sosh-4 is on its page")
    check("Выездные совещания" not in sosh2, "activity addressed to sosh-4, sosh-7 is not on sosh-2's page")
    bad = check_links_on_disk(out)
    check(not bad, "all links resolve on disk (file://): %s" % bad[:5])
    xml.dom.minidom.parse(os.path.join(out, "sitemap.xml"))
    check("https://example.org/roadmaps/2021-2022/" in read(os.path.join(out, "sitemap.xml")), "sitemap has absolute URLs")
    # Domain root and sub-folder: serve and crawl.
    bad, n = crawl(out, "/index.html")
    check(not bad and n > 30, "crawl at domain root: %d pages, broken %s" % (n, bad[:3]))
    www = tmpdir()
    shutil.copytree(out, os.path.join(www, "school-site", "roadmap"))
    bad, n = crawl(www, "/school-site/roadmap/index.html")
    check(not bad and n > 30, "crawl inside a sub-folder: %d pages, broken %s" % (n, bad[:3]))
    # Reproducible: a second build with the same --today is byte-identical, whatever -j.
    out2 = os.path.join(tmpdir(), "site")
    rc, _, _ = build("content", out2, "-j", "1")
    diff = subprocess.run(["diff", "-r", out, out2], capture_output=True, text=True)
    check(rc == 0 and diff.returncode == 0, "two builds are identical: " + diff.stdout[:500])


def test_new_edition_keeps_archive():
    """Adding an edition changes an old edition's pages only by the archive banner."""
    site = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    a, b = os.path.join(os.path.dirname(site), "a"), os.path.join(os.path.dirname(site), "b")
    build(site, a)
    shutil.copytree(os.path.join(site, "editions", "2021-2022"), os.path.join(site, "editions", "2022-2023"))
    rc, _, err = build(site, b)
    check(rc == 0, "builds with a second edition: " + err)
    banner = re.compile(r'<p class="archive-banner[^"]*"[^>]*>.*?</p>\n', re.S)
    changed = []
    for d, _, files in os.walk(os.path.join(a, "2021-2022")):
        for f in files:
            p = os.path.join(d, f)
            q = p.replace(a, b, 1)
            old, new = open(p, "rb").read(), open(q, "rb").read()
            if f.endswith(".html"):
                old, new = old.decode(), banner.sub("", new.decode())
            if old != new:
                changed.append(os.path.relpath(p, a))
    check(not changed, "old edition pages unchanged apart from the banner: %s" % changed[:5])
    check("Архивная редакция" in read(os.path.join(b, "2021-2022/index.html")), "the old edition now has the banner")


def test_changes():
    site = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), site)
    old = os.path.join(site, "editions", "2021-2022", "plan.yaml")
    new_dir = os.path.join(site, "editions", "2022-2023")
    os.makedirs(new_dir)
    text = read(old)
    text = text.replace("deadline: ноябрь", "deadline: декабрь")                       # 1.2: deadline changed
    text = text.replace("Анализ результатов оценочных процедур", "Анализ итогов оценочных процедур прошлого года")  # 1.1 re-worded
    text = text.replace("      - title: Собеседования с руководителями\n", "      - title: Семинар для молодых педагогов\n")  # 2.2 replaced
    open(os.path.join(new_dir, "plan.yaml"), "w", encoding="utf-8").write(text)
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    page = read(os.path.join(out, "2022-2023/changes/index.html"))
    check(rc == 0 and "Добавлено 1 мероприятие, исключено 1, изменено 2" in page, "changes summary: " +
          (re.findall("Добавлено[^<.]*", page) or [err])[0])
    added = page.split("<h2>Добавлены</h2>")[1].split("<h2>")[0]
    removed = page.split("<h2>Исключены</h2>")[1].split("<h2>")[0]
    check("Семинар для молодых педагогов" in added and "Собеседования с руководителями" in removed, "added and removed lists")
    check("Срок: было «ноябрь», стало «декабрь»" in page, "deadline change shown")
    check("Прежняя формулировка: «Анализ результатов оценочных процедур»" in page, "re-worded activity shows the old text")
    check("Изменения по сравнению с редакцией 2021/2022 учебный год" in read(os.path.join(out, "archive/index.html")),
          "archive links to the changes")


def test_minimal():
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(os.path.join(SITES, "minimal"), out)
    check(rc == 0, "minimal builds: " + err)
    if rc:
        return
    check("в тексте мероприятия упомянуты школы" not in err, "no mention warning where schools: is set")
    s1 = read(os.path.join(out, "2021-2022/schools/s-1/index.html"))
    s2 = read(os.path.join(out, "2021-2022/schools/s-2/index.html"))
    check("Адресная помощь" in s1 and "Адресная помощь" not in s2, "group:low-results addresses s-1, not s-2")
    check("Собеседования" not in s1, "an activity with no schools is on no school page")
    check("Лицензия" in s1 and "№ 1 от 2015" in s1, "unknown schools.csv columns shown as properties")
    check("<strong>1960</strong>" in s1, "school Markdown rendered")
    doc = read(os.path.join(out, "2021-2022/plan/index.html"))
    check('id="a-2-1"' in doc and "../schools/s-1/index.html" not in doc, "anchors on activities")
    check("Выполнено 1 из 6 мероприятий" in doc, "progress text: " + (re.findall("Выполнено[^<]*", doc) or [""])[0])
    check("Просрочено" in doc, "overdue activity marked in text (до 15.10.2021, today %s)" % TODAY)
    check("Справка" in doc and 'href="https://example.org/docs/1.pdf"' in doc, "evidence link")
    short = read(os.path.join(out, "schools/s-1/index.html"))
    check('<link rel="canonical" href="../../2021-2022/schools/s-1/index.html">' in short
          and 'href="../../2021-2022/schools/s-1/index.html"' in short and "plan/index.html#a-1-1" not in short,
          "stable school address is a short page pointing to the current edition's school page")
    feed = xml.dom.minidom.parse(os.path.join(out, "feed.xml"))
    entries = feed.getElementsByTagName("entry")
    check(len(entries) == 1 and entries[0].getElementsByTagName("updated")[0].firstChild.data == "2021-09-20T00:00:00Z",
          "Atom feed lists the execution mark with its date")
    check(entries[0].getElementsByTagName("id")[0].firstChild.data == "https://example.org/test/2021-2022/plan/#a-1-1",
          "feed entry id is the activity's absolute address")
    robots = read(os.path.join(out, "robots.txt"))
    check("Sitemap: https://example.org/test/sitemap.xml" in robots, "robots.txt names the sitemap")


def h2s(page):
    return re.findall(r"<h2[^>]*>([^<]+)</h2>", page)


def test_deadlines():
    site = os.path.join(SITES, "minimal")
    rc, _, err = run("check", "-C", site)
    check(rc == 0 and "plan.yaml:52:19: warning: срок «когда получится» не распознан" in err,
          "check warns about an unknown deadline at its position: " + err)
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(site, out)
    check(rc == 0, "minimal builds with an unknown deadline (warning only)")
    page = read(os.path.join(out, "2021-2022/deadlines/index.html"))
    groups = h2s(page)
    check(groups == ["Сентябрь 2021", "Октябрь 2021", "Ноябрь 2021", "Весь период", "Регулярно", "Срок не распознан"],
          "deadline groups in order: %s" % groups)
    check(page.count("badge-overdue") == 2, "two overdue rows marked in text on %s" % TODAY)
    check('href="../../2021-2022/plan/index.html#a-1-2"' in page, "deadline rows link to the activity in the document")
    home = read(os.path.join(out, "index.html"))
    up = home.split('id="h-upcoming"')[1].split("</section>")[0]
    check("Выявление групп" in up and "Собеседования" not in up,
          "upcoming on 15.03.2022: the quarterly deadline of 31.03, not the overdue 15.10 one")
    out2 = os.path.join(tmpdir(), "out")
    run("build", "-C", site, "-o", out2, "--today", "2021-10-01", "-q")
    home = read(os.path.join(out2, "index.html"))
    up = home.split('id="h-upcoming"')[1].split("</section>")[0]
    check("Собеседования" in up and "Анализ результатов" not in up, "upcoming lists the 15.10 deadline, not the done one")
    report = read(os.path.join(out, "2021-2022/report/index.html"))
    check(h2s(report)[:5] == ["III квартал 2021\u00a0г.", "IV квартал 2021\u00a0г.", "I квартал 2022\u00a0г.",
                              "II квартал 2022\u00a0г.", "III квартал 2022\u00a0г."], "report quarters: %s" % h2s(report))
    q4 = report.split('id="q-2021-4"')[1].split("</section>")[0]
    check("срок прошёл" in q4 and "Собеседования" in q4 and "Выездные совещания" in q4, "Q4 report lists the overdue ones")
    school = read(os.path.join(out, "2021-2022/schools/s-2/index.html"))
    check("<h2>Сроки</h2>" not in school and school.count("Выявление групп") == 1 and "<details class=\"sec" in school,
          "school page lists each activity once, in folded sections, without a deadline table")
    import icalendar
    for rel, n in (("2021-2022/calendar.ics", 4), ("2021-2022/schools/s-2/calendar.ics", 2)):
        raw = open(os.path.join(out, rel), "rb").read()
        cal = icalendar.Calendar.from_ical(raw)
        evs = list(cal.walk("VEVENT"))
        check(len(evs) == n, "%s: %d events (want %d)" % (rel, len(evs), n))
        lines = raw.split(b"\r\n")
        check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), rel + ": CRLF line ends only")
        check(all(len(l) <= 75 for l in lines), rel + ": lines folded at 75 octets")
        try:
            [l.decode("utf-8") for l in lines]
            ok = True
        except UnicodeDecodeError:
            ok = False
        check(ok, rel + ": folding never splits a UTF-8 character")
        check(any(len(l) > 70 for l in lines) and any(l.startswith(b" ") for l in lines), rel + ": long Russian titles folded")
    cal = icalendar.Calendar.from_ical(open(os.path.join(out, "2021-2022/calendar.ics"), "rb").read())
    nov = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("1.2.")][0]
    check(str(nov["DTSTART"].dt) == "2021-11-01" and str(nov["DTEND"].dt) == "2021-12-01", "all-day event with exclusive DTEND")
    rec = [e for e in cal.walk("VEVENT") if e.get("RRULE")]
    check(len(rec) == 1 and rec[0]["RRULE"]["FREQ"] == ["MONTHLY"] and rec[0]["RRULE"]["INTERVAL"] == [3],
          "quarterly deadline becomes an RRULE")
    check(all(str(e["DTSTAMP"].dt).startswith("2022-03-15") for e in cal.walk("VEVENT")), "DTSTAMP is --today")


def test_open_data():
    import csv, json
    out = os.path.join(tmpdir(), "out")
    rc, _, _ = build(os.path.join(SITES, "minimal"), out)
    raw = open(os.path.join(out, "2021-2022/data/activities.csv"), "rb").read()
    check(raw.startswith(b"\xef\xbb\xbf"), "activities.csv starts with a UTF-8 BOM")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    check(len(rows) == 6, "activities.csv has one row per activity: %d" % len(rows))
    r = {x["number"]: x for x in rows}
    check(r["1.2"]["deadline_start"] == "2021-11-01" and r["1.2"]["overdue"] == "yes" and r["1.2"]["schools"] == "s-1 s-7",
          "activities.csv row content: %s" % r.get("1.2"))
    check(r["1.1"]["evidence"] == "https://example.org/docs/1.pdf" and r["1.1"]["done_on"] == "2021-09-20", "evidence and done_on exported")
    data = json.load(open(os.path.join(out, "2021-2022/data/activities.json"), encoding="utf-8"))
    acts = data["activities"]
    check(data["as_of"] == TODAY and len(acts) == 6 and acts[1]["overdue"] is True and acts[0]["overdue"] is False,
          "activities.json parses, with booleans and as_of")
    check(acts[2]["deadline_kind"] == "period" and acts[5]["deadline_start"] is None, "missing dates are null in JSON")
    page = read(os.path.join(out, "2021-2022/data/index.html"))
    check(all(("<code>%s</code>" % k) in page for k in rows[0].keys()), "the data page describes every column")


def test_indicators_privacy():
    """Small groups: suppressed figures and their counts appear in no output file."""
    import csv, json
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(os.path.join(SITES, "privacy"), out)
    check(rc == 0, "privacy fixture (Windows-1251, sep=;, decimal commas) builds: " + err)
    if rc:
        return
    summary = read(os.path.join(out, "2021-2022/indicators/index.html"))
    # Municipal share = Σ counts / Σ participants = 30 / 160 = 18,75 %, not the mean of school shares.
    check("18,8\u00a0%" in summary or "18,8 %" in summary, "municipal share is Σ counts / Σ participants")
    check("63,6\u00a0балла" in summary, "municipal mean is weighted by participants (10174,7 / 160)")
    # School Г has 3 participants (33,3 %, 77,7); school Д, the next smallest, is suppressed with it (85,7 %, 88,8).
    secret = ["33,3", "33.3", "85,7", "85.7", "77,7", "77.7", "88,8", "88.8", "0.333", "0.857"]
    leaks = []
    for d, _, files in os.walk(out):
        for f in files:
            data = open(os.path.join(d, f), "rb").read().decode("utf-8", "replace")
            leaks += ["%s: %s" % (os.path.relpath(os.path.join(d, f), out), s) for s in secret if s in data]
    check(not leaks, "suppressed figures appear nowhere: %s" % leaks[:5])
    rows = list(csv.DictReader(open(os.path.join(out, "2021-2022/data/results.csv"), encoding="utf-8-sig")))
    hidden = [r for r in rows if r["school"] in ("d", "e")]
    check(hidden and all(r["participants"] == "" and r["value"] == "" and r["suppressed"] == "yes" for r in hidden),
          "results.csv withholds the counts of suppressed rows")
    data = json.load(open(os.path.join(out, "2021-2022/data/indicators.json"), encoding="utf-8"))
    sch = {s["school"]: s for s in data["indicators"][0]["schools"]}
    check(sch["d"]["value"] is None and sch["e"]["value"] is None and sch["a"]["value"] == 10,
          "indicators.json: suppressed schools are null, others published")
    page = read(os.path.join(out, "2021-2022/indicators/vpr-below/index.html"))
    check("менее 5 участников" in page, "the small school shows «менее 5 участников»")
    rows = re.findall(r'<tr><th scope="row"><a href="../../schools/[^>]*>([^<]+)</a>', page)
    check(len(rows) > 1 and rows == sorted(rows), "schools ordered by name, never by value: %s" % rows)
    check("место" not in page.lower().replace("местн", ""), "no ranking column")
    school = read(os.path.join(out, "2021-2022/schools/a/index.html"))
    check("10\u00a0%" in school or "10 %" in school, "school page shows its value next to the municipal one")


def overlay(rule, kind="broken"):
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), d)
    src = os.path.join(SITES, kind, rule)
    for base, _, files in os.walk(src):
        for f in files:
            if f == "expected.txt":
                continue
            rel = os.path.relpath(os.path.join(base, f), src)
            os.makedirs(os.path.dirname(os.path.join(d, rel)), exist_ok=True)
            shutil.copy(os.path.join(base, f), os.path.join(d, rel))
    return d


def test_broken():
    for rule in sorted(os.listdir(os.path.join(SITES, "broken"))):
        site = overlay(rule)
        expected = read(os.path.join(SITES, "broken", rule, "expected.txt")).splitlines()
        out = os.path.join(os.path.dirname(site), "out")
        for cmd in (["check", "-C", site], ["build", "-C", site, "-o", out], ["build", "-C", site, "-o", out, "-q"]):
            rc, _, err = run(*cmd, cwd=os.path.dirname(site))
            lines = [l.replace(site + "/", "") for l in err.splitlines() if ": error: " in l or ": warning: " in l]
            want = expected
            if "-q" in cmd:  # the errors and their count only
                want = [l for l in expected if ": error: " in l] + ["roadmap: ошибок: %d; сайт не записан"
                                                                    % sum(": error: " in l for l in expected)]
                lines = [l.replace(site + "/", "") for l in err.splitlines()]
            check(rc == 1, "%s: %s exits 1 (got %d)" % (rule, " ".join(cmd[:1] + cmd[-1:]), rc))
            check(lines == want, "%s: %s messages\n  got:  %s\n  want: %s" % (rule, " ".join(cmd[:1] + cmd[-1:]), lines, want))
        check(not os.path.exists(out), "%s: nothing written on errors" % rule)


def test_warnings():
    site = overlay("mention", "warn")
    rc, _, err = run("check", "-C", site)
    check(rc == 0 and "plan.yaml:28:9: warning: в тексте мероприятия упомянуты школы, но поле «schools» не задано; "
          "может быть, schools: [s-1, s-7]?" in err, "mention of «ОУ №№ 1, 7» without schools: suggests ids: " + err)
    site = overlay("schedule", "warn")
    rc, _, err = run("check", "-C", site)
    want = ["grafik.csv:3:1: warning: СШ № 1: 5А класс, 15 марта 2022\u00a0г.: вторая оценочная процедура за день "
            "(уже есть «Математика», ВПР, строка 2); рекомендуется не больше одной в день",
            "grafik.csv:4:1: warning: СШ № 1: «Математика» в параллели 5-х классов чаще одного раза в 2,5 недели: "
            "все 5-е классы — 15 марта 2022\u00a0г. (строка 2), 5А — 22 марта 2022\u00a0г., через 7 дней; "
            "между такими процедурами нужно не меньше 18 дней",
            "grafik.csv:5:1: warning: СШ № 1: «Русский язык» в параллели 5-х классов чаще одного раза в 2,5 недели: "
            "5А — 15 марта 2022\u00a0г. (строка 3), 5Б — 22 марта 2022\u00a0г., через 7 дней; "
            "между такими процедурами нужно не меньше 18 дней"]
    check(rc == 0 and all(w in err for w in want) and err.count("warning") == 4,
          "assessment schedule warnings (same day; same subject within 2,5 weeks): " + err)
    out = os.path.join(os.path.dirname(site), "out-schedule")
    build(site, out)
    page = read(os.path.join(out, "2021-2022/schools/s-1/index.html"))
    nxt = page.split('id="h-next"')[1].split("</section>")[0] if 'id="h-next"' in page else ""
    check("15 марта 2022\u00a0г." in nxt and 'href="schedule/index.html"' in nxt,
          "school page shows the next assessments first, with a link to its whole schedule")
    import icalendar
    cal = icalendar.Calendar.from_ical(open(os.path.join(out, "2021-2022/schools/s-1/calendar.ics"), "rb").read())
    check(any(str(e["SUMMARY"]) == "ВПР: Математика, 5 класс" and str(e["DTSTART"].dt) == "2022-03-15"
              for e in cal.walk("VEVENT")), "school calendar carries assessment dates")
    site = overlay("layout-override", "warn")
    out = os.path.join(os.path.dirname(site), "out")
    rc, _, err = build(site, out)
    check(rc == 0 and "site-override" in read(os.path.join(out, "info/index.html")),
          "content/layouts overrides a theme template")
    check("site-override" not in read(os.path.join(out, "index.html")), "other templates still come from the theme")
    broken = os.path.join(os.path.dirname(site), "broken-theme")
    shutil.copytree(os.path.join(ROOT, "themes", "default"), broken)
    with open(os.path.join(broken, "page.html"), "a", encoding="utf-8") as f:
        f.write("\n{{#unclosed}}\n")
    rc, _, err = run("build", "-C", site, "-t", broken, "-o", out, "-q")
    check(rc == 0, "an override replaces a broken theme file: %d %s" % (rc, err))
    outside = os.path.join(os.path.dirname(site), "outside.html")
    open(outside, "w", encoding="utf-8").write("{{> head}}OUTSIDE{{> foot}}")
    os.remove(os.path.join(site, "layouts", "page.html"))
    os.symlink(outside, os.path.join(site, "layouts", "page.html"))
    rc, _, err = run("build", "-C", site, "-o", out, "-q")
    check(rc == 1 and "layouts/page.html: error: файл ведёт за пределы папки с содержимым" in err,
          "a layout symlinked out of the content folder is refused: " + err)
    os.remove(os.path.join(site, "layouts", "page.html"))
    rc, _, err = run("build", "-C", site, "-t", broken, "-o", out, "-q")
    check(rc == 1 and re.search(r"broken-theme/page\.html:\d+:\d+: error: ", err), "template error has file:line:col: " + err)


def test_today():
    """"Now" is --today, else SOURCE_DATE_EPOCH, else the local date; it is printed in the footer."""
    out = os.path.join(tmpdir(), "out")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1647302400")  # 2022-03-15 00:00 UTC
    p = subprocess.run([ROADMAP, "build", "-q", "-C", os.path.join(SITES, "minimal"), "-o", out], env=env,
                       capture_output=True, text=True)
    page = read(os.path.join(out, "index.html"))
    check(p.returncode == 0 and "Сведения по состоянию на 15 марта 2022\u00a0г." in page, "SOURCE_DATE_EPOCH fixes today")
    env["SOURCE_DATE_EPOCH"] = "1647302400"
    p = subprocess.run([ROADMAP, "build", "-q", "-C", os.path.join(SITES, "minimal"), "-o", out, "--today", "2021-10-01"],
                       env=env, capture_output=True, text=True)
    check("Сведения по состоянию на 1 октября 2021\u00a0г." in read(os.path.join(out, "index.html")),
          "--today wins over SOURCE_DATE_EPOCH")


def test_cli():
    rc, out, _ = run("--version")
    check(rc == 0 and out.startswith("roadmap "), "--version")
    rc, out, _ = run("--help")
    check(rc == 0 and "roadmap build" in out, "--help")
    rc, out, _ = run("help", "build")
    check(rc == 0 and "--today" in out, "help build")
    check(run("frobnicate")[0] == 2, "unknown command exits 2")
    check(run("build", "--bogus")[0] == 2, "unknown option exits 2")
    check(run("build", "--today", "2022-02-31")[0] == 2, "impossible --today exits 2")
    check(run("check", "-o", "x")[0] == 2, "option of another command exits 2")
    rc, out, _ = run("deadline", "--edition", "2021-2022", "ноябрь")
    check(rc == 0 and '"start":"2021-11-01","end":"2021-11-30"' in out, "deadline command: " + out)


def test_new():
    d = os.path.join(tmpdir(), "newsite")
    rc, _, err = run("new", d)
    check(rc == 0, "new creates a site: " + err)
    rc, _, err = run("check", "-C", d)
    check(rc == 0 and "warning" not in err, "the starter site passes check: " + err)
    rc, _, err = run("build", "-C", d, "-o", os.path.join(os.path.dirname(d), "out"), "-q")
    check(rc == 0, "the starter site builds: " + err)
    rc, _, _ = run("new", d)
    check(rc != 0, "new refuses a non-empty folder")


def test_output_safety():
    base = tmpdir()
    site = os.path.join(SITES, "minimal")
    # A non-empty folder we did not create is refused and left alone.
    foreign = os.path.join(base, "foreign")
    os.makedirs(foreign)
    open(os.path.join(foreign, "precious.txt"), "w").write("keep")
    rc, _, err = build(site, foreign)
    check(rc == 3 and "не создана программой roadmap" in err, "refuses a foreign non-empty folder: %d %s" % (rc, err))
    check(os.listdir(foreign) == ["precious.txt"], "foreign folder untouched")
    rc, _, _ = build(site, site)
    check(rc == 3, "refuses to write into the content folder")
    rc, _, _ = build(site, os.path.join(site, "editions"))
    check(rc == 3, "refuses to write inside the content folder")
    rc, _, _ = build(site, "/")
    check(rc == 3, "refuses /")
    # A failed build leaves the previous output untouched.
    out = os.path.join(base, "out")
    rc, _, _ = build(site, out)
    before = subprocess.run(["find", out, "-type", "f", "-newer", "/", "-printf", "%P %s\n"], capture_output=True, text=True).stdout
    broken = overlay("unknown-school")
    rc, _, _ = build(broken, out)
    after = subprocess.run(["find", out, "-type", "f", "-newer", "/", "-printf", "%P %s\n"], capture_output=True, text=True).stdout
    check(rc == 1 and before == after and "index.html" in before, "failed build keeps the previous site")
    check(not [n for n in os.listdir(base) if ".tmp-" in n], "no temporary folder left behind")
    # A rebuild replaces our own previous output.
    open(os.path.join(out, "stale.html"), "w").write("old")
    rc, _, _ = build(site, out)
    check(rc == 0 and not os.path.exists(os.path.join(out, "stale.html")), "rebuild replaces the previous output")


def main(tests):
    """Run the named test functions (all when none are named with -k) and
    print the suite's count line.  Other e2e_*.py files import this module's
    helpers and call main() with their own tests and suite name."""
    only = [a for a in sys.argv[1:] if not a.startswith("-")]
    for t in tests:
        if only and not any(o in t.__name__ for o in only):
            continue
        try:
            t()
        except Exception as e:  # a crashing test is a failure, never a skip
            import traceback
            traceback.print_exc()
            check(False, "%s raised %r" % (t.__name__, e))


def finish(suite):
    print("%s: %d passed, %d failed" % (suite, passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if "-k" in sys.argv:
        sys.argv.remove("-k")
    main((test_cli, test_today, test_minimal, test_indicators_privacy, test_new_edition_keeps_archive, test_changes, test_deadlines, test_open_data, test_warnings, test_broken, test_new, test_output_safety, test_demo))
    finish("e2e")
