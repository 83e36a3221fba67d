#!/usr/bin/env python3
"""Hostile and broken input: escaping, paths, limits, atomicity, reproducibility.

Runs the roadmap binary ($ROADMAP, default ./roadmap) from the repository root
and inspects what it wrote, independently of the C code:

  escaping      tests/sites/hostile (markup, event attributes, quote break-outs,
                javascript:/data:/vbscript: URLs, ]]>, CRLF and iCalendar lines,
                CSV formula prefixes, JSON-breaking characters in every field of
                every file) is built; every output file is parsed (HTML with
                html.parser against the theme's own vocabulary, XML, JSON,
                iCalendar, CSV, robots.txt) and must hold nothing executable and
                nothing broken;
  paths         bad ids and slugs, "..", absolute paths and symlinks leading out
                of the content folder are refused with an error;
  limits        oversized files, a 100 000-column row, a 10 MB cell, YAML alias
                bombs, deep nesting, invalid UTF-8 at every position class, NUL
                bytes, CRLF files, folders, FIFOs and unreadable files: each gives
                a clear error (or builds) within the bounds of docs/limits.md;
  atomicity     builds are SIGKILLed at many moments: the output folder always
                holds the complete old or the complete new site, and the next
                build removes the leftovers;
  reproducible  builds with the same --today are byte-identical whatever the
                time zone, locale, -j, content path and file creation order.

The last line is "hostile: N passed, N failed".  Everything is made in
temporary folders and removed at the end.
"""
import hashlib
import html.parser
import json
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.dom.minidom

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROADMAP = os.path.abspath(os.path.join(ROOT, os.environ.get("ROADMAP", "./roadmap")))
SITES = os.path.join(ROOT, "tests", "sites")
MINIMAL = os.path.join(SITES, "minimal")
HOSTILE = os.path.join(SITES, "hostile")
THEME = os.path.join(ROOT, "themes", "default")
TODAY = "2022-03-15"
MiB = 1024 * 1024

# Bounds stated in docs/limits.md.  Memory is the peak resident set of the
# roadmap process; time is wall-clock on a 2-core machine (the limit cases take
# well under a second; the bound leaves room for a loaded machine).
RSS_BASE = 64 * MiB          # any run on a small site
RSS_PER_BYTE = 8             # plus this many bytes per byte of the largest YAML/Markdown file read
RSS_PER_CSV_BYTE = 32        # … or of the largest CSV file (about 50 bytes per cell are kept)
TIME_LIMIT = 30.0            # seconds (processor time when measured) for any single refused or limit case (they take < 8 s)


def sanitized(path):
    """True for a build with AddressSanitizer (make asan): its shadow memory and
    quarantine make peak memory meaningless and runs slower."""
    try:
        with open(path, "rb") as f:
            return b"__asan_init" in f.read()
    except OSError:
        return False


SANITIZED = sanitized(ROADMAP)
if SANITIZED:
    TIME_LIMIT *= 3

passed = failed = 0
WORK = tempfile.mkdtemp(prefix="roadmap-hostile-")
SCRATCH = [WORK]  # removed at the end


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)
    return cond


def tmpdir(name="t"):
    return tempfile.mkdtemp(prefix=name + "-", dir=WORK)


# Runs argv[2:] and prints its exit code and peak RSS (KiB).  It runs in a
# fresh, small interpreter because Linux counts the memory of the process that
# forked a child into the child's peak: forked from this test, roadmap would
# show this test's size.  The launcher adds its own ~10 MiB at most.
LAUNCHER = r"""
import os, signal, sys
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.execv(sys.argv[2], sys.argv[2:])
signal.signal(signal.SIGALRM, lambda *a: os.kill(pid, signal.SIGKILL))
signal.alarm(int(sys.argv[1]))
_, st, ru = os.wait4(pid, 0)
rc = os.waitstatus_to_exitcode(st)
print(-999 if rc == -signal.SIGKILL else rc, ru.ru_maxrss, ru.ru_utime + ru.ru_stime)
"""


def run(*args, env=None, timeout=120, user=None, measure=False):
    """Runs roadmap; returns (rc, stderr, seconds, peak RSS in bytes, or 0
    unless measure); a run longer than timeout is killed and gives rc -999.
    With measure, seconds are processor seconds (user + system) of roadmap,
    which other work on a busy machine does not inflate; else wall-clock."""
    e = dict(os.environ)
    e.update(env or {})
    if not measure and user is None:
        t = time.monotonic()
        try:
            p = subprocess.run([ROADMAP, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=e,
                               cwd=ROOT, timeout=timeout)
            rc, err = p.returncode, p.stderr
        except subprocess.TimeoutExpired as x:
            rc, err = -999, x.stderr or b""
        return rc, err.decode("utf-8", "replace"), time.monotonic() - t, 0
    py = sys.executable
    if user is not None and os.path.exists("/usr/bin/python3"):
        py = "/usr/bin/python3"  # the test's own interpreter may live where the user cannot go
    cmd = [py, "-S", "-c", LAUNCHER, str(int(timeout)), ROADMAP, *args]
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups", "--"] + cmd
    with tempfile.TemporaryFile() as errf:
        t = time.monotonic()
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=errf, env=e, cwd=ROOT, timeout=timeout + 30)
        secs = time.monotonic() - t
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    try:
        rc, rss, cpu = p.stdout.split()
        rc, rss, cpu = int(rc), int(rss), float(cpu)
    except ValueError:
        return -998, err + p.stdout.decode("utf-8", "replace"), secs, 0
    return rc, err, cpu, rss * 1024


def build(content, out, *extra, env=None):
    rc, err, _, _ = run("build", "-C", content, "-o", out, "--today", TODAY, "-q", *extra, env=env)
    return rc, err


def copy_site(src=MINIMAL, name="site"):
    d = os.path.join(tmpdir(name), "content")
    shutil.copytree(src, d, symlinks=True)
    for f in ("expected.txt",):
        p = os.path.join(d, f)
        if os.path.exists(p):
            os.unlink(p)
    return d


