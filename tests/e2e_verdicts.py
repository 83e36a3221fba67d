"""No verdicts on schools from assessment results (issue #10 item 8,
spec/indicators.md): for an indicator computed from results/ (ВПР, ЕГЭ …) no
per-school «достигнуто / не достигнуто» and no «N из M школ»; other indicators
show them only with judge_schools: true, which is an error on a results one."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,E702,F403
import csv
import re
import shutil

RESULTS_BASED = ["vpr-math-4-below-basic", "ege-russian-mean"]
JUDGED = "teachers-trained-low-results"   # judge_schools: true in content/indicators.yaml


def test_no_verdicts_on_assessment_indicators():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo builds: " + err[-300:])
    ed = "2021-2022"
    for ind in RESULTS_BASED:
        page = os.path.join(out, ed, "indicators", ind, "index.html")
        check(os.path.isfile(page), "%s has a page" % ind)
        if not os.path.isfile(page):
            continue
        text = re.sub(r"<[^>]+>", " ", read(page))
        check(not re.search(r"\d+\s+из\s+\d+\s+школ", text), "%s: no «N из M школ»" % ind)
    index = re.sub(r"\s+", " ", read(os.path.join(out, ed, "indicators", "index.html")))
    for row in re.findall(r"<tr>.*?</tr>", index):
        if any(ind in row for ind in RESULTS_BASED):
            check(not re.search(r"\d+ из \d+ школ", re.sub(r"<[^>]+>", " ", row)),
                  "indicators table: no «N из M школ» for an assessment indicator: " + row[:200])
    with open(os.path.join(out, ed, "data", "indicators.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["indicator"] in RESULTS_BASED and r["school"] != "municipality":
            check(r["met"] == "", "open data: no per-school verdict for %s / %s: %r" % (r["indicator"], r["school"], r["met"]))
    judged = [r for r in rows if r["indicator"] == JUDGED and r["school"] != "municipality"]
    check(judged and any(r["met"] in ("yes", "no") for r in judged),
          "an indicator with judge_schools: true keeps per-school verdicts")
    page = re.sub(r"<[^>]+>", " ", read(os.path.join(out, ed, "indicators", JUDGED, "index.html")))
    check("достигнуто" in page, "and its page shows them")
    # Every school page: no verdict next to an assessment indicator.
    for f in sorted(os.listdir(os.path.join(out, ed, "schools"))):
        p = os.path.join(out, ed, "schools", f, "index.html")
        if not os.path.isfile(p):
            continue
        html = re.sub(r"\s+", " ", read(p))
        for row in re.findall(r"<tr>.*?</tr>", html):
            if any("/" + ind + "/" in row for ind in RESULTS_BASED):
                check("достигнуто" not in row, "%s: no verdict on an assessment indicator: %s" % (f, row[:200]))


def test_judge_schools_refused_on_results():
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(ROOT, "content"), d)
    p = os.path.join(d, "indicators.yaml")
    text = read(p)
    text = text.replace("- id: ege-russian-mean\n", "- id: ege-russian-mean\n  judge_schools: true\n", 1)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
    rc, _, err = build(d, os.path.join(tmpdir(), "out"))
    check(rc == 1 and re.search(r"indicators\.yaml:\d+:\d+: error: .*judge_schools", err),
          "judge_schools on a results indicator is an error at its position: " + err[-400:])


if __name__ == "__main__":
    main((test_no_verdicts_on_assessment_indicators, test_judge_schools_refused_on_results))
    finish("e2e_verdicts")
