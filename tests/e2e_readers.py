"""Readers first (issue 11): natural school order, the short stable address,
embed page and data.json for every school, the search index."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *
import json
import re


def demo_site():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = run("build", "-q", "-C", os.path.join(ROOT, "content"), "-o", out, "--today", "2022-03-15")
    check(rc == 0, "demo builds: " + err)
    return out


def test_readers():
    out = demo_site()
    reg = read(os.path.join(out, "schools/index.html"))
    names = re.findall(r'<a href="[^"]*">(МОУ [^<]*)</a>', reg)
    nums = [int(re.search(r"№ (\d+)$", n).group(1)) for n in names if re.match(r"МОУ СШ № \d+$", n)]
    check(nums == sorted(nums) and 2 in nums and 13 in nums, "registry in natural order (№ 2 before № 13): %s" % nums)
    short = read(os.path.join(out, "schools/sosh-4/index.html"))
    check('<link rel="canonical" href="../../2021-2022/schools/sosh-4/index.html">' in short
          and 'http-equiv="refresh"' in short and "h-acts" not in short,
          "stable address is a short page pointing to the current edition")
    ids = sorted(os.listdir(os.path.join(out, "2021-2022/schools")))
    for sid in ids:
        base = os.path.join(out, "2021-2022/schools", sid)
        emb = read(os.path.join(base, "embed/index.html"))
        check("<script" not in emb and "site-nav" not in emb and "Ближайшие оценочные процедуры" in emb,
              sid + ": embed page without scripts or site navigation")
        d = json.load(open(os.path.join(base, "data.json"), encoding="utf-8"))
        check(d["school"]["id"] == sid and isinstance(d["documents"], list) and "schedule" in d and "results" in d,
              sid + ": data.json has the school, documents with activities, schedule, results")
        check(all("participants" not in r and "values" not in r for r in d["results"] if r.get("suppressed")),
              sid + ": suppressed results carry no figures")
    page = read(os.path.join(out, "2021-2022/schools/sosh-4/index.html"))
    check(page.index('id="h-next"') < page.index('id="h-acts"') and "<h2>Сроки</h2>" not in page,
          "school page: next procedures before the activities, no deadline table")
    check("&lt;iframe src=" in page and 'href="embed/index.html"' in page, "school page shows the iframe code")
    idx = json.load(open(os.path.join(out, "search.json"), encoding="utf-8"))
    check(any(s[0] == "sosh-4" and "№ 4" in s[1] for s in idx["schools"]) and idx["activities"] and idx["pages"],
          "search.json lists schools, activities and pages")
    home = read(os.path.join(out, "index.html"))
    check(home.count("Ход исполнения") <= 1, "home page: one progress block heading")
    check('action="schools/index.html"' in home and 'role="search"' in home, "search form leads to the registry")
    check('rel="icon"' in home and os.path.isfile(os.path.join(out, "assets/favicon.svg")), "favicon in the theme")


if __name__ == "__main__":
    main((test_readers,)); finish("e2e_readers")