def read(p, mode="r"):
    with open(p, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(p, data):
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb" if isinstance(data, bytes) else "w", **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(data)


def tree_hashes(d):
    """{relative path: sha256} of every file under d (symlinks as their target text)."""
    out = {}
    for base, dirs, files in os.walk(d):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(base, f)
            r = os.path.relpath(p, d)
            if os.path.islink(p):
                out[r] = "link:" + os.readlink(p)
            else:
                with open(p, "rb") as fh:
                    out[r] = hashlib.sha256(fh.read()).hexdigest()
    return out


def errors_for(err, rel):
    """Diagnostic lines of stderr that are errors about the content file rel."""
    return [l for l in err.splitlines() if (rel + ":") in l and "error:" in l]


# ---------------------------------------------------------------------------
# 3. Escaping in every context
# ---------------------------------------------------------------------------

# Everything cmark's HTML renderer emits (safe mode drops raw HTML).
MD_TAGS = {"p", "em", "strong", "a", "img", "code", "pre", "blockquote", "ul", "ol", "li",
           "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br"}
MD_ATTRS = {"href", "title", "src", "alt", "start", "class"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "cite", "background", "xlink:href", "data",
             "srcset", "longdesc", "usemap", "manifest", "codebase", "profile", "ping"}
MUSTACHE_TAG = re.compile(r"\{\{\{.*?\}\}\}|\{\{.*?\}\}", re.S)


class Vocabulary(html.parser.HTMLParser):
    """Collects the element and attribute names a template uses."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.comments = set(), set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs |= {a for a, _ in attrs}

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.comments.add(data)


def theme_vocabulary(theme=THEME, exts=(".html",)):
    v = Vocabulary()
    for base, _, files in os.walk(theme):
        for f in sorted(files):
            if f.endswith(exts):
                v.feed(MUSTACHE_TAG.sub("", read(os.path.join(base, f))))
    v.close()
    return v


C_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def generator_vocabulary(v):
    """Adds the elements and attributes that the C code writes itself (inline
    SVG charts …): names found in its string literals after a '<' or before
    '="'.  Derived from the code, never from content."""
    for f in sorted(glob.glob(os.path.join(ROOT, "generator", "*", "*.c"))):  # generator/<stage>/*.c
        src = re.sub(r"'(\\.|[^'\\])'", "''", read(f))
        for m in C_STRING.finditer(src):
            lit = m.group(1).replace('\\"', '"')
            if "<" not in lit and '="' not in lit:
                continue
            v.tags |= {t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", lit)}
            v.attrs |= {a.lower() for a in re.findall(r'(?:^|\s)([a-zA-Z][-a-zA-Z0-9:]*)="', lit)}
    return v


def bad_url(value):
    """True when a URL attribute would run script or embed data: entities are
    already decoded by html.parser; browsers skip leading controls and spaces
    and ignore TAB, LF and CR anywhere in the scheme."""
    v = value.lstrip("".join(chr(c) for c in range(0x21)))
    v = re.sub(r"[\t\n\r]", "", v).lower()
    return v.startswith(("javascript:", "vbscript:", "data:"))


class PageChecker(html.parser.HTMLParser):
    """Parses one generated page and lists every problem.  Allowed: the
    theme's elements and attributes, those the generator's C code writes
    (charts), and cmark's; nothing from content."""

    def __init__(self, vocab):
        super().__init__(convert_charrefs=True)
        self.vocab = vocab
        self.problems, self.stack, self.text = [], [], []

    def problem(self, what):
        line, col = self.getpos()
        self.problems.append("%d:%d: %s" % (line, col, what))

    def _tag(self, tag, attrs):
        if tag not in self.vocab.tags and tag not in MD_TAGS:
            self.problem("element <%s> is not in the theme" % tag)
        for name, value in attrs:
            if name not in self.vocab.attrs and name not in MD_ATTRS:
                self.problem("attribute %s on <%s> is not in the theme" % (name, tag))
            if name.startswith("on"):
                self.problem("event attribute %s on <%s>" % (name, tag))
            if value is not None and name in URL_ATTRS and bad_url(value):
                self.problem("dangerous URL %s=%r on <%s>" % (name, value[:60], tag))
            if value is not None and name == "style" and re.search(r"url\(|expression|javascript|@import|[<>]", value, re.I):
                self.problem("style attribute from content: %r" % value[:60])

    def handle_starttag(self, tag, attrs):
        self._tag(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problem("</%s> does not close the open <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
        else:
            self.stack.pop()

    def handle_comment(self, data):
        if data not in self.vocab.comments and data.strip() != "raw HTML omitted":
            self.problem("comment not from the theme or cmark: %r" % data[:60])

    def handle_decl(self, decl):
        if decl.lower() != "doctype html":
            self.problem("declaration %r" % decl[:60])

    def handle_pi(self, data):
        self.problem("processing instruction %r" % data[:60])

    def unknown_decl(self, data):
        self.problem("CDATA or unknown declaration %r" % data[:60])

    def handle_data(self, data):
        self.text.append(data)

    def finish(self):
        self.close()
        if self.stack:
            self.problem("elements left open: %s" % self.stack[-5:])
        return self.problems


def check_html(path, vocab):
    p = PageChecker(vocab)
    p.feed(read(path))
    return p.finish(), "".join(p.text)


ICS_LINE = re.compile(rb"^[A-Z][A-Z0-9-]*(;[A-Za-z0-9-]+=(\"[^\"]*\"|[^\";:,]*)(,(\"[^\"]*\"|[^\";:,]*))*)*:")


def check_ics_structure(raw):
    """RFC 5545 §3.1 by hand: CRLF line ends, at most 75 octets a line, folded
    lines start with a space, every unfolded line is NAME[;PARAM=…]:VALUE,
    BEGIN/END nest properly.  Returns (problems, unfolded lines)."""
    probs = []
    if not raw.endswith(b"\r\n"):
        probs.append("does not end with CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for i, l in enumerate(lines):
        if b"\n" in l or b"\r" in l:
            probs.append("line %d: bare CR or LF" % (i + 1))
        if len(l) > 75:
            probs.append("line %d: %d octets" % (i + 1, len(l)))
        try:
            l.decode("utf-8")
        except UnicodeDecodeError:
            probs.append("line %d: folded inside a UTF-8 character or invalid UTF-8" % (i + 1))
    unfolded = []
    for l in lines:
        if l.startswith(b" ") and unfolded:
            unfolded[-1] += l[1:]
        else:
            unfolded.append(l)
    stack = []
    for l in unfolded:
        if not ICS_LINE.match(l):
            probs.append("not a content line: %r" % l[:60])
        if l.startswith(b"BEGIN:"):
            stack.append(l[6:])
        elif l.startswith(b"END:"):
            if not stack or stack.pop() != l[4:]:
                probs.append("END without its BEGIN: %r" % l)
    if stack:
        probs.append("not closed: %r" % stack)
    return probs, unfolded


def load_icalendar():
    try:
        import icalendar
        return icalendar
    except ImportError:
        pass
    # Debian's python3-icalendar when python3 is not the system interpreter.
    for d in ("/usr/lib/python3/dist-packages",):
        if os.path.isdir(os.path.join(d, "icalendar")) and d not in sys.path:
            sys.path.append(d)
            try:
                import icalendar
                return icalendar
            except ImportError:
                pass
    return None


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def check_csv(raw):
    import csv
    import io
    probs = []
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    widths = {len(r) for r in rows if r}
    if len(widths) > 1:
        probs.append("rows of different widths %s" % sorted(widths))
    number = re.compile(r"-?[0-9]+(\.[0-9]+)?")
    for i, r in enumerate(rows):
        for c in r:
            # A plain number (written bare, e.g. a negative change) is data,
            # not a formula.
            if c.startswith(FORMULA) and not number.fullmatch(c):
                probs.append("row %d: cell starts a formula: %r" % (i + 1, c[:40]))
    return probs


def test_escaping():
    out = os.path.join(tmpdir("hostile"), "out")
    rc, err = build(HOSTILE, out)
    if not check(rc == 0, "the hostile fixture builds (warnings allowed): " + err[-2000:]):
        return
    # Diagnostics quote content: still one line each, nothing a terminal would run.
    rc, err, _, _ = run("check", "-C", HOSTILE, "--today", TODAY)
    bad = [l for l in err.split("\n") if l and not re.match(r"^(\S.*?: (error|warning|note): |roadmap: )", l)]
    check(not bad and not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", err),
          "messages quoting hostile content stay one line without control characters: %r" % (bad[:2] or err[:300]))
    vocab = generator_vocabulary(theme_vocabulary())
    xml_vocab = theme_vocabulary(exts=(".xml",))
    ical = load_icalendar()
    check(ical is not None, "python3-icalendar is available to validate calendars")
    kinds = {}
    all_text = []
    roundtrip = {}  # format → the texts read back by its parser
    for base, _, files in os.walk(out):
        for f in sorted(files):
            path = os.path.join(base, f)
            rel = os.path.relpath(path, out)
            ext = os.path.splitext(f)[1]
            if rel.startswith("assets" + os.sep) or f == ".roadmap-output":
                continue
            kinds[ext] = kinds.get(ext, 0) + 1
            raw = read(path, "rb")
            if ext == ".docx":
                # A zip of WordprocessingML: every part well-formed, and the
                # document body made only of the theme's elements.
                import zipfile
                import io
                try:
                    with zipfile.ZipFile(io.BytesIO(raw)) as z:
                        for part in z.namelist():
                            if part.endswith((".xml", ".rels")):
                                doc = xml.dom.minidom.parseString(z.read(part))
                                if part == "word/document.xml":
                                    # The vocabulary parser lower-cases names.
                                    names = {e.tagName.lower() for e in doc.getElementsByTagName("*")}
                                    extra = names - xml_vocab.tags
                                    check(not extra, "%s: elements not in the theme: %s" % (rel, extra))
                    check(True, "%s: a well-formed Word file" % rel)
                except Exception as e:  # noqa: BLE001 — any parse error is the finding
                    check(False, "%s: not a well-formed Word file: %s" % (rel, e))
                continue
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as e:
                check(False, "%s: not UTF-8: %s" % (rel, e))
                continue
            if ext == ".html":
                probs, text = check_html(path, vocab)
                all_text.append(text)
                check(not probs, "%s: %s" % (rel, "; ".join(probs[:6])))
            elif ext == ".xml":
                try:
                    doc = xml.dom.minidom.parseString(raw)
                    names = {e.tagName for e in doc.getElementsByTagName("*")}
                    extra = names - xml_vocab.tags
                    check(not extra, "%s: elements not in the theme: %s" % (rel, extra))
                except Exception as e:  # noqa: BLE001 — any parse error is the finding
                    check(False, "%s: not well-formed XML: %s" % (rel, e))
            elif ext == ".json":
                try:
                    strings = []

                    def walk(v):
                        if isinstance(v, str):
                            strings.append(v)
                        elif isinstance(v, dict):
                            for x in v.values():
                                walk(x)
                        elif isinstance(v, list):
                            for x in v:
                                walk(x)
                    walk(json.loads(raw.decode("utf-8")))
                    roundtrip.setdefault("json", []).extend(strings)
                except ValueError as e:
                    check(False, "%s: not valid JSON: %s" % (rel, e))
            elif ext == ".ics":
                probs, lines = check_ics_structure(raw)
                roundtrip.setdefault("ics", []).append(raw.decode("utf-8"))
                check(not probs, "%s: %s" % (rel, "; ".join(probs[:6])))
                injected = [l for l in lines if l.startswith((b"X-HOSTILE", b"END:VCALENDAR")) and l != b"END:VCALENDAR"]
                check(not injected and lines.count(b"END:VCALENDAR") == 1,
                      "%s: a content line came from content: %r" % (rel, injected[:3]))
                if ical:
                    try:
                        cal = ical.Calendar.from_ical(raw)
                        evs = list(cal.walk("VEVENT"))
                        check(all(not str(k).startswith("X-HOSTILE") for ev in evs for k in ev.keys()),
                              "%s: injected property" % rel)
                        check(len(evs) == lines.count(b"BEGIN:VEVENT"), "%s: events parse" % rel)
                    except Exception as e:  # noqa: BLE001
                        check(False, "%s: icalendar cannot parse it: %s" % (rel, e))
            elif ext == ".csv":
                try:
                    import csv as csvmod
                    import io
                    roundtrip.setdefault("csv", []).extend(
                        c for r in csvmod.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")) for c in r)
                    probs = check_csv(raw)
                except Exception as e:  # noqa: BLE001
                    probs = ["unreadable: %s" % e]
                check(not probs, "%s: %s" % (rel, "; ".join(probs[:6])))
            elif f == "robots.txt":
                bad = [l for l in raw.decode().splitlines()
                       if l and not re.match(r"^(User-agent|Allow|Disallow|Sitemap): \S+$", l)]
                check(not bad, "robots.txt: lines %r" % bad[:3])
            else:
                check(False, "%s: an output file of a kind this test does not know how to validate" % rel)
    check(kinds.get(".html", 0) >= 10, "hostile site has pages: %s" % kinds)
    text = "\n".join(all_text)
    # The payloads reached the pages as text (escaped, not dropped).
    check('<script>alert("site.title")</script>' in text, "site title shown as text")
    check('<script>alert("s1.name")</script>' in text, "school name shown as text")
    check('<script>alert("a1.report")</script>' in text, "activity report shown as text")
    check("{{site_title}}" in text, "template tags in content are not expanded")
    # Data files carry the text itself, escaped only for their own syntax.
    want = '<script>alert("a1.report")</script> "><img src=x onerror=alert(1)>'
    for fmt in ("json", "csv"):
        if fmt in roundtrip:
            check(any(want in t for t in roundtrip[fmt]), "%s holds the report text as written" % fmt)
    if ical and "ics" in roundtrip:
        descs = [str(ev.get("DESCRIPTION", "")) for raw in roundtrip["ics"]
                 for ev in ical.Calendar.from_ical(raw.encode()).walk("VEVENT")]
        check(any('<script>alert("a1.resp1")</script>' in d and "X-HOSTILE:a1.resp1" in d for d in descs),
              "calendar descriptions hold the text as written (line breaks included)")
    check("=HYPERLINK" in text, "formula text shown as text")
    home = read(os.path.join(out, "index.html"))
    # Menu URLs with unsafe schemes are neutralised, not dropped silently.
    check(home.count('href="#"') >= 5, "unsafe menu URLs become #")
    # Markdown: raw HTML and dangerous links dropped.
    page = read(os.path.join(out, "evil-page", "index.html"))
    check("raw HTML omitted" in page, "raw HTML in Markdown is dropped")
    check("data:" not in re.sub(r">[^<]*<", "><", page), "no data: URL in any attribute of a page")


# ---------------------------------------------------------------------------
# 4. Paths
# ---------------------------------------------------------------------------

def expect_error(content, rel, what, msg=None):
    """`check` exits 1 with an error about rel (and msg, when given)."""
    rc, err, secs, _ = run("check", "-C", content, "--today", TODAY, timeout=60)
    lines = errors_for(err, rel)
    ok = rc == 1 and lines and (msg is None or any(msg in l for l in lines))
    check(ok, "%s: want an error about %s%s; rc %d, stderr:\n%s" % (what, rel, " (%s)" % msg if msg else "", rc, err[-1500:]))
    return err


def test_paths():
    # Bad ids in schools.csv never become folders.
    for bad in ("../escape", "/abs/path", "a/b", "..", ".", "Upper", "-dash", "a b", "a\\b", "x" * 65, "школа"):
        c = copy_site()
        csv = read(os.path.join(c, "schools.csv"))
        write(os.path.join(c, "schools.csv"), csv.replace("\ns-2,", "\n\"%s\"," % bad.replace('"', '""')))
        out = os.path.join(os.path.dirname(c), "out")
        rc, err = build(c, out)
        check(rc == 1 and "schools.csv:" in err and not os.path.exists(out)
              and not os.path.exists(os.path.join(os.path.dirname(c), "escape"))
              and not os.path.exists("/abs/path"),
              "school id %r refused, nothing written: rc %d %s" % (bad, rc, err[-300:]))
    # Page and document slugs come from file names: invalid or taken names are refused.
    for name in ("Bad_Name", "a..b", "-x", "schools", "archive", "assets", "2021-2022", "index.html"):
        c = copy_site()
        shutil.copy(os.path.join(c, "pages", "info.md"), os.path.join(c, "pages", name + ".md"))
        expect_error(c, "pages/%s.md" % name, "page slug %r" % name)
    for name in ("Bad Name", "a.b", "schools", "deadlines", "report", "data"):
        c = copy_site()
        shutil.copy(os.path.join(c, "editions/2021-2022/plan.yaml"), os.path.join(c, "editions/2021-2022/%s.yaml" % name))
        expect_error(c, "editions/2021-2022/%s.yaml" % name, "document slug %r" % name)
    for name in ("2022-2021", "2021-2040", "2021", "x", "2021_2022", "2021-2022 "):
        c = copy_site()
        shutil.copytree(os.path.join(c, "editions/2021-2022"), os.path.join(c, "editions", name))
        expect_error(c, "editions/%s" % name, "edition folder %r" % name)
    # A school page for an id not in the registry.
    c = copy_site()
    shutil.copy(os.path.join(c, "schools/s-1.md"), os.path.join(c, "schools/s-99.md"))
    expect_error(c, "schools/s-99.md", "school page of an unknown id")
    # Menu links to pages: a slug, never a path or a URL.
    for page in ("../../etc/passwd", "/etc/passwd", "javascript:alert(1)", "nope"):
        c = copy_site()
        y = read(os.path.join(c, "site.yaml")).replace("page: info", "page: %s" % json.dumps(page))
        write(os.path.join(c, "site.yaml"), y)
        expect_error(c, "site.yaml", "menu page %r" % page)
    for cur in ("../2021-2022", "/tmp"):
        c = copy_site()
        write(os.path.join(c, "site.yaml"), read(os.path.join(c, "site.yaml")) + "current_edition: %s\n" % json.dumps(cur))
        expect_error(c, "site.yaml", "current_edition %r" % cur)
    test_symlinks()


def content_files(c):
    for base, _, files in os.walk(c):
        for f in sorted(files):
            yield os.path.relpath(os.path.join(base, f), c)


def test_symlinks():
    # Every file of the site in turn becomes a symlink to a copy outside the
    # content folder: each is refused with an error naming it.
    for rel in content_files(MINIMAL):
        c = copy_site(name="symlink")
        outside = os.path.join(os.path.dirname(c), "outside", rel)
        os.makedirs(os.path.dirname(outside), exist_ok=True)
        shutil.move(os.path.join(c, rel), outside)
        os.symlink(outside, os.path.join(c, rel))
        expect_error(c, rel, "symlink %s out of the content folder" % rel)
    # A symlinked folder leading out: its files are refused.
    for d, rel in (("editions/2021-2022", "editions/2021-2022/plan.yaml"), ("pages", "pages/info.md"),
                   ("schools", "schools/s-1.md")):
        c = copy_site(name="symlink-dir")
        outside = os.path.join(os.path.dirname(c), "outside-" + d.replace("/", "-"))
        shutil.move(os.path.join(c, d), outside)
        os.symlink(outside, os.path.join(c, d))
        expect_error(c, rel, "symlinked folder %s out of the content folder" % d)
    # Relative symlinks inside the folder are fine; a link to a sibling outside is not.
    c = copy_site(name="symlink-in")
    os.rename(os.path.join(c, "pages/info.md"), os.path.join(c, "info-source.md"))
    os.symlink("../info-source.md", os.path.join(c, "pages/info.md"))
    rc, err, _, _ = run("check", "-C", c, "--today", TODAY)
    check(rc == 0, "a symlink that stays inside the content folder is followed: " + err[-500:])
    c = copy_site(name="symlink-rel")
    shutil.move(os.path.join(c, "schools.csv"), os.path.join(os.path.dirname(c), "schools.csv"))
    os.symlink("../schools.csv", os.path.join(c, "schools.csv"))
    expect_error(c, "schools.csv", "relative symlink ../schools.csv")
    # Links that loop or dangle are errors, not hangs.
    c = copy_site(name="symlink-loop")
    os.unlink(os.path.join(c, "site.yaml"))
    os.symlink("site.yaml", os.path.join(c, "site.yaml"))
    expect_error(c, "site.yaml", "a symlink to itself")
    c = copy_site(name="symlink-dangling")
    os.unlink(os.path.join(c, "pages/info.md"))
    os.symlink("/nonexistent/info.md", os.path.join(c, "pages/info.md"))
    expect_error(c, "pages/info.md", "a dangling symlink")


# ---------------------------------------------------------------------------
# 5. Limits
# ---------------------------------------------------------------------------

def bounded(what, c, rel, largest, msg=None, want_rc=1):
    """check on c: exit want_rc (with an error about rel), within time and memory bounds.
    Time is processor time; a run over the bound is measured once more (a
    busy machine can still slow a process through caches and memory), the
    assertion itself is never retried."""
    rc, err, secs, rss = run("check", "-C", c, "--today", TODAY, timeout=60, measure=True)
    if secs >= TIME_LIMIT:
        rc, err, secs, rss = run("check", "-C", c, "--today", TODAY, timeout=60, measure=True)
    limit = RSS_BASE + (RSS_PER_CSV_BYTE if rel.endswith(".csv") else RSS_PER_BYTE) * largest
    if os.environ.get("HOSTILE_VERBOSE"):
        print("  %-50.50s %5.2f s %7.1f MiB (bound %.0f)" % (what, secs, rss / MiB, limit / MiB))
    ok = rc == want_rc
    if want_rc == 1:
        lines = errors_for(err, rel)
        ok = ok and lines and (msg is None or any(msg in l for l in lines))
    check(ok, "%s: want rc %d%s; rc %d, stderr:\n%s" % (what, want_rc, " and an error about %s" % rel if want_rc else "",
                                                    rc, err[-1200:]))
    check(secs < TIME_LIMIT, "%s: %.1f s (bound %.0f s)" % (what, secs, TIME_LIMIT))
    if not SANITIZED:  # under ASan memory is not the program's own; crashes and leaks still count
        check(rss < limit, "%s: peak memory %.1f MiB (bound %.1f MiB)" % (what, rss / MiB, limit / MiB))
    return err


def sparse(path, size):
    with open(path, "wb") as f:
        f.truncate(size)


def test_limits():
    big = 200 * 1000 * 1000
    # A 200 MB file of each kind is refused before it is read (a sparse file:
    # if it were read, memory would show it).
    for rel in ("schools.csv", "site.yaml", "editions/2021-2022/plan.yaml", "pages/info.md", "schools/s-1.md"):
        c = copy_site(name="big")
        sparse(os.path.join(c, rel), big)
        bounded("200 MB %s" % rel, c, rel, 0)
    # Wide and tall tables.
    c = copy_site(name="wide")
    write(os.path.join(c, "schools.csv"), "id,name," + ",".join("c%d" % i for i in range(100000)) + "\ns-1,n\n")
    bounded("100 000-column header", c, "schools.csv", 800000, "1000")
    c = copy_site(name="wide-row")
    csv = read(os.path.join(c, "schools.csv"))
    write(os.path.join(c, "schools.csv"), csv + "s-9,n" + "," * 100000 + "\n")
    bounded("100 000-column row", c, "schools.csv", 100000 + len(csv))
    c = copy_site(name="cell")
    cell = "«" + "ш" * (5 * MiB) + "»"
    write(os.path.join(c, "schools.csv"), "id,name\ns-1,\"%s\"\n" % cell)
    bounded("10 MB cell", c, "schools.csv", len(cell.encode()), "1 МиБ")
    c = copy_site(name="open-quote")
    write(os.path.join(c, "schools.csv"), read(os.path.join(c, "schools.csv")) + 's-9,"never closed\n' + "x,y\n" * 200000)
    bounded("a quote left open", c, "schools.csv", 2 * MiB)
    c = copy_site(name="many-errors")
    write(os.path.join(c, "schools.csv"), "id,name\n" + "bad id,n,extra\n" * 200000)
    err = bounded("200 000 bad rows", c, "schools.csv", 3 * MiB)
    check(len(err.splitlines()) <= 1005 and "не показано" in err, "diagnostics are capped: %d lines" % len(err.splitlines()))
    c = copy_site(name="tall")
    write(os.path.join(c, "schools.csv"), "id,name\n" + "".join("t-%d,n\n" % i for i in range(1000001)))
    bounded("1 000 001 rows", c, "schools.csv", 12 * MiB, "1 000 000")
    c = copy_site(name="dups")
    write(os.path.join(c, "schools.csv"), "id,name\n" + "".join("d-%d,n\n" % (i % 100000) for i in range(200000)))
    err = bounded("100 000 duplicated ids", c, "schools.csv", 2 * MiB, "повторяется (первый раз в строке 2)")
    check("schools.csv:100002:1: error: код школы «d-0» повторяется (первый раз в строке 2)" in err,
          "a duplicate id names the line of its first use: " + err[:300])
    # The worst shape within the limits: a 1000-column table of one-letter cells.
    c = copy_site(name="dense")
    row = ",a" * 997 + "\n"
    with open(os.path.join(c, "schools.csv"), "w") as f:
        f.write("id,name,groups," + ",".join("c%d" % i for i in range(997)) + "\n")
        for i in range(10 * MiB // len(row)):
            f.write("s-%d,n,low-results%s" % (i, row))
    bounded("10 MB of one-letter cells in 1000 columns", c, "schools.csv", 11 * MiB, want_rc=0)
    # YAML bombs and nesting.
    bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
        "%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n" % ((chr(98 + i), chr(98 + i)) + (chr(97 + i),) * 9) for i in range(9))
    for rel, text, msg in (
            ("editions/2021-2022/plan.yaml", bomb, "ссылки"),
            ("site.yaml", "title: &t x\nauthority: *t\n", "ссылки"),
            ("editions/2021-2022/plan.yaml", "[" * 100000 + "]" * 100000, "вложенность"),
            ("editions/2021-2022/plan.yaml", "{a: " * 100000 + "}" * 100000, "вложенность"),
            ("editions/2021-2022/plan.yaml", "".join("  " * i + "-\n" for i in range(1000)), "вложенность"),
            ("editions/2021-2022/plan.yaml", "".join("  " * i + "a%d:\n" % i for i in range(1000)), "вложенность"),
            ("site.yaml", "title: x\n---\ntitle: y\n", "документа"),
            ("editions/2021-2022/plan.yaml", "x: [" + "a," * (8 * MiB - 10) + "a]\n", "значений"),
            ("site.yaml", "title: \"unclosed\n", None),
            ("pages/info.md", "---\ntitle: [" + "[" * 10000 + "\n---\nbody\n", None)):
        c = copy_site(name="yaml")
        write(os.path.join(c, rel), text)
        bounded("YAML %r…" % text[:30], c, rel, len(text), msg)
    # Deep Markdown renders in bounded time (cmark has no recursion limit to hit).
    for body in (">" * 50000 + " x\n", "- " * 20000 + "x\n", "*" * 50000 + "x" + "*" * 50000 + "\n",
                 "[" * 50000 + "x" + "](y)" * 1000 + "\n", "<" * 50000 + "\n", "`" * 50000 + "\n"):
        c = copy_site(name="md")
        write(os.path.join(c, "pages/info.md"), "---\ntitle: x\n---\n" + body)
        bounded("Markdown %r…" % body[:12], c, "pages/info.md", len(body), want_rc=0)
    # Theme overrides are content too: a runaway layout is refused.
    c = copy_site(name="layout")
    write(os.path.join(c, "layouts/page.html"), "{{#a}}" * 5000 + "{{/a}}" * 5000)
    rc, err, secs, rss = run("build", "-C", c, "-o", os.path.join(os.path.dirname(c), "out"), "--today", TODAY, "-q")
    check(rc == 1 and "layouts/page.html" in err and secs < TIME_LIMIT, "deeply nested layout refused: %d %s" % (rc, err[-300:]))
    c = copy_site(name="layout-loop")
    write(os.path.join(c, "layouts/partials/foot.html"), "{{> foot}}")
    out = os.path.join(os.path.dirname(c), "out")
    rc, err, secs, rss = run("build", "-C", c, "-o", out, "--today", TODAY, "-q")
    check(rc != 0 and secs < TIME_LIMIT and not os.path.exists(out), "a layout including itself stops: %d %s" % (rc, err[-300:]))
    test_bad_bytes()
    test_special_files()


# Invalid UTF-8 of every class, and where it lands in a line.
BAD_BYTES = {
    "lone continuation": b"\x80",
    "truncated 2-byte": b"\xd0",
    "truncated 3-byte": b"\xe2\x80",
    "overlong": b"\xc0\xaf",
    "surrogate": b"\xed\xa0\x80",
    "above U+10FFFF": b"\xf4\x90\x80\x80",
    "0xFF": b"\xff",
}


def insert_at(data, where):
    """Byte offset and 1-based line of a place in data: the start of the file;
    a "key" (after the first character of line 2); a "value" (before the last
    byte of line 2); the end of the file (a line of its own after the last
    line break)."""
    lines = data.split(b"\n")
    if where == "start":
        return 0, 1
    if where == "end":
        return len(data), data.count(b"\n") + 1
    off = len(lines[0]) + 1
    if where == "key":
        return off + 1, 2
    return off + max(1, len(lines[1]) - 1), 2


def test_bad_bytes():
    files = ("site.yaml", "editions/2021-2022/plan.yaml", "editions/2021-2022/edition.yaml", "pages/info.md",
             "schools/s-1.md", "schools.csv")
    for rel in files:
        orig = read(os.path.join(MINIMAL, rel), "rb")
        for k, (cls, bad) in enumerate(BAD_BYTES.items()):
            # Every class at two of the four places, rotating, so that each
            # file sees every class and every place.
            for where in (("start", "key", "value", "end") * 2)[k % 4:k % 4 + 2]:
                if rel == "schools.csv" and cls not in ("lone continuation", "surrogate"):
                    # Other bytes are valid Windows-1251: see the CSV cases below.
                    continue
                off, line = insert_at(orig, where)
                data = orig[:off] + bad + orig[off:]
                c = copy_site(name="utf8")
                write(os.path.join(c, rel), data)
                rc, err, secs, _ = run("check", "-C", c, "--today", TODAY, timeout=30)
                want = "%s:%d:" % (rel, line)
                check(rc == 1 and any(want in l and "error:" in l for l in err.splitlines()) and secs < TIME_LIMIT,
                      "invalid UTF-8 (%s) at %s of %s: want an error at %s; rc %d: %s" % (cls, where, rel, want, rc, err[-400:]))
    # Layouts (content/layouts/, read by build only): invalid UTF-8 and NUL.
    for name, bad in (("invalid UTF-8", b"\xd0"), ("NUL", b"\x00")):
        c = copy_site(name="layout-bytes")
        write(os.path.join(c, "layouts/page.html"), b"{{> head}}\n<h1>{{title}}</h1>" + bad + b"\n{{> foot}}\n")
        out = os.path.join(os.path.dirname(c), "out")
        rc, err = build(c, out)
        check(rc == 1 and "layouts/page.html:2:" in err and not os.path.exists(out),
              "%s in a layout: an error at its line, nothing written: rc %d %s" % (name, rc, err[-300:]))
    # CSV: a UTF-8 file with one damaged byte is an error; Windows-1251 is read.
    c = copy_site(name="cp1251")
    text = read(os.path.join(MINIMAL, "schools.csv"))
    write(os.path.join(c, "schools.csv"), text.encode("cp1251"))
    rc, err, _, _ = run("check", "-C", c, "--today", TODAY)
    check(rc == 0, "a Windows-1251 schools.csv is read: " + err[-300:])
    c = copy_site(name="utf8-damaged")
    b = text.encode()
    i = b.index("Средняя".encode())
    write(os.path.join(c, "schools.csv"), b[:i] + b"\xd0" + b[i + 2:])
    expect_error(c, "schools.csv", "UTF-8 CSV with a damaged byte")
    c = copy_site(name="neither")
    write(os.path.join(c, "schools.csv"), text.encode("cp1251").replace("Лицензия".encode("cp1251"), b"\x98\x98"))
    expect_error(c, "schools.csv", "bytes that are neither UTF-8 nor Windows-1251")
    # NUL bytes anywhere in any file.
    for rel in files:
        orig = read(os.path.join(MINIMAL, rel), "rb")
        for off in (0, len(orig) // 2, len(orig)):
            c = copy_site(name="nul")
            write(os.path.join(c, rel), orig[:off] + b"\x00" + orig[off:])
            expect_error(c, rel, "NUL byte at offset %d of %s" % (off, rel))
    # CRLF (and a BOM) everywhere: builds, and the site is the same as from LF.
    c = copy_site(name="crlf")
    for rel in content_files(c):
        p = os.path.join(c, rel)
        data = read(p, "rb").replace(b"\n", b"\r\n")
        write(p, data)
    ref = os.path.join(tmpdir("lf"), "out")
    out = os.path.join(os.path.dirname(c), "out")
    rc1, err1 = build(MINIMAL, ref)
    rc2, err2 = build(c, out)
    check(rc1 == 0, "the minimal site builds: " + err1[-500:])
    check(rc2 == 0, "a site written with CRLF builds: " + err2[-500:])
    if rc1 == 0 and rc2 == 0:
        a, b = tree_hashes(ref), tree_hashes(out)
        diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        check(not diff, "CRLF and LF content give the same site; differ: %s" % diff[:5])
    c = copy_site(name="bom")
    for rel in content_files(c):
        p = os.path.join(c, rel)
        write(p, b"\xef\xbb\xbf" + read(p, "rb"))
    rc, err, _, _ = run("check", "-C", c, "--today", TODAY)
    check(rc in (0, 1) and "Traceback" not in err, "files with a BOM are handled: rc %d %s" % (rc, err[-300:]))


def test_special_files():
    # A site without pages/ (and so without menu pages) builds.
    c = copy_site(name="no-pages")
    shutil.rmtree(os.path.join(c, "pages"))
    write(os.path.join(c, "site.yaml"), re.sub(r"(?s)menu:.*", "", read(os.path.join(c, "site.yaml"))))
    rc, err = build(c, os.path.join(os.path.dirname(c), "out"))
    check(rc == 0, "a site without pages/ builds: " + err[-300:])
    # A folder where a file is expected.
    for rel in ("schools.csv", "site.yaml"):
        c = copy_site(name="dir")
        os.unlink(os.path.join(c, rel))
        os.makedirs(os.path.join(c, rel))
        expect_error(c, rel, "%s is a folder" % rel)
    c = copy_site(name="dir-doc")
    os.unlink(os.path.join(c, "editions/2021-2022/plan.yaml"))
    os.makedirs(os.path.join(c, "editions/2021-2022/plan.yaml"))
    rc, err, secs, _ = run("check", "-C", c, "--today", TODAY)
    check(rc == 0 and secs < TIME_LIMIT and "editions/2021-2022: warning:" in err,
          "a folder named like a document is not a document (a warning says the edition is empty): %d %s" % (rc, err[-300:]))
    # A FIFO never blocks the build.
    for rel in ("schools.csv", "site.yaml", "pages/info.md", "editions/2021-2022/plan.yaml"):
        c = copy_site(name="fifo")
        os.unlink(os.path.join(c, rel))
        os.mkfifo(os.path.join(c, rel))
        rc, err, secs, _ = run("check", "-C", c, "--today", TODAY, timeout=20)
        check(rc == 1 and rel in err and secs < TIME_LIMIT, "%s is a FIFO: an error, no hang: rc %d %s" % (rel, rc, err[-300:]))
    # Unreadable files and folders: root reads everything, so run as nobody.
    nobody = 65534
    can_drop = os.getuid() == 0 and shutil.which("setpriv") and os.access(ROADMAP, os.X_OK)
    if not can_drop:
        if os.getuid() != 0:
            nobody = None  # we are not root: chmod 000 works for us directly
        else:
            check(False, "setpriv is needed to test unreadable files as root")
            return
    for rel, is_dir in (("schools.csv", False), ("site.yaml", False), ("pages/info.md", False),
                        ("editions/2021-2022/plan.yaml", False), ("pages", True), ("schools", True),
                        ("editions/2021-2022", True)):
        c = copy_site(name="unreadable")
        for base, dirs, files in os.walk(os.path.dirname(c)):
            os.chmod(base, 0o755)
            for f in files:
                os.chmod(os.path.join(base, f), 0o644)
        os.chmod(os.path.dirname(os.path.dirname(c)), 0o755)
        os.chmod(WORK, 0o755)
        os.chmod(os.path.join(c, rel), 0o000)
        rc, err, secs, _ = run("check", "-C", c, "--today", TODAY, user=nobody)
        check(rc == 1 and rel in err and "error:" in err, "unreadable %s %s: an error naming it; rc %d %s"
              % ("folder" if is_dir else "file", rel, rc, err[-400:]))
        os.chmod(os.path.join(c, rel), 0o755 if is_dir else 0o644)


# ---------------------------------------------------------------------------
# 6. Atomicity
# ---------------------------------------------------------------------------

def big_site(n_schools, n_acts, title):
    """The minimal site with many schools and activities that concern them all."""
    c = copy_site(name="big-site")
    rows = ["id,name,short_name,address,groups"]
    rows += ["b-%04d,Школа № %d %s,СШ № %d,ул. Длинная д. %d,low-results" % (i, i, title, i, i) for i in range(n_schools)]
    write(os.path.join(c, "schools.csv"), "\n".join(rows) + "\n")
    for f in os.listdir(os.path.join(c, "schools")):
        os.unlink(os.path.join(c, "schools", f))
    acts = "".join("""      - title: Мероприятие %d «%s» для всех школ
        deadline: ноябрь
        responsible: Отдел образования
        schools: all
""" % (i, title) for i in range(n_acts))
    write(os.path.join(c, "editions/2021-2022/plan.yaml"),
          "title: План %s\nsections:\n  - title: Раздел\n    activities:\n%s" % (title, acts))
    shutil.copytree(os.path.join(c, "editions/2021-2022"), os.path.join(c, "editions/2020-2021"))
    return c


def leftovers(out):
    parent, base = os.path.split(out)
    return sorted(f for f in os.listdir(parent) if f.startswith(base + ".tmp-") or f.startswith(base + ".old-"))


def test_atomicity():
    old_c, new_c = big_site(100, 25, "старый"), big_site(100, 25, "новый")
    ref_old, ref_new = os.path.join(tmpdir("ref"), "old"), os.path.join(tmpdir("ref"), "new")
    rc1, _ = build(old_c, ref_old, "-j", "1")
    t0 = time.monotonic()
    rc2, _ = build(new_c, ref_new, "-j", "1")
    t_new = time.monotonic() - t0
    if not check(rc1 == 0 and rc2 == 0, "the large sites build"):
        return
    old_h, new_h = tree_hashes(ref_old), tree_hashes(ref_new)
    check(len(new_h) > 300 and old_h != new_h, "large site: %d files, %.2f s with -j1" % (len(new_h), t_new))
    # The output goes to tmpfs when there is one: the test is about what a kill
    # leaves, and a slow disk only makes it longer.
    fast = "/dev/shm" if os.access("/dev/shm", os.W_OK) and shutil.disk_usage("/dev/shm").free > 256 * MiB else WORK
    out = os.path.join(tempfile.mkdtemp(prefix="roadmap-atomic-", dir=fast), "output")
    SCRATCH.append(os.path.dirname(out))
    seen = {"old": 0, "new": 0}
    # Kill moments: spread over the build, plus "as soon as the new site is in
    # place" (during the removal of the old one) and "right after the temporary
    # folder appears".
    moments = [0.0, 0.01] + [t_new * k / 10 for k in (1, 3, 5, 7, 9, 11)] + ["tmp", "swap", "swap", "swap"]
    for m in moments:
        shutil.rmtree(out, ignore_errors=True)
        rc, _ = build(old_c, out, "-j", "1")
        ino = os.stat(out).st_ino
        p = subprocess.Popen([ROADMAP, "build", "-C", new_c, "-o", out, "--today", TODAY, "-q", "-j", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if m == "tmp":
            while p.poll() is None and not leftovers(out):
                pass
        elif m == "swap":
            while p.poll() is None:
                try:
                    if os.stat(out).st_ino != ino:
                        break
                except FileNotFoundError:
                    break
        else:
            time.sleep(m)
        p.send_signal(signal.SIGKILL)
        p.wait()
        h = tree_hashes(out) if os.path.isdir(out) else None
        state = "old" if h == old_h else "new" if h == new_h else None
        if state:
            seen[state] += 1
        check(state is not None, "killed at %s: output is neither the old nor the new site (%s files; differs from the "
              "old in %s, from the new in %s)" % (m, len(h) if h is not None else "no folder",
                                                h and sorted(k for k in set(h) | set(old_h) if h.get(k) != old_h.get(k))[:4],
                                                h and sorted(k for k in set(h) | set(new_h) if h.get(k) != new_h.get(k))[:4]))
        # The next build cleans what the killed one left.
        rc, err = build(old_c, out, "-j", "2")
        h = tree_hashes(out)
        check(rc == 0 and h == old_h and not leftovers(out),
              "after a kill at %s the next build succeeds and cleans up: rc %d, left %s, differs from the old in %s"
              % (m, rc, leftovers(out), sorted(k for k in set(h) | set(old_h) if h.get(k) != old_h.get(k))[:4]))
    check(seen["old"] and seen["new"], "kills landed both before and after the swap: %s" % seen)
    # What a kill can leave: an empty temporary folder (killed before its
    # marker was written) is removed; a folder of that name that is not ours
    # (no marker, not empty) is never touched.
    empty, foreign = out + ".tmp-999999", out + ".tmp-1"
    os.makedirs(empty)
    os.makedirs(foreign)
    write(os.path.join(foreign, "keep.txt"), "not roadmap's")
    rc, err = build(old_c, out, "-j", "2")
    check(rc == 0 and not os.path.exists(empty), "an empty stale temporary folder is removed: %s" % err[-300:])
    check(os.path.exists(os.path.join(foreign, "keep.txt")), "a folder without the marker is never deleted")


# ---------------------------------------------------------------------------
# 7. Reproducibility
# ---------------------------------------------------------------------------

def copy_in_order(src, dst, reverse):
    """Copies src to dst creating folders and files in sorted or reverse order."""
    entries = []
    for base, dirs, files in os.walk(src):
        for d in dirs:
            entries.append((os.path.relpath(os.path.join(base, d), src), True))
        for f in files:
            entries.append((os.path.relpath(os.path.join(base, f), src), False))
    entries.sort(reverse=reverse)
    os.makedirs(dst)
    # Folders first (parents before children), then files in the chosen order.
    for rel, is_dir in sorted((e for e in entries if e[1]), key=lambda e: e[0].count(os.sep)):
        os.makedirs(os.path.join(dst, rel), exist_ok=True)
    for rel, is_dir in (e for e in entries if not e[1]):
        shutil.copy2(os.path.join(src, rel), os.path.join(dst, rel))


def test_reproducible():
    content = os.path.join(ROOT, "content")
    variants = [
        ("sorted", False, {"TZ": "UTC", "LANG": "C", "LC_ALL": "C"}, ["-j", "1"]),
        ("reverse", True, {"TZ": "Pacific/Kiritimati", "LANG": "ru_RU.UTF-8", "LC_ALL": "C.UTF-8"}, ["-j", "4"]),
        ("reverse-2", True, {"TZ": "America/Adak", "LANG": "tr_TR.UTF-8", "LC_ALL": ""}, ["-j", "3"]),
    ]
    outs = []
    for name, reverse, env, extra in variants:
        d = tmpdir("repro-" + name)
        c = os.path.join(d, "content-" + name)
        copy_in_order(content, c, reverse)
        out = os.path.join(d, "out")
        rc, err = build(c, out, *extra, env=env)
        check(rc == 0, "demo builds (%s): %s" % (name, err[-300:]))
        outs.append(out)
    for o in outs[1:]:
        diff = subprocess.run(["diff", "-r", outs[0], o], capture_output=True, text=True)
        check(diff.returncode == 0, "builds with the same --today are byte-identical across TZ, locale, -j, "
                                    "paths and creation order:\n" + diff.stdout[:1000])
    # And the hostile site too.
    a, b = os.path.join(tmpdir("repro-h"), "a"), os.path.join(tmpdir("repro-h"), "b")
    build(HOSTILE, a, "-j", "1", env={"TZ": "UTC"})
    build(HOSTILE, b, "-j", "4", env={"TZ": "Asia/Kamchatka", "LC_ALL": "C.UTF-8"})
    check(tree_hashes(a) == tree_hashes(b), "hostile site builds are identical")


def main():
    if not os.access(ROADMAP, os.X_OK):
        print("FAIL no roadmap binary at %s (run make)" % ROADMAP)
        print("hostile: 0 passed, 1 failed")
        return 1
    only = sys.argv[1:]
    tests = [("escaping", test_escaping), ("paths", test_paths), ("limits", test_limits),
             ("atomicity", test_atomicity), ("reproducible", test_reproducible)]
    try:
        for name, fn in tests:
            if only and name not in only:
                continue
            t = time.monotonic()
            before = (passed, failed)
            try:
                fn()
            except Exception as e:  # noqa: BLE001 — a crash of a section is one failure
                import traceback
                traceback.print_exc()
                check(False, "%s raised %r" % (name, e))
            print("  %-12s %4d passed, %d failed, %.1f s" % (name, passed - before[0], failed - before[1],
                                                             time.monotonic() - t))
    finally:
        for base, dirs, files in os.walk(WORK):
            for d in dirs:
                try:
                    os.chmod(os.path.join(base, d), 0o755)
                except OSError:
                    pass
        for d in SCRATCH:
            shutil.rmtree(d, ignore_errors=True)
    print("hostile: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
