#!/usr/bin/env python3
"""End-to-end test of `roadmap import` (spec/import.md).

For every seed in tests/import/seeds/ (real tables pasted from Word) and every
fixture in tests/import/fixtures/ (small tables: TAB paste, `;` CSV in
Windows-1251, TSV with a «Задачи» column, HTML remnants, tricky values), it
imports the table into a copy of tests/sites/minimal (replacing
editions/2021-2022/plan.yaml), runs `roadmap check` (must pass) and `roadmap
build`, and compares the built document page with the source: the same
sections and activities, in the same order, with the same numbers, texts and
deadlines.  For the seeds the source is read here independently of the C code
(a deliberately simple reader of TAB-separated rows); for the fixtures the
expected content is written out in <name>.expect.json.

Also: stdout and -o give the same document, -o never overwrites a file, every
YAML scalar is quoted, no HTML remnant reaches the page.
Prints "import: N passed, N failed" last.
"""
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ROADMAP = os.path.abspath(os.path.join(ROOT, os.environ.get("ROADMAP", "./roadmap")))
MINIMAL = os.path.join(ROOT, "tests", "sites", "minimal")
THEME = os.path.join(ROOT, "themes", "default")
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)
    return cond


def run(*args):
    p = subprocess.run([ROADMAP, *args], cwd=ROOT, capture_output=True, text=True, errors="replace")
    return p.returncode, p.stdout, p.stderr


# ---- comparing texts ----

TAG = re.compile(r"<[^<>]*>")


def norm(s):
    """Text as a reader sees it: no tags, entities decoded, paste-tool ** and
    list dashes (a '-' not inside a word) gone, whitespace collapsed."""
    s = html.unescape(TAG.sub(" ", s or ""))
    s = s.replace("**", " ").replace("\u00a0", " ")
    s = re.sub(r"(?<!\w)-(?!\w)", " ", s)
    return " ".join(s.split())


def plain(s):
    return " ".join(html.unescape(TAG.sub(" ", s or "")).replace("**", " ").split())


# ---- the seeds, read independently ----

NUMBER = re.compile(r"^\d+(\.\d+)*\.?$")
HEADING = re.compile(r"^(\d+)\.\s+(.*)$")


