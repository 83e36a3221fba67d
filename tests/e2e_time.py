#!/usr/bin/env python3
"""Time of an edition: multi-year editions, school terms, reporting periods,
targets by year (tests/sites/multiyear; spec/content.md «Multi-year documents»,
spec/execution.md «Reporting periods»)."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *
import json
import re
import shutil

MULTI = os.path.join(SITES, "multiyear")


def text(path):
    """Visible text of a page, tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", read(path)))


def build_multi(today):
    out = os.path.join(tmpdir(), "site")
    rc, _, err = run("build", "-C", MULTI, "-o", out, "--today", today, "-q")
    check(rc == 0, "multiyear builds on %s: %s" % (today, err))
    return out


def test_multiyear_deadlines():
    """A month without a year repeats in each school year of 2022-2024."""
    rc, out, _ = run("deadline", "--edition", "2022-2024", "январь", "январь 2024", "в течение 2022-2024 гг.")
    check(rc == 0, "deadline --edition 2022-2024 runs")
    lines = [json.loads(l) for l in out.splitlines()]
    check(lines[0]["kind"] == "recurring" and lines[0]["every"] == "year"
          and [p["start"] for p in lines[0]["parts"]] == ["2023-01-01", "2024-01-01"],
          "«январь» is January 2023 and January 2024: %s" % lines[0])
    check(lines[1]["kind"] == "range" and lines[1]["start"] == "2024-01-01", "a written year is placed once")
    check(lines[2]["kind"] == "period" and lines[2]["end"] == "2024-08-31", "«2022-2024 гг.» is the edition")


def test_multiyear_site():
    out = build_multi("2023-03-15")
    ed = os.path.join(out, "2022-2024")
    home = text(os.path.join(ed, "index.html"))
    check("2022–2024 годы" in home, "the edition is titled «2022–2024 годы»")
    check("2022-2024 учебный год" not in home and "2022/2024" not in home, "no one-year title for a multi-year edition")
    check("2022–2024 годы" in text(os.path.join(out, "archive", "index.html")), "archive names the period")
    # Calendar over the whole period: January in both years, the August conference in both.
    ics = read(os.path.join(ed, "calendar.ics"))
    for day in ("DTSTART;VALUE=DATE:20230101", "DTSTART;VALUE=DATE:20240101", "DTSTART;VALUE=DATE:20220801",
                "DTSTART;VALUE=DATE:20230801"):
        check(day in ics, "calendar has %s" % day)
    # School terms from edition.yaml, not calendar quarters and not the default.
    for day in ("DTEND;VALUE=DATE:20221029", "DTEND;VALUE=DATE:20240323", "DTSTART;VALUE=DATE:20231106"):
        check(day in ics, "calendar follows the given terms: %s" % day)
    check(ics.count("SUMMARY:3. ") == 8, "eight terms in two school years")
    check("UNTIL=20240831" in ics, "the quarterly report repeats to the end of the period")
    prog = text(os.path.join(ed, "programme", "index.html"))
    check("границы четвертей приблизительные" not in prog, "given terms are not called approximate")
    # Report: quarters over the whole period, summer included.
    rep = read(os.path.join(ed, "report", "index.html"))
    ids = re.findall(r'<section id="(q-\d{4}-\d)"', rep)
    check(ids == ["q-2022-3", "q-2022-4", "q-2023-1", "q-2023-2", "q-2023-3", "q-2023-4", "q-2024-1",
                  "q-2024-2", "q-2024-3"], "report quarters cover 2022-09 … 2024-08: %s" % ids)
    rt = text(os.path.join(ed, "report", "index.html"))
    check("с 1 июля 2023 г. по 30 сентября 2023 г." in rt, "July–September 2023 is one quarter")
    check("с 1 июля 2024 г. по 31 августа 2024 г." in rt, "the last quarter ends on the edition's last day")
    check("с 1 сентября 2022 г. по 30 сентября 2022 г.; отчёт — до 5 октября 2022 г." in rt
          and "по 31 марта 2024 г.; отчёт — до 5 апреля 2024 г." in rt,
          "reporting.due gives each quarter its report day")


def test_targets_by_year():
    """target: {2023: 50, 2024: 60} is judged in its own year only; target_by likewise."""
    out = build_multi("2023-03-15")
    m = text(os.path.join(out, "2022-2024", "indicators", "mentors", "index.html"))
    check("не менее 50 % (на 2023 год)" in m, "2023 is judged against the 2023 plan")
    check("2023 г. — 50 %; 2024 г. — 60 %" in m, "the plan by year is shown")
    check("40 % (2022 г.)" in m, "the baseline is shown")
    check("целевой год — 2023 (не менее 50 %)" in m, "the one-year edition before the plan waits for its year")
    t = text(os.path.join(out, "2022-2024", "indicators", "trained", "index.html"))
    check("целевой год — 2024 (не менее 70 %)" in t, "target_by 2024 is not judged in 2023")
    check("не достигнуто" not in t, "no verdict before the target year")
    old = text(os.path.join(out, "2021-2022", "indicators", "trained", "index.html"))
    check("не достигнуто" not in old and "целевой год — 2024" in old, "2021/22 is not judged against the 2024 target")
    out = build_multi("2024-03-15")
    m = text(os.path.join(out, "2022-2024", "indicators", "mentors", "index.html"))
    check("не менее 60 % (на 2024 год)" in m and "не достигнуто" in m, "in 2024 the 2024 plan judges 52 %")
    t = text(os.path.join(out, "2022-2024", "indicators", "trained", "index.html"))
    check("не менее 70 % (на 2024 год)" in t and "не достигнуто" in t, "target_by 2024 is judged in 2024")


def test_default_terms():
    """Without school_terms the default terms are used and said to be approximate."""
    out = build_multi("2023-03-15")
    plan = text(os.path.join(out, "2021-2022", "plan", "index.html"))
    check("границы четвертей приблизительные" in plan, "default terms are called approximate")
    ics = read(os.path.join(out, "2021-2022", "calendar.ics"))
    check("DTSTART;VALUE=DATE:20220110" in ics and "DTEND;VALUE=DATE:20211101" in ics,
          "default terms: III from 10 January, I to 31 October")
    check("FREQ=MONTHLY;INTERVAL=3" not in ics.split("SUMMARY:1.1.")[0].split("BEGIN:VEVENT")[-1],
          "«1 раз в четверть» is no calendar quarter")


def test_edition_yaml_errors():
    """Bad school_terms / reporting: errors at their positions, nothing written."""
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(MULTI, d)
    with open(os.path.join(d, "editions", "2022-2024", "edition.yaml"), "w", encoding="utf-8") as f:
        f.write("reporting:\n  every: weekly\nschool_terms:\n  - {start: 2022-11-01, end: 2022-10-01}\n"
                "  - {start: 2021-09-01, end: 2021-10-30}\n")
    out = os.path.join(tmpdir(), "out")
    rc, _, err = run("build", "-C", d, "-o", out, "--today", TODAY, "-q")
    check(rc == 1 and not os.path.exists(out), "bad edition.yaml: exit 1, nothing written")
    check("editions/2022-2024/edition.yaml:2:10: error: поле «every»" in err, "bad every at its position: " + err)
    check("edition.yaml:4:5: error: четверть начинается позже" in err, "term ending before it starts: " + err)
    check("edition.yaml:5:5: error: четверть лежит вне периода" in err, "term outside the period: " + err)


if __name__ == "__main__":
    main((test_multiyear_deadlines, test_multiyear_site, test_targets_by_year, test_default_terms,
          test_edition_yaml_errors))
    finish("e2e_time")
