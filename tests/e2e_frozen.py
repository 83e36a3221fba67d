#!/usr/bin/env python3
"""An archived edition is frozen (spec/quality.md «archived editions cost
nothing», issue #14): its pages, calendars and open data speak «as of» the
day after its period, not the build date, so a rebuild on another day keeps
every one of its files (same inode, same modification time) and rsync or a
CDN upload carries only what really changed.  The current edition still
speaks as of the build date."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from e2e import *  # noqa: F401,F403
import json
import re


def tree(path):
    res = {}
    for base, _, files in os.walk(path):
        for f in files:
            st = os.lstat(os.path.join(base, f))
            res[os.path.relpath(os.path.join(base, f), path)] = (st.st_ino, st.st_mtime_ns)
    return res


def test_archive_frozen():
    out = os.path.join(tmpdir(), "site")
    rc, _, err = run("build", "-C", "content", "-o", out, "--today", "2022-03-15")
    check(rc == 0, "demo builds on 15 March: " + err[-1000:])
    before = tree(out)
    rc, _, err = run("build", "-C", "content", "-o", out, "--today", "2022-03-16")
    check(rc == 0, "and again on 16 March: " + err[-1000:])
    after = tree(out)
    archived = [k for k in after if k.startswith("2020-2021/")]
    rewritten = [k for k in archived if before.get(k) != after[k]]
    check(len(archived) > 50 and not rewritten,
          "the archived edition 2020-2021 keeps all %d files (rewritten: %s)" % (len(archived), rewritten[:5]))
    current = [k for k in after if k.startswith("2021-2022/") and before.get(k) != after[k]]
    check(len(current) > 10, "the current edition speaks as of the new day (%d files changed)" % len(current))
    m = re.search(r"(\d+) страни\w* изменен", err)
    check(m and int(m.group(1)) == len([k for k in after if before.get(k) != after[k]]),
          "the build reports the pages it changed: " + err[-300:])
    page = read(os.path.join(out, "2020-2021/schools/sosh-13/index.html"))
    check("Сведения по состоянию на 1 сентября 2021\u00a0г." in page,
          "an archived page is dated the day after its period")
    cur = read(os.path.join(out, "2021-2022/schools/sosh-13/index.html"))
    check("16 марта 2022" in cur, "a current page is dated the build day")
    data = json.loads(read(os.path.join(out, "2020-2021/data/activities.json")))
    check(data["as_of"] == "2021-09-01", "open data of the archive: as_of is its end (%s)" % data["as_of"])
    acts = [a for a in data["activities"] if a["status"] not in ("done", "cancelled")]
    check(all(a["overdue"] == (a["deadline_end"] is not None and a["deadline_end"] < "2021-09-01") for a in acts),
          "overdue in the archive is judged at its end")
    ics = read(os.path.join(out, "2020-2021/calendar.ics"))
    stamps = set(re.findall(r"DTSTAMP:(\d+)", ics))
    check(stamps == {"20210901"}, "its calendar's DTSTAMP is its end, not the build day: %s" % stamps)


if __name__ == "__main__":
    main((test_archive_frozen,))
    finish("e2e_frozen")