def read_seed(path):
    """Sections [{number, title, acts: [{number, title, deadline}]}] of a pasted
    Word table: the header is the first TAB line naming the activities; a row
    with a number in its first cell is an activity; a row whose only text is a
    capitalised first cell is a section; any other row continues the activity
    above, cell by cell (a row with a cell less lost its empty first cell)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    head = next(i for i, l in enumerate(lines)
                if "\t" in l and re.search(r"мероприят|направления деятельности", l, re.I))
    header = [plain(c) for c in lines[head].split("\t")]
    ncols = len(header)
    dcol = next(i for i, c in enumerate(header) if re.search(r"срок|время|дата", c, re.I))
    sections = []
    for line in lines[head + 1:]:
        cells = [plain(c) for c in line.split("\t")]
        filled = [i for i, c in enumerate(cells) if c]
        if not filled or all(set(c) <= set("-") for c in cells if c):
            continue
        if NUMBER.match(cells[0]):
            cells += [""] * (ncols - len(cells))
            sections[-1]["acts"].append({"number": cells[0], "cells": cells})
        elif filled == [0] and (cells[0][0].isupper() or cells[0][0].isdigit()):
            m = HEADING.match(cells[0])
            sections.append({"number": m.group(1) if m else None,
                             "title": m.group(2) if m else cells[0], "acts": []})
        else:
            if len(cells) < ncols and cells[0]:
                cells = [""] + cells
            act = sections[-1]["acts"][-1]
            for j, c in enumerate(cells[:ncols]):
                if c:
                    act["cells"][j] = (act["cells"][j] + " " + c).strip()
    for s in sections:
        for a in s["acts"]:
            a["title"] = a["cells"][1]
            a["deadline"] = a["cells"][dcol]
    return sections


# ---- the built page ----

class DocPage(html.parser.HTMLParser):
    """Sections (h3 text) and their activity rows (number, title, deadline) of a
    document page; the title cell without its task / schools / link notes."""

    def __init__(self):
        super().__init__()
        self.sections, self.row, self.cell, self.skip, self.in_h3, self.tds = [], None, None, 0, False, 0
        self.raw_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "section" and "doc-section" in cls.split():
            self.sections.append({"h3": "", "rows": []})
        elif tag == "h3" and self.sections:
            self.in_h3 = True
        elif tag == "tr" and self.sections and a.get("id"):
            self.row = {"number": "", "title": "", "deadline": ""}
            self.sections[-1]["rows"].append(self.row)
            self.tds = 0
        elif tag in ("th", "td") and self.row is not None:
            if tag == "th":
                self.cell = "number"
            else:
                self.tds += 1
                # By class: optional columns (task …) may stand between title and deadline.
                self.cell = next((k for k in ("title", "deadline") if k in cls.split()), None)
        elif (tag == "p" and self.cell == "title" and cls in ("task", "concerns", "doc-link")) or \
                (tag == "small" and self.cell == "deadline" and cls == "deadline-note"):
            # notes the page adds beside the document's text
            self.skip += 1
        if self.cell and not self.skip:
            self.row[self.cell] += " "

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag == "h3":
            self.in_h3 = False
        elif tag in ("p", "small") and self.skip:
            self.skip -= 1
        if self.cell and not self.skip:
            self.row[self.cell] += " "

    def handle_data(self, d):
        if self.row is not None and self.cell:
            self.raw_text.append(d)
        if self.in_h3:
            self.sections[-1]["h3"] += d
        elif self.cell and not self.skip:
            self.row[self.cell] += d


def page_of(out):
    p = DocPage()
    with open(os.path.join(out, "2021-2022", "plan", "index.html"), encoding="utf-8") as f:
        p.feed(f.read())
    return p


# ---- YAML shape ----

def scalars_quoted(yaml_text):
    """Every value is "quoted" or a |- block: nothing left for YAML to guess."""
    bad = []
    block = None
    for n, line in enumerate(yaml_text.split("\n"), 1):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None:
            if not line.strip() or indent > block:
                continue
            block = None
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^(- )?([a-z_]+):( (.*))?$", s)
        value = m.group(4) if m else (s[2:] if s.startswith("- ") else s)
        if m and (value is None or value == ""):
            continue
        if value == "|-":
            block = indent
            continue
        if not re.fullmatch(r'"(?:[^"\\]|\\.)*"', value):
            bad.append("%d: %s" % (n, line))
    return bad


# ---- fields the loader may not know yet ----

NEW_FIELDS = {"kind", "considered", "chapters", "schools", "signer", "signer_title"}
NEW_KEY = re.compile(r"неизвестное поле «([a-z_]+)»")


def loader_lacks(err):
    errors = [l for l in err.split("\n") if ": error: " in l]
    return errors and all(NEW_KEY.search(l) and NEW_KEY.search(l).group(1) in NEW_FIELDS for l in errors)


def strip_new_fields(yaml_text):
    """The document without the new document-level keys, approved.signer*,
    and section-level `schools:` (activity-level schools stay)."""
    out, skip = [], None
    for line in yaml_text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if skip is not None:
            if line.strip() and indent <= skip:
                skip = None
            else:
                continue
        m = re.match(r"^( *)(- )?([a-z_]+):", line)
        if m and not m.group(2):
            key, ind = m.group(3), len(m.group(1))
            if (ind == 0 and key in ("kind", "considered", "chapters", "schools")) or \
               (ind == 2 and key in ("signer", "signer_title")) or (ind == 4 and key == "schools"):
                skip = ind
                continue
        out.append(line)
    return "\n".join(out)


# ---- one import ----

def import_into_site(table, edition=None, extra=()):
    """Imports table into a fresh copy of the minimal site, checks and builds
    it.  Returns (tmp, yaml_text, import stderr, page) or None.  extra: more
    import options; "{site}" in them is the site's folder."""
    tmp = tempfile.mkdtemp(prefix="roadmap-import-")
    site = os.path.join(tmp, "site")
    shutil.copytree(MINIMAL, site)
    plan = os.path.join(site, "editions", "2021-2022", "plan.yaml")
    os.remove(plan)
    extra = [a.replace("{site}", site) for a in extra]
    args = ["import"] + (["--edition", edition] if edition else []) + extra + ["-o", plan, table]
    rc, out, err = run(*args)
    name = os.path.basename(table)
    if not check(rc == 0 and os.path.exists(plan), "%s: import -o exits 0 (rc %d): %s" % (name, rc, err[-500:])):
        return None
    with open(plan, encoding="utf-8") as f:
        yaml_text = f.read()
    rc2, out2, err2 = run("import", *(["--edition", edition] if edition else []), *extra, table)
    check(rc2 == 0 and out2 == yaml_text, "%s: stdout gives the same document as -o" % name)
    bad = scalars_quoted(yaml_text)
    check(not bad, "%s: unquoted scalars: %s" % (name, bad[:3]))
    rc, _, cerr = run("check", "-C", site, "--today", "2022-03-15")
    if rc != 0 and loader_lacks(cerr):
        # The fields of content.md «Real documents» (kind, considered,
        # chapters, approved.signer/signer_title, document/section schools)
        # are being added to the loader on another branch (h-docmodel).  Until
        # it lands, check the rest of the document without them.
        print("  %s: the loader does not know %s yet; checked without them" % (name, sorted(set(NEW_KEY.findall(cerr)))))
        with open(plan, "w", encoding="utf-8") as f:
            f.write(strip_new_fields(yaml_text))
        rc, _, cerr = run("check", "-C", site, "--today", "2022-03-15")
    if not check(rc == 0, "%s: roadmap check passes (rc %d): %s" % (name, rc, cerr[-800:])):
        return None
    out_dir = os.path.join(tmp, "out")
    rc, _, berr = run("build", "-C", site, "-t", THEME, "-o", out_dir, "--today", "2022-03-15", "-q")
    if not check(rc == 0, "%s: roadmap build passes (rc %d): %s" % (name, rc, berr[-800:])):
        return None
    page = page_of(out_dir)
    raw = " ".join(page.raw_text)
    check(not re.search(r"<\s*/?\s*(p|ul|li|b|strong|br|span)\b", raw, re.I),
          "%s: no HTML remnant shows as text on the page" % name)
    return tmp, yaml_text, err, page


