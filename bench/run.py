#!/usr/bin/env python3
"""make bench (spec/quality.md «Speed», issue #14): generates the synthetic site
(bench/gen.py), builds it, rebuilds it unchanged, copies the output with
`cp -r`, builds the Hugo twin of the same content when `hugo` is installed,
and prints the measurements next to the goals.  Never part of `make check`:
timings depend on the machine and its load; every time is from one run and
the ratios compare runs made one right after another.

Two sites (bench/gen.py): the goals of issue #14 are stated for its bench
site, shape «issue» (500 schools, 2 editions, 150 activities, 20
indicators); spec/quality.md's heavier shape «spec» (3 editions, 300
activities, 60 indicators) is measured too and its figures printed beside,
without goals (the issue's figures win where the two disagree).

environment: ROADMAP (./roadmap), BENCH_DIR (build/bench), BENCH_SCHOOLS (500),
BENCH_SHAPES (issue spec); extra arguments are passed to `roadmap build`
(e.g. -j 1)."""
import glob
import os
import re
import shutil
import subprocess
import sys
import time

ROADMAP = os.environ.get("ROADMAP", "./roadmap")
WORK = os.environ.get("BENCH_DIR", "build/bench")
SCHOOLS = int(os.environ.get("BENCH_SCHOOLS", "500"))
SHAPES = os.environ.get("BENCH_SHAPES", "issue spec").split()
DESCRIBE = {"issue": "2 editions, 150 activities per edition, 20 indicators",
            "spec": "3 editions, 300 activities per edition, 60 indicators"}
