#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/seed-* from the fixture
sites, the demo content, the theme, the Mustache spec and the seed documents.

Run from the repository root after the fixtures change:
    python3 tests/fuzz/seeds.py
Inputs named regress-* (crashes found by fuzzing, kept as regression tests)
and hand-written ones (hand-*) are left alone.
"""
import glob
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
SHARED = os.path.join(ROOT, "..", "shared")


def rel(p):
    return os.path.relpath(p, ROOT)


def files(*patterns):
    out = []
    for pat in patterns:
        out += glob.glob(os.path.join(ROOT, pat), recursive=True)
    return sorted(set(out))


def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(p):
    with open(p, "rb") as f:
        return f.read()


def clean():
    for d in glob.glob(os.path.join(CORPUS, "*")):
        for f in glob.glob(os.path.join(d, "seed-*")):
            os.unlink(f)


def yaml_seeds():
    for p in files("content/**/*.yaml", "tests/sites/**/*.yaml"):
        data = read(p)
        write("yaml", data)
    write("yaml", read(os.path.join(ROOT, "tests/sites/minimal/site.yaml")).replace(b"\n", b"\r\n"))


def csv_seeds():
    for p in files("content/**/*.csv", "tests/sites/**/*.csv"):
        data = read(p)
        write("csv", data)
        write("csv", b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
        write("csv", b"sep=;\n" + data.replace(b",", b";"))
        try:
            write("csv", data.decode("utf-8").replace(",", ";").encode("cp1251", "replace"))
        except UnicodeDecodeError:
            pass


def deadline_seeds():
    phrases = set()
    # Every «…» example of the deadline specification.
    spec = os.path.join(SHARED, "spec", "deadlines.md")
    if os.path.exists(spec):
        phrases |= set(re.findall(r"«([^«»]{1,120})»", read(spec).decode("utf-8")))
    # deadline: fields of the fixtures and the demo.
    for p in files("content/**/*.yaml", "tests/sites/**/*.yaml"):
        for m in re.finditer(r"^\s*deadline:\s*(.+)$", read(p).decode("utf-8", "replace"), re.M):
            phrases.add(m.group(1).strip().strip('"'))
    # Cells of the seed documents' tables that read like deadlines.
    months = r"(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|течение|" \
             r"ежеквартал|ежемесячн|ежегодн|итогам|квартал|полугод|четверт|\d\d\.\d\d\.\d{4}|постоянно)"
    for p in sorted(glob.glob(os.path.join(SHARED, "seeds", "*.txt"))):
        for cell in re.split(r"[\t\n]", read(p).decode("utf-8", "replace")):
            cell = cell.strip()
            if 0 < len(cell) <= 80 and re.search(months, cell, re.I):
                phrases.add(cell)
    # The first byte chooses the edition: 'A' (65 % 5 == 0) is 2021-2022,
    # 'B' 2020-2021, 'E' (69 % 5 == 4) a short custom period.
    for ph in sorted(phrases):
        write("deadline", "A" + ph)
    for ph in sorted(phrases)[::7]:
        write("deadline", "B" + ph)
        write("deadline", "E" + ph)


def frontmatter_seeds():
    for p in files("content/**/*.md", "tests/sites/**/*.md", "docs/*.md"):
        data = read(p)
        if len(data) < 20000:
            write("frontmatter", data)
    write("frontmatter", b"\xef\xbb\xbf---\r\ntitle: x\r\n...\r\nbody\r\n")
    write("frontmatter", b"---\ntitle: [unclosed\n")
    write("frontmatter", b"---\n---\n")


def mustache_seeds():
    for p in files("themes/**/*.html", "themes/**/*.xml", "themes/**/*.txt"):
        write("mustache", read(p))
    try:
        import yaml
    except ImportError:
        return
    for p in sorted(glob.glob(os.path.join(SHARED, "third_party", "mustache-spec", "*.yml"))):
        with open(p, encoding="utf-8") as f:
            spec = yaml.safe_load(f)
        for t in spec.get("tests", []):
            parts = [t["template"]]
            # Partials become t1.. and are referred to by those names.
            names = sorted((t.get("partials") or {}).keys())[:3]
            tpl = t["template"]
            for i, n in enumerate(names):
                tpl = tpl.replace(">" + n, ">t%d" % (i + 1)).replace("> " + n, "> t%d" % (i + 1))
                tpl = tpl.replace("<" + n, "<t%d" % (i + 1))
            parts = [tpl]
            for n in names:
                parts.append(t["partials"][n])
            write("mustache", "\0".join(parts))


def archive(root, skip=()):
    out = []
    for p in sorted(glob.glob(os.path.join(root, "**", "*"), recursive=True)):
        r = os.path.relpath(p, root)
        if os.path.isdir(p) or r in skip or r.endswith("expected.txt"):
            continue
        out.append(b"### " + r.encode() + b"\n" + read(p))
    return b"".join(out)


def build_seeds():
    write("build", archive(os.path.join(ROOT, "tests", "sites", "minimal")))
    hostile = os.path.join(ROOT, "tests", "sites", "hostile")
    if os.path.isdir(hostile):
        write("build", archive(hostile))
    # Each broken rule laid over the minimal site (later files win).
    for d in sorted(glob.glob(os.path.join(ROOT, "tests", "sites", "broken", "*"))):
        write("build", archive(os.path.join(ROOT, "tests", "sites", "minimal")) + archive(d))


def main():
    clean()
    yaml_seeds()
    csv_seeds()
    deadline_seeds()
    frontmatter_seeds()
    mustache_seeds()
    build_seeds()
    for d in sorted(glob.glob(os.path.join(CORPUS, "*"))):
        print("%s: %d inputs" % (rel(d), len(os.listdir(d))))


if __name__ == "__main__":
    main()