def compare(name, want_sections, page):
    """want_sections: [{number, title, acts: [{number, title, deadline}]}]."""
    got = page.sections
    check(len(got) == len(want_sections),
          "%s: %d sections on the page, %d in the source" % (name, len(got), len(want_sections)))
    want_acts = [(s_i, a) for s_i, s in enumerate(want_sections) for a in s["acts"]]
    got_acts = [(s_i, r) for s_i, s in enumerate(got) for r in s["rows"]]
    check(len(got_acts) == len(want_acts),
          "%s: %d activities on the page, %d in the source" % (name, len(got_acts), len(want_acts)))
    for i, (ws, gs) in enumerate(zip(want_sections, got)):
        h3 = " ".join(gs["h3"].split())
        num, _, title = h3.partition(". ")
        if ws["number"] is not None:
            check(num == ws["number"], "%s: section %d number %r, want %r" % (name, i + 1, num, ws["number"]))
        check(norm(title) == norm(ws["title"]),
              "%s: section %d title\n   got: %s\n  want: %s" % (name, i + 1, norm(title), norm(ws["title"])))
    bad = 0
    for k, ((ws_i, w), (gs_i, g)) in enumerate(zip(want_acts, got_acts)):
        where = "%s: activity %d (%s)" % (name, k + 1, w["number"])
        ok = check(ws_i == gs_i, where + ": in section %d, want %d" % (gs_i + 1, ws_i + 1))
        if w["number"] is not None:
            ok &= check(g["number"].strip() == w["number"],
                        where + ": number %r, want %r" % (g["number"].strip(), w["number"]))
        ok &= check(norm(g["title"]) == norm(w["title"]),
                    where + ": text\n   got: %s\n  want: %s" % (norm(g["title"]), norm(w["title"])))
        deadline = w["deadline"] or "не указан"
        ok &= check(norm(g["deadline"]) == norm(deadline),
                    where + ": deadline %r, want %r" % (norm(g["deadline"]), norm(deadline)))
        bad += not ok
        if bad > 10:
            print("FAIL %s: more differences not shown" % name)
            break
    return len(got_acts)


def test_seed(path):
    name = os.path.basename(path)
    want = read_seed(path)
    res = import_into_site(path, "2021-2022")
    if not res:
        return
    tmp, yaml_text, err, page = res
    n = compare(name, want, page)
    acts = sum(len(s["acts"]) for s in want)
    m = re.search(r"мероприятий: (\d+)", err)
    check(m and int(m.group(1)) == acts, "%s: the summary counts %s activities, want %d" % (
        name, m.group(1) if m else "no", acts))
    check("разделов: %d" % len(want) in err, "%s: the summary counts %d sections" % (name, len(want)))
    print("  %s: %d sections, %d activities, page shows %d" % (name, len(want), acts, n))
    shutil.rmtree(tmp)