EXTRA = sys.argv[1:]
TODAY = "2021-03-15"


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MB, stderr)."""
    rss = os.path.join(WORK, "rss")
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss] + cmd, capture_output=True, text=True, **kw)
    t = time.monotonic() - t0
    if p.returncode:
        sys.exit("bench: %s failed:\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    with open(rss) as f:
        return t, int(f.read().split()[-1]) / 1024, p.stderr


def tree(path):
    """rel -> (inode, mtime_ns, size) of every file."""
    res = {}
    for base, _, files in os.walk(path):
        for f in files:
            st = os.lstat(os.path.join(base, f))
            res[os.path.relpath(os.path.join(base, f), path)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return res


def kinds(files):
    """Bytes per kind of file: <ed>/schools/<id>/data.json and so on, largest first."""
    agg = {}
    for rel, v in files.items():
        k = re.sub(r"^\d{4}-\d{4}/", "<ed>/", rel)
        k = re.sub(r"^(<ed>/)?(schools|indicators)/[^/]+/", lambda m: "%s%s/<%s>/" % (m.group(1) or "", m.group(2),
                   "id" if m.group(2) == "schools" else "ind"), k)
        n, size = agg.get(k, (0, 0))
        agg[k] = (n + 1, size + v[2])
    return sorted(agg.items(), key=lambda kv: -kv[1][1])


def bench(shape):
    """Measures one shape; prints its figures, and the goals when shape is «issue»."""
    # Nothing is deleted between the timed runs: on ext4 without a journal
    # (this machine) creating files right after deleting thousands costs
    # several times more kernel time (the allocator skips "recently deleted"
    # inodes one by one), which would measure the deletion, not the build.
    # Old runs are renamed away here and deleted at the end.
    if os.path.exists(WORK):
        n = 0
        while os.path.exists("%s.old%d" % (WORK, n)):
            n += 1
        os.rename(WORK, "%s.old%d" % (WORK, n))
    os.makedirs(WORK)
    content, out, copy = os.path.join(WORK, "content"), os.path.join(WORK, "out"), os.path.join(WORK, "copy")
    subprocess.run([sys.executable, "bench/gen.py", content, str(SCHOOLS), shape], check=True, stdout=subprocess.DEVNULL)
    build = [ROADMAP, "build", "-C", content, "-o", out, "--today", TODAY] + EXTRA
    subprocess.run(["sync"])
    t_build, mem, _ = timed(build)
    before = tree(out)
    t_re, mem_re, err = timed(build)
    after = tree(out)
    m = re.search(r"roadmap: (\d+) страни\w* измен", err)
    reported = int(m.group(1)) if m else -1
    rewritten = sum(1 for k in after if after[k][:2] != before.get(k, (None, None))[:2])
    # Every time is the best of two runs made the same way (a fresh build into
    # a new folder, a copy into a new folder, Hugo into a new folder): the
    # first of anything on this machine is often slowed by the file system.
    t_build2, _, _ = timed(build[:build.index("-o") + 1] + [out + "2"] + build[build.index("-o") + 2:])
    t_best = min(t_build, t_build2)
    cps = []
    for c in (copy, copy + "2"):
        subprocess.run(["sync"])
        t0 = time.monotonic()
        subprocess.run(["cp", "-r", out, c], check=True)
        cps.append(time.monotonic() - t0)
    t_cp = min(cps)
    size = sum(v[2] for v in after.values())
    schools = [v[2] for k, v in after.items() if re.fullmatch(r"\d{4}-\d{4}/schools/[^/]+/index\.html", k)]
    pages = len(after)
    print("== bench site «%s»: %d schools, %s" % (shape, SCHOOLS, DESCRIBE[shape]))
    print("roadmap build: %d files in %.2f s (best of 2; the other %.2f s, %.0f files per second), "
          "peak memory %.0f MB" % (pages, t_best, max(t_build, t_build2), pages / t_best, mem))
    print("no-change rebuild: %.2f s, %d files rewritten (reported: %d), peak memory %.0f MB" %
          (t_re, rewritten, reported, mem_re))
    print("cp -r of the output: %.2f s (best of 2; the other %.2f s); build / copy = %.2f" %
          (t_cp, max(cps), t_best / t_cp))
    print("output: %.1f MB; school page: largest %.1f KB, median %.1f KB" %
          (size / 1e6, max(schools) / 1e3, sorted(schools)[len(schools) // 2] / 1e3))
    for k, (n, kb) in kinds(after)[:12]:
        print("  %7.1f MB  %5d × %-40s (%.1f KB each)" % (kb / 1e6, n, k, kb / n / 1e3))
    ratio = None
    hugo = shutil.which("hugo")
    if hugo:
        hsrc = content.rstrip("/") + "-hugo"
        runs = []
        for hout in ("hugo-out", "hugo-out2"):
            subprocess.run(["sync"])
            runs.append(timed([hugo, "--quiet", "-s", hsrc, "-d", os.path.abspath(os.path.join(WORK, hout))]))
        t_h, mem_h = min(r[0] for r in runs), max(r[1] for r in runs)
        hpages = sum(len(f) for _, _, f in os.walk(os.path.join(WORK, "hugo-out")))
        ratio = t_h / t_best
        print("hugo %s: %d school and document pages in %.2f s (best of 2), peak memory %.0f MB" %
              (subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1],
               hpages, t_h, mem_h))
        print("roadmap whole site vs hugo twin: %.1f× faster" % ratio)
    else:
        print("hugo: not installed (Debian package hugo); no side-by-side comparison")
    # The next day: the current edition speaks as of the new date, an
    # archived one (not current, its period over) is frozen and keeps its files.
    nextday = [("2021-03-16" if a == TODAY else a) for a in build]
    timed(nextday)
    later = tree(out)
    changed = {}
    for k in later:
        if later[k][:2] != after.get(k, (None, None))[:2]:
            top = k.split("/")[0] if re.match(r"\d{4}-\d{4}/", k) else "(site-wide)"
            changed[top] = changed.get(top, 0) + 1
    eds = sorted({k.split("/")[0] for k in later if re.match(r"\d{4}-\d{4}/", k)})
    print("next-day rebuild (--today 2021-03-16): %d files rewritten; per edition: %s" %
          (sum(changed.values()), ", ".join("%s %d" % (e, changed.get(e, 0)) for e in eds)))
    if shape != "issue":
        return
    goals = [
        ("≥ 5× faster than the Hugo twin", ratio is not None and ratio >= 5,
         "%.1f×" % ratio if ratio is not None else "hugo not installed"),
        ("build ≤ 2× cp -r of its output", t_best / t_cp <= 2, "%.2f×" % (t_best / t_cp)),
        ("output ≤ 100 MB (500 schools)", size <= 100e6 * max(1, SCHOOLS / 500), "%.1f MB" % (size / 1e6)),
        ("school page ≤ 60 KB", max(schools) <= 60e3, "%.1f KB" % (max(schools) / 1e3)),
        ("no-change rebuild rewrites 0 files", rewritten == 0 and reported == 0, "%d" % rewritten),
    ]
    print("goals:")
    for what, ok, got in goals:
        print("  %-4s %-38s %s" % ("met" if ok else "MISS", what, got))


# Seconds after a clean-up before timing again.  On this project's machines
# (ext4 without a journal, mounted with `discard`) file creation stays several
# times slower for minutes after tens of thousands of files were deleted: the
# allocator skips "recently deleted" inodes (60 s, 300 s while their blocks
# are dirty) and the device works through the discards.  Measured: builds of
# 0.66 s on a settled disk, 1.1–3.3 s within 2 minutes of a clean-up.
SETTLED = 300


def main():
    # A run right after the previous one's clean-up would time the deletion
    # (see bench()): wait until its freed inodes are no longer recent.
    stamp = WORK + ".cleaned"
    if os.path.exists(stamp):
        wait = SETTLED - (time.time() - os.path.getmtime(stamp))
        if wait > 0:
            print("bench: waiting %.0f s for the file system to settle after the last run's clean-up" % wait,
                  flush=True)
            time.sleep(wait)
    for shape in SHAPES:
        bench(shape)
    for old in glob.glob(WORK + ".old*"):
        shutil.rmtree(old, ignore_errors=True)
    subprocess.run(["sync"])
    with open(stamp, "w") as f:
        f.write("the bench deleted its old outputs at this file's time\n")


if __name__ == "__main__":
    main()
