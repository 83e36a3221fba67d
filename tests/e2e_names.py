#!/usr/bin/env python3
"""Names, never keys: no page a visitor reads shows an indicator id, a school id,
a group tag, a status key, a result column key or any snake_case word where a
Russian name exists (issue 9 item 6).  Scans the visible text of every HTML
page built from the demo and from every fixture site that builds."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *
import csv
import glob
import html.parser
import re

STATUS_KEYS = ["planned", "in-progress", "done", "cancelled", "not-done", "partial", "postponed"]


class Visible(html.parser.HTMLParser):
    """Text a visitor sees: text nodes outside script/style, plus alt/title/aria-label.
    <code> is skipped: there the open-data page names the file's own columns and codes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code"):
            self.skip += 1
        for k, v in attrs:
            if k in ("alt", "title", "aria-label") and v:
                self.parts.append(v)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(path):
    p = Visible()
    p.feed(read(path))
    text = " ".join(p.parts)
    # Addresses and file names are not words: a school's web site may well contain its id.
    text = re.sub(r"(https?://|mailto:|www\.)\S+|\S+@\S+|\S+\.(pdf|csv|ics|json|xml|html|docx?|xlsx?|yaml|md)\b", " ", text)
    return text


def site_keys(content):
    """The keys of a content folder that must never be shown: {key: what}."""
    keys = {}
    for s in STATUS_KEYS:
        keys[s] = "status key"
    path = os.path.join(content, "indicators.yaml")
    if os.path.isfile(path):
        for m in re.finditer(r"^\s*-?\s*id:\s*['\"]?([a-z0-9][a-z0-9-]*)", read(path), re.M):
            keys[m.group(1)] = "indicator id"
    path = os.path.join(content, "schools.csv")
    if os.path.isfile(path):
        with open(path, encoding="utf-8-sig") as f:
            for row in csv.DictReader(f):
                if row.get("id"):
                    keys[row["id"].strip()] = "school id"
                for g in (row.get("groups") or "").split():
                    keys[g] = "group tag"
    for res in glob.glob(os.path.join(content, "editions", "*", "results", "*.csv")):
        raw = open(res, "rb").read()
        try:
            head = raw.decode("utf-8-sig").splitlines()[0]
        except UnicodeDecodeError:
            head = raw.decode("cp1251").splitlines()[0]
        for h in re.split(r"[;,\t]", head):
            h = h.strip().strip('"')
            if re.fullmatch(r"[a-z][a-z0-9_]*", h) and h not in ("school", "grade", "subject", "procedure", "participants"):
                keys[h] = "result column key"
    return keys


def leaks(out, keys):
    """[(page, word, what)] for every key or snake_case word in the visible text."""
    found = []
    for page in html_files(out):
        text = visible_text(page)
        rel = os.path.relpath(page, out)
        for m in re.finditer(r"(?<![\w-])[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+(?![\w-])|(?<![\w-])[a-z]+(?![\w-])", text):
            w = m.group(0)
            if w in keys:
                found.append((rel, w, keys[w]))
            elif "_" in w:
                found.append((rel, w, "snake_case word"))
    return found


def scan(name, content, out):
    rc, _, err = build(content, out)
    check(rc == 0, "%s builds: %s" % (name, err[-500:]))
    if rc:
        return
    bad = leaks(out, site_keys(content))
    pages = sorted(set(p for p, _, _ in bad))
    check(not bad, "%s: %d keys shown to visitors on %d pages, e.g. %s" % (
        name, len(bad), len(pages), sorted(set(bad))[:8]))


def test_demo_shows_names():
    scan("demo", "content", os.path.join(tmpdir(), "site"))


def test_fixtures_show_names():
    # tests/sites/hostile is left out: every text there is an attack string its author wrote
    # ({{site_title}}, evil-1.description …), and what an author writes is shown as written.
    for name in ("minimal", "privacy"):
        scan(name, os.path.join(SITES, name), os.path.join(tmpdir(), "site"))
    for rule in sorted(os.listdir(os.path.join(SITES, "warn"))):
        scan("warn/" + rule, overlay(rule, "warn"), os.path.join(tmpdir(), "site"))


def test_scanner_finds_keys():
    """The scanner itself: a page with keys in its text is caught, one with them only in links is not."""
    d = tmpdir()
    with open(os.path.join(d, "index.html"), "w", encoding="utf-8") as f:
        f.write('<p>vpr-math-4: 10</p><p>Средний балл (mean_score)</p><a href="https://x.org/sosh-1/">https://x.org/sosh-1/</a>'
                '<p>Статус: done</p><script>var low_results = 1;</script><p>Столбец <code>as_of</code></p>')
    got = set((w, what) for _, w, what in leaks(d, {"vpr-math-4": "indicator id", "sosh-1": "school id", "done": "status key"}))
    check(got == {("vpr-math-4", "indicator id"), ("mean_score", "snake_case word"), ("done", "status key")},
          "scanner finds exactly the visible keys: %s" % sorted(got))


if __name__ == "__main__":
    main((test_scanner_finds_keys, test_demo_shows_names, test_fixtures_show_names))
    finish("e2e_names")