def test_fixture(table, expect_path):
    name = os.path.basename(table)
    with open(expect_path, encoding="utf-8") as f:
        exp = json.load(f)
    if exp.get("rc", 0) != 0:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "plan.yaml")
            rc, _, err = run("import", "-o", out, table)
            check(rc == exp["rc"], "%s: import exits %d, want %d" % (name, rc, exp["rc"]))
            check(not os.path.exists(out), "%s: nothing written on failure" % name)
            for s in exp.get("stderr_contains", []):
                check(s in err, "%s: stderr has %r: %s" % (name, s, err))
            if exp.get("force_writes"):
                # A misreading is reported, not fatal, with --force: the
                # document is written and the same rows are named as warnings.
                rc, _, ferr = run("import", "--force", table, "-o", out)
                check(rc == 0 and os.path.exists(out), "%s: --force writes the document (rc %d)" % (name, rc))
                for s in exp.get("stderr_contains", []):
                    if ": error: " in s:
                        check(s.replace(": error: ", ": warning: ") in ferr,
                              "%s: with --force %r is a warning: %s" % (name, s, ferr))
        return
    res = import_into_site(table, exp.get("edition"), exp.get("args", []))
    if not res:
        return
    tmp, yaml_text, err, page = res
    want = []
    for number, title in exp["sections"]:
        want.append({"number": number, "title": title, "acts": []})
    for s_i, number, title, deadline, *resp in exp["activities"]:
        want[s_i]["acts"].append({"number": number, "title": title, "deadline": deadline})
    compare(name, want, page)
    check_responsible(name, exp["activities"], yaml_text)
    right, total = share_right(want, exp["activities"], page, yaml_text)
    print("  %s: %d of %d activities right (%.1f %%)" % (name, right, total, 100.0 * right / max(total, 1)))
    check(total and right * 100 >= 95 * total, "%s: at least 95 %% of activities right" % name)
    for s in exp.get("yaml_contains", []):
        check(s in yaml_text, "%s: the document has %r" % (name, s))
    for s in exp.get("yaml_lacks", []):
        check(s not in yaml_text, "%s: the document lacks %r" % (name, s))
    for s in exp.get("stderr_contains", []):
        check(s in err, "%s: stderr has %r:\n%s" % (name, s, err))
    if exp.get("indicators"):
        test_indicators(table, exp["indicators"])
    shutil.rmtree(tmp)


def share_right(want_sections, activities, page, yaml_text):
    """(right, total): activities of the expectation read right in all of
    section, number, title, deadline and (when the expectation names it)
    responsible, matched by position; an activity missing from the page or
    an extra one shifts the rest, as it would for a reader, and an extra one
    counts as one more wrong."""
    import yaml
    doc = yaml.safe_load(yaml_text)
    got_y = [a for s in doc["sections"] for a in s.get("activities", [])]
    want = [(s_i, a) for s_i, s in enumerate(want_sections) for a in s["acts"]]
    got = [(s_i, r) for s_i, s in enumerate(page.sections) for r in s["rows"]]
    def heading(h3, number):
        h3 = " ".join(h3.split())
        return norm(h3.partition(". ")[2])  # as compare() reads it
    sec_ok = [gs_i < len(want_sections) and heading(g["h3"], want_sections[gs_i]["number"]) ==
              norm(want_sections[gs_i]["title"]) for gs_i, g in enumerate(page.sections)]
    right = 0
    for k, ((ws_i, w), (gs_i, g)) in enumerate(zip(want, got)):
        ok = ws_i == gs_i and sec_ok[gs_i]
        ok = ok and (w["number"] is None or g["number"].strip() == w["number"])
        ok = ok and norm(g["title"]) == norm(w["title"])
        ok = ok and norm(g["deadline"]) == norm(w["deadline"] or "не указан")
        if len(activities[k]) > 4 and k < len(got_y):
            r = got_y[k].get("responsible")
            ok = ok and (", ".join(r) if isinstance(r, list) else r) == activities[k][4]
        right += ok
    return right, max(len(want), len(got))  # an extra activity counts as a wrong one


