#!/usr/bin/env python3
"""privacy.min_cell (indicators.md): in a published school row of results, a
mark count from 1 to min_cell − 1 is shown only as «менее N», one more count of
the row is withheld so the small one cannot be recovered from the total, and
open data follows the page."""
import csv
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import *  # noqa: F401,F403


def small_school_site(min_cell=None):
    """The privacy fixture plus school «f»: 8 pupils, marks 2:1, 3:2, 4:5, 5:0 (school «e», 7, stays the complementary suppression of «d»)."""
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "privacy"), d)
    with open(os.path.join(d, "schools.csv"), "a", encoding="utf-8") as f:
        f.write("f,Школа Е,ШЕ\n")
    with open(os.path.join(d, "editions/2021-2022/results/vpr.csv"), "ab") as f:
        f.write("f;ВПР;Математика;4;8;1;2;5;0;70,5\r\n".encode("cp1251"))
    if min_cell is not None:
        with open(os.path.join(d, "site.yaml"), "a", encoding="utf-8") as f:
            f.write("  min_cell: %d\n" % min_cell)
    return d


def results_of(out, school):
    rows = csv.DictReader(open(os.path.join(out, "2021-2022/data/results.csv"), encoding="utf-8-sig"))
    return {r["column"]: r for r in rows if r["school"] == school}


def pages_mentioning(out, text):
    hits = []
    for base, _, files in os.walk(out):
        for f in files:
            if f.endswith(".html") and text in read(os.path.join(base, f)):
                hits.append(os.path.relpath(os.path.join(base, f), out))
    return hits


def test_min_cell_default():
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(small_school_site(), out)
    check(rc == 0, "the privacy fixture with an 8-pupil school builds: " + err)
    if rc:
        return
    f = results_of(out, "f")
    check(f.get("2", {}).get("value") == "" and f["2"]["suppressed"] == "small",
          "a count of 1 is not published in results.csv: %r" % f.get("2"))
    check(f.get("3", {}).get("value") == "" and f["3"]["suppressed"] == "small",
          "a count of 2 is not published (default min_cell 3): %r" % f.get("3"))
    check(f.get("4", {}).get("value") == "" and f["4"]["suppressed"] == "withheld",
          "the smallest other non-zero count is withheld: %r" % f.get("4"))
    check(f.get("5", {}).get("value") == "0" and f.get("mean_score", {}).get("value") == "70.5",
          "zero counts and means stay published: %r %r" % (f.get("5"), f.get("mean_score")))
    a = results_of(out, "a")
    check(all(r["suppressed"] == "no" and r["value"] for r in a.values()), "large schools keep every count")
    import json
    data = json.load(open(os.path.join(out, "2021-2022/schools/f/data.json"), encoding="utf-8"))
    row = data["results"][0]
    check(row["values"]["2"] is None and row["values"]["3"] is None and row["values"]["4"] is None
          and row["hidden"] == {"2": "small", "3": "small", "4": "withheld"} and row["values"]["5"] == 0,
          "data.json follows the page: %r" % row)
    shown = pages_mentioning(out, "менее 3")
    check(shown, "a page shows «менее 3» for the small counts")
    for p in shown:
        page = read(os.path.join(out, p))
        check("Отметка «2»: 1;" not in page and "«4»: 5" not in page, "%s: the hidden counts are not on the page" % p)


def test_min_cell_setting():
    out = os.path.join(tmpdir(), "out")
    rc, _, err = build(small_school_site(min_cell=2), out)
    check(rc == 0, "min_cell: 2 builds: " + err)
    if rc:
        return
    f = results_of(out, "f")
    check(f["2"]["suppressed"] == "small" and f["3"]["suppressed"] == "withheld" and f["4"]["value"] == "5",
          "with min_cell 2 only the count of 1 is small, and the next smallest (2) is withheld: %r" % f)
    check(pages_mentioning(out, "менее 2"), "pages say «менее 2»")


if __name__ == "__main__":
    main((test_min_cell_default, test_min_cell_setting))
    finish("e2e_mincell")
