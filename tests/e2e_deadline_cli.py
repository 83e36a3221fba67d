"""`roadmap deadline` with a content folder reads a phrase as `build` does: the
edition's period, school_terms and reporting unit from its edition.yaml
(-C ПАПКА or the current folder holding site.yaml; --edition, else the
site's current edition).  Without content: the default period and terms.
Also: a subject after «по» is not an event, and `check` says so."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *
import json
import shutil

TERMS = """school_terms:
  - {start: 2021-09-01, end: 2021-10-29}
  - {start: 2021-11-08, end: 2021-12-29}
  - {start: 2022-01-10, end: 2022-03-25}
  - {start: 2022-04-04, end: 2022-05-31}
"""


def site_with(edition_yaml_extra, deadlines=()):
    """A copy of the minimal fixture with lines added to its 2021-2022
    edition.yaml and, for each deadline, an activity that has it."""
    d = os.path.join(tmpdir(), "site")
    shutil.copytree(os.path.join(SITES, "minimal"), d)
    ed = os.path.join(d, "editions", "2021-2022")
    with open(os.path.join(ed, "edition.yaml"), "a", encoding="utf-8") as f:
        f.write(edition_yaml_extra)
    if deadlines:
        with open(os.path.join(ed, "extra.yaml"), "w", encoding="utf-8") as f:
            f.write("title: Проверка сроков\nsections:\n  - title: Сроки\n    activities:\n")
            for k, dl in enumerate(deadlines, 1):
                f.write("      - number: \"%d\"\n        title: Мероприятие %d\n        deadline: %s\n"
                        "        responsible: Отдел образования\n        schools: all\n" % (k, k, json.dumps(dl, ensure_ascii=False)))
    return d


def lines(out):
    return [json.loads(l) for l in out.splitlines()]


def test_edition_terms_and_build_agree():
    site = site_with(TERMS, ["II четверть", "по итогам I четверти"])
    rc, out, err = run("deadline", "-C", site, "--edition", "2021-2022", "II четверть", "1 раз в четверть",
                       "по итогам I четверти")
    check(rc == 0 and err == "", "deadline -C --edition runs quietly: %d %s" % (rc, err))
    got = lines(out) if rc == 0 else []
    check(len(got) == 3, "one JSON line per phrase")
    if len(got) == 3:
        check(got[0]["start"] == "2021-11-08" and got[0]["end"] == "2021-12-29" and "approx" not in got[0],
              "«II четверть» is the edition's second term, exact: %s" % got[0])
        check([p["end"] for p in got[1]["parts"]] == ["2021-10-29", "2021-12-29", "2022-03-25", "2022-05-31"],
              "«1 раз в четверть» recurs on the edition's terms: %s" % got[1])
        check(got[2]["kind"] == "event" and got[2]["end"] == "2021-10-29", "«по итогам I четверти» on term I: %s" % got[2])
    rc, out, _ = run("deadline", "--edition", "2021-2022", "II четверть")
    dflt = lines(out)[0] if rc == 0 else {}
    check(dflt.get("start") == "2021-11-01" and dflt.get("approx") is True,
          "without content the default term, approximate: %s" % dflt)
    # The same phrase in the built site's open data has the same dates.
    o = os.path.join(os.path.dirname(site), "out")
    rc, _, err = run("build", "-q", "-C", site, "-o", o, "--today", TODAY)
    check(rc == 0, "the site builds: " + err)
    if rc == 0 and len(got) == 3:
        acts = json.load(open(os.path.join(o, "2021-2022", "data", "activities.json"), encoding="utf-8"))["activities"]
        by = {a["deadline"]: a for a in acts}
        for g in (got[0], got[2]):
            a = by.get(g["text"], {})
            check((a.get("deadline_kind"), a.get("deadline_start"), a.get("deadline_end")) == (g["kind"], g["start"], g["end"]),
                  "build and `deadline -C` agree on «%s»: %s vs %s" % (g["text"], a, g))


def test_period_and_reporting():
    site = site_with("period: {start: 2021-09-01, end: 2022-06-30}\nreporting:\n  every: half-year\n")
    rc, out, err = run("deadline", "-C", site, "--edition", "2021-2022", "в течение года",
                       "до 5 числа месяца, следующего за отчётным периодом")
    got = lines(out) if rc == 0 else []
    check(len(got) == 2 and got[0]["end"] == "2022-06-30", "the edition's own period: %s %s" % (got[:1], err))
    check(len(got) == 2 and got[1].get("every") == "half-year", "the edition's reporting unit: %s" % got[1:])


def test_current_edition_and_folder():
    site = site_with(TERMS)
    # Without --edition: the site's current edition (here its only one).
    rc, out, err = run("deadline", "-C", site, "II четверть")
    check(rc == 0 and lines(out)[0]["start"] == "2021-11-08", "-C alone reads in the current edition: %s %s" % (out, err))
    # No -C inside the content folder: as build and check, the folder with site.yaml.
    rc, out, err = run("deadline", "--edition", "2021-2022", "II четверть", cwd=site)
    check(rc == 0 and lines(out)[0]["start"] == "2021-11-08", "the current folder with site.yaml is the content: %s %s" % (out, err))
    # Options in any order, as in the other commands.
    rc, out2, _ = run("deadline", "II четверть", "--edition", "2021-2022", "-C", site)
    check(rc == 0 and out2 == out, "options after the phrase")
    # A folder without site.yaml and no -C: the defaults.
    rc, out, _ = run("deadline", "--edition", "2021-2022", "II четверть", cwd=tmpdir())
    check(rc == 0 and lines(out)[0]["start"] == "2021-11-01", "no content folder: the default terms")


def test_errors():
    site = site_with(TERMS)
    rc, out, err = run("deadline", "-C", site, "--edition", "2030-2031", "ноябрь")
    check(rc == 1 and out == "" and "editions/2030-2031: error: редакции «2030-2031» нет в папке editions; есть: 2021-2022" in err,
          "an edition the site lacks: exit 1, the editions it has: %d %r" % (rc, err))
    rc, out, err = run("deadline", "-C", site, "--edition", "2021", "ноябрь")
    check(rc == 2 and out == "", "a malformed --edition is a usage error")
    rc, out, err = run("deadline", "-C", os.path.join(tmpdir(), "none"), "ноябрь")
    check(rc == 1 and out == "" and "не найдена" in err, "a missing content folder: exit 1")
    with open(os.path.join(site, "site.yaml"), "a", encoding="utf-8") as f:
        f.write("current_edition: 2030-2031\n")
    rc, out, err = run("deadline", "-C", site, "ноябрь")
    check(rc == 1 and out == "" and "site.yaml:" in err and "поле «current_edition»: редакции «2030-2031» нет" in err,
          "a current_edition the site lacks: said at its place in site.yaml, as check says it: %r" % err)
    bad = site_with("school_terms:\n  - {start: 2021-09-01, end: 2021-08-01}\n")
    rc, out, err = run("deadline", "-C", bad, "--edition", "2021-2022", "II четверть")
    check(rc == 1 and out == "" and "editions/2021-2022/edition.yaml:" in err and ": error: " in err,
          "an error in edition.yaml is shown at its position, nothing printed: %d %r" % (rc, err))


def test_subject_is_no_deadline():
    site = site_with("", ["по математике", "по русскому языку", "по мере необходимости", "по отдельному графику"])
    rc, out, _ = run("deadline", "-C", site, "по математике", "по русскому языку", "по мере необходимости",
                     "по отдельному графику")
    kinds = [g["kind"] for g in lines(out)] if rc == 0 else []
    check(kinds == ["unknown", "unknown", "event", "event"], "subjects are unknown, schedules events: %s" % kinds)
    rc, _, err = run("check", "-C", site, "--today", TODAY)
    warned = [l for l in err.splitlines() if "extra.yaml" in l and ": warning: " in l]
    check(rc == 0 and len(warned) == 2 and all("срок" in l.lower() for l in warned),
          "check warns on the two subject deadlines only: %s" % warned)


if __name__ == "__main__":
    main((test_edition_terms_and_build_agree, test_period_and_reporting, test_current_edition_and_folder, test_errors,
          test_subject_is_no_deadline))
    finish("e2e_deadline_cli")
