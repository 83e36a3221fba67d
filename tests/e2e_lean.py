#!/usr/bin/env python3
"""Lean output (issue #14, spec site.md «Weight»): a school's data.json read by
an independent reader agrees with the edition's open data (activities.json,
indicators.json, results.csv) once its documented rule is applied — a key
that is absent means «none», false or null (docs/themes.md); tables say per
row only what differs per row."""
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import *  # noqa: F401,F403

# The absent keys of data.json and what they mean (docs/themes.md).
ACTIVITY_DEFAULTS = {"deadline_start": "", "deadline_end": "", "responsible": "", "overdue": False, "done_on": ""}
RESULT_DEFAULTS = {"grade": None, "suppressed": False}
INDICATOR_DEFAULTS = {"value": None, "suppressed": False, "met": None, "target": None, "municipality": None}


def with_defaults(item, defaults):
    d = dict(defaults)
    d.update(item)
    return d


def nulls_in(v, path=""):
    if v is None:
        return [path]
    items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, list) else ()
    return [p for k, x in items for p in nulls_in(x, "%s%s/" % (path, k))]


def concerns(row, school):
    return row["schools"] == "all" or school in row["schools"].split()


def check_site(out, edition):
    base = os.path.join(out, edition)
    acts = json.load(open(os.path.join(base, "data/activities.json"), encoding="utf-8"))["activities"]
    inds = json.load(open(os.path.join(base, "data/indicators.json"), encoding="utf-8"))["indicators"]
    results = list(csv.DictReader(open(os.path.join(base, "data/results.csv"), encoding="utf-8-sig")))
    schools = sorted(os.listdir(os.path.join(base, "schools")))
    check(schools, edition + ": schools to read")
    for sid in schools:
        raw = open(os.path.join(base, "schools", sid, "data.json"), encoding="utf-8").read()
        d = json.loads(raw)
        nulls = [k for k in nulls_in(d) if not re.match(r"results/\d+/values/", k)]
        check(not nulls, "%s: data.json leaves absent values out instead of null: %s" % (sid, nulls[:3]))
        # Activities: nested in documents and sections, in document order.
        got = []
        for doc in d["documents"]:
            for sec in doc["sections"]:
                check(sec["activities"], "%s: section %s listed only with its activities" % (sid, sec["number"]))
                for a in sec["activities"]:
                    a = with_defaults(a, ACTIVITY_DEFAULTS)
                    got.append((doc["document"], sec["number"], a["number"], a["title"], a["deadline"],
                                a["deadline_kind"], a["deadline_start"], a["deadline_end"], a["responsible"],
                                a["status"], a["overdue"], a["done_on"]))
        want = [(a["document"], a["section"], a["number"], a["title"], a["deadline"], a["deadline_kind"],
                 a["deadline_start"] or "", a["deadline_end"] or "", a["responsible"], a["status"], a["overdue"],
                 a["done_on"] or "")
                for a in acts if concerns(a, sid)]
        check(got == want, "%s/%s: data.json activities equal activities.json's for the school (%d vs %d)"
              % (edition, sid, len(got), len(want)))
        # Indicators: the school's row of indicators.json.
        for i in d["indicators"]:
            i = with_defaults(i, INDICATOR_DEFAULTS)
            ref = next(x for x in inds if x["id"] == i["id"])
            row = next(x for x in ref["schools"] if x["school"] == sid)
            check(i["value"] == row["value"] and i["suppressed"] == row["suppressed"] and i["met"] == row["met"]
                  and i["target"] == ref["target"] and i["municipality"] == ref["municipality"]["value"],
                  "%s/%s: indicator %s as in indicators.json" % (edition, sid, i["id"]))
        # Results: each published count equals results.csv's.
        mine = [r for r in results if r["school"] == sid]
        for r in d["results"]:
            r = with_defaults(r, RESULT_DEFAULTS)
            rows = [x for x in mine if x["procedure"] == r["procedure"] and x["subject"] == r["subject"]
                    and (x["grade"] or None) == (str(r["grade"]) if r["grade"] is not None else None)]
            check(rows, "%s/%s: result %s %s in results.csv" % (edition, sid, r["procedure"], r["subject"]))
            if r["suppressed"]:
                check("participants" not in r and "values" not in r and all(x["suppressed"] == "yes" for x in rows),
                      "%s/%s: a suppressed result carries no figures" % (edition, sid))
                continue
            for col, v in r["values"].items():
                x = next(x for x in rows if x["column"] == col)
                if v is None:
                    check(x["value"] == "" and r["hidden"].get(col) in ("small", "withheld"),
                          "%s/%s: a hidden count is named in hidden" % (edition, sid))
                else:
                    check(float(x["value"]) == v and float(x["participants"]) == r["participants"],
                          "%s/%s: %s %s «%s» = %s as in results.csv" % (edition, sid, r["procedure"], r["subject"], col, v))


def test_data_json_independent_reader():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo build exits 0: " + err[-2000:])
    for ed in sorted(e for e in os.listdir(out) if re.match(r"\d{4}-\d{4}$", e)):
        if os.path.isdir(os.path.join(out, ed, "schools")):
            check_site(out, ed)
    out = os.path.join(tmpdir(), "privacy")
    rc, _, err = build(os.path.join(SITES, "privacy"), out)
    check(rc == 0, "privacy build exits 0: " + err[-2000:])
    check_site(out, "2021-2022")


def test_tables_say_once():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo build exits 0: " + err[-2000:])
    ind = os.path.join(out, "2021-2022/indicators")
    pages = [os.path.join(ind, p, "index.html") for p in os.listdir(ind) if os.path.isdir(os.path.join(ind, p))]
    check(pages, "indicator pages to read")
    for p in pages:
        page = read(p)
        table = page[page.find("ind-schools"):]
        if "ind-schools" not in page:
            continue
        rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", table)
        check(rows and all("data-label" not in r for r in rows),
              "%s: per-school rows carry no per-cell labels (the stylesheet names the columns once)" % p)
        judged = "ind-schools judged" in page
        cells = {len(re.findall(r"<t[dh][ >]", r)) for r in rows}
        check(cells == {5 if judged else 4}, "%s: a verdict column only where schools are judged: %s" % (p, cells))
        check("<circle" not in page or 'fill-opacity="0.6"><circle' in page,
              "%s: the dots of the distribution share one paint" % p)
    css = read(os.path.join(out, "assets/style.css"))
    for label in ("Значение", "Участников", "Изменение", "Целевое значение"):
        check('table.ind-schools' in css and '"%s"' % label in css, "style.css names the column «%s»" % label)


if __name__ == "__main__":
    main((test_data_json_independent_reader, test_tables_say_once)); finish("e2e_lean")