def check_responsible(name, activities, yaml_text):
    """The responsible of every activity that names one in the expectation
    (a 5th element), read from the document: a list is joined with ", "."""
    import yaml
    if not any(len(a) > 4 for a in activities):
        return
    doc = yaml.safe_load(yaml_text)
    got = [a for s in doc["sections"] for a in s.get("activities", [])]
    bad = 0
    for w, g in zip(activities, got):
        if len(w) < 5:
            continue
        r = g.get("responsible")
        r = ", ".join(r) if isinstance(r, list) else r
        bad += not check(r == w[4], "%s: activity %s responsible %r, want %r" % (name, w[1], r, w[4]))
        if bad > 5:
            break


def test_indicators(table, want):
    """--indicators FILE writes the indicator table as indicators.yaml
    entries: name, unit, source, method, baseline, per-year targets."""
    import yaml
    name = os.path.basename(table)
    with tempfile.TemporaryDirectory() as tmp:
        ind = os.path.join(tmp, "ind.yaml")
        rc, _, err = run("import", table, "--indicators", ind, "-o", os.path.join(tmp, "p.yaml"))
        if not check(rc == 0 and os.path.exists(ind), "%s: --indicators writes a file (rc %d): %s" % (name, rc, err[-300:])):
            return
        with open(ind, encoding="utf-8") as f:
            got = yaml.safe_load(f)
        check(isinstance(got, list) and len(got) == len(want),
              "%s: %d indicators, want %d" % (name, len(got or []), len(want)))
        for g, w in zip(got or [], want):
            for k, v in w.items():
                keyed = lambda x: {str(a): b for a, b in x.items()} if isinstance(x, dict) else x
                check(keyed(g.get(k)) == keyed(v), "%s: indicator %s = %r, want %r" % (name, k, g.get(k), v))
            check(re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(g.get("id", ""))),
                  "%s: indicator id %r is [a-z0-9-]" % (name, g.get("id")))
        rc, _, err = run("import", table, "-o", os.path.join(tmp, "q.yaml"))
        check("показатели для indicators.yaml" in err and want[0]["name"] in err,
              "%s: without --indicators the entries go to stderr" % name)


def test_no_overwrite():
    seed = sorted(os.listdir(os.path.join(HERE, "seeds")))[0]
    with tempfile.TemporaryDirectory() as tmp:
        target = os.path.join(tmp, "plan.yaml")
        with open(target, "w", encoding="utf-8") as f:
            f.write("keep me\n")
        rc, out, err = run("import", "-o", target, os.path.join(HERE, "seeds", seed))
        check(rc != 0, "import -o onto an existing file fails (rc %d)" % rc)
        with open(target, encoding="utf-8") as f:
            check(f.read() == "keep me\n", "import -o leaves an existing file untouched")
        check("уже существует" in err, "import says the file exists: %s" % err)
        link = os.path.join(tmp, "link.yaml")
        os.symlink(os.path.join(tmp, "elsewhere.yaml"), link)
        rc, _, _ = run("import", "-o", link, os.path.join(HERE, "seeds", seed))
        check(rc != 0 and not os.path.exists(os.path.join(tmp, "elsewhere.yaml")),
              "import -o does not write through a dangling symlink")
    rc, _, err = run("import")
    check(rc == 2, "import without a file is a usage error (rc %d)" % rc)
    rc, _, err = run("import", "--edition", "2021", os.path.join(HERE, "seeds", seed))
    check(rc == 2, "import with a bad --edition is a usage error (rc %d)" % rc)
    rc, _, err = run("import", "/nonexistent/table.txt")
    check(rc == 3, "import of a missing file is an I/O error (rc %d)" % rc)


def main():
    if not os.path.exists(ROADMAP):
        print("FAIL no roadmap binary at %s" % ROADMAP)
        print("import: 0 passed, 1 failed")
        return 1
    seeds = sorted(os.listdir(os.path.join(HERE, "seeds")))
    check(len(seeds) >= 3, "three seeds in tests/import/seeds")
    for s in seeds:
        test_seed(os.path.join(HERE, "seeds", s))
    fx = os.path.join(HERE, "fixtures")
    for f in sorted(os.listdir(fx)):
        if f.endswith(".expect.json"):
            continue
        expect = os.path.join(fx, f.rsplit(".", 1)[0] + ".expect.json")
        if check(os.path.exists(expect), "fixture %s has an .expect.json" % f):
            test_fixture(os.path.join(fx, f), expect)
    test_no_overwrite()
    print("import: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
